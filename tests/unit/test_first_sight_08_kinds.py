"""The kinds the first-sight sets facts_2026-12-08b/d/e found, each by new sentences.

None of these sentences is in those sets: each kind (a count beside an area, bedrooms in
shorthand, a count after a turned-down one said to suit, a count after the lead echoes
our question, "mesmo" in shorthand, a run-on voice message in which the lead saw an ad
and then says what they look for, a saved name the lead puts right, a place the lead
named chosen by pointing back at it, a house type asked about taken up by its count, a
place beside a question) has examples that must be read and examples that
must not. Pure extraction (`extract_facts`) and the offline policy in memory
(`tests/support/reading.py`).
"""

from __future__ import annotations

import pytest

from homer_agent.ptbr.facts import place_pointed_back, taken_up
from tests.support.reading import NOW, TZ, chat_run, extract


# 1. An area's exponent ("m²") is no count of its own: no range with the count after it
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("procuro casa de uns 200 m² e 3 quartos", 3),
        ("casa com 120m2 e 2 quartos no mínimo", 2),
        ("preciso de no mínimo 90 m² e 4 quartos, com quintal", 4),
    ],
)
def test_a_count_after_an_area_is_read(text: str, want: int) -> None:
    assert extract(text).get("bedrooms") == want


@pytest.mark.parametrize("text", ["quero 2 e 3 quartos", "casa de 2 ou 3 quartos, 150 m²"])
def test_two_counts_stay_open_beside_an_area(text: str) -> None:
    assert "bedrooms" not in extract(text)


# 2. Bedrooms in shorthand: "quartos" with letters left out but the "q" and the "t"
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("to procurando casa d 3 qrtos no Montese", 3),
        ("quero 2 qrto", 2),
        ("casa de 4 qurtos", 4),
    ],
)
def test_bedrooms_in_shorthand_are_read(text: str, want: int) -> None:
    assert extract(text).get("bedrooms") == want


@pytest.mark.parametrize("text", ["tenho 3 filhos", "quero 2 banheiros", "moro no 4 andar"])
def test_other_counts_are_no_bedrooms(text: str) -> None:
    assert "bedrooms" not in extract(text)


# 3. A count turned down, then another said to suit ("4 não precisa, 3 basta")
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("2 quartos é pouco, 3 tá bom", 3),
        ("3 quartos não, 2 serve pra mim", 2),
        ("4 quartos não preciso, 3 é suficiente", 3),
    ],
)
def test_a_count_said_to_suit_replaces_a_turned_down_one(text: str, want: int) -> None:
    assert extract(text).get("bedrooms") == want


@pytest.mark.parametrize(
    "text",
    [
        "4 quartos não precisa, 3 não basta",
        "4 quartos não, 3 é demais",
        "4 quartos não quero",
        "4 quartos não precisa, 3 banheiros basta",
    ],
)
def test_a_count_not_said_to_suit_replaces_nothing(text: str) -> None:
    assert "bedrooms" not in extract(text)


# 4. Our bedrooms question echoed by the lead, then the count
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("de quantos quartos a gente precisa? 4", 4),
        ("quantos quartos? 2 mesmo", 2),
        ("hmm quantos quartos eu quero? 3, com varanda de preferência", 3),
    ],
)
def test_a_count_after_an_echoed_question_is_read(text: str, want: int) -> None:
    assert extract(text, "bedrooms").get("bedrooms") == want


@pytest.mark.parametrize(
    "text",
    [
        "quantos quartos? 3 banheiros",
        "quantos quartos tem a casa? 3?",
        "quantos quartos eu quero? 3 ou 4",
        "quantos quartos eu quero? 3 não",
    ],
)
def test_an_echoed_question_then_no_clear_count_gives_none(text: str) -> None:
    assert "bedrooms" not in extract(text, "bedrooms")


def test_an_echoed_question_needs_the_question_asked() -> None:
    assert "bedrooms" not in extract("quantos quartos eu quero? 3, com varanda")


# 5. "msm", shorthand of "mesmo", closes a bare answer
@pytest.mark.parametrize(("text", "want"), [("3 msm", 3), ("4 msm kkk", 4)])
def test_a_bare_count_with_msm_is_read(text: str, want: int) -> None:
    assert extract(text, "bedrooms").get("bedrooms") == want


# 6. A run-on message: the ad the lead saw ends where the lead's own search begins
def test_the_search_after_a_seen_ad_is_the_leads() -> None:
    found = extract(
        "oi sou o Caio vi o post de vcs no face quero uma casa de 2 quartos no Cocó "
        "meu orçamento é 380 mil"
    )
    assert found.get("bedrooms") == 2
    assert found.get("neighborhood") == "Cocó"
    assert found.get("budget_brl") == 380000


@pytest.mark.parametrize(
    "text",
    [
        "vi uma casa de 3 quartos no Cocó",
        "to procurando casa vi uma de 4 quartos no Cocó",
    ],
)
def test_a_home_seen_is_not_the_wish(text: str) -> None:
    assert "bedrooms" not in extract(text)


# 7. A saved name the lead puts right: after a typing slip's cue, or "é X" after a correction
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("opa, o teclado trocou: é Kauê Lins", "Kauê Lins"),
        ("desculpa, digitei errado. Thaís", "Thaís"),
        ("na verdade é Luíza, com z", "Luíza"),
        ("aliás, é Luíza", "Luíza"),
        ("não, é Ítalo, erro de digitação", "Ítalo"),
    ],
)
def test_a_saved_name_put_right_is_read(text: str, want: str | None) -> None:
    assert extract(text, "bedrooms", known=("name",)).get("name") == want


@pytest.mark.parametrize(
    "text",
    [
        "na verdade é a Simone da imobiliária",
        "na verdade é o Pedro quem decide",
        "aliás, é Messejana",
        "escrevi errado, é 3 quartos",
        "pensando bem, Cocó",
    ],
)
def test_a_correction_without_a_name_alone_gives_none(text: str) -> None:
    assert "name" not in extract(text, "bedrooms", known=("name",))


def test_a_bare_name_after_a_generic_cue_needs_a_saved_name() -> None:
    assert "name" not in extract("aliás, é Luíza", "bedrooms")
    assert "name" not in extract("aliás, é Luíza", "neighborhood", known=("name",))


def test_the_corrected_name_replaces_the_saved_one_in_a_conversation() -> None:
    run = chat_run("oi, aqui é a Sueli Prado", "ops, corretor automático, é Suely Prado")
    assert run.facts["name"] == "Suely Prado"
    assert "Suely" in run.replies[-1]


# 8. A place the lead named, chosen by pointing back at it in the next message
@pytest.mark.parametrize(
    ("previous", "text", "want"),
    [
        ("vcs tem casa no Eusébio?", "quero morar lá mesmo", "Eusébio"),
        ("minha irmã mora na Parangaba", "é ali que eu quero, perto dela", "Parangaba"),
        ("moro no Montese", "é nesse bairro que eu quero ficar", "Montese"),
    ],
)
def test_a_place_pointed_back_at_is_chosen(previous: str, text: str, want: str) -> None:
    assert place_pointed_back(previous, text, now=NOW, tz=TZ) == want


@pytest.mark.parametrize(
    ("previous", "text"),
    [
        ("vcs tem casa no Eusébio?", "não é lá que eu quero"),
        ("vcs tem casa no Eusébio?", "é lá que eu quero?"),
        ("vcs tem casa no Eusébio?", "quero morar lá mesmo, mas é longe"),
        ("vcs tem casa no Eusébio?", "quero ir lá mesmo ver a obra"),
        ("Centro não quero de jeito nenhum", "é lá que eu quero"),
        ("tem piscina?", "é lá que eu quero morar"),
    ],
)
def test_no_place_without_a_clear_pointing(previous: str, text: str) -> None:
    assert place_pointed_back(previous, text, now=NOW, tz=TZ) is None


def test_the_place_pointed_back_at_is_the_leads_not_ours() -> None:
    run = chat_run("oi, Lara aqui", "vcs tem casa perto da Sabiaguaba?", "é lá mesmo que eu quero")
    assert run.facts.get("neighborhood") == "Sabiaguaba"
    run = chat_run("oi, Lara aqui", "onde fica o condomínio?", "é lá mesmo que eu quero")
    assert "neighborhood" not in run.facts


# 9. A house type the lead asked about, taken up by its count in the next message
@pytest.mark.parametrize(
    ("previous", "text", "want"),
    [
        ("vcs tem casa de 3 quartos?", "então vou querer essa de 3 mesmo", 3),
        ("tem de 4 quartos né?", "pode ser a de 4", 4),
        ("vi uma de 2 quartos no site", "quero de 2", 2),
    ],
)
def test_a_count_taken_up_from_the_previous_message(previous: str, text: str, want: int) -> None:
    assert taken_up(previous, text, now=NOW, tz=TZ).get("bedrooms") == want


@pytest.mark.parametrize(
    ("previous", "text"),
    [
        ("tem de 2 quartos né?", "quero de 3"),
        ("tem de 2 quartos né?", "quero de 2 andares"),
        ("tem de 2 quartos né?", "quero de 2?"),
        ("2 quartos não quero", "quero de 2"),
        ("tem de 2 quartos?", "tem de 2 suítes?"),
        ("tem piscina?", "quero de 2"),
    ],
)
def test_no_count_taken_up_without_the_same_house_type(previous: str, text: str) -> None:
    assert "bedrooms" not in taken_up(previous, text, now=NOW, tz=TZ)


def test_a_count_taken_up_while_the_name_is_asked() -> None:
    run = chat_run("tem de 2 quartos né?", "quero de 2", "Bia")
    assert run.facts == {"bedrooms": 2, "name": "Bia"}


# 10. A place beside a question is the lead's; the count in the question is asked
@pytest.mark.parametrize(
    "text",
    ["Parangaba, vocês têm casa de 3 quartos?", "Maraponga, quanto custa a de 2?"],
)
def test_a_place_beside_a_question_is_the_leads(text: str) -> None:
    found = extract(text)
    assert found.get("neighborhood") in ("Parangaba", "Maraponga")
    assert "bedrooms" not in found


@pytest.mark.parametrize(
    "text",
    [
        "moro no Cocó, vcs tem casa lá?",
        "minha mãe mora na Aldeota, tem casa lá?",
        "Maraponga não, tem no Montese?",
        "oi Carla, tem casa no Cocó?",
    ],
)
def test_a_place_set_aside_beside_a_question_stays_aside(text: str) -> None:
    assert "neighborhood" not in extract(text)
