"""The Settings screen: each change saved when valid, refused with its reason when not."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from tests.conftest import TODAY, make_app
from tests.fakes import FakeClock
from tests.helpers import current, shown, toasts, type_in
from tracker.data.store import Store
from tracker.domain.kinds import DayKind
from tracker.domain.plan import DEFAULT_TEMPLATE, TOO_FEW_REST, TOO_MANY_REST
from tracker.screens.modals.confirm import TextPromptDialog
from tracker.screens.settings import SettingsScreen
from tracker.widgets.nutrition_editor import NutritionEditor
from tracker.widgets.week_template import WeekTemplate

SIZE = (100, 32)


def item_names(pilot: Pilot[Any]) -> list[str]:
    editor = current(pilot, SettingsScreen).query_one("#items", NutritionEditor)
    return [str(editor.get_option_at_index(i).prompt) for i in range(editor.option_count)]


def template_of(pilot: Pilot[Any]) -> WeekTemplate:
    return current(pilot, SettingsScreen).query_one("#template", WeekTemplate)


async def choose(pilot: Pilot[Any], select_id: str, search: str) -> None:
    """Open a Select with the keyboard and pick the option typed (one test does it so;
    the rest set :func:`pick`, which posts the same ``Select.Changed``)."""
    current(pilot, SettingsScreen).query_one(f"#{select_id}", Select).focus()
    await pilot.press("enter", *search, "enter")
    await pilot.pause()


async def pick(pilot: Pilot[Any], select_id: str, value: object) -> None:
    """Choose ``value`` in a Select as the runner would, without driving its overlay."""
    current(pilot, SettingsScreen).query_one(f"#{select_id}", Select).value = value
    await pilot.pause()


async def enter(pilot: Pilot[Any], field_id: str, text: str, key: str = "enter") -> None:
    """Put ``text`` in a field as typed, then leave it by ``key`` (enter or tab)."""
    field = current(pilot, SettingsScreen).query_one(f"#{field_id}", Input)
    field.focus()
    field.value = text
    await pilot.press(key)
    await pilot.pause()


async def test_shows_the_stored_settings_and_saves_each_choice(
    store: Store, clock: FakeClock
) -> None:
    store.set_setting("units", "mi")
    store.set_setting("timezone", "Europe/Berlin")
    async with make_app(store, clock, start_mode="settings").run_test(size=SIZE) as pilot:
        screen = current(pilot, SettingsScreen)
        assert screen.query_one("#units", Select).value == "mi"
        assert screen.query_one("#temperature", Select).value == "C"
        assert screen.query_one("#week_start", Select).value == "monday"
        assert screen.query_one("#timezone", Input).value == "Europe/Berlin"
        assert screen.query_one("#theme", Select).value == pilot.app.theme
        assert template_of(pilot).kinds == DEFAULT_TEMPLATE
        assert item_names(pilot)[0] == "Antioxidants"
        assert screen.focused is screen.query_one("#units")

        await pick(pilot, "units", "km")
        await pick(pilot, "temperature", "F")
        await pick(pilot, "week_start", "sunday")
        settings = store.settings()
        assert (settings.units, settings.temperature, settings.week_start) == ("km", "F", "sunday")
        weekdays = template_of(pilot).weekdays
        assert (weekdays[0], weekdays[6]) == ("Sun", "Sat")
        await pilot.press("1")
        assert store.week(TODAY).start.isoformat() == "2026-11-22"


async def test_the_text_settings_are_refused_at_the_field_or_saved_as_found(
    store: Store, clock: FakeClock
) -> None:
    async with make_app(store, clock, start_mode="settings").run_test(size=SIZE) as pilot:
        screen = current(pilot, SettingsScreen)
        await enter(pilot, "timezone", "Mars/Base")
        assert "unknown time zone 'Mars/Base'" in shown(pilot, "#timezone-error")
        assert store.settings().timezone == "UTC"
        error, field = screen.query_one("#timezone-error"), screen.query_one("#timezone")
        theme = screen.query_one("#theme")
        assert error.region.y == field.region.y + 1 and error.content_region.x == field.region.x
        assert theme.region.y == error.region.bottom  # no blank line: one line, one row
        await enter(pilot, "timezone", "europe/berlin", key="tab")  # found whatever its case
        assert store.settings().timezone == "Europe/Berlin"
        assert screen.query_one("#timezone", Input).value == "Europe/Berlin"  # shown as saved
        assert not screen.query_one("#timezone-error").has_class("-shown")

        await enter(pilot, "on_finish_command", 'notify-send "done')
        assert "No closing quotation" in shown(pilot, "#on_finish_command-error")
        assert store.settings().on_finish_command is None
        await enter(pilot, "on_finish_command", 'notify-send "done"')
        assert store.settings().on_finish_command == 'notify-send "done"'


async def test_a_week_start_that_breaks_a_planned_week_is_refused(
    store: Store, clock: FakeClock
) -> None:
    store.set_kind(TODAY.add(days=4), DayKind.REST)  # Sun 29 Nov, with Mon 23
    store.set_kind(TODAY.add(days=10), DayKind.REST)  # Sat 5 Dec, with Mon 30
    async with make_app(store, clock, start_mode="settings").run_test(size=SIZE) as pilot:
        current(pilot, SettingsScreen).query_one("#week_start", Select).value = "sunday"
        await pilot.pause()
        assert store.settings().week_start == "monday"
        assert any("The week of Sun 29 Nov 2026" in message for message, _ in toasts(pilot))
        assert current(pilot, SettingsScreen).query_one("#week_start", Select).value == "monday"


async def test_the_template_keeps_the_rule(store: Store, clock: FakeClock) -> None:
    async with make_app(store, clock, start_mode="settings").run_test(size=SIZE) as pilot:
        template_of(pilot).focus()
        await pilot.press("E")  # Monday: rest → easy leaves none
        assert store.settings().template == DEFAULT_TEMPLATE
        assert f"Not saved: {TOO_FEW_REST}" in shown(pilot, "#template-status")
        assert template_of(pilot).kinds[0] is DayKind.EASY  # the proposal stays shown
        await pilot.press("right", "R")  # Tuesday becomes the rest day
        assert store.settings().template[:2] == (DayKind.EASY, DayKind.REST)
        assert shown(pilot, "#template-status").startswith("✓ 1 rest day")
        assert ("Week template saved", "information") in toasts(pilot)
        await pilot.press("right", "right", "right", "R")  # Friday
        await pilot.press(*["left"] * 5, "R")  # round to Sunday
        assert f"Not saved: {TOO_MANY_REST}" in shown(pilot, "#template-status")
        assert store.settings().template.count(DayKind.REST) == 2
        assert store.settings().template[6] is DayKind.EASY
        # Leaving and coming back shows what is stored.
        await pilot.press("1", "5")
        assert template_of(pilot).kinds[6] is DayKind.EASY


async def test_add_rename_move_and_archive_items(store: Store, clock: FakeClock) -> None:
    protein = next(i for i in store.nutrition_items() if i.name == "Protein")
    store.set_nutrition_check(TODAY, protein.id, True)
    async with make_app(store, clock, start_mode="settings").run_test(size=SIZE) as pilot:
        current(pilot, SettingsScreen).query_one("#items", NutritionEditor).focus()
        await pilot.press("a")
        assert isinstance(pilot.app.screen, TextPromptDialog)
        await type_in(pilot, "Protein")  # already there
        await pilot.press("enter")
        assert "already an item called 'Protein'" in str(
            pilot.app.screen.query_one("#text-error", Static).render()
        )
        pilot.app.screen.query_one(Input).value = "Kefir"
        await pilot.press("enter")
        await pilot.pause()
        assert item_names(pilot)[-1] == "Kefir"
        editor = current(pilot, SettingsScreen).query_one("#items", NutritionEditor)
        assert editor.highlighted == 4
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert [i.name for i in store.nutrition_items()][2] == "Kefir"
        await pilot.press("r")
        pilot.app.screen.query_one(Input).value = "Tea"
        await pilot.press("enter")
        await pilot.pause()
        assert "Tea" in [i.name for i in store.nutrition_items()]
        # Archive the protein item: gone from the checklist, its history kept.
        editor.highlighted = 1
        await pilot.press("x")
        assert "Protein" not in [i.name for i in store.nutrition_items()]
        assert item_names(pilot)[-1] == "Protein  archived"
        assert protein.id in store.nutrition_checks(TODAY, TODAY)[TODAY]
        await pilot.press("1")
        assert "Protein" not in [
            i.label
            for i in pilot.app.screen.query_one("#nutrition").items  # type: ignore[attr-defined]
        ]
        await pilot.press("5")
        editor = current(pilot, SettingsScreen).query_one("#items", NutritionEditor)
        editor.highlighted = editor.option_count - 1
        await pilot.press("x")
        assert "Protein" in [i.name for i in store.nutrition_items()]


def test_every_built_in_theme_has_every_colour_the_styles_use() -> None:
    """Every stylesheet parses against each built-in theme's variables (theme variables
    only)."""
    from textual.css.stylesheet import Stylesheet
    from textual.theme import BUILTIN_THEMES

    from tracker.screens.styles import STYLES

    files = sorted(STYLES.glob("*.tcss"))
    assert {path.stem for path in files} >= {"base", "today", "week", "modals"}
    assert len(BUILTIN_THEMES) > 10
    for name, theme in BUILTIN_THEMES.items():
        variables = {**theme.to_color_system().generate(), **theme.variables}
        for path in files:
            sheet = Stylesheet(variables=variables)
            sheet.read(path)
            sheet.parse()  # raises on an unknown variable
            assert sheet.rules, (name, path.name)


async def test_a_theme_chosen_by_keys_is_used_and_kept_and_p_opens_the_presets(
    store: Store, clock: FakeClock
) -> None:
    from tracker.domain.presets import Preset

    store.save_preset(Preset.single("Calf stretch", "custom", 300))
    async with make_app(store, clock, start_mode="settings").run_test(size=SIZE) as pilot:
        listed = shown(pilot, "#presets")
        assert "Foam roller" in listed and "15:00" in listed and "10 segments" in listed
        assert "Calf stretch" in listed and "05:00" in listed

        await choose(pilot, "theme", "nord")  # the one Select driven key by key
        assert pilot.app.theme == "nord"
        assert store.settings().theme == "nord"
        await pilot.press("1")
        pilot.app.theme = "gruvbox"  # e.g. from the command palette
        await pilot.press("5")
        assert current(pilot, SettingsScreen).query_one("#theme", Select).value == "gruvbox"
        assert store.settings().theme == "gruvbox"

        current(pilot, SettingsScreen).query_one("#items", NutritionEditor).focus()
        await pilot.press("p")
        await pilot.pause()
        assert pilot.app.current_mode == "timer"


async def test_usable_at_80_by_24(store: Store, clock: FakeClock) -> None:
    async with make_app(store, clock, start_mode="settings").run_test(size=(80, 24)) as pilot:
        editor = current(pilot, SettingsScreen).query_one("#items", NutritionEditor)
        editor.focus()
        await pilot.wait_for_scheduled_animations()  # the scroll to it, on a busy machine too
        region = editor.region
        assert region.height > 0 and region.bottom <= 23 and region.right <= 80
        template = template_of(pilot)
        template.focus()
        await pilot.wait_for_scheduled_animations()
        assert template.region.right <= 80 and template.region.height == 2
        assert "Workout" in str(template.render())  # no kind cut at 80 columns


async def test_composed_holding_the_stored_values_so_mounting_writes_nothing(
    store: Store, clock: FakeClock, monkeypatch: Any
) -> None:
    """Each Select posts Changed with its value as it mounts: composed on its first
    option, the handlers would save that over the runner's choice whenever they see
    those messages before ``refresh_data`` (here it never runs)."""
    store.set_setting("units", "mi")
    store.set_setting("temperature", "F")
    store.set_setting("week_start", "sunday")
    template = (*DEFAULT_TEMPLATE[1:], DEFAULT_TEMPLATE[0])  # the default, a day on
    assert template != DEFAULT_TEMPLATE
    store.set_setting("template", [kind.value for kind in template])
    before = store.settings()
    monkeypatch.setattr(SettingsScreen, "refresh_data", lambda self: None)
    async with make_app(store, clock, start_mode="settings").run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = current(pilot, SettingsScreen)
        shown_values = [screen.query_one(f"#{n}", Select).value for n in CHOSEN]
        assert shown_values == ["mi", "F", "sunday"]
        assert template_of(pilot).kinds == template
        assert screen.query_one("#theme", Select).value == pilot.app.theme
        assert not toasts(pilot)
        assert store.settings() == before


CHOSEN = ("units", "temperature", "week_start")
