"""okrsite run by a git hook in a linked worktree, the site in a subfolder.

git runs the hooks of a ``git worktree add`` checkout with ``GIT_DIR`` set
to the worktree's git folder and no ``GIT_WORK_TREE``; git then takes the
folder it runs in as the work tree's top. okrsite ran git in the site's
folder (``ops/okrs``), which git then took for the top: ``diff`` read
HEAD's files at the wrong place (the whole site "added"), ``codeowners
--check`` looked for the file in ``ops/okrs/`` and the history had no
timeline. These tests run the real CLI from a real hook of a real worktree,
and with ``GIT_DIR`` set as a hook has it, and compare with a shell.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from gitrepo import Repo

from okrsite.cli import cli

SITE = "ops/okrs"
RETENTION = """\
---
title: Keep our customers
cycle: 2026-Q4
owner: uma
key_results:
  - {{id: nps, title: Raise NPS, start: 31, target: {target}}}
---
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def monorepo(root: Path) -> Repo:
    """A repository whose goals live in ``ops/okrs/``, with its CODEOWNERS
    written by okrsite and a commit that eases a target."""
    repo = Repo(root)
    repo.write("README.md", "# acme\n")
    repo.write(
        f"{SITE}/okrsite.toml",
        'title = "Acme"\nrepo_url = "https://github.com/acme/goals"\n'
        'default_cycle = "2026-Q4"\nas_of = "2026-11-20"\n',
    )
    repo.write(f"{SITE}/content/people/uma.md", "---\ntitle: Uma Diaz\ngithub: uma-diaz\n---\n")
    repo.write(f"{SITE}/content/objectives/retention.md", RETENTION.format(target=45))
    repo.commit("Add retention OKR", "alice", "2026-10-02T10:00:00+00:00")
    repo.write(f"{SITE}/content/objectives/retention.md", RETENTION.format(target=35))
    repo.commit("Ease NPS (#7)", "bob", "2026-10-10T10:00:00+00:00")
    old = Path.cwd()
    os.chdir(root)
    try:
        assert run("codeowners", "--site", SITE, "--write").exit_code == 0
    finally:
        os.chdir(old)
    repo.commit("codeowners", "alice", "2026-10-11T10:00:00+00:00")
    return repo


def test_a_worktree_hook_sees_the_site_where_the_shell_does(tmp_path: Path) -> None:
    repo = monorepo(tmp_path / "mono")
    said = tmp_path / "said"
    hook = repo.root / ".git/hooks/pre-commit"
    okrsite = f"{sys.executable} -m okrsite"
    hook.write_text(
        "#!/bin/sh\n"
        f'echo "GIT_DIR=$GIT_DIR" > "{said}/env"\n'
        f'{okrsite} diff HEAD --site {SITE} --format json --output "{said}/diff.json"\n'
        f'{okrsite} codeowners --site {SITE} --check > "{said}/codeowners" 2>&1\n'
        f'echo "rc=$?" >> "{said}/codeowners"\n'
    )
    hook.chmod(0o755)
    said.mkdir()
    wt = tmp_path / "mono-wt"
    repo.git("worktree", "add", "-q", str(wt), "-b", "wtb")
    (wt / SITE / "content/objectives/retention.md").write_text(RETENTION.format(target=38))
    env = repo.env("carol", "2026-10-20T10:00:00+00:00")
    env["PYTHONPATH"] = os.pathsep.join(
        [str(Path(__file__).resolve().parents[1]), env.get("PYTHONPATH", "")]
    )
    subprocess.run(["git", "commit", "-qam", "in worktree"], cwd=wt, env=env, check=True)

    # git did set GIT_DIR for the hook: the case under test happened
    assert "/worktrees/mono-wt" in (said / "env").read_text()
    diff = json.loads((said / "diff.json").read_text())
    changed = [(o["id"], o["change"]) for o in diff["objectives"]]
    assert changed == [("retention", "changed")], diff["objectives"]
    assert (said / "codeowners").read_text() == (
        "okrsite: .github/CODEOWNERS is up to date\nrc=0\n"
    )


def test_git_dir_as_a_hook_sets_it_gives_the_shells_history_and_diff(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = monorepo(tmp_path / "mono")
    wt = tmp_path / "mono-wt"
    repo.git("worktree", "add", "-q", str(wt), "-b", "wtb")
    (wt / SITE / "content/objectives/retention.md").write_text(RETENTION.format(target=38))
    subprocess.run(
        ["git", "commit", "-qam", "in worktree"],
        cwd=wt,
        env=repo.env("carol", "2026-10-20T10:00:00+00:00"),
        check=True,
    )
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.chdir(wt)

    def answers(out: str) -> tuple[str, list[tuple[object, ...]]]:
        diff = run("diff", "HEAD~1", "HEAD", "--site", SITE, "--format", "text")
        assert diff.exit_code == 0, diff.output
        built = run("build", "--site", SITE, "--out", str(tmp_path / out), "--no-cache")
        assert built.exit_code == 0, built.output
        history = json.loads((tmp_path / out / "api/history.json").read_text())
        changes = history["objectives"]["retention"]["key_results"]["nps"]["changes"]
        return diff.stdout, [(c["old"], c["new"], c["author"]) for c in changes]

    shell = answers("shell-out")
    assert shell[1] == [(45, 35, "Bob Stone"), (35, 38, "Carol Diaz")]
    assert "target: 35 → 38" in shell[0]
    monkeypatch.setenv("GIT_DIR", str(repo.root / ".git/worktrees/mono-wt"))
    assert answers("hook-out") == shell
    # GIT_DIR=.git set by hand at the top of the main checkout
    monkeypatch.chdir(repo.root)
    monkeypatch.setenv("GIT_DIR", ".git")
    main = run("diff", "HEAD~2", "HEAD", "--site", SITE, "--format", "text")
    assert main.exit_code == 0, main.output
    assert "target: 45 → 35" in main.stdout
