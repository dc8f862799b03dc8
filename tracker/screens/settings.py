"""Settings: units, temperature, week start, time zone, theme, the command run
when a timer ends, the week template and the nutrition items.

Every change is saved at once when it is valid; a wrong value is shown at its
field, with the reason, and nothing is saved.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from tracker.domain.clock import Clock
from tracker.domain.dates import WEEKDAYS, weekday_index
from tracker.domain.kinds import DayKind
from tracker.domain.nutrition import NutritionItem
from tracker.domain.plan import RULE_RANGE, count_rest
from tracker.domain.settings import Settings
from tracker.domain.text import plural, terminal_text
from tracker.domain.units import format_clock
from tracker.screens.base import RecovScreen
from tracker.screens.modals.confirm import TextPromptDialog
from tracker.services.bundle import Services
from tracker.widgets.grid_line import GridLine
from tracker.widgets.lazy_select import LazySelect
from tracker.widgets.nutrition_editor import NutritionEditor
from tracker.widgets.plain import plain
from tracker.widgets.scroll_body import ScrollBody
from tracker.widgets.shown import show, show_options
from tracker.widgets.week_template import WeekTemplate

CHOICES: dict[str, list[tuple[str, str]]] = {
    "units": [("Kilometres (km)", "km"), ("Miles (mi)", "mi")],
    "temperature": [("Celsius (°C)", "C"), ("Fahrenheit (°F)", "F")],
    "week_start": [(day.capitalize(), day) for day in WEEKDAYS],
}


def _row(label: str, widget: Widget, *, error: bool = False) -> ComposeResult:
    """A setting, as two cells of the General grid: its label and its field; and for a
    typed value, a line across both for its error."""
    yield Label(label, classes="settings-label")
    yield widget
    if error:
        yield GridLine("", classes="settings-error", id=f"{widget.id}-error", markup=False)


def _section(heading: str, *parts: Widget, hint: str) -> ComposeResult:
    """A part of the screen: its heading, what it shows, and a line on its keys."""
    yield Static(heading, classes="settings-heading")
    yield from parts
    yield Static(hint, classes="settings-hint")


class SettingsScreen(RecovScreen):
    """Everything the runner can set, saved as it changes."""

    STYLES = "settings"

    MODE = "settings"
    AUTO_FOCUS = "#units"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave_field", "Leave field", show=False, tooltip="Out of a text field"),
        Binding(
            "g",
            "app.welcome",
            "Welcome",
            tooltip="The first evening's guide: units, week, time zone, template, import",
        ),
        Binding(
            "p",
            "app.switch_mode('timer')",
            "Presets",
            tooltip="Timer presets are edited on the Timer screen (a new, e edit, d delete)",
        ),
    ]

    def __init__(self, services: Services, clock: Clock) -> None:
        super().__init__(clock)
        self.preferences = services.settings
        self._items: list[NutritionItem] = []
        self._template: list[DayKind] = []

    def compose_body(self) -> ComposeResult:
        # Every choice is composed holding the stored value: a Select posts Changed with
        # its value as it mounts, so one composed on its first option would hand the
        # handlers below a choice nobody made (harmless only while refresh_data happens
        # to run first).
        settings = self.preferences.settings()
        self._template = list(settings.template)
        with ScrollBody(id="settings"):
            yield Static("General", classes="settings-heading")
            with Grid(id="general"):
                yield from self._general(settings)

            yield from _section(
                "Week template — the plan new weeks start from",
                WeekTemplate(self._template, weekday_index(settings.week_start), id="template"),
                Static(id="template-status"),
                hint="←/→ day · ↑/↓ or space its kind · R rest E easy W workout L long A race "
                "C cross (as on Week)",
            )
            yield from _section(
                "Nutrition items",
                NutritionEditor(id="items"),
                hint="a add · r or enter rename · [ ] move · x archive or bring back "
                "(archived items keep their history)",
            )
            yield from _section(
                "Timer presets",
                Static(id="presets"),
                hint="p opens them on the Timer screen: a new · e edit · d delete",
            )

    def _general(self, settings: Settings) -> ComposeResult:
        """Units, temperature, week start, time zone, theme and the command a timer runs."""
        for name, label in (
            ("units", "Units"),
            ("temperature", "Temperature"),
            ("week_start", "Week starts on"),
        ):
            yield from _row(
                label,
                LazySelect(
                    CHOICES[name],
                    value=getattr(settings, name),
                    allow_blank=False,
                    compact=True,
                    id=name,
                    classes="setting",
                ),
            )
        yield from _row(
            "Time zone",
            Input(
                placeholder="empty: this computer's zone (e.g. Europe/Berlin)",
                compact=True,
                id="timezone",
            ),
            error=True,
        )
        themes = [(name, name) for name in sorted(self.app.available_themes)]
        theme = self.app.theme if self.app.theme in self.app.available_themes else None
        yield from _row(
            "Theme",
            LazySelect(
                themes,
                value=theme if theme is not None else themes[0][1],
                allow_blank=False,
                compact=True,
                id="theme",
            ),
        )
        if self.preferences.commands_allowed:  # never from a browser
            yield from _row(
                "When a timer ends",
                Input(
                    placeholder='optional: notify-send recovtui "{preset} done"',
                    compact=True,
                    id="on_finish_command",
                ),
                error=True,
            )

    # Showing

    def refresh_data(self) -> None:
        if not self.is_mounted:
            return
        settings = self.preferences.settings()
        for name in ("units", "temperature", "week_start"):
            self._set_select(name, getattr(settings, name))
        if settings.theme in self.app.available_themes:
            self._set_select("theme", settings.theme)
        for field in self.query("#timezone, #on_finish_command").results(Input):
            name = field.id or ""
            if not field.has_focus:
                with self.prevent(Input.Changed):
                    field.value = getattr(settings, name) or ""
        self._template = list(settings.template)
        self._week_template.show(self._template, weekday_index(settings.week_start))
        self._show_template_status(None)
        self._show_items()
        show(
            self.query_one("#presets", Static),
            plain(
                "\n".join(
                    f"{terminal_text(preset.name):<20} {format_clock(preset.total_s):>6}  "
                    f"{plural(len(preset.segments), 'segment')}"
                    for preset in self.preferences.presets()
                )
            ),
        )

    def _set_select(self, name: str, value: Any) -> None:
        select = self.query_one(f"#{name}", Select)
        if select.value != value:
            with self.prevent(Select.Changed):
                select.value = value

    def _show_template_status(self, problem: str | None) -> None:
        status = self.query_one("#template-status", Static)
        rest = count_rest(self._template)
        text = Text()
        if problem:
            text.append(f"✗ Not saved: {problem}", style="bold")
            text.append(
                f"\nNothing is saved until the week has {RULE_RANGE} rest days: "
                "pick the new rest day first, then change the old one."
            )
        else:
            text.append(
                f"✓ {plural(rest, 'rest day')} — keeps the rule "
                f"({RULE_RANGE} a week). Weeks already planned stay as they are; "
                "g sets target distances."
            )
        show(status, text)
        status.set_class(bool(problem), "-problem")

    def _show_items(self) -> None:
        editor = self.query_one("#items", NutritionEditor)
        highlighted = editor.highlighted
        self._items = self.preferences.nutrition_items()
        options = []
        for item in self._items:
            text = plain(item.name, style="dim" if item.archived else "")
            if item.archived:
                text.append("  archived", style="italic")
            options.append(Option(text, id=str(item.id)))
        show_options(editor, options)
        if self._items:
            editor.highlighted = min(highlighted or 0, len(self._items) - 1)

    # Saving

    def _save(self, name: str, value: Any) -> str | None:
        """Store a setting; the reason it was refused, or None."""
        try:
            self.preferences.set(name, value)
        except ValueError as exc:
            return str(exc)
        return None

    @on(Select.Changed, ".setting")
    def setting_chosen(self, event: Select.Changed) -> None:
        name = event.select.id
        if name is None or event.select.value != event.value:
            return
        if getattr(self.preferences.settings(), name) == event.value:
            return
        problem = self._save(name, event.value)
        if problem:
            self.notify(problem, title="Not saved", severity="error")
        else:
            self.notify(f"{name.replace('_', ' ').capitalize()} saved")
        self.refresh_data()

    @on(Select.Changed, "#theme")
    def theme_chosen(self, event: Select.Changed) -> None:
        if event.select.value != event.value or not isinstance(event.value, str):
            return
        if event.value != self.app.theme:
            self.app.theme = event.value  # the app stores it

    @on(Input.Submitted, "#timezone, #on_finish_command")
    @on(Input.Blurred, "#timezone, #on_finish_command")
    def text_setting_done(self, event: Input.Submitted | Input.Blurred) -> None:
        field = event.input
        name = field.id
        if name is None:
            return
        value = field.value.strip()
        if value == (getattr(self.preferences.settings(), name) or ""):
            self._field_error(name, None)
            return
        problem = self._save(name, value)
        self._field_error(name, problem)
        if problem:
            return
        with self.prevent(Input.Changed):
            field.value = getattr(self.preferences.settings(), name) or ""  # as saved
        self.notify(f"{'Time zone' if name == 'timezone' else 'Timer command'} saved")

    def _field_error(self, name: str, problem: str | None) -> None:
        error = self.query_one(f"#{name}-error", Static)
        error.update(plain(f"✗ {problem} — not saved" if problem else ""))
        error.set_class(bool(problem), "-shown")

    @property
    def _week_template(self) -> WeekTemplate:
        return self.query_one("#template", WeekTemplate)

    @on(WeekTemplate.Changed)
    def template_changed(self, event: WeekTemplate.Changed) -> None:
        """Show the day as asked; save the week when it keeps the rule (until then the
        runner's proposal stays on screen, with the reason it is not saved)."""
        self._template[event.index] = event.kind
        template = event.template
        template.show(self._template, weekday_index(self.preferences.settings().week_start))
        problem = self._save("template", [kind.value for kind in self._template])
        if problem:
            self._show_template_status(problem)
            return
        self._show_template_status(None)
        self.notify("Week template saved")

    # Nutrition items

    def _item(self) -> NutritionItem | None:
        index = self.query_one("#items", NutritionEditor).highlighted
        if index is None or not 0 <= index < len(self._items):
            return None
        return self._items[index]

    def action_add_item(self) -> None:
        def add(name: str) -> str | None:
            try:
                self.preferences.add_item(name)
            except ValueError as exc:
                return str(exc)
            return None

        def added(name: object) -> None:
            self._show_items()
            if isinstance(name, str):
                editor = self.query_one("#items", NutritionEditor)
                editor.highlighted = next(
                    (
                        i
                        for i, item in enumerate(self._items)
                        if item.name == " ".join(name.split())
                    ),
                    editor.highlighted,
                )

        self.app.push_screen(
            TextPromptDialog("Add a nutrition item", "e.g. Tart cherry juice", check=add), added
        )

    def action_rename_item(self) -> None:
        item = self._item()
        if item is None:
            return

        def rename(name: str) -> str | None:
            if name == item.name:
                return None
            try:
                self.preferences.rename_item(item.id, name)
            except ValueError as exc:
                return str(exc)
            return None

        self.app.push_screen(
            TextPromptDialog(f"Rename {item.name!r}", value=item.name, check=rename),
            lambda _: self._show_items(),
        )

    @on(OptionList.OptionSelected, "#items")
    def item_selected(self) -> None:
        self.action_rename_item()

    def action_move_item(self, offset: int) -> None:
        item = self._item()
        if item is None:
            return
        if item.archived:
            self.notify("Bring the item back (x) before moving it", severity="warning")
            return
        self.preferences.move_item(item.id, offset)
        self._show_items()
        editor = self.query_one("#items", NutritionEditor)
        editor.highlighted = next(i for i, each in enumerate(self._items) if each.id == item.id)

    def action_archive_item(self) -> None:
        item = self._item()
        if item is None:
            return
        self.preferences.archive_item(item.id, not item.archived)
        if item.archived:
            self.notify(f"{item.name} is back on the checklist")
        else:
            self.notify(f"{item.name} archived — its history stays; x brings it back")
        self._show_items()

    def action_leave_field(self) -> None:
        """Out of a text field, so ``p``, ``g`` and the digits are keys again (it is saved)."""
        if isinstance(self.focused, Input):
            self.set_focus(None)
