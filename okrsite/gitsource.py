"""Read a site as it was at a git revision, without touching the checkout.

``okrsite diff`` compares two versions of a site. Checking out the base
revision would disturb the user's working tree (and CI's), so both sides are
read straight from git's object store: one ``git ls-tree`` lists the files of
the site's folder at the revision, and one ``git cat-file --batch`` process
streams every blob. That is two processes however large the site is, which
keeps a 50,000-file portfolio fast.

Only the ``git`` command line is used (through :mod:`subprocess`), so there is
no extra dependency and the user's git configuration (safe directories,
alternates, shallow clones) applies as usual. Failures become
:class:`GitError` with a message written for the person at the terminal or
reading a CI log; the command line turns them into exit code 2.
"""

from __future__ import annotations

import functools
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from okrsite.config import CONFIG_FILE, parse_config
from okrsite.pipeline import FileTree, LoadResult, MappingTree, ParseCache, load, load_site

DEFAULT_BRANCHES = ("origin/HEAD", "main", "master", "origin/main", "origin/master")
#: seconds one git command may take before it is stopped and reported: git
#: waiting on a lock, a credential prompt or a stalled network file system
#: must not hang a build or the preview
GIT_TIMEOUT = 600.0


class GitError(Exception):
    """A git operation failed in a way the user has to fix (exit code 2)."""


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
            ["git", *args],
            cwd=cwd,
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
            raise GitError(
                f"{site_dir} is not inside a git repository; okrsite diff compares git revisions "
                "(run 'git init' and commit, or run it in a clone)"
            )
        raise GitError(f"git rev-parse failed in {site_dir}: {detail}")
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


def _not_found(rev: str) -> GitError:
    """Say how to fetch ``rev`` so that it then resolves: ``git fetch origin main``
    alone sets only ``FETCH_HEAD`` in a single-branch shallow clone (what CI
    checks out), so the fetch names where to keep the branch; a tag is
    fetched as one."""
    if rev.startswith("origin/"):
        branch = rev.split("/", 1)[1]
        how = f"git fetch origin {branch}:refs/remotes/origin/{branch} --depth=1"
    else:
        how = (
            f"git fetch origin tag {rev} --depth=1 (a tag), or git fetch origin "
            f"{rev}:refs/remotes/origin/{rev} --depth=1 and compare with origin/{rev} (a branch)"
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
        raise _not_found(rev)
    return proc.stdout.decode().strip()


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


def list_tree(repo: Path, commit: str, prefix: str) -> dict[str, str]:
    """``{path relative to prefix: blob id}`` of the regular files under ``prefix``.

    ``repo`` must be the repository's top folder: ls-tree paths and pathspecs
    are relative to the folder git runs in.

    Symbolic links and submodules are skipped: a symlink's blob is its target
    path, not content, and a submodule has no blob in this repository.
    """
    args = ["ls-tree", "-r", "-z", commit]
    if prefix:
        args += ["--", prefix.rstrip("/")]
    proc = _run(args, repo)
    if proc.returncode != 0:
        raise GitError(f"git ls-tree {commit} failed: {_stderr(proc)}")
    out: dict[str, str] = {}
    for entry in proc.stdout.split(b"\0"):
        if not entry:
            continue
        meta, _, raw_path = entry.partition(b"\t")
        mode, kind, oid = meta.decode().split(" ")
        if kind != "blob" or mode == "120000":
            continue
        path = raw_path.decode("utf-8", "surrogateescape")
        if prefix and not path.startswith(prefix):
            continue
        out[path[len(prefix) :]] = oid
    return out


def read_blobs(repo: Path, oids: Sequence[str]) -> dict[str, bytes]:
    """Read many blobs through one ``git cat-file --batch`` process."""
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


def read_revision(repo: Path, commit: str, prefix: str) -> dict[str, bytes]:
    """The site's files at ``commit``: ``{"okrsite.toml": ..., "content/...": ...}``.

    Only ``okrsite.toml`` and the files under the configured content folder are
    read (the config is read first to learn that folder), so themes, images
    and output folders committed by accident cost nothing.
    """
    tree = list_tree(repo, commit, prefix)
    files: dict[str, bytes] = {}
    content_dir = "content"
    if CONFIG_FILE in tree:
        raw = read_blobs(repo, [tree[CONFIG_FILE]])[tree[CONFIG_FILE]]
        files[CONFIG_FILE] = raw
        try:
            config, _ = parse_config(raw.decode("utf-8-sig"))
            content_dir = config.content_dir
        except UnicodeDecodeError:
            pass  # the pipeline reports the broken config; read the default folder
    folder = content_dir.strip("/") + "/"
    wanted = {path: oid for path, oid in tree.items() if path.startswith(folder)}
    blobs = read_blobs(repo, list(wanted.values()))
    for path, oid in wanted.items():
        files[path] = blobs[oid]
    return files


# ------------------------------------------------------------------ both sides
@dataclass(frozen=True)
class Revisions:
    """Both sides of a comparison, loaded and scored at the same as_of.

    ``head_commit`` is ``None`` for the working tree. ``base_config`` and
    ``head_config`` are each side's ``okrsite.toml`` as read for the load
    (``None``: none), for what the settings' values leave out (the
    ``[[sources]]`` of ``okrsite pull``).
    """

    base_label: str
    base_commit: str
    head_label: str
    head_commit: str | None
    base: LoadResult
    head: LoadResult
    base_config: bytes | None = None
    head_config: bytes | None = None


def load_revisions(
    site_dir: Path, base: str | None, head: str | None, as_of: date | None
) -> Revisions:
    """Load the site at ``base`` and at ``head`` (``None``: the working tree).

    HEAD is loaded first because its ``okrsite.toml`` decides as_of when no
    ``--as-of`` is given; the base is then scored at that same date, so the
    comparison shows what the files changed and not what time changed.
    """
    site = find_site(site_dir)
    top, prefix = site.toplevel, site.prefix
    # the parses are shared by both sides (see _parses_of): files the change
    # did not touch (usually nearly all of them) are parsed once, which halves
    # the time on big sites
    cache = ParseCache()
    head_commit: str | None = None
    if head is None:
        head_result = load_site(site_dir, as_of, cache=cache)
        head_label = "working tree"
        head_config = FileTree(site_dir).read(CONFIG_FILE)  # as the load read it
    else:
        head_commit = resolve_revision(top, head)
        head_files = read_revision(top, head_commit, prefix)
        head_result = load(MappingTree(head_files), as_of, cache=cache)
        head_label = _label(head)
        head_config = head_files.get(CONFIG_FILE)
    if base is None:
        base_commit, branch = default_base(top, head_commit)
        base_label = f"merge base with {branch}"
    else:
        base_commit = resolve_revision(top, base)
        base_label = _label(base)
    base_files = read_revision(top, base_commit, prefix)
    base_result = load(MappingTree(base_files), head_result.as_of, cache=_parses_of(cache))
    return Revisions(
        base_label,
        base_commit,
        head_label,
        head_commit,
        base_result,
        head_result,
        base_files.get(CONFIG_FILE),
        head_config,
    )


def _parses_of(cache: ParseCache) -> ParseCache:
    """A parse cache for the base side holding only the head side's parses.

    A parse is kept under the hash of its file's path and bytes
    (:func:`~okrsite.load_cache.content_digest`), so it fits whichever tree
    holds those bytes. Everything else a :class:`ParseCache` keeps describes
    the one tree it last loaded: the stat index (path → content hash of the
    file *on disk*), the listing, the outcome and the scores. Shared with the
    base revision, read from git, they answered the base with the working
    tree's files: the base load patched the head's outcome for the edited
    files, and scoring it then loaded "the files as the scan found them"
    from the stat index, that is the working tree's content hashes, so a
    change not yet committed showed as no change at all.
    """
    return ParseCache(key=cache.key, by_digest=dict(cache.by_digest))


def _label(rev: str) -> str:
    """A revision as the report names it: full commit ids shortened to 12 digits."""
    if len(rev) == 40 and all(c in "0123456789abcdef" for c in rev.lower()):
        return rev[:12]
    return rev


# ------------------------------------------------------------------ history
ZERO_OID = "0" * 40
_FIELD = "\x1f"
_RECORD = "\x1e"
_LOG_FORMAT = "%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%cI%x1f%s%x1f%b%x1e"


@dataclass(frozen=True, slots=True)
class CommitInfo:
    """One commit as the history needs it: who, when and the message."""

    sha: str
    parents: tuple[str, ...]
    author: str
    email: str
    authored: str  # ISO 8601 with offset, as git prints it
    committed: str
    subject: str
    body: str


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
    otherwise in the order they entered the branch (``--date-order``: by
    committer date, which the timelines show), so a commit rebased or
    cherry-picked onto the branch comes after the commits that were there.

    No path is given on purpose: a path-limited log hides merge commits that
    equal one of their parents, and those carry the pull-request numbers.
    An empty repository (no HEAD yet) has no commits.
    """
    proc = _run(["log", "--date-order", "--reverse", f"--format={_LOG_FORMAT}", "HEAD", "--"], repo)
    if proc.returncode != 0:
        if _run(["rev-parse", "--verify", "--quiet", "HEAD"], repo).returncode != 0:
            return []
        raise GitError(f"git log failed: {_stderr(proc)}")
    out: list[CommitInfo] = []
    for record in proc.stdout.decode("utf-8", "replace").split(_RECORD):
        parts = record.lstrip("\n").split(_FIELD)
        if len(parts) < 8:
            continue
        sha, parents, author, email, authored, committed, subject, body = parts[:8]
        out.append(
            CommitInfo(
                sha, tuple(parents.split()), author, email, authored, committed, subject, body
            )
        )
    return out


#: below this many commits one ``git log`` reads them: a second process costs more
SPLIT_RAW_AFTER = 32


def raw_changes(
    repo: Path, shas: Sequence[str], folder: str, processes: int = 1
) -> dict[str, list[RawChange]]:
    """The files under ``folder`` each of ``shas`` changed, from ``git log --raw``.

    Merge commits show no changes (git's default): what a merge brings in is
    recorded by the commits it merges. Renames are detected (``-M``, git's
    default similarity, whatever ``diff.renames`` says): a moved file is one
    ``R`` change naming both paths, so each side of it is read under its own
    path (the record's id comes from it) and the history pairs the two
    records even when the title changed in the same commit. A file git does
    not pair (too much changed, a move from outside ``folder``) is a deletion
    and an addition, which the history pairs by id and title as ``okrsite
    diff`` does.

    git compares each commit's trees in one thread: a first read of a large
    history waited seconds on it with a core idle, so many commits are
    shared out (every ``processes``-th commit to each) among that many
    ``git log`` processes running side by side.
    """
    if not shas:
        return {}
    parts = max(1, min(processes, len(shas) // SPLIT_RAW_AFTER))
    if parts == 1:
        return _raw_changes(repo, shas, folder)
    out: dict[str, list[RawChange]] = {}
    # threads only wait on git here; all have ended when the pool closes
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(parts) as pool:
        for part in pool.map(lambda i: _raw_changes(repo, shas[i::parts], folder), range(parts)):
            out.update(part)
    return out


def _raw_changes(repo: Path, shas: Sequence[str], folder: str) -> dict[str, list[RawChange]]:
    """:func:`raw_changes` from one ``git log --raw``."""
    args = ["log", "--no-walk=unsorted", "--stdin", "-z", "--raw", "--find-renames"]
    args += ["--no-abbrev", "--format=%H", "--", folder.rstrip("/") or "."]
    proc = _run(args, repo, stdin="".join(f"{s}\n" for s in shas).encode())
    if proc.returncode != 0:
        raise GitError(f"git log --raw failed: {_stderr(proc)}")
    out: dict[str, list[RawChange]] = {}
    tokens = proc.stdout.split(b"\0")
    current: list[RawChange] = []
    i = 0
    while i < len(tokens):
        token = tokens[i].lstrip(b"\n")
        if token.startswith(b":"):
            meta = token[1:].decode().split(" ")
            status = meta[4][:1] if len(meta) >= 5 else ""
            paths = 2 if status in ("R", "C") else 1  # a move names where it was, then is
            names = [t.decode("utf-8", "surrogateescape") for t in tokens[i + 1 : i + 1 + paths]]
            if len(names) == paths and meta[0] != "120000" and meta[1] != "120000":
                if paths == 1:
                    current.append(RawChange(status, meta[2], meta[3], names[0]))
                elif status == "R":
                    current.append(RawChange(status, meta[2], meta[3], names[1], names[0]))
                else:  # a copy (never asked for): the new file only
                    current.append(RawChange("A", ZERO_OID, meta[3], names[1]))
            i += 1 + paths
            continue
        if token:
            current = out.setdefault(token.decode().strip(), [])
        i += 1
    return out


def site_state(site_dir: Path) -> tuple[GitSite, str | None, bool]:
    """:func:`find_site`, :func:`head_commit` and :func:`is_shallow` from one
    ``git rev-parse`` instead of three: every build of a site in git asks
    all three (a few milliseconds each of a build after one edit)."""
    proc = _run(
        [
            "rev-parse",
            "--show-toplevel",
            "--show-prefix",
            "--is-shallow-repository",
            "--verify",
            "--quiet",
            "HEAD",
        ],
        site_dir,
    )
    lines = proc.stdout.decode("utf-8", "surrogateescape").split("\n")
    # HEAD missing (no commit yet): exit 1, the other three lines printed
    expected = {0: 5, 1: 4}.get(proc.returncode)
    if expected is None or len(lines) != expected or lines[2] not in ("true", "false"):
        site = find_site(site_dir)  # its message for a folder outside git, say
        return site, head_commit(site.toplevel), is_shallow(site.toplevel)
    head = lines[3] if proc.returncode == 0 else None
    return GitSite(toplevel=Path(lines[0]), prefix=lines[1]), head, lines[2] == "true"


def head_state(repo: Path) -> tuple[str | None, bool]:
    """:func:`head_commit` and :func:`is_shallow` from one ``git rev-parse``."""
    proc = _run(["rev-parse", "--is-shallow-repository", "--verify", "--quiet", "HEAD"], repo)
    lines = proc.stdout.decode().split("\n")
    expected = {0: 3, 1: 2}.get(proc.returncode)
    if expected is None or len(lines) != expected or lines[0] not in ("true", "false"):
        return head_commit(repo), is_shallow(repo)
    return (lines[1] if proc.returncode == 0 else None), lines[0] == "true"


def head_commit(repo: Path) -> str | None:
    """The commit HEAD points at (``None`` in a repository without commits)."""
    proc = _run(["rev-parse", "--verify", "--quiet", "HEAD"], repo)
    return proc.stdout.decode().strip() if proc.returncode == 0 else None
