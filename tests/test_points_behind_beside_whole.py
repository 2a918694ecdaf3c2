"""Points behind beside whole percentages that do not subtract to them.

Found checking figures by hand: an objective at 46% with expected 62% was
"at risk: 17 points behind expected" on the dashboard (the gap between the
unrounded figures, 16.64), which a manager checking the sum reads as 16 and
a slip. Whole points stay where they are the difference of the whole
percentages beside them; else one decimal says the gap is the unrounded one.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from conftest import run_cli, write_site


def attention(tmp_path: Path, value: str) -> list[tuple[str, str, str]]:
    site = write_site(
        tmp_path / "s",
        {
            "okrsite.toml": 'title = "Test"\nas_of = 2026-08-16\n',
            "content/people/uma-diaz.md": "---\ntitle: Uma Diaz\n---\n",
            "content/objectives/o.md": (
                "---\ntitle: Win demos\ncycle: 2026-Q3\nowner: Uma Diaz\nkey_results:\n"
                "  - {id: a, title: Reach demos, target: 100}\n---\n"
            ),
            "content/checkins/o/2026-08-14.md": f"---\nvalues: {{a: {value}}}\n---\n",
        },
    )
    code, out = run_cli("build", "--site", str(site))
    assert code == 0, out
    text = unescape(re.sub(r"<[^>]+>", " ", (site / "_site/index.html").read_text("utf-8")))
    text = re.sub(r"\s+", " ", text)
    return re.findall(r"expected ([\d.]+%) \S+ \S+ ([\d.]+%) .*?: ([\d.]+) points behind", text)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("8", [("50%", "8%", "42")]),  # 42 = 50 - 8: whole
        ("7.5", [("50%", "8%", "42.5")]),  # 42.5 behind, 8% (7.5 rounds up) beside 50%
        ("12.5", [("50%", "13%", "37.5")]),  # 37.5: whole 38 would not be 50 - 13
    ],
)
def test_points_behind(tmp_path: Path, value: str, shown: list[tuple[str, str, str]]) -> None:
    assert attention(tmp_path, value) == shown
