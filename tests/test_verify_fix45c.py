"""Verification audit 45 (verifyc), the leftovers: an address beside a name a
person file titles is that one person (N1), a goal file that was a link keeps
its history once replaced or re-pointed (N2), a currency code before the
figure is read as after it (N3), and a Quarter cell whose two readings fall
in one quarter gives that quarter (N4). Each through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import run_cli
from gitrepo import Repo
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


# ------------------------------------------------------------------ N3
def test_a_currency_code_before_the_figure_is_read_in_a_sheet(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "okrs.csv",
        "Objective,Key result,Team,Quarter,Start,Target,Current\n"
        "Grow,Swiss,Sales,Q4 2026,0,CHF 2’000.50,CHF 1’000.25\n"
        'Grow,US,Sales,Q4 2026,USD 0,"USD 2,000",USD 500\n'
        "Grow,Franken,Sales,Q4 2026,0,Fr. 2000,Fr. 1000\n",
    )
    code, out = imported(site, path)
    assert code == 0 and "IMP102" not in out, out
    text = (site / "content/objectives/sales/grow.md").read_text(encoding="utf-8")
    for figures in (
        "target: 2000.5\n    current: 1000.25\n    unit: CHF",
        "target: 2000\n    current: 500\n    unit: USD",
        "target: 2000\n    current: 1000\n    unit: Fr.",
    ):
        assert figures in text, text
    rows = (built(site) / "api/key-results.csv").read_text(encoding="utf-8")
    assert ",swiss,Swiss,numeric,0,2000.5,1000.25,CHF," in rows, rows


def test_a_currency_code_before_the_figure_is_read_in_goal_files(tmp_path: Path) -> None:
    site = site_at(tmp_path)
    (site / "content/objectives/grow.md").write_text(
        "---\ntitle: Grow revenue\ncycle: 2026-Q4\nkey_results:\n"
        "  - id: rev\n    title: Revenue\n    start: 0\n    target: CHF 2’000\n"
        "  - id: cost\n    title: Cost\n    start: USD 0\n    target: USD 2,000\n---\n",
        encoding="utf-8",
    )
    (site / "content/checkins").mkdir()
    (site / "content/checkins/2026-11-10-grow.md").write_text(
        "---\nobjective: grow\ndate: 2026-11-10\nvalues:\n"
        "  rev: CHF 1’000.50\n  cost: USD 1,500\n---\n",
        encoding="utf-8",
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 0 and "OKR102" not in out, out
    rows = (built(site) / "api/key-results.csv").read_text(encoding="utf-8")
    assert ",rev,Revenue,numeric,0,2000,1000.5,CHF," in rows, rows
    assert ",cost,Cost,numeric,0,2000,1500,USD," in rows, rows


# ------------------------------------------------------------------ N2
def _growth(target: int) -> str:
    return (
        "---\ntitle: Grow\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
        f"  - id: rev\n    title: Revenue\n    start: 0\n    target: {target}\n"
        "  - id: logos\n    title: Logos\n    start: 0\n    target: 5\n---\n"
    )


def _history(repo: Repo, out: Path, *more: str) -> tuple[list[Any], list[Any]]:
    """The goal's own entries and its key result's target changes, as built."""
    code, text = run_cli("build", "--site", str(repo.root), "--out", str(out), *more)
    assert code == 0, text
    data = json.loads((out / "api/history.json").read_text(encoding="utf-8"))["objectives"]
    goal = data["growth"]
    rev = goal["key_results"]["rev"]["changes"]
    return (
        [(c["field"], c["author"]) for c in goal["changes"]],
        [(c["old"], c["new"], c["author"]) for c in rev],
    )


def _linked(tmp_path: Path) -> Repo:
    """content/objectives/growth.md -> ../../shared/growth.md; Bob eases it."""
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", 'title = "T"\ndefault_cycle = "2026-Q4"\nas_of = "2026-11-05"\n')
    repo.write("shared/growth.md", _growth(80))
    (repo.root / "content/objectives").mkdir(parents=True)
    (repo.root / "content/objectives/growth.md").symlink_to("../../shared/growth.md")
    repo.commit("init", "alice", "2026-10-02T10:00:00+00:00")
    repo.write("shared/growth.md", _growth(60))
    repo.commit("ease", "bob", "2026-10-09T10:00:00+00:00")
    return repo


def test_a_link_replaced_by_the_file_keeps_its_history(tmp_path: Path) -> None:
    repo = _linked(tmp_path)
    before = _history(repo, tmp_path / "a")  # and the history cache written
    assert before == ([("created", "Alice Ng")], [(80, 60, "Bob Stone")]), before
    link = repo.root / "content/objectives/growth.md"
    link.unlink()
    link.write_text(_growth(60), encoding="utf-8")  # the file itself, as it stood
    repo.commit("unlink", "carol", "2026-10-16T10:00:00+00:00")
    assert _history(repo, tmp_path / "b") == before
    assert _history(repo, tmp_path / "c", "--no-cache") == before
    repo.write("content/objectives/growth.md", _growth(55))
    repo.commit("ease more", "carol", "2026-10-23T10:00:00+00:00")
    goal, rev = _history(repo, tmp_path / "d", "--no-cache")
    assert goal == [("created", "Alice Ng")], goal
    assert rev == [(80, 60, "Bob Stone"), (60, 55, "Carol Diaz")], rev


def test_a_link_pointed_to_another_file_keeps_its_history(tmp_path: Path) -> None:
    repo = _linked(tmp_path)
    _history(repo, tmp_path / "a")
    repo.write("shared/growth2.md", _growth(50))
    link = repo.root / "content/objectives/growth.md"
    link.unlink()
    link.symlink_to("../../shared/growth2.md")
    repo.commit("point to growth2", "carol", "2026-10-16T10:00:00+00:00")
    code, text = run_cli("diff", "HEAD~1", "HEAD", "--site", str(repo.root), "--format", "text")
    assert "target: 60 → 50 (less ambitious)" in text, text
    want = ([("created", "Alice Ng")], [(80, 60, "Bob Stone"), (60, 50, "Carol Diaz")])
    assert _history(repo, tmp_path / "b") == want
    assert _history(repo, tmp_path / "c", "--no-cache") == want
