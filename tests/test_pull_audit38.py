"""okrsite pull, audit 38: values written out in full in the file's form, rows
a data file leaves out left out (and said), refusals with the data file's
hints and the source's file, and a source named by a title. Real files in a
tmp site, through the real CLI."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from conftest import write_site

from okrsite.cli import cli

NPS = "---\ntitle: NPS\nunit: points\ndata: data/nps.csv\n---\n"


def pull(site: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["pull", "--site", str(site), *args])
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.output


def site(tmp_path: Path, source: str | bytes, file: str = "exports/nps.csv", **extra: str) -> Path:
    """A site whose KPI ``nps`` pulls from ``file``, holding ``source``."""
    files: dict[str, str | bytes] = {
        "okrsite.toml": f'title = "x"\nas_of = 2026-11-20\n[[sources]]\nname = "nps"\nfile = "{file}"\n',
        file: source,
        "content/kpis/nps.md": NPS,
        "content/data/nps.csv": "date,value\n2026-11-01,40\n",
        **extra,
    }
    return write_site(tmp_path / "site", files)


def data(root: Path, rel: str = "content/data/nps.csv") -> str:
    return (root / rel).read_text(encoding="utf-8")


# ---------------------------------------------------------------- 1: digits
def test_tiny_values_are_written_out_with_the_files_percent_sign(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "x"\n[[sources]]\nname = "errors"\nfile = "errors-export.csv"\n',
            "content/kpis/errors.md": '---\ntitle: Error rate\nunit: "%"\ndirection: down\ndata: data/errors.csv\n---\n',
            "content/data/errors.csv": "date,value\n2026-11-01,0.0012%\n",
            "errors-export.csv": "date,value\n2026-11-02,0.00005\n2026-11-03,0.0008\n2026-11-04,0.0000000001\n",
        },
    )
    code, out = pull(root)
    assert code == 0, out
    assert "errors: 2026-11-02 0.00005 (new)" in out
    assert data(root, "content/data/errors.csv") == (
        "date,value\n2026-11-01,0.0012%\n2026-11-02,0.00005%\n"
        "2026-11-03,0.0008%\n2026-11-04,0.0000000001%\n"
    )
    code, out = pull(root)  # read back as written: nothing new
    assert code == 0 and "nothing new (3 values already there)" in out, out


# ------------------------------------------------------- 2: rows left out
def test_a_totals_row_is_left_out_and_said(tmp_path: Path) -> None:
    root = site(tmp_path, "Date,Value\n2026-11-16,43\nTotal,87\n")
    code, out = pull(root)
    assert code == 0, out
    assert "nps: exports/nps.csv, line 3 'Total,87': 'Total' makes it a totals row" in out
    assert "left out" in out
    assert data(root) == "date,value\n2026-11-01,40\n2026-11-16,43\n"


def test_months_without_a_value_are_left_out_and_said(tmp_path: Path) -> None:
    root = site(tmp_path, "Month,NPS\n2026-11,44\n2026-12,\n2027-01,-\n")
    code, out = pull(root)
    assert code == 0, out
    assert "nps: exports/nps.csv, line 3 '2026-12,': no value: left out" in out
    assert "line 4 '2027-01,-': no value ('-'): left out" in out
    assert data(root) == "date,value\n2026-11-01,40\n"  # 2026-11 is Nov 1st: already there


def test_a_json_item_without_a_value_is_left_out(tmp_path: Path) -> None:
    source = '[{"date": "2026-11-16", "value": 43}, {"date": "2026-12-01", "value": null}]'
    root = site(tmp_path, source, file="nps.json")
    code, out = pull(root)
    assert code == 0, out
    assert "nps: nps.json, item 2" in out and "no value: left out" in out
    assert data(root) == "date,value\n2026-11-01,40\n2026-11-16,43\n"


def test_a_row_whose_date_is_wrong_is_still_refused(tmp_path: Path) -> None:
    root = site(tmp_path, "date,value\n2026-11-16,43\n2026-13-45,\n")
    code, out = pull(root)
    assert code == 1, out
    assert "exports/nps.csv, line 3 '2026-13-45,': '2026-13-45' is not a date" in out
    assert data(root) == "date,value\n2026-11-01,40\n"


# ---------------------------------------------------- 3: hints and files
def test_a_split_decimal_comma_gets_the_data_files_hint(tmp_path: Path) -> None:
    root = site(tmp_path, "date,value\n2026-11-16,43\n2026-11-17,39,5\n")
    code, out = pull(root)
    assert code == 1, out
    assert "source 'nps' failed: exports/nps.csv, line 3 '2026-11-17,39,5'" in out
    assert "write 39.5: a comma separates the columns here" in out


def test_extra_columns_of_the_header_are_ignored(tmp_path: Path) -> None:
    root = site(tmp_path, "date,value,comment\n2026-11-18,44,survey closed\n")
    code, out = pull(root)
    assert code == 0, out
    assert data(root) == "date,value\n2026-11-01,40\n2026-11-18,44\n"


def test_a_value_that_is_no_number_names_the_file(tmp_path: Path) -> None:
    root = site(tmp_path, "date,value\n2026-11-18,about ten\n")
    code, out = pull(root)
    assert code == 1, out
    assert "exports/nps.csv, line 2 '2026-11-18,about ten': 'about ten' is not a number" in out


def test_a_workbook_is_refused_with_save_as_csv(tmp_path: Path) -> None:
    root = site(tmp_path, b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xff\xfe", file="c.xlsx")
    code, out = pull(root)
    assert code == 1, out
    assert "file 'c.xlsx' is a spreadsheet workbook (Excel)" in out
    assert "'CSV UTF-8'" in out and 'file = "c.csv"' in out


def test_text_that_is_not_utf8_gets_the_save_as_hint(tmp_path: Path) -> None:
    root = site(tmp_path, b"date,value\n2026-11-18,44\n\x81\x8d\n")
    code, out = pull(root)
    assert code == 1, out
    assert "is not UTF-8 text" in out and "save it as 'CSV UTF-8'" in out


# ------------------------------------------------------------ 4: titles
def test_a_kpi_named_by_its_title_gets_the_id_to_write(tmp_path: Path) -> None:
    root = site(tmp_path, "date,value\n2026-11-18,44\n")
    toml = root / "okrsite.toml"
    toml.write_text(toml.read_text().replace('name = "nps"', 'name = "NPS"'))
    code, out = pull(root)
    assert code == 1, out
    assert "'NPS' is the title of 'nps': name it by its id: name = \"nps\"" in out


def test_a_key_result_named_by_its_title_gets_the_id_to_write(tmp_path: Path) -> None:
    objective = (
        "---\ntitle: Grow revenue\ncycle: 2026-Q4\nkey_results:\n"
        "  - {id: win-rate, title: Raise win rate, start: 20, target: 30}\n---\n"
    )
    root = site(
        tmp_path,
        "date,value\n2026-11-18,24\n",
        **{"content/objectives/sales/grow-revenue.md": objective},
    )
    toml = root / "okrsite.toml"
    toml.write_text(
        toml.read_text().replace('name = "nps"', 'name = "sales/grow-revenue#Raise win rate"')
    )
    code, out = pull(root)
    assert code == 1, out
    assert 'name it by its id: name = "sales/grow-revenue#win-rate"' in out


def test_a_json_value_that_is_no_number_is_quoted_as_json_writes_it(tmp_path: Path) -> None:
    """``"value": true`` said "True is not a number" and ``1e400`` "inf is not
    a number": Python's view of the file, not the file's (session 53)."""
    root = site(tmp_path, '[{"date": "2026-11-16", "value": true}]', file="nps.json")
    code, out = pull(root)
    assert code == 1 and "true is not a number" in out and "True" not in out, out
    root = site(tmp_path / "b", '[{"date": "2026-11-16", "value": 1e400}]', file="nps.json")
    code, out = pull(root)
    assert code == 1 and "the value is too large to read" in out and "inf is not" not in out, out
