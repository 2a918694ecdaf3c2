"""The hints that name what a mistyped reference surely meant.

Split from :mod:`okrsite.resolve` so the checks read apart from their
wording: "did you mean" by edit similarity or letter case, a team or person
named by a slip of a name it was known by, an objective, KPI
or key result named by its title where its id belongs, and the small pieces
of phrasing (lists of files, TOML keys) the messages share.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from okrsite.confusable_ids import look_alike_hint
from okrsite.model import KPI, KeyResult, Objective, Person, Team
from okrsite.parse import closest
from okrsite.parse_key_results import OBJECTIVE_KEY_HINTS, place_id
from okrsite.parse_keys import KNOWN_KEYS
from okrsite.plural import plural
from okrsite.slug import slugify
from okrsite.yamlsource import key_form


def key_results_listed(key_results: Sequence[KeyResult]) -> str:
    """The key results of an objective as a hint lists them: each by its id,
    and one whose id the loader made from its place (``kr2``: a key result
    written without ``id:``) with its title too, since ``kr2`` alone does
    not tell anyone which key result it is; ``none`` when there are none."""
    return (
        ", ".join(
            f"{kr.id} ({kr.title!r})" if kr.id == place_id(kr.index) else kr.id
            for kr in key_results
        )
        or "none"
    )


def _did_you_mean(name: str, candidates: Iterable[str], itself: str | None = None) -> str | None:
    """A "did you mean" hint; never the record that holds the reference (``itself``).

    An id written in other letter case (``kpi: NPS`` for ``kpis/nps.md``) is
    the one guess; otherwise the closest by edit similarity among the ids
    whose last part is close to the name's (:func:`_last_part_close`)."""
    others = [c for c in candidates if c != itself]
    look_alike = look_alike_hint(name, others)
    if look_alike is not None:  # the two print alike: the hint says what differs
        return look_alike
    same_letters = [c for c in others if c.casefold() == name.casefold()]
    if len(same_letters) == 1:
        guess: str | None = same_letters[0]
    else:
        guess = closest(name, [c for c in others if _last_part_close(name, c)])
    return f"did you mean {guess!r}?" if guess else None


def _last_part_close(name: str, candidate: str) -> bool:
    """Whether the last parts of two ids (``retention`` of
    ``customer-success/retention``) are alike by edit similarity, as
    :func:`closest` judges: a shared folder alone makes a long id look
    close (``customer-success/retention`` and
    ``customer-success/grossere-zufriedenheit-kopie``), and a file that was
    deleted has no near id at all. Names without a folder are judged whole."""
    last, other = name.rpartition("/")[2], candidate.rpartition("/")[2]
    if last == name and other == candidate:
        return True  # no folder on either side: closest() judges the whole name
    return closest(last, [other]) is not None


def _former_name_meant(
    ref: str, known: Mapping[str, Person] | Mapping[str, Team], itself: str | None = None
) -> str | None:
    """A hint, "did you mean 'growth-marketing', a former name of 'Product
    Marketing' (content/teams/product-marketing.md)?", for a slip of a name a team or
    person file says it was known by (``aliases:``), where that is closer
    than any id or title: a goal of last quarter writes the old name, and a
    guess among today's names alone points at another team. ``None`` when
    no file lists an alias, or another name is closer."""
    formerly: dict[str, Person | Team] = {
        alias: rec for rid, rec in known.items() if rid != itself for alias in rec.aliases
    }
    if not formerly:
        return None
    today = [rid for rid in known if rid != itself]
    today += [slugify(rec.title) for rid, rec in known.items() if rid != itself]
    guess = closest(ref, [*formerly, *today])
    if guess is None or guess not in formerly or guess in today:
        return None
    rec = formerly[guess]
    return f"did you mean {guess!r}, a former name of {rec.title!r} ({rec.file})?"


#: the keys of an objective's check-in that a key at its top which names no
#: key result may be a slip of (a KPI's ``value:`` and ``kpi:`` are none)
_CHECKIN_KEYS = sorted(KNOWN_KEYS["checkin"] - {"value", "kpi"})


def checkin_key_meant(key: str) -> str | None:
    """ "did you mean 'confidence'?" for a key at the top of an objective's
    check-in that names no key result but is a slip of a check-in's own key
    (``confidance``, ``autor``, ``vaules``), as a KPI's check-in says of it:
    the objective's key results are no help there. ``None`` for any other key
    (``sprint: week 12``), whose warning lists the key results instead.
    A grade (``grade: 0.6``, ``score:``) is told where grades are read."""
    return OBJECTIVE_KEY_HINTS.get(key_form(key)) or _did_you_mean(key, _CHECKIN_KEYS)


def _named_by_title(
    name: str, key_results: Sequence[KeyResult], elsewhere: str = "in the check-ins"
) -> str | None:
    """A hint for a key result named by its title where its id belongs:
    people write what they see on the page. References stay ids (a title
    changes with a rewording), so this only says which id.

    Only a key written as the whole title is said to be the title. A key that
    is the start of one key result's id (``arr`` for ``arr-eur``) is most
    often its id before a rename, which the check-ins (or references, as
    ``elsewhere`` says) still write; one that is the start of its title is
    said to be that. Calling either "the title" would be untrue, and a
    newcomer would look for a title that says so."""
    wanted = slugify(name)
    if not wanted:
        return None
    found = [kr for kr in key_results if slugify(kr.title) == wanted]
    if len(found) == 1:
        kr = found[0]
        return (
            f"{name!r} is the title of key result {kr.id!r}: name it by its id, {kr.id} "
            "(or give the key result an id of your own with 'id:' in the objective file)"
        )
    if found:
        return None
    renamed = [kr for kr in key_results if slugify(kr.id).startswith(wanted + "-")]
    if len(renamed) == 1:
        kr = renamed[0]
        return (
            f"did you mean {kr.id!r}? (if you renamed key result {name} to {kr.id}, "
            f"rename it {elsewhere} too)"
        )
    started = [kr for kr in key_results if slugify(kr.title).startswith(wanted + "-")]
    if len(started) != 1:
        return None
    kr = started[0]
    return (
        f"{name!r} is the start of the title of key result {kr.id!r} ({kr.title}): "
        f"name it by its id, {kr.id} "
        "(or give the key result an id of your own with 'id:' in the objective file)"
    )


def _titled(
    ref: str,
    objectives: Mapping[str, Objective],
    key_path: Sequence[object],
    kpis: Mapping[str, KPI] | None = None,
) -> str | None:
    """A hint for an objective (or, given ``kpis``, a KPI) named by its title
    where its id belongs (``parent: Grow the business``, ``kpi: Monthly
    churn``): people write what the page shows. References stay ids (a title
    changes with a rewording, and another file's rewording would then break
    this one), so this says which id."""
    name, _, kr = ref.partition("#")
    wanted = slugify(name)
    if not wanted:
        return None
    # the key written: "kpi" of ("key_results", 0, "kpi"), "supports" of ("supports", 1)
    key = next((str(k) for k in reversed(key_path) if isinstance(k, str)), "parent")
    found = [oid for oid, obj in objectives.items() if slugify(obj.title) == wanted]
    if len(found) == 1:
        return f"{name!r} is the title of objective {found[0]!r}: write {key}: {found[0]}" + (
            f"#{kr}" if kr else ""
        )
    folded = name.strip().casefold()
    if " " not in name.strip() and any(k.casefold() == folded for k in (kpis or {})):
        return None  # "NPS": an id in other letters is the closer guess
    titled = [kid for kid, kpi in (kpis or {}).items() if slugify(kpi.title) == wanted]
    if len(titled) == 1 and not kr:
        return f"{name!r} is the title of KPI {titled[0]!r}: write {key}: {titled[0]}"
    return None


def _and_list(items: list[str], more: int, noun: str) -> str:
    """``a``, ``a and b``, ``a, b and c``; ``a, b and 2 other files`` when
    ``more`` were left out (``noun`` is singular: "file", "other spelling")."""
    if more > 0:
        items = [*items, plural(more, noun)]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _some_files(files: list[str]) -> str:
    """The first two of ``files``, and how many more: ``a.md, b.md and 3 other files``
    (commas only, as it goes inside a list that "and" joins)."""
    text = ", ".join(files[:2])
    return text + (f" and {plural(len(files) - 2, 'other file')}" if len(files) > 2 else "")


def _toml_key(name: str) -> str:
    """``name`` as a key of a TOML table header: bare when TOML allows it
    (``2026-Q1``), else quoted (``"Q5 2026"``), so the hint can be pasted."""
    if re.fullmatch(r"[A-Za-z0-9_-]+", name):
        return name
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def handle_meant(kind: str, written: str | None) -> str | None:
    """OKR306's hint for a person or team written as a handle (``"@acme/platform"``),
    or as a profile's address read as its handle
    (``team: https://github.com/orgs/acme/teams/platform``): the handle
    read, and that it names whoever's file gives it as ``github:`` or
    ``gitlab:``, rather than a new file named after the handle. ``None``
    for a name written otherwise."""
    if not written or not written.startswith("@") or " " in written:
        return None
    folder = "people" if kind == "person" else "teams"
    return (
        f"read as the handle {written!r}, which no {kind}'s file in content/{folder}/ "
        f'gives: add github: "{written}" (or gitlab:) to the {kind}\'s file, '
        "or name it by its id or title"
    )
