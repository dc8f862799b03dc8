"""A widget is updated only when what it shows changes (widgets/shown.py)."""

from __future__ import annotations

import pytest
from rich.table import Table
from rich.text import Text
from textual.app import App
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tracker.widgets.fitted import Lines, Parts
from tracker.widgets.shown import same, show, show_options


@pytest.mark.parametrize(
    ("shown", "given", "expected"),
    [
        ("Mon", "Mon", True),
        ("Mon", "Tue", False),
        (Text("a", style="bold"), Text("a", style="bold"), True),
        (Text("a"), Text("a", style="dim"), False),  # Rich's == says these are equal
        (Text("a", justify="right"), Text("a"), False),
        (Text("a", no_wrap=True), Text("a"), False),
        (Text.assemble(("a", "bold"), "b"), Text.assemble(("a", "bold"), "b"), True),
        (Text.assemble(("a", "bold"), "b"), Text.assemble("a", ("b", "bold")), False),
        ("a", Text("a"), False),
        (Parts.of(["RPE 7", "5 km"]), Parts.of(["RPE 7", "5 km"]), True),
        (Parts.of(["RPE 7", "5 km"]), Parts.of(["RPE 7", "5 km"], wrap=True), False),
        (Parts.of([Text("a", style="dim")]), Parts.of([Text("a")]), False),
        (Parts.of(["a", "b"]), Parts.of(["a"]), False),
        (Lines((Text("a"), Parts.of(["b"]))), Lines((Text("a"), Parts.of(["b"]))), True),
        (Lines((Text("a"), Parts.of(["b"]))), Lines((Text("a"), Parts.of(["c"]))), False),
        (Lines((Text("a"),)), Lines((Text("a"), Text("a"))), False),
    ],
)
def test_two_contents_are_the_same_when_they_draw_the_same(
    shown: object, given: object, expected: bool
) -> None:
    assert same(shown, given) is expected


def test_a_renderable_that_cannot_be_compared_is_the_same_only_as_itself() -> None:
    table = Table()
    assert same(table, table)
    assert not same(table, Table())


class Counted(Static):
    def __init__(self, content: str | Text = "") -> None:
        super().__init__(content)
        self.updates = 0

    def update(self, content: object = "", *, layout: bool = True) -> None:  # type: ignore[override]
        self.updates += 1
        super().update(content, layout=layout)  # type: ignore[arg-type]


async def test_show_updates_a_static_only_when_its_content_changes() -> None:
    static = Counted("Mon")
    async with App().run_test():  # a Static draws its content for the running app
        _shown_once(static)


def _shown_once(static: Counted) -> None:
    assert show(static, "Mon") is False
    assert static.updates == 0
    assert show(static, Text("Mon", style="dim")) is True
    assert show(static, Text("Mon", style="dim")) is False
    assert show(static, Text("Mon")) is True
    assert static.updates == 2
    assert static.content == Text("Mon")


class CountedOptions(OptionList):
    sets = 0

    def set_options(self, options):  # type: ignore[no-untyped-def, override]
        self.sets += 1
        return super().set_options(options)


def test_show_options_leaves_the_same_options_and_their_highlight_alone() -> None:
    options = CountedOptions()
    assert show_options(options, [Option("a", id="1"), Option(Text("b"), id="2")]) is True
    assert show_options(options, [Option("a", id="1"), Option(Text("b"), id="2")]) is False
    assert options.sets == 1
    assert show_options(options, [Option("a", id="1"), Option(Text("b", "dim"), id="2")])
    assert show_options(options, [Option("a", id="1")])
    assert show_options(options, [Option("a", id="9")])
    assert show_options(options, [Option("a", id="9", disabled=True)])
    assert show_options(options, []) is True
    assert show_options(options, []) is False
    assert options.sets == 6
