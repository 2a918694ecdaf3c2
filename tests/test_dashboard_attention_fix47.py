"""The dashboard's "Needs attention" and "Stale objectives" list the first few, through the real CLI.

Audit 47 (bigco, finding 2): on a 400-objective site the two lists had 245
and 214 entries, 560 KB of a 694 KB dashboard (10 to 15 MB at 10,000
objectives). The dashboard now lists the first ``dashboard_attention`` of
each (25 unless set; 0: all), most in need first, with "and M more" and a
link to ``attention/index.html``, which lists every one of both; that page
is built only when the dashboard leaves some out, and an incremental
rebuild adds or removes it as a full build does.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from conftest import copy_example, run_cli, write_site

from okrsite.history import read_history
from okrsite.pipeline import load_site
from okrsite.preview import Preview
from okrsite.render import render_site

AS_OF = "2026-11-20"


def _site(root: Path, objectives: int, toml: str = "") -> Path:
    """``objectives`` stale objectives of 2026-Q4, each last checked in a day
    earlier than the one before (objective 0 most recently), titled so that
    title order is the reverse of staleness."""
    files: dict[str, str | bytes] = {"okrsite.toml": 'title = "Big"\n' + toml}
    for i in range(objectives):
        files[f"content/objectives/o{i:02d}.md"] = (
            f"---\ntitle: Goal {chr(ord('A') + i % 26)}{i:02d}\ncycle: 2026-Q4\nowner: Uma Diaz\n"
            "key_results:\n  - {id: a, title: A, start: 0, target: 10}\n---\n"
        )
        files[f"content/checkins/o{i:02d}.md"] = (
            f"---\nobjective: o{i:02d}\ndate: 2026-10-{30 - i:02d}\nauthor: Uma Diaz\n"
            "values: {a: 5}\n---\n"
        )
    return write_site(root, files)


def _build(site: Path, out: Path) -> tuple[str, str | None]:
    code, output = run_cli("build", "--site", str(site), "--out", str(out), "--as-of", AS_OF)
    assert code == 0, output
    page = out / "attention/index.html"
    return (
        (out / "index.html").read_text(encoding="utf-8"),
        page.read_text(encoding="utf-8") if page.exists() else None,
    )


def _section(html: str, heading_id: str) -> str:
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</section>", start)]


def _links(html: str) -> list[str]:
    return re.findall(r'<a class="obj-title" href="[./]*objectives/(o\d\d)/index.html"', html)


def test_the_dashboard_lists_the_first_of_each_list_and_links_to_all_of_them(
    tmp_path: Path,
) -> None:
    site = _site(tmp_path / "site", 8, "dashboard_attention = 3\n")
    dashboard, page = _build(site, tmp_path / "out")
    attention, stale = _section(dashboard, "attention"), _section(dashboard, "stale")
    # the first three of each list in its order: equally behind, by title;
    # stale, the longest without a check-in first
    assert _links(attention) == ["o00", "o01", "o02"]
    assert _links(stale) == ["o07", "o06", "o05"]
    assert "5 more objectives need attention." in attention
    assert 'href="attention/index.html#attention"' in attention
    assert "5 more stale objectives." in stale
    assert 'href="attention/index.html#stale"' in stale
    # the page lists every one of both, in the same order, under one h1
    assert page is not None
    assert _links(_section(page, "attention")) == [f"o{i:02d}" for i in range(8)]
    assert _links(_section(page, "stale")) == [f"o{i:02d}" for i in range(7, -1, -1)]
    assert re.findall(r"<h([1-6])", page.partition("<main")[2]) == ["1", "2", "2"]
    assert 'href="../index.html"' in page and 'href="../objectives/o00/index.html"' in page
    # the navigation marks the dashboard as the page's section
    assert re.search(r'<a href="../index.html" aria-current="[a-z]+"', page)


def test_the_default_is_25_and_0_lists_all_without_the_page(tmp_path: Path) -> None:
    site = _site(tmp_path / "site", 30)
    dashboard, page = _build(site, tmp_path / "out")
    assert len(_links(_section(dashboard, "attention"))) == 25
    assert "5 more objectives need attention." in dashboard
    assert page is not None and len(_links(_section(page, "attention"))) == 30
    every = _site(tmp_path / "all", 30, "dashboard_attention = 0\n")
    dashboard, page = _build(every, tmp_path / "out-all")
    assert len(_links(_section(dashboard, "attention"))) == 30
    assert "more objectives need attention" not in dashboard and page is None


def test_german_words_and_a_bad_setting(tmp_path: Path) -> None:
    site = _site(tmp_path / "site", 4, 'language = "de"\ndashboard_attention = 1\n')
    dashboard, page = _build(site, tmp_path / "out")
    assert "3 weitere Ziele brauchen Aufmerksamkeit." in dashboard
    assert "3 weitere veraltete Ziele." in dashboard
    assert page is not None and "Ziele, die Aufmerksamkeit brauchen" in page
    bad = _site(tmp_path / "bad", 1, "dashboard_attention = -1\n")
    code, output = run_cli("build", "--site", str(bad), "--out", str(tmp_path / "o"))
    assert code == 1
    assert "okrsite.toml" in output and "dashboard_attention must be a whole number" in output


def test_an_incremental_rebuild_adds_and_removes_the_page_as_a_full_build(
    tmp_path: Path,
) -> None:
    site = copy_example(tmp_path / "site")
    with (site / "okrsite.toml").open("a", encoding="utf-8") as f:
        f.write("dashboard_attention = 5\n")  # six need attention on AS_OF: one left out
    fresh = site / "content/checkins/2026-11-19-product-platform-cost.md"
    as_of = date.fromisoformat(AS_OF)
    preview = Preview(site, port=0, as_of=as_of, echo=lambda _m: None)
    try:
        assert preview.rebuild().ok
        assert (preview.out / "attention/index.html").exists()
        for step in ("checked in", "check-in deleted"):
            if step == "checked in":  # platform-cost is stale no more: five need attention
                fresh.write_text(
                    "---\nobjective: product/platform-cost\ndate: 2026-11-19\n"
                    "author: elena-petrova\nvalues: {cost-per-tenant: 340}\n---\n",
                    encoding="utf-8",
                )
            else:
                fresh.unlink()
            preview.on_change({fresh})
            assert preview.last is not None and preview.last.ok, preview.last
            load = load_site(site, as_of)
            history = read_history(site, load.config, load.scored.portfolio.cycles)
            expected = render_site(load.scored, load.config, site, history=history)
            got = {
                p.relative_to(preview.out).as_posix(): p.read_bytes()
                for p in preview.out.rglob("*")
                if p.is_file() and not p.name.startswith(".")
            }
            assert ("attention/index.html" in expected) == (step == "check-in deleted")
            assert sorted(got) == sorted(expected), step
            assert [k for k in expected if got[k] != expected[k]] == [], step
    finally:
        preview.stop()
