"""A process reuses the checkpoint it wrote last for a conversation (agent.TurnSaver keeps
its values, so the next turn does not decode them again), but only while that checkpoint is
still the conversation's latest: a turn another process ran in between is read from the
database."""

from __future__ import annotations

from langchain_core.messages import HumanMessage

from homer_agent.db.pool import Pool
from tests.support.sessions import offline_session


def _human_texts(messages: list[object]) -> list[str]:
    return [m.text for m in messages if isinstance(m, HumanMessage)]


def test_a_turn_of_another_process_is_read_not_hidden_by_the_kept_checkpoint(
    pool: Pool,
) -> None:
    here = offline_session(pool, "reuse-two-processes")
    there = offline_session(pool, "reuse-two-processes")  # another agent: its own saver
    here.turn("Oi, me chamo Ana Souza")
    there.turn("Quero uma casa de 3 quartos")
    here.turn("Tem piscina?")
    assert _human_texts(here.history()) == [
        "Oi, me chamo Ana Souza",
        "Quero uma casa de 3 quartos",
        "Tem piscina?",
    ]


def test_the_kept_checkpoint_is_what_the_database_holds(pool: Pool) -> None:
    session = offline_session(pool, "reuse-one-process")
    for text in ("Oi, me chamo Ana Souza", "Quero uma casa de 3 quartos", "Tem piscina?"):
        session.turn(text)
    saver = session.agent.checkpointer
    config = session.config
    kept_id, kept = saver._written[config["configurable"]["thread_id"]]
    stored = saver.get_tuple(config)  # outside a turn: LangGraph's own read and decoding
    assert stored is not None
    assert stored.checkpoint["id"] == kept_id
    assert kept["messages"] == stored.checkpoint["channel_values"]["messages"]
    assert [type(m) for m in kept["messages"]] == [
        type(m) for m in stored.checkpoint["channel_values"]["messages"]
    ]
