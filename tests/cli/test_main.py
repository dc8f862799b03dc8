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


LINES = [
    ["stats", "--json"],
    ["--db", "x.db", "log", "yesterday", "--kind", "easy", "--distance", "10km", "--rpe", "5"],
    ["plan", "set", "monday", "rest", "--today", "2026-11-25"],
    ["export", "--format", "ics", "--output", "plan.ics", "--force"],
    ["import", "a.gpx", "b.fit", "--watched"],
    ["watch", "add", "runs"],
    ["serve", "--port", "8080", "--demo"],
    ["checkin", "--sleep", "7.5", "--fatigue", "3", "--pain", "calf:2"],
    ["timer", "ice-bath", "--duration", "3s"],
    ["backup", "--output", "copy.db"],
]


@pytest.mark.parametrize("argv", LINES)
def test_a_parser_built_for_one_command_reads_it_as_the_whole_one(argv: list[str]) -> None:
    from tracker.cli.parser import build_parser

    assert vars(build_parser(command_word(argv)).parse_args(argv)) == vars(
        build_parser().parse_args(argv)
    )


def test_every_command_is_listed_whichever_is_built(capsys: pytest.CaptureFixture[str]) -> None:
    from tracker.cli.parser import COMMANDS, build_parser

    full = build_parser().format_help()
    assert build_parser("stats").format_help() == full
    assert all(name in full for name in COMMANDS)
    helps = []
    for parser in (build_parser("log"), build_parser()):
        with pytest.raises(SystemExit):
            parser.parse_args(["log", "--help"])
        helps.append(capsys.readouterr().out)
    assert "--distance" in helps[0]
    assert helps[0] == helps[1]
