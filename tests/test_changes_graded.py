"""The dashboard's "What changed" and a key result graded with ``score:``.

A ``score:`` is an end-of-cycle grade that replaces the key result's
progress, so a check-in that moves its value moves no points of progress:
the dashboard says 0 points (the key result counts, with its grade), where
a dropped one, which counts nowhere, gets none at all. A key result without
a grade beside it still moves its points. Built from a real site on disk.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup
from click.testing import CliRunner
from conftest import write_site

from okrsite.cli import cli


def moves(site: Path) -> dict[str, str]:
    result = CliRunner().invoke(cli, ["build", "--site", str(site)])
    assert result.exit_code == 0, result.output
    soup = BeautifulSoup((site / "_site/index.html").read_text("utf-8"), "html.parser")
    out = {}
    for li in soup.find_all("li"):
        text = re.sub(r"\s+", " ", li.get_text()).strip()
        bdi = li.find("bdi", recursive=False)
        if bdi is not None and ("→" in text):
            out[bdi.get_text()] = text
    return out


def test_graded_key_results_move_no_points_of_progress(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Acme"\nas_of = "2026-09-01"\ndefault_cycle = "2026-Q3"\n',
            "content/objectives/ship.md": "---\ntitle: Ship it\nowner: Uma Diaz\n"
            "cycle: 2026-Q3\nkey_results:\n"
            "  - {id: beta, title: Beta, done: false, score: 0.4}\n"
            "  - {id: num, title: Num, target: 10, current: 2, score: 0.9}\n"
            "  - {id: ok, title: Ok, done: true}\n"
            "  - {id: plain, title: Plain, target: 10, current: 2}\n"
            "  - {id: gone, title: Gone, target: 10, current: 2, status: dropped}\n"
            "---\n",
            "content/checkins/ship/2026-08-30.md": "---\n"
            "values: {beta: ja, num: 8, plain: 4, gone: 6}\n---\n",
        },
    )
    found = moves(site)
    assert found["Beta"] == "Beta: not done → done (0 points of progress)"
    assert found["Num"] == "Num: 2 → 8 (0 points of progress)"
    assert found["Plain"] == "Plain: 2 → 4 (+20 points of progress)"
    assert "point" not in found["Gone"] and "counts nowhere" in found["Gone"]
