"""A figure written with a currency's code is read by one rule wherever it stands.

A German site read a key result's ``target: "USD 4,000"`` beside ``unit:
USD`` as 4000 (through the code's sign: ``$4,000``, which groups thousands
in every language) but the check-in's ``"USD 2,000"`` of the same key
result as 2 (the German decimal comma): progress 0.05% with a warning on
the value only, and a target without ``unit:`` was 4. Now the code of the
dollar, the pound or the yen groups thousands before or after the figure,
in the goal file and the check-in alike, as their signs do; the euro's code
follows the site's language, as ``€4,000`` does.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import run_cli, write_site

_OBJECTIVE = """\
---
title: Money
cycle: 2026-Q4
owner: Uma Diaz
key_results:
  - {id: c, title: C, start: 0, target: "USD 4,000", unit: USD}
  - {id: d, title: D, start: 0, target: "USD 4,000"}
  - {id: e, title: E, start: 0, target: "4,000 USD", unit: USD}
  - {id: g, title: G, start: 0, target: "GBP 4,000"}
  - {id: h, title: H, start: 0, target: "EUR 4,000", unit: EUR}
---
"""
_CHECKIN = """\
---
date: 2026-11-10
values: {c: "USD 2,000", d: "USD 2,000", e: "2,000 USD", g: "2,000 GBP", h: "EUR 2,000"}
---
"""


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_figure_with_a_currency_code_reads_alike_in_target_and_check_in(
    tmp_path: Path, language: str
) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": f'title = "M"\nlanguage = "{language}"\n',
            "content/people/uma-diaz.md": "---\ntitle: Uma Diaz\n---\n",
            "content/objectives/m.md": _OBJECTIVE,
            "content/checkins/m/2026-11-10.md": _CHECKIN,
        },
    )
    code, out = run_cli("build", "--site", str(site), "--as-of", "2026-11-20", "--no-history")
    assert code == 0, out
    portfolio = json.loads((site / "_site/api/portfolio.json").read_text(encoding="utf-8"))
    (objective,) = portfolio["objectives"]
    read = {
        kr["id"]: (kr["target"], kr["current"], kr["progress"]) for kr in objective["key_results"]
    }
    # dollars and pounds: thousands on either site, target and check-in alike
    for kr in "cdeg":
        assert read[kr] == (4000, 2000, 0.5), (kr, read[kr])
    # euros: as the site writes numbers (4 and 2 in German), still one rule for both
    euro = (4000, 2000, 0.5) if language == "en" else (4, 2, 0.5)
    assert read["h"] == euro, read["h"]

    # no dollar or pound figure read as 2 or 4 where 2000 is meant (a German
    # site warns of the euro value, "EUR 2,000" read as 2, as of "2,000", and
    # of the euro target, "EUR 4,000" read as 4, by the same rule: fix47)
    warned = [line for line in out.splitlines() if "OKR124" in line]
    assert len(warned) == (0 if language == "en" else 2), out

    page = (site / "_site/objectives/m/index.html").read_text(encoding="utf-8")
    for kr in "cdegh":
        row = re.search(rf'<tr id="kr-{kr}">.*?</tr>', page, re.S)
        assert row is not None, kr
        assert 'data-progress="0.5"' in row[0], (kr, row[0])
