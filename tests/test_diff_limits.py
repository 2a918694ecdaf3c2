"""``okrsite diff`` reads a revision's files under the rules ``okrsite check`` applies.

A goal file committed over the 16 MiB limit is OKR014 at its path (its size
taken from git, its content never read); a committed link (mode 120000) in
the content folder is followed inside the revision as a checkout would
follow it (into the site: read; out of it: OKR012, never read; to nothing
or in a loop: skipped with OKR011); a submodule is skipped with a warning. Each counts for ``--fail-on errors`` at HEAD, and shows as
resolved when HEAD fixes what base had. Real repositories, the real command.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from gitrepo import Repo

from okrsite import gitsource, sitefiles
from okrsite.cli import cli

AS_OF = "2026-11-20"
WHEN = "2026-11-10T09:00:00+00:00"
LATER = "2026-11-11T09:00:00+00:00"
CONFIG = 'title = "Acme"\ndefault_cycle = "2026-Q4"\n'
GROW = """\
---
title: Grow the business
owner: Uma Diaz
key_results:
  - id: logos
    title: Win new logos
    start: 0
    target: 30
---
Land the accounts.
"""
HUGE_HEAD = "---\ntitle: Huge\nowner: Uma Diaz\n---\n"
SECRET = "top secret, never to be shown"


def cli_run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def diff(root: Path, *args: str) -> Result:
    return cli_run("diff", *args, "--site", str(root), "--as-of", AS_OF)


def check(root: Path) -> Result:
    return cli_run("check", "--site", str(root), "--as-of", AS_OF)


def site(tmp_path: Path) -> Repo:
    repo = Repo(tmp_path / "site")
    repo.write(".gitignore", ".okrsite-cache/\n")
    repo.write("okrsite.toml", CONFIG)
    repo.write("content/objectives/grow.md", GROW)
    repo.commit("Q4 goals", "alice", WHEN)
    return repo


@pytest.fixture
def blobs_read(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The size of every blob ``okrsite diff`` reads from git."""
    sizes: list[int] = []
    real = gitsource.read_blobs

    def recording(repo: Path, oids: Sequence[str]) -> dict[str, bytes]:
        out = real(repo, oids)
        sizes.extend(len(raw) for raw in out.values())
        return out

    monkeypatch.setattr(gitsource, "read_blobs", recording)
    return sizes


def codes(report: dict[str, object], key: str) -> list[tuple[str, str]]:
    diagnostics = report["diagnostics"]
    assert isinstance(diagnostics, dict)
    found = diagnostics[key]
    assert isinstance(found, list)
    return [(d["code"], d["file"]) for d in found]


def write_huge(repo: Repo, size: int) -> int:
    """``content/objectives/huge.md``: valid front matter and a body of ``size`` bytes."""
    path = repo.root / "content/objectives/huge.md"
    path.write_bytes(HUGE_HEAD.encode() + b"x" * size)
    return path.stat().st_size


def test_oversized_goal_file_at_head_is_okr014(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, blobs_read: list[int]
) -> None:
    monkeypatch.setattr(sitefiles, "MAX_FILE_BYTES", 4096)
    repo = site(tmp_path)
    size = write_huge(repo, 5000)
    repo.commit("huge", "bob", LATER)

    checked = check(repo.root)
    assert checked.exit_code == 1
    assert f"OKR014: {repo.root}/content/objectives/huge.md is {size} bytes" in checked.output

    text = diff(repo.root, "HEAD~1", "HEAD", "--format", "text", "--fail-on", "errors")
    assert text.exit_code == 1, text.output
    assert "OKR014" in text.output
    assert f"content/objectives/huge.md is {size} bytes, more than the limit of 4096" in (
        text.output
    )
    assert "objective huge" not in text.output  # never read, so never added
    assert blobs_read and max(blobs_read) <= 4096  # its bytes were never read

    report = json.loads(diff(repo.root, "HEAD~1", "HEAD", "--format", "json").stdout)
    assert ("OKR014", "content/objectives/huge.md") in codes(report, "head_errors")


def test_real_limit_is_the_check_limit(tmp_path: Path, blobs_read: list[int]) -> None:
    """17,000,000 bytes: over 16 MiB, as the audit committed it; the blob is not read."""
    repo = site(tmp_path)
    size = write_huge(repo, 17_000_000)
    repo.commit("huge", "bob", LATER)

    message = f"is {size} bytes, more than the limit of {16 * 1024 * 1024}"
    checked = check(repo.root)
    assert checked.exit_code == 1 and message in checked.output

    text = diff(repo.root, "HEAD~1", "HEAD", "--format", "text", "--fail-on", "errors")
    assert text.exit_code == 1, text.output
    assert f"content/objectives/huge.md {message}" in text.output
    assert max(blobs_read) < 1024 * 1024


def test_oversized_file_fixed_at_head_is_resolved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sitefiles, "MAX_FILE_BYTES", 4096)
    repo = site(tmp_path)
    write_huge(repo, 5000)
    repo.commit("huge", "bob", LATER)
    write_huge(repo, 100)
    repo.commit("trimmed", "bob", "2026-11-12T09:00:00+00:00")

    result = diff(repo.root, "HEAD~1", "HEAD", "--format", "json", "--fail-on", "errors")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert ("OKR014", "content/objectives/huge.md") in codes(report, "resolved")
    assert codes(report, "head_errors") == []


def test_committed_link_out_of_the_site_is_okr012(tmp_path: Path, blobs_read: list[int]) -> None:
    repo = site(tmp_path)
    outside = tmp_path / "outside.md"
    outside.write_text(f"---\ntitle: Leak\nowner: Uma Diaz\n---\n{SECRET}\n", encoding="utf-8")
    os.symlink(outside, repo.root / "content/objectives/leak.md")
    repo.commit("link", "bob", LATER)
    mode = repo.git("ls-tree", "HEAD", "content/objectives/leak.md").split(" ")[0]
    assert mode == "120000"

    checked = check(repo.root)
    assert checked.exit_code == 1
    assert "OKR012" in checked.output and "leads outside the site" in checked.output

    text = diff(repo.root, "HEAD~1", "HEAD", "--format", "text", "--fail-on", "errors")
    assert text.exit_code == 1, text.output
    assert "OKR012" in text.output
    assert "content/objectives/leak.md leads outside the site (to /" in text.output
    assert SECRET not in text.output and "Leak" not in text.output
    # each side: okrsite.toml, grow.md; HEAD also the link's blob (its target's path)
    assert sorted(blobs_read) == sorted([len(CONFIG), len(GROW)] * 2 + [len(str(outside))])
    report = json.loads(diff(repo.root, "HEAD~1", "HEAD", "--format", "json").stdout)
    assert ("OKR012", "content/objectives/leak.md") in codes(report, "head_errors")

    none = diff(repo.root, "HEAD~1", "HEAD", "--format", "text", "--fail-on", "none")
    assert none.exit_code == 0


def test_committed_link_for_the_settings_is_refused(tmp_path: Path) -> None:
    repo = site(tmp_path)
    outside = tmp_path / "outside.toml"
    outside.write_text('title = "Leak"\ncontent_dir = "elsewhere"\n', encoding="utf-8")
    (repo.root / "okrsite.toml").unlink()
    os.symlink(outside, repo.root / "okrsite.toml")
    repo.commit("link the settings", "bob", LATER)
    checked = check(repo.root)
    assert checked.exit_code == 1 and "OKR012" in checked.output

    result = diff(repo.root, "HEAD~1", "HEAD", "--format", "json", "--fail-on", "errors")
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert ("OKR012", "okrsite.toml") in codes(report, "head_errors")
    assert "Leak" not in result.stdout and "elsewhere" not in result.stdout


def test_submodule_in_the_content_folder_is_skipped(tmp_path: Path) -> None:
    repo = site(tmp_path)
    sha = repo.head()
    repo.git("update-index", "--add", "--cacheinfo", f"160000,{sha},content/objectives/vendor")
    repo.git("commit", "-q", "-m", "submodule")

    result = diff(repo.root, "HEAD~1", "HEAD", "--format", "json", "--fail-on", "errors")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert codes(report, "head_errors") == []
    assert ("OKR011", "content/objectives/vendor") in codes(report, "introduced")


def test_working_tree_side_reads_files_as_check_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sitefiles, "MAX_FILE_BYTES", 4096)
    repo = site(tmp_path)
    size = write_huge(repo, 5000)
    outside = tmp_path / "outside.md"
    outside.write_text(f"---\ntitle: Leak\nowner: Uma Diaz\n---\n{SECRET}\n", encoding="utf-8")
    os.symlink(outside, repo.root / "content/objectives/leak.md")

    text = diff(repo.root, "HEAD", "--format", "text", "--fail-on", "errors")
    assert text.exit_code == 1, text.output
    assert f"huge.md is {size} bytes, more than the limit of 4096" in text.output
    assert "leads outside the site" in text.output
    assert SECRET not in text.output


def test_committed_link_inside_the_site_is_read_as_check_reads_it(tmp_path: Path) -> None:
    """A goal file kept once and linked from a second folder: ``check``
    reads it, so ``diff`` does too, and ``--fail-on errors`` passes."""
    repo = site(tmp_path)
    repo.write("shared/ship.md", "---\ntitle: Ship the app\nowner: Uma Diaz\n---\n")
    os.symlink("../../shared/ship.md", repo.root / "content/objectives/ship.md")
    repo.commit("link a shared goal", "bob", LATER)
    assert check(repo.root).exit_code == 0

    result = diff(repo.root, "HEAD~1", "HEAD", "--format", "json", "--fail-on", "errors")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert codes(report, "head_errors") == []
    text = diff(repo.root, "HEAD~1", "HEAD", "--format", "text").output
    assert "Ship the app" in text


@pytest.mark.parametrize(
    ("target", "message"),
    [("missing.md", "points nowhere"), ("loop.md", "loops back on itself")],
)
def test_committed_link_to_nothing_is_skipped_with_a_warning(
    tmp_path: Path, target: str, message: str
) -> None:
    repo = site(tmp_path)
    os.symlink(target, repo.root / "content/objectives/loop.md")
    repo.commit("a broken link", "bob", LATER)
    checked = check(repo.root)
    assert checked.exit_code == 0 and f"OKR011: link {repo.root}" in checked.output

    result = diff(repo.root, "HEAD~1", "HEAD", "--format", "json", "--fail-on", "errors")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert ("OKR011", "content/objectives/loop.md") in codes(report, "introduced")
    text = diff(repo.root, "HEAD~1", "HEAD", "--format", "text").output
    assert f"link content/objectives/loop.md {message}; skipped" in text
