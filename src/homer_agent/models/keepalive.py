"""The OpenAI-compatible provider's HTTP client: one connection kept between model calls.

The `openai` client stops reading a streamed answer at its `data: [DONE]` event and closes
the response, leaving the end of the chunked body unread, so its connection pool drops the
connection: every model call opened a new one (with a real provider, a TLS handshake per
call). This client reads that end when the stream stopped at `[DONE]` (waiting at most
`DRAIN_SECONDS` for it), so the connection goes back to the pool and the next call reuses
it. A stream closed anywhere else (an error, a timeout) is closed as before.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final

import httpx2
from openai import DefaultHttpxClient

DRAIN_SECONDS: Final = 1.0
"""How long the end of a finished stream's body is waited for (a server sends it at once)."""
_DONE: Final = b"data: [DONE]"
_TAIL: Final = 64


class _DrainAfterDone(httpx2.SyncByteStream):
    """A response body that, closed right after its `[DONE]` event, reads the body's end."""

    def __init__(self, inner: httpx2.SyncByteStream, timeout: dict[str, Any] | None) -> None:
        self._inner = inner
        self._timeout = timeout
        self._tail = b""

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._inner:
            self._tail = (self._tail + chunk)[-_TAIL:]
            yield chunk

    def close(self) -> None:
        try:
            if self._tail.rstrip().endswith(_DONE):
                if self._timeout is not None:
                    self._timeout["read"] = DRAIN_SECONDS
                for _ in self._inner:  # the chunked body's last chunk, already sent
                    pass
        except Exception:  # then the connection is closed, as before
            pass
        finally:
            self._inner.close()


class KeepAliveClient(DefaultHttpxClient):
    """`openai`'s default HTTP client (its timeouts, limits and redirects), keeping the
    connection of a streamed answer that ended normally."""

    def send(self, request: httpx2.Request, **kwargs: Any) -> httpx2.Response:
        response = super().send(request, **kwargs)
        if kwargs.get("stream") and isinstance(response.stream, httpx2.SyncByteStream):
            timeout = request.extensions.get("timeout")
            response.stream = _DrainAfterDone(
                response.stream, timeout if isinstance(timeout, dict) else None
            )
        return response
