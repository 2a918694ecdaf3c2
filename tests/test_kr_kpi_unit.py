"""A key result measured by a KPI (``kpi: nps``) without a unit of its own
is in the KPI's unit: its page showed "30 → 41 → 50" with no unit while the
KPI's page said "41 points", and ``api/portfolio.json`` and the CSV gave
``unit: null``. A unit the key result gives beside a KPI without one stays
its own (beside a KPI in another unit it is OKR312: tests/test_kpi_key_result_figures.py)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner

from okrsite.cli import cli

OBJECTIVE = """\
---
title: Happier customers
cycle: 2026-Q4
owner: Uma Diaz
key_results:
  - {id: nps, title: Raise NPS, kpi: nps, start: 30, target: 50}
  - {id: csat, title: Raise CSAT, kpi: csat, start: 80, target: 90, unit: "%"}
---
"""
KPI = "---\ntitle: {title}\nunit: {unit}\nvalues: {{2026-11-01: {value}}}\n---\n"


def site(root: Path, nps_unit: str = "points") -> Path:
    (root / "content/objectives").mkdir(parents=True, exist_ok=True)
    (root / "content/kpis").mkdir(parents=True, exist_ok=True)
    (root / "okrsite.toml").write_text("as_of = 2026-11-20\n")
    (root / "content/objectives/happy.md").write_text(OBJECTIVE)
    (root / "content/kpis/nps.md").write_text(KPI.format(title="NPS", unit=nps_unit, value=41))
    (root / "content/kpis/csat.md").write_text(KPI.format(title="CSAT", unit='""', value=85))
    return root


def build(root: Path, out: Path) -> dict[str, dict[str, str]]:
    result = CliRunner().invoke(cli, ["build", "--site", str(root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "api/portfolio.json").read_text())
    [objective] = data["objectives"]
    units = {kr["id"]: kr["unit"] for kr in objective["key_results"]}
    with (out / "api/key-results.csv").open(encoding="utf-8") as f:
        rows = {row["kr_id"]: row["unit"] for row in csv.DictReader(f)}
    return {"json": units, "csv": rows}


def test_a_key_result_reads_its_kpis_unit(tmp_path: Path) -> None:
    root = site(tmp_path / "site")
    units = build(root, tmp_path / "out")
    assert units["json"] == {"nps": "points", "csat": "%"}
    assert units["csv"] == {"nps": "points", "csat": "%"}
    page = (tmp_path / "out/objectives/happy/index.html").read_text()
    assert "41 points" in page


def test_the_kpis_new_unit_reaches_the_key_result_in_a_cached_build(tmp_path: Path) -> None:
    root = site(tmp_path / "site")
    build(root, tmp_path / "out")
    site(root, nps_unit="pts")
    units = build(root, tmp_path / "out")
    assert units["json"]["nps"] == "pts"
    page = (tmp_path / "out/objectives/happy/index.html").read_text()
    assert "41 pts" in page
    build(root, tmp_path / "cold")
    assert page == (tmp_path / "cold/objectives/happy/index.html").read_text()
