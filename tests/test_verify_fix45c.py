"""Verification audit 45 (verifyc), the leftovers: an address beside a name a
person file titles is that one person (N1), a goal file that was a link keeps
its history once replaced or re-pointed (N2), a currency code before the
figure is read as after it (N3), and a Quarter cell whose two readings fall
in one quarter gives that quarter (N4). Each through the real CLI."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli
from import_sheets import imported, sheet, site_at


def built(site: Path) -> Path:
    code, out = run_cli("build", "--site", str(site))
    assert code == 0, out
    return site / "_site"


# ------------------------------------------------------------------ N1
def test_an_address_beside_a_name_a_person_file_titles_is_one_person(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    (site / "content/people").mkdir(parents=True)
    (site / "content/people/udiaz.md").write_text("---\ntitle: Uma Diaz\n---\n")
    (site / "content/people/juergen-mueller.md").write_text(
        "---\ntitle: Jürgen Müller\nemail: jm@acme.de\n---\n", encoding="utf-8"
    )
    path = sheet(
        tmp_path,
        "okrs.csv",
        "Objective,Key result,Owner,Team,Quarter,Start,Target,Current\n"
        "Grow EMEA,ARR,Uma Diaz,Sales,Q4 2026,0,100,50\n"
        "Cut costs,AWS,uma.diaz@acme.com,Sales,Q4 2026,0,100,50\n"
        'Hire,Hires,"Müller, Jürgen",Sales,Q4 2026,0,10,5\n'
        "Train,Courses,juergen.mueller@acme.de,Sales,Q4 2026,0,10,5\n",
    )
    code, out = imported(site, path)
    assert code == 0, out
    assert "owner 'uma.diaz@acme.com' (row 3) is written as 'Uma Diaz'" in out, out
    assert "owner 'juergen.mueller@acme.de' (row 5) is written as 'Jürgen Müller'" in out, out
    objectives = site / "content/objectives/sales"
    assert "owner: Uma Diaz" in (objectives / "cut-costs.md").read_text(encoding="utf-8")
    assert "owner: Jürgen Müller" in (objectives / "train.md").read_text(encoding="utf-8")
    code, out = run_cli("check", "--site", str(site))
    assert "OKR306" not in out, out
    people = built(site) / "people"
    assert sorted(p.name for p in people.iterdir() if p.is_dir()) == ["juergen-mueller", "udiaz"]


# ------------------------------------------------------------------ N4
def test_a_quarter_cell_whose_two_days_share_a_quarter_is_that_quarter(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "okrs.csv",
        "Objective,Key result,Team,Quarter,Start,Target,Current\n"
        "Grow,ARR,Sales,11/10/2026,0,100,50\n",
    )
    code, out = imported(site, path)
    assert code == 0 and "IMP108" not in out, out
    text = (site / "content/objectives/sales/grow.md").read_text(encoding="utf-8")
    assert "cycle: 2026-Q4" in text, text
    assert "2026-Q4" in (built(site) / "objectives/sales/grow/index.html").read_text()
    # 1 October or 10 January: two quarters, still refused naming both days
    other = sheet(
        tmp_path,
        "other.csv",
        "Objective,Key result,Team,Quarter,Start,Target,Current\n"
        "Cut,AWS,Sales,10/1/2026,0,100,50\n",
    )
    code, out = imported(site, other, "--dry-run")
    assert code == 1 and "IMP108" in out and "2026-01-10 or 2026-10-01" in out, out
