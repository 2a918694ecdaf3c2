"""Links and handles a user audit found wrong, each read by the real CLI on
real files (a real git repository where the history matters):

1. pull and merge request links follow ``repo_url``'s host, not the commit
   message's style; a number of the other platform's numbering gets no link;
2. ``okrsite codeowners`` reads a GitHub team's page (and its tabs) and a
   GitLab group's page as their handles, and warns of an address that names
   no handle of the key's platform (OKR120) instead of writing it;
3. a folder's address pasted as ``repo_url`` is cut back to the
   repository's, with warning CFG016.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from gitrepo import Repo

from okrsite.cli import cli

KPI = (
    "---\ntitle: Churn\nowner: alice\nunit: '%'\ntarget: {target}\n"
    "values: {{2026-01-01: 3, {day}: {target}}}\n---\n"
)


def merged(repo: Repo, branch: str, target: int, message: str, when: str) -> None:
    """A change of the KPI on ``branch``, merged into main with ``message``."""
    repo.git("checkout", "-q", "-b", branch)
    repo.write("content/kpis/churn.md", KPI.format(target=target, day=when))
    repo.commit(f"Churn target {target}", "bob", f"{when}T09:00:00+00:00")
    repo.git("checkout", "-q", "main")
    repo.git(
        "merge", "-q", "--no-ff", branch, "-m", message, who="carol", when=f"{when}T10:00:00+00:00"
    )


@pytest.fixture
def two_platforms(tmp_path: Path) -> Repo:
    """A repository with a GitHub merge commit (#70) and a GitLab one (!34),
    as one that moved from one platform to the other has."""
    repo = Repo(tmp_path / "goals")
    repo.write("content/kpis/churn.md", KPI.format(target=2, day="2026-01-01"))
    repo.write("content/people/alice.md", "---\ntitle: Alice Ng\n---\n")
    repo.commit("Start", "alice", "2026-01-01T10:00:00+00:00")
    merged(repo, "gh", 1, "Merge pull request #70 from acme/gh", "2026-01-05")
    merged(
        repo,
        "gl",
        0,
        "Merge branch 'gl' into 'main'\n\nSee merge request acme/goals!34",
        "2026-01-10",
    )
    return repo


def build(site: Path, repo_url: str) -> tuple[str, str, Any]:
    """Build ``site`` with ``repo_url``: (output, the KPI page, api/history.json)."""
    (site / "okrsite.toml").write_text(f'repo_url = "{repo_url}"\nas_of = 2026-02-01\n')
    out = site.parent / "_site"
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--out", str(out)])
    assert result.exit_code == 0, result.output
    page = (out / "kpis/churn/index.html").read_text(encoding="utf-8")
    return result.output, page, json.loads((out / "api/history.json").read_text())


def source_pr(data: Any) -> tuple[str, str | None]:
    """The pull request and its link of the KPI's value in api/history.json
    (written by the last merge, !34)."""
    source = data["kpis"]["churn"]["source"]
    return source["pr"], source["pr_url"]


def shown(page: str, pr: str) -> str:
    """How the KPI page's timeline shows ``pr``: its link, or the number alone."""
    found = re.search(rf'(<a href="([^"]*)">)?{pr}(</a>)?\)', page)
    assert found is not None, pr
    return found[2] or "no link"


def test_request_links_follow_the_host_of_repo_url(two_platforms: Repo) -> None:
    site = two_platforms.root
    _, page, data = build(site, "https://github.com/acme/goals")
    assert shown(page, "#70") == "https://github.com/acme/goals/pull/70"
    # GitLab's merge request 34 is not GitHub's pull request 34: no link, the number shown
    assert shown(page, "!34") == "no link"
    assert "merge_requests" not in page
    assert source_pr(data) == ("!34", None)

    _, page, data = build(site, "git@gitlab.com:acme/goals.git")
    assert shown(page, "!34") == "https://gitlab.com/acme/goals/-/merge_requests/34"
    assert shown(page, "#70") == "no link"
    assert source_pr(data) == ("!34", "https://gitlab.com/acme/goals/-/merge_requests/34")

    # a self-managed host named otherwise: the form the message names
    _, page, data = build(site, "https://git.acme.example/acme/goals")
    assert shown(page, "#70") == "https://git.acme.example/acme/goals/pull/70"
    assert shown(page, "!34") == "https://git.acme.example/acme/goals/-/merge_requests/34"


def test_a_repository_named_after_gitlab_on_github_gets_github_links(
    two_platforms: Repo,
) -> None:
    """The host decides, not a word anywhere in the address."""
    _, page, _ = build(two_platforms.root, "https://github.com/acme/gitlab-mirror")
    assert 'href="https://github.com/acme/gitlab-mirror/edit/main/content/kpis/churn.md"' in page
    assert shown(page, "#70") == "https://github.com/acme/gitlab-mirror/pull/70"


@pytest.mark.parametrize(
    ("pasted", "root", "edit"),
    [
        (
            "https://github.com/acme/goals/tree/main/goals",
            "https://github.com/acme/goals",
            "https://github.com/acme/goals/edit/main/goals/content/kpis/churn.md",
        ),
        (
            "https://gitlab.com/acme/goals/-/tree/main/goals",
            "https://gitlab.com/acme/goals",
            "https://gitlab.com/acme/goals/-/edit/main/goals/content/kpis/churn.md",
        ),
        (
            "https://github.com/acme/goals/blob/main/goals/README.md?plain=1",
            "https://github.com/acme/goals",
            "https://github.com/acme/goals/edit/main/goals/content/kpis/churn.md",
        ),
    ],
)
def test_a_folder_address_as_repo_url_is_cut_back_to_the_repository(
    tmp_path: Path, pasted: str, root: str, edit: str
) -> None:
    repo = Repo(tmp_path / "mono")
    repo.write("goals/content/kpis/churn.md", KPI.format(target=2, day="2026-01-02"))
    repo.write("goals/content/people/alice.md", "---\ntitle: Alice Ng\n---\n")
    sha = repo.commit("Start", "alice", "2026-01-01T10:00:00+00:00")
    output, page, data = build(repo.root / "goals", pasted)
    assert f'href="{edit}"' in page
    # GitLab keeps a commit's page under /-/, as its own pages link it
    commit = "-/commit" if "gitlab" in root else "commit"
    assert f'href="{root}/{commit}/{sha}"' in page
    assert "/tree/" not in page and "/blob/" not in page
    assert "okrsite.toml:1: warning CFG016" in output
    assert f"links are built on the repository's address '{root}'" in output
    assert f'write repo_url = "{root}"' in output
    # the repository's own address says nothing
    (repo.root / "goals/okrsite.toml").write_text(f'repo_url = "{root}"\n')
    result = CliRunner().invoke(cli, ["check", "--site", str(repo.root / "goals")])
    assert "CFG016" not in result.output and "CFG015" not in result.output


def codeowners_site(tmp_path: Path, github: str | None, gitlab: str | None) -> Path:
    site = tmp_path / "site"
    (site / "content/kpis").mkdir(parents=True)
    (site / "content/teams").mkdir()
    (site / "okrsite.toml").write_text("as_of = 2026-02-01\n")
    (site / "content/kpis/churn.md").write_text(
        "---\ntitle: Churn\nteam: cs\nvalues: {2026-01-01: 3}\n---\n"
    )
    lines = ["---", "title: Customer Success"]
    lines += [f"github: {github}"] if github else []
    lines += [f"gitlab: {gitlab}"] if gitlab else []
    (site / "content/teams/cs.md").write_text("\n".join([*lines, "---", ""]))
    return site


def codeowners(site: Path, platform: str) -> tuple[str, str]:
    """(the CODEOWNERS line of the KPI, or ""; what ``okrsite check`` says)."""
    result = CliRunner().invoke(cli, ["codeowners", "--site", str(site), "--platform", platform])
    assert result.exit_code == 0, result.output
    line = next((x for x in result.stdout.splitlines() if x.startswith("/content/kpis/")), "")
    checked = CliRunner().invoke(cli, ["check", "--site", str(site)]).output
    return line, checked


@pytest.mark.parametrize(
    ("github", "handle"),
    [
        ("https://github.com/orgs/acme/teams/cs/members", "@acme/cs"),
        ("https://github.com/orgs/acme/teams/cs", "@acme/cs"),
        ("https://github.com/orgs/acme/teams/cs/repositories?q=x", "@acme/cs"),
        ("https://github.com/uma?tab=repositories", "@uma"),
    ],
)
def test_a_github_team_page_with_its_tab_is_the_team_handle(
    tmp_path: Path, github: str, handle: str
) -> None:
    line, checked = codeowners(codeowners_site(tmp_path, github, None), "github")
    assert line == f"/content/kpis/churn.md {handle}"
    assert "OKR120" not in checked


@pytest.mark.parametrize(
    "gitlab",
    [
        '"https://gitlab.com/groups/acme/cs"',
        "https://gitlab.com/acme/cs",
        "https://gitlab.com/groups/acme/cs/-/group_members",
        "'@acme/cs'",
    ],
)
def test_a_gitlab_group_page_is_the_group_handle(tmp_path: Path, gitlab: str) -> None:
    line, checked = codeowners(codeowners_site(tmp_path, None, gitlab), "gitlab")
    assert line == "/content/kpis/churn.md @acme/cs"
    assert "OKR120" not in checked


@pytest.mark.parametrize(
    ("github", "gitlab", "platform", "said"),
    [
        # a GitHub address under gitlab: was written as @orgs/acme/teams/cs
        (None, "https://github.com/orgs/acme/teams/cs", "gitlab", "that is a GitHub address"),
        # a repository's address is no user's or team's
        ("https://github.com/acme/goals", None, "github", "no user's or team's page"),
        ("https://github.com/orgs/acme/people", None, "github", "no user's or team's page"),
        ("https://gitlab.com/acme/cs", None, "github", "that is a GitLab address"),
        # GitHub's team handles have one slash (GitLab's nested groups have more)
        ("'@acme/cs/emea'", None, "github", "team handles have one slash"),
    ],
)
def test_an_address_of_no_handle_of_the_platform_is_warned_and_left_out(
    tmp_path: Path, github: str | None, gitlab: str | None, platform: str, said: str
) -> None:
    line, checked = codeowners(codeowners_site(tmp_path, github, gitlab), platform)
    assert line == ""
    assert "content/teams/cs.md:3:9: warning OKR120" in checked
    assert said in checked


def test_nested_gitlab_groups_stay_valid(tmp_path: Path) -> None:
    line, checked = codeowners(codeowners_site(tmp_path, None, "'@acme/cs/emea'"), "gitlab")
    assert line == "/content/kpis/churn.md @acme/cs/emea"
    assert "OKR120" not in checked
