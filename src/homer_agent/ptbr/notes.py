"""Short typed notes for the broker, read from a lead's pt-BR message (pure functions).

Beyond the five facts, a broker wants to know who the lead is: "2 filhos", "tem
cachorro", "quer suíte", "vai usar FGTS", "quer se mudar até março", "achou o condomínio
caro", "perguntou sobre segurança". `read_notes` finds them in one message with the same
precision-first rule as the facts: a note nobody gave is a wrong fact, so a statement is
read only when the lead says it of themselves, now, and means it:

- only first-person verbs start a statement ("tenho", "quero", "vou usar", "achei"):
  "minha irmã tem 3 filhos" and "meu amigo achou caro" give nothing;
- a negation between the clause's start and the thing ("não tenho filhos", "quero casa
  sem piscina") drops it;
- a hypothetical clause ("se eu tivesse filhos", "talvez um dia", "caso eu financie"), a
  hedged sentence ("acho que", "tanto faz", "não sei se") and the past ("eu tinha um
  cachorro") give nothing;
- a message that laughs ("kkkk", "hahaha", "rsrs") gives no statement at all;
- a question gives only a `question` note on its topic ("aceita pet?" is "perguntou
  sobre pets", never "tem pet"); a question about a feature ("tem piscina?") gives none.

Texts are canonical, so the same note said twice is one note (see `Note`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final, Literal, get_args

from homer_agent.ptbr.facts import declines_name
from homer_agent.ptbr.lexicon import MONTH_NAMES, month_number, number_word
from homer_agent.ptbr.text import LAUGHTER, fold

__all__ = [
    "CATEGORIES",
    "NAME_WITHHELD",
    "NOTE_CATEGORY_LABELS",
    "Category",
    "Note",
    "merge_notes",
    "read_notes",
]

Category = Literal["family", "pets", "preference", "financing", "move_in", "objection", "question"]
CATEGORIES: Final[tuple[Category, ...]] = get_args(Category)

NOTE_CATEGORY_LABELS: Final[dict[str, str]] = {
    "family": "família",
    "pets": "pets",
    "preference": "preferência",
    "financing": "pagamento",
    "move_in": "mudança",
    "objection": "objeção",
    "question": "pergunta",
}
"""How each category is named to a broker (pt-BR)."""


NAME_WITHHELD: Final = "prefere não dizer o nome"
"""The note of a lead who refused to give their name ("não quero dar meu nome agr não"):
the broker knows why the lead has none, and the agent, which reads the notes in its
prompt, does not ask for it again."""


@dataclass(frozen=True, slots=True)
class Note:
    """One note: its category and a short pt-BR text ("2 filhos", "quer suíte")."""

    category: Category
    text: str


# ---------------------------------------------------------------------------
# Guards

_JOKING: Final = re.compile(r"brincadeira|😂|🤣")
"""Besides written laughter (`text.LAUGHTER`), what says a message is a joke."""
_NEGATION: Final = re.compile(r"\b(?:nao|nem|nunca|jamais|sem|nenhum|nenhuma)\b")
_HYPOTHETICAL: Final = re.compile(
    r"\b(?:se|caso|talvez|quem sabe|um dia|seria|sei la|pode ser que|tivesse|tiver|fosse)\b"
)
_AND_THE: Final = re.compile(r"\s*e (?:o|a|os|as)\b")
# Anywhere in a sentence, these take back what it says ("queria piscina, mas tanto faz").
_HEDGE: Final = re.compile(
    r"\b(?:acho que|tanto faz|nao sei se|ainda nao sei|nao faco questao|nao e essencial|"
    r"pensando em|nao tenho certeza)\b"
)
_SENTENCE: Final = re.compile(r"[^.!?\n]+[.!?]*")
# Where a clause ends for the guards: a comma, "mas", "porque", "e" (so "quero piscina e
# não quero suíte" keeps its two halves apart).
_BOUNDARY: Final = re.compile(r"[,;:]|\b(?:mas|porem|porque|pois|e)\b")
# Where what a verb governs ends: "preciso de quintal porque tenho cachorro", and another
# subject ("tenho 2 filhos e minha irmã tem um gato").
_TAIL_END: Final = re.compile(r"[;:]|\b(?:mas|porem|porque|pois|que)\b")
_SUBJECT: Final = re.compile(r"\b(?:meu|minha|meus|minhas|ele|ela|eles|elas)\b")
_QUESTION_START: Final = re.compile(
    r"^(?:qual|quais|quant[oa]s?|como|quando|onde|aceita[m]?|tem|teem|posso|podemos|pode|"
    r"podem|da pra|da para|existe[m]?|ha|voces|vcs|e seguro|o bairro e)\b"
)

# ---------------------------------------------------------------------------
# What the lead says of themselves

_COUNT: Final = r"(\d{1,2}|um|uma|dois|duas|tres|quatro|cinco|seis)"
_MOST: Final = 10
"""More children or pets than this is a joke, not a note."""
_HAVE: Final = re.compile(r"\b(?:tenho|temos|a gente tem|somos|sou (?:pai|mae) de)\b")
_CHILDREN: Final = re.compile(_COUNT + r"\s+(filhos?|filhas?|criancas?)\b")
_PET_WORDS: Final = {
    "cachorro": "cachorro",
    "cachorra": "cachorro",
    "cachorrinho": "cachorro",
    "cao": "cachorro",
    "gato": "gato",
    "gata": "gato",
    "gatinho": "gato",
    "cachorrinha": "cachorro",
    "gatinha": "gato",
    "pet": "pet",
}
_PETS: Final = re.compile(
    r"(?:"
    + _COUNT
    + r"\s+)?\b(cachorr(?:o|a|inho|inha)s?|caes|cao|gat(?:o|a|inho|inha)s?|pets?)\b(?!-)"
)
_WANT: Final = re.compile(
    r"\b(?:quero|queria|queremos|gostaria de|gostariamos de|prefiro|preferimos|preciso de|"
    r"precisamos de|preciso|precisamos|faco questao de|fazemos questao de|procuro|procuramos|"
    r"busco|buscamos)\b"
)
_FEATURES: Final[tuple[tuple[str, str], ...]] = (
    (r"suites?", "quer suíte"),
    (r"piscinas?", "quer piscina"),
    (r"quintal|quintais", "quer quintal"),
    (r"varandas?", "quer varanda"),
    (r"garage(?:m|ns)", "quer garagem"),
    (r"(?:casa )?terrea", "quer casa térrea"),
    (r"area gourmet", "quer área gourmet"),
)
_FEATURE: Final = re.compile(r"\b(" + "|".join(pattern for pattern, _ in _FEATURES) + r")\b")
_WITH_FEATURE: Final = re.compile(r"\bcom\s+(?:uma\s+|um\s+)?(suites?|piscina|quintal|varanda)\b")
_WILL: Final = r"\b(?:vou|vamos|a gente vai|pretendo|pretendemos|quero|queremos)"
_FGTS: Final = re.compile(_WILL + r" (?:usar|utilizar) (?:o |meu |nosso |o meu |o nosso )?fgts\b")
_FINANCE: Final = re.compile(r"\b(?:preciso|precisamos) financiar\b|" + _WILL + r" financiar\b")
_CASH: Final = re.compile(_WILL + r" pagar (?:tudo )?a vista\b")
_MOVE: Final = re.compile(
    r"\b(?:quero|queremos|queria|preciso|precisamos|pretendo|pretendemos|gostaria de|"
    r"gostariamos de) (?:me |nos )?mudar\b"
)
_MOVE_MONTH: Final = re.compile(
    r"^\s*(?:ate|antes de|antes do fim de|em|no mes de|ainda em)\s+([a-z]+)\b"
)
_MOVE_SOON: Final = re.compile(r"^\s*(?:o quanto antes|logo|rapido|urgente|com urgencia)\b")
_FOUND: Final = re.compile(r"\b(?:achei|achamos)\b")
_OBJECTIONS: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (
        re.compile(
            r"^\s*(?:a taxa d)?o condominio (?:meio |um pouco |muito |bem )?(?:caro|salgado|alto)"
        ),
        "achou o condomínio caro",
    ),
    (
        re.compile(
            r"^\s*(?:o (?:preco|valor) |as casas |a casa )?(?:meio |um pouco |muito |bem )?"
            r"(?:caro|caras|salgado|alto)\b"
        ),
        "achou o preço alto",
    ),
    (re.compile(r"^\s*(?:meio |um pouco |muito |bem )?longe\b"), "achou longe"),
)

# ---------------------------------------------------------------------------
# What a question asks about (only topics a broker prepares for)

_TOPICS: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (
        re.compile(
            r"\bseguran|portaria|vigilancia|assalto|"
            r"\b(?:e|eh|bairro|lugar|local|regiao|area|condominio) segur[oa]\b(?! que)"
        ),
        "segurança",
    ),
    (re.compile(r"\bpets?\b|\bcachorr(?!o-quente)|\bgat[oa]s?\b|\banima(?:l|is)\b"), "pets"),
    (
        re.compile(
            r"condominio.*\b(?:quanto|valor|taxa|caro|custa|preco)|"
            r"\b(?:quanto|valor|taxa|caro|custa|preco)\b.*condominio"
        ),
        "o condomínio",
    ),
    (re.compile(r"\bfgts\b"), "FGTS"),
    (re.compile(r"\bfinanci|\bparcela"), "financiamento"),
    (re.compile(r"\bescolas?\b|\bcolegios?\b|\bcreches?\b"), "escolas"),
    (re.compile(r"\bentrega|\bficam? pront|\bprazo da obra"), "a entrega"),
)


def _count(word: str | None) -> int | None:
    if word is None:
        return None
    return int(word) if word.isdigit() else number_word(word)


def _clause_start(folded: str, at: int) -> int:
    """Where the clause holding position `at` starts."""
    start = 0
    for match in _BOUNDARY.finditer(folded, 0, at):
        start = match.end()
    return start


def _clause_end(folded: str, at: int) -> int:
    match = _BOUNDARY.search(folded, at)
    return match.start() if match else len(folded)


def _tail(folded: str, at: int, *, members: bool = False) -> str:
    """What a verb ending at `at` governs: up to the next "mas", "porque", "que" or,
    unless it lists the family's `members` ("somos eu, minha esposa e 3 filhos"), the
    next subject ("minha irmã")."""
    match = _TAIL_END.search(folded, at)
    tail = folded[at : match.start() if match else len(folded)]
    other = None if members else _SUBJECT.search(tail)
    return tail[: other.start()] if other else tail


def _said(folded: str, start: int, end: int) -> bool:
    """Whether the lead asserts what spans `start:end`: no negation from its clause's
    start, no hypothetical in its clause."""
    begin = _clause_start(folded, start)
    clause = folded[begin : _clause_end(folded, end)]
    if _NEGATION.search(folded[begin:end]) or re.search(r"\bnao\s*$", clause):
        return False  # "não tenho filhos", "achei longe não"
    return not (_HYPOTHETICAL.search(clause) or _HEDGE.search(folded))


def _is_question(clause: str, last: bool, asked: bool) -> bool:
    return (last and asked) or bool(_QUESTION_START.match(clause.strip()))


def _statements(folded: str) -> list[Note]:
    notes: list[Note] = []
    for verb in _HAVE.finditer(folded):
        if not _said(folded, verb.start(), verb.end()):
            continue
        tail = _tail(folded, verb.end(), members=verb.group(0) == "somos")
        for match in _CHILDREN.finditer(tail):
            count = _count(match.group(1))
            if not 1 <= (count or 0) <= _MOST or _NEGATION.search(tail[: match.start()]):
                continue  # "tenho 0 filhos", "tenho 20 filhos"
            assert count is not None
            noun = match.group(2)
            noun = noun.rstrip("s") + "s" if count > 1 else noun.rstrip("s")
            notes.append(Note("family", f"{count} {noun.replace('criancas', 'crianças')}"))
        if verb.group(0).startswith(("somos", "sou")):  # "somos eu e 2 filhos": no pets
            continue
        for match in _PETS.finditer(tail):
            if _NEGATION.search(tail[: match.start()]):
                continue
            noun = match.group(2)
            kind = _PET_WORDS.get(noun.rstrip("s").replace("cae", "cao"), "pet")
            count = _count(match.group(1)) or (2 if noun.endswith("s") else 1)
            if count > _MOST:
                continue
            plural = "cachorros" if kind == "cachorro" else f"{kind}s"
            notes.append(Note("pets", f"tem {kind}" if count == 1 else f"tem {count} {plural}"))
    for verb in _WANT.finditer(folded):
        if not _said(folded, verb.start(), verb.end()):
            continue
        tail = _tail(folded, verb.end())
        for match in _FEATURE.finditer(tail):
            if not _NEGATION.search(tail[: match.start()]):
                notes.append(Note("preference", _feature(match.group(1))))
    for match in _WITH_FEATURE.finditer(folded):
        # "com suíte" alone or after the bedrooms ("3 quartos com suíte"), never after
        # what the lead has ("tenho uma casa com piscina").
        before = folded[_clause_start(folded, match.start()) : match.start()].strip()
        if (before.endswith("quartos") or not before) and _said(folded, match.start(), match.end()):
            notes.append(Note("preference", _feature(match.group(1))))
    for pattern, text in (
        (_FGTS, "vai usar FGTS"),
        (_FINANCE, "vai financiar"),
        (_CASH, "vai pagar à vista"),
    ):
        for match in pattern.finditer(folded):
            if _said(folded, match.start(), match.end()):
                notes.append(Note("financing", text))
    for match in _MOVE.finditer(folded):
        if not _said(folded, match.start(), match.end()):
            continue
        rest = folded[match.end() :]
        when = _MOVE_MONTH.match(rest)
        month = month_number(when.group(1)) if when else None
        if when is not None and month is not None:
            word = "em" if when.group(0).split()[0] in ("em", "no", "ainda") else "até"
            notes.append(Note("move_in", f"quer se mudar {word} {MONTH_NAMES[month - 1]}"))
        elif _MOVE_SOON.match(rest):
            notes.append(Note("move_in", "quer se mudar logo"))
    for match in _FOUND.finditer(folded):
        if not _said(folded, match.start(), match.end()):
            continue
        rest = folded[match.end() :]
        for pattern, text in _OBJECTIONS:
            if pattern.match(rest):
                # "achei caro o condomínio" is about the fee, not the price.
                fee = "condominio" in rest[: _clause_end(rest, 0)]
                notes.append(Note("objection", "achou o condomínio caro" if fee else text))
                break
    return notes


def _feature(word: str) -> str:
    for pattern, text in _FEATURES:
        if re.fullmatch(pattern, word):
            return text
    raise ValueError(word)  # pragma: no cover - _FEATURE only matches _FEATURES


def read_notes(text: str) -> list[Note]:
    """The notes one message gives, in the order said, each once."""
    folded = fold(text)
    laughs = bool(LAUGHTER.search(folded) or _JOKING.search(folded))
    notes: list[Note] = []
    for sentence in _SENTENCE.findall(folded):
        asked = sentence.rstrip().endswith("?")
        clauses = [part for part in re.split(r"[,;]", sentence.rstrip(" .!?")) if part.strip()]
        asking = [_is_question(c, i == len(clauses) - 1, asked) for i, c in enumerate(clauses)]
        # "e o condomínio, quanto é?": a clause opening with "e o" is part of the question.
        for i in range(len(clauses) - 2, -1, -1):
            asking[i] = asking[i] or (asking[i + 1] and bool(_AND_THE.match(clauses[i])))
        statement = [" " if asks else clause for clause, asks in zip(clauses, asking, strict=True)]
        question = " ".join(clause for clause, asks in zip(clauses, asking, strict=True) if asks)
        for pattern, topic in _TOPICS:
            if question and pattern.search(question):
                notes.append(Note("question", f"perguntou sobre {topic}"))
        if not laughs:
            notes.extend(_statements(",".join(statement)))
    if declines_name(text):
        notes.append(Note("preference", NAME_WITHHELD))
    return merge_notes(notes)


def merge_notes(*groups: Iterable[Note]) -> list[Note]:
    """Notes from several places, each once, in the order first seen."""
    seen: dict[Note, None] = {}
    for group in groups:
        for note in group:
            seen.setdefault(note, None)
    return list(seen)


def read_conversation(messages: Sequence[str]) -> list[Note]:
    """Every note a lead's messages give, each once."""
    return merge_notes(*(read_notes(message) for message in messages))
