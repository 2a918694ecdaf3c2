"""Every page kind of a hand-written site in Chromium, English and German.

The site is the hard case for the templates: a Hebrew owner and an Arabic
team (names in ``<bdi>``), a cycle that ended (the dashboard's "ended"
sentence, "last confidence"), a cycle not started yet (built a second time
with as_of before it), a roll-up key result with weighted objectives under
it (the explain rows), long unbroken titles, tags and addresses, a KPI
without data, check-in notes and bodies with headings named like the page's
own sections, a draft key result (its row is greyed).

Each page must be valid HTML by the rules of tests/sitecheck.py (the Nu
checker's that a template can break), show no console error and fail no
request from disk (file://) and over HTTP under a sub-path, have no serious
or critical axe violation, and not scroll sideways at 360 px.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import CHROMIUM, axe_violations, chromium, serious, served_folder
from built_once import made_once
from click.testing import CliRunner
from conftest import write_site
from sitecheck import conformance_problems, dangling_separators, html_problems

from okrsite.cli import cli

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]
pytest.importorskip("playwright.sync_api")  # skip, not fail, without Playwright

LONG_URL = (
    "https://example.com/a/very/long/path/without/any/break/points/for/narrow/screens/index.html"
)
LONG_WORD = "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstalt"

SITE: dict[str, str | bytes] = {
    "okrsite.toml": """
        title = "צוות הצמיחה — יעדים"
        description = "Right-to-left names, an ended cycle, one not started, a roll-up."
        repo_url = "https://github.com/example/goals"
        # the dashboard lists one objective of "Needs attention" and "Stale
        # objectives", so that attention/index.html lists them all
        dashboard_attention = 1
        """,
    "content/people/noa-cohen.md": """
        ---
        name: נועה כהן
        role: מנהלת מוצר
        team: فريق النمو
        ---
        נועה מובילה את צוות הצמיחה.
        """,
    "content/people/omar-haddad.md": """
        ---
        name: عمر حداد
        role: مهندس بيانات
        team: فريق النمو
        ---
        """,
    "content/teams/growth.md": """
        ---
        name: فريق النمو
        lead: נועה כהן
        ---
        الفريق المسؤول عن النمو.
        """,
    "content/teams/ops.md": "---\nname: Operations\nlead: Uma Diaz\n---\n",
    "content/objectives/beta.md": """
        ---
        title: להשיק את גרסת הבטא
        cycle: 2026-Q3
        owner: נועה כהן
        team: فريق النمو
        tags: [צמיחה, beta]
        key_results:
          - {id: accounts, title: חשבונות בבטא, start: 0, target: 20}
          - {id: bugs, title: Bugs fixed, start: 0, target: 40}
        ---
        """,
    "content/objectives/company.md": f"""
        ---
        title: Grow the company, the {LONG_WORD}
        cycle: 2026-Q4
        owner: Uma Diaz
        team: Operations
        tags: [growth, averyveryverylongtagwithoutanybreakatallforthenarrowscreen]
        key_results:
          - {{id: arr, title: Grow ARR, start: 10, target: 20, kpi: arr}}
          - id: logos
            title: Win new logos in every region
            weight: 3
        initiatives:
          - {{title: Read the plan, link: "{LONG_URL}", owner: Uma Diaz}}
        ---
        The plan is at {LONG_URL} and in `averyveryverylongcodespanwithoutanybreakatallforthenarrowscreen`.

        # About

        A heading named like the page's own "About".
        """,
    "content/objectives/emea.md": """
        ---
        title: לזכות בלקוחות באירופה
        cycle: 2026-Q4
        owner: נועה כהן
        team: فريق النمو
        parent: company#logos
        weight: 2
        key_results:
          - {id: a, title: Close EMEA logos, start: 0, target: 16, current: 8}
          - {id: b, title: اجتماعات أولى, start: 0, target: 100, current: 50}
          - {id: c, title: Open an office in Lisbon, target: 1, status: draft}
        ---
        """,
    "content/objectives/na.md": """
        ---
        title: Win North America logos
        cycle: 2026-Q4
        owner: عمر حداد
        team: فريق النمو
        parent: company#logos
        weight: 1.5
        key_results:
          - {id: a, title: Close NA logos, start: 0, target: 25, current: 8}
          - {id: b, title: Book meetings, start: 0, target: 100, current: 34}
        ---
        """,
    "content/objectives/next.md": """
        ---
        title: Plan the next year
        cycle: 2027-Q1
        owner: عمر حداد
        key_results:
          - {id: plan, title: Write the plan, start: 0, target: 1}
          - {id: budget, title: Agree the budget, start: 0, target: 1}
        ---
        """,
    "content/kpis/arr.md": """
        ---
        title: Annual recurring revenue
        unit: "$M"
        owner: Uma Diaz
        target: 22
        values: {2026-08-01: 11, 2026-09-01: 12, 2026-10-01: 13}
        ---
        """,
    "content/kpis/nps.md": """
        ---
        title: מדד הממליצים נטו
        owner: נועה כהן
        target: 40
        ---
        No data yet.
        """,
    "content/goals/ramp.md": f"""
        ---
        type: goal
        title: Ramp up to {LONG_WORD}
        owner: عمر حداد
        cycle: 2026-Q4
        supports: arr
        measure: {{start: 0, target: 12, current: 5, unit: meetings/month}}
        ---
        Book twelve meetings a month by the end of the quarter.
        """,
    "content/pages/about.md": f"""
        ---
        title: על הצוות
        ---
        A [long link]({LONG_URL}) and {LONG_URL}

        # History

        | a | b |
        |---|---|
        | averyveryverylongcellwithoutanybreakatall | x |

        ```yaml
        key_results:
          - {{id: arr, title: Grow annual recurring revenue, start: 10, target: 20, unit: $M}}
        ```
        """,
    "content/checkins/2026-08-20-beta.md": """
        ---
        objective: beta
        date: 2026-08-20
        author: נועה כהן
        confidence: 6
        values: {accounts: 6, bugs: 14}
        ---
        ## Blockers

        התקדמות טובה.
        """,
    "content/checkins/2026-09-20-beta.md": """
        ---
        objective: beta
        date: 2026-09-20
        author: عمر حداد
        confidence: 3
        values: {accounts: 9, bugs: 20}
        ---
        ## Blockers

        None.
        """,
    "content/checkins/2026-11-10-emea.md": """
        ---
        objective: emea
        date: 2026-11-10
        author: נועה כהן
        confidence: 7
        values: {a: 8, b: 50}
        ---
        """,
}

# more free pages than the navigation lists: it ends in "More pages", a
# link to pages/index.html, which lists them all
SITE.update(
    {
        f"content/pages/guide-{i:02d}.md": f"---\ntitle: Guide {i} — how we write goals\norder: {i}\n---\nText.\n"
        for i in range(1, 21)
    }
)

#: (language, as_of): a running cycle beside an ended one, German too; before
#: every cycle (the dashboard says when 2026-Q3 starts); after all (it ended)
BUILDS = [("en", "2026-11-20"), ("de", "2026-11-20"), ("en", "2026-05-20"), ("de", "2027-06-20")]

PAGES = [
    "index.html",
    "404.html",
    "alignment/index.html",
    "objectives/company/index.html",
    "objectives/emea/index.html",
    "objectives/beta/index.html",
    "objectives/next/index.html",
    "kpis/index.html",
    "kpis/arr/index.html",
    "kpis/nps/index.html",
    "goals/index.html",
    "goals/ramp/index.html",
    "teams/index.html",
    "teams/growth/index.html",
    "people/index.html",
    "people/noa-cohen/index.html",
    "people/uma-diaz/index.html",
    "cycles/index.html",
    "cycles/2026-Q3/index.html",
    "cycles/2026-Q4/index.html",
    "cycles/2027-Q1/index.html",
    "tags/index.html",
    "tags/growth/index.html",
    "checkins/index.html",
    "search/index.html",
    "pages/about/index.html",
    "pages/index.html",
]
#: pages built only while a cycle is running: the dashboard's lists are cut
#: to dashboard_attention then, and attention/index.html lists them all
RUNNING_PAGES = ["attention/index.html"]


def pages_of(as_of: str) -> list[str]:
    """The pages a build on ``as_of`` has of those checked here."""
    return PAGES + (RUNNING_PAGES if as_of == "2026-11-20" else [])


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """The site built once per (language, as_of) (once for all test
    workers), each in a folder of one parent, which the HTTP server serves:
    every site sits under a sub-path."""

    def make(root: Path) -> None:
        for language, as_of in BUILDS:
            files = dict(SITE)
            files["okrsite.toml"] = f'{SITE["okrsite.toml"]}\nlanguage = "{language}"\n'
            src = write_site(root / f"src-{language}-{as_of}", files)
            out = root / "served" / f"okr-{language}-{as_of}"
            result = CliRunner().invoke(
                cli,
                ["build", "--site", str(src), "--as-of", as_of, "--out", str(out), "--no-history"],
            )
            assert result.exit_code == 0, result.output

    parent = made_once(tmp_path_factory, "page-kinds", make) / "served"
    return {(language, as_of): parent / f"okr-{language}-{as_of}" for language, as_of in BUILDS}


@pytest.fixture(scope="module")
def server(sites: dict[tuple[str, str], Path]) -> Iterator[str]:
    with served_folder(next(iter(sites.values())).parent) as root:
        yield root


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


def test_the_site_shows_what_it_is_about(sites: dict[tuple[str, str], Path]) -> None:
    """The builds show the cases they are for (else the checks below check less)."""
    early = (sites["en", "2026-05-20"] / "index.html").read_text(encoding="utf-8")
    assert "This cycle has not started yet" in early
    late = (sites["de", "2027-06-20"] / "index.html").read_text(encoding="utf-8")
    assert "Dieser Zyklus endete am" in late
    beta = (sites["en", "2026-11-20"] / "objectives/beta/index.html").read_text(encoding="utf-8")
    assert "Last confidence" in beta
    company = (sites["en", "2026-11-20"] / "objectives/company/index.html").read_text("utf-8")
    assert "<bdi>Win new logos in every region</bdi>" in company and " ÷ " in company
    for (_language, as_of), out in sites.items():
        built = {p.relative_to(out).as_posix() for p in out.rglob("*.html")}
        assert set(pages_of(as_of)) <= built, set(pages_of(as_of)) - built
        assert ("attention/index.html" in built) == (as_of == "2026-11-20")


def test_every_page_is_valid_html(sites: dict[tuple[str, str], Path]) -> None:
    problems = []
    for (language, as_of), out in sites.items():
        for path in sorted(out.rglob("*.html")):
            html = path.read_bytes()
            found = html_problems(html) + conformance_problems(html) + dangling_separators(html)
            problems += [f"{language} {as_of} {path.relative_to(out)}: {p}" for p in found]
    assert problems == []
    # the rules can fail
    assert conformance_problems(
        '<h1>a</h1><h3 id="x">b</h3><p id="x"></p><ul><bdi>n</bdi></ul><input name="q">'
    ) == [
        "id 'x' used twice (<h3>, <p>)",
        "<h3> 'b' follows <h1>: a level skipped",
        "<bdi> straight inside <ul>",
        "<input name='q'> has no label",
    ]


def _watch(page: Any) -> list[str]:
    """Console errors, uncaught exceptions and failed requests of a page."""
    seen: list[str] = []
    page.on("console", lambda m: seen.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: seen.append(f"error: {e}"))
    # the 404 page asks for static/style.css with HEAD to find the site's
    # root: Chromium calls a HEAD whose body nobody reads "aborted" once it
    # is answered (the home link test below shows it was)
    page.on(
        "requestfailed",
        lambda r: (
            None
            if r.method == "HEAD" and r.failure == "net::ERR_ABORTED"
            else seen.append(f"failed: {r.url} {r.failure}")
        ),
    )
    page.on(
        "response",
        lambda r: (
            seen.append(f"{r.status}: {r.url}")
            if r.status >= 400 and not r.url.endswith("favicon.ico")
            else None
        ),
    )
    return seen


#: pages loading at once in the console check: each waits out its own quiet
#: time (networkidle: 500 ms without a request) beside the others
AT_ONCE = 8


@pytest.mark.parametrize("build", BUILDS, ids=["-".join(b) for b in BUILDS])
def test_no_console_error_from_disk_or_under_a_sub_path(
    browser: Any, sites: dict[tuple[str, str], Path], server: str, build: tuple[str, str]
) -> None:
    # one test per build, so that parallel test workers share them out
    problems = []
    language, as_of = build
    out = sites[build]
    visits = []
    for rel in pages_of(as_of):
        visits.append(((out / rel).as_uri(), "load"))
        if (language, as_of) in (BUILDS[0], BUILDS[3]):  # over HTTP: two builds will do
            visits.append((f"{server}{out.name}/{rel}", "networkidle"))
    context = browser.new_context()
    # AT_ONCE tabs, each visiting one address of a batch: a batch starts
    # loading at once, then each waits for its state. A tab moves on only
    # once its last address reached its state (from disk: loaded; over
    # HTTP: networkidle, nothing in flight for 500 ms), so the move aborts
    # nothing still loading, which would be no failure of the next page; and
    # what a tab sees after that is still caught, as its last address's
    # (a tab of its own per address, closed once done, cost ~0.1 s more a
    # visit and heard nothing after its close)
    tabs = [context.new_page() for _ in range(min(AT_ONCE, len(visits)))]
    seen = [_watch(tab) for tab in tabs]
    #: per tab: (where in its seen list a visit begins, the visit's address)
    begun: list[list[tuple[int, str]]] = [[] for _ in tabs]
    for start in range(0, len(visits), AT_ONCE):
        batch = list(enumerate(visits[start : start + AT_ONCE]))
        for i, (url, _state) in batch:
            begun[i].append((len(seen[i]), url))
            tabs[i].goto(url, wait_until="commit")
        for i, (_url, state) in batch:
            tabs[i].wait_for_load_state(state)
    context.close()
    for tab_seen, tab_begun in zip(seen, begun, strict=True):
        ends = [b for b, _url in tab_begun[1:]] + [len(tab_seen)]
        for (begin, url), end in zip(tab_begun, ends, strict=True):
            problems += [f"{language} {as_of} {url}: {s}" for s in tab_seen[begin:end]]
    assert problems == []


def test_the_404_page_finds_home_under_a_sub_path(
    browser: Any, sites: dict[tuple[str, str], Path], server: str
) -> None:
    out = sites["de", "2026-11-20"]
    page = browser.new_page()
    page.goto(f"{server}{out.name}/404.html")
    page.wait_for_function(
        "document.getElementById('home').getAttribute('href') !== '/'", timeout=5000
    )
    assert page.eval_on_selector("#home", "e => e.href") == f"{server}{out.name}/index.html"
    page.close()


def test_search_finds_a_right_to_left_name_under_a_sub_path(
    browser: Any, sites: dict[tuple[str, str], Path], server: str
) -> None:
    out = sites["en", "2026-11-20"]
    page = browser.new_page()
    page.goto(f"{server}{out.name}/index.html")
    page.fill("#site-search", "לזכות")
    page.press("#site-search", "Enter")
    page.wait_for_load_state()
    assert page.url.startswith(f"{server}{out.name}/search/index.html")
    results = page.locator("#search-results a")
    results.first.wait_for()
    assert "לזכות בלקוחות באירופה" in results.all_inner_texts()
    page.close()


#: the colour scheme axe checks each build in: the running and the German
#: build light, the two other dark, so that each scheme meets an ended cycle,
#: a running one and German
SCHEMES = {BUILDS[0]: "light", BUILDS[1]: "light", BUILDS[2]: "dark", BUILDS[3]: "dark"}


@pytest.mark.parametrize("build", BUILDS, ids=["-".join(b) for b in BUILDS])
def test_narrow_screen_scrolls_not_sideways_and_axe_finds_nothing_serious(
    browser: Any, sites: dict[tuple[str, str], Path], build: tuple[str, str]
) -> None:
    """Each page of a build, loaded once from disk at 360 px in the light
    scheme: it must not scroll sideways, then, its ``<details>`` opened and
    switched to the build's scheme (SCHEMES), axe must find no serious or
    critical violation (axe_playwright_python's script and options).

    The narrow check and axe once had a test each, and each loaded all the
    pages at 360 px; one load serves both. Switching a loaded page to the
    dark scheme (``emulate_media``) shows the page a reader in dark mode
    loads: the theme's dark colours are CSS alone (``prefers-color-scheme``
    in style.css and the 404 page's own style; no script of the theme reads
    the scheme), and the switch is asserted to have taken. One test per
    build, so that parallel test workers share them out."""
    language, as_of = build
    out = sites[build]
    scheme = SCHEMES[build]
    too_wide: list[str] = []
    problems: list[str] = []
    page = browser.new_page(color_scheme="light", viewport={"width": 360, "height": 800})
    for rel in pages_of(as_of):
        page.emulate_media(color_scheme="light")
        page.goto((out / rel).as_uri())
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            too_wide.append(f"{language} {as_of} {rel}: {width} px")
        page.emulate_media(color_scheme=scheme)
        assert page.evaluate(f"matchMedia('(prefers-color-scheme: {scheme})').matches")
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        for v in serious(axe_violations(page)):
            nodes = [n["target"] for n in v["nodes"][:3]]
            problems.append(f"{language} {as_of} {rel} [{scheme}]: {v['id']} {json.dumps(nodes)}")
    page.close()
    assert (too_wide, problems) == ([], [])
