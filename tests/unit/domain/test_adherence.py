"""Recovery and nutrition adherence over the last four weeks."""

from __future__ import annotations

from datetime import date, timedelta

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.domain.adherence import (
    ItemShare,
    Window,
    adherence_window,
    nutrition_adherence,
    recovery_adherence,
)
from tracker.domain.nutrition import NutritionItem
from tracker.domain.recovery import RecoverySession, SessionStatus

TODAY = date(2026, 11, 25)
DAY = timedelta(days=1)
AT = pendulum.datetime(2026, 11, 1, 19, tz="UTC")


def session(
    day: date, kind: str, status: SessionStatus = SessionStatus.COMPLETED
) -> RecoverySession:
    return RecoverySession(day, kind, AT, status)


class TestWindow:
    def test_last_28_days_ending_today_once_checked_in(self) -> None:
        window = adherence_window(TODAY, True, date(2026, 1, 1))
        assert window == Window(date(2026, 10, 29), TODAY)
        assert window.days == 28

    def test_ending_yesterday_before_check_in(self) -> None:
        window = adherence_window(TODAY, False, date(2026, 1, 1))
        assert window == Window(date(2026, 10, 28), TODAY - DAY)

    def test_never_before_the_first_day(self) -> None:
        window = adherence_window(TODAY, True, TODAY - 3 * DAY)
        assert window == Window(TODAY - 3 * DAY, TODAY)
        assert window.days == 4

    def test_none_without_history(self) -> None:
        assert adherence_window(TODAY, True, None) is None
        assert adherence_window(TODAY, False, TODAY) is None  # only today, not checked in

    def test_contains(self) -> None:
        window = Window(TODAY - DAY, TODAY)
        assert TODAY in window and TODAY - DAY in window
        assert TODAY + DAY not in window and TODAY - 2 * DAY not in window
        assert "2026-11-25" not in window


class TestItemShare:
    @pytest.mark.parametrize(
        ("done", "days", "percent"),
        [(0, 28, 0), (28, 28, 100), (1, 8, 13), (1, 3, 33), (2, 3, 67), (7, 28, 25), (0, 0, 0)],
    )
    def test_percent_rounds_half_up(self, done: int, days: int, percent: int) -> None:
        assert ItemShare("x", done, days).percent == percent

    @given(st.integers(1, 400), st.data())
    def test_percent_is_the_nearest_whole(self, days: int, data: st.DataObject) -> None:
        done = data.draw(st.integers(0, days))
        share = ItemShare("x", done, days)
        assert abs(share.percent - done * 100 / days) <= 0.5
        assert share.share == done / days


class TestRecovery:
    window = Window(date(2026, 11, 19), TODAY)  # 7 days

    def test_share_of_days_per_item(self) -> None:
        sessions = [
            session(date(2026, 11, 19), "ice_bath"),
            session(date(2026, 11, 19), "foam_roller"),
            session(date(2026, 11, 19), "foam_roller"),  # twice the same day: one day
            session(date(2026, 11, 21), "foam_roller"),
            session(date(2026, 11, 22), "feet_up", SessionStatus.PARTIAL),  # does not tick
            session(date(2026, 11, 23), "massage", SessionStatus.RUNNING),
            session(date(2026, 11, 18), "ice_bath"),  # before the window
            session(date(2026, 11, 26), "ice_bath"),  # after it
        ]
        result = recovery_adherence(sessions, self.window)
        assert result.window.days == 7
        assert result.any_days == 2
        assert [(i.name, i.done_days) for i in result.items] == [
            ("Ice bath", 1),
            ("Foam roller", 2),
            ("Feet up", 0),
            ("Massage", 0),
            ("Acupuncture", 0),
        ]
        assert result.any_share.percent == 29

    def test_custom_presets_appear_after_the_standard_kinds(self) -> None:
        sessions = [
            session(date(2026, 11, 20), "sauna"),
            session(date(2026, 11, 21), "sauna"),
            session(date(2026, 11, 21), "compression_boots"),
        ]
        result = recovery_adherence(sessions, self.window)
        assert [(i.name, i.done_days) for i in result.items][-2:] == [
            ("Sauna", 2),
            ("Compression boots", 1),
        ]
        assert result.any_days == 2

    def test_all_days_need_every_item(self) -> None:
        kinds = ["ice_bath", "foam_roller", "feet_up", "massage", "acupuncture"]
        sessions = [session(TODAY, kind) for kind in kinds]
        sessions += [session(TODAY - DAY, kind) for kind in kinds[:4]]
        result = recovery_adherence(sessions, self.window)
        assert (result.any_days, result.all_days) == (2, 1)


class TestNutrition:
    window = Window(date(2026, 11, 22), TODAY)  # 4 days
    items = (
        NutritionItem(1, "Protein", 1),
        NutritionItem(2, "Hydration", 2),
        NutritionItem(3, "Green shake", 3, archived=True),
    )

    def test_active_items_and_full_days(self) -> None:
        checks = {
            date(2026, 11, 22): {1, 2},
            date(2026, 11, 23): {1},
            date(2026, 11, 24): {3},  # only an archived item: not a day on the checklist
            TODAY: {1, 2, 3},
            date(2026, 11, 21): {1, 2},  # before the window
        }
        result = nutrition_adherence(self.items, checks, self.window)
        assert [(i.name, i.done_days, i.days) for i in result.items] == [
            ("Protein", 3, 4),
            ("Hydration", 2, 4),
        ]
        assert (result.any_days, result.all_days) == (3, 2)
        assert result.all_share.percent == 50

    def test_no_active_items(self) -> None:
        result = nutrition_adherence([self.items[2]], {TODAY: {3}}, self.window)
        assert result.items == ()
        assert (result.any_days, result.all_days) == (0, 0)
