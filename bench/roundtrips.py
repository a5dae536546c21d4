"""Counting Postgres round trips: a TCP relay in front of the server.

A round trip is one wait of the client for the server: the relay counts each time the
server starts answering after the client has sent something since the server last spoke.
That holds whatever the client does (a simple query, an extended-protocol Sync, a pipeline
of many statements ended by one Sync, a flush request, psycopg's pool check), and needs
nothing of the server (no pg_stat_statements) or of the client library.

    with RoundTripRelay(url) as relay:
        pool = open_pool(relay.url)
        before = relay.count
        ...one turn...
        trips = relay.count - before
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import threading
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from psycopg import conninfo

if TYPE_CHECKING:
    from homer_agent.agent import Agent


class RoundTripRelay:
    """A relay on 127.0.0.1 to the server of `url`; `url` of the relay: `self.url`."""

    def __init__(self, url: str) -> None:
        info = conninfo.conninfo_to_dict(url)
        host = str(info.get("host") or "localhost")
        port = int(str(info.get("port") or 5432))
        if host.startswith("/"):
            self._target: Any = f"{host}/.s.PGSQL.{port}"
            self._family = socket.AF_UNIX
        else:
            self._target = (host, port)
            self._family = socket.AF_INET
        self._listener = socket.create_server(("127.0.0.1", 0))
        relay_port = self._listener.getsockname()[1]
        # Plain frames only: no SSL or GSS negotiation through the relay.
        self.url = conninfo.make_conninfo(
            url, host="127.0.0.1", port=relay_port, sslmode="disable", gssencmode="disable"
        )
        self._lock = threading.Lock()
        self.count = 0
        self._closed = False
        threading.Thread(target=self._accept, name="pg-relay", daemon=True).start()

    def __enter__(self) -> RoundTripRelay:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._closed = True
        with contextlib.suppress(OSError):
            self._listener.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            server = socket.socket(self._family, socket.SOCK_STREAM)
            server.connect(self._target)
            threading.Thread(
                target=self._pump, args=(client, server), name="pg-relay-conn", daemon=True
            ).start()

    def _pump(self, client: socket.socket, server: socket.socket) -> None:
        """Relay one connection both ways, counting the server's answers."""
        selector = selectors.DefaultSelector()
        selector.register(client, selectors.EVENT_READ, server)
        selector.register(server, selectors.EVENT_READ, client)
        asked = False
        try:
            while True:
                for key, _ in selector.select():
                    source: socket.socket = key.fileobj  # type: ignore[assignment]
                    data = source.recv(65536)
                    if not data:
                        return
                    if source is client:
                        asked = True
                    elif asked:
                        asked = False
                        with self._lock:
                            self.count += 1
                    key.data.sendall(data)
        except OSError:
            return
        finally:
            selector.close()
            for sock in (client, server):
                with contextlib.suppress(OSError):
                    sock.close()


@contextlib.contextmanager
def counted_agent(url: str) -> Iterator[tuple[Agent, RoundTripRelay]]:
    """The offline agent on one pooled connection through a relay to the database `url`,
    and the relay. It never prunes: pruning is a separate, occasional cost."""
    from homer_agent.agent import build_agent
    from homer_agent.db.pool import open_pool
    from homer_agent.models.offline import OfflineChatModel
    from homer_agent.profile import load_profile

    with RoundTripRelay(url) as relay:
        pool = open_pool(relay.url, max_size=1)
        try:
            agent = build_agent(
                pool=pool, model=OfflineChatModel(), model_name="offline", profile=load_profile()
            )
            yield replace(agent, draw=lambda: 1.0), relay
        finally:
            pool.close()
