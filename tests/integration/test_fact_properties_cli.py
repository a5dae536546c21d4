"""Random bytes through the real CLI leave the lead empty and cold.

The property tests of the extraction itself are in tests/unit/test_fact_properties.py.
"""

from __future__ import annotations

import random

from tests.conftest import run_cli
from tests.support.reliability_support import lead_row


def test_20kb_of_random_bytes_through_the_cli_leave_the_lead_empty_and_cold(db_url: str) -> None:
    noise = random.Random(20261203).randbytes(20_000)
    chat = run_cli("chat", "--session", "random-bytes", env={"DATABASE_URL": db_url}, stdin=noise)
    assert chat.returncode == 0, chat.stderr
    assert "Traceback" not in chat.stderr
    row = lead_row(db_url, "random-bytes")
    assert row is not None
    facts = ("name", "bedrooms", "neighborhood", "budget_brl", "call_at")
    assert {fact: row[fact] for fact in facts} == dict.fromkeys(facts)
    assert row["temperature"] == "cold"
