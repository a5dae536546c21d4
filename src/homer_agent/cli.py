"""The `homer-agent` command line: chat, lead, leads, calls, db, kb, sentiment."""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from homer_agent.config import Settings, SettingsError, load_settings
from homer_agent.console import LineSafeHandler, lead_card, leads_table, notice, stdin_lines
from homer_agent.inputs import UserError, check_session_key, fail

if TYPE_CHECKING:
    from homer_agent.db import Database

app = typer.Typer(
    name="homer-agent",
    help="Homer: a pt-BR lead-qualification agent for real-estate developments.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
lead_app = typer.Typer(help="One lead: show, release, export or forget it.", no_args_is_help=True)
db_app = typer.Typer(help="The database: migrate, url, shell, prune.", no_args_is_help=True)
app.add_typer(lead_app, name="lead")
app.add_typer(db_app, name="db")


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"homer-agent {version('homer-agent')}")
        raise typer.Exit()


@app.callback()
def _root(
    show_version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Homer: a pt-BR lead-qualification agent for real-estate developments."""


# ---------------------------------------------------------------- chat


@app.command()
def chat(
    session: Annotated[
        str | None,
        typer.Option("--session", "-s", help="Session key: a phone number, an e-mail..."),
    ] = None,
) -> None:
    """Chat with the agent. Interactive in a terminal; one message per line otherwise."""
    from homer_agent.terminal import run_chat

    settings = load_settings()
    key = check_session_key(session) if session is not None else None
    raise typer.Exit(run_chat(settings, key))


# ---------------------------------------------------------------- serve


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Worker processes.")] = 1,
) -> None:
    """Serve the HTTP API and the WhatsApp webhook (docs at /docs)."""
    from homer_agent.service.server import serve as run_server
    from homer_agent.startup import resume_gc

    resume_gc()  # a server runs for days: the collector back on (see startup.py)
    run_server(load_settings(), host, port, workers)


# ---------------------------------------------------------------- leads


def _connect(settings: Settings) -> Database:
    """The database, as a context manager (imported here: `sentiment` needs none of it)."""
    from homer_agent.db import connect

    return connect(settings)


def _find_lead(database: Any, key: str) -> Any:
    from homer_agent.leads import querier

    with querier(database.pool) as q:
        lead = q.get_lead_by_session_key(session_key=check_session_key(key))
    if lead is None:
        fail(f"no lead has the session key {key!r}; `homer-agent leads` lists them")
    return lead


def _local_tz(settings: Settings) -> Any:
    """The development's time zone, in which call times are shown."""
    from homer_agent.profile import load_profile

    return load_profile(settings.homer_profile).tz


@contextmanager
def _open_lead(key: str) -> Iterator[tuple[Any, Any, Any]]:
    """(querier, lead, time zone) of the lead `key`, on an open connection; fails if none."""
    from homer_agent.leads import querier

    settings = load_settings()
    tz = _local_tz(settings)
    with _connect(settings) as database:
        lead = _find_lead(database, key)
        with querier(database.pool) as q:
            yield q, lead, tz


@lead_app.command("show")
def lead_show(
    key: Annotated[str, typer.Argument(help="The lead's session key.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON only.")] = False,
) -> None:
    """Show one lead: every fact and the temperature."""
    from homer_agent.brief import notes_of
    from homer_agent.leads import lead_json

    with _open_lead(key) as (q, lead, tz):
        notes = notes_of(q, lead.id)
    if as_json:
        print(json.dumps(lead_json(lead, tz, notes), ensure_ascii=False))
    else:
        print(lead_card(lead, tz, notes=notes))


@lead_app.command("release")
def lead_release(
    key: Annotated[str, typer.Argument(help="The lead's session key.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the lead as JSON.")] = False,
) -> None:
    """Hand a conversation a person had taken over back to Homer, which resumes it."""
    from homer_agent.brief import notes_of
    from homer_agent.leads import lead_json

    with _open_lead(key) as (q, found, tz):
        released = q.release_handoff(id=found.id)
        lead = released or found
        shown = lead_json(lead, tz, notes_of(q, lead.id))
    if released is None:
        notice(f"Lead {lead.session_key!r} was not handed off: nothing to release.")
    else:
        notice(f"Released lead {lead.session_key!r}: Homer answers its next message.")
    if as_json:
        print(json.dumps(shown, ensure_ascii=False))


@lead_app.command("export")
def lead_export(key: Annotated[str, typer.Argument(help="The lead's session key.")]) -> None:
    """Print everything stored about a lead as JSON (LGPD access request)."""
    from homer_agent.privacy import export_lead

    with _connect(load_settings()) as database:
        lead = _find_lead(database, key)
        data = export_lead(database.pool, lead)
    print(json.dumps(data, ensure_ascii=False, indent=2))


@lead_app.command("forget")
def lead_forget(
    key: Annotated[str, typer.Argument(help="The lead's session key.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete a lead, its conversation, its turn records and its input history, for good."""
    from homer_agent.privacy import forget_lead

    settings = load_settings()
    with _connect(settings) as database:
        lead = _find_lead(database, key)
        if not yes:
            if not sys.stdin.isatty():
                fail("refusing to delete without confirmation: pass --yes")
            typer.confirm(f"Delete everything stored about {lead.session_key!r}?", abort=True)
        report = forget_lead(
            database.pool, lead, data_dir=settings.homer_data_dir, **_calendar_of(settings)
        )
    notice(
        f"Forgot lead {lead.session_key!r}: row, conversation, turn records and input history "
        "deleted."
    )
    if report is not None and report.error is None:
        notice("Its call was deleted from the brokers' calendar.")
    elif report is not None:
        notice(f"Its call stays pending deletion ({report.error}); `homer-agent calls sync`.")


@app.command("leads")
def leads(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON only.")] = False,
    handoff: Annotated[
        bool, typer.Option("--handoff", help="Only the leads waiting for a person.")
    ] = False,
) -> None:
    """List every lead, most recently updated first."""
    from homer_agent.leads import lead_json, querier

    settings = load_settings()
    if handoff:
        from homer_agent.notify.commands import run_awaiting

        run_awaiting(settings, as_json=as_json)
        return
    tz = _local_tz(settings)
    with _connect(settings) as database, querier(database.pool) as q:
        rows = q.list_leads()
    if as_json:
        print(json.dumps([lead_json(r, tz) for r in rows], ensure_ascii=False))
        return
    if not rows:
        notice("No leads yet: `homer-agent chat` starts a conversation.")
        return
    print(leads_table(rows, tz))


def _calendar_of(settings: Settings) -> dict[str, Any]:
    """The brokers' calendar and the profile, for commands that change a call."""
    if settings.homer_caldav_url is None:
        return {}
    from homer_agent.calendar.caldav_sync import BrokerCalendar
    from homer_agent.profile import load_profile

    return {
        "calendar": BrokerCalendar.from_settings(settings),
        "profile": load_profile(settings.homer_profile),
    }


# ---------------------------------------------------------------- calls

calls_app = typer.Typer(
    help="The brokers' calls: list them (--json, --ics) or sync them with the calendar.",
    invoke_without_command=True,
)
app.add_typer(calls_app, name="calls")


@calls_app.callback()
def calls(
    context: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON only.")] = False,
    ics: Annotated[
        bool, typer.Option("--ics", help="Print an iCalendar (RFC 5545) feed to import.")
    ] = False,
) -> None:
    """Upcoming calls, soonest first: when (local), who, bedrooms, neighbourhood, budget."""
    if context.invoked_subcommand is not None:
        return
    from homer_agent.calendar.feed import calls_ics, calls_json, upcoming, upcoming_notes
    from homer_agent.console import calls_table
    from homer_agent.db import connect
    from homer_agent.profile import load_profile

    if as_json and ics:
        raise UserError("choose one of --json and --ics")
    settings = load_settings()
    profile = load_profile(settings.homer_profile)
    with connect(settings) as database:
        rows = upcoming(database.pool)
        notes = upcoming_notes(database.pool) if ics else {}
    synced = settings.homer_caldav_url is not None
    if ics:
        sys.stdout.buffer.write(calls_ics(rows, profile, notes))
        sys.stdout.flush()
    elif as_json:
        print(json.dumps(calls_json(rows, profile.tz, synced=synced), ensure_ascii=False))
    elif not rows:
        notice("No upcoming calls.")
    else:
        print(calls_table(rows, profile.tz, synced=synced))


@calls_app.command("sync")
def calls_sync() -> None:
    """Push the calls Postgres holds as pending to the CalDAV calendar, once each.

    The exit code says whether every change went."""
    from homer_agent.calendar.caldav_sync import BrokerCalendar, push_pending
    from homer_agent.db import connect
    from homer_agent.profile import load_profile

    settings = load_settings()
    calendar = BrokerCalendar.from_settings(settings)
    if calendar is None:
        raise UserError("HOMER_CALDAV_URL is not set: there is no calendar to sync with")
    profile = load_profile(settings.homer_profile)
    with connect(settings) as database, database.pool.connection() as conn:
        report = push_pending(conn, calendar, profile)
    for conflict in report.conflicts:
        notice(f"homer-agent: {conflict}")
    if report.error is not None:
        notice(
            f"homer-agent: error: pushed {report.pushed}, {report.pending} still pending: "
            f"{report.error}"
        )
        raise typer.Exit(1)
    if report.conflicts:
        notice(
            f"Pushed {report.pushed} change(s); {len(report.conflicts)} call(s) not written "
            "because their time is busy in the calendar (above)."
        )
        raise typer.Exit(1)
    notice(f"Pushed {report.pushed} change(s) to the calendar; nothing pending.")


# ---------------------------------------------------------------- notify

notify_app = typer.Typer(
    help="The brokers' webhook notifications: send the unsent ones.", no_args_is_help=True
)
app.add_typer(notify_app, name="notify")


@notify_app.command("sync")
def notify_sync() -> None:
    """Send every unsent broker notification to HOMER_BROKER_WEBHOOK_URL, once each."""
    from homer_agent.notify.commands import run_sync

    raise typer.Exit(run_sync(load_settings()))


# ---------------------------------------------------------------- db


@db_app.command("migrate")
def db_migrate() -> None:
    """Create or update the schema (also done automatically at start-up)."""
    from homer_agent.db import database_url
    from homer_agent.db.migrate import migrate
    from homer_agent.db.pool import open_pool

    settings = load_settings()
    url, _ = database_url(settings)
    pool = open_pool(url, max_size=1, timeout=settings.homer_connect_timeout)
    try:
        applied = migrate(pool)
    finally:
        pool.close()
    notice(f"Applied {', '.join(applied)}." if applied else "The schema is up to date.")


@db_app.command("url")
def db_url() -> None:
    """Print the connection URL in use (embedded or DATABASE_URL), for psql and friends."""
    from homer_agent.db import database_url

    url, embedded = database_url(load_settings())
    print(url)
    if embedded:
        notice(
            "The embedded server runs only while a homer-agent process uses it: "
            "`homer-agent db shell` opens psql on it and keeps it up meanwhile."
        )


@db_app.command("shell")
def db_shell() -> None:
    """Open psql on the database in use; the embedded server stays up until psql exits."""
    from homer_agent.db import database_url
    from homer_agent.db.embedded import psql_path

    url, _ = database_url(load_settings())
    # The psql that ships with the embedded server speaks to any PostgreSQL.
    psql = psql_path()
    code = subprocess.call([str(psql if psql.is_file() else "psql"), url])
    raise typer.Exit(code)


_DURATION = re.compile(r"^\s*(\d+)\s*([dhmw])\s*$")
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
# Longer than any conversation can have been idle; also well inside timedelta's range.
PRUNE_MAX = timedelta(days=100 * 366)
# Below this a prune may take a conversation someone is in the middle of: ask for --yes.
PRUNE_CONFIRM_BELOW = timedelta(days=1)


def parse_duration(text: str) -> timedelta:
    """`30d`, `12h`, `90m`, `2w` as a duration; anything else, or over 100 years, is refused."""
    match = _DURATION.match(text)
    if match is None:
        fail(f"--older-than {text.strip()!r}: expected a number and a unit: 30d, 12h, 90m or 2w")
    try:
        duration = timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})
    except OverflowError:
        duration = timedelta.max
    if duration > PRUNE_MAX:
        fail(f"--older-than {text.strip()} is too long: at most {PRUNE_MAX.days}d (100 years)")
    return duration


@db_app.command("prune")
def db_prune(
    older_than: Annotated[
        str, typer.Option("--older-than", help="Idle time, e.g. 30d, 12h, 2w.")
    ] = "30d",
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Needed below 1d: recent conversations go too.")
    ] = False,
) -> None:
    """Delete conversations idle longer than --older-than (lead rows stay)."""
    from homer_agent.privacy import prune_idle_conversations

    idle = parse_duration(older_than)
    if idle < PRUNE_CONFIRM_BELOW and not yes:
        fail(
            f"--older-than {older_than.strip()} also deletes conversations active today, "
            "including open chats; pass --yes to do it"
        )
    with _connect(load_settings()) as database:
        count, busy = prune_idle_conversations(database.pool, idle)
    skipped = f"; skipped {busy} with a turn in progress" if busy else ""
    notice(f"Deleted {count} conversation(s) idle for more than {older_than.strip()}{skipped}.")


# ---------------------------------------------------------------- kb

kb_app = typer.Typer(help="The development's documents: index, search, list.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")


@contextmanager
def _kb_errors() -> Iterator[None]:
    """Knowledge-base errors (a missing folder, a bad file, the embeddings endpoint): one line."""
    from homer_agent.kb import KbError
    from homer_agent.kb.embeddings import EmbeddingsError

    try:
        yield
    except (KbError, EmbeddingsError) as exc:
        fail(str(exc))


@kb_app.command("index")
def kb_index(
    folder: Annotated[
        Path | None,
        typer.Argument(help="Documents folder; default: HOMER_KB_DIR, else the profile's."),
    ] = None,
) -> None:
    """Index the documents folder: new and changed files are (re)indexed, deleted ones removed."""
    from homer_agent.kb import documents_folder, index_folder
    from homer_agent.kb.embeddings import make_embedder
    from homer_agent.profile import load_profile

    settings = load_settings()
    at_start = documents_folder(settings, load_profile(settings.homer_profile))
    folder = folder or at_start
    if folder is None:
        fail("no documents folder: pass DIR, set HOMER_KB_DIR or `documents` in the profile")
    with _kb_errors(), _connect(settings) as database, database.pool.connection() as conn:
        report = index_folder(conn, folder, embedder=make_embedder(settings))
    for line in report.lines():
        print(line)
    if at_start is not None and _resolved(at_start) != _resolved(folder):
        # One index per database: what `chat` and `serve` index at start replaces this.
        notice(
            f"Note: `chat` and `serve` index {at_start} at start, which replaces the "
            f"documents of {folder}; to keep these, set HOMER_KB_DIR={folder}"
        )


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path


@kb_app.command("search")
def kb_search(
    query: Annotated[str, typer.Argument(help="A question or keywords, in Portuguese.")],
    k: Annotated[int, typer.Option("-k", min=1, max=50, help="How many passages.")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON only.")] = False,
) -> None:
    """Search the indexed documents: ranked passages with document, headings and score."""
    from homer_agent.kb import search
    from homer_agent.kb.embeddings import make_embedder

    settings = load_settings()
    with _kb_errors(), _connect(settings) as database, database.pool.connection() as conn:
        result = search(conn, query, k=k, embedder=make_embedder(settings))
    if as_json:
        rows = [{"rank": n, **p.as_json()} for n, p in enumerate(result.passages, start=1)]
        print(json.dumps(rows, ensure_ascii=False))
        return
    if not result.passages:
        notice("No passage matches; `homer-agent kb list` shows what is indexed.")
    for n, passage in enumerate(result.passages, start=1):
        print(f"{n}. [{passage.score:.4f}] {passage.document} · {passage.heading_path}")
        print("   " + passage.body.replace("\n", "\n   "))


@kb_app.command("list")
def kb_list(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON only.")] = False,
) -> None:
    """List the indexed documents: chunks and when each was last indexed."""
    from homer_agent.leads import querier

    settings = load_settings()
    with _connect(settings) as database, querier(database.pool) as q:
        documents = q.list_documents()
        folder = q.get_folder()
    rows = [
        {
            "document": d.path,
            "title": d.title,
            "chunks": d.chunks,
            "indexed_at": d.indexed_at.isoformat(timespec="seconds"),
        }
        for d in documents
    ]
    if as_json:
        print(json.dumps(rows, ensure_ascii=False))
        return
    if folder is None:
        notice("Nothing indexed yet: `homer-agent kb index [DIR]` indexes a documents folder.")
        return
    notice(f"Folder {folder.path}, indexed {folder.indexed_at.isoformat(timespec='seconds')}")
    print(f"{'DOCUMENT':<40} {'CHUNKS':>6}  INDEXED")
    for row in rows:
        print(f"{str(row['document'])[:40]:<40} {row['chunks']:>6}  {row['indexed_at']}")
    total = sum(d.chunks for d in documents)
    print(f"{len(rows)} document(s), {total} chunk(s)")


# ---------------------------------------------------------------- sentiment


@app.command("sentiment")
def sentiment(
    texts: Annotated[
        list[str] | None, typer.Argument(help="Texts to score; none: read standard input.")
    ] = None,
) -> None:
    """Score pt-BR texts: one JSON line each with compound and label."""
    from homer_agent.ptbr.sentiment import analyze

    lines = texts if texts else (line.rstrip("\r\n") for line in stdin_lines())
    for text in lines:
        score = analyze(text)
        print(
            json.dumps(
                {"text": text, "compound": score.compound, "label": score.label},
                ensure_ascii=False,
            ),
            flush=True,
        )


# ---------------------------------------------------------------- entry point


def _configure_logging() -> None:
    """Warnings and errors on standard error, one line each; HOMER_LOG_LEVEL=DEBUG for more."""
    level = os.environ.get("HOMER_LOG_LEVEL", "WARNING").upper()
    handler = LineSafeHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("homer-agent: %(levelname)s: %(message)s"))
    logging.basicConfig(
        level=level if level in ("DEBUG", "INFO", "WARNING", "ERROR") else "WARNING",
        handlers=[handler],
    )
    if level != "DEBUG":
        # The pool logs every failed reconnection attempt; the CLI reports the outcome once.
        logging.getLogger("psycopg.pool").setLevel(logging.CRITICAL)


def _exit_on_termination() -> None:
    """SIGTERM and SIGHUP (the terminal closed) end the process like Ctrl-D does: through
    `finally` blocks and atexit, so the embedded PostgreSQL is stopped when this was its
    last user (their default action kills the process on the spot, leaving it running)."""
    import signal

    def leave(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, leave)


def main() -> None:
    """Console entry point: errors a person can act on become one line and exit 1."""
    from homer_agent.db.embedded import EmbeddedError
    from homer_agent.db.pool import DatabaseUnavailableError
    from homer_agent.profile import ProfileError

    _configure_logging()
    _exit_on_termination()
    try:
        app()
    except (UserError, SettingsError, DatabaseUnavailableError, EmbeddedError, ProfileError) as exc:
        notice(f"homer-agent: error: {exc}")
        sys.exit(1)
    except KeyboardInterrupt:
        notice("")
        sys.exit(130)
    except Exception as exc:
        # The last boundary: a fault nobody foresaw is one line too (the traceback with
        # HOMER_LOG_LEVEL=DEBUG).
        logging.getLogger("homer_agent").debug("unexpected error", exc_info=True)
        notice(
            f"homer-agent: error: unexpected {type(exc).__name__}: "
            f"{str(exc).splitlines()[0] if str(exc) else ''}; "
            "HOMER_LOG_LEVEL=DEBUG shows the details"
        )
        sys.exit(1)
