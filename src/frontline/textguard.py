"""Text that is safe to pass on: strings that encode as UTF-8, paths that can be shown, CSV cells no
spreadsheet runs as a formula, messages whose URLs show no password (``redact``).

Python strings can hold what UTF-8 cannot encode: lone surrogates, which ``json.loads`` makes from an escaped
``"\\ud800"`` and which ``os`` makes from a file name's undecodable bytes (``surrogateescape``). Such a string
crashes SQLite and strict writers, and a lenient writer turns it into invalid UTF-8. frontline replaces them
at the reading boundary (``frontline.sources.ingest``) and once more in the output writers (``frontline.export.results``).
"""

from __future__ import annotations

import os
import re
from dataclasses import fields, replace
from typing import Final, TypeVar

__all__ = ["scrub", "scrub_fields", "display_path", "csv_cell", "redact"]

T = TypeVar("T")

_SURROGATE = re.compile("[\ud800-\udfff]")
# A cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets (OWASP
# "CSV injection"); tab and carriage return count because some programs strip them before looking.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def scrub(text: str) -> str:
    """``text`` with every lone surrogate (unencodable in UTF-8) replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as text that encodes as UTF-8: undecodable bytes of a file name become U+FFFD.

    ``os`` keeps a non-UTF-8 byte of a name as a lone surrogate (PEP 383) so the file can still be opened;
    the name shown and stored is this one, the ``Path`` read stays the original.
    """
    text = os.fspath(path)
    if not _SURROGATE.search(text):
        return text
    try:
        return os.fsencode(text).decode("utf-8", "replace")
    except UnicodeError:
        return scrub(text)


def scrub_fields(record: T) -> T:
    """A dataclass record with every ``str`` field scrubbed (the same object when nothing changes)."""
    changes = {}
    for f in fields(record):   # type: ignore[arg-type]
        value = getattr(record, f.name)
        if isinstance(value, str) and _SURROGATE.search(value):
            changes[f.name] = scrub(value)
    return replace(record, **changes) if changes else record   # type: ignore[type-var]


def csv_cell(value: object) -> object:
    """A CSV cell that no spreadsheet runs: text starting like a formula gets a leading apostrophe.

    Numbers stay numbers (a negative longitude is not a formula); only strings are changed. A carriage
    return becomes a newline: Python's CSV writer quotes a field for its line terminator ('\n') but not for
    a bare '\r', which would split the row for other readers.
    """
    if isinstance(value, str):
        value = scrub(value)
        if value.startswith(_FORMULA_START):
            value = "'" + value
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


# scheme://user:password@ -> scheme://user:***@ ; the password runs to the last '@' before the host, so a
# password holding '@' or ':' is hidden whole (a URL ends at whitespace, a quote or a closing bracket)
_CREDENTIALS: Final = re.compile(r"(?P<head>\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s:/@'\"<>()\[\]]*):[^\s'\"<>]*@"
                                 r"(?=[^\s@'\"<>]*(?:[\s'\"<>]|$))")


def redact(text: object) -> str:
    """``text`` with the password of every URL in it replaced by ``***`` (``postgresql://u:***@h/db``).

    Used for anything shown to a person or written to a log: messages, the server log, reports, CLI errors.
    """
    return _CREDENTIALS.sub(r"\g<head>:***@", str(text))
