"""A site whose content folder was renamed keeps its history.

The history reads the commits that changed the site's content folder, the
one ``content_dir`` in ``okrsite.toml`` names now. A commit that renamed it
(``git mv content goals`` with ``content_dir = "goals"`` in the same
commit) shows there as every file added: without following it, that commit
would be everyone's "created" entry and the author and date of every
figure, each check-in "backdated" to it, and every change before it lost.

So the history follows the content folder as it follows the whole site's
folder (:mod:`okrsite.history_site_moves`, whose rule this extends): a
commit whose ``okrsite.toml`` changed ``content_dir`` (both versions read
as a build reads them, :func:`okrsite.config.parse_config`) and moved files
from the folder it named into the one it names (git pairs at least one)
moved the content. One that only pointed ``content_dir`` at another folder
that was there moved nothing: the site starts afresh there, as a copied
site does. The moving commit is read across both folders
(:func:`~okrsite.history_site_moves.folder_move_changes`), so a file that
only moved changed nothing, and the commits before it are read under the
old content folder with each path put under today's (:func:`place_changes`):
what they did to each goal is then what the same commit did to the same
file, wherever the folder is now, so timelines, the commits of figures and
backdating stay what they were before the rename.

A folder the site was read under is a :data:`Place`: the site's folder in
the repository and its content folder then. Split from
:mod:`okrsite.history_site_moves` to keep that one about the site's folder
and the ``okrsite diff`` side of it, this one about reading each place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from okrsite.config import parse_config
from okrsite.gitsource import ZERO_OID, RawChange, raw_changes
from okrsite.history_events import Event
from okrsite.history_site_moves import (
    MOVED_FROM,
    added_config,
    config_path,
    folder_move_changes,
    site_moves_from,
    without_config,
)

#: the key of a commit's event naming the content folder (relative to the
#: site, as ``content_dir`` wrote it) its ``okrsite.toml`` moved the content
#: from; kept with the event in the history cache, as
#: :data:`~okrsite.history_site_moves.MOVED_FROM` is
CONTENT_MOVED_FROM = "content_moved_from"

#: where the site was read: its folder in the repository (``""`` at the top,
#: else ending in ``/``) and its content folder there (``content_dir``)
Place = tuple[str, str]


def content_dir_of(raw: bytes | None) -> str | None:
    """The content folder one version of ``okrsite.toml`` names, as a build of
    it reads it (a setting with an error keeps its default); ``None`` when
    the version cannot be read (missing, or over the size limit)."""
    if raw is None:
        return None
    text = raw.decode("utf-8", "replace")
    return parse_config(text)[0].content_dir.strip("/")


def _config_texts(repo: Path, oids: Sequence[str]) -> dict[str, bytes]:
    """The versions ``oids`` of ``okrsite.toml``, leaving out one over the
    size limit of a site's files (refused unread, as everywhere)."""
    from okrsite.history_commits import stream_blobs  # only when a config changed

    wanted = list(dict.fromkeys(o for o in oids if o != ZERO_OID))
    stream = stream_blobs(repo, wanted)
    try:
        return {oid: raw for oid, raw in stream if isinstance(raw, bytes)}
    finally:
        stream.close()


def content_moves(
    repo: Path,
    changes: Mapping[str, Sequence[RawChange]],
    prefix: str,
    content: str,
    moved_configs: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """``{commit: content folder before}`` of the commits of ``changes`` whose
    ``okrsite.toml`` at ``prefix`` changed ``content_dir`` to ``content``.

    ``moved_configs``: by commit, the ``okrsite.toml`` a commit that moved the
    whole site moved (its blob before), compared the same way: a commit may
    move the site and rename its content folder at once. One ``git cat-file``
    for the versions of ``okrsite.toml`` compared, none when none changed."""
    path = config_path(prefix)
    pairs: dict[str, tuple[str, str]] = {}
    for sha, chs in changes.items():
        for ch in chs:
            if ch.path == path and ch.status == "M" and ch.old != ch.new:
                pairs[sha] = (ch.old, ch.new)
            elif ch.path == path and sha in (moved_configs or {}):
                pairs[sha] = ((moved_configs or {})[sha], ch.new)
    if not pairs:
        return {}
    texts = _config_texts(repo, [oid for pair in pairs.values() for oid in pair])
    folder = content.strip("/")
    out: dict[str, str] = {}
    for sha, (old, new) in pairs.items():
        before, after = content_dir_of(texts.get(old)), content_dir_of(texts.get(new))
        if before is not None and after == folder and before != folder:
            out[sha] = before
    return out


def put_under(changes: list[RawChange], then: str, now: str) -> list[RawChange]:
    """``changes`` read under content folder ``then`` with each path put under
    ``now`` (both in the repository, ending in ``/``)."""
    if then == now:
        return changes

    def moved(path: str) -> str:
        return now + path[len(then) :] if path.startswith(then) else path

    return [
        RawChange(
            ch.status,
            ch.old,
            ch.new,
            moved(ch.path),
            None if ch.old_path is None else moved(ch.old_path),
        )
        for ch in changes
    ]


def place_changes(
    repo: Path,
    shas: Sequence[str],
    place: Place,
    content_now: str,
    processes: int = 1,
    merges: Mapping[str, Sequence[str]] | None = None,
    links: set[str] | None = None,
) -> tuple[dict[str, list[RawChange]], dict[str, Event]]:
    """What each of ``shas`` did to the site's content read at ``place``, every
    path under today's content folder ``content_now``, and, by commit, what
    the events of a commit that moved the site (its folder, its content
    folder, or both) say of where it was (:data:`MOVED_FROM`,
    :data:`CONTENT_MOVED_FROM`).

    One ``git log --raw`` over the content folder and the site's
    ``okrsite.toml``; one more for the commits that added ``okrsite.toml``
    (:func:`~okrsite.history_site_moves.site_moves_from`), one
    ``git cat-file`` for the versions of it that changed, and one
    ``git log --raw`` for each commit that moved the content.

    ``merges``: the merge commits among ``shas`` whose own changes are read
    (:mod:`okrsite.history_merges`), by their parents: each side of one is
    under its own key (:func:`~okrsite.history_merges.side_changes`), in
    place of the merge's, from one more ``git diff-tree``. A merge moves no
    site: a move is read from the commit that made it. ``links`` gets the
    commits that changed a link under the content folder (left out of the
    changes: :mod:`okrsite.history_links` reads them)."""
    from okrsite.history_merges import merge_changes, side_changes

    prefix, content = place[0], place[1].strip("/")
    folder = prefix + content + "/"
    merges = {sha: merges[sha] for sha in shas if merges and sha in merges}
    plain = [sha for sha in shas if sha not in merges]
    changes = raw_changes(repo, plain, folder, processes, [config_path(prefix)], links)
    sides = merge_changes(repo, merges, [folder.rstrip("/") or "."])
    sites = site_moves_from(repo, added_config(changes, prefix), prefix)
    contents = content_moves(
        repo, changes, prefix, content, {sha: blob for sha, (_old, blob) in sites.items()}
    )
    marks: dict[str, Event] = {}
    for sha in dict.fromkeys([*sites, *contents]):
        old_prefix = sites[sha][0] if sha in sites else prefix
        old_content = contents.get(sha, content)
        moved, any_moved = folder_move_changes(repo, sha, old_prefix + old_content + "/", folder)
        if sha not in sites and not any_moved:
            continue  # content_dir names another folder, nothing moved: a new start there
        changes[sha] = moved
        mark: Event = {}
        if sha in sites:
            mark[MOVED_FROM] = old_prefix
        if sha in contents:
            mark[CONTENT_MOVED_FROM] = old_content
        marks[sha] = mark
    today = prefix + content_now.strip("/") + "/"
    out: dict[str, list[RawChange]] = {}
    for sha in shas:
        if sha not in merges:
            out[sha] = put_under(without_config(changes.get(sha, []), prefix), folder, today)
            continue
        for key, side in side_changes(sha, merges[sha], sides.get(sha, [])):
            out[key] = put_under(side, folder, today)
    return out, marks


def last_place(
    events: Mapping[str, Event], shas: Sequence[str], place: Place
) -> tuple[str, Place] | None:
    """The latest of ``shas`` whose event says it moved the site to ``place``
    (its folder, its content folder, or both), and where the site was before it."""
    for sha in reversed(shas):
        event = events.get(sha)
        if event is None:
            continue
        folder, content = event.get(MOVED_FROM), event.get(CONTENT_MOVED_FROM)
        if isinstance(folder, str) or isinstance(content, str):
            return sha, (
                folder if isinstance(folder, str) else place[0],
                content if isinstance(content, str) else place[1],
            )
    return None
