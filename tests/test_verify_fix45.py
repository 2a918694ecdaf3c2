"""Audit 45 (verification): the small problems found next to the fixes,
through the real CLI.

* the dashboard's "Needs attention" and "Stale objectives" say what is true
  of a cycle that has not started, has ended, or has no active objective.
* a check-in without ``date:`` is told as_of's day (or the day its file name
  holds), not a fixed day outside every running cycle.
* ``okrsite import`` reads a Grade column of figures as the scores.
* ``okrsite carry`` writes figures into a German title with a decimal comma.
* a Teams index row counts KPIs and goals with its sub-teams, as its objectives.
* an author address of a first name alone (``ben@``) is told whose, as ``park@`` is.
"""

from __future__ import annotations

import html as html_mod
import re
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from okrsite.cli import cli


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args))


def text_of(page: Path) -> str:
    """The page's text, tags out, spaces folded."""
    raw = re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))
    return re.sub(r"\s+", " ", html_mod.unescape(raw))


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def build(root: Path, out: Path, as_of: str) -> Path:
    result = run("build", "--site", str(root), "--out", str(out), "--as-of", as_of)
    assert result.exit_code == 0, result.output
    return out


# ------------------------------------------------------- 1. the dashboard's empty states
PLAN = (
    "---\ntitle: Plan {name}\nowner: Uma Diaz\ncycle: {cycle}\nstatus: {status}\n"
    "key_results:\n  - {{id: a, title: Hire 2 engineers, target: 2, current: 1}}\n"
    "  - {{id: b, title: Ship v2, target: 1}}\n---\n"
)


def dashboard_of(tmp_path: Path, cycle: str, status: str, as_of: str, language: str = "en") -> str:
    root = write(
        tmp_path / "site",
        {
            "okrsite.toml": f'title = "T"\nlanguage = "{language}"\n',
            "content/objectives/one.md": PLAN.format(name="one", cycle=cycle, status=status),
            "content/objectives/two.md": PLAN.format(name="two", cycle=cycle, status=status),
        },
    )
    return text_of(build(root, tmp_path / "out", as_of) / "index.html")


def test_an_upcoming_cycle_says_when_it_starts_not_that_everything_is_on_track(
    tmp_path: Path,
) -> None:
    page = dashboard_of(tmp_path, "2027-Q1", "active", "2026-12-05")
    assert "This cycle has not started yet" in page, page
    assert "every running objective" not in page, page
    assert "none of its running objectives" not in page, page
    assert "Nothing needs attention: 2027-Q1 starts on 2027-01-01" in page, page
    assert "No stale objectives in 2027-Q1 : it starts on 2027-01-01" in page, page


def test_a_cycle_of_drafts_says_no_objective_is_active(tmp_path: Path) -> None:
    page = dashboard_of(tmp_path, "2026-Q4", "draft", "2026-12-05")
    assert "every running objective" not in page, page
    assert "none of its running objectives" not in page, page
    assert "Nothing needs attention: no objective of 2026-Q4 is active" in page, page
    assert "No stale objectives in 2026-Q4 : none of its objectives is active" in page, page
    german = dashboard_of(tmp_path / "de", "2026-Q4", "draft", "2026-12-05", "de")
    assert "kein Ziel von 2026-Q4 ist aktiv" in german, german


def test_the_stale_section_of_an_ended_cycle_says_it_ended(tmp_path: Path) -> None:
    page = dashboard_of(tmp_path, "2025-Q3", "active", "2026-12-05")
    assert "none of its running objectives" not in page, page
    assert "No stale objectives in 2025-Q3 : it ended on 2025-09-30" in page, page
    german = dashboard_of(tmp_path / "de", "2025-Q3", "active", "2026-12-05", "de")
    assert "endete am 30.09.2025" in german and "nicht mehr verfolgt" in german, german


def test_a_running_cycle_still_says_every_running_objective_is_fine(tmp_path: Path) -> None:
    root = write(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "T"\n',
            "content/objectives/one.md": PLAN.format(name="one", cycle="2026-Q4", status="active"),
            "content/checkins/one/2026-12-01.md": "---\nconfidence: 8\nvalues: {a: 2, b: 1}\n---\n",
        },
    )
    page = text_of(build(root, tmp_path / "out", "2026-12-05") / "index.html")
    assert "none of its running objectives has gone too long" in page, page


# ------------------------------------------------------ 2. a check-in without date:
def test_a_checkin_without_date_is_told_a_day_that_fits_not_a_fixed_one(tmp_path: Path) -> None:
    root = write(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "T"\n',
            "content/objectives/grow.md": PLAN.format(name="g", cycle="2026-Q4", status="active"),
            "content/checkins/grow/weekly-update.md": "---\nvalues: {a: 2}\n---\n",
            "content/checkins/grow/grow-a-2026-11-17.md": "---\nvalues: {a: 1}\n---\n",
        },
    )
    result = run("check", "--site", str(root), "--as-of", "2026-12-05")
    assert result.exit_code == 1, result.output
    assert "2026-02-10" not in result.output, result.output
    assert (
        "content/checkins/grow/weekly-update.md:1: error OKR101: missing required key 'date' "
        "(hint: add 'date: 2026-12-05' (year-month-day))"
    ) in result.output, result.output
    assert (
        "content/checkins/grow/grow-a-2026-11-17.md:1: error OKR101: missing required key "
        "'date' (hint: add 'date: 2026-11-17' (year-month-day))"
    ) in result.output, result.output


# ------------------------------------------------------ 3. okrsite import: a Grade column
def _import(tmp_path: Path, grades: tuple[str, str]) -> Any:
    tmp_path.mkdir(parents=True, exist_ok=True)
    sheet = tmp_path / "okrs.csv"
    sheet.write_text(
        "Objective,Key result,Owner,Cycle,Target,Current,Grade\n"
        f"Renew top accounts,QBRs with top 40 accounts,Uma Diaz,2026-Q4,40,30,{grades[0]}\n"
        f"Renew top accounts,NPS 50,Uma Diaz,2026-Q4,50,45,{grades[1]}\n",
        encoding="utf-8",
    )
    (tmp_path / "site/content").mkdir(parents=True)
    result = run("import", str(sheet), "--site", str(tmp_path / "site"))
    assert result.exit_code == 0, result.output
    return result


def test_a_grade_column_of_figures_is_imported_as_the_scores(tmp_path: Path) -> None:
    result = _import(tmp_path, ("0.6", "90%"))
    written = (tmp_path / "site/content/objectives/renew-top-accounts.md").read_text()
    assert "score: 0.6" in written and "score: 0.9" in written, written + result.output


def test_a_grade_column_of_colours_is_read_past_and_one_of_words_is_said(
    tmp_path: Path,
) -> None:
    result = _import(tmp_path / "colours", ("green", "red"))
    written = (tmp_path / "colours/site/content/objectives/renew-top-accounts.md").read_text()
    assert "score" not in written and "not imported" not in result.output, result.output
    result = _import(tmp_path / "words", ("good", "0.5"))
    assert "columns not imported: 'Grade'" in result.output, result.output


# ------------------------------------------------------ 4. carry on a German site
GERMAN_GOAL = """---
title: Umsatz steigern
cycle: 2026-Q4
owner: Uma Diaz
key_results:
  - {id: umsatz, title: "Umsatz von 1,2 Mio. € auf 2 Mio. €", start: "1.200.000 €", target: "2.000.000 €", unit: €}
  - {id: frt, title: Antwortzeit von 8 h auf 2 h, start: 8, target: 2, unit: h}
  - {id: quote, title: Quote von 20 % auf 30 %, start: 20, target: 30, unit: "%"}
---
"""


def test_carry_writes_the_figures_of_german_titles_with_a_decimal_comma(tmp_path: Path) -> None:
    root = write(
        tmp_path / "site",
        {
            "okrsite.toml": 'language = "de"\n',
            "content/objectives/o.md": GERMAN_GOAL,
            "content/checkins/o/2026-12-30.md": (
                '---\ndate: 2026-12-30\nvalues: {umsatz: "1.904.500 €", frt: "3,04 h", '
                'quote: "29,97 %"}\n---\n'
            ),
        },
    )
    result = run("carry", "2026-Q4", "2027-Q1", "--site", str(root), "--as-of", "2027-01-06")
    assert result.exit_code == 0, result.output
    written = (root / "content/objectives/o-2027-q1.md").read_text(encoding="utf-8")
    assert "Umsatz von 1,9045 Mio. € auf 2 Mio. €" in written, written
    assert "Antwortzeit von 3,04 h auf 2 h" in written, written
    assert "Quote von 29,97 % auf 30 %" in written, written
    check = run("check", "--site", str(root), "--as-of", "2027-01-06")
    assert "OKR409" not in check.output, check.output


def test_carry_keeps_a_decimal_point_on_an_english_site(tmp_path: Path) -> None:
    root = write(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "T"\n',
            "content/objectives/o.md": (
                "---\ntitle: Faster\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
                "  - {id: frt, title: First response from 8 h to 2 h, start: 8, target: 2, unit: h}\n"
                "  - {id: b, title: Ship v2, target: 1}\n---\n"
            ),
            "content/checkins/o/2026-12-30.md": "---\ndate: 2026-12-30\nvalues: {frt: 3.04}\n---\n",
        },
    )
    result = run("carry", "2026-Q4", "2027-Q1", "--site", str(root), "--as-of", "2027-01-06")
    assert result.exit_code == 0, result.output
    written = (root / "content/objectives/o-2027-q1.md").read_text(encoding="utf-8")
    assert "First response from 3.04 h to 2 h" in written, written


# ------------------------------------------------------ 5. the Teams index
def test_a_team_row_counts_kpis_and_goals_with_its_sub_teams_as_its_objectives(
    tmp_path: Path,
) -> None:
    kpi = "---\ntitle: {title}\nteam: {team}\nunit: '%'\ntarget: 50\n---\n"
    root = write(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "T"\n',
            "content/teams/cs.md": "---\ntitle: Customer Success\n---\n",
            "content/teams/support.md": "---\ntitle: Support\nparent: cs\n---\n",
            "content/objectives/one.md": PLAN.format(
                name="one", cycle="2026-Q4", status="active"
            ).replace("owner: Uma Diaz", "team: cs"),
            "content/objectives/two.md": PLAN.format(
                name="two", cycle="2026-Q4", status="active"
            ).replace("owner: Uma Diaz", "team: support"),
            "content/kpis/nps.md": kpi.format(title="NPS", team="cs"),
            "content/kpis/frt.md": kpi.format(title="First reply", team="support"),
        },
    )
    out = build(root, tmp_path / "out", "2026-12-05")
    page = text_of(out / "teams/index.html")
    assert "Customer Success 2 objectives in 2026-Q4 · 2 KPIs" in page, page
    assert "Support 1 objective in 2026-Q4 · 1 KPI" in page, page


# ------------------------------------------------------ 6. an author's address by first name
def test_an_author_address_of_a_first_name_is_told_whose_as_one_of_a_last_name(
    tmp_path: Path,
) -> None:
    checkin = (
        "---\nobjective: logos\ndate: 2026-11-{day}\nauthor: {author}\nvalues: {{n: 1}}\n---\n"
    )
    root = write(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "T"\n',
            "content/people/eve-park.md": "---\ntitle: Eve Park\n---\n",
            "content/people/ben-ortiz.md": "---\ntitle: Ben Ortiz\n---\n",
            "content/objectives/logos.md": (
                "---\ntitle: Win new logos\ncycle: 2026-Q4\nowner: Eve Park\n"
                "key_results:\n  - {id: n, title: New logos, start: 0, target: 10}\n---\n"
            ),
            "content/checkins/a.md": checkin.format(day="16", author="ben@acme.com"),
            "content/checkins/b.md": checkin.format(day="17", author="eve@acme.com"),
            "content/checkins/c.md": checkin.format(day="18", author="park@acme.com"),
        },
    )
    result = run("check", "--site", str(root), "--as-of", "2026-11-23")
    said = {line.split(":", 1)[0]: line for line in result.output.splitlines() if "OKR306" in line}
    assert "did you mean Ben Ortiz (ben-ortiz)?" in said["content/checkins/a.md"], said
    assert "did you mean Eve Park (eve-park)?" in said["content/checkins/b.md"], said
    assert "did you mean Eve Park (eve-park)?" in said["content/checkins/c.md"], said
