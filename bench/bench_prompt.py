"""Benchmark: prompt tokens the model receives at turns 5, 20 and 40 of one conversation.

Both sides run `CONVERSATION` with a model that records every request it is sent
(messages and bound tools, exactly as the model's `invoke` receives them). For a turn
it reports the request that answers the human message (the turn's first model call)
and the sum over all the turn's calls (a tool round adds a second call). Tokens are
counted with `bench.tokens` (tiktoken o200k_base, offline; see there).

Budget: tokens at turn 40 ≤ 1.3 × tokens at turn 5 (first call, messages + tools).

Run as `uv run python -m bench.bench_prompt`, or call `run()`; prints one JSON object.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (
    CONVERSATION,
    Side,
    TimedChatModel,
    baseline,
    fresh_database,
    main,
    open_our_pool,
    ours,
    row,
)
from bench.stock import open_stock_pool
from bench.tokens import prompt_tokens, tokenizer

TURNS = (5, 20, 40)
BUDGET_GROWTH = 1.3


def _measure(side_factory: Any, pool: Any, key: str) -> dict[str, Any]:
    model = TimedChatModel()
    model.clock.record = True
    side: Side = side_factory(pool, model, key)
    per_turn: dict[int, list[dict[str, int]]] = {}
    for number, text in enumerate(CONVERSATION, 1):
        model.clock.calls.clear()
        side.turn(text)
        if number in TURNS:
            per_turn[number] = [
                prompt_tokens(messages, kwargs.get("tools"))
                for messages, kwargs in model.clock.calls
            ]
    result: dict[str, Any] = {}
    for number, calls in per_turn.items():
        first = calls[0] if calls else {"messages": 0, "tools": 0, "total": 0, "message_count": 0}
        result[f"turn_{number}"] = {
            "first_call": first,
            "all_calls_total": sum(c["total"] for c in calls),
            "model_calls": len(calls),
        }
    t5 = result["turn_5"]["first_call"]["total"]
    t40 = result["turn_40"]["first_call"]["total"]
    result["growth_40_over_5"] = round(t40 / t5, 3) if t5 else None
    m5 = result["turn_5"]["first_call"]["messages"]
    m40 = result["turn_40"]["first_call"]["messages"]
    result["growth_40_over_5_messages_only"] = round(m40 / m5, 3) if m5 else None
    return result


def run(quick: bool = False) -> dict[str, Any]:
    """Both sides over the 40-turn conversation (the same in quick mode: it is cheap)."""
    started = time.perf_counter()
    tok = tokenizer()
    with fresh_database("prompt") as url:
        pool = open_our_pool(url, 2)
        stock_pool = open_stock_pool(url, 2)
        try:
            our = _measure(ours, pool, "prompt-ours")
            base = _measure(baseline, stock_pool, "prompt-stock")
        finally:
            pool.close()
            stock_pool.close()
    growth = our["growth_40_over_5"]
    rows = [
        row(
            f"prompt tokens, turn {n} (first call, msgs+tools)",
            our[f"turn_{n}"]["first_call"]["total"],
            base[f"turn_{n}"]["first_call"]["total"],
            unit="tokens",
        )
        for n in TURNS
    ]
    rows.append(
        row(
            "prompt growth turn 40 / turn 5",
            growth,
            base["growth_40_over_5"],
            unit="×",
            budget=f"≤ {BUDGET_GROWTH}",
            met=growth is not None and growth <= BUDGET_GROWTH,
        )
    )
    return {
        "name": "prompt",
        "quick": quick,
        "tokenizer": tok.name,
        "tokenizer_exact": tok.exact,
        "counting": (
            "OpenAI chat format: 3 tokens per message + each field of the message "
            "(tool calls as JSON) + 3 reply priming; tools = their JSON schema"
        ),
        "turns": list(TURNS),
        "ours": our,
        "baseline": base,
        "budget": {"growth_40_over_5_max": BUDGET_GROWTH, "met": rows[-1]["met"]},
        "seconds": round(time.perf_counter() - started, 2),
        "rows": rows,
    }


if __name__ == "__main__":
    main(run)
