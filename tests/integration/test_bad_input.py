"""Bad input: session keys, blank, long and undecodable messages, SQL-injection strings.

Through the real console script and the real graph, against a real Postgres.
"""

from __future__ import annotations

import json

import psycopg
import pytest
from langchain_core.messages import HumanMessage, ToolMessage

from homer_agent.db.models import Lead
from homer_agent.db.pool import Pool
from homer_agent.inputs import UserError, check_session_key
from homer_agent.models.offline import OfflineChatModel
from homer_agent.privacy import export_lead
from homer_agent.session import ERROR_REPLIES
from tests.conftest import run_cli
from tests.support.reliability_support import (
    ScriptedChatModel,
    calls_then_reply,
    lead_row,
    public_tables,
    rows_about,
    tool_call,
    turn_rows,
)
from tests.support.sessions import session_for

# Each starts a process: the three kinds only; test_check_session_key covers the variants.
BAD_KEYS = [
    pytest.param("", "empty", id="empty"),
    pytest.param("k" * 129, "129 characters; the limit is 128", id="129-chars"),
    pytest.param("lead\x01x", "control characters", id="control-char"),
]


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("k" * 129, "129 characters; the limit is 128"),
        ("lead\x01x", "control characters"),
        ("lead\tx", "control characters"),
        ("lead\nx", "control characters"),
        ("lead\x7fx", "control characters"),
        ("lead\x85x", "control characters"),
        ("lead\x00x", "control characters"),
    ],
)
def test_check_session_key_names_what_is_wrong(key: str, words: str) -> None:
    with pytest.raises(UserError, match=words):
        check_session_key(key)


def test_check_session_key_trims_and_keeps_printable_keys() -> None:
    assert check_session_key("  +55 85 99999-0000 ") == "+55 85 99999-0000"
    assert check_session_key("ç" * 128) == "ç" * 128


def _one_clear_line(result_stderr: str, words: str) -> None:
    assert words in result_stderr
    assert len(result_stderr.strip().splitlines()) == 1, result_stderr
    assert "Traceback" not in result_stderr


@pytest.mark.parametrize(("key", "words"), BAD_KEYS)
def test_chat_refuses_a_bad_session_key_before_anything_else(key: str, words: str) -> None:
    # An unreachable server: the key is checked before the database is even tried.
    result = run_cli(
        "chat",
        "--session",
        key,
        env={"DATABASE_URL": "postgresql://homer@127.0.0.1:1/homer"},
        stdin="Oi\n",
    )
    assert result.returncode == 1
    assert result.stdout == ""
    _one_clear_line(result.stderr, words)


@pytest.mark.parametrize(("key", "words"), BAD_KEYS)
def test_lead_show_refuses_a_bad_session_key(db_url: str, key: str, words: str) -> None:
    result = run_cli("lead", "show", key, env={"DATABASE_URL": db_url})
    assert result.returncode == 1
    assert result.stdout == ""
    _one_clear_line(result.stderr, words)


def test_a_key_of_exactly_128_printable_characters_is_accepted(db_url: str) -> None:
    key = "ç" * 128
    result = run_cli("chat", "--session", key, env={"DATABASE_URL": db_url}, stdin="Oi\n")
    assert result.returncode == 0, result.stderr
    shown = run_cli("lead", "show", key, "--json", env={"DATABASE_URL": db_url})
    assert shown.returncode == 0, shown.stderr
    assert key in shown.stdout


def test_blank_lines_are_skipped(db_url: str) -> None:
    result = run_cli(
        "chat",
        "--session",
        "blank-lines",
        env={"DATABASE_URL": db_url},
        stdin="\n   \n\t\r\nOi, meu nome é Ana\n\n \n",
    )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.strip().splitlines()) == 1, result.stdout
    lead = lead_row(db_url, "blank-lines")
    assert lead is not None and lead["name"] == "Ana"
    assert len(turn_rows(db_url, lead["id"])) == 1


def test_a_message_over_the_configured_limit_is_refused_and_the_session_goes_on(
    db_url: str,
) -> None:
    long = "quero uma casa" + " muito" * 10  # 74 characters
    result = run_cli(
        "chat",
        "--session",
        "long-message",
        env={"DATABASE_URL": db_url, "HOMER_MAX_MESSAGE_CHARS": "50"},
        stdin=f"{long}\nmeu nome é Ana\n",
    )
    assert result.returncode == 0, result.stderr
    refusal, answer = result.stdout.strip().splitlines()
    assert "Mensagem longa demais" in refusal
    assert "74 caracteres" in refusal and "limite é 50" in refusal
    assert "Ana" in answer
    lead = lead_row(db_url, "long-message")
    assert lead is not None and lead["name"] == "Ana"
    # The refused message never reached the graph: one turn, and no trace of it.
    assert len(turn_rows(db_url, lead["id"])) == 1
    export = run_cli("lead", "export", "long-message", env={"DATABASE_URL": db_url})
    assert "muito muito" not in export.stdout


def test_the_default_limit_is_4000_characters(db_url: str) -> None:
    at_limit = "a" * 4000
    over = "b" * 4001
    result = run_cli(
        "chat",
        "--session",
        "default-limit",
        env={"DATABASE_URL": db_url},
        stdin=f"{over}\n{at_limit}\n",
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert "limite é 4000" in lines[0]
    assert not any("limite" in line for line in lines[1:])
    lead = lead_row(db_url, "default-limit")
    assert lead is not None
    assert len(turn_rows(db_url, lead["id"])) == 1


def test_invalid_utf8_and_nul_on_standard_input_do_not_crash(db_url: str) -> None:
    lines = [
        b"\x00oi\x00",
        b"\xff\xfe meu nome \xc3 \x80",
        b"\xed\xa0\x80",
        b"quero 3 quartos",
        b"prefiro o bairro Centro",
        b"\x00",
    ]
    # The smallest history window: older messages (the NULs too) get archived meanwhile.
    result = run_cli(
        "chat",
        "--session",
        "bad-utf8",
        env={"DATABASE_URL": db_url, "HOMER_HISTORY_WINDOW": "2"},
        stdin=b"\n".join(lines) + b"\n",
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stdout.strip().splitlines()) == len(lines), result.stdout
    assert not any(reply in result.stdout for reply in ERROR_REPLIES.values())
    lead = lead_row(db_url, "bad-utf8")
    assert lead is not None
    assert (lead["bedrooms"], lead["neighborhood"]) == (3, "Centro")
    assert [t["error"] for t in turn_rows(db_url, lead["id"])] == [None] * len(lines)
    assert rows_about(db_url, lead["id"])["lead_messages"] > 0


# ---------------------------------------------------------------- SQL injection

INJECTIONS = [
    "Robert'); DROP TABLE leads;--",
    "x' OR '1'='1",
    '"; DELETE FROM turns; --',
    "$$; TRUNCATE checkpoints; $$",
    "1; SELECT pg_sleep(5)",
    "'); UPDATE leads SET name = 'pwned'; --",
    "\\'; DROP SCHEMA public CASCADE; --",
    "%s %(name)s {0} $1",
]
APP_TABLES = {
    "leads",
    "turns",
    "schema_migrations",
    "checkpoints",
    "checkpoint_blobs",
    "checkpoint_writes",
    "checkpoint_migrations",
}


@pytest.mark.parametrize("evil", INJECTIONS)
def test_injection_strings_in_every_tool_field_are_stored_verbatim(
    pool: Pool, db_url: str, evil: str
) -> None:
    bystander = session_for(pool, "bystander", ScriptedChatModel(script=calls_then_reply([])))
    bystander.turn("Oi")
    model = ScriptedChatModel(
        script=calls_then_reply(
            [
                tool_call("update_lead_name", {"name": evil}, "c1"),
                tool_call("update_neighborhood", {"neighborhood": evil}, "c2"),
                tool_call("schedule_call", {"when": evil}, "c3"),
                tool_call("update_budget", {"budget_brl": evil}, "c4"),
                tool_call("update_bedrooms", {"bedrooms": evil}, "c5"),
            ]
        )
    )
    session = session_for(pool, evil, model)
    result = session.turn(evil)
    assert result.error is None
    lead = lead_row(db_url, evil)
    assert lead is not None
    assert lead["session_key"] == evil
    assert lead["name"] == evil
    assert lead["neighborhood"] == evil
    # Not a time, a number or a count: refused back to the model, nothing written.
    assert lead["call_at"] is None and lead["budget_brl"] is None and lead["bedrooms"] is None
    results = [m for m in session.history() if isinstance(m, ToolMessage)]
    assert [m.status for m in results] == ["success", "success", "error", "error", "error"]
    human = [m for m in session.history() if isinstance(m, HumanMessage)]
    assert [m.text for m in human] == [evil]
    # The tables are intact, and the other lead is untouched.
    assert public_tables(db_url) >= APP_TABLES
    other = lead_row(db_url, "bystander")
    assert other is not None and other["name"] is None
    with psycopg.connect(db_url) as conn:
        counts = conn.execute("SELECT (SELECT count(*) FROM leads), (SELECT count(*) FROM turns)")
        assert counts.fetchone() == (2, 2)


def test_injection_strings_through_the_chat_command_are_stored_verbatim(
    db_url: str, pool: Pool
) -> None:
    env = {"DATABASE_URL": db_url}
    messages = [f"meu nome é {evil}" for evil in INJECTIONS] + INJECTIONS
    keys = INJECTIONS[:3]
    for key in keys:
        result = run_cli("chat", "--session", key, env=env, stdin="\n".join(messages) + "\n")
        assert result.returncode == 0, result.stderr
        assert len(result.stdout.strip().splitlines()) == len(messages), result.stdout
    shown = run_cli("lead", "show", keys[0], "--json", env=env)
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["session_key"] == keys[0]

    assert public_tables(db_url) >= APP_TABLES
    for key in keys:
        lead = lead_row(db_url, key)
        assert lead is not None
        stored = export_lead(pool, Lead.model_validate(lead))
        said = [m["content"] for m in stored["messages"] if m["type"] == "human"]
        assert said == messages
        assert [t["error"] for t in stored["turns"]] == [None] * len(messages)
    with psycopg.connect(db_url) as conn:
        row = conn.execute(
            "SELECT count(*), count(*) FILTER (WHERE name = 'pwned') FROM leads"
        ).fetchone()
        assert row == (len(keys), 0)


def test_the_offline_model_saves_an_injection_string_as_the_name_verbatim(
    pool: Pool, db_url: str
) -> None:
    session = session_for(pool, "offline-injection", OfflineChatModel(), "offline")
    session.turn("Oi")
    result = session.turn("Robert'); DROP TABLE leads;--")
    assert result.error is None
    assert public_tables(db_url) >= APP_TABLES
    lead = lead_row(db_url, "offline-injection")
    assert lead is not None
    # Whatever the model took from it, it was stored as text, not run.
    assert lead["name"] in (None, "Robert'); DROP TABLE leads;--", "Robert")
