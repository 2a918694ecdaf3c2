"""Fix 44 (winnum): figures and hints for files from Word, Excel and Notepad,
each on a site built from real files through the real CLI.

1. A key result's or goal's figures written in two currencies with no
   ``unit:`` (``start: 500 EUR``, ``target: $900``) are OKR312 at the
   figure's line, not read as one currency; one currency is read as before.
3. Typographic quotes around a whole figure (``“100”``, ``„1.000“``,
   ``«5»``, ``‘7’``) are quoting: in a goal file, a check-in's ``values:``
   and ``okrsite checkin --set``.
4. An en dash before a figure's first digit (``–5``, Word's AutoCorrect) is
   a minus, in a goal file, a check-in, ``--set`` and a KPI's CSV file; a
   range ``3–5`` is still refused.
8. ``date: 46361`` gets a hint naming the date it is in Excel; a goal file in
   Windows-1252 gets OKR001 naming Windows-1252 and saying to save as UTF-8.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from conftest import run_cli

MakeSite = Callable[[dict[str, str | bytes]], Path]

TOML = 'title = "t"\nlanguage = "en"\n'


def _objective(key_results: str) -> str:
    return (
        "---\ntitle: Money\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n" + key_results + "---\n"
    )


def _key_results(site: Path, out: Path) -> dict[str, dict[str, Any]]:
    code, output = run_cli("build", "--site", str(site), "--out", str(out), "--as-of", "2026-10-02")
    assert code == 0, output
    portfolio = json.loads((out / "api/portfolio.json").read_text(encoding="utf-8"))
    return {kr["id"]: kr for o in portfolio["objectives"] for kr in o["key_results"]}


# -- 1. two currencies in one key result's figures -------------------------------


def test_two_currencies_without_a_unit_are_okr312_at_the_figure(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/objectives/cur.md": _objective(
                "  - id: a\n    title: A\n    start: 1000 €\n    target: $2,000\n"
                "  - id: b\n    title: B\n    start: 500 EUR\n    target: $900\n"
                "  - id: c\n    title: C\n    start: £500\n    target: €900\n"
            ),
            "content/goals/g.md": (
                "---\ntitle: Cut cost\nowner: Uma Diaz\ncycle: 2026-Q4\n"
                "measure:\n  start: 1.000 €\n  target: $900\n---\n"
            ),
        }
    )
    code, output = run_cli("check", "--site", str(site), "--as-of", "2026-10-02")
    assert code == 1, output
    lines = [line for line in output.splitlines() if "OKR312" in line]
    assert lines == [
        "content/goals/g.md:6:10: error OKR312: start is written in '€' but target in '$': "
        "okrsite converts nothing between currencies (hint: write start in '$' too, or give "
        "the measure a 'unit:' and figures in it)",
        "content/objectives/cur.md:8:12: error OKR312: start is written in '€' but target in "
        "'$': okrsite converts nothing between currencies (hint: write start in '$' too, or "
        "give the key result a 'unit:' and figures in it)",
        "content/objectives/cur.md:12:12: error OKR312: start is written in '€' but target in "
        "'$': okrsite converts nothing between currencies (hint: write start in '$' too, or "
        "give the key result a 'unit:' and figures in it)",
        "content/objectives/cur.md:16:12: error OKR312: start is written in '£' but target in "
        "'€': okrsite converts nothing between currencies (hint: write start in '€' too, or "
        "give the key result a 'unit:' and figures in it)",
    ], output


def test_one_currency_written_two_ways_is_read_as_before(
    make_site: MakeSite, tmp_path: Path
) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/objectives/cur.md": _objective(
                "  - id: e\n    title: E\n    start: 500 EUR\n    target: 900 €\n"
                "    current: €700\n"
                "  - id: s\n    title: S\n    start: $1,000\n    target: $2.5k\n"
            ),
        }
    )
    krs = _key_results(site, tmp_path / "out")
    assert (krs["e"]["start"], krs["e"]["target"], krs["e"]["current"]) == (500, 900, 700)
    assert krs["e"]["unit"] == "EUR"
    assert (krs["s"]["start"], krs["s"]["target"], krs["s"]["unit"]) == (1000, 2500, "$")


# -- 3 and 4. typographic quotes and an en dash minus ---------------------------


def test_typographic_quotes_and_en_dash_minus_are_read(make_site: MakeSite, tmp_path: Path) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/objectives/cur.md": _objective(
                "  - id: a\n    title: A\n    start: “100”\n    target: „1 000“\n"
                "  - id: b\n    title: B\n    start: –5\n    target: «5»\n"
                "  - id: c\n    title: C\n    start: ‘7’\n    target: “–1”\n"
            ),
            "content/checkins/2026-10-01.md": (
                "---\nobjective: cur\ndate: 2026-10-01\nauthor: Uma Diaz\n"
                "values: {a: “500”, b: –2, c: «3»}\n---\n"
            ),
        }
    )
    code, output = run_cli("check", "--site", str(site), "--as-of", "2026-10-02")
    assert code == 0, output
    assert "OKR102" not in output, output
    krs = _key_results(site, tmp_path / "out")
    assert (krs["a"]["start"], krs["a"]["target"], krs["a"]["current"]) == (100, 1000, 500)
    assert (krs["b"]["start"], krs["b"]["target"], krs["b"]["current"]) == (-5, 5, -2)
    assert (krs["c"]["start"], krs["c"]["target"], krs["c"]["current"]) == (7, -1, 3)

    code, output = run_cli(
        "checkin", "cur", "--site", str(site), "--set", "a=“600”", "--set", "b=–1",
        "--date", "2026-10-02", "--note", "x", "--author", "Uma Diaz",
    )  # fmt: skip
    assert code == 0, output
    written = (site / "content/checkins/cur/2026-10-02.md").read_text(encoding="utf-8")
    assert "values: {a: 600, b: -1}" in written, written


def test_en_dash_range_is_still_refused(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/objectives/cur.md": _objective("  - id: a\n    title: A\n    target: 3–5\n"),
        }
    )
    code, output = run_cli("check", "--site", str(site), "--as-of", "2026-10-02")
    assert code == 1, output
    assert "error OKR102: target must be a number, got '3–5'" in output, output


def test_kpi_csv_reads_an_en_dash_minus(make_site: MakeSite, tmp_path: Path) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/kpis/margin.md": (
                '---\ntitle: Margin\nunit: "%"\ntarget: 5\ndata: data/k.csv\n---\n'
            ),
            "content/data/k.csv": "date;value\n2026-09-01;–30,5 %\n2026-10-01;–12\n",
        }
    )
    code, output = run_cli("check", "--site", str(site), "--as-of", "2026-10-02")
    assert code == 0, output
    assert "OKR203" not in output, output
    out = tmp_path / "out"
    code, output = run_cli("build", "--site", str(site), "--out", str(out), "--as-of", "2026-10-02")
    assert code == 0, output
    portfolio = json.loads((out / "api/portfolio.json").read_text(encoding="utf-8"))
    (kpi,) = portfolio["kpis"]
    assert (kpi["value"], kpi["trend"]) == (-12, "up"), kpi  # from -30.5


# -- 8. hints for an Excel serial date and a Windows-1252 file -------------------


def test_excel_serial_date_hint_names_the_date(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/objectives/cur.md": _objective("  - id: a\n    title: A\n    target: 5\n"),
            "content/checkins/x.md": (
                "---\nobjective: cur\ndate: 46361\nauthor: Uma Diaz\nvalues: {a: 1}\n---\n"
            ),
        }
    )
    code, output = run_cli("check", "--site", str(site), "--as-of", "2026-10-02")
    assert code == 1, output
    assert (
        "content/checkins/x.md:3:7: error OKR104: date must be a real date like 2026-02-10, "
        "got 46361 (hint: 46361 looks like an Excel serial date (2026-12-05): format the cell "
        "as a date before copying it, or write 2026-12-05)"
    ) in output.splitlines(), output


def test_windows_1252_goal_file_is_named(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/objectives/ansi.md": (
                "---\r\ntitle: Umsätze – Q4\r\ncycle: 2026-Q4\r\nowner: Uma Diaz\r\n"
                "key_results:\r\n  - {id: a, title: A, target: 5}\r\n---\r\n"
            ).encode("cp1252"),
        }
    )
    code, output = run_cli("check", "--site", str(site), "--as-of", "2026-10-02")
    assert code == 1, output
    assert (
        "content/objectives/ansi.md:2:11: error OKR001: file is not valid UTF-8 (byte 0xe4): "
        "it looks like Windows-1252 text, where that byte is 'ä' (as Windows Notepad saves "
        "'ANSI') (hint: save it as UTF-8 in your editor (Notepad: File > Save as, Encoding "
        "'UTF-8'; PowerShell: Set-Content -Encoding utf8))"
    ) in output.splitlines(), output
