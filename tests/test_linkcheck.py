"""Every link of the built example site resolves, checked by LinkChecker.

The site must work opened straight from disk (``file://``) and hosted under
any sub-path of a web server, so both are checked: the build is crawled from
``file://.../index.html`` (once, with the anchor checks, for two tests) and, served by ``http.server`` from the parent
folder, from ``http://127.0.0.1:PORT/sub/index.html``. External links
(``repo_url`` edit links, initiative links) are not fetched: LinkChecker only
checks their syntax unless given ``--check-extern``.

404.html is not linked from any page, so the crawl never reaches it; its home
link is deliberately ``/`` (see the comment in themes/default/templates/404.html)
and would only resolve at a server root. Should a page ever link to it,
exclude it with ``--ignore-url 404\\.html$`` rather than weaken the checks.

LinkChecker refuses to run as root: it switches its effective user to
``nobody`` first. Under root (as in CI containers) the site is therefore built
in a world-readable temporary folder instead of pytest's private ``tmp_path``.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urldefrag

import pytest
from click.testing import CliRunner

from okrsite.cli import cli

REPO = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-20"
LINKCHECKER = Path(sys.executable).parent / "linkchecker"
RECURSION = "1000"

# Files written on purpose but linked from no page, so no crawl reaches them.
NOT_LINKED = frozenset(
    {
        ".okrsite-output",  # okrsite's marker that it owns the output folder
        "404.html",  # served by a web server for missing paths only
        "search-index.json",  # the search page loads search-index.js (fetch fails on file://)
        "api/key-results.csv",  # documented export, not linked from the pages
    }
)

pytestmark = pytest.mark.skipif(
    not LINKCHECKER.is_file(),
    reason=f"LinkChecker is not installed next to the Python running the tests ({LINKCHECKER}); "
    "install the test extras: pip install -e '.[test]'",
)

_SUMMARY = re.compile(r"That's it\. (\d+) links? in (\d+) URLs? checked\. (\d+) warnings? found")


class _Checked:
    """What one LinkChecker run reported."""

    def __init__(self, proc: subprocess.CompletedProcess[str]) -> None:
        self.returncode = proc.returncode
        self.output = proc.stdout + proc.stderr
        found = _SUMMARY.search(self.output)
        assert found, f"no summary line in LinkChecker's output:\n{self.output[-3000:]}"
        self.urls = int(found.group(2))
        self.warnings = int(found.group(3))
        # over HTTP the first link to a page may carry a #fragment: compare pages
        self.real_urls = {
            urldefrag(u).url for u in re.findall(r"^Real URL\s+(\S+)", self.output, re.MULTILINE)
        }
        self.error_lines = [line for line in self.output.splitlines() if "Error" in line]

    def assert_clean(self) -> None:
        tail = self.output[-6000:]
        assert self.returncode == 0, f"linkchecker exited {self.returncode}:\n{tail}"
        assert not self.error_lines, "LinkChecker found errors:\n" + "\n".join(self.error_lines)


def linkcheck(url: str, *args: str, cwd: Path) -> _Checked:
    proc = subprocess.run(
        [str(LINKCHECKER), "--no-status", "-r", RECURSION, *args, url],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
        check=False,
    )
    return _Checked(proc)


@pytest.fixture(scope="module")
def public_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A folder LinkChecker can read: ``tmp_path`` normally, a 0755 temp folder under root."""
    geteuid = getattr(os, "geteuid", None)
    if geteuid is None or geteuid() != 0:
        yield tmp_path_factory.mktemp("linkcheck")
        return
    folder = Path(tempfile.mkdtemp(prefix="okrsite-linkcheck-"))
    try:
        folder.chmod(0o755)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def site(public_dir: Path) -> Path:
    """The example site built into ``<public>/www/sub/``."""
    out = public_dir / "www" / "sub"
    out.parent.mkdir()
    result = CliRunner().invoke(
        cli, ["build", "--site", str(REPO), "--as-of", AS_OF, "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    for path in [public_dir / "www", *out.rglob("*")]:  # readable by `nobody` whatever the umask
        path.chmod(0o755 if path.is_dir() else 0o644)
    out.chmod(0o755)
    return out


def linked_files(site: Path) -> set[str]:
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    return files - NOT_LINKED


@pytest.fixture(scope="module")
def crawled_from_disk(site: Path, public_dir: Path) -> _Checked:
    """One crawl of the site from ``file://`` with the AnchorCheck plugin and
    every URL listed (``--verbose``), warnings kept: it answers both tests
    below, which each crawled the same site before (one with ``--no-warnings``,
    whose errors and URLs this crawl reports as well)."""
    config = public_dir / "anchors.ini"
    config.write_text("[AnchorCheck]\n", encoding="utf-8")
    config.chmod(0o644)
    return linkcheck(
        site.joinpath("index.html").as_uri(), "-f", str(config), "--verbose", cwd=public_dir
    )


def test_whole_site_from_disk(site: Path, crawled_from_disk: _Checked) -> None:
    checked = crawled_from_disk
    checked.assert_clean()
    # it recursed through the whole site, not just the first page
    local = {u for u in checked.real_urls if u.startswith("file://")}
    seen = {u[len(site.as_uri()) + 1 :] for u in local if u.startswith(site.as_uri() + "/")}
    missing = sorted(linked_files(site) - seen)
    assert not missing, f"files of the site LinkChecker never reached: {missing}"
    assert not local - {f"{site.as_uri()}/{rel}" for rel in seen}, "links leave the site folder"
    assert checked.urls > 150, f"only {checked.urls} URLs checked"


def test_fragments_exist(crawled_from_disk: _Checked) -> None:
    """Every ``page#anchor`` link points to an element with that id (AnchorCheck plugin)."""
    checked = crawled_from_disk
    checked.assert_clean()
    assert checked.warnings == 0, f"LinkChecker warned:\n{checked.output[-6000:]}"
    # anchors are checked per URL, so fragment links add URLs to the plain crawl
    assert checked.urls > 250, f"only {checked.urls} URLs checked"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        # lets LinkChecker lift its default limit of about 10 requests a second
        # for this host (with maxrequestspersecond raised in its config)
        self.send_header("LinkChecker", "allowed")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_whole_site_under_a_sub_path_over_http(site: Path, public_dir: Path) -> None:
    config = public_dir / "fast.ini"
    config.write_text("[checking]\nmaxrequestspersecond=1000\n", encoding="utf-8")
    config.chmod(0o644)
    handler = functools.partial(_QuietHandler, directory=str(site.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        checked = linkcheck(
            f"{base}/sub/index.html",
            "-f",
            str(config),
            "--no-warnings",
            "--verbose",
            cwd=public_dir,
        )
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
    checked.assert_clean()
    local = {u for u in checked.real_urls if u.startswith(base + "/")}
    outside = sorted(u for u in local if not u.startswith(base + "/sub/"))
    assert not outside, f"links escape the sub-path: {outside}"
    seen = {u[len(base) + len("/sub/") :] for u in local}
    missing = sorted(linked_files(site) - seen)
    assert not missing, f"files of the site LinkChecker never reached over HTTP: {missing}"


def test_linkchecker_reports_a_broken_link(public_dir: Path) -> None:
    """The checks above can fail: a missing target is an error and a non-zero exit."""
    folder = public_dir / "broken"
    folder.mkdir()
    folder.chmod(0o755)
    (folder / "index.html").write_text(
        '<!doctype html><title>t</title><a href="there/index.html">x</a>', encoding="utf-8"
    )
    (folder / "index.html").chmod(0o644)
    checked = linkcheck(folder.joinpath("index.html").as_uri(), "--no-warnings", cwd=public_dir)
    assert checked.returncode != 0
    assert checked.error_lines, checked.output
