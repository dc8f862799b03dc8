"""``recovtui checkin``: a day checked in with how it felt; a bad value exits 2, writes nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tracker.__main__ import main
from tracker.data.db import open_db
from tracker.data.store import Store
from tracker.domain.wellness import Wellness

Capsys = pytest.CaptureFixture[str]
TODAY = "2026-11-25"  # a Wednesday
WED, TUE = date(2026, 11, 25), date(2026, 11, 24)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "recovtui.db"


def checkin(capsys: Capsys, db: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["checkin", *argv, "--db", str(db), "--today", TODAY])
    out, err = capsys.readouterr()
    return code, out, err


def stored(db: Path) -> tuple[dict[date, Wellness], set[date]]:
    if not db.exists():
        return {}, set()
    store = Store(open_db(db))
    try:
        return store.wellness_between(), set(store.checkins())
    finally:
        store.close()


def test_every_option(capsys: Capsys, db: Path) -> None:
    code, out, err = checkin(
        capsys,
        db,
        "yesterday",
        *("--sleep", "7.5", "--sleep-quality", "3", "--fatigue", "4", "--stress", "2"),
        *("--soreness", "5", "--mood", "2", "--rhr", "48", "--pain", "achilles:3"),
    )
    assert (code, err) == (0, "")
    assert out == (
        "Checked in Tue 2026-11-24 · Hooper 14 · sleep 7.5 h · resting HR 48 · achilles 3/10\n"
    )
    entries, days = stored(db)
    assert entries == {TUE: Wellness(TUE, 7.5, 3, 4, 2, 5, 2, 48, "achilles", 3)}
    assert days == {TUE}


def test_no_option_checks_the_day_in_and_options_add_to_the_day(capsys: Capsys, db: Path) -> None:
    assert checkin(capsys, db)[:2] == (0, "Checked in Wed 2026-11-25\n")
    assert stored(db) == ({}, {WED})
    assert checkin(capsys, db, "--rhr", "50")[0] == 0
    assert checkin(capsys, db, "wednesday", "--fatigue", "3", "--pain", "left calf:2")[0] == 0
    entries, _ = stored(db)
    assert entries == {WED: Wellness(WED, fatigue=3, rhr=50, pain_site="left calf", pain=2)}
    assert checkin(capsys, db, "--pain", "none")[0] == 0
    assert stored(db)[0] == {WED: Wellness(WED, fatigue=3, rhr=50)}


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (("--fatigue", "8"), "recovtui: --fatigue: '8' is not 1–7 (1 best, 7 worst)"),
        (("--sleep", "25"), "recovtui: --sleep: '25': sleep is hours from 0 to 16"),
        (("--pain", "achilles"), "recovtui: --pain: 'achilles': add a rating 0–10"),
        (("--rhr", "12"), "recovtui: --rhr: '12': resting heart rate is 30–120"),
        (("1899-12-31",), "recovtui: DATE: 1899-12-31 is out of range"),
        (("2026-11-26",), "recovtui: DATE: 2026-11-26 is in the future"),
        (("someday",), "recovtui: DATE: not a date"),
    ],
)
def test_a_bad_value_is_one_line_exit_2_and_nothing_written(
    capsys: Capsys, db: Path, argv: tuple[str, ...], says: str
) -> None:
    assert checkin(capsys, db, "--stress", "2")[0] == 0
    before = stored(db)
    code, out, err = checkin(capsys, db, *argv, "--soreness", "4")
    assert (code, out) == (2, "")
    assert err.startswith(says) and err.count("\n") == 1
    assert stored(db) == before
