"""Every service of the app, made once per store and clock."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.data.store import Store
from tracker.domain.clock import Clock
from tracker.services.checkin import CheckinService
from tracker.services.exporting import FileService
from tracker.services.history import HistoryService
from tracker.services.insights import StatsService
from tracker.services.planning import PlanningService
from tracker.services.preferences import SettingsService
from tracker.services.timer_session import TimerService
from tracker.services.undo import UndoLog
from tracker.services.welcome import WelcomeService


@dataclass(frozen=True, slots=True)
class Services:
    checkin: CheckinService
    planning: PlanningService
    timer: TimerService
    stats: StatsService
    settings: SettingsService
    welcome: WelcomeService
    history: HistoryService
    undo: UndoLog
    files: FileService

    @classmethod
    def of(cls, store: Store, clock: Clock, *, served: bool = False) -> Services:
        """The app's services; ``served`` (a browser) may not set a command to run.
        Every change they make for the runner goes into one undo log."""
        undo = UndoLog(store)
        checkin = CheckinService(store, clock, undo)
        return cls(
            checkin=checkin,
            planning=PlanningService(store, clock, undo),
            timer=TimerService(store, clock),
            stats=StatsService(store),
            settings=SettingsService(store, clock, commands_allowed=not served),
            welcome=WelcomeService(store, clock),
            history=HistoryService(store, clock, checkin),
            undo=undo,
            files=FileService(store, clock),
        )
