"""Owners a sheet names by email address: one person with the name beside it.

Spreadsheets name people both ways: ``Uma Diaz`` (or ``Diaz, Uma``) on one
row, ``uma.diaz@acme.com`` on another, pasted from a directory or a form.
Written as they stand, the two are two people (``uma-diaz`` and
``uma-diaz-acme-com``), each with a page and half the goals. An address is
the person whose file gives it (``email:``), else the person or the sheet's
owner whose name it spells before the ``@`` (``uma.diaz``, ``uma_diaz``,
``juergen.weiss`` for Jürgen Weiß): matched by
:func:`okrsite.person_addresses.person_of_address`, the rule check-in
authors are matched by too, with the sheet's names standing beside the
person files. Such an owner is written as that name, and
a note says so; an address that spells no one's name is kept as written.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from okrsite.model import Person
from okrsite.person_addresses import is_address, person_by_email, person_of_address
from okrsite.resolve_people import title_aliases
from okrsite.slug import slugify
from okrsite.spreadsheet_import import KRPlan, ObjectivePlan

__all__ = ["owners_by_address"]


def owners_by_address(plans: list[ObjectivePlan], people: Mapping[str, Person]) -> list[str]:
    """Write each owner given as an address as the person it names (see the
    module's docstring); the notes that say which, one per address."""
    holders = list(_owner_holders(plans))
    named: dict[str, Person] = dict(people)
    for _, owner, _ in holders:
        if owner and "@" not in owner and (pid := slugify(owner)) and pid not in named:
            if title_aliases(people, {pid}):
                continue  # a person file's title (udiaz.md: Uma Diaz): that one person
            named[pid] = Person(id=pid, file="", title=owner)  # a name the sheet writes
    written: dict[str, tuple[str, str, list[int]]] = {}  # folded: as written, name, rows
    for holder, owner, row in holders:
        if not owner or not is_address(owner):
            continue
        if owner.casefold() not in written:
            name = _named_by(owner, named)
            if name is None:
                continue
            written[owner.casefold()] = (owner, name, [])
        _, name, rows = written[owner.casefold()]
        holder.owner = name
        if row not in rows:
            rows.append(row)
    return [
        f"owner {address!r} (row{'s' if len(rows) > 1 else ''} "
        + ", ".join(map(str, sorted(rows)))
        + f") is written as {name!r}, "
        + (
            f"whose file {person.file} gives that address"
            if (person := _by_file(address, people))
            else f"the name it spells ({address.partition('@')[0]})"
        )
        + ", so the two are one person"
        for address, name, rows in written.values()
    ]


def _owner_holders(
    plans: list[ObjectivePlan],
) -> Iterator[tuple[ObjectivePlan | KRPlan, str | None, int]]:
    """Every objective and key result with the owner it gives and its row."""
    for plan in plans:
        yield plan, plan.owner, plan.row
        for kr in plan.key_results:
            yield kr, kr.owner, kr.row


def _named_by(address: str, named: Mapping[str, Person]) -> str | None:
    """The name of the one person ``address`` is (see the module's docstring)."""
    pid = person_of_address(address, named)
    if pid is None:
        return None
    person = named[pid]
    return person.title or person.id


def _by_file(address: str, people: Mapping[str, Person]) -> Person | None:
    """The person whose file gives ``address`` as its email."""
    pid = person_by_email(address, people)
    return people[pid] if pid is not None else None
