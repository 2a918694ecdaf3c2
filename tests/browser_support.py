"""What the browser tests share: Debian's Chromium, launched one way, and the
example site built to a folder.

Chromium runs headless as root on a machine without a network, so every test
must start it with the same flags (``--disable-background-networking`` keeps
it from trying to reach Google's hosts); one function keeps them in step.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from conftest import REPO

from okrsite.pipeline import load_site
from okrsite.render import render_site

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@contextmanager
def chromium() -> Iterator[Any]:
    """A Playwright browser on Debian's Chromium, closed afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def write_example_site(dest: Path, as_of: date = date(2026, 11, 20)) -> Path:
    """Render the example site (content/) at ``as_of`` into ``dest``."""
    loaded = load_site(REPO, as_of=as_of)
    assert loaded.scored is not None
    for rel, data in render_site(loaded.scored, loaded.config, REPO).items():
        path = dest / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return dest
