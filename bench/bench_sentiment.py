"""Benchmark: microseconds to score one lead message with homer_agent.sentiment.analyze().

Scores every message of tests/data/sentiment_leads.tsv in a loop (after building the
analyzer once, which is not timed) and prints one JSON object:

    {"name": "sentiment", "us_per_message_p50": ..., "us_per_message_mean": ..., "messages": N}

Run as `uv run python bench/bench_sentiment.py`, or call `run()`.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path
from typing import Any

from homer_agent.sentiment import analyze, analyzer

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "sentiment_leads.tsv"
ROUNDS = 20


def messages() -> list[str]:
    lines = DATA.read_text(encoding="utf-8").splitlines()
    return [line.split("\t", 1)[1] for line in lines if "\t" in line]


def run(rounds: int = ROUNDS) -> dict[str, Any]:
    texts = messages()
    analyzer()  # build once, outside the timing
    for text in texts:  # warm-up
        analyze(text)
    timings: list[float] = []
    clock = time.perf_counter_ns
    for _ in range(rounds):
        for text in texts:
            start = clock()
            analyze(text)
            timings.append((clock() - start) / 1000)
    return {
        "name": "sentiment",
        "us_per_message_p50": round(statistics.median(timings), 2),
        "us_per_message_mean": round(statistics.fmean(timings), 2),
        "messages": len(texts),
    }


if __name__ == "__main__":
    print(json.dumps(run()))
