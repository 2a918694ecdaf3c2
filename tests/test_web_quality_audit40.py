"""Defects a web team's audit found in the built pages, each checked on a
site written here and built by the real ``okrsite build``:

1. in dark mode a "backdated" flag of the history was orange on near-black
   (3.7:1, axe color-contrast serious): axe sees the flag, light and dark;
2. a title or body in Arabic was laid out left to right ("20%" split in
   two): record titles, bodies and notes take their direction from their
   own text (``dir="auto"``);
3. a linked filter value that no objective has (``?status=at-risk`` when
   none is) showed the whole list under the filtered address: now 0 shown
   and a note saying so, with a button that clears the filters;
4. the progress chart has one point per day with a check-in (progress is
   scored by day), and says so, rather than promising one per check-in;
5. note tables with the same headings were regions of one name (axe
   landmark-unique): each names its check-in, repeats in one text numbered;
6. the 404 page of a site under ``/goals/okr/`` asked ``/static/style.css``
   first for a missing file at the site's top, a console error.
"""

from __future__ import annotations

import http.server
import json
import os
import re
import subprocess
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from browser_support import CHROMIUM, chromium, served_folder
from click.testing import CliRunner
from conftest import write_site

from okrsite.cli import cli

browser_test = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]


def browser_only(f: Any) -> Any:
    for mark in browser_test:
        f = mark(f)
    return f


def build(site: Path, out: Path, *extra: str) -> Path:
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--out", str(out), *extra])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def context() -> Iterator[Any]:
    """One context of one Chromium for the module: each test opens its own
    tab (with its own colour scheme or viewport), half the cost of a page of
    its own."""
    pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium")
    with chromium() as b:
        context = b.new_context()
        yield context
        context.close()


def violations(page: Any) -> list[dict[str, Any]]:
    """axe's violations on the page with every <details> open."""
    from axe_playwright_python.sync_playwright import Axe

    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    found: list[dict[str, Any]] = Axe().run(page).response["violations"]
    return found


def serious_of(found: list[dict[str, Any]]) -> list[str]:
    return [
        f"{v['id']} {[n['target'] for n in v['nodes'][:3]]}"
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


def serious(page: Any) -> list[str]:
    return serious_of(violations(page))


# ------------------------------------------------------------ 1. dark flags
def git(root: Path, *args: str, when: str, committed: str | None = None) -> None:
    env = dict(os.environ)
    env.update(
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="Uma Diaz",
        GIT_AUTHOR_EMAIL="uma@example.com",
        GIT_COMMITTER_NAME="Uma Diaz",
        GIT_COMMITTER_EMAIL="uma@example.com",
        GIT_AUTHOR_DATE=f"{when}T10:00:00+00:00",
        GIT_COMMITTER_DATE=f"{committed or when}T10:00:00+00:00",
    )
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


GROWTH = """
    ---
    title: Grow
    cycle: 2026-Q4
    owner: Uma Diaz
    key_results:
      - {id: arr, title: ARR, start: 0, target: 100}
    ---
    """


@pytest.fixture(scope="module")
def backdated_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository whose second check-in, dated 2026-11-10, was committed on
    2026-11-30: more than 7 days later, so the history marks it backdated."""
    root = tmp_path_factory.mktemp("repo")
    git(root, "init", "-q", "-b", "main", when="2026-10-01")
    write_site(
        root,
        {
            "okrsite.toml": 'default_cycle = "2026-Q4"\nas_of = "2026-12-02"\n',
            "content/objectives/growth.md": GROWTH,
            "content/checkins/2026-11-02-growth.md": (
                "---\nobjective: growth\ndate: 2026-11-02\nvalues: {arr: 20}\n---\n"
            ),
        },
    )
    git(root, "add", "-A", when="2026-11-02")
    git(root, "commit", "-q", "-m", "Growth", when="2026-11-02")
    write_site(
        root,
        {
            "content/checkins/2026-11-10-growth.md": (
                "---\nobjective: growth\ndate: 2026-11-10\nvalues: {arr: 35}\n---\n"
            )
        },
    )
    git(root, "add", "-A", when="2026-11-10", committed="2026-11-30")
    git(root, "commit", "-q", "-m", "Late check-in", when="2026-11-10", committed="2026-11-30")
    return build(root, tmp_path_factory.mktemp("out") / "_site")


@browser_only
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_backdated_flag_is_readable_light_and_dark(
    context: Any, backdated_site: Path, scheme: str
) -> None:
    page = context.new_page()
    page.emulate_media(color_scheme=scheme)
    page.goto((backdated_site / "objectives/growth/index.html").as_uri())
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    flag = page.locator(".flag.backdated")
    assert flag.count() >= 1 and flag.first.is_visible()
    assert serious(page) == []
    page.close()


# ------------------------------------------------------------ 2. right to left
ARABIC = "هل نجحنا؟ نعم، بنسبة 20%."

#: the characters of an element's first text, in visual order left to right
VISUAL = """(sel) => { const e = document.querySelector(sel);
  const tn = [...e.childNodes].find(n => n.nodeType === 3 && n.textContent.trim());
  const t = tn.textContent; const out = [];
  for (let i = 0; i < t.length; i++) { if (t[i] === ' ') continue;
    const r = document.createRange(); r.setStart(tn, i); r.setEnd(tn, i + 1);
    out.push([t[i], r.getBoundingClientRect().left]); }
  out.sort((a, b) => a[1] - b[1]); return out.map(x => x[0]).join(''); }"""


@pytest.fixture(scope="module")
def rtl_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = write_site(
        tmp_path_factory.mktemp("src"),
        {
            "okrsite.toml": 'default_cycle = "2026-Q4"\nas_of = "2026-11-20"\n',
            "content/objectives/mx.md": (
                f"---\ntitle: {ARABIC}\ncycle: 2026-Q4\nowner: Uma Diaz\n"
                "key_results:\n  - {id: a, title: A, start: 0, target: 10}\n---\n"
                f"{ARABIC}\n"
            ),
            "content/pages/ar.md": f"---\ntitle: {ARABIC}\n---\n{ARABIC}\n",
            "content/checkins/2026-11-10-mx.md": (
                f"---\nobjective: mx\ndate: 2026-11-10\nvalues: {{a: 2}}\n---\n{ARABIC}\n"
            ),
        },
    )
    return build(src, tmp_path_factory.mktemp("out") / "_site", "--no-history")


@browser_only
@pytest.mark.parametrize(
    ("rel", "selector"),
    [
        ("objectives/mx/index.html", "h1"),
        ("objectives/mx/index.html", "section[aria-labelledby=about] p"),
        ("objectives/mx/index.html", ".checkin .prose p"),
        ("pages/ar/index.html", "h1"),
        ("pages/ar/index.html", ".prose p"),
    ],
)
def test_arabic_text_reads_right_to_left(
    context: Any, rtl_site: Path, rel: str, selector: str
) -> None:
    page = context.new_page()
    page.set_viewport_size({"width": 900, "height": 700})
    page.goto((rtl_site / rel).as_uri())
    assert page.eval_on_selector(selector, "e => getComputedStyle(e).direction") == "rtl"
    # right to left: the first word at the right end, the "%" beside the "20"
    # (left of it, as in Arabic text), not split off to the far right
    visual = page.evaluate(VISUAL, selector)
    assert visual.startswith(".%20") and visual.endswith("هل"[::-1]), visual
    page.close()


# ------------------------------------------------------------ 3. stale filters
def objective(title: str, owner: str, value: int) -> str:
    return (
        f"---\ntitle: {title}\ncycle: 2026-Q4\nowner: {owner}\n"
        f"key_results:\n  - {{id: a, title: A, start: 0, target: 100, current: {value}}}\n---\n"
    )


@pytest.fixture(scope="module", params=["en", "de"])
def filter_site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, str]:
    """Three objectives, none at risk, in English and in German."""
    src = write_site(
        tmp_path_factory.mktemp("src"),
        {
            "okrsite.toml": (
                f'language = "{request.param}"\ndefault_cycle = "2026-Q4"\nas_of = "2026-10-02"\n'
            ),
            "content/objectives/one.md": objective("One", "Uma Diaz", 10),
            "content/objectives/two.md": objective("Two", "Kim Ng", 20),
            "content/objectives/three.md": objective("Three", "Kim Ng", 30),
        },
    )
    return build(src, tmp_path_factory.mktemp("out") / "_site", "--no-history"), request.param


NOTE = {
    "en": "Nothing on this page has {filter} “{value}”.",
    "de": "Nichts auf dieser Seite hat {filter} „{value}“.",
}


def shown(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "ul.objs > li.obj[data-status]:not([hidden]) .obj-title",
        "els => els.map(e => e.textContent)",
    )


@browser_only
@pytest.mark.parametrize(("key", "value"), [("status", "at-risk"), ("owner", "nobody")])
def test_a_linked_filter_value_that_matches_nothing_says_so(
    context: Any, filter_site: tuple[Path, str], key: str, value: str
) -> None:
    site, lang = filter_site
    statuses = {
        o["status"] for o in json.loads((site / "api/portfolio.json").read_text())["objectives"]
    }
    assert "at-risk" not in statuses
    page = context.new_page()
    url = (site / "cycles/2026-Q4/index.html").as_uri()
    page.goto(f"{url}?{key}={value}&sort=progress")
    assert shown(page) == []
    count = page.inner_text(".list-filters [data-count]")
    assert count.startswith("0 ") and "3" in count, count
    note = page.locator(".list-filters .filter-unknown")
    assert note.is_visible()
    label = page.eval_on_selector(
        f'select[data-key="{key}"]', "s => s.parentNode.firstChild.textContent.trim()"
    )
    # a status no item has is named by its word, as the page writes it (i18nfr 44)
    word = {"en": "at risk", "de": "gefährdet"}[lang] if key == "status" else value
    assert note.inner_text().startswith(NOTE[lang].format(filter=label, value=word))
    assert page.eval_on_selector(f'select[data-key="{key}"]', "s => s.value") == value
    assert serious(page) == []
    note.locator("button").click()
    assert sorted(shown(page)) == sorted(["One", "Two", "Three"])
    assert not note.is_visible()
    assert f"{key}=" not in page.url and "sort=progress" in page.url
    page.close()


@browser_only
def test_a_known_filter_value_shows_no_note(context: Any, filter_site: tuple[Path, str]) -> None:
    page = context.new_page()
    page.goto((filter_site[0] / "cycles/2026-Q4/index.html").as_uri() + "?owner=kim-ng")
    assert sorted(shown(page)) == ["Three", "Two"]
    assert not page.locator(".list-filters .filter-unknown").is_visible()
    page.close()


# ------------------------------------------------------------ 4. one point a day
def test_the_progress_chart_has_one_point_per_day_and_says_so(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "okrsite.toml": 'default_cycle = "2026-Q4"\nas_of = "2026-11-20"\n',
        "content/objectives/growth.md": GROWTH,
    }
    for n in range(8):
        day = f"2026-11-{10 + n:02d}"
        for half, time in enumerate(("09:15", "17:40")):
            value = 10 * n + 5 * half
            files[f"content/checkins/{day}-growth-{half}.md"] = (
                f"---\nobjective: growth\ndate: {day}T{time}\nvalues: {{arr: {value}}}\n---\n"
            )
    out = build(write_site(tmp_path / "src", files), tmp_path / "out", "--no-history")
    html = (out / "objectives/growth/index.html").read_text(encoding="utf-8")
    table = html[html.index('<table class="chart-table">') :]
    table = table[: table.index("</table>")]
    caption = re.sub(r"<[^>]+>", "", re.search(r"<caption>(.*?)</caption>", table).group(1))
    assert caption == "Progress of Grow at the end of each day with a check-in"
    rows = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td></tr>", table)
    # one row a day, at the day's later check-in (17:40: 10n + 5)
    assert [v for _, v in rows] == [f"{10 * n + 5}%" for n in range(8)]
    assert "progress at the end of each day with a check-in" in html


# ------------------------------------------------------------ 5. table names
WEEKLY = "Plan for the week.\n\n| Week | Value |\n|---|---|\n| 46 | {v} |\n"


@pytest.fixture(scope="module")
def tables_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    files: dict[str, str | bytes] = {
        "okrsite.toml": 'default_cycle = "2026-Q4"\nas_of = "2026-11-20"\n',
        "content/objectives/growth.md": textwrap.dedent(GROWTH).lstrip()
        + WEEKLY.format(v=1)
        + "\n"
        + WEEKLY.format(v=2),
    }
    for n, when in enumerate(("2026-11-10", "2026-11-12T09:15", "2026-11-12T17:40")):
        files[f"content/checkins/2026-11-1{n}-growth.md"] = (
            f"---\nobjective: growth\ndate: {when}\nvalues: {{arr: {n}}}\n---\n"
            + WEEKLY.format(v=n)
        )
    src = write_site(tmp_path_factory.mktemp("src"), files)
    return build(src, tmp_path_factory.mktemp("out") / "_site", "--no-history")


def region_names(html: str) -> list[str]:
    return re.findall(
        r'<div class="md-table" role="region" tabindex="0" aria-label="([^"]*)"', html
    )


@pytest.mark.parametrize("rel", ["objectives/growth/index.html", "checkins/index.html"])
def test_note_tables_are_regions_of_different_names(tables_site: Path, rel: str) -> None:
    names = region_names((tables_site / rel).read_text(encoding="utf-8"))
    if rel.startswith("objectives"):
        assert names == [
            "Week, Value",
            "Week, Value (2)",
            "Week, Value – 2026-11-12 17:40",
            "Week, Value – 2026-11-12 09:15",
            "Week, Value – 2026-11-10",
        ]
    else:
        assert names == [
            "Week, Value – 2026-11-12 17:40, Grow",
            "Week, Value – 2026-11-12 09:15, Grow",
            "Week, Value – 2026-11-10, Grow",
        ]


@browser_only
def test_note_tables_pass_axe(context: Any, tables_site: Path) -> None:
    page = context.new_page()
    for rel in ("objectives/growth/index.html", "checkins/index.html"):
        page.goto((tables_site / rel).as_uri())
        found = violations(page)  # one axe run answers both checks
        assert serious_of(found) == [], rel
        ids = [v["id"] for v in found]
        assert "landmark-unique" not in ids, rel
    page.close()


# ------------------------------------------------------------ 6. 404 probes
class _PagesLikeHandler(http.server.SimpleHTTPRequestHandler):
    """A host that answers a missing path with the site's 404.html (status
    404), as GitHub Pages does, and keeps the 404 page's probes."""

    probes: ClassVar[list[tuple[str, int]]] = []
    lock = threading.Lock()
    page404: ClassVar[bytes] = b""

    def send_response(self, code: int, message: str | None = None) -> None:
        if self.path.endswith("/static/style.css"):
            with self.lock:
                self.probes.append((self.path, code))
        super().send_response(code, message)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.page404)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(self.page404)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def goals_host(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A host folder with a site built under ``goals/okr/`` (built once: the
    tests only serve it)."""
    root = tmp_path_factory.mktemp("goals")
    src = write_site(
        root / "src",
        {
            "okrsite.toml": 'default_cycle = "2026-Q4"\nas_of = "2026-11-20"\n',
            "content/objectives/company/growth.md": GROWTH,
        },
    )
    build(src, root / "host" / "goals" / "okr", "--no-history")
    return root / "host"


@browser_only
@pytest.mark.parametrize(
    "path",
    ["nothere.html", "objectives/company/obj-99/index.html", "objectives/old.html", "goals/x/"],
)
def test_the_404_page_under_goals_asks_its_own_site_first(
    context: Any, goals_host: Path, path: str
) -> None:
    out = goals_host / "goals" / "okr"
    _PagesLikeHandler.page404 = (out / "404.html").read_bytes()
    _PagesLikeHandler.probes.clear()
    with served_folder(goals_host, _PagesLikeHandler) as url:
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(f"{url}goals/okr/{path}")
        page.wait_for_function(
            "document.getElementById('home').getAttribute('href') !== '/'", timeout=20_000
        )
        page.wait_for_timeout(300)
        assert page.eval_on_selector("#home", "e => e.href") == f"{url}goals/okr/index.html"
        page.close()
    assert _PagesLikeHandler.probes == [("/goals/okr/static/style.css", 200)]
    assert len(errors) == 1, errors  # the page's own 404
