"""The embedded PostgreSQL follows `chat` and `serve` (issue 22, item 8).

SIGTERM or SIGHUP (the terminal closed) stops the server when that process was its last
user, as Ctrl-D does; a server that dies under a running chat is started again by it.
"""

from __future__ import annotations

import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from tests.support.reliability_support import EXE, ChatProcess, cli_env
from tests.support.system import free_port, wait_until


def _postmaster(data_dir: Path) -> psutil.Process | None:
    try:
        pid = int((data_dir / "pgdata" / "postmaster.pid").read_text().split()[0])
        process = psutil.Process(pid)
    except (FileNotFoundError, ValueError, IndexError, psutil.Error):
        return None
    return process if process.is_running() and process.status() != psutil.STATUS_ZOMBIE else None


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    directory = tmp_path_factory.mktemp("embedded")
    yield directory
    leftover = _postmaster(directory)
    if leftover is not None:  # a failed test must not leave a server behind
        leftover.terminate()
        leftover.wait(30)


def _chat(data_dir: Path, tmp_path: Path) -> ChatProcess:
    """`homer-agent chat` on the embedded server of `data_dir`, ready for its first line."""
    chat = ChatProcess(
        "lifecycle", {"HOMER_DATA_DIR": str(data_dir)}, stderr_path=tmp_path / "chat.log"
    )
    chat.wait_ready(timeout=90)
    return chat


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_stops_the_embedded_server_with_its_last_user(
    data_dir: Path, tmp_path: Path, signum: int
) -> None:
    chat = _chat(data_dir, tmp_path)
    try:
        server = _postmaster(data_dir)
        assert server is not None
        assert chat.ask("Oi", timeout=90)
        chat.proc.send_signal(signum)
        assert chat.proc.wait(timeout=60) == 128 + signum
        wait_until("the server to stop", lambda: not server.is_running(), timeout=60)
        assert "Traceback" not in chat.stderr()
    finally:
        chat.kill()


def test_a_chat_starts_its_embedded_server_again_if_it_dies(data_dir: Path, tmp_path: Path) -> None:
    chat = _chat(data_dir, tmp_path)
    try:
        server = _postmaster(data_dir)
        assert server is not None and chat.ask("Oi, sou a Lia", timeout=90)
        server.kill()  # SIGKILL: no shutdown at all
        server.wait(30)

        def restarted() -> psutil.Process | None:
            # postmaster.pid ends with "ready" once the server accepts connections.
            pidfile = (data_dir / "pgdata" / "postmaster.pid").read_text()
            return _postmaster(data_dir) if pidfile.rstrip().endswith("ready") else None

        again = wait_until("a new server", restarted, timeout=60)
        assert again.pid != server.pid
        reply = chat.ask("Quero 3 quartos", timeout=90)
        assert "Tente de novo" not in reply and "quartos" in reply.lower(), reply
    finally:
        chat.proc.send_signal(signal.SIGTERM)
        chat.proc.wait(timeout=60)
        chat.kill()


@pytest.mark.parametrize("workers", ["1", "2"])
def test_sigterm_of_serve_stops_the_embedded_server(
    data_dir: Path, tmp_path: Path, workers: str
) -> None:
    import httpx

    port = free_port()
    log = tmp_path / "serve.log"
    proc = subprocess.Popen(
        [str(EXE), "serve", "--port", str(port), "--workers", workers],
        stdin=subprocess.DEVNULL,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        env=cli_env({"HOMER_DATA_DIR": str(data_dir)}),
    )

    def ready() -> bool:
        try:
            return httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200
        except httpx.TransportError:
            return proc.poll() is not None and pytest.fail(log.read_text())

    wait_until("serve", ready)
    server = _postmaster(data_dir)
    assert server is not None
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)
    wait_until("the server to stop", lambda: not server.is_running(), timeout=60)
    assert "Traceback" not in log.read_text()
