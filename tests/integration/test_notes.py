"""The broker's notes end to end: said in chat, kept beyond the history window, shown by
`lead show`, put in the calendar event, written by an LLM through the `note` tool, and
gone after `lead forget` (real CLI, real Postgres, real CalDAV server)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import psycopg

from homer_agent.db.pool import Pool
from homer_agent.leads import LEAD_JSON_KEYS, LEAD_SHOW_KEYS
from homer_agent.session import Session
from tests.conftest import run_cli
from tests.integration.test_calendar_caldav import (
    QUALIFIED,
    broker_calendar,
    only_event,
    say,
)
from tests.integration.test_calendar_caldav import (
    calendar_url as calendar_url,  # noqa: PLC0414 - a fixture, re-exported for pytest
)
from tests.integration.test_calendar_caldav import (
    open_session as open_session,  # noqa: PLC0414
)
from tests.support.fake_openai import FakeOpenAI, Text, ToolCalls, call
from tests.support.radicale_server import Radicale

NOTES_SAID = [
    "Oi, aqui é a Marta",
    "tenho 2 filhos e um cachorro",
    "quero 3 quartos com suíte",
    "minha irmã tem 3 filhos e não tenho carro",
    "Aldeota",
    "aceita pet?",
    "até 900 mil",
    "tenho 2 filhos, como eu disse",
]


def notes_rows(db_url: str) -> list[tuple[str, str, int]]:
    with psycopg.connect(db_url) as conn:
        return [
            (str(r[0]), str(r[1]), int(r[2]))
            for r in conn.execute("SELECT category, text, turn FROM lead_notes ORDER BY id")
        ]


def test_a_note_said_in_chat_shows_in_lead_show_and_is_gone_after_forget(db_url: str) -> None:
    env = {"DATABASE_URL": db_url, "HOMER_HISTORY_WINDOW": "2"}
    chat = run_cli(
        "chat", "--session", "marta", env=env, stdin="".join(f"{m}\n" for m in NOTES_SAID)
    )
    assert chat.returncode == 0, chat.stderr
    assert len(chat.stdout.splitlines()) == len(NOTES_SAID)
    other = run_cli("chat", "--session", "other", env=env, stdin="vou usar o FGTS\n")
    assert other.returncode == 0, other.stderr

    shown = run_cli("lead", "show", "marta", "--json", env=env)
    assert shown.returncode == 0, shown.stderr
    row = json.loads(shown.stdout)
    assert tuple(row) == LEAD_SHOW_KEYS and LEAD_SHOW_KEYS[:-2] == LEAD_JSON_KEYS
    assert (row["name"], row["bedrooms"], row["neighborhood"]) == ("Marta", 3, "Aldeota")
    # Said once each (the children twice): beyond a window of 2 messages, in order.
    assert row["notes"] == [
        {"category": "family", "text": "2 filhos"},
        {"category": "pets", "text": "tem cachorro"},
        {"category": "preference", "text": "quer suíte"},
        {"category": "question", "text": "perguntou sobre pets"},
    ]
    # Each note keeps the turn it came from: the lead's 2nd, 3rd and 6th messages.
    assert [turn for _, _, turn in notes_rows(db_url)][:4] == [2, 2, 3, 6]

    card = run_cli("lead", "show", "marta", env=env)
    assert card.returncode == 0, card.stderr
    assert "família: 2 filhos" in card.stdout and "pets: tem cachorro" in card.stdout
    exported = json.loads(run_cli("lead", "export", "marta", env=env).stdout)
    assert [(n["category"], n["text"], n["turn"]) for n in exported["notes"]][:2] == [
        ("family", "2 filhos", 2),
        ("pets", "tem cachorro", 2),
    ]
    assert run_cli("leads", "--json", env=env).stdout.count('"notes"') == 0  # unchanged

    forget = run_cli("lead", "forget", "marta", "--yes", env=env)
    assert forget.returncode == 0, forget.stderr
    assert run_cli("lead", "show", "marta", "--json", env=env).returncode == 1
    # Only the other lead's note is left.
    assert [(c, t) for c, t, _ in notes_rows(db_url)] == [("financing", "vai usar FGTS")]


def test_the_calendar_event_carries_the_notes_and_a_later_note_updates_it(
    radicale: Radicale, calendar_url: str, open_session: Callable[..., Session]
) -> None:
    session = open_session("ana-notes", broker_calendar(radicale, calendar_url))
    say(session, f"{QUALIFIED}. Tenho 2 filhos", "segunda às 10h")
    description = str(only_event(radicale, calendar_url)["description"])
    assert "Notas: família: 2 filhos" in description, description

    say(session, "Ah, e vamos usar o FGTS")
    description = str(only_event(radicale, calendar_url)["description"])
    assert "Notas: família: 2 filhos; pagamento: vai usar FGTS" in description, description


def test_the_llm_writes_notes_through_the_note_tool_and_sees_them_later(
    provider: FakeOpenAI, db_url: str, pool: Pool
) -> None:
    provider.script(
        ToolCalls(
            call("note", category="family", text="2 filhos"),
            call("note", category="pets", text="tem cachorro"),
            call("note", category="hobbies", text="gosta de surf"),  # no such category
            call("note", category="family", text=""),  # empty
        ),
        Text("Anotado! Quantos quartos você procura?"),
        Text("Certo!"),
    )
    env = provider.env("some-model") | {"DATABASE_URL": db_url}
    stdin = "Tenho 2 filhos e um cachorro\nquero 3 quartos\n"
    chat = run_cli("chat", "--session", "llm-notes", env=env, stdin=stdin)
    assert chat.returncode == 0, chat.stderr

    row = json.loads(run_cli("lead", "show", "llm-notes", "--json", env=env).stdout)
    assert row["notes"] == [
        {"category": "family", "text": "2 filhos"},
        {"category": "pets", "text": "tem cachorro"},
    ]
    second: Any = provider.chat_requests[1]
    results = [m for m in second.messages if m.get("role") == "tool"]
    assert sum("Nota salva" in str(m["content"]) for m in results) == 2
    assert sum("error" in str(m["content"]).lower() for m in results) == 2
    # The next message's prompt carries the notes already taken, as data.
    system = str(provider.chat_requests[-1].messages[0]["content"])
    assert '<notas>["2 filhos", "tem cachorro"]</notas>' in system
    assert "chame note" in system.lower()
