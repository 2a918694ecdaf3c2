"""References written in another letter case than the id they name.

A file's path written as people name files folds to its id
(``company/Trusted Platform`` → ``company/trusted-platform``, in
:func:`okrsite.parse_names.folded_ref`), but a path that is an id already
in another letter case (``Company/Trusted-Platform``) is not folded there:
ids keep their capitals (``content/objectives/Sales/EMEA.md`` is
``Sales/EMEA``). So whether a reference named its record depended on
there being a space in it. This phase of :func:`okrsite.resolve.resolve`
reads a reference that names no record as written, but names exactly one in
another letter case (or Unicode form), as that record's id, for every
reference to an objective, key result or KPI: a check-in's ``objective:``
and ``kpi:``, an objective's ``parent:`` and ``supports:``, a key result's
``kpi:``, a KPI's ``drives:`` and a goal's ``supports:``. Two ids that differ
only in case cannot both exist (:func:`okrsite.resolve_tables._gather`),
so the record named is never in doubt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from okrsite.model import KPI, Objective
from okrsite.resolve_tables import Resolving, tag_key


def fold_reference_case(r: Resolving) -> None:
    """Rewrite each reference that names a record only in another letter
    case to that record's id, before any reference is checked."""
    objectives, kpis = r.objectives, r.kpis
    by_key = _ids_by_case_key({**kpis, **objectives})

    def fold(ref: str | None) -> str | None:
        return _as_named(ref, by_key, objectives, kpis) if ref else ref

    for oid, o in list(objectives.items()):
        parent, supports = fold(o.parent), tuple(fold(s) or s for s in o.supports)
        krs = tuple(
            kr if (kpi := fold(kr.kpi)) == kr.kpi else replace(kr, kpi=kpi) for kr in o.key_results
        )
        if (parent, supports, krs) != (o.parent, o.supports, o.key_results):
            objectives[oid] = replace(o, parent=parent, supports=supports, key_results=krs)
    for kid, k in list(kpis.items()):
        drives = tuple(fold(d) or d for d in k.drives)
        if drives != k.drives:
            kpis[kid] = replace(k, drives=drives)
    for gid, g in list(r.goals.items()):
        if (supported := fold(g.supports)) != g.supports:
            r.goals[gid] = replace(g, supports=supported)
    r.checkins[:] = [
        c
        if (named := (fold(c.objective), fold(c.kpi))) == (c.objective, c.kpi)
        else replace(c, objective=named[0], kpi=named[1])
        for c in r.checkins
    ]


def _ids_by_case_key(records: Mapping[str, object]) -> dict[str, str]:
    """Each id by its letters in any case (objectives win a shared id, as a
    reference naming both is read as the objective's elsewhere)."""
    return {tag_key(rid): rid for rid in records}


def _as_named(
    ref: str,
    by_key: Mapping[str, str],
    objectives: Mapping[str, Objective],
    kpis: Mapping[str, KPI],
) -> str:
    """``ref`` as the id it names in another letter case; ``ref`` itself
    when it names a record as written, or none in any case."""
    rid, sep, kr = ref.partition("#")
    found = rid if (rid in objectives or rid in kpis) else by_key.get(tag_key(rid))
    if found is None:
        return ref
    if sep and found in objectives:
        kr_ids = [k.id for k in objectives[found].key_results]
        if kr not in kr_ids:
            same = [k for k in kr_ids if tag_key(k) == tag_key(kr)]
            kr = same[0] if len(same) == 1 else kr
    return f"{found}{sep}{kr}"
