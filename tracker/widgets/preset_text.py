"""The Timer picker's lines: each preset, the highlighted one's detail, today's sessions."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from tracker.domain.countdown import Snapshot
from tracker.domain.presets import Preset
from tracker.domain.recovery import (
    RecoverySession,
    evidence,
    ice_bath_hints,
    ice_bath_warnings,
)
from tracker.domain.text import terminal_text
from tracker.domain.units import format_clock, format_duration, format_temperature

STATUS_MARKS = {"completed": " ✓", "partial": " (partial)", "running": " (running)"}


def preset_line(preset: Preset) -> Text:
    """One preset in the picker: name, length, segments, what it asks."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f"{terminal_text(preset.name):<22}", style="bold")
    text.append(f"{format_clock(preset.total_s):>8}")
    if len(preset.segments) > 1:
        text.append(f"   {len(preset.segments)} segments", style="dim")
    if preset.temperature:
        text.append("   water temperature", style="dim")
    if preset.hint:
        text.append(f"   {terminal_text(preset.hint)}", style="dim")
    return text


def preset_detail(preset: Preset | None, unit: str) -> Text:
    """The highlighted preset: its segments, its hint, what the evidence says about its
    kind, and the ice bath's hints."""
    if preset is None:
        return Text("No presets: press a to create one.")
    text = Text()
    if len(preset.segments) > 1:
        text.append(f"{len(preset.segments)} segments:\n", style="bold")
        text.append(
            "\n".join(
                f"  {format_duration(s.seconds):>6}  {terminal_text(s.name)}"
                for s in preset.segments
            )
        )
    if preset.hint:
        hint = terminal_text(preset.hint)
        text.append(f"\n{hint}" if text else hint, style="italic")
    if about := evidence(preset.kind, unit):
        text.append(f"\n{about}" if text else about, style="dim")
    if preset.temperature:
        for hint in ice_bath_hints(unit):
            text.append(f"\n• {hint}" if text else f"• {hint}")
        for warning in ice_bath_warnings(preset.total_s, None, unit):
            text.append(f"\n⚠ {warning}", style="bold")
    return text


def session_log(
    sessions: Sequence[RecoverySession],
    unit: str,
    result: str = "",
    unfinished: Sequence[RecoverySession] = (),
) -> Text:
    """``Today: Ice bath 10:04 12 °C ✓ · Feet up 03:00 (partial)``, after the last result.

    A session left ``unfinished`` (a crash, "Later": nothing times it) never reads
    "(running)": it is listed with what can be done with it.
    """
    text = Text()
    if result:
        text.append(terminal_text(result) + "\n", style="bold")
    text.append("Today: ", style="bold")
    if not sessions:
        text.append("no timed sessions yet")
    left = {session.id for session in unfinished}
    for index, session in enumerate(sessions):
        if index:
            text.append(" · ")
        text.append(f"{terminal_text(session.name)} {format_clock(session.elapsed_s or 0)}")
        if session.temperature_c is not None:
            text.append(f" {format_temperature(session.temperature_c, unit)}")
        mark = STATUS_MARKS[session.status.value]
        text.append(" (unfinished)" if session.id in left else mark)
    if unfinished:
        text.append("\nUnfinished: ", style="bold")
        text.append(
            " · ".join(
                f"{terminal_text(s.name)} {format_clock(s.elapsed_s or 0)}"
                + (f" of {format_clock(s.planned_s)}" if s.planned_s else "")
                + f" ({s.date:%a %-d %b})"
                for s in unfinished
            )
        )
        text.append("  u: log, resume or discard", style="dim")
    return text


def ice_bath_lines(snapshot: Snapshot, water_c: float | None, unit: str) -> tuple[str, str, str]:
    """What a running ice bath shows: the water, its warnings, the evidence hints."""
    water = (
        f"Water {format_temperature(water_c, unit)} (t to change)"
        if water_c is not None
        else "Water temperature not entered: press w"
    )
    seconds = max(snapshot.planned_s, snapshot.elapsed_s)
    warnings = "\n".join(f"⚠ {w}" for w in ice_bath_warnings(seconds, water_c, unit))
    hints = "\n".join(f"• {hint}" for hint in ice_bath_hints(unit))
    return water, warnings, hints
