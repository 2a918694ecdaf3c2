"""``okrsite carry FROM TO``: unfinished objectives continue in the next cycle.

At the end of a quarter the objectives that were not reached are usually
written again for the next one, by hand, from the last check-in's numbers.
This module plans those files from the scored portfolio (pure: which
objectives, which key results, which ids, what text) and writes them at the
edge, never over an existing file. Each new file is a ``status: draft``
objective the team reviews before setting it to active.

Ids: the new objective's id is the old one with the new cycle as a suffix,
``sales/pipeline`` → ``sales/pipeline-2027-q1``; an id that already ends with
the old cycle's suffix has it replaced (``sales/emea-2026-q4`` →
``sales/emea-2027-q1``), so carrying twice does not stack suffixes. The
file is written beside its source, in its folder as spelt on disk
(``Customer Success/``), so a team keeps one folder.

Cycles: TO must start after FROM ends; an earlier or overlapping TO (or
FROM under another name) would take the drafts, once active, into a
cycle whose figures they must not change. Starts and titles of carried key
results: :mod:`okrsite.carry_titles`.

People and teams: the owner, the team and the initiatives' owners are
written as the source file writes them (``owner: Uma Diaz`` stays ``owner: Uma Diaz``, not the id
``uma-diaz`` it resolves to), read from the source by the real parser
(:func:`names_as_written`), because the team edits the draft next and
expects its own file back, not okrsite's internal ids.

Alignment: carrying must never change a finished cycle's figures. A carried
objective keeps its ``parent:`` only when the parent is carried too (then it
points at the copy) or lives in a cycle that spans TO and has not ended; an
objective of FROM that stays behind, or of any other cycle, would take the
draft's progress into that cycle's figures once the team activates it. Such
a parent is left out and named in a comment of the front matter instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from okrsite.carry_taken_id import claimed_twice, exists_line, taken_id
from okrsite.carry_titles import carried_start, carried_title
from okrsite.cycle_names import unknown_cycle_hint
from okrsite.cycles import canonical, lookup, phase
from okrsite.model import (
    Cycle,
    KeyResult,
    Objective,
    ObjectiveScore,
    Portfolio,
    ScoredPortfolio,
)
from okrsite.parse import parse_file
from okrsite.parse_names import path_id
from okrsite.scoring import reached
from okrsite.slug import slugify
from okrsite.written_numbers import numbers_written_in

#: statuses of an objective that carry without ``--all``: missed after the
#: cycle, anything short of done while it runs (upcoming included)
_UNFINISHED = frozenset({"missed", "on-track", "at-risk", "off-track", "upcoming"})


class CarryError(Exception):
    """A usage mistake (unknown cycle, same cycle twice); the message says what to do."""


@dataclass(frozen=True, slots=True)
class CarriedObjective:
    """One file ``okrsite carry`` writes (or would write, with ``--dry-run``)."""

    source: str
    id: str
    rel: str
    text: str
    key_results: tuple[str, ...]
    parent: str | None
    #: the source's parent when it was left out (see the module docstring)
    unaligned: str | None = None
    #: why it was left out: "which was not carried (…)", "which is of 2026-H2, …"
    unaligned_why: str = ""
    #: what else the user has to look at: a key result whose KPI is past its target
    key_result_notes: tuple[str, ...] = ()

    def note(self, to_cycle: str) -> str | None:
        """What the user has to do about a parent that was left out, if any."""
        if self.unaligned is None:
            return None
        return (
            f"{self.source} was aligned to {self.unaligned}, {self.unaligned_why}: "
            f"align {self.id} in {to_cycle} (its front matter names the old parent)"
        )


def carried_into(portfolio: Portfolio) -> dict[str, list[str]]:
    """Objective id → the objectives carried from it (``carried_from:``), sorted:
    the source's page links its continuation as the continuation links back."""
    out: dict[str, list[str]] = {}
    for oid, obj in portfolio.objectives.items():
        if obj.carried_from is not None and obj.carried_from in portfolio.objectives:
            out.setdefault(obj.carried_from, []).append(oid)
    return {k: sorted(v) for k, v in out.items()}


def carried_id(oid: str, from_cycle: str, to_cycle: str) -> str:
    """The id of ``oid`` carried into ``to_cycle`` (see the module docstring)."""
    old, new = slugify(from_cycle), slugify(to_cycle)
    if old and oid.endswith("-" + old):
        return oid[: -len(old)] + new
    return f"{oid}-{new}"


def names_as_written(
    site_root: Path, portfolio: Portfolio, cycle: str, content_dir: str, language: str
) -> dict[str, dict[str, str]]:
    """Objective id → ``{"owner": …, "team": …}`` as the objective files of
    ``cycle`` write them, for :func:`plan_carry`.

    The portfolio holds only the ids names resolve to (``uma-diaz``), so a
    draft written from it would read ``owner: uma-diaz`` where the team
    wrote ``owner: Uma Diaz``. The source file is parsed again by the
    loader's parser (YAML or TOML, any key spelling), whose record of the
    names it read gives the spelling; of co-owners (``owner: Uma Diaz, Tom
    Lee``) it is the one that counts. An initiative's owner is under
    ``person:ID`` (``person:tom-lee`` → ``Tom Lee``), as the file first
    writes that person. A file that cannot be read leaves
    its objective out, and the ids are written, as before.
    """
    out: dict[str, dict[str, str]] = {}
    for oid, obj in portfolio.objectives.items():
        initiative_owners = {i.owner for i in obj.initiatives if i.owner is not None}
        if obj.cycle != cycle or (obj.owner is None and obj.team is None and not initiative_owners):
            continue
        try:
            raw = (site_root / obj.file).read_bytes()
        except OSError:
            continue
        with numbers_written_in(language):  # as the load read it
            parsed = parse_file(obj.file, raw, content_dir=content_dir, default_cycle=obj.cycle)
        record = parsed.record
        if not isinstance(record, Objective):
            continue
        wanted = {"person": ("owner", record.owner), "team": ("team", record.team)}
        written: dict[str, str] = {}
        for kind, ident, name in parsed.names:
            key, expected = wanted.get(kind, ("", None))
            if expected is not None and ident == expected and key not in written:
                written[key] = name
            if kind == "person" and ident in initiative_owners:
                written.setdefault(f"person:{ident}", name)
        if written:
            out[oid] = written
    return out


def _number(x: float) -> int | float:
    """Whole numbers written as ``12``, not ``12.0``."""
    return int(x) if float(x).is_integer() and abs(x) < 1e15 else x


def _past(kr: KeyResult, value: float) -> bool:
    """Whether ``value`` is at or beyond the target, on the better side."""
    target = kr.target if kr.target is not None else 0.0
    return value <= target if kr.lower_is_better else value >= target


def _carried_key_result(
    kr: KeyResult, score: ObjectiveScore, scored: ScoredPortfolio, notes: list[str]
) -> dict[str, Any]:
    """The front matter of one key result in the next cycle: same measure, and a
    numeric one starts where the last value left it (its title too:
    :func:`okrsite.carry_titles.carried_title`). A key result that reads a
    KPI starts at the KPI's reading at as_of, which it reads in the next
    cycle, not at the ended cycle's figure; one already at or past its
    target there adds a note to ``notes``: the draft would be done on its
    first day."""
    out: dict[str, Any] = {"id": kr.id, "title": kr.title}
    last = score.key_results[kr.id].current
    if kr.kind == "numeric":
        if kr.kpi is not None:
            out["kpi"] = kr.kpi
            reading = scored.kpis.get(kr.kpi)
            if reading is not None and reading.value is not None:
                last = reading.value
                if kr.target is not None and _past(kr, last):
                    # as the pages and okrsite diff write them ($1,500k, 4.5%)
                    from okrsite.diff import show_measure

                    unit = kr.unit or ""
                    notes.append(
                        f"{kr.id}: KPI {kr.kpi} already reads {show_measure(last, unit)} "
                        f"({reading.date}), at or past the target "
                        f"{show_measure(kr.target, unit)}: "
                        "raise the target before you set the objective active, or it is "
                        "done on its first day"
                    )
        start = last if last is not None else kr.start
        if start is not None and kr.target is not None and _past(kr, start):
            # already at or past the target (graded below 1.0 with score:):
            # starting there would turn the key result's direction round
            start = kr.start
        if start is not None and start != kr.start:
            start = carried_start(kr, start)
        if start is not None:
            out["start"] = _number(start)
            if start != kr.start:
                out["title"] = carried_title(kr, start)
        if kr.target is not None:
            out["target"] = _number(kr.target)
    elif kr.kind == "milestones":
        out["milestones"] = [{"title": m.title, "done": False} for m in kr.milestones if not m.done]
        if not out["milestones"]:  # every milestone was done: the checklist starts over
            out["milestones"] = [{"title": m.title, "done": False} for m in kr.milestones]
    elif kr.kind == "boolean":
        out["done"] = False
    elif kr.kind in ("stay_above", "stay_below") and kr.threshold is not None:
        out[kr.kind] = _number(kr.threshold)
    if kr.unit:
        out["unit"] = kr.unit
    if kr.weight != 1.0:
        out["weight"] = _number(kr.weight)
    if kr.written_owner is not None:
        out["owner"] = kr.written_owner
    if kr.description is not None:
        out["description"] = kr.description
    return out


def _chosen(scored: ScoredPortfolio, from_cycle: str, every: bool) -> list[str]:
    p = scored.portfolio
    ids = []
    for oid, obj in p.objectives.items():
        if obj.cycle != from_cycle:
            continue
        status = scored.objectives[oid].status
        if (every and status != "dropped") or status in _UNFINISHED:
            ids.append(oid)
    return ids


def _key_results_to_carry(obj: Objective, score: ObjectiveScore, every: bool) -> list[KeyResult]:
    """Active key results short of 1.0 (all active ones with ``every``)."""
    return [
        kr
        for kr in obj.key_results
        if kr.status == "active" and (every or not reached(score.key_results[kr.id].progress, 1.0))
    ]


def _parent(
    scored: ScoredPortfolio,
    obj: Objective,
    to: Cycle,
    new_ids: dict[str, str],
    carried_krs: dict[str, tuple[str, ...]],
) -> tuple[str | None, str | None, str]:
    """The carried objective's parent, the old parent when it is left out, and why.

    A carried parent is followed to its copy (to its key result when that key
    result was carried, else to the objective). Any other parent is kept only
    when its cycle spans TO and has not ended (the year's objective for a
    quarter): anything else, first of all the parent that stays behind in
    FROM, would count the draft's progress in a cycle it does not belong to,
    and once activated change that cycle's figures, final ones included.
    """
    pid = obj.parent_objective
    if pid is None:
        return None, None, ""
    if pid in new_ids:
        kr = obj.parent_key_result
        if kr is not None and kr in carried_krs[pid]:
            return f"{new_ids[pid]}#{kr}", None, ""
        return new_ids[pid], None, ""
    p = scored.portfolio
    parent = p.objectives[pid]
    if parent.cycle == obj.cycle:
        return None, obj.parent, f"which was not carried (it stays in {obj.cycle})"
    theirs = p.cycles.get(parent.cycle)
    if theirs is None:  # not reached: every objective's cycle is known after resolving
        return None, obj.parent, f"which is of {parent.cycle}"
    if phase(theirs, scored.as_of) == "over":
        return None, obj.parent, f"which is of {theirs.name}, a cycle that has ended"
    if not (theirs.start <= to.start and to.end <= theirs.end):
        return None, obj.parent, f"which is of {theirs.name}, a cycle that does not span {to.name}"
    return obj.parent, None, ""


def carry_cycles(
    portfolio: Portfolio,
    from_cycle: str,
    to_cycle: str,
    custom_cycles: Mapping[str, Cycle] | None = None,
    as_of: date | None = None,
) -> tuple[Cycle, Cycle]:
    """FROM and TO as cycles, their names written as ``cycle:`` of a goal file may
    write them (``Q3 2026``, ``2026 q3`` are ``2026-Q3``, by
    :func:`okrsite.cycles.canonical`, the parser's rule). A FROM no objective
    is in is refused with the cycles that have some: ``Q4 2026`` typed on a
    fiscal site is the calendar quarter, and "nothing to carry" would hide
    that the fiscal one (``FY2027-Q4``) was meant."""
    custom = custom_cycles or {}
    found = []
    for name in (from_cycle, to_cycle):
        named = canonical(name.strip(), custom)
        cycle = portfolio.cycles.get(named) or lookup(named, custom)
        if cycle is None:
            known = sorted({*portfolio.cycles, *custom})
            use = unknown_cycle_hint(name, custom, as_of or date.today())
            raise CarryError(
                f"unknown cycle {name!r}: {use}"
                + (f" (this site's cycles: {', '.join(known)})" if known else "")
            )
        found.append(cycle)
    start, end = found
    used = sorted({o.cycle for o in portfolio.objectives.values()})
    if start.name not in used:
        raise CarryError(
            f"no objective is in cycle {start.name} ({start.start} – {start.end}): nothing "
            "to carry; name a cycle with objectives"
            + (f" (this site's cycles with objectives: {', '.join(used)})" if used else "")
        )
    if start.name == end.name:
        raise CarryError(f"FROM and TO are the same cycle ({start.name}); name the next cycle")
    if end.start <= start.end:
        # an earlier cycle, one that overlaps FROM or holds it, or FROM under
        # another name (FY2027-Q3 for 2026-Q4): the drafts, once active, would
        # change that cycle's figures, a final scorecard's too
        raise CarryError(
            f"{end.name} ({end.start} – {end.end}) does not start after {start.name} "
            f"({start.start} – {start.end}) ends: name a cycle that starts on or after "
            f"{start.end + timedelta(days=1)}"
        )
    if not slugify(end.name):
        raise CarryError(f"cycle {end.name!r} has no letters or digits to name the new ids with")
    return start, end


def plan_carry(
    scored: ScoredPortfolio,
    from_cycle: str,
    to_cycle: str,
    content_dir: str,
    every: bool = False,
    custom_cycles: Mapping[str, Cycle] | None = None,
    written: Mapping[str, Mapping[str, str]] | None = None,
) -> list[CarriedObjective]:
    """The objectives of ``from_cycle`` to write into ``to_cycle``, with their text.

    Pure: reads the scored portfolio only, so the plan is the same whether it
    is written or only shown (``--dry-run``). ``custom_cycles`` are the
    cycles of ``okrsite.toml``: TO is usually a cycle no objective names yet.
    FROM and TO may be spelt as ``cycle:`` may (:func:`carry_cycles`).
    ``written`` gives owners and teams as the source files write them
    (:func:`names_as_written`); without an entry the id is written.
    """
    p = scored.portfolio
    start, to = carry_cycles(p, from_cycle, to_cycle, custom_cycles)
    from_cycle, to_cycle = start.name, to.name
    chosen = _chosen(scored, from_cycle, every)
    new_ids = {oid: carried_id(oid, from_cycle, to_cycle) for oid in chosen}
    krs = {
        oid: _key_results_to_carry(p.objectives[oid], scored.objectives[oid], every)
        for oid in chosen
    }
    carried_krs = {oid: tuple(kr.id for kr in found) for oid, found in krs.items()}
    plan = []
    for oid in chosen:
        obj, score = p.objectives[oid], scored.objectives[oid]
        parent, unaligned, why = _parent(scored, obj, to, new_ids, carried_krs)
        data: dict[str, Any] = {"title": obj.title, "cycle": to_cycle, "status": "draft"}
        as_written = (written or {}).get(oid, {})
        for key, value in (("owner", obj.owner), ("team", obj.team)):
            if value is not None:
                data[key] = as_written.get(key, value)
        if parent is not None:
            data["parent"] = parent
        if unaligned is not None:
            data["# parent"] = _Comment(
                f"was aligned to {unaligned}, {why}: align it to an objective of {to_cycle} "
                "with parent:"
            )
        if obj.supports:
            data["supports"] = list(obj.supports)
        if obj.commitment != "committed":
            data["commitment"] = obj.commitment
        if obj.weight != 1.0:
            data["weight"] = _number(obj.weight)
        if obj.tags:
            data["tags"] = list(obj.tags)
        data["carried_from"] = oid
        notes: list[str] = []
        if krs[oid]:
            data["key_results"] = [_carried_key_result(kr, score, scored, notes) for kr in krs[oid]]
        open_work = [i for i in obj.initiatives if i.status not in ("done", "dropped")]
        if open_work:
            data["initiatives"] = [
                {
                    k: v
                    for k, v in (
                        ("title", i.title),
                        ("status", i.status),
                        ("link", i.link),
                        ("owner", as_written.get(f"person:{i.owner}", i.owner)),
                    )
                    if v
                }
                for i in open_work
            ]
        new_id = new_ids[oid]
        plan.append(
            CarriedObjective(
                source=oid,
                id=new_id,
                rel=_carried_file(obj, new_id, content_dir),
                text=_front_matter(data, obj.body),
                key_results=carried_krs[oid],
                parent=parent,
                unaligned=unaligned,
                unaligned_why=why,
                key_result_notes=tuple(f"{new_id}#{note}" for note in notes),
            )
        )
    return plan


def _carried_file(obj: Objective, new_id: str, content_dir: str) -> str:
    """Where the carried copy of ``obj`` is written: beside its source, in the
    folder as the file system spells it (``objectives/Customer Success/``,
    whose name folds to the id's ``customer-success``), as ``okrsite new``
    and ``okrsite checkin`` reuse such a folder, so a team keeps one folder
    and not two. Where that would give another id (a source whose path is
    not its id), under ``objectives/`` by the id."""
    prefix = f"{content_dir.strip('/')}/objectives/"
    by_id = f"{prefix}{new_id}.md"
    if not obj.file.startswith(prefix):
        return by_id
    folder = obj.file[len(prefix) :].rpartition("/")[0]
    name = (folder + "/" if folder else "") + new_id.rpartition("/")[2]
    return f"{prefix}{name}.md" if path_id(name) == new_id else by_id


@dataclass(frozen=True, slots=True)
class _Comment:
    """A comment line of the front matter, where the key it stands for would be."""

    text: str


#: written as block lists, one item per line group, as people write them
_BLOCK_KEYS = frozenset({"key_results", "initiatives"})


def _front_matter(data: dict[str, Any], body: str) -> str:
    """The text of a carried objective: one key per line, short lists inline
    (``tags: [a, b]``), key results and initiatives as block lists with one
    key per line and milestones as a nested block list, as the docs show them.

    Every value goes through PyYAML's dumper, so text with colons, quotes or
    ``#`` is quoted as YAML needs (and :func:`write_new` reads it back).
    """
    # yaml and okrsite.scaffold only when something is carried: every build
    # imports this module for :func:`carried_into`
    import yaml

    from okrsite.goal_yaml import QuotingDumper
    from okrsite.scaffold import yaml_line

    class Dumper(QuotingDumper):
        def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
            # lists indented under their key (``key_results:\n  - id: …``)
            return super().increase_indent(flow, False)

        def ignore_aliases(self, data: Any) -> bool:
            return True  # never ``&id001``/``*id001``, whatever objects the values share

    out = []
    for key, value in data.items():
        if isinstance(value, _Comment):
            out.append(f"# {value.text}")
        elif key in _BLOCK_KEYS:
            dumped = yaml.dump(
                {key: value},
                Dumper=Dumper,
                default_flow_style=False,
                allow_unicode=True,
                width=float("inf"),
                sort_keys=False,
            )
            out.append(dumped.rstrip("\n"))
        else:
            out.append(yaml_line(key, value))
    return "---\n" + "\n".join(out) + f"\n---\n{body.rstrip()}\n"


def _check(text: str, rel: str, content_dir: str) -> str | None:
    """The real parser's errors in ``text``, or ``None`` when it reads back clean."""
    parsed = parse_file(rel, text.encode("utf-8"), content_dir=content_dir)
    errors = [d for d in parsed.diagnostics if d.is_error]
    return "; ".join(d.message for d in errors) if errors else None


def write_new(path: Path, text: str, rel: str, content_dir: str, source: str) -> None:
    """Check ``text`` with the real parser, then create ``path`` (never
    overwrite); ``source``: the objective it carries, for the message."""
    from okrsite.scaffold import ScaffoldError

    errors = _check(text, rel, content_dir)
    if errors:
        raise ScaffoldError(errors)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8") as fh:
            fh.write(text)
    except FileExistsError:
        raise ScaffoldError(exists_line(rel, source)) from None


@dataclass(frozen=True, slots=True)
class CarryOutcome:
    """The objectives one carry-over wrote (or would write), and those it left
    alone with the reason."""

    written: tuple[CarriedObjective, ...]
    #: (planned file, why it was not written): carried by an earlier run
    already: tuple[tuple[CarriedObjective, str], ...]
    #: (planned file, why it was not written): the id or file belongs to something else
    conflicts: tuple[tuple[CarriedObjective, str], ...]


def write_carry(
    site_root: Path,
    content_dir: str,
    plan: list[CarriedObjective],
    existing: dict[str, str | None],
    dry_run: bool = False,
    cycles: tuple[str, str] = ("", ""),
) -> CarryOutcome:
    """Write the planned files, never over an existing file or objective.

    ``existing`` maps the ids of the site's objectives to their
    ``carried_from``: a planned id that is already an objective carried from
    the same source was carried by an earlier run (running ``carry`` twice
    is harmless); any other clash is a conflict the user must resolve. With
    ``dry_run`` every check is made the same way and nothing is written, so
    ``--dry-run`` says what the real run would do, conflicts and exit code
    included. ``cycles`` (FROM, TO) explain a taken id (:func:`taken_id`).
    """
    from okrsite import scaffold

    from_cycle, to_cycle = cycles
    written, already, conflicts = [], [], []
    claimed: dict[str, str] = {}  # file → source of the plan item that takes it in this run
    for item in plan:
        if item.id in existing:
            if existing[item.id] == item.source:
                already.append((item, f"already carried: objective {item.id!r} exists"))
            else:
                conflicts.append((item, taken_id(item.source, item.id, from_cycle, to_cycle)))
            continue
        if item.rel in claimed:
            # two ids of FROM carried to one (``x`` and ``x-2026-q3``): the first
            # one's file exists by now, in a real run as in a dry one
            conflicts.append(
                (item, claimed_twice(item.source, item.rel, claimed[item.rel], cycles))
            )
            continue
        path = site_root / item.rel
        if dry_run:
            why = (
                exists_line(item.rel, item.source)
                if path.exists()
                else _check(item.text, item.rel, content_dir)
            )
            if why:
                conflicts.append((item, why))
                continue
        else:
            try:
                write_new(path, item.text, item.rel, content_dir, item.source)
            except scaffold.ScaffoldError as exc:
                conflicts.append((item, str(exc)))
                continue
        claimed[item.rel] = item.source
        written.append(item)
    return CarryOutcome(tuple(written), tuple(already), tuple(conflicts))
