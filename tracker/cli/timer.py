"""``recovtui timer PRESET [--duration D]``: open the TUI straight on a running timer."""

from __future__ import annotations

import argparse

from tracker.cli.context import Context
from tracker.cli.errors import UsageError
from tracker.cli.tui import run_tui
from tracker.domain.dates import ParseError
from tracker.domain.presets import find_preset
from tracker.domain.units import parse_duration


def run_timer(ctx: Context, args: argparse.Namespace) -> int:
    """Check the preset and duration before any screen opens: bad ones exit 2, one line."""
    store = ctx.open_store()
    try:
        presets = store.presets()
    finally:
        store.close()
    try:
        preset = find_preset(presets, args.preset)
    except ValueError as exc:
        raise UsageError(f"PRESET: {exc}") from None
    duration_s: int | None = None
    if args.duration is not None:
        try:
            duration_s = parse_duration(args.duration)
        except ParseError as exc:
            raise UsageError(f"--duration: {exc}") from None
        minimum = max(1, len(preset.segments))
        if duration_s < minimum:
            raise UsageError(
                f"--duration: {preset.name} needs at least {minimum} s"
                f" (one per segment), got {args.duration!r}"
            )
    return run_tui(ctx, start_mode="timer", timer_preset=preset.name, timer_duration_s=duration_s)
