"""Teams inside themselves: a loop of ``parent:`` between team files (OKR313).

The loop is cut so that the team tree (breadcrumbs, sub-team lists, team
figures) has an end, by the same cutting as objectives' alignment loops
(:func:`okrsite.resolve_objectives._cut_loops`).
"""

from __future__ import annotations

from okrsite.diagnostics import warning
from okrsite.resolve_objectives import _cut_loops
from okrsite.resolve_tables import Resolving


def cut_team_loops(r: Resolving) -> None:
    """Report and cut each loop of teams' parents."""
    teams = r.teams
    # a team inside itself, directly or through others, has no place in the
    # team tree (its page's breadcrumb and the sub-team lists would go round):
    # the loop is cut, each of its teams shown at the top, and the site builds
    r.diags += _cut_loops(
        teams,
        {tid: t.parent for tid, t in teams.items()},
        lambda team, chain: warning(
            "OKR313",
            f"team loop: {chain}; its teams are shown as top-level teams",
            team.file,
            hint="a team cannot be inside itself (directly or through others); "
            f"change one '{team.keys[1]}:'",
            key_path=(team.keys[1],),
        ),
    )
