"""The kinds the first-sight set facts_2026-12-08l (leads who write badly) found, by new
sentences.

None of these sentences is in that set: a lead's complaint about where they live (its
violence, traffic, rent, noise) is no hostility towards us, while insults and curses at
us still are; chat shorthand ("qro", "agr", "pfv") is never a name and ends one; a lead
who refuses to give their name gives none, gets a note for the broker, and is not asked
for it again; a place where a relative is, wished to be near, is the wish; a place split
over two messages ("na cidade", then "dos funcionarios") is read across the break.
"""

from __future__ import annotations

import time

import pytest

from homer_agent.ptbr.facts import declines_name, split_facts
from homer_agent.ptbr.intents import handoff_reason
from homer_agent.ptbr.notes import NAME_WITHHELD, read_notes
from homer_agent.ptbr.replies import ASK
from tests.support.reading import NOW, TZ, chat_run, extract


# 1. A complaint about the lead's life is no hostility towards us
@pytest.mark.parametrize(
    "text",
    [
        "moro na barra do ceara e ta horrivel de violento, quero sair",
        "aqui no meu bairro tem assalto todo dia, é péssimo, pfv me ajuda a sair daqui",
        "o trânsito pra chegar no trabalho é um inferno horrível",
        "o barulho da vizinhança é insuportável, ninguém dorme",
        "o aluguel tá um absurdo, horrível, pago caro demais",
        "a rua onde eu vivo é uma merda, alaga tudo",
        "tá muito perigoso onde a gente mora, péssimo, horrível",
    ],
)
def test_a_complaint_about_where_the_lead_lives_is_no_hostility(text: str) -> None:
    assert handoff_reason(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "moro longe e vocês são uns incompetentes",
        "seus idiotas, moro no centro",
        "esse robô é um lixo, quero me mudar mas não com vocês",
        "que atendimento horrível, moro longe e ninguém responde",
        "vai se ferrar, meu bairro é melhor",
        "Horrível, péssimo, ridículo",
    ],
)
def test_insults_at_us_beside_a_life_complaint_are_still_hostile(text: str) -> None:
    assert handoff_reason(text) == "hostile"


@pytest.mark.parametrize(
    "text",
    ["moro no centro, seus idiotas", "o trânsito é horrível, vocês são péssimos"],
)
def test_a_life_complaint_running_into_us_is_still_hostile(text: str) -> None:
    assert handoff_reason(text) == "hostile"


# 2. Chat shorthand is never a name, and ends one
@pytest.mark.parametrize(
    ("text", "pending", "want"),
    [
        ("meu nome é joana qr saber das casas", None, {"name": "Joana"}),
        ("aqui é o marcelo, dps te falo o bairro", "name", {"name": "Marcelo"}),
        ("sou a rita blz", "name", {"name": "Rita"}),
        ("me chamo thiago tbm qro 3 quartos", None, {"name": "Thiago", "bedrooms": 3}),
    ],
)
def test_shorthand_ends_a_name(text: str, pending: str | None, want: dict[str, object]) -> None:
    assert extract(text, pending=pending) == want


@pytest.mark.parametrize("text", ["hj", "vlw", "msm", "pfv", "blz", "agr nao", "dps"])
def test_shorthand_alone_is_no_name(text: str) -> None:
    assert "name" not in extract(text, pending="name")


def test_a_name_like_a_shorthand_word_is_still_a_name() -> None:
    assert extract("meu nome é Tainá", pending="name") == {"name": "Tainá"}
    assert extract("qro", pending="name") == {}


# 3. A refusal to give the name saves none, is noted, and is not asked again
@pytest.mark.parametrize(
    "text",
    [
        "prefiro não falar meu nome por enquanto",
        "nao vou te passar meu nome hj",
        "meu nome eu não vou dizer, só quero ver as casas",
        "prefiro não me identificar",
        "nem vou dar meu nome ainda",
    ],
)
def test_a_refused_name_saves_nothing(text: str) -> None:
    assert declines_name(text)
    assert "name" not in extract(text, pending="name")
    assert read_notes(text)[-1].text == NAME_WITHHELD


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("não vou dizer o nome do meu marido, meu nome é Sônia", "Sônia"),
        ("meu nome é Clara, não precisa anotar o sobrenome", "Clara"),
        ("não precisa me chamar de senhora, meu nome é Ivone", "Ivone"),
        ("não quero dar meu nome completo, pode me chamar de Lu", "Lu"),
    ],
)
def test_a_name_given_beside_a_refusal_of_something_else(text: str, want: str) -> None:
    assert not declines_name(text)
    assert extract(text, pending="name")["name"] == want


def test_after_a_refusal_the_agent_moves_on_and_never_asks_the_name_again() -> None:
    run = chat_run(
        "oi",
        "prefiro não dizer meu nome",
        "quero 3 quartos",
        "no Benfica",
        "até 400 mil",
        "quinta às 10h",
        "tem piscina?",
        "obrigado",
    )
    asked = [reply for reply in run.replies[2:] if any(ask in reply for ask in ASK["name"])]
    assert asked == []
    assert run.replies[1].startswith("Sem problema")
    assert "name" not in run.facts and run.facts["bedrooms"] == 3
    assert run.notes == [NAME_WITHHELD]


def test_without_a_refusal_the_name_is_still_asked() -> None:
    run = chat_run("oi", "quero 3 quartos", "no Benfica")
    assert any(ask in run.replies[-1] for ask in ASK["name"])


# 4. Near a relative the lead wishes to live: the relative's place is the wish
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("queria ficar pertinho da minha filha no Benfica", "Benfica"),
        ("quero morar perto do meu pai que mora na Maraponga", "Maraponga"),
        ("gostaria de morar perto da minha irmã, que mora no Montese", "Montese"),
        ("procuro algo perto da minha sogra na messejana", "Messejana"),
    ],
)
def test_near_a_relative_the_lead_wishes_to_be(text: str, place: str) -> None:
    assert extract(text, pending="neighborhood").get("neighborhood") == place


@pytest.mark.parametrize(
    "text",
    [
        "minha mãe mora perto da minha tia na Maraponga",  # nobody wishes
        "moro perto da minha mãe no Benfica",  # where the lead lives now
        "não quero morar perto da minha sogra no Montese",  # negated
        "quero morar longe da minha sogra no Montese",  # far, not near
        "quero morar perto da minha mãe? ela mora no Benfica",  # asked
    ],
)
def test_a_relatives_place_without_a_wish_to_be_near_is_not_saved(text: str) -> None:
    assert "neighborhood" not in extract(text, pending="neighborhood")


# 5. A sentence split over two messages
def _split(previous: str, text: str, pending: str) -> dict[str, object]:
    return split_facts(previous, text, pending=pending, now=NOW, tz=TZ, ignore=("Homer",))


@pytest.mark.parametrize(
    ("previous", "text", "place"),
    [
        ("quero morar na lagoa", "redonda", "Lagoa Redonda"),
        ("prefiro o parque", "manibura", "Parque Manibura"),
        ("queria uma casa na barra", "do ceara", "Barra do Ceará"),
        ("eu queria ir pra cidade", "dos funcionários mesmo", "Cidade dos Funcionários"),
    ],
)
def test_a_place_split_over_two_messages(previous: str, text: str, place: str) -> None:
    assert _split(previous, text, "neighborhood") == {"neighborhood": place}


@pytest.mark.parametrize(
    ("previous", "text"),
    [
        ("moro na lagoa", "redonda"),  # where the lead lives, even split
        ("quero na lagoa.", "redonda"),  # the first message was closed
        ("quero no Cocó", "Papicu"),  # two whole places: nothing across the break
        ("minha mãe mora na cidade", "dos funcionarios"),  # someone else's
        ("quero morar na lagoa", "redonda não, prefiro Messejana"),  # turned down
    ],
)
def test_no_place_across_a_break_that_does_not_make_one(previous: str, text: str) -> None:
    assert _split(previous, text, "neighborhood") == {}


def test_a_split_place_is_saved_in_a_chat() -> None:
    run = chat_run("oi, sou o Wagner", "3 quartos", "queria morar na lagoa", "redonda")
    assert run.facts["neighborhood"] == "Lagoa Redonda"
    assert "corretor confirma" not in run.replies[-1]


def test_life_clauses_are_read_in_linear_time() -> None:
    # A long message without punctuation must not make the hand-off check quadratic.
    started = time.perf_counter()
    assert handoff_reason("a " * 10_000) is None
    assert handoff_reason("moro no bairro violento " * 800) is None
    assert time.perf_counter() - started < 5
