"""Replies stream token by token from an OpenAI-compatible server, over real HTTP."""

from __future__ import annotations

from homer_agent.db.pool import Pool
from tests.support.fake_openai import FakeOpenAI, Text, ToolCalls, call
from tests.support.sessions import fake_settings, settings_session


def test_reply_tokens_reach_the_terminal_as_they_stream(pool: Pool) -> None:
    with FakeOpenAI() as server:
        server.script(
            ToolCalls(call("update_lead_name", name="Ana")),
            Text("Prazer, Ana! Quantos quartos você procura?"),
        )
        settings = fake_settings(server, homer_fallback="none")
        session = settings_session(pool, "stream-1", settings)
        pieces: list[str] = []
        result = session.turn("Oi, sou a Ana", on_token=pieces.append)

    assert result.error is None
    assert all(request.stream for request in server.chat_requests)
    words = [p for p in pieces if p.strip()]
    assert len(words) > 3, pieces
    assert "".join(pieces).strip() == result.reply == "Prazer, Ana! Quantos quartos você procura?"
    assert session.refresh_lead().name == "Ana"
