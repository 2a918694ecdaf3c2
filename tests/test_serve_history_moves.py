"""The preview after HEAD moves: only the pages whose timeline changed are
rendered again, and the preview still equals a fresh build.

A commit, an amend, a ``.mailmap``, a person renamed or deleted, a
backdated check-in, a reset and a checkout each move HEAD while ``okrsite
serve`` runs. The preview used to render every page after any of them; now
an objective or KPI page is rendered again when its own timeline changed
(okrsite.preview_timelines). After each move every file of the preview's
folder must equal, byte for byte, ``okrsite build --no-cache`` of the same
files and commits: a timeline the plan missed shows as a stale page.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli
from gitrepo import example_repo
from test_serve_audit43 import files_of

from okrsite.preview import Preview

AS_OF = date(2026, 11, 20)
LEAF = "content/objectives/sales/lukas-dach-pipeline.md"
PAGE = "objectives/sales/lukas-dach-pipeline/index.html"


def assert_preview_equals_build(preview: Preview, site: Path, out: Path) -> None:
    code, output = run_cli(
        "build", "--site", str(site), "--out", str(out), "--as-of", str(AS_OF), "--no-cache"
    )
    assert code == 0, output
    expected, got = files_of(out), files_of(preview.out)
    assert sorted(got) == sorted(expected)
    assert [k for k in expected if got[k] != expected[k]] == [], "stale in the preview"


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Any:
    repo = example_repo(tmp_path / "site")
    replace_in(repo.root / LEAF, "target: 25", "target: 30")
    repo.commit("Target 30", "bob", "2026-11-05T10:00:00+00:00")
    return repo


def test_each_move_of_head_renders_the_pages_it_changed_and_equals_a_build(
    repo: Any, tmp_path: Path
) -> None:
    site = repo.root
    leaf = site / LEAF
    preview = Preview(site, port=0, as_of=AS_OF, echo=lambda _m: None)
    outs = iter(range(100))

    def rebuilt(compare: bool = True) -> Any:
        report = preview.rebuild()
        assert report.ok, report.diagnostics
        if compare:
            assert_preview_equals_build(preview, site, tmp_path / f"build{next(outs)}")
        return report

    try:
        everything = rebuilt().pages
        first = preview.history
        replace_in(leaf, "target: 30", "target: 33")
        rebuilt(compare=False)  # an edit: the preview's own tests compare those
        assert preview.history is first  # HEAD did not move
        # the edit committed: only the pages whose timeline it changed
        repo.commit("Target 33", "bob", "2026-11-10T10:00:00+00:00")
        moved = rebuilt()
        assert preview.history is not first
        assert moved.pages < everything // 4, (moved.pages, everything)
        page = (preview.out / PAGE).read_text(encoding="utf-8")
        assert "30 opportunities → 33" in page
        # amended with a pull request's number: a new commit for the same files
        repo.git(
            "commit",
            "--amend",
            "-q",
            "-m",
            "Target 33 (#12)",
            who="bob",
            when="2026-11-10T10:00:00+00:00",
        )
        rebuilt()
        assert "#12" in (preview.out / PAGE).read_text(encoding="utf-8")
        # the author's name mapped: every timeline naming Bob changes
        repo.write(".mailmap", "Robert Stone <bob@example.com>\n")
        repo.commit("Map Bob", "carol", "2026-11-11T10:00:00+00:00")
        rebuilt()
        assert "Robert Stone" in (preview.out / PAGE).read_text(encoding="utf-8")
        # the owner renamed in a commit, then deleted and the goal handed over
        replace_in(site / "content/people/lukas-brandt.md", "Lukas Brandt", "Lukas Brand")
        repo.commit("Lukas's name", "carol", "2026-11-12T10:00:00+00:00")
        rebuilt()
        (site / "content/people/lukas-brandt.md").unlink()
        replace_in(leaf, "owner: lukas-brandt", "owner: marco-rossi")
        for checkin in (site / "content/checkins").glob("*lukas-dach-pipeline.md"):
            replace_in(checkin, "author: lukas-brandt", "author: marco-rossi")
        repo.commit("Lukas left", "alice", "2026-11-13T10:00:00+00:00")
        rebuilt()
        assert "Lukas Brand" in (preview.out / PAGE).read_text(encoding="utf-8")
        # a check-in committed long after its date: backdated
        repo.write(
            "content/checkins/2026-11-01-sales-lukas-dach-pipeline.md",
            "---\nobjective: sales/lukas-dach-pipeline\ndate: 2026-11-01\n"
            "author: marco-rossi\nconfidence: 6\nvalues: {dach-opps: 9}\n---\nLate.\n",
        )
        repo.commit("A late check-in", "dave", "2026-11-18T10:00:00+00:00")
        rebuilt()
        # back in time, and onto a branch of its own
        repo.git("reset", "-q", "--hard", "HEAD~3")
        rebuilt()
        repo.git("checkout", "-q", "-b", "other", "HEAD~1")
        replace_in(leaf, "target: 33", "target: 20")
        repo.commit("Target 20", "eve", "2026-11-19T10:00:00+00:00")
        rebuilt()
        assert "less ambitious" in (preview.out / PAGE).read_text(encoding="utf-8")
    finally:
        preview.stop()
