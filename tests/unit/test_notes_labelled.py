"""The labelled notes: every conversation of tests/data/notes_labelled.jsonl through the
pure reader (`homer_agent.ptbr.notes`), scored note by note.

- right: an expected note was read;
- missed: an expected note was not read (the broker asks: cheap);
- wrong: a note was read that the lead did not give (never allowed).

`uv run pytest tests/unit/test_notes_labelled.py -s` prints the numbers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from homer_agent.ptbr.notes import CATEGORIES, Note, read_conversation, read_notes

LABELLED = Path(__file__).parents[2] / "tests" / "data" / "notes_labelled.jsonl"
MIN_RECALL = 0.9


def load() -> list[dict[str, Any]]:
    return [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines()]


def score() -> tuple[int, list[tuple[str, Note]], list[tuple[str, Note]]]:
    right = 0
    missed: list[tuple[str, Note]] = []
    wrong: list[tuple[str, Note]] = []
    for conversation in load():
        expected = {Note(item["category"], item["text"]) for item in conversation["expect"]}
        got = read_conversation(conversation["messages"])
        assert len(got) == len(set(got)), conversation["id"]
        right += len(expected & set(got))
        missed += [(conversation["id"], note) for note in expected - set(got)]
        wrong += [(conversation["id"], note) for note in set(got) - expected]
    return right, missed, wrong


def test_the_set_is_big_enough_and_has_traps() -> None:
    conversations = load()
    assert len(conversations) >= 60
    traps = {c.get("trap") for c in conversations} - {None}
    assert {"negation", "other", "hypothetical", "question", "joke"} <= traps
    for conversation in conversations:
        for item in conversation["expect"]:
            assert item["category"] in CATEGORIES


def test_no_wrong_notes_and_recall_printed() -> None:
    right, missed, wrong = score()
    expected = right + len(missed)
    print(
        f"\nnotes: right {right} / missed {len(missed)} / wrong {len(wrong)}"
        f" · recall {right / expected:.3f}"
    )
    for where, note in missed:
        print(f"  missed {where}: {note.category} {note.text!r}")
    for where, note in wrong:
        print(f"  WRONG  {where}: {note.category} {note.text!r}")
    assert wrong == []
    assert right / expected >= MIN_RECALL


def test_the_same_note_twice_is_one_note() -> None:
    assert read_notes("tenho 2 filhos, isso, dois filhos") == [Note("family", "2 filhos")]
    assert read_conversation(["quero suíte", "com suíte"]) == [Note("preference", "quer suíte")]


def test_a_question_about_pets_is_no_pet() -> None:
    assert read_notes("Aceita pet?") == [Note("question", "perguntou sobre pets")]
    assert read_notes("aceita cachorro? tenho um") == [Note("question", "perguntou sobre pets")]
