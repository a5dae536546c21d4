"""Things a lead describes instead of naming (helper hk3): the pt-BR reading, on new
sentences, with negatives."""

from __future__ import annotations

import pytest

from homer_agent.kb.query import build_query, words
from homer_agent.ptbr.questions import asking_parts, described, normalise, read_question


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("atendo cliente em casa", "trabalhar em casa"),
        ("recebo meus pacientes aqui", "trabalhar aqui"),
        ("atende os alunos na sala", "trabalhar na sala"),
        ("trabalho remoto desde 2020", "trabalhar desde 2020"),
        ("um lugar silencioso para ler", "um lugar para ler"),
        ("um cantinho bem separado", "um cantinho"),
        ("tem espaco tranquilo", "tem espaco"),
        ("aumentar a casa para cima", "aumentar a casa para cima andar"),
        ("construir para cima depois", "construir para cima andar depois"),
    ],
)
def test_described_things_put_as_named(text: str, want: str) -> None:
    assert described(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "o cliente pode visitar no domingo",  # a client, not seen at home
        "recebo o salario no dia 5",
        "a piscina privativa da casa",  # "privativa" is the documents' own word
        "o condominio e tranquilo",  # the place itself judged, no place described
        "olhar para cima",  # no building
    ],
)
def test_what_is_not_described_stays(text: str) -> None:
    assert described(text) == text


def test_the_builder_called_a_company() -> None:
    assert (
        build_query("essa empresa ja entregou outros condominios?").terms
        == build_query("essa construtora ja entregou outros condominios?").terms
    )
    # The lead's mood and "a primeira vez" name nothing.
    assert words("fiquei desconfiado, e a primeira vez?") == ["primeira"]
    assert words("fiquei cabreiro com a empresa") == ["empresa"]


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("se a familia crescer da para subir um andar?", {"crescer"}),
        ("caso os filhos casem pode ampliar a casa?", {"filhos", "casem"}),
        ("se minha filha vier morar comigo tem quarto?", {"filha", "morar"}),
    ],
)
def test_the_households_condition_is_context(text: str, context: set[str]) -> None:
    assert context <= set(read_question(text).context)


def test_a_condition_of_other_people_stays_asked() -> None:
    # Only the household's own condition: a thing's is asked about.
    assert "piscina" not in read_question("se a piscina for aquecida eu compro, e?").context


@pytest.mark.parametrize(
    "text",
    [
        "preciso de um lugar calmo pra estudar. tem algum lugar assim ai?",
        "quero um cantinho pra costurar. tem algum espaco desse tipo?",
        "trabalho com video. tem alguma sala assim no clube?",
    ],
)
def test_a_place_like_that_takes_the_place_described(text: str) -> None:
    (before, _asked), *_ = asking_parts(text)
    assert before, asking_parts(text)


def test_a_place_named_in_the_question_needs_nothing_before() -> None:
    (before, _asked), *_ = asking_parts("moro longe. tem algum espaco de festa no clube?")
    assert not before


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        ("da pra fazer um primeiro andar depois", "primeiro", "andar"),
        ("posso subir o segundo pavimento", "segundo", "pavimento"),
        ("e um terceiro andar pode", "terceiro", "andar"),
    ],
)
def test_a_floors_ordinal_is_no_stages(text: str, gone: str, kept: str) -> None:
    # "primeira etapa" must not answer a floor built up because of the ordinal.
    out = described(text).split()
    assert gone not in out
    assert kept in out


def test_a_stages_ordinal_stays() -> None:
    assert "segunda" in described("qual a previsao da segunda etapa").split()
    assert "primeiro" in described("o primeiro lote da quadra").split()


@pytest.mark.parametrize(
    "text",
    [
        "quando entregam as casas?",
        "vcs vao entregar a obra quando?",
        "me tira uma duvida: quando entregam as unidades",
    ],
)
def test_homes_handed_over_ask_the_stages_handover(text: str) -> None:
    assert "entrega da etapa" in normalise(text)


@pytest.mark.parametrize(
    "text",
    [
        "essa construtora ja entregou outros condominios?",
        "a cozinha é entregue com armario?",
    ],
)
def test_the_builders_record_and_a_rooms_finish_are_no_handover(text: str) -> None:
    assert "entrega da etapa" not in normalise(text)
