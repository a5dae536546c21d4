"""Prometheus config and alert rules: their conventions, read from the files.

promtool's own checks and the rule unit tests run in tests/integration/test_promtool.py.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from tests.support import monitoring_exprs

ROOT = Path(__file__).resolve().parents[2]
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
    "BrokerNotificationsStuck",
}


def alert_rules() -> list[dict[str, Any]]:
    groups = yaml.safe_load(ALERTS.read_text(encoding="utf-8"))["groups"]
    return [rule for group in groups for rule in group["rules"] if "alert" in rule]


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


RUNBOOKS = ROOT / "docs" / "runbooks.md"
# docs/runbooks.md#anchor, relative to the repository or as an absolute URL ending so.
RUNBOOK_URL = re.compile(r"(?:[a-z]+://\S+/)?docs/runbooks\.md#(?P<anchor>[a-z0-9-]+)")


def heading_anchors(markdown: str) -> dict[str, str]:
    """Each heading's anchor as GitHub renders it, mapped to the heading's text."""
    return {
        re.sub(r"[^a-z0-9 -]", "", line.lstrip("#").strip().lower()).replace(" ", "-"): line
        for line in markdown.splitlines()
        if line.startswith("#")
    }


def test_every_alert_links_its_runbook_section_and_its_panel() -> None:
    runbooks = RUNBOOKS.read_text(encoding="utf-8")
    headings = heading_anchors(runbooks)
    dashboards = {
        d["uid"]: {p["id"]: p for p in monitoring_exprs.panels(d)}
        for d in monitoring_exprs.dashboards().values()
    }
    for rule in alert_rules():
        name, notes = rule["alert"], rule["annotations"]
        runbook = RUNBOOK_URL.fullmatch(notes.get("runbook_url", ""))
        assert runbook, (
            f"{name}: runbook_url {notes.get('runbook_url')!r} is not docs/runbooks.md#…"
        )
        anchor = runbook.group("anchor")
        assert anchor == name.lower(), f"{name}: runbook_url points at #{anchor}"
        assert anchor in headings, f"docs/runbooks.md has no heading for #{anchor}"
        assert headings[anchor] == f"### {name}", headings[anchor]
        section = runbooks.split(f"### {name}\n", 1)[1].split("\n#", 1)[0]
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
