"""Settings: the runner's preferences, the week template and the nutrition items.

Each change is checked by the domain (:mod:`tracker.domain.settings`,
:func:`tracker.domain.plan.check_template`) and saved at once when valid;
``ValueError`` says what is wrong and nothing is saved.
"""

from __future__ import annotations

from datetime import timedelta
from functools import partial
from typing import Any

from tracker.data.store import Store
from tracker.domain.clock import Clock
from tracker.domain.dates import week_of
from tracker.domain.nutrition import NutritionItem
from tracker.domain.plan import week_start_problem
from tracker.domain.presets import Preset
from tracker.domain.settings import Settings, validate_setting

COMMAND_SETTINGS = frozenset({"on_finish_command"})
"""Settings that run a program: never changed from a browser (``recovtui serve``)."""


class SettingsService:
    """The use cases of the Settings screen, on one store and clock."""

    def __init__(self, store: Store, clock: Clock, *, commands_allowed: bool = True) -> None:
        self.store = store
        self.clock = clock
        self.commands_allowed = commands_allowed
        """False in a browser: :data:`COMMAND_SETTINGS` are neither shown nor saved."""

    def settings(self) -> Settings:
        return self.store.settings()

    def set(self, name: str, value: Any) -> Settings:
        """Save one setting; raises ValueError (saving nothing) when it is not valid.

        A new week start moves every week's boundaries: it is refused, naming the
        first week, when a planned week ending today or later would break the
        rest-day rule under the new boundaries.
        """
        if name in COMMAND_SETTINGS and not self.commands_allowed:
            raise ValueError("The timer command can only be set in the terminal, not in a browser")
        if name != "week_start":
            return self.store.set_setting(name, value)
        new = validate_setting(name, value)
        store = self.store
        with store.transaction():
            today = self.clock.today()
            problem = week_start_problem(
                store.plan_days(today - timedelta(days=6)),
                store.excused_weeks().keys(),
                partial(week_of, week_start=new),
                today,
            )
            if problem is not None:
                raise ValueError(problem)
            return store.set_setting(name, new)

    def presets(self) -> list[Preset]:
        return self.store.presets()

    # Nutrition items

    def nutrition_items(self) -> list[NutritionItem]:
        """Every item, active ones first in their order, then the archived ones."""
        items = self.store.nutrition_items(include_archived=True)
        return sorted(items, key=lambda item: (item.archived, item.position, item.id))

    def add_item(self, name: str) -> NutritionItem:
        return self.store.add_nutrition_item(name)

    def rename_item(self, item_id: int, name: str) -> None:
        self.store.rename_nutrition_item(item_id, name)

    def move_item(self, item_id: int, offset: int) -> None:
        self.store.move_nutrition_item(item_id, offset)

    def archive_item(self, item_id: int, archived: bool) -> None:
        self.store.archive_nutrition_item(item_id, archived)
