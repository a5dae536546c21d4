"""history.recent: the checkpoint's window, as LangChain's trim_messages would cut it."""

from __future__ import annotations

import random

import pytest
from langchain_core.messages import (
    AIMessage,
    BaseMessage,
    HumanMessage,
    SystemMessage,
    ToolMessage,
    trim_messages,
)

from homer_agent.history import recent


def _messages(rng: random.Random, n: int) -> list[BaseMessage]:
    make = [
        lambda i: HumanMessage(f"h{i}", id=f"m{i}"),
        lambda i: AIMessage(f"a{i}", id=f"m{i}"),
        lambda i: AIMessage(
            "", id=f"m{i}", tool_calls=[{"name": "note", "args": {}, "id": f"c{i}"}]
        ),
        lambda i: ToolMessage(f"t{i}", tool_call_id=f"c{i}", id=f"m{i}"),
        lambda i: SystemMessage(f"s{i}", id=f"m{i}"),
    ]
    return [rng.choice(make)(i) for i in range(n)]


@pytest.mark.parametrize("seed", range(40))
def test_recent_is_trim_messages_last_starting_on_a_human_message(seed: int) -> None:
    rng = random.Random(seed)
    messages = _messages(rng, rng.randrange(0, 40))
    for size in (0, 1, 2, 5, 12, 50):
        expected = trim_messages(
            messages,
            max_tokens=size,
            token_counter=len,
            strategy="last",
            start_on="human",
            allow_partial=False,
        )
        assert recent(messages, size) == expected, (seed, size)
