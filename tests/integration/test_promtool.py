"""promtool on the Prometheus config and alert rules: check config, check rules, the rule unit
tests (docker/prometheus/alerts_test.yml), and a broken expectation that must fail them.

promtool comes from Debian's `prometheus` package (CI installs it); without it these tests
skip and say so. The rules' conventions are checked in tests/unit/test_prometheus_rules.py.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.unit.test_prometheus_rules import DEFAULT_DOCS_URL, EXPECTED_ALERTS, RENDER

ROOT = Path(__file__).resolve().parents[2]
PROMETHEUS_DIR = ROOT / "docker" / "prometheus"
CONFIG = PROMETHEUS_DIR / "prometheus.yml"
ALERTS = PROMETHEUS_DIR / "alerts.yml"
ALERTS_TEST = PROMETHEUS_DIR / "alerts_test.yml"


needs_promtool = pytest.mark.skipif(
    shutil.which("promtool") is None,
    reason="promtool not installed (Debian package 'prometheus'): rule checks skipped",
)


def promtool(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["promtool", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@needs_promtool
def test_promtool_check_config(tmp_path: Path) -> None:
    # From a copy, so the relative rule_files path is checked as Prometheus resolves it.
    # (Checks the alerting block too: Alertmanager targets and API version.)
    for source in (CONFIG, ALERTS):
        shutil.copy(source, tmp_path / source.name)
    result = promtool("check", "config", str(tmp_path / CONFIG.name))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout


@needs_promtool
def test_promtool_check_rules() -> None:
    result = promtool("check", "rules", str(ALERTS))
    assert result.returncode == 0, result.stdout + result.stderr
    groups = yaml.safe_load(ALERTS.read_text(encoding="utf-8"))["groups"]
    assert f"SUCCESS: {sum(len(group['rules']) for group in groups)} rules found" in result.stdout


@needs_promtool
def test_promtool_test_rules() -> None:
    result = promtool("test", "rules", str(ALERTS_TEST))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout


@needs_promtool
def test_promtool_unit_tests_can_fail(tmp_path: Path) -> None:
    """A wrong expectation makes `promtool test rules` fail: the tests are not vacuous."""
    shutil.copy(ALERTS, tmp_path / ALERTS.name)
    tests = yaml.safe_load(ALERTS_TEST.read_text(encoding="utf-8"))
    for case in tests["tests"]:
        for check in case["alert_rule_test"]:
            if check.get("exp_alerts"):
                check["exp_alerts"] = []
    broken = tmp_path / "alerts_test.yml"
    broken.write_text(yaml.safe_dump(tests), encoding="utf-8")
    result = promtool("test", "rules", str(broken))
    assert result.returncode != 0


def render_rules(tmp_path: Path, docs_url: str | None) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": "/usr/bin:/bin",
        "PROMETHEUS_SOURCE_DIR": str(PROMETHEUS_DIR),
        "PROMETHEUS_CONFIG_DIR": str(tmp_path),
    }
    if docs_url is not None:
        env["HOMER_DOCS_URL"] = docs_url
    return subprocess.run(
        ["sh", str(RENDER)], env=env, capture_output=True, text=True, timeout=30, check=False
    )


def test_runbook_links_follow_one_docs_setting(tmp_path: Path) -> None:
    """compose's Prometheus reads rules rendered by render-rules.sh from HOMER_DOCS_URL."""
    assert f'DEFAULT_DOCS_URL="{DEFAULT_DOCS_URL}"' in RENDER.read_text(encoding="utf-8")
    done = render_rules(tmp_path, "https://docs.example.com/homer/")
    assert done.returncode == 0, done.stderr
    rendered = yaml.safe_load((tmp_path / "alerts.yml").read_text(encoding="utf-8"))
    rules = [r for g in rendered["groups"] for r in g["rules"] if "alert" in r]
    assert len(rules) == len(EXPECTED_ALERTS)
    for rule in rules:
        assert rule["annotations"]["runbook_url"] == (
            f"https://docs.example.com/homer/runbooks.md#{rule['alert'].lower()}"
        )
    # Nothing but the links changed.
    original = ALERTS.read_text(encoding="utf-8")
    assert (tmp_path / "alerts.yml").read_text(encoding="utf-8") == original.replace(
        f"{DEFAULT_DOCS_URL}/", "https://docs.example.com/homer/"
    )
    assert (tmp_path / "prometheus.yml").read_text() == CONFIG.read_text()
    if shutil.which("promtool"):
        checked = promtool("check", "config", str(tmp_path / "prometheus.yml"))
        assert checked.returncode == 0, checked.stdout + checked.stderr
    # Unset or empty: the repository's docs, as alerts.yml says.
    for unset in (None, ""):
        assert render_rules(tmp_path, unset).returncode == 0
        assert (tmp_path / "alerts.yml").read_text(encoding="utf-8") == original


def test_a_bad_docs_url_is_one_line(tmp_path: Path) -> None:
    for bad in ("docs.example.com", 'https://x/"a', "https://x/a|b", "https://x/a b"):
        done = render_rules(tmp_path, bad)
        assert done.returncode == 2, bad
        assert done.stderr.count("\n") == 1 and "HOMER_DOCS_URL" in done.stderr, done.stderr
