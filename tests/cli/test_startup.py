"""A recovtui process pauses Python's cycle collector while it loads, then resumes it
with what it loaded frozen out of later passes (``tracker/cli/startup.py``)."""

from __future__ import annotations

import argparse
import gc
import sys
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fakes import FakeClock
from tests.helpers import until
from tracker.__main__ import start
from tracker.app import RecovApp
from tracker.cli import plan, startup
from tracker.cli.context import Context
from tracker.data.store import Store


class _Node:
    me: object = None


@pytest.fixture(autouse=True)
def _collector_restored(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Whatever a test does, the test process's collector runs after it (what a test
    froze stays frozen: the worker has frozen what it loaded too, ``tests/conftest.py``)."""
    monkeypatch.setattr(startup, "_paused", False)
    monkeypatch.setattr(startup, "_managed", False)
    assert gc.isenabled()
    yield
    gc.enable()


def test_paused_until_resumed_then_what_was_made_is_kept_out_of_later_passes() -> None:
    gc.collect()  # resuming freezes all it finds: let that be no earlier test's garbage
    startup.pause()
    made = [object() for _ in range(10)]  # tracked: a list
    assert not gc.isenabled()
    before = gc.get_freeze_count()
    startup.resume()
    assert gc.isenabled()
    assert gc.get_freeze_count() > before
    frozen = gc.get_freeze_count()
    startup.resume()  # once only
    assert gc.get_freeze_count() == frozen
    assert made


def test_a_screen_made_later_is_kept_out_of_later_passes_once_resumed() -> None:
    gc.collect()
    startup.pause()
    before = gc.get_freeze_count()
    startup.keep()  # still loading: the resume freezes it all
    assert gc.get_freeze_count() == before and not gc.isenabled()
    startup.resume()
    frozen = gc.get_freeze_count()
    screen = [[object()] for _ in range(10)]
    garbage = _Node()
    garbage.me = garbage  # a cycle nothing holds: freed by the young pass, not frozen
    gone = weakref.ref(garbage)
    del garbage
    startup.keep()
    assert gc.get_freeze_count() >= frozen + len(screen)
    assert gone() is None and gc.isenabled()


def test_a_process_that_did_not_pause_keeps_its_collector_as_it_is() -> None:
    before = gc.get_freeze_count()
    startup.resume()
    startup.keep()
    assert gc.isenabled() and gc.get_freeze_count() == before
    gc.disable()  # paused by someone else: theirs to resume
    startup.pause()
    startup.resume()
    assert not gc.isenabled()


def test_a_command_runs_with_the_collector_back_on(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []

    def run_plan(ctx: Context, args: argparse.Namespace) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(plan, "run_plan", run_plan)
    monkeypatch.setattr(sys, "argv", ["recovtui", "--db", str(db_path), "plan"])
    assert start() == 0
    assert seen == [True]
    assert gc.isenabled()


def test_a_command_that_fails_leaves_the_collector_on(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["recovtui", "no-such-command"])
    assert start() == 2
    assert "no-such-command" in capsys.readouterr().err
    assert gc.isenabled()


async def test_the_app_calls_back_once_painted_and_as_each_screen_is_first_drawn(
    store: Store, clock: FakeClock
) -> None:
    painted: list[str] = []
    made: list[str] = []
    app = RecovApp(
        store,
        clock,
        on_shown=lambda: painted.append(app.screen.MODE),
        on_screen_made=lambda: made.append(app.screen.MODE),
    )
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        for mode in ("week", "stats", "week"):
            app.switch_mode(mode)
            await until(pilot, lambda m=mode: m == app.screen.MODE and not app._batch_count)
            await pilot.pause()
    assert painted == ["today"]
    assert made == ["today", "week", "stats"]  # each once, as it is first drawn
