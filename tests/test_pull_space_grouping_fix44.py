"""``okrsite pull`` groups thousands with the space its column groups them
with (audit 44 verifyc, finding C).

A French site's KPI CSV, saved by Excel with ``sep=;``, writes
``312 450,50 €``; pull wrote the new reading as ``410000,00 €``, though
docs/pull.md promises "thousands grouped as its column groups them" (a
point grouping worked). It now writes ``410 000,00 €``, with the column's
own character: a space, a no-break space or a narrow no-break space.
Real files, through the real CLI.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli, write_site


def french_site(root: Path, space: str) -> Path:
    data = (
        f"sep=;\r\nDate;Montant\r\n15/10/2026;312{space}450,50 €\r\n"
        f"01/11/2026;401{space}200,00 €\r\n"
    )
    return write_site(
        root,
        {
            "okrsite.toml": 'title = "Objectifs"\nlanguage = "fr"\n'
            '[[sources]]\nname = "ca"\nfile = "src/ca.csv"\n',
            "content/kpis/ca.md": "---\ntitle: CA\nunit: €\ndata: data/ca.csv\n"
            "target: 500000\n---\n",
            "content/data/ca.csv": data.encode("utf-8"),
            "src/ca.csv": f"sep=;\nDate;Montant\n20/11/2026;410{space}000,00 €\n",
        },
    )


@pytest.mark.parametrize(
    "space", [" ", "\u00a0", "\u202f"], ids=["space", "no-break", "narrow-no-break"]
)
def test_pull_groups_thousands_with_the_columns_space(tmp_path: Path, space: str) -> None:
    site = french_site(tmp_path / "site", space)
    code, out = run_cli("pull", "--source", "ca", "--site", str(site))
    assert code == 0, out
    written = (site / "content/data/ca.csv").read_bytes().decode("utf-8")
    assert written.endswith(
        f"01/11/2026;401{space}200,00 €\r\n20/11/2026;410{space}000,00 €\r\n"
    ), repr(written)
    code, out = run_cli("export", "--site", str(site), "--as-of", "2026-11-25")
    assert code == 0, out
    (kpi,) = json.loads(out)["kpis"]
    assert kpi["value"] == 410000, kpi  # and it reads back as the same figure
