"""Which pull request brought each commit in, for the history's timelines.

Split from :mod:`okrsite.history` (which re-exports :func:`pr_numbers`) to keep
that module, the reading of the history, within its size: the pull request
of a commit is a concept of its own, worked out from the commits alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from okrsite.gitsource import CommitInfo
from okrsite.history_why import named_pr


def pr_numbers(commits: Sequence[CommitInfo]) -> dict[str, str]:
    """``{commit: "#12"}`` for commits that came in through a named pull request.

    A merge commit names its pull request; every commit it brought in (on its
    second parent's side and not yet on the first-parent line of HEAD) gets
    that number too, the innermost merge's where merges nest. That number
    wins over one a commit's own subject names: a revert of pull request #20
    merged as #21 is #21's, whatever its subject quotes. A commit no merge
    brought in keeps the number its own message names (a squash commit's
    "Title (#12)"), else it has none: a revert committed straight to the
    main line names no pull request. GitLab's merge requests are written
    ``!12``.
    """
    by_sha = {c.sha: c for c in commits}
    mainline: set[str] = set()
    sha = commits[-1].sha if commits else None
    while sha is not None and sha in by_sha:
        mainline.add(sha)
        parents = by_sha[sha].parents
        sha = parents[0] if parents else None
    out: dict[str, str] = {}
    for c in commits:  # oldest first: an inner merge claims its commits first
        if len(c.parents) < 2:
            continue
        number = named_pr(c)
        if number is None:
            continue
        out.setdefault(c.sha, number)
        stack = list(c.parents[1:])
        while stack:
            s = stack.pop()
            if s in out or s in mainline or s not in by_sha:
                continue
            out[s] = number
            stack.extend(by_sha[s].parents)
    for c in commits:
        if c.sha not in out and len(c.parents) < 2:
            number = named_pr(c)
            if number is not None:
                out[c.sha] = number
    return out
