"""Fiscal cycle names are the site's cycles everywhere a cycle is read or suggested.

On a site with ``fiscal_year_start`` (audit 44, findings 1, 2, 4, 5, 7):
``okrsite import`` reads ``FY27 Q4`` as a goal file does and gives a row
with only a Due date its fiscal quarter; ``okrsite new`` writes the fiscal
quarter; a goal's ``due:`` names a fiscal or custom cycle; hints about an
unknown cycle name the site's fiscal forms in the year of ``as_of``; and
``okrsite carry`` from a cycle no objective is in says so. Each test builds
a real site and runs the real CLI.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import yaml
from click.testing import CliRunner
from conftest import write_site

from okrsite.cli import cli

#: FY2027 of a year starting in February: 2026-02-01 .. 2027-01-31
FEB = {
    "okrsite.toml": 'title = "Acme Fiscal Goals"\nfiscal_year_start = "February"\n'
    'as_of = "2026-12-05"\n',
    "content/objectives/company/grow-arr.md": """
        ---
        title: Grow ARR to $24M in FY27
        cycle: FY2027
        owner: Tom Lee
        key_results:
          - {id: arr, title: ARR from $18M to $24M, start: 18, target: 24, unit: $M}
        ---
    """,
    "content/objectives/sales/q4-bookings.md": """
        ---
        title: Close the fiscal year strong
        cycle: FY27 Q4
        owner: Tom Lee
        parent: company/grow-arr
        key_results:
          - {id: bookings, title: Book $3M new ARR, start: 0, target: 3, unit: $M}
        ---
    """,
}


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.output


def front(path: Path) -> dict[str, object]:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])  # type: ignore[no-any-return]


def feb_site(tmp_path: Path, extra: dict[str, str | bytes] | None = None) -> Path:
    return write_site(tmp_path / "site", {**FEB, **(extra or {})})


def goal(due: str) -> str:
    return f"""
        ---
        type: goal
        title: Close the books in 5 working days
        owner: Tom Lee
        due: {due}
        supports: company/grow-arr
        measure: {{start: 10, target: 5, current: 7, unit: days}}
        ---
        Month-end close gets faster.
    """


def test_import_reads_fiscal_quarters_as_a_goal_file_does(tmp_path: Path) -> None:
    site = feb_site(tmp_path)
    sheet = tmp_path / "okrs.csv"
    rows = [
        "Objective,Key result,Owner,Quarter,Start,Target,Unit,Due",
        "Reduce DSO,DSO from 60 to 45 days,Uma Diaz,FY27 Q4,60,45,days,",
        "Faster close,Close in 5 days,Tom Lee,Q1 FY28,10,5,days,",
        "Due only,Ship the audit,Tom Lee,,0,1,,2027-01-20",
        "Due outside,Clean the ledger,Tom Lee,FY27 Q3,0,1,,2026-12-20",
        "Fifth,Nothing,Tom Lee,FY27 Q5,0,1,,",
    ]
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    code, out = run("import", str(sheet), "--site", str(site), "--dry-run")
    assert code == 1, out
    # FY27 Q4 and Q1 FY28 are the site's cycles; FY27 Q5 names the fiscal forms, in FY2027
    assert out.count("IMP108") == 1, out
    assert "unknown cycle 'FY27 Q5'" in out and "FY2027-Q1 … FY2027-Q4" in out, out
    assert '[cycles."FY27 Q5"]' not in out and "2026-H1" not in out, out
    # the due date 2026-12-20 lies in FY2027-Q4, the quarter the hint names
    assert "IMP209" in out and "write FY2027-Q4 in column D 'Quarter'" in out, out
    sheet.write_text("\n".join(rows[:-1]) + "\n", encoding="utf-8")
    code, out = run("import", str(sheet), "--site", str(site))
    assert code == 0, out
    written = site / "content/objectives"
    cycles = {
        name: front(written / f"{name}.md")["cycle"]
        for name in ("reduce-dso", "faster-close", "due-only", "due-outside")
    }
    # 2027-01-20 is in FY2027-Q4 (2026-11-01 .. 2027-01-31), not the calendar 2027-Q1
    assert cycles == {
        "reduce-dso": "FY2027-Q4",
        "faster-close": "FY2028-Q1",
        "due-only": "FY2027-Q4",
        "due-outside": "FY2027-Q3",
    }
    code, out = run("check", "--site", str(site), "--no-cache")
    assert code == 0, out


def test_new_objective_and_goal_on_a_fiscal_site_name_the_fiscal_quarter(tmp_path: Path) -> None:
    site = feb_site(tmp_path)
    today = date.today()  # okrsite new names the quarter of today
    year = today.year + 1 if today.month >= 2 else today.year
    quarter = f"FY{year}-Q{(today.month - 2) % 12 // 3 + 1}"
    calendar = f"{today.year}-Q{(today.month - 1) // 3 + 1}"
    code, out = run(
        "new", "objective", "Sales/Expand EMEA", "--owner", "Tom Lee", "--site", str(site)
    )
    assert code == 0, out
    assert front(site / "content/objectives/sales/expand-emea.md")["cycle"] == quarter
    code, out = run("new", "goal", "ship-it", "--owner", "Tom Lee", "--site", str(site))
    assert code == 0, out
    text = (site / "content/goals/ship-it.md").read_text(encoding="utf-8")
    assert f"cycle: {quarter}\n" in text, text
    # the commented due is the fiscal quarter's last day: its month ends 3 months after Feb..
    months = (today.month - 2) % 12 // 3 * 3 + 4  # the month after the quarter, from January
    end_year, end_month = year - 1 + (months - 1) // 12, (months - 1) % 12 + 1
    first_after = date(end_year + (end_month == 12), end_month % 12 + 1, 1)
    last = date.fromordinal(first_after.toordinal() - 1)
    assert f"# due: {last.isoformat()}" in text, text
    out_dir = tmp_path / "out"
    code, out = run("build", "--site", str(site), "--no-cache", "--out", str(out_dir))
    assert code == 0, out
    assert calendar not in (out_dir / "index.html").read_text(encoding="utf-8")


def test_a_goal_due_names_a_fiscal_or_custom_cycle(tmp_path: Path) -> None:
    sprint = '\n[cycles."Sprint 7"]\nstart = 2026-12-01\nend = 2026-12-14\n'
    dues = {
        "fy27-q4": "FY27 Q4",
        "canonical": "FY2027-Q4",
        "year": "end of FY2027",
        "half-first": "by FY28 1H",
        "sprint": "Sprint 7",
        "calendar": "Q4 2026",
    }
    site = feb_site(
        tmp_path,
        {
            "okrsite.toml": FEB["okrsite.toml"] + sprint,  # type: ignore[operator]
            **{f"content/goals/{gid}.md": goal(due) for gid, due in dues.items()},
        },
    )
    code, out = run("check", "--site", str(site), "--no-cache")
    assert code == 0 and "OKR104" not in out, out
    code, out = run("export", "--format", "json", "--site", str(site))
    assert code == 0, out
    due = {g["id"]: g["due"] for g in json.loads(out)["goals"]}
    assert due == {
        "fy27-q4": "2027-01-31",
        "canonical": "2027-01-31",
        "year": "2027-01-31",
        "half-first": "2027-07-31",
        "sprint": "2026-12-14",
        "calendar": "2026-12-31",
    }
    # a fiscal name that is none: its hint names the fiscal forms, never "no year"
    write_site(site, {"content/goals/fy27-q4.md": goal("FY27 Q5")})
    code, out = run("check", "--site", str(site), "--no-cache")
    assert code == 1, out
    assert "content/goals/fy27-q4.md:5:6: error OKR104" in out, out
    assert "FY2027-Q1 … FY2027-Q4" in out and "but no year" not in out, out
    # without fiscal_year_start, FY27 Q4 asks for the setting
    write_site(site, {"okrsite.toml": 'title = "Calendar"\nas_of = 2026-12-05\n' + sprint})
    write_site(site, {"content/goals/fy27-q4.md": goal("FY27 Q4")})
    code, out = run("check", "--site", str(site), "--no-cache")
    assert "fy27-q4.md:5:6: error OKR104" in out and "set fiscal_year_start" in out, out
    assert "but no year" not in out, out


APR = {
    "okrsite.toml": 'title = "April"\nfiscal_year_start = 4\nas_of = 2028-02-29\n',
    "content/objectives/five.md": """
        ---
        title: Fifth quarter
        cycle: FY2027-Q5
        owner: Tom Lee
        ---
    """,
    "content/objectives/first.md": """
        ---
        title: First quarter
        cycle: 1Q FY28
        owner: Tom Lee
        ---
    """,
    "content/objectives/half.md": """
        ---
        title: First half
        cycle: FY28 1H
        owner: Tom Lee
        ---
    """,
}


def test_unknown_cycle_hints_name_the_fiscal_forms_in_the_year_of_as_of(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", APR)
    code, out = run("check", "--site", str(site), "--no-cache")
    assert code == 1, out
    errors = [line for line in out.splitlines() if ": error " in line]
    # 1Q FY28 and FY28 1H are cycles, as 4Q26 is a calendar one
    assert len(errors) == 1 and "five.md:3:8: error OKR302: unknown cycle 'FY2027-Q5'" in out, out
    assert "FY2028-Q1 … FY2028-Q4" in out and "FY2028-H1" in out, out
    assert "2026" not in errors[0] and "[cycles." not in errors[0], out
    (site / "content/objectives/five.md").unlink()
    out_dir = tmp_path / "out"
    code, out = run("build", "--site", str(site), "--no-cache", "--out", str(out_dir))
    assert code == 0, out
    assert (out_dir / "cycles/FY2028-Q1/index.html").is_file()
    assert (out_dir / "cycles/FY2028-H1/index.html").is_file()
    code, out = run("carry", "1Q FY28", "FY28 Q5", "--site", str(site), "--dry-run")
    assert code == 2 and "unknown cycle 'FY28 Q5'" in out and "FY2028-Q1 … FY2028-Q4" in out, out
    assert "2026-H1" not in out, out
    # fiscal_year_start written but refused (CFG004): the hint is that setting's problem
    write_site(site, {"okrsite.toml": APR["okrsite.toml"].replace("4", '"1 April"', 1)})
    code, out = run("check", "--site", str(site), "--no-cache")
    assert code == 1 and "okrsite.toml:2: error CFG004" in out, out
    refused = [line for line in out.splitlines() if "OKR302" in line]
    assert len(refused) == 2, out
    for line in refused:
        assert "fiscal_year_start is set but not read (okrsite.toml:2, CFG004" in line, line
        assert "set fiscal_year_start in okrsite.toml" not in line, line


def test_carry_from_a_cycle_no_objective_is_in_names_the_sites_cycles(tmp_path: Path) -> None:
    site = feb_site(tmp_path)
    code, out = run("carry", "Q4 2026", "Q1 2027", "--site", str(site), "--dry-run")
    assert code == 2, out
    assert "no objective is in cycle 2026-Q4 (2026-10-01 – 2026-12-31)" in out, out
    assert "this site's cycles with objectives: FY2027, FY2027-Q4" in out, out
    assert "nothing to carry from" not in out
    code, out = run("carry", "FY27 Q4", "Q1 FY28", "--site", str(site), "--dry-run")
    assert code == 0 and "would write content/objectives/sales/q4-bookings-fy2028-q1.md" in out, out
