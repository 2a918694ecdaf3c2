"""A key result measured by a KPI whose unit holds a money magnitude (``$k``,
``$M``, ``k€``) and whose figures are written as money (``title: MRR from
$180k to $250k`` with ``kpi: mrr``, or ``start: $180k``) is counted in the
KPI's unit: the figures were read as whole dollars (180,000 in ``$``) while
the KPI's readings are in ``$k`` (200), so every export, page and badge said
0% with no word. Money of another currency, or beside a KPI unit of no money
(``k``), is error OKR312, not a silent 0%."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from conftest import run_cli, write_site
from gitrepo import Repo

from okrsite import history

TOML = 'title = "x"\nas_of = 2026-11-20\n'


def kpi(unit: str, value: str) -> str:
    return f"---\ntitle: MRR\nunit: {unit}\nvalues: {{2026-11-01: {value}}}\n---\n"


def objective(*key_results: str) -> str:
    lines = "".join(f"  - {kr}\n" for kr in key_results)
    return f"---\ntitle: O\ncycle: 2026-Q4\nkey_results:\n{lines}---\n"


REPRO = objective(
    "{id: mrr, title: MRR from $180k to $250k, kpi: mrr}",
    "{id: mrr2, title: MRR two, kpi: mrr, start: $180k, target: $250k}",
)


def site(root: Path, unit: str, value: str, obj: str) -> Path:
    return write_site(
        root,
        {
            "okrsite.toml": TOML,
            "content/kpis/mrr.md": kpi(unit, value),
            "content/objectives/o.md": obj,
        },
    )


def figures(data: dict) -> dict[str, tuple]:
    [o] = data["objectives"]
    return {
        kr["id"]: (kr["start"], kr["target"], kr["current"], kr["unit"], kr["progress"])
        for kr in o["key_results"]
    }


def test_money_in_dollars_counts_in_the_kpis_thousands(tmp_path: Path) -> None:
    root = site(tmp_path / "site", "$k", "200", REPRO)
    code, out = run_cli("export", "--site", str(root))
    assert code == 0, out
    assert figures(json.loads(out)) == {
        "mrr": (180, 250, 200, "$k", 0.285714),
        "mrr2": (180, 250, 200, "$k", 0.285714),
    }
    code, out = run_cli("build", "--site", str(root), "--out", str(tmp_path / "out"))
    assert code == 0, out
    built = tmp_path / "out"
    portfolio = json.loads((built / "api/portfolio.json").read_text())
    assert figures(portfolio) == {
        "mrr": (180, 250, 200, "$k", 0.285714),
        "mrr2": (180, 250, 200, "$k", 0.285714),
    }
    rows = list(csv.DictReader(io.StringIO((built / "api/key-results.csv").read_text())))
    assert [
        (r["kr_id"], r["start"], r["target"], r["current"], r["unit"], r["kr_progress"])
        for r in rows
    ] == [
        ("mrr", "180", "250", "200", "$k", "0.285714"),
        ("mrr2", "180", "250", "200", "$k", "0.285714"),
    ]
    [row] = csv.DictReader(io.StringIO((built / "api/objectives.csv").read_text()))
    assert (row["progress"], row["status"]) == ("0.285714", "at-risk")
    page = re.sub(
        r"\s+", " ", re.sub(r"<[^>]+>", " ", (built / "objectives/o/index.html").read_text())
    )
    assert "MRR two from KPI MRR 29% expected 54% $180k → $200k → $250k at risk" in page
    assert "(200 − 180) ÷ (250 − 180) = 0.286" in page
    assert 'aria-label="o: 29% at risk"' in (built / "badges/o.svg").read_text()


def test_money_in_any_magnitude_counts_in_the_kpis_millions(tmp_path: Path) -> None:
    """The user's audit (``MRR from $1M to $2M`` beside a KPI in ``$M``), and the
    docs' own figures: ``$450k`` and ``$1,500,000`` in ``$M`` are 0.45 and 1.5;
    a key result's own ``unit: $k`` counts in ``$M`` too, as does a bound."""
    obj = objective(
        "{id: mrr, title: MRR from $1M to $2M, kpi: mrr}",
        '{id: docs, title: Docs, kpi: mrr, start: $450k, target: "$1,500,000"}',
        "{id: own, title: Own, kpi: mrr, unit: $k, start: 1000, target: 2000}",
        "{id: floor, title: Floor, kpi: mrr, stay_above: $1M}",
    )
    root = site(tmp_path / "site", "$M", "1.333333", obj)
    code, out = run_cli("export", "--site", str(root))
    assert code == 0, out
    assert figures(json.loads(out)) == {
        "mrr": (1, 2, 1.333333, "$M", 0.333333),
        "docs": (0.45, 1.5, 1.333333, "$M", 0.84127),
        "own": (1, 2, 1.333333, "$M", 0.333333),
        "floor": (None, 1, 1.333333, "$M", 1),
    }


def test_money_of_another_currency_is_an_error_not_a_silent_zero(tmp_path: Path) -> None:
    obj = objective(
        "{id: eur, title: MRR from €180k to €250k, kpi: mrr}",
    )
    root = site(tmp_path / "site", "$k", "200", obj)
    code, out = run_cli("check", "--site", str(root))
    assert code == 1
    assert (
        "content/objectives/o.md:5:52: error OKR312: key result 'eur' is written in '€' but "
        "its KPI 'mrr' is measured in '$k': okrsite converts nothing between currencies "
        "(hint: write the key result's figures in '$k' (bare, or as money of its currency), "
        "or measure it by a KPI in '€')"
    ) in out


def test_money_beside_a_kpi_of_thousands_of_no_money_is_an_error(tmp_path: Path) -> None:
    obj = objective("{id: mrr, title: MRR, kpi: mrr, start: $180k, target: $250k}")
    root = site(tmp_path / "site", "k", "200", obj)
    code, out = run_cli("check", "--site", str(root))
    assert code == 1
    assert (
        "error OKR312: key result 'mrr' is written in '$' but its KPI 'mrr' is measured "
        "in 'k': okrsite converts nothing (hint: write the key result's figures as bare "
        "numbers in 'k', or give KPI 'mrr' a unit of money)"
    ) in out


def test_a_unit_of_its_own_that_is_no_money_stays_its_own(tmp_path: Path) -> None:
    """``unit: USD`` is no currency sign okrsite reads: a key result in ``$``
    beside it is not converted, nor an error (its figures are whole money, as
    the KPI's are)."""
    obj = objective("{id: mrr, title: MRR, kpi: mrr, start: $180k, target: $250k}")
    root = site(tmp_path / "site", "USD", "200000", obj)
    code, out = run_cli("export", "--site", str(root))
    assert code == 0, out
    assert figures(json.loads(out)) == {"mrr": (180000, 250000, 200000, "$", 0.285714)}


def test_the_kpis_new_magnitude_reaches_the_key_result_in_a_cached_build(
    tmp_path: Path,
) -> None:
    root = site(tmp_path / "site", "$k", "200", REPRO)
    code, out = run_cli("build", "--site", str(root), "--out", str(tmp_path / "out"))
    assert code == 0, out
    site(root, "$M", "0.2", REPRO)
    code, out = run_cli("build", "--site", str(root), "--out", str(tmp_path / "out"))
    assert code == 0, out
    portfolio = json.loads((tmp_path / "out/api/portfolio.json").read_text())
    assert figures(portfolio) == {
        "mrr": (0.18, 0.25, 0.2, "$M", 0.285714),
        "mrr2": (0.18, 0.25, 0.2, "$M", 0.285714),
    }
    code, out = run_cli("build", "--site", str(root), "--out", str(tmp_path / "cold"))
    assert code == 0, out
    page = (tmp_path / "out/objectives/o/index.html").read_text()
    assert page == (tmp_path / "cold/objectives/o/index.html").read_text()


def test_the_history_shows_no_change_nobody_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the history reuses the site's resolved records for the versions
    equal to the current files (many changes read at once), an old version
    read as written (180,000 in ``$``) must be counted in the KPI's ``$k`` too,
    or a commit that only retitled the objective moved the target 250000 → 250."""
    monkeypatch.setattr(history, "REUSE_AFTER", 0)
    repo = Repo(tmp_path / "goals")
    repo.write("okrsite.toml", TOML)
    repo.write("content/kpis/mrr.md", kpi("$k", "200"))
    repo.write("content/objectives/o.md", REPRO)
    repo.commit("Start", "alice", "2026-10-02T10:00:00+00:00")
    repo.write("content/objectives/o.md", REPRO.replace("title: O\n", "title: O two\n"))
    repo.commit("Retitle", "bob", "2026-10-10T10:00:00+00:00")
    code, out = run_cli("build", "--site", str(repo.root), "--out", str(tmp_path / "out"))
    assert code == 0, out
    data = json.loads((tmp_path / "out/api/history.json").read_text())["objectives"]["o"]
    assert [c["field"] for c in data["changes"]] == ["created", "title"]
    assert {kr: d["changes"] for kr, d in data["key_results"].items()} == {"mrr": [], "mrr2": []}
