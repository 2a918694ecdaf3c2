"""Kept bytecode for the methods ``dataclasses`` writes, so a process does not compile them again.

Every ``@dataclass`` class has its ``__init__``, ``__repr__``, ``__eq__``,
``__hash__`` and, frozen, ``__setattr__`` and ``__delattr__`` written as
source text and compiled with ``exec`` when its module is imported: about a
millisecond per class, some 0.1 s for okrsite's records, which is a third of
a build after one edit of a small site. The text of each method depends only
on the class's fields and options, so its code object is the same in every
process, just as a module's is; Python keeps a module's in ``__pycache__``,
and this module keeps these beside them, in one file per interpreter: the
bytecode file of the empty module :mod:`okrsite._dataclass_methods`
(``__pycache__/_dataclass_methods.<cache tag>.pyc``), so that pip removes it
with the package.

:func:`install` makes ``dataclasses`` look up each text's code in that
table before compiling it (the module's ``exec`` is the one name it calls),
with the flags ``exec`` of a text would use (none inherited), so a class is
the same whether its methods came from the table or not
(``tests/test_dataclass_code.py`` holds every kept code object equal to a
fresh compile). A missing, unreadable, foreign or damaged file (its bytes
not matching the checksum it ends in) is an empty table. New
texts are written at exit, atomically, unless writing bytecode is off
(``PYTHONDONTWRITEBYTECODE``, ``-B``) or the folder is not writable, as
Python does for ``.pyc`` files. :func:`write_table` imports every okrsite
module and writes the table, as ``compileall`` writes the ``.pyc`` files
(``benchmarks/run.py`` calls it beside ``compileall``).
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import importlib
import marshal
import os
import sys
from pathlib import Path
from types import CodeType
from typing import Any

from okrsite.cache_checksum import sealed, unsealed

#: The table's file: the bytecode file Python would write for the empty module
#: :mod:`okrsite._dataclass_methods`, so that pip removes it with the package
#: (see that module); only for the default optimisation level, the one pip
#: knows the file of (``None``: nothing kept).
TABLE_PATH: Path | None = (
    Path(__file__).resolve().parent
    / "__pycache__"
    / f"_dataclass_methods.{sys.implementation.cache_tag}.pyc"
    if sys.flags.optimize == 0 and sys.implementation.cache_tag
    else None
)
#: Written first in the file, so a table of another interpreter's version is not used
#: (the marshal format and the bytecode change between versions; ``importlib.util``'s
#: magic number would say the same at the cost of importing it, 6 ms).
#: Format 2 ends in a checksum (:mod:`okrsite.cache_checksum`): a table damaged on
#: disk would otherwise give a class methods that are not its own.
_HEADER = f"okrsite dataclass methods 2 {sys.implementation.name} {sys.hexversion:x}\n".encode()
#: More kept texts than this (okrsite's own are about 640), and the file keeps
#: only those this process used: classes made by other code in the same
#: process (a test run's) do not pile up in it.
_MOST_KEPT = 1500

_table: dict[str, CodeType] = {}
_used: set[str] = set()
#: Texts this process compiled (not found in the table); the table is written when any were.
compiled_here = 0
_installed = False


def _read_table(path: Path) -> dict[str, CodeType]:
    """The kept code by text, or an empty table for any doubt about the file."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    body = unsealed(data) if data.startswith(_HEADER) else None
    if body is None:
        return {}
    try:
        table = marshal.loads(memoryview(body)[len(_HEADER) :])
    except (EOFError, ValueError, TypeError):
        return {}
    if not isinstance(table, dict):
        return {}
    return {
        text: code
        for text, code in table.items()
        if isinstance(text, str) and isinstance(code, CodeType)
    }


def _compiled(text: str) -> CodeType:
    """The code of one text, from the table or compiled as ``exec`` would compile it."""
    global compiled_here
    code = _table.get(text)
    if code is None:
        code = compile(text, "<string>", "exec", 0, True)
        _table[text] = code
        compiled_here += 1
    _used.add(text)
    return code


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:
    """``exec`` for ``dataclasses``: a text's code comes from the table.

    Without namespaces it runs in its caller's, as ``exec`` does (every
    ``dataclasses`` call passes them; this keeps any other the same).
    """
    if globals is None:
        caller = sys._getframe(1)
        globals = caller.f_globals
        if locals is None:
            locals = caller.f_locals
    if isinstance(source, str):
        source = _compiled(source)
    exec(source, globals, locals)


def save(path: Path | None = None, *, always: bool = False) -> bool:
    """Write the table if it gained texts and writing bytecode is allowed; True when written.

    ``always`` writes it even unchanged or with writing bytecode off, as
    ``compileall`` writes ``.pyc`` files whatever ``PYTHONDONTWRITEBYTECODE`` says.
    """
    if not always and (not compiled_here or sys.dont_write_bytecode):
        return False
    path = path or TABLE_PATH
    if path is None:
        return False
    kept = _table if len(_table) <= _MOST_KEPT else {text: _table[text] for text in _used}
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(exist_ok=True)
        temporary.write_bytes(sealed(_HEADER + marshal.dumps(kept)))
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):  # a folder that is a file: no temporary to remove
            temporary.unlink(missing_ok=True)
        return False
    return True


def install() -> None:
    """Read the table and route ``dataclasses``' compiling through it (once per process)."""
    global _installed
    if _installed:
        return
    _installed = True
    if TABLE_PATH is not None:
        _table.update(_read_table(TABLE_PATH))
    dataclasses.exec = _exec  # type: ignore[attr-defined]
    atexit.register(save)


def write_table() -> int:
    """Import every okrsite module and write the table; 0 when written, else 1."""
    import pkgutil

    import okrsite

    for module in pkgutil.walk_packages(okrsite.__path__, "okrsite."):
        # not the module whose bytecode file the table takes the place of
        if not module.name.startswith(("okrsite.precompiled", "okrsite._dataclass_methods")):
            importlib.import_module(module.name)
    if save(always=True):
        return 0
    print(f"okrsite: could not write {TABLE_PATH}", file=sys.stderr)
    return 1
