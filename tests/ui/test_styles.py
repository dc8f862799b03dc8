"""Each screen's rules are read as the screen is first made, scoped to it (screens/styles.py)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.app import App
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.widgets import Input, Static

from tests.conftest import make_app
from tests.fakes import FakeClock
from tests.helpers import until
from tracker.data.store import Store
from tracker.screens.modals.run_form import LogRunForm
from tracker.screens.modes import SCREENS_BY_KEY
from tracker.screens.styles import STYLES
from tracker.widgets.day_cell import DayCell
from tracker.widgets.lazy_select import LazySelect
from tracker.widgets.scroll_body import ScrollBody


def styles_read(app: object) -> set[str]:
    """The files of ``tracker/styles/`` in the app's stylesheet."""
    sources = app.stylesheet.source  # type: ignore[attr-defined]
    return {Path(path).stem for path, _ in sources if Path(path).parent == STYLES}


async def test_a_start_reads_the_shared_rules_and_todays_only(
    store: Store, clock: FakeClock
) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert styles_read(app) == {"base", "today"}
        assert app.screen.query_one("#today-day").styles.border_top[0] == "round"
        app.switch_mode("week")
        await pilot.pause()
        assert styles_read(app) == {"base", "today", "week"}
        cell = app.screen.query(DayCell).first()
        assert cell.styles.height is not None and cell.styles.height.value == 8
        assert cell.styles.border_top[0] in {"round", "double"}


async def test_a_dialog_opened_at_once_has_its_rules(store: Store, clock: FakeClock) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("l")
        assert isinstance(app.screen, LogRunForm)
        assert "modals" in styles_read(app)
        box = app.screen.query_one(".dialog")
        assert box.styles.border_top[0] == "thick"
        assert box.styles.width is not None and box.styles.width.value == 72  # a form


async def test_a_screens_rules_match_nothing_outside_it(store: Store, clock: FakeClock) -> None:
    """Today's ``#today-plan`` rule does not reach a node of that id on another screen,
    and a rule read later restyles nothing already shown."""
    app = make_app(store, clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        app.switch_mode("week")
        await pilot.pause()
        stray = Static("x", id="today-plan")
        await app.screen.mount(stray)
        await pilot.pause()
        today_plan = app._screen_stacks["today"][0].query_one("#today-plan")
        assert today_plan.styles.has_rule("text_wrap")  # Today's rule, on Today's node
        assert not stray.styles.has_rule("text_wrap")  # not on Week's


async def test_a_new_theme_keeps_every_screens_rules(store: Store, clock: FakeClock) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(100, 32)) as pilot:
        app.switch_mode("week")
        await pilot.pause()
        app.theme = "nord"
        await pilot.pause()
        cell = app.screen.query(DayCell).first()
        assert cell.styles.height is not None and cell.styles.height.value == 8
        app.switch_mode("today")
        await pilot.pause()
        assert app.screen.query_one("#today-day").styles.border_top[0] == "round"


def restyled_from_now(app: App[None]) -> list[list[DOMNode]]:
    """Each batch of nodes the app's stylesheet restyles from now on (as it restyles)."""
    restyles: list[list[DOMNode]] = []
    update_nodes = app.stylesheet.update_nodes

    def counted(nodes: Iterable[DOMNode], animate: bool = False) -> None:
        nodes = list(nodes)
        restyles.append(nodes)
        update_nodes(nodes, animate)

    app.stylesheet.update_nodes = counted  # type: ignore[method-assign]
    return restyles


def styled_by_focus_inside(rules: Iterable[RuleSet], bodies: list[ScrollBody]) -> list[str]:
    """The rules that style a node inside one of ``bodies`` by that body's focus."""
    return [
        rule.css
        for rule in rules
        for selectors in rule.selector_set
        for part in selectors.selectors[:-1]  # an ancestor's part of the selector
        if "focus" in part.pseudo_classes and any(part._check(body) for body in bodies)
    ]


async def test_no_rule_styles_what_is_inside_a_scroll_body_by_its_focus(
    store: Store, clock: FakeClock
) -> None:
    """A body's focus restyles the body alone (widgets/scroll_body.py): that is right only
    while no rule of any screen, dialog or Textual widget is of the kind caught here."""
    app = make_app(store, clock)
    bodies: list[ScrollBody] = []
    async with app.run_test(size=(100, 32)) as pilot:
        for _key, mode, _title in SCREENS_BY_KEY:
            app.switch_mode(mode)
            await until(pilot, lambda m=mode: m == app.screen.MODE and not app._batch_count)
            await pilot.pause()
            bodies += app.screen.query(ScrollBody).results()
        assert {body.id for body in bodies} >= {"stats-scroll", "settings"}
        assert styled_by_focus_inside(app.stylesheet.rules, bodies) == []
        stray = Stylesheet()
        stray.add_source("#stats-scroll:focus Static { color: red; }")
        stray.parse()
        assert styled_by_focus_inside(stray.rules, bodies) != []  # the kind it catches


async def test_stats_first_focus_restyles_its_body_alone(store: Store, clock: FakeClock) -> None:
    """Stats focuses its body as it first opens; Textual restyled each panel with it."""
    app = make_app(store, clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        restyles = restyled_from_now(app)
        app.switch_mode("stats")
        await until(pilot, lambda: isinstance(app.focused, ScrollBody))
        await pilot.pause()
    restyled = [[str(node.id) for node in nodes] for nodes in restyles]
    assert ["stats-scroll"] in restyled
    assert all(len(nodes) < 3 for nodes in restyled), restyled


async def test_a_field_is_styled_once_as_it_mounts_not_as_it_is_made(
    store: Store, clock: FakeClock
) -> None:
    """A compact field sets its class as it is made; Textual restyled it then, unmounted,
    and again as it mounted. It is styled once, as it mounts, with that class."""
    app = make_app(store, clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        restyles = restyled_from_now(app)
        field = Input(compact=True)
        choice = LazySelect([("One", 1), ("Two", 2)], allow_blank=False, compact=True)
        assert restyles == []
        await app.screen.mount(field, choice)
        await pilot.pause()
        assert field.has_class("-textual-compact") and choice.has_class("-textual-compact")
        assert field.styles.border_top[0] in {"", "none"}  # its compact style, as mounted
        field.add_class("-later")  # mounted: a class change restyles it, as in Textual
        assert any(field in nodes for nodes in restyles)
