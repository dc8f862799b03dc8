"""Every widget that draws user text (notes, names, sources, preset and segment names)
draws it through the one escaping (DESIGN §7): what is shown holds ``terminal_text`` of
what was typed, no raw control character, markup shown literally. No app needed."""

from __future__ import annotations

import re
from datetime import date

import pendulum
import pytest
from hypothesis import given, settings
from rich.console import Console
from rich.style import Style

from tests.text_inputs import TYPED
from tracker.domain.activity import Activity
from tracker.domain.adherence import Adherence, ItemShare, Window
from tracker.domain.countdown import Countdown
from tracker.domain.kinds import ActivityKind, DayKind
from tracker.domain.plan import PlanDay
from tracker.domain.presets import Preset, Segment
from tracker.domain.recovery import PRESET_KEY_PREFIX, RecoverySession, SessionStatus
from tracker.domain.text import terminal_text
from tracker.domain.wellness import HELPED_MIN_DAYS, Comparison
from tracker.widgets import adherence_view, wellness_view
from tracker.widgets.adherence_view import AdherenceView
from tracker.widgets.checklist import Checklist, ChecklistItem
from tracker.widgets.countdown import CountdownView, segment_table, title_line
from tracker.widgets.day_text import plan_text, recovery_detail
from tracker.widgets.history_table import activity_cells
from tracker.widgets.preset_text import preset_detail, preset_line, session_log
from tracker.widgets.run_list import run_line
from tracker.widgets.wellness_view import HelpedView

RAW = re.compile(r"[\x00-\x1f\x7f-\x9f]")
FEW = settings(max_examples=40)
CONSOLE = Console(width=10_000)
DAY = date(2026, 11, 25)
# Names are stored stripped and on one line; padding and truncation need short ones.
NAME = TYPED.map(lambda text: text.replace("\n", " ").strip()[:8]).filter(bool)


def shown(renderable: object) -> str:
    """The characters a renderable puts on the terminal."""
    return "".join(segment.text for segment in CONSOLE.render(renderable))  # type: ignore[arg-type]


def assert_shown(renderable: object, *typed: str) -> None:
    text = shown(renderable)
    for each in typed:
        assert terminal_text(each) in text
    assert not RAW.search(text.replace("\n", ""))


def session(name: str = "", note: str | None = None) -> RecoverySession:
    return RecoverySession(
        date=DAY,
        kind="ice_bath",
        started_at=pendulum.datetime(2026, 11, 25, 19, tz="UTC"),
        status=SessionStatus.COMPLETED,
        elapsed_s=600,
        planned_s=600,
        note=note,
        preset=name or None,
    )


@FEW
@given(note=TYPED)
def test_a_run_note_is_shown_as_typed(note: str) -> None:
    run = Activity(DAY, ActivityKind.EASY, 8000, 2400, note=note)
    assert_shown(run_line(run, "km"), note)


@FEW
@given(note=TYPED, source=NAME)
def test_a_history_row_shows_its_note_and_source_as_typed(note: str, source: str) -> None:
    run = Activity(DAY, ActivityKind.EASY, 8000, note=note, source=f"import:{source}")
    cells = activity_cells(run, "km")
    assert_shown(cells[-1], note)
    assert_shown(cells[-2], source)
    assert all(isinstance(cell, str) is False or not RAW.search(cell) for cell in cells)


@FEW
@given(note=TYPED.filter(bool))
def test_the_plan_and_recovery_notes_are_shown_as_typed(note: str) -> None:
    assert_shown(plan_text(PlanDay(DAY, DayKind.EASY, 8000, note), "km"), note)
    detail = recovery_detail([session(note=note)], "C")
    assert terminal_text(note) in detail and not RAW.search(detail.replace("\n", ""))


@FEW
@given(name=NAME, hint=TYPED.filter(bool), segment=NAME)
def test_a_preset_is_shown_as_typed(name: str, hint: str, segment: str) -> None:
    preset = Preset(name, "ice_bath", (Segment(segment, 60), Segment("Rest", 30)), hint=hint)
    assert_shown(preset_line(preset), name)
    assert_shown(preset_detail(preset, "C"), segment, hint)
    assert_shown(session_log([session(name)], "C", unfinished=[session(name)]), name)


@FEW
@given(name=NAME, segment=NAME)
def test_the_countdown_shows_the_preset_and_its_segments_as_typed(name: str, segment: str) -> None:
    preset = Preset(name, "ice_bath", (Segment(segment, 60), Segment("Rest", 30)))
    snapshot = Countdown(preset, lambda: 0.0).snapshot()
    assert_shown(title_line(CountdownView.of(snapshot)), name)
    assert_shown(segment_table(snapshot), segment)


@FEW
@given(label=NAME, detail=TYPED.filter(bool))
def test_a_checklist_item_is_shown_as_typed(label: str, detail: str) -> None:
    prompt = Checklist._prompt(ChecklistItem("k", label, detail=detail))
    assert_shown(prompt, label, detail)


class Drawn:
    """Stands in for ``Static.update`` (which needs an app): keeps what was drawn."""

    def __init__(self) -> None:
        self.content: object = None

    def __call__(self, content: object, *, layout: bool = True) -> None:
        self.content = content


@FEW
@given(name=NAME.filter(lambda name: len(terminal_text(name)) <= wellness_view.NAME_WIDTH))
def test_the_stats_panels_show_item_and_preset_names_as_typed(name: str) -> None:
    with pytest.MonkeyPatch.context() as patch:
        for module in (adherence_view, wellness_view):
            patch.setattr(module, "part", lambda widget, part: Style())
        view, helped = AdherenceView(), HelpedView()
        for widget in (view, helped):
            patch.setattr(widget, "update", Drawn())
        window = Window(DAY, DAY)
        share = (ItemShare(name, 1, 1),)
        view.show(Adherence(window, 1, 1, share), Adherence(window, 1, 1, share))
        assert_shown(view.update.content, name)  # type: ignore[attr-defined]
        days = HELPED_MIN_DAYS
        helped.show([Comparison(f"{PRESET_KEY_PREFIX}{name}", 2.0, days, 3.0, days)])
        assert_shown(helped.update.content, name)  # type: ignore[attr-defined]


def test_a_long_name_is_cut_by_what_it_shows_after_its_escaping() -> None:
    view, drawn = AdherenceView(), Drawn()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(adherence_view, "part", lambda widget, part: Style())
        patch.setattr(view, "update", drawn)
        share = (ItemShare("Whey\x1b[2J shake, big", 1, 1),)
        window = Window(DAY, DAY)
        view.show(Adherence(window, 1, 1, share), Adherence(window, 1, 1, share))
    assert "\nWhey\\x1b[2J shake… █" in shown(drawn.content)


def test_markup_is_shown_literally_everywhere() -> None:
    typed = "Protein [whey] shake [/]"
    run = Activity(DAY, ActivityKind.EASY, 8000, note=typed, source="import:[b]x")
    assert typed in shown(run_line(run, "km"))
    assert "[b]x" in shown(activity_cells(run, "km")[-2])
    preset = Preset(typed, "ice_bath", (Segment("[red]L[/]", 60), Segment("R", 30)))
    assert typed in shown(preset_line(preset))
    assert "[red]L[/]" in shown(preset_detail(preset, "C"))
