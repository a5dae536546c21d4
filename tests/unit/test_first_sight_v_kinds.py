"""The kinds the first-sight set facts_2026-12-07v (dictated, run-on messages: no
punctuation, numbers as words, self-corrections mid-message) found at its first run
(74/83, 2 wrong), each tested on new sentences that must and must not change."""

from __future__ import annotations

from datetime import datetime

import pytest

from homer_agent.ptbr.intents import handoff_reason
from homer_agent.ptbr.replies import BROKER_CONFIRMS
from tests.support.reading import chat_run, extract

# 1. A value taken back inside one message by a correction cue: the value after the cue
#    replaces it, for every fact (bedrooms, budget, place, call time).


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("a gente quer dois quartos não pera três quartos", {"bedrooms": 3}),
        (
            "procuro casa de 2 quartos desculpa 3 quartos no Montese",
            {"bedrooms": 3, "neighborhood": "Montese"},
        ),
        ("seriam quatro quartos ou melhor três", {"bedrooms": 3}),
        ("são 2 quartos errei são 4 quartos", {"bedrooms": 4}),
        ("queria tipo 3 quartos não quer dizer 2", {"bedrooms": 2}),
        ("o teto é trezentos mil não perdão trezentos e vinte mil", {"budget_brl": 320000}),
        ("posso pagar até 600 mil desculpa 550 mil", {"budget_brl": 550000}),
        ("tenho uns 400 mil digo 450", {"budget_brl": 450000}),
        (
            "são dois quartos aliás três na Maraponga até trezentos mil",
            {"bedrooms": 3, "neighborhood": "Maraponga", "budget_brl": 300000},
        ),
        ("3 quartos ou melhor 4 e até 500 mil", {"bedrooms": 4, "budget_brl": 500000}),
        ("o orçamento é um milhão quer dizer 1,2", {"budget_brl": 1200000}),
        ("quero no Montese não pera na Parangaba", {"neighborhood": "Parangaba"}),
        ("prefiro Messejana desculpa Cambeba", {"neighborhood": "Cambeba"}),
        ("pode ser no Cocó aliás no Papicu", {"neighborhood": "Papicu"}),
    ],
)
def test_a_value_taken_back_mid_message_is_replaced(text: str, want: dict[str, object]) -> None:
    assert extract(text) == want


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("pode ligar quinta às 9h não desculpa às 10h", "T10:00"),
        ("me liga amanhã às 15h não pera às 16h", "T16:00"),
        ("pode ser quarta às nove horas desculpa dez horas", "T10:00"),
        ("quinta às duas da tarde não pera três horas", "T15:00"),
    ],
)
def test_a_call_time_taken_back_mid_message_is_replaced(text: str, time: str) -> None:
    assert time in str(extract(text).get("call_at"))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("quero 3 quartos, não 4", {"bedrooms": 3}),  # "X, não Y": not Y
        ("quero 2 quartos e não 3", {"bedrooms": 2}),
        ("não quero três quartos", {}),
        ("quero 3 quartos, digo, 2 banheiros", {"bedrooms": 3}),  # another thing counted
        ("3 quartos no Benfica desculpa a demora", {"bedrooms": 3, "neighborhood": "Benfica"}),
        ("desculpa a demora, quero 2 quartos", {"bedrooms": 2}),
        ("a de 3 quartos não pera a de 4 quartos tem suíte?", {}),  # still a question
        # someone else's value corrected stays theirs
        ("a casa da minha mãe tem 2 quartos não pera 3 quartos", {}),
        # a correction after alternatives is a choice, read as before
        ("Cocó ou Papicu, melhor Papicu", {"neighborhood": "Papicu"}),
        ("moro no Cocó não pera no Papicu e quero na Aldeota", {"neighborhood": "Aldeota"}),
    ],
)
def test_no_correction_cue_or_not_the_leads_value_changes_nothing(
    text: str, want: dict[str, object]
) -> None:
    assert extract(text) == want


# 2. Minutes said in words ("dez e quinze da manhã", "às duas e quarenta e cinco"), and a
#    later clock time completing a day given earlier, questions in between.


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("pode ligar quinta às nove e quinze da manhã", "2026-12-10T09:15"),
        ("quarta às duas e quarenta e cinco da tarde", "2026-12-09T14:45"),
        ("amanhã às quatro e vinte", "2026-12-08T16:20"),
        ("terça três e meia da tarde", "2026-12-08T15:30"),
        ("sexta-feira onze e dez da manhã", "2026-12-11T11:10"),
    ],
)
def test_minutes_in_words_are_read(text: str, time: str) -> None:
    assert str(extract(text).get("call_at", "")).startswith(time)


def test_a_day_then_questions_then_a_clock_time_books_that_day() -> None:
    run = chat_run(
        "oi aqui é o Tadeu",
        "pode me ligar na quinta",
        "o condomínio tem portaria?",
        "e aceita pet?",
        "às onze e quinze da manhã",
    )
    call = run.facts["call_at"]
    assert isinstance(call, datetime)
    assert (call.weekday(), call.hour, call.minute) == (3, 11, 15)


# 4. An hour in words with "horas" right after a day, with no "às": "sexta onze horas".


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("pode ligar quarta dez horas", "2026-12-09T10:00"),
        ("amanhã nove horas tá bom", "2026-12-08T09:00"),
        ("liga segunda-feira, três horas da tarde", "2026-12-14T15:00"),
    ],
)
def test_an_hour_in_words_after_a_day_is_read(text: str, time: str) -> None:
    assert str(extract(text).get("call_at", "")).startswith(time)


@pytest.mark.parametrize(
    "text",
    [
        "fico duas horas no trânsito todo dia",
        "levo duas horas pra chegar no trabalho",
        "às dez e quinze pessoas vão na visita",
    ],
)
def test_a_duration_or_a_count_is_no_call_time(text: str) -> None:
    assert "call_at" not in extract(text)


# 3. A person asked for on a day or at a time is a broker's call to book, not a hand-off:
#    the conversation goes on and later facts are read.


@pytest.mark.parametrize(
    "text",
    [
        "quero falar com o corretor na segunda",
        "queria conversar com um corretor amanhã às 10h",
        "posso falar com a corretora quinta de tarde?",
        "me passa pro corretor sexta-feira",
    ],
)
def test_a_person_asked_for_on_a_day_is_no_hand_off(text: str) -> None:
    assert handoff_reason(text) is None


@pytest.mark.parametrize(
    "text",
    ["quero falar com o corretor", "me passa pro corretor agora", "tem alguém aí de verdade?"],
)
def test_a_person_asked_for_with_no_day_is_a_hand_off(text: str) -> None:
    assert handoff_reason(text) == "human"


def test_a_broker_asked_for_on_a_day_then_an_hour_books_the_call() -> None:
    run = chat_run(
        "oi sou a Denise",
        "queria conversar com o corretor na quarta",
        "tem área de lazer?",
        "pode ser às três e meia da tarde",
        "casa de 3 quartos na Maraponga até 400 mil",
    )
    call = run.facts["call_at"]
    assert isinstance(call, datetime)
    assert (call.weekday(), call.hour, call.minute) == (2, 15, 30)
    assert run.facts["bedrooms"] == 3 and run.facts["budget_brl"] == 400000


# 5. A place weighed ("tava pensando em morar na X"), set against something, then a
#    decision ("decidi que vai ser Y", "vai ser Y mesmo"): the decision wins.


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "eu tava pensando em morar no Montese mas a escola das crianças é longe "
            "então resolvi que vai ser Parangaba",
            "Parangaba",
        ),
        (
            "pensei em comprar na Messejana mas é longe do trabalho, vai ser Cambeba mesmo",
            "Cambeba",
        ),
        ("a gente decidiu que vai ser na Maraponga", "Maraponga"),
        ("escolhemos que fica o Benfica", "Benfica"),
    ],
)
def test_a_decision_after_a_place_weighed_wins(text: str, place: str) -> None:
    assert extract(text).get("neighborhood") == place


@pytest.mark.parametrize(
    "text",
    [
        "tava pensando em morar na Sapiranga mas é muito longe",  # weighed, set aside
        "vai ser no Cocó?",  # a question
    ],
)
def test_a_place_weighed_and_set_aside_or_asked_is_not_saved(text: str) -> None:
    assert "neighborhood" not in extract(text)


# 6. "eu sou <what the lead does>" is never a name: a noun of what someone does (its
#    ending, and the dictionary knows it), typed in lower case after "sou".


@pytest.mark.parametrize(
    "text",
    [
        "bom dia eu sou representante de vendas e viajo toda semana",
        "oi sou cuidadora de idosos e trabalho à noite",
        "eu sou pedagoga e meu marido é pedreiro",
        "sou operador de máquinas",
        "sou bancária aposentada",
        "sou administrador e quero saber da área de lazer",
    ],
)
def test_what_the_lead_does_after_sou_is_no_name(text: str) -> None:
    assert "name" not in extract(text, "name")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("oi sou vitor", "Vitor"),
        ("eu sou isadora", "Isadora"),
        ("sou a ana e sou enfermeira", "Ana"),
        ("sou o Diogo, vendedor", "Diogo"),
        ("sou camila", "Camila"),
    ],
)
def test_a_name_after_sou_is_still_read(text: str, name: str) -> None:
    assert extract(text, "name").get("name") == name


@pytest.mark.parametrize(
    "text", ["pode ligar na quinta", "quero conversar com o corretor na terça", "me liga amanhã"]
)
def test_a_day_without_its_hour_is_no_question_for_the_documents(text: str) -> None:
    run = chat_run("oi sou a Marta", text)
    assert BROKER_CONFIRMS not in run.replies[-1]
    assert "Que horas" in run.replies[-1]


# 6b. (the kb set 07v: "a conta de luz aqui em casa ..." got "Prazer, Conta!") A thing
#     named before "aqui" is no name: a lower-case word the dictionary knows after an
#     article, or "aqui" followed by a place ("aqui em casa").


@pytest.mark.parametrize(
    "text",
    [
        "boa noite o aluguel aqui em casa ta caro demais",
        "a internet aqui no bairro é ruim, tem fibra lá?",
        "o barulho aqui é demais, a casa é silenciosa?",
        "a água aqui na rua falta toda semana",
    ],
)
def test_a_thing_before_aqui_is_no_name(text: str) -> None:
    assert "name" not in extract(text, "name")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("nina aqui", "Nina"),
        ("a lia aqui, tudo bom?", "Lia"),
        ("o Téo aqui", "Téo"),
        ("renata aqui na messejana", "Renata"),  # where the lead is, not a thing
    ],
)
def test_a_name_before_aqui_is_still_read(text: str, name: str) -> None:
    assert extract(text, "name").get("name") == name


# Found while probing dictated messages: "seu" before a name is the title ("aqui é o
# seu João"), as "dona" is; after "o" a possessive names nobody ("sou o seu vizinho").


@pytest.mark.parametrize(
    ("text", "name"),
    [("boa noite aqui é o seu joão", "João"), ("Seu Raimundo aqui", "Raimundo")],
)
def test_the_title_seu_is_dropped(text: str, name: str) -> None:
    assert extract(text, "name").get("name") == name


@pytest.mark.parametrize("text", ["aqui é o seu vizinho", "sou o seu cliente antigo"])
def test_seu_before_a_word_names_nobody(text: str) -> None:
    assert "name" not in extract(text, "name")


# Found while probing: an amount of hours is no clock time, after a verb of lasting or
# before what the time is spent on.


@pytest.mark.parametrize(
    "text",
    [
        "pode ser sexta, a visita demora umas duas horas né",
        "quinta eu levo 3 horas pra chegar em casa",
        "segunda não dá, trabalho 12 horas por dia",
        "sábado? fica a 2 horas de carro daqui",
        "sexta desculpa as duas horas de atraso",
    ],
)
def test_an_amount_of_hours_is_no_clock_time(text: str) -> None:
    assert "call_at" not in extract(text, "call_at")


@pytest.mark.parametrize(
    ("text", "time"),
    [("quarta fica 10h pra você?", "T10:00"), ("me liga sexta umas 3 horas", "T15:00")],
)
def test_a_clock_time_is_still_read(text: str, time: str) -> None:
    assert time in str(extract(text, "call_at").get("call_at"))


# Found while probing the correction cues: "melhor (do) que Y" compares, it does not
# correct (Y is what the lead's value is weighed against); the home the lead has, said
# with "que eu tenho é de", is theirs.


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("4 quartos é melhor que 3 quartos", {"bedrooms": 4}),
        ("a Parangaba é melhor do que a Maraponga pra gente", {"neighborhood": "Parangaba"}),
        ("400 mil é melhor do que 450 mil", {"budget_brl": 400000}),
        ("no Montese, melhor Benfica", {"neighborhood": "Benfica"}),  # still a correction
    ],
)
def test_a_value_compared_against_is_not_the_wish(text: str, want: dict[str, object]) -> None:
    assert extract(text) == want


@pytest.mark.parametrize(
    "text", ["a casa que eu tenho é de 2 quartos", "o apê que eu tenho hoje é de 3 quartos"]
)
def test_the_home_the_lead_has_is_no_wish(text: str) -> None:
    assert "bedrooms" not in extract(text)
