"""``okrsite checkin`` as a power user drives it: two values for one key
result, a milestone's tick in "What changed" and the feed, an editor that
fails, a title typed cut short, a percentage typed as a share of one, and a
check-in saved among the objectives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import files_of, run_cli, write_site

from okrsite import authoring_cli

OBJECTIVE = """\
---
title: Make the platform reliable
cycle: 2026-Q4
key_results:
  - id: uptime
    title: Raise availability from 99% to 99.9%
    start: 99
    target: 99.9
    unit: "%"
  - id: incidents
    title: Cut P1 incidents
    start: 12
    target: 3
    unit: incidents
  - id: runbooks
    title: Runbooks
    milestones:
      - {title: Write the on-call runbook, done: true}
      - Train the team
      - Game day
---
"""

QUALITY = """\
---
title: Ship with quality
cycle: 2026-Q4
key_results:
  - id: coverage
    title: Test coverage
    start: 40
    target: 80
    unit: "%"
  - id: raise-a
    title: Raise alerts quality
    start: 0
    target: 10
  - id: raise-b
    title: Raise alarms count
    start: 0
    target: 10
---
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Eng"\ndefault_cycle = "2026-Q4"\n',
            "content/objectives/eng/reliability.md": OBJECTIVE,
            "content/objectives/eng/quality.md": QUALITY,
            "content/checkins/eng/reliability/2026-12-01.md": (
                "---\ndate: 2026-12-01T09:00\nconfidence: 5\nvalues: {uptime: 99.4}\n---\n"
            ),
        },
    )


def checkin(site: Path, *args: str, input: str | None = None) -> tuple[int, str]:
    return run_cli("checkin", *args, "--site", str(site), input=input)


@pytest.mark.parametrize(
    "sets, said",
    [
        (
            ["uptime=99.6", "uptime=99.7"],
            "okrsite: --set uptime=99.6 and --set uptime=99.7 both give key result uptime "
            "a value (99.6 and 99.7); give it once, with the value you mean; nothing was written",
        ),
        (
            ["raise availability=99.7", "uptime=99.6"],
            "okrsite: --set 'raise availability=99.7' and --set uptime=99.6 both give key "
            "result uptime a value (99.7 and 99.6); give it once, with the value you mean; "
            "nothing was written",
        ),
        (
            ["uptime=99.6", "Raise availability=99.7"],
            "okrsite: --set uptime=99.6 and --set 'Raise availability=99.7' both give key "
            "result uptime a value (99.6 and 99.7); give it once, with the value you mean; "
            "nothing was written",
        ),
    ],
)
def test_two_values_for_one_key_result_are_refused(site: Path, sets: list[str], said: str) -> None:
    before = files_of(site)
    args = [arg for item in sets for arg in ("--set", item)]
    code, out = checkin(site, "reliability", *args, "--date", "2026-12-04 20:00")
    assert code == 1, out
    assert said in out.splitlines()
    assert files_of(site) == before


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_a_ticked_milestone_is_recorded_and_shown_in_what_changed(site: Path) -> None:
    code, out = checkin(
        site,
        "reliability",
        "--set",
        "runbooks=Train the team",
        "--note",
        "Trained everyone",
        "--confidence",
        "6",
        "--date",
        "2026-12-04 20:00",
    )
    assert code == 0, out
    text = (site / "content/checkins/eng/reliability/2026-12-04.md").read_text()
    assert text == (
        "---\nobjective: eng/reliability\ndate: 2026-12-04T20:00+00:00\nconfidence: 6\n"
        "values: {runbooks: Train the team}\n---\nTrained everyone\n"
    )
    assert (
        "- {title: Train the team, done: true}"
        in (site / "content/objectives/eng/reliability.md").read_text()
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 0 and "OKR307" not in out, out
    code, out = run_cli("build", "--site", str(site), "--as-of", "2026-12-04")
    assert code == 0, out
    dash = _text((site / "_site/index.html").read_text())
    assert (
        "Make the platform reliable · confidence 5 → 6/10 Runbooks : 1 → 2 of 3 milestones "
        "(+33.3 points of progress)" in dash
    )
    feed = _text(
        (site / "_site/checkins.xml").read_text().replace("&lt;", "<").replace("&gt;", ">")
    )
    assert "Runbooks: 1 → 2 of 3 milestones" in feed
    # in the site's language, as the key result's row writes a checklist
    config = site / "okrsite.toml"
    config.write_text(config.read_text() + 'language = "de"\n')
    code, out = run_cli("build", "--site", str(site), "--as-of", "2026-12-04")
    assert code == 0, out
    assert "Runbooks : 1 → 2 von 3 Meilensteinen" in _text((site / "_site/index.html").read_text())


def test_a_tick_with_only_a_note_records_it(site: Path) -> None:
    code, out = checkin(
        site, "reliability", "--set", "runbooks=Train", "--note", "Done", "--date", "2026-12-04"
    )
    assert code == 0, out
    assert "okrsite: wrote content/checkins/eng/reliability/2026-12-04.md" in out
    assert (site / "content/checkins/eng/reliability/2026-12-04.md").read_text() == (
        "---\nobjective: eng/reliability\ndate: 2026-12-04\n"
        "values: {runbooks: Train the team}\n---\nDone\n"
    )


def test_a_fragment_of_a_title_names_no_key_result(site: Path) -> None:
    code, out = checkin(site, "reliability", "--set", "Rai=99.5", "--date", "2026-12-04")
    assert code == 1 and "has no key result 'Rai'" in out, out


def test_a_milestone_named_in_a_checkin_but_not_done_is_still_refused(site: Path) -> None:
    (site / "content/checkins/eng/reliability/2026-12-02.md").write_text(
        "---\ndate: 2026-12-02\nvalues: {runbooks: Game day}\n---\n"
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 1
    assert "error OKR307: key result 'runbooks' is a checklist" in out


@pytest.mark.parametrize("editor", ["nosucheditor", "false"])
def test_a_failing_editor_keeps_the_answers(
    site: Path, monkeypatch: pytest.MonkeyPatch, editor: str
) -> None:
    monkeypatch.setenv("EDITOR", editor)
    monkeypatch.setenv("VISUAL", editor)
    monkeypatch.setattr(authoring_cli, "interactive", lambda: True)
    # uptime 99.7, incidents skipped (a checklist is not asked), confidence 7, the note
    code, out = checkin(site, "reliability", "--date", "2026-12-04", input="99.7\n\n7\nAll good\n")
    assert code == 0, out
    assert "okrsite: the editor for the note failed (" in out
    assert "your answers are kept: type the note on one line (Enter alone: no note)" in out
    text = (site / "content/checkins/eng/reliability/2026-12-04.md").read_text()
    assert text == (
        "---\nobjective: eng/reliability\ndate: 2026-12-04\nconfidence: 7\n"
        "values: {uptime: 99.7}\n---\nAll good\n"
    )


def test_a_title_cut_short_names_its_key_result(site: Path) -> None:
    code, out = checkin(site, "reliability", "--set", "Raise avail=99.5", "--date", "2026-12-04")
    assert code == 0, out
    assert "okrsite: 'Raise avail' is key result uptime" in out
    assert (
        "values: {uptime: 99.5}"
        in (site / "content/checkins/eng/reliability/2026-12-04.md").read_text()
    )


def test_a_start_of_two_titles_is_refused_naming_both(site: Path) -> None:
    before = files_of(site)
    code, out = checkin(site, "quality", "--set", "Raise al=5", "--date", "2026-12-04")
    assert code == 2, out
    assert (
        "--set Raise al=…: 'Raise al' is the start of the titles of raise-a "
        "('Raise alerts quality') and raise-b ('Raise alarms count'): give the key "
        "result's id or more of its title"
    ) in " ".join(out.split())
    assert files_of(site) == before


def test_a_share_of_one_for_a_percentage_is_warned(site: Path) -> None:
    code, out = checkin(site, "quality", "--set", "coverage=0,65", "--date", "2026-12-04")
    assert code == 0, out
    assert (
        "content/checkins/eng/quality/2026-12-04.md:4:20: warning OKR128: value of coverage "
        "is 0.65, which reads as 0.65%, though key result 'coverage' runs from 40% to 80%: "
        "a share of one where a percentage belongs? (hint: write 65% (or 65) if you meant 65%)"
    ) in out


def test_a_share_of_one_written_by_hand_is_warned_by_check(site: Path) -> None:
    (site / "content/checkins/eng/quality/2026-12-03.md").parent.mkdir(parents=True)
    (site / "content/checkins/eng/quality/2026-12-03.md").write_text(
        "---\ndate: 2026-12-03\nvalues:\n  coverage: 0.65\n---\n"
    )
    (site / "content/checkins/eng/quality/2026-12-04.md").write_text(
        "---\ndate: 2026-12-04\nvalues:\n  coverage: 0.65%\n---\n"
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 0, out
    assert "content/checkins/eng/quality/2026-12-03.md:4:13: warning OKR128: value" in out
    assert "2026-12-04.md" not in out


def test_a_checkin_saved_among_the_objectives_is_told_where_it_goes(site: Path) -> None:
    (site / "content/objectives/eng/update.md").write_text(
        "---\nobjective: eng/reliability\ndate: 2026-12-04\nvalues: {incidents: 6}\n---\n"
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 1
    assert (
        "content/objectives/eng/update.md:1: error OKR101: missing required key 'title': "
        "this file reads as a check-in (objective:, values:, date:), saved among the "
        "objectives (hint: move it to content/checkins/eng/reliability/update.md, where "
        "check-ins are read; an objective needs a title: and key_results:)"
    ) in out
    # its check-in keys are no objective's slips: no OKR111 pointing the other way
    assert [line for line in out.splitlines() if "update.md" in line and "OKR101" not in line] == []


def test_a_milestone_named_with_a_digit_is_recorded_too(site: Path) -> None:
    """``Hire 2 engineers`` is a name, not a figure: the check-in records its
    tick (the file check reads words with a digit among them as text), while
    a figure with its unit (``12 deals``) is still a figure."""
    objective = site / "content/objectives/eng/reliability.md"
    objective.write_text(objective.read_text().replace("Game day", "Hire 2 engineers"))
    code, out = checkin(
        site, "reliability", "--set", "runbooks=Hire 2 engineers", "--date", "2026-12-04 20:00"
    )
    assert code == 0, out
    assert (
        "values: {runbooks: Hire 2 engineers}"
        in (site / "content/checkins/eng/reliability/2026-12-04.md").read_text()
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 0 and "OKR102" not in out and "OKR307" not in out, out
    code, out = run_cli("build", "--site", str(site), "--as-of", "2026-12-04")
    assert code == 0, out
    assert "Runbooks : 1 → 2 of 3 milestones" in _text((site / "_site/index.html").read_text())
    # words with a digit naming no milestone done: no number, as before
    (site / "content/checkins/eng/reliability/2026-12-04-2.md").write_text(
        "---\ndate: 2026-12-04T21:00\nvalues: {uptime: about 20 or so}\n---\n"
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 1 and "value of uptime must be a number, got 'about 20 or so'" in out, out
