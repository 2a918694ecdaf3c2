"""The KPI owner's audit 46, through the real CLI on real files.

A figure a thousand times too small is one slip however it is written: a
quoted ``"1,250"`` in a comma-separated data file of a German site is refused
as a semicolon file's ``1.250`` is; OKR124 weighs a KPI's reading against
the KPI's own readings, thresholds and target; a separate ``Time`` column
orders a date's readings; the header hint renames the readings' column; an
unknown ``direction:`` is told the accepted words, and judged no further.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

from conftest import run_cli

from okrsite.pipeline import load_site

MakeSite = Callable[[dict[str, str | bytes]], Path]
AS_OF = "2026-11-30"
DE = 'title = "Lager"\nlanguage = "de"\n'
EN = 'title = "Warehouse"\n'

SHIPPED = """
    ---
    title: Versendete Aufträge pro Tag
    unit: Aufträge
    target: 1500
    thresholds: {grün: 1500, rot: 1000}
    data: data/shipped.csv
    ---
"""


def _check(site: Path) -> tuple[int, str]:
    return run_cli("check", "--site", str(site), "--as-of", AS_OF)


def _kpi(site: Path, kpi_id: str) -> dict[str, object]:
    """The KPI as ``okrsite export`` prints it (warnings go to stderr)."""
    from click.testing import CliRunner

    from okrsite.cli import cli

    result = CliRunner().invoke(cli, ["export", "--site", str(site), "--as-of", AS_OF])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    found: dict[str, object] = next(k for k in data["kpis"] if k["id"] == kpi_id)
    return found


def test_a_german_site_refuses_an_english_sheets_grouped_thousands(make_site: MakeSite) -> None:
    """Finding 1: "1,250" and "2,005" read as 1.25 and 2.005 with no word."""
    site = make_site(
        {
            "okrsite.toml": DE,
            "content/kpis/shipped.md": SHIPPED,
            "content/data/shipped.csv": (
                'date,value\n2026-11-02,980\n2026-11-03,"1,250"\n2026-11-04,"2,005"\n'
            ),
        }
    )
    code, output = _check(site)
    assert code == 1, output
    assert (
        "content/data/shipped.csv:3:12: error OKR203: '1,250' is not a number (hint: write 1250 "
        "if the comma groups thousands, or 1.25 if it marks the decimals"
    ) in output, output
    assert "content/data/shipped.csv:4:12: error OKR203: '2,005' is not a number" in output
    assert "Traceback" not in output


def test_a_kpi_reading_a_thousandth_of_its_neighbours_is_warned_above_the_target(
    make_site: MakeSite,
) -> None:
    """Finding 2: ``"2,005"`` (German) and ``2.005`` (English) beside readings
    of about a thousand and a target of 1500 were read without a word, in
    ``values:`` and from ``okrsite checkin --value``, as the key result's rule
    only looked below the target; a KPI's honest small figures stay quiet."""
    values = SHIPPED.replace(
        "data: data/shipped.csv",
        'values:\n      2026-11-02: 980\n      2026-11-03: "1,250"\n      2026-11-04: "2,005"',
    )
    quiet = """
        ---
        title: Orders per picker hour
        target: 2.5
        thresholds: {green: 2.5, red: 1.5}
        values: {2026-11-02: 1.875, 2026-11-03: 2.125}
        ---
    """
    site = make_site(
        {"okrsite.toml": DE, "content/kpis/shipped.md": values, "content/kpis/rate.md": quiet}
    )
    code, output = _check(site)
    assert code == 0, output
    assert (
        "content/kpis/shipped.md:9:15: warning OKR124: 2,005 is read as 2.005 (a decimal "
        "comma, as this site writes numbers); with a comma that groups thousands it is 2005, "
        "beside the other figures of KPI 'shipped' (980 to 1500) (hint: write 2005)"
    ) in output, output
    assert "rate.md" not in output, output

    english = make_site(
        {
            "okrsite.toml": EN,
            "content/kpis/shipped.md": SHIPPED.replace(
                "data: data/shipped.csv", "values: {2026-11-02: 980, 2026-11-03: 1250}"
            ),
        }
    )
    code, output = run_cli(
        "checkin", "shipped", "--site", str(english), "--value", "2.005",
        "--author", "x", "--note", "y", "--date", "2026-11-05",
    )  # fmt: skip
    assert code == 0, output
    assert (
        "content/checkins/shipped/2026-11-05.md:5:8: warning OKR124: 2.005 is read as 2.005; "
        "with a point that groups thousands it is 2005, beside the other figures of KPI "
        "'shipped' (980 to 1500) (hint: write 2005 or 2,005, or 2.005 if meant)"
    ) in output, output


def test_a_time_column_of_its_own_orders_a_dates_readings(make_site: MakeSite) -> None:
    """Finding 4: ``Date,Time,…`` as Looker exports it: the 09:00 row below
    the 17:30 one counted, as only a time in the date cell was read."""
    site = make_site(
        {
            "okrsite.toml": EN,
            "content/kpis/throughput.md": (
                "---\ntitle: Orders shipped per day\nunit: orders\ntarget: 1500\n"
                "data: data/throughput.csv\n---\n"
            ),
            "content/data/throughput.csv": (
                'Date,Time,value,Comment\n2026-11-03,09:00,"1,250",normal\n'
                '2026-11-02,17:30,"1,100",\n2026-11-02,09:00,980,morning\n'
            ),
        }
    )
    code, output = _check(site)
    assert code == 0, output
    assert (
        "content/data/throughput.csv:4: warning OKR206: 2026-11-02 has two readings: 980 on "
        "line 4 and 1,100 on line 3; 1,100 counts (the later time of day counts)"
    ) in output, output
    assert _kpi(site, "throughput")["value"] == 1250
    series = load_site(site, date(2026, 11, 30)).scored.portfolio.kpi_series["throughput"]
    assert dict(series)[date(2026, 11, 2)] == 1100


def test_the_header_hint_renames_the_readings_not_their_times(make_site: MakeSite) -> None:
    """Finding 3: the OKR202 hint said to name the ``Time`` column ``value``,
    which then failed on every row ("'09:00' is not a number")."""
    kpi = "---\ntitle: Orders shipped per day\nunit: orders\ndata: data/throughput.csv\n---\n"
    site = make_site(
        {
            "okrsite.toml": EN,
            "content/kpis/throughput.md": kpi,
            "content/data/throughput.csv": (
                'Date,Time,Orders shipped,Comment\n2026-11-03,09:00,"1,250",normal\n'
            ),
            "content/kpis/clock.md": kpi.replace("throughput", "clock"),
            "content/data/clock.csv": "Datum,Uhrzeit\n2026-11-03,09:00\n",
        }
    )
    code, output = _check(site)
    assert code == 1, output
    assert (
        "content/data/throughput.csv:1: error OKR202: CSV header must name 'date' and 'value' "
        "columns, got 'Date,Time,Orders shipped,Comment' (hint: 4 columns: name the one that "
        "holds the readings 'value', keeping the others, as in 'Date,Time,value,Comment')"
    ) in output, output
    assert (
        "content/data/clock.csv:1: error OKR202: CSV header must name 'date' and 'value' "
        "columns, got 'Datum,Uhrzeit' (hint: add a column of readings named 'value', "
        "as in 'Datum,Uhrzeit,value')"
    ) in output, output


def test_an_unknown_direction_is_told_the_words_and_judged_no_further(
    make_site: MakeSite,
) -> None:
    """Finding 5: ``direction: stay within`` got OKR105 without a hint, and
    OKR113 judged its thresholds against an ``up`` it never said."""
    site = make_site(
        {
            "okrsite.toml": EN,
            "content/kpis/temp.md": (
                "---\ntitle: Warehouse temperature\nunit: °C\ndirection: stay within\n"
                "target: 18\nthresholds: {green: 18, red: 22}\nvalues: {2026-11-01: 19}\n---\n"
            ),
            "content/kpis/churn.md": (
                "---\ntitle: Churn\ndirection: dwon\ntarget: 2\nvalues: {2026-11-01: 3}\n---\n"
            ),
        }
    )
    code, output = _check(site)
    assert code == 1, output
    assert (
        "content/kpis/temp.md:4:12: error OKR105: direction must be up or down, got "
        "'stay within' (hint: write up or down (also 'higher is better', 'lower is better', "
        "increase, decrease, 'höher ist besser', 'niedriger ist besser'); a KPI kept within "
        "a band is not supported: use two KPIs, or key results with kind: stay_above and "
        "kind: stay_below)"
    ) in output, output
    assert (
        "content/kpis/churn.md:3:12: error OKR105: direction must be up or down, got 'dwon' "
        "(hint: did you mean 'down'? direction takes up or down"
    ) in output, output
    assert "OKR113" not in output, output


def test_a_data_files_weeks_and_excel_serials_are_read_or_told(make_site: MakeSite) -> None:
    """Finding 8: ``KW 44/2026`` (a German ``Woche`` column) was refused
    with a hint naming no week form; Excel's ``46330`` got the generic hint;
    ``values: {10/05/2026: …}`` printed its date twice."""
    kpi = "---\ntitle: Orders\nunit: orders\ndata: data/{}.csv\n---\n"
    site = make_site(
        {
            "okrsite.toml": DE,
            "content/kpis/weekly.md": kpi.format("weekly"),
            "content/data/weekly.csv": "Woche;Aufträge\nKW 44/2026;90\nKW45 2026;95\n",
            "content/kpis/serial.md": kpi.format("serial"),
            "content/data/serial.csv": "date,value\n46330,90\n",
            "content/kpis/slashes.md": (
                "---\ntitle: Slashes\nvalues: {10/05/2026: 3, 2026-11-01: 4}\n---\n"
            ),
        }
    )
    code, output = _check(site)
    assert code == 1, output
    assert "weekly.csv" not in output, output
    assert (
        "content/data/serial.csv:2:1: error OKR203: '46330' looks like an Excel serial date "
        "(2026-11-04) (hint: format the column as dates in the spreadsheet before saving the "
        "CSV, or write 2026-11-04)"
    ) in output, output
    assert "date '10/05/2026' names two days" in output, output
    series = load_site(site, date(2026, 11, 30)).scored.portfolio.kpi_series["weekly"]
    assert list(series) == [(date(2026, 10, 26), 90), (date(2026, 11, 2), 95)]


def test_readings_pasted_as_rows_read_as_a_data_file_of_two_columns(make_site: MakeSite) -> None:
    """Findings 6 and 7: ``- {Month: Oct 2026, Churn rate: 3.1%}`` was OKR106
    quoting a Python dict with re-sorted keys, though ``Month,Churn rate`` is
    read as a data file's header; ``- 2026-10-01: 1000`` was refused though a
    check-in's ``values:`` takes that form."""
    site = make_site(
        {
            "okrsite.toml": EN,
            "content/kpis/churn.md": (
                "---\ntitle: Churn\nunit: '%'\ndirection: down\ntarget: 5%\nvalues:\n"
                "  - {Month: Oct 2026, Churn rate: 3.1%}\n"
                "  - {Month: Nov 2026, Churn rate: 2.8%}\n---\n"
            ),
            "content/kpis/pairs.md": (
                "---\ntitle: Pairs\ntarget: 1500\nvalues:\n"
                "  - 2026-10-01: 1000\n  - 2026-11-01: 1100\n---\n"
            ),
        }
    )
    code, output = _check(site)
    assert code == 0 and "OKR106" not in output, output
    assert _kpi(site, "churn")["value"] == 2.8
    assert _kpi(site, "pairs")["value"] == 1100
    (site / "content/kpis/pairs.md").write_text(
        "---\ntitle: Pairs\ntarget: 1500\nvalues:\n  - {when: 2026-10-01, Orders: 3}\n---\n",
        encoding="utf-8",
    )
    code, output = _check(site)
    assert code == 1, output
    assert (
        "content/kpis/pairs.md:5:5: error OKR106: reading 1 must have a date and a value, "
        "got '{when: 2026-10-01, Orders: 3}'"
    ) in output, output


def test_a_target_per_cycle_and_pasted_lines_are_told_what_to_write(make_site: MakeSite) -> None:
    """Finding 7: both errors showed a Python repr (a dict, a string with
    ``\\t`` and ``\\n``) and said nothing of what to write."""
    site = make_site(
        {
            "okrsite.toml": EN,
            "content/kpis/cyc.md": "---\ntitle: Cyc\ntarget: {2026-Q3: 100, 2026-Q4: 120}\n---\n",
            "content/kpis/pasted.md": (
                "---\ntitle: Pasted\ntarget: 1000\nvalues: |\n"
                "  2026-10-01\t1.050\n  2026-11-01\t1.100\n---\n"
            ),
        }
    )
    code, output = _check(site)
    assert code == 1, output
    assert (
        "content/kpis/cyc.md:3:9: error OKR102: target must be a number, got "
        "'{2026-Q3: 100, 2026-Q4: 120}' (hint: a KPI has one target; for a target per cycle, "
        "give each cycle's objective a key result 'kpi: cyc, target: …')"
    ) in output, output
    assert (
        "content/kpis/pasted.md:4:9: error OKR106: values must be readings by date, got text "
        "of 2 lines (hint: write one reading a line under values: (without '|'), its date, "
        "a colon and its value: 2026-10-01: 1050)"
    ) in output, output
    assert "\\t" not in output, output
