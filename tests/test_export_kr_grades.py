"""api/portfolio.json gives each key result its grade, the colour band of its
progress (red < 0.4 ≤ yellow < 0.7 ≤ green), the same grade the objective
page's key-result row shows."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup
from click.testing import CliRunner

from okrsite.cli import cli

Make = Callable[[dict[str, str | bytes]], Path]

SITE: dict[str, str | bytes] = {
    "okrsite.toml": "as_of = 2026-11-15\n",
    "content/objectives/mixed.md": """
        ---
        title: Mixed results
        cycle: 2026-Q4
        owner: Ana Lima
        key_results:
          - {id: low, title: Low, start: 0, target: 10, current: 3.9}
          - {id: edge, title: Edge, start: 0, target: 10, current: 4}
          - {id: mid, title: Mid, start: 100, target: 50, current: 70}
          - {id: high, title: High, start: 0, target: 10, current: 7}
          - {id: graded, title: Graded by hand, score: 0.95}
        ---
    """,
}


def test_key_results_carry_their_grade(make_site: Make, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--site", str(make_site(SITE)), "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "api/portfolio.json").read_text())
    krs = {kr["id"]: kr for kr in data["objectives"][0]["key_results"]}
    # 3.9/10 = 0.39 red; 0.4 yellow; (100 - 70) / 50 = 0.6 yellow; 0.7 green; score 0.95 green
    assert {k: kr["grade"] for k, kr in krs.items()} == {
        "low": "red",
        "edge": "yellow",
        "mid": "yellow",
        "high": "green",
        "graded": "green",
    }
    exported = json.loads(
        CliRunner().invoke(cli, ["export", "--site", str(make_site(SITE))]).output
    )
    assert exported["objectives"][0]["key_results"] == data["objectives"][0]["key_results"]
    page = BeautifulSoup((out / "objectives/mixed/index.html").read_text(), "html.parser")
    # the row shows the key result's status (its bar takes the status colour,
    # not the grade band): the page and the export agree on it
    for kid, kr in krs.items():
        row = page.select_one(f"#kr-{kid}")
        assert row is not None and row.select_one(f".status-{kr['status']}") is not None, kid
        assert row.select_one(f".fill-{kr['status']}") is not None, kid
