"""Every goal's history and every number's source, read from git.

Goals live in git, so the site can show what a database-backed OKR tool
cannot: who changed a target, when, in which pull request, and whether it was
eased after the cycle began; who recorded a value and whether a check-in was
written long after the date it claims.

Reading is built for large repositories. Three git processes serve the whole
history, never one per file: ``git log`` lists the commits (with parents and
messages), ``git log --raw --no-walk --stdin`` the files each new commit
changed, and one long-lived ``git cat-file --batch`` streams the blobs (one
``git diff-tree --stdin`` more reads what merge commits changed themselves:
:mod:`okrsite.history_merges`). What a
commit did (:mod:`okrsite.history_events`) is cached per commit in
``history/`` of the cache folder (``cache_dir``, ``.okrsite-cache/``, beside
the parse cache's ``parse-*.pickle``; see :mod:`okrsite.history_cache`), so a
rebuild reads only commits it has not seen. A site whose whole folder moved
is followed to where it was (:mod:`okrsite.history_site_moves`): the commits
before the move are read the same way under the old folder, with a
``git log --raw`` or two more per move, and cached under that folder's key.
:func:`assemble` then folds the commits, oldest first, into timelines; it is
pure, so tests can feed it directly.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from okrsite import __version__
from okrsite.config import SiteConfig
from okrsite.content_folder_link import real_content_dir
from okrsite.gcpause import paused_gc
from okrsite.git_site_state import head_state, site_state
from okrsite.gitsource import (
    CommitInfo,
    GitError,
    GitSite,
    log_commits,
    shallow_boundary,
    site_prefix,
)
from okrsite.history_mailmap import mailmap_state
from okrsite.history_names import CurrentRecords, SiteNames, naming, site_names
from okrsite.history_pull_requests import pr_numbers as pr_numbers
from okrsite.history_records import BEFORE_HISTORY as BEFORE_HISTORY
from okrsite.history_records import Change as Change
from okrsite.history_records import Origin as Origin
from okrsite.history_records import SiteHistory as SiteHistory
from okrsite.history_records import Tick as Tick
from okrsite.history_records import unavailable as unavailable
from okrsite.model import CheckIn, Cycle, Portfolio
from okrsite.written_numbers import comma_groups_thousands, numbers_written_in

if TYPE_CHECKING:  # the reading machinery is imported by a site in a repository only
    from okrsite.history_cache import HistoryCache
    from okrsite.history_content_moves import Place
    from okrsite.history_events import Event, Record
    from okrsite.history_site_moves import FolderReads

#: raised whenever what a version of a file parses to changes (numbers, dates,
#: cycles and key results written as people write them: 4), or what a commit's
#: events say (files git saw move, each side read under its own path: 5; a CSV
#: file moved keeps the commits of its rows: 6; a check-in's event says what
#: it says, so a later change of a figure credits that commit: 7; every
#: field okrsite diff compares, and what checklists' milestones were: 9; what
#: a check-in changed or moved said before, for a shallow clone: 10; the
#: commit that moved the whole site's folder moved its files, and says from
#: where: 11; a version that cannot be read is skipped, and each field's
#: change keeps what okrsite diff says of it: 12; a version over the size or
#: row limit is one that cannot be read, never read: 13; a CSV row keeps what
#: its cell writes beside the digits, for a KPI's unit: 14; every version named
#: by the site's people, teams and KPIs, however much was read at once, with
#: what names them in the key (okrsite.history_names): 15; a check-in's money
#: counted in its key result's or KPI's unit, as the site counts it: 16; its
#: top-level keys that name no key result dropped, as the site drops them:
#: 17; the commit that renamed the content folder (content_dir) moved its
#: files, and says from where, as one that moved the site does: 18; a
#: check-in keeps the zone its time names: 19; a tie of instants is broken
#: by file name, as the order's rule says, not by the time as written: 20; a
#: merge commit on the first-parent line has its own changes, against each
#: parent (okrsite.history_merges): 21; a goal file's links as each commit
#: holds them, not the checkout's (okrsite.history_links): 22; a merge's side
#: against its first parent first (okrsite.history_merges): 23; a merge's
#: records read against a merged parent marked not_kept (okrsite.history_merges
#: NOT_KEPT): 24; an owner's or team's name as the versions read wrote it
#: (history_events: names), for one no current file names: 25): cached
#: events reread
CACHE_VERSION = 25
REUSE_AFTER = 500  # file changes to read before reusing the current site's parses pays


# ------------------------------------------------------------------ reading
def _cache_key(config: SiteConfig, prefix: str, names: str = "") -> list[Any]:
    return [
        CACHE_VERSION,
        __version__,
        prefix,
        config.content_dir,
        config.default_cycle,
        comma_groups_thousands(config.language),  # how a version's 1,200 reads
        names,  # how the site names people, teams and KPIs (okrsite.history_names)
    ]


class HistoryReader:
    """Reads a site's history, and reads it again only for commits it has not seen.

    ``okrsite build`` uses one for a single read; ``okrsite serve`` keeps one
    for the session: each rebuild asks git for HEAD (one quick process) and,
    when HEAD moved, reads only the new commits. The per-commit events stay
    in memory and on disk in ``.okrsite-cache/history/``.
    """

    def __init__(
        self,
        site_root: Path,
        config: SiteConfig,
        cycles: Mapping[str, Cycle],
        jobs: int = 1,
        cache_dir: Path | None = None,
        use_cache: bool = True,
    ) -> None:
        self.site_root = site_root
        # the parse cache's folder (okrsite.parse_store): its files are
        # parse-*.pickle, this one's history/; neither touches the other's.
        # --no-cache and cache = false leave the folder alone, as for parsing.
        self.cache_dir = cache_dir if cache_dir is not None else site_root / config.cache_dir
        self.use_cache = use_cache and config.cache
        self.jobs = jobs
        self.config = config
        self.cycles = cycles
        #: per place the site was read under (its own, and where it was
        #: before it moved: :mod:`okrsite.history_site_moves`, or before its
        #: content folder was renamed: :mod:`okrsite.history_content_moves`),
        #: each commit's events
        self.events_of: dict[Place, dict[str, Event]] = {}
        self.head: str | None = None
        #: how git's mailmap stood when :attr:`history` was read (:mod:`okrsite.history_mailmap`)
        self.mailmap = ""
        #: each commit's parents, for the goal files that are links (:mod:`okrsite.history_links`)
        self.parents: dict[str, tuple[str, ...]] = {}
        self.history: SiteHistory | None = None
        self.site: GitSite | None = None
        #: the history cache of each place the site was read under
        self.stores: dict[Place, HistoryCache] = {}
        self._cache_checked = False
        #: keep what a read used up (``spent``) instead of freeing it: set by
        #: a build in a process that ends after it, which never frees them
        #: (:func:`okrsite.lifecycle.exit_now`; freeing cost a third of a
        #: second at 10,000 objectives)
        self.keep_spent = False
        self.spent: list[object] = []
        #: leave saving what was read to :meth:`save_pending` (``okrsite
        #: build`` saves it while pages render: pickling the events of every
        #: commit took most of a second at 10,000 objectives, in the one
        #: process between reading and rendering)
        self.save_later = False
        self._pending: list[tuple[HistoryCache, dict[str, Event], dict[str, Event], bool]] = []
        #: how the site named people, teams and KPIs when the events were read
        self.names = SiteNames()

    def read(self, current: Iterable[Record | CheckIn] = ()) -> SiteHistory:
        """The history as of the repository's current HEAD (a note instead when there is none).

        ``current``: the site's records as just loaded; when many commits are
        new, versions equal to them are taken from there instead of parsed.
        Every version is named by the site's people, teams and KPIs
        (:mod:`okrsite.history_names`): those of the site ``current`` comes
        from (:func:`current_records`), else those its files give.

        The same object is returned while HEAD stays put, so a caller can tell
        by identity whether anything changed.
        """
        if not self.config.history:
            if self.history is None:
                self.history = unavailable(
                    "History is turned off (history = false in okrsite.toml, or --no-history)."
                )
            return self.history
        from okrsite.content_submodules import content_modules

        modules = content_modules(self.site_root, self.config.content_dir)
        folder = self.config.content_dir.strip("/")
        if folder in modules:  # warned as OKR011 by check and build
            if self.history is None or self.history.note_text != IN_SUBMODULE:
                self.head = None
                self.history = unavailable(IN_SUBMODULE, folder=folder)
            return self.history
        names = site_names(self.site_root, self.config.content_dir, current)
        before = None
        if names.digest != self.names.digest:  # events named otherwise: read them again
            before, self.events_of, self.stores, self.history = self.history, {}, {}, None
        elif names is not self.names and names.kr_ids != self.names.kr_ids:
            self.head = None  # check-ins' top-level keys judged again (judged_alike)
        self.names = names
        try:
            # a history holds millions of small objects (events, changes) and no
            # cycles: the collector's passes over them found nothing and cost
            # seconds at 10,000 objectives (forked readers inherit the pause)
            with paused_gc(), numbers_written_in(self.config.language), naming(names, current):
                read = self._read(current)
        except GitError as exc:
            if self.history is None or self.history.available:
                self.history = _git_note(exc)
            read = self.history
        if read.available and read.submodules != modules:
            # the goals of a submodule in the content folder have no history
            # here (OKR011): their figures say so, not "not committed yet"
            self.history = read = replace(read, submodules=modules)
        if before is not None and replace(read, source=before.source) == before:
            # a new team or a retitled person that names no version otherwise
            # (or no git at all): the same history, kept by identity so that
            # no page renders again for it
            self.history = read = before
        return read

    def save_pending(self) -> None:
        """Save what the last read found (with :attr:`save_later`); once."""
        pending, self._pending = self._pending, []
        for store, new, events, stale in pending:
            store.save(new, events, stale=stale)

    def _read(self, current: Iterable[Record | CheckIn]) -> SiteHistory:
        if self.site is None:
            self.site, head, shallow = site_state(self.site_root)
        else:
            head, shallow = head_state(self.site.toplevel)
        site = self.site
        # a .mailmap edited, or mailmap.file set, renames authors with HEAD put
        mailmap = mailmap_state(site.toplevel)
        if head == self.head and mailmap == self.mailmap and self.history is not None:
            return self.history
        commits = log_commits(site.toplevel)
        if commits:
            from okrsite.history_co_authors import with_co_authors

            commits = with_co_authors(site.toplevel, commits)
        self.mailmap = mailmap
        if not commits:
            self.head, self.history = head, unavailable("No history yet: there are no commits.")
            return self.history
        # imported here, not at the top: a site outside git (the example copied
        # elsewhere, a CI job's export) never parses old versions, and these
        # modules (with okrsite.diff) are a tenth of the one-edit build's start
        from okrsite.history_content_moves import last_place
        from okrsite.history_readd import readded
        from okrsite.history_site_moves import FolderReads, eras
        from okrsite.parse_store_folder import committed_to_git
        from okrsite.sitefiles import link_out_of_site

        if not self._cache_checked:
            self._cache_checked = True
            if self.use_cache and (
                committed_to_git(self.cache_dir)
                or link_out_of_site(self.cache_dir, self.site_root) is not None
            ):
                # a history others could have written (okrsite serve; check and
                # build refuse the folder outright): read from git instead
                self.use_cache = False
        # a shallow clone's oldest commits seem to add every file they hold:
        # their changes are unknown, and left out (not read, not kept)
        boundary = shallow_boundary(site.toplevel) if shallow else set()
        read = FolderReads(commits, current)
        # the site's own folder, then (going back) each folder it moved from:
        # the commits before a move are read under the folder it left (and
        # the content folder it had: okrsite.history_content_moves)
        place: Place = (site.prefix, real_content_dir(self.site_root, self.config.content_dir))
        self.parents = {c.sha: c.parents for c in commits}
        remaining = [c.sha for c in commits if c.sha not in boundary]
        events: dict[str, Event] = {}
        prefixes: dict[str, str] = {}  # the folder each commit was read under
        while remaining:
            got = self._events_under(place, remaining, read)
            found = last_place(got, remaining, place)
            if found is None:
                mine, remaining = remaining, []
            else:
                mine, remaining = eras(commits, found[0], remaining)
            events.update((sha, got[sha]) for sha in mine if sha in got)
            prefixes.update(dict.fromkeys(mine, place[0]))
            if found is not None:
                place = found[1]
        self._keep(read)
        try:
            again = readded(site.toplevel, self.config, commits, events, prefixes)
            history = assemble(
                commits, events, self.cycles, self.config.backdate_days, bool(shallow), again
            )
        except (KeyError, TypeError, ValueError, IndexError):
            if not any(read.cached.values()):
                raise
            # a cache edited by hand or by another program: read everything again
            for store in self.stores.values():
                store.clear()
            self.events_of = {}
            self._pending = []
            return self._read(current)
        history.commits_read = read.count
        from okrsite.history_former_names import FormerNames

        content = real_content_dir(self.site_root, self.config.content_dir)
        history.former_names = FormerNames(site.toplevel, site.prefix, content, head)
        history.source = repr(
            (
                head,
                mailmap,
                _cache_key(self.config, site.prefix, self.names.digest),
                self.config.backdate_days,
                sorted(self.cycles.items(), key=lambda item: item[0]),
            )
        )
        if shallow:
            history.shallow = True
            from okrsite.history_commits import index_blobs

            # files committed before the commits this clone holds: their
            # figures' origins are unknown, not "not committed yet"
            history.committed_files = frozenset(
                path[len(site.prefix) :] for path in index_blobs(site.toplevel, site.prefix)
            )
            # a clone of depth 1 (what CI checks out unless told otherwise) has
            # one commit: said in words, not as "1 commits"
            history.note_text = (
                "Partial history: this is a shallow clone with only its latest commit; "
                "fetch the full history (git fetch --unshallow) to see all of it."
                if len(commits) == 1
                else "Partial history: this is a shallow clone, %(count)s commits seen; "
                "fetch the full history (git fetch --unshallow) to see all of it."
            )
            history.note_values = {"count": len(commits)}
            history.note = history.note_text % history.note_values
        self.head, self.history = head, history
        return history

    def _store(self, place: Place) -> HistoryCache:
        """The history cache of the site read under ``place``: for its own
        content folder, the same a site in that folder keeps, since a commit's
        events, relative to the site, are the same read from either; for the
        content folder it had before a rename, one of its own, since those
        events put each path under today's content folder."""
        from okrsite.history_cache import HistoryCache

        store = self.stores.get(place)
        if store is None:
            key = _cache_key(self.config, place[0], self.names.digest)
            if place[1] != self.config.content_dir:
                key.append(place[1])
            store = self.stores[place] = HistoryCache(self.cache_dir, key)
        return store

    def _events_under(
        self, place: Place, shas: Sequence[str], read: FolderReads
    ) -> dict[str, Event]:
        """The events of ``shas`` read under ``place`` (cached, or read now):
        :func:`~okrsite.history_content_moves.place_changes` reads what they
        did (and where a commit moved the site, or its content folder, from)."""
        from okrsite.history_commits import commit_events_of
        from okrsite.history_content_moves import place_changes
        from okrsite.history_events import judged_alike
        from okrsite.history_merges import joined

        site = self.site
        assert site is not None
        if place not in read.asked:
            loaded = self.events_of.get(place)
            if loaded is None:
                loaded = self._store(place).load() if self.use_cache else {}
            read.cached[place] = len(loaded)
            loaded = judged_alike(loaded, self.names)  # key results added or removed since
            read.asked[place] = set()
            read.new[place] = {}
            self.events_of[place] = dict(loaded)
        have = self.events_of[place]
        read.asked[place].update(shas)
        missing = [sha for sha in shas if sha not in have and sha not in read.merges]
        if not missing:
            return have
        prefix = place[0]
        touched: set[str] = set()  # commits that changed a link (history_links)
        changes, marks = place_changes(
            site.toplevel,
            missing,
            place,
            self.config.content_dir,
            self.jobs,
            read.line_merges,
            touched,
        )
        # goal files that are or were links: their files' changes (history_links)
        from okrsite.history_content_moves import put_under
        from okrsite.history_links import link_changes

        folder = prefix + place[1].strip("/") + "/"
        today = prefix + self.config.content_dir.strip("/") + "/"  # as place_changes puts them
        plain = [sha for sha in missing if sha not in read.line_merges]
        linking = link_changes(site.toplevel, plain, self.parents, prefix, folder, touched)
        for sha, linked in linking.items():
            changes[sha] = [*changes.get(sha, []), *put_under(linked, folder, today)]
        ordered = list(changes.items())  # a merge's sides each under its own key
        many = sum(len(c) for _sha, c in ordered) > REUSE_AFTER
        known = read.known(self.site_root, site, prefix) if many else {}
        new = commit_events_of(site.toplevel, prefix, self.config, ordered, self.jobs, known)
        new = joined(new, [sha for sha in missing if sha in read.line_merges])
        for sha, mark in marks.items():
            new[sha] = {**new.get(sha, {}), **mark}
        have.update(new)
        read.new[place].update(new)
        read.count += len(missing)
        if self.keep_spent:  # 100,000 changes read from git, 40,000 known versions
            self.spent.append((changes, known))
        return have

    def _keep(self, read: FolderReads) -> None:
        """Keep, in memory and in each folder's cache, the events of the commits
        this read asked for; a cache that holds others is merged into one."""
        self.events_of = {
            place: {sha: ev for sha, ev in self.events_of[place].items() if sha in asked}
            for place, asked in read.asked.items()
        }
        self._pending = []
        if not self.use_cache:
            return
        for place, kept in self.events_of.items():
            new = read.new[place]
            stale = len(kept) - len(new) != read.cached[place]
            if self.save_later:
                self._pending.append((self._store(place), new, kept, stale))
            else:
                self._store(place).save(new, kept, stale=stale)


def with_repo_folder(config: SiteConfig, site_root: Path, reader: HistoryReader) -> SiteConfig:
    """``config`` with ``repo_folder`` found from git when edit links need it
    and okrsite.toml does not say: a site in a subfolder of its repository
    links to ``{repo_url}/edit/{branch}/goals/content/…``. The reader found
    the repository when it read the history; else one ``git rev-parse``."""
    if not config.repo_url or config.repo_folder is not None:
        return config
    folder = reader.site.prefix if reader.site is not None else site_prefix(site_root)
    return replace(config, repo_folder=folder)


#: the note of a site whose content folder is a git submodule (warning OKR011)
IN_SUBMODULE = (
    "No history: the content folder %(folder)s/ is a git submodule, whose commits okrsite "
    "does not read (warning OKR011); keep the goals in the site's own repository to have "
    "their history."
)

#: the note of a history git refused to give (said on the terminal too: history_unread)
GIT_UNREAD = "No history: git could not read it (%(problem)s)."


def _git_note(exc: GitError) -> SiteHistory:
    if "not inside a git repository" in str(exc) or "not installed" in str(exc):
        return unavailable("No history: this site is not in a git repository.")
    return unavailable(GIT_UNREAD, problem=str(exc))


def read_history(
    site_root: Path,
    config: SiteConfig,
    cycles: Mapping[str, Cycle],
    jobs: int = 1,
    current: Iterable[Record | CheckIn] = (),
    cache_dir: Path | None = None,
    use_cache: bool = True,
) -> SiteHistory:
    """The history of the site's content folder, read once (see :class:`HistoryReader`)."""
    return HistoryReader(site_root, config, cycles, jobs, cache_dir, use_cache).read(current)


def current_records(portfolio: Portfolio) -> CurrentRecords:
    """The records of a loaded site whose files the history may find unchanged,
    with the people, teams and KPIs that name every version (okrsite.history_names)."""
    return CurrentRecords(portfolio)


# ------------------------------------------------------------------ assembling
def assemble(
    commits: Sequence[CommitInfo],
    events: Mapping[str, Event],
    cycles: Mapping[str, Cycle],
    backdate_days: int,
    shallow: bool = False,
    readded: Mapping[str, Any] | None = None,
) -> SiteHistory:
    """Fold per-commit events (oldest first) into timelines and origins
    (:func:`okrsite.history_fold.assemble`), check-ins that only followed a
    rename or move keeping their commits (:mod:`okrsite.history_follow`)."""
    from okrsite.history_fold import assemble as fold
    from okrsite.history_follow import followed, ticks_followed

    history = fold(commits, followed(commits, events), cycles, backdate_days, shallow, readded)
    ticks_followed(history, commits, events)
    return history


def is_backdated(checkin_day: date, origin: Origin, backdate_days: int) -> bool:
    """Committed more than ``backdate_days`` after the date the check-in claims."""
    return (origin.committed - checkin_day).days > backdate_days


def objective_changes(history: SiteHistory, oid: str) -> Iterable[Change]:
    return history.objectives.get(oid, ())
