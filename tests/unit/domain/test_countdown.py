"""The countdown, its presets and its events, driven by a fake clock."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.domain.countdown import Countdown, SegmentChanged, State
from tracker.domain.presets import (
    DEFAULT_PRESETS,
    Preset,
    Segment,
    find_preset,
    preset_from_dict,
    preset_slug,
    preset_to_dict,
)

ICE_BATH, FOAM_ROLLER, FEET_UP = DEFAULT_PRESETS
FOAM_NAMES = [
    "Calves L",
    "Calves R",
    "Hamstrings L",
    "Hamstrings R",
    "Quads L",
    "Quads R",
    "IT band L",
    "IT band R",
    "Glutes L",
    "Glutes R",
]


class FakeClock:
    """A monotonic clock that moves only when told; it starts far from zero on purpose."""

    def __init__(self, start: float = 1_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        assert seconds >= 0, "a monotonic clock never goes back"
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def running(preset: Preset, clock: FakeClock, elapsed_s: float = 0.0) -> Countdown:
    countdown = Countdown(preset, clock, elapsed_s)
    countdown.start()
    return countdown


# Presets


def test_default_presets_match_the_design() -> None:
    assert [(p.name, p.kind, p.total_s) for p in DEFAULT_PRESETS] == [
        ("Ice bath", "ice_bath", 600),
        ("Foam roller", "foam_roller", 900),
        ("Feet up", "feet_up", 900),
    ]
    assert ICE_BATH.segments == (Segment("Ice bath", 600),)
    assert ICE_BATH.temperature is True
    assert [s.name for s in FOAM_ROLLER.segments] == FOAM_NAMES
    assert {s.seconds for s in FOAM_ROLLER.segments} == {90}
    assert not FOAM_ROLLER.temperature
    assert FEET_UP.segments == (Segment("Feet up", 900),)
    assert FEET_UP.hint == "2\N{EN DASH}3 pillows"
    assert not FEET_UP.temperature


def test_single_names_its_segment_after_the_preset_unless_told() -> None:
    assert Preset.single("Calf stretch", "custom", 120).segments == (Segment("Calf stretch", 120),)
    preset = Preset.single("Bath", "ice_bath", 300, temperature=True, segment_name="Soak")
    assert preset.segments == (Segment("Soak", 300),)
    assert preset.temperature


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Ice bath", "ice-bath"),
        ("Foam roller", "foam-roller"),
        ("Feet up", "feet-up"),
        ("  Calf__Stretch - long ", "calf-stretch-long"),
        ("Été froid", "été-froid"),
    ],
)
def test_preset_slug(name: str, slug: str) -> None:
    assert preset_slug(name) == slug


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ice-bath", "Ice bath"),
        ("foam-roller", "Foam roller"),
        ("feet-up", "Feet up"),
        ("Feet Up", "Feet up"),
        ("FOAM_ROLLER", "Foam roller"),
        ("calf stretch", "Calf stretch"),
        ("calf-stretch", "Calf stretch"),
    ],
)
def test_find_preset_matches_cli_names_and_custom_names(text: str, expected: str) -> None:
    presets = (*DEFAULT_PRESETS, Preset.single("Calf stretch", "custom", 120))
    assert find_preset(presets, text).name == expected


def test_find_preset_falls_back_to_the_kind_of_a_renamed_default() -> None:
    presets = (Preset.single("Cold plunge", "ice_bath", 480), FOAM_ROLLER)
    assert find_preset(presets, "ice-bath").name == "Cold plunge"
    assert find_preset(presets, "cold-plunge").name == "Cold plunge"


@pytest.mark.parametrize("text", ["sauna", "", "  ", "custom"])
def test_find_preset_lists_the_choices_when_nothing_matches(text: str) -> None:
    presets = (*DEFAULT_PRESETS, Preset.single("Calf stretch", "custom", 120))
    with pytest.raises(ValueError, match="unknown preset") as error:
        find_preset(presets, text)
    assert "ice-bath, foam-roller, feet-up, calf-stretch" in str(error.value)


@pytest.mark.parametrize(
    "preset",
    [*DEFAULT_PRESETS, Preset("Mix", "custom", (Segment("A", 1), Segment("B", 86_400)))],
    ids=lambda p: p.name,
)
def test_preset_dict_round_trips_through_json(preset: Preset) -> None:
    stored = json.dumps(preset_to_dict(preset), ensure_ascii=False)
    assert preset_from_dict(json.loads(stored)) == preset


def test_preset_to_dict_stores_segments_as_name_seconds_pairs() -> None:
    segments = preset_to_dict(FOAM_ROLLER)["segments"]
    assert isinstance(segments, list)
    assert segments[:2] == [["Calves L", 90], ["Calves R", 90]]


def test_preset_from_dict_fills_optional_fields() -> None:
    preset = preset_from_dict({"name": "Stretch", "segments": [["Stretch", 300]]})
    assert preset == Preset("Stretch", "custom", (Segment("Stretch", 300),))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "custom", "segments": [["A", 60]]}, "non-empty name"),
        ({"name": "  ", "segments": [["A", 60]]}, "non-empty name"),
        ({"name": 3, "segments": [["A", 60]]}, "non-empty name"),
        ({"name": "X"}, "at least one segment"),
        ({"name": "X", "segments": []}, "at least one segment"),
        ({"name": "X", "segments": [["A", 0]]}, "must last 1 to 86400 s, got 0"),
        ({"name": "X", "segments": [["A", 86_401]]}, "must last 1 to 86400 s, got 86401"),
        ({"name": "X", "segments": [["A", -5]]}, "must last 1 to 86400 s"),
        ({"name": "X", "segments": [["A", 1.5]]}, "whole seconds"),
        ({"name": "X", "segments": [["A", True]]}, "whole seconds"),
        ({"name": "X", "segments": [["A"]]}, r"\[name, seconds\]"),
        ({"name": "X", "segments": [60]}, r"\[name, seconds\]"),
        ({"name": "X", "segments": [[None, 60]]}, "segment name must be text"),
        ({"name": "X", "kind": "sauna", "segments": [["A", 60]]}, "unknown kind 'sauna'"),
        ({"name": "X", "temperature": "yes", "segments": [["A", 60]]}, "temperature"),
        ({"name": "X", "hint": 3, "segments": [["A", 60]]}, "hint"),
    ],
)
def test_preset_from_dict_rejects_bad_data(data: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        preset_from_dict(data)


def test_with_duration_on_one_segment_sets_its_length() -> None:
    longer = ICE_BATH.with_duration(720)
    assert longer.segments == (Segment("Ice bath", 720),)
    assert (longer.name, longer.kind, longer.temperature) == ("Ice bath", "ice_bath", True)
    assert ICE_BATH.total_s == 600


def test_with_duration_scales_segments_in_proportion() -> None:
    shorter = FOAM_ROLLER.with_duration(600)
    assert [s.seconds for s in shorter.segments] == [60] * 10
    assert [s.name for s in shorter.segments] == FOAM_NAMES
    uneven = Preset("U", "custom", (Segment("a", 60), Segment("b", 120), Segment("c", 20)))
    assert [s.seconds for s in uneven.with_duration(100).segments] == [30, 60, 10]
    assert [s.seconds for s in uneven.with_duration(101).segments] == [30, 61, 10]


def test_with_duration_keeps_every_segment_at_least_a_second() -> None:
    lopsided = Preset("L", "custom", (Segment("a", 1000), Segment("b", 1), Segment("c", 1)))
    assert [s.seconds for s in lopsided.with_duration(10).segments] == [8, 1, 1]


@pytest.mark.parametrize(("preset", "seconds"), [(ICE_BATH, 0), (FOAM_ROLLER, 9)])
def test_with_duration_rejects_totals_too_short(preset: Preset, seconds: int) -> None:
    with pytest.raises(ValueError, match="at least"):
        preset.with_duration(seconds)


@given(
    seconds=st.lists(st.integers(1, 5_000), min_size=2, max_size=12),
    data=st.data(),
)
def test_with_duration_sums_exactly_and_stays_close_to_proportional(
    seconds: list[int], data: st.DataObject
) -> None:
    preset = Preset("P", "custom", tuple(Segment(str(i), s) for i, s in enumerate(seconds)))
    total = data.draw(st.integers(len(seconds), 50_000), label="total")
    scaled = preset.with_duration(total)
    parts = [s.seconds for s in scaled.segments]
    assert sum(parts) == total
    assert min(parts) >= 1
    assert [s.name for s in scaled.segments] == [s.name for s in preset.segments]
    ideals = [Fraction(s * total, sum(seconds)) for s in seconds]
    if min(ideals) >= 1:
        assert all(abs(part - ideal) < 1 for part, ideal in zip(parts, ideals, strict=True))


# Countdown: states and elapsed time


def test_ready_countdown_does_not_move_until_started(clock: FakeClock) -> None:
    countdown = Countdown(ICE_BATH, clock)
    clock.advance(30)
    assert countdown.state is State.READY
    assert countdown.elapsed_s == 0
    countdown.start()
    clock.advance(12.5)
    assert (countdown.state, countdown.elapsed_s) == (State.RUNNING, 12.5)
    assert countdown.snapshot().remaining_s == pytest.approx(587.5)
    assert countdown.snapshot().progress == pytest.approx(12.5 / 600)


def test_paused_time_does_not_count(clock: FakeClock) -> None:
    countdown = running(ICE_BATH, clock)
    clock.advance(10)
    countdown.pause()
    assert countdown.state is State.PAUSED
    clock.advance(100)
    assert countdown.elapsed_s == pytest.approx(10)
    countdown.resume()
    clock.advance(5)
    assert (countdown.state, countdown.elapsed_s) == (State.RUNNING, 15)


def test_toggle_starts_pauses_and_resumes(clock: FakeClock) -> None:
    countdown = Countdown(ICE_BATH, clock)
    states = []
    for gap in (4, 50, 1):
        countdown.toggle()
        states.append(countdown.state)
        clock.advance(gap)
    assert states == [State.RUNNING, State.PAUSED, State.RUNNING]
    assert countdown.elapsed_s == pytest.approx(5)


def test_transitions_that_do_not_apply_are_ignored(clock: FakeClock) -> None:
    countdown = Countdown(ICE_BATH, clock)
    countdown.pause()
    countdown.resume()
    assert (countdown.state, countdown.elapsed_s) == (State.READY, 0)
    countdown.start()
    clock.advance(3)
    countdown.start()
    countdown.resume()
    assert (countdown.state, countdown.elapsed_s) == (State.RUNNING, 3)


def test_stop_freezes_elapsed_and_ignores_later_commands(clock: FakeClock) -> None:
    countdown = running(FOAM_ROLLER, clock)
    clock.advance(100)
    countdown.stop()
    clock.advance(500)
    for command in (
        countdown.start,
        countdown.resume,
        countdown.toggle,
        countdown.add_minute,
        countdown.remove_minute,
        countdown.next_segment,
    ):
        command()
    clock.advance(500)
    assert countdown.state is State.STOPPED
    assert countdown.elapsed_s == pytest.approx(100)
    assert countdown.planned_s == 900
    assert countdown.snapshot().segment_index == 1


def test_stop_while_paused_keeps_the_paused_elapsed(clock: FakeClock) -> None:
    countdown = running(ICE_BATH, clock)
    clock.advance(42)
    countdown.pause()
    clock.advance(10)
    countdown.stop()
    assert countdown.elapsed_s == pytest.approx(42)


def test_resume_from_a_saved_elapsed_time(clock: FakeClock) -> None:
    countdown = Countdown(FOAM_ROLLER, clock, elapsed_s=200)
    assert countdown.snapshot().segment_index == 2
    assert countdown.snapshot().current_segment == Segment("Hamstrings L", 90)
    assert countdown.snapshot().segment_remaining_s == pytest.approx(70)
    assert countdown.poll() == []
    countdown.start()
    clock.advance(70)
    assert countdown.elapsed_s == pytest.approx(270)
    assert countdown.poll() == [SegmentChanged(3, "Hamstrings R")]


def test_resume_past_the_end_does_not_ring_finished_again(clock: FakeClock) -> None:
    countdown = running(ICE_BATH, clock, elapsed_s=650)
    clock.advance(1)
    assert countdown.snapshot().overtime_s == pytest.approx(51)
    assert countdown.poll() == []


def test_negative_saved_elapsed_is_rejected(clock: FakeClock) -> None:
    with pytest.raises(ValueError, match="negative"):
        Countdown(ICE_BATH, clock, elapsed_s=-1)


# Countdown: one minute more or less
