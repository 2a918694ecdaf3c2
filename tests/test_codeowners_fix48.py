"""``okrsite codeowners`` and GitLab project addresses, huge CODEOWNERS files (fix 48).

A GitLab project's address given as a person's or team's ``gitlab:``
(``https://gitlab.com/acme/app/-/tree/main``) was read as the group
``acme/app`` and written into CODEOWNERS, where a project routes no review;
now it is warning OKR120 saying it is a project's address. A committed
CODEOWNERS of any size was read whole (a pull request can commit a
gigabyte under that name); one over 3 MB (GitHub ignores it) is refused
with exit 1 and left as it is. Real git repositories, the real CLI.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from gitrepo import Repo

from okrsite.cli import cli

RENEWALS = (
    "---\ntitle: Renewals\nowner: Uma Diaz\nteam: Apps\nkey_results:\n"
    "  - {id: a, title: A, start: 0, target: 1}\n---\n"
)


def site(root: Path, uma: str, apps: str) -> Repo:
    repo = Repo(root)
    repo.write(
        "okrsite.toml",
        'title = "x"\ndefault_cycle = "2026-Q4"\nrepo_url = "https://gitlab.com/acme/goals"\n',
    )
    repo.write("content/people/uma-diaz.md", f"---\ntitle: Uma Diaz\ngitlab: {uma}\n---\n")
    repo.write("content/teams/apps.md", f"---\ntitle: Apps\ngitlab: {apps}\n---\n")
    repo.write("content/objectives/renewals.md", RENEWALS)
    repo.commit("goals", "alice", "2026-10-02T10:00:00+00:00")
    return repo


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [*args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    "project",
    [
        "https://gitlab.com/acme/app/-/tree/main",
        "https://gitlab.com/acme/app/-/merge_requests",
        "https://gitlab.com/acme/app.git",
    ],
)
def test_a_gitlab_project_s_address_is_no_team(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, project: str
) -> None:
    repo = site(tmp_path / "repo", "uma", project)
    code, out, err = run("check", "--site", str(repo.root))
    assert "OKR120" in out + err
    assert "GitLab project's address" in out + err
    monkeypatch.chdir(repo.root)
    code, out, err = run("codeowners", "--site", str(repo.root))
    assert code == 0, err
    assert "acme/app" not in out  # no rule routes reviews to a project
    assert "@uma" in out


def test_a_gitlab_group_s_address_is_still_a_team(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = site(tmp_path / "repo", "uma", "https://gitlab.com/groups/acme/apps/-/group_members")
    monkeypatch.chdir(repo.root)
    code, out, err = run("codeowners", "--site", str(repo.root))
    assert code == 0, err
    assert "@acme/apps" in out


@pytest.mark.parametrize("mode", ["--check", "--write"])
def test_a_huge_committed_codeowners_is_refused_and_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    repo = site(tmp_path / "repo", "uma", "acme/apps")
    huge = "# " + "x" * 100 + "\n"
    body = huge * (4 * 1024 * 1024 // len(huge))
    repo.write("CODEOWNERS", body)
    repo.commit("owners", "alice", "2026-10-03T10:00:00+00:00")
    monkeypatch.chdir(repo.root)
    code, out, err = run("codeowners", "--site", str(repo.root), mode)
    assert code == 1, (out, err[:500])
    assert "CODEOWNERS is over 3 MB" in err
    assert "Traceback" not in err
    assert (repo.root / "CODEOWNERS").read_text(encoding="utf-8") == body
