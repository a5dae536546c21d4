"""Generated questions about the example development (tests/support/question_gen.py).

Seed 1 is the tuning seed. A seed is untouched until its first report; its misses are
then read, so it is no longer a fair test and the next seed takes its place. First
reports (answerable carried, broker, bare greetings): seed 2 491/500, 80/80, 2; seed 3
494/500, 77/80, 6; seed 4 491/500, 80/80, 3; seed 5 492/500, 80/80, 0; seed 6 493/500,
80/80, 0; seed 7 494/500, 80/80, 0 (the untouched one now, its misses never read;
500/500, 80/80, 0 after the fix of the 2026-12-06c first-sight set, made on seed 1);
seed 8 496/500, 80/80, 0 (2026-12-07, after the scored decision; its misses printed by
helpers since); seed 9 498/500, 80/80, 0 invented, 1 bare greeting (2026-12-07, second
session, on 676b801: "boa noiite a seguranca e 24h", a drawn-out greeting, read and fixed
in 8a1b618); seed 10 499/500, 80/80, 0, 0 (on 9a52c8b; run by default since, its one miss
printed); seed 11 497/500, 80/80, 0 invented, 1 bare greeting (2026-12-07, third session,
on 8a48107, that session's final language code: "eae só uma dúvida, se passsa busão na
frente", a letter typed three times hid the question; read and fixed by the rule on drawn
out letters in ptbr/questions.py). Seed 12, the first with dictated
questions (2026-12-07, fourth session, on bae108c): 481/500, 80/80, 0 invented, 3 bare
greetings (a yes/no question after "pergunto pq" or after a two-part story), not fixed;
it is no longer untouched (fixed since: 484/500, 0 greetings). Seed 13, first run on
1a82013, the session's final language code: 494/500, 80/80, 0 invented, 0 bare greetings;
its misses printed since. Seed 14, first run on 324e902: 493/500, 79/80, 0 invented, 2 bare
greetings. Re-read 2026-12-07 (sixth session, docs/knowledge-base.md): seed 12 484 → 494/500,
13 494 → 499/500, 14 493/500, 79/80, 2 greetings → 499/500, 80/80, 0; 9 and 10 (3 bare
greetings each on 2b157dd) → 498/500, 0 greetings; all 80/80, 0 invented. Seed 15, first
run on 723a38e (the sixth session's final language code but its last short round):
491/500, 80/80, 0 invented, 2 bare greetings (a dictated story, then a question with no
mark); read and fixed the same hour (495/500, 0 greetings). The next untouched seed is 16.
Each question is a new lead's first message to the offline model
(tests/support/kb_scoring.py). Done when, on
every seed: >= 90% of answerable questions carry the fact, every price and unknown
question gets the broker line, no invented figure, no bare greeting.

`uv run pytest tests/integration/test_kb_generated.py -s` prints the table (about 580
sessions per seed, under a minute each on the embedded server). The default run scores
the tuning seed and the untouched one ("tune on one seed, report another"); the seeds
read after their first report run with `HOMER_TEST_ALL_SEEDS=1` in the environment.
"""

from __future__ import annotations

import os

import pytest

from homer_agent.db.pool import Pool
from tests.support.kb_scoring import score
from tests.support.question_gen import generate
from tests.support.seeds import reported_seed

SEEDS = {
    "tuning seed 1": 1,
    "seed 2 (read after its first report)": 2,
    "seed 3 (read after its first report)": 3,
    "seed 4 (read after its first report)": 4,
    "seed 5 (read after its first report)": 5,
    "seed 6 (read after its first report)": 6,
    "seed 7 (read after its first report)": 7,
    "seed 8 (read after its first report)": 8,
    "seed 9 (read after its first report)": 9,
    "seed 10 (read after its first report)": 10,
    "seed 11 (read after its first report, fixed)": 11,
    "seed 12 (read after its first report)": 12,
    "seed 13 (read after its first report)": 13,
    "seed 14 (read after its first report)": 14,
    "seed 15 (read after its first report, fixed)": 15,
    "seed 16 (read after its first report)": 16,
    "seed 21 (read after its first report)": 21,
    "seed 22 (read after its first report)": 22,
}
IN_EVERY_RUN = ("tuning seed 1", "seed 11 (read after its first report, fixed)")


@pytest.mark.parametrize(
    "label", [label if label in IN_EVERY_RUN else reported_seed(label) for label in SEEDS]
)
def test_generated_questions(pool: Pool, label: str) -> None:
    questions = generate(SEEDS[label])
    assert sum("fact" in q for q in questions) >= 500
    shown = int(os.environ.get("HOMER_KB_SHOW_MISSES", "15"))
    result = score(pool, questions, f"gen-{SEEDS[label]}")
    result.check(f"generated, {label}", carried=0.9, shown=shown)
