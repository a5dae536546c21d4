"""Postgres round trips of an in-process service turn (`Homer.turn`), counted by the
bench's relay (bench.roundtrips), and the lead its reply carries. Counted, not timed.

With a message id: `BEGIN`, the lock, the lead and checkpoint reads and the receipt check
(one pipeline); the writes with the receipt, the unlock, the notes read for the reply and
`COMMIT` (one pipeline). Without one: the lock and reads, the writes and unlock, the notes
read.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bench.roundtrips import RoundTripRelay, counted_agent
from homer_agent.config import Settings
from homer_agent.service.homer import Homer

WITH_MESSAGE_ID = 2
WITHOUT_MESSAGE_ID = 3


@pytest.fixture
def counted(db_url: str) -> Iterator[tuple[Homer, RoundTripRelay]]:
    with counted_agent(db_url) as (agent, relay):
        yield Homer(Settings(homer_model="offline"), agent), relay


def test_a_service_turn_counts_its_round_trips(counted: tuple[Homer, RoundTripRelay]) -> None:
    homer, relay = counted
    for k in range(3):  # statements get prepared on the connection
        homer.turn("trips", "Oi, boa tarde!", message_id=f"w{k}")
    counts: dict[str, list[int]] = {"id": [], "none": []}
    for kind, trips in counts.items():
        for k in range(3):
            before = relay.count
            outcome = homer.turn("trips", "Obrigada!", message_id=f"{k}" if kind == "id" else None)
            trips.append(relay.count - before)
            assert outcome.error is None and outcome.lead["session_key"] == "trips", outcome
    assert counts == {"id": [WITH_MESSAGE_ID] * 3, "none": [WITHOUT_MESSAGE_ID] * 3}


def test_the_notes_a_turn_takes_are_in_its_reply(
    counted: tuple[Homer, RoundTripRelay],
) -> None:
    homer, _ = counted
    first = homer.turn("notes", "Oi, sou a Nina e tenho um gato", message_id="n1")
    assert first.lead["notes"] == [{"category": "pets", "text": "tem gato"}]
    second = homer.turn("notes", "minha irmã tem 3 filhos, aceita pet?", message_id="n2")
    expected = [
        {"category": "pets", "text": "tem gato"},
        {"category": "question", "text": "perguntou sobre pets"},
    ]
    assert second.lead["notes"] == expected
    again = homer.turn("notes", "minha irmã tem 3 filhos, aceita pet?", message_id="n2")
    assert again.duplicate and again.reply == second.reply and again.lead == second.lead
    assert homer.turn("notes", "Obrigada!", with_lead=False, message_id="n3").lead == {}
