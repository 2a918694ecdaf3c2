"""``okrsite codeowners`` routes a goal's figures to its owners too.

A KPI's readings live in the CSV its ``data:`` names and an objective's
progress in its check-ins: with rules for the goal files alone, a reading
could be rewritten or a target met on paper without the owner's review.
Real git repositories, the real CLI.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from gitrepo import Repo

from okrsite.cli import cli


def make_repo(root: Path) -> Repo:
    """A site in ``goals/``: an objective with check-ins in its folder and one
    filed elsewhere, a KPI with a data file and a check-in of its own."""
    repo = Repo(root)
    repo.write("goals/okrsite.toml", 'repo_url = "https://github.com/acme/goals"\n')
    repo.write(
        "goals/content/objectives/sales/emea.md",
        "---\ntitle: Grow EMEA\ncycle: 2026-Q1\nowner: alice\nteam: sales\n"
        "key_results:\n  - {id: revenue, title: Revenue, start: 0, target: 10}\n---\n",
    )
    repo.write(
        "goals/content/checkins/sales/emea/2026-01-07.md",
        "---\ndate: 2026-01-07\nvalues: {revenue: 3}\n---\n",
    )
    repo.write(
        "goals/content/checkins/2026-01-14-emea.md",
        "---\ndate: 2026-01-14\nobjective: sales/emea\nvalues: {revenue: 4}\n---\n",
    )
    repo.write(
        "goals/content/kpis/arr.md",
        "---\ntitle: ARR\nunit: EUR\nowner: carol\nteam: finance\ndata: data/arr.csv\n---\n",
    )
    repo.write("goals/content/data/arr.csv", "date,value\n2026-01-01,100\n")
    repo.write(
        "goals/content/checkins/arr/2026-01-20.md", "---\ndate: 2026-01-20\nvalue: 120\n---\n"
    )
    repo.write("goals/content/people/alice.md", "---\ntitle: Alice Ng\ngithub: alice-ng\n---\n")
    repo.write("goals/content/people/carol.md", "---\ntitle: Carol Diaz\ngithub: carol-d\n---\n")
    repo.write("goals/content/people/bob.md", "---\ntitle: Bob Stone\ngithub: bstone\n---\n")
    repo.write("goals/content/teams/sales.md", "---\ntitle: Sales\ngithub: '@acme/sales'\n---\n")
    repo.write(
        "goals/content/teams/finance.md", "---\ntitle: Finance\ngithub: '@acme/finance'\n---\n"
    )
    repo.commit("goals", "alice", "2026-01-02T10:00:00+00:00")
    return repo


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["codeowners", *args])
    return result.exit_code, result.stdout, result.stderr


RULES = [
    "/goals/content/checkins/2026-01-14-emea.md @alice-ng @acme/sales",
    "/goals/content/checkins/arr/ @carol-d @acme/finance",
    "/goals/content/checkins/sales/emea/ @alice-ng @acme/sales",
    "/goals/content/data/arr.csv @carol-d @acme/finance",
    "/goals/content/kpis/arr.md @carol-d @acme/finance",
    "/goals/content/objectives/sales/emea.md @alice-ng @acme/sales",
]


def test_data_file_and_checkins_go_to_their_goals_owners(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    code, out, err = run("--site", str(repo.root / "goals"))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("# okrsite: begin") and lines[-1] == "# okrsite: end"
    assert lines[1:-1] == RULES


def test_check_sees_a_kpi_handed_over(tmp_path: Path) -> None:
    """Written and committed, the block passes --check; when the KPI changes
    hands, its data file and check-in folder are out of date with it."""
    repo = make_repo(tmp_path / "repo")
    site = str(repo.root / "goals")
    code, _, err = run("--site", site, "--write")
    assert code == 0, err
    written = (repo.root / ".github/CODEOWNERS").read_text()
    assert "\n".join(RULES) in written
    repo.commit("codeowners", "alice", "2026-01-03T10:00:00+00:00")
    code, _, err = run("--site", site, "--check")
    assert code == 0, err

    arr = repo.root / "goals/content/kpis/arr.md"
    arr.write_text(arr.read_text().replace("owner: carol", "owner: bob"))
    code, out, err = run("--site", site, "--check")
    assert code == 1 and "out of date" in err
    assert "-/goals/content/data/arr.csv @carol-d @acme/finance\n" in out
    assert "+/goals/content/data/arr.csv @bstone @acme/finance\n" in out
    assert "+/goals/content/checkins/arr/ @bstone @acme/finance\n" in out


def test_a_nested_objectives_folder_comes_after_its_parents(tmp_path: Path) -> None:
    """``sales``' folder holds ``sales/emea``'s: the last matching rule wins,
    so the inner folder's rule is written after the outer one."""
    repo = make_repo(tmp_path / "repo")
    repo.write(
        "goals/content/objectives/sales.md",
        "---\ntitle: Sell more\ncycle: 2026-Q1\nowner: bob\n"
        "key_results:\n  - {id: deals, title: Deals, start: 0, target: 10}\n---\n",
    )
    repo.commit("sales", "bob", "2026-01-04T10:00:00+00:00")
    code, out, err = run("--site", str(repo.root / "goals"))
    assert code == 0, err
    lines = out.splitlines()
    outer = lines.index("/goals/content/checkins/sales/ @bstone")
    inner = lines.index("/goals/content/checkins/sales/emea/ @alice-ng @acme/sales")
    assert outer < inner


def test_a_site_with_its_own_content_dir_routes_its_own_paths(tmp_path: Path) -> None:
    """``content_dir = "okr"``: the data file and check-in folders are under
    ``okr/``, not ``content/`` (CODEOWNERS naming no file routes nothing)."""
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", 'content_dir = "okr"\n')
    repo.write(
        "okr/kpis/arr.md",
        "---\ntitle: ARR\nunit: EUR\nowner: carol\ndata: data/arr.csv\n---\n",
    )
    repo.write("okr/data/arr.csv", "date,value\n2026-01-01,100\n")
    repo.write("okr/people/carol.md", "---\ntitle: Carol Diaz\ngithub: carol-d\n---\n")
    repo.commit("goals", "alice", "2026-01-02T10:00:00+00:00")
    code, out, err = run("--site", str(repo.root))
    assert code == 0, err
    assert out.splitlines()[1:-1] == [
        "/okr/checkins/arr/ @carol-d",
        "/okr/data/arr.csv @carol-d",
        "/okr/kpis/arr.md @carol-d",
    ]
