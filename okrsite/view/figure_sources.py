"""Where a page's figures come from: the check-in, CSV row, ``values:`` entry
or ``current:`` a value was read from, and the commit that wrote it.

Split from :mod:`okrsite.view.history` (the timelines). The source is the one
scoring chose (``KRScore.current_source``); a figure that differs from what
its last commit wrote (a file edited and not committed yet) says so instead
of naming that commit (``edited``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from okrsite.checkin_index import checkin_index
from okrsite.config import SiteConfig
from okrsite.history import BEFORE_HISTORY, Origin, SiteHistory, is_backdated
from okrsite.history_events import checkin_says, milestones_done
from okrsite.history_fold import KPI_VALUE
from okrsite.history_records import in_submodule
from okrsite.markdown import is_safe_url
from okrsite.model import KPI, CheckIn, KeyResult, Objective, ScoredPortfolio
from okrsite.repo_urls import commit_page, host_platform


@lru_cache(maxsize=8)
def _link_base(repo_url: str | None) -> str | None:
    """``repo_url`` without its trailing slash when it may become a link: checked
    once per site, not once for each of the 100,000 entries of a large history."""
    if not repo_url or not is_safe_url(repo_url):
        return None
    return repo_url.rstrip("/")


def commit_url(repo_url: str | None, sha: str) -> str | None:
    base = _link_base(repo_url)
    return None if base is None else f"{base}/{_commit_page(base)}/{sha}"


#: where a host keeps a commit's page (GitLab's under ``/-/``), found once per site
_commit_page = lru_cache(maxsize=8)(commit_page)


#: a request as a merge commit names it: its mark, the platform that numbers
#: them so, and where its page is (GitHub's pull request ``#12``, GitLab's
#: merge request ``!12``)
_REQUESTS = {"#": ("github", "pull"), "!": ("gitlab", "-/merge_requests")}
#: the platform of a site's ``repo_url``, found once, not once for each entry
_platform = lru_cache(maxsize=8)(host_platform)


def pr_url(repo_url: str | None, pr: str | None) -> str | None:
    """The page of a pull request (``#12``: GitHub's, ``/pull/12``) or merge
    request (``!12``: GitLab's, ``/-/merge_requests/12``), on ``repo_url``.

    The host of ``repo_url`` decides the form, not the commit message's
    style: a GitLab merge commit on a repository now on GitHub once linked
    ``github.com/…/-/merge_requests/34``. A number of the other platform's
    numbering (GitLab's ``!34`` on GitHub: its merge request 34 is not pull
    request 34) gets no link rather than a wrong one; the number is still
    shown. A host named neither GitHub nor GitLab (a self-managed GitLab at
    ``git.acme.example``) gets the form the message names."""
    base = _link_base(repo_url) if pr else None
    if base is None or not pr or pr[0] not in _REQUESTS or not pr[1:].isdigit():
        return None
    named, page = _REQUESTS[pr[0]]
    platform = _platform(base)
    if platform is not None and platform != named:
        return None
    return f"{base}/{page}/{pr[1:]}"


def _origin_json(
    origin: Origin | None,
    repo_url: str | None,
    before: bool = False,
    edited: bool = False,
    submodule: str | None = None,
) -> dict[str, Any]:
    """Who committed a figure; ``backdated`` is set for check-ins by :func:`checkin_source`.
    ``before``: without an origin, the figure's file was committed before
    the oldest commit a shallow clone holds (:func:`_before`), not "not yet".
    ``edited``: the figure differs from what its last commit wrote (the
    file is being edited): no commit wrote it yet, whoever wrote it before.
    ``submodule``: the git submodule the figure's file is in
    (:func:`~okrsite.history_records.in_submodule`), whose commits the
    history does not read: without an origin, that is why, not "not yet"."""
    if origin is None or edited:
        # every key a committed source has, null where no commit wrote it
        return {
            "before_history": before and not edited,
            "edited": edited,
            "submodule": None if edited else submodule,
            "backdated": False,
            "commit": None,
            "short": None,
            "commit_url": None,
            "pr": None,
            "pr_url": None,
            "author": None,
            "committed": None,
        }
    return {
        "before_history": False,
        "edited": False,
        "submodule": None,
        "backdated": False,
        "commit": origin.commit,
        "short": origin.commit[:7],
        "commit_url": commit_url(repo_url, origin.commit),
        "pr": origin.pr,
        "pr_url": pr_url(repo_url, origin.pr),
        "author": origin.author,
        "committed": origin.committed.isoformat(),
        # the commit's co-authors, as its timeline entries name them: only
        # where there are any, as on a change of ``api/history.json``
        **({"co_authors": list(origin.co_authors)} if origin.co_authors else {}),
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
    # written before the oldest commit a shallow clone holds: no commit to name
    return (None if origin == BEFORE_HISTORY else origin), False


def figure_origin(c: CheckIn, figure: str, history: SiteHistory) -> tuple[Origin | None, bool]:
    """The commit that last changed one figure of a check-in (a key result's
    id, :data:`KPI_VALUE` for a KPI's value): a later commit that put another
    figure right did not write it. And whether that figure says something
    else now (edited since its last commit); other edits of the file (its
    note, another figure) leave it as it is."""
    origin = history.checkin_figures.get(c.id, {}).get(figure) or history.checkins.get(c.id)
    if origin is None:
        return None, False
    said = history.checkins_said.get(c.id)
    if said is not None:
        before = said[1] if figure == KPI_VALUE else dict(map(tuple, said[0])).get(figure)
        now = c.value if figure == KPI_VALUE else c.values.get(figure)
        if before != now:
            return None, True
    # written before the oldest commit a shallow clone holds: no commit to name
    return (None if origin == BEFORE_HISTORY else origin), False


def checkin_source(
    c: CheckIn,
    history: SiteHistory,
    config: SiteConfig,
    figure: str | None = None,
    tick: Origin | None = None,
) -> dict[str, Any]:
    """Where a figure read from a check-in comes from: the commit that last
    changed ``figure`` of it (the whole check-in when None), or ``tick``,
    the commit that ticked a milestone with it."""
    origin: Origin | None
    if tick is not None:
        origin, edited = tick, False
    elif figure is not None:
        origin, edited = figure_origin(c, figure, history)
    else:
        origin, edited = checkin_origin(c, history)
    backdated = origin is not None and is_backdated(c.date, origin, config.backdate_days)
    before = origin is None and not edited and _before(history, c.file)
    return {
        "kind": "check-in",
        "file": c.file,
        "id": c.id,
        "date": c.date.isoformat(),
        **_origin_json(origin, config.repo_url, before, edited, in_submodule(history, c.file)),
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
        return checkin_source(c, history, config, KPI_VALUE)
    iso = day.isoformat()
    values = dict(k.values)
    if k.data is not None:
        path = f"{config.content_dir.strip('/')}/{k.data}"
        origin = history.csv_rows.get(path, {}).get(iso)
        if origin is not None or day not in values:
            ks = scored.kpis.get(k.id)
            shown = dict(ks.series).get(day) if ks is not None else None
            said = history.csv_rows_said.get(path)
            edited = (
                origin is not None
                and said is not None
                and iso in said
                and _csv_in_unit(said[iso], day, k, path) != shown
            )
            return {
                "kind": "csv",
                "file": path,
                "date": iso,
                **_origin_json(
                    origin,
                    config.repo_url,
                    _before(history, path),
                    edited,
                    in_submodule(history, path),
                ),
            }
    origin = history.kpi_values.get(k.id, {}).get(iso)
    edited = origin is not None and _differs(
        history.kpi_values_said.get(k.id), iso, values.get(day)
    )
    return {
        "kind": "values",
        "file": k.file,
        "date": iso,
        **_origin_json(
            origin, config.repo_url, _before(history, k.file), edited, in_submodule(history, k.file)
        ),
    }


def _csv_in_unit(said: Any, day: date, k: KPI, path: str) -> Any:
    """The figure a CSV row's last commit wrote (``said``:
    :func:`~okrsite.history_events.csv_said`), counted in KPI ``k``'s unit as
    its series counts the row (``€1.2M`` in ``k€``: 1200); None for a cell
    in another unit, which the series leaves out."""
    if not isinstance(said, (tuple, list)):
        return said
    from okrsite.kpi_data_file import CsvRow
    from okrsite.resolve_kpis_goals import csv_rows_in_unit

    rows, _ = csv_rows_in_unit([CsvRow(day, said[0], said[1])], k.unit, k.id, path)
    return rows[0][1] if rows else None


def _current_origin(history: SiteHistory, oid: str, kr: str) -> Origin | None:
    """The commit that last wrote a key result's ``current:`` (a yes-or-no
    one's ``done:``), or added it with one."""
    for entry in reversed(history.objectives.get(oid, ())):
        if (entry.key_result == kr and entry.field in ("current", "done", "key_result")) or (
            entry.field == "created"
        ):
            why = history.whys.get(entry.commit)  # its co-authors, as its entry names them
            return Origin(
                entry.commit,
                entry.pr,
                entry.author,
                entry.authored or entry.date,
                entry.date,
                why.co_authors if why is not None else (),
            )
    return None


def _milestones_source(
    o: Objective,
    kr: KeyResult,
    scored: ScoredPortfolio,
    history: SiteHistory,
    config: SiteConfig,
    checkins: Sequence[CheckIn] | None,
) -> dict[str, Any]:
    """Where a checklist's milestones come from: the commit that last changed
    them, and the check-in it wrote with them (``okrsite checkin`` ticks a
    milestone in the objective's file beside the check-in), when there is one."""
    history.objectives.get(o.id)  # what a page reads of the history is recorded by objective
    tick = history.ticks.get(o.id, {}).get(kr.id)
    origin, checkin, said = tick if tick is not None else (None, None, None)
    edited = origin is not None and said != milestones_done(kr)
    if checkin is not None and not edited and origin is not None:
        mine = (
            checkins
            if checkins is not None
            else checkin_index(scored.portfolio.checkins).by_objective.get(o.id, ())
        )
        for c in mine:
            if c.id == checkin and c.date <= scored.as_of:
                return checkin_source(c, history, config, tick=origin)
    return {
        "kind": "milestones",
        "file": o.file,
        **_origin_json(
            origin, config.repo_url, _before(history, o.file), edited, in_submodule(history, o.file)
        ),
    }


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
        return checkin_source(c, history, config, kr.id) if c is not None else None
    if ks.current_source == "milestones":
        return _milestones_source(o, kr, scored, history, config, checkins)
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
        source = {
            "kind": "current",
            "file": o.file,
            **_origin_json(origin, config.repo_url, before, edited, in_submodule(history, o.file)),
        }
        if kr.kind == "boolean":
            source["key"] = "done"  # the line of the goal file it was read from
        return source
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
    return {c.id: dated_source(checkin_source(c, history, config)) for c in checkins}


def dated_source(source: dict[str, Any]) -> dict[str, Any]:
    """A source for a page: its dates as dates, so the theme writes them in the
    site's language (``day(date)``); ``api/history.json`` keeps ISO strings.
    Every page source has a ``date``, as docs/themes.md lists it: none for a
    ``current:`` or a checklist's ``milestones``, which name no day (a
    theme's ``{{ s.date }}`` failed the build on them); ``api/history.json``
    leaves it out there (docs/site.md). Every page source has ``co_authors``
    too (a tuple, empty without any), which ``api/history.json`` writes only
    where there are any, as on a change."""
    out = {"date": None, **source}
    out["co_authors"] = tuple(out.get("co_authors", ()))
    for key in ("date", "committed"):
        if isinstance(out.get(key), str):
            out[key] = date.fromisoformat(out[key])
    return out
