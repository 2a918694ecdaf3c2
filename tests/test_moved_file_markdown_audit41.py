"""``okrsite diff --format markdown`` names where a file moved within a site
that moved too: its old path is the path at BASE, in the base's folder."""

from __future__ import annotations

from pathlib import Path

from test_diff_fixtures import commit, git, init_repo
from test_diff_site_moved import run

FASTER = """
---
title: Faster support
cycle: 2026-Q4
key_results:
  - {id: first-reply, title: First reply in hours, start: 8, target: 2}
---
"""


def test_a_file_moved_with_its_site_is_named_at_its_base_path(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "repo")
    commit(
        repo,
        "goals",
        {
            "okrs/okrsite.toml": 'title = "x"\ndefault_cycle = "2026-Q4"\nas_of = 2026-11-20\n',
            "okrs/content/objectives/company/faster-support.md": FASTER,
        },
    )
    git(repo, "checkout", "-q", "-b", "move")
    (repo / "teams").mkdir()
    git(repo, "mv", "okrs", "teams/okrs")
    folder = "teams/okrs/content/objectives/company/"
    git(repo, "mv", folder + "faster-support.md", folder + "quicker-support.md")
    git(repo, "commit", "-q", "-m", "move the site, rename a file")
    out = run(repo, "main", "HEAD", "--site", "teams/okrs").stdout
    assert (
        "moved from `okrs/content/objectives/company/faster-support.md` to "
        "`teams/okrs/content/objectives/company/quicker-support.md`"
    ) in out, out
    # a second move: still the path at base
    (repo / "x").mkdir()
    git(repo, "mv", "teams/okrs", "x/okrs")
    git(repo, "commit", "-q", "-m", "move again")
    out = run(repo, "main", "HEAD", "--site", "x/okrs").stdout
    assert (
        "moved from `okrs/content/objectives/company/faster-support.md` to "
        "`x/okrs/content/objectives/company/quicker-support.md`"
    ) in out, out
    # the text report names files from the repository's top as the comment
    # does (prreview 44: one path form in a CI log), each side where it was
    out = run(repo, "main", "HEAD", "--site", "x/okrs", "--format", "text").stdout
    assert (
        "moved from okrs/content/objectives/company/faster-support.md to "
        "x/okrs/content/objectives/company/quicker-support.md"
    ) in out, out
