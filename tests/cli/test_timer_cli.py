"""``recovtui timer``: bad presets and durations exit 2 with one line; good ones open the TUI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tracker.__main__ import main
from tracker.cli import timer as timer_command
from tracker.data.db import open_db
from tracker.data.store import Store
from tracker.domain.presets import Preset

Capsys = pytest.CaptureFixture[str]


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Each call to run_tui, instead of opening a terminal."""
    calls: list[dict[str, Any]] = []

    def fake_run_tui(ctx: object, **kwargs: Any) -> int:
        calls.append(kwargs)
        return 0

    monkeypatch.setattr(timer_command, "run_tui", fake_run_tui)
    return calls


def timer(db: Path, *argv: str) -> int:
    return main(["timer", *argv, "--db", str(db), "--today", "2026-11-25"])


@pytest.mark.parametrize(
    ("argv", "preset", "duration"),
    [
        (["ice-bath"], "Ice bath", None),
        (["ice-bath", "--duration", "3s"], "Ice bath", 3),
        (["Foam Roller", "--duration", "12m"], "Foam roller", 720),
        (["feet_up", "--duration", "1:05:30"], "Feet up", 3930),
    ],
)
def test_a_good_preset_opens_the_tui_on_a_running_timer(
    tmp_path: Path, opened: list[dict[str, Any]], argv: list[str], preset: str, duration: int | None
) -> None:
    assert timer(tmp_path / "r.db", *argv) == 0
    assert opened == [{"start_mode": "timer", "timer_preset": preset, "timer_duration_s": duration}]


def test_a_custom_preset_is_found_by_its_name(tmp_path: Path, opened: list[dict[str, Any]]) -> None:
    db = tmp_path / "r.db"
    store = Store(open_db(db))
    store.save_preset(Preset.single("Calf stretch", "custom", 120))
    store.close()
    assert timer(db, "calf-stretch") == 0
    assert opened[0]["timer_preset"] == "Calf stretch"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["sauna"], "PRESET: unknown preset 'sauna' (choose from ice-bath, foam-roller, feet-up)"),
        (["ice-bath", "--duration", "soon"], "--duration: not a duration: 'soon'"),
        (["ice-bath", "--duration", "0"], "--duration: Ice bath needs at least 1 s"),
        (["foam-roller", "--duration", "5s"], "--duration: Foam roller needs at least 10 s"),
        (["ice-bath", "--duration", "200h"], "--duration: duration too long"),
    ],
)
def test_a_bad_preset_or_duration_is_one_line_and_exit_2(
    tmp_path: Path, opened: list[dict[str, Any]], capsys: Capsys, argv: list[str], message: str
) -> None:
    db = tmp_path / "r.db"
    assert timer(db, *argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"recovtui: {message}")
    assert err.count("\n") == 1
    assert opened == []
    store = Store(open_db(db))
    assert store.all_sessions() == []
    store.close()
