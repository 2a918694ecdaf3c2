"""What a Status cell of an imported sheet says, in okrsite's terms.

okrsite keeps one status a person sets, whether a goal counts: ``active``,
``draft`` or ``dropped`` (docs/content-format.md); how a goal is going
(on track, behind, done) it works out from the figures. Other OKR tools
export a status column of their own words (Lattice's "Behind" and
"Completed", Viva Goals' "Not started" and "Closed", Perdoo's "Needs
attention"), so a sheet moved from one must import: a word that means
okrsite's ``dropped`` (``Cancelled``) or ``draft`` is read as it, okrsite's
own computed words (its export writes them) are read past without a word,
and any other word is read past with a warning (IMP215) at its cell. A
goal file's ``status: at risk`` is likewise a warning (OKR122), never an
error: refusing the whole sheet for a column okrsite does not use would
make every such migration start with deleting it.
"""

from __future__ import annotations

from okrsite.parse_key_results import GERMAN_STATUS
from okrsite.spreadsheet_row import SheetRow, column_letter, show_value

__all__ = ["status_of"]

#: the words that set okrsite's own statuses (English and German, as goal files take them)
_SET_STATUS = {
    "active": "active",
    "draft": "draft",
    "dropped": "dropped",
    "cancelled": "dropped",
    "canceled": "dropped",
    "abandoned": "dropped",
    "discontinued": "dropped",
    **GERMAN_STATUS,
}

#: the status words okrsite's own export writes (worked out from the figures):
#: read past silently, so an export imports back
_COMPUTED = frozenset(
    ("upcoming", "achieved", "missed", "done", "on track", "at risk", "off track")
)

#: words that say a goal is finished: its figures say so in okrsite
_FINISHED = frozenset(
    ("completed", "complete", "closed", "finished", "erledigt", "abgeschlossen", "erreicht")
)


def status_of(row: SheetRow, fld: str) -> str | None:
    """The status the row's ``fld`` cell sets (``draft``, ``dropped``), or
    ``None`` for a goal that counts (``active``, a computed word, or
    another tool's word, which is warned about: IMP215)."""
    value = row.text(fld)
    if value is None:
        return None
    word = " ".join(value.replace("_", " ").replace("-", " ").casefold().split())
    status = _SET_STATUS.get(word)
    if status is not None:
        return None if status == "active" else status
    if word in _COMPUTED:
        return None
    what = "an objective" if fld == "objective_status" else "a key result"
    column = f"column {column_letter(row.cols.fields[fld])}"
    finished = word in _FINISHED
    row.warn(
        fld,
        f"status {show_value(value)} is not imported: okrsite works out how {what} is going "
        f"from {'its figures' if finished else 'its progress and pace'}, and a status says "
        "only whether it counts (active, draft or dropped); it is imported as active",
        (
            "to have it count as achieved, give it a current figure at its target (or 'done' "
            "in the Current cell of a yes/no key result)"
            if finished
            else "if it should not count, write dropped (or draft) in " + column
        )
        + f"; --map '{row.cols.header(fld)}=ignore' reads past the column without this warning",
        code="IMP215",
    )
    return None
