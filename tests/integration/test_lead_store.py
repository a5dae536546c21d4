"""The lead store against a real PostgreSQL: schema, constraints, generated queries."""

from __future__ import annotations

import datetime as dt
import threading

import psycopg
import pydantic
import pytest

from homer_agent.db.migrate import checkpoint_mark, load_migrations, migrate
from homer_agent.db.models import LeadTemperature
from homer_agent.db.pool import Pool, open_pool
from homer_agent.db.queries import Querier

INJECTIONS = [
    "Robert'); DROP TABLE leads;--",
    "' OR '1'='1",
    'x"; DELETE FROM turns; --',
    "$1 $$ \\ %s %(name)s",
]


def test_migrations_are_recorded_and_idempotent(pool: Pool) -> None:
    assert migrate(pool) == []
    with pool.connection() as conn:
        versions = [r["version"] for r in conn.execute("SELECT version FROM schema_migrations")]
    assert versions == [*(m.version for m in load_migrations()), checkpoint_mark()]


def test_two_processes_migrating_at_once_do_not_collide(server_url: str) -> None:
    from tests.conftest import with_dbname

    name = "homer_concurrent_migrate"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    url = with_dbname(server_url, name)
    results: list[list[str]] = []
    errors: list[BaseException] = []

    def run() -> None:
        p = open_pool(url, max_size=1)
        try:
            results.append(migrate(p))
        except BaseException as exc:
            errors.append(exc)
        finally:
            p.close()

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    applied = sorted(results, key=len)
    assert applied[-1] == [m.version for m in load_migrations()]
    assert all(r == [] for r in applied[:-1])


def test_get_or_create_is_stable_and_updates_touch_updated_at(pool: Pool) -> None:
    with pool.connection() as conn:
        q = Querier(conn)
        lead = q.get_or_create_lead(session_key="+55 85 99999-0000")
        assert lead is not None
        again = q.get_or_create_lead(session_key="+55 85 99999-0000")
        assert again is not None and again.id == lead.id
        assert lead.temperature == LeadTemperature.COLD
        updated = q.update_lead_bedrooms(id=lead.id, bedrooms=3)
        assert updated is not None and updated.bedrooms == 3
        assert updated.updated_at > lead.updated_at
        call = dt.datetime(2030, 2, 10, 15, 0, tzinfo=dt.timezone(dt.timedelta(hours=-3)))
        with_call = q.update_lead_call_at(id=lead.id, call_at=call)
        assert with_call is not None and with_call.call_at == call


@pytest.mark.parametrize(
    ("column", "value"),
    [("bedrooms", 0), ("bedrooms", 11), ("budget_brl", -1), ("budget_brl", 0)],
)
def test_database_rejects_out_of_range_facts(pool: Pool, column: str, value: int) -> None:
    with pool.connection() as conn:
        lead = Querier(conn).get_or_create_lead(session_key="range")
        assert lead is not None
        with pytest.raises(psycopg.errors.CheckViolation):
            conn.execute(f"UPDATE leads SET {column} = %s WHERE id = %s", (value, lead.id))


@pytest.mark.parametrize(
    ("method", "kwargs"),
    [
        ("update_lead_bedrooms", {"bedrooms": 0}),
        ("update_lead_bedrooms", {"bedrooms": 11}),
        ("update_lead_budget", {"budget_brl": -5}),
    ],
)
def test_models_reject_out_of_range_facts(pool: Pool, method: str, kwargs: dict[str, int]) -> None:
    with pool.connection() as conn:
        q = Querier(conn)
        with pytest.raises(pydantic.ValidationError):
            getattr(q, method)(id=1, **kwargs)


@pytest.mark.parametrize("key", ["", "x" * 129, "tab\there", "   padded "])
def test_database_rejects_bad_session_keys(pool: Pool, key: str) -> None:
    with pool.connection() as conn, pytest.raises(psycopg.errors.CheckViolation):
        conn.execute("INSERT INTO leads (session_key) VALUES (%s)", (key,))


@pytest.mark.parametrize("key", ["", "x" * 129])
def test_models_reject_bad_session_keys(pool: Pool, key: str) -> None:
    with pool.connection() as conn, pytest.raises(pydantic.ValidationError):
        Querier(conn).get_or_create_lead(session_key=key)


@pytest.mark.parametrize("text", INJECTIONS)
def test_injection_strings_round_trip_verbatim(pool: Pool, text: str) -> None:
    with pool.connection() as conn:
        q = Querier(conn)
        lead = q.get_or_create_lead(session_key=text)
        assert lead is not None and lead.session_key == text
        named = q.update_lead_name(id=lead.id, name=text)
        hood = q.update_lead_neighborhood(id=lead.id, neighborhood=text)
        assert named is not None and named.name == text
        assert hood is not None and hood.neighborhood == text
        tables = {
            r["tablename"]
            for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        }
    assert {"leads", "turns", "schema_migrations", "checkpoints"} <= tables


def test_delete_lead_cascades_to_turns(pool: Pool) -> None:
    with pool.connection() as conn:
        q = Querier(conn)
        lead = q.get_or_create_lead(session_key="cascade")
        assert lead is not None
        q.insert_turn(
            lead_id=lead.id,
            model="offline",
            route="agent",
            sentiment=0.5,
            temperature=LeadTemperature.WARM,
            duration_ms=1.0,
            model_ms=0.5,
            prompt_tokens=10,
            completion_tokens=5,
            tool_calls=1,
            tool_errors=0,
            error=None,
            fallback_reason=None,
            model_calls=1,
            model_errors=0,
            kb_reason="price_to_broker",
        )
        assert q.list_turns(lead_id=lead.id)[0].kb_reason == "price_to_broker"
        assert q.recent_sentiments(lead_id=lead.id, max_rows=3) == [0.5]
        assert q.delete_lead(id=lead.id) == 1
        assert q.list_turns(lead_id=lead.id) == []


def test_every_column_has_a_comment(pool: Pool) -> None:
    with pool.connection() as conn:
        missing = conn.execute(
            """
            SELECT c.table_name, c.column_name FROM information_schema.columns c
            WHERE c.table_schema = 'public' AND c.table_name IN ('leads', 'turns')
              AND col_description((quote_ident(c.table_name))::regclass, c.ordinal_position)
                  IS NULL
            """
        ).fetchall()
    assert missing == []
