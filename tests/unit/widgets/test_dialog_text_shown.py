"""A dialog's title and question show the user text in them as typed (DESIGN §7): the
preset, run or item a question names, escaped by ``terminal_text``, markup literal."""

from __future__ import annotations

from hypothesis import given, settings
from rich.text import Text

from tests.text_inputs import TYPED
from tracker.domain.text import terminal_text
from tracker.screens.modals.confirm import Choice, ChoiceDialog, ConfirmDialog


@settings(max_examples=40)
@given(name=TYPED)
def test_a_question_naming_user_text_shows_it_as_typed(name: str) -> None:
    for dialog in (
        ConfirmDialog(f"Delete the preset {name}?"),
        ChoiceDialog("Import", f"{name} holds 3 runs", [Choice("k", "Keep", "k")]),
    ):
        (question,) = dialog.compose_body()
        content = question.content
        assert isinstance(content, Text)
        assert terminal_text(name) in content.plain
        assert content.plain == terminal_text(content.plain)  # no raw control character
