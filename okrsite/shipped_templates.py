"""The built-in themes' templates compiled ahead of time, shipped inside the package.

A new ``okrsite build`` process compiles every template the pages it renders
use: after one edit of the example site that was about three quarters of
the build (0.28 of 0.37 s). Jinja compiles in two steps: its own (lexing,
parsing, generating Python source), which is most of the cost, then
Python's ``compile``. The Python source depends only on the template's
source, Jinja's version, the environment's options (the same for every
theme environment: :func:`okrsite.theme.load_theme`) and the language,
whose constant words are translated into it
(:mod:`okrsite.constant_translations`).

So the package ships the Python source that Jinja generates for every
template of the built-in themes, per language okrsite translates itself,
as modules (``okrsite/precompiled/<theme>_<language>/<template>.py``, with
an index ``<theme>.<language>.json``; both written by
``scripts/precompile_templates.py``). Installing the package byte-compiles
them like every module of it, so a template's code is then read from
Python's own bytecode cache (about 1 ms for the whole theme, against 0.1 s
for ``compile``). :mod:`okrsite.compiled_templates` takes a template's code
from there instead of compiling it when all of these hold: the template's
file is the built-in theme's own, its name and source checksum are the
ones recorded, and the environment's translation key and Jinja's version
are those the index was generated with. A site's own template, a theme of
its own, a site translation file or another Jinja version: compiled as
usual.

The files are part of the package like its modules: nothing is read from
the site or its cache folder. ``tests/test_compiled_templates.py`` holds them
equal to what Jinja generates now.
"""

from __future__ import annotations

import functools
import json
import os
import re
from importlib.machinery import SourceFileLoader
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2

from okrsite.constant_translations import translation_key

__all__ = ["FOLDER", "LANGUAGES", "generate", "shipped_code", "shipped_file", "module_folder"]

#: where the generated files live (package data)
FOLDER = Path(__file__).resolve().parent / "precompiled"
#: the languages okrsite ships translations for
LANGUAGES = ("en", "de")
_FORMAT = 2


def shipped_file(theme: str, language: str) -> Path:
    """The index of a theme's shipped templates in one language."""
    return FOLDER / f"{theme}.{language}.json"


def module_folder(theme: str, language: str) -> Path:
    """Where the modules of a theme's shipped templates in one language are."""
    return FOLDER / f"{theme}_{language}"


def module_name(template: str) -> str:
    """The file name of a template's module: ``partials/kr_row.html`` → ``partials_kr_row_html.py``."""
    return re.sub(r"[^A-Za-z0-9]", "_", template) + ".py"


@functools.lru_cache(maxsize=8)
def _table(theme: str, language: str) -> dict[str, Any] | None:
    """One shipped file, or ``None`` when missing or made for another Jinja."""
    try:
        data = json.loads(shipped_file(theme, language).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if (
        not isinstance(data, dict)
        or data.get("format") != _FORMAT
        or data.get("jinja") != jinja2.__version__
    ):
        return None
    return data


@functools.lru_cache(maxsize=1)
def _builtin_root() -> str:
    from okrsite.theme import builtin_themes_dir

    return os.path.realpath(builtin_themes_dir()) + os.sep


def shipped_code(
    environment: jinja2.Environment, name: str, filename: str | None, checksum: str
) -> CodeType | None:
    """The code Jinja would compile for this template, if shipped."""
    if filename is None:
        return None
    root = _builtin_root()
    real = os.path.realpath(filename)
    if not real.startswith(root):
        return None
    relative = real[len(root) :].replace(os.sep, "/")
    theme = relative.split("/", 1)[0]
    key = translation_key(environment)
    language = key.split(":", 1)[0]
    data = _table(theme, language)
    if data is None or data.get("translation_key") != key:
        return None
    entry = data["templates"].get(name)
    if entry is None or entry.get("file") != relative or entry.get("checksum") != checksum:
        return None
    module = module_folder(theme, language) / str(entry.get("module"))
    try:
        # the bytecode the package's installation wrote (else compiled from the file)
        fullname = f"okrsite.precompiled.{module.parent.name}.{module.stem}"
        code = SourceFileLoader(fullname, str(module)).get_code(fullname)
    except (OSError, ImportError, SyntaxError, ValueError):
        return None
    if code is None:
        return None
    # as compiled by Jinja: the template's file is the code's (Jinja's tracebacks show it)
    return code.replace(co_filename=filename)


def generate(theme: str, language: str) -> tuple[dict[str, Any], dict[str, str]]:
    """What :func:`shipped_code` reads for ``theme`` in ``language``, made now:
    the index, and each module's file name and source.

    The environment is set up as :class:`okrsite.render.SiteRenderer` sets
    it up (:meth:`okrsite.theme.Theme.install_language`) for a site with no
    templates or translations of its own.
    """
    from okrsite.compiled_templates import COMPILED
    from okrsite.theme import load_theme

    loaded = load_theme(theme)
    env = loaded.env
    env.bytecode_cache = None  # compile from source, not from what is shipped
    loaded.install_language(language, None)
    root = _builtin_root()
    templates: dict[str, dict[str, str]] = {}
    modules: dict[str, str] = {}
    for name in sorted(env.list_templates()):
        if ":" in name:  # the same files under a theme prefix ("default:base.html")
            continue
        assert env.loader is not None
        source, filename, _ = env.loader.get_source(env, name)
        real = os.path.realpath(filename or "")
        if not real.startswith(root):
            continue
        module = module_name(name)
        if module in modules:
            raise ValueError(f"two templates would share the module {module}")
        modules[module] = str(env.compile(source, name, filename, raw=True))
        templates[name] = {
            "file": real[len(root) :].replace(os.sep, "/"),
            "checksum": COMPILED.get_source_checksum(source),
            "module": module,
        }
    index = {
        "format": _FORMAT,
        "jinja": jinja2.__version__,
        "theme": theme,
        "language": language,
        "translation_key": translation_key(env),
        "templates": templates,
    }
    return index, modules
