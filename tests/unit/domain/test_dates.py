"""Weeks and the parsers of dates, distances and durations (DESIGN §1, §8, §11)."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.domain.dates import (
    NEXT,
    WEEKDAYS,
    ParseError,
    Week,
    parse_date,
    parse_iso_date,
    week_of,
    week_start_of,
    weekday_index,
)
from tracker.domain.units import (
    MAX_DISTANCE_M,
    MAX_DURATION_S,
    format_distance,
    format_duration,
    parse_distance,
    parse_duration,
)

TODAY = pendulum.date(2026, 11, 25)  # a Wednesday


# Dates (DESIGN §8)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", date(2026, 11, 25)),
        ("Today", date(2026, 11, 25)),
        ("yesterday", date(2026, 11, 24)),
        ("2026-11-01", date(2026, 11, 1)),
        ("2028-02-29", date(2028, 2, 29)),
        ("  2026-12-31 ", date(2026, 12, 31)),
        # A weekday name is the most recent one, today included.
        ("wednesday", date(2026, 11, 25)),
        ("Wed", date(2026, 11, 25)),
        ("tuesday", date(2026, 11, 24)),
        ("monday", date(2026, 11, 23)),
        ("sunday", date(2026, 11, 22)),
        ("thursday", date(2026, 11, 19)),
        ("thu", date(2026, 11, 19)),
        ("FRIDAY", date(2026, 11, 20)),
        ("sat", date(2026, 11, 21)),
    ],
)
def test_parse_date_examples(text: str, expected: date) -> None:
    parsed = parse_date(text, TODAY)
    assert parsed == expected
    assert isinstance(parsed, pendulum.Date)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What is planned: a weekday name is the next one, today included.
        ("wednesday", date(2026, 11, 25)),
        ("thursday", date(2026, 11, 26)),
        ("fri", date(2026, 11, 27)),
        ("sunday", date(2026, 11, 29)),
        ("monday", date(2026, 11, 30)),
        ("tuesday", date(2026, 12, 1)),
        ("tomorrow", date(2026, 11, 26)),
        ("yesterday", date(2026, 11, 24)),
        ("2026-11-01", date(2026, 11, 1)),
    ],
)
def test_parse_date_for_a_plan_takes_the_next_weekday(text: str, expected: date) -> None:
    assert parse_date(text, TODAY, NEXT) == expected


def test_tomorrow_is_a_date_everywhere() -> None:
    assert parse_date("tomorrow", TODAY) == date(2026, 11, 26)
    assert parse_date(" Tomorrow ", pendulum.date(2026, 12, 31)) == date(2027, 1, 1)


@given(st.dates(date(1990, 1, 1), date(2100, 1, 1)), st.sampled_from(WEEKDAYS))
def test_a_weekday_is_within_a_week_either_way(today: date, name: str) -> None:
    last, coming = parse_date(name, today), parse_date(name, today, NEXT)
    assert 0 <= (today - last).days < 7 and 0 <= (coming - today).days < 7
    assert last.weekday() == coming.weekday() == WEEKDAYS.index(name)


def test_weekday_names_across_new_year() -> None:
    new_year = pendulum.date(2027, 1, 1)  # a Friday
    assert parse_date("friday", new_year) == date(2027, 1, 1)
    assert parse_date("saturday", new_year) == date(2026, 12, 26)
    assert parse_date("yesterday", new_year) == date(2026, 12, 31)
    assert parse_date("yesterday", pendulum.date(2028, 3, 1)) == date(2028, 2, 29)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", ["not a date", "YYYY-MM-DD"]),
        ("someday", ["not a date", "'someday'", "tomorrow", "weekday"]),
        ("2026-02-30", ["no such date", "2026-02-30"]),
        ("2027-02-29", ["no such date"]),
        ("2026-13-01", ["no such date"]),
        ("2026-11-5", ["not a date", "YYYY-MM-DD"]),
        ("26-11-25", ["not a date"]),
        ("25.11.2026", ["not a date"]),
        ("t", ["not a date"]),
        ("0000-01-01", ["no such date"]),
    ],
)
def test_parse_date_refuses_with_a_clear_message(text: str, words: list[str]) -> None:
    with pytest.raises(ParseError) as caught:
        parse_date(text, TODAY)
    message = str(caught.value)
    assert "\n" not in message
    for word in words:
        assert word in message


def test_weekday_index() -> None:
    assert [weekday_index(name) for name in WEEKDAYS] == list(range(7))
    assert weekday_index(" Sun ") == 6
    with pytest.raises(ParseError, match="unknown weekday 'su'"):
        weekday_index("su")
    with pytest.raises(ParseError, match="unknown weekday"):
        weekday_index("")


# Distances


@pytest.mark.parametrize(
    ("text", "units", "metres"),
    [
        ("10", "km", 10_000),
        ("10", "mi", 16_093),
        ("10km", "km", 10_000),
        ("10km", "mi", 10_000),
        ("10 km", "km", 10_000),
        ("10KM", "km", 10_000),
        ("6.2mi", "km", 9_978),
        ("6,2 mi", "km", 9_978),
        ("800m", "km", 800),
        ("800m", "mi", 800),
        ("21.1", "km", 21_100),
        ("0.4", "km", 400),
        (".5", "km", 500),
        ("1 mile", "km", 1_609),
        ("26.2 miles", "km", 42_165),
        ("5k", "km", 5_000),
    ],
)
def test_parse_distance_examples(text: str, units: str, metres: int) -> None:
    assert parse_distance(text, units) == metres


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", ["not a distance", "10km"]),
        ("ten", ["not a distance", "'ten'"]),
        ("-5", ["not a distance"]),
        ("10 parsecs", ["not a distance", "'10 parsecs'"]),
        ("10kmm", ["not a distance"]),
        ("1.2.3", ["not a distance"]),
        (".", ["not a distance"]),
        ("km", ["not a distance"]),
        ("1e3", ["not a distance"]),
        ("1001km", ["too long", "1000 km"]),
        ("700mi", ["too long"]),
        pytest.param("9" * 400, ["too long"], id="400-nines"),
    ],
)
def test_parse_distance_refuses_with_a_clear_message(text: str, words: list[str]) -> None:
    with pytest.raises(ParseError) as caught:
        parse_distance(text)
    message = str(caught.value)
    assert "\n" not in message
    for word in words:
        assert word in message


# Durations


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("50m", 3000),
        ("50:00", 3000),
        ("1:05:30", 3930),
        ("90s", 90),
        ("1h5m", 3900),
        ("1h 5m", 3900),
        ("45", 2700),
        ("5 min", 300),
        ("2h", 7200),
        ("1h5m30s", 3930),
        ("0:45", 45),
        ("90:00", 5400),
        (" 12M ", 720),
    ],
)
def test_parse_duration_examples(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", ["not a duration", "50m"]),
        ("soon", ["not a duration", "'soon'"]),
        ("1:60", ["not a duration"]),
        ("1:60:00", ["not a duration"]),
        ("1::5", ["not a duration"]),
        ("-5m", ["not a duration"]),
        ("h", ["not a duration"]),
        ("5 hours", ["not a duration"]),
        ("1.5h", ["not a duration"]),
        ("200h", ["too long", "7 days"]),
        pytest.param("²", ["not a duration"], id="superscript-two"),
        pytest.param("9" * 5000, ["too long"], id="5000-nines"),
    ],
)
def test_parse_duration_refuses_with_a_clear_message(text: str, words: list[str]) -> None:
    with pytest.raises(ParseError) as caught:
        parse_duration(text)
    message = str(caught.value)
    assert "\n" not in message
    for word in words:
        assert word in message


# Random text never raises anything but ParseError


PARSER_TEXT = st.one_of(
    st.text(),
    st.text(alphabet="0123456789:.,hmsikl -²٣", max_size=12),
    st.from_regex(r"\d{1,6}(\.\d{0,3})?\s?(km|mi|m|k|h|s|min)?", fullmatch=True),
    st.from_regex(r"\d{1,5}:\d{1,3}(:\d{1,3})?", fullmatch=True),
    st.from_regex(r"\d{1,5}-\d{1,3}-\d{1,3}", fullmatch=True),
    st.integers(min_value=0).map(str),
)


@settings(max_examples=300)
@given(text=PARSER_TEXT, today=st.dates(date(1990, 1, 1), date(2100, 1, 1)))
def test_random_text_never_raises_anything_but_parse_error(text: str, today: date) -> None:
    for parse in (
        lambda: parse_date(text, today),
        lambda: parse_iso_date(text),
        lambda: parse_distance(text, "km"),
        lambda: parse_distance(text, "mi"),
        lambda: parse_duration(text),
        lambda: weekday_index(text),
    ):
        try:
            value = parse()
        except ParseError as exc:
            assert str(exc)
            continue
        if isinstance(value, int):
            assert 0 <= value <= max(MAX_DISTANCE_M, MAX_DURATION_S)


# Formatted numbers round-trip


@given(metres=st.integers(min_value=0, max_value=MAX_DISTANCE_M))
def test_distance_in_km_round_trips_exactly(metres: int) -> None:
    assert parse_distance(format_distance(metres, "km", digits=3), "km") == metres


@given(metres=st.integers(min_value=0, max_value=999_000), units=st.sampled_from(["km", "mi"]))
def test_formatted_distance_reads_back_as_itself(metres: int, units: str) -> None:
    shown = format_distance(metres, units)
    assert format_distance(parse_distance(shown, units), units) == shown
    assert abs(parse_distance(shown, units) - metres) <= 81  # half of 0.1 mi


@given(seconds=st.integers(min_value=0, max_value=MAX_DURATION_S))
def test_duration_round_trips(seconds: int) -> None:
    assert parse_duration(format_duration(seconds)) == seconds


def test_formats() -> None:
    assert format_distance(10_000) == "10.0 km"
    assert format_distance(9_978, "mi") == "6.2 mi"
    assert format_duration(3930) == "1:05:30"
    assert format_duration(3000) == "50:00"
    assert format_duration(59) == "0:59"


# Weeks (DESIGN §1)


def assert_is_week(week: Week, day: date, week_start: str) -> None:
    days = week.days
    assert day in week
    assert len(days) == 7
    assert days[0] == week.start and days[-1] == week.end
    assert all(b - a == timedelta(days=1) for a, b in pairwise(days))
    assert week.start.weekday() == WEEKDAYS.index(week_start)
    assert week.index_of(day) == (day - week.start).days


@settings(max_examples=200)
@given(
    day=st.dates(date(1900, 1, 1), date(2200, 12, 31)),
    week_start=st.sampled_from(WEEKDAYS),
)
def test_week_of_any_day_for_any_week_start(day: date, week_start: str) -> None:
    week = week_of(day, week_start)
    assert_is_week(week, day, week_start)
    assert week_of(week.start, week_start) == week == week_of(week.end, week_start)
    assert week_start_of(day, week_start[:3].upper()) == week.start
    assert week.shifted(1).start == week.end + timedelta(days=1)
    assert week.shifted(-1).end == week.start - timedelta(days=1)


def test_week_of_defaults_to_monday_and_ignores_pendulum_global_state() -> None:
    assert week_of(TODAY).start == date(2026, 11, 23)
    assert week_of(TODAY, "sunday").start == date(2026, 11, 22)
    assert week_of(TODAY, "wednesday").start == date(2026, 11, 25)
    assert week_of(TODAY, "thursday").start == date(2026, 11, 19)


def test_iso_week_53() -> None:
    assert date(2026, 12, 31).isocalendar()[1] == 53
    week = week_of(date(2027, 1, 3))
    assert week.start == date(2026, 12, 28)
    assert week.end == date(2027, 1, 3)
    for day in week.days:
        assert week_of(day) == week
        assert day.isocalendar()[1] == 53
    assert week.shifted(1).start == date(2027, 1, 4)
    assert date(2027, 1, 4).isocalendar()[1] == 1


@pytest.mark.parametrize("week_start", WEEKDAYS)
def test_week_across_new_year(week_start: str) -> None:
    for day in (date(2026, 12, 31), date(2027, 1, 1)):
        assert_is_week(week_of(day, week_start), day, week_start)
    weeks = {week_of(date(2026, 12, 25) + timedelta(days=i), week_start) for i in range(14)}
    covered = sorted(d for w in weeks for d in w.days)
    assert covered == sorted(set(covered))
    assert len(covered) == 7 * len(weeks)


@pytest.mark.parametrize("week_start", WEEKDAYS)
def test_leap_day_is_in_its_week(week_start: str) -> None:
    leap = date(2028, 2, 29)
    week = week_of(leap, week_start)
    assert_is_week(week, leap, week_start)
    assert week.end - week.start == timedelta(days=6)
    assert week_of(leap - timedelta(days=1), week_start).start <= week.start
    assert week_of(date(2028, 3, 1), week_start).start >= week.start


def test_leap_week_in_detail() -> None:
    week = week_of(date(2028, 2, 29))
    assert week.days == tuple(
        date(2028, m, d) for m, d in ((2, 28), (2, 29), (3, 1), (3, 2), (3, 3), (3, 4), (3, 5))
    )
    assert week_of(date(2028, 1, 1)).start == date(2027, 12, 27)
    assert week_of(date(2028, 12, 31), "sunday").start == date(2028, 12, 31)


@pytest.mark.parametrize("week_start", WEEKDAYS)
@pytest.mark.parametrize("dst_day", [date(2026, 3, 29), date(2026, 10, 25)])
def test_weeks_across_dst_changes_have_seven_calendar_days(week_start: str, dst_day: date) -> None:
    week = week_of(dst_day, week_start)
    assert_is_week(week, dst_day, week_start)
    berlin = "Europe/Berlin"
    first = pendulum.datetime(week.start.year, week.start.month, week.start.day, tz=berlin)
    after = week.end + timedelta(days=1)
    last = pendulum.datetime(after.year, after.month, after.day, tz=berlin)
    hours = (last - first).in_hours()
    assert hours == (167 if dst_day.month == 3 else 169)
    assert [first.add(days=i).date() for i in range(7)] == list(week.days)


@given(st.dates(date(1971, 1, 1), date(2199, 12, 31)), st.integers(-400, 400), st.booleans())
def test_plus_days_is_timedelta_arithmetic_of_the_same_type(
    day: date, days: int, as_pendulum: bool
) -> None:
    from tracker.domain.dates import plus_days

    start = pendulum.Date(day.year, day.month, day.day) if as_pendulum else day
    moved = plus_days(start, days)
    assert moved == start + timedelta(days=days)
    assert type(moved) is type(start)
    week = Week(week_start_of(start, "sunday"))
    assert type(week.start) is type(start)
    assert week.end == week.start + timedelta(days=6)
    assert week.shifted(-3).start == week.start - timedelta(weeks=3)


def test_plus_days_keeps_a_moments_time() -> None:
    from tracker.domain.dates import plus_days

    moment = pendulum.datetime(2026, 3, 28, 23, 30, tz="Europe/London")
    assert plus_days(moment, 1) == moment + timedelta(days=1)
