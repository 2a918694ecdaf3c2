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
that rendered a page using it did; so is a partial a template renders
through ``partial("name.html")`` or a global of one partial.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from jinja2 import Environment, TemplateNotFound, TemplateSyntaxError, nodes

from okrsite.sitefiles import UnsafeFileError
from okrsite.theme_find import close_name

__all__ = ["missing_references", "not_found_hint", "self_reference"]

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
    env: Environment,
    tree: nodes.Template,
    filename: str | None,
    provided: Sequence[tuple[str, Sequence[str]]] = (),
    stands_alone: bool = False,
) -> list[TemplateNotFound]:
    """Jinja's not-found error for each tag of ``tree`` whose literal
    template name finds no template (``ignore missing`` aside), located at
    the tag's line of ``filename``, as a build reports it when a page
    renders the tag. Each carries its ``hint`` (:func:`not_found_hint`),
    with the name it most likely means among ``provided``: (label, template
    names) of the site (label ``""``) and of each theme of the chain;
    ``stands_alone``: whether the chain ends in no theme of okrsite's."""
    assert env.loader is not None
    found = []
    calls = [(lineno, name, False) for lineno, name in _named(tree)]
    calls += [(lineno, partial, True) for lineno, partial in _partial_calls(tree)]
    for lineno, name, through_partial in calls:
        try:
            env.loader.get_source(env, name)
        except TemplateNotFound as exc:
            exc.filename = filename  # type: ignore[attr-defined]
            exc.lineno = lineno  # type: ignore[attr-defined]
            exc.hint = not_found_hint(  # type: ignore[attr-defined]
                name, provided, stands_alone, through_partial, filename
            )
            found.append(exc)
        except (UnsafeFileError, OSError, UnicodeDecodeError):
            continue  # there but unreadable: source_problems says so
    return found


def _named(tree: nodes.Template) -> list[tuple[int, str]]:
    """(line, name) of each tag of ``tree`` that names a template by a
    literal name and needs it."""
    out = []
    for node in tree.find_all(tuple(_VERBS)):
        target = getattr(node, "template", None)
        if not isinstance(target, nodes.Const) or not isinstance(target.value, str):
            continue
        if not getattr(node, "ignore_missing", False):
            out.append((node.lineno, target.value))
    return out


#: the globals that render one fixed partial (okrsite.render_pieces)
_FIXED_PARTIALS = {
    "objective_item": "partials/objective_item.html",
    "checkin_block": "partials/checkin.html",
    "nav_items": "partials/nav.html",
}


def _partial_calls(tree: nodes.Template) -> list[tuple[int, str]]:
    """(line, template name) of each partial ``tree`` renders through a
    global: ``partial("name.html", …)`` with a constant name, and the
    globals of one fixed partial (``objective_item(…)``). A missing one is
    as knowable as a missing ``{% include %}``, and ``partial()`` is the
    documented way to call a partial: unchecked, a branch that no page
    reaches today (the stale flag) broke the build the day one did."""
    # a name the template binds itself (``{% set partial = … %}``, a macro's
    # argument) is not the global
    own = {name.name for name in tree.find_all(nodes.Name) if name.ctx in ("store", "param")}
    calls = []
    for call in tree.find_all(nodes.Call):
        callee = call.node
        if not isinstance(callee, nodes.Name) or callee.name in own:
            continue
        if callee.name == "partial":
            first = call.args[0] if call.args else None
            if isinstance(first, nodes.Const) and isinstance(first.value, str):
                calls.append((call.lineno, "partials/" + first.value))
        elif callee.name in _FIXED_PARTIALS:
            calls.append((call.lineno, _FIXED_PARTIALS[callee.name]))
    return calls


def _tag(node: nodes.Node) -> str:
    """The tag's word as written (``extends``, ``include``, ``import``, ``from``)."""
    if isinstance(node, nodes.Extends):
        return "extends"
    if isinstance(node, nodes.Include):
        return "include"
    return "from" if isinstance(node, nodes.FromImport) else "import"


def not_found_hint(
    name: str,
    provided: Sequence[tuple[str, Sequence[str]]] = (),
    stands_alone: bool = False,
    through_partial: bool = False,
    naming: str | None = None,
) -> str:
    """What to do about template ``name`` that is not there: the name it most
    likely means (:func:`okrsite.theme_find.close_name`, as a theme's name
    gets) among ``provided`` ((label, template names) of the site, label
    ``""``, and of each theme of the chain), else where to add it. Only a
    theme that ``stands_alone`` is told it must provide the template: one
    that extends ``default`` has the default theme's, and a misspelt name is
    no file to create; nor is the template that names it (``naming``, its
    file) suggested, nor a name only as alike as ``stale_flag.html`` is to
    a new ``stale_help.html``. ``partial()`` puts ``partials/`` before the
    name it is given (``through_partial``), so a theme's prefix in it
    (``partial("default:status_badge.html")``, to reach the partial an
    override replaces) names a file with a colon: the include that reaches
    that partial puts the prefix first."""
    folder, _, rest = name.partition("/")
    label, colon, partial = rest.partition(":")
    if folder == "partials" and colon and label and "/" not in label:
        return (
            f"partial() takes a partial's own name; to render the {label} theme's "
            f'{partial} from yours, write {{% include "{label}:partials/{partial}" %}} '
            "(it sees your template's variables)"
        )
    prefix, colon, rel = name.partition(":")
    labels = [theme for theme, _ in provided if theme]
    if colon and provided and prefix not in labels:
        meant = close_name(prefix, labels, _ALIKE)
        if meant is not None:  # "defualt:page.html": the theme's name misspelt
            return f"did you mean {meant + ':' + rel!r}? ({prefix}: names no theme of the chain)"
        return (
            f"{prefix}: names the theme {prefix!r}, and the theme chain has none of that name "
            f"({', '.join(labels)}): name a template of one of these, or make your theme "
            f'extend {prefix!r} (extends = "{prefix}" in its theme.toml)'
        )
    if colon:
        known = [f"{prefix}:{n}" for theme, names in provided if theme == prefix for n in names]
    else:
        known = sorted({n for _, names in provided for n in names})
    itself = Path(naming).as_posix() if naming else None
    if itself is not None and not colon:  # "page.html" in page.html: the file itself
        known = [n for n in known if not itself.endswith("/" + n)]
    close = close_name(name, known, _ALIKE)
    if close is not None:
        if through_partial and close.startswith("partials/"):
            return f'did you mean partial("{close.removeprefix("partials/")}")?'
        return f"did you mean {close!r}?"
    if colon:
        return f"the {prefix} theme has no {rel}: name a template it has"
    if stands_alone:
        return (
            f"add {name} to your theme's templates/ (or the site's), or name one that is "
            "there: a theme standing alone provides every template it uses"
        )
    return (
        f"name a template the theme has (the default theme's are listed in docs/themes.md), "
        f"or add {name} to your theme's templates/ or the site's"
    )


#: how alike a template's name must be to the one written to be suggested:
#: ``status_badge.html`` for ``status_bagde.html`` (0.94), ``kr_row.html`` for
#: ``kr_rows.html`` (0.96), not ``stale_flag.html`` for ``stale_help.html`` (0.8)
_ALIKE = 0.85
