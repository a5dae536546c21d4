"""What every benchmark shares: the database, the conversation, the clocks, the baseline.

- Database: one PostgreSQL per process (``BENCH_DATABASE_URL``, or an embedded server
  started in a temporary directory and deleted at exit), a migrated template database,
  and a fresh copy of it for each scenario (`fresh_database`).
- The conversation: `CONVERSATION`, a 40-turn pt-BR lead conversation the offline model
  handles (the five facts early, then questions about the development, small talk and
  corrections), and `lead_script` for many leads with distinct facts.
- Clocks: `TimedChatModel` is the offline model with a stopwatch around `invoke`/`stream`,
  used identically by both sides, so "non-model time" = turn wall time - model time.
- Runners: `Ours` (the real `homer_agent.session.Session`) and `Baseline` (the stock
  graph of `bench.stock`) expose the same `turn(text) -> Sample` and `history()`.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
from langchain_core.messages import BaseMessage
from pydantic import PrivateAttr

from homer_agent.models.offline import OfflineChatModel
from tests.support.databases import (
    copy_database,
    create_migrated,
    drop_database,
    start_embedded,
)

ROOT = Path(__file__).resolve().parents[1]
RESULTS_DIR = ROOT / "bench" / "results"

# ---------------------------------------------------------------------------
# The conversation

CONVERSATION: tuple[str, ...] = (
    # the five facts, early
    "Oi, boa tarde!",
    "Meu nome é Mariana Costa",
    "Procuro uma casa de 3 quartos",
    "Prefiro o bairro Cumbuco",
    "Meu orçamento é de uns 850 mil",
    "Pode me ligar amanhã às 15h",
    "Obrigada!",
    # questions about the development
    "Onde fica o empreendimento?",
    "Quais são as opções de lazer?",
    "Tem piscina?",
    "Tem academia?",
    "Quanto custa uma casa de 3 quartos?",
    "E o prazo de entrega?",
    "Tem link do masterplan?",
    "Quais tipos de casa vocês têm?",
    "As casas têm suíte?",
    "Aceitam financiamento?",
    "Qual o valor do condomínio?",
    # small talk and corrections
    "Legal, gostei bastante",
    "Meu marido também vai participar da ligação",
    "Na verdade prefiro 4 quartos",
    "Tem escola de kitesurf mesmo?",
    "Que ótimo, meus filhos adoram esporte",
    "Mudei de ideia, meu orçamento é de 1 milhão",
    "Tem restaurante no empreendimento?",
    "E mini mall?",
    "Me fala mais sobre o empreendimento",
    "Qual a metragem das casas?",
    "Tem área para pets?",
    "Pode ligar depois de amanhã às 10h em vez de amanhã?",
    "Ok, combinado",
    "A região é segura?",
    "Tem spa?",
    "Quantas casas são no total?",
    "Valeu pela ajuda",
    "Mais uma pergunta: fica perto da praia?",
    "Tem Sports Club?",
    "Perfeito",
    "Obrigada, até mais",
    "Tchau!",
)
assert len(CONVERSATION) == 40

FIRST_NAMES = (
    "Ana", "Bruno", "Carla", "Diego", "Elisa", "Fábio", "Gabriela", "Heitor", "Isabela",
    "João", "Karina", "Lucas", "Marina", "Nicolas", "Olívia", "Paulo", "Rafaela", "Sérgio",
    "Tatiana", "Vinícius", "Yasmin", "Otávio", "Beatriz", "Caio", "Débora",
)  # fmt: skip
SURNAMES = ("Almeida", "Barbosa")
NEIGHBORHOODS = (
    "Aldeota", "Meireles", "Cumbuco", "Cocó", "Fátima", "Benfica", "Messejana", "Parangaba",
    "Mucuripe", "Varjota", "Papicu", "Dionísio Torres", "Joaquim Távora", "Guararapes",
    "Cambeba", "Maraponga", "Montese", "Parquelândia", "Pici", "Antônio Bezerra",
    "Jacarecanga", "Monte Castelo", "Damas", "Edson Queiroz", "Sapiranga", "Lagoa Redonda",
    "Jardim América", "Passaré", "Jardim das Oliveiras", "Cajazeiras",
    "Luciano Cavalcante",
    "Engenheiro Luciano", "Vicente Pinzón", "Praia do Futuro", "Cais do Porto", "Serrinha",
    "Itaperi", "Mondubim", "Conjunto Ceará", "Henrique Jorge", "Bonsucesso", "Rodolfo Teófilo",
    "Amadeu Furtado", "Bela Vista", "Presidente Kennedy", "Álvaro Weyne", "Carlito Pamplona",
    "Barra do Ceará", "Cristo Redentor", "Pirambu",
)  # fmt: skip
# Turns that give no fact (a lead script's facts must come from its first turns only).
QUESTIONS = tuple(
    text
    for text in CONVERSATION[7:]
    if not any(word in text for word in ("quartos", "orçamento", "ligar", "marido"))
)


@dataclass(frozen=True, slots=True)
class LeadScript:
    """One lead's distinct facts and the messages that give them."""

    key: str
    name: str
    bedrooms: int
    neighborhood: str
    budget_brl: int
    messages: tuple[str, ...]


def lead_script(i: int, turns: int = 20, *, prefix: str = "bench") -> LeadScript:
    """Lead number ``i`` (0-99): its own name, neighbourhood and budget, ``turns`` messages."""
    name = f"{FIRST_NAMES[i % len(FIRST_NAMES)]} {SURNAMES[i // len(FIRST_NAMES) % 2]}"
    neighborhood = NEIGHBORHOODS[i % len(NEIGHBORHOODS)]
    bedrooms = 2 + i % 3
    budget_thousands = 400 + 10 * i
    opening = (
        "Oi, tudo bem?",
        f"Meu nome é {name}",
        f"Quero uma casa de {bedrooms} quartos",
        f"Prefiro o bairro {neighborhood}",
        f"Meu orçamento é de {budget_thousands} mil",
        "Pode me ligar amanhã às 15h",
    )
    rest = tuple(QUESTIONS[(i + k) % len(QUESTIONS)] for k in range(max(0, turns - 6)))
    return LeadScript(
        key=f"{prefix}-{i:03d}-{uuid.uuid4().hex[:6]}",
        name=name,
        bedrooms=bedrooms,
        neighborhood=neighborhood,
        budget_brl=budget_thousands * 1000,
        messages=(opening + rest)[:turns],
    )


# ---------------------------------------------------------------------------
# Statistics


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100), linear between closest ranks; NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    low = math.floor(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def summary(values: Sequence[float], digits: int = 2) -> dict[str, float]:
    """p50, p95, mean, min and max of the values, rounded."""
    if not values:
        return {
            "p50": math.nan,
            "p95": math.nan,
            "mean": math.nan,
            "min": math.nan,
            "max": math.nan,
        }
    return {
        "p50": round(percentile(values, 50), digits),
        "p95": round(percentile(values, 95), digits),
        "mean": round(statistics.fmean(values), digits),
        "min": round(min(values), digits),
        "max": round(max(values), digits),
    }


def ratio(ours: float | None, baseline: float | None, digits: int = 3) -> float | None:
    """ours / baseline, or None when either is missing or the baseline is zero."""
    if ours is None or baseline is None or baseline == 0:
        return None
    if math.isnan(ours) or math.isnan(baseline):
        return None
    return round(ours / baseline, digits)


def row(
    metric: str,
    ours: Any,
    baseline: Any = None,
    *,
    budget: str = "",
    met: bool | None = None,
    unit: str = "",
    ratio_value: float | None = None,
) -> dict[str, Any]:
    """One line of the summary table (see bench.__main__)."""
    if (
        ratio_value is None
        and isinstance(ours, int | float)
        and isinstance(baseline, int | float)
        and not isinstance(ours, bool)
    ):
        ratio_value = ratio(float(ours), float(baseline))
    return {
        "metric": metric,
        "unit": unit,
        "ours": ours,
        "baseline": baseline,
        "ratio": ratio_value,
        "budget": budget,
        "met": met,
    }


# ---------------------------------------------------------------------------
# The database


_server_lock = threading.Lock()
_servers: dict[str, Any] = {}
_templates: dict[str, str] = {}


def server_url() -> str:
    """The server every scenario uses: BENCH_DATABASE_URL, or one embedded per process."""
    given = os.environ.get("BENCH_DATABASE_URL")
    if given:
        return given
    with _server_lock:
        if "embedded" not in _servers:
            server = start_embedded("homer-bench-pg-")
            _servers["embedded"] = server
            atexit.register(server.cleanup)
        return str(_servers["embedded"].get_uri())


def _template_url(server: str) -> str:
    """A migrated database (app schema + LangGraph's checkpoint tables) to copy from."""
    with _server_lock:
        if server in _templates:
            return _templates[server]
        name = f"homer_bench_tpl_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        create_migrated(server, name)
        _templates[server] = name
        atexit.register(_drop_database, server, name)
        return name


def _drop_database(server: str, name: str) -> None:
    with contextlib.suppress(psycopg.Error):
        drop_database(server, name)


@contextlib.contextmanager
def fresh_database(label: str) -> Iterator[str]:
    """A new, migrated, empty database for one scenario; dropped afterwards."""
    server = server_url()
    template = _template_url(server)
    name = f"homer_bench_{label}_{uuid.uuid4().hex[:8]}"
    url = copy_database(server, template, name)
    try:
        yield url
    finally:
        _drop_database(server, name)


def open_our_pool(url: str, size: int) -> Any:
    """The app's own pool (homer_agent.db.pool.open_pool), as `homer-agent chat` opens it."""
    from homer_agent.db.pool import open_pool

    return open_pool(url, max_size=size)


# ---------------------------------------------------------------------------
# The model with a stopwatch


class ModelClock:
    """Seconds spent inside one model instance, and (optionally) what it was sent.

    Give each session its own `TimedChatModel`: the clock sums every call of that
    instance, whichever thread LangGraph runs the node on.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._total = 0.0
        self._cpu = 0.0
        self._count = 0
        self.record = False
        self.calls: list[tuple[list[BaseMessage], dict[str, Any]]] = []

    def add(self, seconds: float, cpu_seconds: float) -> None:
        with self._lock:
            self._total += seconds
            self._cpu += cpu_seconds
            self._count += 1

    def take(self) -> tuple[float, float, int]:
        """Model wall seconds, process CPU seconds and calls since the last take(); resets."""
        with self._lock:
            total, cpu, count = self._total, self._cpu, self._count
            self._total, self._cpu, self._count = 0.0, 0.0, 0
        return total, cpu, count

    def keep(self, messages: list[BaseMessage], kwargs: dict[str, Any]) -> None:
        with self._lock:
            self.calls.append((messages, kwargs))


class TimedChatModel(OfflineChatModel):
    """`OfflineChatModel` timed around `invoke` and `stream`: the model time of a turn.

    Everything inside the call (langchain-core's callbacks, LangGraph's token streaming
    handler, the offline model's rules) counts as model time, for both sides alike.
    """

    _clock: ModelClock = PrivateAttr(default_factory=ModelClock)

    @property
    def clock(self) -> ModelClock:
        return self._clock

    def _remember(self, model_input: Any, kwargs: dict[str, Any]) -> None:
        if self._clock.record:
            messages = self._convert_input(model_input).to_messages()
            self._clock.keep(messages, dict(kwargs))

    def invoke(self, input: Any, config: Any = None, *, stop: Any = None, **kwargs: Any) -> Any:
        started, cpu = time.perf_counter(), time.process_time()
        try:
            return super().invoke(input, config, stop=stop, **kwargs)
        finally:
            self._clock.add(time.perf_counter() - started, time.process_time() - cpu)
            self._remember(input, kwargs)

    def stream(self, input: Any, config: Any = None, *, stop: Any = None, **kwargs: Any) -> Any:
        elapsed = cpu_elapsed = 0.0
        started, cpu = time.perf_counter(), time.process_time()
        try:
            iterator = super().stream(input, config, stop=stop, **kwargs)
            while True:
                try:
                    chunk = next(iterator)
                except StopIteration:
                    break
                elapsed += time.perf_counter() - started
                cpu_elapsed += time.process_time() - cpu
                yield chunk
                started, cpu = time.perf_counter(), time.process_time()
        finally:
            self._clock.add(
                elapsed + time.perf_counter() - started,
                cpu_elapsed + time.process_time() - cpu,
            )
            self._remember(input, kwargs)


# ---------------------------------------------------------------------------
# The two sides


@dataclass(slots=True)
class Sample:
    """One turn: wall time, time inside the model, and what came back."""

    wall_ms: float
    model_ms: float
    model_calls: int
    reply: str
    error: str | None = None
    cpu_ms: float = 0.0
    model_cpu_ms: float = 0.0

    @property
    def overhead_ms(self) -> float:
        """Non-model wall time."""
        return self.wall_ms - self.model_ms

    @property
    def overhead_cpu_ms(self) -> float:
        """Non-model CPU time of this process (the client side; Postgres not included)."""
        return self.cpu_ms - self.model_cpu_ms


@dataclass
class Side:
    """What a benchmark needs of either side."""

    name: str
    thread_id: str
    lead_id: int
    turn: Callable[[str], Sample]
    history: Callable[[], list[BaseMessage]]
    close: Callable[[], None] = lambda: None
    extra: dict[str, Any] = field(default_factory=dict)


def _timed(
    clock: ModelClock, run: Callable[[str], tuple[str, str | None]]
) -> Callable[[str], Sample]:
    """A side's turn: `run(text)` gives (reply, error); timed on the wall and in this
    process's CPU, with what `clock` saw inside the model (the same on both sides)."""

    def turn(text: str) -> Sample:
        clock.take()
        started, cpu = time.perf_counter(), time.process_time()
        reply, error = run(text)
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        model_s, model_cpu, calls = clock.take()
        return Sample(
            wall * 1000, model_s * 1000, calls, reply, error, cpu * 1000, model_cpu * 1000
        )

    return turn


def ours(pool: Any, model: TimedChatModel, session_key: str) -> Side:
    """The real Homer session, as `homer-agent chat` runs it (history window 12)."""
    from homer_agent.agent import build_agent
    from homer_agent.config import Settings
    from homer_agent.profile import load_profile
    from homer_agent.session import thread_id

    session = build_agent(
        pool=pool,
        model=model,
        model_name="offline",
        profile=_profile(load_profile),
        history_window=Settings.model_fields["homer_history_window"].default,
    ).session(session_key)

    def run(text: str) -> tuple[str, str | None]:
        result = session.turn(text)
        return result.reply, result.error

    return Side(
        "ours",
        thread_id(session.lead),
        session.lead.id,
        _timed(model.clock, run),
        session.history,
        # Session.close() (where it exists) prunes what the last turns left behind.
        getattr(session, "close", lambda: None),
        {"session": session},
    )


def baseline(pool: Any, model: TimedChatModel, session_key: str) -> Side:
    """The stock LangGraph graph of the same shape (bench.stock)."""
    from bench.stock import StockChat

    chat = StockChat(pool, model, session_key)

    def run(text: str) -> tuple[str, str | None]:
        try:
            return chat.turn(text), None
        except Exception as exc:  # a failed turn is counted, like ours
            return "", type(exc).__name__

    return Side(
        "baseline",
        chat.thread_id,
        chat.lead_id,
        _timed(model.clock, run),
        chat.history,
        extra={"chat": chat},
    )


_profile_cache: dict[str, Any] = {}


def _profile(load: Callable[[], Any]) -> Any:
    if "p" not in _profile_cache:
        _profile_cache["p"] = load()
    return _profile_cache["p"]


def profile() -> Any:
    from homer_agent.profile import load_profile

    return _profile(load_profile)


# ---------------------------------------------------------------------------
# Output


def environment() -> dict[str, Any]:
    """Where the numbers come from."""
    from importlib import metadata

    versions = {}
    for package in ("langgraph", "langgraph-checkpoint-postgres", "langchain-core", "psycopg"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions[package] = metadata.version(package)
    commit = _git("rev-parse", "--short", "HEAD")
    dirty = _git("status", "--porcelain", "--", "src")
    return {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "git_commit": commit + ("+dirty-src" if dirty else ""),
        "database": "BENCH_DATABASE_URL" if os.environ.get("BENCH_DATABASE_URL") else "embedded",
        "packages": versions,
        "argv": sys.argv,
    }


def _git(*args: str) -> str:
    """What `git args...` prints in the repository, stripped ("" when git fails)."""
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
    return done.stdout.strip()


@dataclass(frozen=True, slots=True)
class Started:
    """When a bench's run began, and the machine's load averages then."""

    at: float = field(default_factory=time.perf_counter)
    load: tuple[float, float, float] = field(default_factory=os.getloadavg)

    def report(self) -> dict[str, Any]:
        """The load averages before and now, and the seconds since the start."""
        return {
            "loadavg_before": [round(x, 2) for x in self.load],
            "loadavg_after": [round(x, 2) for x in os.getloadavg()],
            "seconds": round(time.perf_counter() - self.at, 2),
        }


def main(run: Callable[..., dict[str, Any]]) -> None:
    """A bench module's command line: `run(quick=...)` (`--quick` for the short run),
    printed as one JSON object."""
    print(json.dumps(run(quick="--quick" in sys.argv), ensure_ascii=False))


def finite_numbers(value: Any) -> bool:
    """Whether every float in a JSON-like value is finite (used by the smoke test)."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(finite_numbers(v) for v in value.values())
    if isinstance(value, list | tuple):
        return all(finite_numbers(v) for v in value)
    return True


STOCK_GC_THRESHOLDS = (700, 10, 10)
"""Python's default collector thresholds: what the stock app runs with."""


@contextlib.contextmanager
def stock_collector() -> Iterator[None]:
    """The stock baseline runs with Python's default collector, nothing frozen, whatever
    building our agent set for the process (`homer_agent.startup.settle_collector`); ours
    gets its settings back afterwards."""
    thresholds = gc.get_threshold()
    gc.unfreeze()
    gc.set_threshold(*STOCK_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.freeze()
