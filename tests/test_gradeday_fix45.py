"""Audit 45 (grading day): the end-of-quarter review, through the real CLI.

* a change made after the cycle ended is "after … ended" in the history
  (page and ``api/history.json``), as ``okrsite diff`` says, never mid-cycle.
* ``grade:`` on a key result is its ``score:``; ``score: 7/10`` reads as 0.7;
  a grade written on an objective or in a check-in is told where it goes.
* ``okrsite carry`` keeps a carried start within 1% of the way left.
* the dashboard of an ended cycle: the other cycle's check-ins are not said
  to run "around it", and "every running objective is on track" is not said
  when none runs.
* the chart's caption says when a late check-in widens its axis.
"""

from __future__ import annotations

import html as html_mod
import json
import re
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from gitrepo import Repo

from okrsite.cli import cli


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args))


def text_of(page: Path) -> str:
    """The page's text, tags out, spaces folded."""
    raw = re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))
    return re.sub(r"\s+", " ", html_mod.unescape(raw))


# ------------------------------------------------------------- 1. after the end
QBR = (
    "---\ntitle: Renew top accounts\ncycle: 2026-Q4\nkey_results:\n"
    "  - {{id: qbr, title: QBRs with top 40 accounts, target: {target}, current: 30{score}}}\n"
    "  - {{id: nps, title: NPS 40, target: 40, current: 20}}\n---\n"
)


def test_a_change_after_the_cycle_ended_is_after_it_ended_in_history_as_in_diff(
    tmp_path: Path,
) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", 'title = "T"\n')
    goal = "content/objectives/qbr.md"
    repo.write(goal, QBR.format(target=40, score=""))
    repo.commit("base", "alice", "2026-09-20T10:00:00+00:00")
    repo.write(goal, QBR.format(target=38, score=""))
    repo.commit("ease mid-quarter", "alice", "2026-11-02T10:00:00+00:00")
    repo.write(goal, QBR.format(target=36, score=""))
    repo.commit("lower target after the quarter", "alice", "2027-01-05T10:00:00+00:00")
    repo.write(goal, QBR.format(target=36, score=", score: 0.6"))
    repo.commit("grade it", "alice", "2027-01-06T09:00:00+00:00")
    said = run("diff", "--site", str(repo.root), "HEAD~2", "HEAD~1", "--as-of", "2027-01-06").output
    said += run(
        "diff",
        "--site",
        str(repo.root),
        "HEAD~2",
        "HEAD~1",
        "--format",
        "json",
        "--as-of",
        "2027-01-06",
    ).output
    assert "after 2026-Q4 ended" in said and '"cycle_ended": "2026-Q4"' in said, said

    out = tmp_path / "out"
    result = run("build", "--site", str(repo.root), "--out", str(out), "--as-of", "2027-01-06")
    assert result.exit_code == 0, result.output
    data = json.loads((out / "api/history.json").read_text(encoding="utf-8"))
    changes = data["objectives"]["qbr"]["key_results"]["qbr"]["changes"]
    by_new = {c["new"]: c for c in changes if c["field"] in ("target", "score")}
    after = by_new[36]
    assert after["mid_cycle"] is False and after["cycle_ended"] == "2026-Q4", after
    during = by_new[38]
    assert during["mid_cycle"] is True and "cycle_ended" not in during, during
    graded = by_new[0.6]  # grading after the end is what teams do: not marked
    assert graded["mid_cycle"] is False and "cycle_ended" not in graded, graded

    page = text_of(out / "objectives/qbr/index.html")
    entry = re.search(r"target 38 → 36 [^·]*", page)
    assert entry and "after 2026-Q4 ended" in entry.group(0), page
    assert "mid-cycle" not in entry.group(0), entry.group(0)
    before = re.search(r"target 40 → 38 [^·]*", page)
    assert before and "mid-cycle" in before.group(0) and "ended" not in before.group(0), page


# ------------------------------------------------------------- 2. grades as written
PARTNERS = """---
title: Open the partner channel
cycle: 2026-Q4
{top}key_results:
  - id: partners
    title: Sign 10 reseller partners
    target: 10
    current: 4
    {partners}
  - id: sourced
    title: Partner-sourced pipeline $500k
    target: 500000
    unit: $
    {sourced}
---
"""


def grade_site(tmp_path: Path, top: str = "", partners: str = "", sourced: str = "") -> Path:
    root = tmp_path / "site"
    (root / "content/objectives").mkdir(parents=True, exist_ok=True)
    (root / "okrsite.toml").write_text('title = "T"\nas_of = "2027-01-06"\n', encoding="utf-8")
    text = PARTNERS.format(top=top, partners=partners, sourced=sourced)
    (root / "content/objectives/partners.md").write_text(text, encoding="utf-8")
    return root


def test_grade_on_a_key_result_is_its_score_and_seven_tenths_reads_as_0_7(tmp_path: Path) -> None:
    root = grade_site(tmp_path, partners="score: 7/10", sourced="grade: 0.6")
    out = tmp_path / "out"
    result = run("build", "--site", str(root), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "OKR111" not in result.output and "OKR102" not in result.output, result.output
    page = text_of(out / "objectives/partners/index.html")
    assert "(graded 0.7)" in page and "(graded 0.6)" in page, page
    assert "Grade 0.65" in page, page  # (0.7 + 0.6) / 2


def test_score_and_grade_both_written_is_an_error_naming_both(tmp_path: Path) -> None:
    root = grade_site(tmp_path, sourced="score: 0.5\n    grade: 0.6")
    result = run("check", "--site", str(root))
    assert result.exit_code == 1, result.output
    said = [line for line in result.output.splitlines() if "OKR109" in line]
    assert said and "score: 0.5" in said[0] and "grade: 0.6" in said[0], result.output


def test_a_grade_where_none_is_read_is_told_to_go_under_each_key_result(tmp_path: Path) -> None:
    root = grade_site(tmp_path / "a", top="grade: 0.7\n", partners="score: high")
    result = run("check", "--site", str(root))
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    unknown = [line for line in lines if "OKR111" in line]
    assert unknown and "grade each key result with score:" in unknown[0], result.output
    refused = [line for line in lines if "OKR102" in line]
    assert refused and "write the score as 0.7, 70% or 7/10" in refused[0], result.output
    assert "1,000,000" not in refused[0], refused[0]

    root = grade_site(tmp_path / "b")
    checkins = root / "content/checkins/partners"
    checkins.mkdir(parents=True)
    (checkins / "2027-01-06.md").write_text("---\ngrade: 0.6\npartners: 5\n---\n", encoding="utf-8")
    result = run("check", "--site", str(root))
    unknown = [line for line in result.output.splitlines() if "OKR111" in line]
    assert unknown and "grade each key result with score:" in unknown[0], result.output
    assert "has no key result" not in unknown[0], unknown[0]


# ------------------------------------------------------------- 3. carry's start
BOOKINGS = """---
title: Hit Q4 new bookings
cycle: 2026-Q4
owner: Uma Diaz
key_results:
  - id: bookings
    title: New bookings from $1.2M to $2M
    start: 1,200,000
    target: 2,000,000
    unit: $
  - id: playbook
    title: Ship the enterprise playbook
    done: false
---
"""


def test_carry_keeps_the_start_within_one_percent_of_the_way_left(tmp_path: Path) -> None:
    root = tmp_path / "site"
    (root / "content/objectives").mkdir(parents=True)
    (root / "content/checkins/bookings").mkdir(parents=True)
    (root / "okrsite.toml").write_text('title = "T"\n', encoding="utf-8")
    (root / "content/objectives/bookings.md").write_text(BOOKINGS, encoding="utf-8")
    (root / "content/checkins/bookings/2027-01-05.md").write_text(
        '---\nauthor: Uma Diaz\nvalues: {bookings: "$1,904,500"}\n---\n', encoding="utf-8"
    )
    result = run("carry", "2026-Q4", "2027-Q1", "--site", str(root), "--as-of", "2027-01-06")
    assert result.exit_code == 0, result.output
    draft = (root / "content/objectives/bookings-2027-q1.md").read_text(encoding="utf-8")
    assert "start: 1904500\n" in draft, draft  # not 1900000: 4.7% of the $95,500 left
    assert "title: New bookings from $1.9045M to $2M" in draft, draft
    result = run("check", "--site", str(root), "--as-of", "2027-01-06")
    assert "OKR409" not in result.output, result.output  # the title agrees with the start


# ------------------------------------------------------------- 4-6. an ended cycle's pages
SUPPORT = """---
title: Faster support
cycle: {cycle}
status: {status}
key_results:
  - id: frt
    title: First response from 8 h to 2 h
    start: 8
    target: 2
    unit: h
---
"""


def ended_site(tmp_path: Path) -> Path:
    """2026-Q4 with a late check-in of 2027-01-05, and a draft of 2027-Q1
    (carried, not yet active): on 2027-01-06 the dashboard stays on 2026-Q4."""
    root = tmp_path / "site"
    (root / "content/objectives").mkdir(parents=True)
    (root / "content/checkins/support").mkdir(parents=True)
    (root / "okrsite.toml").write_text('title = "T"\n', encoding="utf-8")
    objectives = root / "content/objectives"
    (objectives / "support.md").write_text(
        SUPPORT.format(cycle="2026-Q4", status="active"), encoding="utf-8"
    )
    (objectives / "support-q1.md").write_text(
        SUPPORT.format(cycle="2027-Q1", status="draft"), encoding="utf-8"
    )
    checkins = root / "content/checkins/support"
    (checkins / "2026-12-02.md").write_text("---\nfrt: 4 h\n---\n", encoding="utf-8")
    (checkins / "2027-01-05.md").write_text("---\nfrt: 3 h\n---\n", encoding="utf-8")
    return root


def build_ended(tmp_path: Path, language: str = "en") -> Path:
    root = ended_site(tmp_path)
    if language != "en":
        (root / "okrsite.toml").write_text(f'title = "T"\nlanguage = "{language}"\n')
    out = tmp_path / "out"
    result = run("build", "--site", str(root), "--out", str(out), "--as-of", "2027-01-06")
    assert result.exit_code == 0, result.output
    return out


def test_the_next_cycle_is_running_now_not_around_the_ended_one(tmp_path: Path) -> None:
    out = build_ended(tmp_path)
    page = text_of(out / "index.html")
    assert "This cycle ended on 2026-12-31." in page, page
    assert "running around it" not in page, page
    assert "of 2026-Q4 and of 2027-Q1 , running now, and of KPIs" in page, page
    german = text_of(build_ended(tmp_path / "de", "de") / "index.html")
    assert "derzeit laufend" in german, german


def test_nothing_needs_attention_of_an_ended_cycle_points_to_its_scorecard(
    tmp_path: Path,
) -> None:
    out = build_ended(tmp_path)
    html = (out / "index.html").read_text(encoding="utf-8")
    page = text_of(out / "index.html")
    assert "every running objective is on track" not in page, page
    assert "Nothing needs attention: 2026-Q4 ended on 2026-12-31" in page, page
    assert '<a href="cycles/2026-Q4/index.html#scorecard">scorecard</a>' in html, html
    german = text_of(build_ended(tmp_path / "de", "de") / "index.html")
    assert "zur Bilanz" in german, german


def test_the_chart_caption_names_the_late_check_in_that_widens_its_axis(tmp_path: Path) -> None:
    out = build_ended(tmp_path)
    page = text_of(out / "objectives/support/index.html")
    assert "From the first to the last day of cycle 2026-Q4" not in page, page
    assert "From the first day of cycle 2026-Q4 to the check-in of 2027-01-05, after it." in page
