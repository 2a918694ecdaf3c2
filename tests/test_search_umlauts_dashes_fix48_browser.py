"""ä ö ü written ae oe ue, and dashes, in the search and the list filters, in
Chromium, on a site built through the real CLI.

Session 48: ``mueller`` found nothing for "Jonas Müller" (``muller`` did):
a German user types "ue" for "ü". Nor did ``schroeder`` find "Anna
Schröder", nor ``jean-luc`` "Jean–Luc Picard" (an en dash), nor
``?owner=jonas%20mueller`` pick him in a list's owner filter. Both scripts
now give a word its spellings (its fold, and the fold with ae, oe, ue where
it has ä, ö or ü) and fold every dash to "-"; "ue" is never turned into
"u", so a word with a real "ue" ("Samuel", "queue") is found as before.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import CHROMIUM, chromium
from conftest import run_cli, write_site

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]
pytest.importorskip("playwright.sync_api")  # skip, not fail, without Playwright

OBJECTIVE = (
    "---\ntitle: {title}\ncycle: 2026-Q4\nowner: {owner}\n"
    "key_results:\n  - {{id: a, title: A, start: 0, target: 10, current: 5}}\n---\n"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_site(
        tmp_path_factory.mktemp("umlauts"),
        {
            "okrsite.toml": 'title = "Names"\nas_of = 2026-11-20\n',
            "content/people/jonas.md": "---\ntitle: Jonas Müller\n---\n",
            "content/people/lena.md": "---\ntitle: Lena Mueller\n---\n",
            "content/people/anna.md": "---\ntitle: Anna Schröder\n---\n",
            "content/people/jl.md": "---\ntitle: Jean–Luc Picard\n---\n",
            "content/people/sam.md": "---\ntitle: Samuel Blue\n---\n",
            "content/objectives/churn.md": OBJECTIVE.format(title="Q4 – churn", owner="jonas"),
            "content/objectives/leads.md": OBJECTIVE.format(title="More leads", owner="anna"),
            "content/objectives/costs.md": OBJECTIVE.format(title="Lower costs", owner="jl"),
            "content/objectives/queue.md": OBJECTIVE.format(title="Shorter queue", owner="sam"),
            "content/objectives/road.md": OBJECTIVE.format(title="Hauptstraße shop", owner="lena"),
        },
    )
    out = root / "_site"
    code, output = run_cli("build", "--site", str(root), "--out", str(out), "--no-cache")
    assert code == 0, output
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


def found(browser: Any, site: Path, query: str) -> list[str]:
    """The titles the search page lists for ``query``, from disk."""
    page = browser.new_page()
    try:
        page.goto((site / "search/index.html").as_uri() + "?q=" + query)
        page.wait_for_function(
            "document.querySelector('#search-status').textContent.trim() !== ''", timeout=5000
        )
        return page.eval_on_selector_all(
            "#search-results li a bdi", "bs => bs.map(b => b.textContent)"
        )
    finally:
        page.close()


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("mueller", "Jonas Müller"),
        ("muller", "Jonas Müller"),
        ("M%C3%BCller", "Jonas Müller"),
        ("jonas%20mueller", "Jonas Müller"),
        ("schroeder", "Anna Schröder"),
        ("schroder", "Anna Schröder"),
        ("SCHROEDER", "Anna Schröder"),
        # the other way: a name written with "ue" is found by "ü"
        ("M%C3%BCller", "Lena Mueller"),
        ("strasse", "Hauptstraße shop"),
        ("hauptstrasse", "Hauptstraße shop"),
        # an en or em dash is the "-" typed
        ("jean-luc", "Jean–Luc Picard"),
        ("jean%20luc", "Jean–Luc Picard"),
        ("q4%20-%20churn", "Q4 – churn"),
        ("q4%20%E2%80%94%20churn", "Q4 – churn"),
    ],
)
def test_umlauts_as_ae_oe_ue_and_dashes_are_found(
    browser: Any, site: Path, query: str, title: str
) -> None:
    titles = found(browser, site, query)
    assert title in titles, titles


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("el", "Samuel Blue"),
        ("uel", "Samuel Blue"),
        ("queue", "Shorter queue"),
        ("eue", "Shorter queue"),
    ],
)
def test_a_real_ue_is_found_as_before(browser: Any, site: Path, query: str, title: str) -> None:
    assert title in found(browser, site, query)


def test_mueller_does_not_find_a_name_without_u(browser: Any, site: Path) -> None:
    titles = found(browser, site, "mueller")
    assert "Anna Schröder" not in titles and "Samuel Blue" not in titles, titles


def _owner(browser: Any, site: Path, query: str) -> tuple[str, bool, str]:
    """The owner choice the linked query selects, whether it is one no item
    has (data-unknown), and the count line."""
    page = browser.new_page()
    try:
        page.goto((site / "cycles/2026-Q4/index.html").as_uri() + query)
        chosen, unknown = page.eval_on_selector(
            'select[data-key="owner"]',
            "s => [s.options[s.selectedIndex].textContent,"
            " s.options[s.selectedIndex].hasAttribute('data-unknown')]",
        )
        return chosen, unknown, page.inner_text(".list-filters > .meta")
    finally:
        page.close()


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("?owner=jonas%20mueller", "Jonas Müller"),
        ("?owner=jonas%20muller", "Jonas Müller"),
        ("?owner=anna%20schroeder", "Anna Schröder"),
        ("?owner=lena%20m%C3%BCller", "Lena Mueller"),
        ("?owner=jean-luc%20picard", "Jean–Luc Picard"),
        ("?owner=Jean%E2%80%94Luc%20Picard", "Jean–Luc Picard"),
    ],
)
def test_a_linked_owner_is_found_by_either_spelling(
    browser: Any, site: Path, query: str, name: str
) -> None:
    chosen, unknown, count = _owner(browser, site, query)
    assert (chosen, unknown) == (name, False), (chosen, unknown)
    assert count == "1 of 5 shown", count
