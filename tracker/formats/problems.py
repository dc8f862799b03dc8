"""What an import found in one file: its runs, or the first problem that rejects it whole."""

from __future__ import annotations

from dataclasses import dataclass, field

from tracker.domain.activity import Activity


class ImportProblem(ValueError):
    """Why a file cannot be imported: the file, where in it, and what is wrong."""

    def __init__(
        self,
        file: str,
        message: str,
        *,
        row: int | None = None,
        field: str | None = None,
        unit: str = "row",
    ) -> None:
        self.file = file
        self.row = row
        self.field = field
        self.message = message
        self.unit = unit
        super().__init__(self._describe())

    def _describe(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"{self.unit} {self.row}")
        if self.field is not None:
            where.append(f"field {self.field!r}")
        return f"{', '.join(where)}: {self.message}"

    def __str__(self) -> str:
        return self._describe()


@dataclass
class ImportResult:
    """The runs found in one file, and how many records were left out and why."""

    kind: str
    activities: list[Activity]
    skipped: dict[str, int] = field(default_factory=dict)
