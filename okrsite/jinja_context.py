"""The render context of okrsite's Jinja environments: a cheaper ``call``.

Jinja compiles every call in a template (``{{ num(x) }}``, ``{{ _("Status")
}}``, ``{{ partial("kr_row.html", row=row) }}``) into ``context.call(f, …)``,
which asks each callable, on every call, whether it wants the context, the
eval context or the environment passed in (two ``hasattr`` look-ups, one of
them on ``f.__call__``). An objective page makes a few hundred such calls, so
at 10,000 objectives that question is asked millions of times about the same
dozen functions. :class:`FastCallContext` asks it once per callable and
remembers the answer; what is called, and with what, is unchanged.
"""

from __future__ import annotations

from types import BuiltinFunctionType, FunctionType, MethodType
from typing import Any

from jinja2.runtime import Context
from jinja2.utils import _PassArg, internalcode

__all__ = ["FastCallContext"]

#: callables hashed by identity, so remembering them cannot mix two up
_IDENTITY_HASHED = (FunctionType, BuiltinFunctionType, MethodType, type)
#: beyond this many remembered callables (bound methods made per access, e.g.
#: ``loop.cycle``) the memory starts again, so it never grows without bound
_MAX_REMEMBERED = 4096
_NO_PASS = object()
_OBJECT_HASH: Any = object.__hash__


def _pass_arg(obj: Any) -> Any:
    """What Jinja's ``Context.call`` decides about ``obj``: the callable to call
    and the argument it wants first (``_NO_PASS`` for none)."""
    if hasattr(obj, "__call__") and _PassArg.from_obj(obj.__call__) is not None:  # noqa: B004
        obj = obj.__call__
    pass_arg = _PassArg.from_obj(obj)
    return obj, (_NO_PASS if pass_arg is None else pass_arg)


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
        plain = __self._plain
        kind = type(__obj)
        if kind in _IDENTITY_HASHED or kind.__hash__ is _OBJECT_HASH:
            target: Any = plain.get(__obj)
            if target is None:
                if len(plain) >= _MAX_REMEMBERED:
                    plain.clear()
                resolved, pass_arg = _pass_arg(__obj)
                target = plain[__obj] = resolved if pass_arg is _NO_PASS else _NO_PASS
            if target is not _NO_PASS:
                if kwargs:
                    kwargs.pop("_block_vars", None)
                    kwargs.pop("_loop_vars", None)
                try:
                    return target(*args, **kwargs)
                except StopIteration:
                    return __self.environment.undefined(
                        "value was undefined because a callable raised a StopIteration exception"
                    )
        return Context.call(__self, __obj, *args, **kwargs)
