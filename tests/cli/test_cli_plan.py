"""``recovtui plan``, global options and exit codes (DESIGN §8)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tracker import __version__
from tracker.__main__ import main
from tracker.data.db import open_db
from tracker.data.store import Store
from tracker.domain.plan import TOO_FEW_REST, TOO_MANY_REST

Capsys = pytest.CaptureFixture[str]
TODAY = "2026-11-25"  # a Wednesday

WEEK_OF_TODAY = """\
Week Mon 2026-11-23 – Sun 2026-11-29 · 1 rest day ✓ · proposed by your week template
Mon 2026-11-23  rest
Tue 2026-11-24  easy
Wed 2026-11-25  workout             ← today
Thu 2026-11-26  easy
Fri 2026-11-27  easy
Sat 2026-11-28  long
Sun 2026-11-29  easy
"""


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "recovtui.db"


def run(capsys: Capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def plan_rows(path: Path) -> list[tuple[Any, ...]]:
    if not path.exists():
        return []
    store = Store(open_db(path))
    try:
        return list(store.db.execute("SELECT * FROM plan_days ORDER BY date"))
    finally:
        store.close()


def one_line(err: str) -> str:
    assert err.endswith("\n")
    assert err.count("\n") == 1, err
    assert err.startswith("recovtui: ")
    assert "Traceback" not in err
    return err


def test_version(capsys: Capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out == f"recovtui {__version__}\n"


def test_help_lists_the_commands(capsys: Capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    for word in ("--db", "--today", "--demo", "plan", "log", "timer", "status", "stats"):
        assert word in out
    with pytest.raises(SystemExit):
        main(["plan", "--help"])
    assert "--week" in capsys.readouterr().out


def test_plan_prints_this_week(capsys: Capsys, db: Path) -> None:
    code, out, err = run(capsys, "--db", str(db), "--today", TODAY, "plan")
    assert (code, out, err) == (0, WEEK_OF_TODAY, "")
    assert plan_rows(db) == []  # reading never writes


def test_a_past_week_never_planned_is_not_planned_and_stays_so(capsys: Capsys, db: Path) -> None:
    code, out, err = run(capsys, "--db", str(db), "--today", TODAY, "plan", "--week", "2026-11-16")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "Week Mon 2026-11-16 – Sun 2026-11-22 · not planned"
    assert lines[1] == "Mon 2026-11-16  not planned"
    code, out, err = run(
        capsys, "--db", str(db), "--today", TODAY, "plan", "set", "2026-11-17", "rest"
    )
    assert code == 2 and "never planned" in one_line(err)
    assert plan_rows(db) == []


@pytest.mark.parametrize(
    ("week", "header"),
    [
        ("2026-12-31", "Week Mon 2026-12-28 – Sun 2027-01-03 · 1 rest day ✓ · proposed"),
        ("2028-02-29", "Week Mon 2028-02-28 – Sun 2028-03-05 · 1 rest day ✓ · proposed"),
        ("yesterday", "Week Mon 2026-11-23 – Sun 2026-11-29 · 1 rest day ✓ · proposed"),
        # A weekday is the next one, today included: Sunday is this week's.
        ("sunday", "Week Mon 2026-11-23 – Sun 2026-11-29 · 1 rest day ✓ · proposed"),
        ("wednesday", "Week Mon 2026-11-23 – Sun 2026-11-29 · 1 rest day ✓ · proposed"),
        ("tuesday", "Week Mon 2026-11-30 – Sun 2026-12-06 · 1 rest day ✓ · proposed"),
        ("tomorrow", "Week Mon 2026-11-23 – Sun 2026-11-29 · 1 rest day ✓ · proposed"),
    ],
)
def test_plan_week_date(capsys: Capsys, db: Path, week: str, header: str) -> None:
    code, out, err = run(capsys, "--db", str(db), "--today", TODAY, "plan", "--week", week)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].startswith(header)
    assert len(lines) == 8
    assert ("← today" in out) == lines[0].startswith("Week Mon 2026-11-23")


def test_plan_shows_what_was_done(capsys: Capsys, db: Path) -> None:
    assert main(["--db", str(db), "log", "2026-11-24", "--kind", "easy", "--distance", "8"]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "--db", str(db), "--today", TODAY, "plan")
    assert code == 0
    assert "Tue 2026-11-24  easy" in out
    assert "done 8.0 km" in out


def test_plan_set_changes_a_day_and_prints_the_week(capsys: Capsys, db: Path) -> None:
    code, out, err = run(capsys, "--db", str(db), "--today", TODAY, "plan", "set", "fri", "rest")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "Fri 2026-11-27 is now rest"  # the coming Friday, not last week's
    assert lines[1] == "Week Mon 2026-11-23 – Sun 2026-11-29 · 2 rest days ✓"
    assert "Fri 2026-11-27  rest" in lines
    assert ("2026-11-27", "rest", None, None) in plan_rows(db)
    assert len(plan_rows(db)) == 7  # a change stores the whole week


@pytest.mark.parametrize(
    ("word", "day"),
    [("tomorrow", "Thu 2026-11-26"), ("wed", "Wed 2026-11-25"), ("tuesday", "Tue 2026-12-01")],
)
def test_plan_set_takes_the_next_weekday_and_tomorrow(
    capsys: Capsys, db: Path, word: str, day: str
) -> None:
    code, out, err = run(capsys, "--db", str(db), "--today", TODAY, "plan", "set", word, "cross")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == f"{day} is now cross"


def test_plan_set_with_an_iso_date_and_a_capital_kind(capsys: Capsys, db: Path) -> None:
    code, out, _ = run(
        capsys, "--db", str(db), "--today", TODAY, "plan", "set", "2027-01-01", "Long"
    )
    assert code == 0
    assert "Fri 2027-01-01 is now long" in out
    assert ("2027-01-01", "long", None, None) in plan_rows(db)


@pytest.mark.parametrize(
    ("setup", "change", "message"),
    [
        ([], ["2026-11-23", "easy"], TOO_FEW_REST),
        ([["2026-11-24", "rest"]], ["2026-11-25", "rest"], TOO_MANY_REST),
        ([["2026-11-24", "rest"]], ["2026-11-29", "rest"], TOO_MANY_REST),
    ],
)
def test_a_refusal_prints_the_rule_exits_2_and_writes_nothing(
    capsys: Capsys, db: Path, setup: list[list[str]], change: list[str], message: str
) -> None:
    for words in setup:
        assert main(["--db", str(db), "--today", TODAY, "plan", "set", *words]) == 0
    capsys.readouterr()
    before = plan_rows(db)
    code, out, err = run(capsys, "--db", str(db), "--today", TODAY, "plan", "set", *change)
    assert code == 2
    assert out == ""
    assert one_line(err) == f"recovtui: refused: {message}\n"  # no TUI key like "(m)"
    assert plan_rows(db) == before


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["plan", "set", "2026-13-01", "rest"], "no such date"),
        (["plan", "set", "someday", "rest"], "not a date"),
        (["plan", "set", "today", "jog"], "unknown kind 'jog'"),
        (["plan", "set", "today"], "use: recovtui plan set DATE KIND"),
        (["plan", "set", "today", "rest", "extra"], "use: recovtui plan set DATE KIND"),
        (["plan", "frob"], "use: recovtui plan set DATE KIND"),
        (["plan", "--week", "nope"], "--week: not a date"),
        (["plan", "--week"], "expected one argument"),
        (["plan", "--frob"], "unrecognized arguments: --frob"),
        (["--today", "2026-02-30", "plan"], "--today: no such date"),
        (["--today", "yesterday", "plan"], "--today: not a date"),
        (["plan", "--today", "soon"], "--today: not a date"),
        (["fly"], "invalid choice: 'fly'"),
    ],
)
def test_bad_usage_exits_2_with_one_line(
    capsys: Capsys, db: Path, argv: list[str], words: str
) -> None:
    code, out, err = run(capsys, "--db", str(db), *argv)
    assert code == 2
    assert out == ""
    assert words in one_line(err)
    assert plan_rows(db) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["--db", "{db}", "--today", TODAY, "plan"],
        ["plan", "--db", "{db}", "--today", TODAY],
        ["--db", "{db}", "plan", "--today", TODAY],
        ["--today", TODAY, "plan", "--db", "{db}"],
    ],
)
def test_global_options_before_or_after_the_command(
    capsys: Capsys, db: Path, argv: list[str]
) -> None:
    assert (
        run(capsys, "--db", str(db), "--today", TODAY, "plan", "set", "2026-11-26", "cross")[0] == 0
    )
    code, out, err = run(capsys, *(a.replace("{db}", str(db)) for a in argv))
    changed = WEEK_OF_TODAY.replace("26  easy", "26  cross")
    stored = changed.replace(" · proposed by your week template", "")  # a change stores it
    assert (code, out, err) == (0, stored, "")


def test_global_options_after_plan_set(capsys: Capsys, db: Path) -> None:
    argv = ["plan", "set", "wednesday", "rest", "--today", "2026-12-02", "--db", str(db)]
    code, out, _ = run(capsys, *argv)
    assert code == 0
    assert out.startswith("Wed 2026-12-02 is now rest")


def test_the_option_after_the_command_wins(capsys: Capsys, db: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    code, out, _ = run(
        capsys,
        "--db",
        str(other),
        "--today",
        "2020-01-01",
        "plan",
        "set",
        "2026-11-26",
        "cross",
        "--db",
        str(db),
        "--today",
        TODAY,
    )
    assert (code, out.splitlines()[0]) == (0, "Thu 2026-11-26 is now cross")
    assert db.exists() and not other.exists()


def test_recovtui_db_names_the_database(
    capsys: Capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env_db = tmp_path / "from-env" / "mine.db"
    monkeypatch.setenv("RECOVTUI_DB", str(env_db))
    code, _, _ = run(capsys, "--today", TODAY, "plan", "set", "fri", "rest")
    assert code == 0
    assert ("2026-11-27", "rest", None, None) in plan_rows(env_db)
    capsys.readouterr()
    flag_db = tmp_path / "flag.db"
    assert main(["--db", str(flag_db), "--today", TODAY, "plan"]) == 0
    assert capsys.readouterr().out == WEEK_OF_TODAY, "the flag's (empty) database, not the env's"
    assert not flag_db.exists(), "looking at a database that does not exist makes none"
    assert ("2026-11-27", "rest", None, None) in plan_rows(env_db)


def test_an_unusable_database_exits_1(capsys: Capsys, tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("shopping list\n")
    code, out, err = run(capsys, "--db", str(path), "plan", "set", "today", "rest")
    assert code == 1
    assert out == ""
    assert f"{path}: is not a SQLite database" in one_line(err)
    assert path.read_text() == "shopping list\n"


def test_reading_commands_write_no_plan(capsys: Capsys, db: Path) -> None:
    """stats, plan, status and the calendar export on a fresh database store no plan."""
    for argv in (
        ["stats", "--json"],
        ["stats"],
        ["plan"],
        ["plan", "--week", "2026-12-30"],
        ["status", "--json"],
        ["export", "--format", "ics"],
    ):
        code, _, err = run(capsys, "--db", str(db), "--today", TODAY, *argv)
        assert (code, err) == (0, ""), argv
        assert plan_rows(db) == [], argv
