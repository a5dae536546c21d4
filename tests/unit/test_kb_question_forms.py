"""How a question's form is read before the documents are searched (issue 24, set 07e):
"X ou Y?" alternatives, the forms of filler verbs, "andar" as a floor or as walking, what
the lead has ("tenho 2 cachorros grandes"), a bare "pode?", slips kept to their first
letter, and passages naming a word by its stem. Every question here is new: none is in
a first-sight set, the labelled set or the generator's templates."""

from __future__ import annotations

import re

import pytest

from homer_agent.kb.query import build_query, is_filler, synonyms
from homer_agent.kb.search import _stem_in, _without_generic
from homer_agent.ptbr.questions import (
    alternatives,
    asking_clauses,
    correct,
    normalise,
    read_question,
)


@pytest.mark.parametrize(
    ("question", "first", "complement"),
    [
        ("o sobrado tem escritorio ou so quartos?", "o sobrado tem escritorio?", True),
        ("a mare vem com piscina ou tenho que construir?", "a mare vem com piscina?", True),
        ("a varanda e coberta ou nao?", "a varanda e coberta?", True),
        ("o clube tem academia ou sauna?", "o clube tem academia?", False),
        ("tem quadra de tenis ou de volei?", "tem quadra de tenis?", False),
    ],
)
def test_an_alternative_question_is_split_and_its_complement_told(
    question: str, first: str, complement: bool
) -> None:
    split = alternatives(question)
    assert split is not None
    assert (split[0], split[2]) == (first, complement)


@pytest.mark.parametrize(
    "question", ["tem piscina?", "ou seja, tem piscina?", "quanto custa a casa?"]
)
def test_a_question_without_two_alternatives_is_not_split(question: str) -> None:
    assert alternatives(question) is None


@pytest.mark.parametrize(
    "question",
    [
        "que documentos eu levo na ligacao?",
        "quais documentos eu separo?",
        "o corretor informou que documentos separe?",
        "que papelada eu mando?",
    ],
)
def test_the_forms_of_filler_verbs_are_filler(question: str) -> None:
    assert len(build_query(question).terms) == 1, build_query(question).terms


@pytest.mark.parametrize(
    ("question", "floor"),
    [
        ("os cachorros podem andar sem coleira?", False),
        ("da pra andar de bicicleta no condominio?", False),
        ("posso andar com o gato no colo?", False),
        ("posso subir mais um andar?", True),
        ("a casa pode ter um segundo andar?", True),
        ("da pra fazer outro andar em cima da garagem?", True),
    ],
)
def test_andar_after_a_modal_is_walking_and_otherwise_a_floor(question: str, floor: bool) -> None:
    assert ("andar" in re.findall(r"[a-z]+", normalise(question))) == floor


@pytest.mark.parametrize(
    ("question", "thing", "gone"),
    [
        ("tenho 3 gatos pequenos, pode?", "gatos", {"3", "pequenos"}),
        ("a gente tem dois cachorros enormes, aceita?", "cachorros", {"dois", "enormes"}),
        ("tenho um cachorro de porte grande, tudo bem?", "cachorro", {"porte", "grande"}),
    ],
)
def test_what_the_lead_has_is_asked_about_without_its_number_or_size(
    question: str, thing: str, gone: set[str]
) -> None:
    asked = read_question(question)
    assert thing in asked.topic
    assert not gone & set(asked.topic)
    assert asked.measure is None


def test_a_thing_asked_about_keeps_its_size() -> None:
    assert read_question("tem casa grande?").measure == "size"
    assert "grande" in read_question("tem casa grande?").topic


@pytest.mark.parametrize(
    ("message", "clause"),
    [
        ("tenho um papagaio, pode?", "tenho papagaio, pode?"),
        ("minha moto grande, e permitido?", "minha moto grande, permitido?"),
        ("festa ate tarde, rola?", "festa ate tarde, rola?"),
    ],
)
def test_a_bare_permission_question_asks_about_the_clause_before(message: str, clause: str) -> None:
    assert asking_clauses(message) == [clause]


def test_a_correction_keeps_the_first_letter() -> None:
    vocabulary = {"andar", "clube", "essa", "tamanho"}
    assert correct("mandar", vocabulary) == "mandar"
    assert correct("pessa", vocabulary) == "pessa"
    assert correct("lcube", vocabulary) == "clube"  # the first two letters swapped
    assert correct("tamahno", vocabulary) == "tamanho"


@pytest.mark.parametrize(
    ("lead", "document"),
    [
        ("holerite", "comprovante"),
        ("contracheque", "renda"),
        ("papeis", "documento"),
        ("soltos", "guia"),
        ("coleira", "guia"),
        ("planejados", "armario"),
    ],
)
def test_paperwork_leash_and_built_in_furniture_words(lead: str, document: str) -> None:
    assert document in synonyms(lead)


def test_a_text_names_a_word_by_its_stem_not_its_first_five_letters() -> None:
    words = frozenset({"comprovantes", "suite", "contrato", "compra", "cpf"})
    assert _stem_in("comprovante", words)
    assert _stem_in("suites", words)
    assert _stem_in("cpf", words)
    assert not _stem_in("contracheque", words)


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        ("quais sao as opcoes de lazer?", ("lazer",)),
        ("tem area de lazer?", ("lazer",)),
        ("tem espaco pra cavalos?", ("cavalos",)),
        ("quais as opcoes de casa?", ("opcoes", "casa")),  # nothing else named: kept
    ],
)
def test_generic_words_give_way_to_a_thing_named(question: str, kept: tuple[str, ...]) -> None:
    topic = _without_generic(read_question(question)).topic
    assert tuple(w for w in topic if not is_filler(w)) == kept


@pytest.mark.parametrize(
    "question",
    [
        "tem onde comprar pão?",
        "tem lugar pra fazer compras perto?",
        "tem onde fazer compras de madrugada?",
    ],
)
def test_a_place_to_buy_things_asked_after_is_a_shop(question: str) -> None:
    assert "mercado" in read_question(question).topic


def test_where_to_buy_the_house_is_no_shop() -> None:
    assert "mercado" not in read_question("onde compro a casa?").topic
