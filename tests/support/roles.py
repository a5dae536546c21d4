"""The compose database roles in a test: the real init script, and URLs that log in as them."""

from __future__ import annotations

import os
import subprocess
from urllib.parse import quote, urlsplit, urlunsplit

from psycopg.conninfo import conninfo_to_dict

from tests.support.paths import ROOT
from tests.support.system import psql_bin_dir

ROLES_SCRIPT = ROOT / "docker" / "postgres" / "initdb" / "10-homer-roles.sh"
ROLES = ("homer", "homer_exporter", "homer_grafana")
"""The roles the script creates, in the order it creates them."""


def role_url(url: str, user: str, password: str, dbname: str | None = None) -> str:
    """`url` logged in as `user` with `password` (same host, port and query), on `dbname`
    when given."""
    parts = urlsplit(url)
    hostport = parts.netloc.rpartition("@")[2]
    netloc = f"{quote(user, safe='')}:{quote(password, safe='')}@{hostport}"
    parts = parts._replace(netloc=netloc)
    return urlunsplit(parts if dbname is None else parts._replace(path="/" + dbname))


def create_roles(server_url: str, db: str, superuser: str, passwords: dict[str, str]) -> None:
    """Run docker/postgres/initdb/10-homer-roles.sh (through psql) on the existing database
    `db` of the server, as the compose entrypoint would: the roles of :data:`ROLES`, with
    `passwords` by role."""
    info = conninfo_to_dict(server_url)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin") + os.pathsep + psql_bin_dir(),
        "POSTGRES_DB": db,
        "POSTGRES_USER": superuser,
        "PGPASSWORD": str(info.get("password") or ""),
        "HOMER_DB_PASSWORD": passwords["homer"],
        "HOMER_EXPORTER_PASSWORD": passwords["homer_exporter"],
        "HOMER_GRAFANA_DB_PASSWORD": passwords["homer_grafana"],
    }
    for key, var in (("host", "PGHOST"), ("port", "PGPORT"), ("sslmode", "PGSSLMODE")):
        if info.get(key):
            env[var] = str(info[key])
    done = subprocess.run(
        ["bash", str(ROLES_SCRIPT)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, f"{ROLES_SCRIPT.name} failed:\n{done.stdout}\n{done.stderr}"
