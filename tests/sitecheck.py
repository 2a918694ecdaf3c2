"""Helpers to inspect a rendered site: collect links and check they resolve."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.h1 = 0
        self.progress: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        for name in ("href", "src"):
            if a.get(name) is not None:
                self.links.append(a[name] or "")
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if tag == "h1":
            self.h1 += 1
        if a.get("role") == "progressbar":
            self.progress.append(a)


def scan(html: bytes) -> _Collector:
    c = _Collector()
    c.feed(html.decode("utf-8"))
    return c


def broken_links(
    out: dict[str, bytes], skip: frozenset[str] = frozenset({"404.html"})
) -> list[str]:
    """Every relative href/src in HTML files whose target file (or #fragment) is missing."""
    ids: dict[str, set[str]] = {}
    scanned = {p: scan(b) for p, b in out.items() if p.endswith(".html")}
    for p, c in scanned.items():
        ids[p] = c.ids
    problems = []
    for page, c in scanned.items():
        if page in skip:
            continue
        for link in c.links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith("//"):
                continue
            if link.startswith("/"):
                problems.append(f"{page}: absolute link {link}")
                continue
            if not parts.path:  # same-page fragment
                target = page
            else:
                if parts.path.endswith("/"):
                    problems.append(f"{page}: link to a folder {link} (no index.html)")
                    continue
                target = posixpath.normpath(
                    posixpath.join(posixpath.dirname(page), unquote(parts.path))
                )
            if target.startswith("../") or target not in out:
                problems.append(f"{page}: {link} -> {target} missing")
                continue
            frag = unquote(parts.fragment)
            if frag and target in ids and frag not in ids[target]:
                problems.append(f"{page}: {link} -> #{frag} missing in {target}")
    return problems
