"""Text cut short by a YAML comment: ``title: Become the #1 vendor in DACH``.

In YAML a space followed by ``#`` starts a comment, so an unquoted value
ends before it: that title is read as "Become the", and
``parent: sales-emea/emea #dach`` aligns to the objective, not its key
result ``dach``. Both are valid YAML, so nothing else would say so, and
people write "#1", "Ticket #123" and "#2 priority" in titles all the time.
This module finds a plain (unquoted) text value of a key that holds text
(:data:`TEXT_KEYS`) followed on its line by a comment whose ``#`` a letter or
digit follows (``#1``, ``#dach``, ``#123``), and warns there (OKR130), with
the line to write. A comment written ``# like this``, as the docs annotate
their examples (``owner: Uma Diaz   # the person uma-diaz``), is meant as
one: words are not written with a space after ``#``.

It reads the text, not the values: which reader read the file
(:mod:`okrsite.plain_yaml` or PyYAML) does not matter, so both give the same
warning. A comment on a line of its own, or after a number, date, yes/no or
any key that holds no text (``target: 10  # was 8``), is meant as one and
left alone. Most files have no `` #`` on such a line: one substring test and
one search find that; only a file that has one is composed with PyYAML to
learn what each value is and where it ends.
"""

from __future__ import annotations

import re
from typing import Any

from okrsite import yamlsource
from okrsite.diagnostics import Diagnostic, warning

__all__ = ["TEXT_KEYS", "comment_cuts"]

#: keys whose value is text or a reference: a comment after them cuts words off
TEXT_KEYS = frozenset({"title", "parent", "supports", "objective", "kpi", "owner", "team"})
#: keys that name another record, where ``#`` names a key result
_REFERENCE_KEYS = frozenset({"parent", "supports"})

#: a line that may hold one: a text key (or a list item) with an unquoted
#: value, then a space and '#'
_CANDIDATE = re.compile(
    r"^[ -]*(?:(?:title|parent|supports|objective|kpi|owner|team) *: +|- +)"
    r"[^ \"'\[{|>&*!#\n][^\n]*? #[^\W_]",
    re.MULTILINE | re.IGNORECASE,
)
#: a comment that can be a key result's id (``#dach``)
_KR_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
_STR = "tag:yaml.org,2002:str"


def comment_cuts(rel: str, parts: yamlsource.Split) -> list[Diagnostic]:
    """OKR130 for each plain text value of :data:`TEXT_KEYS` in ``parts``'
    front matter that a comment on its line follows."""
    fm = parts.front_matter
    if " #" not in fm or _CANDIDATE.search(fm) is None:
        return []
    root = _composed(fm)
    if root is None:
        return []
    lines = fm.split("\n")
    found: list[Diagnostic] = []
    stack: list[Any] = [root]
    seen: set[int] = set()
    import yaml

    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key_node, value in node.value:
                key = (
                    yamlsource.key_form(str(key_node.value))
                    if isinstance(key_node, yaml.ScalarNode)
                    else ""
                )
                if key in TEXT_KEYS:
                    items = value.value if isinstance(value, yaml.SequenceNode) else [value]
                    for item in items:
                        cut = _cut(item, lines, key, str(key_node.value), rel, parts.fm_line)
                        if cut is not None:
                            found.append(cut)
                if isinstance(value, (yaml.MappingNode, yaml.SequenceNode)):
                    stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    found.sort(key=lambda d: (d.line or 0, d.column or 0))
    return found


def _composed(fm: str) -> Any:
    """The node tree of ``fm`` (``None`` when it does not compose: its own errors say so)."""
    import yaml

    from okrsite import pyyaml_front_matter

    last = pyyaml_front_matter._last_composed
    if last is not None and last[0] is fm:
        return last[1]
    try:
        return yaml.compose(fm, Loader=pyyaml_front_matter.FrontMatterLoader)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError):
        return None


def _cut(
    node: Any, lines: list[str], key: str, written_key: str, rel: str, fm_line: int
) -> Diagnostic | None:
    """OKR130 when ``node`` is a one-line plain text value a comment follows."""
    import yaml

    if not isinstance(node, yaml.ScalarNode) or node.style or node.tag != _STR:
        return None  # quoted, a block, or a number, date or yes/no (plain: '' in C, None in Python)
    start, end = node.start_mark, node.end_mark
    if start.line != end.line or not node.value:
        return None
    line = lines[end.line]
    after = line[end.column :]
    spaces = len(after) - len(after.lstrip(" "))
    if not spaces or after[spaces : spaces + 1] != "#":
        return None
    comment = after[spaces:].rstrip()
    if not comment[1:2].isalnum():
        return None  # '# a note', as the docs annotate their examples: meant as a comment
    value = node.value
    whole = line[start.column :].rstrip()
    message = (
        f"{written_key}: is read as {value!r}: ' #' starts a YAML comment, "
        f"so {comment!r} is left out"
    )
    if key in _REFERENCE_KEYS and "#" not in value and _KR_ID.fullmatch(comment[1:]):
        hint = (
            f"did you mean {written_key}: {value}{comment}? A key result is named "
            "with no space before '#'; a note for readers belongs on a line of its own"
        )
    else:
        hint = (
            f"put the value in quotes: {written_key}: {_quoted(whole)} "
            "(or, if it is a note for readers, move it to a line of its own)"
        )
    return warning(
        "OKR130",
        message,
        rel,
        line=fm_line + end.line,
        column=end.column + spaces + 1,
        hint=hint,
    )


def _quoted(text: str) -> str:
    """``text`` as a YAML quoted scalar: in double quotes, or single ones when it has
    a double quote or backslash (which double quotes would read as an escape)."""
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"
