"""The nutrition checklist (docs/recovery.md)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

DEFAULT_ITEMS = (
    "Antioxidants (berries)",
    "Green shake",
    "Protein",
    "Complex carbohydrates",
    "Recovery snack within 60 min of a run",
    "Hydration",
)

MAX_NAME_LENGTH = 60


@dataclass(frozen=True, slots=True)
class NutritionItem:
    id: int
    name: str
    position: int
    archived: bool = False


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
