"""docker/haproxy/haproxy.cfg run by the real haproxy: its own error answers are JSON.

The compose file's config, with the addresses made local: the Docker DNS server template
becomes one replica on a port nothing listens on, so every request meets HAProxy's own
503. Debian's haproxy (2.6, the version compose pins) runs it; without it the test skips.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.system import free_port

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "docker" / "haproxy" / "haproxy.cfg"

pytestmark = pytest.mark.skipif(shutil.which("haproxy") is None, reason="haproxy not installed")


def local_config(api_port: int, health_port: int, dead_port: int) -> str:
    text = CONFIG.read_text(encoding="utf-8")
    for old, new in (
        ("bind :8000", f"bind 127.0.0.1:{api_port}"),
        ("bind :8404", f"bind 127.0.0.1:{health_port}"),
        (" resolvers docker init-addr none", ""),
        ("server-template api 10 api:8000", f"server api1 127.0.0.1:{dead_port}"),
    ):
        assert old in text, old
        text = text.replace(old, new)
    return text


@pytest.fixture(scope="module")
def balancer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    directory = tmp_path_factory.mktemp("haproxy")
    api_port, health_port = free_port(), free_port()
    config = directory / "haproxy.cfg"
    config.write_text(local_config(api_port, health_port, free_port()))
    log = directory / "haproxy.log"
    proc = subprocess.Popen(
        ["haproxy", "-db", "-f", str(config)],
        stdin=subprocess.DEVNULL,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        env={"PATH": os.environ.get("PATH", "/usr/sbin:/usr/bin")},
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            assert proc.poll() is None, log.read_text()
            try:
                httpx.get(f"http://127.0.0.1:{health_port}/healthz", timeout=1)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.1)
        yield f"http://127.0.0.1:{api_port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_no_replica_ready_is_a_json_503_with_retry_after(balancer: str) -> None:
    for method, path in (("POST", "/v1/sessions/x/messages"), ("GET", "/readyz")):
        response = httpx.request(method, f"{balancer}{path}", json={"text": "oi"}, timeout=30)
        assert response.status_code == 503, response.text
        assert response.headers["content-type"] == "application/json"
        assert response.headers["retry-after"].isdigit()
        assert "retry" in response.json()["error"]


def test_metrics_are_not_served_through_the_load_balancer(balancer: str) -> None:
    response = httpx.get(f"{balancer}/metrics", timeout=30)
    assert response.status_code == 404
    assert "scraped from each replica" in response.json()["error"]
