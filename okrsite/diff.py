"""What a change does to the goals: a pure comparison of two scored portfolios.

``okrsite diff`` answers the reviewer's question on a pull request: *which
targets moved, which key results disappeared, whose scores changed and why?*
A text diff of YAML cannot answer that: whether "target 50 → 100" is good
news depends on whether lower is better, a moved file looks like a deletion,
and an objective's progress can change without its file changing at all
(a child objective lost a key result, a KPI got a new value).

So both revisions are parsed and scored with the *same* ``as_of`` and the
records are compared here. This module does no I/O: it takes two
:class:`~okrsite.model.ScoredPortfolio` objects plus their diagnostics and
returns a frozen :class:`DiffResult`; :mod:`okrsite.diff_report` renders it
and :mod:`okrsite.gitsource` gets the files. That keeps every rule below
testable with in-memory portfolios.

Matching records between the two sides: the id first; an id that exists on
one side only is paired with a record of the other side that has the same
title (a *rename*, e.g. after ``git mv`` changed the path-derived id). Key
results are matched the same way inside their objective, and check-ins by
the file git saw them move from, else by the objective or KPI they moved
with (:func:`okrsite.diff_checkins._moved_checkins`).

The comparison is split by what it compares: the records
(:mod:`okrsite.diff_records`, which the site's history shares), the
check-ins (:mod:`okrsite.diff_checkins`) and the scores
(:mod:`okrsite.diff_scores`). This module holds the result, puts the parts
together (:func:`diff_portfolios`) and judges them (the ``--fail-on`` findings).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from datetime import date

from okrsite import cycles as cycles_mod
from okrsite import numbers
from okrsite.config import SiteConfig
from okrsite.diagnostics import Diagnostic
from okrsite.diff_checkins import CheckInChange as CheckInChange
from okrsite.diff_checkins import ValueMove as ValueMove
from okrsite.diff_checkins import _checkin_changes
from okrsite.diff_finding_keys import diag_key
from okrsite.diff_kpi_readings import ended_by_readings, with_readings
from okrsite.diff_naming import OrgChange, head_names, named_as_head, organisation_changes
from okrsite.diff_places import PlaceMove, place_moves
from okrsite.diff_records import FOLLOWS_RENAME as FOLLOWS_RENAME
from okrsite.diff_records import LESS as LESS
from okrsite.diff_records import LOOSER as LOOSER
from okrsite.diff_records import MORE as MORE
from okrsite.diff_records import PARENT_GONE as PARENT_GONE
from okrsite.diff_records import REVERSED as REVERSED
from okrsite.diff_records import STRICTER as STRICTER
from okrsite.diff_records import ChangeKind as ChangeKind
from okrsite.diff_records import FieldChange as FieldChange
from okrsite.diff_records import KRChange as KRChange
from okrsite.diff_records import RecordChange as RecordChange
from okrsite.diff_records import Value as Value
from okrsite.diff_records import (
    _goal_fields,
    _goal_score_fields,
    _kpi_score_fields,
    _paired,
    _record_changes,
)
from okrsite.diff_records import key_result_changes as key_result_changes
from okrsite.diff_records import kpi_fields as kpi_fields
from okrsite.diff_records import match_renames as match_renames
from okrsite.diff_records import objective_fields as objective_fields
from okrsite.diff_records import same_unit as same_unit
from okrsite.diff_scores import Cause as Cause
from okrsite.diff_scores import KRScoreChange as KRScoreChange
from okrsite.diff_scores import ScoreChange as ScoreChange
from okrsite.diff_scores import _score_changes
from okrsite.diff_settings import SettingChange, settings_changes, source_changes
from okrsite.model import KPI, Objective, Portfolio, ScoredPortfolio
from okrsite.translations import load_language
from okrsite.view.formatting import money_with_cents

RULES: dict[str, str] = {
    "errors": "the head revision has errors (broken goal files)",
    "less-ambitious": "a target moved the easy way (key result, SMART goal or KPI target)",
    "removed-key-result": "a key result was removed from an objective that still exists",
    "reparented": "an objective was aligned to a different parent",
    "ended-cycle": "how an objective of a cycle that has ended is measured was changed",
    "moved-key-results": "key results without id: moved, and check-ins name them by place",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """A change a ``--fail-on`` rule can fail the run on."""

    rule: str
    subject: str
    message: str


@dataclass(frozen=True, slots=True)
class DiffResult:
    """Everything a change does to the goals, ready to render."""

    as_of: date
    objectives: tuple[RecordChange, ...]
    kpis: tuple[RecordChange, ...]
    goals: tuple[RecordChange, ...]
    checkins: tuple[CheckInChange, ...]
    scores: tuple[ScoreChange, ...]
    introduced: tuple[Diagnostic, ...]
    resolved: tuple[Diagnostic, ...]
    head_errors: tuple[Diagnostic, ...]
    findings: tuple[Finding, ...]
    #: the names pages show for people and teams (their file's title, else
    #: the name as first written), head's over base's: the report names
    #: ``owner``, ``team`` and ``author`` by them, the JSON keeps the ids
    person_names: Mapping[str, str] = dataclass_field(default_factory=dict)
    team_names: Mapping[str, str] = dataclass_field(default_factory=dict)
    #: the settings of okrsite.toml the change moved (:mod:`okrsite.diff_settings`)
    settings: tuple[SettingChange, ...] = ()
    #: the day the change was made, which mid-cycle and "after its cycle
    #: ended" are judged at: the head commit's (as the history dates it),
    #: ``as_of`` for the working tree
    changed_on: date | None = None
    #: the people and teams the change renamed or merged, and the teams it
    #: moved under another parent with the team figures that moves
    #: (:mod:`okrsite.diff_naming`)
    organisation: tuple[OrgChange, ...] = ()
    #: the base's findings that head did not look for, as head's okrsite.toml
    #: cannot be read (:mod:`okrsite.config_unread` leaves out every warning
    #: then): not "resolved", the comparison of findings is incomplete
    not_checked: tuple[Diagnostic, ...] = ()
    #: the mirror: head's findings that the base did not look for, as the
    #: base's okrsite.toml cannot be read (a change repairing it): not
    #: "introduced", the change did not cause them
    not_checked_at_base: tuple[Diagnostic, ...] = ()
    #: key results without ``id:`` moved while check-ins name them by place
    #: (:mod:`okrsite.diff_places`)
    place_moves: tuple[PlaceMove, ...] = ()

    @property
    def is_empty(self) -> bool:
        """True when the change does nothing to the goals (errors at head may remain)."""
        return not (
            self.settings
            or self.organisation
            or self.objectives
            or self.kpis
            or self.goals
            or self.checkins
            or self.scores
            or self.introduced
            or self.resolved
        )

    def failures(self, rules: Iterable[str]) -> tuple[Finding, ...]:
        """The findings that the given ``--fail-on`` rules turn into a failure."""
        wanted = set(rules)
        return tuple(f for f in self.findings if f.rule in wanted)


def parse_rules(text: str) -> tuple[str, ...]:
    """``"errors,less-ambitious"`` → rules; ``none`` → no rules.

    Raises :class:`ValueError` naming the unknown rule and the known ones, so
    a typo in CI configuration fails loudly instead of silently never firing.
    An empty list (``""``, ``","``, ``" "``: a CI variable left blank) is an
    error too, not "no rules": read as none it would let a broken head pass.
    """
    names = [n.strip().lower() for n in text.split(",") if n.strip()]
    if not names:
        raise ValueError(
            f"no rule given; choose from {', '.join(RULES)}, or write none to never fail"
        )
    if names == ["none"]:
        return ()
    unknown = [n for n in names if n not in RULES]
    if unknown:
        raise ValueError(f"unknown rule {unknown[0]!r}; choose from {', '.join(RULES)} (or none)")
    return tuple(dict.fromkeys(names))


# ------------------------------------------------------------------ ended cycles
#: fields whose change only records or describes how an ended cycle went:
#: grading it (``score``), its last values, ticked milestones and who owns what
_RECORD_KEEPING = cycles_mod.RECORD_KEEPING


def _after_the_end(
    rec: RecordChange, base: Portfolio, head: Portfolio, changed_on: date
) -> RecordChange:
    """Mark when an objective's change comes (on ``changed_on``, the day of
    the change: see :func:`diff_portfolios`), by the history's rule
    (:func:`okrsite.cycles.change_timing`, its cycle before and after the
    change, so one moved out of or into an ended cycle counts by both).

    After its cycle ended, an objective whose yardstick changed (a target
    eased, a key result added or dropped, a weight, commitment, parent,
    status or cycle changed) gets ``cycle_ended``: its final figures are no
    longer those the cycle ended with. Grading it (``score:``) and recording
    its last values are what teams do after the end, and are not marked.
    While its cycle runs, an objective whose own fields changed gets
    ``mid_cycle``, as its timeline marks each of them."""
    if rec.kind != "objective":
        return rec
    before = base.objectives.get(rec.renamed_from or rec.id) if rec.change != "added" else None
    after = head.objectives.get(rec.id) if rec.change != "removed" else None
    if before is None and after is None:
        return rec
    # HEAD's dates, as for mid-cycle (:func:`_mid_cycle`): the report
    # describes the state after the change, and never calls a cycle both
    # ended and running
    mid, ended = cycles_mod.change_timing(
        before.cycle if before is not None else None,
        after.cycle if after is not None else None,
        changed_on,
        head.cycles,
    )
    if rec.change == "changed" and mid and rec.fields:
        return replace(rec, mid_cycle=True)
    if ended is None:
        return rec
    measured = rec.change in ("added", "removed") or any(
        f.field not in _RECORD_KEEPING for f in rec.fields
    )
    measured = measured or any(
        kr.change != "changed" or any(f.field not in _RECORD_KEEPING for f in kr.fields)
        for kr in rec.key_results
    )
    return replace(rec, cycle_ended=ended) if measured else rec


def _mid_cycle(b: Objective, h: Objective, head: Portfolio, changed_on: date) -> bool:
    """Whether a change to the key results of objective ``b`` → ``h``, made
    on ``changed_on``, happens mid-cycle: by the history's rule
    (:func:`okrsite.cycles.change_timing`, so ``api/history.json`` and
    the diff say the same of one change), its
    cycle judged by HEAD's dates, as is whether it has ended: after the end
    the report says "after its cycle ended" (:func:`_after_the_end`), never
    both. An objective moved between cycles is judged by both: out of or
    into an ended one it is "after … ended", else out of or into a running
    one it is mid-cycle."""
    return cycles_mod.change_timing(b.cycle, h.cycle, changed_on, head.cycles)[0]


def _parent_gone(
    b: Objective, h: Objective, head: Portfolio, head_diags: Sequence[Diagnostic]
) -> bool:
    """Whether ``h`` lost its parent only because the parent objective (or
    its key result) was removed: the head's loader cut the link it still
    writes (an error on its ``parent``, OKR303), so its own ``parent:`` did
    not change and it was not aligned elsewhere."""
    if h.parent is not None or b.parent is None or b.parent_objective is None:
        return False
    if not any(d.is_error and d.file == h.file and d.key_path == ("parent",) for d in head_diags):
        return False
    target = head.objectives.get(b.parent_objective)
    kr = b.parent_key_result
    return target is None or (kr is not None and target.key_result(kr) is None)


# ------------------------------------------------------------------ diagnostics
def _diag_changes(
    base_diags: Sequence[Diagnostic],
    head_diags: Sequence[Diagnostic],
    moved: Mapping[str, str] | None = None,
) -> tuple[tuple[Diagnostic, ...], tuple[Diagnostic, ...]]:
    """Introduced and resolved findings, compared by code, file and message
    (:func:`okrsite.diff_finding_keys.diag_key`).

    Lines are left out of the comparison on purpose: adding a line at the top
    of a file moves every finding below it without introducing anything.
    ``moved`` maps a head file to its base file for records that moved, so a
    warning that simply travelled with its file is neither new nor fixed.
    """
    moved = moved or {}

    def head_key(d: Diagnostic) -> tuple[str, str, str]:
        code, file, message = diag_key(d)
        return code, moved.get(file, file), message

    b_keys = {diag_key(d) for d in base_diags}
    h_keys = {head_key(d) for d in head_diags}
    introduced = tuple(d for d in head_diags if head_key(d) not in b_keys)
    resolved = tuple(d for d in base_diags if diag_key(d) not in h_keys)
    return introduced, resolved


def _checked_on_other_side(
    found: tuple[Diagnostic, ...],
    other_diags: Sequence[Diagnostic],
    other_config: SiteConfig | None,
) -> tuple[tuple[Diagnostic, ...], tuple[Diagnostic, ...]]:
    """``found`` (the base's findings gone at head, or head's new ones) split
    into those the other side checked and those it did not.

    When that side's okrsite.toml cannot be read, its check leaves out what
    the unread settings decide (every warning, a missing cycle without
    ``default_cycle``): a finding of that kind is missing there because
    nobody looked, so it is neither "resolved" by a change breaking the
    settings nor "introduced" by one repairing them. The same rule as the
    check's (:func:`without_unread_consequences`) says which."""
    from okrsite.config_unread import settings_unread, without_unread_consequences

    if settings_unread(other_diags) is None:
        return found, ()
    config = other_config or SiteConfig()
    checked = tuple(d for d in found if without_unread_consequences([d], config))
    return checked, tuple(d for d in found if d not in checked)


# ------------------------------------------------------------------ findings
def _findings(
    objectives: Sequence[RecordChange],
    kpis: Sequence[RecordChange],
    goals: Sequence[RecordChange],
    head_errors: Sequence[Diagnostic],
    moves: Sequence[PlaceMove] = (),
) -> tuple[Finding, ...]:
    """The findings in English (:func:`okrsite.diff_findings.findings_of`,
    which words them in any language; imported here, as it imports this)."""
    from okrsite.diff_findings import findings_of

    return tuple(findings_of(objectives, kpis, goals, head_errors, moves=moves))


def show(value: Value) -> str:
    """A value as a person reads it: ``16`` not ``16.0``, ``1,000,000``, ``—`` for none.

    Numbers go through :func:`okrsite.numbers.format_number`, the pages'
    formatter, with four decimals rather than two: a diff must not show a
    change in the third decimal as "0.12 → 0.12".
    """
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return numbers.format_number(value, 4)
    if isinstance(value, tuple):
        return ", ".join(value) if value else "—"
    return str(value)


#: fields measured in their record's unit, which the report writes with them
MEASURED = frozenset({"start", "target", "threshold", "current", "green", "red", "value"})

#: the report's words are English, so are its numbers (``1,000,000 EUR``, ``4.5%``)
_ENGLISH = load_language("en", ())


def show_measure(value: Value, unit: str) -> str:
    """A figure with its unit as the pages write it (``1,000,000 EUR``, ``4.5%``,
    ``$450,000.50``: money with cents has two decimals,
    :func:`okrsite.view.formatting.money_with_cents`, as on the pages).

    The unit is put on by :meth:`okrsite.translations.Language.with_unit`,
    the pages' one place for it; anything but a finite number is :func:`show`.
    """
    if (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and numbers.finite(value) is not None
    ):
        return _ENGLISH.with_unit(money_with_cents(value, unit) or show(value), unit)
    return show(value)


def show_field(f: FieldChange, units: tuple[str, str] = ("", "")) -> tuple[str, str]:
    """A field's before and after as text, figures of :data:`MEASURED` fields with their units."""
    if f.field in MEASURED:
        return show_measure(f.before, units[0]), show_measure(f.after, units[1])
    return show(f.before), show(f.after)


def _mark_broken(
    rec: RecordChange, error_files: Collection[str], base_error_files: Collection[str]
) -> RecordChange:
    if rec.change == "removed" and rec.file in error_files:
        return replace(rec, broken=True)
    if rec.change == "added" and rec.file in base_error_files:
        return replace(rec, broken_at_base=True)
    return rec


def _errors_by_file(diags: Sequence[Diagnostic]) -> dict[str, tuple[Diagnostic, ...]]:
    out: dict[str, tuple[Diagnostic, ...]] = {}
    for d in diags:
        if d.is_error and d.file:
            out[d.file] = (*out.get(d.file, ()), d)
    return out


def _unreadable(
    kind: str,
    side: Mapping[str, Objective] | Mapping[str, KPI],
    other: Mapping[str, Objective] | Mapping[str, KPI],
    matched: Collection[str],
    other_errors: Mapping[str, tuple[Diagnostic, ...]],
) -> dict[tuple[str, str], tuple[Diagnostic, ...]]:
    """``(kind, id)`` → errors for the records of ``side`` that ``other``
    lacks only because their file has errors there (the loader leaves such
    records out, and silently cuts every link to them)."""
    return {
        (kind, rid): other_errors[rec.file]
        for rid, rec in side.items()
        if rid not in other and rid not in matched and rec.file in other_errors
    }


# ------------------------------------------------------------------ entry point
def diff_portfolios(
    base: ScoredPortfolio,
    head: ScoredPortfolio,
    base_diags: Sequence[Diagnostic] = (),
    head_diags: Sequence[Diagnostic] = (),
    *,
    head_has_file: Callable[[str], bool] | None = None,
    base_has_file: Callable[[str], bool] | None = None,
    moved_files: Mapping[str, str] | None = None,
    configs: tuple[SiteConfig, SiteConfig] | None = None,
    config_texts: tuple[str | None, str | None] = (None, None),
    changed_on: date | None = None,
) -> DiffResult:
    """Compare two scored portfolios; both should be scored at the same as_of.

    Scoring both sides at one date is what makes the comparison mean "what
    the change did" rather than "what the passing of time did".

    ``head_has_file`` and ``base_has_file`` say whether a file (relative to
    the site) exists on that side: a check-in of an objective that cannot be
    read there is "cannot be read" while its file is there, and removed (or
    added) when it is not. Without them every such file counts as there.

    ``moved_files`` maps a file at head (relative to the site) to the file
    git saw it move from (``git mv``, or a deletion and an addition git pairs
    by content): a record whose id changed with its file is one record,
    whatever else the commit changed in it (its title too), as the history
    reads it; records on one side only are otherwise paired by title.

    ``configs`` are the base's and head's settings (``okrsite.toml``), and
    ``config_texts`` the files themselves (for their ``[[sources]]``): the
    ones that differ are part of the result (:func:`settings_changes`).

    ``changed_on`` is the day the change was made (``None``: as_of): the
    head commit's, as the site's history dates it, for a commit; as_of for
    the working tree. Whether a change is mid-cycle, or made after its
    cycle ended, is judged on that day, so the diff of a past commit says
    what ``api/history.json`` says of it; the figures stay at as_of.
    """
    # the base's owners, teams and authors named by the head's people and
    # teams, as the history names old versions: a renamed file is no change
    names = head_names(head.portfolio)
    organisation = organisation_changes(base, head, names)
    base = replace(base, portfolio=named_as_head(base.portfolio, names, head.portfolio))
    bp, hp = base.portfolio, head.portfolio
    as_of = head.as_of
    moment = changed_on or as_of
    moved = moved_files or {}
    obj_renames = _paired(bp.objectives, hp.objectives, moved)
    kpi_renames = _paired(bp.kpis, hp.kpis, moved)
    goal_renames = _paired(bp.goals, hp.goals, moved)
    head_errors_by_file = _errors_by_file(head_diags)
    base_errors_by_file = _errors_by_file(base_diags)
    # records one side leaves out only because their file has errors there:
    # "cannot be read at head" / "could not be read at base", and what links
    # to them (a child's parent, a check-in) is not changed by the change
    head_unreadable = {
        **_unreadable(
            "objective", bp.objectives, hp.objectives, obj_renames.values(), head_errors_by_file
        ),
        **_unreadable("kpi", bp.kpis, hp.kpis, kpi_renames.values(), head_errors_by_file),
    }
    base_unreadable = {
        **_unreadable("objective", hp.objectives, bp.objectives, obj_renames, base_errors_by_file),
        **_unreadable("kpi", hp.kpis, bp.kpis, kpi_renames, base_errors_by_file),
    }
    unreadable_objectives = {
        rid for kind, rid in (*head_unreadable, *base_unreadable) if kind == "objective"
    }

    def krs_of(b: Objective, h: Objective) -> tuple[KRChange, ...]:
        mid = _mid_cycle(b, h, hp, moment)
        return key_result_changes(b, h, mid, mid, mid)

    objectives = _record_changes(
        "objective",
        bp.objectives,
        hp.objectives,
        obj_renames,
        lambda b, h: objective_fields(
            b, h, obj_renames, unreadable_objectives, _parent_gone(b, h, hp, head_diags)
        ),
        krs_of,
    )
    kpis = _record_changes(
        "kpi",
        bp.kpis,
        hp.kpis,
        kpi_renames,
        lambda b, h: kpi_fields(b, h) + _kpi_score_fields(base.kpis.get(b.id), head.kpis.get(h.id)),
        unit=lambda k: k.unit,
    )
    kpis = with_readings(kpis, bp.kpis, hp.kpis, kpi_renames, base.kpis, head.kpis)
    goals = _record_changes(
        "goal",
        bp.goals,
        hp.goals,
        goal_renames,
        lambda b, h: (
            _goal_fields(b, h) + _goal_score_fields(base.goals.get(b.id), head.goals.get(h.id))
        ),
        unit=lambda g: g.measure.unit if g.measure else "",
    )
    kr_renames = {
        rec.id: {kr.id: kr.renamed_from for kr in rec.key_results if kr.renamed_from}
        for rec in objectives
        if any(kr.renamed_from for kr in rec.key_results)
    }
    checkins = _checkin_changes(
        bp,
        hp,
        as_of,
        head_errors_by_file,
        obj_renames,
        kr_renames,
        base_errors_by_file,
        head_unreadable,
        base_unreadable,
        head_has_file,
        base_has_file,
        kpi_renames,
        moved,
    )

    edited = {c.id for c in objectives if c.change == "changed"}
    checked_in = {c.target for c in checkins if c.target_kind == "objective" and c.counted}
    changed_kpis = {c.id for c in kpis} | {
        c.target for c in checkins if c.target_kind == "kpi" and c.counted
    }
    changed_kpis |= {
        k for k in set(base.kpis) & set(head.kpis) if base.kpis[k].series != head.kpis[k].series
    }
    scores = _score_changes(
        base,
        head,
        obj_renames,
        edited,
        checked_in,
        changed_kpis,
        kr_renames,
        unreadable_objectives,
    )
    objectives, kpis, goals = (
        tuple(_mark_broken(r, head_errors_by_file, base_errors_by_file) for r in records)
        for records in (objectives, kpis, goals)
    )
    objectives = tuple(
        r if r.broken or r.broken_at_base else _after_the_end(r, bp, hp, moment) for r in objectives
    )
    kpis = ended_by_readings(kpis, scores, hp, moment)
    moved = {r.file: r.moved_from for r in (*objectives, *kpis, *goals) if r.moved_from}
    introduced, resolved = _diag_changes(base_diags, head_diags, moved)
    base_config, head_config = configs if configs is not None else (None, None)
    resolved, not_checked = _checked_on_other_side(resolved, head_diags, head_config)
    introduced, not_checked_at_base = _checked_on_other_side(introduced, base_diags, base_config)
    head_errors = tuple(d for d in head_diags if d.is_error)
    moves = place_moves(bp, hp, obj_renames, head_has_file)
    return DiffResult(
        as_of=as_of,
        objectives=objectives,
        kpis=kpis,
        goals=goals,
        checkins=checkins,
        scores=scores,
        introduced=introduced,
        resolved=resolved,
        not_checked=not_checked,
        not_checked_at_base=not_checked_at_base,
        head_errors=head_errors,
        findings=_findings(objectives, kpis, goals, head_errors, moves),
        place_moves=moves,
        person_names={**bp.person_names, **hp.person_names},
        team_names={**bp.team_names, **hp.team_names},
        settings=settings_changes(*configs, config_texts)
        if configs is not None
        else tuple(source_changes(config_texts)),
        changed_on=moment,
        organisation=organisation,
    )
