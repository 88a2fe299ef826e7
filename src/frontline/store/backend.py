"""Which database a ``--db`` value names, and a SQLAlchemy engine for it: a SQLite file or a PostgreSQL URL.

``is_postgres(db)`` tells the two apart; ``open_engine(db)`` connects; ``prepare(db)`` makes sure the database
holds frontline's tables at this schema version (creating or migrating them, or refusing with what to do).
"""

from __future__ import annotations

import logging
from typing import Any, Final

from sqlalchemy import Engine, create_engine, event, inspect, select
from sqlalchemy.exc import SQLAlchemyError

from frontline.errors import StoreError
from frontline.store import schema as t

__all__ = ["is_postgres", "open_engine", "open_store", "prepare", "redact"]

logger = logging.getLogger(__name__)

_PG_SCHEMES: Final = ("postgresql://", "postgres://", "postgresql+psycopg://")


def is_postgres(db: str) -> bool:
    """Whether ``db`` is a PostgreSQL URL (``postgresql://...``) rather than a SQLite file path."""
    return str(db).startswith(_PG_SCHEMES)


def redact(db: str) -> str:
    """The database named without its password, for messages and logs."""
    if not is_postgres(db):
        return str(db)
    scheme, _, rest = str(db).partition("://")
    creds, at, host = rest.rpartition("@")
    if not at:
        return str(db)
    user = creds.partition(":")[0]
    return f"{scheme}://{user}:***@{host}" if ":" in creds else str(db)


def _sqlalchemy_url(db: str) -> str:
    if is_postgres(db):
        # psycopg 3 is the driver frontline depends on; SQLAlchemy would pick psycopg2 for a bare scheme
        return "postgresql+psycopg://" + str(db).partition("://")[2]
    return f"sqlite:///{db}"


def open_engine(db: str) -> Engine:
    """A SQLAlchemy engine for a SQLite file or a PostgreSQL URL.

    Raises:
        StoreError: the URL is malformed.
    """
    try:
        engine = create_engine(_sqlalchemy_url(db), pool_pre_ping=is_postgres(db))
    except (SQLAlchemyError, ValueError) as exc:
        raise StoreError(f"cannot use the database {redact(db)}: {exc}; write a SQLite file path or "
                         "postgresql://user:password@host:port/dbname") from exc
    if not is_postgres(db):
        @event.listens_for(engine, "connect")
        def _pragmas(conn, _record) -> None:   # SQLAlchemy's event signature
            # readers never wait long on a writer in WAL mode; mmap makes large scans cheaper
            conn.execute("PRAGMA busy_timeout = 10000")
            conn.execute("PRAGMA mmap_size = 268435456")
    return engine


def prepare(db: str) -> None:
    """Make sure ``db`` holds frontline's tables at this schema version.

    A SQLite file is opened (and created or migrated) by ``frontline.store.sqlite.Store``; a PostgreSQL database is
    prepared by ``frontline.store.postgres.PgStore``.

    Raises:
        StoreError: the database cannot be reached, is not a frontline store, or has another schema version.
    """
    if is_postgres(db):
        from frontline.store.postgres import PgStore
        PgStore(db).close()
    else:
        from frontline.store.sqlite import Store
        Store(db).close()


def open_store(db: str | Any) -> Any:
    """The store for ``db``: ``frontline.store.sqlite.Store`` for a SQLite file, ``frontline.store.postgres.PgStore`` for a
    ``postgresql://`` URL. Both have the same methods; use the result in a ``with`` block.

    Raises:
        StoreError: the database cannot be opened or is not a frontline store.
    """
    if is_postgres(str(db)):
        from frontline.store.postgres import PgStore
        return PgStore(str(db))
    from frontline.store.sqlite import Store
    return Store(db)


def schema_version(engine: Engine) -> str | None:
    """The schema version a database records in ``meta``, or None when it has no ``meta`` table."""
    if not inspect(engine).has_table("meta"):
        return None
    with engine.connect() as conn:
        return conn.execute(select(t.meta.c.value).where(t.meta.c.key == "schema_version")).scalar()
