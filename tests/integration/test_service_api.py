"""`homer-agent serve`: the HTTP API contract, over a real process and real HTTP.

One server process serves the module (a database of its own); the cases that need a
knob turned (the busy wait, a database going away) run the same app in-process on uvicorn.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

import httpx
import psycopg
import pytest
import uvicorn

from homer_agent import metrics
from homer_agent import session as session_module
from homer_agent.config import Settings
from homer_agent.db.pool import Pool, open_pool
from homer_agent.leads import LEAD_SHOW_KEYS
from homer_agent.service.api import create_app
from homer_agent.service.homer import Homer
from tests.conftest import run_cli
from tests.support.service_support import Server, iter_sse, post_unending_chunks
from tests.support.sessions import settings_agent
from tests.support.system import free_port

TOKEN = "s3cret-token-for-tests"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
MAX_CHARS = 200


@pytest.fixture(scope="module")
def api(module_db_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    env = {
        "DATABASE_URL": module_db_url,
        "HOMER_API_TOKEN": TOKEN,
        "HOMER_MAX_MESSAGE_CHARS": str(MAX_CHARS),
    }
    with Server(env, tmp_path_factory.mktemp("serve") / "serve.log") as server:
        yield server


def post(server: Server, key: str, body: Any, **kwargs: Any) -> httpx.Response:
    headers = {**AUTH, **kwargs.pop("headers", {})}
    return httpx.post(
        f"{server.url}/v1/sessions/{key}/messages",
        json=body,
        headers=headers,
        timeout=60,
        **kwargs,
    )


def stream(server: Server, key: str, body: Any) -> list[tuple[str, str]]:
    """POST with Accept: text/event-stream; the (event, data) pairs received."""
    with httpx.stream(
        "POST",
        f"{server.url}/v1/sessions/{key}/messages",
        json=body,
        headers={**AUTH, "Accept": "text/event-stream"},
        timeout=60,
    ) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        return list(iter_sse(response.iter_lines()))


def count(db_url: str, sql: str, *args: Any) -> int:
    with psycopg.connect(db_url) as conn:
        row = conn.execute(sql, args).fetchone()
    assert row is not None
    return int(row[0])


def new_key() -> str:
    return f"+55859{uuid.uuid4().int % 10**8:08d}"


# ---------------------------------------------------------------- the contract


def test_a_message_gets_the_reply_and_the_lead_as_lead_show_prints_it(
    api: Server, module_db_url: str
) -> None:
    key = new_key()
    response = post(api, key, {"text": "Oi, aqui é o Ricardo"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"reply", "lead", "duplicate"}
    assert body["duplicate"] is False
    assert "Ricardo" in body["reply"]
    assert tuple(body["lead"]) == LEAD_SHOW_KEYS
    assert body["lead"]["name"] == "Ricardo"
    shown = run_cli("lead", "show", key, "--json", env={"DATABASE_URL": module_db_url})
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout) == body["lead"]

    response = post(api, key, {"text": "4 quartos, no Cumbuco, até 2 milhões"})
    lead = response.json()["lead"]
    assert (lead["bedrooms"], lead["neighborhood"], lead["budget_brl"]) == (4, "Cumbuco", 2000000)
    fetched = httpx.get(f"{api.url}/v1/leads/{key}", headers=AUTH, timeout=30)
    assert fetched.status_code == 200
    assert fetched.json() == lead


def test_the_leads_notes_are_in_the_apis_lead(api: Server) -> None:
    key = new_key()
    body = post(api, key, {"text": "Oi, sou a Nina e tenho um gato"}).json()
    assert body["lead"]["notes"] == [{"category": "pets", "text": "tem gato"}]
    post(api, key, {"text": "minha irmã tem 3 filhos, aceita pet?"})
    fetched = httpx.get(f"{api.url}/v1/leads/{key}", headers=AUTH, timeout=30).json()
    assert fetched["notes"] == [
        {"category": "pets", "text": "tem gato"},
        {"category": "question", "text": "perguntou sobre pets"},
    ]


def test_a_lead_forgotten_by_another_process_starts_afresh(api: Server, module_db_url: str) -> None:
    """The service looks a key's lead up once; `lead forget` elsewhere is still seen."""
    key = new_key()
    env = {"DATABASE_URL": module_db_url}
    first = post(api, key, {"text": "Oi, aqui é o Ricardo"})
    assert first.json()["lead"]["name"] == "Ricardo"
    old_id = count(module_db_url, "SELECT id FROM leads WHERE session_key = %s", key)
    forgotten = run_cli("lead", "forget", key, "--yes", env=env)
    assert forgotten.returncode == 0, forgotten.stderr

    again = post(api, key, {"text": "Quero 3 quartos"})
    assert again.status_code == 200, again.text
    lead = again.json()["lead"]
    assert (lead["name"], lead["bedrooms"]) == (None, 3)
    new_id = count(module_db_url, "SELECT id FROM leads WHERE session_key = %s", key)
    assert new_id != old_id
    assert count(module_db_url, "SELECT count(*) FROM turns WHERE lead_id = %s", old_id) == 0


def test_the_same_message_id_is_processed_once(api: Server, module_db_url: str) -> None:
    key = new_key()
    first = post(api, key, {"text": "Oi, sou a Beatriz", "message_id": "msg-1"})
    again = post(api, key, {"text": "Oi, sou a Beatriz", "message_id": "msg-1"})
    assert first.status_code == again.status_code == 200
    assert first.json()["duplicate"] is False
    assert again.json()["duplicate"] is True
    assert again.json()["reply"] == first.json()["reply"]
    assert again.json()["lead"]["name"] == "Beatriz"
    lead_id = count(module_db_url, "SELECT id FROM leads WHERE session_key = %s", key)
    assert count(module_db_url, "SELECT count(*) FROM turns WHERE lead_id = %s", lead_id) == 1
    receipts = "SELECT count(*) FROM message_receipts WHERE lead_id = %s"
    assert count(module_db_url, receipts, lead_id) == 1

    # Receipts hold replies: `lead export` shows them (and `lead forget` removes them).
    exported = run_cli("lead", "export", key, env={"DATABASE_URL": module_db_url})
    [receipt] = json.loads(exported.stdout)["receipts"]
    assert (receipt["channel"], receipt["message_id"]) == ("api", "msg-1")
    assert receipt["reply"] == first.json()["reply"]

    # The id is the client's for this session: another session's msg-1 is its own message.
    other = post(api, new_key(), {"text": "Oi, sou o Caio", "message_id": "msg-1"})
    assert other.json()["duplicate"] is False
    assert other.json()["lead"]["name"] == "Caio"


def test_the_same_message_id_with_another_text_is_409(api: Server, module_db_url: str) -> None:
    key = new_key()
    first = post(api, key, {"text": "Oi, sou a Dora", "message_id": "msg-c"})
    assert first.status_code == 200
    for accept in ("application/json", "text/event-stream"):
        clash = post(
            api, key, {"text": "Sou o Edu", "message_id": "msg-c"}, headers={"Accept": accept}
        )
        assert clash.status_code == 409, clash.text
        assert "message_id" in clash.json()["error"] and "different text" in clash.json()["error"]
    lead = httpx.get(f"{api.url}/v1/leads/{key}", headers=AUTH, timeout=30).json()
    assert lead["name"] == "Dora"
    lead_id = count(module_db_url, "SELECT id FROM leads WHERE session_key = %s", key)
    assert count(module_db_url, "SELECT count(*) FROM turns WHERE lead_id = %s", lead_id) == 1
    # The same text again (surrounding spaces are not the message) is the stored reply.
    again = post(api, key, {"text": "  Oi, sou a Dora ", "message_id": "msg-c"})
    assert again.status_code == 200 and again.json()["duplicate"] is True


def test_a_deeply_nested_body_is_400_never_500(api: Server) -> None:
    url = f"{api.url}/v1/sessions/{new_key()}/messages"
    nested = '{"text": "oi", "extra": ' + "[" * 1500 + "]" * 1500 + "}"
    for body in (nested, "[" * 3000, '{"text": ' * 300, '{"text": "oi"' + "}" * 2000):
        with httpx.Client(timeout=30) as client:  # one kept-alive connection
            response = client.post(url, content=body.encode(), headers=AUTH)
            assert response.status_code in (400, 413), (body[:40], response.text)
            assert response.json()["error"]
            assert client.get(f"{api.url}/healthz").status_code == 200
    assert "Traceback" not in api.output()


def test_server_sent_events_stream_tokens_then_done(api: Server) -> None:
    key = new_key()
    events = stream(api, key, {"text": "Oi, aqui é a Dora", "message_id": "sse-1"})
    kinds = [kind for kind, _ in events]
    assert kinds[-1] == "done" and set(kinds[:-1]) == {"token"}, kinds
    done = json.loads(events[-1][1])
    assert set(done) == {"reply", "lead", "duplicate"}
    assert "".join(data for _, data in events[:-1]).strip() == done["reply"]
    assert done["lead"]["name"] == "Dora"

    # A replay streams the stored reply, marked as such.
    replay = stream(api, key, {"text": "Oi, aqui é a Dora", "message_id": "sse-1"})
    assert json.loads(replay[-1][1]) == {**done, "duplicate": True}


def test_an_unknown_lead_is_404(api: Server) -> None:
    response = httpx.get(f"{api.url}/v1/leads/nobody-here", headers=AUTH, timeout=30)
    assert response.status_code == 404
    assert "nobody-here" in response.json()["error"]


@pytest.mark.parametrize(
    ("key", "body", "status", "says"),
    [
        ("k" * 129, {"text": "oi"}, 400, "129 characters"),
        ("%01abc", {"text": "oi"}, 400, "control characters"),
        ("ok-key", {"text": "   "}, 400, "empty"),
        ("ok-key", {}, 400, "text"),
        ("ok-key", {"text": 5}, 400, "text"),
        ("ok-key", {"text": "oi", "message_id": "x" * 257}, 400, "message_id"),
        ("ok-key", {"text": "oi", "message_id": "a\x00b"}, 400, "message_id"),
        ("ok-key", {"text": "a" * (MAX_CHARS + 1)}, 413, f"limit is {MAX_CHARS}"),
        ("ok-key", {"text": "a" * (MAX_CHARS * 20)}, 413, "too large"),
    ],
)
def test_bad_requests_get_one_json_line(
    api: Server, key: str, body: Any, status: int, says: str
) -> None:
    response = post(api, key, body)
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert says in error and "\n" not in error


def test_a_chunked_body_over_the_limit_is_refused_before_it_ends(api: Server) -> None:
    # 64 KiB chunks, far past MAX_CHARS * 6 bytes, and the body never ends: the answer
    # must come from the size, not from reading everything first.
    status = post_unending_chunks(
        api.url, "/v1/sessions/chunked/messages", AUTH, b"a" * 65536, chunks=4
    )
    assert status.startswith("HTTP/1.1 413"), status


def test_a_body_that_is_not_json_is_400(api: Server) -> None:
    response = httpx.post(
        f"{api.url}/v1/sessions/k/messages", content=b"{nope", headers=AUTH, timeout=30
    )
    assert response.status_code == 400
    assert "invalid request" in response.json()["error"]


def test_v1_needs_the_bearer_token(api: Server) -> None:
    url = f"{api.url}/v1/sessions/auth-key/messages"
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}):
        response = httpx.post(url, json={"text": "oi"}, headers=headers, timeout=30)
        assert response.status_code == 401
        assert "HOMER_API_TOKEN" in response.json()["error"]
    assert httpx.get(f"{api.url}/v1/leads/auth-key", timeout=30).status_code == 401
    # Nothing ran: no lead was created by the refused requests.
    assert httpx.get(f"{api.url}/v1/leads/auth-key", headers=AUTH, timeout=30).status_code == 404


def test_health_readiness_metrics_and_docs(api: Server) -> None:
    assert httpx.get(f"{api.url}/healthz", timeout=30).json() == {"status": "ok"}
    assert httpx.get(f"{api.url}/readyz", timeout=30).json() == {"status": "ready"}
    key = "+5585988887777"
    post(api, key, {"text": "oi"})
    httpx.get(f"{api.url}/v1/leads/{key}", headers=AUTH, timeout=30)
    text = httpx.get(f"{api.url}/metrics", timeout=30).text
    assert (
        'homer_http_requests_total{method="POST",route="/v1/sessions/{session_key}/messages",'
        'status="200"}' in text
    )
    assert 'route="/v1/leads/{session_key}"' in text
    assert "homer_turns_total" in text
    assert key not in text and "5585988887777" not in text
    assert httpx.get(f"{api.url}/docs", timeout=30).status_code == 200
    spec = httpx.get(f"{api.url}/openapi.json", timeout=30).json()
    assert {"/v1/sessions/{session_key}/messages", "/v1/leads/{session_key}"} <= set(spec["paths"])


def test_serve_refuses_a_public_address_without_a_token(module_db_url: str) -> None:
    result = run_cli(
        "serve", "--host", "0.0.0.0", "--port", "0", env={"DATABASE_URL": module_db_url}, timeout=60
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1, result.stderr
    assert "HOMER_API_TOKEN" in result.stderr and "Traceback" not in result.stderr


# ---------------------------------------------------------------- in-process: busy, database down


@contextmanager
def in_process(pool: Pool, **settings: Any) -> Iterator[str]:
    """The app on uvicorn in a thread, over `pool`; yields its base URL."""
    config = Settings(homer_model="offline", **settings)
    homer = Homer(config, settings_agent(pool, config))
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(config, homer), host="127.0.0.1", port=port, log_level="error")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def test_a_lead_busy_past_the_wait_is_409(
    pool: Pool, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(session_module, "BUSY_WAIT_SECONDS", 1)
    with in_process(pool) as url:
        first = httpx.post(f"{url}/v1/sessions/busy/messages", json={"text": "oi"}, timeout=30)
        assert first.status_code == 200
        lead_id = count(db_url, "SELECT id FROM leads WHERE session_key = 'busy'")
        with psycopg.connect(db_url, autocommit=True) as holder:
            holder.execute("SELECT pg_advisory_lock(%s)", (lead_id,))  # another turn runs
            response = httpx.post(
                f"{url}/v1/sessions/busy/messages",
                json={"text": "Sou a Eva", "message_id": "busy-1"},
                timeout=30,
            )
            streamed = httpx.post(
                f"{url}/v1/sessions/busy/messages",
                json={"text": "Sou a Eva", "message_id": "busy-1"},
                headers={"Accept": "text/event-stream"},
                timeout=30,
            )
        assert response.status_code == streamed.status_code == 409
        assert "retry" in response.json()["error"]
        # Refused, not processed: the retry runs the turn.
        retry = httpx.post(
            f"{url}/v1/sessions/busy/messages",
            json={"text": "Sou a Eva", "message_id": "busy-1"},
            timeout=30,
        )
        assert retry.json()["duplicate"] is False and retry.json()["lead"]["name"] == "Eva"


def _database_errors() -> float:
    return metrics.REGISTRY.get_sample_value("homer_errors_total", {"kind": "database"}) or 0.0


def test_database_down_is_503_with_retry_after(server_url: str, db_url: str) -> None:
    pool = open_pool(db_url, max_size=2, timeout=1)
    try:
        with in_process(pool, homer_connect_timeout=1) as url:
            ok = httpx.post(f"{url}/v1/sessions/down/messages", json={"text": "oi"}, timeout=30)
            assert ok.status_code == 200
            name = urlsplit(db_url).path.lstrip("/")
            with psycopg.connect(server_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            # The service knows the lead of "down" already (it looks a key up once per
            # process), so the message reaches the turn, which counts its own failure and
            # the turn record it could not write.
            for path, method, errors in (
                ("/v1/sessions/down/messages", "POST", 2),
                ("/v1/leads/down", "GET", 1),
                ("/readyz", "GET", 0),
            ):
                before = _database_errors()
                response = httpx.request(method, f"{url}{path}", json={"text": "oi"}, timeout=30)
                assert response.status_code == 503, (path, response.text)
                assert response.headers["retry-after"].isdigit()
                assert response.json()["error"]
                # A client's 503 is a database error on the dashboards and alerts; a
                # readiness probe is not a client (it polls every few seconds).
                counted = _database_errors() - before
                assert counted == errors, (path, counted)
            assert httpx.get(f"{url}/healthz", timeout=30).status_code == 200
    finally:
        pool.close(timeout=1)


def test_an_operator_can_close_metrics_and_docs(pool: Pool) -> None:
    closed = {
        "homer_api_token": TOKEN,
        "homer_metrics_public": False,
        "homer_docs_public": False,
    }
    with in_process(pool, **closed) as url:
        refused = httpx.get(f"{url}/metrics", timeout=30)
        assert refused.status_code == 401 and "HOMER_API_TOKEN" in refused.json()["error"]
        assert "homer_turns_total" in httpx.get(f"{url}/metrics", headers=AUTH, timeout=30).text
        for path in ("/docs", "/redoc", "/openapi.json"):
            assert httpx.get(f"{url}{path}", headers=AUTH, timeout=30).status_code == 404, path
        assert httpx.get(f"{url}/healthz", timeout=30).status_code == 200
        assert httpx.get(f"{url}/readyz", timeout=30).status_code == 200
    # The defaults: both public (Prometheus scrapes replicas without a token).
    with in_process(pool, homer_api_token=TOKEN) as url:
        assert httpx.get(f"{url}/metrics", timeout=30).status_code == 200
        assert httpx.get(f"{url}/docs", timeout=30).status_code == 200


def test_readyz_answers_at_once_while_the_pool_is_exhausted(db_url: str) -> None:
    """The turns wait up to HOMER_CONNECT_TIMEOUT (30 s here) for a connection; the
    readiness probe must not: a load balancer's 2 s check would time out and mark a busy
    replica down. Busy is ready; the client's timeout (10 s) is far from either bound."""
    pool = open_pool(db_url, max_size=1, timeout=30)
    try:
        with in_process(pool, homer_connect_timeout=30) as url, pool.connection():
            response = httpx.get(f"{url}/readyz", timeout=10)
            assert response.status_code == 200, response.text
    finally:
        pool.close(timeout=1)


def test_readyz_reports_a_schema_that_is_not_current(pool: Pool, db_url: str) -> None:
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute("DELETE FROM schema_migrations WHERE version LIKE '0009%%'")
    with in_process(pool) as url:
        response = httpx.get(f"{url}/readyz", timeout=30)
    assert response.status_code == 503
    assert "db migrate" in response.json()["error"]


def test_serve_indexes_the_documents_and_answers_from_them(api: Server, module_db_url: str) -> None:
    assert (
        count(
            module_db_url, "SELECT count(*) FROM kb_documents WHERE path = %s", "vila-carnauba.md"
        )
        == 1
    )
    reply = post(api, new_key(), {"text": "Tem academia?"}).json()["reply"]
    # The document's sentence (the profile's own line would name the development).
    assert reply.startswith("O empreendimento tem spa, academia, mini mall"), reply
