"""A goal file's text as every reader of it sees it.

Parsing a file, finding the line of a finding after the models are resolved
(:func:`okrsite.pipeline_files._locate`) and reading an old version of a file
for the history must all count lines alike. When the later lookup split the
text on LF alone while parsing had read CR as a line end, every finding
located by its key in a file saved with CR-only line ends (old Mac editors,
some exporters) lost its line. So the text is made once, here:

- line ends are LF (CRLF and a lone CR are read as documented);
- every byte-order mark at the start is dropped: PowerShell 5 appending to a
  file saved "UTF-8 with BOM", or two such files put together, leaves two;
- a byte-order mark on a ``---`` fence line is dropped (a BOM pasted or
  written after the opening ``---``), so the fence is still one.

A mark anywhere else is the text's own and is kept.
"""

from __future__ import annotations

import re

__all__ = ["dash_fence_hint", "file_text"]

_MARK = "\ufeff"

#: a line of ``-`` with a byte-order mark among them or beside them
_FENCE_WITH_MARK = re.compile(r"^[\ufeff \t-]*\ufeff[\ufeff \t-]*$", re.MULTILINE)
_FENCE = re.compile(r"-{3,}\s*")


def file_text(text: str) -> str:
    """``text`` (a file's decoded text) with LF line ends, without its leading
    byte-order marks and those on ``---`` fence lines."""
    text = text.lstrip(_MARK).replace("\r\n", "\n").replace("\r", "\n")
    if _MARK in text:  # one scan in C when there is none, as almost always
        text = _FENCE_WITH_MARK.sub(_fence_unmarked, text)
    return text


def _fence_unmarked(line: re.Match[str]) -> str:
    unmarked = line.group().replace(_MARK, "")
    return unmarked if _FENCE.fullmatch(unmarked) else line.group()


#: dashes a word processor puts where ``---`` was typed (AutoCorrect makes an
#: em dash of ``--``), with their names
_DASHES = {
    "\u2014": "an em dash (U+2014)",
    "\u2013": "an en dash (U+2013)",
    "\u2015": "a horizontal bar (U+2015)",
    "\u2012": "a figure dash (U+2012)",
    "\u2212": "a minus sign (U+2212)",
}


def dash_fence_hint(line: str, number: int) -> str | None:
    """What to do when ``line`` (file line ``number``) is a fence written with
    typographic dashes (``—``, ``–––``) instead of hyphens, else ``None``."""
    stripped = line.strip()
    if not stripped or any(c != "-" and c not in _DASHES for c in stripped):
        return None
    named = [_DASHES[c] for c in dict.fromkeys(stripped) if c in _DASHES]
    if not named:
        return None
    return (
        f"line {number} is '{stripped}', written with {' and '.join(named)} instead of "
        "hyphens, as a word processor writes it: write the line as three hyphens '---' "
        "(turn off AutoCorrect's dashes, or use a plain text editor)"
    )
