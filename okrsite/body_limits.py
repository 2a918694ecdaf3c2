"""Limits on a goal file's Markdown body, so no body takes long to render.

markdown-it, which renders bodies, spends tens of microseconds on each
``[`` that may open a link or image (``![`` and ``*[`` most) and on each
emphasis mark, and about a tenth of a millisecond on each line of a table:
a 5 MB body of ``![`` took minutes to build, while ``okrsite check`` (which
renders nothing) passed it in a second. These limits, far above any real
goal's or free page's text (a 100 KB handbook has some 1,500 lines, a few
hundred ``[`` and a few thousand emphasis marks and backticks), keep any body's render
under about a second, on any machine in proportion, since they count
characters and lines instead of timing anything. ``check`` and ``build``
both read them here (OKR021), so they agree.
"""

from __future__ import annotations

from okrsite.diagnostics import Diagnostic, error

MAX_BODY_BYTES = 256 * 1024
MAX_BODY_LINES = 5_000
#: ``[``: each may open a link, an image or a footnote reference
MAX_LINK_OPENERS = 4_000
#: ``*``, ``_``, ``~`` (emphasis, strikethrough), ``<`` (HTML, autolinks) and
#: ``\``` (code)
MAX_INLINE_MARKS = 20_000
_MARKS = "*_~<`"

HINT = (
    "shorten the text: move long material into a page of its own under "
    "content/pages/ (split into several if needed), or link to a document "
    "instead of pasting it"
)


def _line_of_nth(body: str, chars: str, n: int) -> int:
    """The 0-based line of ``body`` holding the ``n``-th (1-based) of ``chars``."""
    seen = 0
    for number, line in enumerate(body.split("\n")):
        seen += sum(line.count(c) for c in chars)
        if seen >= n:
            return number
    return 0


def body_problems(rel: str, body: str, body_line: int) -> list[Diagnostic]:
    """OKR021 for each limit ``body`` (starting on file line ``body_line``) is over."""
    if len(body) <= 4096:  # far below every limit, whatever it holds
        return []
    out: list[Diagnostic] = []

    def over(what: str, count: int, limit: int, line: int) -> None:
        out.append(
            error(
                "OKR021",
                f"the text below the front matter has {count:,} {what}, more than the "
                f"{limit:,} a body may have (see docs/limits.md)",
                rel,
                line=body_line + line,
                hint=HINT,
            )
        )

    size = len(body.encode("utf-8", "surrogatepass")) if not body.isascii() else len(body)
    if size > MAX_BODY_BYTES:
        head = body.encode("utf-8", "surrogatepass")[:MAX_BODY_BYTES]
        over("bytes", size, MAX_BODY_BYTES, head.count(b"\n"))
    lines = body.count("\n") + 1
    if lines > MAX_BODY_LINES:
        over("lines", lines, MAX_BODY_LINES, MAX_BODY_LINES)
    openers = body.count("[")
    if openers > MAX_LINK_OPENERS:
        line = _line_of_nth(body, "[", MAX_LINK_OPENERS + 1)
        over("'[' (each may open a link or an image)", openers, MAX_LINK_OPENERS, line)
    marks = sum(body.count(c) for c in _MARKS)
    if marks > MAX_INLINE_MARKS:
        line = _line_of_nth(body, _MARKS, MAX_INLINE_MARKS + 1)
        over("of the marks * _ ~ < and `", marks, MAX_INLINE_MARKS, line)
    return out
