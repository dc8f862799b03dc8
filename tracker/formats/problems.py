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


class LimitExceeded(ImportProblem):
    """A file past the limits of :mod:`tracker.formats.limits`: a bomb, or no file of a runner's.

    Inside an archive it refuses the whole archive, where a merely broken member
    is skipped and counted.
    """


@dataclass
class ImportResult:
    """The runs found in one file, and how many records were left out and why."""

    kind: str
    activities: list[Activity]
    skipped: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    """What the summary line adds about the file: ``truncated: imported what it holds``."""


def join_notes(*parts: str) -> str:
    """An activity's note with more added: ``Cruise miles; truncated``."""
    return "; ".join(part for part in parts if part)
