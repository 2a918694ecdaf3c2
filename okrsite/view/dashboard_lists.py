"""The dashboard's two lists of objectives to act on, cut to the first few.

"Needs attention" (:mod:`okrsite.attention`) and "Stale objectives" grow
with the portfolio: a 400-objective site listed 245 and 214 objectives,
560 KB of a 694 KB dashboard, and 10,000 objectives would make them 10 to
15 MB. So the dashboard lists the first ``dashboard_attention`` of each
(okrsite.toml, 25 unless set; 0: all), most in need first, and says how
many more there are, with a link to ``attention/index.html``, which lists
every one of both. The dashboard and that page read the lists here, once:
what one shows first is what the other shows first, and the count under
the cut list is the length of the whole one.

Every stale objective that is active is also on "Needs attention" (stale
is one of its reasons). The stale list stays as docs/site.md describes it,
the cycle's stale objectives, all of them: it is the list of whom to ask
for a check-in, the attention list the one to talk about.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from okrsite.attention import AttentionItem, attention_list
from okrsite.display_order import title_order
from okrsite.urls import SUMMARY_FILES
from okrsite.view.review import AttentionView
from okrsite.view.view_model import ViewModel

__all__ = ["ATTENTION_PAGE", "DashboardLists", "attention_views", "dashboard_lists"]

#: the page listing every objective of both lists
ATTENTION_PAGE = SUMMARY_FILES["attention"]


@dataclass(frozen=True, slots=True)
class DashboardLists:
    """Both lists in full, in their order: the attention list's entries
    (core's :class:`AttentionItem`) and the stale objectives' ids, with
    how many of each the dashboard lists (``None``: all)."""

    attention: tuple[AttentionItem, ...]
    stale: tuple[str, ...]
    limit: int | None

    @property
    def attention_more(self) -> int:
        """How many of "Needs attention" the dashboard leaves to the full page."""
        return _more(len(self.attention), self.limit)

    @property
    def stale_more(self) -> int:
        """How many stale objectives the dashboard leaves to the full page."""
        return _more(len(self.stale), self.limit)

    @property
    def cut(self) -> bool:
        """Whether the dashboard leaves some out: the full page is then built."""
        return bool(self.attention_more or self.stale_more)

    def first_attention(self) -> tuple[AttentionItem, ...]:
        return self.attention if self.limit is None else self.attention[: self.limit]

    def first_stale(self) -> tuple[str, ...]:
        return self.stale if self.limit is None else self.stale[: self.limit]


def _more(total: int, limit: int | None) -> int:
    return 0 if limit is None else max(0, total - limit)


def dashboard_lists(view: ViewModel, cycle: str | None, limit: int) -> DashboardLists:
    """The lists of the dashboard's ``cycle`` (none: both empty), ``limit``
    being the ``dashboard_attention`` setting (0: no limit).

    "Needs attention" is worst first, as core orders it. The stale
    objectives (of ``cycle`` alone, as docs/site.md says) are the longest
    without a check-in first: one with none yet, then the oldest latest
    check-in; equal ones by title, as lists of objectives go."""
    cut = limit or None
    if cycle is None:
        return DashboardLists((), (), cut)
    entries = tuple(
        entry
        for entry in attention_list(view.scored, {cycle, *view.running_cycles()})
        if entry.objective in view.scores
    )
    index = view.index
    ids = [i for i in index.by_cycle.get(cycle, []) if view.scores[i].stale]
    view.recorder.many(("index.objective_heads",), ids)
    heads = index.objective_heads

    def longest_silent(oid: str) -> tuple[date, tuple[tuple[str | int, ...], str], str]:
        last = view.scores[oid].last_checkin
        return (last or date.min, title_order(dict.__getitem__(heads, oid)[0]), oid)

    return DashboardLists(entries, tuple(sorted(ids, key=longest_silent)), cut)


def attention_views(view: ViewModel, entries: tuple[AttentionItem, ...]) -> list[AttentionView]:
    """The entries as ``partials/attention_item.html`` shows them."""
    return [AttentionView(view.objective(e.objective), e.reasons) for e in entries]
