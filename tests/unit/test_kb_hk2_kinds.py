"""Bare greetings and a merge regression (helper hk2): the pt-BR reading of the kinds of
question set 08n, seed 21 and set 07w, on new sentences, with negatives."""

from __future__ import annotations

import pytest

from homer_agent.ptbr.questions import asking_clauses, normalise


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("banheiro vem c/ box", "banheiro vem com box"),
        ("tem vaga p/ visitante?", "tem vaga para visitante?"),
        ("casa s/ suite existe?", "casa sem suite existe?"),
        ("sala c/piso de porcelanato?", "sala com piso de porcelanato?"),
    ],
)
def test_prepositions_in_shorthand_with_a_slash(text: str, want: str) -> None:
    assert normalise(text) == want


@pytest.mark.parametrize("text", ["atendo 24/7", "1/2 lote", "e/ou"])
def test_other_slashes_stay(text: str) -> None:
    assert "com" not in normalise(text) and "para" not in normalise(text)


@pytest.mark.parametrize(
    "text",
    [
        "varanda vem coberta ou nao",
        "piscina do clube e aquecida ou não",
        "condominio aceita gato ou nao",
        "area de lazer fica pronta junto ou nao",
    ],
)
def test_a_yes_no_question_put_as_its_answers_asks(text: str) -> None:
    assert asking_clauses(text)


@pytest.mark.parametrize(
    "text",
    [
        "ainda nao sei se compro ou nao",
        "vou decidir se fecho ou nao.",
        "to pensando se vale a pena ou nao",
    ],
)
def test_a_doubt_of_the_leads_own_asks_nothing(text: str) -> None:
    assert asking_clauses(text) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "sou professora e dou aula de manha e a obra ja comecou",
            "a obra ja comecou",
        ),
        (
            "meu marido trabalha embarcado e em que fase esta a obra",
            "em que fase esta a obra",
        ),
        (
            "a gente mora com minha sogra faz dez anos sabe que papelada preciso juntar",
            "que papelada preciso juntar",
        ),
        (
            "minha filha entrou na faculdade e vai morar com a gente e aceita financiamento",
            "aceita financiamento",
        ),
        (
            "meu genro dirige uma caminhonete grande e cabe quantos carros na garagem",
            "cabe quantos carros na garagem",
        ),
        (
            "minha sogra vai morar com a gente e o sobrado de 4 quartos tem quantas suites",
            "o sobrado de 4 quartos tem quantas suites",
        ),
        (
            "a gente trabalha no centro faz tempo e de quanto em quanto tempo passa a van",
            "de quanto em quanto tempo passa a van",
        ),
    ],
)
def test_a_question_joined_by_e_after_a_story(text: str, want: str) -> None:
    assert asking_clauses(text) == [want]


@pytest.mark.parametrize(
    "text",
    [
        "eu reformei minha casa ano passado e a obra de casa acabou faz tempo",
        "minha irma tem uma loja e aceita pix",
        "minha mae mora comigo e aceita dividir o quarto",
        "meu irmao mora em fortaleza e a casa de dois quartos dele e grande",
    ],
)
def test_a_story_joined_by_e_asks_nothing(text: str) -> None:
    assert asking_clauses(text) == []


def test_how_often_inside_one_clause_is_not_cut() -> None:
    clauses = asking_clauses("queria saber se a van da escola passa de quanto em quanto")
    assert clauses == ["a van da escola passa de quanto em quanto"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("como e a entrada de visitantes ai?", "controle de acesso"),
        ("a entrada de carros e por tag?", "controle de acesso"),
        ("como funciona a entrada de entregador no condominio?", "controle de acesso"),
        ("a entrada e so com cartao ou tem porteiro?", "controle de acesso"),
    ],
)
def test_who_gets_in_makes_the_entrance_the_access(text: str, want: str) -> None:
    assert want in normalise(text)


@pytest.mark.parametrize(
    "text",
    [
        "quanto e a entrada de um sobrado?",
        "posso dar a entrada com o fgts e o seguro?",
        "a entrada de 10% e na assinatura?",
    ],
)
def test_the_down_payment_stays(text: str) -> None:
    assert "controle de acesso" not in normalise(text)
