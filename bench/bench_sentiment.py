"""Benchmark: microseconds to score one lead message with homer_agent.ptbr.sentiment.analyze().

Scores every message of tests/data/sentiment_leads.tsv in a loop (after building the
analyzer once, which is not timed) and prints one JSON object:

    {"name": "sentiment", "us_per_message_p50": ..., "us_per_message_mean": ..., "messages": N,
     "baseline_us_per_message_p50": ..., "ratio_p50": ..., ...}

The baseline is the stock vaderSentiment analyzer (``SentimentIntensityAnalyzer()``,
its English lexicon) on the same messages, timed the same way.

Run as `uv run python bench/bench_sentiment.py`, or call `run()`.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from homer_agent.ptbr.sentiment import analyze, analyzer

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "sentiment_leads.tsv"
ROUNDS = 20
QUICK_ROUNDS = 2


def messages() -> list[str]:
    lines = DATA.read_text(encoding="utf-8").splitlines()
    return [line.split("\t", 1)[1] for line in lines if "\t" in line]


def _time(score: Callable[[str], object], texts: list[str], rounds: int) -> list[float]:
    for text in texts:  # warm-up
        score(text)
    timings: list[float] = []
    clock = time.perf_counter_ns
    for _ in range(rounds):
        for text in texts:
            start = clock()
            score(text)
            timings.append((clock() - start) / 1000)
    return timings


def run(rounds: int = ROUNDS, *, quick: bool = False) -> dict[str, Any]:
    if quick:
        rounds = min(rounds, QUICK_ROUNDS)
    texts = messages()
    analyzer()  # build once, outside the timing
    timings = _time(analyze, texts, rounds)
    stock = SentimentIntensityAnalyzer()
    stock_timings = _time(stock.polarity_scores, texts, rounds)
    p50 = round(statistics.median(timings), 2)
    base_p50 = round(statistics.median(stock_timings), 2)
    return {
        "name": "sentiment",
        "us_per_message_p50": p50,
        "us_per_message_mean": round(statistics.fmean(timings), 2),
        "messages": len(texts),
        "rounds": rounds,
        "baseline": "stock vaderSentiment SentimentIntensityAnalyzer().polarity_scores",
        "baseline_us_per_message_p50": base_p50,
        "baseline_us_per_message_mean": round(statistics.fmean(stock_timings), 2),
        "ratio_p50": round(p50 / base_p50, 3) if base_p50 else None,
        "rows": [
            {
                "metric": "sentiment µs/message p50",
                "unit": "µs",
                "ours": p50,
                "baseline": base_p50,
                "ratio": round(p50 / base_p50, 3) if base_p50 else None,
                "budget": "",
                "met": None,
            }
        ],
    }


if __name__ == "__main__":
    print(json.dumps(run(quick="--quick" in sys.argv), ensure_ascii=False))
