"""Scoring lead facts and replies: shared by the labelled, first-sight and generated sets.

A field is right (the expected value was saved), missed (nothing saved: the agent asks
again, cheap) or wrong (a value the lead did not give: never allowed). A reply is scored
for asking again for a fact already saved.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo

from homer_agent.ptbr.places import same_place
from homer_agent.ptbr.text import fold
from tests.integration.test_examples import expected_call
from tests.support.examples import expected_call_on

FACTS = ("name", "bedrooms", "neighborhood", "budget_brl", "call_at")
TZ = ZoneInfo("America/Fortaleza")

# What the offline model says when it asks for each fact (questions and hints).
_ASKS: Mapping[str, tuple[str, ...]] = {
    "name": ("como posso te chamar", "qual e o seu nome", "so o seu nome"),
    "bedrooms": ("quantos quartos voce", "de quantos quartos", "o numero de quartos?"),
    "neighborhood": ("qual bairro", "em qual bairro", "o nome do bairro"),
    "budget_brl": ("seu orcamento aproximado", "ate quanto voce pretende", "um valor aproximado"),
    "call_at": ("melhor dia e horario", "quando fica bom para um corretor", "o dia e o horario?"),
}


def same(fact: str, got: Any, want: Any, today: dt.date | None = None) -> bool:
    """Names compare without case or accents; places by their canonical form
    (`ptbr.places.same_place`: 'eusebio' is Eusébio, 'Bairro de Fátima' is Fátima); a call
    is an instant, or a labelled spec (weekday or date, and time) read against `today`
    (the real one unless given: a set run on a fixed clock gives its day)."""
    if fact == "call_at" and isinstance(want, dt.datetime):
        return bool(got == want)
    if fact == "call_at":
        local = got.astimezone(TZ)
        day = (local.date().isoformat(), local.strftime("%H:%M"))
        return day == (expected_call(want) if today is None else expected_call_on(want, today))
    if fact == "neighborhood":
        return same_place(str(got), str(want))
    if fact == "name":
        return fold(str(got)).strip() == fold(str(want)).strip()
    return bool(got == want)


def asked_facts(reply: str) -> set[str]:
    """The facts a reply asks the lead for."""
    low = fold(reply)
    return {fact for fact, cues in _ASKS.items() if any(cue in low for cue in cues)}


def score_fields(
    expect: Mapping[str, Any],
    row: Mapping[str, Any],
    counts: Counter[str],
    today: dt.date | None = None,
) -> list[str]:
    """Add one conversation's fields to `counts`; the lines describing each miss or wrong
    (calls read against `today`, as `same`)."""
    notes = []
    for fact in FACTS:
        want, got = expect.get(fact), row.get(fact)
        if want is None:
            counts["empty"] += 1
            if got is not None:
                counts["wrong"] += 1
                notes.append(f"WRONG {fact} = {got!r}, want nothing")
            continue
        counts["given"] += 1
        counts[f"given {fact}"] += 1
        if got is None:
            counts["missed"] += 1
            counts[f"missed {fact}"] += 1
            notes.append(f"missed {fact}, want {want!r}")
        elif same(fact, got, want, today):
            counts["right"] += 1
        else:
            counts["wrong"] += 1
            counts[f"wrong {fact}"] += 1
            notes.append(f"WRONG {fact} = {got!r}, want {want!r}")
    return notes


def score_reply(reply: str, saved: Mapping[str, Any], counts: Counter[str]) -> list[str]:
    """Count a reply, and one that asks for a fact already saved."""
    counts["replies"] += 1
    again = sorted(fact for fact in asked_facts(reply) if saved.get(fact) is not None)
    if again:
        counts["asks known"] += 1
        return [f"asks again for {', '.join(again)}: {reply!r}"]
    return []


def table(counts: Counter[str]) -> str:
    given = counts["given"] or 1
    replies = counts["replies"] or 1
    return "\n".join(
        [
            f"| fields given | {counts['given']} |",
            f"| right | {counts['right']} ({counts['right'] / given:.1%}) |",
            f"| missed | {counts['missed']} ({counts['missed'] / given:.1%}) |",
            f"| wrong | {counts['wrong']} |",
            f"| replies | {counts['replies']} |",
            f"| replies asking for a saved fact | {counts['asks known']}"
            f" ({counts['asks known'] / replies:.1%}) |",
        ]
    )
