"""Call the chat model with the tools bound, on a fresh view of the lead."""

from __future__ import annotations

import time
from typing import Any

from langchain_core.messages import (
    AIMessage,
    AnyMessage,
    BaseMessage,
    SystemMessage,
    trim_messages,
)
from langgraph.runtime import Runtime

from homer_agent.leads import facts_of, get_lead
from homer_agent.prompts import render_system_prompt
from homer_agent.state import Context, State

# Enough for a round of tool calls and the reply; fewer means the model is looping.
# Three, not two: tools then the agent again take two steps, and LangGraph gives up
# (GraphRecursionError) once a node has run with no step left, even if it was the last.
MIN_STEPS_FOR_TOOLS = 3
OUT_OF_STEPS_REPLY = (
    "Desculpe, me enrolei um pouco aqui. Pode repetir a última informação, por favor?"
)


def history_window(messages: list[AnyMessage], size: int) -> list[BaseMessage]:
    """The newest `size` messages, starting at a human message so tool calls stay paired.

    The lead's facts live in the database and in the system prompt, so the model needs
    only the recent exchange; the whole history stays in the checkpoint.
    """
    return trim_messages(
        messages,
        max_tokens=size,
        token_counter=len,
        strategy="last",
        start_on="human",
        allow_partial=False,
    )


def agent(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    ctx = runtime.context
    lead = ctx.lead or get_lead(ctx.queries, ctx.lead_id)
    prompt = [
        SystemMessage(render_system_prompt(ctx.profile, facts_of(lead))),
        *history_window(state["messages"], ctx.history_window),
    ]
    started = time.perf_counter()
    response = ctx.model.invoke(prompt)
    ctx.stats.model_ms += (time.perf_counter() - started) * 1000
    ctx.stats.model_calls += 1
    if isinstance(response, AIMessage) and response.usage_metadata:
        ctx.stats.prompt_tokens += response.usage_metadata["input_tokens"]
        ctx.stats.completion_tokens += response.usage_metadata["output_tokens"]
    if (
        isinstance(response, AIMessage)
        and response.tool_calls
        and state["remaining_steps"] < MIN_STEPS_FOR_TOOLS
    ):
        response = AIMessage(OUT_OF_STEPS_REPLY, id=response.id)
    elif isinstance(response, AIMessage) and response.tool_calls:
        calls = [{**call, "args": _storable(call["args"])} for call in response.tool_calls]
        if calls != response.tool_calls:
            response = response.model_copy(update={"tool_calls": calls})
    return {"messages": [response]}


# The checkpoint format (msgpack) holds 64-bit integers only: a model that answers with
# `10**30` would otherwise fail the whole turn when it is saved. As text, the tool's
# validation refuses it like any other bad argument.
_STORABLE_INTS = range(-(2**63), 2**64)


def _storable(value: Any) -> Any:
    """`value` with every integer msgpack cannot store turned into its decimal text."""
    if isinstance(value, int) and not isinstance(value, bool) and value not in _STORABLE_INTS:
        return str(value)
    if isinstance(value, dict):
        return {key: _storable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_storable(item) for item in value]
    return value
