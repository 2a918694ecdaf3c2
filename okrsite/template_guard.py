"""The guard between templates and Python's internals: okrsite's Jinja environment.

Split from :mod:`okrsite.theme`, which loads themes; this is what every
template's attribute and item lookups go through, and the ``lipsum``
global held to a size.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.exceptions import SecurityError
from jinja2.sandbox import is_internal_attribute
from jinja2.utils import generate_lorem_ipsum


class GuardedCodeGenerator(CodeGenerator):
    """Jinja's code generator, reading an attribute the guard never refuses in place.

    ``x.y`` compiles to ``environment.getattr(x, "y")``: a Python call per
    read (the guard's method below), millions in a large build, nearly all
    of names the guard lets through untested (not ``_…``, not in
    :data:`_RISKY`). The name is a constant of the template, so which
    reads the guard would test is known when the template compiles: those
    still compile to the guard's ``getattr``; the others to the builtin
    ``getattr(x, "y", missing)`` (no Python frame), falling back to the
    guard's ``getattr`` when the object has no such attribute (a dict's key,
    an item, an undefined value). What a read returns or raises is the
    guard's own: it reads the attribute first, then the item, like here.
    """

    @optimizeconst
    def visit_Getattr(self, node: nodes.Getattr, frame: Frame) -> None:
        if self.environment.is_async or not _never_tested(node.attr):
            super().visit_Getattr(node, frame)
            return
        # the object is evaluated once, into a local the fallback reads; the
        # two locals cannot meet a template's (``l_…``, ``t_…``) or Jinja's
        # names, and a nested read has finished before they are set again
        self.write("(_attr_value if (_attr_value := getattr(_attr_owner := ")
        self.visit(node.node, frame)
        self.write(f", {node.attr!r}, missing)) is not missing")
        self.write(f" else environment.getattr(_attr_owner, {node.attr!r}))")


class GuardedEnvironment(Environment):
    """Jinja's environment, refusing what templates need never reach and
    template injection always does: Python's internals (``__globals__``,
    ``__class__``, a function's code, a frame; Jinja's own
    :func:`~jinja2.sandbox.is_internal_attribute`) and ``str.format``, which
    looks up attributes by itself (``"{0.__init__.__globals__}".format(x)``).

    A site's templates are code the site's maintainers review (docs/themes.md,
    docs/limits.md); this keeps one line slipped into an override from
    running commands or reading files through the objects a page is given.
    Every attribute a theme reads goes through here (an ``x.y`` or
    ``x['y']`` of a compiled template, the ``attr`` filter); the price is
    one string test per lookup, made when the template compiles for a
    constant name (``x.y``: :class:`GuardedCodeGenerator`).
    """

    code_generator_class = GuardedCodeGenerator

    def getattr(self, obj: Any, attribute: str) -> Any:
        # Environment.getattr's own body, behind the guard's one test (a call
        # to it from here cost 0.3 µs a lookup, some 4 million a large build)
        if attribute.startswith("_") or attribute in _RISKY:
            _guard(obj, attribute)
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            # a plain dict has no attributes but dict's own, so the lookup
            # below would raise AttributeError first (a microsecond: a
            # goal's history timeline reads some hundred keys of dicts)
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        try:
            return _getattr(obj, attribute)
        except AttributeError:
            pass
        try:
            return obj[attribute]
        except (TypeError, LookupError, AttributeError):
            return self.undefined(obj=obj, name=attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        try:
            return obj[argument]  # an item: a dict's key reaches no internals
        except (AttributeError, TypeError, LookupError):
            if isinstance(argument, str):
                _guard(obj, argument)
                try:
                    return _getattr(obj, argument)
                except AttributeError:
                    pass
            return self.undefined(obj=obj, name=argument)


def _never_tested(attribute: str) -> bool:
    """Whether :meth:`GuardedEnvironment.getattr` reads ``attribute`` of any object untested."""
    return not (attribute.startswith("_") or attribute in _RISKY)


_getattr = getattr  # the builtin, which the methods above are named after
#: every attribute a plain dict has (its methods, object's): any other name
#: of ``x.name`` on a dict is one of its keys or nothing
_DICT_ATTRIBUTES = frozenset(dir(dict))


#: names other than dunders that reach Python's internals (a frame, a
#: generator's code, a type's ``mro``), or that look attributes up by
#: themselves (``str.format``): each goes to the full test below
_RISKY = frozenset(
    {"mro", "format", "format_map", "tb_frame", "tb_next", "f_back", "f_builtins"}
    | {"f_code", "f_globals", "f_locals", "f_trace", "gi_frame", "gi_code", "gi_yieldfrom"}
    | {"cr_frame", "cr_code", "cr_await", "cr_origin", "ag_code", "ag_frame", "ag_await"}
)


#: at most this many paragraphs and words of each from ``lipsum()``
LIPSUM_LIMIT = 1000


def lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> Any:  # noqa: A002
    """Jinja's ``lipsum`` global, its counts held under :data:`LIPSUM_LIMIT`."""
    n, max = (int(x) for x in (n, max))  # noqa: A001
    if n > LIPSUM_LIMIT or max > LIPSUM_LIMIT:
        raise OverflowError(f"lipsum() makes at most {LIPSUM_LIMIT} paragraphs of as many words")
    return generate_lorem_ipsum(n, html, min, max)


def _guard(obj: Any, name: str) -> None:
    """Raise :class:`SecurityError` when ``name`` of ``obj`` reaches Python's internals."""
    if (
        name.startswith("_")  # a private name (``self._TemplateReference__context``) too
        or (name in ("format", "format_map") and isinstance(obj, str))
        or is_internal_attribute(obj, name)
    ):
        raise SecurityError(
            f"a template may not read {name!r} of {type(obj).__name__}: "
            "templates get the site's data, not Python's internals"
        )
