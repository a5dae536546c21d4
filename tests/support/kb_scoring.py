"""Scoring questions about the example development through the offline model.

Shared by the labelled set, the first-sight sets and the question generator: each
question is asked as the first message of a new session on the real PostgreSQL, with
the documents of tests/data/kb indexed, and its reply is scored:

- carried: an answerable question's reply contains the labelled fact;
- brokered: a price or unknown question's reply contains "corretor confirma";
- invented: the reply has a number that neither the documents, the profile nor the
  question contain (`invented`); the date and hours of the agent's own sentence about
  booking the call are no figure about the development when the lead's message speaks of
  the call ("o corretor vai me ligar amanhã": "Que horas fica bom na segunda-feira,
  07/12?"), and count as invented when it does not (call slots offered for a visit);
- bare greeting: the reply is the greeting a plain "Oi" gets (the question dropped).
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from psycopg import Connection
from psycopg.rows import DictRow

from homer_agent.db.pool import Pool
from homer_agent.db.queries import Querier
from homer_agent.kb import Lookup, index_folder, lookup
from homer_agent.models.offline import OfflineChatModel
from homer_agent.ptbr.text import fold
from homer_agent.session import TurnResult
from tests.support.sessions import offline_agent, session_for

ROOT = Path(__file__).resolve().parents[2]
KB = ROOT / "tests" / "data" / "kb"
PROFILE = ROOT / "src" / "homer_agent" / "profiles" / "vila_carnauba.toml"
BROKER = "corretor confirma"


def numbers(text: str) -> set[str]:
    return set(re.findall(r"\d+", text))


SCHEDULING = re.compile(
    r"que horas fica bom|horarios livres|posso agendar|posso marcar|ligacao agendada"
    r"|corretores ligam|ligacao com o corretor esta marcada|que (?:outro )?dia e hora"
)
"""The agent's sentences about booking the call (`ptbr/replies.py`): their figures are
the clock's dates and the call hours."""
CALL = re.compile(r"\b(?:lig(?:a|ar|ue|uem|am|acao|acoes)|telefon[a-z]*)\b")
"""Words of a message that speaks of the call ("vai me ligar", "na ligação")."""


def invented(question: str, reply: str, allowed: Set[str]) -> set[str]:
    """The reply's figures that neither the documents and profile (`allowed`) nor the
    question contain. When the question speaks of the call, the figures of the agent's
    sentences booking it are left out: a date and an hour asked or offered for the call
    the lead mentioned say nothing about the development. Otherwise they count: slots
    offered to a lead who asked something else are a wrong reply."""
    counted = reply
    if CALL.search(fold(question)):
        sentences = re.split(r"(?<=[.?!])\s+", reply)
        counted = " ".join(s for s in sentences if not SCHEDULING.search(fold(s)))
    return numbers(counted) - allowed - numbers(question)


@cache
def allowed_numbers() -> frozenset[str]:
    """The figures the profile and the documents hold (read once)."""
    allowed = numbers(PROFILE.read_text(encoding="utf-8"))
    for path in KB.glob("0*.md"):
        allowed |= numbers(path.read_text(encoding="utf-8"))
    return frozenset(allowed)


@dataclass
class Score:
    answerable: int = 0
    carried: int = 0
    refused: int = 0
    brokered: int = 0
    invented: list[tuple[str, str]] = field(default_factory=list)
    greeted: list[str] = field(default_factory=list)
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    """(question, expected fact or 'broker', reply) for every miss."""

    def line(self, label: str) -> str:
        def share(part: int, whole: int) -> str:
            return f"{part}/{whole} ({100 * part / max(whole, 1):.1f}%)"

        return (
            f"| {label} | {share(self.carried, self.answerable)} "
            f"| {share(self.brokered, self.refused)} | {len(self.invented)} "
            f"| {len(self.greeted)} |"
        )

    def check(self, label: str, carried: float, shown: int | None = None) -> None:
        """Print the score's table row and its misses (the first `shown`), then require no
        invented figure, no bare greeting, the broker line for every price or unknown
        question, and the fact in at least the share `carried` of the answerable ones."""
        print()
        print(HEADER)
        print(self.line(label))
        for question, want, reply in self.misses[:shown]:
            print(f"  miss: {question!r} wants {want!r} -> {reply!r}")
        assert self.invented == []
        assert self.greeted == []
        assert self.brokered == self.refused
        assert self.carried >= carried * self.answerable


HEADER = (
    "| set | answerable: reply carries the fact | price/unknown: broker line "
    "| invented figures | bare greeting |\n|---|---|---|---|---|"
)


def index_documents(pool: Pool) -> None:
    with pool.connection() as conn:
        index_folder(conn, KB)


TOPICS = ("preços das casas", "tabelas de pagamento")
"""The bundled profile's topics left to a broker, as the tests pass them to `lookup`."""


def answers(
    conn: Connection[DictRow], question: str, fact: str, *, figures: bool = False
) -> Lookup:
    """`lookup` answers `question` from the documents (`kb_answered`) with a sentence that
    carries `fact`; with `figures`, its sentences have no figure but the documents', the
    profile's (`allowed_numbers`) and the question's own."""
    found = lookup(conn, question, broker_topics=TOPICS)
    assert found.code == "kb_answered", (question, found.reason)
    assert any(fact in sentence for sentence in found.sentences), (question, found.sentences)
    if figures:
        said = numbers(" ".join(found.sentences))
        assert said <= allowed_numbers() | numbers(question), (question, found.sentences)
    return found


def brokers(conn: Connection[DictRow], question: str, code: str | None = None) -> Lookup:
    """`lookup` leaves `question` to a broker (with the reason `code`, when given)."""
    found = lookup(conn, question, broker_topics=TOPICS)
    assert found.verdict == "broker", (question, found.sentences)
    if code is not None:
        assert found.code == code, (question, found.reason)
    return found


def first_message(pool: Pool, key: str, message: str, fact: str, reason: str) -> TurnResult:
    """`message` as the first message of a new session `key` on the offline model and the
    example development's documents: its reply carries `fact`, invents no figure, and the
    turn records `reason` (`kb_answered`, `kb_no_passage`, `price_to_broker`, ...)."""
    index_documents(pool)
    session = session_for(pool, key, OfflineChatModel(), "offline")
    turn = session.turn(message)
    assert turn.error is None
    assert fact in turn.reply, turn.reply
    assert not invented(message, turn.reply, allowed_numbers()), turn.reply
    with pool.connection() as conn:
        turns = Querier(conn).list_turns(lead_id=session.lead.id)
    assert [t.kb_reason for t in turns] == [reason], turn.reply
    return turn


def score(pool: Pool, questions: Sequence[dict[str, Any]], key: str) -> Score:
    """Ask every question as the first message of its own session and score the replies."""
    index_documents(pool)
    agent = offline_agent(pool)
    greeting = agent.session(f"{key}-greeting").turn("Oi").reply
    allowed = allowed_numbers()
    result = Score()
    for n, item in enumerate(questions):
        question = str(item["q"])
        session = agent.session(f"{key}-{n}")
        turn = session.turn(question)
        assert turn.error is None, question
        reply = turn.reply
        extra = invented(question, reply, allowed)
        if extra:
            result.invented.append((question, reply))
        if reply == greeting:
            result.greeted.append(question)
        # A price or unknown question has no "fact", or "fact": "broker".
        if item.get("fact") not in (None, "broker"):
            result.answerable += 1
            if str(item["fact"]).lower() in reply.lower():
                result.carried += 1
            else:
                result.misses.append((question, str(item["fact"]), reply))
        else:
            result.refused += 1
            if BROKER in reply and not extra:
                result.brokered += 1
            else:
                result.misses.append((question, "broker", reply))
    return result
