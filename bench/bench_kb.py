"""Benchmark: the knowledge base with 1,000 chunks on the embedded PostgreSQL.

Writes 40 documents of 25 sections each (1,000 chunks), built from the sections of
tests/data/kb (the example development's documents) with their numbers and a marker word
varied so that no two are alike, indexes them, then times, for every question of
tests/data/kb_questions.json:

- `search` (what `homer-agent kb search` runs: full-text query, ranking, absent-word
  check), and
- `lookup` (what the `search_development` tool runs: search, the answering policy and
  the choice of sentences),

each over several rounds, and prints one JSON object with p50/p95 in milliseconds, the
time to index the 1,000 chunks and to re-index them unchanged. Budget: `kb search` p50
≤ 5 ms. There is no baseline: the stock answer (the profile in the prompt) searches
nothing.

Run as `uv run python -m bench.bench_kb`, or call `run()`.
"""

from __future__ import annotations

import json
import re
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import fresh_database, main, open_our_pool, row, summary

ROOT = Path(__file__).resolve().parents[1]
KB = ROOT / "tests" / "data" / "kb"
QUESTIONS = ROOT / "tests" / "data" / "kb_questions.json"
DOCUMENTS = 40
SECTIONS = 25
ROUNDS = 10
QUICK_ROUNDS = 2
BUDGET_P50_MS = 5.0


def _sections() -> list[tuple[str, str]]:
    """(heading, body) of every section of the example documents."""
    from homer_agent.kb.chunking import chunk_document

    found = []
    for path in sorted(KB.glob("0*.md")):
        for chunk in chunk_document(path.read_text(encoding="utf-8"), path).chunks:
            found.append((chunk.heading_path.split(" > ")[-1], chunk.body))
    return found


def write_corpus(folder: Path, documents: int = DOCUMENTS, sections: int = SECTIONS) -> int:
    """Write `documents` × `sections` one-chunk sections; return how many."""
    base = _sections()
    count = 0
    for d in range(documents):
        parts = [f"# Documento {d + 1}\n"]
        for s in range(sections):
            heading, body = base[(d * sections + s) % len(base)]
            shift = d + s
            varied = re.sub(r"\d+", lambda m, shift=shift: str(int(m.group()) + shift), body)
            parts.append(f"## {heading} {d + 1}.{s + 1}\n\n{varied} Código bloco{d}x{s}.\n")
            count += 1
        (folder / f"doc-{d + 1:03d}.md").write_text("\n".join(parts), encoding="utf-8")
    return count


def _timed(fn: Any, questions: list[str], rounds: int) -> list[float]:
    for question in questions:  # warm-up: plans and caches
        fn(question)
    timings = []
    for _ in range(rounds):
        for question in questions:
            start = time.perf_counter()
            fn(question)
            timings.append((time.perf_counter() - start) * 1000)
    return timings


def run(rounds: int = ROUNDS, *, quick: bool = False) -> dict[str, Any]:
    from homer_agent.kb import index_folder, lookup, search

    if quick:
        rounds = min(rounds, QUICK_ROUNDS)
    questions = [q["q"] for q in json.loads(QUESTIONS.read_text(encoding="utf-8"))]
    topics = ("preços das casas", "tabelas de pagamento")
    with tempfile.TemporaryDirectory(prefix="homer-bench-kb-") as tmp, fresh_database("kb") as url:
        folder = Path(tmp)
        written = write_corpus(folder)
        pool = open_our_pool(url, 2)
        try:
            with pool.connection() as conn:
                start = time.perf_counter()
                report = index_folder(conn, folder)
                index_s = time.perf_counter() - start
                start = time.perf_counter()
                again = index_folder(conn, folder)
                reindex_ms = (time.perf_counter() - start) * 1000
                chunks = conn.execute("SELECT count(*) AS n FROM kb_chunks").fetchone()
                found = _timed(lambda q: search(conn, q, k=5), questions, rounds)
                looked = _timed(lambda q: lookup(conn, q, broker_topics=topics), questions, rounds)
        finally:
            pool.close()
    n_chunks = int(chunks["n"]) if chunks else 0
    search_ms = summary(found, 3)
    lookup_ms = summary(looked, 3)
    met = search_ms["p50"] <= BUDGET_P50_MS
    return {
        "name": "kb",
        "chunks": n_chunks,
        "chunks_written": written,
        "documents": len(report.changes),
        "questions": len(questions),
        "rounds": rounds,
        "index_seconds": round(index_s, 3),
        "reindex_unchanged_ms": round(reindex_ms, 2),
        "reindex_changes": len(again.changes),
        "search_ms": search_ms,
        "lookup_ms": lookup_ms,
        "rows": [
            row(
                f"kb search p50 / p95, {n_chunks:,} chunks",
                f"{search_ms['p50']:.2f} / {search_ms['p95']:.2f}",
                unit="ms",
                budget=f"p50 ≤ {BUDGET_P50_MS:g} ms",
                met=met,
            ),
            row(
                "search_development lookup p50 / p95",
                f"{lookup_ms['p50']:.2f} / {lookup_ms['p95']:.2f}",
                unit="ms",
            ),
            row(
                f"kb index, {n_chunks:,} chunks / unchanged",
                f"{index_s:.2f} s / {reindex_ms:.0f} ms",
            ),
        ],
    }


if __name__ == "__main__":
    main(run)
