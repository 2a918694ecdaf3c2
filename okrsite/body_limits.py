"""Limits on a goal file's Markdown body, so no body takes long to render.

markdown-it, which renders bodies, spends tens of microseconds on each
``[`` that may open a link or image (``![`` and ``*[`` most) and on each
emphasis mark, and as much on each cell of a table (a row is padded to its
header's columns, so a 240 KB header of 60,000 columns took 4 s):
a 5 MB body of ``![`` took minutes to build, while ``okrsite check`` (which
renders nothing) passed it in a second. These limits, far above any real
goal's or free page's text (a 100 KB handbook has some 1,500 lines, a few
hundred ``[`` and a few thousand emphasis marks and backticks, and tables
of a few thousand cells), keep any body's render
under about a second, on any machine in proportion, since they count
characters and lines instead of timing anything. ``check`` and ``build``
both read them here (OKR021), so they agree. A check-in's ``note:``,
Markdown written in its front matter and rendered above its body on
several pages, is held to the same limits (:func:`note_problems`, read by
:mod:`okrsite.parse_checkins`).
"""

from __future__ import annotations

import re

from okrsite.diagnostics import Diagnostic, error

MAX_BODY_BYTES = 256 * 1024
MAX_BODY_LINES = 5_000
#: ``[``: each may open a link, an image or a footnote reference
MAX_LINK_OPENERS = 4_000
#: ``*``, ``_``, ``~`` (emphasis, strikethrough), ``<`` (HTML, autolinks) and
#: ``\``` (code)
MAX_INLINE_MARKS = 20_000
_MARKS = "*_~<`"
#: cells of tables: each row of a table is padded to its header's columns
#: (``|b|`` under a header of 60,000 columns is 60,000 cells), and
#: markdown-it spends tens of microseconds on each
MAX_TABLE_CELLS = 20_000
_DELIMITER_CHARS = frozenset("|-: \t")

HINT = (
    "shorten the text: move long material into a page of its own under "
    "content/pages/ (split into several if needed), or link to a document "
    "instead of pasting it"
)


def _is_delimiter_row(line: str) -> bool:
    """Whether ``line`` is a table's delimiter row (``|---|:--:|``), which
    makes the line above it a header: only ``|``, ``-``, ``:`` and spaces,
    with a ``|`` and a ``-``."""
    return "|" in line and "-" in line and set(line) <= _DELIMITER_CHARS


def table_cells(text: str, limit: int = MAX_TABLE_CELLS) -> tuple[int, int]:
    """The cells the tables of ``text`` render (each table's columns, as its
    delimiter row has them, times its header and the lines under it up to
    a blank line, as markdown-it pads every row to its header), and the
    0-based line where ``limit`` is passed (``0`` when it is not). Counted,
    not rendered, never less than markdown-it renders. A count over
    ``limit`` is counted again without the lines of code blocks (fenced or
    indented), which render as code however table-like they are: an export
    pasted between fences was refused as a table it is not."""
    cells, passed_at = _count_cells(text, limit, frozenset())
    if cells > limit:
        cells, passed_at = _count_cells(text, limit, _code_lines(text))
    return cells, passed_at


def _count_cells(text: str, limit: int, code: frozenset[int]) -> tuple[int, int]:
    """:func:`table_cells` counted with the 0-based lines in ``code`` taken
    for code: no table starts on one, and a table's rows stop at one."""
    lines = text.split("\n")
    cells, n = 0, 1
    passed_at: int | None = None
    while n < len(lines):
        if (
            not _is_delimiter_row(lines[n])
            or not lines[n - 1].strip()
            or n in code
            or n - 1 in code
        ):
            n += 1
            continue
        columns = len(lines[n].strip().strip("|").split("|"))
        rows = [n - 1]
        n += 1
        while n < len(lines) and lines[n].strip() and n not in code:
            rows.append(n)
            n += 1
        for row in rows:
            cells += columns
            if cells > limit and passed_at is None:
                passed_at = row
    return cells, passed_at or 0


_FENCE = re.compile(r"(`{3,}|~{3,})(.*)")
_CONTAINER = re.compile(r" {0,3}([-+*]|\d{1,9}[.)])(\s|$)| {0,3}(>|<|\[\^)")


def _code_lines(text: str) -> frozenset[int]:
    """The 0-based lines of ``text`` certainly inside a code block, found
    by lines, not by a parse (markdown-it's own takes minutes on some
    nested quotes): a fence at the line's start (after a blank line, or any
    line but a ``[label]:`` a reference may continue from), which no list,
    quote or footnote can hold, up to its closing fence; and, while no line
    yet has opened a list, quote, footnote or HTML block, lines indented by
    4 after a blank line. From the first line starting with ``<`` on (an
    HTML block may hold a fence-like line), nothing more is taken for code:
    a table is never missed, at worst a code block is counted."""
    lines = text.split("\n")
    found: set[int] = set()
    containers = False
    n = 0
    while n < len(lines):
        line = lines[n]
        before = lines[n - 1].rstrip() if n else ""
        fence = _FENCE.fullmatch(line.rstrip())
        if line.lstrip().startswith("<"):
            break
        if fence and not (fence[1][0] == "`" and "`" in fence[2]) and not before.endswith("]:"):
            mark = fence[1]
            end = n + 1
            while end < len(lines):
                close = lines[end].strip()
                if (
                    len(lines[end]) - len(lines[end].lstrip(" ")) < 4
                    and close.startswith(mark)
                    and not close.strip(mark[0])
                ):
                    break
                end += 1
            found.update(range(n, min(end + 1, len(lines))))
            n = end + 1
            continue
        indented = line.expandtabs(4).startswith("    ") and line.strip()
        if indented and not containers and not before.strip():
            while n < len(lines) and (
                not lines[n].strip() or lines[n].expandtabs(4).startswith("    ")
            ):
                found.add(n)
                n += 1
            continue
        containers = containers or bool(_CONTAINER.match(line))
        n += 1
    return frozenset(found)


def _line_of_nth(body: str, chars: str, n: int) -> int:
    """The 0-based line of ``body`` holding the ``n``-th (1-based) of ``chars``."""
    seen = 0
    for number, line in enumerate(body.split("\n")):
        seen += sum(line.count(c) for c in chars)
        if seen >= n:
            return number
    return 0


#: the hint of OKR021 for a check-in's note written in its front matter
NOTE_HINT = (
    "shorten the note: write the long part in a page of its own under content/pages/ "
    "and link to it, or link to a document instead of pasting it"
)


def text_problems(text: str) -> list[tuple[str, int, int, int]]:
    """Each limit Markdown ``text`` is over: what is counted, how many there
    are, the limit, and the line (from 0) of ``text`` where it is passed."""
    if len(text) <= 4096:  # far below every limit, whatever it holds
        return []
    out: list[tuple[str, int, int, int]] = []
    size = len(text.encode("utf-8", "surrogatepass")) if not text.isascii() else len(text)
    if size > MAX_BODY_BYTES:
        head = text.encode("utf-8", "surrogatepass")[:MAX_BODY_BYTES]
        out.append(("bytes", size, MAX_BODY_BYTES, head.count(b"\n")))
    lines = text.count("\n") + 1
    if lines > MAX_BODY_LINES:
        out.append(("lines", lines, MAX_BODY_LINES, MAX_BODY_LINES))
    openers = text.count("[")
    if openers > MAX_LINK_OPENERS:
        line = _line_of_nth(text, "[", MAX_LINK_OPENERS + 1)
        what = "'[' (each may open a link or an image)"
        out.append((what, openers, MAX_LINK_OPENERS, line))
    marks = sum(text.count(c) for c in _MARKS)
    if marks > MAX_INLINE_MARKS:
        line = _line_of_nth(text, _MARKS, MAX_INLINE_MARKS + 1)
        out.append(("of the marks * _ ~ < and `", marks, MAX_INLINE_MARKS, line))
    if "|" in text:
        cells, line = table_cells(text)
        if cells > MAX_TABLE_CELLS:
            what = "table cells (each table's columns times its rows)"
            out.append((what, cells, MAX_TABLE_CELLS, line))
    return out


def body_problems(rel: str, body: str, body_line: int) -> list[Diagnostic]:
    """OKR021 for each limit ``body`` (starting on file line ``body_line``) is over."""
    return [
        error(
            "OKR021",
            f"the text below the front matter has {count:,} {what}, more than the "
            f"{limit:,} a body may have (see docs/limits.md)",
            rel,
            line=body_line + line,
            hint=HINT,
        )
        for what, count, limit, line in text_problems(body)
    ]


def note_problems(note: str, body: str) -> list[str]:
    """The message of OKR021 for each limit a check-in's ``note:`` (Markdown
    written in the front matter, shown above the body on several pages) is
    over: alone, or (both under the limits) with the ``body`` it is shown
    above, which is what is rendered."""
    whose, found = "the note", text_problems(note)
    if not found and len(note) + len(body) > 4096 and not text_problems(body):
        whose = "the note and the text below the front matter together"
        found = text_problems(note + "\n\n" + body)
    return [
        f"{whose} {'have' if whose.endswith('together') else 'has'} {count:,} {what}, "
        f"more than the {limit:,} a check-in's note and text may have (see docs/limits.md)"
        for what, count, limit, _ in found
    ]
