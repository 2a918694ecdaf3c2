"""okrsite build: atomic output, unchanged files kept, refusals, summary line."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrsite.cli import cli
from okrsite.writer import MARKER, OutputError, StagedOutput, SyncWriter, safe_relative

GOOD = {
    "okrsite.toml": 'title = "Test goals"\n',
    "content/objectives/grow.md": """
        ---
        title: Grow revenue
        cycle: 2026-Q1
        owner: alice
        key_results:
          - {id: arr, title: Reach 2M ARR, start: 1, target: 2, current: 1.5}
          - {id: logos, title: Win 10 logos, start: 0, target: 10, current: 4}
        ---
        Why it matters.
        """,
    "content/checkins/grow-1.md": """
        ---
        objective: grow
        date: 2026-02-10
        values: {arr: 1.6}
        ---
        """,
}


def build(site: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--as-of", "2026-02-15", *args])
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.output


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_build_writes_site_and_summary(make_site) -> None:
    site = make_site(GOOD)
    code, out = build(site)
    assert code == 0, out
    assert (site / "_site" / "index.html").is_file()
    assert (site / "_site" / "objectives" / "grow" / "index.html").is_file()
    assert (site / "_site" / "api" / "portfolio.json").is_file()
    assert (site / "_site" / MARKER).is_file()
    assert "okrsite: built" in out and "0 errors, 0 warnings" in out and " s" in out


def test_failed_build_leaves_previous_output_untouched(make_site) -> None:
    site = make_site(GOOD)
    assert build(site)[0] == 0
    before = snapshot(site / "_site")
    broken = site / "content" / "objectives" / "grow.md"
    broken.write_text(broken.read_text().replace("target: 2,", "target: two,"))
    (site / "content" / "objectives" / "other.md").write_text("---\ntitle: [unclosed\n---\n")
    code, out = build(site)
    assert code == 1
    assert "content/objectives/grow.md:6:" in out and "OKR102" in out
    assert "content/objectives/other.md:2:" in out and "OKR003" in out
    assert "previous output was left untouched" in out
    assert snapshot(site / "_site") == before
    leftovers = [
        p.name for p in site.iterdir() if "okrsite-tmp" in p.name or "okrsite-old" in p.name
    ]
    assert leftovers == []


def test_unchanged_files_keep_their_mtime(make_site) -> None:
    site = make_site(GOOD)
    assert build(site)[0] == 0
    before = snapshot(site / "_site")
    time.sleep(0.02)
    page = site / "content" / "objectives" / "grow.md"
    page.write_text(page.read_text().replace("Why it matters.", "Why it matters a lot."))
    assert build(site)[0] == 0
    after = snapshot(site / "_site")
    changed = {k for k in after if k in before and after[k] != before[k]}
    assert "objectives/grow/index.html" in changed
    kept = [k for k in after if k in before and after[k] == before[k]]
    assert "static/style.css" in kept or any(k.startswith("static/") for k in kept)
    assert len(kept) > len(changed)


def test_clean_rewrites_everything(make_site) -> None:
    site = make_site(GOOD)
    assert build(site)[0] == 0
    before = snapshot(site / "_site")
    time.sleep(0.02)
    assert build(site, "--clean")[0] == 0
    after = snapshot(site / "_site")
    assert all(after[k][1] != before[k][1] for k in after if k in before)


@pytest.mark.parametrize("out", ["content", "content/x", ".", ".."])
def test_refuses_output_overlapping_sources(make_site, out: str) -> None:
    site = make_site(GOOD)
    code, output = build(site, "--out", str(site / out))
    assert code == 1
    assert "output folder" in output
    assert (site / "content" / "objectives" / "grow.md").is_file()


def test_refuses_foreign_non_empty_folder(make_site, tmp_path: Path) -> None:
    site = make_site(GOOD)
    foreign = tmp_path / "documents"
    foreign.mkdir()
    (foreign / "thesis.txt").write_text("precious")
    code, output = build(site, "--out", str(foreign))
    assert code == 1 and "not made by okrsite" in output
    assert (foreign / "thesis.txt").read_text() == "precious"


def test_output_may_be_outside_site(make_site, tmp_path: Path) -> None:
    site = make_site(GOOD)
    code, _ = build(site, "--out", str(tmp_path / "public"))
    assert code == 0 and (tmp_path / "public" / "index.html").is_file()


def test_strict_fails_on_warnings(make_site) -> None:
    files = dict(GOOD)
    files["content/objectives/grow.md"] = files["content/objectives/grow.md"].replace(
        "        owner: alice\n", ""
    )
    site = make_site(files)
    assert build(site)[0] == 0
    code, out = build(site, "--strict")
    assert code == 1 and "OKR403" in out


def test_broken_template_override_is_a_located_error(make_site) -> None:
    files = dict(GOOD)
    files["templates/base.html"] = "{% block content %}{% endblock %\n"
    site = make_site(files)
    code, out = build(site)
    assert code == 1
    assert "THM00" in out and "templates/base.html" in out


@pytest.mark.parametrize("rel", ["../x.html", "/etc/passwd", "a/../../b", "a\\..\\b", "", "a//b"])
def test_writer_refuses_paths_outside_output(rel: str) -> None:
    with pytest.raises(OutputError):
        safe_relative(rel)


def test_staged_output_never_writes_outside(tmp_path: Path) -> None:
    out = tmp_path / "out"
    staged = StagedOutput(out)
    with pytest.raises(OutputError):
        staged.write({"ok.html": b"x", "../escape.html": b"y"})
    staged.abort()
    assert not (tmp_path / "escape.html").exists()
    assert not out.exists()


def test_sync_writer_writes_only_changes(tmp_path: Path) -> None:
    out = tmp_path / "serve"
    out.mkdir()
    sync = SyncWriter(out)
    assert sorted(sync.sync({"a.html": b"1", "b/c.html": b"2"})) == ["a.html", "b/c.html"]
    mtime = (out / "a.html").stat().st_mtime_ns
    time.sleep(0.02)
    assert sync.sync({"a.html": b"1", "b/c.html": b"3"}) == ["b/c.html"]
    assert (out / "a.html").stat().st_mtime_ns == mtime
    assert sync.sync({"b/c.html": b"3"}) == ["a.html"]
    assert not (out / "a.html").exists()
    assert not [p for p in out.rglob("*") if "okrsite-tmp" in p.name]
    assert os.listdir(out / "b") == ["c.html"]


def test_parallel_build_equals_sequential(tmp_path: Path) -> None:
    """The forked render/write path gives the same bytes as one process."""
    import subprocess
    import sys

    from conftest import REPO

    site = tmp_path / "gen"
    subprocess.run(
        [sys.executable, str(REPO / "benchmarks/generate.py"), str(site), "--objectives", "300"],
        check=True,
        capture_output=True,
    )
    outs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        code, output = build(site, "--out", str(out), "--jobs", jobs)
        assert code == 0, output
        outs[jobs] = {k: v[0] for k, v in snapshot(out).items()}
    assert len(outs["1"]) > 700  # large enough for the parallel path (400 pages)
    assert outs["1"] == outs["2"]


def test_undefined_variable_in_template_is_located(make_site) -> None:
    files = dict(GOOD)
    files["templates/page.html"] = (
        '{% extends "default:base.html" %}\n{% block main %}\n<p>{{ no_such_thing.x }}</p>\n'
        "{% endblock %}\n"
    )
    files["content/pages/about.md"] = "---\ntitle: About\n---\nHello.\n"
    site = make_site(files)
    code, out = build(site)
    assert code == 1
    assert "templates/page.html:3: error THM002" in out and "'no_such_thing' is undefined" in out


def test_key_results_csv_defuses_formulas(make_site) -> None:
    files = dict(GOOD)
    files["content/objectives/grow.md"] = files["content/objectives/grow.md"].replace(
        "title: Reach 2M ARR", "title: '=HYPERLINK(1)'"
    )
    site = make_site(files)
    assert build(site)[0] == 0
    text = (site / "_site" / "api" / "key-results.csv").read_text()
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text


def test_the_collector_stays_paused_from_the_view_model_to_the_saved_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build makes millions of objects and no reference cycles worth a pass:
    the cyclic collector is off from building the view model until the page
    cache and kept pieces are saved (a full pass landed in that bookkeeping
    and cost 1.4 s at 10,000 objectives), and on again afterwards."""
    import gc

    from conftest import copy_example

    import okrsite.build as build_module
    from okrsite.build import build_site

    seen: list[tuple[str, bool]] = []
    renderer, commit = build_module.SiteRenderer, build_module._render_and_commit

    def watched_renderer(*args: object, **kwargs: object) -> object:
        seen.append(("view model", gc.isenabled()))
        return renderer(*args, **kwargs)  # type: ignore[arg-type]

    def watched_commit(*args: object, **kwargs: object) -> object:
        seen.append(("render and save", gc.isenabled()))
        stats = commit(*args, **kwargs)  # type: ignore[arg-type]
        seen.append(("saved", gc.isenabled()))
        return stats

    monkeypatch.setattr(build_module, "SiteRenderer", watched_renderer)
    monkeypatch.setattr(build_module, "_render_and_commit", watched_commit)
    site = copy_example(tmp_path / "site")
    assert gc.isenabled()
    result = build_site(site, out_dir=tmp_path / "out")
    assert result.ok and (tmp_path / "out" / "index.html").is_file()
    assert seen == [("view model", False), ("render and save", False), ("saved", False)]
    assert gc.isenabled()
