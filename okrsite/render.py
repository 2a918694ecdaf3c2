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
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from okrsite import __version__, pages
from okrsite.codeowners import platform_of
from okrsite.config import SiteConfig
from okrsite.cycle_export import cycle_export_files
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
from okrsite.model import CheckIn, ScoredPortfolio
from okrsite.scorecard import Scorecard, scorecard
from okrsite.streaks import checkin_streaks
from okrsite.theme import Theme, load_theme
from okrsite.urls import href, page_path, prefix, safe_path
from okrsite.view.chart_geometry import progress_badge
from okrsite.view.exports import data_files, export_pieces
from okrsite.view.formatting import (
    atom_time,
    bar_width,
    percent,
    percent_figure,
    remembered_decimal,
    remembered_number,
    remembered_percent,
)
from okrsite.view.history import (
    HISTORY_JSON,
    checkin_origins,
    history_json,
    history_json_rest,
    objective_history_json,
    timeline,
)
from okrsite.view.partials import Partials, RenderMemo
from okrsite.view.search import search_files
from okrsite.view.site_index import SiteIndex
from okrsite.view.view_model import NavItem, ViewModel, anchor

__all__ = ["render_site", "SiteRenderer", "PageKey", "RenderMemo"]

PageKey = tuple[str, str]
"""(page kind, record id): ``("objective", "sales/emea")``, ``("dashboard", "")``."""

FEED_LIMIT = 50

#: statuses in words (templates show them through ``status_word``, translated)
STATUS_WORDS = {
    "on-track": "on track",
    "at-risk": "at risk",
    "off-track": "off track",
    "done": "done",
    "achieved": "achieved",
    "missed": "missed",
    "upcoming": "upcoming",
    "draft": "draft",
    "dropped": "dropped",
}


def badge_path(oid: str) -> str:
    return f"badges/{safe_path(oid)}.svg"


class SiteRenderer:
    """Everything needed to render pages, indexed once per build."""

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
        # Otherwise (the preview, which compares whole collections after
        # every save) a page with a timeline depends on the whole history.
        self._timelines: LazyRecordedDict | None = None
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
            self._timelines = LazyRecordedDict("history.timeline", self.recorder, self._timeline_of)
            self.recorder.collections["history.timeline"] = self._timelines
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
        self._markdown = renderer(config.allow_html)
        #: check-in notes: many on one page, so their headings get no ids
        self._notes_markdown = renderer(config.allow_html, heading_ids=False)
        #: bodies' HTML kept between builds by their Markdown (okrsite.kept_pieces),
        #: set by okrsite build when it holds the page cache
        self.kept_markdown: KeptPieces | None = None
        self.memo = memo if memo is not None else RenderMemo()
        self.language = self.theme.install_language(config.language, site_root)
        self.gettext = self.language.gettext
        self._number = remembered_number(self.language.number)
        self._decimal = remembered_decimal(self.language.number)
        self._percent = remembered_percent(
            self.language.number, self.language.percent, self.language.gettext
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
        self._checkin_cache: dict[tuple[str, str, bool, int], tuple[Markup, frozenset[Dep]]] = {}
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

    def forget_chunk_pieces(self) -> None:
        """Drop the pieces a render worker keeps only within a chunk of pages:
        a check-in's block and its notes' HTML show on a page or two, mostly
        in the same chunk, and at 10,000 objectives keeping all of them made
        each worker hold 40,000 blocks to the end."""
        self._checkin_cache.clear()
        self.memo.markdown.clear()
        self.view.forget_checkins()
        if self.partial.timelines is not None:
            self.partial.timelines.flush()
        if self.kept_markdown is not None:
            self.kept_markdown.flush()

    # ------------------------------------------------------------ helpers
    def _nav(self) -> list[NavItem]:
        _ = self.gettext
        items = [
            NavItem(_("Dashboard"), "index.html"),
            NavItem(_("Alignment"), "alignment/index.html"),
            NavItem(_("KPIs"), "kpis/index.html"),
        ]
        if self.index.goal_ids:
            items.append(NavItem(_("SMART goals"), "goals/index.html"))
        items += [
            NavItem(_("Teams"), "teams/index.html"),
            NavItem(_("People"), "people/index.html"),
            NavItem(_("Cycles"), "cycles/index.html"),
            NavItem(_("Check-ins"), "checkins/index.html"),
        ]
        portfolio = self.scored.portfolio
        items += [
            NavItem(portfolio.pages[i].title, page_path("page", i)) for i in self.index.page_ids
        ]
        return items

    def markdown(self, text: str) -> str:
        """A body's HTML: from the kept bodies when okrsite build holds the cache."""
        kept = self.kept_markdown
        if kept is None or not text:
            return self._markdown(text)
        return kept.text("markdown", text, lambda: self._markdown(text))

    def checkin_notes(self, c: CheckIn) -> str:
        """A check-in's notes as HTML (memoised by text: notes repeat across pages)."""
        cached = self.memo.markdown.get(c.body)
        if cached is None:
            cached = self.memo.markdown[c.body] = self._notes_markdown(c.body)
        return cached

    def nav_items(self, root: str, path: str) -> Markup:
        """partials/nav.html for a page (on every page, so memoised per link prefix)."""
        current = path if any(item.path == path for item in self.nav) else ""
        key = (root, current)
        hit = self._nav_cache.get(key)
        if hit is None:
            hit = self._nav_cache[key] = self.partial(
                "nav.html", root=root, items=self.nav, current=current
            )
        return hit

    def objective_item(self, root: str, oid: str) -> Markup:
        """partials/objective_item.html for one objective (memoised per link prefix:
        the most repeated piece of the site)."""
        key = (root, oid)
        hit = self.memo.items.get(key)
        if hit is None:
            hit = self.memo.items[key] = self.recorder.capture(
                lambda: self.partial(
                    "objective_item.html", root=root, item=self.view.objective(oid)
                )
            )
        else:
            self.recorder.replay(hit[1])
        return hit[0]

    def alignment_node(self, root: str, oid: str) -> Markup:
        """partials/alignment_node.html for one objective (memoised like items)."""
        key = (root, oid)
        hit = self.memo.nodes.get(key)
        if hit is None:
            hit = self.memo.nodes[key] = self.recorder.capture(
                lambda: self.partial(
                    "alignment_node.html", root=root, item=self.view.objective(oid)
                )
            )
        else:
            self.recorder.replay(hit[1])
        return hit[0]

    def checkin_block(
        self, root: str, c: CheckIn, show_target: bool = True, level: int = 3
    ) -> Markup:
        """partials/checkin.html for one check-in (memoised within this render).

        ``level`` is its heading's: 3 under a page's "Check-ins" ``<h2>``, 2
        where the check-ins stand straight under the ``<h1>`` (the check-ins
        page), so no heading level is skipped."""
        key = (root, c.id, show_target, level)
        hit = self._checkin_cache.get(key)
        if hit is None:
            hit = self._checkin_cache[key] = self.recorder.capture(
                lambda: self.partial(
                    "checkin.html",
                    root=root,
                    checkin=self.view.checkin(c),
                    show_target=show_target,
                    level=level,
                )
            )
        else:
            self.recorder.replay(hit[1])
        return hit[0]

    def edit_url(self, file: str) -> str | None:
        repo = self.config.repo_url
        if not repo or not is_safe_url(repo):
            return None
        folder = (self.config.repo_folder or "").strip("/")
        path = f"{folder}/{file}" if folder else file
        # GitLab's pages of a project sit under /-/ (its old /edit/ answers 404)
        edit = "-/edit" if platform_of(repo) == "gitlab" else "edit"
        return f"{repo.rstrip('/')}/{edit}/{self.config.edit_branch}/{path}"

    def timeline(self, kind: str, rid: str) -> dict[str, Any]:
        """The ``timeline`` of an objective or KPI page (``partials/history_timeline.html``)."""
        if self._timelines is None:
            return timeline(kind, rid, self.history, self.scored, self.config, self.gettext)
        value: dict[str, Any] = self._timelines[(kind, rid)]
        return value

    def _timeline_of(self, key: tuple[str, str]) -> dict[str, Any]:
        """One timeline, from the unrecorded portfolio: what it shows is its
        own value, which the page cache fingerprints whole."""
        kind, rid = key
        plain = self.view.plain
        if rid not in (plain.portfolio.objectives if kind == "objective" else plain.portfolio.kpis):
            raise KeyError(key)
        return timeline(kind, rid, self._history, plain, self.config, self.gettext)

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

    def status_word(self, status: str) -> str:
        """A status in words, translated (``on-track`` → "on track")."""
        return self.gettext(STATUS_WORDS.get(status, status))

    def number(self, value: float | None) -> str:
        return self._number(value)

    def decimal(self, value: float | None, places: int) -> str:
        return self._decimal(value, places)

    def percent(self, ratio: float | None) -> str:
        """A 0..1 ratio as a percentage in the site's language (``34%``, ``34 %``)."""
        return self._percent(ratio)

    def with_unit(self, value: float | None, unit: str | None) -> str:
        """A number with its unit as the site's language writes it (``13,5 %``,
        ``12 EUR``); no unit, the number alone; no number, ``–`` alone."""
        if value is None:
            return self._number(None)
        return self.language.with_unit(self._number(value), unit or "")

    def _globals(self) -> dict[str, Any]:
        view = self.view
        return {
            "config": self.config,
            "html_lang": self.language.tag,
            "as_of": self.as_of,
            "version": __version__,
            "objective_records": view.objectives,
            "objective_scores": view.scores,
            "kpi_records": self.scored.portfolio.kpis,
            "kpi_scores": self.scored.kpis,
            "goal_records": self.scored.portfolio.goals,
            "goal_scores": self.scored.goals,
            "url": view.url,
            "person": view.person,
            "team": view.team,
            "person_name": view.person_name,
            "team_name": view.team_name,
            "objective_view": view.objective,
            "kpi_sparkline": view.kpi_sparkline,
            "pct": percent,
            "pct_figure": lambda ratio: self.language.number(percent_figure(ratio)),
            "percent": self._percent,
            "percent_format": self.language.percent("{n}"),
            "with_unit": self.with_unit,
            "bar_width": bar_width,
            "num": self._number,
            "decimal": self._decimal,
            "day": self.language.day,
            "atom_time": atom_time,
            "status_word": self.status_word,
            "markup": Markup,
            "partial": self.partial,
            "objective_item": self.objective_item,
            "checkin_block": self.checkin_block,
            "checkin_notes": self.checkin_notes,
            "nav_items": self.nav_items,
            "anchor": anchor,
            "badge_url": lambda oid: href(badge_path(oid)),
            "feed_id": quote(self.config.title, safe=""),
        }

    def render(self, template: str, path: str, **context: Any) -> bytes:
        context["root"] = prefix(path)
        context["path"] = path
        return self.partial.render(template, context).encode("utf-8")

    # ------------------------------------------------------------ pages
    def page_keys(self) -> list[PageKey]:
        """Every HTML page of the site, in a stable order."""
        index = self.index
        keys: list[PageKey] = [(kind, "") for kind in pages.SUMMARY_PAGES]
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
            (path, data), self.page_deps[key] = capture(handler)
            out[path] = data
        return out

    def global_state(self) -> tuple[Any, ...]:
        """What every page reads and no dependency key holds: when it changes,
        every page is rendered again."""
        scored = self.scored
        cycles = dict(dict.items(scored.portfolio.cycles))
        return (scored.as_of, scored.settings, cycles, self.index.current_cycle, self.nav)

    # ------------------------------------------------------------ assets
    def render_assets(self, badges_for: Iterable[str] | None = None) -> dict[str, bytes]:
        """Site-wide non-page files: static, exports, search index, feed, badges.

        ``badges_for`` limits the per-objective badges to those objectives (the
        preview re-renders only badges whose objective changed).
        """
        out = dict(self.theme.static_files())
        out.update(data_files(self.view, self.memo))
        out.update(search_files(self.view, lambda oid: export_pieces(self.view, self.memo, oid)[3]))
        out["checkins.xml"] = self._render_feed()
        out.update(cycle_export_files(self.scored, self.scorecard))
        if self.history is not None:
            out[HISTORY_JSON] = history_json(
                self.history,
                self.scored,
                self.config,
                self.streaks,
                self._history_entry,
                self._history_rest,
            )
        scores = self.view.scores
        ids = (
            self.index.objective_ids
            if badges_for is None
            else sorted(set(badges_for) & set(scores))
        )
        for oid in ids:
            out[badge_path(oid)] = self.badge(oid)
        return out

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

    def _history_entry(self, oid: str) -> str:
        """This objective's entry of ``api/history.json``, memoised with what it
        read (``RenderMemo.histories``): its record and score, its own
        check-ins, and its own changes and check-in origins in the history
        (collections of their own, ``history.*``), so after an edit or a new
        commit the entries of the objectives it did not touch are joined
        again, not written again."""
        hit = self.memo.histories.get(oid)
        if hit is None:
            hit = self.memo.histories[oid] = self.recorder.capture(
                lambda: self._write_history_entry(oid)
            )
        else:
            self.recorder.replay(hit[1])
        return hit[0]

    def _history_rest(self) -> str:
        """What ``api/history.json`` holds after the objectives (the KPIs, every
        check-in's origin, the streaks), memoised with what it read
        (``RenderMemo.history_rests``) like an objective's entry: an edit of
        an objective leaves it as it was, and a build after one joins it
        again instead of writing 40,000 check-ins' origins again at 10,000
        objectives."""
        hit = self.memo.history_rests.get("")
        if hit is None:
            hit = self.memo.history_rests[""] = self.recorder.capture(self._write_history_rest)
        else:
            self.recorder.replay(hit[1])
        return hit[0]

    def _write_history_rest(self) -> str:
        # read apart from the recorded collections: the streaks (counted once
        # from the portfolio) and, through a KPI's value source, the index of
        # every check-in (memoised by the tuple it indexes: a second look
        # reads nothing)
        self.recorder.record("streaks")
        self.recorder.record("portfolio.checkins")
        history = self.history  # recorded as a whole
        assert history is not None
        return history_json_rest(history, self.scored, self.config, self.streaks)

    def _write_history_entry(self, oid: str) -> str:
        objective = self.scored.portfolio.objectives[oid]
        if any(kr.kpi for kr in objective.key_results):
            # a key result's value from a KPI: its source is among every
            # check-in of the KPI, which the portfolio's list holds
            self.recorder.record("portfolio.checkins")
        return objective_history_json(
            self._recorded_history(),
            self.scored,
            self.config,
            oid,
            self.index.checkins_by_objective.get(oid, []),
        )

    def _recorded_history(self) -> SiteHistory:
        """The history with its per-record tables recording what is read of them."""
        assert self._history_view is not None
        return self._history_view

    def badge(self, oid: str) -> bytes:
        """badges/<id>.svg: partials/badge.svg with the objective's percent and status.

        Memoised with what it read (``RenderMemo.badges``), like an
        objective's export lines: after one edit the page cache hands back
        every badge whose objective's score did not change, so a build draws
        a few badges again, not 10,000."""
        hit = self.memo.badges.get(oid)
        if hit is None:
            hit = self.memo.badges[oid] = self.recorder.capture(lambda: self._draw_badge(oid))
        else:
            self.recorder.replay(hit[1])
        return hit[0].encode("utf-8")

    def _draw_badge(self, oid: str) -> str:
        score = self.view.scores[oid]
        value = f"{self._percent(score.progress)} {self.status_word(score.status)}"
        badge = progress_badge(oid, value, score.status)
        return str(self.partial("badge.svg", badge=badge))

    def _render_feed(self) -> bytes:
        entries = self.index.checkins[-FEED_LIMIT:][::-1]
        updated = entries[0].date if entries else self.as_of
        # the newest entry's own moment, time of day included (the as-of date without one)
        updated_at = atom_time(updated, entries[0].time if entries else "")
        template = self.env.get_template("checkins.xml")
        origins = checkin_origins(entries, self.history, self.config)
        return template.render(
            root="",
            path="checkins.xml",
            entries=entries,
            updated=updated,
            updated_at=updated_at,
            origins=origins,
        ).encode("utf-8")


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
