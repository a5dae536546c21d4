"""Every query the monitoring stack runs, for tests that check or evaluate them.

- :func:`dashboard_promql`: the PromQL of every Prometheus target in the Grafana dashboards,
  with Grafana's variables (``$__rate_interval``, ``$__interval``, ``$__range``) replaced,
  so each string is plain PromQL a real Prometheus evaluates.
- :func:`dashboard_sql`: the SQL of every PostgreSQL target, as written in the dashboards
  (with Grafana macros); pass each through :func:`expand_grafana_sql` to run it with psql.
- :func:`alert_exprs`: the ``expr`` of every alerting rule in docker/prometheus/alerts.yml.

Only the standard library and PyYAML are used, so any test may import this module.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD_DIR = ROOT / "docker" / "grafana" / "dashboards"
ALERTS_FILE = ROOT / "docker" / "prometheus" / "alerts.yml"
DATASOURCES_FILE = ROOT / "docker" / "grafana" / "provisioning" / "datasources" / "datasources.yaml"

PROMETHEUS_UID = "prometheus"
POSTGRES_UID = "postgres-leads"
# Prometheus panels name the dashboard's datasource variable, whose default is PROMETHEUS_UID
# (tests/unit/test_dashboards.py checks the default).
DATASOURCE_VARIABLE = "${datasource}"

# What Grafana would substitute on a "last 6 hours" dashboard scraped every 15 s.
RANGE = "6h"
RATE_INTERVAL = "5m"
INTERVAL = "1m"
SQL_RANGE = "interval '6 hours'"

_PROMQL_VARIABLES = {
    "$__rate_interval": RATE_INTERVAL,
    "${__rate_interval}": RATE_INTERVAL,
    "$__interval": INTERVAL,
    "${__interval}": INTERVAL,
    "$__range": RANGE,
    "${__range}": RANGE,
    # The instance variable at "All".
    "$instance": ".*",
    "${instance}": ".*",
}

_DURATION_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def dashboards() -> dict[str, dict[str, Any]]:
    """Every dashboard JSON under docker/grafana/dashboards, by file name."""
    return {
        path.name: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(DASHBOARD_DIR.glob("*.json"))
    }


def panels(dashboard: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every panel, including those nested in collapsed rows."""
    for panel in dashboard.get("panels", []):
        yield panel
        yield from panel.get("panels", [])


def targets(dashboard: dict[str, Any]) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(panel, target) for every query of the dashboard; a target's datasource wins."""
    for panel in panels(dashboard):
        for target in panel.get("targets", []):
            yield panel, target


def target_datasource(panel: dict[str, Any], target: dict[str, Any]) -> dict[str, Any]:
    """The datasource a target queries; the datasource variable stands for its default."""
    ds = target.get("datasource") or panel.get("datasource") or {}
    ds = ds if isinstance(ds, dict) else {"uid": ds}
    if ds.get("uid") == DATASOURCE_VARIABLE:
        return {**ds, "uid": PROMETHEUS_UID}
    return ds


def expand_grafana_promql(expr: str) -> str:
    """Replace Grafana's interval and range variables by fixed durations, and the instance
    variable by its "All" value."""
    # Longest names first, so "$__interval" does not eat the start of another variable.
    for name in sorted(_PROMQL_VARIABLES, key=len, reverse=True):
        expr = expr.replace(name, _PROMQL_VARIABLES[name])
    if "$" in expr:
        raise ValueError(f"unexpanded Grafana variable in PromQL: {expr}")
    return expr


def _queries(uid: str, field: str) -> list[str]:
    """`field` of every target on the datasource `uid`, in dashboard order, no duplicates."""
    found: list[str] = []
    for dashboard in dashboards().values():
        for panel, target in targets(dashboard):
            if target_datasource(panel, target).get("uid") == uid:
                query = str(target[field])
                if query not in found:
                    found.append(query)
    return found


def dashboard_promql(*, raw: bool = False) -> list[str]:
    """The PromQL of every Prometheus target, in dashboard order, without duplicates.

    Grafana variables are expanded (see :func:`expand_grafana_promql`) unless ``raw``.
    """
    exprs = _queries(PROMETHEUS_UID, "expr")
    return exprs if raw else list(dict.fromkeys(expand_grafana_promql(e) for e in exprs))


def dashboard_sql() -> list[str]:
    """The SQL of every PostgreSQL target, as written (with Grafana macros), no duplicates."""
    return _queries(POSTGRES_UID, "rawSql")


def alert_exprs() -> list[str]:
    """The expression of every alerting rule in alerts.yml, in file order."""
    rules = yaml.safe_load(ALERTS_FILE.read_text(encoding="utf-8"))
    return [
        str(rule["expr"]).strip()
        for group in rules["groups"]
        for rule in group["rules"]
        if "alert" in rule
    ]


def _seconds(duration: str) -> int:
    match = re.fullmatch(r"\s*'?(\d+)([smhd])'?\s*", duration)
    if not match:
        raise ValueError(f"unsupported interval {duration!r} in a Grafana time-group macro")
    return int(match.group(1)) * _DURATION_SECONDS[match.group(2)]


def _time_group(column: str, interval: str) -> str:
    seconds = _seconds(interval)
    return f"to_timestamp(floor(extract(epoch FROM {column}) / {seconds}) * {seconds})"


_TIME_FILTER = re.compile(r"\$__timeFilter\(\s*([^()]+?)\s*\)")
_TIME_GROUP = re.compile(r"\$__timeGroup(Alias)?\(\s*([^(),]+?)\s*,\s*([^(),]+?)\s*(?:,[^()]*)?\)")
_TIME_FROM = re.compile(r"\$__timeFrom\(\s*\)")
_TIME_TO = re.compile(r"\$__timeTo\(\s*\)")


def expand_grafana_sql(sql: str) -> str:
    """Turn the Grafana PostgreSQL macros into plain SQL over the last 6 hours.

    Supported: ``$__timeFilter(col)``, ``$__timeGroup(col, 'N[smhd]')``,
    ``$__timeGroupAlias(col, 'N[smhd]')``, ``$__timeFrom()`` and ``$__timeTo()``.
    Anything else left starting with ``$__`` raises :class:`ValueError`.
    """
    out = _TIME_FILTER.sub(lambda m: f"{m.group(1)} BETWEEN now() - {SQL_RANGE} AND now()", sql)
    out = _TIME_GROUP.sub(
        lambda m: _time_group(m.group(2), m.group(3)) + (' AS "time"' if m.group(1) else ""),
        out,
    )
    out = _TIME_FROM.sub(f"(now() - {SQL_RANGE})", out)
    out = _TIME_TO.sub("now()", out)
    if "$__" in out or "${" in out:
        raise ValueError(f"unexpanded Grafana macro in SQL: {out}")
    return out


def provisioned_datasource_uids() -> dict[str, str]:
    """uid -> type of every datasource Grafana provisions."""
    config = yaml.safe_load(DATASOURCES_FILE.read_text(encoding="utf-8"))
    return {str(ds["uid"]): str(ds["type"]) for ds in config["datasources"]}
