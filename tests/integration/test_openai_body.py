"""The chat model sends the messages and tools as given (models/openai_body.py): the same JSON
body openai-python's own checked request would have sent, streamed or whole."""

from __future__ import annotations

from typing import Any

import pytest
from langchain_core.messages import AIMessage, HumanMessage, SystemMessage, ToolMessage
from langchain_openai import ChatOpenAI

from homer_agent.models import make_chat_model
from homer_agent.models.openai_body import AsGiven, as_given
from homer_agent.tools import TOOLS
from tests.support.fake_openai import FakeOpenAI, Text
from tests.support.sessions import fake_settings

PROMPT = [
    SystemMessage("Você é Homer, assistente do empreendimento."),
    HumanMessage("Oi, sou a Ana e quero 3 quartos"),
    AIMessage(
        "",
        tool_calls=[
            {"name": "update_lead_name", "args": {"name": "Ana"}, "id": "call_1"},
            {"name": "update_bedrooms", "args": {"bedrooms": 3}, "id": "call_2"},
        ],
    ),
    ToolMessage("Nome salvo: Ana", tool_call_id="call_1", name="update_lead_name"),
    ToolMessage("Quartos salvos: 3", tool_call_id="call_2", name="update_bedrooms"),
    AIMessage("Prazer, Ana! Em qual bairro?"),
    HumanMessage("No Cumbuco, até R$ 800 mil — ação!"),
]


def _checked(model: ChatOpenAI) -> ChatOpenAI:
    """The same model on openai-python's own resource (its body walked and checked)."""
    assert isinstance(model.client, AsGiven)
    return model.model_copy(update={"client": model.root_client.chat.completions})


@pytest.mark.parametrize("whole_replies", [True, False], ids=["whole", "streamed"])
def test_the_body_on_the_wire_is_the_one_openai_would_send(whole_replies: bool) -> None:
    with FakeOpenAI(default=Text("Anotado!", usage=(5, 2))) as server:
        model = make_chat_model(fake_settings(server), whole_replies=whole_replies)
        assert isinstance(model, ChatOpenAI)
        replies = [chat.bind_tools(TOOLS).invoke(PROMPT) for chat in (model, _checked(model))]
        given, checked = server.chat_requests

    assert given.body == checked.body
    assert given.stream is (not whole_replies)
    assert [m["role"] for m in given.messages] == [
        "system",
        "user",
        "assistant",
        "tool",
        "tool",
        "assistant",
        "user",
    ]
    assert len(given.tools) == len(TOOLS)
    for reply in replies:
        assert isinstance(reply, AIMessage) and reply.text == "Anotado!"
        assert reply.usage_metadata is not None
        assert (reply.usage_metadata["input_tokens"], reply.usage_metadata["output_tokens"]) == (
            5,
            2,
        )


def test_as_given_moves_only_the_messages_and_tools() -> None:
    params: dict[str, Any] = {
        "model": "m",
        "messages": [{"role": "user", "content": "oi"}],
        "tools": [{"type": "function", "function": {"name": "f"}}],
        "stream": True,
        "extra_body": {"top_k": 5},
    }
    assert as_given(params) == {
        "model": "m",
        "messages": [],
        "stream": True,
        "extra_body": {
            "top_k": 5,
            "messages": [{"role": "user", "content": "oi"}],
            "tools": [{"type": "function", "function": {"name": "f"}}],
        },
    }
    assert as_given({"model": "m"}) == {"model": "m"}
