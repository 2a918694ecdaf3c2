"""The runtime of okrsite's Jinja environments: a cheaper ``call`` and output escape.

Jinja compiles every call in a template (``{{ num(x) }}``, ``{{ _("Status")
}}``, ``{{ partial("kr_row.html", row=row) }}``) into ``context.call(f, …)``,
which asks each callable, on every call, whether it wants the context, the
eval context or the environment passed in (two ``hasattr`` look-ups, one of
them on ``f.__call__``). An objective page makes a few hundred such calls, so
at 10,000 objectives that question is asked millions of times about the same
dozen functions. :class:`FastCallContext` asks it once per callable and
remembers the answer; what is called, and with what, is unchanged.

Likewise every ``{{ value }}`` compiles to ``escape(value)``, which wraps its
result in a new ``Markup`` (a Python-level ``__new__``, with another
``__html__`` check) that Jinja then only joins into the output: half a
million of them at 1,000 objectives. :class:`FastTemplate` gives compiled
templates an ``escape`` that returns the same text as a plain string, and a
cheaper ``markup_join`` (the ``~`` operator) with the same result; and
:func:`markup_format` is the environment's ``format`` filter
(``markup('<bdi>%s</bdi>')|format(title)``), which skips Markup's per-value
helpers the same way.
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from types import BuiltinFunctionType, FunctionType, MethodType
from typing import Any

import markupsafe
from jinja2 import Environment, Template
from jinja2.filters import do_format
from jinja2.runtime import Context
from jinja2.utils import _PassArg, internalcode
from markupsafe import Markup

__all__ = ["FastCallContext", "FastTemplate", "escaped_text", "markup_format"]

#: markupsafe's own escaping without the Markup wrapper (None in a markupsafe
#: without it: Jinja's escape is kept)
_escape_inner: Any = getattr(markupsafe, "_escape_inner", None)

#: callables that cannot carry Jinja's ``jinja_pass_arg`` mark (built-in
#: functions and methods: ``{}.get``, ``str.upper``): always called plainly
_NEVER_MARKED = (BuiltinFunctionType, type("".__str__), type(str.upper))
#: markers in FastCallContext.call (never callables a template holds)
_ALWAYS_PLAIN = object()
_NOT_REMEMBERED = object()
#: beyond this many remembered callables the memory starts again, so it never
#: grows without bound (e.g. macros, made anew on every render)
_MAX_REMEMBERED = 4096
_OBJECT_HASH: Any = object.__hash__


def _is_plain(obj: Any) -> bool:
    """Whether Jinja's ``Context.call`` would call ``obj`` with nothing passed first."""
    if hasattr(obj, "__call__") and _PassArg.from_obj(obj.__call__) is not None:  # noqa: B004
        return False
    return _PassArg.from_obj(obj) is None


class FastCallContext(Context):
    """A Jinja ``Context`` whose ``call`` remembers which callables are plain.

    Use :meth:`for_environment`: the memory belongs to one environment, so it
    goes away with it (the preview makes one per rebuild, and remembered bound
    methods would otherwise keep every old renderer alive).
    """

    _plain: dict[Any, Any] = {}

    @classmethod
    def for_environment(cls) -> type[FastCallContext]:
        """A context class with a memory of its own, for one environment."""
        return type(cls.__name__, (cls,), {"_plain": {}})

    @internalcode
    def call(
        __self,  # noqa: N805 (Jinja's spelling: templates may pass ``self=``)
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        plain: Any
        kind = type(__obj)
        # the common callables first: functions (most globals), then bound
        # methods, which carry their function's mark (attribute look-up goes
        # through to it) and are made anew on every access
        if kind is FunctionType:
            key = __obj
        elif kind is MethodType:
            key = __obj.__func__
        elif kind in _NEVER_MARKED:
            key = _ALWAYS_PLAIN
        elif kind is type or kind.__hash__ is _OBJECT_HASH:
            key = __obj
        else:
            key = _NOT_REMEMBERED  # hashed by value: two equal objects are one key
        if key is _ALWAYS_PLAIN:
            plain = True
        elif key is _NOT_REMEMBERED:
            plain = False
        else:
            memory = __self._plain
            plain = memory.get(key)
            if plain is None:
                if len(memory) >= _MAX_REMEMBERED:
                    memory.clear()
                plain = memory[key] = _is_plain(__obj)
        if plain:
            if kwargs:
                kwargs.pop("_block_vars", None)
                kwargs.pop("_loop_vars", None)
            try:
                return __obj(*args, **kwargs)
            except StopIteration:
                return __self.environment.undefined(
                    "value was undefined because a callable raised a StopIteration exception"
                )
        return Context.call(__self, __obj, *args, **kwargs)


def _output_escape(value: Any) -> str:
    """``markupsafe.escape(value)`` as a plain ``str``: same characters, no ``Markup``.

    Only for what compiled templates output: Jinja joins those pieces and
    marks the joined text safe itself where it needs markup (macros, blocks,
    ``{% set %}`` blocks); it never inspects a piece on its own.
    """
    kind = type(value)
    if kind is str:
        return _escape_inner(value)  # type: ignore[no-any-return]
    if kind is Markup:  # already markup (a partial, a translation): its own text
        return value  # type: ignore[no-any-return]
    html = getattr(value, "__html__", None)
    if html is not None:
        return html()  # type: ignore[no-any-return]
    return _escape_inner(str(value))  # type: ignore[no-any-return]


def _escaped_through_markup(value: Any) -> str:
    """``markupsafe.escape(value)`` as a plain ``str``, for a markupsafe without ``_escape_inner``."""
    return str(markupsafe.escape(value))


#: ``markupsafe.escape(value)``'s characters as a plain ``str``, without the
#: ``Markup`` wrapper (a Python-level ``__new__`` per value): for text that is
#: formatted into markup at once, like a translation's ``%(name)s`` values
escaped_text: Any = _output_escape if _escape_inner is not None else _escaped_through_markup


#: a ``%`` that starts a placeholder other than ``%s`` (once ``%%`` is taken out)
_NOT_PLAIN_S = re.compile(r"%(?!s)")
#: markup format strings (``<bdi>%s</bdi>``) → whether ``%s`` is their only placeholder
_PLAIN_FORMATS: dict[str, bool] = {}


def markup_format(value: Any, *args: Any, **kwargs: Any) -> Any:
    """Jinja's ``format`` filter (``markup('<bdi>%s</bdi>')|format(title)``), same result.

    For markup whose placeholders are all ``%s``, filled with positional
    values, it fills them itself with each value's escaped text, as
    ``Markup``'s ``%`` does through a helper object and a ``Markup`` per
    value: a check-in's values and a timeline's entries each format a few.
    Anything else is Jinja's own filter.
    """
    if type(value) is Markup and args and not kwargs and _escape_inner is not None:
        plain = _PLAIN_FORMATS.get(value)
        if plain is None:
            if len(_PLAIN_FORMATS) >= _MAX_REMEMBERED:
                _PLAIN_FORMATS.clear()
            plain = _NOT_PLAIN_S.search(value.replace("%%", "")) is None
            _PLAIN_FORMATS[value] = plain
        if plain:
            escaped = tuple([_output_escape(arg) for arg in args])
            return str.__new__(Markup, str.__mod__(value, escaped))
    return do_format(value, *args, **kwargs)


def _markup_join(seq: Any) -> str:
    """Jinja's ``markup_join`` (the ``~`` operator under autoescaping), same result.

    The text of each piece joined; if any piece is markup, every other piece
    escaped and the result marked safe. Jinja's version builds the result
    through ``Markup("").join``, which escapes each piece through a
    class method and wraps it in a new ``Markup``: a chart's label joins a
    few pieces like this on every chart.
    """
    pieces = [piece if isinstance(piece, str) else str(piece) for piece in seq]
    for piece in pieces:
        if type(piece) is not str and hasattr(piece, "__html__"):
            return str.__new__(Markup, "".join([markupsafe.escape(p) for p in pieces]))
    return "".join(pieces)


class FastTemplate(Template):
    """A template whose compiled code escapes its output with :func:`_output_escape`
    and joins with ``~`` through :func:`_markup_join`."""

    @classmethod
    def _from_namespace(
        cls,
        environment: Environment,
        namespace: MutableMapping[str, Any],
        globals: MutableMapping[str, Any],
    ) -> Template:
        if _escape_inner is not None and namespace.get("escape") is not None:
            # the compiled module's global, looked up by its code at each output
            namespace["escape"] = _output_escape
        if namespace.get("markup_join") is not None:
            namespace["markup_join"] = _markup_join
        return super()._from_namespace(environment, namespace, globals)
