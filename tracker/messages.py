"""App-wide messages: what flows up from screens and the store to the app."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


class DataChanged(Message):
    """The database changed (any write, by any screen). Posted to the app, which
    tells every screen through its ``revision``; a burst of writes is one message."""

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, DataChanged)


@dataclass
class StartTimer(Message):
    """Open the Timer and start ``preset`` (named as on the command line: ``ice-bath``)."""

    preset: str
    duration_s: int | None = None
    ask_temperature: bool = True
