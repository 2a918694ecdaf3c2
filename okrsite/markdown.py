"""Markdown to HTML for bodies and check-in notes.

Goal files are written by many people and published to an internal wiki, so
the renderer is safe by default: raw HTML is escaped unless the site opts in
with ``allow_html = true``, and links with script-capable schemes
(``javascript:``, ``vbscript:``, ``file:``, ``data:`` except images) never
become links -- markdown-it's ``validateLink`` rejects them in Markdown syntax,
and :func:`_defuse_raw_html` neutralises them in raw HTML when HTML is allowed
(allowing HTML means trusting authors with markup, not with a way to turn a
click into script); with HTML allowed, the whole rendered text then goes
through :func:`okrsite.html_sanitise.sanitised`, which keeps only the tags
and attributes a goal body needs (no ``<script>``, no ``onclick``).

Markdown headings are shifted so that a body's highest heading is an
``<h2>`` (``#`` becomes ``<h2>``, ``##`` ``<h3>``; a body whose sections
start at ``##`` has those as ``<h2>``) because every page already has its
own ``<h1>`` (one per page for screen readers) and no level may be skipped
below it; headings get GitHub-style ids so sections can be linked to. A
check-in's note is shifted the same way to the level given when it is
rendered (``render(text, top)``): one below its check-in's own heading on
that page (an ``<h3>`` under an ``<h2>``, an ``<h4>`` under an ``<h3>``). An id must be unique
in its page: a heading never takes an id the theme gives a page's own parts
(``about``, ``history``, ``kr-…``; it gets ``about-1``), and a check-in's
notes get no heading ids at all, since a page shows many check-ins and two
notes' "Blockers" would both be ``blockers``; a heading of only emoji or
punctuation, whose slug is empty, is ``section``. Footnote ids carry the
text's own prefix (``fn-body-1``; a note's, its check-in's anchor), as
every text's footnotes are numbered from 1.

A Markdown table stands in its own box, ``<div class="md-table">``, which
scrolls sideways on a narrow screen rather than the page (the theme keeps
the table's words whole in it); the box is a labelled region a keyboard can
focus, so it can be scrolled without a mouse (axe:
scrollable-region-focusable). Its label is the table's column headings, in
whatever language they are written, numbered from the second table of a
text with the same headings on; a check-in's notes add the check-in's date
and what it is about (:func:`name_tables`), since a page shows many notes
(a region's name must be unique in its page). The words and punctuation
between those parts are the site's language's (:mod:`okrsite.table_words`).

The two ``MarkdownIt`` instances are built once, on first use: building one
costs far more than rendering a short note, and a large site renders tens of
thousands of notes. markdown-it itself is imported then too: a build after
one edit often converts no Markdown at all (plain notes take the fast path
below, unchanged bodies come from the cache), and importing it and its
plugins was a tenth of such a build's time.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from okrsite.html_sanitise import sanitised
from okrsite.raw_html_ids import raw_html_ids_rule
from okrsite.table_words import TableWords

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token

__all__ = ["Render", "renderer", "is_safe_url", "name_tables", "NOTE_TOP", "BODY_ID"]

#: the level a body's highest heading takes: the page's own title is the one <h1>
_TOP_HEADING = 2
#: the level a note's highest heading takes when none is given: under a
#: check-in's ``<h2>`` (the check-ins page)
NOTE_TOP = 3
#: where the level a text's highest heading takes travels to the core rule
_TOP_KEY = "okrsite_top"
#: where the prefix of a text's footnote ids travels (mdit_py_plugins'
#: footnote plugin reads it from the render's env)
_DOC_ID_KEY = "docId"
#: the footnote id prefix of a page's body (a page shows one body)
BODY_ID = "body"
#: where the labels of a text's tables so far travel, to number repeats
_TABLES_KEY = "okrsite_tables"
#: where the site's words for a table's name travel (:class:`TableWords`):
#: "Table", the headings' separator, a repeat's number, in its language
_TABLE_WORDS_KEY = "okrsite_table_words"


class Render(Protocol):
    """Markdown to HTML: ``top`` is the level the text's highest heading takes."""

    def __call__(self, text: str, top: int = ..., doc_id: str = ...) -> str: ...


#: the ids the default theme gives a page's own sections and controls
#: (docs/themes.md), and the prefixes of those it makes from record ids
#: (``anchor(kind, id)``): a Markdown heading that would take one gets ``-1``
_THEME_IDS = frozenset(
    [
        "about",
        "aligned",
        "attention",
        "changes",
        "chart",
        "drives",
        "explain",
        "goal-history",
        "goals",
        "history",
        "home",
        "initiatives",
        "kpis",
        "krs",
        "latest",
        "links",
        "main",
        "overall",
        "related",
        "scorecard",
        "search-q",
        "search-results",
        "search-result",
        "search-status",
        "site-search",
        "smart",
        "stale",
        "targeted",
        "timeline",
        "top",
    ]
)
_THEME_ID_PREFIXES = ("kr-", "checkin-", "cycle-")

# attributes that carry a URL a browser may navigate to or load
_URL_ATTR_RE = re.compile(
    r"""(?P<name>\b(?:href|src|action|formaction|xlink:href|poster|background|cite|data|srcdoc)\s*=\s*)"""
    r"""(?P<value>"[^"]*"|'[^']*'|[^\s"'=<>`]+)""",
    re.IGNORECASE,
)
_CONTROL_RE = re.compile(r"[\x00-\x20\x7f]+")


def is_safe_url(url: str) -> bool:
    """Whether a URL may become a link: the same rule Markdown links follow.

    Browsers ignore whitespace and control characters inside a scheme
    (``java\\tscript:``) and decode entities in attributes, so both are
    undone before the check.
    """
    cleaned = _CONTROL_RE.sub("", html.unescape(url)).lower()
    return _validate_link(cleaned)


# markdown-it's ``validateLink`` (markdown_it.common.normalize_url), the rule its
# links follow, restated so that checking a URL does not import markdown-it;
# tests hold the two equal on generated URLs
_BAD_PROTOCOL = re.compile(r"^(vbscript|javascript|file|data):")
_GOOD_DATA = re.compile(r"^data:image\/(gif|png|jpeg|webp);")


def _validate_link(url: str) -> bool:
    url = url.strip().lower()
    return bool(_GOOD_DATA.search(url)) if _BAD_PROTOCOL.search(url) else True


def _defuse_attr(match: re.Match[str]) -> str:
    name, value = match.group("name"), match.group("value")
    raw = value[1:-1] if value[:1] in "\"'" else value
    if name.lower().startswith("srcdoc"):
        return f'{name}""'
    if is_safe_url(raw):
        return match.group(0)
    return f'{name}"#"'


def _defuse_raw_html(state: StateCore) -> None:
    """Replace dangerous URLs inside raw HTML tokens with ``#``."""
    for token in state.tokens:
        if token.type == "html_block":
            token.content = _URL_ATTR_RE.sub(_defuse_attr, token.content)
        elif token.type == "inline" and token.children:
            for child in token.children:
                if child.type == "html_inline":
                    child.content = _URL_ATTR_RE.sub(_defuse_attr, child.content)


def _shift_headings(state: StateCore) -> None:
    """A text's headings: its highest one at the level asked for (an ``<h2>``
    for a body), the rest as far below it as written, none past ``<h6>``,
    and none more than one level below the heading before it: a body whose
    ``## Overview`` is followed by ``#### Details`` has them as ``<h2>`` and
    ``<h3>``, so a screen reader's outline of the page skips no level."""
    headings = [t for t in state.tokens if t.type in ("heading_open", "heading_close")]
    if not headings:
        return
    top = min(6, max(2, int(state.env.get(_TOP_KEY, _TOP_HEADING))))
    shift = top - min(int(t.tag[1]) for t in headings)
    above = top - 1  # the level of the heading before (the page's own, first)
    for token in headings:
        if token.type == "heading_open":
            level = min(max(top, min(6, int(token.tag[1]) + shift)), above + 1)
            token.tag = f"h{level}"
            above = level
        else:
            token.tag = f"h{above}"


def _table_label(tokens: Sequence[Token], idx: int, words: TableWords) -> str:
    """A table's column headings as text, one after another in the site's
    words (its first row with text, if they have none; the site's word for a
    table, if no row has text)."""
    row: list[str] = []
    for token in tokens[idx + 1 :]:
        if token.type == "table_close":
            break
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and any(row):
            return words.headings(row)
        elif token.type == "inline":
            text = "".join(
                c.content if c.type in ("text", "code_inline") else " "
                for c in token.children or ()
                if c.type in ("text", "code_inline", "softbreak", "hardbreak")
            )
            row.append(" ".join(text.split()))
    return words.table


def _table_open(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    words: TableWords = env.get(_TABLE_WORDS_KEY) or TableWords()
    label = _table_label(tokens, idx, words)
    # a text's second table with the same headings is "Week, Value (2)": a
    # region's name must be unique in its page (axe: landmark-unique)
    seen: dict[str, int] = env.setdefault(_TABLES_KEY, {})
    seen[label] = seen.get(label, 0) + 1
    if seen[label] > 1:
        label = words.numbered(label, seen[label])
    label = html.escape(label, quote=True)
    table: str = self.renderToken(tokens, idx, options, env)
    return f'<div class="md-table" role="region" tabindex="0" aria-label="{label}">\n{table}'


#: a table's box as :func:`_table_open` writes it, its label (escaped) in group 2
_TABLE_BOX = re.compile(r'(<div class="md-table" role="region" tabindex="0" aria-label=")([^"]*)"')


def name_tables(fragment: str, context: str, words: TableWords | None = None) -> str:
    """``fragment`` (rendered Markdown) with ``context`` added to each of its
    tables' labels ("Week, Value" becomes "Week, Value – 19 Nov 2026", in
    ``words``, the site's: :meth:`TableWords.of_checkin`). A page shows many
    check-ins' notes, and notes written from one template have tables with
    the same headings, which would be regions of the same name (axe:
    landmark-unique); the check-in each belongs to tells them apart.
    ``context`` is plain text."""
    if 'class="md-table"' not in fragment:
        return fragment
    words = words or TableWords()

    def named(m: re.Match[str]) -> str:
        label = words.of_checkin(html.unescape(m.group(2)), context)
        return f'{m.group(1)}{html.escape(label, quote=True)}"'

    return _TABLE_BOX.sub(named, fragment)


def _table_close(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    table: str = self.renderToken(tokens, idx, options, env)
    return f"{table}</div>\n"


#: the id of a heading whose title gives none (``## 🚀``, ``## ???``): an
#: id must not be empty, and headings of this kind are numbered as others
_NO_SLUG = "section"


def _heading_id(title: str) -> str:
    """GitHub's id for a heading, unless the theme's page already uses it;
    :data:`_NO_SLUG` for a title of only emoji or punctuation (GitHub's
    slug of it is empty or a bare ``-``, which links nowhere)."""
    from mdit_py_plugins.anchors.index import slugify

    slug = slugify(title)
    if not slug.strip("-_"):
        return _NO_SLUG
    if slug in _THEME_IDS or slug.startswith(_THEME_ID_PREFIXES):
        return f"{slug}-1"
    return slug


def _heading_ids(state: StateCore) -> None:
    """Each heading's id, as mdit_py_plugins' ``anchors_plugin`` gives it
    (``a``, then ``a-1``, ``a-2`` for headings of the same title), but
    remembering the next number for each title: the plugin tries ``a-1``
    … ``a-n`` afresh for each, so 4,000 headings ``# a`` took 3 seconds."""
    taken: set[str] = set()
    next_number: dict[str, int] = {}
    tokens = state.tokens
    for idx, token in enumerate(tokens):
        if token.type != "heading_open" or token.attrGet("id"):
            continue
        children = tokens[idx + 1].children or ()
        slug = _heading_id(
            "".join(c.content for c in children if c.type in ("text", "code_inline"))
        )
        unique = slug
        if unique in taken:
            number = next_number.get(slug, 1)
            unique = f"{slug}-{number}"
            while unique in taken:
                number += 1
                unique = f"{slug}-{number}"
            next_number[slug] = number + 1
        taken.add(unique)
        token.attrSet("id", unique)


def _build(allow_html: bool, heading_ids: bool = True, raw_ids: bool = True) -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.tasklists import tasklists_plugin

    md = MarkdownIt("commonmark", {"html": allow_html})
    md.enable(["table", "strikethrough"])
    md.use(tasklists_plugin, label=True)  # a <label> keeps the checkbox accessible
    md.use(footnote_plugin)
    # a body's sections are the page's (their ids linkable); a note's stand
    # under its check-in's own heading, with no ids
    md.core.ruler.push("okrsite_shift_headings", _shift_headings)
    md.add_render_rule("table_open", _table_open)
    md.add_render_rule("table_close", _table_close)
    if heading_ids:
        md.core.ruler.push("okrsite_heading_ids", _heading_ids)
    if allow_html:
        md.core.ruler.push("okrsite_defuse_html", _defuse_raw_html)
        if raw_ids:  # unique in the page, as headings' (okrsite.raw_html_ids)
            rule = raw_html_ids_rule(_THEME_IDS, _THEME_ID_PREFIXES, _DOC_ID_KEY, BODY_ID)
            md.core.ruler.push("okrsite_raw_html_ids", rule)
    return md


_INSTANCES: dict[tuple[bool, bool], MarkdownIt] = {}


def _instance(allow_html: bool, heading_ids: bool = True) -> MarkdownIt:
    md = _INSTANCES.get((allow_html, heading_ids))
    if md is None:
        md = _INSTANCES[allow_html, heading_ids] = _build(allow_html, heading_ids)
    return md


_READERS: dict[bool, MarkdownIt] = {}


def reader(allow_html: bool) -> MarkdownIt:
    """The parser pages are rendered with (same syntax, plugins and options),
    for reading what a text links to (:mod:`okrsite.md_addresses`): it
    leaves addresses as written, not percent-encoded for the page, so a
    warning names ``Grow NA.md`` as the author wrote it, and makes no
    heading ids (nothing reads them)."""
    md = _READERS.get(allow_html)
    if md is None:
        md = _READERS[allow_html] = _build(allow_html, heading_ids=False, raw_ids=False)
        md.normalizeLink = lambda url: url  # type: ignore[method-assign]
    return md


# Plain prose, simple "- item" lists and plain [text](https://…) links are most
# check-in notes and objective bodies. They are rendered here directly,
# byte-identical to markdown-it (tests compare the two on generated text),
# because markdown-it costs ~0.15 ms a note and ~0.5 ms a body, and a large
# site has tens of thousands of them. Anything with a character that could
# start other Markdown or HTML syntax goes to markdown-it.
_PLAIN_LINE = re.compile(r"[^\\`*_\[\]<>&|~\t\r\x00]*")
_RISKY_START = re.compile(r"(?:[-+*=#>]|\d{1,9}[.)]|\s)")
# A link whose text is plain and whose address markdown-it would leave as it
# is: http(s), a lower-case host, and only characters it neither encodes nor
# escapes (no %, &, quotes, spaces or parentheses).
_LINK = re.compile(
    r"\[([^\\`*_\[\]<>&|~\t\r\x00!]+)\]"
    r"\((https?://[a-z0-9-]+(?:\.[a-z0-9-]+)*(?:/[A-Za-z0-9._~/?#=+:-]*)?)\)"
)


def _plain_inline(text: str) -> str | None:
    """HTML for one line of plain text and simple links, else None."""
    if "[" not in text:
        return text.replace('"', "&quot;") if _PLAIN_LINE.fullmatch(text) else None
    out: list[str] = []
    pos = 0
    for link in _LINK.finditer(text):
        before = text[pos : link.start()]
        if not _PLAIN_LINE.fullmatch(before) or before.endswith("!"):  # ![…](…) is an image
            return None
        label = link.group(1).replace('"', "&quot;")
        out.append(f'{before.replace(chr(34), "&quot;")}<a href="{link.group(2)}">{label}</a>')
        pos = link.end()
    rest = text[pos:]
    if not _PLAIN_LINE.fullmatch(rest):
        return None
    out.append(rest.replace('"', "&quot;"))
    return "".join(out)


def _plain_fast(text: str) -> str | None:
    """HTML for text made only of plain paragraphs, tight ``- `` lists and
    simple links, else None."""
    out: list[str] = []
    prev_list = False
    for block in text.strip("\n").split("\n\n"):
        lines = block.split("\n")
        if not block or any(not ln or ln[-1] == " " or ln[0] == " " for ln in lines):
            return None
        if all(ln.startswith("- ") for ln in lines):
            if prev_list:  # a blank line between two lists makes one loose list
                return None
            prev_list = True
            out.append("<ul>\n")
            for ln in lines:
                item = ln[2:]
                html_item = None if not item or _RISKY_START.match(item) else _plain_inline(item)
                if html_item is None:
                    return None
                out.append(f"<li>{html_item}</li>\n")
            out.append("</ul>\n")
            continue
        prev_list = False
        html_lines = []
        for ln in lines:
            html_line = None if _RISKY_START.match(ln) else _plain_inline(ln)
            if html_line is None:
                return None
            html_lines.append(html_line)
        out.append("<p>" + "\n".join(html_lines) + "</p>\n")
    return "".join(out)


def renderer(
    allow_html: bool, heading_ids: bool = True, table_words: TableWords | None = None
) -> Render:
    """Renders user Markdown to an HTML fragment that is safe to embed unescaped.

    Bound to the site's ``allow_html`` setting: with it false, any HTML in
    the text is shown as text. markdown-it is set up on the first text that
    needs it. The text's highest heading takes level ``top``: by default an
    ``<h2>`` for a body (``heading_ids``), an ``<h3>`` for a check-in's note
    (:data:`NOTE_TOP`); a note shown under an ``<h3>`` is rendered with
    ``top=4``. The one ``MarkdownIt`` serves every level (it travels in the
    render's ``env``), so a note rendered at one level never leaks it into
    the next.

    ``doc_id`` prefixes the ids of the text's footnotes (``fn-body-1``,
    ``fnref-body-1``): a page shows its body and many check-ins' notes, each
    of whose footnotes start at 1, and an id must be unique in its page for
    ``[1]`` to jump to its own note. A page has one body (:data:`BODY_ID`); a
    note's is its check-in's anchor, which stays the same between builds
    whatever the text says.

    ``table_words`` are the words and punctuation of a table's name (its
    region's ``aria-label``) in the site's language
    (:func:`okrsite.table_words.table_words`): "Table" for a table none of
    whose rows has text, the separator of its headings, a repeat's number;
    English when not given. The page cache keeps bodies by the site's
    settings and theme files, so a new language or translation renders them
    again."""
    default_top = _TOP_HEADING if heading_ids else NOTE_TOP
    words = table_words or TableWords()

    def render(text: str, top: int = default_top, doc_id: str = BODY_ID) -> str:
        if not text or text.isspace():
            return ""
        fast = _plain_fast(text)
        if fast is not None:
            return fast
        env = {_TOP_KEY: top, _DOC_ID_KEY: doc_id, _TABLE_WORDS_KEY: words}
        html_out: str = _instance(allow_html, heading_ids).render(text, env)
        if allow_html:  # raw HTML: markup only (no script, no event handlers)
            return sanitised(html_out)
        return html_out

    return render
