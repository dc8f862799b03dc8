"""Importing recovtui's own export: round trip, idempotence, merging, the rest-day rule."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import EVENING, TODAY
from tests.helpers import memory_db
from tests.unit.services.history import FIXTURES, LATER, dump, small_history, without_stamp
from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.dates import WEEKDAYS, week_of
from tracker.domain.kinds import ActivityKind, DayKind
from tracker.domain.plan import PlanDay, WeekPlan
from tracker.domain.presets import Preset
from tracker.domain.recovery import RecoveryKind, RecoverySession, SessionStatus
from tracker.domain.wellness import Wellness
from tracker.formats.problems import ImportProblem
from tracker.formats.recovtui_json import dumps_document, parse_document
from tracker.services.exporting import export_json
from tracker.services.restoring import import_json


def test_demo_history_round_trips_exactly(demo_store: Store, fresh: Store) -> None:
    doc = export_json(demo_store, EVENING)
    assert len(doc["activities"]) > 100 and doc["recovery"] and doc["excused_weeks"]
    assert len(doc["wellness"]) > 100

    import_json(fresh, json.loads(dumps_document(doc)))

    assert without_stamp(export_json(fresh, LATER)) == without_stamp(doc)


def test_importing_twice_changes_nothing(demo_store: Store, fresh: Store) -> None:
    doc = export_json(demo_store, EVENING)
    first = import_json(fresh, doc)
    assert first.changed and first.activities_added == len(doc["activities"])
    rows = dump(fresh)

    second = import_json(fresh, doc)

    assert not second.changed
    assert second.activities_present == len(doc["activities"])
    assert second.sessions_present == len(doc["recovery"])
    assert dump(fresh) == rows


def test_import_merges_into_an_existing_history(store: Store, fresh: Store) -> None:
    small_history(store)
    doc = export_json(store, EVENING)
    mine = fresh.add_activity(Activity(pendulum.date(2026, 1, 2), ActivityKind.LONG, 21000))

    summary = import_json(fresh, doc)

    assert summary.activities_added == 1
    assert mine in fresh.all_activities()
    assert len(fresh.all_activities()) == 2


def test_same_activity_twice_on_a_day_survives_the_round_trip(store: Store, fresh: Store) -> None:
    twin = Activity(TODAY, ActivityKind.EASY, 5000, note="double")
    store.add_activity(twin)
    store.add_activity(twin)
    doc = export_json(store, EVENING)

    import_json(fresh, doc)
    import_json(fresh, doc)

    assert len(fresh.all_activities()) == 2


def test_nutrition_checklist_becomes_the_documents(store: Store, fresh: Store) -> None:
    items = {i.name: i for i in store.nutrition_items()}
    store.rename_nutrition_item(items["Antioxidants"].id, "Beet juice")
    store.archive_nutrition_item(items["Hydration"].id)
    store.move_nutrition_item(items["Protein"].id, -2)
    store.add_nutrition_item("Tart cherry")
    doc = export_json(store, EVENING)
    kept = next(i for i in fresh.nutrition_items() if i.name == "Antioxidants")
    fresh.set_nutrition_check(TODAY, kept.id, True)

    import_json(fresh, doc)

    restored = fresh.nutrition_items(include_archived=True)
    assert [(i.name, i.archived) for i in restored][: len(doc["nutrition_items"])] == [
        (i["name"], i["archived"]) for i in doc["nutrition_items"]
    ]
    # an item of its own that was ticked keeps its history, archived, after the others
    assert (restored[-1].name, restored[-1].archived) == ("Antioxidants", True)
    assert fresh.nutrition_checks(TODAY, TODAY) == {TODAY: {kept.id}}


def test_timer_presets_travel_with_the_settings(store: Store, fresh: Store) -> None:
    store.save_preset(Preset.single("Contrast shower", "custom", 300))
    store.set_setting("week_start", "sunday")
    store.set_setting("units", "mi")
    doc = export_json(store, EVENING)

    summary = import_json(fresh, doc)

    assert "Contrast shower" in [p.name for p in fresh.presets()]
    assert fresh.presets() == store.presets()
    assert fresh.settings() == store.settings()
    assert set(summary.settings) >= {"week_start", "units"}


def test_import_dates_plans_under_the_documents_week_start(fresh: Store) -> None:
    """Sunday-start weeks with one rest each are fine though Monday weeks would break."""
    sunday = pendulum.date(2026, 11, 22)
    kinds = [DayKind.REST] + [DayKind.EASY] * 6
    plan = [
        {"date": (sunday + timedelta(days=i)).isoformat(), "kind": kinds[i].value} for i in range(7)
    ]
    doc = {"format": "recovtui-export", "version": 1, "plan": plan}
    with pytest.raises(ImportProblem, match="0 rest days"):
        import_json(fresh, doc)  # under monday, the week of Nov 23 has none
    doc["settings"] = {"week_start": "sunday"}
    import_json(fresh, doc)
    assert fresh.week_plan(sunday).rest_days == 1


def test_a_partial_week_is_checked_with_the_days_already_planned(fresh: Store) -> None:
    fresh.week_plan(TODAY)  # Mon rest … from the template
    monday = week_of(TODAY).start
    doc = {
        "format": "recovtui-export",
        "version": 1,
        "plan": [{"date": monday.isoformat(), "kind": "easy"}],
    }
    before = dump(fresh)
    with pytest.raises(ImportProblem, match="plan record 1, field 'kind'"):
        import_json(fresh, doc)
    assert dump(fresh) == before


def test_days_a_document_leaves_out_come_from_its_own_template(fresh: Store) -> None:
    wednesday = week_of(TODAY).start + timedelta(days=2)
    doc: dict[str, Any] = {
        "format": "recovtui-export",
        "version": 1,
        "plan": [{"date": wednesday.isoformat(), "kind": "rest"}],
    }
    two_rest = ["rest", "easy", "easy", "rest", "easy", "long", "easy"]
    doc["settings"] = {"template": two_rest}
    before = dump(fresh)
    with pytest.raises(ImportProblem, match="would have 3 rest days"):
        import_json(fresh, doc)
    assert dump(fresh) == before
    del doc["settings"]
    import_json(fresh, doc)  # the stored template has one rest day: Monday and Wednesday
    assert fresh.week_plan(TODAY).rest_days == 2


def test_an_excused_week_may_hold_a_whole_week_of_rest(fresh: Store) -> None:
    """An injured runner's week of rest, exported, imports again (and only excused)."""
    monday = week_of(TODAY).start
    plan = [{"date": (monday + timedelta(days=i)).isoformat(), "kind": "rest"} for i in range(7)]
    doc: dict[str, Any] = {"format": "recovtui-export", "version": 1, "plan": plan}
    with pytest.raises(ImportProblem, match="would have 7 rest days"):
        import_json(fresh, doc)
    doc["excused_weeks"] = [{"week_start": monday.isoformat(), "reason": "calf strain"}]
    import_json(fresh, doc)
    assert fresh.week_plan(TODAY).rest_days == 7


NAMES = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")), max_size=20
)
ITEM_NAMES = st.text(alphabet="abcdefghij klmnoé", min_size=1, max_size=12).map(
    lambda s: " ".join(s.split()) or "x"
)
DAYS = st.dates(min_value=date(2019, 1, 1), max_value=date(2027, 12, 31))


@st.composite
def week_kinds(draw: st.DrawFn) -> list[DayKind]:
    rest = draw(st.integers(1, 2))
    others = draw(
        st.lists(
            st.sampled_from([k for k in DayKind if k is not DayKind.REST]),
            min_size=7 - rest,
            max_size=7 - rest,
        )
    )
    kinds = [DayKind.REST] * rest + others
    return draw(st.permutations(kinds))


activities = st.builds(
    Activity,
    date=DAYS,
    kind=st.sampled_from(ActivityKind),
    distance_m=st.integers(0, 1_000_000),
    duration_s=st.none() | st.integers(0, 7 * 24 * 3600),
    rpe=st.none() | st.integers(1, 10),
    note=NAMES,
    source=st.sampled_from(["manual", "import:strava-csv", "import:gpx"]),
    source_id=st.none() | st.integers(1, 10**6).map(lambda n: f"strava:{n}"),
)
sessions = st.builds(
    RecoverySession,
    date=DAYS,
    kind=st.sampled_from([*(k.value for k in RecoveryKind), "contrast shower"]),
    started_at=st.datetimes(
        min_value=pendulum.datetime(2019, 1, 1).naive(),
        max_value=pendulum.datetime(2027, 12, 31).naive(),
    ).map(lambda d: pendulum.instance(d.replace(microsecond=0), tz="UTC")),
    status=st.sampled_from(SessionStatus),
    planned_s=st.none() | st.integers(0, 7200),
    elapsed_s=st.integers(0, 7200),
    temperature_c=st.none() | st.floats(-5, 40, allow_nan=False),
    note=st.none() | NAMES,
)
scores = st.none() | st.integers(1, 7)
pains = st.none() | st.tuples(
    st.text(alphabet="abcdefghij klmn", min_size=1, max_size=12).map(
        lambda s: " ".join(s.split()) or "calf"
    ),
    st.integers(0, 10),
)
wellness_entries = st.builds(
    lambda day, sleep, items, mood, rhr, pain: Wellness(
        day,
        None if sleep is None else sleep / 2,
        *items,
        mood,
        rhr,
        None if pain is None else pain[0],
        None if pain is None else pain[1],
    ),
    DAYS,
    st.none() | st.integers(0, 32),
    st.tuples(scores, scores, scores, scores),
    scores,
    st.none() | st.integers(30, 120),
    pains,
)


@st.composite
def histories(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "week_start": draw(st.sampled_from(WEEKDAYS)),
        "units": draw(st.sampled_from(["km", "mi"])),
        "timezone": draw(st.sampled_from([None, "UTC", "Europe/Berlin", "America/Denver"])),
        "template": draw(week_kinds()),
        "weeks": draw(
            st.lists(
                st.tuples(
                    DAYS,
                    week_kinds(),
                    st.lists(st.none() | st.integers(0, 50_000), min_size=7, max_size=7),
                    st.lists(st.none() | NAMES, min_size=7, max_size=7),
                ),
                max_size=4,
            )
        ),
        "activities": draw(
            st.lists(activities, max_size=12, unique_by=lambda a: a.source_id or id(a))
        ),
        "sessions": draw(st.lists(sessions, max_size=6)),
        "new_items": draw(st.lists(ITEM_NAMES, max_size=3, unique=True)),
        "archive": draw(st.lists(st.integers(0, 8), max_size=3)),
        "moves": draw(st.lists(st.tuples(st.integers(0, 8), st.integers(-3, 3)), max_size=3)),
        "checks": draw(st.lists(st.tuples(DAYS, st.integers(0, 8)), max_size=8)),
        "excused": draw(st.lists(st.tuples(DAYS, NAMES.filter(str.strip)), max_size=3)),
        "checkins": draw(st.lists(DAYS, max_size=8)),
        "wellness": draw(st.lists(wellness_entries, max_size=6, unique_by=lambda w: w.date)),
        "preset": draw(st.booleans()),
    }


def build(store: Store, h: dict[str, Any]) -> None:
    store.set_setting("week_start", h["week_start"])
    store.set_setting("units", h["units"])
    store.set_setting("timezone", h["timezone"])
    store.set_setting("template", [k.value for k in h["template"]])
    for day, kinds, targets, notes in h["weeks"]:
        week = week_of(day, h["week_start"])
        days = tuple(
            PlanDay(on, kind, target, note)
            for on, kind, target, note in zip(week.days, kinds, targets, notes, strict=True)
        )
        store.replace_plan(WeekPlan(week, days).days)
    store.import_activities(h["activities"])
    for session in h["sessions"]:
        store.start_session(session)
    for name in h["new_items"]:
        if name not in {i.name for i in store.nutrition_items(True)}:
            store.add_nutrition_item(name)
    items = store.nutrition_items(include_archived=True)
    for index in h["archive"]:
        store.archive_nutrition_item(items[index % len(items)].id)
    for index, offset in h["moves"]:
        store.move_nutrition_item(items[index % len(items)].id, offset)
    for day, index in h["checks"]:
        store.set_nutrition_check(day, items[index % len(items)].id, True)
    for day, reason in h["excused"]:
        store.excuse_week(week_of(day, h["week_start"]).start, reason)
    for day in h["checkins"]:
        store.check_in(day)
    for entry in h["wellness"]:
        store.save_wellness(entry)
    if h["preset"]:
        store.save_preset(Preset.single("Sauna", "custom", 900, hint="hot"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(histories())
def test_any_history_round_trips_and_imports_idempotently(h: dict[str, Any]) -> None:
    original, restored = Store(memory_db()), Store(memory_db())
    try:
        build(original, h)
        doc = json.loads(dumps_document(export_json(original, EVENING)))

        import_json(restored, doc)
        assert without_stamp(export_json(restored, LATER)) == without_stamp(doc)

        rows = dump(restored)
        assert not import_json(restored, doc).changed
        assert dump(restored) == rows
    finally:
        original.close()
        restored.close()


def test_the_small_fixture_export_is_a_valid_document(fresh: Store) -> None:
    doc = parse_document((FIXTURES / "small_export.json").read_text())
    import_json(fresh, doc)
    assert without_stamp(export_json(fresh, EVENING))["activities"] == doc["activities"]


def test_a_check_of_an_item_gone_since_it_was_checked_is_refused_whole(store: Store) -> None:
    """The document is checked against the store before the write lock is taken; an
    item removed in between is named, and nothing is written (no KeyError)."""
    from tracker.formats.recovtui_json import Restore
    from tracker.services.importing import apply_restore

    restore = Restore(checks=[(TODAY, "Kombucha")], checkins=[TODAY])
    with pytest.raises(ImportProblem, match="'Kombucha' is no longer on the checklist"):
        apply_restore(store, restore, "doc.json")
    assert store.checkins() == set()


def test_a_version_1_export_imports_and_a_day_takes_the_documents_wellness(
    store: Store, fresh: Store
) -> None:
    v1 = parse_document((FIXTURES / "small_export.json").read_text())
    assert v1["version"] == 1 and "wellness" not in v1
    import_json(fresh, v1)
    assert fresh.wellness_between() == {}

    store.save_wellness(Wellness(TODAY, 7.5, 3, 4, 2, 5))
    fresh.save_wellness(Wellness(TODAY, rhr=50))
    fresh.save_wellness(Wellness(TODAY - timedelta(days=1), fatigue=2))  # not in the file
    summary = import_json(fresh, export_json(store, EVENING))
    assert summary.wellness_days == 1
    assert fresh.wellness_between() == {
        TODAY - timedelta(days=1): Wellness(TODAY - timedelta(days=1), fatigue=2),
        TODAY: Wellness(TODAY, 7.5, 3, 4, 2, 5),
    }


def test_a_document_that_only_moves_the_week_start_keeps_the_rule(fresh: Store) -> None:
    """Two rest days at each end of two Monday weeks become three in one Sunday week:
    refused as the Settings screen refuses it, naming the week, and nothing changes."""
    monday = week_of(date.today()).start + timedelta(weeks=1)
    fresh.set_day(monday - timedelta(days=2), DayKind.REST, None, None)
    fresh.set_day(monday - timedelta(days=7), DayKind.EASY, None, None)
    fresh.set_day(monday - timedelta(days=1), DayKind.REST, None, None)
    fresh.set_day(monday + timedelta(days=1), DayKind.REST, None, None)  # and Monday's own
    before = dump(fresh)
    doc = {"format": "recovtui-export", "version": 1, "settings": {"week_start": "sunday"}}
    with pytest.raises(ImportProblem, match=r"would hold 3 rest days with the new week start"):
        import_json(fresh, doc)
    assert dump(fresh) == before
    assert fresh.settings().week_start == "monday"
