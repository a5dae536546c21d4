"""The data layer: generated queries and models, the pool, migrations, the embedded server."""

from __future__ import annotations

from dataclasses import dataclass

from homer_agent.config import Settings
from homer_agent.db.embedded import start_embedded
from homer_agent.db.migrate import migrate
from homer_agent.db.pool import Pool, describe_server, open_pool


@dataclass(frozen=True, slots=True)
class Database:
    """An open pool and where it points; `with connect(settings) as database:` closes it."""

    url: str
    pool: Pool
    embedded: bool

    @property
    def where(self) -> str:
        return ("embedded PostgreSQL, " if self.embedded else "PostgreSQL ") + describe_server(
            self.url
        )

    def close(self) -> None:
        self.pool.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def database_url(settings: Settings, *, announce: bool = True) -> tuple[str, bool]:
    """The URL to use and whether it is the embedded server (started if needed)."""
    if settings.database_url is not None:
        return settings.database_url, False
    return start_embedded(settings.homer_data_dir, announce=announce), True


def connect(settings: Settings, *, run_migrations: bool = True) -> Database:
    """Open the pool (starting the embedded server if needed) and bring the schema up to date."""
    url, embedded = database_url(settings)
    pool = open_pool(
        url, max_size=settings.homer_pool_max_size, timeout=settings.homer_connect_timeout
    )
    if run_migrations:
        migrate(pool)
    return Database(url=url, pool=pool, embedded=embedded)
