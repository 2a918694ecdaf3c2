"""A site's template that replaces one the theme's pages import macros from,
and no longer defines them all.

docs/themes.md lists ``macros.html`` among the default theme's templates,
and a file of the site's ``templates/`` replaces the theme's template of the
same name: a site that overrides one macro (``edit_link``) by writing a
``macros.html`` of its own replaces every macro. The shipped pages' ``{%
import "macros.html" as m %}`` then finds the site's file, and ``m.summary_block``
failed while the dashboard rendered, at the shipped ``dashboard.html``, as
"'TemplateModule object' has no attribute", under a hint about empty values:
``okrsite check`` (a pull request's review job) passed it, since it renders
nothing. Which macros a template imports is written in it (``m.NAME``, ``{%
from … import NAME %}``) and which a file defines is written in that file, so
this is knowable from the templates' syntax trees, before anything renders.
"""

from __future__ import annotations

import os
import posixpath
from collections import deque
from pathlib import Path

from jinja2 import TemplateNotFound, TemplateSyntaxError, nodes

from okrsite.diagnostics import Diagnostic, error
from okrsite.sitefiles import UnsafeFileError
from okrsite.theme import TEMPLATE_SUFFIXES, Theme

__all__ = ["missing_macros"]

#: (template that uses it, line) of each macro name, by (the file it imports
#: from, the name that finds it)
_Uses = dict[tuple[str, str], dict[str, tuple[str, int]]]


def missing_macros(theme: Theme, site_root: Path) -> list[Diagnostic]:
    """THM001 at each template of the site's own (its ``templates/``, a theme
    in its ``themes/``) that a template of the theme chain imports macros
    from, by a name that finds the site's file, and that does not define
    every macro imported: named with the first template and line that uses
    each. Only templates that mention an import of a site's template are
    parsed; none when the site has no template of its own."""
    site = os.path.realpath(site_root)
    own = _own_names(theme, site)
    if not own:
        return []
    labels = [label for label, _ in theme.chain]
    loader = theme.env.loader
    assert loader is not None
    uses: _Uses = {}
    queue = deque(_rendered_names(theme))
    seen: set[str] = set()
    while queue:
        name = queue.popleft()
        if name in seen:
            continue
        seen.add(name)
        try:
            source, filename, _ = loader.get_source(theme.env, name)
        except (TemplateNotFound, UnsafeFileError, OSError, UnicodeDecodeError):
            continue  # reported by missing_references or source_problems
        if filename is None:
            continue  # no file: no template of a theme's or the site's
        imports = "import" in source and any(n in source for n in own)
        if not imports and not any(f"{label}:" in source for label in labels):
            continue  # nothing to follow: the cheap way past most shipped templates
        try:
            tree = theme.env.parse(source, name, filename)
        except TemplateSyntaxError:
            continue  # template_syntax_errors reports it
        shown = _shown(filename, theme, site)
        for node in tree.find_all((nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)):
            target = getattr(node, "template", None)
            if not isinstance(target, nodes.Const) or not isinstance(target.value, str):
                continue
            if ":" in target.value:  # a template beneath an override: rendered too
                queue.append(target.value)
            if isinstance(node, (nodes.Import, nodes.FromImport)):
                _note_import(theme, node, target.value, tree, shown, site, uses)
    return [
        problem
        for (file, target), used in uses.items()
        if (problem := _undefined(theme, file, target, used, site)) is not None
    ]


def _own_names(theme: Theme, site: str) -> set[str]:
    """The names of the site's own templates, as an import writes them."""
    names: set[str] = set()
    if theme.site_templates is not None:
        names |= set(_templates_in(theme, theme.site_templates))
    for _, path in theme.chain:
        if _inside(os.path.realpath(path), site):
            names |= set(_templates_in(theme, path / "templates"))
    return names


def _rendered_names(theme: Theme) -> list[str]:
    """Every template name of the site and the chain, as a page finds it
    (the most specific file of that name); prefixed names are followed
    from the templates that write them."""
    folders = [path / "templates" for _, path in theme.chain]
    if theme.site_templates is not None:
        folders.insert(0, theme.site_templates)
    return sorted({name for folder in folders for name in _templates_in(theme, folder)})


def _templates_in(theme: Theme, folder: Path) -> list[str]:
    return [
        rel
        for rel in theme.files_under(folder)
        if rel.endswith(TEMPLATE_SUFFIXES) and not posixpath.basename(rel).startswith(".")
    ]


def _note_import(
    theme: Theme,
    node: nodes.Import | nodes.FromImport,
    target: str,
    tree: nodes.Template,
    shown: str,
    site: str,
    uses: _Uses,
) -> None:
    """Add to ``uses`` the macros ``node`` takes from ``target`` when that
    name finds a file of the site's own."""
    loader = theme.env.loader
    assert loader is not None
    try:
        _, file, _ = loader.get_source(theme.env, target)
    except (TemplateNotFound, UnsafeFileError, OSError, UnicodeDecodeError):
        return
    if file is None or not _inside(os.path.realpath(file), site):
        return  # a shipped template: okrsite's, whole
    used = uses.setdefault((file, target), {})
    if isinstance(node, nodes.FromImport):
        for entry in node.names:
            macro = entry[0] if isinstance(entry, tuple) else entry
            used.setdefault(macro, (shown, node.lineno))
        return
    for attr in tree.find_all(nodes.Getattr):
        held = attr.node
        if isinstance(held, nodes.Name) and held.name == node.target and held.ctx == "load":
            used.setdefault(attr.attr, (shown, attr.lineno))


def _undefined(
    theme: Theme, file: str, target: str, used: dict[str, tuple[str, int]], site: str
) -> Diagnostic | None:
    """THM001 at ``file`` (what ``target`` finds) for the macros of ``used``
    it does not define."""
    loader = theme.env.loader
    assert loader is not None
    try:
        source, _, _ = loader.get_source(theme.env, target)
        tree = theme.env.parse(source, target, file)
    except (TemplateNotFound, UnsafeFileError, OSError, UnicodeDecodeError, TemplateSyntaxError):
        return None  # template_syntax_errors and source_problems say why
    if any(True for _ in tree.find_all(nodes.Extends)):
        return None  # its parent defines more, and what wins is the parent's
    defined = {macro.name for macro in tree.find_all(nodes.Macro)}
    # what ``{% set NAME = … %}`` binds is a module's too (a macro taken from another file)
    defined |= {name.name for name in tree.find_all(nodes.Name) if name.ctx == "store"}
    missing = sorted(macro for macro in used if macro not in defined)
    if not missing:
        return None
    shown = _shown(file, theme, site)
    rel = _name_in_folder(file, theme)
    beneath = next(
        (
            label
            for label, path in theme.chain
            if rel is not None
            and os.path.realpath(path / "templates" / rel) != os.path.realpath(file)
            and (path / "templates" / rel).is_file()
        ),
        None,
    )
    listed = ", ".join(missing)
    first = missing[0]
    where = f"{first} at {used[first][0]}, line {used[first][1]}"
    if beneath is not None and rel is not None:
        message = (
            f"it replaces the {beneath} theme's {rel}, and so every macro of it, but does not "
            f"define {listed}, which the theme's templates import from it ({where})"
        )
        hint = (
            f"copy the macros it lacks from the {beneath} theme's {rel}, or take them from "
            f'it: start the file with {{% import "{beneath}:{rel}" as base %}} and add '
            f"{{% set {first} = base.{first} %}} for each (see docs/themes.md)"
        )
    else:
        message = f"it does not define {listed}, which templates import from it ({where})"
        hint = "define each in it with {% macro NAME(…) %}, or import it under another name"
    return error("THM001", message, shown, hint=hint)


def _name_in_folder(file: str, theme: Theme) -> str | None:
    """``file``'s template name in the templates/ folder it is in."""
    real = os.path.realpath(file)
    folders = [path / "templates" for _, path in theme.chain]
    if theme.site_templates is not None:
        folders.insert(0, theme.site_templates)
    for folder in folders:
        base = os.path.realpath(folder)
        if _inside(real, base):
            return Path(os.path.relpath(real, base)).as_posix()
    return None


def _shown(file: str, theme: Theme, site: str) -> str:
    """``file`` as a diagnostic names it: from the site's folder when inside
    it, else as a template names it (``default:dashboard.html``)."""
    real = os.path.realpath(file)
    if _inside(real, site):
        return Path(os.path.relpath(real, site)).as_posix()
    for label, path in theme.chain:
        base = os.path.realpath(path / "templates")
        if _inside(real, base):
            return f"{label}:{Path(os.path.relpath(real, base)).as_posix()}"
    return file


def _inside(real: str, folder: str) -> bool:
    return real == folder or real.startswith(folder.rstrip(os.sep) + os.sep)
