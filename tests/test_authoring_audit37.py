"""What the 37th audit of ``okrsite checkin`` and ``okrsite new`` found, each
run on a real site through the real command line:

- a check-in of an objective or KPI whose own file the site cannot read
  is refused (exit 1) with that file's errors, not written unchecked;
- ``okrsite new kpi`` refuses ``--parent`` and ``--cycle`` (exit 2), which
  a KPI file does not take;
- a file edited by ``okrsite checkin`` (a milestone ticked, a goal's current
  value set) keeps its CRLF line endings and its byte-order mark.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import files_of, run_cli, write_site

from okrsite.pipeline import load_site

BROKEN_OBJECTIVE = (
    "---\ntitle: Ops: Launch\ncycle: 2026-Q4\nkey_results:\n"
    "  - id: ms\n    title: Launch\n    milestones: [Beta, GA]\n---\n"
)
BROKEN_KPI = '---\ntitle: Churn: monthly\nunit: "%"\n---\n'
OBJECTIVE = """
    ---
    title: Grow EMEA
    cycle: 2026-Q4
    owner: Uma Diaz
    key_results:
      - id: revenue
        title: Revenue
        start: 0
        target: 10
      - id: deals
        title: Deals
        start: 0
        target: 5
    ---
    Body.
    """


def said(out: str) -> str:
    return " ".join(out.split())


# ------------------------------------------------- 1. a target the site cannot read
@pytest.mark.parametrize("given", ["ms=Beta", "nonsense=abc"])
def test_checkin_of_an_objective_whose_file_is_broken_is_refused(
    tmp_path: Path, given: str
) -> None:
    site = write_site(tmp_path / "s", {"content/objectives/launch.md": BROKEN_OBJECTIVE})
    before = files_of(site)
    code, out = run_cli("checkin", "launch", "--set", given, "--site", str(site))
    assert code == 1, out
    assert files_of(site) == before  # nothing written
    assert not (site / "content/checkins").exists()
    assert "content/objectives/launch.md:2:" in out and "OKR003" in out  # its own error, its line
    assert "fix that file first" in said(out)
    assert "nothing was written" in out
    assert "wrote" not in out


def test_checkin_of_a_kpi_whose_file_is_broken_is_refused(tmp_path: Path) -> None:
    site = write_site(tmp_path / "s", {"content/kpis/churn.md": BROKEN_KPI})
    before = files_of(site)
    code, out = run_cli("checkin", "churn", "--value", "3", "--site", str(site))
    assert code == 1, out
    assert files_of(site) == before
    assert "content/kpis/churn.md:2:" in out and "OKR003" in out
    assert "fix that file first" in said(out)


def test_checkin_of_a_readable_objective_is_still_written(tmp_path: Path) -> None:
    site = write_site(tmp_path / "s", {"content/objectives/sales/emea.md": OBJECTIVE})
    code, out = run_cli(
        "checkin", "sales/emea", "--set", "revenue=4", "--date", "2026-11-02", "--site", str(site)
    )
    assert code == 0, out
    assert (site / "content/checkins/sales/emea/2026-11-02.md").exists()
    assert len(load_site(site).scored.portfolio.checkins) == 1


# ------------------------------------------------- 4. okrsite new kpi: flags it does not take
@pytest.mark.parametrize(
    "flags, named",
    [
        (["--cycle", "2026-Q4", "--parent", "emea"], "--parent or --cycle"),
        (["--parent", "emea"], "--parent"),
        (["--cycle", "2026-Q4"], "--cycle"),
    ],
)
def test_new_kpi_refuses_parent_and_cycle(tmp_path: Path, flags: list[str], named: str) -> None:
    site = write_site(tmp_path / "s", {"content/objectives/sales/emea.md": OBJECTIVE})
    before = files_of(site)
    code, out = run_cli("new", "kpi", "churn", *flags, "--site", str(site))
    assert code == 2, out
    assert files_of(site) == before
    assert f"a KPI takes --title, --owner and --team, not {named}" in said(out)


def test_new_kpi_without_them_is_written(tmp_path: Path) -> None:
    site = write_site(tmp_path / "s", {"content/objectives/sales/emea.md": OBJECTIVE})
    code, out = run_cli("new", "kpi", "churn", "--owner", "Uma Diaz", "--site", str(site))
    assert code == 0, out
    text = (site / "content/kpis/churn.md").read_text(encoding="utf-8")
    assert "supports:" not in text and "\ncycle:" not in text


# ------------------------------------------------- 5. line endings and byte-order mark kept
CHECKLIST = (
    "---\r\ntitle: Launch\r\ncycle: 2026-Q4\r\nowner: Uma Diaz\r\nkey_results:\r\n"
    "  - id: ms\r\n    title: Launch\r\n    milestones:\r\n      - Beta\r\n      - GA\r\n"
    "  - id: deals\r\n    title: Deals\r\n    start: 0\r\n    target: 5\r\n---\r\nBody.\r\n"
)
GOAL = (
    "---\r\ntype: goal\r\ntitle: Handbook\r\ncycle: 2026-Q4\r\nowner: Uma Diaz\r\n"
    "measure: {start: 0, target: 12}  # chapters\r\n---\r\nBody.\r\n"
)


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_ticking_a_milestone_keeps_crlf_and_bom(tmp_path: Path, bom: bytes) -> None:
    site = write_site(tmp_path / "s", {"content/objectives/launch.md": bom + CHECKLIST.encode()})
    code, out = run_cli("checkin", "launch", "--set", "ms=beta", "--site", str(site))
    assert code == 0, out
    data = (site / "content/objectives/launch.md").read_bytes()
    assert data == bom + CHECKLIST.replace("- Beta", "- {title: Beta, done: true}").encode()
    obj = load_site(site).scored.portfolio.objectives["launch"]
    assert [m.done for m in obj.key_results[0].milestones] == [True, False]


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_setting_a_goals_value_keeps_crlf_and_bom(tmp_path: Path, bom: bytes) -> None:
    site = write_site(tmp_path / "s", {"content/goals/handbook.md": bom + GOAL.encode()})
    code, out = run_cli("checkin", "handbook", "--value", "5", "--site", str(site))
    assert code == 0, out
    data = (site / "content/goals/handbook.md").read_bytes()
    expected = GOAL.replace("{start: 0,", "{current: 5, start: 0,")
    assert data == bom + expected.encode()
    goal = load_site(site).scored.portfolio.goals["handbook"]
    assert goal.measure is not None and goal.measure.current == 5
    # run again with the same value: nothing to change, the file as it is
    code, out = run_cli("checkin", "handbook", "--value", "5", "--site", str(site))
    assert code == 0 and "nothing to change" in out
    assert (site / "content/goals/handbook.md").read_bytes() == data


@pytest.mark.parametrize("kind", ["person", "team"])
def test_new_person_or_team_refuses_cycle(tmp_path: Path, kind: str) -> None:
    site = write_site(tmp_path / "s", {"content/objectives/sales/emea.md": OBJECTIVE})
    before = files_of(site)
    code, out = run_cli("new", kind, "Ann Lee", "--cycle", "2026-Q4", "--site", str(site))
    assert code == 2, out
    assert files_of(site) == before
    assert f"a {kind} takes --title" in said(out) and "not --cycle" in said(out)


def test_a_toml_file_is_refused_saying_why(tmp_path: Path) -> None:
    """TOML front matter is read, never rewritten: the refusal said only
    "could not be updated; edit it by hand", with exit 2 (a usage error)."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "x"\nas_of = 2026-11-20\n',
            "content/goals/replies.md": (
                '+++\ntitle = "Faster replies"\ncycle = "2026-Q4"\n'
                "start = 8\ntarget = 2\ncurrent = 6\n+++\n"
            ),
            "content/objectives/launch.md": (
                '+++\ntitle = "Launch"\ncycle = "2026-Q4"\n[[key_results]]\nid = "ms"\n'
                'title = "Launch"\nmilestones = ["Beta", "GA"]\n+++\n'
            ),
        },
    )
    before = {p: p.read_bytes() for p in site.rglob("*.md")}
    for args in (["replies", "--value", "5"], ["launch", "--set", "ms=beta"]):
        code, out = run_cli("checkin", "--site", str(site), *args)
        assert code == 1, out
        assert "front matter is TOML (+++)" in out and "by hand" in out, out
    assert {p: p.read_bytes() for p in site.rglob("*.md")} == before


def test_a_sentence_measure_with_a_comment_gets_its_figures(tmp_path: Path) -> None:
    """``measure: from 8 h to 2 h   # baseline: Sept`` was refused ("could
    not be updated; edit it by hand"); without the comment it was written."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "x"\nas_of = 2026-11-20\n',
            "content/goals/replies.md": (
                "---\ntitle: Faster replies\ncycle: 2026-Q4\n"
                "measure: from 8 h to 2 h   # baseline: Sept\n---\n"
            ),
        },
    )
    code, out = run_cli("checkin", "--site", str(site), "replies", "--value", "5")
    assert code == 0, out
    text = (site / "content/goals/replies.md").read_text()
    assert (
        "measure: {start: 8, target: 2, current: 5, unit: h}  # from 8 h to 2 h   # baseline: Sept"
        in text
    )
    goal = load_site(site).scored.portfolio.goals["replies"]
    assert goal.measure is not None and goal.measure.current == 5


def test_a_german_decimal_comma_with_a_unit_sets_a_goals_value(tmp_path: Path) -> None:
    """``--value "4,25 h"`` on a German site was written unquoted into the
    measure's ``{…}``, where its comma ends the entry: the command then
    refused its own file (OKR102, exit 1)."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "x"\nas_of = 2026-11-20\nlanguage = "de"\n',
            "content/goals/response.md": (
                "---\ntitle: Schneller antworten\ncycle: 2026-Q4\nmeasure: von 8 h auf 2 h\n---\n"
            ),
        },
    )
    for value, current in (("5", 5.0), ("4,25 h", 4.25), ("4,5 Std.", 4.5)):
        code, out = run_cli("checkin", "--site", str(site), "response", "--value", value)
        assert code == 0, out
        goal = load_site(site).scored.portfolio.goals["response"]
        assert goal.measure is not None and goal.measure.current == current, value


def test_a_milestone_written_as_a_block_is_refused_before_anything_is_said(
    tmp_path: Path,
) -> None:
    """A ``>-`` block: the command said "ticked", then blamed the person's
    file for the invalid YAML of its own rewrite (OKR003 at a column that
    exists only in that rewrite)."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "x"\nas_of = 2026-11-20\n',
            "content/objectives/quotes.md": (
                "---\ntitle: Quotes\ncycle: 2026-Q4\nkey_results:\n  - id: ms\n    title: Ship\n"
                "    milestones:\n      - >-\n        Long folded\n        milestone text\n"
                "      - |\n        Literal milestone\n---\n"
            ),
        },
    )
    before = files_of(site)
    for name in ("long", "literal"):
        code, out = run_cli("checkin", "--site", str(site), "quotes", "--set", f"ms={name}")
        assert code == 1, out
        assert "ticked" not in out and "OKR003" not in out, out
        assert "set its done: true by hand" in out
    assert files_of(site) == before
