"""The ``on_finish_command`` setting: a command of the runner's, run when a timer ends."""

from __future__ import annotations

import itertools
import re
import shlex
import subprocess
import threading
from collections.abc import Callable
from typing import Final

PLACEHOLDER: Final = "{preset}"
_SCRIPT_FLAG = re.compile(r"-[A-Za-z]*[ce]|--(command|eval|exec)")
_SCRIPT_OPTION = re.compile(r"--(command|eval|exec)=")


def finish_command_args(command: str, preset_name: str) -> list[str]:
    """The program and arguments to run: ``{preset}`` becomes the preset's name, always
    inside one argument, never in the program's name, never inside a script.

    The command is never given to a shell, so a name like ``Feet up $(touch x)``
    stays text. But a program can be a shell or an interpreter itself:
    ``sh -c "echo {preset}"`` would run the name as code. So ``{preset}`` inside
    the argument after ``-c``/``-e`` (or ``--command``/``--eval``) is refused;
    pass the name as an argument of its own instead:
    ``sh -c 'echo "$1" >> log' sh {preset}``. ``{preset}`` in the program's
    name is refused too. Raises ``ValueError`` saying so, or for unbalanced quotes.
    """
    words = shlex.split(command)
    if not words:
        raise ValueError("the command is empty")
    if PLACEHOLDER in words[0]:
        raise ValueError("{preset} cannot be part of the program's name")
    args = [words[0]]
    for previous, word in itertools.pairwise(words):
        if PLACEHOLDER in word and (_SCRIPT_FLAG.fullmatch(previous) or _SCRIPT_OPTION.match(word)):
            raise ValueError(
                "{preset} inside a script would run the preset's name as code; pass it as "
                """an argument of its own: sh -c 'echo "$1"' sh {preset}"""
            )
        args.append(word.replace(PLACEHOLDER, preset_name))
    return args


def start_finish_command(command: str, preset_name: str) -> subprocess.Popen[bytes]:
    """Run ``command`` without a shell (see :func:`finish_command_args`).

    Raises ``ValueError`` for a command refused and ``OSError`` for a missing program.
    """
    args = finish_command_args(command, preset_name)
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
