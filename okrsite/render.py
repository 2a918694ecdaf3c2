"""Render a scored portfolio to the files of a static site.

:class:`SiteRenderer` ties the layers together: the view model
(:mod:`okrsite.view`) turns the scored portfolio into what pages show, the
theme's templates and partials write the markup, and :mod:`okrsite.pages`
says which template each page uses with which view objects. Rendering is
pure apart from reading the theme: files come back as ``{relative posix
path: bytes}`` and writing them is the caller's job.

Splitting the work: :meth:`SiteRenderer.page_keys` lists the pages and
:meth:`SiteRenderer.render_pages` renders any subset of them, so a caller can
build one renderer, fork, and have each process render a slice of the keys;
:meth:`SiteRenderer.render_assets` produces the few site-wide files (static
files, data exports, search index, feed, badges).

The renderer's parts, each in a module of its own and a base class of
:class:`SiteRenderer`: the pieces many pages repeat, memoised
(:mod:`okrsite.render_pieces`); what templates call, the environment's
globals and formatting helpers (:mod:`okrsite.render_globals`); the
site-wide files that are not pages (:mod:`okrsite.render_assets`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from okrsite import pages
from okrsite.codeowners import platform_of
from okrsite.config import SiteConfig, titled_in_language
from okrsite.dependencies import (
    EVERY,
    Dep,
    LazyRecordedDict,
    Recorder,
    record_index,
    recorded_portfolio,
)
from okrsite.history import SiteHistory
from okrsite.kept_pieces import KeptPieces
from okrsite.markdown import is_safe_url, renderer
from okrsite.model import ScoredPortfolio
from okrsite.render_assets import SiteAssets
from okrsite.render_globals import TemplateGlobals
from okrsite.render_pieces import NAV_PAGES, RenderPieces
from okrsite.scorecard import Scorecard, scorecard
from okrsite.streaks import checkin_streaks
from okrsite.table_words import table_words
from okrsite.theme import Theme, load_theme
from okrsite.urls import page_file, prefix
from okrsite.value_prints import Keyed, forked_printer
from okrsite.view.dashboard_lists import dashboard_lists
from okrsite.view.formatting import (
    percent_with_places,
    remembered_decimal,
    remembered_number,
    remembered_percent,
)
from okrsite.view.history import timeline, timeline_inputs_print, timeline_key
from okrsite.view.history_commits import CommitLine, OriginLine
from okrsite.view.partials import Partials, RenderMemo
from okrsite.view.site_index import SiteIndex
from okrsite.view.view_model import ViewModel

__all__ = ["render_site", "SiteRenderer", "PageKey", "RenderMemo"]

PageKey = tuple[str, str]
"""(page kind, record id): ``("objective", "sales/emea")``, ``("dashboard", "")``."""


#: the attribute an error raised while a page rendered carries its output path in
PAGE_NOTE = "okrsite_page"


class SiteRenderer(RenderPieces, TemplateGlobals, SiteAssets):
    """Everything needed to render pages, indexed once per build.

    Its memoised pieces (:mod:`okrsite.render_pieces`), the helpers templates
    call (:mod:`okrsite.render_globals`) and the site-wide files that are not
    pages (:mod:`okrsite.render_assets`) are methods of base classes, each in
    a module of its own."""

    def __init__(
        self,
        scored: ScoredPortfolio,
        config: SiteConfig,
        site_root: Path | None = None,
        theme: Theme | None = None,
        memo: RenderMemo | None = None,
        history: SiteHistory | None = None,
        timelines_apart: bool = False,
        value_pieces: bool = False,
    ) -> None:
        # every read of the portfolio while a page renders is recorded
        # (okrsite.dependencies): what the page depends on
        self.recorder = Recorder()
        plain, scored = scored, recorded_portfolio(scored, self.recorder)
        self.scored = scored
        self._plain = plain
        self.config = config
        # the site's git history (okrsite.history), read by the build and the
        # preview; None when nobody read it (render_site without history)
        self._history = history
        self.recorder.collections["history"] = (history,)
        # With ``timelines_apart`` (okrsite build's page cache), each objective's
        # and KPI's timeline is a value of its own, computed when its page (or
        # the page cache) first reads it: a page depends on its own timeline,
        # so a new commit renders only the pages whose timeline it changed.
        # Otherwise (the preview) a page depends on its own timeline too, and
        # on what drawing it reads: after HEAD moved the preview tells which
        # timelines changed (okrsite.preview_timelines).
        self._timelines: LazyRecordedDict | None = None
        #: what every timeline's key shares (view.history.timeline_inputs_print)
        self._timeline_shared: bytes | None = None
        #: timelines are known by their keys only for okrsite build's page cache
        self._timeline_keys = value_pieces
        #: each commit's line on the timelines (okrsite.view.history_commits),
        #: made once for this renderer's theme, language and history
        self._commit_lines: dict[Any, CommitLine] = {}
        #: and each figure source's line of its commit, alike
        self._origin_lines: dict[Any, OriginLine] = {}
        # the history's per-record tables as collections of their own, known
        # from the start: the page cache fingerprints what pieces read of them
        # before anything is rendered
        self._history_view: SiteHistory | None = None
        if history is not None:
            table = self.recorder.dict
            self._history_view = replace(
                history,
                objectives=table("history.objectives", history.objectives),
                kpis=table("history.kpis", history.kpis),
                checkins=table("history.checkins", history.checkins),
                kpi_values=table("history.kpi_values", history.kpi_values),
                csv_rows=table("history.csv_rows", history.csv_rows),
            )
        if timelines_apart:
            self._timelines = LazyRecordedDict(TIMELINE, self.recorder, self._timeline_of)
            self.recorder.collections[TIMELINE] = self._timelines
        # the check-in streaks of every person and team (okrsite.streaks),
        # counted once from the unrecorded portfolio and kept as a collection of
        # their own, so a page depends on its one streak, not on every check-in
        self.streaks = streaks = checkin_streaks(plain.portfolio, scored.as_of)
        self.recorder.collections["streaks"] = {
            "cycle": streaks["cycle"],
            **{("person", k): v for k, v in streaks["people"].items()},
            **{("team", k): v for k, v in streaks["teams"].items()},
        }
        self.as_of = scored.as_of
        self.theme = theme or load_theme(config.theme, site_root)
        self.env = self.theme.env
        #: bodies' HTML kept between builds by their Markdown (okrsite.kept_pieces),
        #: set by okrsite build when it holds the page cache
        self.kept_markdown: KeptPieces | None = None
        self.memo = memo if memo is not None else RenderMemo()
        self.language = self.theme.install_language(config.language, site_root)
        self.gettext = self.language.gettext
        #: a Markdown table's name is written in the site's words ("Tabelle",
        #: its headings' separator, a repeat's number, its check-in's)
        self.table_words = table_words(self.gettext)
        self._markdown = renderer(config.allow_html, table_words=self.table_words)
        #: check-in notes: many on one page, so their headings get no ids
        self._notes_markdown = renderer(
            config.allow_html, heading_ids=False, table_words=self.table_words
        )
        #: the feed's ids stay those of the title as written (render_globals.feed_id)
        self.config_written = config
        # no title set: "Goals" in the site's language, on every page and the feed
        self.config = config = titled_in_language(config, self.gettext)
        self._number = remembered_number(self.language.number)
        self._decimal = remembered_decimal(self.language.number)
        self._percent = remembered_percent(
            self.language.number, self.language.percent, self.language.gettext
        )
        # progress beside expected with the decimals its view gives
        # (ObjectiveView.pace_places); whole, it is ``_percent`` itself
        self._percent_at = percent_with_places(
            self._percent, self.language.number, self.language.percent
        )
        self.index = SiteIndex(scored, config)
        record_index(self.index, self.recorder)
        self.view = ViewModel(scored, self.index, self.checkin_notes, self.recorder, plain)
        # ``value_pieces`` (okrsite build's page cache): the dashboard's entries
        # are kept by value in the memo, and stored with the pages
        self.partial = Partials(
            self.env, self.recorder, self.memo.entries if value_pieces else None
        )
        self._nav_cache: dict[tuple[str, str], Markup] = {}
        self._scorecards: dict[str, tuple[Scorecard, frozenset[Dep]]] = {}
        #: what each page rendered by :meth:`render_pages` read
        self.page_deps: dict[PageKey, frozenset[Dep]] = {}
        self.nav = self._nav()
        # helpers are environment globals so imported macros (which get no
        # render context, to stay cacheable) and partials can use them too
        self.env.globals.update(self._globals())

    @property
    def history(self) -> SiteHistory | None:
        """The git history: a page that reads it depends on it (okrsite.dependencies)."""
        self.recorder.record("history")
        return self._history

    @property
    def has_history(self) -> bool:
        """Whether git history was read (not a page's read: nothing is recorded)."""
        return self._history is not None and self._history.available

    def edit_url(self, file: str) -> str | None:
        repo = self.config.repo_url
        if not repo or not is_safe_url(repo):
            return None
        folder = (self.config.repo_folder or "").strip("/")
        path = f"{folder}/{file}" if folder else file
        # GitLab's pages of a project sit under /-/ (its old /edit/ answers 404)
        edit = "-/edit" if platform_of(repo) == "gitlab" else "edit"
        # percent-encoded: a file named as people name them ("Grow ARR.md",
        # "Größe.md", "Q&A.md") is a valid address only so
        where = quote(f"{self.config.edit_branch}/{path}", safe="/")
        return f"{repo.rstrip('/')}/{edit}/{where}"

    def timeline(self, kind: str, rid: str) -> Mapping[str, Any]:
        """The ``timeline`` of an objective or KPI page (``partials/history_timeline.html``)."""
        if self._timelines is None:
            # the preview's page depends on its own timeline, which it tells
            # changed after HEAD moved (okrsite.preview_timelines), and on what
            # drawing it reads of the portfolio, recorded as any read is
            self.recorder.record(TIMELINE, (kind, rid))
            return self._timeline_drawing(kind, rid, self.scored)()
        value: Mapping[str, Any] = self._timelines[(kind, rid)]
        return value

    def _timeline_of(self, key: tuple[str, str]) -> Mapping[str, Any]:
        """One timeline, from the unrecorded portfolio: a value of its own,
        which the page cache and the kept pieces know by what computing it
        reads (:func:`okrsite.view.history.timeline_key`)."""
        kind, rid = key
        plain = self.view.plain
        if rid not in (plain.portfolio.objectives if kind == "objective" else plain.portfolio.kpis):
            raise KeyError(key)
        if not self._timeline_keys:  # no page cache to compare it: no key needed
            return self._timeline_drawing(kind, rid, plain)()
        # printed by what it reads, and computed only if its partial is drawn:
        # a page the page cache keeps, or whose timeline the kept pieces hold
        # (okrsite.kept_pieces), needs no timeline computed
        kept = self.partial.timelines
        printer = kept.printer() if kept is not None else forked_printer()
        if self._timeline_shared is None:
            self._timeline_shared = timeline_inputs_print(self._history, plain)
        inputs = timeline_key(
            kind, rid, self._history, plain, self.config, printer, self._timeline_shared
        )
        return Keyed(inputs, self._timeline_drawing(kind, rid, plain))

    def _timeline_drawing(
        self, kind: str, rid: str, scored: ScoredPortfolio
    ) -> Callable[[], dict[str, Any]]:
        """What computes one record's timeline from ``scored`` with this
        renderer's history, settings, words and commit and source lines: one
        call for the three ways a timeline is drawn (recorded for the
        preview, plain, and lazily behind its key), holding those pieces, not
        the renderer."""
        history, config, gettext, lines, origins = (
            self._history,
            self.config,
            self.gettext,
            self._commit_lines,
            self._origin_lines,
        )
        return lambda: timeline(kind, rid, history, scored, config, gettext, lines, origins)

    def streak(self, kind: str, ident: str) -> dict[str, Any] | None:
        """``partials/streak.html``'s ``streak`` for a person or team page: ``cycle``
        and ``weeks`` in a row with a check-in (:mod:`okrsite.streaks`, counted
        once per render), or ``None`` when as_of is in no cycle."""
        streaks = self.recorder.collections["streaks"]
        self.recorder.record("streaks", "cycle")
        if streaks["cycle"] is None:
            return None
        self.recorder.record("streaks", (kind, ident))
        return {"cycle": streaks["cycle"], "weeks": streaks.get((kind, ident), 0)}

    def render(self, template: str, path: str, **context: Any) -> bytes:
        context["root"] = prefix(path)
        context["path"] = path
        return self.partial.render(template, context).encode("utf-8")

    # ------------------------------------------------------------ pages
    def page_keys(self) -> list[PageKey]:
        """Every HTML page of the site, in a stable order."""
        index = self.index
        # as "More pages" is built only when the navigation leaves some out,
        # the page of all objectives that need attention is built only when
        # the dashboard's lists leave some out
        wanted = {
            "pages": len(index.page_ids) > NAV_PAGES,
            "attention": dashboard_lists(
                self.view, index.current_cycle, self.config.dashboard_attention
            ).cut,
        }
        keys: list[PageKey] = [(kind, "") for kind in pages.SUMMARY_PAGES if wanted.get(kind, True)]
        keys += [("objective", i) for i in index.objective_ids]
        keys += [("kpi", i) for i in index.kpi_ids]
        keys += [("goal", i) for i in index.goal_ids]
        keys += [("team", i) for i in index.team_ids]
        keys += [("person", i) for i in index.people_ids]
        keys += [("cycle", n) for n in index.cycle_names]
        keys += [("tag", t) for t in index.tags]
        keys += [("page", i) for i in sorted(self.scored.portfolio.pages)]
        return keys

    def render_pages(self, keys: Iterable[PageKey]) -> dict[str, bytes]:
        """Render the given pages (any subset of :meth:`page_keys`)."""
        out: dict[str, bytes] = {}
        capture = self.recorder.capture
        for key in keys:
            handler = partial(pages.HANDLERS[key[0]], self, key[1])
            try:
                (path, data), self.page_deps[key] = capture(handler)
            except Exception as exc:
                # a template's mistake shows on some pages only (a value empty
                # there): its diagnostic names the first page it met
                if not hasattr(exc, PAGE_NOTE):
                    setattr(exc, PAGE_NOTE, page_file(key))
                raise
            out[path] = data
        return out

    def global_state(self) -> tuple[Any, ...]:
        """What every page reads and no dependency key holds: when it changes,
        every page is rendered again."""
        scored = self.scored
        p = scored.portfolio
        cycles = dict(dict.items(p.cycles))
        # which objectives, goals and KPIs their team owns: no record tells
        # (owner: Finance and a bare team: Finance resolve alike), and pages,
        # lists and exports show the owner by it (okrsite.record_owner);
        # sorted, as a frozenset's order differs between processes
        team_owned = tuple(
            tuple(sorted(ids)) for ids in (p.team_owned, p.team_owned_goals, p.team_owned_kpis)
        )
        return (
            scored.as_of,
            scored.settings,
            cycles,
            self.index.current_cycle,
            self.nav,
            team_owned,
            # which records' anchors are told apart (okrsite.view.anchors):
            # links to them from any page
            self.view.anchors.state(),
        )

    #: what a cycle's scorecard reads, each collection as a whole: it finds
    #: the cycle's objectives among all of them, tallies each one's record
    #: and score for the cycle, its commitment and its team, and reads every
    #: KPI and check-in. Worked out on the portfolio as it is, unrecorded, it
    #: skips recording some 240,000 reads at 10,000 objectives; a page that
    #: uses it depends on these collections (a test holds them to be all the
    #: scorecard reads).
    SCORECARD_READS = (
        "portfolio.objectives",
        "scored.objectives",
        "portfolio.teams",
        "portfolio.cycles",
        "portfolio.kpis",
        "portfolio.kpi_series",
        "portfolio.checkins",
    )

    def scorecard(self, cycle: str) -> Scorecard:
        """The scorecard of ``cycle``, worked out once for its page and its
        export files (a few hundred team tallies at 10,000 objectives)."""
        hit = self._scorecards.get(cycle)
        if hit is None:
            deps = frozenset((name, EVERY) for name in self.SCORECARD_READS)
            hit = self._scorecards[cycle] = (scorecard(self._plain, cycle), deps)
        self.recorder.replay(hit[1])
        return hit[0]


#: the dependency name of one objective's or KPI's timeline, ``(TIMELINE,
#: (kind, id))``: its own value for the page cache, and for the preview what
#: a move of HEAD may change (okrsite.preview_timelines)
TIMELINE = "history.timeline"

#: the collections of the git history's per-record tables (``SiteRenderer``):
#: functions of the history alone, so unchanged while its fingerprint is
HISTORY_TABLES = frozenset(
    f"history.{name}" for name in ("objectives", "kpis", "checkins", "kpi_values", "csv_rows")
)


def render_site(
    scored: ScoredPortfolio,
    config: SiteConfig,
    site_root: Path | None = None,
    *,
    history: SiteHistory | None = None,
) -> dict[str, bytes]:
    """Every file of the site as ``{relative posix path: bytes}``, in one process
    (``okrsite build`` renders in parallel and writes as it goes). ``history``
    (read by :mod:`okrsite.history`) adds the timelines to objective and KPI
    pages and writes ``api/history.json``."""
    site = SiteRenderer(scored, config, site_root, history=history)
    out = site.render_assets()
    out.update(site.render_pages(site.page_keys()))
    return dict(sorted(out.items()))
