"""The default theme's stylesheet in Chromium, on sites built by the real
``okrsite build``:

1. a wide Markdown table (12 columns, in a free page and in an objective's
   body) printed on A4 kept ``overflow-x: auto`` and ``width: max-content``:
   9 of its 12 columns showed, the rest were cut off the paper. Every cell
   now prints inside the table's box and the box inside the page;
2. in forced colours (a high-contrast theme) a bar's fill was the theme's
   Canvas like its track: every bar read as empty. The fill now differs from
   the track (the theme's text colour, CanvasText, for every status: the
   status colours used to win over it), and a chart key keeps the tint of
   its band;
3. at 320 px (WCAG reflow) a cycle page scrolled sideways: the "Committed
   and aspirational" table was 330 px wide. Every page of the example site
   now fits 320 px, and 360 px.

The tests share one Chromium and one browser context (a tab of it opens in
half the time of a page of its own); a test that needs forced colours, a
colour scheme or a viewport sets it on its own tab, so no tab sees another's.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import CHROMIUM, chromium, example_site, served_folder
from click.testing import CliRunner
from conftest import write_site

from okrsite.cli import cli

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]

#: A4 (210 mm) less style.css's @page margins (12 mm each side), in CSS px
A4_BODY = round((210 - 24) * 96 / 25.4)

ROW = "| " + " | ".join(f"value r.{c} 1,234.5" for c in range(1, 13)) + " |"
TABLE = "\n".join(
    [
        "| " + " | ".join(f"Column {c}" for c in range(1, 13)) + " |",
        "|" + "---|" * 12,
        *[ROW.replace("r.", f"{r}.") for r in range(1, 4)],
    ]
)


@pytest.fixture(scope="module")
def context() -> Iterator[Any]:
    """One context of one Chromium for the module: each test opens tabs in it."""
    pytest.importorskip("playwright.sync_api")
    with chromium() as b:
        context = b.new_context()
        yield context
        context.close()


def tab(context: Any, viewport: dict[str, int] | None = None, **media: str) -> Any:
    """A new tab of the module's context with its own viewport and emulated
    media (forced_colors, color_scheme, media): what a page of its own with
    those options would be."""
    page = context.new_page()
    if viewport:
        page.set_viewport_size(viewport)
    if media:
        page.emulate_media(**media)
    return page


@pytest.fixture(scope="module")
def wide_tables(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site with a 12-column table in a free page and in an objective's body."""
    root = tmp_path_factory.mktemp("wide")
    write_site(
        root / "site",
        {
            "okrsite.toml": 'default_cycle = "2026-Q4"\nas_of = "2026-11-20"\n',
            "content/pages/handbook.md": f"---\ntitle: Handbook\n---\nFigures:\n\n{TABLE}\n",
            "content/objectives/growth.md": (
                "---\ntitle: Grow\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
                "  - {id: arr, title: ARR, start: 0, target: 100}\n---\n"
                f"Figures:\n\n{TABLE}\n"
            ),
        },
    )
    out = root / "out"
    result = CliRunner().invoke(cli, ["build", "--site", str(root / "site"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


#: for each Markdown table: how far its box and its cells reach past the page,
#: how far its box scrolls, and each row's cells' text
CLIPPED_JS = """(width) => Array.from(document.querySelectorAll('.md-table')).map(box => {
  const edge = Math.min(box.getBoundingClientRect().right, width);
  const cells = Array.from(box.querySelectorAll('th, td'));
  return {
    past_page: Math.round(box.getBoundingClientRect().right - width),
    scrolls: box.scrollWidth - box.clientWidth,
    cells_cut: cells.filter(c => c.getBoundingClientRect().right > edge + 0.5).length,
    cells: cells.length,
    row: Array.from(box.querySelectorAll('tbody tr:first-child td')).map(c => c.textContent),
  };
})"""


@pytest.mark.parametrize("rel", ["pages/handbook/index.html", "objectives/growth/index.html"])
def test_a_wide_markdown_table_prints_every_column(
    context: Any, wide_tables: Path, rel: str
) -> None:
    page = tab(context, {"width": A4_BODY, "height": 1000})
    page.goto((wide_tables / rel).as_uri())
    page.emulate_media(media="print")
    tables = page.evaluate(CLIPPED_JS, A4_BODY)
    page.close()
    assert tables == [
        {
            "past_page": tables[0]["past_page"],
            "scrolls": 0,
            "cells_cut": 0,
            "cells": 12 * 4,
            "row": [f"value 1.{c} 1,234.5" for c in range(1, 13)],
        }
    ]
    assert tables[0]["past_page"] <= 0


def test_a_wide_markdown_table_still_scrolls_on_a_narrow_screen(
    context: Any, wide_tables: Path
) -> None:
    """On screen the table keeps its own scrolling box: words whole, no page-wide scroll."""
    page = tab(context, {"width": 360, "height": 800})
    page.goto((wide_tables / "pages/handbook/index.html").as_uri())
    [table] = page.evaluate(CLIPPED_JS, 360)
    wide = page.evaluate("document.documentElement.scrollWidth")
    page.close()
    assert table["scrolls"] > 0
    assert wide == 360


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site at 2026-11-20, rendered once for all test workers and
    the other browser tests of that very site (tests only read it)."""
    return example_site(tmp_path_factory)


BARS_JS = """() => Array.from(document.querySelectorAll('.bar')).filter(
  b => parseFloat(b.firstElementChild.style.width) > 0).map(b => [
  b.firstElementChild.className,
  getComputedStyle(b.firstElementChild).backgroundColor, getComputedStyle(b).backgroundColor])"""

#: the forced colours' CanvasText, as this browser computes it
CANVAS_TEXT_JS = """() => { const probe = document.createElement('span');
  probe.style.color = 'CanvasText'; document.body.append(probe);
  const colour = getComputedStyle(probe).color; probe.remove(); return colour; }"""

#: each status's bar as the theme renders it (the search page's templates,
#: one per status), put in the page with a fill
ALL_STATUS_BARS_JS = """() => { document.querySelectorAll('template[data-search-bar]').forEach(t => {
  const piece = t.content.cloneNode(true);
  piece.querySelector('.fill').style.width = '50%';
  document.body.append(piece); }); }"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    "rel",
    ["index.html", "kpis/nps/index.html", "cycles/2026-Q4/index.html", "alignment/index.html"],
)
def test_bars_show_their_fill_in_forced_colours(
    context: Any, example: Path, rel: str, scheme: str
) -> None:
    """Every fill is the theme's text colour (CanvasText), whatever its status:
    the status colours (.fill-on-track…) came after the forced-colours rule and
    won, so bars stayed red, yellow and green in a high-contrast theme."""
    page = tab(context, forced_colors="active", color_scheme=scheme)
    page.goto((example / rel).as_uri())
    canvas_text = page.evaluate(CANVAS_TEXT_JS)
    bars = page.evaluate(BARS_JS)
    page.close()
    assert bars
    assert [(fill, colour) for fill, colour, _ in bars if colour != canvas_text] == []
    assert [(fill, track) for fill, colour, track in bars if colour == track] == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_status_bar_shows_the_text_colour_in_forced_colours(
    context: Any, example: Path, scheme: str
) -> None:
    page = tab(context, forced_colors="active", color_scheme=scheme)
    page.goto((example / "search/index.html").as_uri())
    canvas_text = page.evaluate(CANVAS_TEXT_JS)
    page.evaluate(ALL_STATUS_BARS_JS)
    bars = page.evaluate(BARS_JS)
    page.close()
    statuses = ["on-track", "at-risk", "off-track", "done", "achieved", "missed"]
    statuses += ["upcoming", "draft", "dropped"]
    assert sorted(fill for fill, _, _ in bars) == sorted(
        ["fill", *(f"fill fill-{status}" for status in statuses)]
    )
    assert {fill: colour for fill, colour, _ in bars} == {fill: canvas_text for fill, _, _ in bars}


def test_chart_keys_keep_the_tint_of_their_bands_in_forced_colours(
    context: Any, example: Path
) -> None:
    page = tab(context, forced_colors="active", color_scheme="light")
    page.goto((example / "kpis/nps/index.html").as_uri())
    tints = page.evaluate(
        """() => ['healthy', 'warning', 'critical'].map(b => [
          getComputedStyle(document.querySelector('.key-' + b)).backgroundColor,
          getComputedStyle(document.querySelector('svg .band-' + b)).fill])"""
    )
    page.close()
    assert tints == [
        ["rgba(46, 125, 50, 0.16)", "rgba(46, 125, 50, 0.16)"],
        ["rgba(184, 134, 11, 0.18)", "rgba(184, 134, 11, 0.18)"],
        ["rgba(198, 40, 40, 0.16)", "rgba(198, 40, 40, 0.16)"],
    ]


NARROW = (320, 360)


@pytest.fixture(scope="module")
def too_wide(context: Any, example: Path) -> dict[int, dict[str, int]]:
    """For each narrow width, the example's pages wider than it: {page: width}.

    Each page is loaded once, at 320 px, measured, then its viewport set to
    360 px and measured again: the layout and the media queries follow the
    viewport, and no script of the theme (filters.js, search.js) reads the
    width, so a page resized lays out as one loaded at that width, for half
    the page loads (96 pages a width)."""
    pages = sorted(p.relative_to(example).as_posix() for p in example.rglob("*.html"))
    assert "cycles/2026-Q4/index.html" in pages
    wide: dict[int, dict[str, int]] = {width: {} for width in NARROW}
    with served_folder(example) as url:
        page = tab(context)
        for rel in pages:
            page.set_viewport_size({"width": NARROW[0], "height": 800})
            page.goto(url + rel)
            for width in NARROW:
                page.set_viewport_size({"width": width, "height": 800})
                scroll = page.evaluate("document.documentElement.scrollWidth")
                if scroll > width:
                    wide[width][rel] = scroll
        page.close()
    return wide


@pytest.mark.parametrize("width", NARROW)
def test_every_example_page_fits_a_narrow_screen(
    too_wide: dict[int, dict[str, int]], width: int
) -> None:
    assert too_wide[width] == {}
