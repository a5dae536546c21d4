"""The held-out facts sets' kinds (branch hf), each a general rule tested on new
sentences that must and must not change; none is a sentence the kinds were seen in."""

from __future__ import annotations

import pytest

from tests.support.reading import extract

# 1. The name said again at once after a comma with more of it: the fuller repetition is
# the name ("Cícero, Cícero Nogueira").


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("me chamo Ana, Ana Paula Lima", "Ana Paula Lima"),
        ("sou o Jorge, Jorge Bastos, motorista", "Jorge Bastos"),
        ("meu nome é Rita, Rita de Cássia", "Rita de Cássia"),
        ("meu nome é tiago, tiago moura", "Tiago Moura"),
    ],
)
def test_the_fuller_repetition_is_the_name(text: str, want: str) -> None:
    assert extract(text, None).get("name") == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("meu nome é Ana, Pedro é meu marido", "Ana"),
        ("meu nome é Ana, Ana mesmo", "Ana"),
        ("me chamo Caio, Caio da Caixa", "Caio"),
        ("aqui é o Beto, Beto e a Lia moram comigo", "Beto"),
    ],
)
def test_another_word_after_the_comma_keeps_the_name(text: str, want: str) -> None:
    assert extract(text, None).get("name") == want


# 2. A bare range answering the budget is its top ("entre 350 e 380"); "ou" leaves the
# choice open and another word keeps it unread.


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("entre 280 e 300!", 300000),
        ("de 300 a 320", 320000),
        ("uns 250 a 270", 270000),
        ("de 300 ate 350", 350000),
    ],
)
def test_a_bare_range_is_its_top(text: str, want: int) -> None:
    assert extract(text, "budget_brl") == {"budget_brl": want}


@pytest.mark.parametrize(
    ("text", "pending"),
    [
        ("350 ou 380", "budget_brl"),
        ("entre 350 e 380 de renda", "budget_brl"),
        ("entre 380 e 350", "budget_brl"),
        ("entre 350 e 380", None),
    ],
)
def test_no_bare_range_is_no_budget(text: str, pending: str | None) -> None:
    assert "budget_brl" not in extract(text, pending)


# 3. A bare hour then a verb saying it suits is a time ("às 11 fica bom").


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("sexta as 10 fica otimo", "2026-12-11T10:00:00-03:00"),
        ("quinta às 4 serve pra mim?", "2026-12-10T16:00:00-03:00"),
        ("sabado as 9 funciona", "2026-12-12T09:00:00-03:00"),
    ],
)
def test_a_bare_hour_that_suits_is_a_time(text: str, want: str) -> None:
    assert extract(text, None).get("call_at") == want


@pytest.mark.parametrize(
    "text", ["das casas, as 3 ficam perto do centro", "as 3 casas ficam longe", "as 2 servem"]
)
def test_a_count_before_a_plural_verb_is_no_time(text: str) -> None:
    assert "call_at" not in extract(text, None)


# 4. The lead's own limit after a seeing ends it: "pelo que vi no site, meu teto é X".


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("pelo que vi no app do banco, meu limite é 420 mil", 420000),
        ("vi no simulador que nosso orçamento fica em 350 mil", 350000),
        ("vi no simulador da caixa, meu limite pra casa é 310 mil", 310000),
    ],
)
def test_an_own_limit_after_seeing_is_the_budget(text: str, want: int) -> None:
    assert extract(text, None).get("budget_brl") == want


@pytest.mark.parametrize("text", ["vi uma casa de 300 mil no Cocó", "vi um anúncio de 500 mil"])
def test_a_price_seen_is_still_no_budget(text: str) -> None:
    assert "budget_brl" not in extract(text, None)


# 5. What going past an amount would do ("senão não cabe no bolso") is no verdict on it.


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("a casa nao pode passar de 330 mil senao nao cabe no bolso", 330000),
        ("no máximo 280 mil, senão fica pesado", 280000),
        ("o limite é 390 mil senao aperta demais", 390000),
    ],
)
def test_a_ceiling_then_otherwise_is_the_budget(text: str, want: int) -> None:
    assert extract(text, None).get("budget_brl") == want


@pytest.mark.parametrize("text", ["600 mil tá fora do orçamento", "500 mil não cabe no bolso"])
def test_an_amount_out_of_reach_is_still_no_budget(text: str) -> None:
    assert "budget_brl" not in extract(text, None)


# 6. "mainha", "painho" are the lead's kin (never "manhã"), and "q eu" ties its clause to
# what comes before as "que eu" does: a relative's wish is not the lead's.


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("quero no Eusébio, minha mãe queria q eu ficasse no Montese", "Eusébio"),
        ("vou ficar na Parangaba, painho queria q eu fosse pro Benfica", "Parangaba"),
        ("quero no Cocó, meu pai acha q eu devia ir pra Aldeota", "Cocó"),
        ("quero no Montese pra ficar perto de mainha", "Montese"),
    ],
)
def test_a_relatives_wish_is_not_the_leads(text: str, want: str) -> None:
    assert extract(text, None) == {"neighborhood": want}


@pytest.mark.parametrize("text", ["mainha mora no Montese", "painho aqui, e mainha"])
def test_kin_at_home_is_neither_a_place_nor_a_morning(text: str) -> None:
    got = extract(text, None)
    assert "neighborhood" not in got
    assert "call_at" not in got


def test_a_lead_after_q_eu_still_wants() -> None:
    assert extract("sei q eu quero no Montese", None) == {"neighborhood": "Montese"}
