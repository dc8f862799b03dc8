"""App-wide messages: children post them, screens and the app handle them."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class DataChanged(Message):
    """Something was written to the store; screens showing it should refresh."""

    what: str = ""
