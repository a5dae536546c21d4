"""The kinds the first-sight set facts_2026-12-07e found, each by new sentences.

None of these sentences is in that set: each kind (where the lead lives now is not the
place wanted, a choice among named places, a name dictated or followed by "prazer", a
place answering the name question, a call time after a stated limit, a day or hour in a
question about a visit) has examples that must be read and examples that must not.
Pure extraction (`extract_facts`, `accepted_part`) and the offline policy in memory
(`tests/support/offline_harness.py`).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from homer_agent.models.offline import OfflineChatModel
from homer_agent.ptbr.facts import accepted_part
from homer_agent.ptbr.times import search_when
from tests.support.offline_harness import Run, bound_tools
from tests.support.reading import NOW, TZ, extract


# 1. Where the lead lives or works now is not the place wanted; after a contrast the wish
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("moro na avenida Bezerra de Menezes, 900, no São Gerardo, mas quero ir pro Cocó", "Cocó"),
        (
            "trabalho na rua Tibúrcio Cavalcante, 2000, Aldeota, mas procuro casa no Papicu",
            "Papicu",
        ),
        ("sou do Montese, mas queria morar na Maraponga", "Maraponga"),
        ("a família toda é da Messejana, mas quero no Cambeba", "Cambeba"),
        ("moro no Benfica e quero continuar no Benfica", "Benfica"),
        ("moro em Fortaleza, quero no Montese", "Montese"),
        ("quero perto do meu trabalho, na Aldeota", "Aldeota"),
    ],
)
def test_the_wished_place_wins_over_the_current_one(text: str, want: str) -> None:
    assert extract(text, "neighborhood").get("neighborhood") == want


@pytest.mark.parametrize(
    "text",
    [
        "moro na rua Padre Valdevino, 300, na Joaquim Távora",
        "trabalho no Centro, ali perto da Praça do Ferreira, no Centro mesmo",
        "quero no Cocó, mas o Papicu também serve",
        "quero no Cocó, mas também quero ver no Papicu",
    ],
)
def test_the_current_place_or_two_open_ones_give_no_wished_place(text: str) -> None:
    found = extract(text, "neighborhood").get("neighborhood")
    assert found not in ("Joaquim Távora", "Centro", "Papicu")


# 2. A choice among named places
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("fiquei entre Parangaba e Maraponga, mas vou de Maraponga", "Maraponga"),
        ("olhei Benfica e Fátima, escolhi o Benfica", "Benfica"),
        ("Cocó, Papicu, Dionísio Torres... decidi pelo Papicu", "Papicu"),
        ("pensei em Messejana ou Cambeba, ficamos com a Messejana", "Messejana"),
        ("minha sogra mora no Cocó, fico com o Papicu", "Papicu"),
        # the other place judged unfit is turned down (branch fx), no longer left open
        ("fico com o Cambeba, a Messejana é muito longe", "Cambeba"),
    ],
)
def test_a_choice_among_places_picks_one(text: str, want: str) -> None:
    assert extract(text, "neighborhood").get("neighborhood") == want


@pytest.mark.parametrize(
    "text",
    [
        "não fico com a Messejana nem com o Cambeba",
        "fico com o Cambeba ou a Messejana, tanto faz",
        "melhor o Cocó ou o Papicu?",
        "fico com medo de morar longe, Parangaba ou Maraponga",
    ],
)
def test_no_choice_made_saves_no_place(text: str) -> None:
    assert "neighborhood" not in extract(text, "neighborhood")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("tava entre 2 e 3 quartos, mas fico com 3", {"bedrooms": 3}),
        ("3 ou 4 quartos... escolhi 4", {"bedrooms": 4}),
        ("entre 400 e 500 mil, fico com 450 mil", {"budget_brl": 450_000}),
        ("2 ou 3 quartos, fico com 5", {}),
        ("2 ou 3 quartos, fico com 3 banheiros", {}),
        ("posso 400 mil, não chego a 500 mil", {"budget_brl": 400_000}),
        ("400 mil, não fico com 500 mil", {"budget_brl": 400_000}),
        ("não passo de 500 mil", {"budget_brl": 500_000}),
        ("não quero gastar 800 mil", {}),
        ("nao quero no centro prefiro o cumbuco ate 700 mil", {"budget_brl": 700_000}),
    ],
)
def test_a_choice_among_counts_or_amounts(text: str, want: dict[str, object]) -> None:
    found = extract(text, "bedrooms")
    assert {k: v for k, v in found.items() if k in ("bedrooms", "budget_brl")} == want


# 3. A name dictated ("pode anotar X") or followed by "prazer"
@pytest.mark.parametrize(
    ("text", "pending", "want"),
    [
        ("quem cuida disso sou eu mesma, pode anotar Joana", "name", "Joana"),
        ("anota aí Rogério Lima", "bedrooms", "Rogério Lima"),
        ("Marcelo Dantas, muito prazer", "name", "Marcelo Dantas"),
        ("lucas, prazer", "name", "Lucas"),
        ("Tereza, prazer! Quero 3 quartos", "bedrooms", "Tereza"),
    ],
)
def test_a_dictated_or_courteous_name_is_read(text: str, pending: str, want: str) -> None:
    assert extract(text, pending).get("name") == want


@pytest.mark.parametrize(
    ("text", "pending"),
    [
        ("pode anotar Cocó", "name"),
        ("anota aí 3 quartos", "name"),
        ("muito prazer em conhecer", "name"),
        ("Obrigado, prazer", "name"),
        ("pode anotar o nome da minha esposa, Carla", "name"),
        ("lucas, prazer", "bedrooms"),
        ("Aldeota, prazer", "bedrooms"),
    ],
)
def test_no_name_without_one_dictated(text: str, pending: str) -> None:
    assert "name" not in extract(text, pending)


# 4. A listed place that cannot be a name answers the name question as the place
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Parque Manibura", "Parque Manibura"),
        ("barra do ceará", "Barra do Ceará"),
        ("Conjunto Ceará", "Conjunto Ceará"),
    ],
)
def test_a_place_given_for_the_name_is_the_neighbourhood(text: str, want: str) -> None:
    found = extract(text, "name")
    assert found.get("neighborhood") == want
    assert "name" not in found


@pytest.mark.parametrize("text", ["Centro", "Fátima"])
def test_a_place_that_may_be_a_name_or_a_word_is_no_place(text: str) -> None:
    # "Fátima" may be a name too: neither fact, the agent asks which
    # (tests/unit/test_fact_leftover_kinds.py).
    found = extract(text, "name")
    assert "neighborhood" not in found
    assert "name" not in found


# 5. The call time after a stated limit, or concluded after "então"
@pytest.mark.parametrize(
    ("text", "weekday", "hour"),
    [
        ("é só até as 18h? então sexta às 17h", 4, 17),
        ("o horário de vocês vai até 13h, pode ser sábado às 10h", 5, 10),
        ("ah, domingo vocês não ligam né? então segunda às 10h", 0, 10),
        ("me liga sexta até as 11h", 4, 11),
        ("então pode ser terça às 9h", 1, 9),
    ],
)
def test_the_accepted_call_time(text: str, weekday: int, hour: int) -> None:
    when = search_when(accepted_part(text), now=NOW, tz=TZ)
    assert when is not None
    assert (when.at.weekday(), when.at.hour) == (weekday, hour)


# 6. A day or an hour in a question about a visit or opening hours asks for no call
@pytest.mark.parametrize(
    "text",
    [
        "dá pra conhecer o decorado sábado lá pelas 10h?",
        "o plantão de vendas funciona domingo às 14h?",
        "posso passar aí amanhã às 16h pra visitar?",
        "dá pra visitar o decorado, sábado às 10h?",
    ],
)
def test_a_time_in_a_question_about_a_visit_is_no_call(text: str) -> None:
    assert "call_at" not in extract(text, "call_at")
    run = Run(now=NOW)
    run.turn(text, OfflineChatModel(), bound_tools())
    calls = [c["name"] for m in run.messages for c in getattr(m, "tool_calls", [])]
    assert "schedule_call" not in calls
    assert "call_at" not in run.facts


@pytest.mark.parametrize(
    ("text", "weekday", "hour"),
    [
        ("pode me ligar sexta às 15h?", 4, 15),
        ("quero visitar o decorado. me liga quinta às 10h", 3, 10),
        ("posso visitar o decorado sábado às 10h e vocês me ligam sexta às 15h?", 4, 15),
        ("sexta às 10h, combinado?", 4, 10),
    ],
)
def test_a_call_asked_for_still_counts(text: str, weekday: int, hour: int) -> None:
    found = extract(text, "call_at")
    at = datetime.fromisoformat(str(found["call_at"]))
    assert (at.weekday(), at.hour) == (weekday, hour)
