"""A check-in note's headings stand one level below its check-in's own
heading on every page that shows it, and a narrow screen (360 px) neither
scrolls sideways for a long team or owner name in the list filters nor
breaks the words of a Markdown table.

Each test builds a small site through the CLI, as a person would write it,
and reads the built pages: the headings parsed, the layout measured in
Chromium.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from conftest import write_site
from sitecheck import conformance_problems

from okrsite.cli import cli
from okrsite.markdown import renderer

LONG_TEAM = "Platform Engineering & Developer Experience Group (EMEA)"
LONG_OWNER = "Maximilianalexanderfriedrichwilhelmversteckt"

TABLE = """\
| Region | Uptime | p99 (ms) | Incidents | Owner | Notes |
|---|---|---|---|---|---|
| eu-west-1 | 99.95% | 410 | 0 | Uma Diaz | Fine |
| us-east-1 | 99.91% | 388 | 2 | Raj Patel | Two short outages |
| ap-southeast-2 | 99.99% | 455 | 1 | Uma Diaz | Fine |
"""

SITE: dict[str, str | bytes] = {
    "okrsite.toml": """
        title = "Narrow goals"
        default_cycle = "2026-Q1"
    """,
    "content/objectives/platform/reliability.md": f"""
        ---
        title: Make the platform reliable
        cycle: 2026-Q1
        owner: uma-diaz
        team: {LONG_TEAM}
        key_results:
          - id: uptime
            title: Uptime above 99.9%
            start: 99
            target: 99.9
            unit: "%"
        ---
        Where each region stands:

""".rstrip(" ")
    + "\n".join("        " + line for line in TABLE.splitlines())
    + "\n",
    "content/objectives/platform/latency.md": f"""
        ---
        title: Cut latency
        cycle: 2026-Q1
        owner: {LONG_OWNER}
        team: platform
        key_results:
          - id: p99
            title: p99 below 300 ms
            start: 450
            target: 300
            unit: ms
        ---
        Faster pages.
    """,
    "content/people/uma-diaz.md": """
        ---
        name: Uma Diaz
        ---
    """,
    # a note whose highest heading is ###: on the check-ins page (check-in <h2>)
    # it is an <h3>, on the objective and person pages (<h3>) an <h4>
    "content/checkins/2026-01-20-reliability.md": """
        ---
        objective: platform/reliability
        date: 2026-01-20
        author: uma-diaz
        confidence: 6
        values: {uptime: 99.5}
        ---
        ### Blockers

        The failover test slipped.

        #### Risks

        A second region is late.
    """,
    # a note whose highest heading is #
    "content/checkins/2026-01-27-reliability.md": """
        ---
        objective: platform/reliability
        date: 2026-01-27
        author: uma-diaz
        confidence: 7
        values: {uptime: 99.7}
        ---
        # Summary

        Better week.

        ## Numbers

""".rstrip(" ")
    + "\n".join("        " + line for line in TABLE.splitlines())
    + "\n",
    "content/checkins/2026-01-28-latency.md": f"""
        ---
        objective: platform/latency
        date: 2026-01-28
        author: {LONG_OWNER}
        values: {{p99: 420}}
        ---
        Nothing new.
    """,
    "content/pages/regions.md": """
        ---
        title: Regions
        ---
        All regions:

""".rstrip(" ")
    + "\n".join("        " + line for line in TABLE.splitlines())
    + "\n",
}


def build(root: Path) -> Path:
    out = root / "_site"
    result = CliRunner().invoke(
        cli,
        ["build", "--site", str(root), "--as-of", "2026-02-10", "--out", str(out), "--no-history"],
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(write_site(tmp_path_factory.mktemp("narrow"), SITE))


def pages_with_notes(out: Path) -> list[Path]:
    return [
        out / "checkins/index.html",
        *sorted((out / "objectives").rglob("*.html")),
        *sorted((out / "people").rglob("*.html")),
    ]


def headings(html: str) -> list[tuple[int, str]]:
    soup = BeautifulSoup(html, "html.parser")
    return [
        (int(h.name[1]), " ".join(h.get_text(" ").split()))
        for h in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])
    ]


def note_levels(html: str) -> dict[str, tuple[int, int]]:
    """Each note heading's level and its check-in's heading level, by text."""
    soup = BeautifulSoup(html, "html.parser")
    found = {}
    for article in soup.select("article.checkin"):
        own = article.find(["h2", "h3", "h4"])
        assert own is not None
        for h in article.select(".prose h1, .prose h2, .prose h3, .prose h4, .prose h5, .prose h6"):
            found[h.get_text(" ").strip()] = (int(h.name[1]), int(own.name[1]))
    return found


def test_note_headings_start_one_below_their_checkin(site: Path) -> None:
    for path in pages_with_notes(site):
        html = path.read_text(encoding="utf-8")
        skipped = [p for p in conformance_problems(html) if "level skipped" in p]
        assert not skipped, (path, skipped, headings(html))
    checkins = note_levels((site / "checkins/index.html").read_text(encoding="utf-8"))
    assert checkins == {
        "Blockers": (3, 2),
        "Risks": (4, 2),
        "Summary": (3, 2),
        "Numbers": (4, 2),
    }
    objective = site / "objectives/platform/reliability/index.html"
    on_objective = note_levels(objective.read_text(encoding="utf-8"))
    assert on_objective == {
        "Blockers": (4, 3),
        "Risks": (5, 3),
        "Summary": (4, 3),
        "Numbers": (5, 3),
    }
    person = site / "people/uma-diaz/index.html"
    assert note_levels(person.read_text(encoding="utf-8")) == on_objective


def test_notes_rendered_once_then_reused_at_another_depth() -> None:
    """The renderer's one instance serves every depth: no depth leaks into the next."""
    render = renderer(False, heading_ids=False)
    note = "### Blockers\n\ntext\n\n#### Risks\n"
    assert "<h3>Blockers</h3>" in render(note, 3) and "<h4>Risks</h4>" in render(note, 3)
    assert "<h4>Blockers</h4>" in render(note, 4) and "<h5>Risks</h5>" in render(note, 4)
    assert "<h3>Blockers</h3>" in render(note, 3)
    assert "<h6>Risks</h6>" in render("# Blockers\n\n###### Risks\n", 5)  # never past <h6>
    body = renderer(False)("### Only\n\n#### Below\n")
    assert '<h2 id="only">Only</h2>' in body and '<h3 id="below">Below</h3>' in body


# the browser checks ---------------------------------------------------------

try:
    from browser_support import CHROMIUM, chromium
except ImportError:  # pragma: no cover
    CHROMIUM = Path("/nonexistent")


@pytest.fixture(scope="module")
def narrow() -> Iterator[Any]:
    """One context of one Chromium, 360 px wide: each test opens a tab of it
    (half the cost of a page of its own)."""
    pytest.importorskip("playwright.sync_api")
    with chromium() as b:
        context = b.new_context(viewport={"width": 360, "height": 800})
        yield context
        context.close()


def filter_pages(out: Path) -> list[str]:
    pages = ["index.html", "alignment/index.html", "cycles/2026-Q1/index.html"]
    pages += sorted(str(p.relative_to(out)) for p in (out / "teams").rglob("*.html"))
    return pages


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")
def test_long_names_in_filters_do_not_widen_the_page(narrow: Any, site: Path) -> None:
    page = narrow.new_page()
    wide = {}
    for rel in filter_pages(site):
        page.goto((site / rel).as_uri())
        has_filters = page.locator(".list-filters select").count() > 0
        width = page.evaluate("document.scrollingElement.scrollWidth")
        if width > 360:
            wide[rel] = (width, has_filters)
    page.goto((site / "cycles/2026-Q1/index.html").as_uri())
    options = page.eval_on_selector_all(
        ".list-filters select option", "els => els.map(e => e.textContent)"
    )
    page.close()
    assert any(LONG_TEAM in o for o in options) and any(LONG_OWNER in o for o in options)
    assert not wide, wide


TABLE_PAGES = ("checkins/index.html", "pages/regions/index.html")


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")
def test_markdown_tables_scroll_in_their_own_box(narrow: Any, site: Path) -> None:
    objective = site / "objectives/platform/reliability/index.html"
    pages = [site / rel for rel in TABLE_PAGES] + [objective]
    page = narrow.new_page()
    for path in pages:
        page.goto(path.as_uri())
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 360, path
        cells = page.eval_on_selector_all(
            ".prose table th, .prose table td",
            "els => els.map(e => [e.textContent.trim(), "
            "Array.from(e.childNodes).reduce((n, c) => { const r = document.createRange();"
            " r.selectNodeContents(c); return n + r.getClientRects().length; }, 0)])",
        )
        assert len(cells) >= 24, (path, cells)
        # a cell of one word, or of words that fit, is on one line
        broken = [(text, lines) for text, lines in cells if lines != 1 and " " not in text]
        assert not broken, (path, broken)
        whole = page.eval_on_selector_all(
            ".prose table td",
            "els => els.filter(e => e.textContent.trim() === 'Uma Diaz' "
            "|| e.textContent.trim() === '99.95%').map(e => {"
            " const r = document.createRange(); r.selectNodeContents(e);"
            " return r.getClientRects().length; })",
        )
        assert whole and all(n == 1 for n in whole), (path, whole)
        # the table's box scrolls, and a keyboard can reach it
        boxes = page.eval_on_selector_all(
            ".prose table",
            "els => els.map(t => { let b = t; while (b && b.scrollWidth <= b.clientWidth"
            " && b !== document.body) b = b.parentElement;"
            " return b === document.body || !b ? null :"
            " [b.tabIndex, b.getAttribute('role'), b.getAttribute('aria-label') || ''] })",
        )
        assert boxes, path
        for box in boxes:
            assert box is not None, path  # the table overflows its own box, not the page
            tab_index, role, label = box
            assert tab_index == 0 and role == "region" and label, (path, box)
    page.close()


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")
def test_narrow_pages_pass_axe(narrow: Any, site: Path) -> None:
    from axe_playwright_python.sync_playwright import Axe

    objective = site / "objectives/platform/reliability/index.html"
    paths = [site / rel for rel in (*TABLE_PAGES, "index.html")] + [objective]
    page = narrow.new_page()
    for path in paths:
        page.goto(path.as_uri())
        results = Axe().run(page)
        bad = [
            v["id"]
            for v in results.response["violations"]
            if v["id"] in ("scrollable-region-focusable", "aria-allowed-role", "region")
            or v["impact"] in ("serious", "critical")
        ]
        assert not bad, (path, bad)
    page.close()
