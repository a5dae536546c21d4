"""Kinds of first-sight set 08d: everyday words that never repeat the documents' words."""

import pytest

from homer_agent.kb.query import build_query
from homer_agent.ptbr.questions import asking_clauses, normalise, read_question


@pytest.mark.parametrize(
    "question",
    [
        "qnto ta a de 3 quartos com piscina?",
        "e quanto fica o de 4 qtos?",
        "quanto sai a com dois quartos?",
        "quanto ta saindo a de tres quartos?",
        "quanto e a terrea?",
    ],
)
def test_a_house_named_by_its_rooms_alone_is_priced(question: str) -> None:
    assert read_question(question).price


@pytest.mark.parametrize(
    "question",
    [
        "quanto mede a de 3 quartos?",
        "quantos banheiros tem a de 2 quartos?",
        "quanto e o condominio da de 2 quartos?",
    ],
)
def test_a_measure_or_a_fee_of_such_a_house_is_no_price(question: str) -> None:
    assert not read_question(question).price


def test_an_emoji_between_words_ends_a_sentence() -> None:
    clauses = asking_clauses("acabei de casar e to sem nada 🙈 a cozinha vem com armario embutido?")
    assert clauses == ["a cozinha vem com armario?"]


@pytest.mark.parametrize(
    "question",
    ["quando ele pega a chave?", "recebo as chaves quando?", "qnd a gente pegaria a chave?"],
)
def test_getting_the_keys_is_their_handover(question: str) -> None:
    assert "entrega das chaves" in normalise(question)


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("da pra trocar os azulejos da cozinha?", "revestimento"),
        ("a prestacao muda todo ano ou e fixa?", "incc"),
        ("as prestacoes sao pagas direto pra construtora?", "parcela"),
        ("qual comprovante de salario eu levo?", "renda"),
        ("da pra acelerar a analise?", "adiantar"),
    ],
)
def test_everyday_words_find_the_documents_words(question: str, word: str) -> None:
    assert any(word in term for term in build_query(question).terms)


def test_the_channel_and_the_call_name_nothing() -> None:
    terms = build_query("posso mandar pelo whatsapp antes da conversa com o corretor?").terms
    assert not [t for t in terms if "whatsapp" in t or "conversa" in t]
