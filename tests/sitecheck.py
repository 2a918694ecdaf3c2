"""Helpers to inspect a rendered site: collect links and check they resolve.

The build fuzz and the page tests run every check here on every page they
build, so a page is tokenised by ``html.parser`` once and parsed by
BeautifulSoup once (kept for the last few pages checked): each check reads
the same tags, in the same order, with the same lines, as a parser of its
own would give it.
"""

from __future__ import annotations

import posixpath
from collections import OrderedDict
from html.parser import HTMLParser
from typing import Any
from urllib.parse import unquote, urlsplit

#: how many pages' tags and trees are kept: a fuzz site's pages all fit, so
#: broken_links after the per-page checks tokenises none of them again
_KEPT = 64

#: a tag as html.parser reports it: ("start" | "startend" | "end", tag, attrs, line)
_Tag = tuple[str, str, list[tuple[str, str | None]], int]


class _Tags(HTMLParser):
    """Records every start, self-closed and end tag with the line
    :meth:`getpos` gives while the tag is handled."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[_Tag] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(("start", tag, attrs, self.getpos()[0]))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(("startend", tag, attrs, self.getpos()[0]))

    def handle_endtag(self, tag: str) -> None:
        self.tags.append(("end", tag, [], self.getpos()[0]))


_tags_kept: OrderedDict[str, tuple[list[_Tag], int]] = OrderedDict()
_soups_kept: OrderedDict[str, Any] = OrderedDict()


def _keep(kept: OrderedDict[str, Any], text: str, value: Any) -> Any:
    kept[text] = value
    if len(kept) > _KEPT:
        kept.popitem(last=False)
    return value


def _text(html: str | bytes) -> str:
    return html.decode("utf-8") if isinstance(html, bytes) else html


def page_tags(text: str) -> tuple[list[_Tag], int]:
    """The tags of a page (fed, then closed) and how many came before the
    parser was closed: the checks that never close their parser read only
    those."""
    found = _tags_kept.get(text)
    if found is not None:
        _tags_kept.move_to_end(text)
        return found
    parser = _Tags()
    parser.feed(text)
    fed = len(parser.tags)
    parser.close()
    return _keep(_tags_kept, text, (parser.tags, fed))


def page_soup(text: str) -> Any:
    """The page parsed by BeautifulSoup's ``html.parser`` tree builder; the
    checks only read it."""
    from bs4 import BeautifulSoup

    found = _soups_kept.get(text)
    if found is not None:
        _soups_kept.move_to_end(text)
        return found
    return _keep(_soups_kept, text, BeautifulSoup(text, "html.parser"))


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
    tags, fed = page_tags(html.decode("utf-8"))
    for kind, tag, attrs, _ in tags[:fed]:
        if kind != "end":  # a self-closed tag is a start tag to it
            c.handle_starttag(tag, attrs)
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


class _Nesting:
    """Start and end tags that pair up, and no block inside a phrasing-only
    element; told each tag of :func:`page_tags` with its line."""

    def __init__(self) -> None:
        self.line = 0
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
                self.problems.append(f"line {self.line}: <{tag}> inside <{inside[-1]}>")
        if tag == "bdi" and "bdi" in self.stack:
            self.problems.append(f"line {self.line}: <bdi> inside <bdi>")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.foreign:
            return
        if tag not in VOID:
            self.problems.append(f"line {self.line}: self-closed <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if self.foreign:
            self.foreign -= 1
            return
        if tag in VOID:
            self.problems.append(f"line {self.line}: end tag of void <{tag}>")
        elif not self.stack or self.stack[-1] != tag:
            top = self.stack[-1] if self.stack else "nothing"
            self.problems.append(f"line {self.line}: </{tag}> closes <{top}>")
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
    for kind, tag, attrs, line in page_tags(_text(html))[0]:
        parser.line = line
        if kind == "start":
            parser.handle_starttag(tag, attrs)
        elif kind == "startend":
            parser.handle_startendtag(tag, attrs)
        else:
            parser.handle_endtag(tag)
    problems = parser.problems
    if parser.stack:
        problems.append(f"unclosed at the end: {', '.join(parser.stack)}")
    return problems


def dangling_separators(html: str | bytes) -> list[str]:
    """The texts of a page's elements that start or end with the " · " that
    separates the parts of a line, or hold two in a row: a part was left out
    and its separator was not."""
    from bs4 import BeautifulSoup

    try:
        soup = page_soup(_text(html))
    except UnicodeDecodeError:  # bytes that are not UTF-8: BeautifulSoup guesses
        soup = BeautifulSoup(html, "html.parser")
    found = []
    for element in soup.find_all(["p", "li", "span", "h2", "h3", "dd", "td", "th", "a"]):
        text = " ".join(element.get_text(" ").split())
        if text.startswith("·") or text.endswith("·") or "· ·" in text:
            found.append(text)
    return found


#: where the content model admits no phrasing content at all: a ``<bdi>`` (or
#: any inline element) written straight inside one of these is invalid
_NO_PHRASING = frozenset(
    [
        "html",
        "head",
        "ul",
        "ol",
        "menu",
        "dl",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "colgroup",
        "select",
        "optgroup",
        "datalist",
    ]
)
#: elements whose content is text only: no element at all may sit inside one
_TEXT_ONLY = frozenset(["title", "option", "textarea", "style", "script"])
_PARENTS = {
    "li": {"ul", "ol", "menu"},
    "dt": {"dl", "div"},
    "dd": {"dl", "div"},
    "tr": {"table", "thead", "tbody", "tfoot"},
    "td": {"tr"},
    "th": {"tr"},
    "summary": {"details"},
    "option": {"select", "optgroup", "datalist"},
}
_INTERACTIVE = frozenset(["a", "button", "select", "textarea", "label", "details", "iframe"])
_LABELABLE = frozenset(["input", "select", "textarea", "meter", "output", "progress", "button"])
#: elements that may not carry aria-label without a role (the Nu checker's rule:
#: a name on a generic element is not announced)
_NAME_PROHIBITED = frozenset(
    ["div", "span", "p", "b", "i", "em", "strong", "small", "code", "bdi", "dd", "dt", "time"]
)


def _duplicate_attributes(tags: list[_Tag]) -> list[str]:
    """Start tags (self-closed ones too) that write an attribute twice."""
    problems = []
    for kind, tag, attrs, line in tags:
        if kind == "end" or len(attrs) < 2:
            continue
        names = [n for n, _ in attrs]
        for name in sorted({n for n in names if names.count(n) > 1}):
            problems.append(f"line {line}: <{tag}> has {name} twice")
    return problems


def _named_parent(element: Any, names: tuple[str, ...]) -> Any:
    """What ``element.find_parent(names)`` finds: its nearest parent of one of
    ``names``, or None."""
    return next((p for p in element.parents if p.name in names), None)


def conformance_problems(html: str | bytes) -> list[str]:
    """The rest of what the W3C Nu checker reports that a template can get
    wrong, beyond :func:`html_problems`: ids used twice, headings that skip a
    level on the way down, a form control without a label, an ``aria-*``
    reference or ``label for`` to no element, a ``<bdi>`` (or any element)
    where the content model admits no phrasing (in a ``<ul>``, ``<tr>``,
    ``<option>``, ``<title>`` …) or markup escaped into text or an attribute,
    list items and cells outside their parents, interactive elements nested,
    ``aria-label`` on a ``<div>``/``<span>`` without a role, an image without
    ``alt``, an attribute written twice. Empty when the page is fine.

    No Nu checker (vnu.jar) is on the machine and none may be downloaded, so
    these rules are written out here; they are checked against each page
    the tests build."""
    text = _text(html)
    tags, fed = page_tags(text)
    problems = _duplicate_attributes(tags[:fed])
    soup = page_soup(text)
    # find_parent(NAME) is the first of e.parents named NAME, walked here
    # without BeautifulSoup's filter machinery, which took most of the time
    elements = [
        e for e in soup.find_all(True) if e.name != "svg" and not _named_parent(e, ("svg",))
    ]
    ids: dict[str, str] = {}
    for e in soup.find_all(id=True):
        if e["id"] in ids:
            problems.append(f"id {e['id']!r} used twice (<{ids[e['id']]}>, <{e.name}>)")
        ids.setdefault(e["id"], e.name)
    level = 0
    for h in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]):
        n = int(h.name[1])
        if n > level + 1:
            title = " ".join(h.get_text(" ").split())[:40]
            problems.append(f"<{h.name}> {title!r} follows <h{level}>: a level skipped")
        level = n
    for e in elements:
        parent = e.parent.name if e.parent is not None else ""
        if parent in _NO_PHRASING and e.name not in ("script", "template"):
            allowed = {
                "ul": {"li"},
                "ol": {"li"},
                "menu": {"li"},
                "dl": {"dt", "dd", "div"},
                "table": {"caption", "colgroup", "thead", "tbody", "tfoot", "tr"},
                "thead": {"tr"},
                "tbody": {"tr"},
                "tfoot": {"tr"},
                "tr": {"td", "th"},
                "colgroup": {"col"},
                "select": {"option", "optgroup", "hr"},
                "optgroup": {"option"},
                "datalist": {"option"},
                "html": {"head", "body"},
            }.get(parent)
            if allowed is not None and e.name not in allowed:
                problems.append(f"<{e.name}> straight inside <{parent}>")
        if parent in _TEXT_ONLY:
            problems.append(f"<{e.name}> inside <{parent}>, whose content is text only")
        if e.name in _PARENTS and parent not in _PARENTS[e.name]:
            problems.append(f"<{e.name}> inside <{parent}>")
        if e.name in _INTERACTIVE or (e.name == "input" and e.get("type") != "hidden"):
            outer = _named_parent(e, ("a", "button"))
            if outer is not None:
                problems.append(f"<{e.name}> inside <{outer.name}>")
        if e.name in _NAME_PROHIBITED and not e.get("role"):
            for attr in ("aria-label", "aria-labelledby"):
                if e.get(attr) is not None:
                    problems.append(f"{attr} on <{e.name}> without a role")
        if e.name == "img" and e.get("alt") is None:
            problems.append(f"<img src={e.get('src')!r}> without alt")
        for attr in ("aria-labelledby", "aria-describedby", "aria-controls", "aria-owns"):
            for ref in str(e.get(attr) or "").split():
                if ref not in ids:
                    problems.append(f"<{e.name} {attr}={ref!r}> names no element")
        for attr, value in e.attrs.items():
            joined = " ".join(value) if isinstance(value, list) else str(value)
            if "<bdi" in joined or "</" in joined:
                problems.append(f"markup in <{e.name} {attr}={joined[:60]!r}>")
        if e.name == "label" and e.get("for"):
            target = soup.find(id=e["for"])
            if target is None or target.name not in _LABELABLE:
                problems.append(f"<label for={e['for']!r}> labels no form control")
        if e.name in ("input", "select", "textarea") and e.get("type") not in (
            "hidden",
            "submit",
            "button",
            "reset",
            "image",
        ):
            labelled = (
                e.get("aria-label")
                or e.get("aria-labelledby")
                or e.get("title")
                or e.find_parent("label") is not None
                or (e.get("id") and soup.find("label", attrs={"for": e["id"]}) is not None)
            )
            if not labelled:
                problems.append(f"<{e.name} name={e.get('name')!r}> has no label")
    for string in soup.find_all(string=True):
        if "<bdi" in string or "</bdi" in string:
            problems.append(f"markup shown as text: {str(string).strip()[:60]!r}")
    if len(soup.find_all("main")) > 1:
        problems.append("more than one <main>")
    return problems
