"""The lines of Today's panels, drawn from domain values: the plan, the evening's
status, missed evenings, this week's rest days and what recovery was done."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text

from tracker.domain.checkin import RestOutlook, missed_parts
from tracker.domain.kinds import DayKind
from tracker.domain.plan import PlanDay
from tracker.domain.recovery import RecoverySession
from tracker.domain.text import terminal_text
from tracker.domain.units import format_distance, format_duration, format_temperature
from tracker.domain.wellness import Wellness
from tracker.widgets.fitted import Parts


def keys_text(*pairs: tuple[str, str]) -> Text:
    """``l log the run · c check in``: keys in bold between plain words."""
    text = Text()
    for key, words in pairs:
        text.append(key, style="bold")
        text.append(words)
    return text


def plan_text(day: PlanDay, units: str) -> Text:
    """``Planned  Workout 9.0 km · tempo`` (the note as typed)."""
    text = Text()
    text.append("Planned  ", style="bold")
    if day.kind is DayKind.REST:
        text.append("Rest day")
    else:
        text.append(day.kind.label)
        if day.target_m:
            text.append(f" {format_distance(day.target_m, units)}")
    if day.note:
        text.append(f" · {terminal_text(day.note)}", style="dim")
    return text


def status_text(checked_in: bool, felt: Wellness | None = None) -> Text:
    """Whether the day is checked in and, once it is, how it felt: ``Hooper 14 · slept 7.5 h``."""
    if checked_in:
        text = Text()
        text.append("✓ Checked in", style="bold")
        parts = []
        if felt is not None and felt.hooper is not None:
            parts.append(f"Hooper {felt.hooper}")
        if felt is not None and felt.sleep_h is not None:
            parts.append(f"slept {felt.sleep_h:g} h")
        text.append(f" — {' · '.join(parts)}" if parts else " — see you tomorrow")
        return text
    text = Text("Not checked in — ")
    text.append_text(keys_text(("c", " checks in today")))
    return text


def missed_text(missed: Sequence[date], today: date) -> Parts:
    """``2 evenings missed: Mon 23 Nov, Mon 30 Nov — b backfills``, broken between dates."""
    if not missed:
        return Parts(())
    said = [Text(part, style="bold") for part in missed_parts(missed, today)]
    return Parts.of([*said, Text("— ") + keys_text(("b", " backfills"))], " ", wrap=True)


def evening_hint(checked_in: bool) -> Text:
    """The keys of a typical evening, until the day is checked in."""
    if checked_in:
        return Text()
    text = Text("This evening: ")
    text.append_text(
        keys_text(
            ("l", " log the run · "),
            ("space", " tick · "),
            ("tab", " next list · "),
            ("c", " check in"),
        )
    )
    return text


def rest_text(outlook: RestOutlook) -> Text:
    """This week's rest days: planned, taken, and what the rule still needs."""
    text = Text()
    text.append("Rest days  ", style="bold")
    planned = ", ".join(f"{d:%a}" for d in outlook.planned) or "none"
    taken = ", ".join(f"{d:%a}" for d in outlook.taken) or "none yet"
    text.append(f"planned {planned} · taken {taken}\n")
    text.append("✓ " if outlook.kept else "· " if outlook.ok else "! ", style="bold")
    text.append(outlook.advice, style="" if outlook.ok else "bold")
    return text


def recovery_detail(sessions: Sequence[RecoverySession], temperature: str) -> str:
    """What was done: ``10:04 · 12 °C``; ``2×`` when done more than once."""
    parts = []
    if len(sessions) > 1:
        parts.append(f"{len(sessions)}×")
    total = sum(s.elapsed_s or 0 for s in sessions)
    if total:
        parts.append(format_duration(total))
    for session in sessions:
        if session.temperature_c is not None:
            parts.append(format_temperature(session.temperature_c, temperature))
        if session.note:
            parts.append(terminal_text(session.note))
    return " · ".join(parts)
