"""OKR306's hint after a re-org: a person or team renamed, merged or gone, without ``aliases:``.

After ``customer-success.md`` became ``customer-experience.md`` (or Sales
EMEA was merged into Field Sales) without an ``aliases:`` line, every goal
of every closed quarter names a team that has no file. The documented fix is
one line in the new file (``aliases: [Customer Success]``,
docs/content-format.md), but the hint guessed by letters alone: "did you
mean 'customer-experience'?" invited editing ten closed-quarter files, and
for Sales EMEA the nearest name by letters is ``sales``, its old *parent*,
which would move its history to the wrong team. A person who left (their
file deleted) was only told to add a file, with no word of why.

So a name that is no slip of a letter or two of a current name
(:data:`SLIP`), and shares its first or last word with the name of exactly
one person or team (Customer *Success* / Customer Experience, Sales EMEA /
Field *Sales*, *Uma* Diaz / Uma Smith), is taken for that one's former name:
the hint says to list it under ``aliases:`` in that file. A team whose
name's words are all in the unknown name (``Sales`` for ``Sales EMEA``) is
a broader team, never the guess. A person matching no one is most likely
someone who left: keeping their file is the fix. The words are looked up in
the index :mod:`okrsite.resolve_people` builds once per load for OKR306
(:func:`okrsite.resolve_people._name_ends`), so a site with thousands of
goals naming someone gone pays for it once per name (``hints``).
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from datetime import date

from okrsite.model import Person, Team
from okrsite.parse import closest
from okrsite.resolve_tables import Resolving
from okrsite.slug import slugify

#: how alike (difflib's ratio of the two ids) a name must be to a current
#: one to be a slip of it (``customer-experiance``: 0.95), not another name
#: (``customer-success`` against ``customer-experience``: 0.63)
SLIP = 0.85


class RenameHints:
    """The hints of one load for names of people and teams that have no
    file, each worked out once per name (a name gone is named by many goals)."""

    def __init__(self, r: Resolving) -> None:
        self.r = r
        self._past_owners: set[str] | None = None

    def written(self, kind: str, ref: str) -> str:
        """The name as the first file to write it writes it (``Kim Park``)."""
        return self.r.written_names.get((kind, ref)) or ref

    def hint(self, kind: str, ref: str, ends: Mapping[str, list[Person | Team]]) -> str | None:
        """The hint for ``ref``, which names no ``kind`` file, when it is
        another name of one person or team, or a broader team's name would
        be the guess; ``None`` leaves it to the usual guesses (a slip of a
        current name)."""
        key = ("renamed", kind, ref)
        hints = self.r.hints
        if key not in hints:
            known = self.r.people if kind == "person" else self.r.teams
            hints[key] = _hint(kind, ref, self.written(kind, ref), known, ends)
        return hints[key]

    def left(self, ref: str) -> str:
        """What the hint to add a person's file adds for someone who owns
        goals of a cycle that has ended, named nowhere else: they most likely
        left, and keeping their file is the fix (closed quarters stay as
        they are). Nothing for a person named by current goals only (a
        newcomer whose file is still to be written)."""
        if self._past_owners is None:
            r = self.r
            today = r.as_of or r.config.as_of or date.today()
            self._past_owners = {
                o.owner
                for o in r.objectives.values()
                if o.owner
                and (cycle := r.known_cycles.get(o.cycle or "")) is not None
                and cycle.end < today
            }
        if ref not in self._past_owners:
            return ""
        return (
            f"; if {self.written('person', ref)} left, keep their person file (restore "
            "it from git, with a note that they left): their past goals stay theirs, "
            "and no closed quarter needs an edit"
        )


def _hint(
    kind: str,
    ref: str,
    written: str,
    known: Mapping[str, Person] | Mapping[str, Team],
    ends: Mapping[str, list[Person | Team]],
) -> str | None:
    names = {slugify(rec.title): rid for rid, rec in known.items() if rec.title}
    names.update({rid: rid for rid in known})
    guess = closest(ref, names)
    if guess is not None and difflib.SequenceMatcher(None, ref, guess).ratio() >= SLIP:
        return None  # a slip of a current name: "did you mean" says which
    words = [w for w in ref.split("-") if w]
    if not words:
        return None
    found: dict[str, Person | Team] = {}
    for word in dict.fromkeys((words[0], words[-1])):
        for rec in ends.get(word, []):
            if isinstance(rec, Person) == (kind == "person"):
                found[rec.id] = rec
    if len(found) == 1:
        rec = next(iter(found.values()))
        return (
            f"if {written!r} was renamed {rec.title!r} or merged into it, add "
            f"aliases: [{written}] to {rec.file}: the goals that name it, closed "
            "quarters too, then need no edit"
        )
    broader = guess is not None and set(guess.split("-")) < set(words)
    if kind == "team" and broader:  # Sales for Sales EMEA: the old parent, not the team it became
        return (
            f"if {written!r} was renamed or merged into another team, add aliases: "
            f"[{written}] to that team's file in content/teams/; else add "
            f"content/teams/{ref}.md"
        )
    return None
