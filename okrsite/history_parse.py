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
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from okrsite import limits, yamlsource
from okrsite.diagnostics import Diagnostic, Severity
from okrsite.file_text import file_text
from okrsite.history_blocks import (
    _common_prefix,
    _common_suffix,
    _has_anchor_or_alias,
    changed_span,
)
from okrsite.history_blocks import resplit_blocks as resplit_blocks
from okrsite.history_blocks import split_blocks as split_blocks
from okrsite.history_blocks import split_items as split_items
from okrsite.history_patch import _NUMBER_LINE
from okrsite.history_patch import patched_item as patched_item
from okrsite.model import Objective
from okrsite.parse import (
    KeyResultMemo,
    kind_and_id_from_path,
    objective_with_key_results,
    parse_data,
    parse_file,
)

_ITEM_KEY = "key_results"


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
    #: the objective of a version that cannot be read (``record`` is then
    #: ``None``) whose errors are all in its key results: the next version,
    #: one number moved, is read on from it (:func:`_one_number_moved`),
    #: which validates every key result again
    basis: Any = None
    #: the people and teams this version names, as it writes them
    #: (:attr:`okrsite.parse.ParsedFile.names`): a timeline names an owner
    #: no current file names by what this version wrote (``Ana Costa``),
    #: as ``okrsite diff`` does, not by the id (:mod:`okrsite.history_events`)
    names: tuple[tuple[str, str, str], ...] = ()


class _Whole(Exception):
    """This version cannot be read block by block: parse it whole."""


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
    text = file_text(text)
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
    """The site's own parse of the whole file, with nothing kept for the next
    version; no record when the file has errors (:func:`_readable`)."""
    parsed = parse_file(rel, raw, content_dir=content_dir, default_cycle=default_cycle)
    return Version(None if parsed.broken else parsed.record, names=parsed.names)


def _readable(version: Version, diags: Iterable[Diagnostic]) -> Version:
    """``version`` as a version that cannot be read (no record) when its parse
    found an error: ``green: 7,5`` in ``{…}`` (OKR102) is read by YAML as
    ``green: 7``, a figure nobody wrote, and ``okrsite diff`` says that
    version "cannot be read"; the history skips it as site.md says, so the
    commit that puts it right is compared with the last version that could
    be read. Its memo is dropped, so that the next version validates its key
    results again and reports an error it still has (a key result taken
    from the memo is not checked again)."""
    errors = [d for d in diags if d.severity is Severity.ERROR]
    if errors:
        if all((d.key_path or ())[:1] == (_ITEM_KEY,) for d in errors):
            version.basis = version.record
        version.record = None
        version.memo = {}
    return version


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
    if record is None:  # a version with errors in its key results only
        record = previous.basis
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
    version = Version(None, new_fm, blocks, values, new_items, memo, names=previous.names)
    diags: list[Diagnostic] = []
    version.record = objective_with_key_results(record, rel, values, parts, memo, diags)
    return _readable(version, diags)


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
    """The version with its record, made from its loaded values (and its
    memo); no record when they have errors (:func:`_readable`)."""
    parsed = parse_data(
        rel,
        version.values,
        parts,
        content_dir=content_dir,
        default_cycle=default_cycle,
        memo=version.memo,
    )
    version.record = parsed.record
    version.names = parsed.names
    return _readable(version, parsed.diagnostics)


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
