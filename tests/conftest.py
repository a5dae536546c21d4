"""Shared fixtures for every layer: a real PostgreSQL (embedded, or TEST_DATABASE_URL), one
database per test; a Radicale server; a scripted OpenAI server (`provider`); a writable copy
of the example development's documents (`docs`). Everything under tests/integration/ is
marked `slow`, so `uv run pytest -m "not slow"` is the quick loop.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from homer_agent.db.pool import Pool, open_pool
from tests.support.cli import run_cli
from tests.support.databases import (
    copy_database,
    create_migrated,
    drop_database,
    make_ephemeral,
    start_embedded,
    with_dbname,
)
from tests.support.paths import DATA, ROOT

__all__ = ["ROOT", "SHARED", "TEMPLATE_DB", "fresh_database", "run_cli", "with_dbname"]

SHARED = ROOT.parent / "shared"
TEMPLATE_DB = "homer_test_template"


@pytest.fixture(scope="session")
def server_url() -> Iterator[str]:
    """A PostgreSQL server for the whole run: TEST_DATABASE_URL (left as it is), or an
    embedded one in a temporary directory, without crash safety (`make_ephemeral`)."""
    given = os.environ.get("TEST_DATABASE_URL")
    if given:
        yield given
        return
    server = start_embedded("homer-test-pg-")
    url = str(server.get_uri())
    make_ephemeral(url)
    yield url
    server.cleanup()


@pytest.fixture(scope="session")
def template_url(server_url: str) -> str:
    """A migrated database that each test's database is copied from."""
    return create_migrated(server_url, TEMPLATE_DB)


@contextmanager
def fresh_database(server_url: str, prefix: str = "homer_test") -> Iterator[str]:
    """A new database copied from the migrated template, dropped afterwards."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    yield copy_database(server_url, TEMPLATE_DB, name)
    drop_database(server_url, name)


@pytest.fixture
def db_url(server_url: str, template_url: str) -> Iterator[str]:
    """A fresh, migrated database of this test's own."""
    with fresh_database(server_url) as url:
        yield url


@pytest.fixture(scope="module")
def module_db_url(server_url: str, template_url: str) -> Iterator[str]:
    """One fresh migrated database for a whole module (its tests use keys of their own)."""
    with fresh_database(server_url, "homer_test_module") as url:
        yield url


@pytest.fixture
def pool(db_url: str) -> Iterator[Pool]:
    p = open_pool(db_url, max_size=4)
    yield p
    p.close()


@pytest.fixture(scope="session")
def radicale() -> Iterator[Any]:
    """A real CalDAV server (Radicale, htpasswd auth) on a free loopback port, per run."""
    from tests.support.radicale_server import Radicale

    server = Radicale().start()
    yield server
    server.stop()


@pytest.fixture
def provider() -> Iterator[Any]:
    """A scripted OpenAI-compatible server (tests/support/fake_openai.FakeOpenAI), per test."""
    from tests.support.fake_openai import FakeOpenAI

    with FakeOpenAI() as fake:
        yield fake


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A writable copy of the fictional development's documents (tests/data/kb)."""
    folder = tmp_path / "docs"
    shutil.copytree(DATA / "kb", folder)
    return folder


INTEGRATION = Path(__file__).resolve().parent / "integration"
UNIT = Path(__file__).resolve().parent / "unit"
# Fixtures that start a server: a test using one belongs in tests/integration/.
SERVER_FIXTURES = frozenset(
    {"server_url", "template_url", "db_url", "module_db_url", "pool", "radicale", "provider"}
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test under tests/integration/ `slow` (real Postgres, servers, processes);
    refuse a test under tests/unit/ that asks for a server."""
    for item in items:
        if item.path.is_relative_to(INTEGRATION):
            item.add_marker(pytest.mark.slow)
        elif item.path.is_relative_to(UNIT):
            servers = SERVER_FIXTURES.intersection(getattr(item, "fixturenames", ()))
            if servers:
                raise pytest.UsageError(
                    f"{item.nodeid} uses {', '.join(sorted(servers))}: tests/unit/ holds pure "
                    "functions only; move it to tests/integration/"
                )
