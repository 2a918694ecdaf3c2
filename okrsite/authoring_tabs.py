"""Editing a front matter indented with tabs, and keeping its tabs.

``okrsite check`` reads a front matter indented with tabs as if each tab
were 4 spaces (OKR017). YAML itself refuses tabs in indentation, so the
editing functions of :mod:`okrsite.authoring` (which find the value to change
with PyYAML) found nothing to edit in such a file, and ``okrsite checkin``
told the user to edit it by hand without saying why. Here the edit is made
on the front matter read as ``check`` reads it, and the file is given back
with its own indentation: lines the edit left alone exactly as written, a
changed line with its own indentation, an added line indented with tabs like
its neighbours. The result is read back as ``check`` reads it: when that is
not the edited text, the edit is refused (:func:`tab_indented_line` then names
the line for the refusal).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable

__all__ = ["edited_keeping_tabs", "tab_indented_line"]

#: the tab stops ``check`` reads a tab of indentation at (:mod:`okrsite.parse_front_matter`)
_TAB = 4


def _front_matter_end(lines: list[str]) -> int | None:
    """The index of the closing fence of a front matter opened on line 1."""
    if not lines or lines[0].strip() != "---":
        return None
    return next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def tab_indented_line(text: str) -> int | None:
    """The file line (from 1) of the first front matter line of ``text`` (lines
    ended by ``\\n``) indented with a tab, else ``None``."""
    lines = text.split("\n")
    end = _front_matter_end(lines)
    if end is None:
        return None
    return next((i + 1 for i in range(1, end) if "\t" in _indent(lines[i])), None)


def _untabbed(lines: list[str], end: int) -> list[str]:
    """``lines`` with the tabs indenting the front matter's lines made spaces."""
    out = list(lines)
    for i in range(1, end):
        indent = _indent(lines[i])
        if "\t" in indent:
            out[i] = indent.expandtabs(_TAB) + lines[i][len(indent) :]
    return out


def _tabbed(line: str) -> str:
    """An added line, its indentation written with tabs as the file's is."""
    indent = _indent(line)
    tabs, spaces = divmod(len(indent.expandtabs(_TAB)), _TAB)
    return "\t" * tabs + " " * spaces + line[len(indent) :]


def edited_keeping_tabs(text: str, edit: Callable[[str], str | None]) -> str | None:
    """``edit(text)``; for a front matter indented with tabs, the edit made on
    it read as ``check`` reads it, with the file's tabs kept. ``None`` when
    ``edit`` gives ``None`` or the tabs cannot be kept exactly."""
    lines = text.split("\n")
    end = _front_matter_end(lines)
    if end is None or tab_indented_line(text) is None:
        return edit(text)
    untabbed = _untabbed(lines, end)
    new = edit("\n".join(untabbed))
    if new is None:
        return None
    new_lines = new.split("\n")
    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, untabbed, new_lines, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            out.extend(lines[a0:a1])
            continue
        for k, line in enumerate(new_lines[b0:b1]):
            was = a0 + k if a0 + k < a1 else None
            if was is not None and line.startswith(_indent(untabbed[was])):
                out.append(_indent(lines[was]) + line[len(_indent(untabbed[was])) :])
            else:
                out.append(_tabbed(line))
    kept = "\n".join(out)
    new_end = _front_matter_end(new_lines)
    if new_end is None or _untabbed(out, new_end) != new_lines:
        return None
    return kept
