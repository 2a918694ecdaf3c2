"""Rendering the theme's partials, and the pieces kept between renders.

Every bar, badge, row, chart and navigation item of the site is a template
under ``templates/partials/`` (see docs/themes.md), so a site overrides one
piece by dropping one file into its own ``templates/partials/``. A partial
gets only the variables it is called with (plus the environment's globals):
that keeps it cacheable, and it lets Python memoise the pieces repeated on
many pages, per record, in :class:`RenderMemo`.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, Template
from markupsafe import Markup

from okrsite.dependencies import Dep

__all__ = ["Partials", "RenderMemo"]


class Partials:
    """``partials(name, **variables)``: one partial rendered, as markup.

    Templates call it as the ``partial`` global. A site renders tens of
    thousands of partials, so this skips what :meth:`jinja2.Template.render`
    repeats on every call: it looks each template up once and copies the
    environment's globals (a ``ChainMap`` in Jinja, slow to copy) into a
    plain dict once. Call it after the globals are set.
    """

    #: partials whose few distinct calls repeat on every page: their output is
    #: kept per distinct set of variables (a badge per status, a link per person)
    REPEATED = frozenset(
        {
            "status_badge.html",
            "health_badge.html",
            "person_link.html",
            "team_link.html",
            "list_filters.html",
        }
    )

    def __init__(self, env: Environment) -> None:
        self.env = env
        self._templates: dict[str, tuple[Template, dict[str, Any]]] = {}
        self._repeated: dict[tuple[str, tuple[tuple[str, Any], ...]], Markup] = {}

    def render(self, template_name: str, variables: dict[str, Any]) -> str:
        """Any template of the theme (pages too) with these variables and the globals."""
        entry = self._templates.get(template_name)
        if entry is None:
            template = self.env.get_template(template_name)
            entry = self._templates[template_name] = (template, dict(template.globals))
        template, globals_ = entry
        # the globals are the parent scope, shared and never copied; the
        # variables are this render's own (a template's {% set %} goes there too)
        context = self.env.context_class(self.env, globals_, template.name, template.blocks)
        context.vars.update(variables)
        try:
            return self.env.concat(template.root_render_func(context))  # type: ignore[attr-defined,no-any-return]
        except Exception:
            # located in the template file and line, like Template.render does
            self.env.handle_exception()

    def __call__(self, name: str, /, **variables: Any) -> Markup:
        if name in self.REPEATED:
            key = (name, tuple(variables.items()))
            hit = self._repeated.get(key)
            if hit is None:
                hit = self._repeated[key] = Markup(self.render("partials/" + name, variables))
            return hit
        return Markup(self.render("partials/" + name, variables))


@dataclass
class RenderMemo:
    """Rendered pieces kept between renders, each with what it read.

    Site-wide pages (the alignment tree, a cycle's list, the exports, the
    search index) repeat one piece per objective; at 10,000 objectives
    rebuilding all of them after every save is most of a preview rebuild.
    The preview keeps one memo; each piece keeps the dependencies it recorded
    (:mod:`okrsite.dependencies`), and :meth:`forget` drops the pieces that
    read something a change touched. The memo is cleared when the whole site
    must be rendered again (settings, templates). Markdown is keyed by its
    text, so it stays valid as long as the renderer's settings do.
    """

    markdown: dict[str, str] = field(default_factory=dict)
    #: (link prefix, objective id) → partials/objective_item.html
    items: dict[tuple[str, str], tuple[Markup, frozenset[Dep]]] = field(default_factory=dict)
    #: (link prefix, objective id) → partials/alignment_node.html
    nodes: dict[tuple[str, str], tuple[Markup, frozenset[Dep]]] = field(default_factory=dict)
    #: per objective: (portfolio.json line, key-results.csv rows, objectives.csv
    #: row, search-index entry)
    exports: dict[str, tuple[tuple[str, str, str, str], frozenset[Dep]]] = field(
        default_factory=dict
    )

    def clear(self) -> None:
        self.markdown.clear()
        self.items.clear()
        self.nodes.clear()
        self.exports.clear()

    def forget(self, changed: Set[Dep]) -> None:
        """Drop the pieces that read any of the ``changed`` dependencies."""
        if not changed:
            return
        for cache in (self.items, self.nodes, self.exports):
            _drop(cache, changed)


def _drop(cache: dict[Any, tuple[Any, frozenset[Dep]]], changed: Set[Dep]) -> None:
    for key in [key for key, (_, deps) in cache.items() if not deps.isdisjoint(changed)]:
        del cache[key]
