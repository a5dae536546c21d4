"""The generated set: thousands of seeded conversations through the offline model.

`tests/support/conversation_gen.py` composes the conversations; `offline_harness` runs
each one through `OfflineChatModel` with the tools' validations in memory (the graph and
Postgres path is the labelled and first-sight sets'). Scored per field (right / missed
/ wrong) and per reply (asks for a fact the lead already gave; drops a fact the message
gave). Seed A (`TUNING_SEED`) is the one rules were tuned on; seed B (`UNTOUCHED_SEED`)
is reported and never tuned on.

`uv run pytest tests/integration/test_generated_conversations.py -s` prints the tables of
seeds A and C (tuned on, never tuned on); seed B, read once, runs with
`HOMER_TEST_ALL_SEEDS=1` in the environment. It starts no server, but 2,000 conversations
a seed take a while: it lives in the integration layer so that `tests/unit` stays a quick
loop.

Scores (generator as committed; "before" = the code of commit c9f9c4a): seed A 82.0%
right, 278 wrong before, 100% / 0 wrong now; seed B 81.9% / 306 before, 8619/8620 / 0 now;
seed C (never tuned on) 81.9% / 312 before, 8651/8653 / 0 now. See the README table.
With the haggling conversations (2026-12-07, fifth session; seeds A and C tuned on): A
8561/8581, 13 wrong at their first run -> 8581/8581; C 8628/8644, 13 wrong -> 8644/8644
(docs/facts.md, "Hedges, negotiation, rescheduling in the generator").
With the "whose fact" stream (2026-12-08, ninth session, helper g1; first run on d7ebdac's
rules, nothing tuned): A 8487/8581, 65 missed, 29 wrong, 131 asking again, 91 drops, 19
broker lines; C 8530/8644, 62 missed, 53 wrong, 79 asking again, 104 drops, 21 broker
lines. Every miss, wrong fact and reply note is in a conversation of that stream.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from homer_agent.models.offline import OfflineChatModel
from homer_agent.ptbr.replies import BROKER_CONFIRMS
from homer_agent.ptbr.text import fold, format_brl
from tests.support.conversation_gen import NOW, ORDER, QUESTIONS, Conversation, generate
from tests.support.fact_scoring import asked_facts, same, score_fields
from tests.support.offline_harness import Run, bound_tools
from tests.support.seeds import reported_seed

TUNING_SEED = 20261206
SEEN_SEED = 7
"""Meant to stay untouched; its wrong facts were read once mid-session (two call times),
so it is reported but no longer counts as unseen."""
UNTOUCHED_SEED = 31337
SEED_D = 20261207
"""First run 2026-12-07 on the code of that session's end: 8671/8674, 1 wrong (a "não" of
the call time read as turning the bedrooms down), read and fixed, so reported only."""
SEED_E = 20261209
"""First run 2026-12-07 (second session) on fe7b72b, before that session's changes: 8620/8620,
0 wrong, 0 missed; no reply asks again or drops a fact (nothing to read)."""
SEED_F = 20261210
"""First run the same session on 3d23d16, after the 07i kinds: 8633/8633, 0 wrong, 0 missed."""
SEED_G = 20261211
"""First run the same session on 62e73af, after the 07j/07k kinds: 8573/8573, 0 wrong."""
SEED_H = 20261212
"""First run 2026-12-07 (third session) on b6f31ab, before that session's changes:
8636/8637, 0 wrong, 1 missed (a run-on "3 dormitórios prefiro Cocó de manhã não dá", whose
"não" turned the count down), read and fixed in 1d2592a."""
SEED_I = 20261213
"""First run the same session on 8a48107, its final language code: 8649/8649, 0 wrong, 0
missed; no reply asks again or drops a fact."""
SEED_J = 20261214
"""First run 2026-12-07 (fourth session) on bae108c, the first seed with dictated
conversations: 8634/8635, 1 wrong ("assim Edson aqui" saved "assim Edson"), 0 asking
again, 1 drop, 0 broker lines to statements; read and fixed the same hour."""
SEED_K = 20261215
"""First run the same session on 1a82013, its final language code but one fix: 8628/8629,
1 wrong ("é a Simone da imobiliária me passou seu contato" replaced the lead's name), 0
asking again, 0 drops, 0 broker lines to statements; read and fixed the same hour."""
SEED_L = 20261216
"""First run 2026-12-07 (fifth session) on 324e902, its final language code, the first seed
with haggling conversations: 8566/8569, 0 wrong, 3 missed (a budget before "se vender o
carro estico um pouco"), 6 replies asking again, 3 drops, 4 broker lines to statements
("de manhã não dá, mas segunda 17h pode"); not fixed yet."""
SEED_M = 20261217
"""First run 2026-12-07 (sixth session) on 723a38e, its final language code but the last
short round: 8595/8599, 0 wrong, 4 missed (3 budgets before "se vender o carro estico um
pouco" in run-on text, "entao tipo quem fala e o thiago"), 8 replies asking again, 4 drops,
5 broker lines to statements ("até 750, forçando uns 800 mil"); fixed the next session
(fx: 8599/8599, every reply measure 0)."""
SEED_N = 20261218
"""First run 2026-12-07 (seventh session) on bab994a, its final language code before the
held-out sets' fix round: 8560/8560, 0 wrong, 0 missed, 0 replies asking again, 0 drops, 0
silent saves, 0 broker lines to statements. The next untouched seed is 20261219."""
SEED_O = 20261219
"""First run 2026-12-08 (eighth session) on 7a2372c, its language code after the first
round and before the held-out sets' round: 8590/8592, 2 wrong ("quem fala e o rogerio entre
300 e 350 mil" saved "Rogerio Entre"; "uns 200 mil forcando 250" kept 200 mil), 0 asking
again, 2 drops, 0 silent saves, 0 broker lines to statements. The next untouched seed is
20261220."""
SEED_P = 20261220
"""First run 2026-12-08 (ninth session) on 75d50a8, with the "whose fact" stream, before the
last merge (questions only): 8588/8591, 1 wrong ("beto aqui pensei em 3 quartos... pensando
bem melhor 2 de preferencia no cambeba" kept 3), 2 missed (a count after "meu cunhado comprou
de 5 qtos pra mim 4 ta otimo" and the place after it), 3 replies asking again, 2 drops, 0
broker lines to statements. Not fixed yet. The next untouched seed is 20261221."""
COUNT = 2000


def _same(fact: str, got: Any, want: Any) -> bool:
    return got is not None and same(fact, got, want)


def run_set(seed: int, count: int = COUNT) -> tuple[Counter[str], list[str]]:
    model, tools = OfflineChatModel(), bound_tools()
    counts: Counter[str] = Counter()
    notes: list[str] = []
    for convo in generate(seed, count):
        run = Run(now=NOW)
        given: set[str] = set()
        for text, stated in zip(convo.messages, convo.stated, strict=True):
            reply = run.turn(text, model, tools)
            given |= set(stated)
            counts["replies"] += 1
            again = asked_facts(reply) & given
            if again:
                counts["asks known"] += 1
                notes.append(f"{convo.id} asks {sorted(again)} after {text!r}: {reply!r}")
            dropped = [f for f, v in stated.items() if not _same(f, run.facts.get(f), v)]
            if dropped:
                counts["drops given"] += 1
            if BROKER_CONFIRMS in reply and not _asks(text):
                counts["broker unasked"] += 1
                notes.append(f"{convo.id} broker line after {text!r}: {reply!r}")
            silent = [f for f, v in stated.items() if f not in dropped and not _echoed(f, v, reply)]
            if silent:
                counts["silent"] += 1
                notes.append(f"{convo.id} silent on {silent} after {text!r}: {reply!r}")
        _score(convo, run, counts, notes)
    return counts, notes


_ASKED = [fold(question).rstrip("?") for question in QUESTIONS]


def _asks(text: str) -> bool:
    """Whether a generated message holds one of the catalogue's questions (the only ones
    it asks), with or without its "?"."""
    return any(asked in fold(text) for asked in _ASKED)


def _echoed(fact: str, value: Any, reply: str) -> bool:
    """Whether the reply acknowledges a fact: its value, in the agent's words."""
    low = fold(reply)
    if fact == "name":
        return fold(str(value).split()[0]) in low
    if fact == "bedrooms":
        return f"{value} quarto" in low
    if fact == "neighborhood":
        return fold(str(value)) in low
    if fact == "budget_brl":
        return format_brl(int(value)) in reply
    return f"{value:%d/%m}" in reply


def _score(convo: Conversation, run: Run, counts: Counter[str], notes: list[str]) -> None:
    for note in score_fields(convo.expect, run.facts, counts):
        notes.append(f"{convo.id} {note} {convo.messages}")


def table(seed: int, counts: Counter[str]) -> str:
    given, replies = counts["given"], counts["replies"]
    per_fact = ", ".join(
        f"{f} {counts[f'given {f}'] - counts[f'missed {f}'] - counts[f'wrong {f}']}"
        f"/{counts[f'given {f}']}"
        for f in ORDER
    )
    return "\n".join(
        [
            f"seed {seed}: {COUNT} conversations, {given} fields ({per_fact})",
            f"| right | {counts['right']} ({counts['right'] / given:.1%}) |",
            f"| missed | {counts['missed']} ({counts['missed'] / given:.1%}) |",
            f"| wrong | {counts['wrong']} |",
            f"| replies | {replies} |",
            f"| asks for a fact already given | {counts['asks known']}"
            f" ({counts['asks known'] / replies:.1%}) |",
            f"| drops a fact the message gave | {counts['drops given']}"
            f" ({counts['drops given'] / replies:.1%}) |",
            f"| saves a fact without acknowledging it | {counts['silent']}"
            f" ({counts['silent'] / replies:.1%}) |",
            f"| a broker line to a message that asks nothing | {counts['broker unasked']}"
            f" ({counts['broker unasked'] / replies:.1%}) |",
        ]
    )


def test_the_generator_is_seeded_and_big() -> None:
    first, again = generate(UNTOUCHED_SEED, 50), generate(UNTOUCHED_SEED, 50)
    assert [c.messages for c in first] == [c.messages for c in again]
    assert [c.messages for c in first] != [c.messages for c in generate(TUNING_SEED, 50)]
    kinds = Counter(k for c in generate(TUNING_SEED, COUNT) for k in c.kinds)
    for kind in (
        "in_turn",
        "out_of_turn",
        "packed",
        "run_on",
        "corrected bedrooms",
        "corrected neighborhood",
        "corrected budget_brl",
        "distractor person",
        "distractor amount",
        "distractor schedule",
        "distractor place",
        "distractor question",
        "dictated",
    ):
        assert kinds[kind] >= 50, kind
    haggling = [c for c in generate(TUNING_SEED, COUNT) if any("haggle" in k for k in c.kinds)]
    assert len(haggling) >= 200
    for kind in (
        "haggle range",
        "haggle ceiling",
        "haggle stretch",
        "haggle condition",
        "haggle hypothetical",
        "haggle floor bedrooms",
        "haggle open bedrooms",
        "haggle rescheduled",
        "haggle news bedrooms",
        "haggle news budget",
    ):
        assert kinds[kind] >= 5, kind


@pytest.mark.parametrize(
    "seed",
    [
        pytest.param(TUNING_SEED, id="seed-A"),
        reported_seed(SEEN_SEED, id="seed-B"),
        pytest.param(UNTOUCHED_SEED, id="seed-C"),
        reported_seed(SEED_D, id="seed-D"),
        reported_seed(SEED_E, id="seed-E"),
        reported_seed(SEED_F, id="seed-F"),
        reported_seed(SEED_G, id="seed-G"),
        reported_seed(SEED_H, id="seed-H"),
        reported_seed(SEED_I, id="seed-I"),
        reported_seed(SEED_J, id="seed-J"),
        reported_seed(SEED_K, id="seed-K"),
        reported_seed(SEED_L, id="seed-L"),
        reported_seed(SEED_M, id="seed-M"),
        reported_seed(SEED_N, id="seed-N"),
        reported_seed(SEED_O, id="seed-O"),
        reported_seed(SEED_P, id="seed-P"),
    ],
)
def test_generated_set(seed: int) -> None:
    counts, notes = run_set(seed)
    print()
    print(table(seed, counts))
    wrong = [n for n in notes if " WRONG " in n]
    print("\n".join(wrong[:40]))
    assert counts["wrong"] == 0, "\n".join(wrong[:20])
    assert counts["right"] >= 0.97 * counts["given"]
    assert counts["asks known"] + counts["drops given"] <= 0.02 * counts["replies"]
    assert counts["broker unasked"] <= 0.005 * counts["replies"]
