"""A deep alignment tree on a phone (audit 44, cascade, F5).

Each level of the tree indented by about 2rem without limit, so at 360 px a
cascade 8 levels deep ran off the screen and deeper nodes wrapped one letter
per line. A chain 12 levels deep, built through the CLI, must fit a 360 px
screen in Chromium: no horizontal scroll, every node's title on a line of
its own width, not a column of letters."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from browser_support import CHROMIUM, chromium
from conftest import run_cli

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]
pytest.importorskip("playwright.sync_api")  # skip, not fail, without Playwright

MakeSite = Callable[[dict[str, str | bytes]], Path]
DEPTH = 12

# each node's title box and the summary line under it: their width and height
MEASURE_JS = """() => {
  const boxes = [...document.querySelectorAll('ul.tree .node, ul.tree summary')];
  return boxes.map(b => {
    const r = b.getBoundingClientRect();
    return {text: b.textContent.trim().slice(0, 40), left: r.left, right: r.right,
            width: r.width, height: r.height};
  });
}"""


def _level(i: int) -> str:
    parent = f"parent: o{i - 1}#sub\n" if i else ""
    return (
        f"---\ntitle: Level {i} of the company cascade\ncycle: 2026-Q4\nowner: Uma\n{parent}"
        "key_results:\n"
        f"  - {{id: own, title: Do {i} things, target: 10, current: 5}}\n"
        "  - {id: sub, title: Children deliver}\n---\nBody.\n"
    )


def test_a_twelve_level_chain_fits_a_360_px_screen(make_site: MakeSite) -> None:
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
    deepest = titles[-1]
    assert "Level 11" in deepest["text"]
    for box in boxes:
        assert box["right"] <= 360, box  # nothing runs off the screen
        # a title or "1 aligned objective" reads across, not one letter per line
        assert box["width"] >= 150, box
