"""Facts you can trust: no fact is saved that the lead did not give.

Every wrong-fact case reported in issue 10 is here, at the level where it was wrong:
the extraction (pure functions), the tools (plausibility from the profile, on a real
Postgres) and whole turns with the offline model. One temperature per turn is checked
with parallel tool calls in one model message.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from langchain_core.messages import AIMessage, BaseMessage, ToolMessage

from homer_agent.db.pool import Pool
from homer_agent.models.offline import OfflineChatModel
from homer_agent.ptbr.facts import extract_facts
from homer_agent.session import Session
from homer_agent.tools import BEDROOMS_NOT_OFFERED, BUDGET_UNUSUAL, refusal
from tests.reliability_support import (
    ScriptedChatModel,
    calls_then_reply,
    lead_row,
    session_for,
    tool_call,
)

TZ = ZoneInfo("America/Fortaleza")
NOW = datetime(2026, 11, 25, 11, 0, tzinfo=TZ)  # a Wednesday
FACTS = ("name", "bedrooms", "neighborhood", "budget_brl", "call_at")


def extract(
    text: str, pending: str | None = None, known: tuple[str, ...] = ()
) -> dict[str, object]:
    return extract_facts(
        text, pending=pending, now=NOW, tz=TZ, ignore=["Vila Carnaúba", "Homer"], known=known
    )


# ---------------------------------------------------------------------------
# Extraction: what a message does not say is never read into it


@pytest.mark.parametrize("pending", [None, "name", "bedrooms", "neighborhood", "budget_brl"])
def test_tenho_1_real_is_neither_bedrooms_nor_a_budget(pending: str | None) -> None:
    assert extract("tenho 1 real", pending) == {}


@pytest.mark.parametrize(
    "text",
    ["orçamento de -500 mil", "meu orçamento é -R$ 300.000", "-800 mil", "uns -2 milhões"],
)
def test_negative_amounts_are_never_budgets(text: str) -> None:
    assert "budget_brl" not in extract(text, "budget_brl")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("pode me chamar de Dr. Carlos", "Carlos"),
        ("Sou a Dra. Helena Souza", "Helena Souza"),
        ("meu nome é Sr. João", "João"),
        ("Dona Maria aqui", "Maria"),
        ("Prof. Ana", "Ana"),
        ("meu nome é Teste", "Teste"),
        ("tá bom, é Marcos", "Marcos"),
        ("ok, Marcos", "Marcos"),
    ],
)
def test_names_without_titles_and_reluctant_answers(text: str, name: str) -> None:
    assert extract(text, "name").get("name") == name


def test_swearing_about_traffic_keeps_the_bedrooms() -> None:
    assert extract("que merda de trânsito hoje, mas vamos lá: 3 quartos", "bedrooms") == {
        "bedrooms": 3
    }


@pytest.mark.parametrize(
    "text",
    [
        "ganho 15 mil por mês",
        "minha renda é de 20 mil",
        "recebo uns 12 mil mensais",
        "posso dar 100 mil de entrada",
        "a parcela pode ser de até 3 mil",
        "pago 2 mil de aluguel",
        "meu vizinho pagou 800 mil na casa dele",
        "a casa custa 500 mil?",
    ],
)
def test_income_down_payments_and_other_prices_are_not_budgets(text: str) -> None:
    assert "budget_brl" not in extract(text, "budget_brl")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("moro no Centro, mas quero no Cumbuco", "Cumbuco"),
        # Where the lead lives is no place wanted; where they want to go is (issue 21).
        ("hoje eu moro aqui na Aldeota e quero ir para o Eusébio", "Eusébio"),
        ("eu moro aqui no Centro", None),
        ("trabalho no Meireles", None),
        ("meu irmão comprou no Cumbuco", None),
        ("vi vocês no OLX", None),
        ("quero 3 quartos mas não no Centro", None),
        ("tem casa no Cumbuco?", None),
    ],
)
def test_where_the_lead_lives_is_not_where_they_want_to_live(text: str, place: str | None) -> None:
    assert extract(text, "neighborhood").get("neighborhood") == place


@pytest.mark.parametrize(
    ("text", "pending"),
    [
        ("tenho 2 filhos", "bedrooms"),
        ("meus 3 filhos estudam no Centro", None),
        ("minha filha se chama Ana", "name"),
        ("Sou amigo do Carlos", "name"),
        ("sou a mãe da Júlia", "name"),
        ("meu marido é o Pedro", "name"),
        ("minha casa atual tem 2 quartos", "bedrooms"),
        ("3 ou 4 quartos", "bedrooms"),
        ("tem casa de 5 quartos?", "bedrooms"),
        ("quero um quarto pra cada filho, tenho 3", "bedrooms"),
        ("não quero 2 quartos", "bedrooms"),
        ("3 quartos é pouco", "bedrooms"),
    ],
)
def test_children_relatives_and_the_current_home_are_not_the_leads_facts(
    text: str, pending: str | None
) -> None:
    found = extract(text, pending)
    assert "bedrooms" not in found and "name" not in found, found


def test_suites_do_not_override_bedrooms() -> None:
    assert extract("3 quartos sendo 2 suítes") == {"bedrooms": 3}


def test_hedged_corrections_are_facts() -> None:
    assert extract("pensando bem, melhor 3", "neighborhood", known=("bedrooms",)) == {"bedrooms": 3}
    assert extract("pensando bem, melhor 3", "neighborhood") == {}  # nothing to correct
    assert extract("na verdade são 4 quartos", "budget_brl") == {"bedrooms": 4}


@pytest.mark.parametrize(
    "text",
    [
        "\ufffd\ufffd10h\ufffd 3 quartos amanhã às 15h",
        "abc\x07 R$ 500 mil",
        "#$%&*@!#$%&*@!#$% 3 quartos #$%&*@!#$%&*@!",
    ],
)
def test_garbled_input_gives_no_facts(text: str) -> None:
    assert extract(text, "bedrooms") == {}


# ---------------------------------------------------------------------------
# Tools: plausibility from the profile (a real Postgres, a scripted model)


Calls = list[tuple[str, dict[str, object]]]


def _session(pool: Pool, key: str, *calls_per_turn: Calls) -> Session:
    """A session whose model makes the given tool calls, one list per human message."""
    turns = iter(calls_per_turn)

    def script(messages: Sequence[BaseMessage]) -> AIMessage:
        if isinstance(messages[-1], ToolMessage):
            return AIMessage("Ok.")
        calls = next(turns, [])
        return AIMessage(
            "", tool_calls=[tool_call(name, args, f"c{k}") for k, (name, args) in enumerate(calls)]
        )

    return session_for(pool, key, ScriptedChatModel(script=script))


def _last_refusal(session: Session) -> Mapping[str, Any] | None:
    results = [m for m in session.history() if isinstance(m, ToolMessage)]
    return refusal(results[-1])


def test_bedrooms_the_development_does_not_offer_are_refused(db_url: str, pool: Pool) -> None:
    session = _session(pool, "tools-bedrooms", [("update_bedrooms", {"bedrooms": 1})])
    result = session.turn("quero 1 quarto")

    assert result.stats.tool_errors == 1
    refused = _last_refusal(session)
    assert refused is not None and refused["refused"] == BEDROOMS_NOT_OFFERED
    assert refused["offered"] == [2, 3, 4]
    row = lead_row(db_url, "tools-bedrooms")
    assert row is not None and row["bedrooms"] is None


@pytest.mark.parametrize("amount", [1, 49_999, 50_000_001, 1_000_000_000])
def test_an_unusual_budget_is_saved_only_once_the_lead_confirms(
    db_url: str, pool: Pool, amount: int
) -> None:
    key = f"tools-budget-{amount}"
    call = [("update_budget", {"budget_brl": amount})]
    session = _session(pool, key, call, call)

    first = session.turn(f"meu orçamento é {amount}")
    assert first.stats.tool_errors == 1
    refused = _last_refusal(session)
    assert refused is not None and refused["refused"] == BUDGET_UNUSUAL
    assert refused["value"] == amount
    row = lead_row(db_url, key)
    assert row is not None and row["budget_brl"] is None

    second = session.turn("sim, é isso mesmo")
    assert second.stats.tool_errors == 0
    row = lead_row(db_url, key)
    assert row is not None and row["budget_brl"] == amount


def test_a_usual_budget_is_saved_at_once(db_url: str, pool: Pool) -> None:
    session = _session(pool, "tools-budget-usual", [("update_budget", {"budget_brl": 50_000})])
    assert session.turn("50 mil").stats.tool_errors == 0
    row = lead_row(db_url, "tools-budget-usual")
    assert row is not None and row["budget_brl"] == 50_000


def test_titles_are_dropped_from_names(db_url: str, pool: Pool) -> None:
    session = _session(
        pool,
        "tools-title",
        [("update_lead_name", {"name": "Dr."})],
        [("update_lead_name", {"name": "Dr. Carlos Lima"})],
    )
    assert session.turn("Dr.").stats.tool_errors == 1
    row = lead_row(db_url, "tools-title")
    assert row is not None and row["name"] is None
    session.turn("Dr. Carlos Lima")
    row = lead_row(db_url, "tools-title")
    assert row is not None and row["name"] == "Carlos Lima"


# ---------------------------------------------------------------------------
# Whole turns with the offline model


@pytest.fixture
def offline(pool: Pool) -> Callable[[str], Session]:
    return lambda key: session_for(pool, key, OfflineChatModel(), "offline")


def _facts(db_url: str, key: str) -> dict[str, object]:
    row = lead_row(db_url, key)
    assert row is not None
    return {fact: row[fact] for fact in (*FACTS, "temperature")}


def test_tenho_1_real_saves_nothing_and_the_lead_stays_cold(
    db_url: str, offline: Callable[[str], Session]
) -> None:
    session = offline("offline-1-real")
    session.turn("Oi, sou a Ana")
    session.turn("tenho 1 real")
    facts = _facts(db_url, "offline-1-real")
    assert (facts["bedrooms"], facts["budget_brl"], facts["temperature"]) == (None, None, "cold")


def test_one_billion_is_read_back_and_saved_after_yes(
    db_url: str, offline: Callable[[str], Session]
) -> None:
    session = offline("offline-billion")
    for text in ("Me chamo Rui", "3 quartos", "Aldeota"):
        session.turn(text)
    asked = session.turn("meu orçamento é 1 bilhão").reply
    assert "confirmar" in asked and "R$ 1 bilhão" in asked, asked
    assert _facts(db_url, "offline-billion")["budget_brl"] is None

    session.turn("sim")
    assert _facts(db_url, "offline-billion")["budget_brl"] == 1_000_000_000


def test_one_billion_then_a_new_amount_saves_the_new_amount(
    db_url: str, offline: Callable[[str], Session]
) -> None:
    session = offline("offline-billion-no")
    for text in ("Me chamo Rui", "3 quartos", "Aldeota", "1 bilhão"):
        session.turn(text)
    session.turn("não, desculpa, 1 milhão")
    assert _facts(db_url, "offline-billion-no")["budget_brl"] == 1_000_000


def test_bedrooms_not_offered_are_explained(db_url: str, offline: Callable[[str], Session]) -> None:
    session = offline("offline-5-rooms")
    session.turn("Me chamo Rui")
    reply = session.turn("quero 5 quartos").reply
    assert "2, 3 ou 4 quartos" in reply and "5 quartos" in reply, reply
    assert _facts(db_url, "offline-5-rooms")["bedrooms"] is None
    session.turn("então 4")
    assert _facts(db_url, "offline-5-rooms")["bedrooms"] == 4


def test_swearing_about_traffic_is_not_a_handoff_and_the_facts_are_saved(
    db_url: str, offline: Callable[[str], Session]
) -> None:
    session = offline("offline-traffic")
    session.turn("Me chamo Rui")
    result = session.turn("que merda de trânsito hoje, mas vamos lá: 3 quartos")
    assert result.route == "agent"
    assert _facts(db_url, "offline-traffic")["bedrooms"] == 3


@pytest.mark.parametrize(
    "text",
    ["pode me passar pro corretor?", "quero falar com uma pessoa", "tem alguém aí de verdade?"],
)
def test_requests_for_a_person_are_handed_off(
    db_url: str, offline: Callable[[str], Session], text: str
) -> None:
    key = f"offline-human-{abs(hash(text))}"
    result = offline(key).turn(text)
    assert result.route == "handoff"
    row = lead_row(db_url, key)
    assert row is not None and row["handoff_reason"] == "human"


def test_dr_carlos_is_carlos(db_url: str, offline: Callable[[str], Session]) -> None:
    offline("offline-dr").turn("pode me chamar de Dr. Carlos")
    assert _facts(db_url, "offline-dr")["name"] == "Carlos"


# ---------------------------------------------------------------------------
# One temperature per turn

ALL_AT_ONCE = "Sou o João, quero 2 quartos no Centro até 400 mil, me liga sexta de manhã"


def test_the_same_message_gives_the_same_temperature_every_time(
    db_url: str, offline: Callable[[str], Session]
) -> None:
    temperatures = set()
    for n in range(12):
        session = offline(f"offline-same-{n}")
        result = session.turn(ALL_AT_ONCE)
        assert result.stats.tool_calls == 5  # all five in one model message, run in parallel
        temperatures.add(_facts(db_url, f"offline-same-{n}")["temperature"])
    assert temperatures == {"hot"}


def test_parallel_tool_calls_give_the_temperature_of_the_final_row(db_url: str, pool: Pool) -> None:
    calls = [
        tool_call("update_lead_name", {"name": "Ana"}, "p1"),
        tool_call("update_bedrooms", {"bedrooms": 3}, "p2"),
        tool_call("update_neighborhood", {"neighborhood": "Centro"}, "p3"),
        tool_call("update_budget", {"budget_brl": 600_000}, "p4"),
    ]
    for n in range(8):
        key = f"parallel-{n}"
        session = session_for(pool, key, ScriptedChatModel(script=calls_then_reply(calls)))
        assert session.turn("Ana, 3 quartos, Centro, 600 mil").stats.tool_calls == 4
        # Complete (1.0) with a neutral mood: 0.6 + 0.2 = 0.8, hot. A tool that computed it
        # from its own row, before the others wrote, would have left it cold or warm.
        assert _facts(db_url, key)["temperature"] == "hot"


@pytest.mark.parametrize("pending", ["name", "neighborhood"])
@pytest.mark.parametrize(
    "text",
    [
        "kkkkk",
        "rsrs",
        "Nossa",
        "Caramba",
        "Eita",
        "Legal, obrigado",
        "Whatsapp",
        "Aff",
        "Legal",
        "Interessante",
        "Anônimo",
    ],
)
def test_laughter_and_interjections_are_neither_names_nor_places(text: str, pending: str) -> None:
    assert extract(text, pending) == {}


@pytest.mark.parametrize(
    "text", ["Centro", "centro", "Zona Sul", "Praia do Futuro", "perto da praia", "Litoral"]
)
def test_a_place_given_when_the_name_was_asked_is_no_name(text: str) -> None:
    # "Como posso te chamar?" — "Centro": the lead answered another question.
    assert "name" not in extract(text, "name")


@pytest.mark.parametrize(
    "text",
    [
        "aceita financiamento",
        "financiamento",
        "aceita FGTS",
        "tem piscina",
        "e a entrada",
        "parcela em quantas vezes",
        "quando fica pronta",
    ],
)
def test_a_question_given_when_the_place_was_asked_is_no_place(text: str) -> None:
    # "Em qual bairro?" — "aceita financiamento": the lead asked something else.
    assert "neighborhood" not in extract(text, "neighborhood")


@pytest.mark.parametrize("pending", [None, "name"])
@pytest.mark.parametrize(
    "text",
    [
        "E o condomínio?",
        "E o condomínio, sai por quanto mais ou menos?",
        "E a piscina, é aquecida?",
        "E o Centro, fica longe?",
        "E o Cumbuco, é perto?",
    ],
)
def test_and_the_x_asks_about_x_and_names_nobody(text: str, pending: str | None) -> None:
    # "e o X?" folds like "é o X" ("it's X"): in a question it is "and what about X?".
    assert "name" not in extract(text, pending)


@pytest.mark.parametrize("text", ["É o Lucas", "é o Lucas.", "Oi, é a Ana"])
def test_it_is_x_still_gives_the_name(text: str) -> None:
    assert "name" in extract(text, "name")


@pytest.mark.parametrize(
    "text",
    [
        "O apartamento custa quanto? Vi 450 mil no site",
        "vi 450 mil no anúncio",
        "a casa custa 500 mil?",
        "estão cobrando 600 mil na de 3 quartos",
    ],
)
def test_a_price_seen_is_no_budget(text: str) -> None:
    assert "budget_brl" not in extract(text, "budget_brl")


def test_a_city_of_a_saint_is_no_name_but_may_be_the_place() -> None:
    assert extract("São Paulo", "name") == {}
    assert extract("São Paulo", "neighborhood") == {"neighborhood": "São Paulo"}


@pytest.mark.parametrize(
    "text",
    ["A casa da minha mãe tem 4 quartos", "o apartamento do meu irmão possui 3 quartos"],
)
def test_somebody_elses_home_gives_no_bedrooms(text: str) -> None:
    assert "bedrooms" not in extract(text, "bedrooms")


def test_a_home_described_then_the_home_wanted() -> None:
    said = "a casa do meu irmão possui 3 quartos e eu quero 2 quartos"
    assert extract(said, "bedrooms") == {"bedrooms": 2}


@pytest.mark.parametrize("text", ["Me chamo Silva", "Sr. João", "Dra. Ana", "Aí mesmo", "Ali"])
def test_a_name_given_when_the_place_was_asked_is_no_place(text: str) -> None:
    assert "neighborhood" not in extract(text, "neighborhood")


def test_incomes_joined_by_and_are_no_budget() -> None:
    assert "budget_brl" not in extract("Eu ganho 8 mil e minha esposa 6 mil", "budget_brl")
    said = "ganho 15 mil por mês e meu orçamento é 500 mil"
    assert extract(said, "budget_brl") == {"budget_brl": 500_000}


@pytest.mark.parametrize("text", ["Tiago, 35 anos, engenheiro", "Tiago, aposentado"])
def test_an_introduction_given_when_the_place_was_asked_is_no_place(text: str) -> None:
    assert "neighborhood" not in extract(text, "neighborhood")
