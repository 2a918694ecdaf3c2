"""A commit message's trailers, found as git finds them.

``Co-authored-by:``, ``Signed-off-by:``, ``Reviewed-by:`` and the like
are *trailers*: ``Key: value`` lines of the message's last paragraph, and
only there. A ``Co-authored-by:`` line quoted in the middle of a message
("add a trailer like this example: …", indented, followed by more prose)
is none: it credits nobody (GitHub reads git's trailers, too) and stays in
the message. So which lines are trailers is decided by git's own rule
(``trailer.c``, as ``git log --format=%(trailers)`` and ``git
interpret-trailers --parse --no-divider`` read a commit's message), ported
here so that the history's one ``git log`` is all git is asked
(tests/test_commit_trailers_fix48.py compares it with git on generated
messages):

* the message ends before its trailing comment and empty lines (and
  before git's scissors line, and an uncommented "Conflicts:" list);
* the trailer block is the last paragraph after the title, found from the
  end: a blank line above lines that are all trailers (``Key: value``,
  the key letters, digits and ``-``, blanks allowed before the colon;
  indented lines continue the one above), or that hold a line git writes
  itself (``Signed-off-by: `` or ``(cherry picked from commit ``) and are at
  least a quarter trailers;
* in the block, each trailer's value is unfolded (its continuation lines
  joined by one space) and trimmed; comment lines are skipped.

Settings that change the rule (``trailer.separators``,
``trailer.<key>.key``, ``core.commentChar``) are not read: the defaults
(``:`` and ``#``) are. The work is linear in the message's length.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

#: git's comment character (core.commentChar's default)
COMMENT = "#"
#: the lines git writes into a message itself, which make a block a trailer
#: block when a quarter of it are trailers
_GIT_GENERATED = ("Signed-off-by: ", "(cherry picked from commit ")
#: the line under which ``git commit --verbose`` puts the diff (git's scissors)
_SCISSORS = COMMENT + " ------------------------ >8 ------------------------"
#: git's isspace (its own ctype: no vertical tab or form feed)
_SPACE = " \t\n\r"
#: a trailer's key and separator as git's ``find_separator`` reads them:
#: ASCII letters, digits and ``-``, then blanks (not first), then ``:``
_KEY = re.compile(r"(?:[A-Za-z0-9-]+[ \t]*)?:")


@dataclass(frozen=True, slots=True)
class Trailer:
    """One entry of the trailer block: a trailer (``key`` and its unfolded
    ``value``) or, where ``key`` is None, a line of the block that is none
    (``value`` the line as written)."""

    key: str | None
    value: str


def _blank(line: str) -> bool:
    return not line.strip(_SPACE)


def _separator(line: str) -> int:
    """Where a trailer's ``:`` is in ``line`` (git's ``find_separator``),
    -1 where the line is no trailer."""
    found = _KEY.match(line)
    return found.end() - 1 if found is not None else -1


def message_end(lines: Sequence[str]) -> int:
    """How many of a body's ``lines`` are its message: without the trailing
    run of comment and empty lines, an uncommented "Conflicts:" list among
    them, and all from git's scissors line (git's
    ``ignored_log_message_bytes``)."""
    cutoff = len(lines)
    for i, line in enumerate(lines):
        if line.startswith(_SCISSORS):
            cutoff = i
            break
    # the body's last line has no line break after it: git's "empty line"
    # and "Conflicts:\n" need one
    last = len(lines) - 1
    run: int | None = None
    conflicts = False
    for i in range(cutoff):
        line = lines[i]
        broken = i < last
        if not broken and line == "":
            break  # the text after the last line break: no line
        if line.startswith(COMMENT) or (broken and line == ""):
            if run is None:
                run = i
        elif broken and line == "Conflicts:":
            conflicts = True
            if run is None:
                run = i
        elif conflicts and line.startswith("\t"):
            pass
        elif run is not None:
            run, conflicts = None, False
    return run if run is not None else cutoff


def block_start(lines: Sequence[str], end: int) -> int:
    """The first line of the trailer block among a body's first ``end``
    lines (the body follows the title and a blank line), ``end`` where
    there is none (git's ``find_trailer_block_start``)."""
    only_spaces = True
    recognized = False
    trailers = non_trailers = continuations = 0
    for i in range(end - 1, -2, -1):
        line = lines[i] if i >= 0 else ""  # -1: the blank line under the title
        if line.startswith(COMMENT):
            non_trailers += continuations
            continuations = 0
            continue
        if _blank(line):
            if only_spaces:
                continue
            non_trailers += continuations
            if (recognized and trailers * 3 >= non_trailers) or (trailers and not non_trailers):
                return i + 1
            return end
        only_spaces = False
        if line.startswith(_GIT_GENERATED):
            trailers += 1
            continuations = 0
            recognized = True
        elif _separator(line) >= 1 and line[0] not in _SPACE:
            trailers += 1
            continuations = 0
        elif line[0] in _SPACE:
            continuations += 1
        else:
            non_trailers += 1 + continuations
            continuations = 0
    return end


def _unfold(parts: list[str]) -> str:
    """A value written over several lines as one: each line break and the
    blanks after it one space, trimmed (git's ``unfold_value``)."""
    if len(parts) == 1:
        return parts[0].strip(_SPACE)
    rest = [p.lstrip(_SPACE) for p in parts[1:]]
    return " ".join([parts[0], *(p for p in rest if p)]).strip(_SPACE)


def parse_block(lines: Sequence[str]) -> list[Trailer]:
    """The entries of a trailer block's ``lines``: trailers with their
    continuation lines joined, and the block's other lines as written
    (comment lines left out)."""
    out: list[Trailer] = []
    key: str | None = None  # the trailer being read, its value's lines in parts
    parts: list[str] = []
    for line in lines:
        if key is not None:
            if line and line[0] in _SPACE:
                parts.append(line)
                continue
            out.append(Trailer(key, _unfold(parts)))
            key = None
        if line.startswith(COMMENT):
            continue
        colon = _separator(line)
        if colon < 1:
            out.append(Trailer(None, line))
        else:
            key, parts = line[:colon].strip(_SPACE), [line[colon + 1 :]]
    if key is not None:
        out.append(Trailer(key, _unfold(parts)))
    return out


def split_trailers(body: str) -> tuple[list[str], list[Trailer], list[str]]:
    """A commit body's lines before its trailer block, the block's entries,
    and the lines after it (trailing comments, git's conflict list)."""
    lines = body.split("\n")
    end = message_end(lines)
    start = block_start(lines, end)
    return lines[:start], parse_block(lines[start:end]), lines[end:]
