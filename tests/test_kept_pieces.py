"""Pieces kept in the cache folder between builds (okrsite.kept_pieces).

History timelines: a CI job restores the cache folder but starts from an
empty output folder, so every page is rendered again; the timelines the new
commits did not change come from the cache. Each of those tests builds the
example site in a real git repository, as CI would, and holds the output
byte-equal to a build that keeps nothing.

Bodies' HTML: a build after one edit converts no body it converted before
(so it need not import markdown-it), and still writes what a build that
keeps nothing writes.
"""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest
import reference_builds
from conftest import REPO, copy_example
from gitrepo import Repo
from reference_builds import digests_of
from test_incremental import edit
from test_page_cache import AS_OF, files_of

from okrsite.build import BuildResult, build_site
from okrsite.cache_checksum import sealed
from okrsite.kept_pieces import FOLDER, MARKDOWN_FOLDER, KeptPieces


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    repo = Repo(tmp_path / "site")
    copy_example(repo.root)
    repo.write(".gitignore", "_site/\n.okrsite-cache/\n")
    repo.commit("The portfolio", "alice", "2026-11-02T10:00:00+00:00")
    edit("content/objectives/sales/lukas-dach-pipeline.md", "target: 25", "target: 30")(repo.root)
    repo.commit("Raise the DACH pipeline target (#7)", "bob", "2026-11-10T10:00:00+00:00")
    return repo


def fresh_build(site: Path, out: Path, jobs: int = 1) -> BuildResult:
    """A build into an empty output folder, with the cache folder of earlier builds."""
    shutil.rmtree(out, ignore_errors=True)
    result = build_site(site, out_dir=out, as_of=AS_OF, jobs=jobs)
    assert result.ok, result.diagnostics
    return result


@pytest.fixture(autouse=True)
def _reference_builds(cache_tests_reference_folder: Path) -> None:
    reference_builds.FOLDER = cache_tests_reference_folder


def cold(site: Path, out: Path) -> dict[str, bytes]:
    """The files (their digests) of a build that keeps and reads nothing
    (``--no-cache``), built once a session for the same inputs
    (tests/reference_builds.py)."""

    def build(out: Path) -> None:
        result = build_site(site, out_dir=out, as_of=AS_OF, history_cache=False)
        assert result.ok, result.diagnostics

    return reference_builds.cold_digests(site, AS_OF, out, build)


def timelines(site: Path) -> int:
    pages = site / "content"
    return len(list((pages / "objectives").rglob("*.md"))) + len(
        list((pages / "kpis").glob("*.md"))
    )


def test_timelines_come_from_the_cache_after_a_commit(repo: Repo, tmp_path: Path) -> None:
    site, out = repo.root, tmp_path / "out"
    first = fresh_build(site, out)
    assert first.timings["timelines reused"] == 0
    assert digests_of(out) == cold(site, tmp_path / "cold")
    stores = list((site / ".okrsite-cache" / FOLDER).glob("*.pickle"))
    assert len(stores) == 1

    again = fresh_build(site, out)
    every = again.timings["timelines reused"]
    assert every >= timelines(site) - 1  # a goal's page, and objectives listed twice
    assert digests_of(out) == cold(site, tmp_path / "cold")

    edit("content/objectives/sales/lukas-dach-pipeline.md", "target: 30", "target: 28")(site)
    repo.commit("Ease the DACH pipeline target", "carol", "2026-11-12T10:00:00+00:00")
    after = fresh_build(site, out)
    assert after.timings["timelines reused"] == every - 1  # only the edited goal's changed
    built = files_of(out)
    assert digests_of(out) == cold(site, tmp_path / "cold")
    page = built["objectives/sales/lukas-dach-pipeline/index.html"].decode()
    assert "Carol Diaz" in page and "less ambitious" in page


def test_forked_workers_hand_their_timelines_to_the_build(
    repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large site renders in forked workers: each hands what it rendered over
    in a file of its own, which the build merges into the store (timelines
    and bodies alike)."""
    import okrsite.render_plan as render_plan

    monkeypatch.setattr(render_plan, "PARALLEL_PAGES", 1)
    monkeypatch.setattr(render_plan, "CHUNK", 5)
    site, out = repo.root, tmp_path / "out"
    fresh_build(site, out, jobs=2)
    for name in (FOLDER, MARKDOWN_FOLDER):
        folder = site / ".okrsite-cache" / name
        assert [p.suffix for p in folder.iterdir()] == [".pickle"]  # the parts are merged
    bodies = len(_bodies_store(site))
    again = fresh_build(site, out, jobs=2)
    # each page's timeline counted once: the build's own process keeps what it
    # renders in memory, and a worker hands over only what it rendered itself
    assert timelines(site) >= again.timings["timelines reused"] >= timelines(site) - 1
    assert again.timings["bodies reused"] >= bodies > 20
    assert not list((site / ".okrsite-cache" / FOLDER).glob("*.part"))
    assert digests_of(out) == cold(site, tmp_path / "cold")


def test_a_changed_template_or_a_broken_store_renders_them_again(
    repo: Repo, tmp_path: Path
) -> None:
    site, out = repo.root, tmp_path / "out"
    fresh_build(site, out)
    folder = site / ".okrsite-cache" / FOLDER
    (store,) = folder.glob("*.pickle")

    # the site overrides the timeline partial: nothing kept is used
    partial = site / "templates" / "partials" / "history_timeline.html"
    partial.parent.mkdir(parents=True)
    theme = REPO / "themes" / "default" / "templates" / "partials" / "history_timeline.html"
    partial.write_text(theme.read_text(encoding="utf-8").replace("<h3>", "<h3 class=mine>"))
    changed = fresh_build(site, out)
    assert changed.timings["timelines reused"] == 0
    assert (
        "<h3 class=mine>"
        in (out / "objectives" / "sales" / "lukas-dach-pipeline" / "index.html").read_text()
    )
    assert not store.exists()  # the earlier theme's store is gone
    assert digests_of(out) == cold(site, tmp_path / "cold")

    # a store edited by hand (or by anything else) counts as none
    (store,) = folder.glob("*.pickle")
    data = pickle.loads(store.read_bytes())
    key = next(iter(data[2]))
    data[2][key] = (data[2][key][0], 12)  # not text
    # sealed with a checksum that holds, so the store's own checks are what refuse it
    store.write_bytes(sealed(pickle.dumps(data)))
    assert fresh_build(site, out).timings["timelines reused"] == 0
    assert digests_of(out) == cold(site, tmp_path / "cold")
    store.write_bytes(b"\x80\x05 not a pickle")
    assert fresh_build(site, out).timings["timelines reused"] == 0
    assert digests_of(out) == cold(site, tmp_path / "cold")
    # a pickle that would build an object is refused, not run
    store.write_bytes(sealed(pickle.dumps((2, 1, {b"k": (1, Path("x"))}))))
    assert fresh_build(site, out).timings["timelines reused"] == 0


def test_the_store_keeps_what_recent_builds_used(
    repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each commit that changes a goal's timeline adds its new timeline; the one
    it replaced stays until the store holds SPARE times what a build uses, and
    the least recently used go first."""
    import okrsite.kept_pieces as kept_pieces

    site, out = repo.root, tmp_path / "out"
    fresh_build(site, out)
    folder = site / ".okrsite-cache" / FOLDER

    def commit_and_build(n: int) -> int:
        value = 31 + n
        before = f"target: {value - 1}"
        edit("content/objectives/sales/lukas-dach-pipeline.md", before, f"target: {value}")(site)
        repo.commit(f"Move the target ({n})", "dave", f"2026-11-1{n + 2}T10:00:00+00:00")
        fresh_build(site, out)
        (store,) = folder.glob("*.pickle")
        # the store with its chain of links applied, as a build reads it
        kept = KeptPieces(site / ".okrsite-cache", bytes.fromhex(store.stem))
        generation, pieces = kept.generation, kept.stored
        used = [k for k, (g, _) in pieces.items() if g == generation]
        return len(pieces) - len(used)  # entries no page of this build used

    assert [commit_and_build(n) for n in range(3)] == [1, 2, 3]
    monkeypatch.setattr(kept_pieces, "SPARE", 1)
    assert commit_and_build(3) == 0
    assert digests_of(out) == cold(site, tmp_path / "cold")


RETENTION = "content/objectives/customer-success/retention.md"


def _bodies_store(site: Path) -> dict[bytes, tuple[int, str]]:
    (store,) = (site / ".okrsite-cache" / MARKDOWN_FOLDER).glob("*.pickle")
    # the store with its chain of links applied, as a build reads it
    cache = site / ".okrsite-cache"
    return KeptPieces(cache, bytes.fromhex(store.stem), MARKDOWN_FOLDER).stored


def test_bodies_come_from_the_cache_after_an_edit(tmp_path: Path) -> None:
    """Editing a key result renders its objective's page again with the body's
    HTML from the cache; editing the body converts the new text. Each build
    writes what a build that keeps nothing writes."""
    site, out = copy_example(tmp_path / "site"), tmp_path / "out"
    first = build_site(site, out_dir=out, as_of=AS_OF)
    assert first.ok and first.timings["bodies reused"] == 0
    stored = len(_bodies_store(site))
    assert stored > 20  # goals, KPIs, teams, people and pages with a body

    edit(RETENTION, "target: 100", "target: 90")(site)
    after = build_site(site, out_dir=out, as_of=AS_OF)
    assert after.ok and after.timings["bodies reused"] >= 1
    assert digests_of(out) == cold(site, tmp_path / "cold")

    edit(RETENTION, "cancellation notice.", "cancellation notice, **too late**.")(site)
    changed = build_site(site, out_dir=out, as_of=AS_OF)
    assert changed.ok
    page = (out / "objectives/customer-success/retention/index.html").read_text()
    assert "cancellation notice, <strong>too late</strong>." in page
    assert digests_of(out) == cold(site, tmp_path / "cold")
    # a build of a few pages keeps the bodies of the others for the next
    # build of every page (a CI job's, say)
    assert len(_bodies_store(site)) == stored + 1


def test_a_build_after_one_edit_does_not_import_markdown_it(tmp_path: Path) -> None:
    """The example site's one-edit build, as a process: its only non-plain Markdown
    is the edited objective's body, which comes from the cache. Nor does it
    import the process pool (``concurrent.futures``, with ``logging``): a
    small site is built in one process."""
    import subprocess
    import sys

    site, out = copy_example(tmp_path / "site"), tmp_path / "out"
    assert build_site(site, out_dir=out, as_of=AS_OF).ok
    edit(RETENTION, "target: 100", "target: 90")(site)
    # looked at from an atexit hook: ``okrsite build`` ends with os._exit
    # (okrsite.lifecycle.exit_now), so nothing after main() would run
    code = (
        "import atexit, sys\n"
        "from okrsite.cli import main\n"
        "atexit.register(lambda: sys.stderr.write('markdown-it imported: %s\\n'\n"
        "                % ('markdown_it' in sys.modules)))\n"
        "atexit.register(lambda: sys.stderr.write('pool imported: %s\\n'\n"
        "                % ('concurrent.futures' in sys.modules)))\n"
        f"sys.argv = ['okrsite', 'build', '--as-of', '{AS_OF.isoformat()}', '--out', {str(out)!r}]\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=site, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "markdown-it imported: False" in done.stderr, done.stderr
    assert "pool imported: False" in done.stderr, done.stderr
    assert "written" in done.stderr and " 0 written" not in done.stderr
    assert digests_of(out) == cold(site, tmp_path / "cold")
