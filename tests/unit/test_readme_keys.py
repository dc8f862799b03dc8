"""The README's key tables say exactly the keys each screen binds: none missing, none stale."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.binding import Binding

from tracker.app import RecovApp
from tracker.screens.history import HistoryScreen
from tracker.screens.settings import SettingsScreen
from tracker.screens.stats import StatsScreen
from tracker.screens.timer import TimerScreen
from tracker.screens.today import TodayScreen
from tracker.screens.week import WeekScreen
from tracker.widgets.checklist import Checklist
from tracker.widgets.history_table import HistoryTable
from tracker.widgets.nutrition_editor import NutritionEditor
from tracker.widgets.run_list import RunList
from tracker.widgets.week_template import WeekTemplate

README = Path(__file__).resolve().parents[2] / "README.md"
TABLES: dict[str, tuple[type, ...]] = {
    "Keys": (RecovApp,),
    "Today": (TodayScreen, Checklist, RunList),
    "Week": (WeekScreen,),
    "Timer": (TimerScreen,),
    "Stats": (StatsScreen,),
    "Settings": (SettingsScreen, NutritionEditor, WeekTemplate),
    "History": (HistoryScreen, HistoryTable),
}
"""Each key table of the README, by the first word of the heading above it, and the
classes whose bindings it lists."""
SHOWN = {
    "left": "←",
    "right": "→",
    "up": "↑",
    "down": "↓",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "question_mark": "?",
    "plus": "+",
    "minus": "-",
    "slash": "/",
}


def readme_tables(text: str) -> dict[str, set[str]]:
    """The keys of every ``| key | does |`` table, by the first word of its heading."""
    tables: dict[str, set[str]] = {}
    heading, keys = "", None
    for line in text.splitlines():
        if line.startswith("#"):
            heading = line.lstrip("#").split()[0].rstrip(":")
        if line.strip() == "| key | does |":
            assert heading not in tables, f"two key tables under {heading}"
            keys = tables[heading] = set()
        elif keys is not None and line.startswith("|"):
            if not line.startswith("|---"):
                keys.update(re.findall(r"`([^`]+)`", line.split("|")[1]))
        else:
            keys = None
    return tables


def bound(classes: tuple[type, ...]) -> set[str]:
    """Every key the classes bind to an action with a description."""
    keys = set()
    for cls in classes:
        for binding in Binding.make_bindings(cls.__dict__.get("BINDINGS", [])):
            if binding.description:
                keys.add(SHOWN.get(binding.key, binding.key))
    if RecovApp in classes:
        keys.add(RecovApp.COMMAND_PALETTE_BINDING)
    return keys


def test_every_screen_has_its_key_table() -> None:
    assert set(readme_tables(README.read_text(encoding="utf-8"))) == set(TABLES)


@pytest.mark.parametrize("heading", TABLES)
def test_the_readme_table_lists_exactly_the_bound_keys(heading: str) -> None:
    documented = readme_tables(README.read_text(encoding="utf-8"))[heading]
    expected = bound(TABLES[heading])
    assert documented - expected == set(), "in the README, bound nowhere"
    assert expected - documented == set(), "bound, missing from the README"


def test_a_stale_key_is_caught() -> None:
    stale = "### Week\n\n| key | does |\n|---|---|\n| `t` | this week |\n"
    assert readme_tables(stale)["Week"] == {"t"}
    assert readme_tables(stale)["Week"] != bound(TABLES["Week"])
