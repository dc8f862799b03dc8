"""Timer presets: named segments run back to back, and how they are typed and stored."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from tracker.domain.dates import ParseError
from tracker.domain.units import format_duration, parse_duration

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
