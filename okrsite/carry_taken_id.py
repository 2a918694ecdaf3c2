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


def id_rule(source: str, from_cycle: str, to_cycle: str) -> str:
    """Which rule of docs/review.md (Ids) made the carried copy's id of ``source``."""
    old, new = slugify(from_cycle), slugify(to_cycle)
    if old and source.endswith("-" + old):
        return f"its suffix -{old} becomes -{new}"
    return f"{to_cycle} added to its id as -{new}"


def taken_id(source: str, carried: str, from_cycle: str, to_cycle: str) -> str:
    """The conflict line for ``carried`` (the id ``source``'s copy takes),
    already an objective not carried from ``source``."""
    rule = id_rule(source, from_cycle, to_cycle)
    return (
        f"objective {carried!r} already exists: it is the id the carried copy of "
        f"{source} takes ({rule}; see docs/review.md, Ids), and it is another "
        f"objective: rename {carried} (its file and the references to it) and run "
        f"okrsite carry again, or add the unfinished key results of {source} to "
        f"{carried} by hand"
    )


def exists_line(rel: str, source: str) -> str:
    """A file is where the carried copy would be written (one that names
    another id, or no objective): carry cannot choose another id, so the
    way out is that file's."""
    return (
        f"{rel} already exists, where the carried copy of {source} would be written, and "
        f"it is not {source}'s copy: okrsite never overwrites a file; move or rename {rel} "
        "and run okrsite carry again, or add the unfinished key results by hand"
    )


def claimed_twice(source: str, rel: str, first: str, cycles: tuple[str, str]) -> str:
    """Two objectives of FROM whose copies take one id (``emea`` and
    ``emea-2026-q4``, the suffix of the second made the next cycle's): the
    second one, named, is not carried, with the rule that made the id."""
    return (
        f"{source} is not carried: its copy would be {rel} ({id_rule(source, *cycles)}; "
        f"see docs/review.md, Ids), which the carried copy of {first} takes: rename "
        f"{source} or {first} in FROM and run okrsite carry again, or write this one by hand"
    )
