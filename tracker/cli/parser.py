"""Every command's options (argparse), and the lean parser ``status`` takes."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import NoReturn

from tracker import __version__
from tracker.cli.errors import UsageError


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see {self.prog} --help)")


def _global_options(parser: argparse.ArgumentParser, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=default,
        help="the database file (default: $RECOVTUI_DB or the user data dir)",
    )
    parser.add_argument(
        "--today", metavar="DATE", default=default, help="pretend today is DATE (YYYY-MM-DD)"
    )


def _timer(timer: argparse.ArgumentParser) -> None:
    timer.add_argument("preset", help="ice-bath, foam-roller, feet-up or a custom preset's name")
    timer.add_argument("--duration", metavar="D", help="run for D instead (e.g. 3s, 12m)")


def _log(log: argparse.ArgumentParser) -> None:
    log.add_argument("date", nargs="?", default="today", metavar="DATE")
    log.add_argument(
        "--kind", required=True, metavar="K", help="easy, workout, long, race or cross"
    )
    log.add_argument("--distance", required=True, metavar="D")
    log.add_argument("--duration", metavar="D")
    log.add_argument("--rpe", metavar="N", help="effort 1–10")
    log.add_argument("--note", metavar="T", default="")


def _plan(plan: argparse.ArgumentParser) -> None:
    plan.add_argument(
        "--week", metavar="DATE", default="today", help="any day of the week to print"
    )
    plan.add_argument("words", nargs="*", metavar="set DATE KIND", help=argparse.SUPPRESS)


def _json(report: argparse.ArgumentParser) -> None:
    report.add_argument("--json", action="store_true")


def _export(export: argparse.ArgumentParser) -> None:
    export.add_argument("--format", choices=("json", "csv", "ics"), default="json")
    export.add_argument("--output", metavar="FILE")
    export.add_argument("--force", action="store_true", help="overwrite an existing file")


def _import(imp: argparse.ArgumentParser) -> None:
    imp.add_argument("files", nargs="*", metavar="FILE")
    imp.add_argument(
        "--watched", action="store_true", help="also import the new files of the watched folders"
    )


def _backup(backup: argparse.ArgumentParser) -> None:
    backup.add_argument("--output", metavar="FILE")


def _watch(watch: argparse.ArgumentParser) -> None:
    watch.add_argument("action", choices=("add", "list", "remove"))
    watch.add_argument("folder", nargs="?", metavar="DIR")


def _serve(serve: argparse.ArgumentParser) -> None:
    serve.add_argument(
        "--host", default="127.0.0.1", metavar="H", help="address to listen on (0.0.0.0: all)"
    )
    serve.add_argument("--port", type=int, default=8000, metavar="P", help="port (default 8000)")
    serve.add_argument(
        "--demo", action="store_true", default=argparse.SUPPRESS, help="serve a new demo database"
    )


def _checkin(checkin: argparse.ArgumentParser) -> None:
    from tracker.cli.checkin import add_options

    add_options(checkin)


COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    "timer": ("open straight on a running timer", _timer),
    "log": ("log a run or another activity", _log),
    "plan": ("print a week's plan, or change a day (plan set DATE KIND)", _plan),
    "status": ("one line for a shell prompt", _json),
    "stats": ("streaks, load and warnings", _json),
    "export": ("export everything (json), runs (csv) or the plan (ics)", _export),
    "import": (
        "import recovtui JSON, Strava/Garmin CSV, GPX, TCX or FIT files, "
        "or a whole Strava/Garmin export (.zip or its folder)",
        _import,
    ),
    "backup": ("copy the database safely", _backup),
    "watch": ("folders whose new activity files are imported at every start", _watch),
    "serve": ("serve the app to a browser (a phone at the ice bath)", _serve),
    "checkin": ("check a day in, with how it felt (sleep, Hooper items, pain)", _checkin),
}
"""Each command's one-line help, and what adds its options."""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line. With ``only``, the command named on the line, every
    command is still listed but only that one gets its options (the others' are
    a start's milliseconds that would parse nothing)."""
    parser = Parser(
        prog="recovtui",
        description="Recover as hard as you train: a terminal app for runners.",
        epilog="Dates: today, yesterday, YYYY-MM-DD or a weekday. Distances: 10, 10km, "
        "6.2mi, 800m. Durations: 50m, 50:00, 1:05:30, 90s, 1h5m.",
    )
    parser.add_argument("--version", action="version", version=f"recovtui {__version__}")
    _global_options(parser, suppress=False)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a fresh database filled with six months of history",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    every = only not in COMMANDS
    for name, (help, add_options) in COMMANDS.items():
        sub = commands.add_parser(name, help=help, description=help)
        if every or name == only:
            _global_options(sub, suppress=True)
            add_options(sub)
    return parser


def build_status_parser() -> argparse.ArgumentParser:
    """Just what ``status`` takes: building every command's parser costs a prompt ~12 ms."""
    parser = Parser(prog="recovtui status", description="One line for a shell prompt.")
    _global_options(parser, suppress=False)
    parser.add_argument("status", choices=["status"], help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true")
    return parser
