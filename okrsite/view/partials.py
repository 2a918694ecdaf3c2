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
from jinja2.runtime import Context, Macro
from markupsafe import Markup

from okrsite.dependencies import Dep, Recorder
from okrsite.kept_pieces import KEPT, KeptPieces
from okrsite.value_prints import unkeyed, value_print

__all__ = ["Partials", "RenderMemo"]


class Partials:
    """``partials(name, **variables)``: one partial rendered, as markup.

    Templates call it as the ``partial`` global. A site renders tens of
    thousands of partials (about 26 on each objective page), so this skips
    what :meth:`jinja2.Template.render` repeats on every call: it looks each
    template up once, copies the environment's globals (a ``ChainMap`` in
    Jinja, slow to copy) into a plain dict once, and makes each render's
    :class:`~jinja2.runtime.Context` from a prepared state instead of through
    its constructor (which asks the environment again for the template's
    autoescaping and copies the block table). Call it after the globals are set.
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
            "stale_flag.html",
        }
    )

    #: partials drawn once per entry of a long list (the dashboard's week of
    #: changes and its attention list: 12,000 entries at 10,000 objectives),
    #: whose output follows from their variables: with ``kept``, each is kept
    #: under a print of its variables (see :meth:`_kept_piece`)
    VALUE_KEYED = frozenset({"change.html", "attention_item.html"})

    def __init__(
        self,
        env: Environment,
        recorder: Recorder | None = None,
        kept: dict[bytes, tuple[Markup, frozenset[Dep]]] | None = None,
    ) -> None:
        self.env = env
        self._templates: dict[str, _Prepared] = {}
        self._repeated: dict[tuple[str, tuple[tuple[str, Any], ...]], Markup] = {}
        self.recorder = recorder
        #: value-keyed pieces (``RenderMemo.entries``; none: not kept)
        self.kept = kept
        #: the keys of the value-keyed pieces this process drew
        self.used: set[bytes] = set()
        #: history timelines kept between builds (okrsite.kept_pieces), set by okrsite build
        self.timelines: KeptPieces | None = None

    def _prepared(self, template_name: str) -> _Prepared:
        entry = self._templates.get(template_name)
        if entry is None:
            template = self.env.get_template(template_name)
            entry = self._templates[template_name] = _Prepared(self.env, template)
        return entry

    def render(self, template_name: str, variables: dict[str, Any]) -> str:
        """Any template of the theme (pages too) with these variables and the globals.

        ``variables`` becomes the render's own scope (a template's
        ``{% set %}`` writes into it), so pass a dict made for this call.
        """
        entry = self._templates.get(template_name) or self._prepared(template_name)
        given = len(variables)
        try:
            return _join(entry.render(entry.context(variables)))
        except Exception:
            # located in the template file and line, like Template.render does
            self.env.handle_exception()
        finally:
            if len(variables) > given:  # the template defined names of its own
                _drop_macros(variables)

    def __call__(self, name: str, /, **variables: Any) -> Markup:
        if name in self.VALUE_KEYED and self.kept is not None and self.recorder is not None:
            return self._kept_piece(name, variables)
        if name in self.REPEATED:
            key = (name, tuple(variables.items()))
            hit = self._repeated.get(key)
            if hit is None:
                hit = self._repeated[key] = _markup(self.render("partials/" + name, variables))
            return hit
        if name in KEPT:
            # a timeline may come as a Keyed value (okrsite.value_prints): kept
            # pieces recognise it by its key, the partial reads the mapping
            def draw() -> str:
                plain = {k: unkeyed(v) for k, v in variables.items()}
                return self.render("partials/" + name, plain)

            if self.timelines is not None:
                return self.timelines.get(name, variables, draw)
            return _markup(draw())
        return _markup(self.render("partials/" + name, variables))

    def _kept_piece(self, name: str, variables: dict[str, Any]) -> Markup:
        """A value-keyed partial: the same variables give the same markup as
        long as the theme, settings and language are the same (the memo is
        dropped when they change: the page cache's site fingerprint, the
        preview's full render). A piece is kept only if rendering it read
        nothing from the portfolio (nothing recorded), which a site's own
        version of the partial may do (through ``objective_view`` …), or
        only what follows from the settings (:data:`_SETTINGS_READS`)."""
        assert self.kept is not None and self.recorder is not None
        path = "partials/" + name
        try:
            key = value_print((path, sorted(variables.items())))
        except Exception:  # a value that does not pickle: drawn every time
            return _markup(self.render(path, variables))
        self.used.add(key)
        hit = self.kept.get(key)
        if hit is not None:
            return hit[0]
        text, deps = self.recorder.capture(lambda: _markup(self.render(path, variables)))
        if all(dep[0] in _SETTINGS_READS for dep in deps):
            self.kept[key] = (text, deps)
        return text


#: recorded reads that follow from okrsite.toml alone (a cycle's title): the
#: memo of value-keyed pieces is dropped whenever the settings change (the
#: page cache's site fingerprint holds them), so a piece that read only these
#: is kept all the same; the dashboard's attention entries name another
#: running cycle by its title, and kept none once they did
_SETTINGS_READS = frozenset({"index.cycle_titles"})

_new = object.__new__
_join = "".join


def _markup(text: str) -> Markup:
    """``Markup(text)`` for a ``str``, without ``Markup.__new__``'s Python-level checks."""
    return str.__new__(Markup, text)  # type: ignore[no-any-return]


def _drop_macros(variables: dict[str, Any]) -> None:
    """Forget the macros a template defined at its top level, once it is rendered.

    Jinja puts such a macro into the render's variables, and the macro's
    function refers back to the render's context, whose variables hold the
    macro: a reference cycle, which only the cyclic garbage collector frees.
    Two partials drawn on every objective page define macros (the line
    chart, the history timeline), so a build of 10,000 objectives left some
    1.3 million objects for the collector, and its collection after each
    chunk of pages walked everything the chunk made. With the macros
    dropped, the render's objects are freed as soon as it is done, and the
    forked render workers need no collection (okrsite.render_plan)."""
    for name in [name for name, value in variables.items() if type(value) is Macro]:
        del variables[name]


class _Prepared:
    """One template, ready to render: what every render's context starts from.

    Equivalent to ``env.context_class(env, globals, name, blocks)`` (see
    ``jinja2.runtime.Context.__init__``): the globals are the parent scope,
    shared and never copied; the variables, the exported names, the eval
    context and the block table are each render's own.
    """

    __slots__ = ("cls", "env", "parent", "name", "blocks", "eval_cls", "eval_state", "render")

    def __init__(self, env: Environment, template: Template) -> None:
        proto = env.context_class(env, dict(template.globals), template.name, template.blocks)
        self.cls = type(proto)
        self.env = env
        self.parent = proto.parent
        self.name = template.name
        self.blocks = template.blocks
        self.eval_cls = type(proto.eval_ctx)
        self.eval_state = dict(proto.eval_ctx.__dict__)
        self.render = template.root_render_func  # type: ignore[attr-defined]

    def context(self, variables: dict[str, Any]) -> Context:
        eval_ctx = _new(self.eval_cls)
        eval_ctx.__dict__.update(self.eval_state)
        context = _new(self.cls)
        context.__dict__.update(
            parent=self.parent,
            vars=variables,
            environment=self.env,
            eval_ctx=eval_ctx,
            exported_vars=set(),
            name=self.name,
            globals_keys=set(),
            blocks={k: [v] for k, v in self.blocks.items()} if self.blocks else {},
        )
        return context  # type: ignore[no-any-return]


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
    #: print of a value-keyed partial's variables → its markup (read nothing:
    #: ``Partials.VALUE_KEYED``)
    entries: dict[bytes, tuple[Markup, frozenset[Dep]]] = field(default_factory=dict)
    #: objective id → its badge's SVG text (``badges/<id>.svg``)
    badges: dict[str, tuple[str, frozenset[Dep]]] = field(default_factory=dict)
    #: objective id → its entry of ``api/history.json`` (JSON text)
    histories: dict[str, tuple[str, frozenset[Dep]]] = field(default_factory=dict)
    #: ``""`` → what ``api/history.json`` holds after the objectives (JSON text)
    history_rests: dict[str, tuple[str, frozenset[Dep]]] = field(default_factory=dict)

    def clear(self) -> None:
        self.markdown.clear()
        self.items.clear()
        self.nodes.clear()
        self.exports.clear()
        self.entries.clear()
        self.badges.clear()
        self.histories.clear()
        self.history_rests.clear()

    def keep_entries(self, used: Set[bytes]) -> None:
        """Drop the value-keyed pieces no render used (an entry that left the
        dashboard's week), unless nothing used any (the dashboard was not
        drawn again: the kept pieces are those of its current version)."""
        if used:
            for key in [key for key in self.entries if key not in used]:
                del self.entries[key]

    def forget(self, changed: Set[Dep]) -> None:
        """Drop the pieces that read any of the ``changed`` dependencies."""
        if not changed:
            return
        for cache in (
            self.items,
            self.nodes,
            self.exports,
            self.badges,
            self.histories,
            self.history_rests,
        ):
            _drop(cache, changed)


def _drop(cache: dict[Any, tuple[Any, frozenset[Dep]]], changed: Set[Dep]) -> None:
    for key in [key for key, (_, deps) in cache.items() if not deps.isdisjoint(changed)]:
        del cache[key]
