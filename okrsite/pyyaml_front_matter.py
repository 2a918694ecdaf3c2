"""Front matter read with PyYAML: the loader, its errors, and finding lines.

Most front matter is read without PyYAML (:mod:`okrsite.plain_yaml`); what
that reader leaves (anchors and aliases, tags, block scalars, escapes,
anything unusual or wrong) comes here, and so does finding the line of a
value below the top level of a file with a finding. This module imports
PyYAML, so :mod:`okrsite.yamlsource` imports it only when a file needs it:
importing PyYAML is about a seventh of the instructions of a build after
one edit of the example site (see ``benchmarks/README.md``).

It uses PyYAML's C loader and builds plain Python values without any position
bookkeeping. Only when a file has a finding is it composed a second time into
nodes to learn the line and column of the offending key or value
(:func:`locate`). Dates are kept as strings by the loader so that an
impossible date (``2026-02-30``) is a located diagnostic from our own
validation rather than an exception inside PyYAML.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from okrsite.limits import MAX_EXPANDED_CHARS, MAX_EXPANDED_VALUES, MAX_NUMBER_CHARS
from okrsite.yamlsource import stands_for

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


class DuplicateKeyError(yaml.MarkedYAMLError):
    """A mapping names the same key twice (YAML 1.2 forbids it; PyYAML keeps the last)."""

    def __init__(self, key: Any, first: Any, again: Any) -> None:
        super().__init__(
            "while constructing a mapping", first, f"found duplicate key {key!r}", again
        )
        self.key = key
        self.first_line: int = first.line
        self.again_line: int = again.line


class AliasLimitError(yaml.MarkedYAMLError):
    """Aliases that expand to too many values (``limit`` "values") or too
    much text ("chars"), or that contain themselves ("cycle")."""

    def __init__(self, problem: str, mark: Any, limit: str = "values") -> None:
        super().__init__(None, None, problem, mark)
        self.limit = limit


class NestingLimitError(yaml.MarkedYAMLError):
    """Lists and mappings nested deeper than okrsite reads
    (:func:`okrsite.yamlsource.load` finds them before PyYAML reads them)."""

    def __init__(self, problem: str, mark: Any) -> None:
        super().__init__(None, None, problem, mark)


def load(fm: str) -> Any:
    """Parse front matter to plain Python values, as ``yaml.load`` with
    :class:`FrontMatterLoader` does.

    PyYAML's C parser composes the node tree in C; constructing values from it
    with PyYAML's generic constructor is most of the cost, so the common tags
    (str, int, float, bool, null, map, seq, and timestamps kept as text) are
    built here directly. Anything else (merge keys, explicit tags such as
    ``!!binary`` or ``!!set``) falls back to PyYAML's constructor, so the
    result is always what ``yaml.load`` with our loader gives.
    """
    loader = FrontMatterLoader(fm)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        # Without a '*' there is no alias: the nodes form a tree, built as is.
        shared: dict[int, Any] | None = None
        if "*" in fm:
            check_expansion(node, fm=fm)
            shared = {}
        try:
            built = _build(node, loader, shared)
        except _Unusual:
            check_duplicates(node)
            return loader.construct_document(node)
        global _last_composed
        if shared is None:  # a tree read, never changed: :func:`locate` may walk it
            _last_composed = (fm, node)
        return built
    finally:
        loader.dispose()


# The front matter :func:`load` composed last and its node tree (built by
# ``yaml.compose`` the same way), so that locating a file's diagnostics does
# not parse its YAML a second time. One tuple, replaced whole.
_last_composed: tuple[str, yaml.Node] | None = None


#: an alias: ``*`` at the start of a line or after a space, ``[``, ``{`` or ``,``
_ALIAS = re.compile(r"(?:^|(?<=[\s\[{,]))\*[^\s,\[\]{}]+")


def check_expansion(
    root: yaml.Node,
    limit: int = MAX_EXPANDED_VALUES,
    *,
    fm: str = "",
    chars: int = MAX_EXPANDED_CHARS,
) -> int:
    """How many values ``root`` stands for with every alias written out.

    Each node is sized once (an alias is the same node object again), so this
    is linear in the text even for an alias bomb. Raises
    :class:`AliasLimitError` beyond ``limit`` values, beyond ``chars``
    characters of text (scalars' text, keys too: 20,000 values may each be
    a 150,000-character text), located at the first alias of ``fm``, or for
    an alias inside its own anchor (a value containing itself). Every reading
    of front matter with PyYAML (:func:`load`, :func:`load_despite_duplicates`)
    calls it before building values, so each holds aliases to the same limits.
    """
    sizes: dict[int, tuple[int, int]] = {}
    active: set[int] = set()

    def too_much_text(node: yaml.Node) -> AliasLimitError:
        found = _ALIAS.search(fm)
        if found is None:
            mark = node.start_mark
        else:
            at = found.start()
            line = fm.count("\n", 0, at)
            column = at - (fm.rfind("\n", 0, at) + 1)
            mark = yaml.Mark("<front matter>", at, line, column, None, 0)
        return AliasLimitError(
            f"its aliases (*name) expand to more than {chars:,} characters "
            f"of text (the file itself has {len(fm):,})",
            mark,
            "chars",
        )

    def size(node: yaml.Node) -> tuple[int, int]:
        key = id(node)
        known = sizes.get(key)
        if known is not None:
            return known
        if key in active:
            raise AliasLimitError(
                "an alias refers to the value that contains it", node.start_mark, "cycle"
            )
        total, text = 1, 0
        if isinstance(node, (MappingNode, SequenceNode)):
            active.add(key)
            children = (
                [n for pair in node.value for n in pair]
                if isinstance(node, MappingNode)
                else node.value
            )
            for child in children:
                values, child_text = size(child)
                total += values
                text += child_text
                if total > limit:
                    raise AliasLimitError(
                        f"aliases expand to more than {limit} values", node.start_mark
                    )
                if text > chars:
                    raise too_much_text(node)
            active.discard(key)
        elif isinstance(node, ScalarNode):
            text = len(node.value)
        sizes[key] = total, text
        return total, text

    return size(root)[0]


def load_despite_duplicates(fm: str) -> tuple[Any, list[tuple[str, list[int]]]]:
    """Front matter with keys written twice, read on so the file's other
    problems are reported in the same run: the values PyYAML constructs (the
    last value of a key), and each key written more than once with the lines
    (from 0) it is written on. Aliases are held to the same limits as
    :func:`load` holds them to (:func:`check_expansion`)."""
    loader = FrontMatterLoader(fm)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, []
        if "*" in fm:  # the same limits as load's: no path reads an alias bomb
            check_expansion(node, fm=fm)
        return loader.construct_document(node), _duplicates(node)
    finally:
        loader.dispose()


def _duplicates(root: yaml.Node) -> list[tuple[str, list[int]]]:
    """Every key written more than once in one mapping, with the lines (of the
    front matter, from 0) it is written on; in the order of the second."""
    from okrsite.split_figure_pieces import figure_piece

    found: list[tuple[str, list[int]]] = []
    seen_nodes: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if isinstance(node, MappingNode):
            # each key's entries (their places in the mapping), so a key
            # written twice is judged on its own entries: scanning the whole
            # mapping per repeated key made 600 repeats in 8,000 KPI values
            # take seconds
            keys: dict[tuple[str, str], list[int]] = {}
            for at, (key_node, value_node) in enumerate(node.value):
                if isinstance(key_node, ScalarNode) and key_node.tag != _MERGE:
                    keys.setdefault((key_node.tag, key_node.value), []).append(at)
                stack.extend((key_node, value_node))
            found.extend(
                (key[1], [node.value[at][0].start_mark.line for at in places])
                for key, places in keys.items()
                if len(places) > 1 and not all(figure_piece(node.value, at) for at in places)
            )
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    return sorted(found, key=lambda entry: entry[1][1])


def _written_as_pieces(node: MappingNode, ident: tuple[str, str]) -> bool:
    """:func:`_figure_pieces` for a key known by its tag and text."""
    from okrsite.split_figure_pieces import only_figure_pieces

    return only_figure_pieces(
        node.value,
        lambda k: isinstance(k, ScalarNode) and (k.tag, k.value) == ident,
    )


def check_duplicates(root: yaml.Node) -> None:
    """Raise :class:`DuplicateKeyError` for a key written twice in one mapping
    (for documents PyYAML constructs itself; the fast path checks as it builds)."""
    seen_nodes: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if isinstance(node, MappingNode):
            keys: dict[tuple[str, str], yaml.Node] = {}
            for key_node, value_node in node.value:
                if isinstance(key_node, ScalarNode) and key_node.tag != _MERGE:
                    ident = (key_node.tag, key_node.value)
                    if ident in keys and not _written_as_pieces(node, ident):
                        raise DuplicateKeyError(
                            key_node.value, keys[ident].start_mark, key_node.start_mark
                        )
                    keys[ident] = key_node
                stack.extend((key_node, value_node))
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)


def _build(node: yaml.Node, loader: Any, shared: dict[int, Any] | None = None) -> Any:
    """The value of ``node``; raises :class:`_Unusual` for what PyYAML must construct.

    Scalars inside a mapping are built inline (keys are nearly always plain
    text), so the common front matter costs one call per mapping or list.
    ``shared`` (when the text has aliases) holds the value of every mapping
    and list already built, so an aliased node is built once and its value
    shared, as PyYAML does.
    """
    kind = type(node)
    if kind is ScalarNode:
        return _scalar(node, loader)
    if shared is not None:
        done = shared.get(id(node))
        if done is not None:
            return done
    if kind is MappingNode:
        if node.tag != _MAP:
            raise _Unusual
        out: dict[Any, Any] = {}
        if shared is not None:
            shared[id(node)] = out
        for key_node, value_node in node.value:
            if type(key_node) is ScalarNode:
                if key_node.tag == _STR:
                    key = key_node.value
                elif key_node.tag == _MERGE:
                    raise _Unusual
                else:
                    key = _scalar(key_node, loader)
            else:
                key = _build(key_node, loader, shared)
            if type(value_node) is ScalarNode:
                value = _scalar(value_node, loader)
            else:
                value = _build(value_node, loader, shared)
            try:
                if key in out and not _figure_pieces(node, key, loader):
                    first = next(k for k, _ in node.value if _same_key(k, key, loader))
                    raise DuplicateKeyError(key, first.start_mark, key_node.start_mark)
                out[key] = value
            except TypeError:  # unhashable key: let PyYAML report it properly
                raise _Unusual from None
        return out
    if kind is SequenceNode:
        if node.tag != _SEQ:
            raise _Unusual
        items = [_build(item, loader, shared) for item in node.value]
        if shared is not None:  # (check_expansion refused cycles: no node contains itself)
            shared[id(node)] = items
        return items
    raise _Unusual


def _figure_pieces(node: yaml.Node, key: Any, loader: Any) -> bool:
    """Whether each time ``key`` is written in ``node`` it is a piece of a
    figure YAML split at a comma (``5`` of ``{target: 7,5, current: 2,5}``):
    no key written twice, but figures :mod:`okrsite.parse_number_marks`
    reports one by one (:mod:`okrsite.split_figure_pieces`)."""
    from okrsite.split_figure_pieces import only_figure_pieces

    return only_figure_pieces(node.value, lambda k: _same_key(k, key, loader))


def _same_key(key_node: yaml.Node, key: Any, loader: Any) -> bool:
    """Whether ``key_node`` builds the key ``key`` (to find where a duplicate was first written)."""
    if type(key_node) is not ScalarNode:
        return False
    try:
        built = key_node.value if key_node.tag == _STR else _scalar(key_node, loader)
    except _Unusual:
        return False
    return bool(built == key)


def _scalar(node: yaml.Node, loader: Any) -> Any:
    tag = node.tag
    value = node.value
    if tag in (_STR, _TIMESTAMP):
        return value
    if tag == _INT:
        if len(value) > MAX_NUMBER_CHARS:
            return value  # refused as no number by the checks, on its line
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
    """:func:`okrsite.yamlsource.locate` from the composed YAML nodes, whatever
    the text looks like."""
    last = _last_composed
    if last is not None and last[0] is fm:
        node: yaml.Node | None = last[1]
    else:
        try:
            node = yaml.compose(fm, Loader=FrontMatterLoader)
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
            else:  # a key written Title or Key Results, read as title or key_results,
                # or under another name (baseline, read as start: okrsite.key_aliases)
                for k, v in node.value:
                    if isinstance(k, yaml.ScalarNode) and stands_for(str(k.value), step):
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
