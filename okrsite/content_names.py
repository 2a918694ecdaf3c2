"""Findings about the names of a site's content files, across the listing.

A team sharing one folder through Dropbox, Syncthing or a network share, on
Windows, macOS and Linux, gets files nobody meant to write: a sync tool's
conflict copy (``crlf (Uma Diaz's conflicted copy 2026-11-03).md``,
``crlf.sync-conflict-20261103-101010-ABCDEF.md``) or a file manager's copy
(``crlf - Kopie.md``) beside ``crlf.md``.
Each is a goal file of its own, with the same title: the site counted the
objective twice and said nothing. :func:`copy_warnings` names each such copy
and its original (OKR018, a warning: the copy still counts, as it may hold
the edits someone meant to keep). :func:`windows_name_warnings` names files
and folders Windows cannot hold (``CON.md``, ``nul/``; OKR019): a Windows
checkout of the repository fails on them, though the built site itself
percent-encodes such names (:mod:`okrsite.windows_names`).

Both read only the names listed, so a load answered from the last one
(same files) gives the same findings.

Which names are goal files at all is decided here too, for every lister
(the folder walk, a git revision, the history): a folder's ``README.md``
(any case) is the description a git host shows when browsing the folder,
never a goal or page (:func:`is_folder_readme`); a Markdown file saved
under another ending (``builds.markdown``, ``HIRING.MD``) is not read, as
ids, history and the preview all assume ``.md``, but is named (OKR022,
:func:`unread_markdown`) instead of vanishing from the site unsaid.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from okrsite.diagnostics import Diagnostic, warning
from okrsite.model import KIND_FOLDERS, Kind
from okrsite.windows_names import windows_problem

__all__ = [
    "copy_warnings",
    "folder_meant",
    "is_folder_readme",
    "kind_named",
    "markdown_rename",
    "unread_markdown",
    "windows_name_warnings",
]

#: endings editors and people give Markdown files besides ``.md`` (any case:
#: ``.MD`` and ``.Md`` too); a file with one of them is named, not read
_OTHER_MARKDOWN = frozenset(("md", "markdown", "mdown", "mkd", "mkdn", "mdwn", "mdtxt", "mdtext"))


def is_folder_readme(name: str) -> bool:
    """Whether the file ``name`` is a folder's ``README.md`` (any case): what
    GitHub and GitLab show below a folder's listing, so people put one in
    ``content/`` and its folders; it is skipped silently, like ``_draft/``."""
    return len(name) == 9 and name.lower() == "readme.md"


def markdown_rename(name: str) -> str | None:
    """The name ``name`` must have to be read (``builds.md`` for
    ``builds.markdown``, ``HIRING.md`` for ``HIRING.MD``); ``None`` when it is
    read already, or is plainly no goal file (``.DS_Store``, ``notes.txt``,
    ``name.md~``, a hidden or lock file, a ``README`` in any Markdown ending).

    A name ending in spaces or dots after its ending (``plan.md `` from a
    typo or an unzipped attachment, ``plan.md.``) is not read either, and a
    Windows checkout cannot hold it: it gets the name without them."""
    trimmed = name.rstrip(" .")
    if trimmed != name and trimmed:
        if trimmed.endswith(".md"):
            return None if _plainly_no_goal(trimmed, trimmed[:-3]) else trimmed
        return markdown_rename(trimmed)
    stem, dot, ending = name.rpartition(".")
    if not dot or ending == "md" or ending.lower() not in _OTHER_MARKDOWN:
        return None
    if _plainly_no_goal(name, stem):
        return None
    return f"{stem}.md"


def _plainly_no_goal(name: str, stem: str) -> bool:
    return not stem.strip() or name.startswith((".", "~$")) or stem.lower() == "readme"


def unread_markdown(rel: str, new_name: str, taken: bool = False) -> Diagnostic:
    """OKR022 for the Markdown file ``rel`` that is not read for its ending;
    ``taken``: a file ``new_name`` is already beside it."""
    if taken:
        hint = (
            f"a file {new_name!r} is already beside it: move what this one adds "
            f"into {new_name!r} and delete this one"
        )
    else:
        hint = f"rename it to {new_name!r}"
    name = rel.rpartition("/")[2]
    trail = name[len(name.rstrip(" .")) :]
    if trail:  # invisible in most listings: say what is there
        message = (
            f"not read: its name ends in {trail!r} after its ending (a Windows checkout "
            "cannot hold such a name either); okrsite reads files ending in .md"
        )
    else:
        message = "not read: okrsite reads files ending in .md"
    return warning("OKR022", message, rel, hint=hint)


#: how a copy's name (without ``.md``) is built from its original's, and by what
_COPY_FORMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"(?P<orig>.+) \((?:[^()]*'s )?conflicted copy\b[^()]*\)"),
        "the conflicted copy of Dropbox, Nextcloud or ownCloud",
    ),
    (
        re.compile(r"(?P<orig>.+) \((?:Case|Selective Sync|Encoding) Conflict(?: \d+)?\)"),
        "Dropbox's conflict copy",
    ),
    (
        re.compile(r"(?P<orig>.+)\.sync-conflict-\d{8}-\d{6}(?:-[A-Za-z0-9]+)?"),
        "Syncthing's conflict copy",
    ),
    (re.compile(r"(?P<orig>.+) \(SFConflict [^()]*\)"), "Seafile's conflict copy"),
    (
        re.compile(
            r"(?P<orig>.+) - (?:Copy|Kopie|Copie|Copia|Kopia|Kopio|Kopya|Cópia)(?: \(\d+\))?",
            re.IGNORECASE,
        ),
        "Windows Explorer's copy",
    ),
)
#: not the macOS Finder's ``crlf copy.md`` or ``crlf 2.md``, nor the numbered
#: ``crlf (1).md`` of a browser or a cloud drive: people name files so
#: themselves (``Marketing copy.md`` for ad copy, ``Phase 2.md``, ``Hiring
#: (2).md``), and a warning on a name written on purpose is noise that
#: teaches to ignore the rest; only names no person writes are warned


def _original(stem: str) -> tuple[str, str] | None:
    """The name (without ``.md``) ``stem`` would be a copy of, and by what."""
    for form, made_by in _COPY_FORMS:
        found = form.fullmatch(stem)
        if found is not None:
            return found.group("orig"), made_by
    return None


def copy_warnings(rels: Sequence[str]) -> list[Diagnostic]:
    """OKR018 for each listed file whose name is a copy's name of another
    listed file in the same folder."""
    listed = set(rels)
    out: list[Diagnostic] = []
    for rel in rels:
        if " " not in rel and ".sync-conflict-" not in rel:
            continue  # every form but Syncthing's adds a space: most files are done here
        folder, _, name = rel.rpartition("/")
        found = _original(name[:-3])
        if found is None:
            continue
        stem, made_by = found
        original = f"{folder}/{stem}.md"
        if original not in listed:
            continue
        out.append(
            warning(
                "OKR018",
                f"{name!r} looks like a copy of {stem + '.md'!r} that a sync tool or "
                f"file manager made ({made_by}); it is read as a file of its own: a "
                "second objective, goal or check-in",
                rel,
                hint=f"compare the two, keep what the copy adds in {stem + '.md'!r}, "
                "and delete the copy",
            )
        )
    return out


def windows_name_warnings(rels: Sequence[str], content_dir: str) -> list[Diagnostic]:
    """OKR019 for each listed file, and each folder below the content folder
    (once, at its first file), whose name Windows cannot hold."""
    skip = len(content_dir.strip("/")) + 1
    named: set[str] = set()
    out: list[Diagnostic] = []
    for rel in rels:
        start = skip
        for part in rel[skip:].split("/"):
            end = start + len(part)
            path, start = rel[:end], end + 1
            if path in named:
                continue
            named.add(path)
            why = windows_problem(part)
            if why is None:
                continue
            kind = "file" if end == len(rel) else "folder"
            out.append(
                warning(
                    "OKR019",
                    f"the {kind} name {part!r} cannot be used on Windows: {why}; a "
                    "Windows checkout of the site cannot hold it (the built site "
                    "percent-encodes such names)",
                    rel,
                    hint=f"rename the {kind} (an 'id:' line in a goal file keeps its id and page)",
                )
            )
    return out


def _folded(word: str) -> str:
    """``word`` without case, hyphens, underscores or spaces: ``Check-ins`` → ``checkins``."""
    return "".join(word.lower().replace("-", " ").replace("_", " ").split())


#: each kind by its name and its folder's, folded (``checkin``, ``checkins``, ``people``)
_KIND_BY_NAME: dict[str, Kind] = {
    **{_folded(kind): kind for kind in KIND_FOLDERS.values()},
    **{_folded(folder): kind for folder, kind in KIND_FOLDERS.items()},
}
_FOLDER_OF: dict[Kind, str] = {kind: folder for folder, kind in KIND_FOLDERS.items()}


def kind_named(value: str) -> Kind | None:
    """The kind a ``type:`` value names, read as keys are read, whatever its
    case, hyphens or spaces (``Check-in``, ``KPI``, ``Objective``), or named
    by its folder (``objectives``, ``people``); ``None``: no kind."""
    return _KIND_BY_NAME.get(_folded(value))


def folder_meant(rel: str, content_dir: str) -> tuple[str, str] | None:
    """``(folder as written, known folder)`` when the first folder of ``rel``
    under the content folder is a known one written otherwise
    (``Objectives``, ``Check-ins``, ``KPIs``, ``People``, ``objective``):
    folder names are compared exactly, as on the machines that build sites,
    so the file is in no known folder. ``None``: it is not such a folder."""
    prefix = content_dir.strip("/") + "/"
    inner = rel[len(prefix) :] if rel.startswith(prefix) else rel
    first, sep, _ = inner.partition("/")
    kind = _KIND_BY_NAME.get(_folded(first)) if sep else None
    if kind is None or _FOLDER_OF[kind] == first:
        return None
    return first, _FOLDER_OF[kind]
