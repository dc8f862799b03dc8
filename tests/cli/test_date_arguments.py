"""Every date on the command line (DESIGN §1, §8): any year 1–9999; in range works, out of
range is exit 2 with one line and nothing written. In-process, not subprocesses."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.cli.run import contents
from tracker.__main__ import main
from tracker.domain.dates import FIRST_DAY, LAST_DAY

ANY_DAY = st.dates(date(1, 1, 1), date(9999, 12, 31))
EDGES = (
    date(1, 1, 1),
    date(1899, 12, 31),
    date(1900, 1, 1),
    date(2199, 12, 31),
    date(2200, 1, 1),
    date(9999, 12, 20),
    date(9999, 12, 31),
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("dates") / "base.db"
    assert main(["log", "2026-11-24", "--kind", "easy", "--distance", "5", "--db", str(db)]) == 0
    return db


def command(template: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str]]:
    def run(*argv: str, today: date | None = None) -> tuple[int, str]:
        db = template.parent / "t.db"
        shutil.copy(template, db)
        for side in ("-wal", "-shm"):
            Path(f"{db}{side}").unlink(missing_ok=True)
        capsys.readouterr()
        before = contents(db)
        extra = ["--today", today.isoformat()] if today else []
        code = main([*argv, "--db", str(db), *extra])
        err = capsys.readouterr().err
        if code != 0:
            assert contents(db) == before
            assert err.count("\n") == 1, err
        assert "Traceback" not in err
        return code, err

    return run


def in_range(day: date) -> bool:
    return FIRST_DAY <= day <= LAST_DAY


ARGUMENTS: dict[str, tuple[Callable[[str], list[str]], date]] = {
    # An accepted date is run with itself as today (a log or check-in of today, a plan of
    # this week: each one it takes). An out-of-range one, with a today that would take
    # any accepted date (log: not in the future; plan set: not a past week never
    # planned), so that only the date can refuse it. Today at the edges themselves,
    # for every command: test_today_at_the_edges.
    "log DATE": (lambda d: ["log", d, "--kind", "easy", "--distance", "5"], LAST_DAY),
    "plan --week DATE": (lambda d: ["plan", "--week", d], FIRST_DAY),
    "plan set DATE": (lambda d: ["plan", "set", d, "rest"], FIRST_DAY),
    "checkin DATE": (lambda d: ["checkin", d, "--fatigue", "3"], LAST_DAY),
}


@pytest.mark.parametrize("name", ARGUMENTS)
@settings(max_examples=3, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(day=ANY_DAY)
@example(day=EDGES[0])
@example(day=EDGES[1])
@example(day=EDGES[2])
@example(day=EDGES[3])
@example(day=EDGES[4])
@example(day=EDGES[6])
def test_a_date_argument(
    name: str, day: date, template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv, today = ARGUMENTS[name]
    code, err = command(template, capsys)(
        *argv(day.isoformat()), today=day if in_range(day) else today
    )
    if in_range(day):
        assert code == 0, err
    else:
        assert code == 2
        assert f"{day.isoformat()} is out of range (use 1900-01-01 to 2199-12-31)" in err


COMMANDS = (
    ["status"],
    ["status", "--json"],
    ["stats"],
    ["stats", "--json"],
    ["plan"],
    ["plan", "set", "tomorrow", "rest"],
    ["log", "--kind", "easy", "--distance", "5"],
    ["checkin"],
    ["export"],
    ["export", "--format", "csv"],
    ["export", "--format", "ics"],
)


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
@settings(max_examples=2, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(day=ANY_DAY.filter(lambda d: not in_range(d)))
@example(day=EDGES[1])
@example(day=EDGES[4])
@example(day=EDGES[5])
def test_today_out_of_range(
    argv: list[str], day: date, template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = command(template, capsys)(*argv, today=day)
    assert code == 2
    assert err.startswith("recovtui: --today: ")
    assert "out of range" in err


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("day", [FIRST_DAY, LAST_DAY], ids=str)
def test_today_at_the_edges(
    argv: list[str], day: date, template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = command(template, capsys)(*argv, today=day)
    refused = argv[0] == "plan" and len(argv) > 1 and day == LAST_DAY  # tomorrow is 2200
    assert code == (2 if refused else 0), err
