"""Who may talk to the server: the token, the websocket's origin, how many at once.

textual-serve has no access control of its own, so this is an aiohttp
middleware on its application. Every request needs the token, in the query
(``?token=…``, as printed) or in the cookie the first tokened page sets
(HttpOnly, SameSite=Strict: the page's assets and its websocket carry it, a
page of another site cannot). A websocket must also come from a page of this
server (its ``Origin``), and each websocket is an app process, so at most
:data:`MAX_SESSIONS` are open at once.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from aiohttp import web

TOKEN_PARAM = "token"
TOKEN_COOKIE = "recovtui_token"
MAX_SESSIONS = 4
WEBSOCKET_PATH = "/ws"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def new_token() -> str:
    """A fresh random token for one run of the server."""
    return secrets.token_urlsafe(24)


def own_hosts(request: web.Request) -> set[str]:
    """The ``host[:port]`` names this server answers as: its Host header, and the
    one a reverse proxy says it forwarded (a page cannot set either on a websocket)."""
    hosts = {request.host.lower()}
    forwarded = request.headers.get("X-Forwarded-Host")
    if forwarded:
        hosts.add(forwarded.split(",")[0].strip().lower())
    return hosts


def is_own_origin(request: web.Request) -> bool:
    """Whether the request's ``Origin`` is a page of this server."""
    origin = request.headers.get("Origin")
    if not origin:
        return False
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and parts.netloc.lower() in own_hosts(request)


class Guard:
    """The middleware: 403 without the token or from a foreign page, 503 past the limit."""

    __middleware_version__ = 1  # what ``@web.middleware`` marks: a new-style middleware

    def __init__(self, token: str, max_sessions: int = MAX_SESSIONS) -> None:
        self.token = token.encode()
        self.max_sessions = max_sessions
        self.sessions: set[asyncio.Task[object]] = set()
        """The handlers of the open websockets (one app process each)."""

    def _matches(self, given: str | None) -> bool:
        return given is not None and secrets.compare_digest(given.encode(), self.token)

    async def __call__(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        from_query = self._matches(request.query.get(TOKEN_PARAM))
        if not (from_query or self._matches(request.cookies.get(TOKEN_COOKIE))):
            raise web.HTTPForbidden(text="recovtui: open the address `recovtui serve` printed.\n")
        if request.path == WEBSOCKET_PATH:
            return await self._session(request, handler)
        response = await handler(request)
        if from_query and not response.prepared:
            response.set_cookie(
                TOKEN_COOKIE, self.token.decode(), httponly=True, samesite="Strict", path="/"
            )
        return response

    async def _session(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if not is_own_origin(request):
            raise web.HTTPForbidden(text="recovtui: a page of another site may not connect.\n")
        if len(self.sessions) >= self.max_sessions:
            raise web.HTTPServiceUnavailable(
                text=f"recovtui: {self.max_sessions} sessions are open already; "
                "close one and try again.\n"
            )
        task = asyncio.current_task()
        assert task is not None
        self.sessions.add(task)
        try:
            return await handler(request)
        finally:
            self.sessions.discard(task)

    async def close_sessions(self, timeout_s: float = 10.0) -> None:
        """End every open session: each app process is told to quit, and saves first."""
        tasks = [task for task in self.sessions if task is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.wait(tasks, timeout=timeout_s)
