"""Kinds of first-sight sets 08q/08m answered with the wrong passage (k2): a distance put
as "muito chão", a stroll asked as a place to "dar uma volta", how long a thing is, a
change asked as "existe a possibilidade", and a house type named before the question."""

import pytest

from homer_agent.kb.query import build_query, words
from homer_agent.ptbr.questions import asking_clauses, normalise, read_question


@pytest.mark.parametrize(
    "question",
    [
        "meu pai faz hemodialise no hospital, e muito chao daí pra lá?",
        "trabalho no shopping, daqui até lá é bastante chão?",
        "estudo no centro de fortaleza... é mto chão até lá?",
    ],
)
def test_much_ground_is_far(question: str) -> None:
    assert "muito longe" in normalise(question)
    assert "chao" not in normalise(question)


@pytest.mark.parametrize(
    "question",
    [
        "o chão da sala é de porcelanato?",
        "o chao dos quartos vem com piso?",
        "qual o material do chão da cozinha?",
    ],
)
def test_the_floor_stays_the_floor(question: str) -> None:
    assert "chao" in normalise(question)
    assert "longe" not in normalise(question)


@pytest.mark.parametrize(
    "question",
    [
        "tem um lugar bom pra minha mãe dar suas voltinhas?",
        "meu marido gosta de correr, tem onde dar umas voltas aí dentro?",
        "tem algum espaço pra gente dar uma caminhadinha de tarde?",
    ],
)
def test_a_place_to_stroll_is_walking(question: str) -> None:
    assert "caminhar" in normalise(question)
    assert "(caminhada | caminhar" in " ".join(build_query(read_question(question).text).terms)


@pytest.mark.parametrize(
    "question",
    [
        "posso dar uma volta aí pra conhecer no sábado?",
        "dá pra dar uma volta no stand antes de fechar?",
        "a casa decorada dá pra dar uma olhada?",
    ],
)
def test_a_visit_is_no_stroll(question: str) -> None:
    assert "caminhar" not in normalise(question)


@pytest.mark.parametrize(
    "question", ["a pista é comprida?", "é comprido?", "e a pista, é bem comprida?"]
)
def test_how_long_a_thing_is_names_nothing(question: str) -> None:
    assert not {"comprido", "comprida"} & set(words(normalise(question)))


def test_how_long_is_a_size() -> None:
    assert read_question("tem pista de caminhada? é comprida?").measure == "size"


@pytest.mark.parametrize(
    "question",
    [
        "existe a possibilidade de trocar a banheira?",
        "tem possibilidade de mudar o revestimento?",
        "ela não entra em banheira de jeito nenhum, dá pra trocar?",
    ],
)
def test_a_possibility_names_nothing(question: str) -> None:
    found = words(normalise(question))
    assert "possibilidade" not in found
    assert "nenhum" not in found


@pytest.mark.parametrize(
    ("message", "named"),
    [
        (
            "somos 5 em casa. estou de olho no sobrado. queria saber se todo quarto tem"
            " banheiro proprio",
            "sobrado",
        ),
        ("gostei muito da casa de 3 quartos. quantas suites ela tem?", "casa de 3 quartos"),
        ("meu sonho e o sobrado. o terreno e de quantos metros?", "sobrado"),
    ],
)
def test_a_house_type_named_before_the_question_is_its_subject(message: str, named: str) -> None:
    (clause,) = asking_clauses(message)
    assert named in clause


@pytest.mark.parametrize(
    "message",
    [
        # A wish names no house of the development.
        "quero casa de 4 quartos. tem piscina no clube?",
        # The question names its own house type.
        "estou de olho no sobrado. e a casa de 2 quartos tem suite?",
        # The house type was in an earlier sentence, the story in between.
        "gostei do sobrado. minha filha estuda no centro. tem van pra escola?",
    ],
)
def test_no_house_type_carried_when_none_or_its_own(message: str) -> None:
    clause = asking_clauses(message)[-1]
    assert "sobrado" not in clause or "casa de 2" in clause
    assert "casa de 4" not in clause


@pytest.mark.parametrize(
    "message",
    [
        "se eu pegar a casa de 2 quartos, depois dá pra subir um andar em cima?",
        "estou de olho no sobrado. pode ter cachorro no condominio?",
        "gostei da casa de 3 quartos. quando fica pronta a primeira etapa?",
    ],
)
def test_no_house_type_carried_to_what_all_houses_share(message: str) -> None:
    clause = asking_clauses(message)[-1]
    assert "quartos" not in clause and "sobrado" not in clause
