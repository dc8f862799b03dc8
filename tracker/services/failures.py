"""What a write that cannot be done right now raises (the screens catch these).

Neither is damage and neither changed anything: the database is busy (another
recovtui is writing to it, a long import) or its disk is full. See
:mod:`tracker.data.failures`.
"""

from __future__ import annotations

from tracker.data.failures import DatabaseBusy, DiskFull, StoreUnavailable

__all__ = ["DatabaseBusy", "DiskFull", "StoreUnavailable"]
