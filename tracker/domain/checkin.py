"""The evening check-in (DESIGN §3, §7): missed evenings, what the rule still
needs this week, and reading the values of the run and recovery forms.

Pure functions over dates and domain objects; the Today screen and the CLI call
them, so a form and a command line check a run the same way.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from tracker.domain.activity import Activity
from tracker.domain.dates import (
    METRES_PER_MILE,
    ParseError,
    parse_distance,
    parse_duration,
    parse_rpe,
)
from tracker.domain.kinds import ActivityKind, DayKind
from tracker.domain.plan import MAX_REST_DAYS, WeekPlan
from tracker.domain.streaks import is_rest_day

MAX_NOTE_LENGTH = 500
MISSED_LOOKBACK_DAYS = 28
_ONE_DAY = timedelta(days=1)


# Missed evenings


def missed_window_start(first_day: date, today: date) -> date:
    """Where the search for missed evenings starts.

    At most four weeks back: an imported history has years of days nobody
    checked in, and an evening that old can no longer be remembered anyway.
    """
    return max(first_day, today - timedelta(days=MISSED_LOOKBACK_DAYS))


def missed_evenings(
    first_day: date | None, today: date, checked_in: Collection[date]
) -> list[date]:
    """Past days of the last four weeks (and of the history) never checked in.

    Oldest first. Today is never missed: the evening is not over.
    """
    if first_day is None or first_day >= today:
        return []
    done = {date(d.year, d.month, d.day) for d in checked_in}
    days: list[date] = []
    start = missed_window_start(first_day, today)
    day = date(start.year, start.month, start.day)
    while day < today:
        if day not in done:
            days.append(day)
        day += _ONE_DAY
    return days


def describe_missed(days: Sequence[date], today: date) -> str:
    """``"3 evenings missed: Tue, Wed, Thu"``; dates in full when a weekday would be ambiguous."""
    if not days:
        return ""
    count = f"{len(days)} evening{'s' if len(days) != 1 else ''} missed"
    if len(days) > 5:
        return f"{count} since {days[0]:%a %-d %b}"
    if all(today - timedelta(days=6) <= day < today for day in days):
        return f"{count}: " + ", ".join(f"{day:%a}" for day in days)
    return f"{count}: " + ", ".join(f"{day:%a %-d %b}" for day in days)


# What the rule still needs this week


class RestState(StrEnum):
    ON_TRACK = "on_track"
    """Enough rest taken (or today can still be one) and nothing planned breaks the rule."""
    NEEDS_REST = "needs_rest"
    """No rest day yet: one of the days left must be a rest day."""
    NEEDS_RUN = "needs_run"
    """A planned rest day would make a third one: it has to become a run."""
    BROKEN = "broken"
    """The week can no longer keep the rule."""
    EXCUSED = "excused"


@dataclass(frozen=True, slots=True)
class RestOutlook:
    """This week's rest days: planned, taken so far, and what the rule still needs."""

    planned: tuple[date, ...]
    taken: tuple[date, ...]
    state: RestState
    advice: str

    @property
    def ok(self) -> bool:
        return self.state in (RestState.ON_TRACK, RestState.EXCUSED)


def day_name(day: date, today: date) -> str:
    """``today``, ``tomorrow`` or the weekday's name."""
    if day == today:
        return "today"
    if day == today + _ONE_DAY:
        return "tomorrow"
    return f"{day:%A}"


def join_days(days: Sequence[date], today: date, word: str = "or") -> str:
    """``"tomorrow or Sunday"``, ``"Friday, Saturday or Sunday"``."""
    names = [day_name(day, today) for day in days]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {word} {names[-1]}"


def rest_outlook(
    plan: WeekPlan,
    activity_dates: Collection[date],
    today: date,
    today_checked_in: bool,
    excused_reason: str | None = None,
) -> RestOutlook:
    """What this week's rest days look like from ``today``, and what keeps the rule.

    Actual rest (DESIGN §3): a past day with no activity, today once checked in
    with no activity. Days still open: the days after today, and today itself
    while it is neither checked in nor holds an activity.
    """
    days = plan.week.days
    planned = tuple(d.date for d in plan.days if d.kind is DayKind.REST)
    taken = tuple(
        day
        for day in days
        if day <= today and is_rest_day(day, activity_dates, today, today_checked_in)
    )
    today_open = today in plan.week and not today_checked_in and today not in activity_dates
    still_open = tuple(day for day in days if day > today or (day == today and today_open))
    still_planned = tuple(day for day in still_open if plan.day(day).kind is DayKind.REST)

    def outlook(state: RestState, advice: str) -> RestOutlook:
        return RestOutlook(planned, taken, state, advice)

    if excused_reason:
        return outlook(
            RestState.EXCUSED, f"Excused week ({excused_reason}) — it neither counts nor breaks"
        )
    taken_text = f"{len(taken)} rest day{'s' if len(taken) != 1 else ''} taken"
    if len(taken) > MAX_REST_DAYS:
        return outlook(RestState.BROKEN, f"{taken_text} — more than two breaks the rule")
    if len(taken) == 0:
        if still_planned:
            return outlook(
                RestState.NEEDS_REST,
                f"No rest day yet — rest {join_days(still_planned, today)} to keep the rule",
            )
        if still_open:
            where = join_days(still_open, today) if len(still_open) <= 3 else "one of the days left"
            return outlook(
                RestState.NEEDS_REST,
                f"No rest day yet and none planned — rest {where} to keep the rule",
            )
        return outlook(RestState.BROKEN, "No rest day this week — the rule is broken this week")
    room = MAX_REST_DAYS - len(taken)
    if len(still_planned) > room:
        runs = join_days(still_planned[room:], today, "and")
        return outlook(
            RestState.NEEDS_RUN,
            f"{taken_text} — make {runs} a run to keep the rule",
        )
    if room == 0 and still_open:
        return outlook(
            RestState.NEEDS_RUN, f"{taken_text} — a third would break the rule: run the days left"
        )
    if still_planned:
        return outlook(
            RestState.ON_TRACK,
            f"Rule kept so far: {taken_text}, {join_days(still_planned, today, 'and')} planned",
        )
    return outlook(RestState.ON_TRACK, f"Rule kept: {taken_text}")


# The run and recovery forms


class FormErrors(ValueError):
    """Values that cannot be saved: ``errors`` maps each bad field to why."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{field}: {why}" for field, why in errors.items()))
        self.errors = errors


RUN_FIELDS = ("kind", "distance", "duration", "rpe", "note")


def _note(text: str) -> str:
    note = " ".join(text.split())
    if len(note) > MAX_NOTE_LENGTH:
        raise ParseError(f"keep the note under {MAX_NOTE_LENGTH} characters")
    return note


def _optional_duration(text: str, errors: dict[str, str]) -> int | None:
    """An optional positive duration; a problem goes into ``errors["duration"]``."""
    if not text.strip():
        return None
    try:
        seconds = parse_duration(text)
    except ParseError as exc:
        errors["duration"] = str(exc)
        return None
    if seconds <= 0:
        errors["duration"] = "a duration must be more than 0 (or leave it empty)"
    return seconds


def _note_field(text: str, errors: dict[str, str]) -> str:
    try:
        return _note(text)
    except ParseError as exc:
        errors["note"] = str(exc)
        return ""


def read_run(
    day: date,
    kind: str,
    distance: str,
    duration: str = "",
    rpe: str = "",
    note: str = "",
    units: str = "km",
) -> Activity:
    """An activity from what was typed, or :class:`FormErrors` naming every bad field.

    Distance is required (a bare number is in ``units``); a run needs more than
    0 m, cross-training may have none. Duration, effort and note are optional.
    """
    errors: dict[str, str] = {}
    activity_kind: ActivityKind | None = None
    try:
        activity_kind = ActivityKind(kind.strip().lower())
    except ValueError:
        choices = ", ".join(k.value for k in ActivityKind)
        errors["kind"] = f"unknown kind {kind!r} (choose from {choices})"
    distance_m = 0
    if not distance.strip():
        errors["distance"] = "enter a distance (e.g. 10, 10km, 6.2mi or 800m)"
    else:
        try:
            distance_m = parse_distance(distance, units)
        except ParseError as exc:
            errors["distance"] = str(exc)
        else:
            if distance_m <= 0 and activity_kind is not ActivityKind.CROSS:
                errors["distance"] = "a run needs a distance above 0"
    duration_s = _optional_duration(duration, errors)
    effort: int | None = None
    if rpe.strip():
        try:
            effort = parse_rpe(rpe)
        except ParseError as exc:
            errors["rpe"] = str(exc)
    clean_note = _note_field(note, errors)
    if errors or activity_kind is None:
        raise FormErrors(errors)
    return Activity(
        date=day,
        kind=activity_kind,
        distance_m=distance_m,
        duration_s=duration_s,
        rpe=effort,
        note=clean_note,
    )


def read_recovery(duration: str = "", note: str = "") -> tuple[int | None, str | None]:
    """Optional duration and note of a recovery item ticked by hand."""
    errors: dict[str, str] = {}
    duration_s = _optional_duration(duration, errors)
    clean_note = _note_field(note, errors)
    if errors:
        raise FormErrors(errors)
    return duration_s, clean_note or None


def distance_field_text(metres: int, units: str = "km") -> str:
    """A stored distance as the shortest bare number in ``units`` that reads back unchanged
    (``9.234``), else in metres (``999999m``)."""
    value = metres / METRES_PER_MILE if units == "mi" else metres / 1000
    for digits in range(5):
        text = f"{value:.{digits}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        try:
            if parse_distance(text, units) == metres:
                return text
        except ParseError:
            break
    return f"{metres}m"
