"""The kinds the first-sight set facts_2026-12-07f found, each by new sentences.

None of these sentences is in that set: a total reached *using* FGTS, savings or
financing is the budget (an amount that is the FGTS balance is not); a town named after
a place in it only locates the place; an hour asked with a routine clause beside it is
still asked; a lead who leaves the choice of slot to us gets one slot proposed, booked
only on a yes. Pure extraction and the offline policy in memory
(`tests/support/offline_harness.py`).
"""

from __future__ import annotations

import pytest

from homer_agent.models.offline import OfflineChatModel
from homer_agent.ptbr import replies as say
from homer_agent.ptbr.facts import states_own_schedule
from homer_agent.ptbr.intents import accepts_proposal, delegates_choice
from homer_agent.ptbr.places import city_of
from tests.support.offline_harness import Run, bound_tools
from tests.support.reading import NOW, extract


# 1. A total reached using a source of money is the budget; the source's amount is not
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("dá pra chegar em 450 mil usando o fundo de garantia e o FGTS", 450_000),
        ("conseguimos uns 520 mil com o financiamento", 520_000),
        ("juntando o FGTS a gente vai até 610 mil", 610_000),
        ("com o FGTS chego a 330 mil", 330_000),
        ("eu e meu esposo vamos até R$ 275.000 contando com a poupança", 275_000),
    ],
)
def test_a_total_reached_with_fgts_or_savings_is_the_budget(text: str, want: int) -> None:
    assert extract(text, "budget_brl").get("budget_brl") == want


@pytest.mark.parametrize(
    "text",
    [
        "tenho 60 mil de FGTS",
        "tenho uns 45 mil no FGTS",
        "pago 1.800 de parcela",
        "vou usar 70 mil do FGTS",
        "tenho 90 mil de entrada com o FGTS",
    ],
)
def test_the_amount_of_a_source_of_money_is_no_budget(text: str) -> None:
    assert "budget_brl" not in extract(text, "budget_brl")


def test_a_correction_with_pera_raises_the_budget() -> None:
    found = extract(
        "pera, conversei com a minha esposa e dá pra ir a 410 mil usando o FGTS",
        "call_at",
        ("budget_brl",),
    )
    assert found.get("budget_brl") == 410_000


# 2. A town after a place in it locates the place; other pairs stay alternatives
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("a ideia é morar no Cumbuco, lá em Caucaia", "Cumbuco"),
        ("procuro no Porto das Dunas, em Aquiraz", "Porto das Dunas"),
        ("pode ser na Aldeota, aqui em Fortaleza mesmo", "Aldeota"),
        ("quero na Prainha de Aquiraz", "Prainha"),
        ("quero no Icaraí, que fica em Caucaia", "Icaraí"),
    ],
)
def test_a_town_after_a_place_in_it_only_locates_it(text: str, want: str) -> None:
    assert extract(text, "neighborhood").get("neighborhood") == want


@pytest.mark.parametrize(
    "text",
    [
        "quero no Cocó, no Eusébio",  # two towns apart: alternatives, asked again
        "no Cumbuco ou em Caucaia",
        "Icaraí em Aquiraz",  # not the town it is in
    ],
)
def test_a_town_that_does_not_contain_the_place_is_no_locator(text: str) -> None:
    assert "neighborhood" not in extract(text, "neighborhood")


def test_city_of() -> None:
    assert city_of("Icaraí") == "Caucaia"
    assert city_of("Aldeota") == "Fortaleza"
    assert city_of("Eusébio") == "Eusébio"
    assert city_of("Narnia") is None


# 3. An hour asked with a routine clause beside it is still asked; a routine alone is not
@pytest.mark.parametrize(
    "text",
    [
        "tá, então quarta às 17h, nesse dia largo mais cedo do serviço",
        "pode ser terça 16h30; terça eu folgo",
        "ok, sexta às 10h, que de manhã não tenho aula",
    ],
)
def test_an_hour_with_a_routine_beside_it_is_a_call(text: str) -> None:
    assert not states_own_schedule(text)


@pytest.mark.parametrize(
    "text",
    [
        "só saio do trabalho às 18h",
        "na quinta, saio da faculdade às 21h",
        "de manhã levo as crianças na escola",
    ],
)
def test_a_routine_alone_asks_for_no_call(text: str) -> None:
    assert states_own_schedule(text)


# 4. The lead leaves the choice to us: one slot proposed, booked only on a yes
@pytest.mark.parametrize(
    ("text", "delegates"),
    [
        ("pode escolher, pra mim tanto faz", True),
        ("qualquer um desses serve", True),
        ("vocês decidem, o que for melhor", True),
        ("qualquer dúvida eu te chamo", False),
        ("prefiro 10h30", False),
        ("não sei ainda", False),
    ],
)
def test_delegates_choice(text: str, delegates: bool) -> None:
    assert delegates_choice(text) is delegates


@pytest.mark.parametrize(
    ("text", "yes"),
    [
        ("pode marcar", True),
        ("sim, pode", True),
        ("fechado, obrigada", True),
        ("não", False),
        ("sim mas às 10h", False),
        ("pode ser às 11h", False),
    ],
)
def test_accepts_proposal(text: str, yes: bool) -> None:
    assert accepts_proposal(text) is yes


def _booking_run(*texts: str) -> Run:
    run = Run(now=NOW)
    model, tools = OfflineChatModel(), bound_tools()
    for text in (
        "oi, sou a Marta",
        "quero 3 quartos no Cocó até 500 mil",
        "pode ser quarta de tarde",
        *texts,
    ):
        run.turn(text, model, tools)
    return run


def test_a_delegated_choice_proposes_one_slot_and_books_nothing() -> None:
    run = _booking_run("tanto faz, vocês escolhem")
    assert "call_at" not in run.facts
    assert run.replies[-1].startswith("Posso marcar quarta-feira, 09/12 às ")
    assert run.replies[-1] == say.propose_call(run.replies[-1][len("Posso marcar ") : -1])


def test_a_yes_books_the_proposed_slot() -> None:
    run = _booking_run("qualquer horário serve", "pode marcar")
    proposed = run.replies[-2][len("Posso marcar quarta-feira, 09/12 às ") : -1]
    at = run.facts["call_at"]
    assert (at.weekday(), f"{at.hour}h" + (f"{at.minute:02d}" if at.minute else "")) == (
        2,
        proposed,
    )


def test_another_slot_after_a_proposal_wins() -> None:
    run = _booking_run("tanto faz", "não, prefiro o último")
    proposal = run.replies[-2]
    at = run.facts["call_at"]
    assert at.weekday() == 2
    assert f"às {at.hour}h" not in proposal


def test_a_delegation_turns_after_the_offer_proposes_nothing() -> None:
    run = _booking_run("vocês têm piscina?", "tanto faz")
    assert "call_at" not in run.facts
    assert not run.replies[-1].startswith("Posso marcar")
