"""Helpers of the service tests: `homer-agent serve` as a real process, a fake WhatsApp Graph
API that records what it receives, signed webhooks, and HAProxy in front of replicas."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import signal
import socket
import subprocess
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx

from tests.support.reliability_support import EXE, cli_env
from tests.support.system import free_port, wait_for_count, wait_http_ok

SECRET = "test-app-secret"
VERIFY_TOKEN = "test-verify-token"
GRAPH_TOKEN = "test-graph-token"
PHONE_NUMBER_ID = "1234567890"
T = TypeVar("T")


class Server:
    """A `homer-agent serve` process on a free loopback port; stderr goes to a file."""

    def __init__(self, env: dict[str, str], log: Path, *args: str) -> None:
        self.port = free_port()
        self.log = log
        self._log_file = log.open("wb")
        self.proc = subprocess.Popen(
            [str(EXE), "serve", "--port", str(self.port), *args],
            stdin=subprocess.DEVNULL,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            env=cli_env(env),
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def wait_ready(self, timeout: float = 60) -> Server:
        wait_http_ok("serve", f"{self.url}/readyz", self.proc, self.output, timeout)
        return self

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def kill(self) -> None:
        """SIGKILL: no graceful anything."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self._log_file.close()
        return self.proc.returncode

    def __enter__(self) -> Server:
        return self.wait_ready()

    def __exit__(self, *exc: object) -> None:
        self.stop()


# ---------------------------------------------------------------- WhatsApp


def post_unending_chunks(
    url: str, path: str, headers: dict[str, str], chunk: bytes, chunks: int
) -> str:
    """POST a chunked body of `chunks` chunks that never ends (no last chunk); the status
    line of the response the server gives while still waiting for the rest.

    A server that reads the whole body before judging its size never answers: the socket
    times out and this raises.
    """
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname or "", parts.port or 80), timeout=20) as sock:
        head = [f"POST {path} HTTP/1.1", f"Host: {parts.netloc}", "Transfer-Encoding: chunked"]
        head += [f"{name}: {value}" for name, value in headers.items()]
        sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode())
        try:
            for _ in range(chunks):
                sock.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered and closed while we were still sending
        answer = b""
        while b"\r\n" not in answer:
            data = sock.recv(4096)
            if not data:
                break
            answer += data
    return answer.split(b"\r\n", 1)[0].decode()


def sign(body: bytes, secret: str = SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def webhook(*messages: dict[str, Any], statuses: list[dict[str, Any]] | None = None) -> bytes:
    """A WhatsApp Cloud API webhook payload holding `messages` (and `statuses`)."""
    value: dict[str, Any] = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "5585400000000", "phone_number_id": PHONE_NUMBER_ID},
    }
    if messages:
        value["contacts"] = [{"profile": {"name": "Lead"}, "wa_id": m["from"]} for m in messages]
        value["messages"] = list(messages)
    if statuses:
        value["statuses"] = statuses
    payload = {
        "object": "whatsapp_business_account",
        "entry": [{"id": "WABA", "changes": [{"field": "messages", "value": value}]}],
    }
    return json.dumps(payload, ensure_ascii=False).encode()


def text_message(wa_id: str, message_id: str, text: str) -> dict[str, Any]:
    return {
        "from": wa_id,
        "id": message_id,
        "timestamp": str(int(time.time())),
        "type": "text",
        "text": {"body": text},
    }


@dataclass(frozen=True)
class GraphRequest:
    path: str
    headers: dict[str, str]
    body: Any


class FakeGraph:
    """A local Graph API: records every POST, answers scripted statuses (then 200)."""

    def __init__(self) -> None:
        self.requests: list[GraphRequest] = []
        self.statuses: deque[int] = deque()
        self._lock = threading.Condition()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                with fake._lock:
                    fake.requests.append(
                        GraphRequest(
                            self.path,
                            {k.lower(): v for k, v in self.headers.items()},
                            json.loads(raw or b"null"),
                        )
                    )
                    status = fake.statuses.popleft() if fake.statuses else 200
                    fake._lock.notify_all()
                body = json.dumps(
                    {"messages": [{"id": "wamid.sent"}]} if status == 200 else {"error": {}}
                ).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                if status == 429:
                    self.send_header("Retry-After", "0")
                self.end_headers()
                self.wfile.write(body)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def wait_for(self, count: int, timeout: float = 30) -> list[GraphRequest]:
        return wait_for_count(self._lock, self.requests, count, timeout, "Graph requests")

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


# ---------------------------------------------------------------- HAProxy


HAPROXY_CONFIG = """\
global
    maxconn 2000
defaults
    mode http
    timeout connect 1s
    timeout client 60s
    timeout server 60s
    # A connection refused (a replica just killed) goes to the other replica; what was sent
    # is never replayed here: clients retry with the same message_id.
    retries 2
    option redispatch 1
    option http-server-close
frontend api
    bind 127.0.0.1:{port}
    default_backend replicas
backend replicas
    balance roundrobin
    option httpchk GET /healthz
    default-server inter 300ms fall 1 rise 1
{servers}
"""


@dataclass
class Haproxy:
    """Debian's haproxy in the foreground, round-robin over the given replicas."""

    proc: subprocess.Popen[bytes]
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def start_haproxy(backends: list[int], directory: Path) -> Haproxy:
    port = free_port()
    servers = "\n".join(
        f"    server r{i} 127.0.0.1:{backend} check" for i, backend in enumerate(backends)
    )
    config = directory / "haproxy.cfg"
    config.write_text(HAPROXY_CONFIG.format(port=port, servers=servers))
    proc = subprocess.Popen(
        ["haproxy", "-db", "-f", str(config)],
        stdin=subprocess.DEVNULL,
        stdout=(directory / "haproxy.log").open("wb"),
        stderr=subprocess.STDOUT,
        env={"PATH": os.environ.get("PATH", "/usr/sbin:/usr/bin")},
    )
    haproxy = Haproxy(proc, port)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{haproxy.url}/healthz", timeout=1).status_code == 200:
                return haproxy
        except httpx.TransportError:
            pass
        if proc.poll() is not None:
            raise RuntimeError((directory / "haproxy.log").read_text())
        time.sleep(0.1)
    raise TimeoutError("haproxy did not come up")


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def iter_sse(lines: Iterator[str]) -> Iterator[tuple[str, str]]:
    """(event, data) pairs of a server-sent event stream, joined the way browsers do."""
    event, data = "message", []
    for line in lines:
        if line == "":
            if data:
                yield event, "\n".join(data)
            event, data = "message", []
        elif line.startswith("event:"):
            event = line[6:].strip()
        elif line.startswith("data:"):
            data.append(line[5:].removeprefix(" "))
