"""The pt-BR sentiment analyzer: accuracy against plain VADER and LeIA, rules, hand-off.

Run with `-s` to see the accuracy table.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from LeIA import SentimentIntensityAnalyzer as LeiaAnalyzer
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer as VaderAnalyzer

from homer_agent.ptbr.intents import handoff_reason
from homer_agent.ptbr.sentiment import (
    HOSTILE_THRESHOLD,
    PtBrSentimentAnalyzer,
    Sentiment,
    analyze,
    analyzer,
)
from tests.support.paths import DATA

LEADS_TSV = DATA / "sentiment_leads.tsv"
# The example development's labelled set, copied verbatim into the repository.
SHARED_TSV = DATA / "sentiment_ptbr.tsv"
LABELS = ("positive", "neutral", "negative")
MIN_ACCURACY = 0.90

Row = tuple[str, str]


def load(path: Path) -> list[Row]:
    rows: list[Row] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        label, text = line.split("\t", 1)
        assert label in LABELS, f"{path}:{number}: bad label {label!r}"
        rows.append((label, text))
    return rows


def vader_label(compound: float) -> str:
    if compound >= 0.05:
        return "positive"
    if compound <= -0.05:
        return "negative"
    return "neutral"


def accuracy(rows: list[Row], label_of: Callable[[str], str]) -> float:
    return sum(label_of(text) == gold for gold, text in rows) / len(rows)


# --- the labelled sets -------------------------------------------------------------------


def test_own_labelled_set_is_large_and_balanced() -> None:
    rows = load(LEADS_TSV)
    assert len(rows) >= 150
    counts = Counter(label for label, _ in rows)
    for label in LABELS:
        assert 0.28 <= counts[label] / len(rows) <= 0.38, counts
    texts = [text for _, text in rows]
    assert len(set(texts)) == len(texts), "duplicate lines"


def test_accuracy_beats_plain_vader_and_leia() -> None:
    """Prints accuracy of this analyzer, plain VADER and LeIA on each set and combined."""
    sets = {"leads (own)": load(LEADS_TSV), "shared examples": load(SHARED_TSV)}
    sets["combined"] = [row for rows in list(sets.values()) for row in rows]

    vader, leia = VaderAnalyzer(), LeiaAnalyzer()
    systems: dict[str, Callable[[str], str]] = {
        "homer (pt-BR VADER)": lambda t: analyze(t).label,
        "plain vaderSentiment": lambda t: vader_label(vader.polarity_scores(t)["compound"]),
        "LeIA": lambda t: vader_label(leia.polarity_scores(t)["compound"]),
    }
    table = {
        name: {system: accuracy(rows, fn) for system, fn in systems.items()}
        for name, rows in sets.items()
    }
    print()
    print(f"{'set':<18} {'n':>4}  " + "  ".join(f"{s:>20}" for s in systems))
    for name, scores in table.items():
        cells = "  ".join(f"{scores[s]:>20.1%}" for s in systems)
        print(f"{name:<18} {len(sets[name]):>4}  {cells}")

    ours = table["combined"]["homer (pt-BR VADER)"]
    assert ours >= MIN_ACCURACY
    assert ours > table["combined"]["plain vaderSentiment"]
    assert ours > table["combined"]["LeIA"]
    for name, scores in table.items():
        assert scores["homer (pt-BR VADER)"] >= MIN_ACCURACY, name


def test_shared_examples_accuracy() -> None:
    rows = load(SHARED_TSV)
    assert accuracy(rows, lambda t: analyze(t).label) >= MIN_ACCURACY


# --- the analyzer ------------------------------------------------------------------------


def test_analyzer_is_a_vader_built_once() -> None:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    assert isinstance(analyzer(), PtBrSentimentAnalyzer)
    assert isinstance(analyzer(), SentimentIntensityAnalyzer)
    assert analyzer() is analyzer()
    assert len(analyzer().lexicon) > 7000  # LeIA's words plus inflections plus the domain file


def test_sentiment_value() -> None:
    s = analyze("Adorei!")
    assert isinstance(s, Sentiment)
    assert s.label == "positive"
    assert -1.0 <= s.compound <= 1.0
    with pytest.raises(AttributeError):
        s.compound = 0.0  # type: ignore[misc]


@pytest.mark.parametrize(
    "text",
    [
        "Quero 3 quartos",
        "Quero 3 quartos no Leblon",
        "Meu orçamento é 600 mil",
        "Moro em Fortaleza",
        "moro em fortaleza",
        "Meu nome é Glória",
        "meu nome é vitória",
        "Prefiro a Aldeota",
        "Pode ligar amanhã às 15h",
        "gostaria de saber o preço",
        "Aceita FGTS?",
        "tem segurança 24h?",
        "sou autônomo",
        "vou financiar pelo banco",
        "a visita está marcada pra sexta",
        "não tenho carro",
        "não preciso de piscina",
        "Quero mais de 3 quartos",
        "Não quero mais de 3 quartos",
        "pode ser para de manhã",
        "ok",
        "sim",
        "tá bom, pode ser sábado",
        "Bom dia",
        "",
    ],
)
def test_facts_are_neutral(text: str) -> None:
    assert analyze(text).label == "neutral", analyze(text)


def test_plain_vader_misreads_portuguese_no() -> None:
    # "no" is an English negation for VADER; here it is "em + o".
    assert VaderAnalyzer().polarity_scores("Quero 3 quartos no Leblon")["compound"] < 0
    assert analyze("Quero 3 quartos no Leblon").label == "neutral"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("gostei", "positive"),
        ("não gostei", "negative"),
        ("nao gostei", "negative"),
        ("n gostei", "negative"),
        ("nunca gostei", "negative"),
        ("não é ruim", "positive"),
        ("Não é nada bom", "negative"),  # negative concord: one negation
        ("não gostei nada da casa", "negative"),
        ("sem problema", "positive"),
        ("problema nenhum", "positive"),  # postposed negative
        ("nada a reclamar", "positive"),
        ("não tenho do que reclamar", "positive"),  # function words do not count as distance
        ("ninguém resolve meu problema", "negative"),  # negation stops at the nearest word
        ("não tenho interesse", "negative"),
        ("que falta de atenção", "negative"),  # "falta de" negates
        ("nunca vi tanta enrolação", "negative"),  # VADER's "never so": emphatic
    ],
)
def test_negation(text: str, label: str) -> None:
    assert analyze(text).label == label, analyze(text)


def test_boosters_and_dampeners() -> None:
    base = analyze("achei caro").compound
    assert analyze("achei muito caro").compound < base
    assert analyze("achei caro demais").compound < base  # Portuguese post-position booster
    assert analyze("achei meio caro").compound > base
    assert analyze("achei meio caro").label == "negative"
    assert analyze("muito bom").compound > analyze("bom").compound
    assert analyze("gostei muito").compound > analyze("gostei").compound
    assert analyze("PÉSSIMO atendimento").compound < analyze("péssimo atendimento").compound


def test_contrast_and_concession() -> None:
    assert analyze("Gostei, mas achei caro").label == "negative"
    assert analyze("Achei caro, mas gostei").label == "positive"
    assert analyze("Achei caro, porém gostei muito").label == "positive"
    assert analyze("Apesar do preço salgado, gostei muito").label == "positive"
    assert analyze("gostei do projeto").compound > analyze("gostei, mas...").compound * 0


def test_accent_and_case_insensitive() -> None:
    for variants in (
        ("Péssimo", "pessimo", "PESSIMO", "péssimo"),
        ("Ótimo", "otimo", "ÓTIMO"),
        ("não gostei", "nao gostei", "NÃO GOSTEI", "Nao Gostei"),
        ("incrível", "incrivel"),
    ):
        labels = {analyze(v).label for v in variants}
        assert len(labels) == 1, (variants, labels)


def test_inflections_are_derived() -> None:
    for text in ("amei", "adoramos", "curtimos", "me apaixonei", "lindíssima", "gostou"):
        assert analyze(text).label == "positive", text
    for text in ("odiei", "me decepcionou", "detestamos", "caríssimo", "cansei"):
        assert analyze(text).label == "negative", text


def test_emoji_and_emoticons() -> None:
    assert analyze("😍").label == "positive"
    assert analyze("👍").label == "positive"
    assert analyze("😡").label == "negative"
    assert analyze("👎").label == "negative"
    assert analyze(":)").label == "positive"
    assert analyze(":(").label == "negative"
    assert (
        analyze("Fiquei encantada com a área de lazer 😍").compound
        > analyze("Fiquei encantada com a área de lazer").compound
    )
    assert analyze("ok ❤️").label == "positive"  # variation selector ignored
    assert analyze("kkkkk").label == "positive"
    assert analyze("Pode ser às 8)").label == "neutral"  # not an emoticon


def test_elongation_and_slang() -> None:
    assert analyze("lindooo demaaais").label == "positive"
    assert analyze("gostei d+").label == "positive"
    assert analyze("vcs são demais").label == "positive"
    assert analyze("Tá cara").label == "negative"  # "cara" as an adjective
    assert analyze("cara, adorei").label == "positive"  # "cara" = dude


def test_domain_words() -> None:
    for text in ("caro", "que chato", "pare de me mandar mensagem", "desisti", "chega!"):
        assert analyze(text).label == "negative", text
    assert analyze("tenho interesse").label == "positive"
    assert analyze("quando chega a chave?").label == "neutral"


def test_scoring_is_cheap() -> None:
    texts = [text for _, text in load(LEADS_TSV)]
    analyzer()
    start = time.perf_counter()
    for text in texts:
        analyze(text)
    per_message = (time.perf_counter() - start) / len(texts)
    assert per_message < 1e-3, f"{per_message * 1e6:.0f} µs per message"


def test_hostile_threshold_is_documented() -> None:
    assert HOSTILE_THRESHOLD == -0.6
    assert analyze("péssimo atendimento, vocês são uma vergonha").compound <= HOSTILE_THRESHOLD
    assert analyze("achei caro").compound > HOSTILE_THRESHOLD


# --- never raises ----------------------------------------------------------------------------

ANY_CHAR = st.characters(codec=None, exclude_categories=())  # surrogates and controls too
LEAD_WORDS = st.sampled_from(
    [
        "não",
        "nao",
        "nunca",
        "nem",
        "sem",
        "nada",
        "muito",
        "demais",
        "super",
        "pouco",
        "meio",
        "mas",
        "porém",
        "apesar",
        "embora",
        "gostei",
        "amei",
        "caro",
        "chato",
        "pare",
        "para",
        "de",
        "me",
        "mandar",
        "mensagem",
        "quero",
        "mais",
        "de",
        "3",
        "quartos",
        "no",
        "Fortaleza",
        "PÉSSIMO",
        "ótimo",
        "kkkk",
        ":)",
        ":(",
        "😍",
        "😡",
        "❤️",
        "!",
        "?",
        ",",
        ".",
        "...",
        "d+",
        "bem",
        "feito",
        "chega",
        "cara",
        "\n",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.text(ANY_CHAR, max_size=200))
def test_never_raises_on_any_text(text: str) -> None:
    scores = analyzer().polarity_scores(text)  # unguarded: bugs would surface here
    assert -1.0 <= scores["compound"] <= 1.0
    s = analyze(text)
    assert -1.0 <= s.compound <= 1.0
    assert s.label in LABELS
    assert handoff_reason(text) in (None, "hostile", "opt_out", "human")


@settings(max_examples=300, deadline=None)
@given(st.lists(LEAD_WORDS, max_size=30).map(" ".join))
def test_never_raises_on_lead_like_text(text: str) -> None:
    scores = analyzer().polarity_scores(text)
    assert -1.0 <= scores["compound"] <= 1.0
    assert handoff_reason(text) in (None, "hostile", "opt_out", "human")


def test_huge_and_odd_inputs() -> None:
    for text in ("\ud800", "\x00\x07\x1b", "a" * 1_000_000, "não " * 50_000, "?!" * 10_000):
        s = analyze(text)
        assert -1.0 <= s.compound <= 1.0
        handoff_reason(text)
