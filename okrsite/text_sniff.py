"""Telling UTF-16 and Windows-1252 text from UTF-8, for files that fail to read as UTF-8.

Windows tools (Notepad's "Unicode", PowerShell 5's ``>`` and ``Out-File``,
Excel's "Unicode Text") save UTF-16: two bytes per letter, a NUL beside every
ASCII one. With a byte order mark the UTF-8 reader stops at its first byte;
without one, a file of plain ASCII letters even *is* valid UTF-8, full of
NULs, and was refused as holding "the control character U+0000", a hint to
hunt for an invisible character when the file only needs saving again as
UTF-8. Notepad's "ANSI" and older Windows tools save Windows-1252: an
en dash or an umlaut is one byte that is no UTF-8, and "not valid UTF-8
(byte 0x96)" names no tool nor what to do. Only failed reads ask, so a
good file costs nothing.
"""

from __future__ import annotations

__all__ = ["SAVE_AS_UTF8", "cp1252_letter", "utf16_form"]

#: what to do about it, for goal files and ``okrsite.toml`` alike
SAVE_AS_UTF8 = (
    "save it as UTF-8 in your editor (Notepad: File > Save as, Encoding 'UTF-8'; "
    "PowerShell: Set-Content -Encoding utf8)"
)

#: bytes looked at: enough for the front matter's first lines
_SAMPLE = 512


def utf16_form(raw: bytes) -> str | None:
    """``"UTF-16 LE"`` or ``"UTF-16 BE"`` when ``raw`` looks like UTF-16 text
    (a byte order mark, or a NUL in every other byte and almost none in the
    others), else ``None``."""
    if raw.startswith(b"\xff\xfe") and not raw.startswith(b"\xff\xfe\x00\x00"):
        return "UTF-16 LE"
    if raw.startswith(b"\xfe\xff"):
        return "UTF-16 BE"
    sample = raw[: _SAMPLE - _SAMPLE % 2] if len(raw) >= _SAMPLE else raw[: len(raw) - len(raw) % 2]
    pairs = len(sample) // 2
    if pairs < 2 or b"\x00" not in sample:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    # letters outside Latin-1 have no NUL byte: half the pairs suffice
    if odd * 2 >= pairs and even * 8 <= odd:
        return "UTF-16 LE"
    if even * 2 >= pairs and odd * 8 <= even:
        return "UTF-16 BE"
    return None


def cp1252_letter(raw: bytes, at: int) -> str | None:
    """The letter the byte at ``at`` is in Windows-1252 (``–`` of 0x96,
    ``ü`` of 0xfc) when the whole of ``raw`` reads as Windows-1252 text,
    as Notepad's "ANSI" saves it; else ``None`` (five bytes mean nothing in
    it, and a control character is no letter)."""
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letter = raw[at : at + 1].decode("cp1252")
    return letter if letter.isprintable() and not letter.isspace() else None
