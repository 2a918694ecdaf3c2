"""Build a frozen dataclass with slots from its field values, without its ``__init__``.

A frozen dataclass's ``__init__`` sets each field through
``object.__setattr__`` (frozen classes refuse plain assignment), looked up
and called once per field: 2.3 µs for a history
:class:`~okrsite.history_records.Change` of 17 fields. The history's fold
makes one per change, 100,000 at 10,000 objectives, in the one process
between loading and rendering; a rebuild after one commit folds them all
again. :func:`slot_maker` writes the same stores as calls of each slot's own
descriptor, bound once (0.9 µs a change). It takes every field, in the
class's order, with no defaults, so a field added to the class makes every
call that misses it fail at once rather than leave a slot unset; and it is
only for classes whose ``__init__`` stores each field as given (no
``__post_init__``, no ``InitVar``), which :func:`slot_maker` checks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, is_dataclass
from typing import Any, TypeVar

_T = TypeVar("_T")


def slot_maker(cls: type[_T]) -> Callable[..., _T]:
    """A function of every field of ``cls``, positionally in their order,
    returning the instance ``cls(*values)`` would: equal to it, and of the
    same class."""
    declared = fields(cls) if is_dataclass(cls) else ()
    names = [f.name for f in declared]
    if (
        not names
        or "__slots__" not in cls.__dict__
        or hasattr(cls, "__post_init__")
        or not all(f.init for f in declared)
        or not set(cls.__dict__["__slots__"]) >= set(names)
        # the helpers' names below start and end with "_", which no field's does
        or any(n.startswith("_") and n.endswith("_") for n in names)
    ):
        raise TypeError(f"{cls.__qualname__}: not a dataclass whose __init__ only stores its slots")
    scope: dict[str, Any] = {"_new_": object.__new__, "_cls_": cls}
    body = []
    for i, name in enumerate(names):
        scope[f"_set{i}_"] = cls.__dict__[name].__set__  # the slot's own descriptor
        body.append(f"    _set{i}_(made, {name})\n")
    source = (
        f"def make({', '.join(names)}):\n    made = _new_(_cls_)\n{''.join(body)}    return made\n"
    )
    exec(compile(source, f"<slot_maker {cls.__qualname__}>", "exec"), scope)  # noqa: S102
    make: Callable[..., _T] = scope["make"]
    make.__doc__ = f"A {cls.__qualname__} of every field, positionally (okrsite.slot_maker)."
    return make
