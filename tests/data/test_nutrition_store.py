"""Nutrition items in the store: add, rename, reorder, archive — history stays (DESIGN §6)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.conftest import TODAY
from tracker.data.store import Store
from tracker.domain.nutrition import DEFAULT_ITEMS, completion


def names(store: Store, include_archived: bool = False) -> list[str]:
    return [item.name for item in store.nutrition_items(include_archived)]


def item_id(store: Store, name: str) -> int:
    return next(item.id for item in store.nutrition_items(True) if item.name == name)


def test_a_new_database_has_the_default_items_in_order(store: Store) -> None:
    assert names(store) == list(DEFAULT_ITEMS)


def test_add_puts_the_item_last_with_a_clean_name(store: Store) -> None:
    item = store.add_nutrition_item("  Tart   cherry juice ")
    assert item.name == "Tart cherry juice"
    assert names(store)[-1] == "Tart cherry juice"


@pytest.mark.parametrize(
    ("name", "message"),
    [("", "needs a name"), ("   ", "needs a name"), ("x" * 61, "under 60"), ("Protein", "already")],
)
def test_a_bad_name_is_refused_and_nothing_changes(store: Store, name: str, message: str) -> None:
    before = store.nutrition_items(True)
    with pytest.raises(ValueError, match=message):
        store.add_nutrition_item(name)
    assert store.nutrition_items(True) == before


def test_rename_keeps_the_checks(store: Store) -> None:
    protein = item_id(store, "Protein")
    store.set_nutrition_check(TODAY, protein, True)
    store.rename_nutrition_item(protein, "Protein (30 g)")
    assert "Protein (30 g)" in names(store)
    assert protein in store.nutrition_checks(TODAY, TODAY)[TODAY]


def test_rename_to_an_existing_name_is_refused(store: Store) -> None:
    protein = item_id(store, "Protein")
    with pytest.raises(ValueError, match="already"):
        store.rename_nutrition_item(protein, "Hydration")
    assert "Protein" in names(store)
    store.rename_nutrition_item(protein, "Protein")  # its own name is fine


def test_move_up_and_down_and_not_past_the_ends(store: Store) -> None:
    hydration = item_id(store, "Hydration")
    store.move_nutrition_item(hydration, -1)
    assert names(store)[-2:] == ["Hydration", "Complex carbohydrates"]
    store.move_nutrition_item(hydration, -99)
    assert names(store)[0] == "Hydration"
    store.move_nutrition_item(hydration, -1)
    assert names(store)[0] == "Hydration"
    store.move_nutrition_item(hydration, 1)
    assert names(store)[:2] == ["Antioxidants", "Hydration"]


def test_archive_hides_the_item_and_keeps_its_history(store: Store) -> None:
    protein = item_id(store, "Protein")
    days = [TODAY - timedelta(days=i) for i in range(3)]
    for day in days:
        store.set_nutrition_check(day, protein, True)
    store.archive_nutrition_item(protein)
    assert "Protein" not in names(store)
    assert "Protein" in names(store, include_archived=True)
    checks = store.nutrition_checks(days[-1], days[0])
    assert all(protein in checks[day] for day in days)
    items = store.nutrition_items()
    assert completion(items, checks[TODAY]) == (0, 3)

    store.archive_nutrition_item(protein, archived=False)
    assert "Protein" in names(store)
    assert completion(store.nutrition_items(), checks[TODAY]) == (1, 4)


def test_an_archived_name_cannot_be_added_twice(store: Store) -> None:
    store.archive_nutrition_item(item_id(store, "Protein"))
    with pytest.raises(ValueError, match="already"):
        store.add_nutrition_item("Protein")


def test_toggle_check(store: Store) -> None:
    protein = item_id(store, "Protein")
    assert store.toggle_nutrition_check(TODAY, protein) is True
    assert store.toggle_nutrition_check(TODAY, protein) is False
    assert store.nutrition_checks(TODAY, TODAY) == {}
