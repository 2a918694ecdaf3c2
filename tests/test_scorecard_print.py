"""The scorecard prints on A4 in Chromium without cut rows.

A generated portfolio (benchmarks/generate.py, 300 objectives) is built
through the CLI, and the finished cycle's page is printed with
``page.pdf(format="A4")``. The PDF's text, read back with pypdf page by
page, must hold every table row and objective list item whole on one page,
in document order, and no navigation, search or filter controls; the page
count must be more than one and what the print layout's height predicts.
"""

from __future__ import annotations

import io
import math
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import CHROMIUM, chromium
from built_once import made_once
from click.testing import CliRunner
from conftest import REPO

from okrsite.cli import cli

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]

#: pixels per millimetre at CSS's 96 dpi
MM = 96 / 25.4
#: A4 less the @page margins of style.css (15 mm top and bottom, 12 mm left and right)
BODY_WIDTH, BODY_HEIGHT = 186 * MM, 267 * MM

#: the visible text of each table row and list item of the page, in order
SHOWN_JS = """const shown = e => {
  const copy = e.cloneNode(true);
  copy.querySelectorAll('.visually-hidden').forEach(h => h.remove());
  return copy.textContent;
};"""
ROWS_JS = f"""() => {{ {SHOWN_JS}
return Array.from(document.querySelectorAll('main tr, main li.obj')).map(shown); }}"""
TABLES_JS = f"""() => {{ {SHOWN_JS}
return Array.from(document.querySelectorAll('main table')).map(t => ({{
  head: t.tHead ? shown(t.tHead) : '',
  rows: Array.from(t.tBodies[0].rows).map(shown),
}})).filter(t => t.head); }}"""


def squeeze(text: str) -> str:
    """Text without whitespace and with ligatures (ﬃ) unfolded: PDF text
    extraction breaks lines and spaces its own way."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generated portfolio, built (once for all test workers): its cycle
    pages run to several A4 pages."""
    pytest.importorskip("playwright.sync_api")

    def make(root: Path) -> None:
        site, out = root / "site", root / "out"
        subprocess.run(
            [sys.executable, str(REPO / "benchmarks/generate.py"), str(site)]
            + ["--objectives", "300"],
            check=True,
            capture_output=True,
        )
        result = CliRunner().invoke(cli, ["build", "--site", str(site), "--out", str(out)])
        assert result.exit_code == 0, result.output

    return made_once(tmp_path_factory, "scorecard-print", make) / "out"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One Chromium for the module's tests (a launch is seconds on a busy
    machine); each test opens pages of its own."""
    pytest.importorskip("playwright.sync_api")
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def printed(
    generated: Path, browser: Any
) -> tuple[list[str], list[str], float, list[dict[str, Any]]]:
    pypdf = pytest.importorskip("pypdf")
    out = generated
    page_file = out / "cycles/2026-Q3/index.html"
    assert 'class="scorecard"' in page_file.read_text()
    page = browser.new_page(viewport={"width": round(BODY_WIDTH), "height": 900})
    page.goto(page_file.as_uri())
    pdf = page.pdf(format="A4")
    page.emulate_media(media="print")
    rows = page.evaluate(ROWS_JS)
    tables = page.evaluate(TABLES_JS)
    height = page.evaluate("document.documentElement.scrollHeight")
    page.close()
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    texts = [squeeze(p.extract_text()) for p in reader.pages]
    for p in reader.pages:
        width_mm = float(p.mediabox.width) / 72 * 25.4
        assert abs(width_mm - 210) < 1, width_mm  # A4 portrait
    return texts, rows, height, tables


def test_the_scorecard_prints_on_several_a4_pages(
    printed: tuple[list[str], list[str], float, list[dict[str, Any]]],
) -> None:
    texts, _, height, _ = printed
    expected = math.ceil(height / BODY_HEIGHT)
    # rows never split, so a page may end early: at most one page more
    assert 1 < expected <= len(texts) <= expected + 1, (len(texts), height)
    assert all(texts), "a blank page"


def test_no_table_row_is_cut_across_pages(
    printed: tuple[list[str], list[str], float, list[dict[str, Any]]],
) -> None:
    texts, rows, _, _ = printed
    assert len(rows) > 40
    last = 0
    for row in rows:
        key = squeeze(row)
        pages = [i for i, text in enumerate(texts) if key in text]
        assert pages, f"row not whole on any page: {row!r}"
        # the first page at or after the previous row's: rows keep their order
        later = [i for i in pages if i >= last]
        assert later, f"row out of order: {row!r}"
        last = later[0]
    assert last == len(texts) - 1 or last == len(texts) - 2  # the list runs to the end


def test_print_leaves_out_navigation_search_and_filters(
    printed: tuple[list[str], list[str], float, list[dict[str, Any]]],
) -> None:
    texts, _, _, _ = printed
    everything = "".join(texts)
    for word in ("Alignment", "Search", "Sortby", "Skiptocontent"):
        assert word not in everything, word
    assert "Scorecard" in texts[0] and "Cycle2026-Q3" in texts[0]


def test_table_headings_repeat_on_a_new_page(
    printed: tuple[list[str], list[str], float, list[dict[str, Any]]],
) -> None:
    """Every page a table's rows are on starts that part with the table's head."""
    texts, _, _, tables = printed
    spanning = 0
    for table in tables:
        head = squeeze(table["head"])
        pages = {next(i for i, t in enumerate(texts) if squeeze(r) in t) for r in table["rows"]}
        spanning += len(pages) > 1
        for page in pages:
            assert head in texts[page], (table["head"], page)
    assert spanning, "no table runs over a page break: the site is too small for this test"


@pytest.mark.parametrize("cycle", ["2026-Q3", "2026-Q4"])
def test_scorecard_pages_pass_axe_and_fit_narrow_screens(
    generated: Path, browser: Any, cycle: str
) -> None:
    """The final scorecard and the running cycle's preview: no serious or
    critical axe finding in light and dark, nothing scrolls sideways at 360 px."""
    from axe_playwright_python.sync_playwright import Axe

    problems = []
    for scheme, width in (("light", 1280), ("dark", 360)):
        page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
        page.goto((generated / f"cycles/{cycle}/index.html").as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        for v in Axe().run(page).response["violations"]:
            if v["impact"] in ("serious", "critical"):
                problems.append(f"{scheme} {width}: {v['id']} {v['nodes'][0]['target']}")
        page.close()
    assert problems == []
