"""Both back ends satisfy the ``Store`` protocol, method for method (mypy checks the signatures too)."""

from __future__ import annotations

import inspect
import os

import pytest
from stores import drop_postgres, empty_postgres

from frontline.store.backend import open_store
from frontline.store.base import Lifecycle, Store
from frontline.store.catalog import Catalog
from frontline.store.postgres import PgStore
from frontline.store.sqlite import SqliteStore


def _protocol_methods() -> set[str]:
    return {name for name, member in vars(Store).items()
            if callable(member) and (not name.startswith("_") or name in ("__enter__", "__exit__"))}


@pytest.mark.parametrize("backend", [SqliteStore, PgStore])
def test_each_backend_has_every_method_of_the_protocol_with_its_parameters(backend):
    for name in _protocol_methods():
        assert callable(getattr(backend, name, None)), f"{backend.__name__} lacks {name}"
        want = list(inspect.signature(getattr(Store, name)).parameters)
        have = list(inspect.signature(getattr(backend, name)).parameters)
        assert have == want, f"{backend.__name__}.{name}{have} differs from Store.{name}{want}"


def test_the_protocol_names_the_methods_both_backends_share():
    shared = {n for n in dir(SqliteStore) if not n.startswith("_") and callable(getattr(SqliteStore, n))} & \
             {n for n in dir(PgStore) if not n.startswith("_") and callable(getattr(PgStore, n))}
    assert shared - {"open"} == _protocol_methods() - {"__enter__", "__exit__"}


def test_an_open_sqlite_store_is_a_store(tmp_path):
    with open_store(tmp_path / "a.db") as store:
        assert isinstance(store, SqliteStore) and isinstance(store, Store)


@pytest.mark.skipif(not os.environ.get("FRONTLINE_TEST_PG"), reason="set FRONTLINE_TEST_PG to a PostgreSQL URL")
def test_an_open_postgres_store_is_a_store():
    url = empty_postgres()
    try:
        with open_store(url) as store:
            assert isinstance(store, PgStore) and isinstance(store, Store)
    finally:
        drop_postgres(url)


def test_stores_and_the_catalog_share_one_lifecycle(tmp_path):
    assert issubclass(SqliteStore, Lifecycle) and issubclass(PgStore, Lifecycle) and issubclass(Catalog, Lifecycle)
    store = SqliteStore.open(tmp_path / "b.db")
    store.close()
    store.close()                   # closing twice is harmless


def test_the_catalog_refuses_a_missing_file_and_creates_none(tmp_path):
    from frontline.errors import StoreError

    with pytest.raises(StoreError, match="no such file"):
        Catalog(str(tmp_path / "missing.db"))
    assert not (tmp_path / "missing.db").exists()
