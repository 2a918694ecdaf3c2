"""``okrsite serve`` stopping and the passing of days (audit 36).

Each test serves its own copy of the example site from a real
:class:`~okrsite.preview.Preview` (or the real ``okrsite serve`` command) on a
free port of 127.0.0.1 and stops it itself.
"""

from __future__ import annotations

import http.client
import re
import signal
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_serve import (
    AS_OF,
    OBJ_REL,
    OBJ_URL,
    WAIT,
    Served,
    copy_site,
    fetch,
    set_title,
    wait_for,
)

from okrsite.cli import cli
from okrsite.preview import Preview
from okrsite.server_livereload import EVENTS_PATH


class Events:
    """One event stream of the preview, read with http.client."""

    def __init__(self, port: int) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=WAIT)
        self.conn.request("GET", EVENTS_PATH)
        self.resp = self.conn.getresponse()
        assert self.resp.status == 200

    def next_event(self) -> str | None:
        """The next event's name; ``None`` once the server closed the stream."""
        while True:
            line = self.resp.readline().decode("utf-8")
            if not line:
                return None
            if line.startswith("event:"):
                return line[6:].strip()

    def close(self) -> None:
        self.conn.close()


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_site(tmp_path / "site")


def test_stopping_during_a_rebuild_tells_no_tab_to_reload(site: Path) -> None:
    messages: list[str] = []
    preview = Preview(site, port=0, as_of=AS_OF, echo=messages.append)
    stopper: threading.Thread | None = None
    held = False
    try:
        preview.start()
        events = Events(preview.server.port)
        assert events.next_event() == "ok"  # the state, on connecting
        # a save whose rebuild is under way when the preview is stopped:
        # the rebuild waits for the preview's lock, held here
        preview.lock.acquire()
        held = True
        set_title(site / OBJ_REL, "Saved just before Ctrl-C")
        wait_for("the rebuild to start", lambda: preview.watcher.busy)
        stopper = threading.Thread(target=preview.stop)
        stopper.start()
        time.sleep(0.5)
        preview.lock.release()
        held = False
        stopper.join(WAIT)
        assert not stopper.is_alive()
        after = []
        while (event := events.next_event()) is not None:
            after.append(event)
        events.close()
    finally:
        if held:
            preview.lock.release()
        if stopper is None:
            preview.stop()
    # the stream closed (the tab reconnects when serve is back) without a
    # reload into a server that was going away
    assert "reload" not in after, after
    assert sum("rebuilt in" in m for m in messages) == 1, messages  # the first build only
    assert not preview.out.exists()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_serve_cleanly_and_says_stopped_last(
    site: Path, tmp_path: Path, sig: signal.Signals
) -> None:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    served = Served("--port", "0", "--site", str(site), "--as-of", "2026-11-20", tmp=tmp)
    try:
        found = served.wait_line(r"serving \S+ at (http://127\.0\.0\.1:(\d+)/)")
        events = Events(int(found.group(2)))
        assert events.next_event() == "ok"
        set_title(site / OBJ_REL, "Saved just before the signal")
        served.wait_line(r"rebuilt in .*\n(?:.*\n)*?.*rebuilt in")  # the save's rebuild
        set_title(site / OBJ_REL, "Saved as the signal comes")
        time.sleep(0.05)  # the watcher's quiet period: the rebuild is starting
        served.proc.send_signal(sig)
        rc = served.proc.wait(WAIT)
        assert events.next_event() is not None  # the first save's reload, at least
        events.close()
    finally:
        served.close()
    err = served.stderr
    assert rc == 0, err
    assert "Traceback" not in err, err
    assert err.rstrip("\n").splitlines()[-1] == "okrsite: stopped", err
    assert list(tmp.iterdir()) == []  # the folder it served from is gone


_SIGNAL_ON_ANOTHER_THREAD = """
import signal, sys, threading, time
from okrsite.cli import cli

def poke():
    # once the preview serves and watches, Ctrl-C lands on this thread, not
    # the main one, as the kernel may hand a process's signal to any thread
    while not any(t.name.startswith("okrsite-watch") for t in threading.enumerate()):
        time.sleep(0.05)
    time.sleep(0.5)
    signal.pthread_kill(threading.get_ident(), signal.SIGINT)

threading.Thread(target=poke, daemon=True).start()
cli(["serve", "--port", "0", "--site", sys.argv[1], "--as-of", "2026-11-20"])
"""


def test_ctrl_c_handed_to_another_thread_still_stops_serve(site: Path) -> None:
    """The main thread waited an hour at a time: a signal the kernel delivered
    to another thread (the rebuild's) set Python's flag but never woke it."""
    started = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-c", _SIGNAL_ON_ANOTHER_THREAD, str(site)],
            capture_output=True,
            text=True,
            timeout=WAIT,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("okrsite serve slept through Ctrl-C")
    assert done.returncode == 0, done.stderr
    assert done.stderr.rstrip("\n").splitlines()[-1] == "okrsite: stopped", done.stderr
    assert time.monotonic() - started < WAIT


# -- a new day -----------------------------------------------------------------

_TAG = re.compile(r'<script src="(?:\.\./)*__okrsite/livereload\.js" data-build="[^"]*"></script>')


def built(site: Path, out: Path, day: date, rel: str) -> str:
    """``rel`` as ``okrsite build --as-of day`` writes it (the command in this
    process, through click's runner: a process of its own adds nothing here)."""
    done = CliRunner().invoke(
        cli, ["build", "--site", str(site), "--out", str(out), "--as-of", day.isoformat()]
    )
    assert done.exit_code == 0, done.output
    return (out / rel).read_text(encoding="utf-8")


def served_page(url: str) -> str:
    status, body = fetch(url)
    assert status == 200
    return _TAG.sub("", body)


def test_a_new_day_rebuilds_the_site_as_okrsite_build_of_that_day(
    site: Path, tmp_path: Path
) -> None:
    day = [date(2026, 11, 20)]
    messages: list[str] = []
    preview = Preview(site, port=0, echo=messages.append, today=lambda: day[0], clock_interval=0.05)
    try:
        preview.start()
        url = preview.server.url
        rebuilds = preview.rebuilds
        first = served_page(url)
        assert first == built(site, tmp_path / "day1", day[0], "index.html")
        time.sleep(0.3)
        assert preview.rebuilds == rebuilds  # the same day: nothing to do
        day[0] = date(2026, 11, 21)  # midnight passes, no file is saved
        wait_for("the rebuild of the new day", lambda: preview.rebuilds > rebuilds)
        wait_for("the watcher to be idle", lambda: not preview.lock.locked())
        second = served_page(url)
        assert second != first
        assert second == built(site, tmp_path / "day2", day[0], "index.html")
        page = served_page(url + OBJ_URL)
        assert page == built(site, tmp_path / "day2", day[0], OBJ_URL + "index.html")
    finally:
        preview.stop()


def test_a_pinned_date_is_kept_when_the_day_changes(site: Path) -> None:
    config = site / "okrsite.toml"
    config.write_text(config.read_text(encoding="utf-8") + '\nas_of = "2026-11-20"\n')
    day = [date(2026, 12, 1)]
    preview = Preview(site, port=0, echo=lambda m: None, today=lambda: day[0], clock_interval=0.05)
    try:
        preview.start()
        rebuilds = preview.rebuilds
        day[0] = date(2026, 12, 2)
        time.sleep(0.5)
        assert preview.rebuilds == rebuilds
    finally:
        preview.stop()
