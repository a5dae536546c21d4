"""The chat loop: interactive in a terminal, one message per line from a pipe."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from homer_agent.config import Settings
from homer_agent.db.pool import Pool
from homer_agent.inputs import UserError, check_session_key
from homer_agent.profile import Profile

if TYPE_CHECKING:
    # Imported where used: the agent loads in the background (see _AgentLoader), and
    # piped runs never load the line editor.
    from langchain_core.language_models import BaseChatModel
    from prompt_toolkit import PromptSession

    from homer_agent.models.fallback import Fallback
    from homer_agent.session import Session

HELP = """Comandos:
  /lead   mostra o cartão do lead (todos os dados e a temperatura)
  /new    começa outra sessão (outra chave)
  /help   mostra esta ajuda
  /quit   sai (Ctrl-D também)
Ctrl-C cancela a resposta em andamento."""


def run_chat(settings: Settings, key: str | None) -> int:
    """Run the chat until end of input; return the exit code."""
    from homer_agent import metrics
    from homer_agent.cli import notice, opened_database
    from homer_agent.profile import load_profile

    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    if key is None and not interactive:
        raise UserError("standard input is not a terminal: pass --session KEY")
    profile = load_profile(settings.homer_profile)
    with opened_database(settings) as database:
        # The fallback's notices (the provider failing, back again) go to standard error:
        # for the developer, never the lead.
        agent = _AgentLoader(settings, database.pool, profile, notify=notice)
        if settings.homer_metrics_port:
            try:
                port = metrics.start_metrics_server(
                    settings.homer_metrics_port, addr=settings.homer_metrics_addr
                )
                metrics.set_build_info(settings.model_name)
                notice(f"Metrics: http://{settings.homer_metrics_addr}:{port}/metrics")
            except OSError as exc:
                notice(
                    f"Metrics disabled: port {settings.homer_metrics_port} is unavailable "
                    f"({exc.strerror}); set HOMER_METRICS_PORT to another port or 0."
                )
        model_line = (
            "modelo offline embutido (defina OPENAI_API_KEY ou HOMER_MODEL para usar um LLM)"
            if settings.offline
            else f"modelo {settings.model_name}"
            + (" (se falhar: modelo offline)" if settings.fallback == "offline" else "")
        )
        notice(f"Homer · {model_line} · {database.where}")
        if not interactive:
            assert key is not None
            return _run_piped(agent.session(key), settings)
        return _run_interactive(agent, key, settings)


class _AgentLoader:
    """Loads the agent (LangGraph, LangChain, the chat model) on a background thread.

    Those imports are most of start-up; in a terminal the greeting and the first prompt
    need only the lead's row, so the person can type while the agent loads.
    """

    def __init__(
        self, settings: Settings, pool: Pool, profile: Profile, notify: Callable[[str], None]
    ) -> None:
        self.settings = settings
        self.pool = pool
        self.profile = profile
        self.notify = notify
        self._loaded = ThreadPoolExecutor(max_workers=1, thread_name_prefix="homer-load").submit(
            self._load
        )

    def _load(self) -> tuple[type[Session], BaseChatModel, Fallback | None]:
        from homer_agent import metrics
        from homer_agent.models import make_chat_model, make_fallback
        from homer_agent.session import Session
        from homer_agent.tools import TOOL_NAMES

        metrics.register_tools(TOOL_NAMES)
        fallback = make_fallback(self.settings, notify=self.notify)
        return Session, make_chat_model(self.settings), fallback

    def session(self, key: str) -> Session:
        """The session for a key, once the agent has loaded."""
        session_class, model, fallback = self._loaded.result()
        return session_class(
            pool=self.pool,
            model=model,
            model_name=self.settings.model_name,
            profile=self.profile,
            session_key=key,
            history_window=self.settings.homer_history_window,
            fallback=fallback,
        )

    def greeting(self, key: str) -> str:
        """The first words for a key, from the lead's row alone."""
        from homer_agent.leads import has_conversation, querier

        with querier(self.pool) as q:
            lead = q.get_or_create_lead(session_key=key)
            returning = lead is not None and has_conversation(q, lead)
        if returning and lead is not None:
            name = f", {lead.name}" if lead.name else ""
            return f"Que bom te ver de volta{name}! Em que posso ajudar?"
        profile = self.profile
        return (
            f"Olá! Eu sou {profile.persona.name}, {profile.persona.role} do empreendimento "
            f"{profile.development.name}. Vou te ajudar a encontrar a sua casa. "
            "Como posso te chamar?"
        )


def _too_long(text: str, settings: Settings) -> str | None:
    limit = settings.homer_max_message_chars
    if len(text) > limit:
        return (
            f"Mensagem longa demais ({len(text)} caracteres; o limite é {limit}). "
            "Pode enviar em partes menores?"
        )
    return None


def _stdin_messages() -> Iterator[str]:
    """Non-blank lines of standard input; invalid UTF-8 is replaced, never fatal."""
    for raw in sys.stdin.buffer:
        text = raw.decode("utf-8", errors="replace").strip()
        if text:
            yield text


def _run_piped(session: Session, settings: Settings) -> int:
    try:
        for text in _stdin_messages():
            refusal = _too_long(text, settings)
            if refusal is not None:
                print(refusal, flush=True)
                continue
            result = session.turn(text)
            print(result.reply, flush=True)
    finally:
        session.close()
    return 0


def _run_interactive(agent: _AgentLoader, key: str | None, settings: Settings) -> int:
    from prompt_toolkit import PromptSession
    from prompt_toolkit.history import FileHistory

    history_file = Path(settings.homer_data_dir) / "chat_history"
    history_file.parent.mkdir(parents=True, exist_ok=True)
    prompt: PromptSession[str] = PromptSession(history=FileHistory(str(history_file)))

    def ask_key() -> str:
        while True:
            try:
                raw = prompt.prompt("Chave da sessão (telefone, e-mail…): ")
            except EOFError:
                raise SystemExit(0) from None
            try:
                return check_session_key(raw)
            except UserError as exc:
                print(f"  {exc}")

    chat = _Chat(agent, key or ask_key())
    print(agent.greeting(chat.key) + "\n/help mostra os comandos.")
    try:
        return _interactive_loop(prompt, chat, ask_key, settings)
    finally:
        chat.close()


class _Chat:
    """The session of the key being chatted with, opened when first needed."""

    def __init__(self, agent: _AgentLoader, key: str) -> None:
        self.agent = agent
        self.key = key
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            self._session = self.agent.session(self.key)
        return self._session

    def close(self) -> None:
        if self._session is not None:
            self._session.close()


def _interactive_loop(
    prompt: PromptSession[str], chat: _Chat, ask_key: Callable[[], str], settings: Settings
) -> int:
    from homer_agent.leads import lead_json

    while True:
        try:
            text = prompt.prompt("você> ").strip()
        except KeyboardInterrupt:
            continue
        except EOFError:
            print()
            return 0
        if not text:
            continue
        if text in ("/quit", "/sair", "/exit"):
            return 0
        if text == "/help":
            print(HELP)
            continue
        if text == "/lead":
            lead = chat.session.refresh_lead()
            for field, value in lead_json(lead, chat.agent.profile.tz).items():
                print(f"  {field:<13} {'-' if value is None else value}")
            continue
        if text == "/new":
            chat.close()
            chat = _Chat(chat.agent, ask_key())
            print(chat.agent.greeting(chat.key))
            continue
        refusal = _too_long(text, settings)
        if refusal is not None:
            print(refusal)
            continue
        _interruptible_turn(chat.session, text)


def _interruptible_turn(session: Session, text: str) -> None:
    """Stream the reply; Ctrl-C stops waiting for it (the turn finishes in the background)."""
    cancelled = threading.Event()
    last = [""]

    def show(piece: str) -> None:
        if not cancelled.is_set() and piece:
            sys.stdout.write(piece)
            sys.stdout.flush()
            last[0] = piece

    sys.stdout.write("homer> ")
    worker = threading.Thread(target=session.turn, args=(text, show), daemon=True)
    worker.start()
    try:
        while worker.is_alive():
            worker.join(0.1)
    except KeyboardInterrupt:
        cancelled.set()
        sys.stdout.write("\n(cancelado)")
        last[0] = ""
    if not last[0].endswith("\n"):
        sys.stdout.write("\n")
