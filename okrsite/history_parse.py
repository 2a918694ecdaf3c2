"""Successive versions of one file, each parsed from what changed since the one before.

The history parses every committed version of every goal file: on a large
repository that is about twice the parsing the site itself needs, and it was
most of what history cost a first build. But one commit usually changes a
line or two of a file (a target moved, an owner handed over), so most of a
version's front matter is the previous version's text again.

:func:`parse_version` therefore cuts the front matter into its top-level
blocks (a ``key:`` line at the start of a line and the lines below it up to
the next one) and the ``key_results:`` block into its items, loads with YAML
only the blocks and items whose text differs from the previous version, and
validates through :func:`okrsite.parse.parse_data`, the second half of the
site's own :func:`~okrsite.parse.parse_file`, with the key results it
already validated remembered by the identity of their loaded item. A file
is read by the same rules either way. The commonest version of all, one
``key: number`` line of one key result changed, skips even the cutting:
the changed item is patched and only the key results are validated again
(:func:`_one_number_moved`). A version whose bytes differ from the
previous version's inside one line of the front matter takes its text, its
split and where it differs from the previous version's and the changed
bytes (:func:`_same_but_one_line`), instead of decoding, checking and
splitting the whole file again.

Cutting by lines is only sound for plain front matter, so anything unusual
(a key that is not a plain word, aliases between blocks, a tab or a quote at
the start of a line, a block that does not load to exactly its own key, a
``\\`` escape, a control character) makes that version go through
:func:`~okrsite.parse.parse_file` whole; a version loaded whole is cut too,
and kept only when its blocks name exactly the keys YAML found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, AnyStr

from okrsite import limits, yamlsource
from okrsite.model import Objective
from okrsite.parse import (
    KeyResultMemo,
    kind_and_id_from_path,
    objective_with_key_results,
    parse_data,
    parse_file,
)

_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?:[ \t]|\n|$)")
_HEADER = re.compile(r"key_results:[ \t]*(?:#.*)?\n?\Z")
_BLANK_OR_COMMENT = re.compile(r"[ ]*(?:#.*)?\n?\Z")
_ITEM_KEY = "key_results"
# an anchor (&name) or alias (*name): a block's value may then come from another block
_ANCHOR_OR_ALIAS = re.compile(r"(?:^|[\s\[{,])[&*][^\s,\[\]{}]")


def _has_anchor_or_alias(fm: str) -> bool:
    """Whether ``fm`` may hold an anchor or alias: the pattern only where an
    ``&`` or ``*`` is there at all (the search alone cost more than loading
    the changed block)."""
    return ("&" in fm or "*" in fm) and _ANCHOR_OR_ALIAS.search(fm) is not None


@dataclass(slots=True)
class Version:
    """One parsed version of a file and what the next version can reuse of it.

    ``blocks`` is ``None`` when the front matter could not be cut soundly;
    the next version is then parsed whole.
    """

    record: Any
    fm: str = ""
    blocks: dict[str, str] | None = None
    values: dict[str, Any] | None = None
    items: dict[str, Any] = field(default_factory=dict)  # key result item text -> loaded item
    memo: KeyResultMemo = field(default_factory=dict)
    #: the file's bytes and their split, kept when they are ASCII without a
    #: carriage return (then they are the text, byte for byte): the next
    #: version's one changed line is then found in the bytes (:func:`_same_but_one_line`)
    raw: bytes = b""
    parts: yamlsource.Split | None = None


class _Whole(Exception):
    """This version cannot be read block by block: parse it whole."""


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


def _load_block(key: str, text: str) -> Any:
    try:
        loaded = yamlsource.load(text)
    except Exception as exc:  # any YAML problem: the whole parse reports it, located
        raise _Whole from exc
    if not isinstance(loaded, dict) or len(loaded) != 1:
        raise _Whole
    ((found, value),) = loaded.items()
    if type(found) is not str or found != key:
        raise _Whole
    return value


def _load_item(text: str) -> Any:
    try:
        loaded = yamlsource.load(text)
    except Exception as exc:
        raise _Whole from exc
    if not isinstance(loaded, list) or len(loaded) != 1:
        raise _Whole
    return loaded[0]


def _text(raw: bytes) -> str | None:
    """The file's text as :func:`~okrsite.parse.parse_file` reads it, or ``None``
    when it would report a problem with the text itself (which it then does)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text or text.isspace() or limits.CONTROL_CHARS.search(text):
        return None
    return text


def _usable(parts: yamlsource.Split) -> bool:
    fm = parts.front_matter
    return (
        "\\" not in fm
        and "\t" not in fm
        and limits.utf8_length(fm) <= limits.MAX_FRONT_MATTER_BYTES
    )


def _parsed_whole(rel: str, raw: bytes, content_dir: str, default_cycle: str | None) -> Version:
    """The site's own parse of the whole file, with nothing kept for the next version."""
    return Version(
        parse_file(rel, raw, content_dir=content_dir, default_cycle=default_cycle).record
    )


def holds_no_goal(rel: str, raw: bytes, content_dir: str = "content") -> bool:
    """Whether version ``raw`` of file ``rel`` surely parses to no objective, KPI
    or check-in, told without parsing it: the history reads nothing else.

    A file under ``teams/``, ``people/`` or ``pages/`` is a team, person or
    page unless its front matter declares another ``type:`` (in any case:
    :func:`okrsite.parse.respelled`), so one without the letters ``type`` in
    any case, and without a ``\\`` (a quoted key may spell them as escapes),
    is skipped: 2,831 whole parses of the history benchmark's first commit,
    a fifth of its whole parses.
    """
    kind, _id = kind_and_id_from_path(rel, content_dir)
    if kind not in ("team", "person", "page"):
        return False
    return b"\\" not in raw and b"type" not in raw.lower()


def parse_version(
    rel: str,
    raw: bytes,
    previous: Version | None,
    *,
    content_dir: str = "content",
    default_cycle: str | None = None,
) -> Version:
    """Version ``raw`` of file ``rel``, reusing what ``previous`` (the version
    before it, or ``None``) loaded and validated."""
    if previous is not None and previous.parts is not None:
        same = _same_but_one_line(previous, raw)
        if same is not None:
            cut, span = same
            version = _parsed(rel, raw, cut, previous, content_dir, default_cycle, span)
            return _kept_bytes(version, raw, cut)
    text = _text(raw)
    parts = yamlsource.split(text) if text is not None else None
    if parts is None or not _usable(parts):
        return _parsed_whole(rel, raw, content_dir, default_cycle)
    return _kept_bytes(_parsed(rel, raw, parts, previous, content_dir, default_cycle), raw, parts)


def _parsed(
    rel: str,
    raw: bytes,
    parts: yamlsource.Split,
    previous: Version | None,
    content_dir: str,
    default_cycle: str | None,
    span: tuple[int, int] | None = None,
) -> Version:
    """Version ``raw`` (split into ``parts``) from ``previous``; ``span`` is
    :func:`changed_span` of the two front matters when the caller has it."""
    blocks = None
    if previous is not None and previous.blocks is not None:
        if span is None:
            span = changed_span(previous.fm, parts.front_matter)
        moved = _one_number_moved(rel, parts, previous, span)
        if moved is not None:
            return moved
        blocks = resplit_blocks(previous.fm, previous.blocks, parts.front_matter, span)
    if blocks is None:
        blocks = split_blocks(parts.front_matter)
    if blocks is None:
        return _parsed_whole(rel, raw, content_dir, default_cycle)
    if previous is not None and previous.blocks is not None and previous.values is not None:
        try:
            return _from_previous(rel, parts, blocks, previous, content_dir, default_cycle)
        except _Whole:
            pass
    return _whole(rel, raw, parts, blocks, content_dir, default_cycle)


def _kept_bytes(version: Version, raw: bytes, parts: yamlsource.Split) -> Version:
    """``version`` with its bytes and split kept for the next version, when its
    bytes are its text (ASCII, no carriage return) and it can be read on from."""
    if version.blocks is not None and raw.isascii() and b"\r" not in raw:
        version.raw, version.parts = raw, parts
    return version


#: a byte that is not printable ASCII, or a backslash: a control character
#: (:data:`okrsite.limits.CONTROL_CHARS`), a line break, a tab and a backslash
#: each make the whole file's checks worth running
_NOT_PLAIN_BYTES = re.compile(rb"[^\x20-\x5b\x5d-\x7e]")


def _same_but_one_line(
    previous: Version, raw: bytes
) -> tuple[yamlsource.Split, tuple[int, int]] | None:
    """The split of ``raw`` and :func:`changed_span` of the two front matters, when
    ``raw`` differs from ``previous``'s bytes inside one line of its front matter
    only, by ASCII without a line break: the text, its split and the span then
    come from ``previous``'s and the changed bytes, without decoding, checking
    and splitting the whole file again (a fifth of parsing a version whose
    one number moved). ``None`` for anything else.

    Sound because ``previous``'s bytes are its text (:func:`_kept_bytes`): the
    new text is the old one with one line's middle replaced, which keeps every
    line where it was, so the file splits into front matter and body at the
    same lines, the body is the same, and the front matters share what the
    texts share. The changed bytes are printable ASCII other than ``\\``
    and the changed line does not start with ``---``, so the text passes
    :func:`_text`'s and :func:`_usable`'s checks as the previous one did.
    """
    old_raw, old_parts = previous.raw, previous.parts
    assert old_parts is not None
    n_old, n_new = len(old_raw), len(raw)
    p = _common_prefix(old_raw, raw)
    s = _common_suffix(old_raw, raw, min(n_old, n_new) - p)
    fm = old_parts.front_matter
    fm_start = 3 if old_raw.startswith(b"---\n") else -1
    tail = n_old - fm_start - len(fm)  # the closing line and the body
    # the opening line's break (the front matter's first character) and the
    # front matter's last line break stay, so the lines ``---`` stay as they were
    if (
        fm_start < 0
        or p <= fm_start
        or s <= tail
        or old_raw[fm_start : n_old - tail] != fm.encode()
    ):
        return None
    mid = raw[p : n_new - s]
    if _NOT_PLAIN_BYTES.search(mid) is not None or b"\n" in old_raw[p : n_old - s]:
        return None  # not one line's middle replaced by plain text
    at = p - fm_start
    new_fm = fm[:at] + mid.decode("ascii") + fm[len(fm) - (s - tail) :]
    if len(new_fm) > limits.MAX_FRONT_MATTER_BYTES or new_fm.startswith(
        "---", fm.rfind("\n", 0, at) + 1
    ):
        return None  # too long, or the changed line could end the front matter
    parts = yamlsource.Split(new_fm, old_parts.body, old_parts.fm_line, old_parts.body_line)
    return parts, (p - fm_start, s - tail)


def _line_at(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start:] if end < 0 else text[start:end]


def _one_number_moved(
    rel: str, parts: yamlsource.Split, previous: Version, span: tuple[int, int]
) -> Version | None:
    """The version, when its front matter is ``previous``'s with one ``key: number``
    line of one key result changed (a target moved, a value updated: what most
    commits do); ``None`` for anything else, which the block-by-block path reads.
    ``span`` is :func:`changed_span` of the two front matters.

    The changed line is found by comparing the two texts, the key result by
    where the line lies among the previous version's items, and the item is
    patched by :func:`patched_item`'s rules. The objective's other fields come
    from ``previous`` (:func:`okrsite.parse.objective_with_key_results`). This
    skips cutting the front matter and its list again and validating the
    other fields: on the history benchmark's files such a version took about
    90 µs instead of 130-165 µs.
    """
    record, old_blocks, old_values = previous.record, previous.blocks, previous.values
    if type(record) is not Objective or old_blocks is None or old_values is None:
        return None
    if record.file != rel:  # the file moved: its id and file come from the new path
        return None
    old_fm, new_fm = previous.fm, parts.front_matter
    n_old, n_new = len(old_fm), len(new_fm)
    if old_fm == new_fm or _has_anchor_or_alias(new_fm):
        return None
    p, s = span
    if "\n" in old_fm[p : n_old - s] or "\n" in new_fm[p : n_new - s]:
        return None  # more than one line changed
    lo = old_fm.rfind("\n", 0, p) + 1
    old_line, new_line = _line_at(old_fm, lo), _line_at(new_fm, lo)
    before, after = _NUMBER_LINE.fullmatch(old_line), _NUMBER_LINE.fullmatch(new_line)
    if before is None or after is None or before.group(1, 2) != after.group(1, 2):
        return None
    pos = n_old - sum(map(len, old_blocks.values()))  # after the blank lines and comments
    block = ""
    for key, text in old_blocks.items():
        if pos <= lo < pos + len(text):
            if key != _ITEM_KEY:
                return None
            block = text
            break
        pos += len(text)
    items, krs = previous.items, old_values.get(_ITEM_KEY)
    if not block or type(krs) is not list or len(items) != len(krs):
        return None
    at = pos + len(block) - sum(map(len, items))  # where the first item starts
    if lo < at:
        return None
    for (item_text, item), kr in zip(items.items(), krs, strict=True):
        if item is not kr:
            return None
        if lo < at + len(item_text):
            break
        at += len(item_text)
    else:
        return None
    cut = lo - at
    new_text = item_text[:cut] + new_line + item_text[cut + len(old_line) :]
    patched = patched_item(item_text, item, new_text)
    if patched is None or new_text in items:
        return None
    new_items = {
        (new_text if t is item_text else t): (patched if v is item else v) for t, v in items.items()
    }
    values = dict(old_values)
    values[_ITEM_KEY] = [patched if v is item else v for v in krs]
    blocks = dict(old_blocks)
    cut = lo - pos
    blocks[_ITEM_KEY] = block[:cut] + new_line + block[cut + len(old_line) :]
    keep = {id(v) for v in new_items.values()}
    memo = {k: v for k, v in previous.memo.items() if k in keep}
    version = Version(None, new_fm, blocks, values, new_items, memo)
    version.record = objective_with_key_results(record, rel, values, parts, memo)
    return version


def _whole(
    rel: str,
    raw: bytes,
    parts: yamlsource.Split,
    blocks: dict[str, str],
    content_dir: str,
    default_cycle: str | None,
) -> Version:
    """Load the whole front matter once, and keep it cut for the next version."""
    try:
        data = yamlsource.load(parts.front_matter)
    except Exception:
        data = None  # parse_file reports it
    if data is None and parts.front_matter.strip():
        return _parsed_whole(rel, raw, content_dir, default_cycle)
    data = data or {}
    if not isinstance(data, dict) or list(data) != list(blocks):
        return _parsed_whole(rel, raw, content_dir, default_cycle)
    version = Version(None, parts.front_matter, blocks, data)
    krs = data.get(_ITEM_KEY)
    item_texts = split_items(blocks[_ITEM_KEY]) if _ITEM_KEY in blocks else None
    if isinstance(krs, list) and item_texts is not None and len(item_texts) == len(krs):
        version.items = dict(zip(item_texts, krs, strict=True))
    return _with_record(version, rel, parts, content_dir, default_cycle)


def _from_previous(
    rel: str,
    parts: yamlsource.Split,
    blocks: dict[str, str],
    previous: Version,
    content_dir: str,
    default_cycle: str | None,
) -> Version:
    """Load only the blocks (and key result items) whose text changed."""
    assert previous.blocks is not None and previous.values is not None
    if _has_anchor_or_alias(parts.front_matter):
        raise _Whole
    old_blocks, old_values = previous.blocks, previous.values
    values: dict[str, Any] = {}
    items = previous.items
    for key, text in blocks.items():
        if old_blocks.get(key) == text:
            values[key] = old_values[key]
        elif key == _ITEM_KEY:
            values[key], items = _load_items(text, previous.items)
        else:
            values[key] = _load_block(key, text)
    if _ITEM_KEY not in blocks:
        items = {}
    version = Version(None, parts.front_matter, blocks, values, items)
    # the memo carries over the key results whose loaded item is reused
    keep = {id(item) for item in items.values()}
    version.memo = {k: v for k, v in previous.memo.items() if k in keep}
    return _with_record(version, rel, parts, content_dir, default_cycle)


def _with_record(
    version: Version,
    rel: str,
    parts: yamlsource.Split,
    content_dir: str,
    default_cycle: str | None,
) -> Version:
    """The version with its record, made from its loaded values (and its memo)."""
    version.record = parse_data(
        rel,
        version.values,
        parts,
        content_dir=content_dir,
        default_cycle=default_cycle,
        memo=version.memo,
    ).record
    return version


def _load_items(text: str, known: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
    """The ``key_results:`` list, loading only items whose text is new.

    A new item whose text differs from the previous version's item in the
    same place by one number (a target moved, a current value updated: most
    edits) is that item with the number replaced (:func:`patched_item`)."""
    texts = split_items(text)
    if texts is None or not texts:
        return _load_block(_ITEM_KEY, text), {}
    before = list(known) if len(known) == len(texts) else None
    items: dict[str, Any] = {}
    out: list[Any] = []
    for i, item_text in enumerate(texts):
        item = items.get(item_text)
        if item is None:
            if item_text in known:
                item = known[item_text]
            else:
                if before is not None:
                    item = patched_item(before[i], known[before[i]], item_text)
                if item is None:
                    item = _load_item(item_text)
            items[item_text] = item
        out.append(item)
    return out, items


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
