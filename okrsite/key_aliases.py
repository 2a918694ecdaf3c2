"""Other names people give okrsite's keys, by the kind of mapping they are in.

A team writes a key result as its planning sheet or its last OKR tool named
the figures: ``baseline`` and ``goal``, ``from`` and ``to``, ``actual``; an
objective's cycle as ``quarter`` or ``period``; a goal's due date as
``deadline``. Each means exactly one of okrsite's keys in its place, so the
parser reads it as that key (:func:`okrsite.parse.respelled`) instead of
warning of an unknown key and losing the figure. ``okrsite import`` knows
the same words as column headers (:mod:`okrsite.column_match`).

Aliases are only taken where they cannot mean something else: ``goal`` is a
key result's target, but a SMART goal's ``goal:`` line is more likely its
sentence, so there it stays an unknown key (warned of). A key written both
ways (``start`` and ``baseline``) keeps the alias unknown, so nothing is
read twice.
"""

from __future__ import annotations

__all__ = [
    "CYCLE",
    "DUE",
    "KEY_RESULT",
    "GOAL",
    "GOAL_MEASURE",
    "FORMER_NAMES",
    "OBJECTIVE",
    "ANY",
]

#: a key result's figures (keys in :func:`okrsite.yamlsource.key_form`)
KEY_RESULT: dict[str, str] = {
    "baseline": "start",
    "from": "start",
    "initial": "start",
    "start_value": "start",
    "initial_value": "start",
    "starting_value": "start",
    "goal": "target",
    "to": "target",
    "target_value": "target",
    "goal_value": "target",
    "actual": "current",
    "current_value": "current",
    "actual_value": "current",
}
#: an objective's or goal's cycle
CYCLE: dict[str, str] = {
    "quarter": "cycle",
    "period": "cycle",
    "timeframe": "cycle",
    "time_frame": "cycle",
}
#: a goal's due date
DUE: dict[str, str] = {"deadline": "due", "due_date": "due"}
#: a goal's measure, written at the top or under ``measure:`` (``goal`` excepted: see above)
GOAL_MEASURE: dict[str, str] = {k: v for k, v in KEY_RESULT.items() if k != "goal"}
OBJECTIVE: dict[str, str] = CYCLE
GOAL: dict[str, str] = {**CYCLE, **DUE, **GOAL_MEASURE}
#: the names and ids a team or person was known by (Hugo's ``aliases:``), as
#: people write them in the file of a renamed team or a person who married
FORMER_NAMES: dict[str, str] = {
    "formerly": "aliases",
    "was": "aliases",
    "previously": "aliases",
    "former_names": "aliases",
    "aka": "aliases",
}
#: every alias, for finding the line of a key read under another name
ANY: dict[str, str] = {**KEY_RESULT, **CYCLE, **DUE, **FORMER_NAMES}


#: German words for okrsite's keys (in :func:`okrsite.yamlsource.key_form`),
#: which a German team writes in its first files (``datum:``, ``zuversicht:``).
#: They are not read as those keys: several are ambiguous (``ziel`` is an
#: objective, a goal and a target), and a key read in two languages is read
#: twice. They are what "did you mean" suggests instead
#: (:func:`okrsite.parse_messages.closest`), where no spelling is close.
GERMAN_HINTS: dict[str, str] = {
    "titel": "title",
    "bezeichnung": "title",
    "beschreibung": "description",
    "zusammenfassung": "summary",
    "verantwortlich": "owner",
    "verantwortliche": "owner",
    "verantwortlicher": "owner",
    "eigentuemer": "owner",
    "eigentümer": "owner",
    "besitzer": "owner",
    "zyklus": "cycle",
    "quartal": "cycle",
    "zeitraum": "cycle",
    "uebergeordnet": "parent",
    "übergeordnet": "parent",
    "elternziel": "parent",
    "schlagworte": "tags",
    "schlagwörter": "tags",
    "stichworte": "tags",
    "gewicht": "weight",
    "gewichtung": "weight",
    "startwert": "start",
    "ausgangswert": "start",
    "zielwert": "target",
    "aktuell": "current",
    "istwert": "current",
    "einheit": "unit",
    "erledigt": "done",
    "meilensteine": "milestones",
    "schluesselergebnisse": "key_results",
    "schlüsselergebnisse": "key_results",
    "ergebnisse": "key_results",
    "kennzahl": "kpi",
    "richtung": "direction",
    "schwellenwerte": "thresholds",
    "verbindlichkeit": "commitment",
    "faellig": "due",
    "fällig": "due",
    "faelligkeit": "due",
    "fälligkeit": "due",
    "frist": "due",
    "datum": "date",
    "autor": "author",
    "autorin": "author",
    "zuversicht": "confidence",
    "vertrauen": "confidence",
    "werte": "values",
    "wert": "value",
    "notiz": "note",
    "notizen": "notes",
    "kommentar": "comment",
    "bemerkung": "note",
}
