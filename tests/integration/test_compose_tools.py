"""docker-compose.yaml and its configs through the real tools, where this machine has them:
the Debian binaries' versions, promtool on every expression, Docker Compose's own
validation, haproxy's config check. Each skips, saying so, when its tool is absent.

The file-level checks (schema, pins, secrets, mounts) are in tests/unit/test_compose.py.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.support import monitoring_exprs
from tests.unit.test_compose import COMPOSE_FILE, ROOT, _env, services


@pytest.mark.skipif(shutil.which("promtool") is None, reason="promtool is not installed")
def test_every_promql_expression_parses(tmp_path: Path) -> None:
    """promtool parses each dashboard and alert expression as a recording rule."""
    exprs = monitoring_exprs.dashboard_promql() + monitoring_exprs.alert_exprs()
    rules = {
        "groups": [
            {
                "name": "parse-check",
                "rules": [
                    {"record": f"homer:parse_check_{i}", "expr": expr}
                    for i, expr in enumerate(exprs)
                ],
            }
        ]
    }
    path = tmp_path / "exprs.yml"
    path.write_text(yaml.safe_dump(rules), encoding="utf-8")
    result = subprocess.run(
        ["promtool", "check", "rules", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"SUCCESS: {len(exprs)} rules found" in result.stdout


def _compose_command() -> list[str] | None:
    """`docker compose` (v2 plugin) or a v2 `docker-compose` binary, if this machine has one."""
    candidates = [["docker", "compose"], ["docker-compose"]]
    for command in candidates:
        if shutil.which(command[0]) is None:
            continue
        probe = subprocess.run(
            [*command, "version"], capture_output=True, text=True, timeout=30, check=False
        )
        if probe.returncode == 0 and re.search(r"v?2\.\d+", probe.stdout):
            return command
    return None


def test_docker_compose_accepts_the_file(tmp_path: Path) -> None:
    """Compose itself (no engine needed) parses, interpolates and validates the file."""
    found = _compose_command()
    if found is None:
        pytest.skip("no Docker Compose v2 on this machine (`docker compose` / `docker-compose`)")
    empty_env_file = tmp_path / "empty.env"
    empty_env_file.write_text("", encoding="utf-8")
    # An empty --env-file: a developer's .env must not change the outcome.
    command = [*found, "--env-file", str(empty_env_file)]
    env = {"PATH": os.environ.get("PATH", ""), "HOME": os.environ.get("HOME", "/tmp"), **_env()}
    result = subprocess.run(
        [*command, "-f", str(COMPOSE_FILE), "--profile", "agent", "config", "--quiet"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    missing = subprocess.run(
        [*command, "-f", str(COMPOSE_FILE), "config", "--quiet"],
        cwd=ROOT,
        env={key: value for key, value in env.items() if key != "GRAFANA_ADMIN_PASSWORD"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert missing.returncode != 0
    assert "GRAFANA_ADMIN_PASSWORD" in missing.stderr


@pytest.mark.skipif(shutil.which("haproxy") is None, reason="haproxy is not installed")
def test_haproxy_config_is_valid() -> None:
    result = subprocess.run(
        ["haproxy", "-c", "-f", str(ROOT / "docker/haproxy/haproxy.cfg")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_compose_pins_the_versions_the_tests_run() -> None:
    """The Debian packages the tests run (`.ci/run`) are the versions compose runs."""
    images = {name: service["image"] for name, service in services().items()}
    assert images["prometheus"] == "prom/prometheus:v2.42.0"
    assert images["postgres-exporter"] == "quay.io/prometheuscommunity/postgres-exporter:v0.11.1"
    assert images["alertmanager"] == "prom/alertmanager:v0.25.0"
    assert images["postgres"].endswith("-pg18-bookworm")
    assert images["lb"] == "haproxy:2.6.12"
    if shutil.which("haproxy") is not None:
        done = subprocess.run(["haproxy", "-v"], capture_output=True, text=True, check=False)
        assert "version 2.6.12" in done.stdout, done.stdout
    for binary, version in (
        ("prometheus", "2.42.0"),
        ("prometheus-postgres-exporter", "0.11.1"),
        ("prometheus-alertmanager", "0.25.0"),
    ):
        if shutil.which(binary) is None:
            continue
        done = subprocess.run(
            [binary, "--version"], capture_output=True, text=True, timeout=30, check=False
        )
        assert f"version {version}" in done.stdout + done.stderr, (binary, done.stdout)
