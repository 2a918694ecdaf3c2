"""Charts and bars in Chromium at 360 and 1280 px: the chart labels stay
readable (at least 11 px tall) and a bar's colour is its status's.

Built from the small chart site (tests/chart_site.py) and the example
portfolio, so both a hand-made case and a realistic page are measured.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import CHROMIUM, chromium, example_site
from chart_site import AS_OF, SITE
from conftest import write_site

from okrsite.pipeline import load_site
from okrsite.render import render_site

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]

pytest.importorskip("playwright.sync_api")

#: the smallest text the charts may show, in CSS pixels
MIN_LABEL_PX = 11.0

LABEL_HEIGHTS = """sel => [...document.querySelectorAll(sel)].map(t => {
  const r = t.getBoundingClientRect();
  return [t.textContent, r.height, r.left, r.right];
})"""


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = write_site(tmp_path_factory.mktemp("src") / "site", SITE)
    loaded = load_site(src, as_of=AS_OF)
    assert loaded.scored is not None
    dest = tmp_path_factory.mktemp("small")
    for rel, data in render_site(loaded.scored, loaded.config, src).items():
        path = dest / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return dest


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return example_site(tmp_path_factory)  # rendered once for every module that reads it


@pytest.fixture(scope="module")
def page() -> Iterator[Any]:
    """One page for the module, sized by each test before it loads its page
    (as a new page of that size would be): the pages keep nothing in storage
    or cookies, and each test loads its address afresh."""
    with chromium() as browser:
        context = browser.new_context()
        yield context.new_page()
        context.close()


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize(
    "site, page_path",
    [
        ("small", "objectives/support/faster-answers/index.html"),
        ("small", "kpis/first-response/index.html"),
        ("example", "objectives/sales/emea-new-logos/index.html"),
        ("example", "kpis/nps/index.html"),
    ],
)
def test_chart_labels_are_readable(
    page: Any, request: pytest.FixtureRequest, site: str, page_path: str, width: int
) -> None:
    root: Path = request.getfixturevalue(site)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto((root / page_path).as_uri())
    labels = page.evaluate(LABEL_HEIGHTS, "svg.line-chart text")
    svg = page.evaluate(
        "() => { const r = document.querySelector('svg.line-chart').getBoundingClientRect();"
        " return [r.left, r.right]; }"
    )
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert len(labels) >= 4, labels  # gridlines or ticks, and the dates
    for text, height, left, right in labels:
        assert height >= MIN_LABEL_PX, (text, height, width)
        # inside the chart (nothing cut off at either edge)
        assert svg[0] - 0.5 <= left and right <= svg[1] + 0.5, (text, left, right, svg)
    assert scroll <= width


@pytest.mark.parametrize("width", [360, 1280])
def test_missed_bar_is_red_not_green(page: Any, small: Path, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto((small / "objectives/support/backlog/index.html").as_uri())
    colours = page.evaluate(
        """() => {
              const fill = document.querySelector('.overview .fill');
              const chip = document.querySelector('.overview .status');
              const probe = document.createElement('span');
              document.body.append(probe);
              const colour = v => { probe.style.color = `var(${v})`;
                                    return getComputedStyle(probe).color; };
              return { bar: getComputedStyle(fill).backgroundColor, chip: chip.textContent,
                       red: colour('--red'), green: colour('--green') };
            }"""
    )
    assert colours["chip"] == "missed"
    assert colours["bar"] == colours["red"] != colours["green"]
