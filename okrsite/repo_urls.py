"""The web address of a repository, from what people paste as ``repo_url``.

The "Code" button of GitHub and GitLab offers the clone address first
(``git@github.com:acme/company.git``, ``https://github.com/acme/company.git``);
pasted as ``repo_url``, every commit, pull-request and edit link built on it
went nowhere (``git@github.com:acme/company.git/commit/…`` is a relative link
into the site). The settings reader turns such an address into the
repository's web address once, so every link is built on that.

The address of a page inside the repository is pasted too: a site in a
subfolder makes ``https://github.com/acme/goals/tree/main/goals`` the natural
thing to copy, and every link built on it (``…/tree/main/goals/commit/…``)
went nowhere. :func:`repository_address` cuts such an address back to the
repository's, and says what it cut, so the settings reader can warn (CFG016).

Which host it is decides the form of pull-request links (GitHub's
``/pull/N``, GitLab's ``/-/merge_requests/N``) and of edit links
(:func:`host_platform`): a commit message's own style says which platform
the commit was merged on, not where ``repo_url`` points.
"""

from __future__ import annotations

import re
from typing import Literal

__all__ = ["commit_page", "host_platform", "is_web_address", "repository_address", "web_address"]

#: ``git@github.com:acme/company.git``: scp-like syntax, as git and the hosts write it
_SCP = re.compile(r"(?:[\w.+-]+@)?(?P<host>[\w.-]+\.[a-z]{2,}):(?!//)(?P<path>[^\s]+)", re.I)
#: ``ssh://git@host:22/acme/company.git``, ``git://host/…``, ``git+ssh://…``
_OTHER_SCHEME = re.compile(
    r"(?:ssh|git|git\+ssh|ssh\+git)://(?:[^@/\s]+@)?(?P<host>[^/:\s]+)(?::\d+)?/(?P<path>\S+)",
    re.I,
)
#: ``github.com/acme/company``: a host name (with a dot) and a path, without scheme
_BARE_HOST = re.compile(r"(?P<host>[\w-]+(?:\.[\w-]+)*\.[a-z]{2,})/(?P<path>\S+)", re.I)


def web_address(text: str) -> str:
    """``repo_url`` as the address a browser shows: a clone address
    (``git@github.com:acme/company.git``, ``ssh://…``, ``git://…``) becomes
    ``https://github.com/acme/company``, a ``.git`` ending and trailing
    slashes go, and a host without a scheme (``github.com/acme/company``)
    gets ``https://``. Anything else is kept as written."""
    url = text.strip()
    for pattern in (_OTHER_SCHEME, _SCP):
        match = pattern.fullmatch(url)
        if match is not None:
            url = f"https://{match['host']}/{match['path']}"
            break
    else:
        if not re.match(r"[a-z][a-z0-9+.-]*://", url, re.I):
            match = _BARE_HOST.fullmatch(url)
            if match is not None:
                url = f"https://{url}"
    url = url.rstrip("/")
    if is_web_address(url) and url.lower().endswith(".git"):
        url = url[:-4].rstrip("/")
    return url


def is_web_address(url: str) -> bool:
    """Whether ``url`` is an http(s) address with a host, as links need."""
    return re.match(r"https?://[^/\s]+", url, re.I) is not None


#: an http(s) address: its scheme and host, its path, its query or fragment
_PARTS = re.compile(r"(?P<origin>https?://[^/?#\s]+)(?P<path>/[^?#]*)?(?P<rest>[?#].*)?", re.I)
#: the pages of a repository on a host that is not GitHub: GitLab's older
#: addresses without ``/-/``, Gitea's and others' ``tree`` and ``blob``
_PAGES = ("tree", "blob")


def host_platform(url: str | None) -> Literal["github", "gitlab"] | None:
    """Whose host ``url`` names: ``gitlab`` when the host's name says GitLab
    (``gitlab.com``, ``gitlab.acme.example``), ``github`` when it says GitHub
    (``github.com``, a GitHub Enterprise ``github.acme.example``), else None
    (a self-managed host named otherwise). The host only: a repository named
    ``gitlab-mirror`` on github.com is on GitHub."""
    match = _PARTS.match(url.strip()) if url else None
    if match is None:
        return None
    host = match["origin"].split("://", 1)[1].lower()
    if "gitlab" in host:
        return "gitlab"
    if "github" in host:
        return "github"
    return None


def commit_page(url: str | None) -> str:
    """Where a commit's page is under the repository's address ``url``:
    GitLab's ``-/commit`` (its pages of a project sit under ``/-/``, as
    its edit and merge-request pages do; ``{repo_url}/commit/<sha>`` only
    works through a redirect GitLab does not promise to keep), else
    ``commit`` (GitHub's, and Gitea's and others'). The host decides
    (:func:`host_platform`), as it does for edit links."""
    return "-/commit" if host_platform(url) == "gitlab" else "commit"


def repository_address(url: str) -> tuple[str, str]:
    """``url`` cut back to the repository's own address, and what was cut
    (``""`` when nothing was).

    Links are built on the repository's address (``{repo_url}/commit/…``),
    so the address of a page in it cannot serve: a folder
    (``https://github.com/acme/goals/tree/main/goals``), a file, a tab.
    Cut are: everything from GitLab's ``/-/`` on (its pages of a project
    sit there, and its projects may sit in nested groups, so the path
    before it is all the project's); on GitHub, whose repositories are
    always ``owner/name``, every segment after those two; elsewhere a
    ``/tree/…`` or ``/blob/…`` after ``owner/name``; and a query or
    fragment (``?tab=readme``) anywhere."""
    match = _PARTS.fullmatch(url)
    if match is None:
        return url, ""
    segments = [s for s in (match["path"] or "").split("/") if s]
    keep = len(segments)
    if "-" in segments:
        keep = segments.index("-")
    elif host_platform(url) == "github":
        keep = min(keep, 2)
    else:
        keep = next((i for i, s in enumerate(segments) if i >= 2 and s in _PAGES), keep)
    if keep == 0:  # nothing of a repository would be left: keep it as written
        return url, ""
    root = "/".join([match["origin"], *segments[:keep]])
    if root.lower().endswith(".git"):
        root = root[:-4]
    cut = url[len(root) :].strip("/") if url.startswith(root) else url
    if keep == len(segments) and not match["rest"]:
        return url, ""
    return root, cut
