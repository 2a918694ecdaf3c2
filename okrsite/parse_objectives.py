"""An objective file: its fields, its initiatives, and its key results
(:mod:`okrsite.parse_key_results`).

Also the commitment (committed or aspirational, as OKR guides and other
tools' check boxes say it), key results listed in the body instead of the
front matter (warned of), and an objective read again with new key results
only, as the history reads most versions of a goal file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import fields
from typing import Any

from okrsite import limits, yamlsource
from okrsite.cycle_names import MISSING_CYCLE_HINT
from okrsite.diagnostics import Diagnostic, warning
from okrsite.model import Initiative, Objective
from okrsite.parse_fields import KeyResultMemo, Path_, _Fields
from okrsite.parse_key_results import _key_results, _status, _weight, item_title
from okrsite.parse_keys import INITIATIVE_KEYS, KNOWN_KEYS, respelled
from okrsite.parse_messages import shown_value
from okrsite.parse_names import without_typed_quotes
from okrsite.plural import plural

#: OKR123's hint for an objective's ``owner:`` naming several people: one
#: owns it; the others can own its initiatives, which its page shows
CO_OWNER_HINT = (
    "name one; the others can own its initiatives ('owner:' in an initiative), which its page shows"
)


def _objective(
    f: _Fields,
    rid: str,
    rel: str,
    data: dict[str, Any],
    parts: yamlsource.Split,
    default_cycle: str | None,
) -> Objective | None:
    title = _title_or_checkin(f, rel, data)
    if title is None and reads_as_checkin(data):
        return None  # a check-in saved among the objectives: OKR101 says where it belongs
    # cycle: “2026-Q4”, quoted as a word processor quotes, is the cycle 2026-Q4
    cycle = without_typed_quotes(f.text(data, "cycle", ()) or "") or default_cycle
    if cycle is None:
        f.err(
            "OKR101",
            "missing required key 'cycle'",
            (),
            hint=MISSING_CYCLE_HINT,  # the pipeline names the current quarter
        )
    krs = _key_results(f, data)
    if not krs and data.get("key_results") is None and parts.body:
        _key_results_in_body(f, parts)
    initiatives = _initiatives(f, data)
    weight = _weight(f, data, ())
    if cycle is None:
        return None
    return Objective(
        id=rid,
        file=rel,
        title=title or rid,  # missing: reported; the id stands in
        cycle=cycle,
        # a key result's owner is shown nowhere (docs/content-format.md): an
        # initiative's is, on the objective's page, so a co-owner goes there
        owner=f.name(data, "owner", (), "person", several=CO_OWNER_HINT),
        team=f.name(data, "team", (), "team"),
        parent=f.ref(data, "parent", ()),
        supports=f.text_list(data, "supports", (), refs=True),
        commitment=_commitment(f, data),  # type: ignore[arg-type]
        weight=1.0 if weight is None else weight,
        status=_status(f, data, ()),  # type: ignore[arg-type]
        tags=f.tags(data, ()),
        key_results=tuple(krs),
        initiatives=tuple(initiatives),
        body=parts.body,
        body_line=parts.body_line,
        carried_from=f.ref(data, "carried_from", ()),
    )


def reads_as_checkin(data: dict[str, Any]) -> list[str]:
    """The check-in keys (``objective:``, ``values:``, ``date:``) of a file
    among the objectives with no title or key results: a check-in saved
    there. Its other keys are no objective's slips, so they get no OKR111."""
    if "title" in data or "key_results" in data:
        return []
    return [key for key in ("objective", "values", "date") if key in data]


def _title_or_checkin(f: _Fields, rel: str, data: dict[str, Any]) -> str | None:
    """The objective's title. A file without one or key results that has a
    check-in's keys is a check-in saved among the objectives
    (:func:`reads_as_checkin`): OKR101 says so, and where to move it."""
    keys = reads_as_checkin(data)
    if not keys:
        return f.text(data, "title", (), required=True)
    content, _, _ = rel.rpartition("/objectives/")
    named = data.get("objective")
    folder = named.strip("/ ") if isinstance(named, str) and named.strip() else "<objective id>"
    f.err(
        "OKR101",
        "missing required key 'title': this file reads as a check-in ("
        + ", ".join(f"{key}:" for key in keys)
        + "), saved among the objectives",
        (),
        hint=f"move it to {content or 'content'}/checkins/{folder}/{rel.rpartition('/')[2]}, "
        "where check-ins are read; an objective needs a title: and key_results:",
    )
    return None


#: a body's heading (or line of its own) that introduces key results, as
#: people write an OKR in a document: "## Key results", "**KRs:**", "Key Results:"
_BODY_KR_HEADING = re.compile(
    r"(?im)^(?:#{1,6}[ \t]*|\*\*|__)?[ \t]*"
    r"(key[ \t-]*results?|krs?|schl(?:ü|ue)sselergebnisse)"
    r"[ \t]*:?[ \t]*(?:\*\*|__)?[ \t]*:?[ \t]*#*[ \t]*$"
)
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])[ \t]+(\S.*)")


def _key_results_in_body(f: _Fields, parts: yamlsource.Split) -> None:
    """An objective without key results whose body lists them under a heading
    of their own (``## Key results`` and a list, as an OKR is written in a
    document): warning OKR126, since okrsite reads key results from the front
    matter only and would otherwise drop them without a word."""
    found = _BODY_KR_HEADING.search(parts.body)
    if found is None:
        return
    items: list[str] = []
    for line in parts.body[found.end() :].split("\n")[1:]:
        if line.lstrip().startswith("#"):
            break
        item = _LIST_ITEM.fullmatch(line)
        if item is not None:
            items.append(item.group(1).strip())
        elif line.strip() and not line.startswith((" ", "\t")):
            break  # a paragraph after the list ends it
    if not items:
        return
    heading_line = parts.body_line + parts.body.count("\n", 0, found.start())
    f.diags.append(
        warning(
            "OKR126",
            f"the body lists {plural(len(items), 'key result')} under "
            f"{found.group(0).strip()!r}, but key results are read from the front matter only",
            f.file,
            line=heading_line,
            hint=f"move them into the front matter, one per line under 'key_results:' "
            f'(- {items[0]}): a sentence with "from … to …" gives its figures',
        )
    )


def objective_with_key_results(
    record: Objective,
    rel: str,
    data: dict[str, Any],
    parts: yamlsource.Split,
    memo: KeyResultMemo,
    diags: list[Diagnostic] | None = None,
) -> Objective:
    """``record``, an objective :func:`parse_data` built from ``rel``, with its key
    results read again from ``data``: front matter that differs from the one
    ``record`` was read from in its ``key_results:`` list only.

    :func:`_objective` reads every other field from its own key, so they stay
    as they are, and the key results are validated by the same
    :func:`_key_results`. The history (:mod:`okrsite.history_parse`) builds
    the commonest version of a goal file this way: one that moves one number
    of one key result (70% of the versions in its benchmark's history).
    ``diags`` gets the findings of the key results validated again (the
    history skips a version with errors).
    """
    krs = _key_results(_Fields(rel, [] if diags is None else diags, memo), data)
    new = _new_object(Objective)
    for name in _OBJECTIVE_FIELDS:
        _set_field(new, name, getattr(record, name))
    _set_field(new, "key_results", tuple(krs))
    _set_field(new, "body", parts.body)
    _set_field(new, "body_line", parts.body_line)
    return new


# ``dataclasses.replace(record, ...)`` without the keyword arguments and the
# frozen ``__init__`` it goes through (the objective has no ``__post_init__``
# and every field is an ``__init__`` argument): a fifth of the time the
# history spent on such a version
_OBJECTIVE_FIELDS = tuple(f.name for f in fields(Objective) if f.init)
# a guard for whoever changes the model: this copy would skip either
assert not hasattr(Objective, "__post_init__") and len(_OBJECTIVE_FIELDS) == len(fields(Objective))
_new_object = object.__new__
_set_field = object.__setattr__


#: the words OKR guides use for the two kinds of objective
_COMMITMENT_WORDS = {
    "commit": "committed",
    "roofshot": "committed",
    "moonshot": "aspirational",
    "stretch": "aspirational",
    "aspiration": "aspirational",
    # as the German pages say them
    "verbindlich": "committed",
    "zugesagt": "committed",
    "ambitioniert": "aspirational",
    "ehrgeizig": "aspirational",
}


#: a commitment as a yes/no key: the kind a ``true`` says
_COMMITMENT_FLAGS = {
    **_COMMITMENT_WORDS,
    "committed": "committed",
    "aspirational": "aspirational",
}


def _commitment_flag(data: dict[str, Any]) -> dict[str, Any]:
    """``aspirational: true`` (or ``committed:``, ``stretch:``, ``moonshot:``,
    ``roofshot:`` with yes or no), as other OKR tools' check boxes write it,
    read as the ``commitment:`` it says. Only without a ``commitment:`` line
    and with one such flag: anything else is left to be warned of as written."""
    if "commitment" in data or KNOWN_KEYS["objective"].issuperset(data):
        return data  # the usual case (no flag is a known key), checked in one step
    forms = {k: yamlsource.key_form(str(k)) for k in data}
    flags = [k for k, form in forms.items() if form in _COMMITMENT_FLAGS]
    if len(flags) != 1 or type(data[flags[0]]) is not bool:
        return data
    flag = flags[0]
    word = _COMMITMENT_FLAGS[forms[flag]]
    if not data[flag]:
        word = "committed" if word == "aspirational" else "aspirational"
    return {("commitment" if k == flag else k): (word if k == flag else v) for k, v in data.items()}


def _commitment(f: _Fields, data: Mapping[str, Any]) -> str:
    """``committed`` or ``aspirational``, also as OKR guides say them (``moonshot``,
    ``stretch``: aspirational; ``roofshot``: committed)."""
    value = data.get("commitment")
    if isinstance(value, str):
        word = _COMMITMENT_WORDS.get(value.strip().lower().replace(" ", "").replace("-", ""))
        if word is not None:
            return word
    return str(f.choice(data, "commitment", ("committed", "aspirational"), "committed", ()))


def _initiatives(f: _Fields, data: dict[str, Any]) -> list[Initiative]:
    raw = data.get("initiatives")
    if raw is None:
        return []
    if not isinstance(raw, list):
        f.err("OKR106", f"initiatives must be a list, got {shown_value(raw)}", ("initiatives",))
        return []
    if f.too_many(raw, limits.MAX_INITIATIVES, "initiatives", ("initiatives",)):
        return []
    out = []
    for i, item in enumerate(raw):
        path: Path_ = ("initiatives", i)
        if isinstance(item, str):
            out.append(Initiative(item))
            continue
        if not isinstance(item, dict):
            f.err("OKR106", f"initiative {i + 1} must be a mapping with a title", path)
            continue
        item = respelled({str(k): v for k, v in item.items()}, INITIATIVE_KEYS)
        f.unknown_keys(item, INITIATIVE_KEYS, path, "an initiative")
        title = item_title(
            f,
            item,
            path,
            f"initiative {i + 1}",
            "write it as '- {title: …, status: active, link: …, owner: …}', or as a bare title",
        )
        link = f.text(item, "link", path)
        if link is not None and not re.match(
            r"^(https?://|mailto:|/|\.|#|[\w-]+(/|$))", link, re.I
        ):
            f.warn(
                "OKR112",
                f"initiative link {shown_value(link)} is not an http(s) address and will not be linked",
                (*path, "link"),
            )
            link = None
        if title is not None:
            out.append(
                Initiative(
                    title,
                    f.text(item, "status", path) or "active",
                    link,
                    # a name or an id, as an objective's owner: the person
                    # page it links to is the one that name becomes
                    f.name(item, "owner", path, "person"),
                )
            )
    return out
