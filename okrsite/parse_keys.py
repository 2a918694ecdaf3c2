"""The keys each kind of file knows, and keys written in another spelling.

:data:`KNOWN_KEYS` says which front matter keys a kind of file reads (any
other is warned of as unknown); :func:`respelled` reads ``Title``, ``Key
Results`` or ``due-date`` as the key it stands for, and a key that
:mod:`okrsite.key_aliases` names (``baseline`` for ``start``) as that key.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from okrsite import key_aliases, yamlsource
from okrsite.model import Kind

KINDS: tuple[Kind, ...] = ("objective", "kpi", "goal", "checkin", "team", "person", "page")

COMMON_KEYS = {"type", "id", "title", "owner", "team", "tags", "description", "summary"}
KNOWN_KEYS: dict[str, set[str]] = {
    "objective": COMMON_KEYS
    | {
        "cycle",
        "parent",
        "supports",
        "commitment",
        "weight",
        "status",
        "key_results",
        "initiatives",
        "carried_from",
    },
    "kpi": COMMON_KEYS
    | {"unit", "direction", "indicator", "target", "thresholds", "drives", "values", "data"},
    # start/target/current/unit: a goal's measure written at the top, as a key result's is
    "goal": COMMON_KEYS
    | {"due", "cycle", "supports", "measure", "status", "start", "target", "current", "unit"},
    "checkin": {
        "type",
        "id",
        "objective",
        "kpi",
        "date",
        "author",
        "confidence",
        "values",
        "value",
        "note",
        "notes",
        "comment",
    },
    "team": COMMON_KEYS | {"lead", "parent", "members", "github", "gitlab", "name", "aliases"},
    # owner: and team: name who owns a goal: a person has a team but no
    # owner, a page neither (each is warned of as any unknown key)
    "person": (COMMON_KEYS - {"owner"}) | {"role", "email", "name", "github", "gitlab", "aliases"},
    # draft: true (as Hugo writes it) leaves a page out of the build
    "page": (COMMON_KEYS - {"owner", "team"}) | {"order", "draft"},
}
#: the keys of a milestone of a key result (``- {title: Beta, done: true}``)
MILESTONE_KEYS = {"title", "done"}
#: the keys of an objective's initiative
INITIATIVE_KEYS = {"title", "status", "link", "owner"}
#: other names of the keys of a kind of file (:mod:`okrsite.key_aliases`)
_KIND_ALIASES = {
    "objective": key_aliases.OBJECTIVE,
    "goal": key_aliases.GOAL,
    "team": key_aliases.FORMER_NAMES,
    "person": key_aliases.FORMER_NAMES,
}


#: every key a file of any kind knows: the top level is read with this before its
#: kind is known (almost every file's keys are all in it: one set operation)
_ALL_KEYS: set[str] = set().union(*KNOWN_KEYS.values())


def respelled(
    data: dict[str, Any], known: set[str], aliases: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """``data`` with each key written in another case, or with spaces or hyphens
    (``Title``, ``Key Results``, ``due-date``), under the known key it stands
    for, as Hugo reads front matter keys whatever their case; and each key
    that ``aliases`` names (:mod:`okrsite.key_aliases`: a key result's
    ``baseline`` is its ``start``) under that key. A key whose known
    spelling is also written stays as it is (and is warned of as unknown)."""
    if known.issuperset(data):  # the usual case, checked in one step
        return data
    renamed: dict[str, str] = {}
    for key in data:
        if key not in known:
            form = yamlsource.key_form(key)
            if form not in known and aliases:
                form = aliases.get(form, form)
            if form in known and form not in data and form not in renamed.values():
                renamed[key] = form
    if not renamed:
        return data
    return {renamed.get(key, key): value for key, value in data.items()}
