"""What pages and ``api/history.json`` show of the history: timelines and sources of figures.

:mod:`okrsite.history` knows what each commit changed; this module joins it
with the scored portfolio to answer a reader's two questions on a goal's
page: *who changed this, when, in which pull request, was it eased
mid-cycle?* and *where does this number come from?* It decides no rule: the
current value's source is the one scoring chose (``KRScore.current_source``),
"less ambitious" comes from :mod:`okrsite.diff`, and check-in order is the
portfolio's. It formats no HTML; the theme's ``partials/history_timeline.html``
does, and :func:`history_json` is written with the site's other data files by
``SiteRenderer.render_assets``, the one render path of build and serve.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from okrsite import __version__
from okrsite.checkin_index import checkin_index
from okrsite.config import SiteConfig
from okrsite.history import Change, Origin, SiteHistory, is_backdated
from okrsite.history_events import checkin_says
from okrsite.markdown import is_safe_url
from okrsite.model import KPI, CheckIn, KeyResult, Objective, ScoredPortfolio
from okrsite.numbers import json_value
from okrsite.streaks import checkin_streaks
from okrsite.value_prints import Printer, fingerprint

HISTORY_JSON = "api/history.json"
#: how the timeline names a changed field (translated on the page; see
#: themes/default/translations/messages.pot)
FIELD_LABELS = {
    "title": "title",
    "owner": "owner",
    "team": "team",
    "parent": "parent",
    "cycle": "cycle",
    "commitment": "commitment",
    "status": "status",
    "start": "start",
    "target": "target",
    "threshold": "threshold",
    "unit": "unit",
    "kind": "kind",
    "current": "current value",
    "direction": "direction",
    "green": "healthy threshold",
    "red": "critical threshold",
}


@lru_cache(maxsize=8)
def _link_base(repo_url: str | None) -> str | None:
    """``repo_url`` without its trailing slash when it may become a link: checked
    once per site, not once for each of the 100,000 entries of a large history."""
    if not repo_url or not is_safe_url(repo_url):
        return None
    return repo_url.rstrip("/")


def commit_url(repo_url: str | None, sha: str) -> str | None:
    base = _link_base(repo_url)
    return None if base is None else f"{base}/commit/{sha}"


def pr_url(repo_url: str | None, pr: str | None) -> str | None:
    """GitHub pull requests are ``#12`` (``/pull/12``), GitLab merge requests ``!12``."""
    base = _link_base(repo_url) if pr else None
    if base is None or not pr:
        return None
    if pr.startswith("!"):
        return f"{base}/-/merge_requests/{pr[1:]}"
    return f"{base}/pull/{pr[1:]}"


def _origin_json(
    origin: Origin | None, repo_url: str | None, before: bool = False, edited: bool = False
) -> dict[str, Any]:
    """Who committed a figure; ``backdated`` is set for check-ins by :func:`checkin_source`.
    ``before``: without an origin, the figure's file was committed before
    the oldest commit a shallow clone holds (:func:`_before`), not "not yet".
    ``edited``: the figure differs from what its last commit wrote (the
    file is being edited): no commit wrote it yet, whoever wrote it before."""
    if origin is None or edited:
        return {
            "commit": None,
            "pr": None,
            "author": None,
            "committed": None,
            "backdated": False,
            "before_history": before and not edited,
            "edited": edited,
        }
    return {
        "before_history": False,
        "edited": False,
        "backdated": False,
        "commit": origin.commit,
        "short": origin.commit[:7],
        "commit_url": commit_url(repo_url, origin.commit),
        "pr": origin.pr,
        "pr_url": pr_url(repo_url, origin.pr),
        "author": origin.author,
        "committed": origin.committed.isoformat(),
    }


def _before(history: SiteHistory, file: str) -> bool:
    """Whether ``file`` was committed before the commits a shallow clone holds."""
    return history.shallow and file in history.committed_files


# ------------------------------------------------------------------ sources of figures
def _latest_checkin(
    checkins: Sequence[CheckIn], as_of: date, day: date | None, wanted: Any
) -> CheckIn | None:
    """The check-in scoring took a value from: the last in portfolio order, on ``day``.

    ``checkins`` are those of one objective or KPI (from the shared
    :func:`~okrsite.checkin_index.checkin_index`), so this stays linear in
    the size of the site.
    """
    for c in reversed(checkins):
        if c.date <= as_of and (day is None or c.date == day) and wanted(c):
            return c
    return None


def checkin_origin(c: CheckIn, history: SiteHistory) -> tuple[Origin | None, bool]:
    """The commit that wrote a check-in's figures, and whether the check-in
    says something else now (edited since: then no commit wrote them yet)."""
    origin = history.checkins.get(c.id)
    if origin is None:
        return None, False
    said = history.checkins_said.get(c.id, _UNKNOWN)
    if said is not _UNKNOWN and said != checkin_says(c):
        return None, True
    return origin, False


def checkin_source(c: CheckIn, history: SiteHistory, config: SiteConfig) -> dict[str, Any]:
    origin, edited = checkin_origin(c, history)
    backdated = origin is not None and is_backdated(c.date, origin, config.backdate_days)
    before = origin is None and not edited and _before(history, c.file)
    return {
        "kind": "check-in",
        "file": c.file,
        "id": c.id,
        "date": c.date.isoformat(),
        **_origin_json(origin, config.repo_url, before, edited),
        "backdated": backdated,
    }


_UNKNOWN = object()


def _differs(said: Mapping[str, Any] | None, key: str, now: Any) -> bool:
    """Whether a figure (``now``) differs from what its last commit wrote
    (``said[key]``); unknown (no commit wrote it) is no difference."""
    if not said or key not in said:
        return False
    return bool(said[key] != now)


def kpi_value_source(
    k: KPI, day: date | None, scored: ScoredPortfolio, history: SiteHistory, config: SiteConfig
) -> dict[str, Any] | None:
    """Where a KPI's value on ``day`` comes from: a check-in, a CSV row or ``values:``.

    Check-ins win over CSV rows and CSV rows over ``values:`` on the same day,
    the order in which the KPI's series is built.
    """
    if day is None:
        return None
    p = scored.portfolio
    mine = checkin_index(p.checkins).by_kpi.get(k.id, ())
    c = _latest_checkin(mine, scored.as_of, day, lambda c: True)
    if c is not None:
        return checkin_source(c, history, config)
    iso = day.isoformat()
    values = dict(k.values)
    if k.data is not None:
        path = f"{config.content_dir.strip('/')}/{k.data}"
        origin = history.csv_rows.get(path, {}).get(iso)
        if origin is not None or day not in values:
            ks = scored.kpis.get(k.id)
            shown = dict(ks.series).get(day) if ks is not None else None
            edited = origin is not None and _differs(history.csv_rows_said.get(path), iso, shown)
            return {
                "kind": "csv",
                "file": path,
                "date": iso,
                **_origin_json(origin, config.repo_url, _before(history, path), edited),
            }
    origin = history.kpi_values.get(k.id, {}).get(iso)
    edited = origin is not None and _differs(
        history.kpi_values_said.get(k.id), iso, values.get(day)
    )
    return {
        "kind": "values",
        "file": k.file,
        "date": iso,
        **_origin_json(origin, config.repo_url, _before(history, k.file), edited),
    }


def _current_origin(history: SiteHistory, oid: str, kr: str) -> Origin | None:
    """The commit that last wrote a key result's ``current:`` (or added it with one)."""
    for entry in reversed(history.objectives.get(oid, ())):
        if (entry.key_result == kr and entry.field in ("current", "key_result")) or (
            entry.field == "created"
        ):
            return Origin(
                entry.commit, entry.pr, entry.author, entry.date, entry.committed or entry.date
            )
    return None


def kr_value_source(
    o: Objective,
    kr: KeyResult,
    scored: ScoredPortfolio,
    history: SiteHistory,
    config: SiteConfig,
    checkins: Sequence[CheckIn] | None = None,
) -> dict[str, Any] | None:
    """Where a key result's current value comes from. ``checkins``: the
    objective's check-ins up to as_of, when the caller records reading them
    (else they are looked up in the portfolio's check-ins)."""
    ks = scored.objectives[o.id].key_results.get(kr.id)
    if ks is None or ks.current is None:
        return None
    if ks.current_source == "checkin":
        mine = (
            checkins
            if checkins is not None
            else checkin_index(scored.portfolio.checkins).by_objective.get(o.id, ())
        )
        c = _latest_checkin(mine, scored.as_of, ks.current_date, lambda c: kr.id in c.values)
        return checkin_source(c, history, config) if c is not None else None
    if ks.current_source == "current":
        origin = _current_origin(history, o.id, kr.id)
        before = _before(history, o.file)
        currents = history.currents.get(o.id, {})
        # a value no commit gave (added since) differs too, unless the
        # commit that wrote it is beyond a shallow clone's reach
        edited = origin is not None and (
            currents[kr.id] != kr.current
            if kr.id in currents
            else not history.shallow and kr.current is not None
        )
        return {
            "kind": "current",
            "file": o.file,
            **_origin_json(origin, config.repo_url, before, edited),
        }
    if ks.current_source == "kpi" and kr.kpi in scored.portfolio.kpis:
        k = scored.portfolio.kpis[kr.kpi]
        return kpi_value_source(k, ks.current_date, scored, history, config)
    return None


def checkin_origins(
    checkins: Sequence[CheckIn], history: SiteHistory | None, config: SiteConfig
) -> dict[str, dict[str, Any]]:
    """``{check-in id: source}`` for the feed and check-in lists (empty without history)."""
    if history is None or not history.available:
        return {}
    return {c.id: _dated(checkin_source(c, history, config)) for c in checkins}


def _dated(source: dict[str, Any]) -> dict[str, Any]:
    """A source for a page: its dates as dates, so the theme writes them in the
    site's language (``day(date)``); ``api/history.json`` keeps ISO strings."""
    out = dict(source)
    for key in ("date", "committed"):
        if isinstance(out.get(key), str):
            out[key] = date.fromisoformat(out[key])
    return out


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


_LABELS: list[tuple[Callable[[str], str], dict[str, str]]] = []


def _labels(gettext: Callable[[str], str]) -> dict[str, str]:
    """The field labels as ``gettext`` translates them, worked out once per language
    (a site's pages all pass the same function)."""
    for known, labels in _LABELS:
        if known is gettext:
            return labels
    labels = {name: gettext(label) for name, label in FIELD_LABELS.items()}
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


def _name(field: str, value: Any, people: dict[str, str], teams: dict[str, str]) -> str | None:
    """A person's or team's name for an owner or team id, as other pages name them."""
    if not isinstance(value, str):
        return None
    if field in PERSON_FIELDS:
        return people.get(value, value)
    if field in TEAM_FIELDS:
        return teams.get(value, value)
    return None


def _entry(
    change: Change,
    config: SiteConfig,
    krs: dict[str, str],
    labels: dict[str, str],
    units: tuple[str, str],
    people: dict[str, str],
    teams: dict[str, str],
) -> TimelineEntry:
    name = change.field
    return TimelineEntry(
        commit=change.commit,
        short=change.commit[:7],
        commit_url=commit_url(config.repo_url, change.commit),
        pr=change.pr,
        pr_url=pr_url(config.repo_url, change.pr),
        date=change.date,
        author=change.author,
        kind=change.field,
        field=labels.get(change.field, change.field),
        old=change.old,
        new=change.new,
        key_result=change.key_result,
        key_result_title=krs.get(change.key_result or "", change.key_result),
        mid_cycle=change.mid_cycle,
        less_ambitious=change.less_ambitious,
        old_name=_name(name, change.old, people, teams),
        new_name=_name(name, change.new, people, teams),
        old_unit=units[0],
        new_unit=units[1],
    )


def timeline(
    kind: str,
    rid: str,
    history: SiteHistory | None,
    scored: ScoredPortfolio,
    config: SiteConfig,
    gettext: Callable[[str], str] = str,
) -> dict[str, Any]:
    """The one context variable ``partials/history_timeline.html`` reads.

    ``note`` says why history is missing or partial (``note_text`` and
    ``note_values``: the same for the translation table); ``entries`` are
    the changes, newest first; ``sources`` where each current figure comes
    from. ``gettext`` translates the field labels.
    """
    if history is None:
        return {
            "note": None,
            "note_text": None,
            "note_values": {},
            "available": False,
            "entries": [],
            "sources": [],
        }
    out: dict[str, Any] = {
        "note": history.note,
        "note_text": history.note_text,
        "note_values": history.note_values,
        "available": history.available,
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
        krs = {kr.id: kr.title for kr in o.key_results}
        units = {kr.id: kr.unit or "" for kr in o.key_results}
        changes = history.objectives.get(rid, [])
        for kr in o.key_results:
            src = kr_value_source(o, kr, scored, history, config)
            if src is not None:
                sources.append({"label": kr.title, **_dated(src)})
    else:
        k = p.kpis[rid]
        units = {None: k.unit or ""}
        changes = history.kpis.get(rid, [])
        ks = scored.kpis.get(rid)
        src = kpi_value_source(k, ks.date if ks else None, scored, history, config)
        if src is not None:
            sources.append({"label": k.title, **_dated(src)})
    labels = _labels(gettext)
    people, teams = p.person_names, p.team_names
    shown = zip(changes, _units(changes, units), strict=True)
    out["entries"] = [
        _entry(c, config, krs, labels, u, people, teams) for c, u in reversed(list(shown))
    ]
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
    kpis: list[str]
    if kind == "objective":
        o = p.objectives[rid]
        digest.update(value(o))
        digest.update(value(scored.objectives.get(rid)))
        digest.update(fingerprint(history.currents.get(rid)))
        changes = history.objectives.get(rid, [])
        _checkins_print(digest, index.by_objective.get(rid, ()), history, value)
        kpis = sorted({kr.kpi for kr in o.key_results if kr.kpi})
    else:
        changes = history.kpis.get(rid, [])
        kpis = [rid]
    digest.update(fingerprint(list(changes)))
    people, teams = p.person_names, p.team_names
    names = [
        (_name(c.field, c.old, people, teams), _name(c.field, c.new, people, teams))
        for c in changes
        if c.field in PERSON_FIELDS or c.field in TEAM_FIELDS
    ]
    if names:
        digest.update(fingerprint(names))
    for kid in kpis:
        k = p.kpis.get(kid)
        digest.update(b"K" + (value(k) if k is not None else b"-"))
        digest.update(value(scored.kpis.get(kid)))
        _checkins_print(digest, index.by_kpi.get(kid, ()), history, value)
        digest.update(fingerprint(history.kpi_values.get(kid)))
        digest.update(fingerprint(history.kpi_values_said.get(kid)))
        if k is not None and k.data is not None:
            path = f"{config.content_dir.strip('/')}/{k.data}"  # as kpi_value_source
            digest.update(fingerprint((path, history.csv_rows.get(path))))
            digest.update(fingerprint(history.csv_rows_said.get(path)))
    return digest.digest()


def _checkins_print(
    digest: Any, checkins: Sequence[CheckIn], history: SiteHistory, value: Callable[[Any], bytes]
) -> None:
    origins, said = history.checkins, history.checkins_said
    for c in checkins:
        digest.update(value(c))
        digest.update(fingerprint((origins.get(c.id), said.get(c.id))))


# ------------------------------------------------------------------ api/history.json
def history_json(
    history: SiteHistory,
    scored: ScoredPortfolio,
    config: SiteConfig,
    streaks: dict[str, Any] | None = None,
    piece: Callable[[str], str] | None = None,
    rest: Callable[[], str] | None = None,
) -> bytes:
    """``api/history.json``: changes per objective, key result and KPI; the origin
    of every check-in dated on or before as_of.

    Written as json.dumps writes the whole, from pieces kept as the text they
    were written to: each objective's entry (``piece``) and the rest after
    them (``rest``: the KPIs, the check-ins' origins, the streaks), so a build
    after an edit joins them again instead of writing them again."""
    p = scored.portfolio
    if piece is None:

        def piece(oid: str) -> str:
            return objective_history_json(history, scored, config, oid)

    objectives = "{" + ",".join(piece(oid) for oid in p.objectives) + "}"
    head = {
        "generator": f"okrsite {__version__}",
        "as_of": scored.as_of.isoformat(),
        "available": history.available,
        "note": history.note,
        "shallow": history.shallow,
        "commits_seen": history.commits_seen,
        "backdate_days": config.backdate_days,
    }
    tail = rest() if rest is not None else history_json_rest(history, scored, config, streaks)
    text = _json(head)[:-1] + ',"objectives":' + objectives + "," + tail
    return (text + "\n").encode("utf-8")


def history_json_rest(
    history: SiteHistory,
    scored: ScoredPortfolio,
    config: SiteConfig,
    streaks: dict[str, Any] | None = None,
) -> str:
    """What ``api/history.json`` holds after the objectives, as JSON text
    without its opening brace: each KPI's changes and value source, every
    check-in's origin, the check-in streaks. It reads every KPI and
    check-in, but no objective's record or score, so an edit of an
    objective leaves it as it was."""
    p = scored.portfolio
    kpis: dict[str, Any] = {}
    for kid, k in p.kpis.items():
        ks = scored.kpis.get(kid)
        kpis[kid] = {
            "changes": [change_json(c) for c in history.kpis.get(kid, [])],
            "source": kpi_value_source(k, ks.date if ks else None, scored, history, config),
        }
    checkins = []
    # only the check-ins dated on or before as_of (``scored.checkins``), the
    # ones every page, feed and export counts: a check-in dated later is not
    # part of the portfolio as of that day, here as there
    for c in scored.checkins:
        # what checkin_source says, without the links this file leaves out
        # (tens of thousands of check-ins on a large site)
        origin, edited = checkin_origin(c, history)
        checkins.append(
            {
                "file": c.file,
                "id": c.id,
                "date": c.date.isoformat(),
                "committed": origin.committed.isoformat() if origin else None,
                "author": origin.author if origin else None,
                "commit": origin.commit if origin else None,
                "pr": origin.pr if origin else None,
                "backdated": origin is not None
                and is_backdated(c.date, origin, config.backdate_days),
                "edited": edited,
            }
        )
    if streaks is None:  # the renderer passes the streaks it counted for the pages
        streaks = checkin_streaks(p, scored.as_of)
    return _json({"kpis": kpis, "checkins": checkins, "streaks": streaks})[1:]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def change_json(change: Change) -> dict[str, Any]:
    """One change as ``api/history.json`` writes it: its ``old`` and ``new``
    numbers the way every JSON file of the site writes numbers
    (:func:`okrsite.numbers.json_value`: a target moved from ``20 logos`` to
    ``18 logos`` is ``"old":20,"new":18``, as ``api/portfolio.json`` writes
    18, not ``20.0``); the page's timeline keeps the values as they are and
    writes them in the site's language."""
    out = change.as_json()
    out["old"] = json_value(change.old)
    out["new"] = json_value(change.new)
    return out


def objective_history_json(
    history: SiteHistory,
    scored: ScoredPortfolio,
    config: SiteConfig,
    oid: str,
    checkins: Sequence[CheckIn] | None = None,
) -> str:
    """One objective's entry of ``api/history.json``, as ``"id":{…}`` JSON text:
    the changes of the objective itself and of each key result, sorted out
    in one pass (oldest first, as the history holds them), and where each
    key result's current value comes from. ``checkins`` as for
    :func:`kr_value_source`."""
    o = scored.portfolio.objectives[oid]
    by_kr: dict[str | None, list[dict[str, Any]]] = {None: []}
    for change in history.objectives.get(oid, ()):
        by_kr.setdefault(change.key_result, []).append(change_json(change))
    key_results = {
        kr.id: {
            "changes": by_kr.pop(kr.id, []),
            "source": kr_value_source(o, kr, scored, history, config, checkins),
        }
        for kr in o.key_results
    }
    changes = by_kr.pop(None)
    # key results removed from the file keep their changes, their removal
    # last: the one entry a reviewer most needs from the history
    for kr_id, kr_changes in by_kr.items():
        if kr_id is not None:
            key_results[kr_id] = {"changes": kr_changes, "source": None}
    entry = {"changes": changes, "key_results": key_results}
    return _json(oid) + ":" + _json(entry)
