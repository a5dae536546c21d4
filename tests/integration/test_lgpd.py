"""LGPD: `lead export`, `lead forget` and `db prune`, through the real console script."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import time
from typing import Any

import psycopg
import pytest

from homer_agent.db.pool import Pool
from homer_agent.models.offline import OfflineChatModel
from homer_agent.privacy import forget_lead
from homer_agent.session import Session
from tests.conftest import run_cli
from tests.support.reliability_support import (
    CHECKPOINT_TABLES,
    EXE,
    cli_env,
    lead_row,
    refuse,
    rows_about,
    traces,
)
from tests.support.sessions import session_for

CONVERSATION = [
    "Oi, meu nome é Ana Beatriz",
    "quero 3 quartos",
    "prefiro o bairro Aldeota",
    "meu orçamento é 800 mil",
]


def _converse(pool: Pool, key: str, messages: list[str] = CONVERSATION) -> Session:
    # The smallest window: older messages get archived to lead_messages after a few turns,
    # so export, forget and prune meet both halves of a conversation.
    session = session_for(pool, key, OfflineChatModel(), "offline", history_window=2)
    for text in messages:
        assert session.turn(text).error is None
    return session


def test_export_prints_the_row_the_messages_and_the_turns(pool: Pool, db_url: str) -> None:
    session = _converse(pool, "export@example.com")
    _converse(pool, "someone-else", ["Oi, meu nome é Carlos"])
    result = run_cli("lead", "export", "export@example.com", env={"DATABASE_URL": db_url})
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"lead", "messages", "turns", "receipts", "notes"}

    row = lead_row(db_url, "export@example.com")
    assert row is not None
    assert set(data["lead"]) == set(row)  # every column
    assert data["lead"]["id"] == row["id"]
    assert (data["lead"]["name"], data["lead"]["bedrooms"]) == ("Ana Beatriz", 3)
    assert data["lead"]["neighborhood"] == "Aldeota"
    assert data["lead"]["budget_brl"] == 800_000

    # The whole conversation: what was archived to lead_messages, then the checkpoint's.
    assert rows_about(db_url, row["id"])["lead_messages"] > 0
    human = [m["content"] for m in data["messages"] if m["type"] == "human"]
    assert human == CONVERSATION
    kinds = {m["type"] for m in data["messages"]}
    assert kinds == {"human", "ai", "tool"}
    stored = [m.text for m in session.history()]
    assert [m["content"] for m in data["messages"]] == stored

    assert len(data["turns"]) == len(CONVERSATION)
    assert {t["lead_id"] for t in data["turns"]} == {row["id"]}
    assert {"started_at", "sentiment", "temperature", "duration_ms", "tool_calls"} <= set(
        data["turns"][0]
    )
    assert "Carlos" not in result.stdout


def test_export_of_a_lead_without_a_conversation(pool: Pool, db_url: str) -> None:
    session_for(pool, "silent", OfflineChatModel(), "offline")
    result = run_cli("lead", "export", "silent", env={"DATABASE_URL": db_url})
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["lead"]["session_key"] == "silent"
    assert data["messages"] == [] and data["turns"] == [] and data["receipts"] == []
    assert data["notes"] == []


def test_forget_leaves_nothing_behind(pool: Pool, db_url: str) -> None:
    session = _converse(
        pool,
        "forget-me@example.com",
        [*CONVERSATION, "tenho 2 filhos e vou usar o FGTS", "pode me ligar segunda às 15h"],
    )
    keep = _converse(pool, "keep-me", ["Oi, meu nome é Carlos", "quero 2 quartos"])
    lead_id = session.lead.id
    before = rows_about(db_url, lead_id)
    assert all(
        before[t] > 0 for t in ("leads", "turns", "lead_messages", "checkpoints", "lead_notes")
    )
    kept = rows_about(db_url, keep.lead.id)
    needles = ["forget-me@example.com", "Ana Beatriz", "Aldeota", f"lead-{lead_id}"]
    assert traces(db_url, needles)

    result = run_cli(
        "lead", "forget", "forget-me@example.com", "--yes", env={"DATABASE_URL": db_url}
    )
    assert result.returncode == 0, result.stderr
    assert "Forgot lead 'forget-me@example.com'" in result.stderr

    assert rows_about(db_url, lead_id) == dict.fromkeys(before, 0)
    assert traces(db_url, needles) == {}
    assert rows_about(db_url, keep.lead.id) == kept
    again = run_cli("lead", "show", "forget-me@example.com", env={"DATABASE_URL": db_url})
    assert again.returncode == 1
    assert "no lead has the session key" in again.stderr


def test_forget_without_yes_and_without_a_terminal_refuses(pool: Pool, db_url: str) -> None:
    session = _converse(pool, "not-sure", CONVERSATION[:2])
    before = rows_about(db_url, session.lead.id)
    result = run_cli("lead", "forget", "not-sure", env={"DATABASE_URL": db_url}, stdin="y\n")
    assert result.returncode == 1
    assert "pass --yes" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert rows_about(db_url, session.lead.id) == before


def _forget_on_a_terminal(db_url: str, key: str, answer: str) -> tuple[int, str]:
    """Run `lead forget KEY` with a pseudo-terminal as standard input, answering `answer`."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [str(EXE), "lead", "forget", key],
        stdin=follower,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=cli_env({"DATABASE_URL": db_url}),
    )
    os.close(follower)
    try:
        os.write(leader, answer.encode() + b"\n")
        out, _ = proc.communicate(timeout=60)
    finally:
        os.close(leader)
    return proc.returncode, out.decode("utf-8", "replace")


@pytest.mark.parametrize(("answer", "deleted"), [("n", False), ("y", True)])
def test_forget_on_a_terminal_asks_first(
    pool: Pool, db_url: str, answer: str, deleted: bool
) -> None:
    session = _converse(pool, "ask-me", CONVERSATION[:2])
    before = rows_about(db_url, session.lead.id)
    code, output = _forget_on_a_terminal(db_url, "ask-me", answer)
    assert "Delete everything stored about 'ask-me'?" in output
    after = rows_about(db_url, session.lead.id)
    if deleted:
        assert code == 0, output
        assert after == dict.fromkeys(before, 0)
    else:
        assert code != 0
        assert after == before


def test_forget_is_one_transaction(pool: Pool, db_url: str) -> None:
    """When deleting the row fails, the conversation is not deleted either."""
    session = _converse(pool, "half-forgotten", CONVERSATION[:2])
    before = rows_about(db_url, session.lead.id)
    refuse(db_url, "DELETE", "leads")
    with pytest.raises(psycopg.errors.RaiseException):
        forget_lead(pool, session.lead)
    assert rows_about(db_url, session.lead.id) == before


def test_forget_waits_for_a_turn_in_progress(pool: Pool, db_url: str) -> None:
    """A turn holding the lead's lock finishes first: it cannot write after the forget."""
    session = _converse(pool, "busy-forget", CONVERSATION[:1])
    with psycopg.connect(db_url, autocommit=True) as holder:
        holder.execute("SELECT pg_advisory_lock(%s)", (session.lead.id,))
        proc = subprocess.Popen(
            [str(EXE), "lead", "forget", "busy-forget", "--yes"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=cli_env({"DATABASE_URL": db_url}),
        )
        try:
            deadline = time.monotonic() + 30
            while not _waits_for_advisory_lock(holder, session.lead.id):
                assert proc.poll() is None, proc.communicate()
                assert time.monotonic() < deadline, "forget never waited for the lock"
                time.sleep(0.05)
            assert lead_row(db_url, "busy-forget") is not None
        finally:
            holder.execute("SELECT pg_advisory_unlock(%s)", (session.lead.id,))
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert rows_about(db_url, session.lead.id) == dict.fromkeys(rows_about(db_url, -1), 0)


def _waits_for_advisory_lock(conn: psycopg.Connection[Any], key: int) -> bool:
    row = conn.execute(
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = %s",
        (key,),
    ).fetchone()
    return bool(row and row[0])


# ---------------------------------------------------------------- db prune


def _age(db_url: str, thread: str, days: int) -> None:
    """Make every checkpoint of `thread` look `days` old."""
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute(
            """
            UPDATE checkpoints
            SET checkpoint = jsonb_set(
                checkpoint, '{ts}', to_jsonb(to_char(
                    (now() - make_interval(days => %s)) AT TIME ZONE 'UTC',
                    'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"')))
            WHERE thread_id = %s
            """,
            (days, thread),
        )


def test_prune_deletes_idle_conversations_and_keeps_the_leads(pool: Pool, db_url: str) -> None:
    idle = _converse(pool, "idle", CONVERSATION[:3])
    recent = _converse(pool, "recent", CONVERSATION[:2])
    borderline = _converse(pool, "borderline", CONVERSATION[:1])
    _age(db_url, f"lead-{idle.lead.id}", 45)
    with psycopg.connect(db_url) as conn:  # what the HTTP API keeps per message id
        for lead_id in (idle.lead.id, recent.lead.id):
            conn.execute(
                "INSERT INTO message_receipts (lead_id, channel, message_id, reply)"
                " VALUES (%s, 'api', 'm-1', 'Olá!')",
                (lead_id,),
            )
    _age(db_url, f"lead-{borderline.lead.id}", 29)
    idle_before = rows_about(db_url, idle.lead.id)
    assert idle_before["lead_messages"] > 0
    recent_before = rows_about(db_url, recent.lead.id)
    borderline_before = rows_about(db_url, borderline.lead.id)

    result = run_cli("db", "prune", "--older-than", "30d", env={"DATABASE_URL": db_url})
    assert result.returncode == 0, result.stderr
    assert "Deleted 1 conversation(s)" in result.stderr

    after = rows_about(db_url, idle.lead.id)
    conversation_tables = (*CHECKPOINT_TABLES, "lead_messages", "message_receipts")
    assert {t: after[t] for t in conversation_tables} == dict.fromkeys(conversation_tables, 0)
    # The lead row and its turn records stay.
    assert after["leads"] == 1 and after["turns"] == idle_before["turns"]
    row = lead_row(db_url, "idle")
    assert row is not None and row["name"] == "Ana Beatriz"
    assert rows_about(db_url, recent.lead.id) == recent_before
    assert rows_about(db_url, borderline.lead.id) == borderline_before

    # The lead can come back: a fresh conversation, the facts still known.
    back = session_for(pool, "idle", OfflineChatModel(), "offline")
    assert back.history() == []
    result2 = back.turn("Oi de novo")
    assert result2.error is None
    assert [m.text for m in back.history() if m.type == "human"] == ["Oi de novo"]


def test_prune_refuses_a_bad_duration(db_url: str) -> None:
    result = run_cli("db", "prune", "--older-than", "soon", env={"DATABASE_URL": db_url})
    assert result.returncode != 0
    assert "30d" in result.stderr
    assert "Traceback" not in result.stderr
