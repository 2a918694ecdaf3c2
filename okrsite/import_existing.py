"""A sheet's objective that the site has already, under another id: skipped.

An import makes an objective's id from its team and title
(``sales/grow-emea``), so an objective the site already has under an id of
its own (``sales/emea``, as ``okrsite new objective`` or a person named it)
would be written a second time, and counted twice on every page. A sheet's
objective without an Objective id whose title (folded as "Aligned to" folds
it: case and spacing aside), cycle and team (when the sheet gives one)
are an objective's of the site is that objective: it takes its id, so the
import skips it as it skips a file that exists, and a note names the file
and how to import it as one of its own. An import never writes into a file
it did not make, so a key result of the sheet that the site's objective
lacks is said (IMP224), never added unseen or dropped unsaid.

Split from :mod:`okrsite.import_files`, which plans the files.
"""

from __future__ import annotations

from collections.abc import Mapping

from okrsite.diagnostics import Diagnostic, warning
from okrsite.model import Objective, Team
from okrsite.slug import slugify
from okrsite.spreadsheet_import import ObjectivePlan
from okrsite.spreadsheet_row import cell_named

__all__ = ["missing_key_results", "take_existing_ids"]


def _fold(title: str) -> str:
    """A title as a sheet's "Aligned to" cell is matched: case and spacing aside."""
    return " ".join(title.split()).casefold()


def take_existing_ids(
    plans: list[ObjectivePlan],
    objectives: Mapping[str, Objective],
    teams: Mapping[str, Team],
    default_cycle: str | None,
    label: str,
) -> tuple[dict[str, Objective], list[str]]:
    """Give each plan without an id that the site has already (see the
    module's docstring) the id of the site's objective. Returns the plans'
    titles' matches (``plan id -> the site's objective``) and a note for each.
    ``default_cycle``: the cycle of a row that names none."""
    by_title: dict[str, list[Objective]] = {}
    for objective in objectives.values():
        by_title.setdefault(_fold(objective.title), []).append(objective)
    matched: dict[str, Objective] = {}
    notes: list[str] = []
    for plan in plans:
        cycle = plan.cycle or default_cycle
        if plan.oid is not None or cycle is None:
            continue  # an Objective id says which one is meant
        same = [
            o
            for o in by_title.get(_fold(plan.title), [])
            if o.cycle == cycle and (not plan.team or _same_team(plan.team, o.team, teams))
        ]
        if not same:
            continue
        found = sorted(same, key=lambda o: o.id)[0]
        plan.oid = found.id
        matched[found.id] = found
        team = teams.get(found.team or "")
        named = (team.title if team is not None and team.title else None) or found.team
        notes.append(_skip_note(plan, (found, named), same, cycle, label))
    return matched, notes


def _same_team(written: str, team_id: str | None, teams: Mapping[str, Team]) -> bool:
    """Whether a sheet's team cell names the team of the site's objective: its
    id or its team file's title, as a name (``Customer Success`` is ``cs``
    where ``cs.md`` has that title)."""
    if team_id is None:
        return False
    tid = slugify(written)
    team = teams.get(team_id)
    return tid == team_id or (team is not None and bool(team.title) and tid == slugify(team.title))


def _skip_note(
    plan: ObjectivePlan,
    site: tuple[Objective, str | None],
    same: list[Objective],
    cycle: str,
    label: str,
) -> str:
    """The note for a plan skipped as the site's objective ``site`` (and the
    name of its team)."""
    found, team_name = site
    team = f", team {team_name}" if team_name else ""
    status = f" (status {found.status})" if found.status != "active" else ""
    others = [o.file for o in same if o is not found]
    also = f" (and as {', '.join(others)})" if others else ""
    fresh = f"{slugify(plan.team)}/" if plan.team else ""
    return (
        f"objective {plan.title!r} ({plan.file or label}, row {plan.row}) is in the site "
        f"already, with the same title{team} and cycle {cycle}: {found.file}{status}{also}; "
        "it is skipped, never written twice (to import it as an objective of its own, give "
        f"it an id of its own in an Objective id column, e.g. {fresh}{slugify(plan.title)}-2, "
        "or another title)"
    )


def missing_key_results(
    plans: list[ObjectivePlan], matched: Mapping[str, Objective], label: str
) -> list[Diagnostic]:
    """IMP224 at each key result of a skipped objective's rows (see
    :func:`take_existing_ids`) that the site's objective lacks (by id or by
    title, case and spacing aside): an import writes nothing into a file it
    did not make, so the row's key result is not imported."""
    out: list[Diagnostic] = []
    for plan in plans:
        found = matched.get(plan.oid or "")
        if found is None:
            continue
        ids = {kr.id.casefold() for kr in found.key_results}
        titles = {_fold(kr.title) for kr in found.key_results}
        for kr in plan.key_results:
            if _fold(kr.title) in titles or (kr.kr_id or "").casefold() in ids:
                continue
            where, column = cell_named(plan.columns, "key_result", kr.row)
            out.append(
                warning(
                    "IMP224",
                    f"{where}: key result {kr.title!r} is not imported: its objective "
                    f"{plan.title!r} is in the site already ({found.file}, skipped) without "
                    "it, and an import never writes into a file that exists",
                    plan.file or label,
                    line=kr.row,
                    column=column,
                    hint=f"add it to the key_results: of {found.file} by hand (see "
                    "docs/content-format.md); if the sheet's objective is another one, give "
                    "it an id of its own in an Objective id column and import again",
                )
            )
    return out
