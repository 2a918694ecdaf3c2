"""A template that extends, includes or imports itself, or a template that
is not there.

A designer overriding ``base.html`` writes ``{% extends "base.html" %}``
and means the theme's ``base.html``; the name finds the override itself
(templates are looked up most specific first), and the page fails with
Python's "maximum recursion depth exceeded" under a hint about values
that may be empty. The name is written in the template, so this is
knowable without rendering: ``okrsite check`` and ``build`` say it at the
line, with the prefixed name that reaches the template beneath
(``{% extends "brand:base.html" %}``). A name that finds no template at
all (``{% include "partials/kr_rows.html" %}`` for ``kr_row.html``) is
knowable the same way: ``check`` says so too, where before only a build
that rendered a page using it did.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from jinja2 import Environment, TemplateNotFound, TemplateSyntaxError, nodes

from okrsite.sitefiles import UnsafeFileError

__all__ = ["missing_references", "self_reference"]

#: the tags that name another template, and the verb a message uses for each
_VERBS = {nodes.Extends: "extends", nodes.Include: "includes", nodes.Import: "imports"}
_VERBS[nodes.FromImport] = "imports"


def self_reference(
    env: Environment,
    tree: nodes.Template,
    name: str,
    filename: str | None,
    beneath: Sequence[tuple[str, Sequence[str]]],
) -> TemplateSyntaxError | None:
    """The error for the first tag of ``tree`` (template ``name``, read from
    ``filename``) whose literal template name leads back to ``filename``;
    ``None`` when there is none. ``beneath``: (label, template names) of the
    themes below the one the template belongs to, most specific first, to
    suggest the prefixed name that reaches the template it meant."""
    if filename is None:
        return None
    here = os.path.realpath(filename)
    assert env.loader is not None
    for node in tree.find_all(tuple(_VERBS)):
        target = getattr(node, "template", None)
        if not isinstance(target, nodes.Const) or not isinstance(target.value, str):
            continue
        try:
            _, found, _ = env.loader.get_source(env, target.value)
        except (TemplateNotFound, UnsafeFileError, OSError, UnicodeDecodeError):
            continue  # missing: said when a page renders it; unreadable: source_problems
        if found is None or os.path.realpath(found) != here:
            continue
        verb = _VERBS[type(node)]
        rel = target.value.partition(":")[2] or target.value
        below = next((label for label, names in beneath if rel in names), None)
        if below is not None:
            fix = f'write {{% {_tag(node)} "{below}:{rel}" %}} to reach the theme\'s {rel}'
        else:
            fix = f"no theme beneath this one has {rel}: name another template"
        return TemplateSyntaxError(
            f"{Path(filename).name} {verb} itself ({target.value!r} finds this file, "
            f"the most specific {rel}): {fix}",
            node.lineno,
            name,
            filename,
        )
    return None


def missing_references(
    env: Environment, tree: nodes.Template, filename: str | None
) -> list[TemplateNotFound]:
    """Jinja's not-found error for each tag of ``tree`` whose literal
    template name finds no template (``ignore missing`` aside), located at
    the tag's line of ``filename``, as a build reports it when a page
    renders the tag."""
    assert env.loader is not None
    found = []
    for node in tree.find_all(tuple(_VERBS)):
        target = getattr(node, "template", None)
        if not isinstance(target, nodes.Const) or not isinstance(target.value, str):
            continue
        if getattr(node, "ignore_missing", False):
            continue
        try:
            env.loader.get_source(env, target.value)
        except TemplateNotFound as exc:
            exc.filename = filename  # type: ignore[attr-defined]
            exc.lineno = node.lineno  # type: ignore[attr-defined]
            found.append(exc)
        except (UnsafeFileError, OSError, UnicodeDecodeError):
            continue  # there but unreadable: source_problems says so
    return found


def _tag(node: nodes.Node) -> str:
    """The tag's word as written (``extends``, ``include``, ``import``, ``from``)."""
    if isinstance(node, nodes.Extends):
        return "extends"
    if isinstance(node, nodes.Include):
        return "include"
    return "from" if isinstance(node, nodes.FromImport) else "import"
