"""Facts given inside questions and by naming a house type (brief fq, sets 08o/08p).

None of these sentences is in those sets. Three kinds, each with sentences that must be
read and similar ones that must not:

1. A question for a home ("tem casa de 3 quartos até 400 mil?", "consigo uma de 2
   quartos por 280 mil?") states the lead's wish: its count, place and limit are read as
   if the lead had said "quero ...". A place asked alone ("tem casa no Cumbuco?") may ask
   where the homes are: it is the wish only beside a count or a limit, or when the message
   points back at it ("vcs tem algo no Eusébio? é lá que eu queria morar").
2. Other questions stay questions: a thing of a house type ("a de 3 tem piscina?"), a
   feature ("tem academia?"), a distance or a trip ("fica longe do Eusébio?"), a price
   ("quanto custa a de 3 quartos?": neither the count nor a budget), someone else's or a
   hypothetical one, a lead in doubt, or two house types asked about.
3. A house type picked by its description: the lead's own wish to know about it as a
   whole ("quero saber do sobrado de 4 suítes") and a count taken up from the previous
   message with more said after a comma ("quero essa de 3 sim, no Eusébio").

The sentences the old policy ("a question states nothing") kept empty and that are
questions for a home now state the wish; they are the last test here.
"""

from __future__ import annotations

import pytest

from homer_agent.ptbr.facts import taken_up
from tests.support.reading import NOW, TZ, chat_run, extract


def _facts(text: str, pending: str | None = None) -> dict[str, object]:
    found = extract(text, pending)
    found.pop("call_at", None)
    return found


# 1. A question for a home states the lead's wish
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "boa noite, vocês têm casa de 2 quartos até 280 mil?",
            {"bedrooms": 2, "budget_brl": 280_000},
        ),
        ("ainda tem casa de 4 quartos?", {"bedrooms": 4}),
        ("opa, tem de 3 quartos no Eusébio ainda?", {"bedrooms": 3, "neighborhood": "Eusébio"}),
        ("existe alguma de 2 quartos em Caucaia?", {"bedrooms": 2, "neighborhood": "Caucaia"}),
        ("vcs teriam algo no Icaraí? é lá que a gente quer", {"neighborhood": "Icaraí"}),
        (
            "será que vocês têm casa de 3 quartos até 420 mil?",
            {"bedrooms": 3, "budget_brl": 420_000},
        ),
        (
            "queria saber se vcs tem casa de 4 quartos na Tabuba?",
            {"bedrooms": 4, "neighborhood": "Tabuba"},
        ),
        ("e vcs tem alguma coisa até 310 mil?", {"budget_brl": 310_000}),
        (
            "Marina aqui. tem 2 quartos até 260 mil?",
            {"name": "Marina", "bedrooms": 2, "budget_brl": 260_000},
        ),
        (
            "tem casa com 3 quartos e piscina no Cumbuco?",
            {"bedrooms": 3, "neighborhood": "Cumbuco"},
        ),
        ("tem casa de 4 quartos até R$ 520.000?", {"bedrooms": 4, "budget_brl": 520_000}),
    ],
)
def test_a_question_for_a_home_states_the_wish(text: str, want: dict[str, object]) -> None:
    assert _facts(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("consigo uma de 2 quartos por 280 mil?", {"bedrooms": 2, "budget_brl": 280_000}),
        ("dá pra pegar uma de 3 quartos com 390 mil?", {"bedrooms": 3, "budget_brl": 390_000}),
        ("com 450 mil dá pra comprar uma de 4 quartos?", {"bedrooms": 4, "budget_brl": 450_000}),
        ("até 330 mil tem?", {"budget_brl": 330_000}),
        ("até 300 mil dá?", {"budget_brl": 300_000}),
        ("por 250 mil tem casa em Aquiraz?", {"neighborhood": "Aquiraz", "budget_brl": 250_000}),
    ],
)
def test_a_question_for_what_the_lead_can_get_states_the_wish(
    text: str, want: dict[str, object]
) -> None:
    assert _facts(text) == want


def test_a_question_for_a_home_then_the_name_in_a_conversation() -> None:
    run = chat_run("bom dia, vcs tem casa de 2 quartos até 300 mil?", "Sou o Caio Braga")
    assert run.facts == {"bedrooms": 2, "budget_brl": 300_000, "name": "Caio Braga"}


def test_a_count_the_development_lacks_is_explained_not_saved() -> None:
    run = chat_run("vcs tem casa de 6 quartos?")
    assert "bedrooms" not in run.facts
    assert "6 quartos" in run.replies[-1]


# 2. Questions that are no wish keep saving nothing
@pytest.mark.parametrize(
    "text",
    [
        "a de 3 tem quintal?",  # a thing of a house type
        "a casa de 2 quartos tem varanda?",
        "o sobrado tem quantos metros quadrados?",
        "tem academia no condomínio?",  # a feature
        "tem 2 vagas de garagem?",
        "fica longe do Eusébio?",  # a distance, a trip
        "quanto tempo leva até o Cumbuco?",
        "quanto custa a de 3 quartos?",  # a price: no count, no budget
        "qual o valor da casa de 4 quartos no Cumbuco?",
        "minha sogra quer saber se tem casa de 2 quartos?",  # someone else's
        "tem de 3 quartos? é pra minha mãe",
        "meu cunhado perguntou: tem casa de 4 quartos em Caucaia?",
        "se eu juntar 400 mil, tem casa de 3 quartos?",  # a hypothetical
        "tem de 2 quartos? e de 3?",  # two house types asked about
        "tem casa de 4 quartos? não sei se preciso de tanto",  # in doubt
        "tem de 3 quartos? talvez",
        "moro no Cocó, vocês têm casa lá?",  # where the lead lives
        "da de 2 quartos tem foto?",
        "tem casa acima de 600 mil?",  # a bound or a likeness, not the wish
        "tem casa a partir de 250 mil?",
        "tem casa com mais de 2 quartos?",
        "tem casa mais em conta que a de 4 quartos?",
        "tem casa de 2 quartos como a do meu vizinho?",
        "vcs tem algo na Tabuba?",  # a place alone may ask where the homes are
        "tem casa disponível no Pecém?",
        "ainda tem casa no Icaraí? não é lá que eu quero",
        "consigo financiar 300 mil?",
        "dá pra usar o FGTS?",
    ],
)
def test_other_questions_state_nothing(text: str) -> None:
    assert not {"bedrooms", "neighborhood", "budget_brl"} & set(_facts(text)), _facts(text)


# 3. A house type picked by its description
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("queria saber mais sobre a casa de 3 quartos", 3),
        ("gostaria de saber do sobrado de 4 quartos", 4),
        ("oi, quero saber da de 2 quartos", 2),
        ("tenho interesse na casa de 3 suítes", 3),
    ],
)
def test_the_leads_wish_to_know_about_a_house_type_picks_it(text: str, want: int) -> None:
    assert _facts(text).get("bedrooms") == want


@pytest.mark.parametrize(
    "text",
    [
        "queria saber o preço da de 4 quartos",  # a thing of it
        "quero saber se a de 3 quartos tem suíte",  # a question about it
        "minha irmã quer saber do sobrado de 4 suítes",  # someone else's
        "gostaria de saber a metragem da casa de 2 quartos",
    ],
)
def test_a_question_about_a_house_type_picks_nothing(text: str) -> None:
    assert "bedrooms" not in _facts(text)


@pytest.mark.parametrize(
    ("previous", "text", "want"),
    [
        ("a de 3 quartos tem varanda?", "quero essa de 3 sim, no Eusébio", 3),
        ("o sobrado de 4 quartos é grande?", "pode ser o de 4 sim", 4),
        ("a casa de 2 quartos tem quintal?", "vou querer a de 2 mesmo, em Caucaia", 2),
    ],
)
def test_a_count_taken_up_with_more_said_after_it(previous: str, text: str, want: int) -> None:
    assert taken_up(previous, text, now=NOW, tz=TZ).get("bedrooms") == want


@pytest.mark.parametrize(
    ("previous", "text"),
    [
        ("a de 3 quartos tem varanda?", "quero essa de 4 sim, no Eusébio"),
        ("a de 3 quartos tem varanda?", "quero de 3 andares, no Eusébio"),
        ("a de 3 quartos tem varanda?", "quero de 3 não, no Eusébio"),
    ],
)
def test_no_count_taken_up_when_the_clause_says_otherwise(previous: str, text: str) -> None:
    assert "bedrooms" not in taken_up(previous, text, now=NOW, tz=TZ)


# The old policy's questions for a home, now read as the wish
@pytest.mark.parametrize(
    ("text", "pending", "want"),
    [
        ("tem casa até 400 mil?", "budget_brl", {"budget_brl": 400_000}),
        ("até 400 mil tem?", None, {"budget_brl": 400_000}),
        ("tem de 3 quartos? no Cocó?", None, {"bedrooms": 3}),
        ("Boa tarde, vocês têm casa de 3 quartos?", "name", {"bedrooms": 3}),
        ("tem de 5 quartos, no Cocó?", None, {"bedrooms": 5, "neighborhood": "Cocó"}),
        ("queria saber se tem 3 quartos, pode me dizer?", None, {"bedrooms": 3}),
        ("vocês têm casa de 2 quartos, até 300 mil?", None, {"bedrooms": 2, "budget_brl": 300_000}),
        ("tem de 3 quartos não pera de 4 quartos?", None, {"bedrooms": 4}),
        ("vocês têm casa com 2 suítes e mais um quarto?", "bedrooms", {"bedrooms": 3}),
    ],
)
def test_the_old_questions_for_a_home_now_state_the_wish(
    text: str, pending: str | None, want: dict[str, object]
) -> None:
    assert _facts(text, pending) == want
