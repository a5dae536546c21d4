#!/usr/bin/env bash
# Runs once, when the postgres container initialises an empty data volume
# (docker-entrypoint-initdb.d runs *.sh files and ignores *.sql.in). Creates the roles the
# stack uses, from homer-roles.sql.in beside this script:
#
#   homer           the agent: owns schema "homer" and nothing else; not a superuser, cannot
#                   create roles or databases; its search_path is "homer", so the agent's
#                   migrations and LangGraph's checkpoint tables land there.
#   homer_exporter  postgres-exporter: pg_monitor only.
#   homer_grafana   Grafana's PostgreSQL datasource: read-only, SELECT on homer.turns and on
#                   every column of homer.leads but session_key (a phone or an e-mail); never
#                   the checkpoint tables, which hold whole chats.
#
# Passwords come from the container's environment, never from a file in the repository.
# The subshell keeps `set -u` out of the entrypoint when it sources a non-executable script.
(
    set -euo pipefail

    : "${POSTGRES_DB:?}"
    : "${POSTGRES_USER:?}"
    : "${HOMER_DB_PASSWORD:?set HOMER_DB_PASSWORD}"
    : "${HOMER_EXPORTER_PASSWORD:?set HOMER_EXPORTER_PASSWORD}"
    : "${HOMER_GRAFANA_DB_PASSWORD:?set HOMER_GRAFANA_DB_PASSWORD}"

    here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

    psql --no-psqlrc -v ON_ERROR_STOP=1 \
        --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
        -v db="$POSTGRES_DB" \
        -v homer_password="$HOMER_DB_PASSWORD" \
        -v exporter_password="$HOMER_EXPORTER_PASSWORD" \
        -v grafana_password="$HOMER_GRAFANA_DB_PASSWORD" \
        -f "$here/homer-roles.sql.in"
)
