"""Smoke test of the benchmark suite (bench/): every run() in quick mode, JSON shape only.

Never asserts a timing: the numbers depend on the machine. It checks that each
benchmark runs against a real PostgreSQL (the test server, through
BENCH_DATABASE_URL), returns JSON-ready data with finite numbers, the keys the suite's
table and the lead engineer read, and one table row per budget.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from bench import __main__ as suite
from bench.common import finite_numbers

ROW_KEYS = {"metric", "unit", "ours", "baseline", "ratio", "budget", "met"}


@pytest.fixture
def bench_db(server_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("BENCH_DATABASE_URL", server_url)
    return server_url


def _check_shape(result: dict[str, Any], name: str) -> None:
    json.dumps(result)  # JSON-ready
    assert result["name"] == name
    assert finite_numbers(result), "a NaN or infinite number in the result"
    rows = result["rows"]
    assert rows, "no table rows"
    for row in rows:
        assert set(row) == ROW_KEYS
        assert isinstance(row["metric"], str) and row["metric"]
        assert row["met"] in (True, False, None)
        if row["budget"]:
            assert isinstance(row["met"], bool), f"{row['metric']}: a budget needs met"


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _dist(value: Any) -> None:
    assert set(value) >= {"p50", "p95", "mean"}
    assert all(_number(value[k]) for k in ("p50", "p95", "mean"))


@pytest.mark.timeout(300)
def test_bench_turn_quick(bench_db: str) -> None:
    from bench import bench_turn

    result = bench_turn.run(quick=True)
    _check_shape(result, "turn")
    for side in ("ours", "baseline"):
        assert result[side]["turns"] == bench_turn.QUICK_TURNS
        for key in ("non_model_ms", "wall_ms", "model_ms", "non_model_client_cpu_ms"):
            _dist(result[side][key])
        assert result[side]["errors"] == 0
        trips = result["round_trips"][side]
        assert len(trips["per_turn"]) == bench_turn.QUICK_TURNS
        assert all(isinstance(n, int) and n > 0 for n in trips["per_turn"])
    assert isinstance(result["budget"]["met"], bool)


@pytest.mark.timeout(300)
def test_bench_fallback_quick(bench_db: str) -> None:
    from bench import bench_fallback

    result = bench_fallback.run(quick=True, turns=10)
    _check_shape(result, "fallback")
    assert result["turns_per_side"] == 10
    for key in (
        "plain_ms",
        "fallback_ms",
        "added_ms_paired",
        "added_client_cpu_ms_paired",
        "wrapper_overhead_us",
    ):
        _dist(result[key])
    # Every fallback turn skipped the dead provider and said what the plain one said.
    assert result["fallback_reasons"] == {"circuit_open": 10}
    assert (result["replies_mismatched"], result["errors"]) == (0, 0)
    assert isinstance(result["budget"]["met"], bool)


@pytest.mark.timeout(300)
def test_bench_storage_quick(bench_db: str) -> None:
    from bench import bench_storage

    result = bench_storage.run(quick=True)
    _check_shape(result, "storage")
    for side in ("ours", "baseline"):
        data = result[side]
        for key in ("rows_written_per_turn", "rows_kept_per_turn", "bytes_kept", "growth_exponent"):
            assert _number(data[key]), key
        assert set(data["kept"]) == {*bench_storage.STORED, "total"}
        assert set(data["growth"]) == {"10", "20", "40"}
        assert data["history"]["all_human_messages_in_order"] is True
        per_1000 = data["many"]["per_1000"]
        assert per_1000["extrapolated_from"] == bench_storage.QUICK_CONVERSATIONS
        assert per_1000["extrapolated"] is True
        assert all(_number(per_1000[k]) for k in ("rows_kept", "bytes_kept_rows"))


@pytest.mark.timeout(300)
def test_bench_prompt_quick(bench_db: str) -> None:
    from bench import bench_prompt

    result = bench_prompt.run(quick=True)
    _check_shape(result, "prompt")
    assert isinstance(result["tokenizer"], str) and isinstance(result["tokenizer_exact"], bool)
    for side in ("ours", "baseline"):
        for turn in bench_prompt.TURNS:
            first = result[side][f"turn_{turn}"]["first_call"]
            assert first["total"] == first["messages"] + first["tools"] > 0
        assert _number(result[side]["growth_40_over_5"])


@pytest.mark.timeout(300)
def test_bench_concurrency_quick(bench_db: str) -> None:
    from bench import bench_concurrency

    result = bench_concurrency.run(quick=True)
    _check_shape(result, "concurrency")
    for side in ("ours", "baseline"):
        data = result[side]
        assert data["turns_done"] == bench_concurrency.QUICK_SESSIONS * (
            bench_concurrency.QUICK_TURNS
        )
        assert _number(data["turns_per_s"])
        _dist(data["turn_wall_ms"])
        assert data["errors"] == 0, data["error_samples"]
        assert data["leaks"] == 0, data["leak_samples"]


@pytest.mark.timeout(300)
def test_bench_service_quick(bench_db: str) -> None:
    from bench import bench_service

    result = bench_service.run(quick=True)
    _check_shape(result, "service")
    for scenario, replicas in (("one_replica", 1), ("two_replicas", 2)):
        data = result[scenario]
        assert data["replicas"] == replicas
        assert data["turns_done"] == bench_service.QUICK_SESSIONS * bench_service.QUICK_TURNS
        assert data["errors"] == 0, data["error_samples"]
        assert _number(data["turns_per_s"])
        _dist(data["latency_ms"])
    for where in ("in_process", "over_http"):
        for side in ("before_model_ms", "after_model_ms"):
            _dist(result["latency"][where][side])
            assert result["latency"][where][side]["min"] >= 0  # one clock for both processes
    # Counted, not timed: a service turn is a plain turn (2) plus the reply's notes read;
    # with a message id its BEGIN and receipt ride in the lock's pipeline and its COMMIT in
    # the last one, so it takes no more (exact counts:
    # tests/integration/test_service_round_trips.py).
    trips = result["round_trips"]
    assert len(trips["message_id"]) == len(trips["no_message_id"]) == bench_service.ROUND_TRIP_TURNS
    assert min(trips["no_message_id"]) >= 3
    assert 2 <= min(trips["message_id"]) <= min(trips["no_message_id"])


@pytest.mark.timeout(300)
def test_bench_startup_quick() -> None:
    from bench import bench_startup

    result = bench_startup.run(quick=True)
    _check_shape(result, "startup")
    for side in ("ours", "baseline"):
        for case in ("cold_server", "warm_server"):
            series = result[side][case]
            assert series["runs"] == 1
            assert series["exit_codes"] == [0]
            _dist(series["to_prompt_s"])
    assert set(result["commands"]) == set(bench_startup.COMMANDS)
    for command in result["commands"].values():
        assert command["runs"] == 1
        _dist(command["wall_s"])
        _dist(command["cpu_s"])


def test_bench_sentiment_quick() -> None:
    from bench import bench_sentiment

    result = bench_sentiment.run(quick=True)
    _check_shape(result, "sentiment")
    assert {"us_per_message_p50", "us_per_message_mean", "messages"} <= set(result)
    assert _number(result["baseline_us_per_message_p50"])


def test_suite_writes_json_and_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "latest.json"
    assert suite.main(["--quick", "--only", "sentiment", "--out", str(out)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["quick"] is True
    assert set(report["results"]) == {"sentiment"}
    assert report["table"] and all(set(r) == ROW_KEYS for r in report["table"])
    assert isinstance(report["all_budgets_met"], bool)
    assert isinstance(report["budgets_missed"], list)
    printed = capsys.readouterr().out
    assert "metric" in printed and "baseline" in printed and "sentiment" in printed


@pytest.mark.timeout(300)
def test_bench_kb_quick(bench_db: str) -> None:
    from bench import bench_kb

    result = bench_kb.run(quick=True)
    _check_shape(result, "kb")
    assert result["chunks"] == bench_kb.DOCUMENTS * bench_kb.SECTIONS == 1000
    assert result["reindex_changes"] == 0
    _dist(result["search_ms"])
    _dist(result["lookup_ms"])
