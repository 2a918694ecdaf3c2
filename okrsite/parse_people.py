"""Team and person files, and pages.

A team has a lead, a parent team and members; a person a name, a role and
a team; both may give a GitHub or GitLab handle, which goes into
CODEOWNERS. A page (an about page, a how-to) is the simplest kind of file:
a title, an order and its text.
"""

from __future__ import annotations

import re
from typing import Any

from okrsite import yamlsource
from okrsite.model import Page, Person, Team
from okrsite.parse_fields import _Fields
from okrsite.parse_messages import shown_value


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
        members=_members(f, data),
        keys=(lead, parent),  # findings about them point at the key as written
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


def _members(f: _Fields, data: dict[str, Any]) -> tuple[str, ...]:
    """A team's ``members:``: people by name or id, as a list or one line
    separated by commas; each a person as ``owner:`` names one."""
    raw = data.get("members")
    if raw is None:
        return ()
    if isinstance(raw, str):
        raw = [part for part in raw.split(",") if part.strip()]
    if not isinstance(raw, list):
        f.err(
            "OKR102",
            f"members must be a list of people, got {shown_value(raw)}",
            ("members",),
            hint="write members: [Uma Diaz, Tom Lee]",
        )
        return ()
    found: list[str] = []
    for i, item in enumerate(raw):
        person = f.name({str(i): item}, str(i), ("members",), "person")
        if person is not None and person not in found:
            found.append(person)
    return tuple(found)


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
    )


HANDLE_RE = re.compile(r"^@?[A-Za-z0-9][A-Za-z0-9_.-]*(?:/[A-Za-z0-9][A-Za-z0-9_.-]*)*$")


#: a profile's address, as people paste it: github.com/alice,
#: https://github.com/orgs/acme/teams/sales, https://gitlab.example.com/group/alice
_PROFILE_RE = re.compile(
    r"^(?:https?://)?(?:www\.)?(?P<host>[^/\s]+\.[a-z]{2,})/(?P<path>[^?#\s]+?)/?$"
)
_GITHUB_TEAM_RE = re.compile(r"^orgs/([^/]+)/teams/([^/]+)$")


def _handle_of_profile(value: str, key: str) -> str:
    """The handle a profile address names (``https://github.com/alice`` is
    ``alice``, ``…/orgs/acme/teams/sales`` is ``acme/sales``); anything else
    as it is. GitLab's path may be a group's, on any host (self-managed);
    GitHub's is on github.com."""
    found = _PROFILE_RE.match(value)
    if found is None:
        return value
    host, path = found["host"].lower(), found["path"]
    if key == "github":
        if host != "github.com":
            return value
        team = _GITHUB_TEAM_RE.match(path)
        return f"{team[1]}/{team[2]}" if team else path
    return path


def _handle(f: _Fields, data: dict[str, Any], key: str) -> str | None:
    """A GitHub or GitLab handle (``alice``, ``@alice``, ``@org/team``), without the ``@``.

    Checked here because it is written into CODEOWNERS, where a space or a
    stray character would silently route reviews nowhere.
    """
    value = f.text(data, key, ())
    if value is None:
        return None
    value = _handle_of_profile(value.strip(), key)
    if not HANDLE_RE.match(value):
        f.warn(
            "OKR120",
            f"{key} handle {value!r} is not a user or group name (ignored)",
            (key,),
            hint=f"write {key}: alice-ng (a user) or {key}: '@acme/sales' (a team or group)",
        )
        return None
    return value.removeprefix("@")


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
    return Page(rid, rel, title or rid, int(order or 0), parts.body, parts.body_line)
