"""A hand-off that holds: no qualifying question until a broker releases the lead, in
piped chat and over the API; an opted-out lead gets nothing unasked."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import psycopg
import pytest

from homer_agent.takeover import ASK_CONTINUE, HOLD_REPLY
from tests.conftest import run_cli
from tests.support.cli import piped_chat
from tests.support.service_support import Server

TOKEN = "s3cret-token-for-tests"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
QUESTIONS = ("quantos quartos", "qual é o seu orçamento", "qual bairro", "como você se chama")


def asks_a_question(reply: str) -> bool:
    return any(question in reply.casefold() for question in QUESTIONS)


def show(key: str, env: dict[str, str]) -> dict[str, Any]:
    result = run_cli("lead", "show", key, "--json", env=env)
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def events(db_url: str, key: str) -> list[str]:
    with psycopg.connect(db_url) as conn:
        rows = conn.execute(
            "SELECT n.event FROM broker_notifications n JOIN leads l ON l.id = n.lead_id "
            "WHERE l.session_key = %s ORDER BY n.id",
            (key,),
        ).fetchall()
    return [str(row[0]) for row in rows]


def test_a_taken_over_conversation_asks_nothing_until_released(db_url: str) -> None:
    env = {"DATABASE_URL": db_url}
    key = "+5585988880001"
    first = piped_chat(key, env, "Sou a Ana, quero 3 quartos na Aldeota")
    assert asks_a_question(first[0])
    assert show(key, env)["handoff"] is None
    replies = piped_chat(
        key,
        env,
        "Quero falar com um corretor",
        "Oi? Alguém vai me ligar?",
        "Meu orçamento é 800 mil",
        "Tem alguém aí?",
    )
    assert "corretores" in replies[0]
    assert replies[1] == HOLD_REPLY  # answered once ...
    assert replies[2:] == ["", ""]  # ... and then silence: no qualifying question
    lead = show(key, env)
    assert lead["handoff"]["reason"] == "human" and lead["handoff"]["since"]
    assert lead["budget_brl"] is None  # Homer stopped qualifying
    # Three messages in one burst: the brokers were told once, after the hand-off itself.
    assert events(db_url, key) == ["handoff", "lead_message"]
    waiting = run_cli("leads", "--handoff", "--json", env=env)
    assert [row["session_key"] for row in json.loads(waiting.stdout)] == [key]
    # The messages were stored: the export has them.
    exported = run_cli("lead", "export", key, env=env).stdout
    assert "Meu orçamento é 800 mil" in exported and "Tem alguém aí?" in exported

    released = run_cli("lead", "release", key, env=env)
    assert released.returncode == 0 and "Released lead" in released.stderr
    assert show(key, env)["handoff"] is None
    assert json.loads(run_cli("leads", "--handoff", "--json", env=env).stdout) == []
    (resumed,) = piped_chat(key, env, "Oi, voltei")
    assert "Qual é o seu orçamento" in resumed  # Homer resumes where it was
    again = run_cli("lead", "release", key, env=env)
    assert again.returncode == 0 and "nothing to release" in again.stderr


def test_an_opted_out_lead_is_asked_once_whether_to_continue(db_url: str) -> None:
    env = {"DATABASE_URL": db_url}
    key = "+5585988880002"
    replies = piped_chat(
        key,
        env,
        "Sou o Rui",
        "Pare de me mandar mensagem",
        "Oi",
        "Quanto custa?",
        "hmm",
    )
    assert "Não vou mais enviar mensagens" in replies[1]
    assert replies[2] == ASK_CONTINUE
    assert replies[3:] == ["", ""]
    assert show(key, env)["handoff"]["reason"] == "opt_out"
    # An opt-out is no one waiting for a person.
    assert json.loads(run_cli("leads", "--handoff", "--json", env=env).stdout) == []
    assert "lead_message" not in events(db_url, key)
    (answer,) = piped_chat(key, env, "Sim, quero continuar")
    assert asks_a_question(answer)
    assert show(key, env)["handoff"] is None


def test_an_opted_out_lead_who_says_no_hears_nothing(db_url: str) -> None:
    env = {"DATABASE_URL": db_url}
    replies = piped_chat("+5585988880003", env, "Não quero mais receber mensagens", "Oi", "Não")
    assert replies[1] == ASK_CONTINUE
    assert replies[2] == ""


# ---------------------------------------------------------------- the API


@pytest.fixture(scope="module")
def api(module_db_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    env = {"DATABASE_URL": module_db_url, "HOMER_API_TOKEN": TOKEN}
    with Server(env, tmp_path_factory.mktemp("serve") / "serve.log") as server:
        yield server


def say(server: Server, key: str, text: str) -> dict[str, Any]:
    response = httpx.post(
        f"{server.url}/v1/sessions/{key}/messages",
        json={"text": text},
        headers=AUTH,
        timeout=60,
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_the_api_holds_a_taken_over_conversation_and_releases_it(api: Server) -> None:
    key = "+5585988880010"
    say(api, key, "Sou a Bia, quero 2 quartos")
    handed = say(api, key, "Quero falar com um atendente humano")
    assert handed["lead"]["handoff"]["reason"] == "human"
    held = say(api, key, "Oi?")
    assert held["reply"] == HOLD_REPLY
    assert say(api, key, "No Cumbuco")["reply"] == ""
    shown = httpx.get(f"{api.url}/v1/leads/{key}", headers=AUTH, timeout=30).json()
    assert shown["handoff"]["reason"] == "human" and shown["neighborhood"] is None
    released = httpx.post(f"{api.url}/v1/leads/{key}/release", headers=AUTH, timeout=30)
    assert released.status_code == 200, released.text
    assert released.json()["handoff"] is None
    assert asks_a_question(say(api, key, "Oi de novo")["reply"])
    missing = httpx.post(f"{api.url}/v1/leads/+5585000000000/release", headers=AUTH, timeout=30)
    assert missing.status_code == 404
    unauthorised = httpx.post(f"{api.url}/v1/leads/{key}/release", timeout=30)
    assert unauthorised.status_code == 401


def test_the_llm_is_not_asked_while_a_person_has_the_conversation(db_url: str) -> None:
    from tests.support.fake_openai import FakeOpenAI, Text

    with FakeOpenAI() as server:
        server.script(Text("Prazer! Quantos quartos você procura?"))
        env = server.env() | {"DATABASE_URL": db_url}
        replies = piped_chat(
            "+5585988880020", env, "Oi", "Quero falar com um corretor", "Oi?", "3 quartos"
        )
        assert len(server.chat_requests) == 1  # only the first message reached the model
    assert replies[2:] == [HOLD_REPLY, ""]
