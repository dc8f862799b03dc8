"""Two ``recovtui plan set`` at once on different days of one week lose nothing
(DESIGN §2, §9): before, one of the two changes was lost in 7 rounds of 10.

Each writer is a process of its own running recovtui's entry point: forked from
the test (so none pays Python's start-up again), with its own connection.
"""

from __future__ import annotations

import os
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from tracker.__main__ import main
from tracker.data.db import open_db
from tracker.data.store import Store
from tracker.domain.kinds import DayKind

ROUNDS = 20
FIRST_MONDAY = date(2026, 1, 5)
TODAY = "2026-01-01"  # every week of the test is still to come: it may be planned

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


def plan_set(db: Path, day: date, kind: str) -> int:
    """``recovtui plan set DAY KIND --db DB`` in a new process; its pid."""
    pid = os.fork()
    if pid == 0:  # the child: run the command, never return into pytest
        code = 70
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            argv = ["plan", "set", day.isoformat(), kind, "--db", str(db), "--today", TODAY]
            code = main(argv)
        finally:
            os._exit(code)
    return pid


def exit_code(pid: int) -> int:
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


@pytest.mark.slow
def test_two_plan_sets_at_once_both_land_every_time(tmp_path: Path) -> None:
    """Each round is a week never planned, so both writers fill it from the template."""
    db = tmp_path / "recovtui.db"
    Store(open_db(db)).close()
    sys.stdout.flush()
    sys.stderr.flush()
    for round_ in range(ROUNDS):
        monday = FIRST_MONDAY + timedelta(weeks=round_)
        both = [
            plan_set(db, monday + timedelta(days=1), "cross"),
            plan_set(db, monday + timedelta(days=3), "workout"),
        ]
        assert [exit_code(pid) for pid in both] == [0, 0], f"round {round_}"
    store = Store(open_db(db))
    try:
        for round_ in range(ROUNDS):
            monday = FIRST_MONDAY + timedelta(weeks=round_)
            days = store.plan_days(monday, monday + timedelta(days=6))
            kinds = [days[monday + timedelta(days=i)].kind for i in range(7)]
            assert (kinds[1], kinds[3]) == (DayKind.CROSS, DayKind.WORKOUT), f"round {round_}"
    finally:
        store.close()
