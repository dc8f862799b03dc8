"""Timed recovery sessions: presets and a countdown driven by an injected clock.

The countdown never counts ticks. Every query reads the clock, so a display
that ticks late, irregularly or not at all still shows the true time, and
tests drive time by advancing a fake clock.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Protocol

from tracker.domain.dates import ParseError, format_duration, parse_duration
from tracker.domain.recovery import SessionStatus, celsius_to_fahrenheit, fahrenheit_to_celsius

PRESET_KINDS = ("ice_bath", "foam_roller", "feet_up", "custom")
MAX_SEGMENT_S = 86_400
MINUTE_S = 60


@dataclass(frozen=True, slots=True)
class Segment:
    name: str
    seconds: int


@dataclass(frozen=True, slots=True)
class Preset:
    """A timed session: one or more named segments run back to back."""

    name: str
    kind: str
    segments: tuple[Segment, ...]
    temperature: bool = False
    hint: str = ""

    @classmethod
    def single(
        cls,
        name: str,
        kind: str,
        seconds: int,
        *,
        temperature: bool = False,
        hint: str = "",
        segment_name: str | None = None,
    ) -> Preset:
        """A one-segment preset; the segment takes the preset's name unless given one."""
        segment = Segment(name if segment_name is None else segment_name, seconds)
        return cls(name, kind, (segment,), temperature=temperature, hint=hint)

    @property
    def total_s(self) -> int:
        return sum(segment.seconds for segment in self.segments)

    def with_duration(self, seconds: int) -> Preset:
        """A copy lasting ``seconds``, its segments scaled in proportion.

        Rounding uses largest remainders so the parts sum exactly to the total;
        a segment rounded down to nothing gets 1 s taken from the longest one.
        """
        count = len(self.segments)
        if seconds < max(1, count):
            raise ValueError(
                f"{self.name} needs at least {max(1, count)} s ({count} segment(s)), got {seconds}"
            )
        if count == 1:
            return replace(self, segments=(Segment(self.segments[0].name, seconds),))
        return replace(self, segments=_scale_segments(self.segments, seconds))


def _scale_segments(segments: Sequence[Segment], total: int) -> tuple[Segment, ...]:
    old_total = sum(segment.seconds for segment in segments)
    if old_total <= 0:
        weights = [1] * len(segments)
        old_total = len(segments)
    else:
        weights = [segment.seconds for segment in segments]
    parts = [weight * total // old_total for weight in weights]
    by_remainder = sorted(range(len(weights)), key=lambda i: (-(weights[i] * total % old_total), i))
    for i in by_remainder[: total - sum(parts)]:
        parts[i] += 1
    for i, part in enumerate(parts):
        if part == 0:
            longest = max(range(len(parts)), key=lambda j: parts[j])
            parts[longest] -= 1
            parts[i] = 1
    return tuple(Segment(segment.name, part) for segment, part in zip(segments, parts, strict=True))


_FOAM_ROLLER_PARTS = ("Calves", "Hamstrings", "Quads", "IT band", "Glutes")

DEFAULT_PRESETS: tuple[Preset, ...] = (
    Preset.single("Ice bath", "ice_bath", 10 * MINUTE_S, temperature=True),
    Preset(
        "Foam roller",
        "foam_roller",
        tuple(Segment(f"{part} {side}", 90) for part in _FOAM_ROLLER_PARTS for side in "LR"),
    ),
    Preset.single("Feet up", "feet_up", 15 * MINUTE_S, hint="2\N{EN DASH}3 pillows"),
)


def preset_slug(name: str) -> str:
    """``"Ice bath"`` -> ``"ice-bath"``: the name as typed on the command line."""
    return re.sub(r"[\W_]+", "-", name.strip().lower()).strip("-")


def find_preset(presets: Iterable[Preset], text: str) -> Preset:
    """The preset named by ``text``, matched on its slug, then on its kind.

    Matching by kind keeps ``ice-bath`` working after the ice-bath preset has
    been renamed in Settings.
    """
    presets = tuple(presets)
    wanted = preset_slug(text)
    if wanted:
        for preset in presets:
            if preset_slug(preset.name) == wanted:
                return preset
        by_kind = [p for p in presets if p.kind != "custom" and preset_slug(p.kind) == wanted]
        if len(by_kind) == 1:
            return by_kind[0]
    choices = ", ".join(preset_slug(p.name) for p in presets) or "none defined"
    raise ValueError(f"unknown preset {text!r} (choose from {choices})")


def preset_to_dict(preset: Preset) -> dict[str, object]:
    return {
        "name": preset.name,
        "kind": preset.kind,
        "segments": [[segment.name, segment.seconds] for segment in preset.segments],
        "temperature": preset.temperature,
        "hint": preset.hint,
    }


def preset_from_dict(data: Mapping[str, object]) -> Preset:
    """The preset stored in ``data``; ``ValueError`` says what is wrong with it."""
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("preset needs a non-empty name")
    kind = data.get("kind", "custom")
    if not isinstance(kind, str) or kind not in PRESET_KINDS:
        raise ValueError(
            f"preset {name!r}: unknown kind {kind!r} (choose from {', '.join(PRESET_KINDS)})"
        )
    temperature = data.get("temperature", False)
    if not isinstance(temperature, bool):
        raise ValueError(f"preset {name!r}: temperature must be true or false")
    hint = data.get("hint", "")
    if not isinstance(hint, str):
        raise ValueError(f"preset {name!r}: hint must be text")
    raw_segments = data.get("segments")
    if not isinstance(raw_segments, list | tuple) or not raw_segments:
        raise ValueError(f"preset {name!r} needs at least one segment")
    segments = tuple(_segment_from_pair(name, pair) for pair in raw_segments)
    return Preset(name, kind, segments, temperature=temperature, hint=hint)


def _segment_from_pair(preset_name: str, pair: object) -> Segment:
    if not isinstance(pair, list | tuple) or len(pair) != 2:
        raise ValueError(f"preset {preset_name!r}: a segment must be [name, seconds], got {pair!r}")
    name, seconds = pair
    if not isinstance(name, str):
        raise ValueError(f"preset {preset_name!r}: segment name must be text, got {name!r}")
    if not isinstance(seconds, int) or isinstance(seconds, bool):
        raise ValueError(
            f"preset {preset_name!r}: segment {name!r} needs whole seconds, got {seconds!r}"
        )
    if not 1 <= seconds <= MAX_SEGMENT_S:
        raise ValueError(
            f"preset {preset_name!r}: segment {name!r} must last 1 to {MAX_SEGMENT_S} s,"
            f" got {seconds}"
        )
    return Segment(name, seconds)


class MonotonicClock(Protocol):
    """Seconds from an arbitrary origin that never go backwards (``time.monotonic``)."""

    def __call__(self) -> float: ...


class State(StrEnum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class SegmentChanged:
    """The countdown crossed into segment ``index``."""

    index: int
    name: str


@dataclass(frozen=True, slots=True)
class Finished:
    """Elapsed time reached the planned total; overtime starts."""


TimerEvent = SegmentChanged | Finished


class Countdown:
    """A countdown over a preset's segments, timed by ``clock``.

    ``elapsed_s`` resumes a session saved before a crash; boundaries already
    behind it are treated as reported and raise no events. Transitions that do
    not apply in the current state (pausing a paused timer, anything after
    ``stop()``) are ignored so a stray key press never fails.
    """

    def __init__(self, preset: Preset, clock: MonotonicClock, elapsed_s: float = 0.0) -> None:
        if not preset.segments:
            raise ValueError(f"preset {preset.name!r} has no segments")
        if elapsed_s < 0:
            raise ValueError(f"elapsed time cannot be negative, got {elapsed_s}")
        self.preset = preset
        self._clock = clock
        self._names = [segment.name for segment in preset.segments]
        self._durations = [segment.seconds for segment in preset.segments]
        self._state = State.READY
        self._banked_s = float(elapsed_s)
        self._running_since: float | None = None
        self._reported_index = self._index_at(self._banked_s)
        self._finished_reported = self._banked_s >= self.planned_s

    @property
    def state(self) -> State:
        return self._state

    @property
    def elapsed_s(self) -> float:
        if self._running_since is None:
            return self._banked_s
        return self._elapsed_at(self._clock())

    @property
    def planned_s(self) -> int:
        return sum(self._durations)

    @property
    def segments(self) -> tuple[Segment, ...]:
        """The segments as planned now, with every ± minute applied."""
        return tuple(Segment(n, s) for n, s in zip(self._names, self._durations, strict=True))

    @property
    def remaining_s(self) -> float:
        return max(0.0, self.planned_s - self.elapsed_s)

    @property
    def overtime_s(self) -> float:
        return max(0.0, self.elapsed_s - self.planned_s)

    @property
    def is_overtime(self) -> bool:
        return self.overtime_s > 0

    @property
    def progress(self) -> float:
        planned = self.planned_s
        if planned <= 0:
            return 1.0
        return min(1.0, self.elapsed_s / planned)

    @property
    def segment_index(self) -> int:
        return self._index_at(self.elapsed_s)

    @property
    def current_segment(self) -> Segment:
        index = self.segment_index
        return Segment(self._names[index], self._durations[index])

    @property
    def next_segment_name(self) -> str | None:
        """The name of the segment after this one; ``None`` on the last."""
        index = self.segment_index + 1
        return self._names[index] if index < len(self._names) else None

    @property
    def segment_remaining_s(self) -> float:
        elapsed = self.elapsed_s
        return max(0.0, self._segment_end(self._index_at(elapsed)) - elapsed)

    def start(self) -> None:
        if self._state is State.READY:
            self._run()

    def pause(self) -> None:
        if self._state is State.RUNNING:
            self._bank()
            self._state = State.PAUSED

    def resume(self) -> None:
        if self._state is State.PAUSED:
            self._run()

    def toggle(self) -> None:
        """Pause a running timer, resume a paused one, start a ready one."""
        if self._state is State.RUNNING:
            self.pause()
        elif self._state is State.PAUSED:
            self.resume()
        else:
            self.start()

    def stop(self) -> None:
        if self._state is not State.STOPPED:
            self._bank()
            self._state = State.STOPPED

    def add_minute(self) -> None:
        if self._state is not State.STOPPED:
            self._durations[self.segment_index] += MINUTE_S

    def remove_minute(self) -> None:
        """Take a minute off the current segment, but never cut it short of now.

        The segment keeps at least the whole seconds already spent in it, so
        its remaining time drops to zero at most, and the boundary is crossed.
        """
        if self._state is State.STOPPED:
            return
        elapsed = self.elapsed_s
        index = self._index_at(elapsed)
        duration = self._durations[index]
        spent = math.ceil(elapsed - self._segment_start(index))
        self._durations[index] = min(duration, max(duration - MINUTE_S, spent, 0))

    def next_segment(self) -> None:
        """Jump to the start of the next segment (the end, on the last one).

        Elapsed time moves forward to the boundary, so the skipped time counts
        as done and the jump raises the same events as reaching it would.
        """
        if self._state is State.STOPPED:
            return
        now = self._clock()
        elapsed = self._elapsed_at(now)
        boundary = float(self._segment_end(self._index_at(elapsed)))
        if boundary <= elapsed:
            return
        self._banked_s = boundary
        if self._running_since is not None:
            self._running_since = now

    def poll(self) -> list[TimerEvent]:
        """Events since the last poll: each boundary crossed, then ``Finished``.

        ``Finished`` comes once per countdown, when elapsed time first reaches
        the plan; a minute added in overtime does not ring it again.
        """
        elapsed = self.elapsed_s
        events: list[TimerEvent] = []
        index = self._index_at(elapsed)
        for crossed in range(self._reported_index + 1, index + 1):
            events.append(SegmentChanged(crossed, self._names[crossed]))
        self._reported_index = max(self._reported_index, index)
        if not self._finished_reported and elapsed >= self.planned_s:
            self._finished_reported = True
            events.append(Finished())
        return events

    def _run(self) -> None:
        self._running_since = self._clock()
        self._state = State.RUNNING

    def _bank(self) -> None:
        self._banked_s = self.elapsed_s
        self._running_since = None

    def _elapsed_at(self, now: float) -> float:
        if self._running_since is None:
            return self._banked_s
        return self._banked_s + (now - self._running_since)

    def _segment_start(self, index: int) -> int:
        return sum(self._durations[:index])

    def _segment_end(self, index: int) -> int:
        return sum(self._durations[: index + 1])

    def _index_at(self, elapsed: float) -> int:
        end = 0
        for index, duration in enumerate(self._durations):
            end += duration
            if elapsed < end:
                return index
        return len(self._durations) - 1


def format_clock(seconds: float, *, round_up: bool = False) -> str:
    """``"MM:SS"``, or ``"H:MM:SS"`` from an hour; negative input shows as zero.

    Whole seconds are truncated; ``round_up`` suits a countdown, which should
    read ``00:00`` only when nothing is left.
    """
    whole = math.ceil(seconds) if round_up else math.floor(seconds)
    whole = max(0, whole)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


def session_status(elapsed_s: float, planned_s: int | None) -> SessionStatus:
    """How a stopped session is logged: completed once its plan is reached, else partial."""
    if planned_s is None or elapsed_s >= planned_s:
        return SessionStatus.COMPLETED
    return SessionStatus.PARTIAL


ICE_BATH_LONG_S = 15 * MINUTE_S
ICE_BATH_COLD_C = 10.0
WATER_MIN_C, WATER_MAX_C = 0.0, 40.0
_TEMPERATURE = re.compile(r"([+-]?\d{1,3}(?:[.,]\d+)?)\s*(?:°\s*)?([cf])?", re.IGNORECASE)


def format_temperature(celsius: float, unit: str) -> str:
    """``12 °C``, ``12.5 °C`` or ``54 °F``: one decimal at most, none when whole."""
    value = celsius_to_fahrenheit(celsius) if unit == "F" else celsius
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return f"{'0' if text == '-0' else text} °{unit}"


def parse_temperature(text: str, unit: str) -> float:
    """Water temperature typed in the runner's unit, as °C (rounded to 0.01).

    ``12``, ``12.5``, ``12,5`` or ``54F``; a unit typed after the number wins
    over the setting. Anything outside 0–40 °C is refused: it is not bath water.
    """
    match = _TEMPERATURE.fullmatch(text.strip())
    if match is None:
        raise ParseError(f"not a temperature: {text!r} (e.g. 12 or 12.5 °{unit})")
    value = float(match[1].replace(",", "."))
    typed = (match[2] or unit).upper()
    celsius = fahrenheit_to_celsius(value) if typed == "F" else value
    if not WATER_MIN_C <= celsius <= WATER_MAX_C:
        low, high = format_temperature(WATER_MIN_C, unit), format_temperature(WATER_MAX_C, unit)
        raise ParseError(f"water at {text.strip()}? Enter between {low} and {high}")
    return round(celsius, 2)


def ice_bath_hints(unit: str) -> tuple[str, ...]:
    """The evidence hints of DESIGN §5, with temperatures in the runner's unit."""
    low = format_temperature(10, unit).split()[0]
    return (
        f"{low}–{format_temperature(15, unit)} for 10–15 min is the range with the best"
        " soreness results.",
        f"The first 2–3 minutes below {format_temperature(15, unit)} bring the cold-shock"
        " response: breathe slowly.",
        "Ice baths right after strength sessions can blunt strength gains.",
    )


def ice_bath_warnings(seconds: float, temperature_c: float | None, unit: str) -> list[str]:
    """Warnings for an ice bath lasting ``seconds`` in water at ``temperature_c``."""
    warnings = []
    if seconds > ICE_BATH_LONG_S:
        warnings.append(
            "Over 15 minutes: longer brings no more benefit and risks getting too cold."
        )
    if temperature_c is not None and temperature_c < ICE_BATH_COLD_C:
        warnings.append(
            f"Below {format_temperature(ICE_BATH_COLD_C, unit)}: colder than the studied"
            " range — keep it short and get out if you go numb."
        )
    return warnings


PRESET_NAME_MAX = 40


def check_preset_name(name: str, presets: Iterable[Preset], replacing: str | None = None) -> str:
    """``name`` tidied, or ``ValueError`` when it is empty or another preset has its slug.

    Two presets with the same slug could not be told apart on the command line.
    """
    name = " ".join(name.split())
    slug = preset_slug(name)
    if not slug:
        raise ValueError("a preset needs a name with a letter or digit in it")
    if len(name) > PRESET_NAME_MAX:
        raise ValueError(f"keep the name to {PRESET_NAME_MAX} characters")
    for preset in presets:
        if preset.name != replacing and preset_slug(preset.name) == slug:
            raise ValueError(f"there is already a preset called {preset.name!r}")
    return name


def format_segments(preset: Preset) -> str:
    """One line per segment, ``duration name``: the text the preset editor shows."""
    lines = []
    for segment in preset.segments:
        clock = format_duration(segment.seconds)
        same = len(preset.segments) == 1 and segment.name == preset.name
        lines.append(clock if same else f"{clock} {segment.name}")
    return "\n".join(lines)


def parse_segments(text: str, default_name: str) -> tuple[Segment, ...]:
    """Segments from lines of ``duration [name]`` (``1:30 Calves L``, ``10m``).

    A line without a name takes ``default_name``. ``ValueError`` names the line.
    """
    segments = []
    for number, line in enumerate(text.splitlines(), start=1):
        head, _, rest = line.strip().partition(" ")
        if not head:
            continue
        try:
            seconds = parse_duration(head)
        except ParseError as exc:
            raise ValueError(f"line {number}: {exc}") from None
        if not 1 <= seconds <= MAX_SEGMENT_S:
            raise ValueError(f"line {number}: a segment lasts 1 s to 24 h")
        segments.append(Segment(" ".join(rest.split()) or default_name, seconds))
    if not segments:
        raise ValueError("a preset needs at least one segment, e.g. 10:00")
    return tuple(segments)
