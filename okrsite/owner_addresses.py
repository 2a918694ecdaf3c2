"""Owners, leads and members written as e-mail addresses: the file whose ``email:`` it is.

An owner is named on a goal's pages and must name its person exactly, so
an address names only the person whose file gives it as ``email:`` (not,
as a check-in's author may, the person whose name the part before the
``@`` spells: :mod:`okrsite.author_addresses`). That address is compared
by the one rule every reader of addresses follows
(:func:`okrsite.person_addresses.person_by_email`: case, and ``.``, ``_``,
``-`` before the ``@``, do not matter, and a ``+tag`` is left out), so
``owner: eve_park+q4@acme.com`` is the Eve Park whose file gives
``eve.park@acme.com``, as the same address is as an author and in
``okrsite import``. Before, the owner's address was compared as one folded
name, which kept the ``+tag`` (OKR306 for Eve Park's own address), and an
address that named no one was told to make a new person of it
(``okrsite new person "EPark@acme.com"``): a second Eve. Now it is told
whose it may be, as an author written so is.
"""

from __future__ import annotations

from collections.abc import Mapping, Set

from okrsite.model import Person, Team
from okrsite.person_addresses import is_address, name_of_address, person_by_email
from okrsite.resolve_tables import Resolving


def address_written(r: Resolving, ref: str) -> str | None:
    """The address a person id was written as (the first spelling with ``@``):
    an owner's, lead's, member's or check-in author's."""
    for written in r.spellings.get(("person", ref), {}):
        if is_address(written):
            return written
    return None


def owner_addresses(r: Resolving, unknown: Set[str]) -> dict[str, str]:
    """Each person id in ``unknown`` written as an address that a person's
    file gives as its ``email:`` (by :func:`person_by_email`'s rule), with
    that file's id."""
    found: dict[str, str] = {}
    for ref in unknown:
        address = address_written(r, ref)
        person = person_by_email(address, r.people) if address is not None else None
        if person is not None:
            found[ref] = person
    return found


def unknown_address_hint(
    r: Resolving, ref: str, people: Mapping[str, Person], ends: Mapping[str, list[Person | Team]]
) -> str | None:
    """OKR306's hint for an owner, lead or member written as an address that
    is no person's ``email:``: the person whose first or last name alone
    the part before the ``@`` is (``eve@``), else the closest person's name
    (``EPark@``: Eve Park), as an author written so is told, rather than a
    new person file named by the address (a second Eve). ``None`` for a
    name that is no address, or an address like no one's name (the caller's
    hint then says how to add the person)."""
    address = address_written(r, ref)
    return address_hint(r, address, people, ends) if address is not None else None


def address_hint(
    r: Resolving,
    address: str,
    people: Mapping[str, Person],
    ends: Mapping[str, list[Person | Team]],
) -> str | None:
    """Whose an address that names no one may be, for an owner and a check-in
    author alike: the person whose first or last name alone the part before
    the ``@`` is (``ben@``: Ben Ortiz), else the closest person's name."""
    from okrsite.resolve_people import _first_or_last_name  # the owner's own rule

    local = name_of_address(address)
    if not local:
        return None
    return _first_or_last_name(local, ends) or r.hint_named("person", local, people)
