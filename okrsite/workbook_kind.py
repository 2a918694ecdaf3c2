"""What a file handed to the import is, when it is not the kind its name says.

Spreadsheets are moved around by people who see an icon, not a format: an
Excel 97-2003 workbook (``.xls``) is still common, a workbook protected by a
password is not a zip archive at all but an OLE compound file holding the
encrypted workbook (the same container as ``.xls``), a CSV file is renamed
``.xlsx`` to open in Excel, and an ``.xlsx`` is given to ``--format csv``.
The readers would each fail with what their library says (``File is not a
zip file``, a byte that is not UTF-8), which names nothing the user can
act on. These tell, from the file's first bytes and its name, what it is and
what to do with it, for the xlsx reader (:mod:`okrsite.spreadsheet_xlsx`)
and the CSV reader (:mod:`okrsite.spreadsheet_read`) to refuse it with.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["OTHER_WORKBOOKS", "not_csv", "not_xlsx"]

#: an OLE compound file: Excel 97-2003 (.xls) and every password-protected
#: (encrypted) Office file
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: a zip archive, as .xlsx, .ods and .numbers are
_ZIP = b"PK\x03\x04"
#: spreadsheet files okrsite does not read, by their ending: the import takes
#: them to the xlsx reader, which says what to do (:func:`not_xlsx`)
OTHER_WORKBOOKS = {
    ".xls": "an Excel 97-2003 workbook (.xls)",
    ".xlt": "an Excel 97-2003 template (.xlt)",
    ".xlsb": "an Excel binary workbook (.xlsb)",
    ".ods": "an OpenDocument spreadsheet (.ods, as LibreOffice saves it)",
    ".numbers": "an Apple Numbers file",
}
_SAVE_AS_XLSX = (
    "open it in its spreadsheet program and save it as an Excel workbook (.xlsx; "
    "in Excel: File > Save As > Excel Workbook) or as CSV, then import that file"
)


def _head(path: Path) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(4096)


def _is_text(head: bytes) -> bool:
    """Whether the file's first bytes read as text (UTF-8, a Windows code page
    or UTF-16 with its byte-order mark), as a CSV file's do."""
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return True
    return bool(head) and b"\x00" not in head


def not_xlsx(path: Path) -> str | None:
    """Why ``path``, to be read as an .xlsx workbook, is none, and what to do;
    ``None`` for a zip archive okrsite may read (the reader checks the rest)."""
    head = _head(path)
    kind = OTHER_WORKBOOKS.get(path.suffix.lower())
    if head.startswith(_OLE):
        if kind is not None:
            return f"{path.name} is {kind}, which okrsite does not read: {_SAVE_AS_XLSX}"
        return (
            f"{path.name} is not an .xlsx workbook but an old Excel 97-2003 file (.xls) or a "
            "workbook protected by a password (Excel stores those alike): open it in Excel and "
            "save it without a password (File > Info > Protect Workbook > Encrypt with "
            "Password, clear it) as an Excel Workbook (.xlsx), or as CSV"
        )
    if head.startswith(_ZIP):
        if kind is not None:
            return f"{path.name} is {kind}, which okrsite does not read: {_SAVE_AS_XLSX}"
        return None
    if _is_text(head):
        return (
            f"{path.name} is text, not an Excel workbook (.xlsx): if it holds comma-, "
            "semicolon- or tab-separated rows, rename it .csv or pass --format csv; "
            f"otherwise {_SAVE_AS_XLSX}"
        )
    if kind is not None:
        return f"{path.name} is {kind}, which okrsite does not read: {_SAVE_AS_XLSX}"
    return None


def not_csv(name: str, raw: bytes) -> str | None:
    """Why a file read as CSV text (``raw``, its bytes) is a workbook instead,
    and what to do; ``None`` when it may be text."""
    if raw.startswith(_ZIP):
        return (
            f"{name} is a workbook (a zip archive, as .xlsx is), not CSV text: "
            "pass --format xlsx, or save it as CSV"
        )
    if raw.startswith(_OLE):
        return (
            f"{name} is an old Excel 97-2003 workbook (.xls) or a password-protected one, "
            f"not CSV text: {_SAVE_AS_XLSX}"
        )
    return None
