"""Question forms found by the first-sight sets kb_questions_2026-12-07o and 07p (issue
24), each tried on new sentences.

A question that points back ("dessa opção", "desse modelo", "essa parte") carries the
statement it points to; windows, frames and glass are one thing, and keeping noise out
of a window is its glass; "andar" after who walks is to walk; what else to set aside is
the documents; telling the gatehouse is the guests' registration; "queria entender"
opens a question; where a block lies ("as quadras do fundo") and a "while the works go
on" clause name nothing asked; "e eu preciso ..." goes on with a reason; a filler word
is never put right to a document's word ("junto" is no "junho")."""

from __future__ import annotations

import re

import pytest

from homer_agent.kb.query import build_query, synonyms
from homer_agent.ptbr.questions import asking_clauses, normalise, read_question


def _concepts(question: str) -> list[tuple[str, ...]]:
    terms = build_query(" ".join(read_question(question).topic)).terms
    return [synonyms(term.strip("()").split(" | ")[0]) or (term,) for term in terms]


@pytest.mark.parametrize(
    ("message", "carried"),
    [
        ("Quero a de 4 quartos. Qual o tamanho do lote desse modelo?", "4 quartos"),
        ("To olhando o sobrado. Quantas suites tem nessa casa?", "sobrado"),
        ("Gostei da Casa Brisa. Essa planta tem varanda?", "brisa"),
        ("Meu pai quer a casa Duna. Esse modelo tem escritorio?", "duna"),
    ],
)
def test_a_question_that_points_back_carries_what_it_points_to(message: str, carried: str) -> None:
    assert any(carried in clause for clause in asking_clauses(message)), asking_clauses(message)


def test_a_part_of_the_development_carries_no_circumstances() -> None:
    """ "essa parte" points to a block the delivery answers by itself: the lead's
    circumstances before it ("pago aluguel e preciso me programar") stay out."""
    message = "Pago aluguel e preciso me programar. Quando essa parte fica pronta?"
    assert asking_clauses(message) == ["quando essa parte fica pronta?"]


def test_a_question_that_names_its_thing_carries_no_statement() -> None:
    assert asking_clauses("Quero a de 4 quartos. Qual o tamanho do lote da casa Brisa?") == [
        "qual o tamanho do lote da casa brisa?"
    ]


@pytest.mark.parametrize(
    "question",
    [
        "as janelas sao de aluminio?",
        "como e a esquadria da sala?",
        "qual o tipo de vidro dos quartos?",
        "a vidraca e boa?",
    ],
)
def test_windows_frames_and_glass_are_one_thing(question: str) -> None:
    assert any("esquadrias" in group for group in _concepts(question)), _concepts(question)


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("a janela abafa o som da rua?", "vidro duplo"),
        ("o vidro do quarto segura barulho?", "vidro duplo"),
        ("as janelas tem isolamento acustico?", "vidro duplo"),
        ("vem vidro simples ou e duplo?", "vem vidro ou e duplo"),
        ("vem aquele vidro fininho comum na janela?", "aquele vidro na janela"),
    ],
)
def test_keeping_noise_out_of_a_window_is_its_glass(question: str, said: str) -> None:
    assert said in normalise(question), normalise(question)


@pytest.mark.parametrize(
    "question",
    ["o salao de festas tem isolamento acustico?", "pode fazer barulho depois das 22h?"],
)
def test_noise_without_a_window_stays_asked(question: str) -> None:
    assert "vidro" not in normalise(question), normalise(question)


@pytest.mark.parametrize(
    ("question", "walks"),
    [
        ("tem onde eu andar de manha cedo?", True),
        ("minha mae gosta de caminhar, tem lugar pra ela andar?", True),
        ("tem espaco pra gente andar com o carrinho?", True),
        ("posso construir mais um andar?", False),
        ("da pra fazer o segundo andar depois?", False),
        ("o cachorro pode andar solto?", False),
    ],
)
def test_andar_after_who_walks_is_to_walk(question: str, walks: bool) -> None:
    low = normalise(question)
    said = re.findall(r"[a-z]+", low.split(",")[-1])
    assert ("caminhar" in said) is walks, low
    assert ("andar" in said) is (not walks and "solto" not in low), low


@pytest.mark.parametrize(
    "question",
    [
        "fora o rg, o que mais eu preciso separar?",
        "o que mais a gente tem que juntar pra analise de credito?",
    ],
)
def test_what_else_to_set_aside_is_the_documents(question: str) -> None:
    assert "documentos" in normalise(question), normalise(question)


@pytest.mark.parametrize(
    "question",
    [
        "tenho que avisar a portaria quando chegar visita?",
        "o inquilino precisa ser cadastrado na entrada?",
        "preciso registrar quem aluga a casa?",
    ],
)
def test_telling_the_gatehouse_is_registering(question: str) -> None:
    assert any("cadastro" in group for group in _concepts(question)), _concepts(question)


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        (
            "a gente adora piscina queria entender se a do clube e aquecida",
            "a do clube e aquecida",
        ),
        ("gostaria de entender como funciona o sinal", "como funciona o sinal"),
    ],
)
def test_queria_entender_opens_a_question(message: str, asked: str) -> None:
    assert asking_clauses(message) == [asked], asking_clauses(message)


@pytest.mark.parametrize(
    ("question", "dropped"),
    [
        ("os lotes da frente sao maiores?", "frente"),
        ("quando as quadras do fundo ficam prontas?", "fundo"),
        ("a casa ali dos fundos ja tem dono?", "fundos"),
    ],
)
def test_where_a_block_lies_names_nothing(question: str, dropped: str) -> None:
    assert dropped not in read_question(question).topic, read_question(question).topic


def test_fundo_de_garantia_is_still_the_fgts() -> None:
    assert "fgts" in read_question("posso usar o fundo de garantia?").topic


def test_a_while_clause_of_the_works_names_nothing() -> None:
    topic = read_question("enquanto a casa esta sendo construida pago taxa?").topic
    assert "construida" not in topic, topic


def test_and_i_goes_on_with_a_reason() -> None:
    asked = read_question("quando fica pronta porque meu aluguel vence e eu preciso me organizar")
    assert "organizar" in asked.context, asked.context


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        (
            "aqui em casa falta agua quando chove, o condominio tem caixa d'agua?",
            ["o condominio tem caixa d'agua?"],
        ),
        (
            "la no predio onde moro e tudo barulhento, como e a vizinhanca ai?",
            ["como e a vizinhanca ai?"],
        ),
        ("aqui em casa como faz pra ir pra praia?", ["aqui em casa como faz para ir para praia?"]),
    ],
)
def test_the_leads_own_home_is_told_not_asked(message: str, asked: list[str]) -> None:
    """A clause about the lead's own home ("aqui em casa ...") asks nothing by its "quando"
    or "como"; it still asks when it ends with "?"."""
    assert asking_clauses(message) == asked, asking_clauses(message)
