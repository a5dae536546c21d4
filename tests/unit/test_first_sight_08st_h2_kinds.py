"""The kinds the first-sight sets facts_2026-12-08s/08t and the generator's "whose fact"
stream found for bedrooms, places and budget, by new sentences.

None of these sentences is in those sets: a change of mind run on into the next fact
("pensei em 3 quartos pensando bem melhor 2 prefiro X"); the lead's count right after
someone else's home, with no contrast ("meu tio comprou de 4 quartos aí pra mim 2 tá
bom"), and the place and budget the lead goes on with; a home bought for the parents,
whose wished place is the wish; "deste mês" in a call time is no monthly amount; a
reflexive "se" ("quer se mudar") is no condition; "esquece os N" drops the old value it
names; savings the lead calls the ceiling are the budget; "tô morando em X" is where the
lead lives.
"""

from __future__ import annotations

import pytest

from tests.support.reading import extract


# 1. A change of mind run on into the next fact
@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("pensei em 2 quartos pensando bem melhor 3 prefiro o Cocó", 3),
        ("tinha pensado em 4 qtos mas pensando bem melhor 2 quero na Maraponga", 2),
        ("pensei em 3 quartos... pensando bem melhor 4 lá na Aldeota", 4),
        ("pensei em 3 quartos pensando bem melhor 2 tenho 400 mil", 2),
    ],
)
def test_a_change_of_mind_run_on(text: str, count: int) -> None:
    assert extract(text).get("bedrooms") == count


@pytest.mark.parametrize(
    "text",
    [
        "pensei em 3 quartos pensando bem melhor 2 banheiros",  # another thing
        "pensei em 3 quartos mas pensando bem melhor 2 ou 4",  # left open
    ],
)
def test_no_count_changed_to_another_thing(text: str) -> None:
    assert extract(text).get("bedrooms") != 2


# 2. The lead's count right after someone else's home
@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("meu tio comprou de 4 quartos aí pra mim 2 tá bom", 2),
        ("a casa da minha sogra tem 5 quartos eu quero 3", 3),
        ("minha vizinha comprou uma de 2 qtos pra gente 3 já serve", 3),
        ("a casa do meu primo tem 4 quartos, eu quero 2 e uns 300 mil", 2),
    ],
)
def test_the_leads_count_right_after_theirs(text: str, count: int) -> None:
    assert extract(text).get("bedrooms") == count


@pytest.mark.parametrize(
    "text",
    [
        "minha irmã tem uma de 3 quartos, eu tenho 2 no Benfica",  # the lead's home now
        "meu tio comprou de 4 quartos aí pra mim 2 é pouco",  # turned down
        "meu tio comprou de 4 quartos eu achei grande",  # no count of the lead's
        "minha irmã tem uma de 3 quartos, mas eu moro numa de 2",  # the lead's home now
    ],
)
def test_no_count_after_theirs(text: str) -> None:
    assert "bedrooms" not in extract(text)


def test_the_place_and_budget_the_lead_goes_on_with() -> None:
    facts = extract("meu sogro comprou de 4 qtos, pra mim 2 tá bom, lá no Cocó, tenho 400k")
    assert facts == {"bedrooms": 2, "neighborhood": "Cocó", "budget_brl": 400_000}


def test_no_place_after_another_person_named_again() -> None:
    facts = extract("meu irmão comprou de 4 quartos mas pra mim 2 basta, ele mora no Cocó")
    assert facts == {"bedrooms": 2}


# 3. A home bought for the parents: their wished place is the wish
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("procuro pros meus pais, hoje eles moram na Aldeota, querem no Cocó", "Cocó"),
        ("é pra minha mãe, ela mora no Centro e quer se mudar pra Messejana", "Messejana"),
        ("estou procurando para os meus sogros, eles querem no Benfica", "Benfica"),
    ],
)
def test_the_place_the_parents_wish(text: str, place: str) -> None:
    assert extract(text).get("neighborhood") == place


@pytest.mark.parametrize(
    "text",
    [
        "procuro pros meus pais, eles moram no Cocó",  # where they live
        "procuro pros meus pais, mas minha irmã quer no Cocó",  # someone else's wish
        "minha mãe quer no Cocó",  # not bought for her
        "procuro pros meus pais, eles querem sair do Cocó",  # where they leave
    ],
)
def test_no_place_of_the_parents(text: str) -> None:
    assert "neighborhood" not in extract(text)


# 4. Budgets beside a call time, a reflexive "se", "esquece os N", savings as a ceiling
@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("tenho 450 mil pode ligar dia vinte deste mes as dez", 450_000),
        ("uns 600 mil, me liga dia doze desse mes as tres da tarde", 600_000),
        ("ele quer se mudar pro Cocó, uns 380 mil", 380_000),
        ("consigo 300 mil. agora com a ajuda dela chego a 360 mil, esquece os 300", 360_000),
        ("tenho 520k guardado, o máximo é isso", 520_000),
        ("falei com meu marido, dá pra subir pra 470 mil, esquece os 400", 470_000),
        ("tenho 410 mil guardados, esse é meu limite", 410_000),
    ],
)
def test_the_budget(text: str, amount: int) -> None:
    assert extract(text).get("budget_brl") == amount


@pytest.mark.parametrize(
    "text",
    [
        "ganho 6 mil por mês",  # income
        "recebo 9 mil esse mês",  # income
        "se eu vender o apartamento chego a 500 mil",  # a condition
        "tenho 70 mil de fgts, o máximo é isso",  # FGTS, a part of the money
        "tenho 90 mil guardado pra entrada",  # a down payment
    ],
)
def test_no_budget(text: str) -> None:
    assert "budget_brl" not in extract(text)


def test_a_count_forgotten_for_another() -> None:
    assert extract("3 quartos esquece 4").get("bedrooms") == 4


# 5. Where the lead is living now
@pytest.mark.parametrize(
    "text",
    [
        "tô morando no Montese",
        "estamos morando na Parangaba hoje",
        "moro no Cumbuco e quero sair daqui",
    ],
)
def test_no_place_where_the_lead_is_living(text: str) -> None:
    assert "neighborhood" not in extract(text)


def test_staying_where_the_lead_lives_is_the_wish() -> None:
    assert extract("quero continuar morando no Montese").get("neighborhood") == "Montese"
