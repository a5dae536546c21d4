"""Postgres round trips of one turn, counted by the bench's relay (bench.roundtrips).

A turn locks the lead and reads it and its checkpoint (one pipeline), then writes the
checkpoint with its record and the unlock (one pipeline): two round trips when the model
calls no tool. Counted, not timed.
"""

from __future__ import annotations

from dataclasses import replace

from bench.roundtrips import RoundTripRelay
from homer_agent.agent import build_agent
from homer_agent.db.pool import open_pool
from homer_agent.models.offline import OfflineChatModel
from homer_agent.profile import load_profile

PLAIN_TURN_ROUND_TRIPS = 2


def test_a_turn_without_tools_takes_two_round_trips(db_url: str) -> None:
    with RoundTripRelay(db_url) as relay:
        pool = open_pool(relay.url, max_size=1)
        try:
            agent = build_agent(
                pool=pool, model=OfflineChatModel(), model_name="offline", profile=load_profile()
            )
            # Never prune here: pruning is a separate, occasional cost.
            agent = replace(agent, draw=lambda: 1.0)
            session = agent.session("round-trips")
            for text in ("Oi, boa tarde!", "Meu nome é Ana", "Obrigada!"):
                session.turn(text)  # statements get prepared on the connection
            counts = []
            for text in ("Obrigada!", "Valeu!", "Perfeito"):
                before = relay.count
                result = session.turn(text)
                counts.append(relay.count - before)
                assert result.error is None and result.stats.tool_calls == 0, result
        finally:
            pool.close()
    assert counts == [PLAIN_TURN_ROUND_TRIPS] * 3
