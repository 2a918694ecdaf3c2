"""KPI data as an analyst met it in audit 44 (findings 4, 6-11), through the CLI.

A KPI reading of 2.99996% read "3% warning" beside "healthy ≥ 3%"; the
check-ins feed listed a KPI reading a later one of its day overruled; a date
split by its comma (``Nov 5, 2026,10``) was told to write ``2026.10``;
Excel's ``sep=;`` first line was refused as a header; an ``Average`` row
stopped the build with a date hint; the scorecard's English headers read
"health", "trend"; ``okrsite carry`` wrote ``1500 $k`` where pages write
``$1,500k``.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_cli, write_site

AS_OF = "2026-11-25"


def _build(root: Path, *more: str) -> Path:
    code, out = run_cli("build", "--site", str(root), "--out", str(root / "_site"), *more)
    assert code == 0, out
    return root / "_site"


def _page(out: Path, rel: str) -> str:
    return (out / rel).read_text(encoding="utf-8")


CONVERSION_SITE: dict[str, str | bytes] = {
    "okrsite.toml": f'title = "R"\nas_of = {AS_OF}\n',
    "content/kpis/conv.md": """
        ---
        title: Conversion
        unit: "%"
        target: 3.5
        thresholds: {green: 3, red: 2}
        values: {2026-10-01: 2.5, 2026-11-01: 2.99996}
        ---
        """,
    "content/objectives/q4.md": """
        ---
        title: Serve customers
        owner: Uma Diaz
        cycle: 2026-Q4
        key_results:
          - {id: share, title: Conversion, kpi: conv, start: 2, target: 3}
        ---
        """,
}


def test_a_kpi_value_just_under_its_threshold_is_not_rounded_onto_it(tmp_path: Path) -> None:
    out = _build(write_site(tmp_path / "site", CONVERSION_SITE))
    kpi = _page(out, "kpis/conv/index.html")
    # the headline, "Latest value" and the values table: the reading as it is
    assert '<p class="big">2.99996% <span class="health health-warning">' in kpi
    assert "2.99996% on 2026-11-01" in kpi
    assert "<td>2026-11-01</td><td>2.99996%</td>" in kpi
    assert "healthy ≥ 3%" in kpi  # the threshold beside it stays as written
    assert "<td>2026-10-01</td><td>2.5%</td>" in kpi  # far from any limit: four decimals
    # the dashboard's tile, the KPI index and tree
    assert "2.99996%" in _page(out, "index.html")
    kpis = _page(out, "kpis/index.html")
    assert '<span class="meta">2.99996%</span>' in kpis
    assert '<span class="meta">3%</span>' not in kpis
    # the key result reading it: current beside its target of 3 (not done)
    objective = _page(out, "objectives/q4/index.html")
    assert "2 → 2.99996 → 3%" in objective
    # the cycle's scorecard: the KPI's row and the key result's "least moved" row
    card = _page(out, "cycles/2026-Q4/index.html")
    assert '<td data-label="Value">2.99996%</td>' in card
    assert "2.99996 / 3%" in card


def test_a_kpi_value_in_german_keeps_its_decimals_too(tmp_path: Path) -> None:
    files = dict(CONVERSION_SITE)
    files["okrsite.toml"] = f'title = "R"\nlanguage = "de"\nas_of = {AS_OF}\n'
    out = _build(write_site(tmp_path / "site", files))
    assert "2,99996\u00a0%" in _page(out, "kpis/conv/index.html")


def test_the_feed_leaves_out_a_kpi_reading_a_later_one_of_its_day_overrules(
    tmp_path: Path,
) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "R"\nas_of = 2026-11-26\n',
            "content/kpis/nps.md": "---\ntitle: NPS\ntarget: 50\nvalues: {2026-11-01: 40}\n---\n",
            "content/checkins/nps/2026-11-24.md": (
                "---\nkpi: nps\ndate: 2026-11-24T09:00\nvalue: 44\n---\nmorning\n"
            ),
            "content/checkins/nps/2026-11-24-2.md": (
                "---\nkpi: nps\ndate: 2026-11-24T17:30\nvalue: 46\n---\nevening\n"
            ),
        },
    )
    feed = _page(_build(root), "checkins.xml")
    entries = re.findall(r"<entry>.*?</entry>", feed, re.S)
    assert len(entries) == 1, feed
    assert "evening" in entries[0] and "morning" not in feed
    assert "40 → 46" in entries[0]


def _kpi_csv_site(root: Path, csv: str | bytes, unit: str = "") -> Path:
    kpi = "---\ntitle: M\n" + (f"unit: {unit}\n" if unit else "") + "target: 10\n"
    return write_site(
        root,
        {
            "okrsite.toml": f'title = "R"\nas_of = {AS_OF}\n',
            "content/kpis/m.md": kpi + "data: data/m.csv\n---\n",
            "content/data/m.csv": csv,
        },
    )


def test_a_date_split_by_its_comma_is_told_to_be_quoted(tmp_path: Path) -> None:
    root = _kpi_csv_site(tmp_path / "site", "Date,Value\nNov 5, 2026,10\n")
    code, out = run_cli("check", "--site", str(root))
    assert code == 1, out
    assert (
        "content/data/m.csv:2:13: error OKR203: row has 3 columns, the header 2 "
        '(hint: put the date in double quotes ("Nov 5, 2026") or write it 2026-11-05: '
        "a comma separates the columns here, so Nov 5, 2026 reads as two cells)"
    ) in out, out
    assert "2026.10" not in out
    # a value split by its decimal comma still gets the decimal point
    root = _kpi_csv_site(tmp_path / "other", "date,value\n2026-11-05,150,5\n")
    code, out = run_cli("check", "--site", str(root))
    assert code == 1 and "hint: write 150.5:" in out, out


EXCEL_SEP = "sep=;\nDatum;Umsatz\n01.10.2026;312.450,50 €\n01.11.2026;401.200,00 €\n"


def test_excels_sep_line_names_the_delimiter(tmp_path: Path) -> None:
    root = _kpi_csv_site(tmp_path / "site", EXCEL_SEP, unit="€")
    out = _build(root)
    assert '"value": 401200' in _page(out, "api/portfolio.json")
    # a bad row is still named at its line in the file, the sep line counted
    bad = EXCEL_SEP.replace("401.200,00 €", "abc")
    root = _kpi_csv_site(tmp_path / "bad", bad, unit="€")
    code, text = run_cli("check", "--site", str(root))
    assert code == 1
    assert "content/data/m.csv:4:12: error OKR203: 'abc' is not a number" in text, text
    assert "OKR202" not in text


def test_pull_keeps_excels_sep_line_and_reads_a_source_with_one(tmp_path: Path) -> None:
    root = _kpi_csv_site(tmp_path / "site", EXCEL_SEP, unit="€")
    (root / "okrsite.toml").write_text(
        'title = "R"\nas_of = 2026-12-05\n[[sources]]\nname = "m"\nfile = "exports/m.csv"\n',
        encoding="utf-8",
    )
    write_site(root, {"exports/m.csv": "sep=;\nDatum;Wert\n01.12.2026;415.000,00 €\n"})
    code, out = run_cli("pull", "--site", str(root))
    assert code == 0, out
    written = (root / "content/data/m.csv").read_text(encoding="utf-8")
    assert written.startswith("sep=;\nDatum;Umsatz\n"), written
    assert "01.12.2026;415.000,00 €" in written, written


def test_a_summary_row_is_left_out_with_a_located_warning(tmp_path: Path) -> None:
    csv = "date,value\n2026-10-01,3.1%\n2026-11-01,2.9%\nAverage,3.0%\nMittelwert:,3.0%\n"
    root = _kpi_csv_site(tmp_path / "site", csv)
    code, out = run_cli("check", "--site", str(root))
    assert code == 0, out
    assert (
        "content/data/m.csv:4:1: warning OKR207: 'Average' makes the row a summary row "
        "(an average, count, minimum or maximum of the others): left out "
        "(hint: a row of a KPI's data file is one reading; delete the summary row"
    ) in out, out
    assert "content/data/m.csv:5:1: warning OKR207: 'Mittelwert:' makes the row" in out
    assert "OKR203" not in out
    # a totals row keeps its own words
    root = _kpi_csv_site(tmp_path / "totals", "date,value\n2026-10-01,3\nTotal,3\n")
    code, out = run_cli("check", "--site", str(root))
    assert code == 0 and "'Total' makes the row a totals row (it sums the others)" in out, out


def test_the_scorecards_kpi_headers_are_capitalised(tmp_path: Path) -> None:
    out = _build(write_site(tmp_path / "site", CONVERSION_SITE))
    card = _page(out, "cycles/2026-Q4/index.html")
    assert '<th scope="col">Health</th><th scope="col">Trend</th>' in card
    assert 'data-label="Health"' in card and 'data-label="Trend"' in card
    files = dict(CONVERSION_SITE)
    files["okrsite.toml"] = f'title = "R"\nlanguage = "de"\nas_of = {AS_OF}\n'
    card = _page(_build(write_site(tmp_path / "de", files)), "cycles/2026-Q4/index.html")
    assert '<th scope="col">Zustand</th><th scope="col">Tendenz</th>' in card


def test_carry_writes_a_kpi_reading_as_the_pages_do(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "R"\nas_of = 2027-01-10\n',
            "content/kpis/mrr.md": (
                "---\ntitle: MRR\nunit: $k\ntarget: 1500\n"
                "values: {2026-10-01: 1200, 2026-12-16: 1400, 2027-01-05: 1500}\n---\n"
            ),
            "content/objectives/cs.md": """
                ---
                title: Grow revenue
                owner: Uma Diaz
                cycle: 2026-Q4
                key_results:
                  - {id: mrr, title: MRR, kpi: mrr, start: 1000, target: 1500}
                  - {id: logos, title: Win new logos, start: 0, target: 40, current: 9}
                ---
                """,
        },
    )
    code, out = run_cli("carry", "2026-Q4", "2027-Q1", "--dry-run", "--site", str(root))
    assert code == 0, out
    assert "KPI mrr already reads $1,500k (2027-01-05), at or past the target $1,500k" in out, out
    assert "1500 $k" not in out
