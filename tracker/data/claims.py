"""Which process is timing a session: an OS lock on a file beside the database."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from tracker.data.store_base import StoreBase


class ClaimStore(StoreBase):
    def claim_session(self, session_id: int) -> bool:
        """Mark a session as timed by this process; False while another process times it.

        The claim is an OS lock on a file beside the database, so a process that
        crashes loses it at once: a running session that can be claimed is one
        nobody is timing any more, and a second window never offers a live one.
        """
        path = self._claim_path(session_id)
        if session_id in self._claims or path is None:
            return True
        try:
            import fcntl
        except ImportError:  # no flock (Windows): every claim succeeds
            return True
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:  # no lock file, no claims: behave as a lone process
            return True
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._claims[session_id] = fd
        return True

    def claimed(self, session_id: int) -> bool:
        """Whether a process (this one or another) is timing the session now.

        A running row nobody claims is one a crash or "Later" left: unfinished,
        not running.
        """
        if session_id in self._claims:
            return True
        path = self._claim_path(session_id)
        if path is None:
            return False
        try:
            import fcntl
        except ImportError:  # no flock: no claims
            return False
        try:
            fd = os.open(path, os.O_RDWR)
        except OSError:  # no lock file: nobody has claimed it
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        finally:
            os.close(fd)  # closing lets go of a lock taken just now
        return False

    def release_session(self, session_id: int) -> None:
        fd = self._claims.pop(session_id, None)
        if fd is None:
            return
        path = self._claim_path(session_id)
        if path is not None:
            with contextlib.suppress(OSError):
                path.unlink()
        os.close(fd)

    def _claim_path(self, session_id: int) -> Path | None:
        """The lock file of a session; None for an in-memory database."""
        files = [row[2] for row in self.db.execute("PRAGMA database_list") if row[1] == "main"]
        return Path(f"{files[0]}.session-{session_id}.lock") if files and files[0] else None
