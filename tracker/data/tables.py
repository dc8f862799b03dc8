"""sqlite-utils' table API over the store's own connection, built on the first write.

Reading needs only sqlite3 (:class:`tracker.data.connection.StoreDatabase`), so a
start that only reads, as the first evening screen does, never imports sqlite-utils
(with click, pluggy and gettext, some 40-60 ms of a start). Every transaction
sqlite-utils opens is the store's (:meth:`StoreDatabase.atomic`): the write lock
first, one clear failure.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import Protocol

from sqlite_utils import Database


class Owner(Protocol):
    """What the tables need of their connection (:class:`~.connection.StoreDatabase`)."""

    conn: sqlite3.Connection

    def atomic(self) -> AbstractContextManager[object]: ...

    def close(self) -> None: ...


class Tables(Database):
    """sqlite-utils' Database on ``owner``'s connection, its transactions the owner's."""

    def __init__(self, owner: Owner) -> None:
        # The owner set recursive_triggers when it connected: nothing is run here, so
        # this can be built inside an open transaction.
        super().__init__(owner.conn, recursive_triggers=False, execute_plugins=False)
        self._owner = owner

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        with self._owner.atomic():
            yield self

    def close(self) -> None:
        self._owner.close()
