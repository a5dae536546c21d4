"""The default Alertmanager receiver: one log line per alert, on standard output.

Alertmanager POSTs its webhook JSON here (docker/alertmanager/render-config.sh points the
receiver at this service unless ALERTMANAGER_WEBHOOK_URL says otherwise), so a stack with
no e-mail or Slack configured still shows every notification in `docker compose logs
alert-log`. Standard library only; listens on ALERT_LOG_ADDR:ALERT_LOG_PORT (0.0.0.0:9095).
"""

from __future__ import annotations

import json
import os
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


def lines(payload: dict[str, Any]) -> list[str]:
    """One line per alert of a webhook payload."""
    out = []
    for alert in payload.get("alerts", []):
        labels = alert.get("labels", {})
        notes = alert.get("annotations", {})
        extra = " ".join(
            f"{key}={value}"
            for key, value in sorted(labels.items())
            if key not in {"alertname", "severity"}
        )
        out.append(
            f"{alert.get('status', '?').upper()} {labels.get('alertname', '?')} "
            f"severity={labels.get('severity', '?')} {extra} | {notes.get('summary', '')} "
            f"| runbook={notes.get('runbook_url', '')} panel={notes.get('panel_url', '')}"
        )
    return out


class Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        try:
            payload = json.loads(self.rfile.read(length) or b"{}")
        except ValueError:
            self.send_response(400)
            self.end_headers()
            return
        for line in lines(payload):
            print(line, flush=True)
        self.send_response(200)
        self.end_headers()

    def do_GET(self) -> None:  # health check
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"ok\n")

    def log_message(self, format: str, *args: Any) -> None:
        pass  # only the alerts go to the log


def main() -> int:
    addr = os.environ.get("ALERT_LOG_ADDR", "0.0.0.0")
    port = int(os.environ.get("ALERT_LOG_PORT", "9095"))
    server = ThreadingHTTPServer((addr, port), Handler)
    print(f"alert-log listening on {addr}:{server.server_port}", file=sys.stderr, flush=True)
    server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
