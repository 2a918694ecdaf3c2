"""Points and commas in numbers that YAML reads otherwise than people mean.

``5.000`` is five to YAML and five thousand in most of Europe's writing;
``{marge: 13,5}`` is, to YAML, 13 and a stray key ``5``. These scan a file's
front matter (and its loaded values) for such numbers, so that
:func:`okrsite.parse.parse_data` can warn of the first and report the
second with what to write, before the records are read (the field
reader warns of a quoted ``"5.000"`` with :data:`_QUOTED_THOUSANDS_POINT`).
"""

from __future__ import annotations

import math
import re
from typing import Any

from okrsite import yamlsource
from okrsite.diagnostics import Diagnostic, error, warning

# A number with a point before three digits, the last a zero (``1.500``,
# ``5.000``), written alone as a value (after ``key:``, as a list item, or
# inside ``[...]`` / ``{...}``). YAML reads it as 1.5 and 5; in German, Dutch,
# Danish and most of Europe's writing it is fifteen hundred and five thousand.
_THOUSANDS_POINT_SOURCE = (
    r"(?:(?::|^[ ]*-)[ ]+([-+]?[1-9][0-9]{0,2}\.[0-9]{2}0)[ ]*(?:[ ]#.*)?$"
    r"|[\[{,][ ]*(?:[\w-]+:[ ]+)?([-+]?[1-9][0-9]{0,2}\.[0-9]{2}0)[ ]*(?=[,\]}]))"
)


_DECIMALS_ENDING_IN_ZERO = re.compile(r"\.[0-9]{2}0")
#: the same number written as text (``"250.000"``): YAML gives a string, read as 250
_QUOTED_THOUSANDS_POINT = re.compile(r"[-+]?[1-9][0-9]{0,2}\.[0-9]{2}0")


def thousands_point_words(figure: str) -> tuple[str, str]:
    """OKR124's message and hint for ``figure`` (``250.000``), read as a decimal
    though its point may group thousands: in a file, quoted, or typed at
    ``okrsite checkin`` on a site whose language reads it so."""
    read, grouped = f"{float(figure):g}", figure.replace(".", "")
    return (
        f"{figure} is read as {read}; with a point that groups thousands it is {grouped}",
        f"write {read} or {grouped}, whichever you mean",
    )


def _thousands_points(rel: str, parts: yamlsource.Split) -> list[Diagnostic]:
    """A warning for each number such as ``5.000``, read as 5 though it may
    mean five thousand: a trailing zero says nothing in a decimal, so the
    point is likely a thousands separator. ``1.5`` or ``1500`` says which."""
    fm = parts.front_matter
    if _DECIMALS_ENDING_IN_ZERO.search(fm) is None:  # most files: one quick scan
        return []
    found = []
    pattern = re.compile(_THOUSANDS_POINT_SOURCE, re.MULTILINE)  # (re caches it) for the few files
    for match in pattern.finditer(fm):
        text = match.group(1) or match.group(2)
        start = match.start(1) if match.group(1) else match.start(2)
        message, hint = thousands_point_words(text)
        found.append(
            warning(
                "OKR124",
                message,
                rel,
                line=parts.fm_line + fm.count("\n", 0, start),
                column=start - (fm.rfind("\n", 0, start) + 1) + 1,
                hint=hint,
            )
        )
    return found


#: a digit, a comma and a digit: the only way :func:`_split_decimal_commas` finds anything
_DIGIT_COMMA_DIGIT = re.compile(r"\d,\d")


def has_digit_comma_digit(text: str) -> bool:
    """``_DIGIT_COMMA_DIGIT.search(text) is not None``, looking only around commas.

    The expression tries a digit at every character (15 µs for an
    objective's front matter, in every file's parse); a front matter has a
    handful of commas, found by ``str.find``. ``\\d`` is a Unicode decimal
    digit, as ``str.isdecimal`` tests (``tests/test_text_scans.py``).
    """
    at = text.find(",", 1)
    while at != -1:
        if text[at - 1].isdecimal() and text[at + 1 : at + 2].isdecimal():
            return True
        at = text.find(",", at + 1)
    return False


def _split_decimal_commas(rel: str, data: Any, text: str) -> list[Diagnostic]:
    """An error for each decimal comma that YAML split inside ``{…}``.

    ``{marge: 13,5}`` is, to YAML, ``marge: 13`` and a second entry whose key
    is ``5`` and whose value is empty: the comma separates a flow mapping's
    entries. Read so, the figure would be 13 and the 5 an unknown key. Each
    such pair (a number, or a currency sign and a number such as ``$250``,
    followed by a key of up to three digits without a value, or one with a
    unit after its digits such as ``1 %`` from ``{Jan: 3,1 %}``, ``5 h``
    from ``{current: 4,5 h}`` or ``2 Mio €`` from ``{target: 1,2 Mio €}``;
    ``000`` from ``{start: $250,000}``) is an
    error on the figure with what to write, and the stray key is removed so
    nothing else reports it. Block values (``marge: 13,5``) are text and read
    as 13.5 (:mod:`okrsite.written_numbers`). The digits after the comma are
    taken from ``text`` (the front matter) where it shows them, since YAML
    reads ``05`` as 5; a key of four digits or more (a year) is left alone.
    """
    found: list[Diagnostic] = []
    stack: list[tuple[Any, tuple[Any, ...]]] = [(data, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, list):
            stack.extend((item, (*path, i)) for i, item in enumerate(node))
            continue
        if not isinstance(node, dict):
            continue
        previous: tuple[Any, Any] | None = None
        stray: list[Any] = []
        stray_text: set[Any] = set()
        for key, value in node.items():
            if value is None and previous is not None and previous[0] in stray_text:
                continue  # a further piece of a sentence split at its commas
            if value is None and previous is not None and _sentence_head(previous[1], key):
                joined, pieces = _sentence_joined(previous[1], list(node.items()), key, text)
                if pieces:
                    prev_key = previous[0]
                    found.append(
                        error(
                            "OKR106",
                            f"{prev_key} was cut at the comma in {joined!r}: inside {{…}} a "
                            f"comma separates the entries, so it reads {previous[1]!r}",
                            rel,
                            hint=f'put it in quotes: {prev_key}: "{joined}"',
                            key_path=(*path, str(prev_key)),
                        )
                    )
                    node[prev_key] = joined  # (a value's change keeps the dict's size)
                    stray.extend(pieces)
                    stray_text.add(prev_key)
                    continue
            tail = _split_tail(key) if value is None and previous is not None else None
            head = _split_head(previous[1]) if tail is not None and previous is not None else None
            if tail is not None and head is not None and previous is not None:
                prev_key = previous[0]
                sign, whole = head
                digits, suffix = tail
                written = [
                    m[1]
                    for m in re.finditer(
                        rf"(?<![\d.]){re.escape(sign + whole)},(\d+)(?![\d.])", text
                    )
                    if int(m[1]) == int(digits)
                ]
                part = written[0] if len(set(written)) == 1 else digits
                quoted = f'"{sign}{whole},{part}{suffix}"'
                if "." in whole:  # 199.999,99: grouped by points, the language's way
                    hint = f"put it in quotes: {quoted}"
                elif len(part) == 3 and int(part) == 0:  # $250,000: surely thousands
                    hint = f"write {sign}{whole}{part}{suffix}, or put it in quotes: {quoted}"
                elif len(part) == 3:
                    hint = (
                        f"write {sign}{whole}{part}{suffix} for the whole number or "
                        f"{sign}{float(f'{whole}.{part}'):g}{suffix} for the decimal"
                    )
                else:
                    hint = f"write {sign}{whole}.{part}{suffix}, or put it in quotes: {quoted}"
                found.append(
                    error(
                        "OKR102",
                        f"{prev_key}: {sign}{whole},{part}{suffix} is read as {sign}{whole} "
                        f"and a key {str(key).strip()}: inside {{…}} a comma separates "
                        "the entries",
                        rel,
                        hint=hint,
                        key_path=(*path, str(prev_key)),
                    )
                )
                stray.append(key)
                previous = None
                continue
            previous = (key, value)
            if isinstance(value, (dict, list)):
                stack.append((value, (*path, str(key))))
        for key in stray:
            del node[key]
    return found


def _sentence_head(value: Any, key: Any) -> bool:
    """Whether ``value`` and the empty ``key`` after it are a sentence that
    YAML cut at a comma grouping thousands (``{title: Reduce backlog from
    1,200 to 900 tickets}``: ``Reduce backlog from 1`` and ``200 to 900
    tickets``; ``{title: Umsatz von 1,2 Mio. € auf 2 Mio. €}``): words ending
    in digits, then up to three digits (and more words)."""
    return (
        type(value) is str
        and value[-1:].isdigit()
        and any(c.isalpha() for c in value)
        and (
            (type(key) is int and 0 <= key < 1000)
            or (type(key) is str and re.match(r"\d{1,3}(?!\d)", key) is not None)
        )
    )


def _sentence_joined(
    head: str, items: list[tuple[Any, Any]], key: Any, text: str
) -> tuple[str, list[Any]]:
    """The sentence as written (``head``, then each empty key after it that
    the front matter shows after a comma), and the keys that are its pieces;
    no pieces when the front matter does not show it so."""
    joined, pieces = head, []
    at = next(i for i, (k, _v) in enumerate(items) if k == key)
    for piece, value in items[at:]:
        written = re.search(
            rf"{re.escape(joined)},(\d{{1,3}}[^,{{}}\[\]\n]*?)[ ]*(?=[,}}\]])", text
        )
        if value is not None or written is None:
            break
        if str(piece) != written[1] and not (type(piece) is int and written[1].isdigit()):
            break
        joined = f"{joined},{written[1]}"
        pieces.append(piece)
    if not pieces or not re.search(r"[^\W\d_]", joined[len(head) :]):
        return head, []  # {title: Version 2,100}: digits alone, as a figure may be cut
    return joined, pieces


#: what YAML made of a figure's digits before a comma that split it: a number,
#: or text that is a currency sign and digits (``$250``, ``€ 1``)
_SPLIT_HEAD = re.compile(r"([$€£¥]\s?)?(-?\d+)")
#: a key that is a figure's digits after such a comma, with its unit if any:
#: a sign (``1 %``, ``50 €``), a short word (``5 h``, ``5 days``) or a
#: magnitude and a unit (``2 Mio €``, ``5 Mio. EUR``, ``5 million users``)
_SPLIT_TAIL = re.compile(
    r"(\d{1,3})(\s?[%€$£¥]|\s?[^\W\d_][^\s,:{}\[\]]{0,15}(?:\s[^\s,:{}\[\]]{1,15})?)?"
)


def _split_head(value: Any) -> tuple[str, str] | None:
    """(currency sign, digits) of a value that is a figure's part before a
    comma inside ``{…}``: YAML's int ``13``, its float ``199.999`` (German
    thousands, ``199.999,99``), or text such as ``$250``; else ``None``."""
    if type(value) is int:
        return "", str(value)
    if type(value) is float and math.isfinite(value) and value == round(value, 3):
        return "", repr(value)
    if type(value) is str:
        m = _SPLIT_HEAD.fullmatch(value)
        if m is not None:
            return m[1] or "", m[2]
    return None


def _split_tail(key: Any) -> tuple[str, str] | None:
    """The digits (and a unit after them) of a key that is the part of a
    number after its decimal comma: ``5`` (YAML's int), ``"1 %"``, ``"50 €"``,
    ``"5 h"``; ``None`` for any other key (and for four digits or more: a year)."""
    if type(key) is int:
        return (str(key), "") if 0 <= key < 1000 else None
    if type(key) is str:
        m = _SPLIT_TAIL.fullmatch(key)
        if m is not None:
            return m[1], m[2] or ""
    return None
