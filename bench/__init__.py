"""Micro-benchmarks: each bench/bench_*.py prints one JSON object and exposes run()."""
