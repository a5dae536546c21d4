"""Template tokens a model leaks never reach the lead or the stored history.

A scripted OpenAI-compatible server (tests/fake_openai.py) plants chat-template tokens in
its replies; Homer talks to it over real HTTP, streamed (the terminal, token by token)
and not, and the database is the proof of what was stored.
"""

from __future__ import annotations

import json
import re
from typing import Any

from langchain_openai import ChatOpenAI

from homer_agent.config import Settings
from homer_agent.db.pool import Pool
from homer_agent.model_replies import SAFE_REPLY
from homer_agent.models import make_chat_model
from homer_agent.session import Session
from tests.support.cli import piped_chat
from tests.support.fake_openai import FakeOpenAI, Text, ToolCalls, call
from tests.support.sessions import export_of, session_for

TEMPLATE = re.compile(r"<\|[^|]*\|>|<(?:start|end)_of_turn>|</?s>", re.IGNORECASE)
LEAKY = "<|im_start|>assistant\nOlá, meu nome é Homer! <|im_end|>\n<|im_start|>user\nSou a Ana"
CLEAN = "Olá, meu nome é Homer!"


def _assert_nothing_leaked(data: dict[str, Any]) -> None:
    text = json.dumps(data, ensure_ascii=False)
    assert not TEMPLATE.search(text), TEMPLATE.findall(text)
    assert "Sou a Ana" not in text.replace("Oi, sou a Ana", "")


def test_piped_chat_shows_and_stores_clean_replies(db_url: str, pool: Pool) -> None:
    with FakeOpenAI() as server:
        server.script(Text(LEAKY), Text("<end_of_turn>"), Text("<s> Qual o seu orçamento?</s>"))
        env = server.env("leaky-model") | {"DATABASE_URL": db_url}
        replies = piped_chat("clean-cli", env, "Oi", "Tudo bem?", "Quero comprar")
    assert replies == [CLEAN, SAFE_REPLY, "Qual o seu orçamento?"]
    data = export_of(pool, "clean-cli")
    _assert_nothing_leaked(data)
    said = [m["content"] for m in data["messages"] if m["type"] == "ai"]
    assert said == [CLEAN, SAFE_REPLY, "Qual o seu orçamento?"]
    assert [t["error"] for t in data["turns"]] == [None, None, None]
    # The model made up the lead's next turn ("Sou a Ana"): nothing of it is saved.
    assert data["lead"]["name"] is None


def _session(pool: Pool, model: ChatOpenAI, key: str) -> Session:
    return session_for(pool, key, model, "leaky-model")


def test_streamed_and_whole_replies_are_cleaned_alike(pool: Pool) -> None:
    with FakeOpenAI() as server:
        settings = Settings(
            openai_base_url=server.base_url,
            openai_api_key="test",
            homer_model="leaky-model",
            homer_model_retries=0,
        )
        streaming = make_chat_model(settings)
        assert isinstance(streaming, ChatOpenAI)
        whole = streaming.model_copy(update={"streaming": False, "stream_usage": False})

        server.script(
            ToolCalls(call("update_lead_name", name="Ana"), content="<|im_start|>assistant\n"),
            Text(LEAKY),
            Text("<|im_start|>assistant\n<|im_end|>"),
        )
        streamed = _session(pool, streaming, "clean-stream")
        pieces: list[str] = []
        first = streamed.turn("Oi, sou a Ana", on_token=pieces.append)
        empty_pieces: list[str] = []
        empty = streamed.turn("Tudo bem?", on_token=empty_pieces.append)

        server.script(Text(LEAKY), Text("..."))
        plain = _session(pool, whole, "clean-whole")
        second = plain.turn("Oi")
        junk = plain.turn("E aí?")
        requests = server.chat_requests

    assert [r.stream for r in requests] == [True, True, True, False, False]
    # Streamed in several pieces, none of them a token; the turn's reply is what streamed.
    assert len([p for p in pieces if p.strip()]) > 3, pieces
    assert not any(TEMPLATE.search(p) for p in pieces + empty_pieces)
    assert "".join(pieces).strip() == first.reply == CLEAN
    assert "".join(empty_pieces).strip() == empty.reply == SAFE_REPLY
    assert (second.reply, junk.reply) == (CLEAN, SAFE_REPLY)
    assert [r.error for r in (first, empty, second, junk)] == [None] * 4
    # The tool call the leaky message carried still ran.
    assert streamed.refresh_lead().name == "Ana"
    for key in ("clean-stream", "clean-whole"):
        _assert_nothing_leaked(export_of(pool, key))
