"""A compact choice of plan kind (the week template, tomorrow's plan, the welcome), its
list of kinds built when it first opens (:mod:`tracker.widgets.lazy_select`)."""

from __future__ import annotations

from textual.widgets import Select

from tracker.domain.kinds import DayKind
from tracker.widgets.lazy_select import LazySelect


def kind_select(widget_id: str, value: DayKind | None = None) -> Select[DayKind]:
    """The plan kinds by label; ``value`` chosen (else the first, rest)."""
    options = [(kind.label, kind) for kind in DayKind]
    if value is None:
        return LazySelect(options, allow_blank=False, compact=True, id=widget_id)
    return LazySelect(options, value=value, allow_blank=False, compact=True, id=widget_id)
