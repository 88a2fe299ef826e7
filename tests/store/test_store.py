import dataclasses
import datetime as dt
import sqlite3

import pytest

from frontline.errors import StoreError
from frontline.export.results import to_dict, validate
from frontline.models import (
    ActorMention,
    Article,
    ArticleResult,
    Claim,
    DateMention,
    Document,
    Event,
    EventDate,
    Evidence,
    Location,
    Mentions,
    Party,
    Place,
    PlaceMention,
    Quantity,
    QuantityMention,
    stable_id,
)
from frontline.store.base import Summary, WriteOutcome
from frontline.store.schema import SCHEMA_VERSION
from frontline.store.sqlite import SqliteStore as Store

RAW = "Russian  troops entered Hirske on Tuesday.\nAbout the author: J. Doe\nUp to 2,000 soldiers were surrounded."
TEXT = "Russian troops entered Hirske on Tuesday. Up to 2,000 soldiers were surrounded."
SIEVIERODONETSK = Place(702658, "Sievierodonetsk", 48.94816, 38.49116, "Luhansk", "UA", "settlement", 100000)
HIRSKE = Place(709332, "Hirske", 48.7532, 38.4975, "Luhansk", "UA", "settlement", 9000)
HIRSKE_RU = Place(None, "Gorskoye", 55.0, 37.0, None, "RU", "settlement")
RU = Party("Russian forces", "RU")
UA = Party("Armed Forces of Ukraine", "UA")
HAIDAI = Party("Serhiy Haidai", "UA", "governor of Luhansk oblast")


def offsets():
    """Clean -> raw offsets for TEXT: one doubled space dropped, the credit line dropped."""
    first = list(range(0, 8)) + list(range(9, 42))   # 'Russian ' then 'troops ... Tuesday.' past the 2nd space
    rest = list(range(68, len(RAW)))                   # 'Up to ...' after the credit line
    return tuple(first + [42] + rest + [len(RAW)])


def article_result(article_id="a1", published=dt.date(2022, 6, 22), confidence=0.8):
    doc = Document(article_id, RAW, TEXT, offsets(), removed=((43, 68, "credit"),), repairs=("whitespace",))
    mentions = Mentions(
        places=(PlaceMention(23, 29, "Hirske", HIRSKE, "settlement", 0.9, "in Luhansk context", HIRSKE_RU),),
        dates=(DateMention(30, 40, "on Tuesday", dt.date(2022, 6, 21), dt.date(2022, 6, 21), "day"),),
        actors=(ActorMention(0, 14, "Russian troops", RU, "force"),
                ActorMention(54, 62, "soldiers", UA, "force")),
        quantities=(QuantityMention(42, 53, Quantity(2000, "soldiers", "surrounded", True, "Up to 2,000")),),
    )
    evidence = Evidence(TEXT[:41], 0, 41)
    events = (
        Event(stable_id(article_id, "territory_captured"), article_id, "territory_captured",
              Location.from_mention(mentions.places[0]), EventDate(dt.date(2022, 6, 21), "day", text="on Tuesday"),
              RU, None, (), Claim(HAIDAI, "claimed", contested=True), evidence, confidence, "entered"),
        Event(stable_id(article_id, "encirclement"), article_id, "encirclement",
              Location("Sievierodonetsk", 48.94816, 38.49116, "Luhansk", "UA", "district", 702658),
              EventDate(dt.date(2022, 6, 1), "month", end=dt.date(2022, 6, 30)), RU, UA,
              (mentions.quantities[0].quantity, Quantity(10.5, "percent")), Claim(), Evidence(TEXT[42:], 42, 79),
              0.65, "surrounded"),
        Event(stable_id(article_id, "casualties"), article_id, "casualties", None, EventDate(None, "unknown"),
              None, UA, (Quantity(10, "soldiers", "killed", text="ten"),), Claim(modality="denied"),
              Evidence(TEXT[42:], 42, 79), 0.4),
    )
    article = Article(article_id, "ok", published, path="seeds/000.txt", url="https://example.org/a",
                      title="Hirske", source="Kyiv Independent", language="en",
                      quality_flags=("spun", "boilerplate_removed"), duplicate_of=None)
    return ArticleResult(article, doc, mentions, events)


FAILED = ArticleResult(Article("", "failed", None, path="seeds/broken.pdf", error="no text layer; OCR it first"))
SKIPPED = ArticleResult(Article("a9", "skipped", dt.date(2022, 6, 23), url="https://example.org/dup",
                                quality_flags=("duplicate",), duplicate_of="a1"))


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "frontline.db") as s:
        yield s


@pytest.fixture
def filled(store):
    store.write_many([article_result(), FAILED, SKIPPED])
    return store


# --- writing ----------------------------------------------------------------------------------------------

def test_offsets_fixture_matches_the_text():
    doc = article_result().document
    assert [doc.raw[slice(*doc.raw_span(s, e))] for s, e in ((0, 14), (42, 53))] == ["Russian  troops", "Up to 2,000"]


def test_first_write_inserts_article_events_and_mentions(store):
    assert store.write(article_result()) == WriteOutcome(inserted=1 + 3 + 5)


def test_second_write_is_all_unchanged(store):
    store.write(article_result())
    assert store.write(article_result()) == WriteOutcome(unchanged=9)


def test_write_twice_keeps_counts(filled):
    before = filled.counts()
    filled.write_many([article_result(), FAILED, SKIPPED])
    assert filled.counts() == before


def test_counts(filled):
    assert filled.counts() == {"articles": 3, "ok": 1, "skipped": 1, "failed": 1, "events": 3, "mentions": 5}


def test_changed_event_is_updated(store):
    store.write(article_result())
    assert store.write(article_result(confidence=0.9)) == WriteOutcome(updated=1, unchanged=8)


def test_changed_article_is_updated(store):
    store.write(article_result())
    assert store.write(article_result(published=dt.date(2022, 6, 23))) == WriteOutcome(updated=1, unchanged=8)


def test_dropped_event_is_deleted(store):
    store.write(article_result())
    fewer = dataclasses.replace(article_result(), events=article_result().events[:1])
    assert (store.write(fewer), store.counts()["events"]) == (WriteOutcome(unchanged=7, deleted=2), 1)


def test_write_many_sums_and_reports_progress(store):
    seen = []
    total = store.write_many([article_result(), FAILED], progress=lambda r, o: seen.append(o.inserted))
    assert (total, seen) == (WriteOutcome(inserted=10), [9, 1])


def test_article_without_id_is_keyed_by_path(filled):
    assert filled.article(stable_id("article", "seeds/broken.pdf", None, None)).article.error == \
        "no text layer; OCR it first"


def test_outcome_changed():
    assert (WriteOutcome(unchanged=3).changed, WriteOutcome(deleted=1).changed) == (False, True)


# --- reading ----------------------------------------------------------------------------------------------

def test_round_trip_to_dict(filled):
    original = [article_result(), FAILED, SKIPPED]
    expected = to_dict(original)
    expected["articles"][1]["article_id"] = stable_id("article", "seeds/broken.pdf", None, None)
    assert to_dict(filled.results()) == expected


def test_stored_results_export_valid_json(filled):
    validate(to_dict(filled.results()))


def test_round_trip_rebuilds_the_whole_result(filled):
    assert next(filled.results()) == article_result()


def test_round_trip_document_maps_back_to_raw(filled):
    doc = next(filled.results()).document
    assert doc.raw[slice(*doc.raw_span(42, 53))] == "Up to 2,000"


def test_results_without_documents_and_mentions(filled):
    result = next(filled.results(documents=False, mentions=False))
    assert (result.document, result.mentions, len(result.events)) == (None, Mentions(), 3)


def test_results_keep_write_order(filled):
    assert [r.article.status for r in filled.results()] == ["ok", "failed", "skipped"]


def test_article_missing_is_none(filled):
    assert filled.article("nope") is None


def test_events_by_type(filled):
    assert [e.event_type for e in filled.events(event_type="encirclement")] == ["encirclement"]


def test_events_by_place_ignores_case(filled):
    assert [e.location.name for e in filled.events(place="hirske")] == ["Hirske"]


def test_events_by_oblast(filled):
    assert len(filled.events(place="Luhansk")) == 2


def test_events_since_until(filled):
    assert [e.event_type for e in filled.events(since=dt.date(2022, 6, 2), until=dt.date(2022, 6, 21))] == \
        ["territory_captured"]


def test_events_order_undated_last(filled):
    assert [e.event_type for e in filled.events()] == ["encirclement", "territory_captured", "casualties"]


def test_summary(filled):
    assert filled.summary() == Summary(
        articles=3, events=3,
        by_type=(("casualties", 1), ("encirclement", 1), ("territory_captured", 1)),
        by_place=(("Hirske", "Luhansk", 1), ("Sievierodonetsk", "Luhansk", 1)),
        by_month=(("2022-06", 2),),
        by_date=(("2022-06-01", 1), ("2022-06-21", 1)))


# --- opening and errors -----------------------------------------------------------------------------------

def test_reopen_keeps_data(tmp_path):
    with Store.open(tmp_path / "f.db") as s:
        s.write(article_result())
    with Store.open(tmp_path / "f.db") as s:
        assert s.counts()["events"] == 3


def test_uses_wal(tmp_path):
    Store(tmp_path / "w.db").close()
    assert sqlite3.connect(tmp_path / "w.db").execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_schema_version_is_recorded(tmp_path):
    Store(tmp_path / "v.db").close()
    assert sqlite3.connect(tmp_path / "v.db").execute(
        "SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)


def test_in_memory_store():
    with Store(":memory:") as s:
        assert s.write(FAILED).inserted == 1


def test_not_a_sqlite_file(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are not the tables you are looking for " * 100)
    with pytest.raises(StoreError, match=r"notes\.db: file is not a database; the file is not a frontline database"):
        Store(path)


def test_other_sqlite_database(tmp_path):
    path = tmp_path / "other.db"
    sqlite3.connect(path).execute("CREATE TABLE people (name TEXT)").connection.close()
    with pytest.raises(StoreError, match=r"other\.db is not a frontline database \(it has tables people but not "
                                         r"articles, events, mentions, meta\)"):
        Store(path)


def test_other_schema_version(tmp_path):
    path = tmp_path / "old.db"
    Store(path).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match=f"schema version 0, this frontline reads version {SCHEMA_VERSION}; extract again"):
        Store(path)


def test_missing_directory(tmp_path):
    with pytest.raises(StoreError, match="check that the directory exists"):
        Store(tmp_path / "no" / "such" / "dir.db")


def test_locked_database(tmp_path):
    path = tmp_path / "busy.db"
    Store(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with Store(path, timeout=0.05) as s, pytest.raises(StoreError, match="database is locked; another process"):
            s.write(FAILED)
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_failed_write_leaves_nothing(store):
    broken = dataclasses.replace(article_result(), events=(dataclasses.replace(
        article_result().events[0], confidence=object()),))
    with pytest.raises(StoreError, match="cannot write article a1 in .*: Error binding parameter .* this is a bug"):
        store.write(broken)
    assert store.counts()["articles"] == 0


def test_closed_store(tmp_path):
    s = Store(tmp_path / "c.db")
    s.close()
    with pytest.raises(StoreError, match="is closed; open it again"):
        s.counts()


def test_a_store_made_before_an_index_was_added_gets_it_when_opened(tmp_path):
    import sqlite3
    path = tmp_path / "old.db"
    Store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("DROP INDEX events_location")
    Store(path).close()
    with sqlite3.connect(path) as conn:
        plan = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN SELECT * FROM events WHERE location_name = 'Kyiv'")]
    assert any("events_location" in step for step in plan)
