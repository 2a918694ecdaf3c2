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


VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)
#: elements whose content is phrasing content only: a block inside one is not valid HTML
PHRASING_ONLY = frozenset(
    [
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "cite",
        "code",
        "dfn",
        "em",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "i",
        "kbd",
        "label",
        "mark",
        "p",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "time",
        "u",
        "var",
        "dt",
    ]
)
#: elements that are flow (block) content and must not sit inside phrasing-only ones
BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "details",
        "div",
        "dl",
        "figure",
        "footer",
        "form",
        "header",
        "hr",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "ul",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
    ]
)
#: foreign content (SVG) is checked as XML elsewhere
_FOREIGN = frozenset({"svg"})


class _Nesting(HTMLParser):
    """Start and end tags that pair up, and no block inside a phrasing-only element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.foreign = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.foreign:
            self.foreign += 1
            return
        if tag in _FOREIGN:
            self.foreign = 1
            return
        if tag in BLOCKS:
            inside = [t for t in self.stack if t in PHRASING_ONLY]
            if inside:
                self.problems.append(f"line {self.getpos()[0]}: <{tag}> inside <{inside[-1]}>")
        if tag == "bdi" and "bdi" in self.stack:
            self.problems.append(f"line {self.getpos()[0]}: <bdi> inside <bdi>")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.foreign:
            return
        if tag not in VOID:
            self.problems.append(f"line {self.getpos()[0]}: self-closed <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if self.foreign:
            self.foreign -= 1
            return
        if tag in VOID:
            self.problems.append(f"line {self.getpos()[0]}: end tag of void <{tag}>")
        elif not self.stack or self.stack[-1] != tag:
            top = self.stack[-1] if self.stack else "nothing"
            self.problems.append(f"line {self.getpos()[0]}: </{tag}> closes <{top}>")
            if tag in self.stack:
                del self.stack[len(self.stack) - 1 - self.stack[::-1].index(tag) :]
        else:
            self.stack.pop()


def html_problems(html: str | bytes) -> list[str]:
    """What makes a page invalid HTML in the ways a template can get wrong:
    tags that do not pair up, a block (``<div>``, ``<p>``, ``<ul>`` …) inside a
    phrasing-only element (``<p>``, ``<a>``, ``<span>``, ``<bdi>`` …), a
    ``<bdi>`` inside another. Empty when the page is fine."""
    parser = _Nesting()
    parser.feed(html.decode("utf-8") if isinstance(html, bytes) else html)
    parser.close()
    problems = parser.problems
    if parser.stack:
        problems.append(f"unclosed at the end: {', '.join(parser.stack)}")
    return problems


def dangling_separators(html: str | bytes) -> list[str]:
    """The texts of a page's elements that start or end with the " · " that
    separates the parts of a line, or hold two in a row: a part was left out
    and its separator was not."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    found = []
    for element in soup.find_all(["p", "li", "span", "h2", "h3", "dd", "td", "th", "a"]):
        text = " ".join(element.get_text(" ").split())
        if text.startswith("·") or text.endswith("·") or "· ·" in text:
            found.append(text)
    return found
