"""An edited file keeps its line endings and its byte-order mark.

``okrsite checkin`` edits files people wrote (it ticks a milestone in an
objective's file, sets a SMART goal's ``current:``), and the rest of such a
file stays as written: a file saved with CRLF line endings keeps them, and
one that starts with a UTF-8 byte-order mark keeps it (two, when it has
two), one with CR-only line endings keeps them. The editing functions
(:func:`~okrsite.authoring.tick_milestone`,
:func:`~okrsite.authoring.set_goal_current`) read lines ended by ``\\n`` and
a front matter that starts with ``---``: :func:`read_for_editing` gives them
the text so, and :meth:`AsWritten.restore` puts the file's own line endings
and mark back on what they return.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

BOM = "\ufeff"


@dataclass(frozen=True)
class AsWritten:
    """How a file was written: with a byte-order mark (``marks`` of them, as
    PowerShell 5 appending to such a file leaves two), with CRLF line
    endings, or with CR alone (``cr``)."""

    bom: bool = False
    crlf: bool = False
    cr: bool = False
    marks: int = 1

    def restore(self, text: str) -> str:
        """``text`` (edited, lines ended by ``\\n``) written as the file was."""
        if self.crlf:
            text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        elif self.cr:
            text = text.replace("\n", "\r")
        return BOM * self.marks + text if self.bom else text


def as_editable(raw: str) -> tuple[str, AsWritten]:
    """``raw`` (a file's text, decoded without newline translation) with its
    byte-order mark taken off and, when every line of it ends in CRLF, its
    line endings as ``\\n``; and how to write it back. A file whose line
    endings are mixed is left with them as they are (an inserted line then
    ends in ``\\n``). A file whose lines all end in CR alone (as ``check``
    reads them) is edited with them as ``\\n`` and written back with CR."""
    text = raw.lstrip(BOM)
    marks = len(raw) - len(text)
    crlf = "\r\n" in text and text.count("\r\n") == text.count("\n")
    cr = not crlf and "\r" in text and "\n" not in text
    if crlf:
        text = text.replace("\r\n", "\n")
    elif cr:
        text = text.replace("\r", "\n")
    return text, AsWritten(bom=marks > 0, crlf=crlf, cr=cr, marks=max(marks, 1))


def read_for_editing(path: Path) -> tuple[str, AsWritten]:
    """The text of the file at ``path`` to edit, and how to write it back."""
    with open(path, encoding="utf-8", newline="") as fh:
        return as_editable(fh.read())


def read_as_written(path: Path) -> str:
    """The text of the file at ``path`` exactly as written (no newline translation)."""
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()
