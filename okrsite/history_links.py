"""The history of a goal file that is, or was, a link to another file of the site.

A checkout reads ``content/objectives/growth.md -> ../../shared/growth.md``
as the file it leads to, and ``okrsite diff`` follows it inside each
revision (:mod:`okrsite.revision_tree`). git, though, records every change
of the goal under ``shared/growth.md``, outside the content folder the
history asks about, and the link's own blob (the path it names) changes
only when the link is pointed elsewhere: the goal's timeline was empty,
with no word of why.

So the history follows each link as each commit holds it, as diff does:
a change of the file a link leads to is put under the link's path, as if
the link were the file; a link added is the goal created, with the
content of the file it leads to; a link pointed to another file is a
change from the one file's content to the other's; a link replaced by
the file itself (``git`` records a type change) is a change from the
linked content to the file's, after which the file's own changes follow;
a link deleted is the goal deleted. The links of a commit come from the
links of the one before it and what the commit did to them: one ``git
ls-tree`` of the commit before the first one read, one ``git log --raw``
for the links' changes, one for the linked files' changes, one ``git
cat-file`` for the paths the links hold and one for the linked files'
versions at the commits where a link changed. A link that leads out of
the site is refused by ``check`` (OKR012) and not followed here either,
and one to a file of the content folder is left alone (that file has its
own history); so is a link that leads to another link.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence
from pathlib import Path

from okrsite.gitsource import LINK_MODE, ZERO_OID, GitError, RawChange, _run, _stderr, read_blobs

#: a link entry of ``git log --raw``: its old and new mode, blob and status
_Entry = tuple[str, str, str, str, str]


def link_changes(
    top: Path,
    shas: Sequence[str],
    parents: Mapping[str, Sequence[str]],
    prefix: str,
    folder: str,
    touched: set[str] | None = None,
) -> dict[str, list[RawChange]]:
    """What each of ``shas`` (oldest first) did to the goal files under
    ``folder`` (in the repository, ending in ``/``) that are, or were, links
    to a file of the site (``prefix``) outside ``folder``, each change under
    the link's path (see the module's docstring); ``parents``: each
    commit's parents. ``touched``, when given: the commits among ``shas``
    that changed a link under ``folder``, as the history's own ``git log
    --raw`` saw them (:func:`~okrsite.history_content_moves.place_changes`);
    without links before the first and none touched, no log of their own is
    read (0.7 s of a first build of 200 commits at 10,000 objectives)."""
    if not shas:
        return {}
    first = parents.get(shas[0], ())
    links = _links_at(top, first[0], folder) if first else {}
    if not links and touched is not None and touched.isdisjoint(shas):
        return {}  # no goal file is or was a link: the usual case
    entries = _link_entries(top, shas, [folder.rstrip("/") or "."])
    if not links and not entries:
        return {}  # no goal file was a link: the usual case, two processes
    oids = {*links.values()}
    oids.update(e[2] for es in entries.values() for e in es.values() if e[0] == LINK_MODE)
    oids.update(e[3] for es in entries.values() for e in es.values() if e[1] == LINK_MODE)
    texts = read_blobs(top, sorted(oids - {ZERO_OID}))

    def target(link: str, oid: str) -> str | None:
        return _target(link, texts.get(oid, b""), prefix, folder)

    state = {link: target(link, oid) for link, oid in links.items()}
    # each commit's links, as it leaves them, and where they changed
    plan: list[tuple[str, dict[str, str | None], dict[str, _Entry]]] = []
    for sha in shas:
        before = dict(state)
        for link, (old_mode, new_mode, _old, new, _st) in entries.get(sha, {}).items():
            state.pop(link, None)
            if new_mode == LINK_MODE:
                state[link] = target(link, new)
            elif old_mode == LINK_MODE and new != ZERO_OID:
                state[link] = None  # the file itself now: its own changes are read
        plan.append((sha, before, entries.get(sha, {})))
    targets = sorted({t for _s, b, _e in plan for t in b.values() if t})
    moved = _link_entries(top, shas, targets, links_only=False) if targets else {}
    asked: set[str] = set()
    for sha, before, changed in plan:
        parent = _first_parent(parents, sha)
        for link, entry in changed.items():
            old_t = before.get(link)
            new_t = target(link, entry[3]) if entry[1] == LINK_MODE else None
            if old_t and parent:
                asked.add(f"{parent}:{old_t}")
            if new_t:
                asked.add(f"{sha}:{new_t}")
    at = _blobs_at(top, sorted(asked))
    out: dict[str, list[RawChange]] = {}
    for sha, before, changed in plan:
        parent = _first_parent(parents, sha)
        found: list[RawChange] = []
        for link, (old_mode, new_mode, old, new, _st) in changed.items():
            old_t = before.get(link) if old_mode == LINK_MODE else None
            was = (
                (at.get(f"{parent}:{old_t}") if old_t and parent else None)
                if old_mode == LINK_MODE
                else (old if old != ZERO_OID else None)
            )
            if new_mode == LINK_MODE:
                new_t = target(link, new)
                now = at.get(f"{sha}:{new_t}") if new_t else None
            else:
                now = new if new != ZERO_OID else None
            if was is None and now is None:
                continue
            status = "A" if was is None else "D" if now is None else "M"
            if status != "M" or was != now:
                found.append(RawChange(status, was or ZERO_OID, now or ZERO_OID, link))
        for link, linked in before.items():
            if linked is None or link in changed:
                continue
            own = moved.get(sha, {}).get(linked)
            if own is not None and LINK_MODE not in own[:2] and own[4] in "AMD":
                found.append(RawChange(own[4], own[2], own[3], link))
        if found:
            out[sha] = found
    return out


def _first_parent(parents: Mapping[str, Sequence[str]], sha: str) -> str | None:
    found = parents.get(sha)
    return found[0] if found else None


def _target(link: str, text: bytes, prefix: str, folder: str) -> str | None:
    """The file of the site outside ``folder`` that ``link`` (its path in the
    repository) leads to by the path ``text`` it holds; else ``None``."""
    written = text.decode("utf-8", "surrogateescape").strip()
    if not written or written.startswith("/"):
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(link), written))
    if path.startswith("../") or path == ".." or not path.startswith(prefix):
        return None  # out of the repository or of the site (OKR012)
    return None if path.startswith(folder) else path


def _links_at(top: Path, commit: str, folder: str) -> dict[str, str]:
    """``{link: its blob}`` of the links under ``folder`` at ``commit``."""
    proc = _run(["ls-tree", "-r", "-z", commit, "--", folder.rstrip("/") or "."], top)
    if proc.returncode != 0:
        raise GitError(f"git ls-tree {commit} failed: {_stderr(proc)}")
    out: dict[str, str] = {}
    for item in proc.stdout.split(b"\0"):
        meta, _, raw_path = item.partition(b"\t")
        fields = meta.decode().split()
        if len(fields) == 3 and fields[0] == LINK_MODE:
            out[raw_path.decode("utf-8", "surrogateescape")] = fields[2]
    return out


def _link_entries(
    top: Path, shas: Sequence[str], pathspecs: Sequence[str], links_only: bool = True
) -> dict[str, dict[str, _Entry]]:
    """``{commit: {path: entry}}`` of what ``shas`` did to ``pathspecs``
    (one ``git log --raw``, moves as a deletion and an addition), only the
    entries whose old or new side is a link where ``links_only``."""
    args = ["log", "--no-walk=unsorted", "--stdin", "-z", "--raw", "--no-renames"]
    args += ["--no-abbrev", "--format=%H", "--", *pathspecs]
    proc = _run(args, top, stdin="".join(f"{s}\n" for s in shas).encode())
    if proc.returncode != 0:
        raise GitError(f"git log --raw failed: {_stderr(proc)}")
    out: dict[str, dict[str, _Entry]] = {}
    current: dict[str, _Entry] = {}
    tokens = proc.stdout.split(b"\0")
    i = 0
    while i < len(tokens):
        token = tokens[i].lstrip(b"\n")
        if token.startswith(b":") and i + 1 < len(tokens):
            meta = token[1:].decode().split(" ")
            path = tokens[i + 1].decode("utf-8", "surrogateescape")
            if len(meta) >= 5 and (not links_only or LINK_MODE in meta[:2]):
                current[path] = (meta[0], meta[1], meta[2], meta[3], meta[4][:1])
            i += 2
            continue
        if token:
            current = out.setdefault(token.decode().strip(), {})
        i += 1
    return out


def _blobs_at(top: Path, names: Sequence[str]) -> dict[str, str]:
    """``{"commit:path": blob id}`` of the files ``names`` name (one ``git
    cat-file --batch-check``); a name that names no file is left out."""
    if not names:
        return {}
    proc = _run(["cat-file", "--batch-check"], top, stdin="".join(f"{n}\n" for n in names).encode())
    if proc.returncode != 0:
        raise GitError(f"git cat-file failed: {_stderr(proc)}")
    out: dict[str, str] = {}
    for name, line in zip(names, proc.stdout.decode().splitlines(), strict=False):
        fields = line.split()
        if len(fields) == 3 and fields[1] == "blob":
            out[name] = fields[0]
    return out
