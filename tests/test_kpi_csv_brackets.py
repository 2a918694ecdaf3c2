"""A KPI's data file exported from a sheet formatted as accounting writes a
negative in brackets (``(1.234,50)``, ``(12,5)``, ``"(1,200)"``): read as a
negative, as ``okrsite import`` reads such a cell; ``(-5)`` is no number."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli, write_site

KPI = "---\ntitle: Cash flow\nunit: k€\ndata: data/cash.csv\n---\n"


def value_on(site: Path, day: str) -> float:
    code, output = run_cli("export", "--site", str(site), "--as-of", day)
    assert code == 0, output
    [kpi] = [k for k in json.loads(output)["kpis"] if k["id"] == "cash"]
    return float(kpi["value"])


def test_bracketed_readings_are_negative(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "x"\n',
            "content/kpis/cash.md": KPI,
            "content/data/cash.csv": (
                "Datum;Wert\n01.10.2026;(1.234,50)\n01.11.2026;(12,5)\n01.12.2026;30\n"
            ),
        },
    )
    code, output = run_cli("check", "--site", str(site), "--as-of", "2026-12-02")
    assert code == 0 and "cash.csv" not in output, output
    assert value_on(site, "2026-10-15") == -1234.5
    assert value_on(site, "2026-11-15") == -12.5
    assert value_on(site, "2026-12-02") == 30


def test_a_comma_file_and_a_sign_inside_brackets(tmp_path: Path) -> None:
    files = {
        "okrsite.toml": 'title = "x"\n',
        "content/kpis/cash.md": KPI,
        "content/data/cash.csv": 'date,value\n2026-10-01,"(1,200)"\n2026-11-01,(-5)\n',
    }
    site = write_site(tmp_path / "site", files)
    code, output = run_cli("check", "--site", str(site), "--as-of", "2026-12-02")
    assert code == 1, output
    assert "content/data/cash.csv:3:" in output and "'(-5)' is not a number" in output, output
    (site / "content/data/cash.csv").write_text('date,value\n2026-10-01,"(1,200)"\n')
    assert value_on(site, "2026-10-15") == -1200
