"""The environment okrsite's git processes run in: the user's, with the
repository git was pointed at (``GIT_DIR``) kept pointing at the same place.

okrsite runs git in the site's folder (``--site ops/okrs``) to learn where
the site sits in its repository. git run with ``GIT_DIR`` set and
``GIT_WORK_TREE`` not takes the folder it runs in as the top of the work
tree, and a relative ``GIT_DIR`` is looked up from that folder. git itself
sets ``GIT_DIR`` (and no ``GIT_WORK_TREE``) for the hooks it runs in a
linked worktree (``git worktree add``), which pre-commit, husky and lefthook
all use: okrsite then took ``ops/okrs`` for the repository's top, and diff,
codeowners and the history looked at the wrong folder. A user or tool may
set ``GIT_DIR=.git`` at the top as well.

So the location is resolved once as git resolves it for okrsite's own
process (its working folder, ``core.worktree``) and handed on with both
paths absolute; when it does not hold the folder git is run in (a bare
repository's hook, a site in another repository) it is dropped and git
finds the repository from that folder, as it does in a shell.
"""

from __future__ import annotations

import functools
import os
import subprocess
from pathlib import Path

from okrsite.git_command import git_argv

#: what tells git where the repository is, the index it uses and how the
#: folder it was started in relates to the top; all of them describe the
#: repository ``GIT_DIR`` names, so they go together when it is dropped
_LOCATION = ("GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_INDEX_FILE", "GIT_PREFIX")


def git_environment(folder: Path) -> dict[str, str] | None:
    """The environment for git run in ``folder``; ``None``: the process's own
    (no ``GIT_DIR`` set, the common case, costs nothing)."""
    git_dir = os.environ.get("GIT_DIR")
    if not git_dir:
        return None
    try:
        here = os.getcwd()
    except OSError:  # the working folder is gone: nothing to resolve against
        return None
    pinned = _pinned(git_dir, os.environ.get("GIT_WORK_TREE"), here)
    env = dict(os.environ)
    if pinned is not None and _inside(folder, pinned[1]):
        env["GIT_DIR"], env["GIT_WORK_TREE"] = pinned
        return env
    for name in _LOCATION:
        env.pop(name, None)
    return env


@functools.lru_cache(maxsize=16)
def _pinned(git_dir: str, work_tree: str | None, here: str) -> tuple[str, str] | None:
    """``(GIT_DIR, GIT_WORK_TREE)`` as absolute paths, as git resolves them
    from ``here`` (one ``git rev-parse`` when the work tree is not said);
    ``None`` when that repository has no work tree (bare) or git cannot
    read it."""
    absolute_dir = os.path.join(here, git_dir)
    if work_tree:
        return absolute_dir, os.path.abspath(os.path.join(here, work_tree))
    try:
        proc = subprocess.run(
            git_argv(["rev-parse", "--show-toplevel"]),
            cwd=here,
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    top = proc.stdout.decode("utf-8", "surrogateescape").strip()
    if proc.returncode != 0 or not top:
        return None
    return absolute_dir, top


def _inside(folder: Path, top: str) -> bool:
    """Whether ``folder`` is ``top`` or lies below it (links resolved)."""
    real = os.path.realpath(folder)
    real_top = os.path.realpath(top)
    return real == real_top or real.startswith(os.path.join(real_top, ""))
