"""Audit 44 (first-timer), findings 2 and 3.

2. ``okrsite init`` pinned ``default_cycle`` to the quarter it ran in, so the
   next quarter ``okrsite new objective|goal`` and ``okrsite import`` filed
   every new objective into a finished cycle (missed and red at once)
   without a word. Now ``init`` leaves it commented out, ``new``/``import``
   say so when it has ended, and ``check`` warns at its line (CFG020).
3. A check-in copied into another record's folder whose ``objective:``
   still named the old one counted for that one silently; now OKR322 at
   ``objective:``. OKR311 named a file of another folder by its bare name.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from conftest import run_cli

from okrsite.scaffold import init_site, quarter_of

DAY = date(2026, 12, 5)  # as the audit ran: 2026-Q4 running


def site_set_up_last_quarter(tmp_path: Path, default_cycle: str = "2026-Q3") -> Path:
    """The sample site, with the default_cycle an older init pinned."""
    site = tmp_path / "goals"
    init_site(site, today=DAY)
    toml = site / "okrsite.toml"
    lines = [x for x in toml.read_text(encoding="utf-8").splitlines() if "default_cycle" not in x]
    toml.write_text("\n".join([*lines, f'default_cycle = "{default_cycle}"', ""]), encoding="utf-8")
    return site


# ------------------------------------------------------------------ 2.


def test_init_leaves_default_cycle_a_comment(tmp_path: Path) -> None:
    site = tmp_path / "goals"
    code, out = run_cli("init", str(site))
    assert code == 0, out
    toml = (site / "okrsite.toml").read_text(encoding="utf-8")
    assert not re.search(r"^\s*default_cycle\s*=", toml, re.M), toml
    assert f'# default_cycle = "{quarter_of(date.today())}"' in toml
    # so next quarter, new objectives take the quarter they are written in
    # and check has nothing to say about the setting
    code, out = run_cli("check", "--site", str(site), "--as-of", "2027-04-10")
    assert "CFG020" not in out, out


def test_new_objective_and_goal_say_when_default_cycle_has_ended(tmp_path: Path) -> None:
    site = site_set_up_last_quarter(tmp_path, "2020-Q1")  # over whatever today is
    now = quarter_of(date.today())
    code, out = run_cli("new", "objective", "later/y", "--title", "Next", "--site", str(site))
    assert code == 0, out
    assert "cycle: 2020-Q1" in (site / "content/objectives/later/y.md").read_text()
    assert (
        "okrsite: note: default_cycle 2020-Q1 of okrsite.toml ended on 2020-03-31: "
        "writing it anyway, so the objective is over (missed) from the start; pass "
        f"--cycle {now}, or update default_cycle in okrsite.toml"
    ) in out, out
    code, out = run_cli("new", "goal", "handbook-2", "--site", str(site))
    assert code == 0, out
    assert "default_cycle 2020-Q1 of okrsite.toml ended on 2020-03-31" in out, out
    assert "so the goal is over (missed)" in out, out
    # --cycle given: default_cycle plays no part, nothing to say
    code, out = run_cli("new", "objective", "later/z", "--cycle", now, "--site", str(site))
    assert code == 0, out
    assert "default_cycle" not in out, out


def test_new_says_nothing_while_default_cycle_runs(tmp_path: Path) -> None:
    site = site_set_up_last_quarter(tmp_path, quarter_of(date.today()))
    code, out = run_cli("new", "objective", "later/y", "--site", str(site))
    assert code == 0, out
    assert "note" not in out, out


def test_import_without_cycle_says_when_default_cycle_has_ended(tmp_path: Path) -> None:
    site = site_set_up_last_quarter(tmp_path)
    toml = site / "okrsite.toml"
    toml.write_text(toml.read_text() + 'as_of = "2026-12-05"\n', encoding="utf-8")
    sheet = tmp_path / "okrs.csv"
    sheet.write_text("Objective,Key result,Target,Current\nGrow,Users,10,5\n", encoding="utf-8")
    code, out = run_cli("import", str(sheet), "--site", str(site))
    assert code == 0, out
    assert (
        "okrsite: note: default_cycle 2026-Q3 of okrsite.toml ended on 2026-09-30: writing "
        "it anyway, so each objective of a row without a cycle is over (missed) from the "
        "start; pass --cycle 2026-Q4, or update default_cycle in okrsite.toml"
    ) in out, out
    sheet2 = tmp_path / "more.csv"
    sheet2.write_text("Objective,Key result,Target,Current\nKeep,Users,10,5\n", encoding="utf-8")
    code, out = run_cli("import", str(sheet2), "--site", str(site), "--cycle", "2026-Q4")
    assert code == 0, out
    assert "default_cycle" not in out, out


def test_check_warns_of_an_ended_default_cycle_at_its_line(tmp_path: Path) -> None:
    site = site_set_up_last_quarter(tmp_path)
    line = (site / "okrsite.toml").read_text().splitlines().index('default_cycle = "2026-Q3"') + 1
    code, out = run_cli("check", "--site", str(site), "--as-of", "2026-12-05")
    assert code == 0, out
    assert (
        f"okrsite.toml:{line}: warning CFG020: default_cycle 2026-Q3 ended on 2026-09-30, "
        "before 2026-12-05: okrsite new and okrsite import write every objective and goal "
        "given no --cycle into it, over (missed) from the start"
    ) in out, out
    code, out = run_cli("check", "--site", str(site), "--as-of", "2026-12-05", "--strict")
    assert code == 1, out
    # while it runs: nothing; and a build says it as check does
    code, out = run_cli("check", "--site", str(site), "--as-of", "2026-09-15")
    assert "CFG020" not in out, out
    code, out = run_cli("build", "--site", str(site), "--as-of", "2026-12-05")
    assert code == 0 and "CFG020" in out, out


# ------------------------------------------------------------------ 3.

COPIED = """\
---
objective: cs/renewals
date: 2026-12-05T07:00
confidence: 1
---
Support is on fire
"""


def site_with_two_objectives(tmp_path: Path) -> Path:
    site = tmp_path / "goals"
    init_site(site, today=DAY)
    code, out = run_cli(
        "new",
        "objective",
        "cs/renewals",
        "--owner",
        "alex",
        "--cycle",
        "2026-Q4",
        "--site",
        str(site),
    )
    assert code == 0, out
    return site


def test_a_copied_checkin_naming_another_objective_is_warned_of(tmp_path: Path) -> None:
    site = site_with_two_objectives(tmp_path)
    copied = site / "content/checkins/company/faster-support/2026-12-05-2.md"
    copied.write_text(COPIED, encoding="utf-8")
    code, out = run_cli("check", "--site", str(site), "--as-of", "2026-12-05")
    assert code == 0, out
    assert (
        "content/checkins/company/faster-support/2026-12-05-2.md:2:12: warning OKR322: "
        "check-in in checkins/company/faster-support/, the folder of objective "
        "company/faster-support, names objective cs/renewals: it counts for cs/renewals, "
        "not for company/faster-support (hint: a copied file? fix objective: or move the file)"
    ) in out, out
    assert out.count("OKR322") == 1, out  # the sample's own check-ins are where they belong


def test_a_checkin_in_a_folder_naming_nothing_or_its_own_is_not_warned_of(
    tmp_path: Path,
) -> None:
    site = site_with_two_objectives(tmp_path)
    weekly = site / "content/checkins/weekly/2026-12-05.md"
    weekly.parent.mkdir(parents=True)
    weekly.write_text(COPIED, encoding="utf-8")
    own = site / "content/checkins/cs/renewals/2026-12-05.md"
    own.parent.mkdir(parents=True)
    own.write_text(COPIED.replace("07:00", "08:00"), encoding="utf-8")
    # a KPI reading in the folder of the objective whose key result follows it
    reading = site / "content/checkins/company/delight-customers/2026-12-04.md"
    reading.write_text("---\nkpi: nps\ndate: 2026-12-04\nvalue: 40\n---\n", encoding="utf-8")
    code, out = run_cli("check", "--site", str(site), "--as-of", "2026-12-05")
    assert code == 0, out
    assert "OKR322" not in out, out


def test_okr311_names_a_file_of_another_folder_with_its_folder(tmp_path: Path) -> None:
    site = site_with_two_objectives(tmp_path)
    copied = site / "content/checkins/company/faster-support/2026-12-06.md"
    copied.write_text(COPIED, encoding="utf-8")
    untimed = site / "content/checkins/cs/renewals/2026-12-05-9.md"
    untimed.parent.mkdir(parents=True)
    untimed.write_text(
        "---\nobjective: cs/renewals\ndate: 2026-12-05\nconfidence: 3\n---\n", encoding="utf-8"
    )
    code, out = run_cli("check", "--site", str(site), "--as-of", "2026-12-05")
    assert code == 0, out
    assert (
        "content/checkins/cs/renewals/2026-12-05-9.md:3:7: warning OKR311: check-in has no "
        "time of day, so it is read before checkins/company/faster-support/2026-12-06.md "
        "(07:00) of the same day"
    ) in out, out


def test_okr311_on_mixed_zones_names_a_file_of_another_folder_with_its_folder(
    tmp_path: Path,
) -> None:
    """The mixed-zones warning names the zoned check-ins as the other OKR311
    does: a copied file of another folder by its path, never two different
    files by one bare name (verify 44)."""
    site = site_with_two_objectives(tmp_path)
    copied = site / "content/checkins/company/faster-support/2026-12-05.md"
    copied.write_text(COPIED.replace("T07:00", "T07:00+01:00"), encoding="utf-8")
    own = site / "content/checkins/cs/renewals/2026-12-05.md"
    own.parent.mkdir(parents=True, exist_ok=True)
    own.write_text(
        "---\nobjective: cs/renewals\ndate: 2026-12-05T09:30+01:00\nconfidence: 4\n---\n",
        encoding="utf-8",
    )
    unzoned = site / "content/checkins/cs/renewals/2026-12-05-2.md"
    unzoned.write_text(
        "---\nobjective: cs/renewals\ndate: 2026-12-05T16:30\nconfidence: 3\n---\n",
        encoding="utf-8",
    )
    code, out = run_cli("check", "--site", str(site), "--as-of", "2026-12-05")
    assert code == 0, out
    (line,) = [row for row in out.splitlines() if "names no zone" in row]
    assert line.startswith("content/checkins/cs/renewals/2026-12-05-2.md:"), line
    assert "checkins/company/faster-support/2026-12-05.md (07:00+01:00)" in line, line
    assert ", 2026-12-05.md (09:30+01:00)" in line, line
