"""The list filters' cycle choices name a cycle by its ``title``, as every
page does (audit 44 verifya R2, fiscal 8): a custom cycle
``[cycles."FY28 Sprint 7"]`` with ``title = "Sprint 7 (Feb/Mär)"`` is
offered as "Sprint 7 (Feb/Mär)", not by its raw name under a heading that
says "Ziele in Sprint 7 (Feb/Mär)", and ``?cycle=`` finds it by its name or
its title.

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


def _objective(title: str, cycle: str) -> str:
    return (
        f"---\ntitle: {title}\ncycle: {cycle}\nowner: Uma Diaz\nteam: Vertrieb\n"
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
            "content/objectives/s.md": _objective("Sprintziel", "FY28 Sprint 7"),
            "content/objectives/q.md": _objective("Quartalsziel", "FY28 Q4"),
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


def _open(browser: Any, page_file: Path, query: str = "") -> dict[str, Any]:
    """The cycle select's options (value|text), its chosen text, the count
    and the line print shows."""
    page = browser.new_page()
    page.goto(page_file.as_uri() + query)
    seen = {
        "options": page.eval_on_selector_all(
            'select[data-key="cycle"] option',
            "os => os.map(o => o.value + '|' + o.textContent)",
        ),
        "chosen": page.eval_on_selector(
            'select[data-key="cycle"]', "s => s.options[s.selectedIndex].textContent"
        ),
        "count": page.inner_text(".list-filters > .meta"),
        "printed": page.text_content(".filter-print"),
        "note_hidden": page.eval_on_selector(".filter-unknown", "n => n.hidden"),
    }
    page.close()
    return seen


def test_the_cycle_choice_is_the_cycles_title(browser: Any, site: Path) -> None:
    seen = _open(browser, site / "teams/vertrieb/index.html")
    assert seen["options"] == [
        "|alle",
        "FY2028-Q4|FY2028-Q4",
        "FY28 Sprint 7|Sprint 7 (Feb/Mär)",
    ], seen
    assert seen["count"] == "2 von 2 angezeigt"


@pytest.mark.parametrize("linked", ["FY28 Sprint 7", "sprint 7 (feb/mar)"])
def test_a_cycle_is_linked_by_its_name_or_its_title(browser: Any, site: Path, linked: str) -> None:
    seen = _open(browser, site / "teams/vertrieb/index.html", "?cycle=" + quote(linked))
    assert seen["chosen"] == "Sprint 7 (Feb/Mär)", seen
    assert seen["count"] == "1 von 2 angezeigt"
    assert seen["printed"] == "Zyklus: Sprint 7 (Feb/Mär) · 1 von 2 angezeigt", seen
    assert seen["note_hidden"] is True


def test_the_dashboards_attention_filters_name_it_too(browser: Any, site: Path) -> None:
    seen = _open(browser, site / "index.html")
    assert "FY28 Sprint 7|Sprint 7 (Feb/Mär)" in seen["options"], seen
    assert not any(o.endswith("|FY28 Sprint 7") for o in seen["options"]), seen
