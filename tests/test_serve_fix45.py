"""Audit 45 of ``okrsite serve`` (live editing): a save during the first
build, a goal file replaced by a link under its own name, and the preview's
own 404 page of a German site that starts broken.

1. ``okrsite serve`` runs as a process; a hook around its build saves a file
   (or makes a commit) once the first build has read everything, which is
   the widest window a slow first build leaves, with no sleep to race.
2. A real preview (watcher and server) on a copy of the example site; after
   each edit every file it serves is compared, byte for byte, with
   ``okrsite build`` of the same files.
3. The preview of a German site whose one objective is broken, fetched
   over HTTP: :class:`Preview`, which ``okrsite serve`` runs, in this
   process (the placeholder is the preview's, not the process's; what
   serve prints is the preview's ``echo``, read here from a list).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import copy_example, write_site
from gitrepo import Repo
from test_serve import AS_OF, Served, fetch, wait_for
from test_serve_audit43 import (
    assert_preview_equals_build,
    rebuilt_after,
    replace_in,
)

from okrsite.preview import Preview
from okrsite.server_livereload import overlay_words
from okrsite.server_not_found import NOT_FOUND_WORDS

OBJ = "content/objectives/sales/q4-bookings.md"
OBJ_URL = "objectives/sales/q4-bookings/"


class ServedWithHook(Served):
    """``okrsite serve`` run by a script that wraps the preview's build: the
    lines of ``hook`` run right after the first build's own work, still
    inside :meth:`Preview.rebuild` (the build is not over yet), then the
    script calls the real command."""

    def __init__(self, hook: str, site: Path, env: dict[str, str] | None = None) -> None:
        script = (
            "import sys\n"
            "from okrsite.cli import cli\n"
            "from okrsite.preview import Preview\n"
            "real = Preview._rebuild\n"
            "def hooked(preview):\n"
            "    report = real(preview)\n"
            "    if preview.rebuilds == 0:\n"
            f"{hook}"
            "    return report\n"
            "Preview._rebuild = hooked\n"
            "cli(['serve', '--port', '0', '--site', sys.argv[1], '--as-of', '2026-11-20'])\n"
        )
        env = {**(env or os.environ), "PYTHONUNBUFFERED": "1", "NO_COLOR": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-c", script, str(site)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.err: list[str] = []
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def rebuilt(self) -> int:
        return self.stderr.count("okrsite: rebuilt in")


_SAVE = """\
        from pathlib import Path
        path = Path(sys.argv[1]) / "content/objectives/sales/q4-bookings.md"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("title: ", "title: Saved during the first build ", 1),
                        encoding="utf-8")
"""

_COMMIT = """\
        import subprocess
        from pathlib import Path
        (Path(sys.argv[1]) / "NOTES.txt").write_text("committed during the first build\\n")
        subprocess.run(["git", "add", "NOTES.txt"], cwd=sys.argv[1], check=True)
        subprocess.run(["git", "commit", "-q", "-m", "notes"], cwd=sys.argv[1], check=True)
"""


def test_a_save_during_the_first_build_is_shown(tmp_path: Path) -> None:
    site = copy_example(tmp_path / "site")
    served = ServedWithHook(_SAVE, site)
    try:
        url = served.wait_line(r"serving \S+ at (\S+)").group(1)
        # the save made inside the first build rebuilds once that build is over
        wait_for("a rebuild after the first build", lambda: served.rebuilt() >= 2)
        status, page = fetch(url + OBJ_URL)
        assert status == 200
        assert "Saved during the first build " in page
    finally:
        rc = served.interrupt()
    assert rc == 0, served.stderr
    assert "Traceback" not in served.stderr


def test_a_commit_during_the_first_build_rebuilds(tmp_path: Path) -> None:
    site = copy_example(tmp_path / "site")
    repo = Repo(site)
    repo.commit("the example site", "alice", "2026-11-01T10:00:00+00:00")
    # the hook's git commit takes its author from the environment
    served = ServedWithHook(_COMMIT, site, env=repo.env("bob", "2026-11-19T10:00:00+00:00"))
    try:
        served.wait_line(r"serving \S+ at (\S+)")
        # NOTES.txt is no source file: only HEAD moved, which the git watcher
        # must have seen although it moved while the first build ran
        wait_for("a rebuild for the commit", lambda: served.rebuilt() >= 2)
    finally:
        rc = served.interrupt()
    assert rc == 0, served.stderr


# -- 2. a goal or team file replaced by a link under its own name ---------------


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "site")


@pytest.fixture
def start_preview(site: Path) -> Iterator[Callable[[], Preview]]:
    started: list[Preview] = []

    def start() -> Preview:
        preview = Preview(site, port=0, as_of=AS_OF, echo=lambda _m: None)
        started.append(preview)
        preview.start()
        return preview

    try:
        yield start
    finally:
        for preview in started:
            preview.stop()


def _replace_by_link(site: Path, rel: str, target: Path) -> None:
    """Move ``rel`` to ``target`` and leave a relative link in its place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    (site / rel).rename(target)
    (site / rel).symlink_to(os.path.relpath(target, (site / rel).parent))


@pytest.mark.parametrize(
    ("rel", "old", "new"),
    [
        (OBJ, "title: ", "title: Shared "),
        ("content/teams/sales.md", "title: ", "title: Shared "),
    ],
    ids=["goal file", "team file"],
)
def test_a_file_replaced_by_a_link_outside_content_follows_its_target(
    site: Path,
    start_preview: Callable[[], Preview],
    tmp_path: Path,
    rel: str,
    old: str,
    new: str,
) -> None:
    preview = start_preview()  # inotify, the default: not --poll
    target = site / "shared" / Path(rel).name
    rebuilt_after(preview, lambda: _replace_by_link(site, rel, target))
    assert preview.last is not None and preview.last.ok, preview.last
    rebuilt_after(preview, lambda: replace_in(target, old, new))
    assert preview.last is not None and preview.last.ok, preview.last
    assert_preview_equals_build(preview, site, tmp_path / "out")


def test_a_file_replaced_by_a_link_inside_content_follows_its_target(
    site: Path, start_preview: Callable[[], Preview], tmp_path: Path
) -> None:
    alias = "content/objectives/sales/q4-bookings-alias.md"
    (site / alias).write_bytes((site / OBJ).read_bytes())
    preview = start_preview()

    def relink() -> None:
        (site / alias).unlink()
        (site / alias).symlink_to("q4-bookings.md")

    rebuilt_after(preview, relink)
    rebuilt_after(preview, lambda: replace_in(site / OBJ, "title: ", "title: Renamed "))
    assert preview.last is not None and preview.last.ok, preview.last
    _, page = fetch(preview.server.url + "objectives/sales/q4-bookings-alias/")
    assert "Renamed " in page
    assert_preview_equals_build(preview, site, tmp_path / "out")


# -- 3. the preview's own 404 page of a German site that starts broken ----------

_BROKEN = """\
---
title: Logos gewinnen
cycle: 2026-Q4
owner: Tom Berg
key_results:
  - {id: a, title: Sign 40, start: 0, target: 40, current: 12
---
"""


def _started_broken(site: Path, path: str) -> tuple[int, str]:
    """Start the preview of ``site``, whose first build fails, and fetch ``path``."""
    messages: list[str] = []
    preview = Preview(site, port=0, as_of=AS_OF, echo=messages.append)
    try:
        preview.start()
        assert any("rebuild failed" in m for m in messages), messages
        return fetch(preview.server.url + path)
    finally:
        preview.stop()


@pytest.mark.parametrize("language", ["de", "de-AT"])
def test_a_german_site_that_starts_broken_gets_a_german_placeholder(
    tmp_path: Path, language: str
) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": f'title = "Mini"\nlanguage = "{language}"\n',
            "content/objectives/logos.md": _BROKEN,
        },
    )
    status, page = _started_broken(site, "")
    german = overlay_words(wanted=NOT_FOUND_WORDS)["de"]
    assert status == 404
    assert f'<html lang="{language}">' in page
    assert f"<h1>{german['Page not found']}</h1>" in page
    assert (
        german["There is no page at %(path)s in this build."].replace("%(path)s", "<code>/</code>")
        in page
    )
    for english in ("Not found", "There is no page", "in this build"):
        assert english not in page
    # the overlay on it takes its words from <html lang>, German here
    assert "livereload.js" in page


def test_an_english_site_that_starts_broken_keeps_an_english_placeholder(
    tmp_path: Path,
) -> None:
    site = write_site(
        tmp_path / "site",
        {"okrsite.toml": 'title = "Mini"\n', "content/objectives/logos.md": _BROKEN},
    )
    status, page = _started_broken(site, "nowhere/")
    assert status == 404
    assert '<html lang="en">' in page
    assert "There is no page at <code>/nowhere/</code> in this build." in page
