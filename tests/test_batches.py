"""Batches bounded by count and size (frontline.batches): order kept, bounds held, a large item alone."""

from frontline.batches import batched


def test_batches_keep_order_and_hold_both_bounds():
    sizes = [3, 3, 3, 1, 1, 1, 1, 1, 10, 2]
    out = list(batched(sizes, count=4, size=6, size_of=lambda n: n))
    assert [n for b in out for n in b] == sizes
    assert out == [[3, 3], [3, 1, 1, 1], [1, 1], [10], [2]]
    assert all(len(b) <= 4 and (sum(b) <= 6 or len(b) == 1) for b in out)


def test_no_items_no_batches():
    assert list(batched([], count=2, size=2, size_of=len)) == []
