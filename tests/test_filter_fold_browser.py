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
"""

from __future__ import annotations

import re
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
    )
    out = root / "_site"
    code, output = run_cli("build", "--site", str(root), "--out", str(out), "--no-cache")
    assert code == 0, output
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


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
        ("?owner=zoe%20oneil", "Zoë O'Neil"),
        ("?owner=ZOE%20O%E2%80%99NEIL", "Zoë O'Neil"),
        ("?owner=zo%C3%AB%20o'neil%20", "Zoë O'Neil"),
        ("?owner=dara%20obrien", "Dara O’Brien"),
        ("?owner=Dara%20O'Brien", "Dara O’Brien"),
        ("?owner=jose%20nunez", "José Núñez"),
    ],
)
def test_a_linked_owner_is_found_with_or_without_apostrophes(
    browser: Any, site: Path, query: str, name: str
) -> None:
    chosen, unknown, count = _owner(browser, site, query)
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


def test_the_filters_fold_as_the_search_does(browser: Any, site: Path) -> None:
    page = browser.new_page()
    try:
        folded = {}
        for name in ("search.js", "filters.js"):
            code = _fold_of((site / "static" / name).read_text(encoding="utf-8"))
            folded[name] = page.evaluate(
                "strings => {" + code + "return strings.map(s => [fold(s), spellings(s)]); }",
                STRINGS,
            )
    finally:
        page.close()
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
