"""Kinds left open by the sixth session (brief kx), on wordings of their own: which house
types have a thing (and how many of it), renting the house out said with "deixar", a slip
with two readings chosen by the word before it, a question after "é que" keeping its
subject, the measure asked only in the question, and the question generator's articles."""

from __future__ import annotations

import re

import pytest

from homer_agent.kb.search import _asked_count, _count_of, _in_context, _verb_like
from homer_agent.ptbr.clauses import clauses
from homer_agent.ptbr.questions import asking_clauses, normalise, read_question, readings
from homer_agent.ptbr.spelling import without_slips
from homer_agent.ptbr.text import fold
from tests.support.question_gen import _agree, generate, table

# --- which ones, and how many ---------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "word", "count"),
    [
        ("Casa térrea com 3 quartos, sendo 2 suítes, e 112 m² de área construída.", "suites", 2),
        ("Casa térrea com 2 quartos, sendo 1 suíte.", "suite", 1),
        ("Sobrado com 4 quartos, todos suítes, e 168 m².", "suites", 4),
        ("Tem duas vagas cobertas na garagem.", "vagas", 2),
        ("Inclui piscina privativa e escritório no térreo.", "suites", None),
        ("Inclui piscina privativa e escritório no térreo.", "escritorio", None),
    ],
)
def test_a_sentence_counts_the_thing_or_not(sentence: str, word: str, count: int | None) -> None:
    assert _count_of(word, sentence) == count


@pytest.mark.parametrize(
    ("question", "feature", "asked"),
    [
        ("qual casa tem duas suites?", ("suites",), ("suites", 2, "=")),
        ("quais modelos tem pelo menos 2 suites?", ("suites",), ("suites", 2, ">=")),
        ("qual delas tem mais de uma suite?", ("suite",), ("suite", 1, ">")),
        ("qual casa tem 3 quartos ou mais?", ("quartos",), ("quartos", 3, ">=")),
        # "um" before the thing is its article, no count
        ("qual das casas tem um escritorio separado?", ("escritorio",), None),
        ("qual casa tem piscina privativa?", ("piscina", "privativa"), None),
    ],
)
def test_the_count_a_which_question_puts_on_the_thing(
    question: str, feature: tuple[str, ...], asked: tuple[str, int, str] | None
) -> None:
    assert _asked_count(normalise(question), feature) == asked


# --- renting the house out ------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "kept", "dropped"),
    [
        ("posso deixar a casa alugada quando viajar?", "alugada", "deixar"),
        ("da pra deixar alugado pra turista?", "alugado", "deixar"),
        ("se eu deixo o imovel locado o ano todo pode?", "locado", "deixo"),
    ],
)
def test_leaving_a_thing_in_a_state_asks_the_state(question: str, kept: str, dropped: str) -> None:
    topic = read_question(question).topic
    assert kept in topic
    assert dropped not in topic


@pytest.mark.parametrize(
    "question",
    [
        "posso deixar o carro na rua?",  # no state: "deixar" is what is asked
        "posso deixar meu cachorro solto?",
    ],
)
def test_leaving_without_a_state_keeps_the_verb(question: str) -> None:
    assert "deixar" in read_question(question).topic


# --- a slip with two readings -----------------------------------------------------------

VOCABULARY = frozenset({"preciso", "precos", "para", "praia", "casa"})


@pytest.mark.parametrize(
    ("word", "before", "fixed"),
    [
        ("precso", "o", "precos"),  # "qual o precso": a noun after an article
        ("precso", "eu", "preciso"),  # "quanto eu precso dar": a verb after its subject
        ("precso", "gente", "preciso"),
        ("praa", "da", "praia"),  # "perto da praa": no preposition after an article
        ("precso", "", "precso"),  # nothing before it says which: kept
        ("precso", "muito", "precso"),
    ],
)
def test_a_slip_with_two_readings_is_read_by_the_word_before(
    word: str, before: str, fixed: str
) -> None:
    assert _in_context(word, VOCABULARY, before) == fixed


def test_two_nouns_as_near_stay_a_slip() -> None:
    # "da praa": "praia" or "praça", both nouns: no guess
    assert _in_context("praa", VOCABULARY | {"praca"}, "da") == "praa"


def test_only_a_slip_with_several_readings_has_readings() -> None:
    assert readings("precso", VOCABULARY) == {"preciso", "precos"}
    assert readings("casaa", VOCABULARY) == frozenset()  # one reading: `correct` fixes it
    assert readings("casa", VOCABULARY) == frozenset()


def test_a_verb_form_is_told_from_a_noun() -> None:
    assert _verb_like("preciso")
    assert _verb_like("alugar")
    assert not _verb_like("precos")
    assert not _verb_like("praia")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("a casa de 2 quartos tem quntas vagas?", "quntas"),  # not "quintas", a Thursday
        ("qunatos quartos tem o sobrado?", "qunatos"),
        ("posso ir na quinta de manha?", "quinta"),
    ],
)
def test_a_slip_in_a_question_word_is_no_weekday(text: str, kept: str) -> None:
    assert kept in without_slips(text)


# --- "é que" before a question that opens with its subject ------------------------------


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        (
            "a gente ta guardando dinheiro faz tempo é que a casa de tres quartos pode ter piscina",
            "a casa de 3 quartos pode ter piscina",
        ),
        (
            "meu marido trabalha de casa faz uns anos é que o sobrado tem escritorio",
            "o sobrado tem escritorio",
        ),
        (
            "minha sogra mora com a gente desde o ano passado é que a casa de dois quartos "
            "vem com suite",
            "a casa de 2 quartos vem com suite",
        ),
    ],
)
def test_a_question_after_e_que_keeps_its_subject(text: str, asked: str) -> None:
    assert asking_clauses(text) == [asked]


def test_a_story_with_e_que_and_no_question_asks_nothing() -> None:
    text = "a gente ta guardando dinheiro faz tempo é que a casa de tres quartos e cara"
    assert all(c.asks is False for c in clauses(text)) or not asking_clauses(text)


# --- the measure is asked in the question ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        # "não aguenta mais" in the story is no capacity asked
        (
            "a gente nao aguenta mais o transito da cidade. quando comeco a pagar o condominio?",
            "money",
        ),
        ("nao aguento mais pagar aluguel. quando fica pronta a obra?", "date"),
        ("moro a 3 km do centro hoje. o salao cabe quantas pessoas?", "capacity"),
        # a question that names nothing carries the statements, and their measure
        ("domingo depois do almoço, tipo 15h, vai tá aberto?", "hours"),
    ],
)
def test_the_measure_is_the_questions(text: str, measure: str) -> None:
    assert read_question(text).measure == measure


# --- the generator's articles -------------------------------------------------------------


@pytest.mark.parametrize(
    ("ask", "entity", "said"),
    [
        ("quanto fica o {e}?", "taxa de condomínio", "quanto fica a taxa de condomínio?"),
        ("a partir de quando cobra a {e}?", "condomínio", "a partir de quando cobra o condomínio?"),
        ("qual a previsão de entrega da {e}?", "casas", "qual a previsão de entrega das casas?"),
        ("fica longe do {e}?", "Fortaleza", "fica longe de Fortaleza?"),
        ("tem espaço pras {e}?", "meus filhos", "tem espaço pros meus filhos?"),
        ("O {e} sai por quanto?", "taxa condominial", "A taxa condominial sai por quanto?"),
        ("tem {e}?", "academia", "tem academia?"),
    ],
)
def test_the_article_agrees_with_the_noun(ask: str, entity: str, said: str) -> None:
    assert _agree(ask, "e", entity, table()["genders"]).format(e=entity) == said


def test_every_entity_and_house_has_a_gender() -> None:
    data = table()
    named = {e.split(maxsplit=1)[0] for f in data["facts"] for e in f["entities"]}
    named |= {h.split(maxsplit=1)[0] for h in data["houses"]}
    given = {w for kind, words in data["genders"].items() if kind != "about" for w in words}
    assert named <= given, named - given


@pytest.mark.parametrize("seed", [1, 15])
def test_no_generated_question_pairs_an_article_with_the_other_gender(seed: int) -> None:
    questions = [fold(q["q"]).lower() for q in generate(seed)]
    wrong = re.compile(r"\b(?:o|do|no) taxa\b|\ba condominio\b|\b(?:a|da) sobrado\b|\bda casas\b")
    assert not [q for q in questions if wrong.search(q)]
