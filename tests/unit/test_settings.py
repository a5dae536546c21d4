"""Settings: every variable documented, bad values named."""

from __future__ import annotations

import re
from pathlib import Path

from homer_agent.config import Settings

ROOT = Path(__file__).resolve().parents[2]


def test_env_example_documents_every_setting() -> None:
    documented = set(
        re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.M)
    )
    expected = {name.upper() for name in Settings.model_fields}
    assert expected <= documented, f"undocumented: {sorted(expected - documented)}"


def test_dot_env_is_git_ignored() -> None:
    assert ".env" in (ROOT / ".gitignore").read_text().splitlines()
