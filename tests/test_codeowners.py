"""``okrsite codeowners``: review routing from the goals' owners and teams, in a real repository."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from gitrepo import Repo

from okrsite.cli import cli


def make_repo(root: Path, repo_url: str = "https://github.com/acme/goals") -> Repo:
    """A repository whose site lives in ``goals/`` (CODEOWNERS paths start at the top)."""
    repo = Repo(root)
    repo.write("goals/okrsite.toml", f'repo_url = "{repo_url}"\nas_of = 2026-02-01\n')
    repo.write(
        "goals/content/objectives/sales/emea.md",
        "---\ntitle: Grow EMEA\ncycle: 2026-Q1\nowner: alice\nteam: sales\n"
        "key_results:\n  - {title: Revenue, start: 0, target: 10}\n---\n",
    )
    # written the way people write it: the owner by name, a space in the file name
    repo.write(
        "goals/content/objectives/support/first reply.md",
        "---\nid: support/first-reply\ntitle: Answer fast\ncycle: 2026-Q1\nowner: bob\n"
        "key_results:\n  - {title: Minutes, start: 60, target: 10}\n---\n",
    )
    repo.write(
        "goals/content/kpis/nps.md",
        "---\ntitle: NPS\nowner: carol\nteam: sales\nvalues: {2026-01-01: 30}\n---\n",
    )
    repo.write(
        "goals/content/people/alice.md",
        "---\ntitle: Alice Ng\ngithub: alice-ng\ngitlab: ang\n---\n",
    )
    repo.write("goals/content/people/bob.md", "---\ntitle: Bob Stone\ngithub: '@bstone'\n---\n")
    repo.write("goals/content/people/carol.md", "---\ntitle: Carol Diaz\n---\n")
    repo.write(
        "goals/content/teams/sales.md",
        "---\ntitle: Sales\ngithub: '@acme/sales'\ngitlab: acme/sales-team\n---\n",
    )
    repo.commit("goals", "alice", "2026-01-02T10:00:00+00:00")
    return repo


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["codeowners", *args])
    return result.exit_code, result.stdout, result.stderr


def test_prints_owner_and_team_handles_per_goal_file(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    code, out, _ = run("--site", str(repo.root / "goals"))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("# okrsite: begin") and lines[-1] == "# okrsite: end"
    assert lines[1:-1] == [
        "/goals/content/checkins/nps/ @acme/sales",  # a KPI's check-ins are its owners' too
        "/goals/content/checkins/sales/emea/ @alice-ng @acme/sales",
        "/goals/content/checkins/support/first-reply/ @bstone",
        "/goals/content/kpis/nps.md @acme/sales",  # Carol has no handle: the team only
        "/goals/content/objectives/sales/emea.md @alice-ng @acme/sales",
        "/goals/content/objectives/support/first\\ reply.md @bstone",
    ]


def test_gitlab_handles_when_the_repository_is_on_gitlab(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", "https://gitlab.example.com/acme/goals")
    code, out, _ = run("--site", str(repo.root / "goals"))
    assert code == 0
    assert out.splitlines()[1:-1] == [
        "/goals/content/checkins/nps/ @acme/sales-team",
        "/goals/content/checkins/sales/emea/ @ang @acme/sales-team",
        "/goals/content/kpis/nps.md @acme/sales-team",
        "/goals/content/objectives/sales/emea.md @ang @acme/sales-team",
    ]
    code, out, _ = run("--site", str(repo.root / "goals"), "--platform", "github")
    assert "@alice-ng" in out


def test_check_fails_until_the_committed_file_matches(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    site = str(repo.root / "goals")
    code, _, err = run("--site", site, "--check")
    assert code == 1 and "no CODEOWNERS file" in err
    _, text, _ = run("--site", site)
    repo.write(".github/CODEOWNERS", text)
    code, _, err = run("--site", site, "--check")
    assert code == 0, err
    # Alice hands the objective to Bob: the committed file is now stale
    emea = repo.root / "goals/content/objectives/sales/emea.md"
    emea.write_text(emea.read_text().replace("owner: alice", "owner: bob"))
    code, out, err = run("--site", site, "--check")
    assert code == 1
    assert "-/goals/content/objectives/sales/emea.md @alice-ng @acme/sales" in out
    assert "+/goals/content/objectives/sales/emea.md @bstone @acme/sales" in out
    assert "out of date" in err


def test_bad_handle_is_a_located_warning(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    repo.write("goals/content/people/carol.md", "---\ntitle: Carol Diaz\ngithub: carol diaz\n---\n")
    result = CliRunner().invoke(cli, ["check", "--site", str(repo.root / "goals")])
    assert "content/people/carol.md:3" in result.output
    assert "OKR120" in result.output
    code, out, _ = run("--site", str(repo.root / "goals"))
    assert code == 0 and "carol" not in out


def test_broken_goals_exit_1_with_diagnostics(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    repo.write("goals/content/objectives/bad.md", "---\ntitle: [unclosed\n---\n")
    code, out, err = run("--site", str(repo.root / "goals"))
    assert code == 1
    assert "content/objectives/bad.md" in err and out == ""


def test_handles_pasted_as_profile_addresses_are_read(tmp_path: Path) -> None:
    """People paste the address of a profile or a team page; CODEOWNERS gets the handle."""
    repo = make_repo(tmp_path / "repo")
    repo.write(
        "goals/content/people/carol.md",
        "---\ntitle: Carol Diaz\ngithub: https://github.com/carol-d/\n"
        "gitlab: https://gitlab.example.com/cdiaz\n---\n",
    )
    repo.write(
        "goals/content/teams/sales.md",
        "---\ntitle: Sales\ngithub: https://github.com/orgs/acme/teams/sales\n---\n",
    )
    result = CliRunner().invoke(cli, ["check", "--site", str(repo.root / "goals")])
    assert "OKR120" not in result.output
    code, out, _ = run("--site", str(repo.root / "goals"))
    assert code == 0
    assert "/goals/content/kpis/nps.md @carol-d @acme/sales" in out.splitlines()
    repo.write(
        "goals/okrsite.toml",
        'repo_url = "https://gitlab.example.com/acme/goals"\nas_of = 2026-02-01\n',
    )
    code, out, _ = run("--site", str(repo.root / "goals"))
    assert "/goals/content/kpis/nps.md @cdiaz" in out.splitlines()
    # an address on another host says nothing about GitHub: warned of and left out
    repo.write(
        "goals/content/people/carol.md",
        "---\ntitle: Carol Diaz\ngithub: https://example.com/carol\n---\n",
    )
    result = CliRunner().invoke(cli, ["check", "--site", str(repo.root / "goals")])
    assert "content/people/carol.md:3" in result.output and "OKR120" in result.output


def test_the_hint_names_the_repository_top_from_a_site_in_a_subfolder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path / "repo")
    monkeypatch.chdir(repo.root / "goals")  # where a person runs it
    code, _, err = run("--check")
    assert code == 1
    assert "write one with: okrsite codeowners --write" in err
    # following the hint from there makes --check pass
    code, _, err = run("--write")
    assert code == 0, err
    assert (repo.root / ".github/CODEOWNERS").is_file()
    code, _, err = run("--check")
    assert code == 0, err


@pytest.mark.parametrize(
    ("repo_url", "edit"),
    [
        ("https://github.com/acme/goals", "https://github.com/acme/goals/edit/main/goals/"),
        ("https://gitlab.com/acme/goals", "https://gitlab.com/acme/goals/-/edit/main/goals/"),
    ],
)
def test_edit_links_point_into_the_subfolder_the_site_is_in(
    tmp_path: Path, repo_url: str, edit: str
) -> None:
    repo = make_repo(tmp_path / "repo", repo_url)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["build", "--site", str(repo.root / "goals"), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    page = (out / "objectives/sales/emea/index.html").read_text()
    assert f'href="{edit}content/objectives/sales/emea.md"' in page
    # built outside git (an export of the folder), repo_folder says where it was
    copy = tmp_path / "export"
    shutil.copytree(repo.root / "goals", copy)
    toml = copy / "okrsite.toml"
    toml.write_text(toml.read_text() + 'repo_folder = "goals"\n')
    result = CliRunner().invoke(cli, ["build", "--site", str(copy), "--out", str(tmp_path / "o2")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "o2/objectives/sales/emea/index.html").read_text()
    assert f'href="{edit}content/objectives/sales/emea.md"' in page


def test_gitlab_handles_only_choose_gitlab_and_the_hint_keeps_the_platform(
    tmp_path: Path,
) -> None:
    """A self-hosted GitLab (no "gitlab" in repo_url, or none set) whose people
    give only gitlab: handles: the file takes them, as the GitLab job checks
    it, and the --check hint repeats --platform gitlab."""
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", 'repo_url = "https://git.acme.example/goals/okrs"\n')
    repo.write(
        "content/objectives/emea.md",
        "---\ntitle: Grow EMEA\ncycle: 2026-Q1\nowner: Alex Example\n"
        "key_results:\n  - {title: Revenue, start: 0, target: 10}\n---\n",
    )
    repo.write("content/people/alex-example.md", "---\ntitle: Alex Example\ngitlab: alexg\n---\n")
    repo.commit("goals", "alice", "2026-01-02T10:00:00+00:00")
    site = str(repo.root)
    code, text, _ = run("--site", site)
    assert code == 0 and text.splitlines()[1:-1] == [
        "/content/checkins/emea/ @alexg",
        "/content/objectives/emea.md @alexg",
    ]
    repo.write("CODEOWNERS", text)
    assert run("--site", site, "--check", "--platform", "gitlab")[0] == 0
    assert run("--site", site, "--check")[0] == 0
    emea = repo.root / "content/objectives/emea.md"
    emea.write_text(emea.read_text().replace("owner: Alex Example", "owner: Uma Diaz"))
    code, _, err = run("--site", site, "--check", "--platform", "gitlab")
    assert code == 1
    # the hint repeats the site as given, and the platform
    assert f"update them with: okrsite codeowners --site {site} --platform gitlab --write" in err
    # the ready-made GitLab job checks with GitLab's handles
    jobs = (Path(__file__).resolve().parent.parent / "docs/ci/gitlab-ci.yml").read_text()
    assert "okrsite codeowners --check --platform gitlab" in jobs
