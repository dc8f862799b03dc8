"""``recovtui export [--format json|csv|ics] [--output FILE] [--force]``.

Writes to stdout, or to a file that is written beside its target and renamed
into place (0600: it is personal data); an existing file is replaced only with
``--force``, and never the database itself.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pendulum

from tracker.cli.context import Context
from tracker.cli.errors import EXIT_OK, Failure, UsageError
from tracker.cli.output import reader_left, say
from tracker.data.paths import not_a_file
from tracker.domain.text import terminal_json
from tracker.services.exporting import export_text, write_private_file


def run_export(ctx: Context, args: argparse.Namespace) -> int:
    target = output_path(ctx, args.output, force=args.force)
    store = ctx.open_store(read_only=True)
    try:
        text = export_text(store, args.format, pendulum.now("UTC"), ctx.clock(store).today())
    finally:
        store.close()
    if target is None:
        _to_stdout(terminal_json(text) if args.format == "json" else text)
    else:
        _write_file(target, text.encode("utf-8"))
        say(f"Exported {args.format.upper()} to {target}", file=sys.stderr)
    return EXIT_OK


def output_path(ctx: Context, output: str | None, *, force: bool) -> Path | None:
    """The file to write (None for stdout), refused before anything is done."""
    if output is None or output == "-":
        return None
    path = Path(output).expanduser()
    if path.is_dir():
        raise UsageError(f"{path} is a folder; name a file")
    kind = not_a_file(path, follow=False)
    if kind is not None:  # --force replaces a file, never a link, a FIFO or a device
        raise UsageError(f"{path} is {kind}; name a regular file or a new one")
    if not path.parent.is_dir():
        raise UsageError(f"{path.parent} does not exist")
    if path.exists() and path.resolve() == ctx.db_path.resolve():
        raise UsageError(f"{path} is the database itself; choose another file")
    if path.exists() and not force:
        raise UsageError(f"{path} already exists (add --force to overwrite it)")
    return path


def _write_file(path: Path, data: bytes) -> None:
    """Write ``data`` beside ``path`` and rename it into place (0600: it is personal data)."""
    try:
        write_private_file(path, data)
    except OSError as exc:
        raise Failure(f"cannot write {path} ({exc.strerror or exc})") from None


def _to_stdout(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # `recovtui export | head`: the reader left, that is fine
        reader_left()
