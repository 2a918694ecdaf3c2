"""What new commits did, read from git's object store in one stream per worker.

Each commit's ``git log --raw`` entries name the blobs before and after; the
blobs come from one ``git cat-file --batch`` process fed by a writer thread,
so requests and answers stream without a round trip per blob (a round trip
per blob cost more than the parsing on a busy machine). The order in which
blobs are needed is worked out first (:func:`blob_plan`): a blob that is the
new side of one change is usually the old side of the next change to the same
file, so it is read and parsed once and handed from one to the other.

Many commits are read by forked workers, each with its own stream, each
reading every commit's changes to a share of the files
(:mod:`okrsite.history_split`), so each file's versions are still parsed one
from the other.
"""

from __future__ import annotations

import hashlib
import subprocess
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from okrsite import cycles, fork_pool, sitefiles
from okrsite.config import SiteConfig
from okrsite.git_command import git_argv
from okrsite.git_environment import git_environment
from okrsite.gitsource import ZERO_OID, GitError, RawChange
from okrsite.history_events import CsvSaid, Event, Record, commit_events, csv_said, written_as
from okrsite.history_parse import Version, holds_no_goal, parse_version
from okrsite.history_split import (
    Share,
    assign_files,
    before_path,
    merge,
    mine,
    share_of,
    split_moves,
    wanted,
)
from okrsite.model import KPI, CheckIn, Objective
from okrsite.parse import parse_csv
from okrsite.parse_names import kind_and_id_from_path

CommitChanges = tuple[str, list[RawChange]]
Key = tuple[str, str]  # (path in the repository, blob id)
PARALLEL_CHANGES = 3000  # below this many file changes, forking costs more than it saves
GIT_IDLE_SECONDS = 120.0  # git cat-file silent this long is stopped: an error, never a hang
_CHUNK = 1 << 20  # an oversized blob's bytes are read past this much at a time


class Oversize:
    """What :func:`stream_blobs` yields for a blob over the size limit, unread."""


#: the one :class:`Oversize`: a version over :data:`okrsite.sitefiles.MAX_FILE_BYTES`
#: is refused from the size git records, as the working tree's file and
#: ``okrsite diff`` refuse it (OKR014), and counts as a version that cannot be
#: read (skipped: :meth:`_Versions.records`)
OVERSIZE = Oversize()


def blob_plan(commits: Sequence[CommitChanges], known: Mapping[Key, Any]) -> list[str]:
    """The blobs to stream, in the order :class:`_Versions` will ask for them.

    ``known`` versions (``(path, blob)`` the current site already parsed) are
    never streamed. A version is held by its path *and* blob: the same bytes
    under another path (a file moved or copied) are another record, whose id
    comes from that path, so they are streamed and parsed again.
    """
    held: set[Key] = set()
    plan: list[str] = []
    for _sha, changes in commits:
        for ch in changes:
            if not wanted(ch.path):
                continue
            old = (before_path(ch), ch.old)
            if ch.old != ZERO_OID and old not in known:
                if old in held:
                    held.discard(old)
                else:
                    plan.append(ch.old)
            new = (ch.path, ch.new)
            if ch.new != ZERO_OID and new not in known and new not in held:
                plan.append(ch.new)
                held.add(new)
    return plan


def known_versions(
    site_root: Path,
    prefix: str,
    records: Iterable[Record | CheckIn],
    toplevel: Path | None = None,
) -> dict[Key, Any]:
    """The current site's parsed records by ``(repository path, blob id)``.

    Most versions in a history are the current ones (a check-in is written
    once and never changed), and the site has just parsed those. A file's
    blob id is the one git's index holds for it (:func:`index_blobs`, when
    ``toplevel``, the repository's top folder, is given) if git finds the
    file as staged, else its bytes hashed the way git does. A file whose
    bytes differ from every committed version simply matches nothing.
    """
    index = index_blobs(toplevel, prefix) if toplevel is not None else {}
    out: dict[Key, Any] = {}
    for rec in records:
        path = prefix + rec.file
        oid = index.get(path)
        if oid is None:
            try:
                raw = (site_root / rec.file).read_bytes()
            except OSError:
                continue
            oid = hashlib.sha1(b"blob %d\0" % len(raw) + raw, usedforsecurity=False).hexdigest()
        out[(path, oid)] = rec
    return out


def index_blobs(toplevel: Path, prefix: str) -> dict[str, str]:
    """``{path: blob id}`` of the files under ``prefix`` whose working copy is what
    git's index holds (``git ls-files -s`` less what ``git diff-files`` finds
    changed, which checks content where file times leave doubt).

    Reading 50,000 files to hash them cost a second on a large site; these
    two commands answer from the index. Empty when git cannot answer: the
    files are hashed then.
    """
    where = ["--", prefix.rstrip("/") or "."]

    def git(*args: str) -> bytes:
        return subprocess.run(
            git_argv([*args, *where]),
            cwd=toplevel,
            env=git_environment(toplevel),
            capture_output=True,
            check=True,
            timeout=GIT_IDLE_SECONDS,
        ).stdout

    try:
        staged = git("ls-files", "-s", "-z")
        changed = git("diff-files", "--name-only", "-z")
    except (OSError, subprocess.SubprocessError):
        return {}
    dirty = set(changed.split(b"\0"))
    out: dict[str, str] = {}
    for entry in staged.split(b"\0"):
        meta, _, path = entry.partition(b"\t")
        fields = meta.split(b" ")
        # mode, blob, stage: only plain files at stage 0 (not a conflict's sides, links)
        plain = len(fields) == 3 and fields[2] == b"0" and fields[0] in (b"100644", b"100755")
        if plain and path not in dirty:
            out[path.decode("utf-8", "surrogateescape")] = fields[1].decode()
    return out


_PIPE_SIZE = 1 << 20


def _widen(pipe: Any) -> None:
    """Let git write up to 1 MiB ahead (Linux), so reading waits on it a few times, not per blob.

    On a busy machine each wait for the other process costs a scheduling
    slice; with the default 64 KiB pipe that was most of the reading time.
    """
    try:
        import fcntl

        fcntl.fcntl(pipe.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), _PIPE_SIZE)
    except (ImportError, OSError):
        pass  # other systems, or a lower limit: the default pipe works, a little slower


def stream_blobs(
    repo: Path, oids: Sequence[str], limit: int | None = None
) -> Generator[tuple[str, bytes | Oversize | None], None, None]:
    """``(oid, content)`` for each of ``oids`` in order, from one ``git cat-file --batch``.

    A blob larger than ``limit`` bytes (default: the size limit of a site's
    files, looked up now: tests lower it) is never held: its bytes are read
    past in chunks and :data:`OVERSIZE` stands for it, so a 300 MB file in an
    old commit costs no more memory than a small one."""
    limit = sitefiles.MAX_FILE_BYTES if limit is None else limit
    try:
        proc = subprocess.Popen(
            git_argv(["cat-file", "--batch"]),
            cwd=repo,
            env=git_environment(repo),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            bufsize=_PIPE_SIZE,
        )
    except FileNotFoundError as exc:
        raise GitError("git is not installed or not on PATH") from exc
    assert proc.stdin is not None and proc.stdout is not None
    _widen(proc.stdout)
    stdin, stdout = proc.stdin, proc.stdout

    def feed() -> None:
        try:
            for i in range(0, len(oids), 512):
                stdin.write("".join(f"{o}\n" for o in oids[i : i + 512]).encode())
            stdin.close()
        except (OSError, ValueError):
            pass  # the reader stopped early and closed the process

    last = [time.monotonic()]  # when git last answered
    done = threading.Event()

    def watch() -> None:
        """Stop git when it answers nothing for GIT_IDLE_SECONDS: reading then ends with
        an error instead of waiting forever."""
        while not done.wait(min(1.0, GIT_IDLE_SECONDS)):
            if time.monotonic() - last[0] > GIT_IDLE_SECONDS:
                proc.kill()
                return

    writer = threading.Thread(target=feed, daemon=True)
    watchdog = threading.Thread(target=watch, daemon=True)
    writer.start()
    watchdog.start()
    try:
        for oid in oids:
            header = stdout.readline().split()
            last[0] = time.monotonic()
            if len(header) < 3 or header[1] != b"blob":
                if len(header) >= 2 and header[1] == b"missing":
                    yield oid, None
                    continue
                if not header:  # end of output: git ended, or the watchdog stopped it
                    raise GitError(
                        f"git cat-file stopped (answered nothing for {GIT_IDLE_SECONDS:.0f} s, "
                        "or ended) before every version was read"
                    )
                raise GitError(f"git cat-file answered {header!r} for {oid}")
            size = int(header[2])
            if size > limit:
                left = size + 1  # the content, then a newline
                while left > 0:
                    got = stdout.read(min(left, _CHUNK))
                    if not got:
                        break  # git ended: the next header says so
                    left -= len(got)
                    last[0] = time.monotonic()
                yield oid, OVERSIZE
                continue
            data = stdout.read(size + 1)
            last[0] = time.monotonic()
            yield oid, data[:size]
    finally:
        done.set()
        proc.kill()
        proc.wait()
        stdout.close()
        # both threads end now (the pipe is closed, the event set): none outlives
        # the stream, so no fork can copy one of them holding a lock
        writer.join()
        watchdog.join()


class _Versions:
    """Parsed versions by blob id, taken from the stream in :func:`blob_plan` order.

    A Markdown file's new version is parsed from what changed since its old
    version (:func:`okrsite.history_parse.parse_version`), which is at hand:
    it is the old side of the same change.
    """

    def __init__(
        self,
        stream: Iterator[tuple[str, bytes | Oversize | None]],
        config: SiteConfig,
        known: Mapping[Key, Any],
        prefix: str,
        repo: Path | None = None,
    ) -> None:
        self.stream = stream
        self.config = config
        self.known = known
        self.prefix = prefix
        self.repo = repo
        #: parsed versions by (path in the repository, blob): see blob_plan
        self.held: dict[Key, Any] = {}
        #: by path, the last version that could be read of a file whose
        #: newest version read so far could not (see :meth:`records`)
        self.last_read: dict[str, Record] = {}
        #: by path, the readings of the last version of a CSV file that could be read
        self.csv_last: dict[str, dict[str, CsvSaid]] = {}
        #: the people and teams the versions read for the commit at hand name,
        #: as they write them: ``(kind, id) → name`` (:func:`share_of` empties
        #: it for each commit; :func:`okrsite.history_events.commit_events`
        #: keeps the names of the owners and teams its changes name)
        self.written: dict[tuple[str, str], str] = {}

    def _get(self, path: str, oid: str, old: bool, parse: Callable[[str, bytes], Any]) -> Any:
        if oid == ZERO_OID:
            return None
        key = (self.prefix + path, oid)
        if key in self.known:
            return self.known[key]
        if key in self.held:
            return self.held.pop(key) if old else self.held[key]
        got, raw = next(self.stream)
        if got != oid:  # a plan and its use out of step is a bug, not a user error
            raise RuntimeError(f"blob stream out of order: wanted {oid}, got {got}")
        if isinstance(raw, Oversize):
            value: Any = Version(None)  # too large to read: a version that cannot be read
        else:
            value = parse(path, raw) if raw is not None else None
        if not old:
            self.held[key] = value
        return value

    def records(
        self, path: str, old_oid: str, new_oid: str, old_path: str | None = None
    ) -> tuple[Record | CheckIn | None, Record | CheckIn | None]:
        """The records of both sides of one change to Markdown file ``path``; the
        old side read as ``old_path`` when the change moved the file there."""
        old = self._get(old_path or path, old_oid, True, self._parser(None))
        before = old if isinstance(old, Version) else None
        new = self._get(path, new_oid, False, self._parser(before))
        for version in (old, new):
            if isinstance(version, Version):
                written_as(self.written, version.names)
        old_rec, new_rec = self._named(_record(old)), self._named(_record(new))
        # A version that cannot be read (a YAML slip: ``owner: [Uma``) is
        # skipped, not taken for the file's removal: the file was never
        # removed, and the commit that puts it right is compared with the
        # last version that could be read, so what it changed besides (a
        # target moved in the same fix) is on the timeline.
        last = self.last_read.pop(old_path or path, None)
        if old_rec is None and _unreadable(old):
            old_rec = last if last is not None else self._read_before(old_path or path, old_oid)
        if new_rec is None and _unreadable(new) and isinstance(old_rec, (Objective, KPI)):
            new_rec = old_rec  # nothing changed that can be told
            self.last_read[path] = old_rec
        return old_rec, new_rec

    def _read_before(self, path: str, oid: str) -> Record | None:
        """The last version before unreadable version ``oid`` of ``path`` that
        can be read, from git: the commit that broke the file was read in an
        earlier build (its events are cached), so this read never saw it."""
        kind, _id = kind_and_id_from_path(path, self.config.content_dir)
        if self.repo is None or kind not in ("objective", "kpi"):
            return None  # a team's, person's or page's file holds no record anyway
        blobs = _earlier_blobs(self.repo, self.prefix + path, oid)
        for blob in blobs:
            raw = _blob(self.repo, blob)
            if raw is None:
                return None
            if isinstance(raw, Oversize):
                continue  # refused unread: the one before it, then
            rec = _record(self._parser(None)(path, raw))
            if rec is not None:
                rec = self._named(rec)
                return rec if isinstance(rec, (Objective, KPI)) else None
        return None

    def _named(self, rec: Record | CheckIn | None) -> Record | CheckIn | None:
        """``rec`` with its cycle named as resolving names it (``Q4 2026`` is
        ``2026-Q4``): rewriting how a quarter is spelled changes no cycle, and
        the mid-cycle rule looks the name up among the site's cycles."""
        if isinstance(rec, Objective) and rec.cycle:
            named = cycles.canonical(rec.cycle, self.config.cycles)
            if named != rec.cycle:
                return replace(rec, cycle=named)
        return rec

    def csv_days(self, path: str, oid: str, old: bool) -> dict[str, CsvSaid]:
        """A CSV version's readings by day. A version that cannot be read (over
        the size or row limit) is taken for the last one that could: the
        version after it is compared with that, so its rows are not credited
        to the commit that put the file right."""
        value = self._get(path, oid, old, _csv_days)
        if isinstance(value, dict):
            self.csv_last[path] = value
            return value
        if isinstance(value, Version):
            return self.csv_last.get(path, {})
        return {}

    def _parser(self, before: Version | None) -> Callable[[str, bytes], Version]:
        """Parse one version of a file, from the blocks of ``before`` that did not change."""

        def parse(path: str, raw: bytes) -> Version:
            if holds_no_goal(path, raw, self.config.content_dir):
                return Version(None)  # a team, person or page: no timeline reads it
            return parse_version(
                path,
                raw,
                before,
                content_dir=self.config.content_dir,
                default_cycle=self.config.default_cycle,
            )

        return parse


def _record(value: Any) -> Record | CheckIn | None:
    """The record of a parsed version, or of one the current site parsed. A
    check-in whose date cannot be read (its file has that error) is none: it
    is parsed only so that its references are checked."""
    if isinstance(value, Version):
        value = value.record
    if isinstance(value, CheckIn):
        return None if value.undated else value
    return value if isinstance(value, (Objective, KPI)) else None


def _unreadable(value: Any) -> bool:
    """Whether a parsed version is one of a goal's file that could not be read
    (no record; a team's, person's or page's file has none either, but none
    of those is ever a goal's last readable version)."""
    return isinstance(value, Version) and value.record is None


def _earlier_blobs(repo: Path, path: str, oid: str) -> list[str]:
    """The versions of ``path`` before version ``oid``, newest first, from
    ``git log --raw`` of the file (empty when git cannot say)."""
    try:
        out = subprocess.run(
            git_argv(["log", "--format=", "--raw", "--no-abbrev", "--no-renames", "--", path]),
            cwd=repo,
            env=git_environment(repo),
            capture_output=True,
            check=True,
            timeout=GIT_IDLE_SECONDS,
        ).stdout.decode("utf-8", "surrogateescape")
    except (OSError, subprocess.SubprocessError):
        return []
    found: list[str] = []
    after = False
    for line in out.splitlines():
        fields = line.split("\t", 1)[0].split()
        if len(fields) < 4 or not line.startswith(":"):
            continue
        old, new = fields[2], fields[3]
        if new == oid:
            after = True
        if after and old != ZERO_OID and old not in found:
            found.append(old)
    return found


def _blob(repo: Path, oid: str) -> bytes | Oversize | None:
    """Blob ``oid``, :data:`OVERSIZE` when it is larger than the limit (its size
    asked first, so it is never read), ``None`` when git cannot give it."""

    def cat_file(*args: str) -> bytes:
        return subprocess.run(
            git_argv(["cat-file", *args, oid]),
            cwd=repo,
            env=git_environment(repo),
            capture_output=True,
            check=True,
            timeout=GIT_IDLE_SECONDS,
        ).stdout

    try:
        if int(cat_file("-s").strip() or b"0") > sitefiles.MAX_FILE_BYTES:
            return OVERSIZE
        return cat_file("blob")
    except (OSError, subprocess.SubprocessError, ValueError):
        return None


def _csv_days(path: str, raw: bytes) -> dict[str, CsvSaid] | Version:
    """A CSV version's readings by day: the whole figure, or with what its cell
    writes beside the digits (``(1200000, "€M")``), which a KPI counting in a
    magnitude (``k€``) counts it by (:func:`okrsite.history_events.csv_said`);
    one over the row limit (OKR009, as the working tree's file is refused) is a
    version that cannot be read."""
    rows, diags = parse_csv(path, raw)
    if not rows and any(d.code == "OKR009" for d in diags):
        return Version(None)
    return {row[0].isoformat(): csv_said(row) for row in rows}


def _events(changes: Sequence[RawChange], prefix: str, versions: _Versions) -> Event:
    picked = [(i, ch) for i, ch in enumerate(changes) if wanted(ch.path)]
    return share_of(picked, prefix, versions.records, versions.csv_days, versions.written)[0]


def _run(
    repo: Path,
    prefix: str,
    config: SiteConfig,
    commits: Sequence[CommitChanges],
    known: Mapping[Key, Any],
) -> dict[str, Event]:
    stream = stream_blobs(repo, blob_plan(commits, known))
    try:
        versions = _Versions(stream, config, known, prefix, repo)
        return {sha: _events(changes, prefix, versions) for sha, changes in commits}
    finally:
        stream.close()


_PartsState = tuple[
    Path, str, SiteConfig, Sequence[CommitChanges], Mapping[Key, Any], list[set[str]]
]


def _read_part(index: int) -> dict[str, Share]:
    """In a forked worker: what every commit did to the files of share ``index``
    (:func:`okrsite.history_split.assign_files`), read from one stream."""
    repo, prefix, config, commits, known, files = fork_pool.shared()
    picked = mine(commits, files[index])
    plan = blob_plan([(sha, [ch for _i, ch in changes]) for sha, changes in picked], known)
    stream = stream_blobs(repo, plan)
    try:
        versions = _Versions(stream, config, known, prefix, repo)
        return {
            sha: share_of(changes, prefix, versions.records, versions.csv_days, versions.written)
            for sha, changes in picked
        }
    finally:
        stream.close()


def _may_fork() -> bool:
    """Fork workers only from a process with no other thread.

    A forked child gets a copy of every lock as it was, but only the thread
    that forked: a lock another thread held at that moment (the preview's
    server writing a log line, a stream's writer thread) stays held in the
    child for ever, and the child hangs when it takes it. So with other
    threads alive (``okrsite serve``) the commits are read in this process,
    more slowly but never stuck.
    """
    return fork_pool.can_fork() and threading.active_count() == 1


def commit_events_of(
    repo: Path,
    prefix: str,
    config: SiteConfig,
    commits: Sequence[CommitChanges],
    jobs: int = 1,
    known: Mapping[Key, Any] | None = None,
) -> dict[str, Event]:
    """``{commit: events}`` for ``commits`` (oldest first), in ``jobs`` processes when many.

    ``known``: versions already parsed (:func:`known_versions`), used instead
    of parsing the same bytes again. The workers come from
    :func:`okrsite.fork_pool.forked_pool`, the pool loading and rendering use:
    they inherit the commits and ``known`` instead of receiving them pickled,
    and die with the build.
    """
    known = known or {}
    commits = split_moves(commits)
    total = sum(len(changes) for _sha, changes in commits)
    if jobs <= 1 or total < PARALLEL_CHANGES or not _may_fork():
        return _run(repo, prefix, config, commits, known)
    files = assign_files(commits, jobs, known)
    state: _PartsState = (repo, prefix, config, commits, known, files)
    # this process reads the first share itself while jobs - 1 forked workers
    # read the others, as rendering does: one process fewer to fork and end,
    # and one share fewer to pickle and read back before the history goes on
    # (the executor forks every worker at the first submit, before it starts
    # any thread of its own, so no worker inherits a thread's lock)
    with fork_pool.forked_pool(state, jobs - 1) as pool:
        others = [pool.submit(_read_part, index) for index in range(1, jobs)]
        parts = [_read_part(0), *(future.result() for future in others)]
    out: dict[str, Event] = {}
    again: list[CommitChanges] = []
    for sha, changes in commits:
        shares = [part[sha] for part in parts if sha in part]
        event = merge(shares) if shares else commit_events({}, {}, [], [])
        if event is None:  # the shares could meet (a moved file): read it whole
            again.append((sha, changes))
        out[sha] = event or {}
    if again:
        out.update(_run(repo, prefix, config, again, known))
    return out
