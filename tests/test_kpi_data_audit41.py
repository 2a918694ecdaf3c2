"""KPI data an analyst disputes (audit 41): ``okrsite pull`` beside a value
a check-in or ``values:`` holds, a data file whose header names another unit
than its KPI's (OKR209), and readings of one day written in two time zones."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli, write_site

CHURN_TOML = (
    'title = "x"\nas_of = 2026-11-20\n[[sources]]\nname = "churn"\nfile = "exports/churn.csv"\n'
)
CHURN_KPI = '---\ntitle: Churn\nunit: "%"\ndata: data/churn.csv\n---\n'


def _churn_site(root: Path, extra: dict[str, str | bytes]) -> Path:
    return write_site(
        root,
        {
            "okrsite.toml": CHURN_TOML,
            "exports/churn.csv": "date,value\n2026-10-01,4.0%\n2026-11-01,3.5%\n",
            "content/kpis/churn.md": CHURN_KPI,
            "content/data/churn.csv": "date,value\n2026-10-01,4.1%\n2026-11-01,3.6%\n",
            **extra,
        },
    )


CHECKIN = {"content/checkins/churn/2026-11-01.md": "---\ndate: 2026-11-01\nvalue: 3.4%\n---\n"}
HELD = (
    "churn: 2026-11-01: the check-in content/checkins/churn/2026-11-01.md holds 3.4, "
    "which counts; not written (the source says 3.5; to change it, edit it there)"
)


def test_pull_says_a_checkin_holds_a_date_and_gives_no_update_hint_for_it(tmp_path: Path) -> None:
    root = _churn_site(tmp_path / "site", CHECKIN)
    code, out = run_cli("pull", "--site", str(root))
    assert code == 0, out
    assert HELD in out.splitlines(), out
    assert "churn: 2026-10-01 has 4.1, the source says 4 (not changed; --update replaces it)" in out
    assert "2026-11-01 has 3.4" not in out, out


def test_pull_update_writes_the_other_dates_when_a_checkin_holds_one(tmp_path: Path) -> None:
    root = _churn_site(tmp_path / "site", CHECKIN)
    code, out = run_cli("pull", "--update", "--site", str(root))
    assert code == 0, out
    assert "failed" not in out, out
    assert "churn: 2026-10-01 4.1 -> 4 (updated)" in out.splitlines(), out
    assert HELD in out.splitlines(), out
    data = (root / "content/data/churn.csv").read_text(encoding="utf-8")
    assert data == "date,value\n2026-10-01,4.0%\n2026-11-01,3.6%\n"
    checkin = (root / "content/checkins/churn/2026-11-01.md").read_text(encoding="utf-8")
    assert "value: 3.4%" in checkin


def test_pull_says_values_in_the_kpi_file_hold_a_date(tmp_path: Path) -> None:
    root = _churn_site(
        tmp_path / "site",
        {
            "content/kpis/churn.md": CHURN_KPI.replace(
                "data:", 'values: {"2026-11-01": 3.4}\ndata:'
            ),
            "content/data/churn.csv": "date,value\n2026-10-01,4.1%\n",
        },
    )
    code, out = run_cli("pull", "--update", "--site", str(root))
    assert code == 0, out
    assert (
        "churn: 2026-11-01: values: in content/kpis/churn.md holds 3.4, which counts; "
        "not written (the source says 3.5; to change it, edit it there)"
    ) in out.splitlines(), out
    data = (root / "content/data/churn.csv").read_text(encoding="utf-8")
    assert data == "date,value\n2026-10-01,4%\n"


def _revenue(root: Path, unit: str, header: str) -> Path:
    return write_site(
        root,
        {
            "okrsite.toml": 'title = "x"\nas_of = 2026-11-20\n',
            "content/kpis/rev.md": f"---\ntitle: Revenue\n{unit}data: data/rev.csv\n"
            "thresholds: {green: 3000, red: 2000}\n---\n",
            "content/data/rev.csv": f'date,{header}\n2026-10-01,"2,500.0"\n2026-11-01,"2,618.5"\n',
        },
    )


def test_a_header_naming_another_unit_than_the_kpi_is_warned_at_its_line(tmp_path: Path) -> None:
    root = _revenue(tmp_path / "site", "unit: €\n", "Revenue (k€)")
    code, out = run_cli("check", "--site", str(root))
    assert code == 0, out
    assert (
        "content/data/rev.csv:1: warning OKR209: the value column's header 'Revenue (k€)' "
        "names the unit 'k€', but KPI 'rev' is measured in '€': its bare figures count "
        "in '€' (hint: write 'unit: k€' in content/kpis/rev.md, or convert the column's "
        "figures to € (1 k€ is 1,000 €) and correct its header)"
    ) in out.splitlines(), out


def test_a_header_naming_the_kpis_unit_or_a_kpi_without_one_is_not_warned(
    tmp_path: Path,
) -> None:
    for n, (unit, header) in enumerate(
        [("unit: k€\n", "Revenue (k€)"), ("", "Revenue (k€)"), ("unit: €\n", "Revenue (EUR)")]
    ):
        root = _revenue(tmp_path / f"site{n}", unit, header)
        code, out = run_cli("check", "--site", str(root))
        assert code == 0, out
        assert "OKR209" not in out, (unit, header, out)
    root = _revenue(tmp_path / "ms", "unit: s\n", "Latency [ms]")
    code, out = run_cli("check", "--site", str(root))
    assert (
        "content/data/rev.csv:1: warning OKR209: the value column's header 'Latency [ms]' "
        "names the unit 'ms', but KPI 'rev' is measured in 's': its bare figures count "
        "in 's' (hint: write 'unit: ms' in content/kpis/rev.md, or convert the column's "
        "figures to s and correct its header)"
    ) in out.splitlines(), out


def _tickets(root: Path, rows: str) -> Path:
    return write_site(
        root,
        {
            "okrsite.toml": 'title = "x"\nas_of = 2026-11-30\n'
            '[[sources]]\nname = "t"\nfile = "exports/t.csv"\n',
            "exports/t.csv": "date,value\n2026-11-24,30\n",
            "content/kpis/t.md": "---\ntitle: Tickets\ndata: data/t.csv\n"
            "thresholds: {green: 10, red: 50}\ndirection: down\n---\n",
            "content/data/t.csv": "date,value\n" + rows,
        },
    )


def test_readings_of_a_day_in_two_zones_count_by_the_instant_they_name(tmp_path: Path) -> None:
    rows = "2026-11-24T09:00:00+01:00,10\n2026-11-24T08:30:00Z,20\n"
    root = _tickets(tmp_path / "site", rows)
    code, out = run_cli("check", "--site", str(root))
    assert (
        "content/data/t.csv:2: warning OKR206: 2026-11-24 has two readings: 10 on line 2 "
        "and 20 on line 3; 20 counts (the later time counts: 08:30:00 UTC, after "
        "08:00:00 UTC), 10 is ignored (hint: delete the row that is wrong, or correct its date)"
    ) in out.splitlines(), out
    # pull --update replaces the row that counts, the one at 08:30 UTC
    code, out = run_cli("pull", "--update", "--site", str(root))
    assert code == 0, out
    assert "t: 2026-11-24 20 -> 30 (updated)" in out.splitlines(), out
    data = (root / "content/data/t.csv").read_text(encoding="utf-8")
    assert data == "date,value\n2026-11-24T09:00:00+01:00,10\n2026-11-24T08:30:00Z,30\n"


def test_a_zone_beside_a_time_without_one_keeps_the_time_as_written(tmp_path: Path) -> None:
    rows = "2026-11-24T09:00:00+01:00,10\n2026-11-24T08:30:00,20\n"
    root = _tickets(tmp_path / "site", rows)
    code, out = run_cli("check", "--site", str(root))
    assert (
        "content/data/t.csv:3: warning OKR206: 2026-11-24 has two readings: 20 on line 3 "
        "and 10 on line 2; 10 counts (the later time of day counts), 20 is ignored "
        "(hint: delete the row that is wrong, or correct its date)"
    ) in out.splitlines(), out
