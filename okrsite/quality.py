"""OKR quality warnings: what good OKR practice asks of a portfolio.

These are warnings, not errors: the site still builds (``--strict`` makes them
fail). They run on the scored portfolio because some (stale) depend on as_of.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date

from okrsite.diagnostics import Diagnostic, warning
from okrsite.kpi_key_result_warnings import kpi_key_result_warnings, reads_down_kpi
from okrsite.md_links import note_link_warnings
from okrsite.model import KPI, KeyResult, Objective, ScoredPortfolio
from okrsite.numbers import csv_number, format_number
from okrsite.parent_counts_nowhere import parent_counts_nowhere
from okrsite.parse_measures import title_figures
from okrsite.plural import plural
from okrsite.same_objective_twice import same_objective_twice
from okrsite.scoring_rollup import counts_in_objective, counts_in_rollup

MIN_KRS, MAX_KRS = 2, 5
SMART_NAMES = {
    "S": "Specific",
    "M": "Measurable",
    "A": "Assigned",
    "R": "Relevant",
    "T": "Time-bound",
}
SMART_FIX = {
    "S": "give it a title and a body describing what will be done (the placeholder "
    "okrsite new writes does not count)",
    "M": "add 'measure: {start: …, target: …}'",
    "A": "add 'owner: person-id' (or the team's name, for the team's own goal)",
    "R": "add 'supports: objective-id', 'objective#kr' or a KPI id",
    "T": "add 'due: YYYY-MM-DD' or 'cycle: …'",
}


def quality_warnings(
    scored: ScoredPortfolio,
    static_files: Collection[str] | None = None,
    allow_html: bool = False,
    unread_data: Collection[str] = (),
) -> list[Diagnostic]:
    """The advice on a portfolio's shape (OKR4xx) and the broken links in
    check-in notes (OKR314, against ``static_files`` when known; raw HTML's
    too with ``allow_html``). ``unread_data`` are the ``data:`` files that
    were not read whole (missing, or a row refused): their errors say why a
    KPI has no reading, so OKR406 does not say it again."""
    p = scored.portfolio
    out: list[Diagnostic] = []
    if any(c.body for c in p.checkins):  # links in notes, as in bodies (OKR314)
        paged = [
            *p.objectives.values(),
            *p.kpis.values(),
            *p.goals.values(),
            *p.teams.values(),
            *p.people.values(),
            *p.pages.values(),
        ]
        out += note_link_warnings(p.checkins, paged, static_files, allow_html)
    for oid, obj in p.objectives.items():
        if obj.status != "active":
            continue
        active = [kr for kr in obj.key_results if kr.status == "active"]
        if not (not active and scored.children.get(oid)) and not MIN_KRS <= len(active) <= MAX_KRS:
            out.append(
                warning(
                    "OKR401",
                    f"objective has {plural(len(active), 'key result')}; good OKRs have {MIN_KRS} to {MAX_KRS}",
                    obj.file,
                    hint="too few cannot show progress well, too many dilute focus",
                    key_path=("key_results",) if obj.key_results else ("title",),
                )
            )
        for kr in active:
            kids = scored.kr_children.get(f"{oid}#{kr.id}", ())
            if (
                kr.kind == "rollup"
                and kr.score is None
                and not any(counts_in_rollup(p.objectives[c]) for c in kids)
            ):
                # aligned objectives that are all dropped or draft count nowhere:
                # the key result sits at 0 as surely as with none aligned
                aligned = ", ".join(f"{c} is {p.objectives[c].status}" for c in kids)
                out.append(
                    warning(
                        "OKR402",
                        f"key result {kr.id!r} has no numeric target and "
                        + (
                            f"no objective aligned to it counts ({aligned})"
                            if kids
                            else "nothing is aligned to it"
                        )
                        + ", so its progress stays 0",
                        obj.file,
                        hint=_measure_hint(kr.title, f"{oid}#{kr.id}"),
                        key_path=("key_results", kr.index),
                    )
                )
        if not obj.owner and oid not in p.team_owned:  # a team's own goal is owned
            out.append(
                warning(
                    "OKR403",
                    "objective has no owner",
                    obj.file,
                    hint="add 'owner: …' naming the one accountable person (or the team, for a team's own goal)",
                    key_path=("title",),
                )
            )
        out.extend(
            _upward_from_zero(scored, oid, kr)
            for kr in active
            if _says_down(kr) and not reads_down_kpi(kr, p.kpis)
        )
        out.extend(kpi_key_result_warnings(scored, obj))
        out.extend(_outside_parent_cycle(scored, oid))
        cut_off = parent_counts_nowhere(scored, obj)
        if cut_off is not None:
            out.append(cut_off)
        score = scored.objectives.get(oid)
        if score is not None and score.stale:
            since = (
                f"its last check-in was on {score.last_checkin} ({plural((scored.as_of - score.last_checkin).days, 'day')} before {scored.as_of})"
                if score.last_checkin
                else f"it has no check-in yet, {plural((scored.as_of - p.cycles[obj.cycle].start).days, 'day')} into {obj.cycle}"
            )
            out.append(
                warning(
                    "OKR404",
                    f"objective is stale: {since}",
                    obj.file,
                    hint=f"add a check-in: okrsite checkin {oid} --set KR=VALUE",
                    key_path=("title",),
                )
            )
    out.extend(same_objective_twice(p))
    for gid, gs in scored.goals.items():
        missing = [letter for letter, ok in gs.smart.items() if not ok]
        if missing:
            goal = p.goals[gid]
            out.append(
                warning(
                    "OKR405",
                    "SMART goal is not " + ", ".join(f"{SMART_NAMES[m]} ({m})" for m in missing),
                    goal.file,
                    hint="; ".join(SMART_FIX[m] for m in missing),
                    key_path=("title",),
                )
            )
    for kpi in p.kpis.values():
        ks = scored.kpis.get(kpi.id)
        if ks is not None and ks.stale and ks.date is not None:
            days = (scored.as_of - ks.date).days
            setting, limit = scored.settings.kpi_stale_after_days, ks.stale_after
            out.append(
                warning(
                    "OKR408",
                    f"KPI reading is stale: the latest is from {ks.date}, {plural(days, 'day')} "
                    f"before as_of {scored.as_of} (kpi_stale_after_days = {setting}"
                    + (f"; twice its usual interval: {limit} days)" if limit > setting else ")"),
                    kpi.file,
                    hint=f"add a reading: okrsite checkin {kpi.id} --value V"
                    + (f", or a row to {kpi.data}" if kpi.data else ""),
                    key_path=("data",) if kpi.data else ("values",) if kpi.values else ("title",),
                )
            )
        if kpi.green is None and kpi.red is None and kpi.target is None:
            out.append(
                warning(
                    "OKR406",
                    "KPI has no thresholds or target, so its health is unknown",
                    kpi.file,
                    hint="add 'thresholds: {green: …, red: …}'",
                    key_path=("title",),
                )
            )
        elif kpi.data not in unread_data:
            out.extend(_no_reading_yet(kpi, p.kpi_series.get(kpi.id, ()), scored.as_of))
    return out


def _no_reading_yet(
    kpi: KPI, series: tuple[tuple[date, float], ...], as_of: date
) -> list[Diagnostic]:
    """OKR406 for a KPI with thresholds or a target whose readings (its data
    file, ``values:``, check-ins) hold none on or before as_of: its health is
    ``unknown`` as surely as without thresholds, and a data file of a header
    alone is almost always an export that went wrong. A KPI that names no
    readings at all (no ``data:``, ``values:`` or check-in) is one not yet
    measured, and is left alone."""
    if not (kpi.data or kpi.values or series) or any(day <= as_of for day, _ in series):
        return []
    where = f"its first is from {series[0][0]}" if series else f"{kpi.data} holds none"
    return [
        warning(
            "OKR406",
            f"KPI has no reading on or before as_of {as_of} ({where}), so its health is unknown",
            kpi.file,
            hint=f"add a reading: okrsite checkin {kpi.id} --value V"
            + (f", or a row to {kpi.data}" if kpi.data else ""),
            key_path=("data",) if kpi.data else ("values",) if kpi.values else ("title",),
        )
    ]


def _outside_parent_cycle(scored: ScoredPortfolio, oid: str) -> list[Diagnostic]:
    """OKR407 for an objective aligned to one whose cycle does not span its own.

    A quarter's objective aligned to the year's is the usual cascade; one of
    the next quarter aligned to this quarter's key result fills it with
    progress made (or planned) outside it, and the parent's figures then mix
    cycles without a word. Its progress still counts where it is aligned
    (scoring is not changed by a warning), and the warning says so; where
    the parent counts a measure of its own instead, the child is only
    listed under it, and the warning says that rather than claim a count
    (the cross-cycle alignment is still worth a word: the parent's page
    lists next quarter's work under this quarter's).
    """
    p = scored.portfolio
    obj = p.objectives[oid]
    parent_id = obj.parent_objective
    parent = p.objectives.get(parent_id) if parent_id is not None else None
    own, theirs = p.cycles.get(obj.cycle), p.cycles.get(parent.cycle) if parent else None
    if parent is None or own is None or theirs is None:
        return []
    if theirs.start <= own.start and own.end <= theirs.end:
        return []
    why = _not_counted_why(parent, obj.parent_key_result)
    return [
        warning(
            "OKR407",
            f"objective of {own.name} ({own.start} to {own.end}) is aligned to "
            f"{obj.parent}, of {theirs.name} ({theirs.start} to {theirs.end}): its "
            + (
                f"progress counts in {theirs.name}'s figures"
                if why is None
                else f"progress is not counted in {theirs.name}'s figures ({why}); "
                f"it is only listed under {obj.parent}"
            ),
            obj.file,
            hint=f"align it to an objective of {own.name} or of a cycle that spans it "
            "(the year's), or carry the parent into its cycle with okrsite carry",
            key_path=("parent",),
        )
    ]


def _not_counted_why(parent: Objective, kr_id: str | None) -> str | None:
    """Why an active objective aligned to ``parent`` (to its key result
    ``kr_id``) is not counted in its progress, or ``None`` when it is, as
    :mod:`okrsite.scoring_rollup` counts it: an objective takes its aligned
    objectives only when none of its key results counts, a key result only
    when it is an active roll-up (no measure and no ``score:`` of its own).
    OKR407 must not say a progress counts where it does not."""
    if kr_id is None:
        counted = any(counts_in_objective(kr) for kr in parent.key_results)
        return f"{parent.id} counts its own key results" if counted else None
    kr = next((k for k in parent.key_results if k.id == kr_id), None)
    if kr is None:
        return None  # an unknown key result is an error of its own (OKR304)
    if not counts_in_objective(kr):
        return f"{parent.id}#{kr_id} is {kr.status}"
    if kr.kind != "rollup" or kr.score is not None:
        return f"{parent.id}#{kr_id} counts its own " + (
            "score" if kr.score is not None else "measure"
        )
    return None


#: words by which a key result's title says its figure goes down ("Reduce
#: churn to 3%", "Ticketzeit auf 4 h senken"); ``below``/``under``/``unter``
#: only before a figure ("Keep churn below 3%", not "under the new plan")
_DOWN_WORDS = re.compile(
    r"\b(?:reduc(?:e|es|ed|ing)|cut(?:s|ting)?|lower(?:s|ed|ing)?(?!-)"
    r"|decreas(?:e|es|ed|ing)|shrink(?:s|ing)?|minimi[sz](?:e|es|ed|ing)|halv(?:e|es|ed|ing)"
    r"|senken|reduzieren|verringern|verkürzen|kürzen|minimieren|halbieren|abbauen"
    r"|(?:below|under|unter)(?=\s*[$€£¥]?\s*\d))\b",
    re.IGNORECASE,
)


def _says_down(kr: KeyResult) -> bool:
    """A numeric key result counting up from 0 (``start:`` left out, or 0)
    to a positive target while its title says the figure goes down: okrsite
    cannot tell a start left out from ``start: 0`` once parsed, and either
    way the key result runs the wrong way. A title that says its start
    (``from 5% to 3%``) is OKR409's, which gives the start it says."""
    return (
        kr.kind == "numeric"
        and kr.start == 0
        and kr.target is not None
        and kr.target > 0
        # 0 to 100 % is a share done ("Cloudkosten senken", 30 % done), as a
        # sheet's Progress column gives one and okrsite import writes it
        and not (kr.target == 100 and kr.unit == "%")
        and _DOWN_WORDS.search(kr.title) is not None
        and title_figures(kr.title) is None
        and _goes_down_to_target(kr.title, kr.target)
    )


#: a plain figure of a title, as people write one (``3``, ``4.5``, ``24,5``)
_PLAIN_FIGURE = re.compile(r"\d+(?:[.,]\d+)?")

#: a figure a title says its metric goes down to, a level rather than a
#: count or an amount: after ``to``, ``below``, ``under``, ``at most``,
#: ``<``, ``≤`` (German ``auf``, ``unter``, ``bis``, ``höchstens``,
#: ``maximal``): "Reduce churn to 3%", "Lower churn below 3 %",
#: "Ticketzeit auf 4 h senken"; not "Cut 3 releases" (a count to reach) nor
#: "Cut costs by 3%" (an amount, rightly counted up from 0)
_LEVEL_FIGURE = re.compile(
    r"(?:\b(?:to|below|under|at\s+most|no\s+more\s+than|auf|unter|bis|höchstens|maximal)\b"
    r"|[<≤])\s*[$€£¥]?\s*(\d+(?:[.,]\d+)?)",
    re.IGNORECASE,
)


def _goes_down_to_target(title: str, target: float) -> bool:
    """Whether a title names the target as the level its metric goes down
    to, or names no figure at all ("Reduce churn" beside ``target: 3``,
    most likely a level to reach down to): "Reduce churn to 3%" beside ``target: 3``
    goes down to it, but in "Cut 3 releases" 3 is a count to reach, in
    "Cut costs by 3%" an amount cut, and "First response under 24h" beside
    ``target: 100`` (the share of tickets answered so) counts something else
    upwards: all rightly from 0."""
    if not _PLAIN_FIGURE.search(title):
        return True
    levels = [float(f.replace(",", ".")) for f in _LEVEL_FIGURE.findall(title)]
    return any(abs(level - target) < 1e-9 for level in levels)


def _upward_from_zero(scored: ScoredPortfolio, oid: str, kr: KeyResult) -> Diagnostic:
    """OKR410: "Reduce churn to 3%" with ``target: 3`` and no start counts
    from 0 up to 3, so a churn of 4.2 reads 100% done (140% of target)
    without a word, the opposite of what the title means."""
    obj = scored.portfolio.objectives[oid]
    ks = scored.objectives[oid].key_results.get(kr.id) if oid in scored.objectives else None
    current = ks.current if ks is not None else kr.current
    word = _DOWN_WORDS.search(kr.title).group(0)  # type: ignore[union-attr]
    unit = "" if not kr.unit else kr.unit if kr.unit == "%" else f" {kr.unit}"
    example = (
        f", e.g. start: {csv_number(current)}"
        if current is not None and kr.target is not None and current > kr.target
        else ""
    )
    return warning(
        "OKR410",
        f"key result {kr.id!r} counts up from 0 to {format_number(kr.target or 0)}{unit} "
        f"(start: is 0 when left out), but its title says it goes down ({word!r}): "
        "the higher the value, the more progress it shows",
        obj.file,
        hint=f"give start: (the value today){example}",
        key_path=("key_results", kr.index, "title"),
    )


#: a figure in a key result's title (not part of a word like ``v2`` or ``Q4``)
_TITLE_FIGURE = re.compile(r"(?<![^\W\d_])\d+(?:[.,]\d+)*(?:\s?%)?(?![^\W\d_])")


def _measure_hint(title: str, ref: str) -> str:
    """What to add to a key result with nothing to measure. When its title
    names one figure (``Publish 12 case studies``), the lines that make it
    the target, which okrsite does not guess: 12 may as well be a start."""
    figures = [f for f in _TITLE_FIGURE.findall(title) if not _is_year(f)]
    ways = f"milestones, or align an objective with 'parent: {ref}'"
    if len(figures) == 1:
        figure = figures[0].replace(" ", "")
        return f"if {figure} is its target, add 'start: 0' and 'target: {figure}'; or {ways}"
    return f"add 'start:' and 'target:', {ways}"


def _is_year(figure: str) -> bool:
    return figure.isdigit() and len(figure) == 4 and 1900 <= int(figure) <= 2100
