"""Front matter in the shape people write it, read without composing YAML nodes.

Nearly every goal file's front matter is the same few shapes: ``key: value``
lines, nested mappings and lists by indentation, ``- id: kr1`` items, and
one-line ``[a, b]`` or ``{title: x, done: false}`` collections. PyYAML's C
parser still hands each value to Python as a node object, and resolves its
type in Python, so loading the YAML was about a third of parsing a large
site. :func:`read_plain` reads exactly that common shape line by line and
gives up (:data:`NOT_PLAIN`) on anything else: anchors and aliases, tags,
block scalars, quoted text with escapes or over several lines, a plain value
running on to the next line, tabs, line breaks other than ``\\n``, unusual
characters, a key written twice, anything PyYAML would refuse. Then
:func:`okrsite.yamlsource.load` reads the text with PyYAML
(:mod:`okrsite.pyyaml_front_matter`).

A plain value's type (text, number, true/false, null, a date kept as text)
is decided by PyYAML's own rules: its implicit resolvers' patterns, copied
here (:func:`_resolve`), and its constructor for any number not written in
the plain decimal way. The copy is what lets a run that reads only such
files never import PyYAML: importing it is about 124 M instructions, a
seventh of a build after one edit of the example site (the constructor, for
``0x1F`` or ``1_000``, is imported when first needed).
``tests/test_plain_yaml.py`` holds :func:`_resolve` equal to PyYAML's
resolver and :func:`read_plain` equal to PyYAML on generated front matter,
including its edge cases.
"""

from __future__ import annotations

import re
from typing import Any

from okrsite.limits import MAX_NUMBER_CHARS, ascii_free_of

__all__ = ["NOT_PLAIN", "read_plain"]


class _NotPlain:
    """The answer when the text is not in the shape read here."""

    def __repr__(self) -> str:
        return "NOT_PLAIN"


NOT_PLAIN: Any = _NotPlain()


class _GiveUp(Exception):
    """Raised inside the reader: leave this text to PyYAML."""


# What a plain scalar may not start with (YAML's indicators); '-' is allowed
# when a character other than a space follows.
_NOT_PLAIN_START = frozenset("?:,[]{}#&*!|>'\"%@`")


_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_MERGE = "tag:yaml.org,2002:merge"
_VALUE = "tag:yaml.org,2002:value"
_YAML = "tag:yaml.org,2002:yaml"

# The patterns, compiled when the reader is first used (:func:`_compile`), so
# that a run reading no front matter does not compile them.
#: what sends the text to PyYAML: tabs, carriage returns and YAML 1.1's other
#: line breaks (NEL, LS, PS), the byte order mark, and what YAML does not
#: allow in a document (control characters, DEL, C1, lone surrogates)
_UNUSUAL: re.Pattern[str]
#: the characters of _UNUSUAL an ASCII text can hold (checked first: see ascii_free_of)
_ASCII_UNUSUAL = bytes([*range(0x00, 0x0A), *range(0x0B, 0x20), 0x7F])
#: one line: its indentation, a list item's "- ", a key (up to a ':' that a
#: space or the end of the line follows), and the rest; blank lines and
#: comments match with no item, no key, and an empty or '#' rest
_LINE: re.Pattern[str]
#: ``[a, b, c]`` with plain items only (each starting with a word character),
#: read by splitting at the commas
_SIMPLE_FLOW: re.Pattern[str]
#: a flow (``[..]``, ``{..}``) plain item; it ends at one of these, and ':'
#: '#' and quotes inside one are left to PyYAML
_FLOW_PLAIN: re.Pattern[str]
_PLAIN_INT: re.Pattern[str]
_PLAIN_FLOAT: re.Pattern[str]
#: PyYAML's implicit resolvers by a plain scalar's first character ('' for
#: the empty scalar), in the order PyYAML tries them
_IMPLICIT: dict[str, list[tuple[str, re.Pattern[str]]]]
_compiled = False


def _compile() -> None:
    global _UNUSUAL, _LINE, _SIMPLE_FLOW, _FLOW_PLAIN, _PLAIN_INT, _PLAIN_FLOAT, _compiled
    _UNUSUAL = re.compile(
        "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]"
    )
    _LINE = re.compile(r"^( *)(- +|-$)?(?:(\w[^:#\n]*):(?: |$))?(.*)$", re.M)
    _SIMPLE_FLOW = re.compile(r" *\w[^,\[\]{}:#'\"]*(?:, *\w[^,\[\]{}:#'\"]*)*")
    _FLOW_PLAIN = re.compile(r"[^,\[\]{}:#'\"]*")
    _PLAIN_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")  # no leading zero: 0123 is octal
    _PLAIN_FLOAT = re.compile(r"[-+]?[0-9]+\.[0-9]+\Z")
    _compile_resolvers()
    _compiled = True


def _compile_resolvers() -> None:
    """PyYAML's ``yaml.resolver.Resolver`` (YAML 1.1's implicit types), its
    patterns and first characters as PyYAML 6 writes them, in its order."""
    global _IMPLICIT
    implicit: list[tuple[str, str, str]] = [
        (
            _BOOL,
            r"""^(?:yes|Yes|YES|no|No|NO
                |true|True|TRUE|false|False|FALSE
                |on|On|ON|off|Off|OFF)$""",
            "yYnNtTfFoO",
        ),
        (
            _FLOAT,
            r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
                |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
                |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
                |[-+]?\.(?:inf|Inf|INF)
                |\.(?:nan|NaN|NAN))$""",
            "-+0123456789.",
        ),
        (
            _INT,
            r"""^(?:[-+]?0b[0-1_]+
                |[-+]?0[0-7_]+
                |[-+]?(?:0|[1-9][0-9_]*)
                |[-+]?0x[0-9a-fA-F_]+
                |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$""",
            "-+0123456789",
        ),
        (_MERGE, r"^(?:<<)$", "<"),
        (
            _NULL,
            r"""^(?: ~
                |null|Null|NULL
                | )$""",
            "~nN",
        ),
        (
            _TIMESTAMP,
            r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
                |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
                 (?:[Tt]|[ \t]+)[0-9][0-9]?
                 :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
                 (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
            "0123456789",
        ),
        (_VALUE, r"^(?:=)$", "="),
        (_YAML, r"^(?:!|&|\*)$", "!&*"),
    ]
    table: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for tag, pattern, firsts in implicit:
        compiled = re.compile(pattern, re.X)
        for first in firsts:
            table.setdefault(first, []).append((tag, compiled))
    table.setdefault("", []).append((_NULL, table["~"][-1][1]))  # the empty scalar is null
    _IMPLICIT = table


def _resolve(text: str) -> str:
    """The tag PyYAML's resolver gives a plain scalar ``text``."""
    for tag, pattern in _IMPLICIT.get(text[:1], ()):
        if pattern.match(text):
            return tag
    return _STR


_SCALARS: dict[str, Any] = {}  # plain text → (value,), memoised: ids, units and dates repeat
_constructor: Any = None  # PyYAML's SafeConstructor, made when first needed


def _plain(text: str) -> Any:
    """The value of a plain scalar, as PyYAML's resolver types it."""
    known = _SCALARS.get(text)
    if known is not None:
        return known[0]
    tag = _resolve(text)
    if tag in (_STR, _TIMESTAMP):  # dates stay text: okrsite checks them itself
        value: Any = text
    elif tag == _INT:
        value = (
            text  # as pyyaml_front_matter: refused as no number, on its line
            if len(text) > MAX_NUMBER_CHARS
            else int(text)
            if _PLAIN_INT.match(text)
            else _constructed("construct_yaml_int", tag, text)
        )
    elif tag == _FLOAT:
        value = (
            float(text)
            if _PLAIN_FLOAT.match(text)
            else _constructed("construct_yaml_float", tag, text)
        )
    elif tag == _BOOL:
        value = text.lower() in ("yes", "true", "on")  # PyYAML's SafeConstructor.bool_values
    elif tag == _NULL:
        value = None
    else:  # '<<', '=' and whatever else PyYAML gives meaning to
        raise _GiveUp
    if len(_SCALARS) < 200_000:
        _SCALARS[text] = (value,)
    return value


def _constructed(method: str, tag: str, text: str) -> Any:
    """A number written another way (``0x1F``, ``1_000``, ``1:30``, ``.inf``),
    built by PyYAML's own constructor: imported here, as few files need it."""
    global _constructor
    import yaml

    if _constructor is None:
        _constructor = yaml.constructor.SafeConstructor()
    try:
        return getattr(_constructor, method)(yaml.ScalarNode(tag, text))
    except Exception:  # an int or float PyYAML itself cannot build: its own message
        raise _GiveUp from None


def read_plain(fm: str) -> Any:
    """The value of front matter ``fm`` as :func:`yaml.load` with okrsite's
    loader gives it, or :data:`NOT_PLAIN` when the text is not in the common
    shape this reads (then PyYAML must)."""
    if not _compiled:
        _compile()
    if not ascii_free_of(fm, _ASCII_UNUSUAL) and _UNUSUAL.search(fm) is not None:
        return NOT_PLAIN
    lines = []
    for indent, dash, key, rest in _LINE.findall(fm):
        if rest and rest[-1] == " ":
            rest = rest.rstrip(" ")
        if key:
            if len(key) > _LONGEST_KEY:
                return NOT_PLAIN
            if key[-1] == " ":
                key = key.rstrip(" ")
            if rest and rest[0] == " ":
                rest = rest.lstrip(" ")
        elif not dash and (not rest or rest[0] == "#"):
            continue  # a blank line or a comment
        lines.append((len(indent), len(dash), key, rest))
    if not lines:
        return NOT_PLAIN
    try:
        value, end = _block(lines, 0, lines[0][0])
    except (_GiveUp, RecursionError):
        return NOT_PLAIN
    return value if end == len(lines) else NOT_PLAIN


# YAML allows a key written without '?' up to 1,024 characters (PyYAML refuses
# a longer one); longer ones are left to PyYAML.
_LONGEST_KEY = 1000

_Line = tuple[int, int, str, str]


def _block(lines: list[_Line], at: int, indent: int) -> tuple[Any, int]:
    if lines[at][1]:
        return _sequence(lines, at, indent)
    return _mapping(lines, at, indent)


def _mapping(lines: list[_Line], at: int, indent: int) -> tuple[dict[Any, Any], int]:
    out: dict[Any, Any] = {}
    count = len(lines)
    while at < count:
        line_indent, dash, key_text, rest = lines[at]
        if line_indent != indent:
            break
        if dash or not key_text:
            raise _GiveUp
        key = _plain(key_text)
        at += 1
        if not rest or rest[0] == "#":
            if at < count and lines[at][0] > indent:
                value, at = _block(lines, at, lines[at][0])
            elif at < count and lines[at][0] == indent and lines[at][1]:
                value, at = _sequence(lines, at, indent)
            else:
                value = None
        else:
            value = _inline(rest)
            if at < count and lines[at][0] > indent:
                raise _GiveUp  # a value running on to the next line, or an error
        if key in out:
            raise _GiveUp  # written twice: PyYAML's path says where
        out[key] = value
    return out, at


def _sequence(lines: list[_Line], at: int, indent: int) -> tuple[list[Any], int]:
    items: list[Any] = []
    count = len(lines)
    while at < count:
        line_indent, dash, key_text, rest = lines[at]
        if line_indent != indent or not dash:
            break
        if key_text:  # the item is a mapping starting on this line
            column = indent + dash
            lines[at] = (column, 0, key_text, rest)
            value, at = _mapping(lines, at, column)
        elif not rest or rest[0] in "-#":
            raise _GiveUp  # the item's value on the lines below, or a list in a list
        else:
            value = _inline(rest)
            at += 1
            if at < count and lines[at][0] > indent:
                raise _GiveUp
        items.append(value)
    return items, at


def _inline(rest: str) -> Any:
    """A value written on the rest of its line (quoted, a one-line flow
    collection, or plain), followed by nothing or a comment."""
    first = rest[0]
    if first == '"' or first == "'":
        value, end = _quoted(rest, 0)
    elif first == "[" or first == "{":
        if first == "[" and rest[-1] == "]" and _SIMPLE_FLOW.fullmatch(rest, 1, len(rest) - 1):
            return [_plain(item.strip(" ")) for item in rest[1:-1].split(",")]
        value, end = _flow(rest, 0)
    elif first in _NOT_PLAIN_START or (first == "-" and (len(rest) == 1 or rest[1] == " ")):
        raise _GiveUp
    else:
        cut = rest.find(" #")
        if cut < 0 and ": " not in rest:  # (rest has no trailing space and is not empty)
            if rest[-1] == ":":
                raise _GiveUp
            return _plain(rest)
        text = (rest if cut < 0 else rest[:cut]).rstrip(" ")
        if ": " in text or text[-1:] == ":" or not text:
            raise _GiveUp
        return _plain(text)
    tail = rest[end:]
    if tail and not (tail[0] == " " and tail.lstrip(" ")[:1] in ("", "#")):
        raise _GiveUp
    return value


def _quoted(text: str, at: int) -> tuple[str, int]:
    """A quoted scalar that ends on its line, without escapes: (value, index after it)."""
    quote = text[at]
    if quote == '"':
        end = text.find('"', at + 1)
        if end < 0 or "\\" in text[at + 1 : end]:
            raise _GiveUp
        return text[at + 1 : end], end + 1
    at += 1
    parts = []
    while True:
        end = text.find("'", at)
        if end < 0:
            raise _GiveUp
        parts.append(text[at:end])
        if text[end + 1 : end + 2] == "'":
            parts.append("'")
            at = end + 2
            continue
        return "".join(parts), end + 1


def _skip_spaces(text: str, at: int) -> int:
    while at < len(text) and text[at] == " ":
        at += 1
    return at


def _flow(text: str, at: int) -> tuple[Any, int]:
    """A ``[...]`` or ``{...}`` collection that ends on its line."""
    closing = "]" if text[at] == "[" else "}"
    mapping = closing == "}"
    items: list[Any] = []
    out: dict[Any, Any] = {}
    at = _skip_spaces(text, at + 1)
    if text[at : at + 1] == closing:
        return (out if mapping else items), at + 1
    while True:
        if mapping:
            match = _FLOW_PLAIN.match(text, at)
            assert match is not None
            raw = match.group().strip(" ")
            at = match.end()
            if not raw or raw[0] in _NOT_PLAIN_START or raw[0] == "-" or len(raw) > _LONGEST_KEY:
                raise _GiveUp
            if text[at : at + 2] != ": ":
                raise _GiveUp
            key = _plain(raw)
            value, at = _flow_item(text, _skip_spaces(text, at + 2), closing)
            try:
                if key in out:
                    raise _GiveUp
            except TypeError:
                raise _GiveUp from None
            out[key] = value
        else:
            value, at = _flow_item(text, at, closing)
            items.append(value)
        at = _skip_spaces(text, at)
        if at >= len(text):
            raise _GiveUp
        if text[at] == closing:
            return (out if mapping else items), at + 1
        if text[at] != ",":
            raise _GiveUp
        at = _skip_spaces(text, at + 1)
        if at >= len(text) or text[at] in ",]}":
            raise _GiveUp  # an empty entry or a trailing comma: PyYAML decides


def _flow_item(text: str, at: int, closing: str) -> tuple[Any, int]:
    if at >= len(text):
        raise _GiveUp
    first = text[at]
    if first == '"' or first == "'":
        return _quoted(text, at)
    if first == "[" or first == "{":
        return _flow(text, at)
    match = _FLOW_PLAIN.match(text, at)
    assert match is not None
    raw = match.group().rstrip(" ")
    if not raw or first in _NOT_PLAIN_START or first == "-" and raw[1:2] in ("", " "):
        raise _GiveUp
    end = match.end()
    if end >= len(text) or text[end] not in ",]}":
        raise _GiveUp  # ':' '#' or a quote inside the item
    return _plain(raw), at + len(raw)
