"""Request bodies read up to a limit: a body over it is refused before it is all read."""

from __future__ import annotations

from fastapi import Request

__all__ = ["read_body"]


async def read_body(request: Request, max_bytes: int) -> bytes | None:
    """The body, or None as soon as it is longer than `max_bytes`.

    The declared Content-Length is checked first; a chunked body (no length declared) is
    read a chunk at a time and given up on at the limit, so a client can never make a
    replica hold more than `max_bytes` of one request in memory.
    """
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_bytes:
            return None
        chunks.append(chunk)
    return b"".join(chunks)
