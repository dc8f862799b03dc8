"""``recovtui log``: bad values exit 2 with one line naming the value, and write nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.__main__ import main
from tracker.data.db import open_db
from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind

Capsys = pytest.CaptureFixture[str]
TODAY = "2026-11-25"  # a Wednesday


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "recovtui.db"


def log(capsys: Capsys, db: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["log", *argv, "--db", str(db), "--today", TODAY])
    out, err = capsys.readouterr()
    return code, out, err


def activities(db: Path) -> list[Activity]:
    if not db.exists():
        return []
    store = Store(open_db(db))
    try:
        return store.all_activities()
    finally:
        store.close()


def test_log_a_run_with_every_value(capsys: Capsys, db: Path) -> None:
    code, out, err = log(
        capsys,
        db,
        "yesterday",
        "--kind",
        "workout",
        "--distance",
        "9.4km",
        "--duration",
        "44:10",
        "--rpe",
        "7",
        "--note",
        "tempo",
    )
    assert (code, err) == (0, "")
    assert out == "Logged workout 9.4 km on Tue 2026-11-24\n"
    (activity,) = activities(db)
    assert (activity.date.isoformat(), activity.kind, activity.distance_m) == (
        "2026-11-24",
        ActivityKind.WORKOUT,
        9400,
    )
    assert (activity.duration_s, activity.rpe, activity.note, activity.source) == (
        2650,
        7,
        "tempo",
        "manual",
    )


def test_a_bare_distance_is_in_the_runners_units(capsys: Capsys, db: Path) -> None:
    store = Store(open_db(db))
    store.set_setting("units", "mi")
    store.close()
    code, out, _ = log(capsys, db, "--kind", "long", "--distance", "10")
    assert code == 0
    assert out == "Logged long 10.0 mi on Wed 2026-11-25\n"
    assert activities(db)[0].distance_m == 16093


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--kind", "jog", "--distance", "10"], "--kind: unknown kind 'jog'"),
        (["--kind", "easy", "--distance", "ten"], "--distance: not a distance: 'ten'"),
        (["--kind", "easy", "--distance", "0"], "--distance: a run needs a distance above 0"),
        (["--kind", "easy", "--distance", "2000km"], "--distance: distance too long"),
        (["--kind", "easy", "--distance", "10", "--duration", "1:99"], "--duration: not a"),
        (["--kind", "easy", "--distance", "10", "--rpe", "11"], "--rpe: not an effort: '11'"),
        (["--kind", "easy", "--distance", "10", "--rpe", "0"], "--rpe: not an effort: '0'"),
        (["--kind", "easy", "--distance", "10", "--note", "x" * 501], "--note: keep the note"),
        (["tomorrow", "--kind", "easy", "--distance", "10"], "DATE: 2026-11-26 is in the future"),
        (["2026-11-26", "--kind", "easy", "--distance", "10"], "DATE: 2026-11-26 is in the future"),
        (["2026-02-30", "--kind", "easy", "--distance", "10"], "DATE: no such date"),
        (["--kind", "easy"], "required: --distance"),
    ],
)
def test_a_bad_value_exits_2_with_one_line_and_writes_nothing(
    capsys: Capsys, db: Path, argv: list[str], message: str
) -> None:
    code, out, err = log(capsys, db, *argv)
    assert code == 2
    assert out == ""
    assert err.startswith("recovtui: ")
    assert message in err
    assert err.count("\n") == 1
    assert "Traceback" not in err
    assert activities(db) == []


def test_the_first_bad_value_is_named_when_several_are_bad(capsys: Capsys, db: Path) -> None:
    code, _, err = log(capsys, db, "--kind", "jog", "--distance", "far", "--rpe", "99")
    assert code == 2
    assert err.startswith("recovtui: --kind:")


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    distance=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=10),
    rpe=st.text(st.characters(blacklist_categories=("Cs",)), max_size=4),
)
def test_any_value_logs_or_exits_2(capsys: Capsys, db: Path, distance: str, rpe: str) -> None:
    if distance.startswith("-") or rpe.startswith("-") or "\x00" in distance + rpe:
        return  # argparse reads these as options / the OS refuses NUL in argv
    before = len(activities(db))
    argv = ["--kind", "easy", "--distance", distance]
    if rpe:
        argv += ["--rpe", rpe]
    code, _, err = log(capsys, db, *argv)
    after = len(activities(db))
    assert code in (0, 2)
    if code == 2:
        assert after == before
        assert err.count("\n") == 1
    else:
        assert after == before + 1
