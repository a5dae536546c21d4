"""Issue 21, item 1 (docs/facts.md "Facts said beside a question"): a message's pieces
that do not ask are read as statements with the same readers, whatever the pieces that
ask; a piece that asks saves nothing by itself.

Sentences written for these tests, every fact kind, the question before and after the
fact, with and without punctuation between them, with and without a pending question.
"""

from __future__ import annotations

import pytest

from tests.support.reading import booking_run, chat_run, extract

# A fact beside a question ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pending", "fact", "want"),
    [
        # budget, question after
        ("até 350 mil, vocês financiam?", None, "budget_brl", 350000),
        ("até 350 mil, vocês financiam?", "budget_brl", "budget_brl", 350000),
        ("500 mil. aceita FGTS?", "budget_brl", "budget_brl", 500000),
        ("tenho uns 500 mil. tem área de lazer?", "bedrooms", "budget_brl", 500000),
        ("até 420 mil tem varanda gourmet?", None, "budget_brl", 420000),
        ("uns 380 mil, tem desconto à vista?", "budget_brl", "budget_brl", 380000),
        ("até 380 mil, tem desconto à vista?", "name", "budget_brl", 380000),
        ("até 1 milhão vcs aceitam carro na troca?", None, "budget_brl", 1000000),
        # budget, question before
        ("tem área de lazer? até 500 mil", None, "budget_brl", 500000),
        ("aceita financiamento? posso ir até 600 mil", "budget_brl", "budget_brl", 600000),
        # bedrooms, question after
        ("2 quartos. qual o tamanho da varanda?", "bedrooms", "bedrooms", 2),
        ("2 quartos. qual o tamanho da varanda?", None, "bedrooms", 2),
        ("4 quartos, quanto custa a de 4?", "bedrooms", "bedrooms", 4),
        ("3 quartos a de 3 tem suíte?", "bedrooms", "bedrooms", 3),
        ("quero 2 quartos qual o prazo de entrega?", None, "bedrooms", 2),
        ("2 quartos, tem garagem coberta?", None, "bedrooms", 2),
        ("4 quartos a de 4 tem elevador?", "bedrooms", "bedrooms", 4),
        # bedrooms, question before
        ("qual o prazo de entrega? quero 3 quartos", None, "bedrooms", 3),
        # name, with the name asked and not
        ("Marcos! quando fica pronto?", "name", "name", "Marcos"),
        ("Renata. vcs aceitam financiamento?", "name", "name", "Renata"),
        ("aqui é a Joana, vcs aceitam permuta?", None, "name", "Joana"),
        ("Helena. qual o valor do condomínio?", "name", "name", "Helena"),
        ("Helena! vocês financiam pela Caixa?", "name", "name", "Helena"),
        # place
        ("prefiro no Cocó. o condomínio é caro?", None, "neighborhood", "Cocó"),
        ("tem academia? queria no Papicu", None, "neighborhood", "Papicu"),
        ("Passaré. quando fica pronto?", "neighborhood", "neighborhood", "Passaré"),
        ("quero no Passaré, tem posto perto?", None, "neighborhood", "Passaré"),
        # a place beside the question is the lead's; the count in it is asked
        ("Cambeba, vocês têm casa de 3 quartos?", "neighborhood", "neighborhood", "Cambeba"),
        # call time
        ("tem piscina? pode me ligar quinta às 15h", None, "call_at", "2026-12-10T15:00:00-03:00"),
    ],
)
def test_a_fact_beside_a_question_is_read(
    text: str, pending: str | None, fact: str, want: object
) -> None:
    assert extract(text, pending=pending).get(fact) == want


def test_every_fact_beside_a_question() -> None:
    found = extract("pode me ligar quinta às 15h? tenho até 700 mil", pending=None)
    assert found == {"budget_brl": 700000, "call_at": "2026-12-10T15:00:00-03:00"}


# A question saves nothing by itself --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pending"),
    [
        ("quanto custa o de 4 quartos?", "bedrooms"),
        ("quanto custa o de 4 quartos?", None),
        ("a casa até 400 mil tem suíte?", "budget_brl"),  # a house type's thing asked
        ("a de 3 tem suíte?", "bedrooms"),
        ("3 quartos tem suíte?", "bedrooms"),  # the house type is the subject asked about
        ("casa de 3 quartos no Cocó, quanto custa?", None),
        ("casa de 3 quartos no Cocó quanto custa?", None),
        ("o apto de 2 quartos, tem varanda?", None),
        ("a de 3 quartos fica no Cocó?", None),
    ],
)
def test_a_question_saves_nothing(text: str, pending: str | None) -> None:
    found = extract(text, pending=pending)
    assert "bedrooms" not in found and "budget_brl" not in found
    assert "neighborhood" not in found


@pytest.mark.parametrize(
    ("text", "pending"),
    [
        # where the lead lives or works now is not the wish
        ("moro no Montese, quanto tempo daí pro centro?", None),
        ("moro no Montese quanto tempo daí pro centro?", "neighborhood"),
        ("trabalho na Aldeota, é longe daí?", None),
        ("minha mãe mora na Parquelândia, fica perto?", None),
        # someone else's figure, a hypothetical
        ("se eu vender o carro chego a 450, tem?", None),
        ("meu irmão pagou 300 mil, tem nesse valor?", None),
        # greetings and thanks before a question are no name; nor is a name that may be
        # whom the lead speaks to
        ("Carla, tem piscina?", "name"),
        ("Renata vcs aceitam financiamento?", "name"),
        ("Oi Carla, tudo bem?", "name"),
        ("Oi, tem piscina?", "name"),
        ("Boa tarde, vocês têm piscina?", "name"),
        ("Obrigado, e o condomínio?", "name"),
        ("Entendi, tem visita no sábado?", "name"),
        # a bare figure after a question answers nothing asked
        ("vc quer saber? 3 pq sim", "bedrooms"),
    ],
)
def test_nothing_beside_a_question_when_nothing_is_the_lead_wish(
    text: str, pending: str | None
) -> None:
    found = extract(text, pending=pending)
    assert not {"name", "bedrooms", "neighborhood", "budget_brl"} & set(found)


def test_the_engineer_sentences() -> None:
    assert extract("até 400 mil, tem piscina?", pending="budget_brl") == {"budget_brl": 400000}
    assert extract("até 400 mil, tem piscina?") == {"budget_brl": 400000}
    assert extract("3 quartos, a de 3 tem suíte?", pending="bedrooms") == {"bedrooms": 3}
    assert extract("3 quartos, a de 3 tem suíte?") == {"bedrooms": 3}
    assert extract("Vera. aceita financiamento?", pending="name") == {"name": "Vera"}
    assert extract("moro no Montese, quanto tempo daí pro centro?") == {}


def test_the_budget_beside_a_question_is_not_asked_again() -> None:
    run = chat_run("oi sou a Vera", "até 400 mil, tem piscina?")
    assert run.facts.get("budget_brl") == 400000
    assert "R$ 400.000" in run.replies[-1]  # acknowledged
    assert "quartos" in run.replies[-1]  # and the next fact asked, not the budget again


# Moving the call, and a call after an errand (the offline policy) ---------------------------


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (("pode passar pra sexta às 10h",), "2026-12-11 10:00:00-03:00"),
        (("pode ligar quinta às 15h", "pode passar pra sexta às 10h"), "2026-12-11 10:00:00-03:00"),
        (("pode ligar quinta às 15h", "muda pra sexta 9h"), "2026-12-11 09:00:00-03:00"),
        (("pode ligar quinta às 15h", "troca pra quarta às 14h"), "2026-12-09 14:00:00-03:00"),
    ],
)
def test_moving_the_call_books_it_without_a_broker_line(texts: tuple[str, ...], want: str) -> None:
    run = booking_run(*texts)
    assert str(run.facts.get("call_at")) == want
    assert "corretor confirma" not in run.replies[-1]


@pytest.mark.parametrize(
    "text",
    [
        "passo no banco sexta 10h, pode ligar depois",
        "passo no banco sexta 10h pode ligar depois",
        "tenho dentista quinta às 9h, me liga depois disso",
        "vou no cartório amanhã 8h, pode me ligar depois",
    ],
)
def test_a_call_after_an_errand_books_nothing_and_asks(text: str) -> None:
    run = booking_run(text)
    assert run.facts.get("call_at") is None
    assert "horário" in run.replies[-1] and "corretor confirma" not in run.replies[-1]


def test_a_day_with_an_hour_floor_is_kept() -> None:
    # how the code read "depois das 10h" before: the floor hour of that day
    run = booking_run("pode ligar sexta depois das 10h")
    assert str(run.facts.get("call_at")) == "2026-12-11 10:00:00-03:00"


# Two counts, neither chosen ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["3 quartos ou 4", "quero 2 quartos, ou 3", "3 quartos ou 4, tem os dois?"],
)
def test_a_count_then_a_bare_alternative_saves_no_count(text: str) -> None:
    assert "bedrooms" not in extract(text, pending="bedrooms")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("3 quartos ou 4 banheiros", 3),
        ("3 quartos ou 4, fico com 4", 4),
        ("3 quartos ou melhor 4", 4),
    ],
)
def test_a_count_beside_other_words_is_kept(text: str, want: int) -> None:
    assert extract(text, pending="bedrooms").get("bedrooms") == want
