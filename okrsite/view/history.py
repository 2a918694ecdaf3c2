"""What pages show of the history: each goal's timeline of changes.

:mod:`okrsite.history` knows what each commit changed; this module joins it
with the scored portfolio to answer a reader's question on a goal's page:
*who changed this, when, in which pull request, was it eased mid-cycle?*
Where each figure comes from is :mod:`okrsite.view.figure_sources`, and
``api/history.json`` is :mod:`okrsite.view.history_json`. It decides no
rule: its judgements ("less ambitious", "stricter", …) come from :mod:`okrsite.diff`
and check-in order is the portfolio's. It formats no HTML; the theme's
``partials/history_timeline.html`` does. :func:`timeline_key` keys each
timeline by what computing it reads, for the page cache.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date
from typing import Any

from okrsite.checkin_index import checkin_index
from okrsite.config import SiteConfig
from okrsite.history import Change, SiteHistory
from okrsite.history_former_names import FormerNames
from okrsite.history_prints import change_fields, entries_print, origin_fields, origins_fields
from okrsite.history_records import in_submodule
from okrsite.model import CheckIn, ScoredPortfolio
from okrsite.ui_words import FIELD_LABELS
from okrsite.value_prints import Printer, fingerprint
from okrsite.view.figure_sources import dated_source, kpi_value_source, kr_value_source
from okrsite.view.history_commits import CommitLine, OriginLine, commit_line, origin_line

_Day = date  # inside TimelineEntry, ``date`` names its field

#: fields whose values are ids of people and of teams: pages show their names
PERSON_FIELDS = frozenset({"owner"})
TEAM_FIELDS = frozenset({"team"})
#: fields whose values are numbers in the key result's or KPI's unit
NUMBER_FIELDS = frozenset({"start", "target", "threshold", "current", "green", "red"})


# ------------------------------------------------------------------ page context
@dataclass(slots=True)
class TimelineEntry:
    """One line of the timeline: ``kind`` is the raw field (``created``,
    ``removed``, ``id``, ``key_result`` or a field name), ``field`` its
    translated label.

    ``old`` and ``new`` are the values as the history holds them (ids,
    numbers; ``api/history.json`` writes them so). What a page shows of them
    is worked out here, as every other page shows people, teams and figures:
    ``old_name``/``new_name`` the person's or team's name for an owner or team
    (its file's title, else the id; none for other fields), and
    ``old_unit``/``new_unit`` the unit a number was in on each side (the key
    result's or KPI's unit then, ``""`` for none), for ``with_unit``.

    An object rather than a mapping because the partial reads a dozen
    attributes of every change of every goal, and Jinja's ``e.date`` on a
    mapping first fails an attribute look-up (an exception) before it
    tries the key. Not frozen: a frozen dataclass sets each of its fields
    through ``object.__setattr__``, which made building the 100,000 entries
    of a large history several times slower; nothing changes an entry.
    """

    commit: str
    short: str
    commit_url: str | None
    pr: str | None
    pr_url: str | None
    date: date
    author: str
    kind: str
    field: str
    old: Any
    new: Any
    key_result: str | None
    key_result_title: str | None
    mid_cycle: bool
    less_ambitious: bool
    old_name: str | None = None
    new_name: str | None = None
    old_unit: str = ""
    new_unit: str = ""
    #: the commit's author date where it differs from ``date`` (the day the
    #: commit entered the branch), else None
    authored: _Day | None = None
    #: what ``okrsite diff`` says of the change ("less ambitious", "direction
    #: reversed", "stricter", "looser"; :attr:`okrsite.history.Change.note`),
    #: else None: the partial flags every one, as the report does
    note: str | None = None
    #: why, from the message of the commit the change is attributed to
    #: (:mod:`okrsite.history_why`): its subject (a merge commit's: the pull
    #: request's title), the ``Reason:`` or ``Why:`` line it gives, the rest of
    #: the message (at most 500 characters); plain text the partial escapes
    message: str | None = None
    reason: str | None = None
    #: the cycle the change came after the end of (its final figures change:
    #: :attr:`okrsite.history.Change.cycle_ended`), else None
    cycle_ended: str | None = None
    detail: str | None = None
    #: a merge's entry for a value it kept of main's over its branch's, judged
    #: neither way (:attr:`okrsite.history.Change.not_kept`)
    not_kept: bool = False
    #: the further authors the commit's ``Co-authored-by:`` trailers name
    #: (:attr:`okrsite.history_why.Why.co_authors`): names, never addresses
    co_authors: tuple[str, ...] = ()
    #: a merged branch's change the merge that brought it in did not keep:
    #: that merge commit (:attr:`okrsite.history.Change.not_kept_in`); its
    #: ``note`` is the judgement that did not land, ``less_ambitious`` false
    not_kept_in: str | None = None
    #: what every entry of the commit shows of it, made once per commit
    #: (:mod:`okrsite.view.history_commits`): the fields above that are the
    #: commit's are its, and the partial keeps its drawing of them there
    commit_line: CommitLine | None = dataclass_field(default=None, compare=False)


_LABELS: list[tuple[Callable[[str], str], dict[str, str]]] = []


def _labels(gettext: Callable[[str], str]) -> dict[str, str]:
    """The field labels as ``gettext`` translates them, worked out once per language
    (a site's pages all pass the same function)."""
    for known, labels in _LABELS:
        if known is gettext:
            return labels
    # every field okrsite diff compares is in the timeline, named as the
    # diff report names it (the pages' own label first)
    from okrsite.diff_words import FIELD_WORDS

    labels = {name: gettext(label) for name, label in {**FIELD_WORDS, **FIELD_LABELS}.items()}
    labels["_done"], labels["_not_done"] = gettext("done"), gettext("not done")
    _LABELS.insert(0, (gettext, labels))
    del _LABELS[4:]
    return labels


def _units(changes: Sequence[Change], now: dict[str | None, str]) -> list[tuple[str, str]]:
    """The units of each change's old and new number (``changes`` oldest first).

    ``now`` is each key result's unit (by id; ``None``: the KPI's own) as the
    site has it. Walking back from the newest commit, a unit change in a
    commit says which unit its numbers had before it: the numbers a commit
    wrote are in the unit after it, those it replaced in the unit before it,
    so "target 50 % → 40 k EUR" reads right when one commit changes both.
    """
    out: list[tuple[str, str]] = [("", "")] * len(changes)
    units = dict(now)
    end = len(changes)
    while end > 0:
        start = end - 1
        while start > 0 and changes[start - 1].commit == changes[end - 1].commit:
            start -= 1
        before = dict(units)
        for c in changes[start:end]:
            if c.field == "unit":
                before[c.key_result] = c.old or ""
        for i in range(start, end):
            c = changes[i]
            if c.field in NUMBER_FIELDS:
                out[i] = (before.get(c.key_result, ""), units.get(c.key_result, ""))
        units, end = before, start
    return out


def _name(
    field: str,
    value: Any,
    people: dict[str, str],
    teams: dict[str, str],
    labels: dict[str, str] | None = None,
    former: FormerNames | None = None,
    written: str | None = None,
) -> str | None:
    """A person's or team's name for an owner or team id, as other pages name
    them, else as they were known when their file was deleted (``former``:
    an owner who left is ``Kim Park`` on the timeline, as in ``okrsite
    diff``, not ``kim-park``), else as the version read wrote them
    (``written``: ``owner: Ana Costa``, no file ever, named by no current
    file); a yes-or-no key result's ``done`` in words (with ``labels``)."""
    if field == "done" and labels is not None and isinstance(value, bool):
        return labels["_done"] if value else labels["_not_done"]
    if not isinstance(value, str):
        return None
    if field in PERSON_FIELDS:
        kind, known = "person", people
    elif field in TEAM_FIELDS:
        kind, known = "team", teams
    else:
        return None
    name = known.get(value)
    if name is None and former is not None:
        name = former.name(kind, value)
    if name is None:
        name = written
    return value if name is None else name


def _entry(
    change: Change,
    line: CommitLine,
    krs: dict[str, str],
    labels: dict[str, str],
    units: tuple[str, str],
    people: dict[str, str],
    teams: dict[str, str],
    former: FormerNames | None = None,
) -> TimelineEntry:
    name = change.field
    return TimelineEntry(
        commit=line.commit,
        short=line.short,
        commit_url=line.commit_url,
        pr=line.pr,
        pr_url=line.pr_url,
        date=line.date,
        author=line.author,
        kind=change.field,
        field=labels.get(change.field, change.field),
        old=change.old,
        new=change.new,
        key_result=change.key_result,
        key_result_title=krs.get(change.key_result or "", change.key_result),
        mid_cycle=change.mid_cycle,
        less_ambitious=change.less_ambitious,
        old_name=_name(name, change.old, people, teams, labels, former, change.old_written),
        new_name=_name(name, change.new, people, teams, labels, former, change.new_written),
        old_unit=units[0],
        new_unit=units[1],
        authored=line.authored,
        # a change put together without the diff's judgement (a test's) has none
        note=change.note,
        cycle_ended=change.cycle_ended,
        message=line.message,
        reason=line.reason,
        detail=line.detail,
        not_kept=change.not_kept,
        co_authors=line.co_authors,
        not_kept_in=change.not_kept_in,
        commit_line=line,
    )


def kr_titles(changes: Sequence[Change], now: dict[str, str]) -> dict[str, str]:
    """Each key result's title for a timeline (``changes`` oldest first): the
    title it has (``now``), else the title it last had (a key result removed
    from the file keeps its name on its earlier entries). A key result whose
    id changed is named as under its new id on the entries of its old one."""
    titles: dict[str, str] = {}
    renamed: dict[str, str] = {}
    for c in changes:
        kid = c.key_result
        if kid is None:
            continue
        if c.field == "key_result":
            titles[kid] = c.new if c.new is not None else c.old
        elif c.field == "title" and isinstance(c.new, str):
            titles[kid] = c.new
        elif c.field == "id" and isinstance(c.old, str):
            renamed[c.old] = kid
    titles.update(now)
    for old, new in renamed.items():
        seen = {old}
        while new in renamed and new not in seen:  # followed to its last id
            seen.add(new)
            new = renamed[new]
        if new in titles:
            titles[old] = titles[new]
    return titles


def timeline(
    kind: str,
    rid: str,
    history: SiteHistory | None,
    scored: ScoredPortfolio,
    config: SiteConfig,
    gettext: Callable[[str], str] = str,
    lines: dict[Any, CommitLine] | None = None,
    origins: dict[Any, OriginLine] | None = None,
) -> dict[str, Any]:
    """The one context variable ``partials/history_timeline.html`` reads.

    ``note`` says why history is missing or partial (``note_text`` and
    ``note_values``: the same for the translation table); ``entries`` are
    the changes, newest first; ``sources`` where each current figure comes
    from. ``gettext`` translates the field labels. ``lines`` keeps each
    commit's :class:`CommitLine` for every timeline drawn with the same
    theme, language and ``history`` (the site's renderer keeps one), and
    ``origins`` each committed source's :class:`OriginLine` alike.
    """
    if history is None:
        return {
            "note": None,
            "note_text": None,
            "note_values": {},
            "available": False,
            "submodule": None,
            "entries": [],
            "sources": [],
        }
    out: dict[str, Any] = {
        "note": history.note,
        "note_text": history.note_text,
        "note_values": history.note_values,
        "available": history.available,
        "submodule": None,
    }
    if not history.available:
        out.update(entries=[], sources=[])
        return out
    p = scored.portfolio
    sources: list[dict[str, Any]] = []
    krs: dict[str, str] = {}
    units: dict[str | None, str] = {}
    if kind == "objective":
        o = p.objectives[rid]
        out["submodule"] = in_submodule(history, o.file)
        krs = {kr.id: kr.title for kr in o.key_results}
        units = {kr.id: kr.unit or "" for kr in o.key_results}
        changes = history.objectives.get(rid, [])
        for kr in o.key_results:
            src = kr_value_source(o, kr, scored, history, config)
            if src is not None:
                sources.append({"label": kr.title, **dated_source(src)})
    else:
        k = p.kpis[rid]
        out["submodule"] = in_submodule(history, k.file)
        units = {None: k.unit or ""}
        changes = history.kpis.get(rid, [])
        ks = scored.kpis.get(rid)
        src = kpi_value_source(k, ks.date if ks else None, scored, history, config)
        if src is not None:
            sources.append({"label": k.title, **dated_source(src)})
    if origins is None:
        origins = {}
    for source in sources:
        # what the source says of its commit, drawn once per commit
        source["origin_line"] = origin_line(source, origins) if source.get("commit") else None
    labels = _labels(gettext)
    people, teams = p.person_names, p.team_names
    krs = kr_titles(changes, krs)
    shown = zip(changes, _units(changes, units), strict=True)
    whys, former = history.whys, history.former_names
    # newest first in the order the commits entered the branch, as the
    # history holds them (okrsite.history_fold) and api/history.json lists
    # them: never by the dates shown, which a committer's wrong clock can
    # put out of order, so the top entry is always how things are now
    if lines is None:
        lines = {}
    repo_url = config.repo_url
    entries = [
        _entry(
            c,
            commit_line(c, repo_url, whys.get(c.commit), lines),
            krs,
            labels,
            u,
            people,
            teams,
            former,
        )
        for c, u in reversed(list(shown))
    ]
    out["entries"] = entries
    out["sources"] = sources
    return out


def timeline_inputs_print(history: SiteHistory | None, scored: ScoredPortfolio) -> bytes:
    """What every timeline of a site reads alike, printed once per build for
    :func:`timeline_key`: whether there is a history and its note, a shallow
    clone's committed files, the as_of day. (The settings, the language and
    the theme are in the fingerprint the kept pieces and the page cache are
    stored under.)"""
    if history is None:
        return fingerprint(None)
    files = hashlib.blake2b(digest_size=16)
    if history.shallow:
        for name in sorted(history.committed_files):
            files.update(name.encode("utf-8", "surrogatepass") + b"\0")
    return fingerprint(
        (
            history.available,
            history.note,
            history.note_text,
            sorted(history.note_values.items()),
            history.shallow,
            files.digest(),
            history.submodules,
            scored.as_of,
        )
    )


def timeline_key(
    kind: str,
    rid: str,
    history: SiteHistory | None,
    scored: ScoredPortfolio,
    config: SiteConfig,
    printer: Printer,
    shared: bytes,
) -> bytes:
    """A fingerprint of everything :func:`timeline` reads for one objective or
    KPI, equal whenever its timeline is: the record and its score (the key
    results' titles, units and where their current values come from), its
    changes, its check-ins and who committed them, the names of people and
    teams its changes name, and, for a KPI or a key result measured by one,
    the KPI's record, score, check-ins, CSV rows and ``values:`` origins.
    ``shared`` is :func:`timeline_inputs_print`.

    Computing and printing the timelines themselves after one new commit
    took several seconds at 10,000 objectives, for the few hundred whose
    timeline the commit changed; the records' prints come from ``printer``
    (most are remembered by the parse they came from), the history's
    entries are pickled. A test builds sites after every kind of change
    with these keys and without them and requires the same pages.
    """
    digest = hashlib.blake2b(shared, digest_size=16)
    digest.update(f"{kind}\0{rid}\0".encode("utf-8", "surrogatepass"))
    if history is None or not history.available:
        return digest.digest()
    p = scored.portfolio
    value = printer.value
    index = checkin_index(p.checkins)
    # what the history says of the record, gathered into one list and
    # printed once (a print per table and check-in cost most of the key):
    # ``read`` as it is, and ``plain`` the same with changes and origins as
    # tuples, which okrsite.history_prints prints five times as fast
    read: list[Any]
    plain: list[Any]
    kpis: list[str]
    if kind == "objective":
        o = p.objectives[rid]
        digest.update(value(o))
        digest.update(value(scored.objectives.get(rid)))
        changes = history.objectives.get(rid, [])
        current, ticks = history.currents.get(rid), history.ticks.get(rid)
        read = [current, ticks]
        plain = [
            current,
            None
            if ticks is None
            else tuple((k, origin_fields(t[0]), t[1], t[2]) for k, t in ticks.items()),
        ]
        _checkins_read(digest, index.by_objective.get(rid, ()), history, value, read, plain)
        kpis = sorted({kr.kpi for kr in o.key_results if kr.kpi})
    else:
        changes = history.kpis.get(rid, [])
        read, plain = [], []
        kpis = [rid]
    read.append(list(changes))
    plain.append([change_fields(c) for c in changes])
    people, teams = p.person_names, p.team_names
    former = history.former_names
    names = [
        (
            _name(c.field, c.old, people, teams, None, former, c.old_written),
            _name(c.field, c.new, people, teams, None, former, c.new_written),
        )
        for c in changes
        if c.field in PERSON_FIELDS or c.field in TEAM_FIELDS
    ]
    read.append(names)
    plain.append(names)
    for kid in kpis:
        k = p.kpis.get(kid)
        digest.update(b"K" + (value(k) if k is not None else b"-"))
        digest.update(value(scored.kpis.get(kid)))
        read.append(kid)
        plain.append(kid)
        _checkins_read(digest, index.by_kpi.get(kid, ()), history, value, read, plain)
        values, said = history.kpi_values.get(kid), history.kpi_values_said.get(kid)
        read += [values, said]
        plain += [origins_fields(values), said]
        if k is not None and k.data is not None:
            path = f"{config.content_dir.strip('/')}/{k.data}"  # as kpi_value_source
            rows, rows_said = history.csv_rows.get(path), history.csv_rows_said.get(path)
            read.append((path, rows, rows_said))
            plain.append((path, origins_fields(rows), rows_said))
        else:
            read.append(None)
            plain.append(None)
    digest.update(entries_print(plain, read))
    return digest.digest()


def _checkins_read(
    digest: Any,
    checkins: Sequence[CheckIn],
    history: SiteHistory,
    value: Callable[[Any], bytes],
    read: list[Any],
    plain: list[Any],
) -> None:
    """Prints each check-in into ``digest`` and appends to ``read`` what the
    history says of them (who committed each, what it said), and to
    ``plain`` the same as plain values, for the caller to print."""
    origins, said, figures = history.checkins, history.checkins_said, history.checkin_figures
    entries = []
    plain_entries = []
    for c in checkins:
        digest.update(value(c))
        origin, says, by_figure = origins.get(c.id), said.get(c.id), figures.get(c.id)
        entries.append((origin, says, by_figure))
        plain_entries.append((origin_fields(origin), says, origins_fields(by_figure)))
    read.append(entries)
    plain.append(plain_entries)
