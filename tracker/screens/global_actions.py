"""The app's global actions: the keys every screen shares and the palette's commands.

A mixin of :class:`tracker.app.RecovApp` (it keeps ``app.py`` to the app's
life: modes, the day, the data, leaving).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import App

if TYPE_CHECKING:
    from tracker.domain.clock import Clock
    from tracker.services.bundle import Services


class GlobalActions(App[None]):
    """Log a run and check in from anywhere, undo, jump to a week, the file commands."""

    services: Services
    clock: Clock

    async def _on_today(self, action: str) -> None:
        await self.switch_mode("today")
        await self.screen.run_action(action)

    @work(group="global")
    async def action_log_run(self) -> None:
        """Log a run, from any screen: Today's run form."""
        await self._on_today("log_run")

    @work(group="global")
    async def action_check_in(self) -> None:
        await self._on_today("check_in")

    def action_undo(self) -> None:
        """Undo the last change made in this session, saying what it was."""
        what = self.services.undo.undo()
        if what is None:
            self.notify("Nothing to undo in this session")
        else:
            self.notify(f"Undone: {what}", markup=False)

    @work(group="global")
    async def action_jump_to_week(self) -> None:
        from tracker.screens.file_flows import jump_to_week_flow

        await jump_to_week_flow(self)

    @work(group="global")
    async def action_export(self) -> None:
        from tracker.screens.file_flows import export_flow

        await export_flow(self)

    @work(group="global")
    async def action_import_files(self) -> None:
        from tracker.screens.file_flows import import_flow

        await import_flow(self)

    def action_backup(self) -> None:
        from tracker.screens.file_flows import back_up

        back_up(self)
