"""Replies stream token by token from an OpenAI-compatible server, over real HTTP."""

from __future__ import annotations

from homer_agent.agent import build_agent
from homer_agent.config import Settings
from homer_agent.db.pool import Pool
from homer_agent.models import make_chat_model
from homer_agent.profile import load_profile
from tests.support.fake_openai import FakeOpenAI, Text, ToolCalls, call


def test_reply_tokens_reach_the_terminal_as_they_stream(pool: Pool) -> None:
    with FakeOpenAI() as server:
        server.script(
            ToolCalls(call("update_lead_name", name="Ana")),
            Text("Prazer, Ana! Quantos quartos você procura?"),
        )
        settings = Settings(
            openai_base_url=server.base_url,
            openai_api_key="test",
            homer_model="fake-model",
            homer_model_retries=0,
        )
        session = build_agent(
            pool=pool,
            model=make_chat_model(settings),
            model_name=settings.model_name,
            profile=load_profile(),
        ).session("stream-1")
        pieces: list[str] = []
        result = session.turn("Oi, sou a Ana", on_token=pieces.append)

    assert result.error is None
    assert all(request.stream for request in server.chat_requests)
    words = [p for p in pieces if p.strip()]
    assert len(words) > 3, pieces
    assert "".join(pieces).strip() == result.reply == "Prazer, Ana! Quantos quartos você procura?"
    assert session.refresh_lead().name == "Ana"
