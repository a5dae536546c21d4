"""Kinds of held-out questions set 08c and generated question seed 15: a dictated story of
someone else's life, then a question put without its mark."""

import pytest

from homer_agent.kb.query import build_query
from homer_agent.models.offline import _development_question
from homer_agent.ptbr.facts import extract_facts
from homer_agent.ptbr.questions import asking_clauses, normalise
from tests.support.reading import NOW, TZ


def _facts_in(clause: str) -> set[str]:
    return set(extract_facts(clause, pending=None, now=NOW, tz=TZ))


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        # "é que" before a question's opener, after a story about someone else
        (
            "meu sogro vem passar uns meses com a gente é que em que fase está a obra",
            "em que fase esta a obra",
        ),
        (
            "meu sogro vem passar uns meses com a gente é que quando fica pronta a obra",
            "quando fica pronta a obra",
        ),
        # the development's own things after a story of the lead's mother or brother
        (
            "oi boa tarde minha avó tem oitenta anos e usa bengala e as casas vêm com rampa",
            "as casas vem com rampa",
        ),
        (
            "meu irmão mora em Sobral e trabalha no campo e o condomínio tem academia",
            "o condominio tem academia",
        ),
        # "assim que" before papers asks which ones
        (
            "meu marido ta vendo o financiamento e assim que documento preciso levar na visita",
            "que documento preciso levar na visita",
        ),
        # what a thing is made of, ending the message
        (
            "a gente mora de aluguel faz uns anos e o piso da sala é de porcelanato",
            "o piso da sala e de porcelanato",
        ),
    ],
)
def test_a_question_without_its_mark_after_a_story_asks(text: str, asked: str) -> None:
    assert asking_clauses(text) == [asked]
    assert _development_question(text, _facts_in) is not None


@pytest.mark.parametrize(
    "text",
    [
        "minha mãe tem setenta anos e mora sozinha",
        "minha avó usa andador e a casa tem que ser térrea",
        "minha mãe mora sozinha e a casa dela tem escada",
        "minha mãe mora sozinha e a casa da minha irmã tem piscina",
        "assim que eu receber o FGTS eu te aviso",
        "a gente ta juntando dinheiro e assim que der a gente fecha",
    ],
)
def test_a_story_with_no_question_asks_nothing(text: str) -> None:
    assert asking_clauses(text) == []
    assert _development_question(text, _facts_in) is None


@pytest.mark.parametrize(
    "question",
    [
        "as janelas da sala tem algum isolamento?",
        "a janela do quarto tem isolamento termico?",
        "as janelas tem vidro mais grosso?",
    ],
)
def test_a_windows_insulation_asks_its_glass(question: str) -> None:
    words = normalise(question).strip("?").split()
    assert "vidro" in words
    assert not {"isolamento", "grosso", "melhor", "termico"} & set(words)


def test_insulation_of_anything_but_a_window_stays_asked() -> None:
    assert "isolamento" in normalise("o telhado tem isolamento termico?")


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("da pra alugar por diaria pra turista?", "temporada"),
        ("as vezes recebo clientes, tem sala de reuniao?", "coworking"),
        ("quanto tenho que dar logo no comeco na assinatura?", "assinatura"),
    ],
)
def test_everyday_words_find_the_documents_words(question: str, word: str) -> None:
    terms = build_query(normalise(question)).terms
    assert any(word in term for term in terms)
    assert not any(w in term for term in terms for w in ("vezes", "cliente", "logo", "comeco"))


def test_a_deadline_to_ask_for_a_change_is_no_handover() -> None:
    assert "prazo" not in normalise("tem prazo pra pedir a troca da banheira?")
    assert "prazo" in normalise("qual o prazo de entrega?")
