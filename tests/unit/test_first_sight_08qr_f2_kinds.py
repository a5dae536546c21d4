"""The kinds the first-sight sets facts_2026-12-08q/08r found for whose fact it is and
changes of mind, for bedrooms, places and budget, by new sentences.

None of these sentences is in those sets: someone else's home before "mas pra mim N
(já) resolve" leaves the lead's count; a change of mind with its reason between two cues
("pensando bem, com ..., melhor 4") takes the last count; a house type asked about and
then pointed at ("é essa que a gente quer") is the wish; a plan told in the past ("minha
ideia era no X, mas ...") is set aside; a verb of wishing leads in a bare place ("ela
quer X", "querem praia, X"); a landmark's place ("aeroporto de Fortaleza") is no wish;
someone else's ceiling is the budget when the lead says the money is theirs; "eu quero N"
after a comma following someone else's home is the lead's count; "quero uma casa lá"
points back at the place just named.
"""

from __future__ import annotations

import pytest

from homer_agent.ptbr.facts import place_pointed_back
from tests.support.reading import NOW, TZ, extract


# 1. Someone else's home, then what suits the lead
@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("minha irmã comprou uma de 4 quartos, mas pra mim 3 basta", 3),
        ("ele pegou a de 3 quartos com varanda, mas pra gente 2 já tá bom", 2),
        ("meu primo escolheu a de 4 quartos mas para mim 3 já resolve", 3),
    ],
)
def test_the_leads_count_after_someone_elses_home(text: str, count: int) -> None:
    assert extract(text).get("bedrooms") == count


@pytest.mark.parametrize(
    "text",
    [
        "minha prima pegou a de 3 quartos mas pra mim 2 é pouco",  # turned down
        "minha prima pegou a de 3 quartos mas pra mim 2 banheiros",  # another thing
        "meu irmão comprou uma de 4 quartos, achei linda",  # theirs only
    ],
)
def test_no_count_of_someone_elses_home(text: str) -> None:
    assert "bedrooms" not in extract(text)


# 2. A change of mind with its reason between two cues
@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("queria 2 quartos, na verdade, com as visitas da minha mãe, melhor 3", 3),
        ("tava pensando em 3 quartos... pensando bem, com home office, melhor 4", 4),
        ("3 quartos, pensando bem, com o bebê chegando, melhor 4", 4),
    ],
)
def test_the_count_after_a_change_of_mind_with_its_reason(text: str, count: int) -> None:
    assert extract(text).get("bedrooms") == count


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # a figure inside the aside: no reason, someone else's count; the first stays
        ("quero 3 quartos, pensando bem, minha sogra quer 4, melhor 3", 3),
        # no second cue: the aside is just said, nothing changes
        ("quero 3 quartos, pensando bem, o quintal é grande, tá bom assim", 3),
    ],
)
def test_no_change_of_mind_without_a_second_cue(text: str, count: int) -> None:
    assert extract(text).get("bedrooms") == count


# 3. A house type asked about, then pointed at as the wish
@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("o modelo de 4 quartos tem quintal? esse é o que eu quero", 4),
        ("a de 2 quartos tem suíte? é essa mesma que eu procuro", 2),
        ("a casa da esquina é a de 3 quartos né? é essa que a gente quer", 3),
    ],
)
def test_a_type_asked_about_then_pointed_at(text: str, count: int) -> None:
    assert extract(text).get("bedrooms") == count


@pytest.mark.parametrize(
    "text",
    [
        "a de 3 quartos tem varanda? essa eu acho cara",
        "a de 3 quartos tem varanda? minha irmã quer essa",
        "a casa decorada é a de 3 quartos né?",
    ],
)
def test_a_type_only_asked_about(text: str) -> None:
    assert "bedrooms" not in extract(text)


# 4. A plan told in the past and set aside
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("o plano era morar no Eusébio, mas o trânsito pesou, agora quero Messejana", "Messejana"),
        (
            "minha ideia era o Icaraí mas meu cunhado falou do Cumbuco, então quero no Cumbuco",
            "Cumbuco",
        ),
        ("a intenção era no Cocó, mas vi o preço e quero na Parangaba", "Parangaba"),
    ],
)
def test_a_plan_set_aside_for_the_wish(text: str, place: str) -> None:
    assert extract(text).get("neighborhood") == place


def test_a_plan_set_aside_with_no_wish_after() -> None:
    assert "neighborhood" not in extract("a ideia era o Icaraí mas ficou caro")


# 5. A verb of wishing leading in a bare place
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("eles moram no Benfica há anos mas agora querem praia, Iparana", "Iparana"),
        ("quem decide é ela, ela quer Messejana", "Messejana"),
        ("a gente quer Parangaba, 3 quartos", "Parangaba"),
    ],
)
def test_a_wish_leading_in_a_bare_place(text: str, place: str) -> None:
    assert extract(text).get("neighborhood") == place


@pytest.mark.parametrize(
    "text",
    [
        "minha sogra quer Cumbuco",  # a relative's own wish stays theirs
        "minha sogra mora no Cumbuco",
        "ela quer Cumbuco?",  # asked
    ],
)
def test_no_place_of_someone_elses_wish_or_home(text: str) -> None:
    assert "neighborhood" not in extract(text)


# 6. A landmark's place is no wish
@pytest.mark.parametrize(
    "text",
    [
        "sou piloto e vivo indo pro aeroporto de Fortaleza, daí até lá é longe?",
        "trabalho na rodoviária de Messejana, quanto tempo dá daí?",
        "minha filha estuda perto da praça de Parangaba, é longe?",
    ],
)
def test_a_landmarks_place_is_no_wish(text: str) -> None:
    assert "neighborhood" not in extract(text)


def test_a_landmark_beside_a_wish() -> None:
    text = "trabalho perto da rodoviária de Messejana, quero no Cambeba"
    assert extract(text).get("neighborhood") == "Cambeba"


# 7. Someone else's ceiling when the money is theirs
@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("quem paga é minha mãe, ela disse que no máximo 380 mil", 380_000),
        ("a grana é do meu sogro, ele falou que até 500 mil dá", 500_000),
        ("o dinheiro é dela, minha avó falou que vai até 300 mil", 300_000),
    ],
)
def test_their_ceiling_when_the_money_is_theirs(text: str, amount: int) -> None:
    assert extract(text).get("budget_brl") == amount


@pytest.mark.parametrize(
    "text",
    [
        "meu pai falou que vai até 420 mil",  # the money is not said to be theirs
        "o dinheiro é deles, meu pai ganha 8 mil",  # an income
        "o dinheiro é deles, meu pai comprou a dele por 500 mil",  # their own home
        "o dinheiro é meu, meu pai falou que vai até 420 mil",
    ],
)
def test_no_budget_of_someone_else_otherwise(text: str) -> None:
    assert "budget_brl" not in extract(text)


# 8. The lead's count after a comma following someone else's home
@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("meu irmão tem uma de 4 quartos, eu quero 3", 3),
        ("minha vizinha comprou uma de 2 quartos, eu preciso de 3", 3),
        ("meu cunhado tem uma de 4 quartos, a gente quer 2", 2),
    ],
)
def test_the_leads_count_after_a_comma(text: str, count: int) -> None:
    assert extract(text).get("bedrooms") == count


@pytest.mark.parametrize(
    "text",
    [
        "meu irmão tem uma de 4 quartos, eu tenho 2 filhos",  # counts children
        "meu irmão tem uma de 4 quartos, eu acho grande",
        "meu irmão tem uma de 4 quartos, eu não quero 4",
    ],
)
def test_no_count_after_a_comma_otherwise(text: str) -> None:
    assert "bedrooms" not in extract(text)


# 9. A home "there" pointing back at the place just named
@pytest.mark.parametrize(
    ("previous", "text", "place"),
    [
        ("vi o anúncio do condomínio no Eusébio", "queremos uma casa ali.", "Eusébio"),
        ("minha mãe mora no Cocó", "queria uma casa lá também", "Cocó"),
        ("vi a propaganda de vcs lá na Messejana", "quero uma casa lá", "Messejana"),
    ],
)
def test_a_home_there_points_back(previous: str, text: str, place: str) -> None:
    assert place_pointed_back(previous, text, now=NOW, tz=TZ) == place


@pytest.mark.parametrize(
    "text",
    [
        "quero ir lá ver",  # a visit
        "quero uma casa lá?",  # asked
        "quero uma casa lá mas é caro",  # a contrast
        "quero uma casa lá com piscina",  # the clause goes on
    ],
)
def test_no_place_pointed_back_otherwise(text: str) -> None:
    previous = "vi o anúncio do condomínio no Eusébio"
    assert place_pointed_back(previous, text, now=NOW, tz=TZ) is None


def test_a_home_there_in_the_same_message() -> None:
    text = "minha irmã mora no Cocó e eu quero uma casa lá"
    assert extract(text).get("neighborhood") == "Cocó"
