"""A yes/no key result reads the same on every part of its objective's page
as in its score: a check-in's yes or no counts over the file's ``done:``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup
from click.testing import CliRunner

from okrsite.cli import cli

Make = Callable[[dict[str, str | bytes]], Path]

SITE: dict[str, str | bytes] = {
    "okrsite.toml": 'title = "Partners"\nas_of = 2026-11-20\n',
    "content/objectives/sales/partners.md": """
        ---
        title: Build a partner channel
        cycle: 2026-Q4
        owner: Mara Costa
        key_results:
          - id: portal
            title: Partner portal live
            done: no
          - id: contract
            title: Contract template signed off
            done: yes
          - id: webinar
            title: First partner webinar held
            done: no
        ---
    """,
    "content/checkins/sales/partners/2026-11-18.md": """
        ---
        objective: sales/partners
        date: 2026-11-18 9am
        author: Mara Costa
        values: {portal: yes, contract: no}
        ---
        The portal is live; legal reopened the contract.
    """,
}


def test_a_checkin_s_yes_or_no_is_what_the_page_says(make_site: Make, tmp_path: Path) -> None:
    site = make_site(SITE)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--out", str(out)])
    assert result.exit_code == 0, result.output
    page = BeautifulSoup(
        (out / "objectives/sales/partners/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    portfolio = json.loads((out / "api/portfolio.json").read_text(encoding="utf-8"))
    progress = {k["id"]: k["progress"] for k in portfolio["objectives"][0]["key_results"]}
    assert progress == {"portal": 1, "contract": 0, "webinar": 0}

    values = {}
    for row in page.select("tr[id^='kr-']"):
        cell = row.select_one('td[data-label="Values"]')
        assert cell is not None
        values[str(row["id"])] = cell.get_text(" ", strip=True)
    assert values == {"kr-portal": "done", "kr-contract": "not done", "kr-webinar": "not done"}

    explain = {
        tr.select_one("td").get_text(strip=True): [  # type: ignore[union-attr]
            td.get_text(" ", strip=True) for td in tr.select("td")
        ]
        for tr in page.select(".explain tbody tr")
        if tr.select_one("td") is not None
    }
    assert explain["Partner portal live"][1] == "done → 1"
    assert explain["Contract template signed off"][1] == "not done → 0"
    assert explain["First partner webinar held"][1] == "not done → 0"
