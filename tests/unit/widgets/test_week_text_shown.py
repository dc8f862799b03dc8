"""The Week screen's header and next-week line show the excused reason as typed
(DESIGN §7): escaped by ``terminal_text``, no raw control character, markup literal."""

from __future__ import annotations

import re
from datetime import date, timedelta

from hypothesis import given, settings
from rich.console import Console

from tests.text_inputs import TYPED
from tracker.domain.dates import Week
from tracker.domain.kinds import DayKind
from tracker.domain.plan import PlanDay, WeekPlan
from tracker.domain.text import terminal_text
from tracker.screens.week_text import next_week_text, week_header
from tracker.services.planning import WeekReport

RAW = re.compile(r"[\x00-\x1f\x7f-\x9f]")
CONSOLE = Console(width=10_000)
MONDAY = date(2026, 11, 23)


def report(reason: str) -> WeekReport:
    days = tuple(PlanDay(MONDAY + timedelta(n), DayKind.EASY) for n in range(7))
    plan = WeekPlan(Week(MONDAY), days, excused=True)
    return WeekReport(plan, (), MONDAY, "km", 0, None, None, reason, ())


def shown(renderable: object) -> str:
    return "".join(segment.text for segment in CONSOLE.render(renderable))  # type: ignore[arg-type]


@settings(max_examples=40)
@given(reason=TYPED.filter(lambda text: text.strip() != ""))
def test_the_excused_reason_is_shown_as_typed(reason: str) -> None:
    for text in (shown(week_header(report(reason))), shown(next_week_text(report(reason)))):
        assert terminal_text(reason) in text
        assert not RAW.search(text.replace("\n", ""))


def test_a_reason_like_markup_is_shown_literally() -> None:
    assert "Excused: [b]ill[/b] [/]" in shown(week_header(report("[b]ill[/b] [/]")))
