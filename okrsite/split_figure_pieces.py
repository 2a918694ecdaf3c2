"""The pieces YAML makes of a figure it splits at a comma inside ``{…}``.

``{marge: 13,5}`` is, to YAML, ``marge: 13`` and a second entry whose key
is ``5`` and whose value is empty. :mod:`okrsite.parse_number_marks`
reports each such figure (OKR102) with what to write; this module tells
the pieces apart: the head (``13``, ``$250``, ``1 500``) and the tail keys
(``5``, ``5 M€``, ``234.5``), as read values and as YAML's nodes.

Two figures with the same decimals in one mapping (``{target: 7,5,
current: 2,5}``) make the key ``5`` twice. That is no key written twice
(OKR007: the writer wrote no key ``5``), so the loader
(:mod:`okrsite.pyyaml_front_matter`) lets pass a key whose every
occurrence is such a piece (:func:`only_figure_pieces`), and the checker
walks the mapping's entries as written (:func:`entries_as_written`), so
that each figure gets its own OKR102.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import Any

#: what YAML made of a figure's digits before a comma that split it: a number,
#: text that is digits grouped by spaces (``1 500``, no-break and narrow
#: no-break spaces too, as French writes thousands), or text that is a
#: currency sign and digits (``$250``, ``€ 1``, ``€ 1.200``)
_SPLIT_HEAD = re.compile(r"([$€£¥]\s?)?(-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+|-?\d+(?:\.\d{3})*)")
#: a key that is a figure's digits after such a comma (with a point and
#: decimals after them: ``234.5`` from ``1,234.5``), with its unit if any:
#: a sign (``1 %``, ``50 €``), a short word (``5 h``, ``5 days``) or a
#: magnitude and a unit (``2 Mio €``, ``5 Mio. EUR``, ``5 million users``)
_SPLIT_TAIL = re.compile(
    r"(\d{1,3}(?:\.\d+)?)(\s?[%€$£¥]|\s?[^\W\d_][^\s,:{}\[\]]{0,15}(?:\s[^\s,:{}\[\]]{1,15})?)?"
)
_NULL = "tag:yaml.org,2002:null"


def split_head(value: Any) -> tuple[str, str] | None:
    """(currency sign, digits) of a value that is a figure's part before a
    comma inside ``{…}``: YAML's int ``13``, its float ``199.999`` (German
    thousands, ``199.999,99``), or text such as ``$250`` or ``1 500``
    (French thousands, ``1 500,25``); else ``None``."""
    if type(value) is int:
        return "", str(value)
    if type(value) is float and math.isfinite(value) and value == round(value, 3):
        return "", repr(value)
    if type(value) is str:
        m = _SPLIT_HEAD.fullmatch(value)
        if m is not None:
            return m[1] or "", m[2]
    return None


def split_tail(key: Any) -> tuple[str, str] | None:
    """The digits (and a unit after them) of a key that is the part of a
    number after its decimal comma: ``5`` (YAML's int), ``"1 %"``, ``"50 €"``,
    ``"5 h"``; ``None`` for any other key (and for four digits or more: a year)."""
    if type(key) is int:
        return (str(key), "") if 0 <= key < 1000 else None
    if type(key) is float:  # 234.5 from {target: 1,234.5}
        return (repr(key), "") if 0 <= key < 1000 else None
    if type(key) is str:
        m = _SPLIT_TAIL.fullmatch(key)
        if m is not None:
            return m[1], m[2] or ""
    return None


def _empty(node: Any) -> bool:
    """Whether ``node`` is a value left out (``5`` in ``{a: 7,5}`` has none)."""
    return getattr(node, "tag", None) == _NULL and getattr(node, "value", None) == ""


def _plain_scalar(node: Any) -> bool:
    from yaml.nodes import ScalarNode

    return type(node) is ScalarNode and not node.style  # (plain: None, or "" from the C loader)


def figure_piece(pairs: Sequence[tuple[Any, Any]], at: int) -> bool:
    """Whether entry ``at`` of a mapping node's entries is a piece of a figure
    YAML split at a comma: a plain key with no value, written right after a
    comma that itself comes right after the figure's head (a plain value
    such as ``7``, ``$250`` or ``1 500``) or after a further piece of it
    (``$1,000,000``), with digits (and a unit) a decimal tail has."""
    if at <= 0:
        return False
    key, value = pairs[at]
    if not (_plain_scalar(key) and _empty(value) and _SPLIT_TAIL.fullmatch(key.value)):
        return False
    before_key, before = pairs[at - 1]
    if _empty(before):  # a further group: the piece before it must be one too
        if not figure_piece(pairs, at - 1):
            return False
        before = before_key
    elif not (_plain_scalar(before) and _SPLIT_HEAD.fullmatch(before.value)):
        return False
    return bool(before.end_mark.index + 1 == key.start_mark.index)  # (the comma between)


def only_figure_pieces(pairs: Sequence[tuple[Any, Any]], same: Callable[[Any], bool]) -> bool:
    """Whether every entry whose key node ``same`` accepts is a figure's piece
    (:func:`figure_piece`): a key so written twice is no key written twice."""
    found = [i for i, (key, _value) in enumerate(pairs) if same(key)]
    return len(found) > 1 and all(figure_piece(pairs, i) for i in found)


def entries_as_written(
    node: Any, values: dict[Any, Any], stands_for: Callable[[Any, Any], bool]
) -> list[tuple[Any, Any]] | None:
    """The entries of the mapping ``values`` in the order the mapping node
    ``node`` writes them, a key YAML read twice (a figure's piece) each time
    it is written, with the value ``values`` holds for it; ``None`` when a
    key node names no key of ``values`` (``stands_for``: whether a key node
    is the key read)."""
    from yaml.nodes import MappingNode

    if not isinstance(node, MappingNode):
        return None
    out: list[tuple[Any, Any]] = []
    for key_node, _value_node in node.value:
        key = next((k for k in values if stands_for(key_node, k)), _NONE)
        if key is _NONE:
            return None
        out.append((key, values[key]))
    return out


_NONE = object()
