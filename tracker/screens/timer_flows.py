"""What the Timer does around its sessions: the dialog flows (a session left
unfinished, deleting a preset), each a plain ``await push_screen_wait(...)``
sequence run in a worker of its caller, and the runner's command at the end.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

from textual.app import App

from tracker.domain.presets import Preset
from tracker.domain.recovery import RecoverySession
from tracker.screens.modals.confirm import ConfirmDialog
from tracker.screens.modals.timer import resume_instead_dialog, unfinished_session_dialog
from tracker.services.finish_command import run_finish_command
from tracker.services.timer_session import TimerService


async def settle_unfinished(
    app: App[Any],
    timer: TimerService,
    sessions: Sequence[RecoverySession],
    resume: Callable[[RecoverySession], object],
) -> bool:
    """Offer each unfinished session (claimed by the caller) in turn: log, resume (one
    at most), discard, or leave it for later. Returns whether one was resumed."""
    resumed = False
    for session in sessions:
        dialog = unfinished_session_dialog(
            session, timer.clock.now(), timer.temperature_unit(), allow_resume=not resumed
        )
        answer = await app.push_screen_wait(dialog)
        if answer == "resume":
            resumed = True
            resume(session)
        elif answer == "log":
            app.notify(timer.log_as_it_stood(session))
        elif answer == "discard":
            app.notify(timer.discard(session))
        else:
            app.notify(timer.later(session))
    return resumed


async def resume_instead(
    app: App[Any], timer: TimerService, preset: Preset, resume: Callable[[RecoverySession], None]
) -> bool:
    """Before a new row for ``preset``, offer back a session of it left unfinished.

    Returns True when there is nothing more to start: it was resumed, or the
    runner cancelled (the session stays unfinished).
    """
    left = timer.unfinished_of(preset)
    if left is None:
        return False
    answer = await app.push_screen_wait(resume_instead_dialog(left, timer.clock.now()))
    if answer == "resume":
        resume(left)
        return True
    if answer == "log":
        app.notify(timer.log_as_it_stood(left))
    elif answer == "discard":
        app.notify(timer.discard(left))
    else:
        timer.later(left)
        return True
    return False


async def delete_preset(app: App[Any], timer: TimerService, preset: Preset) -> None:
    """Delete a custom preset once the runner confirms; a built-in one is only edited."""
    if preset.kind != "custom":
        app.notify(
            f"{preset.name} is built in: edit it (e), but it cannot be deleted",
            severity="warning",
        )
        return
    if await app.push_screen_wait(ConfirmDialog(f"Delete the preset {preset.name}?")):
        timer.delete_preset(preset.name)
        app.notify(f"Deleted {preset.name}")


def run_finish_command_of(app: App[Any], timer: TimerService, name: str) -> None:
    """Run the runner's ``on_finish_command`` for a session that ended; a failure is a toast
    (reported from the command's thread too)."""
    command = timer.finish_command()
    if not command:
        return

    def failed(message: str) -> None:
        if threading.current_thread() is threading.main_thread():
            app.notify(message, severity="error")
        else:
            app.call_from_thread(app.notify, message, severity="error")

    run_finish_command(command, name, failed)
