"""Call the chat model with the tools bound, on a fresh view of the lead."""

from __future__ import annotations

import time
from typing import Any

from langchain_core.messages import AIMessage, BaseMessage, ToolMessage
from langchain_core.runnables.config import set_config_context
from langgraph.runtime import Runtime

from homer_agent.history import latest_tool_result, recent
from homer_agent.leads import facts_of
from homer_agent.model_replies import clean_model_reply
from homer_agent.prompts import system_message
from homer_agent.ptbr.replies import OUT_OF_STEPS_REPLY
from homer_agent.state import Context, State, TurnRecord, current_lead

# Enough for a round of tool calls and the reply; fewer means the model is looping.
# Three, not two: tools and the agent again take two steps, and LangGraph gives up
# (GraphRecursionError) once a node has run with no step left, even if it was the last.
MIN_STEPS_FOR_TOOLS = 3
CALL_TOOL = "schedule_call"
INTERRUPTED_TOOL_RESULT = (
    "Sem resultado: o turno foi interrompido por uma falha. "
    "Confira nos dados do lead o que foi salvo."
)


def answer_interrupted_calls(messages: list[BaseMessage]) -> list[BaseMessage]:
    """Give tool calls that a failed turn left unanswered a result, so the history stays
    valid for the model (OpenAI refuses a tool call without its result)."""
    answered = {m.tool_call_id for m in messages if isinstance(m, ToolMessage)}
    out: list[BaseMessage] = []
    for message in messages:
        out.append(message)
        if isinstance(message, AIMessage):
            out.extend(
                ToolMessage(
                    INTERRUPTED_TOOL_RESULT,
                    tool_call_id=call["id"],
                    name=call["name"],
                    status="error",
                )
                for call in message.tool_calls
                if call["id"] not in answered
            )
    return out


def agent(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    ctx = runtime.context
    # After a round of tools the lead includes every tool's write.
    prompt = [
        system_message(
            ctx.profile,
            facts_of(current_lead(ctx, state)),
            now=ctx.now,
            notes=list(ctx.notes),
            # What is being agreed about the call outlives the window (see PromptView).
            call_outcome=latest_tool_result(state["messages"], CALL_TOOL),
        ),
        *answer_interrupted_calls(recent(state["messages"], ctx.history_window)),
    ]
    started = time.perf_counter()
    fell_back = None
    # The model calls (the fallback's too) run with the turn's callbacks (see Context).
    with set_config_context({"callbacks": list(ctx.callbacks)}) as model_run:
        if ctx.fallback is None:
            response = model_run.run(ctx.model.invoke, prompt)
        else:
            response, fell_back = model_run.run(
                ctx.fallback.invoke, ctx.model, prompt, state["turn"].fallback_reason
            )
    response = clean_model_reply(response)
    usage = response.usage_metadata if isinstance(response, AIMessage) else None
    record = TurnRecord(
        model_calls=1,
        model_ms=(time.perf_counter() - started) * 1000,
        prompt_tokens=usage["input_tokens"] if usage else 0,
        completion_tokens=usage["output_tokens"] if usage else 0,
        fallback_reason=fell_back,
    )
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
    return {"messages": [response], "turn": record}


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
