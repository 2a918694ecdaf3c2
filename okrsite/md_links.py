"""Markdown links from one goal file to another, as pages link to pages.

People write ``[the sales goal](../Sales/Grow EMEA.md)`` in a body because
that is the link that works in their editor and on GitHub. In the built site
no ``.md`` file exists: the link was written as it stood and was broken,
without a word. As MkDocs does, a relative link to the ``.md`` file of a
record with a page is written as a relative link to that page (so it works
from disk and under any sub-path), its ``#section`` kept
(:func:`rewrite_links`); a link to a ``.md`` file that is no such record is
warning OKR314 at its line (:func:`link_warnings`). Web addresses, links
from the site's root (``/x.md``) and links to other files are left alone.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable, Iterator, Mapping
from urllib.parse import unquote

from okrsite.diagnostics import Diagnostic, warning
from okrsite.parse_names import as_nfc
from okrsite.urls import href, prefix

__all__ = ["link_targets", "link_warnings", "rewrite_links", "resolved"]

# an inline link's or image's address, ``](target)`` or ``](<target> "title")``,
# and a reference definition ``[name]: target``
_INLINE = re.compile(r"\]\(\s*(<[^<>\n]*>|[^\s()<>]+)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*(<[^<>\n]*>|\S+)", re.MULTILINE)
_MD_HREF = re.compile(r'href="([^":?#]*\.md)(#[^"]*)?"', re.IGNORECASE)
#: OKR314 warnings given one by one for one file; the rest in one more
MAX_LINK_WARNINGS = 20
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def _md_path(target: str) -> str | None:
    """The file part of a relative link to a ``.md`` file, else ``None``."""
    target = target.removeprefix("<").removesuffix(">")
    path = target.partition("#")[0].partition("?")[0]
    if not path.lower().endswith(".md") or path.startswith(("/", "\\")):
        return None
    return None if _SCHEME.match(path) else path


def link_targets(body: str) -> Iterator[tuple[int, str]]:
    """``(line within body, from 0; file part)`` of each relative link to a ``.md`` file."""
    if ".md" not in body and ".MD" not in body:
        return
    found = [(m.start(), m.group(1)) for m in _INLINE.finditer(body)]
    found += [(m.start(), m.group(1)) for m in _REFERENCE.finditer(body)]
    line, counted = 0, 0  # newlines counted up to ``counted``: one pass, not one per link
    for at, target in sorted(found):
        path = _md_path(target)
        if path is not None:
            line += body.count("\n", counted, at)
            counted = at
            yield line, path


def resolved(file: str, path: str) -> str:
    """The site-relative file a link ``path`` written in ``file`` names, in
    NFC: a file name macOS wrote in NFD (``Größe.md`` as ``o`` + diaeresis)
    is found by a link typed as people type it, and the other way round."""
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(file), unquote(path)))
    return as_nfc(joined)


def nfc_files(files: Iterable[str]) -> set[str]:
    """``files`` in NFC, as :func:`resolved` writes the files links name."""
    return {as_nfc(f) for f in files}


def link_warnings(records: Iterable[object], with_pages: set[str]) -> list[Diagnostic]:
    """OKR314 for each link in a record's body to a ``.md`` file that is not
    one of ``with_pages`` (the files of records with a page)."""
    out: list[Diagnostic] = []
    for rec in records:
        body = getattr(rec, "body", "")
        file = getattr(rec, "file", "")
        if not body or not file:
            continue
        broken = 0
        for line, path in link_targets(body):
            if resolved(file, path) in with_pages:
                continue
            broken += 1
            if broken == MAX_LINK_WARNINGS + 1:
                first_more = getattr(rec, "body_line", 1) + line
            if broken > MAX_LINK_WARNINGS:
                continue
            out.append(
                warning(
                    "OKR314",
                    f"the link to {path!r} names no goal file of the site with a page "
                    "(an objective, KPI, goal, team, person or page): it is written as "
                    "it stands and is broken in the built site",
                    file,
                    line=getattr(rec, "body_line", 1) + line,
                    hint="link to the file of the record meant, relative to this file "
                    "(links to goal files become links to their pages), or to a web address",
                )
            )
        if broken > MAX_LINK_WARNINGS:
            out.append(
                warning(
                    "OKR314",
                    f"and {broken - MAX_LINK_WARNINGS:,} more links to '.md' files that name "
                    "no goal file of the site with a page, the first of them",
                    file,
                    line=first_more,
                    hint="link to the files of the records meant, relative to this file",
                )
            )
    return out


def rewrite_links(fragment: str, file: str, path: str, page_of_file: Mapping[str, str]) -> str:
    """``fragment`` (a body's HTML, written from ``file`` onto the page at
    ``path``) with each link to a record's ``.md`` file made a link to its page."""
    if ".md" not in fragment:
        return fragment
    up = prefix(path)

    def page(m: re.Match[str]) -> str:
        target = html.unescape(m.group(1))
        if _md_path(target) is None:
            return m.group(0)
        found = page_of_file.get(resolved(file, target))
        if found is None:
            return m.group(0)
        return f'href="{html.escape(up + href(found))}{m.group(2) or ""}"'

    return _MD_HREF.sub(page, fragment)
