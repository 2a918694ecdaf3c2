"""Money written whole beside a unit that holds a magnitude (``unit: k€``).

``€250,000`` or ``250.000 €`` for a key result in ``k€`` is 250 of it, and
``$1,500,000`` for one in ``$M`` is 1.5: an amount with its currency sign and
no magnitude is whole money, as ``€250k`` and ``$450k`` are counted in the
unit's magnitude. This holds for check-in values, KPI check-ins and a key
result's or KPI's own figures. A bare number (``250``) stays that many of the
unit. Each test builds a real site and reads the real export.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from conftest import write_site

from okrsite.cli import cli

TOML = 'title = "Acme"\nas_of = "2026-09-01"\ndefault_cycle = "2026-Q3"\n'


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def errors(site: Path) -> list[str]:
    _code, output = run("check", "--site", str(site))
    return [line for line in output.splitlines() if re.search(r"\berror OKR\d+", line)]


def export(site: Path) -> dict[str, Any]:
    code, output = run("export", "--site", str(site))
    assert code == 0, output
    data: dict[str, Any] = json.loads(output)
    return data


def key_results(site: Path) -> dict[str, dict[str, Any]]:
    (objective,) = export(site)["objectives"]
    return {kr["id"]: kr for kr in objective["key_results"]}


def objective_site(root: Path, key_results_yaml: str, values_yaml: str, toml: str = TOML) -> Path:
    return write_site(
        root / "site",
        {
            "okrsite.toml": toml,
            "content/objectives/sales.md": "---\ntitle: Grow revenue\nowner: Uma Diaz\n"
            "cycle: 2026-Q3\nkey_results:\n" + key_results_yaml + "---\n",
            "content/checkins/sales/2026-08-30.md": "---\nvalues: {" + values_yaml + "}\n---\n",
        },
    )


def test_whole_money_in_a_check_in_and_a_target(tmp_path: Path) -> None:
    site = objective_site(
        tmp_path,
        '  - {id: t, title: Tgt, unit: k€, start: 100, target: "€300.000", current: 200}\n'
        "  - {id: m, title: Musd, unit: $M, start: 1, target: 3}\n",
        'm: "$1,500,000"',
    )
    assert errors(site) == []
    krs = key_results(site)
    assert (krs["t"]["target"], krs["t"]["progress"]) == (300, 0.5)
    assert (krs["m"]["current"], krs["m"]["progress"]) == (1.5, 0.25)


def test_every_spelling_of_whole_euros_for_a_key_result_in_k_euro(tmp_path: Path) -> None:
    spellings = ["250.000 €", "250000 €", "€250,000", "€250k", "€0.25M", "250 k€", "250"]
    ids = [f"k{i}" for i in range(len(spellings))]
    site = objective_site(
        tmp_path,
        "".join(f"  - {{id: {i}, title: T {i}, unit: k€, start: 0, target: 1000}}\n" for i in ids),
        ", ".join(f'{i}: "{s}"' for i, s in zip(ids, spellings, strict=True)),
    )
    assert errors(site) == []
    krs = key_results(site)
    assert {s: krs[i]["current"] for i, s in zip(ids, spellings, strict=True)} == dict.fromkeys(
        spellings, 250
    )


def test_german_thousands_point_for_k_euro(tmp_path: Path) -> None:
    site = objective_site(
        tmp_path,
        "  - {id: umsatz, title: Umsatz, unit: k€, start: 0, target: 1000}\n",
        'umsatz: "250.000 €"',
        TOML + 'language = "de"\n',
    )
    assert errors(site) == []
    assert key_results(site)["umsatz"]["current"] == 250


def test_another_currency_is_another_unit(tmp_path: Path) -> None:
    site = objective_site(
        tmp_path,
        "  - {id: arr, title: ARR, unit: k€, start: 0, target: 1000}\n",
        'arr: "£250,000"',
    )
    (found,) = errors(site)
    assert "OKR312" in found and "'£'" in found and "'k€'" in found


def test_kpi_check_in_and_own_figures_in_whole_money(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": TOML,
            "content/kpis/arr.md": "---\ntitle: ARR\nowner: Uma Diaz\nunit: k€\n"
            'target: "€2.000.000"\nvalues: {2026-07-01: "€1,200,000"}\n---\n',
            "content/checkins/arr/2026-08-30.md": '---\nvalue: "1.500.000 €"\n---\n',
        },
    )
    assert errors(site) == []
    (kpi,) = export(site)["kpis"]
    assert (kpi["unit"], kpi["target"], kpi["value"]) == ("k€", 2000, 1500)
    code, output = run("build", "--site", str(site))
    assert code == 0, output
    page = (site / "_site/kpis/arr/index.html").read_text("utf-8")
    assert "1,500 k€" in page and "1,200 k€" in page and "2,000 k€" in page
    assert "1,500,000" not in page and "1,200,000" not in page
