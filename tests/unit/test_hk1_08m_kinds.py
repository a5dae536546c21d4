"""Held-out question kinds of 2026-12-08m (branch hk1): the question's clause inside a long
story, the leads' words for what a builder delivered, the other answer of "X ou se Y", and
real words never put right into another."""

from __future__ import annotations

import pytest

from homer_agent.kb.search import _corrected
from homer_agent.ptbr.questions import alternatives, asking_clauses, described, normalise


# "saber se essa X ...": the demonstrative after "se" is its clause's subject, no new clause.
@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "Moro de aluguel faz dez anos e cansei. Gostaria de saber se essa incorporadora "
            "ja concluiu outros condominios aqui no estado, porque tenho medo.",
            "essa incorporadora",
        ),
        (
            "minha irma comprou na planta e se arrependeu. queria saber se esse sobrado vem "
            "com placa solar instalada ou so a espera, porque gasto muito de luz.",
            "esse sobrado",
        ),
        (
            "Trabalho a semana inteira longe de casa e so volto sexta. Preciso saber se essa "
            "portaria funciona a noite toda mesmo nos fins de semana, obrigado.",
            "essa portaria",
        ),
    ],
)
def test_a_subject_after_se_stays_in_its_question(text: str, subject: str) -> None:
    found = asking_clauses(text)
    assert any(subject in clause for clause in found), found
    assert not any(clause.strip(" .?") in ("se", "") for clause in found), found


# A sentence that tells, with a demonstrative after a verb, is still cut as before.
def test_a_demonstrative_after_a_verb_is_the_object() -> None:
    assert asking_clauses("quero ver essa casa no sabado, voces abrem que horas?") == [
        "voces abrem que horas?"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "a empresa ja terminou e passou pros donos outros condominios?",
        "essa construtora ja concluiu e entregou outras obras?",
        "eles ja repassaram aos moradores quantos residenciais?",
        "a incorporadora entregou para os compradores algum condominio antes?",
    ],
)
def test_works_handed_to_owners_are_delivered(text: str) -> None:
    assert "entregou" in described(normalise(text)).split()


@pytest.mark.parametrize(
    "text",
    [
        # what the lead passes on, to people of theirs: no delivery by the builder
        "eu passei pro meu irmao o contrato do carro, posso financiar?",
        "minha mae passou a casa pros filhos, isso conta na renda?",
        "a construtora terminou a piscina do clube?",
    ],
)
def test_other_handings_are_no_delivery(text: str) -> None:
    assert "entregou" not in described(normalise(text)).split()


@pytest.mark.parametrize(
    "question",
    [
        "cada quarto tem banheiro proprio ou se algum vai ter que dividir?",
        "a casa vem com armario ou alguma parte vai ter que ser comprada a parte?",
        "todos os quartos tem ar condicionado ou algum deles precisa de instalacao?",
        "os quartos sao suites ou uns tem que usar o banheiro social?",
    ],
)
def test_one_of_them_obliged_is_the_other_answer(question: str) -> None:
    split = alternatives(question)
    assert split is not None and split[2], split


@pytest.mark.parametrize(
    "question",
    [
        "tem piscina ou se tem academia?",
        "a casa tem quintal ou algum jardim na frente?",
        "tem quadra de tenis ou alguma quadra de areia?",
    ],
)
def test_a_second_thing_asked_is_no_other_answer(question: str) -> None:
    split = alternatives(question)
    assert split is not None and not split[2], split


KNOWN = frozenset(
    "banheira brisa suites suite pronta pronto quadra casa mudar piscina porta".split()  # noqa: SIM905
)


@pytest.mark.parametrize(
    ("word", "kept"),
    [
        ("banheiro", "banheiro"),  # another word, not the bath tub
        ("briga", "briga"),  # a quarrel, not the Casa Brisa
        ("porto", "porto"),  # a harbour, not a door
    ],
)
def test_a_real_word_is_not_put_right_into_another(word: str, kept: str) -> None:
    assert _corrected(word, KNOWN) == kept


@pytest.mark.parametrize(
    ("word", "fixed"),
    [("sutes", "suites"), ("piscna", "piscina"), ("prontas", "prontas")],
)
def test_slips_are_still_put_right(word: str, fixed: str) -> None:
    assert _corrected(word, KNOWN | {"prontas"}) == fixed


@pytest.mark.parametrize(
    "question",
    ["quantos por cento é o sinal?", "a entrada é de quantos por cento?", "paga 10 por cento?"],
)
def test_per_cent_names_nothing(question: str) -> None:
    from homer_agent.kb.query import words

    assert "cento" not in words(question)


@pytest.mark.parametrize(
    "text",
    [
        "tem um escritorio compartilhado pra quem trabalha remoto?",
        "vcs tem alguma sala coletiva de trabalho?",
        "existe um espaco compartilhado pra fazer reuniao?",
    ],
)
def test_an_office_shared_is_the_coworking(text: str) -> None:
    assert "coworking" in described(normalise(text)).split()


@pytest.mark.parametrize(
    "text",
    [
        "a casa duna tem escritorio?",  # the house's own office
        "o escritorio fica no terreo?",
        "a horta comunitaria e aberta?",  # shared, but no office
    ],
)
def test_other_offices_are_no_coworking(text: str) -> None:
    assert "coworking" not in described(normalise(text)).split()


@pytest.mark.parametrize(
    "text",
    [
        "tem onde trabalhar fora de casa no condominio?",
        "preciso estudar longe de casa, tem biblioteca?",
        "meu filho quer um canto pra ficar fora de casa, tem salao de jogos?",
    ],
)
def test_away_from_home_names_no_house(text: str) -> None:
    assert "casa" not in described(normalise(text)).split()


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("da pra usar o fgts nessa compra?", "compra"),
        ("posso abater o consorcio nesta compra?", "compra"),
        ("tenho um dinheiro que nunca mexi, serve de entrada?", "mexi"),
        ("um fgts parado que nao mexi ainda, posso usar?", "mexi"),
    ],
)
def test_the_purchase_and_the_leads_own_past_name_nothing(text: str, gone: str) -> None:
    assert gone not in described(normalise(text)).split()


def test_changing_the_house_is_still_asked() -> None:
    assert "mexer" in described(normalise("posso mexer na planta da casa?")).split()
    assert "compra" in described(normalise("como funciona a compra na planta?")).split()
