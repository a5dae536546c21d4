"""The monitoring stack for real: every dashboard and alert query against live data.

A module-scoped fixture builds, on the test PostgreSQL, what docker-compose.yaml builds:

- a database named ``homer`` (the dashboards select ``datname="homer"``) with the roles of
  docker/postgres/initdb (the real ``10-homer-roles.sh`` runs, through psql), the schema
  migrated as the agent's role ``homer``;
- two ``homer-agent chat --session K`` processes with the offline model, each serving
  ``/metrics`` on a free port: the two targets of the ``homer-agent`` job (``deployment``
  compose and host). One is a lead who gets qualified (tool calls, a refused past call time,
  a call booked for Monday, a happy message); the other turns hostile and asks for a
  person (two hand-offs);
- the Debian ``prometheus-postgres-exporter`` as ``homer_exporter``, configured like the
  compose service (DATA_SOURCE_URI, DATA_SOURCE_USER, DATA_SOURCE_PASS, queries.yaml);
- the Debian ``prometheus-alertmanager`` with the configuration docker/alertmanager/
  render-config.sh writes, its webhook the default receiver docker/alertmanager/alert_log.py;
- short ``homer-agent chat`` processes against a scripted OpenAI-compatible server, over
  before any scrape: their turns are only in the turns table, which the exact-count panels
  read, and each such panel must equal what happened;
- the Debian ``prometheus`` with docker/prometheus/prometheus.yml itself, only its target
  addresses swapped for the local ports and its intervals shortened to 1 s, and
  docker/prometheus/alerts.yml beside it.

The agents are scraped once before they hear anything, then the conversations run, then the
fixture waits until every target has been scraped again, so every ``rate()`` sees counters
move. Then each PromQL expression of the dashboards (tests/support/monitoring_exprs.py, Grafana's
variables replaced as Grafana would: ``$__rate_interval`` 5m, ``$__range`` 6h) and of the
alerts is evaluated through ``/api/v1/query`` at one fixed instant, and each panel's SQL runs
as the read-only ``homer_grafana`` role. Each query is its own test case; each prints what came
back (``pytest -rP`` shows it).

Skips only where one of the three binaries is absent
(`.ci/run` installs them with apt-get). Whole module: about 80 s.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote, urlsplit, urlunsplit

import httpx
import psycopg
import pytest
import yaml
from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import with_dbname
from tests.support import monitoring_exprs
from tests.support.cli import clean_environ
from tests.support.databases import migrate_database
from tests.support.fake_openai import Error, FakeOpenAI, Text, ToolCalls, call
from tests.support.roles import ROLES, run_roles_script
from tests.support.system import free_port, wait_until

ROOT = Path(__file__).resolve().parents[2]
PROMETHEUS_DIR = ROOT / "docker" / "prometheus"
PROMETHEUS_CONFIG = PROMETHEUS_DIR / "prometheus.yml"
ALERTS = PROMETHEUS_DIR / "alerts.yml"
DOCS_URL = "https://github.com/homer-agent/homer-agent/blob/main/docs"  # render-rules.sh
EXPORTER_QUERIES = ROOT / "docker" / "postgres-exporter" / "queries.yaml"
ALERTMANAGER_DIR = ROOT / "docker" / "alertmanager"

BINARIES = ("prometheus", "prometheus-postgres-exporter", "prometheus-alertmanager")
MISSING = [name for name in BINARIES if shutil.which(name) is None]

pytestmark = [
    pytest.mark.skipif(
        bool(MISSING),
        reason=(
            f"{' and '.join(MISSING)} not installed: the monitoring integration test needs the "
            "real binaries (Debian packages prometheus, prometheus-postgres-exporter and "
            "prometheus-alertmanager; .ci/run installs them)"
        ),
    ),
    pytest.mark.timeout(180),
]

DB = "homer"  # The dashboards' PromQL selects datname="homer", as in compose.
SCRAPE_INTERVAL = "1s"
START_TIMEOUT = 30.0  # Agents, exporter and Prometheus up, every target scraped.
STEP_TIMEOUT = 20.0  # Conversations answered; every target scraped again.

# One lead who gets qualified; one who turns hostile and asks for a person. Together they
# cover tool calls (ok and invalid), both routes, all moods and the SQL panels: a call
# booked for Monday, a hand-off, leads of two temperatures, turns with sentiment.
CONVERSATIONS: dict[str, list[str]] = {
    "monitoring-marina": [
        "Olá!",
        "Meu nome é Marina Souza",
        "Procuro uma casa com 3 quartos",
        "Quero no bairro Aldeota",
        "Meu orçamento é de 900 mil reais",
        "Pode ligar no dia 10/02/2020 às 15h",  # in the past: schedule_call refuses it
        "Pode ser segunda às 10h",
        "Adorei, o empreendimento é maravilhoso, muito obrigada!",
        "Tem academia?",
    ],
    "monitoring-carlos": [
        "Oi, sou o Carlos",
        "Que atendimento horrível, vocês são péssimos, um lixo",  # hand-off: hostile
        "Quero falar com um humano",  # hand-off: human
    ],
}

# Short CLI processes, each over before Prometheus could scrape it (metrics port 0): their
# turns exist only in the turns table. They talk to a scripted OpenAI-compatible server, so
# what happened is known from the script and the server's request log, not from the agent.
SHORT_SESSIONS: dict[str, list[str]] = {
    "monitoring-short-ana": ["Oi, sou a Ana", "Quero 99 quartos"],
    "monitoring-short-bia": ["Olá"],  # the provider fails: a failed turn, kind "model"
    "monitoring-short-caio": ["Bom dia", "Tudo bem?"],
}
SHORT_SCRIPT: tuple[Text | ToolCalls | Error, ...] = (
    ToolCalls(call("update_lead_name", name="Ana"), usage=(210, 12)),
    Text("Prazer, Ana! Quantos quartos?", usage=(240, 6)),
    ToolCalls(call("update_bedrooms", bedrooms=99), usage=(250, 9)),  # refused: 1 to 10
    Text("Temos casas de 2 a 4 quartos.", usage=(280, 7)),
    Error(500, retry_after=0.01),
    Text("Bom dia! Como posso te chamar?", usage=(150, 7)),
    Text("Tudo ótimo! E você?", usage=(170, 5)),
)

# prometheus.yml's targets, as compose names them, and which local process stands in.
TARGET_STAND_INS = {
    "localhost:9090": "prometheus",
    "alertmanager:9093": "alertmanager",
    "postgres-exporter:9187": "exporter",
    "agent:9464": "monitoring-marina",
    "host.docker.internal:9464": "monitoring-carlos",
}

# prometheus.yml's DNS-discovered jobs (one address per compose replica), and the local
# process that stands in for the replicas.
DNS_STAND_INS = {"api": "api"}

T = TypeVar("T")


# ---------------------------------------------------------------- helpers


def role_url(server_url: str, user: str, password: str, dbname: str) -> str:
    """The test server's URL for another role and database (same host, port and query)."""
    parts = urlsplit(server_url)
    hostport = parts.netloc.rpartition("@")[2]
    netloc = f"{quote(user, safe='')}:{quote(password, safe='')}@{hostport}"
    return urlunsplit(parts._replace(netloc=netloc, path="/" + dbname))


def http_get(url: str, timeout: float = 5.0) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return bytes(response.read())


@dataclass
class Process:
    """A child process whose output goes to a log file, for failure messages."""

    name: str
    popen: subprocess.Popen[bytes]
    log: Path

    def tail(self, lines: int = 25) -> str:
        try:
            text = self.log.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return f"--- {self.name} ({self.log}) ---\n" + "\n".join(text.splitlines()[-lines:])

    def check_alive(self) -> None:
        code = self.popen.poll()
        if code is not None:
            pytest.fail(f"{self.name} exited with status {code}\n{self.tail()}")

    def stop(self, timeout: float = 10.0) -> None:
        if self.popen.poll() is None:
            self.popen.terminate()
            try:
                self.popen.wait(timeout)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait(timeout)


def spawn(
    name: str, argv: list[str], env: dict[str, str], logs: Path, *, stdin: bool = False
) -> Process:
    log = logs / f"{name}.log"
    with log.open("wb") as out:
        popen = subprocess.Popen(
            argv,
            stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=logs,
        )
    return Process(name, popen, log)


def wait_for(
    what: str,
    probe: Callable[[], T | None],
    timeout: float,
    processes: list[Process],
) -> T:
    """Poll ``probe`` until it returns something truthy; fail naming ``what``, with the
    processes' logs, otherwise (or as soon as one of them exits)."""

    def alive() -> None:
        for process in processes:
            process.check_alive()

    return wait_until(
        what,
        probe,
        timeout,
        not_yet=(OSError, ValueError, KeyError, psycopg.Error),
        alive=alive,
        details=lambda: "\n".join(process.tail() for process in processes),
        interval=0.2,
    )


@dataclass
class Stack:
    prometheus_url: str
    grafana_db_url: str
    superuser_db_url: str
    alertmanager_url: str = ""
    alert_log: Path | None = None
    eval_time: float = 0.0
    # What happened, counted outside the turns table: messages sent, the long-running
    # agents' own counters read from their /metrics, the short sessions' script.
    truth: dict[str, float] = field(default_factory=dict)
    errors_by_kind: dict[str, float] = field(default_factory=dict)

    def query(self, expr: str, *, now: bool = False) -> dict[str, Any]:
        """``/api/v1/query`` at the fixed evaluation instant (or now); the whole JSON answer."""
        params = {"query": expr} if now else {"query": expr, "time": f"{self.eval_time:.3f}"}
        try:
            body = http_get(f"{self.prometheus_url}/api/v1/query?{urllib.parse.urlencode(params)}")
        except urllib.error.HTTPError as exc:  # 400/422: a bad expression
            body = exc.read()
        answer: dict[str, Any] = json.loads(body)
        return answer

    def vector(self, expr: str, *, now: bool = False) -> list[tuple[dict[str, str], float]]:
        """The instant vector ``expr`` evaluates to; fails on any error."""
        answer = self.query(expr, now=now)
        assert answer.get("status") == "success", f"{expr}\n-> {answer}"
        data = answer["data"]
        assert data["resultType"] == "vector", f"{expr}\n-> {data}"
        return [(sample["metric"], float(sample["value"][1])) for sample in data["result"]]


def superuser_of(server_url: str) -> str:
    """The role of the test server's URL (a superuser: it creates roles and databases).

    Fails, rather than reuse them, when the database ``homer`` or one of the roles already
    exists: the fixture drops them afterwards, so it must own them.
    """
    with psycopg.connect(server_url, autocommit=True) as conn:
        row = conn.execute("SELECT current_user").fetchone()
        taken = conn.execute(
            "SELECT datname FROM pg_database WHERE datname = %s "
            "UNION ALL SELECT rolname FROM pg_roles WHERE rolname = ANY(%s)",
            (DB, list(ROLES)),
        ).fetchall()
        if taken:
            pytest.fail(
                f"the test server already has {', '.join(row[0] for row in taken)}: this test "
                f"creates and drops the database {DB!r} and the roles {', '.join(ROLES)}, so it "
                "needs a scratch server (unset TEST_DATABASE_URL to use the embedded one)"
            )
    assert row is not None
    return str(row[0])


def create_homer_database(server_url: str, superuser: str, passwords: dict[str, str]) -> None:
    """Database ``homer`` and the compose roles, by the real init script (through psql)."""
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{DB}"')
    run_roles_script(server_url, DB, superuser, passwords)


def drop_homer_database(server_url: str) -> None:
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')
        for role in reversed(ROLES):
            conn.execute(f'DROP ROLE IF EXISTS "{role}"')


def prometheus_config(addresses: dict[str, str]) -> dict[str, Any]:
    """docker/prometheus/prometheus.yml with local addresses and 1 s intervals."""
    config: dict[str, Any] = yaml.safe_load(PROMETHEUS_CONFIG.read_text(encoding="utf-8"))
    config["global"].update(
        scrape_interval=SCRAPE_INTERVAL,
        scrape_timeout=SCRAPE_INTERVAL,
        evaluation_interval=SCRAPE_INTERVAL,
    )
    for job in config["scrape_configs"]:
        for static in job.get("static_configs", []):
            unknown = [t for t in static["targets"] if t not in TARGET_STAND_INS]
            assert not unknown, (
                f"prometheus.yml job {job['job_name']} scrapes {unknown}, which this test does "
                "not start: add a stand-in to TARGET_STAND_INS"
            )
            static["targets"] = [addresses[TARGET_STAND_INS[t]] for t in static["targets"]]
        discovered = job.pop("dns_sd_configs", [])
        if discovered:
            names = [name for sd in discovered for name in sd["names"]]
            unknown = [name for name in names if name not in DNS_STAND_INS]
            assert not unknown, f"prometheus.yml job {job['job_name']} discovers {unknown}"
            job["static_configs"] = [
                {"targets": [addresses[DNS_STAND_INS[name]] for name in names]}
            ]
    for manager in config["alerting"]["alertmanagers"]:
        for static in manager["static_configs"]:
            static["targets"] = [addresses[TARGET_STAND_INS[t]] for t in static["targets"]]
    return config


def agent_env(database_url: str, port: int, data_dir: Path) -> dict[str, str]:
    return clean_environ() | {
        "DATABASE_URL": database_url,
        "HOMER_MODEL": "offline",
        "HOMER_METRICS_PORT": str(port),
        "HOMER_METRICS_ADDR": "127.0.0.1",
        "HOMER_DATA_DIR": str(data_dir),
    }


def agent_counters(address: str) -> tuple[dict[str, float], dict[str, float]]:
    """What one running agent counted, read from its own /metrics (no scrape, no rate)."""
    truth: dict[str, float] = dict.fromkeys(EXACT_COLUMNS, 0.0)
    errors: dict[str, float] = {}
    text = http_get(f"http://{address}/metrics").decode()
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            name, labels, value = sample.name, sample.labels, sample.value
            if name == "homer_turns_total":
                truth["turns"] += value
                truth["hand-offs"] += value if labels["route"] == "handoff" else 0
                truth["failed turns"] += value if labels["outcome"] == "error" else 0
            elif name == "homer_model_call_duration_seconds_count":
                truth["model calls"] += value
                failed = labels["outcome"] in {"error", "timeout", "rate_limited"}
                truth["failed model calls"] += value if failed else 0
            elif name == "homer_model_tokens_total":
                truth[f"{labels['kind']} tokens"] += value
            elif name == "homer_tool_calls_total":
                truth["tool calls"] += value
                truth["refused tool calls"] += value if labels["outcome"] == "invalid" else 0
            elif name == "homer_errors_total":
                errors[labels["kind"]] = value
    return truth, errors


def run_short_sessions(exe: str, database_url: str, work: Path) -> dict[str, float]:
    """SHORT_SESSIONS as CLI processes, one after the other; what they did, by the script."""
    with FakeOpenAI() as provider:
        provider.script(*SHORT_SCRIPT)
        for key, messages in SHORT_SESSIONS.items():
            env = (
                agent_env(database_url, 0, work)
                | provider.env("fake-model")
                | {
                    "HOMER_MODEL_RETRIES": "0",
                    "HOMER_FALLBACK": "none",
                }
            )
            done = subprocess.run(
                [exe, "chat", "--session", key],
                input="".join(f"{m}\n" for m in messages),
                env=env,
                cwd=work,
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
            assert done.returncode == 0, f"{key}: {done.stdout}\n{done.stderr}"
        assert provider.pending() == 0, "the short sessions did not use the whole script"
        requests = len(provider.chat_requests)
    answered = [r for r in SHORT_SCRIPT if not isinstance(r, Error)]
    return {
        "turns": sum(len(m) for m in SHORT_SESSIONS.values()),
        "hand-offs": 0,
        "failed turns": sum(isinstance(r, Error) for r in SHORT_SCRIPT),
        "model calls": requests,
        "failed model calls": sum(isinstance(r, Error) for r in SHORT_SCRIPT),
        "prompt tokens": sum(r.usage[0] for r in answered if r.usage),
        "completion tokens": sum(r.usage[1] for r in answered if r.usage),
        "tool calls": sum(len(r.calls) for r in SHORT_SCRIPT if isinstance(r, ToolCalls)),
        "refused tool calls": 1,  # update_bedrooms(99): bedrooms are 1 to 10
    }


# The columns of the exact-count panels, each compared with what happened.
EXACT_COLUMNS = (
    "turns",
    "hand-offs",
    "failed turns",
    "model calls",
    "failed model calls",
    "prompt tokens",
    "completion tokens",
    "tool calls",
    "refused tool calls",
)


def client_requests(api: str) -> None:
    """Client requests to the API replica that run no turn (the exact panels count turns):
    unknown leads (404), a body that is not JSON (400); and the API's description (200)."""
    assert httpx.get(f"{api}/v1/leads/nobody-here", timeout=30).status_code == 404
    bad = httpx.post(f"{api}/v1/sessions/k/messages", content=b"{", timeout=30)
    assert bad.status_code == 400
    assert httpx.get(f"{api}/openapi.json", timeout=30).status_code == 200
    assert httpx.get(f"{api}/v1/leads/nobody-either", timeout=30).status_code == 404


def turns_recorded(superuser_db_url: str) -> dict[str, int]:
    with psycopg.connect(superuser_db_url) as conn:
        rows = conn.execute(
            "SELECT l.session_key, count(t.id) FROM homer.leads AS l "
            "LEFT JOIN homer.turns AS t ON t.lead_id = l.id GROUP BY 1"
        ).fetchall()
    return {str(key): int(count) for key, count in rows}


# ---------------------------------------------------------------- the stack


@pytest.fixture(scope="module")
def stack(server_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    work = tmp_path_factory.mktemp("monitoring")
    passwords = {role: secrets.token_hex(16) for role in ROLES}
    superuser = superuser_of(server_url)
    processes: list[Process] = []
    try:
        create_homer_database(server_url, superuser, passwords)
        agent_url = role_url(server_url, "homer", passwords["homer"], DB)
        # Migrate once, as the agent's role, before the two agents start.
        migrate_database(agent_url)

        ports = {
            name: free_port()
            for name in (
                "prometheus",
                "exporter",
                "alertmanager",
                "alert-log",
                "api",
                *CONVERSATIONS,
            )
        }
        addresses = {name: f"127.0.0.1:{port}" for name, port in ports.items()}

        exe = str(Path(sys.executable).with_name("homer-agent"))
        agents = {
            key: spawn(
                key,
                [exe, "chat", "--session", key],
                agent_env(agent_url, ports[key], work),
                work,
                stdin=True,
            )
            for key in CONVERSATIONS
        }
        processes += agents.values()
        # An API replica (`homer-agent serve`), scraped on its own port.
        processes.append(
            spawn(
                "api",
                [exe, "serve", "--port", str(ports["api"])],
                agent_env(agent_url, 0, work),
                work,
            )
        )

        # Like compose: DATA_SOURCE_URI is host[:port]/db?options, credentials apart. A Unix
        # socket has an empty host and ?host=/socket/dir, which lib/pq accepts.
        server = urlsplit(server_url)
        options = urllib.parse.parse_qsl(server.query)
        if not any(key == "sslmode" for key, _ in options):
            options.append(("sslmode", "disable"))
        exporter_env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "DATA_SOURCE_URI": f"{server.netloc.rpartition('@')[2]}/{DB}?"
            + urllib.parse.urlencode(options, safe="/"),
            "DATA_SOURCE_USER": "homer_exporter",
            "DATA_SOURCE_PASS": passwords["homer_exporter"],
        }
        processes.append(
            spawn(
                "exporter",
                [
                    "prometheus-postgres-exporter",
                    f"--web.listen-address={addresses['exporter']}",
                    "--log.level=warn",
                    # As in compose: per-table statistics, and no bgwriter collector (0.11
                    # reads pg_stat_bgwriter columns PostgreSQL 17 moved).
                    f"--extend.query-path={EXPORTER_QUERIES}",
                    "--no-collector.bgwriter",
                ],
                exporter_env,
                work,
            )
        )

        # Alertmanager as compose starts it: render-config.sh writes its configuration from
        # the environment; its webhook is alert_log.py, compose's default receiver.
        processes.append(
            spawn(
                "alert-log",
                [sys.executable, str(ALERTMANAGER_DIR / "alert_log.py")],
                {
                    "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                    "ALERT_LOG_ADDR": "127.0.0.1",
                    "ALERT_LOG_PORT": str(ports["alert-log"]),
                },
                work,
            )
        )
        alertmanager_config = work / "alertmanager.yml"
        rendered = subprocess.run(
            ["sh", str(ALERTMANAGER_DIR / "render-config.sh")],
            env={
                "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                "ALERTMANAGER_CONFIG": str(alertmanager_config),
                "ALERTMANAGER_WEBHOOK_URL": f"http://{addresses['alert-log']}/",
                "ALERTMANAGER_GROUP_WAIT": "1s",
            },
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        assert rendered.returncode == 0, rendered.stderr
        processes.append(
            spawn(
                "alertmanager",
                [
                    "prometheus-alertmanager",
                    f"--config.file={alertmanager_config}",
                    f"--storage.path={work / 'alertmanager-data'}",
                    f"--web.listen-address={addresses['alertmanager']}",
                    "--cluster.listen-address=",
                    "--log.level=warn",
                ],
                {"PATH": os.environ.get("PATH", "/usr/bin:/bin")},
                work,
            )
        )

        config_dir = work / "prometheus"
        config_dir.mkdir()
        shutil.copy(ALERTS, config_dir / ALERTS.name)  # rule_files: [alerts.yml], relative
        config_file = config_dir / "prometheus.yml"
        config_file.write_text(yaml.safe_dump(prometheus_config(addresses)), encoding="utf-8")
        processes.append(
            spawn(
                "prometheus",
                [
                    "prometheus",
                    f"--config.file={config_file}",
                    f"--storage.tsdb.path={work / 'tsdb'}",
                    f"--web.listen-address={addresses['prometheus']}",
                    "--log.level=warn",
                ],
                {"PATH": os.environ.get("PATH", "/usr/bin:/bin")},
                work,
            )
        )

        prometheus_url = f"http://{addresses['prometheus']}"
        stack = Stack(
            alertmanager_url=f"http://{addresses['alertmanager']}",
            alert_log=work / "alert-log.log",
            prometheus_url=prometheus_url,
            grafana_db_url=role_url(server_url, "homer_grafana", passwords["homer_grafana"], DB),
            superuser_db_url=with_dbname(server_url, DB),
        )
        expected_targets = sum(
            len(static["targets"])
            for job in prometheus_config(addresses)["scrape_configs"]
            for static in job.get("static_configs", [])
        )

        def all_targets_up() -> bool:
            answer = json.loads(http_get(f"{prometheus_url}/api/v1/targets?state=active"))
            active = answer["data"]["activeTargets"]
            return len(active) == expected_targets and all(t["health"] == "up" for t in active)

        wait_for("every Prometheus target to be up", all_targets_up, START_TIMEOUT, processes)
        client_requests(f"http://{addresses['api']}")

        # Scraped at rest; now the conversations, stdin left open so the agents keep serving.
        for key, messages in CONVERSATIONS.items():
            stdin = agents[key].popen.stdin
            assert stdin is not None
            stdin.write("".join(f"{m}\n" for m in messages).encode())
            stdin.flush()
        expected_turns = {key: len(messages) for key, messages in CONVERSATIONS.items()}
        wait_for(
            f"the agents to record their turns {expected_turns}",
            lambda: turns_recorded(stack.superuser_db_url) == expected_turns,
            STEP_TIMEOUT,
            processes,
        )

        # What the long-running agents counted, straight from their /metrics.
        for key in CONVERSATIONS:
            counted, errors = agent_counters(addresses[key])
            for column, value in counted.items():
                stack.truth[column] = stack.truth.get(column, 0.0) + value
            for kind, value in errors.items():
                stack.errors_by_kind[kind] = stack.errors_by_kind.get(kind, 0.0) + value
        assert stack.truth["turns"] == sum(len(m) for m in CONVERSATIONS.values())
        # Then the short sessions, which only the turns table sees.
        short = run_short_sessions(exe, agent_url, work)
        for column, value in short.items():
            stack.truth[column] += value
        stack.errors_by_kind["model"] = stack.errors_by_kind.get("model", 0.0) + 1

        # Client requests to the API replica, the second round (the first made the series
        # exist before the chat, so rates see these as increases).
        client_requests(f"http://{addresses['api']}")

        # Every target scraped, and every rule evaluated, after the last turn.
        talked = time.time() + 0.5

        def scraped_since() -> bool:
            stamps = [value for _, value in stack.vector("timestamp(up)", now=True)]
            return len(stamps) == expected_targets and min(stamps) > talked

        wait_for("a scrape of every target after the chat", scraped_since, STEP_TIMEOUT, processes)
        time.sleep(1.5)  # One more scrape and rule evaluation, so rates span the whole chat.
        stack.eval_time = time.time()
        yield stack
    finally:
        for process in processes:
            stdin = process.popen.stdin
            if stdin is not None and not stdin.closed:
                stdin.close()  # End of input: the chat exits on its own.
        for process in processes:
            if process.popen.stdin is not None:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.popen.wait(10)
            process.stop()
        drop_homer_database(server_url)


# ---------------------------------------------------------------- test cases


def _panel_names(uid: str, key: str, expand: Callable[[str], str]) -> dict[str, str]:
    """query -> "dashboard/panel title[/legend]" of the first panel that runs it."""
    names: dict[str, str] = {}
    for file_name, dashboard in monitoring_exprs.dashboards().items():
        for panel, target in monitoring_exprs.targets(dashboard):
            if monitoring_exprs.target_datasource(panel, target).get("uid") != uid:
                continue
            name = f"{Path(file_name).stem}/{panel.get('title', '?')}"
            if len(panel.get("targets", [])) > 1:
                name += f"/{target.get('legendFormat') or target.get('refId', '?')}"
            names.setdefault(expand(str(target[key])), name)
    return names


def _promql_cases() -> list[Any]:
    names = _panel_names(
        monitoring_exprs.PROMETHEUS_UID, "expr", monitoring_exprs.expand_grafana_promql
    )
    return [
        pytest.param(expr, id=names.get(expr, expr)) for expr in monitoring_exprs.dashboard_promql()
    ]


def _sql_cases() -> list[Any]:
    names = _panel_names(monitoring_exprs.POSTGRES_UID, "rawSql", lambda sql: sql)
    return [pytest.param(sql, id=names.get(sql, sql)) for sql in monitoring_exprs.dashboard_sql()]


def _alert_names() -> list[str]:
    rules = yaml.safe_load(ALERTS.read_text(encoding="utf-8"))
    return [str(r["alert"]) for g in rules["groups"] for r in g["rules"] if "alert" in r]


# Every alert states a failure. In this healthy run each must be quiet (its expression
# returns nothing) while the quantity it compares returns data, on the right side of the
# threshold. Why each is quiet here:
QUIET_BECAUSE = {
    "PostgresDown": "the exporter reaches PostgreSQL: pg_up is 1",
    "PostgresExporterDown": "Prometheus scrapes the exporter: up is 1",
    "PostgresExporterScrapeErrors": "the exporter's queries, queries.yaml's included, succeed",
    "PostgresTooManyConnections": "a handful of connections out of max_connections",
    "PostgresDeadlocks": "turns of different leads take different advisory locks",
    "PostgresRollbackRatioHigh": "too few transactions for the 100-transaction minimum",
    "PostgresLongTransaction": "every turn's transaction lasts milliseconds",
    "PostgresIdleInTransaction": "no session waits inside a transaction",
    "PostgresDeadTuplesHigh": "no table has 10,000 dead rows",
    "PostgresTableGrowingFast": "a few kilobytes written, far below 512 MiB an hour",
    "AgentErrorRateHigh": "no turn fails (a refused call time is a tool outcome, not an error)",
    "AgentTurnLatencyHigh": "offline turns take milliseconds, far below 15 s",
    "AgentDatabaseErrors": "every turn is recorded: no database error",
    "AgentHandoffSpike": "2 of the 12 turns are hand-offs, about 17% (< 25%)",
    "AgentModelCallLatencyHigh": "offline model calls take milliseconds",
    "AgentModelErrorRateHigh": "the offline model never fails",
    "AlertmanagerDown": "Prometheus scrapes Alertmanager: up is 1",
    "AlertmanagerNotificationsFailing": "nothing was sent, so nothing failed",
    "PrometheusNotificationsFailing": "Prometheus reaches Alertmanager",
    "PrometheusRuleEvaluationFailures": "every rule evaluates",
    "AgentFallbackShareHigh": "offline agents have no provider to fail: no turn falls back",
    "AgentHttpServerErrorsHigh": "the API replica answered its client requests 200, 404, 400",
    "AgentCalendarConflicts": "no calendar is configured: nothing is pushed",
    "BrokerNotificationsStuck": "no broker webhook is set: no notification is ever unsent",
}

_COMPARISON = re.compile(
    r"^(?P<lhs>.*\S)\s*(?P<op>==|!=|>=|<=|>|<)\s*(?P<value>-?[0-9.]+)\s*$", re.S
)
_OPS: dict[str, Callable[[float, float], bool]] = {
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    ">=": lambda a, b: a >= b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    "<": lambda a, b: a < b,
}


def _show(samples: list[tuple[dict[str, str], float]]) -> str:
    if not samples:
        return "(empty)"
    parts = []
    for labels, value in samples:
        shown = {k: v for k, v in labels.items() if k not in {"stack", "job", "instance"}}
        parts.append(f"{shown or '{}'}={value:.4g}")
    return "; ".join(parts)


@pytest.mark.parametrize("expr", _promql_cases())
def test_dashboard_promql_returns_data(stack: Stack, expr: str) -> None:
    samples = stack.vector(expr)
    print(f"{expr}\n  -> {_show(samples)}")
    assert samples, f"no data for a dashboard query:\n{expr}"
    assert any(math.isfinite(value) for _, value in samples), (
        f"only NaN/Inf for a dashboard query (nothing moved during the run):\n{expr}\n"
        f"-> {_show(samples)}"
    )


def test_every_alert_is_explained_here() -> None:
    assert set(_alert_names()) == set(QUIET_BECAUSE), "update QUIET_BECAUSE for the new alerts"
    assert len(_alert_names()) == len(monitoring_exprs.alert_exprs())


@pytest.mark.parametrize(
    ("alert", "expr"),
    [
        pytest.param(name, expr, id=name)
        for name, expr in zip(_alert_names(), monitoring_exprs.alert_exprs(), strict=True)
    ],
)
def test_alert_expression_evaluates_and_is_quiet(stack: Stack, alert: str, expr: str) -> None:
    # A ratio's minimum-traffic guard is an "and" on a line of its own: the quantity and its
    # threshold come before it.
    compared, *guard = re.split(r"\n\s*and\b", expr, maxsplit=1)
    match = _COMPARISON.match(compared)
    assert match, f"{alert}: expected '<quantity> <comparison> <threshold>', got {compared!r}"
    lhs, op, threshold = match["lhs"], match["op"], float(match["value"])
    quantity = stack.vector(lhs)
    firing = stack.vector(expr)
    print(f"{alert}: {' '.join(expr.split())}\n  quantity -> {_show(quantity)}")
    print(f"  alert expression -> {_show(firing)}")
    assert quantity, f"{alert}: the compared quantity returns no data:\n{lhs}"
    assert all(math.isfinite(value) for _, value in quantity), f"{alert}: {_show(quantity)}"
    crossing = [s for s in quantity if _OPS[op](s[1], threshold)]
    if guard:
        traffic = re.sub(r"^\s*on\s*\([^)]*\)", "", guard[0])
        print(f"  guard {' '.join(traffic.split())} -> {_show(stack.vector(traffic))}")
        assert len(firing) <= len(crossing), f"{alert}: {_show(firing)} vs {_show(crossing)}"
    else:
        assert len(firing) == len(crossing), f"{alert}: {_show(firing)} vs {_show(crossing)}"
    assert not firing, f"{alert} would fire in a healthy run ({QUIET_BECAUSE[alert]}): {firing}"


def test_prometheus_loaded_and_evaluates_every_alert(stack: Stack) -> None:
    answer = json.loads(http_get(f"{stack.prometheus_url}/api/v1/rules?type=alert"))
    assert answer["status"] == "success"
    rules = {rule["name"]: rule for g in answer["data"]["groups"] for rule in g["rules"]}
    assert set(rules) == set(_alert_names())
    for name, rule in rules.items():
        print(f"{name}: health={rule['health']} state={rule['state']}")
        assert rule["health"] == "ok", f"{name}: {rule.get('lastError')}"
        assert rule["state"] == "inactive", f"{name} is {rule['state']}: {rule.get('alerts')}"
        assert not rule["lastEvaluation"].startswith("0001-"), f"{name} never evaluated"


def test_scrape_jobs_are_those_of_prometheus_yml(stack: Stack) -> None:
    config = yaml.safe_load(PROMETHEUS_CONFIG.read_text(encoding="utf-8"))
    jobs = {job["job_name"] for job in config["scrape_configs"]}
    up = stack.vector("up")
    print(_show([({"job": s[0]["job"], **s[0]}, s[1]) for s in up]))
    assert {labels["job"] for labels, _ in up} == jobs
    assert all(value == 1 for _, value in up), up
    deployments = {labels.get("deployment") for labels, _ in up if labels["job"] == "homer-agent"}
    assert deployments == {"compose", "host"}


@pytest.mark.parametrize("sql", _sql_cases())
def test_dashboard_sql_returns_rows_as_grafana(stack: Stack, sql: str) -> None:
    expanded = monitoring_exprs.expand_grafana_sql(sql)
    with psycopg.connect(stack.grafana_db_url) as conn:
        role = conn.execute("SELECT current_user").fetchone()
        assert role is not None and role[0] == "homer_grafana"
        cursor = conn.execute(expanded)
        columns = [c.name for c in cursor.description or []]
        rows = cursor.fetchall()
    print(f"{' '.join(sql.split())[:100]}...\n  {columns}")
    for row in rows:
        print(f"  {row}")
    assert rows, f"no rows for a dashboard query:\n{expanded}"


# ---------------------------------------------------------------- exact counts


def _exact_panels() -> dict[str, str]:
    """Title -> SQL of every "(exact)" panel of the Agent dashboard."""
    dashboard = monitoring_exprs.dashboards()["agent.json"]
    return {
        str(panel["title"]): str(target["rawSql"])
        for panel, target in monitoring_exprs.targets(dashboard)
        if str(panel.get("title", "")).endswith("(exact)")
    }


def _as_grafana(stack: Stack, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    with psycopg.connect(stack.grafana_db_url) as conn:
        cursor = conn.execute(monitoring_exprs.expand_grafana_sql(sql))
        return [c.name for c in cursor.description or []], cursor.fetchall()


def _percentile(values: list[float], q: float) -> float:
    """percentile_cont: linear interpolation between the closest ranks."""
    ordered = sorted(values)
    position = q * (len(ordered) - 1)
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def test_every_exact_panel_is_checked() -> None:
    assert set(_exact_panels()) == {
        "Turns (exact)",
        "Model calls (exact)",
        "Tokens (exact)",
        "Tool calls (exact)",
        "Turn latency (exact)",
        "Model time (exact)",
        "Failed turns by kind (exact)",
        "Turns per 10 minutes (exact)",
    }


@pytest.mark.parametrize(
    "title", ["Turns (exact)", "Model calls (exact)", "Tokens (exact)", "Tool calls (exact)"]
)
def test_exact_count_panels_equal_what_happened(stack: Stack, title: str) -> None:
    """Each number equals the count of what happened, short CLI sessions included."""
    columns, rows = _as_grafana(stack, _exact_panels()[title])
    assert len(rows) == 1
    shown = dict(zip(columns, (float(v) for v in rows[0]), strict=True))
    expected = {column: stack.truth[column] for column in columns}
    print(f"{title}: panel {shown}\n  what happened {expected}")
    assert shown == expected
    if title == "Turns (exact)":
        # Prometheus never saw the short sessions: its count falls short of the panel's.
        scraped = stack.vector("sum(increase(homer_turns_total[6h]))")
        print(f"  Prometheus sum(increase(homer_turns_total[6h])) -> {_show(scraped)}")
        assert shown["turns"] == sum(
            len(m) for m in (*CONVERSATIONS.values(), *SHORT_SESSIONS.values())
        )


def test_failed_turns_by_kind_panel_equals_what_happened(stack: Stack) -> None:
    columns, rows = _as_grafana(stack, _exact_panels()["Failed turns by kind (exact)"])
    assert columns == ["kind", "turns"]
    shown = {str(kind): float(count) for kind, count in rows}
    print(f"panel {shown}\n  what happened {stack.errors_by_kind}")
    assert set(shown) == set(stack.errors_by_kind)
    assert shown == stack.errors_by_kind
    assert sum(shown.values()) == stack.truth["failed turns"]


def test_turns_over_time_panel_adds_up_to_every_turn(stack: Stack) -> None:
    columns, rows = _as_grafana(stack, _exact_panels()["Turns per 10 minutes (exact)"])
    assert columns == ["time", "agent", "hand-off", "failed"]
    totals = [sum(float(v) for v in row[1:]) for row in rows]
    print(f"{rows}")
    assert sum(totals) == stack.truth["turns"]
    assert sum(float(row[2]) for row in rows) == stack.truth["hand-offs"]


def test_latency_and_model_time_panels_are_computed_from_every_row(stack: Stack) -> None:
    with psycopg.connect(stack.superuser_db_url) as conn:
        rows = conn.execute("SELECT duration_ms, model_ms, model_calls FROM homer.turns").fetchall()
    assert len(rows) == stack.truth["turns"]
    durations = [float(r[0]) for r in rows]
    columns, latency = _as_grafana(stack, _exact_panels()["Turn latency (exact)"])
    shown = dict(zip(columns, (float(v) for v in latency[0]), strict=True))
    print(f"latency {shown}")
    assert shown["p50"] == pytest.approx(_percentile(durations, 0.5))
    assert shown["p95"] == pytest.approx(_percentile(durations, 0.95))
    assert shown["max"] == max(durations)
    columns, model = _as_grafana(stack, _exact_panels()["Model time (exact)"])
    shown = dict(zip(columns, (float(v) for v in model[0]), strict=True))
    total = sum(float(r[1]) for r in rows)
    print(f"model time {shown}")
    assert shown["model time"] == pytest.approx(total)
    assert shown["per call"] == pytest.approx(total / stack.truth["model calls"])


# ---------------------------------------------------------------- alerts reach someone


def test_prometheus_sends_alerts_to_alertmanager(stack: Stack) -> None:
    answer = json.loads(http_get(f"{stack.prometheus_url}/api/v1/alertmanagers"))
    active = [a["url"] for a in answer["data"]["activeAlertmanagers"]]
    print(active)
    assert active == [f"{stack.alertmanager_url}/api/v2/alerts"]


@pytest.mark.parametrize(
    ("name", "instance", "panel"),
    [
        ("PostgresDown", "postgres-exporter:9187", "homer-postgres?viewPanel=2"),
        ("AgentHttpServerErrorsHigh", "api-1:8000", "homer-agent?viewPanel=34"),
    ],
)
def test_a_firing_alert_reaches_the_default_receiver(
    stack: Stack, name: str, instance: str, panel: str
) -> None:
    """Through the real Alertmanager, configured by render-config.sh, to alert_log.py."""
    rules = yaml.safe_load(ALERTS.read_text(encoding="utf-8"))
    rule = next(r for g in rules["groups"] for r in g["rules"] if r.get("alert") == name)
    alert = {
        "labels": {
            "alertname": name,
            "severity": rule["labels"]["severity"],
            "instance": instance,
        },
        "annotations": {
            "summary": rule["annotations"]["summary"],
            "runbook_url": rule["annotations"]["runbook_url"],
            "panel_url": rule["annotations"]["panel_url"],
        },
        "startsAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    request = urllib.request.Request(
        f"{stack.alertmanager_url}/api/v2/alerts",
        data=json.dumps([alert]).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        assert response.status == 200
    assert stack.alert_log is not None
    log = stack.alert_log

    def delivered() -> str | None:
        lines = log.read_text(encoding="utf-8").splitlines()
        return next((line for line in lines if line.startswith(f"FIRING {name}")), None)

    line = wait_for("the alert to reach alert-log", delivered, STEP_TIMEOUT, [])
    print(line)
    assert f"severity={rule['labels']['severity']}" in line
    assert f"instance={instance}" in line
    assert f"runbook={DOCS_URL}/runbooks.md#{name.lower()}" in line
    assert f"panel=http://127.0.0.1:3000/d/{panel}" in line


def test_the_test_server_runs_the_postgres_major_version_compose_pins(stack: Stack) -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yaml").read_text(encoding="utf-8"))
    image = compose["services"]["postgres"]["image"]
    pinned = re.search(r"-pg(\d+)-", image) or re.search(r"^postgres:(\d+)\.", image)
    assert pinned, image
    with psycopg.connect(stack.superuser_db_url) as conn:
        row = conn.execute("SHOW server_version_num").fetchone()
    assert row is not None
    print(f"compose {image}; tests {row[0]}")
    assert int(row[0]) // 10000 == int(pinned.group(1))
