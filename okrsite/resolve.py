"""Resolve references between records into one consistent :class:`Portfolio`.

Pure: takes parsed records and returns the portfolio plus diagnostics. Every
reference is checked (parents, key results, supports, KPI links, drives,
cycles, check-in targets); a mistyped id gets a "did you mean" hint; an
alignment loop is reported once with its whole path. Records whose links are
broken are kept but the broken link is cut, so the rest of the portfolio can
still be scored and shown (the build refuses to publish while errors remain).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from okrsite import cycles as cycles_mod
from okrsite.checkin_order_warnings import same_day_order_warnings as same_day_order_warnings
from okrsite.config import SiteConfig
from okrsite.confusable_ids import confusable_id_warnings
from okrsite.diagnostics import Diagnostic
from okrsite.display_order import title_order
from okrsite.handle_twins import handle_twin_warnings
from okrsite.mixed_currencies import checkins_in_two_currencies
from okrsite.model import CheckIn, Cycle, Goal, Objective, Portfolio
from okrsite.parse import ParsedFile
from okrsite.reference_case import fold_reference_case
from okrsite.resolve_checkins import _check_checkins, _order_checkins
from okrsite.resolve_checkins import checkin_order as checkin_order
from okrsite.resolve_checkins import natural_key as natural_key
from okrsite.resolve_kpis_goals import _check_goals, _check_kpis
from okrsite.resolve_kpis_goals import one_reading_per_day as one_reading_per_day
from okrsite.resolve_objectives import (
    _check_objective_references,
    _cut_alignment_loops,
    _drop_without_cycle,
    _objectives_without_cycle,
)
from okrsite.resolve_objectives import parent_loops as parent_loops
from okrsite.resolve_objectives import reference_exists as reference_exists
from okrsite.resolve_people import (
    _check_people_and_teams,
    _display_names,
    _names_as_file_ids,
)
from okrsite.resolve_people import title_aliases as title_aliases
from okrsite.resolve_tables import Resolving, _gather, _name_cycles, _set_aside
from okrsite.resolve_tables import tag_key as tag_key
from okrsite.resolve_team_loops import cut_team_loops
from okrsite.team_owners import teams_as_owners


def resolve(
    parsed: Sequence[ParsedFile],
    config: SiteConfig,
    csv_data: Mapping[str, tuple[list[tuple[date, float]], list[Diagnostic]] | None] | None = None,
    data_near: Mapping[str, str] | None = None,
    as_of: date | None = None,
) -> tuple[Portfolio, list[Diagnostic]]:
    """Check every cross-file reference and assemble the portfolio.

    ``csv_data`` maps a KPI's ``data:`` path to its parsed rows (``None`` when
    the file does not exist); the pipeline reads those files at the edge.
    ``data_near`` names, for a ``data:`` path that does not exist, the file
    beside it that was surely meant (another letter case, one slip off).
    ``as_of``: the day the site is checked at, which tells a check-in dated
    after its cycle whether that cycle has ended yet (OKR309).
    """
    r = Resolving(config, as_of)
    _gather(r, parsed)
    _set_aside(r)
    _name_cycles(r)
    _names_as_file_ids(r)
    fold_reference_case(r)
    no_cycle = _objectives_without_cycle(r)
    _check_objective_references(r)
    _cut_alignment_loops(r)
    _drop_without_cycle(r, no_cycle)
    teams_as_owners(r)
    _check_people_and_teams(r)
    cut_team_loops(r)
    r.diags.extend(handle_twin_warnings([*r.people.values(), *r.teams.values()]))
    series = _check_kpis(r, csv_data or {}, data_near)
    r.diags.extend(confusable_id_warnings(r.tables))
    _check_goals(r)
    kept = _check_checkins(r)
    kept, refused = checkins_in_two_currencies(kept, r.objectives, r.kpis, checkin_order)
    r.diags.extend(refused)
    _order_checkins(r, kept, series)
    return _portfolio(r, kept, series), r.diags


def _portfolio(
    r: Resolving, kept: list[CheckIn], series: dict[str, list[tuple[date, float]]]
) -> Portfolio:
    """The portfolio of what resolving kept: every table sorted by id (pages in
    their order), each KPI's readings one per day, the cycles named."""
    config, known_cycles, written_names = r.config, r.known_cycles, r.written_names
    kpis, teams, people, pages = r.kpis, r.teams, r.people, r.pages
    for o in r.objectives.values():
        if o.cycle not in known_cycles:
            known_cycles[o.cycle] = cycles_mod.lookup(o.cycle, config.cycles)  # type: ignore[assignment]
    objectives, goals = _one_spelling_per_tag(r.objectives, r.goals)
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
        team_owned=frozenset(oid for oid in r.team_owned if oid in objectives),
        team_owned_goals=frozenset(gid for gid in r.team_owned_goals if gid in goals),
        team_owned_kpis=frozenset(kid for kid in r.team_owned_kpis if kid in kpis),
    )
    return portfolio


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
