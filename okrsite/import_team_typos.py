"""A sheet's team written one letter off another's: said, with did-you-mean.

A team is a folder and a page: ``Custmer Success`` beside ``Customer
Success`` would make a second one, with the typo's objectives alone on it,
and nothing else would tell. A team the site does not know whose name is
close to a team it knows (a team file or an objective's team), or to a
team more rows of the sheet name, gets a warning (IMP222) at each objective
it is written for, naming the row and the team meant. The objectives are
imported as the sheet writes them: a new team is as likely as a typo, and
the warning's hint says how to move them. Names that differ only by their
digits (``Squad 1``, ``Squad 2``) are two teams, never a typo.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping

from okrsite.diagnostics import Diagnostic, warning
from okrsite.model import Team
from okrsite.slug import slugify
from okrsite.spreadsheet_import import ObjectivePlan
from okrsite.spreadsheet_row import cell_named

__all__ = ["team_typos"]

#: how alike two teams' ids must be (difflib's ratio) to be one team misspelt:
#: ``custmer-success`` and ``customer-success`` are 0.97, ``sales`` and ``legal`` 0.4
_CLOSE = 0.85


def team_typos(
    plans: list[ObjectivePlan],
    teams: Mapping[str, Team],
    site_teams: Iterable[str],
    content_dir: str,
) -> list[Diagnostic]:
    """IMP222 for each objective whose team is new to the site and close to
    a known one (``teams``: the team files; ``site_teams``: the ids of the
    teams the site's objectives name)."""
    # a team file is named by its id and by its title (cs.md, Customer Success)
    known: dict[str, str] = {tid: team.title or tid for tid, team in teams.items()}
    known |= {slugify(team.title): team.title for team in teams.values() if team.title}
    for tid in site_teams:
        known.setdefault(tid, tid)
    in_sheet: dict[str, list[ObjectivePlan]] = {}
    for plan in plans:
        if plan.team and (tid := slugify(plan.team)):
            in_sheet.setdefault(tid, []).append(plan)
    # the sheet's own teams, the most written first (the first written on a tie)
    ranked = sorted(in_sheet, key=lambda tid: -len(in_sheet[tid]))
    out: list[Diagnostic] = []
    for i, tid in enumerate(ranked):
        if tid in known:
            continue
        earlier = {t: in_sheet[t][0].team or t for t in ranked[:i]}
        meant = _closest(tid, known) or _closest(tid, earlier)
        if meant is not None:
            out += [_warning(plan, meant, known, in_sheet, content_dir) for plan in in_sheet[tid]]
    return out


def _closest(tid: str, names: Mapping[str, str]) -> str | None:
    """The id among ``names`` one typo from ``tid``, not one of its digits."""
    letters = re.sub(r"\d", "", tid)
    alike = [t for t in names if re.sub(r"\d", "", t) != letters]
    found = difflib.get_close_matches(tid, sorted(alike), n=1, cutoff=_CLOSE)
    return found[0] if found else None


def _warning(
    plan: ObjectivePlan,
    meant: str,
    known: Mapping[str, str],
    in_sheet: Mapping[str, list[ObjectivePlan]],
    content_dir: str,
) -> Diagnostic:
    where, column = cell_named(plan.columns, "team", plan.row)
    if meant in known:
        name, said = known[meant], "a team of the site"
    else:
        name = in_sheet[meant][0].team or meant
        rows = sorted(p.row for p in in_sheet[meant])
        said = f"the team of row{'s' if len(rows) > 1 else ''} " + ", ".join(map(str, rows))
    written = f"{content_dir}/objectives/{plan.oid}.md"
    return warning(
        "IMP222",
        f"{where}: team {plan.team!r} of objective {plan.title!r} is no team the site or "
        f"another row knows, but is spelt almost as {name!r}, {said}: did you mean {name!r}? "
        "It is imported as a team of its own, with a page of its own",
        plan.file,
        line=plan.row,
        column=column,
        hint=f"if it is {name!r}, write that in the cell and import again (a file once "
        f"written is never rewritten: delete {written} first if this import wrote it)",
    )
