"""What a user audit of ``okrsite checkin`` and ``okrsite new`` found, each
run as the user ran it: a real site, the real command line, the files it
wrote (or did not) and what the loader reads from them afterwards.

- after ``okrsite carry``, a name both the ended objective and its carried
  draft answer to is refused, so a check-in never lands in the cycle that
  ended (it would change that cycle's final scorecard);
- ``okrsite new person`` names the file by the id every ``owner:`` that
  names the person resolves to (``Uma Diaz (PM)``, ``Diaz, Uma`` are
  ``uma-diaz``);
- a value is written as the number the site's language reads it as
  (``1,520`` on an English site is ``1520``, not the text ``"1,520"``,
  which a German site would read as 1.52);
- a SMART goal with no target takes no current value;
- on a terminal, each answer is checked as it is typed, and asked again.
"""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import pytest
import yaml
from conftest import files_of as files
from conftest import run_cli

from okrsite import authoring_cli
from okrsite.pipeline import load_site
from okrsite.scaffold import init_site

DAY = date(2026, 11, 2)


run = run_cli


def said(out: str) -> str:
    """The output with its line breaks as spaces (click wraps nothing, but
    a long message is easier to match as one line)."""
    return " ".join(out.split())


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "s"
    init_site(root, today=DAY)
    return root


def front(path: Path) -> dict[str, object]:
    data = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    assert isinstance(data, dict)
    return data


# ------------------------------------------------------------ 1. after carry
def carried_site(site: Path) -> None:
    """The audit's steps: an objective made by ``okrsite new objective
    "Growth/Win more trials"``, a key result added by hand, a check-in of
    December, then the quarter carried into 2027-Q1."""
    code, out = run(
        "new",
        "objective",
        "Growth/Win more trials",
        "--owner",
        "alex",
        "--cycle",
        "2026-Q4",  # the quarter carried below, whatever day the suite runs on
        "--site",
        str(site),
    )
    assert code == 0, out
    path = site / "content/objectives/growth/win-more-trials.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "# key_results:",
            "key_results:\n  - {id: trials, title: Trials, start: 0, target: 100}\n# key_results:",
            1,
        ),
        encoding="utf-8",
    )
    code, out = run(
        "checkin",
        "growth/win-more-trials",
        "--set",
        "trials=50",
        "--date",
        "2026-12-20",
        "--site",
        str(site),
    )
    assert code == 0, out
    code, out = run("carry", "2026-Q4", "2027-Q1", "--as-of", "2027-01-02", "--site", str(site))
    assert code == 0, out
    carried = site / "content/objectives/growth/win-more-trials-2027-q1.md"
    assert front(carried)["title"] == "Win more trials"


def q4_trials(site: Path) -> float | None:
    scored = load_site(site, date(2027, 1, 10)).scored
    return scored.objectives["growth/win-more-trials"].key_results["trials"].current


@pytest.mark.parametrize("name", ["Win more trials", "win-more-trials", "WIN MORE TRIALS"])
def test_after_carry_a_name_of_both_objectives_is_refused_and_the_ended_cycle_keeps_its_figures(
    site: Path, name: str
) -> None:
    carried_site(site)
    assert q4_trials(site) == 50
    before = files(site)
    code, out = run(
        "checkin", name, "--set", "trials=5", "--date", "2027-01-05", "--site", str(site)
    )
    assert code == 2, out
    text = said(out)
    assert f"{name!r} fits 2 objectives, KPIs or SMART goals: " in text
    assert "growth/win-more-trials ('Win more trials', 2026-Q4)" in text
    assert "growth/win-more-trials-2027-q1 ('Win more trials', 2027-Q1)" in text
    assert "give the whole id of the one you mean" in text
    assert "wrote" not in out
    assert files(site) == before
    assert q4_trials(site) == 50
    # the whole id names one, and the ended quarter is left as it was
    code, out = run(
        "checkin",
        "growth/win-more-trials-2027-q1",
        "--set",
        "trials=5",
        "--date",
        "2027-01-05",
        "--site",
        str(site),
    )
    assert code == 0, out
    assert "wrote content/checkins/growth/win-more-trials-2027-q1/2027-01-05.md" in out
    assert q4_trials(site) == 50


def test_after_carry_the_old_objectives_last_part_names_its_carried_draft_too(site: Path) -> None:
    """``faster-support`` is the last part of the ended ``company/faster-support``
    only, but its carried draft (``carried_from:`` it) continues it: a check-in
    named so after the carry is as likely meant for the new quarter."""
    code, out = run("carry", "2026-Q4", "2027-Q1", "--as-of", "2027-01-02", "--site", str(site))
    assert code == 0, out
    before = files(site)
    code, out = run(
        "checkin",
        "faster-support",
        "--set",
        "self-serve=30",
        "--date",
        "2027-01-05",
        "--site",
        str(site),
    )
    assert code == 2, out
    text = said(out)
    assert "'faster-support' fits 2 objectives, KPIs or SMART goals: " in text
    assert "company/faster-support ('Answer support tickets faster', 2026-Q4)" in text
    assert "company/faster-support-2027-q1 ('Answer support tickets faster', 2027-Q1)" in text
    assert files(site) == before


def test_a_title_another_objectives_last_part_slugs_to_is_refused(site: Path) -> None:
    """Before any carry: ``Faster support`` is the last part of one objective
    (as a slug) and the title of another; neither way is preferred."""
    path = site / "content/objectives/sales/speed.md"
    path.parent.mkdir(parents=True)
    path.write_text(
        "---\ntitle: Faster support\ncycle: 2026-Q4\n"
        "key_results:\n  - {id: kr1, title: First, start: 0, target: 10}\n---\n",
        encoding="utf-8",
    )
    before = files(site)
    code, out = run("checkin", "Faster support", "--set", "kr1=5", "--site", str(site))
    assert code == 2, out
    text = said(out)
    assert "'Faster support' fits 2 objectives, KPIs or SMART goals: " in text
    assert "company/faster-support ('Answer support tickets faster')" in text
    assert "sales/speed ('Faster support')" in text
    assert files(site) == before


def test_a_parent_named_by_a_name_that_fits_several_is_refused(site: Path) -> None:
    carried_site(site)
    before = files(site)
    code, out = run(
        "new", "objective", "growth/more-demos", "--parent", "Win more trials", "--site", str(site)
    )
    assert code == 2, out
    text = said(out)
    assert "--parent 'Win more trials' fits 2 objectives" in text
    assert "growth/win-more-trials-2027-q1 ('Win more trials', 2027-Q1)" in text
    assert files(site) == before


# ------------------------------------------------------------ 2. new person
def test_new_person_names_the_file_as_owner_resolves_the_name(site: Path) -> None:
    code, out = run("new", "person", "Uma Diaz", "--site", str(site))
    assert code == 0, out
    before = files(site)
    for name in ["Uma Diaz (PM)", "Uma Diaz <uma@example.com>", "Diaz, Uma", "uma diaz [she/her]"]:
        code, out = run("new", "person", name, "--site", str(site))
        assert code == 2, (name, out)
        assert f"{name!r} is uma-diaz" in out
        assert "content/people/uma-diaz.md already exists" in out
    assert files(site) == before
    assert sorted(p.name for p in (site / "content/people").iterdir()) == ["alex.md", "uma-diaz.md"]


@pytest.mark.parametrize(
    "name, file, title",
    [
        ("Diaz, Uma", "uma-diaz.md", "Uma Diaz"),
        ("Uma Diaz (PM)", "uma-diaz.md", "Uma Diaz"),
        ("Uma Diaz <uma@example.com>", "uma-diaz.md", "Uma Diaz"),
        ("José Álvarez", "jose-alvarez.md", "José Álvarez"),
    ],
)
def test_new_person_is_the_person_owner_names(site: Path, name: str, file: str, title: str) -> None:
    code, out = run("new", "person", name, "--site", str(site))
    assert code == 0, out
    assert front(site / "content/people" / file)["title"] == title
    # an objective owned by the same words is owned by that file's person
    code, out = run("new", "objective", "sales/x", "--owner", name, "--site", str(site))
    assert code == 0, out
    assert "OKR306" not in out
    result = load_site(site)
    assert result.scored.portfolio.objectives["sales/x"].owner == file.removesuffix(".md")
    assert len(result.scored.portfolio.people) == 2  # alex and this one


def test_new_person_named_by_another_files_title_is_that_person(site: Path) -> None:
    """``people/juergen-weiss.md`` titled ``Jürgen Weiß``: ``owner: Jürgen
    Weiß`` names it, so ``okrsite new person "Jürgen Weiß"`` is that person,
    not a second file that would take his objectives from him."""
    path = site / "content/people/juergen-weiss.md"
    path.write_text("---\ntitle: Jürgen Weiß\nemail: jw@example.com\n---\n", encoding="utf-8")
    before = files(site)
    for name in ["Jürgen Weiß", "jw@example.com"]:
        code, out = run("new", "person", name, "--site", str(site))
        assert code == 2, out
        assert "content/people/juergen-weiss.md" in out and "already" in out
    assert files(site) == before


def test_new_person_naming_two_people_is_refused(site: Path) -> None:
    before = files(site)
    code, out = run("new", "person", "Tom Lee and Ana Ruiz", "--site", str(site))
    assert code == 2, out
    assert "names 2 people" in out and "Tom Lee" in out and "Ana Ruiz" in out
    assert files(site) == before


def test_new_team_keeps_its_brackets_and_an_id_as_written(site: Path) -> None:
    code, out = run("new", "team", "Sales (EMEA)", "--site", str(site))
    assert code == 0, out
    assert front(site / "content/teams/sales-emea.md")["title"] == "Sales (EMEA)"
    code, out = run("new", "team", "sales_apac", "--site", str(site))
    assert code == 0, out
    assert (site / "content/teams/sales_apac.md").is_file()
    code, out = run("new", "objective", "sales/y", "--team", "sales_apac", "--site", str(site))
    assert code == 0 and "OKR306" not in out, out


# ------------------------------------------------------------ 3. numbers
TRIALS = """---
title: Trials
cycle: 2026-Q4
owner: alex
key_results:
  - {id: signups, title: Signups, start: 1200, target: 2000}
  - {id: minutes, title: Minutes, start: 0, target: 3000, unit: min}
---
"""


def language(site: Path, code: str) -> None:
    toml = site / "okrsite.toml"
    lines = toml.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = "".join(line for line in lines if not line.startswith("language ="))
    toml.write_text(kept + f'language = "{code}"\n', encoding="utf-8")


def signups(site: Path) -> dict[str, float]:
    result = load_site(site, date(2026, 11, 20))
    assert not [d for d in result.diagnostics if d.is_error]
    krs = result.scored.objectives["trials"].key_results
    return {kid: kr.current for kid, kr in krs.items() if kr.current is not None}


@pytest.mark.parametrize(
    "lang, typed, written, read",
    [
        (None, "1,520", 1520, 1520),
        ("en", "1,520", 1520, 1520),
        ("de", "1,520", 1.52, 1.52),
        ("de", "1.520,5", 1520.5, 1520.5),
        # with its unit: the number read, in the key result's unit (audit 48)
        (None, "1,520 min", 1520, 1520),
        ("de", "1,520 min", 1.52, 1.52),
    ],
)
def test_set_writes_the_number_the_sites_language_reads(
    site: Path, lang: str | None, typed: str, written: object, read: float
) -> None:
    (site / "content/objectives/trials.md").write_text(TRIALS, encoding="utf-8")
    if lang:
        language(site, lang)
    key = "minutes" if "min" in typed else "signups"
    code, out = run(
        "checkin", "trials", "--set", f"{key}={typed}", "--date", "2026-11-10", "--site", str(site)
    )
    assert code == 0, out
    data = front(site / "content/checkins/trials/2026-11-10.md")
    assert data["values"] == {key: written}
    assert signups(site)[key] == read
    # the site's language changed afterwards: the figure the check-in meant stays
    language(site, "fr" if lang == "de" else "de")
    assert signups(site)[key] == read


def test_kpi_and_goal_values_are_written_as_numbers(site: Path) -> None:
    code, out = run(
        "checkin", "nps", "--value", "1,045", "--date", "2026-11-10", "--site", str(site)
    )
    assert code == 0, out
    assert front(site / "content/checkins/nps/2026-11-10.md")["value"] == 1045
    code, out = run("checkin", "support-handbook", "--value", "1,000", "--site", str(site))
    assert code == 0, out
    text = (site / "content/goals/support-handbook.md").read_text(encoding="utf-8")
    assert "current: 1000," in text
    language(site, "de")
    result = load_site(site, date(2026, 11, 20))
    goal = result.scored.portfolio.goals["support-handbook"]
    assert goal.measure is not None and goal.measure.current == 1000


# ------------------------------------------------------------ 4. goal without target
def test_a_goal_without_a_target_takes_no_current_value(site: Path) -> None:
    code, out = run("new", "goal", "cs/kb-articles", "--owner", "alex", "--site", str(site))
    assert code == 0, out
    before = files(site)
    code, out = run("checkin", "kb-articles", "--value", "4", "--site", str(site))
    assert code == 1, out
    text = said(out)
    assert "content/goals/cs/kb-articles.md: goal cs/kb-articles has no target" in text
    assert "measure: {start: 0, target: 12, unit: chapters}" in text
    assert "nothing was changed" in text
    assert files(site) == before
    # a measure with figures but no target: the same
    path = site / "content/goals/cs/kb-articles.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "# measure:", "measure: {start: 0, unit: chapters}\n# measure:"
        ),
        encoding="utf-8",
    )
    before = files(site)
    code, out = run("checkin", "cs/kb-articles", "--value", "4", "--site", str(site))
    assert code == 1, out
    assert "goal cs/kb-articles has no target" in out and "add target: to its measure" in out
    assert files(site) == before


# ------------------------------------------------------------ 5. on a terminal
@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A person at a terminal whose editor leaves the note empty."""
    editor = tmp_path / "editor.sh"
    editor.write_text("#!/bin/sh\nexit 0\n")
    editor.chmod(editor.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.setattr(authoring_cli, "interactive", lambda: True)


@pytest.mark.usefixtures("terminal")
def test_each_answer_is_checked_as_it_is_given_and_asked_again(site: Path) -> None:
    # first-response: "six hours", then 6; self-serve: 1,520 (English: 1520);
    # confidence: 12, then high
    code, out = run(
        "checkin",
        "faster-support",
        "--date",
        "2026-11-10",
        "--site",
        str(site),
        input="six hours\n6\n1,520\n12\nhigh\n",
    )
    assert code == 0, out
    first_error = out.index(
        "Error: value of first-response must be a number, got 'six hours' "
        "(OKR102; hint: write digits"
    )
    assert first_error < out.index("self-serve: Resolve 40%")  # said before the next question
    assert out.count("first-response: Cut first response") == 2  # asked again
    assert (
        "Error: confidence must be between 0 and 10, got 12 (OKR107; hint: confidence is how sure"
        in out
    )
    assert out.count("Confidence 0-10 or low/medium/high (Enter to skip)") == 2
    assert "content/checkins/company/faster-support/2026-11-10.md:" not in out
    assert "wrote content/checkins/company/faster-support/2026-11-10.md" in out
    data = front(site / "content/checkins/company/faster-support/2026-11-10.md")
    assert data["values"] == {"first-response": 6, "self-serve": 1520}
    assert data["confidence"] == "high"


@pytest.mark.usefixtures("terminal")
def test_a_bad_answer_is_not_kept_and_nothing_is_written_when_input_ends(site: Path) -> None:
    before = files(site)
    code, out = run(
        "checkin", "faster-support", "--date", "2026-11-10", "--site", str(site), input="lots\n"
    )
    assert code == 1, out
    assert "Error: value of first-response must be a number, got 'lots'" in out
    assert files(site) == before


@pytest.mark.usefixtures("terminal")
def test_a_kpi_reading_and_a_goal_value_asked_are_checked_too(site: Path) -> None:
    code, out = run(
        "checkin", "nps", "--date", "2026-11-10", "--site", str(site), input="plenty\n1,045\n"
    )
    assert code == 0, out
    assert "Error: value must be a number, got 'plenty' (OKR102" in out
    assert out.count("Net Promoter Score: value:") == 2
    assert front(site / "content/checkins/nps/2026-11-10.md")["value"] == 1045
    code, out = run("checkin", "support-handbook", "--site", str(site), input="some\n5\n")
    assert code == 0, out
    assert "Error: current must be a number, got 'some' (OKR102" in out
    assert out.count("Publish a support handbook: current value:") == 2
    text = (site / "content/goals/support-handbook.md").read_text(encoding="utf-8")
    assert "current: 5," in text
