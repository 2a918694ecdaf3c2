"""The web address of a repository, from what people paste as ``repo_url``.

The "Code" button of GitHub and GitLab offers the clone address first
(``git@github.com:acme/company.git``, ``https://github.com/acme/company.git``);
pasted as ``repo_url``, every commit, pull-request and edit link built on it
went nowhere (``git@github.com:acme/company.git/commit/…`` is a relative link
into the site). The settings reader turns such an address into the
repository's web address once, so every link is built on that.
"""

from __future__ import annotations

import re

__all__ = ["is_web_address", "web_address"]

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
