"""The wellness check-in's values: reading what was typed, the Hooper index, the means."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.domain.forms import FormErrors
from tracker.domain.wellness import (
    FIELDS,
    Wellness,
    parse_pain,
    parse_sleep,
    read_wellness,
    value_problems,
    wellness_summary,
)

SUN = date(2026, 11, 29)
DAY = timedelta(days=1)
TYPICAL = {"sleep_quality": "3", "fatigue": "4", "stress": "2", "soreness": "5", "sleep_h": "7.5"}


def test_a_typical_evening() -> None:
    entry = read_wellness(SUN, TYPICAL)
    assert entry == Wellness(SUN, 7.5, 3, 4, 2, 5)
    assert entry.hooper == 14


def test_every_value() -> None:
    texts = {**TYPICAL, "mood": "2", "rhr": "48 bpm", "pain": "left calf 3"}
    entry = read_wellness(SUN, texts)
    assert (entry.mood, entry.rhr, entry.pain_site, entry.pain) == (2, 48, "left calf", 3)
    assert read_wellness(SUN, {"pain": "achilles:4"}).pain_site == "achilles"
    assert read_wellness(SUN, {"pain": "none"}) == Wellness(SUN)


@pytest.mark.parametrize(
    ("field", "text", "says"),
    [
        ("fatigue", "8", "1–7"),
        ("stress", "0", "1–7"),
        ("mood", "x", "1–7"),
        ("sleep_h", "25", "0 to 16"),
        ("sleep_h", "7.25", "half hour"),
        ("sleep_h", "-1", "0 to 16"),
        ("rhr", "200", "30–120"),
        ("rhr", "29", "30–120"),
        ("pain", "achilles", "add a rating 0–10"),
        ("pain", "3", "say where"),
        ("pain", "calf 11", "0 to 10"),
    ],
)
def test_a_bad_value_is_named_under_its_field(field: str, text: str, says: str) -> None:
    with pytest.raises(FormErrors) as caught:
        read_wellness(SUN, {**TYPICAL, field: text})
    assert list(caught.value.errors) == [field]
    assert says in caught.value.errors[field]


def test_fields_left_out_keep_the_day_and_empty_ones_clear() -> None:
    before = read_wellness(SUN, {**TYPICAL, "rhr": "50"})
    after = read_wellness(SUN, {"fatigue": "2"}, before)
    assert (after.fatigue, after.rhr, after.sleep_h) == (2, 50, 7.5)
    cleared = read_wellness(SUN, {"rhr": ""}, before)
    assert cleared.rhr is None and cleared.fatigue == 4


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("7", 7.0),
        ("7.5", 7.5),
        ("7,5", 7.5),
        ("7:30", 7.5),
        ("7h30", 7.5),
        ("7h", 7.0),
        ("0", 0.0),
        ("16", 16.0),
    ],
)
def test_sleep_in_every_spelling(text: str, hours: float) -> None:
    assert parse_sleep(text) == hours


@given(st.integers(0, 32))
def test_every_half_hour_reads_back(halves: int) -> None:
    hours = halves / 2
    assert parse_sleep(f"{hours:g}") == hours
    assert value_problems(Wellness(SUN, sleep_h=hours)) == {}


@given(st.dictionaries(st.sampled_from(FIELDS), st.text(max_size=12)))
def test_any_text_is_an_entry_or_named_problems(texts: dict[str, str]) -> None:
    try:
        entry = read_wellness(SUN, texts)
    except FormErrors as exc:
        assert set(exc.errors) <= set(texts) and all(exc.errors.values())
    else:
        assert value_problems(entry) == {}


@given(st.text(max_size=30))
def test_a_pain_is_a_site_and_rating_or_none(text: str) -> None:
    try:
        site, rating = parse_pain(text)
    except ValueError:
        return
    assert (site is None) == (rating is None)
    if rating is not None:
        assert 0 <= rating <= 10 and site and site.isprintable()


scores = st.one_of(st.none(), st.integers(1, 7))


@given(scores, scores, scores, scores)
def test_hooper_is_none_unless_all_four(
    a: int | None, b: int | None, c: int | None, d: int | None
) -> None:
    entry = Wellness(SUN, sleep_quality=a, fatigue=b, stress=c, soreness=d)
    items = (a, b, c, d)
    if None in items:
        assert entry.hooper is None
    else:
        assert entry.hooper == sum(item for item in items if item is not None)
        assert 4 <= (entry.hooper or 0) <= 28


def test_the_means_are_over_the_days_with_a_value() -> None:
    """counting.md: 11 10 12 – 12 14 14 over Mon 23 – Sun 29; Thu 26 left out."""
    indices = [11, 10, 12, None, 12, 14, 14]
    entries = {}
    for offset, index in enumerate(indices):
        day = SUN - (6 - offset) * DAY
        if index is None:
            entries[day] = Wellness(day, sleep_h=6.5, sleep_quality=3, fatigue=3, stress=3)
        else:
            entries[day] = Wellness(day, 7.0, 1, 1, 1, index - 3)
    entries[SUN - 20 * DAY] = Wellness(SUN - 20 * DAY, 8.0, 1, 1, 1, 1)
    summary = wellness_summary(entries, SUN)
    assert summary.hooper_today == 14
    assert summary.hooper_mean_7d == pytest.approx(73 / 6)
    assert summary.hooper_mean_28d == pytest.approx((73 + 4) / 7)
    assert summary.sleep_h_mean_7d == pytest.approx((6 * 7 + 6.5) / 7)
    assert wellness_summary({}, SUN).hooper_mean_7d is None


def test_import_values_are_checked_the_same_way() -> None:
    assert value_problems(Wellness(SUN, fatigue=8)).keys() == {"fatigue"}
    assert value_problems(Wellness(SUN, pain=3)).keys() == {"pain"}
    assert value_problems(Wellness(SUN, pain_site="calf\x1b[2J", pain=3)).keys() == {"pain"}
    assert value_problems(Wellness(SUN, sleep_h=7.3)).keys() == {"sleep_h"}
    assert value_problems(Wellness(SUN, rhr=True)).keys() == {"rhr"}  # type: ignore[arg-type]
