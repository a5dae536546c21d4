"""Leftover kinds of the facts reading (brief fx), by new sentences of our own.

Suites plus a bare count of rooms are summed ("2 suítes e 1"); "na real" corrects a known
value like "na verdade"; a hedge before the lead's own ceiling ("pelo que eu vi meu teto
é ...") does not hide it; a fact the lead declines is not asked again in the next turns;
a lead who tells of a hard time gets one fitting line before the next question, and
nothing is saved from it.
"""

from __future__ import annotations

import pytest

from homer_agent.ptbr.facts import declined_facts
from homer_agent.ptbr.intents import hard_times
from homer_agent.ptbr.replies import ASK, FACT_DECLINED, HARD_TIMES
from tests.support.reading import chat_run, extract


# 1. Suites, then a bare count after "e": the count stands for more rooms
@pytest.mark.parametrize(
    ("text", "pending", "want"),
    [
        ("3 suítes e 1", "bedrooms", 4),
        ("quero duas suítes e uma", None, 3),
        ("queria 2 suites e 1, no Cocó", None, 3),
        ("1 suíte e 2, até 300 mil", None, 3),
        ("duas suítes e mais 2 quartos pra visita", None, 4),
        ("uma suíte, e mais 1 quarto", "bedrooms", 2),
    ],
)
def test_suites_plus_a_bare_count_of_rooms_are_summed(
    text: str, pending: str | None, want: int
) -> None:
    assert extract(text, pending=pending).get("bedrooms") == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("2 suítes e 1 vaga de garagem", 2),  # a count of something else
        ("3 suítes e 2 banheiros", 3),
        ("2 suítes e 300", 2),  # no plausible total: not a sum
        ("tem 2 suítes e 1?", None),  # asked
        ("minha casa atual tem 2 suítes e 1", None),  # the home the lead has now
    ],
)
def test_suites_beside_another_count_are_not_summed(text: str, want: int | None) -> None:
    assert extract(text).get("bedrooms") == want


# 2. "na real" before a new value of a known fact replaces it
@pytest.mark.parametrize(
    ("text", "known", "fact", "want"),
    [
        ("na real, dá pra chegar a 520", ("budget_brl",), "budget_brl", 520_000),
        ("na real o máximo é 380", ("budget_brl",), "budget_brl", 380_000),
        ("na real são 4 quartos", ("bedrooms",), "bedrooms", 4),
        ("na real prefiro no Montese", ("neighborhood",), "neighborhood", "Montese"),
        ("aliás, vai até 610", ("budget_brl",), "budget_brl", 610_000),
    ],
)
def test_na_real_corrects_a_known_value(
    text: str, known: tuple[str, ...], fact: str, want: object
) -> None:
    assert extract(text, pending="call_at", known=known).get(fact) == want


@pytest.mark.parametrize(
    ("text", "known"),
    [
        ("na real, dá pra chegar a 520", ()),  # no budget known: a bare 520 is nothing
        ("na real tenho 3 filhos", ("bedrooms",)),
        ("na real, tenho 90 mil de entrada", ("budget_brl",)),
        ("na real eu queria saber se tem piscina", ("budget_brl",)),
    ],
)
def test_na_real_saves_nothing_that_is_no_value_of_a_fact(
    text: str, known: tuple[str, ...]
) -> None:
    assert extract(text, pending="call_at", known=known) == {}


# 3. A hedge before the lead's own ceiling does not hide it
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("pelo q eu vi nosso limite é 275 mil", 275_000),
        ("pelo que eu vi no simulador meu teto fica em 330 mil", 330_000),
        ("pelo que eu calculei meu orçamento vai até 410 mil", 410_000),
        ("pelo que vi aqui meu limite e 290 mil", 290_000),
    ],
)
def test_a_hedge_before_the_leads_own_ceiling(text: str, want: int) -> None:
    assert extract(text).get("budget_brl") == want


@pytest.mark.parametrize(
    "text",
    [
        "vi uma casa de 450 mil no Cocó",  # a price seen
        "pelo que eu vi meu limite é a entrada de 60 mil",  # no budget after the limit
        "meu teto de parcela é 2 mil",
        "pelo que eu vi o teto daquela casa era 500 mil",  # nobody's own limit
    ],
)
def test_a_price_seen_is_still_no_budget(text: str) -> None:
    assert "budget_brl" not in extract(text)


def test_a_programmes_ceiling_read_on_a_site_stays_unsaved() -> None:
    assert "budget_brl" not in extract("vi no site que o teto do programa é 264 mil", "budget_brl")


# 4. A declined fact is not asked again in the next turns
@pytest.mark.parametrize(
    ("text", "asked", "want"),
    [
        ("prefiro não falar quanto a gente pode gastar", None, {"budget_brl"}),
        ("o orçamento eu prefiro não dizer por aqui", None, {"budget_brl"}),
        ("não vou informar os valores agora", None, {"budget_brl"}),
        ("prefiro deixar o orçamento pra depois", None, {"budget_brl"}),
        ("pode ser em qualquer região", None, {"neighborhood"}),
        ("a localização pra mim tanto faz", None, {"neighborhood"}),
        ("não tenho preferência de bairro nenhuma", None, {"neighborhood"}),
        ("qualquer lugar tá bom pra mim", None, {"neighborhood"}),
        ("nao vou passar meu nome", None, {"name"}),
        ("ah, prefiro não responder", "budget_brl", {"budget_brl"}),
        ("sei la, tanto faz", "neighborhood", {"neighborhood"}),
        ("prefiro não dizer agora", "name", {"name"}),
        ("prefiro não receber telefonema, me manda tudo por aqui", None, {"call_at"}),
        ("não quero que me liguem", "call_at", {"call_at"}),
        ("não precisa me ligar não, tô só vendo", None, {"call_at"}),
    ],
)
def test_a_fact_declined(text: str, asked: str | None, want: set[str]) -> None:
    assert declined_facts(text, asked) == want


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("não quero gastar mais de 400 mil", "budget_brl"),  # a ceiling, not a refusal
        ("prefiro não dizer o valor da casa que vou vender", None),  # another price
        ("qualquer bairro serve pra financiar?", None),  # a question
        ("tanto faz Parangaba ou Montese", "neighborhood"),  # alternatives, asked again
        ("tanto faz", "call_at"),  # about the slots offered, not a decline
        ("prefiro não morar no Centro", "neighborhood"),
        ("prefiro não falar com corretor por telefone", None),
        ("qualquer horário serve", "call_at"),
        ("ainda não sei o bairro", "neighborhood"),  # undecided, not declined
        ("não posso receber ligação agora", "call_at"),  # a time, not the call
        ("prefiro não receber ligação antes das 9h", "call_at"),
        ("não quero ligação de noite", "call_at"),
    ],
)
def test_no_fact_declined(text: str, asked: str | None) -> None:
    assert declined_facts(text, asked) == frozenset()


def _asks(reply: str, fact: str) -> bool:
    return any(ask.lower() in reply.lower() for ask in ASK[fact])  # type: ignore[index]


def test_a_declined_budget_and_place_are_not_asked_in_the_next_turns() -> None:
    run = chat_run(
        "oi, aqui é a Vera",
        "2 quartos",
        "tanto faz o bairro",
        "prefiro não falar quanto posso gastar",
        "tem academia?",
        "sexta às 11h",
    )
    assert run.replies[2].startswith(FACT_DECLINED["neighborhood"])
    assert run.replies[3].startswith(FACT_DECLINED["budget_brl"])
    assert not any(_asks(reply, "neighborhood") for reply in run.replies[2:])
    assert not any(_asks(reply, "budget_brl") for reply in run.replies[3:])
    assert "neighborhood" not in run.facts and "budget_brl" not in run.facts
    assert run.facts["bedrooms"] == 2 and "call_at" in run.facts


def test_a_bare_refusal_declines_the_fact_asked() -> None:
    run = chat_run("oi, sou o Téo", "3 quartos", "no Benfica", "prefiro não dizer", "ok")
    assert run.replies[3].startswith(FACT_DECLINED["budget_brl"])
    assert _asks(run.replies[3], "call_at") and not _asks(run.replies[4], "budget_brl")
    assert "budget_brl" not in run.facts


def test_a_declined_call_is_not_asked_again() -> None:
    run = chat_run(
        "oi, sou o Caio",
        "2 quartos no Cocó até 400 mil",
        "prefiro não receber telefonema, pode mandar tudo por aqui",
        "ok",
    )
    assert run.replies[2].startswith(FACT_DECLINED["call_at"])
    assert not any(_asks(reply, "call_at") for reply in run.replies[2:])
    assert "call_at" not in run.facts


def test_without_a_decline_the_fact_is_still_asked() -> None:
    run = chat_run("oi, sou o Téo", "3 quartos", "ainda não sei")
    assert _asks(run.replies[2], "neighborhood") or "bairro" in run.replies[2]
    assert not run.replies[2].startswith(FACT_DECLINED["neighborhood"])


# 5. A hard time told gets one fitting line, and nothing is saved from it
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("meu marido faleceu ano passado", "loss"),
        ("perdi minha avó semana passada", "loss"),
        ("a gente ainda está de luto", "loss"),
        ("fiquei desempregada em outubro", "hardship"),
        ("me demitiram do banco", "hardship"),
        ("a vida tá bem puxada", "hardship"),
        ("estamos passando por dificuldades", "hardship"),
    ],
)
def test_a_hard_time_told(text: str, want: str) -> None:
    assert hard_times(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "meu irmão morreu de rir com o vídeo de vocês",
        "desempregado pode financiar?",
        "tá difícil decidir entre 2 e 3 quartos",
        "perdi o link do site",
        "minha avó mora no Montese",
        "passamos por uma fase ótima",
    ],
)
def test_no_hard_time(text: str) -> None:
    assert hard_times(text) is None


def test_a_hard_time_gets_a_line_then_the_next_question_and_saves_nothing() -> None:
    run = chat_run("oi, sou a Rita", "tô desempregada, a vida tá dura", "2 quartos")
    assert run.replies[1].startswith(HARD_TIMES["hardship"])
    assert _asks(run.replies[1], "bedrooms")
    assert run.facts == {"name": "Rita", "bedrooms": 2}


def test_a_loss_beside_a_fact_gets_the_line_before_what_was_noted() -> None:
    run = chat_run("oi, sou o Davi", "perdi meu pai em março, quero 3 quartos")
    assert run.replies[1].startswith(HARD_TIMES["loss"])
    assert "3 quartos" in run.replies[1] and run.facts["bedrooms"] == 3
