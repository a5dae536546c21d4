"""Grafana dashboards of the Homer stack, as code.

    uv run python tools/dashboards.py          # write docker/grafana/dashboards/*.json
    uv run python tools/dashboards.py --check  # exit 1 if the committed JSON is stale

Built with grafana-foundation-sdk (its Grafana 11.6 builders, matching the pinned
grafana/grafana image). The SDK has no builder for PostgreSQL queries, so :class:`SqlQuery`
below supplies one. Datasources are referenced by uid only: ``prometheus`` and
``postgres-leads`` (docker/grafana/provisioning/datasources/datasources.yaml).

The PromQL uses Grafana's ``$__rate_interval`` and ``$__range``; the SQL uses the
PostgreSQL datasource macros ``$__timeFilter(col)`` and ``$__timeGroupAlias(col, 'interval')``
only. tests/support/monitoring_exprs.py expands both into plain PromQL and SQL.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from grafana_foundation_sdk.builders import barchart, bargauge, stat, table, timeseries
from grafana_foundation_sdk.builders import common as common_builders
from grafana_foundation_sdk.builders import dashboard as dash
from grafana_foundation_sdk.builders import prometheus as prom
from grafana_foundation_sdk.cog import builder as cogbuilder
from grafana_foundation_sdk.cog import variants as cogvariants
from grafana_foundation_sdk.cog.encoder import JSONEncoder
from grafana_foundation_sdk.models import common
from grafana_foundation_sdk.models.dashboard import (
    DashboardCursorSync,
    DashboardLinkType,
    DataSourceRef,
    DataTransformerConfig,
    DynamicConfigValue,
    GridPos,
    Panel,
    Threshold,
    ThresholdsMode,
    ValueMap,
    ValueMapping,
    ValueMappingResult,
    VariableOption,
    VariableRefresh,
    VariableSort,
)
from grafana_foundation_sdk.models.prometheus import PromQueryFormat

from homer_agent.metrics import ERROR_KINDS

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "docker" / "grafana" / "dashboards"

# Prometheus panels use the dashboard's "datasource" variable (default: the provisioned
# Prometheus, uid "prometheus"), so a second Prometheus can be picked from the dashboard.
PROMETHEUS = DataSourceRef(type_val="prometheus", uid="${datasource}")
PROMETHEUS_DEFAULT = "prometheus"
POSTGRES = DataSourceRef(type_val="grafana-postgresql-datasource", uid="postgres-leads")
TAGS = ["homer"]

# Day boundaries for "calls per day": the leads and the brokers are in Brazil.
LEADS_TZ = "America/Sao_Paulo"


class SqlQuery(cogvariants.Dataquery):
    """A raw-SQL target of Grafana's PostgreSQL datasource."""

    def __init__(self, ref_id: str, raw_sql: str, fmt: str) -> None:
        self.ref_id = ref_id
        self.raw_sql = raw_sql
        self.fmt = fmt

    def to_json(self) -> dict[str, object]:
        return {
            "datasource": POSTGRES.to_json(),
            "editorMode": "code",
            "format": self.fmt,
            "rawQuery": True,
            "rawSql": self.raw_sql,
            "refId": self.ref_id,
        }


class Sql(cogbuilder.Builder[SqlQuery]):
    def __init__(self, raw_sql: str, fmt: str = "table", ref_id: str = "A") -> None:
        self._query = SqlQuery(ref_id, _dedent(raw_sql), fmt)

    def build(self) -> SqlQuery:
        return self._query


def _dedent(sql: str) -> str:
    lines = [line.rstrip() for line in sql.strip("\n").splitlines()]
    indent = min((len(line) - len(line.lstrip()) for line in lines if line.strip()), default=0)
    return "\n".join(line[indent:] for line in lines)


# Every agent and exporter series a panel selects is narrowed to the dashboard's "instance"
# variable (All: every instance).
_SERIES = re.compile(r"\b((?:homer|pg)_[a-z_]+)(?:\{([^}]*)\})?")


def by_instance(expr: str) -> str:
    """`expr` with instance=~"$instance" added to each homer_* and pg_* selector."""

    def narrow(match: re.Match[str]) -> str:
        labels = match.group(2)
        inner = f'instance=~"$instance", {labels}' if labels else 'instance=~"$instance"'
        return f"{match.group(1)}{{{inner}}}"

    return _SERIES.sub(narrow, expr)


def promql(expr: str, legend: str = "__auto", ref_id: str = "A", *, instant: bool = False) -> Any:
    query = prom.Dataquery().expr(by_instance(expr)).legend_format(legend).ref_id(ref_id)
    query = query.datasource(PROMETHEUS)
    return query.instant() if instant else query.range()


def thresholds(*steps: tuple[float | None, str]) -> dash.ThresholdsConfig:
    return (
        dash.ThresholdsConfig()
        .mode(ThresholdsMode.ABSOLUTE)
        .steps([Threshold(value=value, color=color) for value, color in steps])
    )


UP_DOWN: list[ValueMapping] = [
    ValueMap(
        options={
            "0": ValueMappingResult(text="DOWN", color="red", index=0),
            "1": ValueMappingResult(text="UP", color="green", index=1),
        }
    )
]


class Row(NamedTuple):
    """A dashboard row: its title and its panels, in order."""

    title: str
    panels: list[cogbuilder.Builder[Panel]]


class _Numbered(cogbuilder.Builder[Panel]):
    """`panel` with the id `panel_id`."""

    def __init__(self, panel: cogbuilder.Builder[Panel], panel_id: int) -> None:
        self._panel = panel
        self._id = panel_id

    def build(self) -> Panel:
        built = self._panel.build()
        built.id_val = self._id
        return built


def _with_rows(board: dash.Dashboard, rows: Sequence[Row]) -> dash.Dashboard:
    """`board` with each row and its panels; ids are stable: 1, 2, ... in that order."""
    ids = itertools.count(1)
    for row in rows:
        board = board.with_row(dash.Row(row.title).id(next(ids)))
        for panel in row.panels:
            board = board.with_panel(_Numbered(panel, next(ids)))
    return board


_Titled = TypeVar("_Titled", timeseries.Panel, stat.Panel, bargauge.Panel)


def _titled(
    panel: _Titled,
    title: str,
    description: str,
    *,
    ds: DataSourceRef,
    unit: str,
    span: int,
    height: int,
) -> _Titled:
    """`panel` with the settings every panel here has."""
    return (
        panel.title(title)
        .description(description)
        .datasource(ds)
        .unit(unit)
        .span(span)
        .height(height)
    )


def _ts(
    title: str,
    description: str,
    targets: Sequence[Any],
    unit: str,
    *,
    ds: DataSourceRef = PROMETHEUS,
    span: int = 12,
    height: int = 8,
    stacked: bool = False,
    bars: bool = False,
    red_line: float | None = None,
) -> timeseries.Panel:
    """A time series; with `red_line`, from 0 up, with a red threshold line there."""
    panel = (
        _titled(timeseries.Panel(), title, description, ds=ds, unit=unit, span=span, height=height)
        .fill_opacity(25 if stacked or bars else 10)
        .line_width(1)
        .legend(
            common_builders.VizLegendOptions()
            .display_mode(common.LegendDisplayMode.LIST)
            .placement(common.LegendPlacement.BOTTOM)
            .show_legend(True)
        )
        .tooltip(common_builders.VizTooltipOptions().mode(common.TooltipDisplayMode.MULTI))
    )
    if bars:
        panel = panel.draw_style(common.GraphDrawStyle.BARS)
    if stacked:
        panel = panel.stacking(common_builders.StackingConfig().mode(common.StackingMode.NORMAL))
    if red_line is not None:
        panel = (
            panel.min(0)
            .thresholds(thresholds((None, "green"), (red_line, "red")))
            .thresholds_style(
                common_builders.GraphThresholdsStyleConfig().mode(
                    common.GraphThresholdsStyleMode.LINE
                )
            )
        )
    for target in targets:
        panel = panel.with_target(target)
    return panel


def _stat(
    title: str,
    description: str,
    target: Any,
    unit: str,
    *,
    ds: DataSourceRef = PROMETHEUS,
    span: int = 4,
    height: int = 4,
    steps: Sequence[tuple[float | None, str]] = ((None, "blue"),),
) -> stat.Panel:
    return (
        _titled(stat.Panel(), title, description, ds=ds, unit=unit, span=span, height=height)
        .thresholds(thresholds(*steps))
        .color_mode(common.BigValueColorMode.BACKGROUND)
        .graph_mode(common.BigValueGraphMode.NONE)
        .reduce_options(common_builders.ReduceDataOptions().calcs(["lastNotNull"]).values(False))
        .with_target(target)
    )


def _light(
    title: str,
    description: str,
    expr: str,
    legend: str,
    unit: str,
    *,
    orange: float | None = None,
    red: float,
    span: int = 4,
    height: int = 4,
) -> stat.Panel:
    """A stat of the instant `expr`: green, orange from `orange` (None: none), red from `red`."""
    middle = [] if orange is None else [(orange, "orange")]
    return _stat(
        title,
        description,
        promql(expr, legend, instant=True),
        unit,
        span=span,
        height=height,
        steps=[(None, "green"), *middle, (red, "red")],
    )


def _sql_ts(
    title: str,
    description: str,
    sql: str,
    unit: str,
    *,
    span: int = 12,
    stacked: bool = False,
    bars: bool = False,
) -> timeseries.Panel:
    """A time series of the PostgreSQL query `sql` (its first column the time)."""
    target = Sql(sql, "time_series")
    return _ts(
        title, description, [target], unit, ds=POSTGRES, span=span, stacked=stacked, bars=bars
    )


def _up(title: str, description: str, expr: str) -> stat.Panel:
    """UP or DOWN: is the 0/1 `expr` 1?"""
    return _stat(
        title,
        description,
        promql(expr, "up", instant=True),
        "none",
        steps=((None, "red"), (1, "green")),
    ).mappings(UP_DOWN)


def _bars(
    title: str,
    description: str,
    sql: str,
    *,
    labels: tuple[str, str] | None = None,
    unit: str = "short",
    height: int = 8,
    gradient: bool = False,
    steps: Sequence[tuple[float | None, str]] = ((None, "blue"),),
) -> bargauge.Panel:
    """Horizontal bars of a SQL query; with `labels` (name, value), one bar per row."""
    panel = (
        _titled(
            bargauge.Panel(), title, description, ds=POSTGRES, unit=unit, span=12, height=height
        )
        .orientation(common.VizOrientation.HORIZONTAL)
        .display_mode(
            common.BarGaugeDisplayMode.GRADIENT if gradient else common.BarGaugeDisplayMode.BASIC
        )
        .reduce_options(common_builders.ReduceDataOptions().values(True).calcs([]))
        .thresholds(thresholds(*steps))
        .with_target(Sql(sql))
    )
    return panel if labels is None else panel.with_transformation(_rows_to_fields(*labels))


def _prom_table(
    title: str, description: str, expr: str, legend: str, organize: dict[str, object]
) -> table.Panel:
    """A table of an instant Prometheus query, its columns organized by `organize`."""
    return (
        table.Panel()
        .title(title)
        .description(description)
        .datasource(PROMETHEUS)
        .with_target(promql(expr, legend, instant=True).format(PromQueryFormat.TABLE))
        .with_transformation(
            _transformation("organize", {"excludeByName": {"Time": True}} | organize)
        )
    )


def _p50_p95(buckets: str, by: str) -> list[Any]:
    """The p50 and p95 of histogram `buckets` by the label `by`."""
    return [
        promql(_quantile(0.5, buckets, by), f"p50 {{{{{by}}}}}"),
        promql(_quantile(0.95, buckets, by), f"p95 {{{{{by}}}}}", "B"),
    ]


def _variables(board: dash.Dashboard, instances: str) -> dash.Dashboard:
    """The Prometheus to read, and which instances (from ``label_values`` of ``instances``)."""
    return board.with_variable(
        dash.DatasourceVariable("datasource")
        .label("Prometheus")
        .type("prometheus")
        .current(VariableOption(text="Prometheus", value=PROMETHEUS_DEFAULT, selected=True))
    ).with_variable(
        dash.QueryVariable("instance")
        .label("Instance")
        .datasource(PROMETHEUS)
        .query(f"label_values({instances}, instance)")
        .multi(True)
        .include_all(True)
        .all_value(".*")
        .current(VariableOption(text="All", value="$__all", selected=True))
        .refresh(VariableRefresh.ON_TIME_RANGE_CHANGED)
        .sort(VariableSort.ALPHABETICAL_ASC)
    )


def _dashboard(
    uid: str, title: str, description: str, instances: str | None = None
) -> dash.Dashboard:
    """A dashboard with the Homer settings; with `instances`, the datasource and instance
    variables too."""
    board = (
        dash.Dashboard(title)
        .uid(uid)
        .description(description)
        .tags(TAGS)
        .readonly()
        .time("now-6h", "now")
        .refresh("30s")
        .timezone("browser")
        .tooltip(DashboardCursorSync.CROSSHAIR)
        .link(
            dash.DashboardLink("Homer")
            .type(DashboardLinkType.DASHBOARDS)
            .tags(TAGS)
            .as_dropdown(False)
            .include_vars(False)
            .keep_time(True)
        )
    )
    return board if instances is None else _variables(board, instances)


# --- homer-postgres ----------------------------------------------------------------------

# The agent's tables: every checkpoint_* table LangGraph creates, the leads, their turns and
# the archived messages. Row counts come from the statistics collector (n_live_tup), which
# is current after each transaction; pg_class.reltuples stays 0 until the first ANALYZE.
TABLE_SIZES_SQL = """
    SELECT s.relname AS "table",
           pg_total_relation_size(s.relid) AS "total",
           pg_relation_size(s.relid) AS "heap",
           pg_indexes_size(s.relid) AS "indexes",
           s.n_live_tup AS "rows (estimate)",
           s.n_dead_tup AS "dead rows"
    FROM pg_stat_user_tables AS s
    WHERE s.relname LIKE 'checkpoint%'
       OR s.relname IN ('leads', 'turns', 'lead_messages')
    ORDER BY pg_total_relation_size(s.relid) DESC
"""

# Per-table statistics from docker/postgres-exporter/queries.yaml, over time.
HOMER_TABLES = 'schemaname="homer"'


class AlertListPanel(cogbuilder.Builder[Panel]):
    """Grafana's alert list: Prometheus's firing and pending alerts (no SDK builder)."""

    def __init__(self, title: str, description: str, span: int, height: int):
        self._panel = Panel(
            type_val="alertlist",
            title=title,
            description=description,
            grid_pos=GridPos(h=height, w=span),
            options={
                "viewMode": "list",
                "groupMode": "default",
                "groupBy": [],
                "maxItems": 20,
                "sortOrder": 1,
                "dashboardAlerts": False,
                "alertName": "",
                "alertInstanceLabelFilter": "",
                "datasource": "Prometheus",
                "stateFilter": {
                    "firing": True,
                    "pending": True,
                    "noData": False,
                    "normal": False,
                    "error": True,
                },
            },
        )

    def build(self) -> Panel:
        return self._panel


CACHE_HIT = 'sum(rate(pg_stat_database_blks_hit{datname="homer"}[$__rate_interval]))'
CACHE_READ = 'sum(rate(pg_stat_database_blks_read{datname="homer"}[$__rate_interval]))'
CACHE_HIT_RATIO = f"{CACHE_HIT} / ({CACHE_HIT} + {CACHE_READ})"


def postgres_dashboard() -> dash.Dashboard:
    board = _dashboard(
        "homer-postgres",
        "Homer · PostgreSQL",
        "The agent's PostgreSQL: availability, connections, throughput, cache, locks, sizes.",
        instances="pg_up",
    )
    return _with_rows(
        board,
        [
            _postgres_server(),
            _postgres_activity(),
            _postgres_tables(),
            _postgres_table_health(),
            _postgres_transactions(),
            _postgres_monitoring(),
        ],
    )


def _postgres_server() -> Row:
    """The row "Server" and its panels."""
    return Row(
        "Server",
        [
            _up(
                "PostgreSQL",
                "pg_up from postgres-exporter: can the exporter reach the server?",
                "min(pg_up)",
            ),
            _up(
                "Exporter",
                "Is Prometheus scraping postgres-exporter?",
                'min(up{job="postgres-exporter"})',
            ),
            _light(
                "Connections used",
                "Backends across databases as a share of max_connections.",
                "sum(pg_stat_database_numbackends) / max(pg_settings_max_connections)",
                "used",
                "percentunit",
                orange=0.6,
                red=0.8,
            ),
            _stat(
                "Cache hit ratio",
                "Share of block reads served from shared buffers (homer database).",
                promql(CACHE_HIT_RATIO, "hit ratio", instant=True),
                "percentunit",
                steps=((None, "red"), (0.9, "orange"), (0.99, "green")),
            ),
            _stat(
                "Database size",
                "Size of the homer database on disk.",
                promql('max(pg_database_size_bytes{datname="homer"})', "size", instant=True),
                "bytes",
            ),
            _light(
                "Deadlocks (range)",
                "Deadlocks detected in the homer database during the dashboard's time range.",
                'sum(increase(pg_stat_database_deadlocks{datname="homer"}[$__range]))',
                "deadlocks",
                "short",
                red=1,
            ),
        ],
    )


def _postgres_activity() -> Row:
    """The row "Activity" and its panels."""
    return Row(
        "Activity",
        [
            _ts(
                "Connections",
                "Backends per database, against max_connections.",
                [
                    # PostgreSQL 15+ also reports shared objects, with no datname.
                    promql(
                        'sum by (datname) (pg_stat_database_numbackends{datname!=""})',
                        "{{datname}}",
                    ),
                    promql("max(pg_settings_max_connections)", "max_connections", "B"),
                ],
                "short",
            ),
            _ts(
                "Transactions/s",
                "Commits and rollbacks per second in the homer database.",
                [
                    promql(
                        'sum(rate(pg_stat_database_xact_commit{datname="homer"}[$__rate_interval]))',
                        "commits",
                    ),
                    promql(
                        'sum(rate(pg_stat_database_xact_rollback{datname="homer"}'
                        "[$__rate_interval]))",
                        "rollbacks",
                        "B",
                    ),
                ],
                "ops",
            ),
            _ts(
                "Cache hit ratio",
                "Share of block reads served from shared buffers; below 90% means the "
                "working set no longer fits in memory.",
                [promql(CACHE_HIT_RATIO, "hit ratio")],
                "percentunit",
            )
            .min(0)
            .max(1),
            _ts(
                "Locks by mode",
                "Locks held or awaited in the homer database, by lock mode.",
                [promql('sum by (mode) (pg_locks_count{datname="homer"})', "{{mode}}")],
                "short",
                stacked=True,
            ),
            _ts(
                "Rows written/s",
                "Rows inserted, updated and deleted per second in the homer database.",
                [
                    promql(
                        'sum(rate(pg_stat_database_tup_inserted{datname="homer"}'
                        "[$__rate_interval]))",
                        "inserted",
                    ),
                    promql(
                        'sum(rate(pg_stat_database_tup_updated{datname="homer"}'
                        "[$__rate_interval]))",
                        "updated",
                        "B",
                    ),
                    promql(
                        'sum(rate(pg_stat_database_tup_deleted{datname="homer"}'
                        "[$__rate_interval]))",
                        "deleted",
                        "C",
                    ),
                ],
                "short",
            ).axis_label("rows/s"),
            _ts(
                "Database size",
                "Size of the homer database on disk over time.",
                [promql('max(pg_database_size_bytes{datname="homer"})', "homer")],
                "bytes",
            ),
        ],
    )


def _postgres_tables() -> Row:
    """The row "Tables" and its panels."""
    return Row(
        "Tables",
        [
            _bars(
                "Checkpoint and lead tables: total size",
                "pg_total_relation_size (heap, indexes and TOAST) of every checkpoint_* table "
                "and of leads, turns and lead_messages (the archived older messages), now; "
                "'Table size over time' below has the trend.",
                TABLE_SIZES_SQL,
                unit="bytes",
                gradient=True,
            ).reduce_options(
                common_builders.ReduceDataOptions().values(True).calcs([]).fields("/^total$/")
            ),
            table.Panel()
            .title("Checkpoint and lead tables")
            .description(
                "Sizes, live rows and dead rows (statistics collector estimates) of the agent's "
                "tables."
            )
            .datasource(POSTGRES)
            .span(12)
            .height(8)
            .override_by_regexp(
                "^(total|heap|indexes)$",
                [_prop("unit", "bytes")],
            )
            .with_target(Sql(TABLE_SIZES_SQL)),
        ],
    )


def _postgres_table_health() -> Row:
    """The row "Table health (postgres-exporter)" and its panels."""
    return Row(
        "Table health (postgres-exporter)",
        [
            _ts(
                "Table size over time",
                "Total size (heap, indexes, TOAST) of every table in schema homer: the "
                "checkpoint_* tables, leads, turns, lead_messages. Growth alerts read the same "
                "series.",
                [
                    promql(
                        f"max by (relname) (pg_homer_table_size_bytes{{{HOMER_TABLES}}})",
                        "{{relname}}",
                    )
                ],
                "bytes",
            ),
            _ts(
                "Dead rows",
                "Dead rows per table, waiting for (auto)vacuum; the alert fires when they are "
                "over 20% of a table with more than 10,000 of them.",
                [
                    promql(
                        f"max by (relname) (pg_homer_table_dead_tuples{{{HOMER_TABLES}}})",
                        "{{relname}}",
                    )
                ],
                "short",
            ),
            _prom_table(
                "Last vacuum",
                "When each table was last vacuumed (manually or by autovacuum); 'never' is "
                "normal for a small table that has seen few updates.",
                f"max by (relname) (pg_homer_table_last_vacuum_seconds{{{HOMER_TABLES}}}) * 1000",
                "{{relname}}",
                {"renameByName": {"relname": "table", "Value": "last vacuum"}},
            )
            .span(12)
            .height(8)
            .unit("dateTimeFromNow")
            .mappings(
                [ValueMap(options={"0": ValueMappingResult(text="never", color="text", index=0)})]
            ),
            _ts(
                "Vacuums per hour",
                "Vacuum runs (manual and autovacuum) per table per hour.",
                [
                    promql(
                        f"sum by (relname) (increase(pg_homer_table_vacuums{{{HOMER_TABLES}}}"
                        "[1h]))",
                        "{{relname}}",
                    )
                ],
                "short",
                bars=True,
            ),
        ],
    )


def _postgres_transactions() -> Row:
    """The row "Transactions and sessions" and its panels."""
    return Row(
        "Transactions and sessions",
        [
            _ts(
                "Longest transaction",
                "Age of the oldest open transaction by session state. Active: a slow query; "
                "idle in transaction: a client holding locks (and the lead's advisory lock) "
                "while doing nothing. Alerts: over 5 minutes, and idle in transaction over 1 "
                "minute.",
                [
                    promql(
                        'max by (state) (pg_stat_activity_max_tx_duration{datname="homer", '
                        'state=~"active|idle in transaction.*"})',
                        "{{state}}",
                    )
                ],
                "s",
            ),
            _ts(
                "Sessions by state",
                "Connections to the homer database by state.",
                [
                    promql(
                        'sum by (state) (pg_stat_activity_count{datname="homer"})',
                        "{{state}}",
                    )
                ],
                "short",
                stacked=True,
            ),
            _ts(
                "Deadlocks",
                "Deadlocks PostgreSQL detected (and resolved by cancelling a transaction) per "
                "5 minutes; any is worth a look: the alert fires on the first.",
                [
                    promql(
                        'sum(increase(pg_stat_database_deadlocks{datname="homer"}[5m]))',
                        "deadlocks",
                    )
                ],
                "short",
                bars=True,
            ),
            _ts(
                "Rollback ratio",
                "Share of transactions rolled back; the alert fires above 10% with at least "
                "100 transactions in 10 minutes.",
                [promql(ROLLBACK_RATIO, "rollbacks")],
                "percentunit",
            ).min(0),
        ],
    )


def _postgres_monitoring() -> Row:
    """The row "Monitoring itself" and its panels."""
    return Row(
        "Monitoring itself",
        [
            _ts(
                "Scrape targets up",
                "Every target Prometheus scrapes, 1 up, 0 down; an agent target is down "
                "while no agent runs there, which is normal.",
                [promql("max by (job, instance) (up)", "{{job}} {{instance}}")],
                "none",
            ),
            _ts(
                "Exporter scrape errors",
                "1 when postgres-exporter's last scrape of PostgreSQL failed, by exporter.",
                [promql("max by (instance) (pg_exporter_last_scrape_error)", "{{instance}}")],
                "none",
            ),
        ],
    )


ROLLBACK_RATIO = (
    'sum(rate(pg_stat_database_xact_rollback{datname="homer"}[$__rate_interval]))'
    ' / (sum(rate(pg_stat_database_xact_commit{datname="homer"}[$__rate_interval]))'
    ' + sum(rate(pg_stat_database_xact_rollback{datname="homer"}[$__rate_interval])))'
)


def _prop(prop_id: str, value: object) -> DynamicConfigValue:
    return DynamicConfigValue(id_val=prop_id, value=value)


# --- homer-agent -------------------------------------------------------------------------

TURN_BUCKETS = "homer_turn_duration_seconds_bucket"
MODEL_BUCKETS = "homer_model_call_duration_seconds_bucket"
SENTIMENT_BUCKETS = "homer_sentiment_compound_bucket"
ERROR_RATIO = (
    'sum(rate(homer_turns_total{outcome="error"}[$__rate_interval]))'
    " / sum(rate(homer_turns_total[$__rate_interval]))"
)


CIRCUIT: list[ValueMapping] = [
    ValueMap(
        options={
            "0": ValueMappingResult(text="closed", color="green", index=0),
            "1": ValueMappingResult(text="half-open", color="orange", index=1),
            "2": ValueMappingResult(text="OPEN", color="red", index=2),
        }
    )
]
FALLBACK_SHARE = "sum(rate(homer_model_fallbacks_total[10m])) / sum(rate(homer_turns_total[10m]))"

# Exact counts: every turn has a row in `turns`, also a 4-second CLI session that
# Prometheus never scraped; the time range selects rows, no sampling or extrapolation.
TURN_COUNTS_SQL = """
    SELECT count(*) AS "turns",
           count(*) FILTER (WHERE route = 'handoff') AS "hand-offs",
           count(*) FILTER (WHERE error IS NOT NULL) AS "failed turns"
    FROM turns
    WHERE $__timeFilter(started_at)
"""


def _turn_sums(*columns: tuple[str, str]) -> str:
    """SQL: the sum of each (column, name) of the turns in the time range, 0 for none."""
    sums = ",\n       ".join(f'coalesce(sum({column}), 0) AS "{name}"' for column, name in columns)
    return f"SELECT {sums}\nFROM turns\nWHERE $__timeFilter(started_at)"


MODEL_COUNTS_SQL = _turn_sums(
    ("model_calls", "model calls"), ("model_errors", "failed model calls")
)

TOKEN_COUNTS_SQL = _turn_sums(
    ("prompt_tokens", "prompt tokens"), ("completion_tokens", "completion tokens")
)

TOOL_COUNTS_SQL = _turn_sums(("tool_calls", "tool calls"), ("tool_errors", "refused tool calls"))

TURN_LATENCY_SQL = """
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms) AS "p50",
           percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms) AS "p95",
           max(duration_ms) AS "max"
    FROM turns
    WHERE $__timeFilter(started_at)
"""

MODEL_TIME_SQL = """
    SELECT coalesce(sum(model_ms), 0) AS "model time",
           sum(model_ms) / nullif(sum(model_calls), 0) AS "per call"
    FROM turns
    WHERE $__timeFilter(started_at)
"""

ERRORS_BY_KIND_SQL = f"""
    SELECT k AS "kind", count(t.id) AS "turns"
    FROM unnest(ARRAY[{", ".join(f"'{kind}'" for kind in ERROR_KINDS)}]) AS k
    LEFT JOIN turns AS t ON t.error = k AND $__timeFilter(t.started_at)
    GROUP BY k
    ORDER BY k
"""

TURNS_OVER_TIME_SQL = """
    SELECT $__timeGroupAlias(started_at, '10m'),
           count(*) FILTER (WHERE route = 'agent' AND error IS NULL) AS "agent",
           count(*) FILTER (WHERE route = 'handoff' AND error IS NULL) AS "hand-off",
           count(*) FILTER (WHERE error IS NOT NULL) AS "failed"
    FROM turns
    WHERE $__timeFilter(started_at)
    GROUP BY 1
    ORDER BY 1
"""


def _exact(title: str, description: str, sql: str, unit: str) -> stat.Panel:
    """A stat of the turns table: one value per column, with its name."""
    return _stat(title, description, Sql(sql), unit, ds=POSTGRES).text_mode(
        common.BigValueTextMode.VALUE_AND_NAME
    )


MODEL_CALLS = "homer_model_call_duration_seconds_count"
MODEL_ERROR_RATIO = (
    f'sum by (model) (rate({MODEL_CALLS}{{outcome=~"error|timeout|rate_limited"}}'
    "[$__rate_interval]))"
    f" / sum by (model) (rate({MODEL_CALLS}[$__rate_interval]))"
)


def _quantile(q: float, buckets: str, by: str = "") -> str:
    group = f"le, {by}" if by else "le"
    return f"histogram_quantile({q}, sum by ({group}) (rate({buckets}[$__rate_interval])))"


def agent_dashboard() -> dash.Dashboard:
    board = _dashboard(
        "homer-agent",
        "Homer · Agent",
        "The chat agent: turns, latency, model, tools, errors, hand-offs, the model "
        "fallback, mood and HTTP requests. Panels marked (exact) count rows of the turns "
        "table (SQL): every turn of every process, CLI sessions included, over the time "
        "range. The other panels are sampled (Prometheus): only long-running agents it "
        "scrapes, over a rate window, quantiles estimated from histogram buckets. The two "
        "never agree exactly; when they differ a lot, trust the exact ones for counts.",
        instances="homer_build_info",
    )
    return _with_rows(
        board,
        [
            _agent_exact(),
            _agent_live(),
            _agent_turns(),
            _agent_model_and_tools(),
            _agent_fallback(),
            _agent_mood(),
            _agent_http(),
            _agent_calendar(),
            _agent_broker_notifications(),
        ],
    )


def _agent_exact() -> Row:
    """The row of exact counts (SQL on the turns table) and its panels."""
    return Row(
        "Every turn (exact: SQL, turns table, CLI included)",
        [
            _exact(
                "Turns (exact)",
                "Turns in the time range, from the turns table: every turn of every process, "
                "a short CLI session Prometheus never scraped included.",
                TURN_COUNTS_SQL,
                "short",
            ),
            _exact(
                "Model calls (exact)",
                "Chat-model calls made by those turns, and those that failed (error, timeout, "
                "rate limit), a fallback model's included.",
                MODEL_COUNTS_SQL,
                "short",
            ),
            _exact(
                "Tokens (exact)",
                "Prompt and completion tokens the model reported for those turns.",
                TOKEN_COUNTS_SQL,
                "short",
            ),
            _exact(
                "Tool calls (exact)",
                "Tool calls the model made, and those refused for invalid arguments.",
                TOOL_COUNTS_SQL,
                "short",
            ),
            _exact(
                "Turn latency (exact)",
                "Median, 95th percentile and maximum wall time of those turns, computed from "
                "every row (not histogram buckets). Exact, so it differs from the sampled "
                "'Turn latency' below: that one leaves out CLI turns Prometheus never scraped, "
                "covers a rate window rather than the time range, and interpolates inside "
                "histogram buckets (a p50 of 34 ms there can be 58 ms here).",
                TURN_LATENCY_SQL,
                "ms",
            ),
            _exact(
                "Model time (exact)",
                "Time spent in chat-model calls (failed calls included), in total and per call.",
                MODEL_TIME_SQL,
                "ms",
            ),
            _bars(
                "Failed turns by kind (exact)",
                "Turns that ended in an error, by kind: database, model, timeout, internal, "
                "input or busy (the session was answering in another process).",
                ERRORS_BY_KIND_SQL,
                labels=("kind", "turns"),
                steps=((None, "green"), (1, "red")),
            ),
            _sql_ts(
                "Turns per 10 minutes (exact)",
                "Turns by route, and failed turns, per 10 minutes, from the turns table.",
                TURNS_OVER_TIME_SQL,
                "short",
                bars=True,
                stacked=True,
            ),
        ],
    )


def _agent_live() -> Row:
    """The row of live, sampled numbers (Prometheus) and its panels."""
    return Row(
        "Live (sampled: Prometheus, long-running agents only)",
        [
            _light(
                "Error rate (5m)",
                "Share of turns that ended in an error; the alert fires above 5%. Sampled "
                "(Prometheus, last 5 minutes, long-running agents only).",
                'sum(rate(homer_turns_total{outcome="error"}[5m]))'
                " / sum(rate(homer_turns_total[5m]))",
                "errors",
                "percentunit",
                orange=0.01,
                red=0.05,
            ),
            _light(
                "p95 turn latency (5m)",
                "95th percentile of a whole turn's wall time; the alert fires above 15 s.",
                f"histogram_quantile(0.95, sum by (le) (rate({TURN_BUCKETS}[5m])))",
                "p95",
                "s",
                orange=5,
                red=15,
            ),
            AlertListPanel(
                "Alerts",
                "Prometheus alerts firing or pending (docker/prometheus/alerts.yml); each "
                "links to its runbook in the README and to its panel. Alertmanager routes "
                "them to the receivers set in .env.",
                span=12,
                height=8,
            ),
            _prom_table(
                "Running agents",
                "Every agent Prometheus scrapes: version, model (homer_build_info) and its "
                "processes (homer_processes): 1 for a chat or a one-process serve, the live "
                "workers of serve --workers N, whose metrics one scrape merges.",
                "max by (instance, version, model) (homer_build_info)"
                " * on (instance) group_left sum by (instance) (homer_processes)",
                "{{instance}}",
                {
                    "indexByName": {"instance": 0, "version": 1, "model": 2, "Value": 3},
                    "renameByName": {"Value": "processes"},
                },
            )
            .span(4)
            .height(4),
        ],
    )


def _agent_turns() -> Row:
    """The row "Turns" and its panels."""
    return Row(
        "Turns (sampled: Prometheus)",
        [
            _ts(
                "Turns per minute",
                "Turns per minute by router decision (agent or hand-off) and outcome.",
                [
                    promql(
                        "sum by (route, outcome) (rate(homer_turns_total[$__rate_interval])) * 60",
                        "{{route}} {{outcome}}",
                    )
                ],
                "opm",
                stacked=True,
            ),
            _ts(
                "Turn latency",
                "p50 and p95 of a whole turn's wall time, by route. Sampled (Prometheus): "
                "long-running agents only, estimated from histogram buckets; 'Turn latency "
                "(exact)' above computes them from every row of the turns table.",
                _p50_p95(TURN_BUCKETS, "route"),
                "s",
            ),
            _ts(
                "Error rate",
                "Share of turns that ended in an error.",
                [promql(ERROR_RATIO, "error rate")],
                "percentunit",
                red_line=0.05,
            ),
            _ts(
                "Errors per minute by kind",
                "database, model, timeout, internal or input errors.",
                [
                    promql(
                        "sum by (kind) (rate(homer_errors_total[$__rate_interval])) * 60",
                        "{{kind}}",
                    )
                ],
                "opm",
                stacked=True,
            ),
        ],
    )


def _agent_model_and_tools() -> Row:
    """The row "Model and tools" and its panels."""
    return Row(
        "Model and tools (sampled: Prometheus)",
        [
            _ts(
                "Model call latency",
                "p50 and p95 of one chat-model call (its client's retries included), by model, "
                "failed and timed-out calls included; the alert fires above 20 s.",
                _p50_p95(MODEL_BUCKETS, "model"),
                "s",
            ),
            _ts(
                "Model call error rate",
                "Share of chat-model calls that failed (error, timeout or rate limit), by "
                "model; a fallback model answering the rest shows as its own model. The alert "
                "fires above 10% with at least 20 calls in 10 minutes.",
                [promql(MODEL_ERROR_RATIO, "{{model}}")],
                "percentunit",
                red_line=0.1,
            ),
            _ts(
                "Model calls per minute",
                "Chat-model calls per minute by model and outcome: ok, error, timeout, "
                "rate_limited, cancelled (Ctrl-C).",
                [
                    promql(
                        "sum by (model, outcome) (rate(homer_model_call_duration_seconds_count"
                        "[$__rate_interval])) * 60",
                        "{{model}} {{outcome}}",
                    )
                ],
                "opm",
                stacked=True,
            ),
            _ts(
                "Tokens per minute",
                "Prompt and completion tokens per minute, by model.",
                [
                    promql(
                        "sum by (model, kind) (rate(homer_model_tokens_total[$__rate_interval]))"
                        " * 60",
                        "{{model}} {{kind}}",
                    )
                ],
                "short",
                stacked=True,
            ).axis_label("tokens/min"),
            _ts(
                "Tool calls per minute",
                "Tool calls by tool and outcome (invalid: arguments refused by the tool's "
                "schema). Tool names the agent does not know are counted as 'unknown'.",
                [
                    promql(
                        "sum by (tool, outcome) (rate(homer_tool_calls_total[$__rate_interval]))"
                        " * 60",
                        "{{tool}} {{outcome}}",
                    )
                ],
                "opm",
                stacked=True,
            ),
            _ts(
                "Hand-offs by reason",
                "Conversations handed to a human: hostile lead, opt-out or asked for a person.",
                [
                    promql(
                        "sum by (reason) (increase(homer_handoffs_total[$__rate_interval]))",
                        "{{reason}}",
                    )
                ],
                "short",
                bars=True,
                stacked=True,
            ),
        ],
    )


def _agent_fallback() -> Row:
    """The row "Model fallback" and its panels."""
    return Row(
        "Model fallback (sampled: Prometheus)",
        [
            _light(
                "Provider circuit",
                "The circuit breaker in front of the model provider (worst over the agents): "
                "closed, the LLM answers; OPEN, turns go straight to the offline model for "
                "HOMER_CIRCUIT_COOLDOWN; half-open, one probe turn is trying the provider. "
                "Agents running the offline model alone show closed.",
                "max(homer_model_circuit_state)",
                "circuit",
                "none",
                orange=1,
                red=2,
                span=6,
                height=8,
            ).mappings(CIRCUIT),
            _light(
                "Fallback share (10m)",
                "Share of turns the offline model answered because the provider could not, "
                "over 10 minutes; the alert fires above 20%.",
                FALLBACK_SHARE,
                "fallback share",
                "percentunit",
                orange=0.05,
                red=0.2,
                span=6,
                height=8,
            ),
            _ts(
                "Fallbacks per minute by reason",
                "Turns the offline model answered instead of the provider: how the provider "
                "failed after its retries (timeout, rate_limit, server_error, connection, "
                "auth, other), or circuit_open when the breaker skipped it.",
                [
                    promql(
                        "sum by (reason) (rate(homer_model_fallbacks_total[$__rate_interval]))"
                        " * 60",
                        "{{reason}}",
                    )
                ],
                "opm",
                stacked=True,
            ),
        ],
    )


def _agent_mood() -> Row:
    """The row "Mood" and its panels."""
    return Row(
        "Mood (sampled: Prometheus)",
        [
            _ts(
                "Sentiment of human messages",
                "Median and 10th percentile of the VADER compound score (-1 to 1) of human "
                "messages, from the histogram buckets, and the share of clearly negative "
                "messages (score at most -0.5). A histogram with negative buckets exports no "
                "_sum, so there is no mean here; the leads dashboard has it from turns.",
                [
                    promql(_quantile(0.5, SENTIMENT_BUCKETS), "median"),
                    promql(_quantile(0.1, SENTIMENT_BUCKETS), "p10", "B"),
                    promql(
                        'sum(rate(homer_sentiment_compound_bucket{le="-0.5"}[$__rate_interval]))'
                        " / sum(rate(homer_sentiment_compound_count[$__rate_interval]))",
                        "negative share",
                        "C",
                    ),
                ],
                "none",
                span=24,
            )
            .min(-1)
            .max(1),
        ],
    )


def _agent_broker_notifications() -> Row:
    """The row of the brokers' webhook outbox (Prometheus); last, so the ids above stay."""
    return Row(
        "Broker notifications (sampled: Prometheus)",
        [
            _ts(
                "Broker notifications unsent",
                "Events for the brokers' webhook (hand-offs, calls booked, moved or cancelled, "
                "hot leads) not yet accepted by HOMER_BROKER_WEBHOOK_URL: pending ones are "
                "retried with backoff after turns and every 30 s by serve; failed ones gave up "
                "and wait for `homer-agent notify sync`. Zero without a webhook. "
                "BrokerNotificationsStuck fires after 30 minutes unsent.",
                [
                    promql("max(homer_broker_notifications_pending)", "pending"),
                    promql("max(homer_broker_notifications_failed)", "failed", "B"),
                ],
                "short",
                span=24,
            ),
        ],
    )


HTTP_CLIENT_ROUTES = 'route=~"/v1/.*|/webhooks/.*"'


def _http_class(digit: str) -> str:
    return (
        f'sum(rate(homer_http_requests_total{{status=~"{digit}.."}}[$__rate_interval])) * 60'
        " or vector(0)"
    )


HTTP_5XX_SHARE = (
    f'(sum(rate(homer_http_requests_total{{status=~"5..",{HTTP_CLIENT_ROUTES}}}[5m]))'
    " or vector(0))"
    f" / sum(rate(homer_http_requests_total{{{HTTP_CLIENT_ROUTES}}}[5m]))"
)


def _agent_http() -> Row:
    """The row of the service's HTTP requests (Prometheus, `homer-agent serve`)."""
    return Row(
        "HTTP API (sampled: Prometheus, serve)",
        [
            _light(
                "HTTP 5xx share (5m)",
                "Share of client requests (/v1/..., /webhooks/...) answered 5xx over 5 "
                "minutes: 503 database unavailable, 502/504 model, 500 a bug. The alert "
                "AgentHttpServerErrorsHigh fires above 5% with at least 20 requests. "
                "Probes (/readyz, /healthz) and scrapes (/metrics) are left out.",
                HTTP_5XX_SHARE,
                "5xx share",
                "percentunit",
                orange=0.01,
                red=0.05,
                span=6,
                height=8,
            ),
            _ts(
                "HTTP requests by status class",
                "Requests per minute the service answered, by status class: 2xx, 4xx (400 "
                "bad input, 401 token, 404 unknown lead, 409 busy or conflicting message_id, "
                "413 too long), 5xx (503 database, 502/504 model, 500 a bug). Every route, "
                "probes and scrapes included; a 503 also counts as a database error.",
                [
                    promql(_http_class(digit), f"{digit}xx", ref)
                    for digit, ref in (("2", "A"), ("3", "B"), ("4", "C"), ("5", "D"))
                ],
                "opm",
                span=18,
                stacked=True,
            ),
        ],
    )


def _agent_calendar() -> Row:
    """The row of the brokers' calendar (Prometheus)."""
    return Row(
        "Calendar (sampled: Prometheus)",
        [
            _light(
                "Calendar conflicts (1h)",
                "Pending calls a push did not write because their time is now busy in the "
                "brokers' calendar (booked while it could not be asked). Each stays pending "
                "until rescheduled; AgentCalendarConflicts fires on any. Counted by chat and "
                "serve; `calls sync` says it in its output and exits 1.",
                "sum(increase(homer_calendar_conflicts_total[1h]))",
                "conflicts",
                "short",
                red=1,
                span=6,
                height=4,
            ),
        ],
    )


def _transformation(kind: str, options: dict[str, object]) -> DataTransformerConfig:
    return DataTransformerConfig(id_val=kind, options=options)


# --- homer-leads -------------------------------------------------------------------------

LEADS_BY_TEMPERATURE_SQL = """
    SELECT t::text AS "temperature", count(l.id) AS "leads"
    FROM unnest(enum_range(NULL::lead_temperature)) AS t
    LEFT JOIN leads AS l ON l.temperature = t
    GROUP BY t
    ORDER BY t
"""

FUNNEL_SQL = """
    WITH f AS (
        SELECT count(*) AS started,
               count(*) FILTER (WHERE name IS NOT NULL) AS named,
               count(*) FILTER (WHERE name IS NOT NULL AND bedrooms IS NOT NULL) AS bedrooms,
               count(*) FILTER (WHERE name IS NOT NULL AND bedrooms IS NOT NULL
                                  AND neighborhood IS NOT NULL) AS neighborhood,
               count(*) FILTER (WHERE name IS NOT NULL AND bedrooms IS NOT NULL
                                  AND neighborhood IS NOT NULL
                                  AND budget_brl IS NOT NULL) AS budget,
               count(*) FILTER (WHERE name IS NOT NULL AND bedrooms IS NOT NULL
                                  AND neighborhood IS NOT NULL AND budget_brl IS NOT NULL
                                  AND call_at IS NOT NULL) AS call
        FROM leads
        WHERE $__timeFilter(created_at)
    )
    SELECT s.step AS "step", s.leads AS "leads"
    FROM f
    CROSS JOIN LATERAL (VALUES
        (1, '1 started', f.started),
        (2, '2 name', f.named),
        (3, '3 bedrooms', f.bedrooms),
        (4, '4 neighborhood', f.neighborhood),
        (5, '5 budget', f.budget),
        (6, '6 call scheduled', f.call)
    ) AS s (ord, step, leads)
    ORDER BY s.ord
"""

CALLS_PER_DAY_SQL = f"""
    SELECT to_char(d.day, 'YYYY-MM-DD') AS "day", count(l.id) AS "calls"
    FROM generate_series(
        date_trunc('day', now() AT TIME ZONE '{LEADS_TZ}') - interval '7 days',
        date_trunc('day', now() AT TIME ZONE '{LEADS_TZ}') + interval '14 days',
        interval '1 day'
    ) AS d (day)
    LEFT JOIN leads AS l
        ON l.call_at AT TIME ZONE '{LEADS_TZ}' >= d.day
       AND l.call_at AT TIME ZONE '{LEADS_TZ}' < d.day + interval '1 day'
    GROUP BY d.day
    ORDER BY d.day
"""

UPCOMING_CALLS_SQL = """
    SELECT l.call_at AS "call at",
           l.name AS "name",
           l.temperature::text AS "temperature",
           l.bedrooms AS "bedrooms",
           l.neighborhood AS "neighborhood",
           l.budget_brl AS "budget (BRL)"
    FROM leads AS l
    WHERE l.call_at >= now()
    ORDER BY l.call_at
    LIMIT 50
"""

NEW_LEADS_SQL = """
    SELECT $__timeGroupAlias(created_at, '1h'),
           count(*) FILTER (WHERE temperature = 'cold') AS "cold",
           count(*) FILTER (WHERE temperature = 'warm') AS "warm",
           count(*) FILTER (WHERE temperature = 'hot') AS "hot"
    FROM leads
    WHERE $__timeFilter(created_at)
    GROUP BY 1
    ORDER BY 1
"""

MOOD_SQL = """
    SELECT $__timeGroupAlias(started_at, '10m'),
           avg(sentiment) AS "mean sentiment",
           percentile_cont(0.1) WITHIN GROUP (ORDER BY sentiment) AS "p10 sentiment",
           avg(CASE WHEN sentiment <= -0.5 THEN 1.0 ELSE 0.0 END) AS "negative share"
    FROM turns
    WHERE $__timeFilter(started_at)
    GROUP BY 1
    ORDER BY 1
"""

HANDOFFS_SQL = """
    SELECT coalesce(l.handoff_reason, 'none') AS "reason", count(*) AS "leads"
    FROM leads AS l
    WHERE l.handoff_at IS NOT NULL AND $__timeFilter(l.handoff_at)
    GROUP BY 1
    ORDER BY 2 DESC
"""

TOTALS_SQL = """
    SELECT count(*) AS "leads",
           count(*) FILTER (WHERE $__timeFilter(created_at)) AS "new in range",
           count(*) FILTER (WHERE temperature = 'hot') AS "hot",
           count(*) FILTER (WHERE call_at >= now()) AS "calls ahead"
    FROM leads
"""


def leads_dashboard() -> dash.Dashboard:
    return _with_rows(
        _dashboard(
            "homer-leads",
            "Homer · Leads",
            "Leads and conversations, read from the agent's PostgreSQL tables leads and turns.",
        ),
        [
            Row(
                "Leads",
                [
                    _stat(
                        "Leads",
                        "All leads, leads created in the time range, hot leads, calls still ahead.",
                        Sql(TOTALS_SQL),
                        "short",
                        ds=POSTGRES,
                        span=12,
                        height=5,
                    )
                    .color_mode(common.BigValueColorMode.VALUE)
                    .text_mode(common.BigValueTextMode.VALUE_AND_NAME),
                    _bars(
                        "Leads by temperature",
                        "How close leads are to buying, as the agent judged it.",
                        LEADS_BY_TEMPERATURE_SQL,
                        labels=("temperature", "leads"),
                        height=5,
                    )
                    .override_by_name("cold", [_fixed_color("blue")])
                    .override_by_name("warm", [_fixed_color("orange")])
                    .override_by_name("hot", [_fixed_color("red")]),
                    _bars(
                        "Qualification funnel",
                        "Leads created in the time range that gave their name, then bedrooms, "
                        "neighbourhood, budget, and that have a call scheduled (each step includes "
                        "the previous ones).",
                        FUNNEL_SQL,
                        labels=("step", "leads"),
                        gradient=True,
                        steps=((None, "green"),),
                    ).show_unfilled(True),
                    barchart.Panel()
                    .title("Calls scheduled per day")
                    .description(
                        f"Broker calls by day ({LEADS_TZ}), from 7 days ago to 14 days ahead; "
                        "independent of the time range."
                    )
                    .datasource(POSTGRES)
                    .unit("short")
                    .span(12)
                    .height(8)
                    .x_field("day")
                    .x_tick_label_rotation(-45)
                    .show_value(common.VisibilityMode.AUTO)
                    .thresholds(thresholds((None, "purple")))
                    .with_target(Sql(CALLS_PER_DAY_SQL)),
                    _sql_ts(
                        "New leads per hour",
                        "Leads created per hour, by their temperature now.",
                        NEW_LEADS_SQL,
                        "short",
                        bars=True,
                        stacked=True,
                    ),
                    _bars(
                        "Hand-offs by reason (range)",
                        "Leads whose last hand-off happened in the time range, by reason.",
                        HANDOFFS_SQL,
                        labels=("reason", "leads"),
                        steps=((None, "orange"),),
                    ),
                ],
            ),
            Row(
                "Conversations",
                [
                    _sql_ts(
                        "Mood over time",
                        "VADER compound score of the human messages (turns.sentiment), per 10 "
                        "minutes: mean, 10th percentile, and share of clearly negative messages.",
                        MOOD_SQL,
                        "none",
                        span=24,
                    )
                    .min(-1)
                    .max(1),
                    table.Panel()
                    .title("Upcoming calls")
                    .description("The next 50 scheduled broker calls.")
                    .datasource(POSTGRES)
                    .span(24)
                    .height(8)
                    .override_by_name("call at", [_prop("unit", "dateTimeAsLocal")])
                    .override_by_name("budget (BRL)", [_prop("unit", "currencyBRL")])
                    .with_target(Sql(UPCOMING_CALLS_SQL)),
                ],
            ),
        ],
    )


def _fixed_color(color: str) -> DynamicConfigValue:
    return _prop("color", {"mode": "fixed", "fixedColor": color})


def _rows_to_fields(name_field: str, value_field: str) -> Any:
    """One bar per row: turn (label, value) rows into one field per label."""
    return _transformation(
        "rowsToFields",
        {
            "mappings": [
                {"fieldName": name_field, "handlerKey": "field.name"},
                {"fieldName": value_field, "handlerKey": "field.value"},
            ]
        },
    )


# --- output ------------------------------------------------------------------------------

DASHBOARDS: dict[str, Callable[[], dash.Dashboard]] = {
    "postgres.json": postgres_dashboard,
    "agent.json": agent_dashboard,
    "leads.json": leads_dashboard,
}


def render(builder: dash.Dashboard) -> str:
    """The dashboard as stable, diff-friendly JSON (sorted keys, two-space indent)."""
    model: dict[str, Any] = json.loads(json.dumps(builder.build(), cls=JSONEncoder))
    model["annotations"] = model.get("annotations") or {"list": []}
    model["templating"] = model.get("templating") or {"list": []}
    model["id"] = None
    model["version"] = 1
    return json.dumps(model, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def rendered() -> dict[str, str]:
    return {name: render(make()) for name, make in DASHBOARDS.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="fail if the JSON files are stale")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output directory")
    args = parser.parse_args(argv)
    stale = []
    for name, text in rendered().items():
        path: Path = args.out / name
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        if args.check:
            stale.append(name)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    if stale:
        print(
            "stale dashboards: " + ", ".join(stale) + " (run: uv run python tools/dashboards.py)",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
