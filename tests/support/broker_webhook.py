"""A real HTTP receiver for the brokers' webhook, on a loopback port, that can go down."""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Delivery:
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.body)
        return data

    def signed_by(self, secret: str) -> bool:
        expected = "sha256=" + hmac.new(secret.encode(), self.body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(self.headers.get("x-homer-signature", ""), expected)


class Receiver:
    """Records every POST; `down()` closes the port, `up()` listens on it again."""

    def __init__(self, *, gate: threading.Event | None = None) -> None:
        self.deliveries: list[Delivery] = []
        self.lock = threading.Lock()
        # Requests wait until the gate opens (at most 10 s): senders overlap.
        self.gate = gate
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks/brokers"

    def up(self) -> None:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                if receiver.gate is not None:
                    receiver.gate.wait(10)
                with receiver.lock:
                    receiver.deliveries.append(
                        Delivery({k.lower(): v for k, v in self.headers.items()}, body)
                    )
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, format: str, *args: Any) -> None:
                pass

        ThreadingHTTPServer.allow_reuse_address = True
        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def down(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def events(self) -> list[str]:
        with self.lock:
            return [d.json["event"] for d in self.deliveries]

    def event_ids(self) -> list[str]:
        with self.lock:
            return [d.json["event_id"] for d in self.deliveries]


@contextmanager
def running_receiver(*, gate: threading.Event | None = None) -> Iterator[Receiver]:
    receiver = Receiver(gate=gate)
    receiver.up()
    try:
        yield receiver
    finally:
        receiver.down()
