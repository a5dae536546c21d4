"""First-sight sets: lead conversations written before the code that handles them.

Each tests/data/first_sight/facts_*.jsonl was written and committed before running it
(issue 21's discipline); its first score is recorded in the README. Every conversation
goes through the real graph (`Session`, offline model, real Postgres), like the labelled
set, and is scored per field (right / missed / wrong) and per reply (asks for a fact
already saved).

`uv run pytest tests/integration/test_first_sight_facts.py -s` prints the table.

First sight (before any fix), facts_2026-12-06: 83 fields, 72 right (86.7%), 8 missed,
3 wrong; 78 replies, 0 asking for a fact already saved. After the fixes of issue 21:
83/83 right, 0 wrong.

First sight, facts_2026-12-06c: 84 fields, 77 right (91.7%), 5 missed, 3 wrong. After the
candidates-and-policy rewrite of `ptbr/facts.py`: 83/84 right, 0 wrong (the miss asks
for a call at 19h, outside the bundled profile's call hours).

First sight, facts_2026-12-06d (written by someone who never read the code): 97 fields,
91 right (93.8%), 5 missed, 1 wrong ("Nome Cláudio"); 105 replies, 0 asking for a fact
already saved. After reading per clause (a "?" asks only in its own clause, "queria"
states a wish, the label "nome" is a cue, a routine clause leaves the accepted call
time): 97/97 right, 0 wrong.

First sight, facts_2026-12-07e (written by someone who never read the code): 92 fields,
86 right (93.5%), 5 missed, 1 wrong (the current home "moro na rua ..., na Jacarecanga,
mas quero me mudar pra Parquelândia" saved Jacarecanga); 97 replies, 0 asking for a fact
already saved. After general rules for each kind (the current home runs on over an
address, a wish after a contrast and a choice among named places win, "pode anotar X" and
"X, prazer" name the lead, a place that cannot be a name answers the name question, a
stated limit is no call time and one after "então" is): 92/92 right, 0 wrong.

First sight, facts_2026-12-07h: 89 fields, 81 right (91.0%), 4 missed, 4 wrong. After
"na vdd" as a correction cue, a bare count with a reason clause, no name from what is
left after a call time, "meu nome? X", a relative's preference taken up ("pode trocar"),
an hour alone joining the day the latest schedule_call result was agreeing (carried in
the prompt data past the window), names like "Fernando", "9 e meia": 87/89 right (97.8%),
0 wrong (fsh-05's hour after a refused one is proposed, not booked, when the day said
left the window and is tomorrow; fsh-15's "aqui é o Neto" is read as a relative).

First sight, facts_2026-12-08b (on c5afd5c): 86 fields, 82 right (95.3%), 4 missed, 0
wrong; facts_2026-12-08d: 91 fields, 87 right (95.6%), 3 missed, 1 wrong (a name the lead
corrected kept its first spelling); facts_2026-12-08e: 89 fields, 88 right (98.9%), 1
missed. After general rules for each kind (a saved name put right after a typing slip's
cue or "é X" after a correction, a run-on message's own search after an ad it saw, a
place named in a question chosen by pointing back at it in the next message, bedrooms
beside an area's "m²", in shorthand ("qrtos"), said to suit after a turned-down count,
after our question echoed, "msm"): 86/86, 91/91 and 89/89 right, 0 wrong.

First sight, facts_2026-12-08f (on 6e0d0e1): 88 fields, 84 right (95.5%), 2 missed, 2
wrong (a day turned down for another, "quarta tenho plantão. melhor quinta", then the hour
messages later joined the day turned down; the place of a home to sell replaced the
wanted town); a name signed under the message and bedrooms after a question missed.
After general rules (a routine's clause left out when another names the day; a home the
lead owns or sells is no wish; a name signed after a dash; a house type picked after "ah
entendi"): 88/88 right, 0 wrong.

First sight, facts_2026-12-08g (on 6e0d0e1): 85 fields, 80 right (94.1%), 1 missed, 4
wrong (a neighbourhood followed by its town saved the town: "no bairro Pajuçara, em
Maracanaú", "na Lagoinha, no Eusébio", "no Coaçu, no Eusébio"; a town named as the
workplace saved). After general rules (a place and the town it is in, either order,
listed or an unlisted capitalised name right beside the town; a bairro over a town's
border; where the lead came to work is no wish): 85/85 right, 0 wrong.

First sight, facts_2026-12-08a (on 723a38e): 96 fields, 93 right (96.9%), 2 missed, 1
wrong (the nickname everyone uses, "Francisca Lima, mas todo mundo me chama de Chica",
saved for the full name); a budget in capitals and a call time after Sunday refused
missed. facts_2026-12-08c (on 723a38e): 87 fields, 83 right (95.4%), 3 missed, 1 wrong
("Eng Luciano Cavalcante" saved as written); a place after the current rented one, a
place of three words and a Saturday call missed. After general rules (a nickname others
use gives way to the name given before it; an abbreviated place title, "eng", "jd",
"pq", expands when the expanded name is listed): 94/96 and 84/87 right, 0 wrong.

First sight, facts_2026-12-08j (on e6909b8): 94 fields, 92 right (97.9%), 2 missed, 0
wrong; facts_2026-12-08k: 93 fields, 82 right (88.2%), 9 missed, 2 wrong (suites plus a
room saved as the suites; a raised amount followed by its reason kept the old one). After
general rules (suites plus rooms summed, a room per child plus the couple's, a reason
clause after a lone amount, a figure the lead can reach, a money total, a topic left for
the broker's call is no hand-off, lower-case names with an adjective's ending): 92/94 and
88/93 right, 0 wrong (the misses: three calls on dates already past on the run's day,
and fsk-11's four facts).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from homer_agent.db.pool import open_pool
from tests.conftest import fresh_database
from tests.support.clock import NOW
from tests.support.fact_scoring import score_fields, score_reply, table
from tests.support.first_sight import first_sight_params
from tests.support.reliability_support import lead_row, row_reader
from tests.support.sessions import offline_agent

PENDING: dict[str, str] = {
    "facts_2026-12-08t": "first run 88/98, 2 wrong; now 96/98, 1: a place put right after a cue",
}
"""Sets whose first run found kinds not fixed yet (tests/support/first_sight.py)."""
SETS = sorted((Path(__file__).parents[2] / "tests" / "data" / "first_sight").glob("facts_*.jsonl"))
MIN_RIGHT_SHARE = 0.95


def _load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def database(server_url: str, template_url: str) -> Iterator[str]:
    with fresh_database(server_url, "homer_test_first_sight") as url:
        yield url


@pytest.mark.parametrize("path", first_sight_params(SETS, PENDING))
def test_first_sight_set(database: str, path: Path) -> None:
    counts: Counter[str] = Counter()
    notes: list[str] = []
    pool = open_pool(database, max_size=2)
    try:
        # The writers were told the conversations happen on NOW (Wednesday 25 November
        # 2026, 11:00): "dia 3" or "04/12" must not pass into the past as the real days go by.
        agent = offline_agent(pool, clock=lambda: NOW)
        with row_reader(database) as reader:
            for conversation in _load(path):
                key = f"{path.stem}-{conversation['id']}"
                session = agent.session(key)
                for message in conversation["messages"]:
                    reply = session.turn(message).reply
                    saved = lead_row(reader, key) or {}
                    notes += [
                        f"{conversation['id']}: {n}" for n in score_reply(reply, saved, counts)
                    ]
                session.close()
                row = lead_row(reader, key)
                assert row is not None
                notes += [
                    f"{conversation['id']}: {n}"
                    for n in score_fields(conversation["expect"], row, counts, NOW.date())
                ]
    finally:
        pool.close()
    print(f"\n{path.name}: {len(_load(path))} conversations")
    print(table(counts))
    print("\n".join(notes))
    assert counts["wrong"] == 0, notes
    assert counts["right"] >= MIN_RIGHT_SHARE * counts["given"], notes
