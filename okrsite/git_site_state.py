"""Where a site stands in git: its repository, HEAD and whether the clone is shallow.

Every build of a site in git asks these (:mod:`okrsite.history`); each is
one ``git rev-parse``. Split from :mod:`okrsite.gitsource`, which reads
commits and their changes.
"""

from __future__ import annotations

from pathlib import Path

from okrsite.gitsource import GitSite, _run, find_site, head_commit, is_shallow


def site_state(site_dir: Path) -> tuple[GitSite, str | None, bool]:
    """:func:`find_site`, :func:`head_commit` and :func:`is_shallow` from one
    ``git rev-parse`` instead of three: every build of a site in git asks
    all three (a few milliseconds each of a build after one edit)."""
    proc = _run(
        [
            "rev-parse",
            "--show-toplevel",
            "--show-prefix",
            "--is-shallow-repository",
            "--verify",
            "--quiet",
            "HEAD",
        ],
        site_dir,
    )
    lines = proc.stdout.decode("utf-8", "surrogateescape").split("\n")
    # HEAD missing (no commit yet): exit 1, the other three lines printed
    expected = {0: 5, 1: 4}.get(proc.returncode)
    if expected is None or len(lines) != expected or lines[2] not in ("true", "false"):
        site = find_site(site_dir)  # its message for a folder outside git, say
        return site, head_commit(site.toplevel), is_shallow(site.toplevel)
    head = lines[3] if proc.returncode == 0 else None
    return GitSite(toplevel=Path(lines[0]), prefix=lines[1]), head, lines[2] == "true"


def head_state(repo: Path) -> tuple[str | None, bool]:
    """:func:`head_commit` and :func:`is_shallow` from one ``git rev-parse``."""
    proc = _run(["rev-parse", "--is-shallow-repository", "--verify", "--quiet", "HEAD"], repo)
    lines = proc.stdout.decode().split("\n")
    expected = {0: 3, 1: 2}.get(proc.returncode)
    if expected is None or len(lines) != expected or lines[0] not in ("true", "false"):
        return head_commit(repo), is_shallow(repo)
    return (lines[1] if proc.returncode == 0 else None), lines[0] == "true"
