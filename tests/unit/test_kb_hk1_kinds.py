"""Life needs that name a feature of the development (helper hk1): the pt-BR reading, on
new sentences, with negatives."""

from __future__ import annotations

import pytest

from homer_agent.kb.query import build_query, words
from homer_agent.ptbr.questions import asking_parts, described


def _groups(question: str) -> str:
    return " ".join(build_query(question).terms)


@pytest.mark.parametrize(
    "question",
    [
        "meu avo anda de bengala, a casa de 3 quartos tem escada?",
        "sou cadeirante, e tudo num nivel so?",
        "tem degrau pra entrar na casa?",
    ],
)
def test_stairs_and_levels_ask_whether_a_house_is_single_storey(question: str) -> None:
    assert "terrea" in _groups(question)


def test_a_floor_built_up_stays_its_own_concept() -> None:
    assert "terrea" not in _groups("posso construir mais um andar depois?")
    assert "terrea" not in _groups("tem academia no clube?")


@pytest.mark.parametrize(
    "question",
    [
        "tem seguranca rodando de noite?",
        "tem guarda patrulhando as ruas?",
        "existe patrulhamento la dentro?",
    ],
)
def test_a_patrol_going_round_is_the_ronda(question: str) -> None:
    assert "ronda" in _groups(question)
    assert "rodando" not in build_query(question).terms


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("tem um lugar calmo para eu estudar", "tem um lugar para eu trabalhar"),
        ("algum espaco com wifi para estudar", "algum espaco com wifi para trabalhar"),
        ("tem sala silenciosinha para a gente estudar", "tem sala para a gente trabalhar"),
        ("tem um lugar quietinho", "tem um lugar"),
        ("a casa vem com um comodo a mais", "a casa vem com um comodo"),
        (
            "da para sair do aluguel direto para a casa ou vou ter que renovar o contrato",
            "da para entrega para a casa ou vou ter que ",
        ),
        ("quero largar meu aluguel, quando fica pronta", "quero entrega, quando fica pronta"),
        ("como as criancas vao para a escola", "como as criancas van escola"),
        ("nao consigo levar meu filho na escola", "nao consigo van escola"),
        ("quem vai buscar os pequenos no colegio", "quem vai van escola"),
    ],
)
def test_life_needs_put_as_the_documents_name_them(text: str, want: str) -> None:
    assert described(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "tem escola boa para estudar perto",  # a school, no place of the development
        "meu filho vai estudar onde",
        "o aluguel por temporada e permitido",  # renting the house out, not leaving rent
        "preciso renovar meu passaporte",  # no rent left
        "a escola fica longe",  # no way there asked
        "quantos comodos tem a casa",  # rooms counted, none extra
    ],
)
def test_what_is_not_a_life_need_stays(text: str) -> None:
    assert described(text) == text


@pytest.mark.parametrize(
    ("question", "want"),
    [
        ("o fgts serve pra alguma coisa?", ["fgts"]),
        ("a piscina e funda demais pras criancas?", ["piscina", "funda", "criancas"]),
        ("tem algo pensado pra idoso?", ["algo", "idoso"]),
        ("teria alguma forma delas irem de onibus?", ["onibus"]),
    ],
)
def test_serving_ways_and_degrees_name_nothing(question: str, want: list[str]) -> None:
    assert words(question) == want


@pytest.mark.parametrize(
    "text",
    [
        "trabalho de casa e preciso de um canto com porta. a casa tem esse comodo?",
        "estudo o dia todo, preciso de silencio. alguma planta ja vem com esse comodo extra?",
        "faco muita reuniao online. as casas tem esse comodo separado?",
    ],
)
def test_a_room_pointed_back_to_for_work_is_the_office(text: str) -> None:
    (before, asked), *_ = asking_parts(text)
    assert "escritorio" in asked and not before


@pytest.mark.parametrize(
    "text",
    [
        "minha sogra vem morar com a gente. a casa tem esse comodo extra?",  # no work told
        "trabalho em fortaleza. a casa tem piscina?",  # nothing pointed back to
    ],
)
def test_a_room_without_work_is_no_office(text: str) -> None:
    assert all("escritorio" not in asked for _before, asked in asking_parts(text))
