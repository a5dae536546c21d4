"""A turn with a message id is one transaction, begun in the pipeline that takes the lead's
lock and committed in the turn's last pipeline (session.lock_and_read, Session.turn_once).
Each way such a turn can end leaves nothing half done: its writes all kept or all rolled
back, the lead's lock freed, and the connection handed back to the pool idle (the pool
warns when it has to roll a returned connection back itself).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import psycopg
import pytest
from langchain_core.messages import BaseMessage
from langchain_core.outputs import ChatResult

from homer_agent import session as session_module
from homer_agent.agent import Agent, build_agent
from homer_agent.config import Settings
from homer_agent.db.models import Lead
from homer_agent.db.pool import Pool, open_pool
from homer_agent.db.queries import Querier
from homer_agent.models.offline import OfflineChatModel
from homer_agent.profile import load_profile
from homer_agent.service.homer import Homer, Receipt
from homer_agent.session import TurnResult

FAIL = "falha agora"


class _FailingOffline(OfflineChatModel):
    """The offline model, except that a message containing FAIL makes the model call fail."""

    def _generate(self, messages: list[BaseMessage], *args: Any, **kwargs: Any) -> ChatResult:
        if any(FAIL in str(m.content) for m in messages[-1:]):
            raise RuntimeError("the model failed")
        return super()._generate(messages, *args, **kwargs)


class _CompletedTwice(Receipt):
    """A receipt stored twice: the second insert breaks the unique key, so the turn's last
    pipeline (the writes, the unlock and COMMIT) fails on the server."""

    def complete(self, q: Querier, lead: Lead, result: TurnResult) -> None:
        super().complete(q, lead, result)
        super().complete(q, lead, result)


@pytest.fixture
def one_connection(db_url: str) -> Iterator[tuple[Pool, Agent]]:
    pool = open_pool(db_url, max_size=1)  # every turn gets the same connection back
    try:
        agent = build_agent(
            pool=pool, model=_FailingOffline(), model_name="offline", profile=load_profile()
        )
        yield pool, replace(agent, draw=lambda: 1.0)
    finally:
        pool.close()


def _state(db_url: str, key: str) -> tuple[Any, int, int, int]:
    """The lead's name, its receipts, its turn rows, and the advisory locks anyone holds."""
    with psycopg.connect(db_url, autocommit=True) as conn:
        row = conn.execute(
            "SELECT name, (SELECT count(*) FROM message_receipts r WHERE r.lead_id = l.id),"
            " (SELECT count(*) FROM turns t WHERE t.lead_id = l.id),"
            " (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory')"
            " FROM leads l WHERE session_key = %s",
            (key,),
        ).fetchone()
    assert row is not None
    return row[0], row[1], row[2], row[3]


def _no_rollback_by_the_pool(caplog: pytest.LogCaptureFixture) -> None:
    returned = [r.getMessage() for r in caplog.records if "returned connection" in r.getMessage()]
    assert returned == []


def test_a_failed_model_call_rolls_the_turn_back_and_frees_the_lead(
    one_connection: tuple[Pool, Agent], db_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    _, agent = one_connection
    homer = Homer(Settings(homer_model="offline"), agent)
    caplog.set_level(logging.WARNING)
    assert homer.turn("once-a", "Oi, boa tarde!", message_id="a0").error is None
    failed = homer.turn("once-a", f"Meu nome é Ana, {FAIL}", message_id="a1")
    assert failed.error == "internal"
    # Nothing of the failed turn kept but its record (written after the rollback).
    assert _state(db_url, "once-a") == (None, 1, 2, 0)
    _no_rollback_by_the_pool(caplog)
    again = homer.turn("once-a", "Meu nome é Ana", message_id="a1")
    assert again.error is None and not again.duplicate and again.lead["name"] == "Ana"
    assert _state(db_url, "once-a") == ("Ana", 2, 3, 0)
    _no_rollback_by_the_pool(caplog)


def test_a_failed_last_pipeline_rolls_the_turn_back_and_frees_the_lead(
    one_connection: tuple[Pool, Agent], db_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    _, agent = one_connection
    caplog.set_level(logging.WARNING)
    session = agent.session("once-b")
    result = session.turn_once("Meu nome é Bia", _CompletedTwice("api", "b1", "Meu nome é Bia"))
    assert result is not None and result.error == "database"
    # The name the tool wrote was in the turn's transaction: rolled back with it.
    assert _state(db_url, "once-b") == (None, 0, 1, 0)
    _no_rollback_by_the_pool(caplog)
    again = session.turn_once("Meu nome é Bia", Receipt("api", "b1", "Meu nome é Bia"))
    assert again is not None and again.error is None
    assert _state(db_url, "once-b") == ("Bia", 1, 2, 0)
    # The same id again is seen in the first pipeline: skipped, nothing written.
    assert session.turn_once("Meu nome é Bia", Receipt("api", "b1", "Meu nome é Bia")) is None
    assert _state(db_url, "once-b") == ("Bia", 1, 2, 0)
    _no_rollback_by_the_pool(caplog)


def test_a_busy_lead_refuses_the_turn_and_leaves_the_connection_idle(
    one_connection: tuple[Pool, Agent],
    db_url: str,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _, agent = one_connection
    monkeypatch.setattr(session_module, "BUSY_WAIT_SECONDS", 1)
    caplog.set_level(logging.WARNING)
    session = agent.session("once-c")
    with psycopg.connect(db_url, autocommit=True) as holder:
        holder.execute("SELECT pg_advisory_lock(%s)", (session.lead.id,))  # another turn runs
        busy = session.turn_once("Sou a Cris", Receipt("api", "c1", "Sou a Cris"))
        assert busy is not None and busy.error == "busy"
    _no_rollback_by_the_pool(caplog)
    assert _state(db_url, "once-c") == (None, 0, 1, 0)
    done = session.turn_once("Sou a Cris", Receipt("api", "c1", "Sou a Cris"))
    assert done is not None and done.error is None
    assert _state(db_url, "once-c") == ("Cris", 1, 2, 0)


def test_the_hand_over_keeps_the_lead_locked_until_commit(db_url: str) -> None:
    """HandOverLead, last in a turn's writes: the lead stays locked until they commit, and
    the session lock the turn took is gone after."""
    lead_id = 4242
    with (
        psycopg.connect(db_url, autocommit=True) as turn,
        psycopg.connect(db_url, autocommit=True) as other,
    ):

        def free() -> bool:
            row = other.execute("SELECT pg_try_advisory_lock(%s)", (lead_id,)).fetchone()
            assert row is not None
            if row[0]:
                other.execute("SELECT pg_advisory_unlock(%s)", (lead_id,))
            return bool(row[0])

        Querier(turn).lock_lead(lock_timeout="1s", lead_id=lead_id)
        assert not free()
        with turn.transaction():
            Querier(turn).hand_over_lead(lead_id=lead_id)
            assert not free()  # the session lock freed, the transaction's lock held
        assert free()
        with turn.pipeline():  # as a turn sends it: the implicit transaction of a pipeline
            Querier(turn).lock_lead(lock_timeout="1s", lead_id=lead_id)
            Querier(turn).hand_over_lead(lead_id=lead_id)
        assert free()
