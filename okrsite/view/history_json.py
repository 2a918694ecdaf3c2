"""``api/history.json``: every objective's, key result's and KPI's changes, where
each current figure comes from, every check-in's commit, and the streaks.

Split from :mod:`okrsite.view.history`; written in pieces kept as text so a
build after one edit joins them again (see :func:`history_json`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from okrsite import __version__
from okrsite.config import SiteConfig
from okrsite.history import Change, SiteHistory, is_backdated
from okrsite.history_records import in_submodule
from okrsite.model import CheckIn, ScoredPortfolio
from okrsite.numbers import json_dumps, json_value
from okrsite.streaks import checkin_streaks
from okrsite.view.figure_sources import checkin_origin, kpi_value_source, kr_value_source

if TYPE_CHECKING:
    from okrsite.history_why import Why

HISTORY_JSON = "api/history.json"


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

    # the file's text is joined once from its pieces, not grown piece by
    # piece: at 10,000 objectives it is 55 MB, and each ``+`` copied all of
    # it again (eight copies in all, a second of CPU on a loaded machine)
    text: list[str] = ["", ',"objectives":{']  # the head goes first, once known
    for oid in p.objectives:
        text += (piece(oid), ",")
    if p.objectives:
        text.pop()  # no comma after the last objective
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
    text[0] = _json(head)[:-1]
    text += ("},", tail, "\n")
    return "".join(text).encode("utf-8")


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
            "changes": [change_json(c, history.whys) for c in history.kpis.get(kid, [])],
            "source": kpi_value_source(k, ks.date if ks else None, scored, history, config),
            "submodule": in_submodule(history, k.file),
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
                # a check-in in a git submodule: no commit of the site holds it
                "submodule": None
                if origin is not None or edited
                else in_submodule(history, c.file),
                # who committed it with its author, only where there are any (as on a change)
                **({"co_authors": list(origin.co_authors)} if origin and origin.co_authors else {}),
            }
        )
    if streaks is None:  # the renderer passes the streaks it counted for the pages
        streaks = checkin_streaks(p, scored.as_of)
    return _json({"kpis": kpis, "checkins": checkins, "streaks": streaks})[1:]


def _json(value: Any) -> str:
    return json_dumps(value, ensure_ascii=False, separators=(",", ":"))


def change_json(change: Change, whys: Mapping[str, Why] | None = None) -> dict[str, Any]:
    """One change as ``api/history.json`` writes it: its ``old`` and ``new``
    numbers the way every JSON file of the site writes numbers
    (:func:`okrsite.numbers.json_value`: a target moved from ``20 logos`` to
    ``18 logos`` is ``"old":20,"new":18``, as ``api/portfolio.json`` writes
    18, not ``20.0``); the page's timeline keeps the values as they are and
    writes them in the site's language. ``message`` and ``reason``: what the
    change's commit says of why (``whys``, :attr:`SiteHistory.whys`)."""
    out = change.as_json()
    out["old"] = json_value(change.old)
    out["new"] = json_value(change.new)
    why = whys.get(change.commit) if whys else None
    if why is not None:
        out.update(why.as_json())
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
    in one pass (oldest first, as the history holds them), each key result's
    under the id it has last (:func:`key_result_ids`), and where each key
    result's current value comes from. ``checkins`` as for
    :func:`kr_value_source`."""
    o = scored.portfolio.objectives[oid]
    by_kr: dict[str | None, list[dict[str, Any]]] = {None: []}
    changes_of = history.objectives.get(oid, [])
    for change, kid in zip(changes_of, key_result_ids(changes_of), strict=True):
        by_kr.setdefault(kid, []).append(change_json(change, history.whys))
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
    entry = {
        "changes": changes,
        "key_results": key_results,
        # the goal's file is in a git submodule, whose commits the history does not read
        "submodule": in_submodule(history, o.file),
    }
    return _json(oid) + ":" + _json(entry)


def key_result_ids(changes: Sequence[Change]) -> list[str | None]:
    """Each change's key result (``changes`` oldest first) by the id it has
    last: a key result whose id changed (``b`` to ``bookings``) keeps its
    changes under its old id in one list with those under its new one, the
    id change among them, as the page shows them, instead of leaving the old
    id as a second key result with half the story and no removal. Walked
    from the newest change back: before a key result took its id, a change
    under that id was another key result's (one removed, whose id it took),
    and after it gave up an id, a key result added under it is a new one."""
    out: list[str | None] = [None] * len(changes)
    later: dict[str, str] = {}  # id then -> id last, for changes before the id change
    for i in range(len(changes) - 1, -1, -1):
        c = changes[i]
        kid = c.key_result
        if kid is None:
            continue
        out[i] = now = later.get(kid, kid)
        if c.field == "id" and isinstance(c.old, str) and c.old != kid:
            later.pop(kid, None)
            later[c.old] = now
    return out
