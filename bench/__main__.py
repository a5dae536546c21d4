"""Run the whole suite: `uv run python -m bench [--quick] [--only turn,storage] [--out FILE]`.

Runs every benchmark in this process (each one also runs the stock LangGraph baseline,
see `bench.stock`), prints a table (metric, ours, baseline, ratio, budget, met?) and
writes everything to bench/results/latest.json (git-ignored). Exit status 0 even when
a budget is missed: the table and the JSON say which, with the numbers.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.common import RESULTS_DIR, environment

BENCHES = (
    "sentiment",
    "turn",
    "fallback",
    "prompt",
    "storage",
    "concurrency",
    "startup",
    "service",
    "kb",
)


def _runner(name: str) -> Callable[[bool], dict[str, Any]]:
    if name == "sentiment":
        from bench import bench_sentiment

        return lambda quick: bench_sentiment.run(quick=quick)
    module = __import__(f"bench.bench_{name}", fromlist=["run"])
    return lambda quick: module.run(quick=quick)


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if abs(value) >= 1000:
            return f"{value:,.0f}"
        if abs(value) >= 100:
            return f"{value:.1f}"
        return f"{value:.3g}" if abs(value) < 1 else f"{value:.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def table(rows: list[dict[str, Any]]) -> str:
    header = ("metric", "ours", "baseline", "ratio", "budget", "met?")
    lines = []
    for r in rows:
        unit = f" ({r['unit']})" if r.get("unit") else ""
        met = r.get("met")
        lines.append(
            (
                r["metric"] + unit,
                _fmt(r.get("ours")),
                _fmt(r.get("baseline")),
                _fmt(r.get("ratio")),
                r.get("budget") or "",
                "" if met is None else ("MET" if met else "NOT MET"),
            )
        )
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(header)]
    out = [
        "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)),
        "  ".join("-" * w for w in widths),
    ]
    for line in lines:
        cells = [
            cell.ljust(w) if i in (0, 4, 5) else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(line, widths, strict=True))
        ]
        out.append("  ".join(cells).rstrip())
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller counts (a smoke run)")
    parser.add_argument("--only", help=f"comma-separated subset of {','.join(BENCHES)}")
    parser.add_argument("--out", type=Path, default=RESULTS_DIR / "latest.json")
    args = parser.parse_args(argv)
    names = BENCHES if not args.only else tuple(n.strip() for n in args.only.split(","))
    unknown = [n for n in names if n not in BENCHES]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")

    started = time.perf_counter()
    results: dict[str, Any] = {}
    rows: list[dict[str, Any]] = []
    for name in names:
        print(f"[bench] {name} ...", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        try:
            result = _runner(name)(args.quick)
        except Exception as exc:
            traceback.print_exc()
            result = {
                "name": name,
                "error": f"{type(exc).__name__}: {exc}",
                "rows": [
                    {
                        "metric": f"{name}: FAILED ({type(exc).__name__})",
                        "unit": "",
                        "ours": None,
                        "baseline": None,
                        "ratio": None,
                        "budget": "runs",
                        "met": False,
                    }
                ],
            }
        result["wall_seconds"] = round(time.perf_counter() - t0, 2)
        print(f"[bench] {name} done in {result['wall_seconds']} s", file=sys.stderr, flush=True)
        results[name] = result
        rows.extend(result.get("rows", []))

    missed = [r for r in rows if r.get("met") is False]
    report = {
        "quick": args.quick,
        "total_seconds": round(time.perf_counter() - started, 1),
        "loadavg_end": [round(x, 2) for x in os.getloadavg()],
        "environment": environment(),
        "table": rows,
        "budgets_missed": [
            f"{r['metric']}: ours {_fmt(r['ours'])} {r.get('unit', '')}, budget {r['budget']}"
            f" (baseline {_fmt(r['baseline'])})"
            for r in missed
        ],
        "all_budgets_met": not missed,
        "results": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    print(table(rows))
    print()
    if missed:
        print("Budgets not met:")
        for line in report["budgets_missed"]:
            print(f"  - {line}")
    else:
        print("Every budget is met.")
    print(f"\n{len(names)} benchmark(s) in {report['total_seconds']} s; JSON: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
