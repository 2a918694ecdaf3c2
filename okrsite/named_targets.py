"""What ``okrsite checkin`` is told to check in, as people name it on a command line.

Files keep ids (a title changes with a rewording, and a reference to it
would break unseen), but a person typing a command names what they see on
the page: ``okrsite checkin "Answer support tickets faster"``, or the last
part of its id (``faster-support`` for ``company/faster-support``, also in
another case: ``faster-support`` for ``customer-success/Faster-Support``),
and a key result by its title (``--set "first response=4"``). When such a
name fits exactly one objective, KPI or SMART goal (or one key result of the
objective), the command uses its id, says so, and writes the id into the
file. A name that fits several is refused with all of them, and one that
fits none with the nearest (:func:`target_guess`), before any file is
written: the loader would only say that a check-in file nobody wrote names
an objective that does not exist.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping

from okrsite.model import Milestone, Objective, Portfolio
from okrsite.parse import closest
from okrsite.slug import slugify

__all__ = ["folded", "key_result_named", "milestones_named", "target_guess", "targets_named"]


def milestones_named(milestones: Iterable[Milestone], text: str) -> list[int]:
    """The indexes of the milestones ``text`` names: by its title, or the start
    of it, in any case (``--set "crm=Migrate the data"``, or a check-in's
    ``crm: migrate``); an exact fit wins over the starts it also is."""
    wanted = slugify(text)
    slugs = [slugify(m.title) for m in milestones]
    return [i for i, s in enumerate(slugs) if s == wanted] or [
        i for i, s in enumerate(slugs) if wanted and s.startswith(wanted + "-")
    ]


def _one(found: Iterable[str]) -> str | None:
    unique = set(found)
    return unique.pop() if len(unique) == 1 else None


def folded(text: str) -> str:
    """``text`` as it compares with capitals and the way accents are encoded
    set aside: ``Umsatz-Größer`` and ``umsatz-grösser`` (``ß`` casefolds to
    ``ss``), whether the ``ö`` is one character or ``o`` and a combining mark
    (as macOS file names and some terminals give it), fold alike. Unlike
    :func:`~okrsite.slug.slugify` it keeps the letters (``ö`` stays ``ö``),
    so it finds an id as written in another case without guessing more."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())


def _last(rid: str) -> str:
    return rid.rpartition("/")[2]


def targets_named(portfolio: Portfolio, name: str, also: Iterable[str] = ()) -> list[str]:
    """The ids of the objectives, KPIs or goals ``name`` names, sorted: one
    when it names one, several when it fits more than one equally well, none
    when it fits nothing.

    Tried in order, and the first way that fits anything decides (a closer
    fit is never made ambiguous by a looser one): the id itself; the last
    part of an id as written (``faster-support``, ``Faster-Support``); the
    id or its last part with case and Unicode normalisation set aside
    (:func:`folded`: ``faster-support`` names ``customer-success/Faster-Support``);
    the last part as a slug (``faster support``, ``umsatz-grosser``); the
    title as a slug. ``also`` are ids of files set aside for errors of their
    own, so a check-in can still name them (the loader judges it).
    """
    tables: list[Mapping[str, object]] = [portfolio.objectives, portfolio.kpis, portfolio.goals]
    ids = sorted({*(rid for table in tables for rid in table), *also})
    if name in ids:
        return [name]
    wanted, slug = folded(name), slugify(name)
    ways: list[Callable[[str], bool]] = [
        lambda rid: _last(rid) == name,
        lambda rid: wanted in (folded(rid), folded(_last(rid))),
        lambda rid: bool(slug) and slugify(_last(rid)) == slug,
    ]
    for fits in ways:
        found = [rid for rid in ids if fits(rid)]
        if found:
            return found
    if not slug:
        return []
    return sorted(
        {
            rid
            for table in tables
            for rid, record in table.items()
            if slugify(str(getattr(record, "title", ""))) == slug
        }
    )


def key_result_named(objective: Objective, name: str) -> str:
    """The id of the key result of ``objective`` that ``name`` names (its id,
    the id written with spaces, or its title or the start of it), or
    ``name`` itself when it names none or several."""
    ids = [kr.id for kr in objective.key_results]
    if name in ids:
        return name
    wanted = slugify(name)
    if not wanted:
        return name
    if wanted in ids:
        return wanted
    titled = [(kr.id, slugify(kr.title)) for kr in objective.key_results]
    found = _one(kid for kid, title in titled if title == wanted)
    if found is None:
        found = _one(kid for kid, title in titled if title.startswith(wanted + "-"))
    return found if found is not None else name


def target_guess(portfolio: Portfolio, name: str) -> str | None:
    """The id of the objective, KPI or goal whose id, last part of it or title
    is nearest to ``name`` (a "did you mean" for a name that fits none), or
    ``None``. Ids compare :func:`folded`, so a capital or an umlaut is no
    distance, and titles as slugs, as they are named."""
    options: dict[str, str] = {}
    for table in (portfolio.objectives, portfolio.kpis, portfolio.goals):
        for rid, record in sorted(table.items()):
            options.setdefault(folded(rid), rid)
            options.setdefault(folded(_last(rid)), rid)
            options.setdefault(slugify(str(getattr(record, "title", ""))), rid)
    options.pop("", None)
    for wanted in (folded(name), slugify(name)):
        guess = closest(wanted, options) if wanted else None
        if guess is not None:
            return options[guess]
    return None
