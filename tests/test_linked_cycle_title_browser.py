"""A list filter linked to a cycle that no item of the page has names it by
its title, as every other page does (session 45 leftovers): the team page
of Service, whose objectives are all of FY28 Q4, opened as
``?cycle=FY28%20Sprint%207`` said 'Nichts auf dieser Seite hat Zyklus
„FY28 Sprint 7“' and chose "FY28 Sprint 7", where the site names that
cycle "Sprint 7 (Feb/Mär)" (its ``title`` in okrsite.toml).

A small German fiscal site written as a user writes it, built with
``okrsite build``, its team page opened in Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

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

TOML = """title = "Ziele"
language = "de"
fiscal_year_start = 4
as_of = "29.02.2028"
[cycles."FY28 Sprint 7"]
start = "2028-02-16"
end = "2028-03-01"
title = "Sprint 7 (Feb/Mär)"
"""


def _objective(title: str, cycle: str, team: str) -> str:
    return (
        f"---\ntitle: {title}\ncycle: {cycle}\nowner: Uma Diaz\nteam: {team}\n"
        "key_results:\n  - {id: a, title: A, target: 10, current: 5}\n"
        "  - {id: b, title: B, target: 10, current: 2}\n---\n"
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site")
    write_site(
        root,
        {
            "okrsite.toml": TOML,
            "content/teams/vertrieb.md": "---\ntitle: Vertrieb\n---\n",
            "content/teams/service.md": "---\ntitle: Service\n---\n",
            "content/objectives/s.md": _objective("Sprintziel", "FY28 Sprint 7", "Vertrieb"),
            "content/objectives/q.md": _objective("Quartalsziel", "FY28 Q4", "Service"),
            "content/objectives/r.md": _objective("Zweites Ziel", "FY28 Q4", "Service"),
        },
    )
    out = tmp_path_factory.mktemp("out")
    code, output = run_cli("build", "--site", str(root), "--out", str(out), "--no-cache")
    assert code == 0, output
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


@pytest.mark.parametrize("linked", ["FY28 Sprint 7", "sprint 7 (feb/mar)"])
def test_a_linked_cycle_no_item_has_is_named_by_its_title(
    browser: Any, site: Path, linked: str
) -> None:
    page = browser.new_page()
    page.goto((site / "teams/service/index.html").as_uri() + "?cycle=" + quote(linked))
    chosen = page.eval_on_selector(
        'select[data-key="cycle"]', "s => s.options[s.selectedIndex].textContent"
    )
    note = page.inner_text(".filter-unknown > span")
    printed = page.text_content(".filter-print")
    page.close()
    assert chosen == "Sprint 7 (Feb/Mär)", chosen
    assert note == "Nichts auf dieser Seite hat Zyklus „Sprint 7 (Feb/Mär)“.", note
    assert printed == "Zyklus: Sprint 7 (Feb/Mär) · 0 von 2 angezeigt", printed


def test_a_cycle_named_by_its_name_everywhere_is_linked_as_written(
    browser: Any, site: Path
) -> None:
    page = browser.new_page()
    page.goto((site / "teams/vertrieb/index.html").as_uri() + "?cycle=2030-Q1")
    note = page.inner_text(".filter-unknown > span")
    page.close()
    assert note == "Nichts auf dieser Seite hat Zyklus „2030-Q1“.", note
