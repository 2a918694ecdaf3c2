"""Where ``okrsite import`` writes when it is run in a folder with no site yet.

docs/import.md opens with ``okrsite import okrs.xlsx``, and a team moving
from a spreadsheet runs exactly that in a new folder beside its sheet.
Every other command needs a site (``okrsite.toml`` or ``content/``), and
``okrsite init`` would add sample objectives to be found and deleted; the
import makes every folder it writes into anyway, so in a folder that holds
nothing of okrsite's it starts the site there: its ``content/`` folder.

A folder that holds something of a site (a record folder such as
``objectives/`` where ``content/`` was meant, a built ``_site/``) or lies
inside a site without ``okrsite.toml`` (a ``content/`` above it) is no new
site: writing there would put the goals beside the site, not in it, so the
import refuses as the other commands do, saying what to do.
"""

from __future__ import annotations

from pathlib import Path

import click

from okrsite.model import KIND_FOLDERS
from okrsite.pipeline import find_site_root

__all__ = ["import_root"]

#: what a folder holding a site's files, or its build, has at its top
_SITE_ENTRIES = (*KIND_FOLDERS, "_site", ".okrsite-cache", "themes", "okrsite.toml")


def import_root(site: Path | None) -> Path:
    """The site folder to import into: ``--site``, else the site found as
    every command finds it, else the current folder when it can start one
    (said on stderr); a usage error (exit 2) saying what to do when it cannot."""
    from okrsite.cli_options import resolve_site

    here = Path.cwd().resolve()
    if site is not None or find_site_root(here) is not None:
        return resolve_site(site)
    found = _site_files_in(here)
    if found is not None:
        raise click.UsageError(
            f"no okrsite site here: no okrsite.toml in this folder or above it, and no "
            f"content/ folder, but {found}, so this folder is not a new site. Run okrsite "
            "import in your site's folder or pass --site PATH; a new site starts in a "
            "folder with none of a site's files ('mkdir content' makes one anywhere)."
        )
    click.echo(
        "okrsite: no site here yet: the import starts one in this folder "
        "(its content/ folder; see docs/import.md)",
        err=True,
    )
    return here


def _site_files_in(folder: Path) -> str | None:
    """What says ``folder`` is part of a site rather than a new one, or ``None``."""
    for name in _SITE_ENTRIES:
        if (folder / name).exists():
            return f"it holds {name}{'/' if (folder / name).is_dir() else ''}, which a site has"
    for above in folder.parents:
        if (above / "content").is_dir():
            return f"it lies in {above}, which has a content/ folder"
    return None
