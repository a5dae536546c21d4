"""Postgres round trips of one turn, counted by the bench's relay (bench.roundtrips).

A turn locks the lead and reads it and its checkpoint (one pipeline), then writes the
checkpoint with its record and the unlock (one pipeline): two round trips when the model
calls no tool. Counted, not timed.
"""

from __future__ import annotations

from bench.roundtrips import counted_agent

PLAIN_TURN_ROUND_TRIPS = 2


def test_a_turn_without_tools_takes_two_round_trips(db_url: str) -> None:
    with counted_agent(db_url) as (agent, relay):
        session = agent.session("round-trips")
        for text in ("Oi, boa tarde!", "Meu nome é Ana", "Obrigada!"):
            session.turn(text)  # statements get prepared on the connection
        counts = []
        for text in ("Obrigada!", "Valeu!", "Perfeito"):
            before = relay.count
            result = session.turn(text)
            counts.append(relay.count - before)
            assert result.error is None and result.stats.tool_calls == 0, result
    assert counts == [PLAIN_TURN_ROUND_TRIPS] * 3
