"""The palette's commands that ask first: export, import, backup, jump to a week.

Each is a short dialog flow run in a worker of the app (``push_screen_wait``).
A served app never runs the file ones (``FILE_ACTIONS`` in :mod:`tracker.app`).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from tracker.domain.dates import ParseError, parse_date
from tracker.screens.modals.confirm import TextPromptDialog

if TYPE_CHECKING:
    from tracker.screens.global_actions import GlobalActions as RecovApp


async def export_flow(app: RecovApp) -> None:
    today = app.clock.today()

    def write(text: str) -> str | None:
        from pathlib import Path

        try:
            file_format = app.services.files.export_to(Path(text))
        except ValueError as exc:
            return str(exc)
        except OSError as exc:
            return f"cannot write {text} ({exc.strerror or exc})"
        app.notify(f"Exported {file_format.upper()} to {text}", markup=False)
        return None

    await app.push_screen_wait(
        TextPromptDialog(
            "Export to a new file (.json everything, .csv runs, .ics the plan)",
            placeholder="e.g. ~/recovtui.json",
            value=f"~/recovtui-{today:%Y-%m-%d}.json",
            check=lambda text: write(text) if text else "Name the file",
        )
    )


async def import_flow(app: RecovApp) -> None:
    path = await app.push_screen_wait(
        TextPromptDialog(
            "Import a file, folder or archive (Strava, Garmin, GPX, TCX, FIT, recovtui)",
            placeholder="e.g. ~/Downloads/export_12345.zip",
            check=lambda text: None if text else "Name the file or folder",
        )
    )
    if not path:
        return
    app.notify(f"Importing {path} …", markup=False)
    imported, summary = app.services.welcome.import_history(path)
    app.notify(
        summary,
        title="Imported" if imported else "Not imported",
        severity="information" if imported else "error",
        markup=False,
    )


def back_up(app: RecovApp) -> None:
    try:
        target = app.services.files.back_up()
    except (ValueError, OSError) as exc:
        app.notify(str(exc), title="No backup made", severity="error", markup=False)
        return
    app.notify(f"Backed up to {target}", markup=False)


async def jump_to_week_flow(app: RecovApp) -> None:
    today = app.clock.today()
    chosen: list[date] = []

    def read(text: str) -> str | None:
        try:
            chosen.append(parse_date(text, today))
        except ParseError as exc:
            return str(exc)
        return None

    answer = await app.push_screen_wait(
        TextPromptDialog(
            "Jump to the week of…", placeholder="YYYY-MM-DD, today, a weekday", check=read
        )
    )
    if answer and chosen:
        await app.switch_mode("week")
        show = getattr(app.screen, "show_day", None)
        if show is not None:
            show(chosen[-1])
