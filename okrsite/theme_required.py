"""The templates okrsite renders itself, and the theme that lacks some.

A theme that extends ``default`` inherits every template it does not
provide. One that stands alone (``extends = ""``, or a ``theme.toml``
without ``extends``) must provide each template okrsite renders by its
name: the pages, the feed and the two partials okrsite draws itself. Which
of them a build asks for depends on the content (``tag.html`` only once an
objective has a tag, ``pages.html`` past 20 free pages): asked for lazily,
a content-only pull request would break the publishing build while its
review job (``okrsite check``) passed, and a theme author would learn the
missing templates one build at a time. So ``check`` and ``build`` ask for
all of them before anything renders, whatever the content, in one
diagnostic at the theme's ``theme.toml`` (docs/themes.md lists them).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from okrsite.diagnostics import Diagnostic, error
from okrsite.sitefiles import UnsafeFileError, owned_roots, read_owned
from okrsite.theme_find import builtin_themes_dir
from okrsite.theme_toml import shown_path, theme_toml

if TYPE_CHECKING:
    from okrsite.theme import Theme

__all__ = ["RENDERED_TEMPLATES", "missing_templates"]

#: every template okrsite renders by its name (okrsite/pages.py,
#: okrsite/render_assets.py, okrsite/render_pieces.py), whatever the
#: templates themselves include: what a theme that stands alone provides
RENDERED_TEMPLATES = (
    "dashboard.html",
    "alignment.html",
    "kpi_tree.html",
    "kpi.html",
    "objective.html",
    "goals.html",
    "goal.html",
    "teams.html",
    "team.html",
    "people.html",
    "person.html",
    "cycles.html",
    "cycle.html",
    "tags.html",
    "tag.html",
    "checkins.html",
    "pages.html",
    "page.html",
    "search.html",
    "404.html",
    "checkins.xml",
    "partials/badge.svg",
    "partials/alignment_node.html",
)


def missing_templates(theme: Theme, site_root: Path) -> list[Diagnostic]:
    """THM001 at the ``theme.toml`` of the theme the chain ends in, naming
    every template of :data:`RENDERED_TEMPLATES` that neither the site's
    ``templates/`` nor any theme of the chain provides; none when the chain
    ends in a shipped theme, which provides them all."""
    builtin = builtin_themes_dir().resolve()
    if any(path.resolve().parent == builtin for _, path in theme.chain):
        return []
    folders = [path / "templates" for _, path in theme.chain]
    if theme.site_templates is not None:
        folders.append(theme.site_templates)
    provided = {name for folder in folders for name in theme.files_under(folder)}
    missing = [name for name in RENDERED_TEMPLATES if name not in provided]
    if not missing:
        return []
    label, base = theme.chain[-1]
    meta = base / "theme.toml"
    written = theme_toml(base)
    where = shown_path(meta if meta.is_file() else base, site_root)
    listed = ", ".join(missing)
    count = f"{len(missing)} template{'s' if len(missing) != 1 else ''}"
    templates = shown_path(base / "templates", site_root)
    if written is not None and "extends" not in written:
        message = (
            f"theme {label!r} stands alone because {where} has no extends, and lacks "
            f"{count} okrsite renders: {listed}"
        )
        hint = (
            f'add extends = "default" to {where} to take the templates it does not provide '
            f"from the default theme, or add them to {templates}/ (docs/themes.md lists them)"
        )
    else:
        message = f"theme {label!r} stands alone and lacks {count} okrsite renders: {listed}"
        hint = (
            f"add {templates}/{missing[0]}"
            + (" and the others" if len(missing) > 1 else "")
            + ' (docs/themes.md lists them), or write extends = "default" in '
            + f"{where} to take them from the default theme"
        )
    return [error("THM001", message, where, line=_extends_line(meta), hint=hint)]


def _extends_line(meta: Path) -> int | None:
    """The line of ``extends`` in ``meta``, if it has one."""
    try:
        rows = read_owned(meta, owned_roots(meta.parent)).decode("utf-8").splitlines()
    except (OSError, UnicodeDecodeError, UnsafeFileError):
        return None
    return next((n for n, row in enumerate(rows, 1) if row.lstrip().startswith("extends")), None)
