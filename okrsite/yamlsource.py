"""Front matter: splitting a file, loading its YAML, and finding lines again.

Loading is the hot path (tens of thousands of files). The usual shape of
front matter is read line by line without PyYAML (:mod:`okrsite.plain_yaml`);
anything else, and finding the line of a value below the top level, is left
to PyYAML (:mod:`okrsite.pyyaml_front_matter`), imported only when a file
needs it. Both give the same values: what ``yaml.load`` gives with okrsite's
safe loader, dates kept as text (so that an impossible date, ``2026-02-30``,
is a located diagnostic from our own validation rather than an exception
inside PyYAML).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from okrsite.plain_yaml import NOT_PLAIN, read_plain

#: python-frontmatter's ``YAMLHandler.FM_BOUNDARY``, the ``---`` line it splits on,
#: written out so that a run does not import the library's handlers (and its
#: TOML and JSON ones) to read one pattern; ``tests/test_yamlsource.py`` holds
#: the two equal.
_BOUNDARY: re.Pattern[str] = re.compile(r"^-{3,}\s*$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Split:
    """A file cut into front matter and body, with where each starts.

    ``fm_line`` is the 1-based file line on which the front matter text starts
    (the rest of the opening ``---`` line, so YAML's 0-based line *n* is file
    line ``fm_line + n``); ``body_line`` is the file line the body starts on.
    """

    front_matter: str
    body: str
    fm_line: int
    body_line: int


def split(text: str) -> Split | None:
    """Split ``---``-delimited front matter from the body (``None``: no front matter)."""
    opening = _BOUNDARY.match(text)
    if opening is None:
        return None
    closing = _closing_boundary(text, opening.end())
    if closing is None:
        return None
    fm, body = text[opening.end() : closing.start()], text[closing.end() :]
    body_line = 1 + text.count("\n", 0, len(text) - len(body))
    if body.startswith("\n"):
        body = body[1:]
        body_line += 1
    return Split(fm, body, 1, body_line)


def _closing_boundary(text: str, start: int) -> re.Match[str] | None:
    """The first match of ``_BOUNDARY`` at or after ``start``: what
    ``_BOUNDARY.split(text, 2)`` splits at second.

    A match starts a line with ``---``; those places are found with
    ``str.find`` and the expression is tried at each, instead of searching
    with it, which tries every character of the file (24 µs for an
    objective's file, in every file's parse). ``tests/test_text_scans.py``
    holds :func:`split` equal to splitting with the expression.
    """
    at = text.find("\n---", start - 1 if start else 0)
    while at != -1:
        found = _BOUNDARY.match(text, at + 1)
        if found is not None:
            return found
        at = text.find("\n---", at + 1)
    return None


def load(fm: str) -> Any:
    """Parse front matter to plain Python values (what ``yaml.load`` with
    okrsite's loader gives); PyYAML's errors
    (:mod:`okrsite.pyyaml_front_matter`) for text that is not valid YAML."""
    if " " * 64 in fm or "- - - - - - - -" in fm:  # only then can it nest deep
        _refuse_deep_nesting(fm)
    value = read_plain(fm)
    if value is not NOT_PLAIN:
        return value
    from okrsite import pyyaml_front_matter

    # aliases are held to their limits (values and characters) by the reader
    # itself: pyyaml_front_matter.check_expansion, on every path that reads YAML
    return pyyaml_front_matter.load(fm)


#: lists and mappings inside each other, written by indentation (``-`` items
#: under items): deeper, PyYAML's reader runs out of Python's stack near 450
MAX_BLOCK_NESTING = 200


def _refuse_deep_nesting(fm: str) -> None:
    """A YAML error at the line where the block nesting of ``fm`` (indented
    keys and ``-`` items, several on one line too) passes the limit: the
    checks report it (OKR003) at that line rather than a crash of the reader."""
    columns: list[int] = []  # where each open level's content starts
    for number, line in enumerate(fm.split("\n")):
        stripped = line.lstrip(" ")
        if not stripped or stripped[0] == "#":
            continue
        pos = len(line) - len(stripped)
        while columns and columns[-1] >= pos:
            columns.pop()
        while True:
            columns.append(pos)
            if len(columns) > MAX_BLOCK_NESTING:
                import yaml

                from okrsite.pyyaml_front_matter import NestingLimitError

                raise NestingLimitError(
                    f"lists and mappings are nested more than {MAX_BLOCK_NESTING} "
                    "levels deep here, the most okrsite reads: write the values less deeply nested",
                    yaml.Mark("<front matter>", 0, number, pos, None, 0),
                )
            if line[pos : pos + 2] != "- ":
                break
            pos += 2
            while line[pos : pos + 1] == " ":
                pos += 1


_TOP_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)")
# line breaks other than "\n" (YAML also breaks lines at \r, NEL, LS and PS)
_OTHER_BREAKS = re.compile("[\r\x85\u2028\u2029]")
_VALUE_START = re.compile(r"[A-Za-z0-9_.+(\"'\[{]|[^\x00-\x7f]")


def _closed_on_its_line(value: str) -> bool:
    """Whether a quoted or flow value that starts a line also ends on it.

    A quoted string or a bracket may run on over the next lines, which may
    start at column 0 and look like keys: then the quick reading gives up.
    """
    if value[0] == '"':
        i = 1
        while i < len(value):
            if value[i] == "\\":
                i += 2
                continue
            if value[i] == '"':
                return True
            i += 1
        return False
    if value[0] == "'":
        return value.replace("''", "").count("'") >= 2
    if value[0] in "[{":
        return value.count(value[0]) == value.count("]" if value[0] == "[" else "}") and not (
            set(value) & set("\"'#")
        )
    return True


def _opens_a_run_on(line: str) -> bool:
    """Whether an indented line or list item starts a quoted or flow value that
    does not end on it (it may run on to a line that looks like a top-level key)."""
    content = line.lstrip(" ")
    while content.startswith("- ") or content == "-":
        content = content[2:].lstrip(" ")
    match = _TOP_KEY.match(content)
    if match is not None:
        content = content[match.end() :]
    return bool(content) and content[0] in "\"'[{" and not _closed_on_its_line(content)


def top_level_position(fm: str, name: str, *, key: bool = False) -> tuple[int, int] | None:
    """0-based line and 1-based column of top-level key ``name``'s value (or key),
    read from the text alone; ``None`` when the text is not plain enough to be sure.

    Composing a file's YAML to find a line cost more than everything else a
    warning costs, and most warnings point at a top-level key written on one
    line (``owner: Ada Park``). Every line at column 0 must be a comment,
    a blank, an item of a list (``- ``) or ``word: value`` with a value that
    ends on its line; the value must start with a letter, digit, quote or
    bracket (no anchor, alias, tag or block scalar), or, written alone on its
    line, start on the next line that is indented or a list item
    (:func:`_block_value_start`). Anything else is left to :func:`locate`'s
    composing; a differential test holds the two equal.
    """
    if "\r" in fm or (not fm.isascii() and _OTHER_BREAKS.search(fm)):  # (a search: 5 µs)
        return None
    lines = fm.split("\n")
    for number, line in enumerate(lines):
        if not line or line[0] == "#":
            continue
        if line[0] == " " or line.startswith("- ") or line == "-":
            if _opens_a_run_on(line):
                return None
            continue
        match = _TOP_KEY.match(line)
        if match is None or "\t" in line:
            return None
        value = line[match.end() :]
        if match.group(1) == name:
            if key:
                return number, 1
            if value and _VALUE_START.match(value) and _closed_on_its_line(value):
                return number, match.end() + 1
            if not value or value[0] == "#":
                return _block_value_start(lines, number + 1)
            return None
        if value and value[0] != "#" and not _closed_on_its_line(value):
            return None
    return None


def _block_value_start(lines: list[str], first: int) -> tuple[int, int] | None:
    """Where the value of a top-level key written alone on its line starts
    (``key_results:`` and the list below it): the first character of the next
    line that is not blank or a comment, if that line is indented or a list
    item; ``None`` for anything composing must decide (no value, a tab, an
    explicit ``?`` key, an alias, anchor or tag: ``tags:`` over ``  *who``
    is the node ``&who`` names, where composing points)."""
    for number in range(first, len(lines)):
        line = lines[number]
        content = line.lstrip(" ")
        if not content or content[0] == "#":
            continue
        indent = len(line) - len(content)
        if "\t" in line or content[0] in "?:*&!":
            return None
        if indent == 0 and not (content.startswith("- ") or content == "-"):
            return None  # no value: the key stands for null
        return number, indent + 1
    return None


def locate(
    fm: str, key_path: tuple[str | int, ...], fm_line: int, *, key: bool = False
) -> tuple[int | None, int | None]:
    """File line and column of the value at ``key_path`` (or of its key with ``key=True``).

    Walks as deep as the path exists, so a missing key points at its parent
    mapping. Returns ``(None, None)`` if the text does not compose. A
    top-level key is found in the text when it is plain enough
    (:func:`top_level_position`): the front matter of a file that loaded.
    """
    if len(key_path) == 1 and isinstance(key_path[0], str):
        quick = top_level_position(fm, key_path[0], key=key)
        if quick is not None:
            return fm_line + quick[0], quick[1]
    from okrsite import pyyaml_front_matter

    return pyyaml_front_matter.locate(fm, key_path, fm_line, key=key)


def key_form(key: str) -> str:
    """A key as okrsite spells it: ``Title`` → ``title``, ``Key Results`` and
    ``key-results`` → ``key_results`` (:func:`okrsite.parse.respelled`)."""
    return "_".join(key.strip().lower().replace("-", " ").split())


def stands_for(written: object, key: object) -> bool:
    """Whether a key ``written`` so is read as ``key``: in another case or with
    spaces (``Target``), or under another name (``baseline`` for ``start``:
    :mod:`okrsite.key_aliases`), for finding the line of a key as read."""
    if not isinstance(written, str) or not isinstance(key, str):
        return False
    from okrsite.key_aliases import ANY
    from okrsite.parse_names import without_typed_quotes

    # “users”: a key in typographic quotes is read without them
    form = key_form(without_typed_quotes(written))
    return form == key or ANY.get(form) == key or without_typed_quotes(written) == key
