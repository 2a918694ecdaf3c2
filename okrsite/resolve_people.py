"""People and teams: names written as titles, owners that are teams, and checks.

A phase of :func:`okrsite.resolve.resolve`. People write a person or team by
name (``owner: Uma Diaz``) as often as by id; a name that is a file's title
(or a person's email or handle) becomes that file's id (an owner that
names a team then makes the team the owner: :mod:`okrsite.team_owners`),
and a name that is neither gets a warning quoting it as the file writes
it, with the command that adds its file. A
team or person file may list the names and ids it was known by
(``aliases:``): a goal that still writes one (last quarter's, before the
team was renamed) names that file, without a word, as a name written as its
title does. The team tree's loops are cut as the objectives' are.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from okrsite.author_addresses import address_author_warnings, author_addresses
from okrsite.diagnostics import Diagnostic, error, warning
from okrsite.look_alike_names import LookAlikeNames
from okrsite.member_slips import member_slip
from okrsite.model import KPI, CheckIn, Goal, Objective, Person, Team
from okrsite.named_places import named_places
from okrsite.owner_addresses import owner_addresses, unknown_address_hint
from okrsite.parse import without_note
from okrsite.resolve_hints import _and_list, _former_name_meant, _some_files, handle_meant
from okrsite.resolve_rename_hints import RenameHints
from okrsite.resolve_tables import Resolving
from okrsite.slug import slugify, umlauts_spelled_out
from okrsite.team_owners import another_team_as_owner


def _unknown_names(
    people: Mapping[str, Person],
    teams: Mapping[str, Team],
    tables: Iterable[Mapping[str, object]],
    checkins: Sequence[CheckIn],
) -> tuple[set[str], set[str]]:
    """The people and teams named that have no file of that id (most sites: none)."""
    if not people and not teams:  # nobody to be named by a title
        return set(), set()
    named_people: set[str] = {c.author for c in checkins if c.author is not None}
    named_teams: set[str] = set()
    for table in tables:
        for rec in table.values():
            if isinstance(rec, (Objective, KPI, Goal)):
                named_people.add(rec.owner or "")
                named_teams.add(rec.team or "")
                if isinstance(rec, Objective):
                    named_people.update(i.owner or "" for i in rec.initiatives)
            elif isinstance(rec, Team):
                named_people.add(rec.lead or "")
                named_people.update(rec.members)
                named_teams.add(rec.parent or "")
            elif isinstance(rec, Person):
                named_teams.add(rec.team or "")
    return named_people - people.keys() - {""}, named_teams - teams.keys() - {""}


def title_aliases(
    table: Mapping[str, Team] | Mapping[str, Person], unknown: set[str]
) -> dict[str, str]:
    """Ids that names written as a person's or team's ``title`` become, each
    with the id of that file, where the two differ: ``Jürgen Weiß`` becomes
    ``jurgen-weiss``, and ``people/juergen-weiss.md`` is the file whose title
    it is. A person is also named by the ``email``, ``github`` or ``gitlab``
    of their file (``owner: uma@example.com``, ``owner: "@udiaz"``), as
    issue trackers and sheets name people, and a team by its ``github`` or
    ``gitlab`` handle (``team: "@acme/platform"``), as CODEOWNERS names it. A title with ``ä``, ``ö`` or ``ü``
    also answers to them spelled ``ae``, ``oe``, ``ue`` (``Juergen Weiss`` for
    ``Jürgen Weiß``), as Germans write them on ASCII keyboards and in git
    authors, and a person's name or id with dots for its spaces or hyphens
    (``zoe.angstrom`` for ``Zoë Ångström``, as logins write it) is that
    person. Only for the ids named that have
    no file of their own (``unknown``); a name two files share stays as it
    is (its reference is then checked as written). Last, a file is named by
    its own name folded as names are (``owner: Uma`` folds to ``uma``: the
    file ``people/Uma.md``, one page on any disk), where no title or
    address names another file so."""
    if not unknown:
        return {}
    found: dict[str, str | None] = {}
    # a person written as ids are, with dots for spaces (zoe.angstrom, as
    # logins and addresses write them): the name it folds to (zoe-angstrom)
    dotted = {slugify(u): u for u in unknown if "." in u and "/" not in u}
    for rid, rec in table.items():
        names: list[str | None] = [rec.title]
        if isinstance(rec, Person):  # as a tracker or a sheet names people
            names += [rec.email, rec.github, rec.gitlab]
            if rec.title:  # named without the note after the name (Uma Diaz (PM))
                names.append(without_note(rec.title))
        else:  # a team by its handle (team: "@acme/platform"), as CODEOWNERS names it
            names += [rec.github, rec.gitlab]
        # and as German writes its umlauts without them (Juergen for Jürgen)
        names += [umlauts_spelled_out(name) for name in names if name and not name.isascii()]
        for slug in {slugify(name) for name in names if name} | {rid}:
            if slug in unknown:
                found[slug] = rid if found.get(slug, rid) == rid else None
            if isinstance(rec, Person) and slug in dotted:
                written = dotted[slug]
                found[written] = rid if found.get(written, rid) == rid else None
    by_file_name: dict[str, str | None] = {}
    for rid in table:
        slug = slugify(rid)
        if "/" not in rid and slug != rid and slug in unknown and slug not in found:
            by_file_name[slug] = rid if by_file_name.get(slug, rid) == rid else None
    found.update(by_file_name)
    return {slug: rid for slug, rid in found.items() if rid is not None}


_Known = Person | Team


def declared_aliases(
    table: Mapping[str, _Known], also: Iterable[_Known] = ()
) -> tuple[dict[str, str], list[tuple[str, _Known, _Known]]]:
    """The ids the files of ``table`` (and ``also``: those set aside for
    errors of their own) say they were known by (``aliases:``), each with
    the id of its file; and the aliases that name no one file, each with the
    file that claims it and the other file (``alias``, ``claimant``,
    ``other``): an alias that is another file's id (that file is what it
    names, as it is now), or one two files claim (it names neither: which
    team last quarter's goals meant is for people to say). Files are taken
    in path order, so the same file is named first on every run."""
    records = [*table.values(), *also]
    if not any(rec.aliases for rec in records):  # most sites: no file was renamed
        return {}, []
    records.sort(key=lambda rec: rec.file)
    ids: dict[str, _Known] = {rec.id: rec for rec in records}
    owners: dict[str, _Known] = {}
    clashes: list[tuple[str, _Known, _Known]] = []
    for rec in records:
        for alias in rec.aliases:
            first: _Known = ids.get(alias) or owners.setdefault(alias, rec)
            if first.id != rec.id:
                clashes.append((alias, rec, first))
    claimed = {alias for alias, _, _ in clashes}
    return {alias: rec.id for alias, rec in owners.items() if alias not in claimed}, clashes


def _alias_clashes(
    r: Resolving, kind: str, clashes: list[tuple[str, _Known, _Known]]
) -> list[Diagnostic]:
    """An error at each file whose alias names another file or that another
    file claims too, naming both files; a reference to such an alias is no
    second finding (it names the file of that id, or is set aside)."""
    found: list[Diagnostic] = []
    for alias, rec, other in clashes:
        shown = _shown(r, kind, alias, rec.file)
        if other.id == alias:
            message = f"{kind} alias {shown} is the id of {other.file}: it names that {kind}"
            hint = (
                f"remove it from aliases: here, or, if {other.file} is the old file of "
                f"this {kind}, delete it: a renamed {kind} keeps one file"
            )
        else:
            message = f"{kind} alias {shown} is also an alias of {other.file}: it names neither"
            hint = f"keep it in the file of the {kind} it was, and remove it from the other"
            r.broken.setdefault(kind, set()).add(alias)
            if kind == "team":  # owner: Growth Marketing names no person either
                r.broken.setdefault("person", set()).add(alias)
        found.append(error("OKR301", message, rec.file, hint=hint, key_path=("aliases",)))
    return found


def _named_by(records: Iterable[_Known]) -> tuple[dict[str, _Known], dict[str, _Known]]:
    """The files of ``records`` by id, and by the id their title slugs to
    where that is another (``Customer Success`` of ``teams/cs.md``), in path
    order: the first file of a name is the one named."""
    by_id: dict[str, _Known] = {}
    by_title: dict[str, _Known] = {}
    for rec in sorted(records, key=lambda rec: rec.file):
        by_id.setdefault(rec.id, rec)
        if rec.title and slugify(rec.title) not in (rec.id, ""):
            by_title.setdefault(slugify(rec.title), rec)
    return by_id, by_title


def _aliases_across_kinds(
    r: Resolving,
    people: list[Person],
    teams: list[Team],
    person_formerly: dict[str, str],
    team_formerly: dict[str, str],
) -> list[Diagnostic]:
    """OKR301 at each person's alias that is a team's id or name, or that a
    team lists too, and at each team's alias that is a person's id or name,
    naming both files. ``owner: finance`` names a person or a team: a
    person's former name ``finance`` beside ``teams/finance.md`` silently
    made every goal of the team that person's; ``owner:`` names what it
    names without the alias (the team), and an alias both list names
    neither. ``person_formerly`` and ``team_formerly`` lose the aliases
    that name no one file."""
    if not any(p.aliases for p in people) and not any(t.aliases for t in teams):
        # most sites: no file was renamed
        return []
    team_ids, team_titles = _named_by(teams)
    person_ids, person_titles = _named_by(people)
    team_aliases = {alias: rec for rec in teams for alias in rec.aliases}
    found: list[Diagnostic] = []

    def owner(kind: str, rec: _Known, alias: str) -> str:
        """``owner: Uma Diaz``, as ``rec``'s file writes the alias."""
        return f"owner: {_own_spelling(r, kind, alias, rec.file) or alias}"

    def clash(kind: str, rec: _Known, alias: str, what: str, hint: str) -> None:
        shown = _shown(r, kind, alias, rec.file)
        found.append(
            error(
                "OKR301", f"{kind} alias {shown} {what}", rec.file, hint=hint, key_path=("aliases",)
            )
        )

    hint = "remove it from aliases: here: a person and a team cannot go by one name"
    for person in sorted(people, key=lambda rec: rec.file):
        for alias in person.aliases:
            team = team_ids.get(alias) or team_titles.get(alias)
            if team is not None:
                how = "id" if team.id == alias else f"name ({team.title!r})"
                clash(
                    "person",
                    person,
                    alias,
                    f"is the {how} of the team {team.file}: {owner('person', person, alias)} "
                    "names that team",
                    hint,
                )
            elif alias in team_aliases:
                team = team_aliases[alias]
                clash(
                    "person",
                    person,
                    alias,
                    f"is also an alias of the team {team.file}: it names neither",
                    "keep it in the file of the one it was, and remove it from the other",
                )
                team_formerly.pop(alias, None)
                r.broken.setdefault("team", set()).add(alias)
                r.broken.setdefault("person", set()).add(alias)
            else:
                continue
            if person_formerly.get(alias) == person.id:
                del person_formerly[alias]
    for team in sorted(teams, key=lambda rec: rec.file):
        for alias in team.aliases:
            named = person_ids.get(alias) or person_titles.get(alias)
            if named is not None:
                how = "id" if named.id == alias else f"name ({named.title!r})"
                clash(
                    "team",
                    team,
                    alias,
                    f"is the {how} of the person {named.file}: {owner('team', team, alias)} "
                    "names that person",
                    hint,
                )
    return found


def _use_file_ids(
    people: Mapping[str, str],
    teams: Mapping[str, str],
    tables: Iterable[dict[str, object]],
    checkins: list[CheckIn],
    owner_teams: Mapping[str, str] | None = None,
) -> None:
    """Put the file's id wherever a person or team is named by its title
    (:func:`title_aliases`) or by a name it was known by
    (:func:`declared_aliases`): owners, teams, authors, leads, parent teams.
    ``owner_teams``: a team's former names, for an owner that names no
    person (``owner: Growth Marketing``): the team, which then owns it
    (:func:`okrsite.team_owners.team_as_owner`). The tables and
    ``checkins`` are changed in place, records replaced."""
    to_team = owner_teams or {}

    def person(ref: str | None) -> str | None:
        return people.get(ref, ref) if ref is not None else None

    def owner(ref: str | None) -> str | None:
        named = person(ref)
        return to_team.get(named, named) if named is not None else None

    def team(ref: str | None) -> str | None:
        return teams.get(ref, ref) if ref is not None else None

    def renamed(rec: object) -> object:
        if isinstance(rec, Objective) and any(person(i.owner) != i.owner for i in rec.initiatives):
            initiatives = tuple(replace(i, owner=person(i.owner)) for i in rec.initiatives)
            rec = replace(rec, initiatives=initiatives)
        if isinstance(rec, (Objective, KPI, Goal)):
            owned_by, in_team = owner(rec.owner), team(rec.team)
            if owned_by != rec.owner or in_team != rec.team:
                return replace(rec, owner=owned_by, team=in_team)
        elif isinstance(rec, Team):
            lead, parent = person(rec.lead), team(rec.parent)
            places = rec.member_places or range(len(rec.members))
            # two names of one person: the first written stays, at its place
            kept: dict[str, int] = {}
            for m, at in zip(rec.members, places, strict=True):
                kept.setdefault(people.get(m, m), at)
            members = tuple(kept)
            if lead != rec.lead or parent != rec.parent or members != rec.members:
                return replace(
                    rec,
                    lead=lead,
                    parent=parent,
                    members=members,
                    member_places=tuple(kept.values()),
                )
        elif isinstance(rec, Person):
            in_team = team(rec.team)
            if in_team != rec.team:
                return replace(rec, team=in_team)
        return rec

    for table in tables:
        for rid, rec in table.items():
            table[rid] = renamed(rec)
    for i, checkin in enumerate(checkins):
        author = person(checkin.author)
        if author != checkin.author:
            checkins[i] = replace(checkin, author=author)


def _names_as_file_ids(r: Resolving) -> None:
    """Put the file's id wherever a person or team is named by its title,
    or by a name its file says it was known by (``aliases:``)."""
    people, teams, checkins = r.people, r.teams, r.checkins
    tables, aside = r.tables, r.aside
    aside_people: list[Person] = list(aside["person"].values())  # type: ignore[arg-type]
    aside_teams: list[Team] = list(aside["team"].values())  # type: ignore[arg-type]
    # no note for a reference by a former name: it is last quarter's goal as
    # written then, which nobody should have to rewrite (OKR301 if unclear)
    person_formerly, person_clashes = declared_aliases(people, aside_people)
    team_formerly, team_clashes = declared_aliases(teams, aside_teams)
    r.diags += _alias_clashes(r, "person", person_clashes)
    r.diags += _alias_clashes(r, "team", team_clashes)
    r.diags += _aliases_across_kinds(
        r,
        [*people.values(), *aside_people],
        [*teams.values(), *aside_teams],
        person_formerly,
        team_formerly,
    )
    # a name written as a person's or team's title names that file
    unknown_people, unknown_teams = _unknown_names(
        people, teams, [*tables.values(), *aside.values()], checkins
    )
    person_ids = {
        **title_aliases(people, unknown_people - person_formerly.keys()),
        **person_formerly,
    }
    if people and any(
        "@" in name
        for (kind, _), names in r.spellings.items()
        if kind == "person"
        for name in names
    ):
        # an author written as an address: the person its name before the @ spells
        elsewhere = _unknown_names(people, teams, [*tables.values(), *aside.values()], [])[0]
        left = unknown_people - person_ids.keys()
        person_ids = {**author_addresses(r, left, elsewhere, checkins), **person_ids}
        # an owner, lead or member written as an address: the file whose email: it is
        person_ids = {**owner_addresses(r, unknown_people - person_ids.keys()), **person_ids}
    # an owner that names no person may name a team by its title (owner:
    # Customer Success of teams/kundenerfolg.md), as team: does: one lookup
    # for both, so the team owns it (okrsite.team_owners) and no person is
    # made up of the name
    # a name written with a letter of another script that looks like a
    # person's or team's (Uma Dіaz, Cyrillic і): the one it looks like, with
    # OKR320 where it is written (okrsite.look_alike_names)
    alike = LookAlikeNames(r)
    read = {kind: alike.read_as(kind) for kind in ("person", "team")}
    r.diags += alike.place_warnings(read)
    person_ids.update((ref, person_ids.get(meant, meant)) for ref, meant in read["person"].items())
    owner_names = unknown_people - person_ids.keys()
    team_ids = {
        **title_aliases(teams, (unknown_teams | owner_names) - team_formerly.keys()),
        **team_formerly,
    }
    team_ids.update((ref, team_ids.get(meant, meant)) for ref, meant in read["team"].items())
    owner_teams = {
        alias: tid
        for alias, tid in team_ids.items()
        if alias not in people and alias not in person_ids
    }
    if person_ids or team_ids:
        _use_file_ids(
            person_ids, team_ids, [*tables.values(), *aside.values()], checkins, owner_teams
        )


def _own_spelling(r: Resolving, kind: str, ref: str, file: str) -> str | None:
    """The person or team as ``file`` writes it (the first way, if several)."""
    for name, files in r.spellings.get((kind, ref), {}).items():
        if file in files:
            return name
    return r.written_names.get((kind, ref))


def _shown(r: Resolving, kind: str, ref: str, file: str) -> str:
    """``'Uma Diaz' (uma-diaz)`` for a name, ``'uma-diaz'`` for an id, as ``file`` writes it."""
    name = _own_spelling(r, kind, ref, file)
    return f"{name!r} ({ref})" if name and name != ref else repr(ref)


def _also(r: Resolving, kind: str, ref: str, file: str) -> str:
    """The other ways other files write the same person or team, and where
    (``"; also written 'uma diaz' (content/objectives/a.md)"``): each
    spelling is a file someone fixing them has to find."""
    name = _own_spelling(r, kind, ref, file)
    others = [
        f"{other!r} ({_some_files(files)})"
        for other, files in r.spellings.get((kind, ref), {}).items()
        if other != name
    ]
    if not others:
        return ""
    return "; also written " + _and_list(others[:3], len(others) - 3, "other spelling")


def _add_file(r: Resolving, kind: str, ref: str, file: str) -> str:
    """``add content/people/uma-diaz.md (okrsite new person "Uma Diaz")``:
    where the file goes, and the command that writes it with the name as
    this file writes it, to paste: one that works when pasted, whatever
    the name holds."""
    folder = "people" if kind == "person" else "teams"
    name = _own_spelling(r, kind, ref, file) or ref
    if name == ref:
        quoted = ref  # an id needs no quotes
    elif not any(c in name for c in '"$`\\!'):
        quoted = f'"{name}"'
    else:
        quoted = shlex.quote(name)
    # a name starting with "-" (a bullet pasted from a list) reads as an
    # option to the command line: "--" ends the options, so it is the name
    ends = "-- " if name.startswith("-") else ""
    return f"add content/{folder}/{ref}.md (okrsite new {kind} {ends}{quoted})"


def _email_of_known(r: Resolving, ref: str, file: str, people: Mapping[str, Person]) -> str | None:
    """``add email: tom.lee@acme.test to content/people/tom-lee.md`` for an
    owner written as an address whose name before the ``@`` is a person's id
    whose file gives no such address: naming them by it then works, where
    ``okrsite new person`` would make a second person of the address."""
    written = _own_spelling(r, "person", ref, file) or ref
    local, at, _domain = written.partition("@")
    person = people.get(slugify(local)) if at and local else None
    if person is None or person.email:
        return None
    return (
        f"add email: {written} to {person.file}, so that the address names "
        f"{person.title or person.id}"
    )


def _name_ends(known: Iterable[Person | Team]) -> dict[str, list[Person | Team]]:
    """The people or teams by the first and the last word of their names
    (``uma`` and ``diaz`` for Uma Diaz), for :func:`_first_or_last_name`:
    made once per load, as a site may have thousands of check-ins by
    authors who are no person's id."""
    ends: dict[str, list[Person | Team]] = {}
    for rec in known:
        words = slugify(without_note(rec.title or "")).split("-")
        if len(words) > 1:
            for word in dict.fromkeys((words[0], words[-1])):
                ends.setdefault(word, []).append(rec)
    return ends


def _first_or_last_name(ref: str, ends: Mapping[str, list[Person | Team]]) -> str | None:
    """``did you mean Uma Diaz (uma-diaz)?`` for a name of one word that is
    the first or last word of the name of one person or team (``owner: Uma``,
    ``owner: Diaz``; ``ends``: :func:`_name_ends`), or of several, all named:
    people write colleagues by first name, and the usual hint (the file to
    add, or the id closest by letters, ``tom-lee`` for ``Lee``) would make a
    second person of one, or leave the reader to guess whose name it was.
    ``None`` for a name of more words (those are matched by their closeness
    to titles)."""
    if not ref or "-" in ref or "/" in ref:
        return None
    found = ends.get(ref, [])
    if not found or len(found) > 4:
        return None
    named = [f"{rec.title} ({rec.id})" for rec in sorted(found, key=lambda rec: rec.id)]
    return (
        "did you mean "
        + (named[0] if len(named) == 1 else ", ".join(named[:-1]) + " or " + named[-1])
        + "?"
    )


def _check_people_and_teams(r: Resolving) -> None:
    """Warn of each owner, lead, member's team or parent team that names no file."""
    people, teams, diags, broken = r.people, r.teams, r.diags, r.broken
    made: dict[bool, dict[str, list[Person | Team]]] = {}
    renames = RenameHints(r)

    def ends(with_teams: bool) -> dict[str, list[Person | Team]]:
        """:func:`_name_ends` of the people (and teams), made at the first
        name that needs them: most loads have none."""
        if with_teams not in made:
            made[with_teams] = _name_ends(
                [*people.values(), *(teams.values() if with_teams else ())]
            )
        return made[with_teams]

    def check_person(ref: str | None, file: str, key: tuple[str | int, ...], what: str) -> None:
        if (
            ref is not None
            and people
            and ref not in people
            and ref not in broken.get("person", set())
        ):
            diags.append(
                warning(
                    "OKR306",
                    f"{what} {_shown(r, 'person', ref, file)} is not a person in content/people/"
                    + _also(r, "person", ref, file),
                    file,
                    hint=_email_of_known(r, ref, file, people)
                    or unknown_address_hint(r, ref, people, ends(False))
                    or handle_meant("person", _own_spelling(r, "person", ref, file))
                    or _former_name_meant(ref, people)
                    # an owner may name a team, so a team's old name too
                    or (_former_name_meant(ref, teams) if what == "owner" else None)
                    or _first_or_last_name(ref, ends(what == "owner"))
                    or renames.hint("person", ref, ends(False))
                    or r.hint_named("person", ref, people)
                    or _add_file(r, "person", ref, file) + renames.left(ref),
                    key_path=key,
                )
            )

    def check_team(
        ref: str | None, file: str, key: tuple[str | int, ...], itself: str | None = None
    ) -> None:
        if ref is not None and teams and ref not in teams and ref not in broken.get("team", set()):
            diags.append(
                warning(
                    "OKR306",
                    f"team {_shown(r, 'team', ref, file)} is not a team in content/teams/"
                    + _also(r, "team", ref, file),
                    file,
                    hint=handle_meant("team", _own_spelling(r, "team", ref, file))
                    or _former_name_meant(ref, teams, itself)
                    or renames.hint("team", ref, ends(True))
                    or r.hint_named("team", ref, teams, itself)
                    or _add_file(r, "team", ref, file),
                    key_path=key,
                )
            )

    for c in r.checkins if people else ():
        # a check-in's author is shown as written and not checked, but one
        # written by first name (author: Uma) is surely a person who has a
        # file, and goes uncounted as theirs (a streak, an index)
        meant = (
            _first_or_last_name(c.author, ends(False))
            if c.author and c.author not in people
            else None
        )
        if meant and c.author:
            diags.append(
                warning(
                    "OKR306",
                    f"author {_shown(r, 'person', c.author, c.file)} is not a person in "
                    "content/people/",
                    c.file,
                    hint=meant,
                    key_path=("author",),
                )
            )
    if people:  # an address that names no one: its closest person
        diags += address_author_warnings(r, r.checkins, people)
    for place in named_places(r):
        if place.what == "member":  # a slip only when almost a person's name (member_slips)
            diags.extend(member_slip(r, place, lambda p: _shown(r, "person", p.ref or "", p.file)))
            continue
        if place.kind == "person" and (said := another_team_as_owner(r, place)):
            diags.append(said)  # owner: Platform beside team: Sales
        elif place.kind == "person":
            check_person(place.ref, place.file, place.key, place.what)
        else:
            check_team(place.ref, place.file, place.key, place.itself)


def _display_names(
    kind: str,
    records: Mapping[str, Person] | Mapping[str, Team],
    written: Mapping[tuple[str, str], str],
) -> dict[str, str]:
    """Each named person or team: its file's title, else the name first written."""
    names = {ident: name for (k, ident), name in written.items() if k == kind}
    names.update((ident, rec.title) for ident, rec in records.items())
    return names
