"""A sparkline's label and tooltip write a KPI's value with the decimals its
tile and page write it with (audit 44 verifyc A, kpidata 4): 2.99996% under
"healthy ≥ 3%" is "…to 2.99996% on 2026-11-01" beside "2.99996% warning" on
the dashboard, the KPI index and the objective page of a key result reading
it, never "to 3%", which would put the warning figure on the threshold.

The audit's site, written as a user writes it and built with ``okrsite build``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import run_cli, write_site

KPI = """---
title: Conversion
unit: "%"
target: 3.5
thresholds: {green: 3, red: 2}
values: {2026-10-01: 2.5, 2026-11-01: 2.99996}
---
"""

OBJECTIVE = """---
title: Serve customers
owner: Uma Diaz
cycle: 2026-Q4
key_results:
  - {id: share, title: Conversion, kpi: conv, start: 2, target: 3}
  - {id: b, title: B, start: 0, target: 10}
---
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site")
    write_site(
        root,
        {
            "okrsite.toml": 'title = "R"\n',
            "content/kpis/conv.md": KPI,
            "content/objectives/q4.md": OBJECTIVE,
        },
    )
    out = tmp_path_factory.mktemp("out")
    code, output = run_cli(
        "build", "--site", str(root), "--out", str(out), "--as-of", "2026-11-25", "--no-cache"
    )
    assert code == 0, output
    return out


def _sparkline_labels(html: str) -> list[str]:
    """The aria-label and <title> of every sparkline of a page."""
    said = []
    for svg in re.findall(r'<svg [^>]*class="sparkline".*?</svg>', html, re.S):
        said.append(re.search(r'aria-label="([^"]*)"', svg).group(1))  # type: ignore[union-attr]
        said.append(re.search(r"<title>(.*?)</title>", svg, re.S).group(1))  # type: ignore[union-attr]
    return said


@pytest.mark.parametrize("page", ["index.html", "kpis/index.html", "objectives/q4/index.html"])
def test_the_sparkline_writes_the_value_its_tile_writes(site: Path, page: str) -> None:
    html = (site / page).read_text(encoding="utf-8")
    labels = _sparkline_labels(html)
    assert labels, f"no sparkline on {page}"
    for label in labels:
        assert "to 2.99996% on 2026-11-01" in label, (page, label)
        assert "to 3% on" not in label, (page, label)
        # the first value needs no more decimals than it has
        assert "from 2.5% on 2026-10-01" in label, (page, label)


def test_the_tile_beside_it_says_the_same(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<span class="tile-value">2.99996% <svg' in html
