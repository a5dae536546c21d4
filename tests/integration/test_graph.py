"""The turn as a whole: `homer_agent.session.Session` on a real Postgres.

Each test drives a Session (the graph, its checkpointer, the lead lock and the turn
record) with the offline model, or with a tiny scripted chat model where the behaviour
under test is about what a model might do (loop on tools, fail).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage

from homer_agent.db.models import Lead, Turn
from homer_agent.db.pool import Pool
from homer_agent.leads import querier
from homer_agent.models.offline import OfflineChatModel
from homer_agent.nodes.agent import OUT_OF_STEPS_REPLY
from homer_agent.nodes.handoff import REPLIES
from homer_agent.profile import load_profile
from homer_agent.ptbr.sentiment import HOSTILE_THRESHOLD
from homer_agent.session import ERROR_REPLIES, RECURSION_LIMIT, Session
from tests.support.reliability_support import ScriptedChatModel, tool_call
from tests.support.sessions import session_for


def looping_model() -> ScriptedChatModel:
    """Answers every call with another tool call: a model stuck in a tool loop."""

    def script(messages: Sequence[BaseMessage]) -> AIMessage:
        n = len(model.seen)
        return AIMessage(
            "", tool_calls=[tool_call("update_bedrooms", {"bedrooms": 3}, f"loop-{n}")]
        )

    model = ScriptedChatModel(script=script)
    return model


def broken_model() -> ScriptedChatModel:
    """Fails on every call, as a bug in the model layer would."""

    def script(messages: Sequence[BaseMessage]) -> AIMessage:
        raise RuntimeError("the chat model must not be called here")

    return ScriptedChatModel(script=script)


@pytest.fixture
def open_session(pool: Pool) -> Callable[..., Session]:
    def open_(key: str, model: BaseChatModel | None = None) -> Session:
        chosen = model if model is not None else OfflineChatModel()
        name = "offline" if isinstance(chosen, OfflineChatModel) else chosen._llm_type
        return session_for(pool, key, chosen, name)

    return open_


def lead_of(pool: Pool, session: Session) -> Lead:
    with querier(pool) as q:
        lead = q.get_lead(id=session.lead.id)
    assert lead is not None
    return lead


def turns_of(pool: Pool, session: Session) -> list[Turn]:
    with querier(pool) as q:
        return q.list_turns(lead_id=session.lead.id)


def test_a_broker_edit_in_the_database_shows_up_in_the_next_answer(
    pool: Pool, open_session: Callable[..., Session]
) -> None:
    session = open_session("graph-broker")
    asked = session.turn("Oi, me chamo Ana").reply
    assert "quartos" in asked

    # A broker fills in two facts straight in the table, between two messages.
    with pool.connection() as conn:
        conn.execute(
            "UPDATE leads SET bedrooms = 3, neighborhood = 'Aldeota' WHERE id = %s",
            (session.lead.id,),
        )
    reply = session.turn("Oi, tudo bem?").reply

    assert "orçamento" in reply or "investir" in reply, reply  # the next missing fact ...
    assert "quartos" not in reply and "bairro" not in reply, reply  # ... not the edited ones
    lead = lead_of(pool, session)
    assert (lead.bedrooms, lead.neighborhood) == (3, "Aldeota")


def test_questions_about_the_development_mid_flow_are_answered_and_the_flow_goes_on(
    pool: Pool, open_session: Callable[..., Session]
) -> None:
    amenities = load_profile().amenities
    session = open_session("graph-questions")
    session.turn("Olá, meu nome é Beatriz")

    leisure = session.turn("Quais são as opções de lazer?")
    houses = session.turn("Quantos quartos tem as casas?")
    saved = session.turn("Quero 2 quartos")
    mixed = session.turn("Tem piscina? Prefiro no Meireles")

    assert all(amenity in leisure.reply for amenity in amenities), leisure.reply
    assert "2, 3 ou 4 quartos" in houses.reply
    for question in (leisure, houses):
        assert question.stats.tool_calls == 1  # search_development: no document indexed here
        assert "quartos você" in question.reply  # ... and asks for the bedrooms again
    assert "bairro" in saved.reply
    # A fact and a question in one message: saved, answered, and the next fact asked.
    assert mixed.stats.tool_calls == 2  # update_neighborhood and search_development
    assert "piscina" in mixed.reply and "academia" in mixed.reply
    assert "orçamento" in mixed.reply or "investir" in mixed.reply
    lead = lead_of(pool, session)
    assert (lead.name, lead.bedrooms, lead.neighborhood) == ("Beatriz", 2, "Meireles")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Sou a Ana e quero falar com um corretor", "human"),
        ("Me chamo Ana. Pare de me mandar mensagem", "opt_out"),
        ("Vocês são uns incompetentes, péssimo atendimento, uma vergonha", "hostile"),
    ],
)
def test_a_handoff_gets_the_fixed_reply_and_is_recorded_without_the_model(
    pool: Pool, open_session: Callable[..., Session], text: str, reason: str
) -> None:
    # The model would fail the turn if the agent node ran at all.
    session = open_session(f"graph-handoff-{reason}", broken_model())

    result = session.turn(text)

    assert result.error is None
    assert result.route == "handoff"
    assert result.reply == REPLIES[reason]  # type: ignore[index]
    assert (result.stats.model_calls, result.stats.tool_calls) == (0, 0)
    lead = lead_of(pool, session)
    assert lead.handoff_reason == reason
    assert lead.handoff_at is not None
    assert lead.name is None  # the name in the message was not saved: no tool ran
    history = session.history()
    assert [m.type for m in history] == ["human", "ai"]
    assert not any(getattr(m, "tool_calls", None) for m in history)
    [turn] = turns_of(pool, session)
    assert (turn.route, turn.error, turn.tool_calls) == ("handoff", None, 0)


def test_a_tool_loop_ends_with_the_graceful_reply(
    pool: Pool, open_session: Callable[..., Session]
) -> None:
    model = looping_model()
    session = open_session("graph-loop", model)

    result = session.turn("Quero 3 quartos")

    assert result.error is None
    assert result.reply == OUT_OF_STEPS_REPLY
    assert 1 < len(model.seen) < RECURSION_LIMIT
    assert result.stats.tool_calls == len(model.seen) - 1  # the last call was not run
    assert lead_of(pool, session).bedrooms == 3
    history = session.history()
    assert history[-1].type == "ai" and history[-1].text == OUT_OF_STEPS_REPLY
    # Every tool call in the checkpoint has its answer: the next turn can go on.
    called = {c["id"] for m in history if isinstance(m, AIMessage) for c in m.tool_calls}
    answered = {m.tool_call_id for m in history if m.type == "tool"}
    assert called == answered
    assert session.turn("Oi?").reply == OUT_OF_STEPS_REPLY
    assert [t.error for t in turns_of(pool, session)] == [None, None]


def test_a_lead_who_gives_everything_and_books_a_call_becomes_hot(
    pool: Pool, open_session: Callable[..., Session]
) -> None:
    session = open_session("graph-hot")
    messages = [
        "Oi",
        "Me chamo Ana",
        "Quero 3 quartos",
        "Na Aldeota",
        "Uns 800 mil",
        "Segunda às 15h",  # always inside call hours, whatever today is
    ]

    for text in messages:
        assert session.turn(text).error is None

    lead = lead_of(pool, session)
    assert lead.call_at is not None
    assert lead.temperature == "hot"
    # Neutral messages: completeness alone moves it (temperature.py's rule),
    # 0.2 → 0.26 → 0.41 → 0.56 → 0.8, then the booked call.
    temperatures = [t.temperature for t in turns_of(pool, session)]
    assert temperatures == ["cold", "cold", "warm", "warm", "hot", "hot"]


def test_a_hostile_message_cools_a_lead_with_a_booked_call(
    pool: Pool, open_session: Callable[..., Session]
) -> None:
    session = open_session("graph-hostile")
    assert session.turn("Sou a Bia, pode ligar segunda às 10h").error is None
    assert lead_of(pool, session).temperature == "hot"  # a booked call makes it hot

    result = session.turn("Vocês são uns incompetentes, péssimo atendimento, uma vergonha")

    assert result.route == "handoff"
    assert result.stats.sentiment <= HOSTILE_THRESHOLD
    lead = lead_of(pool, session)
    assert lead.handoff_reason == "hostile"
    assert lead.call_at is not None  # the booking stays; the mood no longer makes it hot
    assert lead.temperature == "cold"
    assert [t.temperature for t in turns_of(pool, session)] == ["hot", "cold"]


def test_each_turn_writes_one_row_into_turns(
    pool: Pool, open_session: Callable[..., Session]
) -> None:
    session = open_session("graph-turns")
    results = [session.turn("Oi, me chamo Ana e quero 3 quartos")]
    # The same lead in another session whose model fails: the failed turn is recorded too.
    broken = open_session("graph-turns", broken_model())
    results.append(broken.turn("Na Aldeota"))
    # Last: after a hand-off the conversation is held, and the model is not asked.
    results.append(session.turn("Quero falar com um corretor"))

    turns = turns_of(pool, session)

    assert len(turns) == len(results) == 3
    assert [t.route for t in turns] == ["agent", "agent", "handoff"]
    assert [t.error for t in turns] == [None, "internal", None]
    assert [t.model for t in turns] == ["offline", "scripted", "offline"]
    assert [t.tool_calls for t in turns] == [2, 0, 0]
    assert [t.sentiment for t in turns] == [r.stats.sentiment for r in results]
    assert turns[0].model_ms > 0 and turns[0].prompt_tokens > 0
    assert all(t.duration_ms > 0 for t in turns)
    assert results[1].reply == ERROR_REPLIES["internal"]
    assert turns[-1].temperature == lead_of(pool, session).temperature
