"""Who gets in: HTTP and websocket requests against the real server on 127.0.0.1.

The server is textual-serve's with recovtui's guard, on a free port. Each
accepted websocket would start an app process; here textual-serve's
``AppService`` is a stand-in that starts nothing and notes what it was told, so
four sessions cost nothing (the browser test runs the real app).
"""

from __future__ import annotations

import asyncio
import shlex
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, ClassVar

import aiohttp
import pytest
import textual_serve.server
from aiohttp.test_utils import TestClient, TestServer

from tracker.web import SERVED_ENV
from tracker.web.guard import MAX_SESSIONS, TOKEN_COOKIE
from tracker.web.server import RecovServer, app_command, application, display_host, lan_address

TOKEN = "s3cret-token_for-tests"
Client = TestClient[Any, Any]
PHONE_AGENT = "Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/156.0 Mobile Safari/537.36"


class StandIn:
    """textual-serve's ``AppService`` without the process: notes each start and quit."""

    told: ClassVar[list[str]] = []

    def __init__(self, command: str, **_: object) -> None:
        self.command = command

    async def start(self, width: int, height: int) -> None:
        self.told.append("start")

    async def stop(self) -> None:
        self.told.append("quit")

    async def send_bytes(self, data: bytes) -> bool:
        return True


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setattr(textual_serve.server, "AppService", StandIn)
    StandIn.told = []
    return StandIn.told


@pytest.fixture
async def client(told: list[str]) -> AsyncIterator[Client]:
    server = RecovServer("recovtui", TOKEN, "http://127.0.0.1:8000")
    async with TestClient(TestServer(await application(server), host="127.0.0.1")) as client:
        client.recov_server = server  # type: ignore[attr-defined]
        yield client


def own_origin(client: Client) -> dict[str, str]:
    return {"Origin": f"http://127.0.0.1:{client.port}"}


async def refused(client: Client, path: str, headers: dict[str, str] | None = None) -> int:
    """The status a websocket handshake at ``path`` was answered with."""
    with pytest.raises(aiohttp.WSServerHandshakeError) as refusal:
        await client.ws_connect(path, headers=headers)
    return refusal.value.status


@pytest.mark.parametrize(
    "path",
    ["/", "/?token=wrong", "/?token=%C3%A9t%C3%A9", "/static/js/textual.js", "/download/x"],
)
async def test_without_the_token_every_request_is_forbidden(client: Client, path: str) -> None:
    response = await client.get(path)
    assert response.status == 403
    assert "recovtui serve" in await response.text()
    assert TOKEN_COOKIE not in response.cookies


async def test_without_the_token_the_websocket_is_forbidden(
    client: Client, told: list[str]
) -> None:
    assert await refused(client, "/ws", own_origin(client)) == 403
    assert await refused(client, "/ws?token=wrong", own_origin(client)) == 403
    assert told == []  # no app process was started


async def test_the_token_opens_the_page_and_leaves_a_strict_cookie(client: Client) -> None:
    response = await client.get(f"/?token={TOKEN}")
    assert response.status == 200
    assert 'class="textual-terminal"' in await response.text()
    cookie = response.cookies[TOKEN_COOKIE]
    assert cookie.value == TOKEN
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Strict"
    # the page's own requests carry the cookie, not the token
    assert (await client.get("/static/js/textual.js")).status == 200


async def test_the_page_is_built_for_the_address_the_browser_used(client: Client) -> None:
    """A phone reaching 0.0.0.0 by the LAN address loads everything from there (issue #28)."""
    lan = {"Host": "192.168.1.20:8000", "User-Agent": PHONE_AGENT}
    page = await (await client.get(f"/?token={TOKEN}", headers=lan)).text()
    assert 'href="http://192.168.1.20:8000/static/css/xterm.css"' in page
    assert 'data-session-websocket-url="ws://192.168.1.20:8000/ws"' in page
    assert 'name="viewport" content="width=device-width' in page
    assert 'data-font-size="10"' in page  # 60 columns on a phone
    proxy = {"X-Forwarded-Host": "recov.home", "X-Forwarded-Proto": "https"}
    page = await (await client.get(f"/?token={TOKEN}", headers=proxy)).text()
    assert 'data-session-websocket-url="wss://recov.home/ws"' in page
    hostile = {"Host": 'x"><script>alert(1)</script>'}
    page = await (await client.get(f"/?token={TOKEN}", headers=hostile)).text()
    assert "<script>alert" not in page
    assert 'href="http://127.0.0.1:8000/static/css/xterm.css"' in page


async def test_a_websocket_from_another_site_is_refused(client: Client, told: list[str]) -> None:
    await client.get(f"/?token={TOKEN}")  # the cookie, as a browser would hold it
    assert await refused(client, "/ws", {"Origin": "http://evil.example"}) == 403
    assert await refused(client, "/ws", {"Origin": "http://127.0.0.1:1"}) == 403
    assert await refused(client, "/ws", {}) == 403  # no Origin at all
    assert told == []
    websocket = await client.ws_connect("/ws", headers=own_origin(client))
    await websocket.close()
    proxied = {"Origin": "https://recov.home", "X-Forwarded-Host": "recov.home"}
    websocket = await client.ws_connect("/ws", headers=proxied)
    await websocket.close()
    assert told[0] == "start"


async def test_the_fifth_session_is_refused_until_one_ends(client: Client) -> None:
    await client.get(f"/?token={TOKEN}")
    sessions = [await client.ws_connect("/ws", headers=own_origin(client)) for _ in range(4)]
    assert MAX_SESSIONS == 4
    assert await refused(client, "/ws", own_origin(client)) == 503
    await sessions.pop().close()
    sessions.append(await client.ws_connect("/ws", headers=own_origin(client)))
    for websocket in sessions:
        await websocket.close()


async def test_stopping_the_server_tells_every_app_to_quit(client: Client, told: list[str]) -> None:
    """An app told to quit saves its running timer (the Timer screen saves on the way out)."""
    await client.get(f"/?token={TOKEN}")
    websocket = await client.ws_connect("/ws", headers=own_origin(client))
    closing = asyncio.create_task(websocket.receive())  # a browser answers the close at once
    await client.recov_server.on_shutdown(client.app)  # type: ignore[attr-defined]
    assert told[:2] == ["start", "quit"]
    assert (await closing).type is aiohttp.WSMsgType.CLOSE


def test_each_app_process_is_told_it_is_served_and_finds_its_database() -> None:
    words = shlex.split(app_command(Path("/tmp/a folder/recovtui.db")))
    assert words[0] == f"{SERVED_ENV}=1"
    assert "/tmp/a folder/recovtui.db" in words


def test_all_interfaces_are_printed_as_the_lan_address() -> None:
    assert display_host("0.0.0.0") == lan_address() != "0.0.0.0"
    assert display_host("127.0.0.1") == "127.0.0.1"
    assert display_host("::1") == "[::1]"
