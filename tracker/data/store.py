"""The Store: the only place that reads or writes rows.

Every method takes and returns domain objects. Writes that touch more than one
row run inside :meth:`Store.transaction` (``db.atomic()`` holding the write lock).
The methods are grouped by table in the store's parts (plan, activities,
sessions, nutrition, claims, watched folders, wellness); :class:`Store` is all
of them on one database.
"""

from __future__ import annotations

from tracker.data.activity_store import ActivityStore
from tracker.data.claims import ClaimStore
from tracker.data.nutrition_store import NutritionStore
from tracker.data.plan_store import PlanStore
from tracker.data.session_store import SessionStore
from tracker.data.snapshots import SnapshotStore
from tracker.data.watch_store import WatchStore
from tracker.data.wellness_store import WellnessStore


class Store(
    PlanStore,
    ActivityStore,
    SessionStore,
    NutritionStore,
    ClaimStore,
    WatchStore,
    SnapshotStore,
    WellnessStore,
):
    """The database of one runner, read and written as domain objects."""

    def close(self) -> None:
        for session_id in list(self._claims):
            self.release_session(session_id)
        for before, _after in self._close_listeners:
            before()
        self.db.close()
        for _before, after in self._close_listeners:
            after()


class ReadOnlyStore(Store):
    """The store of a command that only looks, on a database opened read-only.

    Reading never writes, so nothing it shows needs a write; any write raises
    :class:`tracker.data.failures.OpenedReadOnly`.
    """
