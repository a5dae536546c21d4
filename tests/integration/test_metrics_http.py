"""The metrics HTTP server on a real loopback port: what it serves and where it binds.

The registry's names, labels and buckets are checked in tests/unit/test_metrics.py.
"""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator

import pytest
from prometheus_client.parser import text_string_to_metric_families

from homer_agent import metrics
from tests.support.system import free_port


@pytest.fixture(autouse=True)
def _build_info() -> None:
    metrics.set_build_info("offline", "0.0.0-test")


@pytest.fixture
def served_port() -> Iterator[int]:
    port = metrics.start_metrics_server(free_port())
    assert port is not None
    try:
        yield port
    finally:
        metrics.stop_metrics_servers()


def test_serves_metrics_over_http(served_port: int) -> None:
    metrics.observe_turn("agent", "ok", 0.25)
    url = f"http://127.0.0.1:{served_port}/metrics"
    with urllib.request.urlopen(url, timeout=5) as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("text/plain")
        body = response.read().decode()
    families = {family.name for family in text_string_to_metric_families(body)}
    # The text parser names counter families without their ``_total`` suffix.
    assert {
        "homer_turns",
        "homer_turn_duration_seconds",
        "homer_model_call_duration_seconds",
        "homer_model_tokens",
        "homer_tool_calls",
        "homer_errors",
        "homer_handoffs",
        "homer_sentiment_compound",
        "homer_build_info",
    } <= families
    assert 'homer_turns_total{outcome="ok",route="agent"}' in body
    assert "homer_build_info{" in body
    # Only this registry: nothing from prometheus-client's default process collectors.
    assert "process_cpu_seconds_total" not in body
    assert "python_gc_objects_collected_total" not in body


def test_server_from_env_binds_loopback_by_default() -> None:
    port = metrics.start_metrics_server_from_env({"HOMER_METRICS_PORT": str(free_port())})
    try:
        assert port is not None
        assert [server.server_address[0] for server, _ in metrics._servers] == ["127.0.0.1"]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
            assert response.status == 200
    finally:
        metrics.stop_metrics_servers()
