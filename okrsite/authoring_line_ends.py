"""An edited file keeps its line endings and its byte-order mark.

``okrsite checkin`` edits files people wrote (it ticks a milestone in an
objective's file, sets a SMART goal's ``current:``), and the rest of such a
file stays as written: a file saved with CRLF line endings keeps them, and
one that starts with a UTF-8 byte-order mark keeps it. The editing functions
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
    """How a file was written: with a byte-order mark, with CRLF line endings."""

    bom: bool = False
    crlf: bool = False

    def restore(self, text: str) -> str:
        """``text`` (edited, lines ended by ``\\n``) written as the file was."""
        if self.crlf:
            text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        return BOM + text if self.bom else text


def as_editable(raw: str) -> tuple[str, AsWritten]:
    """``raw`` (a file's text, decoded without newline translation) with its
    byte-order mark taken off and, when every line of it ends in CRLF, its
    line endings as ``\\n``; and how to write it back. A file whose line
    endings are mixed is left with them as they are (an inserted line then
    ends in ``\\n``)."""
    bom = raw.startswith(BOM)
    text = raw[len(BOM) :] if bom else raw
    crlf = "\r\n" in text and text.count("\r\n") == text.count("\n")
    if crlf:
        text = text.replace("\r\n", "\n")
    return text, AsWritten(bom=bom, crlf=crlf)


def read_for_editing(path: Path) -> tuple[str, AsWritten]:
    """The text of the file at ``path`` to edit, and how to write it back."""
    with open(path, encoding="utf-8", newline="") as fh:
        return as_editable(fh.read())


def read_as_written(path: Path) -> str:
    """The text of the file at ``path`` exactly as written (no newline translation)."""
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()
