"""A re-org of a long-lived goals repository, through the real CLI in real git repositories.

Audit 43 (role "reorg"): ``okrsite diff`` listed a person's file renamed or
a team renamed with ``aliases:`` as a change of owner, team and author on
every goal and check-in ("owner: Tom Lee → Tom Lee"), where the history
shows none; a team moved under another parent restated closed quarters'
team figures with no word anywhere; OKR306's hints after a rename without
``aliases:`` invited editing every closed-quarter file (and suggested the
old *parent* for a merged team), by id; and search did not find a person
by the name used for years.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner, Result
from test_diff_fixtures import commit, init_repo

from okrsite.cli import cli

AS_OF = "2026-12-05"
CONFIG = 'title = "T"\n'


def okrsite(repo: Path, *args: str) -> Result:
    """Run ``okrsite ARGS`` in ``repo`` through click's runner."""
    old = Path.cwd()
    os.chdir(repo)
    try:
        return CliRunner().invoke(cli, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)


def _objective(title: str, cycle: str, owner: str, team: str, current: int = 0) -> str:
    return (
        f"---\ntitle: {title}\ncycle: {cycle}\nowner: {owner}\nteam: {team}\nkey_results:\n"
        f"  - {{id: a, title: A from 0 to 10, start: 0, target: 10, current: {current}}}\n"
        f"  - {{id: b, title: B from 0 to 10, start: 0, target: 10, current: {current}}}\n---\n"
    )


def test_a_renamed_person_file_and_an_aliased_team_are_one_rename_each_not_changes_on_goals(
    tmp_path: Path,
) -> None:
    repo = init_repo(tmp_path / "repo")
    commit(
        repo,
        "base",
        {
            "okrsite.toml": CONFIG,
            "content/people/tom-lee.md": "---\ntitle: Tom Lee\n---\n",
            "content/teams/customer-success.md": "---\ntitle: Customer Success\n---\n",
            "content/objectives/support/q3.md": _objective(
                "Cut first response time", "2026-Q3", "Tom Lee", "Customer Success"
            ),
            "content/checkins/2026-08-01-q3.md": (
                "---\nobjective: support/q3\ndate: 2026-08-01\nauthor: Tom Lee\n"
                "values: {a: 6, b: 5}\n---\n"
            ),
        },
    )
    (repo / "content/people/tom-lee.md").rename(repo / "content/people/tom.lee.md")
    commit(
        repo,
        "Rename Tom's file; rename the team with an alias",
        {
            "content/teams/customer-success.md": None,
            "content/teams/customer-experience.md": (
                "---\ntitle: Customer Experience\naliases: [Customer Success]\n---\n"
            ),
        },
    )
    text = okrsite(repo, "diff", "HEAD~1", "HEAD", "--format", "text", "--as-of", AS_OF)
    assert text.exit_code == 0, text.output
    out = text.stdout
    assert "Tom Lee → Tom Lee" not in out and "owner:" not in out and "author:" not in out
    assert "team: Customer Success → Customer Experience" not in out
    assert "This change renames 2 people or teams (as of 2026-12-05)." in out
    assert "renames person tom-lee → tom.lee (Tom Lee, content/people/tom.lee.md)" in out
    assert (
        "renames team customer-success → customer-experience "
        "(Customer Experience, content/teams/customer-experience.md)"
    ) in out
    report = json.loads(
        okrsite(repo, "diff", "HEAD~1", "HEAD", "--format", "json", "--as-of", AS_OF).stdout
    )
    assert report["objectives"] == [] and report["checkins"] == []
    assert [(c["kind"], c["change"], c["old_id"], c["id"]) for c in report["organisation"]] == [
        ("person", "renamed", "tom-lee", "tom.lee"),
        ("team", "renamed", "customer-success", "customer-experience"),
    ]
    # a real change of owner is still one
    commit(repo, "new person", {"content/people/ben-cho.md": "---\ntitle: Ben Cho\n---\n"})
    commit(
        repo,
        "Ben takes over",
        {
            "content/objectives/support/q3.md": _objective(
                "Cut first response time", "2026-Q3", "Ben Cho", "Customer Success"
            )
        },
    )
    real = okrsite(repo, "diff", "HEAD~1", "HEAD", "--format", "text", "--as-of", AS_OF).stdout
    assert "owner: Tom Lee → Ben Cho" in real
    assert "team:" not in real  # still written as the team's former name


def test_a_parent_move_lists_the_team_figures_it_restates_in_closed_quarters(
    tmp_path: Path,
) -> None:
    repo = init_repo(tmp_path / "repo")
    commit(
        repo,
        "base",
        {
            "okrsite.toml": CONFIG,
            "content/teams/sales.md": "---\ntitle: Sales\n---\n",
            "content/teams/customer-success.md": "---\ntitle: Customer Success\n---\n",
            "content/teams/sales-emea.md": "---\ntitle: Sales EMEA\nparent: Sales\n---\n",
            "content/objectives/emea/q3.md": _objective(
                "Win EMEA logos", "2025-Q3", "Sales EMEA", "Sales EMEA", 9
            ),
            "content/objectives/cs/q3.md": _objective(
                "Renewals", "2025-Q3", "Customer Success", "Customer Success", 3
            ),
        },
    )
    commit(
        repo,
        "the 2026 re-org",
        {"content/teams/sales-emea.md": "---\ntitle: Sales EMEA\nparent: Customer Success\n---\n"},
    )
    out = okrsite(repo, "diff", "HEAD~1", "HEAD", "--format", "text", "--as-of", AS_OF).stdout
    assert "moves 1 team to another parent (2 team figures change)" in out
    assert (
        "  moves team Sales EMEA (content/teams/sales-emea.md) from parent Sales to "
        "Customer Success\n"
        "    Customer Success in 2025-Q3: 30% → 60% (1 → 2 objectives)\n"
        "    Sales in 2025-Q3: 90% → — (1 → 0 objectives)\n"
    ) in out
    md = okrsite(repo, "diff", "HEAD~1", "HEAD", "--as-of", AS_OF).stdout
    assert "  - Customer Success in 2025-Q3: 30% → 60% (1 → 2 objectives)" in md
    # the figure the diff names is the one the team pages show
    built = okrsite(repo, "build", "--out", str(tmp_path / "out"), "--as-of", AS_OF)
    assert built.exit_code == 0, built.output
    teams = (tmp_path / "out/teams/index.html").read_text(encoding="utf-8")
    assert "60%" in teams


def test_okr306_after_a_rename_or_merge_without_aliases_says_which_file_to_add_the_alias_to(
    tmp_path: Path,
) -> None:
    repo = init_repo(tmp_path / "repo")
    commit(
        repo,
        "base",
        {
            "okrsite.toml": CONFIG,
            "content/people/kim-park.md": "---\ntitle: Kim Park\n---\n",
            "content/people/uma-diaz.md": "---\ntitle: Uma Diaz\n---\n",
            "content/teams/sales.md": "---\ntitle: Sales\n---\n",
            "content/teams/sales-emea.md": "---\ntitle: Sales EMEA\nparent: Sales\n---\n",
            "content/teams/customer-success.md": "---\ntitle: Customer Success\n---\n",
            "content/objectives/emea/q1.md": _objective(
                "Win EMEA logos", "2025-Q1", "Kim Park", "Sales EMEA"
            ),
            "content/objectives/cs/q1.md": _objective(
                "Renewals", "2025-Q1", "Uma Diaz", "Customer Success"
            ),
        },
    )
    (repo / "content/people/uma-diaz.md").rename(repo / "content/people/uma-smith.md")
    commit(
        repo,
        "the re-org, aliases forgotten",
        {
            "content/people/kim-park.md": None,
            "content/people/uma-smith.md": "---\ntitle: Uma Smith\n---\n",
            "content/teams/sales-emea.md": None,
            "content/teams/field-sales.md": "---\ntitle: Field Sales\nparent: Sales\n---\n",
            "content/teams/customer-success.md": None,
            "content/teams/customer-experience.md": "---\ntitle: Customer Experience\n---\n",
        },
    )
    err = okrsite(repo, "check", "--as-of", AS_OF).stderr
    assert (
        "team 'Customer Success' (customer-success) is not a team in content/teams/ (hint: "
        "if 'Customer Success' was renamed 'Customer Experience' or merged into it, add "
        "aliases: [Customer Success] to content/teams/customer-experience.md: the goals "
        "that name it, closed quarters too, then need no edit)"
    ) in err
    # merged into Field Sales: never its old parent, Sales
    assert "did you mean 'sales'" not in err.lower()
    assert (
        "if 'Sales EMEA' was renamed 'Field Sales' or merged into it, add aliases: "
        "[Sales EMEA] to content/teams/field-sales.md"
    ) in err
    assert (
        "if 'Uma Diaz' was renamed 'Uma Smith' or merged into it, add aliases: "
        "[Uma Diaz] to content/people/uma-smith.md"
    ) in err
    assert (
        "owner 'Kim Park' (kim-park) is not a person in content/people/ (hint: add "
        'content/people/kim-park.md (okrsite new person "Kim Park"); if Kim Park left, '
        "keep their person file (restore it from git, with a note that they left): their "
        "past goals stay theirs, and no closed quarter needs an edit)"
    ) in err
    # a slip of a current name is still a slip, said by the name
    commit(
        repo,
        "typo",
        {
            "content/objectives/cs/q4.md": _objective(
                "Renewals", "2026-Q4", "Uma Smith", "Customer Experiance"
            )
        },
    )
    err = okrsite(repo, "check", "--as-of", AS_OF).stderr
    assert (
        "team 'Customer Experiance' (customer-experiance) is not a team in content/teams/ "
        "(hint: did you mean 'Customer Experience'?)"
    ) in err


def test_search_finds_a_person_and_a_team_by_a_former_name(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "repo")
    commit(
        repo,
        "base",
        {
            "okrsite.toml": CONFIG,
            "content/people/uma-smith.md": (
                "---\ntitle: Uma Smith\naliases: [Uma Diaz, uma.diaz@acme.com]\n---\n"
            ),
            "content/teams/customer-experience.md": (
                "---\ntitle: Customer Experience\naliases: [Customer Success]\n---\n"
            ),
            "content/objectives/cs/q4.md": _objective(
                "Renewals", "2026-Q4", "Uma Diaz", "Customer Success"
            ),
        },
    )
    built = okrsite(repo, "build", "--out", str(tmp_path / "out"), "--as-of", AS_OF)
    assert built.exit_code == 0, built.output
    index = json.loads((tmp_path / "out/search-index.json").read_text(encoding="utf-8"))
    by_id = {(it["k"], it["i"]): it for it in index["items"]}

    def found(item: dict[str, str], query: str) -> bool:
        """As search.js matches: every word of the query in the entry's text."""
        hay = " ".join(str(item.get(k) or "") for k in ("t", "i", "o", "m", "c", "x")).lower()
        return all(word in hay for word in query.lower().split())

    assert found(by_id[("person", "uma-smith")], "Uma Diaz")
    assert found(by_id[("person", "uma-smith")], "diaz")
    assert found(by_id[("team", "customer-experience")], "Customer Success")
