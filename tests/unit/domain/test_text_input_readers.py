"""Every form's reader fuzzed with hostile text (DESIGN §7, §11): any string gives a
value or the field's error, never another exception, and free text comes back as
typed (a one-line field's runs of spaces, tabs and line breaks made one space, the
ends trimmed: the one tidying each reader documents)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.conftest import TODAY
from tests.text_inputs import ANY_TEXT, SCREEN_TEXT, TYPED
from tracker.domain.dates import FIRST_DAY, LAST_DAY, ParseError, parse_date
from tracker.domain.forms import FormErrors, read_day, read_recovery, read_run, read_template
from tracker.domain.kinds import DayKind
from tracker.domain.listing import read_filter
from tracker.domain.nutrition import clean_item_name
from tracker.domain.presets import check_preset_name, parse_segments
from tracker.domain.settings import validate_setting
from tracker.domain.units import parse_distance, parse_temperature
from tracker.domain.wellness import FIELDS, read_wellness

UNITS = st.sampled_from(["km", "mi"])
FEW = settings(max_examples=30)  # many fields, each cheap: enough to find a crash, fast


def one_line(text: str) -> str:
    return " ".join(text.split())


def storable(text: str) -> bool:
    """Whether SQLite can hold ``text`` (UTF-8: no lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@FEW
@given(
    kind=st.sampled_from(["easy", "cross"]) | TYPED,
    texts=st.tuples(ANY_TEXT, ANY_TEXT, ANY_TEXT, ANY_TEXT),
    units=UNITS,
)
@example(kind="easy", texts=("10", "", "", "a\udcffb"), units="km")
def test_the_run_form_gives_a_run_or_its_errors(
    kind: str, texts: tuple[str, str, str, str], units: str
) -> None:
    distance, duration, rpe, note = texts
    try:
        activity = read_run(TODAY, kind, distance, duration, rpe, note, units)
    except FormErrors as exc:
        assert exc.errors and all(isinstance(why, str) and why for why in exc.errors.values())
        if not storable(note):
            assert "note" in exc.errors
        return
    assert activity.note == one_line(note)
    assert storable(activity.note)
    assert activity.distance_m >= 0


@FEW
@given(text=ANY_TEXT)
@example(text="a\ud800")
def test_a_recovery_tick_gives_its_note_as_typed_or_an_error(text: str) -> None:
    try:
        _duration, note = read_recovery("", text)
    except FormErrors as exc:
        assert set(exc.errors) == {"note"}
        return
    assert note == (one_line(text) or None)
    assert storable(text)


@FEW
@given(text=ANY_TEXT)
def test_the_run_date_is_a_day_in_range_or_an_error(text: str) -> None:
    try:
        day = read_day(text, TODAY)
    except FormErrors as exc:
        assert set(exc.errors) == {"date"}
        return
    assert FIRST_DAY <= day <= TODAY


@FEW
@given(text=ANY_TEXT)
def test_a_date_to_jump_to_is_a_day_in_range_or_an_error(text: str) -> None:
    try:
        day = parse_date(text, TODAY)
    except ParseError:
        return
    assert FIRST_DAY <= day <= LAST_DAY


@FEW
@given(texts=st.dictionaries(st.sampled_from(FIELDS), ANY_TEXT))
def test_the_checkin_form_gives_an_entry_or_its_errors(texts: dict[str, str]) -> None:
    try:
        entry = read_wellness(TODAY, texts)
    except FormErrors as exc:
        assert set(exc.errors) <= set(texts)
        return
    if entry.pain_site is not None:
        assert storable(entry.pain_site)


@FEW
@given(
    kinds=st.lists(st.sampled_from(list(DayKind)), min_size=7, max_size=7),
    targets=st.lists(ANY_TEXT, min_size=7, max_size=7),
    units=UNITS,
)
def test_the_template_targets_are_distances_or_their_errors(
    kinds: list[DayKind], targets: list[str], units: str
) -> None:
    try:
        _template, aims = read_template(kinds, targets, units)
    except FormErrors as exc:
        assert set(exc.errors) <= {"template", *(f"target-{i}" for i in range(7))}
        return
    assert all(aim is None or aim > 0 for aim in aims)


@FEW
@given(text=ANY_TEXT, units=UNITS)
def test_a_plan_target_is_a_distance_or_a_parse_error(text: str, units: str) -> None:
    try:
        metres = parse_distance(text, units)
    except ParseError:
        return
    assert metres >= 0


@FEW
@given(text=ANY_TEXT, unit=st.sampled_from(["C", "F"]))
def test_a_water_temperature_is_a_number_or_a_parse_error(text: str, unit: str) -> None:
    try:
        celsius = parse_temperature(text, unit)
    except ParseError:
        return
    assert isinstance(celsius, float)


@FEW
@given(name=SCREEN_TEXT, segments=SCREEN_TEXT)
def test_a_preset_name_and_its_segments_are_read_or_refused(name: str, segments: str) -> None:
    try:
        tidy = check_preset_name(name, [])
        read = parse_segments(segments, tidy)
    except ValueError:
        return
    assert tidy == one_line(name) and storable(tidy)
    assert all(storable(segment.name) for segment in read)


@FEW
@given(name=SCREEN_TEXT)
@example(name="Protein [whey] shake")
def test_a_nutrition_item_name_is_kept_as_typed_or_refused(name: str) -> None:
    try:
        tidy = clean_item_name(name)
    except ValueError:
        return
    assert tidy == one_line(name) and storable(tidy)


@FEW
@given(name=st.sampled_from(["timezone", "on_finish_command"]), text=SCREEN_TEXT)
@example(name="timezone", text="../../etc/passwd")
@example(name="timezone", text="Europe/Berlin\x00")
@example(name="timezone", text="é[/]" * 500)  # the zone package's lookup recursed
@example(name="on_finish_command", text="notify-send '[/]' {preset}")
def test_a_typed_setting_is_taken_or_refused(name: str, text: str) -> None:
    try:
        value = validate_setting(name, text)
    except ValueError:
        return
    assert value is None or (isinstance(value, str) and storable(value))


@FEW
@given(texts=st.tuples(ANY_TEXT, ANY_TEXT, ANY_TEXT, ANY_TEXT))
def test_the_history_filter_is_read_or_names_its_fields(texts: tuple[str, str, str, str]) -> None:
    try:
        chosen = read_filter(*texts, TODAY)
    except FormErrors as exc:
        assert set(exc.errors) <= {"kind", "start", "end", "text"}
        return
    assert chosen.text == one_line(texts[3])


@pytest.mark.parametrize("day", [FIRST_DAY, date(2026, 11, 25)])
def test_a_run_dated_today_or_the_first_day_is_read(day: date) -> None:
    assert read_day(day.isoformat(), TODAY) == day
