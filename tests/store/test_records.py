"""Tests for frontline.store.records: the filter's pieces the CLI and the REST API share."""

import pytest

from frontline.store.records import parse_bbox


def test_bbox_west_south_east_north(): assert parse_bbox("36.5,47.5,39.0,49.5") == (36.5, 47.5, 39.0, 49.5)
def test_no_bbox(): assert parse_bbox(None) is None


@pytest.mark.parametrize("bad", ["36.5,47.5,39.0", "a,b,c,d", "1,2,3,4,5", ""])
def test_a_bad_bbox_is_refused(bad):
    with pytest.raises(ValueError):
        parse_bbox(bad)
