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
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.rules_core import StateCore

__all__ = ["raw_html_ids_rule"]

#: a start tag of raw HTML (its attributes in it)
_TAG = re.compile(r"<[A-Za-z][^<>]*>")
#: an ``id`` attribute in a tag, its value in one of three groups
_ID = re.compile(
    r"""(?P<name>\sid\s*=\s*)(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'=<>`]+))""", re.I
)
#: an attribute naming an id of the page: a link's fragment, a label's control
_REF = re.compile(
    r"""(?P<name>\s(?:href\s*=\s*["']?#|for\s*=\s*["']?))(?P<value>[^\s"'<>`]+)""", re.I
)
#: ids of footnotes (``fn-body-1``): none of an author's may take one
_FOOTNOTE_PREFIXES = ("fn-", "fnref-")


def _ids_in(content: str) -> list[str]:
    return [
        next(v for v in (m.group("dq"), m.group("sq"), m.group("bare")) if v is not None)
        for tag in _TAG.finditer(content)
        for m in _ID.finditer(tag.group(0))
    ]


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
        # every id as written, in the order the rewrite below meets them
        written = [i for t in raw for i in _ids_in(t.content)]
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

        def new_id(m: re.Match[str]) -> str:
            return f'{m.group("name")}"{next(order)}"'

        def new_ref(m: re.Match[str]) -> str:
            return m.group("name") + moved.get(m.group("value"), m.group("value"))

        def retag(tag: re.Match[str]) -> str:
            return _REF.sub(new_ref, _ID.sub(new_id, tag.group(0)))

        for t in raw:
            t.content = _TAG.sub(retag, t.content)
        for t in tokens:
            for c in t.children or ():
                href = c.attrGet("href") if c.type == "link_open" else None
                if isinstance(href, str) and href.startswith("#") and href[1:] in moved:
                    c.attrSet("href", "#" + moved[href[1:]])

    return rule
