"""The labelled set: conversations with the facts a lead gave, and those that must stay empty.

Each line of tests/data/facts_labelled.jsonl is one conversation: its messages, and
`expect`, the lead row it must leave. A fact missing from `expect` must stay empty; a
conversation marked `trap` is built around a message that tempts a wrong fact (income
read as budget, where the lead lives, a child's name, a title, random bytes, ...).

Every conversation runs through the real graph (`Session`, offline model, real Postgres),
and each of the five facts is scored:

- right: the expected value was saved;
- missed: a value was expected and nothing was saved (the agent asks again: cheap);
- wrong: a value was saved that the lead did not give (a lost sale: never allowed).

`uv run pytest tests/integration/test_labelled_facts.py -s` prints the table kept in
docs/facts.md.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from homer_agent.db.pool import open_pool
from tests.integration.test_examples import expected_call
from tests.support.paths import DATA
from tests.support.reliability_support import lead_row, row_reader
from tests.support.sessions import offline_agent

LABELLED = DATA / "facts_labelled.jsonl"
FACTS = ("name", "bedrooms", "neighborhood", "budget_brl", "call_at")
TZ = ZoneInfo("America/Fortaleza")
MIN_RIGHT_SHARE = 0.97


def load() -> list[dict[str, Any]]:
    return [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines()]


def same(fact: str, got: Any, want: Any) -> bool:
    if fact != "call_at":
        return bool(got == want)
    local = got.astimezone(TZ)
    return (local.date().isoformat(), local.strftime("%H:%M")) == expected_call(want)


@pytest.fixture(scope="module")
def outcomes(module_db_url: str) -> Iterator[list[tuple[dict[str, Any], dict]]]:
    """Every conversation through the graph on a database of this module's own."""
    url = module_db_url
    pool = open_pool(url, max_size=2)
    try:
        results = []
        agent = offline_agent(pool)
        with row_reader(url) as reader:
            for conversation in load():
                key = f"labelled-{conversation['id']}"
                session = agent.session(key)
                for message in conversation["messages"]:
                    session.turn(message)
                session.close()
                row = lead_row(reader, key)
                assert row is not None
                results.append((conversation, row))
        yield results
    finally:
        pool.close()


def score(outcomes: list[tuple[dict[str, Any], dict]]) -> tuple[Counter[str], list[str]]:
    counts: Counter[str] = Counter()
    wrong: list[str] = []
    for conversation, row in outcomes:
        kind = "trap" if conversation.get("trap") else "plain"
        for fact in FACTS:
            want, got = conversation["expect"].get(fact), row[fact]
            if want is None:
                counts[f"{kind} empty"] += 1
                counts[f"{kind} kept empty" if got is None else f"{kind} wrong"] += 1
            else:
                counts[f"{kind} given"] += 1
                if got is None:
                    counts[f"{kind} missed"] += 1
                elif same(fact, got, want):
                    counts[f"{kind} right"] += 1
                else:
                    counts[f"{kind} wrong"] += 1
            if got is not None and (want is None or not same(fact, got, want)):
                wrong.append(f"{conversation['id']}: {fact} = {got!r}, want {want!r}")
            elif got is None and want is not None:
                print(f"missed {conversation['id']}: {fact}, want {want!r}")
    return counts, wrong


def test_the_set_is_big_enough_with_a_third_of_traps() -> None:
    conversations = load()
    assert len(conversations) >= 150
    assert sum(1 for c in conversations if c.get("trap")) * 3 >= len(conversations)
    assert len({c["id"] for c in conversations}) == len(conversations)
    for conversation in conversations:
        assert set(conversation["expect"]) <= set(FACTS), conversation["id"]


def test_no_wrong_fact_and_almost_every_fact_right(
    outcomes: list[tuple[dict[str, Any], dict]],
) -> None:
    counts, wrong = score(outcomes)
    given = counts["plain given"] + counts["trap given"]
    right = counts["plain right"] + counts["trap right"]
    missed = counts["plain missed"] + counts["trap missed"]
    empty = counts["plain empty"] + counts["trap empty"]
    kept = counts["plain kept empty"] + counts["trap kept empty"]
    traps = sum(1 for conversation, _ in outcomes if conversation.get("trap"))
    print()
    print(f"| conversations | {len(outcomes)} ({traps} traps) |")
    print(f"| facts given | {given} |")
    print(f"| right | {right} ({right / given:.1%}) |")
    print(f"| missed | {missed} ({missed / given:.1%}) |")
    print(f"| wrong | {len(wrong)} |")
    print(f"| must stay empty, kept empty | {kept} of {empty} |")
    assert wrong == [], "\n".join(wrong)
    assert right / given >= MIN_RIGHT_SHARE, f"{right}/{given}; missed {missed}"


def test_expected_call_reads_weekdays_from_today() -> None:
    # The labelled calls name weekdays; they resolve like run-examples' specs do.
    day, time = expected_call({"weekday": 0, "time": "14:30"})
    assert dt.date.fromisoformat(day).weekday() == 0 and time == "14:30"
