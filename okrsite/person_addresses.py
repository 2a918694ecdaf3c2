"""Which person an e-mail address names: the one rule for every reader.

People are named by addresses where they come from git, forms and
directories: a check-in's ``author: eve.park@acme.com``, a spreadsheet's
owner cell ``uma.diaz@acme.com``. Read as a name, an address is a second
person (``eve-park-acme-com``) with half the goals or a broken streak. Check-in
authors (:mod:`okrsite.author_addresses`) and imported owners
(:mod:`okrsite.import_owner_addresses`) both ask this module, so one address
names one person wherever it is written:

* an address is text with one ``@``, something before it, a domain with a
  dot after it, and no spaces;
* it names the person whose file gives it as ``email:``, compared as names
  are (case, and ``.``, ``_``, ``-`` between words, do not matter), with a
  ``+tag`` after the part before the ``@`` left out (``eve.park+okr@`` is
  ``eve.park@``, as mail servers deliver it);
* else the person whose whole name, id or file name the part before the
  ``@`` spells, with ``.``, ``_`` or ``-`` for its spaces and the same
  ``+tag`` left out (``eve.park``, ``eve_park``: Eve Park; ``juergen.weiss``:
  Jürgen Weiß), matched by the loader's own rules for names
  (:func:`okrsite.resolve_people.title_aliases`). A first or last name
  alone (``eve@``) is no one's whole name and names no one: the callers
  say whose it may be.
"""

from __future__ import annotations

from collections.abc import Mapping

from okrsite.model import Person
from okrsite.slug import slugify

__all__ = ["is_address", "name_of_address", "person_by_email", "person_of_address"]


def is_address(text: str) -> bool:
    """Whether ``text`` is an e-mail address (see the module)."""
    local, at, domain = text.strip().partition("@")
    return bool(
        at
        and local
        and "." in domain.strip(".")
        and "@" not in domain
        and not any(c.isspace() for c in text.strip())
    )


def _untagged(address: str) -> tuple[str, str]:
    """The part before the ``@`` without its ``+tag``, and the domain."""
    local, _, domain = address.strip().partition("@")
    return local.partition("+")[0] or local, domain


def name_of_address(address: str) -> str:
    """The name the part before the ``@`` spells, folded as names are
    (``Eve.Park+okr@acme.com``: ``eve-park``)."""
    return slugify(_untagged(address)[0])


def person_by_email(address: str, people: Mapping[str, Person]) -> str | None:
    """The id of the one person whose file gives ``address`` as its email."""
    local, domain = _untagged(address)
    wanted = {slugify(address), slugify(f"{local}@{domain}")}
    found = [pid for pid, p in people.items() if p.email and slugify(p.email) in wanted]
    return found[0] if len(found) == 1 else None


def person_of_address(address: str, people: Mapping[str, Person]) -> str | None:
    """The id of the person ``address`` names (see the module), or None."""
    from okrsite.resolve_people import title_aliases  # the people-name rules

    if not is_address(address):
        return None
    by_email = person_by_email(address, people)
    if by_email is not None:
        return by_email
    name = name_of_address(address)
    if not name:
        return None
    if name in people:
        return name
    return title_aliases(people, {name}).get(name)
