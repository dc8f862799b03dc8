"""Is this a run, and which kind: activity types, names, flags and distance."""

from __future__ import annotations

import pytest

from tracker.domain.classify import LONG_RUN_M, guess_kind, is_run_type, non_run_in_name
from tracker.domain.kinds import ActivityKind


@pytest.mark.parametrize(
    "text",
    [
        "Run",
        "Trail Run",
        "Virtual Run",
        "Running",
        "Treadmill Running",
        "street_running",
        "Løb",
        "Laufen",
        "Traillauf",
        "Course à pied",
        "Carrera",
        "Hardlopen",
        "Corsa",
        "running",
    ],
)
def test_run_types(text: str) -> None:
    assert is_run_type(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ride",
        "Walk",
        "Hike",
        "Swim",
        "Workout",
        "Weight Training",
        "Strength Training",
        "Cycling",
        "Skilanglauf",
        "bike_to_run_transition",
        "Wheelchair",
        "",
    ],
)
def test_non_run_types(text: str) -> None:
    assert not is_run_type(text)


@pytest.mark.parametrize(
    ("name", "distance", "flag", "kind"),
    [
        ("Morning Run", 8000, None, ActivityKind.EASY),
        ("Morning Run", LONG_RUN_M, None, ActivityKind.LONG),
        ("Morning Run", LONG_RUN_M - 1, None, ActivityKind.EASY),
        ("City Marathon", 42195, None, ActivityKind.RACE),
        ("Halbmarathon", 21097, None, ActivityKind.RACE),
        ("Marathonas Running", 8000, None, ActivityKind.EASY),  # a place, not a race
        ("Marathon pace workout", 16000, None, ActivityKind.WORKOUT),
        ("10k race", 10000, None, ActivityKind.RACE),
        ("Fartlek", 9000, None, ActivityKind.WORKOUT),
        ("Track repeats", 9000, None, ActivityKind.WORKOUT),
        ("10 x 400", 9000, None, ActivityKind.WORKOUT),
        ("Long run", 15000, None, ActivityKind.LONG),
        ("Morning Run", 5000, "1", ActivityKind.RACE),
        ("Morning Run", 5000, "2", ActivityKind.LONG),
        ("Morning Run", 5000, "3", ActivityKind.WORKOUT),
    ],
)
def test_guess_kind(name: str, distance: int, flag: str | None, kind: ActivityKind) -> None:
    assert guess_kind(name, distance, flag) is kind


@pytest.mark.parametrize(
    ("name", "sport"),
    [
        ("Evening Ride", "Ride"),
        ("Lunch swim", "Swim"),
        ("Hiking the ridge", "Hiking"),
        ("Morning Run", None),
        ("Bikeshed tempo", None),
    ],
)
def test_a_name_without_a_type_can_say_it_is_no_run(name: str, sport: str | None) -> None:
    assert non_run_in_name(name) == sport


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Carnival 10k", ActivityKind.RACE),
        ("parkrun", ActivityKind.RACE),
        ("half marathon", ActivityKind.RACE),
        ("Bath Half", ActivityKind.RACE),
        ("Great North 10 miler", ActivityKind.RACE),
        ("Morning 10k", ActivityKind.EASY),
        ("Saturday 5k", ActivityKind.EASY),
        ("Easy 5k", ActivityKind.EASY),
        ("Sunday 10k tempo", ActivityKind.WORKOUT),
        ("Half marathon pace", ActivityKind.EASY),
        ("North Shore Classic 5k", ActivityKind.RACE),
        ("Mama lied and said it was a 5k", ActivityKind.EASY),
        ("5k, dukkert, barfod hjem", ActivityKind.EASY),
        ("Easy mill 10k", ActivityKind.EASY),
        ("First half solo second half mama", ActivityKind.EASY),
    ],
)
def test_a_race_name_with_a_distance_is_a_race(name: str, kind: ActivityKind) -> None:
    assert guess_kind(name, 10_000) is kind
