"""An alignment tree 40 levels deep on a phone (fix 48).

The narrow screen's indent (``style.css``: a 0.25rem sliver from the sixth
level) still grew without limit: a chain deeper than about 33 levels ran
off a 360 px screen, so the whole page scrolled sideways. Past the twelfth
level a level now takes 2 px (its guide line and a pixel of gap), and what
still does not fit scrolls inside the tree's own box, never the page. A
40-level chain built through the CLI is opened in Chromium at 360 px."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from browser_support import CHROMIUM, chromium
from conftest import run_cli
from test_deep_tree_browser import MEASURE_JS, _level

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]
pytest.importorskip("playwright.sync_api")  # skip, not fail, without Playwright

MakeSite = Callable[[dict[str, str | bytes]], Path]
DEPTH = 40


def test_a_forty_level_chain_does_not_scroll_a_360_px_page(make_site: MakeSite) -> None:
    files: dict[str, str | bytes] = {
        "okrsite.toml": 'title = "Deep"\ndefault_cycle = "2026-Q4"\nas_of = 2026-11-20\n'
    }
    files |= {f"content/objectives/o{i}.md": _level(i) for i in range(DEPTH)}
    site = make_site(files)
    out = site.parent / "out"
    code, output = run_cli("build", "--site", str(site), "--out", str(out))
    assert code == 0, output
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 360, "height": 800})
        page.goto((out / "alignment/index.html").as_uri())
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        boxes = page.evaluate(MEASURE_JS)
        page.close()
    assert scroll_width <= 360, scroll_width
    titles = [b for b in boxes if b["text"].startswith("Level")]
    assert len(titles) == DEPTH, [b["text"] for b in boxes]
    assert f"Level {DEPTH - 1}" in titles[-1]["text"]
    for box in boxes:
        assert box["right"] <= 360, box  # the deepest title is on the screen
        # a title or "1 aligned objective" reads across, not one letter per line
        assert box["width"] >= 120, box
