"""People and teams named with a letter of another script: ``Uma Dіaz`` (Cyrillic ``і``).

A name is slugged to an id (``uma-dіaz``) that differs from the id of the
person it was meant for (``uma-diaz``), though every page prints the two
alike: a check-in's ``author:`` so written makes a second "Uma Diaz" on the
People page, and an ``owner:`` a person without a file, whose "did you
mean 'Uma Diaz'?" would print exactly what was typed. Nobody means a second
person who prints as the first: such a name is read as the person or team
it looks like (:meth:`LookAlikeNames.read_as`, before the names are turned
into file ids), as ``Diaz, Uma`` or ``Juergen`` for ``Jürgen`` are, and
warning OKR320 (as for ids of files, :mod:`okrsite.confusable_ids`) says so
where the name is written, naming each odd letter with its place, so the
file gets fixed. One that has a file of its own is that file's, and only
the file's id is warned of.
"""

from __future__ import annotations

from collections.abc import Mapping

from okrsite.confusable_ids import look_alike_letters, skeleton
from okrsite.diagnostics import Diagnostic, warning
from okrsite.model import CheckIn
from okrsite.named_places import named_places
from okrsite.resolve_tables import Resolving

__all__ = ["LookAlikeNames"]

_WORDS = {"person": ("person", "content/people/"), "team": ("team", "content/teams/")}


class LookAlikeNames:
    """Which person and team ids look like another one, worked out once per
    load (and only for a site where some id is not plain ASCII)."""

    def __init__(self, r: Resolving) -> None:
        self.r = r
        self._looks: dict[str, dict[str, list[str]]] = {}

    def _twins(self, kind: str, ref: str) -> list[str]:
        """The other ids of ``kind`` (with a file, or named anywhere) that look
        like ``ref``; worked out only for a ``ref`` not in plain ASCII (most
        sites: none), which may be of the other kind (``owner: Plаtform``)."""
        if ref.isascii():
            return []
        if kind not in self._looks:
            table = self.r.people if kind == "person" else self.r.teams
            named = {ident for (k, ident) in self.r.spellings if k == kind} | set(table)
            looks: dict[str, list[str]] = {}
            for ident in sorted(named):
                looks.setdefault(skeleton(ident), []).append(ident)
            self._looks[kind] = looks
        looks = self._looks[kind]
        return [other for other in looks.get(skeleton(ref), ()) if other != ref]

    def meant(self, kind: str, ref: str) -> str | None:
        """The id ``ref`` (one without a file of its own) is read as: of the
        ids that look alike, the one with a file, else the one in plain
        ASCII, else the first; ``None`` when ``ref`` is that one, or looks
        like no other. One pick for all of them, so two that look alike
        are never read as each other."""
        table = self.r.people if kind == "person" else self.r.teams
        twins = self._twins(kind, ref) if ref not in table else []
        if not twins:
            return None
        other = min([*twins, ref], key=lambda t: (t not in table, not t.isascii(), t))
        return None if other == ref else other

    def read_as(self, kind: str) -> dict[str, str]:
        """Each id of ``kind`` named without a file and not in plain ASCII
        that looks like another, with the id it is read as (most sites:
        none, and no id is compared). Of teams, also each ``owner:`` of an
        objective, KPI or goal that looks like no person but like a team
        (``owner: Plаtform``, Cyrillic ``а``): an owner may name a team,
        so it is compared with both, as ``team:`` is with teams."""
        table = self.r.people if kind == "person" else self.r.teams
        found: dict[str, str] = {}
        for k, ref in self.r.spellings:
            if k == kind and ref not in table and not ref.isascii():
                other = self.meant(kind, ref)
                if other is not None:
                    found[ref] = other
        if kind == "team":
            found.update(self._owners_as_teams())
        return found

    def _owners_as_teams(self) -> dict[str, str]:
        """Owners (of an objective, KPI or goal) named without a file and not
        in plain ASCII that look like no person but like a team, with the
        team each is read as."""
        people, teams = self.r.people, self.r.teams
        maybe: dict[str, str] = {}
        for k, ref in self.r.spellings:
            if k != "person" or ref in people or ref in teams or ref.isascii():
                continue
            if self.meant("person", ref) is None and (other := self.meant("team", ref)):
                maybe[ref] = other
        if not maybe:  # most sites: no walk of the records
            return maybe
        owners = {
            place.ref
            for place in named_places(self.r)
            if place.what == "owner" and place.record is not None and place.ref in maybe
        }
        return {ref: other for ref, other in maybe.items() if ref in owners}

    def warning(
        self,
        kind: str,
        ref: str,
        file: str,
        key: tuple[str | int, ...],
        what: str,
        written_as: str | None = None,
    ) -> Diagnostic | None:
        """OKR320 for ``ref`` (an id that has no file of its own, as ``file``
        names it under ``key``) when it looks like another person's or team's
        id and is read as that one; ``None`` when it does not. ``written_as``:
        the kind ``ref`` was written as, where not ``kind`` (an owner read as
        a team)."""
        other = self.meant(kind, ref)
        if other is None:
            return None
        table = self.r.people if kind == "person" else self.r.teams
        written = self._name(written_as or kind, ref, file)
        meant = table[other].title if other in table else self._name(kind, other, None)
        word, folder = _WORDS[kind]
        where = f" ({table[other].file})" if other in table else ""
        return warning(
            "OKR320",
            f"{what} {written!r} looks like the {word} {meant!r}{where} and is read as "
            f"that {word}, though search, git grep and CODEOWNERS tell the two apart: "
            f"{look_alike_letters(written, meant)}",
            file,
            hint=f"write {meant!r} with the letters meant; if it is another {word}, "
            f"add its file to {folder}",
            key_path=key,
        )

    def place_warnings(self, read: Mapping[str, Mapping[str, str]]) -> list[Diagnostic]:
        """OKR320 at each ``owner:``, ``team:``, ``lead:``, ``members:`` entry,
        ``parent:`` and check-in ``author:`` that names an id of ``read`` (kind -> id -> the
        id it is read as, :meth:`read_as`), before they are so read."""
        found: list[Diagnostic] = []
        if not read.get("person") and not read.get("team"):
            return found
        for place in named_places(self.r):
            if place.ref is None:
                continue
            kind = place.kind
            if place.ref not in read.get(kind, {}):
                if kind != "person" or place.record is None:
                    continue
                if place.ref not in read.get("team", {}):
                    continue
                kind = "team"  # owner: Plаtform, read as the team Platform
            said = self.warning(kind, place.ref, place.file, place.key, place.what, place.kind)
            if said is not None:
                found.append(said)
        return found + self.author_warnings(self.r.checkins)

    def _name(self, kind: str, ref: str, file: str | None) -> str:
        """The person or team as ``file`` writes it (any file: ``None``)."""
        spellings = self.r.spellings.get((kind, ref), {})
        for name, files in spellings.items():
            if file is None or file in files:
                return name
        return self.r.written_names.get((kind, ref)) or ref

    def author_warnings(self, checkins: list[CheckIn]) -> list[Diagnostic]:
        """OKR320 for each check-in whose ``author:`` looks like another person."""
        found = []
        for c in checkins:
            said = (
                self.warning("person", c.author, c.file, ("author",), "author")
                if c.author
                else None
            )
            if said is not None:
                found.append(said)
        return found
