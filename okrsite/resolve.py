"""Resolve references between records into one consistent :class:`Portfolio`.

Pure: takes parsed records and returns the portfolio plus diagnostics. Every
reference is checked (parents, key results, supports, KPI links, drives,
cycles, check-in targets); a mistyped id gets a "did you mean" hint; an
alignment loop is reported once with its whole path. Records whose links are
broken are kept but the broken link is cut, so the rest of the portfolio can
still be scored and shown (the build refuses to publish while errors remain).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any, TypeVar

from okrsite import cycles as cycles_mod
from okrsite.config import SiteConfig
from okrsite.diagnostics import Diagnostic, error, warning
from okrsite.display_order import title_order
from okrsite.model import (
    KPI,
    CheckIn,
    Cycle,
    Goal,
    KeyResult,
    Objective,
    Page,
    Person,
    Portfolio,
    Team,
)
from okrsite.named_targets import milestones_named
from okrsite.parse import (
    ParsedFile,
    closest,
    is_percent_unit,
    kind_and_id_from_path,
    number_hint,
    shown_value,
    without_note,
)
from okrsite.plural import plural
from okrsite.slug import slugify
from okrsite.units import same_unit


def _did_you_mean(name: str, candidates: Iterable[str], itself: str | None = None) -> str | None:
    """A "did you mean" hint; never the record that holds the reference (``itself``).

    An id written in other letter case (``kpi: NPS`` for ``kpis/nps.md``) is
    the one guess; otherwise the closest by edit similarity."""
    others = [c for c in candidates if c != itself]
    same_letters = [c for c in others if c.casefold() == name.casefold()]
    guess = same_letters[0] if len(same_letters) == 1 else closest(name, others)
    return f"did you mean {guess!r}?" if guess else None


def _named_by_title(name: str, key_results: Sequence[KeyResult]) -> str | None:
    """A hint for a key result named by its title (or the start of it) where
    its id belongs: people write what they see on the page. References stay
    ids (a title changes with a rewording), so this only says which id."""
    wanted = slugify(name)
    if not wanted:
        return None
    found = [kr for kr in key_results if slugify(kr.title) == wanted]
    if not found:
        found = [kr for kr in key_results if slugify(kr.title).startswith(wanted + "-")]
    if len(found) != 1:
        return None
    kr = found[0]
    return (
        f"{name!r} is the title of key result {kr.id!r}: name it by its id, {kr.id} "
        "(or give the key result an id of your own with 'id:' in the objective file)"
    )


def _titled(
    ref: str,
    objectives: Mapping[str, Objective],
    key_path: Sequence[object],
    kpis: Mapping[str, KPI] | None = None,
) -> str | None:
    """A hint for an objective (or, given ``kpis``, a KPI) named by its title
    where its id belongs (``parent: Grow the business``, ``kpi: Monthly
    churn``): people write what the page shows. References stay ids (a title
    changes with a rewording, and another file's rewording would then break
    this one), so this says which id."""
    name, _, kr = ref.partition("#")
    wanted = slugify(name)
    if not wanted:
        return None
    # the key written: "kpi" of ("key_results", 0, "kpi"), "supports" of ("supports", 1)
    key = next((str(k) for k in reversed(key_path) if isinstance(k, str)), "parent")
    found = [oid for oid, obj in objectives.items() if slugify(obj.title) == wanted]
    if len(found) == 1:
        return f"{name!r} is the title of objective {found[0]!r}: write {key}: {found[0]}" + (
            f"#{kr}" if kr else ""
        )
    if " " not in name.strip():  # "NPS": an id in other letters is the closer guess
        return None
    titled = [kid for kid, kpi in (kpis or {}).items() if slugify(kpi.title) == wanted]
    if len(titled) == 1 and not kr:
        return f"{name!r} is the title of KPI {titled[0]!r}: write {key}: {titled[0]}"
    return None


_DROPPED_HINT = (
    "if the key result was removed, put it back with 'status: dropped': "
    "old check-ins keep their history and it counts nowhere"
)


def parent_loops(parent_of: Mapping[str, str | None]) -> list[list[str]]:
    """Each loop of ``parent_of`` (record id → its parent's id) once, as the ids
    on it starting from the smallest: a walk up the parents that comes back to
    an id it passed is a loop. Ids whose walk ends (no parent, or one that is
    not in ``parent_of``) are on none."""
    state: dict[str, int] = {}  # 0 visiting, 1 done
    loops: list[list[str]] = []
    for start in sorted(parent_of):
        path: list[str] = []
        node: str | None = start
        while node is not None and node in parent_of and node not in state:
            state[node] = 0
            path.append(node)
            node = parent_of[node]
        if node is not None and state.get(node) == 0 and node in path:
            loop = path[path.index(node) :]
            k = loop.index(min(loop))
            loops.append(loop[k:] + loop[:k])
        for n in path:
            state[n] = 1
    return loops


_Linked = TypeVar("_Linked", bound=Objective | Team)


def _cut_loops(
    table: dict[str, _Linked],
    parent_of: Mapping[str, str | None],
    diagnostic: Callable[[_Linked, str], Diagnostic],
) -> list[Diagnostic]:
    """Each loop of :func:`parent_loops`, reported on every record on it with
    its whole chain (``a → b → c → a``), and cut: those records lose their
    ``parent``, so every walk up the tree ends."""
    found: list[Diagnostic] = []
    for ordered in parent_loops(parent_of):
        chain = " → ".join([*ordered, ordered[0]])
        found += [diagnostic(table[rid], chain) for rid in ordered]
        for rid in ordered:
            table[rid] = replace(table[rid], parent=None)
    return found


def _unknown_names(
    people: Mapping[str, Person],
    teams: Mapping[str, Team],
    tables: Iterable[Mapping[str, object]],
    checkins: Sequence[CheckIn],
) -> tuple[set[str], set[str]]:
    """The people and teams named that have no file of that id (most sites: none)."""
    if not people and not teams:  # nobody to be named by a title
        return set(), set()
    named_people: set[str] = {c.author for c in checkins if c.author is not None}
    named_teams: set[str] = set()
    for table in tables:
        for rec in table.values():
            if isinstance(rec, (Objective, KPI, Goal)):
                named_people.add(rec.owner or "")
                named_teams.add(rec.team or "")
                if isinstance(rec, Objective):
                    named_people.update(i.owner or "" for i in rec.initiatives)
            elif isinstance(rec, Team):
                named_people.add(rec.lead or "")
                named_people.update(rec.members)
                named_teams.add(rec.parent or "")
            elif isinstance(rec, Person):
                named_teams.add(rec.team or "")
    return named_people - people.keys() - {""}, named_teams - teams.keys() - {""}


def title_aliases(
    table: Mapping[str, Team] | Mapping[str, Person], unknown: set[str]
) -> dict[str, str]:
    """Ids that names written as a person's or team's ``title`` become, each
    with the id of that file, where the two differ: ``Jürgen Weiß`` becomes
    ``jurgen-weiss``, and ``people/juergen-weiss.md`` is the file whose title
    it is. A person is also named by the ``email``, ``github`` or ``gitlab``
    of their file (``owner: uma@example.com``, ``owner: "@udiaz"``), as
    issue trackers and sheets name people. Only for the ids named that have
    no file of their own (``unknown``); a name two files share stays as it
    is (its reference is then checked as written)."""
    if not unknown:
        return {}
    found: dict[str, str | None] = {}
    for rid, rec in table.items():
        names: list[str | None] = [rec.title]
        if isinstance(rec, Person):  # as a tracker or a sheet names people
            names += [rec.email, rec.github, rec.gitlab]
            if rec.title:  # named without the note after the name (Uma Diaz (PM))
                names.append(without_note(rec.title))
        for slug in {slugify(name) for name in names if name}:
            if slug in unknown:
                found[slug] = rid if found.get(slug, rid) == rid else None
    return {slug: rid for slug, rid in found.items() if rid is not None}


def _canonical_cycles(table: dict[str, Objective | Goal], config: SiteConfig) -> None:
    """Name each record's cycle as :func:`okrsite.cycles.canonical` does, in place."""
    names: dict[str, str] = {}  # the same few cycles in thousands of files
    for rid, rec in table.items():
        if not rec.cycle:
            continue
        named = names.get(rec.cycle)
        if named is None:
            named = names[rec.cycle] = cycles_mod.canonical(rec.cycle, config.cycles)
        if named != rec.cycle:
            table[rid] = replace(rec, cycle=named)


def _use_file_ids(
    people: Mapping[str, str],
    teams: Mapping[str, str],
    tables: Iterable[dict[str, object]],
    checkins: list[CheckIn],
) -> None:
    """Put the file's id wherever a person or team is named by its title
    (:func:`title_aliases`): owners, teams, authors, leads, parent teams.
    The tables and ``checkins`` are changed in place, records replaced."""

    def person(ref: str | None) -> str | None:
        return people.get(ref, ref) if ref is not None else None

    def team(ref: str | None) -> str | None:
        return teams.get(ref, ref) if ref is not None else None

    def renamed(rec: object) -> object:
        if isinstance(rec, Objective) and any(person(i.owner) != i.owner for i in rec.initiatives):
            initiatives = tuple(replace(i, owner=person(i.owner)) for i in rec.initiatives)
            rec = replace(rec, initiatives=initiatives)
        if isinstance(rec, (Objective, KPI, Goal)):
            owner, in_team = person(rec.owner), team(rec.team)
            if owner != rec.owner or in_team != rec.team:
                return replace(rec, owner=owner, team=in_team)
        elif isinstance(rec, Team):
            lead, parent = person(rec.lead), team(rec.parent)
            members = tuple(dict.fromkeys(people.get(m, m) for m in rec.members))
            if lead != rec.lead or parent != rec.parent or members != rec.members:
                return replace(rec, lead=lead, parent=parent, members=members)
        elif isinstance(rec, Person):
            in_team = team(rec.team)
            if in_team != rec.team:
                return replace(rec, team=in_team)
        return rec

    for table in tables:
        for rid, rec in table.items():
            table[rid] = renamed(rec)
    for i, checkin in enumerate(checkins):
        author = person(checkin.author)
        if author != checkin.author:
            checkins[i] = replace(checkin, author=author)


def resolve(
    parsed: Sequence[ParsedFile],
    config: SiteConfig,
    csv_data: Mapping[str, tuple[list[tuple[date, float]], list[Diagnostic]] | None] | None = None,
    data_near: Mapping[str, str] | None = None,
) -> tuple[Portfolio, list[Diagnostic]]:
    """Check every cross-file reference and assemble the portfolio.

    ``csv_data`` maps a KPI's ``data:`` path to its parsed rows (``None`` when
    the file does not exist); the pipeline reads those files at the edge.
    ``data_near`` names, for a ``data:`` path that does not exist, the file
    beside it that was surely meant (another letter case, one slip off).
    """
    diags: list[Diagnostic] = []
    csv_data = csv_data or {}

    objectives: dict[str, Objective] = {}
    kpis: dict[str, KPI] = {}
    goals: dict[str, Goal] = {}
    teams: dict[str, Team] = {}
    people: dict[str, Person] = {}
    pages: dict[str, Page] = {}
    checkins: list[CheckIn] = []
    broken: dict[str, set[str]] = {}  # kind -> ids of files that failed to parse
    broken_files: set[str] = set()  # files with errors of their own (record kept)
    written_names: dict[tuple[str, str], str] = {}  # (person|team, id) -> name as written
    # (person|team, id) -> each way it is written -> the files writing it so, in
    # file order: a warning about a file quotes that file's own spelling
    spellings: dict[tuple[str, str], dict[str, list[str]]] = {}

    tables: dict[str, dict[str, object]] = {
        "objective": objectives,  # type: ignore[dict-item]
        "kpi": kpis,  # type: ignore[dict-item]
        "goal": goals,  # type: ignore[dict-item]
        "team": teams,  # type: ignore[dict-item]
        "person": people,  # type: ignore[dict-item]
        "page": pages,  # type: ignore[dict-item]
    }
    folded: dict[tuple[str, str], Any] = {}  # (kind, tag_key(id)) -> record
    for pf in parsed:
        for kind, ident, name in pf.names:
            written_names.setdefault((kind, ident), name)
            files = spellings.setdefault((kind, ident), {}).setdefault(name, [])
            if not files or files[-1] != pf.file:
                files.append(pf.file)
        if pf.broken:
            broken_files.add(pf.file)
        rec = pf.record
        if rec is None:
            if pf.kind is not None:
                _, pid = kind_and_id_from_path(pf.file, config.content_dir)
                if pid:
                    broken.setdefault(pf.kind, set()).add(pid)
            continue
        if isinstance(rec, CheckIn):
            checkins.append(rec)
            continue
        table = tables[pf.kind or ""]
        existing = table.get(rec.id)
        if existing is not None:
            diags.append(
                error(
                    "OKR301",
                    f"{pf.kind} id {rec.id!r} is already used by {existing.file}",  # type: ignore[attr-defined]
                    rec.file,
                    line=1,
                    hint="give one of them another 'id:' or file name",
                )
            )
            continue
        # ids that differ only in letter case (or in the Unicode form of an
        # accented letter) name one folder on macOS and Windows, and in a zip
        # unpacked there: one page would overwrite the other
        folded_key = (pf.kind or "", tag_key(rec.id))
        same = folded.get(folded_key)
        if same is not None:
            diags.append(
                error(
                    "OKR301",
                    f"{pf.kind} id {rec.id!r} differs from {same.id!r} of {same.file} only in "  # type: ignore[attr-defined]
                    "letter case: their pages would be one file on macOS and Windows",
                    rec.file,
                    line=1,
                    hint="give one of them another 'id:' or file name",
                )
            )
            continue
        folded[folded_key] = rec
        table[rec.id] = rec

    # Records of files with errors of their own are set aside: their references
    # are checked below like any other (every error in one run), but they take
    # no part in the portfolio, and naming them is no second error.
    aside: dict[str, dict[str, object]] = {kind: {} for kind in tables}
    for kind, table in tables.items():
        for rid in [rid for rid, rec in table.items() if rec.file in broken_files]:  # type: ignore[attr-defined]
            aside[kind][rid] = table.pop(rid)
            broken.setdefault(kind, set()).add(rid)
    # a quarter written as people write it (Q4 2026) is the calendar cycle 2026-Q4
    for with_cycles in (objectives, goals, aside["objective"], aside["goal"]):
        _canonical_cycles(with_cycles, config)  # type: ignore[arg-type]
    # a name written as a person's or team's title names that file
    unknown_people, unknown_teams = _unknown_names(
        people, teams, [*tables.values(), *aside.values()], checkins
    )
    person_titles = title_aliases(people, unknown_people)
    team_titles = title_aliases(teams, unknown_teams)
    if person_titles or team_titles:
        _use_file_ids(person_titles, team_titles, [*tables.values(), *aside.values()], checkins)
    aside_objectives: dict[str, Objective] = aside["objective"]  # type: ignore[assignment]
    aside_kpis: dict[str, KPI] = aside["kpi"]  # type: ignore[assignment]
    aside_goals: list[Goal] = list(aside["goal"].values())  # type: ignore[arg-type]

    hints: dict[tuple[str, str, str | None], str | None] = {}

    def hint_among(
        among: str, ref: str, known: Iterable[str], itself: str | None = None
    ) -> str | None:
        """:func:`_did_you_mean` among the ids of one table, worked out once per name.

        A wrong reference is usually wrong in many files (an owner nobody
        added to content/people/): comparing it with every id for each
        file cost more than the rest of resolving. ``among`` names the
        table, which is complete before any reference is checked.
        """
        key = (among, ref, itself)
        if key not in hints:
            hints[key] = _did_you_mean(ref, known, itself)
        return hints[key]

    def hint_named(
        among: str, ref: str, known: Mapping[str, Person | Team], itself: str | None = None
    ) -> str | None:
        """:func:`hint_among` for a person or team, who is named by their name
        as often as by their id: ``team: Customer Sucess`` is one letter from
        the title of ``teams/cs.md``, so the hint gives that name to write."""
        key = (among + " name", ref, itself)
        if key not in hints:
            titles = {slugify(r.title): r.title for i, r in known.items() if i != itself}
            guess = closest(ref, [t for t in titles if t and t not in known])
            hints[key] = (
                f"did you mean {titles[guess]!r}?"
                if guess is not None
                else _did_you_mean(ref, known, itself)
            )
        return hints[key]

    def unknown(
        kind: str,
        ref: str,
        known: Iterable[str],
        file: str,
        key_path: tuple[str | int, ...],
        what: str,
        itself: str | None = None,
        among: str | None = None,
        written: str | None = None,
    ) -> None:
        """``written``: the reference as written, when ``ref`` is part of it
        (the objective of ``parent: x#kr``)."""
        if ref in broken.get(kind, set()):
            return  # that file has its own error already
        diags.append(
            error(
                "OKR303",
                f"{what} {ref!r} does not exist",
                file,
                hint=(
                    _titled(written or ref, objectives, key_path)
                    if kind == "objective"
                    else _titled(ref, {}, key_path, kpis)
                    if kind == "kpi"
                    else None
                )
                or hint_among(among or kind, ref, known, itself)
                or f"check the id; ids are file paths under content/{kind}s without .md",
                key_path=key_path,
            )
        )

    # ---- cycles
    known_cycles: dict[str, Cycle] = {}

    def cycle_of(name: str, file: str, key_path: tuple[str | int, ...]) -> Cycle | None:
        if name in known_cycles:
            return known_cycles[name]
        found = cycles_mod.lookup(name, config.cycles)
        if found is None:
            diags.append(
                error(
                    "OKR302",
                    f"unknown cycle {name!r}",
                    file,
                    hint=(
                        f"a quarter or half needs its year: write it like 2026-{name.strip().upper()}"
                        if re.fullmatch(r"\s*[QqHh][1-4]\s*", name)
                        and (name.strip()[0] in "Qq" or name.strip()[1] in "12")
                        else "set fiscal_year_start in okrsite.toml to the month your fiscal "
                        "year starts (fiscal_year_start = 4 for April): fiscal years, halves "
                        "and quarters are then known by their names"
                        if cycles_mod.fiscal_name(name) is not None
                        and not isinstance(config.cycles, cycles_mod.FiscalCycles)
                        else "use 2026, 2026-H1, 2026-Q1 or 2026-03, or define it in "
                        f"okrsite.toml as [cycles.{_toml_key(name)}] with start and end dates"
                    ),
                    key_path=key_path,
                )
            )
            return None
        known_cycles[name] = found
        return found

    # an objective in an unknown cycle cannot be scored; its other references
    # are still checked below (every error in one run), then it is set aside
    no_cycle = [
        oid for oid, obj in objectives.items() if cycle_of(obj.cycle, obj.file, ("cycle",)) is None
    ]
    for obj in aside_objectives.values():
        cycle_of(obj.cycle, obj.file, ("cycle",))

    # ---- objective references
    for oid, obj in [*objectives.items(), *aside_objectives.items()]:
        changes: dict[str, object] = {}
        if obj.parent is not None:
            pid, kr = obj.parent_objective or "", obj.parent_key_result
            parent = objectives.get(pid)
            if parent is None:
                unknown(
                    "objective",
                    pid,
                    objectives,
                    obj.file,
                    ("parent",),
                    "parent objective",
                    oid,
                    written=obj.parent,
                )
                changes["parent"] = None
            elif kr is not None and parent.key_result(kr) is None:
                diags.append(
                    error(
                        "OKR304",
                        f"objective {pid!r} has no key result {kr!r}",
                        obj.file,
                        hint=_named_by_title(kr, parent.key_results)
                        or _did_you_mean(kr, [k.id for k in parent.key_results])
                        or f"its key results are: {', '.join(k.id for k in parent.key_results) or 'none'}",
                        key_path=("parent",),
                    )
                )
                changes["parent"] = None
            elif pid == oid:
                diags.append(
                    error(
                        "OKR308",
                        f"objective {oid!r} is aligned to itself",
                        obj.file,
                        key_path=("parent",),
                    )
                )
                changes["parent"] = None
        for i, ref in enumerate(obj.supports):
            sup_obj, _, sup_kr = ref.partition("#")
            if sup_kr and sup_obj in objectives and not reference_exists(ref, objectives, kpis):
                krs_of = [k.id for k in objectives[sup_obj].key_results]
                diags.append(
                    error(
                        "OKR304",
                        f"objective {sup_obj!r} has no key result {sup_kr!r}",
                        obj.file,
                        hint=_named_by_title(sup_kr, objectives[sup_obj].key_results)
                        or _did_you_mean(sup_kr, krs_of)
                        or f"its key results are: {', '.join(krs_of) or 'none'}",
                        key_path=("supports", i),
                    )
                )
            elif not reference_exists(ref, objectives, kpis):
                unknown(
                    "objective",
                    ref.split("#")[0],
                    [*objectives, *kpis],
                    obj.file,
                    ("supports", i),
                    "supported goal",
                    oid,
                    among="objective or kpi",
                    written=ref,
                )
        if obj.carried_from is not None:
            source = obj.carried_from
            if source == oid or "#" in source or source not in objectives:
                problem = (
                    f"objective {oid!r} is carried from itself"
                    if source == oid
                    else f"carried_from must name an objective, not a key result: {source!r}"
                )
                if source != oid and "#" not in source:
                    unknown(
                        "objective", source, objectives, obj.file, ("carried_from",), "objective"
                    )
                else:
                    diags.append(error("OKR308", problem, obj.file, key_path=("carried_from",)))
                changes["carried_from"] = None
        krs = list(obj.key_results)
        for i, key_result in enumerate(krs):
            if key_result.kpi is not None and key_result.kpi not in kpis:
                unknown("kpi", key_result.kpi, kpis, obj.file, ("key_results", i, "kpi"), "KPI")
                krs[i] = replace(key_result, kpi=None)
                changes["key_results"] = tuple(krs)
        if changes and oid in objectives:
            objectives[oid] = replace(obj, **changes)  # type: ignore[arg-type]

    # ---- alignment loops: follow parents; a walk that returns to itself is a loop
    # (each is cut, so that scoring terminates)
    diags += _cut_loops(
        objectives,
        {oid: obj.parent_objective for oid, obj in objectives.items()},
        lambda obj, chain: error(
            "OKR305",
            f"alignment loop: {chain}",
            obj.file,
            hint="an objective cannot be aligned (directly or through others) to itself; change one 'parent:'",
            key_path=("parent",),
        ),
    )

    for oid in no_cycle:
        del objectives[oid]
        broken.setdefault("objective", set()).add(oid)
    if no_cycle:  # their children keep no link to them
        hints.clear()  # and no hint names them: those were worked out with them in the table
        for oid, obj in list(objectives.items()):
            if obj.parent_objective in broken["objective"]:
                objectives[oid] = replace(obj, parent=None)

    # ---- people and teams (checked only when the site declares any)
    # an owner that names a team and no person (owner: Finance): the team owns it
    objectives = {oid: _team_as_owner(o, people, teams) for oid, o in objectives.items()}
    kpis = {kid: _team_as_owner(k, people, teams) for kid, k in kpis.items()}
    goals = {gid: _team_as_owner(g, people, teams) for gid, g in goals.items()}

    def own_spelling(kind: str, ref: str, file: str) -> str | None:
        """The person or team as ``file`` writes it (the first way, if several)."""
        for name, files in spellings.get((kind, ref), {}).items():
            if file in files:
                return name
        return written_names.get((kind, ref))

    def shown(kind: str, ref: str, file: str) -> str:
        """``'Uma Diaz' (uma-diaz)`` for a name, ``'uma-diaz'`` for an id, as ``file`` writes it."""
        name = own_spelling(kind, ref, file)
        return f"{name!r} ({ref})" if name and name != ref else repr(ref)

    def also(kind: str, ref: str, file: str) -> str:
        """The other ways other files write the same person or team, and where
        (``"; also written 'uma diaz' (content/objectives/a.md)"``): each
        spelling is a file someone fixing them has to find."""
        name = own_spelling(kind, ref, file)
        others = [
            f"{other!r} ({_some_files(files)})"
            for other, files in spellings.get((kind, ref), {}).items()
            if other != name
        ]
        if not others:
            return ""
        return "; also written " + _and_list(others[:3], len(others) - 3, "other spelling")

    def add_file(kind: str, ref: str, file: str) -> str:
        """``add content/people/uma-diaz.md (okrsite new person "Uma Diaz")``:
        where the file goes, and the command that writes it with the name as
        this file writes it, to paste."""
        folder = "people" if kind == "person" else "teams"
        name = own_spelling(kind, ref, file) or ref
        if name == ref:
            quoted = ref  # an id needs no quotes
        elif not any(c in name for c in '"$`\\!'):
            quoted = f'"{name}"'
        else:
            quoted = shlex.quote(name)
        return f"add content/{folder}/{ref}.md (okrsite new {kind} {quoted})"

    def check_person(ref: str | None, file: str, key: tuple[str | int, ...], what: str) -> None:
        if (
            ref is not None
            and people
            and ref not in people
            and ref not in broken.get("person", set())
        ):
            diags.append(
                warning(
                    "OKR306",
                    f"{what} {shown('person', ref, file)} is not a person in content/people/"
                    + also("person", ref, file),
                    file,
                    hint=hint_named("person", ref, people) or add_file("person", ref, file),
                    key_path=key,
                )
            )

    def check_team(
        ref: str | None, file: str, key: tuple[str | int, ...], itself: str | None = None
    ) -> None:
        if ref is not None and teams and ref not in teams and ref not in broken.get("team", set()):
            diags.append(
                warning(
                    "OKR306",
                    f"team {shown('team', ref, file)} is not a team in content/teams/"
                    + also("team", ref, file),
                    file,
                    hint=hint_named("team", ref, teams, itself) or add_file("team", ref, file),
                    key_path=key,
                )
            )

    for obj in [*objectives.values(), *aside_objectives.values()]:
        check_person(obj.owner, obj.file, ("owner",), "owner")
        check_team(obj.team, obj.file, ("team",))
        for i, initiative in enumerate(obj.initiatives):
            check_person(initiative.owner, obj.file, ("initiatives", i, "owner"), "owner")
    for kpi in [*kpis.values(), *aside_kpis.values()]:
        check_person(kpi.owner, kpi.file, ("owner",), "owner")
        check_team(kpi.team, kpi.file, ("team",))
    for g in [*goals.values(), *aside_goals]:
        check_person(g.owner, g.file, ("owner",), "owner")
        check_team(g.team, g.file, ("team",))
    aside_people: list[Person] = list(aside["person"].values())  # type: ignore[arg-type]
    aside_teams: list[Team] = list(aside["team"].values())  # type: ignore[arg-type]
    for p in [*people.values(), *aside_people]:
        check_team(p.team, p.file, ("team",))
    for t in [*teams.values(), *aside_teams]:
        check_person(t.lead, t.file, ("lead",), "lead")
        if t.parent is not None and t.parent not in teams:
            check_team(t.parent, t.file, ("parent",), t.id)
    # a team inside itself, directly or through others, has no place in the
    # team tree (its page's breadcrumb and the sub-team lists would go round):
    # the loop is cut, each of its teams shown at the top, and the site builds
    diags += _cut_loops(
        teams,
        {tid: t.parent for tid, t in teams.items()},
        lambda team, chain: warning(
            "OKR313",
            f"team loop: {chain}; its teams are shown as top-level teams",
            team.file,
            hint="a team cannot be inside itself (directly or through others); change one 'parent:'",
            key_path=("parent",),
        ),
    )

    # ---- KPIs: drives and data files
    series: dict[str, list[tuple[date, float]]] = {kid: list(k.values) for kid, k in kpis.items()}
    for kid, kpi in [*kpis.items(), *aside_kpis.items()]:
        for i, ref in enumerate(kpi.drives):
            if ref not in kpis:
                unknown("kpi", ref, kpis, kpi.file, ("drives", i), "driven KPI", kid)
        if kpi.data is not None:
            loaded = csv_data.get(kpi.data)
            if loaded is None:
                near = (data_near or {}).get(kpi.data)
                diags.append(
                    error(
                        "OKR310",
                        f"data file {kpi.data!r} does not exist"
                        + (f", but {near!r} does" if near else ""),
                        kpi.file,
                        hint=(
                            f"write data: {near} (file names are case-sensitive when the "
                            "site is built elsewhere), or rename the file"
                            if near
                            else f"put a CSV with a 'date,value' header at "
                            f"{config.content_dir}/{kpi.data}"
                        ),
                        key_path=("data",),
                    )
                )
            else:
                rows, csv_diags = loaded
                diags.extend(csv_diags)
                if kid in series:
                    series[kid].extend(rows)

    # ---- goals
    for g in [*goals.values(), *aside_goals]:
        if g.cycle is not None:
            cycle_of(g.cycle, g.file, ("cycle",))
        if g.supports is not None and not reference_exists(g.supports, objectives, kpis):
            obj_part, _, kr_part = g.supports.partition("#")
            if obj_part in broken.get("objective", set()) or obj_part in broken.get("kpi", set()):
                continue
            hint = _titled(g.supports, objectives, ("supports",), kpis) or _did_you_mean(
                obj_part, [*objectives, *kpis]
            )
            if kr_part and obj_part in objectives:
                hint = _did_you_mean(kr_part, [k.id for k in objectives[obj_part].key_results])
            diags.append(
                warning(
                    "OKR303",
                    f"supported goal {g.supports!r} does not exist, so this goal is not Relevant (R)",
                    g.file,
                    hint=hint or "name an objective, 'objective#key-result' or a KPI id",
                    key_path=("supports",),
                )
            )

    # ---- check-ins
    kept: list[CheckIn] = []
    for c in checkins:
        if c.objective is not None:
            target_obj = objectives.get(c.objective)
            if target_obj is None:
                if c.implied and c.objective in broken.get("objective", set()):
                    continue  # its folder's objective has its own error already
                if c.implied:
                    diags.append(_no_subject(c, c.objective, "objective", objectives, kpis))
                else:
                    unknown(
                        "objective", c.objective, objectives, c.file, ("objective",), "objective"
                    )
                continue
            obj = target_obj
            # checked, but kept only without errors (an undated one has its date's)
            ok = c.file not in broken_files and not c.undated
            stray: list[str] = []  # top-level keys that name no key result (loose)
            for key, text in c.texts:
                diags.append(_text_value(obj, key, text, c.file))
                ok = False
            for key, value in c.values.items():
                found_kr = obj.key_result(key)
                where = (key,) if key in c.loose else ("values", key)
                if found_kr is None and key in c.loose:
                    diags.append(
                        warning(
                            "OKR111",
                            f"unknown key {key!r} in a checkin is ignored: objective "
                            f"{obj.id!r} has no key result {key!r}",
                            c.file,
                            hint=f"its key results are: {', '.join(k.id for k in obj.key_results) or 'none'}",
                            key_path=where,
                        )
                    )
                    stray.append(key)
                elif found_kr is None:
                    guess = _named_by_title(key, obj.key_results) or _did_you_mean(
                        key, [k.id for k in obj.key_results]
                    )
                    known_krs = ", ".join(k.id for k in obj.key_results) or "none"
                    diags.append(
                        error(
                            "OKR304",
                            f"objective {obj.id!r} has no key result {key!r}",
                            c.file,
                            hint=guess or f"its key results are: {known_krs}; {_DROPPED_HINT}",
                            key_path=where,
                        )
                    )
                    ok = False
                elif found_kr.kind in ("milestones", "rollup"):
                    how = (
                        _tick_by_name(obj, found_kr)
                        if found_kr.kind == "milestones"
                        else _rollup_hint(obj, found_kr, objectives)
                    )
                    diags.append(
                        error(
                            "OKR307",
                            f"key result {key!r} is a {'checklist' if found_kr.kind == 'milestones' else 'roll-up'} and takes no check-in value",
                            c.file,
                            hint=how,
                            key_path=where,
                        )
                    )
                    ok = False
                elif key in c.yes_no and found_kr.kind != "boolean":
                    written = "yes" if value else "no"
                    diags.append(
                        error(
                            "OKR102",
                            f"value of {key} must be a number, got {written}: key result "
                            f"{key!r} is measured, not done or not",
                            c.file,
                            hint="write the number it has reached, e.g. 50, 0.25 or 1,000,000",
                            key_path=where,
                        )
                    )
                    ok = False
                elif key in c.percent and not is_percent_unit(found_kr.unit):
                    diags.append(_percent_mismatch(c, key, f"key result {key!r}", found_kr.unit))
                    ok = False
                elif (
                    c.units  # most check-ins write bare figures
                    and (word := dict(c.units).get(key)) is not None
                    and not same_unit(word, found_kr.unit)
                ):
                    diags.append(_unit_mismatch(c, key, word, f"key result {key!r}", found_kr.unit))
                    ok = False
                elif found_kr.kind == "boolean" and value not in (0.0, 1.0):
                    diags.append(
                        error(
                            "OKR307",
                            f"key result {key!r} is done or not: its check-in value must be 0 or 1, got {value:g}",
                            c.file,
                            key_path=where,
                        )
                    )
                    ok = False
            cyc = known_cycles.get(obj.cycle)
            if cyc is not None and not c.undated and not cyc.contains(c.date):
                diags.append(
                    warning(
                        "OKR309",
                        f"check-in dated {c.date} is outside its objective's cycle {obj.cycle} ({cyc.start} to {cyc.end})",
                        c.file,
                        hint="check the date, or the objective's cycle",
                        key_path=("date",),
                    )
                )
            if ok:
                if stray:
                    values = {k: v for k, v in c.values.items() if k not in stray}
                    c = replace(c, values=values, loose=tuple(k for k in c.loose if k in values))
                kept.append(c)
        elif c.kpi is not None:
            if c.kpi not in kpis:
                if c.implied and c.kpi in broken.get("kpi", set()):
                    continue  # its folder's KPI has its own error already
                if c.implied:
                    diags.append(_no_subject(c, c.kpi, "KPI", objectives, kpis))
                else:
                    unknown("kpi", c.kpi, kpis, c.file, ("kpi",), "KPI")
                continue
            word = dict(c.units).get("value") if c.units else None
            if "value" in c.percent and not is_percent_unit(kpis[c.kpi].unit):
                diags.append(_percent_mismatch(c, "value", f"KPI {c.kpi!r}", kpis[c.kpi].unit))
            elif word is not None and not same_unit(word, kpis[c.kpi].unit):
                diags.append(_unit_mismatch(c, "value", word, f"KPI {c.kpi!r}", kpis[c.kpi].unit))
            elif c.file not in broken_files and not c.undated:
                kept.append(c)

    kept.sort(key=checkin_order)
    diags.extend(same_day_order_warnings(kept))
    for c in kept:  # in check-in order, so the last of a day is the KPI's value that day
        if c.kpi is not None and c.value is not None:
            series[c.kpi].append((c.date, c.value))
    for o in objectives.values():
        if o.cycle not in known_cycles:
            known_cycles[o.cycle] = cycles_mod.lookup(o.cycle, config.cycles)  # type: ignore[assignment]
    objectives, goals = _one_spelling_per_tag(objectives, goals)
    portfolio = Portfolio(
        objectives=dict(sorted(objectives.items())),
        kpis=dict(sorted(kpis.items())),
        goals=dict(sorted(goals.items())),
        checkins=tuple(kept),
        teams=dict(sorted(teams.items())),
        people=dict(sorted(people.items())),
        pages=dict(
            sorted(pages.items(), key=lambda kv: (kv[1].order, title_order(kv[1].title), kv[0]))
        ),
        cycles=_cycles_kept(known_cycles, config.cycles),
        kpi_series={kid: one_reading_per_day(s) for kid, s in series.items()},
        person_names=_display_names("person", people, written_names),
        team_names=_display_names("team", teams, written_names),
    )
    return portfolio, diags


def tag_key(tag: str) -> str:
    """What makes two tags one: the same letters in any case (and in either
    Unicode form of an accented letter, as macOS and Windows write them)."""
    return unicodedata.normalize("NFC", tag).casefold()


def _one_spelling_per_tag(
    objectives: dict[str, Objective], goals: dict[str, Goal]
) -> tuple[dict[str, Objective], dict[str, Goal]]:
    """Tags written in different letter cases (``Growth``, ``growth``) are one
    tag, spelled everywhere as most records spell it (ties: the spelling that
    sorts first). Two tag pages would otherwise differ only in letter case,
    and on a disk that ignores case (macOS, Windows) one would overwrite the
    other. Records whose tags are already so spelled are kept as they are."""
    spellings: dict[str, dict[str, int]] = {}
    written = [o.tags for o in objectives.values()] + [g.tags for g in goals.values()]
    for tags in written:
        for tag in tags:
            counts = spellings.setdefault(tag_key(tag), {})
            counts[tag] = counts.get(tag, 0) + 1
    if all(len(counts) == 1 for counts in spellings.values()):
        return objectives, goals  # the usual case: nothing to respell
    chosen = {
        key: min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        for key, counts in spellings.items()
    }

    def respelled(tags: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(chosen[tag_key(t)] for t in tags))

    objectives = {
        oid: o if respelled(o.tags) == o.tags else replace(o, tags=respelled(o.tags))
        for oid, o in objectives.items()
    }
    goals = {
        gid: g if respelled(g.tags) == g.tags else replace(g, tags=respelled(g.tags))
        for gid, g in goals.items()
    }
    return objectives, goals


def _and_list(items: list[str], more: int, noun: str) -> str:
    """``a``, ``a and b``, ``a, b and c``; ``a, b and 2 other files`` when
    ``more`` were left out (``noun`` is singular: "file", "other spelling")."""
    if more > 0:
        items = [*items, plural(more, noun)]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _some_files(files: list[str]) -> str:
    """The first two of ``files``, and how many more: ``a.md, b.md and 3 other files``
    (commas only, as it goes inside a list that "and" joins)."""
    text = ", ".join(files[:2])
    return text + (f" and {plural(len(files) - 2, 'other file')}" if len(files) > 2 else "")


def _display_names(
    kind: str,
    records: Mapping[str, Person] | Mapping[str, Team],
    written: Mapping[tuple[str, str], str],
) -> dict[str, str]:
    """Each named person or team: its file's title, else the name first written."""
    names = {ident: name for (k, ident), name in written.items() if k == kind}
    names.update((ident, rec.title) for ident, rec in records.items())
    return names


_NATURAL = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[str | int, ...]:
    """``x.md`` < ``x-2.md`` < ``x-10.md``: digit runs compare as numbers.

    The ``.md`` suffix is cut first, so a name that extends another (``x-2``)
    sorts after it (``x``) instead of before (``-`` sorts before ``.``).
    Text sits at even places and numbers at odd ones, so keys always compare.
    """
    parts = _NATURAL.split(text.removesuffix(".md"))
    return tuple(int(p) if i % 2 else p for i, p in enumerate(parts))


def _percent_mismatch(c: CheckIn, key: str, what: str, unit: str) -> Diagnostic:
    """A check-in value written as a percentage (``45%``) for a figure in another unit."""
    measured = f"in {unit!r}" if unit else "in plain numbers"
    return error(
        "OKR312",
        f"{key} is written as a percentage, but {what} is measured {measured}",
        c.file,
        hint=f"write the bare number, or give {what} 'unit: \"%\"' if it counts percentages",
        key_path=(key,) if key in c.loose else ("values", key) if key != "value" else ("value",),
    )


_Owned = TypeVar("_Owned", Objective, KPI, Goal)


def _team_as_owner(
    rec: _Owned, people: Mapping[str, object], teams: Mapping[str, object]
) -> _Owned:
    """``rec`` owned by the team its ``owner`` names (``owner: Finance`` where
    ``teams/finance.md`` is a team and no person is so named), as people
    write a team's goal: its team is that team, and it has no owner, instead
    of a warning that Finance is no person and a page for a person Finance.
    A record whose ``team:`` names another team keeps both as written."""
    owner = rec.owner
    if owner is None or owner in people or owner not in teams or rec.team not in (None, owner):
        return rec
    return replace(rec, owner=None, team=owner)


def one_reading_per_day(readings: list[tuple[date, float]]) -> tuple[tuple[date, float], ...]:
    """A KPI's readings by date, one per date: the last of a day in the order
    they were gathered (``values:``, then the CSV's rows, then check-ins in
    check-in order), which is the one that wins that day. The readings it
    overrules are not values the KPI had: kept, a second reading of the
    latest day became the "previous" value its trend compared with."""
    by_day: dict[date, float] = {}
    for day, value in readings:
        by_day[day] = value  # the later reading of a day replaces the earlier
    return tuple(sorted(by_day.items(), key=lambda p: p[0]))


def _cycles_kept(
    named: Mapping[str, Cycle | None], configured: Mapping[str, Cycle]
) -> dict[str, Cycle]:
    """The portfolio's cycles: those its records name and those ``okrsite.toml``
    defines; still knowing every fiscal one when the site has fiscal years
    (the history looks up the cycles of old versions in them)."""
    kept = {**{n: c for n, c in named.items() if c is not None}, **configured}
    if isinstance(configured, cycles_mod.FiscalCycles):
        return cycles_mod.FiscalCycles(kept, configured.start_month)
    return kept


def _no_subject(
    c: CheckIn, folder: str, kind: str, objectives: Mapping[str, object], kpis: Mapping[str, object]
) -> Diagnostic:
    """A check-in that names neither objective nor KPI, filed in a folder
    (``checkins/<folder>/<date>.md``) that is no id of the ``kind`` its
    values ask for: an objective for ``values:``, a KPI for ``value:``."""
    if kind == "objective" and folder in kpis:
        message = f"the check-in gives values: but its folder {folder!r} is a KPI, not an objective"
        hint = "write the KPI's reading as 'value: 42'"
    elif kind == "KPI" and folder in objectives:
        message = f"the check-in gives value: but its folder {folder!r} is an objective, not a KPI"
        hint = "write the key results' values as 'values: {kr1: 3}'"
    else:
        message = f"the check-in names no objective or KPI, and its folder {folder!r} is neither"
        hint = _did_you_mean(folder, objectives if kind == "objective" else kpis) or (
            "add 'objective: <id>' (with values:) or 'kpi: <id>' (with value:), "
            "or file it in checkins/<objective id>/"
        )
    return error("OKR101", message, c.file, hint=hint)


def _unit_mismatch(c: CheckIn, key: str, word: str, what: str, unit: str) -> Diagnostic:
    """A check-in value written with a unit (``5 h``) its key result or KPI is not measured in."""
    measured = f"in {unit!r}" if unit else "in plain numbers (it has no unit:)"
    return error(
        "OKR312",
        f"{key} is written in {word!r}, but {what} is measured {measured}",
        c.file,
        hint=f"write the figure in {unit!r}, without a unit or with it"
        if unit
        else f"write the bare number, or give {what} 'unit: {word}'",
        key_path=(key,) if key in c.loose else ("values", key) if key != "value" else ("value",),
    )


def checkin_order(c: CheckIn) -> tuple[object, ...]:
    """The order of check-ins: date, then time of day (none: start of the day),
    then file name in natural order. The last one is the current one."""
    return (c.date, c.time, natural_key(c.file))


def same_day_order_warnings(ordered: Sequence[CheckIn]) -> list[Diagnostic]:
    """Warn where the order rule reads a check-in before one its name sorts after.

    A check-in without a time of day counts from the start of its day, so a
    file written by hand without a time (``2026-11-29-2.md``) is read before
    one that ``okrsite checkin`` stamped at 14:05 (``2026-11-29.md``), though
    its name says it came later. The rule is kept (it is the documented one),
    but such an order is never silent: the untimed file gets a warning.
    """
    days: dict[tuple[str, date], list[CheckIn]] = defaultdict(list)
    for c in ordered:
        subject = c.objective if c.objective is not None else f"kpi:{c.kpi}"
        days[(subject, c.date)].append(c)
    found: list[Diagnostic] = []
    for group in days.values():
        if len(group) >= 2 and not any(c.time for c in group):
            found.extend(_named_in_words(group))
        if len(group) < 2 or all(c.time for c in group) or not any(c.time for c in group):
            continue
        for untimed in (c for c in group if not c.time):
            later_name = [
                c for c in group if c.time and natural_key(untimed.file) > natural_key(c.file)
            ]
            if later_name:
                timed = later_name[-1]
                found.append(
                    warning(
                        "OKR311",
                        f"check-in has no time of day, so it is read before "
                        f"{timed.file.rsplit('/', 1)[-1]} ({timed.time}) of the same day "
                        "although its name sorts after it",
                        untimed.file,
                        hint=f"add the time to its date, e.g. date: {untimed.date}T18:00, "
                        "if it is the later one",
                        key_path=("date",),
                    )
                )
    return found


def _toml_key(name: str) -> str:
    """``name`` as a key of a TOML table header: bare when TOML allows it
    (``2026-Q1``), else quoted (``"Q5 2026"``), so the hint can be pasted."""
    if re.fullmatch(r"[A-Za-z0-9_-]+", name):
        return name
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _named_in_words(group: Sequence[CheckIn]) -> list[Diagnostic]:
    """A warning on the last of a day's untimed check-ins when words in their
    file names order them (``2026-11-03-afternoon.md`` sorts before
    ``…-morning.md``, so the morning's values would be the current ones).
    Names told apart by a number (``2026-11-03.md``, ``2026-11-03-2.md``) are
    the documented way to order them and pass."""
    names = [c.file.rsplit("/", 1)[-1] for c in group]
    stems = [name.rsplit(".", 1)[0] for name in names]
    common = len(os.path.commonprefix(stems))
    if not any(ch.isalpha() for stem in stems for ch in stem[common:]):
        return []
    last = group[-1]
    others = ", ".join(names[:-1])
    return [
        warning(
            "OKR311",
            f"this check-in and {others} of the same day have no time of day: their "
            "file names order them, so this one is read last and its values are that day's",
            last.file,
            hint=f"give each its time, e.g. date: {last.date}T09:00 and {last.date}T16:30",
            key_path=("date",),
        )
    ]


def reference_exists(
    ref: str, objectives: Mapping[str, Objective], kpis: Mapping[str, KPI]
) -> bool:
    """Whether ``ref`` names an objective, ``objective#key-result`` or KPI."""
    obj, _, kr = ref.partition("#")
    if kr:
        o = objectives.get(obj)
        return o is not None and o.key_result(kr) is not None
    return obj in objectives or obj in kpis


def _tick_by_name(obj: Objective, kr: KeyResult) -> str:
    """OKR307's hint for a number given to a checklist: name the milestone
    to tick (``okrsite checkin`` ticks it in the objective's file), or tick
    it there by hand."""
    open_ones = [m.title for m in kr.milestones if not m.done]
    if not open_ones:
        return (
            f"its milestones are all done already; to change one, edit its done: in the "
            f"objective file, {obj.file}"
        )
    named = ", ".join(repr(t) for t in open_ones)
    return (
        f"tick one by its name: okrsite checkin {obj.id} --set "
        f'"{kr.id}={open_ones[0]}" (not done yet: {named}); or tick its milestones with '
        f"'done: true' in the objective file, {obj.file}"
    )


#: a figure in a key result's title, as the target it may mean (``Book 60 meetings``)
_TITLE_FIGURE = re.compile(r"(?<![\w.,])\d+(?:\.\d+)?(?![\w,]|\.\d)")


#: a title YAML reads as itself inside ``{…}``; any other is written quoted
_PLAIN_IN_FLOW = re.compile(r"[^\W\d][^:,#\[\]{}\"'\n]*")


def _rollup_hint(obj: Objective, kr: KeyResult, objectives: Mapping[str, Objective]) -> str:
    """OKR307's hint for a value given to a roll-up: where its progress
    comes from when objectives are aligned to it; when none is, it measures
    nothing (a title without "from … to …"), and the fix is a target,
    shown as the line to write."""
    ref = f"{obj.id}#{kr.id}"
    if any(o.parent == ref for o in objectives.values()):
        return "its progress comes from the objectives aligned to it"
    figures = _TITLE_FIGURE.findall(kr.title)
    target = figures[0] if len(figures) == 1 else "<the figure to reach>"
    title = (
        kr.title if _PLAIN_IN_FLOW.fullmatch(kr.title) else json.dumps(kr.title, ensure_ascii=False)
    )
    line = f"- {{title: {title}, start: 0, target: {target}}}"
    if kr.id != f"kr{kr.index + 1}":
        line = f"- {{id: {kr.id}, title: {title}, start: 0, target: {target}}}"
    return (
        f"nothing is aligned to it ({ref}), so it measures nothing: give it a target in "
        f"{obj.file}, written as {line} (or add start: and target: beside its title:)"
    )


def _text_value(obj: Objective, key: str, text: str, file: str) -> Diagnostic:
    """The error for a check-in value written as words (``site: Design
    approved``): for a checklist, OKR307 saying where its milestones are
    ticked, and how for the one named; for any other key result, the
    number it must be (OKR102, as the parse says of any value that is no
    number)."""
    kr = obj.key_result(key)
    where = ("values", key)
    if kr is None or kr.kind != "milestones":
        return error(
            "OKR102",
            f"value of {key} must be a number, got {shown_value(text)}",
            file,
            hint=number_hint(text),
            key_path=where,
        )
    found = milestones_named(kr.milestones, text)
    if len(found) == 1:
        title = kr.milestones[found[0]].title
        hint = (
            f"tick it in {obj.file}: - {{title: {title}, done: true}} under {key}'s "
            f'milestones, or run okrsite checkin {obj.id} --set "{key}={title}"'
        )
    else:
        titles = ", ".join(repr(m.title) for m in kr.milestones)
        hint = f"tick its milestones with 'done: true' in {obj.file} (they are {titles})"
    return error(
        "OKR307",
        f"key result {key!r} is a checklist and takes no check-in value, got {shown_value(text)}",
        file,
        hint=hint,
        key_path=where,
    )
