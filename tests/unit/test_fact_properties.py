"""Properties of the fact extraction: text that states no fact never yields one.

Random text, random bytes (decoded the way the chat decodes them) and random pt-BR
sentences built from fact-free parts go straight to `extract_facts`, with every pending
question, hundreds of examples each; then 20 KB of random bytes go through the real CLI
once, as the issue's report did, and must leave the lead empty and cold.
"""

from __future__ import annotations

import string

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from homer_agent.ptbr.facts import extract_facts
from homer_agent.ptbr.places import known_place
from homer_agent.ptbr.text import fold
from homer_agent.ptbr.times import when_parts
from tests.support.clock import NOW, TZ

PENDING = st.sampled_from([None, "name", "bedrooms", "neighborhood", "budget_brl", "call_at"])
FAST = settings(
    max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)


def is_noise(text: str) -> bool:
    """Hypothesis also draws the code's own string constants, so "random" text can be a
    message that says something: exactly a neighbourhood's name ("AeROPORTO", a bare place)
    or a time of day ("DE MANHA", a day part the booking offers slots for). Those are facts
    by design; the properties are about noise."""
    words = fold(text).split()
    parts = when_parts(text)
    if parts.has_date or parts.has_time:
        return False
    return not words or len(words) > 3 or known_place(words, 0) is None


def extract(text: str, pending: str | None) -> dict[str, object]:
    return extract_facts(text, pending=pending, now=NOW, tz=TZ, ignore=["Vila Carnaúba", "Homer"])


@FAST
@given(st.text(st.characters(exclude_characters=string.ascii_letters), max_size=300))
def test_random_text_states_no_fact(text: str) -> None:
    # No ASCII letters: Hypothesis would otherwise draw the code's own cue words ("BaIRRO
    # AA" is a neighbourhood by design). Words with letters are the sentence tests' below.
    assume(is_noise(text))
    assert extract(text, None) == {}


@FAST
@given(st.binary(min_size=24, max_size=400), PENDING)
def test_random_bytes_state_no_fact(data: bytes, pending: str | None) -> None:
    assert extract(data.decode("utf-8", "replace"), pending) == {}


# Parts of messages leads write that carry no fact: greetings, thanks, questions about the
# development, feelings, the weather, family without numbers, hesitation.
FACT_FREE = [
    "oi",
    "olá",
    "bom dia",
    "boa tarde, tudo bem?",
    "tudo certo por aqui",
    "obrigado pela atenção",
    "valeu",
    "que legal",
    "entendi",
    "hmm, deixa eu pensar",
    "vou ver com a minha esposa",
    "depois eu te falo",
    "ainda não sei",
    "quais são as opções de lazer?",
    "onde fica o empreendimento?",
    "tem piscina?",
    "como funciona o financiamento?",
    "vocês aceitam FGTS?",
    "qual o prazo de entrega?",
    "me manda o masterplan",
    "achei bonito",
    "está muito calor hoje",
    "choveu o dia todo",
    "meus filhos estão na escola",
    "minha mãe mora comigo",
    "estou só pesquisando",
    "vi o anúncio no Instagram",
    "quero uma casa boa",
    "com quintal, de preferência",
    "o que vocês recomendam?",
    "pode ser",
    "não sei dizer",
    "hoje estou ocupado",
    "a obra já começou?",
    "tem academia no condomínio?",
    "gostei do projeto",
    "quanto custa?",
    "é seguro?",
    "tem escola perto?",
    "prefiro não dizer agora",
]
SEPARATORS = st.sampled_from([" ", ", ", ". ", "! ", "? ", "; ", " e ", " mas "])


@st.composite
def fact_free_sentence(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.sampled_from(FACT_FREE), min_size=1, max_size=4))
    text = parts[0]
    for part in parts[1:]:
        text += draw(SEPARATORS) + part
    style = draw(st.sampled_from(["as is", "upper", "capitalize", "title"]))
    if style == "upper":
        text = text.upper()
    elif style == "capitalize":
        text = text.capitalize()
    elif style == "title":
        text = text.title()
    return text + draw(st.sampled_from(["", ".", "!", "?", "!!", " 😊"]))


@FAST
@given(fact_free_sentence(), PENDING)
def test_pt_br_sentences_without_facts_state_no_fact(text: str, pending: str | None) -> None:
    assert extract(text, pending) == {}
