"""A GitHub or GitLab profile's address, as the handle it names.

People paste the page of a user or team where a handle belongs: in a person's
or team's file (``github: https://github.com/orgs/acme/teams/platform``) and
where a goal names its owner or team (``team: https://gitlab.com/groups/acme/platform``,
``owner: https://github.com/uma-diaz``). Both are read by one rule, here,
so an address names the team or person whose file gives that handle, as
``team: "@acme/platform"`` does: before, a team's page written as a goal's
``team:`` was slugged whole and named no team.
"""

from __future__ import annotations

import re

from okrsite.repo_urls import host_platform

#: a profile's address, as people paste it: github.com/alice,
#: https://github.com/orgs/acme/teams/sales, https://gitlab.example.com/group/alice,
#: with the tab it was copied from (?tab=repositories, #members) if any
_PROFILE_RE = re.compile(
    r"^(?:https?://)?(?:www\.)?(?P<host>[^/\s]+\.[a-z]{2,})/(?P<path>[^?#\s]+?)/?(?:[?#]\S*)?$",
    re.IGNORECASE,
)
#: a GitHub team's page, or one of its tabs (``/members``, ``/repositories``)
_GITHUB_TEAM_RE = re.compile(r"^orgs/([^/]+)/teams/([^/]+)(?:/.*)?$")
GITHUB_TEAM_HINT = "a team is '@ORG/TEAM', its page github.com/orgs/ORG/teams/TEAM"
#: the pages under ``/-/`` that only a GitLab project has (its files, merge
#: requests, members…): an address with one names a project, which is no
#: user or group, and CODEOWNERS cannot route a review to it. A group's
#: own pages are ``/groups/GROUP/-/…`` or ``/GROUP/-/group_members``.
_GITLAB_PROJECT_PAGES = frozenset(
    {
        "tree", "blob", "raw", "commits", "commit", "compare", "branches", "tags",
        "merge_requests", "issues", "pipelines", "jobs", "releases", "wikis",
        "project_members", "settings", "boards", "milestones", "graphs", "network",
        "environments", "packages", "snippets", "edit", "forks",
    }
)  # fmt: skip
GITLAB_PROJECT_HINT = (
    "that is a GitLab project's address, not a user's or group's: a project "
    "cannot review; write the group that owns it (gitlab.com/GROUP, or "
    "gitlab.com/groups/GROUP) or a user"
)


def handle_of_profile(value: str, key: str) -> tuple[str | None, str]:
    """The handle a profile address names, or None and what to write instead.

    ``https://github.com/alice`` is ``alice``, a GitHub team's page
    ``…/orgs/acme/teams/sales`` (or its ``/members`` tab) ``acme/sales``; a
    GitLab user's or group's page (``https://gitlab.com/acme/cs``,
    ``…/groups/acme/cs``, ``…/acme/cs/-/group_members``) ``acme/cs``, on
    any host (self-managed) but GitHub's. ``key`` is the platform the
    handle is for (``github``, ``gitlab``). An address that names no handle
    of the key's platform (a GitHub repository, a GitLab address under
    ``github:``) is None: pasted into CODEOWNERS it routed reviews nowhere
    (``@orgs/acme/teams/sales/members``). Text that is no address is
    returned as it is, to be checked as a handle."""
    found = _PROFILE_RE.match(value)
    if found is None:
        return value, ""
    host = found["host"].lower()
    segments = [part for part in found["path"].split("/") if part]
    on = host_platform(f"https://{host}")
    if key == "github":
        if on == "gitlab":
            return None, "that is a GitLab address: write it under gitlab:"
        if host not in ("github.com", "www.github.com"):
            return None, "write the GitHub user or team, not an address on another host"
        team = _GITHUB_TEAM_RE.match("/".join(segments))
        if team is not None:
            return f"{team[1]}/{team[2]}", ""
        if len(segments) == 1 and segments[0].lower() != "orgs":
            return segments[0], ""
        return None, f"the address is no user's or team's page; {GITHUB_TEAM_HINT}"
    if on == "github":
        return None, "that is a GitHub address: write it under github:"
    group_page = segments[:1] == ["groups"]
    if "-" in segments:  # GitLab's pages of a group or user sit under /-/
        page = segments[segments.index("-") + 1 : segments.index("-") + 2]
        if not group_page and page and page[0].lower() in _GITLAB_PROJECT_PAGES:
            return None, GITLAB_PROJECT_HINT
        segments = segments[: segments.index("-")]
    if segments and segments[-1].lower().endswith(".git"):
        return None, GITLAB_PROJECT_HINT  # a project's clone address
    if segments[:1] == ["groups"]:
        segments = segments[1:]
    elif segments[:1] == ["users"] and len(segments) > 1:
        segments = segments[1:2]  # a user's pages: /users/alice/activity
    if not segments:
        return None, "write the GitLab user or group the address names"
    return "/".join(segments), ""


def profile_as_handle(name: str) -> str:
    """A GitHub or GitLab profile's address where a person or team is named
    (``https://github.com/jweiss``, ``https://github.com/orgs/acme/teams/platform``,
    ``https://gitlab.com/groups/acme/platform``) as the handle it names
    (``@jweiss``, ``@acme/platform``), by :func:`handle_of_profile`'s rule:
    it names the person or team whose ``github:`` or ``gitlab:`` it is, as
    the handle written so does. An address on a host that is neither
    GitHub's nor GitLab's, or one that is no user's, team's or group's
    page (a repository), and any other ``name``, is returned as it is."""
    text = name.strip()
    found = _PROFILE_RE.match(text)
    on = host_platform(f"https://{found['host'].lower()}") if found is not None else None
    if on is None:
        return name
    handle, _why = handle_of_profile(text, on)
    return f"@{handle}" if handle else name
