"""The evening's dialogs on Today: the run form, the check-in, and the backfill of
missed evenings (each a loop of ``push_screen_wait`` in a worker).

:class:`EveningDialogs` is the part of :class:`tracker.screens.today.TodayScreen`
that asks; the screen shows the day and hands these the keys.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual import work

from tracker.domain.activity import Activity
from tracker.domain.text import plural
from tracker.domain.units import format_distance
from tracker.domain.wellness import Wellness
from tracker.screens.base import RecovScreen
from tracker.services.checkin import CheckinService, TodayReport

if TYPE_CHECKING:  # the dialogs are imported when first opened, not before Today's first frame
    from tracker.screens.modals.checkin_form import CheckinForm
    from tracker.screens.modals.run_form import LogRunForm


class EveningDialogs(RecovScreen):
    """The dialogs of the evening, on the screen's check-in service and report."""

    checkin: CheckinService
    report: TodayReport | None

    def _run_form(self, day: date, activity: Activity | None = None) -> LogRunForm:
        from tracker.screens.modals.run_form import LogRunForm

        def save(new: Activity) -> str | None:
            self.checkin.save_run(new)
            return None

        planned = self.checkin.run_prefill(day) if activity is None else None
        return LogRunForm(day, self.checkin.units(), save, activity, planned)

    def _say_logged(self, logged: Activity) -> None:
        distance = format_distance(logged.distance_m, self.checkin.units())
        notice = self.checkin.rest_day_notice(logged)
        said = f"Logged {logged.kind.label.lower()} {distance}" + (f". {notice}" if notice else "")
        self.notify(said, severity="warning" if notice else "information")

    def _check_in_form(self, day: date, brief: bool = False) -> CheckinForm:
        """The check-in form of ``day`` (``brief``: the short one of a missed evening)."""
        from tracker.screens.modals.checkin_form import BriefCheckinForm, CheckinForm

        form = BriefCheckinForm if brief else CheckinForm

        def save(entry: Wellness) -> str | None:
            self.checkin.check_in(day, entry)
            return None

        undo = not brief and self.checkin.is_checked_in(day)
        return form(day, save, self.checkin.wellness_on(day), undo=undo)

    @work(group="today-dialog")
    async def action_check_in(self) -> None:
        from tracker.screens.modals.checkin_form import SAVED, UNDO

        today = self.today
        was_checked_in = self.checkin.is_checked_in(today)
        answer = await self.app.push_screen_wait(self._check_in_form(today))
        if answer == UNDO:
            self.checkin.undo_check_in(today)
            self.notify("Check-in undone")
        if answer != SAVED or was_checked_in:
            return
        if self.report is not None and self.report.runs:
            self.notify("Checked in. Well done today.", title=f"{today:%a %-d %b}")
        else:
            self.notify(
                "No run logged, so today counts as a rest day. Forgot one? l logs it.",
                title=f"Checked in {today:%a %-d %b}",
            )

    # Backfill

    @work(exclusive=True, group="backfill")
    async def action_backfill(self) -> None:
        """Walk through the missed evenings, one dialog each."""
        await self.walk_missed(list(self.report.missed) if self.report else [])

    async def walk_missed(self, days: list[date]) -> None:
        """The backfill of ``days``, oldest first (a plain coroutine: the worker above
        runs it; tests answer its dialogs with a stand-in app)."""
        from tracker.screens.modals.backfill import CONFIRM, REST, RUN, SKIP, BackfillDialog

        if not days:
            self.notify("Every evening is checked in")
            return
        done = index = 0
        units = self.checkin.units()
        while index < len(days):
            day = days[index]
            missed = self.checkin.missed_day(day)
            answer = await self.app.push_screen_wait(
                BackfillDialog(missed, units, (index + 1, len(days)))
            )
            if answer == RUN:
                logged = await self.app.push_screen_wait(self._run_form(day))
                if logged is None:
                    continue  # the form was closed: ask about the same evening again
                self._say_logged(logged)
                await self._check_in_missed(day)
                done += 1
            elif answer in (REST, CONFIRM):
                await self._check_in_missed(day)
                done += 1
            elif answer != SKIP:
                if done:
                    self.notify(f"{plural(done, 'evening')} checked in")
                return
            index += 1
        self.notify(f"All caught up: {done} of {len(days)} evenings checked in")

    async def _check_in_missed(self, day: date) -> None:
        """Ask briefly how the day felt; it is checked in whether answered or skipped."""
        if await self.app.push_screen_wait(self._check_in_form(day, brief=True)) is None:
            self.checkin.check_in(day)
