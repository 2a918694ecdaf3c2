"""The "Explain this score" forecast line is written so that its sum works out.

Found checking figures by hand: a year-long cycle's forecast read
"forecast = 0.1468 + 0.00138 × 364 = 0.648", which works out to 0.649: the
slope, 0.0013774, was written with five decimals. The intercept and slope
now get the decimals with which the equation, worked out from the figures
as written, gives the forecast as written.
"""

from __future__ import annotations

import re
from decimal import Decimal
from html import unescape
from pathlib import Path

from conftest import run_cli, write_site

from okrsite.view.explain import equation_places

CHECKINS = {"2026-02-01": 1200000, "2026-05-01": 1350000, "2026-08-02": 1500000}


def test_a_year_long_cycles_forecast_adds_up(tmp_path: Path) -> None:
    files = {
        "okrsite.toml": 'title = "Test"\nas_of = 2026-08-16\n',
        "content/people/uma-diaz.md": "---\ntitle: Uma Diaz\n---\n",
        "content/objectives/revenue.md": (
            "---\ntitle: Become the leading vendor\ncycle: 2026\nowner: Uma Diaz\n"
            "key_results:\n  - Grow revenue from €1M to €2M\n---\n"
        ),
    }
    for day, value in CHECKINS.items():
        files[f"content/checkins/revenue/{day}.md"] = f"---\nvalues: {{kr1: {value}}}\n---\n"
    site = write_site(tmp_path / "s", files)
    code, out = run_cli("build", "--site", str(site))
    assert code == 0, out
    page = unescape((site / "_site/objectives/revenue/index.html").read_text("utf-8"))
    found = re.search(r"forecast = ([\d.]+) \+ ([\d.]+) × (\d+) = ([\d.]+)</code>", page)
    assert found is not None
    intercept, slope, at, raw = (Decimal(x) for x in found.groups())
    assert (intercept + slope * at).quantize(Decimal("0.001")) == raw, found.group(0)
    assert len(found[2].split(".")[1]) > 5  # the slope needed more than five decimals


def test_equation_places() -> None:
    assert equation_places(0.1, 0.01, 91, 0.1 + 0.01 * 91) == (4, 5)  # a quarter's
    assert equation_places(0.1468, 0.0013774, 364, 0.1468 + 0.0013774 * 364) == (4, 6)
