"""Every service of the app, made once per store and clock, each when it is first asked for.

The first screen needs two of the six (Today: check-ins and the plan), so the
others and their modules (the timer's countdown and presets, the stats page,
settings, the welcome) are imported only when a screen or key needs them.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from tracker.data.store import Store
from tracker.domain.clock import Clock

if TYPE_CHECKING:
    from tracker.services.checkin import CheckinService
    from tracker.services.exporting import FileService
    from tracker.services.history import HistoryService
    from tracker.services.insights import StatsService
    from tracker.services.planning import PlanningService
    from tracker.services.preferences import SettingsService
    from tracker.services.timer_session import TimedSession, TimerService
    from tracker.services.undo import UndoLog
    from tracker.services.welcome import WelcomeService


class Services:
    def __init__(self, store: Store, clock: Clock, *, served: bool = False) -> None:
        self.store = store
        self.clock = clock
        self.served = served

    @classmethod
    def of(cls, store: Store, clock: Clock, *, served: bool = False) -> Services:
        """The app's services; ``served`` (a browser) may not set a command to run.
        Every change they make for the runner goes into one undo log."""
        return cls(store, clock, served=served)

    @cached_property
    def checkin(self) -> CheckinService:
        from tracker.services.checkin import CheckinService

        return CheckinService(self.store, self.clock, self.undo)

    @cached_property
    def planning(self) -> PlanningService:
        from tracker.services.planning import PlanningService

        return PlanningService(self.store, self.clock, self.undo)

    @cached_property
    def timer(self) -> TimerService:
        from tracker.services.timer_session import TimerService

        return TimerService(self.store, self.clock)

    def timed(self) -> TimedSession | None:
        """The session on the clock in this process, if any (none while the timer's service
        was never asked for, and so without importing it)."""
        return self.timer.timed if "timer" in self.__dict__ else None

    @cached_property
    def stats(self) -> StatsService:
        from tracker.services.insights import StatsService

        return StatsService(self.store)

    @cached_property
    def settings(self) -> SettingsService:
        from tracker.services.preferences import SettingsService

        return SettingsService(self.store, self.clock, commands_allowed=not self.served)

    @cached_property
    def welcome(self) -> WelcomeService:
        from tracker.services.welcome import WelcomeService

        return WelcomeService(self.store, self.clock)

    @cached_property
    def undo(self) -> UndoLog:
        from tracker.services.undo import UndoLog

        return UndoLog(self.store)

    @cached_property
    def history(self) -> HistoryService:
        from tracker.services.history import HistoryService

        return HistoryService(self.store, self.clock, self.checkin)

    @cached_property
    def files(self) -> FileService:
        from tracker.services.exporting import FileService

        return FileService(self.store, self.clock)
