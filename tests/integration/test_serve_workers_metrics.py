"""`serve --workers 2` under a real Prometheus: every scrape counts every worker's turns.

Each uvicorn worker is its own process. Without prometheus_client's multiprocess mode a
scrape reached one worker and showed its turns only (41, 17, 41, 17…), and Prometheus
kept whichever it saw. Here Prometheus (Debian's binary, as in compose) scrapes the port
every second while turns run on both workers; every sample it stored after the turns
must equal the turns made, and `homer_processes` must count the two workers.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.reliability_support import EXE, cli_env
from tests.support.system import free_port, wait_until

pytestmark = pytest.mark.skipif(
    shutil.which("prometheus") is None, reason="the prometheus binary is not installed"
)

TURNS = 24


@pytest.fixture
def replica(db_url: str, tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    port = free_port()
    log = (tmp_path / "serve.log").open("wb")
    proc = subprocess.Popen(
        [str(EXE), "serve", "--port", str(port), "--workers", "2"],
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        env=cli_env({"DATABASE_URL": db_url}),
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until("serve", lambda: httpx.get(f"{url}/readyz", timeout=2).status_code == 200)
        yield url, proc
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        log.close()


@pytest.fixture
def prometheus(replica: tuple[str, subprocess.Popen[bytes]], tmp_path: Path) -> Iterator[str]:
    target = replica[0].removeprefix("http://")
    port = free_port()
    config = tmp_path / "prometheus.yml"
    config.write_text(
        json.dumps(  # YAML is a superset of JSON
            {
                "global": {"scrape_interval": "1s", "scrape_timeout": "900ms"},
                "scrape_configs": [
                    {"job_name": "homer-api", "static_configs": [{"targets": [target]}]}
                ],
            }
        )
    )
    log = (tmp_path / "prometheus.log").open("wb")
    proc = subprocess.Popen(
        [
            "prometheus",
            f"--config.file={config}",
            f"--storage.tsdb.path={tmp_path / 'data'}",
            f"--web.listen-address=127.0.0.1:{port}",
            "--log.level=warn",
        ],
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until("prometheus", lambda: httpx.get(f"{url}/-/ready", timeout=2).status_code == 200)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def _api(prometheus: str, path: str, **params: Any) -> Any:
    query = urllib.parse.urlencode(params)
    with urllib.request.urlopen(f"{prometheus}/api/v1/{path}?{query}", timeout=10) as reply:
        body = json.load(reply)
    assert body["status"] == "success", body
    return body["data"]["result"]


def _scalar(prometheus: str, expr: str) -> float | None:
    result = _api(prometheus, "query", query=expr)
    return float(result[0]["value"][1]) if result else None


def test_every_scrape_counts_the_turns_of_all_workers(
    replica: tuple[str, subprocess.Popen[bytes]], prometheus: str
) -> None:
    url, _ = replica

    def send(_: int) -> int:
        # A connection per message, concurrently: the two workers share the listening
        # socket, so both take turns.
        response = httpx.post(
            f"{url}/v1/sessions/w{uuid.uuid4().hex[:12]}/messages",
            json={"text": "Oi, sou a Clara"},
            timeout=60,
        )
        return response.status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert set(pool.map(send, range(TURNS))) == {200}
    done = time.time()

    # Scraped directly, on one kept-alive connection, as Prometheus does: always all turns.
    with httpx.Client(timeout=10) as client:
        for _ in range(6):
            text = client.get(f"{url}/metrics").text
            total = sum(
                float(line.rsplit(" ", 1)[1])
                for line in text.splitlines()
                if line.startswith("homer_turns_total{")
            )
            assert total == TURNS, text
            assert "homer_build_info{" in text

    # Prometheus, after several scrapes since the turns ended: every stored sample agrees.
    wait_until(
        "scrapes after the turns",
        lambda: (
            (_scalar(prometheus, "count_over_time(up[15s])") or 0) >= 6 and time.time() - done > 6
        ),
    )
    series = _api(
        prometheus,
        "query_range",
        query="sum(homer_turns_total)",
        start=f"{done + 1:.3f}",
        end=f"{time.time():.3f}",
        step="1",
    )
    values = {float(v) for _, v in series[0]["values"]}
    assert values == {TURNS}, values
    assert _scalar(prometheus, "sum(homer_processes)") == 2
    assert _scalar(prometheus, "resets(sum(homer_turns_total)[30s:1s])") == 0


LIVE_WORKER = """
import os, sys, time
os.environ["PROMETHEUS_MULTIPROC_DIR"] = sys.argv[1]
from homer_agent import metrics
metrics.set_build_info("offline")
metrics.observe_turn("agent", "ok", 0.1)
print("ready", flush=True)
if sys.argv[2] == "stay":
    time.sleep(600)
"""


def test_a_dead_workers_process_gauge_is_dropped_and_its_turns_kept(tmp_path: Path) -> None:
    """A killed worker's turns still count (counters never go back); it no longer counts
    as a running process (its live gauge files are removed at the next scrape)."""
    from homer_agent import metrics

    directory = tmp_path / "multiproc"
    directory.mkdir()
    argv = [sys.executable, "-c", LIVE_WORKER, str(directory)]
    subprocess.run([*argv, "exit"], check=True, timeout=120, capture_output=True)
    alive = subprocess.Popen([*argv, "stay"], stdout=subprocess.PIPE)
    try:
        assert alive.stdout is not None and alive.stdout.readline() == b"ready\n"
        text = metrics.multiprocess_exposition(str(directory)).decode()
    finally:
        alive.kill()
        alive.wait(timeout=10)
    samples = {
        line.rsplit(" ", 1)[0]: float(line.rsplit(" ", 1)[1])
        for line in text.splitlines()
        if line and not line.startswith("#")
    }
    assert samples["homer_processes"] == 1
    assert samples['homer_turns_total{outcome="ok",route="agent"}'] == 2
