"""The chat model sends the messages and tools as given (models/openai_body.py): the same
body on the wire, and the same message back, as openai-python's own checked request,
streamed or whole."""

from __future__ import annotations

from typing import Any

import pytest
from langchain_core.messages import (
    AIMessage,
    BaseMessage,
    HumanMessage,
    SystemMessage,
    ToolMessage,
)
from langchain_openai import ChatOpenAI
from openai import omit

from homer_agent.models import make_chat_model
from homer_agent.models.openai_body import AsGiven, as_given
from homer_agent.tools import TOOLS
from tests.support.fake_openai import Call, FakeOpenAI, Garbled, Text, ToolCalls
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


def _reply_view(reply: BaseMessage) -> tuple[Any, ...]:
    assert isinstance(reply, AIMessage)
    return (
        reply.content,
        reply.tool_calls,
        reply.usage_metadata,
        reply.response_metadata.get("finish_reason"),
        reply.response_metadata.get("model_name"),
    )


@pytest.mark.parametrize("whole_replies", [True, False], ids=["whole", "streamed"])
def test_the_body_on_the_wire_and_the_reply_are_the_ones_openai_would_give(
    whole_replies: bool,
) -> None:
    answers = [
        Text("Anotado!", usage=(5, 2)),
        ToolCalls(Call("update_budget", {"budget_brl": 800_000}, id="call_9"), usage=(9, 4)),
    ]
    with FakeOpenAI() as server:
        model = make_chat_model(fake_settings(server), whole_replies=whole_replies)
        assert isinstance(model, ChatOpenAI)
        replies = []
        for answer in answers:
            server.script(answer, answer)
            replies.append(
                [chat.bind_tools(TOOLS).invoke(PROMPT) for chat in (model, _checked(model))]
            )
        requests = server.chat_requests

    for given, checked in zip(requests[::2], requests[1::2], strict=True):
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
    for given_reply, checked_reply in replies:
        assert _reply_view(given_reply) == _reply_view(checked_reply)
    (text, _), (calls, _) = replies
    assert _reply_view(text)[0] == "Anotado!"
    assert [(c["name"], c["args"]) for c in _reply_view(calls)[1]] == [
        ("update_budget", {"budget_brl": 800_000})
    ]
    assert [_reply_view(r)[2]["input_tokens"] for r, _ in replies] == [5, 9]


def test_a_whole_reply_that_is_not_json_fails_as_it_did() -> None:
    with FakeOpenAI() as server:
        model = make_chat_model(fake_settings(server), whole_replies=True)
        assert isinstance(model, ChatOpenAI)
        failures = []
        for chat in (model, _checked(model)):
            server.script(Garbled("<html>captive portal</html>"))
            with pytest.raises(Exception) as caught:
                chat.invoke(PROMPT)
            failures.append(type(caught.value))
    assert failures[0] is failures[1]


def test_as_given_moves_the_body_and_keeps_the_options() -> None:
    params: dict[str, Any] = {
        "model": "m",
        "messages": [{"role": "user", "content": "oi"}],
        "tools": [{"type": "function", "function": {"name": "f"}}],
        "temperature": 0.2,
        "stream": True,
        "timeout": 30,
        "extra_body": {"top_k": 5, "temperature": 0.1},
    }
    assert as_given(params) == {
        "model": omit,
        "messages": [],
        "stream": True,
        "timeout": 30,
        "extra_body": {
            "model": "m",
            "messages": [{"role": "user", "content": "oi"}],
            "tools": [{"type": "function", "function": {"name": "f"}}],
            "temperature": 0.1,  # the caller's extra_body wins, as in openai
            "top_k": 5,
        },
    }
    assert as_given({"stream": False}) == {"stream": False}
