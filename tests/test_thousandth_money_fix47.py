"""OKR124 for a figure with a currency's sign or code, wherever it stands.

A German site warned of a check-in's ``"EUR 2,000"`` (read as 2, its comma
a decimal one) but not of the key result's ``target: "EUR 4,000"`` beside
``unit: EUR``, read alike (4): the goal file hands the target on as ``4,000
€``, and the one rule (:func:`okrsite.parse_number_marks.quoted_thousands_words`)
saw only a bare ``4,000``, as it did not the check-in's ``"€2,000"``. Now it
looks past a currency's sign that changes nothing in the reading, so a
start, a target, a threshold and a KPI's figures are warned of as a
check-in's value is; ``$4,000`` (4000 everywhere) is not.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli, write_site

_OBJECTIVE = """\
---
title: Money
cycle: 2026-Q4
owner: Uma Diaz
key_results:
  - {id: a, title: A, start: "EUR 1,000", target: "EUR 4,000", unit: EUR}
  - {id: b, title: B, start: 0, target: "€4,000"}
  - {id: c, title: C, start: 0, target: "4,000 €"}
  - {id: d, title: D, stay_above: "EUR 3,000", unit: EUR}
  - {id: e, title: E, start: 0, target: "$4,000"}
---
"""
_KPI = """\
---
title: Revenue
owner: Uma Diaz
target: "€5,000"
thresholds: {green: "€4,000", red: "€2,000"}
values: {2026-11: 4500}
---
"""
_CHECKIN = """\
---
date: 2026-11-10
values: {a: "€2,000", b: "2,000 €", e: "$2,000"}
---
"""


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_money_figure_read_a_thousandth_is_warned_of_in_targets_as_in_values(
    tmp_path: Path, language: str
) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": f'title = "M"\nlanguage = "{language}"\n',
            "content/people/uma-diaz.md": "---\ntitle: Uma Diaz\n---\n",
            "content/objectives/m.md": _OBJECTIVE,
            "content/kpis/revenue.md": _KPI,
            "content/checkins/m/2026-11-10.md": _CHECKIN,
        },
    )
    code, out = run_cli("build", "--site", str(site), "--as-of", "2026-11-20", "--no-history")
    assert code == 0, out
    warned = sorted(
        line.split(": warning")[0] for line in out.splitlines() if "warning OKR124" in line
    )
    if language == "en":
        assert warned == [], out  # €4,000 is 4000 on an English site: nothing to warn of
        return
    assert warned == [
        "content/checkins/m/2026-11-10.md:3:13",  # a: "€2,000"
        "content/checkins/m/2026-11-10.md:3:26",  # b: "2,000 €"
        "content/kpis/revenue.md:4:9",  # target
        "content/kpis/revenue.md:5:21",  # green
        "content/kpis/revenue.md:5:36",  # red
        "content/objectives/m.md:6:30",  # a's start
        "content/objectives/m.md:6:51",  # a's target
        "content/objectives/m.md:7:41",  # b's target
        "content/objectives/m.md:8:41",  # c's target
        "content/objectives/m.md:9:35",  # d's stay_above
    ], out
    assert (
        "content/objectives/m.md:6:51: warning OKR124: 4,000 is read as 4 (a decimal comma, "
        "as this site writes numbers); with a comma that groups thousands it is 4000 "
        "(hint: write 4000, or 4 if you mean 4)"
    ) in out, out
    # the dollar's figures are thousands on every site: read so, no warning
    portfolio = json.loads((site / "_site/api/portfolio.json").read_text(encoding="utf-8"))
    (objective,) = portfolio["objectives"]
    read = {kr["id"]: (kr["target"], kr["current"]) for kr in objective["key_results"]}
    assert read["e"] == (4000, 2000), read
    assert read["a"] == (4, 2), read  # read as the site writes numbers, warned of
