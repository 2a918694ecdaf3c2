"""The ``id``s of raw HTML in a text (``allow_html = true``), kept unique in its page.

An author's ``<div id="timeline">`` in a body would share its id with the
page's own ``<h2 id="timeline">`` (or ``main``, ``kr-…``, ``checkin-…``):
the page is invalid HTML, and the check-ins section, labelled by that id,
takes the author's text as its name. So ids written in raw HTML are given
the same treatment Markdown headings get (:mod:`okrsite.markdown`):

* in a body (one per page), an id the theme gives a page's own parts, one
  of a theme prefix (``kr-``, ``checkin-``, ``cycle-``), of a footnote
  (``fn-``, ``fnref-``), or one the text already has (a heading's, an
  earlier tag's) gets ``-1`` (then ``-2`` …): ``main`` is ``main-1``;
  other ids stay as written;
* in a check-in's notes (a page shows many, and two notes' ids would
  clash), every id is prefixed with ``note-`` and the check-in's anchor:
  ``note-checkin-growth-2026-11-19-main`` (then ``-1`` … for a repeat).

Links within the text to such an id (``href="#timeline"`` in raw HTML, a
Markdown ``[see](#timeline)``, a ``<label for>``) follow it, so they keep
leading to the author's (first) element of that id.

The tags are read as a browser (and nh3, after this) reads them, by
:class:`html.parser.HTMLParser`, not by a pattern: ``<p/id="main">`` has an
``id`` (a ``/`` parts attributes as a space does), and ``id=&#109;ain`` is
``main`` (a value's character references are decoded), so an author could
otherwise take the page's ``main`` or a check-in's anchor (audit 47,
"hostile" F1). A tag whose id or link changes is written again from what
was read, its values quoted and escaped, so the page holds exactly the id
compared here.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Collection
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.rules_core import StateCore

__all__ = ["raw_html_ids_rule"]

#: ids of footnotes (``fn-body-1``): none of an author's may take one
_FOOTNOTE_PREFIXES = ("fn-", "fnref-")
#: attributes naming an id of the page: a label's control (a link's ``#``
#: fragment is an ``href`` starting with ``#``)
_REFERENCES = ("for",)


@dataclass(frozen=True)
class _StartTag:
    """A start tag of raw HTML: where it stands in its token's text, and its
    attributes as a browser keeps them (names in lower case, values
    decoded, the first of a repeated name)."""

    start: int
    end: int
    name: str
    attributes: dict[str, str | None]

    @property
    def id(self) -> str:
        return self.attributes.get("id") or ""

    def written(self, attributes: dict[str, str | None]) -> str:
        """The tag with ``attributes``, each value quoted and escaped."""
        parts = [self.name]
        for name, value in attributes.items():
            parts.append(name if value is None else f'{name}="{html.escape(value)}"')
        return "<" + " ".join(parts) + ">"


class _StartTags(HTMLParser):
    """The start tags of one token of raw HTML, in order. A comment's or a
    script's text holds none (as for a browser)."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[_StartTag] = []
        self._line_starts = [0]
        newline = text.find("\n")
        while newline >= 0:
            self._line_starts.append(newline + 1)
            newline = text.find("\n", newline + 1)
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, column = self.getpos()
        start = self._line_starts[line - 1] + column
        attributes: dict[str, str | None] = {}
        for name, value in attrs:
            attributes.setdefault(name, value)
        raw = self.get_starttag_text() or ""
        self.tags.append(_StartTag(start, start + len(raw), tag, attributes))

    handle_startendtag = handle_starttag


def raw_html_ids_rule(
    theme_ids: Collection[str], theme_prefixes: tuple[str, ...], doc_key: str, body_id: str
) -> Callable[[StateCore], None]:
    """A markdown-it core rule giving the text's raw-HTML ids unique ones;
    ``doc_key`` is where the render's ``env`` holds the text's prefix
    (``body_id`` for a page's body, else a check-in's anchor)."""
    reserved = (*theme_prefixes, *_FOOTNOTE_PREFIXES)

    def rule(state: StateCore) -> None:
        tokens = state.tokens
        raw = [t for t in tokens if t.type == "html_block"]
        for t in tokens:
            if t.type == "inline" and t.children:
                raw.extend(c for c in t.children if c.type == "html_inline")
        tags = [_StartTags(t.content).tags if "<" in t.content else [] for t in raw]
        # every id as a browser reads it, in the order the rewrite below meets them
        written = [tag.id for in_token in tags for tag in in_token if tag.id]
        if not written:
            return
        doc = str(state.env.get(doc_key, body_id))
        # the ids Markdown gave (headings): a link to one keeps leading there
        markdown_ids = {str(t.attrGet("id")) for t in tokens if t.attrGet("id")}
        taken = set(markdown_ids)
        given: list[str] = []
        #: each id as written → what its first element now has: links follow it
        moved: dict[str, str] = {}
        for ident in written:
            if doc != body_id:
                base = f"note-{doc}-{ident}"
                clash = base in taken
            else:
                base = ident
                clash = ident in theme_ids or ident.startswith(reserved) or ident in taken
            new = base
            number = 1
            while clash:
                new = f"{base}-{number}"
                number += 1
                clash = new in taken or new in theme_ids
            taken.add(new)
            given.append(new)
            if ident not in markdown_ids:
                moved.setdefault(ident, new)
        if given == written:
            return
        order = iter(given)
        for t, in_token in zip(raw, tags, strict=True):
            pieces = []
            done = 0
            for tag in in_token:
                attributes = _followed(tag, moved)
                if tag.id:
                    attributes["id"] = next(order)
                if attributes != tag.attributes:
                    pieces += [t.content[done : tag.start], tag.written(attributes)]
                    done = tag.end
            if pieces:
                t.content = "".join(pieces) + t.content[done:]
        for t in tokens:
            for c in t.children or ():
                href = c.attrGet("href") if c.type == "link_open" else None
                if isinstance(href, str) and href.startswith("#") and href[1:] in moved:
                    c.attrSet("href", "#" + moved[href[1:]])

    return rule


def _followed(tag: _StartTag, moved: dict[str, str]) -> dict[str, str | None]:
    """``tag``'s attributes with its link (``href="#…"``) or label's control
    (``for``) naming an id that moved naming where it went."""
    attributes = dict(tag.attributes)
    href = attributes.get("href")
    if href and href.startswith("#") and href[1:] in moved:
        attributes["href"] = "#" + moved[href[1:]]
    for name in _REFERENCES:
        value = attributes.get(name)
        if value and value in moved:
            attributes[name] = moved[value]
    return attributes
