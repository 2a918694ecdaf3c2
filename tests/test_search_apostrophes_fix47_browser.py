"""Search folds apostrophes, in Chromium, on a site built through the real CLI.

Audit 47 (bigco, finding 3): ``oneil`` found nothing for "Zoë O'Neil": the
apostrophe had to be typed, as people seldom do (``obrien``, ``dangelo``).
static/search.js folds the index's words and the query by one rule, which
now drops ``'``, ``’``, ``‘`` and ``ʼ`` besides accents and case. A person's
``email`` is not in the index: no page of the site shows it (docs/site.md).

The site, the page and the search look-up are tests/names_site_pages.py's.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import CHROMIUM
from names_site_pages import built_names_site, found, one_page

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
        tmp_path_factory.mktemp("apostrophes"),
        {
            "okrsite.toml": 'title = "Names"\n',
            "content/people/zoe.md": "---\ntitle: Zoë O'Neil\nemail: zoe.oneil@globex.com\n---\n",
            "content/people/jose.md": "---\ntitle: José Núñez\nemail: jose.nunez@globex.com\n---\n",
            "content/people/dara.md": "---\ntitle: Dara O’Brien\n---\n",
            "content/objectives/churn.md": (
                "---\ntitle: Cut churn\ncycle: 2026-Q4\nowner: zoe.oneil@globex.com\n"
                "key_results:\n  - {id: a, title: A, start: 0, target: 10}\n---\n"
            ),
        },
        "--as-of",
        "2026-11-20",
    )


@pytest.fixture(scope="module")
def page() -> Iterator[Any]:
    with one_page() as p:
        yield p


@pytest.mark.parametrize("query", ["oneil", "ONeil", "o'neil", "O’Neil", "Oʼneil", "zoe oneil"])
def test_a_name_with_an_apostrophe_is_found_with_or_without_it(
    page: Any, site: Path, query: str
) -> None:
    titles = found(page, site, query)
    assert "Zoë O'Neil" in titles and "Cut churn" in titles, titles


@pytest.mark.parametrize(
    ("query", "title"),
    [("obrien", "Dara O’Brien"), ("o'brien", "Dara O’Brien"), ("nunez", "José Núñez")],
)
def test_curly_apostrophes_and_accents_fold_too(
    page: Any, site: Path, query: str, title: str
) -> None:
    assert title in found(page, site, query)


def test_an_email_is_not_in_the_index_as_no_page_shows_it(page: Any, site: Path) -> None:
    assert found(page, site, "jose.nunez@globex.com") == []
    assert b"globex.com" not in (site / "search-index.js").read_bytes()
