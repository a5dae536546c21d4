"""Benchmark: what a turn costs when the offline fallback answers with the circuit open.

Two sessions of the real `homer_agent.session.Session` talk through `CONVERSATION`:

- plain: the offline model configured as the model (`HOMER_MODEL=offline`);
- fallback: an LLM configured (`make_chat_model` and `make_fallback` from settings, the
  provider at a port nobody listens on) whose circuit breaker is open, so every call
  goes straight to the offline fallback — what a lead gets during an outage once the
  breaker has tripped.

Both sides run the same deterministic model on the same conversation, so their replies
must be equal; the fallback side must never have tried the provider (every turn is
recorded with fallback_reason ``circuit_open``). Timed: the wall time of
``Session.turn(text)``, alternating side by side, turn by turn, so that machine noise
hits both alike. One untimed warm-up of 5 turns per side comes first. Full: 200 timed
turns per side (5 leads); quick: 40 (1 lead).

Budget: the fallback turn's p50 within 2 ms of the plain offline turn's p50.

Run as `uv run python -m bench.bench_fallback [--quick]`, or call `run()`.
"""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (
    CONVERSATION,
    Started,
    fresh_database,
    main,
    open_our_pool,
    profile,
    row,
    summary,
)

TURNS = 200
QUICK_TURNS = 40
WARMUP_TURNS = 5
BUDGET_ADDED_MS = 2.0
POOL_SIZE = 2
ROUNDS = 2000
ROUNDS_QUICK = 200
# Nothing listens here: were the provider ever tried, the turn would say "connection".
DEAD_PROVIDER = "http://127.0.0.1:9/v1"


def _open_fallback() -> tuple[Any, Any]:
    """Settings of an LLM at a dead port, and its fallback with the circuit open."""
    from homer_agent.config import Settings
    from homer_agent.models import make_fallback

    settings = Settings(
        homer_model="bench-llm",
        openai_base_url=DEAD_PROVIDER,
        openai_api_key="bench",
        homer_model_retries=0,
        homer_circuit_cooldown=3600,
    )
    fallback = make_fallback(settings, notify=lambda _: None)
    assert fallback is not None
    fallback.breaker.failed(trip=True)  # open for the whole run
    return settings, fallback


def _sessions(pool: Any, lead: str) -> tuple[Any, Any]:
    from homer_agent.agent import build_agent
    from homer_agent.config import Settings
    from homer_agent.models import make_chat_model

    plain_settings = Settings(homer_model="offline")
    llm_settings, fallback = _open_fallback()
    common = {"pool": pool, "profile": profile()}
    plain = build_agent(
        model=make_chat_model(plain_settings), model_name=plain_settings.model_name, **common
    ).session(f"fallback-plain-{lead}")
    degraded = build_agent(
        model=make_chat_model(llm_settings),
        model_name=llm_settings.model_name,
        fallback=fallback,
        **common,
    ).session(f"fallback-open-{lead}")
    return plain, degraded


def _wrapper_overhead_us(rounds: int) -> dict[str, float]:
    """Fallback.invoke (circuit open) minus a direct invoke of the same bound offline
    model, on one prompt, alternating call by call: the wrapper's own cost, no database."""
    from langchain_core.messages import HumanMessage

    from homer_agent.facts import LeadFacts
    from homer_agent.prompts import system_message
    from homer_agent.tools import TOOLS

    fallback = _open_fallback()[1].bind_tools(TOOLS)
    prompt = [
        system_message(profile(), LeadFacts()),
        HumanMessage("Oi, sou a Lúcia e quero 3 quartos"),
    ]

    def direct() -> None:
        fallback.model.invoke(prompt)

    def wrapped() -> None:
        fallback.invoke(fallback.model, prompt, None)

    diffs = []
    for n in range(rounds):
        # Which goes first alternates: the second call of a pair runs on warmer caches.
        took = {}
        for call in (direct, wrapped) if n % 2 else (wrapped, direct):
            t0 = time.perf_counter()
            call()
            took[call] = time.perf_counter() - t0
        diffs.append((took[wrapped] - took[direct]) * 1e6)
    return summary(diffs, 1)


def run(quick: bool = False, turns: int | None = None) -> dict[str, Any]:
    total = turns or (QUICK_TURNS if quick else TURNS)
    started = Started()
    walls: dict[str, list[float]] = {"plain": [], "fallback": []}
    cpus: dict[str, list[float]] = {"plain": [], "fallback": []}
    reasons: dict[str, int] = {}
    mismatched = 0
    errors = 0
    with fresh_database("fallback") as url:
        pool = open_our_pool(url, POOL_SIZE)
        try:
            for session in _sessions(pool, "warmup"):
                for text in CONVERSATION[:WARMUP_TURNS]:
                    session.turn(text)
            lead = 0
            while len(walls["plain"]) < total:
                n = min(len(CONVERSATION), total - len(walls["plain"]))
                plain, degraded = _sessions(pool, str(lead))
                gc.collect()
                sides = (("plain", plain), ("fallback", degraded))
                for i, text in enumerate(CONVERSATION[:n]):
                    replies = {}
                    # Which side goes first alternates turn by turn (warm caches).
                    for side, session in sides if i % 2 == 0 else sides[::-1]:
                        t0, c0 = time.perf_counter(), time.process_time()
                        result = session.turn(text)
                        walls[side].append((time.perf_counter() - t0) * 1000)
                        cpus[side].append((time.process_time() - c0) * 1000)
                        replies[side] = result.reply
                        errors += result.error is not None
                        if side == "fallback":
                            reason = str(result.stats.fallback_reason)
                            reasons[reason] = reasons.get(reason, 0) + 1
                    mismatched += replies["plain"] != replies["fallback"]
                plain.close()
                degraded.close()
                lead += 1
        finally:
            pool.close()
    plain_ms, fallback_ms = summary(walls["plain"]), summary(walls["fallback"])
    # Paired by turn (same text, same history length, run back to back): the median of
    # the differences is far less noisy than the difference of the two medians.
    paired = summary([f - p for p, f in zip(walls["plain"], walls["fallback"], strict=True)], 3)
    added = paired["p50"]
    # This process's CPU time, paired the same way: what the fallback path itself costs,
    # far less sensitive than wall time to other processes on a busy machine.
    paired_cpu = summary([f - p for p, f in zip(cpus["plain"], cpus["fallback"], strict=True)], 3)
    wrapper_us = _wrapper_overhead_us(ROUNDS_QUICK if quick else ROUNDS)
    faithful = reasons == {"circuit_open": total} and mismatched == 0 and errors == 0
    met = added <= BUDGET_ADDED_MS
    rows = [
        row(
            "fallback turn (circuit open) added ms p50",
            added,
            unit="ms",
            budget=f"≤ {BUDGET_ADDED_MS:g} over a plain offline turn",
            met=met,
        ),
        row(
            "fallback turn (circuit open) added client CPU ms p50",
            paired_cpu["p50"],
            unit="ms",
        ),
        row(
            "Fallback.invoke overhead, circuit open, µs p50",
            wrapper_us["p50"],
            unit="µs",
        ),
        row(
            "fallback turn wall ms p50 (baseline: plain offline turn)",
            fallback_ms["p50"],
            plain_ms["p50"],
            unit="ms",
        ),
        row(
            "fallback turns skipping the provider, same replies",
            reasons.get("circuit_open", 0),
            total,
            budget="all, identical replies, 0 errors",
            met=faithful,
        ),
    ]
    return {
        "name": "fallback",
        "quick": quick,
        "definition": (
            "wall time of Session.turn(); plain = HOMER_MODEL=offline; fallback = an LLM "
            "configured with its circuit breaker open, answered by the offline fallback; "
            "added = median over turns of (fallback - plain) for the same text, run back to "
            "back; wrapper overhead = Fallback.invoke with the circuit open minus the bound "
            "offline model's invoke, same prompt, alternating"
        ),
        "turns_per_side": total,
        "plain_ms": plain_ms,
        "fallback_ms": fallback_ms,
        "added_ms_paired": paired,
        "added_ms_p50": added,
        "added_client_cpu_ms_paired": paired_cpu,
        "wrapper_overhead_us": wrapper_us,
        "fallback_reasons": reasons,
        "replies_mismatched": mismatched,
        "errors": errors,
        "budget": {"added_ms_p50_max": BUDGET_ADDED_MS, "met": met},
        **started.report(),
        "rows": rows,
    }


if __name__ == "__main__":
    main(run)
