"""The addresses a Markdown text links to, read as its page reads them.

OKR314 (:mod:`okrsite.md_links`) warns of links that are broken in the built
site, so it must see the links the page has and only those: not a footnote
definition (``[^1]: Measured by finance.``), not link syntax shown in a code
span or a code block, and an address with balanced parentheses
(``[roadmap](Roadmap%20(v2).md)``) whole. Regular expressions over the raw
text got all three wrong, so the text is parsed by the parser the pages
are rendered with (:func:`okrsite.markdown.reader`) and the links are taken
from its tokens: ``link_open`` and ``image``, with reference-style links
already resolved to their definitions' addresses, and, where the site
allows HTML, the ``href``/``src`` of raw HTML (which the page keeps and
:func:`okrsite.md_links.rewrite_links` rewrites).

Each address comes with its line: a block token's ``map`` gives its first
line, and the line breaks before a link within its block give the rest.

Parsing costs ~0.7 ms a text, a fifth of ``okrsite check`` on a site whose
bodies all have a link, so a text is parsed only when it could be read
wrong without: most bodies and notes have no link (no ``](``, ``]:`` or,
with HTML, ``href``/``src``) and cost nothing, and most of the rest are
plain prose with ``[text](address)`` links, for which the parser finds
exactly what :data:`_PLAIN_LINK` finds (:func:`_plain`: no code, footnote,
reference definition, backslash escape, raw HTML or angle-bracketed
address, no indented line, and every ``](`` one whole ``(address)``). A
test holds the two ways equal on such texts.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.token import Token

__all__ = ["addresses", "may_link", "parsed_addresses"]

#: a raw HTML element's address as the page keeps it (and as
#: :func:`okrsite.md_links.rewrite_links` finds it, once the sanitiser has
#: quoted it): ``href="…"``, ``src='…'``, ``href=…``
_RAW_ADDRESS = re.compile(
    r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE
)
_BREAKS = ("softbreak", "hardbreak")
#: a plain inline link's or image's address, ``](address)``
_PLAIN_LINK = re.compile(r"\]\(([^\s()<>]+)\)")
#: what makes a text's links a matter for the parser: code (spans, fences,
#: indented blocks), footnotes, reference definitions, escapes, raw HTML and
#: autolinks
_NOT_PLAIN = re.compile(r"`|~~~|\[\^|\\|<|\]:|^(?: {4}|\t)", re.MULTILINE)


def may_link(text: str, allow_html: bool = False) -> bool:
    """Whether ``text`` may hold a link (cheap): an inline link or image, a
    reference definition or, with HTML allowed, a raw ``href``/``src``."""
    if "](" in text or "]:" in text:
        return True
    return allow_html and ("href" in text.lower() or "src" in text.lower())


def _plain(text: str) -> list[tuple[int, str]] | None:
    """The addresses of ``text`` read without the parser where it has only
    plain ``[text](address)`` links (see the module's docstring), else None."""
    if _NOT_PLAIN.search(text):
        return None
    found = list(_PLAIN_LINK.finditer(text))
    if len(found) != text.count("]("):  # an address with a title, a space or ()
        return None
    out: list[tuple[int, str]] = []
    line, counted = 0, 0  # newlines counted up to ``counted``: one pass
    for m in found:
        line += text.count("\n", counted, m.start())
        counted = m.start()
        target = m.group(1)
        out.append((line, html.unescape(target) if "&" in target else target))
    return out


def _raw(content: str, line: int) -> list[tuple[int, str]]:
    """The addresses of raw HTML ``content`` that starts at ``line``."""
    found = []
    for m in _RAW_ADDRESS.finditer(content):
        value = next(v for v in m.groups() if v is not None)
        found.append((line + content.count("\n", 0, m.start()), html.unescape(value)))
    return found


def _inline(token: Token, line: int, allow_html: bool) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for child in token.children or ():
        if child.type in _BREAKS:
            line += 1
        elif child.type == "link_open" or child.type == "image":
            address = child.attrGet("href" if child.type == "link_open" else "src")
            if isinstance(address, str):
                found.append((line, address))
        elif child.type == "html_inline" and allow_html:
            found += _raw(child.content, line)
        elif child.type == "text" or child.type == "code_inline":
            line += child.content.count("\n")
    return found


def addresses(text: str, allow_html: bool = False) -> list[tuple[int, str]]:
    """``(line within text, from 0; address)`` of each link and image of
    ``text`` as its page has them, in order, their character references
    decoded as the page decodes them (``&#106;avascript:…`` is
    ``javascript:…``, which the page does not link)."""
    if not may_link(text, allow_html):
        return []
    plain = _plain(text)
    if plain is not None:
        return plain
    return parsed_addresses(text, allow_html)


def parsed_addresses(text: str, allow_html: bool = False) -> list[tuple[int, str]]:
    """:func:`addresses` as the parser reads them, always (what tests hold
    the plain reading to)."""
    from okrsite.markdown import reader

    found: list[tuple[int, str]] = []
    line = 0
    for token in reader(allow_html).parse(text, {}):
        if token.map is not None:
            line = token.map[0]
        if token.type == "inline":
            found += _inline(token, line, allow_html)
        elif token.type == "html_block" and allow_html:
            found += _raw(token.content, line)
    return found
