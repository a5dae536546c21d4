"""Issue 21: candidate facts with their evidence, and the one policy that saves them.

Every message yields `Candidate`s (value, span, cue, whose, modality); `decide` saves the
lead's last clear stated or corrected value per fact. The sentences here are new ones of
the kinds the first-sight sets facts_2026-12-06c and facts_2026-12-06d and earlier
sessions missed, not those sets' sentences.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from homer_agent.ptbr.facts import (
    Candidate,
    Modality,
    accepted_part,
    decide,
    read_candidates,
)
from homer_agent.ptbr.places import canonical_place, same_place
from homer_agent.ptbr.times import read_when
from tests.support.offline_harness import Run, bound_tools
from tests.support.reading import NOW, TZ, extract

# The policy on its own


def test_decide_saves_only_the_leads_stated_or_corrected_values() -> None:
    cands = [
        Candidate("bedrooms", 2, (0, 9), "quartos", modality=Modality.NEGATED),
        Candidate("bedrooms", 4, (10, 19), "quartos", modality=Modality.QUESTION),
        Candidate("budget_brl", 800_000, (20, 27), "amount", modality=Modality.HYPOTHETICAL),
        Candidate("neighborhood", "Cocó", (30, 34), "place", whose="other"),
        Candidate("name", "Rui", (0, 0), "name phrase"),
    ]
    assert decide(cands) == {"name": "Rui"}


def test_decide_last_correction_wins_and_alternatives_save_nothing() -> None:
    stated = Candidate("bedrooms", 2, (0, 1), "quartos")
    fixed = Candidate("bedrooms", 3, (5, 6), "bare answer", modality=Modality.CORRECTED)
    either = Candidate(
        "neighborhood", "Pici", (0, 4), "listed place", modality=Modality.ALTERNATIVE
    )
    assert decide([stated, fixed, either]) == {"bedrooms": 3}


def test_decide_budget_range_is_its_top_until_a_correction() -> None:
    low = Candidate("budget_brl", 300_000, (0, 3), "amount")
    high = Candidate("budget_brl", 380_000, (6, 13), "amount")
    assert decide([low, high]) == {"budget_brl": 380_000}
    fixed = Candidate("budget_brl", 320_000, (20, 27), "amount", modality=Modality.CORRECTED)
    assert decide([low, high, fixed]) == {"budget_brl": 320_000}


def test_candidates_carry_their_evidence() -> None:
    text = "3 quartos não, 2"
    cands = read_candidates(text, pending="bedrooms", now=NOW, tz=TZ)
    turned, kept = (c for c in cands if c.fact == "bedrooms")
    assert (turned.value, turned.modality, text[slice(*turned.span)]) == (
        3,
        Modality.NEGATED,
        "3 quartos",
    )
    assert (kept.value, kept.modality, text[slice(*kept.span)]) == (2, Modality.CORRECTED, "2")


# A value turned down, then the one wanted


@pytest.mark.parametrize(
    ("text", "pending", "want"),
    [
        ("Benfica não, prefiro Montese", "name", {"neighborhood": "Montese"}),
        ("Cocó não, queria Papicu", None, {"neighborhood": "Papicu"}),
        ("quero Varjota", "name", {"neighborhood": "Varjota"}),
        ("4 quartos não, 3", "bedrooms", {"bedrooms": 3}),
        ("1 quarto nao... 2", None, {"bedrooms": 2}),
        ("300 mil não, 350", "budget_brl", {"budget_brl": 350_000}),
        ("consigo 700 mil, não 800 mil", None, {"budget_brl": 700_000}),
        ("até 1 milhão, não 2 milhões", None, {"budget_brl": 1_000_000}),
    ],
)
def test_turned_down_then_wanted(text: str, pending: str | None, want: dict) -> None:
    assert extract(text, pending) == want


@pytest.mark.parametrize(
    ("text", "pending", "field"),
    [
        ("900 mil não dá", "budget_brl", "budget_brl"),
        ("1 milhão não dá pra mim", None, "budget_brl"),
        ("Papicu não dá, muito longe", "neighborhood", "neighborhood"),
        ("tenho 200 mil guardados e vou financiar o restante", "budget_brl", "budget_brl"),
    ],
)
def test_refused_or_partial_amounts_and_places_are_not_saved(
    text: str, pending: str | None, field: str
) -> None:
    assert field not in extract(text, pending)


def test_a_refused_day_part_after_an_amount_leaves_the_amount() -> None:
    found = extract("posso 650 mil, de tarde não dá, mas terça 11h pode", "budget_brl")
    assert found["budget_brl"] == 650_000


def test_a_limit_that_cannot_grow_is_kept() -> None:
    assert extract("até 600 mil, não posso mais", "budget_brl") == {"budget_brl": 600_000}


def test_refused_amount_then_a_bare_one() -> None:
    assert extract("900 mil não dá, 750", "budget_brl") == {"budget_brl": 750_000}


def test_turned_down_count_then_another_thing_is_no_count() -> None:
    assert "bedrooms" not in extract("4 quartos não, 3 banheiros", "bedrooms")


# Unresolved alternatives: nothing saved, the agent asks


@pytest.mark.parametrize(
    ("text", "pending"),
    [
        ("Papicu ou Varjota, qualquer um", "neighborhood"),
        ("Montese ou Benfica", None),
        ("no Parque Alvorada ou no Jardim Europa", "neighborhood"),
        ("3 ou 4 quartos, tanto faz", "bedrooms"),
        ("de 2 a 3 quartos", None),
    ],
)
def test_alternatives_save_nothing(text: str, pending: str | None) -> None:
    found = extract(text, pending)
    assert "neighborhood" not in found
    assert "bedrooms" not in found


def test_alternatives_resolved_by_a_later_correction() -> None:
    assert extract("Papicu ou Varjota... melhor Varjota", "neighborhood") == {
        "neighborhood": "Varjota"
    }


# Amounts: slang thousands; a negotiation question is no budget


@pytest.mark.parametrize(
    ("text", "pending", "want"),
    [
        ("uns 300 conto", "budget_brl", 300_000),
        ("tenho 550 contos", None, 550_000),
        ("até 900 conto no máximo", None, 900_000),
    ],
)
def test_conto_counts_thousands(text: str, pending: str | None, want: int) -> None:
    assert extract(text, pending).get("budget_brl") == want


@pytest.mark.parametrize(
    "text",
    [
        "vocês aceitariam oferta de 380 mil",
        "dá pra negociar por 500 mil",
        "fazem desconto pra 420 mil à vista",
    ],
)
def test_a_negotiation_amount_is_no_budget(text: str) -> None:
    assert "budget_brl" not in extract(text, "budget_brl")


def test_a_budget_next_to_a_negotiation_question_is_kept() -> None:
    assert extract("meu orçamento é 400 mil, dá pra negociar")["budget_brl"] == 400_000


# Names: "fala com o X" at the start, ending its clause


@pytest.mark.parametrize(
    ("text", "pending", "want"),
    [
        ("fala com a Lúcia", "name", "Lúcia"),
        ("oi! você fala com o Tião", None, "Tião"),
        ("Fala com a dona Zilda", "name", "Zilda"),
        ("Falando com o Betão, quero 2 quartos", "name", "Betão"),
    ],
)
def test_talking_to_gives_the_name(text: str, pending: str | None, want: str) -> None:
    assert extract(text, pending).get("name") == want


@pytest.mark.parametrize(
    "text",
    [
        "fala com a Paula da imobiliária",
        "fala com o corretor",
        "fala com o gerente",
        "fala aí",
        "quero falar com o Rui",
    ],
)
def test_talking_to_someone_else_gives_no_name(text: str) -> None:
    assert "name" not in extract(text, "name")


# Call times: the refused one is not booked, the corrected hour is


@pytest.mark.parametrize(
    ("text", "weekday", "hour"),
    [
        ("segunda não posso, estou de plantão. sexta às 11h pode", 4, 11),
        ("quinta não dá, quarta às 15h", 2, 15),
        ("me liga quinta às 10h, opa, 10 não, melhor 11h", 3, 11),
        ("sexta às 14h, aliás 16h", 4, 16),
        ("quinta às 16h, de manhã não consigo", 3, 16),
    ],
)
def test_accepted_call_time(text: str, weekday: int, hour: int) -> None:
    reading = read_when(accepted_part(text), now=NOW, tz=TZ)
    assert reading.at is not None
    assert (reading.at.weekday(), reading.at.hour) == (weekday, hour)


@pytest.mark.parametrize(
    "text", ["quarta às 10h, melhor horário pra mim", "sexta às 9h, não esqueça"]
)
def test_accepted_part_keeps_a_plain_time(text: str) -> None:
    assert accepted_part(text) == text


@pytest.mark.parametrize("text", ["quinta 9h não dá pra mim", "sábado às 11 não"])
def test_a_refused_time_alone_accepts_nothing(text: str) -> None:
    assert accepted_part(text) == ""


def test_a_question_proposing_a_time_books_it() -> None:
    run = Run(now=NOW)
    tools = bound_tools()
    from homer_agent.models.offline import OfflineChatModel

    model = OfflineChatModel()
    for message in ["sou o Ivo", "3 quartos no Pici", "500 mil", "quarta às 14h pode ser?"]:
        run.turn(message, model, tools)
    at = datetime.fromisoformat(str(run.facts["call_at"])).astimezone(TZ)
    assert (at.weekday(), at.hour) == (2, 14)


# Places compare by their canonical form


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bairro de Fátima", "Fátima"),
        ("bairro de fatima", "FÁTIMA"),
        ("José Walter", "Prefeito José Walter"),
        ("Bairro Montese", "montese"),
        ("Parque Alvorada", "parque alvorada"),
    ],
)
def test_same_place(a: str, b: str) -> None:
    assert same_place(a, b)


def test_different_places_differ() -> None:
    assert not same_place("Bairro de Fátima", "Montese")
    assert canonical_place("Bairro Ellery") == "bairro ellery"  # not listed: as typed


# A home the lead saw is someone else's listing


@pytest.mark.parametrize(
    "text",
    [
        "visitei um sobrado de 4 quartos na Varjota por 900 mil, achei caro",
        "olhei uma casa de 2 quartos lá no Pici, pequena demais",
    ],
)
def test_a_home_seen_gives_no_facts(text: str) -> None:
    assert extract(text) == {}


# A question mark belongs to its own clause (first-sight set facts_2026-12-06d)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "procuro 3 quartos na Messejana até 450 mil, vocês ligam sexta às 10h?",
            {"bedrooms": 3, "neighborhood": "Messejana", "budget_brl": 450_000},
        ),
        ("quero 4 quartos, vocês têm?", {"bedrooms": 4}),
        ("tenho 380 mil, dá pra algo no Pici?", {"budget_brl": 380_000}),
    ],
)
def test_a_question_in_a_later_clause_leaves_the_stated_ones(text: str, want: dict) -> None:
    found = extract(text)
    found.pop("call_at", None)
    assert found == want


@pytest.mark.parametrize(
    "text",
    [
        "a de 5 quartos tem quintal, no Cocó?",
        "queria saber se a de 3 quartos tem suíte, pode me dizer?",
        "quanto custa a casa de 2 quartos, até 300 mil?",
    ],
)
def test_a_clause_that_asks_states_nothing(text: str) -> None:
    found = extract(text)
    assert not {"bedrooms", "budget_brl", "neighborhood"} & set(found)


# "queria" and "gostaria" state a wish; a real conditional is a hypothetical


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("o condomínio de lá é 900 reais, queria gastar até 410 mil", 410_000),
        ("gostaria de algo até 380 mil", 380_000),
    ],
)
def test_a_polite_wish_states_the_budget(text: str, want: int) -> None:
    assert extract(text).get("budget_brl") == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("queria uns 600 mil, mas só consigo 450 mil", 450_000),
        ("eu gostaria de 1 milhão, porém tenho 700 mil", 700_000),
    ],
)
def test_after_a_contrast_the_later_amount_wins(text: str, want: int) -> None:
    assert extract(text).get("budget_brl") == want


@pytest.mark.parametrize("text", ["eu pagaria uns 700 mil", "poderia chegar a 900 mil"])
def test_a_conditional_amount_is_no_budget(text: str) -> None:
    assert "budget_brl" not in extract(text, "budget_brl")


# The label "nome" before a name is a cue, never part of it


@pytest.mark.parametrize(
    ("text", "pending", "want"),
    [
        ("Bom dia! Nome Jussara", "name", "Jussara"),
        ("Nome Jussara", None, "Jussara"),
        ("nome: Edvaldo Pinheiro", "name", "Edvaldo Pinheiro"),
        ("nome é Iracema, quero 3 quartos", None, "Iracema"),
        ("meu nome Teodoro", None, "Teodoro"),
        ("nome e sobrenome: Rosa Farias", "name", "Rosa Farias"),
    ],
)
def test_the_label_nome_is_not_part_of_the_name(text: str, pending: str | None, want: str) -> None:
    assert extract(text, pending).get("name") == want


@pytest.mark.parametrize(
    "text",
    ["o nome do meu sogro é Raimundo", "qual o seu nome?", "nome da rua é Pereira Filgueiras"],
)
def test_nome_naming_someone_or_something_else_gives_no_name(text: str) -> None:
    assert "name" not in extract(text, "name")


# A routine, the lead's or someone else's, is not the time accepted


@pytest.mark.parametrize(
    ("text", "weekday", "hour"),
    [
        ("minha esposa trabalha até 17h, mas eu atendo, pode ser quinta 10h", 3, 10),
        ("estudo de manhã até 11h; me liga sexta às 16h", 4, 16),
        ("ele sai do serviço às 18h mas quarta às 9h eu posso", 2, 9),
    ],
)
def test_a_routine_clause_leaves_the_accepted_time(text: str, weekday: int, hour: int) -> None:
    reading = read_when(accepted_part(text), now=NOW, tz=TZ)
    assert reading.at is not None
    assert (reading.at.weekday(), reading.at.hour) == (weekday, hour)


def test_a_routine_alone_is_kept_whole() -> None:
    text = "só saio da faculdade às 21h"
    assert accepted_part(text) == text


# A letter after "bairro" names a block or a lot, not a neighbourhood


@pytest.mark.parametrize(
    "text", ["gostei do bairro B do condomínio", "bairro C", "moro na quadra B, bairro A"]
)
def test_a_letter_is_no_neighbourhood(text: str) -> None:
    assert "neighborhood" not in extract(text)


def test_a_named_neighbourhood_after_bairro_is_still_read() -> None:
    assert extract("quero no bairro Ellery")["neighborhood"] == "Ellery"
