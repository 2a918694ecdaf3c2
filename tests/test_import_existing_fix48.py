"""okrsite import, newcomer audit 48 (finding 1), through the real CLI: a
sheet's objective that the site has already under an id of its own
(README's ``sales/emea`` "Grow EMEA", imported again from a sheet) is that
objective: skipped with a note naming its file, never written a second time
as ``sales/grow-emea.md``; a key result of the sheet that the site's
objective lacks is said (IMP224), never written into it.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli
from import_sheets import imported, sheet, site_at

HEADER = "Objective,Key result,Owner,Team,Quarter,Target,Current\n"


def readme_site(tmp_path: Path) -> Path:
    """README's step 3, verbatim: team Sales, Uma Diaz, ``sales/emea``."""
    site = site_at(tmp_path)
    for args in (
        ("new", "team", "Sales"),
        ("new", "person", "Uma Diaz", "--team", "Sales"),
        ("new", "objective", "sales/emea", "--title", "Grow EMEA", "--owner", "Uma Diaz")
        + ("--team", "Sales"),
    ):
        code, out = run_cli(*args, "--site", str(site))
        assert code == 0, out
    return site


def objectives_titled(site: Path, title: str) -> list[str]:
    code, out = run_cli("export", "--site", str(site), "--format", "json")
    assert code == 0, out
    data = json.loads(out[out.index("{") :])
    return sorted(o["id"] for o in data["objectives"] if o["title"] == title)


# ------------------------------------------------------------------ an objective the site has
def test_readme_objective_imported_again_is_skipped_not_duplicated(tmp_path: Path) -> None:
    site = readme_site(tmp_path)
    path = sheet(
        tmp_path, "okrs.csv", HEADER + "Grow EMEA,Pipeline,Uma Diaz,Sales,2026-Q4,2000000,1200000\n"
    )
    code, out = imported(site, path)
    assert code == 0, out
    assert not (site / "content/objectives/sales/grow-emea.md").exists(), out
    assert (
        "okrsite: note: objective 'Grow EMEA' (okrs.csv, row 2) is in the site already, with "
        "the same title, team Sales and cycle 2026-Q4: content/objectives/sales/emea.md; it is "
        "skipped, never written twice (to import it as an objective of its own, give it an id "
        "of its own in an Objective id column, e.g. sales/grow-emea-2, or another title)"
    ) in out, out
    # the sheet's key result the site's objective lacks is said, not written into it
    assert (
        "okrs.csv:2:2: warning IMP224: row 2, column B 'Key result': key result 'Pipeline' is "
        "not imported: its objective 'Grow EMEA' is in the site already "
        "(content/objectives/sales/emea.md, skipped) without it"
    ) in out, out
    assert "Pipeline" not in (site / "content/objectives/sales/emea.md").read_text()
    assert "imported 0 files, 1 skipped" in out, out
    assert objectives_titled(site, "Grow EMEA") == ["sales/emea"]
    code, out = run_cli("build", "--site", str(site))
    assert code == 0, out
    assert not (site / "_site/objectives/sales/grow-emea").exists()


def test_objective_under_a_team_file_of_another_id_is_matched(tmp_path: Path) -> None:
    """The audit's ``cs/renewals`` of team ``cs`` (titled Customer Success),
    imported from a sheet naming the team by its title and the title in
    another case; its key result the site has (by title) is said nothing of."""
    site = site_at(tmp_path)
    (site / "content/teams").mkdir(parents=True)
    (site / "content/teams/cs.md").write_text("---\ntitle: Customer Success\n---\n")
    (site / "content/objectives/cs").mkdir()
    (site / "content/objectives/cs/renewals.md").write_text(
        "---\ntitle: Make renewals boring\ncycle: 2026-Q4\nteam: cs\nkey_results:\n"
        "  - {id: rate, title: Renewal rate, start: 80, target: 90}\n"
        "  - {id: arr, title: ARR kept, target: 100}\n---\n"
    )
    path = sheet(
        tmp_path,
        "okrs.csv",
        HEADER + "Make  renewals BORING,renewal rate,,Customer Success,Q4 2026,90,85\n",
    )
    code, out = imported(site, path)
    assert code == 0, out
    assert "content/objectives/cs/renewals.md; it is skipped" in out, out
    assert "IMP224" not in out, out
    assert not (site / "content/objectives/customer-success").exists(), out
    assert objectives_titled(site, "Make renewals boring") == ["cs/renewals"]


def test_another_team_cycle_or_an_objective_id_is_an_objective_of_its_own(
    tmp_path: Path,
) -> None:
    site = readme_site(tmp_path)
    path = sheet(
        tmp_path,
        "okrs.csv",
        "Objective id,Objective,Key result,Owner,Team,Quarter,Target,Current\n"
        ",Grow EMEA,Pipeline,Uma Diaz,Marketing,2026-Q4,10,5\n"
        ",Grow EMEA,Pipeline,Uma Diaz,Sales,2027-Q1,10,5\n"
        "sales/grow-emea-2,Grow EMEA,Pipeline,Uma Diaz,Sales,2026-Q4,10,5\n",
    )
    code, out = imported(site, path)
    assert code == 0, out
    assert "is in the site already" not in out and "IMP224" not in out, out
    assert objectives_titled(site, "Grow EMEA") == [
        "marketing/grow-emea",
        "sales/emea",
        "sales/grow-emea",
        "sales/grow-emea-2",
    ]


# ------------------------------------------------------------------ okrsite check: OKR414
def test_check_warns_of_one_objective_written_twice(tmp_path: Path) -> None:
    """A site an earlier import wrote ``sales/grow-emea.md`` into, beside
    README's ``sales/emea``: ``okrsite check`` says so at the later file; a
    draft copy, another team's or another cycle's objective of that title,
    and team-less objectives of one title are said nothing of."""
    site = readme_site(tmp_path)
    objectives = site / "content/objectives"
    (objectives / "sales/grow-emea.md").write_text(
        "---\ntitle: Grow  emea\ncycle: 2026-Q4\nowner: Uma Diaz\nteam: Sales\n---\n"
    )
    for rel, text in (
        (
            "sales/grow-emea-draft.md",
            "title: Grow EMEA\ncycle: 2026-Q4\nteam: Sales\nstatus: draft",
        ),
        ("marketing/grow-emea.md", "title: Grow EMEA\ncycle: 2026-Q4\nteam: Marketing"),
        ("sales/grow-emea-q1.md", "title: Grow EMEA\ncycle: 2027-Q1\nteam: Sales"),
        ("learn-german.md", "title: Learn German\ncycle: 2026-Q4\nowner: Uma Diaz"),
        ("learn-german-2.md", "title: Learn German\ncycle: 2026-Q4\nowner: Bo Li"),
    ):
        (objectives / rel).parent.mkdir(parents=True, exist_ok=True)
        (objectives / rel).write_text(f"---\n{text}\n---\n")
    code, out = run_cli("check", "--site", str(site))
    assert code == 0, out
    assert (
        "content/objectives/sales/grow-emea.md:2:8: warning OKR414: objective 'Grow  emea' has "
        "the same title, team Sales and cycle 2026-Q4 as sales/emea "
        "(content/objectives/sales/emea.md): both count, so pages and averages count it twice "
        "(hint: if it is the same objective, delete one of the two files (move any key result "
        "only it has into the other); if it is another, give it a title of its own)"
    ) in out, out
    assert out.count("OKR414") == 1, out
