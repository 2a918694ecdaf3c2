"""Run git for the commands that read a site's past: diff and history.

``okrsite diff`` reads a revision's files (:mod:`okrsite.revision_tree`) and
the site's history reads every commit that touched the content folder
(:mod:`okrsite.history`); both go through the few helpers here, which keep
the number of git processes small however large the site is: one
``git ls-tree`` lists a tree, one ``git cat-file --batch`` streams blobs, one
``git log --raw -z`` walks the history.

Only the ``git`` command line is used (through :mod:`subprocess`), so there is
no extra dependency and the user's git configuration (safe directories,
alternates, shallow clones, ``.mailmap``) applies as usual, but for the
settings that change what git prints, which every command pins
(:mod:`okrsite.git_command`). Failures become
:class:`GitError` with a message written for the person at the terminal or
reading a CI log; the command line turns them into exit code 2.
"""

from __future__ import annotations

import functools
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from okrsite.git_command import git_argv
from okrsite.git_environment import git_environment
from okrsite.git_log_text import log_fields

DEFAULT_BRANCHES = ("origin/HEAD", "main", "master", "origin/main", "origin/master")
#: seconds one git command may take before it is stopped and reported: git
#: waiting on a lock, a credential prompt or a stalled network file system
#: must not hang a build or the preview
GIT_TIMEOUT = 600.0


class GitError(Exception):
    """A git operation failed in a way the user has to fix (exit code 2)."""


class NotInRepository(GitError):
    """The folder is in no git repository at all, as opposed to one git
    cannot read: a command that only needs the site's folder in the
    repository (``okrsite codeowners``) may then take the site's folder as
    the top, where one git refuses to read must not be guessed at."""


#: git's refusal of a repository owned by another user (a CI container's
#: checkout), and the folder its own advice names
_DUBIOUS = re.compile(r"safe\.directory\s+(?P<path>\S.*)$", re.M)


@dataclass(frozen=True, slots=True)
class GitSite:
    """Where a site sits inside its repository.

    ``prefix`` is the site folder relative to the repository root with a
    trailing slash (``""`` when the site is the repository root), as
    ``git rev-parse --show-prefix`` prints it.
    """

    toplevel: Path
    prefix: str


def _run(
    args: Sequence[str], cwd: Path, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            git_argv(args),
            cwd=cwd,
            env=git_environment(cwd),
            input=stdin,
            capture_output=True,
            check=False,
            timeout=GIT_TIMEOUT,
        )
    except FileNotFoundError as exc:  # git itself is missing
        raise GitError("git is not installed or not on PATH; okrsite diff needs it") from exc
    except subprocess.TimeoutExpired as exc:  # run() has killed it
        raise GitError(f"git {args[0]} did not finish within {GIT_TIMEOUT:.0f} s") from exc


def _stderr(proc: subprocess.CompletedProcess[bytes]) -> str:
    return proc.stderr.decode("utf-8", "replace").strip()


def find_site(site_dir: Path) -> GitSite:
    """The repository holding ``site_dir`` and the site's path inside it."""
    proc = _run(["rev-parse", "--show-toplevel", "--show-prefix"], site_dir)
    if proc.returncode != 0:
        detail = _stderr(proc)
        if "not a git repository" in detail.lower():
            raise NotInRepository(
                f"{site_dir} is not inside a git repository; okrsite diff compares git revisions "
                "(run 'git init' and commit, or run it in a clone)"
            )
        trusted = _DUBIOUS.search(detail)
        if "dubious ownership" in detail and trusted is not None:
            # git's advice spans lines a CI log shows apart; said on one
            first = detail.splitlines()[0].removeprefix("fatal: ")
            raise GitError(
                f"git refuses to read the repository of {site_dir} ({first}: it belongs "
                "to another user, as a CI container's checkout often does); if you trust "
                f"it, run: git config --global --add safe.directory {trusted['path'].strip()}"
            )
        raise GitError(f"git rev-parse failed in {site_dir}: {' '.join(detail.split())}")
    lines = proc.stdout.decode("utf-8", "surrogateescape").splitlines()
    toplevel = Path(lines[0]) if lines else site_dir
    prefix = lines[1] if len(lines) > 1 else ""
    return GitSite(toplevel=toplevel, prefix=prefix)


def shallow_boundary(repo: Path) -> set[str]:
    """The commits a shallow clone holds without their parents (``.git/shallow``).

    git shows each of them as if it had added every file it holds, which is
    not what happened: the history leaves their changes out."""
    proc = _run(["rev-parse", "--git-path", "shallow"], repo)
    if proc.returncode != 0:
        return set()
    path = Path(proc.stdout.decode("utf-8", "surrogateescape").strip())
    try:
        text = (path if path.is_absolute() else repo / path).read_text("ascii", "replace")
    except OSError:
        return set()
    return {line.strip() for line in text.splitlines() if line.strip()}


@functools.cache
def site_prefix(site_dir: Path) -> str:
    """The site's folder inside its repository (``goals/``), ``""`` at its top
    or outside git: where "edit this file" links point. Asked once per
    folder (the preview asks on every rebuild when the history is off)."""
    try:
        return find_site(site_dir).prefix
    except (GitError, OSError):
        return ""


def _not_found(rev: str, repo: Path) -> GitError:
    """Say how to fetch ``rev`` so that it then resolves: ``git fetch origin main``
    alone sets only ``FETCH_HEAD`` in a single-branch shallow clone (what CI
    checks out), so the fetch names where to keep the branch; a tag is
    fetched as one. ``--depth=1`` only in a clone that is shallow already:
    in a full clone it would make the clone shallow, and ``main...HEAD``
    would then find no merge base."""
    depth = " --depth=1" if is_shallow(repo) else ""
    if rev.startswith("origin/"):
        branch = rev.split("/", 1)[1]
        how = f"git fetch origin {branch}:refs/remotes/origin/{branch}{depth}"
    else:
        how = (
            f"git fetch origin tag {rev}{depth} (a tag), or git fetch origin "
            f"{rev}:refs/remotes/origin/{rev}{depth} and compare with origin/{rev} (a branch)"
        )
    return GitError(f"revision {rev!r} not found; in CI fetch it first: {how}")


def moved_paths(top: Path, base: str, head: str | None, prefix: str) -> dict[str, str]:
    """``{path at head: path at base}`` of the files under ``prefix`` (the
    site's folder) that git's rename detection pairs between the commit
    ``base`` and ``head`` (``None``: the working tree), relative to ``prefix``."""
    args = ["diff", "-M", "--name-status", "-z", "--no-color", base, *([head] if head else [])]
    proc = _run([*args, "--", prefix or "."], top)
    if proc.returncode != 0:
        raise GitError(f"git diff failed: {_stderr(proc)}")
    parts = proc.stdout.decode("utf-8", "surrogateescape").split("\0")
    moved: dict[str, str] = {}
    i = 0
    while i < len(parts) and parts[i]:
        status = parts[i]
        if status.startswith(("R", "C")) and i + 2 < len(parts):
            old, new = parts[i + 1], parts[i + 2]
            if status.startswith("R") and old.startswith(prefix) and new.startswith(prefix):
                moved[new[len(prefix) :]] = old[len(prefix) :]
            i += 3
        else:
            i += 2
    return moved


def resolve_revision(repo: Path, rev: str) -> str:
    """The commit id ``rev`` names, or :class:`GitError` saying how to get it."""
    if rev.startswith("-"):  # never let a revision be read as an option
        raise GitError(f"revision {rev!r} is not a valid revision name")
    proc = _run(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], repo)
    if proc.returncode != 0:
        raise _ancestor_not_found(repo, rev) or _not_found(rev, repo)
    return proc.stdout.decode().strip()


#: a revision written relative to another (``HEAD~2``, ``main^``, ``v1^2``)
_RELATIVE = re.compile(r"^(?P<start>.*?)(?:[~^][0-9]*)+$")


def _ancestor_not_found(repo: Path, rev: str) -> GitError | None:
    """Why ``HEAD~2`` (an ancestor of a revision that exists) is not found:
    the history held is shorter than it needs, which fetching the branch
    by that name (:func:`_not_found`) cannot fix; fetching more history
    can. ``None`` when ``rev`` is not relative, or its start does not
    resolve either (then that start is what to fetch)."""
    match = _RELATIVE.match(rev)
    if match is None:
        return None
    start = match.group("start") or "HEAD"
    if start == "@":
        start = "HEAD"
    if not _resolves(repo, start):
        if start == rev:
            return None
        err = _not_found(start, repo)
        return GitError(f"{err} (for {rev})")
    proc = _run(["rev-list", "--count", "--first-parent", "--end-of-options", start], repo)
    count = proc.stdout.decode().strip() if proc.returncode == 0 else ""
    before = int(count) - 1 if count.isdigit() and int(count) > 0 else None
    held = (
        ""
        if before is None
        else f"; {start} has {before} commit{'' if before == 1 else 's'} before it "
        f"on its first-parent line (git log --oneline --first-parent {start})"
    )
    if is_shallow(repo):
        how = (
            "this clone is shallow: fetch more history with git fetch --deepen=N "
            "(N more commits) or git fetch --unshallow (in GitLab CI set GIT_DEPTH: 0, "
            "in GitHub Actions fetch-depth: 0)"
        )
    else:
        how = f"the repository has fewer commits than {rev} needs"
    return GitError(f"revision {rev!r} not found: {how}{held}")


def _resolves(repo: Path, rev: str) -> bool:
    """Whether ``rev`` names a commit here (a quiet :func:`resolve_revision`)."""
    args = ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"]
    return _run(args, repo).returncode == 0


def _is_ancestor(repo: Path, commit: str, of: str) -> bool:
    """Whether ``commit`` is in the history of ``of`` (``git merge-base --is-ancestor``)."""
    return _run(["merge-base", "--is-ancestor", commit, of], repo).returncode == 0


def entered_day(repo: Path, commit: str) -> date | None:
    """The day ``commit`` entered the branch HEAD is on, as the site's
    history dates its changes (:func:`okrsite.history_fold.entered`): its
    committer date when it is on HEAD's first-parent line (or not in HEAD's
    history at all), else the committer date of the merge on that line that
    brought it in, the oldest one of the line it is an ancestor of. Each
    day is the one in the committer's time zone, as the history reads it
    (:func:`okrsite.history_dates.read_day`). ``None`` when git cannot say
    (a date it cannot read)."""
    line = _run(["rev-list", "--first-parent", "HEAD", "--"], repo)
    dated = commit
    if line.returncode == 0:
        shas = line.stdout.decode().split()
        if commit not in shas and _is_ancestor(repo, commit, "HEAD"):
            after = _run(["rev-list", "--ancestry-path", f"{commit}..HEAD", "--"], repo)
            descendants = set(after.stdout.decode().split()) if after.returncode == 0 else set()
            dated = next((sha for sha in reversed(shas) if sha in descendants), commit)
    proc = _run(["log", "-1", "--format=%ct%x00%cI", dated, "--"], repo)
    if proc.returncode != 0:
        return None
    seconds, _, iso = proc.stdout.decode("utf-8", "replace").strip().partition("\0")
    from okrsite.history_dates import read_day

    return read_day(iso, seconds)


def default_base(repo: Path, head: str | None) -> tuple[str, str]:
    """The merge base of ``head`` (or ``HEAD``) with the default branch.

    The default branch is the first of ``origin/HEAD``, ``main``, ``master``
    (then ``origin/main``, ``origin/master`` for CI clones without local
    branches) that exists. Comparing with the merge base rather than the
    branch tip shows only what *this* change does, not what landed on the
    default branch since it forked. Returns (commit, branch name).
    """
    tip = head or "HEAD"
    for candidate in DEFAULT_BRANCHES:
        if _run(["rev-parse", "--verify", "--quiet", f"{candidate}^{{commit}}"], repo).returncode:
            continue
        proc = _run(["merge-base", candidate, tip], repo)
        if proc.returncode == 0:
            return proc.stdout.decode().strip(), candidate
        raise GitError(
            f"{candidate} and {tip} have no common ancestor in this clone; in a shallow CI clone "
            f"fetch more history (git fetch --deepen=100, or checkout with fetch-depth: 0) "
            f"or pass BASE explicitly"
        )
    raise GitError(
        "no default branch to compare with (tried "
        + ", ".join(DEFAULT_BRANCHES)
        + "); pass BASE explicitly, e.g. okrsite diff origin/main"
    )


#: the modes ``git ls-tree`` gives a symbolic link and a submodule (a commit of another repository)
LINK_MODE = "120000"
SUBMODULE_MODE = "160000"


@dataclass(frozen=True, slots=True)
class TreeEntry:
    """One entry of a revision's tree: its mode, object id and, for a blob,
    its size in bytes as git stores it (``None`` for a submodule)."""

    mode: str
    oid: str
    size: int | None


def list_entries(repo: Path, commit: str, prefix: str) -> dict[str, TreeEntry]:
    """``{path relative to prefix: entry}`` of the files, links and submodules under ``prefix``.

    One ``git ls-tree -l``: each blob's size comes with it, so a file over
    the limit is refused without its content ever being read. ``repo`` must
    be the repository's top folder: ls-tree paths and pathspecs are relative
    to the folder git runs in.
    """
    args = ["ls-tree", "-r", "-l", "-z", commit]
    if prefix:
        args += ["--", prefix.rstrip("/")]
    proc = _run(args, repo)
    if proc.returncode != 0:
        raise GitError(f"git ls-tree {commit} failed: {_stderr(proc)}")
    out: dict[str, TreeEntry] = {}
    for entry in proc.stdout.split(b"\0"):
        if not entry:
            continue
        meta, _, raw_path = entry.partition(b"\t")
        mode, kind, oid, size = meta.decode().split()  # the size is padded with spaces
        if kind != "blob" and mode != SUBMODULE_MODE:
            continue
        path = raw_path.decode("utf-8", "surrogateescape")
        if prefix and not path.startswith(prefix):
            continue
        out[path[len(prefix) :]] = TreeEntry(mode, oid, int(size) if kind == "blob" else None)
    return out


def list_tree(repo: Path, commit: str, prefix: str) -> dict[str, str]:
    """``{path relative to prefix: blob id}`` of the files under ``prefix``:
    regular files and symbolic links (a link's blob is its target's path, not
    content). Submodules are left out: they have no blob in this repository.
    ``repo`` must be the repository's top folder, as for :func:`list_entries`.
    """
    entries = list_entries(repo, commit, prefix)
    return {path: entry.oid for path, entry in entries.items() if entry.size is not None}


def read_blobs(repo: Path, oids: Sequence[str]) -> dict[str, bytes]:
    """Read many blobs through one ``git cat-file --batch`` process.

    Callers pass only blobs whose size they checked (:func:`list_entries`):
    every blob asked for is held in memory at once."""
    unique = list(dict.fromkeys(oids))
    if not unique:
        return {}
    proc = _run(["cat-file", "--batch"], repo, stdin="".join(f"{o}\n" for o in unique).encode())
    if proc.returncode != 0:
        raise GitError(f"git cat-file failed: {_stderr(proc)}")
    data = proc.stdout
    out: dict[str, bytes] = {}
    pos = 0
    for oid in unique:
        end = data.index(b"\n", pos)
        header = data[pos:end].decode().split(" ")
        if len(header) < 3 or header[1] == "missing":
            raise GitError(f"git object {oid} is missing; fetch the revision again")
        size = int(header[2])
        start = end + 1
        out[oid] = data[start : start + size]
        pos = start + size + 1  # the content is followed by a newline
    return out


# ------------------------------------------------------------------ history
ZERO_OID = "0" * 40
#: each field ends with a NUL (``-z`` ends each commit with one too), and a
#: commit's record ends with its own id again: a control byte in a message or
#: a name (``\x1e``, once the separator) is text like any other, and no
#: message can hold its own commit's id, so no text can end a record early
_LOG_FORMAT = "%H%x00%P%x00%at%x00%ct%x00%aI%x00%cI%x00%aN%x00%aE%x00%s%x00%b%x00%H"
_LOG_FIELDS = 11  # the fields of _LOG_FORMAT, the closing id included


@dataclass(frozen=True, slots=True)
class CommitInfo:
    """One commit as the history needs it: who, when and the message."""

    sha: str
    parents: tuple[str, ...]
    author: str
    email: str
    authored: str  # the day (ISO 8601) in the author's time zone (history_dates)
    committed: str
    subject: str
    body: str
    #: the further authors its ``Co-authored-by:`` trailers name, through git's
    #: mailmap, names only (:mod:`okrsite.history_co_authors`)
    co_authors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RawChange:
    """One file a commit added (A), modified (M), deleted (D) or moved (R), from
    ``git log --raw``: a moved file's ``old_path`` is where it was, ``old`` its
    blob there."""

    status: str
    old: str
    new: str
    path: str  # relative to the repository's top folder
    old_path: str | None = None


def is_shallow(repo: Path) -> bool:
    """True in a shallow clone, where the oldest commits seen are not the real first ones."""
    proc = _run(["rev-parse", "--is-shallow-repository"], repo)
    return proc.returncode == 0 and proc.stdout.strip() == b"true"


def log_commits(repo: Path) -> list[CommitInfo]:
    """Every commit reachable from HEAD, parents before children (one ``git log``),
    otherwise by committer date (``--date-order``), HEAD last, with their
    parents: the history puts the commits of merged branches where their
    merge entered the branch from these (:func:`okrsite.history_fold.entered`).

    No path is given on purpose: a path-limited log hides merge commits that
    equal one of their parents, and those carry the pull-request numbers.
    An empty repository (no HEAD yet) has no commits.
    """
    args = ["log", "-z", "--date-order", "--reverse", f"--format={_LOG_FORMAT}", "HEAD", "--"]
    proc = _run(args, repo)
    if proc.returncode != 0:
        if _run(["rev-parse", "--verify", "--quiet", "HEAD"], repo).returncode != 0:
            return []
        raise GitError(f"git log failed: {_stderr(proc)}")
    from okrsite.history_dates import commit_infos

    return commit_infos(_log_records(proc.stdout))


def _log_records(out: bytes) -> list[list[str]]:
    """The fields of each commit :data:`_LOG_FORMAT` printed, in order.

    A record runs from a commit id to the same id again; should a field
    ever hold a NUL (a commit object written by hand), the extra pieces go
    to the message's body, the last text field, so the commit is still read.
    """
    tokens = log_fields(out)
    records: list[list[str]] = []
    i = 0
    while i < len(tokens):
        sha = tokens[i].lstrip("\n")
        if not sha:
            i += 1
            continue
        try:
            end = tokens.index(sha, i + 1)
        except ValueError:
            break  # a record cut short: git stopped mid-way
        fields = [sha, *tokens[i + 1 : end]]
        if len(fields) > _LOG_FIELDS - 1:  # extra pieces: the body's
            head = fields[: _LOG_FIELDS - 2]
            fields = [*head, "\0".join(fields[_LOG_FIELDS - 2 :])]
        records.append(fields + [""] * (_LOG_FIELDS - 1 - len(fields)))
        i = end + 1
    return records


#: below this many commits one ``git log`` reads them: a second process costs more
SPLIT_RAW_AFTER = 32


def raw_changes(
    repo: Path,
    shas: Sequence[str],
    folder: str,
    processes: int = 1,
    also: Sequence[str] = (),
    links: set[str] | None = None,
) -> dict[str, list[RawChange]]:
    """The files under ``folder`` (and the paths ``also``) each of ``shas``
    changed, from ``git log --raw``.

    Merge commits show no changes (git's default; their own changes are read
    by :mod:`okrsite.history_merges`). Renames are detected (``-M``, git's
    default similarity, whatever ``diff.renames`` says): a moved file is one
    ``R`` change naming both paths, so each side of it is read under its own
    path (the record's id comes from it) and the history pairs the two
    records even when the title changed in the same commit. A file git does
    not pair (too much changed, a move from outside ``folder``) is a deletion
    and an addition, which the history pairs by id and title as ``okrsite
    diff`` does. The commits that changed a link are added to ``links``
    (:mod:`okrsite.history_links` reads those).

    git compares each commit's trees in one thread: a first read of a large
    history waited seconds on it with a core idle, so many commits are
    shared out (every ``processes``-th commit to each) among that many
    ``git log`` processes running side by side.
    """
    if not shas:
        return {}
    pathspecs = [folder.rstrip("/") or ".", *also]
    parts = max(1, min(processes, len(shas) // SPLIT_RAW_AFTER))
    if parts == 1:
        return raw_changes_in(repo, shas, pathspecs, links)
    out: dict[str, list[RawChange]] = {}
    # threads only wait on git here; all have ended when the pool closes
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(parts) as pool:
        for part in pool.map(
            lambda i: raw_changes_in(repo, shas[i::parts], pathspecs, links), range(parts)
        ):
            out.update(part)
    return out


def raw_changes_in(
    repo: Path, shas: Sequence[str], pathspecs: Sequence[str], links: set[str] | None = None
) -> dict[str, list[RawChange]]:
    """:func:`raw_changes` from one ``git log --raw``, limited to ``pathspecs``:
    git pairs moves only among the files they hold. The commits with a
    change of a link (left out of the changes) are added to ``links``."""
    args = ["log", "--no-walk=unsorted", "--stdin", "-z", "--raw", "--find-renames"]
    args += ["--no-abbrev", "--format=%H", "--", *pathspecs]
    proc = _run(args, repo, stdin="".join(f"{s}\n" for s in shas).encode())
    if proc.returncode != 0:
        raise GitError(f"git log --raw failed: {_stderr(proc)}")
    out: dict[str, list[RawChange]] = {}
    tokens = proc.stdout.split(b"\0")
    current: list[RawChange] = []
    sha = ""
    i = 0
    while i < len(tokens):
        token = tokens[i].lstrip(b"\n")
        if token.startswith(b":"):
            meta = token[1:].decode().split(" ")
            status = meta[4][:1] if len(meta) >= 5 else ""
            paths = 2 if status in ("R", "C") else 1  # a move names where it was, then is
            names = [t.decode("utf-8", "surrogateescape") for t in tokens[i + 1 : i + 1 + paths]]
            if len(names) == paths and (change := raw_entry(meta, names)) is not None:
                current.append(change)
            elif links is not None and LINK_MODE in meta[:2]:
                links.add(sha)
            i += 1 + paths
            continue
        if token:
            sha = token.decode().strip()
            current = out.setdefault(sha, [])
        i += 1
    return out


def raw_entry(meta: Sequence[str], names: Sequence[str]) -> RawChange | None:
    """One ``--raw`` line (``meta``: its fields, ``names``: its paths); ``None`` for a link."""
    status = meta[4][:1] if len(meta) >= 5 else ""
    if meta[0] == LINK_MODE or meta[1] == LINK_MODE:
        return None
    if len(names) == 1:
        return RawChange(status, meta[2], meta[3], names[0])
    if status == "R":
        return RawChange(status, meta[2], meta[3], names[1], names[0])
    return RawChange("A", ZERO_OID, meta[3], names[1])  # a copy (never asked for): the new file


def head_commit(repo: Path) -> str | None:
    """The commit HEAD points at (``None`` in a repository without commits)."""
    proc = _run(["rev-parse", "--verify", "--quiet", "HEAD"], repo)
    return proc.stdout.decode().strip() if proc.returncode == 0 else None
