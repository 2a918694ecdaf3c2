"""A version's front matter cut into its top-level blocks and its key result items.

Split from :mod:`okrsite.history_parse`, which loads with YAML only the
blocks and items whose text changed from the previous version: the cutting
by lines (:func:`split_blocks`, :func:`split_items`), cutting again only
around what changed (:func:`resplit_blocks`, :func:`changed_span`), and the
test for anchors and aliases, which make a block's value depend on another
block. Plain functions of text; a cut in doubt is ``None``, and the caller
then splits the whole text or reads the version whole.
"""

from __future__ import annotations

import re
from typing import AnyStr

_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?:[ \t]|\n|$)")
_HEADER = re.compile(r"key_results:[ \t]*(?:#.*)?\n?\Z")
_BLANK_OR_COMMENT = re.compile(r"[ ]*(?:#.*)?\n?\Z")
# an anchor (&name) or alias (*name): a block's value may then come from another block
_ANCHOR_OR_ALIAS = re.compile(r"(?:^|[\s\[{,])[&*][^\s,\[\]{}]")


def _has_anchor_or_alias(fm: str) -> bool:
    """Whether ``fm`` may hold an anchor or alias: the pattern only where an
    ``&`` or ``*`` is there at all (the search alone cost more than loading
    the changed block)."""
    return ("&" in fm or "*" in fm) and _ANCHOR_OR_ALIAS.search(fm) is not None


def split_blocks(fm: str) -> dict[str, str] | None:
    """``{key: text}`` of the front matter's top-level blocks, or ``None`` when unusual.

    A block starts at a line ``key:`` (a plain word at the line's start) and
    holds the lines after it that are indented, blank, comments or items of
    a list written at the line's start (``- ``). Text before the first key
    may only be blank lines and comments.
    """
    blocks: dict[str, str] = {}
    key: str | None = None
    start = 0
    pos = 0
    end = len(fm)
    while pos < end:
        nl = fm.find("\n", pos)
        stop = end if nl < 0 else nl + 1
        c = fm[pos]
        if c in " \n#" or (c == "-" and key is not None and fm.startswith(("- ", "-\n"), pos)):
            if key is None and c == " " and fm[pos:stop].strip(" \n")[:1] not in ("", "#"):
                return None  # indented content before any key
            pos = stop
            continue
        m = _KEY.match(fm, pos)
        if m is None:
            return None  # a quoted or odd key, a tab, a directive, '...', '{', '?', '<<'...
        if key is not None:
            blocks[key] = fm[start:pos]
        key, start = m.group(1), pos
        if key in blocks:
            return None  # written twice: the whole parse reports it
        pos = stop
    if key is not None:
        blocks[key] = fm[start:end]
    return blocks


def _common_prefix(a: AnyStr, b: AnyStr) -> int:
    """How many characters ``a`` and ``b`` share from the start (compared a slice at a time)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix(a: AnyStr, b: AnyStr, most: int) -> int:
    """How many characters (at most ``most``) ``a`` and ``b`` share at the end."""
    lo, hi = 0, most
    na, nb = len(a), len(b)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[na - mid : na - lo] == b[nb - mid : nb - lo]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def changed_span(old_fm: str, new_fm: str) -> tuple[int, int]:
    """How many characters two texts share at the start and, after that, at the end."""
    p = _common_prefix(old_fm, new_fm)
    return p, _common_suffix(old_fm, new_fm, min(len(old_fm), len(new_fm)) - p)


def resplit_blocks(
    old_fm: str,
    old_blocks: dict[str, str],
    new_fm: str,
    span: tuple[int, int] | None = None,
) -> dict[str, str] | None:
    """:func:`split_blocks` of ``new_fm``, cutting again only around what changed since
    ``old_fm`` (whose blocks are ``old_blocks``): usually one line of one block.
    ``span`` is :func:`changed_span` of the two texts, when the caller has it.

    Where a block starts depends only on its own line, so blocks wholly before
    the changed lines and blocks starting after them keep their text. ``None``
    whenever the cut is in doubt; the caller then splits the whole text.
    """
    if old_fm == new_fm:
        return old_blocks
    n_old, n_new = len(old_fm), len(new_fm)
    p, s = span if span is not None else changed_span(old_fm, new_fm)
    lo = old_fm.rfind("\n", 0, p) + 1  # the changed text's first line
    hi = n_old - s  # and where it ends
    head = n_old - sum(len(t) for t in old_blocks.values())  # blank lines, comments
    before: list[tuple[str, str]] = []
    after: list[tuple[str, str]] = []
    first = last = -1
    pos = head
    for key, text in old_blocks.items():
        end = pos + len(text)
        if end < lo:
            before.append((key, text))
        elif pos > hi:
            after.append((key, text))
        else:
            first = pos if first < 0 else first
            last = end
        pos = end
    if first < 0 or lo < head:
        return None
    piece = new_fm[first : last + n_new - n_old]
    if not _KEY.match(piece):
        return None
    cut = split_blocks(piece)
    if cut is None:
        return None
    blocks = dict(before)
    for key, text in (*cut.items(), *after):
        if key in blocks:
            return None
        blocks[key] = text
    if new_fm[:head] + "".join(blocks.values()) != new_fm:
        return None
    return blocks


def split_items(block: str) -> list[str] | None:
    """The items of a block-style ``key_results:`` list, each with its lines, or ``None``."""
    lines = block.splitlines(keepends=True)
    if not lines or not _HEADER.match(lines[0]):
        return None
    items: list[str] = []
    current: list[str] = []
    indent = -1
    for line in lines[1:]:
        stripped = line.lstrip(" ")
        depth = len(line) - len(stripped)
        if indent < 0:
            if _BLANK_OR_COMMENT.match(line):
                continue  # before the first item: nothing YAML keeps
            indent = depth
        is_item = stripped.startswith(("- ", "-\n")) or stripped == "-"
        if is_item and depth == indent:
            if current:
                items.append("".join(current))
            current = [line]
        elif depth > indent or _BLANK_OR_COMMENT.match(line):
            if not current:
                return None
            current.append(line)
        else:
            return None
    if current:
        items.append("".join(current))
    return items
