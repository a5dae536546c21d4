"""Fact extraction from pt-BR lead messages."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from homer_agent.facts import FACT_ORDER, LeadFacts, next_missing
from homer_agent.ptbr.facts import extract_facts, states_own_schedule
from homer_agent.ptbr.times import parse_when
from tests.support.example_conversations import EXAMPLES

TZ = ZoneInfo("America/Fortaleza")
NOW = datetime(2026, 11, 25, 11, 0, tzinfo=TZ)  # a Wednesday


def extract(text: str, pending: str | None = None) -> dict[str, object]:
    return extract_facts(text, pending=pending, now=NOW, tz=TZ, ignore=["Vila Carnaúba", "Homer"])


def apply(facts: LeadFacts, found: dict[str, object]) -> LeadFacts:
    """What the tools would store: call_at arrives as the ISO string for schedule_call."""
    update = dict(found)
    if "call_at" in update:
        update["call_at"] = parse_when(str(update["call_at"]), now=NOW, tz=TZ)
    return LeadFacts.model_validate({**facts.model_dump(), **update})


def run_conversation(messages: list[str]) -> LeadFacts:
    facts = LeadFacts()
    for message in messages:
        facts = apply(facts, extract(message, next_missing(facts)))
    return facts


# ---------------------------------------------------------------------------
# The three public example conversations


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_the_example_conversations(name: str) -> None:
    messages, facts = EXAMPLES[name]
    assert run_conversation(messages) == facts


def test_other_conversation_in_lower_case_and_words() -> None:
    facts = run_conversation(
        [
            "oi, tudo bem?",
            "maria clara",
            "quero uma de quatro dormitórios",
            "na aldeota",
            "uns 800",
            "sexta de manhã",
        ]
    )
    assert facts == LeadFacts(
        name="Maria Clara",
        bedrooms=4,
        neighborhood="Aldeota",
        budget_brl=800_000,
        call_at=datetime(2026, 11, 27, 9, 0, tzinfo=TZ),
    )


def test_everything_in_one_message() -> None:
    found = extract(
        "Boa tarde! Me chamo Carla Souza, quero 2 quartos na Aldeota, "
        "orçamento de R$ 650 mil, pode ligar amanhã às 16h"
    )
    assert found == {
        "name": "Carla Souza",
        "bedrooms": 2,
        "neighborhood": "Aldeota",
        "budget_brl": 650_000,
        "call_at": "2026-11-26T16:00:00-03:00",
    }
    assert list(found) == [key for key in FACT_ORDER if key in found]


# ---------------------------------------------------------------------------
# Names


@pytest.mark.parametrize(
    ("text", "pending", "name"),
    [
        ("Me chamo Ana", None, "Ana"),
        ("me chamo ana", None, "Ana"),
        ("Meu nome é João Pedro Almeida", None, "João Pedro Almeida"),
        ("meu nome é joão pedro e quero 3 quartos", None, "João Pedro"),
        ("Meu nome é Maria da Silva.", None, "Maria da Silva"),
        ("Sou a Fernanda", None, "Fernanda"),
        ("Eu sou o Carlos Eduardo, tudo bem?", None, "Carlos Eduardo"),
        ("sou a fernanda", "name", "Fernanda"),
        ("Oi, aqui é o Ricardo", None, "Ricardo"),
        ("Aqui é a Luíza", None, "Luíza"),
        ("é a Ana falando", None, "Ana"),
        ("Bom dia! Quem fala é o Tiago", None, "Tiago"),
        ("Pode me chamar de Zé", None, "Zé"),
        ("corrigindo, meu nome é Patrícia Gomes", "bedrooms", "Patrícia Gomes"),
        ("Fernanda", "name", "Fernanda"),
        ("Bom dia, Fernanda!", "name", "Fernanda"),
        ("joão pedro almeida", "name", "João Pedro Almeida"),
        ("Antônio Conceição", "name", "Antônio Conceição"),
        ("Ana Maria d'Ávila", "name", "Ana Maria d'Ávila"),
        ("É o Lucas", "name", "Lucas"),
        ("O nome é Sérgio", None, "Sérgio"),
        ("Carlos aqui", "name", "Carlos"),
        ("Prazer, Rafael", "name", "Rafael"),
        ("Sou de Fortaleza e me chamo Bruno", None, "Bruno"),
        ("me chamo margarida aparecida", None, "Margarida Aparecida"),
    ],
)
def test_names(text: str, pending: str | None, name: str) -> None:
    assert extract(text, pending).get("name") == name


@pytest.mark.parametrize(
    ("text", "pending"),
    [
        ("Olá!", "name"),
        ("Oi", "name"),
        ("Bom dia", "name"),
        ("tudo bem?", "name"),
        ("sou de Fortaleza", "name"),
        ("sou casado", "name"),
        ("sou casada e tenho dois filhos", "name"),
        ("Sou corretor", "name"),
        ("sou interessado na casa", "name"),
        ("Quero saber o preço", "name"),
        ("quero informações", "name"),
        ("Qual o valor?", "name"),
        ("ok", "name"),
        ("sim", "name"),
        ("Fernanda", "bedrooms"),
        ("Olá, Homer", "name"),
        ("oi homer!", "name"),
        ("Procuro uma casa com 3 quartos", "name"),
    ],
)
def test_not_names(text: str, pending: str | None) -> None:
    assert "name" not in extract(text, pending)


def test_name_length_is_capped() -> None:
    name = extract("Meu nome é " + " ".join(["Abcdefghijklmnopqrstuvwxyz"] * 5))["name"]
    assert isinstance(name, str)
    assert 1 <= len(name) <= 120


# ---------------------------------------------------------------------------
# Bedrooms


@pytest.mark.parametrize(
    ("text", "pending", "bedrooms"),
    [
        ("3 quartos", None, 3),
        ("Procuro uma casa com 3 quartos", None, 3),
        ("casa de 2 quartos", None, 2),
        ("Preciso de dois quartos", None, 2),
        ("três dormitórios", None, 3),
        ("tres quartos", None, 3),
        ("quero uma de quatro quartos", None, 4),
        ("1 quarto", None, 1),
        ("dez quartos", None, 10),
        ("3 suítes", None, 3),
        ("na verdade são 4 quartos", "neighborhood", 4),
        ("Desculpa, são três quartos na verdade", "call_at", 3),
        ("3", "bedrooms", 3),
        ("três", "bedrooms", 3),
        ("São 2.", "bedrooms", 2),
        ("uns 3", "bedrooms", 3),
        ("4 quartos, no Cumbuco, até 2 milhões", None, 4),
        ("no mínimo 3", "bedrooms", 3),
        ("Três, por favor", "bedrooms", 3),
        ("quero uma de 4", "bedrooms", 4),
        ("uma casa de 2", "bedrooms", 2),
        ("pelo menos 3 quartos", None, 3),
    ],
)
def test_bedrooms(text: str, pending: str | None, bedrooms: int) -> None:
    assert extract(text, pending).get("bedrooms") == bedrooms


@pytest.mark.parametrize(
    ("text", "pending"),
    [
        ("uma suíte", None),
        ("com suíte", None),
        ("Quero uma casa", "bedrooms"),
        ("3", None),
        ("3", "budget_brl"),
        ("15 quartos", None),
        ("0 quartos", None),
        ("tenho 2 filhos", "bedrooms"),
        ("quarto andar", None),
        ("11", "bedrooms"),
    ],
)
def test_not_bedrooms(text: str, pending: str | None) -> None:
    assert "bedrooms" not in extract(text, pending)


# ---------------------------------------------------------------------------
# Budget


@pytest.mark.parametrize(
    ("text", "pending", "budget"),
    [
        ("750 mil", None, 750_000),
        ("R$ 1,2 milhão", None, 1_200_000),
        ("480.000 reais", None, 480_000),
        ("500k", None, 500_000),
        ("até 2 milhões", None, 2_000_000),
        ("R$ 450.000", None, 450_000),
        ("R$ 450.000,00", None, 450_000),
        ("R$450000", None, 450_000),
        ("um milhão e meio", None, 1_500_000),
        ("900 mil reais", None, 900_000),
        ("Meu orçamento é de 900 mil reais", None, 900_000),
        ("Tenho R$ 450.000", None, 450_000),
        ("meio milhão", None, 500_000),
        ("1 milhão e 200 mil", None, 1_200_000),
        ("um milhão e duzentos", None, 1_200_000),
        ("dois milhões e quinhentos mil", None, 2_500_000),
        ("quinhentos e cinquenta mil", None, 550_000),
        ("1.5 milhão", None, 1_500_000),
        ("2 mi", None, 2_000_000),
        ("entre 500 e 600 mil", None, 600_000),
        ("orçamento de 800", None, 800_000),
        ("tenho 350000", None, 350_000),
        ("800", "budget_brl", 800_000),
        ("uns 800 mil", "budget_brl", 800_000),
        ("600000", "budget_brl", 600_000),
        ("até 1.000.000", "budget_brl", 1_000_000),
        ("novecentos mil", None, 900_000),
    ],
)
def test_budget(text: str, pending: str | None, budget: int) -> None:
    assert extract(text, pending).get("budget_brl") == budget


@pytest.mark.parametrize(
    ("text", "pending"),
    [
        ("3 quartos", "budget_brl"),
        ("mil vezes obrigado", None),
        ("tenho 2 filhos", None),
        ("800", None),
        ("3", "budget_brl"),
        ("Pode ligar no dia 10/02/2027 às 15h", "budget_brl"),
        ("quero 2 mil coisas", "neighborhood"),
    ],
)
def test_not_budget(text: str, pending: str | None) -> None:
    found = extract(text, pending)
    if text == "quero 2 mil coisas":
        # A scale word makes it money; an agent would accept R$ 2.000 and the lead can correct.
        assert found.get("budget_brl") in (None, 2000)
    else:
        assert "budget_brl" not in found


def test_budget_and_bedrooms_in_one_sentence_do_not_mix() -> None:
    assert extract("900 mil e 3 quartos") == {"bedrooms": 3, "budget_brl": 900_000}


# ---------------------------------------------------------------------------
# Neighbourhood


@pytest.mark.parametrize(
    ("text", "pending", "place"),
    [
        ("no bairro Praia do Futuro", None, "Praia do Futuro"),
        ("Quero no bairro Praia do Futuro", None, "Praia do Futuro"),
        ("bairro Aldeota", None, "Aldeota"),
        ("Bairro: Meireles", None, "Meireles"),
        ("na Aldeota", None, "Aldeota"),
        ("Prefiro algo na Aldeota, perto do shopping", None, "Aldeota"),
        ("no Cumbuco", None, "Cumbuco"),
        ("em Meireles", None, "Meireles"),
        ("4 quartos, no Cumbuco, até 2 milhões", None, "Cumbuco"),
        ("Na Praia de Iracema e com 3 quartos", None, "Praia de Iracema"),
        ("Centro", "neighborhood", "Centro"),
        ("centro", "neighborhood", "Centro"),
        ("no centro", "neighborhood", "Centro"),
        ("Aldeota, até 800 mil", "neighborhood", "Aldeota"),
        ("praia do futuro", "neighborhood", "Praia do Futuro"),
        ("no bairro cocó", "neighborhood", "Cocó"),
        ("Quero no Eusébio", None, "Eusébio"),
        ("no Porto das Dunas", None, "Porto das Dunas"),
        ("Prefiro o bairro Cocó", None, "Cocó"),
        ("Zona leste", "neighborhood", "Zona leste"),
        ("Cocó, por favor", "neighborhood", "Cocó"),
        ("Bairro Parque Manibura", None, "Parque Manibura"),
    ],
)
def test_neighborhoods(text: str, pending: str | None, place: str) -> None:
    assert extract(text, pending).get("neighborhood") == place


@pytest.mark.parametrize(
    ("text", "pending"),
    [
        ("no dia 10 eu posso", "neighborhood"),
        ("Na verdade são 4 quartos", "neighborhood"),
        ("na verdade, prefiro 3 quartos", None),
        ("No orçamento de 700 mil", "neighborhood"),
        ("Quero uma casa na Vila Carnaúba", "neighborhood"),
        ("tanto faz", "neighborhood"),
        ("Qualquer um", "neighborhood"),
        ("Ainda não sei", "neighborhood"),
        ("Qual bairro vocês têm?", "neighborhood"),
        ("centro", None),
        ("na segunda às 10h", "neighborhood"),
        ("Me manda no WhatsApp", None),
        ("Tenho R$ 450.000", "neighborhood"),
        ("sou a Ana, moro em Fortaleza", None),
    ],
)
def test_not_neighborhoods(text: str, pending: str | None) -> None:
    assert "neighborhood" not in extract(text, pending)


# ---------------------------------------------------------------------------
# Call time


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Pode ligar no dia 10/02/2027 às 15h", "2027-02-10T15:00:00-03:00"),
        ("Amanhã às 10h", "2026-11-26T10:00:00-03:00"),
        ("Pode ser segunda-feira às 14:30", "2026-11-30T14:30:00-03:00"),
        ("me liga sexta 10h", "2026-11-27T10:00:00-03:00"),
        ("2027-01-05T09:00:00-03:00", "2027-01-05T09:00:00-03:00"),
    ],
)
def test_call_times(text: str, iso: str) -> None:
    assert extract(text, "call_at").get("call_at") == iso


def test_past_call_time_is_passed_on_for_the_tool_to_refuse() -> None:
    assert extract("hoje às 8h", "call_at") == {"call_at": "2026-11-25T08:00:00-03:00"}


def test_date_numbers_are_not_read_as_facts() -> None:
    assert extract("dia 10/02/2027 às 15h", "bedrooms") == {"call_at": "2027-02-10T15:00:00-03:00"}
    assert extract("às 3", "bedrooms") == {"call_at": "2026-11-25T15:00:00-03:00"}


@pytest.mark.parametrize("text", ["Olá!", "Obrigado!", "Pode ligar amanhã", "Qual o preço?"])
def test_nothing_found(text: str) -> None:
    assert extract(text, "call_at") == {}


# ---------------------------------------------------------------------------
# Never raises, always valid


def _check_valid(found: dict[str, object]) -> None:
    assert set(found) <= set(FACT_ORDER)
    if "name" in found:
        name = found["name"]
        assert isinstance(name, str)
        assert 1 <= len(name) <= 120
        assert name == name.strip()
    if "bedrooms" in found:
        bedrooms = found["bedrooms"]
        assert isinstance(bedrooms, int)
        assert 1 <= bedrooms <= 10
    if "neighborhood" in found:
        place = found["neighborhood"]
        assert isinstance(place, str)
        assert 1 <= len(place) <= 120
        assert place == place.strip()
    if "budget_brl" in found:
        budget = found["budget_brl"]
        assert isinstance(budget, int)
        assert 0 < budget < 10**10
    if "call_at" in found:
        call_at = found["call_at"]
        assert isinstance(call_at, str)
        assert datetime.fromisoformat(call_at).tzinfo is not None


_PENDING = st.sampled_from([None, *FACT_ORDER, "something else"])


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=300), _PENDING)
def test_never_raises_on_arbitrary_text(text: str, pending: str | None) -> None:
    _check_valid(extract_facts(text, pending=pending, now=NOW, tz=TZ))


_VOCAB = [
    "meu nome é",
    "sou a",
    "me chamo",
    "aqui é o",
    "Ana",
    "joão",
    "de",
    "da",
    "e",
    "quartos",
    "suítes",
    "no",
    "na",
    "bairro",
    "Aldeota",
    "R$",
    "mil",
    "milhões",
    "milhão",
    "e meio",
    "k",
    "reais",
    "até",
    "orçamento",
    "1,5",
    "480.000",
    "999999999999",
    "9" * 30,
    "0",
    "3",
    "dez",
    "três",
    "duzentos",
    "amanhã",
    "às",
    "15h",
    "14:30",
    "dia",
    "31/02",
    "10/02/2027",
    "segunda-feira",
    ",",
    ".",
    "?",
    "falando",
    "\n",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_VOCAB), max_size=14), _PENDING)
def test_never_raises_on_fact_like_text(words: list[str], pending: str | None) -> None:
    _check_valid(extract_facts(" ".join(words), pending=pending, now=NOW, tz=TZ))


def test_huge_input_is_fine() -> None:
    text = "Meu nome é Ana, 3 quartos. " * 5000
    assert extract(text)["name"] == "Ana"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        (
            "ele so pode atender depois das 16h, mas liga pra mim sexta 9h",
            "2026-11-27T09:00:00-03:00",
        ),
        ("minha esposa fica livre às 18h, me liga amanhã às 11h", "2026-11-26T11:00:00-03:00"),
        ("ela só consegue depois das 19h. pode ligar quinta 14h", "2026-11-26T14:00:00-03:00"),
        # negatives: the other person's time is the only one, or the call is for them
        ("meu marido pode atender amanhã 15h", "2026-11-26T15:00:00-03:00"),
        (
            "me liga sábado 10h. ela só fica livre no domingo",
            "2026-11-28T10:00:00-03:00",
        ),
        ("minha esposa trabalha até 18h, liga amanhã às 10h", "2026-11-26T10:00:00-03:00"),
    ],
)
def test_another_persons_availability_is_not_the_call(text: str, iso: str) -> None:
    assert extract(text, "call_at").get("call_at") == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("quinta estou de folga, pode ligar às 10h", "2026-11-26T10:00:00-03:00"),
        ("sexta tenho folga o dia inteiro, me liga às 16h", "2026-11-27T16:00:00-03:00"),
        ("segunda trabalho só de manhã, pode ligar às 15h", "2026-11-30T15:00:00-03:00"),
        # negatives: no one day in the routine, or the request names its own day
        ("de segunda a sexta trabalho até 18h, pode ligar às 19h", "2026-11-25T19:00:00-03:00"),
        ("de manhã levo as crianças na escola, pode ligar às 14h", "2026-11-25T14:00:00-03:00"),
        ("quinta tenho folga, me liga amanhã 9h", "2026-11-26T09:00:00-03:00"),
        ("ele só fica livre no domingo, me liga às 17h", "2026-11-25T17:00:00-03:00"),
    ],
)
def test_day_of_own_routine_carries_to_bare_hour(text: str, iso: str) -> None:
    assert extract(text, "call_at").get("call_at") == iso


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tem academia?", False),
        ("o prédio tem escola perto? e faculdade?", False),
        ("é perto do meu trabalho?", False),
        ("trabalho até as 18h", True),
        ("de tarde fico com as crianças. tem creche perto?", True),
        ("estudo à noite", True),
    ],
)
def test_routine_only_in_a_question_is_no_schedule(text: str, expected: bool) -> None:
    assert states_own_schedule(text) is expected
