"""The warning that the site's git history is on but git could not read it.

The pages and ``api/history.json`` say so in their note, but nobody reads
those in a CI log: a container's checkout owned by another user (git's
"dubious ownership") built a site without any history, and for a site in a
subfolder with every "edit this file" link one folder short, while the job
printed only its usual summary. So ``okrsite build`` and ``okrsite serve``
report it as a warning of ``okrsite.toml`` (CFG018) with git's reason and
what to do; like every warning it fails ``build --strict``. A site outside
git, or with the history turned off, has its note and no warning: that is
what the user chose.
"""

from __future__ import annotations

from pathlib import Path

from okrsite.config import CONFIG_FILE, setting_line
from okrsite.diagnostics import Diagnostic, warning
from okrsite.history import GIT_UNREAD, SiteHistory


def history_unread(history: SiteHistory | None, site_root: Path) -> list[Diagnostic]:
    """CFG018 when ``history`` is git's refusal to be read (one warning, at
    the ``history`` line of okrsite.toml when it has one); else nothing."""
    if history is None or history.available or history.note_text != GIT_UNREAD:
        return []
    problem = str(history.note_values.get("problem", "")).rstrip(".")
    try:
        text = (site_root / CONFIG_FILE).read_text("utf-8", "replace")
    except OSError:
        text = ""
    return [
        warning(
            "CFG018",
            f"the pages have no git history: {problem}",
            CONFIG_FILE,
            line=setting_line(text, "history") if text else None,
            hint="until git can read the repository, each page's history says so, and edit "
            "links start at the site's folder (for a site in a subfolder of the repository, "
            "set repo_folder); to build without the history and this warning, set "
            "history = false in okrsite.toml or use --no-history",
        )
    ]
