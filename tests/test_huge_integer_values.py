"""A check-in's ``values:`` written as a list holding a number of hundreds of
digits (found by the property test of any front matter): YAML reads it as an
int too large for a float; the file is refused with a short message, not a
crash."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli, write_site


@pytest.mark.parametrize("digits", [300, 5000])
def test_a_huge_integer_in_a_values_list_is_refused_with_a_message(
    tmp_path: Path, digits: int
) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "x"\n',
            "content/objectives/grow.md": (
                "---\ntitle: Grow\ncycle: 2026-Q4\nowner: Uma Diaz\n"
                "key_results:\n  - {id: a, title: A, start: 0, target: 10}\n---\n"
            ),
            "content/checkins/grow/2026-11-10.md": (
                f"---\nobjective: grow\nvalues: [{'7' * digits}]\n---\n"
            ),
        },
    )
    code, output = run_cli("check", "--site", str(site), "--as-of", "2026-11-20")
    assert code == 1, output
    assert "Traceback" not in output
    [line] = [line for line in output.splitlines() if "2026-11-10.md" in line]
    assert "is no 'key: value' entry" in line and len(line) < 400, line
    if digits == 300:  # an int (past 4,300 digits YAML keeps the text: an excerpt)
        assert "item 1 (a number of 300 digits)" in line, line
