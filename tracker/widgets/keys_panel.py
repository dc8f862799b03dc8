"""The keys help (``?``): recovtui's own keys on this screen, one label each.

Textual's generic bindings (scrolling, focus moves, copy, its own "Keys" and
"Quit") are left out, here and in the command palette: :func:`own_bindings` keeps
only the bindings a recovtui class declares.
"""

from __future__ import annotations

from functools import cache

from rich.table import Table
from rich.text import Text
from textual.binding import ActiveBinding, Binding
from textual.screen import Screen
from textual.widgets import KeyPanel
from textual.widgets._key_panel import BindingsTable

OWN_MODULES = "tracker."


@cache
def _declared(cls: type) -> frozenset[tuple[str, str]]:
    """The (key, action) of every binding a recovtui class in ``cls``'s ancestry declares."""
    found: set[tuple[str, str]] = set()
    for ancestor in cls.__mro__:
        if not ancestor.__module__.startswith(OWN_MODULES):
            continue
        for binding in Binding.make_bindings(ancestor.__dict__.get("BINDINGS", [])):
            found.add((binding.key, binding.action))
    return frozenset(found)


def own_bindings(screen: Screen[object]) -> list[ActiveBinding]:
    """The active bindings of ``screen`` that recovtui declares, each action once (its
    first key), in the order Textual lists them (the focused widget's first)."""
    seen: set[tuple[int, str]] = set()
    kept = []
    for active in screen.active_bindings.values():
        binding = active.binding
        if (binding.key, binding.action) not in _declared(type(active.node)):
            continue
        if not binding.description or (id(active.node), binding.action) in seen:
            continue
        seen.add((id(active.node), binding.action))
        kept.append(active)
    return kept


def key_label(binding: Binding) -> str:
    """What the keys help says of a key: its tooltip, else its description (one label)."""
    return binding.tooltip or binding.description


def keys_help(screen: Screen[object]) -> dict[str, list[str]]:
    """What the keys help lists for ``screen``: each label, in order, with its keys."""
    keys: dict[str, list[str]] = {}
    for active in own_bindings(screen):
        key = screen.app.get_key_display(active.binding)
        keys.setdefault(key_label(active.binding), []).append(key)
    return keys


class OwnBindingsTable(BindingsTable):
    def render_bindings_table(self) -> Table:
        table = Table(padding=(0, 1), show_header=False, box=None)
        table.add_column("", justify="right", style="bold")
        table.add_column("")
        for label, shown in keys_help(self.screen).items():
            table.add_row(Text(" ".join(dict.fromkeys(shown))), Text(label))
        return table


class KeysPanel(KeyPanel):
    """The keys help docked at the right (``?`` shows and hides it)."""

    def compose(self):  # type: ignore[no-untyped-def]
        yield OwnBindingsTable(shrink=True, expand=False)
