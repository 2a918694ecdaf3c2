"""The kept timelines' chain of links (okrsite.kept_pieces): a build after one
commit writes what it changed beside the store, not the whole store again,
and a link that does not follow the chain on disk is never applied.

Every build goes through the CLI into a fresh output folder, as a CI job that
keeps only the cache folder does (and as ``benchmarks/history.py`` times it),
and is compared with a cold build of the same files and commits. Each build
runs in a process of its own that no earlier build ran in (see
:func:`cli_build`), as each CI job's does.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import reference_builds
from conftest import REPO
from test_page_store_chain import AS_OF, LEAF, assert_cold

from okrsite.cache_checksum import sealed, unsealed
from okrsite.kept_pieces import FOLDER, KeptPieces


@pytest.fixture(autouse=True)
def _reference_builds(cache_tests_reference_folder: Path) -> None:
    reference_builds.FOLDER = cache_tests_reference_folder


@pytest.fixture
def repo(tmp_path: Path) -> Any:
    """The example site in a git repository of two commits."""
    from gitrepo import example_repo

    repo = example_repo(tmp_path / "site")
    # a second commit: every timeline shows the history from here on, and a
    # commit after it changes the edited objective's alone
    move_target(repo, 25, 30, 5)
    return repo


#: a process that imports okrsite's CLI and then, for each build asked of it
#: on stdin (a JSON line), forks a child that sets the kept_pieces constants,
#: runs ``okrsite ARGS`` with its output in a file, and exits; the parent
#: answers the child's exit code on stdout. No build ever runs in the parent.
_FORKER = """
import json, os, sys
import okrsite.build, okrsite.cli, okrsite.kept_pieces
for line in sys.stdin:
    asked = json.loads(line)
    pid = os.fork()
    if pid == 0:
        log = os.open(asked["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(log, 1)
        os.dup2(log, 2)
        code = 1
        try:
            for name, value in asked["settings"].items():
                setattr(okrsite.kept_pieces, name, value)
            okrsite.cli.cli(asked["args"])
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except BaseException:
            import traceback
            traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    print(os.waitstatus_to_exitcode(status), flush=True)
"""


#: the running :data:`_FORKER` of the module (set by :func:`_forker`)
_FORKED_FROM: list[subprocess.Popen[str]] = []


@pytest.fixture(scope="module", autouse=True)
def _forker() -> Iterator[None]:
    """The process each build of the module is forked from (:data:`_FORKER`)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(
        [sys.executable, "-c", _FORKER],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    _FORKED_FROM.append(process)
    yield
    _FORKED_FROM.remove(process)
    assert process.stdin is not None
    process.stdin.close()
    process.wait(30)


def cli_build(site: Path, out: str, **settings: int) -> Path:
    """``okrsite build`` into ``out`` beside the site, in a process of its own
    as in CI; ``settings`` are :mod:`okrsite.kept_pieces`'s constants for that
    process. A second build in the pytest process would not tell the same:
    it prints the records it parsed again, and so renders every timeline
    again (tried: the build after a commit kept none of the 32 timelines,
    and folded its link into the store). Each build's process is forked
    from one that imported okrsite and never built (:data:`_FORKER`): as
    fresh as a process of its own, without starting Python and importing
    okrsite again for each build."""
    (process,) = _FORKED_FROM
    assert process.stdin is not None and process.stdout is not None
    folder = site.parent / out
    log = site.parent / f"{out}.log"
    args = ["build", "--site", str(site), "--as-of", AS_OF.isoformat(), "--out", str(folder)]
    asked = {"args": args, "settings": settings, "log": str(log)}
    process.stdin.write(json.dumps(asked) + "\n")
    process.stdin.flush()
    code = int(process.stdout.readline())
    output = log.read_text(encoding="utf-8")
    assert code == 0, output
    assert "Traceback" not in output, output
    return folder


def move_target(repo: Any, old: int, new: int, day: int) -> None:
    path = repo.root / LEAF
    text = path.read_text(encoding="utf-8")
    assert f"target: {old}" in text
    path.write_text(text.replace(f"target: {old}", f"target: {new}", 1), encoding="utf-8")
    repo.commit(f"Target {new}", "bob", f"2026-11-{day:02d}T10:00:00+00:00")


def folder_of(site: Path) -> Path:
    return site / ".okrsite-cache" / FOLDER


def store_of(site: Path) -> Path:
    (store,) = folder_of(site).glob("*.pickle")
    return store


def links_of(site: Path) -> list[str]:
    return sorted(p.name.rsplit("-", 1)[1] for p in folder_of(site).glob("*-link-*.delta"))


def read(site: Path) -> KeptPieces:
    """The kept timelines as the next build reads them (store and links)."""
    return KeptPieces(site / ".okrsite-cache", bytes.fromhex(store_of(site).stem))


def link(site: Path, number: int) -> Path:
    return folder_of(site) / f"{store_of(site).stem}-link-{number}.delta"


def poisoned(path: Path, keys: Any = None) -> bytes:
    """The link at ``path`` with every timeline it adds (or those of ``keys``)
    replaced by a stale one, its tokens kept and sealed again: applied, it
    would show in a page."""
    body = unsealed(path.read_bytes())
    assert body is not None
    data = list(pickle.loads(body))
    assert data[6]  # it adds timelines
    data[6] = {key: "<p>a stale timeline</p>" for key in (keys or data[6])}
    return sealed(pickle.dumps(tuple(data), protocol=5))


def test_a_commit_writes_a_link_not_the_store(repo: Any, tmp_path: Path) -> None:
    """Each build after a commit (a fresh output folder: every page rendered)
    adds a link with the commit's new timelines; the store stays as it was;
    each build equals a cold one, and so does a build reading the chain with
    no new commit."""
    site = repo.root
    cli_build(site, "out1")
    store = store_of(site).read_bytes()
    assert links_of(site) == []
    move_target(repo, 30, 33, 10)
    assert_cold(site, cli_build(site, "out2"), tmp_path)
    assert store_of(site).read_bytes() == store  # not written again
    assert links_of(site) == ["1.delta"]
    move_target(repo, 33, 35, 11)
    assert_cold(site, cli_build(site, "out3"), tmp_path)
    assert store_of(site).read_bytes() == store
    assert links_of(site) == ["1.delta", "2.delta"]
    kept = read(site)
    assert len(kept.chain) == 2 and kept.chain_whole
    out4 = cli_build(site, "out4")  # every timeline from the store and its links
    assert_cold(site, out4, tmp_path)
    assert links_of(site) == ["1.delta", "2.delta"]  # nothing new: nothing written


def test_the_chain_is_folded_into_the_store_when_long(repo: Any, tmp_path: Path) -> None:
    """Past ``_MAX_LINKS`` links the store is written again with the chain in it
    (under a new token), and the links go; the build after it reads the store."""
    site = repo.root
    cli_build(site, "out1")
    store = store_of(site).read_bytes()
    for n, day in enumerate((10, 11)):
        move_target(repo, (30, 33)[n], (33, 35)[n], day)
        cli_build(site, f"out{n + 2}", _MAX_LINKS=2)
    assert links_of(site) == ["1.delta", "2.delta"]
    before = read(site).stored
    move_target(repo, 35, 40, 12)
    assert_cold(site, cli_build(site, "out4", _MAX_LINKS=2), tmp_path)
    assert links_of(site) == []
    assert store_of(site).read_bytes() != store
    after = read(site)
    assert after.chain == [] and len(after.stored) == len(before) + 1
    assert_cold(site, cli_build(site, "out5"), tmp_path)


@pytest.mark.parametrize("damage", ["garbage", "another store", "missing"])
def test_a_link_after_one_that_cannot_be_trusted_is_never_applied(
    repo: Any, tmp_path: Path, damage: str
) -> None:
    """The first link damaged, naming another store, or gone: the second (made
    stale here, its tokens kept) is not applied either. The store alone is an
    older state; the build renders the rest again, equals a cold build, and
    folds the chain so that no untrusted link is left."""
    site = repo.root
    cli_build(site, "out1")
    move_target(repo, 30, 33, 10)
    cli_build(site, "out2")
    move_target(repo, 33, 35, 11)
    cli_build(site, "out3")
    first, second = link(site, 1), link(site, 2)
    second.write_bytes(poisoned(second))
    if damage == "missing":
        first.unlink()
    elif damage == "garbage":
        first.write_bytes(first.read_bytes()[:100])
    else:
        body = unsealed(first.read_bytes())
        assert body is not None
        data = list(pickle.loads(body))
        data[1] = "0" * 16
        first.write_bytes(sealed(pickle.dumps(tuple(data), protocol=5)))
    kept = read(site)
    assert kept.chain == [] and not kept.chain_whole
    out4 = cli_build(site, "out4")
    assert "a stale timeline" not in (out4 / LEAF.replace("content/", "")[:-3]).joinpath(
        "index.html"
    ).read_text(encoding="utf-8")
    assert_cold(site, out4, tmp_path)
    assert links_of(site) == []


def test_a_link_left_from_an_older_chain_is_never_applied(repo: Any, tmp_path: Path) -> None:
    """A link of a chain since folded into the store, put back (a cache folder
    put together from two runs), names the store's old token: it is ignored."""
    site = repo.root
    cli_build(site, "out1")
    move_target(repo, 30, 33, 10)
    cli_build(site, "out2")
    old_first = link(site, 1)
    old_first_bytes = old_first.read_bytes()
    move_target(repo, 33, 35, 11)
    cli_build(site, "out3", _MAX_LINKS=1)  # folds
    assert links_of(site) == []
    old_first.write_bytes(old_first_bytes)
    # every timeline the next build uses made stale in it, its tokens kept
    old_first.write_bytes(poisoned(old_first, read(site).stored))
    assert read(site).chain == []
    out4 = cli_build(site, "out4")
    assert_cold(site, out4, tmp_path)
    assert "a stale timeline" not in "".join(
        p.read_text(encoding="utf-8") for p in out4.rglob("*.html")
    )
