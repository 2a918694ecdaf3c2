"""Which timelines a move of HEAD changed, for the preview's rebuild after it.

A commit, checkout, pull or reset while ``okrsite serve`` runs gives the
preview a new history (:mod:`okrsite.history`). Every page with a timeline
read it, yet a commit changes the timelines of the few records it touched:
rendering every objective and KPI page again (20,000 at 10,000 objectives)
kept the preview busy for half a minute after each commit. So an objective
or KPI page depends on its own timeline (``("history.timeline", (kind,
id))``, recorded by :meth:`okrsite.render.SiteRenderer.timeline`), and after a
move this module tells which of them changed, by the fingerprint of what each
reads (:func:`okrsite.view.history.timeline_key`, which the build's page
cache and kept timelines rely on), before and after.

A page not rendered again keeps the timeline of the last rebuild's state:
between moves its timeline's reads of the portfolio are recorded like any
other, so an edit that changes it renders the page again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from okrsite.config import SiteConfig
from okrsite.dependencies import Dep
from okrsite.history import SiteHistory
from okrsite.model import ScoredPortfolio
from okrsite.render import TIMELINE
from okrsite.value_prints import forked_printer
from okrsite.view.history import timeline_inputs_print, timeline_key

__all__ = ["timelines_moved"]


def timelines_moved(
    page_deps: Mapping[Any, Iterable[Dep]],
    before: tuple[SiteHistory | None, ScoredPortfolio],
    after: tuple[SiteHistory | None, ScoredPortfolio],
    config: SiteConfig,
) -> set[Dep]:
    """The timelines among those the pages read (``page_deps``) that differ
    between ``before`` and ``after`` (each the history and the unrecorded
    scored portfolio it was drawn with), as dependencies. A record one side
    lacks counts as changed."""
    keys = {dep[1] for deps in page_deps.values() for dep in deps if dep[0] == TIMELINE}
    printer = forked_printer()
    shared = [timeline_inputs_print(history, scored) for history, scored in (before, after)]
    changed: set[Dep] = set()
    for kind, rid in keys:
        try:
            old, new = (
                timeline_key(kind, rid, history, scored, config, printer, print_)
                for (history, scored), print_ in zip((before, after), shared, strict=True)
            )
        except KeyError:  # the record is on one side only
            changed.add((TIMELINE, (kind, rid)))
            continue
        if old != new:
            changed.add((TIMELINE, (kind, rid)))
    return changed
