"""What a start and a first open do not import: each is imported when first asked for."""

from __future__ import annotations

import json
import subprocess
import sys

LOADED = """
import json, sys
import tracker.app, tracker.screens.today
today = sorted(sys.modules)
import tracker.screens.timer
print(json.dumps({"today": today, "timer": sorted(sys.modules)}))
"""


def test_the_palette_the_dialogs_and_the_text_area_wait_until_asked_for() -> None:
    result = subprocess.run(
        [sys.executable, "-c", LOADED], capture_output=True, text=True, timeout=60, check=True
    )
    loaded = json.loads(result.stdout)
    today, timer = set(loaded["today"]), set(loaded["timer"])
    assert "tracker.screens.palette" not in today  # ^p imports it
    assert "tracker.widgets.keys_panel" not in today  # ? imports it
    assert "tracker.screens.modals.run_form" not in today  # l imports it
    assert "tracker.screens.modals.timer" in timer
    assert "textual.widgets._text_area" not in timer  # the preset editor imports it
