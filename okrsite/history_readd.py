"""A goal file removed and added again later, compared across the gap.

Each commit's events (:mod:`okrsite.history_events`) compare the files it
touched with their versions just before it, so a file deleted in one commit
and added back in a later one is "removed", then "created": what differs
between the version that was removed and the one that came back (a target
eased from 3 to 1) was on no timeline, though ``okrsite diff`` across both
commits reports it. It cannot be in the cached per-commit events, which
know one commit each; which removal a re-creation follows depends on the
history around it. So it is worked out here, on every read, from the
events: for each record created again under an id that a removal left
free, the version just before that removal and the version created are
read from git (two ``git cat-file`` processes for all of them, none when no
file ever came back) and compared by :func:`~okrsite.history_events.record_change`,
the rule every other change is judged by. Split from :mod:`okrsite.history`,
which reads git for the events, to keep this one concern apart.

A key result removed from an objective and added back in a later commit is
the same gap inside a file: "key result removed", then "key result added",
though ``okrsite diff`` across both commits reports the key result changed
("target 90 → 80, less ambitious"). Each key result added under an id a
removal from the same objective left free, or else under the title of one
removed (one on each side, as :func:`okrsite.diff_records.match_renames`
pairs them, so a new id does not hide it), is compared with its version
before the removal (:func:`_key_results_back`), in the same two ``git
cat-file`` processes; none when no key result ever came back.
"""

from __future__ import annotations

import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from okrsite import cycles, sitefiles
from okrsite.config import SiteConfig
from okrsite.diff_records import match_renames
from okrsite.git_command import git_argv
from okrsite.git_environment import git_environment
from okrsite.gitsource import CommitInfo, GitError, read_blobs
from okrsite.history_events import (
    Event,
    Record,
    key_result_events,
    names_written,
    record_change,
    written_as,
)
from okrsite.history_fold import KEY_RESULTS_BACK, entered
from okrsite.history_merges import MERGE
from okrsite.history_names import site_named
from okrsite.model import KPI, Objective

#: by the commit that created a record again, by ``(kind, id)``: how the
#: version it created differs from the one removed before (a "changed"
#: event, as :func:`~okrsite.history_events.record_change` makes one); and
#: by ``(KEY_RESULTS_BACK, objective id)``, the key results the commit added
#: back to that objective: ``{"key_results": {id: event}}``, each event how
#: the key result added differs from its version before its removal (as
#: :func:`~okrsite.history_events.key_result_events` makes one: "changed",
#: its ``fields``, and ``from``, the id it had, when that was another)
Readded = dict[str, dict[tuple[str, str], Event]]

_Pair = tuple[str, tuple[str, str], str, str, str]  # creator, key, file, before, after
#: a key result added back: the commit, the objective's id, the key result's
#: id and the one it had when removed, the objective's file, the ``rev:path``
#: specs of the objective before the removal (the first git holds is read),
#: and the one of the version that added it back
_KrPair = tuple[str, str, str, str, str, tuple[str, ...], str]


def readded(
    repo: Path,
    config: SiteConfig,
    commits: Sequence[CommitInfo],
    events: Mapping[str, Event],
    prefixes: Mapping[str, str],
) -> Readded:
    """What each record created again changed since its removal.

    ``commits`` are parents before children (``git log``), ``events`` each
    commit's, ``prefixes`` the folder of the repository each commit was read
    under (the site's, or where it was before it moved). A record is followed
    in the order the commits entered the branch; the version before its
    removal is the removing commit's first parent's."""
    # one pass over the 100,000 records of a large history, which most sites
    # end with nothing to compare: no id both removed and created, no key
    # result removed
    removed: set[tuple[str, str]] = set()
    created: set[tuple[str, str]] = set()
    key_result_removed = False
    for each in events.values():
        for rec in each.get("records", ()):
            change = rec["change"]
            if change == "removed":
                removed.add((rec["kind"], rec["id"]))
            elif change == "created":
                created.add((rec["kind"], rec["id"]))
            if not key_result_removed:
                key_result_removed = any(
                    kr["change"] == "removed" for kr in rec.get("key_results", ())
                )
    out = _files_back(repo, config, commits, events, prefixes) if removed & created else {}
    if key_result_removed:
        _key_results_back(repo, config, commits, events, prefixes, out)
    return out


def _files_back(
    repo: Path,
    config: SiteConfig,
    commits: Sequence[CommitInfo],
    events: Mapping[str, Event],
    prefixes: Mapping[str, str],
) -> Readded:
    """What each goal file created again changed since its removal (see
    :func:`readded`, which calls it only where an id was both removed and
    created)."""
    pairs: list[_Pair] = []
    gone: dict[tuple[str, str], str] = {}  # key -> the removed version, as ``rev:path``
    for c in entered(commits)[0]:
        event = events.get(c.sha)
        prefix = prefixes.get(c.sha)
        if not event or prefix is None or event.get(MERGE):
            continue  # a merge's own changes compare with each parent, not the line
        for rec in event.get("records", ()):
            key = (rec["kind"], rec["id"])
            path = prefix + rec["file"]
            if "\n" in path:
                continue  # cannot be named on git cat-file's input
            if rec["change"] == "removed" and c.parents:
                gone[key] = f"{c.parents[0]}:{path}"
            elif rec["change"] == "created" and key in gone:
                pairs.append((c.sha, key, rec["file"], gone.pop(key), f"{c.sha}:{path}"))
            else:
                gone.pop(key, None)  # the id is taken again (a file moved to it)
    if not pairs:
        return {}
    blobs = _blobs(repo, [spec for p in pairs for spec in p[3:]])
    out: Readded = {}
    for sha, key, file, before_spec, after_spec in pairs:
        written: dict[tuple[str, str], str] = {}
        before = _record(config, file, blobs.get(before_spec), written)
        after = _record(config, file, blobs.get(after_spec), written)
        if before is None or after is None:
            continue  # a version that cannot be read: nothing to compare
        change = record_change(before, after)
        if change is not None and change["change"] == "changed" and "from" not in change:
            # an owner the removed version wrote by name alone (``owner: Ana
            # Costa``, no person file) is named so, as any change names it
            names_written(change, written)
            out.setdefault(sha, {})[key] = change
    return out


def _key_results_back(
    repo: Path,
    config: SiteConfig,
    commits: Sequence[CommitInfo],
    events: Mapping[str, Event],
    prefixes: Mapping[str, str],
    out: Readded,
) -> None:
    """Add to ``out`` (the files created again, :func:`_files_back`) what
    each key result added back to an objective changed since its removal.

    The objectives' events are followed in the order the commits entered the
    branch, by the objective's id (across its moves): a key result removed
    leaves its id and title free, with the objective's version before the
    removal (the removing commit's first parent's); one added later under
    that id, or else under that title (a pair :func:`match_renames` makes),
    is compared with it, as ``okrsite diff`` across both commits compares
    them. A key result added back with its whole file (a file created again)
    counts too. A fresh objective under the id (not a file created again)
    starts anew; a key result renamed onto a free id takes it. :func:`readded`
    calls it only where a key result was ever removed."""
    pairs: list[_KrPair] = []
    #: objective id -> key result id -> (specs before the removal, its title)
    gone: dict[str, dict[str, tuple[tuple[str, ...], str]]] = {}
    paths: dict[str, str] = {}  # objective id -> its file, as last read
    for c in entered(commits)[0]:
        event = events.get(c.sha)
        prefix = prefixes.get(c.sha)
        if not event or prefix is None or event.get(MERGE):
            continue  # a merge's own changes compare with each parent, not the line
        for rec in event.get("records", ()):
            if rec["kind"] != "objective":
                continue
            oid, path = rec["id"], prefix + rec["file"]
            was = paths.pop(rec["from"], None) if "from" in rec else paths.get(oid)
            if "from" in rec:  # moved to a new id: what it left free goes with it
                gone.setdefault(oid, {}).update(gone.pop(rec["from"], {}))
            paths[oid] = path
            krs = rec.get("key_results", ())
            back = rec["change"] == "created"
            if back:
                since = out.get(c.sha, {}).get(("objective", oid))
                if since is None:  # a new objective under the id: nothing came back
                    gone.pop(oid, None)
                    continue
                krs = since.get("key_results", ())
            left = gone.setdefault(oid, {})
            added: dict[str, str] = {}
            for kr in krs:
                kid = kr["id"]
                if kr["change"] == "removed" and not back and c.parents:
                    where = dict.fromkeys(p for p in (path, was) if p and "\n" not in p)
                    left[kid] = (tuple(f"{c.parents[0]}:{p}" for p in where), kr["title"])
                elif kr["change"] == "added" and kid in left:
                    pairs.append((c.sha, oid, kid, kid, rec["file"], left.pop(kid)[0], path))
                elif kr["change"] == "added":
                    added[kid] = kr["title"]
                else:
                    left.pop(kid, None)  # the id is taken again (a key result renamed to it)
            if added and left:
                titles = {kid: title for kid, (_, title) in left.items()}
                for kid, old in match_renames(titles, added, lambda title: title).items():
                    pairs.append((c.sha, oid, kid, old, rec["file"], left.pop(old)[0], path))
    pairs = [p for p in pairs if "\n" not in p[6] and p[5]]
    if not pairs:
        return
    blobs = _blobs(repo, [spec for p in pairs for spec in (*p[5], f"{p[0]}:{p[6]}")])
    for sha, oid, kid, old, file, before_specs, after_path in pairs:
        written: dict[tuple[str, str], str] = {}
        raw = next((blobs[s] for s in before_specs if s in blobs), None)
        before = _record(config, file, raw, written)
        after = _record(config, file, blobs.get(f"{sha}:{after_path}"), written)
        if not isinstance(before, Objective) or not isinstance(after, Objective):
            continue  # a version that cannot be read: nothing to compare
        b = next((kr for kr in before.key_results if kr.id == old), None)
        h = next((kr for kr in after.key_results if kr.id == kid), None)
        if b is None or h is None:
            continue
        for change in key_result_events(
            replace(before, key_results=(b,)), replace(after, key_results=(h,))
        ):
            if change["id"] == kid and change["change"] == "changed":
                back_to = out.setdefault(sha, {}).setdefault((KEY_RESULTS_BACK, oid), {})
                back_to.setdefault("key_results", {})[kid] = change


def _record(
    config: SiteConfig, file: str, raw: bytes | None, written: dict[tuple[str, str], str]
) -> Record | None:
    """The objective or KPI one version of ``file`` holds, its cycle named as
    the events name it (:class:`okrsite.history_commits._Versions`), and its
    people, teams and KPIs as every version is (:mod:`okrsite.history_names`);
    the people and teams it names, as it writes them, go into ``written``."""
    from okrsite.history_parse import parse_version  # only when a file came back

    if raw is None:
        return None
    version = parse_version(
        file, raw, None, content_dir=config.content_dir, default_cycle=config.default_cycle
    )
    written_as(written, version.names)
    rec = version.record
    if isinstance(rec, Objective) and rec.cycle:
        named = cycles.canonical(rec.cycle, config.cycles)
        return site_named(replace(rec, cycle=named) if named != rec.cycle else rec)
    # people, teams and KPIs named as every other version is (history_names)
    return site_named(rec) if isinstance(rec, KPI) else None


def _blobs(repo: Path, specs: Sequence[str]) -> dict[str, bytes]:
    """The blobs named ``rev:path``: one ``git cat-file --batch-check`` for their
    ids and sizes, one ``--batch`` for those within the size limit of a
    site's files (a larger one is a version that cannot be read, as
    everywhere). One git cannot name is left out."""
    from okrsite.history_commits import GIT_IDLE_SECONDS  # only when a file came back

    unique = list(dict.fromkeys(specs))
    try:
        proc = subprocess.run(
            git_argv(["cat-file", "--batch-check"]),
            cwd=repo,
            env=git_environment(repo),
            input="".join(f"{s}\n" for s in unique).encode("utf-8", "surrogateescape"),
            capture_output=True,
            check=True,
            timeout=GIT_IDLE_SECONDS,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    oids: dict[str, str] = {}
    lines = proc.stdout.decode("utf-8", "replace").splitlines()
    for spec, line in zip(unique, lines, strict=False):  # an answer short of lines: fewer
        parts = line.split()
        if len(parts) == 3 and parts[1] == "blob" and int(parts[2]) <= sitefiles.MAX_FILE_BYTES:
            oids[spec] = parts[0]
    try:
        got = read_blobs(repo, list(oids.values()))
    except GitError:
        return {}
    return {spec: got[oid] for spec, oid in oids.items() if oid in got}
