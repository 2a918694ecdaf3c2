"""Ids that one macOS or Windows folder would hold as one.

Split from :mod:`okrsite.resolve_tables`: a team that shares its files
between Linux and a Mac writes ``Vertrieb/Messe.md`` and ``Vertrieb/Kunden
steigern.md`` (whose id folds to ``vertrieb/kunden-steigern``), or a file
name in the Unicode form macOS writes (NFD). Linux builds pages for both
spellings; macOS and Windows (and a zip unpacked there) hold them in one
folder, so one page overwrites the other or links break after an upload.
The ids stay as they are, as users typed them in ``parent:`` and
check-ins: these say which file to rename or give an ``id:``.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from okrsite.diagnostics import Diagnostic, error, warning
from okrsite.model import CheckIn
from okrsite.parse_names import KR_ID_RE, as_nfc, kind_and_id_from_path, path_id
from okrsite.slug import slugify


def spelling_key(text: str) -> str:
    """What makes two spellings one name on macOS and Windows: the same letters
    in any case, and in either Unicode form of an accented letter."""
    return as_nfc(text).casefold()


def nfc_twin_key(rid: str, file: str, content_dir: str) -> str | None:
    """The spelling key of the id the file would have were its name written in
    NFC, when that differs from its id's own: ``Größe.md`` in NFD has the id
    ``grosse`` (its name folded, as a name that is no id is), but names the
    same file as ``Größe.md`` in NFC on a Mac. ``None`` for a file whose id
    is not its path's (``id:``) or whose name is NFC already."""
    if file.isascii() or unicodedata.is_normalized("NFC", file):
        return None
    _, own = kind_and_id_from_path(file, content_dir)
    if own != rid:
        return None  # an id: of its own: the file name does not make it
    _, twin = kind_and_id_from_path(as_nfc(file), content_dir)
    if twin is None or spelling_key(twin) == spelling_key(rid):
        return None
    return spelling_key(twin)


def unicode_twin(kind: str, nfd: Any, nfc: Any) -> Diagnostic:
    """OKR301 for a file whose name is written in NFD (its id folded: ``grosse``)
    beside the same name in NFC (``Größe``): one file on macOS and Windows.
    Reported on the NFD one, which is left out; the id is not changed (an
    NFD file alone keeps its folded id, which references may name)."""
    return error(
        "OKR301",
        f"{kind} id {nfd.id!r} differs from {nfc.id!r} of {nfc.file} only in the Unicode "
        "form of an accented letter: this file's name is written in NFD (as macOS, zips "
        "and rsync write it), and is the same file name on macOS and Windows",
        nfd.file,
        line=1,
        hint="remove one of the two files, or rename this one (typed anew, its name is "
        "written in NFC) and give it another name or 'id:'",
    )


class FolderSpellings:
    """The spellings of each folder of the ids of one kind, to warn of the
    records whose ids write a folder of another in other letter case or
    Unicode form (``Vertrieb/Messe`` beside ``vertrieb/kunden-steigern``)."""

    def __init__(self) -> None:
        # (kind, spelling key) -> each spelling -> the records (id, file) writing it
        self._seen: dict[tuple[str, str], dict[str, list[tuple[str, str]]]] = {}

    def add(self, kind: str, rid: str, file: str) -> None:
        """Note the folders of ``rid`` (``a`` and ``a/b`` of ``a/b/c``)."""
        parts = rid.split("/")
        for n in range(1, len(parts)):
            folder = "/".join(parts[:n])
            spellings = self._seen.setdefault((kind, spelling_key(folder)), {})
            spellings.setdefault(folder, []).append((rid, file))

    def warnings(self) -> list[Diagnostic]:
        """One warning for each folder whose ids spell it in two ways or more,
        naming each spelling and how many ids write it. The spelling kept is
        the one most files' folders on disk write (``Vertrieb/Kunden
        steigern.md`` is in ``Vertrieb``, though its id folds to
        ``vertrieb/…``), then the one most ids write, then the first seen;
        the warning is on the first file (by path) of an id spelling it
        otherwise, where the folding made it differ."""
        found: list[Diagnostic] = []
        for (kind, _), spellings in self._seen.items():
            if len(spellings) < 2:
                continue
            kept = max(
                spellings,
                key=lambda s: (sum(_on_disk(s, f) for _, f in spellings[s]), len(spellings[s])),
            )
            found.append(_folder_clash(kind, kept, spellings))
        return found


def _folder_clash(kind: str, kept: str, spellings: dict[str, list[tuple[str, str]]]) -> Diagnostic:
    """OKR301 for one folder its ids spell in several ways (``Sales`` by
    ``Sales/Plan``, ``sales`` by ``sales/plan-draft`` of ``Plan (draft).md``:
    a file name that is no id folds its whole path, folder too)."""
    others = sorted(
        (file, rid, mine) for mine, rs in spellings.items() if mine != kept for rid, file in rs
    )
    file, rid, mine = others[0]
    order = [kept, *sorted(s for s in spellings if s != kept)]
    written = ", ".join(
        f"{s!r} by {_ids(len(spellings[s]))} (as {spellings[s][0][0]!r} of {spellings[s][0][1]})"
        for s in order
    )
    dirs = {d for s in order for r, f in spellings[s] if (d := _folder_on_disk(s, r, f))}
    alt = (
        f"give the {_files(len(others))} whose names need folding an 'id:' line writing {kept!r} "
        f"({file}: 'id: {kept + rid[len(mine) :]}')"
    )
    folder = next(iter(dirs)) if len(dirs) == 1 else None
    name = folder.rpartition("/")[2] if folder else ""
    plain = slugify(name)
    if (
        folder
        and plain
        and plain != name
        and all(s.rpartition("/")[2] in (name, plain) for s in order)
    ):
        to = f"{folder.rpartition('/')[0]}/{plain}".lstrip("/")
        hint = (
            f'rename the folder so that it needs no folding: git mv "{folder}" '
            f"{_quoted(to)}; every id then writes it {plain!r}, and the ids of the files "
            f"in it change with it ({spellings[kept][0][0]!r} becomes "
            f"{(kept.rpartition('/')[0] + '/' + plain).lstrip('/') + spellings[kept][0][0][len(kept) :]!r}), "
            f"so what names them must follow; or {alt}"
        )
    else:
        hint = f"write the folder one way: {alt}, or move the files into one folder"
    return warning(
        "OKR301",
        f"{kind} ids write the folder {kept!r} in {len(spellings)} ways: {written}; "
        "folders that differ only in letter case (or in the Unicode form of an accented "
        "letter) are one folder on macOS and Windows, where links to one of them break",
        file,
        line=1,
        hint=hint,
    )


def _ids(n: int) -> str:
    return f"{n} id" if n == 1 else f"{n} ids"


def _files(n: int) -> str:
    return "file" if n == 1 else f"{n} files"


def _quoted(path: str) -> str:
    return path if KR_ID_RE.match(path.replace("/", "_")) else f'"{path}"'


def _folder_on_disk(folder: str, rid: str, file: str) -> str | None:
    """The folder on disk holding ``file`` that its id's ``folder`` names
    (``content/objectives/Sales`` for ``sales`` of ``sales/plan-draft`` of
    ``content/objectives/Sales/Plan (draft).md``); ``None`` when its path
    does not make its id (an ``id:`` of its own)."""
    depth = folder.count("/") + 1
    parts = file.removesuffix(".md").split("/")
    tail = rid.count("/") + 1
    if len(parts) <= tail:
        return None
    inner = parts[len(parts) - tail :]
    if spelling_key(path_id("/".join(inner))) != spelling_key(rid):
        return None
    return "/".join(parts[: len(parts) - tail + depth])


def _on_disk(folder: str, file: str) -> bool:
    """Whether ``file``'s path writes ``folder`` as its id does."""
    return f"/{folder}/" in f"/{file}"


def filed_as_spelled(
    c: CheckIn, objectives: Mapping[str, object], kpis: Mapping[str, object]
) -> CheckIn:
    """A check-in filed in ``checkins/vertrieb/messe/`` for the objective
    ``Vertrieb/Messe``: the folder differs from the id only in letter case
    (or Unicode form), one folder on macOS and Windows, so it is that
    objective's (or KPI's) folder; ``c`` as it is when no one id is so."""
    if c.objective is not None and c.objective not in objectives:
        meant = _spelled_otherwise(c, c.objective, objectives)
        return c if meant is None else replace(c, objective=meant)
    if c.kpi is not None and c.kpi not in kpis:
        meant = _spelled_otherwise(c, c.kpi, kpis)
        return c if meant is None else replace(c, kpi=meant)
    return c


def _spelled_otherwise(c: CheckIn, folder: str, table: Mapping[str, object]) -> str | None:
    """The one id of ``table`` that ``folder`` spells in other case or Unicode
    form; or that the folder on disk does, read in NFC: a folder named in
    NFD (``Größe/`` made on a Mac) is no id, and folds to ``grosse``."""
    keys = {spelling_key(folder)}
    parts = c.id.count("/") + 1
    on_disk = c.file.removesuffix(".md").split("/")[-parts:]
    if len(on_disk) == parts:
        keys.add(spelling_key("/".join(on_disk[:-1])))
    meant = [rid for rid in table if spelling_key(rid) in keys]
    return meant[0] if len(meant) == 1 else None


def existing_spelling(root: Path, rel: str) -> str:
    """``rel`` with each folder written as a folder already on disk spells it
    in other letter case or Unicode form (``content/objectives/vertrieb/…``
    beside ``Vertrieb/``: ``content/objectives/Vertrieb/…``), so a new file
    goes into the folder macOS and Windows would put it in anyway, and its
    id spells that folder as the files beside it do; or as a folder whose
    name is no id but folds to that part (``customer-success/…`` beside
    ``Customer Success/``: ``content/objectives/Customer Success/…``), whose
    files' ids fold their whole path: the new file's id is then folded too
    (``customer-success/onboarding``, as ``Customer Success/Retention.md``'s
    is ``customer-success/retention``), not a second folder beside it. A
    folder whose name is an id part is taken before one that folds."""
    parts = rel.split("/")
    here = root
    for i, part in enumerate(parts[:-1]):
        if not (here / part).is_dir():
            key = spelling_key(part)
            try:
                names = sorted(entry.name for entry in os.scandir(here) if entry.is_dir())
            except OSError:
                names = []
            same = [n for n in names if spelling_key(n) == key and KR_ID_RE.match(n)]
            same += [n for n in names if not KR_ID_RE.match(n) and spelling_key(slugify(n)) == key]
            if same:
                parts[i] = same[0]
        here = here / parts[i]
    return "/".join(parts)
