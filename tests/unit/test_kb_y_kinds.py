"""Question forms found by the first-sight sets kb_questions_2026-12-07y and 07w (issue 24),
each tried on new sentences: the shorthand of units reads as the unit ("ate q hrs",
"qnts min", "25 mts"); a block named by its letter is a stage of the works ("quadra F");
houses being raised are the works' progress; a word of the language is no slip."""

from __future__ import annotations

import pytest

from homer_agent.kb.search import _corrected
from homer_agent.ptbr.questions import (
    asking_clauses,
    asks_tersely,
    normalise,
    read_question,
    tells_own_life,
)
from homer_agent.ptbr.text import is_word


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("a piscina abre ate q hrs?", "a piscina abre ate que horas?"),
        ("o mercado fecha q hr", "o mercado fecha que hora"),
        ("ate q hs funciona a academia", "ate que horas funciona a academia"),
        ("qnts min ate a praia", "quantos minutos ate a praia"),
        ("de qnts em qnts mins passa", "de quantos em quantos minutos passa"),
        ("o shopping fica a qnts kms", "o shopping fica a quantos km"),
        ("abre sab e dom?", "abre sabado e domingo?"),
        ("qtd de casas", "quantidade de casas"),
    ],
)
def test_unit_shorthand_reads_as_the_unit(text: str, read: str) -> None:
    assert normalise(text) == read


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("ate as 22 hrs", "ate as 22h"),
        ("chego 10hs", "chego 10h"),
        ("fica aberto 24 hrs?", "fica aberto 24 horas?"),
        ("a raia tem 25m?", "a raia tem 25 metros?"),
        ("lote de 300 mts", "lote de 300 metros"),
        ("a raia tem 25 mt?", "a raia tem 25 metros?"),
        ("a pista tem 2,4km?", "a pista tem 2,4 km?"),
        ("uns 30min de carro", "uns 30 minutos de carro"),
    ],
)
def test_a_figure_with_its_unit_reads_as_the_documents_write_it(text: str, read: str) -> None:
    assert normalise(text) == read


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # "mt" alone is "muito"; "metro" is also the underground train; "1h30" is a time;
        # "300 mil" is no unit.
        ("a praia fica mt longe?", "a praia fica muito longe?"),
        ("tem metro perto?", "tem metro perto?"),
        ("saio 1h30 da manha", "saio 1h30 da manha"),
        ("tenho uns 300 mil", "tenho uns 300 mil"),
        ("lote de 250 m2", "lote de 250 m2"),
    ],
)
def test_other_words_are_left_alone(text: str, read: str) -> None:
    assert normalise(text) == read


@pytest.mark.parametrize(
    "question",
    [
        "o stand abre ate q hrs?",
        "so posso no sabado, a casa decorada fica aberta ate q hs",
        "o onibus fica passando ate q hrs",
    ],
)
def test_hours_in_shorthand_ask_for_opening_hours(question: str) -> None:
    assert read_question(question).measure == "hours"
    (asked,) = asking_clauses(question)
    assert "horas" in asked


@pytest.mark.parametrize(
    ("question", "measure"),
    [
        ("qnts min ate a praia?", "time"),
        ("o aeroporto fica a qnts kms?", "distance"),
        ("a raia tem qnts mts?", "size"),
    ],
)
def test_units_in_shorthand_ask_their_measure(question: str, measure: str) -> None:
    assert read_question(question).measure == measure


def test_a_state_keeps_its_until_when() -> None:
    # "fica aberta até que horas": one clause, as "passa até que horas" is.
    assert asking_clauses("a casa decorada fica aberta ate q hs no sab") == [
        "a casa decorada fica aberta ate que horas no sabado"
    ]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("se eu pegar na quadra F fica pronta qnd", "se eu pegar na etapa f fica pronta quando"),
        ("quadra E fica pronta qndo", "etapa e fica pronta quando"),
        ("comprei na quadra g", "comprei na etapa g"),
        ("a quadra 2 entrega quando?", "a etapa 2 entrega quando?"),
        # a sports court, and "e"/"a"/"o" in lower case, are words
        ("tem quadra e piscina?", "tem quadra e piscina?"),
        ("a quadra poliesportiva e coberta?", "a quadra poliesportiva e coberta?"),
        ("quadra a noite tem luz?", "quadra a noite tem luz?"),
    ],
)
def test_a_block_named_by_its_letter_is_a_stage_of_the_works(text: str, read: str) -> None:
    assert normalise(text) == read


@pytest.mark.parametrize(
    ("text", "built"),
    [
        ("as casas dessa parte ja tao sendo levantadas?", True),
        ("as casas da quadra H ja foram levantadas?", True),
        ("ja estao sendo construidas?", True),
        ("as paredes ja foram erguidas?", True),
        ("ja comecaram a construir la?", True),
        ("iniciaram a levantar as casas?", True),
        # who builds, and a floor raised by the lead, are no progress of the works
        ("quem esta construindo?", False),
        ("posso levantar mais um andar?", False),
    ],
)
def test_houses_being_built_are_the_works(text: str, built: bool) -> None:
    assert ("em construcao" in normalise(text)) is built


@pytest.mark.parametrize(
    ("word", "known"),
    [("meio", True), ("planejando", True), ("levantadas", True), ("tamaho", False)],
)
def test_a_word_of_the_language_is_known(word: str, known: bool) -> None:
    assert is_word(word) is known


@pytest.mark.parametrize(
    ("word", "vocabulary", "read"),
    [
        ("meio", {"medio"}, "meio"),
        ("planejando", {"planejado"}, "planejando"),
        # a word of the language put right in its ending, or into a word naming nothing
        # (filler, dropped); a slip always
        ("pagas", {"pagar"}, "pagar"),
        ("faltar", {"falar"}, "falar"),
        ("sutes", {"suites"}, "suites"),
        ("mudam", {"mudar"}, "mudar"),
        ("tamaho", {"tamanho"}, "tamanho"),
    ],
)
def test_a_word_of_the_language_is_corrected_only_in_its_ending(
    word: str, vocabulary: set[str], read: str
) -> None:
    assert _corrected(word, frozenset(vocabulary)) == read


@pytest.mark.parametrize(
    "story",
    [
        "minha filha estuda no colégio perto daqui",
        "meu carro é grande",
        "meu marido adora piscina",
        "a gente adora praia",
        "eu trabalho perto do aeroporto",
        "moro em caucaia faz 10 anos",
        "nosso cachorro é bem grande",
    ],
)
def test_a_story_of_the_leads_life_asks_nothing(story: str) -> None:
    assert tells_own_life(story)
    assert not asks_tersely(story)


@pytest.mark.parametrize(
    "question",
    [
        "condominio qnto",
        "garagem coberta",
        "e o iptu",
        "piscina aquecida",
        "e a escola",
        "van escolar",
    ],
)
def test_a_bare_topic_asks_about_it(question: str) -> None:
    assert asks_tersely(question)
    assert not tells_own_life(question)


@pytest.mark.parametrize(
    "text",
    [
        # a question about the lead's people or things asks; how the lead pays is the
        # purchase's; the lead's doubt announces a question
        "meu carro cabe na garagem?",
        "minha filha pode usar a piscina?",
        "eu queria saber do condominio",
        "tenho 300 mil de entrada e financio o resto",
        "minha duvida e sobre o condominio",
    ],
)
def test_what_is_no_story_of_the_leads_life(text: str) -> None:
    assert not tells_own_life(text)


@pytest.mark.parametrize(
    "text",
    [
        "oi",
        "bom dia",
        "minha filha estuda no colégio e adora o clube do prédio",
        # a figure or a name answers our question
        "hmm, então às 16h",
        "3 quartos",
        "Fátima",
        "Bela Vista",
    ],
)
def test_a_greeting_a_story_a_figure_or_a_name_is_no_bare_topic(text: str) -> None:
    assert not asks_tersely(text)
