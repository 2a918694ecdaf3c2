"""People and teams named with a letter of another script: ``Uma Dіaz`` (Cyrillic ``і``).

A name is slugged to an id (``uma-dіaz``) that differs from the id of the
person it was meant for (``uma-diaz``), though every page prints the two
alike: a check-in's ``author:`` so written makes a second "Uma Diaz" on the
People page, and an ``owner:`` a person without a file, whose "did you
mean 'Uma Diaz'?" would print exactly what was typed. content-format.md
promises warning OKR320 for such names as for ids of files
(:mod:`okrsite.confusable_ids`): :class:`LookAlikeNames` gives it where the
name is written, naming the person or team it looks like and each odd
letter with its place.
"""

from __future__ import annotations

from okrsite.confusable_ids import look_alike_letters, skeleton
from okrsite.diagnostics import Diagnostic, warning
from okrsite.model import CheckIn
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
        """The other ids of ``kind`` (with a file, or named anywhere) that look like ``ref``."""
        if kind not in self._looks:
            table = self.r.people if kind == "person" else self.r.teams
            named = {ident for (k, ident) in self.r.spellings if k == kind} | set(table)
            looks: dict[str, list[str]] = {}
            if not all(ident.isascii() for ident in named):
                for ident in sorted(named):
                    looks.setdefault(skeleton(ident), []).append(ident)
            self._looks[kind] = looks
        looks = self._looks[kind]
        if not looks or ref.isascii():
            return []
        return [other for other in looks.get(skeleton(ref), ()) if other != ref]

    def warning(
        self, kind: str, ref: str, file: str, key: tuple[str | int, ...], what: str
    ) -> Diagnostic | None:
        """OKR320 for ``ref`` (an id that has no file of its own, as ``file``
        names it under ``key``) when it looks like another person's or team's
        id; ``None`` when it does not."""
        table = self.r.people if kind == "person" else self.r.teams
        twins = self._twins(kind, ref) if ref not in table else []
        if not twins:
            return None
        other = min(twins, key=lambda t: (t not in table, not t.isascii(), t))
        written = self._name(kind, ref, file)
        meant = table[other].title if other in table else self._name(kind, other, None)
        word, folder = _WORDS[kind]
        where = f" ({table[other].file})" if other in table else ""
        return warning(
            "OKR320",
            f"{what} {written!r} looks like the {word} {meant!r}{where} but is another "
            f"{word}, shown apart on every page: {look_alike_letters(written, meant)}",
            file,
            hint=f"write {meant!r} with the letters meant, or the two are two "
            f"{word}s, one of them without a file in {folder}",
            key_path=key,
        )

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
