"""The files an import would write, loaded with the site before any is.

The site with the new files is loaded by the loader ``okrsite check`` uses,
in memory (:class:`okrsite.overlay.OverlayTree`): what it would refuse in a
new file (a parent that does not exist) is said against the spreadsheet row
the file came from, so the import stops with nothing written rather than
leave a site that does not check.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from okrsite.diagnostics import Diagnostic, error
from okrsite.goal_yaml import PlannedFile
from okrsite.overlay import OverlayTree
from okrsite.path_probe import file_exists
from okrsite.pipeline import LoadResult, load
from okrsite.sitefiles import excerpt

__all__ = ["planned_exists", "validate_planned"]


def planned_exists(
    root: Path, planned: PlannedFile, label: str, diagnostics: list[Diagnostic]
) -> bool:
    """Whether the file an import would write is there already (it is skipped).

    A name too long to be a file's is not asked about (the loader refuses its
    id, IMP110 below); a path the system will not look up (a folder that may
    not be read) is an error against the row the file comes from."""
    try:
        return file_exists(root, planned.rel)
    except OSError as exc:
        where = f"row {planned.row}" if planned.row is not None else "a record"
        diagnostics.append(
            error(
                "IMP110",
                f"{where}: cannot tell whether {excerpt(planned.rel, 160)}, the file it would write, "
                f"exists: {exc.strerror or exc}",
                label,
                line=planned.row,
                hint="let the folder be read (its permissions), or import into another "
                "site; nothing was written",
            )
        )
        return False


def validate_planned(
    root: Path,
    files: list[PlannedFile],
    before: LoadResult,
    label: str,
    sources: Mapping[str, str] | None = None,
) -> list[Diagnostic]:
    """Load the site with the new files; report what the loader would refuse.

    A finding in a new file points at the spreadsheet row it came from; a new
    finding elsewhere (a clash with an existing file) is reported as is.
    """
    extra = {f.rel: f.text.encode("utf-8") for f in files}
    after = load(OverlayTree(root, extra), jobs=1)
    old = {d.format_text() for d in before.diagnostics}
    rows = {f.rel: f.row for f in files}
    out = []
    for d in after.diagnostics:
        if not d.is_error or d.format_text() in old:
            continue
        if d.file in rows:
            row = rows[d.file]
            where = f"row {row}" if row is not None else "a record"
            source = (sources or {}).get(d.file) or (sources or {}).get(
                d.file.rsplit("/", 1)[0] + "/"
            )
            out.append(
                error(
                    "IMP110",
                    # a path too long for a file name is shown cut, as its id is
                    f"{where}: {d.message} (in the file it would write, {excerpt(d.file, 160)})",
                    source or label,
                    line=row,
                    hint=d.hint,
                )
            )
        else:
            out.append(d)
    return out
