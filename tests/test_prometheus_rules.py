"""Prometheus config and alert rules: promtool checks and unit tests, plus their conventions.

promtool comes from Debian's `prometheus` package (CI installs it); without it the promtool
tests skip and say so.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests import monitoring_exprs

ROOT = Path(__file__).resolve().parents[1]
PROMETHEUS_DIR = ROOT / "docker" / "prometheus"
CONFIG = PROMETHEUS_DIR / "prometheus.yml"
ALERTS = PROMETHEUS_DIR / "alerts.yml"
ALERTS_TEST = PROMETHEUS_DIR / "alerts_test.yml"

EXPECTED_ALERTS = {
    "PostgresDown",
    "PostgresExporterDown",
    "PostgresTooManyConnections",
    "AgentErrorRateHigh",
    "AgentTurnLatencyHigh",
    "AgentDatabaseErrors",
    "AgentHandoffSpike",
    "AgentFallbackShareHigh",
}

needs_promtool = pytest.mark.skipif(
    shutil.which("promtool") is None,
    reason="promtool not installed (Debian package 'prometheus'): rule checks skipped",
)


def promtool(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["promtool", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def alert_rules() -> list[dict[str, Any]]:
    groups = yaml.safe_load(ALERTS.read_text(encoding="utf-8"))["groups"]
    return [rule for group in groups for rule in group["rules"] if "alert" in rule]


@needs_promtool
def test_promtool_check_config(tmp_path: Path) -> None:
    # From a copy, so the relative rule_files path is checked as Prometheus resolves it.
    for source in (CONFIG, ALERTS):
        shutil.copy(source, tmp_path / source.name)
    result = promtool("check", "config", str(tmp_path / CONFIG.name))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout


@needs_promtool
def test_promtool_check_rules() -> None:
    result = promtool("check", "rules", str(ALERTS))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"SUCCESS: {len(EXPECTED_ALERTS)} rules found" in result.stdout


@needs_promtool
def test_promtool_test_rules() -> None:
    result = promtool("test", "rules", str(ALERTS_TEST))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout


@needs_promtool
def test_promtool_unit_tests_can_fail(tmp_path: Path) -> None:
    """A wrong expectation makes `promtool test rules` fail: the tests are not vacuous."""
    shutil.copy(ALERTS, tmp_path / ALERTS.name)
    tests = yaml.safe_load(ALERTS_TEST.read_text(encoding="utf-8"))
    for case in tests["tests"]:
        for check in case["alert_rule_test"]:
            if check.get("exp_alerts"):
                check["exp_alerts"] = []
    broken = tmp_path / "alerts_test.yml"
    broken.write_text(yaml.safe_dump(tests), encoding="utf-8")
    result = promtool("test", "rules", str(broken))
    assert result.returncode != 0


def test_the_expected_alerts_exist() -> None:
    assert {rule["alert"] for rule in alert_rules()} == EXPECTED_ALERTS


def test_alert_conventions() -> None:
    for rule in alert_rules():
        name = rule["alert"]
        assert re.fullmatch(r"\d+[smh]", str(rule.get("for", ""))), f"{name}: needs a for:"
        assert rule["labels"]["severity"] in {"critical", "warning", "info"}, name
        assert rule["annotations"]["summary"].strip(), name
        assert rule["annotations"]["description"].strip(), name


def test_required_expressions() -> None:
    exprs = {rule["alert"]: " ".join(str(rule["expr"]).split()) for rule in alert_rules()}
    assert exprs["PostgresDown"] == "pg_up == 0"
    assert exprs["PostgresExporterDown"] == 'up{job="postgres-exporter"} == 0'
    assert 'homer_turns_total{outcome="error"}[5m]' in exprs["AgentErrorRateHigh"]
    assert exprs["AgentErrorRateHigh"].endswith("> 0.05")
    assert "histogram_quantile(0.95" in exprs["AgentTurnLatencyHigh"]
    assert "homer_turn_duration_seconds_bucket[5m]" in exprs["AgentTurnLatencyHigh"]


def test_every_alert_is_unit_tested_firing_and_quiet() -> None:
    tests = yaml.safe_load(ALERTS_TEST.read_text(encoding="utf-8"))
    assert tests["rule_files"] == [ALERTS.name]
    fires: set[str] = set()
    quiet: set[str] = set()
    for case in tests["tests"]:
        for check in case["alert_rule_test"]:
            (fires if check.get("exp_alerts") else quiet).add(check["alertname"])
    assert fires == EXPECTED_ALERTS, f"never shown firing: {EXPECTED_ALERTS - fires}"
    assert quiet == EXPECTED_ALERTS, f"never shown quiet: {EXPECTED_ALERTS - quiet}"


def test_alert_exprs_helper_matches_the_rules() -> None:
    assert len(monitoring_exprs.alert_exprs()) == len(EXPECTED_ALERTS)


def test_scrape_jobs() -> None:
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    jobs = {job["job_name"]: job for job in config["scrape_configs"]}
    assert set(jobs) == {"prometheus", "postgres-exporter", "homer-agent", "homer-api"}
    agent_targets = {
        target for static in jobs["homer-agent"]["static_configs"] for target in static["targets"]
    }
    assert agent_targets == {"agent:9464", "host.docker.internal:9464"}
