"""What ``okrsite new`` leaves to decide is commented examples: taken out of
their comments as a user does (``sed -i 's/^# //'``), every line is valid,
means what its comment says, and gives ``okrsite check`` nothing new to
report. A new goal has a cycle as a new objective has (its T), by default
the current quarter."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from conftest import run_cli

from okrsite.pipeline import load_site
from okrsite.scaffold import new_record_text, quarter_of

#: (kind, ID as typed, more options, the file written)
NEW = [
    ("objective", "sales/emea", [], "content/objectives/sales/emea.md"),
    ("kpi", "churn", [], "content/kpis/churn.md"),
    ("goal", "cs/kb-articles", [], "content/goals/cs/kb-articles.md"),
    ("goal", "next-quarter", ["--cycle", "2027-Q1"], "content/goals/next-quarter.md"),
    ("team", "Customer Success", [], "content/teams/customer-success.md"),
    ("team", "sales/emea", [], "content/teams/sales/emea.md"),
    ("person", "Uma Diaz", [], "content/people/uma-diaz.md"),
    ("person", "José Álvarez", [], "content/people/jose-alvarez.md"),
]

_FINDING = re.compile(r"^(\S+?):\d+:\d+: (warning|error) (OKR\d+): (.*)$", re.M)


def findings(site: Path) -> tuple[int, list[tuple[str, str, str, str]]]:
    """``okrsite check``'s exit code and its findings: (file, level, code, message)."""
    code, out = run_cli("check", "--site", str(site))
    return code, [(m[1], m[2], m[3], m[4]) for m in _FINDING.finditer(out)]


def uncomment(path: Path) -> list[str]:
    """The file with every ``# `` line taken out of its comment, as a user
    does (``sed -i 's/^# //'``); the lines so uncommented."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    taken = [line.removeprefix("# ") for line in lines if line.startswith("# ")]
    path.write_text("".join(line.removeprefix("# ") for line in lines), encoding="utf-8")
    return taken


@pytest.fixture
def site(tmp_path: Path) -> Path:
    code, out = run_cli("init", str(tmp_path / "goals"))
    assert code == 0, out
    return tmp_path / "goals"


def test_every_commented_example_uncommented_checks_clean(site: Path) -> None:
    today = date.today()
    written = []
    for kind, rid, extra, rel in NEW:
        code, out = run_cli("new", kind, rid, *extra, "--site", str(site))
        assert code == 0, out
        assert (site / rel).is_file(), out
        written.append(rel)
    code, out = run_cli("new", "checkin", "nps", "--value", "33", "--site", str(site))
    assert code == 0, out
    checkin = next((site / "content/checkins/nps").glob(f"{today.isoformat()}*.md"))
    code, before = findings(site)
    assert code == 0 and not [f for f in before if f[1] == "error"], before

    uncommented = {rel: uncomment(site / rel) for rel in written}
    for rel, lines in uncommented.items():
        assert lines, f"{rel} has no commented example"
    assert uncomment(checkin) == []  # a check-in is written whole: nothing to uncomment
    code, after = findings(site)
    assert code == 0, after
    assert not [f for f in after if f[1] == "error"], after
    # nothing the uncommented lines say is reported: every warning left was
    # there before (a goal's OKR405 names fewer letters now), none is new
    assert {(f[0], f[2]) for f in after} <= {(f[0], f[2]) for f in before}, after
    for file, _, code_, message in after:
        if code_ == "OKR405":  # the body okrsite new writes is a placeholder: not Specific
            assert message.startswith(
                (
                    "SMART goal is not Specific (S) (",
                    "SMART goal is not Specific (S), Assigned (A) (",
                )
            ), (file, message)
    # and what the examples say is what the site reads
    assert not [f for f in after if f[2] == "OKR403"], after  # the owner example says who
    p = load_site(site, today).scored.portfolio
    krs = p.objectives["sales/emea"].key_results
    assert [kr.id for kr in krs] == ["revenue", "partners"]
    assert (krs[0].start, krs[0].target, krs[0].unit) == (1.2, 1.5, "M EUR")
    churn = p.kpis["churn"]
    assert (churn.direction, churn.target, churn.green, churn.red) == ("up", 45, 40, 20)
    assert churn.values == ((today, 31.0),)
    goal = p.goals["cs/kb-articles"]
    assert goal.supports == "company/faster-support" and goal.cycle == quarter_of(today)
    assert goal.measure is not None and goal.measure.target == 12
    assert p.goals["next-quarter"].cycle == "2027-Q1"
    assert str(p.goals["next-quarter"].due) == "2027-03-31"
    teams, people = p.teams, p.people
    assert teams["customer-success"].github == "acme/customer-success"
    assert teams["sales/emea"].github == "acme/sales-emea"
    assert teams["customer-success"].parent == "company"
    assert teams["customer-success"].lead == "alex"
    assert people["uma-diaz"].github == "uma-diaz" and people["uma-diaz"].team == "company"
    assert people["jose-alvarez"].email == "jose-alvarez@example.com"


def test_a_commented_example_is_yaml_with_its_meaning_in_a_comment() -> None:
    """No example says what it means in brackets after its value (which
    YAML reads as part of the value): the words are a comment of their own."""
    day = date(2027, 2, 10)
    for kind in ("objective", "kpi", "goal", "person", "team"):
        _, text = new_record_text("content", kind, "x", today=day)
        examples = [line for line in text.splitlines() if line.startswith("# ")]
        assert examples, kind
        for line in examples:
            assert "(" not in line.split("  # ", 1)[0], line
    _, kpi = new_record_text("content", "kpi", "x", today=day)
    assert "# values: {2027-02-10: 31}" in kpi
    _, goal = new_record_text("content", "goal", "x", today=day)
    assert "\ncycle: 2027-Q1\n# owner: Alex Example " in goal and "\n# due: 2027-03-31 " in goal


# ------------------------------------------------------------------ default cycle
def without_default_cycle(site: Path) -> Path:
    toml = site / "okrsite.toml"
    text = toml.read_text(encoding="utf-8")
    assert "default_cycle" in text
    toml.write_text(
        "".join(line for line in text.splitlines(True) if "default_cycle" not in line),
        encoding="utf-8",
    )
    return site


def test_new_goal_takes_the_default_cycle_as_an_objective_does(site: Path) -> None:
    """Without default_cycle, a new goal is in the current quarter, as a new
    objective is: its T (time-bound) is its cycle until it has a due date."""
    without_default_cycle(site)
    quarter = quarter_of(date.today())
    for kind, rid, rel in [
        ("objective", "x", "content/objectives/x.md"),
        ("goal", "g1", "content/goals/g1.md"),
    ]:
        code, out = run_cli("new", kind, rid, "--site", str(site))
        assert code == 0, out
        text = (site / rel).read_text(encoding="utf-8")
        assert f"\ncycle: {quarter}\n" in text, text
    assert "Time-bound" not in out, out
    code, found = findings(site)
    assert code == 0
    assert not [f for f in found if f[0] == "content/goals/g1.md" and "(T)" in f[3]], found
    # --cycle, and default_cycle when the site sets it, win over the quarter
    code, out = run_cli("new", "goal", "g2", "--cycle", "2027-Q1", "--site", str(site))
    assert code == 0, out
    assert "\ncycle: 2027-Q1\n" in (site / "content/goals/g2.md").read_text(encoding="utf-8")
    toml = site / "okrsite.toml"
    toml.write_text(
        'default_cycle = "2027-Q1"\n' + toml.read_text(encoding="utf-8"), encoding="utf-8"
    )
    code, out = run_cli("new", "goal", "g3", "--site", str(site))
    assert code == 0, out
    assert "\ncycle: 2027-Q1\n" in (site / "content/goals/g3.md").read_text(encoding="utf-8")
