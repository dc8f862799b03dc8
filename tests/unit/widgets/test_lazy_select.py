"""A Select's list of options is built when it first opens, and it behaves as Textual's."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import Select
from textual.widgets._select import SelectCurrent, SelectOverlay

from tracker.widgets.lazy_select import LazySelect

OPTIONS = [("Kilometres (km)", "km"), ("Miles (mi)", "mi"), ("Furlongs", "fur")]


class _Choices(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.changes: list[object] = []

    def compose(self) -> ComposeResult:
        yield LazySelect(OPTIONS, allow_blank=False, compact=True, id="first")
        yield LazySelect(OPTIONS, value="mi", allow_blank=False, compact=True, id="chosen")
        yield LazySelect(OPTIONS, prompt="Pick one", id="blank")

    def on_select_changed(self, event: Select.Changed) -> None:
        self.changes.append((event.select.id, event.value))


def _label(select: Select[str]) -> str:
    """The choice as the line shows it: drawn by the line itself until the first open,
    then by Textual's label."""
    current = select.query_one(SelectCurrent)
    if not current.children:
        line = current.render()
        assert isinstance(line, Text) and line.plain.endswith(" ▼")
        return line.plain.removesuffix(" ▼").rstrip()
    return str(current.query_one("#label").render())


async def test_no_option_list_exists_until_a_select_opens_and_each_shows_its_value() -> None:
    app = _Choices()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert list(app.query(SelectOverlay)) == [] and list(app.query(".up-arrow")) == []
        assert [len(s.query("*")) for s in app.query(Select)] == [1, 1, 1]  # one line each
        first, chosen, blank = app.query(Select).results()
        assert (first.value, chosen.value, blank.value) == ("km", "mi", Select.NULL)
        assert [_label(s) for s in (first, chosen, blank)] == [
            "Kilometres (km)",
            "Miles (mi)",
            "Pick one",
        ]
        shows_value = [
            s.query_one(SelectCurrent).has_class("-has-value") for s in app.query(Select)
        ]
        assert shows_value == [True, True, False]
        assert ("first", "km") in app.changes  # as Textual's: the value chosen at mount

        chosen.value = "fur"  # set while closed: shown, and told
        await pilot.pause()
        assert _label(chosen) == "Furlongs" and ("chosen", "fur") in app.changes
        assert list(app.query(SelectOverlay)) == []


async def test_opened_by_keys_it_lists_every_option_and_picks_the_one_typed() -> None:
    app = _Choices()
    async with app.run_test() as pilot:
        chosen = app.query_one("#chosen", Select)
        chosen.focus()
        await pilot.press("enter")
        await pilot.pause()
        overlay = chosen.query_one(SelectOverlay)
        assert chosen.expanded and overlay.has_focus
        assert overlay.option_count == len(OPTIONS)
        assert overlay.highlighted == 1  # the value it holds
        arrows = [chosen.query_one(f".{a}-arrow").styles.display for a in ("down", "up")]
        assert arrows == ["none", "block"]
        await pilot.press(*"fur", "enter")
        await pilot.pause()
        assert chosen.value == "fur" and not chosen.expanded and chosen.has_focus
        assert _label(chosen) == "Furlongs"

        await pilot.press("enter", "escape")  # opened again: the same overlay, closed
        await pilot.pause()
        assert len(chosen.query(SelectOverlay)) == 1 and not chosen.expanded
        assert chosen.query_one(".down-arrow").styles.display == "block"
        assert chosen.value == "fur"


class _Narrow(App[None]):
    CSS = "Select { width: 14; }"

    def compose(self) -> ComposeResult:
        yield LazySelect(OPTIONS, allow_blank=False, compact=True)
        yield LazySelect(OPTIONS, prompt="Pick one", compact=True)


async def test_a_closed_choice_is_cut_to_its_width_and_a_blank_one_dims_its_prompt() -> None:
    app = _Narrow()
    async with app.run_test(size=(40, 6)) as pilot:
        await pilot.pause()
        chosen, blank = app.query(Select).results()
        shown = [s.query_one(SelectCurrent).render_line(0).text for s in (chosen, blank)]
        assert shown[0] == "Kilometres… ▼"  # cut to its 14 columns, the arrow kept
        assert shown[1].startswith("Pick one") and shown[1].endswith(" ▼")
        line = blank.query_one(SelectCurrent).render()
        assert isinstance(line, Text) and line.spans  # the prompt and arrow are dimmed
        assert chosen.query_one(SelectCurrent).size.height == 1
