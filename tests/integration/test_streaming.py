"""Replies stream token by token from an OpenAI-compatible server, over real HTTP."""

from __future__ import annotations

from homer_agent.db.pool import Pool
from homer_agent.leads import querier
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


def test_the_service_asks_for_whole_replies_and_streams_only_a_streamed_request(
    db_url: str,
) -> None:
    from homer_agent.service.api import load_homer

    with FakeOpenAI() as server:
        server.script(
            ToolCalls(call("update_lead_name", name="Ana"), usage=(11, 4)),
            Text("Prazer, Ana! Quantos quartos você procura?", usage=(20, 9)),
            Text("Temos casas de 2, 3 ou 4 quartos, com ou sem suíte.", usage=(30, 8)),
        )
        # What `serve` loads at start.
        database, homer = load_homer(fake_settings(server, database_url=db_url))
        try:
            whole = homer.turn("whole-1", "Oi, sou a Ana", message_id="m1")
            pieces: list[str] = []
            streamed = homer.turn("whole-1", "Quais casas vocês têm?", on_token=pieces.append)
            with querier(database.pool) as q:
                lead = q.get_lead_by_session_key(session_key="whole-1")
                assert lead is not None
                turns = q.list_turns(lead_id=lead.id)
        finally:
            homer.close()
            database.close()
        requests = server.chat_requests

    # The JSON reply is one whole answer; the streamed request's tokens came as they went.
    assert [request.stream for request in requests] == [False, False, True]
    assert "stream_options" not in requests[0].body
    assert requests[2].body["stream_options"] == {"include_usage": True}
    assert (whole.error, whole.reply) == (None, "Prazer, Ana! Quantos quartos você procura?")
    assert whole.lead["name"] == "Ana"
    assert streamed.error is None
    assert len([p for p in pieces if p.strip()]) > 3, pieces
    assert "".join(pieces).strip() == streamed.reply
    assert streamed.reply == "Temos casas de 2, 3 ou 4 quartos, com ou sem suíte."
    # Token counts come from either answer's usage.
    assert [(t.prompt_tokens, t.completion_tokens, t.model_calls) for t in turns] == [
        (31, 13, 2),
        (30, 8, 1),
    ]
