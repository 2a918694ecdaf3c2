"""The preview's incremental rebuild gives exactly what a full render gives.

Each case edits a copy of the example site the way a person would, lets the
preview rebuild incrementally, and compares every file of its private folder
with a cold build of the same files: the same files as a full render, which
the cache tests build as their reference too (test_page_cache.py), so each is
built once a test session for the same inputs and its files' digests kept
(tests/reference_builds.py).
"""

from __future__ import annotations

import os
import urllib.request
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import reference_builds
from conftest import copy_example

from okrsite.build import build_site
from okrsite.export import portfolio_json
from okrsite.pipeline import load_site
from okrsite.preview import Preview
from okrsite.render import SiteRenderer
from okrsite.scoring import ScoreMemo
from okrsite.urls import page_file

AS_OF = date(2026, 11, 20)


def edit(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(site: Path) -> None:
        path = site / rel
        text = path.read_text()
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1))

    return apply


def write(rel: str, text: str) -> Callable[[Path], None]:
    def apply(site: Path) -> None:
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text)

    return apply


def delete(rel: str) -> Callable[[Path], None]:
    def apply(site: Path) -> None:
        (site / rel).unlink()

    return apply


def delete_objective(oid: str) -> Callable[[Path], None]:
    """Delete an objective and its check-ins (which would otherwise be errors)."""

    def apply(site: Path) -> None:
        (site / f"content/objectives/{oid}.md").unlink()
        for c in (site / "content/checkins").glob("*.md"):
            if f"objective: {oid}\n" in c.read_text():
                c.unlink()

    return apply


CASES: dict[str, Callable[[Path], None]] = {
    "root title (every breadcrumb below)": edit(
        "content/objectives/company/grow-arr.md", "title: ", "title: Renamed — "
    ),
    "leaf key result target (rolls up)": edit(
        "content/objectives/sales/lukas-dach-pipeline.md", "target: 25", "target: 50"
    ),
    "key result dropped": edit(
        "content/objectives/sales/lukas-dach-pipeline.md",
        "    unit: demos\n",
        "    unit: demos\n    status: dropped\n",
    ),
    "owner moves to another person": edit(
        "content/objectives/sales/lukas-dach-pipeline.md", "owner: lukas-brandt", "owner: maya-chen"
    ),
    "supports changes": edit(
        "content/objectives/sales/lukas-dach-pipeline.md",
        "supports: [sales/q4-bookings]",
        "supports: [company/trusted-platform]",
    ),
    "body edit": edit(
        "content/objectives/sales/lukas-dach-pipeline.md", "Personal objective.", "My objective."
    ),
    "new check-in": write(
        "content/checkins/zz-new.md",
        "---\nobjective: sales/lukas-dach-pipeline\ndate: 2026-11-19\nauthor: lukas-brandt\n"
        "confidence: 9\nvalues: {dach-opps: 24}\n---\nAlmost there.\n",
    ),
    "KPI inline value": edit("content/kpis/nps.md", "2026-10-01: 31", "2026-10-01: 44"),
    "KPI CSV row": edit("content/data/copilot-weekly-active.csv", "2026-07-13,5", "2026-07-13,50"),
    "SMART goal measure": edit("content/goals/kb-deflection.md", "current: 13", "current: 19"),
    "deleted check-in": delete("content/checkins/2026-11-17-sales-lukas-dach-pipeline.md"),
    "KPI check-in": write(
        "content/checkins/zz-nps.md",
        "---\nkpi: nps\ndate: 2026-11-18\nauthor: grace-mwangi\nvalue: 47\n---\nSurvey closed.\n",
    ),
    # the KPI's figures unchanged: its page shows the note (#checkin-<id>)
    "KPI check-in note": edit(
        "content/checkins/2026-10-20-nps.md", "412 responses", "415 responses"
    ),
    "objective dropped": edit(
        "content/objectives/sales/lukas-dach-pipeline.md",
        "cycle: 2026-Q4",
        "cycle: 2026-Q4\nstatus: dropped",
    ),
    "tag added": edit(
        "content/objectives/sales/lukas-dach-pipeline.md",
        "tags: [emea, pipeline]",
        "tags: [emea, pipeline, growth]",
    ),
    "objective moves to another parent": edit(
        "content/objectives/sales/lukas-dach-pipeline.md",
        "parent: sales/emea-new-logos",
        "parent: sales/na-new-logos",
    ),
    "objective aligned to a key result": edit(
        "content/objectives/sales/lukas-dach-pipeline.md",
        "parent: sales/emea-new-logos",
        "parent: sales/q4-bookings#new-logos",
    ),
    "check-in value of a leaf": edit(
        "content/checkins/2026-11-17-sales-lukas-dach-pipeline.md", "dach-opps: 17", "dach-opps: 19"
    ),
    "goal supports another objective": edit(
        "content/goals/kb-deflection.md",
        "supports: customer-success/support-resolution",
        "supports: company/grow-arr",
    ),
    "team renamed": edit("content/teams/sales-emea.md", "title: ", "title: Team "),
    "team moves under another team": edit(
        "content/teams/onboarding.md", "parent: customer-success", "parent: leadership"
    ),
    "person moves to another team": edit(
        "content/people/lukas-brandt.md", "team: sales-emea", "team: sales-na"
    ),
    "new team file": write(
        "content/teams/field-sales.md",
        "---\ntitle: Field sales\nparent: sales\n---\nOn the road.\n",
    ),
    "KPI drives another KPI": edit(
        "content/kpis/nps.md", "drives: [gross-churn]", "drives: [gross-churn, arr]"
    ),
    "KPI target": edit("content/kpis/nps.md", "target: 45", "target: 50"),
    "check-in author changes": edit(
        "content/checkins/2026-11-17-sales-lukas-dach-pipeline.md",
        "author: lukas-brandt",
        "author: maya-chen",
    ),
    "tag removed": edit(
        "content/objectives/sales/lukas-dach-pipeline.md", "tags: [emea, pipeline]", "tags: [emea]"
    ),
    "free page retitled (structural)": edit(
        "content/pages/about-northwind.md", "title: About", "title: All about"
    ),
    "deleted objective (structural)": delete_objective("sales/lukas-dach-pipeline"),
    "person renamed (structural)": edit("content/people/lukas-brandt.md", "title: ", "title: Dr. "),
    "new objective (structural)": write(
        "content/objectives/sales/new-one.md",
        "---\ntitle: A new objective\ncycle: 2026-Q4\nowner: lukas-brandt\nparent: sales/q4-bookings\n"
        "key_results:\n  - {id: a, title: A, start: 0, target: 10, current: 5}\n"
        "  - {id: b, title: B, start: 0, target: 10}\n---\n",
    ),
}


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "site")


@pytest.fixture(autouse=True)
def _reference_builds(cache_tests_reference_folder: Path) -> None:
    reference_builds.FOLDER = cache_tests_reference_folder


def full_render(site: Path, tmp: Path) -> dict[str, bytes]:
    """The files (their digests) of a cold build of ``site``: every page and
    file rendered afresh, as the preview must have them after its incremental
    rebuild; built once a session for the same inputs, with the cache tests'
    reference builds (test_page_cache.py's ``cold_build``)."""

    def build(out: Path) -> None:
        result = build_site(site, out_dir=out, as_of=AS_OF, history_cache=False)
        assert result.ok, result.diagnostics

    return reference_builds.cold_digests(site, AS_OF, tmp / "cold", build)


@pytest.mark.parametrize("name", list(CASES))
def test_incremental_equals_full_render(site: Path, tmp_path: Path, name: str) -> None:
    """Each edit, told by the watcher, renders fewer pages than the first
    rebuild (all of them for a structural one) and leaves the files of a full
    render; a small edit (the body of an objective) renders fewer than half
    and parses one file again."""
    preview = Preview(site, port=0, as_of=AS_OF, echo=lambda _m: None)
    try:
        first = preview.rebuild()
        assert first.ok
        CASES[name](site)
        edited = max(
            (p for p in (site / "content").rglob("*") if p.is_file()),
            key=lambda p: p.stat().st_mtime_ns,
        )
        if name == "deleted check-in":
            edited = site / "content/checkins/2026-11-17-sales-lukas-dach-pipeline.md"
        elif name == "deleted objective (structural)":
            edited = site / "content/objectives/sales/lukas-dach-pipeline.md"
        preview.on_change({edited})
        structural = name.endswith("(structural)")
        assert preview.last is not None
        assert preview.last.pages < first.pages or structural, "expected an incremental render"
        if name == "body edit":  # a small edit: few pages, one file parsed again
            assert preview.last.pages < first.pages / 2
            assert preview.last.parsed_again == 1
        report = preview.last
        assert report is not None and report.ok, report
        expected = full_render(site, tmp_path)
        got = reference_builds.digests_of(preview.out)
        assert sorted(got) == sorted(expected)
        differing = [k for k in expected if got[k] != expected[k]]
        assert differing == [], f"{name}: stale pages {differing[:10]}"
    finally:
        preview.stop()


@pytest.mark.parametrize("name", list(CASES))
def test_rescoring_from_memo_equals_fresh_scoring(site: Path, name: str) -> None:
    """Scores carried over by the memo are exactly what a fresh scoring gives."""
    memo = ScoreMemo()
    before = load_site(site, AS_OF, scores=memo)
    assert before.ok and memo.rescored is None  # the first run scores everything
    CASES[name](site)
    again = load_site(site, AS_OF, scores=memo)
    fresh = load_site(site, AS_OF)
    assert again.scored == fresh.scored
    assert portfolio_json(again.scored) == portfolio_json(fresh.scored)
    if name in ("body edit", "check-in value of a leaf", "new check-in"):
        # a leaf's change rescores the leaf and the objectives above it, no more
        assert memo.rescored == {
            "sales/lukas-dach-pipeline",
            "sales/emea-new-logos",
            "sales/q4-bookings",
            "company/grow-arr",
        }


def test_rescoring_from_memo_after_as_of_or_cycle_change_is_full(site: Path) -> None:
    memo = ScoreMemo()
    load_site(site, AS_OF, scores=memo)
    later = load_site(site, date(2026, 11, 27), scores=memo)
    assert memo.rescored is None and later.scored == load_site(site, date(2026, 11, 27)).scored
    config = site / "okrsite.toml"
    config.write_text(
        config.read_text() + "\n[cycles.2026-Q4]\nstart = 2026-10-01\nend = 2026-12-15\n"
    )
    again = load_site(site, date(2026, 11, 27), scores=memo)
    assert again.ok, again.diagnostics
    assert memo.rescored is None
    assert again.scored == load_site(site, date(2026, 11, 27)).scored


def test_watcher_hint_handles_deletion_and_same_size_rewrite(site: Path) -> None:
    preview = Preview(site, port=0, as_of=AS_OF, echo=lambda _m: None)
    try:
        preview.rebuild()
        page = preview.out / "objectives/sales/lukas-dach-pipeline/index.html"
        src = site / "content/objectives/sales/lukas-dach-pipeline.md"
        text = src.read_text()
        # same size, written twice in quick succession: the second must be seen
        src.write_text(text.replace("title: Build", "title: Bxild"))
        preview.on_change({src})
        first = src.stat().st_mtime_ns
        src.write_text(text.replace("title: Build", "title: Byild"))
        os.utime(src, ns=(first, first))  # a coarse file-system clock: same size, same mtime
        preview.rebuild()  # no watcher hint: size and mtime may match; must still re-read
        assert "Byild a DACH" in page.read_text()
        assert preview.last is not None and preview.last.parsed_again == 1
        # deleting the file (and its check-ins) removes the page and its folder
        for ci in (site / "content/checkins").glob("*lukas-dach-pipeline*"):
            ci.unlink()
        src.unlink()
        preview.on_change({src})
        assert preview.last is not None and preview.last.ok, preview.last
        assert not page.exists() and not page.parent.exists()
    finally:
        preview.stop()


def test_unexpected_failure_is_shown_not_raised(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    preview = Preview(site, port=0, as_of=AS_OF, echo=lambda _m: None)
    try:
        assert preview.rebuild().ok
        before = files_of(preview.out)

        def boom(*_a: object, **_k: object) -> None:
            raise RuntimeError("renderer exploded")

        monkeypatch.setattr(Preview, "plan", boom)
        report = preview.rebuild()
        assert not report.ok
        assert (
            report.diagnostics[0].code == "OKR999"
            and "renderer exploded" in report.diagnostics[0].message
        )
        assert [d.code for d in preview.server.errors] == ["OKR999"]
        assert files_of(preview.out) == before  # the last good site is still served
        monkeypatch.undo()
        assert preview.rebuild().ok
        assert preview.server.errors == []
    finally:
        preview.stop()


def test_template_override_is_picked_up(site: Path) -> None:
    preview = Preview(site, port=0, as_of=AS_OF, echo=lambda _m: None)
    try:
        preview.rebuild()
        override = site / "templates" / "404.html"
        override.parent.mkdir()
        override.write_text("<!doctype html><title>gone</title><p>Custom not-found page v1</p>\n")
        preview.on_change({override})
        assert "Custom not-found page v1" in (preview.out / "404.html").read_text()
        override.write_text("<!doctype html><title>gone</title><p>Custom not-found page v2</p>\n")
        preview.on_change({override})
        assert "Custom not-found page v2" in (preview.out / "404.html").read_text()
    finally:
        preview.stop()


def test_page_file_names_where_each_page_is_written(site: Path) -> None:
    load = load_site(site, AS_OF)
    renderer = SiteRenderer(load.scored, load.config, site)
    keys = renderer.page_keys()
    rendered = renderer.render_pages(keys)
    assert [page_file(k) for k in keys] == list(rendered)


def test_pages_in_view_are_written_and_reloaded_before_the_rest(site: Path, tmp_path: Path) -> None:
    """A save reloads the open tabs as soon as their pages are written; the
    other pages the change touched follow in the same rebuild."""
    preview = Preview(site, port=0, as_of=AS_OF, echo=lambda _m: None)
    try:
        preview.start()
        page = "objectives/sales/lukas-dach-pipeline/index.html"
        with urllib.request.urlopen(preview.server.url + page) as response:
            assert response.status == 200
        assert preview.server.pages_in_view()[0] == page
        order: list[str] = []
        sync, notify = preview.writer.sync, preview.server.notify_reload

        def spy_sync(files: dict[str, bytes], **options: Any) -> list[str]:
            order.append("sync " + ("+".join(sorted(files)) if len(files) < 3 else "rest"))
            return sync(files, **options)

        def spy_notify(*a: object, **k: object) -> str:
            order.append("reload")
            return notify(*a, **k)  # type: ignore[arg-type]

        preview.writer.sync = spy_sync  # type: ignore[method-assign]
        preview.server.notify_reload = spy_notify  # type: ignore[method-assign]
        CASES["leaf key result target (rolls up)"](site)
        report = preview.rebuild()
        assert report.ok and report.shown_after is not None
        assert 0 < report.shown_after <= report.seconds
        assert order == [f"sync {page}", "reload", "sync rest"]
        assert page in report.changed and len(report.changed) > 1
        expected = full_render(site, tmp_path)
        got = reference_builds.digests_of(preview.out)
        assert [k for k in expected if got.get(k) != expected[k]] == []
    finally:
        preview.stop()


def test_without_a_page_in_view_the_reload_comes_after_the_whole_rebuild(site: Path) -> None:
    preview = Preview(site, port=0, as_of=AS_OF, echo=lambda _m: None)
    try:
        assert preview.rebuild().ok
        CASES["leaf key result target (rolls up)"](site)
        report = preview.rebuild()
        assert report.ok and report.shown_after is None
    finally:
        preview.stop()


def test_tabs_update_in_place_unless_a_style_sheet_changed(site: Path) -> None:
    """The reload after a content edit lets tabs swap the page in place; one
    after a style sheet changed makes them load the page in full."""
    preview = Preview(site, port=0, as_of=AS_OF, echo=lambda _m: None)
    try:
        # no watcher: the test says what changed
        assert preview.rebuild().ok
        preview.server.start()
        page = "objectives/sales/lukas-dach-pipeline/index.html"
        with urllib.request.urlopen(preview.server.url + page) as response:
            assert response.status == 200
        sent: list[object] = []
        notify = preview.server.notify_reload

        def spy_notify(*a: object, **k: object) -> str:
            sent.append(k.get("in_place"))
            return notify(*a, **k)  # type: ignore[arg-type]

        preview.server.notify_reload = spy_notify  # type: ignore[method-assign]
        CASES["leaf key result target (rolls up)"](site)
        assert preview.rebuild().ok
        assert sent == [True]
        css = site / "static" / "style.css"
        css.parent.mkdir()
        css.write_text("body { color: rebeccapurple }\n", encoding="utf-8")
        preview.on_change({css})
        assert preview.last is not None and "static/style.css" in preview.last.changed
        assert sent == [True, False]
    finally:
        preview.stop()
