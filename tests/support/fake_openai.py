"""A scripted OpenAI-compatible chat-completions server, over real HTTP, for tests.

`FakeOpenAI` is a stdlib `ThreadingHTTPServer` on 127.0.0.1 and an ephemeral port,
served from a background thread. It implements ``POST /v1/chat/completions`` for both
``stream: false`` (one JSON body) and ``stream: true`` (server-sent events: ``data: {...}``
chunks with content and ``tool_calls`` deltas, a final usage chunk when
``stream_options.include_usage`` is set, then ``data: [DONE]``), and ``GET /v1/models``.

The test scripts the answers: each chat request takes the next response from a queue.

    from tests.support.fake_openai import Error, FakeOpenAI, Text, ToolCalls, call

    with FakeOpenAI() as server:
        server.script(
            ToolCalls(call("update_lead_name", name="Ana")),
            Error(500, retry_after=0.01),          # the client retries ...
            Text("Prazer, Ana!"),                  # ... and gets this
        )
        run_cli("chat", "--session", "k", env=server.env(), stdin="Sou a Ana\\n")
        first = server.requests[0]
        first.body["tools"], first.messages[0]["content"], first.stream

Responses (all frozen dataclasses; each takes ``delay``, seconds to wait before answering,
which is how a test provokes a client timeout):

- `Text(content)`: an assistant message. Streamed word by word, ``chunk_delay`` seconds
  between chunks.
- `ToolCalls(*calls, content="")`: an assistant message with tool calls; build each with
  `call(name, **args)`, or `Call(name, arguments)` where a ``str`` is sent verbatim
  (e.g. malformed JSON).
- `Error(status, message)`: an HTTP error with an OpenAI-style body
  ``{"error": {"message", "type", "param", "code"}}``; ``retry_after`` (seconds) sets the
  ``retry-after-ms`` header that the openai client honours instead of its own back-off.
- `Disconnect()`: the connection is closed without any response (a provider that is down
  or a proxy that drops the request).
- `Garbled(body)`: a 200 whose body is not the API's (a captive portal, a broken proxy).

An outage, whatever the script says: `down(response)` answers every chat request with
`response` until `up()` (the queue waits meanwhile): ``down(Error(503))`` for a provider
returning errors, ``down(Error(401))`` for a revoked key, ``down(Text("…", delay=60))``
for one slower than any client timeout, ``down(Refused())`` for one that is not there
at all (the port stops listening and open connections are cut, so the client's
connections are refused; `up()` listens again on the same port).

When the queue is empty the server answers with `FakeOpenAI.default` (None: a 500 error
saying the script ran out, so a test notices an unexpected extra request); `pending()`
tells how many scripted responses are left. Every request is recorded, in arrival order,
in `FakeOpenAI.requests` (`Received`: method, path, headers, parsed JSON body, plus the
`messages`, `tools` and `stream` views), including the ones answered with an error;
`chat_requests` keeps the chat ones and `wait_for_requests(n)` blocks until n arrived.
A provider that is down altogether: `stop()` the server (connections are refused).

``POST /v1/embeddings`` answers without the script: each input gets `embed_text(text,
FakeOpenAI.embedding_dim)`, a deterministic hashed bag of its words (L2-normalised), so
texts sharing words are near and a test can compute the expected cosine itself;
`embedding_requests` keeps those requests. Set `embedding_error` (an `Error`) to make
the endpoint fail.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import math
import re
import socket
import sys
import threading
import time
import unicodedata
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

from tests.support.system import wait_for_count

__all__ = [
    "Call",
    "Disconnect",
    "Error",
    "FakeOpenAI",
    "Garbled",
    "Received",
    "Refused",
    "Response",
    "Text",
    "ToolCalls",
    "call",
]

if TYPE_CHECKING:
    from homer_agent.config import Settings


# ---------------------------------------------------------------- responses


@dataclass(frozen=True)
class Call:
    """One tool call. ``arguments``: a dict (sent as JSON) or a string sent verbatim."""

    name: str
    arguments: Mapping[str, Any] | str = field(default_factory=dict)
    id: str | None = None
    """The tool call id; None: a fresh ``call_N``."""

    def arguments_json(self) -> str:
        if isinstance(self.arguments, str):
            return self.arguments
        return json.dumps(dict(self.arguments), ensure_ascii=False)


def call(name: str, /, **arguments: Any) -> Call:
    """`Call` with keyword arguments: ``call("update_bedrooms", bedrooms=3)``."""
    return Call(name, arguments)


@dataclass(frozen=True)
class Text:
    """An assistant text reply."""

    content: str
    delay: float = 0.0
    chunk_delay: float = 0.0
    usage: tuple[int, int] | None = None
    """(prompt_tokens, completion_tokens); None: counted roughly from the words."""


@dataclass(frozen=True, init=False)
class ToolCalls:
    """An assistant message that calls tools (``finish_reason: tool_calls``)."""

    calls: tuple[Call, ...]
    content: str = ""
    delay: float = 0.0
    chunk_delay: float = 0.0
    usage: tuple[int, int] | None = None

    def __init__(
        self,
        *calls: Call,
        content: str = "",
        delay: float = 0.0,
        chunk_delay: float = 0.0,
        usage: tuple[int, int] | None = None,
    ) -> None:
        object.__setattr__(self, "calls", tuple(calls))
        object.__setattr__(self, "content", content)
        object.__setattr__(self, "delay", delay)
        object.__setattr__(self, "chunk_delay", chunk_delay)
        object.__setattr__(self, "usage", usage)


_ERROR_TYPES = {400: "invalid_request_error", 401: "authentication_error", 429: "rate_limit_error"}


@dataclass(frozen=True)
class Error:
    """An HTTP error status with an OpenAI-style error body."""

    status: int = 500
    message: str = "The server had an error while processing your request."
    type: str | None = None
    """None: derived from the status (rate_limit_error, server_error, ...)."""
    code: str | None = None
    retry_after: float | None = None
    """Seconds, sent as ``retry-after-ms``; None: no header (the client backs off itself)."""
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0

    def body(self) -> dict[str, Any]:
        kind = self.type or _ERROR_TYPES.get(
            self.status, "server_error" if self.status >= 500 else "invalid_request_error"
        )
        return {"error": {"message": self.message, "type": kind, "param": None, "code": self.code}}


@dataclass(frozen=True)
class Disconnect:
    """Close the connection without sending any response."""

    delay: float = 0.0


@dataclass(frozen=True)
class Garbled:
    """A 200 whose body is not what the API promises (a captive portal, a broken proxy):
    sent as the one event of a stream, or as the whole body otherwise."""

    body: str = "<html><body>502 Bad Gateway</body></html>"
    delay: float = 0.0


Response = Text | ToolCalls | Error | Disconnect | Garbled


@dataclass(frozen=True)
class Refused:
    """For `FakeOpenAI.down`: stop listening, so connections are refused."""


# ---------------------------------------------------------------- requests


@dataclass(frozen=True)
class Received:
    """One request as the server received it."""

    method: str
    path: str
    headers: Mapping[str, str]
    body: Any
    """The parsed JSON body (None when there was none or it was not JSON)."""
    at: float = 0.0
    """`time.perf_counter()` when the request had been read (one clock for all processes
    on Linux: CLOCK_MONOTONIC), for latency measured around the model."""

    @property
    def messages(self) -> list[dict[str, Any]]:
        """The chat messages sent (system prompt first, then the history)."""
        return list(self.body.get("messages", [])) if isinstance(self.body, dict) else []

    @property
    def stream(self) -> bool:
        return isinstance(self.body, dict) and bool(self.body.get("stream"))

    @property
    def tools(self) -> dict[str, dict[str, Any]]:
        """The tools sent, by name: their JSON-schema ``parameters``."""
        found: dict[str, dict[str, Any]] = {}
        for tool in self.body.get("tools", []) if isinstance(self.body, dict) else []:
            function = tool.get("function", {})
            found[function.get("name")] = function.get("parameters", {})
        return found


# ---------------------------------------------------------------- embeddings


def embed_text(text: str, dim: int = 32) -> list[float]:
    """A deterministic embedding: each folded word adds ±1 at a hashed coordinate."""
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    vector = [0.0] * dim
    for word in re.findall(r"[a-z0-9]+", folded):
        digest = hashlib.sha256(word.encode()).digest()
        vector[digest[0] % dim] += 1.0 if digest[1] % 2 else -1.0
    norm = math.sqrt(sum(x * x for x in vector)) or 1.0
    return [x / norm for x in vector]


# ---------------------------------------------------------------- the server


class FakeOpenAI:
    """A scripted OpenAI-compatible server on 127.0.0.1 (see the module docstring).

    Use as a context manager, or call `start` and `stop`. Thread-safe: `script` may be
    called while requests are being served.
    """

    def __init__(self, *, default: Response | None = None, host: str = "127.0.0.1") -> None:
        self.default = default
        self._outage: Response | None = None
        self.embedding_dim = 32
        self.embedding_error: Error | None = None
        self._queue: deque[Response] = deque()
        self._received: list[Received] = []
        self._answered_at: list[float] = []
        self._lock = threading.Condition()
        self._stopping = threading.Event()
        self._ids = itertools.count(1)
        self._httpd = _Server((host, 0), _Handler)
        self._httpd.fake = self
        self._thread: threading.Thread | None = None

    # -- lifecycle

    def start(self) -> FakeOpenAI:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._httpd.serve_forever,
                kwargs={"poll_interval": 0.05},
                name="fake-openai",
                daemon=True,
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; requests still sleeping in a ``delay`` are dropped."""
        self._stopping.set()
        self._close()

    def _close(self) -> None:
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._httpd.server_close()
        self._httpd.cut_connections()

    # -- outages

    def down(self, response: Response | Refused | None = None) -> None:
        """Fail every chat request with `response` (default: a 503) until `up()`;
        `Refused()`: stop listening altogether."""
        if isinstance(response, Refused):
            with self._lock:
                self._outage = None
            self._close()
            return
        with self._lock:
            self._outage = response if response is not None else Error(503)

    def up(self) -> None:
        """End the outage: the script (and the default) answer again, on the same port."""
        with self._lock:
            self._outage = None
        if self._thread is None and not self._stopping.is_set():
            host, port = self._httpd.server_address[:2]
            self._httpd = _Server((str(host), int(port)), _Handler)
            self._httpd.fake = self
            self.start()

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- addresses

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        """What OPENAI_BASE_URL should be: ``http://127.0.0.1:PORT/v1``."""
        return f"http://127.0.0.1:{self.port}/v1"

    def env(self, model: str = "fake-model", api_key: str = "test") -> dict[str, str]:
        """Environment for `homer-agent` to talk to this server."""
        return {"OPENAI_BASE_URL": self.base_url, "OPENAI_API_KEY": api_key, "HOMER_MODEL": model}

    def settings(self, model: str = "fake-model", **overrides: Any) -> Settings:
        """Settings for the agent to talk to this server, without retries; `overrides`
        (field names) win."""
        from homer_agent.config import Settings

        return Settings(
            **{
                "homer_model": model,
                "openai_base_url": self.base_url,
                "openai_api_key": "test",
                "homer_model_retries": 0,
            }
            | overrides
        )

    # -- scripting

    def script(self, *responses: Response) -> None:
        """Queue responses, answered one per chat request in this order."""
        with self._lock:
            self._queue.extend(responses)

    def pending(self) -> int:
        """How many scripted responses are still unused."""
        with self._lock:
            return len(self._queue)

    @property
    def requests(self) -> list[Received]:
        """Every request received so far (a copy), oldest first."""
        with self._lock:
            return list(self._received)

    @property
    def chat_requests(self) -> list[Received]:
        """The ``/chat/completions`` requests only."""
        return [r for r in self.requests if r.path.rstrip("/").endswith("/chat/completions")]

    @property
    def embedding_requests(self) -> list[Received]:
        """The ``/embeddings`` requests only."""
        return [r for r in self.requests if r.path.rstrip("/").endswith("/embeddings")]

    def wait_for_requests(self, count: int, timeout: float = 10.0) -> list[Received]:
        """Block until at least `count` requests arrived; raises TimeoutError otherwise."""
        return wait_for_count(self._lock, self._received, count, timeout, "requests")

    # -- used by the handler

    def _record(self, received: Received) -> None:
        with self._lock:
            self._received.append(received)
            self._lock.notify_all()

    def _next_response(self) -> Response:
        with self._lock:
            if self._outage is not None:
                return self._outage
            if self._queue:
                return self._queue.popleft()
        if self.default is not None:
            return self.default
        return Error(500, "fake_openai: no scripted response left for this request")

    @property
    def answered_at(self) -> list[float]:
        """`time.perf_counter()` when each chat answer (streamed or whole) had been written, in
        order."""
        with self._lock:
            return list(self._answered_at)

    def _answered(self, at: float) -> None:
        with self._lock:
            self._answered_at.append(at)

    def _next_call_id(self) -> str:
        return f"call_{next(self._ids)}"

    def _sleep(self, seconds: float) -> bool:
        """Sleep; False when the server is stopping meanwhile."""
        return not (seconds > 0 and self._stopping.wait(seconds))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeOpenAI

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client closing its kept-alive connection is normal, not worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler]) -> None:
        super().__init__(address, handler)
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def cut_connections(self) -> None:
        """Close kept-alive connections too: a provider that is gone answers nothing."""
        with self._open_lock:
            sockets = list(self._open)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


_WORD_RE = re.compile(r"\S+\s*|\s+")


def _pieces(text: str) -> list[str]:
    """Text in word-sized pieces, whitespace kept, so the pieces join back to the text."""
    return _WORD_RE.findall(text)


def _count_words(value: Any) -> int:
    if isinstance(value, str):
        return len(value.split())
    if isinstance(value, dict):
        return sum(_count_words(v) for v in value.values())
    if isinstance(value, list):
        return sum(_count_words(v) for v in value)
    return 0


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Each write goes out at once, as real providers' servers send (TCP_NODELAY): a whole
    # answer's body is not held back until the client acknowledges its headers (Nagle).
    disable_nagle_algorithm = True
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: pytest output is for the tests."""

    # -- routing

    def do_GET(self) -> None:
        self._record(None)
        if self.path.rstrip("/").endswith("/models"):
            self._send_json(200, {"object": "list", "data": [{"id": "fake-model"}]})
        else:
            self._send_json(404, Error(404, f"no route {self.path}").body())

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
        self._record(body)
        if self.path.rstrip("/").endswith("/embeddings"):
            self._embeddings(body)
            return
        if not self.path.rstrip("/").endswith("/chat/completions"):
            self._send_json(404, Error(404, f"no route {self.path}").body())
            return
        if not isinstance(body, dict):
            self._send_json(400, Error(400, "the body must be a JSON object").body())
            return
        fake = self.server.fake
        response = fake._next_response()
        if not fake._sleep(response.delay):
            self._drop()
            return
        try:
            self._answer(response, body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (a timeout): nothing to do

    def _record(self, body: Any) -> None:
        self.server.fake._record(
            Received(
                method=self.command,
                path=self.path,
                headers={k.lower(): v for k, v in self.headers.items()},
                body=body,
                at=time.perf_counter(),
            )
        )

    # -- answers

    def _embeddings(self, body: Any) -> None:
        fake = self.server.fake
        if fake.embedding_error is not None:
            error = fake.embedding_error
            self._send_json(error.status, error.body(), dict(error.headers))
            return
        inputs = body.get("input") if isinstance(body, dict) else None
        if isinstance(inputs, str):
            inputs = [inputs]
        if not isinstance(inputs, list) or not all(isinstance(i, str) for i in inputs):
            self._send_json(400, Error(400, "input must be a string or a list of strings").body())
            return
        data = [
            {"object": "embedding", "index": n, "embedding": embed_text(text, fake.embedding_dim)}
            for n, text in enumerate(inputs)
        ]
        words = sum(len(text.split()) for text in inputs)
        self._send_json(
            200,
            {
                "object": "list",
                "data": data,
                "model": body.get("model", ""),
                "usage": {"prompt_tokens": words, "total_tokens": words},
            },
        )

    def _answer(self, response: Response, body: dict[str, Any]) -> None:
        if isinstance(response, Disconnect):
            self._drop()
        elif isinstance(response, Garbled):
            self._garbled(response, stream=bool(body.get("stream")))
        elif isinstance(response, Error):
            headers = dict(response.headers)
            if response.retry_after is not None:
                headers.setdefault(
                    "retry-after-ms", str(max(1, round(response.retry_after * 1000)))
                )
            self._send_json(response.status, response.body(), headers)
        elif body.get("stream"):
            self._stream(response, body)
        else:
            self._send_json(200, self._completion(response, body))
            self.server.fake._answered(time.perf_counter())

    def _usage(self, response: Text | ToolCalls, body: dict[str, Any]) -> dict[str, int]:
        if response.usage is not None:
            prompt, completion = response.usage
        else:
            prompt = _count_words(body.get("messages", [])) + 3
            completion = _count_words(response.content) + sum(
                len(c.arguments_json().split()) + 1
                for c in (response.calls if isinstance(response, ToolCalls) else ())
            )
        return {
            "prompt_tokens": prompt,
            "completion_tokens": completion,
            "total_tokens": prompt + completion,
        }

    def _tool_calls(self, response: Text | ToolCalls) -> list[tuple[str, Call]]:
        if not isinstance(response, ToolCalls):
            return []
        fake = self.server.fake
        return [(c.id or fake._next_call_id(), c) for c in response.calls]

    def _envelope(self, body: dict[str, Any], kind: str) -> dict[str, Any]:
        return {
            "id": f"chatcmpl-fake-{id(self):x}",
            "object": kind,
            "created": int(time.time()),
            "model": str(body.get("model", "fake-model")),
            "system_fingerprint": None,
        }

    def _completion(self, response: Text | ToolCalls, body: dict[str, Any]) -> dict[str, Any]:
        calls = self._tool_calls(response)
        message: dict[str, Any] = {"role": "assistant", "content": response.content or None}
        if calls:
            message["tool_calls"] = [
                {
                    "id": call_id,
                    "type": "function",
                    "function": {"name": c.name, "arguments": c.arguments_json()},
                }
                for call_id, c in calls
            ]
        return {
            **self._envelope(body, "chat.completion"),
            "choices": [
                {
                    "index": 0,
                    "message": message,
                    "logprobs": None,
                    "finish_reason": "tool_calls" if calls else "stop",
                }
            ],
            "usage": self._usage(response, body),
        }

    def _chunks(self, response: Text | ToolCalls, body: dict[str, Any]) -> Iterator[Any]:
        envelope = self._envelope(body, "chat.completion.chunk")

        def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
            return {
                **envelope,
                "choices": [
                    {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}
                ],
            }

        yield chunk({"role": "assistant", "content": ""})
        for piece in _pieces(response.content):
            yield chunk({"content": piece})
        calls = self._tool_calls(response)
        for index, (call_id, c) in enumerate(calls):
            yield chunk(
                {
                    "tool_calls": [
                        {
                            "index": index,
                            "id": call_id,
                            "type": "function",
                            "function": {"name": c.name, "arguments": ""},
                        }
                    ]
                }
            )
            arguments = c.arguments_json()
            half = len(arguments) // 2
            for part in (arguments[:half], arguments[half:]):
                if part:
                    yield chunk({"tool_calls": [{"index": index, "function": {"arguments": part}}]})
        yield chunk({}, "tool_calls" if calls else "stop")
        options = body.get("stream_options") or {}
        if isinstance(options, dict) and options.get("include_usage"):
            yield {**envelope, "choices": [], "usage": self._usage(response, body)}
        yield "[DONE]"

    def _stream(self, response: Text | ToolCalls, body: dict[str, Any]) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        fake = self.server.fake
        for index, event in enumerate(self._chunks(response, body)):
            if index and not fake._sleep(response.chunk_delay):
                self._drop()
                return
            data = event if isinstance(event, str) else json.dumps(event, ensure_ascii=False)
            self._write_chunk(f"data: {data}\n\n".encode())
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()
        fake._answered(time.perf_counter())

    def _garbled(self, response: Garbled, *, stream: bool) -> None:
        data = response.body.encode()
        if stream:
            data = b"data: " + data + b"\n\n"
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream" if stream else "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()

    def _write_chunk(self, payload: bytes) -> None:
        self.wfile.write(f"{len(payload):x}\r\n".encode() + payload + b"\r\n")
        self.wfile.flush()

    def _send_json(
        self, status: int, payload: Any, headers: Mapping[str, str] | None = None
    ) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()

    def _drop(self) -> None:
        """Close the connection at once, answering nothing."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)
