"""Render a scored portfolio to the files of a static site.

:func:`render_site` is pure apart from reading the theme: it takes the scored
portfolio and the site settings and returns ``{relative posix path: bytes}``
for every file; writing them is the caller's job. That keeps rendering
testable without a disk and lets ``serve`` keep the site in memory.

Speed: a site may have 10,000 objectives and 40,000 check-ins, so everything
a page needs is indexed once in :class:`SiteRenderer` (check-ins per
objective, children, reverse ``supports`` links, objectives per owner, team,
cycle and tag) and each page does work linear in what it shows. Templates
are compiled once. Markdown of a check-in note is rendered once even when it
appears on several pages.

Splitting the work: :meth:`SiteRenderer.page_keys` lists the pages and
:meth:`SiteRenderer.render_pages` renders any subset of them, so a caller can
build one renderer, fork, and have each process render a slice of the keys
(``keys[i::n]``); :meth:`SiteRenderer.render_assets` produces the few
site-wide files (static files, data exports, search index, feed, badges).
``render_site(..., jobs=2)`` does exactly that with ``fork``.
"""

from __future__ import annotations

import csv
import gc
import io
import json
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from okrsite import __version__
from okrsite.charts import fmt_number, line_chart, progress_badge, sparkline
from okrsite.checkin_index import checkin_index
from okrsite.config import SiteConfig
from okrsite.cycles import current_cycle, lookup
from okrsite.export import (
    CSV_COLUMNS,
    csv_rows,
    json_line,
    json_text_from_lines,
    kpi_and_goal_records,
    objective_record,
)
from okrsite.gcpause import paused_gc
from okrsite.history import SiteHistory
from okrsite.history_view import HISTORY_JSON, checkin_origins, history_json, timeline
from okrsite.markdown import is_safe_url, renderer
from okrsite.model import (
    KPI,
    CheckIn,
    Cycle,
    KeyResult,
    KPIScore,
    KRScore,
    Objective,
    ObjectiveScore,
    ScoredPortfolio,
)
from okrsite.theme import Theme, load_theme
from okrsite.urls import SUMMARY_FILES, href, page_path, prefix, safe_path

__all__ = ["render_site", "SiteRenderer", "PageKey"]

PageKey = tuple[str, str]
"""(page kind, record id): ``("objective", "sales/emea")``, ``("dashboard", "")``."""

LATEST_CHECKINS = 10
CHECKINS_PAGE_LIMIT = 200
FEED_LIMIT = 50
PERSON_CHECKINS = 20

STATUS_ORDER = (
    "off-track",
    "at-risk",
    "on-track",
    "done",
    "achieved",
    "missed",
    "upcoming",
    "draft",
    "dropped",
)
COUNTED = frozenset({"active"})

OBJECTIVES_CSV_COLUMNS = [
    "id",
    "title",
    "cycle",
    "owner",
    "team",
    "parent",
    "commitment",
    "status",
    "progress",
    "expected",
    "grade",
    "stale",
    "confidence",
    "forecast",
    "last_checkin",
]


@dataclass
class RenderMemo:
    """Pieces of output that depend on one objective only, kept between renders.

    Site-wide pages (the alignment tree, a cycle's list, the exports, the
    search index) repeat one piece per objective; at 10,000 objectives
    rebuilding all of them after every save is most of a preview rebuild.
    The preview keeps one memo, forgets the pieces of every objective whose
    page is dirty (:func:`okrsite.incremental.dirty_pages`: its record, its
    score, a neighbour's title …), and clears it when the whole site must be
    rendered again (settings, people, teams, templates). Markdown is keyed by
    its text, so it stays valid as long as the renderer's settings do.
    """

    markdown: dict[str, str] = field(default_factory=dict)
    items: dict[tuple[str, str], Markup] = field(default_factory=dict)
    nodes: dict[tuple[str, str], str] = field(default_factory=dict)
    #: per objective: (portfolio.json line, key-results.csv rows, objectives.csv
    #: row, search-index entry)
    exports: dict[str, tuple[str, str, str, str]] = field(default_factory=dict)

    def clear(self) -> None:
        self.markdown.clear()
        self.items.clear()
        self.nodes.clear()
        self.exports.clear()

    def forget(self, oids: Iterable[str]) -> None:
        """Drop the pieces of these objectives."""
        gone = set(oids)
        if not gone:
            return
        for cache in (self.items, self.nodes):
            for key in [k for k in cache if k[1] in gone]:
                del cache[key]
        for oid in gone:
            self.exports.pop(oid, None)


def pct(progress: float | None) -> int:
    """The percentage shown for a 0..1 progress (``round(progress * 100)``)."""
    return round((progress or 0.0) * 100)


def bar_pct(progress: float | None) -> int:
    return max(0, min(100, pct(progress)))


def grade_of(progress: float) -> str:
    """Google's bands: red < 0.4 <= yellow < 0.7 <= green."""
    if progress >= 0.7:
        return "green"
    if progress >= 0.4:
        return "yellow"
    return "red"


_ANCHOR_RE = re.compile(r"[^A-Za-z0-9_-]+")


def anchor(kind: str, ident: str) -> str:
    """An element id for a key result or check-in: ids may hold ``/`` or spaces."""
    return f"{kind}-{_ANCHOR_RE.sub('-', ident)}"


def status_label(status: str) -> str:
    return status.replace("-", " ")


def ratio_text(ratio: float | None) -> str:
    """``"125% of target"`` when the unclamped ratio is beyond the target, else ``""``."""
    if ratio is None or ratio <= 1.0 + 1e-9:
        return ""
    return f"{round(ratio * 100)}% of target"


def f2(value: float | None) -> str:
    """A number for formulas: up to two decimals, no trailing zeros."""
    if value is None:
        return "–"
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def f3(value: float | None) -> str:
    """A number for the "explain this score" arithmetic: three decimals, so
    each step reads true (0.543 − 0.497 = 0.047, where two decimals would show
    0.54 − 0.5 = 0.05)."""
    if value is None:
        return "–"
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def badge_path(oid: str) -> str:
    return f"badges/{safe_path(oid)}.svg"


def badge_url(oid: str) -> str:
    return href(badge_path(oid))


# -- the smallest, most used bits of markup, as Python (a Jinja macro call
#    costs more than the markup it writes; themes may still override them
#    by defining their own macros)
def progress_bar(progress: float, label: str) -> Markup:
    """An ARIA progressbar with a visible percentage; the colour follows the grade."""
    w = bar_pct(progress)
    return Markup(
        f'<span class="progress"><span class="bar" role="progressbar" aria-label="{escape(label)}" '
        f'aria-valuemin="0" aria-valuemax="100" aria-valuenow="{w}" data-progress="{progress!r}">'
        f'<span class="fill grade-{grade_of(progress)}" style="width:{w}%"></span></span> '
        f'<span class="pct">{pct(progress)}%</span></span>'
    )


def status_badge(status: str) -> Markup:
    s = escape(status)
    return Markup(f'<span class="status status-{s}">{escape(status_label(status))}</span>')


def health_badge(health: str) -> Markup:
    h = escape(health)
    return Markup(f'<span class="health health-{h}">{h}</span>')


def grade_badge(progress: float) -> Markup:
    g = grade_of(progress)
    return Markup(
        f'<span class="grade grade-{g}" title="Grade (red &lt; 0.4 ≤ yellow &lt; 0.7 ≤ green)">'
        f'{f2(progress)} <span class="grade-word">{g}</span></span>'
    )


@dataclass(frozen=True, slots=True)
class NavItem:
    title: str
    path: str


class SiteRenderer:
    """Everything needed to render pages, indexed once per build."""

    def __init__(
        self,
        scored: ScoredPortfolio,
        config: SiteConfig,
        site_root: Path | None = None,
        theme: Theme | None = None,
        memo: RenderMemo | None = None,
    ) -> None:
        self.scored = scored
        self.config = config
        self.theme = theme or load_theme(config.theme, site_root)
        self.env = self.theme.env
        self._md = renderer(config.allow_html)
        self.memo = memo if memo is not None else RenderMemo()
        # set by the build and the preview when the site's git history was read
        self.history: SiteHistory | None = None
        self._md_cache = self.memo.markdown
        self._href_cache: dict[tuple[str, str], str] = {}
        self._item_cache = self.memo.items
        self._nav_cache: dict[tuple[str, str], Markup] = {}
        p = scored.portfolio
        self.as_of = scored.as_of

        # objectives that were scored, in a stable order
        self.obj_ids = sorted(i for i in p.objectives if i in scored.objectives)
        self.O = p.objectives
        self.S = scored.objectives

        # check-ins up to as_of, oldest first, per objective / KPI / author
        index = checkin_index(p.checkins)
        self.checkins_by_obj: Mapping[str, list[CheckIn]]
        self.checkins_by_author: Mapping[str, list[CheckIn]]
        if index.latest is None or index.latest <= self.as_of:
            # the usual case: no check-in is dated after as_of, share the index
            self.checkins = list(p.checkins)
            self.checkins_by_obj = index.by_objective
            self.checkins_by_author = index.by_author
        else:
            self.checkins = [c for c in p.checkins if c.date <= self.as_of]
            by_obj: dict[str, list[CheckIn]] = defaultdict(list)
            by_author: dict[str, list[CheckIn]] = defaultdict(list)
            for c in self.checkins:
                if c.objective:
                    by_obj[c.objective].append(c)
                if c.author:
                    by_author[c.author].append(c)
            self.checkins_by_obj, self.checkins_by_author = by_obj, by_author

        # alignment
        self.children = scored.children
        self.kr_children = scored.kr_children
        self.direct_children: dict[str, list[str]] = defaultdict(list)
        for oid in self.obj_ids:
            o = self.O[oid]
            po = o.parent_objective
            if po and po in self.S and not o.parent_key_result:
                self.direct_children[po].append(oid)
        self.supported_by: dict[str, list[str]] = defaultdict(list)
        for oid in self.obj_ids:
            for ref in self.O[oid].supports:
                self.supported_by[ref].append(oid)
                if "#" in ref:
                    self.supported_by[ref.split("#", 1)[0]].append(oid)
        self.goals_supporting: dict[str, list[str]] = defaultdict(list)
        for gid, g in sorted(p.goals.items()):
            if g.supports:
                self.goals_supporting[g.supports].append(gid)
                if "#" in g.supports:
                    self.goals_supporting[g.supports.split("#", 1)[0]].append(gid)

        # people, teams, cycles, tags
        by_owner: dict[str, list[str]] = defaultdict(list)
        by_team: dict[str, list[str]] = defaultdict(list)
        by_cycle: dict[str, list[str]] = defaultdict(list)
        by_tag: dict[str, list[str]] = defaultdict(list)
        for oid in self.obj_ids:
            o = self.O[oid]
            if o.owner:
                by_owner[o.owner].append(oid)
            if o.team:
                by_team[o.team].append(oid)
            by_cycle[o.cycle].append(oid)
            for t in o.tags:
                by_tag[t].append(oid)
        self.by_owner, self.by_team, self.by_cycle, self.by_tag = (
            by_owner,
            by_team,
            by_cycle,
            by_tag,
        )
        self.kpi_ids = sorted(i for i in p.kpis if i in scored.kpis)
        self.goal_ids = sorted(i for i in p.goals if i in scored.goals)
        self.goal_tags: dict[str, list[str]] = defaultdict(list)
        for gid in self.goal_ids:
            for t in p.goals[gid].tags:
                self.goal_tags[t].append(gid)

        people: set[str] = set(p.people)
        people.update(by_owner)
        people.update(k.owner for k in p.kpis.values() if k.owner)
        people.update(g.owner for g in p.goals.values() if g.owner)
        people.update(self.checkins_by_author)
        people.update(t.lead for t in p.teams.values() if t.lead)
        self.people_ids = sorted(people)
        teams: set[str] = set(p.teams)
        teams.update(by_team)
        teams.update(k.team for k in p.kpis.values() if k.team)
        teams.update(g.team for g in p.goals.values() if g.team)
        teams.update(x.team for x in p.people.values() if x.team)
        self.team_ids = sorted(teams)
        self.tags = sorted(set(by_tag) | set(self.goal_tags))

        self.cycles: dict[str, Cycle] = {}
        for name in set(by_cycle) | {g.cycle for g in p.goals.values() if g.cycle}:
            cyc = p.cycles.get(name) or lookup(name, config.cycles)
            if cyc is not None:
                self.cycles[name] = cyc
        self.cycle_names = sorted(self.cycles, key=lambda n: (self.cycles[n].start, n))
        used = {n: self.cycles[n] for n in by_cycle if n in self.cycles}
        cur = current_cycle(used, self.as_of)
        self.current_cycle = cur.name if cur else None

        self.page_ids = sorted(p.pages, key=lambda i: (p.pages[i].order, p.pages[i].title, i))
        self.nav = self._nav()
        # helpers are environment globals so imported macros (which get no
        # render context, to stay cacheable) can use them too
        self.globals = self._globals()
        self.env.globals.update(self.globals)

    # ------------------------------------------------------------ helpers
    def _nav(self) -> list[NavItem]:
        items = [
            NavItem("Dashboard", "index.html"),
            NavItem("Alignment", "alignment/index.html"),
            NavItem("KPIs", "kpis/index.html"),
        ]
        if self.goal_ids:
            items.append(NavItem("SMART goals", "goals/index.html"))
        items += [
            NavItem("Teams", "teams/index.html"),
            NavItem("People", "people/index.html"),
            NavItem("Cycles", "cycles/index.html"),
            NavItem("Check-ins", "checkins/index.html"),
        ]
        p = self.scored.portfolio
        items += [NavItem(p.pages[i].title, page_path("page", i)) for i in self.page_ids]
        return items

    def url(self, kind: str, ident: str) -> str:
        """The encoded site-relative href of a record's page."""
        key = (kind, ident)
        cached = self._href_cache.get(key)
        if cached is None:
            cached = self._href_cache[key] = href(page_path(kind, ident))
        return cached

    def person_name(self, pid: str | None) -> str:
        if not pid:
            return ""
        person = self.scored.portfolio.people.get(pid)
        return person.title if person else pid

    def person_link(self, root: str, pid: str | None) -> Markup:
        if not pid:
            return Markup('<span class="muted">nobody</span>')
        return Markup(
            f'<a href="{root}{escape(self.url("person", pid))}">{escape(self.person_name(pid))}</a>'
        )

    def team_link(self, root: str, tid: str | None) -> Markup:
        if not tid:
            return Markup("")
        return Markup(
            f'<a href="{root}{escape(self.url("team", tid))}">{escape(self.team_name(tid))}</a>'
        )

    def team_name(self, tid: str | None) -> str:
        if not tid:
            return ""
        team = self.scored.portfolio.teams.get(tid)
        return team.title if team else tid

    def markdown(self, text: str) -> str:
        return self._md(text)

    def checkin_html(self, c: CheckIn) -> str:
        cached = self._md_cache.get(c.body)
        if cached is None:
            cached = self._md_cache[c.body] = self._md(c.body)
        return cached

    def obj_item(self, root: str, oid: str, extra: str = "") -> Markup:
        """One objective in a list (title, owner, team, cycle, status, bar).

        The most repeated piece of the site (every list page, every aligned
        child), so it is Python and memoised per link depth.
        """
        key = (root, oid)
        if not extra:
            hit = self._item_cache.get(key)
            if hit is not None:
                return hit
        o, sc = self.O[oid], self.S[oid]
        meta = str(self.person_link(root, o.owner))
        if o.team:
            meta += " · " + str(self.team_link(root, o.team))
        meta += f" · {escape(o.cycle)}"
        if o.commitment == "aspirational":
            meta += " · aspirational"
        if sc.stale:
            meta += ' · <span class="stale">stale</span>'
        html = Markup(
            f'<li class="obj">\n  <a class="obj-title" href="{root}{escape(self.url("objective", oid))}">'
            f"{escape(o.title)}</a>\n"
            f'  <span class="meta">{meta}{escape(extra)}</span>\n'
            f'  <span class="obj-score">{status_badge(sc.status)} '
            f"{progress_bar(sc.progress, 'Progress of ' + o.title)}</span>\n</li>"
        )
        if not extra:
            self._item_cache[key] = html
        return html

    def alignment_tree(
        self, root: str, ids: Sequence[str], children: dict[str, list[str]], depth: int = 0
    ) -> Markup:
        """The nested list items of the alignment page under ``ids`` (40 levels at most).

        Python, not a recursive macro: the page shows every objective, and each
        node's own line is memoised (:class:`RenderMemo`), so the preview
        rebuilds a 10,000-objective tree from pieces.
        """
        parts = []
        for oid in ids:
            key = (root, oid)
            head = self.memo.nodes.get(key)
            if head is None:
                o, sc = self.O[oid], self.S[oid]
                head = self.memo.nodes[key] = (
                    f'<span class="node"><a href="{root}{escape(self.url("objective", oid))}">'
                    f"{escape(o.title)}</a> {status_badge(sc.status)} "
                    f"{progress_bar(sc.progress, 'Progress of ' + o.title)} "
                    f'<span class="meta">{escape(self.person_name(o.owner))} · '
                    f"{escape(o.cycle)}</span></span>"
                )
            parts.append(f"<li>\n{head}\n")
            kids = children.get(oid)
            if kids and depth < 40:
                n = len(kids)
                parts.append(
                    f"<details open>\n<summary>{n} aligned objective{'s' if n != 1 else ''}"
                    f"</summary>\n<ul>{self.alignment_tree(root, kids, children, depth + 1)}"
                    "</ul>\n</details>\n"
                )
            parts.append("</li>")
        return Markup("".join(parts))

    def checkin_block(
        self,
        root: str,
        c: CheckIn,
        show_target: bool = True,
        kr_titles: dict[str, Any] | None = None,
    ) -> Markup:
        """One check-in: date, what it is about, author, confidence, values, notes."""
        head = f'<time datetime="{c.date}">{c.date}</time>'
        if show_target:
            if c.objective and c.objective in self.S:
                target = (
                    f'<a href="{root}{escape(self.url("objective", c.objective))}">'
                    f"{escape(self.O[c.objective].title)}</a>"
                )
            elif c.kpi and c.kpi in self.scored.kpis:
                target = (
                    f'<a href="{root}{escape(self.url("kpi", c.kpi))}">'
                    f"{escape(self.scored.portfolio.kpis[c.kpi].title)}</a>"
                )
            else:
                target = str(escape(c.objective or c.kpi or ""))
            head += " · " + target
        meta = f"by {self.person_link(root, c.author)}" if c.author else ""
        if c.confidence is not None:
            meta += f" · confidence {fmt_number(c.confidence)}/10"
        parts = [
            f'<article class="checkin" id="{anchor("checkin", c.id)}">',
            f"  <h3>{head}</h3>",
            f'  <p class="meta">{meta}</p>',
        ]
        if c.values:
            items = []
            for k, v in c.values.items():
                kr = kr_titles.get(k) if kr_titles else None
                label = escape(kr.title) if kr is not None else escape(k)
                unit = f" {escape(kr.unit)}" if kr is not None and kr.unit else ""
                items.append(f"<li>{label}: <strong>{fmt_number(v)}</strong>{unit}</li>")
            parts.append(f'  <ul class="values">{"".join(items)}</ul>')
        if c.value is not None:
            parts.append(f"  <p>Value: <strong>{fmt_number(c.value)}</strong></p>")
        notes = self.checkin_html(c)
        if notes:
            parts.append(f'  <div class="prose">{notes}</div>')
        parts.append("</article>")
        return Markup("\n".join(parts))

    def ref_link(self, ref: str) -> tuple[str, str] | None:
        """(href, label) for an objective, ``objective#kr`` or KPI reference."""
        p = self.scored.portfolio
        oid, _, kr = ref.partition("#")
        if oid in p.objectives and oid in self.S:
            o = p.objectives[oid]
            if kr:
                k = o.key_result(kr)
                label = f"{o.title} — {k.title}" if k else f"{o.title} — {kr}"
                return self.url("objective", oid) + "#" + anchor("kr", kr), label
            return self.url("objective", oid), o.title
        if ref in p.kpis and ref in self.scored.kpis:
            return self.url("kpi", ref), p.kpis[ref].title
        return None

    def _globals(self) -> dict[str, Any]:
        return {
            "config": self.config,
            "site": self,
            "as_of": self.as_of,
            "version": __version__,
            "O": self.O,
            "S": self.S,
            "K": self.scored.portfolio.kpis,
            "KS": self.scored.kpis,
            "G": self.scored.portfolio.goals,
            "GS": self.scored.goals,
            "url": self.url,
            "pct": pct,
            "bar_pct": bar_pct,
            "num": fmt_number,
            "f2": f2,
            "grade_of": grade_of,
            "status_label": status_label,
            "ratio_text": ratio_text,
            "person_name": self.person_name,
            "team_name": self.team_name,
            "ref_link": self.ref_link,
            "checkin_html": self.checkin_html,
            "obj_item_html": self.obj_item,
            "nav_items_html": self.nav_items_html,
            "alignment_tree": self.alignment_tree,
            "checkin_block": self.checkin_block,
            "nav": self.nav,
            "bar": progress_bar,
            "status_badge": status_badge,
            "health_badge": health_badge,
            "grade_badge": grade_badge,
            "person_link": self.person_link,
            "team_link": self.team_link,
            "anchor": anchor,
            "badge_url": badge_url,
            "feed_id": quote(self.config.title, safe=""),
        }

    def _render(self, template: str, path: str, **ctx: Any) -> bytes:
        tpl = self.env.get_template(template)
        ctx["root"] = prefix(path)
        ctx["path"] = path
        return tpl.render(ctx).encode("utf-8")

    def sort_objs(self, ids: Iterable[str]) -> list[str]:
        return sorted(ids, key=lambda i: (self.O[i].title.casefold(), i))

    def summary(self, ids: Sequence[str]) -> dict[str, Any]:
        """Progress (weighted mean of counted objectives) and counts by status."""
        counts: dict[str, int] = {}
        total_w = acc = 0.0
        for i in ids:
            s = self.S[i]
            counts[s.status] = counts.get(s.status, 0) + 1
            o = self.O[i]
            if o.status in COUNTED:
                total_w += o.weight
                acc += o.weight * s.progress
        progress = acc / total_w if total_w else 0.0
        ordered = [(st, counts[st]) for st in STATUS_ORDER if st in counts]
        return {"progress": progress, "counts": ordered, "total": len(ids)}

    # ------------------------------------------------------------ pages
    def page_keys(self) -> list[PageKey]:
        """Every HTML page of the site, in a stable order."""
        p = self.scored.portfolio
        keys: list[PageKey] = [
            ("dashboard", ""),
            ("alignment", ""),
            ("kpi-tree", ""),
            ("teams", ""),
            ("people", ""),
            ("cycles", ""),
            ("tags", ""),
            ("goals", ""),
            ("checkins", ""),
            ("search", ""),
            ("404", ""),
        ]
        keys += [("objective", i) for i in self.obj_ids]
        keys += [("kpi", i) for i in self.kpi_ids]
        keys += [("goal", i) for i in self.goal_ids]
        keys += [("team", i) for i in self.team_ids]
        keys += [("person", i) for i in self.people_ids]
        keys += [("cycle", n) for n in self.cycle_names]
        keys += [("tag", t) for t in self.tags]
        keys += [("page", i) for i in sorted(p.pages)]
        return keys

    def render_pages(self, keys: Iterable[PageKey]) -> dict[str, bytes]:
        """Render the given pages (any subset of :meth:`page_keys`)."""
        out: dict[str, bytes] = {}
        handlers: dict[str, Callable[[str], tuple[str, bytes]]] = {
            "dashboard": self.page_dashboard,
            "alignment": self.page_alignment,
            "kpi-tree": self.page_kpi_tree,
            "teams": self.page_teams,
            "people": self.page_people,
            "cycles": self.page_cycles,
            "tags": self.page_tags,
            "goals": self.page_goals,
            "checkins": self.page_checkins,
            "search": self.page_search,
            "404": self.page_404,
            "objective": self.page_objective,
            "kpi": self.page_kpi,
            "goal": self.page_goal,
            "team": self.page_team,
            "person": self.page_person,
            "cycle": self.page_cycle,
            "tag": self.page_tag,
            "page": self.page_page,
        }
        for kind, ident in keys:
            path, data = handlers[kind](ident)
            out[path] = data
        return out

    def page_dashboard(self, _: str) -> tuple[str, bytes]:
        path = SUMMARY_FILES["dashboard"]
        cyc = self.current_cycle
        ids = self.by_cycle.get(cyc, []) if cyc else []
        in_cycle = set(ids)
        roots = [i for i in ids if self.O[i].parent_objective not in in_cycle]
        latest = self.checkins[-LATEST_CHECKINS:][::-1]
        stale = [i for i in ids if self.S[i].stale]
        return path, self._render(
            "dashboard.html",
            path,
            title=self.config.title,
            cycle=self.cycles.get(cyc) if cyc else None,
            summary=self.summary(ids),
            roots=self.sort_objs(roots),
            root_summary=self.summary(roots),
            stale=self.sort_objs(stale),
            latest=latest,
            kpi_ids=self.kpi_ids,
            cycle_names=self.cycle_names,
        )

    def page_alignment(self, _: str) -> tuple[str, bytes]:
        path = SUMMARY_FILES["alignment"]
        roots = [r for r in self.scored.roots if r in self.S]
        by_cycle: dict[str, list[str]] = defaultdict(list)
        for r in roots:
            by_cycle[self.O[r].cycle].append(r)
        order = [n for n in self.cycle_names if n in by_cycle][::-1]
        order += sorted(n for n in by_cycle if n not in self.cycles)
        groups = [(n, self.sort_objs(by_cycle[n])) for n in order]
        return path, self._render(
            "alignment.html",
            path,
            title="Alignment",
            groups=groups,
            children={k: self.sort_objs(v) for k, v in self.children.items() if v},
        )

    def page_kpi_tree(self, _: str) -> tuple[str, bytes]:
        path = SUMMARY_FILES["kpi-tree"]
        p = self.scored.portfolio
        drives_known = {
            k: [d for d in p.kpis[k].drives if d in self.scored.kpis] for k in self.kpi_ids
        }
        roots = [k for k in self.kpi_ids if not drives_known[k]]
        drivers = {
            k: sorted(d for d in self.scored.kpis[k].driven_by if d in self.scored.kpis)
            for k in self.kpi_ids
        }
        # a drives graph is a DAG (or worse): expand each KPI once, later
        # occurrences are plain links, so the page stays linear in size
        expanded: set[str] = set()

        def build(kid: str) -> dict[str, Any]:
            if kid in expanded:
                return {"id": kid, "children": [], "repeat": True}
            expanded.add(kid)
            return {"id": kid, "children": [build(d) for d in drivers[kid]], "repeat": False}

        tree = [build(r) for r in roots]
        tree += [build(k) for k in self.kpi_ids if k not in expanded]  # cycles
        return path, self._render(
            "kpi_tree.html",
            path,
            title="KPIs",
            tree=tree,
            kpi_ids=self.kpi_ids,
        )

    def page_teams(self, _: str) -> tuple[str, bytes]:
        path = SUMMARY_FILES["teams"]
        rows = [
            (t, self.team_name(t), self.summary(self.by_team.get(t, []))) for t in self.team_ids
        ]
        return path, self._render("teams.html", path, title="Teams", rows=rows)

    def page_people(self, _: str) -> tuple[str, bytes]:
        path = SUMMARY_FILES["people"]
        rows = [
            (pid, self.person_name(pid), self.summary(self.by_owner.get(pid, [])))
            for pid in self.people_ids
        ]
        rows.sort(key=lambda r: (r[1].casefold(), r[0]))
        return path, self._render("people.html", path, title="People", rows=rows)

    def page_cycles(self, _: str) -> tuple[str, bytes]:
        path = SUMMARY_FILES["cycles"]
        rows = [
            (self.cycles[n], self.summary(self.by_cycle.get(n, [])))
            for n in reversed(self.cycle_names)
        ]
        return path, self._render(
            "cycles.html", path, title="Cycles", rows=rows, current=self.current_cycle
        )

    def page_tags(self, _: str) -> tuple[str, bytes]:
        path = SUMMARY_FILES["tags"]
        rows = [
            (t, len(self.by_tag.get(t, [])) + len(self.goal_tags.get(t, []))) for t in self.tags
        ]
        return path, self._render("tags.html", path, title="Tags", rows=rows)

    def page_goals(self, _: str) -> tuple[str, bytes]:
        path = SUMMARY_FILES["goals"]
        return path, self._render("goals.html", path, title="SMART goals", goal_ids=self.goal_ids)

    def page_checkins(self, _: str) -> tuple[str, bytes]:
        path = SUMMARY_FILES["checkins"]
        shown = self.checkins[-CHECKINS_PAGE_LIMIT:][::-1]
        return path, self._render(
            "checkins.html",
            path,
            title="Check-ins",
            checkins=shown,
            total=len(self.checkins),
        )

    def page_search(self, _: str) -> tuple[str, bytes]:
        path = SUMMARY_FILES["search"]
        return path, self._render("search.html", path, title="Search")

    def page_404(self, _: str) -> tuple[str, bytes]:
        path = SUMMARY_FILES["404"]
        return path, self._render("404.html", path, title="Page not found")

    # -- objective
    def kr_points(self, o: Objective, kr: KeyResult) -> list[tuple[date, float]]:
        pts = [
            (c.date, c.values[kr.id])
            for c in self.checkins_by_obj.get(o.id, ())
            if kr.id in c.values
        ]
        if not pts and kr.kpi and kr.kpi in self.scored.kpis:
            pts = [(d, v) for d, v in self.scored.kpis[kr.kpi].series if d <= self.as_of]
        return pts

    def kr_row(self, o: Objective, kr: KeyResult, ks: KRScore | None) -> dict[str, Any]:
        unit = f" {kr.unit}" if kr.unit else ""
        current = ks.current if ks else None
        if kr.kind == "numeric":
            values = (
                f"{fmt_number(kr.start)} → {fmt_number(current)} → {fmt_number(kr.target)}{unit}"
            )
        elif kr.kind == "milestones":
            done = sum(1 for m in kr.milestones if m.done)
            values = f"{done} of {len(kr.milestones)} milestones"
        elif kr.kind == "boolean":
            values = "done" if kr.done else "not done"
        elif kr.kind in ("stay_above", "stay_below"):
            word = "above" if kr.kind == "stay_above" else "below"
            values = (
                f"stay {word} {fmt_number(kr.threshold)}{unit}, now {fmt_number(current)}{unit}"
            )
        else:
            n = len(self.kr_children.get(f"{o.id}#{kr.id}", ()))
            values = f"roll-up of {n} aligned objective{'s' * (n != 1)}"
        if kr.score is not None:
            values += f" (graded {f2(kr.score)})"
        pts = self.kr_points(o, kr) if kr.kind in ("numeric", "stay_above", "stay_below") else []
        spark = sparkline(
            pts,
            target=kr.target if kr.kind == "numeric" else kr.threshold,
            start=kr.start,
            unit=kr.unit,
            title=f"{kr.title}: values over check-ins",
        )
        progress = ks.progress if ks else 0.0
        return {
            "kr": kr,
            "ks": ks,
            "progress": progress,
            "status": ks.status if ks else kr.status,
            "display": values,
            "ratio": ratio_text(ks.ratio if ks else None),
            "spark": spark,
            "aligned": self.sort_objs(
                i for i in self.kr_children.get(f"{o.id}#{kr.id}", ()) if i in self.S
            ),
        }

    def kr_row_html(self, root: str, r: dict[str, Any]) -> Markup:
        """One row of an objective's key-result table (a ``kr_row``).

        Python rather than template code, like :meth:`obj_item`: objective
        pages are most of a large site, and this row is most of their markup.
        """
        kr: KeyResult = r["kr"]
        title = escape(kr.title)
        cell = str(title)
        if kr.weight != 1:
            cell += f' <span class="meta">weight {escape(fmt_number(kr.weight))}</span>'
        if kr.kpi and kr.kpi in self.scored.kpis:
            cell += (
                f' <span class="meta">from KPI <a href="{root}{escape(self.url("kpi", kr.kpi))}">'
                f"{escape(self.scored.portfolio.kpis[kr.kpi].title)}</a></span>"
            )
        if kr.milestones:
            items = "".join(
                f'<li>{"☑" if ms.done else "☐"} {escape(ms.title)}<span class="visually-hidden"> '
                f"({'done' if ms.done else 'not done'})</span></li>"
                for ms in kr.milestones
            )
            cell += f'<ul class="milestones">{items}</ul>'
        if r["aligned"]:
            items = "".join(
                f'<li><a href="{root}{escape(self.url("objective", i))}">{escape(self.O[i].title)}</a> '
                f"{pct(self.S[i].progress)}%</li>"
                for i in r["aligned"]
            )
            cell += f'<ul class="aligned">{items}</ul>'
        ratio = f' <span class="ratio">{escape(r["ratio"])}</span>' if r["ratio"] else ""
        spark = r["spark"] or '<span class="muted">–</span>'
        inactive = ' class="inactive"' if kr.status != "active" else ""
        return Markup(
            f'<tr id="{escape(anchor("kr", kr.id))}"{inactive}>\n'
            f'  <td data-label="Key result">{cell}  </td>\n'
            f'  <td data-label="Progress">{progress_bar(r["progress"], "Progress of " + kr.title)}'
            f"{ratio}</td>\n"
            f'  <td data-label="Values">{escape(r["display"])}</td>\n'
            f'  <td data-label="Status">{status_badge(r["status"])}</td>\n'
            f'  <td data-label="Check-ins">{spark}</td>\n'
            "</tr>\n"
        )

    def explain_line_html(self, root: str, line: dict[str, Any]) -> Markup:
        """One row of the "explain this score" table."""
        if "kr" in line:
            item = str(escape(line["kr"].title))
        else:
            child = line["child"]
            item = (
                f'<a href="{root}{escape(self.url("objective", child.id))}">'
                f"{escape(child.title)}</a>"
            )
        counted = "yes" if line["counted"] else "no (draft or dropped)"
        return Markup(
            f'<tr><td data-label="Item">{item}</td><td data-label="Computation">'
            f'{escape(line["formula"])}</td><td data-label="Weight">'
            f'{escape(fmt_number(line["weight"]))}</td><td data-label="Counted">{counted}</td></tr>\n'
        )

    def nav_items_html(self, root: str, path: str) -> Markup:
        """The main navigation's list items (on every page, so memoised)."""
        current = path if any(item.path == path for item in self.nav) else ""
        key = (root, current)
        hit = self._nav_cache.get(key)
        if hit is None:
            hit = self._nav_cache[key] = Markup(
                "\n".join(
                    f'      <li><a href="{escape(root)}{escape(item.path)}"'
                    f"{' aria-current=' + chr(34) + 'page' + chr(34) if item.path == current else ''}>"
                    f"{escape(item.title)}</a></li>"
                    for item in self.nav
                )
            )
        return hit

    def explain(self, o: Objective, s: ObjectiveScore) -> dict[str, Any]:
        """This objective's score as the formula with its own numbers."""
        settings = self.scored.settings
        lines: list[dict[str, Any]] = []
        terms: list[tuple[float, float]] = []
        for kr in o.key_results:
            ks = s.key_results.get(kr.id)
            if ks is None:
                continue
            formula = self._kr_formula(o, kr, ks)
            lines.append(
                {"kr": kr, "ks": ks, "formula": formula, "weight": kr.weight, "counted": ks.counted}
            )
            if ks.counted:
                terms.append((kr.weight, ks.progress))
        source = "key results"
        if not o.key_results:
            source = "aligned objectives"
            for cid in self.children.get(o.id, ()):
                cs, co = self.S.get(cid), self.O.get(cid)
                if cs is None or co is None or co.status not in COUNTED:
                    continue
                terms.append((co.weight, cs.progress))
                lines.append(
                    {
                        "child": co,
                        "cs": cs,
                        "formula": f"progress {f3(cs.progress)}",
                        "weight": co.weight,
                        "counted": True,
                    }
                )
        total_w = sum(w for w, _ in terms)
        if terms and total_w:
            num = " + ".join(f"{f3(w)} × {f3(p)}" for w, p in terms)
            mean = f"({num}) ÷ {f3(total_w)} = {f3(s.progress)}"
        else:
            mean = f"nothing counted: progress = {f3(s.progress)}"
        cyc = self.cycles.get(o.cycle)
        behind = s.expected - s.progress
        if s.status in ("dropped", "draft"):
            reason = f"The objective is {s.status}, so it counts nowhere."
        elif s.status == "upcoming":
            reason = f"The cycle has not started yet{f' (starts {cyc.start})' if cyc else ''}."
        elif s.status in ("achieved", "missed"):
            cmp = "≥" if s.status == "achieved" else "<"
            reason = (
                f"The cycle is over{f' (ended {cyc.end})' if cyc else ''}: progress {f3(s.progress)} "
                f"{cmp} success {f3(s.success)}, so {s.status}."
            )
        elif s.status == "done":
            reason = "Progress reached 1.0, so done."
        elif s.status == "on-track":
            reason = f"behind {f3(behind)} ≤ {f3(settings.on_track)}, so on track."
        elif s.status == "at-risk":
            reason = (
                f"behind {f3(behind)} > {f3(settings.on_track)} and ≤ {f3(settings.at_risk)}, "
                "so at risk."
            )
        else:
            reason = f"behind {f3(behind)} > {f3(settings.at_risk)}, so off track."
        return {
            "lines": lines,
            "source": source,
            "mean": mean,
            "elapsed": f3(s.elapsed),
            "success": f3(s.success),
            "expected": f"{f3(s.elapsed)} × {f3(s.success)} = {f3(s.expected)}",
            "behind": f"{f3(s.expected)} − {f3(s.progress)} = {f3(behind)}",
            "reason": reason,
            "cycle": cyc,
            "settings": settings,
        }

    def _kr_formula(self, o: Objective, kr: KeyResult, ks: KRScore) -> str:
        if kr.score is not None or ks.current_source == "score":
            return f"graded {f3(ks.progress)} (score set in the file overrides the measure)"
        if kr.kind == "numeric":
            if ks.current is None:
                return "no current value yet → 0"
            if kr.start is None or kr.target is None:
                return f"progress {f3(ks.progress)}"
            if kr.start == kr.target:
                return f"start = target = {fmt_number(kr.target)}, current {fmt_number(ks.current)} → {f3(ks.progress)}"
            raw = ks.ratio if ks.ratio is not None else ks.progress
            text = (
                f"({fmt_number(ks.current)} − {fmt_number(kr.start)}) ÷ "
                f"({fmt_number(kr.target)} − {fmt_number(kr.start)}) = {f3(raw)}"
            )
            if abs(raw - ks.progress) > 1e-9:
                text += f", clamped to {f3(ks.progress)}"
            return text
        if kr.kind == "milestones":
            done = sum(1 for m in kr.milestones if m.done)
            return f"{done} done ÷ {len(kr.milestones)} milestones = {f3(ks.progress)}"
        if kr.kind == "boolean":
            return f"{'done' if kr.done else 'not done'} → {f3(ks.progress)}"
        if kr.kind in ("stay_above", "stay_below"):
            op = "≥" if kr.kind == "stay_above" else "≤"
            holds = ks.progress >= 1.0
            return (
                f"current {fmt_number(ks.current)} {op} {fmt_number(kr.threshold)}"
                f" {'holds' if holds else 'does not hold'} → {f3(ks.progress)}"
            )
        kids = [i for i in self.kr_children.get(f"{o.id}#{kr.id}", ()) if i in self.S]
        parts = [f"{f3(self.O[i].weight)} × {f3(self.S[i].progress)}" for i in kids]
        if not parts:
            return f"no aligned objectives → {f3(ks.progress)}"
        return f"weighted mean of aligned objectives ({' + '.join(parts)}) = {f3(ks.progress)}"

    def breadcrumb(self, o: Objective) -> list[str]:
        chain: list[str] = []
        seen = {o.id}
        cur = o.parent_objective
        while cur and cur in self.S and cur not in seen:
            chain.append(cur)
            seen.add(cur)
            cur = self.O[cur].parent_objective
        return chain[::-1]

    def edit_url(self, file: str) -> str | None:
        repo = self.config.repo_url
        if not repo or not is_safe_url(repo):
            return None
        return f"{repo.rstrip('/')}/edit/{self.config.edit_branch}/{file}"

    def page_objective(self, oid: str) -> tuple[str, bytes]:
        path = page_path("objective", oid)
        root = prefix(path)
        o, s = self.O[oid], self.S[oid]
        rows = [self.kr_row(o, kr, s.key_results.get(kr.id)) for kr in o.key_results]
        for r in rows:
            r["html"] = self.kr_row_html(root, r)
        explained = self.explain(o, s)
        for line in explained["lines"]:
            line["html"] = self.explain_line_html(root, line)
        cis = self.checkins_by_obj.get(oid, [])
        kr_titles = {kr.id: kr for kr in o.key_results}
        history = ""
        if len(s.history) >= 2:
            history = line_chart(
                [(d, round(v * 100, 1)) for d, v in s.history],
                target=100.0,
                unit="%",
                title="Progress over check-ins",
                height=200,
            )
        initiatives = [
            (i, i.link if i.link and is_safe_url(i.link) else None) for i in o.initiatives
        ]
        return path, self._render(
            "objective.html",
            path,
            title=o.title,
            o=o,
            s=s,
            rows=rows,
            crumbs=self.breadcrumb(o),
            direct=self.sort_objs(self.direct_children.get(oid, [])),
            supports=[(ref, self.ref_link(ref)) for ref in o.supports],
            supported_by=sorted(set(self.supported_by.get(oid, []))),
            goals=sorted(set(self.goals_supporting.get(oid, []))),
            initiatives=initiatives,
            checkins=cis[::-1],
            kr_titles=kr_titles,
            body=self.markdown(o.body),
            explain=explained,
            history=history,
            history_table=[(d, pct(v)) for d, v in s.history],
            edit=self.edit_url(o.file),
            cycle=self.cycles.get(o.cycle),
            timeline=timeline("objective", oid, self.history, self.scored, self.config),
        )

    # -- KPI
    def page_kpi(self, kid: str) -> tuple[str, bytes]:
        path = page_path("kpi", kid)
        k: KPI = self.scored.portfolio.kpis[kid]
        ks: KPIScore = self.scored.kpis[kid]
        series = [(d, v) for d, v in ks.series if d <= self.as_of]
        chart = line_chart(
            series,
            target=k.target,
            green=k.green,
            red=k.red,
            direction=k.direction,
            unit=k.unit,
            title=k.title,
        )
        targeted = []
        for ref in ks.targeted_by:
            link = self.ref_link(ref)
            if link:
                oid, _, kr = ref.partition("#")
                ksr = self.S[oid].key_results.get(kr) if kr else None
                targeted.append((link, ksr.progress if ksr else self.S[oid].progress))
        drives = [d for d in k.drives if d in self.scored.kpis]
        driven_by = [d for d in ks.driven_by if d in self.scored.kpis]
        return path, self._render(
            "kpi.html",
            path,
            title=k.title,
            k=k,
            ks=ks,
            chart=chart,
            series=series,
            targeted=targeted,
            drives=drives,
            driven_by=driven_by,
            goals=sorted(set(self.goals_supporting.get(kid, []))),
            supported_by=sorted(set(self.supported_by.get(kid, []))),
            body=self.markdown(k.body),
            edit=self.edit_url(k.file),
            timeline=timeline("kpi", kid, self.history, self.scored, self.config),
        )

    # -- goal
    def page_goal(self, gid: str) -> tuple[str, bytes]:
        path = page_path("goal", gid)
        g = self.scored.portfolio.goals[gid]
        return path, self._render(
            "goal.html",
            path,
            title=g.title,
            g=g,
            gs=self.scored.goals[gid],
            supports=self.ref_link(g.supports) if g.supports else None,
            body=self.markdown(g.body),
            edit=self.edit_url(g.file),
            cycle=self.cycles.get(g.cycle) if g.cycle else None,
        )

    def page_team(self, tid: str) -> tuple[str, bytes]:
        path = page_path("team", tid)
        p = self.scored.portfolio
        team = p.teams.get(tid)
        ids = self.sort_objs(self.by_team.get(tid, []))
        return path, self._render(
            "team.html",
            path,
            title=self.team_name(tid),
            tid=tid,
            team=team,
            ids=ids,
            summary=self.summary(ids),
            members=sorted(x for x, person in p.people.items() if person.team == tid),
            subteams=sorted(x for x, t in p.teams.items() if t.parent == tid),
            kpi_ids=[k for k in self.kpi_ids if p.kpis[k].team == tid],
            goal_ids=[g for g in self.goal_ids if p.goals[g].team == tid],
            body=self.markdown(team.body) if team else "",
        )

    def page_person(self, pid: str) -> tuple[str, bytes]:
        path = page_path("person", pid)
        p = self.scored.portfolio
        person = p.people.get(pid)
        ids = self.sort_objs(self.by_owner.get(pid, []))
        return path, self._render(
            "person.html",
            path,
            title=self.person_name(pid),
            pid=pid,
            person=person,
            ids=ids,
            summary=self.summary(ids),
            kpi_ids=[k for k in self.kpi_ids if p.kpis[k].owner == pid],
            goal_ids=[g for g in self.goal_ids if p.goals[g].owner == pid],
            checkins=self.checkins_by_author.get(pid, [])[-PERSON_CHECKINS:][::-1],
            body=self.markdown(person.body) if person else "",
        )

    def page_cycle(self, name: str) -> tuple[str, bytes]:
        path = page_path("cycle", name)
        ids = self.sort_objs(self.by_cycle.get(name, []))
        cyc = self.cycles[name]
        return path, self._render(
            "cycle.html",
            path,
            title=f"Cycle {cyc.title or name}",
            cyc=cyc,
            ids=ids,
            summary=self.summary(ids),
            goal_ids=[g for g in self.goal_ids if self.scored.portfolio.goals[g].cycle == name],
        )

    def page_tag(self, tag: str) -> tuple[str, bytes]:
        path = page_path("tag", tag)
        ids = self.sort_objs(self.by_tag.get(tag, []))
        return path, self._render(
            "tag.html",
            path,
            title=f"Tag: {tag}",
            tag=tag,
            ids=ids,
            summary=self.summary(ids),
            goal_ids=self.goal_tags.get(tag, []),
        )

    def page_page(self, pid: str) -> tuple[str, bytes]:
        path = page_path("page", pid)
        page = self.scored.portfolio.pages[pid]
        return path, self._render(
            "page.html",
            path,
            title=page.title,
            page=page,
            body=self.markdown(page.body),
            edit=self.edit_url(page.file),
        )

    # ------------------------------------------------------------ assets
    def render_assets(self, badges_for: Iterable[str] | None = None) -> dict[str, bytes]:
        """Site-wide non-page files: static, exports, search index, feed, badges.

        ``badges_for`` limits the per-objective badges to those objectives (the
        preview re-renders only badges whose objective changed).
        """
        out = dict(self.theme.static_files())
        scored = self.scored
        pieces = [self.export_pieces(oid) for oid in scored.portfolio.objectives]
        rest = kpi_and_goal_records(scored)
        out["api/portfolio.json"] = json_text_from_lines(
            scored.as_of.isoformat(),
            f"okrsite {__version__}",
            {
                "objectives": [p[0] for p in pieces],
                "kpis": [json_line(x) for x in rest["kpis"]],
                "goals": [json_line(x) for x in rest["goals"]],
            },
        ).encode("utf-8")
        out["api/objectives.csv"] = self.objectives_csv()
        out["api/key-results.csv"] = (
            _csv_text([CSV_COLUMNS]) + "".join(p[1] for p in pieces)
        ).encode("utf-8")
        data = self.search_index_json()
        out["search-index.json"] = data.encode("utf-8")
        # a script, not fetch(): fetch of a local file fails under file://
        js_data = data.replace("</", "<\\/")
        out["search-index.js"] = f"window.OKRSITE_SEARCH_INDEX = {js_data};\n".encode()
        out["checkins.xml"] = self._render_feed()
        if self.history is not None:
            out[HISTORY_JSON] = history_json(self.history, scored, self.config)
        for oid in self.obj_ids if badges_for is None else sorted(set(badges_for) & set(self.S)):
            s = self.S[oid]
            out[badge_path(oid)] = progress_badge(oid, s.progress, s.status).encode("utf-8")
        return out

    def _render_feed(self) -> bytes:
        entries = self.checkins[-FEED_LIMIT:][::-1]
        updated = entries[0].date if entries else self.as_of
        tpl = self.env.get_template("checkins.xml")
        origins = checkin_origins(entries, self.history, self.config)
        return tpl.render(
            root="", path="checkins.xml", entries=entries, updated=updated, origins=origins
        ).encode("utf-8")

    def export_pieces(self, oid: str) -> tuple[str, str, str, str]:
        """This objective's line of portfolio.json, its rows of both CSVs and its
        search-index entry (memoised: see :class:`RenderMemo`)."""
        hit = self.memo.exports.get(oid)
        if hit is not None:
            return hit
        record = objective_record(self.scored, oid)
        o, s = self.O[oid], self.S[oid]
        row = [
            o.id,
            _csv_safe(o.title),
            o.cycle,
            o.owner or "",
            o.team or "",
            o.parent or "",
            o.commitment,
            s.status,
            _csv_num(s.progress),
            _csv_num(s.expected),
            s.grade,
            "true" if s.stale else "false",
            _csv_num(s.confidence),
            _csv_num(s.forecast),
            s.last_checkin.isoformat() if s.last_checkin else "",
        ]
        entry = json.dumps(self.search_entry(oid), ensure_ascii=False, separators=(",", ":"))
        pieces = (json_line(record), _csv_text(csv_rows(record)), _csv_text([row]), entry)
        self.memo.exports[oid] = pieces
        return pieces

    def objectives_csv(self) -> bytes:
        """``api/objectives.csv``: one row per objective."""
        return (
            _csv_text([OBJECTIVES_CSV_COLUMNS])
            + "".join(self.export_pieces(oid)[2] for oid in self.obj_ids)
        ).encode("utf-8")

    def search_entry(self, oid: str) -> dict[str, Any]:
        o, s = self.O[oid], self.S[oid]
        return {
            "k": "objective",
            "t": o.title,
            "u": self.url("objective", oid),
            "o": self.person_name(o.owner),
            "m": self.team_name(o.team),
            "c": o.cycle,
            "p": pct(s.progress),
            "s": s.status,
        }

    def search_index_json(self) -> str:
        """``search-index.json``: objectives, KPIs, goals, people and teams with
        what search matches on (objective entries come from :meth:`export_pieces`)."""
        entries = [self.export_pieces(oid)[3] for oid in self.obj_ids]
        entries += [
            json.dumps(x, ensure_ascii=False, separators=(",", ":"))
            for x in self._other_search_items()
        ]
        generator = json.dumps(f"okrsite {__version__}", ensure_ascii=False)
        as_of = json.dumps(self.as_of.isoformat())
        return f'{{"generator":{generator},"as_of":{as_of},"items":[{",".join(entries)}]}}'

    def _other_search_items(self) -> list[dict[str, Any]]:
        """Search entries of KPIs, goals, people and teams."""
        p = self.scored.portfolio
        items: list[dict[str, Any]] = []
        for kid in self.kpi_ids:
            k = p.kpis[kid]
            items.append(
                {
                    "k": "kpi",
                    "t": k.title,
                    "u": self.url("kpi", kid),
                    "o": self.person_name(k.owner),
                    "m": self.team_name(k.team),
                    "s": self.scored.kpis[kid].health,
                }
            )
        for gid in self.goal_ids:
            g = p.goals[gid]
            items.append(
                {
                    "k": "goal",
                    "t": g.title,
                    "u": self.url("goal", gid),
                    "o": self.person_name(g.owner),
                    "m": self.team_name(g.team),
                    "p": pct(self.scored.goals[gid].progress),
                }
            )
        for pid in self.people_ids:
            person = p.people.get(pid)
            items.append(
                {
                    "k": "person",
                    "t": self.person_name(pid),
                    "u": self.url("person", pid),
                    "o": pid,
                    "m": self.team_name(person.team) if person else "",
                }
            )
        for tid in self.team_ids:
            items.append(
                {
                    "k": "team",
                    "t": self.team_name(tid),
                    "u": self.url("team", tid),
                    "o": "",
                    "m": tid,
                }
            )
        return items


def _csv_text(rows: Iterable[Sequence[Any]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def _csv_num(value: float | None) -> str:
    return "" if value is None else repr(round(value, 6))


def _csv_safe(text: str) -> str:
    """Defuse spreadsheet formulas: a title starting with = + - @ is prefixed with '."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _render_chunk(keys: Sequence[PageKey]) -> dict[str, bytes]:
    assert _FORK_RENDERER is not None
    return _FORK_RENDERER.render_pages(keys)


_FORK_RENDERER: SiteRenderer | None = None


def render_site(
    scored: ScoredPortfolio,
    config: SiteConfig,
    site_root: Path | None = None,
    *,
    jobs: int = 1,
    history: SiteHistory | None = None,
) -> dict[str, bytes]:
    """Every file of the site as ``{relative posix path: bytes}``.

    ``history`` (read by :mod:`okrsite.history`) adds the timelines to
    objective and KPI pages and writes ``api/history.json``.

    ``jobs > 1`` renders pages in that many forked processes (POSIX only;
    falls back to one process elsewhere). Output is identical either way.
    """
    site = SiteRenderer(scored, config, site_root)
    site.history = history
    keys = site.page_keys()
    # rendering allocates millions of short-lived strings but no reference
    # cycles worth collecting; the cyclic GC would repeatedly walk the whole
    # portfolio for nothing (and, after fork, touch every page of it)
    with paused_gc():
        return _render_all(site, keys, jobs)


def _render_all(site: SiteRenderer, keys: list[PageKey], jobs: int) -> dict[str, bytes]:
    out = site.render_assets()
    if jobs > 1 and len(keys) > 200 and hasattr(os, "fork"):
        import multiprocessing

        global _FORK_RENDERER
        _FORK_RENDERER = site
        gc.freeze()  # keep the shared heap out of the children's GC: no copy-on-write
        try:
            ctx = multiprocessing.get_context("fork")
            chunks = [keys[i::jobs] for i in range(jobs)]
            with ctx.Pool(jobs) as pool:
                for part in pool.map(_render_chunk, chunks):
                    out.update(part)
        finally:
            _FORK_RENDERER = None
            gc.unfreeze()
    else:
        out.update(site.render_pages(keys))
    return dict(sorted(out.items()))
