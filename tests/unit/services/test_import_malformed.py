"""A corpus of malformed files: each is rejected whole, with its reason, and nothing changes.

The files live in ``tests/fixtures/exchange/malformed`` (see the README there); what the
command prints for them is checked in ``tests/cli/test_import.py``.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import EVENING
from tests.helpers import memory_db
from tests.unit.services.history import FIXTURES
from tracker.data.db import open_db
from tracker.data.store import Store
from tracker.formats.problems import ImportProblem
from tracker.formats.recovtui_json import parse_document
from tracker.services.exporting import export_json
from tracker.services.importing import ImportRefused, import_files
from tracker.services.restoring import import_json

MALFORMED = FIXTURES / "malformed"

CORPUS = {
    "truncated.json": "truncated.json, line 20: not valid JSON: Expecting ',' delimiter",
    "not_an_object.json": "expected a JSON object, found a list",
    "wrong_type.json": "activities record 2, field 'distance_m': expected a whole number, "
    "found text",
    "nan_distance.json": "NaN is not a number JSON allows",
    "negative_distance.json": "activities record 2, field 'distance_m': negative distance: -500 m",
    "absurd_distance.json": "activities record 1, field 'distance_m': absurd distance: "
    "4200000000 m",
    "impossible_date.json": "activities record 2, field 'date': not a date: '2026-02-30'",
    "bad_started_at.json": "recovery record 1, field 'started_at': not a UTC time",
    "unknown_kind.json": "activities record 1, field 'kind': unknown kind 'jog'",
    "rpe_out_of_range.json": "activities record 1, field 'rpe': not an effort: 11",
    "plan_no_rest.json": "plan record 1, field 'kind': the week of 2026-11-23 would have "
    "0 rest days; the rest-day rule allows 1 or 2",
    "plan_three_rest.json": "the week of 2026-11-23 would have 3 rest days",
    "duplicate_source_id.json": "activities record 3, field 'source_id': duplicate source id "
    "(same as record 2)",
    "duplicate_plan_date.json": "plan record 8, field 'date': duplicate date (same as record 3)",
    "duplicate_checkin.json": "checkins record 2, field 'date': duplicate date",
    "duplicate_key.json": "the key 'distance_m' appears twice",
    "unknown_item.json": "nutrition_checks record 2, field 'item': no nutrition item called 'Beer'",
    "unknown_setting.json": "field 'settings.colour': unknown setting",
    "newer_version.json": "field 'version': written by a newer recovtui (version 3)",
    "empty.json": "empty.json: empty file",
    "empty.csv": "empty.csv: empty file",
    "binary.csv": "binary.csv: binary data, not a text export (named .csv)",
    "negative_distance.csv": "row 1, field 'Distance': negative distance",
    "absurd_distance.csv": "row 3, field 'Distance': absurd distance: 1021 km",
    "impossible_date.csv": "row 1, field 'Activity Date': impossible date",
    "truncated_row.csv": "row 1: truncated row",
}


def test_the_corpus_covers_every_file() -> None:
    assert set(CORPUS) == {p.name for p in MALFORMED.iterdir() if p.name != "README.md"}


@pytest.fixture
def populated(store: Store) -> Store:
    import_json(store, parse_document((FIXTURES / "small_export.json").read_text()))
    import_files(store, [FIXTURES / "strava_activities.csv"], "UTC")
    return store


def rows(store: Store) -> list[str]:
    return list(store.db.conn.iterdump())


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_malformed_file_is_rejected_with_its_reason_and_nothing_changes(
    populated: Store, name: str
) -> None:
    before = rows(populated)
    good = FIXTURES / "garmin_activities.csv"

    with pytest.raises(ImportRefused, match="nothing was imported") as refused:
        import_files(populated, [good, MALFORMED / name], "UTC")

    assert CORPUS[name] in str(refused.value)
    assert rows(populated) == before  # not even the good file went in


@pytest.mark.parametrize("name", sorted(n for n in CORPUS if n.endswith(".json")))
def test_import_json_names_the_first_problem(populated: Store, name: str) -> None:
    before = rows(populated)
    with pytest.raises(ImportProblem) as caught:
        import_json(populated, parse_document((MALFORMED / name).read_text(), name), name)
    assert CORPUS[name].split(": ")[-1] in str(caught.value)
    assert rows(populated) == before


def test_every_bad_file_is_named_not_only_the_first(populated: Store) -> None:
    names = ["wrong_type.json", "binary.csv", "plan_no_rest.json"]
    with pytest.raises(ImportRefused, match="3 files above") as refused:
        import_files(populated, [MALFORMED / n for n in names], "UTC")
    named = "\n".join(str(problem) for problem in refused.value.problems)
    assert all(CORPUS[n] in named for n in names)


def test_duplicate_csv_rows_are_counted_not_added_twice(store: Store) -> None:
    lines = import_files(store, [FIXTURES / "duplicate_rows.csv"], "UTC")
    assert lines == [
        "duplicate_rows.csv (Strava CSV): 1 added, 0 already imported, 1 skipped (1 duplicate row)"
    ]
    assert len(store.all_activities()) == 1


def test_a_rule_problem_found_while_writing_rolls_everything_back(tmp_path: Path) -> None:
    """Two documents that are each fine but break a week together: nothing is kept."""
    store = Store(open_db(tmp_path / "x.db"))
    head = {"format": "recovtui-export", "version": 1}
    # with the template's Monday rest day, each makes two rest days; together three
    first = dict(head, plan=[{"date": "2026-11-26", "kind": "rest"}])
    second = dict(head, plan=[{"date": "2026-11-25", "kind": "rest"}])
    paths = []
    for name, doc in (("a.json", first), ("b.json", second)):
        paths.append(tmp_path / name)
        paths[-1].write_text(json.dumps(doc))
    csv_path = FIXTURES / "strava_activities.csv"
    before = export_json(store, EVENING)

    with pytest.raises(ImportRefused, match=r"b\.json.*3 rest days.*nothing was imported"):
        import_files(store, [csv_path, *paths], "UTC")

    assert export_json(store, EVENING) == before
    store.close()


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=6,
)
SMALL = parse_document((FIXTURES / "small_export.json").read_text())


@st.composite
def broken_documents(draw: st.DrawFn) -> dict[str, Any]:
    doc = copy.deepcopy(SMALL)
    for _ in range(draw(st.integers(1, 3))):
        section = draw(st.sampled_from(list(doc)))
        value = doc[section]
        if isinstance(value, list) and value and draw(st.booleans()):
            index = draw(st.integers(0, len(value) - 1))
            record = value[index]
            if isinstance(record, dict):
                key = draw(st.sampled_from([*record, "extra"]))
                record[key] = draw(JSON_VALUES)
            else:
                value[index] = draw(JSON_VALUES)
        elif isinstance(value, dict) and value:
            value[draw(st.sampled_from([*value, "extra"]))] = draw(JSON_VALUES)
        else:
            doc[section] = draw(JSON_VALUES)
    return doc


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(broken_documents())
def test_any_broken_document_is_refused_cleanly_or_imported_whole(doc: dict[str, Any]) -> None:
    store = Store(memory_db())
    before = rows(store)
    try:
        import_json(store, doc)
    except ImportProblem as exc:
        assert str(exc).startswith("document")
        assert rows(store) == before
    else:
        assert rows(store) != before or not doc.get("activities")
    finally:
        store.close()
