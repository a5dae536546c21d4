#!/bin/sh
# Writes Alertmanager's configuration from the environment, then runs the command given
# (the compose service: /bin/alertmanager ...). POSIX sh: the prom/alertmanager image has
# busybox only. Alertmanager reads no environment variables itself, hence this script.
#
#   ALERTMANAGER_WEBHOOK_URL         every alert is POSTed here (default: the alert-log
#                                    service, which writes one line per alert to its log)
#   ALERTMANAGER_SLACK_WEBHOOK_URL   also to Slack (an incoming-webhook URL), when set;
#   ALERTMANAGER_SLACK_CHANNEL       its channel (default #alerts)
#   ALERTMANAGER_EMAIL_TO            also by e-mail, when set, through
#   ALERTMANAGER_SMTP_SMARTHOST      host:port, ALERTMANAGER_EMAIL_FROM, and optionally
#   ALERTMANAGER_SMTP_USERNAME / ALERTMANAGER_SMTP_PASSWORD
#   ALERTMANAGER_GROUP_WAIT          wait before the first notification of a group (30s)
#   ALERTMANAGER_CONFIG              where to write (default /tmp/alertmanager.yml)
set -eu

fail() {
    echo "alertmanager config: $*" >&2
    exit 2
}

# Values go into double-quoted YAML scalars: refuse what would break out of them. Checked
# here, in the main shell: a failure inside $(...) below would not stop the script.
for name in ALERTMANAGER_WEBHOOK_URL ALERTMANAGER_SLACK_WEBHOOK_URL ALERTMANAGER_SLACK_CHANNEL \
    ALERTMANAGER_EMAIL_TO ALERTMANAGER_EMAIL_FROM ALERTMANAGER_SMTP_SMARTHOST \
    ALERTMANAGER_SMTP_USERNAME ALERTMANAGER_SMTP_PASSWORD ALERTMANAGER_GROUP_WAIT; do
    eval "value=\${$name:-}"
    case "$value" in
        *'"'* | *'\'* | *"
"*) fail "$name must not contain quotes, backslashes or newlines" ;;
    esac
done

quoted() {
    printf '"%s"' "$2"
}

out="${ALERTMANAGER_CONFIG:-/tmp/alertmanager.yml}"
webhook="${ALERTMANAGER_WEBHOOK_URL:-http://alert-log:9095/}"
case "$webhook" in
    http://* | https://*) ;;
    *) fail "ALERTMANAGER_WEBHOOK_URL must be an http(s) URL, got '$webhook'" ;;
esac

{
    cat <<YAML
# Written by render-config.sh from the environment; edit .env, not this file.
route:
  receiver: homer
  group_by: [alertname, instance]
  group_wait: $(quoted ALERTMANAGER_GROUP_WAIT "${ALERTMANAGER_GROUP_WAIT:-30s}")
  group_interval: 5m
  repeat_interval: 4h
receivers:
  - name: homer
    webhook_configs:
      - url: $(quoted ALERTMANAGER_WEBHOOK_URL "$webhook")
        send_resolved: true
YAML
    if [ -n "${ALERTMANAGER_SLACK_WEBHOOK_URL:-}" ]; then
        cat <<YAML
    slack_configs:
      - api_url: $(quoted ALERTMANAGER_SLACK_WEBHOOK_URL "$ALERTMANAGER_SLACK_WEBHOOK_URL")
        channel: $(quoted ALERTMANAGER_SLACK_CHANNEL "${ALERTMANAGER_SLACK_CHANNEL:-#alerts}")
        send_resolved: true
        title: '{{ .Status | toUpper }}: {{ .CommonLabels.alertname }}'
        text: '{{ range .Alerts }}{{ .Annotations.summary }} ({{ .Annotations.runbook_url }}){{ "\n" }}{{ end }}'
YAML
    fi
    if [ -n "${ALERTMANAGER_EMAIL_TO:-}" ]; then
        [ -n "${ALERTMANAGER_SMTP_SMARTHOST:-}" ] || fail "ALERTMANAGER_EMAIL_TO needs ALERTMANAGER_SMTP_SMARTHOST (host:port)"
        [ -n "${ALERTMANAGER_EMAIL_FROM:-}" ] || fail "ALERTMANAGER_EMAIL_TO needs ALERTMANAGER_EMAIL_FROM"
        cat <<YAML
    email_configs:
      - to: $(quoted ALERTMANAGER_EMAIL_TO "$ALERTMANAGER_EMAIL_TO")
        from: $(quoted ALERTMANAGER_EMAIL_FROM "$ALERTMANAGER_EMAIL_FROM")
        smarthost: $(quoted ALERTMANAGER_SMTP_SMARTHOST "$ALERTMANAGER_SMTP_SMARTHOST")
        send_resolved: true
YAML
        if [ -n "${ALERTMANAGER_SMTP_USERNAME:-}" ]; then
            cat <<YAML
        auth_username: $(quoted ALERTMANAGER_SMTP_USERNAME "$ALERTMANAGER_SMTP_USERNAME")
        auth_password: $(quoted ALERTMANAGER_SMTP_PASSWORD "${ALERTMANAGER_SMTP_PASSWORD:-}")
YAML
        fi
    fi
} >"$out.tmp"
mv "$out.tmp" "$out"

if [ "$#" -gt 0 ]; then
    exec "$@"
fi
