"""The OpenAI-compatible path, end to end over real HTTP.

The real `homer-agent chat` subprocess talks to `tests.support.fake_openai.FakeOpenAI` (a local,
scripted chat-completions server) through OPENAI_BASE_URL, with the production model
factory (langchain-openai's ChatOpenAI, streaming). What the server received is the
proof of what the agent sent; the database is the proof of what the tools did.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from homer_agent.db.pool import Pool
from homer_agent.leads import querier
from homer_agent.session import ERROR_REPLIES
from tests.support.cli import piped_chat
from tests.support.fake_openai import Disconnect, Error, FakeOpenAI, Received, Text, ToolCalls, call
from tests.support.sessions import export_of

MODEL = "some-model"
# The tool contract: names and argument names the model sees, nothing about which lead.
CONTRACT_TOOLS = {
    "update_lead_name": ["name"],
    "update_bedrooms": ["bedrooms"],
    "update_neighborhood": ["neighborhood"],
    "update_budget": ["budget_brl"],
    "schedule_call": ["when"],
    "search_development": ["query"],
    "note": ["category", "text"],
}


def chat(provider: FakeOpenAI, db_url: str, key: str, *messages: str, **env: str) -> list[str]:
    """Run `homer-agent chat --session KEY` on the fake server; the reply lines."""
    env = provider.env(MODEL) | {"DATABASE_URL": db_url} | env
    return piped_chat(key, env, *messages, one_each=False)


def tool_messages(request: Received) -> list[dict[str, Any]]:
    return [m for m in request.messages if m.get("role") == "tool"]


def test_tool_calls_land_in_the_database_and_the_streamed_reply_is_printed(
    provider: FakeOpenAI, db_url: str, pool: Pool
) -> None:
    provider.script(
        ToolCalls(
            call("update_lead_name", name="Ana Souza"),
            call("update_bedrooms", bedrooms=3),
            usage=(120, 9),
        ),
        Text("Prazer, Ana! Em qual bairro você gostaria de morar?", usage=(150, 12)),
    )

    replies = chat(provider, db_url, "openai-ana", "Oi, sou a Ana Souza e quero 3 quartos")

    assert replies == ["Prazer, Ana! Em qual bairro você gostaria de morar?"]
    data = export_of(pool, "openai-ana")
    assert data["lead"]["name"] == "Ana Souza"
    assert data["lead"]["bedrooms"] == 3
    # The tool results went back to the model, answering its calls by id.
    assert len(provider.chat_requests) == 2
    second = provider.chat_requests[1]
    assert [m["role"] for m in second.messages[-3:]] == ["assistant", "tool", "tool"]
    called = {c["id"]: c["function"]["name"] for c in second.messages[-3]["tool_calls"]}
    results = {m["tool_call_id"]: m["content"] for m in tool_messages(second)}
    assert {called[i]: content for i, content in results.items()} == {
        "update_lead_name": "Nome salvo: Ana Souza",
        "update_bedrooms": "Quartos salvos: 3",
    }
    # The turn's record: two tools, the usage the server reported in its stream.
    [turn] = data["turns"]
    assert turn["model"] == MODEL
    assert (turn["tool_calls"], turn["tool_errors"], turn["error"]) == (2, 0, None)
    assert (turn["prompt_tokens"], turn["completion_tokens"]) == (270, 21)


def test_requests_stream_and_carry_exactly_the_contract_tools(
    provider: FakeOpenAI, db_url: str, pool: Pool
) -> None:
    provider.script(*(Text(f"Resposta {n}.") for n in range(1, 5)))

    chat(
        provider,
        db_url,
        "openai-schema",
        "Olá",
        "Tudo bem?",
        "Estou só olhando",
        "Obrigado",
        HOMER_HISTORY_WINDOW="4",
    )

    requests = provider.chat_requests
    assert len(requests) == 4
    for request in requests:
        assert request.path == "/v1/chat/completions"
        assert request.body["model"] == MODEL
        assert request.stream is True
        assert request.body["stream_options"] == {"include_usage": True}
        assert request.headers["authorization"] == "Bearer test"
        tools = request.tools
        assert {name: sorted(p.get("properties", {})) for name, p in tools.items()} == {
            name: sorted(args) for name, args in CONTRACT_TOOLS.items()
        }
        for parameters in tools.values():
            assert sorted(parameters.get("required", [])) == sorted(parameters["properties"])
            assert not {"lead_id", "id", "session_key", "runtime"} & set(parameters["properties"])
        system = request.messages[0]
        assert system["role"] == "system"
        assert "Vila Carnaúba" in system["content"] and "<fatos>" in system["content"]
    # The history sent is trimmed to the window, starting on the lead's message.
    assert [(m["role"], m["content"]) for m in requests[-1].messages[1:]] == [
        ("user", "Estou só olhando"),
        ("assistant", "Resposta 3."),
        ("user", "Obrigado"),
    ]
    # ... while the checkpoint keeps the whole conversation.
    assert len(export_of(pool, "openai-schema")["messages"]) == 8


def test_a_refused_argument_goes_back_to_the_model_as_an_error(
    provider: FakeOpenAI, db_url: str, pool: Pool
) -> None:
    provider.script(
        ToolCalls(
            call("update_bedrooms", bedrooms=30),
            call("schedule_call", when="2020-01-10T10:00:00-03:00"),
            call("update_neighborhood", neighborhood="Aldeota"),
        ),
        Text("Desculpe, temos casas de 2 a 4 quartos. Quantos quartos você quer?"),
    )

    replies = chat(provider, db_url, "openai-refused", "Quero 30 quartos na Aldeota, liga em 2020")

    assert replies == ["Desculpe, temos casas de 2 a 4 quartos. Quantos quartos você quer?"]
    assert len(provider.chat_requests) == 2
    second = provider.chat_requests[1]
    results = {m["tool_call_id"]: m["content"] for m in tool_messages(second)}
    called = {c["id"]: c["function"]["name"] for c in second.messages[-4]["tool_calls"]}
    by_tool = {called[i]: content for i, content in results.items()}
    assert "bedrooms" in by_tool["update_bedrooms"]
    assert "less than or equal to 10" in by_tool["update_bedrooms"]
    assert "past" in by_tool["schedule_call"]
    assert by_tool["update_neighborhood"] == "Bairro salvo: Aldeota"
    data = export_of(pool, "openai-refused")
    lead = data["lead"]
    assert (lead["bedrooms"], lead["call_at"], lead["neighborhood"]) == (None, None, "Aldeota")
    statuses = {m["name"]: m.get("status") for m in data["messages"] if m["type"] == "tool"}
    assert statuses == {
        "update_bedrooms": "error",
        "schedule_call": "error",
        "update_neighborhood": "success",
    }
    [turn] = data["turns"]
    assert (turn["tool_calls"], turn["tool_errors"], turn["error"]) == (3, 2, None)


def test_invented_arguments_cannot_reach_another_lead(
    provider: FakeOpenAI, db_url: str, pool: Pool
) -> None:
    with querier(pool) as q:
        victim = q.get_or_create_lead(session_key="openai-victim")
        assert victim is not None
        victim = q.update_lead_name(id=victim.id, name="Vítima")
        assert victim is not None
    invented = {
        "lead_id": victim.id,
        "id": victim.id,
        "session_key": "openai-victim",
        "runtime": {"context": {"lead_id": victim.id}},
    }
    provider.script(
        ToolCalls(
            call("update_lead_name", name="Mallory", **invented),
            call("update_budget", budget_brl=500_000, **invented),
        ),
        Text("Anotado."),
    )

    assert chat(provider, db_url, "openai-mallory", "Sou Mallory") == ["Anotado."]

    with querier(pool) as q:
        after = q.get_lead(id=victim.id)
        mallory = q.get_lead_by_session_key(session_key="openai-mallory")
    assert after == victim  # not a column changed, not even updated_at
    assert mallory is not None
    assert (mallory.name, mallory.budget_brl) == ("Mallory", 500_000)


def test_provider_errors_are_retried_and_the_turns_succeed(
    provider: FakeOpenAI, db_url: str, pool: Pool
) -> None:
    statuses = (429, 500, 503)
    for n, status in enumerate(statuses, 1):
        provider.script(Error(status, retry_after=0.01), Text(f"Resposta {n}."))

    replies = chat(provider, db_url, "openai-retry", "Oi", "Tudo bem?", "Estou olhando")

    assert replies == ["Resposta 1.", "Resposta 2.", "Resposta 3."]
    requests = provider.chat_requests
    assert len(requests) == 2 * len(statuses)
    for failed, retried in zip(requests[::2], requests[1::2], strict=True):
        assert failed.body == retried.body  # the same request, sent again
    turns = export_of(pool, "openai-retry")["turns"]
    assert [t["error"] for t in turns] == [None, None, None]


def test_a_persistent_provider_error_gives_the_friendly_reply_and_the_chat_goes_on(
    provider: FakeOpenAI, db_url: str, pool: Pool
) -> None:
    provider.script(
        Error(500, retry_after=0.01),
        Error(500, retry_after=0.01),
        Text("Oi de novo! Como posso te chamar?"),
    )

    replies = chat(
        provider,
        db_url,
        "openai-down",
        "Oi",
        "Oi, tem alguém aí?",
        HOMER_MODEL_RETRIES="1",
        HOMER_FALLBACK="none",  # the offline model would answer instead (test_fallback.py)
    )

    assert replies == [ERROR_REPLIES["model"], "Oi de novo! Como posso te chamar?"]
    assert len(provider.chat_requests) == 3  # one try and one retry, then the next message
    turns = export_of(pool, "openai-down")["turns"]
    assert [t["error"] for t in turns] == ["model", None]


# ---------------------------------------------------------------- the fake server itself
# The paths of FakeOpenAI that the CLI tests above do not take (other tests rely on them).


def _client(provider: FakeOpenAI, **kwargs: Any) -> Any:
    from openai import OpenAI

    return OpenAI(api_key="test", base_url=provider.base_url, **kwargs)


def test_fake_server_answers_without_streaming(provider: FakeOpenAI) -> None:
    provider.script(ToolCalls(call("update_budget", budget_brl=800_000), usage=(7, 3)))

    completion = _client(provider).chat.completions.create(
        model=MODEL, messages=[{"role": "user", "content": "800 mil"}]
    )

    [choice] = completion.choices
    assert choice.finish_reason == "tool_calls"
    [tool_call] = choice.message.tool_calls or []
    assert tool_call.function.name == "update_budget"
    assert json.loads(tool_call.function.arguments) == {"budget_brl": 800_000}
    assert completion.usage is not None and completion.usage.total_tokens == 10
    assert provider.requests[0].stream is False


def test_fake_server_disconnects_delays_and_runs_out(provider: FakeOpenAI) -> None:
    from openai import APIConnectionError, APITimeoutError, InternalServerError

    messages = [{"role": "user", "content": "oi"}]
    provider.script(Disconnect(), Text("de volta"), Text("tarde demais", delay=2))
    client = _client(provider, max_retries=0, timeout=0.5)

    with pytest.raises(APIConnectionError):
        client.chat.completions.create(model=MODEL, messages=messages)
    reply = client.chat.completions.create(model=MODEL, messages=messages)
    assert reply.choices[0].message.content == "de volta"
    with pytest.raises(APITimeoutError):
        client.chat.completions.create(model=MODEL, messages=messages)
    with pytest.raises(InternalServerError, match="no scripted response"):
        client.chat.completions.create(model=MODEL, messages=messages)
    assert len(provider.wait_for_requests(4, timeout=5)) == 4
    assert provider.pending() == 0
