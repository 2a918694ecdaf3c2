"""A site on disk with planned files laid over it, for the loader.

``okrsite import`` and ``okrsite pull`` load the site as it would be after
their writes, in memory, before writing anything: a file the real loader
would refuse is reported and never written.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from okrsite.diagnostics import Diagnostic
from okrsite.folder_listings import FolderListings
from okrsite.pipeline import FileTree, KnownFiles

__all__ = ["OverlayTree"]


class OverlayTree(FileTree):
    """``FileTree`` of ``root`` in which ``extra`` (site-relative path → bytes)
    adds files or replaces their contents."""

    def __init__(self, root: Path, extra: Mapping[str, bytes]) -> None:
        super().__init__(root)
        self.extra = extra

    def markdown_files(self, content_dir: str) -> list[str]:
        prefix = content_dir.strip("/") + "/"
        new = {rel for rel in self.extra if rel.startswith(prefix) and rel.endswith(".md")}
        return sorted(set(super().markdown_files(content_dir)) | new)

    def listed_with_signatures(
        self,
        content_dir: str,
        listings: FolderListings | None = None,
        known: KnownFiles | None = None,
    ) -> tuple[list[str], dict[str, tuple[int, int, int]]]:
        """The listing with no signatures: each file goes through :meth:`stat_signature`
        (and no folder listing is kept or reused, nor any file trusted by ``known``:
        planned files are in none)."""
        return self.markdown_files(content_dir), {}

    def read_checked(self, rel: str) -> bytes | Diagnostic:
        """A planned file's bytes, else the file on disk under :class:`FileTree`'s rules
        (:meth:`FileTree.read` goes through here too)."""
        found = self.extra.get(rel)
        return found if found is not None else super().read_checked(rel)

    def stat_checked(self, rel: str) -> os.stat_result | Diagnostic | None:
        """Planned files have no ``stat`` a parse cache could trust: always read them."""
        return None if rel in self.extra else super().stat_checked(rel)

    def stat_signature(self, rel: str) -> tuple[int, int, int] | None:
        """Likewise: a planned file's disk ``stat`` says nothing about its planned bytes."""
        return None if rel in self.extra else super().stat_signature(rel)
