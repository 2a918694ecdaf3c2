"""A team's ``members:`` entry a letter or two from a person who has a file.

A member named without a file of their own is no slip: teams list people
who have no page of their own, and each becomes one. But ``Ben Ortis``
beside ``content/people/ben-ortiz.md`` is surely Ben Ortiz mistyped, and
silently became a second person with a page of their own, no figures and
no team but this one. OKR306 says so at the entry's line, with the name
to write (the closest person's, as for an owner), and that a member who is
someone else needs no file.
"""

from __future__ import annotations

from collections.abc import Callable

from okrsite.diagnostics import Diagnostic, warning
from okrsite.named_places import NamedPlace
from okrsite.resolve_tables import Resolving

__all__ = ["member_slip"]


def member_slip(
    r: Resolving, place: NamedPlace, shown: Callable[[NamedPlace], str]
) -> list[Diagnostic]:
    """OKR306 for the member at ``place`` when no person has their id but
    one is named almost so (``shown`` writes the member as the message
    shows people); none otherwise."""
    people, ref = r.people, place.ref
    if ref is None or not people or ref in people or ref in r.broken.get("person", set()):
        return []
    meant = r.hint_named("person", ref, people)
    if meant is None:
        return []
    return [
        warning(
            "OKR306",
            f"member {shown(place)} is not a person in content/people/ "
            "but is written almost as one who is",
            place.file,
            hint=f"{meant} (a member who is someone else needs no file: "
            "then leave the name as it is)",
            key_path=place.key,
        )
    ]
