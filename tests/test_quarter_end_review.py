"""The end-of-quarter review (audit 43): the cycle pages show, and what they say.

- Once a quarter ends on the day its last month (a December sprint) ends,
  the dashboard, the Teams and People indexes and the cycles page stayed on
  the month: ``current_cycle`` broke the tie by the *shortest* cycle.
  review.md promises that the dashboard stays on the quarter being
  reviewed; now the longest of the cycles that ended last is chosen (while
  both run, the shortest still is, as scoring.md says).
- A cycle whose counted objectives all weigh 0 showed 0%, expected 0 and
  grade red beside its only objective's green 90%: now it has no figure
  and no grade, as when none counts. An objective whose key results all
  weigh 0 keeps the documented 0 (scoring.md), the same everywhere.
- The cycle page of a cycle with only drafts said "No key result with a
  measure of its own" (they have measures; they count nowhere), and a
  draft's "Explain this score" listed its key results as "Counted: yes"
  above "the objective is draft, so it counts nowhere": now "only in this
  figure" (they make its own mean, which counts nowhere).

Real sites written as users write them, through the real CLI.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from conftest import run_cli, write_site

QUARTER = """
    ---
    title: Quarter goal
    cycle: 2026-Q4
    owner: Uma Diaz
    team: sales
    key_results:
      - title: Close 40 deals
        target: 40
        current: 30
      - title: Ship it
        done: false
    ---
    """

SPRINT = """
    ---
    title: December sprint
    cycle: 2026-12
    owner: Uma Diaz
    team: sales
    key_results:
      - title: Fix 30 bugs
        target: 30
        current: 24
      - title: Ship it
        done: true
    ---
    """


def build(root: Path) -> Path:
    out = root / "_site"
    code, said = run_cli("build", "--site", str(root), "--out", str(out), "--no-cache")
    assert code == 0, said
    return out


def main_text(page: Path) -> str:
    """A page's ``<main>`` as words, tags gone, spaces folded."""
    html = page.read_text("utf-8")
    html = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def quarter_and_sprint(tmp_path: Path, as_of: str) -> Path:
    return write_site(
        tmp_path / "site",
        {
            "okrsite.toml": f'title = "M"\nas_of = {as_of}\n',
            "content/objectives/quarter.md": QUARTER,
            "content/objectives/sprint.md": SPRINT,
        },
    )


# ------------------------------------------------------------ the dashboard's cycle


def test_after_the_quarter_the_dashboard_stays_on_the_quarter_not_its_last_month(
    tmp_path: Path,
) -> None:
    """2026-Q4 and 2026-12 both end on 31 December; after it, during the
    review (the drafts carried into 2027-Q1 not yet active), every page that
    shows "the" cycle shows the quarter."""
    root = quarter_and_sprint(tmp_path, "2027-01-05")
    code, said = run_cli("carry", "2026-Q4", "2027-Q1", "--site", str(root))
    assert code == 0, said
    out = build(root)
    dashboard = main_text(out / "index.html")
    assert dashboard.startswith("M 2026-Q4 (2026-10-01 – 2026-12-31) This cycle ended"), dashboard
    assert "Other cycles: 2027-Q1 · 2026-12" in dashboard, dashboard
    assert "Figures for cycle 2026-Q4" in main_text(out / "teams/index.html")
    assert "Figures for cycle 2026-Q4" in main_text(out / "people/index.html")
    cycles = main_text(out / "cycles/index.html")
    assert "2026-Q4 2026-10-01 – 2026-12-31 · 1 objective · current · ended" in cycles, cycles
    assert "2026-12 2026-12-01 – 2026-12-31 · 1 objective · ended" in cycles, cycles


def test_while_both_run_the_month_is_the_current_cycle(tmp_path: Path) -> None:
    """The running tie is unchanged (scoring.md): the shortest cycle
    containing as_of, the month being worked on inside its quarter."""
    out = build(quarter_and_sprint(tmp_path, "2026-12-31"))
    dashboard = main_text(out / "index.html")
    assert dashboard.startswith("M 2026-12 (2026-12-01 – 2026-12-31)"), dashboard


# ------------------------------------------------------------ weights that sum to 0

ZERO_WEIGHT = """
    ---
    title: Zero weight
    cycle: 2027-03
    owner: A B
    team: ops
    weight: 0
    key_results:
      - id: a
        title: Do 10 things
        target: 10
        current: 8
      - id: b
        title: Shipped
        done: true
    ---
    """

KEY_RESULTS_WEIGH_ZERO = """
    ---
    title: Nothing weighs
    cycle: 2027-02
    owner: A B
    key_results:
      - id: a
        title: Do 10 things
        target: 10
        current: 8
        weight: 0
      - id: b
        title: Shipped
        done: true
        weight: 0
    ---
    """


def zero_weights(tmp_path: Path) -> Path:
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "M"\nas_of = 2027-04-02\n',
            "content/objectives/zero.md": ZERO_WEIGHT,
            "content/objectives/nothing.md": KEY_RESULTS_WEIGH_ZERO,
        },
    )
    return build(root)


def test_a_cycle_whose_objectives_all_weigh_0_has_no_figure(tmp_path: Path) -> None:
    out = zero_weights(tmp_path)
    card = json.loads((out / "api/cycles/2027-03.json").read_text("utf-8"))
    for tally in (card["summary"], card["commitment"]["committed"], *card["teams"]):
        assert tally["counted"] == 1
        assert (tally["progress"], tally["expected"], tally["grade"]) == (None, None, None)
        assert tally["grades"] == {"red": 0, "yellow": 0, "green": 1}
    (row,) = card["objectives"]
    assert (row["progress"], row["grade"]) == (0.9, "green")  # its own figure stays
    # the pages: "–", never a red 0%
    dashboard = main_text(out / "index.html")
    assert "This cycle ended on 2027-03-31. – 1 objective: 1 missed" in dashboard, dashboard
    cycles = main_text(out / "cycles/index.html")
    assert "2027-03 2027-03-01 – 2027-03-31 · 1 objective · current · ended –" in cycles
    page = main_text(out / "cycles/2027-03/index.html")
    assert "2027-03-01 – 2027-03-31 – 1 objective: 1 missed" in page, page
    assert "ops 1 0 1 – – – 0 0 1" in page, page  # own, with sub-teams, expected: none
    assert "ops 1 objective in 2027-03 –" in main_text(out / "teams/index.html")
    assert "A B 1 objective in 2027-03 –" in main_text(out / "people/index.html")
    assert "in 2027-03 (current cycle) – 1 objective" in main_text(out / "teams/ops/index.html")
    assert "missed 1 0 progress – – By team" in page, page  # committed, aspirational


def test_an_objective_whose_key_results_all_weigh_0_is_0_everywhere(tmp_path: Path) -> None:
    """scoring.md: key result weights that sum to 0 give the objective 0; the
    pages, the JSON and the CSVs all say so, and its cycle counts it at 0."""
    out = zero_weights(tmp_path)
    portfolio = json.loads((out / "api/portfolio.json").read_text("utf-8"))
    (obj,) = [o for o in portfolio["objectives"] if o["id"] == "nothing"]
    assert (obj["progress"], obj["grade"]) == (0, "red")
    rows = list(csv.DictReader(io.StringIO((out / "api/objectives.csv").read_text("utf-8"))))
    (row,) = [r for r in rows if r["id"] == "nothing"]
    assert row["progress"] == "0"
    card = json.loads((out / "api/cycles/2027-02.json").read_text("utf-8"))
    assert (card["summary"]["progress"], card["summary"]["grade"]) == (0, "red")
    assert "Nothing weighs A B · 2027-02 missed 0%" in main_text(out / "people/a-b/index.html")


# ------------------------------------------------------------ drafts count nowhere


def test_a_cycle_of_drafts_says_none_counts(tmp_path: Path) -> None:
    root = quarter_and_sprint(tmp_path, "2027-01-05")
    code, said = run_cli("carry", "2026-Q4", "2027-Q1", "--site", str(root))
    assert code == 0, said
    (root / "okrsite.toml").write_text('title = "M"\nas_of = 2027-01-05\nlanguage = "de"\n')
    out = build(root)
    page = main_text(out / "cycles/2027-Q1/index.html")
    assert (
        "Keine gezählten Schlüsselergebnisse: Jedes Ziel ist ein Entwurf oder aufgegeben." in page
    )
    (root / "okrsite.toml").write_text('title = "M"\nas_of = 2027-01-05\n')
    out = build(root)
    page = main_text(out / "cycles/2027-Q1/index.html")
    assert "No counted key results: every objective is a draft or dropped." in page, page
    assert "No key result with a measure of its own." not in page
    # a cycle that counts keeps its list
    assert "Key results that moved least Key result Objective" in main_text(
        out / "cycles/2026-Q4/index.html"
    )


def explained_counted(page: Path) -> list[str]:
    """The "Counted" cells of "Explain this score"."""
    return re.findall(r'<td data-label="Counted">([^<]*)</td>', page.read_text("utf-8"))


def test_explain_lists_a_drafts_key_results_as_not_counted(tmp_path: Path) -> None:
    root = quarter_and_sprint(tmp_path, "2027-01-05")
    code, said = run_cli("carry", "2026-Q4", "2027-Q1", "--site", str(root))
    assert code == 0, said
    out = build(root)
    draft = out / "objectives/quarter-2027-q1/index.html"
    # they count in the draft's own figure (the mean it explains), nowhere else
    assert explained_counted(draft) == ["only in this figure: the objective counts nowhere"] * 2
    assert "The objective is draft, so it counts nowhere." in draft.read_text("utf-8")
    assert explained_counted(out / "objectives/quarter/index.html") == ["yes", "yes"]
