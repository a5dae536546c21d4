"""The record of what a turn did: the nodes' parts merge into one (state.TurnRecord)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from homer_agent.db.models import Lead, LeadTemperature
from homer_agent.state import TurnRecord

T0 = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def row(updated: datetime, **facts: object) -> Lead:
    fields: dict[str, object] = {
        "id": 1,
        "session_key": "k",
        "name": None,
        "bedrooms": None,
        "neighborhood": None,
        "budget_brl": None,
        "call_at": None,
        "temperature": LeadTemperature.COLD,
        "created_at": T0,
        "updated_at": updated,
    }
    return Lead.model_construct(**{**fields, **facts})


def test_counts_add_up_and_the_first_fallback_reason_stays() -> None:
    merged = (
        TurnRecord(sentiment=0.5)
        .merge(TurnRecord(model_calls=1, prompt_tokens=10, fallback_reason="timeout"))
        .merge(TurnRecord(tool_calls=2, tool_errors=1))
        .merge(TurnRecord(model_calls=1, completion_tokens=5, fallback_reason="circuit_open"))
    )
    assert (merged.model_calls, merged.prompt_tokens, merged.completion_tokens) == (2, 10, 5)
    assert (merged.tool_calls, merged.tool_errors) == (2, 1)
    assert merged.fallback_reason == "timeout"
    assert merged.sentiment == 0.5
    assert merged.route == "agent"


def test_a_handoff_and_a_calendar_attempt_stick() -> None:
    merged = TurnRecord(route="handoff").merge(TurnRecord(calendar_tried=True)).merge(TurnRecord())
    assert merged.route == "handoff"
    assert merged.calendar_tried


def test_the_tools_changes_merge_and_the_newest_row_wins_in_any_order() -> None:
    older = row(T0, name="Ana")
    newer = row(T0 + timedelta(milliseconds=1), name="Ana", bedrooms=3)
    first = TurnRecord(changes={"name": "Ana"}, lead=older)
    second = TurnRecord(changes={"bedrooms": 3}, lead=newer)
    for merged in (first.merge(second), second.merge(first)):
        assert merged.changes == {"name": "Ana", "bedrooms": 3}
        assert merged.lead is newer
