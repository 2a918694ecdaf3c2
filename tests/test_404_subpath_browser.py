"""The 404 page finds the right site when a site is served under a sub-path
whose first folder is itself the name of a folder at the top of a site.

GitHub Pages serves a top-level ``404.html`` for missing paths at any depth;
the page finds its site's top by asking candidate folders for
``static/style.css``. Served at ``/goals/team-a/`` (``goals`` is the SMART
goals section's folder) with another okrsite site at the server root, a
stale link such as ``/goals/team-a/objectives/sales/deleted/`` must lead
home to the site under ``/goals/team-a/``, not to the one at the root, and
with one request that succeeds (a failed one is a console error).
"""

from __future__ import annotations

import http.server
import shutil
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

import pytest
from browser_support import CHROMIUM, chromium, served_folder
from click.testing import CliRunner
from conftest import write_site

from okrsite.cli import cli

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]
pytest.importorskip("playwright.sync_api")  # skip, not fail, without Playwright

AS_OF = date(2026, 11, 20)
WAIT_MS = 20_000
SUB = "goals/team-a/"


def objective(title: str, owner: str) -> str:
    return f"""
        ---
        title: {title}
        cycle: 2026-Q4
        owner: {owner}
        key_results:
          - {{id: arr, title: Grow ARR, start: 10, target: 20, current: 12}}
        ---
        """


ROOT_SITE: dict[str, str | bytes] = {
    "okrsite.toml": 'title = "Company goals"\n',
    "content/objectives/company/grow.md": objective("Grow the company", "Uma Diaz"),
    "content/goals/ramp.md": "---\ntitle: Ramp up\nowner: Uma Diaz\n---\n",
}

TEAM_SITE: dict[str, str | bytes] = {
    "okrsite.toml": 'title = "Team A goals"\n',
    "content/objectives/sales/close.md": objective("Close more deals", "Kim Ng"),
}


def build(src: Path, out: Path) -> Path:
    result = CliRunner().invoke(
        cli,
        ["build", "--site", str(src), "--as-of", AS_OF.isoformat(), "--out", str(out)]
        + ["--no-history"],
    )
    assert result.exit_code == 0, result.output
    return out


class _PagesLikeHandler(http.server.SimpleHTTPRequestHandler):
    """A static host that answers a missing path with the ``404.html`` of the
    nearest folder up that has one, and status 404, as GitHub Pages does for
    a user site and the project sites under it. It keeps the requests for
    ``static/style.css`` (the 404 page's probes) with their status."""

    probes: ClassVar[list[tuple[str, str, int]]] = []
    lock = threading.Lock()

    def send_response(self, code: int, message: str | None = None) -> None:
        if self.path.split("?")[0].endswith("/static/style.css"):
            with self.lock:
                self.probes.append((self.command, self.path, code))
        super().send_response(code, message)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        root = Path(self.directory)
        folder = Path(self.translate_path(self.path))
        while not (folder / "404.html").is_file() and folder != root:
            folder = folder.parent
        body = (folder / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    sites = {}
    for name, files in (("root", ROOT_SITE), ("team", TEAM_SITE)):
        src = write_site(tmp_path_factory.mktemp(f"src-{name}"), dict(files))
        sites[name] = build(src, tmp_path_factory.mktemp(f"out-{name}") / "_site")
    return sites


def host(parent: Path, built: dict[str, Path], with_root_site: bool) -> Path:
    """A host folder: the team's site at ``/goals/team-a/`` and, if asked,
    the company's site at the root (its own 404.html and static/style.css);
    without it, only the team's 404.html at the root."""
    if with_root_site:
        shutil.copytree(built["root"], parent)
    else:
        parent.mkdir()
        shutil.copy(built["team"] / "404.html", parent / "404.html")
    shutil.copytree(built["team"], parent / SUB)
    return parent


@pytest.fixture(scope="module")
def hosts(tmp_path_factory: pytest.TempPathFactory, built: dict[str, Path]) -> dict[bool, Path]:
    """Both host folders, with and without the company's site at the root,
    laid out once: the tests only serve them."""
    parent = tmp_path_factory.mktemp("hosts")
    return {
        with_root_site: host(parent / f"root-site-{with_root_site}", built, with_root_site)
        for with_root_site in (True, False)
    }


@pytest.fixture(scope="module")
def context() -> Iterator[Any]:
    """One context of one Chromium: each test opens a tab of its own."""
    with chromium() as b:
        context = b.new_context()
        yield context
        context.close()


def open_missing(context: Any, url: str) -> str:
    """Open a missing page and return its home link once the script set it."""
    page = context.new_page()
    try:
        response = page.goto(url)
        assert response is not None and response.status == 404
        page.wait_for_function(
            "document.getElementById('home').getAttribute('href') !== '/'", timeout=WAIT_MS
        )
        # a moment for any further probe to reach the server
        page.wait_for_timeout(300)
        home: str = page.eval_on_selector("#home", "e => e.href")
        return home
    finally:
        page.close()


@pytest.mark.parametrize("with_root_site", [True, False], ids=["root-site", "no-root-site"])
@pytest.mark.parametrize(
    "path",
    [
        "objectives/sales/deleted/",
        "objectives/sales/deleted/index.html",
        "people/someone-who-left/index.html",
        "goals/ramp-old/",  # the sub-path's first folder named again, deeper
    ],
)
def test_the_404_page_under_a_sub_path_named_like_a_top_folder_finds_its_own_site(
    context: Any, hosts: dict[bool, Path], with_root_site: bool, path: str
) -> None:
    _PagesLikeHandler.probes.clear()
    with served_folder(hosts[with_root_site], _PagesLikeHandler) as url:
        home = open_missing(context, f"{url}{SUB}{path}")
    assert home == f"{url}{SUB}index.html"
    assert _PagesLikeHandler.probes == [("HEAD", f"/{SUB}static/style.css", 200)]


def test_an_address_it_cannot_place_under_the_sub_path_still_finds_the_site(
    context: Any, hosts: dict[bool, Path]
) -> None:
    """Nothing under the sub-path names a folder of a site (and no site is at
    the root): after "/", the folders from the deepest up, as before."""
    with served_folder(hosts[False], _PagesLikeHandler) as url:
        home = open_missing(context, f"{url}{SUB}no-such-section/x/index.html")
    assert home == f"{url}{SUB}index.html"


@pytest.mark.parametrize(
    "path", ["objectives/company/deleted/", "goals/ramp-old/index.html", "people/x/"]
)
def test_the_404_page_of_a_site_at_the_root_of_that_host_finds_the_root(
    context: Any, hosts: dict[bool, Path], path: str
) -> None:
    _PagesLikeHandler.probes.clear()
    with served_folder(hosts[True], _PagesLikeHandler) as url:
        home = open_missing(context, f"{url}{path}")
    assert home == f"{url}index.html"
    assert _PagesLikeHandler.probes == [("HEAD", "/static/style.css", 200)]
