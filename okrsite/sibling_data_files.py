"""A CSV file beside a KPI, named like it, that the KPI's ``data:`` does not name.

A KPI reads a data file only when its ``data:`` names it (content-format.md):
okrsite lists Markdown files, and any other file under ``content/`` is the
site's own business. But ``kpis/churn.md`` with ``kpis/churn.csv`` beside it
is how a person keeps a KPI's readings (Hugo reads a page's resources from
its own folder), and without ``data:`` the readings were silently not there:
the KPI said "unknown" with no word why. Warning OKR210 names the file and
the ``data:`` line to write.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from okrsite.diagnostics import Diagnostic, warning
from okrsite.model import KPI

if TYPE_CHECKING:
    from okrsite.parse import ParsedFile
    from okrsite.pipeline_files import SourceTree

__all__ = ["unnamed_sibling_data_files"]


def unnamed_sibling_data_files(
    tree: SourceTree, content_dir: str, parsed: Sequence[ParsedFile]
) -> Iterable[Diagnostic]:
    """OKR210 for each KPI without ``data:`` whose folder holds a CSV of its
    file's name (``churn.csv`` beside ``churn.md``)."""
    prefix = content_dir.strip("/") + "/"
    for pf in parsed:
        kpi = pf.record
        if not isinstance(kpi, KPI) or kpi.data is not None:
            continue
        if not pf.file.startswith(prefix) or not pf.file.lower().endswith(".md"):
            continue
        stem = pf.file[: -len(".md")]
        for suffix in (".csv", ".CSV"):
            rel = stem + suffix
            if isinstance(tree.read_checked(rel), bytes):
                data = rel[len(prefix) :]
                yield warning(
                    "OKR210",
                    f"{rel} beside this KPI is not read: a KPI reads a data file "
                    "only when its data: names it",
                    pf.file,
                    line=1,
                    hint=f"add the line data: {data} to its front matter",
                )
                break
