"""Question forms found by the first-sight set kb_questions_2026-12-07i (issue 24), each
tried on new sentences: which words are the thing asked, and which are the lead's context.

A time told by the lead's routine or the calendar names no thing; a statement before the
question stays apart from it when the question is read again; "isso" points back to the
last thing stated; a statement ended by a full stop is no question; "se eu ..." is the
lead's condition; words of asking about rules name no thing."""

from __future__ import annotations

import pytest

from homer_agent.kb.search import GENERIC, _own_questions, _strong_words
from homer_agent.ptbr.questions import asking_clauses, asking_parts, read_question


@pytest.mark.parametrize(
    ("question", "gone", "kept"),
    [
        ("da pra visitar sabado depois do jantar?", ["jantar"], ["sabado"]),
        ("a academia abre antes do trabalho?", ["trabalho"], ["academia"]),
        ("na saida do servico ainda pego o stand aberto?", ["servico"], ["stand"]),
        ("no fim do dia a portaria ainda funciona?", ["fim"], ["portaria"]),
        ("posso alugar no resto do ano?", ["resto"], ["alugar"]),
        ("o mercado funciona enquanto esta em obra?", ["obra"], ["mercado"]),
        ("mais pra frente da pra colocar placa solar?", ["frente"], ["placa", "solar"]),
    ],
)
def test_a_time_told_by_routine_or_calendar_names_no_thing(
    question: str, gone: list[str], kept: list[str]
) -> None:
    topic = read_question(question).topic
    assert not set(gone) & set(topic), topic
    assert set(kept) <= set(topic), topic


def test_an_asked_state_or_event_outside_a_time_phrase_stays_the_topic() -> None:
    assert "obra" in read_question("quanto pago durante a obra?").topic
    assert "entrega" in read_question("pode reformar depois da entrega?").topic
    assert "escola" in read_question("tem van pra escola de manha?").topic


@pytest.mark.parametrize(
    ("message", "before", "own"),
    [
        (
            "tenho um vira-lata bem agitado, ele pode ficar solto no clube?",
            "tenho vira-lata bem agitado",
            "ele pode ficar solto no clube?",
        ),
        (
            "minha sogra usa cadeira de rodas, ela consegue entrar na piscina?",
            "minha sogra usa cadeira de rodas",
            "ela consegue entrar na piscina?",
        ),
    ],
)
def test_a_statement_before_the_question_stays_apart_when_read_again(
    message: str, before: str, own: str
) -> None:
    assert asking_parts(message) == [(before, own)]
    (clause,) = asking_clauses(message)
    assert clause == f"{before}, {own}"
    # Read again (the lookup reads the clauses the model passes it): the question's own
    # words are still the question's only.
    assert asking_parts(clause) == [(before, own)]
    assert _own_questions(clause) == [own]


@pytest.mark.parametrize(
    ("message", "before"),
    [
        (
            "vou comprar a casa Brisa e daqui uns anos fazer uma edicula. pode fazer isso?",
            "daqui uns anos fazer uma edicula.",
        ),
        (
            "quero pegar a menor agora mas depois aumentar a cozinha. da pra fazer isso ou tem"
            " regra?",
            "depois aumentar a cozinha.",
        ),
    ],
)
def test_isso_points_back_to_the_last_thing_stated(message: str, before: str) -> None:
    assert asking_parts(message)[0][0] == before


def test_a_pronoun_for_a_thing_carries_the_whole_statement() -> None:
    (part,) = asking_parts("comprei um carro e uma moto, ela cabe na garagem?")
    assert part[0] == "comprei um carro e uma moto"


@pytest.mark.parametrize(
    "message",
    [
        "o plano e morar so no verao e alugar o resto do ano. pode?",
        "a ideia e montar um escritorio em casa. rola?",
    ],
)
def test_a_statement_ended_by_a_full_stop_is_no_question(message: str) -> None:
    ((before, own),) = asking_parts(message)
    assert before.endswith(".")
    assert own in ("pode?", "rola?")


def test_a_yes_no_question_without_its_question_mark_still_asks() -> None:
    assert asking_clauses("a casa tem quintal") == ["a casa tem quintal"]
    assert asking_clauses("a casa tem quintal, e a piscina?")[0] == "a casa tem quintal"


@pytest.mark.parametrize(
    ("question", "context", "asked"),
    [
        ("se eu assinar hoje ja posso visitar a obra?", {"assinar"}, "obra"),
        ("se a gente comprar pra investir da pra alugar?", {"comprar", "investir"}, "alugar"),
    ],
)
def test_the_leads_own_condition_is_context(question: str, context: set[str], asked: str) -> None:
    ((_, own),) = asking_parts(question)
    assert own.startswith("se ")
    found = read_question(own)
    assert context <= set(found.context)
    assert asked in found.topic and asked not in found.context


def test_a_request_keeps_dropping_its_se() -> None:
    assert asking_parts("queria saber se eu posso levar meu gato") == [
        ("", "eu posso levar meu gato")
    ]


@pytest.mark.parametrize(
    ("question", "strong"),
    [
        ("tem alguma exigencia pra ter cachorro?", ("cachorro",)),
        ("quais as regras da piscina?", ("piscina",)),
        ("tem restricao pra churrasqueira?", ("churrasqueira",)),
        ("posso mexer na fachada?", ("fachada",)),
    ],
)
def test_words_of_asking_about_rules_name_no_thing(question: str, strong: tuple[str, ...]) -> None:
    assert _strong_words(read_question(question)) == strong
    assert {"exigencia", "regra", "requisito", "condicao", "mexer"} <= GENERIC
