"""Rule-based extraction of lead facts from one pt-BR chat message.

`extract_facts` is what the offline model uses in place of an LLM's understanding: it
returns the tool calls to make as `{field: value}`. It is deliberately conservative:
when a phrase is ambiguous it extracts nothing and the agent asks again.

Two steps: `read_candidates` turns the message into `Candidate`s (each value with its
span, cue, whose it is and its modality: stated, corrected, negated, hypothetical,
question, alternative), and `decide` is the one policy that picks what is saved: per
fact, the lead's last clear stated or corrected value; nothing when the last is one of
unresolved alternatives. `extract_facts` is `decide(read_candidates(...))`.

How the readers read a message:

- Call time: `homer_agent.ptbr.times.search_when`; the characters it used are blanked before
  anything else is read, so "10/02 às 15h" never becomes bedrooms or a budget.
- Numbers: digits ("480.000", "1,2") and number words ("três", "um milhão e meio") are
  read into runs with their scale ("mil", "milhões", "k", "mi").
- Bedrooms: a number right before "quartos"/"dormitórios"/"suítes"; a bare number when
  the agent has just asked for bedrooms.
- Budget: a number with "R$", "reais" or a scale word, or after "orçamento"/"valor"; a bare
  number when the agent has just asked for the budget (a small one is read as thousands).
- Name: after "me chamo", "meu nome é", "sou a/o", "aqui é", "é a … falando", "pode
  anotar", the label "nome"/"Nome:" (never part of the name), a name opening the message
  before "prazer", or a bare name when the agent has just asked (never a reply that is
  only a listed place: "Messejana" is the place, "Fátima" is asked about, see
  `place_or_name`); not someone at a workplace ("o Dr. Paulo da Caixa").
- Questions: a "?" makes a question of its own clause only; an earlier clause in which the
  lead tells ("quero 2 quartos no Benfica, pode ligar quinta?") still states. A question
  for a home ("tem casa de 3 quartos até 350 mil?") states the wish it asks for
  (`_wishes_asked`).
- Neighbourhood: after "bairro"/"região", after "no/na/em" when capitalised
  ("na Aldeota"), a listed place, or a bare answer when the agent has just asked for it;
  not where the lead lives or works now (across an address's commas) nor the end of a
  trip ("vou até o Cocó ver o decorado"), and among several, the one chosen ("fico com o
  Cambeba"), wished after a contrast, or wished beside an acceptable alternative ("quero
  na Aldeota, mas o Meireles também serve").
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from itertools import combinations, pairwise
from typing import Final, Literal
from zoneinfo import ZoneInfo

from homer_agent.facts import (
    BEDROOMS_MAX,
    BEDROOMS_MIN,
    BUDGET_MAX_EXCLUSIVE,
    FACT_ORDER,
    NAME_MAX_CHARS,
    NEIGHBORHOOD_MAX_CHARS,
)
from homer_agent.ptbr.clauses import split_at_marks
from homer_agent.ptbr.intents import call_goes_to
from homer_agent.ptbr.lexicon import (
    CHAT_SHORTHAND,
    GREETING_PATTERN,
    MONTHS,
    SCALES,
    TITLES,
    WEEKDAYS,
    number_word,
)
from homer_agent.ptbr.numbers import Number, Token, read_numbers, tokenize
from homer_agent.ptbr.places import city_of, known_place, lies_in, may_be_name
from homer_agent.ptbr.questions import asking_slip, normalise
from homer_agent.ptbr.sentiment import analyzer
from homer_agent.ptbr.spelling import known_in_some_form, known_word, without_slips
from homer_agent.ptbr.text import LAUGHTER, fold, verb_of, without_decorations
from homer_agent.ptbr.times import RELATIVE_TIME_RE, search_when, when_parts

__all__ = [
    "Candidate",
    "Modality",
    "accepted_part",
    "clarified_fact",
    "decide",
    "declined_facts",
    "declines_name",
    "extract_facts",
    "garbled",
    "haggles",
    "introduces",
    "name_put_right",
    "names_other_amount",
    "place_or_name",
    "place_pointed_back",
    "read_candidates",
    "respelled_name",
    "says_why_there",
    "split_facts",
    "states_own_schedule",
    "states_paying_condition",
    "taken_up",
    "visit_plans",
    "without_name_echo",
    "without_other_questions",
]

logger = logging.getLogger(__name__)

MAX_INPUT_CHARS: Final = 2000
"""Only the start of a longer message is read."""

_GARBLED_RE: Final = re.compile("[\ufffd\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LITTLE_WORDS: Final = frozenset(
    [
        "na",
        "no",
        "nas",
        "nos",
        "em",
        "com",
        "para",
        "pra",
        "que",
        "um",
        "uma",
        "os",
        "as",
        "ao",
        "mas",
        "por",
        "sem",
        "meu",
        "minha",
        "eu",
        "voce",
    ]
)
_CORRECTION_CUES: Final = (
    ("pensando", "bem"),
    ("na", "verdade"),
    ("na", "vdd"),  # shorthand of "na verdade"
    ("na", "real"),  # colloquial "na verdade"
    ("melhor",),
    ("alias",),
    ("corrigindo",),
    ("quer", "dizer"),
    ("digo",),
    ("mudei", "de", "ideia"),
    ("me", "enganei"),
    ("enganei",),
    ("errei",),
    ("escrevi", "errado"),
    ("digitei", "errado"),
    ("foi", "mal"),
    ("pera",),
    ("perai",),
    ("espera",),
    ("prefiro",),
    ("pensar", "bem"),
    ("pensar", "melhor"),
    ("mudar", "de", "ideia"),
    ("corrigir",),
)
"""Cues that the lead takes back what came before ("no Cocó, aliás Papicu"); a verb in
the infinitive stands for its every form ("pensei bem", "mudamos de ideia", "corrijo")."""
_CUE_VERBS: Final = frozenset({"pensar", "mudar", "corrigir"})
_RETRACTING_NO: Final = frozenset(["nao", "n"])
"""A "não" that turns down the value right before it ("Messejana não, Cambeba")."""


class Modality(StrEnum):
    """How a message says a value: only what the lead states or corrects is saved."""

    STATED = "stated"
    CORRECTED = "corrected"  # after a correction cue or a turned-down value: it replaces
    HYPOTHETICAL = "hypothetical"  # "se eu vender o sítio chego a 800 mil"
    NEGATED = "negated"  # "2 quartos não", "não 600 mil"
    QUESTION = "question"  # "tem de 5 quartos?", "aceitam proposta de 450 mil"
    ALTERNATIVE = "alternative"  # "2 ou 3 quartos", "Messejana ou Cambeba, tanto faz"
    FALLBACK = "fallback"  # "quero na Aldeota, mas o Meireles também serve": not the wish
    HEDGED = "hedged"  # "talvez 4 quartos": a maybe, left open like an alternative


@dataclass(frozen=True)
class Candidate:
    """A value one message may give for a fact, with the evidence for it.

    `span` is the character range of the value in the message (`(0, 0)` when the value
    comes from the whole message, e.g. a bare answer); `cue` names what made it read
    ("quartos", "money word", "bare answer", ...); `whose` is "lead" or "other" (a
    relative's place, the home the lead has now, someone else's price).
    """

    fact: str
    value: object
    span: tuple[int, int]
    cue: str
    whose: str = "lead"
    modality: Modality = Modality.STATED


_SAVED: Final = frozenset({Modality.STATED, Modality.CORRECTED})
_OPEN: Final = frozenset({Modality.ALTERNATIVE, Modality.HEDGED})
"""Values the lead leaves open: the last of them blocks a fact, and the agent asks."""


def decide(candidates: Sequence[Candidate]) -> dict[str, object]:
    """The policy: which candidates of one message are saved, as `{field: value}`.

    Per fact, only the lead's own stated, corrected and alternative candidates count
    (negated, hypothetical, questions and other people's are never saved). From the last
    correction on, the last clear value wins; when the last is one of unresolved
    alternatives ("2 ou 3 quartos", "Messejana ou Cambeba") nothing is saved and the agent
    asks. A budget stated as a range ("entre 300 e 350 mil")
    is its top.
    """
    found: dict[str, object] = {}
    for fact in FACT_ORDER:
        mine = [
            c
            for c in candidates
            if c.fact == fact
            and c.whose == "lead"
            and (c.modality in _SAVED or c.modality in _OPEN)
        ]
        corrected = [k for k, c in enumerate(mine) if c.modality is Modality.CORRECTED]
        tail = mine[corrected[-1] :] if corrected else mine
        if not tail or tail[-1].modality in _OPEN:
            continue
        if fact == "budget_brl":
            found[fact] = max(int(str(c.value)) for c in tail if c.modality in _SAVED)
        else:
            found[fact] = tail[-1].value
    return found


def _span(toks: Sequence[Token], first: int, last: int) -> tuple[int, int]:
    """The characters of tokens `first` to `last` (end exclusive)."""
    if first >= len(toks) or last <= first:
        return (0, 0)
    return (toks[first].start, toks[min(last, len(toks)) - 1].end)


def _negated_after(toks: Sequence[Token], end: int) -> bool:
    """Whether the value ending before token `end` is turned down on the spot: "X não",
    "X nao... prefiro Y", "X, não, pera, Y", "X também não", "X não dá (pra mim)" (a
    "não" followed by no word of its own clause but a refusing verb, unlike "X, não
    quero Y", "X, não no Y" or "X, não posso mais", where the "não" is about what
    follows)."""
    j = end
    while j < len(toks) and (
        (toks[j].is_punct and toks[j].low not in ("?", ".")) or toks[j].low == "tambem"
    ):
        j += 1  # "Meireles também não"
    if j >= len(toks) or toks[j].low not in _RETRACTING_NO:
        return False
    rest = toks[j + 1 :]
    if not rest or rest[0].is_punct:
        return not (rest and rest[0].low == "?")
    right_after = j == end and end > 0 and toks[j].start - toks[end - 1].end <= 2
    if right_after and rest[0].low in _REFUSING_VERBS:  # "400 mil não dá" (not "400 mil,
        # de manhã não dá": a "não" after other words, even blanked ones, is theirs)
        k = 1
        while k < len(rest) and rest[k].low in _REFUSAL_TAIL:
            k += 1
        if k == len(rest) or (rest[k].is_punct and rest[k].low != "?"):
            return True
    return _cue_at([t.low for t in rest], 0)


_INSTEAD_OF: Final = (("em", "vez"), ("ao", "inves"), ("inves",), ("no", "lugar"))
_INSTEAD_LINKS: Final = frozenset(
    "de do da dos das uns umas um uma o a os as".split()  # noqa: SIM905
)


_FORGETTING: Final = frozenset(
    "esquece esqueca desconsidera desconsidere ignora ignore".split()  # noqa: SIM905
)
"""Verbs that drop what the lead said: the message corrects ("esquece o que eu disse dos
quartos: são 4"), and the value right after them is dropped ("esquece o Cocó"); they are
no cue before a replacement ("sexta 10h, esquece o que falei de quinta" keeps sexta)."""
_FORGOTTEN_LINKS: Final = frozenset(
    "o a os as do da dos das de que eu disse falei escrevi mandei coloquei tinha sobre".split()  # noqa: SIM905
)


def _set_aside(toks: Sequence[Token], i: int) -> bool:
    """Whether the value at token `i` is set aside: after "em vez de" (`_instead_of`) or
    right after a verb that drops it ("esquece o Cocó", "esquece os 3 quartos, quero 4",
    "desconsidera o que falei de 400 mil")."""
    if _instead_of(toks, i):
        return True
    j = i
    while j > 0 and i - j < 6 and toks[j - 1].low in _FORGOTTEN_LINKS:
        j -= 1
    return j > 0 and toks[j - 1].low in _FORGETTING


def _instead_of(toks: Sequence[Token], i: int) -> bool:
    """Whether the value at token `i` follows "em vez de", "ao invés de", "no lugar de"
    ("em vez de 4 quartos, 3", "ao invés de 400 mil, 450", "em vez do Cocó, Papicu"): a
    value set aside, which the next one replaces."""
    j = i
    while j > 0 and i - j < 3 and toks[j - 1].low in _INSTEAD_LINKS:
        j -= 1
    if j == i or toks[j].low not in ("de", "do", "da", "dos", "das"):
        return False
    lows = [t.low for t in toks[max(0, j - 2) : j]]
    return any(lows[-len(cue) :] == list(cue) for cue in _INSTEAD_OF)


def _cue_length(
    lows: Sequence[str], i: int, cues: Sequence[tuple[str, ...]] = _CORRECTION_CUES
) -> int:
    """The length of the first of `cues` that begins at word `i` (0 when none)."""
    for cue in cues:
        if len(lows) < i + len(cue):
            continue
        for k, want in enumerate(cue):  # a plain loop: called for every cue at every word
            word = lows[i + k]
            if word != want and not (want in _CUE_VERBS and verb_of(word) == want):
                break
        else:
            return len(cue)
    return 0


def _cue_words(toks: Sequence[Token]) -> set[int]:
    """The indexes of the words of every correction cue, and of a bare "não", in `toks`."""
    lows = [t.low for t in toks]
    found = {i for i, low in enumerate(lows) if low in _RETRACTING_NO}
    for i in range(len(lows)):
        found |= set(range(i, i + _cue_length(lows, i)))
    return found


def _cue_at(lows: Sequence[str], i: int) -> bool:
    """Whether a correction cue begins at word `i`."""
    return _cue_length(lows, i) > 0


_CONTRAST: Final = frozenset(["mas", "porem", "entretanto"])


def _retracted_between(toks: Sequence[Token], start: int, end: int) -> bool:
    """Whether a correction cue, a bare "não" or a contrast ("queria 500 mil, mas só
    tenho 300 mil") lies between tokens `start` and `end`."""
    lows = [t.low for t in toks]
    return any(
        lows[i] in _RETRACTING_NO or lows[i] in _CONTRAST or _cue_at(lows, i)
        for i in range(start, end)
    )


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# ---------------------------------------------------------------------------
# Vocabulary (folded)
_REFUSING_VERBS: Final = _words("da rola serve cabe consigo posso quero gosto curto")
"""Verbs of a "não" that turns down the value before it when they end the clause."""
_REFUSAL_TAIL: Final = _words("pra para mim gente nos nao de jeito nenhum muito nem")


_BEDROOM_NOUNS: Final = _words(
    "quarto quartos dormitorio dormitorios dorm dorms qto qtos qts quartinhos q qt qrt qrts quatros"
) | frozenset(
    "q" + "".join(kept)
    for size in range(1, 6)
    for kept in combinations("uartos", size)
    if "t" in kept and "q" + "".join(kept) != "quatros"
)
"""The bedroom nouns and their shorthand: "quartos" with any letters left out but the "q"
and the "t" ("qrtos", "qrto", "qtos", "quarts"), as a lead types in a hurry."""
_SUITE_NOUNS: Final = _words("suites")
_MONEY_AFTER: Final = _words("reais real conto contos pila brl")
_BUDGET_CUES: Final = _words(
    "orcamento budget valor investir investimento pagar gastar faixa teto limite "
    "dinheiro disponivel financiar"
)
_WEAK_BUDGET_CUES: Final = _words("ate tenho disponho aproximadamente cerca uns")
_MIN_BUDGET: Final = 1_000
_MONEY_WORDS: Final = _words("r$ rs real reais mil k mi milhao milhoes conto contos pila brl")
_NOT_BUDGET_AFTER: Final = _words(
    "mes mensal mensais mensalmente liquido liquidos bruto brutos entrada parcela parcelas "
    "prestacao prestacoes aluguel condominio iptu salario renda sinal fgts site anuncio "
    "carro moto viagem reforma casamento"
)
"""Words after an amount that make it something else: "15 mil por mês", "100 mil de entrada",
"450 mil no site" (a price seen, not a budget)."""
_INCOME: Final = _words(
    "ganho ganha ganhamos ganham recebo recebe recebemos salario salarios renda rendimento"
)
"""Words of income: an amount in a sentence with one is income, unless a budget word is
there too ("ganho 15 mil e meu orçamento é 500 mil")."""
_NOT_BUDGET_BEFORE: Final = _INCOME | _words(
    "entrada parcela parcelas prestacao prestacoes mensalidade aluguel alugo condominio "
    "iptu sinal custou vendi vendeu vendemos paguei pagou comprei comprou "
    "juntei juntamos guardei guardamos economizei economizamos "
    "devo divida financiado avaliado avaliada vale valia fgts "
    "vi vimos custa custam custando anunciado anunciada anunciam anuncio cobram cobra cobrando"
)
"""Words before an amount that make it something else: "ganho 15 mil", "paguei 300 mil",
"vi 450 mil", "custa 500 mil"."""
_ABOUT_A_PERSON: Final = _words(
    "anos idade solteiro solteira casado casada divorciado divorciada viuvo viuva "
    "aposentado aposentada medico medica advogado advogada engenheiro engenheira "
    "professor professora empresario empresaria estudante servidor servidora"
)
"""Words of a lead introducing themself: such a message names no place when bare."""
_SENTENCE_ENDS: Final = frozenset(".!?;")
_NEGATIONS: Final = _words("nao nada nem nunca jamais")
_REJECTING: Final = _words(
    "pouco pouca pequeno pequena pequenos pequenas apertado apertada apertados apertadas demais nao"
)
_POSSESSIVES: Final = _words("minha meu nossa nosso")
_HOME_NOUNS: Final = _words("casa apartamento ape apto residencia")
_HAS: Final = _words("tem possui atual")
_HAS_NOW: Final = _words("tem possui")
_NOW_WORDS: Final = _words("hoje agora atualmente")
_OF: Final = _words("da do de dos das")
_NOW_HOME: Final = _words(
    "atual atualmente moro moramos mora moram morava moravamos vivo vivemos vive vivem"
)
"""Words that put a bedroom count on the home someone has now ("minha casa tem 2 quartos",
"ela mora num casarão de 5 quartos")."""
# Words that may follow "… milhão e N" without breaking the amount.
_FILLERS: Final = _words(
    "sao e eh seria seriam sera quero queria preciso gostaria uns umas acho que talvez "
    "pode ser na verdade vdd ah hmm desculpa desculpe perdao corrigindo entao tipo mais ou menos "
    "aproximadamente cerca de tenho ate no maximo meu minha o a os as orcamento "
    "tenho disponho posso pagar valor total uma faixa por volta em torno r$ reais real "
    "quartos quarto dormitorios ok sim bom por favor pf pfv obrigado obrigada no minimo pelo "
    "casa casas mesmo msm apenas so somente isso pensando bem melhor alias corrigindo digo dizer "
    "me enganei errei escrevi digitei errado foi mal ops opa mudei de ideia "
    "esquece esqueca desconsidera desconsidere"
)
_OPENING_WORDS: Final = (
    GREETING_PATTERN,
    "tudo bem",
    "tudo bom",
    "td bem",
    "tudo certo",
    "prazer",
)
_GREETING_RE: Final = re.compile(r"^(?:\s*(?:" + "|".join(_OPENING_WORDS) + r")\b\s*[,!.?;:]*)+")

_NAME_PARTICLES: Final = _words("de da do das dos di del van von e")
_PROFESSIONS: Final = _words(
    "medico medica advogado advogada engenheiro engenheira professor professora "
    "empresario empresaria estudante aposentado aposentada "
    "autonomo autonoma motorista pedreiro vendedor vendedora comerciante enfermeiro "
    "enfermeira policial militar bancario bancaria contador contadora dentista psicologo "
    "psicologa eletricista mecanico cozinheiro cozinheira costureira diarista funcionario "
    "funcionaria publico publica servidor servidora microempreendedor mei cabeleireiro "
    "cabeleireira manicure programador programadora analista tecnico tecnica gerente "
    "secretaria recepcionista atendente garcom garconete zelador porteiro frentista "
    "fisioterapeuta farmaceutico farmaceutica veterinario veterinaria arquiteto arquiteta "
    "autonomos empreendedor empreendedora freelancer freela uber motoboy "
    # shorthand and words of work a lead types in lower case ("sou dev e trabalho remoto")
    "dev devs desenvolvedor desenvolvedora designer pm pj clt concursado concursada "
    "terceirizado terceirizada nutricionista biomedico biomedica representante vigilante "
    "caminhoneiro taxista entregador entregadora cuidador cuidadora"
)
"""What a lead does ("sou autônomo", "Tiago, médico."): never a name, and after a name it
says the name is the lead's."""
_DESCRIPTION_WORDS: Final = _words(
    "mto mt mui muita super meio tao bastante mega hiper ultra demasiado "
    "fa fas louco louca doido doida chato chata fanatico fanatica"
)
"""Words that begin a description of the lead, never a name: "sou mto ligado em
natureza", "sou meio perdido", "sou fã de praia" (adverbs of degree and their shorthand)."""
_NAME_STOP_WORDS: Final = _words(
    "oi ola opa oh bom boa dia tarde noite tudo bem sim nao ok okay certo claro blz beleza fala "
    "ai nois noix talvez obrigado obrigada valeu eu voce vc ele ela nos meu minha seu sua o "
    "a os as um uma uns umas quero queria gostaria preciso procuro busco tenho sou estou to "
    "moro vou pode posso podemos sabe saber tem ha existe qual quais quanto quantos quantas onde "
    "como quando porque por que quem casa casas quarto quartos informacao informacoes info "
    "preco precos valor valores bairro orcamento empreendimento corretor corretora ligacao "
    "interessado interessada cliente de do da dos das em no na nos nas com sem para pra "
    "mais menos muito pouco ainda ja agora aqui ali la so apenas gente pessoal favor mae "
    "pai filho filha esposa marido dono dona solteiro solteira casado casada divorciado "
    "divorciada viuvo viuva aposentado aposentada novo nova velho velha feliz contente "
    "responsavel proprietario proprietaria investidor investidora comprador compradora "
    "brasileiro brasileira cearense daqui dali "
    "e isso isto esse essa este esta aquele aquela mesmo mesma tambem hoje amanha ontem "
    "segunda terca quarta quinta sexta sabado domingo fortaleza ceara quero ver vendo "
    "olhando pesquisando procurando buscando querendo gostando interessando lendo "
    "teste testando alguem ninguem nada tchau ate logo breve serio pelo tanto faz minimo maximo "
    "entendi entendo compreendi sei show top massa perfeito otimo joia combinado fechado "
    "certeza exato pronto tranquilo suave demais depois hmm hum aham uhum hein ne "
    "nossa caramba eita aff affe oxe oxente vixe vish putz ufa uai deus whatsapp zap email "
    "amigo amiga irmao irma tio tia primo prima vizinho vizinha avo neto neta sogro sogra "
    "cunhado cunhada namorado namorada noivo noiva colega chefe socio socia parente esposo "
    "genro nora filhos filhas pais criancas familia "
    "r$ reais mil milhao milhoes "
    "legal interessante bacana incrivel maravilha maravilhoso maravilhosa excelente "
    "anonimo anonima "
    "dois duas tres quatro cinco seis falando preferencia me te se liga ligar ligue prefiro "
    "acho entao tipo nome sobrenome "
    "pera perai poxa puxa dale bora vlw tmj pfv obg obgd blza blz dboa mermao mano mana "
    "vei vey cara epa ops oops uau wow humm rs rsrs haha hehe kk"
)
_ADDRESS_WORDS: Final = _words(
    "moca moco mocinha mocinho menina menino querida querido rapaz galera turma povo "
    "pessoal gente amigo amiga colega chefe parceiro parceira prezado prezada campeao "
    "patrao patroa atendente doutor doutora senhor senhora senhorita senhores senhoras "
    "senhoritas prezados prezadas amigos amigas colegas queridos queridas mocas mocos "
    "meninas meninos galerinha gnt gnte"
)
"""Words a lead calls the one who reads ("bom dia moça", "oi querida", "boa tarde
pessoal"): a vocative, never the lead's name (a title before a name, "Dona Rosa", is
still skipped as one)."""
_NAME_SUFFIXES: Final = _words("filho neto sobrinho junior jr")
"""Kinship words ending a name, written as the name is (capitalised after a capitalised
name, in lower case after one in lower case): "José da Silva Filho", "carlos neto"."""
_AMOUNT_OPENERS: Final = _words("entre cerca aproximadamente aprox quase acima abaixo faixa")
"""Words that open a range or an amount ("entre 300 e 350 mil", "cerca de 400 mil", "na
faixa de 300"): a name read in lower case stops before them ("quem fala é o rogerio entre
300 e 350 mil" names Rogerio); none is a name."""
_NAME_STOP: Final = (
    _NAME_STOP_WORDS
    | _PROFESSIONS
    | _DESCRIPTION_WORDS
    | _ADDRESS_WORDS
    | CHAT_SHORTHAND
    | _AMOUNT_OPENERS
)
_PLACE_NOUNS: Final = _words(
    "centro praia praias zona sul norte leste oeste litoral orla interior cidade regiao "
    "rua avenida av bairro condominio loteamento perto longe proximo proxima beira "
    "lagoa shopping periferia capital sao parque jardim vila conjunto barra cais"
)
"""Words of places, never of a person's name: "Centro" answering the name question
answers another question."""

_HOME_THINGS: Final = _words(
    "garagem garagens vaga vagas quadra quadras area areas gourmet salao festas piscina "
    "piscinas academia iptu condominio taxa taxas portaria varanda quintal suite suites "
    "cozinha banheiro banheiros lavabo churrasqueira playground parquinho quiosque elevador "
    "lote lotes terreno terrenos planta plantas obra obras entrega escritura financiamento "
    "entrada parcela parcelas coberta descoberta aquecida energia solar armarios closet "
    "pet brinquedoteca sauna spa trilha pista lazer seguranca muro cerca"
)
"""Things of a home or of the development, never a person's name: "garagem coberta", "e
o iptu", "area gourmet" answering the name question ask about the thing."""
_NON_NAME_SUFFIXES: Final = (
    "ado",
    "ada",
    "ido",
    "ida",
    "eiro",
    "eira",
    "ista",
    "ense",
    "ando",
    "endo",
    "indo",
    "avel",
    "ivel",
    "mente",
)
_NAMES_LIKE_WORDS: Final = _words(
    "fernando armando orlando rolando hernando ernando aparecido aparecida margarida cida "
    "batista evangelista oliveira pereira teixeira moreira ferreira nogueira siqueira vieira "
    "silveira ribeiro carneiro cordeiro monteiro pinheiro medeiros "
    "marcos gloria graca socorro dores conceicao"
)
"""Names and surnames with the ending of a verb or an adjective ("Fernando", "Oliveira"),
or that the sentiment lexicon scores ("marcos", "Socorro", "Glória")."""
_VERB_SUFFIXES: Final = ("ei", "amos", "emos", "imos", "ando", "endo", "indo")
"""Endings of verbs ("gostei", "vamos", "pesquisando"), capitalised or not: not a name."""
_LOWER_NON_NAME_SUFFIXES: Final = (
    "ou",
    "ito",
    "ita",
    "oso",
    "osa",
    "inho",
    "inha",
    "mente",
)
"""Endings of verbs and adjectives: a lower-case bare answer with one is not a name."""
_NAME_LIKE_ENDINGS: Final = ("ito", "ita", "inho", "inha", "oso", "osa")
"""Those endings names have too ("Rita", "Benedito", "Juninho", "Rosa")."""
_LOWER_NON_PLACE_SUFFIXES: Final = (
    "ei",
    "ou",
    "ito",
    "oso",
    "osa",
    "amos",
    "emos",
    "imos",
    "ando",
    "endo",
    "indo",
    "mente",
    "avel",
    "ivel",
)
"""The same for places, without the endings of place names ("Prado", "Serrinha")."""
_NAME_STRONG_CUES: Final[tuple[tuple[str, ...], ...]] = (
    ("me", "chamo"),
    ("chamo-me",),  # "Chamo-me José Raimundo": the formal order
    ("meu", "nome", "e"),
    ("meu", "nome", "eh"),
    ("meu", "nome", "completo", "e"),
    ("o", "meu", "nome", "e"),
    ("o", "nome", "e"),
    ("pode", "me", "chamar", "de"),
    ("podem", "me", "chamar", "de"),
    ("me", "chama", "de"),
    ("me", "chame", "de"),
    ("nome", ":"),
    ("meu", "nome", ":"),
    ("meu", "nome", "?"),  # "meu nome? Larissa": the question echoed, then answered
)
_WHO_SPEAKS: Final[tuple[tuple[str, ...], ...]] = (
    ("fala",),
    ("ta", "falando"),
    ("esta", "falando"),
    ("escreve",),
    ("te", "escreve"),
    ("ta", "escrevendo"),
    ("esta", "escrevendo"),
    ("fala", "aqui"),
)
_NAME_WEAK_CUES: Final[tuple[tuple[str, ...], ...]] = (
    *(
        (*lead, "quem", *verb, copula, *article)
        for lead in (("aqui",), ())
        for verb in _WHO_SPEAKS
        for copula in ("e", "eh")
        for article in (("o",), ("a",), ())
    ),
    # "quem quer comprar sou eu, Raimundo Nonato": "it is me", then the name
    *(
        ("sou", "eu", *same, mark, *article)
        for same in ((), ("mesmo",), ("mesma",))
        for mark in (",", ":", "-")
        for article in (("o",), ("a",), ())
    ),
    *(
        (here, copula, *article)
        for here in ("aqui", "aq")  # "aq eh a bia": chat shorthand for "aqui"
        for copula in ("e", "eh")
        for article in (("o",), ("a",))
    ),
    ("aqui", "e"),
    ("eu", "sou", "o"),
    ("eu", "sou", "a"),
    ("sou", "o"),
    ("sou", "a"),
    ("eu", "sou"),
    ("sou",),
)
_NAME_NOTE_CUES: Final[tuple[tuple[str, ...], ...]] = (
    ("pode", "anotar"),
    ("pode", "botar"),
    ("pode", "colocar"),
    ("pode", "por"),
    ("anota", "ai"),
    ("anota", "la"),
    ("anota",),
    ("anote",),
    ("coloca", "ai"),
    ("bota", "ai"),
    ("poe", "ai"),
)
"""Cues that dictate a value to write down: "pode anotar Patrícia" (a name that follows
at once; "pode anotar 3 quartos", "anota aí: Cambeba" give none)."""
_NAME_INTRO_CUES: Final[tuple[tuple[str, ...], ...]] = (
    ("me", "apresentei"),
    ("me", "apresento"),
    ("me", "apresentar"),
    ("me", "apresentando"),
)
"""Cues of a self-introduction: "nem me apresentei: Gustavo Menezes"."""
_INTRO_PUNCT: Final = frozenset(":,-.!")
_NAME_OPENING_CUES: Final[tuple[tuple[str, ...], ...]] = (
    ("e", "o"),
    ("e", "a"),
    ("eh", "o"),
    ("eh", "a"),
)
"""Cues that count only at the start of a message: "É o Lucas"."""
_NAME_TALKING_TO_CUES: Final[tuple[tuple[str, ...], ...]] = tuple(
    (*lead, art)
    for lead in (
        ("fala", "com"),
        ("falando", "com"),
        ("voce", "fala", "com"),
        ("vc", "fala", "com"),
    )
    for art in ("o", "a")
)
"""Cues at the start of a message that introduce the lead ("fala com o Zé", "você fala com
a Rita"), only before a capitalised name that ends its clause: "fala com a Simone da
imobiliária" names someone else, "fala com o gerente" nobody."""
_INSTITUTIONS: Final = _words(
    "caixa banco bradesco itau santander nubank sicredi sicoob inter imobiliaria "
    "construtora corretora incorporadora cartorio prefeitura empresa loja escritorio "
    "igreja escola faculdade universidade clinica hospital agencia cooperativa "
    "financeira consultoria"
)
"""Workplaces after a name ("o Dr. Paulo da Caixa", "a Simone da Imobiliária"): the
name is someone's there, not a surname; after "fala com", it is someone else's."""
_TRADES: Final = _words(
    "padaria farmacia oficina mercearia mercadinho mercado feira banca borracharia "
    "barbearia salao bodega quitanda lanchonete sorveteria acougue pastelaria bar "
    "academia lavanderia papelaria floricultura marcenaria serralheria"
)
"""Shops after a first name ("Zé da Padaria", "Tonho da Oficina"): a nickname by the
place someone works, not a surname."""
_GIVEN_NAMES: Final = _words(
    "maria pedro marta regina helena vera rosa clara vitoria dora bento socorro lia joao "
    "francisco marcia patricia beto bruno lucas italo rodrigo guilherme ricardo roberto "
    "juliana camila bruna mariana severino benedito"
)
"""Given names a dictionary also lists: in lower case still names ("a maria do carmo aqui")."""
_NAME_TRAILING_CUES: Final = _words("falando aqui")
"""Words after a name: "é a Ana falando", "Carlos aqui"."""
_ACKNOWLEDGEMENTS: Final = _words(
    "ta bom ok okay beleza blz certo entao sim tudo bem claro ah aff pois desculpa desculpe"
)
"""Words a reluctant answer starts with: "tá bom, é Marcos", "ok, Marcos"."""
_NEVER_NAME: Final = (
    _words(
        "oi ola opa bom boa dia tarde noite tudo bem sim nao ok eu voce vc ele ela nos meu minha "
        "seu sua o a os as um uma uns umas de do da dos das em no na com sem para pra que quem "
        "qual quais quando onde como porque isso isto esse essa este esta aquele aquela nada "
        "ninguem alguem segredo tudo mesmo mesma so apenas muito pouco mais menos"
    )
    | CHAT_SHORTHAND
)
"""Words that are never a name, even capitalised right after "meu nome é"."""

_PLACE_PREPS: Final = _words("no na nos nas em")
_PLACE_CUES: Final = _words("bairro regiao")
_PLACE_PARTICLES: Final = _words("de da do das dos del")
_BEING_IN: Final = _words("estou to estamos sou somos")
_NOT_WANTED_PLACE: Final = _words(
    "moro moramos mora moram morava moravamos morei morou morando vivo vivemos vive vivem vivendo "
    "trabalhando estudando trabalho "
    "trabalhamos trabalha trabalham nasci nasceu cresci cresceu estudo estuda estudam "
    "estudamos estudava aula aulas hospedado "
    "hospedada alugo aluguei comprou compraram comprei vendi vendeu vi "
    "vimos visitei conheci passei estive fui atual atualmente nao nem menos exceto evitar "
    "evito odeio detesto longe fora sair sai saindo sairia sairmos deixar largar"
)
"""Words before a place that make it not the place wanted: where the lead lives or works,
what someone else did, a negation ("moro no Centro", "não quero no Centro")."""
_PLACE_CUE_DETERMINERS: Final = _words(
    "qual quais que algum alguma qualquer outro outra cada todo toda esse este nesse neste"
)
_PLACE_STOP: Final = (
    _words(
        "dia dias verdade orcamento momento maximo minimo total caso fim final inicio comeco "
        "mes ano semana whatsapp zap wpp telefone celular email e-mail horario hora horas "
        "manha tarde noite valor preco entanto mais menos mesmo geral meu minha seu sua "
        "quarto quartos casa casas apartamento apartamentos condominio empreendimento projeto "
        "site link masterplan futuro banco financiamento vista prazo credito cartao fgts "
        "instagram google facebook chat momento hoje amanha ontem breve "
        "qual quais algum alguma qualquer outro outra "
        "geral principio vez cidade lugar local regiao bairro sim nao ok sei ideia "
        "preferencia duvida tanto nenhum nenhuma talvez ainda depende indiferente todos "
        "todas tudo isso este esta esse essa aquele aquela lado frente centro-oeste r$ reais "
        "mudei mudamos pensando alias corrigindo "
        "perto longe proximo proxima olx zap zapimoveis vivareal quintoandar youtube tiktok "
        "airbnb booking "
        "mil milhao milhoes o a os as um uma eu voce voces vc vcs ele ela eles elas nos"
    )
    | frozenset(WEEKDAYS)
    | frozenset(MONTHS)
)
_PLACE_BREAK: Final = _words(
    "e com ate por pra para mas que porque pois tenho quero preciso procuro gostaria "
    "orcamento budget valor r$ reais mil milhao milhoes quartos quarto dormitorios suites "
    "pode podem ligar liga hoje amanha depois se ja sou meu minha tem "
    "aceita aceitam financia financiam financio financiamento financiar fgts entrada "
    "chamo chama chamar nome sr sra srta dr dra ai ali aqui la "
    "parcela parcelas parcelar permuta consorcio piscina academia garagem vaga vagas "
    "planta plantas metragem tamanho entrega pronta pronto obra obras "
    "uns umas posso cerca aproximadamente limite dou dois duas tres quatro falando prefiro "
    "morar"
)
_BARE_PLACE_PREFIX: Final = _words(
    "quero prefiro gostaria queria seria pode ser acho que de preferencia no na nos nas em "
    "o a bairro regiao e eh talvez melhor na verdade vdd desculpa entao"
)
_BARE_PLACE_SUFFIX: Final = _words("mesmo msm ok por favor pf pfv")
"""Words that may close a bare place answer: "Aldeota mesmo", "Centro por favor"."""


# ---------------------------------------------------------------------------
# Helpers


def _core_tokens(toks: Sequence[Token]) -> list[Token]:
    """The tokens that carry an answer: no greeting, punctuation or filler words."""
    return [t for t in toks if not t.is_punct and t.low not in _FILLERS]


def _strip_greeting(folded: str) -> int:
    """Where the text starts once leading greetings ("Bom dia, oi!") are skipped."""
    m = _GREETING_RE.match(folded)
    return m.end() if m else 0


def _has_feeling(low: str) -> bool:
    """A word the sentiment lexicon scores ("legal", "bonito"): an opinion, typed in lower
    case it is not a name or a place."""
    return analyzer().lexicon.get(low, 0.0) != 0.0


def _nice_case(words: Sequence[str], particles: frozenset[str]) -> str:
    text = " ".join(words)
    if text != text.lower():
        return text
    return " ".join(
        word if fold(word) in particles else word[:1].upper() + word[1:] for word in words
    )


def _clip(text: str, limit: int) -> str | None:
    text = " ".join(text.split()).strip(" -'’")
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0]
    return text or None


_BOUNDARY_WORDS: Final = _words("mas porem entretanto so que e")
_BOUNDARY_PUNCT: Final = frozenset(".,;:!?()")


def _is_boundary(tok: Token) -> bool:
    """Punctuation or a conjunction between clauses ("e", not the verb "é")."""
    return tok.low in _BOUNDARY_PUNCT or (tok.low in _BOUNDARY_WORDS and tok.raw.lower() != "é")


_LINKING: Final = _words("se caso que q quando porque pq pois como onde enquanto ate nem ou")
"""Words that tie the clause of an "eu" after them to what comes before."""


def _clause_before(toks: Sequence[Token], i: int, limit: int = 8) -> list[Token]:
    """Up to `limit` tokens before `i`, back to the start of its clause."""
    out: list[Token] = []
    j = i - 1
    while j >= 0 and len(out) < limit:
        tok = toks[j]
        if _is_boundary(tok):
            break
        out.append(tok)
        if tok.low == "eu" and j > 0 and toks[j - 1].is_word and toks[j - 1].low not in _LINKING:
            break  # "minha sogra mora no Montese eu quero na Aldeota": "eu" opens a clause
            # (not "se eu vender", "que eu devia")
        j -= 1
    return out


def _clause_after(toks: Sequence[Token], i: int, limit: int = 8) -> list[Token]:
    """Up to `limit` tokens from `i` on, up to the end of its clause."""
    out: list[Token] = []
    for tok in toks[i:]:
        if len(out) >= limit or _is_boundary(tok):
            break
        out.append(tok)
    return out


_LIVING_ON: Final = _words("morando vivendo")
_GOING_ON: Final = _words("continuar continuo continua continuamos seguir sigo segue ficar")


def _about_other(toks: Sequence[Token], i: int, cues: frozenset[str]) -> bool:
    """Whether the clause before token `i` is about something other than the home wanted:
    a cue word ("moro no Centro") or the lead's own home ("minha casa tem 2 quartos")."""
    before = [t.low for t in reversed(_clause_before(toks, i))]
    # "pelo menos 2 quartos na Parquelândia": "at least", not "except"
    before = [
        w
        for k, w in enumerate(before)
        if not (w == "menos" and before[k - 1 : k] in (["pelo"], ["ao"]))
        # "quero continuar morando no Cocó": staying is the wish, "tô morando" is not
        and not (w in _LIVING_ON and before[k - 1 : k] and before[k - 1] in _GOING_ON)
    ]
    if any(word in cues for word in before):
        return True
    before = [w for w in before if w not in _NOW_WORDS]  # "minha casa hoje tem 3 quartos"
    if any(
        a in _POSSESSIVES and b in _HOME_NOUNS and c in _HAS
        for a, b, c in zip(before, before[1:], before[2:], strict=False)
    ):
        return True
    # "a casa da minha mãe tem 4 quartos": somebody's home, described.
    return any(
        a in _HOME_NOUNS and b in _OF and c in _HAS_NOW
        for k, (a, b) in enumerate(pairwise(before))
        for c in before[k + 2 :]
    )


_SEEN: Final = _words("vi vimos visitei visitamos conheci olhei olhamos")


def _seen_listing(toks: Sequence[Token], i: int) -> bool:
    """Whether token `i` describes a home the lead saw ("vi um apto de 3 quartos no
    Cocó"), anywhere back in its clause: someone else's listing, not what they want. A
    word of the lead's own search after the seeing ends it, in a run-on message with no
    punctuation ("eu vi o anuncio no instagram to procurando uma casa de 3 quartos"), and
    so does the lead's own limit named after it ("pelo que vi no site, meu teto é 300 mil":
    what the lead learnt they can spend)."""
    later: Token | None = None
    for tok in _clause_before(toks, i, 14):  # from token `i` backwards
        if tok.low in _SEARCHING:
            return False
        if tok.low in _POSSESSIVES and later is not None and later.low in _OWN_LIMITS:
            return False
        if tok.low in _SEEN:
            return True
        later = tok
    return False


_OWN_LIMITS: Final = _words("teto limite orcamento")
"""The lead's own ceiling when owned ("meu teto", "nosso limite", "meu orçamento")."""


_SEARCHING: Final = _words(
    "quero queremos procuro procurando procuramos busco buscando buscamos preciso precisamos "
    "precisando gostaria gostariamos prefiro pretendo"
)
"""First-person words of the lead's own search: the home wanted, not one seen."""


_STATING: Final = _words(
    "quero queria procuro procurando busco buscando preciso gostaria tenho posso consigo "
    "sou chamo prefiro pago pagaria orcamento teto limite"
)
"""Words of a clause in which the lead tells (first person), not asks."""
_ASKING: Final = _words(
    "se saber sera qual quais quanto quanta quantos quantas onde como quando tem existe "
    "existem aceita aceitam vcs voces voce vc ha da"
)
"""Words that make a clause ask even with a first-person verb ("queria saber se tem")."""


def _in_question(toks: Sequence[Token], i: int) -> bool:
    """Whether token `i` is in a clause that asks: its sentence ends with "?" and no clause
    boundary lies between, or one does but token `i`'s own clause is not a statement of
    the lead's ("quero 2 quartos no Benfica, pode ligar quinta às 15h?" asks only in its
    last clause; "tem de 5 quartos, no Centro?" asks in both)."""
    crossed = False
    for k, tok in enumerate(toks[i:], start=i):
        if tok.low == "?" or _tag_question(toks, k):
            if _affirms_want(toks, k + 1):
                return False  # "vcs tem de 3 quartos? é o que eu procuro"
            return not (crossed and _states(toks, i))
        if tok.low in (".", "!", ";"):
            return False
        crossed = crossed or _is_boundary(tok)
    return False


_QUESTION_OPENERS: Final = _words("quanto quanta quantos quantas qual quais onde sera")
_AS_FOR: Final = _words("a ao aos as")


def _opens_question(toks: Sequence[Token], i: int) -> bool:
    """Whether token `i` is in a clause that opens with a question word, with no "?" and
    no word of the lead telling: "quanto custa a de 4 quartos", "qual o valor da casa de
    3 quartos", "onde fica a de 4 quartos" ask about a house type, they want none ("quanto
    aos quartos, 3" is "as for"; "qual? 4 quartos" answers after the "?")."""
    clause = _clause_before(toks, i, 12)
    before = [t.low for t in reversed(clause)]
    start = toks.index(clause[-1]) if clause else i
    if [t.low for t in toks[max(0, start - 2) : start]] == ["sera", "que"]:
        before = ["sera", *before]  # "será que a de 4 quartos cabe no bolso"
    if not before or before[0] not in _QUESTION_OPENERS:
        return False
    as_for = before[1:2] and before[1] in _AS_FOR and before[2:3] != ["de"]
    if before[0] in ("quanto", "quanta") and as_for:
        return False  # "quanto aos quartos" (as for), not "quanto a de 4 quartos"
    sentence = _sentence_words(toks, i)
    return not sentence & (_STATING | _WISHING)


_TYPE_ARTICLES: Final = _words("a o da do na no pela pelo")
_TYPE_NOUNS: Final = _words("casa casinha sobrado unidade opcao modelo planta")
_INFO_VERBS: Final = _words(
    "fala fale passa passe manda mande mostra mostre envia envie conta conte explica "
    "explique informa informe"
)
_TYPE_DESCRIBED: Final = _words("tem vem fica ficam custa custam sai saem possui")


def _asks_about_type(toks: Sequence[Token], number: Number) -> bool:
    """Whether a count names a house type of the development ("a de 4 quartos", "da casa
    de 3 quartos": a definite article) that the lead asks about: after "saber" ("queria
    saber o preço da de 4 quartos") or a request for information ("me passa o valor da de
    4 quartos", "me manda fotos da de 3 quartos"), or described by a verb after it with no
    wish in the sentence ("a casa de 4 quartos tem quintal"; "... tem que ter quintal" and
    "quero a de 4 quartos" want it)."""
    i = number.first
    if i < 2 or toks[i - 1].low != "de":
        return False
    k = i - 2
    if toks[k].low in _TYPE_NOUNS and k > 0:
        k -= 1
    if toks[k].low not in _TYPE_ARTICLES:
        return False
    before = [t.low for t in reversed(_clause_before(toks, k, 10))]
    if _interest_in_type(before):
        return False  # "quero saber do sobrado de 4 suítes": the type the lead is after
    if "saber" in before or any(a == "me" and b in _INFO_VERBS for a, b in pairwise(before)):
        return True
    wished = bool(_sentence_words(toks, i) & (_STATING | _WISHING | _PICKING))
    ends_at = next(
        (k for k in range(number.last + 1, len(toks)) if toks[k].low in (".", "!", "?")), None
    )
    ends = None if ends_at is None else toks[ends_at].low
    if ends == "?" and ends_at is not None and _affirms_want(toks, ends_at + 1):
        return False  # "a decorada é a de 3 quartos né? é essa que a gente quer"
    if ends == "?" and not wished:
        return True  # "o de 2 quartos, quanto sai?", "e a de 3, tem suíte?": asked about
    after = [t.low for t in toks[number.last + 1 : number.last + 3]]
    return (
        bool(after)
        and after[0] in _TYPE_DESCRIBED
        and after[1:2] != ["que"]
        and not _sentence_words(toks, i) & (_STATING | _WISHING | _PICKING)
    )


_OWN_CURIOSITY: Final = _words("quero queria gostaria")
_ABOUT_WORDS: Final = _words("mais sobre")


def _interest_in_type(before: Sequence[str]) -> bool:
    """Whether the words before a house type's article (`before`, in order) are the lead's
    own wish to know about that type as a whole ("quero saber do sobrado de 4 suítes",
    "queria saber mais sobre a casa de 3 quartos", "gostaria de saber da de 2"), which
    picks it; not a thing of it ("queria saber o preço da de 4 quartos"), a question
    ("quero saber se a de 3 tem suíte") or someone else's ("minha irmã quer saber do ...")."""
    if "saber" not in before:
        return False
    at = len(before) - 1 - before[::-1].index("saber")
    wish = before[:at]
    if wish[-1:] == ["de"]:
        wish = wish[:-1]  # "gostaria de saber"
    if not wish or wish[-1] not in _OWN_CURIOSITY:
        return False
    return all(w in _ABOUT_WORDS for w in before[at + 1 :])


_TAGS: Final = _words("ne neh")


def _tag_question(toks: Sequence[Token], k: int) -> bool:
    """Whether token `k` is a tag ending its sentence that asks to confirm what was said
    about the development ("a de 2 quartos só tem 1 suíte, né."); never after the lead's own
    wish ("quero 3 quartos, né"), which it only softens."""
    if toks[k].low not in _TAGS or (k + 1 < len(toks) and toks[k + 1].is_word):
        return False
    start = k
    while start > 0 and toks[start - 1].low not in (".", "!", "?", ";"):
        start -= 1
    said = {t.low for t in toks[start:k]}
    return bool(said & _DESCRIBING) and not said & _STATED_WISH


_DESCRIBING: Final = _words("tem tinha possui vem fica ficam custa sao")
"""Verbs that describe a thing of the development ("só tem 1 suíte", "fica pronta")."""


_AFFIRMING: Final = re.compile(
    r"(?:e |eh |isso e |(?:essa|esse|esta|este) (?:e|eh) |era |e bem |e exatamente "
    r"|exatamente )?"
    r"(?:o |a |isso |(?:essa|esse|esta|este)(?: ai| mesmo| mesma)? )?(?:que |q )"
    r"(?:(?:eu |nos )?(?:to |tou |estou |estamos |tamo )?(?:{mine})"
    r"|a gente (?:ta |esta )?(?:{ours}))\b".format(
        mine="procuro|procurando|quero|queria|preciso|busco|buscando|procuramos|queremos"
        "|precisamos|buscamos",
        ours="procura|procurando|quer|queria|precisa|busca|buscando",
    )
)


def _affirms_want(toks: Sequence[Token], start: int) -> bool:
    """Whether the sentence at token `start` says the question before it is what the lead
    wants ("é o que eu procuro", "era isso que eu queria"), so the question's values are
    the lead's own ("vcs tem casa de 3 quartos? é o q eu procuro")."""
    words: list[str] = []
    for tok in toks[start:]:
        if tok.low in (".", "!", "?", ";"):
            break
        if tok.is_word:
            words.append(tok.low)
    return bool(_AFFIRMING.fullmatch(" ".join(words)))


def _states(toks: Sequence[Token], i: int) -> bool:
    """Whether the clause of token `i` is the lead telling: a first-person word of
    telling ("quero", "tenho", "sou") and no word of asking."""
    clause = {t.low for t in [*_clause_before(toks, i, 14), *_clause_after(toks, i, 14)]}
    return bool(clause & _STATING) and not clause & _ASKING


# ---------------------------------------------------------------------------
# Bedrooms and budget


def _bedroom_candidates(
    toks: Sequence[Token], numbers: Sequence[Number], pending: str | None, correcting: bool
) -> list[Candidate]:
    """Counts before "quartos" (or "suítes" when no "quartos" is named), else a bare answer.

    Not saved: a count in a question ("tem de 5 quartos?"), in a range ("3 ou 4 quartos"),
    about the home the lead has now ("minha casa atual tem 2 quartos"), turned down ("2
    quartos não"). A bare count right after a turned-down one corrects it ("2 quartos
    não, 3").
    """
    out: list[Candidate] = []
    summed: list[tuple[int, int]] = []  # the spans of suites-plus-rooms sums
    added: set[int] = set()  # the numbers a sum took in
    for k, read in enumerate(numbers):
        if k in added:
            continue
        total = _suites_plus_rooms(toks, numbers, k)
        number = read if total is None else total
        if total is not None:  # "duas suítes e mais um quarto": 3 bedrooms
            added.add(k + 1)
            noun, suite = "quartos", False
            summed.append(_span(toks, number.first, number.last))
        else:
            if number.scale != 1 or number.last >= len(toks) or number.negative:
                continue
            noun = toks[number.last].low
            suite = noun in _SUITE_NOUNS and number.value >= 2
            if not (noun in _BEDROOM_NOUNS or suite) or not number.value.is_integer():
                continue
            if _is_article(toks, number) and noun == "quarto":
                continue  # "um quarto pra cada filho": an article, not a count
        value = int(number.value)
        cue = "suites" if suite and noun not in _BEDROOM_NOUNS else "quartos"
        span = _span(toks, number.first, number.last + 1)
        whose, modality = "lead", Modality.STATED
        if (
            _in_question(toks, number.first)
            or _opens_question(toks, number.first)
            or _asks_about_type(toks, number)
        ):
            modality = Modality.QUESTION
        elif (
            _about_other(toks, number.first, _NOW_HOME | _THEIRS | _RENTED)
            or _rented_now(toks, number.first)
            or _owned_now(toks, number.first)
            or _kin_has(toks, number.first)
            or _former_home(toks, number.first)
            or _seen_listing(toks, number.first)
        ):
            whose = "other"  # the home the lead has, one they saw, someone's ("a dela é de 4")
        elif (
            _about_other(toks, number.first, _NEGATIONS)
            or _rejected_after(toks, number.last)
            or _priced_out(toks, number.last + 1)
            or _negated_after(toks, number.last + 1)
            or _set_aside(toks, number.first)
        ):
            modality = Modality.NEGATED  # "não quero 2 quartos", "3 quartos é pouco",
            # "3 quartos, não, 4"
        elif k > 0 and _is_range(toks, numbers[k - 1], number):
            out = [
                Candidate(c.fact, c.value, c.span, c.cue, c.whose, Modality.ALTERNATIVE)
                if c.cue == cue and c.modality is Modality.STATED
                else c
                for c in out
            ]
            modality = Modality.ALTERNATIVE
        elif not BEDROOMS_MIN <= value <= BEDROOMS_MAX:
            continue
        other = _bare_alternative(toks, numbers, number)
        if other is not None and modality is Modality.STATED:
            # "3 quartos ou 4": two counts, neither chosen; the agent asks
            modality = Modality.ALTERNATIVE
            other_span = _span(toks, other.first, other.last)
            out.append(Candidate("bedrooms", value, span, cue, whose, modality))
            value, span = int(other.value), other_span
        if (
            total is not None
            and modality is Modality.STATED
            and toks[read.last].low in _BEDROOM_NOUNS
        ):
            # "2 quartos + 1 suíte": 3, or 2 with a suite among them? The agent asks.
            modality = Modality.ALTERNATIVE
        out.append(Candidate("bedrooms", value, span, cue, whose, modality))
    if any(c.cue == "quartos" and c.modality is Modality.STATED for c in out):
        out = [c for c in out if c.cue != "suites"]
    if summed and len({c.value for c in out if c.modality is Modality.STATED}) > 1:
        # "4 quartos, duas suítes e mais um": the sum and the count disagree; ask
        out = [
            replace(c, modality=Modality.ALTERNATIVE) if c.modality is Modality.STATED else c
            for c in out
        ]
    if not any(c.modality is Modality.STATED for c in out):
        each = _room_each(toks, numbers)
        if each is not None:  # "um quarto pra cada filho, tenho 2, e o nosso": 3
            out.append(Candidate("bedrooms", each[0], each[1], "room each"))
    settled = _settled_count(toks, numbers, out)
    if settled is not None:  # "pensando em 4 quartos, mas fechou em 3"
        return [*out, settled]
    if any(c.modality is Modality.STATED for c in out):
        return out
    choices = [c for c in out if c.modality is Modality.ALTERNATIVE]
    if choices:  # "entre 2 e 3 quartos, fico com 3": a bare count picks one of them
        pick = _bare_number_after(toks, numbers, choices[-1].span[1])
        if (
            pick is not None
            and _chosen(toks, pick.first)
            and pick.value.is_integer()
            and int(pick.value) in {c.value for c in choices}
        ):
            span = _span(toks, pick.first, pick.last)
            out.append(
                Candidate("bedrooms", int(pick.value), span, "choice", modality=Modality.CORRECTED)
            )
            return out
    turned_down = [c for c in out if c.modality is Modality.NEGATED]
    if turned_down:
        fix = _bare_number_after(toks, numbers, turned_down[-1].span[1])
        if fix is not None and fix.value.is_integer() and BEDROOMS_MIN <= fix.value <= BEDROOMS_MAX:
            span = _span(toks, fix.first, fix.last)
            out.append(
                Candidate(
                    "bedrooms",
                    int(fix.value),
                    span,
                    "after a turned-down count",
                    modality=Modality.CORRECTED,
                )
            )
            return out
    asked_about = any(c.modality is Modality.QUESTION for c in out) or any(
        _asks_about_type(toks, number) for number in numbers
    )
    if asked_about and not correcting:
        return out  # "o de 2 quartos, quanto sai?", "e a de 3, tem suíte?": a type asked about
    if pending == "bedrooms" or correcting:
        count = _bare_count(toks, numbers, correcting)
        if count is None:
            count = _settled_on(toks, numbers)
        if count is None and pending == "bedrooms":
            count = (
                _concluded_count(toks, numbers)
                or _count_then_reason(toks, numbers)
                or _echoed_count(toks, numbers)
            )
        fixed = _bare_self_correction(toks, numbers)
        if count is None and fixed is not None and BEDROOMS_MIN <= fixed.value <= BEDROOMS_MAX:
            span = _span(toks, fixed.first, fixed.last)
            out.append(
                Candidate(
                    "bedrooms", int(fixed.value), span, "taken back", modality=Modality.CORRECTED
                )
            )
            return out
        if count is not None:
            modality = Modality.CORRECTED if correcting else Modality.STATED
            out.append(Candidate("bedrooms", count, (0, 0), "bare answer", modality=modality))
    return out


_EACH_ONE: Final = _words("filho filha crianca menino menina neto neta enteado enteada")
"""Whom a room each is for: "um quarto pra cada filho"."""
_FOR: Final = _words("pra para pro por")
_OUR_ROOM: Final = _words("nosso casal")
_OTHER_ROOMS: Final = _words(
    "escritorio hospede hospedes visita visitas empregada office estudio academia "
    "quartos dormitorios suite suites outro outra mais"
)
"""Rooms besides the children's and the couple's: the sum is not plain."""


def _room_each(
    toks: Sequence[Token], numbers: Sequence[Number]
) -> tuple[int, tuple[int, int]] | None:
    """A room for each child and the couple's: "um quarto pra cada filho, tenho 2, e mais
    o nosso do casal" (3), "são 3 crianças, um pra cada e o nosso" (4). Only when the
    message says both how many children and the couple's room, and names no other room
    ("um quarto pra cada filho, tenho 2" leaves the couple's open: asked); the count and
    the span of "um quarto pra cada"."""
    lows = [t.low for t in toks]
    each = next(
        (
            k
            for k in range(1, len(lows))
            if lows[k] == "cada" and lows[k - 1] in _FOR and lows[k + 1 : k + 2] != ["um"]
        ),
        None,
    )
    others = (_KIN - _words("filho filha marido esposa esposo")) | _THEIRS
    if each is None or "?" in lows or set(lows) & others:
        return None  # asked, or someone else's home ("meu irmão quer um quarto pra cada")
    start = each - 2 if lows[each - 2 : each - 1] and lows[each - 2] in _BEDROOM_NOUNS else each - 1
    if start < 1 or lows[start - 1] not in ("um", "1"):
        return None  # "um (quarto) pra cada"
    if not set(lows) & _EACH_ONE and not {w.rstrip("s") for w in lows} & _EACH_ONE:
        return None
    counts = [n for n in numbers if n.first != start - 1]
    if len(counts) != 1 or counts[0].scale != 1 or not counts[0].value.is_integer():
        return None
    kids = counts[0]
    if kids.last < len(toks) and toks[kids.last].low in _BEDROOM_NOUNS | _SUITE_WORDS:
        return None  # a count of rooms said besides: not plain
    rest = lows[each + 1 :]
    if not set(rest) & _OUR_ROOM or set(lows[each - 2 :]) & (_OTHER_ROOMS - {"mais"}):
        return None
    total = int(kids.value) + 1
    if not BEDROOMS_MIN <= total <= BEDROOMS_MAX:
        return None
    return total, _span(toks, start - 1, each + 1)


_SUITE_WORDS: Final = _SUITE_NOUNS | _words("suite")
_SUM_LINKS: Final = _words("e + mais")
_ADDING: Final = _words("+ mais")


def _suites_plus_rooms(toks: Sequence[Token], numbers: Sequence[Number], k: int) -> Number | None:
    """Suites, then rooms added to them, as one count of bedrooms: "duas suítes e mais um
    quarto", "1 suíte e 2 quartos", "2 suítes + 1" (3 each). The suites come first and
    only "e", "+" or "mais" join them to a count of rooms ("quarto", "dormitório"); a count
    with no noun after it is added only after "+" or "mais". Rooms first, then "+"/"mais"
    and suites ("2 quartos + 1 suíte": 3, or 2 with a suite among them?) is read as the
    sum and left open by the caller: the agent asks. Not a sum: "3 quartos e uma suíte"
    (the suite may be one of them, as before), "2 suítes e 2 vagas"."""
    if k + 1 >= len(numbers):
        return None
    first, second = numbers[k], numbers[k + 1]
    if any(
        n.scale != 1 or n.negative or not n.value.is_integer() or n.value < 1
        for n in (first, second)
    ):
        return None
    if first.last >= len(toks) or toks[first.last].low not in _SUITE_WORDS | _BEDROOM_NOUNS:
        return None
    links = [t.low for t in toks[first.last + 1 : second.first]]
    if not set(links) & _SUM_LINKS or not set(links) <= _SUM_LINKS | {","}:
        return None
    noun = toks[second.last].low if second.last < len(toks) else ""
    if toks[first.last].low in _BEDROOM_NOUNS:
        # rooms first: a suite added only by "+" or "mais" ("2 quartos + 1 suíte")
        if noun not in _SUITE_WORDS or not set(links) & _ADDING:
            return None
        return Number(first.value + second.value, first.first, second.last, 1, words_only=False)
    if noun in _BEDROOM_NOUNS:
        end = second.last
    elif not noun or noun in _BOUNDARY_PUNCT:
        # "2 suítes + 1", "2 suítes e 1": a bare count ending its clause stands for rooms;
        # after a plain "e" only a count that makes a plausible total ("2 suítes e 400"
        # is no sum)
        if not set(links) & _ADDING and not first.value + second.value <= BEDROOMS_MAX:
            return None
        end = second.last - 1
    else:
        return None
    return Number(first.value + second.value, first.first, end, 1, words_only=False)


_THEIRS: Final = _words("dela dele delas deles")
"""Possessives of someone else: "a dela é de 4 quartos" describes her home."""
_RENTED: Final = _words("aluguel alugado alugada")
"""The home the lead rents now: "hoje pago 1.200 de aluguel num 2 quartos"."""
_PAID_NOW: Final = _RENTED | _NOW_WORDS | _words("alugo alugamos")
"""Words that make "pago N" what the lead pays now ("hoje pago 900 conto", "moro de
aluguel ... pago 900"), not a budget: renting, or "now" (`_NOW_WORDS`)."""
_FORMER: Final = _words("ex antiga antigo anterior")
_PAYS_NOW: Final = _words("pago pagamos")


def _rented_now(toks: Sequence[Token], i: int) -> bool:
    """Whether the count at token `i` is of the home the lead pays rent for now: "moro de
    aluguel no X, pago 900 conto num apê de 2 quartos" ("pago" in the count's clause, a
    word of renting or of now in its sentence)."""
    return _about_other(toks, i, _PAYS_NOW) and bool(_sentence_words(toks, i) & _PAID_NOW)


def _former_home(toks: Sequence[Token], i: int) -> bool:
    """Whether the count at token `i` is of a home had before: "minha ex-casa era de 3
    quartos", "a casa antiga tinha 2 quartos" (in the count's clause)."""
    return any(t.low in _FORMER or t.low.startswith("ex-") for t in _clause_before(toks, i, 10))


def _kin_has(toks: Sequence[Token], i: int) -> bool:
    """Whether the count at token `i` is of a home a relative has: "meu filho tem uma casa
    de 4 quartos" (a possessive and a relative, then "tem"/"possui", in the count's
    clause)."""
    before = [t.low for t in reversed(_clause_before(toks, i, 12))]
    return any(
        a in _POSSESSIVES and b in _KIN and _HAS_NOW.intersection(before[k + 2 :])
        for k, (a, b) in enumerate(pairwise(before))
    )


_HAVING: Final = _words("tenho temos possuo possuimos")
_OWNED_LINKS: Final = _HOME_NOUNS | _words(
    "imovel ap ape apto casinha sobrado um uma de com aqui hoje atualmente la ja so e eh sao"
)
"""Words between "tenho" and a count of the home the lead has ("tenho um apê com 2 quartos",
"o apartamento que eu tenho é de 2 quartos")."""


_OWNED_PLACES: Final = _words(
    "terreno lote sitio chacara fazenda praia campo veraneio loja lojinha lojas comercio "
    "empresa escritorio consultorio ponto oficina salao restaurante lanchonete mercadinho "
    "roupas roupa beleza barbearia padaria farmacia clinica academia bar"
)
"""What else a lead has somewhere: "tenho um terreno no Eusébio", "casa de praia no X", "tenho
uma lojinha de roupas no Centro" (where they work, not where they want to live)."""


def _owned_now(toks: Sequence[Token], i: int, place: bool = False) -> bool:
    """Whether the count (or, with `place`, the place) at token `i` is of the home the
    lead has: "aqui eu tenho uma casa de 5 quartos", "hoje temos um apê com 2 quartos",
    "tenho 2 quartos hoje", "temos um apartamento de 2 quartos no Cocó" (a verb of having
    in the first person, then only a home and its links; "tenho que ter 3 quartos",
    "tenho interesse em 3 quartos" say what is wanted). A place needs the home named
    ("tenho uma casa no Cocó"; "temos 2 filhos no Cocó" is no home)."""
    before = [t.low for t in reversed(_clause_before(toks, i))]
    have = [k for k, word in enumerate(before) if word in _HAVING]
    if not have:
        return False
    said = before[have[-1] + 1 :]
    if not place:
        return all(word in _OWNED_LINKS for word in said)
    links = _OWNED_LINKS | _PLACE_PREPS | _PLACE_PARTICLES | _BEDROOM_NOUNS | _OWNED_PLACES
    return bool(set(said) & (_HOME_NOUNS | _BOUGHT | _OWNED_PLACES)) and all(
        word in links or word[:1].isdigit() or number_word(word) is not None for word in said
    )


def _bare_number_after(
    toks: Sequence[Token], numbers: Sequence[Number], char: int
) -> Number | None:
    """The first number after character `char` that stands alone in its clause, with no
    unit ("2 quartos não, 3", "500 mil não, 450"): the value that replaces a turned-down one."""
    for number in numbers:
        if number.first >= len(toks) or toks[number.first].start < char:
            continue
        if number.negative or number.scale != 1 or _is_article(toks, number):
            return None
        after = _clause_after(toks, number.last, 3)
        if not _closes_bare(after):
            return None  # "3 banheiros", "450 de entrada": a number of something else
        if _counts_people(toks, number.first):
            return None  # "a de 3 quartos ficou pequena, somos 5": the family, not a count
        return number
    return None


_PEOPLE_VERBS: Final = _words("somos seremos eramos moramos morando vivemos")


def _counts_people(toks: Sequence[Token], i: int) -> bool:
    """Whether the number at token `i` counts the people of the household: "somos 5",
    "somos em 6", "moramos em 4"."""
    k = i - 1
    if k >= 0 and toks[k].low == "em":
        k -= 1
    return k >= 0 and toks[k].low in _PEOPLE_VERBS


_TAKING_BACK: Final = _RETRACTING_NO | frozenset(w for cue in _CORRECTION_CUES for w in cue)


def _bare_self_correction(toks: Sequence[Token], numbers: Sequence[Number]) -> Number | None:
    """ "2, não, 3", "400 não 450", "2, aliás 3": a message of bare whole numbers only,
    each taken back on the spot by a "não" or a correction cue before the next: the last
    one replaces them ("2 ou 3", "2 e 3" take nothing back)."""
    numbers = [n for n in numbers if not _is_article(toks, n)]
    if len(numbers) < 2 or any(
        n.scale != 1 or n.negative or not n.value.is_integer() for n in numbers
    ):
        return None
    inside = {k for n in numbers for k in range(n.first, n.last)}
    for a, b in pairwise(numbers):
        between = [t.low for t in toks[a.last : b.first] if not t.is_punct]
        if not between or not (between[0] in _RETRACTING_NO or _cue_at(between, 0)):
            return None
    rest = [
        t
        for k, t in enumerate(toks)
        if k not in inside and not t.is_punct and t.low not in _FILLERS | _TAKING_BACK
    ]
    if rest or _negated_after(toks, numbers[-1].last):
        return None  # "2 não 3 não": the last one is taken back too
    return numbers[-1]


_SUITS: Final = _words("bom boa otimo otima serve servem basta bastam resolve suficiente perfeito")
"""Words that say a count suits the lead ("3 quartos tá bom demais", "2 quartos basta"):
a "demais" after them is "very", not "too many"."""


def _rejected_after(toks: Sequence[Token], i: int) -> bool:
    """ "3 quartos é pouco", "2 quartos não": the count is named to be turned down
    ("4 quartos não quero no Centro" turns the Centro down, not the count; "3 quartos tá
    bom demais" accepts it)."""
    after = _clause_after(toks, i + 1, 5)
    for k, tok in enumerate(after):
        if tok.low == "nao" and k + 1 < len(after) and after[k + 1].low in _NEW_CLAUSE_VERBS:
            # "4 quartos não preciso": the verb ends the clause, the count is its object
            return _verb_ends_clause(toks, after[k + 1]) and _only_filler_before(toks, i, after, k)
        if tok.low in _SUITS and not (k > 0 and after[k - 1].low in _NEGATIONS):
            return False  # "3 quartos tá bom demais", "2 quartos serve": accepted
        if tok.low in _PLACE_CUES or tok.low in _PLACE_PREPS or _begins_other_fact(tok):
            return False  # "3 quartos bairro X, de manhã não dá", "4 quartos uns 750k de
            # manha nao da": the next fact begins, and the "não" is its own
        if tok.low in _REJECTING and (tok.low != "nao" or _only_filler_before(toks, i, after, k)):
            return True  # "3 quartos não", "2 quartos pra mim não dá", "3 quartos é pouco";
            # not "3 quartos coco [de manhã] não dá": a "não" after other words (blanked
            # ones too) is theirs
    return False


def _verb_ends_clause(toks: Sequence[Token], verb: Token) -> bool:
    """Whether nothing of its own follows `verb` in its clause ("3 quartos não quero."),
    unlike a verb opening a new clause ("3 quartos, não quero no Centro")."""
    j = next(k for k, t in enumerate(toks) if t is verb) + 1
    return j >= len(toks) or _is_boundary(toks[j])


_TOO_DEAR: Final = _words(
    "caro cara caros caras carissimo carissima salgado salgada puxado puxada alto alta "
    "pesado pesada inviavel impossivel exagero exagerado exagerada"
)
"""Words that say a value is more than the lead can pay ("500 mil tá alto pra mim")."""
_VERDICT_VERBS: Final = _words("ta esta e eh fica ficou ficaria ficam sai saiu sairia seria sao")
_DEGREE: Final = _words("muito mt mto meio bem um pouco ja mais totalmente completamente")
_OUT_OF_REACH: Final = (
    ("fora", "do", "orcamento"),
    ("fora", "do", "meu", "orcamento"),
    ("fora", "do", "nosso", "orcamento"),
    ("fora", "da", "realidade"),
    ("fora", "da", "minha", "realidade"),
    ("fora", "de", "cogitacao"),
    ("fora", "de", "questao"),
    ("nem", "pensar"),
    ("nem", "sonhando"),
    ("nao", "cabe"),
    ("acima", "do"),
    ("passa", "do"),
)


_BAD_PLACE: Final = _TOO_DEAR | _words(
    "longe distante longinquo longinqua perigoso perigosa violento violenta inseguro insegura "
    "ruim pessimo pessima horrivel feio feia barulhento barulhenta esquisito esquisita"
)
"""Words that judge a place unfit to live in: dear, far, unsafe, bad ("o Eusébio é longe
pra mim", "Messejana tá muito violenta")."""


def _priced_out(toks: Sequence[Token], end: int) -> bool:
    """Whether the value ending before token `end` is said, in its own clause, to be out
    of the lead's reach: "600 mil tá fora do orçamento", "4 quartos nem pensar", "o preço
    de 500 mil que vi no anúncio tá alto pra mim", "o de 4 fica caro". Another figure or a
    capitalised name before the verdict makes it theirs ("3 quartos no Cocó, que é caro"
    stops at the comma; "3 quartos no Meireles é caro" is the place's)."""
    return _judged_out(toks, end, _TOO_DEAR)


def _judged_out(toks: Sequence[Token], end: int, verdicts: frozenset[str]) -> bool:
    """Whether the value ending before token `end` is given, in its own clause, one of
    the `verdicts` ("é caro", "fica muito longe") or is said to be out of reach, with no
    negation before the verdict ("o Cocó não é longe" approves)."""
    after: list[Token] = []
    for tok in toks[end : end + 10]:  # its clause; a relative "que vi no anúncio" is in it
        if tok.low in _BOUNDARY_PUNCT or tok.low in _CONTRAST or tok.raw.lower() == "e":
            break  # "3 quartos e o preço tá alto": another subject
        if tok.low == "senao":
            break  # "até 330 mil senão não cabe no bolso": what going past it would do
        after.append(tok)
    lows = [t.low for t in after]
    for k, tok in enumerate(after):
        if tok.low[:1].isdigit() or (tok.raw[:1].isupper() and k > 0):
            return False
        if any(tuple(lows[k : k + len(cue)]) == cue for cue in _OUT_OF_REACH):
            return True
        if tok.low in _NEGATIONS:
            return False  # "500 mil não é caro", "o Cocó nem é tão longe"
        if tok.low in _VERDICT_VERBS or tok.raw.lower() == "é":
            j = k + 1
            while j < len(after) and after[j].low in _DEGREE:
                j += 1
            if j < len(after) and after[j].low in verdicts:
                return True
    return False


def _only_filler_before(toks: Sequence[Token], i: int, after: Sequence[Token], k: int) -> bool:
    """Whether only words of a refusal ("pra mim") lie between token `i` and `after[k]`,
    and no blanked words (a time taken out) either."""
    previous = toks[i]
    for tok in after[: k + 1]:
        if tok.start - previous.end > 2:
            return False
        previous = tok
    return all(t.low in _REFUSAL_TAIL or t.is_punct for t in after[:k])


_NEW_CLAUSE_VERBS: Final = _words("quero queria gosto preciso moro curto posso consigo")
_OTHER_FACT_WORDS: Final = _MONEY_WORDS | _words("manha tarde noite hoje amanha") | set(WEEKDAYS)


def _begins_other_fact(tok: Token) -> bool:
    """Whether a word opens another fact: a figure, money, a day or a part of it."""
    return tok.low[:1].isdigit() or tok.low in _OTHER_FACT_WORDS


def _settled_count(
    toks: Sequence[Token], numbers: Sequence[Number], out: Sequence[Candidate]
) -> Candidate | None:
    """A bare count the lead settles on after a count said before it and a contrast:
    "a gente tava pensando em 4 quartos, mas fechou em 3", "4 quartos, mas vou de 3" (a
    closing "fechou em" or a choice cue right before the number, which ends its clause)."""
    stated = [c for c in out if c.whose == "lead" and c.modality is Modality.STATED]
    if not stated:
        return None
    for number in numbers:
        value = number.value
        if (
            toks[number.first].start < stated[-1].span[1]
            or number.scale != 1
            or not value.is_integer()
            or not BEDROOMS_MIN <= value <= BEDROOMS_MAX
            or not (number.last >= len(toks) or _is_boundary(toks[number.last]))
        ):
            continue
        i = number.first
        closing = i >= 2 and toks[i - 1].low == "em" and toks[i - 2].low in _CLOSING
        start = next(k for k, t in enumerate(toks) if t.start >= stated[-1].span[1])
        if (closing or _chosen(toks, i)) and any(t.low in _CONTRAST for t in toks[start:i]):
            span = _span(toks, number.first, number.last)
            return Candidate("bedrooms", int(value), span, "settled", modality=Modality.CORRECTED)
    return None


def _bare_count(
    toks: Sequence[Token], numbers: Sequence[Number], correcting: bool = False
) -> int | None:
    """A message that is only a small count ("3", "são três", "pensando bem, melhor 3");
    when the lead corrects, the count's own last clause may be ("Ah, espera, conversei
    com meu marido, então melhor 3")."""
    if any(t.low in _MONEY_WORDS for t in toks):
        return None
    # "uma casa de 4", "quero uma de 4": the article "uma" is not an answer.
    numbers = [n for n in numbers if not _is_article(toks, n)]
    # "3 na vdd, tenho 2 filhos": a later clause counting the household gives the reason
    numbers = _without_household_reason(toks, numbers)
    # "quer dizer, 3, o de 4 fica caro": a count priced out is the reason, not an answer
    # (only in a correction: "a de 2, a de 3 é cara" picks nothing)
    if correcting:
        numbers = [n for n in numbers if not _priced_out(toks, n.last)]
    picking = _picks_house_type(toks, numbers[0]) if numbers else False
    if picking:
        numbers = numbers[:1]  # "vou querer a de 3 mesmo, a de 4 deve ser muito cara"
    if len(numbers) != 1 or numbers[0].scale != 1 or not numbers[0].value.is_integer():
        return None
    number = numbers[0]
    if number.negative:
        return None
    span = set(range(number.first, number.last))
    # "na vdd 4, minha sogra vai morar com a gente": a clause after a comma gives the
    # reason; the count's own clause must be bare (the message holds no other number).
    end = next(
        (k for k in range(number.last, len(toks)) if toks[k].low in (",", ".", ";", "!")),
        len(toks),
    )
    start = 0
    if correcting:
        # "esquece o que eu disse dos quartos: melhor 4": the fact named, then the count.
        start = next(
            (
                k + 1
                for k in range(number.first - 1, -1, -1)
                if toks[k].low in (",", ".", ";", "!", ":")
            ),
            0,
        )
    if picking:
        start = max(start, _after_acknowledgement(toks, number.first))
    clause = toks[start:end]
    rest = [
        t
        for t in _core_tokens(clause)
        if toks.index(t) not in span and t.low not in _DISCOURSE_FILLERS  # "aí quatro"
    ]
    if picking:
        rest = [t for t in rest if t.low not in _PICKING | _words("com mesmo")]
    if (
        any(t.low in _SUITS and t.start > toks[number.first].start for t in clause)
        and all(t.low in _SUITS | _SUITING for t in rest)
        and rest[0].start > toks[number.first].start
    ):
        rest = []  # "ah 2 serve", "3 tá bom pra mim": the count, said to suit ("4 é demais"
        # says the opposite)
    value = int(number.value)
    return value if not rest and BEDROOMS_MIN <= value <= BEDROOMS_MAX else None


_SUITING: Final = _words("ta esta da demais pra mim nos gente ja")


_HOUSEHOLD: Final = _words(
    "filho filhos filha filhas crianca criancas menino meninos menina meninas neto netos "
    "neta netas pessoa pessoas enteado enteados enteada enteadas adolescente adolescentes"
)
"""Whom a household counts: "tenho 2 filhos", "somos 4 pessoas"."""
_HAVING_KIN: Final = _words("tenho temos tem sao")


def _counts_household(toks: Sequence[Token], number: Number) -> bool:
    """Whether a number counts the people of the household: "tenho 2 filhos", "são 3
    crianças", "somos 4", "moramos em 5" (a noun of people right after it, or a verb of
    being so many right before it)."""
    if _counts_people(toks, number.first):
        return True
    after = toks[number.last].low if number.last < len(toks) else ""
    before = toks[number.first - 1].low if number.first > 0 else ""
    return after in _HOUSEHOLD and (
        before in _HAVING_KIN or before in _BOUNDARY_PUNCT or not before
    )


def _without_household_reason(toks: Sequence[Token], numbers: Sequence[Number]) -> list[Number]:
    """`numbers` without those that count the household in a clause after the first
    number's own ("3 na vdd, tenho 2 filhos", "4, somos 5 em casa"): the reason for the
    count, not another count. A household counted first ("tenho 2 filhos, 3") is kept, so
    the message stays unclear."""
    if len(numbers) < 2:
        return list(numbers)
    first = numbers[0]
    cut = next(
        (k for k in range(first.last, len(toks)) if toks[k].low in (",", ".", ";", "!")),
        None,
    )
    if cut is None:
        return list(numbers)
    later = [n for n in numbers[1:] if n.first > cut]
    if len(later) != len(numbers) - 1 or not all(_counts_household(toks, n) for n in later):
        return list(numbers)
    return [first]


def _closes_bare(after: Sequence[Token]) -> bool:
    """Whether the words after a bare figure in its clause leave it bare: none, a closing
    word ("3 mesmo") or words saying it suits ("3 basta")."""
    return not after or all(t.low in _BARE_PLACE_SUFFIX for t in after) or _said_to_suit(after)


def _said_to_suit(after: Sequence[Token]) -> bool:
    """Whether the words after a bare figure only say it suits ("3 basta", "3 tá bom", "3
    é suficiente", "3 serve pra mim"): a word of suiting and only its links ("3 não basta",
    "3 é pouco", "3 é demais" do not)."""
    lows = [t.low for t in after]
    return any(w in _SUITS for w in lows) and all(
        w in _SUITS | _SUITING | _words("e eh") for w in lows
    )


_PICKING: Final = _words("quero querer queria vou fico ficar prefiro pego escolho")


def _picks_house_type(toks: Sequence[Token], number: Number) -> bool:
    """Whether the first count picks a house type by its bedrooms ("vou querer a de 3
    mesmo", "fico com a de 2"): "a/o de N" after a verb of choosing, in the message's first
    clause, and no contrast or correction after it (then the other counts are the house
    types it is compared with: "..., a de 4 deve ser muito cara")."""
    i = number.first
    if i < 2 or toks[i - 1].low != "de" or toks[i - 2].low not in ("a", "o"):
        return False
    before = [t.low for t in toks[_after_acknowledgement(toks, i) : i]]
    if any(t in _BOUNDARY_PUNCT for t in before) or not set(before) & _PICKING:
        return False
    return not _retracted_between(toks, number.last, len(toks))


_ACKNOWLEDGING: Final = _words(
    "ah ahh a entendi entendo compreendi ok okay certo beleza blz hmm hum aham uhum sim "
    "show otimo legal perfeito saquei tendi"
)
"""Words of a clause that only takes in an answer ("ah entendi", "hmm ok")."""


def _after_acknowledgement(toks: Sequence[Token], i: int) -> int:
    """Where the clause of token `i` starts when every clause before it only takes in an
    answer ("ah entendi, então quero a de 3"): past those clauses; otherwise 0."""
    cut = max((k for k in range(i) if toks[k].low in _BOUNDARY_PUNCT), default=-1)
    if cut < 0:
        return 0
    head = [t.low for t in toks[:cut] if t.low not in _BOUNDARY_PUNCT]
    return cut + 1 if head and all(w in _ACKNOWLEDGING for w in head) else 0


_SETTLING: Final = _words(
    "fechamos fechei decidimos decidi ficamos fiquei resolvemos resolvi combinamos combinei "
    "acertamos acertei batemos"
)
"""First-person verbs of settling on a value together or alone: "fechamos em 3"."""
_SETTLED_BY_US: Final = _words("fechou decidiu ficou resolveu combinou acertou")
"""The same verbs after "a gente": "a gente fechou em 3"."""
_SETTLE_LINKS: Final = _words("em com por no na o a os as ficar mesmo entao que vai ser e")


def _settled_on(toks: Sequence[Token], numbers: Sequence[Number]) -> int | None:
    """A bare count the lead (and whoever they talked it over with) settles on, when
    bedrooms were asked or are being corrected: "fechamos em 3 mesmo, pq ela quer um
    escritório", "decidimos por 4", "a gente ficou com 2 mesmo" (a first-person verb of
    settling, only its links before the count, nothing after it in its clause but a
    closing word). Not when negated ("ainda não fechamos em 3"), asked, or a number of
    something else ("fechamos em 3 anos")."""
    for number in numbers:
        if number.scale != 1 or number.negative or not number.value.is_integer():
            continue
        if not BEDROOMS_MIN <= number.value <= BEDROOMS_MAX or _is_article(toks, number):
            continue
        k = number.first
        while k > 0 and number.first - k < 4 and toks[k - 1].low in _SETTLE_LINKS:
            k -= 1
        if k == 0:
            continue
        verb = toks[k - 1].low
        ours = (
            verb in _SETTLED_BY_US
            and k >= 3
            and [t.low for t in toks[k - 3 : k - 1]]
            == [
                "a",
                "gente",
            ]
        )
        if verb not in _SETTLING and not ours:
            continue
        start = k - 3 if ours else k - 1
        if any(t.low in _NEGATIONS for t in _clause_before(toks, start, 3)):
            continue
        after = _clause_after(toks, number.last, 3)
        closes = _closes_bare(after) or all(t.low in _CONCLUDING for t in after)
        if not closes or _in_question(toks, number.first):
            continue
        return int(number.value)
    return None


_REASONS: Final = _words("pq porque porq pois")
_BEDROOM_ECHO: Final = _BEDROOM_NOUNS | _words("quantos quantas qntos e")


def _count_then_reason(toks: Sequence[Token], numbers: Sequence[Number]) -> int | None:
    """A bare count, then its reason, when bedrooms were asked: "3 pq tenho 2 filhos",
    "qts quartos? 4 porque minha mãe vem morar com a gente" (the question echoed first, if
    at all; what follows "pq"/"porque"/"pois" is the reason, its numbers too)."""
    cut = next((k for k, t in enumerate(toks) if t.low in _REASONS), None)
    if cut is None:
        return None
    head = list(toks[:cut])
    echo = next((k for k, t in enumerate(head) if t.low == "?"), None)
    start = 0
    if echo is not None:
        if not all(t.low in _BEDROOM_ECHO for t in head[:echo]):
            return None
        start = echo + 1
    mine = [n for n in numbers if start <= n.first and n.last <= cut]
    if len(mine) != 1 or any(t.low in _MONEY_WORDS for t in head):
        return None
    number = mine[0]
    if number.scale != 1 or number.negative or not number.value.is_integer():
        return None
    inside = range(number.first, number.last)
    rest = [t for t in _core_tokens(head[start:]) if toks.index(t) not in inside]
    value = int(number.value)
    return value if not rest and BEDROOMS_MIN <= value <= BEDROOMS_MAX else None


_COUNT_ECHO: Final = _BEDROOM_ECHO | _words(
    "ah hm hmm o a eu quero queria preciso procuro gente nos queremos precisamos voce vc "
    "quer precisa perguntou de"
)
"""Words of a question that only echoes ours about bedrooms: "quantos quartos eu quero?",
"ah, de quantos quartos a gente precisa?", "qts quartos vc perguntou?"."""


def _echoed_count(toks: Sequence[Token], numbers: Sequence[Number]) -> int | None:
    """A count answered right after the lead echoes our bedrooms question, when bedrooms
    were asked: "quantos quartos eu quero? 3, com piscina se der", "de quantos a gente
    precisa? 4". The echo is a first sentence of echo words only (`_COUNT_ECHO`) with a
    word of counting ("quantos") in it; the count opens what follows, alone in its clause
    (or said to suit: "3 basta"), and is the message's only number after the echo (what
    follows its clause wishes for something else: "com piscina")."""
    echo = next((k for k, t in enumerate(toks) if t.low == "?"), None)
    if echo is None or echo + 1 >= len(toks):
        return None
    said = [t.low for t in toks[:echo] if t.is_word]
    if not said or not set(said) <= _COUNT_ECHO or not set(said) & _words("quantos quantas qntos"):
        return None
    mine = [n for n in numbers if n.first > echo and not _is_article(toks, n)]
    if len(mine) != 1 or any(t.low in _MONEY_WORDS or t.low == "?" for t in toks[echo + 1 :]):
        return None
    number = mine[0]
    if number.first != echo + 1 or number.scale != 1 or number.negative:
        return None
    after = _clause_after(toks, number.last, 4)
    if not _closes_bare(after):
        return None  # "quantos? 3 banheiros", "quantos quartos? 3 não"
    if not number.value.is_integer() or _negated_after(toks, number.last):
        return None
    value = int(number.value)
    return value if BEDROOMS_MIN <= value <= BEDROOMS_MAX else None


_CONCLUDING_ACKS: Final = _words("ta ok okay beleza blz entao bom enfim pronto certo vai")
"""Words that conclude a hesitation before the answer: "depende do preço né... tá, 3"."""


def _concluded_count(toks: Sequence[Token], numbers: Sequence[Number]) -> int | None:
    """A count answered after a hesitation, when bedrooms were asked: "quantos quartos?
    depende do preço né... tá, 3", "hmm, sei lá. bom, 4". The count is the message's only
    number and ends it, alone in its sentence but for a word that concludes ("tá", "ok",
    "então", "bom"), which must be there ("tá bom, 3" too); no money, nothing turned
    down."""
    numbers = [n for n in numbers if not _is_article(toks, n)]
    if len(numbers) != 1 or any(t.low in _MONEY_WORDS for t in toks):
        return None
    number = numbers[0]
    if number.scale != 1 or number.negative or not number.value.is_integer():
        return None
    rest = [t for t in toks[number.last :] if not (t.is_punct and t.low in ".!")]
    if rest:
        return None  # "... tá, 3 ou 4", "tá, 3?"
    k = number.first
    acks = 0
    while k > 0 and (toks[k - 1].low in _CONCLUDING_ACKS or toks[k - 1].low == ","):
        acks += toks[k - 1].low != ","
        k -= 1
    if not acks or (k > 0 and toks[k - 1].low not in (".", "?", "!", ";")):
        return None
    if any(t.low in _NEGATIONS for t in toks[k : number.first]):
        return None
    value = int(number.value)
    return value if BEDROOMS_MIN <= value <= BEDROOMS_MAX else None


def _bare_alternative(
    toks: Sequence[Token], numbers: Sequence[Number], count: Number
) -> Number | None:
    """The bare count offered as an alternative right after a count and its noun ("3
    quartos ou 4", "2 quartos, ou 3"), or None: a number that counts nothing of its own
    ("3 quartos ou 4 banheiros" is no alternative)."""
    k = count.last + 1
    if k < len(toks) and toks[k].low == ",":
        k += 1
    if k >= len(toks) or toks[k].low != "ou":
        return None
    bare = next((n for n in numbers if n.first == k + 1), None)
    if (
        bare is None
        or bare.scale != 1
        or bare.negative
        or not bare.value.is_integer()
        or not BEDROOMS_MIN <= bare.value <= BEDROOMS_MAX
        or not _ends_bare_value(toks, bare.last)
    ):
        return None
    return bare


def _is_range(toks: Sequence[Token], first: Number, second: Number) -> bool:
    """ "3 ou 4 quartos", "de 3 a 4 quartos", "2-3 quartos": a range, not one count (nor
    the exponent of an area: "150 m² e 4 quartos")."""
    if _unit_exponent(toks, first):
        return False
    between = [t.low for t in toks[first.last : second.first]]
    if first.scale == 1 and between in (["ou"], ["a"], ["-"], ["e"], ["/"]):
        return True
    if (
        first.scale == 1
        and between[:1]
        and between[0] in _BEDROOM_NOUNS
        and between[1:] in (["ou"], ["ou", "entao"])
    ):
        return True  # "3 quartos ou 4 quartos"
    # "tô entre a casa de 2 e a de 3 quartos": undecided between two counts.
    before = {t.low for t in _clause_before(toks, first.first, 5)}
    return first.scale == 1 and "entre" in before and between[:1] in (["e"], ["ou"])


_AREA_UNITS: Final = _words("m metro metros cm km")


def _unit_exponent(toks: Sequence[Token], number: Number) -> bool:
    """Whether `number` is the exponent of the unit written right before it ("m²", "m2",
    "metros²"): part of an area, no count of its own."""
    i = number.first
    if i == 0 or number.last - i != 1 or toks[i - 1].low not in _AREA_UNITS:
        return False
    return toks[i].raw in ("²", "³") or toks[i - 1].end == toks[i].start


def _is_article(toks: Sequence[Token], number: Number) -> bool:
    """ "um"/"uma" followed by another word is an article, not a count."""
    return (
        number.words_only
        and number.last - number.first == 1
        and toks[number.first].low in ("um", "uma")
        and number.last < len(toks)
        and toks[number.last].is_word
    )


def _as_budget(value: float, bare: bool) -> int | None:
    """Turn an amount into reais: a bare 800 (with no unit) means 800 mil.

    Below R$ 1.000 nothing is a home budget ("tenho 1 real"); the development's own floor
    and ceiling are the update_budget tool's to check (see `Profile.budget_floor_brl`).
    """
    if bare and 50 <= value < 10_000:
        value *= 1000
    elif bare and value < 10_000:
        return None
    amount = round(value)
    return amount if _MIN_BUDGET <= amount < BUDGET_MAX_EXCLUSIVE else None


def _budget_candidates(
    toks: Sequence[Token], numbers: Sequence[Number], pending: str | None, correcting: bool = False
) -> list[Candidate]:
    """Amounts stated as money the lead would spend on the home; after a correction cue
    the later amount replaces the earlier ("tenho 400 mil, aliás 450 mil"); `correcting`
    (a cue, and a budget already known) makes every amount a correction.

    Not saved: a negative amount, an amount in a question ("custa 500 mil?", "aceitam
    proposta de 450 mil"), income ("ganho 15 mil por mês"), a down payment, an
    instalment, rent, someone else's price, a hypothetical ("se fosse 500 mil"), a
    turned-down amount ("500 mil não", "não 600 mil"). A bare number right after a
    turned-down amount corrects it ("500 mil não, 450").
    """
    out: list[Candidate] = []
    last_end = 0
    for number in numbers:
        before = toks[number.first - 1].low if number.first > 0 else ""
        after = toks[number.last].low if number.last < len(toks) else ""
        if after in _BEDROOM_NOUNS or after in _SUITE_NOUNS or number.negative:
            continue
        lone_mil = number.words_only and number.value == 1000 and number.last - number.first == 1
        money = before in ("r$", "rs") or after in _MONEY_AFTER
        context = {t.low for t in toks[max(0, number.first - 4) : number.first]}
        amount: int | None = None
        if money or (number.scale >= 1000 and not lone_mil):
            amount = _as_budget(number.value, bare=after in _THOUSANDS_SLANG)
        elif (context & _BUDGET_CUES or _closing_at(toks, number)) and number.scale == 1:
            amount = _as_budget(number.value, bare=True)  # "fecha em 450 então"
        elif context & _WEAK_BUDGET_CUES and number.scale == 1 and number.value >= 10_000:
            amount = _as_budget(number.value, bare=False)
        elif number.scale == 1 and (_names_ceiling(toks, number) or _stretched_to(toks, number)):
            amount = _as_budget(number.value, bare=True)  # "no máximo 450", "450 é o teto"
        elif number.scale == 1 and _raised_to(toks, number):
            amount = _as_budget(number.value, bare=True)  # "vou aumentar pra 480"
        elif number.scale == 1 and _money_total(toks, number):
            amount = _as_budget(number.value, bare=True)  # "o banco aprovou 380 no total"
        elif (pending == "budget_brl" or correcting) and _reached_figure(toks, number):
            amount = _as_budget(number.value, bare=True)  # "na real, dá pra ir até 460"
        elif number.scale == 1 and _restated_amount(toks, number, out):
            amount = _as_budget(number.value, bare=True)  # "queria 500 mil mas só tenho 380"
        if amount is None:
            continue
        span = _span(toks, number.first, number.last)
        whose, modality = "lead", Modality.STATED
        if _in_question(toks, number.first) or _negotiating(toks, number.first):
            modality = Modality.QUESTION
        elif _not_a_budget(toks, number) or _seen_listing(toks, number.first):
            whose = "other"  # income, a down payment, a price seen
        elif _hypothetical(toks, number.first):
            modality = Modality.HYPOTHETICAL
        elif (
            _negated_after(toks, number.last)
            or _priced_out(toks, number.last)
            or _negated_before(toks, number.first)
            or _set_aside(toks, number.first)
        ):
            modality = Modality.NEGATED  # "500 mil não, 450", "posso 500 mil, não 600 mil"
        elif (
            correcting
            or _chosen(toks, number.first)
            or (
                any(c.modality in _SAVED for c in out)
                and _retracted_between(toks, last_end, number.first)
            )
            or _restated_amount(toks, number, out)
        ):
            modality = Modality.CORRECTED  # "400 mil, aliás 350 mil": the later amount wins
        if modality in _SAVED and whose == "lead":
            last_end = number.last
        out.append(Candidate("budget_brl", amount, span, "amount", whose, modality))
    if any(c.modality in _SAVED and c.whose == "lead" for c in out):
        return out
    turned_down = [c for c in out if c.modality is Modality.NEGATED]
    if turned_down:
        fix = _bare_number_after(toks, numbers, turned_down[-1].span[1])
        amount = None if fix is None else _as_budget(fix.value, bare=True)
        if fix is not None and amount is not None:
            span = _span(toks, fix.first, fix.last)
            out.append(
                Candidate(
                    "budget_brl",
                    amount,
                    span,
                    "after a turned-down amount",
                    modality=Modality.CORRECTED,
                )
            )
            return out
    fixed = _bare_self_correction(toks, numbers)
    amount = None if fixed is None else _as_budget(fixed.value, bare=True)
    if (pending == "budget_brl" or correcting) and fixed is not None and amount is not None:
        span = _span(toks, fixed.first, fixed.last)
        out.append(Candidate("budget_brl", amount, span, "taken back", modality=Modality.CORRECTED))
        return out
    body, firm = _before_condition(toks, numbers)
    body = body[: _reason_after(body, firm)]
    top = _bare_range_top(toks, body, firm) if pending == "budget_brl" else None
    amount = None if top is None else _as_budget(top.value, bare=True)
    if top is not None and amount is not None:
        span = _span(toks, top.first, top.last)
        out.append(Candidate("budget_brl", amount, span, "top of a bare range"))
        return out
    if (pending == "budget_brl" or correcting) and len(firm) == 1:
        number = firm[0]
        span_range = range(number.first, number.last)
        rest = [
            t
            for t in _core_tokens(body)
            if not span_range.start <= toks.index(t) < span_range.stop
            # "financiado consigo até 520" (not "pago até 1800": an instalment, maybe)
            and not (t.low in _PAYING_WORDS and number.value < 1000)
            # "não, pera, até 280": the correction's own words
            and not (correcting and toks.index(t) in _cue_words(toks))
        ]
        if not rest and number.scale == 1 and not number.negative:
            amount = _as_budget(number.value, bare=True)
            if amount is not None:
                modality = Modality.CORRECTED if correcting else Modality.STATED
                out.append(
                    Candidate("budget_brl", amount, (0, 0), "bare answer", modality=modality)
                )
    return out


_CONDITIONS: Final = _words("se caso")
_CONSULTED: Final = _words(
    "conversei conversamos falei falamos combinei combinamos acertei acertamos decidi "
    "decidimos pq porque porq pois"
)
"""Words opening a clause that says why an amount changed: "conversei com a patroa",
"falei com meu marido", "pq vendi o carro"."""
_AGREED: Final = _words("liberou liberaram concordou concordaram topou toparam autorizou")
"""Verbs of someone agreeing to an amount: "a patroa liberou", "meu marido topou"."""
_REASON_FILLERS: Final = _words("ja agora eu a gente que e acabei acabamos de hoje aqui")
_NEGATING: Final = _words("nao n nem nunca")


def _reason_after(toks: Sequence[Token], numbers: Sequence[Number]) -> int:
    """Where the last clause after a lone amount starts when it only says why the lead
    gives that amount ("na verdade até 500, conversei com a patroa agora", "450, minha
    esposa liberou"): it holds no number and opens with a word of consulting someone or
    of reason, or holds a verb of someone agreeing; else the end of `toks`."""
    if len(numbers) != 1:
        return len(toks)
    cut = next(
        (k for k in range(numbers[0].last, len(toks)) if toks[k].low in (",", ".", ";", "!")),
        None,
    )
    if cut is None:
        return len(toks)
    clause = [t.low for t in toks[cut + 1 :] if t.low not in _BOUNDARY_PUNCT]
    words = [w for w in clause if w not in _REASON_FILLERS]
    if not words or any(w[:1].isdigit() or w in _MONEY_WORDS | _NEGATING for w in clause):
        return len(toks)  # another amount, or "minha esposa não liberou"
    return cut if words[0] in _CONSULTED or set(words) & _AGREED else len(toks)


_RANGE_OPENERS: Final = _words("entre de uns umas")
_RANGE_JOINS: Final = _words("e a ate -")


def _bare_range_top(
    toks: Sequence[Token], body: Sequence[Token], numbers: Sequence[Number]
) -> Number | None:
    """The top of a bare range answering the budget ("entre 350 e 380", "de 300 a 320",
    "280-300"): the whole answer is two plain numbers, the lower first, joined as a range;
    a budget stated as a range is its top. "350 ou 380" leaves the choice open, and any
    other word ("entre 350 e 380 de renda") keeps it unread."""
    if len(numbers) != 2 or any(n.scale != 1 or n.negative for n in numbers):
        return None
    low, high = numbers
    if not low.value < high.value:
        return None
    joins = [t.low for t in toks[low.last : high.first]]
    if len(joins) != 1 or joins[0] not in _RANGE_JOINS:
        return None
    inside = range(low.first, high.last)
    rest = [t.low for t in _core_tokens(body) if toks.index(t) not in inside]
    if rest not in ([], *([w] for w in _RANGE_OPENERS)):
        return None
    if joins[0] == "e" and rest != ["entre"]:
        return None  # "350 e 380": two amounts, not a range
    return high


def _before_condition(
    toks: Sequence[Token], numbers: Sequence[Number]
) -> tuple[Sequence[Token], list[Number]]:
    """ "400, se vender o carro 450": the words before a condition that opens a clause of
    its own and holds an amount of its own (a stretch the lead might reach), and their
    numbers; else the whole message ("400 se vender o carro" is one condition)."""
    for k in range(1, len(toks)):
        if toks[k].low in _CONDITIONS and toks[k - 1].low in (",", ".", ";", "!"):
            head = [n for n in numbers if n.last <= k]
            if head and len(head) < len(numbers):
                return toks[:k], head
            break
    return toks, list(numbers)


def _budget(
    toks: Sequence[Token], numbers: Sequence[Number], pending: str | None, correcting: bool = False
) -> int | None:
    """The budget one message states, if any (see `_budget_candidates` and `decide`)."""
    value = decide(_budget_candidates(toks, numbers, pending, correcting)).get("budget_brl")
    return None if value is None else int(str(value))


_STRETCHING: Final = _words("forcando esticando apertando")
_CEILING: Final = _words("maximo teto limite") | _STRETCHING
"""Words naming the top the lead can reach: "no máximo 450", "uns 400, forçando 450"."""
_CEILING_AFTER: Final = _CEILING | _words("orcamento")
_ENDS_AMOUNT: Final = _words("que e eh , . ! ;")
_HOUSE_NUMBER_CUES: Final = _words(
    "no na numero n nº apto ap apartamento casa bloco lote quadra rua"
)


_CALL_OPENERS: Final = _words(
    "pode me liga ligar segunda terca quarta quinta sexta sabado domingo amanha"
)
"""Words that open a call's clause right after an amount in a run-on ("uns 350 no maximo
400 pode ser sexta as 9h")."""


def _ends_amount(toks: Sequence[Token], number: Number) -> bool:
    """Whether nothing but "que"/"é", punctuation, the message's end or the opening of a
    call's clause follows a bare number (no unit: "150 m²" is a size)."""
    return number.last >= len(toks) or toks[number.last].low in _ENDS_AMOUNT | _CALL_OPENERS


_STRETCH_LINKS: Final = _words("uns umas ate a pra para no maximo r$ rs")
_NOT_MONEY_AFTER: Final = _AREA_UNITS | _words(
    "m2 anos ano meses mes dias vezes x parcelas prestacoes % por cento quartos suites"
)


def _stretched_to(toks: Sequence[Token], number: Number) -> bool:
    """Whether a bare number is the top the lead stretches their budget to after an
    amount said first: "uns 200 mil forçando 250", "até 300, esticando 340 sexta 10h"
    (a word of stretching right before it, "uns"/"até" between; whatever the next clause
    says, even a call time read out of the text: "forçando 250 quinta 13:30 fica bom").
    Not a number of something else ("forçando 3 parcelas", "esticando 10 anos")."""
    k = number.first
    while k > 0 and toks[k - 1].low in _STRETCH_LINKS:
        k -= 1
    if k == 0 or toks[k - 1].low not in _STRETCHING:
        return False
    if not any(n.last <= k - 1 for n in read_numbers(toks[: k - 1])):
        return False  # "forçando 250" with no amount before it: nothing stretched
    after = toks[number.last].low if number.last < len(toks) else ""
    return after not in _NOT_MONEY_AFTER and not _in_question(toks, number.first)


def _names_ceiling(toks: Sequence[Token], number: Number) -> bool:
    """Whether a bare number is named as the lead's ceiling: "uns 400, no máximo 450",
    "pode colocar 450 que é o nosso teto" (nothing but "que"/"é" or the clause's end after
    it: "no máximo 150 m²" measures a size), or followed by the ceiling's own words
    ending its clause ("500 mil é muito alto, 400 no máximo", "450 de teto")."""
    if _ceiling_follows(toks, number):
        return number.first == 0 or toks[number.first - 1].low not in _HOUSE_NUMBER_CUES
    if not _ends_amount(toks, number):
        return False
    if number.first > 0 and toks[number.first - 1].low in _HOUSE_NUMBER_CUES:
        return False  # "moro no 450": a house number
    before = {t.low for t in toks[max(0, number.first - 3) : number.first]}
    after: set[str] = set()
    for tok in toks[number.last : number.last + 6]:
        if tok.low in (".", "!", "?", ";"):
            break
        after.add(tok.low)
    return bool(before & _CEILING or after & _CEILING_AFTER)


_REACHING: Final = _words(
    "a ate pra para pro ir chegar subir baixar abaixar diminuir reduzir ser uns umas"
)
_REACH_VERBS: Final = _words("ir chegar subir baixar abaixar diminuir reduzir")
_REACH_OPENERS: Final = _words("pode podemos melhor")
"""Besides the verbs of paying and of raising: words before what the lead can reach."""


def _reached_figure(toks: Sequence[Token], number: Number) -> bool:
    """Whether a bare figure ending its clause is what the lead can reach, when the budget
    is asked or being changed: "dá pra ir até 520", "podemos chegar a 550", "melhor baixar
    pra 400", "pode ser 500", "vai até 460" (a verb of reaching or paying, then only its
    links, then the figure)."""
    if number.scale != 1 or not _ends_amount(toks, number):
        return False
    k = number.first
    while k > 0 and toks[k - 1].low in _REACHING:
        k -= 1
    if k == number.first:
        return False
    links = {t.low for t in toks[k : number.first]}
    opener = toks[k - 1].low if k > 0 else ""
    # (not a verb of paying alone: "pago até 1800" may be an instalment)
    return bool(links & _REACH_VERBS) or opener in (
        _REACH_OPENERS
        | _RAISING
        | ((_CAN_PAY | _WE_CAN_PAY) - _PAYS_NOW - _words("paga dou damos da bancamos"))
    )


_CONSULTING: Final = _words(
    "conversei conversamos falei falamos combinei combinamos acertei acertamos"
)


def _consulted(toks: Sequence[Token]) -> bool:
    """Whether the message opens by saying the lead talked it over with someone ("conversei
    com a patroa, ...", "falei com meu marido e ..."): what follows changes an answer."""
    lows = [t.low for t in toks[:4]]
    return any(w in _CONSULTING and lows[k + 1 : k + 2] == ["com"] for k, w in enumerate(lows))


_TOTALS: Final = (("no", "total"), ("ao", "todo"), ("total",), ("tudo",))
_MONEY_TALK: Final = _words(
    "banco bancos aprovou aprovaram aprovado aprovada liberou liberaram liberado liberada "
    "financiamento financiar financiado fgts entrada orcamento"
)
"""Words that make a sentence about money: a bare figure "no total" in it is an amount."""


def _money_total(toks: Sequence[Token], number: Number) -> bool:
    """Whether a bare figure is a total in a sentence about money: "o banco aprovou 380
    no total, já contando o FGTS", "com a entrada dá 420 ao todo" (not "somos 5 no total",
    "3 no total" in a message with no word of money)."""
    after = tuple(t.low for t in toks[number.last : number.last + 2])
    if not any(after[: len(total)] == total for total in _TOTALS):
        return False
    return bool(_sentence_words(toks, number.first) & _MONEY_TALK)


_CEILING_LINKS: Final = _words("no de o meu nosso e eh")


def _ceiling_follows(toks: Sequence[Token], number: Number) -> bool:
    """Whether a ceiling's words follow a bare number and end its clause: "400 no
    máximo", "450 de teto", "480 é o meu limite" (not "400 no máximo de entrada")."""
    j = number.last
    while j < len(toks) and j - number.last < 3 and toks[j].low in _CEILING_LINKS:
        j += 1
    if j == number.last or j >= len(toks) or toks[j].low not in _CEILING - _STRETCHING:
        return False
    return j + 1 >= len(toks) or _is_boundary(toks[j + 1])


_RAISING: Final = _words(
    "aumentar aumento aumentei aumentamos aumenta subir subo subi subimos sobe esticar estico "
    "estiquei esticamos"
)
_UP_TO: Final = _words("pra para ate pro")


_RESTATING: Final = _words(
    "tenho temos consigo conseguimos posso podemos chego chegamos subiu subimos aumentou "
    "aumentamos caiu baixou diminuiu ficou foi"
)
"""Verbs before a bare amount that restate what the lead has or reaches now: "mas só tenho
380", "agora subiu pra 450"."""
_CHANGE_CUES: Final = _CONTRAST | _words("agora")


def _restated_amount(toks: Sequence[Token], number: Number, out: Sequence[Candidate]) -> bool:
    """Whether a bare number restates the lead's budget after an amount said before it in
    the message: "queria 500 mil mas só tenho 380", "meu teto era 400 mil, agora subiu pra
    450" (the lead's own amount before, then a contrast or "agora", then a verb of having
    or reaching right before the number, which ends its clause; "500 mil, mas tenho 2
    filhos" counts children)."""
    before = [c for c in out if c.whose == "lead" and c.modality in _SAVED]
    if not before or not _ends_amount(toks, number):
        return False
    start = (
        next(k for k, t in enumerate(toks) if t.start >= before[-1].span[1])
        if any(t.start >= before[-1].span[1] for t in toks)
        else len(toks)
    )
    if not any(t.low in _CHANGE_CUES for t in toks[start : number.first]):
        return False
    k = number.first
    while k > 0 and toks[k - 1].low in _UP_TO | _words("uns umas so somente apenas a em"):
        k -= 1
    return k > 0 and (toks[k - 1].low in _RESTATING or toks[k - 1].raw.lower() == "é")


def _raised_to(toks: Sequence[Token], number: Number) -> bool:
    """Whether a bare number is what the lead raises their budget to: "vou aumentar pra
    480", "posso subir até 520" (a verb of raising, then only "pra"/"até", and nothing
    but the clause's end after the number: "subir pra 3 quartos" counts rooms, "aumentar
    pra 150 m²" a size)."""
    if not _ends_amount(toks, number):
        return False
    k = number.first
    while k > 0 and toks[k - 1].low in _UP_TO | _words("uns umas o orcamento"):
        k -= 1
    return k < number.first and k > 0 and toks[k - 1].low in _RAISING


_CLOSING: Final = _words("fecha fechou fechamos fecho fechar fechado")


def _closing_at(toks: Sequence[Token], number: Number) -> bool:
    """Whether `number` is what a deal closes at: "fecha em 450", "fechou em 380 então"
    (the price idiom "fechar em", opening its clause, the number ending it; "a obra fecha
    em 100 dias" counts days, "fecha às 18h" is a time, read before)."""
    i = number.first
    if i < 2 or toks[i - 1].low != "em" or toks[i - 2].low not in _CLOSING:
        return False
    opener = toks[i - 3] if i >= 3 else None
    if opener is not None and not (
        opener.low in _BOUNDARY_PUNCT or opener.low in _DECISION_OPENERS
    ):
        return False
    return all(t.low in _CONCLUDING for t in _clause_after(toks, number.last, 3))


_THOUSANDS_SLANG: Final = _words("conto contos")
"""Money words that count thousands when the number is small: "uns 400 conto" is R$ 400 mil."""
_NEGOTIATION: Final = _words(
    "aceita aceitam aceitaria aceitariam aceitar proposta propostas oferta ofertas "
    "contraproposta negocia negociam negociar negociavel negociacao desconto descontos"
)


def _negotiating(toks: Sequence[Token], i: int) -> bool:
    """ "aceitam proposta de 450 mil": an amount offered to haggle asks, it states no
    budget (unless the sentence names the budget too)."""
    sentence = _sentence_words(toks, i)
    if sentence & _NEGOTIATION and not sentence & _BUDGET_CUES:
        # "tenho 850 mil, se tiver desconto fica melhor": a condition after the amount
        # haggles for later; the amount before it is stated
        return bool(_sentence_words(toks, i, stop=_HYPOTHETICAL) & _NEGOTIATION)
    return False


_LIMIT_WORDS: Final = _words("passo passa passar passamos ultrapasso ultrapassar mais acima alem")
"""Words that make a negated amount a ceiling: "não passo de 500 mil" is a budget."""


def _negated_before(toks: Sequence[Token], i: int) -> bool:
    """ "posso 500 mil, não 600 mil": a "não" right before the amount, opening its clause;
    "posso 400 mil, não chego a 500 mil": a negated verb of the amount's clause (not a
    ceiling: "não passo de 500 mil", "não mais que 500 mil")."""
    if i > 0 and toks[i - 1].low in _RETRACTING_NO:
        return i == 1 or _is_boundary(toks[i - 2])
    before = [t.low for t in _clause_before(toks, i)]  # nearest first
    for k, word in enumerate(before):
        if word in _LIMIT_WORDS:
            return False
        if word in _NEGATIONS:
            return True
        nxt = before[k + 1] if k + 1 < len(before) else ""
        if (word in _STATING or word in _WISHING) and nxt not in _NEGATIONS:
            return False  # "não quero no Centro prefiro Cumbuco até 700 mil": a new verb
    return False


def _sentence_words(toks: Sequence[Token], i: int, stop: frozenset[str] = frozenset()) -> set[str]:
    """The words of the sentence token `i` is in (up to ".", "!", "?" or ";"; or, after
    `i`, a word of `stop`)."""
    start = i
    while start > 0 and toks[start - 1].low not in _SENTENCE_ENDS:
        start -= 1
    end = i
    while end < len(toks) and toks[end].low not in _SENTENCE_ENDS and toks[end].low not in stop:
        end += 1
    return {t.low for t in toks[start:end]}


_THE_REST: Final = _words("resto restante")
_FINANCING: Final = _words("financio financiar financia financiamos financiamento financiando")
_HYPOTHETICAL: Final = _words("se caso")


_POLITE_WISHES: Final = _words("queria gostaria")
"""Forms that end like a conditional but state a wish politely ("queria comprar algo até
260 mil" is a budget; "pagaria 800 mil se" is not)."""


_WAYS_OF_PAYING: Final = _words("financiado financiada parcelado parcelada")
_CAN_PAY: Final = _words(
    "consigo conseguimos posso podemos chego chegamos pago pagamos vou vamos dou damos "
    "bancamos alcanco alcancamos"
)
_WE_CAN_PAY: Final = _words("consegue pode chega paga vai da alcanca")
"""First-person verbs of what the lead can pay or reach: "financiado *consigo* ir até 520
mil", "parcelado *chego* a 400"; after "a gente", their third-person forms."""


_INSTALMENT_AT_MOST: Final = 20_000
"""Below this, an amount said under a way of paying is an instalment, not the price."""
_PAYING_VERBS: Final = frozenset({"financiar", "parcelar", "pagar"})
_PAYING_WORDS: Final = (
    _WAYS_OF_PAYING | _CAN_PAY | _words("a vista avista ir chegar financiando parcelando")
)
"""Words a bare figure answering the budget question may come with: "consigo até 520",
"financiado chego a 480", "à vista pago até 300"."""


_PAYING_CONDITION: Final = _WAYS_OF_PAYING | _words(
    "for seja fosse a vista avista financiar parcelar financiando parcelando pelo pela no "
    "banco caixa financiamento eu"
)
"""The words of a condition that only names a way of paying ("se for financiado", "se
for à vista", "caso eu financie pela Caixa")."""


_MODALS: Final = _words(
    "quer querem quero queremos vai vou vamos vao pode podem posso pretende pretendem pretendo "
    "precisa precisam preciso"
)
"""Verbs a reflexive "se" follows ("quer se mudar", "vamos se mudar"): no "if"."""


def _hypothetical(toks: Sequence[Token], i: int) -> bool:
    """ "se eu vender o sítio chego a 800 mil": an amount the lead might have, not has; a
    condition that only names a way of paying ("se for financiado consigo até 400 mil")
    sets the ceiling under it, a budget."""
    before = [t.low for t in _clause_before(toks, i, 10)]
    # "ele quer se mudar pra Varjota, uns 350 mil": a reflexive "se", no condition
    before = [
        w
        for k, w in enumerate(before)
        if not (
            w == "se"
            and 0 < k < len(before) - 1
            and before[k + 1] in _MODALS  # nearest first: the word before "se"
            and before[k - 1].endswith(("ar", "arem"))
        )
    ]
    opener = next((k for k, w in enumerate(before) if w in _HYPOTHETICAL), None)
    if opener is not None:
        verb = next((k for k, w in enumerate(before) if w in _CAN_PAY), None)
        said = before[verb + 1 : opener] if verb is not None and verb < opener else None
        if said and all(w in _PAYING_CONDITION or verb_of(w) in _PAYING_VERBS for w in said):
            return False
    return any(
        word in _HYPOTHETICAL
        or (len(word) > 5 and word.endswith("ria") and word not in _POLITE_WISHES)
        for word in before
    )


_MEANS: Final = _words("com junto pelo pela")
_MEANS_VERBS: Final = _words("usar utilizar contar incluir somar juntar")
"""Words, and verbs in any form, that make a source of money the means of reaching an
amount ("usando o FGTS", "esqueci de somar o FGTS")."""
_FUNDS: Final = _words("fgts financiamento poupanca economias reserva guardado")
"""Sources of money: the amount they are is no budget ("tenho 60 mil de FGTS"), the total
reached with them is ("consigo ir até 380 mil usando o FGTS")."""
_SAVINGS: Final = _words(
    "guardado guardada guardados guardadas guardadinho poupanca economias economizado "
    "economizados juntado juntados reserva"
)
"""Words after an amount that make it savings: "tenho 50 mil guardado", "uns 80 mil na
poupança" (what the lead has, not what they can pay in all)."""


_OTHER_SPENDING: Final = _words(
    "moveis movel mobilia mobiliar mobiliada decoracao decorar mudanca armario armarios "
    "eletrodomesticos eletro eletros enxoval"
)
"""What money is set aside for besides the home itself: "tô juntando 15 mil pra móveis",
"separei 20 mil pra mudança" (what furnishing it costs, not what the lead can pay for it)."""


def _for_other_spending(after_words: Sequence[str]) -> bool:
    """Whether the words after an amount (`after_words`, in reading order) say it is for
    something else than the home: "15 mil pra móveis", "uns 10 mil pros armários"."""
    return bool(set(after_words[:4]) & _OTHER_SPENDING)


def _means(word: str) -> bool:
    return word in _MEANS or word in _MEANS_VERBS or verb_of(word) in _MEANS_VERBS


def _reached_with(words: Sequence[str]) -> bool:
    """Whether the first money-source word of `words` (read away from the amount) has a
    word of means beside it: "até 380 mil *usando o FGTS*", "chego a 500 mil *com o
    financiamento*", "*somar o FGTS* então dá 550 mil" (the amount is the total the lead
    reaches with it), not "60 mil *de FGTS*" (the amount is the source)."""
    for k, word in enumerate(words):
        if word in _NOT_BUDGET_AFTER or word in _FUNDS:
            return word in _FUNDS and any(_means(w) for w in words[max(0, k - 3) : k + 3])
    return False


_PAYMENT_PARTS: Final = _words("entrada sinal parcela parcelas prestacao prestacoes")


def _unconditioned(after_words: Sequence[str]) -> list[str]:
    """The words after an amount up to a condition ("se", "caso") that opens there and
    has a stretch of its own: what the condition names is how the lead might reach more,
    not what the amount is ("até 900 mil se vender o carro estico um pouco": the car is
    sold, the 900 mil is the budget). A condition with no consequence of its own governs
    the amount ("chego a 600 mil se vender o carro": the car's money is in it), and a
    part of the payment named in it still says what the amount is for ("tenho 50 mil se
    precisar de entrada, consigo mais")."""
    words = list(after_words)
    cut = next((k for k, w in enumerate(words) if w in _HYPOTHETICAL), None)
    if cut is None or _PAYMENT_PARTS.intersection(words[cut:]):
        return words
    stretch = any(w in _CAN_PAY or w in _RAISING for w in words[cut + 2 :])
    return words[:cut] if stretch else words


_CEILING_WORDS: Final = _words("max maximo teto limite")
_POINTING_BACK: Final = _words("isso esse essa ai")


def _declared_ceiling(toks: Sequence[Token], number: Number) -> bool:
    """Whether the sentence goes on to make the amount the lead's ceiling: "tenho 480k
    guardado, o máximo é isso", "..., esse é meu limite" (a word of limit and one pointing
    back, no other figure, before the sentence ends)."""
    words: list[str] = []
    for t in toks[number.last : number.last + 10]:
        if t.low in _SENTENCE_ENDS or t.low == "?":
            break
        if t.low[:1].isdigit() or number_word(t.low) is not None:
            return False
        words.append(t.low)
    return bool(set(words) & _CEILING_WORDS) and bool(set(words) & _POINTING_BACK)


_MONTH_NAMED: Final = _words("deste neste este esse desse nesse proximo outro")


def _not_a_budget(toks: Sequence[Token], number: Number) -> bool:
    """Income, a down payment, an instalment, rent or another price, in the same clause;
    an amount reached with a source of money ("até 380 mil usando o FGTS", "com o FGTS
    chego a 400 mil") is a budget."""
    after_words = _unconditioned([t.low for t in _clause_after(toks, number.last, 10)])[:6]
    # "tenho 550 mil, pode ligar dia 17 deste mês": a month named as a date, not "por mês"
    after_words = [
        w
        for m, w in enumerate(after_words)
        if not (w == "mes" and m > 0 and after_words[m - 1] in _MONTH_NAMED)
    ]
    if set(after_words[:4]) & (_NOT_BUDGET_AFTER | _SAVINGS) and not _reached_with(after_words):
        saved_only = not set(after_words[:4]) & _NOT_BUDGET_AFTER
        if not (saved_only and _declared_ceiling(toks, number)):
            return True  # "tenho 480k guardado, o máximo é isso" is the ceiling
    if _for_other_spending(after_words):
        return True
    if _sale_price(toks, number.first):
        return True  # "a casa atual está à venda por 600 mil": what the lead sells
    priced = _priced_home(toks, number.first)
    if priced == "owned":
        return True  # "minha casa de 300 mil tá à venda": what the lead's home is worth
    sentence = set() if priced == "bought" else _sentence_words(toks, number.first)
    if sentence & _INCOME and not sentence & _BUDGET_CUES:
        return True  # "eu ganho 8 mil e minha esposa 6 mil": both amounts are income
    nearest_before = [t.low for t in _clause_before(toks, number.first, 1)]
    if nearest_before in (["pago"], ["pagamos"]) and sentence & _PAID_NOW:
        return True  # "moro de aluguel no X, pago 900 conto num apê": what the rent is now
    if sentence & _THE_REST and sentence & _FINANCING:
        # "tenho 300 mil e financio o resto": a down payment, not the total; "... e
        # financio o resto até 400 mil": the limit after "o resto" is the total.
        nearest = [t.low for t in _clause_before(toks, number.first, 1)]  # nearest first
        rest_before = any(t.low in _THE_REST for t in toks[: number.first])
        return not (rest_before and nearest in (["ate"], ["total"]))
    before = [t.low for t in reversed(_clause_before(toks, number.first))]
    limit = _named_limit(before)
    if limit is not None:
        if limit.whose == "other":
            return True  # "o teto do programa é 264 mil": a programme's, not the lead's
        # "pelo que eu vi meu teto é 310 mil": a hedge before the lead's own limit does
        # not make it a price seen; only what follows "meu teto" may
        return bool(set(before[limit.end :]) & _NOT_BUDGET_BEFORE)
    cues = _NOT_BUDGET_BEFORE - _FUNDS if _reached_with(before) else _NOT_BUDGET_BEFORE
    if _paying_this_way(before):
        if number.value * (1000 if number.scale == 1 else 1) < _INSTALMENT_AT_MOST:
            return True  # "financiado consigo até 2 mil": what a month's instalment is
        cues -= _WAYS_OF_PAYING
    return _about_other(toks, number.first, cues)


_LIMIT_NOUNS: Final = _words("teto limite maximo")
_LEADS_OWN: Final = _words("meu minha nosso nossa orcamento bolso familia casal gente")
_FOR_THE_LEAD: Final = _words("pra para pro")
_LEAD_AS_OBJECT: Final = _words("mim gente nos")
_HOLDERS: Final = _INSTITUTIONS | _words(
    "programa subsidio mcmv governo faixa vcs voces voce vc empreendimento condominio la ai"
)
"""Whoever else a home's limit may be of: a bank, a programme, the development ("o
valor máximo da casa pelo programa", "o máximo da casa de vocês", "da casa lá")."""


@dataclass(frozen=True)
class _Limit:
    """A ceiling named before an amount: whose it is, and where its words end."""

    whose: Literal["lead", "other"]
    end: int


def _named_limit(before: Sequence[str]) -> _Limit | None:
    """The ceiling the words before an amount (its clause, reading order) name, if any.

    Someone else's: a limit noun, then "do/da" and what it belongs to that is not the
    lead's ("o teto do programa é 264 mil", "o limite da Caixa pra mim é 300 mil", "o
    máximo do subsídio") — unless what follows is the home with "pra mim/pra gente/pra
    nós" and nobody else's ("o valor máximo da casa pra gente é 330 mil": the lead's
    limit for the home, read as any amount). The lead's own: the last "meu teto",
    "nosso limite", "meu orçamento" (`_OWN_LIMITS` owned), ending where that phrase ends.
    """
    for k, word in enumerate(before[:-2]):
        if word in _LIMIT_NOUNS and before[k + 1] in _OF and before[k + 2] not in _LEADS_OWN:
            rest = before[k + 2 :]
            for_the_lead = (
                rest[0] in _BOUGHT
                and not set(rest) & _HOLDERS
                and any(a in _FOR_THE_LEAD and b in _LEAD_AS_OBJECT for a, b in pairwise(rest[1:]))
            )
            if not for_the_lead:
                return _Limit("other", k)
            break
    ends = [
        k + 2
        for k in range(len(before) - 1)
        if before[k] in _POSSESSIVES and before[k + 1] in _OWN_LIMITS
    ]
    return _Limit("lead", ends[-1]) if ends else None


def _paying_this_way(before: Sequence[str]) -> bool:
    """Whether the clause before an amount (`before`, in reading order) opens with a way
    of paying and then a verb of what the lead can pay: "financiado consigo ir até 520
    mil", "financiada eu posso até 400" (the ceiling under that way of paying, a budget),
    not "tenho um carro financiado de 40 mil" (a debt: no such verb after it)."""
    for k, word in enumerate(before):
        if word in _WAYS_OF_PAYING:
            rest = before[k + 1 :]
            if rest[:1] == ["ate"] or rest[:2] == ["no", "maximo"]:
                return True  # "financiado até 500 mil": the ceiling financed
            return any(
                w in _CAN_PAY or (w in _WE_CAN_PAY and rest[m - 1 : m] == ["gente"])
                for m, w in enumerate(rest)
            )
    return False


_SALE_WORDS: Final = _words(
    "venda vendendo vendo vendi vender vendida vendido anunciada anunciado anunciei "
    "avaliada avaliado avaliaram"
)


def _sale_price(toks: Sequence[Token], i: int) -> bool:
    """Whether the amount at token `i` is what something of the lead's sells or is worth
    for: "está à venda por 600 mil", "anunciei o apê por 300", "foi avaliada em 450 mil",
    "minha casa vale uns 500" (not "até 500 mil", the limit, after any of them)."""
    nearest = [t.low for t in _clause_before(toks, i, 5)]  # nearest first
    while nearest and nearest[0] in ("uns", "umas", "cerca", "de", "r$", "rs"):
        nearest = nearest[1:]
    if nearest[:1] in (["vale"], ["valendo"]):
        return True
    return nearest[:1] in (["por"], ["em"]) and bool(set(nearest[1:4]) & _SALE_WORDS)


_BOUGHT: Final = _HOME_NOUNS | _words(
    "imovel imoveis ap ape apto aptos apartamentos casas casinha apartamentinho unidade "
    "residencia sobrado cobertura"
)
_PRICE_LINKS: Final = _words(
    "de ate r$ rs uns umas por na no faixa valor em torno volta cerca aproximadamente "
    "maximo mais ou menos"
)
"""Words between the thing bought and its price: "imóvel de até R$ 550.000", "casa na
faixa de 400 mil", "um apê por volta de 300 mil"."""
_NOT_MY_NEXT_HOME: Final = _POSSESSIVES | _words("essa esse dessa desse nessa nesse sua seu")


def _priced_home(toks: Sequence[Token], i: int) -> str | None:
    """What names the amount at token `i`: "bought" when it is the thing the lead buys
    ("posso dar 60 mil de entrada e financiar o resto, imóvel de até R$ 550.000", "casa na
    faixa de 400 mil": a home noun, then only words of price, then the amount), a total
    that is the budget even beside a down payment, income or "financio o resto"; "owned"
    when it is the lead's own home ("minha casa de 300 mil tá à venda", not "... de até
    400 mil"); None otherwise (and for a home pointed at: "essa casa de 500 mil")."""
    j = i - 1
    while j >= 0 and i - j <= 6 and toks[j].low in _PRICE_LINKS:
        j -= 1
    if j < 0 or j == i - 1 or toks[j].low not in _BOUGHT:
        return None
    before = toks[j - 1].low if j > 0 else ""
    if before in _POSSESSIVES:
        return None if any(t.low == "ate" for t in toks[j:i]) else "owned"
    return None if before in _NOT_MY_NEXT_HOME else "bought"


# ---------------------------------------------------------------------------
# Name


_AGENT_SUFFIXES: Final = (
    "ante",
    "ente",
    "dor",
    "dora",
    "tor",
    "tora",
    "ogo",
    "oga",
    "ario",
    "aria",
    "eiro",
    "eira",
    "ista",
)
"""Endings of the Portuguese nouns of what someone does ("representante", "cuidadora",
"pedagoga", "bancária", "vendedor"): typed in lower case after "sou", such a word the
dictionary knows says what the lead is, not who ("Vitor", "Isadora" are not words)."""


def _looks_like_word_not_name(low: str) -> bool:
    """Whether `low`, typed in lower case after a weak cue ("sou …"), is a word and not a
    name: a stop word, a profession, an ending of a verb or an adjective, or a noun of
    what someone does that the dictionary knows ("sou representante comercial")."""
    if low in _NAME_STOP or low in _NAMES_LIKE_WORDS or len(low) <= 4:
        return low in _NAME_STOP
    return low.endswith(_NON_NAME_SUFFIXES) or (
        len(low) > 5 and low.endswith(_AGENT_SUFFIXES) and known_word(low)
    )


_COMPLEMENT_PREPS: Final = _words("por pelo pela com em pra para")
_PREPOSITION_IDIOMS: Final = frozenset(
    {("pelo", "menos"), ("por", "favor"), ("por", "enquanto"), ("com", "certeza")}
)
"""A preposition opening an idiom of its own, no complement of the word before it."""
_DESCRIPTIVE_SUFFIXES: Final = ("ado", "ada", "ido", "ida", "oso", "osa", "avel", "ivel")


def _describes_after(toks: Sequence[Token], j: int, capitalised: bool) -> bool:
    """Whether token `j`, right after the first word read after a weak cue ("sou …"),
    shows that word, typed in lower case, describes the lead instead of naming them: a
    preposition of its complement ("leigo em financiamento", "doente por futebol") or an
    adjective ("mto apegado"). A capitalised word is a name ("sou a Carla em busca de um
    ap") unless a dictionary knows it and a preposition follows ("Sou Leigo em …")."""
    if j >= len(toks) or not toks[j].is_word or toks[j].is_cap:
        return False
    low = toks[j].low
    if low in _COMPLEMENT_PREPS:
        if j + 1 < len(toks) and (low, toks[j + 1].low) in _PREPOSITION_IDIOMS:
            return False  # "sou o thiago pelo menos 4 quartos": "at least", another fact
        return not capitalised or known_word(toks[j - 1].raw.lower())
    adjective = low.endswith(_DESCRIPTIVE_SUFFIXES) and low not in _NAMES_LIKE_WORDS
    return not capitalised and len(low) > 4 and adjective


def _skip_titles(toks: Sequence[Token], i: int) -> int:
    """The index past any titles at `i`: "Dr. Carlos" -> "Carlos", "Dona Maria" -> "Maria",
    "(o) seu João" -> "João" ("seu" is the title after the article "o" or capitalised)."""
    while i < len(toks) and (toks[i].low in TITLES or _title_seu(toks, i)):
        i += 1
        if i < len(toks) and toks[i].low == ".":
            i += 1
    return i


def _title_seu(toks: Sequence[Token], i: int) -> bool:
    """Whether "seu" at token `i` is the title ("aqui é o seu João", "Seu Raimundo"), not
    the possessive: after the article "o" or capitalised, before another word."""
    if toks[i].low != "seu" or i + 1 >= len(toks) or not toks[i + 1].is_word:
        return False
    return toks[i].raw == "Seu" or (i > 0 and toks[i - 1].low == "o")


def _read_name(
    toks: Sequence[Token], i: int, *, allow_lower: bool, strict: bool = False, strong: bool = False
) -> str | None:
    """Read a person's name starting at token `i`; titles before it are dropped.

    `allow_lower` accepts a name typed in lower case; `strict` (for weak cues such as
    "sou …") also rejects a first word that looks like an adjective ("casado"); `strong`
    (after "meu nome é") accepts a capitalised word that is usually not a name ("Teste").
    """
    i = _skip_titles(toks, i)
    if i >= len(toks) or not toks[i].is_word:
        return None
    first = toks[i]
    if first.low in _NAME_PARTICLES or len(first.low) < 2:
        return None  # "s", "n": one letter answers yes or no, it names nobody
    capitalised = first.is_cap
    if not capitalised and (not allow_lower or first.low in _NAME_STOP):
        return None
    if not capitalised and strict and _looks_like_word_not_name(first.low):
        return None
    # After "meu nome é", a capitalised "Teste" or "Sol" is the name; "Eu" or "Bom" is not.
    if (
        capitalised
        and first.low in _NAME_STOP
        and (not strong or first.low in _NEVER_NAME)
        and not _kin_nickname(toks, i)
    ):
        return None
    if strict and _describes_after(toks, i + 1, capitalised):
        return None  # "sou ligado em natureza", "sou louco por praia": a description
    words = [first.raw]
    j = i + 1
    limit = 6 if capitalised else 4
    while j < len(toks) and len(words) < limit:
        tok = toks[j]
        if not tok.is_word:
            break
        if tok.low == toks[j - 1].low and tok.low not in _NAME_PARTICLES:
            j += 1  # "cleide cleide maria": a word said twice in a row (dictated) is said once
            continue
        again = _said_again(toks, j, words)
        if again:
            j += again  # "joao pedro joao pedro holanda": the words read said again, once
            continue
        if not tok.is_cap and _first_person_past(tok.low):
            break  # "thiago pensei em 4 quartos": the lead's own verb, no surname
        if tok.low in _NAME_PARTICLES and tok.low != "e":
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            ok = nxt is not None and nxt.is_word and (nxt.is_cap or not capitalised)
            stop = nxt is not None and nxt.low in _NAME_STOP - _SURNAMES_AFTER_PARTICLE
            if not ok or nxt is None or stop or nxt.low in _INSTITUTIONS | _TRADES:
                break  # "Paulo da Caixa": a person at a bank, not a surname; "Zé da
                # Padaria": a nickname by where he works
            words.extend([tok.raw, nxt.raw])
            j += 2
            continue
        if capitalised and not tok.is_cap:
            break
        if tok.low in _NAME_STOP and not (tok.low in _NAME_SUFFIXES and tok.is_cap == capitalised):
            break  # but "Ricardo Albuquerque Neto", "José Filho": the name's suffix
        words.append(tok.raw)
        j += 1
    if _second_person_after(toks, j):
        return None  # "aqui é a Ana e o Pedro": two people, either may be typing
    owned = len(words) > 2 and fold(words[1]).lower() in _OWNERS and toks[i + 2].is_cap
    if not capitalised and owned and _common_word(first):
        return None  # "aqui é o carro da Ana": a thing, and whose
    if any(fold(word).lower() in _HOME_THINGS for word in words):
        return None  # "e o iptu", "é a garagem": a thing of the home, asked about
    fuller = _fuller_repetition(toks, j, words, allow_lower=allow_lower, strict=strict)
    if fuller:
        return fuller
    return _clip(_nice_case(words, _NAME_PARTICLES), NAME_MAX_CHARS)


def _said_again(toks: Sequence[Token], j: int, words: Sequence[str]) -> int:
    """How many tokens from `j` say again all the words of a name read so far, when it is
    two words or more ("joao pedro joao pedro holanda", "Ana Maria Ana Maria Lima":
    dictated, a compound first name said twice): 0 when they do not."""
    if len(words) < 2 or j + len(words) > len(toks):
        return 0
    said = [fold(word).lower() for word in words]
    return len(words) if [t.low for t in toks[j : j + len(words)]] == said else 0


def _first_person_past(low: str) -> bool:
    """Whether the lower-case word `low` is a verb of the lead's own in the past, which
    begins a clause of its own after a name typed in lower case ("pensei", "achei",
    "liguei"): ends in "ei" and a dictionary knows it ("rei" is too short to tell)."""
    return len(low) > 3 and low.endswith("ei") and known_word(low)


def _fuller_repetition(
    toks: Sequence[Token], j: int, words: Sequence[str], *, allow_lower: bool, strict: bool
) -> str | None:
    """The name said again at once after a comma with more of it ("Cícero, Cícero
    Nogueira", "Ana, Ana Paula Lima"): the fuller repetition is the name. Only when it
    begins with every word already read and adds a word of its own; another name after
    the comma ("Ana, Pedro é meu marido") or the same one alone ("Ana, Ana mesmo") keeps
    the first reading. A cue after the first reading ("Priscila aqui, Priscila Bezerra",
    "Cícero falando, Cícero Nogueira") is skipped; the repetition must end its clause
    ("Ana aqui, Ana Maria é minha irmã" keeps Ana)."""
    cued = j < len(toks) and toks[j].low in _NAME_TRAILING_CUES
    if cued:
        j += 1
    denied = _after_denied_name(toks, j, words)
    if denied is not None:
        j = denied
    if j < len(toks) and toks[j].low in (",", "…"):
        j += 1
    elif not cued and denied is None:
        return None  # "Ana Ana": said without a pause, read by `_read_name` as one word
    if j >= len(toks) or not toks[j].is_word or toks[j].low != fold(words[0]).lower():
        return None
    again = _read_name(toks, j, allow_lower=allow_lower, strict=strict)
    if again is None:
        return None
    if not _ends_repetition(toks, j + len(again.split())):
        return None  # "Ana, Ana Maria é minha irmã": someone else named after the comma
    said, repeated = fold(" ".join(words)).lower().split(), fold(again).lower().split()
    if len(repeated) <= len(said) or repeated[: len(said)] != said:
        return None
    return again


def _after_denied_name(toks: Sequence[Token], j: int, words: Sequence[str]) -> int | None:
    """The index after another name denied right after the one read ("gabriel não é
    rafael não gabriel lima", "Sônia, não Sandra, Sônia Melo"): "não", "é" or an article
    maybe, one word other than the name read, "não" maybe; None when no denial is there."""
    if j < len(toks) and toks[j].low == ",":
        j += 1
    if j >= len(toks) or toks[j].low not in ("nao", "n"):
        return None
    j += 1
    if j < len(toks) and toks[j].raw.lower() in ("é", "e", "eh"):
        j += 1
    if j < len(toks) and toks[j].low in _ARTICLES:
        j += 1
    if j >= len(toks) or not toks[j].is_word or toks[j].low in _NAME_STOP:
        return None
    if toks[j].low == fold(words[0]).lower():
        return None  # "ana não ana": nothing denied
    j += 1
    if j < len(toks) and toks[j].low == ",":
        j += 1
    if j < len(toks) and toks[j].low in ("nao", "n"):
        j += 1
    return j


def _ends_repetition(toks: Sequence[Token], end: int) -> bool:
    """Whether a name repeated fuller ends its clause at token `end`: the message's end,
    punctuation, a trailing cue ("aqui"), "e" before a word in lower case ("..., Ana
    Paula Lima e quero 3 quartos"), a count that opens another fact ("ana falando ana
    lima 3 quartos", "... Ana Lima quatro quartos") or a verb of the lead's own in the
    past ("ana lima pensei em 2 quartos"); not "é" nor another's verb ("Ana Maria é minha
    irmã", "Ana Maria comprou")."""
    if end >= len(toks) or toks[end].is_punct or toks[end].low in _NAME_TRAILING_CUES:
        return True
    if toks[end].low[:1].isdigit() or number_word(toks[end].low) is not None:
        return True
    if not toks[end].is_cap and _first_person_past(toks[end].low):
        return True
    return toks[end].raw.lower() == "e" and not (end + 1 < len(toks) and toks[end + 1].is_cap)


def _second_person_after(toks: Sequence[Token], j: int) -> bool:
    """Whether the name ending before token `j` is joined by "e" to another capitalised
    name that ends the sentence or comes before "aqui"/"falando": "é o Zé e a Lúcia",
    "Ana e Pedro aqui" (not "sou a Ana e esse é o Pedro")."""
    if j >= len(toks) or toks[j].low != "e":
        return False
    k = j + 1
    while k < len(toks) and toks[k].low in _ARTICLES:
        k += 1
    if k >= len(toks) or not toks[k].is_cap or not toks[k].is_word:
        return False
    while k < len(toks) and toks[k].is_word and toks[k].is_cap:
        k += 1
    return k >= len(toks) or toks[k].is_punct or toks[k].low in _NAME_TRAILING_CUES


_SURNAMES_AFTER_PARTICLE: Final = _words("deus")
"""Words of the language no name begins with that end one after a particle: "João de
Deus", "Maria de Deus" (while "Deus" alone is an interjection: "meu Deus")."""
_KIN_NICKNAMES: Final = _words("neto")
"""Kin words that are also first names or nicknames ("aqui é o Neto")."""


def _kin_nickname(toks: Sequence[Token], i: int) -> bool:
    """Whether the capitalised kin word at token `i` is a name: after the article of a
    self-introduction ("aqui é o Neto", "sou o Neto") and not followed by whose kin it is
    ("sou o Neto da Dona Cida" is her grandson)."""
    if toks[i].low not in _KIN_NICKNAMES or i == 0 or toks[i - 1].low != "o":
        return False
    return not (i + 1 < len(toks) and toks[i + 1].low in _OF)


_SIGN_OFFS: Final = _words(
    "atenciosamente cordialmente att atte grato grata abracos abraco abs sds saudacoes"
)
"""Words that close a message written as a letter, before the writer's name."""


def _signed_name(toks: Sequence[Token]) -> str | None:
    """The name a message written as a letter is signed with: "Atenciosamente,\nVanessa
    Coutinho Leal", "Cordialmente, Eng. Marcelo Tavares" (capitalised, and nothing after
    it but punctuation)."""
    for k in range(len(toks) - 1, -1, -1):
        if toks[k].low not in _SIGN_OFFS:
            continue
        i = k + 1
        while i < len(toks) and toks[i].is_punct:
            i += 1
        name = _read_name(toks, i, allow_lower=False, strict=True)
        if name is None:
            return None
        end = _skip_titles(toks, i) + len(name.split())
        return name if all(t.is_punct for t in toks[end:]) else None
    return None


_SIGNING_DASHES: Final = frozenset({"—", "–", "-"})


def _dash_signed_name(toks: Sequence[Token], folded: str) -> str | None:
    """The name a message is signed with on a line of its own after a dash: "...\n—
    Dona Socorro" (the title dropped), "...\n- Marcos Vinícius" (capitalised, on the last
    line, nothing after it but punctuation)."""
    for k in range(len(toks) - 1, 0, -1):
        if toks[k].low not in _SIGNING_DASHES:
            continue
        if "\n" not in folded[toks[k - 1].end : toks[k].start]:
            return None
        name = _read_name(toks, k + 1, allow_lower=False, strict=True)
        if name is None:
            return None
        words = fold(name).lower().split()
        hit = known_place(words, 0)
        if hit is not None and hit[1] == len(words):
            return None  # "...\n- Aldeota": a place on a line of its own, no signature
        end = _skip_titles(toks, k + 1) + len(name.split())
        return name if all(t.is_punct for t in toks[end:]) else None
    return None


def _starts_with(toks: Sequence[Token], i: int, cue: tuple[str, ...]) -> bool:
    if i + len(cue) > len(toks):
        return False
    # called for every cue at every word: the first word alone turns most of them down
    return not cue or (
        toks[i].low == cue[0] and all(toks[i + k].low == cue[k] for k in range(1, len(cue)))
    )


def _by_first_word(
    cues: Sequence[tuple[str, ...]],
) -> dict[str, tuple[tuple[str, ...], ...]]:
    """`cues` grouped by their first word, each group in the order of `cues`: only the
    group of a token's word can begin at it."""
    groups: dict[str, list[tuple[str, ...]]] = {}
    for cue in cues:
        groups.setdefault(cue[0], []).append(cue)
    return {word: tuple(group) for word, group in groups.items()}


def _name(
    toks: Sequence[Token],
    folded: str,
    pending: str | None,
    ignore: Collection[str],
    *,
    bare: bool = True,
    named: bool = False,
) -> str | None:
    ignored = {" ".join(fold(name).split()) for name in ignore}
    if _NAME_REFUSAL_RE.search(" ".join(folded.split())):
        return None  # "não quero dar meu nome agr não": no word of it is the name
    name = _find_name(toks, folded, pending, bare=bare, named=named)
    if name is None or " ".join(fold(name).split()) in ignored:
        return None
    if fold(name.split()[0]) in ignored:
        return None  # "Oi, Homer Simpson, tenho interesse": the agent's name, joked on
    return name


_OTHERS_WHO_CALL: Final[tuple[tuple[str, ...], ...]] = (
    ("todo", "mundo"),
    ("o", "pessoal"),
    ("pessoal",),
    ("a", "galera"),
    ("galera",),
    ("geral",),
    ("meus", "amigos"),
    ("os", "amigos"),
    ("minha", "familia"),
    ("a", "familia"),
    ("em", "casa"),
    ("eles",),
    ("elas",),
    ("todos",),
)
"""Who else may call the lead by a nickname: "todo mundo me chama de Chica"."""
_NICKNAME_JOINS: Final = _words("mas e porem so que aqui")
"""Words joining a name to the nickname clause after it ("Francisca Lima, mas ...")."""
_CALLS_ME: Final[tuple[tuple[str, ...], ...]] = (
    ("me", "chama", "de"),
    ("me", "chamam", "de"),
    ("me", "chama"),
    ("me", "chamam"),
)


def _others_call_me(toks: Sequence[Token], i: int) -> int | None:
    """The index where the clause naming who else calls the lead by a nickname starts,
    when "me chama(m) (de)" at `i` has such a subject ("todo mundo me chama de Chica",
    "o pessoal me chama de Chica"); None otherwise ("pode me chamar de Chica")."""
    if not any(_starts_with(toks, i, cue) for cue in _CALLS_ME):
        return None
    for who in _OTHERS_WHO_CALL:
        start = i - len(who)
        if start >= 0 and _starts_with(toks, start, who):
            return start
    return None


_THEIR_NAME: Final = (
    ("o", "nome", "dele", "e"),
    ("o", "nome", "dela", "e"),
    ("nome", "dele"),
    ("nome", "dela"),
    ("ele", "se", "chama"),
    ("ela", "se", "chama"),
)


def _name_to_call(toks: Sequence[Token], folded: str) -> str | None:
    """The name of the person the broker is to call, when the one chatting sends the call
    to someone else and names them: "meu nome é Rafael mas quem vai falar com o corretor é
    meu pai, o nome dele é Raimundo Nonato. liga pra ele" (Raimundo Nonato)."""
    if call_goes_to(folded) != "someone else":
        return None
    for i in range(len(toks)):
        for cue in _THEIR_NAME:
            if _starts_with(toks, i, cue):
                name = _read_name(toks, i + len(cue), allow_lower=False, strict=True)
                if name:
                    return name
    return None


_SELF_AS_KIN_CUES: Final = (
    ("eu", "sou"),
    ("sou",),
    ("aqui", "e"),
    ("aqui", "eh"),
    ("quem", "fala", "e"),
    ("quem", "ta", "falando", "e"),
)
"""First-person cues before who the lead is to someone else ("eu sou a mãe dele", "aqui é
o pai da Júlia"): what follows is kin, and a name after it is the lead's own."""
_WHOSE_KIN: Final = _words("dele dela deles delas")


def _name_after_kin(toks: Sequence[Token], asking: bool) -> str | None:
    """The lead's name given right after who they are to someone else: "eu sou a mãe dele,
    Sandra Pereira", "aqui é o pai da Júlia, Roberto", "sou o tio do Caio - Wilson Prado".
    Only in the first person ("o comprador é o pai dela, Roberto" names the father), while
    no name is saved (with one, whoever says so is someone else on the phone), after
    a comma, a colon or a dash, and only a name that ends its clause ("sou a tia dele,
    Gabriel quer 2 quartos" names the nephew); never a place."""
    lows = [t.low for t in toks]
    for i in range(len(toks)):
        cue = next((len(c) for c in _SELF_AS_KIN_CUES if _starts_with(toks, i, c)), 0)
        if not cue or (i > 0 and toks[i - 1].low not in _BOUNDARY_PUNCT and lows[i] != "eu"):
            continue
        k = i + cue
        if k < len(toks) and lows[k] in _ARTICLES:
            k += 1
        if k >= len(toks) or lows[k] not in _SOMEONES:
            continue
        k += 1
        if k < len(toks) and lows[k] in _WHOSE_KIN:
            k += 1
        elif k + 1 < len(toks) and lows[k] in _OWNERS and toks[k + 1].is_word:
            k = _skip_titles(toks, k + 1)
            k += 1
            while k < len(toks) and toks[k].is_word and toks[k].is_cap:
                k += 1  # "da Júlia Lima"
        if k + 1 >= len(toks) or lows[k] not in (",", ":", "-", "—", "–"):
            continue
        name = _read_name(toks, k + 1, allow_lower=asking, strict=True)
        if name is None or _names_place(toks, k + 1):
            continue
        start = _skip_titles(toks, k + 1)
        end = start + len(name.split())
        if end < len(toks) and (not _is_boundary(toks[end]) or lows[end] == "?"):
            continue  # "sou a mãe dele, tá?": no name, asked
        if not toks[start].is_cap and any(_common_word(t) for t in toks[start:end]):
            continue  # "sou a mãe dele, beleza": a word of the language in lower case
        return name
    return None


_NAME_STRONG_BY_FIRST: Final = _by_first_word(_NAME_STRONG_CUES)
_NAME_NOTE_BY_FIRST: Final = _by_first_word(_NAME_NOTE_CUES)
_NAME_INTRO_BY_FIRST: Final = _by_first_word(_NAME_INTRO_CUES)
_NAME_WEAK_BY_FIRST: Final = _by_first_word(_NAME_WEAK_CUES)


_HERE_IS_CUES: Final = frozenset(
    (here, copula, article)
    for here in ("aqui", "aq")
    for copula in ("e", "eh")
    for article in ("o", "a")
)
"""Cues of a self-introduction with an article ("aqui é o", "aq eh a"), after which a name
typed in lower case may be read unasked (see `_unasked_lower_name`)."""


def _unasked_lower_name(toks: Sequence[Token], i: int) -> str | None:
    """A name typed in lower case after "aqui é o/a" when no name was asked: "aq é o
    matheus lima", "aqui é a bia souza, quero 2 quartos". Only a first word no dictionary
    knows or a given name ("aqui é o carro" names a thing) and a name that ends its clause
    (punctuation or the message's end: "aqui é o pessoal do prédio" goes on), each later
    word a frequent surname or no word of the language."""
    if i >= len(toks) or not toks[i].is_word or toks[i].is_cap:
        return None
    first = toks[i].low
    if first in _NAME_STOP or first in CHAT_SHORTHAND:
        return None
    if first not in _GIVEN_NAMES and known_in_some_form(first):
        return None
    name = _read_name(toks, i, allow_lower=True, strict=True)
    if name is None:
        return None
    end = i + len(name.split())
    if end < len(toks) and not toks[end].is_punct:
        return None
    later = toks[i + 1 : end]
    if any(_common_word(t) and t.low not in _SURNAMES_LIKE_WORDS for t in later):
        return None
    return name


def _find_name(
    toks: Sequence[Token],
    folded: str,
    pending: str | None,
    *,
    bare: bool = True,
    named: bool = False,
) -> str | None:
    asking = pending == "name"
    # "aqui é a esposa dele, Sandra" with the lead's name saved: someone else on the phone
    kin = None if named else _name_after_kin(toks, asking)
    called = _name_to_call(toks, folded) or kin
    if called:
        return called
    for i in range(len(toks)):
        others = _others_call_me(toks, i)
        if others is not None and others > 0:
            # "Francisca Lima, mas todo mundo me chama de Chica": the nickname others use
            # gives way to a name the lead gave before it.
            end = others
            while end > 0 and (toks[end - 1].is_punct or toks[end - 1].low in _NICKNAME_JOINS):
                end -= 1  # "Francisca Lima, mas": the name without what joins the clause
            given = _find_name(toks[:end], folded, pending, bare=bare, named=named) if end else None
            if given:
                return given
        low = toks[i].low
        for cue in _NAME_STRONG_BY_FIRST.get(low, ()):
            if _starts_with(toks, i, cue) and (cue[-1] != "?" or _only_echo_before(toks, i)):
                name = _read_name(toks, i + len(cue), allow_lower=True, strong=True)
                if name:
                    return name
        for cue in _NAME_NOTE_BY_FIRST.get(low, ()):
            if _starts_with(toks, i, cue) and not _names_place(toks, i + len(cue)):
                name = _read_name(toks, i + len(cue), allow_lower=asking, strict=True)
                if name:
                    return name
        for cue in _NAME_INTRO_BY_FIRST.get(low, ()):
            if _starts_with(toks, i, cue):
                name = _introduced_name(toks, i + len(cue), asking)
                if name:
                    return name
        for cue in _NAME_WEAK_BY_FIRST.get(low, ()):
            if _starts_with(toks, i, cue):
                name = _read_name(toks, i + len(cue), allow_lower=asking, strict=True)
                if name is None and not asking and cue in _HERE_IS_CUES:
                    name = _unasked_lower_name(toks, i + len(cue))
                if name:
                    return name
                break
    name = _signed_name(toks) or _dash_signed_name(toks, folded)
    if name:
        return name
    opening = _strip_greeting(folded)
    first = next((i for i, t in enumerate(toks) if t.start >= opening), len(toks))
    name = _labelled_name(toks, first, asking)
    if name:
        return name
    first = _skip_acknowledgements(toks, first)
    # "E o Centro, fica longe?", "E o condomínio?": "e o" asks about something else; only
    # a statement opening with it ("É o Lucas") gives a name.
    opening_asks = _in_question(toks, first)
    for cue in _NAME_OPENING_CUES:
        if _discourse_thing(toks, first + len(cue)):
            break  # "é o seguinte", "é a questão": what the lead is about to say
        if not opening_asks and _starts_with(toks, first, cue):
            name = _read_name(toks, first + len(cue), allow_lower=asking, strict=True)
            if name and not _introduces_someone(toks, first + len(cue) + len(name.split())):
                return name
    for cue in _NAME_TALKING_TO_CUES:
        if not opening_asks and _starts_with(toks, first, cue):
            name = _read_name(toks, first + len(cue), allow_lower=False, strict=True)
            end = _skip_titles(toks, first + len(cue)) + len(name.split()) if name else 0
            if name and (end >= len(toks) or toks[end].is_punct):
                return name
    # "tá bom, é Marcos": a reluctant answer, capitalised, when the name was asked for.
    if asking and not opening_asks and first < len(toks) and toks[first].low in ("e", "eh"):
        after = _skip_titles(toks, first + 1)
        if after < len(toks) and toks[after].is_cap and _only_place(toks[after:]) is None:
            # ("é Messejana" is a place, as "Messejana" is)
            name = _read_name(toks, first + 1, allow_lower=False, strict=True)
            if name:
                return name
    name = _name_then_courtesy(toks, first, asking)
    if name:
        return name
    name = _name_opening_list(toks, first) or _full_name_opening(toks, first)
    if name:
        return name
    # "é a Ana falando", "Carlos aqui"
    for i, tok in enumerate(toks):
        if tok.low not in _NAME_TRAILING_CUES or i == 0:
            continue
        if tok.low == "aqui" and i + 1 < len(toks) and not _ends_name_phrase(toks[i + 1]):
            continue
        j = i
        while (
            j > 0
            and toks[j - 1].is_word
            and (toks[j - 1].is_cap or asking or _particle_inside_name(toks, j - 1))
        ):
            surname = (
                toks[j - 1].low in _SURNAMES_AFTER_PARTICLE
                and j > 1
                and toks[j - 2].low in _NAME_PARTICLES - {"e"}
            )  # "João de Deus aqui"
            if toks[j - 1].low in _NAME_STOP - _NAME_PARTICLES and not surname:
                break
            if toks[j - 1].low in _DISCOURSE_FILLERS - _NAME_PARTICLES:
                break  # "assim Edson aqui": a filler, no part of the name
            opens = j == 1 or toks[j - 2].low in (".", "!", "?")  # capitalised by the keyboard
            if (not toks[j - 1].is_cap or opens) and _past_verb(toks[j - 1].low):
                break  # "me mandou aqui": a verb, nobody's name
            j -= 1
        if (
            j < i
            and j > 0
            and (
                toks[j - 1].low in _SOMEONES | _POSSESSIVES | _COUNTING
                or toks[j - 1].low[0].isdigit()
            )
        ):
            continue  # "conversei com meu marido Jorge aqui": his name, not the lead's;
            # "fazendo as contas aqui", "tenho 2 carros e 1 moto aqui": a thing counted
        if j < i and _not_the_leads_name(toks, j, i):
            continue
        if (
            0 < j < i
            and not toks[j].is_cap
            and toks[j - 1].low in _ARTICLES
            and _common_word(toks[j])
        ):
            continue  # "a conta de luz aqui em casa", "a luz aqui é cara", "o carro aqui":
            # an article and a word of the language typed in lower case name a thing
            # here, whatever follows ("francisco aqui na varjota", "a maria aqui" and "a
            # Luz aqui" are people: no article, a given name, a capital)
        if j < i:
            name = _read_name(toks, j, allow_lower=asking)
            if name:
                return name
    if asking and bare:
        return _bare_name(toks, folded) or _name_sentence(toks, first)
    if asking:
        return _name_sentence(toks, first)
    return None


_OWNERS: Final = _words("de da do das dos")

_GIVING: Final = _words(
    "dar dizer falar passar informar revelar contar fornecer mandar enviar deixar botar "
    "colocar por digitar escrever dou digo falo passo informo conto"
)
_LEADS_NAME: Final = (
    r"(?:(?:o|a)\s+)?(?:meu\s+|minha\s+)?(?:nome|identidade)\b"
    r"(?!\s+(?:d[aoe]s?|completo|inteiro|todo)\b)"
)
"""The lead's name ("meu nome", "o nome"), not someone's ("o nome do meu marido") nor
all of it ("não quero dar meu nome completo" may give the first name)."""
_NAME_REFUSAL_RE: Final = re.compile(
    # "não quero dar meu nome agr não", "nao vou te passar o meu nome", "prefiro não dizer
    # meu nome", "não gosto de falar meu nome aqui"
    r"\b(?:nao|n|nem)\s+(?:(?:quero|vou|posso|prefiro|pretendo|gosto\s+de|gostaria\s+de"
    r"|to\s+a\s+fim\s+de|estou\s+a\s+fim\s+de|preciso)\s+)?"
    r"(?:(?:te|lhe|vos|a\s+voces|pra\s+voces?|pra\s+vcs?)\s+)?"
    r"(?:"
    + "|".join(_GIVING)
    + r")\s+"
    + _LEADS_NAME
    # "prefiro não me identificar", "não quero me identificar", "prefiro ficar anônimo"
    + r"|\b(?:nao|n)\s+(?:quero|vou|prefiro|posso|gosto\s+de)\s+me\s+identificar"
    r"|\bprefiro\s+(?:nao|n)\s+me\s+identificar"
    r"|\b(?:prefiro|quero)\s+(?:ficar|continuar|permanecer)\s+(?:no\s+)?anonim[oa]"
    # "meu nome não importa", "nome não vem ao caso", "sem nome por enquanto"
    # "nome não precisa, né?" (not "o nome não precisa ser completo")
    r"|(?<!seu )(?<!sua )\b(?:meu\s+)?nome\s+(?:nao|n)\s+(?:importa|interessa|vem\s+ao\s+caso"
    r"|precisa(?!\s+(?:ser|de|estar|ter)\b))"
    r"|\bsem\s+(?:dar\s+|dizer\s+|falar\s+)?(?:o\s+)?(?:meu\s+)?nome\b(?!\s+d[aoe]s?\b)"
    # "meu nome eu não vou dizer", "nome não dou", "meu nome prefiro não falar"
    r"|(?:\bmeu\s+|(?:^|[.,;!?]\s*)(?:o\s+)?)nome\s+(?:eu\s+)?"
    r"(?:(?:nao|n)\s+(?:vou\s+|quero\s+|posso\s+)?"
    r"|prefiro\s+(?:nao|n)\s+)(?:" + "|".join(sorted(_GIVING)) + r")\b"
)


def declines_name(text: str) -> bool:
    """Whether the lead refuses to say their name ("não quero dar meu nome agr não",
    "prefiro não me identificar", "meu nome não importa"): nothing in the message is the
    name, and the agent moves on to the next fact without asking for it again. Someone
    else's name ("o nome do meu marido não vou dizer") is no refusal of the lead's."""
    return bool(_NAME_REFUSAL_RE.search(" ".join(fold(text[:MAX_INPUT_CHARS]).split())))


_NOT_WILLING: Final = (
    r"(?:(?:nao|n)\s+(?:quero|vou|posso|prefiro|pretendo|gostaria\s+de|gosto\s+de)"
    r"|prefiro\s+(?:nao|n)|melhor\s+(?:nao|n))"
)
"""The lead will not do what follows: "não quero", "prefiro não", "melhor não"."""
_TELLING: Final = r"(?:" + "|".join(sorted(_GIVING | {"abrir", "comentar", "responder"})) + r")"
_LEADS_BUDGET: Final = (
    r"(?:(?:o|os|a|meu|minha|nosso|nossa)\s+)*(?:orcamento|valor(?:es)?"
    r"|quanto\s+(?:eu\s+|a\s+gente\s+)?(?:posso|podemos|pode|consigo|conseguimos|consegue|quero"
    r"|pretendo"
    r"|vou|tenho\s+pra)\s+(?:pagar|gastar|investir))\b"
    r"(?!\s+(?:d[aoe]s?|da\s+parcela|de\s+entrada)\b)"
)
"""What the lead can spend ("meu orçamento", "os valores", "quanto posso pagar"), not a
price or part of it ("o valor da casa", "o valor de entrada")."""
_BUDGET_DECLINED_RE: Final = re.compile(
    # "prefiro não dizer quanto posso pagar", "não quero informar o orçamento agora"
    rf"\b{_NOT_WILLING}\s+(?:(?:te|lhe|pra\s+voces?|pra\s+vcs?)\s+)?{_TELLING}"
    rf"\s+(?:(?:sobre|de|em)\s+)?{_LEADS_BUDGET}"
    # "o orçamento eu prefiro não falar", "valores não vou dizer por aqui"
    rf"|^(?:e\s+)?{_LEADS_BUDGET}\s+(?:eu\s+|a\s+gente\s+)?{_NOT_WILLING}\s+{_TELLING}\b"
    # "prefiro deixar o orçamento pro corretor", "valores deixo pra depois"
    rf"|\b(?:prefiro|vou|quero)\s+deixar\s+{_LEADS_BUDGET}\s+(?:pra|para|pro|com\s+o)\s+"
    r"(?:depois|corretor|ligacao|outra\s+hora)"
)
_PLACES_WORD: Final = r"(?:bairro|bairros|regiao|lugar|local|area|localizacao)"
_PLACE_INDIFFERENT_RE: Final = re.compile(
    # "qualquer bairro serve", "qualquer região tá bom pra mim"
    rf"\bqualquer\s+{_PLACES_WORD}\s+(?:(?:pra\s+mim|p\s+mim)\s+)?"
    r"(?:serve|ta\s+bom|esta\s+bom|ta\s+otimo|pode\s+ser|me\s+atende|e\s+bom|ta\s+valendo)\b"
    # "pode ser em qualquer bairro", "topo qualquer lugar"
    rf"|\b(?:pode\s+ser|serve|topo|aceito)\s+(?:em\s+|no\s+|na\s+)?qualquer\s+{_PLACES_WORD}\b"
    # "tanto faz o bairro", "o bairro pra mim tanto faz", "bairro não faz diferença"
    rf"|\btanto\s+faz\s+(?:o|a|os|as)\s+{_PLACES_WORD}\b"
    rf"|\b{_PLACES_WORD}\s+(?:(?:pra\s+mim|p\s+mim)\s+)?(?:tanto\s+faz|e\s+indiferente"
    r"|(?:nao|n)\s+(?:importa|faz\s+diferenca))\b"
    # "não tenho preferência de bairro", "sem preferência de região"
    rf"|\b(?:(?:nao|n)\s+tenho|sem|nenhuma)\s+preferencia\s+(?:de|por|pela|pelo)\s+"
    rf"(?:(?:o|a)\s+)?{_PLACES_WORD}\b"
)
_CALL_DECLINED_RE: Final = re.compile(
    # "prefiro não receber ligação", "não quero que me liguem", "não precisa me ligar"
    r"\b(?:(?:nao|n)\s+(?:quero|gosto\s+de|prefiro)|prefiro\s+(?:nao|n))\s+"
    r"(?:receber\s+)?(?:ligacao|ligacoes|telefonema|telefonemas|chamada|chamadas"
    r"|que\s+(?:me\s+)?liguem|ser\s+ligad[oa]|falar\s+por\s+telefone)\b"
    r"|\b(?:nao|n)\s+(?:precisa|precisam)\s+(?:me\s+)?ligar\b"
)
"""The lead wants no call at all, whenever ("prefiro não receber ligação, pode mandar
tudo por aqui"); a clause naming when ("não posso receber ligação agora", "não quero
ligação de manhã") is about the time, not the call."""
_SOME_TIME_RE: Final = re.compile(
    r"\b(?:agora|hoje|hj|amanha|semana|manha|tarde|noite|cedo|depois|horario|hora|horas"
    r"|segunda|terca|quarta|quinta|sexta|sabado|domingo|fim\s+de\s+semana|\d)"
)
_BARE_INDIFFERENCE_RE: Final = re.compile(
    r"^(?:(?:ah|olha|entao|hmm|sei\s+la)\s*,?\s+)?(?:pra\s+mim\s+)?"
    r"(?:tanto\s+faz|qualquer\s+(?:um|uma)(?:\s+(?:serve|ta\s+bom))?|indiferente"
    r"|(?:nao|n)\s+tenho\s+preferencia|sem\s+preferencia|nenhuma\s+preferencia)"
    r"(?:\s+(?:pra\s+mim|mesmo|viu))?$"
)
"""Indifference with nothing after it, answering the question asked ("tanto faz")."""
_BARE_REFUSAL_RE: Final = re.compile(
    r"^(?:(?:ah|olha|hmm|desculpa)\s*,?\s+)?"
    rf"(?:{_NOT_WILLING}\s+(?:dizer|falar|informar|responder|passar|contar)|prefiro\s+(?:nao|n))"
    r"(?:\s+(?:isso|agora|ainda|por\s+enquanto|por\s+aqui|aqui))*$"
)
"""A refusal with nothing after it, of the question asked ("prefiro não dizer")."""
_INDIFFERENT_FACTS: Final = frozenset({"neighborhood"})
_REFUSABLE_FACTS: Final = frozenset({"name", "neighborhood", "budget_brl"})


def declined_facts(text: str, asked: str | None = None) -> frozenset[str]:
    """The facts the lead declines to give in `text`: their name (`declines_name`), what
    they can spend ("prefiro não dizer quanto posso pagar", "o orçamento prefiro não
    falar"), a neighbourhood ("qualquer bairro serve", "tanto faz o bairro", "não
    tenho preferência de região") or the call ("prefiro não receber ligação", not "não
    posso receber ligação agora"). A bare refusal or indifference ("prefiro não dizer",
    "tanto faz") declines `asked`, the fact our last reply asked for. Nothing in a
    question ("qualquer bairro serve pro financiamento?") nor a choice between places
    ("tanto faz Cocó ou Papicu" names them: read as alternatives)."""
    folded = " ".join(fold(without_decorations(text[:MAX_INPUT_CHARS])).lower().split())
    found: set[str] = set()
    if declines_name(text):
        found.add("name")
    for piece in re.split(r"[.;!\n]+|,\s*(?:mas|porem)\b", folded):
        clause = piece.strip(" ,")
        if not clause or "?" in clause:
            continue
        if _BUDGET_DECLINED_RE.search(clause):
            found.add("budget_brl")
        if _PLACE_INDIFFERENT_RE.search(clause):
            found.add("neighborhood")
        if _CALL_DECLINED_RE.search(clause) and not _SOME_TIME_RE.search(clause):
            found.add("call_at")
    bare = folded.strip(" .,!")
    if asked in _INDIFFERENT_FACTS and _BARE_INDIFFERENCE_RE.match(bare):
        found.add(asked)
    if asked in _REFUSABLE_FACTS and _BARE_REFUSAL_RE.match(bare):
        found.add(asked)
    return frozenset(found)


def introduces(text: str) -> bool:
    """Whether `text` ends as an introduction: a capitalised word, then "aqui" or
    "falando" ("o Zé e a Lúcia aqui", "a mãe do Caio falando"), or two names joined ("é o
    Zé e a Lúcia"), whether or not the name can be the lead's: it asks nothing about the
    development."""
    toks = [t for t in tokenize(text, fold(text)) if not t.is_punct]
    if len(toks) >= 2 and toks[-1].low in _NAME_TRAILING_CUES and toks[-2].is_cap:
        return True
    # "é o Zé e a Lúcia": two names joined, ending the message
    return any(
        toks[k].low == "e" and toks[k - 1].is_cap and _second_person_after(toks, k)
        for k in range(max(1, len(toks) - 4), len(toks))
    )


def _not_the_leads_name(toks: Sequence[Token], j: int, i: int) -> bool:
    """Whether the words `toks[j:i]` before "aqui" or "falando" name someone or something
    other than the lead:

    - whose a thing or a relative is ("o carro da Ana aqui", "a mãe do Caio aqui", "o pai
      da Bia falando"): the lead is the car's writer or Caio's mother, not Ana nor Caio;
      so is a word of the language before the particle ("carro da Ana");
    - two people ("Ana e Pedro aqui", "o Zé e a Lúcia aqui"): either may be typing, and a
      name saved for the wrong one is a wrong fact, while asking again costs one question.
    """
    if toks[j - 1].low in _OWNERS if j > 0 else False:
        return True
    k = j - 1
    while k >= 0 and toks[k].low in _ARTICLES:
        k -= 1
    named = k > 1 and toks[k - 2].low in _ARTICLES and toks[k - 1].is_word  # "o zé e ..."
    if k > 0 and toks[k].raw.lower() == "e" and (named or _may_be_a_person(toks[k - 1])):
        return True  # "o Zé e a Lúcia aqui" ("tipo é o Rogério falando": "é", a filler)
    phrase = toks[j:i]
    if any(t.low == "e" for t in phrase):
        return True  # "Ana e Pedro aqui"
    # "o carro da Ana aqui", "o carro da ana aqui": a word of the language, then whose;
    # "maria do carmo aqui" typed in lower case, with no article, stays a name
    led = j > 0 and toks[j - 1].low in _ARTICLES
    return any(
        not t.is_cap
        and _common_word(t)
        and n + 2 < len(phrase)
        and phrase[n + 1].low in _OWNERS
        and (led or phrase[n + 2].is_cap)
        for n, t in enumerate(phrase)
    )


def _may_be_a_person(tok: Token) -> bool:
    """Whether a word before "e" may name a second person ("Zé e a Lúcia"), not a
    filler or a word of the language ("tipo e o João falando", "então e o João")."""
    if tok.low in ("eu", "ele", "ela"):
        return True  # "eu e a Carla aqui"
    return (
        tok.is_word and tok.low not in _DISCOURSE_FILLERS and (tok.is_cap or not _common_word(tok))
    )


def _particle_inside_name(toks: Sequence[Token], k: int) -> bool:
    """Whether token `k` is a particle between two capitalised words ("Maria das Dores")."""
    return (
        toks[k].low in _NAME_PARTICLES - {"e"}
        and 0 < k < len(toks) - 1
        and toks[k - 1].is_cap
        and toks[k + 1].is_cap
    )


_COUNTING: Final = _words("os as um uma uns umas dois duas tres quatro cinco")
"""Words before a noun that count it: "fazendo as contas aqui", "1 moto aqui"."""


def _common_word(tok: Token) -> bool:
    """Whether a word is one a dictionary knows and no name is ("contas", not "rosa")."""
    return (
        known_word(tok.raw.lower())
        and tok.low not in _NAMES_LIKE_WORDS
        and tok.low not in _GIVEN_NAMES
    )


def _name_sentence(toks: Sequence[Token], first: int) -> str | None:
    """A name alone as the message's first sentence, when it was asked for, before the
    rest of the answer: "Fábio. Pode ligar sexta às 14h" (never a listed place: "Cocó.
    Pode ligar sexta" answers where; never only words a dictionary knows, as "Calma." or
    "Verdade." are: "Pedro. ..." is asked again, precision first). In lower case, no word
    of it may be one of the language but a given name ("pedro henrique. to vendo ...",
    "ryan. eu e a noiva ...")."""
    end = next((k for k in range(first, len(toks)) if toks[k].low in (".", "!")), None)
    if end is None or end == first or end + 1 >= len(toks):
        return None
    sentence = toks[first:end]
    if _only_place(sentence) is not None:
        return None
    if all(_common_word(t) for t in sentence):
        return None  # "Verdade. Pode ligar sexta", "Calma. ...": a word of the language
    if not toks[first].is_cap and any(_common_word(t) or t.low in CHAT_SHORTHAND for t in sentence):
        return None  # "pedro henrique. to vendo ..." is a name; "calma sim. ..." is not
    return _only_name(sentence)


_NAME_LABEL_TAIL: Final = _words(
    ": e eh - completo sobrenome social certo certinho correto verdadeiro real todo inteiro"
)


def _labelled_name(toks: Sequence[Token], first: int, asking: bool) -> str | None:
    """ "Nome Cláudio", "Nome: Cláudio", "nome é Cláudio", "meu nome Cláudio": the word
    "nome" opening a clause (or after "meu") labels the name; it is never part of it.
    "o nome do meu marido é X" and "qual seu nome?" name nobody."""
    for i, tok in enumerate(toks):
        if tok.low != "nome":
            continue
        before = toks[i - 1] if i > 0 else None
        opens = i <= first or before is None or before.low in _BOUNDARY_PUNCT
        if not (opens or (before is not None and before.low == "meu")):
            continue
        j = i + 1
        while j < len(toks) and toks[j].low in _NAME_LABEL_TAIL:
            j += 1
        name = _read_name(toks, j, allow_lower=asking, strict=True)
        if name:
            return name
    return None


def _names_place(toks: Sequence[Token], i: int) -> bool:
    """Whether a listed place starts at token `i` ("anota aí Cambeba" is no name)."""
    i = _skip_titles(toks, i)
    return i < len(toks) and known_place([t.low for t in toks], i) is not None


_AFFILIATIONS: Final = _words(
    "imobiliaria imobiliarias corretora construtora incorporadora banco caixa agencia empresa "
    "loja escritorio igreja firma"
)


def _introduces_someone(toks: Sequence[Token], end: int) -> bool:
    """Whether the name ending before token `end` is someone the lead tells of: "é a Simone
    da imobiliária (que) me passou seu contato", "é o Marcos do banco que me indicou"."""
    after: list[str] = []
    for tok in toks[end : end + 5]:
        if tok.is_punct:
            break  # "é o João, me passaram seu contato": his own name, then the news
        after.append(tok.low)
    if after[:1] in (["da"], ["do"]) and len(after) > 1 and after[1] in _AFFILIATIONS:
        return True
    # "... que me indicou", "... me passou seu contato"
    return any(w == "me" and _past_verb(after[k + 1]) for k, w in enumerate(after[:-1]))


_DISCOURSE_THINGS: Final = _words(
    "seguinte caso negocio lance esquema problema questao assunto situacao historia coisa "
    "ponto fato detalhe"
)
"""Nouns that announce what the lead is about to say after "é o/a" ("é o seguinte", "é o
caso", "é a questão"): never a name, whatever their case."""


def _discourse_thing(toks: Sequence[Token], i: int) -> bool:
    """Whether the word at `i`, after "é o/a", announces what follows rather than names
    the lead: a noun of `_DISCOURSE_THINGS`, or any word a dictionary knows and no name
    is, typed in lower case ("é o seguinte", "é a questão", "é o lance"; "é o joão" and
    "É o Seguinte" of a keyboard's capital are read as before only when not listed)."""
    if i >= len(toks) or not toks[i].is_word:
        return False
    if toks[i].low in _DISCOURSE_THINGS:
        return True
    return not toks[i].is_cap and _common_word(toks[i])


def _past_verb(low: str) -> bool:
    return len(low) > 3 and low.endswith((*_VERB_SUFFIXES, "ou", "iu", "aram", "eram", "iram"))


def _ends_name_phrase(tok: Token) -> bool:
    """What may follow "Cida aqui": punctuation, "e", the next fact ("Gil aqui 4q") or a
    verb of the lead's own in the past ("Gil aqui pensei em 3 quartos")."""
    return (
        tok.is_punct
        or tok.low == "e"
        or tok.low[:1].isdigit()
        or tok.low in _NAME_STOP
        or (not tok.is_cap and _first_person_past(tok.low))
    )


def _skip_acknowledgements(toks: Sequence[Token], i: int) -> int:
    """The index past "tá bom,", "ok,", "beleza," at `i` (and their punctuation)."""
    while i < len(toks) and (toks[i].low in _ACKNOWLEDGEMENTS or toks[i].low in ",.!"):
        if toks[i].low == "ta" and i + 1 < len(toks) and toks[i + 1].low == "bom":
            i += 1
        i += 1
    return i


_DISCOURSE_FILLERS: Final = _words("tipo entao assim ai e eh")
"""Words a dictated answer opens with before what it says ("assim Francisco", "é joão
pedro", "tipo Marta"): never part of the name."""


def _skip_discourse_fillers(toks: Sequence[Token], i: int) -> int:
    """The index past the discourse fillers at `i` (and a comma after them): a message
    of fillers alone ("assim") names nobody."""
    while i < len(toks) and (toks[i].low in _DISCOURSE_FILLERS or toks[i].low == ","):
        i += 1
    return i


def _bare_name(toks: Sequence[Token], folded: str) -> str | None:
    """A message that is only a name, e.g. "Fernanda", "joão pedro!" or "tá bom, Marcos";
    never one that is only a listed place ("Messejana", "Fátima": see `place_or_name`)."""
    echo = _echoed_question(toks)
    if echo:  # "ah, o meu? Rodrigo": the question echoed, then answered
        toks, folded = toks[echo:], folded[toks[echo].start :]
    if "?" in folded:
        return None
    start = _strip_greeting(folded)
    rest = [t for t in toks if t.start >= start]
    skip = _skip_acknowledgements(rest, 0)
    if not echo:  # only a filler opening the message ("meu nome? é Rogério" stays as it was)
        after = _skip_discourse_fillers(rest, skip)
        said = [t for t in rest[after:] if not t.is_punct]
        being = any(t.low in ("e", "eh") for t in rest[skip:after])
        if being and len(said) == 1 and not said[0].is_cap and known_word(said[0].low):
            return None  # "é mole", "é tranquilo": "é" and a word say how things are
        skip = after
    skip = _skip_titles(rest, skip)
    if _only_place(rest[skip:]) is not None:
        return None
    said = [t for t in rest[skip:] if not t.is_punct]
    suffixed = len(said) > 1 and _suffix_of_name(said, len(said) - 1)
    if suffixed and _only_place(said[:-1]) is not None:
        return None  # "José Bonifácio Neto": a place and a suffix, maybe either
    return _only_name(rest[skip:])


_ECHO_WORDS: Final = _words("ah a o meu minha nome eu como assim hein oi e")
"""Words of a question that only echoes the agent's ("o meu?", "meu nome?", "eu?")."""


def _only_echo_before(toks: Sequence[Token], i: int) -> bool:
    """Whether only words of an echo ("ah, o meu nome?") come before token `i` in its
    sentence: "pra que você precisa do meu nome? deixa pra depois" echoes nothing."""
    for tok in reversed(toks[:i]):
        if tok.low in _BOUNDARY_PUNCT and tok.low != ",":
            return True
        if tok.is_word and tok.low not in _ECHO_WORDS:
            return False
    return True


def _echoed_question(toks: Sequence[Token]) -> int:
    """The index past a first sentence that only echoes the agent's question ("o meu?",
    "ah, meu nome?") when something follows it, else 0."""
    for k, tok in enumerate(toks):
        if tok.low == "?":
            said = [t.low for t in toks[:k] if t.is_word]
            return k + 1 if said and k + 1 < len(toks) and set(said) <= _ECHO_WORDS else 0
        if tok.is_word and tok.low not in _ECHO_WORDS:
            return 0
    return 0


def _spelt_name(toks: Sequence[Token]) -> str | None:
    """A name the lead spells out ("ops, Camila com C", "é Luiz com Z"): a capitalised
    name, "com" and one letter; it names the lead (and corrects a name saved with a slip)."""
    for k in range(len(toks) - 2):
        tok, joint, letter = toks[k], toks[k + 1], toks[k + 2]
        if not (tok.is_word and tok.is_cap and joint.low == "com"):
            continue
        if len(letter.raw) != 1 or not letter.raw.isalpha():
            continue
        if k + 3 < len(toks) and toks[k + 3].is_word and toks[k + 3].low not in ("rs", "kk"):
            continue  # "Maria com a filha": not a letter spelt
        return _only_name([tok])
    return None


def _starred_name(toks: Sequence[Token]) -> str | None:
    """A name marked with an asterisk, the chat's way to put a slip right ("Gabriel*
    digitei errado", "*Gabriel"): opening the message, it names the lead and corrects the
    name saved with the slip (never a listed place: "Messejana*" corrects the place)."""
    words = [k for k, t in enumerate(toks) if t.is_word]
    if not words:
        return None
    k = words[0]
    star_after = k + 1 < len(toks) and toks[k + 1].low == "*" and toks[k + 1].start == toks[k].end
    star_before = k > 0 and toks[k - 1].low == "*" and toks[k - 1].end == toks[k].start
    if not (star_after or star_before) or not toks[k].is_cap:
        return None
    if _only_place([toks[k]]) is not None:
        return None
    return _only_name([toks[k]])


def _only_place(rest: Sequence[Token]) -> str | None:
    """The listed place the tokens `rest` are, and nothing else ("Messejana!")."""
    words = [t.low for t in rest if not (t.is_punct and t.low in ".!")]
    if not words or not all(t.is_word for t in rest if not (t.is_punct and t.low in ".!")):
        return None
    hit = known_place(words, 0)
    return hit[0] if hit is not None and hit[1] == len(words) else None


def place_or_name(text: str) -> str | None:
    """The listed place a message consists of when it may also be a person's name
    ("Fátima", "José Bonifácio", "oi, Bela Vista"): answered to the name question it is
    saved as neither fact (never both from one word); the agent asks which it is."""
    original = text[:MAX_INPUT_CHARS]
    if garbled(original) or "?" in original:
        return None
    folded = fold(original)
    toks = tokenize(original, folded)
    start = _strip_greeting(folded)
    rest = [t for t in toks if t.start >= start]
    place = _only_place(rest[_skip_acknowledgements(rest, 0) :])
    return place if place is not None and may_be_name(place) else None


_SAYS_NAME: Final = _words("nome chamo chamar chama sou")
_SAYS_PLACE: Final = _words("bairro lugar regiao morar moro local endereco")


def clarified_fact(text: str) -> str | None:
    """Which fact a reply to "is X your name or the neighbourhood?" picks: "name" ("é o
    meu nome", "nome", "sou eu"), "neighborhood" ("o bairro", "é onde quero morar"), or
    None when it names both or neither ("os dois", "sim")."""
    words = set(re.findall(r"[a-z]+", fold(text[:MAX_INPUT_CHARS]).lower()))
    name = bool(words & _SAYS_NAME) or {"sou", "eu"} <= words
    place = bool(words & _SAYS_PLACE)
    if name == place:
        return None
    return "name" if name else "neighborhood"


def _introduced_name(toks: Sequence[Token], i: int, asking: bool) -> str | None:
    """The name after a self-introduction cue at `i` ("nem me apresentei: Gustavo
    Menezes", "deixa eu me apresentar, Rita"), when it ends its clause ("me apresento ao
    Carlos", "vou me apresentar ao gerente" name nobody)."""
    while i < len(toks) and toks[i].low in _INTRO_PUNCT:
        i += 1
    name = _read_name(toks, i, allow_lower=asking, strict=True)
    if name is None or _names_place(toks, i):
        return None
    end = _skip_titles(toks, i) + len(name.split())
    return name if end >= len(toks) or _is_boundary(toks[end]) else None


def _name_opening_list(toks: Sequence[Token], first: int) -> str | None:
    """ "Leonardo, 2 qts, Aldeota, até 520 mil", "Tiago, médico.": a capitalised name
    opening the message (or its sentence after a greeting: "oi. Leonardo, …"), then a
    comma and a profession, or a list of facts (its first item a number or a listed place)
    that names a listed place (else the opener may be a place the list does not know:
    "Pecém, 2 qts"). Never right after the greeting ("Oi Carla, 2 qts?" speaks to Carla),
    never a place ("Aldeota, 2 qts"), and, before a list, never a word a dictionary knows
    ("Olha, 2 qts", "Seguinte, …"; a keyboard capitalises a sentence's first word): a name
    that is also a word ("Pedro", "Rosa") is asked for again instead."""
    if first > 0 and toks[first - 1].low not in (".", "!"):
        return None
    comma = next((k for k in range(first, len(toks)) if not toks[k].is_word), len(toks))
    if comma == first or comma + 1 >= len(toks) or toks[comma].low != ",":
        return None
    words = toks[first:comma]
    if not all(t.is_cap for t in words) or _names_place(toks, first):
        return None
    name = _only_name(words)
    if name is None:
        return None
    after = toks[comma + 1]
    if after.low in _PROFESSIONS:
        end = comma + 2
        while end < len(toks) and toks[end].low in _PROFESSIONS:
            end += 1
        if end < len(toks) and not _is_boundary(toks[end]):
            return None
        return None if _someone_did(toks, end + 1) else name
    if not (after.low[:1].isdigit() or _names_place(toks, comma + 1)):
        return None
    if not any(_names_place(toks, k) for k in range(comma + 1, len(toks))):
        return None  # "Pecém, 2 qts, até 300 mil": a place the list does not know
    return None if any(known_word(t.raw.lower()) for t in words) else name


_SELF_STATEMENT_OPENERS: Final = _words(
    "tenho temos quero queremos queria gostaria sou somos estou to tou vi procuro procuramos "
    "preciso precisamos moro busco vim pretendo pretendemos tava estava"
)
"""First-person verbs that open what a lead says of themselves after giving their name
("Joseane Ribeiro, sou técnica de enfermagem", "..., tenho interesse nas casas")."""


def _full_name_opening(toks: Sequence[Token], first: int) -> str | None:
    """A full name (two capitalised words or more, particles aside) alone in the
    message's first clause, after a greeting or not, then a first-person statement:
    "Bom dia, Francisco das Chagas Lima, tenho interesse nas casas", "Bom dia. Marcos
    Vinícius Paiva. Quero saber do sobrado", "Joseane Ribeiro, sou técnica". A single
    name there ("Bom dia, Carla, tenho interesse") may greet the reader; a second-person
    clause after it ("Ana Paula, vocês têm ...?") speaks to someone; never a place, nor
    only words a dictionary knows ("Caixa Econômica, tenho conta aí")."""
    if first > 0 and toks[first - 1].low not in (".", "!", ","):
        return None
    end = next((k for k in range(first, len(toks)) if not toks[k].is_word), len(toks))
    if end + 1 >= len(toks) or toks[end].low not in (",", ".", "!"):
        return None
    words = toks[first:end]
    core = [t for t in words if t.low not in _NAME_PARTICLES]
    if len(core) < 2 or not all(t.is_cap for t in core) or not words[-1].is_cap:
        return None
    if _names_place(toks, first) or _only_place(words) is not None:
        return None
    if all(_common_word(t) for t in core):
        return None
    k = end + 1
    if toks[k].low == "eu":
        k += 1
    if k >= len(toks) or (toks[k].low not in _SELF_STATEMENT_OPENERS and not _in_my_name(toks, k)):
        return None
    return _only_name(words)


def _in_my_name(toks: Sequence[Token], k: int) -> bool:
    """Whether the clause at `k` puts something in the writer's own name: "pode cadastrar
    no meu nome", "anota em meu nome" (a name before it is theirs; not "no nome dele")."""
    end = next((e for e in range(k, len(toks)) if toks[e].low in (".", "!", "?", ";")), len(toks))
    lows = [t.low for t in toks[k:end]]
    return any(
        lows[m] in ("no", "em") and lows[m + 1 : m + 3] == ["meu", "nome"]
        for m in range(len(lows) - 2)
    )


_OBJECT_PRONOUNS: Final = _words("me nos te que")


def _someone_did(toks: Sequence[Token], i: int) -> bool:
    """Whether the clause at `i` goes on with what the one just named did ("Marcelo,
    médico, me indicou vocês", "…, que falou de vocês"): that name is someone else's."""
    while i < len(toks) and toks[i].low in _OBJECT_PRONOUNS:
        i += 1
    return i < len(toks) and toks[i].is_word and _past_verb(toks[i].low)


_COURTESY_AFTER_NAME: Final = _words("prazer muito")


def _name_then_courtesy(toks: Sequence[Token], first: int, asking: bool) -> str | None:
    """ "Diego Sampaio, prazer", "Rita, muito prazer!": a message opening with nothing
    but a name and then "prazer" (lower case only when the name was asked for)."""
    for p in range(first + 1, len(toks)):
        size = next((len(c) for c in _COURTESIES if _starts_with(toks, p, c)), 0)
        if not size:
            if _greets_after_name(toks, first, p):
                return _only_name(toks[first : p - 1])
            continue
        end = p
        while end > first and (
            toks[end - 1].low in _COURTESY_AFTER_NAME or toks[end - 1].low == ","
        ):
            end -= 1
        after = toks[p + size] if p + size < len(toks) else None
        if end == p or (after is not None and not after.is_punct):
            return None  # "muito prazer em conhecer": no name before the courtesy
        if (not asking and not toks[first].is_cap) or _names_place(toks, first):
            return None  # "Aldeota, prazer" names a place
        return _only_name(toks[first:end])
    return None


_COURTESIES: Final = (
    ("prazer",),
    ("a", "seu", "dispor"),
    ("ao", "seu", "dispor"),
    ("as", "ordens"),
    ("a", "disposicao"),
    ("a", "sua", "disposicao"),
)
"""What follows a name to introduce oneself politely: "Rita, prazer", "Cícero Bezerra, a
seu dispor", "Jonas, às ordens"."""
_HOW_ARE_YOU: Final = (
    *(
        (everything, how)
        for everything in ("tudo", "td")
        for how in ("bem", "bom", "certo", "joia", "tranquilo", "beleza", "ok", "em")
    ),
    ("como", "vai"),
    ("como", "esta"),
    ("como", "estao"),
)


def _greets_after_name(toks: Sequence[Token], first: int, p: int) -> bool:
    """ "Otávio Bezerra, tudo bem?": a full name (two capitalised words or more) opening
    the message, or its sentence after a greeting ("Bom dia. Otávio Bezerra, tudo bem?"),
    then a comma and "tudo bem?". A single name there greets somebody ("Oi Carla, tudo
    bem?"), and so does a name right after the greeting's comma."""
    if (
        p < first + 3
        or toks[p - 1].low != ","
        or not any(_starts_with(toks, p, phrase) for phrase in _HOW_ARE_YOU)
    ):
        return False
    if first > 0 and toks[first - 1].low not in (".", "!"):
        return False
    words = toks[first : p - 1]
    return len(words) >= 2 and all(t.is_word and t.is_cap for t in words)


_SLIP_CUES: Final = (
    ("corretor", "automatico"),
    ("corretor", "do", "celular"),
    ("corretor", "do", "teclado"),
    ("autocorretor",),
    ("teclado",),
    ("escrevi", "errado"),
    ("digitei", "errado"),
    ("erro", "de", "digitacao"),
    ("errei", "o", "nome"),
    ("com", "acento"),
    ("sem", "acento"),
)
"""Cues that the lead puts right how something was typed: what follows them alone in its
clause ("ops, corretor automático: Jônatas Peixoto") is what they meant."""
_RESTATING_OPENERS: Final = (("o", "certo", "e"), ("o", "correto", "e"), ("e",), ("eh",))


def _corrected_name(
    toks: Sequence[Token], pending: str | None, ignore: Collection[str]
) -> str | None:
    """The name the lead puts right when a name is already saved: after a typing slip's
    cue (`_SLIP_CUES`: "ops, corretor automático: é Jônatas Peixoto", "digitei errado:
    Jônatas") a clause that is only a capitalised name, with or without "é"/"o certo é"
    before it; after another correction cue ("na verdade, é Jônatas", "não, é Jônatas")
    only with "é" and never when the place was asked. Never a listed place ("na verdade
    é Messejana"), nor a name with more after it in its clause ("é a Maria quem decide")."""
    lows = [t.low for t in toks]
    slip = any(_cue_length(lows, k, _SLIP_CUES) for k in range(len(lows)))
    if not slip and (not _correcting(toks) or pending == "neighborhood"):
        return None
    ignored = {" ".join(fold(name).split()).lower() for name in ignore}
    pieces: list[list[Token]] = [[]]
    for tok in toks:
        if tok.low in _BOUNDARY_PUNCT:
            pieces.append([])
        else:
            pieces[-1].append(tok)
    for piece in pieces:
        cue = _cue_length([t.low for t in piece], 0)  # "na verdade é Jônatas"
        said = [t.low for t in piece[cue:]]
        opener = next((len(o) for o in _RESTATING_OPENERS if said[: len(o)] == list(o)), 0)
        if not opener and not slip:
            continue
        rest = _without_spelling_note(piece[cue + opener :])
        if not rest or not rest[0].is_cap or _only_place(rest) is not None:
            continue
        name = _only_name(rest)
        if name is not None and " ".join(fold(name).split()).lower() not in ignored:
            return name
    name = _full_name_beside_cue(toks)
    if name is not None and " ".join(fold(name).split()).lower() not in ignored:
        return name
    return None


_SPELLING_NOTE_WORDS: Final = _words(
    "e acento acentos agudo circunflexo til cedilha dois duas duplo dupla dobrado letra"
)
"""Words of a note on how a name is spelled after it ("com h e acento", "com dois l",
"sem acento"), besides single letters."""


def _without_spelling_note(piece: Sequence[Token]) -> list[Token]:
    """`piece` without a note on how the name before it is spelled and any laughter after
    it: "Thaís com h e acento kkkk" -> "Thaís", "Rafaella com dois l" -> "Rafaella". The
    note opens with "com" or "sem" and holds only single letters and spelling words; any
    other word after "com" ("Ana com o marido") leaves `piece` as it is."""
    toks = list(piece)
    while toks and LAUGHTER.fullmatch(toks[-1].low):
        toks.pop()
    for k in range(1, len(toks)):
        if toks[k].low not in ("com", "sem") or k + 1 >= len(toks):
            continue
        note = toks[k + 1 :]
        if all(t.is_word and (len(t.low) == 1 or t.low in _SPELLING_NOTE_WORDS) for t in note):
            return toks[:k]
        break
    return list(piece)


def respelled_name(found: str, saved: str) -> str | None:
    """The saved name with its first name spelled as `found` when `found` is that first
    name alone, respelled (an "h", an accent, a doubled letter or "y" for "i" put in or
    out): "Tais Moreira" then "Thaís" -> "Thaís Moreira". None otherwise (another first
    name, or `found` with a surname of its own)."""
    new, kept = found.split(), saved.split()
    if len(new) != 1 or len(kept) < 2 or new[0] == kept[0]:
        return None
    if _spelling_key(new[0]) != _spelling_key(kept[0]):
        return None
    return " ".join([new[0], *kept[1:]])


def _spelling_key(word: str) -> str:
    """A word folded with the letters people spell a name in or out of it: "Thaís" and
    "Tais", "Rafaella" and "Rafaela", "Thaynara" and "Tainara" share one."""
    low = fold(word).lower().replace("h", "").replace("y", "i")
    return re.sub(r"(.)\1+", r"\1", low)


_NAME_CORRECTION_CUES: Final = (
    ("na", "verdade"),
    ("na", "vdd"),
    ("na", "real"),
    ("quer", "dizer"),
    ("digo",),
    ("alias",),
    ("corrigindo",),
    ("me", "enganei"),
    ("errei",),
    ("foi", "mal"),
    *_SLIP_CUES,
)
"""Cues that put right what was said, not a change of mind ("pensando bem", "prefiro",
"melhor" choose again; a name is not chosen again)."""


def _full_name_beside_cue(toks: Sequence[Token]) -> str | None:
    """A full name (two words or more, the first capitalised) that is the whole message
    but for a cue putting it right before or after it: "Beatriz Nogueira na vdd", "na
    verdade, Otávio Bastos", "quer dizer: é Lígia Prado", "Jéssica Souza com acento". A
    full name, where a single word may be something else ("na verdade Pecém"), and never
    with a listed place in it nor anything else in the message ("na verdade Ana Lúcia
    decide" is someone else's say)."""
    words = [t for t in toks if not t.is_punct]
    lows = [t.low for t in words]
    lead = _cue_length(lows, 0, _NAME_CORRECTION_CUES)
    trail = next(
        (
            len(cue)
            for cue in (*_NAME_CORRECTION_CUES, *_SURNAME_ADDED_CUES)
            if len(lows) > len(cue) and tuple(lows[-len(cue) :]) == cue
        ),
        0,
    )
    if not lead and not trail:
        return None
    said = lows[lead : len(lows) - trail]
    opener = next((len(o) for o in _RESTATING_OPENERS if said[: len(o)] == list(o)), 0)
    rest = words[lead + opener : len(words) - trail]
    core = [t for t in rest if t.low not in _NAME_PARTICLES]
    if len(core) < 2 or not rest[0].is_cap:
        return None
    rest_lows = [t.low for t in rest]
    if any(known_place(rest_lows, k) is not None for k in range(len(rest))):
        return None  # "na verdade Lagoa Redonda", "Ana Parque Dois Irmãos na vdd"
    return _only_name(rest)


def _lower_non_name(tok: Token) -> bool:
    """Whether a word in lower case ends like a verb or an adjective ("gostou", "bonita",
    "rapidinho", "tranquilamente"); an ending also of names ("ita", "ito", "inho", "osa":
    "rita", "benedito", "juninho") only in a word the dictionary knows ("bonita", not
    "rita")."""
    if not tok.low.endswith(_LOWER_NON_NAME_SUFFIXES):
        return False
    return not tok.low.endswith(_NAME_LIKE_ENDINGS) or known_word(tok.raw.lower())


def _suffix_of_name(toks: Sequence[Token], k: int) -> bool:
    """Whether token `k` is a family suffix ending the name before it, written as that name
    is: "Roberto Cavalcante Filho", "José Neto", "carlos neto" (never its first word)."""
    tok = toks[k]
    return (
        k > 0
        and tok.low in _NAME_SUFFIXES
        and toks[k - 1].is_word
        and tok.is_cap == toks[k - 1].is_cap
        and (k + 1 == len(toks) or not toks[k + 1].is_word)
    )


def _only_name(rest: Sequence[Token]) -> str | None:
    """The tokens `rest` when they are a name and nothing else."""
    rest = list(rest)
    while rest and rest[-1].is_punct and rest[-1].low in ".!":
        rest.pop()
    if not rest or len(rest) > 6 or not all(t.is_word for t in rest):
        return None
    if any(
        t.low in _NAME_STOP and not _suffix_of_name(rest, k)
        for k, t in enumerate(rest)
        if t.low not in _NAME_PARTICLES
    ):
        return None
    if any(LAUGHTER.fullmatch(t.low) for t in rest):
        return None  # "kkkkk", "rsrs"
    if not rest[0].is_cap and asking_slip(rest[0].low):
        return None  # "aceitta animal de estimação", "pdoe levar cachorro": a question
    if any(t.low in _PLACE_NOUNS for t in rest):
        return None  # "Centro", "Zona Sul", "perto da praia"
    # "Gostei do projeto", "achei bonito": verbs are no name, nor adjectives in lower case.
    if any(
        len(t.low) > 3
        and t.low not in _NAMES_LIKE_WORDS
        and (
            t.low.endswith(_VERB_SUFFIXES)
            or (not t.is_cap and (_lower_non_name(t) or _has_feeling(t.low)))
        )
        for t in rest
    ):
        return None
    name = _read_name(rest, 0, allow_lower=True)
    if name is None or len(name.split()) != len(rest):
        return None
    return name


# ---------------------------------------------------------------------------
# Neighbourhood


def _read_place(
    toks: Sequence[Token], i: int, *, allow_lower: bool, whole: bool = False
) -> str | None:
    """Read a place name at token `i`; `whole` takes lower-case words too ("Zona leste")."""
    while i < len(toks) and toks[i].low in (":", "-"):
        i += 1
    if i < len(toks) and toks[i].low in _PLACE_PARTICLES:
        i += 1  # "bairro de Fátima" -> "Fátima"
    if i >= len(toks) or not toks[i].is_word:
        return None
    first = toks[i]
    if first.low in _PLACE_STOP or first.low in _PLACE_BREAK:
        return None
    capitalised = first.is_cap and not whole
    if not first.is_cap and not allow_lower:
        return None
    words = [first.raw]
    j = i + 1
    if len(first.low) < 2 and known_place([first.low], 0) is None:
        return None  # "bairro B", "quadra B": a letter names a block, not a neighbourhood
    while j < len(toks) and len(words) < 6:
        tok = toks[j]
        if not (tok.is_word or (tok.low[:1].isdigit() and capitalised)):
            break
        if tok.low == "ou":
            return None  # "Vila A ou Vila B": alternatives name no one place
        if tok.low in _PLACE_PARTICLES:
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            if nxt is None or not nxt.is_word or (capitalised and not nxt.is_cap):
                break
            if nxt.low in _PLACE_BREAK:
                break
            words.extend([tok.raw, nxt.raw])
            j += 2
            continue
        if tok.low in _PLACE_BREAK or (capitalised and not tok.is_cap):
            break
        words.append(tok.raw)
        j += 1
    return _clip(_nice_case(words, _PLACE_PARTICLES), NEIGHBORHOOD_MAX_CHARS)


_ACRONYM: Final = re.compile(r"[A-Z]{2,6}")
"""A word in capitals only: an institution's initials ("UFC", "UECE", "BNB"), no bairro."""


def _neighborhood(
    toks: Sequence[Token], folded: str, pending: str | None, ignore: Collection[str]
) -> str | None:
    asking = pending == "neighborhood"
    ignored = {" ".join(fold(name).split()) for name in ignore}

    def accept(place: str | None) -> str | None:
        if place is None or " ".join(fold(place).split()) in ignored:
            return None
        words = fold(place).lower().split()
        if (
            known_place(words, 0) is None
            and not _PLACE_NOUNS.intersection(words)
            and all(known_word(word.lower()) for word in place.split())
        ):
            return None  # "na Caixa", "Ah, espera": unlisted, only words of the language
        if known_place(words, 0) is None and _ACRONYM.fullmatch(place):
            return None  # "passou na UFC", "trabalho no BNB": an institution's initials
        return place

    def wanted(i: int) -> bool:
        # "moro em Fortaleza", "meu irmão comprou no Cumbuco", "não quero no Centro",
        # "tem casa no Cumbuco?": not the place the lead wants to live in.
        if i > 0 and toks[i - 1].low in _BEING_IN:
            return False  # "estou em Fortaleza"
        if _here_now(toks, i) and not asking:
            return False  # "francisco aqui na varjota": where the lead is as they type
        if _where_lead_is(toks, i) or _owned_now(toks, i, place=True):
            return False  # "moro na rua X, 1500, na Jacarecanga", "tenho uma casa no X"
        if _home_of_mine(toks, i + 1):
            return False  # "vou vender meu ap no Conjunto Ceará"
        return not (
            _in_question(toks, i)
            or _others_place(toks, i)
            or _seen_listing(toks, i)
            or _destination(toks, i + 1)  # token `i` is the "no"/"bairro" before it
        )

    for i, tok in enumerate(toks):
        if i > 0 and toks[i - 1].low in _PLACE_CUE_DETERMINERS:
            continue  # "qual bairro vocês têm?" asks, it does not answer
        if tok.low in _PLACE_CUES and i + 1 < len(toks) and wanted(i):
            place = accept(_read_place(toks, i + 1, allow_lower=asking))
            typed = toks[i + 1 : i + 1 + len(place.split())] if place else []
            if place and not _negated_after(toks, i + 1 + len(typed)) and _may_be_place(typed):
                return place
    for i, tok in enumerate(toks):
        if not wanted(i) or _put_on_offer(toks, i):
            continue  # "colocar a casa no Hostfy": where a home is offered, no place
        if tok.low in _PLACE_PREPS and i + 1 < len(toks) and toks[i + 1].is_cap:
            if i > 0 and toks[i - 1].low == "ou":
                return None  # "no Parque X ou no Jardim Y": alternatives, the agent asks
            place = accept(_read_place(toks, i + 1, allow_lower=False))
            if place and not _negated_after(toks, i + 1 + len(place.split())):
                return place
    if asking:
        return accept(_bare_place(toks, folded))
    return None


_OFFERING: Final = _words(
    "colocar coloco colocamos coloca botar boto bota botamos por ponho anunciar anuncio "
    "anuncia anunciamos alugar alugo aluga alugamos deixar deixo postar posto divulgar "
    "publicar publico cadastrar cadastro listar"
)
"""Verbs of putting a home on offer or renting it out ("colocar a casa no Airbnb",
"anunciar na Hostfy"): the capitalised word after "no/na" names a platform, not a
place."""


def _put_on_offer(toks: Sequence[Token], i: int) -> bool:
    """Whether the clause before token `i` puts something on offer or rents it out: then
    an unlisted capitalised word after the "no"/"na" at `i` is a platform ("pretendo
    colocar a casa no Airbnb na alta estação", "vou anunciar na Temporadalivre"); a listed
    place there is read as before."""
    return any(t.low in _OFFERING for t in _clause_before(toks, i))


def _here_now(toks: Sequence[Token], i: int) -> bool:
    """Whether the place cue at `i` follows "aqui" with no wish before it in its clause:
    "francisco aqui na varjota", "tô aqui no Centro resolvendo umas coisas" tell where the
    lead is now; "quero ficar aqui na Varjota mesmo" wishes it (and, when the place was
    asked, "aqui na Varjota" answers it: the caller reads it then)."""
    if i == 0 or toks[i - 1].low != "aqui":
        return False
    if any(t.low == "mesmo" for t in _clause_after(toks, i + 1, 5)):
        return False  # "aqui na Messejana mesmo": staying here is the wish
    return not any(t.low in _WISHING | _STATED_WISH for t in _clause_before(toks, i))


_NOT_THE_PLACE_BEFORE: Final = _words(
    "rua avenida av travessa shopping parque hospital colegio escola faculdade universidade "
    "igreja estadio posto perto longe proximo proxima aeroporto rodoviaria terminal estacao "
    "praca mercado arena"
)


_LIVING: Final = _words(
    "moro moramos mora moram morava moravamos vivo vivemos vive vivem trabalho trabalhamos "
    "trabalha trabalham estudo estuda estudam estudamos hospedado hospedada alugo "
    "trabalhar estudar vim viemos cheguei chegamos"
)
"""Verbs of where the lead (or someone) lives or works now, and of where they came to
("vim pra Fortaleza estudar", "chegamos em Caucaia ano passado": where they are now)."""
_WISHING: Final = _words(
    "quero queremos queria gostaria gostariamos procuro procuramos busco buscamos prefiro "
    "preferimos pretendo pretendemos penso pensamos mudar mudando comprar morar"
)
"""Words of the home the lead wants: they end the description of the current one."""
_CHOOSING: Final = _words(
    "fico ficamos vou vamos escolhi escolhemos escolho decidi decidimos opto optei melhor"
)
"""The first words of the choice cues: they too end a description of the current home."""
_CONTINUES_CONTRAST: Final = _words("tambem")
_CLAUSE_ENDS: Final = frozenset(".!?;")


_NOUN_BEFORE: Final = _words("o meu minha seu sua do da no na ao pro pra de")


def _where_lead_is(toks: Sequence[Token], i: int, reach: int = 20) -> bool:
    """Whether token `i` continues a description of where someone lives or works now,
    across commas: "moro na rua X, 1500, na Jacarecanga" (the address goes on). A
    sentence end, a conjunction ("mas", "e") or a word of wishing ("quero", "mudar")
    ends the description: "moro em Fortaleza, quero no Cocó"."""
    for j in range(i - 1, max(-1, i - 1 - reach), -1):
        tok = toks[j]
        if tok.low in _CLAUSE_ENDS or tok.low in _WISHING or tok.low in _CHOOSING:
            return False
        if tok.low in _BOUNDARY_WORDS and tok.raw.lower() != "é" and not _goes_on_where(toks, j):
            return False
        if tok.low in _RENTED:
            return True  # "pago aluguel no Montese", "moro de aluguel num ap no X"
        if tok.low in _LIVING:
            # "perto do meu trabalho, na Aldeota": the noun, not the verb ("pra trabalhar
            # no Centro" is the verb: an infinitive is no noun)
            noun = j > 0 and toks[j - 1].low in _NOUN_BEFORE and not tok.low.endswith("r")
            return not noun
    return False


_SAYING_WHERE: Final = _words("fica ficam ta esta localizado localizada")


def _goes_on_where(toks: Sequence[Token], j: int) -> bool:
    """Whether the "e" at token `j` goes on saying where the same home is: "o apartamento
    que eu moro tem 2 quartos e fica na Aldeota", "e é no Montese"."""
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    return (
        toks[j].raw.lower() == "e"
        and nxt is not None
        and (nxt.low in _SAYING_WHERE or nxt.raw.lower() == "é")
    )


def _wished_after_contrast(toks: Sequence[Token], start: int, i: int) -> bool:
    """Whether the place at token `i` follows a contrast after token `start` and its own
    clause wishes it: "moro no X, mas quero me mudar pra Y" (not "quero no X, mas Y
    também serve" nor "mas também quero Y": both are still in play)."""
    lows = [t.low for t in toks]
    contrasts = [k for k in range(start, i) if lows[k] in _CONTRAST]
    if not contrasts:
        return False
    clause = lows[contrasts[-1] + 1 : i]
    rest = lows[i : i + 4]
    if any(w in _CONTINUES_CONTRAST for w in (*clause, *rest)) or any(
        w in _CLAUSE_ENDS for w in clause
    ):
        return False
    return any(w in _WISHING for w in clause)


_CHOICE_CUES: Final[tuple[tuple[str, ...], ...]] = (
    ("fico", "com"),
    ("ficamos", "com"),
    ("vou", "ficar", "com"),
    ("vamos", "ficar", "com"),
    ("vou", "de"),
    ("vamos", "de"),
    ("escolhi",),
    ("escolhemos",),
    ("escolho",),
    ("decidi", "por"),
    ("decidimos", "por"),
    ("decidi",),
    ("decidimos",),
    ("opto", "por"),
    ("optei", "por"),
    ("melhor",),
    ("prefiro",),
)
"""Cues that pick one value among the ones named: "tava entre X e Y, mas fico com o Y"."""
_CHOICE_FILLERS: Final = _words("o a os as no na nos nas pelo pela mesmo entao")


def _chosen(toks: Sequence[Token], i: int) -> bool:
    """Whether the value at token `i` is picked by a choice cue right before it ("fico
    com o Cambeba", "vou de Messejana", "melhor a Parangaba"), not in a question and not
    turned down ("não fico com a Messejana")."""
    j = i
    while j > 0 and toks[j - 1].low in _CHOICE_FILLERS:
        j -= 1
    lows = [t.low for t in toks]
    if _decided_that(lows, j):
        return not _in_question(toks, i)
    for cue in _CHOICE_CUES:
        k = j - len(cue)
        if k >= 0 and tuple(lows[k:j]) == cue:
            if k > 0 and lows[k - 1] in _NEGATIONS:
                return False
            return not _in_question(toks, i)
    return _decided(toks, i)


_DECIDING: Final = frozenset({"decidir", "resolver", "escolher", "definir"})
_WILL_BE: Final = (("vai", "ser"), ("vai", "ficar"), ("e",), ("eh",), ("sera",), ("fica",))


def _decided_that(lows: Sequence[str], j: int) -> bool:
    """Whether the words before word `j` say the lead decided on what follows: "decidi
    que vai ser (o) X", "a gente resolveu que é X", "escolhemos que fica X" (a verb of
    deciding in the first person, "que", then a verb of being; "minha irmã decidiu que
    vai ser no Cocó" is hers)."""
    for will in _WILL_BE:
        k = j - len(will)
        if k < 2 or tuple(lows[k:j]) != will or lows[k - 1] != "que":
            continue
        verb = lows[k - 2]
        if verb_of(verb) not in _DECIDING:
            return False
        mine = verb.endswith(("i", "mos")) or (k >= 4 and lows[k - 4 : k - 2] == ["a", "gente"])
        return mine
    return False


_DECISION_CUES: Final[tuple[tuple[str, ...], ...]] = (
    ("fica", "sendo"),
    ("fica",),
    ("fechou",),
    ("fecha",),
    ("fechado",),
    ("fechamos",),
    ("fecho",),
    ("vai", "de"),
    ("bora", "de"),
    ("entao", "e"),
    ("entao", "eh"),
    ("vai", "ser"),
    ("pode", "ser"),
    ("pode", "colocar"),
    ("pode", "botar"),
    ("pode", "anotar"),
    ("pode", "deixar"),
)
"""Cues that conclude a choice, opening their clause: "fica Serrinha então", "fechou 3
quartos", "então é no Cocó", "fecha em 400 mil então", "pode ser Montese então"."""
_WEAK_DECISION_CUES: Final = frozenset({("vai", "ser"), ("pode", "ser")})
"""Cues that conclude only with "então"/"mesmo" beside the value ("pode ser X então")."""
_DECISION_OPENERS: Final = _ACKNOWLEDGEMENTS | _words("entao pronto bom enfim certo")
_DECISION_SKIPPED: Final = _words("o a os as em no na nos nas pro pra")
_CONCLUDING: Final = _words("entao mesmo")


def _decided(toks: Sequence[Token], i: int) -> bool:
    """Whether the value at token `i` is the lead's decision: a decision cue
    (`_DECISION_CUES`) opening its clause, right before it (articles and "no"/"em" between:
    "fecha em 400 mil"). "fica" with a preposition ("fica no Cocó") and the weak cues
    ("pode ser") conclude only with "então" before the cue or after the value ("o
    trabalho fica no Cocó", "pode ser no Cocó?" decide nothing)."""
    j = i
    skipped: list[str] = []
    while j > 0 and toks[j - 1].low in _DECISION_SKIPPED:
        skipped.append(toks[j - 1].low)
        j -= 1
    lows = [t.low for t in toks]
    for cue in _DECISION_CUES:
        k = j - len(cue)
        if k < 0 or tuple(lows[k:j]) != cue:
            continue
        before = toks[k - 1] if k > 0 else None
        if before is not None and not (
            before.low in _BOUNDARY_PUNCT or before.low in _DECISION_OPENERS
        ):
            return False  # "o trabalho dela fica no Cocó": a place described
        then_before = before is not None and before.low == "entao"
        then_after = any(t.low in _CONCLUDING for t in _clause_after(toks, i + 1, 5))
        preposition = any(w not in _ARTICLES for w in skipped)
        weak = cue in _WEAK_DECISION_CUES or (cue[0] == "fica" and preposition)
        if weak and not (then_before or then_after or cue[0] == "entao"):
            return False
        return not _in_question(toks, i)
    return False


def _others_place(toks: Sequence[Token], i: int) -> bool:
    """Whether the clause before the place at token `i` makes it not the lead's wish:
    where someone lives or works, a negation, or a relative ("minha mãe mora no X"); a
    relative beside the lead wishing in the first person plural is the couple ("eu e
    minha esposa queremos 3 quartos no Cocó", "... procuramos algo na Aldeota"). Near a
    relative the lead wishes to live, the relative's place is the wish (`_near_kin`)."""
    if _near_kin(toks, i):
        return False
    if _own_wish_between(toks, i):
        return False  # "moro de aluguel no Benfica quero comprar no X": the wish is the lead's
    if _about_other(toks, i, _NOT_WANTED_PLACE) or _relatives_wish_goes_on(toks, i):
        return True
    if not _about_other(toks, i, _KIN):
        return False
    if _for_lead_and_kin(toks, i):
        return False  # "uma casa pra mim e meu esposo no Cocó": the home is for both
    before = [t.low for t in _clause_before(toks, i)]
    return not any(w.endswith("mos") and w in _WISHING | _STATED_WISH for w in before)


_NEAR: Final = _words("perto proximo proxima pertinho juntinho junto lado")
"""Words of nearness: "perto da minha mãe", "do lado da minha irmã"."""
_TO_BE_NEAR: Final = _words("ficar estar")


def _near_kin(toks: Sequence[Token], i: int) -> bool:
    """Whether the clause before the place at token `i` wishes to live near a relative
    ("quero ficar perto da minha mãe na Parquelândia", "queria morar pertinho da minha
    filha, que mora no Benfica"): the relative's place is where the lead wants to be. The
    wish is the lead's own, said before the nearness, and nothing negates it ("não quero
    morar perto da minha sogra no Montese", "minha mãe mora perto da minha tia na X",
    "moro perto da minha mãe no X" give nothing)."""
    clause = _clause_before(toks, i, limit=12)
    start = i - len(clause)
    if start > 0 and toks[start - 1].low == "que":
        # "... da minha mãe(,) que mora no Benfica": the relative's home, told after
        back = start - 2 if start > 1 and toks[start - 2].low == "," else start - 1
        clause += [toks[start - 1], *_clause_before(toks, back, limit=12)]
    before = [t.low for t in reversed(clause)]
    near = next((k for k, w in enumerate(before) if w in _NEAR), None)
    if near is None or not any(w in _KIN for w in before[near + 1 :]):
        return False
    wish = [w for w in before[:near] if w in _WISHING | _STATED_WISH | _TO_BE_NEAR]
    return bool(wish) and not any(w in _NEGATIONS | _NOT_WANTED_PLACE for w in before[:near])


_OWN_WISH: Final = _words("quero queremos prefiro preferimos procuro procuramos busco buscamos")
"""First-person verbs of the home wanted, in forms no one else's verb shares ("queria"
may be "ela queria")."""


def _own_wish_between(toks: Sequence[Token], i: int) -> bool:
    """Whether, reading back from the place at token `i` in its clause, the lead's own
    wish ("quero", not after a "não") comes before any word of someone else's place or
    of where the lead is: "moro de aluguel no Benfica quero comprar no X" (dictated, no
    comma) wishes X; "minha mãe mora no X" and "não quero no X" do not."""
    before = _clause_before(toks, i)  # nearest first
    for k, tok in enumerate(before):
        if tok.low in _NOT_WANTED_PLACE or tok.low in _KIN:
            return False
        if tok.low in _OWN_WISH:
            return not (k + 1 < len(before) and before[k + 1].low in _NEGATIONS)
    return False


_THEIR_WISH: Final = _words(
    "quer querem prefere preferem procura procuram busca buscam precisa precisam pretende pretendem"
)
"""Third-person verbs of a home wished: after "e", they go on with the subject before."""


def _relatives_wish_goes_on(toks: Sequence[Token], i: int) -> bool:
    """Whether the clause of the place at token `i` opens with "e" and a third-person verb
    of wishing, after a clause about a relative: "minha mãe mora no Benfica e quer
    comprar no Montese" (her wish; "... e eu quero no Montese" is the lead's)."""
    before = _clause_before(toks, i)
    start = i - len(before)
    if start < 2 or toks[start - 1].raw.lower() != "e" or not before:
        return False
    return before[-1].low in _THEIR_WISH and _about_other(toks, start - 1, _KIN)


_FOR_WHOM: Final = _words("pra para")
_LEAD_OBJECTS: Final = _words("mim nos gente")


def _for_lead_and_kin(toks: Sequence[Token], i: int) -> bool:
    """Whether the relative in the clause before token `i` is joined by "e" to the lead as
    whom the home is for: "pra mim e meu esposo no Cocó", "para nós e as crianças", "pra
    a gente e minha mãe" (not "minha mãe e eu moramos", which `_NOT_WANTED_PLACE` reads)."""
    start = i - len(_clause_before(toks, i))
    if start < 3 or toks[start - 1].raw.lower() != "e":
        return False
    k = start - 2
    if toks[k].low not in _LEAD_OBJECTS:
        return False
    if toks[k].low == "gente" and k >= 2 and toks[k - 1].low == "a":
        k -= 1  # "pra a gente", as "pra gente"
    return k >= 1 and toks[k - 1].low in _FOR_WHOM


def _wanted_place(toks: Sequence[Token], i: int) -> bool:
    """Whether a place at token `i` is where the lead wants to live: not where they live
    or work, not negated, not asked about, not a street or park named after it."""
    if i > 0 and toks[i - 1].low in _BEING_IN:
        return False
    if _near_kin(toks, i) and not _in_question(toks, i):
        return True  # "quero morar perto da minha mãe, que mora na Parquelândia"
    if _where_lead_is(toks, i) or _owned_now(toks, i, place=True) or _home_of_mine(toks, i):
        return False  # "moro na rua X, 1500, na Jacarecanga", "tenho uma casa no Cocó"
    if i > 0 and toks[i - 1].low in _PLACE_PREPS | _OF and _here_now(toks, i - 1):
        return False  # "francisco aqui na varjota", "Paulo aqui da Parangaba": where the
        # lead is (or is from) as they type
    if i > 0 and toks[i - 1].low in _PREFERRING and not _in_question(toks, i):
        return True  # "não quero no Centro, prefiro Montese"
    if _in_question(toks, i) or _others_place(toks, i):
        return False  # "a casa da minha mãe é no Montese": somebody else's place
    if _destination(toks, i):
        return False  # "vou de carro até o Cocó ver o decorado"
    if _seen_listing(toks, i):
        return False  # "vi um apto de 3 quartos por 400 mil no Cocó"
    k = i - 1
    if k >= 0 and toks[k].low in _PLACE_PARTICLES:
        k -= 1
    if k >= 0 and toks[k].low in _PLACE_NAME_NOUNS and (toks[k].is_cap or k == i - 1):
        return False  # "no Jardim Castelão", "no jardim castelão": a longer name, not it
    return not (k >= 0 and toks[k].low in _NOT_THE_PLACE_BEFORE)


_PLACE_NAME_NOUNS: Final = _words("jardim jardins vila conjunto residencial loteamento")
"""Nouns that begin the name of a place ("Jardim Castelão", "Conjunto Messejana"): a
listed place right after one (or after it and a particle, capitalised) is a word of
another place's name; that place, unlisted, is read whole when capitalised (its noun
makes it a place) and not at all in lower case."""


_SELLING: Final = _words(
    "vender vendo vendendo vendi vende alugar alugo alugando aluguei aluga desocupar entregar"
)
"""Verbs of letting a home go: "vender a casa no X" is the lead's home, not the wish."""
_DREAMS: Final = _words("sonho sonhamos sonhando")
_NOW_ADJECTIVES: Final = _words("atual atualmente hoje antigo antiga velho velha")


def _home_of_mine(toks: Sequence[Token], i: int) -> bool:
    """Whether the place at token `i` is where a home the lead has stands: "meu ap no
    Conjunto Ceará", "minha casa atual na Parangaba", "vender a casa no Montese" (a home
    noun right before its preposition, after a possessive or a verb of selling or
    renting out). Not a wished one: "quero minha casa no Cocó", "minha casa própria"."""
    j = i - 1
    if j < 1 or toks[j].low not in _PLACE_PREPS:
        return False
    j -= 1
    while j > 0 and toks[j].low in _NOW_ADJECTIVES:
        j -= 1
    if toks[j].low not in _BOUGHT | _words("ap"):
        return False
    k = j - 1
    if k >= 0 and toks[k].low in _ARTICLES:
        k -= 1  # "vender a casa", "o meu ap"
    if k >= 0 and toks[k].low in _SELLING:
        return True
    if k < 0 or toks[k].low not in _POSSESSIVES:
        return False
    before = [t.low for t in _clause_before(toks, k, 4)]
    return any(w in _SELLING for w in before) or not any(
        w in _HOME_WISHES or w in _DREAMS for w in before
    )


_PASSING: Final = _words("passo passamos passa passar passando passei paro parar")
_GOING: Final = _PASSING | _words(
    "vou vamos vai vao ir indo fui fomos levo levar levamos dirijo pego chego chegar "
    "chegamos volto voltar voltamos"
)
"""Verbs of going somewhere (a trip, not a home): "vou até o Cocó", "passo na Aldeota"."""
_TRIP_PREPS: Final = _words("ao aos a as no na nos nas pro pra pros pras pelo pela ate")
_VISIT_PURPOSE: Final = _words(
    "ver visitar conhecer buscar pegar deixar levar decorado decorada plantao stand trabalhar "
    "estudar trabalho servico escola faculdade aula"
)
"""Words after a place that make it the end of a trip: "... até o Cocó ver o decorado"."""
_HOME_WISHES: Final = _WISHING | _words(
    "mudo mudamos mudaria viver querer precisar ficar compro morando"
)


def _destination(toks: Sequence[Token], i: int) -> bool:
    """Whether the place at token `i` is where the lead goes, not where they want to live:
    a verb of going in its clause, and the place the end of the trip ("vou de carro até o
    Cocó ver o decorado", "vou no Benfica buscar meu filho") or on the way ("passo na
    Aldeota todo dia"). Not when the clause wishes a home ("vou me mudar pro Cocó",
    "quero ir morar no Cocó") or picks one ("vou de Messejana")."""
    before = [t.low for t in reversed(_clause_before(toks, i, 10))]
    after = [t.low for t in _clause_after(toks, i + 1, 8)]
    if any(w in _HOME_WISHES for w in (*before, *after)) or _chosen(toks, i):
        return False
    going = [k for k, w in enumerate(before) if w in _GOING]
    if not going:
        return False
    rest = before[going[0] + 1 :]
    if any(before[k] in _PASSING for k in going) or "ate" in rest:
        return True  # "vou passar no Cocó", "vou de carro até o Cocó"
    last = before[going[-1] + 1 :]
    next_to_verb = bool(last) and last[0] in _TRIP_PREPS and len(last) <= 2
    return next_to_verb and any(w in _VISIT_PURPOSE for w in after)


_KIN: Final = _words(
    "mae pai irmao irma tio tia primo prima avo sogro sogra filho filha amigo amiga "
    "marido esposa esposo cunhado cunhada namorado namorada vizinho vizinha "
    "mainha painho mamae papai vovo"
)
"""Relatives and friends: a place in the same clause is theirs ("minha mãe mora no X"),
also called by the words of home ("mainha queria o Montese", "painho mora no Crato")."""
_SOMEONES: Final = _KIN | _words(
    "noivo noiva socio socia colega chefe patrao patroa parente corretor corretora"
)
"""Who a name may be of, said right before it: "meu marido Jorge", "meu sócio Henrique"."""
_PREFERRING: Final = _words("prefiro preferencia")
_PLACE_LEAD_INS: Final = (
    _PLACE_PREPS
    | _PLACE_CUES
    | _words("pro pra pros pras pelo pela la prefiro preferencia quero queria gostaria")
)


_ADOPTING_CUES: Final = (
    ("pode", "trocar"),
    ("pode", "mudar"),
    ("pode", "colocar"),
    ("vamos", "de"),
    ("vamos", "nele"),
    ("vamos", "nesse"),
    ("bora", "de"),
    ("fica", "esse"),
    ("fica", "ele"),
)
"""Cues that the lead takes up a preference someone else gave ("pode trocar")."""
_OTHERS_WISH: Final = _words("prefere preferem quer querem gosta gostou gostaria acha achou")
_OTHER_PEOPLE: Final = _KIN | _words("ela ele eles elas")


def _adopted(toks: Sequence[Token], i: int, end: int) -> bool:
    """ "minha esposa prefere Edson Queiroz, pode trocar": the place a relative prefers
    (a verb of wishing right before it, a relative or "ela" earlier) that the lead takes
    up with a cue (`_ADOPTING_CUES`) after it; without the cue it stays theirs."""
    lows = [t.low for t in toks]
    before = [low for low in lows[max(0, i - 3) : i] if low not in _PLACE_PARTICLES]
    if not before or before[-1] not in _OTHERS_WISH or _in_question(toks, i):
        return False
    if not any(low in _OTHER_PEOPLE for low in lows[:i]):
        return False
    for k in range(end, min(len(lows), end + 4)):
        if lows[k] in ("mas", "nao", "porem", "n"):
            return False  # "minha sogra prefere Messejana, mas eu não"
        if any(tuple(lows[k : k + len(cue)]) == cue for cue in _ADOPTING_CUES):
            return True
    return False


def _listed_place_candidates(
    toks: Sequence[Token], corrects: bool, ignore: Collection[str], *, bare_ok: bool
) -> list[Candidate]:
    """Neighbourhoods of the list (`ptbr.places`) the lead names, in any case or accents.

    Named alone ("Centro"), one counts only when `bare_ok` (the place was asked, the lead
    corrects one, or lists it among other facts): answered to the name question, it is
    no place. One after a turned-down place replaces it ("Parangaba não, quero Maraponga").

    Several different ones are alternatives (the agent asks), unless a correction cue
    picks the last ("no Cocó, aliás Papicu").
    """
    ignored = {" ".join(fold(name).split()) for name in ignore}
    lows = [t.low for t in toks]
    out: list[Candidate] = []
    wished: dict[int, bool] = {}  # candidate index -> its clause states a wish
    previous = -1  # the token after the last place read
    i = 0
    while i < len(toks):
        hit = known_place(lows, i, lower_ok=toks[i].is_cap) if toks[i].is_word else None
        if hit is None:
            i += 1
            continue
        place, end = hit
        if _locates(toks, out, previous, i, place):
            i = end  # "no Icaraí, lá em Caucaia": the town the place is in, no other place
            continue
        if _narrows(toks, out, previous, i, place):
            out.pop()  # "em Caucaia mesmo, no Parque Albano": the place in the town said
        span = _span(toks, i, end)
        inner = _unlisted_in_town(toks, i, end, place, previous=previous, ignored=ignored)
        if inner is not None:
            # "no bairro Pajuçara, em Maracanaú", "em Maracanaú, no Pajuçara": the place
            # in the town, though unlisted, is the more precise wish.
            start, stop = inner
            place = _read_place(toks, start, allow_lower=False) or place
            span = _span(toks, start, stop)
            i = min(i, start)
            end = max(end, stop)
        if _fallback(toks, i, end):
            out.append(
                Candidate("neighborhood", place, span, "also fine", modality=Modality.FALLBACK)
            )
            previous, i = end, end
            continue
        if _considered_then_contrasted(toks, i, end):
            # "pensei em Jacarecanga, mas ...": a place weighed, then set against something.
            out.append(
                Candidate("neighborhood", place, span, "considered", modality=Modality.NEGATED)
            )
            previous, i = end, end
            continue
        if _between(toks, i, previous):
            # "tô entre Icaraí e Iparana": undecided between the two, whatever follows.
            out.append(
                Candidate("neighborhood", place, span, "between", modality=Modality.ALTERNATIVE)
            )
            previous, i = end, end
            continue
        wished[len(out)] = _wish_stated(toks, i)
        picked = _chosen(toks, i) or (previous >= 0 and _wished_after_contrast(toks, previous, i))
        lead_in = i - 2 if i > 1 and toks[i - 1].low in (":", "-") else i - 1  # "bairro: X"
        cued = (
            picked
            or (lead_in >= 0 and toks[lead_in].low in _PLACE_LEAD_INS)
            or _area_of(toks, i)
            or _place_suits(toks, i, end)
            or _wish_names_place(toks, i)
        )
        after_no = picked or any(c.modality is Modality.NEGATED for c in out)
        previous = end
        if _negated_after(toks, end) or _set_aside(toks, i) or _judged_out(toks, end, _BAD_PLACE):
            # "3 quartos no Meireles é caro", "o Eusébio fica muito longe": judged unfit
            out.append(
                Candidate("neighborhood", place, span, "turned down", modality=Modality.NEGATED)
            )
        elif fold(place) in ignored:
            pass
        elif _adopted(toks, i, end):
            out.append(
                Candidate("neighborhood", place, span, "adopted", modality=Modality.CORRECTED)
            )
        elif not _wanted_place(toks, i):
            out.append(Candidate("neighborhood", place, span, "place", whose="other"))
        elif cued or bare_ok or after_no:
            again = _named_again(toks, out, place, i, end)
            modality = Modality.CORRECTED if after_no or again else Modality.STATED
            out.append(Candidate("neighborhood", place, span, "listed place", modality=modality))
        i = end
    picks = [k for k, c in enumerate(out) if c.modality is Modality.CORRECTED]
    if corrects and not picks:
        picks = [0]  # "no Cocó, aliás Papicu, ...": the cue picks among the places named
    if picks:
        # "na vdd Cambeba, Messejana é muito movimentado": after a pick, a place the next
        # clause describes (its subject, then "é"/"fica") gives the reason, not a new pick.
        out = [
            Candidate(c.fact, c.value, c.span, "described", whose="other")
            if k > picks[-1] and c.modality is Modality.STATED and _described(toks, c.span)
            else c
            for k, c in enumerate(out)
        ]
    if out and out[-1].whose == "other" and _wished_there(toks, out[-1].span[1]):
        # "minha filha mora no Presidente Kennedy, então quero lá mesmo": the lead wants
        # the place named last, whoever's it was.
        last = out[-1]
        out[-1] = Candidate(last.fact, last.value, last.span, "there", modality=Modality.CORRECTED)
    if any(c.modality is Modality.FALLBACK for c in out):
        # "quero na Aldeota, mas o Meireles também serve": the wish stated is the lead's;
        # with no wish stated ("Aldeota, ou então Meireles") every place stays open.
        out = [
            Candidate(c.fact, c.value, c.span, c.cue, c.whose, Modality.ALTERNATIVE)
            if c.modality is Modality.STATED and c.whose == "lead" and not wished.get(k)
            else c
            for k, c in enumerate(out)
        ]
    chosen = [c for c in out if c.whose == "lead" and c.modality in _SAVED]
    if len({c.value for c in chosen}) > 1 and not corrects:
        # A value picked among alternatives ("fico com o Cambeba") stays corrected.
        chosen = [c for c in chosen if c.modality is Modality.STATED]
        alternatives = {id(c) for c in chosen}
        out = [
            Candidate(c.fact, c.value, c.span, c.cue, c.whose, Modality.ALTERNATIVE)
            if id(c) in alternatives
            else c
            for c in out
        ]
    return out


_PLACE_SUITING: Final = _words("serve servem atende")
_PLACE_SUITING_STATES: Final = _words("bom boa otimo otima perfeito perfeita")
_PLACE_SUIT_TAIL: Final = _words("pra para a gente mim nos sim entao mesmo tranquilo")


def _place_suits(toks: Sequence[Token], i: int, end: int) -> bool:
    """Whether the lead says the place at tokens `i` to `end` suits them, opening its
    clause: "então tá, Caucaia serve pra gente", "o Icaraí tá ótimo pra mim", "Maracanaú
    serve sim" (a verb of suiting right after it, then only "pra gente"/"sim"/"então").
    Not asked ("Caucaia serve?"), not negated ("Caucaia não serve"), not "também serve"
    (a fallback), not said of something else ("Caucaia serve de referência")."""
    if _in_question(toks, i):
        return False
    k = i - 1
    while k >= 0 and toks[k].low in _ARTICLES:
        k -= 1
    if k >= 0 and not (toks[k].low in _BOUNDARY_PUNCT or toks[k].low in _DECISION_OPENERS):
        return False  # "a casa em Caucaia serve": the place describes something else
    after = _clause_after(toks, end, 8)
    lows = [t.low for t in after]
    if lows[:1] in (["ta"], ["esta"], ["fica"]) and lows[1:2] and lows[1] in _PLACE_SUITING_STATES:
        rest = lows[2:]
    elif lows[:1] and lows[0] in _PLACE_SUITING:
        rest = lows[1:]
    else:
        return False
    return all(w in _PLACE_SUIT_TAIL for w in rest)


_JOINING_ALTERNATIVES: Final = _words("ou e")
_CONSIDERING: Final = frozenset({"pensar", "cogitar", "considerar"})
_CONTRASTS: Final = _words("mas porem")
_CONSIDERED_IN: Final = _words("em no na num numa")
_THERE: Final = _words("la ali")
_THERE_WISHES: Final = _words("quero queremos prefiro preferimos fico ficamos vou vamos")


def _considered_then_contrasted(toks: Sequence[Token], i: int, end: int) -> bool:
    """Whether the place at tokens `i` to `end` is one the lead weighed ("pensei em",
    "tava pensando no", "cogitei") and then set a "mas" against, in the same sentence:
    "pensei em Jacarecanga, mas minha filha mora no Kennedy"."""
    j = i - 1
    while j >= 0 and toks[j].low in _ARTICLES:
        j -= 1
    if j >= 0 and toks[j].low in _CONSIDERED_IN | _TRIP_PREPS:
        j -= 1  # "pensei em", "pensando no"; "cogitei" takes the place directly
    if j >= 1 and toks[j].low in _HOME_INFINITIVES and toks[j - 1].low in _CONSIDERED_IN | {"era"}:
        j -= 2 if toks[j - 1].low != "era" else 1
        # "tava pensando em morar na Sapiranga", "pensei em comprar no Cocó", "era morar"
    if j < 0:
        return False
    plan = toks[j].low == "era" and j > 0 and toks[j - 1].low in _PLANS
    if not (plan or toks[j].low in _CONSIDERING or verb_of(toks[j].low) in _CONSIDERING):
        return False  # "minha ideia era no Porto das Dunas, mas ...": a plan set aside
    for tok in toks[end:]:
        if tok.low in (".", "!", "?", ";"):
            return False
        if tok.low in _CONTRASTS:
            return True
    return False


_HOME_INFINITIVES: Final = _words("morar comprar viver mudar ficar")
_PLANS: Final = _words("ideia plano intencao")
"""A plan told in the past ("minha ideia era ...", "o plano era ...")."""
_BEING: Final = _words("e eh fica ta esta")


def _described(toks: Sequence[Token], span: tuple[int, int]) -> bool:
    """Whether the place at character `span` opens its clause and "é"/"fica" follows it:
    the lead describes the place ("..., Messejana é mt movimentado")."""
    first = next((k for k, t in enumerate(toks) if t.start == span[0]), None)
    last = next((k for k, t in enumerate(toks) if t.end == span[1]), None)
    if first is None or last is None or last + 1 >= len(toks):
        return False
    opens = first == 0 or toks[first - 1].low in (",", ".", ";", "!", "?")
    return opens and toks[last + 1].low in _BEING


def _wished_there(toks: Sequence[Token], start: int) -> bool:
    """Whether, after character `start`, the lead says they want "there" ("quero lá
    mesmo", "prefiro ali"), with no other place named after it."""
    rest = [t.low for t in toks if t.start >= start]
    return any(
        word in _THERE_WISHES
        and (
            _THERE.intersection(rest[k + 1 : k + 3])
            or _home_there(rest[k + 1 : k + 5])  # "quero uma casa lá"
        )
        and not _NEGATIONS.intersection(rest[max(0, k - 2) : k])  # "eu não quero lá"
        for k, word in enumerate(rest)
    )


_ARTICLES: Final = _words("o a os as")
_THERE_HOMES: Final = _words("casa casinha sobrado imovel")


def _home_there(words: Sequence[str]) -> bool:
    """Whether `words` (after a verb of wishing) are a home "there" ending the clause:
    "uma casa lá", "a casa ali", "morar numa casa lá" is not read (its own clause)."""
    k = 1 if words[:1] and words[0] in _ARTICLES | _words("uma um") else 0
    if not (words[k : k + 1] and words[k] in _THERE_HOMES):
        return False
    after = words[k + 1 : k + 3]
    return bool(after) and after[0] in _THERE and (len(after) == 1 or not after[1].isalpha())


def _between(toks: Sequence[Token], i: int, previous: int) -> bool:
    """Whether the place at token `i` is one of "entre X e Y" ("tô entre o Icaraí e
    Iparana"): right after "entre", or after the "e" that follows such a first place
    (`previous`: the token after the last place read)."""
    j = i - 1
    while j >= 0 and toks[j].low in _ARTICLES:
        j -= 1
    if j >= 0 and toks[j].low == "entre":
        return True
    if j < 0 or toks[j].low != "e" or previous < 0 or j != previous:
        return False
    k = previous - 1  # the first place's start: walk back over its words to "entre"
    while k >= 0 and toks[k].is_word and toks[k].low != "entre":
        k -= 1
    return k >= 0 and toks[k].low == "entre" and previous - k <= 5


def _named_again(
    toks: Sequence[Token], found: Sequence[Candidate], place: str, i: int, end: int
) -> bool:
    """Whether the place at tokens `i` to `end` picks one of the alternatives named
    before it by naming it again alone: "Messejana ou Lagoa Redonda... fecha Lagoa
    Redonda" (not "Messejana ou Lagoa Redonda, Lagoa Redonda ou Messejana")."""
    earlier = [c.value for c in found if c.whose == "lead" and c.modality is Modality.STATED]
    if place not in earlier or len(set(earlier)) < 2:
        return False
    after = toks[end].low if end < len(toks) else ""
    before = toks[i - 1].low if i > 0 else ""
    return after not in _JOINING_ALTERNATIVES and before not in _JOINING_ALTERNATIVES


_LOCATING: Final = _words("la ali aqui em no na de do da que fica cidade municipio , - (")
"""Words between a place and the town it is in: "Icaraí lá em Caucaia", "Cocó, em Fortaleza"."""


def _locates(
    toks: Sequence[Token], found: Sequence[Candidate], previous: int, i: int, place: str
) -> bool:
    """Whether the listed `place` at token `i` is only the town the place read just before
    it is in ("a gente quer morar no Icaraí lá em Caucaia", "no Cocó, em Fortaleza"):
    joined by locating words alone, and that place is in that town."""
    if previous < 0 or not found or city_of(place) != place:
        return False
    before = str(found[-1].value)
    if before == place or not lies_in(before, place):
        return False
    between = toks[previous:i]
    return bool(between) and all(t.low in _LOCATING for t in between)


_NARROWING: Final = _words("mesmo msm la ali em no na bairro , -")
"""Words between a town and a place in it: "em Caucaia mesmo, no Parque Albano"."""


def _narrows(
    toks: Sequence[Token], found: Sequence[Candidate], previous: int, i: int, place: str
) -> bool:
    """Whether the listed `place` at token `i` is the more precise place in the town read
    just before it ("quero morar em Caucaia mesmo, no Parque Albano", "em Fortaleza, na
    Aldeota"): joined by locating words alone, and in that town."""
    if previous < 0 or not found or found[-1].cue != "listed place":
        return False
    town = str(found[-1].value)
    if city_of(town) != town or place == town or not lies_in(place, town):
        return False
    between = toks[previous:i]
    return bool(between) and all(t.low in _NARROWING for t in between)


_IN_TOWN_LEADS: Final = _words("no na em bairro")
"""Words right before an unlisted place that a town then locates ("no Pajuçara, em X")."""


def _unlisted_in_town(
    toks: Sequence[Token],
    i: int,
    end: int,
    town: str,
    *,
    previous: int,
    ignored: Collection[str],
) -> tuple[int, int] | None:
    """The tokens (first, end) of an unlisted capitalised place the listed `town` at tokens
    `i` to `end` locates, right before it ("no bairro Pajuçara, em Maracanaú", "numa casa
    na Lagoinha, no Eusébio") or right after it ("em Maracanaú, no Pajuçara"): led in by
    "no/na/em/bairro", joined to the town by locating words with a preposition next to
    the second place, and the pair not one of a list ("..., no Eusébio ou no Centro")."""
    if city_of(town) != town:
        return None
    # Before: walk back over the joining words, then over the capitalised name.
    j = i - 1
    if j >= 0 and toks[j].low in _PLACE_PREPS and not _listed_next(toks, end):
        k = j
        while k > 0 and toks[k - 1].low in _JOINING_TOWN:
            k -= 1
        last = k
        while k > 0 and (toks[k - 1].is_cap or toks[k - 1].low in _PLACE_PARTICLES):
            k -= 1
        while k < last and toks[k].low in _PLACE_PARTICLES:
            k += 1
        if (
            k < last < j + 1
            and k > 0
            and k >= previous
            and toks[k - 1].low in _IN_TOWN_LEADS
            and any(t.low == "," for t in toks[last:j])
            and _unlisted_place(toks, k, last, ignored)
        ):
            return k, last
    # After: "em Maracanaú (mesmo), no Pajuçara".
    k = end
    while k < len(toks) and toks[k].low in _NARROWING and toks[k].low not in _IN_TOWN_LEADS:
        k += 1
    if k == end or k + 1 >= len(toks) or toks[k].low not in _IN_TOWN_LEADS:
        return None
    first = k + 1
    read = _read_place(toks, first, allow_lower=False)
    if read is None or not toks[first].is_cap:
        return None
    last = first + len(read.split())
    if _listed_next(toks, last) or not _unlisted_place(toks, first, last, ignored):
        return None
    return first, last


_JOINING_TOWN: Final = _words("la ali , -")


def _listed_next(toks: Sequence[Token], end: int) -> bool:
    """Whether the place ending before token `end` goes on a list: "ou"/"e" next, or a
    comma then another place's preposition ("no Cocó, no Eusébio, na Aldeota")."""
    nxt = toks[end].low if end < len(toks) else ""
    after = toks[end + 1].low if end + 1 < len(toks) else ""
    return nxt in ("ou", "e") or (nxt == "," and after in _PLACE_PREPS | _words("ou e"))


def _unlisted_place(toks: Sequence[Token], first: int, last: int, ignored: Collection[str]) -> bool:
    """Whether tokens `first` to `last` are capitalised words naming no listed place, no
    stop word and no institution's initials: an unlisted place a town locates."""
    words = toks[first:last]
    if not words or not all(t.is_word for t in words) or not words[0].is_cap:
        return False
    lows = [t.low for t in words]
    if known_place(lows, 0) is not None or lows[0] in _PLACE_STOP | _PLACE_BREAK:
        return False
    raw = " ".join(t.raw for t in words)
    return " ".join(fold(raw).split()) not in ignored and not _ACRONYM.fullmatch(raw)


_ACCEPTING: Final = _words(
    "serve servia pode da daria rola vale ta fica cabe atende agrada bom boa otimo legal ok seria"
)
"""Words that accept a place "também" ("o Meireles também serve", "também pode ser")."""
_OR_ELSE: Final[tuple[tuple[str, ...], ...]] = (("ou", "entao"), ("ou", "senao"), ("senao",))
_STATED_WISH: Final = _words(
    "quero queremos queria gostaria gostariamos prefiro preferimos preferencia procuro "
    "procuramos busco buscamos"
)


def _fallback(toks: Sequence[Token], i: int, end: int) -> bool:
    """Whether the place at tokens `i`..`end` is offered as an acceptable alternative, not
    the wish: "o Meireles também serve", "também pode ser o Papicu", "ou então no Montese"."""
    lows = [t.low for t in toks]
    k = i
    while True:
        if any(k >= len(cue) and tuple(lows[k - len(cue) : k]) == cue for cue in _OR_ELSE):
            return True
        if k == 0 or lows[k - 1] not in _CHOICE_FILLERS:
            break
        k -= 1
    around = {t.low for t in (*_clause_before(toks, i, 4), *_clause_after(toks, end, 5))}
    return "tambem" in around and bool(around & _ACCEPTING)


def _wish_stated(toks: Sequence[Token], i: int) -> bool:
    """Whether the clause before the place at token `i` states the lead's wish or
    preference ("quero na Aldeota", "prefiro o Cocó", "de preferência no Benfica")."""
    return any(t.low in _STATED_WISH for t in _clause_before(toks, i, 8))


_AREA_WORDS: Final = _words("lado lados banda bandas regiao zona area redondezas bairro")


def _area_of(toks: Sequence[Token], i: int) -> bool:
    """Whether the place at token `i` names an area around it ("pros lados do Cocó",
    "pras bandas da Messejana", "na região do Eusébio")."""
    return i >= 2 and toks[i - 1].low in _OF and toks[i - 2].low in _AREA_WORDS


_WISH_VERBS: Final = _words("quer querem queremos quero prefere preferem")
_PLACE_KINDS: Final = _words("praia serra litoral interior")


def _wish_names_place(toks: Sequence[Token], i: int) -> bool:
    """Whether a verb of wishing leads in the place at token `i`, right before it or
    before the kind of place it names ("ela quer Cumbuco", "querem praia, Cumbuco",
    "queremos serra: Guaramiranga"); whose wish it is, `_wanted_place` tells."""
    k = i - 1
    if k >= 1 and toks[k].low in (",", ":") and toks[k - 1].low in _PLACE_KINDS:
        k -= 2
    return k >= 0 and toks[k].low in _WISH_VERBS


def _led_in(toks: Sequence[Token], span: tuple[int, int]) -> bool:
    """Whether the place at characters `span` follows a word that leads in a place ("na",
    "bairro", "prefiro"): then it is no name."""
    before = [t for t in toks if t.end <= span[0]]
    return bool(before) and before[-1].low in _PLACE_LEAD_INS


def _never_a_word(place: str) -> bool:
    """Whether a listed place is only ever a place: not also a common word ("Centro")."""
    words = fold(place).lower().split()
    return known_place(words, 0, lower_ok=False) is not None


def _bare_place(toks: Sequence[Token], folded: str) -> str | None:
    """A message whose first clause is only a place, e.g. "Centro" or "no cumbuco"."""
    if "?" in folded:
        return None
    if any(t.low in _ABOUT_A_PERSON for t in toks):
        return None  # "Tiago, 35 anos, engenheiro": the lead introduced themself
    start = _strip_greeting(folded)
    rest = [t for t in toks if t.start >= start]
    while rest and rest[0].low in _BARE_PLACE_PREFIX:
        rest = rest[1:]
    clause: list[Token] = []
    for tok in rest:
        if tok.is_punct and tok.low not in ("-", "'"):
            break
        clause.append(tok)
    while clause and clause[-1].low in _BARE_PLACE_SUFFIX:
        clause.pop()
    if not clause or len(clause) > 6 or not all(t.is_word for t in clause):
        return None
    if any(
        t.low in _PLACE_BREAK
        or t.low in _NOT_WANTED_PLACE
        or t.low in _NAME_STOP - _PLACE_PARTICLES
        for t in clause
    ):
        return None
    if any(
        (not t.is_cap or len(clause) == 1)
        and len(t.low) > 3
        and (t.low.endswith(_LOWER_NON_PLACE_SUFFIXES) or _has_feeling(t.low))
        for t in clause
    ) or any(LAUGHTER.fullmatch(t.low) for t in clause):
        return None  # "achei bonito", "que legal", "pesquisando"
    place = _read_place(clause, 0, allow_lower=True, whole=True)
    if place is None or len(place.split()) != len(clause) or not _may_be_place(clause):
        return None
    return place


def _may_be_place(typed: Sequence[Token]) -> bool:
    """Whether words read as a place may name one: listed, capitalised, holding a word of
    places ("vila", "parque") or a word no dictionary knows. Typed in lower case, an
    unlisted phrase of only words of the language ("pe de moleque", accents left out too)
    is a thing, not a place's name."""
    lows = [t.low for t in typed]
    if not lows or known_place(lows, 0) is not None or any(t.is_cap for t in typed):
        return True
    if _PLACE_NOUNS.intersection(lows):
        return True
    return not all(w in _PLACE_PARTICLES or known_in_some_form(w) for w in lows)


# ---------------------------------------------------------------------------
# Entry point


_OWN_SCHEDULE: Final = _words(
    "saio trabalho trabalha estudo estuda levo busco faculdade servico moro moramos aluguel "
    "aula aulas expediente plantao turno escola trampo folga folgo estudar trabalhar "
    "estudando trabalhando academia cursinho estagio"
)
_CALL_WORDS: Final = _words("liga ligar ligue ligacao ligacoes chama chamar pode podem fica")


_ROUTINE_RE: Final = re.compile(
    r"\b(?:fico|fica|ficamos|to|tou|estou)\s+com\s+(?:as|os|a|o|meus?|minhas?)\s+"
    r"(?:criancas?|filh[oa]s?|menin[oa]s?|bebe|netos?|netas?|pequen[oa]s?|mae|pai|vo|avo)\b"
    r"|\bcuid[oa]\s+d[aoe]s?\b"
)
"""A routine said with a phrase, not a word: "de tarde fico com as crianças", "de manhã
cuido da minha mãe" (while "de manhã fico livre" is free time)."""


def states_own_schedule(text: str) -> bool:
    """ "só saio do serviço às 18h", "de manhã levo as crianças", "estudo à noite", "de
    tarde fico com as crianças": the lead's routine, which asks for no call (unless it
    names one: "saio às 18h, pode ligar às 19h")."""
    folded = fold(text).lower()
    words = set(re.findall(r"[a-z]+", folded))
    # a routine word only in a question ("tem academia?") states nothing of the lead's day
    stated = " ".join(
        part for part in _SENTENCE_RE.findall(folded) if not part.strip().endswith("?")
    )
    return (
        bool(set(re.findall(r"[a-z]+", stated)) & _OWN_SCHEDULE or _ROUTINE_RE.search(stated))
        and not words & _CALL_WORDS
        and not _names_hour(_without_routine(text))
    )


_FREE_WORDS: Final = _words(
    "to tou estou estarei fico ficarei vou estar livre livres disponivel desocupado desocupada "
    "tranquilo tranquila de boa pronto pronta sim ok blz beleza entao ai por favor pfv pf so "
    "mais ou menos tipo uns umas la pelas"
)

_CALLING: Final = _CALL_WORDS | _words(
    "retorna retornar retorne retorno fala falar falamos conversa conversar conversamos "
    "contato ligo ligamos atender atendo"
)
"""Words of calling beside a relative time ("me retorna em 1 hora", "a gente conversa em 30
min"): `_CALL_WORDS` and more. Not one list: in `states_own_schedule` the extra words
are as often something else, and a routine read as a call books a wrong time ("retorno do
serviço às 19h" is coming back from work, "quem fala é a Ana, trabalho até as 17h" is a
name)."""


def times_another_act(text: str) -> bool:
    """Whether a relative time ("em 30 min", "daqui a 2 horas") is said of something the
    lead does, not of the call: "tem desconto se eu fechar em 30 min?", "chego em casa em
    20 min" (a verb of another act, no word of calling); "me liga em 30 min", "daqui a
    uma hora", "em meia hora tô livre" give the call's time."""
    folded = fold(text).lower()
    match = RELATIVE_TIME_RE.search(folded)
    if match is None:
        return False
    words = re.findall(r"[a-z]+", folded[: match.start()] + " " + folded[match.end() :])
    if set(words) & _CALLING:
        return False
    return any(
        verb_of(word) is not None or word.endswith(("ar", "er", "ir"))
        for word in words
        if word not in _FREE_WORDS and len(word) > 2
    )


def _names_hour(text: str) -> bool:
    """Whether `text` names a clock time ("às 17h30"), not only a day part."""
    parts = when_parts(text)
    return parts.has_time and parts.period is None


def _without_routine(text: str) -> str:
    """`text` without its clauses that state a routine: "então segunda às 17h30, nesse
    dia saio mais cedo" keeps "então segunda às 17h30" (an hour the lead asks for, the
    routine beside it only explains it)."""
    folded = fold(text).lower()
    cuts = [0, *(m.start() for m in _ROUTINE_CUT_RE.finditer(folded)), len(text)]
    return "".join(
        text[start:end]
        for start, end in pairwise(cuts)
        if not set(re.findall(r"[a-z]+", folded[start:end])) & _OWN_SCHEDULE
        and not _ROUTINE_RE.search(folded[start:end])
    )


_ROUTINE_CUT_RE: Final = re.compile(
    r"[,.;!?]+|\b(?:mas|porem|so que|q|que|pq|porque|antes d[eoa]|depois d[eoa]|quando"
    r"|melhor|pode ser|entao)\b"
)
"""Where a routine's clause may begin: a time asked for, then why ("quinta às 10h q saio
do plantão", "sexta às 17h30 antes de sair pro serviço")."""


_OUTING: Final = _words(
    "ir ver visitar visita visitas visitacao conhecer decorada decorado decorados plantao "
    "stand estande abre abrem aberto aberta funciona funcionam fecha fecham passar aparecer"
)
"""Words of going to see the development or of its opening hours: a day or an hour in a
question with one is about that ("dá pra ir ver a casa decorada domingo às 15h?")."""
_CALL_ASKED: Final = _words("liga ligar ligue ligam ligacao ligacoes chamar falar marcar retorno")
_SENTENCE_RE: Final = re.compile(r"[^.!?;\n]+(?:[.!?;\n]+|$)")
_ASKED_CLAUSE_RE: Final = re.compile(r",|\b(?:e|mas|ou)\b")


_ELSEWHERE: Final = (
    r"(?:(?:pr[oa]s?|para|ao|a|no|na|em|ate)\s+(?:o\s+|a\s+|meu\s+|minha\s+)?)?"
    r"(?:trabalh\w*|servico|trampo|faculdade|escola|aula|academia|igreja|missa|medic\w*|"
    r"dentista|hospital|banco|mercado|supermercado|feira|estudar|viaj\w*|casa\s+d[aoe])\b"
)
"""Where the lead goes that is no visit: work, class, the doctor, the bank ("antes de ir
pro trabalho", "vou no médico", "passo no banco")."""
_VISIT_RE: Final = re.compile(
    rf"\bir\b(?!\s+{_ELSEWHERE})"
    r"|\b(?:vou|vamos|iria|irei|vo)\s+(?:ai|la|pessoalmente|ver|visitar|conhecer)\b"
    rf"|\b(?:vou|vamos|iria|irei|vo)\s+(?!{_ELSEWHERE})(?:no|na|ao|ate)\b"
    rf"|\b(?:passar|passo|dar um pulo|aparecer|apareco)\s+(?!{_ELSEWHERE})"
    r"(?:ai|la|aqui|no|na|nesse|nessa|pel[oa])\b"
    r"|\bvisit\w*|\bolhad\w*|\bolhar\s+(?:a|o|as|os)\s+(?:casa|decorad|modelo|obra|terreno)"
    r"|\b(?:ver|conhecer)\s+(?:a|o|as|os|essa|esse|a\s+tal)?\s*"
    r"(?:casa|casas|decorad\w*|modelo|obra|terreno|lote|stand|estande|plantao|"
    r"empreendimento|condominio|loteamento|imovel|pessoalmente|de perto)"
    r"|\b(?:abre|abrem|aberto|aberta)\b"
)
"""A visit, or the opening hours of the stand, in a statement: "só consigo ir no domingo
lá pelas 11h", "vou passar aí sábado às 10h", "quero conhecer a casa modelo sábado de
manhã", "o plantão abre domingo às 9h né". Going to work or to class ("antes de ir pro
trabalho") is none, and neither is "passar pra sexta" (a call moved) nor a shift at the
stand ("q saio do plantão"): a visit cue is a verb of going with where or what to see."""


_MOVING_RE: Final = re.compile(
    r"\b(?:quer|querem|quero|queria|queriam|pretende|pretendem|pretendo)\s+"
    r"(?:se\s+mudar|mudar|ir(?:\s+morar)?)\s+(?:pr[oa]s?|para|pro|no|na|em)\s+"
    r"(?!(?:o\s+|a\s+)?(?:stand|estande|plantao|decorad\w*|casa|casas|obra|modelo|empreendimento"
    r"|condominio|loteamento|terreno|lote|ai|la)\b)"
)
"""Moving to a neighbourhood ("eles moram no Cambeba mas querem ir pro Cocó", "quero me
mudar pra Messejana"): where the home is wanted, no visit of the development."""


def _visits(clause: str) -> bool:
    """Whether a folded clause ties itself to a visit (`_VISIT_RE`), moving house aside."""
    return bool(_VISIT_RE.search(_MOVING_RE.sub(" ", clause)))


def _without_visits(sentence: str) -> str:
    """`sentence`, a statement, without its clauses that tie a day or an hour to a visit
    (`_VISIT_RE`) and name no call, and without an hour alone right after one ("vou no
    domingo, lá pelas 11h"): the visit cue governs the time said with it, never the rest
    of the message ("quinta às 10h q saio do plantão" stays)."""
    folded = fold(sentence)
    cuts = [0, *(m.end() for m in _ASKED_CLAUSE_RE.finditer(folded)), len(sentence)]
    kept: list[str] = []
    fronted: list[int] = []  # kept clauses of a time alone, right before this one
    visiting = False
    for start, end in pairwise(cuts):
        clause = folded[start:end]
        words = set(re.findall(r"[a-z]+", clause))
        parts = when_parts(clause)
        if words & _CALL_ASKED or not (parts.has_date or parts.has_time):
            if not words & _CALL_ASKED and _visits(clause):
                # "sexta, umas 14h, vou aí pessoalmente": the times put before the visit
                # are its own, unless it comes after them ("quarta 14h, depois vou lá")
                if not _SEQUENCE_RE.match(clause.strip(" ,")):
                    kept = [c for k, c in enumerate(kept) if k not in fronted]
                visiting = True
            else:
                visiting = visiting and not words & _CALL_ASKED
            fronted = []
            kept.append(sentence[start:end])
            continue
        visiting = _visits(clause) or (visiting and not parts.has_date)
        if not visiting:
            fronted.append(len(kept))
            kept.append(sentence[start:end])
    return "".join(kept)


_SEQUENCE_RE: Final = re.compile(r"(?:e\s+|ai\s+)?(?:depois|antes|mais tarde|em seguida|dai)\b")
_CLOCK_FIGURE_RE: Final = re.compile(r"\s*\b(?:as|a|umas|pelas)?\s*\d[\dh:]*(?:min)?\b")


def visit_plans(text: str) -> list[str]:
    """The clauses of the statements in `text` that tie a day or an hour to a visit
    (`_without_visits`), without their clock figures: what the lead plans to see ("vou
    passar aí sábado às 10h pra conhecer a casa modelo" -> "vou passar aí sábado pra
    conhecer a casa modelo"), which the documents may answer (the stand's hours)."""
    plans: list[str] = []
    for sentence in _SENTENCE_RE.findall(text[:MAX_INPUT_CHARS]):
        if sentence.rstrip().endswith("?") or _without_visits(sentence) == sentence:
            continue
        folded = fold(sentence)
        cuts = [0, *(m.end() for m in _ASKED_CLAUSE_RE.finditer(folded)), len(sentence)]
        for start, end in pairwise(cuts):
            if _visits(folded[start:end]):
                clause = _CLOCK_FIGURE_RE.sub("", fold(sentence[start:end]))
                plans.append(clause.strip(" ,;.!"))
    return [plan for plan in plans if plan]


def without_other_questions(text: str) -> str:
    """`text` without the sentences that ask about a visit or opening hours ("será que dá
    pra ir ver a casa decorada domingo às 15h?", "o plantão abre sábado às 9h?"): a day
    or an hour in one asks for no call; a sentence that names a call ("pode me ligar
    domingo às 15h?") stays. In a statement, only the clauses that tie a time to a visit
    go (`_without_visits`)."""
    kept: list[str] = []
    for sentence in _SENTENCE_RE.findall(text[:MAX_INPUT_CHARS]):
        if not sentence.rstrip().endswith("?"):
            kept.append(_without_visits(sentence))
            continue
        # "posso visitar sábado às 10h e vocês me ligam sexta às 15h?": per clause
        folded = fold(sentence)
        cuts = [0, *(m.end() for m in _ASKED_CLAUSE_RE.finditer(folded)), len(sentence)]
        visiting = False  # a visit named earlier in the sentence goes on ("…, sábado às 10h?")
        for start, end in pairwise(cuts):
            words = set(re.findall(r"[a-z]+", folded[start:end]))
            visiting = not words & _CALL_ASKED and (visiting or bool(words & _OUTING))
            if not visiting:
                kept.append(sentence[start:end])
    return "".join(kept).strip()


def names_other_amount(text: str) -> bool:
    """An amount of money that is no budget ("tenho 80 mil de FGTS", "renda de 6 mil")."""
    folded = fold(text[:MAX_INPUT_CHARS])
    toks = tokenize(text[:MAX_INPUT_CHARS], folded)
    numbers = read_numbers(toks)
    money = [
        n
        for n in numbers
        if n.scale >= 1000
        or (n.first > 0 and toks[n.first - 1].low in ("r$", "rs"))
        or (n.last < len(toks) and toks[n.last].low in _MONEY_AFTER)
    ]
    return bool(money) and _budget(toks, numbers, None) is None


_PAYING_CONDITION_RE: Final = re.compile(
    r"\b(?:se|caso) (?:[a-z]+ ){1,4}?(?:eu |nos |a gente )?"
    r"(?:consigo|conseguimos|posso|podemos|chego|chegamos|pago|pagamos|dou|damos"
    r"|consegue|pode|chega|paga|da (?:pra|para))"
    r" (?:[a-z]+ ){0,2}?(?:mais|menos|esticar|estico|subir|subo|aumentar|aumento|melhorar"
    r"|melhoro|chegar|ir|um pouco|uns|umas|algo|ate)\b[^?]*$"
)
_BARGAIN_WORDS: Final = _words("desconto descontos abatimento")


def states_paying_condition(clause: str) -> bool:
    """Whether a clause, not put with a "?", tells what the lead can pay under a condition,
    with no amount: "se for à vista consigo mais um pouco", "se parcelar dá pra esticar",
    "caso seja financiado a gente consegue subir" (a hypothetical, neither a question nor
    a budget); "se for à vista tem desconto", "se pagar à vista consigo desconto?" ask."""
    folded = fold(clause).lower()
    if "?" in folded or set(re.findall(r"[a-z]+", folded)) & _BARGAIN_WORDS:
        return False
    return _PAYING_CONDITION_RE.search(re.sub(r"[^a-z0-9? ]+", " ", folded)) is not None


_HAGGLE_RE: Final = re.compile(
    r"\b(?:mais um pouco|um pouco mais|mais um pouquinho|um pouquinho mais|melhor ainda)\b"
    r"|\bpode (?:considerar|colocar|botar|deixar|anotar)\b.*\b(?:valor|orcamento|teto|limite"
    r"|mil|\d+)\b"
    r"|^\W*(?:ate|uns|umas)\s+\d[\d.,]*\W*$"
)


def haggles(clause: str) -> bool:
    """Whether a clause haggles over the budget or asks us to note it, put without a "?":
    "se for à vista consigo mais um pouco", "o banco aprovou, pode considerar esse valor",
    "até 800, no máximo 850 mil" (its first clause): a statement, no question for the
    documents. Not built on `states_paying_condition`: that one needs a condition ("se",
    "caso") and no amount, this one needs neither ("consigo mais um pouco", "até 800")."""
    return not clause.rstrip().endswith("?") and _HAGGLE_RE.search(normalise(clause)) is not None


_NEAR_REASON_RE: Final = re.compile(
    r"^(?:(?:que|porque|pq|pois|ja que) )?(?:(?:e|eh|fica|ta|esta) )?(?:bem |mais |super )?"
    r"(?:perto|pertinho|proximo|proxima|do lado|ao lado|colado|colada|vizinho|vizinha)\b"
)


def says_why_there(clause: str) -> bool:
    """Whether a clause, not put with a "?", says what the place the lead named is near:
    "(Lagoa Redonda,) que é perto dos meus pais", "(no Cambeba,) perto da escola das
    crianças", "(Cocó,) pq fica pertinho do trabalho" (the reason for the wish, which asks
    nothing); "é perto da praia?" asks."""
    folded = fold(clause).lower()
    if "?" in folded:
        return False
    return _NEAR_REASON_RE.match(" ".join(re.findall(r"[a-z0-9]+", folded))) is not None


_PROPOSING: Final = r"(?:pode\s+ser|melhor|prefiro|que\s+tal|entao)"
"""Words that open a new proposal after a refusal with no punctuation ("quinta não dá
mais pode ser sexta às 10h")."""
_WHOLE_DAY_TAKEN: Final = (
    r"\b(?:tenho|vou\s+ter|terei|to|tou|estou|vou\s+(?:estar|esta|ta|tar)|estarei)\s+"
    r"(?!(?:livre|disponivel|de\s+folga|folga|tempo|horario|disponibilidade|em\s+casa"
    r"|tranquil[oa]|a\s+disposicao|de\s+boa|a\s+toa|atoa|folgad[oa]|sem\s+compromisso)\b)"
    r"[^,.;!?]{1,40}?\bo\s+dia\s+(?:todo|inteiro)\b"
    r"(?!\s+(?:livre|disponivel|de\s+folga|em\s+casa|de\s+boa|a\s+toa))"
)
"""A day the lead's engagement fills ("sexta tenho audiência o dia todo", "amanhã vou
estar no fórum o dia inteiro"): no call can be booked on it."""
_TURNED_DOWN_RE: Final = re.compile(r"\b(?:nao|n)\b[^.!?]*?\b(?:mas|porem|so que)\b")
_REFUSED_RE: Final = re.compile(
    r"(?:\b(?:nao|n)\s+(?:da|vai\s+dar|posso|consigo|rola|serve|fica\s+bom|tenho\s+como|"
    r"vou\s+poder|vou\s+estar|estarei|estou|funciona|tem(?=\s*(?:[,.;!?]|$))"
    r"|tenho(?=\s*(?:[,.;!?]|$))|tenho\s+(?:horario|tempo|disponibilidade))\b"
    # "sábado vou tá viajando": away that day
    r"|\b(?:vou\s+(?:estar|esta|ta|tar)|estarei|estou|to)\s+(?:viajando|de\s+viagem|fora)\b"
    # "sexta tenho audiência o dia todo", "quinta vou estar em obra o dia inteiro": that
    # day is taken whole (not "to livre o dia todo", "tenho folga o dia inteiro")
    rf"|{_WHOLE_DAY_TAKEN})"
    rf"(?:(?!\b{_PROPOSING}\b)[^,.;!?])*(?:[,.;!?]+|$|(?=\b{_PROPOSING}\b))"
)
"""A refusal up to the end of its clause: "não dá, vou estar viajando.", "não dá pra mim",
"sábado vou tá viajando." (away that day),
"domingo não tem." (a bare "não tem" ending its clause; "não tem problema" is none)."""
_CLAUSE_END_RE: Final = re.compile(r"[,.;!?]")


def _says_when(text: str) -> bool:
    parts = when_parts(text)
    return parts.has_date or parts.has_time


def _without_refused(text: str, start: int, end: int) -> str:
    """`text` without the clause turned down: from the clause's start (the last
    punctuation before `start`) to `end`."""
    ends = [m.end() for m in _CLAUSE_END_RE.finditer(text, 0, start)]
    clause_start = ends[-1] if ends else 0
    return f"{text[:clause_start]} {text[end:]}".strip(" ,;")


_CLAUSE_RE: Final = re.compile(r"[,.;!?]+|\b(?:mas|porem|so que)\b")


_DAY_ONLY_RE: Final = re.compile(
    r"\b(?:amanha|hoje|(?:segunda|terca|quarta|quinta|sexta)(?:[-\s]feira)?|sabado|domingo)\b"
)
"""A day named in a routine clause, carried to a bare hour said beside it."""
_OTHERS_AVAILABILITY_RE: Final = re.compile(
    r"(?:^\s*(?:e\s+)?(?:ele|ela|eles|elas)"
    # "... 750 mil meu esposo só pode depois das 16h": a relative anywhere in a run-on
    r"|(?:^|\s)(?:o\s+|a\s+)?(?:meu|minha|nosso|nossa)\s+(?!(?:horario|dia|hora|tempo)\b)[a-z]+)"
    r"\s+(?:(?:so|nao|tambem|ainda)\s+)?"
    r"(?:pode|podem|consegue|conseguem|atende|atendem|(?:fica|ficam|esta|estao|ta|tao)\s+livres?)\b"
    r"(?!\s+ser\b)"
)
"""A clause that says when another person can answer or is free ("ele só pode atender
depois das 17h", "minha esposa fica livre às 18h"): that person's hours, not the call the
lead asks for; dropped like a routine when another clause names the time."""


def _without_schedules(text: str) -> str:
    """`text` without the clauses that state a routine with a time ("só saio às 18h",
    "ele trabalha até 18h") or when another person is free ("ele só pode atender depois
    das 17h"), when what remains names a time; else `text`. A day named in the lead's own
    routine carries to a bare hour in what remains ("sexta tenho folga o dia todo, pode
    ligar às 15h" is Friday 15h)."""
    folded = fold(text)
    cuts = [0, *(m.end() for m in _CLAUSE_RE.finditer(folded)), len(text)]
    kept: list[str] = []
    days: list[str] = []
    dropped = False
    for start, end in pairwise(cuts):
        clause = text[start:end]
        if not _says_when(clause):
            kept.append(clause)
        elif _OTHERS_AVAILABILITY_RE.search(folded[start:end]):
            dropped = True
        elif states_own_schedule(clause):
            dropped = True
            days.extend(_DAY_ONLY_RE.findall(folded[start:end]))
        else:
            kept.append(clause)
    rest = "".join(kept).strip(" ,;")
    if not (dropped and _says_when(rest)):
        return text
    if len(days) == 1 and not when_parts(rest).has_date:
        return f"{rest}, {days[0]}"  # "de segunda a sexta trabalho" names no one day
    return rest


_CONCLUSION_RE: Final = re.compile(r"\b(?:entao|nesse caso|neste caso|dai|assim sendo)\b")
"""Words that conclude from what came before: "sábado é só até 13h né? então às 11h"."""
_LIMIT_RE: Final = re.compile(r"\bate\s+(?:as\s+|a\s+)?\d{1,2}(?:\s*h\b|:\d{2}|\s+horas?\b)")
"""A time given as a limit ("é só até 13h", "até as 18h"): the hours, not a request."""


def _without_limits(text: str) -> str:
    """`text` without the clauses that state a limit ("sábado é só até 13h né?") when
    what remains names an hour; else `text`."""
    folded = fold(text)
    cuts = [0, *(m.end() for m in _CLAUSE_RE.finditer(folded)), len(text)]
    kept = [
        text[start:end] for start, end in pairwise(cuts) if not _LIMIT_RE.search(folded[start:end])
    ]
    rest = "".join(kept).strip(" ,;")
    return rest if len(kept) < len(cuts) - 1 and when_parts(rest).has_time else text


def _concluded(text: str) -> str:
    """A call time concluded after "então" ("ah, é até 13h? então sábado às 11h") comes
    first, so that it wins over the one it follows; else `text`."""
    matches = list(_CONCLUSION_RE.finditer(fold(text)))
    if not matches:
        return text
    head, tail = text[: matches[-1].start()], text[matches[-1].start() :]
    if _says_when(tail) and _says_when(head):
        return f"{tail.strip()} {head.strip()}"
    return text


def _without_forgotten(text: str) -> str:
    """`text` without the clauses that open with a verb dropping what was said ("esquece
    sexta, segunda 9h"), when what remains names a time; else `text`."""
    folded = fold(text)
    cuts = [0, *(m.end() for m in _CLAUSE_RE.finditer(folded)), len(text)]
    kept = [
        text[start:end]
        for start, end in pairwise(cuts)
        if (folded[start:end].split() or [""])[0] not in _FORGETTING
    ]
    rest = "".join(kept).strip(" ,;")
    return rest if len(kept) < len(cuts) - 1 and _says_when(rest) else text


_MOVED_RE: Final = re.compile(
    r"\b(?:muda|mude|mudar|mudem|passa|passe|passar|passem|troca|troque|trocar|troquem"
    r"|remarca|remarque|remarcar|transfere|transfira|transferir|joga|adia|adie|adiar)"
    r"(?:\s+(?:a|o|essa|esse)?\s*(?:ligacao|horario|data|dia|isso))?\s+(?:pra|para|pro|p/)\s"
)
"""A verb moving the call, then where to ("muda pra segunda, 2 e meia da tarde", "passa
pra quinta às 9h", "troca o horário pra 15h"): what it names is the time wanted."""


def _moved(text: str) -> str:
    """The call time a verb of moving names ("lembrei que sexta não posso. muda pra
    segunda, 14h30") first, so that it wins over the one it replaces: alone when it names
    a day and an hour, else before the rest (its day or hour completed by what came
    before: "segunda às 10h, passa pra 15h"); `text` when no such verb names a time."""
    matches = list(_MOVED_RE.finditer(fold(text)))
    if not matches:
        return text
    head, tail = text[: matches[-1].start()], text[matches[-1].start() :]
    if not _says_when(tail):
        return text
    if _names_day_and_hour(tail) or not _says_when(head):
        return tail.strip()
    return f"{tail.strip()}, {head.strip()}"


def accepted_part(text: str) -> str:
    """The words of a message that say which call time the lead accepts.

    - "de manhã não dá, mas quinta 15h pode": what follows the "mas";
    - "terça não dá, vou estar viajando. quarta às 10", "amanhã às 15h, de manhã não
      posso": the text without the clause turned down; "segunda 10h não dá pra mim" and
      "segunda às 10 não" accept nothing (empty);
    - "terça às 8h... opa, 8 não, melhor 9h": the words after the last correction first,
      then the rest, so that the corrected hour wins and the day said before still counts.

    A clause that states a routine, the lead's or someone else's ("ele trabalha até 18h
    mas eu posso atender, pode ser terça 11h"), is left out when another clause names
    the time, and so is a clause stating a limit ("sábado é só até 13h né? então sábado
    às 11h"); a time concluded after "então" comes first. The whole text when nothing
    is turned down.
    """
    text = _moved(_concluded(_without_limits(_without_schedules(_without_forgotten(text)))))
    folded = fold(text)
    match = _TURNED_DOWN_RE.search(folded)
    if match and text[match.end() :].strip():
        return text[match.end() :].strip()
    refused = _REFUSED_RE.search(folded)
    if refused:
        rest = _without_refused(text, refused.start(), refused.end())
        if _says_when(rest) or _says_when(text[: refused.start()]):
            # what remains may take a time back too ("amanhã 9h... não, amanhã não dá,
            # quinta 14h"): it is read the same way
            return accepted_part(rest) if _says_when(rest) else ""
    toks = tokenize(text, folded)
    lows = [t.low for t in toks]
    for i in range(len(toks) - 1, 0, -1):
        bare_no = lows[i] in _RETRACTING_NO and (
            i + 1 == len(toks) or toks[i + 1].is_punct or _day_no_day(lows, i)
        )
        if not (_hinge_cue_at(lows, i) or bare_no):  # "10h não desculpa 11h" too
            continue
        head, tail = text[: toks[i].start], text[toks[i].start :]
        if _says_when(tail) and _says_when(head):
            if _names_day_and_hour(tail):
                return tail.strip()  # "hoje 16h, não, amanhã 16h": the whole time again
            # a comma keeps the day of the head from being read as the word after the
            # corrected hour ("quer dizer às três, sexta às duas da tarde")
            return f"{tail.strip()}, {head.strip()}"
        if bare_no and not toks[i - 1].is_punct and _says_when(head):
            # "segunda às 10 não": the time right before the "não" is turned down
            rest = _without_refused(text, toks[i].start, toks[i].end)
            return rest if _says_when(rest) else ""
    return text


_DAY_WORDS: Final = frozenset(WEEKDAYS) | _words("hoje amanha seg ter qua qui sex sab dom")


def _day_no_day(lows: Sequence[str], i: int) -> bool:
    """Whether the "não" at `i` sits between two days with no mark ("domingo nao segunda
    10h", dictated): the first day turned down, the second offered."""
    return 0 < i < len(lows) - 1 and lows[i - 1] in _DAY_WORDS and lows[i + 1] in _DAY_WORDS


def _names_day_and_hour(text: str) -> bool:
    """Whether `text` names both a day and an hour ("quinta 14h"), a whole call time."""
    parts = when_parts(text)
    return parts.has_date and parts.has_time and parts.period is None


_CALL_NOUNS_RE: Final = re.compile(r"\b(?:horario|hora|ligacao|dia|data)\b")


def refuses_time(text: str) -> bool:
    """Whether the lead turns a time down and names none in its place: "quinta não dá
    mais", "aquele horário não vai dar mais, surgiu uma reunião". Not "quinta não dá mais,
    pode ser sexta 10h" (another time), nor a refusal of anything but a time ("não dá pra
    pagar mais que isso")."""
    folded = fold(text[:MAX_INPUT_CHARS])
    refused = _REFUSED_RE.search(folded)
    if refused is None or _says_when(accepted_part(text)):
        return False
    head = text[: refused.start()]
    return _says_when(head) or bool(_CALL_NOUNS_RE.search(folded[: refused.start()]))


def garbled(text: str) -> bool:
    """Bytes that were not text (U+FFFD), control characters, or mostly symbols."""
    if _GARBLED_RE.search(text):
        return True
    plain = sum(ch.isalnum() or ch.isspace() for ch in text)
    return len(text) >= 12 and plain < len(text) / 2


def _case_says_nothing(text: str) -> bool:
    """ALL CAPS, or Every Word Capitalised: capitals then mark no name or place, so the
    message is read as if typed in lower case ("MEUS FILHOS ESTÃO NA ESCOLA")."""
    words = re.findall(r"[^\W\d_]{2,}", text)
    if words and all(word.isupper() for word in words):
        return True
    # Title Case counts only with a capitalised little word ("Estão Na Escola"): a full
    # name ("Ana Maria d'Ávila") or a place ("Parque Manibura") is capitalised anyway.
    return (
        len(words) >= 3
        and all(word[0].isupper() for word in words)
        and any(fold(word) in _LITTLE_WORDS for word in words)
    )


def _correcting(toks: Sequence[Token]) -> bool:
    """ "pensando bem", "na verdade", "melhor", "aliás": the lead is changing an answer; so
    is a message opening with a bare "não" and a comma, then "é" ("não, é Parreão, o
    corretor do celular trocou": the value just noted was not what they meant)."""
    lows = [t.low for t in toks]
    if lows[:3] in (["nao", ",", "e"], ["n", ",", "e"], ["nao", ",", "eh"]):
        return True
    if set(lows) & _FORGETTING:
        return True  # "esquece o que eu disse dos quartos: são 4"
    return any(_cue_at(lows, i) for i in range(len(lows)))


def read_candidates(
    text: str,
    *,
    pending: str | None,
    now: datetime,
    tz: ZoneInfo,
    ignore: Collection[str] = (),
    known: Collection[str] = (),
) -> list[Candidate]:
    """Every value the message may give for each fact, with its evidence (see `Candidate`);
    `decide` picks what is saved. The arguments are `extract_facts`'s.

    A value taken back on the spot by a correction cue ("quinhentos mil não desculpa
    quinhentos e cinquenta mil", "três quartos não pera quatro quartos", "no Cocó, digo,
    no Papicu", "3 quartos ou melhor 4") is replaced by the one after the cue before the
    message is read: the message is read as if the lead had typed only the correction
    (`_without_taken_back`), whatever the fact, and the value taken back is kept as a
    turned-down candidate."""
    # Emojis and laughter never carry a fact ("Bia 🙋‍♀️", "sou o davi kkk").
    original = text[:MAX_INPUT_CHARS]
    if garbled(original):
        return []
    original = without_slips(without_decorations(original))  # "3 quartso", "sexat"
    if not original:
        return []
    if _case_says_nothing(original):
        original = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in original)
    taken_back: list[Candidate] = []
    for _ in range(4):  # each round replaces one value taken back
        out = _read(original, pending=pending, now=now, tz=tz, ignore=ignore, known=known)
        fixed = _without_taken_back(original, out)
        if fixed is None:
            break
        original, dropped = fixed
        taken_back.append(dropped)
    out += _told_beside_questions(
        original, out, pending=pending, now=now, tz=tz, ignore=ignore, known=known
    )
    out += _wishes_asked(original, out, now=now, tz=tz, ignore=ignore, known=known)
    return taken_back + out


_ASKED_LEAD_INS: Final = _words("e mas entao ai ah so uma pergunta gente pessoal")
"""Words a question for a home may open with before what it asks ("e vcs tem...", "só
uma pergunta, tem ...")."""
_ASKED_SUBJECTS: Final = _words("vcs voces vc voce")
_ASKED_KNOWING: Final = _words("queria gostaria quero saber de se")
"""The lead's own "queria saber se ..." before a question for a home."""
_AVAILABLE_VERBS: Final = _words("tem teria teriam existe existem ha rola consigo conseguiria")
"""Verbs that ask whether the development has something ("tem casa de 3 quartos?",
"existe alguma de 4 quartos?", "teria algo no Eusébio?")."""
_AVAILABLE_FILLERS: Final = _words("ainda disponivel disponiveis por ai")
_ASKED_HOMES: Final = _HOME_NOUNS | _words(
    "casas casinha sobrado sobrados unidade unidades opcao opcoes imovel imoveis algo "
    "alguma algum coisa uma um"
)
"""First words of the thing a question for a home asks for: a home ("casa", "sobrado"),
"algo", "alguma (coisa)", "uma de 3 quartos"."""
_ASKED_FACTS: Final = ("bedrooms", "neighborhood", "budget_brl")


def _asked_home(sentence: str) -> list[tuple[int, int]]:
    """What a sentence asks for, as character ranges of `sentence`, when it ends with "?"
    and asks whether the development has a home or whether the lead can get one ("tem casa
    de 3 quartos até 350 mil?", "vcs tem algo no Eusébio?", "ainda tem de 4 quartos?",
    "existe alguma de 2 quartos?", "queria saber se vocês têm casa no Icaraí?", "consigo
    uma de 3 quartos por 300 mil?", "dá pra pegar uma de 2 com 280 mil?", "até 400 mil
    tem?"): after greetings and lead-ins, optional "vocês" / "ainda" / "será que" / the
    lead's own "queria saber se", an optional limit ("até 400 mil", "com 350 mil"), a verb
    of having or getting (`_AVAILABLE_VERBS`, "dá pra" and a verb of getting), then a home
    (`_ASKED_HOMES`), a house type ("de 3 quartos") or a count of bedrooms, or nothing
    after a limit. Empty for any other question: about a thing of a house type ("a de 3
    tem piscina?"), a feature ("tem piscina?"), a distance ("fica longe do Eusébio?"), a
    price ("quanto custa a de 3 quartos?") or someone else's ("meu irmão quer saber se tem
    de 4 quartos?")."""
    if not sentence.rstrip().endswith("?"):
        return []
    folded = fold(sentence)
    greeting = _GREETING_RE.match(folded)
    toks = [t for t in tokenize(sentence, folded) if t.low != "?"]
    lows = [t.low for t in toks]
    k = 0
    if greeting:
        while k < len(toks) and toks[k].start < greeting.end():
            k += 1

    def skip(words: frozenset[str], at: int) -> int:
        while at < len(lows) and (lows[at] in words or lows[at] == ","):
            at += 1
        return at

    k = skip(_ASKED_LEAD_INS, k)
    if lows[k : k + 2] == ["sera", "que"]:
        k += 2
    if k < len(lows) and lows[k] in _OWN_CURIOSITY:
        knowing = k
        k = skip(_ASKED_KNOWING, k + 1)
        if "saber" not in lows[knowing:k] or lows[k - 1 : k] != ["se"]:
            return []
    parts: list[tuple[int, int]] = []
    if k < len(lows) and lows[k] in _ASKED_LIMITS:
        amount = next((n for n in read_numbers(toks[k + 1 :])), None)
        if amount is None or amount.first != 0 or lows[k + amount.last] not in _MONEY_WORDS:
            return []
        end = k + amount.last  # "até 400 mil": up to its scale word
        parts.append((toks[k].start, toks[end].end))
        k = end + 1
    k = skip(_ASKED_SUBJECTS | _AVAILABLE_FILLERS, k)
    if k < len(lows) and lows[k] in _AVAILABLE_VERBS:
        k += 1
    elif lows[k : k + 2] in (["da", "pra"], ["da", "para"]) and lows[k + 2 : k + 3]:
        if lows[k + 2] not in _GETTING:
            return []
        k += 3  # "dá pra pegar uma de 3 quartos?"
    elif parts and lows[k:] == ["da"]:
        return parts  # "até 300 mil dá?"
    else:
        return []
    k = skip(_AVAILABLE_FILLERS, k)
    if k >= len(toks):
        return parts  # "até 400 mil tem?": the limit asked about
    thing = lows[k]
    numbers = read_numbers(toks[k:])
    counted = (
        bool(numbers)
        and numbers[0].first == 0
        and numbers[0].last < len(toks) - k
        and lows[k + numbers[0].last] in _BEDROOM_NOUNS
    )  # a bare count of suites ("tem 2 suítes e 1?") may ask what a house type has
    if not (thing in ("de", "com") or thing in _ASKED_HOMES or counted):
        return []
    return [*parts, (toks[k].start, toks[-1].end)]


_ASKED_LIMITS: Final = _words("ate com por")
_GETTING: Final = _words("pegar comprar achar encontrar conseguir ter fechar")


_DOUBTING: Final = re.compile(
    r"\b(?:sei la|nao sei|n sei|talvez|quica|depende|em duvida|nao tenho certeza"
    r"|to vendo ainda|vou pensar|pensando ainda|ainda nao decidi)\b"
)
"""Words of a lead in doubt: a message holding them states no wish by asking."""


_ASKING_FOR_OTHERS: Final = _SOMEONES | _OTHER_PEOPLE | _words("cliente clientes alguem")
"""People a question for a home may be asked for, named beside it in the message."""


_ASKED_SENTENCE_RE: Final = re.compile(r"(?:[^.!?;\n]|\.(?=\S))+[.!?;]*")
"""A sentence: up to its closing marks; a dot inside a figure ("350.000") ends none."""
_COMPARING: Final = _words(
    "mais menos maior maiores menor menores acima abaixo partir minimo como igual parecida parecido"
)


def _compared(text: str, span: tuple[int, int]) -> bool:
    """Whether the value at `span` of `text` is only compared with ("casa mais barata que a
    de 3 quartos", "com mais de 3 quartos", "acima de 500 mil", "a partir de 300 mil"): a
    word of comparing anywhere before it ("mais em conta que a de 4 quartos"). A bound or
    a likeness is no wish."""
    if span == (0, 0):
        return False
    before = {t.low for t in tokenize(text, fold(text)) if t.end <= span[0] and t.is_word}
    return bool(before & _COMPARING)


def _other_type_named(text: str, count: object) -> bool:
    """Whether `text` names a house type by another count than `count` ("e de 4?", "ou
    a de 2"): "de N" with a small whole N."""
    toks = tokenize(text, fold(text))
    return any(
        n.first > 0
        and toks[n.first - 1].low == "de"
        and n.scale == 1
        and n.value.is_integer()
        and BEDROOMS_MIN <= n.value <= BEDROOMS_MAX
        and int(n.value) != count
        for n in read_numbers(toks)
    )


def _wishes_asked(
    original: str,
    out: Sequence[Candidate],
    *,
    now: datetime,
    tz: ZoneInfo,
    ignore: Collection[str],
    known: Collection[str],
) -> list[Candidate]:
    """The wish a lead states by asking whether the development has it ("tem casa de 3
    quartos até 350 mil?", "vcs tem algo no Eusébio?": `_asked_home`): what such a
    question asks for is read as the lead's own statement of it ("quero casa de 3 quartos
    até 350 mil"), with the same readers, so a relative's home or where the lead lives
    stays theirs. Only bedrooms, the place and the budget, only a fact the whole message
    left unsaved, and never when the whole message names another value of that fact (two
    counts asked about, "tem de 3? e de 4?", leave it open) or turned one down."""
    if "?" not in original or _DOUBTING.search(fold(original)):
        return []  # "tem de 4 quartos? é o que eu procuro, mas sei lá": left open
    asked = [
        (found, parts)
        for found in _ASKED_SENTENCE_RE.finditer(original)
        if (parts := _asked_home(found.group()))
    ]
    if {t.low for t in tokenize(original, fold(original))} & _ASKING_FOR_OTHERS:
        return []  # "tem de 4 quartos? minha irmã que quer saber": someone else's wish
    decided = decide(out)
    extra: list[Candidate] = []
    for found, parts in asked:
        sentence = found.group()
        lead_in = "quero"
        pieces, shifts = [lead_in], []  # shifts: (start in the reading, its shift)
        at = len(lead_in) + 1
        for start, end in parts:
            pieces.append(sentence[start:end])
            shifts.append((at, found.start() + start - at))
            at += end - start + 1
        reading = " ".join(pieces)
        told = _read(reading, pending=None, now=now, tz=tz, ignore=ignore, known=known)
        told = [c for c in told if not _compared(reading, c.span)]

        def moved(span: tuple[int, int], shifts: list[tuple[int, int]] = shifts) -> tuple[int, int]:
            if span == (0, 0):
                return span
            shift = next((d for at, d in reversed(shifts) if span[0] >= at), shifts[0][1])
            return (span[0] + shift, span[1] + shift)

        wished = decide(told)
        if "neighborhood" in wished and not {"bedrooms", "budget_brl"} & set(wished):
            # "tem casa no Cumbuco?" may ask where the homes are; the place alone is the
            # wish only when the message then points back at it ("é lá que eu queria
            # morar").
            rest = original[found.end() :]
            if place_pointed_back(sentence, rest, now=now, tz=tz, ignore=ignore) is None:
                del wished["neighborhood"]
        for fact, value in wished.items():
            if fact not in _ASKED_FACTS or fact in decided:
                continue
            others = [c for c in out if c.fact == fact and c.value != value]
            if fact == "bedrooms" and _other_type_named(original, value):
                continue  # "tem de 3 quartos? e de 4?": two house types asked about
            if others or any(
                c.fact == fact and c.modality not in (*_SAVED, Modality.QUESTION) for c in out
            ):
                continue
            decided[fact] = value
            extra += [
                replace(c, span=moved(c.span), cue=f"asked: {c.cue}")
                for c in told
                if c.fact == fact and c.value == value and c.modality in _SAVED
            ]
    return extra


_OPENS_QUESTION: Final = _ASKING | _words(
    "cade aceitam fica ficam custa custam sai e o a os as da do na no pra pro qto qnto "
    "qual ql quais qls oq"
)
"""First words of a piece that turn to the development, not tell ("tem piscina", "e o
de 3 quartos", "a de 3 tem suíte", "no Cocó?"): such a piece is asked."""
_PIECE_FACTS: Final = ("name", "bedrooms", "neighborhood", "budget_brl")


def _asks(piece: str) -> bool:
    """Whether one piece of a message (cut at its own marks) asks: it ends with "?", or it
    opens like a question or a thing of the development (`_OPENS_QUESTION`), or it holds
    a word of asking ("quanto", "qual", "vcs", "tem", ...)."""
    words = [t.low for t in tokenize(piece, fold(piece)) if t.is_word]
    if piece.rstrip().endswith("?") or not words:
        return piece.rstrip().endswith("?")
    named = [w for w in words if w not in _TOPIC_OPENERS]
    if named and named[0] in _TOPIC_NOUNS:
        return True  # "casa de 3 quartos no Cocó, quanto custa?": the thing asked about
    if named and named[0] == "de" and words[0] in _TOPIC_OPENERS:
        return True  # "o de 2 quartos, quanto sai?", "e a de 3, tem suíte?": a house type
    return words[0] in _OPENS_QUESTION or bool(set(words) & _ASKING)


_TOPIC_OPENERS: Final = _ARTICLES | _words("e um uma essa esse")
_TOPIC_NOUNS: Final = _HOME_NOUNS | _words("sobrado unidade planta modelo imovel")
"""A piece naming a home ("casa de 3 quartos", "o apto de 2 quartos") before a question
names what the question asks about, not the lead's wish."""


_SUBJECT_ASKING: Final = _words(
    "qual quais quanto quanta quantos quantas qto qnto onde quando como vcs voces voce vc "
    "sera existe existem"
)
"""Words that open a question with its own subject or none ("vcs aceitam...", "qual o
prazo"): whatever comes before them is not what the question is about."""
_SUBJECT_ONLY: Final = _words("vcs voces voce vc")
_ASKED_HAVING: Final = _words("tem aceita aceitam da")
"""Verbs that open a question about the development ("tem piscina", "aceita FGTS") and
whose subject may be the words right before them ("3 quartos tem suíte?")."""
_NOT_A_SUBJECT: Final = _words("ate quero queria procuro preciso posso tenho prefiro sou")
"""First words of a phrase that cannot be the subject of a verb after it: a limit ("até
400 mil tem piscina?") or the lead's own telling."""


def _unmarked_question(piece: str) -> int | None:
    """Where the question starts in a piece ending with "?" that has no mark before it,
    after words that tell ("até 400 mil tem piscina?", "3 quartos a de 3 tem suíte?"), as
    a character offset in `piece`; None when it opens the piece or the words before it may
    be what it asks about ("3 quartos tem suíte?": the house type is the subject).

    The question starts at "vcs"/"vocês" (its own subject), at a house type named as a
    thing ("a de 3", "o de 4 quartos", "e o ..."), or at a question word (`_SUBJECT_ASKING`)
    or a verb of having (`_ASKED_HAVING`) after a phrase that cannot be its subject
    (`_NOT_A_SUBJECT`: "casa de 3 quartos quanto custa?" asks about the house); some word
    must follow it, and no word of asking comes before it."""
    if not piece.rstrip().endswith("?"):
        return None
    toks = [t for t in tokenize(piece, fold(piece)) if t.low != "?"]
    if any(t.is_punct for t in toks):
        return None
    lows = [t.low for t in toks]
    for k in range(1, len(toks) - 1):
        if lows[k - 1] in _ASKING:
            return None
        house = lows[k] in _ARTICLES and lows[k + 1] == "de"
        turning = lows[k] == "e" and toks[k].raw.lower() == "e" and lows[k + 1] in _ARTICLES
        own = lows[k] in _SUBJECT_ASKING and lows[0] in _NOT_A_SUBJECT
        having = lows[k] in _ASKED_HAVING and lows[0] in _NOT_A_SUBJECT
        if lows[k] in _SUBJECT_ONLY or own or house or turning or having:
            return toks[k].start
    return None


def _told_beside_questions(
    original: str,
    out: Sequence[Candidate],
    *,
    pending: str | None,
    now: datetime,
    tz: ZoneInfo,
    ignore: Collection[str],
    known: Collection[str],
) -> list[Candidate]:
    """The facts a message tells in its pieces that ask nothing, beside a piece that
    asks ("até 400 mil, tem piscina?", "3 quartos, a de 3 tem suíte?", "Vera. aceita
    financiamento?"): each run of pieces cut at the message's own marks (`split_at_marks`)
    that do not ask (`_asks`) is read alone with the same readers (the pending question
    only for the run that opens the message), and a fact the whole message left unread
    is taken from it (a call time is read from the whole message already). A fact the
    whole reading found but set aside for another reason than a question (someone
    else's, a hypothetical, turned down, alternatives) is left as read."""
    if "?" not in original:
        return []
    pieces: list[tuple[int, str]] = []
    at = 0
    for piece in split_at_marks(original, colon=False):
        start = original.find(piece, at)
        cut = _unmarked_question(piece)
        if cut is None:
            pieces.append((start, piece))
        else:  # "até 400 mil tem piscina?": the statement, then the question
            pieces += [(start, piece[:cut]), (start + cut, piece[cut:])]
        at = start + len(piece)
    asking = [_asks(piece) for _, piece in pieces]
    if not any(asking) or all(asking):
        return []
    runs: list[tuple[int, int]] = []
    for k, (start, piece) in enumerate(pieces):
        if asking[k]:
            continue
        if runs and runs[-1][1] == start:
            runs[-1] = (runs[-1][0], start + len(piece))
        else:
            runs.append((start, start + len(piece)))
    decided = decide(out)
    held = {
        c.fact
        for c in out
        if c.fact in decided
        or (c.whose != "lead" and not _placed_beside_question(c, runs))
        or (c.modality is not Modality.QUESTION and c.modality not in _SAVED)
    }
    extra: list[Candidate] = []
    for start, end in runs:
        # A bare answer to the pending question opens the message ("Vera. aceita
        # financiamento?"); after a question, a bare figure answers nothing asked ("vc
        # quer saber? 3 pq sim").
        told = _read(
            original[start:end].rstrip().rstrip(",;"),  # "Carla, tem piscina?"
            pending=pending if start == 0 else None,
            now=now,
            tz=tz,
            ignore=ignore,
            known=known,
        )
        # "Oi Carla, tudo bem?", "Carla, tem piscina?": a name before a question may be
        # whom the lead speaks to; the lead's own only as a sentence of its own ("Vera.").
        own_sentence = original[start:end].rstrip()[-1:] in (".", "!")
        for fact in decide(told):
            if fact in held or fact not in _PIECE_FACTS or (fact == "name" and not own_sentence):
                continue
            held.add(fact)
            extra += [
                replace(
                    c, span=c.span if c.span == (0, 0) else (c.span[0] + start, c.span[1] + start)
                )
                for c in told
                if c.fact == fact
            ]
    return extra


def _placed_beside_question(c: Candidate, runs: Sequence[tuple[int, int]]) -> bool:
    """Whether `c` is a place the whole message set aside as not the lead's only for the
    question beside it: it lies in a run of pieces that ask nothing ("Cambeba, vocês têm
    casa de 3 quartos?"), which is read again alone and keeps it only if, alone, it is
    the lead's (where the lead lives stays theirs: "moro no Cocó, vcs tem casa lá?")."""
    return (
        c.fact == "neighborhood"
        and c.modality is Modality.STATED
        and c.span != (0, 0)
        and any(start <= c.span[0] and c.span[1] <= end for start, end in runs)
    )


_HINGE_CUES: Final = (*_CORRECTION_CUES, ("desculpa",), ("desculpe",), ("perdao",), ("perdoa",))
"""Cues that take back the value right before them in a run-on message ("quinhentos mil
não desculpa quinhentos e cinquenta"); "desculpa" and "perdão" only there, since
elsewhere they apologise ("desculpa a demora, 3 quartos")."""
_HINGE_FILLERS: Final = _words(
    "e eh sao seria sera o a os as no na nos nas num numa em de do da pro pra para tipo "
    "uns umas ate ou ah oh opa isso ne nao n mas"
)
"""Words that may sit between a value taken back and its replacement: "não", "ou" ("ou
melhor"), a verb of being, articles and prepositions ("no Cocó, digo, no Papicu")."""
_HINGED_FACTS: Final = frozenset({"bedrooms", "budget_brl", "neighborhood"})


def _hinge_cue_at(lows: Sequence[str], i: int) -> int:
    """The length of the correction cue of a run-on message beginning at word `i` (0 when
    none): "desculpa" and "perdão" count here."""
    return _cue_length(lows, i, _HINGE_CUES)


_JUDGING_BEING: Final = _words("e eh seria fica")


def _after_hinge(toks: Sequence[Token], k: int) -> int | None:
    """The token after a correction hinge that begins at token `k` (only "não",
    punctuation, fillers and at least one cue; "?" ends it), or None when there is none."""
    lows = [t.low for t in toks]
    cued = False
    while k < len(toks) and lows[k] != "?":
        # "três quartos esquece quatro quartos": a verb that drops the value before it
        size = _hinge_cue_at(lows, k) or int(lows[k] in _FORGETTING)
        if size and (
            lows[k + size : k + size + 1] == ["que"]
            or lows[k + size : k + size + 2] == ["do", "que"]
        ):
            return None  # "4 quartos é melhor que 3 quartos" compares, corrects nothing
        if (
            lows[k] == "melhor"
            and k > 0
            and lows[k - 1] in _JUDGING_BEING
            and (k + 1 == len(toks) or lows[k + 1] in _SENTENCE_ENDS)
        ):
            return None  # "ela acha que 4 quartos é melhor.": a judgement ending its sentence
        if size:
            cued, k = True, k + size
        elif toks[k].is_punct or lows[k] in _HINGE_FILLERS:
            k += 1
        elif cued and (aside := _reason_aside(toks, k)) is not None:
            k = aside  # "pensando bem, com escritório pra mim, melhor 4"
        else:
            break
    return k if cued and k < len(toks) else None


_ASIDE_REACH: Final = 6


def _reason_aside(toks: Sequence[Token], k: int) -> int | None:
    """The token of the second correction cue that ends a short aside beginning at token
    `k`, right after a first cue ("pensando bem, com escritório pra mim, melhor 4": the
    reason for the change between its two cues), else None. The aside holds no figure,
    no question and no end of sentence, and a comma closes it."""
    lows = [t.low for t in toks]
    for m in range(k, min(len(toks), k + _ASIDE_REACH + 1)):
        if lows[m] in _SENTENCE_ENDS or lows[m] in ("?", ":"):
            return None
        if lows[m][:1].isdigit() or number_word(lows[m]) is not None:
            return None
        if lows[m] == ",":
            if m == k:
                return None
            n = m + 1
            while n < len(toks) and lows[n] in _HINGE_FILLERS - _RETRACTING_NO:
                n += 1
            return n if n < len(toks) and _hinge_cue_at(lows, n) else None
    return None


def _listed_with(toks: Sequence[Token], candidates: Sequence[Candidate], c: Candidate) -> bool:
    """Whether `c` ends a list of values of its fact ("Cocó ou Papicu", "2, 3 quartos"):
    then a correction after it is about the choice, not about `c` alone."""
    for other in candidates:
        if other.fact != c.fact or other is c or not 0 < other.span[1] <= c.span[0]:
            continue
        between = [t.low for t in toks if other.span[1] <= t.start and t.end <= c.span[0]]
        if all(w in _JOINING_ALTERNATIVES or w == "," or w in _ARTICLES for w in between):
            return True
    return False


_NEXT_FACT_OPENERS: Final = _PLACE_PREPS | _words(
    "e ate porque pq pois que mas la quero queria prefiro preciso tenho posso consigo orcamento"
)
"""Words after a bare number that begin the next clause ("pensando bem melhor 2 prefiro
Fátima", "melhor 3 lá no Benfica"): the number counts nothing of its own."""


def _ends_bare_value(toks: Sequence[Token], k: int) -> bool:
    """Whether the number ending before token `k` counts nothing of its own: the clause
    ends, a closing word ("mesmo") or the next fact begins ("aliás quatro no Montese até
    600 mil"), not a noun ("digo, 2 banheiros", "50 de entrada")."""
    if k >= len(toks) or toks[k].is_punct:
        return True
    low = toks[k].low
    return low in _BARE_PLACE_SUFFIX or low in _NEXT_FACT_OPENERS or _begins_other_fact(toks[k])


def _said_before(candidates: Sequence[Candidate], a: Candidate, figure: float) -> bool:
    """Whether a value of `a`'s fact said before `a` is `figure` (a bare number, in the
    unit of that fact: "350" for 350 mil)."""
    same = (int(figure), _as_budget(figure, bare=True)) if figure.is_integer() else ()
    return any(
        c.fact == a.fact and c is not a and c.span[1] <= a.span[0] and c.value in same
        for c in candidates
    )


def _without_taken_back(
    original: str, candidates: Sequence[Candidate]
) -> tuple[str, Candidate] | None:
    """The message without the first value the lead takes back on the spot, and that
    value as a turned-down candidate; None when no value is taken back.

    A value of bedrooms, budget or place followed by a correction cue ("não pera",
    "desculpa", "digo", "ou melhor", "aliás", "quer dizer", "errei"...) and then either
    another value of the same fact ("três quartos não pera quatro quartos") or a bare
    number alone in its clause ("500 mil, digo, 550"; it takes the unit of the value it
    replaces): the text from the first value to the second is dropped. A "não" alone is
    no cue here ("3 quartos, não 4" keeps 3), and nor is a value in a list ("Cocó ou
    Papicu, melhor Papicu" is a choice, read as before).
    """
    toks = tokenize(original, fold(original))
    numbers = read_numbers(toks)
    starts = {t.start: k for k, t in enumerate(toks)}
    ends = {t.end: k for k, t in enumerate(toks)}
    decided = decide(candidates)
    for a in candidates:
        if a.fact not in _HINGED_FACTS or a.span == (0, 0) or a.span[1] not in ends:
            continue
        if decided.get(a.fact, a.value) != a.value:
            continue  # already read as corrected ("no Cocó, aliás Papicu, Cocó é caro")
        k = ends[a.span[1]] + 1
        while a.fact == "budget_brl" and k < len(toks) and toks[k].low in _MONEY_AFTER:
            k += 1  # "300 mil reais não perdão 350"
        b = _after_hinge(toks, k)
        if b is None or _listed_with(toks, candidates, a):
            continue
        start = toks[b].start
        dropped = replace(a, cue="taken back", modality=Modality.NEGATED)
        bare = next((n for n in numbers if n.first == b), None)
        mine = next((n for n in numbers if n.first == starts.get(a.span[0], -1)), None)
        if (
            bare is not None
            and mine is not None
            and bare.scale == 1
            and not bare.negative
            and _ends_bare_value(toks, bare.last)
        ):  # "3 quartos ou melhor 4", not "3 quartos, digo, 2 banheiros"
            if bare.value == mine.value:
                continue
            if any(toks[j].low in _FORGETTING for j in range(k, b)) and (
                _said_before(candidates, a, bare.value) or toks[b - 1].low in ("o", "os")
            ):
                continue  # "o teto sobe pra 420 mil. esquece os 350": the old value dropped
            scales = [k for k in range(mine.first, mine.last) if toks[k].low in SCALES]
            k = scales[0] if scales else mine.last
            while k < mine.last and toks[k].low in SCALES:
                k += 1  # the scale of the value taken back: "quinhentos mil", "1 milhão"
            unit = " ".join(t.raw for t in toks[scales[0] : k]) if scales else ""
            unit = f" {unit}" if unit else ""
            unit += original[toks[mine.last - 1].end : a.span[1]]  # "quartos"
            figure = original[start : toks[bare.last - 1].end]
            rest = original[toks[bare.last - 1].end :]
            return original[: a.span[0]] + figure + unit + rest, dropped
        same = _replacement(toks, candidates, a, b)
        # "uns 400 mil não desculpa 400 mil de entrada": the same amount moved to a down
        # payment (or to FGTS, an instalment) is taken back too: no budget is left.
        if same is not None and (same.value != a.value or same.whose != a.whose):
            return original[: a.span[0]] + original[start:], dropped
    return None


_REPLACEMENT_REACH: Final = 5
"""How many words may lead in the value after a correction cue: its own verb, article or
label ("não desculpa tô olhando lá pro Papicu", "não pera preciso de quatro quartos",
"não perdão até R$ 350.000")."""


def _replacement(
    toks: Sequence[Token], candidates: Sequence[Candidate], a: Candidate, b: int
) -> Candidate | None:
    """The value that replaces `a` after a correction cue ending before token `b`: the
    first value of `a`'s fact in the words right after the cue, whatever form it takes
    (however the first reading took it: the cue itself may have made it look turned down
    or someone else's), with no punctuation, no value of another fact, no question,
    condition or other person before it (`_NOT_RESTATING`), and no place the lead goes on
    to describe ("o Papicu é mais caro")."""
    starts = {t.start: k for k, t in enumerate(toks)}
    start = toks[b].start
    for c in sorted(candidates, key=lambda c: c.span[0]):
        if c.span[0] < start or c.span == (0, 0):
            continue
        k = starts.get(c.span[0])
        if k is None or k - b > _REPLACEMENT_REACH:
            return None
        if any(toks[j].is_punct or toks[j].low in _NOT_RESTATING for j in range(b, k)):
            return None
        last = next((j for j, t in enumerate(toks) if t.end == c.span[1]), len(toks) - 1)
        after = toks[last + 1] if last + 1 < len(toks) else None
        being = after is not None and (after.low in _BEING - {"e"} or after.raw.lower() == "é")
        if being and c.fact == "neighborhood":
            return None  # "no Cocó não pera o Papicu é mais caro": described, not restated
        return c if c.fact == a.fact else None
    return None


_NOT_RESTATING: Final = _ASKING | _SOMEONES | _OTHER_PEOPLE
"""Words that, between a correction cue and a value, make the value something other than
the lead's restated wish: a question ("não pera quanto custa o de 4 quartos"), a condition
("se tiver 4 quartos") or someone else's ("meu filho quer 3 quartos")."""


def _read(
    original: str,
    *,
    pending: str | None,
    now: datetime,
    tz: ZoneInfo,
    ignore: Collection[str],
    known: Collection[str],
) -> list[Candidate]:
    """`read_candidates` of a message already cleaned of slips, decorations and case."""
    folded = fold(original)
    out: list[Candidate] = []

    when = search_when(original, now=now, tz=tz)
    if when is not None:
        # The time the lead accepts: not one turned down or corrected in the same message.
        asked = without_other_questions(original)
        accepted = search_when(accepted_part(asked), now=now, tz=tz)
        # "estudo à noite", "de tarde fico com as crianças": a day part of the lead's
        # life, no call time (a schedule is not a call request).
        # "se eu fechar em 30 min": the time of another act of the lead's, no call time.
        if accepted is not None and not states_own_schedule(asked) and not times_another_act(asked):
            out.append(Candidate("call_at", accepted.at.isoformat(), (0, 0), "date and time"))
        chars = list(folded)
        for start, end in when.spans:
            chars[start:end] = " " * (end - start)
        folded = "".join(chars)

    toks = tokenize(original, folded)
    numbers = read_numbers(toks)
    corrects = _correcting(toks)
    # "esquece o que falei do valor, melhor 4": a correction naming another fact.
    fixes_count = corrects and not _names_other_fact(toks, _BEDROOM_NOUNS)
    out += _bedroom_candidates(toks, numbers, pending, "bedrooms" in known and fixes_count)
    # "me enganei, é 650": a bare amount after a correction cue replaces the budget.
    # "conversei com a patroa, dá pra ir até 520": what the lead agreed with someone
    # since changes the budget too.
    fixes_budget = (corrects or _consulted(toks)) and "budget_brl" in known
    out += _budget_candidates(toks, numbers, pending, fixes_budget)
    # "8h da manhã, antes do trampo": what is left once a time is taken out is no name.
    name = (
        _spelt_name(toks)
        or _starred_name(toks)
        or _name(toks, folded, pending, ignore, bare=when is None, named="name" in known)
    )
    if name is None and "name" in known:
        name = _corrected_name(toks, pending, ignore)
    if name is not None:
        out.append(Candidate("name", name, (0, 0), "name phrase"))
    # A listed place alone answers any question; the name's only when it cannot be read
    # as a name ("Fátima" may be one, "Lagoa Redonda" is not) nor as a common word
    # ("Centro").
    alone = (len(_core_tokens(toks)) <= 3 and not numbers) or _place_then_reason(toks)
    instead_of_name = pending == "name" and name is None and alone
    alone = alone and pending != "name"
    bare_ok = corrects or pending == "neighborhood" or bool(decide(out)) or alone
    places = _listed_place_candidates(toks, corrects, ignore, bare_ok=bare_ok or instead_of_name)
    if instead_of_name and not bare_ok:
        # "Messejana" is the place; "Fátima" (or "José Bonifácio Neto") may be a name
        # too: neither, the agent asks. "na Fátima" is a place.
        places = [
            c
            for c in places
            if c.cue != "listed place"
            or (
                _never_a_word(str(c.value))
                and (not may_be_name(str(c.value)) or _led_in(toks, c.span))
            )
        ]
    unresolved = any(c.modality in (Modality.ALTERNATIVE, Modality.FALLBACK) for c in places)
    if "neighborhood" not in decide(places) and not unresolved:
        # (listed places left as alternatives: no other reading picks one of them)
        place = _neighborhood(toks, folded, pending, ignore)
        turned_down = {c.value for c in places if c.modality is Modality.NEGATED}
        if place is not None and place not in turned_down:
            places.append(Candidate("neighborhood", place, (0, 0), "place phrase"))
    if "neighborhood" not in decide(places) and _stays_put(toks):
        # "moro no Edson Queiroz e quero continuar aqui": where the lead lives is the wish.
        places = [
            Candidate(c.fact, c.value, c.span, "staying", "lead", c.modality)
            if c.whose == "other" and _lead_lives_at(toks, c.span[0])
            else c
            for c in places
        ]
    if name is not None:  # a word read as the name is not also the place ("Fátima Bezerra")
        in_name = f" {' '.join(fold(name).lower().split())} "
        places = [c for c in places if f" {fold(str(c.value)).lower()} " not in in_name]
    found = _taken_up(toks, numbers, _others_words(toks, out + places))
    found = _count_after_others(toks, numbers, found)
    found = _paid_by_them(toks, folded, found)
    found = _bought_for_them(toks, found)
    return _hedged(toks, numbers, _later(folded, _compared_away(toks, found)))


_HEDGES: Final = _words("talvez quica")
_HEDGED_FACTS: Final = frozenset({"bedrooms", "budget_brl", "neighborhood"})
_HEDGE_LINKS: Final = _words("uns umas sejam seja ate")


def _hedged(
    toks: Sequence[Token], numbers: Sequence[Number], candidates: list[Candidate]
) -> list[Candidate]:
    """The lead's values said with a "maybe" in their clause ("talvez 4 quartos", "3
    quartos talvez", "quem sabe no Cocó", a bare "talvez 3") left open: the agent asks
    ("acho que 3" states, as leads use it). A bare figure after a "maybe" ("3 quartos,
    talvez 4", "400 mil, talvez 450") leaves open the value of its kind said before it."""
    lows = [t.low for t in toks]
    marks = [k for k, w in enumerate(lows) if w in _HEDGES]
    marks += [k + 1 for k, w in enumerate(lows[:-1]) if w == "quem" and lows[k + 1] == "sabe"]
    if not marks:
        return candidates
    wavering: set[int] = set()
    for k in marks:
        bare = next((n for n in numbers if n.first > k), None)
        if (
            bare is None
            or bare.scale != 1
            or any(w not in _HEDGE_LINKS for w in lows[k + 1 : bare.first])
            or not (bare.last >= len(toks) or _is_boundary(toks[bare.last]))
        ):
            continue  # not a bare figure right after the "maybe" ("talvez com 2 suítes")
        fact = "bedrooms" if bare.value <= BEDROOMS_MAX else "budget_brl"
        before = [
            m
            for m, c in enumerate(candidates)
            if c.fact == fact and c.span != (0, 0) and c.span[1] <= toks[k].start
        ]
        wavering.update(before[-1:])
    return [
        replace(c, modality=Modality.HEDGED)
        if c.fact in _HEDGED_FACTS
        and c.modality in _SAVED
        and c.whose == "lead"
        and (m in wavering or c.span == (0, 0) or any(_same_clause(toks, c.span, k) for k in marks))
        else c
        for m, c in enumerate(candidates)
    ]


def _same_clause(toks: Sequence[Token], span: tuple[int, int], k: int) -> bool:
    """Whether token `k` lies in the clause of the value at `span` (no boundary between)."""
    inside = [j for j, t in enumerate(toks) if span[0] <= t.start < span[1]]
    if not inside:
        return False
    if inside[0] <= k <= inside[-1]:
        return True
    first, last = inside[0], inside[-1]
    between = range(k + 1, first) if k < first else range(last + 1, k)
    return not any(_is_boundary(toks[j]) for j in between)


_FACT_NOUNS: Final = {
    "budget_brl": _words("valor orcamento preco teto limite grana"),
    "neighborhood": _words("bairro lugar local regiao localizacao endereco"),
    "call_at": _words("horario hora dia ligacao"),
    "name": _words("nome"),
}
"""Nouns that name a fact a correction is about ("esquece o que eu disse do *bairro*")."""


def _names_other_fact(toks: Sequence[Token], own: frozenset[str]) -> bool:
    """Whether a message names some fact's noun and none of `own` (a fact's own nouns):
    "esquece o que falei do valor, melhor 4" corrects the budget, not the bedrooms."""
    lows = {t.low for t in toks}
    return not lows & own and any(lows & nouns for nouns in _FACT_NOUNS.values())


_REASON_OPENERS: Final = _words("que porque pq pois por perto pertinho proximo proxima onde la ali")
"""Words opening the clause after a place that says why ("Lagoa Redonda, que é perto dos
meus pais", "Cambeba, porque é perto da escola", "Conjunto Ceará, onde eu moro")."""


def _place_then_reason(toks: Sequence[Token]) -> bool:
    """Whether a message is a short first clause (up to three words, no number) and, after
    a comma or a dash, a clause giving a reason: the first clause is answered alone, the
    reason is no fact of its own."""
    cut = next((k for k, t in enumerate(toks) if t.low in (",", "-")), None)
    if cut is None or cut + 1 >= len(toks) or toks[cut + 1].low not in _REASON_OPENERS:
        return False
    head = toks[:cut]
    return 0 < len(_core_tokens(head)) <= 3 and not any(t.low[:1].isdigit() for t in head)


_COMPARATIVES: Final = _words("melhor pior maior menor")
_COMPARED_SKIPPED: Final = _ARTICLES | _PLACE_PREPS | _words("de do da")


def _compared_away(toks: Sequence[Token], candidates: list[Candidate]) -> list[Candidate]:
    """`candidates`, a value after a comparison ("3 quartos é melhor que 2", "Cocó é
    melhor do que o Papicu") turned down: it is what the lead's value is weighed against,
    not a correction ("melhor" alone still corrects: "no Cocó, melhor Papicu")."""
    starts = {t.start: k for k, t in enumerate(toks)}
    out: list[Candidate] = []
    for c in candidates:
        k = starts.get(c.span[0], 0) - 1 if c.span != (0, 0) else -1
        while k > 0 and toks[k].low in _COMPARED_SKIPPED:
            k -= 1
        j = k - 1 if k > 0 and toks[k - 1].low != "do" else k - 2
        compared = k > 0 and toks[k].low == "que" and j >= 0 and toks[j].low in _COMPARATIVES
        out.append(replace(c, cue="compared", modality=Modality.NEGATED) if compared else c)
    return out


_LATER_RE: Final = re.compile(
    r"\b(?:essa|esta|aquela|ela|a\s+outra|esse|aquele)\s+(?:e|eh|fica|vai\s+ficar)\s+"
    r"(?:so\s+)?(?:pra|para)\s+(?:depois|mais\s+tarde|o\s+futuro)\b"
)
"""Another home put off: "essa é pra depois", "a outra fica pra depois" (a purchase that
is itself later, "quero 3 quartos, mas só ano que vem", keeps its wishes)."""


def _later(folded: str, candidates: list[Candidate]) -> list[Candidate]:
    """`candidates`, those in a sentence that puts its wish off for later ("e tb to de olho
    numa casinha de praia no Cumbuco, 2 qtos, mas essa é pra depois, não agora") made
    hypothetical: a second home for later is not the one being qualified now."""
    later = [m.start() for m in _LATER_RE.finditer(folded)]
    if not later:
        return candidates
    bounds = [0, *(m.end() for m in re.finditer(r"[.!?\n]", folded)), len(folded) + 1]
    put_off = [(a, b) for a, b in pairwise(bounds) if any(a <= position < b for position in later)]
    return [
        replace(c, modality=Modality.HYPOTHETICAL)
        if c.span != (0, 0) and any(a <= c.span[0] < b for a, b in put_off)
        else c
        for c in candidates
    ]


_REPORTING: Final = _words(
    "acha acham achou disse disseram diz dizem dizendo falou falaram falando sugeriu sugere insiste"
)
"""Verbs of another person's opinion or words: "minha sogra acha que fica melhor na Parangaba".
Their wish ("ela quer 2 quartos", "eles querem no Passaré") is not among them: a home
bought for them ("um ap pra minha filha") is what they want."""
_REPORTING_FILLERS: Final = _words("aqui ai tambem ta esta so sempre ja")
_PRONOUNS_OTHER: Final = _words("ela ele elas eles")
_OTHER_SUBJECTS: Final = _KIN | _words(
    "neto neta mulher genro nora pais filhos filhas meninos meninas corretor corretora "
    "vendedor vendedora colega chefe socio socia patroa patrao"
)
"""People whose wish or words a lead reports ("minha mulher quer", "o corretor disse")."""
_FIRST_PERSON: Final = _words(
    "eu quero prefiro acho vou gostaria preciso procuro posso busco topo entao"
)
"""Words that hand the sentence back to the lead ("..., mas eu quero", "então ...")."""
_DETERMINERS: Final = _POSSESSIVES | _ARTICLES | _words("meus minhas nossos nossas")
_REPORTED_FACTS: Final = frozenset({"bedrooms", "budget_brl", "neighborhood"})


def _reported_spans(toks: Sequence[Token]) -> list[tuple[int, int]]:
    """Character ranges where someone else's wish, opinion or words are reported: a
    relative ("minha esposa", "a sogra") or "ela"/"ele", then a verb of theirs ("quer",
    "prefere", "acha", "disse", "tá dizendo"), up to the sentence's end, a contrast or
    the lead's own turn ("eu", "quero", "então", a verb in "-mos": "meu marido disse q
    podemos ir até 750 mil" is the couple's; a decision opening a clause: ", fecha em 400
    mil então")."""
    spans: list[tuple[int, int]] = []
    for k, tok in enumerate(toks):
        if tok.low not in _REPORTING | _OTHERS_CHOICE | _OTHERS_DONE:
            continue
        j = k - 1
        while j >= 0 and toks[j].low in _REPORTING_FILLERS:
            j -= 1
        if j < 0:
            continue
        subject = toks[j].low
        relative = subject in _OTHER_SUBJECTS and j > 0 and toks[j - 1].low in _DETERMINERS
        if not (relative or subject in _PRONOUNS_OTHER):
            continue
        end = len(toks)
        for m in range(k + 1, len(toks)):
            low = toks[m].low
            if (
                low in _SENTENCE_ENDS
                or low in _CONTRAST
                or low in _FIRST_PERSON
                or (len(low) > 4 and low.endswith("mos"))
                or (
                    toks[m - 1].low in _BOUNDARY_PUNCT
                    and any(_starts_with(toks, m, cue) for cue in _DECISION_CUES)
                )
            ):
                end = m
                break
        if tok.low not in _REPORTING | _OTHERS_DONE and _lead_subject_after(toks, end) is None:
            continue  # "ela quer 3 quartos" is bought for her; "ela quer 3 mas eu ..." is hers
        if end > k + 1 and not _joined(toks, end):
            spans.append((toks[k + 1].start, toks[end - 1].end))
    return spans


_OTHERS_CHOICE: Final = _words(
    "queria queriam quis quer querem pegou pegaram comprou compraram escolheu escolheram "
    "prefere preferem preferia"
)
"""Verbs of someone else's wish or choice: theirs only when the lead's own turn follows a
contrast ("ele queria 4 quartos mas a gente fechou em 3")."""
_OTHERS_DONE: Final = _words("comprou compraram pagou pagaram alugou alugaram financiou")
"""Verbs of what someone else already bought or rented: "meu irmão comprou um de 2
quartos", "minha amiga pagou 350 mil numa casa de 3" describe their home, whatever follows."""
_LEAD_SUBJECTS: Final = _words("eu nos")
_BARE_COUNT_LINKS: Final = _words("de em com so somente apenas mesmo")


def _lead_subject_after(toks: Sequence[Token], m: int) -> int | None:
    """The index after the lead's subject ("eu", "a gente", "nós") that follows a contrast
    at token `m` ("mas eu", "mas a gente"), or after the lead as whom it is for ("mas pra
    mim", "mas pra gente": what suits the lead), else None."""
    if m >= len(toks) or toks[m].low not in _CONTRAST:
        return None
    return _lead_subject_at(toks, m + 1)


def _lead_subject_at(toks: Sequence[Token], k: int) -> int | None:
    """The index after the lead's subject ("eu", "a gente", "nós") or "pra mim"/"pra
    gente" beginning at token `k`, else None."""
    if k + 1 < len(toks) and toks[k].low in _FOR_WHOM:
        k += 1  # "mas pra mim 2 já resolve", "mas para nós 3 basta"
        if toks[k].low == "a" and k + 1 < len(toks) and toks[k + 1].low == "gente":
            k += 1
        return k + 1 if toks[k].low in _LEAD_OBJECTS else None
    if k < len(toks) and toks[k].low == "a" and k + 1 < len(toks) and toks[k + 1].low == "gente":
        return k + 2
    if k < len(toks) and toks[k].low in _LEAD_SUBJECTS:
        return k + 1
    return None


_HOME_NOW_VERBS: Final = _words("tenho temos tinha moro moramos morava")
"""Verbs of the home the lead has now ("eu tenho 2 no Benfica"): no wished count."""
_RUN_ON_FILLERS: Final = _words("ai e ja entao tipo")
_LEAD_WISHING: Final = _words("quero queria preciso procuro")


def _after_fillers(toks: Sequence[Token], end: int) -> int:
    """The index of the first token at or after character `end` that is no filler ("aí",
    "e", "então")."""
    k = next((j for j, t in enumerate(toks) if t.start >= end), len(toks))
    while k < len(toks) and toks[k].low in _RUN_ON_FILLERS:
        k += 1
    return k


def _lead_wish_at(toks: Sequence[Token], k: int) -> int | None:
    """The index after "pra mim"/"pra gente" or the lead as subject with a verb of
    wishing ("eu quero", "a gente precisa de") beginning at token `k`, else None: not
    "eu tenho 2", the home the lead has now."""
    start = _lead_subject_at(toks, k)
    if start is None or toks[k].low in _FOR_WHOM:
        return start
    if start < len(toks) and toks[start].low in _LEAD_WISHING:
        return start + 1
    return None


def _suits_then_ends(toks: Sequence[Token], k: int, stop: int) -> bool:
    """Whether the words from token `k` to `stop` after a bare count say it suits and
    then end, or simply end its clause ("2 tá ótimo no Eusébio", "4 e tô olhando lá pro
    Cambeba"): not "2 banheiros", "2 é pouco"."""
    if _said_to_suit(toks[k:stop]):
        return True
    j = k
    while j < stop and toks[j].low in _SUITS | _SUITING | _words("e eh"):
        if toks[j].raw.lower() == "e" and any(t.low in _SUITS for t in toks[k:j]):
            return True  # "2 tá ótimo e de preferência no Papicu": the next clause
        j += 1
    if j > k and not any(t.low in _SUITS for t in toks[k:j]):
        # "4 e tô olhando lá pro Cambeba": "e" opens the next clause; "2 é pouco" judges
        return j == k + 1 and toks[k].raw.lower() == "e"
    return _ends_bare_value(toks, j)


def _count_after_others(
    toks: Sequence[Token], numbers: Sequence[Number], candidates: list[Candidate]
) -> list[Candidate]:
    """`candidates` and the lead's bare count after someone else's ("ele queria 4 quartos
    mas a gente fechou em 3", "ela pegou de 3 quartos mas eu só preciso de 2"): after their
    count, a contrast with the lead as subject, then a whole number alone at the clause's
    end, after a verb or "de"/"em"."""
    theirs = [c for c in candidates if c.fact == "bedrooms" and c.whose == "other"]
    if not theirs or any(
        c.fact == "bedrooms" and c.whose == "lead" and c.modality is Modality.STATED
        for c in candidates
    ):
        return candidates
    end = theirs[-1].span[1]
    for m, tok in enumerate(toks):
        start = _lead_subject_after(toks, m) if tok.start >= end else None
        if start is None and tok.start >= end and tok.low == "," and m + 1 < len(toks):
            # "meu irmão tem uma de 4 quartos, eu quero 3": the lead's turn after a comma
            # (`_lead_subject_after` reads a contrast before it)
            start = _lead_subject_at(toks, m + 1)
        if start is None and m == _after_fillers(toks, end):
            # "meu cunhado comprou de 5 quartos aí pra mim 3 tá ótimo", "a casa da irmã
            # tem 5 quartos eu quero 2": the lead's turn right after their count, run on
            start = _lead_wish_at(toks, m)
        if start is None:
            continue
        stop = start
        while stop < min(len(toks), start + 8) and toks[stop].low not in _BOUNDARY_PUNCT:
            stop += 1  # ("só" opens a clause for `_clause_after`; here it is "only")
        number = next((n for n in numbers if start <= n.first < stop), None)
        if number is None:
            continue  # "..., eu achei linda, mas pra mim 2 já resolve": a later turn may count
        if (
            number.scale != 1
            or number.negative
            or not number.value.is_integer()
            or not BEDROOMS_MIN <= number.value <= BEDROOMS_MAX
            or (number.last < stop and not _suits_then_ends(toks, number.last, stop))
            # "eu preciso de 2 banheiros"; "pra mim 2 já resolve" suits
            or any(t.low in _NEGATIONS | _HOME_NOW_VERBS for t in toks[start : number.first])
            or (
                number.first > start
                and toks[number.first - 1].low not in _BARE_COUNT_LINKS
                and not toks[number.first - 1].is_word
            )
        ):
            return candidates
        span = _span(toks, number.first, number.last)
        mine = Candidate("bedrooms", int(number.value), span, "after theirs")
        return [*_lead_turn_goes_on(toks, candidates, number.last), mine]
    return candidates


def _lead_turn_goes_on(
    toks: Sequence[Token], candidates: list[Candidate], k: int
) -> list[Candidate]:
    """`candidates` with the place and budget said after the lead's own count (ending
    before token `k`) made the lead's again: "meu cunhado comprou de 5 quartos, pra mim 3
    tá ótimo, lá na Varjota, tenho 350k" (the relative's reading ran on past the lead's
    turn). Not after another person is named again ("..., ele mora na Varjota")."""
    after = toks[k].start if k < len(toks) else toks[-1].end
    later = [t for t in toks[k:] if t.low in _OTHER_PEOPLE or t.low in _SOMEONES]
    stop = later[0].start if later else None
    return [
        replace(c, whose="lead")
        if c.fact in ("neighborhood", "budget_brl")
        and c.whose == "other"
        and c.span[0] >= after
        and (stop is None or c.span[0] < stop)
        else c
        for c in candidates
    ]


_THEIR_MONEY_RE: Final = re.compile(
    r"\b(?:o )?(?:dinheiro|grana|pagamento) (?:e|eh|vai ser|vem) (?:todo |toda )?"
    r"(?:deles|delas|dele|dela|d[oa]s? (?:meus?|minhas?) \w+)\b"
    r"|\bquem (?:paga|vai pagar|banca|vai bancar) (?:e|eh|sao|vai ser) "
    r"(?:ele|ela|eles|elas|(?:o |a )?(?:meus?|minhas?) \w+)\b"
)
"""The lead telling the money is someone else's: "o dinheiro é deles", "a grana é do meu
pai", "quem paga é minha mãe"."""
_THEIR_CEILING: Final = _words("ate maximo teto limite")


def _paid_by_them(
    toks: Sequence[Token], folded: str, candidates: list[Candidate]
) -> list[Candidate]:
    """`candidates` with someone else's ceiling made the budget when the message says the
    money is theirs ("o dinheiro é deles, meu pai falou que vai até 420 mil": the lead
    buys with their money, their ceiling is the home's). Only a ceiling ("até", "no
    máximo", "teto" right before the amount); what they earn or paid for a home of their
    own stays theirs."""
    if not _THEIR_MONEY_RE.search(" ".join(folded.lower().split())):
        return candidates
    starts = {t.start: k for k, t in enumerate(toks)}
    out: list[Candidate] = []
    for c in candidates:
        k = starts.get(c.span[0])
        if (
            c.fact == "budget_brl"
            and c.whose == "other"
            and c.modality is Modality.STATED
            and k is not None
            and any(t.low in _THEIR_CEILING for t in toks[max(0, k - 3) : k])
        ):
            out.append(replace(c, whose="lead", cue="their money"))
        else:
            out.append(c)
    return out


_BUYING_FOR: Final = _words("procuro procurando busco buscando compro comprando e eh casa")
_PARENTS: Final = _words("pai mae pais")


def _bought_for(toks: Sequence[Token]) -> tuple[int, frozenset[str]] | None:
    """The index after the relatives the lead buys the home for and who they are
    ("procuro pros meus pais", "é pro meu pai", "casa para a minha mãe"), else None."""
    lows = [t.low for t in toks]
    for k, w in enumerate(lows[:-2]):
        if w not in _BUYING_FOR or lows[k + 1] not in ("pro", "pros", "pra", "pras", "para"):
            continue
        j = k + 2
        if lows[k + 1] == "para" and j < len(lows) and lows[j] in _ARTICLES:
            j += 1
        if (
            j + 1 < len(lows)
            and lows[j] in _words("meu meus minha minhas")
            and lows[j + 1] in _KIN | _words("pais avos sogros tios")
        ):
            who = lows[j + 1]
            return j + 2, _PARENTS if who in _PARENTS else frozenset({who})
    return None


def _bought_for_them(toks: Sequence[Token], candidates: list[Candidate]) -> list[Candidate]:
    """`candidates` with the place the relatives wish made the wish when the lead buys the
    home for them ("procuro pros meus pais, hoje eles moram no Passaré, querem no Benfica":
    Benfica; "é pro meu pai, ele mora na Messejana e quer se mudar pra Parangaba"). Only a
    place a third-person verb of wishing leads in, with no verb of living between and no
    other person named after the relatives; where they live stays theirs."""
    found = _bought_for(toks)
    if found is None:
        return candidates
    after, who = found
    starts = {t.start: k for k, t in enumerate(toks)}
    out: list[Candidate] = []
    for c in candidates:
        k = starts.get(c.span[0])
        if (
            c.fact != "neighborhood"
            or c.whose != "other"
            or c.modality is not Modality.STATED
            or k is None
            or k < after
        ):
            out.append(c)
            continue
        lead_in = [t.low for t in toks[max(after, k - 5) : k]]
        wish = [m for m, w in enumerate(lead_in) if w in _THEIR_WISH]
        others = [t.low for t in toks[after:k] if t.low in _SOMEONES and t.low not in who]
        if (
            wish
            and not others
            and not any(w in _NOT_WANTED_PLACE or w == "," for w in lead_in[wish[-1] :])
        ):
            out.append(replace(c, whose="lead", cue="their wish"))
        else:
            out.append(c)
    return out


def _taken_up(
    toks: Sequence[Token], numbers: Sequence[Number], candidates: list[Candidate]
) -> list[Candidate]:
    """`candidates` and the count or amount someone else gave that the lead then decides
    on with a bare number ("ela acha melhor não passar de 600 mil. Fica 600 então",
    "minha esposa quer 3 quartos. Fechou 3"): the number repeats their value (an amount
    in thousands or in full) after a decision cue (`_decided`), alone in its clause."""
    theirs = [c for c in candidates if c.whose == "other" and c.fact in ("bedrooms", "budget_brl")]
    extra: list[Candidate] = []
    for number in numbers:
        if number.scale != 1 or number.negative or not number.value.is_integer():
            continue
        after = _clause_after(toks, number.last, 3)
        if any(t.low not in _CONCLUDING for t in after) or not _decided(toks, number.first):
            continue
        value, start = int(number.value), toks[number.first].start
        span = _span(toks, number.first, number.last)
        for c in reversed(theirs):
            same = c.value == value or (c.fact == "budget_brl" and c.value == value * 1000)
            if same and c.span[1] <= start:
                extra.append(
                    Candidate(c.fact, c.value, span, "adopted", modality=Modality.CORRECTED)
                )
                break
        else:
            counts = [c for c in theirs if c.fact == "bedrooms" and c.span[1] <= start]
            if counts and _put_down(toks, number.first) and BEDROOMS_MIN <= value <= BEDROOMS_MAX:
                # "ela acha que 2 quartos basta. Pode colocar 3": the lead dictates the count
                extra.append(
                    Candidate("bedrooms", value, span, "put down", modality=Modality.CORRECTED)
                )
    return candidates + extra


_PUTTING_DOWN: Final = _words("colocar botar anotar deixar por")


def _put_down(toks: Sequence[Token], i: int) -> bool:
    """Whether "pode colocar" (botar, anotar, deixar) opens the clause right before token
    `i`: the lead dictating the value to note ("Pode colocar 2")."""
    return (
        i >= 2
        and toks[i - 1].low in _PUTTING_DOWN
        and toks[i - 2].low == "pode"
        and (i == 2 or toks[i - 3].low in _BOUNDARY_PUNCT or toks[i - 3].low in _DECISION_OPENERS)
    )


_TOO: Final = _words("tambem tb tbm idem")
_WE: Final = _words("eu nos")


def _joined(toks: Sequence[Token], m: int) -> bool:
    """Whether the lead joins the wish reported right before token `m`: "ela quer 3
    quartos e eu tb", "..., eu também", "e a gente também", "(eu) concordo"."""
    k = m
    if k < len(toks) and toks[k].low == "a" and k + 1 < len(toks) and toks[k + 1].low == "gente":
        k += 1
    if k < len(toks) and toks[k].low in _WE | {"gente"}:
        k += 1
    return k < len(toks) and (toks[k].low in _TOO or verb_of(toks[k].low) == "concordar")


def _others_words(toks: Sequence[Token], candidates: list[Candidate]) -> list[Candidate]:
    """`candidates` with the values said inside someone else's reported wish or words
    (`_reported_spans`) made theirs ("minha irmã quer 2 quartos", "minha sogra acha que
    fica melhor na Parangaba"), unless the lead took them up ("minha esposa prefere a
    Serrinha, pode trocar")."""
    spans = _reported_spans(toks)
    if not spans:
        return candidates
    return [
        Candidate(c.fact, c.value, c.span, c.cue, "other", c.modality)
        if c.fact in _REPORTED_FACTS
        and c.whose == "lead"
        and c.cue not in ("adopted", "there")  # "..., e eu quero lá também"
        and c.span != (0, 0)
        and any(start <= c.span[0] and c.span[1] <= end for start, end in spans)
        else c
        for c in candidates
    ]


_STAYING: Final = _words(
    "continuar continuo continua continuamos ficar fico ficamos permanecer permanece"
)
_HERE: Final = _words("aqui aq aki ali la nele nesse neste mesmo bairro regiao")
_LEAVING: Final = _words("sair mudar")
_FROM_HERE: Final = _words("daqui dali dai")
_LEAD_LIVING: Final = _words("moro moramos vivo vivemos")


def _stays_put(toks: Sequence[Token]) -> bool:
    """Whether the lead says they want to stay where they live: "quero continuar aqui",
    "ficar por aqui", "continuar no bairro", "não quero sair daqui"."""
    lows = [t.low for t in toks]
    for k, low in enumerate(lows):
        near = lows[k + 1 : k + 4]
        if low in _STAYING and any(w in _HERE for w in near):
            return True
        if (
            low in _LEAVING
            and any(w in _FROM_HERE for w in near)
            and "nao" in lows[max(0, k - 3) : k]
        ):
            return True
    return False


def _lead_lives_at(toks: Sequence[Token], start: int) -> bool:
    """Whether the place starting at character `start` is where the lead lives ("moro no
    X", "a gente mora no X" is not: only the lead's own first-person verb)."""
    for i, tok in enumerate(toks):
        if tok.start == start:
            before = [t.low for t in toks[max(0, i - 4) : i]]
            return any(w in _LEAD_LIVING for w in before) and _where_lead_is(toks, i)
    return False


_THERE_CHOSEN_RE: Final = re.compile(
    r"\b(?:la|ali|nesse bairro|nessa regiao|esse bairro|essa regiao|nesse lugar)\s+"
    r"(?:mesmo\s+|msm\s+)?(?:que|q)\s+(?:eu\s+|a gente\s+|nos\s+)?(?:quero|queremos|queria"
    r"|pretendo|pretendemos|procuro|quer|gostaria)\b"
    r"|\b(?:quero|queremos|pretendo|pretendemos|gostaria de)\s+(?:morar\s+|comprar\s+|ficar\s+)?"
    r"(?:la|ali)\s+(?:mesmo|msm)\b"
    r"|\b(?:quero|queremos|queria|pretendo|pretendemos|gostaria de)\s+(?:morar\s+|comprar\s+)?"
    r"(?:(?:uma|a|minha|nossa)\s+)?(?:casa|casinha|sobrado|imovel)\s+(?:la|ali)"
    r"(?:\s+(?:mesmo|msm|tambem|tb))?\s*(?:$|[.,!;])"
)
"""The lead choosing the place just named by pointing back at it: "é lá mesmo que eu
quero morar", "é ali q a gente quer", "nesse bairro que eu queria", "quero morar lá mesmo",
"quero uma casa lá" (a home there, ending its clause: not "quero ir lá ver")."""
_NOT_THERE_RE: Final = re.compile(r"\b(?:nao|n|nem)\s+(?:e|eh)?\s*$|\b(?:mas|porem|so que)\b")


_THEIR_MONEY_CLAUSE_RE: Final = re.compile(
    r"^\W*(?:(?:e|mas|entao|tipo|ai)\s+)*(?:a\s+)?(?:" + _THEIR_MONEY_RE.pattern + r")\W*$"
)


def tells_theirs(clause: str, text: str, *, now: datetime, tz: ZoneInfo) -> bool:
    """Whether a clause of `text`, a message with no "?", tells of someone else's money or
    home instead of asking: "o dinheiro é deles", "a casa da irmã tem 4 quartos" and
    "minha prima tem uma de 5 quartos" (each figure it reads is one the whole message gives
    as someone else's, `Candidate.whose`). "a casa tem 4 quartos?" asks."""
    if _THEIR_MONEY_CLAUSE_RE.match(" ".join(fold(clause).lower().rstrip(" ?").split())):
        return True  # "o dinheiro é deles, tem piscina?": the money's owner is told
    if "?" in text:
        return False
    theirs = {  # an amount read as asked ("aceitam proposta de 450 mil") is not told
        (c.fact, c.value)
        for c in read_candidates(text, pending=None, now=now, tz=tz)
        if c.whose == "other" and c.modality is not Modality.QUESTION
    }
    mine = {
        (c.fact, c.value)
        for c in read_candidates(clause.rstrip(" ?"), pending=None, now=now, tz=tz)
        if c.fact in ("bedrooms", "budget_brl")
    }
    return bool(mine) and mine <= theirs


def place_pointed_back(
    previous: str,
    text: str,
    *,
    now: datetime,
    tz: ZoneInfo,
    ignore: Collection[str] = (),
) -> str | None:
    """The place the lead's previous message named, when `text` chooses it by pointing
    back at it ("vi q vcs tem casa perto do Cumbuco né?" then "é lá mesmo q eu quero
    morar"): the last place `previous` names as a place (however it was said: asked
    about, seen, someone else's), not one it turned down or made a hypothesis of. Only
    the lead's own previous message counts (a place in our reply is ours); nothing when
    the pointing is denied ("não é lá que eu quero"), asked ("é lá que eu quero?") or
    followed by a contrast ("quero morar lá mesmo, mas é caro")."""
    folded = fold(text[:MAX_INPUT_CHARS]).lower()
    match = _THERE_CHOSEN_RE.search(folded)
    if match is None:
        return None
    before = folded[: match.start()]
    after = folded[match.end() :]
    if _NOT_THERE_RE.search(before[-12:]) or _NOT_THERE_RE.search(after) or "?" in after:
        return None
    places = [
        c
        for c in read_candidates(previous, pending=None, now=now, tz=tz, ignore=ignore)
        if c.fact == "neighborhood"
    ]
    if not places or places[-1].modality in (Modality.NEGATED, Modality.HYPOTHETICAL):
        return None
    return str(places[-1].value)


_TAKING_TYPE: Final = (
    _PICKING
    | _ARTICLES
    | _words("ah entao ok blz beleza sim isso eu pode ser essa esse uma um casa com")
)
"""Words that may come before "de N" when the lead takes up a house type they asked
about ("quero de 2", "então vou querer essa de 2", "pode ser a de 3")."""


def _count_taken_up(previous: str, text: str, *, now: datetime, tz: ZoneInfo) -> int | None:
    """The count of a house type the lead's previous message asked about or named ("tem
    de 2 quartos né?"), when `text` takes it up by its count alone ("quero de 2", "pode
    ser a de 2 mesmo"): a word of choosing, then "de N" with nothing after it but a
    closing word, and the same N named for bedrooms in `previous` (not turned down)."""
    toks = tokenize(text, fold(text[:MAX_INPUT_CHARS]))
    while toks and toks[-1].is_punct and toks[-1].low in ".!":
        toks.pop()
    numbers = read_numbers(toks)
    if len(numbers) != 1 or numbers[0].scale != 1 or not numbers[0].value.is_integer():
        return None
    number = numbers[0]
    before = [t.low for t in toks[: number.first] if t.low != ","]
    if before[-1:] != ["de"] or not set(before) & (_PICKING | {"ser"}):
        return None
    if any(w not in _TAKING_TYPE for w in before[:-1]):
        return None
    after = toks[number.last :]
    if "," in [t.low for t in after]:
        # "quero essa de 4 sim, no Cumbuco": another clause after a comma says more
        after = after[: [t.low for t in after].index(",")]
    if any(t.low not in _BARE_PLACE_SUFFIX | _CONCLUDING | {"sim"} for t in after):
        return None  # "quero de 2 andares", "quero de 2?"
    value = int(number.value)
    named = [
        c
        for c in read_candidates(previous, pending=None, now=now, tz=tz)
        if c.fact == "bedrooms" and c.value == value
    ]
    if not named or named[-1].modality in (Modality.NEGATED, Modality.HYPOTHETICAL):
        return None
    return value


def taken_up(
    previous: str,
    text: str,
    *,
    now: datetime,
    tz: ZoneInfo,
    ignore: Collection[str] = (),
) -> dict[str, object]:
    """The facts `text` takes up from the lead's previous message by pointing back at
    them: a place ("é lá mesmo que eu quero", `place_pointed_back`) or a house type's
    count ("tem de 2 quartos né?" then "quero de 2", `_count_taken_up`)."""
    found: dict[str, object] = {}
    count = _count_taken_up(previous, text, now=now, tz=tz)
    if count is not None:
        found["bedrooms"] = count
    place = place_pointed_back(previous, text, now=now, tz=tz, ignore=ignore)
    if place is not None:
        found["neighborhood"] = place
    return found


_SURNAMES_LIKE_WORDS: Final = _NAMES_LIKE_WORDS | _words(
    "silva santos lima costa rodrigues almeida nascimento carvalho gomes martins rocha "
    "melo castro barros pinto moura dias correia bezerra campos cunha reis fonseca leite "
    "machado coelho lopes matos brito farias paiva prado braga bastos queiroz holanda moreira "
    "pinheiro oliveira ferreira freitas"
)
"""Frequent surnames a dictionary also knows ("Silva", "Costa", "Rocha"): typed alone
after a first name, or after the first name said again, they still end the name."""


_ECHOED_NAME_QUESTION_RE: Final = re.compile(
    r"^\s*(?:(?:o|meu)\s+)?(?:sobrenome|nome(?:\s+completo)?)\s*\?+\s*", re.IGNORECASE
)
"""The agent's question echoed before the answer: "sobrenome? Benevides", "nome completo?
Rita Maia"."""


def without_name_echo(text: str) -> str:
    """`text` without the agent's name question echoed at its start ("sobrenome? Pacheco,
    Wagner Pacheco" -> "Pacheco, Wagner Pacheco")."""
    return _ECHOED_NAME_QUESTION_RE.sub("", text)


def name_put_right(
    previous: str | None,
    text: str,
    saved: str,
    *,
    pending: str | None = None,
    ignore: Collection[str] = (),
) -> str | None:
    """The saved name put right by a message that is only a name, read with the saved
    one (`saved`) and the lead's message before (`previous`):

    - the same first name again, fuller or spelled right: "Jessica" then "jéssica souza",
      "Caio" then "caio brandão com acento", "Joao Pedro" then "João Pedro" (all the words
      already saved, in order, with more after them or accents put back; a cue putting it
      right before or after it may go with it: "na verdade", "com acento");
    - a surname alone, right after a message that was only the first name: "Rodrigo" then
      "Alves", "Tânia" then "de Moura". Never a word of the language ("ok", "massa"), a
      given name ("Clara": maybe someone else), a listed place ("Cumbuco") or a number,
      and never when the place was asked (a place the list does not know).

    None when the message puts nothing right; never raises on any text."""
    original = _ECHOED_NAME_QUESTION_RE.sub("", without_decorations(text[:MAX_INPUT_CHARS]))
    if not original or garbled(original) or "?" in original or not saved.strip():
        return None
    words = [t for t in tokenize(original, fold(original)) if not t.is_punct]
    if not words or any(not t.is_word for t in words):
        return None
    ignored = {" ".join(fold(name).split()).lower() for name in ignore}
    lows = [t.low for t in words]
    said = fold(saved).lower().split()
    again = next((k for k, low in enumerate(lows) if low == said[0]), 0)
    if again and all(low in lows[again + 1 :] for low in lows[:again]):
        # "Benevides, Rodrigo Benevides": the surname, then the whole name said again
        words, lows = words[again:], lows[again:]
    else:
        restated = _restated_then_fuller(lows, said)
        words, lows = words[restated:], lows[restated:]
    if any(known_place(lows, k) is not None for k in range(len(lows))):
        return None  # "Rodrigo" then "Cumbuco", "rodrigo cumbuco": a place
    name = _same_name_fuller(words, saved, said)
    if name is None and previous is not None and pending != "neighborhood":
        name = _surname_after_first_name(previous, words, said)
    if name is None or " ".join(fold(name).lower().split()) in ignored:
        return None
    if set(fold(name).lower().split()[len(said) :]) & {w for n in ignored for w in n.split()}:
        return None  # "Rodrigo" then "Homer": the agent's name, no surname
    return name


_RESTATING_WORDS: Final = _words("e eh o a meu minha nome sobrenome")
"""Words that may go with the saved name said again before a fuller one: "é o wagner
falando, Wagner Sampaio", "sobrenome Holanda, João Holanda"."""
_SURNAME_ADDED_CUES: Final = (
    ("esqueci", "o", "sobrenome"),
    ("esqueci", "do", "sobrenome"),
    ("faltou", "o", "sobrenome"),
    ("com", "sobrenome"),
)
"""Cues after a name saying it now comes with the surname left out before: "Lúcia Gurgel,
esqueci o sobrenome"."""


def _restated_then_fuller(lows: Sequence[str], said: Sequence[str]) -> int:
    """Where the fuller name begins when the message first says the saved one again with a
    cue ("é o wagner falando, Wagner Sampaio", "Ana aqui, Ana Lima") or names the surname
    alone ("sobrenome Holanda João Holanda"): the last place the saved first word begins
    again, when every word before it is the saved name, a word of the fuller one after it,
    a trailing cue or a word of `_RESTATING_WORDS`; 0 when the message is no such thing."""
    starts = [k for k, low in enumerate(lows) if k and low == said[0]]
    if not starts:
        return 0
    k = starts[-1]
    allowed = set(said) | set(lows[k + 1 :]) | _RESTATING_WORDS | _NAME_TRAILING_CUES
    before = lows[:k]
    if not all(low in allowed for low in before):
        return 0
    return k if said[0] in before or "sobrenome" in before else 0


def _same_name_fuller(words: Sequence[Token], saved: str, said: Sequence[str]) -> str | None:
    """The name in `words` when it is the saved one (folded words `said`) again with more
    after it or spelled with the accents it lacked (see `name_put_right`)."""
    lows = [t.low for t in words]
    lead = _cue_length(lows, 0, _NAME_CORRECTION_CUES)
    lead += next(
        (len(o) for o in _RESTATING_OPENERS if list(lows[lead : lead + len(o)]) == list(o)), 0
    )
    trail = next(
        (
            len(cue)
            for cue in (*_NAME_CORRECTION_CUES, *_SURNAME_ADDED_CUES)
            if len(lows) > len(cue) and tuple(lows[-len(cue) :]) == cue
        ),
        0,
    )
    rest = list(words[lead : len(words) - trail])
    if not rest or rest[0].low != said[0]:
        return None
    name = _only_name(rest)
    if name is None:
        return None
    new = fold(name).lower().split()
    if len(new) > len(said) and new[: len(said)] == list(said):
        added = rest[len(said) :]
        if any(
            not t.is_cap and _common_word(t) and t.low not in _SURNAMES_LIKE_WORDS for t in added
        ):
            return None  # "ana linda", "pedro tranquilo": a word of the language after it
        kept = saved.split()
        mine = name.split()
        if len(kept) == len(said):  # the saved words where they carry accents "Jéssica"
            mine[: len(kept)] = [
                old if _accents(old) >= _accents(w) else w
                for old, w in zip(kept, mine[: len(kept)], strict=True)
            ]
        return " ".join(mine)
    if new == list(said) and _accents(name) > _accents(saved):
        return name  # "Jessica" then "Jéssica": the accents put back
    return None


def _accents(name: str) -> int:
    """How many letters of `name` carry an accent or a cedilla."""
    return sum(1 for ch in name if fold(ch) != ch)


def _surname_after_first_name(
    previous: str, words: Sequence[Token], said: Sequence[str]
) -> str | None:
    """The saved first name with a surname sent alone right after it (see
    `name_put_right`): `previous` is only that first name, `words` one or two words of a
    surname (a particle may lead them)."""
    if len(said) != 1:
        return None
    before = without_decorations(previous[:MAX_INPUT_CHARS])
    toks = tokenize(before, fold(before))
    start = _strip_greeting(fold(before))
    alone = [t for t in toks if t.start >= start]
    alone = alone[_skip_acknowledgements(alone, 0) :]
    first = _only_name(alone)
    if first is None or fold(first).lower().split() != list(said):
        return None
    surname = list(words)
    particle = surname[0].raw if surname[0].low in _NAME_PARTICLES - {"e"} else None
    if particle is not None:
        surname = surname[1:]
    if not 1 <= len(surname) <= 2 or surname[0].low == said[0]:
        return None
    for tok in surname:
        if tok.low in _NAME_STOP or tok.low in _GIVEN_NAMES or tok.low in _NAME_PARTICLES:
            return None  # "ok", "Clara" (maybe someone else), "e"
        if known_in_some_form(tok.low) and tok.low not in _SURNAMES_LIKE_WORDS:
            return None  # "massa", "Show", "Beleza": a word of the language
    read = _only_name(surname)
    if read is None:
        return None
    whole = [first, particle.lower() if particle else "", read]
    return _clip(" ".join(w for w in whole if w), NAME_MAX_CHARS)


_OPEN_ENDS: Final = _words(
    "a o as os um uma de da do das dos em na no nas nos pra pro para e ou com ate meu minha "
    "seus suas cidade parque jardim vila conjunto bairro lagoa barra praia sao"
)
"""Last words that leave a sentence open for the next message to finish: an article, a
preposition, a conjunction ("o valor é até", "uma casa de") or the first word of a
place's name ("queria morar na cidade", then "dos funcionários")."""


def split_facts(
    previous: str,
    text: str,
    *,
    pending: str | None,
    now: datetime,
    tz: ZoneInfo,
    ignore: Collection[str] = (),
) -> dict[str, object]:
    """The facts of a sentence the lead split over two messages: `previous` ends open
    (`_OPEN_ENDS`, no closing mark) and `text` finishes it ("queria morar na cidade", then
    "dos funcionarios"). The two are read as one message; only a value whose evidence
    runs across the break is taken (what either says alone is read on its own), so "moro
    no" then "Benfica" still gives no wish, and "quero no Cocó" then "Papicu" nothing new."""
    before = without_slips(without_decorations(previous[:MAX_INPUT_CHARS])).rstrip()
    after = without_slips(without_decorations(text[:MAX_INPUT_CHARS])).strip()
    words = fold(before).split()
    if not words or not after or words[-1] not in _OPEN_ENDS or after[0] in ".,;:!?":
        return {}
    joined = f"{before} {after}"
    cut = len(before)
    candidates = read_candidates(joined, pending=pending, now=now, tz=tz, ignore=ignore)
    return decide([c for c in candidates if c.fact != "call_at" and c.span[0] < cut < c.span[1]])


def _extract(
    text: str,
    *,
    pending: str | None,
    now: datetime,
    tz: ZoneInfo,
    ignore: Collection[str],
    known: Collection[str],
) -> dict[str, object]:
    candidates = read_candidates(text, pending=pending, now=now, tz=tz, ignore=ignore, known=known)
    return decide(candidates)


def extract_facts(
    text: str,
    *,
    pending: str | None,
    now: datetime,
    tz: ZoneInfo,
    ignore: Collection[str] = (),
    known: Collection[str] = (),
) -> dict[str, object]:
    """The facts stated in one lead message, as the tool calls to make: `{field: value}`.

    Args:
        text: the lead's message.
        pending: the fact the agent asked for last (`next_missing` of the known facts);
            a bare answer ("3", "Centro", "Fernanda") is read as that fact.
        now: the current time, for relative call times ("amanhã às 10h").
        tz: the time zone the lead speaks in.
        ignore: names never taken as the lead's name or neighbourhood: the agent's
            ("Olá, Homer") and the development's ("uma casa na Vila Carnaúba").
        known: the facts already saved; a correction ("pensando bem, melhor 3") of a
            known bedroom count is read as bedrooms.

    Returns:
        Keys from `FACT_ORDER`, in that order: `name` (str), `bedrooms` (int),
        `neighborhood` (str), `budget_brl` (int) and `call_at` (an ISO 8601 string for
        `schedule_call`; it may be in the past, which the tool then refuses). Never raises.
    """
    try:
        return _extract(text, pending=pending, now=now, tz=tz, ignore=ignore, known=known)
    except Exception:
        logger.exception("fact extraction failed; treating the message as fact-free")
        return {}
