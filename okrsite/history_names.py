"""Every version the history compares, named as the site names people, teams and KPIs.

The site resolves what a goal file writes (:mod:`okrsite.resolve_people`,
:mod:`okrsite.resolve_objectives`): ``owner: Priya Raman`` is the person
``priya`` whose file's ``name:`` says so; an owner that names a team and no
person makes that team the goal's team, with no owner; a key result measured
by a KPI counts in the KPI's unit. A version the history parses itself
(:mod:`okrsite.history_parse`) is read as written, and when many changes are
read at once (:data:`okrsite.history.REUSE_AFTER`) the versions equal to the
current files are the site's resolved records instead. Comparing one of each
put changes nobody made on timelines (``owner priya-raman → priya`` on a
commit that only moved a target), and made the history of old commits depend
on how much of it was read at once: a warm build and a clean one (CI, a
fresh clone) published different timelines.

So every version, however it was read, is named here by the current site's
people, teams and KPIs before it is compared (:func:`site_named`, called by
:func:`okrsite.history_events.commit_events` and
:mod:`okrsite.history_readd`): a resolved record comes through as it is, and
a version as written reads as the site would read it. What the naming
depends on is hashed (:attr:`SiteNames.digest`) into the history cache's
key, so events named by other people or teams are never reused.

The naming is set for the span of one read (:func:`naming`), as
:func:`okrsite.written_numbers.numbers_written_in` sets how numbers read:
the events are made deep inside the reading machinery, in forked workers
that inherit it.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from okrsite.model import KPI, CheckIn, Objective, Person, Portfolio, Team


class SiteNames:
    """The current site's people and teams, the ids names written as their
    titles, emails or handles become, and its KPIs' units.

    The names' ids are worked out the first time a version names someone by
    anything but an id (a tenth of a second or more at 5,000 people, which a
    site whose goals write ids never pays)."""

    def __init__(
        self,
        people: Mapping[str, Person] | None = None,
        teams: Mapping[str, Team] | None = None,
        kpi_units: Mapping[str, str | None] | None = None,
        digest: str = "",
    ) -> None:
        self.people: Mapping[str, Person] = people or {}
        self.teams: Mapping[str, Team] = teams or {}
        self.kpi_units: Mapping[str, str | None] = kpi_units or {}
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

    def _alias(
        self, kind: str, table: Mapping[str, Person] | Mapping[str, Team]
    ) -> Mapping[str, str]:
        found = self._aliases.get(kind)
        if found is None:
            from okrsite.resolve_people import title_aliases

            found = self._aliases[kind] = title_aliases(table, _NotIds(table)) if table else {}
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
) -> tuple[dict[str, Person], dict[str, Team], dict[str, KPI]]:
    """The site's people, teams and KPIs, parsed from ``people/``, ``teams/`` and
    ``kpis/`` of its content folder by the site's own parser: for a read given
    no loaded site (:class:`CurrentRecords`), as the site would load them."""
    from okrsite.parse import parse_file

    people: dict[str, Person] = {}
    teams: dict[str, Team] = {}
    kpis: dict[str, KPI] = {}
    content = content_dir.strip("/")
    for folder in ("people", "teams", "kpis"):
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
    return people, teams, kpis


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
_LAST: list[tuple[Any, SiteNames]] = []


def site_names(site_root: Path, content_dir: str, current: Iterable[object]) -> SiteNames:
    """How the site names people and teams, with its KPIs' units: those of the
    loaded site ``current`` comes from (:class:`CurrentRecords`), else those
    its files under ``site_root`` give."""
    if isinstance(current, CurrentRecords):
        p = current.portfolio
        people, teams, kpis = p.people, p.teams, p.kpis
    else:
        people, teams, kpis = _tables(site_root, content_dir)
    said = (
        [(rid, r.title, r.email, r.github, r.gitlab) for rid, r in sorted(people.items())],
        [(rid, r.title) for rid, r in sorted(teams.items())],
        # a KPI without a unit gives a key result none; one a key result links
        # to that does not exist is an error (OKR303): the site is not built
        [(rid, k.unit) for rid, k in sorted(kpis.items()) if k.unit],
    )
    for made_from, names in _LAST:
        if made_from == said:
            return names
    digest = hashlib.blake2b(repr(said).encode(), digest_size=12).hexdigest()
    units = {rid: k.unit for rid, k in kpis.items() if k.unit}
    names = SiteNames(people, teams, units, digest)
    _LAST[:] = [(said, names)]
    return names


_NAMES: SiteNames | None = None


@contextmanager
def naming(names: SiteNames | None) -> Iterator[None]:
    """Name every version compared meanwhile by ``names`` (None: as written)."""
    global _NAMES
    before, _NAMES = _NAMES, names
    try:
        yield
    finally:
        _NAMES = before


_Named = TypeVar("_Named", bound=Objective | KPI | CheckIn)


def site_named(rec: _Named) -> _Named:
    """``rec`` as the site names it (:mod:`okrsite.resolve_people`: names as
    file ids, then an owner that names a team and no person made the team;
    a key result's KPI link and unit as :mod:`okrsite.resolve_objectives`
    leaves them). A record the site resolved is returned as it is."""
    names = _NAMES
    if names is None:
        return rec
    if isinstance(rec, CheckIn):
        author = names.person(rec.author)
        return rec if author == rec.author else replace(rec, author=author)
    changes: dict[str, Any] = {}
    owner, team = names.person(rec.owner), names.team(rec.team)
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
    if isinstance(rec, Objective):
        krs = _key_results(rec, names.kpi_units)
        if krs is not None:
            changes["key_results"] = krs
    return replace(rec, **changes) if changes else rec


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
