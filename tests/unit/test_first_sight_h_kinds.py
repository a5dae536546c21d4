"""The kinds the first-sight set facts_2026-12-07h found, each by new sentences.

None of these sentences is in that set: "na vdd" is a correction cue and a bare count
may be followed by a reason clause; the echoed "meu nome?" then a name gives it, and what
is left of a message once a call time is taken out is no name; a relative's preference
the lead takes up ("pode trocar", "vamos de") is the lead's; an hour alone joins the day
the latest schedule_call result was agreeing, whatever came in between.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.support.reading import NOW, TZ, booking_run, extract


# 1. "na vdd" corrects; a bare count may carry a reason after a comma
@pytest.mark.parametrize(
    ("text", "pending", "known", "want"),
    [
        ("ah na vdd 2, meu filho vai pra faculdade", None, ("bedrooms",), {"bedrooms": 2}),
        ("na vdd 3", None, ("bedrooms",), {"bedrooms": 3}),
        ("4, a família vai crescer", "bedrooms", (), {"bedrooms": 4}),
    ],
)
def test_shorthand_correction_and_a_count_with_its_reason(
    text: str, pending: str | None, known: tuple[str, ...], want: dict[str, object]
) -> None:
    assert extract(text, pending, known) == want


@pytest.mark.parametrize(
    "text",
    ["sábado, 10", "2, minha filha tem 3 anos", "ah 4 é muito"],
)
def test_a_count_with_other_words_in_its_clause_is_no_bare_count(text: str) -> None:
    assert "bedrooms" not in extract(text, "bedrooms")


# 2. Names: the echoed question answered, never the rest of a time
@pytest.mark.parametrize(
    ("text", "want"),
    [("meu nome? Débora", "Débora"), ("meu nome? é Rogério", None), ("meu nome?", None)],
)
def test_the_echoed_name_question_then_the_name(text: str, want: str | None) -> None:
    assert extract(text, "name").get("name") == want


@pytest.mark.parametrize(
    "text",
    ["9h da manhã, depois do café", "amanhã 14h, antes da aula", "quinta 10h, pós almoço"],
)
def test_what_is_left_after_a_call_time_is_no_name(text: str) -> None:
    assert "name" not in extract(text, "name")


# 3. A relative's preference the lead takes up is the lead's
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("conversei com meu marido, ele prefere Messejana, pode trocar", "Messejana"),
        ("minha mãe quer o Cambeba, vamos de Cambeba", "Cambeba"),
        ("minha esposa gostou do Papicu, pode mudar", "Papicu"),
    ],
)
def test_an_adopted_preference_is_the_leads(text: str, want: str) -> None:
    assert extract(text, None, ("neighborhood",)).get("neighborhood") == want


@pytest.mark.parametrize(
    "text",
    [
        "minha esposa prefere Messejana",
        "minha sogra prefere Messejana, mas eu não, pode trocar",
        "minha mãe mora no Cocó, pode trocar?",
    ],
)
def test_a_preference_not_taken_up_stays_theirs(text: str) -> None:
    assert extract(text, None, ("neighborhood",)).get("neighborhood") is None


# 4. An hour alone joins the day being agreed, across a question
def test_an_hour_after_a_question_joins_the_day_asked_for() -> None:
    run = booking_run("pode ser quinta", "tem piscina?", "15h")
    assert run.facts["call_at"] == datetime(2026, 12, 10, 15, 0, tzinfo=TZ)


def test_an_hour_after_a_refused_hour_stays_on_its_day() -> None:
    run = booking_run("quarta", "às 21h", "ah entendi, então 11h")
    assert run.facts["call_at"] == datetime(2026, 12, 9, 11, 0, tzinfo=TZ)


def test_a_booked_call_is_not_moved_by_a_later_hour_alone() -> None:
    run = booking_run("sexta às 10h", "tem piscina?", "show")
    assert run.facts["call_at"] == datetime(2026, 12, 11, 10, 0, tzinfo=TZ)


# 5. Savings are not the budget, unless a total is stated
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("tenho 60 mil guardado", None),
        ("tenho uns 90 mil na poupança", None),
        ("juntei 40 mil, tá guardado", None),
        ("tenho 70 mil guardados e financio o resto até 350 mil", 350_000),
        ("até 420 mil, tenho 100 mil guardado", 420_000),
        ("tenho 200 mil e financio o resto", None),
    ],
)
def test_savings_are_no_budget(text: str, want: int | None) -> None:
    assert extract(text).get("budget_brl") == want


# 6. A profession after "sou" is no name
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("oi. sou autonoma e quero sair do aluguel", None),
        ("sou motorista de aplicativo", None),
        ("sou a Vera, autônoma", "Vera"),
    ],
)
def test_a_profession_is_no_name(text: str, want: str | None) -> None:
    assert extract(text, "name").get("name") == want


# 7. Undecided between two counts: nothing saved
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("tô entre a casa de 3 e a de 4 quartos", None),
        ("to entre o de 2 ou o de 3 quartos", None),
        ("tô entre dois bairros, mas quero 3 quartos", 3),
    ],
)
def test_undecided_between_two_counts(text: str, want: int | None) -> None:
    assert extract(text).get("bedrooms") == want


# 8. The day being agreed outlives the history window (carried in the prompt data)
def test_an_hour_joins_the_day_asked_for_many_messages_back() -> None:
    run = booking_run(
        "sexta de manhã é melhor",
        "tem academia?",
        "e salão de festas?",
        "hoje moro com meus pais no Benfica",
        "11h pode ser",
    )
    assert run.facts["call_at"] == datetime(2026, 12, 11, 11, 0, tzinfo=TZ)


def test_an_hour_alone_refused_then_another_is_still_only_proposed() -> None:
    run = booking_run("me liga às 20h", "tem piscina?", "então 14h")
    assert "call_at" not in run.facts


def test_the_prompt_data_carries_the_latest_call_outcome() -> None:
    from homer_agent.facts import LeadFacts
    from homer_agent.profile import load_profile
    from homer_agent.prompts import PROMPT_DATA_KEY, PromptView, system_message

    outcome = '{"status": "need_hour", "day": "2026-12-11", "alternatives": []}'
    message = system_message(load_profile(None), LeadFacts(), now=NOW, call_outcome=outcome)
    plain = system_message(load_profile(None), LeadFacts(), now=NOW)
    assert PromptView.from_data(message.additional_kwargs[PROMPT_DATA_KEY]).call_outcome == outcome
    assert message.content == plain.content  # the LLM's prompt text does not change


# 9. A question while slots are offered keeps the offer
def test_a_question_while_slots_are_offered_keeps_them_on_the_table() -> None:
    run = booking_run("quinta à tarde é melhor", "tem piscina?")
    assert "Se preferir, ainda tenho livres: quinta-feira, 10/12" in run.replies[-1]


def test_no_offer_no_slots_listed() -> None:
    run = booking_run("tem piscina?")
    assert "ainda tenho livres" not in run.replies[-1]


def test_a_booked_call_lists_no_slots() -> None:
    run = booking_run("quinta às 15h", "tem piscina?")
    assert "ainda tenho livres" not in run.replies[-1]


# 10. Names with a verb's or an adjective's ending; "9 e meia" without "às"
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("luiz armando", "Luiz Armando"),
        ("maria aparecida", "Maria Aparecida"),
        ("carlos oliveira", "Carlos Oliveira"),
        ("tô pesquisando ainda", None),
        ("to procurando", None),
    ],
)
def test_names_ending_like_words(text: str, want: str | None) -> None:
    assert extract(text, "name").get("name") == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("SEXTA 10 E MEIA", datetime(2026, 12, 11, 10, 30, tzinfo=TZ)),
        ("quinta onze e meia", datetime(2026, 12, 10, 11, 30, tzinfo=TZ)),
        ("quarta 2 e meia da tarde", datetime(2026, 12, 9, 14, 30, tzinfo=TZ)),
    ],
)
def test_half_past_without_as(text: str, want: datetime) -> None:
    assert extract(text, "call_at").get("call_at") == want.isoformat()


def test_a_count_and_a_half_is_no_time() -> None:
    assert "call_at" not in extract("daqui 2 e meia horas", "call_at")


def test_an_hour_after_a_refused_hour_on_a_day_said_before_the_window() -> None:
    run = booking_run(
        "pode ser na quarta",
        "tem academia?",
        "aceita pet?",
        "às 20h, depois do serviço",
        "ah tá, então 13h no almoço",
    )
    assert run.facts["call_at"] == datetime(2026, 12, 9, 13, 0, tzinfo=TZ)
