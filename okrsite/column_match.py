"""Match a spreadsheet's column headers to the fields of a key result.

Spreadsheets of OKRs are written by people, so one sheet says "Key Result",
the next "KR", a third "Key results (what we measure)". Headers are compared
with case, spaces and punctuation removed, against the names the goal-setting
guides and the OKR tools use, in English and in German (a German team's sheet
says "Schlüsselergebnis" whatever the site's language is, so both are always
known); ``--map COLUMN=FIELD`` covers the rest. Pure: text in, a column→field
table out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

__all__ = ["FIELDS", "ColumnMap", "header_key", "match_columns", "parse_mapping"]

# field -> the header spellings that mean it (compared after header_key)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "objective": (
        "objective",
        "objectives",
        "objectivetitle",
        "objectivename",
        "goal",
        "goals",
        "o",
        "ziel",
        "ziele",
    ),
    "objective_id": ("objectiveid",),
    "key_result": (
        "keyresult",
        "keyresults",
        "keyresulttitle",
        "kr",
        "krs",
        "krtitle",
        "krname",
        "result",
        "schlüsselergebnis",
        "schlüsselergebnisse",
        "schluesselergebnis",
        "schluesselergebnisse",
    ),
    "kr_id": ("krid", "keyresultid"),
    "kind": ("krkind", "kind", "krtype"),
    "owner": (
        "owner",
        "owners",
        "assignee",
        "responsible",
        "accountable",
        "lead",
        "verantwortlich",
        "verantwortliche",
        "verantwortlicher",
    ),
    "team": ("team", "teamname", "department", "dept", "group", "abteilung"),
    # Viva Goals exports its cycle as "Time Period", its unit as "Metric Unit";
    # Lattice names the parent "Parent goal"
    "cycle": (
        "cycle",
        "quarter",
        "period",
        "timeperiod",
        "timeframe",
        "quartal",
        "zyklus",
        "zeitraum",
    ),
    # Lattice's and Perdoo's templates say "Baseline value", others "Starting value"
    "start": (
        "start",
        "baseline",
        "baselinevalue",
        "initial",
        "startvalue",
        "starting",
        "startingvalue",
        "startingpoint",
        "initialvalue",
        "begin",
        "beginvalue",
        "from",
        "ausgangswert",
        "startwert",
    ),
    "target": ("target", "goalvalue", "targetvalue", "to", "zielwert"),
    "current": (
        "current",
        "actual",
        "value",
        "currentvalue",
        "actualvalue",
        "ist",
        "istwert",
        "aktuell",
        "aktuellerwert",
    ),
    # a sheet with Current has Progress as well on rows measured by a figure
    # alone; a sheet without Current reads Progress as its current values
    "progress": ("progress", "percentcomplete", "fortschritt"),
    "unit": ("unit", "units", "metricunit", "uom", "einheit"),
    "confidence": ("confidence", "confidencelevel", "zuversicht", "konfidenz"),
    "notes": (
        "notes",
        "note",
        "comment",
        "comments",
        "remarks",
        "notizen",
        "notiz",
        "kommentar",
        "kommentare",
        "bemerkungen",
    ),
    "due": ("due", "duedate", "deadline", "enddate", "fällig", "fälligkeit", "frist", "enddatum"),
    "parent": ("parent", "alignedto", "alignment", "parentobjective", "parentgoal"),
    "weight": ("weight", "krweight"),
    "objective_weight": ("objectiveweight",),
    "commitment": ("commitment",),
    "objective_status": ("objectivestatus",),
    "kr_status": ("krstatus", "keyresultstatus", "status"),
    "score": ("score", "finalscore"),
    # a key result's own owner beside the objective's (okrsite's export
    # writes kr_owner; OKR tools' sheets say KR owner)
    "kr_owner": ("krowner", "krowners", "keyresultowner", "keyresultowners"),
}

FIELDS: tuple[str, ...] = (*SYNONYMS, "ignore")

# Columns okrsite's own export writes that are computed, not input: read
# silently past, so an exported sheet imports without a wall of notices.
COMPUTED = {
    "objectiveprogress",
    "expected",
    "grade",
    "stale",
    "forecast",
    "krprogress",
}


def header_key(text: str) -> str:
    """``"Key Result (KR)"`` → ``"keyresultkr"``: case, spaces, punctuation gone."""
    return re.sub(r"[\W_]+", "", text.casefold())


_BY_KEY = {header_key(name): fld for fld, names in SYNONYMS.items() for name in names}


@dataclass(frozen=True)
class ColumnMap:
    """Which column holds which field; ``ignored`` lists headers no field took,
    ``displaced`` those whose field ``--map`` gave to another column
    (header → (field, the mapped column's header)), to be said."""

    fields: dict[str, int]
    headers: tuple[str, ...]
    ignored: tuple[str, ...]
    displaced: dict[str, tuple[str, str]] = field(default_factory=dict)

    def header(self, fld: str) -> str:
        return self.headers[self.fields[fld]]

    def header_score(self) -> int:
        """How strongly a row of names reads as the header: the number of
        fields it names, 0 unless it names the objective (or its id) and
        one field more. A title line (``Objectives``) or a Type cell that
        says ``Objective`` names one field alone, and is no header."""
        named = self.fields.keys() - {"ignore"}
        if not named & {"objective", "objective_id"} or len(named) < 2:
            return 0
        return len(named)


def parse_mapping(items: Iterable[str]) -> dict[str, str]:
    """``["Stretch goal=target"]`` → ``{"stretchgoal": "target"}``.

    Raises ``ValueError`` with a message for the user on a bad item, and on
    two columns mapped to one field (a key result has one target: which
    column holds it is the user's to say, not a guess to make).
    """
    out: dict[str, str] = {}
    written: dict[str, str] = {}  # field -> the column as the user wrote it
    for item in items:
        column, sep, fld = item.rpartition("=")
        fld = fld.strip().lower().replace(" ", "_").replace("-", "_")
        if not sep or not column.strip():
            raise ValueError(f"{item!r}: write COLUMN=FIELD, e.g. --map 'Stretch goal=target'")
        if fld not in FIELDS:
            raise ValueError(f"{item!r}: unknown field {fld!r}; fields are: {', '.join(FIELDS)}")
        key = header_key(column)
        other = written.get(fld)
        if fld != "ignore" and other is not None and header_key(other) != key:
            raise ValueError(
                f"{other.strip()!r} and {column.strip()!r} are both mapped to {fld}: "
                f"a field is read from one column; map one of them to {fld} "
                "(and the other to another field, or to ignore)"
            )
        written.setdefault(fld, column)
        out[key] = fld
    return out


def _built_in(header: str) -> str | None:
    """The field a header names by the built-in names, if any."""
    key = header_key(header)
    if key in _BY_KEY:
        return _BY_KEY[key]
    # "Key Result (KR)", "Target [units]": the words outside the brackets
    # name it, or else the words inside them
    outside = header_key(re.sub(r"[(\[].*?[)\]]", " ", header))
    inside = [header_key(m) for m in re.findall(r"[(\[](.*?)[)\]]", header)]
    return next((_BY_KEY[k] for k in (outside, *inside) if k in _BY_KEY), None)


def match_columns(headers: Sequence[str], mapping: dict[str, str] | None = None) -> ColumnMap:
    """Give each field the first column whose header means it.

    ``mapping`` (from :func:`parse_mapping`) wins over the built-in names:
    the columns it names take their fields first, so ``--map 'Stretch
    target=target'`` reads Stretch target even where a Target column is
    there too, which is then not imported (``displaced``, to be said).
    Among the built-in names a field already taken by an earlier column
    leaves a later one ignored, so "Goal" after "Objective" does not
    replace it.
    """
    mapping = mapping or {}
    fields: dict[str, int] = {}
    for index, header in enumerate(headers):
        fld = mapping.get(header_key(header))
        if fld is not None and fld != "ignore" and fld not in fields:
            fields[fld] = index
    mapped = set(fields.values())
    ignored: list[str] = []
    displaced: dict[str, tuple[str, str]] = {}
    for index, header in enumerate(headers):
        if index in mapped:
            continue
        key = header_key(header)
        fld = mapping.get(key) or _built_in(header)
        if fld == "ignore" or (fld is None and (key in COMPUTED or not key)):
            continue
        if fld is not None and fld in fields and fields[fld] in mapped and key not in mapping:
            displaced[header] = (fld, headers[fields[fld]])
        if fld is None or fld in fields:
            ignored.append(header)
            continue
        fields[fld] = index
    if "progress" in fields and "current" not in fields:
        # without a Current column, Progress holds the current figures (of a
        # key result with a target, or a bare 0-100 % one)
        fields["current"] = fields.pop("progress")
    return ColumnMap(fields, tuple(headers), tuple(ignored), displaced)
