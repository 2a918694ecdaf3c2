"""ä ö ü written ae oe ue, and dashes, in the search and the list filters, in
Chromium, on a site built through the real CLI.

Session 48: ``mueller`` found nothing for "Jonas Müller" (``muller`` did):
a German user types "ue" for "ü". Nor did ``schroeder`` find "Anna
Schröder", nor ``jean-luc`` "Jean–Luc Picard" (an en dash), nor
``?owner=jonas%20mueller`` pick him in a list's owner filter. Both scripts
now give a word its spellings (its fold, and the fold with ae, oe, ue where
it has ä, ö or ü) and fold every dash to "-"; "ue" is never turned into
"u", so a word with a real "ue" ("Samuel", "queue") is found as before.

The site, the page and the two look-ups are tests/names_site_pages.py's,
shared with test_filter_fold_browser.py and
test_search_apostrophes_fix47_browser.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import CHROMIUM
from names_site_pages import OBJECTIVE, built_names_site, found, linked_owner, one_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]
pytest.importorskip("playwright.sync_api")  # skip, not fail, without Playwright


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_names_site(
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
        "--no-cache",
    )


@pytest.fixture(scope="module")
def page() -> Iterator[Any]:
    with one_page() as p:
        yield p


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
    page: Any, site: Path, query: str, title: str
) -> None:
    titles = found(page, site, query)
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
def test_a_real_ue_is_found_as_before(page: Any, site: Path, query: str, title: str) -> None:
    assert title in found(page, site, query)


def test_mueller_does_not_find_a_name_without_u(page: Any, site: Path) -> None:
    titles = found(page, site, "mueller")
    assert "Anna Schröder" not in titles and "Samuel Blue" not in titles, titles


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
    page: Any, site: Path, query: str, name: str
) -> None:
    chosen, unknown, count = linked_owner(page, site, query)
    assert (chosen, unknown) == (name, False), (chosen, unknown)
    assert count == "1 of 5 shown", count
