"""Each screen's own rules, read as the screen is first made and scoped to it.

The app's own stylesheet (``styles/base.tcss``, ``RecovApp.CSS_PATH``) holds only
what every screen shares; each screen and the dialogs have a file of their own in
``tracker/styles/``. A start parses only the shared rules and Today's, not the
rules of screens nobody has opened yet (most of the old single stylesheet).

A screen's file is added to the app's stylesheet as the screen is registered,
before any of its widgets is styled, and scoped to the class that names it: each
rule gets that class as an ancestor (Textual's scope adds no specificity), so it
can match only nodes inside such a screen. Nothing already styled is touched, and
nothing is re-parsed: Textual parses a source once and keeps it. (A screen's own
``CSS_PATH`` would instead make Textual re-parse every rule and restyle the whole
app as its mode first opens.) A theme change re-reads every source added so far.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App

STYLES = Path(__file__).parent.parent / "styles"


def add_styles_of(app: App[Any], node: object) -> None:
    """Add to ``app``'s stylesheet the file each class of ``node`` names in ``STYLES``
    (its own kind's, and a base class's such as every dialog's), scoped to that class;
    each file once (a second screen of the kind finds it there)."""
    stylesheet = app.stylesheet
    for owner in reversed(type(node).__mro__):
        name: str | None = owner.__dict__.get("STYLES")
        if name is None:
            continue
        path = STYLES / f"{name}.tcss"
        if not stylesheet.has_source(str(path)):
            css = path.read_text(encoding="utf-8")
            stylesheet.add_source(css, read_from=(str(path), ""), scope=owner.__name__)
