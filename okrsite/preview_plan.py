"""What a save can have affected: the pages and badges the preview renders again.

After a save the preview compares what the last published render read
(:class:`RenderedState`) with what the new portfolio holds
(:mod:`okrsite.dependencies`) and renders only the pages whose reads it
changed, the pages open in a browser first (:class:`RenderJob`).
:class:`PreviewPlan`, a base class of :class:`okrsite.preview.Preview`,
holds that planning, and reads the git history again when HEAD moved.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from okrsite.build import default_jobs
from okrsite.dependencies import EVERY, Dep, changed_keys
from okrsite.history import HistoryReader, SiteHistory, current_records, with_repo_folder
from okrsite.pipeline import LoadResult
from okrsite.preview_timelines import timelines_moved
from okrsite.render import PageKey, RenderMemo, SiteRenderer
from okrsite.render_assets import badge_path
from okrsite.render_plan import pages_to_render
from okrsite.urls import page_file

if TYPE_CHECKING:
    from okrsite.server import PreviewServer

__all__ = ["PreviewPlan", "RenderJob", "RenderedState"]


@dataclass
class RenderJob:
    """One rebuild's rendering: pages to render first (those open in a browser),
    the rest, the badges to redo (``None``: all), and whether that is every page."""

    site: SiteRenderer
    first: list[PageKey]
    rest: list[PageKey]
    badges_for: list[str] | None
    complete: bool

    def keep(self) -> set[str] | None:
        """The pages and badges the site has, which an incremental render keeps
        (it removes any other file); ``None`` for a complete render.

        Asked for only once the pages in view are on screen: listing every
        page of a large site takes a while.
        """
        if self.complete:
            return None
        site = self.site
        expected = {page_file(k) for k in site.page_keys()}
        expected.update(badge_path(oid) for oid in site.index.objective_ids)
        return expected


@dataclass
class RenderedState:
    """What the last published render read: compared with the next one."""

    collections: dict[str, Any]
    state: tuple[Any, ...]
    page_deps: dict[PageKey, frozenset[Dep]]


class PreviewPlan:
    """The planning side of :class:`okrsite.preview.Preview` (a base class of
    it: its attributes are the preview's, set up there)."""

    site_root: Path
    server: PreviewServer
    memo: RenderMemo
    previous: LoadResult | None
    full_next: bool
    rendered: RenderedState | None
    history_reader: HistoryReader | None
    history: SiteHistory | None

    def remember(self, job: RenderJob) -> None:
        """What this (published) render read, for the next rebuild to compare."""
        site = job.site
        page_deps = dict(self.rendered.page_deps) if self.rendered and not job.complete else {}
        page_deps.update(site.page_deps)
        keys = set(site.page_keys())
        self.rendered = RenderedState(
            site.recorder.collections,
            site.global_state(),
            {k: v for k, v in page_deps.items() if k in keys},
        )

    def plan(self, load: LoadResult) -> RenderJob:
        """What the change can have affected, pages in view first.

        The pages to render again are those whose recorded dependencies
        (:mod:`okrsite.dependencies`) meet what changed since the last
        published render, plus new pages; everything when what no dependency
        key holds changed (settings, as_of, cycles, templates). After HEAD
        moved, the pages whose own timeline changed
        (:mod:`okrsite.preview_timelines`) and those that read the history
        as a whole.
        """
        from okrsite.theme import load_theme

        # A fresh environment per rebuild (templates see this rebuild's data);
        # compiled template code is kept in memory (okrsite.compiled_templates).
        theme = load_theme(load.config.theme, self.site_root)
        prev = self.previous
        before = self.history
        history = self.read_history(load)
        moved, self.history = history is not before, history
        assert self.history_reader is not None
        config = with_repo_folder(load.config, self.site_root, self.history_reader)
        site = SiteRenderer(
            load.scored, config, self.site_root, theme=theme, memo=self.memo, history=history
        )
        state = site.global_state()
        incremental = (
            prev is not None
            and not self.full_next
            and prev.config == load.config
            and self.rendered is not None
            and self.rendered.state == state
        )
        if not incremental or self.rendered is None:
            self.memo.clear()
            # the whole site: everything is published together
            return RenderJob(site, [], site.page_keys(), None, True)
        changed = changed_keys(self.rendered.collections, site.recorder.collections)
        if moved:  # HEAD moved: the pages whose own timeline it changed
            assert prev is not None
            changed |= timelines_moved(
                self.rendered.page_deps, (before, prev.scored), (history, load.scored), config
            )
        self.memo.forget(changed)
        keys = pages_to_render(site, self.rendered.page_deps, changed)
        in_view = set(self.server.pages_in_view())
        first: list[PageKey] = []
        rest: list[PageKey] = []
        for key in keys:
            (first if page_file(key) in in_view else rest).append(key)
        badges = sorted(
            key for name, key in changed if name == "scored.objectives" and key != EVERY
        )
        return RenderJob(site, first, rest, badges, False)

    def read_history(self, load: LoadResult) -> SiteHistory:
        """The site's history, read again only when HEAD moved (new commits only).

        A new commit touches no source file; :meth:`watch_git` notices it and
        rebuilds, which renders the pages whose timeline it changed.
        """
        reader = self.history_reader
        if reader is None or reader.config != load.config:
            reader = HistoryReader(
                self.site_root, load.config, load.scored.portfolio.cycles, default_jobs()
            )
            self.history_reader = reader
        return reader.read(current_records(load.scored.portfolio))
