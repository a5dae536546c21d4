"""Held-out question kinds of 2026-12-08h/i (branch hk1): a lead's own bad past experience,
told as a story, is no hostility towards us; complaints about us still are."""

from __future__ import annotations

import pytest

from homer_agent.ptbr.intents import handoff_reason
from homer_agent.ptbr.questions import asking_clauses, normalise, read_question


@pytest.mark.parametrize(
    "text",
    [
        "tive uma experiencia horrivel com uma construtora que faliu, perdi tudo, foi "
        "pessimo. o condominio de voces tem seguro de obra?",
        "ja fui enganada por uma imobiliaria, um horror, uma vergonha. voces registram o "
        "contrato em cartorio?",
        "paguei caro num terreno que nunca saiu, fiquei arrasado e revoltado. a escritura "
        "sai quando?",
        "comprei um apartamento em 2015 e atrasou tres anos, fiquei traumatizada, horrivel. "
        "a entrega de voces tem multa por atraso?",
    ],
)
def test_a_past_story_is_no_hostility(text: str) -> None:
    assert handoff_reason(text) is None


# A rule asked about: "proíbe" is the rule's word, no judgement of us.
@pytest.mark.parametrize(
    "text",
    [
        "minha ideia e alugar nas ferias, isso pode ou o condominio proibe?",
        "e proibido ter cachorro grande la? ou e liberado?",
        "o condominio proibe festa? qual o horario de silencio?",
        "quero pintar a fachada de outra cor, e permitido ou proibem?",
    ],
)
def test_a_rule_asked_is_no_hostility(text: str) -> None:
    assert handoff_reason(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # how we served the lead, even in the past tense
        "fui pessimamente atendido, que vergonha, horrivel, pessimo",
        # the story names us
        "fiquei revoltado com voces, pessimo, horrivel, ridiculo",
        "comprei com vcs e me arrependi, pessimo, horrivel, uma vergonha",
        # nothing but insults
        "horrivel, pessimo, ridiculo",
        "horrivel, pessimo, ridiculo. proibido ate respirar ai?",
        "voces proibem tudo, que porcaria, pessimo, ridiculo?",
    ],
)
def test_complaints_about_us_stay_hostile(text: str) -> None:
    assert handoff_reason(text) == "hostile"


# "Entrada" as the way in, told apart from the down payment by its sentence.
@pytest.mark.parametrize(
    "text",
    [
        "como funciona a entrada ai, qualquer um passa?",
        "a entrada e controlada ou entra quem quiser?",
        "a entrada tem porteiro 24h?",
        "como e feita a entrada de visitantes?",
    ],
)
def test_the_entrance_guarded_is_access_control(text: str) -> None:
    assert "controle de acesso" in normalise(text)


@pytest.mark.parametrize(
    "text",
    [
        # the down payment: money named in the message
        "quanto preciso dar de entrada?",
        "tenho 40 mil de entrada, qualquer banco aceita?",
        "a entrada pode ser parcelada?",
        "posso usar o fgts na entrada? a portaria e 24h?",
        # nothing about who gets in
        "como funciona a entrada?",
        # the place at the gate, not how it is guarded
        "quero marcar, o stand fica na entrada do condominio? tem portaria?",
    ],
)
def test_the_down_payment_keeps_its_reading(text: str) -> None:
    assert "controle de acesso" not in normalise(text)


# Papers set aside with what is set aside between the verb and "separado".
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("preciso deixar algum papel separado pra ligacao?", ("separar", "papel")),
        ("tenho que deixar os documentos separados?", ("separar", "documentos")),
        ("vou deixar minhas coisas organizadas, quais documentos?", ("separar", "documentos")),
    ],
)
def test_papers_left_aside_are_set_aside(text: str, words: tuple[str, ...]) -> None:
    topic = read_question(text).topic
    assert "deixar" not in topic
    assert all(word in topic for word in words)


@pytest.mark.parametrize(
    "text",
    [
        "posso deixar o carro na rua?",
        "da pra deixar o cachorro solto no quintal?",
        "posso deixar a casa fechada um tempo?",
    ],
)
def test_leaving_a_thing_is_no_setting_aside(text: str) -> None:
    assert "separar" not in normalise(text)


# A bare permission question after the lead tells of renting the home out asks whether
# renting out is allowed.
@pytest.mark.parametrize(
    "text",
    [
        "quero comprar pra investir e botar no airbnb no verao. o condominio deixa isso?",
        "a ideia e alugar pra turista nas ferias, pode? tem alguma regra pra isso?",
        "penso em deixar pra alugar por temporada quando nao estiver usando. e liberado?",
    ],
)
def test_a_bare_permission_after_renting_out_asks_renting(text: str) -> None:
    clauses = asking_clauses(text)
    assert clauses
    assert all("alugar" in clause for clause in clauses if "?" in clause)


@pytest.mark.parametrize(
    "text",
    [
        # the lead's own rent is no renting out
        "moro de aluguel e tenho um cachorro grande, o condominio deixa?",
        # a question that names its own thing
        "quero alugar a casa nas ferias, tem piscina?",
        # no renting told
        "quero fazer uma festa de aniversario no salao, pode?",
    ],
)
def test_a_permission_without_renting_out_stays(text: str) -> None:
    assert "alugar?" not in normalise(text)
