"""The countdown: minutes added and removed, segment events, next segment and true time."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.unit.domain.test_countdown import (
    FOAM_NAMES,
    FOAM_ROLLER,
    ICE_BATH,
    FakeClock,
    running,
)
from tracker.domain.countdown import Countdown, Finished, SegmentChanged, State, TimerEvent
from tracker.domain.presets import (
    Preset,
    Segment,
)
from tracker.domain.units import format_clock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def test_add_minute_extends_the_current_segment(clock: FakeClock) -> None:
    countdown = running(FOAM_ROLLER, clock)
    clock.advance(100)
    countdown.add_minute()
    assert countdown.planned_s == 960
    assert countdown.snapshot().current_segment == Segment("Calves R", 150)
    assert countdown.snapshot().segment_remaining_s == pytest.approx(140)
    assert countdown.snapshot().remaining_s == pytest.approx(860)
    assert countdown.segments[0] == Segment("Calves L", 90)


def test_remove_minute_shortens_the_current_segment(clock: FakeClock) -> None:
    countdown = running(ICE_BATH, clock)
    clock.advance(100)
    countdown.remove_minute()
    assert countdown.planned_s == 540
    assert countdown.snapshot().remaining_s == pytest.approx(440)


def test_remove_minute_stops_at_where_you_are_now(clock: FakeClock) -> None:
    countdown = running(FOAM_ROLLER, clock)
    clock.advance(30)
    countdown.remove_minute()
    assert countdown.segments[0] == Segment("Calves L", 30)
    assert countdown.planned_s == 840
    assert countdown.snapshot().segment_index == 1
    assert countdown.poll() == [SegmentChanged(1, "Calves R")]
    clock.advance(5)
    countdown.remove_minute()
    assert countdown.segments[1] == Segment("Calves R", 30)
    countdown.remove_minute()
    assert countdown.segments[1] == Segment("Calves R", 5)
    assert countdown.planned_s == 30 + 5 + 8 * 90
    assert countdown.snapshot().remaining_s == pytest.approx(8 * 90)
    assert countdown.poll() == [SegmentChanged(2, "Hamstrings L")]


def test_remove_minute_rounds_a_partial_second_up(clock: FakeClock) -> None:
    countdown = running(ICE_BATH, clock)
    clock.advance(590.4)
    countdown.remove_minute()
    assert countdown.planned_s == 591
    assert countdown.snapshot().remaining_s == pytest.approx(0.6)


def test_remove_minute_in_overtime_changes_nothing(clock: FakeClock) -> None:
    countdown = running(ICE_BATH, clock)
    clock.advance(650)
    countdown.remove_minute()
    assert countdown.planned_s == 600
    assert countdown.snapshot().overtime_s == pytest.approx(50)


def test_remove_minute_before_starting_can_empty_the_first_segment(clock: FakeClock) -> None:
    countdown = Countdown(Preset.single("Short", "custom", 45), clock)
    countdown.remove_minute()
    assert countdown.planned_s == 0
    assert countdown.snapshot().remaining_s == 0
    assert countdown.snapshot().progress == 1.0
    assert countdown.poll() == [Finished()]


def test_add_minute_in_overtime_counts_down_again_without_a_second_finished(
    clock: FakeClock,
) -> None:
    countdown = running(ICE_BATH, clock)
    clock.advance(620)
    assert countdown.poll() == [Finished()]
    countdown.add_minute()
    assert not countdown.snapshot().is_overtime
    assert countdown.snapshot().remaining_s == pytest.approx(40)
    clock.advance(100)
    assert countdown.snapshot().overtime_s == pytest.approx(60)
    assert countdown.poll() == []


# Countdown: segments and events


def test_segment_queries_follow_the_clock(clock: FakeClock) -> None:
    countdown = running(FOAM_ROLLER, clock)
    assert countdown.snapshot().segment_index == 0
    assert countdown.snapshot().current_segment == Segment("Calves L", 90)
    assert countdown.snapshot().next_segment_name == "Calves R"
    clock.advance(89.5)
    assert countdown.snapshot().segment_index == 0
    assert countdown.snapshot().segment_remaining_s == pytest.approx(0.5)
    clock.advance(0.5)
    assert countdown.snapshot().segment_index == 1
    assert countdown.snapshot().segment_remaining_s == pytest.approx(90)
    clock.advance(8 * 90)
    assert countdown.snapshot().current_segment == Segment("Glutes R", 90)
    assert countdown.snapshot().next_segment_name is None


def test_crossing_a_boundary_raises_one_event(clock: FakeClock) -> None:
    countdown = running(FOAM_ROLLER, clock)
    clock.advance(89.9)
    assert countdown.poll() == []
    clock.advance(0.1)
    assert countdown.poll() == [SegmentChanged(1, "Calves R")]
    assert countdown.poll() == []
    clock.advance(30)
    assert countdown.poll() == []


def test_several_boundaries_crossed_between_polls_each_raise_an_event(clock: FakeClock) -> None:
    countdown = running(FOAM_ROLLER, clock)
    clock.advance(4 * 90 + 1)
    assert countdown.poll() == [
        SegmentChanged(1, "Calves R"),
        SegmentChanged(2, "Hamstrings L"),
        SegmentChanged(3, "Hamstrings R"),
        SegmentChanged(4, "Quads L"),
    ]
    assert countdown.poll() == []


def test_a_frozen_display_gets_every_boundary_and_finished_at_once(clock: FakeClock) -> None:
    countdown = running(FOAM_ROLLER, clock)
    clock.advance(2_000)
    events = countdown.poll()
    assert events == [SegmentChanged(i, FOAM_NAMES[i]) for i in range(1, 10)] + [Finished()]
    assert countdown.poll() == []


def test_zero_leaves_overtime_counting_up_and_finished_rings_once(clock: FakeClock) -> None:
    countdown = running(ICE_BATH, clock)
    clock.advance(599)
    assert countdown.poll() == []
    assert not countdown.snapshot().is_overtime
    clock.advance(1)
    assert countdown.snapshot().remaining_s == 0
    assert countdown.poll() == [Finished()]
    clock.advance(30)
    assert countdown.state is State.RUNNING
    assert countdown.snapshot().is_overtime
    assert countdown.snapshot().overtime_s == pytest.approx(30)
    assert countdown.elapsed_s == pytest.approx(630)
    assert countdown.snapshot().remaining_s == 0
    assert countdown.snapshot().segment_remaining_s == 0
    assert countdown.snapshot().progress == 1.0
    assert countdown.poll() == []
    assert "+" + format_clock(countdown.snapshot().overtime_s) == "+00:30"


def test_next_segment_moves_the_plan_on_but_never_the_time(clock: FakeClock) -> None:
    """Skipped time is not time spent: ``n`` moves the position in the plan only."""
    countdown = running(FOAM_ROLLER, clock)
    clock.advance(20)
    countdown.next_segment()
    snapshot = countdown.snapshot()
    assert (snapshot.elapsed_s, snapshot.position_s, snapshot.skipped_s) == (20, 90, 70)
    assert snapshot.segment_index == 1
    assert snapshot.segment_remaining_s == 90
    assert snapshot.remaining_s == 810
    assert countdown.poll() == [SegmentChanged(1, "Calves R")]
    clock.advance(5)
    assert countdown.elapsed_s == pytest.approx(25)
    assert countdown.snapshot().segment_remaining_s == pytest.approx(85)
    assert countdown.poll() == []


def test_next_segment_while_paused_stays_paused_and_spends_nothing(clock: FakeClock) -> None:
    countdown = running(FOAM_ROLLER, clock)
    clock.advance(20)
    countdown.pause()
    countdown.next_segment()
    clock.advance(60)
    snapshot = countdown.snapshot()
    assert snapshot.state is State.PAUSED
    assert (snapshot.elapsed_s, snapshot.position_s, snapshot.segment_index) == (20, 90, 1)


def test_next_segment_on_the_last_finishes_the_plan_with_the_real_time(clock: FakeClock) -> None:
    """Ice bath, ``n`` after 2 s: the plan is done, 2 s were spent, overtime counts from 0."""
    countdown = running(ICE_BATH, clock)
    clock.advance(2)
    countdown.next_segment()
    snapshot = countdown.snapshot()
    assert snapshot.is_done and not snapshot.is_overtime
    assert (snapshot.elapsed_s, snapshot.remaining_s, snapshot.progress) == (2, 0, 1.0)
    assert countdown.poll() == [Finished()]
    clock.advance(7)
    snapshot = countdown.snapshot()
    assert snapshot.overtime_s == pytest.approx(7)
    assert snapshot.elapsed_s == pytest.approx(9)
    countdown.next_segment()
    assert countdown.snapshot().position_s == pytest.approx(607)
    assert countdown.poll() == []


def test_next_segment_through_a_whole_session_raises_every_event_once(clock: FakeClock) -> None:
    countdown = running(FOAM_ROLLER, clock)
    events: list[TimerEvent] = []
    for _ in range(12):
        clock.advance(1)
        countdown.next_segment()
        events += countdown.poll()
    assert events == [SegmentChanged(i, FOAM_NAMES[i]) for i in range(1, 10)] + [Finished()]
    assert countdown.elapsed_s == pytest.approx(12)


def test_minutes_change_the_segment_the_plan_is_at(clock: FakeClock) -> None:
    countdown = running(FOAM_ROLLER, clock)
    clock.advance(10)
    countdown.next_segment()  # at 0:10 spent, the plan is at Calves R
    countdown.add_minute()
    assert countdown.segments[1] == Segment("Calves R", 150)
    clock.advance(30)
    countdown.remove_minute()
    countdown.remove_minute()
    assert countdown.segments[1] == Segment("Calves R", 30), "never short of where the plan is"
    assert countdown.elapsed_s == pytest.approx(40)


def test_irregular_ticks_over_fifteen_minutes_keep_true_time(clock: FakeClock) -> None:
    """A display ticking every ~0.1 s with jitter and stalls still ends on the clock's time."""
    rng = random.Random(20240611)
    countdown = running(FOAM_ROLLER, clock)
    true_elapsed = 0.0
    ticks = 0
    events: list[TimerEvent] = []
    while true_elapsed < 15 * 60:
        gap = rng.uniform(0.0, 0.25) if rng.random() > 0.02 else rng.uniform(1.0, 6.0)
        clock.advance(gap)
        true_elapsed += gap
        ticks += 1
        events += countdown.poll()
    assert abs(countdown.elapsed_s - true_elapsed) < 0.05
    assert abs(ticks * 0.1 - true_elapsed) > 0.05, "the ticks must not add up to the time"
    assert events == [SegmentChanged(i, FOAM_NAMES[i]) for i in range(1, 10)] + [Finished()]


# Properties

gaps = st.floats(min_value=0, max_value=120, allow_nan=False, allow_infinity=False)
operations = st.lists(
    st.one_of(
        st.tuples(st.just("advance"), gaps),
        st.tuples(
            st.sampled_from(["pause", "resume", "toggle", "poll", "next_segment"]), st.just(0.0)
        ),
    ),
    max_size=60,
)


@given(operations)
def test_elapsed_is_running_time_minus_paused_time(ops: list[tuple[str, float]]) -> None:
    clock = FakeClock()
    countdown = running(FOAM_ROLLER, clock)
    expected = 0.0
    for op, gap in ops:
        if op == "advance":
            clock.advance(gap)
            if countdown.state is State.RUNNING:
                expected += gap
        elif op == "poll":
            countdown.poll()
        else:
            getattr(countdown, op)()
        snapshot = countdown.snapshot()
        assert snapshot.elapsed_s == pytest.approx(expected, abs=1e-6)
        assert snapshot.position_s >= snapshot.elapsed_s - 1e-6, "skipping only moves forward"
        assert snapshot.remaining_s == pytest.approx(max(0.0, 900 - snapshot.position_s), abs=1e-6)


@given(st.lists(st.tuples(gaps, st.booleans()), max_size=80))
def test_events_are_never_lost_or_duplicated(steps: list[tuple[float, bool]]) -> None:
    clock = FakeClock()
    countdown = running(FOAM_ROLLER, clock)
    events: list[TimerEvent] = []
    for gap, poll in steps:
        clock.advance(gap)
        if poll:
            events += countdown.poll()
    events += countdown.poll()
    expected: list[TimerEvent] = [
        SegmentChanged(i, FOAM_NAMES[i]) for i in range(1, countdown.snapshot().segment_index + 1)
    ]
    if countdown.elapsed_s >= 900:
        expected.append(Finished())
    assert events == expected


# Formatting


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "00:00"),
        (59.9, "00:59"),
        (60, "01:00"),
        (600, "10:00"),
        (3599, "59:59"),
        (3600, "1:00:00"),
        (3725.5, "1:02:05"),
        (36_000, "10:00:00"),
        (-3, "00:00"),
    ],
)
def test_format_clock(seconds: float, text: str) -> None:
    assert format_clock(seconds) == text


@pytest.mark.parametrize(("seconds", "text"), [(0, "00:00"), (0.2, "00:01"), (59.5, "01:00")])
def test_format_clock_rounds_up_for_a_countdown(seconds: float, text: str) -> None:
    assert format_clock(seconds, round_up=True) == text
