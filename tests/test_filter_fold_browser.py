"""The list filters fold a linked name as the search does, in Chromium, on a
site built through the real CLI.

Session 47 made search.js drop apostrophes (``'``, ``’``, ``‘``, ``ʼ``)
besides accents and case, so ``oneil`` finds "Zoë O'Neil"; filters.js kept
its own fold, and ``?owner=zoe oneil`` found nobody: the list showed 0
matches and a note that nothing on the page has that owner. The two scripts
cannot share a function at run time (list pages load filters.js alone, and
search.js runs before the deferred filters.js on the search page), so
filters.js holds a copy of search.js's rule; the last test runs both copies,
as the built site ships them, on the same strings and asserts they agree.

The site, the page and the linked-owner look-up are
tests/names_site_pages.py's, shared with
test_search_umlauts_dashes_fix48_browser.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import CHROMIUM
from names_site_pages import OBJECTIVE, built_names_site, linked_owner, one_page

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
        tmp_path_factory.mktemp("filterfold"),
        {
            "okrsite.toml": 'title = "Names"\nas_of = 2026-11-20\n',
            "content/people/zoe.md": "---\ntitle: Zoë O'Neil\n---\n",
            "content/people/dara.md": "---\ntitle: Dara O’Brien\n---\n",
            "content/people/jose.md": "---\ntitle: José Núñez\n---\n",
            "content/objectives/churn.md": OBJECTIVE.format(title="Cut churn", owner="zoe"),
            "content/objectives/leads.md": OBJECTIVE.format(title="More leads", owner="dara"),
            "content/objectives/costs.md": OBJECTIVE.format(title="Lower costs", owner="jose"),
        },
        "--no-cache",
    )


@pytest.fixture(scope="module")
def page() -> Iterator[Any]:
    with one_page() as p:
        yield p


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("?owner=zoe%20oneil", "Zoë O'Neil"),
        ("?owner=ZOE%20O%E2%80%99NEIL", "Zoë O'Neil"),
        ("?owner=zo%C3%AB%20o'neil%20", "Zoë O'Neil"),
        ("?owner=dara%20obrien", "Dara O’Brien"),
        ("?owner=Dara%20O'Brien", "Dara O’Brien"),
        ("?owner=jose%20nunez", "José Núñez"),
    ],
)
def test_a_linked_owner_is_found_with_or_without_apostrophes(
    page: Any, site: Path, query: str, name: str
) -> None:
    chosen, unknown, count = linked_owner(page, site, query)
    assert (chosen, unknown) == (name, False), (chosen, unknown)
    assert count == "1 of 3 shown", count


# accents, apostrophes of every kind, case, ß and the letters NFKD leaves
# whole, each alone and mixed, as names and typed queries write them
STRINGS = [
    "Zoë O'Neil",
    "zoe oneil",
    "O’Brien",
    "d‘Angelo",
    "Oʼneil",
    "ZOË",
    "Straße",
    "STRASSE",
    "ẞ",
    "Ångström",
    "José Núñez",
    "Søren Ærø Œuvre",
    "Łódź Đorđe",
    "Iİıi",
    "Zürich Ops",
    "  padded  ",
    "",
    # session 48: ä ö ü written ae oe ue (both spellings kept), and dashes
    "Müller",
    "mueller",
    "Schröder",
    "SCHROEDER",
    "Mu\u0308ller",
    "Äbi Öz",
    "queue blue Samuel",
    "Jean–Luc",
    "Q4 — churn",
    "a‐b‑c‒d―e−f",
]


def _fold_of(script: str) -> str:
    """The FOLDED table and the fold and spellings functions of a shipped
    script, as written."""
    found = re.search(
        r"  var FOLDED = .*?\n  function fold\(s\) \{\n.*?\n  \}\n"
        r"  function spellings\(s\) \{\n.*?\n  \}\n",
        script,
        re.S,
    )
    assert found, "no fold in the script"
    return found.group(0)


def test_the_filters_fold_as_the_search_does(page: Any, site: Path) -> None:
    folded = {}
    for name in ("search.js", "filters.js"):
        code = _fold_of((site / "static" / name).read_text(encoding="utf-8"))
        folded[name] = page.evaluate(
            "strings => {" + code + "return strings.map(s => [fold(s), spellings(s)]); }",
            STRINGS,
        )
    assert folded["filters.js"] == folded["search.js"], folded
    by_string = {s: f for s, (f, _) in zip(STRINGS, folded["search.js"], strict=True)}
    spelt = {s: w for s, (_, w) in zip(STRINGS, folded["search.js"], strict=True)}
    assert by_string["Zoë O'Neil"] == by_string["zoe oneil"] == "zoe oneil"
    assert by_string["Straße"] == by_string["STRASSE"] == "strasse"
    # ä ö ü: their fold and the fold written ae oe ue, composed or not; no
    # other word gains or loses a spelling ("ue" of "queue" stays)
    assert spelt["Müller"] == spelt["Mu\u0308ller"] == ["muller", "mueller"]
    assert spelt["mueller"] == ["mueller"]
    assert spelt["Schröder"] == ["schroder", "schroeder"]
    assert spelt["SCHROEDER"] == ["schroeder"]
    assert spelt["Äbi Öz"] == ["abi oz", "aebi oez"]
    assert spelt["queue blue Samuel"] == ["queue blue samuel"]
    assert spelt["Zoë O'Neil"] == ["zoe oneil"]
    # every dash is the "-" a keyboard types
    assert by_string["Jean–Luc"] == "jean-luc"
    assert by_string["Q4 — churn"] == "q4 - churn"
    assert by_string["a‐b‑c‒d―e−f"] == "a-b-c-d-e-f"
