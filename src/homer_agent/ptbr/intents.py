"""What a pt-BR message asks for, apart from facts: a hand-off, thanks, a greeting, a question.

`handoff_reason` decides whether a message goes to a person instead of the agent:

* "opt_out": the lead asks us to stop ("pare de me mandar mensagem", "não quero mais",
  "me tira da lista", "não tenho interesse"); comparisons such as "não quero mais de 3
  quartos" are not opt-outs.
* "human": the lead asks for a person ("quero falar com um corretor", "me passa pro
  corretor", "tem alguém aí de verdade?"), unless negated or said with a day or a time
  ("quero falar com o corretor na segunda" asks for a broker's call, which is booked).
* "hostile": hostility towards us — a curse ("vai se ferrar"), an insult or a clearly
  negative message (compound <= `HOSTILE_THRESHOLD`) aimed at us ("vocês", "atendimento",
  "robô"), or with nothing else in it ("Horrível, péssimo, ridículo"). Swearing about
  something else ("que merda de trânsito, mas vamos lá: 3 quartos", "o banco é uma
  merda") is not hostility towards us, and the facts in the message are still read.

Phrase rules are case- and accent-insensitive. When several apply, the first in the order
above wins: an opt-out must be honoured even when it is rude.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from typing import Final, Literal

from homer_agent.ptbr.lexicon import CONTACT_VERB_STEMS, GREETING_PATTERN
from homer_agent.ptbr.sentiment import HOSTILE_THRESHOLD, analyze, analyzer
from homer_agent.ptbr.text import fold
from homer_agent.ptbr.times import when_parts

__all__ = [
    "CallTarget",
    "HandoffReason",
    "accepts_proposal",
    "announces_call",
    "asks_for_human",
    "call_goes_to",
    "concedes",
    "delegates_choice",
    "handoff_reason",
    "hard_times",
    "is_greeting",
    "is_hostile",
    "is_question",
    "is_thanks",
    "is_yes",
    "opts_out",
    "takes_time",
    "wants_to_continue",
]

log = logging.getLogger(__name__)

HandoffReason = Literal["hostile", "opt_out", "human"]

_MAX_CHARS: Final = 20_000
_END = r"(?=\s*(?:$|[.,;:!?)]))"
_NEGATED_BEFORE = re.compile(r"\b(?:nao|n|nem|nunca|jamais|sem)\s+(?:\w+\s+){0,2}$")

_OPT_OUT = re.compile(
    "|".join(
        (
            # "pare de me mandar mensagem", "para de ligar", "parem de insistir"
            r"\bpar(?:e|a|em|ar)\s+de\s+(?:me\s+|nos\s+|ficar\s+|tanto\s+)?"
            r"(?:" + "|".join(CONTACT_VERB_STEMS) + r")\w*",
            # "não me mande mais", "não liga mais"
            r"\bn(?:ao)?\s+(?:me\s+|nos\s+)?(?:mand|envi|lig|cham|procur|incomod|perturb|escrev)\w*"
            r"\s+(?:\w+\s+){0,2}mais\b",
            # "não quero mais", "não quero mais receber" (not "não quero mais de 3 quartos")
            r"\bn(?:ao)?\s+(?:quero|queremos|desejo|vou\s+querer|tenho)\s+mais"
            r"(?:" + _END + r"|\s+(?:receber|mensag|msg|contato|ser\s+contat|nada|saber|conversa"
            r"|falar|comprar|negocio|nenhum|isso|interesse|obrigad|por\s+favor|pfv|vlw|valeu))",
            # "não quero receber mensagens"
            r"\bn(?:ao)?\s+(?:quero|desejo|gostaria\s+de)\s+(?:mais\s+)?"
            r"(?:receber|ser\s+contatad|ser\s+incomodad|contato)",
            # "não tenho interesse", "sem interesse", "perdi o interesse"
            r"\b(?:n(?:ao)?\s+(?:tenho|temos)|sem)\s+(?:mais\s+|nenhum\s+)?interesse"
            r"(?:" + _END + r"|\s+(?:nenhum|mais|no\s+momento|agora|nisso|obrigad))",
            r"\bperd(?:i|emos|eu)\s+(?:o\s+|todo\s+o\s+)?interesse\b",
            r"\bn(?:ao)?\s+(?:me\s+)?interessa(?:\s+mais)?" + _END,
            # "me tira da lista", "remove meu número", "descadastrar"
            r"\b(?:tir|remov|exclu|apag|delet|retir)\w*\s+(?:o\s+)?(?:meu\s+|me\s+)?"
            r"(?:(?:da|dessa|desta|de\s+sua|da\s+sua)\s+lista|numero|contato|cadastro|telefone)",
            r"\bdescadastr\w*",
            r"\bchega\s+de\s+(?:mensag|msg|ligac|liga|insist|spam|contato)",
            r"\bme\s+deix(?:a|e|em)\s+em\s+paz\b",
            r"\bdesist(?:i|o|imos)\b(?:" + _END + r"|\s+(?:de|da|do)\s+"
            r"(?:compra|comprar|imovel|casa|negocio|ideia|tudo|voces|vcs))",
            # a bare "stop" / "sair" / "pare" message
            r"^\s*(?:stop|sair|parar|pare|cancelar|chega)\s*[.!]*\s*$",
        )
    )
)

_AGENT = (
    r"(?:corretor|corretora|atendente|humano|humana|pessoa|gente\s+de\s+verdade|alguem|"
    r"vendedor|vendedora|consultor|consultora|gerente|responsavel|supervisor|supervisora|"
    r"especialista|funcionario|funcionaria|operador|operadora)"
)
_ARTICLE = r"(?:um|uma|o|a|algum|alguma|seu|sua)?\s*"
_HUMAN = re.compile(
    "|".join(
        (
            # "quero falar com um corretor", "posso falar com alguém?"
            r"\b(?:quero|queria|gostaria\s+de|preciso|prefiro|posso|poderia|pode|podia|da\s+pra|"
            r"da\s+para|tem\s+como|deixa\s+eu|me\s+deixa|vou|bora|quer)\s+(?:\w+\s+)?"
            r"(?:falar|conversar|tratar|ser\s+atendid\w*)\s+(?:direto\s+)?com\s+"
            + _ARTICLE
            + _AGENT,
            r"^\s*(?:falar|conversar)\s+com\s+" + _ARTICLE + _AGENT,
            # "me passa pra um atendente", "pode me passar pro corretor?", "transfere pro corretor"
            r"\b(?:pass|transfer|transfir|encaminh|coloc|conect|cham|mand)\w*\s+(?:\w+\s+)?"
            r"(?:pra|para|pro|pra\s+o|pra\s+a|com)?\s*" + _ARTICLE + _AGENT,
            r"\bliga\s+(?:pra|para|pro)\s+" + _ARTICLE + _AGENT,
            # "o contato do corretor", "me passa o telefone de um corretor"
            r"\b(?:contato|telefone|numero|whatsapp|zap)\s+(?:do|da|de\s+um|de\s+uma|de\s+algum)\s+"
            + _AGENT,
            # "falar com uma pessoa de verdade", "tem alguém aí de verdade?"
            r"\b(?:pessoa|gente|humano|alguem)\s+(?:ai\s+|aqui\s+|ai\s+mesmo\s+)?"
            r"(?:de\s+verdade|real|de\s+carne\s+e\s+osso)",
            r"\bser\s+humano\b",
            r"\batendimento\s+humano\b",
            r"\bn(?:ao)?\s+quero\s+(?:falar\s+com\s+)?(?:um\s+|uma\s+|o\s+|a\s+)?"
            r"(?:robo|bot|maquina|ia|inteligencia\s+artificial)\b",
            # a bare "atendente" / "humano" / "corretor" message
            r"^\s*(?:um\s+|uma\s+)?(?:atendente|humano|corretor|corretora)\s*[.!?]*\s*"
            r"(?:pfv|por\s+favor)?\s*[.!?]*\s*$",
        )
    )
)

# Hostility: curses are always aimed at whoever reads them; swear words and insults are
# hostile when aimed at us or when the message holds nothing else.
_CURSES: Final = frozenset(
    {"vai se ferrar", "vai tomar no cu", "vai pro inferno", "vsf", "vtnc", "fdp"}
)
_US = re.compile(
    r"\b(?:voce|voces|vc|vcs|ce|ces|tu|te|teu|tua|robo|robozinho|bot|maquina|atendimento|"
    r"atendente|assistente|homer|empresa|imobiliaria|construtora|empreendimento|esse\s+chat|"
    r"essa\s+conversa|esse\s+sistema|essa\s+ia|isso\s+aqui"
    r"|ninguem\s+(?:me\s+)?(?:responde|atende|retorna|liga|fala))\b"
)
# "merda de trânsito", "o banco é uma merda", "esse trânsito está horrível": about something else.
_OTHER_TARGET = re.compile(
    r"\b(?:de|do|da|com\s+(?:o|a|esse|essa))\s+(?!voces?\b|vcs?\b|atendimento\b|robo\b|bot\b)"
    r"[a-z]{3,}"
    r"|^\s*(?:(?:o|a|os|as|esse|essa|este|esta|meu|minha|nosso|nossa)\s+)?"
    r"(?!voces?\b|vcs?\b|isso\b|isto\b|atendimento\b|robo\b|bot\b|tu\b|ce\b)[a-z]{3,}\s+"
    r"(?:e|eh|ta|esta|estava|foi|anda|fica|ficou)\b"
)
# Something the lead tells us about the home: the swearing around it is not for us.
_FACT_CONTENT = re.compile(
    r"\d|\b(?:quartos?|dormitorios?|suites?|orcamento|mil|milhao|milhoes|reais|bairro|"
    r"regiao|me\s+chamo|meu\s+nome|pode\s+ligar|me\s+liga|ligar)\b"
)

# The lead's worry about what may come ("tenho medo de ficar pesado", "receio que atrase",
# "fico preocupada com a segurança"): a feeling about the future, no complaint about us;
# its clause carries no weight in the hostility score.
_WORRY = re.compile(
    r"\b(?:(?:tenho|tinha|temos|to|tou|estou|estamos|fico|ficamos|fiquei|ando|sou|com|me da)\s+"
    r"(?:um\s+|uma\s+|muito\s+|mt\s+|mto\s+|meio\s+|um\s+pouco\s+(?:de\s+)?|bem\s+)?)?"
    r"(?:medo|receio|receiosa?|preocupad[oa]s?|preocupacao|preocupacoes|apreensiv[oa]s?"
    r"|me\s+preocupa\w*|receio\s+que)\b[^.!?;,\n]*"
)
# The lead's dislike of a thing ("detesto banheira", "odeio carpete", "não curto piso de
# madeira"): a taste about the house, no complaint about us; its clause carries no weight
# in the hostility score either, unless it names us ("odeio esse atendimento").
_DISLIKE = re.compile(
    r"\b(?:detesto|detestamos|odeio|odiamos|abomino|nao\s+(?:gosto|gostamos|curto|curtimos)"
    r"|tenho\s+(?:horror|ranco|pavor))\s+(?:de\s+|d[oa]s?\s+|[oa]s?\s+)?"
    # Not a dislike of everything, of what was said, or of how we keep the lead waiting.
    r"(?!(?:[a-z]+\s+)?(?:tudo|isso|isto|aquilo|demora|espera|atraso|enrolacao|descaso"
    r"|palhacada)\b)[a-z]{3,}[^.!?;,\n]*"
)

# The lead's complaint about their own life where they are ("moro no conj Ceará mas tá mt
# violento", "o trânsito daqui é uma merda", "o barulho dos vizinhos é insuportável", "o
# aluguel tá um absurdo"): a reason to move, no complaint about us. A clause (up to its
# punctuation) with a word of where the lead lives or of its troubles carries no weight in
# the hostility score, and an insult inside it is about that, unless the clause names us.
_LIFE_WORDS: Final = (
    # where the lead lives now, and moving out of it
    r"mor(?:o|amos|a|am|ava|avamos|ei|ar|ando)|viv(?:o|emos|e|em)|bairro|rua|vizinh\w*"
    r"|vizinhanca|quebrada|comunidade|conjunto|conj|alug\w*|sair\s+daqui|mudar\s+daqui"
    r"|me\s+mudar|nos\s+mudar|mudar\s+de\s+(?:bairro|casa|cidade)"
    # violence
    r"|violen\w*|perigos\w*|perigo|assalt\w*|roub(?:o|os|am|aram|ando)|furtos?|tiros?"
    r"|tiroteios?|bala\s+perdida|bandid\w*|ladr(?:ao|oes|ona|onas)|crimes?|criminalidade"
    r"|trafic\w*|faccao|faccoes|insegur\w*|seguranca"
    # noise, traffic and the town's other troubles
    r"|barulh\w*|zoada|zuada|transito|engarrafament\w*|congestionament\w*|onibus|busao"
    r"|enchentes?|alag\w*|calor|esgoto|buracos?|poeira"
)
_LIFE_WORD = re.compile(r"\b(?:" + _LIFE_WORDS + r")\b")

# The lead's own past experience told as a story ("comprei um ap na planta em 2012 e as
# parcelas subiram, fiquei traumatizado", "já fui enganada por corretor", "tive uma
# experiência horrível com financiamento"): a reason for a question, no complaint about
# us. A sentence with a first-person past verb of what happened to the lead carries no
# weight in the hostility score, unless it names us or how we served the lead ("fui mal
# atendido", "esperei duas horas").
_PAST_STORY = re.compile(
    r"\b(?:comprei|compramos|fiquei|ficamos|tive|tivemos|perdi|perdemos|paguei|pagamos"
    r"|cai|caimos|passei|passamos|sofri|sofremos|levei|levamos|aluguei|alugamos"
    r"|(?:fui|fomos)\s+(?:\w+\s+)?(?:enganad|roubad|assaltad|lesad|passad)\w*)\b"
)
# A rule asked about ("isso pode ou o condomínio proíbe?", "é proibido ter cachorro?"):
# "proibir" is the rule's word, no judgement; a question clause (up to its "?") with a word
# of what is allowed or forbidden carries no weight in the hostility score, unless it
# names us.
_RULE_WORD = re.compile(r"\b(?:proib\w*|permit\w*|vedad[oa]s?|liberad[oa]s?)\b")
_SERVED = re.compile(r"\b(?:atend\w*|respond\w*|respost\w*|ignor\w*|esper\w*|retorn\w*)\b")
# "uma construtora", "outra empresa": another party in the lead's story, not us.
_OTHER_PARTY = re.compile(
    r"\b(?:uma|outra|outras|outro|outros|numa|noutra|duma)\s+"
    r"(?:construtora|empresa|imobiliaria|empreendimento)\b"
)
_CLAUSE_START = re.compile(r"[.!?;,\n]")
_SENTENCE_END = re.compile(r"[.!?;\n]")
# "seus idiotas", "sua pilantra": an insult said to whoever reads it.
_CALLED = re.compile(r"\b(?:seu|seus|sua|suas)\s+([a-z]+)")

_THANKS: Final = re.compile(r"\b(?:obrigad\w*|valeu|vlw|agradec\w*|grat[oa])\b")
_YES: Final = re.compile(
    r"^\s*(?:sim|isso|isso\s+mesmo|exato|exatamente|correto|certo|confirmo|confirmado|"
    r"com\s+certeza|positivo|ta\s+certo|esta\s+certo|e\s+isso|e\s+isso\s+mesmo|e\s+esse|"
    r"e\s+esse\s+mesmo|esse\s+mesmo|pode\s+ser|pode\s+salvar|pode\s+anotar|s|ss|aham|uhum|"
    r"yes|ok|okay)\b(?:\s*[,.!]*\s*(?:sim|isso|mesmo|e\s+isso|esta\s+certo|ta\s+certo|"
    r"pode\s+anotar|pode\s+salvar|obrigad\w*|valeu))*\s*[.!]*\s*$"
)
_GREETING: Final = re.compile(r"\s*(?:" + GREETING_PATTERN + r")\b")
_QUESTION_WORDS: Final = re.compile(
    r"^\s*(?:qual|quais|quanto|quantos|quantas|onde|como|quando|por\s*que|o\s+que|que|quem|"
    r"tem|teria|existe|ha|voces\s+tem|da\s+pra|pode|posso|e\s+possivel)\b"
)


def _folded(text: str) -> str:
    return " ".join(fold(text[:_MAX_CHARS]).split())


def _matches_unnegated(
    pattern: re.Pattern[str], text: str, unless_before: re.Pattern[str] | None = None
) -> bool:
    """Whether `pattern` matches `text` somewhere not negated (nor right after what
    `unless_before` finds ending there)."""
    for match in pattern.finditer(text):
        before = text[: match.start()]
        if unless_before is not None and unless_before.search(before):
            continue
        # "não quero falar com um corretor", "nem precisa me passar pra um atendente"
        if match.group(0).lstrip().startswith(("n ", "nao ")) or not _NEGATED_BEFORE.search(before):
            return True
    return False


def opts_out(text: str) -> bool:
    """The lead asks us to stop ("pare de me mandar mensagem", "não tenho interesse")."""
    return _matches_unnegated(_OPT_OUT, _folded(text))


# A topic put first, then the wish to talk it over with a broker: "valor eu prefiro
# conversar direto com o corretor", "sobre o financiamento, quero tratar com o corretor".
_TOPIC_FIRST = re.compile(
    r"(?:^|[.!?;]\s*)(?:(?:e|mas|ah|ai|entao|quanto|sobre|ao|a|o|as|os|parte|questao|de|do|"
    r"da|dos|das|esse|essa|isso)\s+)*"
    r"(?:valor|valores|preco|precos|orcamento|financiamento|pagamento|entrada|parcela|"
    r"parcelas|condicoes|negociacao|isso|essa\s+parte)"
    r"(?:\s+(?:de|do|da)\s+\w+)?\s*[,:]?\s*(?:(?:eu|a\s+gente|nos|ai|aqui)\s+)*$"
)


def asks_for_human(text: str) -> bool:
    """The lead asks for a person ("me passa pro corretor", "tem alguém aí de verdade?");
    not when a topic comes first ("valor eu prefiro conversar direto com o corretor",
    "o financiamento eu quero tratar com a corretora"): that topic is left for the broker's
    call, and the conversation goes on."""
    return _matches_unnegated(_HUMAN, _folded(text), unless_before=_TOPIC_FIRST)


def is_hostile(text: str) -> bool:
    """Hostility towards us (see the module docstring); swearing about other things is not."""
    engine = analyzer()
    words = set(engine.tokens(text[:_MAX_CHARS]))
    if words & _CURSES:
        return True
    insulting = bool(words & engine.insults)
    folded = _folded(text)
    if insulting and any(m.group(1) in engine.insults for m in _CALLED.finditer(folded)):
        return True
    # A worry's clause is the lead's feeling about the future, not a judgement of us
    # (unless it names us: "tenho medo desse atendimento horroroso de vocês").
    asides = [
        m
        for pattern in (_WORRY, _DISLIKE)
        for m in pattern.finditer(folded)
        if not _US.search(m.group())
    ]
    life = _life_clauses(folded)
    story = _past_stories(folded) or _rules_asked(folded)
    if asides or life or story:
        # A worry stated as the reason for a question leaves its whole sentence out.
        base = _without_worried_sentences(folded) if asides and "?" in folded else folded
        scored = _without_stories(
            _without_rules(_without_life(_DISLIKE.sub(_unless_us, _WORRY.sub(_unless_us, base))))
        )
    else:
        scored = text
    if not insulting and analyze(scored).compound > HOSTILE_THRESHOLD:
        return False
    if _US.search(folded):
        return True
    # "o trânsito daqui é uma merda": the insult is the lead's life's, not ours.
    if life and insulting and not (words & engine.insults & set(engine.tokens(scored))):
        return False
    return not (_OTHER_TARGET.search(folded) or _FACT_CONTENT.search(folded))


def _life_clauses(folded: str) -> list[tuple[int, int]]:
    """The spans of the clauses about the lead's life where they are (`_LIFE_WORDS`), each
    from its clause's start to its sentence's end ("tá perigoso onde a gente mora,
    péssimo"), that do not name us. Linear in the text's length."""
    marks = [m.start() for m in _CLAUSE_START.finditer(folded)]
    spans: list[tuple[int, int]] = []
    for match in _LIFE_WORD.finditer(folded):
        if spans and match.start() < spans[-1][1]:
            continue  # inside the clause already found
        k = bisect_left(marks, match.start())
        start = marks[k - 1] + 1 if k else 0
        end_mark = _SENTENCE_END.search(folded, match.end())
        spans.append((start, end_mark.start() if end_mark else len(folded)))
    return [(a, b) for a, b in spans if not _US.search(folded[a:b])]


def _past_stories(folded: str) -> list[tuple[int, int]]:
    """The spans of the sentences telling the lead's own past experience (`_PAST_STORY`)
    that name neither us (another party, "uma construtora", does not count) nor how we
    served the lead."""
    spans: list[tuple[int, int]] = []
    start = 0
    for end_mark in [*_SENTENCE_END.finditer(folded), None]:
        end = end_mark.start() if end_mark else len(folded)
        sentence = folded[start:end]
        if (
            _PAST_STORY.search(sentence)
            and not _US.search(_OTHER_PARTY.sub(" ", sentence))
            and not _SERVED.search(sentence)
        ):
            spans.append((start, end))
        start = end + 1
    return spans


def _rules_asked(folded: str) -> list[tuple[int, int]]:
    """The spans of the question clauses (from the clause's start to its "?") with a word
    of what is allowed or forbidden (`_RULE_WORD`) that do not name us. Linear in the
    text's length."""
    marks = [m.start() for m in _CLAUSE_START.finditer(folded)]
    spans: list[tuple[int, int]] = []
    for match in _RULE_WORD.finditer(folded):
        if spans and match.start() < spans[-1][1]:
            continue
        end_mark = _SENTENCE_END.search(folded, match.end())
        if end_mark is None or end_mark.group() != "?":
            continue
        k = bisect_left(marks, match.start())
        spans.append((marks[k - 1] + 1 if k else 0, end_mark.start()))
    return [(a, b) for a, b in spans if not _US.search(folded[a:b])]


def _without_rules(folded: str) -> str:
    """`folded` with its rule questions (`_rules_asked`) blanked out."""
    out = folded
    for start, end in reversed(_rules_asked(folded)):
        out = out[:start] + " " + out[end:]
    return out


def _without_stories(folded: str) -> str:
    """`folded` with its past-experience sentences (`_past_stories`) blanked out."""
    out = folded
    for start, end in reversed(_past_stories(folded)):
        out = out[:start] + " " + out[end:]
    return out


def _without_life(folded: str) -> str:
    """`folded` with its life clauses (`_life_clauses`) blanked out."""
    out = folded
    for start, end in reversed(_life_clauses(folded)):
        out = out[:start] + " " + out[end:]
    return out


def _without_worried_sentences(folded: str) -> str:
    """`folded` with the sentences that carry a worry (`_WORRY`) and do not name us blanked
    out. Used only when the message asks something: "essas coisas costumam sair caro todo
    mês, e é isso que me preocupa. Quanto fica o condomínio?" states the reason for the
    question, no complaint about us ("o atendimento de vocês é péssimo, isso me preocupa"
    names us and is kept)."""
    out = folded
    start = 0
    spans: list[tuple[int, int]] = []
    for end_mark in [*_SENTENCE_END.finditer(folded), None]:
        end = end_mark.start() if end_mark else len(folded)
        sentence = folded[start:end]
        if _WORRY.search(sentence) and not _US.search(sentence):
            spans.append((start, end))
        start = end + 1
    for a, b in reversed(spans):
        out = out[:a] + " " + out[b:]
    return out


def _unless_us(worry: re.Match[str]) -> str:
    """A worry's (or a dislike's) clause left out of the hostility score, unless it names
    us."""
    return worry.group() if _US.search(worry.group()) else " "


def _says_when(text: str) -> bool:
    """Whether `text` names a day or a time: "quero falar com o corretor na segunda" asks
    for a broker's call on Monday (booked like "pode me ligar segunda"), not for a person
    to take the conversation over now."""
    parts = when_parts(text)
    return parts.has_date or parts.has_time


def handoff_reason(text: str) -> HandoffReason | None:
    """Why this message should go to a person, or None (see the module docstring)."""
    try:
        if opts_out(text):
            return "opt_out"
        if asks_for_human(text) and not _says_when(text):
            return "human"
        if is_hostile(text):
            return "hostile"
    except Exception:  # never break a conversation over a hand-off check
        log.exception("hand-off check failed")
    return None


def is_thanks(text: str) -> bool:
    """ "Obrigado!", "valeu", "agradeço"."""
    return bool(_THANKS.search(_folded(text)))


_WE_ARE: Final = r"(?:(?:eu|a gente|nos)\s+)?(?:to|tou|estou|estamos|tamo|tamos|ta|esta)"
_WEIGHING: Final = (
    r"(?:pesquisando|olhando|sondando|conhecendo|vendo|pensando|decidindo|avaliando|"
    r"comparando|dando uma olhada|organizando)"
)
_TAKING_TIME: Final = re.compile(
    r"\b(?:"
    rf"(?:so|apenas|ainda)\s+(?:{_WE_ARE}\s+)?{_WEIGHING}"
    rf"|{_WE_ARE}\s+(?:so\s+|ainda\s+|apenas\s+)?{_WEIGHING}"
    r"|(?:juntando|guardando|economizando)\s+(?:um\s+|uma\s+)?(?:dinheiro|grana)"
    r"|(?:vou|vamos|preciso|precisamos|tenho que|temos que|vou ter que)\s+"
    r"(?:ver|conversar|decidir|pensar|resolver|combinar|olhar)\b"
    r"|(?:vendo|conversando|decidindo|resolvendo|combinando)\s+com\s+"
    r"(?:o|a|os|as|meu|minha|meus|minhas|nosso|nossa)\b"
    r"|ainda\s+(?:nao|n)\s+(?:sei|sabemos|decidi|decidimos|resolvi|resolvemos|tenho certeza)"
    r"|sem\s+pressa"
    r")"
)


def takes_time(text: str) -> bool:
    """The lead is not ready yet, and says so: still deciding with someone ("ainda tô
    vendo com meu marido", "vou conversar com a minha esposa"), only looking ("tô só
    pesquisando por enquanto"), saving up ("a gente tá juntando dinheiro ainda"), not
    decided ("ainda não decidi"). Questions are not ("vocês ainda estão vendendo?")."""
    folded = _folded(text)
    return bool(_TAKING_TIME.search(folded)) and not is_question(text)


_SOFTENER: Final = re.compile(
    r"^(?:(?:e|mas|ai|mano|cara|ta|viu)\s+)*(?:sem\s+ofensa|foi\s+mal|mal\s+ai|desculp[ae]"
    r"|perdao|(?:com\s+)?todo\s+respeito|nada\s+pessoal|sem\s+querer\s+ser\s+chat[oa])"
    r"(?:\s+(?:mano|cara|viu|ta|ai|ne|mesmo|moca|moco|amigo|amiga))*$"
)


def softens(text: str) -> bool:
    """A clause that only apologises or softens what the lead said ("sem ofensa", "foi
    mal", "desculpa aí", "com todo respeito"): it asks nothing about the development."""
    return bool(_SOFTENER.match(" ".join(_folded(text).replace(",", " ").split()).strip(" .;!")))


_CONCEDING: Final = re.compile(
    r"^(?:ta bom|ta bem|ta certo|tudo bem|entao ta|ah ta|va la|vai la|ok|okay|beleza|blz"
    r"|certo|pronto|entao|ta)\b[\s,.!:;]*"
)


def concedes(text: str) -> bool:
    """A message that opens by giving in and goes on ("tá bom, é Marcos", "ok, vá lá:
    Ana"): what the lead refused before may follow. Giving in alone ("tá bom") does not."""
    rest, gave_in = _folded(text).strip(), False
    while (match := _CONCEDING.match(rest)) is not None and match.end() > 0:
        rest, gave_in = rest[match.end() :], True
    return gave_in and bool(rest.strip(" .!,"))


def is_greeting(text: str) -> bool:
    """A message that opens with a greeting ("Oi", "Bom dia, tudo bem?")."""
    return bool(_GREETING.match(_folded(text)))


def is_question(text: str) -> bool:
    """A question: a "?" or a question word first ("qual o preço", "tem piscina")."""
    folded = _folded(text)
    return "?" in folded or bool(_QUESTION_WORDS.search(folded))


def is_yes(text: str) -> bool:
    """A plain confirmation: "sim", "isso mesmo", "exato", "é isso", "pode anotar"."""
    return bool(_YES.match(_folded(text)))


_DELEGATES: Final = re.compile(
    r"\b(?:tanto\s+faz|qualquer\s+(?:um|uma|horario|hora|hr|opcao|dia|desses?|dessas?)"
    r"|(?:pode|podem)\s+escolher|(?:voce|voces|vc|vcs)\s+(?:escolhe|escolhem|decide|decidem)"
    r"|(?:a|ao)\s+(?:seu|sua|teu|tua)?\s*criterio|como\s+(?:preferir|preferirem|achar\s+melhor)"
    r"|o\s+que\s+for\s+melhor|(?:todos|todas|qualquer\s+um|qualquer\s+uma)\s+(?:serve|servem)"
    r"|(?:serve|servem)\s+(?:todos|todas|qualquer))\b"
)
"""The lead leaves the choice to us: "tanto faz", "qualquer horário serve", "pode escolher"."""
_ACCEPTS: Final = re.compile(
    r"^\s*(?:(?:sim|s|ok|okay|isso|pode|claro)\b[\s,.!]*)*"
    r"(?:pode(?:\s+sim)?(?:\s+(?:marcar|agendar|ser|confirmar))?|marca|marque|fechado|combinado|"
    r"beleza|blz|perfeito|otimo|show|bora|confirmado|confirmo|certo|ta\s+bom|ta\s+otimo)?"
    r"\b[\s,.!]*(?:obrigad\w*|valeu|vlw)?[\s.!]*$"
)


def delegates_choice(text: str) -> bool:
    """The lead leaves the choice among the offered slots to us ("qualquer horário da
    manhã serve, tanto faz", "pode escolher"); not "qualquer dúvida te chamo"."""
    folded = _folded(text)
    match = _DELEGATES.search(folded)
    return match is not None and not _NEGATED_BEFORE.search(folded[: match.start()])


def accepts_proposal(text: str) -> bool:
    """A yes to one slot proposed: "sim", "pode marcar", "fechado", "ok, obrigado"."""
    folded = _folded(text)
    return bool(folded.strip(" .,!")) and (is_yes(text) or bool(_ACCEPTS.match(folded)))


_CONTINUE: Final = re.compile(
    r"^\s*(?:(?:sim|s|claro|pode|quero|vamos|bora|ok|okay|com\s+certeza|continua\w*|"
    r"pode\s+continuar|quero\s+continuar|vamos\s+continuar|pode\s+seguir|segue|seguir)"
    r"\b[\s,.!]*)+(?:continuar|seguir|sim|por\s+favor|pfv|obrigad\w*)?[\s.!]*$"
)


def wants_to_continue(text: str) -> bool:
    """A yes to "do you want to continue?": "sim", "quero continuar", "pode seguir", "claro".

    Anything else (a no, a question, silence on the point) is not a yes: a lead who asked
    us to stop is only written to again when they plainly say so.
    """
    folded = _folded(text)
    if opts_out(text) or re.search(r"\bn(?:ao)?\b", folded):
        return False
    return is_yes(text) or bool(_CONTINUE.match(folded))


_ANNOUNCED_CALL: Final = re.compile(
    r"\b(?:o corretor|a corretora|o vendedor|a vendedora|o consultor|a consultora|ele|ela"
    r"|eles|elas|alguem|o pessoal|a equipe|voces)?"
    r"(?: (?:ja|tambem|ainda|so))? (?:vai|vao|ia|iam|ira|irao|ficou de|ficaram de|combinou de"
    r"|combinaram de|marcou de|marcaram de)(?: me| nos)? (?:ligar|telefonar|retornar)\b"
)
"""A call someone else arranged, told ("o corretor vai me ligar amanhã", "ele ficou de me
ligar"): the lead is not asking us to book one."""


def announces_call(text: str) -> bool:
    """Whether the lead tells of a call already arranged with them ("o corretor vai me
    ligar amanhã à noite pra falar da casa"), which asks for no booking; "me liga amanhã"
    or "pode me ligar às 10h?" ask for one."""
    return bool(_ANNOUNCED_CALL.search(f" {_folded(text)}"))


_ABOUT_THE_CALL: Final = re.compile(
    r"\b(?:ligar|ligacao|liga|ligue|ligam|horario|pode ser|disponivel|chamar|falar|marcar"
    r"|corretor|corretora|mudar|remarcar|reagendar)\b"
    # "pode passar pra sexta às 10h", "muda pra quinta 15h": the call moved to a time
    r"|\b(?:passa|passar|muda|troca|trocar|joga|jogar|transfere|transferir)\s+(?:para|pra|pro)\b"
    # "sábado 9h pode", "às 15h serve": a time accepted
    r"|\b(?:pode|serve|da|fica bom|ta bom|da certo)\W*$"
)


def names_the_call(folded: str) -> bool:
    """Whether words in folded lower case (`text.fold`, `questions.normalise`) are about
    the broker's call: a word of calling or of its time ("pode ligar", "horário",
    "corretor"), the call moved ("pode passar pra sexta às 10h", "muda pra quinta") or a
    time accepted at the end ("sábado 9h pode", "às 15h serve")."""
    return _ABOUT_THE_CALL.search(folded) is not None


CallTarget = Literal["someone else", "named"]

_CALL_VERBS: Final = r"(?:liga|ligar|ligue|ligam|ligarem|falar|fala|atender|atende|atenda)"
_TO_SOMEONE_ELSE: Final = re.compile(
    rf"\b{_CALL_VERBS} (?:pra|para|com) (?:ele|ela)\b"
    # "quem fala é a Tatiane", "quem fala comigo é o Carlos?": who is chatting, not called
    r"|\bquem (?:vai )?(?:falar|fala(?! (?:e|eh|comigo)\b)|atender|atende|conversar)\b[^.!?]*"
    r"\b(?:e|eh) (?:o|a|meu|minha)\b"
)
_TO_NAMED: Final = re.compile(
    rf"\b{_CALL_VERBS} (?:(?:pra|para|pro) (?:ele|ela|mim|esse|este|meu|minha|o meu|a minha"
    r"|o numero)|no (?:meu|numero)|nesse|neste|nele|nela)\b"
)


def call_goes_to(text: str) -> CallTarget | None:
    """Where the lead sends the broker's call, if the message says so: "someone else" when
    the call goes to another person than the one chatting ("liga pra ele", "quem vai falar
    com o corretor é meu pai"); "named" when it names where the call goes without saying
    that ("liga pra mim", "pode ligar nesse número", "liga pro meu celular"); else None."""
    folded = fold(text)
    if _TO_SOMEONE_ELSE.search(folded):
        return "someone else"
    if _TO_NAMED.search(folded):
        return "named"
    return None


HardTimes = Literal["loss", "hardship"]
_CLOSE_ONES: Final = (
    r"(?:pai|mae|painho|mainha|marido|esposo|esposa|mulher|companheir[oa]|filh[oa]|irma|irmao"
    r"|avo|vo|vovo|tio|tia|sogr[oa]|namorad[oa]|noiv[oa]|amig[oa]|cachorr[oa]|cachorrinh[oa]"
    r"|gat[oa]|gatinh[oa]|pet)"
)
_LOSS_RE: Final = re.compile(
    # "minha mãe faleceu mês passado", "meu pai morreu ano passado", "perdi meu marido"
    rf"\b(?:meu|minha|o\s+meu|a\s+minha|nosso|nossa)\s+{_CLOSE_ONES}\b[^,.;!?]{{0,30}}?"
    r"\b(?:faleceu|morreu|partiu|se\s+foi)\b(?!\s+de\s+(?:rir|vergonha|medo|inveja))"
    rf"|\bperdi\s+(?:o\s+|a\s+)?(?:meu|minha)\s+{_CLOSE_ONES}\b"
    r"|\b(?:falecimento|morte|perda)\s+d[oa]\s+(?:meu|minha)\s+" + _CLOSE_ONES + r"\b"
    r"|\b(?:to|tou|estou|esta|ta|estamos|tamo|ainda)\s+(?:de|no|em)\s+luto\b"
    r"|\bfiquei\s+viuv[oa]\b"
)
_HARDSHIP_RE: Final = re.compile(
    # "tô desempregado", "perdi o emprego", "fui demitida"
    r"\b(?:to|tou|estou|ando|fiquei|sigo|continuo|estamos|ficamos|ta|esta)\s+"
    r"(?:\w+\s+)?desempregad[oa]s?\b"
    r"|\b(?:perdi|perdemos|perdeu)\s+(?:o\s+|meu\s+|o\s+meu\s+)?(?:emprego|trabalho|servico)\b"
    r"|\b(?:fui|fomos)\s+(?:demitid[oa]s?|mandad[oa]\s+embora)\b|\bme\s+demitiram\b"
    # "tá difícil a vida", "a vida tá complicada", "uma fase difícil"
    r"|\b(?:ta|esta|anda|tá)\s+(?:muito\s+|bem\s+|bastante\s+|meio\s+|tao\s+)?"
    r"(?:dificil|complicada|dura|puxada|pesada)\s+a\s+vida\b"
    r"|\ba\s+vida\s+(?:ta|esta|anda)\s+(?:muito\s+|bem\s+|bastante\s+|meio\s+|tao\s+)?"
    r"(?:dificil|complicada|dura|puxada|pesada)\b"
    r"|\b(?:passando|passei|passamos)\s+por\s+(?:uma\s+)?(?:fase|momento|periodo|dificuldades?"
    r"|aperto|barra)\b(?!\s+(?:boa|bom|otim[oa]|tranquil[oa]))"
    r"|\b(?:fase|momento|periodo|ano)\s+(?:muito\s+|bem\s+|bastante\s+|meio\s+)?"
    r"(?:dificil|complicad[oa]|dur[oa]|pesad[oa])\s+(?:pra\s+mim|pra\s+gente|na\s+minha\s+vida"
    r"|aqui\s+em\s+casa|la\s+em\s+casa)\b"
)
_ASKS_RULES: Final = re.compile(
    r"\?|\b(?:aceita|aceitam|pode|consegue|da\s+pra|financia|financiam|quem)\b"
)
"""A clause that asks about the purchase ("vcs aceitam desempregado?"): no hard time told."""


def hard_times(text: str) -> HardTimes | None:
    """A hard time the lead tells about their own life: a loss ("minha mãe faleceu mês
    passado", "perdi meu pai", "ainda estou de luto") or a hardship ("tô desempregado",
    "fui demitida", "tá difícil a vida", "passando por uma fase difícil"). Homer answers
    it with one fitting line before its next question and saves nothing from it. Not: a
    question about the purchase ("desempregado consegue financiar?"), someone laughing
    ("minha tia morreu de rir"), a hard choice ("tá difícil escolher o bairro")."""
    folded = _folded(text).lower()
    for clause in re.split(r"[.;!\n]+|(?<=\?)", folded):
        if not clause.strip() or _ASKS_RULES.search(clause):
            continue
        if _LOSS_RE.search(clause):
            return "loss"
        if _HARDSHIP_RE.search(clause):
            return "hardship"
    return None
