"""The check-in's rule lines and the run and recovery forms' readers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.unit.domain.test_checkin import MONDAY, TODAY, D, kinds, outlook_of, plan, ran
from tracker.domain.activity import Activity
from tracker.domain.checkin import (
    RestState,
    join_days,
)
from tracker.domain.dates import ParseError
from tracker.domain.forms import FormErrors, read_recovery, read_run
from tracker.domain.kinds import ActivityKind
from tracker.domain.units import (
    MAX_DISTANCE_M,
    distance_field_text,
    format_duration,
    parse_distance,
    parse_duration,
    parse_rpe,
)


def test_two_rest_days_taken_means_running_the_days_left() -> None:
    outlook = outlook_of(plan(kinds([0, 1])), ran(TODAY), TODAY, True)
    assert outlook.state is RestState.NEEDS_RUN
    assert "a third would break the rule" in outlook.advice


def test_more_than_two_taken_is_broken() -> None:
    outlook = outlook_of(plan(), ran(), TODAY, True)
    assert len(outlook.taken) == 3
    assert outlook.state is RestState.BROKEN


def test_an_excused_week_says_so() -> None:
    outlook = outlook_of(plan(), ran(), TODAY, False, excused_reason="flu")
    assert outlook.state is RestState.EXCUSED
    assert outlook.ok
    assert "flu" in outlook.advice


def test_a_brand_new_history_invents_no_rest_day() -> None:
    # The database was made on Tuesday; Monday (planned rest) is unknown.
    tuesday = MONDAY + D
    first_evening = outlook_of(plan(), ran(tuesday), tuesday, True, start=tuesday)
    assert first_evening.taken == ()
    assert first_evening.state is RestState.BEFORE_HISTORY
    assert first_evening.ok and not first_evening.kept
    assert first_evening.advice == (
        "Your record starts Tue 24 Nov: the streak counts from Mon 30 Nov"
    )
    # Checked in without a run: one rest day taken, not two.
    rested = outlook_of(plan(), ran(), tuesday, True, start=tuesday)
    assert rested.taken == (tuesday,)
    assert "make tomorrow a run" not in rested.advice


def test_a_week_that_starts_with_the_history_is_judged() -> None:
    outlook = outlook_of(plan(), ran(MONDAY, MONDAY + D), TODAY, False, start=MONDAY)
    assert outlook.state is RestState.NEEDS_REST
    nothing_known = outlook_of(plan(), ran(), TODAY, False, start=None)
    assert nothing_known.taken == ()
    assert nothing_known.state is RestState.BEFORE_HISTORY


def test_one_taken_and_one_more_planned_is_on_track() -> None:
    outlook = outlook_of(plan(kinds([0, 5])), ran(MONDAY + D, TODAY), TODAY, True)
    assert outlook.state is RestState.ON_TRACK
    assert outlook.advice == "Rule kept so far: 1 rest day taken, Saturday planned"


def test_join_days() -> None:
    assert join_days([TODAY], TODAY) == "today"
    assert join_days([TODAY + D, TODAY + 4 * D], TODAY) == "tomorrow or Sunday"
    assert join_days([TODAY + 2 * D, TODAY + 3 * D, TODAY + 4 * D], TODAY, "and") == (
        "Friday, Saturday and Sunday"
    )


# The run form's values


def test_read_run_reads_every_field() -> None:
    activity = read_run(TODAY, "Workout", "9.4", "44:10", " 7 ", "  tempo   3 x 10 ", "km")
    assert activity == Activity(
        date=TODAY,
        kind=ActivityKind.WORKOUT,
        distance_m=9400,
        duration_s=2650,
        rpe=7,
        note="tempo 3 x 10",
    )


def test_read_run_in_miles_and_with_optional_fields_empty() -> None:
    activity = read_run(TODAY, "long", "10", units="mi")
    assert activity.distance_m == 16093
    assert activity.duration_s is None and activity.rpe is None and activity.note == ""


@pytest.mark.parametrize(
    ("fields", "bad", "message"),
    [
        ({"kind": "jog"}, "kind", "unknown kind 'jog'"),
        ({"distance": ""}, "distance", "enter a distance"),
        ({"distance": "ten"}, "distance", "not a distance"),
        ({"distance": "0"}, "distance", "a run needs a distance above 0"),
        ({"distance": "2000km"}, "distance", "too long"),
        # A time typed as the distance is named under the distance.
        ({"distance": "45m"}, "distance", "'45m' looks like a duration"),
        ({"distance": "45:00"}, "distance", "looks like a duration"),
        ({"distance": "1h5m"}, "distance", "looks like a duration"),
        ({"distance": "90s"}, "distance", "looks like a duration"),
        # So is a run under 100 m, however it was typed.
        ({"distance": "0.05"}, "distance", "a run under 100 m?"),
        ({"distance": "0.045km"}, "distance", "a run under 100 m?"),
        ({"duration": "1:75"}, "duration", "not a duration"),
        ({"duration": "0"}, "duration", "more than 0"),
        ({"duration": "8d"}, "duration", "not a duration"),
        ({"rpe": "0"}, "rpe", "1 to 10"),
        ({"rpe": "11"}, "rpe", "1 to 10"),
        ({"rpe": "7.5"}, "rpe", "1 to 10"),
        ({"note": "x" * 501}, "note", "under 500"),
    ],
)
def test_read_run_names_the_bad_field(fields: dict[str, str], bad: str, message: str) -> None:
    values = {"kind": "easy", "distance": "10", "duration": "", "rpe": "", "note": ""} | fields
    with pytest.raises(FormErrors) as raised:
        read_run(TODAY, **values)
    assert list(raised.value.errors) == [bad]
    assert message in raised.value.errors[bad]


def test_read_run_reports_every_bad_field_at_once() -> None:
    with pytest.raises(FormErrors) as raised:
        read_run(TODAY, "jog", "far", "long", "11", "")
    assert list(raised.value.errors) == ["kind", "distance", "duration", "rpe"]


def test_cross_training_may_have_no_distance() -> None:
    assert read_run(TODAY, "cross", "0", "45m").distance_m == 0
    assert read_run(TODAY, "cross", "0.05").distance_m == 50
    with pytest.raises(FormErrors, match="looks like a duration"):
        read_run(TODAY, "cross", "45m")


@pytest.mark.parametrize("distance", ["100m", "800m", "10", "5k", "6.2mi", "0.1"])
def test_short_real_runs_are_kept(distance: str) -> None:
    assert read_run(TODAY, "easy", distance).distance_m >= 100


@given(
    kind=st.text(max_size=12),
    distance=st.text(max_size=14),
    duration=st.text(max_size=12),
    rpe=st.text(max_size=4),
    note=st.text(max_size=40),
    units=st.sampled_from(["km", "mi"]),
)
def test_read_run_never_fails_any_other_way(
    kind: str, distance: str, duration: str, rpe: str, note: str, units: str
) -> None:
    """Whatever is typed, the form gets an activity or field errors: never a traceback."""
    try:
        activity = read_run(TODAY, kind, distance, duration, rpe, note, units)
    except FormErrors as exc:
        assert exc.errors
        assert set(exc.errors) <= {"kind", "distance", "duration", "rpe", "note"}
    else:
        assert 0 <= activity.distance_m <= MAX_DISTANCE_M
        if activity.kind is not ActivityKind.CROSS:
            assert activity.distance_m >= 100  # a run under 100 m is always named
        assert activity.rpe is None or 1 <= activity.rpe <= 10
        assert activity.duration_s is None or activity.duration_s > 0


@given(st.integers(1, 10), st.sampled_from(["", " ", "  "]))
def test_parse_rpe_accepts_one_to_ten(value: int, pad: str) -> None:
    assert parse_rpe(f"{pad}{value}{pad}") == value


@given(st.text(max_size=5))
def test_parse_rpe_refuses_everything_else(text: str) -> None:
    stripped = text.strip()
    if stripped.isascii() and stripped.isdigit() and 1 <= int(stripped) <= 10:
        assert parse_rpe(text) == int(stripped)
    else:
        with pytest.raises(ParseError):
            parse_rpe(text)


@given(st.integers(0, MAX_DISTANCE_M), st.sampled_from(["km", "mi"]))
def test_a_distance_shown_in_the_form_reads_back_unchanged(metres: int, units: str) -> None:
    assert parse_distance(distance_field_text(metres, units), units) == metres


@given(st.integers(1, 7 * 24 * 3600))
def test_a_duration_shown_in_the_form_reads_back_unchanged(seconds: int) -> None:
    assert parse_duration(format_duration(seconds)) == seconds


# Recovery ticked by hand


def test_read_recovery() -> None:
    assert read_recovery("", "") == (None, None)
    assert read_recovery("1h", " with  Anna ") == (3600, "with Anna")
    with pytest.raises(FormErrors) as raised:
        read_recovery("an hour", "y" * 600)
    assert set(raised.value.errors) == {"duration", "note"}
