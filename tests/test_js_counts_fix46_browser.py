"""Counts the scripts write are grouped and pluralised in the page's language
(audit 46, translator finding 4), in Chromium.

The search page wrote "1200 Treffer." on a German page whose every other
figure is grouped ("850.000"), and chose between two English forms with
``found === 1``; the list filters wrote "1000 von 1000 angezeigt". Figures
now go through ``Intl.NumberFormat`` of the page's ``<html lang>``, and the
search's words are the catalogue's ``ngettext`` forms for each CLDR plural
category of the language, picked with ``Intl.PluralRules`` (Polish "2
wyniki", "5 wyników"). Each site is built through the CLI.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import CHROMIUM, chromium
from conftest import REPO, run_cli, write_site

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]
pytest.importorskip("playwright.sync_api")

_POT = (REPO / "themes/default/translations/messages.pot").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def page() -> Iterator[Any]:
    """One page for the module: every look-up loads its address afresh, and
    the pages keep nothing in storage or cookies."""
    with chromium() as browser:
        context = browser.new_context()
        yield context.new_page()
        context.close()


def _build(root: Path, language: str, objectives: dict[str, str], files: dict[str, str]) -> Path:
    site = write_site(
        root,
        {
            "okrsite.toml": (
                f'title = "Site"\nlanguage = "{language}"\n'
                'default_cycle = "2026-Q4"\nas_of = 2026-11-15\n'
            ),
            **{f"content/objectives/{slug}.md": text for slug, text in objectives.items()},
            **files,
        },
    )
    code, out = run_cli("build", "--no-cache", "--site", str(site))
    assert code == 0, out
    return site / "_site"


def _objective(title: str, results: list[str]) -> str:
    rows = "".join(
        f"  - {{id: k{n}, title: {r}, start: 0, target: 10, current: 3}}\n"
        for n, r in enumerate(results)
    )
    return f"---\ntitle: {title}\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n{rows}---\n"


def _search(page: Any, out: Path, query: str) -> str:
    page.goto((out / "search/index.html").as_uri() + f"?q={query}")
    page.wait_for_function("document.getElementById('search-status').textContent !== ''")
    return str(page.inner_text("#search-status"))


def test_a_german_page_groups_the_counts_its_scripts_write(page: Any, tmp_path: Path) -> None:
    out = _build(
        tmp_path / "site",
        "de",
        {f"z{i}": _objective(f"Ziel {i}", ["Ergebnis A", "Ergebnis B"]) for i in range(1000)},
        {},
    )
    assert _search(page, out, "ergebnis") == "3.000 Treffer. Die ersten 100 werden gezeigt."
    page.goto((out / "cycles/2026-Q4/index.html").as_uri())
    page.wait_for_function(
        "[...document.querySelectorAll('[data-count]')].some(e => e.textContent)"
    )
    counts = page.eval_on_selector_all("[data-count]", "els => els.map(e => e.textContent)")
    assert "1.000 von 1.000 angezeigt" in counts, counts


def test_a_polish_catalogue_gives_the_search_count_its_three_forms(
    page: Any, tmp_path: Path
) -> None:
    rule = "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
    po = _POT.replace(
        '"Language-Team: LANGUAGE <LL@li.org>\\n"\n',
        f'"Language-Team: LANGUAGE <LL@li.org>\\n"\n"Language: pl\\n"\n"Plural-Forms: {rule}\\n"\n',
    )
    blank = 'msgid "%(num)s match."\nmsgid_plural "%(num)s matches."\nmsgstr[0] ""\nmsgstr[1] ""\n'
    assert blank in po
    po = po.replace(
        blank,
        'msgid "%(num)s match."\nmsgid_plural "%(num)s matches."\n'
        'msgstr[0] "%(num)s wynik."\nmsgstr[1] "%(num)s wyniki."\nmsgstr[2] "%(num)s wyników."\n',
    )
    out = _build(
        tmp_path / "site",
        "pl",
        {"cel": _objective("Cel", ["Wynik 1", "Wynik 2", "Wynik 3", "Wynik 4"])},
        {"translations/pl.po": po, "content/teams/zespol.md": "---\ntitle: Zespół zzz\n---\n"},
    )
    assert _search(page, out, "zzz") == "1 wynik."  # the team alone
    # the key result, its objective and whatever else says "1": 2 to 4 is "few"
    assert re.fullmatch(r"[234] wyniki\.", _search(page, out, "wynik%201"))
    assert _search(page, out, "wynik") == "5 wyników."
