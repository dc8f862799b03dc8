"""Python's cycle collector, paused while a recovtui process loads.

A start makes some 70,000 objects that live as long as the process: modules,
classes, functions, Textual's stylesheet and widgets. While they are being made
the collector's full passes walk all of them again and again (a sixth of a
start's time), and afterwards every full pass walks them once more (a 35–110 ms stall
as a screen first opens). Almost none of them is ever garbage.

So a process started as ``recovtui`` pauses the collector on its first line
(:func:`pause`), and once it is loaded (the first screen painted; a command's
modules imported) :func:`resume` freezes what exists into the collector's
permanent generation, which later passes skip, and turns the collector back on.
Only a process that paused resumes: ``main()`` called in a test process, which
never pauses, leaves that process's collector alone.

A screen's first open (or its building after the start) makes the same kind of
objects: its widgets, their styles and caches, kept as long as the process. Left in
the collector, the full pass that some later open set off walked every screen opened
so far (13 ms in the middle of whichever screen crossed the line), so once a screen
is drawn :func:`keep` frees the young garbage and freezes what is left, as a start
does. Each screen does this once; a cycle that became garbage before then stays.
"""

from __future__ import annotations

import gc

_paused = False
_managed = False
"""This process paused the collector (it is the ``recovtui`` command's)."""


def pause() -> None:
    """No cycle collection until :func:`resume` (reference counting still frees)."""
    global _paused, _managed
    if gc.isenabled():
        gc.disable()
        _paused = _managed = True


def resume() -> None:
    """What is made so far is kept out of later passes; the collector runs again."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


def keep() -> None:
    """A screen is made and drawn: its young garbage is freed and the rest is kept out
    of later passes (only in a process that paused, and once it has resumed)."""
    if _managed and not _paused:
        gc.collect(1)
        gc.freeze()
