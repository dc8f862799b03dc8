"""The command word is found past the global options, so status can take its lean parser."""

from __future__ import annotations

import pytest

from tracker.__main__ import command_word, main, plain_status


@pytest.mark.parametrize(
    ("argv", "word"),
    [
        (["status"], "status"),
        (["--db", "x.db", "status", "--json"], "status"),
        (["--today", "2026-11-25", "--db=x.db", "status"], "status"),
        (["log", "--note", "status", "--kind", "easy"], "log"),
        (["--db", "status"], None),
        (["--demo"], None),
        ([], None),
    ],
)
def test_command_word(argv: list[str], word: str | None) -> None:
    assert command_word(argv) == word


def test_status_refuses_what_it_does_not_take(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--kind", "easy"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("recovtui: unrecognized arguments: --kind easy")


@pytest.mark.parametrize(
    ("argv", "db", "today", "json"),
    [
        (["status"], None, None, False),
        (["--db", "x.db", "status", "--json"], "x.db", None, True),
        (
            ["status", "--today", "2026-11-25", "--db", "a.db", "--db", "b.db"],
            "b.db",
            "2026-11-25",
            False,
        ),
    ],
)
def test_a_prompt_status_is_read_without_argparse(
    argv: list[str], db: str | None, today: str | None, json: bool
) -> None:
    assert vars(plain_status(argv) or {}) == {"db": db, "today": today, "json": json}


@pytest.mark.parametrize(
    "argv",
    [
        ["status", "--kind", "easy"],
        ["--db=x.db", "status"],
        ["status", "--js"],
        ["status", "--db"],
        ["status", "--db", "-x"],
        ["status", "status"],
        ["status", "--help"],
        ["--json"],
    ],
)
def test_anything_else_goes_to_argparse(argv: list[str]) -> None:
    assert plain_status(argv) is None
