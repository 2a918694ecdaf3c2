"""Team and person files, and pages.

A team has a lead, a parent team and members; a person a name, a role and
a team; both may give a GitHub or GitLab handle, which goes into
CODEOWNERS, and the names and ids they were known by (``aliases:``), which
goals of past quarters still write. A page (an about page, a how-to) is the
simplest kind of file: a title, an order and its text.
"""

from __future__ import annotations

import re
from typing import Any

from okrsite import yamlsource
from okrsite.model import Page, Person, Team
from okrsite.parse_fields import _Fields
from okrsite.parse_messages import shown_value
from okrsite.parse_names import says_no_one, without_typed_quotes
from okrsite.profile_addresses import GITHUB_TEAM_HINT, handle_of_profile


def _team(
    f: _Fields,
    rid: str,
    rel: str,
    data: dict[str, Any],
    parts: yamlsource.Split,
    default_cycle: str | None,
) -> Team | None:
    title = f.text(data, "title", ()) or f.text(data, "name", ())
    if title is None and data.get("title") is None and data.get("name") is None:
        f.err(
            "OKR101",
            "missing required key 'title'",
            (),
            hint="add a line 'title: …' (or 'name: …') to the front matter",
        )
    lead = _written_as(f, data, "lead", "owner", "who leads the team")
    parent = _written_as(f, data, "parent", "team", "the team it belongs to")
    members, member_places = _members(f, data)
    return Team(
        rid,
        rel,
        title or rid,  # missing: reported; the id stands in
        f.name(data, lead, (), "person"),
        f.name(data, parent, (), "team"),
        parts.body,
        parts.body_line,
        github=_handle(f, data, "github"),
        gitlab=_handle(f, data, "gitlab"),
        members=members,
        member_places=member_places,
        keys=(lead, parent),  # findings about them point at the key as written
        aliases=_aliases(f, data, "team", rid),
    )


def _written_as(f: _Fields, data: dict[str, Any], key: str, other: str, meaning: str) -> str:
    """The key a team file gives ``key`` (``lead``, ``parent``) under: itself,
    or the word goal files use for it (``owner:``, ``team:``), which people
    write in a team file too; written beside ``key``, that word is ignored,
    with a warning (it was once ignored without one)."""
    if data.get(other) is None:
        return key
    if data.get(key) is None:
        return other
    f.warn(
        "OKR111",
        f"{other} beside {key}: is ignored: a team's {key}: names {meaning}",
        (other,),
        hint=f"remove {other}: (or write its value as {key}:)",
    )
    return key


def _members(f: _Fields, data: dict[str, Any]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """A team's ``members:``: people by name or id, as a list or one line
    separated by commas; each a person as ``owner:`` names one. Beside
    them, the entry each was first written at (``Team.member_places``)."""
    raw = data.get("members")
    if raw is None:
        return (), ()
    if isinstance(raw, str):
        raw = [part for part in raw.split(",") if part.strip()]
    if not isinstance(raw, list):
        f.err(
            "OKR102",
            f"members must be a list of people, got {shown_value(raw)}",
            ("members",),
            hint="write members: [Uma Diaz, Tom Lee]",
        )
        return (), ()
    found: dict[str, int] = {}
    for i, item in enumerate(raw):
        person = f.name({str(i): item}, str(i), ("members",), "person", label="member")
        if person is not None and person not in found:
            found[person] = i
    return tuple(found), tuple(found.values())


def _person(
    f: _Fields,
    rid: str,
    rel: str,
    data: dict[str, Any],
    parts: yamlsource.Split,
    default_cycle: str | None,
) -> Person | None:
    # ``title:`` is the person's name, as every record's title is its name;
    # beside a ``name:``, it is what people mean by a title there: the job's
    written_title = f.text(data, "title", ())
    name = f.text(data, "name", ())
    title = name or written_title
    if title is None:
        f.err("OKR101", "missing required key 'title'", (), hint="add 'title: Full Name'")
        return None
    role = f.text(data, "role", ())
    if name is not None and role is None:
        role = written_title
    return Person(
        rid,
        rel,
        title,
        f.name(
            data,
            "team",
            (),
            "team",
            # a person in two teams: the other team's file lists them, which
            # makes them a member there too (its page lists them)
            several="name the main team here, and list this person under 'members:' in "
            "the other team's file: they are then a member of both",
        ),
        role,
        f.text(data, "email", ()),
        parts.body,
        parts.body_line,
        github=_handle(f, data, "github"),
        gitlab=_handle(f, data, "gitlab"),
        aliases=_aliases(f, data, "person", rid),
    )


#: the folder a Hugo alias (``/teams/growth-marketing/``) names a file of
_FOLDERS = {"team": "teams", "person": "people"}


def _aliases(f: _Fields, data: dict[str, Any], kind: str, rid: str) -> tuple[str, ...]:
    """The ids of the names and ids a team or person was known by.

    A team renamed (``growth-marketing.md`` to ``product-marketing.md``)
    leaves last quarter's goals writing ``team: Growth Marketing``, and
    rewriting closed quarters to follow a rename rewrites history; a person
    who marries takes a new name, and often a new id. The file lists what it
    was called (``aliases: [growth-marketing, Growth Marketing]``, Hugo's
    word; ``formerly:`` and ``was:`` are read as it) and every reference to
    one names it (:func:`okrsite.resolve_people.declared_aliases`). Each is
    read as ``owner:`` or ``team:`` reads a name, so ``Growth Marketing``
    and ``growth-marketing`` are one; a Hugo alias, the old page's address
    (``/teams/growth-marketing/``), is the id in it. The file's own id is
    left out: it names the file already."""
    raw = data.get("aliases")
    if raw is None:
        return ()
    if isinstance(raw, str):
        raw = [part for part in raw.split(",") if part.strip()]
    if not isinstance(raw, list) or not all(isinstance(x, (str, int)) for x in raw):
        f.err(
            "OKR102",
            f"aliases must be a list of the names and ids the {kind} was known by, "
            f"got {shown_value(raw)}",
            ("aliases",),
            hint="write aliases: [growth-marketing, Growth Marketing]",
        )
        return ()
    found: list[str] = []
    for i, item in enumerate(raw):
        written = _page_address_id(str(item), kind)
        if written and says_no_one(without_typed_quotes(written)):
            # aliases: none says it has none; read as a name, every owner: none
            # would be this person
            f.warn(
                "OKR111",
                f"alias {written!r} is a word for no one, not a name the {kind} was known "
                "by: it is ignored",
                ("aliases", i) if isinstance(data["aliases"], list) else ("aliases",),
                hint="remove it; a file with no former names needs no aliases: line",
            )
            continue
        ident = (
            f.name({str(i): written}, str(i), ("aliases",), kind, label="alias")
            if written
            else None
        )
        if ident is not None and ident != rid and ident not in found:
            found.append(ident)
    return tuple(found)


def _page_address_id(written: str, kind: str) -> str:
    """The id in a Hugo alias, the address of the old page
    (``/teams/growth-marketing/``, ``teams/growth-marketing/index.html``);
    any other text as it is."""
    text = written.strip()
    if "/" not in text:
        return text
    path = text.strip("/").removesuffix("index.html").removesuffix(".html").strip("/")
    folder = _FOLDERS[kind] + "/"
    if text.startswith("/") or path.startswith(folder):
        return path.removeprefix(folder)
    return text


HANDLE_RE = re.compile(r"^@?[A-Za-z0-9][A-Za-z0-9_.-]*(?:/[A-Za-z0-9][A-Za-z0-9_.-]*)*$")


#: a handle as GitHub's CODEOWNERS takes it: a user, or ``org/team`` (team
#: names have no slash: GitHub's teams nest, their handles do not). A user's
#: or an organization's name is letters, digits and single hyphens, not at
#: either end; a team's slug letters, digits, hyphens and underscores: GitHub
#: refuses any other, so a dot (``uma.diaz``) routed reviews to no one
GITHUB_HANDLE_RE = re.compile(r"^@?[A-Za-z0-9](?:-?[A-Za-z0-9])*(?:/[A-Za-z0-9_-]+)?$")

#: a work email address, which both platforms' CODEOWNERS take for the user
#: whose account has it (GitHub: "user@example.com"; GitLab: "janedoe@gitlab.com"):
#: companies with SSO or managed accounts often know people only by it
EMAIL_RE = re.compile(
    r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
)


def _github_letters_why(handle: str) -> str:
    """Why GitHub refuses ``handle`` (``uma.diaz``, ``acme/plat.form``), and
    the handle it likely is (``uma-diaz``): GitHub writes a dot in a
    name it is given as a hyphen."""
    user, slash, team = handle.removeprefix("@").partition("/")
    fixed = re.sub(r"[^A-Za-z0-9]+", "-", user).strip("-")
    fixed += slash + (re.sub(r"[^A-Za-z0-9_-]+", "-", team).strip("-") if slash else "")
    return (
        "GitHub's user and organization names have letters, digits and single hyphens, "
        f"a team's also underscores, so GitHub has no {handle.removeprefix('@')!r}"
        + (f" (perhaps {fixed!r})" if fixed and GITHUB_HANDLE_RE.match(fixed) else "")
    )


def _handle(f: _Fields, data: dict[str, Any], key: str) -> str | None:
    """A GitHub or GitLab handle (``alice``, ``@alice``, ``@org/team``), without the ``@``.

    Checked here because it is written into CODEOWNERS, where a space or a
    stray character would silently route reviews nowhere. GitHub takes a
    user or ``@org/team``; GitLab a user or a group, nested groups too
    (``@acme/cs/emea``). Both take the email address of a user's account
    too (``jose@acme.com``), kept whole.
    """
    value = f.text(data, key, ())
    if value is None:
        return None
    if EMAIL_RE.match(value.strip()):
        return value.strip()  # written as it is, without an @ in front
    handle, why = handle_of_profile(value.strip(), key)
    valid = GITHUB_HANDLE_RE if key == "github" else HANDLE_RE
    if handle is not None and not valid.match(handle):
        written, handle = handle, None
        if key == "github" and HANDLE_RE.match(value.strip()):
            why = (
                f"GitHub's team handles have one slash (teams nest, handles do not); {GITHUB_TEAM_HINT}"
                if written.count("/") > 1
                else _github_letters_why(written)
            )
    if handle is None:
        example = "'@acme/sales' (a team)" if key == "github" else "'@acme/sales' (a group)"
        f.warn(
            "OKR120",
            f"{key} handle {value.strip()!r} is not a "
            f"{'GitHub user or team' if key == 'github' else 'GitLab user or group'} (ignored)",
            (key,),
            hint=(f"{why}; " if why else "")
            + f"write {key}: alice-ng (a user), {key}: {example} or the email "
            "address of the user's account (jose@acme.com)",
        )
        return None
    return handle.removeprefix("@")


def _page(
    f: _Fields,
    rid: str,
    rel: str,
    data: dict[str, Any],
    parts: yamlsource.Split,
    default_cycle: str | None,
) -> Page | None:
    title = f.text(data, "title", (), required=True)
    order = f.number(data, "order", ())
    if f.boolean(data, "draft", ()):  # a draft (Hugo's draft: true) is not published
        return None
    return Page(rid, rel, title or rid, int(order or 0), parts.body, parts.body_line)
