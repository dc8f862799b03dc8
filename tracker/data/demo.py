"""The demo history: months of realistic training, recovery, nutrition and wellness.

Deterministic for a given ``today`` so screenshots are stable. Plans obey the
rest-day rule (they are made through WeekPlan); reality sometimes does not.
Nutrition ticks and the wellness check-ins draw from random streams of their own,
so the training stays the same whatever the checklist holds.

The wellness is what a runner would feel: muscle soreness up the day after a long
run, a race or a workout, fatigue and a higher resting heart rate in heavy weeks,
sleep a little shorter in them, and a calf niggle for a while after a big week.
No recovery item changes anything, so Stats' "did it help?" shows only what went
together (ice baths follow the longest runs, so their next mornings are sorer).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import pendulum

from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.dates import Week
from tracker.domain.kinds import ActivityKind, DayKind
from tracker.domain.plan import RuleViolation, WeekPlan
from tracker.domain.recovery import RecoveryKind, RecoverySession, SessionStatus
from tracker.domain.wellness import Wellness

# kind: (pace range in s/km, RPE range)
EFFORT = {
    DayKind.EASY: ((330, 360), (3, 4)),
    DayKind.WORKOUT: ((270, 295), (7, 8)),
    DayKind.LONG: ((335, 355), (5, 7)),
    DayKind.RACE: ((250, 265), (9, 10)),
    DayKind.CROSS: ((150, 180), (3, 5)),
}
NOTES = {
    DayKind.WORKOUT: ("6 × 800 m", "tempo 3 × 10 min", "hill repeats", "5 × 1 km"),
    DayKind.LONG: ("river loop", "trail long run", "progression finish", "with the club"),
    DayKind.EASY: ("", "", "", "shakeout", "treadmill"),
    DayKind.RACE: ("parkrun", "10k race", "half marathon"),
    DayKind.CROSS: ("bike", "swim"),
}


def _target(kind: DayKind, week_index: int, rng: random.Random) -> int | None:
    build = min(week_index, 20) / 20
    if kind is DayKind.EASY:
        return rng.choice((6000, 7000, 8000, 8000, 10000))
    if kind is DayKind.WORKOUT:
        return rng.choice((9000, 10000, 11000, 12000))
    if kind is DayKind.LONG:
        return round((16000 + build * 12000 + rng.choice((-2000, 0, 0, 2000))) / 1000) * 1000
    if kind is DayKind.RACE:
        return rng.choice((5000, 10000, 10000, 21100))
    if kind is DayKind.CROSS:
        return 20000
    return None


def _plan_week(store: Store, week: Week, week_index: int, rng: random.Random) -> WeekPlan:
    plan = store.week_plan(week.start)
    roll = rng.random()
    try:
        if roll < 0.2:
            plan = plan.with_rest_moved(week.days[0], week.days[4])
        elif roll < 0.35:
            plan = plan.with_kind(week.days[3], DayKind.REST)
        elif roll < 0.45:
            plan = plan.with_kind(week.days[1], DayKind.CROSS)
        if week_index % 7 == 6:
            plan = plan.with_kind(week.days[5], DayKind.RACE)
    except RuleViolation:
        pass
    days = []
    for day in plan.days:
        note = rng.choice(NOTES.get(day.kind, ("",))) or None
        days.append((day.date, day.kind, _target(day.kind, week_index, rng), note))
    for on, kind, target, note in days:
        plan = plan.with_day(on, kind, target, note)
    store.replace_plan(plan.days)
    return plan


def _activity_for(day: date, kind: DayKind, target: int | None, rng: random.Random) -> Activity:
    distance = int((target or 8000) * rng.uniform(0.92, 1.08))
    (low, high), rpe = EFFORT[kind]
    duration = int(distance / 1000 * rng.randint(low, high))
    note = ""
    if kind in (DayKind.WORKOUT, DayKind.LONG, DayKind.RACE):
        note = rng.choice(NOTES[kind])
    return Activity(
        date=day,
        kind=ActivityKind(kind.value),
        distance_m=distance,
        duration_s=duration,
        rpe=rng.randint(*rpe),
        note=note,
    )


def _recovery(store: Store, day: date, kind: DayKind, tz: str, rng: random.Random) -> None:
    evening = pendulum.datetime(day.year, day.month, day.day, 19, rng.randint(0, 59), tz=tz)
    wanted: list[tuple[RecoveryKind, int, float | None]] = []
    if kind in (DayKind.LONG, DayKind.RACE) and rng.random() < 0.7:
        wanted.append((RecoveryKind.ICE_BATH, 600, round(rng.uniform(10, 14), 1)))
    if kind is not DayKind.REST and rng.random() < 0.45:
        wanted.append((RecoveryKind.FOAM_ROLLER, 900, None))
    if kind in (DayKind.WORKOUT, DayKind.LONG) and rng.random() < 0.4:
        wanted.append((RecoveryKind.FEET_UP, 900, None))
    if kind is DayKind.REST and rng.random() < 0.15:
        wanted.append((RecoveryKind.MASSAGE, 3600, None))
    if kind is DayKind.REST and rng.random() < 0.04:
        wanted.append((RecoveryKind.ACUPUNCTURE, 2700, None))
    for recovery, planned, temperature in wanted:
        store.start_session(
            RecoverySession(
                date=day,
                kind=recovery.value,
                started_at=evening,
                status=SessionStatus.COMPLETED,
                planned_s=planned if recovery.timed else None,
                elapsed_s=planned + rng.randint(0, 40),
                temperature_c=temperature,
                preset=recovery.label if recovery.timed else None,
            )
        )
        evening = evening.add(seconds=planned + 120)


def fill_demo(store: Store, today: date, weeks: int = 26, seed: int = 7) -> None:
    """Fill an empty store with ``weeks`` of history ending today, plus next week's plan."""
    rng = random.Random(seed)
    ticks = random.Random(seed + 1)
    tz = store.settings().timezone or "UTC"
    this_week = store.week(today)
    first = this_week.shifted(-weeks)
    items = store.nutrition_items()
    excused_index = max(1, weeks - 10)
    activities: list[Activity] = []
    evenings: list[date] = []
    done: dict[date, DayKind] = {}
    with store.transaction():
        for index in range(weeks + 2):
            week = first.shifted(index)
            plan = _plan_week(store, week, index, rng)
            excused = index == excused_index
            if excused:
                store.excuse_week(week.start, "flu")
            for day in plan.days:
                if day.date >= today:
                    continue
                kind = day.kind
                if excused and day.date.weekday() not in (5,):
                    kind = DayKind.REST
                elif kind is DayKind.REST and rng.random() < 0.08:
                    kind = DayKind.EASY
                elif kind is DayKind.EASY and rng.random() < 0.07:
                    kind = DayKind.REST
                if kind is not DayKind.REST:
                    activities.append(_activity_for(day.date, kind, day.target_m or 8000, rng))
                _recovery(store, day.date, kind, tz, rng)
                for item in items:
                    if ticks.random() < (0.55 if excused else 0.72):
                        store.set_nutrition_check(day.date, item.id, True)
                evenings.append(day.date)
                done[day.date] = kind
        store.import_activities(activities)
        # The rest days of the last ten days, but the most recent two, were checked
        # in: those two are the missed evenings Today offers to backfill (a day with a
        # run is never a missed evening).
        ran = {activity.date for activity in activities}
        recent_rest = [d for d in evenings if d not in ran and d >= today - timedelta(days=10)]
        missed = set(recent_rest[-2:])
        store.add_checkins([d for d in evenings if d not in missed])
        store.add_wellness(_wellness(done, activities, missed, random.Random(seed + 2)))


HARD_AFTER = {DayKind.LONG: 2.5, DayKind.RACE: 3.0, DayKind.WORKOUT: 1.2, DayKind.EASY: 0.3}
"""How much sorer the morning after each kind of day is."""


def _scale(value: float) -> int:
    return max(1, min(7, round(value)))


def _wellness(
    done: dict[date, DayKind], activities: list[Activity], missed: set[date], rng: random.Random
) -> list[Wellness]:
    """An evening entry for most days checked in: how the day before and the week felt."""
    weekly: dict[date, int] = {}
    for activity in activities:
        week = activity.date - timedelta(days=activity.date.weekday())
        weekly[week] = weekly.get(week, 0) + activity.distance_m
    usual = sorted(weekly.values())[len(weekly) // 2] if weekly else 1
    entries = []
    niggle = 0
    for day in sorted(done):
        if day in missed or rng.random() < 0.12:
            continue  # not every evening gets the questions answered
        before = done.get(day - timedelta(days=1), DayKind.REST)
        heavy = weekly.get(day - timedelta(days=day.weekday()), 0) / usual - 1  # ±0.3 or so
        sore = 1.8 + HARD_AFTER.get(before, 0.0) + 2 * max(heavy, 0) + rng.gauss(0, 0.6)
        tired = 2.2 + 3 * max(heavy, 0) + 0.5 * (before in HARD_AFTER) + rng.gauss(0, 0.6)
        sleep_h = round((7.6 - 1.5 * max(heavy, 0) + rng.gauss(0, 0.5)) * 2) / 2
        if niggle == 0 and heavy > 0.15 and rng.random() < 0.25:
            niggle = rng.randint(6, 12)
        niggle = max(0, niggle - 1)
        entries.append(
            Wellness(
                day,
                sleep_h=max(4.0, min(10.0, sleep_h)),
                sleep_quality=_scale(3 + (7.3 - sleep_h) + rng.gauss(0, 0.6)),
                fatigue=_scale(tired),
                stress=_scale(2.6 + rng.gauss(0, 0.8)),
                soreness=_scale(sore),
                mood=_scale(2.5 + 0.3 * tired - 0.6 + rng.gauss(0, 0.6))
                if rng.random() < 0.5
                else None,
                rhr=round(47 + 4 * max(heavy, 0) + (before in HARD_AFTER) + rng.gauss(0, 1.2))
                if rng.random() < 0.6
                else None,
                pain_site="left calf" if niggle else None,
                pain=min(10, 1 + niggle // 3) if niggle else None,
            )
        )
    return entries
