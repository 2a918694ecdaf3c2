"""``okrsite serve`` end to end, without a browser.

Each test serves its own copy of the example site (``content/`` and
``okrsite.toml`` of the repository) from a :class:`~okrsite.preview.Preview`
on a free port, talks to it over real HTTP, edits the copy on disk and waits
for the watcher to rebuild. Every server is stopped by the test that started
it (fixtures and ``finally`` blocks), so a failing test leaves no port open.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from okrsite.preview import Preview

REPO = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 11, 20)
_SCRIPT = Path(sys.executable).with_name("okrsite")
#: The installed ``okrsite`` command of this interpreter's environment.
OKRSITE = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "okrsite"]

#: The objective the tests edit, its page and its original title.
OBJ_REL = "content/objectives/sales/q4-bookings.md"
OBJ_URL = "objectives/sales/q4-bookings/"
OBJ_TITLE = "Hit Q4 bookings with a shorter, more predictable sales cycle"

#: Generous bounds: the machine has 2 cores and runs other jobs too.
WAIT = 30.0

NEW_OBJECTIVE = """\
---
title: {title}
cycle: 2026-Q4
owner: daniel-okafor
team: sales
parent: company/grow-arr
key_results:
  - id: demo
    title: Run 5 demo days
    start: 0
    target: 5
---
A temporary objective made by the serve tests.
"""


# -- helpers -------------------------------------------------------------------


def copy_site(dest: Path) -> Path:
    """A private copy of the example site (content and configuration only)."""
    dest.mkdir(parents=True)
    shutil.copytree(REPO / "content", dest / "content")
    shutil.copy2(REPO / "okrsite.toml", dest / "okrsite.toml")
    return dest


def fetch(url: str, timeout: float = 10.0) -> tuple[int, str]:
    """GET ``url``: (status, body), also for 4xx/5xx answers."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.status, resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, exc.read().decode("utf-8", "replace")


def raw_get(url: str, path: str) -> tuple[int, bytes]:
    """GET ``path`` exactly as written (no client-side normalisation)."""
    host, port = url.split("//", 1)[1].rstrip("/").rsplit(":", 1)
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        conn.putrequest("GET", path, skip_accept_encoding=True)
        conn.endheaders()
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


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


def idle(preview: Preview, timeout: float = WAIT) -> None:
    """Wait until no rebuild runs: the last save's rebuild has finished, and
    the watcher follows what it read (the settings' folders).

    Unlike :func:`settle` no quiet period follows: a step that counts no
    rebuilds, only saves again or reads the result, needs nothing more
    (a save's straggling event would only join the next step's rebuild).
    """
    wait_for("the rebuild to finish", lambda: not preview.watcher.busy, timeout)


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


# -- fixtures ------------------------------------------------------------------


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_site(tmp_path / "site")


@pytest.fixture
def messages() -> list[str]:
    return []


@pytest.fixture
def preview(site: Path, messages: list[str]) -> Iterator[Preview]:
    p = Preview(site, port=0, as_of=AS_OF, echo=messages.append)
    try:
        p.start()
        yield p
    finally:
        p.stop()


# -- serving -------------------------------------------------------------------


def test_serves_dashboard_and_objective_page_over_http(preview: Preview, site: Path) -> None:
    url = preview.server.url
    assert url.startswith("http://127.0.0.1:") and not url.endswith(":0/")

    status, home = fetch(url)
    assert status == 200
    assert "Northwind Analytics" in home
    assert 'href="objectives/company/grow-arr/index.html"' in home
    # The live-reload script is added while serving, never written to disk.
    assert '<script src="__okrsite/livereload.js"' in home
    assert "livereload" not in (preview.out / "index.html").read_text(encoding="utf-8")

    status, page = fetch(url + OBJ_URL)
    assert status == 200
    assert f'<h1 dir="auto">{OBJ_TITLE}</h1>' in page

    status, _ = fetch(url + "objectives/sales/no-such-objective/")
    assert status == 404
    assert preview.rebuilds == 1 and preview.last is not None and preview.last.ok
    assert preview.server.errors == []


def test_builds_into_a_private_folder_and_removes_it(site: Path) -> None:
    p = Preview(site, port=0, as_of=AS_OF, echo=lambda m: None)
    try:
        p.start()
        out = p.out.resolve()
        assert out.name != "_site"
        assert out != site and site.resolve() not in out.parents
        assert (out / "index.html").is_file()
        assert (out / OBJ_URL / "index.html").is_file()
        # Nothing is written into the site: no _site/, no other new entry.
        assert not (site / "_site").exists()
        assert sorted(e.name for e in site.iterdir()) == ["content", "okrsite.toml"]
        port = p.server.port
    finally:
        p.stop()
    assert not out.exists(), "stop() should remove the private build folder"
    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5)


def test_a_busy_port_fails_without_leaving_a_build_folder(
    preview: Preview, site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    with pytest.raises(OSError):
        Preview(site, port=preview.server.port, as_of=AS_OF, echo=lambda m: None)
    assert list(temp.iterdir()) == [], "a failed Preview() left its build folder behind"
    assert fetch(preview.server.url)[0] == 200  # the first server is unaffected


# -- rebuilding ----------------------------------------------------------------


@pytest.fixture
def patient_preview(site: Path, messages: list[str]) -> Iterator[Preview]:
    """A preview whose quiet period outlasts a burst of saves on a busy machine.

    With the default 20 ms a loaded CI machine can space six saves further
    apart than the quiet period, and they are then rightly separate rebuilds.
    """
    p = Preview(site, port=0, as_of=AS_OF, echo=messages.append, debounce=0.3)
    try:
        p.start()
        yield p
    finally:
        p.stop()


def test_a_burst_of_saves_is_one_rebuild_and_the_last_save_is_served(
    patient_preview: Preview, site: Path
) -> None:
    preview = patient_preview
    before = settle(preview)
    obj = site / OBJ_REL
    for i in range(5):
        set_title(obj, f"Burst save {i} {uuid.uuid4().hex[:6]}")
    final = f"Burst final {uuid.uuid4().hex}"
    set_title(obj, final)
    wait_for("the final title", page_shows(preview.server.url + OBJ_URL, final))
    after = settle(preview)
    assert 1 <= after - before <= 2, f"{after - before} rebuilds for one burst of 6 saves"
    assert preview.last is not None and preview.last.ok
    # Only the changed file was parsed again.
    assert preview.last.parsed_again <= 1


def test_a_change_during_a_rebuild_is_not_lost(preview: Preview, site: Path) -> None:
    """A save that lands while a rebuild runs gets a rebuild of its own."""
    idle(preview)  # rebuilds are counted by the patch below, from here on
    real_rebuild = preview.rebuild
    in_rebuild = threading.Event()
    may_return = threading.Event()
    calls: list[float] = []

    def slow_rebuild():  # type: ignore[no-untyped-def]
        report = real_rebuild()
        calls.append(time.monotonic())
        if len(calls) == 1:
            in_rebuild.set()  # the first rebuild is done but its callback still runs
            may_return.wait(WAIT)
        return report

    preview.rebuild = slow_rebuild  # type: ignore[method-assign]
    obj = site / OBJ_REL
    first = f"During rebuild first {uuid.uuid4().hex}"
    second = f"During rebuild second {uuid.uuid4().hex}"
    try:
        set_title(obj, first)
        assert in_rebuild.wait(WAIT), "no rebuild after the first save"
        assert preview.watcher.busy
        set_title(obj, second)
        time.sleep(0.3)  # let the watcher see the save while the callback is busy
    finally:
        may_return.set()
    wait_for("the second title", page_shows(preview.server.url + OBJ_URL, second))
    settle(preview)
    # One more rebuild for the second save (a third only if the first save's
    # events straggled in after its rebuild had started).
    assert 2 <= len(calls) <= 3, f"{len(calls)} rebuilds, expected the first and one more"


def test_a_save_during_a_real_rebuild_is_not_lost(preview: Preview, site: Path) -> None:
    """The same without patching: save again as soon as the watcher is busy."""
    idle(preview)
    obj = site / OBJ_REL
    set_title(obj, f"Real race first {uuid.uuid4().hex}")
    wait_for("a rebuild to start", lambda: preview.watcher.busy, timeout=WAIT)
    second = f"Real race second {uuid.uuid4().hex}"
    set_title(obj, second)
    wait_for("the second title", page_shows(preview.server.url + OBJ_URL, second))


def test_deleting_and_renaming_an_objective_file(preview: Preview, site: Path) -> None:
    url = preview.server.url
    folder = site / "content/objectives/sales"
    title = f"Temporary objective {uuid.uuid4().hex[:8]}"
    made = folder / "zz-temp.md"
    made.write_text(NEW_OBJECTIVE.format(title=title), encoding="utf-8")
    wait_for("the new objective's page", page_shows(url + "objectives/sales/zz-temp/", title))
    assert (preview.out / "objectives/sales/zz-temp/index.html").is_file()

    made.rename(folder / "zz-renamed.md")
    wait_for("the renamed page", page_shows(url + "objectives/sales/zz-renamed/", title))
    wait_for("the old page to go", lambda: fetch(url + "objectives/sales/zz-temp/")[0] == 404)
    # (SyncWriter leaves the emptied folder behind; only the page must go.)
    assert not (preview.out / "objectives/sales/zz-temp/index.html").exists()

    (folder / "zz-renamed.md").unlink()
    wait_for(
        "the deleted page to go", lambda: fetch(url + "objectives/sales/zz-renamed/")[0] == 404
    )
    status, body = fetch(url + "objectives/sales/zz-renamed/")
    assert status == 404 and title not in body
    assert title not in fetch(url)[1], "the dashboard still lists the deleted objective"
    idle(preview)  # the rebuild that removed the page has reported
    assert preview.last is not None and preview.last.ok, preview.last
    assert not (preview.out / "objectives/sales/zz-renamed/index.html").exists()
    assert not (preview.out / "badges/sales/zz-renamed.svg").exists()


DROPPINGS = [".q4-bookings.md.swp", "q4-bookings.md~", "4913", ".#q4-bookings.md"]


def test_editor_droppings_cause_no_rebuild(preview: Preview, site: Path) -> None:
    """Each kind of dropping is written, changed and removed in one preview:
    a rebuild for any one of them changes the count (one wait for all four
    instead of a preview and a wait each)."""
    before = settle(preview)
    folder = site / "content/objectives/sales"
    for name in DROPPINGS:
        dropping = folder / name
        dropping.write_text("title: [this is not front matter\n", encoding="utf-8")
        dropping.write_text("changed again\n", encoding="utf-8")
        dropping.unlink()
    time.sleep(1.0)  # 20 debounce periods
    assert settle(preview) == before, f"one of {DROPPINGS} caused a rebuild"
    # Control: the watcher is alive and a real save still rebuilds.
    set_title(site / OBJ_REL, "After the droppings")
    wait_for("a rebuild", lambda: preview.rebuilds > before)


def test_a_vim_style_save_is_one_rebuild(preview: Preview, site: Path) -> None:
    """vim: probe 4913, swap file, rename original to backup~, write anew, drop backup."""
    before = settle(preview)
    obj = site / OBJ_REL
    new_text = obj.read_text(encoding="utf-8").replace(OBJ_TITLE, "Saved the vim way", 1)
    swap = obj.with_name(".q4-bookings.md.swp")
    swap.write_bytes(b"\0" * 4096)
    probe = obj.with_name("4913")
    probe.write_text("")
    probe.unlink()
    backup = obj.with_name("q4-bookings.md~")
    obj.rename(backup)
    obj.write_text(new_text, encoding="utf-8")
    backup.unlink()
    swap.unlink()
    wait_for("the vim save", page_shows(preview.server.url + OBJ_URL, "Saved the vim way"))
    after = settle(preview)
    assert 1 <= after - before <= 2, f"{after - before} rebuilds for one vim save"
    assert preview.last is not None and preview.last.ok


# -- errors --------------------------------------------------------------------


def test_a_site_broken_from_the_start_is_not_said_to_keep_a_last_good_site(
    site: Path, messages: list[str]
) -> None:
    """okrsite serve started on a broken okrsite.toml said "still serving the
    last good site" when there had never been one."""
    (site / "okrsite.toml").write_text('title = "x\n', encoding="utf-8")
    p = Preview(site, port=0, as_of=AS_OF, echo=messages.append)
    try:
        p.start()
        assert p.last is not None and not p.last.ok
        failed = [m for m in messages if "rebuild failed" in m]
        assert failed and "the preview shows the errors until the site builds" in failed[-1]
        assert not any("last good site" in m for m in messages), messages
    finally:
        p.stop()


def test_broken_front_matter_keeps_the_last_good_page_and_names_file_and_line(
    preview: Preview, site: Path, messages: list[str]
) -> None:
    url = preview.server.url + OBJ_URL
    obj = site / OBJ_REL
    good = obj.read_text(encoding="utf-8")
    idle(preview)

    obj.write_text(good.replace(f"title: {OBJ_TITLE}", "title: [unclosed", 1), encoding="utf-8")
    wait_for("the error", lambda: preview.server.errors)
    errors = preview.server.errors
    assert [e.file for e in errors] == [OBJ_REL]
    # ``title:`` is line 2; YAML notices the unclosed list at the start of line 3.
    assert errors[0].line in (2, 3), errors[0]
    assert errors[0].code == "OKR003"
    assert preview.last is not None and not preview.last.ok
    assert any(f"{OBJ_REL}:{errors[0].line}" in m for m in messages), messages
    assert any("still serving the last good site" in m for m in messages)

    # The last good build is still served, whole.
    status, body = fetch(url)
    assert status == 200 and f'<h1 dir="auto">{OBJ_TITLE}</h1>' in body
    assert fetch(preview.server.url)[0] == 200

    fixed = f"Fixed title {uuid.uuid4().hex[:8]}"
    obj.write_text(good.replace(OBJ_TITLE, fixed, 1), encoding="utf-8")
    wait_for("the fixed title", page_shows(url, f'<h1 dir="auto">{fixed}</h1>'))
    # pages land on disk (and pages in view reload) a moment before the
    # rebuild has rendered everything and reports its result
    wait_for("the errors to clear", lambda: preview.server.errors == [])
    wait_for("the rebuild to finish", lambda: preview.last is not None and preview.last.ok)


def test_fifty_saves_alternating_good_and_broken(preview: Preview, site: Path) -> None:
    obj = site / OBJ_REL
    good = obj.read_text(encoding="utf-8")
    idle(preview)
    for i in range(50):
        if i % 2:
            text = good.replace(f"title: {OBJ_TITLE}", f"title: [broken {i}", 1)
        else:
            text = good.replace(OBJ_TITLE, f"Good save {i:02d}", 1)
        obj.write_text(text, encoding="utf-8")
        time.sleep(0.01 + (i % 5) * 0.01)  # some saves land mid-rebuild
    final = f"Final good save {uuid.uuid4().hex}"
    obj.write_text(good.replace(OBJ_TITLE, final, 1), encoding="utf-8")

    wait_for(
        "the final title", page_shows(preview.server.url + OBJ_URL, f'<h1 dir="auto">{final}</h1>')
    )
    count = settle(preview)
    assert fetch(preview.server.url)[0] == 200
    assert preview.server.errors == []
    assert preview.last is not None and preview.last.ok
    assert count <= 52, f"{count} rebuilds for 51 saves"


# -- traversal -----------------------------------------------------------------

TRAVERSALS = [
    "/../okrsite.toml",
    "/%2e%2e/okrsite.toml",
    "/%2E%2E/okrsite.toml",
    "/..%2fokrsite.toml",
    "/..%2Fokrsite.toml",
    "/%2e%2e%2fokrsite.toml",
    "/..%5cokrsite.toml",
    "/objectives/../../okrsite.toml",
    "/objectives/%2e%2e/%2e%2e/okrsite.toml",
    "//../okrsite.toml",
    "/./../okrsite.toml",
    "/%252e%252e/okrsite.toml",
    "/leak.toml",
]


def test_path_traversal_never_returns_a_file_outside_the_build(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Build into a folder we own, so a copy of the (marked) configuration can
    # sit right beside the served folder, where ``..`` would find it.
    marker = f"secret-{uuid.uuid4().hex}"
    config = site / "okrsite.toml"
    config.write_text(config.read_text(encoding="utf-8") + f"\n# {marker}\n", encoding="utf-8")
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    p = Preview(site, port=0, as_of=AS_OF, echo=lambda m: None)
    try:
        p.start()
        assert p.out.parent == temp
        shutil.copy2(config, temp / "okrsite.toml")
        (p.out / "leak.toml").symlink_to(config)  # a link out of the build
        for path in TRAVERSALS:
            status, body = raw_get(p.server.url, path)
            assert marker.encode() not in body, f"{path} leaked the file ({status})"
            assert status in (400, 404), f"{path} answered {status}"
        # Control: the same client does fetch files that are in the build.
        status, body = raw_get(p.server.url, "/api/objectives.csv")
        assert status == 200 and b"q4-bookings" in body
    finally:
        p.stop()


# -- the command ---------------------------------------------------------------


class Served:
    """An ``okrsite serve`` process whose stderr is read by a thread."""

    def __init__(self, *args: str, tmp: Path | None = None) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "NO_COLOR": "1"}
        if tmp is not None:  # where the preview keeps the site it serves
            env["TMPDIR"] = str(tmp)
        self.proc = subprocess.Popen(
            [*OKRSITE, "serve", *args],
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

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            with self._lock:
                self.err.append(line)

    @property
    def stderr(self) -> str:
        with self._lock:
            return "".join(self.err)

    def wait_line(self, pattern: str, timeout: float = WAIT) -> re.Match[str]:
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = regex.search(self.stderr)
            if found:
                return found
            if self.proc.poll() is not None:
                self._reader.join(5)
                found = regex.search(self.stderr)
                if found:
                    return found
                raise AssertionError(f"okrsite serve exited {self.proc.returncode}:\n{self.stderr}")
            time.sleep(0.05)
        raise AssertionError(f"no {pattern!r} on stderr within {timeout:.0f} s:\n{self.stderr}")

    def interrupt(self, timeout: float = WAIT) -> int:
        self.proc.send_signal(signal.SIGINT)
        try:
            rc = self.proc.wait(timeout)
        finally:
            self.close()
        return rc

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        self._reader.join(5)
        if self.proc.stdout is not None:
            self.proc.stdout.close()


def test_okrsite_serve_prints_the_url_serves_and_stops_on_sigint(site: Path) -> None:
    served = Served("--port", "0", "--site", str(site), "--as-of", "2026-11-20")
    try:
        found = served.wait_line(r"serving \S+ at (http://127\.0\.0\.1:(\d+)/)")
        url, port = found.group(1), int(found.group(2))
        assert port != 0
        status, body = fetch(url)
        assert status == 200 and "Northwind Analytics" in body
        status, body = fetch(url + OBJ_URL)
        assert status == 200 and OBJ_TITLE in body
        assert not (site / "_site").exists()
        rc = served.interrupt()
    finally:
        served.close()
    err = served.stderr
    assert rc in (0, 130), f"exit code {rc}:\n{err}"
    assert "Traceback" not in err, err
    assert "okrsite: stopped" in err
    with pytest.raises(OSError):
        urllib.request.urlopen(url, timeout=5)


def test_okrsite_serve_warns_when_listening_on_all_interfaces(site: Path, tmp_path: Path) -> None:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    served = Served("--host", "0.0.0.0", "--port", "0", "--site", str(site), tmp=tmp)
    try:
        served.wait_line(r"warning: listening on 0\.0\.0\.0")
        assert (
            "okrsite: warning: listening on 0.0.0.0: other machines on your network "
            "can see this preview" in served.stderr
        )
        served.wait_line(r"serving \S+ at http://")
        assert [p.name for p in tmp.iterdir()][0].startswith("okrsite-serve-")
        rc = served.interrupt()  # stopped as a person stops it, not killed
    finally:
        served.close()
    assert rc in (0, 130), served.stderr
    assert list(tmp.iterdir()) == []  # the folder it served from is gone


def test_a_broken_file_put_back_says_no_page_changed(
    preview: Preview, site: Path, messages: list[str]
) -> None:
    """Break a file, then put it back as it was: the log said "rebuilt 0
    pages … (0 files parsed, 12 rendered)", which reads as a contradiction.
    It says what changed on the site, then the work done.

    No rebuild is counted: each step waits with :func:`idle` for the
    rebuild it saw to finish. A straggling rebuild of the broken save after
    ``messages.clear()`` says "rebuild failed", never "rebuilt in"; one of
    the good save after the good rebuild says "no page changed" too."""
    idle(preview)
    obj = site / OBJ_REL
    good = obj.read_bytes()
    obj.write_bytes(good.replace(b"title:", b"title: [", 1))
    wait_for("the failed rebuild", lambda: preview.last is not None and not preview.last.ok)
    idle(preview)
    messages.clear()
    obj.write_bytes(good)
    wait_for("the good rebuild", lambda: preview.last is not None and preview.last.ok)
    idle(preview)  # its line is echoed before on_change returns
    lines = [m for m in messages if m.startswith("okrsite: rebuilt in ")]
    assert lines, messages
    assert re.fullmatch(
        r"okrsite: rebuilt in \d+ ms: no page changed \(0 files parsed, \d+ pages? rendered\)",
        lines[-1],
    ), lines
