"""docker-compose.yaml and the files it uses: valid, pinned, local-only, secret-free.

No Docker engine is needed: the compose file is interpolated here the way Compose does it and
validated against the Compose Specification schema vendored in tests/data (see
tests/data/compose-spec.NOTICE).
"""

from __future__ import annotations

import copy
import functools
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests.support import monitoring_exprs

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yaml"
SCHEMA_FILE = ROOT / "tests" / "data" / "compose-spec.json"
ENV_EXAMPLE = ROOT / ".env.example"

SERVICES = {
    "postgres",
    "postgres-exporter",
    "prometheus",
    "alertmanager",
    "alert-log",
    "grafana",
    "agent",
    "api",
    "lb",
}
SECRET_NAME = re.compile(r"(PASSWORD|PASS|SECRET|TOKEN|API_KEY)$")
PINNED_IMAGE = re.compile(
    r"^(?:[a-z0-9.-]+(?::\d+)?/)?[a-z0-9._/-]+:(?!latest$)v?\d+(?:\.\d+){1,2}(?:-[a-z0-9.-]+)?$"
)
# ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?error}, ${NAME?error}, $NAME, $$
_VARIABLE = re.compile(
    r"\$(?:(?P<escaped>\$)|\{(?P<braced>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?[-?])(?P<arg>[^}]*))?\}"
    r"|(?P<bare>[A-Za-z_][A-Za-z0-9_]*))"
)


def compose_text() -> str:
    return COMPOSE_FILE.read_text(encoding="utf-8")


@functools.cache
def _parsed(text: str) -> dict[str, Any]:
    loaded = yaml.safe_load(text)
    assert isinstance(loaded, dict)
    return loaded


def raw_compose() -> dict[str, Any]:
    """The compose file as YAML, parsed once per run and text (a copy each call: about 50
    calls, 10 ms each to parse)."""
    return copy.deepcopy(_parsed(compose_text()))


def variables(text: str) -> list[tuple[str, str, str]]:
    """(name, operator, argument) of every ${...} or $NAME reference in text."""
    found = []
    for match in _VARIABLE.finditer(text):
        if match.group("escaped"):
            continue
        name = match.group("braced") or match.group("bare")
        found.append((name, match.group("op") or "", match.group("arg") or ""))
    return found


def interpolate(value: Any, env: dict[str, str]) -> Any:
    """Compose's variable interpolation over every string of a loaded YAML document."""
    if isinstance(value, dict):
        return {key: interpolate(item, env) for key, item in value.items()}
    if isinstance(value, list):
        return [interpolate(item, env) for item in value]
    if not isinstance(value, str):
        return value

    def replace(match: re.Match[str]) -> str:
        if match.group("escaped"):
            return "$"
        name = match.group("braced") or match.group("bare")
        op, arg = match.group("op") or "", match.group("arg") or ""
        current = env.get(name)
        if op in (":-", ":?") and current == "":
            current = None
        if current is not None:
            return current
        if op.endswith("?"):
            raise KeyError(f"{name}: {arg}")
        if op.endswith("-"):
            return arg
        return ""

    return _VARIABLE.sub(replace, value)


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return [value] if isinstance(value, str) else []


def compose_variables() -> list[tuple[str, str, str]]:
    """Variable references in the compose file's values (comments are not interpolated)."""
    return [found for text in _strings(raw_compose()) for found in variables(text)]


def required_variables() -> set[str]:
    return {name for name, op, _ in compose_variables() if op.endswith("?")}


def _env() -> dict[str, str]:
    return {name: f"test-{name.lower()}" for name in required_variables()}


def compose() -> dict[str, Any]:
    """The compose file as Compose sees it with every required variable set."""
    resolved = interpolate(raw_compose(), _env())
    assert isinstance(resolved, dict)
    return resolved


def services() -> dict[str, dict[str, Any]]:
    found = compose()["services"]
    assert isinstance(found, dict)
    return found


# --- the file itself ------------------------------------------------------------------------


def test_compose_validates_against_the_compose_specification() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    validator = jsonschema.Draft201909Validator(
        schema, format_checker=jsonschema.Draft201909Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(compose()), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_schema_rejects_a_broken_compose_file() -> None:
    """The vendored schema really checks something."""
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    broken = compose()
    broken["services"]["postgres"]["healthcheck"]["retries"] = "many"
    broken["services"]["grafana"]["no_such_key"] = True
    assert len(list(jsonschema.Draft201909Validator(schema).iter_errors(broken))) >= 2


def test_the_expected_services() -> None:
    assert set(services()) == SERVICES


def test_interpolation_refuses_missing_secrets() -> None:
    env = _env()
    for name in ("POSTGRES_PASSWORD", "GRAFANA_ADMIN_PASSWORD", "HOMER_DB_PASSWORD"):
        partial = {key: value for key, value in env.items() if key != name}
        with pytest.raises(KeyError, match=name):
            interpolate(raw_compose(), partial)
        with pytest.raises(KeyError, match=name):
            interpolate(raw_compose(), {**partial, name: ""})


# --- images ---------------------------------------------------------------------------------


def test_every_image_is_pinned() -> None:
    for name, service in services().items():
        image = service.get("image")
        assert image, f"{name} has no image"
        assert PINNED_IMAGE.match(image), f"{name}: image {image!r} is not pinned to a version"


def test_dockerfile_base_image_is_pinned() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    bases = re.findall(r"^FROM\s+(\S+)", dockerfile, flags=re.MULTILINE)
    assert bases
    for base in bases:
        assert PINNED_IMAGE.match(base), base
    assert re.search(r"pip install [^\n]*\buv==\d+\.\d+\.\d+", dockerfile)
    assert "uv sync --frozen --no-dev" in dockerfile
    assert re.search(r'^ENTRYPOINT \["homer-agent"\]', dockerfile, flags=re.MULTILINE)


# --- files and build contexts ---------------------------------------------------------------


def _host_path(source: str) -> Path:
    return (ROOT / source).resolve()


def test_every_mounted_file_and_build_context_exists() -> None:
    named_volumes = set(compose().get("volumes") or {})
    for name, service in services().items():
        for volume in service.get("volumes", []):
            source = volume.split(":", 1)[0] if isinstance(volume, str) else volume["source"]
            if source.startswith((".", "/")):
                assert _host_path(source).exists(), f"{name} mounts missing {source}"
            else:
                assert source in named_volumes, f"{name} uses undeclared volume {source}"
        build = service.get("build")
        if build is not None:
            context = _host_path(build if isinstance(build, str) else build.get("context", "."))
            assert context.is_dir(), f"{name}: no build context {context}"
            dockerfile = build.get("dockerfile", "Dockerfile") if isinstance(build, dict) else ""
            assert (context / (dockerfile or "Dockerfile")).is_file()


def test_files_the_configs_refer_to_exist() -> None:
    prometheus = yaml.safe_load((ROOT / "docker/prometheus/prometheus.yml").read_text())
    for rule_file in prometheus["rule_files"]:
        assert (ROOT / "docker/prometheus" / rule_file).is_file()
    mounts = {
        volume.split(":")[1]: volume.split(":")[0] for volume in services()["grafana"]["volumes"]
    }
    providers = yaml.safe_load(
        (ROOT / "docker/grafana/provisioning/dashboards/dashboards.yaml").read_text()
    )
    for provider in providers["providers"]:
        container_path = provider["options"]["path"]
        assert container_path in mounts, f"dashboards path {container_path} is not mounted"
        assert list(_host_path(mounts[container_path]).glob("*.json"))
    home = services()["grafana"]["environment"]["GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"]
    directory, _, file_name = home.rpartition("/")
    assert (_host_path(mounts[directory]) / file_name).is_file()
    initdb = _host_path("docker/postgres/initdb")
    scripts = sorted(initdb.glob("*.sh"))
    assert scripts
    for script in scripts:
        for included in re.findall(r'"\$here/([^"]+)"', script.read_text()):
            assert (initdb / included).is_file(), included


# --- network exposure -----------------------------------------------------------------------


def test_published_ports_bind_loopback_only() -> None:
    for name, service in services().items():
        for port in service.get("ports", []):
            if isinstance(port, dict):
                assert port.get("host_ip") == "127.0.0.1", f"{name}: {port}"
            else:
                assert str(port).startswith("127.0.0.1:"), f"{name}: {port} is not on loopback"


def test_prometheus_reaches_an_agent_on_the_host() -> None:
    assert "host.docker.internal:host-gateway" in services()["prometheus"]["extra_hosts"]


# --- secrets --------------------------------------------------------------------------------


def test_secrets_have_no_defaults() -> None:
    for name, op, arg in compose_variables():
        if SECRET_NAME.search(name):
            assert op == ":?", f"${{{name}}} must be required (${{{name}:?…}}), not {op!r}"
            assert arg.strip(), f"${{{name}:?}} needs a message saying where to set it"


def test_no_literal_secret_values() -> None:
    for name, service in raw_compose()["services"].items():
        environment = service.get("environment") or {}
        assert isinstance(environment, dict), f"{name}: use the mapping form of environment"
        for key, value in environment.items():
            if SECRET_NAME.search(key):
                assert value is None or re.fullmatch(r"\$\{[A-Z0-9_]+:\?[^}]+\}", value), (
                    f"{name}.{key} must come from a required variable or pass through"
                )
            if isinstance(value, str) and "://" in value and "@" in value:
                userinfo = value.split("://", 1)[1].split("@", 1)[0]
                assert ":" not in userinfo or ":${" in userinfo, f"{name}.{key} has a password"


def test_grafana_admin_password_is_required_and_anonymous_access_is_off() -> None:
    environment = raw_compose()["services"]["grafana"]["environment"]
    assert environment["GF_SECURITY_ADMIN_PASSWORD"].startswith("${GRAFANA_ADMIN_PASSWORD:?")
    assert environment["GF_AUTH_ANONYMOUS_ENABLED"] == "false"
    assert environment["GF_USERS_ALLOW_SIGN_UP"] == "false"


def test_datasource_passwords_come_from_grafanas_environment() -> None:
    text = monitoring_exprs.DATASOURCES_FILE.read_text()
    grafana_env = services()["grafana"]["environment"]
    for name, _, _ in variables(text):
        assert name in grafana_env, f"datasources.yaml uses ${name}, not in grafana's environment"
    config = yaml.safe_load(text)
    for datasource in config["datasources"]:
        for value in (datasource.get("secureJsonData") or {}).values():
            assert str(value).startswith("$"), "datasource secrets must come from the environment"


def test_env_example_lists_every_required_variable_without_values() -> None:
    assert ENV_EXAMPLE.is_file()
    text = ENV_EXAMPLE.read_text(encoding="utf-8")
    assert "# --- docker compose ---" in text
    assignments = dict(
        line.split("=", 1) for line in text.splitlines() if re.match(r"^\s*[A-Z_][A-Z0-9_]*=", line)
    )
    for name in sorted(required_variables()):
        assert name in assignments, f".env.example lacks {name}"
        if SECRET_NAME.search(name):
            assert assignments[name].strip() == "", f".env.example must not give {name} a value"


# --- roles ----------------------------------------------------------------------------------


def test_services_use_their_own_database_roles() -> None:
    svc = services()
    assert svc["postgres-exporter"]["environment"]["DATA_SOURCE_USER"] == "homer_exporter"
    assert svc["agent"]["environment"]["DATABASE_URL"].startswith("postgresql://homer:")
    datasources = yaml.safe_load(monitoring_exprs.DATASOURCES_FILE.read_text())["datasources"]
    postgres = [ds for ds in datasources if ds["uid"] == monitoring_exprs.POSTGRES_UID]
    assert postgres[0]["user"] == "homer_grafana"
    roles_sql = (ROOT / "docker/postgres/initdb/homer-roles.sql.in").read_text()
    assert re.search(r"CREATE ROLE homer LOGIN NOSUPERUSER", roles_sql)
    assert "CREATE SCHEMA homer AUTHORIZATION homer" in roles_sql
    assert "GRANT pg_monitor TO homer_exporter" in roles_sql
    assert "SUPERUSER" not in roles_sql.replace("NOSUPERUSER", "")
    assert re.search(r"PASSWORD\s+'", roles_sql) is None, "no literal passwords"


def test_agent_service_serves_metrics_to_prometheus() -> None:
    agent = services()["agent"]
    assert agent["environment"]["HOMER_METRICS_PORT"] == "9464"
    assert agent["environment"]["HOMER_METRICS_ADDR"] == "0.0.0.0"
    assert agent["stdin_open"] is True
    assert agent["tty"] is True
    scrape = yaml.safe_load((ROOT / "docker/prometheus/prometheus.yml").read_text())
    targets = {
        target
        for job in scrape["scrape_configs"]
        for static in job.get("static_configs", [])
        for target in static["targets"]
    }
    assert {"agent:9464", "host.docker.internal:9464", "postgres-exporter:9187"} <= targets


# --- health ---------------------------------------------------------------------------------


def test_every_service_has_a_healthcheck() -> None:
    for name, service in services().items():
        check = service.get("healthcheck")
        assert check and check.get("test") and not check.get("disable"), name


def test_dependencies_wait_for_health() -> None:
    names = set(services())
    for name, service in services().items():
        depends_on = service.get("depends_on", {})
        assert isinstance(depends_on, dict), f"{name}: use the long depends_on form"
        for dependency, condition in depends_on.items():
            assert dependency in names
            assert condition == {"condition": "service_healthy"}, f"{name} -> {dependency}"


def test_postgres_healthcheck_uses_tcp() -> None:
    """pg_isready over the socket is ready while init scripts still run: use -h."""
    test = services()["postgres"]["healthcheck"]["test"]
    assert "pg_isready -h 127.0.0.1" in " ".join(test)


# --- dashboards and queries -----------------------------------------------------------------


def test_dashboards_reference_only_provisioned_datasources() -> None:
    provisioned = monitoring_exprs.provisioned_datasource_uids()
    assert provisioned == {
        "prometheus": "prometheus",
        "postgres-leads": "grafana-postgresql-datasource",
        "alertmanager": "alertmanager",
    }
    for file_name, dashboard in monitoring_exprs.dashboards().items():
        for panel in monitoring_exprs.panels(dashboard):
            refs = [panel.get("datasource")] + [
                t.get("datasource") for t in panel.get("targets", [])
            ]
            for ref in refs:
                if ref is None:
                    continue
                assert isinstance(ref, dict), f"{file_name}: datasource by name {ref!r}"
                assert set(ref) == {"type", "uid"}, f"{file_name}: {ref}"
                uid = ref["uid"]
                if uid == monitoring_exprs.DATASOURCE_VARIABLE:
                    variables = {v["name"]: v for v in dashboard["templating"]["list"]}
                    uid = variables["datasource"]["current"]["value"]
                assert provisioned.get(uid) == ref["type"], f"{file_name}: {ref}"


def test_alertmanager_renders_its_config_from_env_and_prometheus_sends_to_it() -> None:
    alertmanager = services()["alertmanager"]
    assert alertmanager["entrypoint"] == ["/bin/sh", "/etc/alertmanager/render-config.sh"]
    assert "--config.file=/tmp/alertmanager.yml" in alertmanager["command"]
    mounts = {v.split(":")[1]: v.split(":")[0] for v in alertmanager["volumes"] if ":/" in v}
    assert mounts["/etc/alertmanager/render-config.sh"] == "./docker/alertmanager/render-config.sh"
    # The default receiver is the alert-log service, which compose runs.
    assert alertmanager["environment"]["ALERTMANAGER_WEBHOOK_URL"] == "http://alert-log:9095/"
    assert "alert-log" in services()
    config = yaml.safe_load((ROOT / "docker/prometheus/prometheus.yml").read_text())
    targets = [
        target
        for manager in config["alerting"]["alertmanagers"]
        for static in manager["static_configs"]
        for target in static["targets"]
    ]
    assert targets == ["alertmanager:9093"]


def test_dashboards_have_stable_unique_uids() -> None:
    found = {name: dash["uid"] for name, dash in monitoring_exprs.dashboards().items()}
    assert found == {
        "agent.json": "homer-agent",
        "leads.json": "homer-leads",
        "postgres.json": "homer-postgres",
    }


def test_every_dashboard_sql_expands_to_plain_sql() -> None:
    queries = monitoring_exprs.dashboard_sql()
    assert queries
    for sql in queries:
        expanded = monitoring_exprs.expand_grafana_sql(sql)
        assert "$" not in expanded.replace("$$", "")


# --- the API replicas and their load balancer ------------------------------------------------


def test_agent_and_api_share_one_x_homer_block() -> None:
    """Image, database settings, dependencies and security are written once."""
    shared = raw_compose()["x-homer"]
    svc = raw_compose()["services"]
    for name in ("agent", "api"):
        for key in ("build", "image", "depends_on", "security_opt"):
            assert svc[name][key] == shared[key], (name, key)
        assert shared["environment"].items() <= svc[name]["environment"].items(), name
    assert compose_text().count("image: homer-agent:") == 1
    assert compose_text().count("DATABASE_URL:") == 1


def test_api_replicas_scale_behind_the_load_balancer() -> None:
    svc = services()
    api, lb = svc["api"], svc["lb"]
    # Scalable: no fixed name, no host port (replicas would collide); reached through lb.
    assert "container_name" not in api and not api.get("ports")
    assert api["command"][:3] == ["serve", "--host", "0.0.0.0"]
    assert api["environment"]["HOMER_API_TOKEN"].startswith("test-")  # required, from .env
    assert "/readyz" in " ".join(api["healthcheck"]["test"])
    assert lb["depends_on"] == {"api": {"condition": "service_healthy"}}
    assert lb["ports"] == ["127.0.0.1:8000:8000"]
    config = (ROOT / "docker/haproxy/haproxy.cfg").read_text()
    assert re.search(r"server-template api \d+ api:8000", config)
    assert "option httpchk GET /readyz" in config


def test_prometheus_discovers_every_api_replica() -> None:
    scrape = yaml.safe_load((ROOT / "docker/prometheus/prometheus.yml").read_text())
    jobs = {job["job_name"]: job for job in scrape["scrape_configs"]}
    [sd] = jobs["homer-api"]["dns_sd_configs"]
    assert sd["names"] == ["api"] and sd["type"] == "A" and sd["port"] == 8000
