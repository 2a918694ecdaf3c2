"""What the tests of how names are folded share (session 47's apostrophes,
session 48's ae/oe/ue and dashes, the list filters' copy of the search's
fold): a small site of people owning one objective each, built through the
real CLI, and the two pages they read in Chromium, the search page and a
cycle's list with an owner linked in its address.

Both pages keep their state in the address alone (no storage, no cookies),
so one page of one browser serves a whole module: each look-up loads its
address afresh, as a reader following a link does.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from browser_support import chromium
from conftest import run_cli, write_site

#: an objective of the 2026-Q4 cycle owned by ``owner``, with one key result
OBJECTIVE = (
    "---\ntitle: {title}\ncycle: 2026-Q4\nowner: {owner}\n"
    "key_results:\n  - {{id: a, title: A, start: 0, target: 10, current: 5}}\n---\n"
)


def built_names_site(root: Path, files: dict[str, str | bytes], *build_args: str) -> Path:
    """``files`` written under ``root`` and built by ``okrsite build`` into
    ``root/_site``, which is returned."""
    write_site(root, files)
    out = root / "_site"
    code, output = run_cli("build", "--site", str(root), "--out", str(out), *build_args)
    assert code == 0, output
    return out


@contextmanager
def one_page() -> Iterator[Any]:
    """A page of a Chromium launched for it, closed afterwards."""
    with chromium() as browser:
        context = browser.new_context()
        try:
            yield context.new_page()
        finally:
            context.close()


def found(page: Any, site: Path, query: str) -> list[str]:
    """The titles the search page lists for ``query``, from disk."""
    page.goto((site / "search/index.html").as_uri() + "?q=" + query)
    page.wait_for_function(
        "document.querySelector('#search-status').textContent.trim() !== ''", timeout=5000
    )
    return list(
        page.eval_on_selector_all("#search-results li a bdi", "bs => bs.map(b => b.textContent)")
    )


def linked_owner(page: Any, site: Path, query: str) -> tuple[str, bool, str]:
    """The owner choice the linked ``query`` selects on the 2026-Q4 list,
    whether it is one no item has (data-unknown), and the count line."""
    page.goto((site / "cycles/2026-Q4/index.html").as_uri() + query)
    chosen, unknown = page.eval_on_selector(
        'select[data-key="owner"]',
        "s => [s.options[s.selectedIndex].textContent,"
        " s.options[s.selectedIndex].hasAttribute('data-unknown')]",
    )
    return chosen, unknown, page.inner_text(".list-filters > .meta")
