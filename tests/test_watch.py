"""SiteWatcher: one callback per burst, never overlapping, never losing a save.

Every test runs twice: with OS notifications (inotify) and with polling
(``poll=True``), the mode for network drives and container bind mounts.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from okrsite.watch import SiteWatcher, is_editor_dropping

POLL_INTERVAL = 0.1


class Recorder:
    """Collects on_change calls; can make the first calls slow."""

    def __init__(self, delay: float = 0.0) -> None:
        self.calls: list[set[Path]] = []
        self.delay = delay
        self.running = 0
        self.max_running = 0
        self.started = threading.Event()
        self._lock = threading.Lock()
        self._cond = threading.Condition(self._lock)

    def __call__(self, changed: set[Path]) -> None:
        with self._lock:
            self.running += 1
            self.max_running = max(self.max_running, self.running)
        self.started.set()
        if self.delay:
            time.sleep(self.delay)
        with self._cond:
            self.calls.append(set(changed))
            self.running -= 1
            self._cond.notify_all()

    def wait_calls(self, n: int, timeout: float = 5.0) -> list[set[Path]]:
        with self._cond:
            ok = self._cond.wait_for(lambda: len(self.calls) >= n, timeout)
            assert ok, f"expected {n} call(s), got {self.calls}"
            return list(self.calls)

    def names(self, i: int) -> set[str]:
        return {p.name for p in self.calls[i]}


@pytest.fixture(params=[False, True], ids=["inotify", "poll"])
def poll(request: pytest.FixtureRequest) -> bool:
    return bool(request.param)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "content" / "objectives").mkdir(parents=True)
    (root / "content" / "objectives" / "a.md").write_text("a\n")
    (root / "_site").mkdir()
    (root / "okrsite.toml").write_text("[site]\n")
    return root


WatcherFactory = Callable[..., tuple[SiteWatcher, Recorder]]


@pytest.fixture
def watch(site: Path, poll: bool) -> Iterator[WatcherFactory]:
    started: list[SiteWatcher] = []

    def make(
        paths: list[Path] | None = None, delay: float = 0.0, **kw: object
    ) -> tuple[SiteWatcher, Recorder]:
        rec = Recorder(delay)
        w = SiteWatcher(
            paths if paths is not None else [site],
            rec,
            ignore=[site / "_site"],
            poll=poll,
            poll_interval=POLL_INTERVAL,
            **kw,  # type: ignore[arg-type]
        )
        w.start()
        started.append(w)
        return w, rec

    yield make
    for w in started:
        w.stop()


def quiet_period(poll: bool) -> float:
    """Long enough that any (wrongly) triggered callback would have happened."""
    return 0.6 if poll else 0.3


def test_burst_of_writes_is_one_callback(site: Path, watch: WatcherFactory, poll: bool) -> None:
    # a quiet period longer than the default: on a loaded machine two of the
    # ten writes can be more than 50 ms apart, which is two bursts
    _, rec = watch(debounce=0.5)
    target = site / "content" / "objectives" / "a.md"
    for i in range(10):
        target.write_text(f"version {i}\n")
    rec.wait_calls(1)
    time.sleep(quiet_period(poll))
    assert len(rec.calls) == 1
    assert target in rec.calls[0]


def test_change_during_slow_rebuild_gives_exactly_one_more(
    site: Path, watch: WatcherFactory, poll: bool
) -> None:
    _, rec = watch(delay=0.5)
    (site / "content" / "objectives" / "a.md").write_text("first\n")
    assert rec.started.wait(5)
    # The first rebuild is running now: these must not be lost or overlap.
    time.sleep(0.05)
    (site / "content" / "objectives" / "b.md").write_text("during\n")
    (site / "content" / "objectives" / "c.md").write_text("during\n")
    rec.wait_calls(2)
    # A third call would be running (each call takes 0.5 s before it is
    # recorded): count the running ones instead of waiting for it to end.
    time.sleep(quiet_period(poll))
    assert len(rec.calls) == 2 and rec.running == 0, (rec.calls, rec.running)
    assert rec.max_running == 1
    assert "a.md" in rec.names(0)
    assert {"b.md", "c.md"} <= rec.names(1)


def test_new_file_and_new_folder(site: Path, watch: WatcherFactory) -> None:
    _, rec = watch()
    new = site / "content" / "kpis" / "nps.md"
    new.parent.mkdir()
    new.write_text("---\ntitle: NPS\n---\n")
    calls = rec.wait_calls(1)
    # A burst can be split: the folder may come first, the file right after.
    deadline = time.monotonic() + 3
    while new not in set().union(*rec.calls) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert new in set().union(*rec.calls), calls


def test_deletion(site: Path, watch: WatcherFactory) -> None:
    _, rec = watch()
    target = site / "content" / "objectives" / "a.md"
    target.unlink()
    rec.wait_calls(1)
    assert target in rec.calls[0]


def test_rename_reports_both_ends(site: Path, watch: WatcherFactory) -> None:
    _, rec = watch()
    src = site / "content" / "objectives" / "a.md"
    dest = site / "content" / "objectives" / "renamed.md"
    src.rename(dest)
    rec.wait_calls(1)
    assert {src, dest} <= rec.calls[0]


def test_move_out_of_and_into_watched_folder(
    site: Path, tmp_path: Path, watch: WatcherFactory
) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text("x\n")
    _, rec = watch()
    inside = site / "content" / "objectives" / "moved-in.md"
    outside.rename(inside)
    rec.wait_calls(1)
    assert inside in set().union(*rec.calls)


def test_editor_droppings_trigger_nothing(site: Path, watch: WatcherFactory, poll: bool) -> None:
    _, rec = watch()
    folder = site / "content" / "objectives"
    for name in [
        ".a.md.swp",
        ".a.md.swx",
        "a.md~",
        ".#a.md",
        "#a.md#",
        "4913",
        "x.tmp",
        "a.md___jb_tmp___",
        "a.md___jb_old___",
        ".DS_Store",
    ]:
        (folder / name).write_text("junk")
        (folder / name).unlink()
    git = site / ".git" / "objects"
    git.mkdir(parents=True)
    (git / "abc").write_text("blob")
    pycache = site / "__pycache__"
    pycache.mkdir()
    (pycache / "m.cpython-311.pyc").write_bytes(b"\0")
    time.sleep(quiet_period(poll) + 0.3)
    assert rec.calls == []


def test_output_folder_is_ignored(site: Path, watch: WatcherFactory, poll: bool) -> None:
    _, rec = watch()
    out = site / "_site"
    (out / "objectives").mkdir()
    (out / "objectives" / "index.html").write_text("<p>built</p>")
    (out / "index.html").write_text("<p>built</p>")
    time.sleep(quiet_period(poll) + 0.3)
    assert rec.calls == []
    # ... while the watcher still sees real sources.
    (site / "content" / "objectives" / "a.md").write_text("changed\n")
    rec.wait_calls(1)


def test_single_file_and_missing_paths(site: Path, watch: WatcherFactory, poll: bool) -> None:
    toml = site / "okrsite.toml"
    content = site / "content"
    w, rec = watch(paths=[toml, content, site / "themes", site / "nope.toml"])
    assert w.watched == [toml, content]
    # Files beside the watched file do not count...
    (site / "README.md").write_text("readme\n")
    time.sleep(quiet_period(poll))
    assert rec.calls == []
    # ... an atomic save (temp file renamed over the original) does.
    tmp = site / "okrsite.toml.tmp"
    tmp.write_text("[site]\ntitle = 'x'\n")
    tmp.replace(toml)
    rec.wait_calls(1)
    assert rec.calls[0] == {toml}


def test_callback_exception_does_not_stop_watching(
    site: Path, poll: bool, caplog: pytest.LogCaptureFixture
) -> None:
    calls: list[set[Path]] = []
    event = threading.Event()

    def boom(changed: set[Path]) -> None:
        calls.append(changed)
        if len(calls) == 1:
            raise RuntimeError("template error")
        event.set()

    target = site / "content" / "objectives" / "a.md"
    with SiteWatcher([site], boom, poll=poll, poll_interval=POLL_INTERVAL):
        target.write_text("1\n")
        deadline = time.monotonic() + 5
        while not calls and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.1)
        target.write_text("2\n")
        assert event.wait(5)
    assert "rebuild after changes" in caplog.text


def test_stop_is_idempotent_and_joins(site: Path, poll: bool) -> None:
    w = SiteWatcher([site], lambda changed: None, poll=poll, poll_interval=POLL_INTERVAL)
    w.start()
    w.stop()
    w.stop()
    assert w._worker is not None and not w._worker.is_alive()
    with pytest.raises(RuntimeError):
        w.start()


def test_is_editor_dropping() -> None:
    for name in [".x.swp", "x~", ".#x", "#x#", "4913", "x.tmp", "x___jb_tmp___", ".DS_Store"]:
        assert is_editor_dropping(name), name
    for name in ["a.md", "okrsite.toml", "4913.md", "swp.md", "x.tmpl"]:
        assert not is_editor_dropping(name), name


def test_rules_apply_below_the_watched_folder_only(tmp_path: Path) -> None:
    root = tmp_path / "__pycache__" / "site"
    w = SiteWatcher([root], lambda changed: None, ignore=[root / "_site"])
    assert not w.is_ignored(root / "content" / "a.md", "content/a.md")
    assert w.is_ignored(root / ".git" / "HEAD", ".git/HEAD")
    assert w.is_ignored(root / "_site" / "index.html", "_site/index.html")
    staging = SiteWatcher([root], lambda changed: None, ignore_patterns=["_site.*"])
    assert staging.is_ignored(root / "_site.tmp1" / "x.html", "_site.tmp1/x.html")


def test_reads_are_not_even_delivered(
    site: Path, watch: WatcherFactory, poll: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only changes are subscribed to. A rebuild of a large site reads tens of
    thousands of files; as open and close events those would overflow
    inotify's queue (16,384 events), and the watcher's reconciling after an
    overflow reads and reports every file again."""
    import okrsite.watch as watch_module

    seen: list[str] = []
    dispatch = watch_module._Handler.dispatch

    def counting(self: object, event: object) -> None:
        seen.append(event.event_type)  # type: ignore[attr-defined]
        dispatch(self, event)  # type: ignore[arg-type]

    monkeypatch.setattr(watch_module._Handler, "dispatch", counting)
    _, rec = watch()
    target = site / "content" / "objectives" / "a.md"
    for _ in range(2_000):
        with open(target, "rb") as fh:
            fh.read()
    target.write_text("saved after the reads\n")
    rec.wait_calls(1)
    time.sleep(quiet_period(poll))
    assert rec.calls == [{target}]
    assert not {"opened", "closed_no_write"} & set(seen), sorted(set(seen))


def test_a_file_created_after_the_start_is_seen(
    site: Path, watch: WatcherFactory, poll: bool
) -> None:
    """okrsite serve started in a folder without okrsite.toml (the defaults)
    never saw the file written later: a missing file was not watched at all."""
    toml = site / "okrsite.toml"
    toml.unlink()
    w, rec = watch(paths=[toml, site / "content"])
    assert w.watched == [site / "content"]
    (site / "README.md").write_text("readme\n")
    time.sleep(quiet_period(poll))
    assert rec.calls == []
    toml.write_text('content_dir = "goals"\n')
    rec.wait_calls(1)
    assert rec.calls[0] == {toml}
