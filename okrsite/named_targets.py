"""What ``okrsite checkin`` is told to check in, as people name it on a command line.

Files keep ids (a title changes with a rewording, and a reference to it
would break unseen), but a person typing a command names what they see on
the page: ``okrsite checkin "Answer support tickets faster"``, or the last
part of its id (``faster-support`` for ``company/faster-support``), and a
key result by its title (``--set "first response=4"``). When such a name
fits exactly one objective, KPI or SMART goal (or one key result of the
objective), the command uses its id, says so, and writes the id into the
file; otherwise the name is left as typed, and the loader's message, with
its "did you mean", says what is there.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from okrsite.model import Objective, Portfolio
from okrsite.parse import closest
from okrsite.slug import slugify

__all__ = ["key_result_named", "target_guess", "target_named"]


def _one(found: Iterable[str]) -> str | None:
    unique = set(found)
    return unique.pop() if len(unique) == 1 else None


def target_named(portfolio: Portfolio, name: str) -> str:
    """The id of the objective, KPI or goal ``name`` names (id, last part of
    its id, or title), or ``name`` itself when it names none or several."""
    tables: list[Mapping[str, object]] = [portfolio.objectives, portfolio.kpis, portfolio.goals]
    if any(name in table for table in tables):
        return name
    wanted = slugify(name)
    if not wanted:
        return name
    ids = [rid for table in tables for rid in table]
    found = _one(rid for rid in ids if rid == wanted or rid.endswith("/" + wanted))
    if found is None:
        titles = (
            (rid, getattr(record, "title", "")) for table in tables for rid, record in table.items()
        )
        found = _one(rid for rid, title in titles if slugify(title) == wanted)
    return found if found is not None else name


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
    """The id of the objective, KPI or goal whose id or title is nearest to
    ``name`` (a "did you mean" for a name that fits none), or ``None``."""
    wanted = slugify(name)
    options: dict[str, str] = {}
    for table in (portfolio.objectives, portfolio.kpis, portfolio.goals):
        for rid, record in table.items():
            options.setdefault(slugify(getattr(record, "title", "")), rid)
            options.setdefault(rid.rpartition("/")[2], rid)
    guess = closest(wanted, options) if wanted else None
    return options[guess] if guess is not None else None
