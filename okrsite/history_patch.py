"""A key result item with one ``key: number`` line changed, loaded without YAML.

Split from :mod:`okrsite.history_parse`: most commits move one number of
one key result (a target, a current value), and :func:`patched_item` makes
the new item from the previous version's loaded one (for
:func:`okrsite.history_parse._one_number_moved` and the items loaded block by
block) by the rules here, which make sure the changed line is surely one of
the item's own keys and its number reads as YAML would read it; anything
less plain is loaded by YAML.
"""

from __future__ import annotations

import re
from typing import Any

# one line of a key result item, ``key: number`` at the item's own indentation:
# a number written the plain decimal way, which YAML (1.1, as PyYAML reads it)
# and Python's int()/float() read alike (no sign but '-', no leading zero, no
# '_', no exponent, digits on both sides of the point)
_NUMBER_LINE = re.compile(r"( +)([A-Za-z_][A-Za-z0-9_]*): (-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?)")
_ITEM_START = re.compile(r"( *- +)[A-Za-z_][A-Za-z0-9_]*:(?: (.*))?")
_KEY_LINE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*:(?: (.*))?")


def _number(text: str) -> int | float:
    return float(text) if "." in text else int(text)


def _one_line(value: str) -> bool:
    """Whether a value written after ``key: `` surely ends on its own line.

    Quoted text closes (an even count of each quote; front matter with a
    backslash never comes here), flow collections close, and nothing starts
    that YAML could carry on to the next line at the same indentation:
    anchors, aliases, tags and directives are turned away too.
    """
    if not value:
        return True
    if value[0] in "&*!%@`":
        return False
    if value.count('"') % 2 or value.count("'") % 2:
        return False
    return value.count("[") == value.count("]") and value.count("{") == value.count("}")


#: item texts :func:`patched_item` found plain, with their keys' indentation: the
#: next version of a goal often moves a number of the same key result again,
#: whose text is then the one patched last time (bounded: cleared when full)
_PLAIN_ITEMS: dict[str, int] = {}
_MOST_PLAIN_ITEMS = 65536


def _plain_indent(text: str, lines: list[str]) -> int | None:
    """The indentation of the keys of key result item ``text`` (cut into
    ``lines``) when every line surely ends what it starts, else ``None``."""
    known = _PLAIN_ITEMS.get(text)
    if known is not None:
        return known
    first = _ITEM_START.fullmatch(lines[0])
    if first is None or not _one_line(first.group(2) or ""):
        return None
    indent = len(first.group(1))
    for line in lines[1:]:
        body = line.lstrip(" ")
        if not body or body[0] == "#":
            continue
        depth = len(line) - len(body)
        if depth < indent:
            return None
        if depth == indent:
            own = _KEY_LINE.fullmatch(body)
            if own is None or not _one_line(own.group(1) or ""):
                return None
        elif not _one_line(body):
            return None
    _remember_plain(text, indent)
    return indent


def _remember_plain(text: str, indent: int) -> None:
    if len(_PLAIN_ITEMS) >= _MOST_PLAIN_ITEMS:
        _PLAIN_ITEMS.clear()
    _PLAIN_ITEMS[text] = indent


def patched_item(old_text: str, old_item: Any, new_text: str) -> Any:
    """``new_text`` loaded, when it is ``old_text`` (loaded as ``old_item``) with one
    ``key: number`` line of the item's own keys changed to another number;
    ``None`` when anything is less plain than that (then YAML loads it).

    Every line is checked to end what it starts, so the changed line is surely
    one of the item's own keys and not inside a quoted text or a flow list
    that began above it, and the old value must be what YAML read from it.
    ``new_text`` passes the same checks as ``old_text`` (its one other line
    is a ``key: number`` line of the item's own keys), so it is remembered as
    plain for when the next version patches it.
    """
    if type(old_item) is not dict:
        return None
    old_lines = old_text.split("\n")
    new_lines = new_text.split("\n")
    if len(old_lines) != len(new_lines):
        return None
    changed = -1
    for i, (a, b) in enumerate(zip(old_lines, new_lines, strict=True)):
        if a != b:
            if changed >= 0:
                return None
            changed = i
    if changed <= 0:
        return None
    before = _NUMBER_LINE.fullmatch(old_lines[changed])
    after = _NUMBER_LINE.fullmatch(new_lines[changed])
    if before is None or after is None or before.group(1, 2) != after.group(1, 2):
        return None
    indent = _plain_indent(old_text, old_lines)
    if indent is None or len(before.group(1)) != indent:
        return None
    key, old_value = before.group(2), _number(before.group(3))
    if key not in old_item:
        return None
    found = old_item[key]
    if type(found) is not type(old_value) or found != old_value:
        return None
    item = dict(old_item)
    item[key] = _number(after.group(3))
    _remember_plain(new_text, indent)
    return item
