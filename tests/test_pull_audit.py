"""okrsite pull on data files as people's spreadsheets save them: the
decimal mark, encoding, byte-order mark, percent and money forms, date
styles and number conventions of the file and the site (user audits)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from test_pull import AS_OF, check_ok, run, script, site_with

from okrsite.pipeline import load_site

PY = sys.executable


def _pull(site: Path) -> str:
    code, out = run("pull", "--site", str(site))
    assert code == 0, out
    return out


def _printing(*lines: str) -> str:
    body = "; ".join(f"print({line!r})" for line in lines)
    return f'command = ["{PY}", "-c", "{body}"]\n'


def test_a_semicolon_file_gets_decimal_commas_even_before_it_shows_one(tmp_path: Path) -> None:
    site = site_with(
        tmp_path,
        '[[sources]]\nname = "arr"\n'
        + _printing("date,value", "2026-03-01,9.125", "2026-03-02,9.5"),
        {"content/data/arr.csv": "Datum;Wert\n01.01.2026;8\n01.02.2026;8\n"},
    )
    _pull(site)
    assert (site / "content/data/arr.csv").read_text() == (
        "Datum;Wert\n01.01.2026;8\n01.02.2026;8\n01.03.2026;9,125\n02.03.2026;9,5\n"
    )
    check_ok(site)
    kpi = load_site(site, AS_OF).scored.kpis["arr"]
    assert kpi.value == 9.5


def test_a_windows_1252_file_is_read_and_written_back_in_windows_1252(tmp_path: Path) -> None:
    site = site_with(tmp_path, '[[sources]]\nname = "arr"\nfile = "src.csv"\n')
    data = site / "content/data/arr.csv"
    data.write_bytes("Datum;Kündigungsquote\r\n01.10.2026;2,80%\r\n".encode("cp1252"))
    (site / "src.csv").write_text("date,value\n2026-11-01,2.6\n")
    _pull(site)
    assert data.read_bytes() == (
        "Datum;Kündigungsquote\r\n01.10.2026;2,80%\r\n01.11.2026;2,60%\r\n".encode("cp1252")
    )
    assert dict(load_site(site, AS_OF).scored.portfolio.kpi_series["arr"])[date(2026, 11, 1)] == 2.6


def test_an_excel_utf8_file_keeps_its_byte_order_mark_crlf_and_percent(tmp_path: Path) -> None:
    site = site_with(tmp_path, '[[sources]]\nname = "arr"\nfile = "src.csv"\n')
    data = site / "content/data/arr.csv"
    data.write_bytes(b"\xef\xbb\xbf" + "Monat;Kündigungsquote\r\n01.09.2026;3,10%\r\n".encode())
    (site / "src.csv").write_text("date,value\n2026-11-01,2.6\n")
    _pull(site)
    assert data.read_bytes() == b"\xef\xbb\xbf" + (
        "Monat;Kündigungsquote\r\n01.09.2026;3,10%\r\n01.11.2026;2,60%\r\n".encode()
    )
    check_ok(site)


def test_months_money_and_named_dates_are_written_as_the_rows_are(tmp_path: Path) -> None:
    site = site_with(tmp_path, '[[sources]]\nname = "arr"\nfile = "src.csv"\n')
    data = site / "content/data/arr.csv"
    data.write_text("Monat;Umsatz\nOkt 2026;205.000,00 €\n")
    (site / "src.csv").write_text("date,value\n2026-12-01,210400.5\n")
    _pull(site)
    assert data.read_text() == "Monat;Umsatz\nOkt 2026;205.000,00 €\nDez 2026;210.400,50 €\n"
    assert dict(load_site(site, AS_OF).scored.portfolio.kpi_series["arr"]) == {
        date(2026, 10, 1): 205000.0,
        date(2026, 12, 1): 210400.5,
    }
    data.write_text('Date,Signups\n"Nov 17, 2026",410\n')
    (site / "src.csv").write_text("date,value\n2026-11-24,398\n")
    _pull(site)
    assert data.read_text() == 'Date,Signups\n"Nov 17, 2026",410\n"Nov 24, 2026",398\n'
    check_ok(site)


def test_a_source_reads_a_quoted_comma_figure_as_the_site_s_data_files_do(
    tmp_path: Path,
) -> None:
    sources = f'[[sources]]\nname = "arr"\ncommand = ["{PY}", "scripts/arr.py"]\n'
    site = site_with(tmp_path, sources)
    script(site, "arr.py", "print('date,value')\nprint('2026-12-01,\"1,105\"')\n")
    _pull(site)
    assert (site / "content/data/arr.csv").read_text().endswith("2026-12-01,1105\n")


def test_a_json_string_value_is_read_as_a_cell_in_the_site_s_language(tmp_path: Path) -> None:
    site = site_with(tmp_path, 'language = "de"\n[[sources]]\nname = "arr"\nfile = "src.json"\n')
    (site / "src.json").write_text('[{"date": "2026-11-01", "value": "1.234,50 €"}]', "utf-8")
    _pull(site)
    assert (site / "content/data/arr.csv").read_text().endswith("2026-11-01,1234.5\n")
    site = site_with(tmp_path / "en", '[[sources]]\nname = "arr"\nfile = "src.json"\n')
    (site / "src.json").write_text('[{"date": "2026-11-01", "value": "1,234.50 €"}]', "utf-8")
    _pull(site)
    assert (site / "content/data/arr.csv").read_text().endswith("2026-11-01,1234.5\n")
    (site / "src.json").write_text('[{"date": "2026-11-02", "value": "1.234,5.0 €"}]', "utf-8")
    code, out = run("pull", "--site", str(site))
    assert code == 1 and "€" in out and "\\u20ac" not in out, out
    assert "separated by commas" not in out, out


def test_a_german_site_refuses_a_quoted_comma_figure_in_a_comma_file_as_ambiguous(
    tmp_path: Path,
) -> None:
    """The file's commas say an English sheet (1200), the site's language a
    decimal comma (1.2): read either way it was a silent slip by a thousand."""
    site = site_with(
        tmp_path,
        'language = "de"\n',
        {"content/data/arr.csv": 'date,value\n2026-01-01,"1,200"\n2026-02-01,"1,5"\n'},
    )
    code, out = run("check", "--site", str(site))
    assert code == 1, out
    assert (
        "content/data/arr.csv:2:12: error OKR203: '1,200' is not a number (hint: write 1200 "
        "if the comma groups thousands, or 1.2 if it marks the decimals"
    ) in out, out
    assert "arr.csv:3:" not in out, out  # "1,5" can only be one and a half
