"""The progress chart of an objective ends at the figure its page heads with.

An objective's progress also moves through a check-in of an objective
aligned to one of its roll-up key results, or a new reading of a KPI one of
its key results reads. The chart used to end at the objective's own last
check-in, so the headline (and "Explain this score") said one figure and the
chart's text alternative and table another (a11y audit 44, finding 6).
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_cli, write_site

SITE: dict[str, str | bytes] = {
    "okrsite.toml": 'title = "Chart end"\n',
    "content/objectives/grow.md": """
        ---
        title: Grow revenue
        cycle: 2026-Q4
        owner: Uma Diaz
        key_results:
          - {id: deals, title: Close 10 deals, start: 0, target: 10}
          - {id: launch, title: Launch the product, kind: rollup}
        ---
    """,
    "content/objectives/launch.md": """
        ---
        title: Launch the product
        cycle: 2026-Q4
        owner: Uma Diaz
        parent: grow#launch
        key_results:
          - {id: ship, title: Ship 4 features, start: 0, target: 4}
        ---
    """,
    "content/objectives/churn.md": """
        ---
        title: Keep customers
        cycle: 2026-Q4
        owner: Uma Diaz
        key_results:
          - {id: calls, title: Make 10 calls, start: 0, target: 10}
          - {id: nrr, title: Lift NRR to 110, kpi: nrr, start: 100, target: 110}
        ---
    """,
    "content/kpis/nrr.md": """
        ---
        title: Net revenue retention
        unit: "%"
        values: {2026-10-01: 100, 2026-11-10: 105}
        ---
    """,
    "content/checkins/g1.md": """
        ---
        objective: grow
        date: 2026-10-20
        values: {deals: 4}
        ---
    """,
    "content/checkins/l1.md": """
        ---
        objective: launch
        date: 2026-10-25
        values: {ship: 1}
        ---
    """,
    "content/checkins/l2.md": """
        ---
        objective: launch
        date: 2026-11-12
        values: {ship: 3}
        ---
    """,
    "content/checkins/c1.md": """
        ---
        objective: churn
        date: 2026-10-15
        values: {calls: 5}
        ---
    """,
}


def _headline_and_table(page: str) -> tuple[str, list[tuple[str, str]]]:
    headline = re.search(r'<p class="big">.*?<span class="pct">([^<]*)</span>', page)
    assert headline is not None
    table = re.search(r'<table class="chart-table">(.*?)</table>', page, re.S)
    assert table is not None
    rows = re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td></tr>", table.group(1))
    return headline.group(1), rows


def test_chart_ends_at_the_headline_when_children_or_kpis_moved_it(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", SITE)
    out = tmp_path / "out"
    code, output = run_cli("build", "--site", str(site), "--as-of", "2026-11-20", "--out", str(out))
    assert code == 0, output

    # grow: deals 4/10 (weight 1) and the roll-up of launch (3/4 since 11-12)
    grow = (out / "objectives/grow/index.html").read_text(encoding="utf-8")
    headline, rows = _headline_and_table(grow)
    assert headline == "58%"  # (0.4 + 0.75) / 2
    # its own check-in on 10-20 (launch's 10-25 check-in is not drawn: only
    # the latest move is), then the day launch's check-in moved it
    assert rows == [("2026-10-20", "20%"), ("2026-11-12", "58%")]
    assert "to 58% on 2026-11-12" in grow

    # churn: calls 5/10, NRR read from the KPI: 105 since 11-10 (half way)
    churn = (out / "objectives/churn/index.html").read_text(encoding="utf-8")
    headline, rows = _headline_and_table(churn)
    assert headline == "50%"
    assert rows == [("2026-10-15", "25%"), ("2026-11-10", "50%")]

    # launch has no children: its chart is its own check-ins, unchanged
    launch = (out / "objectives/launch/index.html").read_text(encoding="utf-8")
    headline, rows = _headline_and_table(launch)
    assert headline == "75%"
    assert rows == [("2026-10-25", "25%"), ("2026-11-12", "75%")]
