"""Quotes and minus signs as a word processor types them.

Word, Outlook and chat tools turn what is typed as it is pasted into a goal
file, a check-in or a KPI's CSV file: straight quotes become typographic
ones (``“100”``, German ``„1.000“``, ``«5»``, ``‘7’``) and a hyphen typed
before a number becomes an en dash (``–5``, AutoCorrect). YAML reads only
straight quotes as quoting and okrsite reads only ``-`` and ``−`` as minus,
so such a figure would be refused with "write digits" although digits were
written; a name in such quotes (``owner: ‘Tom Lee’``) would be a person
named with them. These read them as what was typed, for
:func:`okrsite.written_numbers.read_number`, the KPI CSV reader and the
names of :mod:`okrsite.parse_names`.
"""

from __future__ import annotations

__all__ = ["TYPED_QUOTE_MARKS", "as_typed", "en_dash_minus", "without_typed_quotes"]

#: typographic quotes around a whole value, as word processors and chat tools
#: turn typed quotes (``owner: ‘Tom Lee’``, German ``„Uma Diaz“``, ``«Ana»``):
#: each opening mark and the marks that may close it
_TYPED_QUOTES = {
    "‘": "’‘",
    "’": "’",
    "“": "”“",
    "”": "”",
    "„": "“”",
    "‚": "‘’",
    "«": "»",
    "»": "«",
    "‹": "›",
}
#: every typographic quote mark
TYPED_QUOTE_MARKS = "‘’“”„‚«»‹›"
#: the en dash (U+2013) Word's AutoCorrect makes of a hyphen typed as minus
_EN_DASH = "\u2013"


def without_typed_quotes(value: str) -> str:
    """``value`` without typographic quotes around the whole of it: YAML reads
    only straight quotes as quoting, so ``owner: ‘Tom Lee’`` (quotes a text
    editor or Word typed) would be a person named with the quotes, shown so
    on every page; ``value`` as it is otherwise."""
    if len(value) > 2 and value[-1] in _TYPED_QUOTES.get(value[0], ""):
        inner = value[1:-1].strip()
        if inner and not any(q in inner for q in TYPED_QUOTE_MARKS):
            return inner
    return value


def en_dash_minus(text: str) -> str:
    """``text`` with an en dash directly before a digit at its start (``–5``,
    ``–30,5 %``) written as the minus ``-``: Word types it for a hyphen
    typed before a number. One anywhere else (a range, ``3–5``) is kept, for
    the reader to refuse as it refuses two numbers."""
    if text[:1] == _EN_DASH and text[1:2].isdigit():
        return "-" + text[1:]
    return text


def as_typed(text: str) -> str:
    """A figure as it was typed before a word processor turned it: without
    typographic quotes around the whole of it, and with its en dash minus
    as ``-`` (``“–5”`` is ``-5``)."""
    return en_dash_minus(without_typed_quotes(text.strip()))
