"""Text in whole parts: a line never breaks inside a part, and never overflows."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind
from tracker.widgets.fitted import Parts
from tracker.widgets.run_list import run_line

WORDS = st.text(alphabet="abc XYZ7·–", min_size=1, max_size=14).filter(str.strip)


def drawn(renderable: object, width: int) -> list[str]:
    console = Console(width=width, record=True, color_system=None)
    console.print(renderable)
    return console.export_text().splitlines()


def test_a_narrow_run_line_drops_whole_parts_from_the_end() -> None:
    run = Activity(date(2026, 11, 25), ActivityKind.WORKOUT, 9200, 2650, 7, "tempo")
    wide = run_line(run, "km")
    assert drawn(wide, 80) == ["Workout 9.2 km · 44:10 · 4:48/km · RPE 7 · tempo"]
    assert drawn(wide, 40) == ["Workout 9.2 km · 44:10 · 4:48/km · RPE 7"]
    assert drawn(wide, 39) == ["Workout 9.2 km · 44:10 · 4:48/km"]
    assert drawn(wide, 10) == ["Workout 9…"]


def test_wrapped_parts_break_between_parts_only() -> None:
    missed = Parts.of(["3 evenings missed:", "Mon 23 Nov,", "Mon 30 Nov,", "Tue 1 Dec"], " ")
    assert drawn(Parts(missed.parts, " ", wrap=True), 30) == [
        "3 evenings missed: Mon 23 Nov,",
        "Mon 30 Nov, Tue 1 Dec",
    ]


@given(st.lists(WORDS, max_size=8), st.integers(4, 60), st.booleans())
def test_no_line_overflows_and_no_part_is_split(parts: list[str], width: int, wrap: bool) -> None:
    shown = Parts.of(parts, wrap=wrap)
    lines = [line.plain for line in shown.lines(width)]
    assert all(len(line) <= width for line in lines)
    kept = [part for part in shown.parts[1:] if part.cell_len <= width]
    if wrap:  # every part that fits a line alone is there, whole, on one line
        for part in kept:
            assert any(part.plain in line for line in lines)
    else:
        assert len(lines) == 1
