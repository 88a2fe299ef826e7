"""Which back end a ``--db`` value names: a SQLite file or a PostgreSQL URL, opened as a ``Store``."""

from __future__ import annotations

from os import PathLike

from frontline.store.base import Store
from frontline.store.engine import is_postgres, redact
from frontline.store.postgres import PgStore
from frontline.store.sqlite import SqliteStore

__all__ = ["is_postgres", "open_store", "redact"]


def open_store(db: str | PathLike[str]) -> Store:
    """The store for ``db``: a ``SqliteStore`` for a SQLite file (created when missing), a ``PgStore`` for a
    ``postgresql://`` URL; use it in a ``with`` block.

    Raises:
        StoreError: the database cannot be opened or is not a frontline store.
    """
    if is_postgres(str(db)):
        return PgStore(str(db))
    return SqliteStore(db)

