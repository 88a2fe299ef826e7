"""Decoding: bytes of a file or a fetched page as text, whatever charset they came in, or a refusal as binary.

When the bytes are not valid UTF-8 and carry no BOM: UTF-16 without a BOM is recognised by its NUL bytes; text
whose letters are mostly not ASCII (Cyrillic in Windows-1251, say) is decoded in the charset charset-normalizer
finds; otherwise each line is read as UTF-8 when it mostly is (one bad byte in a minified page becomes U+FFFD)
and as Windows-1252 when not.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata

from frontline.sources.fetch import Fetched

__all__ = ["BinaryInput", "decode", "decode_page", "decode_line", "binary_kind"]

log = logging.getLogger(__name__)

_BINARY_HINT = "convert it to text, HTML or JSONL first"
# Leading bytes of common binary formats, to tell the user what a misnamed file really is.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF"), (b"PK\x03\x04", "a ZIP archive or Office document"), (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"), (b"\xd0\xcf\x11\xe0", "an old Office document"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
# <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)


class BinaryInput(Exception):
    """Bytes that are not text; the readers of ``frontline.sources`` turn it into a failed record, so it never
    leaves the package."""


def decode_page(fetched: Fetched) -> str:
    """Decode a fetched body: BOM, else valid UTF-8, else the declared charset (header, then <meta>), else
    the ``.txt`` fallback (UTF-8 or Windows-1252 line by line).

    Valid UTF-8 wins over a declared charset because pages labelled ISO-8859-1 that are really UTF-8 are
    common, while text in a legacy charset is almost never valid UTF-8 by accident.

    Raises:
        BinaryInput: the body is not text.
    """
    text = decode(fetched.body)      # also the binary check
    if fetched.body.startswith(tuple(bom for bom, _ in _BOMS)) or _is_utf8(fetched.body):
        return text
    declared = fetched.charset
    if declared is None and fetched.content_type != "text/plain":
        found = _META_CHARSET.search(fetched.body[:4096])
        declared = found.group(1).decode("ascii") if found else None
    try:
        codec = codecs.lookup(declared).name if declared else None
    except LookupError:
        log.debug("unknown charset %r", declared)
        codec = None
    if codec in (None, "utf-8"):
        return text
    # As browsers do (WHATWG Encoding): ISO-8859-1 and ASCII labels mean Windows-1252.
    codec = "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec
    try:
        return fetched.body.decode(codec)
    except UnicodeDecodeError:
        return text


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode(data: bytes) -> str:
    """Decode bytes as text: a BOM's encoding, else UTF-8, else UTF-16 without a BOM, else a non-Latin legacy
    charset when the letters are mostly not ASCII, else UTF-8 or Windows-1252 line by line.

    Raises:
        BinaryInput: the bytes are not text (NUL bytes, a known binary signature, many control characters).
    """
    for signature, kind in _MAGIC:
        if data.startswith(signature):
            raise BinaryInput(f"binary file ({kind}), not text: {_BINARY_HINT}")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise BinaryInput(f"binary file, not text (broken {encoding} text): save it as UTF-8 text") from exc
    if b"\x00" in data:
        codec = _utf16_without_bom(data)
        if codec is None:
            raise BinaryInput(f"binary file, not text: {_BINARY_HINT}")
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            raise BinaryInput("looks like UTF-16 text without a byte-order mark, but it is broken: save it as "
                               "UTF-8 text") from exc
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _legacy_charset(data) or "".join(decode_line(line) for line in data.splitlines(keepends=True))
    controls = sum(1 for c in text if c not in _ALLOWED_CONTROLS and unicodedata.category(c) == "Cc")
    if controls > max(2, len(text) // 100):
        raise BinaryInput(f"binary file, not text (control characters throughout): {_BINARY_HINT}")
    return text


def binary_kind(head: bytes) -> str | None:
    """Why the first bytes of a JSONL file say it is not text, or None."""
    for signature, kind in _MAGIC:
        if head.startswith(signature):
            return f"binary file ({kind}), not text: {_BINARY_HINT}"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_without_bom(head):
        return "JSONL in UTF-16: save it as UTF-8 (JSON Lines are UTF-8)"
    if b"\x00" in head:
        return f"binary file, not text: {_BINARY_HINT}"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the bytes look like UTF-16 text without a BOM, else None.

    Text of Latin letters in UTF-16 has a NUL as every other byte; nearly every other binary format has its
    NULs anywhere.
    """
    sample = data[:4096]
    half = len(sample) // 2
    if half < 8:
        return None
    even_nul, odd_nul = sample[0::2].count(0) / half, sample[1::2].count(0) / half
    if odd_nul > 0.8 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.8 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _legacy_charset(data: bytes) -> str | None:
    """The text decoded in the charset charset-normalizer finds, when its letters are mostly not ASCII.

    English or Western European text in Windows-1252 has a few non-ASCII bytes among many ASCII letters;
    Cyrillic (Windows-1251, KOI8-R), Greek or Hebrew text in a legacy charset is mostly non-ASCII bytes,
    which Windows-1252 would turn into accented Latin gibberish. Returns None to keep the line-by-line
    UTF-8 / Windows-1252 reading.
    """
    high = sum(1 for b in data if b >= 0x80)
    ascii_letters = sum(1 for b in data if 0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A)
    if high < 20 or high < 0.3 * (high + ascii_letters):
        return None
    from charset_normalizer import from_bytes  # imported here: only such files need it

    best = from_bytes(data[:65536]).best()
    if best is None or best.encoding in ("utf_8", "ascii", "cp1252", "latin_1"):
        return None
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_line(line: bytes) -> str:
    """One line: UTF-8, or UTF-8 with its few bad bytes replaced when it is mostly UTF-8, else Windows-1252."""
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient = line.decode("utf-8", "replace")
    bad = lenient.count("\ufffd")
    good = sum(1 for c in lenient if ord(c) > 0x7F and c != "\ufffd")
    if good > 2 * bad:
        # e.g. a minified page (one line) of UTF-8 with one stray byte: Windows-1252 would garble it all
        return lenient
    try:
        return line.decode("cp1252")
    except UnicodeDecodeError:
        # The five bytes Windows-1252 leaves undefined: Latin-1 keeps them as C1 controls, which the
        # cleaner's encoding repair knows how to treat.
        return line.decode("latin-1")
