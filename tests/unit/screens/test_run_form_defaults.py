"""What a new run form starts from (tests/ui/test_log_form.py opens it from a planned
long run): the plan's kind and distance, but a planned rest day is an easy run."""

from __future__ import annotations

from tests.conftest import TODAY
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind, DayKind
from tracker.domain.plan import PlanDay
from tracker.screens.modals.run_form import LogRunForm


def starts_as(planned: PlanDay | None, units: str = "km") -> tuple[ActivityKind, str]:
    def save(run: Activity) -> str | None:
        raise AssertionError("nothing is saved")

    kind, distance, duration, rpe, note = LogRunForm(TODAY, units, save, None, planned)._defaults()
    assert (duration, rpe, note) == ("", "", "")
    return kind, distance


def test_a_planned_rest_day_starts_as_an_easy_run() -> None:
    assert starts_as(PlanDay(TODAY, DayKind.REST)) == (ActivityKind.EASY, "")
    assert starts_as(None) == (ActivityKind.EASY, "")


def test_a_planned_run_starts_as_its_kind_and_distance() -> None:
    long_run = PlanDay(TODAY, DayKind.LONG, 24000, "river loop")
    assert starts_as(long_run) == (ActivityKind.LONG, "24")
    workout = PlanDay(TODAY, DayKind.WORKOUT, 9000)
    assert starts_as(workout, "mi") == (ActivityKind.WORKOUT, "5.5923")
