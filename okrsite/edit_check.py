"""A check after a few edits, answered from the last check's findings.

Checking a site is parsing each file (findings of its own) and then the
cross-file rules (references resolve, alignment has no loops, check-ins fit
their key results) and the quality rules. After a save that changed one
objective's key result target, the cross-file rules see exactly what they saw
before: nothing they read changed. Then the new findings are the old ones
with the edited file's own findings swapped for its new parse's, and the
cross-file findings about it moved to its new lines. No other file is
parsed, resolved or scored.

The preview needs the portfolio too: :func:`swapped_objectives` gives it
from the last one when the edits are of objectives only.

:func:`cross_facts` is what a parsed file shows the cross-file and quality
rules: its record with every field they never read blanked. It is kept
deliberately wide (a field is blanked only when no rule reads it), so any
doubt makes the facts differ, and a differing fact means a full load.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from okrsite.diagnostics import Diagnostic, sorted_diagnostics
from okrsite.edit_figures import figures_unwatched, reading_class
from okrsite.load_cache import LoadOutcome
from okrsite.md_links import link_targets
from okrsite.model import KPI, CheckIn, KeyResult, Objective, Page, Person, Portfolio, Team
from okrsite.parse import ParsedFile

#: more changed files than this: a full load is as quick and surely right
MAX_EDITS = 20


#: findings whose hints quote titles (of key results, objectives, KPIs), which
#: the facts leave out: with one of them, an edit of a title is checked in full
_TITLES_QUOTED = frozenset({"OKR301", "OKR303", "OKR304", "OKR307", "OKR402"})


def _kr_facts(kr: KeyResult) -> KeyResult:
    """A key result as the rules see it: id, kind, unit (a check-in's "5 days" is
    checked against it, OKR312), KPI link, manual score, status, place. Its
    title and figures, which the value rules read beside check-ins' values,
    are compared on their own (:func:`okrsite.edit_figures.figures_unwatched`)."""
    return replace(
        kr,
        title="",
        start=None,
        target=None,
        current=None,
        weight=0.0,
        milestones=(),
        done=None,
        threshold=None,
    )


def cross_facts(pf: ParsedFile) -> object:
    """What ``pf`` shows the rules that look across files (and the quality rules).

    Blanked: titles and bodies (a goal keeps all: the SMART rule reads its
    title and body), key results' measures (compared on their own:
    :func:`okrsite.edit_figures.figures_unwatched`), weights and commitments,
    check-in confidence, and the figures of check-in values and KPI readings
    down to :func:`okrsite.edit_figures.reading_class` (exact where a rule may
    read one as a slip, else "plain"; a KPI reading's date stays: a stale
    reading is a finding, OKR408). Names stay wherever they are written (owners of initiatives,
    authors of check-ins): resolving reads every name written to tell people
    apart.
    """
    rec = pf.record
    facts: object = rec
    if isinstance(rec, Objective):
        facts = replace(
            rec,
            title="",
            body=_links(rec.body),
            body_line=_links_line(rec),
            weight=0.0,
            commitment="committed",
            key_results=tuple(_kr_facts(kr) for kr in rec.key_results),
        )
    elif isinstance(rec, CheckIn):
        facts = replace(
            rec,
            confidence=None,
            # an objective's check-in's value: is quoted by its warning (OKR111)
            value=rec.value if rec.value is None or rec.kpi is None else reading_class(rec.value),
            body="",
            body_line=0,
            values={k: reading_class(v) for k, v in rec.values.items()},
        )
    elif isinstance(rec, KPI):
        values = tuple((day, reading_class(value)) for day, value in rec.values)
        facts = replace(
            rec, title="", body=_links(rec.body), body_line=_links_line(rec), values=values
        )
    elif isinstance(rec, (Team, Person)):
        facts = replace(rec, body=_links(rec.body), body_line=_links_line(rec))
    elif isinstance(rec, Page):
        facts = replace(rec, title="", body=_links(rec.body), body_line=_links_line(rec), order=0)
    return (pf.file, pf.kind, pf.broken, pf.names, facts)


def _links(body: str) -> str:
    """What the cross-file rules read of a body: its links to ``.md`` files
    (OKR314 asks whether each names a goal file), with their lines."""
    return "\n".join(f"{line}:{path}" for line, path in link_targets(body))


def _links_line(rec: Any) -> int:
    """The body's first line, when its links are findings' lines (else 0)."""
    return int(rec.body_line) if _links(rec.body) else 0


def patched_outcome(
    outcome: LoadOutcome,
    signature: str,
    edits: Mapping[str, tuple[ParsedFile, ParsedFile]],
    locate: Callable[[Sequence[Diagnostic]], list[Diagnostic]],
) -> LoadOutcome | None:
    """The outcome after ``edits`` (file: old parse, new parse), or ``None`` if
    any edit changes what the cross-file rules read.

    ``outcome`` must be the outcome of exactly these inputs with the old
    contents of the edited files (the caller checks its input signature).
    ``locate`` turns key paths into lines in the files as they are now.
    """
    if len(edits) > MAX_EDITS:
        return None
    for old, new in edits.values():
        if cross_facts(old) != cross_facts(new):
            return None
        if not figures_unwatched(old, new, outcome.watch, outcome.cross):
            return None  # a figure a value rule reads, or a finding quotes
        if isinstance(new.record, (Objective, KPI)) and any(
            d.code in _TITLES_QUOTED for d in outcome.cross
        ):
            return None  # a hint may quote a title it changed (rare: an error to mend)
        if (
            isinstance(old.record, CheckIn)
            and isinstance(new.record, CheckIn)
            and old.record.values != new.record.values
            and any(d.code == "OKR307" and d.file == old.file for d in outcome.cross)
        ):
            return None  # the finding quotes the value
        if (isinstance(old.record, Objective) or isinstance(new.record, Objective)) and any(
            d.code == "OKR307" for d in outcome.cross
        ):
            # its hint quotes key results' titles and milestones, which the
            # facts leave out: a check-in's finding about this objective may read
            # differently now (rare: the site has an error to mend anyway)
            return None
    kept_cross = [d for d in outcome.cross if d.file not in edits]
    moved = locate(
        [d.located(None) if d.key_path is not None else d for d in outcome.cross if d.file in edits]
    )
    own = [d for _, new in edits.values() for d in new.diagnostics]
    diagnostics = [d for d in outcome.diagnostics if d.file not in edits]
    return LoadOutcome(
        signature=signature,
        csv=outcome.csv,
        diagnostics=tuple(sorted_diagnostics([*diagnostics, *own, *moved])),
        files_read=outcome.files_read,
        counts=outcome.counts,
        cross=(*kept_cross, *moved),
        watch=outcome.watch,  # the same: no edit changed what it notes
    )


def swapped_objectives(
    portfolio: Portfolio, edits: Iterable[tuple[ParsedFile, ParsedFile]]
) -> Portfolio | None:
    """``portfolio`` with the edited objectives' new records in place of the old
    ones, or ``None`` when that may not be what resolving would give.

    The caller has found (:func:`patched_outcome`) that no edit changes what
    the cross-file rules read. Resolving keeps an objective whose references
    all hold as parsed, and nothing else in a portfolio (check-ins, KPI
    series, names, cycles) reads the fields such an edit can change. So each
    edit must be of an objective that the portfolio holds as the very record
    of its old parse (not one resolving changed, dropped or set aside), with
    the same id and file; any other edit (a check-in's value feeds a KPI
    series, a page's title its order) means a full resolve.
    """
    objectives = dict(portfolio.objectives)
    for old, new in edits:
        before, after = old.record, new.record
        if not (isinstance(before, Objective) and isinstance(after, Objective)):
            return None
        if after.id != before.id or after.file != before.file:
            return None
        if after.tags != before.tags:  # one spelling per tag is chosen across files
            return None
        if objectives.get(before.id) is not before:
            return None
        objectives[before.id] = after
    return replace(portfolio, objectives=objectives)
