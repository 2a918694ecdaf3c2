"""A cache file damaged on disk never changes what okrsite builds or checks.

Each case builds a copy of the example site, kept in git so that the
history cache is written too, with the cache; flips one bit in the middle
of one cache file, in a letter of a text it keeps (so that the file still
unpickles, and only its checksum can tell); then builds and checks again
with the cache and compares every output file and the check's report with
those of ``--no-cache``. Every kind of cache file okrsite writes is damaged
in turn: the parse cache's index, shards, folder listings and scores, the
page cache and its delta, history segments, kept timelines and bodies,
and the dataclass methods' table.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import reference_builds
from conftest import copy_example, run_cli
from gitrepo import Repo
from reference_builds import digests_of

AS_OF = "2026-11-20"
OBJECTIVE = "content/objectives/sales/lukas-dach-pipeline.md"
OTHER = "content/objectives/sales/emea-new-logos.md"
TITLE = b"Build a DACH pipeline that carries Q1"


def outputs(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


def flip_a_bit_in_the_middle(path: Path, shown: bytes = b"") -> None:
    """Flip the case bit of a letter in the text nearest the middle of ``path``
    that the site shows (in ``shown``): a value the file keeps and a page
    shows, so the pickle still loads and only its checksum can tell."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    runs = [
        m
        for m in re.finditer(rb"[A-Za-z][A-Za-z ]{11,}[A-Za-z]", data)
        if m.start() > 40 and m.group() in shown
    ] or [m for m in re.finditer(rb"[A-Za-z]{8,}", data) if m.start() > 40]
    assert runs, f"no text in {path}"
    run = min(runs, key=lambda m: abs((m.start() + m.end()) // 2 - middle))
    at = next(i for i in range((run.start() + run.end()) // 2, run.end()) if data[i] != 32)
    data[at] ^= 0x20
    path.write_bytes(bytes(data))


def largest(cache: Path, pattern: str) -> Path:
    found = sorted(cache.glob(pattern), key=lambda p: (p.stat().st_size, p.name))
    assert found, f"no {pattern} in {cache}"
    return found[-1]


def edit(site: Path, old: str, new: str, rel: str = OBJECTIVE) -> None:
    """A change a person makes between two builds, so pages are rendered again."""
    path = site / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


KINDS = {
    "parse cache index": "index-*.pickle",
    "parse cache shard": "shard-*.pickle",
    "folder listings": "folders-*.pickle",
    "parse cache scores": "parse-*.pickle",
    "page cache": "pages.pickle",
    "page cache delta": "pages-delta.pickle",
    "history segment": "history/*.pickle",
    "kept timelines": "pieces/*.pickle",
    "kept bodies": "markdown/*.pickle",
}


#: kept pieces are used when pages are rendered again: in CI, say, which
#: restores the cache folder but not the output folder
FRESH_OUTPUT = {"kept timelines", "kept bodies"}


#: damaged in the title of the objective whose parse they keep
TITLE_DAMAGED = {"parse cache shard", "parse cache index"}


@pytest.fixture(autouse=True)
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file counts as settled, as a site's files are a few seconds after
    they were written: the cache then vouches for them without reading them
    (a file changed in the last two seconds is always read again)."""
    from okrsite import folder_listings, pipeline, pipeline_scan

    for module in (folder_listings, pipeline, pipeline_scan):
        monkeypatch.setattr(module, "SETTLED_NS", -60_000_000_000)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    repo = Repo(tmp_path / "site")
    copy_example(repo.root)
    repo.commit("The example site", "alice", "2026-10-01T10:00:00+00:00")
    return repo


def build(site: Path, *extra: str) -> str:
    code, output = run_cli("build", "--site", str(site), "--as-of", AS_OF, *extra)
    assert code == 0, output
    return output


def check(site: Path, *extra: str) -> str:
    code, output = run_cli("check", "--site", str(site), "--as-of", AS_OF, *extra)
    assert code == 0, output
    return output


@pytest.fixture(autouse=True)
def _reference_builds(cache_tests_reference_folder: Path) -> None:
    reference_builds.FOLDER = cache_tests_reference_folder


def cold_build(site: Path, out: Path) -> tuple[str, dict[str, bytes]]:
    """The summary line and the files (their digests) of ``okrsite build
    --no-cache --out OUT``, run once a session for the same inputs
    (tests/reference_builds.py)."""

    def built() -> tuple[str, dict[str, bytes]]:
        output = build(site, "--no-cache", "--out", str(out))
        return summary(output), digests_of(out)

    return reference_builds.once(site, AS_OF, "okrsite build --no-cache", built)


def cold_check(site: Path) -> str:
    """``okrsite check --no-cache``, run once a session for the same inputs."""
    return reference_builds.once(
        site, AS_OF, "okrsite check --no-cache", lambda: check(site, "--no-cache")
    )


def summary(output: str) -> str:
    """The build's last line without its output folder, its timing and its
    written/unchanged split."""
    line = output.strip().splitlines()[-1]
    return re.sub(r" into \S+ from| \(\d+ written, \d+ unchanged\)|, [\d.]+ s$", "", line)


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_damaged_cache_file_builds_and_checks_as_no_cache_does(
    repo: Repo, tmp_path: Path, kind: str
) -> None:
    site, cache = repo.root, repo.root / ".okrsite-cache"
    build(site)
    if kind == "parse cache index":
        edit(site, "Personal objective.", "My objective.")
        build(site)
    if kind == "page cache delta":  # pieces of the edited objective ride in the delta
        edit(site, "target: 40", "target: 41")
        build(site)
    if kind in TITLE_DAMAGED:  # the file keeping the parse of the objective
        (target,) = [p for p in cache.glob(KINDS[kind]) if TITLE in p.read_bytes()]
        flip_a_bit_in_the_middle(target, TITLE)
    else:
        shown = b"\n".join(outputs(site / "_site").values())
        flip_a_bit_in_the_middle(largest(cache, KINDS[kind]), shown)
    if kind in FRESH_OUTPUT:
        shutil.rmtree(site / "_site")
    if kind in TITLE_DAMAGED:  # a setting changed: every parse is used again, unparsed
        edit(site, "Northwind Analytics", "Northwind", "okrsite.toml")
    elif kind == "page cache delta":  # another objective: the delta's pieces are used again
        edit(site, "target: 16", "target: 17", OTHER)
    else:
        edit(site, "target: 40", "target: 41")
    cached = build(site)
    cold_summary, expected = cold_build(site, tmp_path / "cold")
    assert summary(cached) == cold_summary
    got = digests_of(site / "_site")
    assert sorted(got) == sorted(expected)
    assert [name for name in expected if got[name] != expected[name]] == []
    assert check(site) == cold_check(site)
    # the damaged file was written again: the next build keeps every page
    again = build(site)
    assert re.search(r"\(0 written, \d+ unchanged\)", again), again
    assert digests_of(site / "_site") == expected


def test_a_damaged_dataclass_table_is_an_empty_table(tmp_path: Path) -> None:
    """The kept bytecode of dataclass methods is a cache too: a bit flipped in
    it must not give a class methods that are not its own."""
    from okrsite import dataclass_code

    table = tmp_path / "table.pyc"
    assert dataclass_code.save(table, always=True)
    assert dataclass_code._read_table(table) == dataclass_code._table
    flip_a_bit_in_the_middle(table)
    assert dataclass_code._read_table(table) == {}
    shutil.copy(table, tmp_path / "copy.pyc")
    (tmp_path / "copy.pyc").write_bytes(table.read_bytes()[:-4])  # no checksum: foreign
    assert dataclass_code._read_table(tmp_path / "copy.pyc") == {}


class _RunsCode:
    """Unpickling this would call ``os.mkdir``: the cache's unpicklers must refuse it."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        import os

        return os.mkdir, (str(self.marker),)


@pytest.mark.parametrize("kind", ["page cache", "parse cache index", "history segment"])
def test_a_checksummed_cache_file_that_would_run_code_is_still_refused(
    repo: Repo, tmp_path: Path, kind: str
) -> None:
    """The checksum tells a damaged file, not a hostile one: a file with a
    right checksum still meets the unpicklers that build plain values only."""
    import pickle

    from okrsite import history_cache, page_store, parse_store_format
    from okrsite.cache_checksum import sealed

    header = {
        "page cache": page_store._FORMAT,
        "parse cache index": parse_store_format._INDEX_FORMAT,
        "history segment": history_cache._FORMAT,
    }[kind]
    site, marker = repo.root, tmp_path / "ran"
    build(site)
    target = largest(site / ".okrsite-cache", KINDS[kind])
    target.write_bytes(sealed(header + pickle.dumps((_RunsCode(marker),), protocol=5)))
    edit(site, "target: 40", "target: 41")
    build(site)
    assert not marker.exists()
    assert digests_of(site / "_site") == cold_build(site, tmp_path / "cold")[1]
