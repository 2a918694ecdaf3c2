"""Output paths and relative links.

Every link the site writes is relative and names ``index.html`` explicitly:
the site must work under any sub-path of any host and straight from disk
(``file://`` shows a directory listing, not ``index.html``, for ``dir/``).

A page's *path* is where it is written (``objectives/sales/emea/index.html``,
ids keep their slashes, so the folder tree mirrors ``content/``). A page's
*href* is the same path percent-encoded for use in ``href``. A page links to
another as ``prefix(own path) + href(other)``.
"""

from __future__ import annotations

from urllib.parse import quote

from okrsite.windows_names import windows_safe

__all__ = ["safe_path", "href", "prefix", "page_path", "page_file", "SUMMARY_FILES"]

_SECTIONS = {
    "objective": "objectives",
    "kpi": "kpis",
    "goal": "goals",
    "team": "teams",
    "person": "people",
    "cycle": "cycles",
    "tag": "tags",
    "page": "pages",
}


def safe_path(ident: str) -> str:
    """An id (or a tag, a cycle) as a relative folder path that cannot escape
    its section, nor meet another's.

    Empty, ``.`` and ``..`` segments (and backslashes) would climb or vanish
    in a file system, and a segment ``index.html`` (in any case) would be a
    folder where a page is written (``kpis/index.html``), so they are
    percent-encoded (``%2F``, ``%2E``, ``%2E%2E``, ``index%2Ehtml``), and a
    ``%`` as ``%25`` first, so no two values share a folder (a tag ``..``
    and a tag ``___`` did, and one page overwrote the other). Everything else
    is kept, so the output mirrors the content tree. So that the site can be
    copied to and served from Windows, a name Windows cannot hold (``CON``,
    ``aux.x``, ``Ende.``, ``Q?``) is percent-encoded too
    (:func:`okrsite.windows_names.windows_safe`: ``CO%4E``, ``Q%3F``).
    A leading dot is encoded too (a tag ``.git`` is ``%2Egit``): a hidden
    folder is left out by the tools that publish a site (GitHub Pages'
    upload drops ``.git`` and ``.github`` at any depth, git cannot hold a
    ``.git`` path), so its page and every link to it would be 404 there.
    """
    return "/".join(
        _safe_segment(seg.replace("%", "%25")) for seg in ident.replace("\\", "/").split("/")
    )


def flat_path(name: str) -> str:
    """A name that is not a path, a cycle's, as one folder of its section.

    Ids nest (``sales/emea``) as their files do, but a cycle is named in
    ``okrsite.toml``, where ``[cycles."2026 H2 / Q3"]`` or ``[cycles."2026/27"]``
    means one cycle, not a folder ``2026 H2 `` holding `` Q3``: its ``/`` (and
    ``\\``) are percent-encoded (``2026 H2 %2F Q3``, ``2026%2F27``) as the
    rest of the name is by :func:`safe_path`. A name without them is the
    folder :func:`safe_path` gives, so no other page moves."""
    escaped = name.replace("%", "%25").replace("/", "%2F").replace("\\", "%5C")
    return _safe_segment(escaped)


def _safe_segment(seg: str) -> str:
    """One folder name of :func:`safe_path`, its ``%`` already encoded."""
    if seg == "":
        return "%2F"
    if seg in (".", "..") or (len(seg) == 10 and seg.casefold() == "index.html"):
        return seg.replace(".", "%2E")
    seg = windows_safe(seg)
    if seg.startswith("."):  # .git, .github: hidden, and never published
        seg = "%2E" + seg[1:]
    return seg


def page_path(kind: str, ident: str) -> str:
    """Where the page of a record of ``kind`` is written: a cycle's in one
    folder (:func:`flat_path`), every other's as its id nests."""
    folder = flat_path(ident) if kind == "cycle" else safe_path(ident)
    return f"{_SECTIONS[kind]}/{folder}/index.html"


#: Where each site-wide page is written (record pages: :func:`page_path`).
SUMMARY_FILES = {
    "dashboard": "index.html",
    "alignment": "alignment/index.html",
    "kpi-tree": "kpis/index.html",
    "teams": "teams/index.html",
    "people": "people/index.html",
    "cycles": "cycles/index.html",
    "tags": "tags/index.html",
    "goals": "goals/index.html",
    "checkins": "checkins/index.html",
    "search": "search/index.html",
    "pages": "pages/index.html",
    "attention": "attention/index.html",
    "404": "404.html",
}


def page_file(key: tuple[str, str]) -> str:
    """The output path of a page (``(kind, id)``, as the renderer lists pages)."""
    kind, ident = key
    return SUMMARY_FILES.get(kind) or page_path(kind, ident)


def href(path: str) -> str:
    """A site-relative output path as it goes into an ``href`` (percent-encoded)."""
    return quote(path, safe="/")


def prefix(path: str) -> str:
    """The ``../`` chain from the folder of ``path`` back to the site root."""
    return "../" * path.count("/")
