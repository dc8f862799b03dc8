"""``{preset}`` is one argument, never code: a preset's name cannot run anything."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from tracker.services.finish_command import (
    finish_command_args,
    run_finish_command,
    start_finish_command,
)

HOSTILE = "Feet up $(touch x)"


def test_the_name_is_one_argument_however_it_reads() -> None:
    args = finish_command_args("notify-send 'Done: {preset}' --urgency=low", HOSTILE)
    assert args == ["notify-send", f"Done: {HOSTILE}", "--urgency=low"]


@pytest.mark.parametrize(
    "command",
    [
        'sh -c "echo {preset} >> log"',
        "bash -lc 'echo {preset}'",
        "python3 -c 'print(\"{preset}\")'",
        "perl -e 'print q({preset})'",
        "fish --command='echo {preset}'",
        "{preset} --now",
    ],
)
def test_a_preset_name_inside_a_script_or_as_the_program_is_refused(command: str) -> None:
    with pytest.raises(ValueError, match="preset"):
        finish_command_args(command, HOSTILE)


def test_the_hostile_name_never_runs_touch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValueError):
        start_finish_command('sh -c "echo {preset} >> log"', HOSTILE)
    # the documented way: the name as $1 of the script
    process = start_finish_command("sh -c 'echo \"$1\" >> log' sh {preset}", HOSTILE)
    assert process.wait(10) == 0
    assert (tmp_path / "log").read_text() == f"{HOSTILE}\n"
    assert not (tmp_path / "x").exists()


def test_a_plain_program_gets_the_name_as_its_argument(tmp_path: Path) -> None:
    out = tmp_path / "out"
    script = "import sys; open(sys.argv[1], 'w').write(sys.argv[2])"
    command = f'{sys.executable} -c "{script}" {out} {{preset}}'
    assert start_finish_command(command, HOSTILE).wait(10) == 0
    assert out.read_text() == HOSTILE


def test_a_command_that_cannot_start_is_reported_at_once() -> None:
    failures: list[str] = []
    run_finish_command("recovtui-no-such-program --now", "Ice bath", failures.append)
    (failure,) = failures
    assert failure.startswith("on_finish_command failed: ")


def test_a_command_that_fails_is_reported_with_its_exit_code() -> None:
    command = f"{sys.executable} -c 'raise SystemExit(3)'"
    failures: list[str] = []
    reported = threading.Event()

    def failed(message: str) -> None:
        failures.append(message)
        reported.set()

    run_finish_command(command, "Ice bath", failed)
    assert reported.wait(10)
    assert failures == [f"on_finish_command exited with 3: {command}"]
