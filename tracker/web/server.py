"""textual-serve's server for recovtui: one app process per browser, behind the guard.

:class:`RecovServer` is textual-serve's own :class:`~textual_serve.server.Server`
with three changes, none a copy of its code: the :class:`~tracker.web.guard.Guard`
middleware on its application, its page built for the address the browser used
(so a phone reaching ``--host 0.0.0.0`` by the machine's LAN address loads the
page's scripts and websocket from that address, textual-serve's issue #28), and
a shutdown that tells every app process to quit, so a running timer is saved.
And a page a phone can use: laid out at the phone's width, in a font small
enough for recovtui's 60 columns (``?fontsize=N`` chooses another).
"""

from __future__ import annotations

import logging
import re
import shlex
import socket
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from aiohttp import web
from textual_serve.server import Server

from tracker.web import SERVED_ENV
from tracker.web.guard import TOKEN_PARAM, Guard

ALL_INTERFACES = ("0.0.0.0", "::", "")
PHONE_FONT_SIZE = 10
"""Pixels: a phone's 360–430 px wide screen then holds the 60 columns recovtui needs."""
VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1" />'
"""Without it a phone lays the page out 980 px wide and shrinks it: every tap target too."""
HOST_HEADER = re.compile(r"^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$")


def app_command(db: Path, pretend_today: date | None = None) -> str:
    """The shell command of one served app process: this recovtui, on this database."""
    words = [sys.executable, "-m", "tracker", "--db", str(db.resolve())]
    if pretend_today is not None:
        words += ["--today", pretend_today.isoformat()]
    return f"{SERVED_ENV}=1 exec {shlex.join(words)}"


def lan_address() -> str:
    """This machine's address on its network, for a phone to reach ``0.0.0.0``.

    Connecting a UDP socket sends nothing: it only asks the kernel which local
    address its default route would use.
    """
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere
            address: str = probe.getsockname()[0]
            return address
    except OSError:
        pass
    try:
        return socket.gethostbyname(socket.gethostname())
    except OSError:
        return "127.0.0.1"


def display_host(host: str) -> str:
    """The host to print for a bind address: the LAN address for all interfaces."""
    if host in ALL_INTERFACES:
        return lan_address()
    return f"[{host}]" if ":" in host else host


def url_for(host: str, port: int, token: str) -> str:
    return f"http://{display_host(host)}:{port}/?{TOKEN_PARAM}={token}"


def bind(host: str, port: int) -> socket.socket:
    """Listen on ``host:port`` (0: any free port); OSError names the problem."""
    infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    family, kind, proto, _name, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if family == socket.AF_INET6 and host == "::":
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        sock.bind(address)
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    return sock


class RecovServer(Server):
    """textual-serve's server with recovtui's guard (see the module's docstring)."""

    def __init__(
        self, command: str, token: str, public_url: str, max_sessions: int | None = None
    ) -> None:
        super().__init__(command, title="recovtui", public_url=public_url)
        self.guard = Guard(token) if max_sessions is None else Guard(token, max_sessions)
        self._default_url = public_url

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self.guard)
        return app

    async def on_startup(self, app: web.Application) -> None:
        """Say nothing: ``recovtui serve`` prints the tokened address itself."""

    async def on_shutdown(self, app: web.Application) -> None:
        await self.guard.close_sessions()

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The page, its asset and websocket addresses on the host the browser asked.

        textual-serve builds them from ``public_url``; it is set here for this
        request alone (nothing awaits between this line and their building).
        """
        self.public_url = self._request_url(request)
        phone = "Mobi" in request.headers.get("User-Agent", "")
        if phone and "fontsize" not in request.query:
            request = request.clone(rel_url=request.rel_url.update_query(fontsize=PHONE_FONT_SIZE))
        response: web.StreamResponse = await super().handle_index(request)
        if isinstance(response, web.Response) and response.text:
            response.text = response.text.replace("<head>", f"<head>\n    {VIEWPORT}", 1)
        return response

    def _request_url(self, request: web.Request) -> str:
        host = request.headers.get("X-Forwarded-Host", request.host).split(",")[0].strip()
        if not HOST_HEADER.match(host):
            return self._default_url
        forwarded = request.headers.get("X-Forwarded-Proto", "")
        scheme = forwarded if forwarded in ("http", "https") else request.scheme
        return f"{scheme}://{host}"

    def initialize_logging(self) -> None:
        """Only textual-serve's warnings (an app that failed to start), never the access log."""
        logging.basicConfig(level=logging.WARNING, format="recovtui serve: %(message)s")


async def application(server: RecovServer) -> web.Application:
    """The aiohttp application (for tests, which run it on their own loop)."""
    return await server._make_app()


def run(server: RecovServer, sock: socket.socket) -> None:
    """Serve until Ctrl+C (or SIGTERM); every app process quits, saving, first."""
    server.initialize_logging()
    web.run_app(
        application(server),
        sock=sock,
        print=None,
        access_log=None,
        shutdown_timeout=5,
        handle_signals=True,
    )


def qr_lines(url: str) -> Sequence[str]:
    """A QR code of ``url`` in half-block characters, for a phone's camera."""
    import io

    import segno

    out = io.StringIO()
    segno.make(url, error="m").terminal(out=out, compact=True, border=2)
    return out.getvalue().splitlines()
