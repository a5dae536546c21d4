"""Kinds of held-out facts sets 08s/08t and the generator's "whose fact" stream (helper h3):
a refused name and what the refusal does to the rest, call times in run-on messages, and
broker lines to messages that ask nothing."""

from __future__ import annotations

from datetime import datetime

import pytest

from homer_agent.models.offline import _development_question
from homer_agent.ptbr.facts import declines_name, extract_facts, tells_theirs
from homer_agent.ptbr.intents import concedes, handoff_reason, softens
from homer_agent.ptbr.questions import asks_tersely
from homer_agent.ptbr.replies import BROKER_CONFIRMS
from tests.support.fact_scoring import asked_facts
from tests.support.reading import NOW, TZ, booking_run, chat_run


def _facts_in(clause: str) -> set[str]:
    return set(extract_facts(clause, pending=None, now=NOW, tz=TZ))


def _question(text: str) -> str | None:
    return _development_question(
        text, _facts_in, lambda clause: tells_theirs(clause, text, now=NOW, tz=TZ)
    )


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=TZ)


# --- a refused name ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "nome prefiro não falar, me chama só de cliente",
        "o nome eu não vou passar não",
        "ok, nome prefiro n dizer",
        "nome não precisa né? pode seguir",
        "meu nome não precisa, vamos ao que interessa",
    ],
)
def test_a_name_refused_without_meu(text: str) -> None:
    assert declines_name(text)


@pytest.mark.parametrize(
    "text",
    [
        "o nome do meu marido prefiro não dizer",
        "nome não precisa ser completo?",
        "o sobrenome prefiro não falar",
        "o nome da rua prefiro não dizer",
        "seu nome não precisa",
        "meu nome completo prefiro não dizer",
    ],
)
def test_not_a_refusal_of_the_leads_name(text: str) -> None:
    assert not declines_name(text)


@pytest.mark.parametrize(
    "text",
    ["não vou dar meu nome, foi mal", "foi mal, esqueci de responder", "mal aí, digitei errado"],
)
def test_an_apology_is_no_hostility(text: str) -> None:
    assert handoff_reason(text) is None


@pytest.mark.parametrize(
    "text",
    ["péssimo atendimento, vocês são uma vergonha", "que lixo de atendimento, palhaçada"],
)
def test_hostility_still_hands_off(text: str) -> None:
    assert handoff_reason(text) == "hostile"


@pytest.mark.parametrize("text", ["sem ofensa", "mano, sem ofensa", "desculpa aí", "foi mal"])
def test_a_softener_asks_nothing(text: str) -> None:
    assert softens(text)


@pytest.mark.parametrize("text", ["sem piscina", "sem condomínio?", "desculpa, tem piscina?"])
def test_a_topic_is_no_softener(text: str) -> None:
    assert not softens(text)


def test_a_refused_name_is_not_asked_again_and_the_rest_is_read() -> None:
    run = chat_run(
        "oi, vi o anúncio",
        "nome prefiro não falar, pode ser só pelo zap, sem ofensa",
        "não vou dar meu nome não, foi mal",
        "3 quartos no Cocó",
        "até 400 mil",
        "pode ligar sexta às 10h",
    )
    assert run.facts.get("name") is None
    assert run.facts["bedrooms"] == 3
    assert run.facts["neighborhood"] == "Cocó"
    assert run.facts["budget_brl"] == 400000
    assert run.facts["call_at"] == at(11, 10)
    assert not any("name" in asked_facts(reply) for reply in run.replies[1:])
    assert not any(BROKER_CONFIRMS in reply for reply in run.replies[1:])


# --- call times in run-on messages ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("uns 500 mil meu marido só pode depois das 17h mas me liga terça 10h", at(8, 10)),
        (
            "na verdade 4 quartos minha esposa só consegue depois das 15h mas liga quinta 11h",
            at(10, 11),
        ),
        (
            "então tipo meu sogro só pode depois das 16h mas pode ligar pra mim amanhã 9h30",
            at(8, 9, 30),
        ),
    ],
)
def test_someone_elses_hours_inside_a_run_on_are_not_the_call(text: str, want: datetime) -> None:
    assert booking_run(text).facts.get("call_at") == want


def test_a_time_of_the_lead_after_meu_horario_stays() -> None:
    # "meu horário pode ser ..." is the lead's own time, not someone's availability
    assert booking_run("meu horário pode ser quinta às 14h").facts.get("call_at") == at(10, 14)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("procuro pra minha mãe hoje ela mora no Centro me liga sexta 11h", at(11, 11)),
        ("hoje meus pais moram de aluguel, pode ligar quinta 15h30", at(10, 15, 30)),
        ("hoje meu filho paga aluguel, me liga sábado 9h", at(12, 9)),
    ],
)
def test_hoje_before_someone_elses_life_names_no_day(text: str, want: datetime) -> None:
    assert booking_run(text).facts.get("call_at") == want


def test_hoje_with_an_hour_is_still_today() -> None:
    assert booking_run("hoje às 15h pode ser").facts.get("call_at") == at(7, 15)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("eles moram na Aldeota mas querem ir pro Eusébio, quarta 14h fica bom", at(9, 14)),
        ("a gente quer se mudar pra Messejana, pode ligar sexta 10h", at(11, 10)),
        ("minha mãe quer ir morar no Cocó, me liga terça 16h", at(8, 16)),
    ],
)
def test_moving_house_is_no_visit(text: str, want: datetime) -> None:
    assert booking_run(text).facts.get("call_at") == want


@pytest.mark.parametrize(
    "text",
    ["quero ir no stand sábado às 10h", "quero ir na casa decorada domingo 15h"],
)
def test_a_visit_still_books_no_call(text: str) -> None:
    assert booking_run(text).facts.get("call_at") is None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("pode ligar dia nove de dezembro às três da tarde", at(9, 15)),
        ("dia catorze às dez da manhã", at(14, 10)),
    ],
)
def test_dates_in_words(text: str, want: datetime) -> None:
    assert booking_run(text).facts.get("call_at") == want


# --- broker lines to messages that ask nothing ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "a grana é da minha mãe, ela vai até 600 mil",
        "o dinheiro é do meu sogro, ele pode até 1 milhão",
        "a casa do meu tio tem 4 quartos, eu quero 3",
        "meu primo tem uma de 2 quartos mas pra mim 3 quartos já dá",
        "sobrenome Pacheco, Ana Pacheco",
    ],
)
def test_someone_elses_money_or_home_asks_nothing(text: str) -> None:
    assert _question(text) is None


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("a casa tem 4 quartos", "a casa tem 4 quartos"),
        ("o dinheiro é deles, tem piscina?", "tem piscina?"),
        ("minha irmã tem uma de 3 quartos, a de vocês tem quintal", "a de voces tem quintal"),
    ],
)
def test_a_question_beside_it_is_still_asked(text: str, asked: str) -> None:
    assert _question(text) == asked


@pytest.mark.parametrize(
    "text",
    [
        "meu cunhado comprou casa ai perto e gostou muito e assim aceitam proposta de 450 mil",
        "minha irmã mora aí do lado e vcs aceitam oferta de 380 mil na casa de 2 quartos",
        "meu pai tem uma casa no centro e aceitam 500 mil à vista",
        "minha avó mora sozinha entao tem desconto na casa de dois quartos",
        "meu tio mora lá perto, faz um precinho na de 3 quartos",
    ],
)
def test_an_offer_after_someone_elses_home_still_asks(text: str) -> None:
    """An amount read as asked (an offer) is not told as someone else's, even beside a
    relative's home: the message asks, so it gets the broker line, not the greeting."""
    assert _question(text) is not None


def test_a_surname_is_no_terse_question() -> None:
    assert not asks_tersely("sobrenome Holanda")
    assert asks_tersely("e o iptu")


def test_their_money_gets_no_broker_line() -> None:
    run = chat_run("oi, sou o Davi", "o dinheiro é da minha sogra, ela vai até 700 mil")
    assert run.facts["budget_brl"] == 700000
    assert BROKER_CONFIRMS not in run.replies[-1]


# --- a name given in after refusing it -------------------------------------------------------


@pytest.mark.parametrize(
    ("refusal", "given", "want"),
    [
        ("prefiro não dizer", "tá bom, é Marcos", "Marcos"),
        ("nome não precisa né?", "ok, pode anotar Priscila", "Priscila"),
        ("não vou passar meu nome", "beleza, sou o Joaquim Lemos", "Joaquim Lemos"),
    ],
)
def test_a_name_given_in_after_refusing_it_is_read(refusal: str, given: str, want: str) -> None:
    run = chat_run("oi", refusal, given)
    assert run.facts.get("name") == want


@pytest.mark.parametrize(
    "given", ["tá bom, 3 quartos", "ok, no Cocó", "beleza, tem piscina?", "tá bom, obrigado"]
)
def test_giving_in_on_something_else_names_nobody(given: str) -> None:
    run = chat_run("oi", "prefiro não dizer", given)
    assert run.facts.get("name") is None


@pytest.mark.parametrize(
    ("text", "conceding"),
    [
        ("tá bom, é Marcos", True),
        ("ok... Ana", True),
        ("beleza, sou o Joaquim", True),
        ("ok", False),
        ("tá bom", False),
        ("talvez amanhã", False),
        ("okay então", False),
    ],
)
def test_concedes(text: str, conceding: bool) -> None:
    assert concedes(text) is conceding
