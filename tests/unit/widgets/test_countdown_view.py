"""What the countdown shows, from a snapshot of the countdown: no app needed."""

from __future__ import annotations

from tracker.domain.countdown import Countdown, State
from tracker.domain.presets import DEFAULT_PRESETS
from tracker.widgets.countdown import CountdownView


class Mono:
    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


def test_countdown_view_rounds_the_countdown_up_and_overtime_down() -> None:
    mono = Mono()
    countdown = Countdown(DEFAULT_PRESETS[0].with_duration(90), mono)
    countdown.start()
    mono.now += 0.2
    view = CountdownView.of(countdown.snapshot())
    assert (view.clock, view.overtime, view.segment, view.following) == ("01:30", False, "", "")
    mono.now += 89.8
    assert CountdownView.of(countdown.snapshot()).clock == "00:00"
    mono.now += 61.9
    view = CountdownView.of(countdown.snapshot())
    assert (view.clock, view.overtime, view.elapsed_s) == ("+01:01", True, 151)
    assert view.following.startswith("Time's up")


def test_countdown_view_names_the_segments() -> None:
    mono = Mono()
    countdown = Countdown(DEFAULT_PRESETS[1], mono)
    countdown.start()
    mono.now += 13 * 60 + 40
    view = CountdownView.of(countdown.snapshot())
    assert view.segment == "Segment 10 of 10: Glutes R · 01:20 left"
    assert view.following == "Last segment"
    countdown.pause()
    assert CountdownView.of(countdown.snapshot()).state is State.PAUSED
