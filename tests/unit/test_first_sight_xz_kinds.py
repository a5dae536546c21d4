"""Kinds of wrong facts first seen in held-out sets 07x and 07z, each tested on new sentences."""

from __future__ import annotations

import pytest

from tests.support.reading import extract


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("ele queria 4 quartos mas a gente fechou em 3", 3),
        ("ela pegou de 3 quartos mas eu so preciso de 2", 2),
        ("meu marido queria 4 quartos mas eu quero 3", 3),
        ("minha prima comprou um de 3 quartos mas nós queremos 2", 2),
        ("o meu irmão escolheu um de 4 quartos, mas a gente fica com 2", 2),
        ("ele queria 4 quartos mas eu quero 3 quartos", 3),
    ],
)
def test_a_count_after_someone_elses_with_mas_is_the_leads(text: str, want: int) -> None:
    assert extract(text, pending="bedrooms").get("bedrooms") == want
    assert extract(text, pending=None).get("bedrooms") == want


@pytest.mark.parametrize(
    "text",
    [
        "ela quer 3 quartos mas eu so preciso de 2 banheiros",
        "ele queria 4 quartos mas a gente nao sabe ainda",
        "ele queria 4 quartos mas eu não quero 3",
        "minha filha quer 2 quartos mas eu acho caro",
    ],
)
def test_no_count_of_theirs_nor_a_figure_of_something_else(text: str) -> None:
    assert "bedrooms" not in extract(text, pending="bedrooms")


def test_their_wish_alone_stays_the_home_wanted() -> None:
    # a home bought for them: their count is the one wanted
    assert extract("minha filha quer 2 quartos", pending="bedrooms") == {"bedrooms": 2}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Não, pera, sábado vou tá viajando. Sexta às 12h30, no meu horário de almoço",
            "2026-12-11T12:30",
        ),
        ("sábado vou estar viajando, quinta às 9h pode ser", "2026-12-10T09:00"),
        ("domingo tô fora. Segunda às 15h", "2026-12-14T15:00"),
    ],
)
def test_a_day_the_lead_is_away_then_another_day_with_its_hour(text: str, want: str) -> None:
    assert str(extract(text, pending="call_at")["call_at"]).startswith(want)


def test_a_day_away_alone_books_nothing() -> None:
    assert "call_at" not in extract("sábado vou tá viajando", pending="call_at")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("quero morar em Caucaia mesmo, no Parque Albano", "Parque Albano"),
        ("em Caucaia, na Jurema", "Jurema"),
        ("quero morar em Fortaleza mesmo, na Aldeota", "Aldeota"),
        ("lá em Caucaia, no Cumbuco", "Cumbuco"),
    ],
)
def test_a_place_in_the_town_just_named_is_the_more_precise_place(text: str, want: str) -> None:
    assert extract(text, pending="neighborhood").get("neighborhood") == want


def test_a_place_of_another_town_stays_an_alternative() -> None:
    assert "neighborhood" not in extract("Caucaia ou Aldeota", pending="neighborhood")


def test_preferring_a_listed_caucaia_neighbourhood_names_it() -> None:
    text = "muda aí, prefiro morar na Jurema, fica mais perto de Fortaleza"
    assert extract(text, known=("neighborhood",)) == {"neighborhood": "Jurema"}


def test_jurema_answered_to_the_name_question_is_a_name() -> None:
    assert extract("me chamo Jurema", pending="name") == {"name": "Jurema"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Quer dizer, conversei aqui com meu marido, o Jorge, e ele acha que 2 quartos basta."
            " Pode colocar 2",
            2,
        ),
        ("meu filho acha que 4 quartos é demais. Pode botar 3", 3),
        ("ela acha que 2 quartos basta. Pode anotar 3", 3),
    ],
)
def test_pode_colocar_n_is_the_lead_dictating_the_count(text: str, want: int) -> None:
    assert extract(text, known=("bedrooms",)).get("bedrooms") == want
    assert extract(text, pending="bedrooms").get("bedrooms") == want


@pytest.mark.parametrize(
    "text",
    [
        "ele acha que 2 quartos basta. pode deixar, eu vejo",
        "ela acha que 2 quartos basta. Pode colocar 3 banheiros",
        "ele acha que 2 quartos basta",
    ],
)
def test_no_count_put_down_without_a_bare_count(text: str) -> None:
    assert "bedrooms" not in extract(text, known=("bedrooms",))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("minha esposa acha que 4 quartos é melhor. Fechou 4", 4),
        ("minha esposa acha que 4 quartos é melhor. Pode anotar 3", 3),
        ("3 quartos, é melhor 4", 4),
    ],
)
def test_e_melhor_ending_its_sentence_judges_and_takes_nothing_back(text: str, want: int) -> None:
    assert extract(text, known=("bedrooms",)).get("bedrooms") == want
