"""``recovtui serve [--host H] [--port P]``: the app in a browser, for the phone at the ice bath.

Each browser that connects gets its own recovtui process on the same database
(WAL: the terminal app can stay open beside them). The address printed carries a
fresh token; without it the server answers 403 (see :mod:`tracker.web.guard`).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence

from tracker.cli.context import Context
from tracker.cli.errors import EXIT_OK, Failure, UsageError
from tracker.cli.tui import _demo_context

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def run_serve(ctx: Context, args: argparse.Namespace) -> int:
    port = args.port
    if not 0 <= port <= 65535:
        raise UsageError(f"--port: {port} is not a port (0–65535)")
    with contextlib.ExitStack() as stack:
        if args.demo:
            ctx = _demo_context(ctx, stack)
        store = ctx.open_store()  # checks (or makes) the database before anyone connects
        try:
            if args.demo:
                from tracker.data.demo import fill_demo

                fill_demo(store, ctx.clock(store).today())
        finally:
            store.close()

        from tracker.web.guard import MAX_SESSIONS, new_token
        from tracker.web.server import RecovServer, app_command, bind, qr_lines, run, url_for

        try:
            sock = bind(args.host, port)
        except OSError as exc:
            raise Failure(f"cannot listen on {args.host}:{port}: {exc.strerror or exc}") from None
        token = new_token()
        url = url_for(args.host, sock.getsockname()[1], token)
        server = RecovServer(
            app_command(ctx.db_path, ctx.pretend_today), token, url.split("/?", 1)[0]
        )
        _announce(url, qr_lines(url), MAX_SESSIONS)
        run(server, sock)
    return EXIT_OK


def _announce(url: str, qr: Sequence[str], sessions: int) -> None:
    out = sys.stdout
    print(f"recovtui is served at\n\n  {url}\n", file=out)
    print("\n".join(qr), file=out)
    print(
        f"\nOpen it on a phone on this network (scan the code). Up to {sessions} browsers at "
        "once, each its own recovtui on the same database.\n"
        "The token keeps out anyone without this address; there is no TLS, so use it on a "
        "network you trust.\nCtrl+C stops the server (open timers are saved first).",
        file=out,
        flush=True,
    )
