"""The kinds the first-sight set facts_2026-12-07y (leads who hedge, negotiate and
reschedule) found at its first run (92/93, 0 wrong), and the ones its session kept from
07u and the last session, each tested on new sentences that must and must not change."""

from __future__ import annotations

import pytest

from homer_agent.ptbr.facts import states_paying_condition
from homer_agent.ptbr.replies import BROKER_CONFIRMS
from tests.support.reading import chat_run, extract

# 1. A ceiling said under a way of paying is the lead's budget; a hypothetical with no
#    amount ("se for à vista consigo mais um pouco") neither blocks it nor asks anything.


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("financiado consigo ir até 520 mil, se for à vista consigo mais um pouco", 520000),
        ("financiada eu posso chegar a 400 mil", 400000),
        ("Financiado pela caixa a gente consegue até 350 mil", 350000),
        ("financiado chego em uns 610 mil", 610000),
        ("no financiamento chego a 450 mil", 450000),
        ("parcelado posso até 380 mil", 380000),
        ("à vista pago até 300 mil", 300000),
        ("consigo até 520 mil, se parcelar dá pra esticar um pouco", 520000),
        ("financiado até 500 mil", 500000),
        ("à vista consigo 300 mil, financiado até 500 mil", 500000),
        ("se for financiado consigo até 400 mil", 400000),
        ("caso eu financie pela caixa consigo até 450 mil", 450000),
        ("se parcelar consigo até 420 mil", 420000),
        ("financiado consigo até 520", 520000),
        ("consigo até 520", 520000),
        ("financiado chego a 480", 480000),
    ],
)
def test_a_ceiling_under_a_way_of_paying_is_the_budget(text: str, want: int) -> None:
    assert extract(text, pending="budget_brl").get("budget_brl") == want


@pytest.mark.parametrize(
    "text",
    [
        "tenho um carro financiado de 40 mil",
        "tenho um carro financiado, devo uns 30 mil",
        "financiado o banco consegue 300 mil",
        "financiado consigo pagar parcela de até 2 mil",
        "financiado pago uns 2 mil por mês",
        "se for à vista consigo mais um pouco",
        "se parcelar dá pra esticar",
        "o carro financiado até 2028",
        "o financiado vai até 300 mil",  # the loan, not the price
        "se eu vender o carro consigo até 400 mil",
        "se o banco aprovar consigo até 500 mil",
        "se a construtora parcelar a entrada em 24x a gente consegue chegar em 360",
        "vou até 2",
        "financiado consigo até 2 mil",  # an instalment
        "financiado consigo até 15 mil",
        "pago até 1800",
    ],
)
def test_a_debt_an_instalment_or_a_bare_hypothetical_is_no_budget(text: str) -> None:
    assert "budget_brl" not in extract(text, pending="budget_brl")


@pytest.mark.parametrize(
    "text",
    [
        "se for à vista consigo mais um pouco",
        "se parcelar dá pra esticar",
        "caso seja financiado a gente consegue subir um pouco",
        "se eu vender o carro posso pagar mais",
        "financiado vou até 500, se for à vista consigo algo a mais",
    ],
)
def test_what_the_lead_can_pay_under_a_condition_tells(text: str) -> None:
    assert states_paying_condition(text)


@pytest.mark.parametrize(
    "text",
    [
        "se for à vista tem desconto",
        "se pagar à vista consigo desconto",
        "se for à vista consigo mais um pouco?",
        "se vocês parcelarem a entrada eu consigo fechar",
        "quero 3 quartos no Cocó",
    ],
)
def test_a_condition_that_asks_or_tells_nothing_of_paying_is_not_one(text: str) -> None:
    assert not states_paying_condition(text)


@pytest.mark.parametrize(
    "text",
    [
        "financiado consigo ir até 520 mil, se for à vista consigo mais um pouco",
        "parcelado eu chego a 480 mil, se for à vista dá pra esticar",
        "a gente pode até 410 mil, se for à vista conseguimos mais um pouco",
    ],
)
def test_a_paying_condition_gets_no_broker_line(text: str) -> None:
    run = chat_run("oi, sou o Rodrigo", "procuro 4 quartos no Guararapes", text)
    assert "budget_brl" in run.facts
    assert BROKER_CONFIRMS not in run.replies[-1]
    assert "orçamento" in run.replies[-1]


def test_a_cash_discount_asked_still_gets_the_broker() -> None:
    run = chat_run(
        "oi, sou o Rodrigo", "procuro 4 quartos no Guararapes", "se for à vista tem desconto?"
    )
    assert "budget_brl" not in run.facts
    assert BROKER_CONFIRMS in run.replies[-1]


# 2. (07u) A correction that names its fact before the cue ("esquece o que eu disse dos
#    quartos: melhor 4") replaces that fact, and only that one; a place answered with its
#    reason after it; a name after "quem quer comprar sou eu".

KNOWN = ("name", "bedrooms", "neighborhood", "budget_brl")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Ah, esquece o que eu disse dos quartos: melhor 4", {"bedrooms": 4}),
        (
            "esquece o que falei dos quartos: melhor 2, meu filho vai morar fora",
            {"bedrooms": 2},
        ),
        ("sobre os quartos: na verdade 2", {"bedrooms": 2}),
        ("dos quartos: me enganei, são 3", {"bedrooms": 3}),
        ("Ah, esquece o que eu disse dos quartos: são 4", {"bedrooms": 4}),
        ("esquece o que eu falei do bairro, é Messejana", {"neighborhood": "Messejana"}),
        ("esquece o que falei do bairro: melhor Messejana", {"neighborhood": "Messejana"}),
        ("sobre o valor, corrigindo: 450", {"budget_brl": 450000}),
        ("desconsidera o valor que eu falei, são 450 mil", {"budget_brl": 450000}),
        ("esquece os 3 quartos, quero 4", {"bedrooms": 4}),
        ("três quartos esquece quatro quartos", {"bedrooms": 4}),
        ("no Cocó esquece no Papicu", {"neighborhood": "Papicu"}),
        ("400 mil esquece 450 mil", {"budget_brl": 450000}),
        ("esquece o Cocó, quero Messejana", {"neighborhood": "Messejana"}),
        ("desconsidera o que falei de 400 mil, são 450", {"budget_brl": 450000}),
    ],
)
def test_a_correction_naming_its_fact_replaces_it(text: str, want: dict[str, object]) -> None:
    assert extract(text, pending="call_at", known=KNOWN) == want


@pytest.mark.parametrize(
    "text",
    [
        "esquece o que falei do valor, melhor 4",  # the budget named: 4 is no bedroom count
        "esquece o que falei do bairro: melhor 3",
        "esquece isso",
        "sobre o horário, na verdade 2",
    ],
)
def test_a_correction_naming_another_fact_saves_no_bedrooms(text: str) -> None:
    assert "bedrooms" not in extract(text, pending="call_at", known=KNOWN)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Lagoa Redonda, que é perto dos meus pais", "Lagoa Redonda"),
        ("Messejana, que fica perto do meu trabalho", "Messejana"),
        ("Cambeba, porque é perto da escola", "Cambeba"),
        ("Cocó, pq é perto do shopping", "Cocó"),
        ("Conjunto Ceará, onde eu moro desde 1985", "Conjunto Ceará"),
    ],
)
def test_a_place_with_its_reason_answers_whatever_was_asked(text: str, place: str) -> None:
    assert extract(text, pending="name").get("neighborhood") == place
    assert extract(text, pending="neighborhood").get("neighborhood") == place


@pytest.mark.parametrize(
    "text",
    [
        "Fátima, que é perto da minha mãe",  # may be a name: asked again
        "Marcos, que é perto",
        "Lagoa Redonda, mas ainda tô vendo",  # no reason: still deciding
    ],
)
def test_a_name_or_an_undecided_place_is_no_place_answer(text: str) -> None:
    assert "neighborhood" not in extract(text, pending="name")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Quem quer comprar sou eu, Raimundo Nonato", "Raimundo Nonato"),
        ("quem vai morar sou eu mesma, a Cida", "Cida"),
        ("quem decide sou eu: Jorge Lima", "Jorge Lima"),
    ],
)
def test_it_is_me_then_a_name_names_the_lead(text: str, name: str) -> None:
    assert extract(text).get("name") == name
    assert extract(text, pending="name").get("name") == name


@pytest.mark.parametrize(
    "text",
    [
        "quem quer comprar é o meu filho, Pedro",
        "quem quer comprar sou eu, minha filha só ajuda",
        "sou eu, tudo bem?",
        "sou eu, pode falar",
    ],
)
def test_it_is_me_without_a_name_or_someone_else_names_nobody(text: str) -> None:
    assert "name" not in extract(text, pending="name")


@pytest.mark.parametrize(
    ("texts", "place"),
    [
        (
            ("oi", "Queria uma casa de 3 quartos", "Lagoa Redonda, que é perto dos meus pais"),
            "Lagoa Redonda",
        ),
        (
            (
                "oi, sou a Patrícia",
                "3 quartos",
                "Queremos morar no Cambeba, perto da escola das crianças",
            ),
            "Cambeba",
        ),
        (("oi, sou a Patrícia", "3 quartos", "no Cocó, que fica pertinho do meu trabalho"), "Cocó"),
    ],
)
def test_the_reason_for_a_place_gets_no_broker_line(texts: tuple[str, ...], place: str) -> None:
    run = chat_run(*texts)
    assert run.facts.get("neighborhood") == place
    assert BROKER_CONFIRMS not in run.replies[-1]


def test_a_question_about_what_a_place_is_near_still_asks() -> None:
    run = chat_run(
        "oi, sou a Patrícia", "3 quartos", "quero no Cocó, o empreendimento fica perto de escola?"
    )
    assert BROKER_CONFIRMS in run.replies[-1]


# 3. Leftovers: an amount moved by a correction to a down payment leaves no budget; a
#    question about a house type and a "maybe" state no bedroom count.


@pytest.mark.parametrize(
    "text",
    [
        "uns 400 mil não desculpa 400 mil de entrada",
        "500 mil aliás 500 mil de entrada",
        "tenho 300 mil digo 300 mil de FGTS",
    ],
)
def test_an_amount_moved_to_a_down_payment_is_no_budget(text: str) -> None:
    assert "budget_brl" not in extract(text, pending="budget_brl")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("uns 400 mil desculpa 400 mil", 400000),
        ("posso 400 mil não desculpa 450 mil", 450000),
        ("uns 400 mil não desculpa 450 mil, e 100 mil de entrada", 450000),
    ],
)
def test_an_amount_restated_or_corrected_stays_the_budget(text: str, want: int) -> None:
    assert extract(text, pending="budget_brl").get("budget_brl") == want


@pytest.mark.parametrize(
    "text",
    [
        "quanto custa a de 4 quartos",
        "quanto custa o de 4 quartos?",
        "qual o valor da casa de 3 quartos",
        "e quanto sai a de 2 quartos",
        "onde fica a de 4 quartos",
        "quantos banheiros tem a de 3 quartos",
        "qual o tamanho do terreno da de 3 quartos",
        "será que a casa de 3 quartos tem quintal",
        "a casa de 4 quartos tem quintal",
        "me fala da de 4 quartos",
        "me manda fotos da de 3 quartos",
        "me passa o valor da de 4 quartos",
        "queria saber o preço da de 4 quartos",
        "gostaria de saber quanto custa a de 4 quartos",
        "quero saber se a de 3 quartos tem suíte",
    ],
)
def test_a_question_about_a_house_type_wants_none(text: str) -> None:
    assert "bedrooms" not in extract(text, pending="bedrooms")
    assert "bedrooms" not in extract(text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("qual? 4 quartos", 4),
        ("quanto custa? quero 3 quartos", 3),
        ("quanto aos quartos pode ser 3 quartos", 3),
        ("quais tem 3 quartos, quero uma dessas", 3),
        ("quero 3 quartos, qual o valor?", 3),
        ("quero a de 4 quartos", 4),
        ("fico com a de 2 quartos", 2),
        ("prefiro a casa de 3 quartos", 3),
        ("a casa de 4 quartos tem que ter quintal", 4),
        ("a de 3 quartos tem 2 suítes, quero ela", 3),
        ("me fala mais, quero 3 quartos", 3),
        ("preciso de 3 quartos", 3),
    ],
)
def test_a_count_told_beside_a_question_is_kept(text: str, want: int) -> None:
    assert extract(text, pending="bedrooms").get("bedrooms") == want


@pytest.mark.parametrize(
    ("text", "pending"),
    [
        ("talvez 4 quartos", "bedrooms"),
        ("talvez 3", "bedrooms"),
        ("3 quartos talvez", "bedrooms"),
        ("3 quartos, talvez 4", "bedrooms"),
        ("3 quartos. talvez 4", "bedrooms"),
        ("talvez eu precise de 4 quartos", "bedrooms"),
        ("quem sabe no Cocó", "neighborhood"),
        ("talvez no Cambeba", "neighborhood"),
        ("talvez uns 400 mil", "budget_brl"),
        ("até 400 mil, talvez 450", "budget_brl"),
        ("talvez 400 talvez 450", "budget_brl"),
    ],
)
def test_a_maybe_leaves_the_fact_open(text: str, pending: str) -> None:
    assert pending not in extract(text, pending=pending)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("acho que 3 quartos", {"bedrooms": 3}),
        ("quero 3 quartos, talvez no Cocó", {"bedrooms": 3}),
        ("quero 3 quartos e talvez uns 400 mil", {"bedrooms": 3}),
        ("3 quartos, talvez com 2 suítes", {"bedrooms": 3}),
        (
            "meu limite é 300 mil. se eu vender o carro talvez chegue a 340 mas nao conto com isso",
            {"budget_brl": 300000},
        ),
    ],
)
def test_a_maybe_leaves_only_its_own_clause_open(text: str, want: dict[str, object]) -> None:
    assert extract(text, pending="bedrooms") == want


def test_a_maybe_asks_again_and_a_later_answer_is_saved() -> None:
    run = chat_run("oi, sou a Marta", "talvez 4 quartos", "pode ser 3 quartos mesmo")
    assert run.facts.get("bedrooms") == 3
    assert "quartos" in run.replies[1]


# Found while probing corrections on new sentences: "em vez de X, Y" sets X aside (it was
# saved: a wrong fact), and a bare value after "esquece" replaces the one it names.


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("em vez de 4 quartos, 3", {"bedrooms": 3}),
        ("no lugar de 3 quartos, 4 quartos", {"bedrooms": 4}),
        ("ao invés de 400 mil, 450", {"budget_brl": 450000}),
        ("em vez de 400 mil posso 450 mil", {"budget_brl": 450000}),
        ("em vez do Cocó, Papicu", {"neighborhood": "Papicu"}),
        ("no lugar do Cocó, prefiro Papicu", {"neighborhood": "Papicu"}),
        ("ah o valor, esquece, são 450", {"budget_brl": 450000}),
        ("quero 3 quartos em vez de 2", {"bedrooms": 3}),
        ("de vez em quando 3 quartos", {"bedrooms": 3}),
    ],
)
def test_a_value_set_aside_with_em_vez_de_is_replaced(text: str, want: dict[str, object]) -> None:
    assert extract(text, pending="call_at", known=KNOWN) == want


@pytest.mark.parametrize("text", ["em vez de 4 quartos", "ao invés do Cocó", "em vez de 500 mil"])
def test_a_value_set_aside_alone_is_not_saved(text: str) -> None:
    assert extract(text, pending="call_at", known=KNOWN) == {}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("esquece o Cocó", {}),  # dropped, nothing said instead
        ("esquece, não precisa", {}),
        ("esquece a suíte, 3 quartos tá bom", {"bedrooms": 3}),
        # what follows "esquece" is what is dropped, not a replacement
        (
            "pode ligar sexta 10h, esquece o que falei de quinta",
            {"call_at": "2026-12-11T10:00:00-03:00"},
        ),
    ],
)
def test_a_value_right_after_esquece_is_dropped(text: str, want: dict[str, object]) -> None:
    assert extract(text, pending="call_at", known=(*KNOWN, "call_at")) == want
