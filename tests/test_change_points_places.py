"""The dashboard's "What changed" writes a move of progress with the decimals that show it.

Found checking figures by hand: a key result at 35 of 100 checked in at
34.97 read "35 → 34.97 (0 points of progress)" on the dashboard while the
objective crossed from on track to at risk (behind expected by more than
15 points), and "0 points of progress" is what a graded key result's move
reads. The move is -0.03 points, and is now written so.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from conftest import run_cli, write_site

from okrsite.view.review import points_places


def dashboard_moves(tmp_path: Path, new: str) -> list[str]:
    site = write_site(
        tmp_path / "s",
        {
            "okrsite.toml": 'title = "Test"\nas_of = 2026-08-16\n',
            "content/people/uma-diaz.md": "---\ntitle: Uma Diaz\n---\n",
            "content/objectives/sales/boundary.md": (
                "---\ntitle: Boundary fifteen\ncycle: 2026-Q3\nowner: Uma Diaz\nkey_results:\n"
                "  - {id: a, title: Reach 35 demos, target: 100}\n---\n"
            ),
            "content/checkins/sales/boundary/2026-08-01.md": "---\nvalues: {a: 35}\n---\n",
            "content/checkins/sales/boundary/2026-08-14.md": f"---\nvalues: {{a: {new}}}\n---\n",
        },
    )
    code, out = run_cli("build", "--site", str(site))
    assert code == 0, out
    page = (site / "_site/index.html").read_text(encoding="utf-8")
    text = unescape(re.sub(r"<[^>]+>", "", page))
    return re.findall(r"35 → [\d.]+ \(([^)]*points? of progress)\)", text)


@pytest.mark.parametrize(
    ("new", "said"),
    [
        ("34.97", "-0.03 points of progress"),
        ("34.9", "-0.1 points of progress"),
        ("36.5", "+1.5 points of progress"),
        ("35.0004", "+0.0004 points of progress"),
    ],
)
def test_a_small_move_is_not_written_as_none(tmp_path: Path, new: str, said: str) -> None:
    assert dashboard_moves(tmp_path, new) == [said]


def test_points_places() -> None:
    assert [points_places(p) for p in (None, 0.0, 2.0, -0.03, 0.049, 0.05, 1e-9)] == [
        1,
        1,
        1,
        2,
        2,
        1,
        6,
    ]
