"""Folder listings kept between runs: an unchanged folder is not listed again,
and a changed one always is.

The differential test walks a real folder after every kind of change a person
or a tool makes (files and folders added, removed, renamed, edited; links;
hidden names; a folder's time set back as ``tar`` and ``rsync -a`` do) and
holds the walk that reuses listings equal to a walk that lists everything:
the same files, the same stat signatures, the same warnings.

Folders a test has just made are not settled (their times lie within two
seconds of the walk), so most tests move the settling line into the future
(``settled``) and wait a clock tick after each walk, so that a change shows
in the folder's times. Two tests wait the real two seconds instead.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from okrsite import folder_listings
from okrsite.cli import cli
from okrsite.folder_listings import FolderListings
from okrsite.parse_store import StoredParseCache, cache_file
from okrsite.pipeline import FileTree, KnownFiles, load, read_config

REPO = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-20"
#: longer than one tick of any file system clock okrsite meets (a jiffy is 1-10 ms)
TICK = 0.011

GOAL = """---
title: {title}
cycle: 2026-Q4
owner: uma-diaz
key_results:
  - {{id: kr, title: Ship it, start: 0, target: 10, current: 4}}
---
"""


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every folder counts as settled, however recently it changed."""
    monkeypatch.setattr(folder_listings, "SETTLED_NS", -60_000_000_000)


def walk(site: Path, listings: FolderListings | None = None) -> tuple[object, ...]:
    tree = FileTree(site)
    rels, signatures = tree.listed_with_signatures("content", listings)
    return rels, signatures, [(d.code, d.file, d.message) for d in tree.problems]


@pytest.fixture
def scandirs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The folders ``os.scandir`` is asked to list."""
    listed: list[str] = []
    real = os.scandir

    def counting(path: str) -> Iterator[os.DirEntry[str]]:
        listed.append(os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", counting)
    return listed


def small_site(root: Path) -> Path:
    for rel in ("objectives/sales/a.md", "objectives/sales/b.md", "objectives/ops/c.md"):
        path = root / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(GOAL.format(title=rel), encoding="utf-8")
    (root / "content" / "checkins").mkdir()
    (root / "okrsite.toml").write_text('title = "Acme"\n', encoding="utf-8")
    return root


def test_an_unchanged_site_is_walked_without_listing_a_folder(
    tmp_path: Path, settled: None, scandirs: list[str]
) -> None:
    site = small_site(tmp_path)
    first = FolderListings({})
    full = walk(site, first)
    assert first.complete
    assert set(first.after) == {
        "content/",
        "content/checkins/",
        "content/objectives/",
        "content/objectives/ops/",
        "content/objectives/sales/",
    }
    assert len(scandirs) == 5
    scandirs.clear()
    again = FolderListings(first.after)
    assert walk(site, again) == full
    assert scandirs == []
    assert again.after == first.after

    time.sleep(TICK)
    (site / "content" / "objectives" / "ops" / "d.md").write_text("---\n", encoding="utf-8")
    third = FolderListings(again.after)
    quick = walk(site, third)
    assert scandirs == [os.path.join(site, "content", "objectives", "ops")]
    assert quick == walk(site)


def test_a_walk_given_the_kept_stats_trusts_only_unchanged_settled_files(
    tmp_path: Path, settled: None
) -> None:
    """A file of an unchanged folder whose ``lstat`` is the kept one goes to
    ``known.trusted`` with its kept hash; an edited file (same folder, so its
    listing is reused) or one not yet settled goes to the signatures, to be read."""
    site = small_site(tmp_path)
    first = FolderListings({})
    rels, signatures = FileTree(site).listed_with_signatures("content", first)
    stats = {rel: (*sig, f"hash of {rel}") for rel, sig in signatures.items()}
    edited = "content/objectives/sales/b.md"
    time.sleep(TICK)
    (site / edited).write_text(GOAL.format(title="Sell more"), encoding="utf-8")

    known = KnownFiles(stats, time.time_ns() + 1)  # every time so far is settled
    listings = FolderListings(first.after)
    again, rest = FileTree(site).listed_with_signatures("content", listings, known)
    assert again == rels and listings.complete
    assert known.trusted == {rel: f"hash of {rel}" for rel in rels if rel != edited}
    assert set(rest) == {edited}

    unsettled = KnownFiles(stats, 0)
    _, rest = FileTree(site).listed_with_signatures(
        "content", FolderListings(first.after), unsettled
    )
    assert unsettled.trusted == {} and set(rest) == set(rels)


def test_a_folder_is_kept_only_once_its_times_are_two_seconds_old(tmp_path: Path) -> None:
    """The real rule, with the real clock: a folder just changed could change
    again within one tick of a coarse clock and keep its times."""
    site = small_site(tmp_path)
    fresh = FolderListings({})
    walk(site, fresh)
    assert fresh.complete and fresh.after == {}
    time.sleep(folder_listings.SETTLED_NS / 1e9 + 0.1)
    old = FolderListings({})
    walk(site, old)
    assert "content/objectives/sales/" in old.after
    (site / "content" / "objectives" / "sales" / "new.md").write_text("---\n", encoding="utf-8")
    later = FolderListings(old.after)
    assert walk(site, later) == walk(site)
    assert "content/objectives/sales/new.md" in walk(site, later)[0]  # type: ignore[operator]
    assert "content/objectives/sales/" not in later.after  # changed just now: not kept
    assert "content/objectives/ops/" in later.after


def test_a_folder_whose_time_is_set_back_is_listed_again(tmp_path: Path, settled: None) -> None:
    """``tar`` and ``rsync -a`` set a folder's modification time back; its
    change time still moves, and that is what gives the change away."""
    site = small_site(tmp_path)
    sales = site / "content" / "objectives" / "sales"
    before = sales.stat()
    listings = FolderListings({})
    walk(site, listings)
    time.sleep(TICK)
    (sales / "z.md").write_text("---\n", encoding="utf-8")
    os.utime(sales, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert sales.stat().st_mtime_ns == before.st_mtime_ns
    assert walk(site, FolderListings(listings.after)) == walk(site)


@pytest.mark.parametrize("beside", [False, True])
def test_folders_holding_links_are_listed_every_time(
    tmp_path: Path, settled: None, beside: bool
) -> None:
    """A link's target can change without its folder knowing: a link to a file
    that becomes a folder turns into a warning about a linked folder. So is a
    folder holding a link to a goal file (``beside``) or only that one link."""
    site = small_site(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "notes").write_text("x", encoding="utf-8")
    ops = site / "content" / "objectives" / "ops"
    (ops / "notes").symlink_to(elsewhere / "notes")
    if beside:
        (ops / "linked.md").symlink_to(ops / "c.md")
    listings = FolderListings({})
    walk(site, listings)
    assert "content/objectives/ops/" not in listings.after
    assert "content/objectives/sales/" in listings.after
    (elsewhere / "notes").unlink()
    (elsewhere / "notes").mkdir()
    quick = walk(site, FolderListings(listings.after))
    assert quick == walk(site)
    assert any(code == "OKR011" for code, _, _ in quick[2])  # type: ignore[attr-defined]


# -- every kind of change, in any order ---------------------------------------

FOLDERS = ["objectives", "objectives/sales", "objectives/ops", "checkins", "checkins/q4"]
NAMES = ["a.md", "b.md", "c.md", ".hidden.md", "notes.txt", "x.md"]


def _folders(content: Path) -> list[Path]:
    return sorted(p for p in content.rglob("*") if p.is_dir() and not p.is_symlink())


def _files(content: Path) -> list[Path]:
    return sorted(p for p in content.rglob("*") if p.is_file() or p.is_symlink())


def change(site: Path, kind: str, pick: int, tmp: Path) -> None:
    """Make one change of ``kind`` to the content folder (``pick`` chooses where)."""
    content = site / "content"
    folders = [content, *_folders(content)]
    folder = folders[pick % len(folders)]
    files = _files(content)
    name = NAMES[pick % len(NAMES)]
    if kind == "add file":
        if not (folder / name).is_dir():  # (a file that became a folder keeps its name)
            (folder / name).write_text(f"---\ntitle: {pick}\n---\n", encoding="utf-8")
    elif kind == "edit file" and files:
        target = files[pick % len(files)]
        if target.is_file() and not target.is_symlink():
            with target.open("a", encoding="utf-8") as fh:
                fh.write("more\n")
    elif kind == "remove file" and files:
        files[pick % len(files)].unlink()
    elif kind == "rename file" and files:
        source = files[pick % len(files)]
        target = folder / f"renamed-{pick}-{source.name}"
        if not os.path.lexists(target):
            source.rename(target)
    elif kind == "add folder":
        sub = folder / ["new", ".hidden", "_drafts", "q1"][pick % 4]
        sub.mkdir(exist_ok=True)
        if not (sub / "inside.md").is_dir():  # (a file that became a folder keeps its name)
            (sub / "inside.md").write_text("---\n", encoding="utf-8")
    elif kind == "remove folder" and folder != content:
        shutil.rmtree(folder)
    elif kind == "link folder":
        outside = tmp / f"outside-{pick}"
        outside.mkdir(exist_ok=True)
        (outside / "far.md").write_text("---\n", encoding="utf-8")
        link = folder / f"linked-{pick}"
        if not os.path.lexists(link):
            link.symlink_to(outside)
    elif kind == "link file" and files:
        link = folder / f"link-{pick}.md"
        if not os.path.lexists(link):
            link.symlink_to(files[pick % len(files)])
    elif kind == "link target becomes a folder":  # the first time a link, the next a folder
        target = tmp / f"target-{abs(hash(str(folder)))}"
        link = folder / "maybe"
        if not os.path.lexists(link):
            if not target.exists():  # a removed link's target may be a folder by now
                target.write_text("x", encoding="utf-8")
            link.symlink_to(target)
        elif target.is_file():
            target.unlink()
            target.mkdir()
    elif kind == "file becomes folder" and files:
        source = files[pick % len(files)]
        source.unlink()
        source.mkdir()
        (source / "inner.md").write_text("---\n", encoding="utf-8")
    elif kind == "set folder time back":
        before = folder.stat()
        if (folder / f"quiet-{pick}.md").is_dir():
            return
        (folder / f"quiet-{pick}.md").write_text("---\n", encoding="utf-8")
        os.utime(folder, ns=(before.st_atime_ns, before.st_mtime_ns))


KINDS = [
    "add file",
    "edit file",
    "remove file",
    "rename file",
    "add folder",
    "remove folder",
    "link folder",
    "link file",
    "link target becomes a folder",
    "file becomes folder",
    "set folder time back",
]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@example(steps=[("add file", 0), ("file becomes folder", 0), ("add file", 0)])
@example(steps=[("add folder", 0), ("file becomes folder", 0), ("add folder", 0)])
@example(
    steps=[
        ("link target becomes a folder", 44),
        ("link target becomes a folder", 50),
        ("remove file", 0),
        ("link target becomes a folder", 44),
    ]
)
@given(steps=st.lists(st.tuples(st.sampled_from(KINDS), st.integers(0, 50)), max_size=8))
def test_a_walk_reusing_listings_finds_what_a_full_walk_finds(
    tmp_path_factory: pytest.TempPathFactory, settled: None, steps: list[tuple[str, int]]
) -> None:
    tmp = tmp_path_factory.mktemp("walk")
    site = small_site(tmp / "site")
    for sub in FOLDERS:
        (site / "content" / sub).mkdir(parents=True, exist_ok=True)
    listings = FolderListings({})
    assert walk(site, listings) == walk(site)
    reused = 0
    for kind, pick in steps:
        time.sleep(TICK)
        change(site, kind, pick, tmp)
        quick = FolderListings(listings.after)
        assert walk(site, quick) == walk(site), (kind, pick)
        reused += sum(
            1 for folder, kept in quick.after.items() if listings.after.get(folder) is kept
        )
        listings = quick
    assert not steps or reused > 0  # the shortcut was taken, not only the full walk


# -- kept between runs ---------------------------------------------------------


def test_listings_are_stored_apart_and_written_only_when_a_folder_changed(
    tmp_path: Path, settled: None
) -> None:
    site = small_site(tmp_path / "site")
    cache_dir = tmp_path / "cache"
    config, _ = read_config(FileTree(site))

    def run() -> StoredParseCache:
        stored = StoredParseCache.open(cache_dir, config)
        load(FileTree(site), date.fromisoformat(AS_OF), cache=stored.cache, jobs=1)
        assert stored.save()
        return stored

    first = run()
    folders_file = cache_file(cache_dir, first.cache.key, "folders")
    assert len(StoredParseCache.open(cache_dir, config).cache.folders) == 5
    written = folders_file.stat().st_mtime_ns
    time.sleep(TICK)
    goal = site / "content" / "objectives" / "sales" / "a.md"
    goal.write_text(goal.read_text(encoding="utf-8").replace("current: 4", "current: 5"))
    run()
    assert folders_file.stat().st_mtime_ns == written  # an edit changes no folder
    (site / "content" / "objectives" / "sales" / "e.md").write_text(GOAL.format(title="e"))
    run()
    assert folders_file.stat().st_mtime_ns != written

    folders_file.write_bytes(folders_file.read_bytes()[:40])  # damaged: ignored, not trusted
    assert StoredParseCache.open(cache_dir, config).cache.folders == {}
    run()
    assert len(StoredParseCache.open(cache_dir, config).cache.folders) == 5


def test_check_with_a_cache_finds_a_file_added_to_a_settled_folder(tmp_path: Path) -> None:
    """The real command, the real clock: the folders are two seconds old when
    the cache is filled; a new goal file with a mistake must still be found."""
    site = tmp_path / "site"
    shutil.copytree(REPO / "content", site / "content")
    shutil.copy(REPO / "okrsite.toml", site / "okrsite.toml")
    time.sleep(folder_listings.SETTLED_NS / 1e9 + 0.1)
    runner = CliRunner()
    args = ["check", "--site", str(site), "--as-of", AS_OF]
    assert runner.invoke(cli, args).exit_code == 0
    team = next(p for p in sorted((site / "content" / "objectives").iterdir()) if p.is_dir())
    (team / "added.md").write_text(GOAL.format(title="Added").replace("target: 10", "target: ten"))
    found = runner.invoke(cli, args)
    assert found.exit_code == 1, found.output
    assert "added.md" in found.output


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ({}, True),
        ({"content/": (1, 2, 3, "a.md/b.md", "sub")}, True),
        ({"content/": (1, 2, 3, "a.md", "")}, True),
        ({"content/": (1, 2, 3, ("a.md",), "")}, False),
        ({"content/": (1, 2, "3", "a.md", "")}, False),
        ({"content/": (1, 2, True, "a.md", "")}, False),
        ({"content/": (1, 2, 3, "a.md")}, False),
        ({"content/": [1, 2, 3, "a.md", ""]}, False),
        ({1: (1, 2, 3, "a.md", "")}, False),
        ([("content/", (1, 2, 3, "a.md", ""))], False),
    ],
)
def test_stored_listings_of_any_other_shape_are_not_used(value: object, valid: bool) -> None:
    """A damaged or planted cache file must not reach the walk (it would crash it)."""
    from okrsite.parse_store import _valid_folders, _valid_stats

    assert _valid_folders(value) is valid
    stats = (
        {k: (*v[:3], "digest") for k, v in value.items()}
        if valid and isinstance(value, dict)
        else None
    )
    if stats is not None:
        assert _valid_stats(stats)
        assert not _valid_stats({k: (*v[:3], 7) for k, v in stats.items()}) or not stats
