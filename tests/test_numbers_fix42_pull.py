"""``okrsite pull`` reads a source's figures as a data file reads its column.

- a JSON source's text values are read by the whole column, as a CSV's
  are: ``215.000`` beside ``201.234,50`` is 215000, ``1,100`` beside
  ``1.234,50 €`` is 1.1;
- money of another currency than the KPI's (``"$1,200"`` for one in ``€``)
  fails the source naming its row, as ``okrsite checkin --value '$1,200'``
  is refused: it was counted as euros and written into the data file as
  ``€1,200.00``;
- a failed row is quoted as written (``2026-10-32,"1,300"``), not joined
  again from its cells (``2026-10-32,1,300``: three columns).
"""

from __future__ import annotations

from pathlib import Path

from conftest import files_of, run_cli, write_site

KPI = "---\ntitle: Rev\nunit: €\ndata: data/rev.csv\n---\n"


def _site(root: Path, source: str, text: str, data: str, language: str = "en") -> Path:
    return write_site(
        root,
        {
            "okrsite.toml": f'language = "{language}"\ntitle = "x"\nas_of = 2026-11-20\n'
            f'[[sources]]\nname = "rev"\nfile = "exports/{source}"\n',
            f"exports/{source}": text,
            "content/kpis/rev.md": KPI,
            "content/data/rev.csv": data,
        },
    )


# ------------------------------------------------------------ a JSON column
def test_a_json_sources_points_grouping_thousands_decide_its_column(tmp_path: Path) -> None:
    site = _site(
        tmp_path / "site",
        "rev.json",
        '[{"date":"2026-10-01","value":"201.234,50"},{"date":"2026-10-02","value":"215.000"}]',
        "date,value\n2026-09-01,1\n",
    )
    code, out = run_cli("pull", "--site", str(site))
    assert code == 0, out
    assert "rev: 2026-10-01 201234.5 (new)\nrev: 2026-10-02 215000 (new)\n" in out
    assert (site / "content/data/rev.csv").read_text(encoding="utf-8") == (
        "date,value\n2026-09-01,1\n2026-10-01,201234.5\n2026-10-02,215000\n"
    )


def test_a_json_sources_column_reads_a_comma_and_a_point_its_way(tmp_path: Path) -> None:
    """``1.100`` and ``1,100`` beside ``1.234,50 €``: 1100 and 1.1, not 1.1
    and 1100 (against the column, on an English site)."""
    site = _site(
        tmp_path / "site",
        "rev.json",
        '[{"date":"2026-10-01","value":"1.234,50 €"},{"date":"2026-10-02","value":"1.100"},'
        '{"date":"2026-10-03","value":"1,100"}]',
        "date,value\n2026-09-01,1\n",
    )
    code, out = run_cli("pull", "--site", str(site), "--dry-run")
    assert code == 0, out
    assert (
        "rev: 2026-10-01 1234.5 (new)\nrev: 2026-10-02 1100 (new)\nrev: 2026-10-03 1.1 (new)\n"
    ) in out


def test_a_json_column_grouped_with_commas_reads_a_point_as_decimals(tmp_path: Path) -> None:
    site = _site(
        tmp_path / "site",
        "rev.json",
        '[{"date":"2026-10-01","value":"1,234.5"},{"date":"2026-10-02","value":"1.100"},'
        '{"date":"2026-10-03","value":"1,100"}]',
        "date,value\n2026-09-01,1\n",
        language="de",
    )
    code, out = run_cli("pull", "--site", str(site), "--dry-run")
    assert code == 0, out
    assert (
        "rev: 2026-10-01 1234.5 (new)\nrev: 2026-10-02 1.1 (new)\nrev: 2026-10-03 1100 (new)\n"
    ) in out


# ------------------------------------------------------------ another currency
def test_money_of_another_currency_fails_the_source(tmp_path: Path) -> None:
    site = _site(
        tmp_path / "site",
        "rev.csv",
        'date,value\n2026-10-01,"$1,200"\n2026-10-02,£20\n',
        'date,value\n2026-09-01,"€1,000,000.00"\n',
    )
    before = files_of(site)
    code, out = run_cli("pull", "--site", str(site))
    assert code == 1, out
    assert (
        "okrsite: source 'rev' failed: line 2 (2026-10-01): '$1,200' is written in '$', "
        "but KPI 'rev' is measured in '€' (hint: write the figure in '€', without a unit "
        "or with it); nothing changed for it\n"
    ) in out
    assert files_of(site) == before


def test_money_of_another_currency_in_a_json_source_fails_it(tmp_path: Path) -> None:
    site = _site(
        tmp_path / "site",
        "rev.json",
        '[{"date":"2026-10-02","value":"£20"}]',
        "date,value\n2026-09-01,1\n",
    )
    code, out = run_cli("pull", "--site", str(site))
    assert code == 1, out
    assert (
        "okrsite: source 'rev' failed: 2026-10-02: '£20' is written in '£', "
        "but KPI 'rev' is measured in '€'"
    ) in out


def test_money_of_the_kpis_currency_is_still_pulled(tmp_path: Path) -> None:
    site = _site(
        tmp_path / "site",
        "rev.csv",
        'date,value\n2026-10-01,"€1,200"\n2026-10-02,20 €\n',
        "date,value\n2026-09-01,1\n",
    )
    code, out = run_cli("pull", "--site", str(site), "--dry-run")
    assert code == 0, out
    assert "rev: 2026-10-01 1200 (new)\nrev: 2026-10-02 20 (new)\n" in out


def test_a_data_files_money_of_another_currency_is_an_error(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "x"\nas_of = 2026-11-20\n',
            "content/kpis/rev.md": KPI,
            "content/data/rev.csv": 'date,value\n2026-11-01,"$1,200"\n2026-11-02,£20\n',
        },
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 1, out
    assert (
        "content/data/rev.csv:2: error OKR203: '$1,200' is written in '$', "
        "but KPI 'rev' is measured in '€'"
    ) in out
    assert "content/data/rev.csv:3: error OKR203: '£20' is written in '£'" in out


# ------------------------------------------------------------ the row as written
def test_a_failed_row_is_quoted_as_written(tmp_path: Path) -> None:
    site = _site(
        tmp_path / "site",
        "rev.csv",
        'date,value\n2026-10-32 17:00,"1,300"\n',
        "date,value\n2026-09-01,1\n",
    )
    code, out = run_cli("pull", "--site", str(site))
    assert code == 1, out
    assert "exports/rev.csv, line 2 '2026-10-32 17:00,\"1,300\"': " in out, out
