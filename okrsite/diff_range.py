"""The revisions ``okrsite diff`` compares, written as git writes them.

``okrsite diff BASE HEAD`` compares two tips. On a pull request that is
rarely the question: when the target branch moved on after the branch
forked, the target's newer changes show up reversed, as if this branch had
undone them. git's own notation answers both questions, and is taken as
one argument here:

* ``A...B``: the merge base of ``A`` and ``B`` against ``B`` (what ``B``
  did since it forked from ``A``; ``git diff A...B``);
* ``A..B``: ``A`` against ``B``, tip to tip (the same as two arguments).

An empty side is ``HEAD`` (``main...`` is ``main...HEAD``), as in git.
When two tips are compared and BASE is not an ancestor of HEAD,
:func:`diverged_note` says so, as the report's figures then include BASE's
newer changes, reversed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from okrsite.gitsource import (
    GitError,
    _run,
    find_site,
    is_shallow,
    resolve_revision,
    shallow_boundary,
)


@dataclass(frozen=True, slots=True)
class Sides:
    """What to compare: ``base`` and ``head`` as :func:`load_revisions` takes
    them, and ``merge_base_of`` the branch named before ``...`` when
    ``base`` is a merge base (the report then says "merge base with main")."""

    base: str | None
    head: str | None
    merge_base_of: str | None = None


def _split(arg: str) -> tuple[str, str, bool] | None:
    """``A...B`` → ``(A, B, True)``, ``A..B`` → ``(A, B, False)``, else ``None``."""
    for sep, merge in (("...", True), ("..", False)):
        if sep in arg:
            left, _, right = arg.partition(sep)
            if ".." in left or ".." in right:
                return None  # three dots or more: left to git (not a revision)
            return left or "HEAD", right or "HEAD", merge
    return None


def parse_sides(base: str | None, head: str | None) -> tuple[str | None, str | None, bool]:
    """The two revisions and whether BASE is to be their merge base.

    Raises :class:`GitError` for a range given next to a second revision
    (``okrsite diff main...HEAD HEAD``), which names nothing git would.
    """
    split = _split(base) if base is not None else None
    if split is None:
        if head is not None and _split(head) is not None:
            raise GitError(
                f"a range goes in one argument: okrsite diff {head} "
                f"(or two revisions, okrsite diff BASE HEAD)"
            )
        return base, head, False
    if head is not None:
        raise GitError(
            f"{base!r} already names both sides; give it alone (okrsite diff {base}) "
            f"or two revisions (okrsite diff BASE HEAD)"
        )
    left, right, merge = split
    return left, right, merge


def merge_base(top: Path, left: str, right: str) -> str:
    """The commit ``left...right`` compares from: their merge base, or a
    :class:`GitError` (exit 2) saying how to get one."""
    a, b = resolve_revision(top, left), resolve_revision(top, right)
    proc = _run(["merge-base", a, b], top)
    if proc.returncode == 0 and proc.stdout.strip():
        return proc.stdout.decode().strip()
    why = (
        "this clone is shallow, so the commit they forked from is not in it"
        if is_shallow(top)
        else "they share no history"
    )
    raise GitError(
        f"{left} and {right} have no merge base: {why}. Fetch more history "
        f"(git fetch --unshallow; in GitLab CI set GIT_DEPTH: 0, in GitHub Actions "
        f"fetch-depth: 0), or compare the two tips: okrsite diff {left} {right}"
    )


def resolve_sides(site_dir: Path, base: str | None, head: str | None) -> Sides:
    """``base`` and ``head`` as given on the command line, ranges read:
    ``A...B`` becomes the merge base of A and B, and B."""
    left, right, merge = parse_sides(base, head)
    if not merge or left is None or right is None:
        return Sides(left, right)
    top = find_site(site_dir).toplevel
    return Sides(merge_base(top, left, right), right, merge_base_of=left)


def _parents(top: Path, commit: str) -> list[str]:
    """The parents ``commit``'s own object lists: known in a shallow clone
    too, where git hides them from the history (and may not hold them)."""
    proc = _run(["cat-file", "commit", commit], top)
    if proc.returncode != 0:
        return []
    head, _, _ = proc.stdout.decode("utf-8", "replace").partition("\n\n")
    return [line.split()[1] for line in head.splitlines() if line.startswith("parent ")]


def _history_cut(top: Path, commit: str) -> bool:
    """Whether a shallow clone holds only part of ``commit``'s history (a
    commit of its line is kept without its parents): git's "is BASE an
    ancestor" and "commits BASE has that HEAD lacks" are then guesses."""
    if not is_shallow(top):
        return False
    return any(
        _run(["merge-base", "--is-ancestor", cut, commit], top).returncode != 1
        for cut in shallow_boundary(top)
    )


def diverged_note(site_dir: Path, base: str, head: str) -> str | None:
    """A note when BASE has commits HEAD lacks: comparing the two tips then
    shows those commits' changes reversed, as if HEAD had undone them.
    ``None`` when BASE is an ancestor of HEAD, one of HEAD's parents (a
    pull request's merge commit fetched with ``--depth=1``, whose parents
    are not in the clone), or when git cannot tell: a shallow clone holding
    only part of HEAD's history says nothing rather than a false note."""
    try:
        top = find_site(site_dir).toplevel
        b, h = resolve_revision(top, base), resolve_revision(top, head)
    except GitError:
        return None
    if _run(["merge-base", "--is-ancestor", b, h], top).returncode != 1:
        return None  # an ancestor (0), or git could not tell
    if b in _parents(top, h) or _history_cut(top, h):
        return None
    proc = _run(["rev-list", "--count", f"{h}..{b}"], top)
    if proc.returncode != 0:
        return None
    n = int(proc.stdout.decode().strip() or 0)
    commits = "commit" if n == 1 else "commits"
    note = f"note: {base} has {n} {commits} that {head} lacks; their changes show reversed "
    if _run(["merge-base", b, h], top).returncode != 0:
        # ``base...head`` would fail with "no merge base": not suggested
        return note + "in this report (they share no history in this clone)"
    return note + f"in this report. For {head}'s own changes write okrsite diff {base}...{head}"
