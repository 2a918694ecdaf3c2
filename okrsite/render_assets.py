"""The site's files that are not pages: exports, search index, feed, badges, history.

The data exports, the search index, the check-ins feed, each objective's
badge, ``api/history.json`` and the theme's static files:
:meth:`SiteAssets.render_assets` renders them all, apart from the pages
(``okrsite build`` and the preview, once per build). :class:`SiteAssets` is
a base class of :class:`okrsite.render.SiteRenderer`.
The per-objective pieces of these files (an objective's badge, its entry of
``api/history.json``) are memoised with what they read, like the pages'
pieces (:mod:`okrsite.render_pieces`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from okrsite.changes import overruled_readings
from okrsite.cycle_export import cycle_export_files
from okrsite.export_shares import SharesOf
from okrsite.feed_titles import titled_with_time
from okrsite.scoring import counts_in_rollup
from okrsite.urls import safe_path
from okrsite.view.chart_geometry import progress_badge
from okrsite.view.exports import data_files, export_pieces
from okrsite.view.figure_sources import checkin_origins
from okrsite.view.formatting import atom_time
from okrsite.view.history_json import (
    HISTORY_JSON,
    history_json,
    history_json_rest,
    objective_history_json,
)
from okrsite.view.review import feed_moves
from okrsite.view.search import search_files

if TYPE_CHECKING:
    from datetime import date

    from jinja2 import Environment

    from okrsite.config import SiteConfig
    from okrsite.dependencies import Recorder
    from okrsite.history import SiteHistory
    from okrsite.model import ScoredPortfolio
    from okrsite.scorecard import Scorecard
    from okrsite.theme import Theme
    from okrsite.translations import Language
    from okrsite.view.partials import Partials, RenderMemo
    from okrsite.view.site_index import SiteIndex
    from okrsite.view.view_model import ViewModel

__all__ = ["FEED_LIMIT", "SiteAssets", "badge_path"]

FEED_LIMIT = 50


#: :data:`okrsite.render.PAGE_NOTE` (that module imports this one): the
#: attribute an error carries the file it was rendering in
_PAGE_NOTE = "okrsite_page"


def badge_path(oid: str) -> str:
    return f"badges/{safe_path(oid)}.svg"


class SiteAssets:
    """The site-wide files of :class:`okrsite.render.SiteRenderer` (a base
    class of it: its attributes are the renderer's, set up there)."""

    recorder: Recorder
    scored: ScoredPortfolio
    config: SiteConfig
    as_of: date
    theme: Theme
    language: Language
    env: Environment
    index: SiteIndex
    view: ViewModel
    memo: RenderMemo
    partial: Partials
    streaks: dict[str, Any]
    _history_view: SiteHistory | None
    gettext: Callable[[str], str]
    _percent: Callable[[float | None], str]
    _percent_at: Callable[[float | None, int], str]

    if TYPE_CHECKING:  # the renderer's own (okrsite.render, okrsite.render_globals)

        @property
        def history(self) -> SiteHistory | None: ...

        def scorecard(self, cycle: str) -> Scorecard: ...

        def status_word(self, status: str) -> str: ...

    def render_assets(self, badges_for: Iterable[str] | None = None) -> dict[str, bytes]:
        """Site-wide non-page files: static, exports, search index, feed, badges.

        ``badges_for`` limits the per-objective badges to those objectives (the
        preview re-renders only badges whose objective changed).
        """
        out = dict(self.theme.static_files(self.config))
        # each objective's written shares worked out once, for
        # api/portfolio.json, both CSVs and its cycle's files
        shares_of = SharesOf(self.scored.settings)
        out.update(data_files(self.view, self.memo, shares_of))
        out.update(search_files(self.view, lambda oid: export_pieces(self.view, self.memo, oid)[3]))
        out["checkins.xml"] = self._render_feed()
        out.update(cycle_export_files(self.scored, self.scorecard, shares_of))
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
        value = self.status_word(score.status)
        if counts_in_rollup(self.view.objectives[oid]):
            # a draft or dropped one counts nowhere: its status and no
            # figure, as the pages show it (ObjectiveView.counted)
            # with the decimals its page writes it with beside expected
            # (ObjectiveView.pace_places): "34.97% at risk", never "35%"
            places = self.view.objective(oid).pace_places
            # the words and their order are the translation table's
            # (msgid "%(percent)s %(status)s"), not Python's: the width
            # below is measured from the very text the badge draws
            figure = self._percent_at(score.progress, places)
            value = self.gettext("%(percent)s %(status)s") % {"percent": figure, "status": value}
        badge = progress_badge(oid, value, score.status)
        try:
            return str(self.partial("badge.svg", badge=badge))
        except Exception as exc:
            # a badge.svg override's mistake is located as a page's is: its
            # diagnostic names the badge it met it in (``, rendering
            # badges/<id>.svg``), the objective whose values it shows
            if not hasattr(exc, _PAGE_NOTE):
                setattr(exc, _PAGE_NOTE, badge_path(oid))
            raise

    def _render_feed(self) -> bytes:
        # a KPI reading a later one of its day overrules was never the KPI's
        # value: left out before the newest FEED_LIMIT are counted, as "What
        # changed" leaves it out (docs/scoring.md "KPIs")
        every = self.index.checkins
        overruled = overruled_readings(every)
        kept = [c for i, c in enumerate(every) if i not in overruled]
        entries = kept[-FEED_LIMIT:][::-1]
        updated = entries[0].date if entries else self.as_of
        # the newest entry's own moment, time of day included (the as-of date without one),
        # and zone (the feed's newest entry is the last in check-in order)
        updated_at = atom_time(updated, *((entries[0].time, entries[0].zone) if entries else ()))
        template = self.env.get_template("checkins.xml")
        origins = checkin_origins(entries, self.history, self.config)
        return template.render(
            root="",
            path="checkins.xml",
            entries=entries,
            updated=updated,
            updated_at=updated_at,
            origins=origins,
            moves=feed_moves(self.view, entries),
            # two check-ins of one objective on one day: titled with their time of day
            timed=titled_with_time(kept),
            # the feed is XML: a translation's "&" is text there, where a
            # browser forgives it in a page (okrsite.translations)
            **self.language.template_callables(as_text=True),
        ).encode("utf-8")
