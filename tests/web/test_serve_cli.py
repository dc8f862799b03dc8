"""`recovtui serve` refuses what it cannot do in one line (the browser test serves for real)."""

from __future__ import annotations

import socket
from pathlib import Path

from tests.cli.run import recovtui


def test_a_bad_or_busy_port_is_one_clear_line(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    code, out, err = recovtui(db_path, "serve", "--port", "70000")
    assert (code, out) == (2, "")
    assert err == "recovtui: --port: 70000 is not a port (0–65535)\n"
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code, out, err = recovtui(db_path, "serve", "--port", str(port))
    assert (code, out) == (1, "")
    assert err.startswith(f"recovtui: cannot listen on 127.0.0.1:{port}: ")
    assert err.count("\n") == 1
