"""The ``on_finish_command`` setting: a command of the runner's, run when a timer ends."""

from __future__ import annotations

import shlex
import subprocess
import threading
from collections.abc import Callable


def start_finish_command(command: str, preset_name: str) -> subprocess.Popen[bytes]:
    """Run ``command`` without a shell; ``{preset}`` in an argument is the preset's name.

    Raises ``ValueError`` for unbalanced quotes and ``OSError`` for a missing program.
    """
    args = [arg.replace("{preset}", preset_name) for arg in shlex.split(command)]
    if not args:
        raise ValueError("the command is empty")
    return subprocess.Popen(
        args,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


COMMAND_WAIT_S = 60.0


def run_finish_command(command: str, preset_name: str, on_failure: Callable[[str], None]) -> None:
    """Start ``command`` for a finished ``preset_name`` and watch it in a thread.

    ``on_failure`` gets one line when the command cannot start or exits with a
    failure (called from the watching thread when it exits). A command still
    running after a minute is left to itself.
    """
    try:
        process = start_finish_command(command, preset_name)
    except (OSError, ValueError) as exc:
        on_failure(f"on_finish_command failed: {exc}")
        return

    def watch() -> None:
        try:
            code = process.wait(COMMAND_WAIT_S)
        except subprocess.TimeoutExpired:
            return
        if code != 0:
            on_failure(f"on_finish_command exited with {code}: {command}")

    threading.Thread(target=watch, name="finish-command", daemon=True).start()
