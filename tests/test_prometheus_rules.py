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
RENDER = PROMETHEUS_DIR / "render-rules.sh"
DEFAULT_DOCS_URL = "https://github.com/homer-agent/homer-agent/blob/main/docs"

EXPECTED_ALERTS = {
    "PostgresDown",
    "PostgresExporterDown",
    "PostgresExporterScrapeErrors",
    "PostgresTooManyConnections",
    "PostgresDeadlocks",
    "PostgresRollbackRatioHigh",
    "PostgresLongTransaction",
    "PostgresIdleInTransaction",
    "PostgresDeadTuplesHigh",
    "PostgresTableGrowingFast",
    "AgentErrorRateHigh",
    "AgentTurnLatencyHigh",
    "AgentDatabaseErrors",
    "AgentHttpServerErrorsHigh",
    "AgentCalendarConflicts",
    "AgentHandoffSpike",
    "AgentModelCallLatencyHigh",
    "AgentModelErrorRateHigh",
    "AlertmanagerDown",
    "AlertmanagerNotificationsFailing",
    "PrometheusNotificationsFailing",
    "PrometheusRuleEvaluationFailures",
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
    # (Checks the alerting block too: Alertmanager targets and API version.)
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
    assert "> 0.05 and sum(increase(homer_turns_total[5m])) >= 20" in exprs["AgentErrorRateHigh"]
    assert "histogram_quantile(0.95" in exprs["AgentTurnLatencyHigh"]
    assert "homer_turn_duration_seconds_bucket[5m]" in exprs["AgentTurnLatencyHigh"]


# Ratios of something to its own traffic fire only with enough traffic behind them. The
# connections ratio is of a fixed capacity, not of traffic.
NOT_TRAFFIC_RATIOS = {"PostgresTooManyConnections"}


def test_ratio_alerts_have_a_minimum_traffic_guard() -> None:
    for rule in alert_rules():
        expr = str(rule["expr"])
        if " / " not in expr or rule["alert"] in NOT_TRAFFIC_RATIOS:
            continue
        guard = re.search(r"^\s*and\b.*?(>=|>)\s*(\d+)\s*$", expr, flags=re.M | re.S)
        assert guard, f"{rule['alert']}: a ratio needs an 'and <count> >= N' guard"
        assert float(guard.group(2)) >= 10, rule["alert"]


def test_no_alert_goes_critical_on_a_single_event() -> None:
    """Critical means someone is paged: only for states that last (down for a while)."""
    for rule in alert_rules():
        if rule["labels"]["severity"] != "critical":
            continue
        assert "increase(" not in str(rule["expr"]), rule["alert"]
    database = next(r for r in alert_rules() if r["alert"] == "AgentDatabaseErrors")
    assert database["labels"]["severity"] != "critical"
    assert re.search(r">=\s*3$", str(database["expr"]).strip())


def test_every_alert_links_its_runbook_section_and_its_panel() -> None:
    # The runbooks' page: docs/runbooks.md, or the README's section until it moves there.
    runbooks = ROOT / "docs" / "runbooks.md"
    readme = (runbooks if runbooks.is_file() else ROOT / "README.md").read_text(encoding="utf-8")
    headings = {
        re.sub(r"[^a-z0-9 -]", "", line.lstrip("#").strip().lower()).replace(" ", "-")
        for line in readme.splitlines()
        if line.startswith("#")
    }
    dashboards = {
        d["uid"]: {p["id"]: p for p in monitoring_exprs.panels(d)}
        for d in monitoring_exprs.dashboards().values()
    }
    for rule in alert_rules():
        name, notes = rule["alert"], rule["annotations"]
        runbook = notes.get("runbook_url", "")
        # Absolute (it opens from Slack or e-mail), built from one base: HOMER_DOCS_URL.
        assert runbook == f"{DEFAULT_DOCS_URL}/runbooks.md#{name.lower()}", name
        assert name.lower() in headings, f"README has no runbook section '### {name}'"
        section = readme.split(f"### {name}\n", 1)[1].split("\n### ", 1)[0]
        for part in ("What it means", "What to check", "What to do"):
            assert f"**{part}**" in section, f"runbook {name} lacks '{part}'"
        match = re.fullmatch(
            r"http://127\.0\.0\.1:3000/d/(homer-[a-z]+)\?viewPanel=(\d+)",
            notes.get("panel_url", ""),
        )
        assert match, f"{name}: panel_url {notes.get('panel_url')!r}"
        panel = dashboards[match.group(1)].get(int(match.group(2)))
        assert panel is not None, f"{name}: no panel {match.group(2)} in {match.group(1)}"
        if panel["type"] == "alertlist":
            continue
        # The panel shows what the alert watches: they share a metric.
        panel_metrics = {
            m
            for target in panel.get("targets", [])
            for m in re.findall(r"\b((?:homer|pg|up)[a-z_]*)\b", str(target.get("expr", "")))
        }
        alert_metrics = set(re.findall(r"\b((?:homer|pg|up)[a-z_]*)\b", str(rule["expr"])))
        assert panel_metrics & alert_metrics, f"{name} -> {panel['title']}: no shared metric"


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
    assert set(jobs) == {
        "prometheus",
        "alertmanager",
        "postgres-exporter",
        "homer-agent",
        "homer-api",
    }
    agent_targets = {
        target for static in jobs["homer-agent"]["static_configs"] for target in static["targets"]
    }
    assert agent_targets == {"agent:9464", "host.docker.internal:9464"}


def render_rules(tmp_path: Path, docs_url: str | None) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": "/usr/bin:/bin",
        "PROMETHEUS_SOURCE_DIR": str(PROMETHEUS_DIR),
        "PROMETHEUS_CONFIG_DIR": str(tmp_path),
    }
    if docs_url is not None:
        env["HOMER_DOCS_URL"] = docs_url
    return subprocess.run(
        ["sh", str(RENDER)], env=env, capture_output=True, text=True, timeout=30, check=False
    )


def test_runbook_links_follow_one_docs_setting(tmp_path: Path) -> None:
    """compose's Prometheus reads rules rendered by render-rules.sh from HOMER_DOCS_URL."""
    assert f'DEFAULT_DOCS_URL="{DEFAULT_DOCS_URL}"' in RENDER.read_text(encoding="utf-8")
    done = render_rules(tmp_path, "https://docs.example.com/homer/")
    assert done.returncode == 0, done.stderr
    rendered = yaml.safe_load((tmp_path / "alerts.yml").read_text(encoding="utf-8"))
    rules = [r for g in rendered["groups"] for r in g["rules"] if "alert" in r]
    assert len(rules) == len(EXPECTED_ALERTS)
    for rule in rules:
        assert rule["annotations"]["runbook_url"] == (
            f"https://docs.example.com/homer/runbooks.md#{rule['alert'].lower()}"
        )
    # Nothing but the links changed.
    original = ALERTS.read_text(encoding="utf-8")
    assert (tmp_path / "alerts.yml").read_text(encoding="utf-8") == original.replace(
        f"{DEFAULT_DOCS_URL}/", "https://docs.example.com/homer/"
    )
    assert (tmp_path / "prometheus.yml").read_text() == CONFIG.read_text()
    if shutil.which("promtool"):
        checked = promtool("check", "config", str(tmp_path / "prometheus.yml"))
        assert checked.returncode == 0, checked.stdout + checked.stderr
    # Unset or empty: the repository's docs, as alerts.yml says.
    for unset in (None, ""):
        assert render_rules(tmp_path, unset).returncode == 0
        assert (tmp_path / "alerts.yml").read_text(encoding="utf-8") == original


def test_a_bad_docs_url_is_one_line(tmp_path: Path) -> None:
    for bad in ("docs.example.com", 'https://x/"a', "https://x/a|b", "https://x/a b"):
        done = render_rules(tmp_path, bad)
        assert done.returncode == 2, bad
        assert done.stderr.count("\n") == 1 and "HOMER_DOCS_URL" in done.stderr, done.stderr
