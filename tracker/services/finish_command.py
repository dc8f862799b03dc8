"""The ``on_finish_command`` setting: a command of the runner's, run when a timer ends."""

from __future__ import annotations

import shlex
import subprocess


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
