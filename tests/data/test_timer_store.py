"""Timer presets and recovery sessions in the store: what the Timer screen relies on."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pendulum

from tests.conftest import EVENING, TODAY
from tests.helpers import memory_db, ticked
from tracker.data.db import open_db
from tracker.data.store import Store
from tracker.domain.presets import DEFAULT_PRESETS, Preset, Segment
from tracker.domain.recovery import RecoverySession, SessionStatus

ICE_BATH, FOAM_ROLLER, FEET_UP = DEFAULT_PRESETS


def running(preset: Preset = ICE_BATH, **changes: object) -> RecoverySession:
    session = RecoverySession(
        date=TODAY,
        kind=preset.kind,
        started_at=EVENING,
        status=SessionStatus.RUNNING,
        planned_s=preset.total_s,
        elapsed_s=0,
        preset=preset.name,
    )
    return replace(session, **changes)  # type: ignore[arg-type]


# Presets


def test_a_new_database_holds_the_three_default_presets_in_order(store: Store) -> None:
    assert store.presets() == list(DEFAULT_PRESETS)


def test_a_custom_preset_is_added_at_the_end(store: Store) -> None:
    custom = Preset("Calf stretch", "custom", (Segment("Left", 60), Segment("Right", 60)))
    store.save_preset(custom)
    assert store.presets() == [*DEFAULT_PRESETS, custom]


def test_editing_a_preset_keeps_its_place_even_when_renamed(store: Store) -> None:
    edited = replace(ICE_BATH, name="Cold tub", segments=(Segment("Cold tub", 720),))
    store.save_preset(edited, replacing=ICE_BATH.name)
    assert store.presets() == [edited, FOAM_ROLLER, FEET_UP]


def test_deleting_a_preset_removes_only_it(store: Store) -> None:
    custom = Preset.single("Stretch", "custom", 300)
    store.save_preset(custom)
    store.delete_preset("Stretch")
    assert store.presets() == list(DEFAULT_PRESETS)


# Sessions


def test_a_started_session_is_stored_at_once_as_running(store: Store) -> None:
    session = store.start_session(running(temperature_c=12.5))
    assert session.id is not None
    assert store.running_sessions() == [session]
    assert store.session(session.id) == session


def test_saving_elapsed_time_updates_the_running_row(store: Store) -> None:
    session = store.start_session(running())
    assert session.id is not None
    store.save_elapsed(session.id, 42, planned_s=660)
    saved = store.session(session.id)
    assert saved is not None
    assert (saved.elapsed_s, saved.planned_s, saved.status) == (42, 660, SessionStatus.RUNNING)


def test_a_completed_session_ticks_the_days_recovery_item(store: Store) -> None:
    session = store.start_session(running(FOAM_ROLLER))
    assert session.id is not None
    assert ticked(store, TODAY) == set()
    store.finish_session(session.id, 900, SessionStatus.COMPLETED)
    assert ticked(store, TODAY) == {"foam_roller"}
    assert store.running_sessions() == []


def test_a_partial_session_is_kept_but_ticks_nothing(store: Store) -> None:
    session = store.start_session(running())
    assert session.id is not None
    store.finish_session(session.id, 200, SessionStatus.PARTIAL, temperature_c=11.0)
    saved = store.session(session.id)
    assert saved is not None
    assert (saved.status, saved.elapsed_s, saved.temperature_c) == (
        SessionStatus.PARTIAL,
        200,
        11.0,
    )
    assert ticked(store, TODAY) == set()


def test_a_discarded_session_is_gone(store: Store) -> None:
    session = store.start_session(running())
    assert session.id is not None
    store.discard_session(session.id)
    assert store.session(session.id) is None
    assert store.running_sessions() == []


def test_the_water_temperature_can_be_set_while_running(store: Store) -> None:
    session = store.start_session(running())
    assert session.id is not None
    store.set_session_temperature(session.id, 9.5)
    saved = store.session(session.id)
    assert saved is not None and saved.temperature_c == 9.5
    store.set_session_temperature(session.id, None)
    saved = store.session(session.id)
    assert saved is not None and saved.temperature_c is None


def test_can_resume_only_within_the_hour(store: Store) -> None:
    session = store.start_session(running())
    assert session.can_resume(EVENING.add(minutes=59))
    assert not session.can_resume(EVENING.add(minutes=60))
    assert not replace(session, status=SessionStatus.PARTIAL).can_resume(EVENING)


# Claims: which process is timing a running session


def test_a_session_claimed_by_one_process_cannot_be_claimed_by_another(
    store: Store, db_path: Path
) -> None:
    session = store.start_session(running())
    assert session.id is not None
    other = Store(open_db(db_path))
    try:
        assert store.claim_session(session.id)
        assert store.claim_session(session.id), "claiming twice is harmless"
        assert not other.claim_session(session.id)
        store.release_session(session.id)
        assert other.claim_session(session.id)
        assert not store.claim_session(session.id)
    finally:
        other.close()


def test_closing_the_store_releases_its_claims_and_lock_files(store: Store, db_path: Path) -> None:
    session = store.start_session(running())
    assert session.id is not None
    first = Store(open_db(db_path))
    assert first.claim_session(session.id)
    locks = list(db_path.parent.glob("*.lock"))
    assert len(locks) == 1
    first.close()
    assert not locks[0].exists()
    assert store.claim_session(session.id)


def test_a_crash_leaves_the_lock_file_but_not_the_claim(store: Store, db_path: Path) -> None:
    """The kernel drops a dead process's lock; the file left behind does not block."""
    session = store.start_session(running())
    assert session.id is not None
    lock = db_path.parent / f"{db_path.name}.session-{session.id}.lock"
    lock.write_text("")
    assert store.claim_session(session.id)


def test_an_in_memory_store_always_claims() -> None:
    store = Store(memory_db())
    session = store.start_session(running())
    assert session.id is not None
    assert store.claim_session(session.id)
    store.release_session(session.id)
    store.release_session(session.id)


def test_running_sessions_lists_every_unfinished_row_oldest_first(store: Store) -> None:
    first = store.start_session(running(started_at=EVENING.subtract(minutes=5)))
    second = store.start_session(running(FOAM_ROLLER, started_at=pendulum.now("UTC")))
    done = store.start_session(running(FEET_UP))
    assert done.id is not None
    store.finish_session(done.id, 900, SessionStatus.COMPLETED)
    assert [s.id for s in store.running_sessions()] == [first.id, second.id]
