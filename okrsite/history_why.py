"""Why a goal changed: what the commit message of the commit that changed it says.

Issue 13 asks the history to record *why* a target moved, not only when and
by whom. Goals live in git, and a commit message is where a team writes why:
each timeline entry carries, from the commit the change is attributed to (the
commit that made it, on its branch: merge commits record no changes of their
own), a :class:`Why`:

* ``message``: the subject (first line). A merge commit's subject says
  nothing ("Merge pull request #12 from x/y", "Merge branch 'x' into
  'main'"): the pull request's title stands for it where git has it, as the
  first line of the merge commit's body (GitHub and GitLab both write it
  there). A squash merge's "(#12)" is dropped: the entry names the pull
  request beside it.
* ``reason``: a ``Reason: …`` or ``Why: …`` line (a German team's ``Grund:``
  or ``Begründung:``) of the message (its
  paragraph, up to a blank line, the next ``Key:`` line or a line git
  writes itself: :data:`_GIT_LINE`), shown first.
* ``detail``: the rest of the message (its body without the reason and
  without the ``Co-authored-by:`` trailers of git's trailer block,
  :mod:`okrsite.commit_trailers`; the block's other trailers as ``Key:
  value``), cut to :data:`DETAIL_LIMIT` characters, for a page to show on
  request. It shows no e-mail address (:func:`without_addresses`): a
  ``Signed-off-by: Tom Lee <tom@…>`` reads ``Signed-off-by: Tom Lee``, as
  the same line a squash merge keeps above the last paragraph does, and a
  trailer that was only an address (``Helped-by: dana@…``) is left out;
  no page shows a person's address (docs/decisions.md).
* ``co_authors``: the further authors those trailers name, through git's
  mailmap and by name only (:mod:`okrsite.history_co_authors`): a trailer's
  address is published nowhere.

A conflicted merge finished with ``git commit --no-edit`` keeps git's
"# Conflicts:" list of files in its message (no editor's cleanup dropped
it): :func:`without_git_comments` drops it, and a merge's ``#`` lines, as
that cleanup would, so the list is neither the pull request's title nor
the rest of the message.

Messages are whatever anyone committed: :func:`commit_why` takes them
without control characters (:mod:`okrsite.history_dates` cleaned them) and
without bidirectional embeddings, overrides and isolates, which could make
"15 → 20" read as "20 → 15" beside them; each is cut to a length a page can
show. Pages escape them like any other text, and ``api/history.json`` writes
``message`` and ``reason`` as they are here. What the parts are is worked out
from :class:`~okrsite.gitsource.CommitInfo` (``git log`` reads every message
anyway, for the pull-request numbers), so nothing is cached per commit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from okrsite.commit_trailers import Trailer, split_trailers
from okrsite.gitsource import CommitInfo
from okrsite.history_co_authors import CO_AUTHOR_KEY
from okrsite.limits import CONTROL_CHARS
from okrsite.model import pickled_by_fields

#: the longest subject, reason and rest of a message kept, in characters
MESSAGE_LIMIT = 200
REASON_LIMIT = 500
DETAIL_LIMIT = 500
ELLIPSIS = "…"

#: GitHub's merge commit: "Merge pull request #12 from x/y", its whole subject's
#: start (a revert's subject quotes it: 'Revert "Merge pull request #12 …"')
_GITHUB_MERGE = re.compile(r"^Merge pull request #(\d+)\b")
_GITLAB_MERGE = re.compile(r"See merge request [\w./-]*!(\d+)")
#: GitLab's line of a merge commit's message, a line of its own
_GITLAB_MERGE_LINE = re.compile(r"^\s*See merge request [\w./-]*!(\d+)\s*$", re.MULTILINE)
_SQUASH = re.compile(r"\(#(\d+)\)\s*$")  # GitHub squash merges: "Title (#12)"

#: subjects that say only that something was merged: git's own ("Merge
#: branch 'x' into main", "Merge remote-tracking branch 'origin/x'", "Merge
#: tag 'v1'", "Merge commit 'abc'"), GitHub's and Bitbucket's
_MERGE_SUBJECT = re.compile(
    r"^(?:Merge (?:pull request #\d+ from \S+|(?:remote-tracking )?branch(?:es)? .*"
    r"|tag .*|commit .*|[0-9a-f]{7,40}( into .*)?)|Merged in \S+( \(pull request #\d+\))?)$"
)
_REASON = re.compile(r"^\s*(?:reason|why|grund|begründung)\s*:\s*(.*)$", re.IGNORECASE)
_KEY_LINE = re.compile(r"^\s*[A-Za-z][\w-]*:\s")  # "Signed-off-by: …", "Why: …"
#: lines git writes into a message itself, never the author's words, so no
#: reason runs on over them: ``git cherry-pick -x``'s trailer (the one form
#: besides ``Key: value`` that ``git interpret-trailers`` takes for a
#: trailer, and git puts it right under a ``Reason:`` line that ends the
#: message, with no blank line between) and ``git revert``'s "This reverts
#: commit <hash>." (a line of the body, not a trailer, but git's, not the
#: author's: a ``Reason:`` written above it keeps to its own lines)
_GIT_LINE = re.compile(r"^\s*(?:\(cherry picked from commit |This reverts commit [0-9a-f]{7,64}\b)")
#: git's list of the files a conflict stopped at, which it writes into the
#: message of a merge (or cherry-pick, revert) finished with ``git commit
#: --no-edit``: then no editor's cleanup strips it ("# Conflicts:" and a
#: "#<tab><path>" line per file; git before 1.7.12 wrote it uncommented,
#: "Conflicts:" and "<tab><path>"). Git's words, never a title or a reason.
_CONFLICTS = re.compile(r"^#? ?Conflicts:[ \t]*$")
_CONFLICT_PATH = re.compile(r"^#?\t")
#: bidirectional embeddings, overrides and isolates (the marks LRM and RLM stay)
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_BREAKS = re.compile("[\r\u2028\u2029\x85]")
_SPACES = re.compile(r"[ \t]+")
_BLANKS = re.compile(r"\n{3,}")
#: an e-mail address, in angle brackets or bare (a character either side of
#: the ``@``: ``@octocat`` is none)
_ADDRESS = re.compile(r"<[^<>\s]*@[^<>\s]*>|[^\s<>()\[\]\"',;]+@[^\s<>()\[\]\"',;]+")
#: what is left of a trailer whose value was only an address
_ONLY_KEY = re.compile(r"^\s*[A-Za-z0-9][\w-]*\s*:\s*$")


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Why:
    """What a commit's message says of why it changed what it changed."""

    message: str
    reason: str | None = None
    detail: str | None = None
    co_authors: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        """``message`` and, where there is one, ``reason`` and the ``co_authors``
        (names), for ``api/history.json``."""
        out: dict[str, Any] = {"message": self.message}
        if self.reason is not None:
            out["reason"] = self.reason
        if self.co_authors:
            out["co_authors"] = list(self.co_authors)
        return out


def named_pr(c: CommitInfo) -> str | None:
    """``"#12"`` or ``"!12"`` when the commit's message names its pull (merge) request.

    A merge commit (two parents or more) names the pull request it merges:
    GitHub's subject "Merge pull request #12 from x/y", GitLab's line "See
    merge request group/project!12". Any other commit names one only as a
    squash merge writes it: its subject ending in "(#12)". A one-parent
    commit quoting a merge (a revert's 'Revert "Merge pull request #12 from
    x/y"', GitLab's "See merge request" line copied into a message, a merge
    squashed or rebased into a plain commit) is not that merge: it names no
    pull request, and takes the number of the merge that brings it in
    (:func:`okrsite.history_pull_requests.pr_numbers`).
    """
    if len(c.parents) < 2:
        m = _SQUASH.search(c.subject)
        return "#" + m.group(1) if m else None
    m = _GITHUB_MERGE.match(c.subject)
    if m:
        return "#" + m.group(1)
    m = _GITLAB_MERGE_LINE.search(c.body)
    return "!" + m.group(1) if m else None


def _clean(text: str) -> str:
    return _BIDI.sub("", CONTROL_CHARS.sub("", _BREAKS.sub("\n", text)))


def _line(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rstrip() + ELLIPSIS


def without_git_comments(body: str, merge: bool) -> list[str]:
    """``body``'s lines without what git's own cleanup of a message edited
    in an editor would drop and ``git commit --no-edit`` leaves in: git's
    list of conflicted files (:data:`_CONFLICTS`) in any message, and in a
    merge commit's body (``merge``: its subject only says it merged, so the
    body is git's or the forge's) every line starting with ``#``, git's
    comment character."""
    out: list[str] = []
    listing = False
    for line in body.split("\n"):
        if _CONFLICTS.match(line):
            listing = True
            continue
        if listing and _CONFLICT_PATH.match(line):
            continue
        listing = False
        if merge and line.startswith("#"):
            continue
        out.append(line)
    return out


def without_addresses(line: str) -> str | None:
    """``line`` without the e-mail addresses in it (``<ana@acme.com>``,
    ``ana@acme.com``); None where nothing is left of it but a trailer's key
    (``Helped-by: dana@leak.example``)."""
    if "@" not in line:
        return line
    kept = _SPACES.sub(" ", _ADDRESS.sub("", line)).rstrip()
    if kept != line.rstrip() and (not kept.strip() or _ONLY_KEY.match(kept)):
        return None
    return kept


def _shown(lines: list[str], merge: bool) -> list[str]:
    """Lines of a message as a page shows them: cleaned, git's own comments
    left out (:func:`without_git_comments`), blanks collapsed."""
    if not lines:
        return []
    return [
        _SPACES.sub(" ", line).rstrip()
        for line in without_git_comments(_clean("\n".join(lines)), merge)
    ]


def _block_lines(entries: list[Trailer]) -> list[str]:
    """The trailer block's entries as lines of the rest of the message: the
    ``Co-authored-by:`` trailers left out (the entry names the co-authors),
    each other trailer as ``Key: value`` (its continuation lines unfolded),
    the block's other lines as written."""
    out: list[str] = []
    for entry in entries:
        if entry.key is None:
            out.append(entry.value)
        elif entry.key.casefold() != CO_AUTHOR_KEY:
            out.append(f"{entry.key}: {entry.value}")
    return out


def commit_why(c: CommitInfo) -> Why | None:
    """What ``c``'s message says (see the module's text); None for an empty message.

    Linear in the message's length: each line is looked at a bounded number
    of times (a message of 150,000 trailer lines is read once, not once per
    line left out)."""
    subject = _line(_clean(c.subject))
    # a merge commit whose subject only says it merged: a plain commit with
    # such a subject (a merge squashed or rebased into one) says it itself
    merge = len(c.parents) >= 2 and bool(_MERGE_SUBJECT.match(subject))
    before, block, after = split_trailers(c.body)
    lines = _shown(before, merge)
    if merge:
        # the pull request's title, the first line of the body (GitLab's
        # "See merge request" line is no title, nor is a trailer)
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        title = lines[first] if first is not None else ""
        if first is not None and not _GITLAB_MERGE.search(title) and not _REASON.match(title):
            subject = _line(title)
            del lines[first]
    else:
        subject = _SQUASH.sub("", subject).rstrip()
    rest = [*lines, *_shown(_block_lines(block), merge), *_shown(after, merge)]
    if _REASON.match(subject):  # the first line is the reason itself
        rest.insert(0, subject)
        subject = ""
    reason: str | None = None
    kept: list[str] = []
    i = 0
    while i < len(rest):
        m = _REASON.match(rest[i])
        if reason is None and m is not None:
            said = [m.group(1)]
            i += 1
            while (
                i < len(rest)
                and rest[i].strip()
                and not _KEY_LINE.match(rest[i])
                and not _GIT_LINE.match(rest[i])
            ):
                said.append(rest[i])
                i += 1
            reason = _line(" ".join(said)) or None
            continue
        if not (len(c.parents) >= 2 and _GITLAB_MERGE.fullmatch(rest[i].strip())):
            # a merge commit's line is left out: the entry names the merge
            # request (a plain commit names none by it: named_pr)
            shown = without_addresses(rest[i])
            if shown is not None:
                kept.append(shown)
        i += 1
    if reason is not None:
        reason = without_addresses(reason) or None
    detail = _BLANKS.sub("\n\n", "\n".join(kept)).strip()
    if not subject and not reason and not detail and not c.co_authors:
        return None
    return Why(
        _cut(subject, MESSAGE_LIMIT),
        _cut(reason, REASON_LIMIT) if reason else None,
        _cut(detail, DETAIL_LIMIT) if detail else None,
        c.co_authors,
    )
