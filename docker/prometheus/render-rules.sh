#!/bin/sh
# Writes Prometheus's configuration and alert rules from the mounted sources, with the
# runbook links pointing at HOMER_DOCS_URL, then runs the command given (the compose
# service: /bin/prometheus ...). POSIX sh: the prom/prometheus image has busybox only.
#
#   HOMER_DOCS_URL          where the docs live; each alert's runbook_url is
#                           $HOMER_DOCS_URL/runbooks.md#<alert name, lower case>
#                           (default: the repository's docs, as written in alerts.yml)
#   PROMETHEUS_SOURCE_DIR   the mounted prometheus.yml and alerts.yml (/etc/prometheus/src)
#   PROMETHEUS_CONFIG_DIR   where to write them (default /tmp/prometheus)
set -eu

DEFAULT_DOCS_URL="https://github.com/homer-agent/homer-agent/blob/main/docs"

fail() {
    echo "prometheus config: $*" >&2
    exit 2
}

src="${PROMETHEUS_SOURCE_DIR:-/etc/prometheus/src}"
out="${PROMETHEUS_CONFIG_DIR:-/tmp/prometheus}"
docs="${HOMER_DOCS_URL:-$DEFAULT_DOCS_URL}"
docs="${docs%/}"

case "$docs" in
    http://* | https://*) ;;
    *) fail "HOMER_DOCS_URL must be an http(s) URL, got '$docs'" ;;
esac
# The value goes into double-quoted YAML scalars and a sed replacement.
case "$docs" in
    *'"'* | *'\'* | *'|'* | *'&'* | *' '* | *"
"*) fail "HOMER_DOCS_URL must not contain quotes, backslashes, '|', '&', spaces or newlines" ;;
esac

mkdir -p "$out"
cp "$src/prometheus.yml" "$out/prometheus.yml"
sed "s|\"$DEFAULT_DOCS_URL/runbooks.md#|\"$docs/runbooks.md#|" "$src/alerts.yml" > "$out/alerts.yml"

[ "$#" -gt 0 ] || exit 0
exec "$@"
