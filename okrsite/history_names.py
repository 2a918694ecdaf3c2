"""Every version the history compares, named as the site names people, teams and KPIs.

The site resolves what a goal file writes (:mod:`okrsite.resolve_people`,
:mod:`okrsite.resolve_objectives`): ``owner: Priya Raman`` is the person
``priya`` whose file's ``name:`` says so; an owner that names a team and no
person makes that team the goal's team, with no owner; a key result measured
by a KPI counts in the KPI's unit; a check-in's ``600 k€`` (or ``€600,000``)
for a key result in ``k€`` is 600 (:func:`okrsite.resolve_checkins._unit_of`),
where the file as written reads 600,000. A version the history parses itself
(:mod:`okrsite.history_parse`) is read as written, and when many changes are
read at once (:data:`okrsite.history.REUSE_AFTER`) the versions equal to the
current files are the site's resolved records instead. Comparing one of each
put changes nobody made on timelines (``owner priya-raman → priya`` on a
commit that only moved a target; a committed check-in written with a money
magnitude "not committed yet", its 600,000 as committed against the page's
600), a committed check-in with a top-level key that names no key
result "not committed yet" (``sprint: 12``, which the site drops with a
warning, OKR111, kept in the version as written), and made the history of
old commits depend
on how much of it was read at once: a warm build and a clean one (CI, a
fresh clone) published different timelines.

So every version, however it was read, is named here by the current site's
people, teams (the names their files say they were known by too: a team
renamed with ``aliases: [growth-marketing]`` is no change of team on the
commits before the rename), KPIs and key results (their units, and their ids: a
check-in's top-level keys that name none are dropped, as resolving drops
them) before it is compared
(:func:`site_named`, called by :func:`okrsite.history_events.commit_events`
and :mod:`okrsite.history_readd`): a resolved record comes through as it is,
and a version as written reads as the site would read it. What the naming
depends on is hashed (:attr:`SiteNames.digest`) into the history cache's
key, so events named by other people, teams or units are never reused.

Counting a check-in's money in its key result's unit is the one naming
that is not the same when done twice (600 k€ read as 600 would be read as
0.6), so the site's own resolved check-ins are known by identity
(:func:`naming` is given them) and left as they are.

The naming is set for the span of one read (:func:`naming`), as
:func:`okrsite.written_numbers.numbers_written_in` sets how numbers read:
the events are made deep inside the reading machinery, in forked workers
that inherit it.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from okrsite.model import KPI, CheckIn, Goal, Objective, Person, Portfolio, Team


class SiteNames:
    """The current site's people and teams, the ids names written as their
    titles, emails or handles become, its KPIs' units, and its key results'
    units (``kr_units``, by objective and key result id, as resolving leaves
    them: a check-in's money is counted in them), and each objective's key
    result ids (``kr_ids``: a check-in's top-level keys that name none are
    dropped).

    The names' ids are worked out the first time a version names someone by
    anything but an id (a tenth of a second or more at 5,000 people, which a
    site whose goals write ids never pays)."""

    def __init__(
        self,
        people: Mapping[str, Person] | None = None,
        teams: Mapping[str, Team] | None = None,
        kpi_units: Mapping[str, str | None] | None = None,
        digest: str = "",
        kr_units: Mapping[tuple[str, str], str] | None = None,
        kr_ids: Mapping[str, frozenset[str]] | None = None,
    ) -> None:
        self.people: Mapping[str, Person] = people or {}
        self.teams: Mapping[str, Team] = teams or {}
        self.kpi_units: Mapping[str, str | None] = kpi_units or {}
        self.kr_units: Mapping[tuple[str, str], str] = kr_units or {}
        self.kr_ids: Mapping[str, frozenset[str]] = kr_ids or {}
        self.digest = digest
        self._aliases: dict[str, Mapping[str, str]] = {}

    def person(self, ref: str | None) -> str | None:
        """The person ``ref`` names, as resolving names it (its id, or as written)."""
        if ref is None or ref in self.people:
            return ref
        return self._alias("person", self.people).get(ref, ref)

    def team(self, ref: str | None) -> str | None:
        """The team ``ref`` names, as resolving names it."""
        if ref is None or ref in self.teams:
            return ref
        return self._alias("team", self.teams).get(ref, ref)

    def former_team(self, ref: str) -> str | None:
        """The team whose file says it was known by ``ref`` (``aliases:``), if any."""
        if not self.teams:
            return None
        found = self._aliases.get("former team")
        if found is None:
            from okrsite.resolve_people import declared_aliases

            found = self._aliases["former team"] = declared_aliases(self.teams)[0]
        return found.get(ref)

    def _alias(
        self, kind: str, table: Mapping[str, Person] | Mapping[str, Team]
    ) -> Mapping[str, str]:
        """The ids names become as resolving makes them: a name a file says
        it was known by (``aliases:``, :func:`okrsite.resolve_people.declared_aliases`),
        else a title, email or handle (:func:`okrsite.resolve_people.title_aliases`)."""
        found = self._aliases.get(kind)
        if found is None:
            from okrsite.resolve_people import declared_aliases, title_aliases

            if table:
                formerly = declared_aliases(table)[0]
                found = {**title_aliases(table, _NotIds(table)), **formerly}
            else:
                found = {}
            self._aliases[kind] = found
        return found


class _NotIds(set[str]):
    """Every name but the ids of a table: :func:`okrsite.resolve_people.title_aliases`
    then gives the id each name becomes that is no file's id, as resolving does
    for the names goals write (each name is looked up on its own)."""

    def __init__(self, ids: Iterable[str]) -> None:
        super().__init__()
        self.ids = frozenset(ids)

    def __contains__(self, name: object) -> bool:
        return name not in self.ids

    def __bool__(self) -> bool:
        return True


def _tables(
    site_root: Path, content_dir: str
) -> tuple[dict[str, Person], dict[str, Team], dict[str, KPI], dict[str, Objective]]:
    """The site's people, teams, KPIs and objectives, parsed from ``people/``,
    ``teams/``, ``kpis/`` and ``objectives/`` of its content folder by the
    site's own parser: for a read given no loaded site (:class:`CurrentRecords`),
    as the site would load them."""
    from okrsite.parse import parse_file

    people: dict[str, Person] = {}
    teams: dict[str, Team] = {}
    kpis: dict[str, KPI] = {}
    objectives: dict[str, Objective] = {}
    content = content_dir.strip("/")
    for folder in ("people", "teams", "kpis", "objectives"):
        try:
            paths = sorted((site_root / content / folder).rglob("*.md"))
        except OSError:
            continue
        for path in paths:
            try:
                raw = path.read_bytes()
            except OSError:
                continue
            rel = path.relative_to(site_root).as_posix()
            rec = parse_file(rel, raw, content_dir=content).record
            if isinstance(rec, Person):
                people.setdefault(rec.id, rec)
            elif isinstance(rec, Team):
                teams.setdefault(rec.id, rec)
            elif isinstance(rec, KPI):
                kpis.setdefault(rec.id, rec)
            elif isinstance(rec, Objective):
                objectives.setdefault(rec.id, rec)
    return people, teams, kpis, objectives


def _kr_units(
    objectives: Iterable[Objective], kpi_units: Mapping[str, str | None], resolved: bool
) -> dict[tuple[str, str], str]:
    """The units of the key results that hold a magnitude (``k€``, ``$M``,
    ``Mio €``: :func:`okrsite.parse_figures.unit_multiplier`), by objective
    and key result id, as resolving leaves them (``resolved``: they are so
    already; else a key result measured by a KPI counts in its unit,
    :func:`_key_results`). A check-in's money is counted in those alone, and
    the naming's digest hashes them: a key result in ``€``, ``%`` or ``h``
    added or changed leaves the history's events as they are."""
    from okrsite.parse_figures import unit_multiplier

    magnitude: dict[str, bool] = {}  # a site writes a few units, on 30,000 key results
    out: dict[tuple[str, str], str] = {}
    for o in objectives:
        krs = o.key_results if resolved else (_key_results(o, kpi_units) or o.key_results)
        for kr in krs:
            unit = kr.unit
            if not unit:
                continue
            holds = magnitude.get(unit)
            if holds is None:
                holds = magnitude[unit] = unit_multiplier(unit) != 1
            if holds:
                out[(o.id, kr.id)] = unit
    return out


class CurrentRecords:
    """The records of a loaded site whose files the history may find unchanged
    (its objectives, KPIs and check-ins, :func:`okrsite.history.current_records`),
    with the site they come from: its people, teams and KPIs name every
    version (:func:`site_names`)."""

    def __init__(self, portfolio: Portfolio) -> None:
        self.portfolio = portfolio

    def __iter__(self) -> Iterator[Objective | KPI | CheckIn]:
        p = self.portfolio
        return itertools.chain(p.objectives.values(), p.kpis.values(), p.checkins)


#: the last naming made, by what it was made from: a rebuild of ``okrsite
#: serve`` (or a build after a load) names by the same people, teams and KPIs
#: (5,000 people: a tenth of a second to work out again)
_LAST: list[tuple[Any, dict[str, frozenset[str]], SiteNames]] = []


def site_names(site_root: Path, content_dir: str, current: Iterable[object]) -> SiteNames:
    """How the site names people and teams, with its KPIs' and key results'
    units: those of the loaded site ``current`` comes from
    (:class:`CurrentRecords`), else those its files under ``site_root`` give."""
    if isinstance(current, CurrentRecords):
        p = current.portfolio
        people, teams, kpis, objectives = p.people, p.teams, p.kpis, p.objectives
        units = {rid: k.unit for rid, k in kpis.items() if k.unit}
        kr_units = _kr_units(objectives.values(), units, resolved=True)
    else:
        people, teams, kpis, objectives = _tables(site_root, content_dir)
        units = {rid: k.unit for rid, k in kpis.items() if k.unit}
        kr_units = _kr_units(objectives.values(), units, resolved=False)
    # a key result's id is the same resolved or as written
    kr_ids = {oid: frozenset(kr.id for kr in o.key_results) for oid, o in objectives.items()}
    said = (
        [
            (rid, r.title, r.email, r.github, r.gitlab, r.aliases)
            for rid, r in sorted(people.items())
        ],
        [(rid, r.title, r.aliases) for rid, r in sorted(teams.items())],
        # a KPI without a unit gives a key result none; one a key result links
        # to that does not exist is an error (OKR303): the site is not built
        [(rid, k.unit) for rid, k in sorted(kpis.items()) if k.unit],
        sorted(kr_units.items()),
    )
    for made_from, ids, names in _LAST:
        if made_from == said and ids == kr_ids:
            return names
    # the key results' ids are not hashed: a key result added (as often as
    # goals are edited) would read every commit again; the events of the
    # commits whose check-ins they judge otherwise are read again instead
    # (okrsite.history_events.judged_alike)
    digest = hashlib.blake2b(repr(said).encode(), digest_size=12).hexdigest()
    names = SiteNames(people, teams, units, digest, kr_units, kr_ids)
    _LAST[:] = [(said, kr_ids, names)]
    return names


_NAMES: SiteNames | None = None
#: the identities of the site's resolved check-ins (:func:`naming`): their
#: money is counted in their key results' units already
_RESOLVED: frozenset[int] = frozenset()


@contextmanager
def naming(names: SiteNames | None, current: Iterable[object] = ()) -> Iterator[None]:
    """Name every version compared meanwhile by ``names`` (None: as written).

    ``current``: the loaded site's records (:class:`CurrentRecords`, or a
    collection of them), which the history takes for the versions equal to
    them; their check-ins are resolved, so known by identity (an iterator
    is not read: the history reads it)."""
    global _NAMES, _RESOLVED
    if isinstance(current, CurrentRecords):
        checkins: Iterable[object] = current.portfolio.checkins
    else:
        checkins = current if isinstance(current, Collection) else ()
    resolved = frozenset(id(c) for c in checkins if isinstance(c, CheckIn))
    before = _NAMES, _RESOLVED
    _NAMES, _RESOLVED = names, resolved
    try:
        yield
    finally:
        _NAMES, _RESOLVED = before


def named_by_a_file(ident: str) -> bool:
    """Whether the current site has a person's or team's file of id ``ident``:
    the timeline names such an id by its file's title, so the names versions
    wrote for it are not kept (and a version the history takes from the
    site's own records, which keep none, is told alike)."""
    names = _NAMES
    return names is not None and (ident in names.people or ident in names.teams)


_Named = TypeVar("_Named", bound=Objective | KPI | CheckIn)


def site_named(rec: _Named) -> _Named:
    """``rec`` as the site names it (:mod:`okrsite.resolve_people`: names as
    file ids, then an owner that names a team and no person made the team;
    a key result's KPI link and unit as :mod:`okrsite.resolve_objectives`
    leaves them; a check-in's top-level keys that name no key result dropped
    and its money counted in its key result's or KPI's unit, as
    :mod:`okrsite.resolve_checkins` does). A record the site resolved is
    returned as it is."""
    names = _NAMES
    if names is None:
        return rec
    changes = people_named(rec, names)
    if isinstance(rec, CheckIn):
        if id(rec) not in _RESOLVED:
            if rec.loose and rec.objective is not None:
                changes.update(_without_strays(rec, names))
            if rec.units:  # counted in what is left (its values, with the strays')
                changes.update(_counted_checkin(rec, names, changes.get("values")))
        return replace(rec, **changes) if changes else rec
    if isinstance(rec, Objective):
        krs = _key_results(rec, names.kpi_units)
        if krs is not None:
            changes["key_results"] = krs
    return replace(rec, **changes) if changes else rec


def people_named(rec: Objective | KPI | Goal | CheckIn, names: SiteNames) -> dict[str, Any]:
    """The ``owner``, ``team`` (or a check-in's ``author``) of ``rec`` that
    differ when ``names`` name them, as the fields to replace: the one rule
    by which a version of another revision is compared with the site's. The
    history names every version so (:func:`site_named`), and ``okrsite
    diff`` names its base's records so by its head's people and teams
    (:func:`okrsite.diff_naming.named_as_head`): a person's file renamed
    (``tom-lee.md`` to ``tom.lee.md``, the same title) or a team renamed
    with ``aliases:`` is no change of owner, team or author in either."""
    changes: dict[str, Any] = {}
    if isinstance(rec, CheckIn):
        author = names.person(rec.author)
        if author != rec.author:
            changes["author"] = author
        return changes
    owner, team = names.person(rec.owner), names.team(rec.team)
    if owner is not None and owner not in names.people and owner not in names.teams:
        owner = names.former_team(owner) or owner  # owner: Growth Marketing, renamed
    if (
        owner is not None
        and owner not in names.people
        and owner in names.teams
        and team in (None, owner)
    ):
        owner, team = None, owner  # owner: Finance, where Finance is a team
    if owner != rec.owner:
        changes["owner"] = owner
    if team != rec.team:
        changes["team"] = team
    return changes


def _without_strays(c: CheckIn, names: SiteNames) -> dict[str, Any]:
    """A check-in version's values without its top-level keys that name no
    key result of its objective (``sprint: 12``), as resolving drops them
    with a warning (OKR111, :func:`okrsite.resolve_checkins._check_checkins`):
    as changes for :func:`dataclasses.replace`, none when none is dropped.
    A key that writes a key result's id another way (``ARR`` for ``arr``,
    ``New Logos`` for ``new-logos``) is kept, as resolving keeps it (to
    refuse it, OKR304); so are all of a check-in whose objective the site
    does not have."""
    assert c.objective is not None
    stray = strays(names, c.objective, [k for k in c.loose if k in c.values])
    if not stray:
        return {}
    values = {k: v for k, v in c.values.items() if k not in stray}
    return {"values": values, "loose": tuple(k for k in c.loose if k in values)}


def strays(names: SiteNames, objective: str, keys: Iterable[str]) -> list[str]:
    """Those of ``keys`` (written at the top of a check-in of ``objective``)
    that name no key result of it, nor write one's id another way: resolving
    drops them (OKR111). None when the site has no such objective."""
    ids = names.kr_ids.get(objective)
    if ids is None:
        return []
    out = [k for k in keys if k not in ids]
    if out:
        from okrsite.parse_checkins import written_as

        out = [k for k in out if not any(written_as(i, k) for i in ids)]
    return out


def _counted_checkin(
    c: CheckIn, names: SiteNames, kept: Mapping[str, float] | None = None
) -> dict[str, Any]:
    """The values of a check-in version as written (``600 k€``, ``€600,000``,
    ``$600k``: 600,000) counted as resolving counts them in the unit of their
    key result or KPI when it holds a magnitude (``k€``: 600), by the same
    function (:func:`okrsite.resolve_checkins._unit_of`); as changes for
    :func:`dataclasses.replace`, none when nothing is counted. A figure
    written bare, or with a unit it is not counted in, stays as written.
    ``kept``: the values to count, when not all of ``c``'s (its strays
    dropped, :func:`_without_strays`)."""
    from okrsite.resolve_checkins import _unit_of

    have = c.values if kept is None else kept

    values: dict[str, float] = {}
    reading: float | None = None
    for key, word in c.units:
        if c.objective is not None:
            unit, value = names.kr_units.get((c.objective, key)), have.get(key)
        elif c.kpi is not None and key == "value":
            unit, value = names.kpi_units.get(c.kpi), c.value
        else:
            continue
        if not unit or value is None:
            continue
        scaled: dict[str, float] = {}
        _unit_of(word, unit, key, value, scaled)
        if key in scaled and c.objective is not None:
            values[key] = scaled[key]
        elif key in scaled:
            reading = scaled[key]
    changes: dict[str, Any] = {}
    if values:
        changes["values"] = {**have, **values}
    if reading is not None:
        changes["value"] = reading
    return changes


def _key_results(rec: Objective, units: Mapping[str, str | None]) -> tuple[Any, ...] | None:
    """The key results as resolving leaves them, or None when that is as written:
    one measured by a KPI with a unit and without one of its own in the KPI's,
    money in another magnitude counted in the KPI's unit."""
    out = list(rec.key_results)
    changed = False
    for i, kr in enumerate(out):
        unit = units.get(kr.kpi) if kr.kpi is not None else None
        if not unit:
            continue
        if not kr.unit:
            out[i] = replace(kr, unit=unit)
            changed = True
        else:
            counted = _counted_in(kr, unit)
            if counted is not None and counted is not kr:
                out[i] = counted
                changed = True
    return tuple(out) if changed else None


def _counted_in(kr: Any, into: str) -> Any:
    """``kr``'s figures counted in its KPI's unit, as resolving counts them
    (``okrsite.resolve_objectives.counted_in_kpi_unit``: money written in
    another magnitude), or ``kr`` where resolving counts nothing."""
    from okrsite.resolve_objectives import counted_in_kpi_unit

    return counted_in_kpi_unit(kr, into)
