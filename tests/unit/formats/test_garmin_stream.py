"""Garmin's Activities.csv read in two passes: its guesses from every row, its rows as
they are asked for."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from tracker.formats.garmin import garmin_rows
from tracker.formats.problems import ImportProblem

HEADER = "Activity Type,Date,Title,Distance,Time,Avg Run Cadence,Avg Stride Length\n"


def garmin_row(day: str, title: str = "Morning Run", distance: str = "10.00") -> str:
    # 10 units in 50 minutes at 170 steps/min of 1.9 m: 16,150 m, so miles
    return f"Running,{day} 07:00,{title},{distance},00:50:00,170,1.9\n"


def test_the_day_order_and_unit_come_from_rows_after_the_first() -> None:
    lines = [HEADER, garmin_row("03/04/2021"), garmin_row("04/05/2021"), garmin_row("25/12/2021")]
    runs = list(garmin_rows(lambda: lines, "Activities.csv"))
    assert not any(isinstance(run, str) for run in runs)
    first = runs[0]
    assert not isinstance(first, str)
    assert first.date == date(2021, 4, 3)  # day first: only the last row says so
    assert first.distance_m == 16093  # miles: the evidence of all three rows


def test_rows_are_read_again_as_they_are_asked_for() -> None:
    passes: list[list[int]] = []

    def text() -> Iterator[str]:
        taken: list[int] = []
        passes.append(taken)
        yield HEADER
        for number in range(1, 501):
            taken.append(number)
            yield garmin_row(f"2021-01-{number % 28 + 1:02d}")

    rows = garmin_rows(text, "Activities.csv")
    assert len(passes) == 2 and len(passes[0]) == 500  # the first pass read them all
    next(rows)
    assert len(passes[1]) <= 2  # the second reads as it is asked


def test_a_short_row_anywhere_is_refused_before_any_row_is_read() -> None:
    lines = [HEADER, garmin_row("2021-01-01", distance="x"), "Running,2021-01-02 07:00\n"]
    with pytest.raises(ImportProblem, match="row 2: truncated row: 2 of 7 fields"):
        garmin_rows(lambda: lines, "Activities.csv")


def test_a_missing_column_is_refused_at_once() -> None:
    with pytest.raises(ImportProblem, match="field 'Distance': missing column"):
        garmin_rows(lambda: ["Activity Type,Date\n", "Running,2021-01-01 07:00\n"], "a.csv")
