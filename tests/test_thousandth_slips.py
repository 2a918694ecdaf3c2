"""OKR124 for a check-in value a thousand times too small, on sites of either
way of writing numbers (audit 43, findings 2 and 3).

A German site reads ``"4,800"`` with a decimal comma, as 4.8: pasted from an
English sheet it meant 4800, and only ``4.800`` was warned of. A key result
that starts at 0 (most do) was never weighed, and the warning for a typed
``1,275`` quoted ``1.275`` and a point, with a hint (``write 1.275``) that
warned again. Each case builds a site and runs ``okrsite check``; where it
warns, the figure its hint gives is written back and must check clean.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_load_cache import run

OBJECTIVE = """---
title: Build pipeline
cycle: 2026-Q4
owner: Bob Stone
key_results:
  - id: pipe
    title: Qualified pipeline
{measure}
  - id: calls
    title: Calls
    target: 40
---
"""

#: language, the value as written, the key result's measure, and what the
#: warning says (``None``: no OKR124), its hint
CASES = [
    ("de", '"4,800"', "target: 12000", "4,800 is read as 4.8 (a decimal comma", "write 4800"),
    ("de", '"4,825"', "target: 12000", "4,825 is read as 4.825 (a decimal comma", "write 4825"),
    ("de", "4,825", "target: 12000", "4,825 is read as 4.825 (a decimal comma", "write 4825"),
    (
        "de",
        '"1,275"',
        "start: 1200\n    target: 1500",
        "1,275 is read as 1.275 (a decimal comma, as this site writes numbers); with a "
        "comma that groups thousands it is 1275, as key result 'pipe' runs from 1200 to 1500",
        "write 1275)",
    ),
    ("de", "1.275", "start: 1200\n    target: 1500", "with a point", "write 1275)"),
    ("de", '"12,000"', "target: 50000", "12,000 is read as 12", "write 12000, or 12 if"),
    ("de", '"0,125"', "target: 1", None, None),  # an honest share
    ("de", '"12,5"', "target: 20", None, None),
    ("de", '"12,345"', "target: 20", None, None),  # 12.345 lies among 0 → 20
    ("de", '"1,275"', "target: 1.5", None, None),
    ("de", '"4,8"', "target: 10", None, None),
    ("en", '"4,800"', "target: 12000", None, None),  # 4800 on an English site
    ("en", "1.275", "target: 12000", "with a point that groups thousands it is 1275", "1,275"),
]


def checked(root: Path, language: str, value: str, measure: str) -> str:
    (root / "content" / "objectives").mkdir(parents=True, exist_ok=True)
    (root / "content" / "checkins").mkdir(parents=True, exist_ok=True)
    (root / "okrsite.toml").write_text(f'title = "T"\nlanguage = "{language}"\n', encoding="utf-8")
    (root / "content" / "objectives" / "pipeline.md").write_text(
        OBJECTIVE.format(measure=f"    {measure}"), encoding="utf-8"
    )
    (root / "content" / "checkins" / "2026-11-12.md").write_text(
        f"---\nobjective: pipeline\ndate: 2026-11-12\nvalues:\n  pipe: {value}\n  calls: 12\n---\n",
        encoding="utf-8",
    )
    code, text = run(
        "check", "--site", str(root), "--as-of", "2026-11-23", "--no-cache", "--strict"
    )
    assert "Traceback" not in text
    assert code == (1 if "OKR124" in text else 0), text
    return text


@pytest.mark.parametrize("language,value,measure,said,hint", CASES)
def test_a_thousandfold_slip_is_warned_of_as_written(
    tmp_path: Path, language: str, value: str, measure: str, said: str | None, hint: str | None
) -> None:
    text = checked(tmp_path, language, value, measure)
    if said is None:
        assert "OKR124" not in text, text
        return
    (line,) = [line for line in text.splitlines() if "OKR124" in line]
    assert "content/checkins/2026-11-12.md:5:" in line, line
    assert said in line and hint in line, line
    meant = re.search(r"\(hint: write ([^ ,)]+)", line)
    assert meant is not None, line
    again = checked(tmp_path, language, meant[1], measure)  # the hint, taken: no warning
    assert "OKR124" not in again, again
