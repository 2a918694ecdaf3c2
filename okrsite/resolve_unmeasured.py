"""Objectives with nothing to measure yet: scored as drafts, counted nowhere.

An objective just written down often has no key results yet ("we'll fill
them in next week"). With none counted of its own and no counted objective
aligned to it, its progress would be an empty mean: a 0% "off track", red,
listed under "Needs attention" and counted as "would be missed" in its
cycle, as if the team were failing at something it has not yet defined.
So resolving gives such an objective the status ``draft``, which every
figure, list and export already reads as "counts nowhere" (the one rule of
docs/scoring.md, "Objective progress"), and warns (OKR401) with what to do.
An umbrella whose aligned objectives are all such drafts has nothing to
average either, so the rule repeats until no objective changes.
"""

from __future__ import annotations

from dataclasses import replace

from okrsite.diagnostics import warning
from okrsite.resolve_tables import Resolving


def draft_unmeasured(r: Resolving) -> None:
    """Give each active objective with no counted key result and no counted
    aligned objective the status ``draft`` and an OKR401 saying why."""
    objectives = r.objectives
    changed = True
    while changed:
        changed = False
        counting_kids = {o.parent_objective for o in objectives.values() if o.status == "active"}
        for oid, obj in list(objectives.items()):
            if obj.status != "active" or oid in counting_kids:
                continue
            if any(kr.status == "active" for kr in obj.key_results):
                continue
            objectives[oid] = replace(obj, status="draft")
            changed = True
            r.diags.append(
                warning(
                    "OKR401",
                    "objective has no key results yet, so it is scored as a draft: it "
                    "counts in no cycle, team or person figure and is not reported as behind",
                    obj.file,
                    hint=f"add key_results: to {obj.file} (or align objectives to it "
                    "with parent:), or status: draft to say it is one",
                    key_path=("key_results",) if obj.key_results else ("title",),
                )
            )
