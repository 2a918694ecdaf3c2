""" "Explain this score" writes each comparison so that it reads true.

An objective 0.1503 behind is at risk: three decimals would write "behind
0.15 > 0.15". The explanation writes as many decimals as make it true, the
same the dashboard's attention list gives its points behind (15.03), and one
that ended just short of its success level reads "0.6996 < 0.7", not "0.7 <
0.7". The expected figure is read from the built site's own JSON, so the
value that lands the objective there is worked out, not guessed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from okrsite.cli import cli

MakeSite = Callable[[dict[str, str | bytes]], Path]
SCALE = 1_000_000
GOAL = """\
---
title: Grow revenue
owner: Uma Diaz
cycle: 2026-Q4
key_results:
  - id: arr
    title: Reach ARR
    start: 0
    target: {target}
    current: {current}
---
"""


def build(site: Path, as_of: str) -> Path:
    out = site / "_site"
    result = CliRunner().invoke(
        cli, ["build", "--site", str(site), "--out", str(out), "--as-of", as_of]
    )
    assert result.exit_code == 0, result.output
    return out


def score(out: Path) -> dict[str, object]:
    data = json.loads((out / "api/portfolio.json").read_text("utf-8"))
    found: dict[str, object] = data["objectives"][0]
    return found


def explained(out: Path) -> str:
    page = (out / "objectives/grow/index.html").read_text("utf-8")
    return page[page.index("behind = expected") :]


def test_at_risk_by_a_hair_shows_the_decimals_that_tell(make_site: MakeSite) -> None:
    files: dict[str, str | bytes] = {"okrsite.toml": 'title = "Acme"\n'}
    files["content/objectives/grow.md"] = GOAL.format(target=SCALE, current=0)
    site = make_site(files)
    expected = score(build(site, "2026-11-20"))["expected"]
    assert isinstance(expected, float)
    current = round((expected - 0.1503) * SCALE)
    (site / "content/objectives/grow.md").write_text(GOAL.format(target=SCALE, current=current))
    out = build(site, "2026-11-20")
    s = score(out)
    assert s["status"] == "at-risk"
    behind = round(expected - current / SCALE, 9)
    assert 0.15025 < behind < 0.15035

    text = explained(out)
    assert "behind 0.1503 &gt; 0.15 and ≤ 0.3, so at risk." in text
    assert "0.15 &gt; 0.15" not in text
    dashboard = (out / "index.html").read_text("utf-8")
    assert "at risk: 15.03 points behind expected" in dashboard


def test_missed_by_a_hair_reads_below_the_success_level(make_site: MakeSite) -> None:
    files: dict[str, str | bytes] = {"okrsite.toml": 'title = "Acme"\n'}
    files["content/objectives/grow.md"] = GOAL.format(target=10000, current=6996)
    site = make_site(files)
    out = build(site, "2027-01-15")
    # committed: success at 1.0, so make it aspirational (0.7)
    (site / "content/objectives/grow.md").write_text(
        GOAL.format(target=10000, current=6996).replace(
            "cycle: 2026-Q4", "cycle: 2026-Q4\ncommitment: aspirational"
        )
    )
    out = build(site, "2027-01-15")
    assert score(out)["status"] == "missed"
    text = explained(out)
    assert "progress 0.6996 &lt; success 0.7, so missed." in text


def test_figures_just_short_of_a_band_or_of_one_keep_their_side(make_site: MakeSite) -> None:
    """A grade of 0.3996 is red and reads "0.3996 red" (two places would
    write 0.4, which is yellow); an objective at 0.99996 that is not done
    is not written as progress 1 in its explanation."""
    files: dict[str, str | bytes] = {"okrsite.toml": 'title = "Acme"\n'}
    files["content/objectives/grow.md"] = GOAL.format(target=10000, current=3996)
    files["content/objectives/near.md"] = GOAL.format(target=100000, current=99996).replace(
        "Grow revenue", "Nearly there"
    )
    site = make_site(files)
    out = build(site, "2026-11-20")
    grow = (out / "objectives/grow/index.html").read_text("utf-8")
    assert '0.3996 <span class="grade-word">red</span>' in grow
    assert '0.4 <span class="grade-word">red' not in grow
    assert "(1 × 0.3996) ÷ 1 = 0.3996" in grow
    near = (out / "objectives/near/index.html").read_text("utf-8")
    assert "(1 × 0.99996) ÷ 1 = 0.99996" in near
    assert "= 1</code>" not in near


def test_no_stale_objectives_is_said_of_the_dashboards_cycle(make_site: MakeSite) -> None:
    """A stale objective of a yearly cycle does not count in the quarter the
    dashboard shows: the dashboard says there is none stale in that quarter,
    not that no running objective has gone too long without a check-in."""
    year = GOAL.format(target=10, current=5).replace("cycle: 2026-Q4", "cycle: '2026'")
    files: dict[str, str | bytes] = {"okrsite.toml": 'title = "Acme"\n'}
    files["content/objectives/grow.md"] = GOAL.format(target=10, current=5)
    files["content/objectives/year.md"] = year.replace("Grow revenue", "Yearly plan")
    files["content/checkins/grow/2026-11-19.md"] = "---\nobjective: grow\nvalues: {arr: 6}\n---\n"
    site = make_site(files)
    out = build(site, "2026-11-20")
    data = json.loads((out / "api/portfolio.json").read_text("utf-8"))
    assert {o["id"]: o["stale"] for o in data["objectives"]} == {"grow": False, "year": True}
    dashboard = (out / "index.html").read_text("utf-8")
    assert "No stale objectives in <bdi>2026-Q4</bdi>: none of its running objectives" in dashboard
    assert "no running objective has gone too long" not in dashboard


def test_no_stale_objectives_claims_no_check_in_that_is_not_there(make_site: MakeSite) -> None:
    """Ten days into a quarter, an objective without any check-in is not stale
    yet: the dashboard does not say it "had a recent check-in"."""
    site = make_site(
        {
            "okrsite.toml": 'title = "Acme"\n',
            "content/objectives/grow.md": GOAL.format(target=10, current=5),
        }
    )
    dashboard = (build(site, "2026-10-10") / "index.html").read_text("utf-8")
    assert (
        "No stale objectives in <bdi>2026-Q4</bdi>: none of its running objectives has gone "
        "too long without a check-in."
    ) in dashboard
    assert "recent check-in" not in dashboard


def test_a_key_result_just_short_of_done_is_not_written_1_beside_others(
    make_site: MakeSite,
) -> None:
    """The objective's 0.74998 reads fine with three decimals; its key result
    at 0.999967 does not: its row read "= 1" beside "99%" and its 0.999967
    in the CSV and JSON."""
    site = make_site(
        {
            "okrsite.toml": 'title = "x"\n',
            "content/objectives/deal.md": (
                "---\ntitle: Deal\ncycle: 2026-Q4\nkey_results:\n"
                '  - {id: deal, title: Close big deal, start: 0, target: "$1,500,000",'
                ' current: "$1,499,950"}\n'
                "  - {id: other, title: Other, target: 10, current: 5}\n---\n"
            ),
        }
    )
    out = build(site, "2026-11-16")
    page = (out / "objectives/deal/index.html").read_text("utf-8")
    assert "(1,499,950 − 0) ÷ (1,500,000 − 0) = 0.99997<" in page
    assert "(1 × 0.99997 + 1 × 0.5) ÷ 2 = 0.74998" in page
    assert "= 1<" not in page


def test_a_dropped_objective_explains_the_mean_it_shows(make_site: MakeSite) -> None:
    """Its key results said "Counted: no", then "nothing counted: progress =
    1": the 100% it shows is its own key results' mean, where it stood."""
    site = make_site(
        {
            "okrsite.toml": 'title = "x"\n',
            "content/objectives/gone.md": (
                "---\ntitle: Gone\ncycle: 2026-Q4\nstatus: dropped\nkey_results:\n"
                "  - {id: a, title: A, target: 4, current: 4}\n"
                "  - {id: b, title: B, target: 4, current: 2, status: draft}\n---\n"
            ),
        }
    )
    out = build(site, "2026-11-16")
    page = (out / "objectives/gone/index.html").read_text("utf-8")
    assert "nothing counted" not in page
    assert "(1 × 1) ÷ 1 = 1" in page
    rows = page.split("Explain this score", 1)[1].split("</table>", 1)[0]
    # counted in its own mean, which counts nowhere (no bare "yes" above
    # "the objective is dropped, so it counts nowhere")
    assert rows.count(">only in this figure: the objective counts nowhere<") == 1
    assert rows.count("no (draft or dropped)") == 1 and ">yes<" not in rows
    assert score(out)["progress"] == 1
