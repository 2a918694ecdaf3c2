"""Where the cache folder may be: never the site, a folder okrsite reads, or the output.

The cache writes a ``.gitignore`` of ``*`` into its folder and replaces its
files, so as ``content/`` it would hide new goal files from git, and inside
``_site/`` each build would delete it or publish it. Each is refused before
anything is written, exit code 1; a folder inside ``content/`` is fine.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO

from okrsite.cli import cli


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "okrsite.toml", root / "okrsite.toml")
    return root


def files_of(root: Path) -> set[Path]:
    return {p for p in root.rglob("*")}


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--cache-dir", "{site}/_site/.cache"], "overlaps the output folder"),
        (["--cache-dir", "{site}/content"], "is or holds the content folder"),
        (["--cache-dir", "{site}"], "is the site's folder or holds it"),
        (["--out", "{site}/.okrsite-cache/out"], "overlaps the output folder"),
    ],
)
@pytest.mark.parametrize("command", ["build", "check"])
def test_a_cache_folder_that_would_hide_or_publish_files_is_refused(
    site: Path, args: list[str], says: str, command: str
) -> None:
    if command == "check" and "--out" in args:
        pytest.skip("check writes no output")
    before = files_of(site)
    argv = [command, "--site", str(site), *(a.format(site=site) for a in args)]
    result = CliRunner().invoke(cli, argv)
    assert result.exit_code == 1, result.output
    assert says in result.output and "choose another cache_dir" in result.output
    assert "Traceback" not in result.output
    assert files_of(site) == before  # nothing written: no .gitignore in content/


def test_cache_dir_in_the_settings_is_held_to_the_same(site: Path) -> None:
    toml = site / "okrsite.toml"
    toml.write_text(toml.read_text() + 'cache_dir = "_site/.okrsite-cache"\n')
    result = CliRunner().invoke(cli, ["build", "--site", str(site)])
    assert result.exit_code == 1 and "overlaps the output folder" in result.output


def test_a_cache_folder_inside_content_is_fine(site: Path) -> None:
    for _ in range(2):
        result = CliRunner().invoke(
            cli, ["build", "--site", str(site), "--cache-dir", str(site / "content/.cache")]
        )
        assert result.exit_code == 0, result.output
    assert (site / "content/.cache/.gitignore").exists()
    assert not (site / "content/.gitignore").exists()


def test_a_cache_folder_committed_to_git_is_not_read(site: Path) -> None:
    """The cache maps each file's content hash to its parse and keeps the
    last outcome: a cache folder added to a pull request with ``git add -f``
    made ``okrsite check`` pass a broken file and ``build`` publish a title no
    file has. Such a folder is refused by name; --no-cache reads the files."""
    import os
    import subprocess

    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Eve",
        "GIT_AUTHOR_EMAIL": "eve@example.com",
        "GIT_COMMITTER_NAME": "Eve",
        "GIT_COMMITTER_EMAIL": "eve@example.com",
    }

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=site, check=True, capture_output=True, env=env)

    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "goals")
    first = CliRunner().invoke(cli, ["check", "--site", str(site)])
    assert first.exit_code == 0, first.output
    assert (site / ".okrsite-cache").is_dir()
    git("add", "-f", ".okrsite-cache")
    git("commit", "-qm", "a cache in the pull request")
    for command in ("check", "build"):
        result = CliRunner().invoke(cli, [command, "--site", str(site)])
        assert result.exit_code == 1, result.output
        assert "is committed to git" in result.output
        assert "git rm -r --cached" in result.output
    assert not (site / "_site").exists()
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--no-cache"])
    assert result.exit_code == 0, result.output
    git("rm", "-r", "-q", "--cached", ".okrsite-cache")
    git("commit", "-qm", "the cache out of git")
    result = CliRunner().invoke(cli, ["check", "--site", str(site)])
    assert result.exit_code == 0, result.output
