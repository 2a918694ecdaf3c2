"""The search page in Chromium: a result is the theme's markup, and the query
stays in the address.

A result is a copy of ``partials/search_result.html`` with its words filled
in as text, its status badge and bar copies of ``status_badge.html`` and
``progress_bar.html``; a theme's versions of those show in the results. The
query typed is kept in the address (``history.replaceState``), so Back from
a result and a reload show what was typed, from ``file://`` and over HTTP
under a sub-path. The print line of the list filters takes its words from
``list_filters.html`` (``data-pair``), so a site's catalogue changes it.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import CHROMIUM, chromium, served_folder
from click.testing import CliRunner
from conftest import REPO

from okrsite.cli import cli

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]
pytest.importorskip("playwright.sync_api")  # skip, not fail, without Playwright

RESULT = """\
<li class="theme-result"><a data-slot="link"><bdi data-slot="title"></bdi></a>
<em><span data-part><span class="sep"> / </span><bdi data-slot="owner"></bdi></span><span data-part><span class="sep"> / </span><bdi data-slot="team"></bdi></span><span data-part><span class="sep"> / </span><bdi data-slot="cycle"></bdi></span></em>
<span data-slot="status"></span><span data-slot="progress"></span></li>
"""
BADGE = '<mark class="theme-status">{{ status|upper }}</mark>'
BAR = '<meter class="theme-bar" aria-label="{{ label }}"><span class="pct"></span></meter>'


def build(root: Path) -> Path:
    out = root / "_site"
    result = CliRunner().invoke(
        cli,
        ["build", "--site", str(root), "--out", str(out), "--as-of", "2026-11-20", "--no-cache"],
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def themed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site with a theme's own result, badge and bar, and its
    own words for the print line of the filters."""
    root = tmp_path_factory.mktemp("themed")
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "okrsite.toml", root / "okrsite.toml")
    partials = root / "themes/default/templates/partials"
    partials.mkdir(parents=True)
    (partials / "search_result.html").write_text(RESULT, encoding="utf-8")
    (partials / "status_badge.html").write_text(BADGE, encoding="utf-8")
    (partials / "progress_bar.html").write_text(BAR, encoding="utf-8")
    (root / "content/objectives/tagged.md").write_text(
        "---\ntitle: Ship <b>tagged</b> & more\ncycle: 2026-Q4\nowner: uma\n"
        "key_results:\n  - {id: a, title: Ship, start: 0, target: 10}\n---\n",
        encoding="utf-8",
    )
    (root / "translations").mkdir()
    (root / "translations/en.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "%(filter)s: %(value)s"\nmsgstr "%(filter)s = %(value)s"\n',
        encoding="utf-8",
    )
    return build(root)


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("plain")
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "okrsite.toml", root / "okrsite.toml")
    return build(root)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def context(browser: Any) -> Iterator[Any]:
    """One context for the module's pages: the search and the filters keep
    their state in the address alone (no storage, no cookies), and each test
    opens a page of its own, with a history of its own for Back."""
    context = browser.new_context()
    yield context
    context.close()


def results(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "#search-results li", "lis => lis.map(li => li.outerHTML.replace(/\\s+/g, ' ').trim())"
    )


def test_a_result_is_the_themes_markup(context: Any, themed: Path) -> None:
    page = context.new_page()
    page.goto((themed / "search/index.html").as_uri() + "?q=bookings")
    shown = results(page)
    assert shown[0] == (
        '<li class="theme-result"><a data-slot="link" href="../objectives/sales/q4-bookings/'
        'index.html"><bdi data-slot="title">Hit Q4 bookings with a shorter, more predictable '
        'sales cycle</bdi></a> <em><span data-part=""><bdi data-slot="owner">Daniel Okafor</bdi>'
        '</span><span data-part=""><span class="sep"> / </span><bdi data-slot="team">Sales</bdi>'
        '</span><span data-part=""><span class="sep"> / </span><bdi data-slot="cycle">2026-Q4'
        '</bdi></span></em> <mark class="theme-status">ON-TRACK</mark><meter class="theme-bar" '
        'aria-label="Progress of Hit Q4 bookings with a shorter, more predictable sales cycle">'
        '<span class="pct">50%</span></meter></li>'
    )
    # a title is text, never markup
    page.goto((themed / "search/index.html").as_uri() + "?q=tagged")
    assert results(page)[0].startswith(
        '<li class="theme-result"><a data-slot="link" href="../objectives/tagged/index.html">'
        '<bdi data-slot="title">Ship &lt;b&gt;tagged&lt;/b&gt; &amp; more</bdi></a>'
    )
    page.close()


def test_the_default_result_keeps_escaped_words_and_bdi(context: Any, plain: Path) -> None:
    page = context.new_page()
    page.goto((plain / "search/index.html").as_uri() + "?q=bookings")
    li = page.locator("#search-results li").first
    assert li.locator("a.obj-title bdi").inner_text().startswith("Hit Q4 bookings")
    assert li.locator(".meta").inner_text() == "Daniel Okafor · Sales · 2026-Q4"
    assert li.locator(".meta bdi").all_inner_texts() == ["Daniel Okafor", "Sales", "2026-Q4"]
    assert li.locator(".status").inner_text() == "on track"
    assert li.locator('[role="progressbar"]').get_attribute("aria-valuenow") == "50"
    assert li.locator(".pct").inner_text() == "50%"
    # a person has no owner: the line starts with the team, no separator before it
    page.goto((plain / "search/index.html").as_uri() + "?q=sofia")
    person = page.locator("ul.search-person li").first
    assert person.locator(".meta").inner_text() == "Sales EMEA"
    page.close()


@pytest.mark.parametrize("how", ["file", "http"])
def test_back_and_reload_show_the_query_typed(context: Any, plain: Path, how: str) -> None:
    page = context.new_page()
    with served_folder(plain.parent) as base:
        if how == "file":
            start = (plain / "search/index.html").as_uri()
        else:  # under a sub-path, as a host serves a project's pages
            start = f"{base}{plain.name}/search/index.html"
        page.goto(start)
        page.fill("#search-q", "sofia emea")
        # the address follows the box as the script handles the input (under
        # load a moment later than fill returns): waited for, not raced
        page.wait_for_function("location.search === '?q=sofia+emea'", timeout=10_000)
        assert page.url.endswith("search/index.html?q=sofia+emea")
        first = page.locator("#search-results a").first
        title = first.inner_text()
        first.click()
        page.wait_for_load_state()
        assert "search" not in page.url
        page.go_back()
        page.wait_for_load_state()
        assert page.input_value("#search-q") == "sofia emea"
        assert page.locator("#search-results a").first.inner_text() == title
        # a changed query survives a reload
        page.fill("#search-q", "nps")
        page.reload()
        assert page.input_value("#search-q") == "nps"
        assert page.input_value("#site-search") == "nps"
        assert "Raise NPS from 31 to 40" in page.inner_text("#search-results")
        # an emptied box empties the address's query
        page.fill("#search-q", "")
        page.wait_for_function("location.search === ''", timeout=10_000)
        assert page.url.endswith("search/index.html")
    page.close()


def test_the_print_line_takes_its_words_from_the_partial(context: Any, themed: Path) -> None:
    page = context.new_page()
    page.goto((themed / "cycles/2026-Q4/index.html").as_uri() + "?status=on-track")
    line = page.eval_on_selector(".filter-print", "p => p.textContent")
    assert line.startswith("Status = ") and " · " in line
    assert page.eval_on_selector(".filter-print", "p => p.hasAttribute('data-pair')")
    page.close()
