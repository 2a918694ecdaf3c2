"""Check-in authors written as e-mail addresses: the person the address names.

Teams that take check-ins from git or a form paste the author's address
(``author: eve.park@acme.com``). Read as a name, it is the id
``eve-park-acme-com``: a second person with a page of their own, and Eve
Park's weekly streak loses the week. An address names the person
:func:`okrsite.person_addresses.person_of_address` says it does (the one
rule imported owners are matched by too: the file that gives it as
``email:``, else the whole name its part before the ``@`` spells). An
address that names no one so is warned of (OKR306) with the closest
person's name, so no author is quietly split in two.

Only an author: an owner written as an address must be a file's ``email:``
(:mod:`okrsite.owner_addresses`), as the owner of a goal is named on its
pages and must name its person exactly.
"""

from __future__ import annotations

from collections.abc import Mapping, Set

from okrsite.diagnostics import Diagnostic, warning
from okrsite.model import CheckIn, Person, Team
from okrsite.owner_addresses import address_hint, address_written
from okrsite.person_addresses import person_of_address
from okrsite.resolve_tables import Resolving


def author_addresses(
    r: Resolving, unknown: Set[str], named_elsewhere: Set[str], checkins: list[CheckIn]
) -> dict[str, str]:
    """Each check-in author in ``unknown`` written as an address, with the id
    of the person it names (``eve.park``: Eve Park). ``named_elsewhere``: ids also named as an owner, lead or
    member, left to their own rules (the id is one, so it is mapped for all
    or none)."""
    found: dict[str, str] = {}
    for author in {c.author for c in checkins if c.author is not None}:
        if author not in unknown or author in named_elsewhere:
            continue
        address = address_written(r, author)
        if address is None:
            continue
        person = person_of_address(address, r.people)
        if person is not None:
            found[author] = person
    return found


def address_author_warnings(
    r: Resolving, checkins: list[CheckIn], people: Mapping[str, Person]
) -> list[Diagnostic]:
    """OKR306 at each check-in whose author is an address that names no
    person (see the module): as the hint, the person whose first or last
    name it is (``ben@``: Ben Ortiz, as ``owner: Ben`` is told), else the
    closest person's name, else the line to add to the person's file."""
    from okrsite.resolve_people import _name_ends  # the owner's rule

    out: list[Diagnostic] = []
    ends: dict[str, list[Person | Team]] | None = None
    for c in checkins:
        if c.author is None or c.author in people:
            continue
        address = address_written(r, c.author)
        if address is None:
            continue
        # a first or a last name alone (ben@, park@) is whose name it ends,
        # as for an owner written so; else the name closest by letters
        if ends is None:
            ends = _name_ends(people.values())
        hint = address_hint(r, address, people, ends)
        out.append(
            warning(
                "OKR306",
                f"author {address!r} ({c.author}) is not a person in content/people/: "
                "the address names no person's file (email:) and no person's name",
                c.file,
                hint=hint or f"add email: {address} to the person's file in content/people/",
                key_path=("author",),
            )
        )
    return out
