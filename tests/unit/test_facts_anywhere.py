"""Issue 21, one test per kind: facts read wherever they are said, whose fact, which amount.

Pure extraction (`extract_facts`); the same kinds run end to end in the first-sight set
(tests/integration/test_first_sight_facts.py) and the generated set
(tests/integration/test_generated_conversations.py).
"""

from __future__ import annotations

import pytest

from homer_agent.ptbr.facts import states_own_schedule
from homer_agent.ptbr.places import known_place
from tests.support.reading import extract


# 1. Out of turn, several per message
@pytest.mark.parametrize(
    ("text", "pending", "want"),
    [
        (
            "ah tô olhando lá pro Passaré, acho q 3 quartos tá bom",
            "bedrooms",
            {"bedrooms": 3, "neighborhood": "Passaré"},
        ),
        (
            "2 quartos, Maraponga, 400 mil",
            "bedrooms",
            {"bedrooms": 2, "neighborhood": "Maraponga", "budget_brl": 400_000},
        ),
        (
            "procuro 4 quartos no Cambeba até 1,1 milhão",
            "name",
            {"bedrooms": 4, "neighborhood": "Cambeba", "budget_brl": 1_100_000},
        ),
        ("to olhando la pro passare", "budget_brl", {"neighborhood": "Passaré"}),
        ("prefiro joquei clube", "budget_brl", {"neighborhood": "Jóquei Clube"}),
    ],
)
def test_every_fact_is_read_whatever_was_asked(text: str, pending: str, want: dict) -> None:
    found = extract(text, pending)
    assert {k: found.get(k) for k in want} == want


# 2. Corrections
@pytest.mark.parametrize(
    ("text", "known", "want"),
    [
        ("opa, escrevi errado, são 3 quartos", ("bedrooms",), {"bedrooms": 3}),
        ("pensando melhor, Montese é melhor", ("neighborhood",), {"neighborhood": "Montese"}),
        ("me enganei, é 650", ("budget_brl",), {"budget_brl": 650_000}),
        ("no Cocó, aliás no Papicu", (), {"neighborhood": "Papicu"}),
        ("tenho 400 mil, na verdade posso até 450 mil", ("budget_brl",), {"budget_brl": 450_000}),
    ],
)
def test_the_last_clear_statement_wins(text: str, known: tuple[str, ...], want: dict) -> None:
    found = extract(text, None, known)
    assert {k: found.get(k) for k in want} == want


def test_a_bare_number_is_no_correction_without_a_cue() -> None:
    assert "budget_brl" not in extract("650", None, ("budget_brl",))


# 3. Whose fact, which amount
@pytest.mark.parametrize(
    ("text", "pending", "absent"),
    [
        ("quem decide é meu marido, o Álvaro", "name", "name"),
        ("a Simone da imobiliária me mandou aqui", "name", "name"),
        ("tenho uns 80 mil de FGTS", "budget_brl", "budget_brl"),
        ("dou 50 mil de entrada", "budget_brl", "budget_brl"),
        ("minha renda é 6 mil e consigo pagar parcela de uns 1.800", "budget_brl", "budget_brl"),
        ("se eu vender o sítio chego a 800 mil", "budget_brl", "budget_brl"),
        ("moro no Centro hoje", "neighborhood", "neighborhood"),
        ("trabalho na Aldeota", "neighborhood", "neighborhood"),
        ("Centro", "name", "neighborhood"),
    ],
)
def test_someone_elses_fact_or_another_amount_is_not_saved(
    text: str, pending: str, absent: str
) -> None:
    assert absent not in extract(text, pending)


def test_the_real_amount_wins_over_a_hypothetical_one() -> None:
    found = extract("tenho 600 mil, se eu vender o sítio chego a 800", "budget_brl")
    assert found.get("budget_brl") == 600_000


@pytest.mark.parametrize(
    ("text", "routine"),
    [
        ("só saio do serviço às 18h", True),
        ("saio da faculdade às 21h", True),
        ("de manhã eu levo as crianças na escola", True),
        ("saio às 18h, pode ligar às 19h", False),
        ("quinta 15h pode", False),
    ],
)
def test_a_routine_is_no_call_request(text: str, routine: bool) -> None:
    assert states_own_schedule(text) is routine


# 4. Name phrases
@pytest.mark.parametrize(
    ("text", "pending", "name"),
    [
        ("Cida aqui", "name", "Cida"),
        ("bom dia, quem fala é o Beto", "name", "Beto"),
        ("é o Gil falando", "name", "Gil"),
        ("Gil aqui e dois quartos", "name", "Gil"),
        ("entao tipo wagner aqui 4q", "name", "Wagner"),
        ("meu nome e debora dois quartos la na parquelandia", "name", "Debora"),
        ("sou o joao de preferencia no papicu", "name", "Joao"),
        ("me mandaram falar contigo", "name", None),
        ("s", "name", None),
        ("n", "name", None),
        ("ok", "name", None),
        ("me liga terca 9h", "name", None),
    ],
)
def test_name_phrases(text: str, pending: str, name: str | None) -> None:
    assert extract(text, pending).get("name") == name


# 5. Shorthand and amounts
@pytest.mark.parametrize(
    ("text", "pending", "fact", "value"),
    [
        ("2kk", "budget_brl", "budget_brl", 2_000_000),
        ("1,2kk", "budget_brl", "budget_brl", 1_200_000),
        ("750k", "budget_brl", "budget_brl", 750_000),
        ("meio milhão", "budget_brl", "budget_brl", 500_000),
        ("3q no Cocó", "name", "bedrooms", 3),
        ("2 qtos", "bedrooms", "bedrooms", 2),
        ("4q", "neighborhood", "bedrooms", 4),
    ],
)
def test_shorthand(text: str, pending: str, fact: str, value: int) -> None:
    assert extract(text, pending).get(fact) == value


def test_listed_places_keep_their_spelling_and_common_words_need_capitals() -> None:
    assert known_place(["cidade", "dos", "funcionarios"], 0) == ("Cidade dos Funcionários", 3)
    assert known_place(["centro"], 0, lower_ok=False) is None
    assert known_place(["centro"], 0, lower_ok=True) == ("Centro", 1)


# Kinds the second generator round found (seed A only)
@pytest.mark.parametrize(
    ("text", "pending", "want"),
    [
        ("ate um milhao e duzentos pode ser sexta as 9h", "budget_brl", {"budget_brl": 1_200_000}),
        ("tenho 40 mil guardados pro carro", "budget_brl", {"budget_brl": None}),
        (
            "me enganei sao 4 quartos nao quero no centro prefiro benfica",
            None,
            {"bedrooms": 4, "neighborhood": "Benfica"},
        ),
        ("nao quero no centro prefiro montese", "neighborhood", {"neighborhood": "Montese"}),
        ("Cocó", "bedrooms", {"neighborhood": "Cocó"}),
        # a place that is no name answers the name question as the place (issue 21)
        ("Cocó", "name", {"neighborhood": "Cocó", "name": None}),
        ("Fátima", "name", {"neighborhood": None, "name": None}),  # may be a name: asked
    ],
)
def test_second_round_kinds(text: str, pending: str | None, want: dict) -> None:
    found = extract(text, pending, ("bedrooms",) if "enganei" in text else ())
    assert {k: found.get(k) for k in want} == want


def test_the_part_of_a_refusal_that_says_yes() -> None:
    from homer_agent.ptbr.facts import accepted_part

    assert accepted_part("à tarde não dá, mas quarta 11h pode") == "quarta 11h pode"
    assert accepted_part("quarta 11h pode") == "quarta 11h pode"
    assert states_own_schedule("hoje moro de aluguel na Serrinha")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("a casa da minha mãe é no Montese", None),
        ("quero morar perto da minha mãe, no Montese", "Montese"),
        ("quero morar no Montese com minha mãe", "Montese"),
    ],
)
def test_a_relatives_place_is_theirs(text: str, place: str | None) -> None:
    assert extract(text, "neighborhood").get("neighborhood") == place


# Retractions inside one message: the value after the cue wins, the one before is never saved.
@pytest.mark.parametrize(
    ("text", "pending", "want"),
    [
        ("no Benfica... não, pera, Parquelândia", "neighborhood", {"neighborhood": "Parquelândia"}),
        ("acho que Maraponga, ou melhor, Parangaba", None, {"neighborhood": "Parangaba"}),
        ("Aldeota nao, prefiro Meireles", "bedrooms", {"neighborhood": "Meireles"}),
        ("lá pro Cocó... peraí, Papicu", None, {"neighborhood": "Papicu"}),
        ("Fátima não... na verdade Montese", None, {"neighborhood": "Montese"}),
        ("no Passare nao, espera, Messejana", "neighborhood", {"neighborhood": "Messejana"}),
        ("na Varjota, quer dizer, Dionísio Torres", None, {"neighborhood": "Dionísio Torres"}),
        ("até 300 mil... nao, pera, 320 mil", "budget_brl", {"budget_brl": 320_000}),
        ("uns 500 mil, ou melhor, 480 mil", None, {"budget_brl": 480_000}),
        ("R$ 250 mil não, 270 mil", None, {"budget_brl": 270_000}),
        ("posso dar 600 mil, aliás 550 mil", None, {"budget_brl": 550_000}),
        ("quero 2 quartos... não, pera, 3 quartos", None, {"bedrooms": 3}),
        ("3 quartos nao, melhor 4 quartos", None, {"bedrooms": 4}),
        ("4 quartos, quer dizer, 3 quartos", None, {"bedrooms": 3}),
        (
            "2 quartos, Messejana nao... prefiro Cambeba",
            None,
            {"bedrooms": 2, "neighborhood": "Cambeba"},
        ),
    ],
)
def test_a_value_taken_back_in_the_same_message_gives_way(
    text: str, pending: str | None, want: dict
) -> None:
    assert extract(text, pending) == want


@pytest.mark.parametrize(
    ("text", "pending"),
    [
        ("Montese não", "neighborhood"),
        ("no Centro nao.", None),
        ("Aldeota não... Meireles também não", "neighborhood"),
        ("500 mil não", "budget_brl"),
        ("400 mil nao, pera...", "budget_brl"),
        ("3 quartos não", "bedrooms"),
        ("Parangaba? não, obrigado", "neighborhood"),
        ("moro no Montese, não, pera, moro na Aldeota", None),
    ],
)
def test_a_value_turned_down_on_the_spot_is_never_saved(text: str, pending: str | None) -> None:
    assert extract(text, pending) == {}


def test_a_no_about_what_follows_keeps_the_place_before() -> None:
    assert extract("quero no Centro, não no Montese") == {"neighborhood": "Centro"}
    assert extract("no Centro, não quero casa pequena") == {"neighborhood": "Centro"}
