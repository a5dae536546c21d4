"""The kinds the first-sight set facts_2026-12-07o found at its first run (85/94, 4
wrong), each tested on new sentences: letters pasted into the chat (a signature after
"Atenciosamente,"; a figure spelt out in brackets, "3 (três)"), a name's kinship suffix
("Neto", "Filho"), a name alone as the first sentence of an answer, "meu nome?" inside a
question echoing nothing, chat interjections that are nobody's name, an institution's
initials that are no neighbourhood, "hoje" after a verb of the lead's life, and the home
someone lives in now.
"""

from __future__ import annotations

import pytest

from tests.support.reading import extract


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Boa tarde,\n\nGostaria de informações.\n\nAtenciosamente,\nRenata Oliveira Prado",
            "Renata Oliveira Prado",
        ),
        (
            "Segue meu interesse em casa de 3 quartos.\nCordialmente,\nDr. Hélio Bastos",
            "Hélio Bastos",
        ),
        ("quero saber das casas. abs, Tati", "Tati"),
    ],
)
def test_a_letter_signed_gives_the_name(text: str, name: str) -> None:
    assert extract(text).get("name") == name


@pytest.mark.parametrize(
    "text", ["Atenciosamente, equipe de compras", "Obrigado, abraços", "grato pela atenção"]
)
def test_a_sign_off_without_a_name_gives_none(text: str) -> None:
    assert "name" not in extract(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Meu nome é Carlos Menezes Filho e procuro casa", "Carlos Menezes Filho"),
        ("sou o Antônio Neto", "Antônio Neto"),
        ("me chamo pedro junior", "Pedro Junior"),
    ],
)
def test_a_kinship_suffix_ends_the_name(text: str, name: str) -> None:
    assert extract(text, "name").get("name") == name


@pytest.mark.parametrize("text", ["sou o Pedro filho da Dona Ana", "Sou a Carla, neta da Rita"])
def test_kinship_in_lower_case_or_after_a_comma_is_not_the_name(text: str) -> None:
    assert extract(text, "name").get("name") in ("Pedro", "Carla")


@pytest.mark.parametrize(
    ("text", "count"),
    [("procuro casa de 4 (quatro) dormitórios", 4), ("2 (dois) quartos bastam", 2)],
)
def test_a_figure_spelt_out_in_brackets_is_one_number(text: str, count: int) -> None:
    assert extract(text).get("bedrooms") == count


def test_a_budget_spelt_out_in_brackets_is_one_amount() -> None:
    text = "disponho de R$ 640.000,00 (seiscentos e quarenta mil reais)"
    assert extract(text).get("budget_brl") == 640000


def test_brackets_with_another_figure_are_not_merged() -> None:
    assert "bedrooms" not in extract("quero 2 (3) quartos")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jussara. Pode ligar quinta às 10h", "Jussara"),
        ("Wendel Lima! me liga amanhã 9h", "Wendel Lima"),
    ],
)
def test_a_name_alone_opening_the_answer(text: str, name: str) -> None:
    assert extract(text, "name").get("name") == name


@pytest.mark.parametrize(
    "text",
    [
        "Calma. Pode ligar quinta às 10h",
        "Verdade. quinta 10h",
        "Poxa. quinta 10h",
        "Vlw. quinta 10h",
        "Cambeba. quinta 10h",
    ],
)
def test_a_word_or_a_place_opening_the_answer_is_no_name(text: str) -> None:
    assert "name" not in extract(text, "name")


@pytest.mark.parametrize(
    "text",
    ["mas pra que vc quer meu nome? depois eu digo", "precisa mesmo do meu nome? deixa quieto"],
)
def test_meu_nome_inside_a_question_echoes_nothing(text: str) -> None:
    assert "name" not in extract(text, "name")


@pytest.mark.parametrize("word", ["Poxa", "Vlw", "Tmj", "Peraí", "Bora"])
def test_chat_interjections_are_nobodys_name(word: str) -> None:
    assert "name" not in extract(word, "name")


@pytest.mark.parametrize(
    "text", ["meu filho estuda na UECE", "trabalho no BNB há 10 anos", "fiz o curso no IFCE"]
)
def test_initials_are_no_neighbourhood(text: str) -> None:
    assert "neighborhood" not in extract(text, "neighborhood")


def test_hoje_after_a_verb_of_life_names_no_day() -> None:
    text = "moro hoje de aluguel no Montese, pode me ligar na sexta às três da tarde"
    assert extract(text).get("call_at") == "2026-12-11T15:00:00-03:00"


@pytest.mark.parametrize(
    "text",
    ["meu pai vive numa casa de 4 quartos no interior", "eles moram num ap de 2 quartos"],
)
def test_the_home_someone_lives_in_now_gives_no_count(text: str) -> None:
    assert "bedrooms" not in extract(text)
