"""Front matter: splitting a file, loading its YAML, and finding lines again.

Loading is the hot path (tens of thousands of files), so it uses PyYAML's C
loader and builds plain Python values without any position bookkeeping. Only
when a file has a finding do we compose it a second time into nodes to learn
the line and column of the offending key or value (:func:`locate`). Dates are
kept as strings by the loader so that an impossible date (``2026-02-30``) is a
located diagnostic from our own validation rather than an exception inside
PyYAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

try:  # the C loader is ~10x faster; fall back to pure Python where libyaml is missing
    _BaseLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover
    _BaseLoader = yaml.SafeLoader


_PLAIN_TAGS: dict[str, str] = {}


class FrontMatterLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """Safe loader that leaves timestamps as strings (we validate dates ourselves).

    Implicit tag resolution (a regex match per scalar, in Python) is memoised:
    keys, ids and units repeat across thousands of files. Path resolvers are
    never used, so descending and ascending are no-ops, and a scalar's tag
    depends only on its text and on whether it was written plain: a quoted
    (or ``!``-tagged) scalar is always text.
    """

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is yaml.ScalarNode:
            if not implicit[0]:
                return self.DEFAULT_SCALAR_TAG
            tag = _PLAIN_TAGS.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)
                if len(_PLAIN_TAGS) < 200_000:
                    _PLAIN_TAGS[value] = tag
            return tag
        return super().resolve(kind, value, implicit)

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


def _timestamp_as_string(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    return loader.construct_scalar(node)  # type: ignore[arg-type]


FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_string)

_BOUNDARY: re.Pattern[str] = YAMLHandler.FM_BOUNDARY


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
    if not _BOUNDARY.match(text):
        return None
    parts = _BOUNDARY.split(text, 2)
    if len(parts) < 3:
        return None
    _, fm, body = parts
    body_line = 1 + text.count("\n", 0, len(text) - len(body))
    if body.startswith("\n"):
        body = body[1:]
        body_line += 1
    return Split(fm, body, 1, body_line)


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
_PLAIN_INT = re.compile(
    r"[-+]?(?:0|[1-9][0-9]*)\Z"
)  # no leading zero: YAML 1.1 reads 0123 as octal
_PLAIN_FLOAT = re.compile(r"[-+]?[0-9]+\.[0-9]+\Z")


class _Unusual(Exception):
    """A node our fast path does not handle; PyYAML's constructor takes over."""


def load(fm: str) -> Any:
    """Parse front matter to plain Python values.

    PyYAML's C parser composes the node tree in C; constructing values from it
    with PyYAML's generic constructor is most of the cost of a large site, so
    the common tags (str, int, float, bool, null, map, seq, and timestamps kept
    as text) are built here directly. Anything else (merge keys, explicit tags
    such as ``!!binary`` or ``!!set``) falls back to PyYAML's constructor, so
    the result is always what ``yaml.load`` with our loader gives.
    """
    loader = FrontMatterLoader(fm)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        try:
            return _build(node, loader)
        except _Unusual:
            return loader.construct_document(node)
    finally:
        loader.dispose()


def _build(node: yaml.Node, loader: Any) -> Any:
    """The value of ``node``; raises :class:`_Unusual` for what PyYAML must construct.

    Scalars inside a mapping are built inline (keys are nearly always plain
    text), so the common front matter costs one call per mapping or list.
    """
    kind = type(node)
    if kind is ScalarNode:
        return _scalar(node, loader)
    if kind is MappingNode:
        if node.tag != _MAP:
            raise _Unusual
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if type(key_node) is ScalarNode:
                if key_node.tag == _STR:
                    key = key_node.value
                elif key_node.tag == _MERGE:
                    raise _Unusual
                else:
                    key = _scalar(key_node, loader)
            else:
                key = _build(key_node, loader)
            if type(value_node) is ScalarNode:
                value = _scalar(value_node, loader)
            else:
                value = _build(value_node, loader)
            try:
                out[key] = value
            except TypeError:  # unhashable key: let PyYAML report it properly
                raise _Unusual from None
        return out
    if kind is SequenceNode:
        if node.tag != _SEQ:
            raise _Unusual
        return [_build(item, loader) for item in node.value]
    raise _Unusual


def _scalar(node: yaml.Node, loader: Any) -> Any:
    tag = node.tag
    value = node.value
    if tag in (_STR, _TIMESTAMP):
        return value
    if tag == _INT:
        return int(value) if _PLAIN_INT.match(value) else loader.construct_yaml_int(node)
    if tag == _FLOAT:
        return float(value) if _PLAIN_FLOAT.match(value) else loader.construct_yaml_float(node)
    if tag == _BOOL:
        return loader.construct_yaml_bool(node)
    if tag == _NULL:
        return None
    raise _Unusual


def yaml_error_position(
    exc: yaml.YAMLError, fm_line: int, fm: str = ""
) -> tuple[int | None, int | None]:
    """Where to point for a YAML error.

    PyYAML's problem mark is where it noticed; for an unclosed bracket or
    quote that is the end of the front matter, and the context mark (where the
    unclosed construct began) is what the user needs to see.
    """
    problem = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context_mark", None)
    mark = problem or context
    if problem is not None and context is not None and problem.index >= len(fm.rstrip()):
        mark = context
    if mark is None:
        return None, None
    return fm_line + mark.line, mark.column + 1


def locate(
    fm: str, key_path: tuple[str | int, ...], fm_line: int, *, key: bool = False
) -> tuple[int | None, int | None]:
    """File line and column of the value at ``key_path`` (or of its key with ``key=True``).

    Walks as deep as the path exists, so a missing key points at its parent
    mapping. Returns ``(None, None)`` if the text does not compose.
    """
    try:
        node: yaml.Node | None = yaml.compose(fm, Loader=FrontMatterLoader)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError):
        return None, None
    if node is None:
        return fm_line, None
    best: yaml.Node = node
    for step in key_path:
        found: yaml.Node | None = None
        key_node: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and str(k.value) == str(step):
                    found, key_node = v, k
                    break
        elif (
            isinstance(node, yaml.SequenceNode)
            and isinstance(step, int)
            and 0 <= step < len(node.value)
        ):
            found = node.value[step]
        if found is None:
            break
        node = found
        best = found
        if key and key_node is not None and step == key_path[-1]:
            best = key_node
    mark = best.start_mark
    return fm_line + mark.line, mark.column + 1
