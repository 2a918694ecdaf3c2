"""Every msgid the default theme uses is in its ``messages.pot`` (audit 43).

``messages.pot`` holds the msgids every catalogue translates, and a
translator starts a language from it (``pybabel init -i messages.pot``,
docs/themes.md): a msgid missing from it is English on every page of every
new language. ``authored %(date)s`` (the history timeline's rebased commit)
was added to ``de.po`` and the template but not to the .pot, so a French
catalogue made from it could never translate it.

The msgids are read from the code itself: each literal given to ``_``,
``gettext`` or ``ngettext`` in a template of ``themes/default/templates``
(by Jinja's own parser) and in okrsite's Python (by :mod:`ast`), also each
branch of a conditional (``_("more than %(percent)s" if up else "less than
%(percent)s")``), which Babel's extractor would join into one string.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from babel.messages.pofile import read_po
from conftest import REPO
from jinja2 import Environment, nodes

THEME = REPO / "themes/default"
#: the functions whose literal arguments are msgids (ngettext: its first two)
_GETTEXT = {"_": 1, "gettext": 1, "ngettext": 2}


def _catalogue(name: str) -> set[str]:
    """The msgids of one of the default theme's catalogues, a plural's both forms."""
    with (THEME / "translations" / name).open("rb") as handle:
        ids = [m.id for m in read_po(handle) if m.id]
    return {text for msgid in ids for text in ((msgid,) if isinstance(msgid, str) else msgid)}


def _template_msgids() -> Iterator[tuple[str, str]]:
    """Each msgid a default template writes, with its file and line."""
    env = Environment(extensions=["jinja2.ext.i18n"])
    for path in sorted((THEME / "templates").rglob("*")):
        if path.suffix not in (".html", ".xml"):
            continue
        tree = env.parse(path.read_text(encoding="utf-8"))
        for call in tree.find_all(nodes.Call):
            if isinstance(call.node, nodes.Name) and call.node.name in _GETTEXT:
                for arg in call.args[: _GETTEXT[call.node.name]]:
                    for const in [arg, *arg.find_all(nodes.Const)]:
                        if isinstance(const, nodes.Const) and isinstance(const.value, str):
                            where = f"{path.relative_to(THEME)}:{call.lineno}"
                            yield const.value, where


def _python_msgids() -> Iterator[tuple[str, str]]:
    """Each msgid okrsite's Python gives to ``_``, ``gettext`` or ``ngettext``
    (``w._("mid-cycle")``, ``translations.gettext(…)``), with its file and line."""
    for path in sorted((REPO / "okrsite").rglob("*.py")):
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(call, ast.Call):
                continue
            func = call.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in _GETTEXT:
                continue
            for arg in call.args[: _GETTEXT[name]]:
                for const in ast.walk(arg):
                    if isinstance(const, ast.Constant) and isinstance(const.value, str):
                        yield const.value, f"{path.relative_to(REPO)}:{call.lineno}"


def test_the_reader_finds_the_theme_and_the_pythons_msgids() -> None:
    templates = dict(_template_msgids())
    python = dict(_python_msgids())
    assert "Key results" in templates and "authored %(date)s" in templates
    assert "mid-cycle" in python
    assert "more than %(percent)s" in python and "less than %(percent)s" in python


def test_every_msgid_of_the_default_theme_is_in_messages_pot() -> None:
    pot = _catalogue("messages.pot")
    missing = sorted(
        {
            f"{where}: {msgid!r}"
            for msgid, where in [*_template_msgids(), *_python_msgids()]
            if msgid not in pot
        }
    )
    assert not missing, "msgids missing from messages.pot:\n" + "\n".join(missing)


def test_the_german_catalogue_translates_every_msgid_of_messages_pot() -> None:
    pot, german = _catalogue("messages.pot"), _catalogue("de.po")
    assert pot == german
