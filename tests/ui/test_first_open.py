"""A screen's first open costs only its own widgets (DESIGN §11: every screen ≤ 100 ms).

Textual 8.2.8 re-parses the whole stylesheet twice and restyles every screen already
open each time a mode's screen is made; recovtui's screens are made on a stylesheet
that is current, so they skip that, and must still be drawn in the theme chosen.
"""

from __future__ import annotations

import pytest
from textual.dom import DOMNode
from textual.widgets._footer import FooterKey

from tests.conftest import make_app
from tests.fakes import FakeClock
from tracker.app import RecovApp
from tracker.data.store import Store


async def test_the_footer_keys_are_styled_once(
    store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each key of the footer comes up in its final style: Textual's keys start compact
    and are restyled one by one when the footer binds them to its (not compact) style."""
    app = make_app(store, clock, start_mode="week")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        restyled: list[object] = []
        update_styles = RecovApp.update_styles

        def counted(self: RecovApp, node: DOMNode, animate: bool = True) -> None:
            if isinstance(node, FooterKey):
                restyled.append(node)
            update_styles(self, node, animate)

        monkeypatch.setattr(RecovApp, "update_styles", counted)
        app.switch_mode("timer")
        await pilot.pause()
        keys = list(app.screen.query(FooterKey))
        assert [k.key for k in keys if k.has_class("-compact")] == ["ctrl+p"]  # as Textual's
        assert restyled == []
