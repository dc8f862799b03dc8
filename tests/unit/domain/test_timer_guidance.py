"""Ice-bath guidance, water temperatures, the preset editor's text, how a stop is logged."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.domain.dates import ParseError
from tracker.domain.presets import (
    DEFAULT_PRESETS,
    Preset,
    Segment,
    check_preset_name,
    format_segments,
    parse_segments,
)
from tracker.domain.recovery import (
    ICE_BATH_COLD_C,
    ICE_BATH_LONG_S,
    SessionStatus,
    ice_bath_hints,
    ice_bath_warnings,
    session_status,
)
from tracker.domain.units import celsius_to_fahrenheit, format_temperature, parse_temperature

ICE_BATH, FOAM_ROLLER, FEET_UP = DEFAULT_PRESETS


@pytest.mark.parametrize(
    ("elapsed", "planned", "status"),
    [
        (600, 600, SessionStatus.COMPLETED),
        (604.5, 600, SessionStatus.COMPLETED),
        (599.99, 600, SessionStatus.PARTIAL),
        (0, 600, SessionStatus.PARTIAL),
        (30, None, SessionStatus.COMPLETED),
    ],
)
def test_session_status(elapsed: float, planned: int | None, status: SessionStatus) -> None:
    assert session_status(elapsed, planned) is status


@pytest.mark.parametrize(
    ("text", "unit", "celsius"),
    [
        ("12", "C", 12.0),
        (" 12.5 ", "C", 12.5),
        ("12,5", "C", 12.5),
        ("12 °C", "F", 12.0),
        ("54", "F", 12.22),
        ("54F", "C", 12.22),
        ("50 °f", "C", 10.0),
        ("0", "C", 0.0),
        ("40", "C", 40.0),
    ],
)
def test_parse_temperature(text: str, unit: str, celsius: float) -> None:
    assert parse_temperature(text, unit) == celsius


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "not a temperature"),
        ("cold", "not a temperature"),
        ("12K", "not a temperature"),
        ("1.2.3", "not a temperature"),
        ("-1", "Enter between 0 °C and 40 °C"),
        ("41", "Enter between"),
        ("120F", "Enter between"),
    ],
)
def test_parse_temperature_refuses_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        parse_temperature(text, "C")


@given(st.text(max_size=12), st.sampled_from(["C", "F"]))
def test_parse_temperature_returns_bath_water_or_says_why(text: str, unit: str) -> None:
    try:
        celsius = parse_temperature(text, unit)
    except ParseError as exc:
        assert str(exc)
    else:
        assert 0 <= celsius <= 40


@given(st.floats(min_value=0, max_value=40), st.sampled_from(["C", "F"]))
def test_a_shown_temperature_reads_back_within_a_twentieth_of_a_degree(
    celsius: float, unit: str
) -> None:
    shown = format_temperature(celsius, unit)
    assert shown.endswith(f" °{unit}")
    assert abs(parse_temperature(shown, unit) - celsius) <= 0.06


def test_format_temperature() -> None:
    assert format_temperature(12, "C") == "12 °C"
    assert format_temperature(12.25, "C") == "12.2 °C"
    assert format_temperature(10, "F") == "50 °F"
    assert format_temperature(12.22, "F") == "54 °F"


def test_ice_bath_hints_follow_the_design_in_the_runners_unit() -> None:
    celsius = ice_bath_hints("C")
    assert celsius[0].startswith("10–15 °C for 10–15 min")
    assert "2–3 minutes below 15 °C" in celsius[1]
    assert "strength" in celsius[2]
    fahrenheit = ice_bath_hints("F")
    assert fahrenheit[0].startswith("50–59 °F for 10–15 min")
    assert "below 59 °F" in fahrenheit[1]


def test_ice_bath_warns_above_fifteen_minutes_and_below_ten_degrees() -> None:
    assert ice_bath_warnings(ICE_BATH_LONG_S, ICE_BATH_COLD_C, "C") == []
    assert ice_bath_warnings(600, None, "C") == []
    (long,) = ice_bath_warnings(ICE_BATH_LONG_S + 1, 12, "C")
    assert "15 minutes" in long
    (cold,) = ice_bath_warnings(600, 9.9, "F")
    assert "Below 50 °F" in cold
    assert len(ice_bath_warnings(ICE_BATH_LONG_S + 60, 4, "C")) == 2


def test_format_segments_writes_one_line_a_segment() -> None:
    assert format_segments(ICE_BATH) == "10:00"
    assert format_segments(FOAM_ROLLER).splitlines()[:2] == ["1:30 Calves L", "1:30 Calves R"]
    named = Preset.single("Feet up", "feet_up", 900, segment_name="Legs on the wall")
    assert format_segments(named) == "15:00 Legs on the wall"


def test_parse_segments_reads_durations_then_names() -> None:
    text = "1:30 Calves L\n\n  90s   Calves   R \n2m\n"
    assert parse_segments(text, "Rolling") == (
        Segment("Calves L", 90),
        Segment("Calves R", 90),
        Segment("Rolling", 120),
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "at least one segment"),
        ("\n  \n", "at least one segment"),
        ("1:30 Calves\nsoon Hamstrings", "line 2: not a duration"),
        ("0:00 Nothing", "line 1: a segment lasts 1 s to 24 h"),
        ("25h Forever", "line 1: a segment lasts"),
    ],
)
def test_parse_segments_names_the_bad_line(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_segments(text, "X")


@given(st.sampled_from(DEFAULT_PRESETS))
def test_segments_round_trip_through_the_editor_text(preset: Preset) -> None:
    assert parse_segments(format_segments(preset), preset.name) == preset.segments


@given(
    st.lists(
        st.tuples(
            st.text(alphabet="abcdefgh LR", min_size=1, max_size=12).filter(str.strip),
            st.integers(min_value=1, max_value=86_400),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_any_segments_round_trip(pairs: list[tuple[str, int]]) -> None:
    segments = tuple(Segment(" ".join(name.split()), seconds) for name, seconds in pairs)
    preset = Preset("Mix", "custom", segments)
    assert parse_segments(format_segments(preset), "Mix") == segments


def test_check_preset_name_tidies_and_refuses_clashes() -> None:
    presets = list(DEFAULT_PRESETS)
    assert check_preset_name("  Calf   stretch ", presets) == "Calf stretch"
    assert check_preset_name("Ice bath", presets, replacing="Ice bath") == "Ice bath"
    with pytest.raises(ValueError, match="already a preset called 'Ice bath'"):
        check_preset_name("ice-bath", presets)
    with pytest.raises(ValueError, match="letter or digit"):
        check_preset_name(" -- ", presets)
    with pytest.raises(ValueError, match="40 characters"):
        check_preset_name("x" * 41, presets)


def test_fahrenheit_and_celsius_helpers_agree_with_the_parser() -> None:
    assert parse_temperature(f"{celsius_to_fahrenheit(14):.1f}", "F") == 14.0
