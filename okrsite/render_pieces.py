"""The memoised pieces of pages: what many pages show, rendered once per render.

A large site repeats a few pieces on page after page: the navigation, an
objective's list item and alignment-tree node, bodies' and check-in notes'
HTML. :class:`RenderPieces`, a base class of
:class:`okrsite.render.SiteRenderer`, renders each piece once and hands it
back (with what it read, :mod:`okrsite.dependencies`, replayed on every
reuse so a page depends on what its pieces read). Its methods are the
renderer's own, called hundreds of thousands of times on a large site. A
check-in's block is here too, though drawn on every call: no two pages
draw one alike (:meth:`RenderPieces.checkin_block`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from markupsafe import Markup

from okrsite.markdown import NOTE_TOP, name_tables
from okrsite.md_links import needs_rewrite, rewrite_links
from okrsite.model import CheckIn
from okrsite.urls import SUMMARY_FILES, page_path
from okrsite.view.view_model import CheckinView, NavItem

if TYPE_CHECKING:
    from okrsite.dependencies import Recorder
    from okrsite.kept_pieces import KeptPieces
    from okrsite.markdown import Render
    from okrsite.model import ScoredPortfolio
    from okrsite.table_words import TableWords
    from okrsite.translations import Language
    from okrsite.view.partials import Partials, RenderMemo
    from okrsite.view.site_index import SiteIndex
    from okrsite.view.view_model import ViewModel

__all__ = ["RenderPieces"]

#: a heading markdown-it made (a note's headings have no attributes); raw
#: HTML's are never shifted, so a note without one reads the same at any depth
_NOTE_HEADING = re.compile(r"<h[1-6]>")


#: free pages the navigation lists (by ``order``); with more, it ends in a
#: link to ``pages/index.html``, which lists them all: a nav on every page
#: listing every page would make the output grow with their square
NAV_PAGES = 20


#: the navigation entry each folder of the site belongs to: a record's page
#: (``teams/support/index.html``) is in the section of the page listing its
#: kind; objectives are listed by the alignment tree, free pages not in the
#: navigation by "More pages", the objectives that need attention by the dashboard
_SECTION_OF_FOLDER = {
    "objectives": SUMMARY_FILES["alignment"],
    "kpis": SUMMARY_FILES["kpi-tree"],
    "goals": SUMMARY_FILES["goals"],
    "teams": SUMMARY_FILES["teams"],
    "people": SUMMARY_FILES["people"],
    "cycles": SUMMARY_FILES["cycles"],
    "checkins": SUMMARY_FILES["checkins"],
    "pages": SUMMARY_FILES["pages"],
    # every objective that needs attention: the dashboard lists the first few
    "attention": SUMMARY_FILES["dashboard"],
}


def nav_section(path: str, paths: set[str]) -> str:
    """The path of the navigation entry (one of ``paths``) whose section the
    page at ``path`` is in: the page itself where it is an entry, else the
    entry listing its kind (a team's page: Teams), else ``""`` (the search
    page, a tag's page, a free page when every free page is an entry)."""
    if path in paths:
        return path
    folder = path.partition("/")[0]
    section = _SECTION_OF_FOLDER.get(folder, "")
    return section if section in paths else ""


class RenderPieces:
    """The memoised pieces of :class:`okrsite.render.SiteRenderer` (a base
    class of it: its attributes are the renderer's, set up there)."""

    recorder: Recorder
    scored: ScoredPortfolio
    index: SiteIndex
    view: ViewModel
    memo: RenderMemo
    partial: Partials
    gettext: Callable[[str], str]
    nav: list[NavItem]
    kept_markdown: KeptPieces | None
    language: Language
    _markdown: Callable[[str], str]
    _notes_markdown: Render
    table_words: TableWords
    _nav_cache: dict[tuple[str, str], Markup]

    def forget_chunk_pieces(self) -> None:
        """Drop the pieces a render worker keeps only within a chunk of pages:
        a check-in's view and its notes' HTML show on a page or two, mostly
        in the same chunk, and at 10,000 objectives keeping all of them made
        each worker hold 40,000 of them to the end."""
        self.memo.markdown.clear()
        self.view.forget_checkins()
        if self.partial.timelines is not None:
            self.partial.timelines.flush()
        if self.kept_markdown is not None:
            self.kept_markdown.flush()

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
        listed = self.index.page_ids[:NAV_PAGES]
        items += [NavItem(portfolio.pages[i].title, page_path("page", i)) for i in listed]
        if len(self.index.page_ids) > NAV_PAGES:
            items.append(NavItem(_("More pages"), SUMMARY_FILES["pages"]))
        return items

    def markdown(self, text: str) -> str:
        """A body's HTML: from the kept bodies when okrsite build holds the cache."""
        kept = self.kept_markdown
        if kept is None or not text:
            return self._markdown(text)
        return kept.text("markdown", text, lambda: self._markdown(text))

    def body(self, text: str, file: str, path: str) -> str:
        """The body of the record in ``file`` as HTML on its page at ``path``:
        :meth:`markdown`, its links to goal files made links to their pages and
        its links to ``static/`` files links to their copies, for the page
        (:mod:`okrsite.md_links`; after the kept HTML, which serves any page)."""
        fragment = self.markdown(text)
        if not needs_rewrite(fragment):
            return fragment
        return rewrite_links(fragment, file, path, self.index.page_of_file)

    def checkin_notes(self, c: CheckIn, top: int = NOTE_TOP, root: str = "") -> str:
        """A check-in's notes as HTML, their highest heading at level ``top``,
        their links written for a page whose ``../`` chain to the site's root
        is ``root`` (memoised by text: notes repeat across pages).

        A note is rendered at the default depth first; one with no heading
        reads the same at every depth and is that HTML wherever it shows, one
        with headings is kept once more per other depth, under its text and
        the depth (a key no note's text is: it ends in NUL and a digit). Its
        links to goal files and ``static/`` files are resolved from the
        check-in's file (:func:`okrsite.md_links.rewrite_links`), kept once
        more per file and ``root`` where there are such links."""
        memo = self.memo.markdown
        # a note with footnotes has ids of its own check-in (fn-checkin-…-1),
        # so it is kept under its text and the check-in's anchor
        doc_id = self.view.anchors.checkin(c.id)
        text_key = f"{c.body}\x00#{doc_id}" if "[^" in c.body else c.body
        cached = memo.get(text_key)
        if cached is None:
            cached = memo[text_key] = self._notes_markdown(c.body, NOTE_TOP, doc_id)
        if top != NOTE_TOP and _NOTE_HEADING.search(cached):
            key = f"{text_key}\x00{top}"
            deeper = memo.get(key)
            if deeper is None:
                deeper = memo[key] = self._notes_markdown(c.body, top, doc_id)
            cached = deeper
        if not needs_rewrite(cached):
            return cached
        key = f"{text_key}\x00{top}\x00{c.file}\x00{root}"
        linked = memo.get(key)
        if linked is None:
            page_of_file = self.index.page_of_file
            linked = memo[key] = rewrite_links(cached, c.file, "", page_of_file, up=root)
        return linked

    def nav_items(self, root: str, path: str) -> Markup:
        """partials/nav.html for a page (on every page, so memoised per link
        prefix): ``current`` is the page's path where it is a navigation entry
        itself, ``section`` the path of the entry whose section the page is in
        (:func:`nav_section`), so a theme can mark Teams on a team's page."""
        paths = {item.path for item in self.nav}
        current = path if path in paths else ""
        section = nav_section(path, paths)
        # current is "" or the section itself: one string tells them apart (a
        # NUL stands in no path)
        key = (root, current or f"\x00{section}")
        hit = self._nav_cache.get(key)
        if hit is None:
            hit = self._nav_cache[key] = self.partial(
                "nav.html", root=root, items=self.nav, current=current, section=section
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
                    "alignment_node.html",
                    root=root,
                    item=self.view.objective(oid),
                    via=self.view.aligned_via(oid),
                )
            )
        else:
            self.recorder.replay(hit[1])
        return hit[0]

    def checkin_block(
        self, root: str, c: CheckIn, show_target: bool = True, level: int = 3
    ) -> Markup:
        """partials/checkin.html for one check-in.

        ``level`` is its heading's: 3 under a page's "Check-ins" ``<h2>``, 2
        where the check-ins stand straight under the ``<h1>`` (the check-ins
        page), so no heading level is skipped.

        Drawn anew on every call, not memoised: no two pages draw a check-in
        with the same link prefix, ``show_target`` and level (its objective's
        or KPI's page, its author's, the check-ins page), so a memo of
        blocks never hit (40,000 check-ins, 80,200 blocks, no hit in a
        build of 10,000 objectives) and only cost its keys, a capture of
        what each block read and the memory of the blocks to the end of
        each chunk. What drawing it reads is recorded into the page's
        dependencies as it is read."""
        return self.partial(
            "checkin.html",
            root=root,
            checkin=self._checkin_at(c, level, root, show_target),
            show_target=show_target,
            level=level,
        )

    def _checkin_at(
        self, c: CheckIn, level: int, root: str, show_target: bool = True
    ) -> CheckinView:
        """A check-in's view with its notes' headings one level below its own
        ``<h{level}>`` and their links written for a page at ``root``: the
        view keeps them at the default depth, for a check-in heading of
        ``NOTE_TOP - 1``, and links for the site's root. Their tables' labels
        name the check-in (its date and time, and what it is about where the
        block says so), so two notes' tables on a page are not regions of
        one name (:func:`okrsite.markdown.name_tables`)."""
        view = self.view.checkin(c)
        if not view.notes:
            return view
        notes = view.notes
        if not (level + 1 == NOTE_TOP and not root):
            notes = Markup(self.checkin_notes(c, level + 1, root))
        if 'class="md-table"' in notes:
            # the date as the check-in's heading shows it (20.11.2026 in German)
            target = ""
            if show_target and (view.target or view.target_id):
                target = view.target.name if view.target else view.target_id
            words = self.table_words
            # the time as the heading writes it, 09:15 (UTC+02:00)
            when = self.language.clock(view.time, view.zone)
            context = words.checkin(self.language.day(view.date), when, target)
            notes = Markup(name_tables(notes, context, words))
        return view if notes == view.notes else replace(view, notes=notes)
