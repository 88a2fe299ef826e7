"""Batches bounded by count and by size: what copy marking, store writes and place refreshes hold at once.

``itertools.batched`` bounds the count only; these stages must also bound the memory (the text, the events)
a batch holds, so the one helper is here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

__all__ = ["batched"]

T = TypeVar("T")


def batched(items: Iterable[T], *, count: int, size: int, size_of: Callable[[T], int]) -> Iterator[list[T]]:
    """``items`` in order, in lists of at most ``count`` items whose ``size_of`` sums to at most ``size``,
    unless one item alone is larger (it then makes a list of its own)."""
    batch: list[T] = []
    held = 0
    for item in items:
        n = size_of(item)
        if batch and (len(batch) >= count or held + n > size):
            yield batch
            batch, held = [], 0
        batch.append(item)
        held += n
    if batch:
        yield batch
