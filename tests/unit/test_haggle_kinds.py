"""Leads who hedge, negotiate and reschedule: the kinds the generated set's haggling
conversations found on the tuning seeds (20261206, 31337), each tested on new sentences
that must and must not change."""

from __future__ import annotations

from datetime import datetime

import pytest

from homer_agent.ptbr.facts import haggles
from homer_agent.ptbr.replies import BROKER_CONFIRMS
from tests.support.reading import NOW, TZ, booking_run, chat_run, extract

# 1. A stretch names the top the lead can reach, as "no máximo" does: the budget.


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("uns 380 mil, forçando 420", 420000),
        ("até 610 mil, esticando 640", 640000),
        ("orçamento de 290 mil, apertando uns 310", 310000),
        ("tenho 720 mil forçando 760 mil", 760000),
    ],
)
def test_a_stretch_is_the_top_of_the_budget(text: str, want: int) -> None:
    assert extract(text) == {"budget_brl": want}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a stretch of a size or of rooms is no amount
        ("tenho 380 mil, forçando uns 150 m²", {"budget_brl": 380000}),
        ("forçando 4 quartos", {"bedrooms": 4}),
    ],
)
def test_a_stretch_of_something_else_is_no_budget(text: str, want: dict[str, object]) -> None:
    assert extract(text) == want


# 2. Raising the budget to a bare number: "vou aumentar pra 480" is 480 mil.


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("vou aumentar pra 530", 530000),
        ("dá pra subir até 470", 470000),
        ("a gente resolveu aumentar o orçamento pra 820", 820000),
        ("conversamos e vamos esticar pra 390", 390000),
    ],
)
def test_a_budget_raised_to_a_bare_number(text: str, want: int) -> None:
    assert extract(text, known=("budget_brl",)) == {"budget_brl": want}


@pytest.mark.parametrize(
    "text",
    [
        "quero aumentar pra 150 m² a área",
        "vou subir pra 12 andar",
        "posso aumentar a entrada pra 90",
        "o condomínio vai subir pra 700?",
    ],
)
def test_raising_something_else_is_no_budget(text: str) -> None:
    assert "budget_brl" not in extract(text, known=("budget_brl",))


# 3. A condition after the real amount haggles for later; the amount stays the budget.


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("tenho 540 mil, se tiver desconto pago na hora", 540000),
        ("meu limite é 610 mil, caso aceitem proposta melhor ainda", 610000),
        ("até 330 mil, se rolar desconto à vista consigo um pouco mais", 330000),
    ],
)
def test_a_condition_after_the_amount_leaves_it_the_budget(text: str, want: int) -> None:
    assert extract(text) == {"budget_brl": want}


@pytest.mark.parametrize(
    "text",
    [
        "aceitam proposta de 450 mil",
        "se eu der 380 mil vocês fazem desconto",
        "dá desconto se eu pagar 500 mil à vista",
    ],
)
def test_an_amount_offered_to_haggle_is_still_no_budget(text: str) -> None:
    assert "budget_brl" not in extract(text)


# 4. "pelo menos" is "at least": neither an exception before a place nor part of a name.


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("quero pelo menos 3 quartos no Montese", {"bedrooms": 3, "neighborhood": "Montese"}),
        ("ao menos dois quartos lá na Varjota", {"bedrooms": 2, "neighborhood": "Varjota"}),
        ("tudo menos o Centro", {}),
        ("qualquer bairro menos na Parangaba", {}),
    ],
)
def test_at_least_is_no_exception(text: str, want: dict[str, object]) -> None:
    assert extract(text) == want


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("me chamo denise pelo menos 3 quartos", "Denise"),
        ("aqui é o otavio tanto faz o bairro", "Otavio"),
        ("pode me chamar de caio no minimo 2 quartos", "Caio"),
    ],
)
def test_a_name_ends_before_a_hedge(text: str, name: str) -> None:
    assert extract(text, pending="name").get("name") == name


# 5. A refusal with no punctuation ends where a new proposal starts.


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("quarta não dá mais pode ser quinta às 15h", datetime(2026, 12, 10, 15, 0, tzinfo=TZ)),
        ("sexta não vou poder melhor sábado 10h", datetime(2026, 12, 12, 10, 0, tzinfo=TZ)),
        ("terça não consigo que tal quarta às 9h", datetime(2026, 12, 9, 9, 0, tzinfo=TZ)),
    ],
)
def test_a_time_proposed_after_a_refusal_in_one_breath(text: str, want: datetime) -> None:
    run = booking_run("segunda às 16h", text)
    assert run.facts["call_at"] == want


def test_a_refusal_with_nothing_after_it_proposes_nothing() -> None:
    run = booking_run("terça 16h não dá pra mim")
    assert "call_at" not in run.facts


# 6. A routine beside a time: "mudou meu plantão melhor sexta às 14h" asks for the call.


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("trocaram meu turno melhor quinta 11h", datetime(2026, 12, 10, 11, 0, tzinfo=TZ)),
        (
            "mudou minha escala de plantão pode ser sexta 15h",
            datetime(2026, 12, 11, 15, 0, tzinfo=TZ),
        ),
    ],
)
def test_a_routine_changed_then_a_time_books_it(text: str, want: datetime) -> None:
    run = booking_run("quarta 16h", text)
    assert run.facts["call_at"] == want


def test_a_routine_alone_still_books_nothing() -> None:
    run = booking_run("saio do plantão às 19h")
    assert "call_at" not in run.facts


# 7. "hoje tenho <amount>": what the lead has today, no day for the call.


def test_what_the_lead_has_today_is_no_call_day() -> None:
    got = extract("se vender a casa chego a 900 mil, mas hoje tenho uns 700 mil, quinta 10h tá bom")
    assert got == {"budget_brl": 700000, "call_at": "2026-12-10T10:00:00-03:00"}


def test_today_with_an_hour_is_still_today() -> None:
    run = chat_run(
        "oi, sou a Marta", "quero 3 quartos no Cocó até 500 mil", "hoje tenho tempo às 15h"
    )
    assert run.facts["call_at"] == datetime(2026, 12, 7, 15, 0, tzinfo=TZ)
    assert NOW.date() == run.facts["call_at"].date()


# 8. A range or a ceiling with no commas in a run-on: its top, and the call after it.


def test_a_ceiling_before_the_call_in_a_run_on() -> None:
    got = extract("uns 280 no maximo 320 me liga quarta 11h")
    assert got == {"budget_brl": 320000, "call_at": "2026-12-09T11:00:00-03:00"}


# 9. Haggling put without a "?" tells, it asks the documents nothing: no broker line.


@pytest.mark.parametrize(
    "text",
    [
        "meu teto é 480 mil, se pagar à vista consigo um pouco mais",
        "até 350, no máximo 390 mil",
        "a Caixa aprovou 410 mil, pode colocar esse valor",
        "tenho 600 mil, se vender meu carro fica melhor ainda",
    ],
)
def test_haggling_gets_no_broker_line(text: str) -> None:
    run = chat_run("oi, sou a Marta", "quero 3 quartos no Cocó", text)
    assert BROKER_CONFIRMS not in run.replies[-1]
    assert "budget_brl" in run.facts


@pytest.mark.parametrize(
    "text",
    [
        "tem piscina?",
        "o valor do condomínio é quanto",
        "pode colocar armário planejado na casa?",
    ],
)
def test_a_question_still_asks_the_documents(text: str) -> None:
    run = chat_run("oi, sou a Marta", "quero 3 quartos no Cocó até 500 mil", text)
    assert BROKER_CONFIRMS in run.replies[-1]


@pytest.mark.parametrize(
    ("clause", "want"),
    [
        ("se for à vista consigo mais um pouco", True),
        ("o banco aprovou, pode considerar esse valor", True),
        ("até 800,", True),
        ("se vender meu carro fica melhor ainda", True),
        ("pode considerar esse valor?", False),
        ("pode colocar armário planejado na casa?", False),
        ("até 800 mil de entrada dá?", False),
        ("quero 3 quartos no Cocó", False),
    ],
)
def test_haggles_reads_one_clause(clause: str, want: bool) -> None:
    # The reading `models/offline.py` asks for in its two places, now in `ptbr/facts.py`.
    assert haggles(clause) is want


def test_moving_the_call_is_about_the_call() -> None:
    run = booking_run("quarta às 10h", "surgiu um imprevisto, dá pra remarcar pra quinta às 15h?")
    assert run.facts["call_at"] == datetime(2026, 12, 10, 15, 0, tzinfo=TZ)
    assert BROKER_CONFIRMS not in run.replies[-1]


# 10. The booked time turned down with no other: a new one is asked for, the call stands.


@pytest.mark.parametrize(
    "text",
    [
        "segunda não vai dar mais",
        "esse horário não consigo mais, vou estar no médico",
        "a ligação de segunda não dá mais pra mim",
    ],
)
def test_a_booked_time_turned_down_asks_for_another(text: str) -> None:
    run = booking_run("segunda às 16h", text)
    assert run.replies[-1].startswith("Sem problema, vamos remarcar.")
    assert "segunda-feira, 14/12 às 16h" in run.replies[-1]
    assert run.facts["call_at"] == datetime(2026, 12, 14, 16, 0, tzinfo=TZ)


@pytest.mark.parametrize(
    "text",
    [
        "não dá pra pagar mais que isso",  # no time turned down
        "segunda não dá mais, pode ser terça às 11h",  # another time in its place
        "obrigada, até segunda",
    ],
)
def test_other_messages_do_not_ask_to_move_the_call(text: str) -> None:
    run = booking_run("segunda às 16h", text)
    assert "vamos remarcar" not in run.replies[-1]
