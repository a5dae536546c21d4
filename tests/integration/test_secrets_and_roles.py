"""Secrets stay secret; each database role can do what it needs and nothing more.

- `.env` is git-ignored and read for settings; API keys and database passwords never show
  up in standard output, standard error (even at DEBUG) or `/metrics`.
- The compose role script (docker/postgres/initdb) runs on a fresh database of the test
  server, the migrations run as the app's role `homer`, and real connections as `homer`,
  `homer_exporter`, `homer_grafana` and a stranger check what each can and cannot do.
"""

from __future__ import annotations

import secrets
import subprocess
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

import psycopg
import pytest

from homer_agent.db.migrate import migrate
from homer_agent.db.pool import open_pool
from homer_agent.models.offline import OfflineChatModel
from tests.conftest import run_cli, with_dbname
from tests.support.cli import EXE, clean_environ
from tests.support.reliability_support import chat_process
from tests.support.roles import ROLES, run_roles_script
from tests.support.sessions import session_for
from tests.support.system import free_port

ROOT = Path(__file__).resolve().parents[2]


# ---------------------------------------------------------------- .env


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="not a git checkout")
def test_dotenv_is_git_ignored_and_untracked() -> None:
    paths = [".env", "docker/.env", "src/homer_agent/.env"]
    ignored = subprocess.run(
        ["git", "check-ignore", "--no-index", *paths],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert ignored.stdout.split() == paths, ".gitignore must ignore .env files, everywhere"
    tracked = subprocess.run(
        ["git", "ls-files", "--", ".env", "**/.env"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert tracked.stdout == ""


def test_settings_come_from_dotenv_in_the_working_directory(tmp_path: Path, db_url: str) -> None:
    (tmp_path / ".env").write_text(
        f"DATABASE_URL={db_url}\nHOMER_MODEL=offline\nHOMER_METRICS_PORT=0\n", encoding="utf-8"
    )
    done = subprocess.run(
        [str(EXE), "chat", "--session", "from-dotenv"],
        input=b"Oi, meu nome e Ana\n",
        capture_output=True,
        env=clean_environ(),
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    with psycopg.connect(db_url) as conn:
        row = conn.execute("SELECT name FROM leads WHERE session_key = 'from-dotenv'").fetchone()
    assert row == ("Ana",)


# ---------------------------------------------------------------- secrets never shown

API_KEY = "sk-secret-" + secrets.token_hex(12)
DB_PASSWORD = "pg-secret-" + secrets.token_hex(12)


def _with_password(url: str, password: str) -> str:
    parts = urlsplit(url)
    user = parts.username or "postgres"
    host = parts.hostname or ""
    netloc = f"{user}:{quote(password)}@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


def _assert_no_secret(*texts: str) -> None:
    for text in texts:
        for secret in (API_KEY, DB_PASSWORD, API_KEY[-12:], DB_PASSWORD[-12:]):
            assert secret not in text, text


def test_unreachable_database_error_hides_the_password() -> None:
    url = f"postgresql://homer:{DB_PASSWORD}@127.0.0.1:1/homer"
    for args in (("leads",), ("chat", "--session", "k")):
        result = run_cli(
            *args,
            env={"DATABASE_URL": url, "HOMER_CONNECT_TIMEOUT": "2", "HOMER_LOG_LEVEL": "DEBUG"},
        )
        assert result.returncode == 1
        assert "127.0.0.1:1" in result.stderr
        _assert_no_secret(result.stdout, result.stderr)


def test_bad_settings_errors_hide_the_secrets() -> None:
    result = run_cli(
        "leads",
        env={
            "DATABASE_URL": f"mysql://homer:{DB_PASSWORD}@db/homer",
            "OPENAI_API_KEY": API_KEY,
            "HOMER_LOG_LEVEL": "DEBUG",
        },
    )
    assert result.returncode == 1
    assert "DATABASE_URL" in result.stderr
    _assert_no_secret(result.stdout, result.stderr)


def test_secrets_never_reach_output_logs_or_metrics(tmp_path: Path, db_url: str) -> None:
    from tests.support.fake_openai import Error, FakeOpenAI, Text

    port = free_port()
    with FakeOpenAI() as provider:
        provider.script(
            Error(401, "Incorrect API key provided."),
            *[Error(503, retry_after=0.01)] * 3,
            Text("Olá! Como posso te chamar?"),
        )
        env = provider.env(api_key=API_KEY) | {
            "DATABASE_URL": _with_password(db_url, DB_PASSWORD),
            "HOMER_LOG_LEVEL": "DEBUG",
            "HOMER_MODEL_RETRIES": "2",
            "HOMER_METRICS_PORT": str(port),
            # The apologies, not the offline fallback: what a failing provider's turn prints.
            "HOMER_FALLBACK": "none",
        }
        with chat_process("secret-holder", env, tmp_path) as chat:
            refused = chat.ask("Oi")  # 401: not retried
            down = chat.ask("Oi de novo")  # 503 three times: retried, then given up
            fine = chat.ask("Oi, tudo bem?")
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as r:
                metrics = r.read().decode()
            code, rest = chat.close()
            stderr = chat.stderr()
        # The key did reach the provider, where it belongs.
        auth = {r.headers.get("authorization") for r in provider.chat_requests}
        assert auth == {f"Bearer {API_KEY}"}
        assert len(provider.chat_requests) == 5
    assert code == 0
    assert "instabilidade" in refused and "instabilidade" in down
    assert fine == "Olá! Como posso te chamar?"
    assert 'homer_errors_total{kind="model"} 2.0' in metrics
    assert "DEBUG" in stderr  # the debug logs did run
    _assert_no_secret(refused, down, fine, rest, stderr, metrics)


# ---------------------------------------------------------------- database roles


def _as(url: str, role: str, password: str = "x") -> str:
    """The same database, logged in as `role`."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{role}:{quote(password)}@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


@pytest.fixture(scope="module")
def roles_db(server_url: str) -> Iterator[dict[str, str]]:
    """A fresh database with the compose roles, migrated as `homer`; URLs by role."""
    db = f"homer_roles_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        superuser = conn.execute("SELECT current_user").fetchone()
        taken = conn.execute(
            "SELECT rolname FROM pg_roles WHERE rolname = ANY(%s)", (list(ROLES),)
        ).fetchall()
        if taken:
            pytest.fail(
                f"the test server already has the roles {[r[0] for r in taken]}: this test "
                "creates and drops them, so it needs a scratch server"
            )
        conn.execute(f'CREATE DATABASE "{db}"')
    assert superuser is not None
    passwords = {role: secrets.token_hex(8) for role in ROLES}
    url = with_dbname(server_url, db)
    try:
        run_roles_script(server_url, db, str(superuser[0]), passwords)
        urls = {role: _as(url, role, passwords[role]) for role in ROLES} | {"superuser": url}
        pool = open_pool(urls["homer"], max_size=2)
        try:
            migrate(pool)
            session = session_for(pool, "roles-lead", OfflineChatModel(), "offline")
            assert session.turn("Oi, meu nome é Ana").error is None
        finally:
            pool.close()
        yield urls
    finally:
        with psycopg.connect(server_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
            for role in (*reversed(ROLES), "homer_stranger"):
                conn.execute(f'DROP ROLE IF EXISTS "{role}"')


def _can(url: str, statement: str, *, read_write: bool = False) -> bool:
    """Whether `statement` runs (in a transaction that is rolled back).

    `read_write` first switches the transaction to read-write, as a role whose sessions
    default to read-only may: then only a missing privilege stops the statement.
    """
    refusals: tuple[type[Exception], ...] = (psycopg.errors.InsufficientPrivilege,)
    if not read_write:
        refusals += (psycopg.errors.ReadOnlySqlTransaction,)
    with psycopg.connect(url) as conn:
        try:
            if read_write:
                conn.execute("SET TRANSACTION READ WRITE")
            conn.execute(statement)
        except refusals:
            return False
        finally:
            conn.rollback()
    return True


def _owned_objects(url: str, role: str) -> set[tuple[str, str]]:
    """(schema, kind) of every relation, type and function `role` owns in the database.

    Leaves out pg_toast, where the out-of-line storage of its own tables lives.
    """
    with psycopg.connect(url) as conn:
        rows: list[Any] = conn.execute(
            """
            SELECT n.nspname, 'relation' FROM pg_class c
              JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relowner = to_regrole(%(r)s) AND n.nspname <> 'pg_toast'
            UNION SELECT n.nspname, 'type' FROM pg_type t
              JOIN pg_namespace n ON n.oid = t.typnamespace
             WHERE t.typowner = to_regrole(%(r)s)
            UNION SELECT n.nspname, 'function' FROM pg_proc p
              JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE p.proowner = to_regrole(%(r)s)
            UNION SELECT nspname, 'schema' FROM pg_namespace WHERE nspowner = to_regrole(%(r)s)
            """,
            {"r": role},
        ).fetchall()
    return {(r[0], r[1]) for r in rows}


def test_the_app_role_owns_its_schema_and_nothing_else(roles_db: dict[str, str]) -> None:
    owned = _owned_objects(roles_db["superuser"], "homer")
    assert {schema for schema, _ in owned} == {"homer"}
    assert ("homer", "schema") in owned and ("homer", "relation") in owned
    with psycopg.connect(roles_db["homer"]) as conn:
        row = conn.execute(
            "SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolreplication "
            "FROM pg_roles WHERE rolname = current_user"
        ).fetchone()
        assert row == (False, False, False, False, False)
        tables = {
            r[0]
            for r in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'homer'"
            )
        }
    assert {"leads", "turns", "checkpoints", "checkpoint_blobs", "checkpoint_writes"} <= tables


def test_the_app_role_works_in_its_schema_only(roles_db: dict[str, str]) -> None:
    homer = roles_db["homer"]
    with psycopg.connect(roles_db["superuser"], autocommit=True) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS public.not_homers (secret text)")
    assert _can(homer, "SELECT count(*) FROM leads")
    assert _can(homer, "INSERT INTO leads (session_key) VALUES ('role-check')")
    assert _can(homer, "CREATE TABLE homer.scratch (x int)")
    assert not _can(homer, "CREATE TABLE public.homer_was_here (x int)")
    assert not _can(homer, "SELECT * FROM public.not_homers")
    assert not _can(homer, "CREATE ROLE sneaky LOGIN")
    assert not _can(homer, "SELECT * FROM pg_authid")
    assert not _can(homer, "ALTER ROLE homer SUPERUSER")
    with (
        psycopg.connect(homer, autocommit=True) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute("CREATE DATABASE homer_sneaky")


def test_the_exporter_reads_statistics_and_no_data(roles_db: dict[str, str]) -> None:
    exporter = roles_db["homer_exporter"]
    with psycopg.connect(exporter) as conn:
        assert conn.execute("SHOW default_transaction_read_only").fetchone() == ("on",)
        conn.execute("SELECT * FROM pg_stat_database").fetchall()
        conn.execute("SELECT * FROM pg_stat_activity").fetchall()
        conn.execute("SELECT * FROM pg_stat_user_tables").fetchall()
        conn.execute("SELECT pg_database_size(current_database())").fetchone()
    for table in (
        "leads",
        "turns",
        "checkpoints",
        "checkpoint_blobs",
        "schema_migrations",
        "lead_notes",
        "broker_notifications",
    ):
        assert not _can(exporter, f"SELECT * FROM homer.{table}")
    for statement in (
        "CREATE TABLE public.exporter_table (x int)",
        "CREATE TEMP TABLE exporter_temp (x int)",
        "INSERT INTO homer.leads (session_key) VALUES ('x')",
    ):
        assert not _can(exporter, statement)
        assert not _can(exporter, statement, read_write=True)


def test_grafana_reads_leads_and_turns_and_nothing_else(roles_db: dict[str, str]) -> None:
    grafana = roles_db["homer_grafana"]
    with psycopg.connect(grafana) as conn:
        assert conn.execute("SHOW default_transaction_read_only").fetchone() == ("on",)
        row = conn.execute("SELECT name FROM leads ORDER BY id DESC LIMIT 1").fetchone()
        assert row == ("Ana",)
        turns = conn.execute("SELECT count(*) FROM turns").fetchone()
        assert turns is not None and turns[0] >= 1
    for table in (
        "checkpoints",
        "checkpoint_blobs",
        "checkpoint_writes",
        "schema_migrations",
        "lead_notes",
        "lead_messages",
        "broker_notifications",  # the outbox: the lead's card, notes and messages
    ):
        assert not _can(grafana, f"SELECT * FROM homer.{table}")
    # Not a column of the notes either: neither their text nor how many a lead has.
    for statement in (
        "SELECT text FROM homer.lead_notes",
        "SELECT count(*) FROM homer.lead_notes",
        "SELECT category FROM homer.lead_notes",
    ):
        assert not _can(grafana, statement), statement
    # Read-only by privilege, not only by the session default it could switch off.
    for statement in (
        "INSERT INTO leads (session_key) VALUES ('grafana')",
        "UPDATE leads SET name = 'x'",
        "DELETE FROM turns",
        "CREATE TABLE homer.grafana_table (x int)",
        "CREATE TABLE public.grafana_table (x int)",
        "TRUNCATE leads",
    ):
        assert not _can(grafana, statement)
        assert not _can(grafana, statement, read_write=True)


def test_grafana_never_reads_session_keys(roles_db: dict[str, str]) -> None:
    """Column grants on leads: every column but session_key (a phone number, an e-mail)."""
    grafana = roles_db["homer_grafana"]
    for statement in (
        "SELECT session_key FROM leads",
        "SELECT * FROM leads",
        "SELECT name FROM leads WHERE session_key = 'roles-lead'",
        "SELECT l FROM leads AS l",
        "SELECT count(DISTINCT session_key) FROM leads",
    ):
        assert not _can(grafana, statement), statement
    with psycopg.connect(roles_db["superuser"]) as conn:
        columns = {
            str(r[0])
            for r in conn.execute(
                "SELECT attname FROM pg_attribute WHERE attrelid = 'homer.leads'::regclass "
                "AND attnum > 0 AND NOT attisdropped"
            )
        }
    assert {"session_key", "name", "handoff_at"} <= columns
    readable = columns - {"session_key"}
    # handoff_at came with a later migration (ALTER TABLE): granted as it was added.
    assert _can(grafana, f"SELECT {', '.join(sorted(readable))} FROM leads")
    assert _can(grafana, "SELECT count(*) FROM leads")
    # A column a future migration adds is readable; session_key still is not.
    with psycopg.connect(roles_db["homer"]) as conn:
        conn.execute("ALTER TABLE leads ADD COLUMN IF NOT EXISTS grant_probe smallint")
        conn.commit()
    try:
        assert _can(grafana, "SELECT grant_probe FROM leads")
        assert not _can(grafana, "SELECT session_key FROM leads")
    finally:
        with psycopg.connect(roles_db["homer"]) as conn:
            conn.execute("ALTER TABLE leads DROP COLUMN grant_probe")


def test_other_roles_cannot_even_connect(roles_db: dict[str, str]) -> None:
    with psycopg.connect(roles_db["superuser"], autocommit=True) as conn:
        conn.execute("CREATE ROLE homer_stranger LOGIN")
    with pytest.raises(psycopg.OperationalError, match="permission denied"):
        psycopg.connect(_as(roles_db["superuser"], "homer_stranger")).close()
