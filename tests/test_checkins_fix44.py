"""Check-ins after audit 44: sites as users write them, through the CLI.

1. A check-in dated after its cycle's end still counts, from its date, so an
   ended cycle's final scorecard moves on that date: OKR309 says so, and for
   a likely wrong year (``2027-01-15`` in 2026-Q1) names the day meant.
2. The forecast's tentative test counts only days within the cycle: a
   check-in from the previous quarter neither counts toward the 3 days nor
   stretches the span, and "Explain this score" says the in-cycle span.
3. A KPI with two check-ins on one day: "What changed" and the feed list the
   day's last reading once, from the KPI's value of the day before, as the
   KPI's page says; ``okrsite diff`` gives both files that same previous.
4. A check-in filed for a SMART goal says it is a goal and what to do.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import run_cli, write_site
from test_diff_fixtures import commit, init_repo

BOOKINGS = """
    ---
    title: Grow bookings
    cycle: 2026-Q1
    owner: Uma Diaz
    key_results:
      - {id: bookings, title: Bookings, start: 100000, target: 500000, unit: USD}
    ---
    """


def _check(root: Path) -> tuple[int, str]:
    return run_cli("check", "--site", str(root), "--as-of", "2026-04-10")


def test_late_checkin_warns_it_moves_the_final_scorecard(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "t"\n',
            "content/objectives/o.md": BOOKINGS,
            "content/checkins/o/2026-03-10.md": "---\nvalues: {bookings: 350000}\n---\n",
            "content/checkins/o/2026-04-05.md": "---\nvalues: {bookings: 480000}\n---\n",
            "content/checkins/o/2027-01-15.md": "---\nvalues: {bookings: 999999}\n---\n",
        },
    )
    code, out = _check(root)
    assert code == 0, out
    late = next(line for line in out.splitlines() if "o/2026-04-05.md" in line)
    assert "OKR309" in late
    assert "changes the ended cycle's final figures from 2026-04-05" in late, late
    assert "did you mean" not in late  # five days late: a late close, no typo
    typo = next(line for line in out.splitlines() if "o/2027-01-15.md" in line)
    assert "changes the ended cycle's final figures from 2027-01-15" in typo, typo
    assert "did you mean 2026-01-15?" in typo, typo
    # it still counts (not frozen): the final figure moves on its date, as
    # docs/review.md now says
    figures = []
    for as_of in ("2026-04-01", "2026-04-10"):
        out_dir = tmp_path / f"out-{as_of}"
        code, text = run_cli("build", "--site", str(root), "--as-of", as_of, "--out", str(out_dir))
        assert code == 0, text
        card = json.loads((out_dir / "api/cycles/2026-Q1.json").read_text(encoding="utf-8"))
        assert card["final"] is True
        figures.append(card["summary"]["progress"])
    assert figures == [0.625, 0.95]


def test_precycle_checkin_does_not_make_the_forecast_firm(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "t"\n',
            "content/objectives/o.md": """
                ---
                title: Book meetings
                cycle: 2026-Q1
                owner: Uma Diaz
                key_results:
                  - {id: m, title: Meetings, target: 100}
                ---
                """,
            "content/checkins/o/2025-11-01.md": "---\nvalues: {m: 5}\n---\n",
            "content/checkins/o/2026-01-02.md": "---\nvalues: {m: 6}\n---\n",
            "content/checkins/o/2026-01-03.md": "---\nvalues: {m: 30}\n---\n",
        },
    )
    code, out = run_cli("export", "--site", str(root), "--as-of", "2026-01-05")
    assert code == 0, out
    (obj,) = json.loads(out)["objectives"]
    assert obj["forecast"] is not None  # the pre-cycle point stays in the line
    assert obj["forecast_tentative"] is True
    out_dir = tmp_path / "out"
    code, text = run_cli(
        "build", "--site", str(root), "--as-of", "2026-01-05", "--out", str(out_dir)
    )
    assert code == 0, text
    page = (out_dir / "objectives/o/index.html").read_text(encoding="utf-8")
    basis = re.search(r'class="forecast-basis">([^<]*)<', page)
    assert basis is not None
    assert basis.group(1) == (
        "It rests on 3 days with a check-in (2 of them in the cycle), "
        "spanning 2 days of the cycle's 90 (2%)."
    ), basis.group(1)
    assert "forecast-tentative" in page


PIPELINE = """
    ---
    title: Qualified pipeline
    owner: Uma Diaz
    unit: USD
    direction: up
    target: 2000000
    values:
      2026-03-01: 1500000
    ---
    """


def test_kpi_reading_overruled_the_same_day_is_no_previous(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {"okrsite.toml": 'title = "t"\n', "content/kpis/pipeline.md": PIPELINE},
    )
    init_repo(root)
    commit(root, "kpi")
    for value, when in (("$1.6M", "Mar 14, 2026 at 9am"), ("1,650,000", "2026-03-14T17:00+01:00")):
        code, out = run_cli(
            "checkin", "pipeline", "--site", str(root), "--value", value, "--date", when
        )
        assert code == 0, out
    out_dir = tmp_path / "out"
    code, out = run_cli(
        "build", "--site", str(root), "--as-of", "2026-03-15", "--out", str(out_dir)
    )
    assert code == 0, out
    kpi_page = (out_dir / "kpis/pipeline/index.html").read_text(encoding="utf-8")
    assert "<dt>Previous</dt><dd>1,500,000 USD</dd>" in kpi_page
    for name in ("index.html", "checkins.xml"):
        text = (out_dir / name).read_text(encoding="utf-8")
        moves = re.findall(r"1,[0-9]{3},000 → 1,[0-9]{3},000", text)
        assert moves == ["1,500,000 → 1,650,000"], (name, moves)
    code, out = run_cli(
        "diff", "HEAD", "--site", str(root), "--as-of", "2026-03-15", "--format", "text"
    )
    assert code == 0, out
    added = "\n".join(line for line in out.splitlines() if "added" in line)
    moves = re.findall(r"1,[0-9]{3},000 USD → 1,[0-9]{3},000 USD", added)
    # both files are added; each moves from the KPI's value of the day before
    assert sorted(moves) == ["1,500,000 USD → 1,600,000 USD", "1,500,000 USD → 1,650,000 USD"], out


GOAL = """
    ---
    title: Ramp Uma
    owner: Uma Diaz
    due: 2026-06-30
    measure: from 0 to 10 deals
    ---
    """


def test_checkin_for_a_goal_says_it_is_a_goal(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "t"\n',
            "content/goals/uma-ramp.md": GOAL,
            "content/checkins/uma-ramp/2026-02-20.md": "---\nvalue: 4\n---\n",
            "content/checkins/2026-02-21.md": "---\nkpi: uma-ramp\nvalue: 5\n---\n",
        },
    )
    code, out = run_cli("check", "--site", str(root), "--as-of", "2026-03-01")
    assert code == 1, out
    filed = next(line for line in out.splitlines() if "uma-ramp/2026-02-20.md" in line)
    assert "OKR101" in filed
    assert "'uma-ramp' is a SMART goal" in filed, filed
    assert "set 'current:' in its measure (content/goals/uma-ramp.md)" in filed
    assert "okrsite checkin uma-ramp --value 4" in filed
    assert "add 'objective: <id>'" not in filed
    named = next(line for line in out.splitlines() if "checkins/2026-02-21.md" in line)
    assert "OKR303" in named and "'uma-ramp' is a SMART goal" in named, named
    assert "okrsite checkin uma-ramp --value 5" in named
