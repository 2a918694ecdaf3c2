"""A CSV beside a KPI, named like it, that its ``data:`` does not name (OKR210).

``kpis/churn.csv`` beside ``kpis/churn.md`` is how a person keeps a KPI's
readings; without ``data:`` they were silently not read (the KPI "unknown",
no word why). Real sites through the real CLI.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli, write_site

KPI = "---\ntitle: Churn rate\nunit: '%'\ndirection: down\nthresholds: {green: 3, red: 5}\n{data}---\n"
CSV = "date,value\n2026-11-02,3.4\n2026-11-09,3.1\n"


def test_a_csv_beside_a_kpi_without_data_is_said_with_the_line_to_write(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "T"\n',
            "content/kpis/churn.md": KPI.replace("{data}", ""),
            "content/kpis/churn.csv": CSV,
        },
    )
    code, out = run_cli("check", "--site", str(root), "--as-of", "2026-12-01")
    assert code == 0, out
    assert (
        "content/kpis/churn.md:1: warning OKR210: content/kpis/churn.csv beside this KPI is not read"
        in out
    ), out
    assert "hint: add the line data: kpis/churn.csv to its front matter" in out, out
    # written as the hint says, the readings are read and the warning is gone
    (root / "content/kpis/churn.md").write_text(KPI.replace("{data}", "data: kpis/churn.csv\n"))
    out_dir = tmp_path / "out"
    code, out = run_cli(
        "build", "--site", str(root), "--out", str(out_dir), "--as-of", "2026-12-01", "--no-cache"
    )
    assert code == 0 and "OKR210" not in out, out
    kpi = json.loads((out_dir / "api/portfolio.json").read_text("utf-8"))["kpis"][0]
    assert (kpi["value"], kpi["date"], kpi["health"]) == (3.1, "2026-11-09", "warning")


def test_no_warning_where_data_names_another_file_or_no_csv_is_beside(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "T"\n',
            "content/kpis/churn.md": KPI.replace("{data}", "data: data/churn-2026.csv\n"),
            "content/kpis/churn.csv": CSV,
            "content/data/churn-2026.csv": CSV,
            "content/kpis/nps.md": KPI.replace("{data}", "").replace("Churn rate", "NPS"),
        },
    )
    code, out = run_cli("check", "--site", str(root), "--as-of", "2026-12-01")
    assert code == 0 and "OKR210" not in out, out
