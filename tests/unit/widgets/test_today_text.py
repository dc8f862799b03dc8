"""Today's status and hint lines once the day is checked in (the evening tests in
tests/ui/test_today.py check only that the screen shows the status)."""

from __future__ import annotations

from tests.conftest import TODAY
from tracker.domain.wellness import Wellness
from tracker.widgets.day_text import evening_hint, status_text


def test_a_checked_in_day_says_how_it_felt_and_drops_the_evenings_keys() -> None:
    felt = Wellness(TODAY, sleep_quality=3, fatigue=4, stress=2, soreness=5)
    assert status_text(True, felt).plain == "✓ Checked in — Hooper 14"
    assert status_text(True, Wellness(TODAY, 7.5, 3, 4, 2, 5)).plain == (
        "✓ Checked in — Hooper 14 · slept 7.5 h"
    )
    assert status_text(True).plain == "✓ Checked in — see you tomorrow"
    assert status_text(False).plain == "Not checked in — c checks in today"
    assert evening_hint(True).plain == ""
    assert evening_hint(False).plain == (
        "This evening: l log the run · space tick · tab next list · c check in"
    )
