"""Follow-ups found while merging fix 46: one truth for the current cycle,
owners' names in the portfolio export, and a time alone's hint.

Each test builds a real site from real files through the real CLI.
"""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli, write_site

OBJECTIVE_Q4 = """
    ---
    title: Answer customers faster
    cycle: 2026-Q4
    owner: Tom Lee
    key_results:
      - {id: csat, title: Satisfaction to 92, start: 81, target: 92}
    ---
    """


def test_a_time_alone_in_a_check_in_not_named_for_a_day_is_offered_as_of_s_day(
    tmp_path: Path,
) -> None:
    """``date: 9:15`` in ``weekly-notes.md``: the hint names as_of's day (in
    the running quarter), not a fixed 2026-02-10 outside every running cycle;
    a file named for a day still gets that day."""
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Acme"\n',
            "content/people/tom-lee.md": "---\ntitle: Tom Lee\n---\n",
            "content/objectives/support.md": OBJECTIVE_Q4,
            "content/checkins/support/weekly-notes.md": (
                "---\nobjective: support\ndate: 9:15\nvalues: {csat: 85}\n---\n"
            ),
            "content/checkins/support/2026-11-21.md": (
                "---\nobjective: support\ndate: 9:15\nvalues: {csat: 86}\n---\n"
            ),
        },
    )
    code, said = run_cli("check", "--site", str(root), "--as-of", "2026-11-25")
    assert code == 1, said
    assert "2026-02-10" not in said, said
    assert "<the day of as_of>" not in said, said
    assert "write the day too: date: 2026-11-25 9:15" in said, said
    assert "write the day too: date: 2026-11-21 9:15 (the day the file is named for)" in said, said
