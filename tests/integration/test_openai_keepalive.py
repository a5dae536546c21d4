"""The OpenAI-compatible client keeps one connection between streamed model calls
(homer_agent.models.keepalive), against the scripted server over real HTTP."""

from __future__ import annotations

import json
import re
import socket
import threading
from typing import Any

import openai
import pytest

from homer_agent.config import Settings
from homer_agent.models import make_chat_model
from tests.support.fake_openai import Error, FakeOpenAI, Text


def _connections(model: Any) -> list[Any]:
    return list(model.root_client._client._transport._pool.connections)


def test_streamed_calls_reuse_one_connection() -> None:
    with FakeOpenAI(default=Text("Oi, tudo bem com você?")) as fake:
        settings = Settings(openai_base_url=fake.base_url, openai_api_key="t", homer_model="m")
        model = make_chat_model(settings, retries=0)
        seen = []
        for _ in range(3):
            assert model.invoke("oi").content == "Oi, tudo bem com você?"
            seen.append([id(c) for c in _connections(model) if c.is_idle()])
        assert len(seen[0]) == 1 and seen == [seen[0]] * 3
        assert len(fake.chat_requests) == 3


def test_a_failed_call_leaves_the_next_one_working() -> None:
    with FakeOpenAI() as fake:
        fake.script(Error(500), Text("De novo, tudo certo."))
        settings = Settings(openai_base_url=fake.base_url, openai_api_key="t", homer_model="m")
        model = make_chat_model(settings, retries=0)
        with pytest.raises(openai.InternalServerError):
            model.invoke("oi")
        assert model.invoke("oi").content == "De novo, tudo certo."


HELD_SECONDS = 3.0


def _serve_holding_after_done(server: socket.socket, stop: threading.Event) -> None:
    """An OpenAI-compatible server that sends `[DONE]` but ends the body only when it
    closes the connection, HELD_SECONDS later (longer than the client waits for the end)."""
    server.settimeout(0.2)  # to see `stop` between connections
    while not stop.is_set():
        try:
            conn, _ = server.accept()
        except TimeoutError:
            continue
        conn.settimeout(None)
        with conn:
            data = b""
            while b"\r\n\r\n" not in data:
                data += conn.recv(65536)
            head, body = data.split(b"\r\n\r\n", 1)
            length = int(re.search(rb"(?i)content-length: *(\d+)", head).group(1))  # type: ignore[union-attr]
            while len(body) < length:
                body += conn.recv(65536)
            conn.sendall(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                b"Transfer-Encoding: chunked\r\n\r\n"
            )
            chunk = {"id": "c", "object": "chat.completion.chunk", "created": 0, "model": "m"}
            for event in (
                {**chunk, "choices": [{"index": 0, "delta": {"content": "Oi"}}]},
                {**chunk, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]},
                "[DONE]",
            ):
                text = event if isinstance(event, str) else json.dumps(event)
                payload = f"data: {text}\n\n".encode()
                conn.sendall(f"{len(payload):x}\r\n".encode() + payload + b"\r\n")
            stop.wait(HELD_SECONDS)


def test_a_server_that_holds_the_end_is_not_waited_for_again() -> None:
    """The end is waited for a moment (then the connection is closed, as without the
    client), and not at all from then on; the answers are whole either way."""
    stop = threading.Event()
    with socket.create_server(("127.0.0.1", 0)) as server:
        thread = threading.Thread(target=_serve_holding_after_done, args=(server, stop))
        thread.start()
        try:
            port = server.getsockname()[1]
            settings = Settings(
                openai_base_url=f"http://127.0.0.1:{port}/v1",
                openai_api_key="t",
                homer_model="m",
                homer_model_timeout=60,
            )
            model = make_chat_model(settings, retries=0)
            client = model.root_client._client
            assert client.drain
            assert model.invoke("oi").content == "Oi"
            # Given up after DRAIN_SECONDS: waiting until the server closed would have
            # read a body cut short instead (a protocol error, not a timeout).
            assert not client.drain
            assert model.invoke("oi").content == "Oi"
        finally:
            stop.set()
            thread.join()
