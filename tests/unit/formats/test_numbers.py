"""Numbers, durations and timestamps as export files write them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.formats.numbers import parse_file_duration, parse_number, parse_timestamp


@pytest.mark.parametrize(
    ("text", "comma", "value"),
    [
        ("5.01", None, 5.01),
        ("5,01", True, 5.01),
        ("1,234", None, 1234.0),
        ("1,234", True, 1.234),
        ("1,234.5", None, 1234.5),
        ("1.234,5", None, 1234.5),
        ("1 234,5", None, 1234.5),
        ("12,345,678", None, 12345678.0),
        ("'-12", None, -12.0),
        ("2432.77001953125", None, 2432.77001953125),
        ("1e-05", None, 1e-05),
    ],
)
def test_parse_number(text: str, comma: bool | None, value: float) -> None:
    assert parse_number(text, decimal_comma=comma) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "abc", "1,23,4", "1.2.3,4,5", "nan", "inf", "--", "1,2345"])
def test_parse_number_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_number(text, decimal_comma=False)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("979", 979),
        ("979.0", 979),
        ("01:02:03", 3723),
        ("1:23:03", 4983),
        ("41:06", 2466),
        ("52:10.5", 3131),
        ("00:00:39.3", 39),
        ("75:30", 4530),
    ],
)
def test_parse_file_duration(text: str, seconds: int) -> None:
    assert parse_file_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "1:75:00", "10:61", "-5", "a:b", "1::2"])
def test_parse_file_duration_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="duration"):
        parse_file_duration(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jan 5, 2019, 7:12:03 AM", datetime(2019, 1, 5, 7, 12, 3)),
        ("Jan 5, 2019, 12:00:00 AM", datetime(2019, 1, 5, 0, 0, 0)),
        ("Oct 6, 2022, 11:19:20\u202fPM", datetime(2022, 10, 6, 23, 19, 20)),
        ("5 Jan 2019, 19:12:03", datetime(2019, 1, 5, 19, 12, 3)),
        ("1. Jan. 2026, 07:00:00", datetime(2026, 1, 1, 7, 0, 0)),
        ("3 févr. 2024, 07:00:00", datetime(2024, 2, 3, 7, 0, 0)),
        ("2021-03-04 07:15:00", datetime(2021, 3, 4, 7, 15, 0)),
        ("21.07.2023, 15:09:27", datetime(2023, 7, 21, 15, 9, 27)),
        ("2021-03-04T07:15:00Z", datetime(2021, 3, 4, 7, 15, 0, tzinfo=UTC)),
    ],
)
def test_parse_timestamp(text: str, expected: datetime) -> None:
    assert parse_timestamp(text) == expected


def test_parse_timestamp_with_an_offset() -> None:
    moment = parse_timestamp("2021-03-04T07:15:00+02:00")
    assert moment.astimezone(UTC) == datetime(2021, 3, 4, 5, 15, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Feb 30, 2019, 7:12:03 AM", "impossible date"),
        ("2021-13-01 07:00:00", "impossible date"),
        ("Jan 5, 2019, 13:12:03 PM", "impossible date"),
        ("2021-03-04 25:00:00", "impossible date"),
        ("0001-01-01 00:00:00", "impossible date"),
        ("Foo 5, 2019, 7:12:03 AM", "unknown month"),
        ("05/06/2020 07:00", "ambiguous date"),
        ("yesterday", "not a date"),
    ],
)
def test_parse_timestamp_refuses(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_timestamp(text)


def test_parse_timestamp_day_first_setting() -> None:
    assert parse_timestamp("05/06/2020 07:00", day_first=True).month == 6
    assert parse_timestamp("05/06/2020 07:00", day_first=False).month == 5


MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@given(st.text(max_size=30), st.sampled_from([None, True, False]))
def test_parse_number_only_returns_finite_or_raises_value_error(
    text: str, comma: bool | None
) -> None:
    try:
        value = parse_number(text, decimal_comma=comma)
    except ValueError:
        return
    assert value == value and abs(value) != float("inf")


@given(st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False))
def test_parse_number_round_trips_formats(value: object) -> None:
    number = float(str(value))
    assert parse_number(f"{number:.2f}") == pytest.approx(number)
    assert parse_number(f"{number:,.2f}") == pytest.approx(number)
    assert parse_number(f"{number:.2f}".replace(".", ","), decimal_comma=True) == pytest.approx(
        number
    )


@given(st.text(max_size=20))
def test_parse_file_duration_only_returns_seconds_or_raises_value_error(text: str) -> None:
    try:
        seconds = parse_file_duration(text)
    except ValueError:
        return
    assert isinstance(seconds, int) and seconds >= 0


@given(st.integers(0, 99), st.integers(0, 59), st.integers(0, 59))
def test_parse_file_duration_round_trips_clock_times(h: int, m: int, s: int) -> None:
    total = h * 3600 + m * 60 + s
    assert parse_file_duration(f"{h:02d}:{m:02d}:{s:02d}") == total
    assert parse_file_duration(str(total)) == total
    if h == 0:
        assert parse_file_duration(f"{m}:{s:02d}") == m * 60 + s


@given(st.text(max_size=40), st.sampled_from([None, True, False]))
def test_parse_timestamp_only_returns_datetimes_or_raises_value_error(
    text: str, day_first: bool | None
) -> None:
    try:
        moment = parse_timestamp(text, day_first=day_first)
    except ValueError:
        return
    assert 1970 <= moment.year <= 2200


@given(st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2199, 12, 30)))
def test_parse_timestamp_round_trips_export_formats(moment: datetime) -> None:
    moment = moment.replace(microsecond=0)
    hour12 = moment.hour % 12 or 12
    ampm = "AM" if moment.hour < 12 else "PM"
    month = MONTHS[moment.month - 1]
    strava = f"{month} {moment.day}, {moment.year}, {hour12}:{moment:%M:%S} {ampm}"
    assert parse_timestamp(strava) == moment
    assert parse_timestamp(f"{moment.day} {month} {moment.year}, {moment:%H:%M:%S}") == moment
    assert parse_timestamp(f"{moment:%Y-%m-%d %H:%M:%S}") == moment
    assert parse_timestamp(f"{moment:%d/%m/%Y %H:%M:%S}", day_first=True) == moment
