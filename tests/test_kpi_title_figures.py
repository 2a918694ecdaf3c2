"""OKR409 for a key result measured by a KPI, with no ``unit:`` of its own.

Its figures count in the KPI's unit (docs/content-format.md, "Objective":
beside a KPI in ``$k``, ``MRR from $180k to $250k`` runs from 180 to 250),
which the parse of its file cannot know. Audit 44 (cascade, F2): the title
was read as whole dollars at parse time, so the docs' own example was warned
of, and the hint (``start: 180000``) turned a 29% key result into 0%."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conftest import run_cli

MakeSite = Callable[[dict[str, str | bytes]], Path]
TOML = 'title = "T"\nas_of = 2026-11-20\ndefault_cycle = "2026-Q4"\n'
KPIS = {
    "content/kpis/mrr.md": '---\ntitle: MRR\nunit: "$k"\nvalues: {2026-11-01: 200}\n---\n',
    "content/kpis/arr.md": '---\ntitle: ARR\nunit: "$M"\nvalues: {2026-11-01: 14}\n---\n',
}


def _objective(*key_results: str) -> str:
    lines = "".join(f"  - {kr}\n" for kr in key_results)
    return f"---\ntitle: Grow\ncycle: 2026-Q4\nowner: Uma\nkey_results:\n{lines}---\nBody.\n"


def _okr409(site: Path) -> list[str]:
    _code, output = run_cli("check", "--site", str(site))
    return [line for line in output.splitlines() if " OKR409: " in line]


def test_the_docs_kpi_example_is_no_warning(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            **KPIS,
            "content/objectives/grow.md": _objective(
                "{id: a, title: MRR from $180k to $250k, kpi: mrr, start: 180, target: 250}",
                "{id: b, title: Grow ARR from $10M to $20M, kpi: arr, start: 10, target: 20}",
            ),
        }
    )
    assert _okr409(site) == []
    code, output = run_cli("export", "--site", str(site))
    assert code == 0, output
    (objective,) = json.loads(output)["objectives"]
    mrr = objective["key_results"][0]
    assert (mrr["start"], mrr["target"], mrr["unit"]) == (180, 250, "$k")
    assert round(mrr["progress"], 4) == 0.2857


def test_figures_unlike_the_title_in_the_kpis_unit_are_warned_of(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            **KPIS,
            "content/objectives/grow.md": _objective(
                # what the old hint said to write: 0% where 29% was meant
                "{id: a, title: MRR from $180k to $250k, kpi: mrr, start: 180000, target: 250000}",
                "{id: b, title: MRR from $150k to $250k, kpi: mrr, start: 180, target: 250}",
            ),
        }
    )
    assert _okr409(site) == [
        "content/objectives/grow.md:6:62: warning OKR409: key result 'a' counts from "
        "180,000 $k to 250,000 $k, but its title says from 180 $k to 250 $k "
        "(hint: write start: 180 and target: 250, or fix the title)",
        "content/objectives/grow.md:7:62: warning OKR409: key result 'b' counts from "
        "180 $k to 250 $k, but its title says from 150 $k to 250 $k "
        "(hint: write start: 150, or fix the title)",
    ]
