"""The element ids of key results and check-ins, decided once for the site.

A record's anchor is its id with every run of characters other than
letters, digits, ``-`` and ``_`` made ``-`` (:func:`slug_anchor`):
``kr-nps-eu``, ``checkin-growth-2026-11-19``. That alone is not one-to-one:
key results ``nps.eu`` and ``nps-eu`` of one objective, or the check-ins
``growth/2026-11-19`` (as ``okrsite checkin`` files them) and
``growth-2026-11-19`` (written by hand), would share an id: the page is
invalid HTML, and the feed, search and every link to the second open the
first. So :class:`Anchors` decides each record's anchor once, from every
record that could share a page with it, and the pages, the feed, search,
the dashboard and every link read it there.

Which one keeps the plain anchor, so that a file added later moves as few
anchors as possible (links people keep keep working): of records whose
anchors collide, one whose id already is its own anchor (``nps-eu``) keeps
it, then the first by id; each later one gets the first free ``-2``,
``-3`` … (never another record's plain anchor). A record that collides with
nothing keeps its plain anchor whatever else is added or removed.

Key results are told apart within their objective (one page shows them);
check-ins within the whole site (the check-ins page, a person's page and
the feed show those of every objective and KPI).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping

from okrsite.model import CheckIn, Objective

__all__ = ["Anchors", "slug_anchor"]

_NOT_IN_ANCHOR = re.compile(r"[^A-Za-z0-9_-]+")


def slug_anchor(kind: str, ident: str) -> str:
    """A record's plain element id (``kind-`` and its id made safe: ids may
    hold ``/``, ``.`` or spaces); :class:`Anchors` tells colliding ones apart."""
    return f"{kind}-{_NOT_IN_ANCHOR.sub('-', ident)}"


def _told_apart(kind: str, ids: Iterable[str]) -> dict[str, str]:
    """The anchors of those of ``ids`` whose plain anchor another one has
    too and that do not keep it (the rest keep their plain anchor)."""
    by_anchor: dict[str, list[str]] = defaultdict(list)
    for ident in set(ids):
        by_anchor[slug_anchor(kind, ident)].append(ident)
    moved: dict[str, str] = {}
    taken = set(by_anchor)
    for plain in sorted(by_anchor):
        group = by_anchor[plain]
        if len(group) < 2:
            continue
        # an id that is its own anchor first, then by id
        group.sort(key=lambda ident: (slug_anchor(kind, ident) != f"{kind}-{ident}", ident))
        n = 1
        for ident in group[1:]:
            n += 1
            while f"{plain}-{n}" in taken:
                n += 1
            moved[ident] = f"{plain}-{n}"
            taken.add(moved[ident])
    return moved


class Anchors:
    """Every key result's and check-in's element id: unique on each page."""

    def __init__(self, objectives: Mapping[str, Objective], checkins: Iterable[CheckIn]) -> None:
        #: (objective id, key result id) → anchor, for key results told apart
        self._key_results: dict[tuple[str, str], str] = {}
        for oid, o in objectives.items():
            if len(o.key_results) < 2:
                continue
            for kr_id, moved in _told_apart("kr", (kr.id for kr in o.key_results)).items():
                self._key_results[oid, kr_id] = moved
        #: check-in id → anchor, for check-ins told apart
        self._checkins = _told_apart("checkin", (c.id for c in checkins))
        #: check-in id → anchor, every one asked for so far: a check-in's
        #: anchor is asked for on every page and block that shows it (its
        #: notes' footnote ids, its view, "Explain this score"), and making it
        #: from the id anew each time was a cost of its own in building 10,000
        #: objectives (session 50's profile)
        self._checkin_anchors: dict[str, str] = {}

    def key_result(self, oid: str, kr_id: str) -> str:
        """The element id of key result ``kr_id`` on objective ``oid``'s page."""
        return self._key_results.get((oid, kr_id)) or slug_anchor("kr", kr_id)

    def checkin(self, cid: str) -> str:
        """The element id of check-in ``cid`` on every page that shows it."""
        anchor = self._checkin_anchors.get(cid)
        if anchor is None:
            anchor = self._checkins.get(cid) or slug_anchor("checkin", cid)
            self._checkin_anchors[cid] = anchor
        return anchor

    def anchor(self, kind: str, ident: str, objective: str | None = None) -> str:
        """The theme's ``anchor(kind, id)``: a check-in's (``'checkin'``), a
        key result's (``'kr'``, with its objective's id), else a plain one
        (``'cycle'``)."""
        if kind == "checkin":
            return self.checkin(ident)
        if kind == "kr" and objective is not None:
            return self.key_result(objective, ident)
        return slug_anchor(kind, ident)

    def state(self) -> tuple[tuple[tuple[str, str], str], ...]:
        """The anchors told apart, for what every page reads
        (``SiteRenderer.global_state``): a change renders every page again."""
        checkins = ((("", cid), a) for cid, a in self._checkins.items())
        return tuple(sorted([*self._key_results.items(), *checkins]))
