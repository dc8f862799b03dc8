"""One date range everywhere (DESIGN §1): 1900-01-01 to 2199-12-31, whatever spells the date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tracker.domain.dates import (
    FIRST_DAY,
    LAST,
    LAST_DAY,
    NEXT,
    OutOfRange,
    parse_date,
    parse_iso_date,
)

ANY_DAY = st.dates(date(1, 1, 1), date(9999, 12, 31))


@given(day=ANY_DAY)
@example(day=date(1899, 12, 31))
@example(day=date(1900, 1, 1))
@example(day=date(2199, 12, 31))
@example(day=date(2200, 1, 1))
@example(day=date(1, 1, 1))
@example(day=date(9999, 12, 31))
def test_an_iso_date_is_taken_only_in_range(day: date) -> None:
    text = day.isoformat()
    if FIRST_DAY <= day <= LAST_DAY:
        assert parse_iso_date(text) == day
        assert parse_date(text, LAST_DAY) == day
    else:
        with pytest.raises(OutOfRange, match="out of range"):
            parse_iso_date(text)
        with pytest.raises(OutOfRange, match=r"use 1900-01-01 to 2199-12-31"):
            parse_date(text, date(2026, 11, 25))


@pytest.mark.parametrize(
    ("text", "today", "weekday"),
    [
        ("tomorrow", LAST_DAY, LAST),
        ("yesterday", FIRST_DAY, LAST),
        ("today", date(9999, 12, 31), LAST),
        ("today", date(1, 1, 1), LAST),
        ("sunday", FIRST_DAY, LAST),  # 1900-01-01 is a Monday: last Sunday is 1899
        ("monday", LAST_DAY, NEXT),  # 2199-12-31 is a Tuesday: next Monday is 2200
    ],
)
def test_a_day_named_from_today_is_checked_too(text: str, today: date, weekday: str) -> None:
    with pytest.raises(OutOfRange):
        parse_date(text, today, weekday)


def test_the_words_reach_the_edges() -> None:
    assert parse_date("today", LAST_DAY) == LAST_DAY
    assert parse_date("monday", FIRST_DAY) == FIRST_DAY
    assert parse_date("tomorrow", date(2199, 12, 30)) == LAST_DAY
