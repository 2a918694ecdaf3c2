"""Why ``okrsite carry`` could not write an objective whose id is taken, and
what to do about it.

The carried id is made by a rule (docs/review.md, "Ids": FROM's suffix
replaced by TO's, else TO's added), so at year end ``company/annual-2026``
carried into 2027 becomes ``company/annual-2027``, which teams often have
written already. "already exists" alone left them guessing why that id was
chosen; carry has no option to name the new id, so the message says which
rule made it and the two ways out: rename the objective that holds the id,
or carry the key results into it by hand.
"""

from __future__ import annotations

from okrsite.slug import slugify


def taken_id(source: str, carried: str, from_cycle: str, to_cycle: str) -> str:
    """The conflict line for ``carried`` (the id ``source``'s copy takes),
    already an objective not carried from ``source``."""
    old, new = slugify(from_cycle), slugify(to_cycle)
    if old and source.endswith("-" + old):
        rule = f"its suffix -{old} becomes -{new}"
    else:
        rule = f"{to_cycle} added to its id as -{new}"
    return (
        f"objective {carried!r} already exists: it is the id the carried copy of "
        f"{source} takes ({rule}; see docs/review.md, Ids), and it is another "
        f"objective: rename {carried} (its file and the references to it) and run "
        f"okrsite carry again, or add the unfinished key results of {source} to "
        f"{carried} by hand"
    )
