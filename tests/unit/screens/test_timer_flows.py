"""The Timer's dialog flows (tracker/screens/timer_flows.py) with the dialogs answered
by a stand-in app: each answer reaches the service, without starting the real app.

The Pilot tests in tests/ui/test_timer_screen_sessions.py prove that the keys reach
these flows; which answer does what to the store is proven here.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, cast

import pytest
from textual.app import App

from tests.fakes import FakeClock
from tests.unit.services.test_timer_session import crashed
from tracker.data.store import Store
from tracker.domain.presets import DEFAULT_PRESETS, Preset
from tracker.domain.recovery import RecoverySession, SessionStatus
from tracker.screens.modals.confirm import ChoiceDialog, ConfirmDialog
from tracker.screens.timer_flows import (
    delete_preset,
    resume_instead,
    run_finish_command_of,
    settle_unfinished,
)
from tracker.services.timer_session import TimerService

ICE_BATH = DEFAULT_PRESETS[0]
CALF = Preset.single("Calf stretch", "custom", 120)


class Answering:
    """Answers each dialog pushed in turn and keeps every toast."""

    def __init__(self, *answers: object) -> None:
        self.answers = list(answers)
        self.dialogs: list[object] = []
        self.toasts: list[str] = []

    async def push_screen_wait(self, dialog: object) -> object:
        self.dialogs.append(dialog)
        return self.answers.pop(0)

    def notify(self, message: str, **_: Any) -> None:
        self.toasts.append(message)

    @property
    def app(self) -> App[Any]:
        return cast(App[Any], self)


def run(flow: Coroutine[Any, Any, Any]) -> Any:
    return asyncio.run(flow)


@pytest.fixture
def timer(store: Store, clock: FakeClock) -> TimerService:
    return TimerService(store, clock)


def test_each_unfinished_session_gets_its_answer_and_only_one_is_resumed(
    timer: TimerService, store: Store
) -> None:
    ids = [crashed(store, 30 + n) for n in range(4)]
    app = Answering("resume", "log", "discard", None)
    resumed: list[RecoverySession] = []
    assert run(settle_unfinished(app.app, timer, timer.unfinished(), resumed.append))
    assert [s.id for s in resumed] == [ids[0]]
    assert all(isinstance(d, ChoiceDialog) for d in app.dialogs)
    logged = store.session(ids[1])
    assert logged is not None and (logged.status, logged.elapsed_s) == (SessionStatus.PARTIAL, 31)
    assert store.session(ids[2]) is None
    left = store.session(ids[3])
    assert left is not None and left.status is SessionStatus.RUNNING
    assert not store.claimed(ids[3]), "left for later: offered again on the next start"
    assert app.toasts[0] == "Logged Ice bath: 00:31 (partial)"
    assert app.toasts[1] == "Discarded Ice bath"
    assert "offered again on the next start" in app.toasts[2]


def test_nothing_left_unfinished_of_a_preset_starts_it_without_asking(
    timer: TimerService, store: Store
) -> None:
    crashed(store, 30)  # an ice bath: not the calf stretch asked for
    app = Answering()
    assert not run(resume_instead(app.app, timer, CALF, lambda s: None))
    assert app.dialogs == []


@pytest.mark.parametrize(
    ("answer", "nothing_more", "status"),
    [
        ("resume", True, SessionStatus.RUNNING),
        ("log", False, SessionStatus.PARTIAL),
        ("discard", False, None),
        (None, True, SessionStatus.RUNNING),
    ],
)
def test_starting_a_preset_again_offers_its_unfinished_session(
    timer: TimerService,
    store: Store,
    answer: str | None,
    nothing_more: bool,
    status: SessionStatus | None,
) -> None:
    """Resume or cancel: nothing more to start. Log or discard: the old row is settled
    and the caller starts a new one."""
    session_id = crashed(store, 95)
    app = Answering(answer)
    resumed: list[RecoverySession] = []
    assert run(resume_instead(app.app, timer, ICE_BATH, resumed.append)) is nothing_more
    assert [s.id for s in resumed] == ([session_id] if answer == "resume" else [])
    saved = store.session(session_id)
    assert (saved.status if saved else None) is status
    if answer is None:
        assert not store.claimed(session_id), "cancelled: still offered later"


def test_a_built_in_preset_is_never_deleted_and_a_custom_one_only_once_confirmed(
    timer: TimerService, store: Store
) -> None:
    app = Answering()
    run(delete_preset(app.app, timer, ICE_BATH))
    assert app.dialogs == []
    assert app.toasts == ["Ice bath is built in: edit it (e), but it cannot be deleted"]
    timer.save_preset(CALF)
    app = Answering(False, True)
    run(delete_preset(app.app, timer, CALF))
    assert CALF in store.presets(), "declined: kept"
    run(delete_preset(app.app, timer, CALF))
    assert all(isinstance(d, ConfirmDialog) for d in app.dialogs)
    assert [p.name for p in store.presets()] == ["Ice bath", "Foam roller", "Feet up"]
    assert app.toasts == ["Deleted Calf stretch"]


def test_a_finish_command_that_cannot_start_is_a_toast_at_once(
    timer: TimerService, store: Store
) -> None:
    """From the app's own thread (the Pilot test has one fail from the watching thread)."""
    app = Answering()
    run_finish_command_of(app.app, timer, "Ice bath")
    assert app.toasts == [], "no command set: nothing runs"
    store.set_setting("on_finish_command", "recovtui-no-such-program --now")
    run_finish_command_of(app.app, timer, "Ice bath")
    (toast,) = app.toasts
    assert toast.startswith("on_finish_command failed: ")
