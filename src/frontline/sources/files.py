"""Files: reading bytes within a size limit, streaming long lines, and where links lead."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

__all__ = ["read_bytes", "os_reason", "lines", "within", "link_target"]


def read_bytes(path: Path, limit: int) -> bytes | str:
    """The file's bytes, or a plain-words reason why they cannot be read (larger than ``limit`` bytes, say)."""
    try:
        size = path.stat().st_size
        if size <= limit:
            # the read is capped too, not only the size seen before it: a file that grows while it is read (a
            # log being written, a FIFO) must not pass the cap
            with path.open("rb") as f:
                data = f.read(limit + 1)
            if len(data) <= limit:
                return data
            size = max(size, len(data))
        return (f"file too large ({size / 1e6:.0f} MB; frontline reads files up to {limit // 2**20} MiB): "
                "split it into articles, e.g. one JSONL line each")
    except OSError as exc:
        return f"cannot read the file: {os_reason(exc)}"


def os_reason(exc: OSError) -> str:
    """The operating system's reason in plain lower-case words ('permission denied')."""
    return (exc.strerror or str(exc)).lower()


def lines(f: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """``(number, line, size)`` for each line of a binary file; ``line`` is None for a line over ``limit``
    bytes, which is skipped in bounded chunks, never held whole."""
    number = 0
    while True:
        line = f.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            size = len(line)
            del line
            while True:
                chunk = f.readline(2**20)
                size += len(chunk)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield number, None, size
        else:
            yield number, line, len(line)


def within(path: Path, folder: Path) -> bool:
    """``path``, links followed, is inside the resolved ``folder``."""
    try:
        return path.resolve().is_relative_to(folder)
    except (OSError, RuntimeError):   # a link loop
        return False


def link_target(path: Path) -> str:
    try:
        return f"it points to {os.readlink(path)}"
    except OSError:
        return "a link"
