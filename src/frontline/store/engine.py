"""A SQLAlchemy engine for a ``--db`` value (a SQLite file or a PostgreSQL URL), and how to name it in messages.

``is_postgres(db)`` tells the two apart; ``open_engine(db)`` connects (``read_only`` for the read path, which
never creates a file); ``redact(db)`` (from ``frontline.errors``) hides a password; ``schema_version(engine)`` reads ``meta``.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import Final
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event, inspect, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import QueuePool

from frontline.errors import StoreError
from frontline.store import schema as t
from frontline.store.schema import check_tables, check_version
from frontline.textguard import redact

__all__ = ["is_postgres", "open_engine", "open_reader", "redact", "schema_version"]

logger = logging.getLogger(__name__)

_PG_SCHEMES: Final = ("postgresql://", "postgres://", "postgresql+psycopg://")


def is_postgres(db: str) -> bool:
    """Whether ``db`` is a PostgreSQL URL (``postgresql://...``) rather than a SQLite file path."""
    return str(db).startswith(_PG_SCHEMES)


def _sqlalchemy_url(db: str) -> str:
    if is_postgres(db):
        # psycopg 3 is the driver frontline depends on; SQLAlchemy would pick psycopg2 for a bare scheme
        return "postgresql+psycopg://" + str(db).partition("://")[2]
    return f"sqlite:///{db}"


def open_engine(db: str, *, read_only: bool = False) -> Engine:
    """A SQLAlchemy engine for a SQLite file or a PostgreSQL URL; ``read_only`` opens a SQLite file read-only
    (a missing file is then an error when the engine first connects, never an empty new file).

    Raises:
        StoreError: the URL is malformed.
    """
    try:
        if read_only and not is_postgres(db):
            uri = f"file:{quote(str(Path(db).absolute()))}?mode=ro"
            # QueuePool, as for a file URL: the "sqlite://" URL alone would pick SingletonThreadPool, which
            # closes other threads' connections once more than five threads read (the REST server's thread
            # pool does), and a connection closed under a running query crashes libsqlite3.
            engine = create_engine("sqlite://", poolclass=QueuePool,
                                   creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False))
        else:
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


def schema_version(engine: Engine) -> str | None:
    """The schema version a database records in ``meta``, or None when it has no ``meta`` table."""
    if not inspect(engine).has_table("meta"):
        return None
    with engine.connect() as conn:
        return conn.execute(select(t.meta.c.value).where(t.meta.c.key == "schema_version")).scalar()


def open_reader(db: str) -> Engine:
    """A read-only engine on a frontline store of this schema version: the read path, which never creates,
    changes or migrates a store.

    Raises:
        StoreError: the database cannot be reached, does not exist, is not a frontline store, or has another
            schema version.
    """
    if not is_postgres(db) and not Path(db).is_file():
        raise StoreError(f"cannot open {db}: there is no such file; ingest into it first "
                         f"(frontline ingest ... --db {db})")
    engine = open_engine(db, read_only=True)
    try:
        _check_store(db, engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(f"cannot open {redact(db)}: {exc.__class__.__name__}: {getattr(exc, 'orig', None) or exc}; "
                         "check that the database is reachable and is a frontline store") from exc
    except StoreError:
        engine.dispose()
        raise
    return engine


# A PostgreSQL store is never migrated (a SQLite file is, when a store opens it for writing).
NO_MIGRATION: Final = "ingest again into an empty database"


def _check_store(db: str, engine: Engine) -> None:
    check_tables(redact(db), set(inspect(engine).get_table_names()), "ingest into a new database")
    remedy = NO_MIGRATION if is_postgres(db) else \
        f"open it once with a store to migrate it (frontline repair --db {db}), or extract again into a new file"
    check_version(redact(db), schema_version(engine), remedy)
