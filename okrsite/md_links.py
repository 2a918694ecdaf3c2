"""Links in bodies and check-in notes, as the built site's pages need them.

People write ``[the sales goal](../Sales/Grow EMEA.md)`` or
``![chart](../../static/img/chart.png)`` in a body because that is the link
that works in their editor and on GitHub: relative to the file. As MkDocs
does, such links are resolved relative to the file they are written in and
written for the page they end up on (:func:`rewrite_links`), so they work from
disk and under any sub-path: a link to the ``.md`` file of a record with a
page becomes a relative link to that page (its ``#section`` kept), a link to
a file of ``static/`` a relative link to its copy in the site. The notes of a
check-in, which show on several pages at different depths and in the feed,
are rewritten for each of them.

What would be broken in the built site is warning OKR314 at its line
(:func:`link_warnings`): a relative link to a ``.md`` file that is no such
record, to a file that is not published (a content CSV, a file missing from
``static/``) and a link from the site's root (``/static/logo.png``), which
breaks under a sub-path and from disk. Web addresses, ``mailto:`` and
``#anchors`` are left alone, as is a relative link that already works from
the page (``../../objectives/sales/index.html``).
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from urllib.parse import unquote

from okrsite.diagnostics import Diagnostic, warning
from okrsite.md_addresses import addresses, may_link
from okrsite.parse_names import as_nfc
from okrsite.urls import SUMMARY_FILES, href, page_path, prefix

__all__ = [
    "link_targets",
    "link_warnings",
    "note_link_warnings",
    "rewrite_links",
    "resolved",
]

_ADDRESS = re.compile(r'(href|src)="([^"]*)"')
#: OKR314 warnings given one by one for one file; the rest in one more
MAX_LINK_WARNINGS = 20
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
#: the kind of page each kind of record has (by the record's class)
_KINDS = {
    "Objective": "objective",
    "KPI": "kpi",
    "Goal": "goal",
    "Team": "team",
    "Person": "person",
    "Page": "page",
}
#: files every build writes besides the pages (a link to them works)
_SITE_FILES = frozenset({"checkins.xml", "search-index.json", "search-index.js", "404.html"})
_SITE_FOLDERS = ("static/", "api/", "badges/")


def _split(target: str) -> tuple[str, str]:
    """A link's file part and its ``?query#fragment``."""
    target = target.removeprefix("<").removesuffix(">")
    at = min((i for i in (target.find("#"), target.find("?")) if i >= 0), default=len(target))
    return target[:at], target[at:]


def _kind(path: str) -> str | None:
    """``"md"``, ``"file"`` or ``"root"`` for a link's file part that
    :mod:`okrsite.md_links` looks at; ``None`` for a web address, a
    ``mailto:``, an ``#anchor`` and the like."""
    if not path or _SCHEME.match(path) or path.startswith(("//", "\\\\")):
        return None
    if path.startswith(("/", "\\")):
        return "root"
    return "md" if path.lower().endswith(".md") else "file"


def _md_path(target: str) -> str | None:
    """The file part of a relative link to a ``.md`` file, else ``None``."""
    path = _split(target)[0]
    return path if _kind(path) == "md" else None


def link_targets(body: str) -> Iterator[tuple[int, str]]:
    """``(line within body, from 0; address)`` of each link OKR314 looks at:
    every one but web addresses, ``mailto:`` and ``#anchors`` (what the
    cross-file rules read of a body, :mod:`okrsite.edit_check`)."""
    for line, target in addresses(body):
        if _kind(_split(target)[0]) is not None:
            yield line, target


def resolved(file: str, path: str) -> str:
    """The site-relative file a link ``path`` written in ``file`` names, in
    NFC: a file name macOS wrote in NFD (``Größe.md`` as ``o`` + diaeresis)
    is found by a link typed as people type it, and the other way round."""
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(file), unquote(path)))
    return as_nfc(joined)


def nfc_files(files: Iterable[str]) -> set[str]:
    """``files`` in NFC, as :func:`resolved` writes the files links name."""
    return {as_nfc(f) for f in files}


def _page_of(rec: object) -> str | None:
    kind = _KINDS.get(type(rec).__name__)
    rid = getattr(rec, "id", "")
    return page_path(kind, rid) if kind and rid else None


class _Site:
    """What the built site will hold, as far as the links' checks need it."""

    def __init__(
        self, records: Iterable[object], with_pages: set[str], static: Collection[str] | None
    ) -> None:
        self.with_pages = with_pages
        self.static = static
        self.page_files: dict[str, str] = {}  # output page -> its record's file
        for rec in records:
            page, file = _page_of(rec), getattr(rec, "file", "")
            if page and file:
                self.page_files[page] = file
        self.outputs = set(self.page_files) | set(SUMMARY_FILES.values())

    def published(self, out: str) -> bool:
        """Whether ``out`` (a path in the output, or a folder of it) will exist."""
        if out.startswith("static/") and self.static is not None:
            return out in self.static
        if out.startswith(_SITE_FOLDERS) or out in _SITE_FILES or out in self.outputs:
            return True
        return posixpath.join(out, "index.html") in self.outputs

    def problem(self, file: str, page: str | None, target: str) -> tuple[str, str] | None:
        """(message, hint) when the link ``target`` in ``file`` (shown on
        ``page``, or on several pages: ``None``) is broken in the built site."""
        path, rest = _split(target)
        kind = _kind(path)
        if kind is None:
            return None
        if kind == "root":
            return (
                f"the link to {target!r} is written from the site's root: it is broken "
                "when the site is published under a sub-path or opened from disk",
                self._relative(file, page, path, rest),
            )
        if kind == "md":
            if resolved(file, path) in self.with_pages:
                return None
            return (
                f"the link to {path!r} names no goal file of the site with a page "
                "(an objective, KPI, goal, team, person or page): it is written as "
                "it stands and is broken in the built site",
                "link to the file of the record meant, relative to this file "
                "(links to goal files become links to their pages), or to a web address",
            )
        source = resolved(file, path)
        if source.startswith("static/") and self.published(source):
            return None
        if page is not None and self.published(_from_page(page, path)):
            return None  # written for the page, and it works there
        if source.startswith("static/"):
            return (
                f"the link to {path!r} names {source!r}, which is not in static/ "
                "(nor the theme's): it is broken in the built site",
                "put the file in static/, or correct the link",
            )
        return (
            f"the link to {path!r} names a file the built site does not have "
            "(only static/ files and the pages of goal files are published): "
            "it is broken in the built site",
            "put the file in static/ and link to it relative to this file "
            f"({posixpath.relpath('static', posixpath.dirname(file) or '.')}/…), "
            "or link to a web address",
        )

    def _relative(self, file: str, page: str | None, path: str, rest: str) -> str:
        """The hint for the site-root link ``path`` in ``file``: its relative form."""
        out = posixpath.normpath(unquote(path).lstrip("/\\")) if path.strip("/\\") else "."
        for name in (out, posixpath.join(out, "index.html")):
            if name in self.page_files:  # a record's page: link to its file
                return f"link to its goal file relative to this file: {_relpath(self.page_files[name], file) + rest!r}"
        if out.startswith("static/") or page is None:
            return f"write it relative to this file: {_relpath(out, file) + rest!r}"
        slash = "/" if path.endswith("/") and out != "." else ""
        shown = posixpath.relpath(out, posixpath.dirname(page)) + slash + rest
        return f"write it relative to the page ({page}): {shown!r}"


def _relpath(target: str, file: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(file) or ".")


def _from_page(page: str, path: str) -> str:
    """The output file a relative link ``path`` on ``page`` names."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(path)))


def _warnings(
    site: _Site, items: Iterable[tuple[str, int, str, str | None]], allow_html: bool
) -> list[Diagnostic]:
    """OKR314 for the broken links of ``(file, first line, text, page)``."""
    out: list[Diagnostic] = []
    for file, first, text, page in items:
        if not text or not file or not may_link(text, allow_html):
            continue
        broken, first_more, only_md = 0, first, True
        for line, target in addresses(text, allow_html):
            found = site.problem(file, page, target)
            if found is None:
                continue
            broken += 1
            if broken == MAX_LINK_WARNINGS + 1:
                first_more = first + line
            if broken > MAX_LINK_WARNINGS:
                only_md = only_md and _kind(_split(target)[0]) == "md"
                continue
            out.append(warning("OKR314", found[0], file, line=first + line, hint=found[1]))
        if broken > MAX_LINK_WARNINGS:
            more = f"and {broken - MAX_LINK_WARNINGS:,} more links"
            out.append(
                warning(
                    "OKR314",
                    f"{more} to '.md' files that name no goal file of the site with a page, "
                    "the first of them"
                    if only_md
                    else f"{more} that are broken in the built site, the first of them",
                    file,
                    line=first_more,
                    hint="link to the files of the records meant, or to files in static/, "
                    "relative to this file",
                )
            )
    return out


def link_warnings(
    records: Iterable[object],
    with_pages: set[str],
    static_files: Collection[str] | None = None,
    allow_html: bool = False,
) -> list[Diagnostic]:
    """OKR314 for each link in a record's body that is broken in the built
    site: to a ``.md`` file that is not one of ``with_pages`` (the files of
    records with a page), to a file that is not published, or from the
    site's root. ``static_files`` are the site's ``static/…`` files (its own
    and its theme's); without them a link into ``static/`` is taken to work.
    With ``allow_html`` (the site's setting) raw HTML's links count too."""
    records = list(records)
    site = _Site(records, with_pages, static_files)
    return _warnings(
        site,
        (
            (
                getattr(rec, "file", ""),
                getattr(rec, "body_line", 1),
                getattr(rec, "body", ""),
                _page_of(rec),
            )
            for rec in records
        ),
        allow_html,
    )


def _note_texts(c: object) -> Iterator[tuple[str, int, str, str | None]]:
    """A check-in's Markdown as ``(file, first line, text, page)``: a
    ``note:`` of its front matter and the body after it apart, each from the
    line it is written on (the note stands first in ``body``)."""
    file, body = getattr(c, "file", ""), getattr(c, "body", "")
    body_line, note_lines = getattr(c, "body_line", 1), getattr(c, "note_lines", 0)
    if not note_lines:
        yield file, body_line, body, None
        return
    lines = body.split("\n")
    yield file, getattr(c, "note_line", 1), "\n".join(lines[:note_lines]), None
    yield file, body_line, "\n".join(lines[note_lines + 1 :]), None


def note_link_warnings(
    checkins: Iterable[object],
    records: Iterable[object],
    static_files: Collection[str] | None = None,
    allow_html: bool = False,
) -> list[Diagnostic]:
    """OKR314 for the broken links in check-in notes (as :func:`link_warnings`;
    ``records`` are those with a page). A note shows on several pages, so a
    relative link works only as a link to a goal file or a file of ``static/``."""
    records = list(records)
    with_pages = nfc_files(getattr(rec, "file", "") for rec in records)
    site = _Site(records, with_pages, static_files)
    return _warnings(site, (text for c in checkins for text in _note_texts(c)), allow_html)


def needs_rewrite(fragment: str) -> bool:
    """Whether :func:`rewrite_links` may change ``fragment`` (cheap)."""
    return ".md" in fragment or "../" in fragment


def rewrite_links(
    fragment: str,
    file: str,
    path: str,
    page_of_file: Mapping[str, str],
    *,
    up: str | None = None,
) -> str:
    """``fragment`` (a body's HTML, written from ``file`` onto the page at
    ``path``, whose ``../`` chain to the site's root is ``up``) with each link
    to a record's ``.md`` file made a link to its page and each link to a
    file of ``static/`` a link to its copy, relative to the page."""
    if not needs_rewrite(fragment):
        return fragment
    if up is None:
        up = prefix(path)

    def address(m: re.Match[str]) -> str:
        target = html.unescape(m.group(2))
        part, rest = _split(target)
        kind = _kind(part)
        if kind == "md":
            if m.group(1) != "href":
                return m.group(0)
            found = page_of_file.get(resolved(file, part))
            if found is None:
                return m.group(0)
            return f'href="{html.escape(up + href(found))}{html.escape(rest)}"'
        if kind != "file" or "../" not in part:
            return m.group(0)
        source = resolved(file, part)
        if not source.startswith("static/"):
            return m.group(0)
        return f'{m.group(1)}="{html.escape(up + href(source))}{html.escape(rest)}"'

    return _ADDRESS.sub(address, fragment)
