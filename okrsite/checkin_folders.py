"""A check-in filed in one record's folder that names another (OKR322).

``okrsite checkin`` files a check-in in ``checkins/<id>/``, and a check-in
there that names neither objective nor KPI is that folder's
(:func:`okrsite.parse_checkins._filed_in`). One that names a record is that
record's wherever it is filed, so a file copied from last week's into
another objective's folder whose ``objective:`` was not changed counts for
the objective it was copied from: its note shows on that page, its values
move that objective, and the folder's objective seems to have no check-in.
Nothing in the file is wrong on its own, so the warning is the only sign.
A folder that is no record's id (``checkins/2026/``, ``checkins/weekly/``)
stays a folder to sort files in, as documented, and is not warned of.
"""

from __future__ import annotations

from collections.abc import Mapping

from okrsite.diagnostics import Diagnostic, warning
from okrsite.id_spellings import spelling_key
from okrsite.model import CheckIn, Objective
from okrsite.parse_names import kind_and_id_from_path

#: spelling key of an id → (kind, id) of each objective and KPI spelled so
FolderRecords = dict[str, list[tuple[str, str]]]


def folder_records(objectives: Mapping[str, object], kpis: Mapping[str, object]) -> FolderRecords:
    """The records a check-in folder may be the folder of, by the key of
    their ids' spelling (a folder in other letter case or Unicode form is
    the same folder on macOS and Windows): built once per run, so each
    check-in is looked up, not compared with every id."""
    found: FolderRecords = {}
    for kind, table in (("objective", objectives), ("KPI", kpis)):
        for rid in table:
            found.setdefault(spelling_key(rid), []).append((kind, rid))
    return found


def copied_checkin_warning(
    c: CheckIn,
    objectives: Mapping[str, Objective],
    kpis: Mapping[str, object],
    records: FolderRecords,
    content_dir: str,
) -> Diagnostic | None:
    """OKR322 at ``objective:`` (or ``kpi:``) of a check-in that names a record
    other than the one whose id its folder is; ``None`` when the folder is
    that record's (in any letter case or Unicode form), is no record's id,
    or the record named does not exist (that is its own error), and for a
    KPI's reading in the folder of an objective with a key result following
    that KPI (``kpi: nps``)."""
    if c.implied:  # named by its folder: it is the folder's
        return None
    named, key = (c.objective, "objective") if c.objective is not None else (c.kpi, "kpi")
    if named is None or named not in (objectives if key == "objective" else kpis):
        return None
    _, path_id = kind_and_id_from_path(c.file, content_dir)
    folder = (path_id or "").rpartition("/")[0]
    owners = records.get(spelling_key(folder), []) if folder else []
    if not owners or any(rid == named for _, rid in owners):
        return None
    kind, rid = owners[0]
    # a reading of the KPI a key result of the folder's objective follows
    # moves that key result: filed there on purpose, not copied
    if (
        kind == "objective"
        and key == "kpi"
        and any(kr.kpi == named for kr in objectives[rid].key_results)
    ):
        return None
    prefix = content_dir.strip("/") + "/"
    where = c.file.removeprefix(prefix).rpartition("/")[0]
    what = "objective" if key == "objective" else "KPI"
    return warning(
        "OKR322",
        f"check-in in {where}/, the folder of {kind} {rid}, names {what} {named}: "
        f"it counts for {named}, not for {rid}",
        c.file,
        hint=f"a copied file? fix {key}: or move the file",
        key_path=(key,),
    )
