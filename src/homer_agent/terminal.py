"""The chat loop: interactive in a terminal, one message per line from a pipe.

In a terminal every command and every turn runs behind one error boundary (`_Terminal.guarded`):
whatever fails, the person reads one pt-BR line and the session goes on.
"""

from __future__ import annotations

import logging
import os
import sys
import termios
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import partial
from typing import TYPE_CHECKING

import psycopg
from psycopg_pool import PoolTimeout

from homer_agent.config import Settings, SettingsError
from homer_agent.console import end_line, lead_card, notice, say, stdin_messages
from homer_agent.db.embedded import EmbeddedError
from homer_agent.db.models import Lead
from homer_agent.db.pool import DatabaseUnavailableError, Pool
from homer_agent.inputs import SessionKeyError, UserError, check_session_key
from homer_agent.profile import Profile
from homer_agent.ptbr import replies
from homer_agent.ptbr.replies import (
    CANCELLED,
    DATABASE_DOWN,
    FORGOTTEN,
    FORGOTTEN_PIPED,
    HELP,
    INTERNAL_FAULT,
)

if TYPE_CHECKING:
    # Imported where used: the agent loads in the background (see _AgentLoader), and
    # piped runs never load the line editor.
    from prompt_toolkit import PromptSession
    from prompt_toolkit.history import History
    from prompt_toolkit.input import Input
    from prompt_toolkit.key_binding import KeyBindings

    from homer_agent.agent import Agent
    from homer_agent.kb.search import SearchOptions
    from homer_agent.session import Session

log = logging.getLogger(__name__)

QUIT_COMMANDS = ("/quit", "/sair", "/exit")
YES = ("s", "sim", "y", "yes")


def run_chat(settings: Settings, key: str | None) -> int:
    """Run the chat until end of input; return the exit code."""
    from homer_agent import metrics
    from homer_agent.db import connect
    from homer_agent.profile import load_profile

    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    if key is None and not interactive:
        raise UserError("standard input is not a terminal: pass --session KEY")
    problem = settings.model_problem()
    if problem is not None:
        raise SettingsError(problem)
    profile = load_profile(settings.homer_profile)
    with connect(settings) as database:
        if database.embedded:
            from homer_agent.db.embedded import keep_embedded_alive

            keep_embedded_alive(settings.homer_data_dir)
        # The fallback's notices (the provider failing, back again) go to standard error:
        # for the developer, never the lead.
        # Operator notices come before the banner and the lead's first words, never in the
        # middle of the chat: the documents are checked (and re-indexed if they changed) here,
        # before the agent loads in the background.
        from homer_agent.kb import prepare

        kb = prepare(settings, profile, database.pool, notice)
        agent = _AgentLoader(settings, database.pool, profile, notify=notice, kb=kb)
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
        # For the operator, in English like every notice on standard error.
        model_line = (
            "built-in offline model (set OPENAI_API_KEY or HOMER_MODEL to use an LLM)"
            if settings.offline
            else f"model {settings.model_name}"
            + (" (the offline model if it fails)" if settings.fallback == "offline" else "")
        )
        notice(f"Homer · {model_line} · {database.where}")
        if not interactive:
            assert key is not None
            return _run_piped(agent.session(key), settings)
        return _Terminal(agent, settings).run(key)


class _AgentLoader:
    """Loads the agent (LangGraph, LangChain, the chat model) on a background thread.

    Those imports are most of start-up; in a terminal the greeting and the first prompt
    need only the lead's row, so the person can type while the agent loads.
    """

    def __init__(
        self,
        settings: Settings,
        pool: Pool,
        profile: Profile,
        notify: Callable[[str], None],
        kb: SearchOptions,
    ) -> None:
        self.settings = settings
        self.pool = pool
        self.profile = profile
        self.notify = notify
        self.kb = kb
        self._loaded = ThreadPoolExecutor(max_workers=1, thread_name_prefix="homer-load").submit(
            self._load
        )

    def _load(self) -> Agent:
        from homer_agent.agent import load_agent
        from homer_agent.startup import resume_gc

        try:
            return load_agent(self.settings, self.pool, self.profile, self.notify, self.kb)
        finally:
            resume_gc()  # start-up is over: the chat may run for hours

    def session(self, key: str, lead: Lead | None = None) -> Session:
        """The session for a key (or for the lead already read), once the agent has loaded."""
        return self._loaded.result().session(key, lead)

    def greeting(self, key: str) -> tuple[Lead, str]:
        """The lead of a key (created on first contact) and the first words, from its row."""
        from homer_agent.leads import has_conversation, querier

        with querier(self.pool) as q:
            lead = q.get_or_create_lead(session_key=key)
            assert lead is not None
            returning = has_conversation(q, lead)
        if returning:
            return lead, replies.welcome_back(lead.name)
        profile = self.profile
        persona = profile.persona
        return lead, replies.welcome(persona.name, persona.role, profile.development.name)


def _too_long(text: str, settings: Settings) -> str | None:
    limit = settings.homer_max_message_chars
    if len(text) > limit:
        return replies.too_long(len(text), limit)
    return None


def _run_piped(session: Session, settings: Settings) -> int:
    from homer_agent.leads import LeadForgottenError

    try:
        for text in stdin_messages():
            refusal = _too_long(text, settings)
            if refusal is not None:
                print(refusal, flush=True)
                continue
            try:
                reply = session.turn(text).reply
            except LeadForgottenError:
                reply = FORGOTTEN_PIPED
            print(reply, flush=True)
    finally:
        session.close()
    return 0


def failure_line(exc: BaseException) -> str:
    """What the person reads when a command fails: the database, or anything else."""
    database = (psycopg.Error, PoolTimeout, DatabaseUnavailableError, EmbeddedError)
    return DATABASE_DOWN if isinstance(exc, database) else INTERNAL_FAULT


@contextmanager
def _no_echo() -> Iterator[None]:
    """Keys typed while a reply streams are not echoed into it; they wait for the prompt."""
    fd = sys.stdin.fileno()
    try:
        saved = termios.tcgetattr(fd)
    except termios.error:
        yield
        return
    quiet = list(saved)
    quiet[3] &= ~termios.ECHO
    termios.tcsetattr(fd, termios.TCSANOW, quiet)
    try:
        yield
    finally:
        termios.tcsetattr(fd, termios.TCSANOW, saved)


class _Chat:
    """The lead being chatted with; its session is opened when first needed."""

    def __init__(self, agent: _AgentLoader, lead: Lead) -> None:
        self.agent = agent
        self.lead = lead
        self._session: Session | None = None

    @property
    def key(self) -> str:
        return self.lead.session_key

    @property
    def session(self) -> Session:
        if self._session is None:
            self._session = self.agent.session(self.key, self.lead)
        return self._session

    def close(self) -> None:
        if self._session is not None:
            self._session.close()


class _Terminal:
    """The interactive chat: a prompt per lead, commands, turns, one error boundary."""

    def __init__(self, agent: _AgentLoader, settings: Settings) -> None:
        self.agent = agent
        self.settings = settings
        self.limit = settings.homer_max_message_chars
        # Set when a paste or typing went past the limit and was cut (see _bindings).
        self.cut = False
        self.bindings = self._bindings()
        self.input = self._capped_input()
        self.chat: _Chat | None = None
        self.prompt: PromptSession[str] | None = None

    # ------------------------------------------------------------ the loop

    def run(self, key: str | None) -> int:
        from homer_agent.input_history import remove_legacy_input_history

        if remove_legacy_input_history(self.settings.homer_data_dir):
            notice("Removed the old shared input history file (chat_history): it mixed every key.")
        try:
            while self.chat is None:
                chosen = key or self._ask_key()
                if chosen is None:
                    return 0
                key = None
                self.guarded(partial(self._open, chosen))
            print(replies.HELP_HINT)
            return self._loop()
        finally:
            if self.chat is not None:
                self.chat.close()

    def _loop(self) -> int:
        while True:
            try:
                text = self._read("você> ")
            except KeyboardInterrupt:
                continue
            except EOFError:
                print()
                return 0
            if self.cut:
                print(replies.too_long_cut(self.limit))
                continue
            text = text.strip()
            if not text:
                continue
            command, _, argument = text.partition(" ")
            if command in QUIT_COMMANDS:
                return 0
            try:
                self.guarded(partial(self._handle, command, argument.strip(), text))
            except KeyboardInterrupt:
                end_line()
                print(CANCELLED)

    def guarded(self, action: Callable[[], None]) -> None:
        """Run a command or a turn; any failure is one pt-BR line and the session goes on."""
        from homer_agent.leads import LeadForgottenError

        try:
            action()
        except LeadForgottenError:
            end_line()
            self._offer_to_start_over()
        except Exception as exc:
            end_line()
            log.info("command failed: %s", type(exc).__name__)
            log.debug("the traceback", exc_info=True)
            print(failure_line(exc))

    def _handle(self, command: str, argument: str, text: str) -> None:
        chat = self.chat
        assert chat is not None
        if command == "/help":
            print(HELP)
        elif command == "/lead":
            from homer_agent.brief import notes_of
            from homer_agent.leads import querier

            lead = chat.session.refresh_lead()
            with querier(self.agent.pool) as q:
                notes = notes_of(q, lead.id)
            print(lead_card(lead, self.agent.profile.tz, ptbr=True, indent="  ", notes=notes))
        elif command == "/new":
            key = self._checked_key(argument) if argument else self._ask_key()
            if key is not None:
                self._open(key)
        elif (refusal := _too_long(text, self.settings)) is not None:
            print(refusal)
        else:
            self._turn(chat.session, text)

    def _turn(self, session: Session, text: str) -> None:
        """Stream the reply; Ctrl-C abandons the turn (nothing of it is stored)."""
        say("homer> ")
        try:
            with _no_echo():
                session.turn(text, on_token=say)
        except KeyboardInterrupt:
            end_line()
            print(CANCELLED)
        finally:
            end_line()

    # ------------------------------------------------------------ sessions

    def _open(self, key: str) -> None:
        """Greet `key`'s lead and make it the current chat (the old one stays on failure)."""
        lead, greeting = self.agent.greeting(key)
        prompt = self._prompt_for(lead)
        if self.chat is not None:
            self.chat.close()
        self.chat, self.prompt = _Chat(self.agent, lead), prompt
        print(greeting)

    def _offer_to_start_over(self) -> None:
        assert self.chat is not None
        key = self.chat.key
        print(FORGOTTEN)
        try:
            answer = self._read(replies.start_over(key), fresh=True)
        except (EOFError, KeyboardInterrupt):
            answer = ""
        if answer.strip().lower() in YES:
            self._open(key)
        else:
            print(replies.START_OVER_DECLINED)

    def _checked_key(self, raw: str) -> str | None:
        try:
            return check_session_key(raw)
        except SessionKeyError as exc:
            print(f"  {exc.ptbr}")
            return None

    def _ask_key(self) -> str | None:
        """A valid session key, or None when the person gives up (Ctrl-D, Ctrl-C)."""
        while True:
            try:
                raw = self._read("Chave da sessão (telefone, e-mail…): ", fresh=True)
            except (EOFError, KeyboardInterrupt):
                print()
                return None
            key = self._checked_key(raw)
            if key is not None:
                return key

    # ------------------------------------------------------------ the line editor

    def _read(self, message: str, *, fresh: bool = False) -> str:
        """One line from the person; `fresh`: with an empty history (keys, yes/no)."""
        from prompt_toolkit import PromptSession

        self.cut = False
        prompt = self.prompt
        if fresh or prompt is None:
            prompt = PromptSession(key_bindings=self.bindings, input=self.input)
        return prompt.prompt(message)

    def _prompt_for(self, lead: Lead) -> PromptSession[str]:
        """A line editor whose history is this lead's only: never another key's lines."""
        from prompt_toolkit import PromptSession

        return PromptSession(
            history=self._history(lead), key_bindings=self.bindings, input=self.input
        )

    def _history(self, lead: Lead) -> History:
        from prompt_toolkit.history import FileHistory, InMemoryHistory

        from homer_agent.input_history import input_history_path

        if not self.settings.homer_input_history:
            return InMemoryHistory()
        path = input_history_path(self.settings.homer_data_dir, lead)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
        path.chmod(0o600)

        class LeadHistory(FileHistory):
            """Appends only while the file exists: `lead forget` removed it, it stays gone."""

            def store_string(self, string: str) -> None:
                if os.path.exists(self.filename):
                    super().store_string(string)

        return LeadHistory(path)

    def _capped_input(self) -> Input:
        """Standard input that drops typed characters past HOMER_MAX_MESSAGE_CHARS as it reads.

        prompt_toolkit handles each character as a key press and copies the whole line on
        each: a 100 KB paste into a terminal without bracketed paste took minutes of CPU and
        gigabytes of memory before it could even be refused. Dropped here, the excess never
        reaches the key processor, the buffer or the renderer.
        """
        from prompt_toolkit.application.current import get_app_or_none
        from prompt_toolkit.input.vt100 import Vt100Input
        from prompt_toolkit.key_binding import KeyPress
        from prompt_toolkit.keys import Keys

        terminal = self

        class CappedInput(Vt100Input):
            def read_keys(self) -> list[KeyPress]:
                keys = super().read_keys()
                app = get_app_or_none()
                if app is None:
                    return keys
                room = terminal.limit - len(app.current_buffer.text)
                kept: list[KeyPress] = []
                for key in keys:
                    if not isinstance(key.key, Keys):  # a character; Enter, arrows... are Keys
                        if room <= 0:
                            terminal.cut = True
                            continue
                        room -= 1
                    kept.append(key)
                return kept

        return CappedInput(sys.stdin)

    def _bindings(self) -> KeyBindings:
        """Cut a bracketed paste at HOMER_MAX_MESSAGE_CHARS before the editor holds it
        (the whole paste arrives as one key press), and stop typing at the limit."""
        from prompt_toolkit.application.current import get_app
        from prompt_toolkit.filters import Condition
        from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
        from prompt_toolkit.keys import Keys

        bindings = KeyBindings()
        limit = self.limit

        @bindings.add(Keys.BracketedPaste)
        def paste(event: KeyPressEvent) -> None:
            buffer = event.current_buffer
            data = event.data.replace("\r\n", "\n").replace("\r", "\n")
            room = max(limit - len(buffer.text), 0)
            if len(data) > room:
                self.cut = True
                data = data[:room]
            buffer.insert_text(data)

        @bindings.add(
            Keys.Any, filter=Condition(lambda: len(get_app().current_buffer.text) >= limit)
        )
        def full(event: KeyPressEvent) -> None:
            self.cut = True

        return bindings
