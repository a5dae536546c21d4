"""The WhatsApp Cloud API channel of `homer-agent serve`, against a local fake Graph API.

Webhooks are signed like Meta signs them (X-Hub-Signature-256 over the raw body); the
fake Graph API records each reply the service posts and answers scripted statuses.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator

import httpx
import psycopg
import pytest

from homer_agent.service.whatsapp import ONLY_TEXT_REPLY
from tests.support.service_support import (
    GRAPH_TOKEN,
    PHONE_NUMBER_ID,
    SECRET,
    VERIFY_TOKEN,
    FakeGraph,
    Server,
    post_unending_chunks,
    sign,
    text_message,
    webhook,
)


@pytest.fixture(scope="module")
def graph() -> Iterator[FakeGraph]:
    fake = FakeGraph()
    yield fake
    fake.close()


@pytest.fixture(scope="module")
def service(
    module_db_url: str, graph: FakeGraph, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    env = {
        "DATABASE_URL": module_db_url,
        "HOMER_WHATSAPP_VERIFY_TOKEN": VERIFY_TOKEN,
        "HOMER_WHATSAPP_APP_SECRET": SECRET,
        "HOMER_WHATSAPP_TOKEN": GRAPH_TOKEN,
        "HOMER_WHATSAPP_API_URL": graph.url + "/v21.0",
    }
    with Server(env, tmp_path_factory.mktemp("wa") / "serve.log") as server:
        yield server


def deliver(server: Server, body: bytes, signature: str | None = "sign") -> httpx.Response:
    headers = {"Content-Type": "application/json"}
    if signature is not None:
        headers["X-Hub-Signature-256"] = sign(body) if signature == "sign" else signature
    return httpx.post(f"{server.url}/webhooks/whatsapp", content=body, headers=headers, timeout=30)


def wa_id() -> str:
    return f"5585{uuid.uuid4().int % 10**9:09d}"


def replies_to(graph: FakeGraph, to: str) -> list[str]:
    return [r.body["text"]["body"] for r in graph.requests if r.body.get("to") == to]


def wait_replies(graph: FakeGraph, to: str, count: int, timeout: float = 60) -> list[str]:
    deadline = time.monotonic() + timeout
    while len(replies_to(graph, to)) < count:
        assert time.monotonic() < deadline, f"{replies_to(graph, to)} after {timeout} s"
        time.sleep(0.05)
    return replies_to(graph, to)


def turns_of(db_url: str, key: str) -> int:
    with psycopg.connect(db_url) as conn:
        row = conn.execute(
            "SELECT count(t.id) FROM leads l LEFT JOIN turns t ON t.lead_id = l.id"
            " WHERE l.session_key = %s",
            (key,),
        ).fetchone()
    return int(row[0]) if row else 0


def test_the_verification_handshake_echoes_the_challenge(service: Server) -> None:
    url = f"{service.url}/webhooks/whatsapp"
    ok = httpx.get(
        url,
        params={"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "42x"},
        timeout=30,
    )
    assert ok.status_code == 200 and ok.text == "42x"
    wrong = httpx.get(
        url,
        params={"hub.mode": "subscribe", "hub.verify_token": "nope", "hub.challenge": "42x"},
        timeout=30,
    )
    assert wrong.status_code == 403 and "42x" not in wrong.text


def test_a_text_message_is_answered_through_the_graph_api(
    service: Server, graph: FakeGraph, module_db_url: str
) -> None:
    sender = wa_id()
    response = deliver(service, webhook(text_message(sender, "wamid.A1", "Oi, aqui é a Júlia")))
    assert response.status_code == 200
    [reply] = wait_replies(graph, sender, 1)
    assert "Júlia" in reply
    sent = next(r for r in graph.requests if r.body.get("to") == sender)
    assert sent.path == f"/v21.0/{PHONE_NUMBER_ID}/messages"
    assert sent.headers["authorization"] == f"Bearer {GRAPH_TOKEN}"
    assert sent.body == {
        "messaging_product": "whatsapp",
        "to": sender,
        "type": "text",
        "text": {"body": reply},
    }
    # The wa_id is the session key: the lead's facts are there for the next turn.
    lead = httpx.get(f"{service.url}/v1/leads/{sender}", timeout=30).json()
    assert lead["name"] == "Júlia"


def test_a_retried_webhook_is_processed_once(
    service: Server, graph: FakeGraph, module_db_url: str
) -> None:
    sender = wa_id()
    body = webhook(text_message(sender, "wamid.R1", "Oi, sou o Marcos"))
    assert deliver(service, body).status_code == 200
    wait_replies(graph, sender, 1)
    for _ in range(2):  # Meta retries deliveries it thinks failed
        assert deliver(service, body).status_code == 200
    # The next message is answered after the retries were handled: one reply to each.
    nxt = webhook(text_message(sender, "wamid.R2", "3 quartos"))
    assert deliver(service, nxt).status_code == 200
    replies = wait_replies(graph, sender, 2)
    time.sleep(0.5)
    assert len(replies_to(graph, sender)) == 2, replies
    assert turns_of(module_db_url, sender) == 2


def test_a_bad_or_missing_signature_is_401_and_nothing_runs(
    service: Server, graph: FakeGraph, module_db_url: str
) -> None:
    sender = wa_id()
    body = webhook(text_message(sender, "wamid.S1", "Oi, sou o Intruso"))
    forged = body.replace(b"Intruso", b"Hacker")
    cases: list[tuple[bytes, str | None]] = [
        (body, None),
        (body, "sha256=" + "0" * 64),
        (body, sign(body, "another-secret")),
        (forged, sign(body)),
    ]
    for payload, signature in cases:
        response = deliver(service, payload, signature)
        assert response.status_code == 401, response.text
        assert "X-Hub-Signature-256" in response.json()["error"]
    time.sleep(0.5)
    assert replies_to(graph, sender) == []
    assert httpx.get(f"{service.url}/v1/leads/{sender}", timeout=30).status_code == 404


def test_status_callbacks_are_ignored_and_media_gets_a_polite_reply(
    service: Server, graph: FakeGraph
) -> None:
    sender = wa_id()
    statuses = [{"id": "wamid.X", "status": "delivered", "recipient_id": sender}]
    response = deliver(service, webhook(statuses=statuses))
    assert response.status_code == 200 and response.json()["messages"] == 0
    image = {
        "from": sender,
        "id": "wamid.IMG1",
        "timestamp": "1",
        "type": "image",
        "image": {"id": "media-1", "mime_type": "image/jpeg"},
    }
    body = webhook(image)
    assert deliver(service, body).status_code == 200
    assert wait_replies(graph, sender, 1) == [ONLY_TEXT_REPLY]
    assert deliver(service, body).status_code == 200  # retried: not answered twice
    time.sleep(0.5)
    assert replies_to(graph, sender) == [ONLY_TEXT_REPLY]


def test_replies_are_retried_on_429_and_5xx(service: Server, graph: FakeGraph) -> None:
    sender = wa_id()
    before = len(graph.requests)
    graph.statuses.extend([429, 503, 500])
    assert deliver(service, webhook(text_message(sender, "wamid.T1", "Oi"))).status_code == 200
    attempts = graph.wait_for(before + 4)[before:]
    assert [r.body["to"] for r in attempts] == [sender] * 4
    assert len({json.dumps(r.body, sort_keys=True) for r in attempts}) == 1


def test_a_webhook_body_over_a_megabyte_is_refused_before_it_ends(service: Server) -> None:
    status = post_unending_chunks(
        service.url,
        "/webhooks/whatsapp",
        {"X-Hub-Signature-256": "sha256=00"},
        b"{" * 65536,
        chunks=20,
    )
    assert status.startswith("HTTP/1.1 413"), status


def test_a_body_that_is_not_json_is_400_once_signed(service: Server) -> None:
    body = b"{not json"
    response = deliver(service, body)
    assert response.status_code == 400


def test_a_deeply_nested_body_is_400_and_the_connection_keeps_serving(service: Server) -> None:
    """json.loads raises RecursionError (not ValueError) past ~1000 levels: a 400, no trace."""
    body = b'{"entry": ' + b"[" * 50_000 + b"]" * 50_000 + b"}"
    with httpx.Client(timeout=30) as client:  # one kept-alive connection
        headers = {"Content-Type": "application/json", "X-Hub-Signature-256": sign(body)}
        response = client.post(f"{service.url}/webhooks/whatsapp", content=body, headers=headers)
        assert response.status_code == 400, response.text
        assert "JSON" in response.json()["error"]
        assert client.get(f"{service.url}/healthz").status_code == 200
    assert "Traceback" not in service.output() and "RecursionError" not in service.output()


def test_a_sender_that_is_not_a_wa_id_is_refused(service: Server, graph: FakeGraph) -> None:
    """A wa_id is the sender's phone number in digits: anything else is no lead."""
    for sender in ("../../etc/passwd", "1; DROP TABLE leads", "+5585999990000", "55 85 9999"):
        body = webhook(text_message(sender, f"wamid.BAD{uuid.uuid4().hex}", "Oi"))
        response = deliver(service, body)
        assert response.status_code == 200, response.text  # Meta must not retry it
        assert response.json()["messages"] == 0 and response.json()["rejected"] == 1
        assert httpx.get(f"{service.url}/v1/leads/{sender}", timeout=30).status_code in (400, 404)
    time.sleep(0.5)
    assert all(r.body.get("to", "").isdigit() for r in graph.requests)
    assert "not a WhatsApp wa_id" in service.output()


def test_the_same_message_id_with_another_text_is_not_answered(
    service: Server, graph: FakeGraph, module_db_url: str
) -> None:
    sender = wa_id()
    assert deliver(service, webhook(text_message(sender, "wamid.C1", "Oi, sou a Ana"))).is_success
    wait_replies(graph, sender, 1)
    assert deliver(service, webhook(text_message(sender, "wamid.C1", "Sou o Beto"))).is_success
    deadline = time.monotonic() + 30
    while "its id was used for another text" not in service.output():
        assert time.monotonic() < deadline, service.output()
        time.sleep(0.05)
    assert len(replies_to(graph, sender)) == 1 and turns_of(module_db_url, sender) == 1


def test_a_taken_over_conversation_gets_one_line_then_nothing_until_released(
    service: Server, graph: FakeGraph, module_db_url: str
) -> None:
    from homer_agent.takeover import HOLD_REPLY

    sender = wa_id()

    def send(message_id: str, text: str) -> None:
        assert deliver(service, webhook(text_message(sender, message_id, text))).status_code == 200

    send("wamid.H1", "Oi, sou a Carla, quero 3 quartos")
    wait_replies(graph, sender, 1)
    send("wamid.H2", "Quero falar com um corretor")
    wait_replies(graph, sender, 2)
    send("wamid.H3", "Oi? Alguém vai me ligar?")
    assert wait_replies(graph, sender, 3)[2] == HOLD_REPLY
    send("wamid.H4", "No Cumbuco")
    send("wamid.H5", "Até 900 mil")
    deadline = time.monotonic() + 60
    while turns_of(module_db_url, sender) < 5:  # stored and processed, not answered
        assert time.monotonic() < deadline
        time.sleep(0.05)
    lead = httpx.get(f"{service.url}/v1/leads/{sender}", timeout=30).json()
    assert lead["handoff"]["reason"] == "human" and lead["neighborhood"] is None
    assert httpx.post(f"{service.url}/v1/leads/{sender}/release", timeout=30).status_code == 200
    send("wamid.H6", "Oi de novo")
    replies = wait_replies(graph, sender, 4)
    assert replies[2] == HOLD_REPLY
    assert "bairro" in replies[3].casefold()  # resumed: the next missing fact
    assert turns_of(module_db_url, sender) == 6
    assert len(replies_to(graph, sender)) == 4
