"""The rendered-page cache: a cached build is byte-equal to a cold one.

Each case builds a copy of the example site with the cache, changes it the
way a person would (the edit kinds of the preview tests, a theme override,
okrsite.toml, as_of, a corrupted cache, an output file edited by hand, a
build holding the cache's lock), builds again with the cache, and compares
every file of the output with a cold build (``--no-cache``) of the same files.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import reference_builds
from click.testing import CliRunner
from conftest import REPO, copy_example
from test_incremental import CASES, edit, write

from okrsite import writer
from okrsite.build import BuildResult, build_site
from okrsite.cache_checksum import sealed
from okrsite.cli import cli
from okrsite.page_cache import CACHE_FILE, LOCK_FILE
from okrsite.page_store import _FORMAT as _PAGE_FORMAT
from okrsite.pipeline import load_site
from okrsite.render import SiteRenderer

AS_OF = date(2026, 11, 20)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "site")


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }


def cached_build(site: Path, as_of: date = AS_OF) -> int:
    """Build with the cache into site/_site; the number of pages reused."""
    result = build_site(site, as_of=as_of)
    assert result.ok, result.diagnostics
    return int(result.timings["pages reused"])


@pytest.fixture(autouse=True)
def _reference_builds(cache_tests_reference_folder: Path) -> None:
    reference_builds.FOLDER = cache_tests_reference_folder


def cold_build(site: Path, tmp: Path, as_of: date = AS_OF) -> dict[str, bytes]:
    """The files of a cold build of ``site`` (their digests), built once a
    session for the same inputs (tests/reference_builds.py)."""

    def build(out: Path) -> None:
        result = build_site(site, out_dir=out, as_of=as_of, history_cache=False)
        assert result.ok, result.diagnostics

    return reference_builds.cold_digests(site, as_of, tmp / "cold", build)


def assert_same(site: Path, tmp: Path, as_of: date = AS_OF) -> None:
    got, expected = reference_builds.digests_of(site / "_site"), cold_build(site, tmp, as_of)
    assert sorted(got) == sorted(expected)
    differing = [k for k in expected if got[k] != expected[k]]
    assert differing == [], f"stale files {differing[:10]}"


@pytest.mark.parametrize("name", list(CASES))
def test_cached_build_after_an_edit_equals_a_cold_build(
    site: Path, tmp_path: Path, name: str
) -> None:
    """A cached build after each kind of edit equals a cold one; before the
    edit, a build of the unchanged site reuses every page and leaves every
    output file as it was (not one replaced or re-linked)."""
    first = cached_build(site)
    assert first == 0  # nothing to reuse yet
    before = _inodes(site / "_site")
    unchanged = build_site(site, as_of=AS_OF)
    assert unchanged.ok and unchanged.stats is not None, unchanged.diagnostics
    assert unchanged.timings["pages reused"] > 0  # nothing changed: every page reused
    assert unchanged.stats.written == 0 and unchanged.stats.removed == 0
    assert _inodes(site / "_site") == before  # not one file replaced or re-linked
    CASES[name](site)
    reused = cached_build(site)
    if not name.endswith("(structural)"):
        assert reused > 0, "expected pages to be reused"
    assert_same(site, tmp_path)


THEME_AND_CONFIG: dict[str, Callable[[Path], None]] = {
    "partial overridden": write(
        "templates/partials/status_badge.html",
        '<b class="badge">{{ status_word(status) }}!</b>',
    ),
    "okrsite.toml title": edit("okrsite.toml", 'title = "', 'title = "New '),
}


@pytest.mark.parametrize("name", list(THEME_AND_CONFIG))
def test_theme_and_configuration_changes_render_everything(
    site: Path, tmp_path: Path, name: str
) -> None:
    cached_build(site)
    THEME_AND_CONFIG[name](site)
    assert cached_build(site) == 0
    assert_same(site, tmp_path)


def test_a_changed_as_of_renders_everything(site: Path, tmp_path: Path) -> None:
    cached_build(site)
    later = date(2026, 11, 27)
    assert cached_build(site, later) == 0
    assert_same(site, tmp_path, later)


@pytest.mark.parametrize("damage", [b"", b"okrsite-page-cache 4\n\x80\x05garbage", b"x" * 100])
def test_a_corrupted_cache_means_a_full_build(site: Path, tmp_path: Path, damage: bytes) -> None:
    cached_build(site)
    CASES["body edit"](site)
    (site / ".okrsite-cache" / CACHE_FILE).write_bytes(damage)
    assert cached_build(site) == 0
    assert_same(site, tmp_path)
    assert cached_build(site) > 0  # and the cache is written again


def test_a_cache_that_would_build_objects_is_refused(site: Path, tmp_path: Path) -> None:
    cached_build(site)
    import pickle

    # sealed with a checksum that holds: the unpickler's own refusal is tested
    evil = sealed(_PAGE_FORMAT + pickle.dumps((os.getcwd, ()), protocol=5))
    (site / ".okrsite-cache" / CACHE_FILE).write_bytes(evil)
    assert cached_build(site) == 0
    assert_same(site, tmp_path)


def test_an_output_file_edited_by_hand_means_a_full_build(site: Path, tmp_path: Path) -> None:
    cached_build(site)
    page = site / "_site" / "index.html"
    page.write_bytes(page.read_bytes().replace(b"<body", b"<body data-edited"))
    CASES["body edit"](site)
    assert cached_build(site) == 0
    assert_same(site, tmp_path)
    # and a file added by hand
    (site / "_site" / "extra.html").write_text("mine")
    assert cached_build(site) == 0
    assert_same(site, tmp_path)


def test_a_build_holding_the_lock_keeps_the_other_from_the_cache(
    site: Path, tmp_path: Path
) -> None:
    cached_build(site)
    stored = (site / ".okrsite-cache" / CACHE_FILE).read_bytes()
    CASES["body edit"](site)
    with open(site / ".okrsite-cache" / LOCK_FILE, "ab") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        assert cached_build(site) == 0
    assert (site / ".okrsite-cache" / CACHE_FILE).read_bytes() == stored  # not written
    assert_same(site, tmp_path)


def test_no_cache_and_cache_false_leave_the_page_cache_alone(site: Path) -> None:
    runner = CliRunner()
    args = ["build", "--site", str(site), "--as-of", "2026-11-20"]
    result = runner.invoke(cli, [*args, "--no-cache"])
    assert result.exit_code == 0, result.output
    assert not (site / ".okrsite-cache" / CACHE_FILE).exists()
    config = site / "okrsite.toml"
    config.write_text(config.read_text() + "\ncache = false\n")
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert not (site / ".okrsite-cache" / CACHE_FILE).exists()


def test_the_cli_build_reuses_pages_and_writes_only_changed_files(site: Path) -> None:
    runner = CliRunner()
    args = ["build", "--site", str(site), "--as-of", "2026-11-20"]
    assert runner.invoke(cli, args).exit_code == 0
    untouched = site / "_site" / "kpis" / "nps" / "index.html"
    before = untouched.stat()
    CASES["body edit"](site)
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    after = untouched.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert (site / ".okrsite-cache" / CACHE_FILE).is_file()


def test_history_read_from_its_cache_keeps_the_pages(site: Path, tmp_path: Path) -> None:
    """The first build reads the history from git, the next from the history
    cache: the same history, so every page is reused; a new commit touching an
    objective renders the pages with a timeline again, and equals a cold build."""
    from gitrepo import Repo

    repo = Repo(site)
    repo.commit("portfolio", "alice", "2026-11-01T10:00:00+00:00")
    cached_build(site)
    pages = len(list((site / "_site").rglob("index.html"))) + 1  # and 404.html
    assert cached_build(site) == pages
    CASES["leaf key result target (rolls up)"](site)
    repo.commit("raise the target", "alice", "2026-11-18T10:00:00+00:00")
    assert 0 < cached_build(site) < pages
    assert_same(site, tmp_path)


def _inodes(folder: Path) -> dict[str, int]:
    return {
        p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()
    }


def test_an_edit_replaces_only_the_changed_files_in_place_comparing_drawn_files_by_their_hashes(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Most files after an edit are the very same files (not replaced nor
    re-linked). The site-wide files (badges, exports, the search index) are
    drawn again on every build; the page cache vouches for each old file's
    content hash, so an unchanged one is recognised without reading it back.
    (Two tests of the very same builds once, each building the site twice.)"""
    cached_build(site)
    before = _inodes(site / "_site")
    reads: list[str] = []
    real = writer._same_bytes

    def counted(path: str | Path, data: bytes) -> bool:
        reads.append(str(path))
        return real(path, data)

    monkeypatch.setattr(writer, "_same_bytes", counted)
    CASES["body edit"](site)
    result = build_site(site, as_of=AS_OF)
    assert result.ok and result.stats is not None
    assert reads == []
    after = _inodes(site / "_site")
    kept = [rel for rel in before if after.get(rel) == before[rel]]
    assert len(kept) > len(before) // 2  # most files are the very same files
    badges = [rel for rel in before if rel.startswith("badges/")]
    assert len(badges) > 10 and all(after[rel] == before[rel] for rel in badges)
    assert result.stats.unchanged > len(badges)
    monkeypatch.undo()
    assert_same(site, tmp_path)


def test_an_edit_draws_again_only_the_badges_whose_objective_s_score_changed(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A badge is kept with what it read (the objective's score): after a key
    result's target moves, exactly the badges of the objectives whose score
    changed are drawn again, the others come from the cache."""
    cached_build(site)
    before = load_site(site, AS_OF).scored.objectives
    drawn: list[str] = []
    real = SiteRenderer._draw_badge

    def counted(renderer: SiteRenderer, oid: str) -> str:
        drawn.append(oid)
        return real(renderer, oid)

    monkeypatch.setattr(SiteRenderer, "_draw_badge", counted)
    CASES["leaf key result target (rolls up)"](site)
    result = build_site(site, as_of=AS_OF)
    assert result.ok
    after = load_site(site, AS_OF).scored.objectives
    assert sorted(drawn) == sorted(oid for oid in after if after[oid] != before.get(oid))
    assert "sales/lukas-dach-pipeline" in drawn
    assert len(list((site / "_site" / "badges").rglob("*.svg"))) > 10
    monkeypatch.undo()
    assert_same(site, tmp_path)


@pytest.mark.parametrize("touch", [False, True])
def test_a_restored_output_folder_is_recognised_by_its_content(
    site: Path, tmp_path: Path, touch: bool
) -> None:
    """A CI job restores the output folder and the cache from its cache
    action: every file is a copy (new inode; with ``touch``, new times too)."""
    cached_build(site)
    shutil.move(site / "_site", tmp_path / "saved")
    shutil.copytree(tmp_path / "saved", site / "_site")  # copies: new inodes
    if touch:
        for path in (site / "_site").rglob("*"):
            if path.is_file():
                os.utime(path, (1_000_000_000, 1_000_000_000))
    CASES["body edit"](site)
    assert cached_build(site) > 0
    assert_same(site, tmp_path)
    assert cached_build(site) > 0  # and the cache now describes the copies


@pytest.fixture(scope="module")
def built_example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site built once with the cache: its files and the cache
    folder the build left (never changed: a test takes a copy)."""
    site = copy_example(tmp_path_factory.mktemp("built") / "site")
    cached_build(site)
    return site


@pytest.mark.parametrize("name", list(CASES))
def test_a_new_output_folder_takes_the_kept_pieces_and_equals_a_cold_build(
    built_example: Path, tmp_path: Path, name: str
) -> None:
    """A CI job that keeps only the cache folder builds into a fresh one:
    every page is rendered, the pieces whose inputs did not change (list
    items, exports, badges, history entries) come from the cache, and the
    output is the cold build's, after every kind of edit. The site and the
    cache folder are a copy of one build's, as CI restores them, without
    the output folder."""
    site = tmp_path / "site"
    shutil.copytree(built_example, site, ignore=shutil.ignore_patterns("_site"))
    CASES[name](site)
    result = build_site(site, as_of=AS_OF)
    assert result.ok, result.diagnostics
    assert result.timings["pages reused"] == 0
    if not name.endswith("(structural)"):  # those change what every page reads
        assert result.timings["pieces reused"] > 0
    assert_same(site, tmp_path)
    assert cached_build(site) > 0  # and the cache now describes the new folder


def test_a_restored_output_with_a_changed_file_means_a_full_build(
    site: Path, tmp_path: Path
) -> None:
    cached_build(site)
    shutil.move(site / "_site", tmp_path / "saved")
    shutil.copytree(tmp_path / "saved", site / "_site")
    page = site / "_site" / "index.html"
    data = page.read_bytes()
    page.write_bytes(data.replace(b"<body", b"<bodx", 1))  # same size, other bytes
    assert cached_build(site) == 0
    assert_same(site, tmp_path)


def test_a_template_mistake_after_an_edit_leaves_the_output_untouched(site: Path) -> None:
    cached_build(site)
    before = files_of(site / "_site")
    CASES["body edit"](site)
    (site / "templates" / "partials").mkdir(parents=True)
    (site / "templates" / "partials" / "kr_row.html").write_text("{{ nope.missing.attr }}")
    result = build_site(site, as_of=AS_OF)
    assert not result.ok
    assert files_of(site / "_site") == before


def test_a_parallel_cached_build_after_an_edit_equals_a_cold_build(tmp_path: Path) -> None:
    """Large enough to render in forked workers: the workers send back what
    each page read, its fingerprints and the memoised pieces, and the next
    build joins those pieces again instead of rendering them."""
    import subprocess
    import sys

    site = tmp_path / "big"
    subprocess.run(
        [sys.executable, str(REPO / "benchmarks/generate.py"), str(site), "--objectives", "300"],
        check=True,
        capture_output=True,
    )
    first = build_site(site, as_of=AS_OF, jobs=2)
    assert first.ok and first.timings["pages reused"] == 0
    objective = sorted((site / "content" / "objectives").rglob("*.md"))[0]
    text = objective.read_text()
    at = text.index("target: ") + len("target: ")
    objective.write_text(text[:at] + "1" + text[at:])  # a target ten times or more larger
    again = build_site(site, as_of=AS_OF, jobs=2)
    assert again.ok and again.timings["pages reused"] > 0
    assert again.timings["pieces reused"] > 250  # the objectives' rows, nodes, exports
    out = tmp_path / "cold"
    cold = build_site(site, out_dir=out, as_of=AS_OF, jobs=2, history_cache=False)
    assert cold.ok
    got, expected = files_of(site / "_site"), files_of(out)
    assert sorted(got) == sorted(expected)
    assert [k for k in expected if got[k] != expected[k]] == []


PARALLEL_CASES = [
    "leaf key result target (rolls up)",
    "new check-in",
    "KPI CSV row",
    "person moves to another team",
    "deleted objective (structural)",
]


@pytest.mark.parametrize("name", PARALLEL_CASES)
def test_cached_build_in_forked_workers_equals_a_cold_build(
    site: Path, tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The example site is small enough to render in one process; with the
    thresholds lowered it renders, as a large site does, in two forked
    workers taking small chunks, each numbering what its pages read and
    sending those numbers, and with its fingerprints taken in forked
    processes too."""
    import okrsite.page_cache as page_cache
    import okrsite.render_plan as render_plan

    monkeypatch.setattr(render_plan, "PARALLEL_PAGES", 1)
    monkeypatch.setattr(render_plan, "CHUNK", 7)
    monkeypatch.setattr(page_cache, "PARALLEL_DEPS", 10)

    def build() -> int:
        result = build_site(site, as_of=AS_OF, jobs=2)
        assert result.ok, result.diagnostics
        return int(result.timings["pages reused"])

    assert build() == 0
    assert build() > 0  # nothing changed: every page reused
    assert_same(site, tmp_path)
    CASES[name](site)
    reused = build()
    if not name.endswith("(structural)"):
        assert reused > 0
    assert_same(site, tmp_path)
    # and once more after a second edit of a page rendered by the last build
    edit("content/objectives/sales/emea-new-logos.md", "title: ", "title: Q4 ")(site)
    build()
    assert_same(site, tmp_path)


@pytest.mark.parametrize("name", PARALLEL_CASES)
def test_a_new_output_folder_rendered_in_forked_workers_leaves_a_cache_true_for_the_next_edit(
    site: Path, tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Into a new output folder, the page cache compares only what its kept
    pieces read; the rest of its table is the render's to print, as the
    workers' pages read it. The cache that build leaves must be as true as
    a cold one's: the next edit, built in place, keeps pages by those
    prints and must still equal a cold build, and no stored print is
    missing."""
    import okrsite.page_cache as page_cache
    import okrsite.render_plan as render_plan
    from okrsite.page_store import read_pages

    monkeypatch.setattr(render_plan, "PARALLEL_PAGES", 1)
    monkeypatch.setattr(render_plan, "CHUNK", 7)
    unknown: list[int] = []
    real_plan = page_cache.PageCache.plan

    def plan(self: page_cache.PageCache, clean: bool) -> Any:
        keys = real_plan(self, clean)
        unknown.append(len(self.unknown))
        return keys

    monkeypatch.setattr(page_cache.PageCache, "plan", plan)
    filled: list[int] = []
    real_fill = page_cache.PageCache._fill

    def fill(self: page_cache.PageCache, deps: list[Any]) -> None:
        filled.append(len(deps))
        real_fill(self, deps)

    monkeypatch.setattr(page_cache.PageCache, "_fill", fill)

    def build() -> BuildResult:
        result = build_site(site, as_of=AS_OF, jobs=2)
        assert result.ok, result.diagnostics
        return result

    build()
    CASES[name](site)
    shutil.rmtree(site / "_site")
    unknown.clear()
    filled.clear()
    assert build().timings["pages reused"] == 0
    assert unknown and unknown[0] > 0, "a new folder compares only what the pieces read"
    # what the pages read of the rest was printed by the render, not by this process
    assert sum(filled[1:]) < unknown[0] / 4
    assert_same(site, tmp_path)
    stored, _ = read_pages(site / ".okrsite-cache")
    assert isinstance(stored, tuple)
    deps_table, values = stored[4], stored[5]
    assert len(values) == len(deps_table) and all(values), "every dependency has its print"
    edit("content/objectives/sales/emea-new-logos.md", "title: ", "title: Q4 ")(site)
    assert build().timings["pages reused"] > 0
    assert_same(site, tmp_path)


@pytest.mark.parametrize("name", PARALLEL_CASES)
def test_the_cli_build_s_pages_in_a_forked_worker_after_an_edit_equal_a_cold_build(
    site: Path, tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``okrsite build`` with the threshold of forked rendering lowered: the
    pages an edit touches go to one forked worker in one chunk, numbered in
    the page cache's own table it inherited, while the build renders the
    site-wide files and saves the parse cache; every build after an edit is
    byte-equal to a cold one, and the next one reads the parse cache this
    one saved."""
    import okrsite.render_plan as render_plan

    monkeypatch.setattr(render_plan, "PARALLEL_PAGES", 1)
    forked: list[int] = []
    real = render_plan._render_forked

    def counted(*args: Any, **kwargs: Any) -> Any:
        forked.append(len(args[5]))  # the chunks
        return real(*args, **kwargs)

    monkeypatch.setattr(render_plan, "_render_forked", counted)
    runner = CliRunner()
    args = ["build", "--site", str(site), "--as-of", "2026-11-20", "-j", "2"]

    def build() -> str:
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
        return result.output

    build()
    assert len(forked) == 1  # a cold build: every page
    CASES[name](site)
    forked.clear()
    build()
    assert forked == [1], "the few pages to render again went to one forked worker"
    assert_same(site, tmp_path)
    edit("content/objectives/sales/emea-new-logos.md", "title: ", "title: Q4 ")(site)
    output = build()
    assert "0 errors" in output
    assert_same(site, tmp_path)


@pytest.mark.parametrize("name", list(CASES))
def test_the_cli_build_after_an_edit_and_then_another_equals_a_cold_build(
    site: Path, tmp_path: Path, name: str
) -> None:
    """``okrsite build`` as people run it, with the parse cache too: one edit,
    a build, a second edit (a title), a build; each equal to a cold build.
    The second build starts from the scores the first one kept: they must be
    of the CSV files the KPIs read as well as of the Markdown files (a KPI
    CSV row changed, then a title, once showed the CSV's old value)."""
    runner = CliRunner()
    args = ["build", "--site", str(site), "--as-of", "2026-11-20"]

    def build() -> None:
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output

    build()
    CASES[name](site)
    build()
    assert_same(site, tmp_path)
    edit("content/objectives/sales/emea-new-logos.md", "title: ", "title: Q4 ")(site)
    build()
    assert_same(site, tmp_path)


def test_history_json_after_the_objectives_is_kept_until_what_it_read_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What api/history.json holds after the objectives (every KPI, every
    check-in's origin, the streaks) reads no objective: after an edit of an
    objective it is kept from the last build, joined again, not written
    again (40,000 check-ins at 10,000 objectives). A new check-in, a KPI's
    value or a new commit writes it again; each build equals a cold one."""
    from okrsite import render_assets as render

    written: list[int] = []
    real = render.history_json_rest

    def counted(*args: Any, **kwargs: Any) -> str:
        written.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(render, "history_json_rest", counted)
    repo = example_in_git(tmp_path)
    site = repo.root
    cached_build(site)
    assert written == [1]
    for change, again in [
        (CASES["leaf key result target (rolls up)"], False),
        (CASES["root title (every breadcrumb below)"], False),
        (CASES["new check-in"], True),
        (CASES["KPI inline value"], True),
        (CASES["check-in author changes"], True),
    ]:
        written.clear()
        change(site)
        cached_build(site)
        assert written == ([1] if again else []), change
        assert_same(site, tmp_path)
    written.clear()
    repo.commit("More check-ins", "bob", "2026-11-10T10:00:00+00:00")
    cached_build(site)
    assert written == [1]  # the history changed: every check-in's origin may have
    assert_same(site, tmp_path)
    data = json.loads((site / "_site" / "api" / "history.json").read_text(encoding="utf-8"))
    assert {c["author"] for c in data["checkins"] if c["commit"]} >= {"Bob Stone"}


def test_a_page_that_joins_kept_pieces_again_keeps_what_they_read(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After an edit, the pieces kept from the last build (each objective's
    tree node, list item, export rows, badge) are joined again, and the page
    that joins them (the alignment tree) stores what each of them read among
    its own reads: so the next edit, of an objective whose piece the page
    only joined, still renders it again. Each build equals a cold one, in
    one process and in forked workers."""
    from okrsite.page_store import read_pages

    def joined_reads_missing() -> int:
        """Reads of the tree nodes the alignment page joined that its own reads lack."""
        state, _ = read_pages(site / ".okrsite-cache")
        assert state is not None
        pages, pieces = state[3], state[8]
        page = set(pages[("alignment", "")][1])
        nodes = [ids for (root, _), (_, ids) in pieces["nodes"].items() if root == "../"]
        assert len(nodes) > 10
        return len(set().union(*nodes) - page)

    cached_build(site)
    assert joined_reads_missing() == 0
    CASES["leaf key result target (rolls up)"](site)
    result = build_site(site, as_of=AS_OF)
    assert result.ok and result.timings["pieces reused"] > 50
    assert joined_reads_missing() == 0
    assert_same(site, tmp_path)
    edit("content/objectives/sales/emea-new-logos.md", "title: ", "title: Q4 ")(site)
    cached_build(site)
    assert joined_reads_missing() == 0
    assert_same(site, tmp_path)
    import okrsite.render_plan as render_plan

    monkeypatch.setattr(render_plan, "PARALLEL_PAGES", 1)
    monkeypatch.setattr(render_plan, "CHUNK", 7)
    for title in ("Q1 ", "Q2 "):  # as a large site renders: forked workers number the reads
        edit("content/objectives/sales/emea-new-logos.md", "title: ", f"title: {title}")(site)
        result = build_site(site, as_of=AS_OF, jobs=2)
        assert result.ok, result.diagnostics
        assert joined_reads_missing() == 0
        assert_same(site, tmp_path)


def example_in_git(tmp_path: Path) -> Any:
    """The example site in a git repository of one commit (the build reads its history)."""
    from gitrepo import Repo

    repo = Repo(tmp_path / "site")
    shutil.copytree(REPO / "content", repo.root / "content")
    shutil.copy(REPO / "okrsite.toml", repo.root / "okrsite.toml")
    repo.write(".gitignore", "_site/\n.okrsite-cache/\n")
    repo.commit("The portfolio", "alice", "2026-11-02T10:00:00+00:00")
    return repo


def test_a_new_commit_renders_only_the_pages_whose_timeline_it_changed(tmp_path: Path) -> None:
    """In CI every build follows a new commit. Each objective and KPI page
    shows its own history timeline, so a commit renders the pages whose
    timeline it changed, not every page with a timeline; a commit that
    changes no content renders no page."""
    repo = example_in_git(tmp_path)
    site = repo.root

    def build() -> BuildResult:
        result = build_site(site, as_of=AS_OF)
        assert result.ok, result.diagnostics
        return result

    build()
    pages = int(build().timings["pages reused"])  # nothing changed: every page
    edit("content/objectives/sales/lukas-dach-pipeline.md", "target: 25", "target: 30")(site)
    assert 0 < build().timings["pages reused"] < pages  # the edit, not yet committed
    repo.commit("Raise the DACH pipeline target", "bob", "2026-11-10T10:00:00+00:00")
    after_commit = build()
    # the same files: only the edited objective's timeline gained an entry
    assert after_commit.timings["pages reused"] == pages - 1
    assert_same(site, tmp_path)
    page = site / "_site" / "objectives" / "sales" / "lukas-dach-pipeline" / "index.html"
    assert "Bob Stone" in page.read_text(encoding="utf-8")

    repo.write("NOTES.md", "Not content.\n")
    repo.commit("Notes", "alice", "2026-11-11T10:00:00+00:00")
    quiet = build()
    assert quiet.timings["pages reused"] == pages
    # api/history.json counts the commits seen; nothing else changed
    assert quiet.stats is not None and quiet.stats.written == 1
    assert_same(site, tmp_path)


def _generation(site: Path) -> str:
    from okrsite.page_store import read_pages

    _, base = read_pages(site / ".okrsite-cache")
    assert base is not None
    return base.generation


def test_edits_are_stored_as_a_delta_until_it_grows_and_every_build_is_right(
    site: Path, tmp_path: Path
) -> None:
    """After an edit the build writes what changed next to the large file, not
    the large file again; the edits add up in the delta, each build equal to
    a cold one, until a change of most entries writes the large file anew."""
    from okrsite.page_store import DELTA_FILE

    folder = site / ".okrsite-cache"
    cached_build(site)
    large = (folder / CACHE_FILE).read_bytes()
    generation = _generation(site)
    assert not (folder / DELTA_FILE).exists()
    for name in ("leaf key result target (rolls up)", "body edit", "new check-in", "tag added"):
        CASES[name](site)
        assert cached_build(site) > 0
        assert (folder / CACHE_FILE).read_bytes() == large, name  # not written again
        assert (folder / DELTA_FILE).stat().st_size < len(large) / 4
        assert_same(site, tmp_path)
    # a new as_of changes every page: the large file is written anew, the delta dropped
    later = date(2026, 11, 21)
    assert cached_build(site, later) == 0
    assert _generation(site) != generation and not (folder / DELTA_FILE).exists()
    assert_same(site, tmp_path, later)
    assert cached_build(site, later) > 0


@pytest.mark.parametrize(
    "damage",
    ["another generation", "garbage", "a class"],
)
def test_a_delta_that_cannot_be_trusted_means_a_full_build(
    site: Path, tmp_path: Path, damage: str
) -> None:
    import pickle

    from okrsite.page_store import DELTA_FILE

    delta = site / ".okrsite-cache" / DELTA_FILE
    cached_build(site)
    CASES["body edit"](site)
    cached_build(site)
    assert delta.is_file()
    header, _, body = delta.read_bytes().partition(b"\n")
    if damage == "another generation":
        _, previous, token, size, changes = pickle.loads(body)
        body = pickle.dumps(("0" * 16, previous, token, size, changes), protocol=5)
    elif damage == "garbage":
        body = body[: len(body) // 2]
    else:  # of the large file's generation, but it would build an object
        body = pickle.dumps((_generation(site), "", "0" * 16, 1, (os.getcwd, ())), protocol=5)
    # sealed, except the garbage: what refuses each is the delta's own check
    data = header + b"\n" + body
    delta.write_bytes(data if damage == "garbage" else sealed(data))
    CASES["leaf key result target (rolls up)"](site)
    assert cached_build(site) == 0  # the large file alone is an older state: a full build
    assert_same(site, tmp_path)


def test_history_json_entries_of_untouched_objectives_are_joined_again_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """api/history.json holds an entry per objective (its changes and where
    each key result's value comes from). After an edit or a new commit, the
    entries of the objectives they did not touch are kept from the last build."""

    from okrsite import render_assets as render

    written: list[str] = []
    real = render.objective_history_json

    def counted(*args: Any, **kwargs: Any) -> str:
        written.append(args[3])
        return real(*args, **kwargs)

    monkeypatch.setattr(render, "objective_history_json", counted)
    repo = example_in_git(tmp_path)
    site = repo.root
    cached_build(site)
    assert len(written) == 22  # every objective's entry
    written.clear()
    leaf = "sales/lukas-dach-pipeline"
    edit(f"content/objectives/{leaf}.md", "target: 25", "target: 30")(site)
    cached_build(site)
    assert leaf in written and 0 < len(written) <= 4, written  # it and those it rolls into
    assert_same(site, tmp_path)
    written.clear()
    repo.commit("Raise the DACH pipeline target", "bob", "2026-11-10T10:00:00+00:00")
    cached_build(site)
    assert written == [leaf]  # the commit changed its history only
    assert_same(site, tmp_path)
    data = json.loads((site / "_site" / "api" / "history.json").read_text(encoding="utf-8"))
    change = data["objectives"][leaf]["key_results"]["dach-opps"]["changes"][-1]
    assert (change["author"], change["old"], change["new"]) == ("Bob Stone", 25, 30)
