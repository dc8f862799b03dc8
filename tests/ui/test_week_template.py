"""The week template widget: keys and clicks ask for a change; only the screen makes it."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from tests.helpers import C, E, L, R, W
from tracker.domain.kinds import DayKind
from tracker.domain.plan import DEFAULT_TEMPLATE
from tracker.widgets.week_template import WeekTemplate


class TemplateApp(App[None]):
    def __init__(self, kinds: tuple[DayKind, ...] = DEFAULT_TEMPLATE, first: int = 0) -> None:
        super().__init__()
        self.kinds, self.first = kinds, first
        self.asked: list[tuple[int, DayKind]] = []

    def compose(self) -> ComposeResult:
        yield WeekTemplate(self.kinds, self.first)

    def on_week_template_changed(self, event: WeekTemplate.Changed) -> None:
        self.asked.append((event.index, event.kind))


async def test_keys_pick_a_day_and_ask_for_its_kind() -> None:
    app = TemplateApp()
    async with app.run_test(size=(100, 6)) as pilot:
        template = app.query_one(WeekTemplate)
        assert app.focused is template and template.cursor == 0
        await pilot.press("left")  # round to the last day
        assert template.cursor == 6
        await pilot.press("right", "right", "right")  # round to Wednesday
        assert template.cursor == 2
        await pilot.press("down", "up", "space", "L", "W")  # W: it is already a workout
        assert app.asked == [(2, L), (2, E), (2, L), (2, L)]
        assert template.kinds == DEFAULT_TEMPLATE  # asking changes nothing shown


async def test_a_step_goes_round_the_kinds() -> None:
    app = TemplateApp(kinds=(C, R, E, E, E, E, E))
    async with app.run_test(size=(100, 6)) as pilot:
        await pilot.press("down")
        await pilot.press("right", "up")
        assert app.asked == [(0, R), (1, C)]


async def test_a_click_picks_a_day_and_a_second_click_steps_it() -> None:
    app = TemplateApp()
    async with app.run_test(size=(70, 6)) as pilot:
        template = app.query_one(WeekTemplate)
        await pilot.click(WeekTemplate, offset=(35, 1))  # 10 columns a day: Thursday
        assert template.cursor == 3 and app.asked == []
        await pilot.click(WeekTemplate, offset=(35, 1))
        assert app.asked == [(3, W)]


async def test_shown_from_the_week_start_without_asking_anything() -> None:
    app = TemplateApp(first=6)
    async with app.run_test(size=(100, 6)) as pilot:
        template = app.query_one(WeekTemplate)
        assert template.weekdays[:2] == ("Sun", "Mon")
        lines = str(template.render()).splitlines()
        assert lines[0].split() == ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        assert lines[1].split() == [kind.label for kind in DEFAULT_TEMPLATE]
        template.show((E, R, E, W, E, L, E), 0)
        await pilot.pause()
        assert str(template.render()).splitlines()[0].split()[0] == "Mon"
        assert template.kinds[:2] == (E, R)
        assert app.asked == []


async def test_narrow_columns_cut_the_names_and_keep_seven_days() -> None:
    app = TemplateApp()
    async with app.run_test(size=(30, 6)):
        lines = str(app.query_one(WeekTemplate).render()).splitlines()
        assert [len(line) for line in lines] == [28, 28]  # 4 a day, a space between
        assert lines[1].split() == ["Res", "Eas", "Wor", "Eas", "Eas", "Lon", "Eas"]


def test_a_template_has_seven_days() -> None:
    with pytest.raises(ValueError, match="7 days, not 6"):
        WeekTemplate(DEFAULT_TEMPLATE[:6])
