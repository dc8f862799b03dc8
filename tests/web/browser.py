"""A served recovtui and the real browser that uses it (the browser test and
``make screenshots`` share these).

The browser is Debian's Chromium driven by Playwright. Its terminal (xterm.js)
draws on a canvas, so the test reads what it shows from xterm's own buffer: a
script run before the page's catches the ``Terminal`` as textual-serve's page
makes it. A tap goes to the middle of the cell where a text is shown.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "user_agent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36",
}
TIMEOUT_S = 30

CATCH_TERMINAL = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    if (value && value.buffer) { window.recovtuiTerminal = value; }
    Object.defineProperty(this, "terminal", {value, writable: true, configurable: true});
  },
});
"""
ROWS = """() => {
  const term = window.recovtuiTerminal;
  if (!term) { return []; }
  const rows = [];
  for (let y = 0; y < term.rows; y++) {
    const line = term.buffer.active.getLine(y);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows;
}"""


def missing() -> str | None:
    """Why the browser cannot run here, or None."""
    if not CHROMIUM.exists():
        return f"no {CHROMIUM}: install Debian's chromium package (apt-get install chromium)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "no playwright: pip install -e '.[test]'"
    return None


class Served:
    """A running ``recovtui serve``; :attr:`url` waits for the address it prints."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self._url = ""

    @property
    def url(self) -> str:
        """The tokened address (read once the server prints it: start the browser first)."""
        if not self._url:
            assert self.process.stdout is not None
            for line in self.process.stdout:
                if match := re.search(r"http://\S+", line):
                    self._url = match.group(0)
                    break
            assert self._url, "recovtui serve printed no address"
        return self._url


@contextlib.contextmanager
def served(db: Path, *options: str) -> Iterator[Served]:
    """``recovtui serve`` on ``db`` and a free port; stopped with Ctrl+C (SIGINT) at the end."""
    command = [sys.executable, "-m", "tracker", "--db", str(db), *options]
    server = subprocess.Popen(
        [*command, "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        yield Served(server)
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@contextlib.contextmanager
def phone() -> Iterator[Any]:
    """A new browser context that looks like a phone (touch, 390×844, a phone's agent)."""
    from playwright.sync_api import sync_playwright

    with (
        tempfile.TemporaryDirectory(prefix="recovtui-chromium-") as profile,
        sync_playwright() as playwright,
    ):
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, **PHONE
        )
        try:
            yield context
        finally:
            context.close()


class Screen:
    """The app as the browser page shows it: read its rows, wait for text, tap text."""

    def __init__(self, page: Any) -> None:
        self.page = page
        page.add_init_script(CATCH_TERMINAL)

    def open(self, url: str) -> None:
        self.page.goto(url)

    def rows(self) -> list[str]:
        rows: list[str] = self.page.evaluate(ROWS)
        return rows

    def text(self) -> str:
        return "\n".join(self.rows())

    def wait_for(self, text: str, timeout_s: float = TIMEOUT_S) -> tuple[int, int]:
        """The (column, row) where ``text`` shows, once it does."""
        deadline = time.monotonic() + timeout_s
        while True:
            for y, row in enumerate(self.rows()):
                if (x := row.find(text)) >= 0:
                    return x, y
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never showed; the screen:\n{self.text()}")
            self.page.wait_for_timeout(100)

    def tap(self, text: str, offset: int = 0) -> None:
        """Tap the cell ``offset`` characters into the first place ``text`` shows."""
        x, y = self.wait_for(text)
        box = self.page.locator(".xterm-screen").bounding_box()
        cols, rows = self.page.evaluate(
            "() => [window.recovtuiTerminal.cols, window.recovtuiTerminal.rows]"
        )
        cell_w, cell_h = box["width"] / cols, box["height"] / rows
        self.page.touchscreen.tap(
            box["x"] + (x + offset + 0.5) * cell_w, box["y"] + (y + 0.5) * cell_h
        )
