"""Operator mistakes get one line naming what to fix (issue 22, item 9).

A wrong database password is told from a server that is down; an empty OPENAI_API_KEY is
refused before the banner; `--version` answers.
"""

from __future__ import annotations

import socket
import struct
import threading
from collections.abc import Iterator

import pytest

from tests.conftest import run_cli
from tests.support.system import free_port

PASSWORD = "not-the-right-one-5e3f"
SSL_OR_GSS_REQUEST = {80877103, 80877104}


class RefusingPostgres:
    """A TCP server speaking just enough of the PostgreSQL protocol to refuse every login
    the way a real server refuses a wrong password (ErrorResponse, SQLSTATE 28P01)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = int(self.sock.getsockname()[1])
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._refuse, args=(conn,), daemon=True).start()

    @staticmethod
    def _refuse(conn: socket.socket) -> None:
        with conn:
            try:
                while True:
                    header = conn.recv(8, socket.MSG_WAITALL)
                    if len(header) < 8:
                        return
                    length, code = struct.unpack("!ii", header)
                    if code in SSL_OR_GSS_REQUEST:
                        conn.sendall(b"N")
                        continue
                    conn.recv(length - 8, socket.MSG_WAITALL)  # the startup parameters
                    fields = (
                        b"SFATAL\0VFATAL\0C28P01\0"
                        b'Mpassword authentication failed for user "homer"\0\0'
                    )
                    conn.sendall(b"E" + struct.pack("!i", len(fields) + 4) + fields)
                    return
            except OSError:
                return

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def refusing() -> Iterator[RefusingPostgres]:
    server = RefusingPostgres()
    yield server
    server.close()


def test_a_wrong_database_password_says_so(refusing: RefusingPostgres) -> None:
    url = f"postgresql://homer:{PASSWORD}@127.0.0.1:{refusing.port}/homer"
    result = run_cli("leads", env={"DATABASE_URL": url, "HOMER_CONNECT_TIMEOUT": "2"})
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1, result.stderr
    assert "refused the password" in result.stderr and "'homer'" in result.stderr
    assert "is the server running" not in result.stderr
    assert PASSWORD not in result.stderr + result.stdout


def test_an_empty_openai_api_key_is_refused_before_the_banner(db_url: str) -> None:
    result = run_cli(
        "chat",
        "--session",
        "empty-key",
        env={"DATABASE_URL": db_url, "OPENAI_API_KEY": "", "HOMER_MODEL": ""},
        stdin="Oi\n",
    )
    assert result.returncode == 1
    assert result.stdout == "", result.stdout  # no banner, no reply
    assert result.stderr.count("\n") == 1, result.stderr
    assert "OPENAI_API_KEY is set but empty" in result.stderr
    assert "OpenAIError" not in result.stderr


def test_version() -> None:
    from importlib.metadata import version

    result = run_cli("--version", env={})
    assert result.returncode == 0
    assert result.stdout.strip() == f"homer-agent {version('homer-agent')}"


def test_operator_notices_come_before_the_banner_in_english(db_url: str) -> None:
    """First start: the documents are indexed and metrics served; both are said before
    the banner (never between the lead's lines), on standard error, in English."""
    port = free_port()
    result = run_cli(
        "chat",
        "--session",
        "notices",
        env={"DATABASE_URL": db_url, "HOMER_METRICS_PORT": str(port)},
        stdin="Oi, sou a Rita\n",
    )
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    documents = next(i for i, line in enumerate(lines) if line.startswith("Documents: "))
    served = next(i for i, line in enumerate(lines) if line.startswith("Metrics: http://"))
    banner = next(i for i, line in enumerate(lines) if line.startswith("Homer · "))
    assert documents < banner and served < banner, lines
    assert "built-in offline model" in lines[banner] and "modelo" not in lines[banner]
    assert "Documents" not in result.stdout and "Metrics" not in result.stdout
