"""The generator's fourth stream ("whose fact, and a word said again"): seeded, of its
own, and leaving every other conversation of a seed as it was (tests/support/
conversation_gen.py)."""

from __future__ import annotations

from collections import Counter

from tests.support.conversation_gen import generate

SEED = 20261206


def _whose(convo: object) -> bool:
    return any(k.startswith("whose ") for k in convo.kinds)  # type: ignore[attr-defined]


def test_the_whose_stream_is_deterministic() -> None:
    first, again = generate(SEED, 300), generate(SEED, 300)
    assert [(c.id, c.messages, c.stated, c.expect) for c in first] == [
        (c.id, c.messages, c.stated, c.expect) for c in again
    ]


def test_other_conversations_are_unchanged_without_the_stream() -> None:
    with_it, without = generate(SEED, 2000), generate(SEED, 2000, whose=False)
    assert len(with_it) == len(without)
    others = [(a, b) for a, b in zip(with_it, without, strict=True) if not _whose(a)]
    assert len(others) > 1600
    for a, b in others:
        assert (a.id, a.messages, a.stated, a.expect) == (b.id, b.messages, b.stated, b.expect)
    assert not any(_whose(c) for c in without)


def test_about_one_in_eight_with_every_kind() -> None:
    convos = generate(SEED, 2000)
    whose = [c for c in convos if _whose(c)]
    assert 150 <= len(whose) <= 350
    kinds = Counter(k for c in whose for k in c.kinds)
    for kind in (
        "whose other home",
        "whose mind bedrooms",
        "whose mind later",
        "whose mind place",
        "whose parents place",
        "whose parents budget",
        "whose parents income",
        "whose other availability",
        "whose other availability only",
        "whose name twice",
        "whose name later",
        "whose date in words",
    ):
        assert kinds[kind] >= 5, kind


def test_expectations_follow_whose_the_fact_is() -> None:
    for convo in generate(SEED, 2000):
        if "whose other availability only" in convo.kinds:
            assert "call_at" not in convo.expect
        if {"whose name twice", "whose name later"} & convo.kinds:
            assert len(convo.expect["name"].split()) >= 2
        if "whose date in words" in convo.kinds and "haggle rescheduled" not in convo.kinds:
            call = convo.expect["call_at"]
            assert call.weekday() < 5 and 9 <= call.hour <= 17 and call.month == 12
        # every message says at most what the expectation ends on, or an earlier value
        assert len(convo.messages) == len(convo.stated)
