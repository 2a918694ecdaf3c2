"""OKR411: an active objective aligned to a parent that counts nowhere.

A dropped or draft objective counts in nothing above it
(:func:`okrsite.scoring_rollup.counts_in_rollup`), and a dropped key result
counts neither in its objective nor as a roll-up of the objectives aligned
to it (:func:`okrsite.scoring_rollup.counts_in_objective`). An active
objective aligned there (``parent: ops/old-plan``, or ``parent:
sales-emea/emea#dach`` naming a key result with ``status: dropped``) still
shows its parent in its breadcrumb, yet its work reaches no figure up the
cascade, and the parent's own figure may even rise as a hard key result
leaves its mean. Nothing else says so: OKR402 is the reverse case (a roll-up
key result whose aligned objectives are all dropped). Apart from
:mod:`okrsite.quality` because it reads the alignment, not an objective's
own shape.
"""

from __future__ import annotations

from okrsite.diagnostics import Diagnostic, warning
from okrsite.model import Objective, ScoredPortfolio
from okrsite.scoring_rollup import counts_in_objective, counts_in_rollup


def parent_counts_nowhere(scored: ScoredPortfolio, obj: Objective) -> Diagnostic | None:
    """OKR411 at ``obj``'s ``parent:`` line when that parent (objective, or
    the key result it names) is dropped or a draft, for an active ``obj``;
    ``None`` otherwise (an unknown parent is an error of its own)."""
    p = scored.portfolio
    parent_id, kr_id = obj.parent_objective, obj.parent_key_result
    parent = p.objectives.get(parent_id) if parent_id is not None else None
    if obj.status != "active" or parent is None:
        return None
    if not counts_in_rollup(parent):
        what = f"objective {parent.id!r} is " + (
            "a draft" if parent.status == "draft" else "dropped"
        )
    else:
        kr = parent.key_result(kr_id) if kr_id is not None else None
        if kr is None or counts_in_objective(kr):
            return None
        what = f"key result {obj.parent!r} is {kr.status}"
    return warning(
        "OKR411",
        f"the parent {what}: this objective's progress counts nowhere above it",
        obj.file,
        hint="align it to an active objective or key result with 'parent:', "
        "or drop it too with 'status: dropped'",
        key_path=("parent",),
    )
