"""A translation catalogue's bytes as text, before Babel reads its strings.

Babel's ``.po`` reader decodes each line itself, in the charset the header's
``Content-Type`` names (UTF-8 until then), and raises Python's own errors
for a file that is not in it (``UnicodeDecodeError``: a catalogue saved as
Latin-1 by an older editor or a spreadsheet) or a charset that does not
exist (``LookupError``: ``charset=latin-9x``): a traceback instead of a
diagnostic. A UTF-8 byte-order mark, which Windows editors write, it reads
as the start of a keyword ("Unknown or misformatted keyword"). Here the
bytes are decoded once, the mark dropped as templates and content files
drop it, and what cannot be decoded is said with the line it is on and
what to do; Babel then reads the text, never bytes.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["UnreadableCatalogue", "po_text"]

#: the header's charset, in the ``Content-Type`` line of the ``msgstr`` of ``msgid ""``
_CHARSET = re.compile(rb'^\s*"Content-Type:[^"\n]*?charset=([^"\s;\\]*)', re.I | re.M)


class UnreadableCatalogue(ValueError):
    """A catalogue whose bytes are no text: ``line`` (1-based), ``why`` and
    what to do (``hint``)."""

    def __init__(self, line: int, why: str, hint: str) -> None:
        super().__init__(why)
        self.line = line
        self.why = why
        self.hint = hint


def po_text(raw: bytes) -> str:
    """``raw`` decoded in the charset its header names (UTF-8 when it names
    none, or gettext's placeholder ``CHARSET``), a leading byte-order mark
    dropped. :class:`UnreadableCatalogue` for a charset Python does not know
    (at its line) or bytes that are not text in it (at their line)."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    named = _CHARSET.search(raw)
    charset = named.group(1).decode("ascii", "replace") if named else ""
    if not charset or charset.lower() == "charset":
        charset = "utf-8"
    try:
        codec = codecs.lookup(charset).name
    except LookupError:
        line = raw.count(b"\n", 0, named.start(1)) + 1 if named else 1
        raise UnreadableCatalogue(
            line,
            f"its Content-Type names the charset {charset!r}, which is no character set",
            "write charset=UTF-8 in the Content-Type line and save the file as UTF-8",
        ) from None
    if not _ascii_compatible(codec):
        # the header was found as ASCII bytes: the file is not in a charset that
        # writes them otherwise (UTF-16 read from UTF-8 is one line of CJK letters)
        line = raw.count(b"\n", 0, named.start(1)) + 1 if named else 1
        raise UnreadableCatalogue(
            line,
            f"its Content-Type names the charset {charset!r}, but the file is not written "
            f"in it (its keywords are plain ASCII bytes, which {charset} writes otherwise)",
            "write charset=UTF-8 in the Content-Type line and save the file as UTF-8",
        )
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        said = "UTF-8" if codec == "utf-8" else f"{charset} (as its Content-Type says)"
        raise UnreadableCatalogue(
            line,
            f"the file is not {said} text (byte 0x{raw[exc.start]:02x}, column {column})",
            "save it as UTF-8 (in most editors: Save as, encoding UTF-8), with "
            "charset=UTF-8 in its Content-Type line",
        ) from None


#: a catalogue's keywords as ASCII bytes (what a charset that keeps ASCII reads as they are)
_KEYWORDS = b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'


def _ascii_compatible(codec: str) -> bool:
    """Whether text in ``codec`` writes ASCII letters as ASCII bytes (UTF-8,
    Latin-1, Windows-1252 do; UTF-16, UTF-32 and EBCDIC do not)."""
    try:
        return _KEYWORDS.decode(codec) == _KEYWORDS.decode("ascii")
    except (UnicodeDecodeError, LookupError, ValueError):
        return False
