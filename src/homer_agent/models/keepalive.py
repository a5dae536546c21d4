"""The OpenAI-compatible provider's HTTP client: one connection kept between model calls.

The `openai` client stops reading a streamed answer at its `data: [DONE]` event and closes
the response, leaving the end of the chunked body unread, so its connection pool drops the
connection: every model call opened a new one (with a real provider, a TLS handshake per
call). This client reads that end when the stream stopped at `[DONE]`, so the connection
goes back to the pool and the next call reuses it. A stream closed anywhere else (an error,
a timeout) is closed as before.

A server sends the end right after `[DONE]`. One that has not within `DRAIN_SECONDS` (it
holds the body open, or delays small writes) has its connection closed as before, and the
client stops waiting for ends from then on.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final

import httpx2
from openai import DefaultHttpxClient

DRAIN_SECONDS: Final = 0.1
"""How long the end of a finished stream's body is waited for."""
_DONE: Final = b"data: [DONE]"
_TAIL: Final = 64


class _DrainAfterDone(httpx2.SyncByteStream):
    """A response body that, closed right after its `[DONE]` event, reads the body's end."""

    def __init__(
        self, inner: httpx2.SyncByteStream, timeout: dict[str, Any], client: KeepAliveClient
    ) -> None:
        self._inner = inner
        self._timeout = timeout
        self._client = client
        self._tail = b""

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._inner:
            self._tail = (self._tail + chunk)[-_TAIL:]
            yield chunk

    def close(self) -> None:
        try:
            if self._client.drain and self._tail.rstrip().endswith(_DONE):
                self._timeout["read"] = DRAIN_SECONDS  # read when the next read starts
                for _ in self._inner:  # the chunked body's last chunk
                    pass
        except httpx2.TimeoutException:
            self._client.drain = False
        except Exception:  # a broken end: the connection is closed, as before
            pass
        finally:
            self._inner.close()


class KeepAliveClient(DefaultHttpxClient):
    """`openai`'s default HTTP client (its timeouts, limits and redirects), keeping the
    connection of a streamed answer that ended normally."""

    drain: bool = True
    """False once a server did not end a finished stream's body in time."""

    def send(self, request: httpx2.Request, **kwargs: Any) -> httpx2.Response:
        response = super().send(request, **kwargs)
        timeout = request.extensions.get("timeout")
        if (
            self.drain
            and kwargs.get("stream")
            and isinstance(response.stream, httpx2.SyncByteStream)
            and isinstance(timeout, dict)
        ):
            response.stream = _DrainAfterDone(response.stream, timeout, self)
        return response
