"""``okrsite serve`` follows ``okrsite.toml``: what it watches moves with the settings.

The content folder (``content_dir``), the theme in use and the themes it
extends (``theme``, also a folder outside the site) and the ignored output
folder (``output_dir``) are read from ``okrsite.toml``. When that file
changes while the preview runs, the watcher is pointed at the new folders,
so a save in them is rebuilt; a broken ``okrsite.toml`` keeps the folders of
the last good one (and ``okrsite.toml`` itself) watched.

Each test serves its own copy of the example site from a real
:class:`~okrsite.preview.Preview` on a free port, edits files on disk and
waits for the page served over HTTP to show the edit; every preview is
stopped in a ``finally`` block.
"""

from __future__ import annotations

import re
import shutil
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from test_serve import idle

from okrsite.preview import Preview
from okrsite.watch import SiteWatcher

REPO = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 11, 20)

#: The objective the tests edit (below the content folder) and its page.
OBJ_IN_CONTENT = "objectives/sales/q4-bookings.md"
OBJ_URL = "objectives/sales/q4-bookings/"

#: Generous bounds: the machine has 2 cores and runs other jobs too.
WAIT = 30.0


# -- helpers (as in tests/test_serve.py) -----------------------------------------


def copy_site(dest: Path, content_dir: str = "content", settings: str = "") -> Path:
    """A private copy of the example site, its goals in ``content_dir``."""
    dest.mkdir(parents=True)
    shutil.copytree(REPO / "content", dest / content_dir)
    toml = (REPO / "okrsite.toml").read_text(encoding="utf-8")
    (dest / "okrsite.toml").write_text(toml + settings, encoding="utf-8")
    return dest


def fetch(url: str, timeout: float = 10.0) -> tuple[int, str]:
    """GET ``url``: (status, body), also for 4xx/5xx answers."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.status, resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, exc.read().decode("utf-8", "replace")


def wait_for(what: str, check: Callable[[], object], timeout: float = WAIT) -> object:
    """Poll ``check`` until it returns something truthy; fail after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        got = check()
        if got:
            return got
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.02)


def settle(preview: Preview, quiet: float = 0.8, timeout: float = WAIT) -> int:
    """Wait until no rebuild runs or starts for ``quiet`` seconds; the rebuild count."""
    deadline = time.monotonic() + timeout
    count, since = preview.rebuilds, time.monotonic()
    while True:
        now = time.monotonic()
        if preview.watcher.busy or preview.rebuilds != count:
            count, since = preview.rebuilds, now
        elif now - since >= quiet:
            return count
        if now > deadline:
            raise AssertionError(f"the preview kept rebuilding for {timeout:.0f} s")
        time.sleep(0.02)


def set_title(path: Path, title: str) -> None:
    """Rewrite the ``title:`` line of a goal file's front matter."""
    text = path.read_text(encoding="utf-8")
    new, n = re.subn(r"(?m)^title: .*$", lambda _: f"title: {title}", text, count=1)
    assert n == 1, f"no title: line in {path}"
    path.write_text(new, encoding="utf-8")


def page_shows(url: str, text: str) -> Callable[[], bool]:
    def check() -> bool:
        status, body = fetch(url)
        return status == 200 and text in body

    return check


def set_setting(site: Path, key: str, value: str) -> None:
    """Write ``key = "value"`` into the site's okrsite.toml (replacing an old one)."""
    toml = site / "okrsite.toml"
    lines = [
        line
        for line in toml.read_text(encoding="utf-8").splitlines()
        if not line.startswith(f"{key} =")
    ]
    toml.write_text("\n".join([f'{key} = "{value}"', *lines]) + "\n", encoding="utf-8")


def make_theme(folder: Path, badge: str) -> Path:
    """A theme outside the site: the default one with its status badge replaced."""
    (folder / "templates" / "partials").mkdir(parents=True)
    (folder / "theme.toml").write_text('extends = "default"\n', encoding="utf-8")
    set_badge(folder, badge)
    return folder


def set_badge(theme: Path, badge: str) -> None:
    (theme / "templates" / "partials" / "status_badge.html").write_text(
        f'<span class="status status-{{{{ status }}}}">{badge}</span>', encoding="utf-8"
    )


def watched(preview: Preview) -> set[Path]:
    return {p.resolve() for p in preview.watcher.watched}


# -- content_dir -------------------------------------------------------------------


@pytest.mark.parametrize("poll", [False, True], ids=["inotify", "poll"])
def test_a_new_content_dir_is_watched(tmp_path: Path, poll: bool) -> None:
    site = copy_site(tmp_path / "site")
    shutil.copytree(site / "content", site / "goals")
    goal = site / "goals" / OBJ_IN_CONTENT
    in_goals = f"From goals {uuid.uuid4().hex[:8]}"
    set_title(goal, in_goals)
    p = Preview(site, port=0, as_of=AS_OF, echo=lambda m: None, poll=poll)
    try:
        p.start()
        url = p.server.url + OBJ_URL
        assert not page_shows(url, in_goals)()  # content/ is served, not goals/
        idle(p)
        set_setting(site, "content_dir", "goals")
        wait_for("the page from goals/", page_shows(url, in_goals))
        idle(p)
        edited = f"Edited in goals {uuid.uuid4().hex[:8]}"
        set_title(goal, edited)
        wait_for("the edit under goals/", page_shows(url, edited))
        assert (site / "goals").resolve() in watched(p)
        assert (site / "content").resolve() not in watched(p)
        # a save in the old folder is no change of the site any more
        before = settle(p)
        set_title(site / "content" / OBJ_IN_CONTENT, f"Old folder {uuid.uuid4().hex[:8]}")
        time.sleep(1.5 if poll else 0.5)
        assert settle(p) == before
        assert p.last is not None and p.last.ok
    finally:
        p.stop()


def test_a_content_dir_named_while_okrsite_toml_was_broken_is_watched_once_fixed(
    tmp_path: Path,
) -> None:
    site = copy_site(tmp_path / "site", "goals", 'content_dir = "goals"\ntitle = [broken\n')
    goal = site / "goals" / OBJ_IN_CONTENT
    p = Preview(site, port=0, as_of=AS_OF, echo=lambda m: None, poll=True)
    try:
        p.start()
        assert p.last is not None and not p.last.ok
        assert any(d.code == "CFG001" for d in p.last.diagnostics)
        url = p.server.url
        toml = site / "okrsite.toml"
        toml.write_text(
            toml.read_text(encoding="utf-8").replace("title = [broken\n", ""), encoding="utf-8"
        )
        first = f"Fixed toml {uuid.uuid4().hex[:8]}"
        set_title(goal, first)  # rebuilt with the fixed okrsite.toml, in the same burst or next
        wait_for("the site once okrsite.toml is fixed", page_shows(url + OBJ_URL, first))
        idle(p)
        edited = f"Edited in goals {uuid.uuid4().hex[:8]}"
        set_title(goal, edited)
        wait_for("the edit under goals/", page_shows(url + OBJ_URL, edited))
        assert (site / "goals").resolve() in watched(p)
        idle(p)
        assert p.last is not None and p.last.ok
    finally:
        p.stop()


def test_a_broken_okrsite_toml_keeps_the_last_good_folders_watched(tmp_path: Path) -> None:
    site = copy_site(tmp_path / "site", "goals", 'content_dir = "goals"\n')
    goal = site / "goals" / OBJ_IN_CONTENT
    p = Preview(site, port=0, as_of=AS_OF, echo=lambda m: None)
    try:
        p.start()
        url = p.server.url + OBJ_URL
        idle(p)
        toml = site / "okrsite.toml"
        good = toml.read_text(encoding="utf-8")
        toml.write_text(good + "title = [broken\n", encoding="utf-8")
        wait_for("the failed rebuild", lambda: p.last is not None and not p.last.ok)
        idle(p)
        # the defaults a broken file reads as (content/) are not what is watched
        assert (site / "goals").resolve() in watched(p)
        assert (site / "okrsite.toml").resolve() in watched(p)
        toml.write_text(good, encoding="utf-8")
        wait_for("the good rebuild", lambda: p.last is not None and p.last.ok)
        idle(p)
        edited = f"Edited in goals {uuid.uuid4().hex[:8]}"
        set_title(goal, edited)
        wait_for("the edit under goals/", page_shows(url, edited))
    finally:
        p.stop()


# -- theme -------------------------------------------------------------------------


def test_a_theme_outside_the_site_switched_to_is_watched(tmp_path: Path) -> None:
    shared = make_theme(tmp_path / "shared-theme", "SHARED-BADGE")
    other = make_theme(tmp_path / "other-theme", "OTHER-BADGE-1")
    site = copy_site(tmp_path / "site", settings='theme = "../shared-theme"\n')
    p = Preview(site, port=0, as_of=AS_OF, echo=lambda m: None)
    try:
        p.start()
        url = p.server.url + OBJ_URL
        assert page_shows(url, "SHARED-BADGE")(), p.last
        idle(p)
        set_setting(site, "theme", "../other-theme")
        wait_for("the switched theme", page_shows(url, "OTHER-BADGE-1"))
        idle(p)
        set_badge(other, "OTHER-BADGE-2")
        wait_for("the edit of the new theme's partial", page_shows(url, "OTHER-BADGE-2"))
        assert other.resolve() in watched(p) and shared.resolve() not in watched(p)
        idle(p)
        assert p.last is not None and p.last.ok
    finally:
        p.stop()


def test_a_theme_toml_with_a_mistake_keeps_the_theme_watched(tmp_path: Path) -> None:
    shared = make_theme(tmp_path / "shared-theme", "SHARED-BADGE-1")
    site = copy_site(tmp_path / "site", settings='theme = "../shared-theme"\n')
    p = Preview(site, port=0, as_of=AS_OF, echo=lambda m: None)
    try:
        p.start()
        url = p.server.url + OBJ_URL
        idle(p)
        meta = shared / "theme.toml"
        meta.write_text("extends = [\n", encoding="utf-8")
        (site / "okrsite.toml").touch()  # a settings change while the theme is unreadable
        wait_for("the failed rebuild", lambda: p.last is not None and not p.last.ok)
        idle(p)
        assert shared.resolve() in watched(p)
        meta.write_text('extends = "default"\n', encoding="utf-8")
        set_badge(shared, "SHARED-BADGE-2")
        wait_for("the mended theme", page_shows(url, "SHARED-BADGE-2"))
        idle(p)
        assert p.last is not None and p.last.ok, [
            (d.code, d.message) for d in p.last.diagnostics if d.is_error
        ]
    finally:
        p.stop()


# -- output_dir --------------------------------------------------------------------


def test_a_new_output_dir_is_ignored(tmp_path: Path) -> None:
    site = copy_site(tmp_path / "site")
    p = Preview(site, port=0, as_of=AS_OF, echo=lambda m: None)
    try:
        p.start()
        idle(p)
        # (one inside content/ is refused, CFG011: a folder beside it)
        set_setting(site, "output_dir", "public")
        wait_for(
            "the new output folder ignored",
            lambda: p.watcher.is_ignored(site / "public" / "index.html"),
        )
        assert not p.watcher.is_ignored(site / "_site" / "index.html", "x")
        before = settle(p)
        (site / "public").mkdir()
        (site / "public" / "index.html").write_text("x", encoding="utf-8")
        time.sleep(0.5)
        assert settle(p) == before
    finally:
        p.stop()


# -- the watcher itself --------------------------------------------------------------


@pytest.mark.parametrize("poll", [False, True], ids=["inotify", "poll"])
def test_the_watcher_is_pointed_at_other_folders_while_it_runs(tmp_path: Path, poll: bool) -> None:
    one, two, keep = tmp_path / "one", tmp_path / "two", tmp_path / "keep"
    for folder in (one, two, keep):
        folder.mkdir()
    calls: list[set[Path]] = []
    seen = threading.Condition()

    def on_change(changed: set[Path]) -> None:
        with seen:
            calls.append(changed)
            seen.notify_all()

    def next_call(after: int) -> set[Path]:
        with seen:
            assert seen.wait_for(lambda: len(calls) > after, 10), calls
            return calls[after]

    w = SiteWatcher([one, keep], on_change, debounce=0.05, poll=poll, poll_interval=0.1)
    try:
        w.start()
        w.update([two, keep], ignore=[two / "out"])
        assert set(w.watched) == {two, keep}
        (one / "a.md").write_text("x", encoding="utf-8")
        (two / "out").mkdir()
        (two / "out" / "page.html").write_text("x", encoding="utf-8")
        (two / "b.md").write_text("x", encoding="utf-8")
        assert next_call(0) == {two / "b.md"}
        (keep / "c.md").write_text("x", encoding="utf-8")
        assert next_call(1) == {keep / "c.md"}
        time.sleep(0.3)
        assert len(calls) == 2, calls
    finally:
        w.stop()
