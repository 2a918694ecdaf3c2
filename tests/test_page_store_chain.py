"""The page cache's chain of deltas (okrsite.page_store): a build writes what
changed since the last build, not the large file again, and a link that does
not follow the chain on disk is never applied.

Every build goes through the CLI into a fresh output folder, as a CI job that
keeps only the cache folder does (and as ``benchmarks/history.py`` times it),
and is compared with a cold build of the same files and commits.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import reference_builds
from conftest import run_cli

from okrsite import page_store
from okrsite.build import build_site
from okrsite.cache_checksum import sealed
from okrsite.page_store import CACHE_FILE, DELTA_FILE, read_pages

AS_OF = date(2026, 11, 20)
LEAF = "content/objectives/sales/lukas-dach-pipeline.md"


@pytest.fixture(autouse=True)
def _reference_builds(cache_tests_reference_folder: Path) -> None:
    reference_builds.FOLDER = cache_tests_reference_folder


@pytest.fixture
def repo(tmp_path: Path) -> Any:
    """The example site in a git repository of one commit."""
    from gitrepo import example_repo

    repo = example_repo(tmp_path / "site")
    return repo


def cli_build(site: Path, out: str, *extra: str) -> Path:
    """``okrsite build`` into ``out`` beside the site (a fresh folder each time)."""
    folder = site.parent / out
    code, output = run_cli(
        "build", "--site", str(site), "--as-of", AS_OF.isoformat(), "--out", str(folder), *extra
    )
    assert code == 0, output
    return folder


def assert_cold(site: Path, out: Path, tmp: Path, history: bool = True) -> None:
    """``out`` holds exactly what a cold build (no cache) of the same files makes."""

    def build(folder: Path) -> None:
        result = build_site(site, out_dir=folder, as_of=AS_OF, history_cache=False, history=history)
        assert result.ok, result.diagnostics

    # keyed by the site's files and commit (reference_builds), and whether history is read
    expected = reference_builds.cold_digests(
        site, f"{AS_OF}{'' if history else ' without history'}", tmp / "cold", build
    )
    got = reference_builds.digests_of(out)
    assert sorted(got) == sorted(expected)
    assert [k for k in expected if got[k] != expected[k]] == []


def raise_target(repo: Any, old: str, new: str, when: str) -> None:
    path = repo.root / LEAF
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    repo.commit(f"Target {new}", "bob", when)


def history_after_a_build_without(repo: Any, monkeypatch: pytest.MonkeyPatch) -> bytes:
    """A build without history, one with it (its delta against the large file
    written without history is the largest the large file allows, as at
    10,000 objectives), then a new commit: the large file as it stands."""
    site = repo.root
    cache = site / ".okrsite-cache"
    cli_build(site, "out1", "--no-history")
    cli_build(site, "out2")
    stored, base = read_pages(cache)
    assert stored is not None and base is not None
    found = page_store._delta(base.state, stored)
    assert found is not None
    # the share the history's delta reached is all the large file allows:
    # a delta against it that grows any further is written as a large file
    monkeypatch.setattr(page_store, "_REWRITE_SHARE", found[1] / page_store._entries(base.state))
    raise_target(repo, "target: 25", "target: 30", "2026-11-10T10:00:00+00:00")
    return (cache / CACHE_FILE).read_bytes()


def test_a_new_commit_after_the_first_build_with_history_writes_a_link_not_the_large_file(
    repo: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rebuild after one commit of issue 13: what changed against the large
    file (written by a build without history) passed its share, but what changed
    since the last build is small. It is written as the chain's second link; the
    large file stays as it was, and the build equals a cold one, as does the
    build after it, which reads the chain."""
    site = repo.root
    cache = site / ".okrsite-cache"
    large = history_after_a_build_without(repo, monkeypatch)
    out3 = cli_build(site, "out3")
    assert (cache / CACHE_FILE).read_bytes() == large  # not written again
    assert (cache / "pages-delta-2.pickle").is_file()
    assert_cold(site, out3, tmp_path)
    _, base = read_pages(cache)
    assert base is not None and len(base.chain) == 2
    raise_target(repo, "target: 30", "target: 35", "2026-11-11T10:00:00+00:00")
    out4 = cli_build(site, "out4")
    assert (cache / CACHE_FILE).read_bytes() == large
    assert_cold(site, out4, tmp_path)
    # without history again: against the large file is smaller than the chain's
    # next link (which would undo the history), so the chain is replaced
    out5 = cli_build(site, "out5", "--no-history")
    assert_cold(site, out5, tmp_path, history=False)
    _, base = read_pages(cache)
    assert base is not None and len(base.chain) == 1
    assert not (cache / "pages-delta-2.pickle").exists()


@pytest.mark.parametrize("damage", ["garbage", "another generation", "missing"])
def test_a_link_whose_predecessor_cannot_be_trusted_is_never_applied(
    repo: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    """The first link damaged, of another large file, or gone: the second,
    which was taken against the state the first left, is not applied either.
    The large file alone is an older state; the next build is still right."""
    import pickle

    site = repo.root
    cache = site / ".okrsite-cache"
    history_after_a_build_without(repo, monkeypatch)
    cli_build(site, "out3")
    first = cache / DELTA_FILE
    assert (cache / "pages-delta-2.pickle").is_file()
    if damage == "missing":
        first.unlink()
    else:
        header, _, body = first.read_bytes().partition(b"\n")
        if damage == "garbage":
            data = header + b"\n" + body[: len(body) // 2]
        else:
            _, previous, token, size, changes = pickle.loads(body[:-4])
            body = pickle.dumps(("0" * 16, previous, token, size, changes), protocol=5)
            data = sealed(header + b"\n" + body)
        first.write_bytes(data)
    stored, base = read_pages(cache)
    assert base is not None and base.chain == [] and stored is base.state
    raise_target(repo, "target: 30", "target: 40", "2026-11-12T10:00:00+00:00")
    assert_cold(site, cli_build(site, "out4"), tmp_path)


def test_a_link_left_from_an_older_chain_is_never_applied(
    repo: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build that writes the first link anew (against the large file) starts
    a new chain: a second link of the old chain put back (a cache folder
    put together from two runs) names a first link that is gone, and is
    ignored."""
    site = repo.root
    cache = site / ".okrsite-cache"
    history_after_a_build_without(repo, monkeypatch)
    cli_build(site, "out3")
    old_second = (cache / "pages-delta-2.pickle").read_bytes()
    cli_build(site, "out4", "--no-history")  # replaces the chain by one first link
    assert not (cache / "pages-delta-2.pickle").exists()
    (cache / "pages-delta-2.pickle").write_bytes(old_second)
    _, base = read_pages(cache)
    assert base is not None and len(base.chain) == 1
    # the build after it is right with history, and is as right without
    assert_cold(site, cli_build(site, "out5", "--no-history"), tmp_path, history=False)
    raise_target(repo, "target: 30", "target: 45", "2026-11-13T10:00:00+00:00")
    assert_cold(site, cli_build(site, "out6"), tmp_path)


def test_an_amended_and_a_reset_commit_over_a_chain_equal_cold_builds(
    repo: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Builds over a chain of links after a commit is amended, and after it is
    reset away: each equals a cold build of the commits git then holds."""
    site = repo.root
    history_after_a_build_without(repo, monkeypatch)
    assert_cold(site, cli_build(site, "out3"), tmp_path)
    path = site / LEAF
    path.write_text(
        path.read_text(encoding="utf-8").replace("target: 30", "target: 31", 1), encoding="utf-8"
    )
    repo.git("add", "-A")
    repo.git("commit", "-q", "--amend", "-m", "Target 31")
    assert_cold(site, cli_build(site, "out4"), tmp_path)
    repo.git("reset", "-q", "--hard", "HEAD~1")
    assert_cold(site, cli_build(site, "out5"), tmp_path)
