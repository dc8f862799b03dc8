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
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """No cycle collection until :func:`resume` (reference counting still frees)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """What is made so far is kept out of later passes; the collector runs again."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
