"""A re-org moving several teams at once, through the real CLI in a real git repository.

Audit 47 (bigco, finding 1): when one change moved several teams from one
parent to another, ``okrsite diff`` listed under every move the combined
effect of all the moves ("Engineering: 2 → 0 objectives" under each of
two moves, where each takes one objective away), and the summary counted
those lines once per move ("4 team figures change" where 2 changed).
docs/diff.md promises each move's own figures, and each figure counted once.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner, Result
from test_diff_fixtures import commit, init_repo

from okrsite.cli import cli

AS_OF = "2026-12-05"


def okrsite(repo: Path, *args: str) -> Result:
    """Run ``okrsite ARGS`` in ``repo`` through click's runner."""
    old = Path.cwd()
    os.chdir(repo)
    try:
        return CliRunner().invoke(cli, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)


def _team(title: str, parent: str | None = None) -> str:
    return f"---\ntitle: {title}\n" + (f"parent: {parent}\n" if parent else "") + "---\n"


def _objective(title: str, team: str, current: int) -> str:
    return (
        f"---\ntitle: {title}\ncycle: 2026-Q4\nowner: Uma Diaz\nteam: {team}\nkey_results:\n"
        f"  - {{id: a, title: A, target: 10, current: {current}}}\n---\n"
    )


def test_each_moved_team_lists_its_own_figures_and_the_summary_counts_each_figure_once(
    tmp_path: Path,
) -> None:
    repo = init_repo(tmp_path / "repo")
    commit(
        repo,
        "base",
        {
            "okrsite.toml": 'default_cycle = "2026-Q4"\n',
            "content/teams/engineering.md": _team("Engineering"),
            "content/teams/product.md": _team("Product"),
            "content/teams/mobile.md": _team("Mobile", "Engineering"),
            "content/teams/web.md": _team("Web", "Engineering"),
            "content/teams/data.md": _team("Data", "Engineering"),
            "content/objectives/mobile.md": _objective("Mobile goal", "Mobile", 6),
            "content/objectives/web.md": _objective("Web goal", "Web", 3),
            "content/objectives/data.md": _objective("Data goal", "Data", 9),
        },
    )
    commit(
        repo,
        "move mobile and web under product",
        {
            "content/teams/mobile.md": _team("Mobile", "Product"),
            "content/teams/web.md": _team("Web", "Product"),
        },
    )
    text = okrsite(repo, "diff", "HEAD~1", "HEAD", "--format", "text", "--as-of", AS_OF)
    assert text.exit_code == 0, text.output
    out = text.stdout
    # two figures change (Engineering's and Product's in 2026-Q4), not one per move
    assert "moves 2 teams to other parents (2 team figures change)" in out
    # each move says what it alone does: Engineering 3 → 2 objectives, not 3 → 1
    assert (
        "  moves team Mobile (content/teams/mobile.md) from parent Engineering to Product\n"
        "    Engineering in 2026-Q4: 60% → 60% (3 → 2 objectives)\n"
        "    Product in 2026-Q4: — → 60% (0 → 1 objectives)\n"
    ) in out, out
    assert (
        "  moves team Web (content/teams/web.md) from parent Engineering to Product\n"
        "    Engineering in 2026-Q4: 60% → 75% (3 → 2 objectives)\n"
        "    Product in 2026-Q4: — → 30% (0 → 1 objectives)\n"
    ) in out, out
    assert "3 → 1 objectives" not in out
    data = json.loads(
        okrsite(repo, "diff", "HEAD~1", "HEAD", "--format", "json", "--as-of", AS_OF).stdout
    )
    moves = {c["id"]: c["figures"] for c in data["organisation"]}
    assert [(f["team"], f["objectives_after"]) for f in moves["mobile"]] == [
        ("engineering", 2),
        ("product", 1),
    ]
