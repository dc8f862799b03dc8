"""``recovtui stats --json`` and ``recovtui status --json`` on a fixed database.

Every figure is checked against a value worked out by hand from DESIGN §4
(the working is in the comments of :func:`fixed_db`).
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tracker.__main__ import main
from tracker.data.db import open_db
from tracker.data.status_cache import summary_path
from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind

EASY, LONG, CROSS = ActivityKind.EASY, ActivityKind.LONG, ActivityKind.CROSS
TODAY = "2026-11-25"  # a Wednesday; weeks start on Monday


def fixed_db(path: Path) -> Path:
    """Five weeks of history, the second of them excused.

    A  Oct 26 - Nov 1   rest Mon; Tue-Sun 5 km            30 km  keeps (1 rest day)
    B  Nov 2 - Nov 8    5 km every day                    35 km  breaks (0), excused "flu"
    C  Nov 9 - Nov 15   rest Mon; Tue-Sat 6 km, Sun 16 km  46 km  keeps (1)
    D  Nov 16 - Nov 22  rest Mon, Wed; Tue 8, Thu 8, Fri 10, Sat 20 km cross,
                        Sun 26 km long                     52 km  keeps (2: cross is no rest)
    E  Nov 23 -         rest Mon; Tue 10 km; Wed (today) nothing yet, not checked in
    """
    store = Store(open_db(path))
    store.set_setting("timezone", "UTC")

    def day(text: str) -> date:
        return date.fromisoformat(text)

    activities: list[Activity] = []
    activities += [Activity(day("2026-10-27") + timedelta(days=i), EASY, 5000) for i in range(6)]
    activities += [Activity(day("2026-11-02") + timedelta(days=i), EASY, 5000) for i in range(7)]
    activities += [Activity(day("2026-11-10") + timedelta(days=i), EASY, 6000) for i in range(5)]
    activities.append(Activity(day("2026-11-15"), LONG, 16000))
    activities += [
        Activity(day("2026-11-17"), EASY, 8000),
        Activity(day("2026-11-19"), EASY, 8000),
        Activity(day("2026-11-20"), EASY, 10000),
        Activity(day("2026-11-21"), CROSS, 20000),
        Activity(day("2026-11-22"), LONG, 26000),
        Activity(day("2026-11-24"), EASY, 10000),
    ]
    for activity in activities:
        store.add_activity(activity)
    store.excuse_week(day("2026-11-02"), "flu")
    store.record_created_on(day("2026-10-26"))  # the history starts on week A's Monday
    store.close()
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return fixed_db(tmp_path / "fixed.db")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def stats_json(capsys: pytest.CaptureFixture[str], db: Path, today: str = TODAY) -> Any:
    return json.loads(run(capsys, "--db", str(db), "--today", today, "stats", "--json"))


def status_json(capsys: pytest.CaptureFixture[str], db: Path, today: str = TODAY) -> Any:
    return json.loads(run(capsys, "--db", str(db), "--today", today, "status", "--json"))


EXPECTED_STATS = {
    "today": "2026-11-25",
    # Rule weeks A, B, C, D; B is excused, so A, C and D make one run of 3.
    "rest_streak": {"current_weeks": 3, "best_weeks": 3},
    "this_week": {
        "start": "2026-11-23",
        "rest_days_planned": 1,  # the default template: Monday
        "rest_days_taken": 1,  # Monday; today is not checked in
        "distance_m": 10000,
    },
    "days_since_rest": 2,  # Monday Nov 23
    "weekly_distance": [
        {"week_start": (date(2026, 8, 10) + timedelta(weeks=i)).isoformat(), "distance_m": 0}
        for i in range(11)
    ]
    + [
        {"week_start": "2026-10-26", "distance_m": 30000},
        {"week_start": "2026-11-02", "distance_m": 35000},
        {"week_start": "2026-11-09", "distance_m": 46000},
        {"week_start": "2026-11-16", "distance_m": 52000},  # the cycling does not count
        {"week_start": "2026-11-23", "distance_m": 10000},
    ],
    "ramp_pct": 13.0,  # (52 - 46) / 46 = 13.04 %
    # acute Nov 19-25: 8 + 10 + 26 + 10 = 54 km; chronic Oct 22 - Nov 18:
    # 30 + 35 + 46 + 8 = 119 km, / 4 = 29.75 km; 54 / 29.75 = 1.815
    "acwr": 1.82,
    "spikes": [  # the runs of Oct 29 - Nov 25 against the longest of the 30 days before
        {"date": "2026-11-10", "distance_m": 6000, "longest_before_m": 5000, "pct": 20.0},
        {"date": "2026-11-15", "distance_m": 16000, "longest_before_m": 6000, "pct": 166.7},
        {"date": "2026-11-22", "distance_m": 26000, "longest_before_m": 16000, "pct": 62.5},
    ],
    # No run has an RPE and a time: no session load.
    "load": {
        "last_week_au": 0,
        "monotony": None,
        "strain": None,
        "weekly_au": [
            {"week_start": (date(2026, 8, 10) + timedelta(weeks=i)).isoformat(), "au": 0}
            for i in range(16)
        ],
    },
    "wellness": {
        "hooper_today": None,
        "hooper_mean_7d": None,
        "hooper_mean_28d": None,
        "sleep_h_mean_7d": None,
    },
    "acwr_band": "very_high",  # 1.815 > 1.5
    "tomorrow_cap_m": 28600,  # 1.10 × Sunday's 26 km, the longest of Oct 27 - Nov 25
}


class TestStatsJson:
    def test_every_figure(self, capsys: pytest.CaptureFixture[str], db: Path) -> None:
        document = stats_json(capsys, db)
        warnings = document.pop("warnings")
        assert document == EXPECTED_STATS
        # The spikes are the headline; an ACWR of 1.82 is described, never a warning.
        assert [(w["code"], w["level"]) for w in warnings] == [
            ("spike", "warn"),  # +20 %: 10-30 %
            ("spike", "strong"),  # +166.7 %: over 100 %
            ("spike", "strong"),  # +62.5 %: 30-100 %
            ("ramp", "warn"),  # above 10 %
        ]
        assert warnings[3]["message"] == "Last week's distance up 13% on the week before"

    def test_keys_in_design_order(self, capsys: pytest.CaptureFixture[str], db: Path) -> None:
        text = run(capsys, "--db", str(db), "--today", TODAY, "stats", "--json")
        assert list(json.loads(text)) == [
            "today",
            "rest_streak",
            "this_week",
            "days_since_rest",
            "weekly_distance",
            "ramp_pct",
            "acwr",
            "spikes",
            "warnings",
            "load",
            "wellness",
            "acwr_band",
            "tomorrow_cap_m",
        ]
        assert text.count("\n") == 1

    def test_checked_in_today(self, capsys: pytest.CaptureFixture[str], db: Path) -> None:
        store = Store(open_db(db))
        store.check_in(date(2026, 11, 25))
        store.close()
        document = stats_json(capsys, db)
        assert document["days_since_rest"] == 0
        assert document["this_week"]["rest_days_taken"] == 2
        assert document["rest_streak"] == {"current_weeks": 3, "best_weeks": 3}

    def test_looking_back(self, capsys: pytest.CaptureFixture[str], db: Path) -> None:
        """``--today`` Monday Nov 16: weeks A, B, C are complete; D's runs are ahead."""
        document = stats_json(capsys, db, "2026-11-16")
        assert document["rest_streak"] == {"current_weeks": 2, "best_weeks": 2}
        assert document["this_week"] == {
            "start": "2026-11-16",
            "rest_days_planned": 1,
            "rest_days_taken": 0,
            "distance_m": 0,
        }
        assert document["days_since_rest"] == 7  # Monday Nov 9; today not checked in
        assert document["ramp_pct"] == 31.4  # (46 - 35) / 35 = 31.43 %
        assert document["weekly_distance"][-1] == {"week_start": "2026-11-16", "distance_m": 0}
        assert [w["code"] for w in document["warnings"]][-1] == "no_recent_rest"

    def test_without_the_excuse_the_streak_restarts(
        self, capsys: pytest.CaptureFixture[str], db: Path
    ) -> None:
        store = Store(open_db(db))
        store.unexcuse_week(date(2026, 11, 2))
        store.close()
        assert stats_json(capsys, db)["rest_streak"] == {"current_weeks": 2, "best_weeks": 2}

    def test_plain_summary(self, capsys: pytest.CaptureFixture[str], db: Path) -> None:
        text = run(capsys, "--db", str(db), "--today", TODAY, "stats")
        assert "Rest streak      3 weeks (best 3 weeks)" in text
        assert "from Mon 23 Nov: 1 rest day taken (1 planned) · 10.0 km so far" in text
        assert "Days since rest  2" in text
        assert "Ramp             +13.0% last week on the week before  ⚠ above 10%" in text
        assert (
            "ACWR             1.82 (very high): the last 7 days against the 4 weeks before;"
            " a team-sport heuristic, not validated for runners\n" in text
        )
        assert "Tomorrow's cap   28.6 km (10% over your longest run of the last 30 days)" in text
        assert "Session load     last week 0 AU · monotony – · strain –" in text
        assert "25 of 25 activities in these weeks had no RPE or time: they add no load" in text
        assert "  16 Nov 2026    52.0 km      0 AU  " in text
        assert (
            "  ⚠ Sun 22 Nov: 26.0 km run, 63% over your longest of the 30 days before (16.0 km)."
            " In 5,205 runners such runs were associated with 1.52 times the overuse-injury"
            " rate of runs within 10% (Frandsen 2025)\n" in text
        )
        for word in ("danger", "injury risk", "sweet spot", "caution"):
            assert word not in text.lower()

    def test_miles(self, capsys: pytest.CaptureFixture[str], db: Path) -> None:
        store = Store(open_db(db))
        store.set_setting("units", "mi")
        store.close()
        text = run(capsys, "--db", str(db), "--today", TODAY, "stats")
        assert "6.2 mi so far" in text
        assert stats_json(capsys, db)["this_week"]["distance_m"] == 10000

    def test_bad_today(self, capsys: pytest.CaptureFixture[str], db: Path) -> None:
        assert main(["--db", str(db), "--today", "2026-02-30", "stats", "--json"]) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert err.startswith("recovtui: --today: no such date")


EXPECTED_STATUS = {
    "today": "2026-11-25",
    "rest_streak": {"current_weeks": 3, "best_weeks": 3},
    "rest_days_this_week": 1,
    "days_since_rest": 2,
    "checked_in": False,
    "tomorrow_cap_m": 28600,
}


class TestStatusJson:
    def test_figures_match_stats(self, capsys: pytest.CaptureFixture[str], db: Path) -> None:
        assert status_json(capsys, db) == EXPECTED_STATUS
        document = stats_json(capsys, db)
        assert document["rest_streak"] == EXPECTED_STATUS["rest_streak"]
        assert document["this_week"]["rest_days_taken"] == EXPECTED_STATUS["rest_days_this_week"]
        assert document["days_since_rest"] == EXPECTED_STATUS["days_since_rest"]

    def test_keys_in_design_order(self, capsys: pytest.CaptureFixture[str], db: Path) -> None:
        assert list(status_json(capsys, db)) == [
            "today",
            "rest_streak",
            "rest_days_this_week",
            "days_since_rest",
            "checked_in",
            "tomorrow_cap_m",
        ]

    def test_second_run_answers_from_the_summary(
        self, capsys: pytest.CaptureFixture[str], db: Path
    ) -> None:
        summary = Path(summary_path(db))
        assert not summary.exists()
        first = status_json(capsys, db)
        assert summary.exists()
        assert oct(summary.stat().st_mode & 0o777) == "0o600"
        # Doctor the summary: the answer shows it came from there, not the database.
        data = json.loads(summary.read_text())
        data["days"][TODAY]["json"]["days_since_rest"] = 99
        summary.write_text(json.dumps(data))
        assert status_json(capsys, db)["days_since_rest"] == 99
        assert first == EXPECTED_STATUS

    def test_check_in_refreshes_the_summary(
        self, capsys: pytest.CaptureFixture[str], db: Path
    ) -> None:
        assert status_json(capsys, db)["checked_in"] is False
        store = Store(open_db(db))
        store.check_in(date(2026, 11, 25))
        store.close()  # a store not opened by the command line: the stamp goes stale
        assert status_json(capsys, db) == EXPECTED_STATUS | {
            "checked_in": True,
            "rest_days_this_week": 2,
            "days_since_rest": 0,
        }

    def test_a_command_leaves_a_fresh_summary(
        self, capsys: pytest.CaptureFixture[str], db: Path
    ) -> None:
        assert status_json(capsys, db) == EXPECTED_STATUS
        argv = ["--db", str(db), "--today", TODAY, "log", "monday", "--kind", "easy"]
        run(capsys, *argv, "--distance", "5")
        from tracker.data.status_cache import read_status

        entry = read_status(db, date(2026, 11, 25))
        assert entry is not None
        # Monday is no longer a rest day: the last one is Wednesday Nov 18.
        assert entry.document == EXPECTED_STATUS | {"rest_days_this_week": 0, "days_since_rest": 7}
        assert entry.line.startswith("rest streak 3 wk · 0 rest days this week · 7 days")

    @pytest.mark.parametrize("offset", range(7))
    def test_days_ahead_from_the_summary_equal_a_recomputation(
        self, capsys: pytest.CaptureFixture[str], db: Path, offset: int
    ) -> None:
        day = (date(2026, 11, 25) + timedelta(days=offset)).isoformat()
        status_json(capsys, db)  # writes the summary for Nov 25 and the six days after
        from tracker.data.status_cache import read_status

        entry = read_status(db, date.fromisoformat(day))
        assert entry is not None
        Path(summary_path(db)).unlink()
        assert entry.document == status_json(capsys, db, day)

    def test_plain_line(self, capsys: pytest.CaptureFixture[str], db: Path) -> None:
        text = run(capsys, "--db", str(db), "--today", TODAY, "status")
        assert text == (
            "rest streak 3 wk · 1 rest day this week · 2 days since rest · not checked in"
            " · tomorrow ≤ 28.6 km\n"
        )
        assert run(capsys, "--db", str(db), "--today", TODAY, "status") == text

    def test_missing_database_is_not_created(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        missing = tmp_path / "none" / "recovtui.db"
        document = status_json(capsys, missing)
        assert document == {
            "today": "2026-11-25",
            "rest_streak": {"current_weeks": 0, "best_weeks": 0},
            "rest_days_this_week": 0,  # no history: Monday and Tuesday are unknown
            "days_since_rest": None,
            "checked_in": False,
            "tomorrow_cap_m": None,
        }
        assert not missing.parent.exists()

    def test_bad_today(self, capsys: pytest.CaptureFixture[str], db: Path) -> None:
        assert main(["--db", str(db), "--today", "tomorrow", "status"]) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert err.startswith("recovtui: --today: not a date")
        status_json(capsys, db)  # a fresh summary cannot answer for a day that does not exist
        assert main(["--db", str(db), "--today", "2026-02-30", "status"]) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert err.startswith("recovtui: --today: no such date")

    def test_damaged_database(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        bad = tmp_path / "bad.db"
        bad.write_bytes(b"not a database at all")
        assert main(["--db", str(bad), "status"]) == 1
        out, err = capsys.readouterr()
        assert out == "" and "is not a SQLite database" in err
        assert bad.read_bytes() == b"not a database at all"


def test_same_streak_everywhere_on_the_demo(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A new user with the demo data: ``status`` and ``stats`` agree on the streak (the
    Today and Stats screens show the same document: tests/ui/test_stats_screen.py)."""
    from tracker.data.demo import fill_demo

    path = tmp_path / "demo.db"
    store = Store(open_db(path))
    store.set_setting("timezone", "UTC")
    fill_demo(store, date(2026, 11, 25))
    store.close()
    status = status_json(capsys, path)
    stats = stats_json(capsys, path)
    assert status["rest_streak"] == stats["rest_streak"]
    assert status["rest_streak"]["current_weeks"] > 0
    assert status["days_since_rest"] == stats["days_since_rest"]
    assert status["rest_days_this_week"] == stats["this_week"]["rest_days_taken"]
