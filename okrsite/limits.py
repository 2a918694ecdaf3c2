"""How much one file, one value and one site may hold.

The limits sit far above any real portfolio and far below what would exhaust
memory or the file system, so hostile or mistaken input (a pasted log as a
tag list, a 300-byte id) is a located error in ``okrsite check`` instead of a
crash, a hang or a million pages in ``build``. Lengths of ids and tags are in
UTF-8 bytes because they become file names, and file systems allow 255 bytes
per name (a CJK character takes three).
"""

from __future__ import annotations

import re
from datetime import date

MAX_FRONT_MATTER_BYTES = 256 * 1024
#: an integer written with more characters than this stays text, which the
#: checks then refuse as no number (OKR102, on its line): no figure has that
#: many digits (the largest float has 309), and Python refuses to convert
#: more than 4,300 (which would leave the whole file unread, its other errors unsaid)
MAX_NUMBER_CHARS = 1000
MAX_TAGS = 50  # per file
MAX_KEY_RESULTS = 50  # per objective
MAX_MILESTONES = 100  # per key result
MAX_INITIATIVES = 100  # per objective
MAX_ID_SEGMENT_BYTES = 120  # one part of an id (between '/'), becomes a file name
MAX_ID_BYTES = 400  # a whole id
MAX_TAG_BYTES = 120
MAX_DATA_ROWS = 100_000  # rows of a KPI's data: CSV (270 years of daily values)
DEFAULT_MAX_PAGES = 200_000  # site-wide; the setting max_pages changes it
# Aliases (``*name``) let a few hundred bytes stand for billions of values
# (the "billion laughs"). Values are built once per node, so memory stays
# small, but anything that walks the result (a message quoting a value, a
# check of every entry) would still walk the expansion: so a document whose
# aliases expand to more than this many values is refused.
MAX_EXPANDED_VALUES = 20_000
# ... and 20,000 values may each be a 150,000-character text (a 212 KB file
# once built a 716 MB site): so the text they expand to is limited too
MAX_EXPANDED_CHARS = 1_000_000

# Dates okrsite accepts: wide enough for any plan, narrow enough that adding
# a cycle's length or a year never leaves what Python's dates can hold.
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2999, 12, 31)

# C0 controls except tab and newline, DEL, C1 controls, and the noncharacters
# XML 1.0 forbids: none may reach checkins.xml or an HTML page.
CONTROL_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
#: the characters of CONTROL_CHARS an ASCII text can hold, as bytes
ASCII_CONTROLS = bytes([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F])


def ascii_free_of(text: str, chars: bytes) -> bool:
    """Whether ``text`` is ASCII and holds none of ``chars`` (ASCII bytes).

    A regular expression of one character class (``CONTROL_CHARS``) tests
    each character in turn, about 10 ns a character: 15 µs for an
    objective's file, read 50,000 times in a large site's load. Encoding
    ASCII text is a copy, and ``bytes.translate`` drops the bytes in one
    pass in C, several times faster. ``False`` says only "look closer":
    callers then run the expression, so what they find is unchanged
    (``tests/test_text_scans.py`` holds the two equal on generated text).
    """
    if not text.isascii():
        return False
    raw = text.encode("ascii")
    return len(raw.translate(None, chars)) == len(raw)


def find_control(text: str) -> re.Match[str] | None:
    """``CONTROL_CHARS.search(text)``, without the search for ASCII text that has none."""
    if ascii_free_of(text, ASCII_CONTROLS):
        return None
    return CONTROL_CHARS.search(text)


def date_in_range(day: date) -> bool:
    return EARLIEST_DATE <= day <= LATEST_DATE


def utf8_length(text: str) -> int:
    if text.isascii():  # nearly always, and without building the bytes
        return len(text)
    return len(text.encode("utf-8", "surrogatepass"))


def id_too_long(rid: str) -> bool:
    """Whether an id would make a file name (or path) longer than file systems allow."""
    if len(rid) <= MAX_ID_SEGMENT_BYTES // 4:  # at most 4 bytes a character: short enough
        return False
    if rid.isascii() and len(rid) <= MAX_ID_SEGMENT_BYTES:
        return False
    if len(rid) > MAX_ID_BYTES or utf8_length(rid) > MAX_ID_BYTES:
        return True
    return any(utf8_length(part) > MAX_ID_SEGMENT_BYTES for part in rid.split("/"))


def strip_controls(text: str) -> str:
    """``text`` without control characters (for output formats that cannot hold them)."""
    return CONTROL_CHARS.sub("", text)
