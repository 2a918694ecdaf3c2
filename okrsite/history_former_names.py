"""The names of people and teams whose files a commit deleted, for the timelines.

When an owner leaves, their person file is deleted and their goals go to
someone else (docs/diff.md § People and teams). ``okrsite diff`` names the
old owner by the base revision's people (``owner: Kim Park → Tom Lee``),
but the history's changes hold ids, and the current site has neither the
file nor, often, any goal that still writes the name: the timeline showed
``owner kim-park → Tom Lee``, a slug nobody wrote. So the history keeps
the names such people and teams were known by in the versions read: each
deleted ``people/`` or ``teams/`` file's title (and the ids its title and
``aliases:`` stand for, as goals that wrote them were named), newest
deletion first (:class:`FormerNames`). A file's own id always wins over
another file's title or alias: a file added and deleted again with
``aliases: [kim-park]`` never renames Kim Park, whose own file was deleted.

Asked only for an id the site does not name (:func:`okrsite.view.history._name`),
and then read once per history (one ``git log`` limited to the two folders,
one ``git cat-file``): a site whose owners all have files never pays.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from okrsite.gitsource import GitError, _run, read_blobs

#: a person's or team's file larger than this is not read for its title
MAX_NAME_FILE_BYTES = 64 * 1024

_ZERO = "0" * 40


@dataclass
class FormerNames:
    """The names of the people and teams whose files the history's commits
    deleted, by kind (``person``, ``team``) and id; read from git the first
    time one is asked for (:meth:`name`)."""

    toplevel: Path
    prefix: str
    content_dir: str
    head: str | None
    _names: dict[tuple[str, str], str] | None = field(default=None, compare=False, repr=False)

    def name(self, kind: str, rid: str) -> str | None:
        """The name the ``person`` or ``team`` ``rid`` was known by when its
        file was deleted, else None."""
        if self._names is None:
            try:
                self._names = _deleted_names(self.toplevel, self.prefix, self.content_dir)
            except (GitError, OSError, ValueError):
                self._names = {}
        return self._names.get((kind, rid))


def _deleted_names(toplevel: Path, prefix: str, content_dir: str) -> dict[tuple[str, str], str]:
    """``(kind, id) → title`` of every person's and team's file deleted on
    HEAD's history (a file moved is no deletion), the newest deletion first."""
    from okrsite.model import Person, Team
    from okrsite.parse import parse_file
    from okrsite.parse_names import name_to_id

    content = content_dir.strip("/")
    folders = [f"{prefix}{content}/people", f"{prefix}{content}/teams"]
    proc = _run(
        ["log", "-M", "--diff-filter=D", "--raw", "--no-abbrev", "-z", "--format=", "HEAD", "--"]
        + folders,
        toplevel,
    )
    if proc.returncode != 0:
        return {}
    gone: dict[str, str] = {}  # path in the site -> blob, newest first
    fields = proc.stdout.split(b"\0")
    for i, raw in enumerate(fields[:-1]):
        meta = raw.decode("utf-8", "replace").strip()
        if not meta.startswith(":"):
            continue
        parts = meta.split()
        path = fields[i + 1].decode("utf-8", "surrogateescape")
        if len(parts) < 5 or parts[3] != _ZERO or not path.endswith(".md"):
            continue
        if path.startswith(prefix):
            gone.setdefault(path[len(prefix) :], parts[2])
    if not gone:
        return {}
    sizes = _blob_sizes(toplevel, list(gone.values()))
    blobs = read_blobs(toplevel, [o for o in gone.values() if sizes.get(o, -1) >= 0])
    read: list[tuple[str, Person | Team]] = []
    for rel, oid in gone.items():
        raw_file = blobs.get(oid)
        if raw_file is None:
            continue
        rec = parse_file(rel, raw_file, content_dir=content).record
        if isinstance(rec, (Person, Team)) and rec.title:
            read.append(("person" if isinstance(rec, Person) else "team", rec))
    # every file's own id first: another file's title or aliases never
    # rename someone whose own file was deleted (a file added and removed
    # with ``aliases: [kim-park]`` is not Kim Park)
    out: dict[tuple[str, str], str] = {}
    for kind, rec in read:
        out.setdefault((kind, rec.id), rec.title)
    for kind, rec in read:
        for said in (rec.title, *rec.aliases):
            out.setdefault((kind, name_to_id(said)), rec.title)
    return out


def _blob_sizes(toplevel: Path, oids: list[str]) -> dict[str, int]:
    """Each blob's size, -1 for one too large to read for a title."""
    unique = list(dict.fromkeys(oids))
    proc = _run(["cat-file", "--batch-check"], toplevel, "".join(f"{o}\n" for o in unique).encode())
    out: dict[str, int] = {}
    if proc.returncode != 0:
        return out
    for line in proc.stdout.decode().splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] == "blob":
            size = int(parts[2])
            out[parts[0]] = size if size <= MAX_NAME_FILE_BYTES else -1
    return out
