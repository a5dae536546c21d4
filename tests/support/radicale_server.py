"""A real CalDAV server for tests: Radicale (PyPI) on a free loopback port, htpasswd auth.

`Radicale.start()` runs `python -m radicale` as a subprocess with its own storage folder
and a plain htpasswd file, waits until it answers, and `stop()` ends it. Each test takes
its own calendar collection with `new_calendar()`, so one server serves the whole run.
`Gate` is a TCP forwarder in front of it that a test closes (connections refused: the
calendar is down) and opens again on the same port (it is back).
"""

from __future__ import annotations

import contextlib
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from caldav.davclient import DAVClient
from icalendar import Calendar, Event

from tests.support.system import free_port

USER = "broker"


def _wait_listening(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port}")


class Radicale:
    """One Radicale process; `base` is the user's home collection URL."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="homer-radicale-"))
        self.password = secrets.token_hex(8)
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> Radicale:
        (self.folder / "users").write_text(f"{USER}:{self.password}\n")
        for _ in range(5):  # another process may take the port between probe and bind
            self.port = free_port()
            config = self.folder / "config"
            config.write_text(
                "[server]\n"
                f"hosts = 127.0.0.1:{self.port}\n"
                "[auth]\n"
                "type = htpasswd\n"
                f"htpasswd_filename = {self.folder / 'users'}\n"
                "htpasswd_encryption = plain\n"
                "[storage]\n"
                f"filesystem_folder = {self.folder / 'collections'}\n"
                "[logging]\n"
                "level = warning\n"
            )
            self.process = subprocess.Popen(
                [sys.executable, "-m", "radicale", "--config", str(config)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            try:
                _wait_listening(self.port, timeout=20)
                return self
            except RuntimeError:
                self.process.kill()
                self.process.wait()
        raise RuntimeError("Radicale did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/{USER}/"

    def client(self, url: str | None = None) -> DAVClient:
        return DAVClient(url=url or self.base, username=USER, password=self.password, timeout=10)

    def new_calendar(self) -> str:
        """A fresh calendar collection; its URL."""
        cal_id = uuid.uuid4().hex[:12]
        self.client().principal().make_calendar(name=f"calls {cal_id}", cal_id=cal_id)
        return f"{self.base}{cal_id}/"

    def events(self, url: str) -> list[Any]:
        """Every VEVENT component in the calendar at `url`."""
        calendar = self.client(url).calendar(url=url)  # type: ignore[no-untyped-call]
        found = []
        for item in calendar.events():
            found.extend(item.icalendar_instance.walk("VEVENT"))
        return found

    def add_busy(self, url: str, start: datetime, end: datetime, summary: str) -> str:
        """Put an event of someone else's in the calendar; its UID."""
        uid = f"{uuid.uuid4()}@test"
        event = Event()
        event.add("uid", uid)
        event.add("dtstamp", start)
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("summary", summary)
        cal = Calendar()
        cal.add("prodid", "-//tests//EN")
        cal.add("version", "2.0")
        cal.add_component(event)
        cal.add_missing_timezones()
        self.client(url).calendar(url=url).add_event(cal.to_ical().decode())  # type: ignore[no-untyped-call]
        return uid


class Gate:
    """A TCP forwarder to `target_port`: `close()` refuses connections, `open()` again."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.port = free_port()
        self._listener: socket.socket | None = None
        self._conns: list[socket.socket] = []
        self._lock = threading.Lock()

    def open(self) -> Gate:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()
        return self

    def close(self) -> None:
        if self._listener is not None:
            with contextlib.suppress(OSError):
                self._listener.shutdown(socket.SHUT_RDWR)
            self._listener.close()
            self._listener = None
        with self._lock:
            for conn in self._conns:
                with contextlib.suppress(OSError):
                    conn.close()
            self._conns.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                client.close()
                continue
            with self._lock:
                self._conns += [client, upstream]
            for src, dst in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(src, dst), daemon=True).start()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := src.recv(65536):
                dst.sendall(data)
        with contextlib.suppress(OSError):
            dst.shutdown(socket.SHUT_WR)
