"""A deterministic, offline pt-BR chat model that plays the LLM's part in the agent.

`OfflineChatModel` is a real langchain-core chat model: it binds tools, returns tool
calls, streams word by word and reports (approximate) token usage, so the graph, the
tools and the metrics run exactly as they would with a hosted LLM.

It reads everything it knows from the messages it is given:

- the system message's data (`homer_agent.prompts.system_message` attaches a
  `PromptView`: the lead's known facts, the clock, the persona and the development's
  profile lines), never its text: nothing is parsed back with regexes;
- the newest human message: `homer_agent.ptbr.facts.extract_facts` finds the facts in
  it; each new one becomes a call of the matching bound tool;
- trailing `ToolMessage`s: the results of its own calls, which it acknowledges before
  asking for the next missing fact (the system message it then sees already holds the
  saved values) or confirming the broker's call once everything is known. A refusal
  carries its reason as data (`homer_agent.tools.refusal`), which it explains in pt-BR.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any, Final, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel, LangSmithParams, LanguageModelInput
from langchain_core.messages import (
    AIMessage,
    AIMessageChunk,
    BaseMessage,
    HumanMessage,
    SystemMessage,
    ToolCall,
    ToolMessage,
)
from langchain_core.messages.ai import UsageMetadata
from langchain_core.messages.tool import tool_call_chunk
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from langchain_core.runnables import Runnable
from langchain_core.tools import BaseTool
from langchain_core.utils.function_calling import convert_to_openai_tool
from pydantic import ConfigDict, Field, SecretStr

from homer_agent.calendar.booking import CallOutcome
from homer_agent.calendar.hours import fits
from homer_agent.facts import FACT_ORDER, FactName, LeadFacts, missing_facts
from homer_agent.kb.query import build_query
from homer_agent.kb.query import words as query_words
from homer_agent.prompts import PROMPT_DATA_KEY, PromptView
from homer_agent.ptbr import replies as say
from homer_agent.ptbr.clauses import split_at_marks
from homer_agent.ptbr.facts import (
    accepted_part,
    clarified_fact,
    declined_facts,
    extract_facts,
    garbled,
    haggles,
    introduces,
    name_put_right,
    names_other_amount,
    place_or_name,
    refuses_time,
    respelled_name,
    says_why_there,
    split_facts,
    states_own_schedule,
    states_paying_condition,
    taken_up,
    tells_theirs,
    visit_plans,
    without_name_echo,
    without_other_questions,
)
from homer_agent.ptbr.intents import (
    accepts_proposal,
    announces_call,
    asks_for_human,
    call_goes_to,
    concedes,
    delegates_choice,
    hard_times,
    is_greeting,
    is_thanks,
    is_yes,
    names_the_call,
    softens,
    takes_time,
)
from homer_agent.ptbr.notes import NAME_WITHHELD, Note, read_notes
from homer_agent.ptbr.places import city_of
from homer_agent.ptbr.questions import (
    QUESTION_WORDS,
    asking_clauses,
    asking_parts,
    asks_tersely,
    marked,
    names_something,
    normalise,
    read_question,
    tells_own_life,
)
from homer_agent.ptbr.replies import ASK, BROKER_CONFIRMS, FACT_NOUNS, HINT
from homer_agent.ptbr.spelling import without_slips
from homer_agent.ptbr.text import fold, format_brl, format_brl_short
from homer_agent.ptbr.times import (
    WhenError,
    format_call_time,
    offers_day,
    read_when,
    when_parts,
)
from homer_agent.tools import BEDROOMS_NOT_OFFERED, BUDGET_UNUSUAL, NAME_IS_TITLE, refusal

__all__ = ["FACT_TOOLS", "OfflineChatModel"]

FACT_TOOLS: Final[Mapping[FactName, str]] = {
    "name": "update_lead_name",
    "bedrooms": "update_bedrooms",
    "neighborhood": "update_neighborhood",
    "budget_brl": "update_budget",
    "call_at": "schedule_call",
}
"""The tool the agent calls to save each fact."""
_FACT_BY_TOOL: Final = {tool: fact for fact, tool in FACT_TOOLS.items()}
SEARCH_TOOL: Final = "search_development"
"""The tool that searches the development's documents (see `homer_agent.kb`)."""
NOTE_TOOL: Final = "note"
"""The tool that keeps a note for the broker (see `homer_agent.brief`)."""

DEFAULT_TIMEZONE: Final = "America/Fortaleza"

# ---------------------------------------------------------------------------
# What the agent says: its words are `homer_agent.ptbr.replies`'

_LEAK: Final = re.compile(
    r"\b(?:prompt|instruc|system\b|suas regras|seu codigo|configurac|jailbreak|desenvolvedor"
    r"|developer|texto acima|mensagem acima|ignor(?:e|a|ar|em|am|ando|ou|ei)\b"
    r"|(?:seu|teu|sua|tua) (?:proprio |propria )?sistema\b"
    r"|sistema (?:(?:de|da|do|dos|das) )?(?:voces|vcs|voce|vc|bot|robo|ia|chat|interno)\b"
    r"|sistema (?:que )?(?:voce|vc) (?:usa|segue|tem)\b)"
)
"""Words of a request for the agent's instructions, each from a word's start: "ignore as
instruções", "qual o seu sistema?" and "o sistema de vocês por trás do bot" ask for them;
"desculpa a ignorância" (no form of "ignorar"), "o sistema de segurança" and "com cartão,
tag ou outro sistema?" (a system of the development's: access, alarm, solar) do not. The
word "sistema" asks for the instructions only when it is the agent's ("seu sistema", "o
sistema de vocês", "o sistema do bot")."""
_TOPIC_WORDS: Final[Mapping[str, tuple[str, ...]]] = {
    # Order matters: the first topic that matches answers.
    "broker": (
        "preco",
        "valor",
        "custa",
        "quanto e",
        "quanto sai",
        "metragem",
        "tamanho",
        "m2",
        "m²",
        "metros",
        "area ",
        "financ",
        "entrada",
        "parcela",
        "pagamento",
        "entrega",
        "prazo",
        "pronta",
        "obra",
        "taxa",
        "condominio",
        "iptu",
    ),
    "links": ("masterplan", "master plan", "mapa", "site", "link", "implantacao", "planta"),
    "amenities": (
        "lazer",
        "academia",
        "spa",
        "piscina",
        "clube",
        "club",
        "restaurante",
        "kite",
        "mall",
        "shopping",
        "comodidade",
        "estrutura",
        "area comum",
        "esporte",
        "sports",
        "playground",
        "quadra",
        "sauna",
        "churrasqueira",
    ),
    "houses": (
        "suite",
        "tipos de casa",
        "tipo de casa",
        "modelos",
        "opcoes de casa",
        "tipologia",
        "quantos quartos",
        "quartos tem",
    ),
    "location": ("onde fica", "localiza", "endereco", "fica onde", "qual cidade", "onde e"),
    "about": (
        "o que e o",
        "como e o",
        "me fala",
        "me conta",
        "sobre o empreendimento",
        "mais informac",
        "detalhes",
        "empreendimento",
    ),
}
_COMMON_AMENITIES: Final = (
    "piscina",
    "playground",
    "quadra",
    "sauna",
    "churrasqueira",
    "salao de festas",
    "coworking",
    "pet",
    "praia",
)


def _first_name(facts: LeadFacts) -> str | None:
    return facts.name.split()[0] if facts.name else None


_OFFERING: Final = ("outside_hours", "busy", "need_hour")
"""schedule_call results that offer free slots."""


def _ask(fact: FactName, view: PromptView, variant: int, *, use_name: bool = True) -> str:
    question = ASK[fact][variant % 2]
    houses = view.sections.get("houses")
    if fact == "bedrooms" and houses:
        question += say.houses_offered(houses)
    name = _first_name(view.facts)
    if name and use_name and fact != "name":
        question = say.addressed(name, question)
    if fact == "call_at" and view.call_outcome is not None:
        # "tem piscina?" while slots are offered: the offer stays, not a question from scratch.
        outcome = CallOutcome.from_json(view.call_outcome)
        if outcome is not None and outcome.status in _OFFERING and outcome.labels:
            question += say.slots_still_free(outcome.labels)
    return question


def _confirmation(view: PromptView) -> str:
    facts = view.facts
    start = say.all_set(_first_name(facts))
    if facts.call_at is None:
        return start
    when = format_call_time(facts.call_at, tz=view.tz, now=view.now)
    return say.call_confirmed(start, say.weekday_article(facts.call_at.weekday()), when)


def _booked(view: PromptView) -> str:
    """A reminder of the booked call, for a lead who writes again after everything is known."""
    if view.facts.call_at is None:
        return say.ANYTHING_ELSE
    return say.call_reminder(format_call_time(view.facts.call_at, tz=view.tz, now=view.now))


def _said_about(pending: FactName, text: str) -> str | None:
    """A reply to a statement near the question asked that holds no answer: the lead's
    routine when the call is asked, an amount that is no budget when the budget is."""
    if pending == "call_at" and states_own_schedule(text):
        return f"{say.SCHEDULE_NOTED} {ASK['call_at'][0]}"
    if pending == "budget_brl" and names_other_amount(text):
        return say.OTHER_AMOUNT
    return None


def _missing(view: PromptView) -> FactName | None:
    """The next fact to ask for: the first unknown one the lead did not refuse to give
    ("não quero dar meu nome": the agent moves on and does not insist)."""
    return next((f for f in missing_facts(view.facts) if f not in view.declined), None)


def _asked_in(reply: str | None) -> FactName | None:
    """The fact a reply of ours asked for (its question or its hint), if any."""
    if reply is None:
        return None
    low = reply.lower()
    return next(
        (f for f in FACT_ORDER if _asked_for(f, reply) or HINT[f].lower() in low),
        None,
    )


def _declined(messages: Sequence[BaseMessage], view: PromptView) -> frozenset[str]:
    """The facts the lead refused to give and that are still unknown: the name in the
    notes (`NAME_WITHHELD`, kept for good), and any fact declined in the conversation the
    model sees (`ptbr.facts.declined_facts`: "prefiro não dizer quanto posso pagar",
    "qualquer bairro serve"; a bare "tanto faz" declines what our reply before it asked),
    so it is not asked again while the refusal stays in the window."""
    declined = {"name"} if NAME_WITHHELD in view.notes else set()
    reply: str | None = None
    for message in messages:
        if isinstance(message, AIMessage) and not message.tool_calls and _text(message):
            reply = _text(message)
        elif isinstance(message, HumanMessage):
            declined |= declined_facts(without_slips(_text(message)), _asked_in(reply))
    return frozenset(f for f in declined if getattr(view.facts, f, None) is None)


def _next_step(view: PromptView, variant: int, *, use_name: bool = True) -> str:
    pending = _missing(view)
    return _ask(pending, view, variant, use_name=use_name) if pending else _confirmation(view)


def _asked_for(fact: FactName, reply: str | None) -> bool:
    """Whether an earlier reply of ours asked for this fact."""
    if reply is None:
        return False
    low = reply.lower()
    return any(ask.lower() in low for ask in ASK[fact])


def _answer(text: str, view: PromptView) -> str | None:
    """An answer about the development from the profile lines, or None if not a question."""
    low = f" {fold(text)} "
    development = view.development or ""
    sections = view.sections
    if _LEAK.search(low):
        return say.keep_instructions(development)
    faq = _faq_answer(low, view.faq)
    for topic, words in _TOPIC_WORDS.items():
        if not any(word in low for word in words):
            continue
        if faq:
            return faq
        if topic == "broker":
            return say.broker_confirms(sections.get("broker", say.BROKER_DETAILS))
        if topic == "links" and "links" in sections:
            return say.see_project(sections["links"])
        if topic == "amenities" and "amenities" in sections:
            return _amenities_answer(low, sections["amenities"], development)
        if topic == "houses" and "houses" in sections:
            return say.houses_answer(development, sections["houses"])
        if topic == "location" and "location" in sections:
            place = say.in_place(sections["location"])
            return say.location_answer(development, place, sections.get("links"))
        if topic == "about":
            return _about(view)
    return faq


def _about(view: PromptView) -> str:
    sections = view.sections
    location, amenities = sections.get("location"), sections.get("amenities")
    return say.about_answer(
        view.development or "",
        say.in_place(location) if location is not None else None,
        sections.get("houses"),
        say.list_pt(amenities) if amenities is not None else None,
    )


def _amenities_answer(low: str, amenities: str, development: str) -> str:
    listed = fold(amenities)
    missing = [word for word in _COMMON_AMENITIES if word in low and word not in listed]
    return say.amenities_answer(
        development, say.list_pt(amenities), missing[0] if missing else None
    )


def _content_words(text: str) -> set[str]:
    return {word for word in re.findall(r"[a-z0-9²]+", fold(text)) if len(word) > 3}


def _faq_answer(low: str, faq: Sequence[tuple[str, str]]) -> str | None:
    words = _content_words(low)
    best: tuple[int, str] | None = None
    for question, answer in faq:
        overlap = len(words & _content_words(question))
        if overlap >= 2 and (best is None or overlap > best[0]):
            best = (overlap, answer)
    return best[1] if best else None


# ---------------------------------------------------------------------------
# Questions about the development, answered from its documents

# A clause giving one of these is the lead answering, not asking ("pode ser sexta às 10h?").
_STATEMENT_FACTS: Final = frozenset({"name", "budget_brl", "call_at", "neighborhood"})


def _is_asked(text: str) -> bool:
    """Whether any part of a message is put as a question (see `ptbr.questions`)."""
    return bool(asking_clauses(text))


_OPEN_HOURS: Final = re.compile(
    r"\b(?:aberto|aberta|abre|abrem|fecha|fecham|funciona|funcionam|stand|plantao|decorada"
    r"|decorado)\b"
)
_WHEN_WORDS: Final = frozenset(
    """
    amanha hoje depois semana dia dias manha tarde noite cedo meio madrugada
    segunda terca quarta quinta sexta sabado domingo feira proxima proximo
    """.split()  # noqa: SIM905 (a word list reads better as text)
)


def _asks_the_documents(clause: str, found: set[str]) -> bool:
    """Whether an asked clause asks the documents: one that gives a call time ("pode ser
    sexta às 10h?", "amanhã de manhã?") answers our question instead, unless it names
    something else ("tem ônibus de noite?"); so does a day without its hour ("pode
    ligar na sexta", "quero falar com o corretor na segunda"). One that gives the lead's
    name or budget and is not put with a "?" answers too: "pode me chamar de Gil",
    "posso pagar até 250k" open like questions but tell."""
    if found & {"name", "budget_brl"} and not clause.rstrip().endswith("?"):
        return False
    if haggles(clause):
        return False  # "se for à vista consigo mais um pouco", "pode considerar esse valor"
    if call_goes_to(normalise(clause)) is not None:
        return False  # "pode ligar pra ela", "liga nesse número mesmo": where the call goes
    if _OPEN_HOURS.search(normalise(clause)):
        return True  # "até q horas fica aberto no domingo?": the stand's hours, not our call
    parts = when_parts(clause)
    if _CALL_AFTER.search(fold(clause).lower()):
        return False  # "pode ligar depois": about the call, nothing for the documents
    if "call_at" not in found and not (parts.has_date or parts.has_time):
        return True
    if names_the_call(normalise(clause)):
        return False
    rest = [
        word
        for word in query_words(clause)
        if word not in _WHEN_WORDS and word not in QUESTION_WORDS and not re.search(r"\d", word)
    ]
    return bool(rest)


_TOLD_BEFORE: Final = frozenset({"name", "budget_brl"})
"""Facts that make an unmarked clause an answer to our question (`_asks_the_documents`)."""


def _facts_asked(
    clause: str, before: str, question: str, facts_in: Callable[[str], set[str]]
) -> set[str]:
    """The facts of an asked clause; a name or a budget only when the question gives it, not
    the statements it carries ("meu nome é Jorge. tem upa perto" asks about a UPA: the
    name is told before the question, which `asking_parts` joins to it)."""
    found = facts_in(clause)
    if before and found & _TOLD_BEFORE:
        found -= _TOLD_BEFORE - facts_in(question)
    return found


def _development_question(
    text: str,
    facts_in: Callable[[str], set[str]],
    theirs: Callable[[str], bool] = lambda clause: False,
) -> str | None:
    """The parts of a message that ask about the development, or None.

    Every part put as a question (`ptbr.questions.asking_clauses`: a "?", a question's
    opening, "queria saber se ...", shorthand included), cut where the question starts,
    unless it gives a call time; failing those, clauses that only name a topic of the
    development and give no name, budget or call time. Requests for the agent's
    instructions never do.
    """
    low = f" {fold(text)} "
    if _LEAK.search(low):
        return None
    # "o Zé e a Lúcia aqui": people introduced, whether or not a name is saved
    tail = fold(text).lower().strip(" .!") if introduces(text) else None
    # "se for à vista consigo mais um pouco": what the lead can pay under a condition tells.
    conditions = [
        normalise(c) for c in split_at_marks(text, colon=False) if states_paying_condition(c)
    ]
    asked = [
        clause
        for clause, (before, question) in zip(asking_clauses(text), asking_parts(text), strict=True)
        if build_query(clause)
        and (
            # "... eu saio 6h e só volto 19h. ele consegue pegar ônibus na porta?": the times
            # of the story a question carries are no call time; the question's own are.
            _asks_the_documents(question, facts_in(question))
            if before and names_something(question)
            else _asks_the_documents(clause, _facts_asked(clause, before, question, facts_in))
        )
        and not (tail is not None and tail.endswith(fold(clause).lower().strip(" .!")))
        and not any(clause in condition for condition in conditions)
        # "Lagoa Redonda, que é perto dos meus pais": why the place, not a question.
        and not (says_why_there(clause) and "neighborhood" in facts_in(text))
        # "prefiro não dizer quanto posso pagar": a fact declined, nothing asked
        and not declined_facts(clause)
        # "o dinheiro é deles", "a casa da irmã tem 4 quartos": someone else's, told; a
        # price, discount or offer asked beside it ("minha mãe mora sozinha, tem desconto na
        # casa de 4 quartos") is the broker's all the same
        and not (theirs(clause) and not read_question(clause).price)
    ]
    # A story of the lead's own life that names a topic ("meu marido adora piscina") asks
    # nothing; a bare topic ("garagem coberta", "e o iptu") asks about it.
    for clause in [] if asked else split_at_marks(text, colon=False):
        # "prefiro não dizer, sem ofensa": an apology asks nothing
        if tells_own_life(clause) or declined_facts(clause) or softens(clause):
            continue
        folded = fold(clause).strip()
        terse = tail is None and asks_tersely(clause) and place_or_name(clause) is None
        topical = terse or any(
            word in f" {folded} " for words in _TOPIC_WORDS.values() for word in words
        )
        # "de manhã não dá, mas terça 12h pode": a time turned down is about the call
        states = (
            bool(facts_in(clause) & _STATEMENT_FACTS) or haggles(clause) or refuses_time(clause)
        )
        if topical and build_query(clause) and not states:
            asked.append(clause.strip(" ,;"))
    # "só consigo ir no domingo lá pelas 11h": a visit planned, which the stand's hours
    # in the documents answer (a statement: no broker line when they do not)
    # ("vou no cartório amanhã 8h, pode me ligar depois": an errand, then the call)
    errand = _call_after_errand(text)
    asked += [] if asked or errand else [plan for plan in visit_plans(text) if build_query(plan)]
    # Each asked part is a question of its own ("o pedro de 7 e a alice de 11" read as one
    # must not run into "tem colégio perto daí?"): the search reads them apart.
    # The last keeps its own ending: a dictated run-on is read by its clauses only when no
    # "?" marks them.
    return " ".join(a if a[-1] in ".!?;:" or a is asked[-1] else f"{a}?" for a in asked) or None


def _from_documents(result: ToolMessage, question: str, view: PromptView) -> str:
    """The answer a `search_development` result gives: its sentences, or a broker's word."""
    try:
        data = json.loads(_text(result))
    except json.JSONDecodeError:
        data = None
    if result.status == "error" or not isinstance(data, dict):
        return BROKER_CONFIRMS
    sentences = data.get("sentences")
    if data.get("verdict") == "answer" and isinstance(sentences, list) and sentences:
        answer = " ".join(str(sentence) for sentence in sentences)
        # Parts of the message the documents do not answer: a broker confirms those.
        return f"{answer} {BROKER_CONFIRMS}" if data.get("unanswered") else answer
    reason = str(data.get("reason", ""))
    if data.get("reason_code") == "price_to_broker":
        # The profile's own words on a broker's topic ("Quanto custa uma casa?"), if any.
        return _faq_answer(f" {fold(question)} ", view.faq) or BROKER_CONFIRMS
    if reason == "no documents":  # nothing indexed: the profile's lines are all there is
        return _answer(question, view) or BROKER_CONFIRMS
    if reason.startswith("broker topic"):
        # The profile's own words on a broker's topic ("Quanto custa uma casa?"), if any.
        return _faq_answer(f" {fold(question)} ", view.faq) or BROKER_CONFIRMS
    return BROKER_CONFIRMS


def _error_reason(fact: FactName, content: str) -> str:
    """What to tell the lead about a refused tool call (from its data, never its English)."""
    outcome = CallOutcome.from_json(content) if fact == "call_at" else None
    if outcome is not None:
        return outcome.message
    return say.not_saved(FACT_NOUNS[fact])


def _explain_refusal(refused: Mapping[str, Any], view: PromptView) -> str:
    """What to tell the lead when a tool refused a value (see `homer_agent.tools`)."""
    reason, value = refused["refused"], refused.get("value")
    if reason == BEDROOMS_NOT_OFFERED and isinstance(value, int):
        offered = [str(n) for n in refused.get("offered", ()) if isinstance(n, int)]
        where = say.in_development(view.development)
        return say.bedrooms_not_offered(where, say.bedrooms_refused(value), offered)
    if reason == BUDGET_UNUSUAL and isinstance(value, int):
        return say.budget_read_back(format_brl_short(value))
    if reason == NAME_IS_TITLE:
        return HINT["name"]
    return say.ASK_AGAIN


def _confirmed_budget(messages: Sequence[BaseMessage], text: str) -> int | None:
    """The amount we asked the lead to confirm in our last reply, when they now say yes."""
    if not is_yes(text):
        return None
    for message in reversed(messages[:-1]):
        if isinstance(message, HumanMessage):
            return None  # the question was not the last thing we asked
        found = refusal(message)
        if found is not None and found["refused"] == BUDGET_UNUSUAL:
            value = found.get("value")
            return value if isinstance(value, int) else None
    return None


def _clarified(messages: Sequence[BaseMessage], text: str) -> tuple[FactName, str] | None:
    """The fact and value a reply to our "is X your name or the neighbourhood?" gives
    ("é o meu nome", "o bairro"), when that question was our last reply."""
    humans = _human_texts(messages)
    last = _last_reply(messages)
    place = place_or_name(humans[-2]) if len(humans) >= 2 and last else None
    if place is None or last is None or say.name_or_place(place) not in last:
        return None
    fact = clarified_fact(text)
    if fact == "name":
        return "name", place
    if fact == "neighborhood":
        return "neighborhood", place
    return None


def _names_saved(messages: Sequence[BaseMessage]) -> int:
    """How many times the conversation saved a name (a second one puts the first right)."""
    done = {
        m.tool_call_id
        for m in messages
        if isinstance(m, ToolMessage) and m.status != "error" and refusal(m) is None
    }
    return sum(
        1
        for m in messages
        if isinstance(m, AIMessage)
        for call in m.tool_calls
        if _FACT_BY_TOOL.get(call["name"]) == "name" and call["id"] in done
    )


def _acknowledge(saved: Sequence[FactName], view: PromptView, *, renamed: bool = False) -> str:
    facts = view.facts
    parts: list[str] = []
    if "bedrooms" in saved and facts.bedrooms is not None:
        parts.append(say.bedrooms_count(facts.bedrooms))
    if "neighborhood" in saved and facts.neighborhood:
        parts.append(say.neighborhood_noted(facts.neighborhood))
    if "budget_brl" in saved and facts.budget_brl is not None:
        parts.append(say.budget_noted(format_brl(facts.budget_brl)))
    sentences: list[str] = []
    if "name" in saved and facts.name:
        # "Prazer" once; a name put right later is acknowledged as such
        sentences.append(
            say.name_corrected(facts.name) if renamed else say.pleased(facts.name.split()[0])
        )
    if parts:
        sentences.append(say.noted(parts))
    if "call_at" in saved and facts.call_at is not None and _missing(view) is not None:
        when = format_call_time(facts.call_at, tz=view.tz, now=view.now)
        sentences.append(say.call_noted(when))
    return " ".join(sentences)


# Words that make a day without an hour ("me liga dia 25/12") a request for a call.
_CALL_CUES: Final = ("me liga", "liga pra", "liga para", "ligar", "ligacao", "me chama", "retorn")


_CLOCK: Final = re.compile(r"\d|\bmeio[- ]dia\b|\bmeia[- ]noite\b")
"""A clock time in folded text, beside a day part ("de manhã, às 10")."""


def _asks_for_call(text: str) -> bool:
    """A call asked for ("me liga dia 25/12"), or a day offered ("pode ser quarta", said
    before the call was asked about: the day is kept and its hour asked)."""
    low = f" {fold(text)} "
    if " pode ser " in low and when_parts(text).has_date:
        return True
    if offers_day(text):  # "trabalho das 8 às 17h", then "mas sábado pode"
        return True
    # "quero falar com o corretor na segunda": a person asked for on a day is a call
    return any(cue in low for cue in _CALL_CUES) or asks_for_human(text)


# Words that make a bare day ("segunda") a request to move a booked call.
_RESCHEDULE_CUES: Final = (
    "pode ser",
    "muda",
    "mudar",
    "remarc",
    "troca",
    "trocar",
    "passa",
    "passar",
    "liga",
    "ligar",
    "prefiro",
    "melhor",
    "consegue",
)


def _latest_outcome(
    messages: Sequence[BaseMessage], view: PromptView | None = None
) -> CallOutcome | None:
    """The latest schedule_call result: in the window, else the one the prompt data
    carries (`PromptView.call_outcome`), which outlives the window."""
    for message in reversed(messages):
        if isinstance(message, ToolMessage) and message.name == FACT_TOOLS["call_at"]:
            return CallOutcome.from_json(_text(message))
    if view is not None and view.call_outcome is not None:
        return CallOutcome.from_json(view.call_outcome)
    return None


def _offered(
    messages: Sequence[BaseMessage], view: PromptView | None = None
) -> tuple[datetime, ...]:
    """The slots the latest schedule_call result proposed (outside hours or busy)."""
    outcome = _latest_outcome(messages, view)
    if outcome is not None and outcome.status in ("outside_hours", "busy", "need_hour"):
        return outcome.alternatives
    return ()


# "a primeira", "o segundo horário", "a última": one of the offered slots by its place.
# ("a segunda" alone is Monday, so the second slot needs "opção"/"horário" or "o segundo".)
_PICK_RE: Final = re.compile(
    r"(?<!\bum )\b(?:(primeir[ao])|(segundo|segunda\s+(?:opcao|horario|hora))"
    r"|(terceir[ao])|(ultim[ao]))\b"
)


def _picked(text: str, offered: Sequence[datetime]) -> datetime | None:
    """The offered slot a lead names by its place in the list, if any."""
    if not offered:
        return None
    match = _PICK_RE.search(fold(text))
    if match is None:
        return None
    index = {1: 0, 2: 1, 3: 2, 4: len(offered) - 1}[match.lastindex or 1]
    return offered[index] if index < len(offered) else None


_PERIOD_SPANS: Final = {"manha": (0, 12), "tarde": (12, 18), "noite": (18, 24)}
"""The hours of a day part, for picking an offered slot in the part the lead names."""


def _offered_last_turn(messages: Sequence[BaseMessage]) -> tuple[datetime, ...]:
    """The slots offered in answer to the lead's previous message (not turns earlier)."""
    humans = [k for k, message in enumerate(messages) if isinstance(message, HumanMessage)]
    for message in reversed(messages[: humans[-1] if humans else 0]):
        if isinstance(message, HumanMessage):
            return ()
        if isinstance(message, ToolMessage) and message.name == FACT_TOOLS["call_at"]:
            return _offered(messages)
    return ()


def _slot_to_propose(
    text: str, messages: Sequence[BaseMessage], view: PromptView
) -> datetime | None:
    """The one offered slot to propose when the lead, answering the slots just offered,
    leaves the choice to us ("qualquer horário da manhã serve, tanto faz"): the first in
    the day part they name, if any. None when they name an hour, or nothing was offered."""
    if not delegates_choice(text):
        return None
    offered = _offered_last_turn(messages)
    if not offered:
        return None
    parts = when_parts(text)
    if parts.has_time and parts.period is None:
        return None  # "tanto faz, pode ser 10h30": an hour said
    first, last = _PERIOD_SPANS.get(parts.period or "", (0, 24))
    assert view.tz is not None
    fitting = [slot for slot in offered if first <= slot.astimezone(view.tz).hour < last]
    return fitting[0] if fitting else None


def _proposed(messages: Sequence[BaseMessage], view: PromptView) -> datetime | None:
    """The slot our last reply proposed (`replies.propose_call`), if it proposed one."""
    last = _last_reply(messages)
    if last is None:
        return None
    for slot in _offered(messages, view):
        if last.rstrip().endswith(
            say.propose_call(format_call_time(slot, tz=view.tz, now=view.now))
        ):
            return slot
    # A day proposed for an hour said without one (see `_hour_without_day`).
    head, _, tail = say.propose_call("\x00").partition("\x00")
    last = last.rstrip()
    if head not in last or not last.endswith(tail) or view.now is None or view.tz is None:
        return None
    try:
        reading = read_when(last[last.rindex(head) + len(head) :], now=view.now, tz=view.tz)
    except WhenError:
        return None
    return reading.at


def _hour_without_day(
    text: str, messages: Sequence[BaseMessage], view: PromptView
) -> datetime | None:
    """The hour a lead gives when no day was ever said ("me liga às 16h", or "me liga às
    19h", refused, then "então 17h30"), on the day `read_when` would pick: that day is
    proposed (`replies.propose_call`) and booked only on a yes, never straight away.
    None when a day was said in this or an earlier message, a call is booked, the hour
    is one of the slots offered, or, before any slot was offered, brokers do not call
    then (the tool refuses it and tells the hours)."""
    if view.now is None or view.tz is None or view.facts.call_at is not None:
        return None
    text = without_other_questions(text)
    if not text or states_own_schedule(text):
        return None
    text = accepted_part(text)
    parts = when_parts(text)
    if not parts.has_time or parts.has_date or parts.period is not None:
        return None
    if any(when_parts(earlier).has_date for earlier in _human_texts(messages)[:-1]):
        return None
    if _pending_day(messages, view) is not None:
        return None  # a day is being agreed (maybe said before the window): the hour joins it
    offered = _offered(messages, view)
    if _picked(text, offered) is not None:
        return None
    try:
        reading = read_when(text, now=view.now, tz=view.tz)
    except WhenError:
        return None
    if reading.at is None or offered or view.calls is None:
        return reading.at
    # A first hour alone: proposed on its day when brokers call then; otherwise the tool
    # refuses it and offers slots (it tells the hours).
    return reading.at if fits(reading.at, view.calls, view.tz) else None


def _pending_day(messages: Sequence[BaseMessage], view: PromptView) -> date | None:
    """The day being agreed for the call: the one the latest schedule_call result asked
    an hour for ("sábado" -> need_hour) or refused an hour on (outside hours, busy).
    None when that result booked a call or there is none."""
    outcome = _latest_outcome(messages, view)
    if outcome is None:
        return None
    if outcome.status == "need_hour":
        return outcome.day
    # A refused hour's day counts only when the lead said a day ("quarta às 21h"): for an
    # hour alone ("me liga às 19h") the day was only inferred (see `_hour_without_day`).
    if outcome.status not in ("outside_hours", "busy") or outcome.requested is None:
        return None
    day = outcome.requested.astimezone(view.tz).date()
    # An inferred day is today or tomorrow (the next such hour); any other day was said,
    # maybe before the window.
    inferred = view.now is not None and 0 <= (day - view.now.date()).days <= 1
    said_day = not inferred or any(when_parts(text).has_date for text in _human_texts(messages))
    return day if said_day else None


def _hour_on_pending_day(
    text: str, messages: Sequence[BaseMessage], view: PromptView
) -> datetime | None:
    """An hour alone ("10h", "então 12h30") on the day being agreed (`_pending_day`),
    however many messages (a question, small talk) came in between."""
    assert view.now is not None and view.tz is not None
    day = _pending_day(messages, view)
    parts = when_parts(text)
    if day is None or not parts.has_time or parts.has_date or parts.period is not None:
        return None
    try:
        reading = read_when(text, now=view.now, tz=view.tz)
    except WhenError:
        return None
    if reading.at is None:
        return None
    at = reading.at.astimezone(view.tz)
    return datetime.combine(day, at.timetz().replace(tzinfo=None), tzinfo=view.tz)


def _joined_call_time(text: str, previous: str, now: datetime, tz: ZoneInfo) -> str | None:
    """A call time split over two messages ("sexta" then "às 10h"), as an ISO string.

    Only when this message has half of one and the previous message only the other;
    this message's parts come first, so they win over the previous message's.
    """
    current = when_parts(text)
    if not (current.has_date or current.has_time) or (current.has_date and current.has_time):
        return None
    before = when_parts(previous)
    if before.has_date in (before.has_time, current.has_date):
        return None
    joined = f"{text} {previous}"
    try:
        reading = read_when(joined, now=now, tz=tz)
    except WhenError:
        return None
    if reading.at is not None and when_parts(joined).period is not None:
        # "amanhã cedinho" then "qualquer hora de manhã": a day and a part of it, no
        # hour: the lead's words, so that the tool offers free hours of that part.
        return " ".join(joined[start:end] for start, end in reading.spans) or None
    return reading.at.isoformat() if reading.at is not None else None


_CALL_AFTER: Final = re.compile(
    r"(?:\b(?:pode|podem|podia|poderia)\s+)?(?:\bme\s+)?"
    r"\b(?:ligar|liga|ligue|ligam|chamar|chama|retornar|retorna)\b"
    r"(?:\s+(?:pra|para|pro|a|o|me|mim|ela|ele|nos|gente|voce|vc|so|mais|entao|de|novo|aqui|ai"
    r"|por|favor)){0,2}?\s+"
    r"(?:depois|mais tarde|em seguida|na sequencia)"
    r"(?=\s*(?:$|[,.;!?]|\b(?:disso|disto|dessa|desse|dai|que|q|e)\b))"
)
"""A call asked for after something else the lead does, with no time of its own ("pode
ligar depois", "me liga depois disso", "pode ligar pra ela depois"): not "depois das 10h",
a floor on the hour, nor someone else called ("chamar marceneiro depois")."""


def _call_after_errand(text: str) -> bool:
    """Whether the message asks for the call after something it tells ("passo no banco
    sexta 10h, pode ligar depois"): the time it names is that errand's, not the call's,
    so nothing is booked and the agent asks (precision first)."""
    low = fold(text).lower()
    found = _CALL_AFTER.search(low)
    if found is None:
        return False
    before = low[: found.start()]  # "passo no banco sexta 10h" before "pode ligar"
    return bool(when_parts(before).has_time) and not names_the_call(before)


def _call_request(
    messages: Sequence[BaseMessage], text: str, view: PromptView, pending: FactName | None
) -> str | None:
    """What to pass to schedule_call for this message, or None.

    A complete time is resolved here (with the booked call, the offered slots and a half
    answer in the previous message) and passed as ISO 8601; a day without an hour is
    passed as the lead's words, so that the tool asks for the hour.
    """
    assert view.now is not None and view.tz is not None
    booked = view.facts.call_at
    offered = _offered(messages, view)
    # "tanto faz": one slot is proposed (see `_reply_without_facts`), booked on a yes.
    proposed = _proposed(messages, view)
    if proposed is not None and accepts_proposal(text):
        return proposed.isoformat()
    if _slot_to_propose(text, messages, view) is not None:
        return None
    if _hour_without_day(text, messages, view) is not None:
        return None  # an hour, no day: one day is proposed, booked on a yes
    picked = _picked(text, offered)
    if picked is not None:
        return picked.isoformat()
    if booked is None and not offered and pending != "call_at" and announces_call(text):
        # "o corretor vai me ligar amanhã à noite ... o que eu deixo separado?": a call
        # told of, not asked for; the question is answered from the documents.
        return None
    if _call_after_errand(text):
        return None  # "passo no banco sexta 10h, pode ligar depois": the hour is the errand's
    # "dá pra ir ver a casa decorada domingo às 15h?": a time in a question about a
    # visit or opening hours asks for no call.
    text = without_other_questions(text)
    if not text or states_own_schedule(accepted_part(text)):
        # "quarta tenho plantão. melhor quinta": the routine's clause is left out when
        # another names the time; a routine alone asks for no call.
        return None
    text = accepted_part(text)
    if booked is None:
        pending_hour = _hour_on_pending_day(text, messages, view)
        if pending_hour is not None:
            return pending_hour.isoformat()
    humans = _human_texts(messages)
    # "me liga dia 25/12" then "às 10h": the day asked for a call, the hour completes it.
    if (
        len(humans) >= 2
        and (pending == "call_at" or booked is not None or _asks_for_call(humans[-2]))
        and not states_own_schedule(humans[-2])
    ):
        joined = _joined_call_time(text, accepted_part(humans[-2]), view.now, view.tz)
        if joined is not None:
            return joined
    asked = pending == "call_at" or bool(offered) or _asks_for_call(text)
    try:
        reading = read_when(text, now=view.now, tz=view.tz, booked=booked, offered=offered)
    except WhenError as exc:
        # "dia 31/11 às 10h": the tool tells the lead that day does not exist.
        parts = when_parts(text)
        if exc.reason == "invalid_date" and (asked or (parts.has_date and parts.has_time)):
            return text.strip()
        return None
    if reading.at is not None:
        # An hour or a period alone ("de tarde", "depois das 10") is a call time only when
        # one is being agreed: volunteered, it names no day, so nothing is booked.
        parts = when_parts(text)
        if not (asked or booked is not None or parts.has_date):
            return None
        if parts.period is not None and (parts.has_date or not _CLOCK.search(fold(text))):
            # "sexta à tarde", "de manhã": the lead's words, so that the tool offers free
            # hours of that part (of the nearest day with some, when no day is named):
            # nobody said an hour, so none is booked.
            return " ".join(text[start:end] for start, end in reading.spans) or text.strip()
        return reading.at.isoformat()
    low = fold(text)
    if not asked and not (booked is not None and any(cue in low for cue in _RESCHEDULE_CUES)):
        return None
    return " ".join(text[start:end] for start, end in reading.spans) or None


# ---------------------------------------------------------------------------
# Reading the conversation


def _text(message: BaseMessage) -> str:
    return str(message.text)


def _prompt_view(messages: Sequence[BaseMessage]) -> PromptView:
    """The data of the newest system message (see `prompts.system_message`), or an empty
    view when there is none (a plain prompt: then nothing is known)."""
    for message in reversed(messages):
        data = message.additional_kwargs.get(PROMPT_DATA_KEY)
        if isinstance(message, SystemMessage) and isinstance(data, Mapping):
            try:
                return PromptView.from_data(data)
            except (ValueError, KeyError, TypeError, ZoneInfoNotFoundError):
                return PromptView()
    return PromptView()


def _ai_turns(messages: Sequence[BaseMessage]) -> int:
    return sum(1 for m in messages if isinstance(m, AIMessage) and not m.tool_calls)


def _human_texts(messages: Sequence[BaseMessage]) -> list[str]:
    """The lead's messages, with slips in the words a fact hangs on put right ("qunita às
    14h": `ptbr.spelling`), as the facts reader sees them."""
    return [without_slips(_text(m)) for m in messages if isinstance(m, HumanMessage)]


def _last_reply(messages: Sequence[BaseMessage]) -> str | None:
    for message in reversed(messages[:-1]):
        if isinstance(message, AIMessage) and not message.tool_calls:
            return _text(message)
    return None


def _bound_tools(tools: Sequence[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Bound tools by name: their JSON-schema `parameters`."""
    found: dict[str, dict[str, Any]] = {}
    for spec in tools:
        function = spec.get("function", spec)
        if isinstance(function, Mapping) and isinstance(function.get("name"), str):
            parameters = function.get("parameters")
            found[function["name"]] = dict(parameters) if isinstance(parameters, Mapping) else {}
    return found


_TAKING_BACK_RE: Final = re.compile(
    r"\b(?:deix\w*|volt\w*|fic\w*|mant\w*)\s+(?:\w+\s+)?(?:como\s+(?:tava|estava|era|antes)"
    r"|(?:o|do|no|pro|ao)\s+(?:que\s+(?:era|tava|estava)|anterior|de\s+antes)"
    r"|como\s+eu\s+tinha\s+(?:dito|falado))\b"
)
"""The lead taking a change back: "pode deixar como tava", "volta pro que era", "mantém o
anterior", "fica como eu tinha dito"."""


def _taken_back(messages: Sequence[BaseMessage], text: str) -> tuple[FactName, object] | None:
    """The fact the previous turn changed and the value it had before, when the lead takes
    that change back ("2 quartos", "pensando bem, 3", "não, pode deixar como tava": 2)."""
    if not _TAKING_BACK_RE.search(fold(text)):
        return None
    saved = {m.tool_call_id for m in messages if isinstance(m, ToolMessage) and m.status != "error"}
    history: list[tuple[FactName, object, int]] = []
    turn = 0
    for message in messages:
        if isinstance(message, HumanMessage):
            turn += 1
        if not isinstance(message, AIMessage):
            continue
        for call in message.tool_calls:
            fact = _FACT_BY_TOOL.get(call["name"])
            if fact is not None and fact != "call_at" and call["id"] in saved and call["args"]:
                history.append((fact, next(iter(call["args"].values())), turn))
    if not history or history[-1][2] != turn - 1:
        return None  # nothing changed in the turn before this one
    fact = history[-1][0]
    values = [value for f, value, _ in history if f == fact]
    return (fact, values[-2]) if len(values) >= 2 and values[-2] != values[-1] else None


def _tool_args(fact: FactName, value: object, parameters: Mapping[str, Any]) -> dict[str, object]:
    """The argument dict for a fact's tool, named and typed after the tool's schema."""
    properties = parameters.get("properties")
    properties = properties if isinstance(properties, Mapping) else {}
    required = parameters.get("required")
    arg: str
    if fact in properties or not properties:
        arg = fact
    elif len(properties) == 1:
        arg = next(iter(properties))
    elif isinstance(required, list) and required and isinstance(required[0], str):
        arg = required[0]
    else:
        arg = next(iter(properties))
    schema = properties.get(arg)
    kind = schema.get("type") if isinstance(schema, Mapping) else None
    if kind == "integer" and isinstance(value, int | float):
        return {arg: int(value)}
    if kind == "string":
        return {arg: str(value)}
    return {arg: value}


def _is_known(fact: FactName, value: object, facts: LeadFacts) -> bool:
    known = getattr(facts, fact)
    if known is None:
        return False
    if fact == "call_at" and isinstance(known, datetime) and isinstance(value, str):
        try:
            return datetime.fromisoformat(value) == known
        except ValueError:
            return False
    if isinstance(known, str) and isinstance(value, str):
        # "Fortaleza" after "Cocó": the town the saved place is in says nothing new.
        return fold(known) == fold(value) or (
            fact == "neighborhood" and city_of(value) == value == city_of(known)
        )
    return bool(known == value)


def _call_id(messages: Sequence[BaseMessage], fact: str) -> str:
    digest = hashlib.sha256()
    for message in messages:
        digest.update(message.type.encode())
        digest.update(_text(message).encode("utf-8", "replace"))
        digest.update(b"\x00")
    digest.update(f"{len(messages)}:{fact}".encode())
    return f"call_{digest.hexdigest()[:24]}"


def _note_call(messages: Sequence[BaseMessage], note: Note) -> ToolCall:
    args = {"category": note.category, "text": note.text}
    key = f"{NOTE_TOOL}:{note.category}:{note.text}"
    return ToolCall(name=NOTE_TOOL, args=args, id=_call_id(messages, key), type="tool_call")


# ---------------------------------------------------------------------------
# The model

_TOKEN_RE: Final = re.compile(r"\w+|[^\w\s]")


def _count_tokens(text: str) -> int:
    """A cheap token estimate: words and punctuation marks."""
    return len(_TOKEN_RE.findall(text))


class OfflineChatModel(BaseChatModel):
    """Deterministic rule-based pt-BR chat model for the Homer lead agent (no network)."""

    model_config = ConfigDict(populate_by_name=True)

    model_name: str = Field(default="homer-offline", alias="model")
    temperature: float | None = None
    """Accepted for compatibility; the model is deterministic."""
    max_tokens: int | None = None
    """Cut replies (not tool calls) to about this many tokens."""
    timeout: float | None = None
    stop: list[str] | None = None
    max_retries: int = 2
    api_key: SecretStr | None = None
    """Accepted for compatibility; nothing is called."""
    streaming: bool = False
    default_timezone: str = DEFAULT_TIMEZONE
    """Used when the system prompt carries no clock line."""

    @property
    def _llm_type(self) -> str:
        return "homer-offline"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"model_name": self.model_name}

    def _get_ls_params(self, stop: list[str] | None = None, **kwargs: Any) -> LangSmithParams:
        params = LangSmithParams(
            ls_provider="homer",
            ls_model_name=str(kwargs.get("model") or self.model_name),
            ls_model_type="chat",
        )
        if self.temperature is not None:
            params["ls_temperature"] = self.temperature
        if self.max_tokens is not None:
            params["ls_max_tokens"] = self.max_tokens
        if stop or self.stop:
            params["ls_stop"] = stop or self.stop
        return params

    def bind_tools(
        self,
        tools: Sequence[dict[str, Any] | type | Callable[..., Any] | BaseTool],
        *,
        tool_choice: str | None = None,
        **kwargs: Any,
    ) -> Runnable[LanguageModelInput, AIMessage]:
        """Bind tools; the model only ever calls tools bound here."""
        formatted = [convert_to_openai_tool(tool) for tool in tools]
        if tool_choice is not None:
            kwargs["tool_choice"] = tool_choice
        return self.bind(tools=formatted, **kwargs)

    # -- generation --------------------------------------------------------

    def _respond(self, messages: Sequence[BaseMessage], **kwargs: Any) -> AIMessage:
        view = _prompt_view(messages)
        tz = view.tz or self._zone()
        now = view.now or datetime.now(tz)
        view = replace(view, now=now, tz=tz, declined=_declined(messages, view))
        tools = _bound_tools(kwargs.get("tools") or [])
        trailing_tools = 0
        while trailing_tools < len(messages) and isinstance(
            messages[-1 - trailing_tools], ToolMessage
        ):
            trailing_tools += 1
        if trailing_tools:
            return AIMessage(content=self._after_tools(messages, trailing_tools, view))
        return self._after_human(messages, view, tools)

    def _zone(self) -> ZoneInfo:
        try:
            return ZoneInfo(self.default_timezone)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            return ZoneInfo("UTC")

    def _after_human(
        self,
        messages: Sequence[BaseMessage],
        view: PromptView,
        tools: Mapping[str, Mapping[str, Any]],
    ) -> AIMessage:
        humans = _human_texts(messages)
        text = humans[-1] if humans and isinstance(messages[-1], HumanMessage) else ""
        split: dict[str, object] = {}
        facts = view.facts
        pending = _missing(view)
        assert view.now is not None and view.tz is not None
        ignore = [name for name in (view.agent_name, view.development) if name]
        now, tz = view.now, view.tz
        known = [fact for fact in FACT_ORDER if getattr(facts, fact) is not None]
        # A run-on question's clauses marked as read ("... aí a casa de quatro quartos tem
        # escritório?"): the house type it names is asked about, not the lead's wish.
        found = extract_facts(
            marked(text), pending=pending, now=now, tz=tz, ignore=ignore, known=known
        )
        if isinstance(found.get("name"), str) and facts.name:
            # "Tais Moreira" then "escrevi errado, é Thaís": the first name respelled
            found["name"] = respelled_name(str(found["name"]), facts.name) or found["name"]
        if "name" not in found and facts.name:
            # "Rodrigo" then "Alves", "Jessica" then "jéssica souza": the saved name put right
            before = humans[-2] if len(humans) >= 2 else None
            put = name_put_right(before, text, facts.name, pending=pending, ignore=ignore)
            if put is not None:
                found["name"] = put
                place = found.get("neighborhood")
                if isinstance(place, str) and set(fold(place).lower().split()) <= set(
                    fold(put).lower().split()
                ):
                    # "Lúcia Gurgel, esqueci o sobrenome" asked where: the name, no place
                    del found["neighborhood"]
        if "name" not in found and "name" in view.declined and concedes(text):
            # "prefiro não dizer" then "tá bom, é Marcos": the name given in after all
            given = extract_facts(text, pending="name", now=now, tz=tz, ignore=ignore, known=known)
            if isinstance(given.get("name"), str):
                found["name"] = given["name"]
        confirmed = _confirmed_budget(messages, text)
        if confirmed is not None and "budget_brl" not in found:
            found["budget_brl"] = confirmed
        clarified = _clarified(messages, text)
        if clarified is not None and clarified[0] not in found:
            found[clarified[0]] = clarified[1]
        if len(humans) >= 2:
            # "vi q vcs tem casa no Cumbuco?" then "é lá mesmo q eu quero morar"; "tem de 2
            # quartos né?" then "quero de 2"
            for fact, value in taken_up(humans[-2], text, now=now, tz=tz, ignore=ignore).items():
                found.setdefault(fact, value)
            # "queria morar na cidade" then "dos funcionarios": one sentence in two
            # messages; the value read across the break is the whole one.
            split = split_facts(humans[-2], text, pending=pending, now=now, tz=tz, ignore=ignore)
            found.update(split)
        taken_back = None if found else _taken_back(messages, text)
        if taken_back is not None:  # "não, pode deixar como tava": the value before
            found[taken_back[0]] = taken_back[1]
        found.pop("call_at", None)
        call = None if garbled(text) else _call_request(messages, text, view, pending)
        if call is not None:
            found["call_at"] = call

        calls: list[ToolCall] = []
        for fact in FACT_ORDER:
            if fact not in found or _is_known(fact, found[fact], facts):
                continue
            tool = FACT_TOOLS[fact]
            if tool not in tools:
                continue
            calls.append(
                ToolCall(
                    name=tool,
                    args=_tool_args(fact, found[fact], tools[tool]),
                    id=_call_id(messages, fact),
                    type="tool_call",
                )
            )
        if NOTE_TOOL in tools:  # the broker's notes (homer_agent.ptbr.notes), each its own call
            calls += [_note_call(messages, note) for note in read_notes(text)]
        # "pode escolher", "pode marcar": about the slots offered, not the development
        about_slots = _slot_to_propose(text, messages, view) is not None or (
            accepts_proposal(text) and _proposed(messages, view) is not None
        )
        # The end of a sentence split over two messages ("dos funcionarios") asks nothing.
        if SEARCH_TOOL in tools and not about_slots and taken_back is None and not split:
            ask = _development_question(
                text,
                lambda clause: set(
                    extract_facts(clause, pending=pending, now=now, tz=tz, ignore=ignore)
                ),
                lambda clause: tells_theirs(clause, text, now=now, tz=tz),
            )
            if ask is not None:
                calls.append(
                    ToolCall(
                        name=SEARCH_TOOL,
                        args={"query": ask},
                        id=_call_id(messages, SEARCH_TOOL),
                        type="tool_call",
                    )
                )
        if calls:
            return AIMessage(content="", tool_calls=calls)
        return AIMessage(content=self._reply_without_facts(messages, text, view, bool(found)))

    def _reply_without_facts(
        self, messages: Sequence[BaseMessage], text: str, view: PromptView, repeated: bool
    ) -> str:
        variant = _ai_turns(messages)
        pending = _missing(view)
        slot = _slot_to_propose(text, messages, view)
        if slot is None:
            # "me liga às 17h30": the day is proposed; "qualquer dia serve" after a
            # proposal: the same one again, still booked only on a yes.
            slot = _hour_without_day(text, messages, view)
            if slot is None and delegates_choice(text):
                slot = _proposed(messages, view)
        if slot is not None:  # the lead leaves the choice to us: one slot, booked on a yes
            return say.propose_call(format_call_time(slot, tz=view.tz, now=view.now))
        if view.facts.call_at is not None and refuses_time(text):
            # "quinta não dá mais": a new time is asked for; the call stands until then
            return say.call_to_move(format_call_time(view.facts.call_at, tz=view.tz, now=view.now))
        # Once everything is known, a short reminder instead of the whole confirmation.
        next_step = _next_step(view, variant) if pending else _booked(view)
        hard = hard_times(text)
        if hard is not None:
            # "minha mãe faleceu mês passado": one fitting line, then the next question
            if variant > 0:
                return f"{say.HARD_TIMES[hard]} {next_step}"
            next_step = f"{say.HARD_TIMES[hard]} {next_step}"
        declined_now = declined_facts(text, _asked_in(_last_reply(messages)))
        declined_now = frozenset(declined_now & view.declined)
        if declined_now and variant > 0:
            # "prefiro não dizer quanto posso pagar": fine, and on to the next fact
            fact = next(f for f in FACT_ORDER if f in declined_now)
            return f"{say.FACT_DECLINED[fact]} {next_step}"
        # A story of the lead's own life ("meu marido adora piscina") asks nothing.
        answer = None if tells_own_life(text) else _answer(text, view)
        if answer:
            return f"{answer} {next_step}"
        if is_thanks(text):
            return say.you_are_welcome(next_step if pending else None)
        if takes_time(text):  # "tô só pesquisando": no fact, no question, not garbled
            return f"{say.NO_HURRY} {next_step}"
        if repeated:
            return f"{say.ALREADY_NOTED} {next_step}"
        place = place_or_name(text) if pending == "name" else None
        if place is not None:  # "Fátima": a name or the neighbourhood? Neither until asked.
            return say.name_or_place(place)
        if variant == 0 or is_greeting(text):
            name = _first_name(view.facts)
            if name and pending is None:
                return say.hello(name, next_step)
            if name:
                return say.hello(name, _next_step(view, variant, use_name=False))
            return say.greeting(view.agent_name, view.development, next_step)
        if pending is None:
            return f"{_confirmation(view)}"
        said = _said_about(pending, text)
        if said:
            return said
        if _asked_for(pending, _last_reply(messages)):
            return say.not_understood(HINT[pending])
        return next_step

    def _after_tools(self, messages: Sequence[BaseMessage], count: int, view: PromptView) -> str:
        results = [m for m in messages[len(messages) - count :] if isinstance(m, ToolMessage)]
        caller = messages[len(messages) - count - 1] if len(messages) > count else None
        names = {}
        if isinstance(caller, AIMessage):
            names = {call["id"]: call["name"] for call in caller.tool_calls}
        if {result.name or names.get(result.tool_call_id) for result in results} == {NOTE_TOOL}:
            # Notes only (homer_agent.ptbr.notes): the reply the message had without them.
            return self._reply_without_facts(messages, _human_texts(messages)[-1], view, False)
        saved: list[FactName] = []
        failed: list[tuple[FactName, str]] = []
        questions: list[str] = []
        searched: ToolMessage | None = None
        for result in results:
            tool = result.name or names.get(result.tool_call_id, "")
            if tool == SEARCH_TOOL:
                searched = result
            fact = _FACT_BY_TOOL.get(tool)
            if fact is None:
                continue
            refused = refusal(result)
            if refused is not None:
                questions.append(_explain_refusal(refused, view))
            elif result.status == "error":
                failed.append((fact, _text(result)))
            else:
                saved.append(fact)
        humans = _human_texts(messages)
        hard = hard_times(humans[-1]) if humans else None
        # "perdi meu emprego, mas ainda quero 2 quartos": the line before what was noted
        renamed = "name" in saved and _names_saved(messages) > 1
        sentences = [
            say.HARD_TIMES[hard] if hard else "",
            _acknowledge(saved, view, renamed=renamed),
        ]
        for fact, content in failed:
            sentences.append(_error_reason(fact, content))
        if questions:
            # One question at a time: what was refused is asked again before anything new.
            return " ".join([*(sentence for sentence in sentences if sentence), questions[0]])
        if searched is not None:
            said = humans[-1] if humans else ""
            if "name" in saved:
                said = without_name_echo(said)  # "sobrenome? Pacheco": our question echoed
            found = _from_documents(searched, said, view)
            # A statement that only names a topic ("tenho 300 mil de entrada e financio o
            # resto") gets the documents' sentences when they have some, and no "a broker
            # confirms" for a question nobody asked; nor does a message that gave the
            # name ("Beatriz Nogueira na vdd" names nobody's topic).
            terse = "name" not in saved and asks_tersely(said)
            if found != BROKER_CONFIRMS or _is_asked(said) or terse:
                sentences.append(found)
        elif humans and "?" in humans[-1]:
            answer = _answer(humans[-1], view)
            if answer:
                sentences.append(answer)
        variant = _ai_turns(messages)
        if failed:
            retry, content = min(failed, key=lambda item: FACT_ORDER.index(item[0]))
            # A refused call time already ends with its own question (the hour, a slot).
            if retry != "call_at" or CallOutcome.from_json(content) is None:
                sentences.append(HINT[retry])
        elif searched is not None and not saved and _missing(view) is None:
            sentences.append(_booked(view))
        else:
            pending = _missing(view)
            said_back = None
            if pending is not None and humans and not saved:
                said_back = _said_about(pending, humans[-1])
            sentences.append(said_back or _next_step(view, variant, use_name="name" not in saved))
        return " ".join(sentence for sentence in sentences if sentence)

    def _finish(
        self, message: AIMessage, messages: Sequence[BaseMessage], stop: list[str] | None
    ) -> AIMessage:
        content = _text(message)
        for marker in stop or self.stop or []:
            if marker and marker in content:
                content = content[: content.index(marker)]
        if self.max_tokens is not None and _count_tokens(content) > self.max_tokens:
            words = content.split()
            while words and _count_tokens(" ".join(words)) > self.max_tokens:
                words.pop()
            content = " ".join(words)
        prompt_tokens = sum(
            _count_tokens(_text(m))
            + (
                _count_tokens(json.dumps(m.tool_calls))
                if isinstance(m, AIMessage) and m.tool_calls
                else 0
            )
            + 3
            for m in messages
        )
        output_tokens = _count_tokens(content) + sum(
            _count_tokens(json.dumps(call)) for call in message.tool_calls
        )
        usage = UsageMetadata(
            input_tokens=prompt_tokens,
            output_tokens=output_tokens,
            total_tokens=prompt_tokens + output_tokens,
        )
        finish: Literal["tool_calls", "stop"] = "tool_calls" if message.tool_calls else "stop"
        return AIMessage(
            content=content,
            tool_calls=message.tool_calls,
            usage_metadata=usage,
            response_metadata={"model_name": self.model_name, "finish_reason": finish},
        )

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        message = self._finish(self._respond(messages, **kwargs), messages, stop)
        return ChatResult(generations=[ChatGeneration(message=message)])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        message = self._finish(self._respond(messages, **kwargs), messages, stop)
        content = _text(message)
        pieces = [piece for piece in re.split(r"(?<=\s)(?=\S)", content) if piece]
        for piece in pieces:
            chunk = ChatGenerationChunk(message=AIMessageChunk(content=piece))
            if run_manager:
                run_manager.on_llm_new_token(piece, chunk=chunk)
            yield chunk
        last = AIMessageChunk(
            content="",
            tool_call_chunks=[
                tool_call_chunk(
                    name=call["name"], args=json.dumps(call["args"]), id=call["id"], index=i
                )
                for i, call in enumerate(message.tool_calls)
            ],
            usage_metadata=message.usage_metadata,
            response_metadata=message.response_metadata,
            chunk_position="last",
        )
        final = ChatGenerationChunk(message=last)
        if run_manager:
            run_manager.on_llm_new_token("", chunk=final)
        yield final
