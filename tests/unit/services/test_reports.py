"""The ``stats --json`` and ``status --json`` documents (DESIGN §4)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind
from tracker.services import reports


def build_stats(*args: Any, **kwargs: Any) -> dict[str, object]:
    """The ``stats --json`` document of :func:`reports.build_stats`."""
    return reports.build_stats(*args, **kwargs).to_json()


def build_status(*args: Any, **kwargs: Any) -> dict[str, object]:
    """The ``status --json`` document of :func:`reports.build_status`."""
    return reports.build_status(*args, **kwargs).to_json()


def build_status_days(*args: Any, **kwargs: Any) -> list[dict[str, object]]:
    return [status.to_json() for status in reports.build_status_days(*args, **kwargs)]


DAY = timedelta(days=1)
TODAY = date(2026, 11, 24)  # Tuesday
START = date(2026, 10, 19)
"""The history of :func:`fixed_history` starts on its first Monday (the database's day)."""
EASY, LONG, CROSS = ActivityKind.EASY, ActivityKind.LONG, ActivityKind.CROSS

STATS_KEYS = [
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


def fixed_history() -> list[Activity]:
    """Five Monday-start weeks from Oct 19 with a Monday rest, then this week.

    Oct 19 - Nov 8: Tue-Sun 5 km (30 km a week).
    Nov 9-15 (w1): Tue-Sat 5 km, Sun 15 km long: 40 km, a +200 % spike.
    Nov 16-22 (w0): rest Mon and Wed, Tue/Thu/Fri/Sat 8 km, Sun 18 km long:
    50 km (+25 % ramp), a +20 % spike.
    Nov 23: 20 km of cycling (cross); Nov 24 (today): 6 km; Nov 26: a future run.
    """
    activities: list[Activity] = []
    for week in range(3):
        monday = date(2026, 10, 19) + timedelta(weeks=week)
        activities += [Activity(monday + i * DAY, EASY, 5000) for i in range(1, 7)]
    activities += [Activity(date(2026, 11, 9) + i * DAY, EASY, 5000) for i in range(1, 6)]
    activities.append(Activity(date(2026, 11, 15), LONG, 15000))
    for day in (17, 19, 20, 21):
        activities.append(Activity(date(2026, 11, day), EASY, 8000))
    activities.append(Activity(date(2026, 11, 22), LONG, 18000))
    activities.append(Activity(date(2026, 11, 23), CROSS, 20000, duration_s=3600))
    activities.append(Activity(TODAY, EASY, 6000))
    activities.append(Activity(date(2026, 11, 26), LONG, 90000))  # after today
    return activities


def stats(**overrides: Any) -> dict[str, object]:
    arguments: dict[str, Any] = {
        "activities": fixed_history(),
        "excused_starts": set(),
        "week_start": "monday",
        "today": TODAY,
        "today_checked_in": False,
        "rest_days_planned": 1,
        "start": START,
    }
    arguments.update(overrides)
    return build_stats(**arguments)


class TestBuildStats:
    def test_keys_exactly_as_design(self) -> None:
        document = stats()
        assert list(document) == STATS_KEYS
        assert list(document["rest_streak"]) == ["current_weeks", "best_weeks"]  # type: ignore[call-overload]
        assert list(document["this_week"]) == [  # type: ignore[call-overload]
            "start",
            "rest_days_planned",
            "rest_days_taken",
            "distance_m",
        ]
        weekly: Any = document["weekly_distance"]
        assert all(list(row) == ["week_start", "distance_m"] for row in weekly)
        spikes: Any = document["spikes"]
        assert spikes
        assert all(list(s) == ["date", "distance_m", "longest_before_m", "pct"] for s in spikes)
        warnings: Any = document["warnings"]
        assert warnings
        assert all(list(w) == ["code", "level", "message"] for w in warnings)
        load: Any = document["load"]
        assert list(load) == ["last_week_au", "monotony", "strain", "weekly_au"]
        assert len(load["weekly_au"]) == 16
        assert all(list(row) == ["week_start", "au"] for row in load["weekly_au"])
        assert list(document["wellness"]) == [  # type: ignore[call-overload]
            "hooper_today",
            "hooper_mean_7d",
            "hooper_mean_28d",
            "sleep_h_mean_7d",
        ]
        assert json.loads(json.dumps(document)) == document

    def test_known_answers(self) -> None:
        document = stats()
        warnings: Any = document.pop("warnings")
        load: Any = document.pop("load")
        assert load["last_week_au"] == 0 and load["monotony"] is None  # no RPE anywhere
        assert document.pop("wellness") == {
            "hooper_today": None,
            "hooper_mean_7d": None,
            "hooper_mean_28d": None,
            "sleep_h_mean_7d": None,
        }
        assert document.pop("acwr_band") == "high"  # 1.44
        assert document.pop("tomorrow_cap_m") == 19800  # 1.10 × Sunday's 18 km
        assert document == {
            "today": "2026-11-24",
            "rest_streak": {"current_weeks": 5, "best_weeks": 5},
            "this_week": {
                "start": "2026-11-23",
                "rest_days_planned": 1,
                "rest_days_taken": 0,  # Monday's cross-training is not rest
                "distance_m": 6000,  # cycling and the future run do not count
            },
            "days_since_rest": 6,  # Wednesday Nov 18
            "weekly_distance": [
                {
                    "week_start": (date(2026, 8, 10) + timedelta(weeks=i)).isoformat(),
                    "distance_m": 0,
                }
                for i in range(10)
            ]
            + [
                {"week_start": "2026-10-19", "distance_m": 30000},
                {"week_start": "2026-10-26", "distance_m": 30000},
                {"week_start": "2026-11-02", "distance_m": 30000},
                {"week_start": "2026-11-09", "distance_m": 40000},
                {"week_start": "2026-11-16", "distance_m": 50000},
                {"week_start": "2026-11-23", "distance_m": 6000},
            ],
            "ramp_pct": 25.0,
            # acute Nov 18-24 = 48 km; chronic Oct 21 - Nov 17 = 133 km / 4
            "acwr": 1.44,
            "spikes": [
                {
                    "date": "2026-11-15",
                    "distance_m": 15000,
                    "longest_before_m": 5000,
                    "pct": 200.0,
                },
                {
                    "date": "2026-11-22",
                    "distance_m": 18000,
                    "longest_before_m": 15000,
                    "pct": 20.0,
                },
            ],
        }
        # The spikes are the headline; the ACWR is described, never a warning.
        assert [(w["code"], w["level"]) for w in warnings] == [
            ("spike", "strong"),
            ("spike", "warn"),
            ("ramp", "warn"),
        ]
        assert "15.0 km" in warnings[0]["message"] and "200%" in warnings[0]["message"]
        assert "associated with 2.28 times the overuse-injury rate" in warnings[0]["message"]
        assert "associated with 1.64 times" in warnings[1]["message"]
        assert warnings[2]["message"] == "Last week's distance up 25% on the week before"

    def test_excused_week_and_check_in(self) -> None:
        document = stats(excused_starts={date(2026, 10, 26)}, today_checked_in=True)
        assert document["rest_streak"] == {"current_weeks": 4, "best_weeks": 4}
        # Today has a run, so checking in does not make it a rest day.
        assert document["days_since_rest"] == 6

    def test_rest_today_once_checked_in(self) -> None:
        history = [a for a in fixed_history() if a.date != TODAY]
        not_yet: Any = stats(activities=history)
        assert not_yet["days_since_rest"] == 6
        assert not_yet["this_week"]["rest_days_taken"] == 0
        checked: Any = stats(activities=history, today_checked_in=True)
        assert checked["days_since_rest"] == 0
        assert checked["this_week"]["rest_days_taken"] == 1
        assert checked["this_week"]["distance_m"] == 0

    def test_days_since_rest_warning(self) -> None:
        # Nov 25 has no activity: a rest day once checked in, not before.
        checked: Any = stats(today=date(2026, 11, 25), today_checked_in=True)
        assert checked["days_since_rest"] == 0
        assert "no_recent_rest" not in [w["code"] for w in checked["warnings"]]
        document: Any = stats(today=date(2026, 11, 25))
        assert document["days_since_rest"] == 7
        assert [w for w in document["warnings"] if w["code"] == "no_recent_rest"] == [
            {
                "code": "no_recent_rest",
                "level": "warn",
                "message": "7 days since your last rest day — take one soon",
            }
        ]

    def test_sunday_weeks(self) -> None:
        document: Any = stats(week_start="sunday")
        assert document["this_week"]["start"] == "2026-11-22"
        assert document["this_week"]["distance_m"] == 18000 + 6000
        assert document["weekly_distance"][-1] == {"week_start": "2026-11-22", "distance_m": 24000}
        # w0 = Nov 15-21 (15 + 4 x 8 km), w1 = Nov 8-14 (6 x 5 km).
        assert document["ramp_pct"] == 56.7

    def test_empty_history(self) -> None:
        document: Any = stats(activities=[], start=None)
        assert document["rest_streak"] == {"current_weeks": 0, "best_weeks": 0}
        assert document["days_since_rest"] is None
        assert document["this_week"]["rest_days_taken"] == 0
        assert document["ramp_pct"] is None
        assert document["acwr"] is None
        assert document["spikes"] == []
        assert document["warnings"] == []
        assert len(document["weekly_distance"]) == 16

    def test_days_before_the_history_are_unknown(self) -> None:
        # Had the history started on Wed 21 Oct, its first week would be no rule week.
        document: Any = stats(start=date(2026, 10, 21))
        assert document["rest_streak"] == {"current_weeks": 4, "best_weeks": 4}
        # A database made this Tuesday with today's run: Monday is not a rest day.
        new: Any = stats(activities=[Activity(TODAY, EASY, 6000)], start=TODAY)
        assert new["this_week"]["rest_days_taken"] == 0
        assert new["days_since_rest"] is None
        assert new["rest_streak"] == {"current_weeks": 0, "best_weeks": 0}
        assert "no_recent_rest" not in [w["code"] for w in new["warnings"]]

    def test_spikes_limited_to_28_days(self) -> None:
        document: Any = stats(today=date(2026, 12, 13))  # Nov 15 is 28 days back
        # Nov 26 is no longer in the future: its 90 km count now.
        assert [s["date"] for s in document["spikes"]] == ["2026-11-22", "2026-11-26"]

    def test_ten_years_of_history(self) -> None:
        """Ten years compute (timing lives in bench/, never in tests)."""
        start = date(2016, 11, 24)
        history = [
            Activity(start + i * DAY, LONG if i % 7 == 5 else EASY, 5000 + (i * 37) % 20000)
            for i in range(3653)
            if i % 7 != 0
        ]
        history += [Activity(start + i * DAY, CROSS, 0) for i in range(3653) if i % 7 in (3, 5)]
        assert len(history) >= 4000
        document: Any = build_stats(history, set(), "monday", TODAY, False, 1, start=start)
        assert document["rest_streak"]["best_weeks"] > 100
