"""What a load gives back: :class:`LoadResult`.

Split from :mod:`okrsite.pipeline`, which makes it in full or answers it
from the parse cache (:mod:`okrsite.pipeline_reuse`), where the scored
portfolio may be loaded only when asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from okrsite.config import SiteConfig
from okrsite.diagnostics import Diagnostic
from okrsite.model import Portfolio, ScoredPortfolio


class LoadResult:
    """A loaded site: its configuration, scores and every diagnostic.

    ``scored`` may be given as a function that produces it: a ``check`` whose
    inputs did not change since the last run answers from the stored outcome
    and never needs the portfolio, so it is loaded only when asked for.
    """

    def __init__(
        self,
        config: SiteConfig,
        scored: ScoredPortfolio | Callable[[], ScoredPortfolio],
        diagnostics: list[Diagnostic],
        files_read: int,
        as_of: date,
        parsed_again: int = 0,
        counts: tuple[int, int, int, int] | None = None,
        inputs: str = "",
    ) -> None:
        self.config = config
        #: one hash of every input read (files, CSV files, configuration, as_of;
        #: empty without a parse cache): equal hashes, equal portfolios
        self.inputs = inputs
        self._scored = scored
        self.diagnostics = diagnostics
        self.files_read = files_read
        self.as_of = as_of
        self.parsed_again = parsed_again
        self._counts = counts

    @property
    def scored(self) -> ScoredPortfolio:
        if callable(self._scored):
            self._scored = self._scored()
        return self._scored

    @property
    def counts(self) -> tuple[int, int, int, int]:
        """Objectives, KPIs, goals and check-ins loaded."""
        if self._counts is None:
            self._counts = portfolio_counts(self.scored.portfolio)
        return self._counts

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)

    def failed(self, strict: bool = False) -> bool:
        return bool(self.diagnostics) if strict else not self.ok


def portfolio_counts(p: Portfolio) -> tuple[int, int, int, int]:
    return len(p.objectives), len(p.kpis), len(p.goals), len(p.checkins)
