"""A checkout git refuses to read (another user's: git's "dubious ownership"),
as a CI container's often is: what ``build``, ``serve`` and ``codeowners`` say.

``okrsite build`` printed only its usual summary while every page lost its
history (and, for a site in a subfolder, every edit link its folder): it now
warns (CFG018) with git's reason and the ``safe.directory`` command, exit 0,
and fails with ``--strict`` as any warning does; ``serve`` says the same.
``codeowners`` suggested the checkout's own folder name as ``repo_folder``
for a site at the repository's top (``repo_folder = "goals"`` on GitLab's
``/builds/acme/goals``), which starts every rule one folder too deep.
Real repositories owned by another user, the real CLI.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from gitrepo import Repo
from test_monorepo_paths import dubious_clone, mono, needs_root

from okrsite.cli import cli
from okrsite.preview import Preview

GOAL = (
    "---\ntitle: Keep our customers\ncycle: 2026-Q1\nowner: alice\n"
    "key_results:\n  - {id: nps, title: Raise NPS, start: 31, target: 40}\n---\n"
)
CHECKIN = (
    "---\nobjective: sales/emea\ndate: 2026-01-20\nauthor: alice\nconfidence: 7\n"
    "values: {revenue: 3, deals: 1}\n---\n"
)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def top_site(root: Path) -> Repo:
    """A repository with the site at its top, as most goal repositories are."""
    repo = Repo(root)
    repo.write("okrsite.toml", 'repo_url = "https://gitlab.com/acme/goals"\nas_of = 2026-02-01\n')
    repo.write("content/objectives/retention.md", GOAL)
    repo.write("content/people/alice.md", "---\ntitle: Alice Ng\ngitlab: alice-gl\n---\n")
    repo.commit("goals", "alice", "2026-01-02T10:00:00+00:00")
    return repo


def cfg018(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "CFG018" in line]


@needs_root
def test_build_warns_once_that_git_refused_the_history_and_strict_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = mono(tmp_path / "mr")
    repo.write("okrs/content/checkins/2026-01-20-emea.md", CHECKIN)  # no other warning
    repo.commit("check-in", "alice", "2026-01-20T10:00:00+00:00")
    dub = dubious_clone(repo, tmp_path / "dub", monkeypatch)
    monkeypatch.chdir(dub)
    built = run("build", "--site", "okrs", "--out", str(tmp_path / "out"), "--no-cache")
    assert built.exit_code == 0, built.output
    said = cfg018(built.stderr)
    assert said == [
        "okrsite.toml: warning CFG018: the pages have no git history: git refuses to "
        f"read the repository of {dub}/okrs (detected dubious ownership in repository at "
        f"'{dub}': it belongs to another user, as a CI container's checkout often does); if "
        f"you trust it, run: git config --global --add safe.directory {dub} (hint: until git "
        "can read the repository, each page's history says so, and edit links start at the "
        "site's folder (for a site in a subfolder of the repository, set repo_folder); to "
        "build without the history and this warning, set history = false in okrsite.toml "
        "or use --no-history)"
    ], built.stderr
    assert "0 errors, 1 warning" in built.stderr
    history = json.loads((tmp_path / "out/api/history.json").read_text())
    assert history["available"] is False
    # --strict makes it an error, and nothing is written
    strict = run("build", "--site", "okrs", "--out", str(tmp_path / "strict"), "--strict")
    assert strict.exit_code == 1, strict.output
    assert len(cfg018(strict.stderr)) == 1
    assert not (tmp_path / "strict").exists()
    # turned off, or outside git, it is what the user chose: no warning
    quiet = run("build", "--site", "okrs", "--out", str(tmp_path / "q"), "--no-history")
    assert quiet.exit_code == 0 and cfg018(quiet.stderr) == [], quiet.stderr


@needs_root
def test_serve_says_it_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = mono(tmp_path / "mr")
    dub = dubious_clone(repo, tmp_path / "dub", monkeypatch)
    said: list[str] = []
    preview = Preview(dub / "okrs", port=0, echo=said.append)
    try:
        assert preview.rebuild().ok
    finally:
        preview.stop()
    assert len(cfg018("\n".join(said))) == 1, said
    assert f"git config --global --add safe.directory {dub}" in "\n".join(said)


@needs_root
def test_codeowners_suggests_an_empty_repo_folder_for_a_site_at_the_top(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = top_site(tmp_path / "goals")
    dub = dubious_clone(repo, tmp_path / "builds/acme/goals", monkeypatch)
    monkeypatch.chdir(dub)
    checked = run("codeowners", "--check")
    assert checked.exit_code == 1
    assert checked.stderr.endswith(
        'or set repo_folder in okrsite.toml (repo_folder = "" for a site at the '
        "repository's top, as this one is)\n"
    ), checked.stderr
    # and the value suggested is the one that works
    toml = dub / "okrsite.toml"
    toml.write_text(toml.read_text() + 'repo_folder = ""\n')
    assert run("codeowners", "--write").exit_code == 0
    written = (dub / "CODEOWNERS").read_text()
    assert "/content/objectives/retention.md @alice-gl" in written, written


@needs_root
def test_codeowners_suggests_the_sites_folder_for_a_site_deeper_down(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = Repo(tmp_path / "mr")
    repo.write("ops/okrs/okrsite.toml", "as_of = 2026-02-01\n")
    repo.write("ops/okrs/content/objectives/retention.md", GOAL)
    repo.commit("goals", "alice", "2026-01-02T10:00:00+00:00")
    dub = dubious_clone(repo, tmp_path / "dub", monkeypatch)
    monkeypatch.chdir(dub / "ops")
    checked = run("codeowners", "--site", "okrs", "--check")
    assert checked.exit_code == 1
    assert checked.stderr.endswith(
        '(repo_folder = "ops/okrs" for a site in ops/okrs/ of the repository)\n'
    ), checked.stderr
