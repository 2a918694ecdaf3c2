"""Free pages in the navigation: at most 20, then "More pages" and a list of all.

A navigation listing every free page on every page made the output grow
with the square of their number (10,000 pages ran out of memory). These
tests build hand-written sites with few and many free pages, and hold the
preview's incremental rebuild equal to a full render across the limit.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from conftest import run_cli, write_site

from okrsite.history import read_history
from okrsite.pipeline import load_site
from okrsite.preview import Preview
from okrsite.render import render_site

AS_OF = date(2026, 11, 20)


def _site(root: Path, n: int) -> Path:
    files: dict[str, str | bytes] = {
        "okrsite.toml": '[site]\ntitle = "Handbook"\nas_of = 2026-11-20\n',
        "content/objectives/grow.md": (
            "---\ntitle: Grow\nowner: Uma Diaz\ncycle: 2026-Q4\nkey_results:\n"
            "  - {title: Deals, start: 0, target: 10, current: 4}\n---\n"
        ),
    }
    for i in range(1, n + 1):
        # order counts down, so the navigation order is not the file order
        files[f"content/pages/doc-{i:02d}.md"] = (
            f"---\ntitle: Guide {i}\norder: {n - i}\n---\nText of guide {i}.\n"
        )
    return write_site(root, files)


def _nav(html: str) -> list[str]:
    nav = html.split("<nav aria-label=", 1)[1].split("</nav>", 1)[0]
    return re.findall(r"<a [^>]*>([^<]*)</a>", nav)


def test_few_pages_all_in_the_nav_and_no_list(tmp_path: Path) -> None:
    site = _site(tmp_path / "s", 3)
    code, out = run_cli("build", "--site", str(site))
    assert code == 0, out
    nav = _nav((site / "_site/index.html").read_text())
    assert nav[-3:] == ["Guide 3", "Guide 2", "Guide 1"]
    assert "More pages" not in nav
    assert not (site / "_site/pages/index.html").exists()


def test_many_pages_first_twenty_then_more_pages(tmp_path: Path) -> None:
    site = _site(tmp_path / "s", 23)
    code, out = run_cli("build", "--site", str(site))
    assert code == 0, out
    nav = _nav((site / "_site/objectives/grow/index.html").read_text())
    guides = [t for t in nav if t.startswith("Guide ")]
    assert guides == [f"Guide {i}" for i in range(23, 3, -1)]  # order 0 … 19
    assert nav[-1] == "More pages"
    page = (site / "_site/pages/index.html").read_text()
    listing = page.split("<main", 1)[1]
    linked = re.findall(r'<a href="\.\./pages/(doc-\d\d)/index\.html">Guide (\d+)</a>', listing)
    assert [int(n) for _, n in linked] == list(range(23, 0, -1))
    assert [d for d, _ in linked] == [f"doc-{i:02d}" for i in range(23, 0, -1)]
    assert 'aria-current="page">More pages<' in page
    # a page beyond the navigation's twenty is still written and reachable
    assert (site / "_site/pages/doc-01/index.html").is_file()


def test_german_site_says_more_pages_in_german(tmp_path: Path) -> None:
    site = _site(tmp_path / "s", 21)
    toml = site / "okrsite.toml"
    toml.write_text(toml.read_text() + 'language = "de"\n')
    code, out = run_cli("build", "--site", str(site))
    assert code == 0, out
    assert _nav((site / "_site/index.html").read_text())[-1] == "Weitere Seiten"
    assert "<h1>Seiten</h1>" in (site / "_site/pages/index.html").read_text()


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }


def test_preview_across_the_limit_equals_a_full_render(tmp_path: Path) -> None:
    site = _site(tmp_path / "s", 20)
    preview = Preview(site, port=0, as_of=AS_OF, echo=lambda _m: None)
    try:
        assert preview.rebuild().ok
        steps = [
            ("doc-21", "---\ntitle: Guide 21\norder: 50\n---\nNew.\n"),  # 21st: list appears
            ("doc-22", "---\ntitle: Guide 22\norder: 60\n---\nNewer.\n"),  # beyond the nav
            ("doc-22", "---\ntitle: Guide twenty-two\norder: 60\n---\nNewer.\n"),  # retitled
        ]
        for name, text in steps:
            path = site / f"content/pages/{name}.md"
            path.write_text(text)
            preview.on_change({path})
            assert preview.last is not None and preview.last.ok, preview.last
            load = load_site(site, AS_OF)
            history = read_history(site, load.config, load.scored.portfolio.cycles)
            expected = render_site(load.scored, load.config, site, history=history)
            got = _files(preview.out)
            assert sorted(got) == sorted(expected)
            assert [k for k in expected if got[k] != expected[k]] == [], name
        listing = (preview.out / "pages/index.html").read_text()
        assert "Guide twenty-two" in listing
        (site / "content/pages/doc-22.md").unlink()
        (site / "content/pages/doc-21.md").unlink()
        preview.on_change({site / "content/pages/doc-21.md", site / "content/pages/doc-22.md"})
        assert preview.last is not None and preview.last.ok
        assert not (preview.out / "pages/index.html").exists()
    finally:
        preview.stop()


def test_ten_thousand_pages_build_in_linear_output(tmp_path: Path) -> None:
    """The case that ran out of memory: 10,000 pages (about 2 s, 80 MB)."""
    site = tmp_path / "s"
    (site / "content/pages").mkdir(parents=True)
    (site / "okrsite.toml").write_text('[site]\ntitle = "Wiki"\n')
    for i in range(10_000):
        (site / f"content/pages/p{i:05d}.md").write_text(f"---\ntitle: Page {i}\n---\nx\n")
    code, out = run_cli("build", "--site", str(site))
    assert code == 0, out
    total = sum(p.stat().st_size for p in (site / "_site").rglob("*") if p.is_file())
    assert total < 200_000_000, total
    listing = (site / "_site/pages/index.html").read_text().split("<main", 1)[1]
    assert listing.count('<li><a href="../pages/p') == 10_000
