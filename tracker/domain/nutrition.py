"""The nutrition checklist (docs/recovery.md)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

DEFAULT_ITEMS = ("Antioxidants", "Protein", "Complex carbohydrates", "Hydration")
"""The checklist of a new database (0002_defaults); a database made before keeps its
own. No "within 60 min" item: daily totals matter most (docs/recovery.md)."""
NOTES = {
    "Antioxidants": "berries, green shakes",
    "Protein": "20–40 g a meal",
    "Complex carbohydrates": "most when you train again within ~8 h",
}
"""What the default items mean, shown beside them while they keep their names."""

MAX_NAME_LENGTH = 60


@dataclass(frozen=True, slots=True)
class NutritionItem:
    id: int
    name: str
    position: int
    archived: bool = False


def item_note(name: str) -> str:
    """The note of a default item (none for an item of the runner's own)."""
    return NOTES.get(name, "")


def clean_item_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValueError("An item needs a name")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise ValueError(f"Keep item names under {MAX_NAME_LENGTH} characters")
    return cleaned


def completion(items: Sequence[NutritionItem], checked: Collection[int]) -> tuple[int, int]:
    """(checked, total) over the active items."""
    active = [item for item in items if not item.archived]
    return sum(1 for item in active if item.id in checked), len(active)
