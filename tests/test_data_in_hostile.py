"""okrsite import and pull on hostile files: a clear error naming the file, exit 1.

Every file here is real (an .xlsx built with openpyxl and rewritten with
zipfile, CSV and JSON written to disk) and goes through the real command
line. Each would crash (a traceback), exhaust memory, or be read past its
limits without the guards of :mod:`okrsite.spreadsheet_read`,
:mod:`okrsite.portfolio_import` and :mod:`okrsite.pull_sources`; each is
small, the limits being checked from declared sizes and counts as the file
streams by.
"""

from __future__ import annotations

import sys
import time
import zipfile
from datetime import date
from pathlib import Path

from click.testing import CliRunner
from conftest import write_site
from openpyxl import Workbook

from okrsite.cli import cli

AS_OF = date(2026, 2, 15)
SHEET = "xl/worksheets/sheet1.xml"


def run(*args: str) -> tuple[int, str]:
    """The real CLI; an exception escaping it (a traceback) fails the test."""
    result = CliRunner().invoke(cli, list(args))
    escaped = result.exception is not None and not isinstance(result.exception, SystemExit)
    assert not escaped, f"{result.exception!r}\n{result.output}"
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.output


def empty_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "okrsite.toml").write_text(f'title = "Imported"\nas_of = {AS_OF}\n', encoding="utf-8")
    return site


def imports(tmp_path: Path, file: Path) -> tuple[int, str]:
    site = empty_site(tmp_path)
    return run("import", str(file), "--dry-run", "--cycle", "2026-Q1", "--site", str(site))


def good_xlsx(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["Objective", "Key result", "Start", "Target", "Current"])
    sheet.append(["Obj A", "Raise NPS", 30, 45, 36])
    book.save(path)
    return path


def rewritten(tmp_path: Path, name: str, change: dict[str, bytes | None]) -> Path:
    """A real workbook with parts replaced (``None``: the part as it was,
    given to ``edit``) — written part by part, so nothing large is in memory."""
    source = good_xlsx(tmp_path / "good.xlsx")
    out = tmp_path / name
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = change.get(info.filename)
            zout.writestr(info.filename, zin.read(info.filename) if data is None else data)
    return out


def sheet_xml(tmp_path: Path) -> bytes:
    with zipfile.ZipFile(good_xlsx(tmp_path / "probe.xlsx")) as zf:
        return zf.read(SHEET)


def with_rows(tmp_path: Path, name: str, rows: bytes) -> Path:
    """The good workbook with ``rows`` (``<row>`` elements) added to its sheet."""
    xml = sheet_xml(tmp_path)
    head, tail = xml.split(b"</sheetData>", 1)
    return rewritten(tmp_path, name, {SHEET: head + rows + b"</sheetData>" + tail})


def with_doctype(tmp_path: Path, name: str, doctype: bytes, entity: bytes) -> Path:
    xml = sheet_xml(tmp_path)
    body = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
    body = body.replace(b"<v>30</v>", b"<v>" + entity + b"</v>", 1)
    assert entity in body
    return rewritten(tmp_path, name, {SHEET: b'<?xml version="1.0"?>' + doctype + body})


# ------------------------------------------------------------------ xlsx
def test_xlsx_entity_expansion_is_refused(tmp_path: Path) -> None:
    laughs = b"".join(
        b'<!ENTITY %s "%s">' % (bytes([c]), (b"&%s;" % bytes([c - 1])) * 10) for c in range(98, 106)
    )
    doctype = b'<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">' + laughs + b"]>"
    book = with_doctype(tmp_path, "laughs.xlsx", doctype, b"&i;")
    code, out = imports(tmp_path, book)
    assert code == 1, out
    assert "laughs.xlsx: error IMP001: laughs.xlsx: its part 'xl/worksheets/sheet1.xml'" in out
    assert "declares a DTD" in out and "nothing was written" in out


def test_xlsx_external_entity_is_refused_unread(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    doctype = b'<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file://%s">]>' % str(secret).encode()
    book = with_doctype(tmp_path, "xxe.xlsx", doctype, b"&x;")
    code, out = imports(tmp_path, book)
    assert code == 1 and "xxe.xlsx: error IMP001:" in out and "declares a DTD" in out, out
    assert "TOP-SECRET" not in out


def test_xlsx_row_of_too_many_cells_is_refused(tmp_path: Path) -> None:
    # the zip bomb of the audit in small: cells without a reference, one after another
    row = b'<row r="3">' + b"<c><v>1</v></c>" * 20_000 + b"</row>"
    book = with_rows(tmp_path, "wide.xlsx", row)
    assert book.stat().st_size < 100_000
    code, out = imports(tmp_path, book)
    assert code == 1, out
    assert "wide.xlsx:3: error IMP001: wide.xlsx: row 3 has more than 16,384 columns" in out


def test_xlsx_cell_past_column_xfd_is_refused(tmp_path: Path) -> None:
    book = with_rows(tmp_path, "far.xlsx", b'<row r="3"><c r="ZZZZZZZ3"><v>1</v></c></row>')
    code, out = imports(tmp_path, book)
    assert code == 1 and "far.xlsx:3: error IMP001:" in out and "past column XFD" in out, out


def test_xlsx_cells_in_all_count_the_blank_ones_a_row_is_made_of(tmp_path: Path) -> None:
    # 62 rows of two cells, A and XFD: openpyxl makes each row 16,384 cells wide
    rows = b"".join(
        b'<row r="%d"><c r="A%d"><v>1</v></c><c r="XFD%d"><v>1</v></c></row>' % (n, n, n)
        for n in range(3, 65)
    )
    code, out = imports(tmp_path, with_rows(tmp_path, "blanks.xlsx", rows))
    assert code == 1 and "blanks.xlsx" in out, out
    assert "the first sheet has more than 1,000,000 cells" in out


def test_xlsx_row_number_past_excel_is_refused(tmp_path: Path) -> None:
    row = b'<row r="1048576000"><c r="A1048576000"><v>1</v></c></row>'
    code, out = imports(tmp_path, with_rows(tmp_path, "farrow.xlsx", row))
    assert code == 1, out
    assert "row number 1,048,576,000 is past 1,048,576, the last row Excel has" in out


def test_xlsx_cell_longer_than_excel_allows_is_refused(tmp_path: Path) -> None:
    row = b'<row r="3"><c r="A3" t="inlineStr"><is><t>' + b"a " * 20_000 + b"</t></is></c></row>"
    code, out = imports(tmp_path, with_rows(tmp_path, "long.xlsx", row))
    assert code == 1, out
    assert "long.xlsx:3: error IMP001:" in out and "more than 32,767 characters" in out


def test_xlsx_part_unpacking_past_the_limit_is_refused(tmp_path: Path) -> None:
    # 65 MB of blanks inside the sheet: 65 KB in the zip, harmless to build
    xml = sheet_xml(tmp_path)
    head, tail = xml.split(b"</sheetData>", 1)
    book = tmp_path / "bomb.xlsx"
    source = good_xlsx(tmp_path / "good.xlsx")
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != SHEET:
                zout.writestr(info.filename, zin.read(info.filename))
                continue
            with zout.open(SHEET, "w", force_zip64=True) as fh:
                fh.write(head)
                for _ in range(65):
                    fh.write(b" " * (1024 * 1024))
                fh.write(b"</sheetData>" + tail)
    assert book.stat().st_size < 1_000_000
    code, out = imports(tmp_path, book)
    assert code == 1, out
    assert (
        "bomb.xlsx: error IMP001: bomb.xlsx: its part 'xl/worksheets/sheet1.xml' unpacks to" in out
    )
    assert "more than 64 MB" in out


def test_xlsx_number_of_thousands_of_digits(tmp_path: Path) -> None:
    # 5000 digits: more than Python converts to an int
    row = b'<row r="3"><c r="A3"><v>' + b"9" * 5000 + b"</v></c></row>"
    code, out = imports(tmp_path, with_rows(tmp_path, "digits.xlsx", row))
    assert code == 1 and "digits.xlsx:3: error IMP001:" in out, out
    assert "a number has more digits than can be read" in out and "9" * 100 not in out


def test_xlsx_number_too_large_for_a_float_is_a_cell_error(tmp_path: Path) -> None:
    row = (
        b'<row r="3"><c r="A3" t="inlineStr"><is><t>Obj B</t></is></c>'
        b'<c r="B3" t="inlineStr"><is><t>Win logos</t></is></c>'
        b'<c r="D3"><v>' + b"9" * 400 + b"</v></c></row>"
    )
    code, out = imports(tmp_path, with_rows(tmp_path, "big.xlsx", row))
    assert code == 1, out
    assert (
        "big.xlsx:3:4: error IMP102: row 3, column D 'Target': '999999999999… (400 digits)'" in out
    )


# ------------------------------------------------------------------ csv
def test_csv_cell_over_the_field_limit(tmp_path: Path) -> None:
    path = tmp_path / "bigcell.csv"
    path.write_text(
        'Objective,Key result,Target\nO,K,1\nO,K2,"' + "x" * 200_000 + '"\n', encoding="utf-8"
    )
    code, out = imports(tmp_path, path)
    assert code == 1, out
    assert "bigcell.csv:3: error IMP001: bigcell.csv, line 3: a cell is longer than 131,072" in out


def test_csv_line_of_too_many_columns(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text("Objective,Key result,Target\n" + "," * 20_000 + "x\n", encoding="utf-8")
    code, out = imports(tmp_path, path)
    assert code == 1, out
    assert "wide.csv:2: error IMP001: wide.csv, line 2: more than 16,384 columns" in out


def test_csv_larger_than_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("Objective,Key result,Target\n")
        line = "O,K,1" + " " * 1019 + "\n"  # 1 KB a row
        for _ in range(16 * 1024 + 1):
            fh.write(line)
    code, out = imports(tmp_path, path)
    assert code == 1, out
    assert "huge.csv: error IMP001: huge.csv is larger than 16 MB" in out


def test_csv_header_as_wide_as_a_sheet_over_many_rows(tmp_path: Path) -> None:
    # every row is made as wide as its header: 2,001 columns x 600 rows
    header = ",".join(["Objective", *(f"c{n}" for n in range(2000))])
    path = tmp_path / "broad.csv"
    path.write_text(header + "\n" + "x\n" * 600, encoding="utf-8")
    code, out = imports(tmp_path, path)
    assert code == 1, out
    assert "broad.csv:1: error IMP001: broad.csv has 2,001 columns under its header" in out
    assert "more than 1,000,000 cells" in out


# ------------------------------------------------------------------ json
def test_json_nested_too_deeply(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 200_000, encoding="utf-8")
    code, out = imports(tmp_path, path)
    assert code == 1, out
    assert "deep.json: error IMP001:" in out and "nested too deeply" in out


def test_json_integer_of_more_digits_than_python_reads(tmp_path: Path) -> None:
    path = tmp_path / "bigint.json"
    path.write_text('{"objectives": [],\n "n": ' + "9" * 5000 + "}", encoding="utf-8")
    code, out = imports(tmp_path, path)
    assert code == 1, out
    assert "bigint.json:2: error IMP001: not valid JSON: a number has more digits" in out
    assert "9" * 100 not in out


def test_json_integers_too_large_for_a_float(tmp_path: Path) -> None:
    big = "9" * 4000
    path = tmp_path / "portfolio.json"
    path.write_text(
        '{"objectives": [{"id": "o", "title": "O", "cycle": "2026-Q1", "key_results": '
        f'[{{"id": "k", "title": "K", "start": 0, "target": {big}, "current": 1}}]}}],'
        f' "goals": [{{"id": "g", "title": "G", "progress": {big}}}],'
        f' "kpis": [{{"id": "p", "title": "P", "target": {big}}}]}}',
        encoding="utf-8",
    )
    code, out = imports(tmp_path, path)
    assert code == 1, out
    for where in ("content/objectives/o.md", "content/goals/g.md", "content/kpis/p.md"):
        assert f"(in the file it would write, {where})" in out
    assert "9" * 100 not in out


def test_json_of_more_lists_than_an_export_holds(tmp_path: Path) -> None:
    path = tmp_path / "lists.json"
    path.write_text("[" + "[]," * 1_000_000 + "[]]", encoding="utf-8")
    code, out = imports(tmp_path, path)
    assert code == 1, out
    assert "lists.json: error IMP001: more than 1,000,000 lists and objects" in out


# ------------------------------------------------------------------ pull
def pull_site(tmp_path: Path, sources: str, files: dict[str, str | bytes]) -> Path:
    return write_site(
        tmp_path / "site",
        {
            "okrsite.toml": f'title = "Pull"\nas_of = {AS_OF}\n' + sources,
            "content/kpis/nps.md": "---\ntitle: NPS\nunit: points\nvalues: {2026-01-01: 31}\n---\n",
            **files,
        },
    )


def file_source(name: str) -> str:
    return f'[[sources]]\nname = "nps"\nfile = "exports/{name}"\n'


def test_pull_hostile_files_fail_their_source(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "exports/deep.json": "[" * 200_000,
        "exports/bigint.json": '[{"date": "2026-02-01", "value": ' + "9" * 5000 + "}]",
        "exports/bigcell.csv": 'date,value\n2026-02-01,"' + "1" * 200_000 + '"\n',
        "exports/toolarge.json": '[{"date": "2026-02-01", "value": ' + "9" * 4000 + "}]",
        "exports/longtext.json": '[{"date": "2026-02-01", "value": "' + "9" * 5000 + 'x"}]',
        "exports/ok.csv": "date,value\n2026-02-01,38\n",
    }
    site = pull_site(tmp_path, "", files)
    top = (site / "okrsite.toml").read_text()
    # each file in turn: two sources of one name are refused (PULL001), none runs
    out = ""
    for name in files:
        (site / "okrsite.toml").write_text(top + file_source(name.removeprefix("exports/")))
        code, said = run("pull", "--dry-run", "--site", str(site))
        assert code == (0 if name == "exports/ok.csv" else 1), said
        out += said
    failed = [line for line in out.splitlines() if "source 'nps' failed:" in line]
    assert len(failed) == 5, out
    assert "nested too deeply" in failed[0]
    assert "line 1: not valid JSON: a number has more digits than can be read" in failed[1]
    assert "line 2: a cell is longer than 131,072 characters" in failed[2]
    assert "a number of 4000 digits is too large" in failed[3]
    assert "is not a number" in failed[4]
    assert all(len(line) < 400 for line in failed), failed  # values quoted short
    assert "nps: 2026-02-01 38 (new)" in out  # the good source still ran


def test_pull_existing_data_file_with_a_huge_cell(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "content/kpis/nps.md": "---\ntitle: NPS\ndata: data/nps.csv\n---\n",
        "content/data/nps.csv": 'date,value\n2026-01-01,"' + "1" * 200_000 + '"\n',
        "exports/ok.csv": "date,value\n2026-02-01,38\n",
    }
    site = pull_site(tmp_path, file_source("ok.csv"), files)
    code, out = run("pull", "--dry-run", "--site", str(site))
    assert code == 1, out
    assert "source 'nps' failed: cannot read nps.csv: line 2: a cell is longer" in out


def test_pull_command_printing_past_the_limit_is_stopped(tmp_path: Path) -> None:
    # 11 MB, then it would go on for half a minute: it is stopped at 10 MB,
    # not waited for until its timeout with all of it in memory
    body = "import sys, time\nsys.stdout.write('x' * (11 * 1024 * 1024))\nsys.stdout.flush()\ntime.sleep(30)\n"
    script = tmp_path / "site" / "scripts" / "flood.py"
    script.parent.mkdir(parents=True)
    script.write_text(body, encoding="utf-8")
    sources = f'[[sources]]\nname = "nps"\ncommand = ["{sys.executable}", "scripts/flood.py"]\ntimeout = 25\n'
    site = pull_site(tmp_path, sources, {})
    started = time.monotonic()
    code, out = run("pull", "--dry-run", "--site", str(site))
    assert code == 1, out
    assert "printed more than 10 MB" in out and "it was stopped" in out, out
    assert time.monotonic() - started < 20
