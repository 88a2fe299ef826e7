import pytest

from frontline.models import Document, stable_id


def test_stable_id_is_a_content_hash():
    assert stable_id("a", 1) == stable_id("a", 1) != stable_id("a", 2)
    assert len(stable_id("x")) == 16


def test_raw_span_maps_cleaned_offsets_back():
    raw = "Over  400\nUkrainian troops"
    text = "Over 400 Ukrainian troops"
    offsets = (0, 1, 2, 3, 4, 6, 7, 8, 9, *range(10, 26))
    doc = Document("id", raw, text, offsets)
    start = text.index("400")
    assert doc.raw_span(start, start + 3) == (6, 9)
    assert raw[slice(*doc.raw_span(text.index("Ukrainian"), len(text)))] == "Ukrainian troops"
    with pytest.raises(IndexError):
        doc.raw_span(0, 99)
