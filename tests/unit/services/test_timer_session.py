"""The timed session on a fake clock: what is saved, when, and what is logged."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import EVENING, TODAY
from tests.fakes import FakeClock
from tests.helpers import memory_db, ticked
from tracker.data.db import open_db
from tracker.data.store import Store
from tracker.domain.countdown import Finished, SegmentChanged, State
from tracker.domain.presets import DEFAULT_PRESETS, Preset
from tracker.domain.recovery import RecoverySession, SessionStatus
from tracker.services.checkin import recovery_items
from tracker.services.timer_session import SAVE_EVERY_S, SessionLost, TimerService

ICE_BATH, FOAM_ROLLER, FEET_UP = DEFAULT_PRESETS
CALF = Preset.single("Calf stretch", "custom", 120)


@pytest.fixture
def timer(store: Store, clock: FakeClock) -> TimerService:
    return TimerService(store, clock)


def saved_elapsed(store: Store, session_id: int) -> int | None:
    session = store.session(session_id)
    assert session is not None
    return session.elapsed_s


def test_the_row_is_written_running_the_moment_it_starts(timer: TimerService, store: Store) -> None:
    timed = timer.start(ICE_BATH, temperature_c=12.0)
    (row,) = store.running_sessions()
    assert row.id == timed.id
    assert (row.status, row.elapsed_s, row.planned_s, row.temperature_c) == (
        SessionStatus.RUNNING,
        0,
        600,
        12.0,
    )
    assert timed.snapshot().state is State.RUNNING


def test_elapsed_is_saved_every_few_seconds_and_on_pause(
    timer: TimerService, store: Store, clock: FakeClock
) -> None:
    timed = timer.start(FEET_UP)
    clock.advance(SAVE_EVERY_S - 0.5)
    timed.tick()
    assert saved_elapsed(store, timed.id) == 0
    clock.advance(0.5)
    timed.tick()
    assert saved_elapsed(store, timed.id) == int(SAVE_EVERY_S)
    clock.advance(1.7)
    timed.toggle()  # pause: saved at once
    assert saved_elapsed(store, timed.id) == int(SAVE_EVERY_S + 1.7)
    clock.advance(30)  # paused: no time passes
    assert timed.tick().snapshot.elapsed_s == pytest.approx(SAVE_EVERY_S + 1.7)


def test_what_is_saved_trails_the_ticks_by_less_than_the_interval(
    timer: TimerService, store: Store, clock: FakeClock
) -> None:
    """The screen ticks several times a second, at whatever steps the loop manages."""
    timed = timer.start(FEET_UP)
    for _ in range(20):
        clock.advance(0.7)
        timed.tick()
    saved = saved_elapsed(store, timed.id)
    assert saved is not None
    assert 14.0 - saved <= SAVE_EVERY_S


def test_one_tick_reads_one_instant(timer: TimerService, clock: FakeClock) -> None:
    """The segment shown and the time left come from the same clock reading."""
    timed = timer.start(FOAM_ROLLER)
    clock.advance(89.5)
    tick = timed.tick()
    assert tick.snapshot.segment_index == 0
    assert tick.snapshot.segment_remaining_s == pytest.approx(0.5)
    clock.advance(0.5)
    tick = timed.tick()
    assert tick.events == (SegmentChanged(1, "Calves R"),)
    assert (tick.snapshot.segment_index, tick.snapshot.segment_remaining_s) == (1, 90)


def test_reaching_the_plan_logs_it_completed_and_overtime_runs_on(
    timer: TimerService, store: Store, clock: FakeClock
) -> None:
    timed = timer.start(ICE_BATH.with_duration(5))
    clock.advance(5)
    assert Finished() in timed.tick().events
    row = store.session(timed.id)
    assert row is not None and row.status is SessionStatus.COMPLETED
    assert ticked(store, TODAY) == {"ice_bath"}
    clock.advance(4)
    assert timed.tick().snapshot.overtime_s == pytest.approx(4)
    assert (
        timed.finish()
        == "Logged Ice bath: 00:09 of 00:05, completed ✓ (ticked on the day's checklist)"
    )
    assert saved_elapsed(store, timed.id) == 9


def test_a_partial_session_is_logged_as_it_stood_and_ticks_nothing(
    timer: TimerService, store: Store, clock: FakeClock
) -> None:
    timed = timer.start(FEET_UP)
    clock.advance(100)
    asked_at = timed.snapshot().elapsed_s
    clock.advance(7)  # the runner took 7 s to answer "log it?"
    message = timed.finish(SessionStatus.PARTIAL, asked_at)
    assert message == "Logged Feet up: 01:40 of 15:00, partial"
    assert saved_elapsed(store, timed.id) == 100
    assert ticked(store, TODAY) == set()
    assert store.running_sessions() == []


def test_a_custom_presets_session_ticks_its_own_item_and_says_so(
    timer: TimerService, store: Store, clock: FakeClock
) -> None:
    """Before, the message said "ticked on the day's checklist" and nothing was ticked."""
    store.save_preset(CALF)
    timed = timer.start(CALF)
    clock.advance(120)
    timed.tick()
    message = timed.finish()
    assert "ticked on the day's checklist" in message
    assert ticked(store, TODAY) == {"preset:Calf stretch"}
    items = recovery_items(store.sessions_between(TODAY, TODAY))
    assert [(item.label, item.done) for item in items][-1] == ("Calf stretch", True)


def test_a_row_removed_elsewhere_raises_session_lost_at_the_next_write(
    timer: TimerService, store: Store, clock: FakeClock
) -> None:
    timed = timer.start(FEET_UP)
    store.discard_session(timed.id)
    clock.advance(SAVE_EVERY_S)
    with pytest.raises(SessionLost, match="removed from the log elsewhere"):
        timed.tick()
    with pytest.raises(SessionLost):
        timed.finish()
    assert store.all_sessions() == []


def test_resume_puts_a_crashed_session_back_paused_where_it_stood(
    timer: TimerService, store: Store, clock: FakeClock
) -> None:
    timed = timer.start(FOAM_ROLLER)
    clock.advance(200)
    timed.save()
    timed.release()  # as a crash would
    (orphan,) = timer.unfinished()
    resumed = timer.resume(orphan)
    assert resumed.snapshot().elapsed_s == 200
    assert resumed.snapshot().segment_index == 2
    resumed.countdown.start()
    clock.advance(10)
    assert resumed.tick().events == ()  # boundaries behind it are not rung again


def test_settling_crashed_sessions(timer: TimerService, store: Store, clock: FakeClock) -> None:
    first = timer.start(ICE_BATH)
    clock.advance(30)
    first.save()
    first.release()
    second = timer.start(FEET_UP)
    second.release()
    third = timer.start(FEET_UP)
    third.release()
    logged, discarded, later = timer.unfinished()
    assert timer.log_as_it_stood(logged) == "Logged Ice bath: 00:30 (partial)"
    assert timer.discard(discarded) == "Discarded Feet up"
    assert "offered again" in timer.later(later)
    assert [s.id for s in store.running_sessions()] == [third.id]
    assert store.session(second.id) is None


def crashed(store: Store, elapsed_s: int) -> int:
    """An ice bath row left running by a process that died."""
    session = store.start_session(
        RecoverySession(
            date=TODAY,
            kind="ice_bath",
            started_at=EVENING.subtract(minutes=20),
            status=SessionStatus.RUNNING,
            planned_s=600,
            elapsed_s=elapsed_s,
            preset="Ice bath",
        )
    )
    assert session.id is not None
    return session.id


def test_a_crashed_session_that_ran_its_course_logs_as_completed(
    timer: TimerService, store: Store
) -> None:
    session_id = crashed(store, 600)
    (orphan,) = timer.unfinished()
    assert timer.log_as_it_stood(orphan) == "Logged Ice bath: 10:00 (completed)"
    saved = store.session(session_id)
    assert saved is not None and saved.status is SessionStatus.COMPLETED
    assert ticked(store, TODAY) == {"ice_bath"}


def test_a_session_another_window_is_timing_is_not_offered(
    timer: TimerService, store: Store, db_path: Path
) -> None:
    """What the app offers at start is ``unfinished()``: never a session another claims."""
    session_id = crashed(store, 95)
    other = Store(open_db(db_path))
    try:
        assert other.claim_session(session_id)
        assert timer.left_unfinished() == []
        assert timer.unfinished() == []
        other.release_session(session_id)
        assert [s.id for s in timer.unfinished()] == [session_id]
    finally:
        other.close()


# Skipped time is never spent time


def test_skipping_an_ice_bath_to_its_end_logs_the_seconds_it_ran(
    timer: TimerService, store: Store, clock: FakeClock
) -> None:
    """Before, ``n`` after 2 s then ``s`` logged "10:01 of 10:00, completed"."""
    timed = timer.start(ICE_BATH)
    clock.advance(2)
    timed.next_segment()
    tick = timed.tick()
    assert Finished() in tick.events
    row = store.session(timed.id)
    assert row is not None and (row.status, row.elapsed_s) == (SessionStatus.COMPLETED, 2)
    clock.advance(1)
    message = timed.finish()
    assert message == (
        "Logged Ice bath: 00:03 of 10:00, completed ✓ (ticked on the day's checklist)"
    )
    assert saved_elapsed(store, timed.id) == 3


def test_skipping_through_the_foam_roller_counts_only_the_time_spent(
    timer: TimerService, store: Store, clock: FakeClock
) -> None:
    """Before, ``n`` nine times in 20 s logged "13:38 of 15:00"."""
    timed = timer.start(FOAM_ROLLER)
    for _ in range(9):
        clock.advance(2)
        timed.next_segment()
    clock.advance(2)
    snapshot = timed.tick().snapshot
    assert (snapshot.segment_index, snapshot.is_done) == (9, False)
    assert saved_elapsed(store, timed.id) == 20
    assert timed.finish(SessionStatus.PARTIAL) == "Logged Foam roller: 00:20 of 15:00, partial"
    assert ticked(store, TODAY) == set()


KEYS = st.lists(
    st.one_of(
        st.tuples(st.just("tick"), st.floats(min_value=0, max_value=200)),
        st.tuples(
            st.sampled_from(["toggle", "add_minute", "remove_minute", "next_segment"]),
            st.just(0.0),
        ),
    ),
    max_size=40,
)


@given(preset=st.sampled_from(DEFAULT_PRESETS), keys=KEYS, stop=st.booleans())
def test_elapsed_never_exceeds_the_time_the_clock_advanced(
    preset: Preset, keys: list[tuple[str, float]], stop: bool
) -> None:
    """Whatever keys are pressed, the time shown, saved and logged is at most the
    time that passed (and exactly the time it ran)."""
    store = Store(memory_db())
    clock = FakeClock(EVENING)
    try:
        timed = TimerService(store, clock).start(preset)
        advanced = ran = 0.0
        for key, seconds in keys:
            if key == "tick":
                clock.advance(seconds)
                advanced += seconds
                if timed.countdown.state is State.RUNNING:
                    ran += seconds
                snapshot = timed.tick().snapshot
            else:
                getattr(timed, key)()
                snapshot = timed.snapshot()
            assert snapshot.elapsed_s == pytest.approx(ran)
            assert snapshot.elapsed_s <= advanced + 1e-6
            assert (saved_elapsed(store, timed.id) or 0) <= advanced + 1e-6
        if stop:
            timed.finish()
            assert (saved_elapsed(store, timed.id) or 0) <= advanced + 1e-6
    finally:
        store.close()
