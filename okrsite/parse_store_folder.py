"""The cache folder: where it may be, keeping it out of git, sweeping temporaries.

The parse cache, the page cache, kept pieces and the history all write into
one folder (``.okrsite-cache/`` by default). It must not be, or hold, a
folder okrsite reads or writes the site to (:func:`cache_folder_problem`); it
carries a ``.gitignore`` of its own (:func:`ignore_in_git`); and temporary
files a killed run left in it are removed (:func:`sweep_temporaries`).
"""

from __future__ import annotations

import stat
import time
from pathlib import Path

import click

from okrsite.config import SiteConfig

#: a write's temporary file is renamed into place within seconds of being
#: made; one older than this was left by a run killed while writing
STALE_AFTER_SECONDS = 3600.0

#: where okrsite's stores write temporary files in the cache folder: the
#: folder itself (parse cache, page cache) and the folders of kept pieces
#: and of the history, which only okrsite writes to
_TEMPORARIES = (
    ("", ".okrsite-*.tmp"),
    ("", ".pages-*.tmp"),
    ("history", "*.tmp"),
    ("markdown", "*.tmp"),
    ("pieces", "*.tmp"),
)


def sweep_temporaries(cache_dir: Path) -> None:
    """Remove the temporary files a killed run left in the cache folder. Each
    is as large as the file it was to replace (the page cache's is 100 MB at
    10,000 objectives), and a CI job that saves the folder would carry them
    from run to run. A file being written now is younger than
    :data:`STALE_AFTER_SECONDS` and is left alone."""
    limit = time.time() - STALE_AFTER_SECONDS
    for folder, pattern in _TEMPORARIES:
        for path in (cache_dir / folder).glob(pattern) if folder else cache_dir.glob(pattern):
            try:
                st = path.lstat()
                if stat.S_ISREG(st.st_mode) and st.st_mtime < limit:
                    path.unlink()
            except OSError:
                continue


def ignore_in_git(cache_dir: Path) -> None:
    """A cache is never content: keep it out of commits even without a .gitignore line."""
    marker = cache_dir / ".gitignore"
    if not marker.exists():
        marker.write_text("# written by okrsite: the build cache is not content\n*\n")


class CacheFolderError(click.ClickException):
    """The cache folder would hold, or be, something else: nothing was written."""

    exit_code = 1


def cache_folder_problem(
    folder: Path, site_root: Path, config: SiteConfig, out_dir: Path | None = None
) -> str | None:
    """Why ``folder`` may not be the cache folder, or ``None``.

    The cache writes a ``.gitignore`` of ``*`` into its folder and replaces
    its files: as the site, a folder okrsite reads (``content/``) or one
    holding them, it would hide goal files from git; inside the output
    folder (or holding it), each build would delete the cache or publish
    it. A folder inside ``content/`` is fine (okrsite reads only goal files
    there). Nor may it lie through a link in the site that leads out of it
    (a committed ``.okrsite-cache -> /elsewhere``), for every command that
    opens the cache, ``okrsite serve`` too (:func:`okrsite.writer.linked_out`).
    """
    from okrsite.writer import linked_out

    linked = linked_out("cache folder", folder, site_root, "--cache-dir")
    if linked is not None:
        return linked
    try:
        cache = folder.resolve()
        root = site_root.resolve()
        reads = {
            name: (root / name).resolve()
            for name in (config.content_dir, "templates", "static", "themes", "translations")
        }
        out = (out_dir if out_dir is not None else root / config.output_dir).resolve()
    except (OSError, RuntimeError):
        return None
    shown = f"cache folder {folder}"
    hint = "choose another cache_dir in okrsite.toml or --cache-dir (the default is .okrsite-cache)"
    if cache == root or cache in root.parents:
        return f"{shown} is the site's folder or holds it; {hint}"
    for name, read in reads.items():
        if cache == read or cache in read.parents:
            return f"{shown} is or holds the {name} folder, which okrsite reads; {hint}"
    if cache == out or out in cache.parents or cache in out.parents:
        return (
            f"{shown} overlaps the output folder {out_dir or config.output_dir}: each build "
            f"would replace it or publish it; {hint}"
        )
    if committed_to_git(cache):
        return (
            f"{shown} is committed to git, so anyone who can change the repository could "
            "have written what it says (parses, outcomes, pieces of pages) and okrsite does "
            f"not read it; remove it from git: git rm -r --cached {folder} (its .gitignore "
            "keeps it out from then on), or run with --no-cache"
        )
    return None


def committed_to_git(folder: Path) -> bool:
    """Whether git tracks any file in ``folder`` (``git add -f`` past the
    ``.gitignore`` the cache writes): a cache folder that came with a pull
    request, whose stored parses and outcomes would stand for files they
    are not the parses of. Asked only where a ``.git`` is above the folder
    and the folder exists; one ``git ls-files`` (a few milliseconds)."""
    if not folder.is_dir() or not any(
        (parent / ".git").exists() for parent in (folder, *folder.parents)
    ):
        return False
    from okrsite.gitsource import GitError, _run

    try:
        proc = _run(["ls-files", "-z", "--", "."], folder)
    except (GitError, OSError):
        return False
    return proc.returncode == 0 and bool(proc.stdout)
