"""The findings of a user audit, held in Chromium on sites built for them.

* ``okrsite serve``: a tab that reloads while the pages in view are written
  first, and that fetches a file the rest of the rebuild rewrites (the
  search page and ``search-index.js``), gets a second reload once that file
  is written, so it never keeps showing old figures;
* the 404 page finds the site's root, under a sub-path of a host that serves
  it for every missing path and in the preview, without a request that fails
  (each would be a console error);
* the dashboard's filter bar belongs to "Needs attention": it filters and
  counts that list only, offers the owners and teams in it, is absent when
  nothing needs attention, and its sort box names the order the list is in.
"""

from __future__ import annotations

import http.server
import re
import time
import urllib.request
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from browser_support import CHROMIUM, chromium, served_folder
from click.testing import CliRunner
from conftest import write_site
from sitecheck import conformance_problems, html_problems

from okrsite.cli import cli
from okrsite.preview import Preview
from okrsite.server import PreviewServer

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]
pytest.importorskip("playwright.sync_api")  # skip, not fail, without Playwright

AS_OF = date(2026, 11, 20)
#: generous bounds for a loaded two-core machine, but finite
WAIT_MS = 20_000


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context()
    try:
        yield ctx
    finally:
        ctx.close()


def build(src: Path, out: Path, language: str = "en") -> Path:
    """``okrsite build`` of ``src`` into ``out`` (as of AS_OF, no history)."""
    toml = src / "okrsite.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8") + f'\nlanguage = "{language}"\n', encoding="utf-8"
    )
    result = CliRunner().invoke(
        cli,
        ["build", "--site", str(src), "--as-of", AS_OF.isoformat(), "--out", str(out)]
        + ["--no-history"],
    )
    assert result.exit_code == 0, result.output
    return out


def console_errors(page: Any) -> list[str]:
    """Console errors and uncaught exceptions of ``page``, as they come."""
    seen: list[str] = []
    page.on(
        "console",
        lambda m: seen.append(f"{m.text} ({m.location.get('url')})") if m.type == "error" else None,
    )
    page.on("pageerror", lambda e: seen.append(f"uncaught: {e}"))
    return seen


# ---------------------------------------------------------------- okrsite serve

SEARCH_SITE: dict[str, str | bytes] = {
    "okrsite.toml": 'title = "Support goals"\n',
    "content/objectives/support.md": """
        ---
        title: Answer support tickets faster
        cycle: 2026-Q4
        owner: Alex Example
        team: Support
        key_results:
          - {id: self-serve, title: Resolve questions through the help centre, start: 10, target: 40, current: 18}
        ---
        """,
    "content/objectives/other.md": """
        ---
        title: Ship the new plans
        cycle: 2026-Q4
        owner: Kim Ng
        key_results:
          - {id: plans, title: Plans shipped, start: 0, target: 4, current: 1}
        ---
        """,
}


def wait_listening(pages: list[Any], preview: Preview) -> None:
    """Every page's live-reload script runs and the event stream is open."""
    for page in pages:
        page.wait_for_function("window.__okrsiteLiveReload === true", timeout=WAIT_MS)
    deadline = time.monotonic() + WAIT_MS / 1000
    while preview.server.client_count < 1:
        assert time.monotonic() < deadline, "no page opened its event stream"
        time.sleep(0.02)


def help_centre_result(page: Any) -> str:
    text: str = page.evaluate(
        "() => Array.from(document.querySelectorAll('#search-results li'))"
        ".map(li => li.textContent).filter(t => t.includes('help centre')).join('|')"
    )
    return text


def wait_result(page: Any, figure: str) -> None:
    page.wait_for_function(
        "f => Array.from(document.querySelectorAll('#search-results li'))"
        ".some(li => li.textContent.includes('help centre') && li.textContent.includes(f))",
        arg=figure,
        timeout=WAIT_MS,
        polling=20,
    )


def test_a_search_tab_reloaded_early_shows_the_rebuilt_index(context: Any, tmp_path: Path) -> None:
    """Tab 1 shows the objective being edited (so it is written first and the
    tabs reload early); tab 2, the search page, reloads with them and runs
    ``search-index.js`` before the rest of the rebuild has rewritten it: it
    must be told to reload again, and show the new figure without F5."""
    site = write_site(tmp_path / "site", SEARCH_SITE)
    lines: list[str] = []
    preview = Preview(site, port=0, as_of=AS_OF, echo=lines.append)
    try:
        preview.start()
        url = preview.server.url
        objective = context.new_page()
        objective.goto(url + "objectives/support/index.html")
        search = context.new_page()
        errors = console_errors(search)
        search.goto(url + "search/index.html?q=help+centre")
        wait_listening([objective, search], preview)
        wait_result(search, "27%")  # 18 on 10 → 40
        # As on a large site, the rest of the rebuild (the search index among
        # it) is written well after the tabs reloaded with the pages in view.
        order: list[str] = []
        sync, notify = preview.writer.sync, preview.server.notify_reload

        def late_sync(files: dict[str, bytes], **options: Any) -> list[str]:
            if "keep" in options:
                time.sleep(1.0)
                order.append("rest written")
            return sync(files, **options)

        def spy_notify(*a: Any, **k: Any) -> str:
            order.append("reload")
            return notify(*a, **k)

        preview.writer.sync = late_sync  # type: ignore[method-assign]
        preview.server.notify_reload = spy_notify  # type: ignore[method-assign]
        src = site / "content/objectives/support.md"
        src.write_text(
            src.read_text(encoding="utf-8").replace("target: 40", "target: 20"), encoding="utf-8"
        )
        wait_result(search, "80%")  # 18 on 10 → 20
        assert "27%" not in help_centre_result(search)
        # the tabs were told to reload before the rest was written (the
        # objective's page was in view), and again once it was
        assert order == ["reload", "rest written", "reload"], (order, lines)
        objective.wait_for_function(
            "() => document.body.textContent.includes('80%')", timeout=WAIT_MS, polling=20
        )
        assert errors == []
    finally:
        preview.stop()


def test_a_file_fetched_while_the_rest_is_rendered_brings_a_reload_at_the_end(
    tmp_path: Path,
) -> None:
    """Without a browser: a page in view is written first and the tabs told to
    reload; a file the rest rewrites is fetched before it is written, so the
    tabs are told again once the rebuild has written it. Fetched after the
    rebuild, it brings no second reload."""
    site = write_site(tmp_path / "site", SEARCH_SITE)
    preview = Preview(site, port=0, as_of=AS_OF, echo=lambda _m: None)
    try:
        # no watcher: the test says what changed
        assert preview.rebuild().ok
        preview.server.start()
        url = preview.server.url
        page = "objectives/support/index.html"

        def get(rel: str) -> bytes:
            with urllib.request.urlopen(url + rel) as response:
                body: bytes = response.read()
                return body

        get(page)
        notices: list[object] = []
        notify = preview.server.notify_reload

        def spy_notify(*a: Any, **k: Any) -> str:
            notices.append(a)
            return notify(*a, **k)

        preview.server.notify_reload = spy_notify  # type: ignore[method-assign]
        sync = preview.writer.sync
        fetched: list[bytes] = []

        def fetching_sync(files: dict[str, bytes], **options: Any) -> list[str]:
            if "keep" in options:  # the rest, before it is written: a tab runs its scripts
                fetched.append(get("search-index.js"))
            return sync(files, **options)

        preview.writer.sync = fetching_sync  # type: ignore[method-assign]
        src = site / "content/objectives/support.md"
        text = src.read_text(encoding="utf-8")
        src.write_text(text.replace("target: 40", "target: 20"), encoding="utf-8")
        preview.on_change({src})
        report = preview.last
        assert report is not None
        assert report.ok and "search-index.js" in report.changed
        assert fetched and fetched[0] != get("search-index.js")  # it was the old index
        assert len(notices) == 2  # once early, once when the index was written
        assert report.shown_after is None

        # the same edit back, nobody fetching the index early: one reload, early
        preview.writer.sync = sync  # type: ignore[method-assign]
        get(page)
        notices.clear()
        src.write_text(text, encoding="utf-8")
        preview.on_change({src})
        report = preview.last
        assert report is not None
        assert report.ok and "search-index.js" in report.changed
        assert len(notices) == 1 and report.shown_after is not None
    finally:
        preview.stop()


def test_the_server_remembers_every_file_fetched_since_a_mark(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "out",
        {"index.html": "<!doctype html><title>t</title><p>x", "search-index.js": "var a;"},
    )
    server = PreviewServer(root)
    server.start()
    try:

        def get(rel: str) -> None:
            with urllib.request.urlopen(server.url + rel) as response:
                response.read()

        get("index.html")
        get("search-index.js")
        mark = server.serial()
        assert server.fetched_since(mark) == set()
        get("search-index.js")
        assert server.fetched_since(mark) == {"search-index.js"}
        assert server.served_since(mark) == set()  # not a page
        get("")
        assert server.fetched_since(mark) == {"search-index.js", "index.html"}
        assert server.served_since(mark) == {"index.html"}
        assert server.pages_in_view() == ["index.html"]
    finally:
        server.stop()


# ---------------------------------------------------------------- the 404 page

PLAIN_SITE: dict[str, str | bytes] = {
    "okrsite.toml": 'title = "Plain goals"\n',
    "content/objectives/company/grow.md": """
        ---
        title: Grow the company
        cycle: 2026-Q4
        owner: Uma Diaz
        key_results:
          - {id: arr, title: Grow ARR, start: 10, target: 20, current: 12}
        ---
        """,
}


class _PagesLikeHandler(http.server.SimpleHTTPRequestHandler):
    """A static host that answers every missing path with the top-level
    ``404.html`` and status 404, as GitHub Pages does."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def pages_host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site built under ``/okr/`` of a host whose top-level 404.html is the site's."""
    served = tmp_path_factory.mktemp("host")
    src = write_site(tmp_path_factory.mktemp("src"), dict(PLAIN_SITE))
    out = build(src, served / "okr")
    (served / "404.html").write_bytes((out / "404.html").read_bytes())
    with served_folder(served, _PagesLikeHandler) as url:
        yield url


def open_missing(browser: Any, url: str, status: int = 404) -> tuple[str, list[str], list[str]]:
    """Open a missing page: its home link once found, the console errors
    other than the page's own 404, and the failed requests other than it."""
    page = browser.new_page()
    errors = console_errors(page)
    failed: list[str] = []
    page.on(
        "response",
        lambda r: (
            failed.append(f"{r.status} {r.request.method} {r.url}")
            if r.status >= 400 and r.url != url
            else None
        ),
    )
    response = page.goto(url)
    assert response is not None and response.status == status
    page.wait_for_function(
        "document.getElementById('home').getAttribute('href') !== '/'", timeout=WAIT_MS
    )
    # the requests that came before the link was set have all been answered;
    # a moment for their console messages (the preview's event stream keeps
    # the network busy, so there is no "network idle" to wait for)
    page.wait_for_timeout(300)
    home: str = page.eval_on_selector("#home", "e => e.href")
    page.close()
    # the page's own status is the one error a page not found must log
    own = f"404 (Not Found) ({url})"
    return home, [e for e in errors if not e.endswith(own)], failed


@pytest.mark.parametrize(
    "path",
    [
        "objectives/company/old-name/index.html",  # a renamed objective, four folders down
        "objectives/company/old-name/",
        "people/someone-who-left/index.html",
        "objectives/old.html",
        "404.html",  # opened as itself
    ],
)
def test_the_404_page_finds_home_under_a_sub_path_without_console_errors(
    browser: Any, pages_host: str, path: str
) -> None:
    status = 200 if path == "404.html" else 404
    home, errors, failed = open_missing(browser, f"{pages_host}okr/{path}", status)
    assert home == f"{pages_host}okr/index.html"
    assert errors == []
    assert failed == []


def test_the_404_page_still_finds_home_from_an_address_it_cannot_place(
    browser: Any, pages_host: str
) -> None:
    """No part of the address names a folder of the site: it asks the folders
    from the deepest up, as before, and still finds the root."""
    home, _, _ = open_missing(browser, f"{pages_host}okr/no-such-section/x/index.html")
    assert home == f"{pages_host}okr/index.html"


def test_the_404_page_in_the_preview_has_no_console_errors(browser: Any, tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", dict(PLAIN_SITE))
    preview = Preview(site, port=0, as_of=AS_OF, echo=lambda _m: None)
    try:
        preview.start()
        url = preview.server.url
        home, errors, failed = open_missing(browser, url + "objectives/company/old-name/index.html")
        assert home == url + "index.html"
        assert errors == [] and failed == []
    finally:
        preview.stop()


def test_the_404_page_knows_every_folder_at_the_top_of_a_site(tmp_path: Path) -> None:
    """It places an address by the names at the top of a site: a site with
    every kind of page has no other (else that page would be probed for)."""
    src = write_site(
        tmp_path / "src",
        {
            **PLAIN_SITE,
            "content/kpis/arr.md": "---\ntitle: ARR\nunit: $\ntarget: 20\n---\n",
            "content/goals/ramp.md": "---\ntitle: Ramp up\nowner: Uma Diaz\n---\n",
            "content/teams/ops.md": "---\nname: Operations\n---\n",
            "content/pages/about.md": "---\ntitle: About\n---\nHello.\n",
            "content/objectives/company/grow.md": PLAIN_SITE[
                "content/objectives/company/grow.md"
            ].replace("owner: Uma Diaz", "owner: Uma Diaz\n        tags: [growth]"),
        },
    )
    out = build(src, tmp_path / "out")
    page = (out / "404.html").read_text(encoding="utf-8")
    found = re.search(r'var TOP = "([^"]*)"', page)
    assert found, "the 404 page's list of top-level names"
    known = set(found.group(1).split())
    # (not the marker okrsite build leaves for itself, which no page links to)
    top = {p.name for p in out.iterdir() if p.name != ".okrsite-output"}
    assert {"objectives", "kpis", "goals", "teams", "people", "tags", "pages"} <= top
    assert top - known == set()


# ---------------------------------------------------------------- the dashboard

DASHBOARD_SITE: dict[str, str | bytes] = {
    "okrsite.toml": 'title = "Dashboard goals"\n',
    # two objectives off track, by owners and teams of their own
    "content/objectives/zeta.md": """
        ---
        title: Zeta growth
        cycle: 2026-Q4
        owner: Kim Ng
        team: Sales
        key_results:
          - {id: a, title: Deals closed, start: 0, target: 10}
        ---
        """,
    "content/objectives/beta.md": """
        ---
        title: Beta launch
        cycle: 2026-Q4
        owner: Lee Park
        team: Marketing
        key_results:
          - {id: a, title: Sign-ups, start: 0, target: 10}
        ---
        """,
    "content/checkins/2026-11-18-zeta.md": """
        ---
        objective: zeta
        date: 2026-11-18
        author: Kim Ng
        confidence: 3
        values: {a: 1}
        ---
        """,
    "content/checkins/2026-11-18-beta.md": """
        ---
        objective: beta
        date: 2026-11-18
        author: Lee Park
        confidence: 5
        values: {a: 3}
        ---
        """,
    # on track, recent and confident: not in "Needs attention"
    "content/objectives/alpha.md": """
        ---
        title: Alpha platform
        cycle: 2026-Q4
        owner: Uma Diaz
        team: Platform
        key_results:
          - {id: a, title: Services moved, start: 0, target: 10}
        ---
        """,
    "content/checkins/2026-11-18-alpha.md": """
        ---
        objective: alpha
        date: 2026-11-18
        author: Uma Diaz
        confidence: 8
        values: {a: 9}
        ---
        """,
}

ATTENTION = "section[aria-labelledby=attention]"


@pytest.fixture(scope="module")
def dashboards(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The dashboard site built in English and German, and a site where
    nothing needs attention (only the healthy objective)."""
    built = {}
    for language in ("en", "de"):
        src = write_site(tmp_path_factory.mktemp(f"src-{language}"), dict(DASHBOARD_SITE))
        built[language] = build(src, tmp_path_factory.mktemp(f"out-{language}"), language)
    calm = {k: v for k, v in DASHBOARD_SITE.items() if "zeta" not in k and "beta" not in k}
    src = write_site(tmp_path_factory.mktemp("src-calm"), calm)
    built["calm"] = build(src, tmp_path_factory.mktemp("out-calm"))
    return built


def test_the_dashboards_are_valid_html(dashboards: dict[str, Path]) -> None:
    problems = []
    for name, out in dashboards.items():
        html = (out / "index.html").read_bytes()
        problems += [f"{name}: {p}" for p in html_problems(html) + conformance_problems(html)]
    assert problems == []


def attention_rows(page: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = page.eval_on_selector_all(
        f"{ATTENTION} ul.objs > li",
        "els => els.map(e => ({title: e.querySelector('.obj-title').textContent,"
        " owner: e.dataset.ownerLabel, team: e.dataset.teamLabel, hidden: e.hidden}))",
    )
    return rows


def choices(page: Any, key: str) -> list[str]:
    options: list[str] = page.eval_on_selector_all(
        f'{ATTENTION} select[data-key="{key}"] option', "os => os.slice(1).map(o => o.textContent)"
    )
    return options


def test_the_dashboard_filter_bar_belongs_to_needs_attention(
    browser: Any, dashboards: dict[str, Path]
) -> None:
    page = browser.new_page()
    errors = console_errors(page)
    page.goto((dashboards["en"] / "index.html").as_uri())
    rows = attention_rows(page)
    assert [r["title"] for r in rows] == ["Zeta growth", "Beta launch"]  # worst first
    cards = page.eval_on_selector_all(
        "ul.cards > li", "els => els.map(e => e.querySelector('h3').textContent)"
    )
    assert sorted(cards) == ["Alpha platform", "Beta launch", "Zeta growth"]

    bar = page.locator(f"{ATTENTION} .list-filters")
    assert bar.count() == 1 and bar.is_visible()
    assert page.locator(".list-filters").count() == 1
    # it sits right above the list it filters
    assert page.eval_on_selector(
        f"{ATTENTION} .list-filters", "b => b.nextElementSibling.matches('ul.objs')"
    )
    assert page.inner_text(f"{ATTENTION} [data-count]") == "2 of 2 shown"
    assert choices(page, "owner") == ["Kim Ng", "Lee Park"]
    assert choices(page, "team") == ["Marketing", "Sales"]
    sort = f'{ATTENTION} select[data-key="sort"]'
    assert page.eval_on_selector(sort, "s => s.options[s.selectedIndex].textContent") == (
        "worst first"
    )
    assert "title" not in page.eval_on_selector_all(
        f"{sort} option", "os => os.map(o => o.textContent)"
    )

    # a team: the attention list only, counted alone; the cards stay
    page.select_option(f'{ATTENTION} select[data-key="team"]', label="Sales")
    assert [r["title"] for r in attention_rows(page) if not r["hidden"]] == ["Zeta growth"]
    assert page.inner_text(f"{ATTENTION} [data-count]") == "1 of 2 shown"
    assert page.eval_on_selector_all("ul.cards > li[hidden]", "e => e.length") == 0
    assert page.eval_on_selector_all("ul.cards > li", "e => e.length") == 3
    page.select_option(f'{ATTENTION} select[data-key="team"]', "")

    # another order and back: worst first again
    page.select_option(sort, "confidence")
    assert [r["title"] for r in attention_rows(page)] == ["Zeta growth", "Beta launch"]
    page.select_option(sort, "progress")
    assert "sort=progress" in page.url
    page.select_option(sort, "")
    assert [r["title"] for r in attention_rows(page)] == ["Zeta growth", "Beta launch"]
    assert errors == []
    page.close()


def test_the_dashboard_sort_box_in_german(browser: Any, dashboards: dict[str, Path]) -> None:
    page = browser.new_page()
    page.goto((dashboards["de"] / "index.html").as_uri())
    sort = f'{ATTENTION} select[data-key="sort"]'
    assert page.eval_on_selector(sort, "s => s.options[s.selectedIndex].textContent") == (
        "die schlimmsten zuerst"
    )
    page.close()


def test_with_nothing_needing_attention_the_dashboard_has_no_filter_bar(
    browser: Any, dashboards: dict[str, Path]
) -> None:
    out = dashboards["calm"]
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "Nothing needs attention" in html
    page = browser.new_page()
    errors = console_errors(page)
    page.goto((out / "index.html").as_uri())
    assert page.locator(".list-filters").count() == 0
    assert page.eval_on_selector_all("ul.cards > li:not([hidden])", "e => e.length") == 1
    assert errors == []
    page.close()
