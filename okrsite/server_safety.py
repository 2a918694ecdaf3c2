"""Which requests the preview answers, and with which file.

A local preview must never hand out a file outside the site, list a folder,
redirect to another host, or answer a page of another site that DNS
rebinding pointed at 127.0.0.1. So the ``Host`` header is checked
(:func:`host_allowed`) and paths are resolved by okrsite's own strict rules
(:func:`url_segments`, :func:`resolve_request`) rather than
``SimpleHTTPRequestHandler.translate_path``. Used by the request handler,
:mod:`okrsite.server_http`.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote


class _BadRequest(Exception):
    pass


def url_segments(raw_path: str) -> list[str]:
    """Split a request path into decoded, safe segments, or raise ``_BadRequest``.

    Rejected (400): paths that are not absolute, that are not UTF-8 once
    decoded, that contain NUL or backslash (raw or percent-encoded), and any
    ``.`` or ``..`` segment, however it was encoded (``%2e%2e``, ``..%2f``).
    Empty segments (``//``) are dropped, so ``//etc/passwd`` means
    ``/etc/passwd`` *inside the site*.
    """
    if not raw_path.startswith("/") or "\\" in raw_path:
        raise _BadRequest(raw_path)
    try:
        decoded = unquote(raw_path, encoding="utf-8", errors="strict")
    except UnicodeDecodeError as exc:
        raise _BadRequest(raw_path) from exc
    if "\x00" in decoded or "\\" in decoded:
        raise _BadRequest(raw_path)
    segments = [s for s in decoded.split("/") if s]
    if any(s in (".", "..") for s in segments):
        raise _BadRequest(raw_path)
    return segments


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


@dataclass
class _Found:
    """A request the preview answers with a file."""

    path: Path


@dataclass
class _Redirect:
    """A request the preview answers by redirecting to a folder's address:
    ``location`` relative to the address asked for (``arr/`` for
    ``/kpis/arr``), so a proxy that serves the preview under a path
    (``/okrs/`` → the preview's ``/``) keeps the browser under it."""

    location: str


@dataclass
class _Missing:
    """A request the preview answers with its not-found page."""


def resolve_request(
    root: Path, segments: list[str], trailing_slash: bool
) -> _Found | _Redirect | _Missing:
    """Map URL segments to a file in ``root``, following okrsite's URL rules.

    Symlinks are resolved and the result must still be inside the (resolved)
    root. A folder is served as its ``index.html`` only when asked for with a
    trailing slash; without it the client is redirected, so relative links
    in the page resolve against the folder. Folders are never listed.
    """
    try:
        real_root = root.resolve(strict=True)
        real = real_root.joinpath(*segments).resolve(strict=True)
    except (OSError, RuntimeError, ValueError):
        return _Missing()
    if not _inside(real, real_root):
        return _Missing()
    if real.is_dir():
        if not trailing_slash:
            # the last segment alone (quote() leaves no ":" that would read as
            # a scheme); no segments is "/", which asks with the slash
            return _Redirect(quote(segments[-1]) + "/")
        try:
            index = (real / "index.html").resolve(strict=True)
        except (OSError, RuntimeError):
            return _Missing()
        if _inside(index, real_root) and index.is_file():
            return _Found(index)
        return _Missing()
    if real.is_file() and not trailing_slash:
        return _Found(real)
    return _Missing()


#: one ``host[:port]``: a bracketed IPv6 address or a name of the letters,
#: digits, ``.``, ``-`` and ``_`` that host names are made of (browsers send
#: other names as punycode; RFC 3986 would also let ``,`` and ``;`` in, which
#: only a forged header uses), then at most one ``:`` and a port of digits
_HOST_HEADER = re.compile(r"(?P<name>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)(?::[0-9]{1,5})?")

#: a host name as :func:`host_allowed` can ever find it in a ``Host`` header
_HOST_NAME = re.compile(r"[A-Za-z0-9._-]+")


def can_be_allowed(name: str) -> bool:
    """Whether ``--allow-host NAME`` can ever let a request through: a name
    made of letters, digits, ``.``, ``-`` and ``_`` (as :func:`host_allowed`
    reads a ``Host`` header; ``team box`` or ``box:8000`` never match one),
    or an IP address (always allowed anyway). Refusing the others at the
    start says why, where a silent 403 for every request would not."""
    if _HOST_NAME.fullmatch(name):
        return True
    try:
        ipaddress.ip_address(name.removeprefix("[").removesuffix("]"))
    except ValueError:
        return False
    return True


def host_allowed(header: str | None, allowed: Iterable[str]) -> bool:
    """Whether a request's ``Host`` header names this preview.

    DNS rebinding makes a page on another site resolve its own name to
    127.0.0.1 and read the preview; the browser still sends that name as
    ``Host``. So only ``localhost``, IP addresses (a rebinding needs a name)
    and the names in ``allowed`` (the bound host, ``--allow-host``) are
    served. A request without ``Host`` (HTTP/1.0 tools, not browsers) is.

    A header that is not exactly one ``host[:port]`` is refused whatever it
    names: ``localhost:8000, evil.example`` (two values), ``local host``, an
    empty one, ``localhost:abc``. Read leniently, such a header names one
    host to this check and another to a proxy or a browser extension.
    Several ``Host`` headers are refused by the handler
    (:mod:`okrsite.server_http`), which sees them all.
    """
    if header is None:
        return True
    match = _HOST_HEADER.fullmatch(header.strip(" \t"))
    if match is None:
        return False
    name = match.group("name").lower()
    if name.startswith("["):  # [::1]:8000
        name = name[1:-1]
    name = name.rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        pass
    return name in {a.lower().rstrip(".") for a in allowed}
