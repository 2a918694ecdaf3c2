"""Where okrsite's block sits in CODEOWNERS, which decides whether its rules count.

GitHub and GitLab give a path to the *last* rule that matches it. A rule
the user adds after the block that matches the goal files (a company
default ``* @acme/admins`` appended at the bottom, ``/content/``) takes
every goal file from its owner, while the block itself is still what the
goals call for, so comparing the block alone said "up to date".

GitLab also reads sections: a ``[Name]`` or ``^[Name]`` line starts one,
each section is matched on its own, and the lines before the first header
(the unnamed section) are always required. The block inside a section is
that section's rules; inside an optional ``^[Docs]`` section the owners'
approval becomes optional. So okrsite's rules belong in the unnamed section,
after every rule of it.

:func:`placement_problems` names each line that overrides the block or
holds it in a section (``--check`` fails on them): a rule after it that
matches every goal path and any goal added later (``*``, ``/content/``,
the site's folder), and one that matches some of them and leaves out an
owner of theirs (``/content/objectives/ @acme/okr`` took every objective
from its owner and passed the check). A rule of the user's that keeps a
goal's owners and adds one (``/content/objectives/emea.md @alice
@acme/cfo``) takes nothing from them and is not named; :func:`placed` puts the
block where it takes effect: where it is when nothing overrides it, else at
the end of the unnamed section (the end of the file on GitHub), or for an
existing block just after the last rule that overrode it (:func:`moved`).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Literal

Platform = Literal["github", "gitlab"]

#: a GitLab section header: ``[Docs]``, ``^[Docs]``, ``[Docs][2] @owner``
_SECTION = re.compile(r"^[ \t]*\^?\[[^\]\n]*\]")


@dataclass(frozen=True)
class Misplacement:
    """A line of the file that keeps the block's rules from taking effect:
    its number (from 1), its text and what it does to them."""

    line: int
    text: str
    why: str
    #: a GitLab section header that holds the block, not a rule after it
    section: bool = False


def _is_section(line: str, platform: Platform) -> bool:
    return platform == "gitlab" and bool(_SECTION.match(line))


def _tokens(line: str) -> list[str]:
    """A rule line's words, split at spaces that are not escaped (``\\ ``)."""
    words: list[str] = []
    word = ""
    escaped = False
    for ch in line.strip():
        if escaped:
            word += "\\" + ch
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch in " \t":
            if word:
                words.append(word)
            word = ""
        else:
            word += ch
    if word:
        words.append(word)
    return words


def _unescape(word: str) -> str:
    return re.sub(r"\\(.)", r"\1", word)


def _regex(pattern: str) -> re.Pattern[str]:
    """A CODEOWNERS pattern (gitignore rules) as a regular expression for a
    path or folder without its leading ``/``."""
    anchored = pattern.startswith("/") or "/" in pattern.strip("/")
    body = pattern.strip("/")
    out = ""
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            out += re.escape(body[i + 1])
            i += 2
        elif body.startswith("**/", i):
            out += "(?:.*/)?"
            i += 3
        elif body.startswith("**", i):
            out += ".*"
            i += 2
        elif ch == "*":
            out += "[^/]*"
            i += 1
        elif ch == "?":
            out += "[^/]"
            i += 1
        else:
            out += re.escape(ch)
            i += 1
    if not body:
        out = ".*"  # "/": the whole repository
    return re.compile(("" if anchored else "(?:.*/)?") + out)


def _covers(pattern: str, path: str) -> bool:
    """Whether a rule of ``pattern`` matches ``path`` (a folder path ends in
    ``/`` and stands for a file in it) or a folder on its way."""
    regex = _regex(pattern)
    if path.endswith("/"):
        path += "x.md"
    folders_only = pattern.endswith("/")
    parts = path.split("/")
    candidates = ["/".join(parts[:n]) for n in range(1, len(parts))]
    if not folders_only:
        candidates.append(path)
    return any(regex.fullmatch(c) for c in candidates)


def _rules(text: str) -> list[tuple[str, frozenset[str]]]:
    """The rules of ``text``: each path, without its leading ``/``, and its
    owners in lower case (as both platforms compare them)."""
    rules = []
    for line in text.splitlines():
        words = _tokens(line)
        if words and not words[0].startswith("#"):
            owners = frozenset(w.casefold() for w in words[1:])
            rules.append((_unescape(words[0]).lstrip("/"), owners))
    return rules


def _taken(line: str, rules: list[tuple[str, frozenset[str]]]) -> int:
    """How many of the block's ``rules`` the rule ``line`` after it takes
    from their owners: it matches their path, and its owners leave out one
    of theirs. A rule that keeps the owners and adds a reviewer
    (``/content/objectives/emea.md @alice @acme/cfo``) takes nothing."""
    words = _tokens(line)
    owners = frozenset(w.casefold() for w in words[1:])
    return sum(1 for path, had in rules if not had <= owners and _covers(words[0], path))


def placement_problems(
    before: str, block: str, after: str, platform: Platform
) -> list[Misplacement]:
    """The lines that keep the block (between ``before`` and ``after``) from
    taking effect: a GitLab section header above it, and each rule after it,
    in its section, that matches all of its paths and a goal added later, or
    that takes some of its paths from their owners (:func:`_taken`)."""
    problems: list[Misplacement] = []
    above = before.splitlines()
    for number, line in enumerate(above, 1):
        if _is_section(line, platform):
            problems = [  # only the nearest header holds the block
                Misplacement(
                    number,
                    line.strip(),
                    "starts the GitLab section okrsite's block is in, so its rules are "
                    "that section's"
                    + (" and the owners' approval is optional" if line.lstrip()[:1] == "^" else "")
                    + "; goal rules belong before the first section",
                    section=True,
                )
            ]
    rules = _rules(block)
    paths = [path for path, _ in rules]
    if not paths:
        return problems
    # a goal added later: a rule of the user's for one goal file or folder
    # after the block is theirs to override it with (docs/ci/README.md)
    common = posixpath.commonpath([posixpath.dirname(p.rstrip("/")) for p in paths])
    new_goal = posixpath.join(common, "okrsite-new-goal.md")
    first = len(above) + block.count("\n") + 1
    for number, line in enumerate(after.splitlines(), first):
        if _is_section(line, platform):
            break
        words = _tokens(line)
        if not words or words[0].startswith("#"):
            continue
        if _covers(words[0], new_goal) and all(_covers(words[0], p) for p in paths):
            problems.append(
                Misplacement(
                    number,
                    line.strip(),
                    "comes after okrsite's block and overrides every rule of it (the last "
                    "matching rule wins), so no goal file goes to its owner",
                )
            )
            continue
        taken = _taken(line, rules)
        if taken:
            problems.append(
                Misplacement(
                    number,
                    line.strip(),
                    f"comes after okrsite's block and takes {taken} of the {len(rules)} goal "
                    "paths it routes from their owners (the last matching rule wins)",
                )
            )
    return problems


def placed(rest: str, block: str, platform: Platform) -> str:
    """``rest`` (the file without okrsite's block) with the block at the end
    of its unnamed section: before the first GitLab section header, else at
    the end, a blank line between it and the user's lines."""
    nl = _newline(rest)
    lines = rest.splitlines(keepends=True)
    cut = next((i for i, line in enumerate(lines) if _is_section(line, platform)), len(lines))
    head, tail = "".join(lines[:cut]), "".join(lines[cut:])
    if not head.strip():
        head = ""
    elif head.splitlines()[-1].strip():  # a blank line between the user's lines and it
        head += ("" if head.endswith("\n") else nl) + nl
    return head + block + (nl + tail if tail else "")


def _newline(text: str) -> str:
    """The line ending of the user's file (CRLF where a Windows editor
    wrote it), for the blank lines put around a moved block: an LF line in a
    CRLF file is a mixed file, and a diff of every line in some editors."""
    return "\r\n" if "\r\n" in text else "\n"


def moved(before: str, block: str, after: str, platform: Platform) -> str:
    """The file with the block moved where it takes effect, as little as
    it takes: out of a GitLab section to the end of the unnamed section
    (:func:`placed`); else just after the last rule that overrode it, so a
    rule of the user's for one goal file further down still comes after it."""
    problems = placement_problems(before, block, after, platform)
    if not problems:
        return before + block + after
    if any(p.section for p in problems):
        return placed(before + after, block, platform)
    upto = max(p.line for p in problems) - len(before.splitlines()) - block.count("\n")
    nl = _newline(before + after)
    lines = after.splitlines(keepends=True)
    head, tail = before + "".join(lines[:upto]), "".join(lines[upto:])
    if not head.endswith("\n"):
        head += nl
    return head + nl + block + (nl + tail if tail.strip() else "")
