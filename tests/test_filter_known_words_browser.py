"""A linked filter value that no item of the page has is named in the page's
words (audit 44, i18nfr finding 2): ``?status=off-track`` on a German page
shows "nicht im Plan" in the select and the note, not the id; a team or
owner no item has stays as written.

A small German site written as a user writes it, built with ``okrsite build``,
its cycle page opened in Chromium."""

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


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site")
    objective = (
        "---\ntitle: Ziel {n}\ncycle: 2026-Q4\nowner: Uma Diaz\nteam: vertrieb\n"
        "key_results:\n  - {{id: a, title: Kunden, start: 0, target: 10, current: 5}}\n---\n"
    )
    write_site(
        root,
        {
            "okrsite.toml": 'title = "Acme"\nlanguage = "de"\nas_of = 2026-12-05\n',
            "content/teams/vertrieb.md": "---\ntitle: Vertrieb\n---\n",
            "content/teams/ops.md": "---\ntitle: Zürich Ops\n---\n",
            "content/people/uma-diaz.md": "---\ntitle: Uma Diaz\n---\n",
            "content/people/zoe-wu.md": "---\ntitle: Zoë Wu\n---\n",
            "content/objectives/z1.md": objective.format(n=1),
            "content/objectives/z2.md": objective.format(n=2),
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


def _open(browser: Any, site: Path, query: str) -> tuple[list[str], str, str]:
    """The options of the select the query names, the note and the count."""
    page = browser.new_page()
    page.goto((site / "cycles/2026-Q4/index.html").as_uri() + query)
    key = query[1:].split("=")[0]
    options = page.eval_on_selector_all(
        f'select[data-key="{key}"] option', "os => os.map(o => o.textContent)"
    )
    note = page.inner_text(".filter-unknown > span")
    count = page.inner_text(".list-filters > .meta")
    page.close()
    return options, note, count


def test_a_status_no_item_has_is_named_by_its_word(browser: Any, site: Path) -> None:
    options, note, count = _open(browser, site, "?status=off-track")
    assert options[-1] == "nicht im Plan", options
    assert "off-track" not in options
    assert note == "Nichts auf dieser Seite hat Status „nicht im Plan“.", note
    assert count == "0 von 2 angezeigt"


def test_a_team_or_person_no_item_has_stays_as_written(browser: Any, site: Path) -> None:
    """Every name of the site on every page with a list would weigh tens of
    kilobytes a page at 2,500 people: a team or owner no item has is named
    as the address writes it."""
    options, note, _ = _open(browser, site, "?owner=ghost")
    assert options[-1] == "ghost" and "„ghost“" in note, (options, note)
    options, note, _ = _open(browser, site, "?team=ops")
    assert options[-1] == "ops" and "„ops“" in note, (options, note)
