"""Benchmark: non-model time per turn, ours against the stock LangGraph baseline.

Non-model time = the wall time of one turn (``Session.turn(text)`` for ours, including
the lead lock, the checkpoint pruning and the turn record written after the reply;
``graph.stream(...)`` drained for the baseline) minus the time spent inside the chat
model's ``invoke`` (`bench.common.TimedChatModel`, the same wrapper on both sides).

The turns are those of `CONVERSATION`, 40 per lead; ours and the baseline alternate lead
by lead so that machine noise hits both alike. One untimed warm-up lead of 5 turns per
side comes first. Full: 200 timed turns per side (5 leads); quick: 40 (1 lead).

Round trips: the same conversation once more per side through `bench.roundtrips` (a relay
that counts each wait of the client for Postgres), on one pooled connection, untimed.

Budgets (issue 20): non-model p50 ≤ 0.55× the baseline's, client CPU p50 ≤ 0.5× the
baseline's, both in the same run; round trips per turn p50 ≤ 5.

Run as `uv run python -m bench.bench_turn [--quick]`, or call `run()`.
"""

from __future__ import annotations

import contextlib
import gc
import sys
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (
    CONVERSATION,
    Sample,
    Started,
    TimedChatModel,
    baseline,
    fresh_database,
    main,
    open_our_pool,
    ours,
    row,
    stock_collector,
    summary,
)
from bench.roundtrips import RoundTripRelay
from bench.stock import open_stock_pool

TURNS = 200
QUICK_TURNS = 40
WARMUP_TURNS = 5
POOL_SIZE = 4
# Issue 20's budgets, as ratios to the stock baseline of the same run.
BUDGET_NON_MODEL_RATIO = 0.55
BUDGET_CPU_RATIO = 0.5
# Issue 20: lock, lead read, checkpoint read, checkpoint (+ lead) write, turn record. A turn
# without tools now takes two (the lock with both reads; the checkpoint with the record,
# the pruning when due and the unlock); a question adds the documents' search.
BUDGET_ROUND_TRIPS = 5


def _stats(samples: list[Sample]) -> dict[str, Any]:
    return {
        "turns": len(samples),
        "non_model_ms": summary([s.overhead_ms for s in samples]),
        "wall_ms": summary([s.wall_ms for s in samples]),
        "model_ms": summary([s.model_ms for s in samples]),
        "non_model_client_cpu_ms": summary([s.overhead_cpu_ms for s in samples]),
        "model_calls_per_turn": round(sum(s.model_calls for s in samples) / len(samples), 3),
        "errors": sum(1 for s in samples if s.error),
    }


def round_trips(url: str, turns: int) -> dict[str, Any]:
    """Postgres round trips per turn (bench.roundtrips), ours and the baseline, over the
    first `turns` turns of `CONVERSATION` after a warm-up lead (so that the statements are
    prepared on the pooled connection, as in a long-running process)."""
    counts: dict[str, list[int]] = {}
    with RoundTripRelay(url) as relay:
        for make, open_ in ((ours, open_our_pool), (baseline, open_stock_pool)):
            pool = open_(relay.url, 1)
            try:
                warm = make(pool, TimedChatModel(), f"trips-warmup-{make.__name__}")
                for text in CONVERSATION[:WARMUP_TURNS]:
                    warm.turn(text)
                side = make(pool, TimedChatModel(), f"trips-{make.__name__}")
                per_turn = []
                for text in CONVERSATION[:turns]:
                    before = relay.count
                    side.turn(text)
                    per_turn.append(relay.count - before)
                counts[make.__name__] = per_turn
            finally:
                pool.close()
    return {
        side: {
            "p50": sorted(values)[len(values) // 2],
            "mean": round(sum(values) / len(values), 2),
            "min": min(values),
            "max": max(values),
            "per_turn": values,
        }
        for side, values in counts.items()
    }


def run(quick: bool = False, turns: int | None = None) -> dict[str, Any]:
    total = turns or (QUICK_TURNS if quick else TURNS)
    started = Started()
    our_samples: list[Sample] = []
    base_samples: list[Sample] = []
    with fresh_database("turn") as url:
        pool = open_our_pool(url, POOL_SIZE)
        stock_pool = open_stock_pool(url, POOL_SIZE)
        try:
            for make, p in ((ours, pool), (baseline, stock_pool)):
                side = make(p, TimedChatModel(), f"turn-warmup-{make.__name__}")
                for text in CONVERSATION[:WARMUP_TURNS]:
                    side.turn(text)
            lead = 0
            while len(our_samples) < total:
                n = min(len(CONVERSATION), total - len(our_samples))
                for make, p, samples in (
                    (ours, pool, our_samples),
                    (baseline, stock_pool, base_samples),
                ):
                    side = make(p, TimedChatModel(), f"turn-{make.__name__}-{lead}")
                    gc.collect()
                    stock = make is baseline
                    with stock_collector() if stock else contextlib.nullcontext():
                        for text in CONVERSATION[:n]:
                            samples.append(side.turn(text))
                lead += 1
        finally:
            pool.close()
            stock_pool.close()
        trips = round_trips(url, QUICK_TURNS if quick else len(CONVERSATION))
    our = _stats(our_samples)
    base = _stats(base_samples)
    p50, base_p50 = our["non_model_ms"]["p50"], base["non_model_ms"]["p50"]
    cpu, base_cpu = our["non_model_client_cpu_ms"]["p50"], base["non_model_client_cpu_ms"]["p50"]
    met = base_p50 > 0 and p50 <= BUDGET_NON_MODEL_RATIO * base_p50
    cpu_met = base_cpu > 0 and cpu <= BUDGET_CPU_RATIO * base_cpu
    trips_p50 = trips["ours"]["p50"]
    rows = [
        row(
            "non-model ms/turn p50",
            p50,
            base_p50,
            unit="ms",
            budget=f"≤ {BUDGET_NON_MODEL_RATIO:g}× baseline",
            met=met,
        ),
        row(
            "non-model ms/turn p95",
            our["non_model_ms"]["p95"],
            base["non_model_ms"]["p95"],
            unit="ms",
        ),
        row(
            "non-model client CPU ms/turn p50",
            cpu,
            base_cpu,
            unit="ms",
            budget=f"≤ {BUDGET_CPU_RATIO:g}× baseline",
            met=cpu_met,
        ),
        row(
            "Postgres round trips/turn p50",
            trips_p50,
            trips["baseline"]["p50"],
            budget=f"≤ {BUDGET_ROUND_TRIPS}",
            met=trips_p50 <= BUDGET_ROUND_TRIPS,
        ),
        row(
            "Postgres round trips/turn mean",
            trips["ours"]["mean"],
            trips["baseline"]["mean"],
        ),
        row(
            "Postgres round trips/turn min (no tool call)",
            trips["ours"]["min"],
            trips["baseline"]["min"],
        ),
        row("turn wall ms p50", our["wall_ms"]["p50"], base["wall_ms"]["p50"], unit="ms"),
        row("turn errors", our["errors"], base["errors"], budget="0", met=our["errors"] == 0),
    ]
    return {
        "name": "turn",
        "quick": quick,
        "definition": (
            "non-model time = turn wall time - time inside the chat model's invoke; "
            "client CPU = this process's CPU time the same way (Postgres excluded); "
            "ours = Session.turn() (lock, graph, prune, turn record); baseline = stock graph "
            "stream() drained, default durability"
        ),
        "turns_per_side": total,
        "ours": our,
        "baseline": base,
        "ratio_p50": round(p50 / base_p50, 3) if base_p50 else None,
        "round_trips": trips,
        "budget": {
            "non_model_p50_ratio_max": BUDGET_NON_MODEL_RATIO,
            "client_cpu_p50_ratio_max": BUDGET_CPU_RATIO,
            "round_trips_p50_max": BUDGET_ROUND_TRIPS,
            "met": met and cpu_met and trips_p50 <= BUDGET_ROUND_TRIPS,
        },
        **started.report(),
        "rows": rows,
    }


if __name__ == "__main__":
    main(run)
