"""The command line: see README.md for every command.

Nothing is imported up front: each command imports what it needs, so that
``status`` stays fast enough for a shell prompt (read without even argparse, when
it is written the way a prompt writes it) and only the TUI loads Textual.
"""

from __future__ import annotations

import errno
import sys
from types import SimpleNamespace
from typing import TYPE_CHECKING

from tracker.cli.errors import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, Failure, UsageError

if TYPE_CHECKING:
    from collections.abc import Sequence


def command_word(argv: Sequence[str]) -> str | None:
    """The command named on the line, looking past the global options."""
    tokens = iter(argv)
    for token in tokens:
        if token in ("--db", "--today"):
            next(tokens, None)
        elif not token.startswith("-"):
            return token
    return None


def plain_status(words: Sequence[str]) -> SimpleNamespace | None:
    """``[--db PATH] [--today DATE] status [--json]`` in any order, read without argparse
    (which, with the gettext, locale and shutil it loads, is a fifth of a prompt's
    time); anything else is None, and argparse reads it, its messages and all."""
    options: dict[str, str | bool | None] = {"db": None, "today": None, "json": False}
    named = False
    tokens = iter(words)
    for token in tokens:
        if token in ("--db", "--today"):
            value = next(tokens, None)
            if value is None or value.startswith("-"):
                return None
            options[token[2:]] = value
        elif token == "--json":
            options["json"] = True
        elif token == "status" and not named:
            named = True
        else:
            return None
    return SimpleNamespace(**options) if named else None


def run(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    if command_word(words) == "status":
        from tracker.cli.status import run_status

        plain = plain_status(words)
        if plain is not None:
            return run_status(plain)
        from tracker.cli.parser import build_status_parser

        return run_status(build_status_parser().parse_args(words))
    from tracker.cli.parser import build_parser

    args = build_parser(command_word(words)).parse_args(words)
    from tracker.cli import commands

    return commands.dispatch(args)


def start() -> int:
    """The ``recovtui`` process: its cycle collector is paused while it loads, and
    resumed by the command once loaded (``cli/startup.py``), at the latest here."""
    from tracker.cli.startup import pause, resume

    pause()
    try:
        return main()
    finally:
        resume()


def main(argv: Sequence[str] | None = None) -> int:
    from tracker.cli.output import reader_left, say

    try:
        return run(argv)
    except UsageError as exc:
        say(f"recovtui: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Failure as exc:
        say(f"recovtui: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `recovtui plan | head -1`: the reader left, and that is fine
        reader_left()
        return EXIT_OK
    except OSError as exc:  # a path no file can have: a name over 255 bytes, a locked folder
        if exc.filename is None:
            raise
        say(f"recovtui: {exc.filename}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE if exc.errno == errno.ENAMETOOLONG else EXIT_FAILURE
    except Exception as exc:
        # A busy database or a full disk: one line, nothing changed (imported only
        # here, so that `status` loads nothing it does not need).
        from tracker.data.failures import StoreUnavailable

        if not isinstance(exc, StoreUnavailable):
            raise
        say(f"recovtui: {exc}", file=sys.stderr)
        return EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(start())
