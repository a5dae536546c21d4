"""Benchmark: checkpoint rows written and kept, bytes kept, ours against the stock baseline.

Tables: LangGraph's ``checkpoints``, ``checkpoint_blobs`` and ``checkpoint_writes``, plus
our ``lead_messages`` (the messages trimmed from the checkpoint's window; empty for the
baseline): rows and bytes "kept" count all four, since together they are the history.

One conversation (`CONVERSATION`, 40 turns) per side, each in its own fresh database:

- rows written: row-level AFTER INSERT/UPDATE/DELETE triggers (added to that database
  only) count every row inserted or updated (an upsert that updates counts once; one
  that does nothing counts zero) and deleted, per turn.
- rows kept: ``count(*)`` of the thread's rows once the conversation is over (after
  ``Session.close()``, which prunes what the last turns left; the peak between two
  prunes is reported too, as ``kept_peak_during_conversation``).
- bytes kept: ``sum(pg_column_size(t.*))`` over the thread's rows: the size of each row
  as stored, TOAST-compressed values at their compressed size, without indexes,
  page headers or dead tuples.
- growth: bytes kept by finished conversations of 10, 20 and 40 turns against the
  messages in their histories; the exponent ``ln(bytes40/bytes20) / ln(msgs40/msgs20)``
  (the last doubling, once storage has its steady shape; the one from 10 turns is
  reported too) is about 1 for linear growth, 2 for quadratic (every checkpoint storing
  the whole message list again).
- history readable: ours through ``homer_agent.privacy.export_lead`` (what
  ``homer-agent lead export`` prints), the baseline through ``graph.get_state``: all 40
  human messages, in order.

Many conversations: N conversations per side (full 50, quick 2) in a fresh database,
then rows, ``sum(pg_column_size)`` and ``pg_total_relation_size`` of the four tables
(heap + TOAST + indexes, as left by the run and after VACUUM FULL), extrapolated
linearly to 1,000 conversations (``extrapolated_from`` says from how many).

Budgets: ≤ 3 checkpoint rows kept per turn on average; ≤ 60 KB kept for the 40-turn
conversation; growth linear in messages (exponent ≤ 1.2); whole history readable.

Run as `uv run python -m bench.bench_storage [--quick]`, or call `run()`.
"""

from __future__ import annotations

import math
import sys
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg
from langchain_core.messages import HumanMessage

from bench.common import (
    CONVERSATION,
    Side,
    TimedChatModel,
    baseline,
    fresh_database,
    main,
    open_our_pool,
    ours,
    row,
    summary,
)
from bench.stock import open_stock_pool

TABLES = ("checkpoints", "checkpoint_blobs", "checkpoint_writes")
# Where our conversations keep the messages trimmed from the checkpoint (empty for the
# baseline): counted with the checkpoint tables, since together they are the history.
ARCHIVE = "lead_messages"
STORED = (*TABLES, ARCHIVE)
GROWTH_TURNS = (10, 20)
CONVERSATIONS = 50
QUICK_CONVERSATIONS = 2
TARGET_CONVERSATIONS = 1000
BUDGET_ROWS_PER_TURN = 3.0
BUDGET_BYTES_40 = 60 * 1024
BUDGET_GROWTH_EXPONENT = 1.2

COUNTERS_SQL = """
CREATE TABLE bench_row_ops (
    tbl text NOT NULL, op text NOT NULL, n bigint NOT NULL, PRIMARY KEY (tbl, op)
);
CREATE FUNCTION bench_count_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO bench_row_ops AS r VALUES (TG_TABLE_NAME, TG_OP, 1)
    ON CONFLICT (tbl, op) DO UPDATE SET n = r.n + 1;
    RETURN NULL;
END $$;
""" + "".join(
    f"CREATE TRIGGER bench_count AFTER INSERT OR UPDATE OR DELETE ON {t} "
    "FOR EACH ROW EXECUTE FUNCTION bench_count_row();\n"
    for t in STORED
)


def _ops(conn: psycopg.Connection[Any]) -> dict[str, int]:
    """Totals so far: rows written (inserted or updated) and deleted."""
    written = deleted = 0
    for tbl, op, n in conn.execute("SELECT tbl, op, n FROM bench_row_ops").fetchall():
        assert tbl in STORED
        if op == "DELETE":
            deleted += n
        else:
            written += n
    return {"written": written, "deleted": deleted}


def _kept(conn: psycopg.Connection[Any], thread_id: str | None) -> dict[str, dict[str, int]]:
    """Rows and bytes (sum of pg_column_size of each row) per table, one thread or all."""
    from homer_agent.leads import lead_id_of

    kept: dict[str, dict[str, int]] = {}
    for table in STORED:
        where, params = "", ()
        if thread_id is not None and table == ARCHIVE:
            where, params = "WHERE lead_id = %s", (lead_id_of(thread_id),)
        elif thread_id is not None:
            where, params = "WHERE thread_id = %s", (thread_id,)
        rows, size = conn.execute(
            f"SELECT count(*), coalesce(sum(pg_column_size(t.*)), 0) FROM {table} t {where}",
            params,
        ).fetchone() or (0, 0)
        kept[table] = {"rows": int(rows), "bytes": int(size)}
    kept["total"] = {
        "rows": sum(v["rows"] for v in kept.values()),
        "bytes": sum(v["bytes"] for v in kept.values()),
    }
    return kept


def _relation_bytes(conn: psycopg.Connection[Any]) -> int:
    found = conn.execute(
        "SELECT sum(pg_total_relation_size(c)) FROM unnest(%s::regclass[]) AS c",
        (list(STORED),),
    ).fetchone()
    return int(found[0]) if found and found[0] is not None else 0


def _readable(side: Side, pool: Any) -> dict[str, Any]:
    """Whether the whole conversation can still be read back, as a person would."""
    if side.name == "ours":
        from homer_agent.privacy import export_lead

        session = side.extra["session"]
        exported = export_lead(pool, session.refresh_lead())
        humans = [m.get("content") for m in exported["messages"] if m["type"] == "human"]
        via, total = (
            "homer_agent.privacy.export_lead (homer-agent lead export)",
            len(exported["messages"]),
        )
    else:
        history = side.history()
        humans = [m.text for m in history if isinstance(m, HumanMessage)]
        via, total = "graph.get_state", len(history)
    return {
        "via": via,
        "messages": total,
        "human_messages": len(humans),
        "all_human_messages_in_order": humans == list(CONVERSATION),
    }


def _one_conversation(make: Any, open_pool: Any) -> dict[str, Any]:
    """The 40-turn conversation, plus 10- and 20-turn ones for the growth curve."""
    with fresh_database("storage1") as url:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(COUNTERS_SQL)
        pool = open_pool(url, 2)
        try:
            with psycopg.connect(url, autocommit=True) as probe:
                side: Side = make(pool, TimedChatModel(), f"storage-{make.__name__}")
                per_turn_written: list[float] = []
                peak = {"rows": 0, "bytes": 0}
                before = _ops(probe)
                for text in CONVERSATION:
                    side.turn(text)
                    after = _ops(probe)
                    per_turn_written.append(after["written"] - before["written"])
                    before = after
                    now = _kept(probe, side.thread_id)["total"]
                    peak = {k: max(peak[k], now[k]) for k in peak}
                side.close()
                ops = _ops(probe)
                kept = _kept(probe, side.thread_id)
                readable = _readable(side, pool)
                growth = {
                    str(len(CONVERSATION)): {
                        **kept["total"],
                        "history_messages": len(side.history()),
                    }
                }
                for turns in GROWTH_TURNS:
                    short: Side = make(pool, TimedChatModel(), f"growth-{make.__name__}-{turns}")
                    for text in CONVERSATION[:turns]:
                        short.turn(text)
                    short.close()
                    growth[str(turns)] = {
                        **_kept(probe, short.thread_id)["total"],
                        "history_messages": len(short.history()),
                    }
        finally:
            pool.close()
    turns = len(CONVERSATION)
    last = growth[str(turns)]
    # Over the last doubling (20 -> 40 turns): by then a conversation's storage has its
    # steady shape (ours starts archiving once the checkpoint holds three windows, so
    # 10 -> 40 mixes a compressed blob with archived rows). Both are reported.
    exponent = _exponent(growth[str(GROWTH_TURNS[-1])], last)
    exponent_from_first = _exponent(growth[str(GROWTH_TURNS[0])], last)
    messages = last["history_messages"]
    return {
        "turns": turns,
        "rows_written": ops["written"],
        "rows_deleted": ops["deleted"],
        "rows_written_per_turn": round(ops["written"] / turns, 2),
        "rows_written_per_turn_dist": summary(per_turn_written),
        "kept": kept,
        "kept_peak_during_conversation": peak,
        "rows_kept_per_turn": round(kept["total"]["rows"] / turns, 3),
        "bytes_kept": kept["total"]["bytes"],
        "bytes_kept_per_message": round(kept["total"]["bytes"] / messages, 1) if messages else None,
        "growth": dict(sorted(growth.items(), key=lambda kv: int(kv[0]))),
        "growth_exponent": round(exponent, 3),
        "growth_exponent_from_10_turns": round(exponent_from_first, 3),
        "history": readable,
    }


def _exponent(first: dict[str, int], last: dict[str, int]) -> float:
    """ln(bytes ratio) / ln(messages ratio): about 1 for linear growth, 2 for quadratic."""
    if not first["bytes"] or last["history_messages"] <= first["history_messages"]:
        return math.nan
    return math.log(last["bytes"] / first["bytes"]) / math.log(
        last["history_messages"] / first["history_messages"]
    )


def _many_conversations(make: Any, open_pool: Any, count: int) -> dict[str, Any]:
    started = time.perf_counter()
    with fresh_database("storageN") as url:
        pool = open_pool(url, 2)
        try:
            with psycopg.connect(url, autocommit=True) as probe:
                empty = _relation_bytes(probe)
                for i in range(count):
                    side: Side = make(pool, TimedChatModel(), f"storageN-{make.__name__}-{i}")
                    for text in CONVERSATION:
                        side.turn(text)
                    side.close()
                kept = _kept(probe, None)["total"]
                relation = _relation_bytes(probe) - empty
                probe.execute(f"VACUUM (FULL) {', '.join(STORED)}")
                compacted = _relation_bytes(probe) - empty
        finally:
            pool.close()
    scale = TARGET_CONVERSATIONS / count
    return {
        "conversations_run": count,
        "turns_each": len(CONVERSATION),
        "rows_kept": kept["rows"],
        "bytes_kept_rows": kept["bytes"],
        "relation_bytes": relation,
        "relation_bytes_after_vacuum_full": compacted,
        "per_1000": {
            "rows_kept": round(kept["rows"] * scale),
            "bytes_kept_rows": round(kept["bytes"] * scale),
            "relation_bytes": round(relation * scale),
            "relation_bytes_after_vacuum_full": round(compacted * scale),
            "extrapolated_from": count,
            "extrapolated": count != TARGET_CONVERSATIONS,
        },
        "seconds": round(time.perf_counter() - started, 2),
    }


def run(quick: bool = False, conversations: int | None = None) -> dict[str, Any]:
    started = time.perf_counter()
    count = conversations or (QUICK_CONVERSATIONS if quick else CONVERSATIONS)
    our = _one_conversation(ours, open_our_pool)
    base = _one_conversation(baseline, open_stock_pool)
    our["many"] = _many_conversations(ours, open_our_pool, count)
    base["many"] = _many_conversations(baseline, open_stock_pool, count)

    rows_ok = our["rows_kept_per_turn"] <= BUDGET_ROWS_PER_TURN
    bytes_ok = our["bytes_kept"] <= BUDGET_BYTES_40
    growth_ok = our["growth_exponent"] <= BUDGET_GROWTH_EXPONENT
    readable_ok = bool(our["history"]["all_human_messages_in_order"])
    per_1000, base_1000 = our["many"]["per_1000"], base["many"]["per_1000"]
    mib = 1024 * 1024
    rows = [
        row(
            "checkpoint rows written/turn",
            our["rows_written_per_turn"],
            base["rows_written_per_turn"],
            unit="rows",
        ),
        row(
            "checkpoint rows kept/turn (40-turn conv.)",
            our["rows_kept_per_turn"],
            base["rows_kept_per_turn"],
            unit="rows",
            budget=f"≤ {BUDGET_ROWS_PER_TURN:g}",
            met=rows_ok,
        ),
        row(
            "KB kept, one 40-turn conversation",
            round(our["bytes_kept"] / 1024, 1),
            round(base["bytes_kept"] / 1024, 1),
            unit="KB",
            budget=f"≤ {BUDGET_BYTES_40 // 1024}",
            met=bytes_ok,
        ),
        row(
            "KB kept, peak during the conversation",
            round(our["kept_peak_during_conversation"]["bytes"] / 1024, 1),
            round(base["kept_peak_during_conversation"]["bytes"] / 1024, 1),
            unit="KB",
        ),
        row(
            "storage growth exponent vs messages",
            our["growth_exponent"],
            base["growth_exponent"],
            unit="",
            budget=f"≤ {BUDGET_GROWTH_EXPONENT} (≤ linear)",
            met=growth_ok,
        ),
        row(
            "whole history readable (lead export)",
            readable_ok,
            bool(base["history"]["all_human_messages_in_order"]),
            budget="yes",
            met=readable_ok,
        ),
        row(
            f"rows kept, 1,000 conv. (from {count})",
            per_1000["rows_kept"],
            base_1000["rows_kept"],
            unit="rows",
        ),
        row(
            f"MiB kept (rows), 1,000 conv. (from {count})",
            round(per_1000["bytes_kept_rows"] / mib, 1),
            round(base_1000["bytes_kept_rows"] / mib, 1),
            unit="MiB",
        ),
        row(
            f"MiB on disk as left (dead rows incl.), 1,000 conv. (from {count})",
            round(per_1000["relation_bytes"] / mib, 1),
            round(base_1000["relation_bytes"] / mib, 1),
            unit="MiB",
        ),
        row(
            f"MiB on disk after VACUUM FULL, 1,000 conv. (from {count})",
            round(per_1000["relation_bytes_after_vacuum_full"] / mib, 1),
            round(base_1000["relation_bytes_after_vacuum_full"] / mib, 1),
            unit="MiB",
        ),
    ]
    return {
        "name": "storage",
        "quick": quick,
        "tables": list(STORED),
        "definition": {
            "rows_written": "row-level trigger count of inserted + updated rows",
            "bytes_kept": "sum(pg_column_size(t.*)) over the thread's rows",
            "relation_bytes": "pg_total_relation_size delta of the three tables "
            "(heap+TOAST+indexes, dead tuples included)",
        },
        "ours": our,
        "baseline": base,
        "budget": {
            "rows_kept_per_turn_max": BUDGET_ROWS_PER_TURN,
            "bytes_kept_40_turns_max": BUDGET_BYTES_40,
            "growth_exponent_max": BUDGET_GROWTH_EXPONENT,
            "met": rows_ok and bytes_ok and growth_ok and readable_ok,
        },
        "seconds": round(time.perf_counter() - started, 2),
        "rows": rows,
    }


if __name__ == "__main__":
    main(run)
