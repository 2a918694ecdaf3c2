"""Ids of a site shared between macOS, Windows and Linux (audit 38).

A folder spelled in two letter cases, a person's file named as ``owner:``
writes the name, a file name in NFD beside the same in NFC, a reference
written as a file's path, a check-in folder in other letter case: Linux
built two folders that macOS and Windows hold as one, or said a file that
is there is not. Ids of existing files are never changed: these report
what to rename, find what was meant, and keep new files consistent.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from conftest import run_cli, write_site

TOML = 'title = "T"\ndefault_cycle = "2026-Q4"\n'

OBJECTIVE = """\
---
title: {title}
cycle: 2026-Q4
owner: Uma Diaz
key_results:
  - id: leads
    title: Leads
    start: 0
    target: 200
  - id: booth
    title: Booth
    done: false
---
"""


def _site(root: Path, files: dict[str, str]) -> Path:
    return write_site(root / "site", {"okrsite.toml": TOML, **files})


def _check(site: Path) -> tuple[int, str]:
    return run_cli("check", "--site", str(site), "--as-of", "2026-12-04")


def _sales(root: Path) -> Path:
    return _site(
        root,
        {
            "content/objectives/Vertrieb/Messe.md": OBJECTIVE.format(title="Messe"),
            "content/objectives/Vertrieb/Kundenzufriedenheit steigern.md": OBJECTIVE.format(
                title="Kunden"
            ),
        },
    )


def test_folders_differing_only_in_case_are_reported_naming_both_files(tmp_path: Path) -> None:
    site = _sales(tmp_path)
    code, out = _check(site)
    assert code == 0, out  # a warning: the ids stay as users typed them
    lines = [line for line in out.splitlines() if "OKR301" in line]
    assert len(lines) == 1, out
    (line,) = lines
    assert line.startswith("content/objectives/Vertrieb/Kundenzufriedenheit steigern.md:1:")
    assert "warning OKR301" in line
    assert "content/objectives/Vertrieb/Messe.md" in line
    assert "'id: Vertrieb/kundenzufriedenheit-steigern'" in line


def test_folders_in_one_spelling_get_no_warning(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "content/objectives/vertrieb/messe.md": OBJECTIVE.format(title="Messe"),
            "content/objectives/Vertrieb2/Kunden steigern.md": OBJECTIVE.format(title="K"),
        },
    )
    code, out = _check(site)
    assert code == 0 and "OKR301" not in out, out


def test_new_objective_goes_into_the_folder_already_there(tmp_path: Path) -> None:
    site = _sales(tmp_path)
    code, out = run_cli("new", "objective", "Vertrieb/Messe 2027", "--site", str(site))
    assert code == 0, out
    assert (site / "content/objectives/Vertrieb/messe-2027.md").is_file()
    assert not (site / "content/objectives/vertrieb").exists()
    assert "Vertrieb/messe-2027" in out
    # the path as typed for okrsite new names it for okrsite checkin
    code, out = run_cli(
        "checkin",
        "Vertrieb/Messe 2027",
        "--confidence",
        "5",
        "--date",
        "2026-11-20",
        "--site",
        str(site),
    )
    assert code == 0, out
    written = site / "content/checkins/Vertrieb/messe-2027/2026-11-20.md"
    assert "objective: Vertrieb/messe-2027" in written.read_text(encoding="utf-8")


def test_checkin_goes_into_the_checkin_folder_already_there(tmp_path: Path) -> None:
    site = _sales(tmp_path)
    write_site(
        site, {"content/checkins/vertrieb/messe/2026-11-01.md": "---\nvalues: {leads: 5}\n---\n"}
    )
    code, out = run_cli(
        "checkin", "Vertrieb/Messe", "--set", "leads=7", "--date", "2026-11-20", "--site", str(site)
    )
    assert code == 0, out
    assert (site / "content/checkins/vertrieb/messe/2026-11-20.md").is_file()
    assert not (site / "content/checkins/Vertrieb").exists()


def test_checkin_folder_differing_only_in_case_is_the_objectives(tmp_path: Path) -> None:
    site = _sales(tmp_path)
    write_site(
        site, {"content/checkins/vertrieb/messe/2026-11-20.md": "---\nvalues: {leads: 5}\n---\n"}
    )
    code, out = _check(site)
    assert code == 0, out
    assert "OKR101" not in out
    assert "1 check-in" in out


def test_person_and_team_files_are_named_by_their_own_names(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "content/teams/Vertrieb.md": "---\ntitle: Vertrieb Team\nlead: Uma\n---\n",
            "content/people/Uma.md": "---\ntitle: Uma Diaz\n---\n",
            "content/people/Jürgen.md": "---\ntitle: Jürgen Weiß\n---\n",
            "content/objectives/x.md": OBJECTIVE.format(title="X").replace(
                "owner: Uma Diaz", "owner: Uma\nteam: Vertrieb"
            ),
            "content/objectives/y.md": OBJECTIVE.format(title="Y").replace(
                "owner: Uma Diaz", "owner: Jürgen\nteam: vertrieb"
            ),
        },
    )
    code, out = _check(site)
    assert code == 0 and "OKR306" not in out, out
    code, out = run_cli("build", "--site", str(site), "--as-of", "2026-12-04")
    assert code == 0, out
    people = sorted(p.name for p in (site / "_site/people").iterdir() if p.is_dir())
    teams = sorted(p.name for p in (site / "_site/teams").iterdir() if p.is_dir())
    assert people == ["Jürgen", "Uma"]
    assert teams == ["Vertrieb"]


def test_nfd_twin_of_an_nfc_file_is_reported_and_nfd_references_find_it(tmp_path: Path) -> None:
    nfc = "content/objectives/Marketing/Größe.md"
    nfd = unicodedata.normalize("NFD", nfc)
    typed_nfd = unicodedata.normalize("NFD", "Marketing/Größe")
    site = _site(
        tmp_path,
        {
            nfc: OBJECTIVE.format(title="G"),
            nfd: OBJECTIVE.format(title="G"),
            "content/checkins/2026-11-05.md": f"---\nobjective: {typed_nfd}\nvalues: {{leads: 3}}\n---\n",
        },
    )
    code, out = _check(site)
    assert code == 1, out
    errors = [line for line in out.splitlines() if " error " in line]
    assert len(errors) == 1, out
    assert "OKR301" in errors[0] and "Unicode form" in errors[0] and "NFD" in errors[0]
    assert "'marketing/grosse'" in errors[0]  # the NFD file, its id as it always was
    assert "OKR006" not in out and "OKR101" not in out
    assert "1 check-in" in out


def test_lone_nfd_file_keeps_its_folded_id(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "content/objectives/Marketing/Größe.md")
    site = _site(
        tmp_path,
        {
            nfd: OBJECTIVE.format(title="G"),
            "content/checkins/2026-11-05.md": "---\nobjective: marketing/grosse\nvalues: {leads: 3}\n---\n",
        },
    )
    code, out = _check(site)
    assert code == 0 and "OKR301" not in out, out


def test_checkin_naming_the_objective_by_its_path_is_that_objective(tmp_path: Path) -> None:
    """The file's path as people name files folds to the objective's id, as the
    file's own id does: the check-in counts (it was an error with the id to
    write until session 41; a path that folds to no record still is one)."""
    site = _sales(tmp_path)
    write_site(
        site,
        {
            "content/checkins/2026-11-20.md": "---\nobjective: Vertrieb/Kundenzufriedenheit steigern\n"
            "values: {leads: 5}\n---\n"
        },
    )
    code, out = _check(site)
    assert code == 0, out
    assert " error " not in out and "OKR101" not in out, out
    assert "1 check-in" in out


def test_checkin_folder_named_in_nfd_is_the_nfc_objectives(tmp_path: Path) -> None:
    folder = unicodedata.normalize("NFD", "content/checkins/Marketing/Größe")
    site = _site(
        tmp_path,
        {
            "content/objectives/Marketing/Größe.md": OBJECTIVE.format(title="G"),
            f"{folder}/2026-11-20.md": "---\nvalues: {leads: 5}\n---\n",
        },
    )
    code, out = _check(site)
    assert code == 0 and "OKR101" not in out, out
    assert "1 check-in" in out


def test_one_warning_for_a_folder_its_ids_spell_two_ways(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "content/objectives/Sales/Plan.md": OBJECTIVE.format(title="Plan"),
            "content/objectives/Sales/Hiring.md": OBJECTIVE.format(title="Hiring"),
            "content/objectives/Sales/Plan (draft).md": OBJECTIVE.format(title="Draft"),
            "content/objectives/Sales/Grow EMEA.md": OBJECTIVE.format(title="Grow"),
        },
    )
    code, out = _check(site)
    assert code == 0, out  # still a warning
    lines = [line for line in out.splitlines() if "OKR301" in line]
    assert len(lines) == 1, out
    (line,) = lines
    # on the first file the folding made differ
    assert line.startswith("content/objectives/Sales/Grow EMEA.md:1: warning OKR301"), line
    assert "'Sales' by 2 ids" in line and "'sales' by 2 ids" in line, line
    assert 'git mv "content/objectives/Sales" content/objectives/sales' in line, line
    assert "'Sales/Hiring' becomes 'sales/Hiring'" in line, line
    assert "'id: Sales/grow-emea'" in line, line
    # the one-step fix leaves no warning
    (site / "content/objectives/Sales").rename(site / "content/objectives/sales")
    code, out = _check(site)
    assert code == 0 and "OKR301" not in out, out


_RETENTION = {"content/objectives/Customer Success/Retention.md": OBJECTIVE.format(title="R")}


def test_new_objective_goes_into_the_folder_that_folds_to_its_id(tmp_path: Path) -> None:
    site = _site(tmp_path, _RETENTION)
    code, out = run_cli(
        "new", "objective", "Customer Success/Onboarding", "--owner", "x", "--site", str(site)
    )
    assert code == 0, out
    assert (site / "content/objectives/Customer Success/onboarding.md").is_file()
    assert not (site / "content/objectives/customer-success").exists()
    assert "the id is customer-success/onboarding" in out, out
    code, out = _check(site)
    assert code == 0 and "OKR301" not in out, out
    assert "2 objectives" in out, out


def test_checkin_goes_into_the_checkin_folder_that_folds_to_its_id(tmp_path: Path) -> None:
    site = _site(tmp_path, _RETENTION)
    write_site(
        site,
        {
            "content/checkins/Customer Success/Retention/2026-11-01.md": "---\nvalues: {leads: 5}\n---\n"
        },
    )
    code, out = run_cli(
        "checkin",
        "customer-success/retention",
        "--set",
        "leads=7",
        "--date",
        "2026-11-20",
        "--site",
        str(site),
    )
    assert code == 0, out
    assert (site / "content/checkins/Customer Success/Retention/2026-11-20.md").is_file()
    assert not (site / "content/checkins/customer-success").exists()
    code, out = _check(site)
    assert code == 0 and "2 check-ins" in out, out
