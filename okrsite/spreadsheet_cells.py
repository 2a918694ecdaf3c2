"""What an OKR sheet's cells mean beyond their text: the names of an Owner
cell (co-owners, a name written last name first) and the Excel day serial a
date column holds when its cells are formatted General, the label of a
row that sums the others, and the cells of an .xlsx sheet as Excel shows
them (a merged range's value in every row it covers; hidden rows left out,
and said)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from okrsite.parse import first_name_first
from okrsite.spreadsheet_read import MAX_CELLS, Notice, SheetError

__all__ = [
    "TOTALS_LABELS",
    "excel_serial_day",
    "has_value",
    "hidden_rows",
    "hidden_sheet",
    "merged_down",
    "split_owners",
    "summary_label",
    "totals_label",
    "visible",
]

Rows = list[tuple[int, tuple[Any, ...]]]


#: what parts co-owners ("Tom Lee & Ana Ruiz", "Tom Lee and Ana Ruiz", "Tom Lee
#: / Ana Ruiz", "Tom Lee; Ana Ruiz") for certain, unlike a comma, which also
#: writes a name last name first: "Diaz, Uma; Lee, Tom" is two people
_CO_OWNERS_NOT_COMMA = re.compile(r"\s*(?:[;&/]|\b(?:and|und)\b)\s*", re.IGNORECASE)
#: a name written last name first, as Outlook and Microsoft 365 exports do:
#: a surname (maybe after lower-case particles, "van der Berg"; maybe
#: hyphenated), a comma, and one or two capitalised given names ("Uma
#: Maria"). "Tom Lee, Ana Ruiz" is no such name: its first part has two
#: capitalised words, so it stays two co-owners.
_LAST_COMMA_FIRST = re.compile(
    r"((?:[^\W\d_]+[’']?\s+)*?[^\W\d_][\w’'-]*)\s*,\s*"
    r"([^\W\d_][^\s,]*(?:\s+[^\W\d_][^\s,]*)?)"
)


def _last_first(part: str) -> str | None:
    """``Diaz, Uma Maria`` → ``Uma Maria Diaz``; ``None`` for any other shape."""
    found = _LAST_COMMA_FIRST.fullmatch(part)
    if found is None:
        return None
    last, given = found[1].split(), found[2].split()
    particles, surname = last[:-1], last[-1]
    if any(not p.islower() for p in particles):
        return None  # "Tom Lee, Ana": a name, then another
    if len(given) == 1 and not particles:
        return first_name_first(part)  # two single words, as goal files read them
    if not surname[0].isupper() or any(not g[0].isupper() for g in given):
        return None
    return " ".join([*given, *last])


#: a note after a name, as directories and Outlook paste it: a role, pronouns
#: or an address (``Diaz, Uma (Head of CS)``, ``Uma Diaz [she/her]``,
#: ``Diaz, Uma <uma@example.com>``); its commas, ``&``, ``/`` and words part no one
_NOTE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|<[^<>]*>")
#: a note held out of a cell while its names are parted (``\0`` and its number)
_HELD = re.compile(r"\0(\d+)\0")
#: a part of a cell with the notes after its name held out: the name, the notes
_NAME_THEN_NOTES = re.compile(r"(.*?)\s*((?:\0\d+\0\s*)+)", re.DOTALL)


def split_owners(cell: str) -> list[str]:
    """The names of an Owner cell: ``Tom Lee, Ana Ruiz`` → both, in order.

    A part without two letters means the cell is not a list of names
    (``N/A``), so it stays whole; so does a cell with one name. A line break
    (Alt+Enter in Excel, a quoted newline in CSV) puts a name on a line of
    its own, as ``;``, ``&``, ``/`` and ``and`` do; each such part is one
    person written last name first when it has that shape (``Diaz, Uma``,
    ``Diaz, Uma Maria``, ``van der Berg, Anna``), so ``Diaz, Uma; Lee, Tom``
    is Uma Diaz and Tom Lee. Only then is a comma read as parting co-owners.
    A note after a name (``(Head of CS)``, ``[she/her]``, ``<uma@example.com>``)
    parts no one and stays with its name, as the goal files read it:
    ``Diaz, Uma <uma@example.com>`` is one person, ``Uma Diaz
    <uma@example.com>``, and ``Tom Lee & Ana Ruiz (Sales & CS)`` two, the
    second ``Ana Ruiz (Sales & CS)``."""
    lines = [" ".join(line.split()) for line in cell.splitlines() if line.strip()]
    if len(lines) > 1:
        return [name for line in lines for name in split_owners(line)]
    cell = lines[0] if lines else cell
    notes: list[str] = []

    def held(found: re.Match[str]) -> str:
        notes.append(found[0])
        return f"\0{len(notes) - 1}\0"

    def written(text: str) -> str:
        return _HELD.sub(lambda found: notes[int(found[1])], text).strip()

    names: list[str] = []
    for part in _CO_OWNERS_NOT_COMMA.split(_NOTE.sub(held, cell.replace("\0", ""))):
        found = _NAME_THEN_NOTES.fullmatch(part.strip())
        bare, note = (found[1], " " + written(found[2])) if found and found[1] else (part, "")
        person = _last_first(bare.strip())
        if person:
            names.append(person + note)
        else:
            names += [n for n in (written(n) for n in part.split(",")) if n]
    if len(names) == 1:
        return names  # "Tom Lee," is one name
    return _names_or_whole(names, cell)


def _names_or_whole(names: list[str], cell: str) -> list[str]:
    """``names`` when each has two letters or more; else the cell is no list
    of names (``N/A``, ``R&D``) and stays whole."""
    if len(names) > 1 and all(len(re.findall(r"[^\W\d_]", n)) >= 2 for n in names):
        return names
    return [cell]


#: the days Excel serial numbers are read as in a date column: 1950 to 2149
_SERIALS = (18264, 91311)
_EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1900-01-01, past Excel's false 1900-02-29


def excel_serial_day(value: Any) -> date | None:
    """A date column's number as the day Excel counts it (``46387`` is
    2026-12-31): a cell formatted as General, or a sheet exported to CSV
    with its dates unformatted, holds the serial rather than the date.
    Only days in 1950-2149 are read so, never another number. A fraction
    is a time of that day (``46387.5`` is noon of 2026-12-31), as Excel
    counts a date and time: the day is the whole part."""
    if isinstance(value, str):
        text = value.strip()
        if not re.fullmatch(r"\d{5}(?:\.\d+)?", text):
            return None
        value = float(text)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if not _SERIALS[0] <= value < _SERIALS[1] + 1:
        return None
    return _EXCEL_EPOCH + timedelta(days=int(value))


#: what a sheet labels the row that adds up the others, English and German
TOTALS_LABELS = frozenset(
    {
        "total",
        "totals",
        "grand total",
        "subtotal",
        "sum",
        "sums",
        "summe",
        "summen",
        "gesamt",
        "gesamtsumme",
        "insgesamt",
        "zwischensumme",
    }
)


#: what an export labels a row that sums up the others other than by adding
#: them (Looker, Sheets, Excel's pivot tables: ``Average``, ``Mittelwert``),
#: English, German, French and Spanish; a KPI's data file leaves it out as it
#: leaves out a totals row
SUMMARY_LABELS = frozenset(
    {
        *("average", "avg", "mean", "median", "min", "max", "minimum", "maximum", "count"),
        *("durchschnitt", "mittelwert", "anzahl", "moyenne", "somme", "total général"),
        *("médiane", "promedio", "suma", "media", "mediana", "máximo", "mínimo"),
    }
)


def totals_label(cell: Any) -> bool:
    """Whether a title cell labels a totals row (``Total``, ``TOTALS``,
    ``Summe:``, ``Gesamt``): the whole cell, so ``Total customer love`` is
    an objective's title. Such a row sums the sheet's figures (``=SUM(E2:E9)``):
    imported, it would be an objective or a key result named ``total``."""
    if not isinstance(cell, str):
        return False
    return _label(cell) in TOTALS_LABELS


def summary_label(cell: Any) -> bool:
    """Whether a cell labels a row that sums up the others (``Total``,
    ``Average``, ``Mittelwert:``, ``Moyenne``): a totals label or one of
    :data:`SUMMARY_LABELS`, the whole cell."""
    return isinstance(cell, str) and (totals_label(cell) or _label(cell) in SUMMARY_LABELS)


def _label(cell: str) -> str:
    """The cell as its label is compared: spaces folded, case ignored, no ``:``."""
    return " ".join(cell.split()).casefold().removesuffix(":").rstrip()


def has_value(cell: Any) -> bool:
    """Whether a cell holds something (text other than spaces, a number, a date)."""
    return cell is not None and (not isinstance(cell, str) or bool(cell.strip()))


def merged_down(
    rows: Rows,
    merged: list[str],
    name: str,
    fills: Callable[[Any], bool] = has_value,
    header: int = 0,
) -> Rows:
    """The rows with a merged range's value in each row it covers, as Excel
    shows it: a Team or Quarter merged down an objective's rows names every
    one of them, where only its top cell holds it in the file.

    The value fills the range's first column alone: a label merged across
    columns (``Values`` over Start, Target, Current) stays one label, as the
    header on two rows reads it. A range that starts on the header (row
    ``header``) or above it (a title, ``Objective`` merged down a header on
    two rows) is left as it is, and a blank row under a range stays blank."""
    if not merged:
        return rows
    from openpyxl.utils.cell import range_boundaries

    numbers = [n for n, _ in rows]
    cells = [list(row) for _, row in rows]
    filled = 0
    for ref in merged:
        try:
            column, first, _, last = range_boundaries(ref)
        except (ValueError, TypeError):
            continue  # not a range: openpyxl would have refused a sheet it cannot read
        if column is None or first is None or last is None or last <= first or first <= header:
            continue
        at = bisect_left(numbers, first)
        if at == len(numbers) or numbers[at] != first or column > len(cells[at]):
            continue
        value = cells[at][column - 1]
        if not fills(value):
            continue
        for row in cells[at + 1 : bisect_right(numbers, last)]:
            filled += 1
            if filled > MAX_CELLS:  # ranges overlapping each other, as Excel never saves
                raise SheetError(
                    f"{name}: its merged ranges cover more than {MAX_CELLS:,} cells "
                    "(see docs/limits.md)"
                )
            if any(has_value(c) for c in row):
                row.extend([None] * (column - len(row)))
                if row[column - 1] is None:
                    row[column - 1] = value
    return [(n, tuple(row)) for n, row in zip(numbers, cells, strict=True)]


def visible(rows: Rows, hidden: set[int]) -> tuple[Rows, list[int]]:
    """The rows not hidden, and the hidden ones that hold something: what a
    sheet's owner hides is most often retired (last quarter's objectives, a
    key result dropped), so it is left out, and said (:func:`hidden_rows`)."""
    if not hidden:
        return rows, []
    left = [n for n, row in rows if n in hidden and any(has_value(c) for c in row)]
    return [(n, row) for n, row in rows if n not in hidden], left


def hidden_rows(title: str, numbers: list[int]) -> Notice:
    """The warning (IMP211) naming a sheet's hidden rows that were left out."""
    spans: list[list[int]] = []
    for n in numbers:
        if spans and spans[-1][1] == n - 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    named = [f"{a}" if a == b else f"{a}-{b}" for a, b in spans]
    rows = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    several = len(numbers) > 1
    return Notice(
        "IMP211",
        f"row{'s' if several else ''} {rows} of sheet {title!r} "
        f"{'are' if several else 'is'} hidden, so {'they are' if several else 'it is'} not "
        "imported (what a sheet hides is most often no longer used)",
        f"to import {'them' if several else 'it'}, unhide {'them' if several else 'it'} "
        "(select the rows around, right-click, then Unhide) and import again; delete "
        f"{'them' if several else 'it'} to leave {'them' if several else 'it'} out without "
        "this warning",
        numbers[0],
        None,
        title,
        rows,
    )


def hidden_sheet(title: str) -> Notice:
    """The warning (IMP211) naming a hidden sheet that was left out."""
    return Notice(
        "IMP211",
        f"sheet {title!r} is hidden, so it is not imported (what a workbook hides is most "
        "often no longer used)",
        "to import it, unhide it (right-click a sheet's tab, then Unhide) and import again; "
        "delete it to leave it out without this warning",
        None,
        None,
        title,
    )
