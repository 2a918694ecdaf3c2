"""The tables of records being resolved, and the checks every phase shares.

:func:`okrsite.resolve.resolve` works in phases (:mod:`okrsite.resolve`);
each reads and changes one :class:`Resolving`: the records by kind, the
files that failed, the diagnostics so far, and the look-ups of references
(an unknown id and its hint, a cycle by its name) that every phase makes.
Gathering the parsed records into the tables, and setting aside the records
of files with errors of their own, are the first phases, here.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from okrsite import cycles as cycles_mod
from okrsite.config import SiteConfig
from okrsite.cycle_names import unknown_cycle_hint
from okrsite.diagnostics import Diagnostic, error
from okrsite.id_spellings import FolderSpellings, nfc_twin_key, unicode_twin
from okrsite.model import KPI, CheckIn, Cycle, Goal, Objective, Page, Person, Team
from okrsite.parse import ParsedFile, closest, kind_and_id_from_path
from okrsite.resolve_hints import _did_you_mean, _titled, _toml_key
from okrsite.slug import slugify


class Resolving:
    """What resolving has found so far: one per :func:`okrsite.resolve.resolve`."""

    def __init__(self, config: SiteConfig, as_of: date | None = None) -> None:
        self.config = config
        self.as_of = as_of  # None: not known, an ended cycle is assumed
        self.diags: list[Diagnostic] = []
        self.objectives: dict[str, Objective] = {}
        self.team_owned: set[str] = set()  # objectives whose owner: names a team
        self.team_owned_goals: set[str] = set()  # goals whose owner: names a team
        self.team_owned_kpis: set[str] = set()  # KPIs whose owner: names a team
        self.kpis: dict[str, KPI] = {}
        self.goals: dict[str, Goal] = {}
        self.teams: dict[str, Team] = {}
        self.people: dict[str, Person] = {}
        self.pages: dict[str, Page] = {}
        self.checkins: list[CheckIn] = []
        self.broken: dict[str, set[str]] = {}  # kind -> ids of files that failed to parse
        self.broken_files: set[str] = set()  # files with errors of their own (record kept)
        self.written_names: dict[tuple[str, str], str] = {}  # (person|team, id) -> name as written
        # (person|team, id) -> each way it is written -> the files writing it so, in
        # file order: a warning about a file quotes that file's own spelling
        self.spellings: dict[tuple[str, str], dict[str, list[str]]] = {}

        self.tables: dict[str, dict[str, object]] = {
            "objective": self.objectives,  # type: ignore[dict-item]
            "kpi": self.kpis,  # type: ignore[dict-item]
            "goal": self.goals,  # type: ignore[dict-item]
            "team": self.teams,  # type: ignore[dict-item]
            "person": self.people,  # type: ignore[dict-item]
            "page": self.pages,  # type: ignore[dict-item]
        }
        self.hints: dict[tuple[str, str, str | None], str | None] = {}
        self.known_cycles: dict[str, Cycle] = {}
        #: records of files with errors of their own, by kind (:func:`_set_aside`)
        self.aside: dict[str, dict[str, object]] = {}

    def hint_among(
        self, among: str, ref: str, known: Iterable[str], itself: str | None = None
    ) -> str | None:
        """:func:`_did_you_mean` among the ids of one table, worked out once per name.

        A wrong reference is usually wrong in many files (an owner nobody
        added to content/people/): comparing it with every id for each
        file cost more than the rest of resolving. ``among`` names the
        table, which is complete before any reference is checked.
        """
        key = (among, ref, itself)
        if key not in self.hints:
            self.hints[key] = _did_you_mean(ref, known, itself)
        return self.hints[key]

    def hint_named(
        self, among: str, ref: str, known: Mapping[str, Person | Team], itself: str | None = None
    ) -> str | None:
        """:func:`hint_among` for a person or team, who is named by their name
        as often as by their id: ``team: Customer Sucess`` is one letter from
        the title of ``teams/cs.md``, so the hint gives that name to write."""
        key = (among + " name", ref, itself)
        if key not in self.hints:
            titles = {slugify(r.title): r.title for i, r in known.items() if i != itself}
            guess = closest(ref, [t for t in titles if t and t not in known])
            if guess is None:  # an id: named by its file's name, as the page shows it
                others = [i for i in known if i != itself]
                same = [i for i in others if i.casefold() == ref.casefold()]
                guess = same[0] if len(same) == 1 else closest(ref, others)
                if guess is not None:
                    titles[guess] = known[guess].title or guess
            self.hints[key] = f"did you mean {titles[guess]!r}?" if guess is not None else None
        return self.hints[key]

    def unknown(
        self,
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
        if ref in self.broken.get(kind, set()):
            return  # that file has its own error already
        self.diags.append(
            error(
                "OKR303",
                f"{what} {ref!r} does not exist",
                file,
                hint=(
                    _titled(written or ref, self.objectives, key_path)
                    if kind == "objective"
                    else _titled(ref, {}, key_path, self.kpis)
                    if kind == "kpi"
                    else None
                )
                or self.hint_among(among or kind, ref, known, itself)
                or f"check the id; ids are file paths under content/{kind}s without .md",
                key_path=key_path,
            )
        )

    def cycle_of(self, name: str, file: str, key_path: tuple[str | int, ...]) -> Cycle | None:
        if name in self.known_cycles:
            return self.known_cycles[name]
        found = cycles_mod.lookup(name, self.config.cycles)
        if found is None:
            self.diags.append(
                error(
                    "OKR302",
                    f"unknown cycle {name!r}",
                    file,
                    # in the site's own names (fiscal ones where it has them), as of its date
                    hint=unknown_cycle_hint(
                        name,
                        self.config.cycles,
                        self.as_of or self.config.as_of or date.today(),
                        define=_toml_key(name),
                    ),
                    key_path=key_path,
                )
            )
            return None
        self.known_cycles[name] = found
        return found


def tag_key(tag: str) -> str:
    """What makes two tags one: the same letters in any case (and in either
    Unicode form of an accented letter, as macOS and Windows write them)."""
    return unicodedata.normalize("NFC", tag).casefold()


def _gather(r: Resolving, parsed: Sequence[ParsedFile]) -> None:
    """Each parsed record into its table (check-ins into their list), noting
    the names of people and teams as each file writes them and the files
    that failed; an id used twice, or twice in different letter case, is an
    error and the second record is left out."""
    config, diags, tables = r.config, r.diags, r.tables
    checkins, broken, broken_files = r.checkins, r.broken, r.broken_files
    written_names, spellings = r.written_names, r.spellings
    folded: dict[tuple[str, str], Any] = {}  # (kind, tag_key(id)) -> record
    for pf in parsed:
        for kind, ident, name in pf.names:
            first = written_names.setdefault((kind, ident), name)
            if first == first.lower() and name != name.lower():
                # "uma diaz" in a check-in read first, "Uma Diaz" in the
                # objective: pages show the name as written with its capitals
                written_names[kind, ident] = name
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
        # Größe.md written in NFD has the id grosse, yet is Größe.md on a Mac
        twin = nfc_twin_key(rec.id, rec.file, config.content_dir)
        twin_key = (pf.kind or "", twin) if twin else folded_key
        same = folded.get(folded_key) or folded.get(twin_key)
        if same is not None and tag_key(same.id) != folded_key[1]:  # type: ignore[attr-defined]
            # one written in NFD, one in NFC: the NFC one is kept, as a
            # reference typed either way names its id, and the other reported
            nfd, nfc = (rec, same) if twin else (same, rec)
            diags.append(unicode_twin(pf.kind or "", nfd, nfc))
            broken.setdefault(pf.kind or "", set()).add(nfd.id)  # type: ignore[attr-defined]
            if nfd is rec:
                continue
            del table[same.id]  # type: ignore[attr-defined]
            same = None
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
            # left out until fixed: a file naming it gets no second error
            # ("does not exist, did you mean …" of a file that is there)
            broken.setdefault(pf.kind or "", set()).add(rec.id)
            continue
        folded[folded_key] = rec
        folded.setdefault(twin_key, rec)
        table[rec.id] = rec
    folders = FolderSpellings()
    for kind, table in tables.items():
        for rid, kept in table.items():
            folders.add(kind, rid, kept.file)  # type: ignore[attr-defined]
    diags.extend(folders.warnings())


def _set_aside(r: Resolving) -> None:
    """Set aside the records of files with errors of their own (into ``r.aside``)."""
    tables, broken, broken_files = r.tables, r.broken, r.broken_files
    # Records of files with errors of their own are set aside: their references
    # are checked below like any other (every error in one run), but they take
    # no part in the portfolio, and naming them is no second error.
    aside: dict[str, dict[str, object]] = {kind: {} for kind in tables}
    r.aside = aside
    for kind, table in tables.items():
        for rid in [rid for rid, rec in table.items() if rec.file in broken_files]:  # type: ignore[attr-defined]
            aside[kind][rid] = table.pop(rid)
            broken.setdefault(kind, set()).add(rid)


def _name_cycles(r: Resolving) -> None:
    """Name each objective's and goal's cycle as the site names it."""
    aside, config = r.aside, r.config
    # a quarter written as people write it (Q4 2026) is the calendar cycle 2026-Q4
    for with_cycles in (r.objectives, r.goals, aside["objective"], aside["goal"]):
        _canonical_cycles(with_cycles, config)  # type: ignore[arg-type]


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
