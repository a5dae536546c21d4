"""docker/alertmanager/render-config.sh: Alertmanager's configuration from .env, checked
by the real `amtool check-config` (Debian's prometheus-alertmanager).

Delivery itself (a firing alert through the real Alertmanager to the default receiver) is
in tests/integration/test_monitoring_integration.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "docker" / "alertmanager" / "render-config.sh"

needs_amtool = pytest.mark.skipif(
    shutil.which("amtool") is None,
    reason="amtool not installed (Debian package 'prometheus-alertmanager')",
)


def render(tmp_path: Path, **env: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    out = tmp_path / "alertmanager.yml"
    done = subprocess.run(
        ["sh", str(SCRIPT)],
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "ALERTMANAGER_CONFIG": str(out)}
        | env,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    return done, out


def amtool_check(out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["amtool", "check-config", str(out)],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def receiver(out: Path) -> dict[str, object]:
    config = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert config["route"]["receiver"] == "homer"
    (found,) = config["receivers"]
    assert isinstance(found, dict)
    return found


@needs_amtool
def test_the_default_sends_every_alert_to_alert_log(tmp_path: Path) -> None:
    done, out = render(tmp_path)
    assert done.returncode == 0, done.stderr
    found = receiver(out)
    assert found["webhook_configs"] == [{"url": "http://alert-log:9095/", "send_resolved": True}]
    assert set(found) == {"name", "webhook_configs"}
    checked = amtool_check(out)
    assert checked.returncode == 0, checked.stdout + checked.stderr


@needs_amtool
def test_slack_and_email_come_from_env(tmp_path: Path) -> None:
    done, out = render(
        tmp_path,
        ALERTMANAGER_WEBHOOK_URL="https://hooks.example.com/homer",
        ALERTMANAGER_SLACK_WEBHOOK_URL="https://hooks.slack.com/services/T0/B0/x",
        ALERTMANAGER_SLACK_CHANNEL="#homer",
        ALERTMANAGER_EMAIL_TO="oncall@example.com",
        ALERTMANAGER_EMAIL_FROM="alertmanager@example.com",
        ALERTMANAGER_SMTP_SMARTHOST="smtp.example.com:587",
        ALERTMANAGER_SMTP_USERNAME="alertmanager",
        ALERTMANAGER_SMTP_PASSWORD="s3cret-value",
    )
    assert done.returncode == 0, done.stderr
    found = receiver(out)
    assert found["webhook_configs"][0]["url"] == "https://hooks.example.com/homer"  # type: ignore[index]
    assert found["slack_configs"][0]["channel"] == "#homer"  # type: ignore[index]
    email = found["email_configs"][0]  # type: ignore[index]
    assert (email["to"], email["smarthost"], email["auth_password"]) == (
        "oncall@example.com",
        "smtp.example.com:587",
        "s3cret-value",
    )
    checked = amtool_check(out)
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize(
    ("env", "names"),
    [
        ({"ALERTMANAGER_WEBHOOK_URL": "alert-log:9095"}, "ALERTMANAGER_WEBHOOK_URL"),
        ({"ALERTMANAGER_WEBHOOK_URL": 'http://x/"}'}, "ALERTMANAGER_WEBHOOK_URL"),
        ({"ALERTMANAGER_SMTP_PASSWORD": "a\nb"}, "ALERTMANAGER_SMTP_PASSWORD"),
        ({"ALERTMANAGER_EMAIL_TO": "oncall@example.com"}, "ALERTMANAGER_SMTP_SMARTHOST"),
    ],
)
def test_a_bad_setting_is_one_line_and_no_config(
    tmp_path: Path, env: dict[str, str], names: str
) -> None:
    done, out = render(tmp_path, **env)
    assert done.returncode != 0
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert names in done.stderr
    assert not out.exists()
