"""Kinds the held-out first-sight sets 07u and 07w and the untouched generated seed
20261214 found at their first run (2026-12-07, fourth session), each tried on new
sentences of the same kind, with sentences that must not change."""

from __future__ import annotations

import pytest

from homer_agent.ptbr.replies import BROKER_CONFIRMS
from tests.support.reading import chat_run, extract


@pytest.mark.parametrize(
    "greeting",
    ["BOA NOITE SENHORAS", "oi gnt", "bom dia prezados", "olá amigos, tudo bem?", "oi meninas"],
)
def test_a_plural_vocative_is_no_name(greeting: str) -> None:
    assert "name" not in chat_run(greeting).facts


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("posso pagar 280 mil. meu apê atual tá à venda por 390 mil", 280_000),
        ("minha casa foi avaliada em 700 mil, mas quero gastar até 450 mil", 450_000),
        ("anunciei o terreno por 120 mil e tenho até 380 mil pra casa", 380_000),
        ("a casa da praia vale uns 900 mil; pra morar, até 600 mil", 600_000),
    ],
)
def test_what_the_lead_sells_is_not_the_budget(text: str, budget: int) -> None:
    assert extract(text).get("budget_brl") == budget


@pytest.mark.parametrize(
    "text",
    ["meu sítio tá à venda por 250 mil", "vendi meu carro por 60 mil", "o ap vale 400 mil"],
)
def test_a_sale_price_alone_saves_no_budget(text: str) -> None:
    assert "budget_brl" not in extract(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("assim Rosa aqui", "Rosa"),
        ("então Luiz Carlos aqui", "Luiz Carlos"),
        ("tipo a Bruna aqui", "Bruna"),
        ("oi, Maria das Graças aqui", "Maria das Graças"),
        ("bom dia, Ana dos Santos aqui", "Ana dos Santos"),
    ],
)
def test_a_name_before_aqui_without_its_filler(text: str, name: str) -> None:
    assert extract(text, pending="name").get("name") == name
    assert chat_run("boa tarde", text).facts.get("name") == name


@pytest.mark.parametrize(
    ("messages", "name"),
    [
        (("sou o Caio, mas quem vai atender é minha mãe, o nome dela é Zuleide",), "Zuleide"),
        (("oi, aqui é a Bruna", "liga pra ele, meu esposo, o nome dele é Tarcísio"), "Tarcísio"),
        (
            ("meu nome é Davi", "o corretor pode ligar pra ela? ela se chama Joana Mara"),
            "Joana Mara",
        ),
    ],
)
def test_the_name_of_the_person_to_call(messages: tuple[str, ...], name: str) -> None:
    assert chat_run(*messages).facts.get("name") == name


@pytest.mark.parametrize(
    "messages",
    [
        ("sou a Lúcia", "minha irmã vai junto na visita, o nome dela é Paula"),
        ("sou o Hugo", "meu sócio se chama Renan, ele também quer ver"),
    ],
)
def test_a_relative_named_without_the_call_is_not_the_lead(messages: tuple[str, ...]) -> None:
    assert chat_run(*messages).facts.get("name") in ("Lúcia", "Hugo")


@pytest.mark.parametrize(
    "text", ["pode ligar pra ela, quinta às 15h", "liga nesse número mesmo", "ligue pra mim"]
)
def test_where_the_call_goes_gets_no_broker_line(text: str) -> None:
    assert BROKER_CONFIRMS not in chat_run("oi", text).replies[-1]


@pytest.mark.parametrize(
    "text",
    [
        "é a Débora da imobiliária que me mandou aqui",
        "é o Sérgio do banco, ele me indicou vocês",
        "é a Lena da construtora me passou o link",
    ],
)
def test_someone_the_lead_tells_of_is_not_the_lead(text: str) -> None:
    # seed 20261215: "é a Simone da imobiliária me passou seu contato" replaced "Ítalo"
    assert chat_run("oi, meu nome é Ítalo", text).facts.get("name") == "Ítalo"


@pytest.mark.parametrize(
    ("text", "name"),
    [("é o Wesley, me passaram seu contato", "Wesley"), ("é a Rosa da Silva", "Rosa da Silva")],
)
def test_the_lead_opening_with_their_name_still_gives_it(text: str, name: str) -> None:
    assert extract(text).get("name") == name
