"""Stateless replicas: two `homer-agent serve` processes behind Debian's HAProxy, 50
concurrent conversations, one replica killed with SIGKILL mid-run while the clients retry
with the same message_id. Every fact lands, no message is processed twice, and every
acknowledged reply is the one stored.
"""

from __future__ import annotations

import random
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psycopg
import pytest
from langchain_core.messages import HumanMessage
from psycopg.rows import dict_row

from homer_agent.db.pool import open_pool
from homer_agent.history import conversation
from homer_agent.leads import querier
from tests.support.service_support import Server, start_haproxy, stop

pytestmark = pytest.mark.skipif(shutil.which("haproxy") is None, reason="haproxy not installed")

CONVERSATIONS = 50
KILL_AFTER_ACKS = 40
DEADLINE_SECONDS = 240
RETRYABLE = {409, 502, 503, 504}
NAMES = ["Ana", "Bruno", "Carla", "Diego", "Elisa", "Fábio", "Gabriela", "Hugo", "Iara", "João"]
PLACES = ["Cumbuco", "Aldeota", "Meireles"]


@dataclass
class Conversation:
    key: str
    name: str
    bedrooms: int
    place: str
    budget: int
    acked: dict[str, dict[str, object]] = field(default_factory=dict)
    retries: int = 0

    @property
    def messages(self) -> list[tuple[str, str]]:
        """(message_id, text) in order."""
        texts = [
            f"Oi, aqui é {self.name}",
            f"{self.bedrooms} quartos, no {self.place}, até {self.budget // 1000} mil",
            "Pode ser segunda-feira às 14:30",
        ]
        return [(f"{self.key}-m{i}", text) for i, text in enumerate(texts)]


@pytest.fixture(scope="module")
def replicas(
    module_db_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[list[Server]]:
    logs = tmp_path_factory.mktemp("replicas")
    env = {"DATABASE_URL": module_db_url, "HOMER_POOL_MAX_SIZE": "12"}
    one = Server(env, logs / "a.log")
    two = Server(env, logs / "b.log", "--workers", "2")  # --workers: one replica, two processes
    try:
        yield [one.wait_ready(), two.wait_ready()]
    finally:
        one.stop()
        two.stop()


def converse(base: str, conv: Conversation, acks: list[int], lock: threading.Lock) -> None:
    deadline = time.monotonic() + DEADLINE_SECONDS
    with httpx.Client(base_url=base, timeout=60) as client:
        for message_id, text in conv.messages:
            while True:
                assert time.monotonic() < deadline, f"{conv.key} stuck at {message_id}"
                try:
                    response = client.post(
                        f"/v1/sessions/{conv.key}/messages",
                        json={"text": text, "message_id": message_id},
                    )
                except httpx.TransportError:
                    response = None
                if response is not None and response.status_code == 200:
                    conv.acked[message_id] = response.json()
                    with lock:
                        acks[0] += 1
                    break
                assert response is None or response.status_code in RETRYABLE, response.text
                conv.retries += 1
                time.sleep(0.05 + random.random() * 0.1)


def test_replicas_behind_haproxy_survive_a_sigkill(
    replicas: list[Server], module_db_url: str, tmp_path: Path
) -> None:
    victim, survivor = replicas
    haproxy = start_haproxy([victim.port, survivor.port], tmp_path)
    rng = random.Random(15)
    conversations = [
        Conversation(
            key=f"+55859{i:08d}",
            name=rng.choice(NAMES),
            bedrooms=rng.choice([2, 3, 4]),
            place=rng.choice(PLACES),
            budget=rng.choice([450_000, 600_000, 850_000]),
        )
        for i in range(CONVERSATIONS)
    ]
    acks, lock = [0], threading.Lock()
    threads = [
        threading.Thread(target=converse, args=(haproxy.url, c, acks, lock), daemon=True)
        for c in conversations
    ]
    try:
        for thread in threads:
            thread.start()
        while acks[0] < KILL_AFTER_ACKS:
            time.sleep(0.01)
        victim.kill()
        acked_at_kill = acks[0]
        for thread in threads:
            thread.join(DEADLINE_SECONDS)
    finally:
        stop(haproxy.proc)
    total = CONVERSATIONS * 3
    retried = sum(c.retries for c in conversations)
    print(f"killed after {acked_at_kill} acks; {retried} retries; {acks[0]} acks in all")
    assert acked_at_kill < total, "the kill came after the run: it proved nothing"
    assert acks[0] == total, f"{acks[0]} of {total} messages acknowledged"

    pool = open_pool(module_db_url, max_size=2)
    try:
        for conv in conversations:
            with querier(pool) as q:
                lead = q.get_lead_by_session_key(session_key=conv.key)
            assert lead is not None
            # Every fact landed.
            assert (lead.name, lead.bedrooms, lead.neighborhood, lead.budget_brl) == (
                conv.name,
                conv.bedrooms,
                conv.place,
                conv.budget,
            ), conv.key
            assert lead.call_at is not None, conv.key
            # Each message processed once: once in the conversation, one turn, one receipt.
            said = [m.text for m in conversation(pool, lead) if isinstance(m, HumanMessage)]
            assert said == [text for _, text in conv.messages], conv.key
            with psycopg.connect(module_db_url, row_factory=dict_row) as conn:
                turns = conn.execute(
                    "SELECT count(*) AS n FROM turns WHERE lead_id = %s AND error IS NULL",
                    (lead.id,),
                ).fetchone()
                receipts = {
                    r["message_id"]: r["reply"]
                    for r in conn.execute(
                        "SELECT message_id, reply FROM message_receipts WHERE lead_id = %s",
                        (lead.id,),
                    )
                }
            assert turns is not None and turns["n"] == 3, conv.key
            # No acknowledged message lost: each reply given is the one stored.
            assert {m: body["reply"] for m, body in conv.acked.items()} == receipts, conv.key
    finally:
        pool.close()
    survivor_metrics = httpx.get(f"{survivor.url}/metrics", timeout=30).text
    assert "homer_http_requests_total" in survivor_metrics
