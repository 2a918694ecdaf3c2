"""What a theme's ``theme.toml`` says beyond the ``extends`` that
:mod:`okrsite.theme_find` follows: the keys okrsite reads, and whether the
file writes ``extends`` at all.

A ``theme.toml`` without ``extends`` makes its theme stand alone, which a
designer copying the default theme's own ``theme.toml`` (name and
description, no ``extends``) does not mean; and a misspelled key
(``extend = ""``) would otherwise be ignored without a word. So an unknown
key is a warning (THM005) with the key okrsite knows that it resembles, and
the error for the templates a theme lacks says when the theme stands alone
only because ``extends`` is not written (:mod:`okrsite.theme_required`).
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

from okrsite import toml_reader as tomllib
from okrsite.diagnostics import Diagnostic, warning
from okrsite.sitefiles import UnsafeFileError, excerpt, owned_roots, read_owned
from okrsite.theme_find import builtin_themes_dir

__all__ = ["THEME_TOML_KEYS", "shown_path", "theme_toml", "unknown_key_warnings"]

#: the keys of a theme.toml: ``extends`` is read, ``name`` and
#: ``description`` are for the people who read the file
THEME_TOML_KEYS = ("extends", "name", "description")


def theme_toml(theme: Path) -> dict[str, Any] | None:
    """The values of ``theme``'s ``theme.toml``, ``None`` without one (or
    when it does not read: :func:`okrsite.theme_find.theme_chain` refused
    such a theme before this is asked)."""
    meta = theme / "theme.toml"
    if not meta.is_file():
        return None
    try:
        return tomllib.loads(read_owned(meta, owned_roots(theme)).decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, UnsafeFileError):
        return None


def shown_path(file: Path, site_root: Path) -> str:
    """``file`` as a diagnostic names it: from the site's folder when inside it."""
    try:
        return file.resolve().relative_to(site_root.resolve()).as_posix()
    except (OSError, ValueError):
        return str(file)


def unknown_key_warnings(chain: tuple[tuple[str, Path], ...], site_root: Path) -> list[Diagnostic]:
    """THM005 for each key of a ``theme.toml`` of the chain (the shipped
    themes' aside) that okrsite does not read, at its line."""
    out = []
    builtin = builtin_themes_dir().resolve()
    for _, path in chain:
        if path.resolve().parent == builtin:
            continue
        data = theme_toml(path)
        if not data:
            continue
        meta = path / "theme.toml"
        text = read_owned(meta, owned_roots(path)).decode("utf-8")
        for key in data:
            if key in THEME_TOML_KEYS:
                continue
            close = difflib.get_close_matches(key.casefold(), THEME_TOML_KEYS, 1, 0.6)
            out.append(
                warning(
                    "THM005",
                    f"theme.toml has a key okrsite does not know: {excerpt(key)!r}"
                    + (f" (did you mean {close[0]}?)" if close else "")
                    + "; it is ignored",
                    shown_path(meta, site_root),
                    line=_key_line(text, key),
                    hint="a theme.toml knows "
                    + ", ".join(THEME_TOML_KEYS)
                    + ' (extends = "default" takes every template the theme does not '
                    'provide from the default theme; extends = "" stands alone)',
                )
            )
    return out


def _key_line(text: str, key: str) -> int | None:
    """The first line that sets ``key`` (or opens a ``[key]`` table)."""
    written = re.compile(rf"""\s*\[?\s*(["']?){re.escape(key)}\1\s*[=.\]]""")
    for number, row in enumerate(text.splitlines(), 1):
        if written.match(row):
            return number
    return None
