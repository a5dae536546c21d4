"""Compose's database roles, made by the real init script
(docker/postgres/initdb/10-homer-roles.sh, run through psql as the postgres image does)."""

from __future__ import annotations

import os
import subprocess

from psycopg.conninfo import conninfo_to_dict

from tests.support.paths import ROOT
from tests.support.system import psql_bin_dir

ROLES_SCRIPT = ROOT / "docker" / "postgres" / "initdb" / "10-homer-roles.sh"
ROLES = ("homer", "homer_exporter", "homer_grafana")


def run_roles_script(server_url: str, db: str, superuser: str, passwords: dict[str, str]) -> None:
    """Run the init script against database `db` of `server_url` as `superuser`, with a
    password of `passwords` for each of ROLES; fail with its output if it fails."""
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
