"""A CSV row written as money, read by a KPI that counts in a magnitude of it
(``unit: k€``, the cell ``€1.2M``: 1200), names the commit that wrote it as
its value's source, as a bare figure's row does: the history keeps what the
row wrote beside its digits and counts it in the KPI's unit before comparing
it with the figure shown. A row changed in the working tree since says so.
``okrsite pull`` into such a KPI counts a source's reading in its unit the
same way, and writes the row in the column's form, reading back as it.

A real git repository (``tests/gitrepo.py``) built with the CLI.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import run_cli
from gitrepo import Repo

from okrsite import kpi_csv
from okrsite.cli import cli
from okrsite.pipeline import load_site

KPI = "---\ntitle: Revenue\nunit: k€\ntarget: 2000\ndata: data/rev.csv\n---\n"


def build(site: Path, out: Path) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return json.loads((out / "api/history.json").read_text())


def _repo(tmp_path: Path, cell: str) -> tuple[Repo, str]:
    repo = Repo(tmp_path / "goals")
    repo.write("okrsite.toml", "as_of = 2026-11-30\n")
    repo.write("content/kpis/rev.md", KPI)
    repo.write("content/data/rev.csv", f"date,value\n2026-10-01,{cell}\n")
    sha = repo.commit("Revenue", "bob", "2026-10-02T10:00:00+00:00")
    return repo, sha


def _page(out: Path) -> str:
    return (out / "kpis/rev/index.html").read_text(encoding="utf-8")


def test_a_row_of_money_in_a_magnitude_unit_names_its_commit(tmp_path: Path) -> None:
    repo, sha = _repo(tmp_path, "€1.2M")
    out = tmp_path / "out"
    source = build(repo.root, out)["kpis"]["rev"]["source"]
    assert (source["kind"], source["file"], source["date"]) == (
        "csv",
        "content/data/rev.csv",
        "2026-10-01",
    )
    assert (source["edited"], source["commit"], source["author"]) == (False, sha, "Bob Stone")
    page = _page(out)
    assert "committed by <bdi>Bob Stone</bdi>" in page
    assert "changed since its last commit" not in page


def test_a_row_of_money_changed_since_its_commit_says_so(tmp_path: Path) -> None:
    repo, _sha = _repo(tmp_path, "€1.2M")
    repo.write("content/data/rev.csv", "date,value\n2026-10-01,€1.3M\n")
    out = tmp_path / "out"
    source = build(repo.root, out)["kpis"]["rev"]["source"]
    assert (source["kind"], source["edited"], source["commit"]) == ("csv", True, None)
    assert "changed since its last commit, not committed yet" in _page(out)


def test_a_row_rewritten_in_another_form_of_the_same_figure_is_no_edit(tmp_path: Path) -> None:
    # 1200 k€ written bare, then as money: the figure shown is the same
    repo, sha = _repo(tmp_path, "1200")
    repo.write("content/data/rev.csv", "date,value\n2026-10-01,1.200.000 €\n")
    source = build(repo.root, tmp_path / "out")["kpis"]["rev"]["source"]
    assert (source["edited"], source["commit"]) == (False, sha)


def test_a_row_rewritten_from_money_to_a_bare_figure_is_an_edit(tmp_path: Path) -> None:
    # the same digits, but 1,200,000 k€ now: another figure than the committed one
    repo, _sha = _repo(tmp_path, "€1.200.000")
    repo.write("content/data/rev.csv", "date,value\n2026-10-01,1200000\n")
    source = build(repo.root, tmp_path / "out")["kpis"]["rev"]["source"]
    assert (source["edited"], source["commit"]) == (True, None)


def test_a_committed_change_of_form_is_the_new_commits(tmp_path: Path) -> None:
    # €1.2M committed, then rewritten as the bare 1200 (k€) and committed: the
    # reading is the same, but the row as written is the later commit's
    repo, _sha = _repo(tmp_path, "€1.2M")
    repo.write("content/data/rev.csv", "date,value\n2026-10-01,1200\n")
    later = repo.commit("Bare", "carol", "2026-10-05T10:00:00+00:00")
    source = build(repo.root, tmp_path / "out")["kpis"]["rev"]["source"]
    assert (source["edited"], source["commit"]) == (False, later)


# --------------------------------------------------------------------- pull
def _pulled_site(tmp_path: Path, data: str, export: str) -> Path:
    site = tmp_path / "site"
    (site / "content/kpis").mkdir(parents=True)
    (site / "content/data").mkdir(parents=True)
    (site / "exports").mkdir()
    (site / "okrsite.toml").write_text(
        'title = "T"\nas_of = 2026-11-30\n[[sources]]\nname = "rev"\nfile = "exports/rev.csv"\n',
        encoding="utf-8",
    )
    (site / "content/kpis/rev.md").write_text(KPI, encoding="utf-8")
    (site / "content/data/rev.csv").write_text(data, encoding="utf-8")
    (site / "exports/rev.csv").write_text(export, encoding="utf-8")
    return site


#: a column of whole euros, thousands grouped by points
MONEY = "date,value\n2026-09-01,1.250.000 €\n2026-10-01,250.000 €\n"


def _series(site: Path) -> list[float]:
    load = load_site(site, None)
    return [v for _, v in load.scored.portfolio.kpi_series["rev"]]


@pytest.mark.parametrize(
    ("data", "export", "row", "pulled"),
    [
        ("date,value\n2026-10-01,250\n", "2026-11-01,€1.2M\n", "2026-11-01,1200", 1200),
        ("date,value\n2026-10-01,250\n", "2026-11-01,1.350 €\n", "2026-11-01,1.35", 1.35),
        ("date,value\n2026-10-01,€1.1M\n", "2026-11-01,€1.2M\n", "2026-11-01,€1200000", 1200),
        # the column's sign, not its word (as okrsite.kpi_csv_style.value_style keeps it)
        ("date,value\n2026-10-01,150 k€\n", "2026-11-01,€1.2M\n", "2026-11-01,1200000€", 1200),
    ],
)
def test_pull_counts_money_in_the_kpis_unit_and_writes_the_columns_form(
    tmp_path: Path, data: str, export: str, row: str, pulled: float
) -> None:
    site = _pulled_site(tmp_path, data, export)
    code, out = run_cli("pull", "--site", str(site))
    assert code == 0, out
    written = (site / "content/data/rev.csv").read_text(encoding="utf-8")
    assert written.splitlines()[-1] == row
    code, out = run_cli("check", "--site", str(site))
    assert code == 0 and " 0 errors" in out, out
    assert _series(site)[-1] == pulled


@pytest.mark.parametrize(
    ("export", "whole", "pulled"),
    [
        ("2026-11-01,€1.2M\n", 1_200_000, 1200),
        ("2026-11-01,1300\n", 1_300_000, 1300),
        ("2026-11-01,1.350 €\n", 1350, 1.35),
    ],
)
def test_pull_into_a_column_of_whole_euros_writes_the_whole_figure(
    tmp_path: Path, export: str, whole: float, pulled: float
) -> None:
    # 1200 k€ into a column of whole euros (250.000 €): 1,200,000 €, which
    # the KPI counts as 1200 (how the column groups and marks decimals is
    # okrsite.kpi_csv_style.format_number's, as for a KPI in whole euros)
    site = _pulled_site(tmp_path, MONEY, export)
    code, out = run_cli("pull", "--site", str(site))
    assert code == 0, out
    written = (site / "content/data/rev.csv").read_text(encoding="utf-8")
    day, cell = written.splitlines()[-1].split(",")
    assert day == "2026-11-01" and cell.endswith(" €")
    assert kpi_csv.read_number(cell, ",", False) == whole
    code, out = run_cli("check", "--site", str(site))
    assert code == 0 and " 0 errors" in out, out
    assert _series(site)[-1] == pulled


def test_pull_of_a_reading_already_there_in_another_form_changes_nothing(tmp_path: Path) -> None:
    data = "date,value\n2026-10-01,250.000 €\n"
    site = _pulled_site(tmp_path, data, "2026-10-01,€250k\n")
    code, out = run_cli("pull", "--site", str(site))
    assert code == 0, out
    assert (site / "content/data/rev.csv").read_text(encoding="utf-8") == data


def test_pull_of_a_reading_in_another_currency_fails_and_writes_nothing(tmp_path: Path) -> None:
    data = "date,value\n2026-10-01,250.000 €\n"
    site = _pulled_site(tmp_path, data, "2026-11-01,£250000\n")
    code, out = run_cli("pull", "--site", str(site))
    assert code != 0
    assert "'£250000' is written in '£', but KPI 'rev' is measured in 'k€'" in out, out
    assert (site / "content/data/rev.csv").read_text(encoding="utf-8") == data
