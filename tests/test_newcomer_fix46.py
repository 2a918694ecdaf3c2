"""The newcomer's audit 46: what a user following the docs word for word met.

1. ``okrsite export`` then ``okrsite import`` gave a SMART goal without a
   measure a made-up 0 -> 100 % one (so it became Measurable), and wrote
   the owner of a person known only by name as an id.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli, write_site

AS_OF = "2026-12-05"


def _export(site: Path) -> dict[str, Any]:
    code, out = run_cli("export", "--site", str(site), "--as-of", AS_OF)
    assert code == 0, out
    return json.loads(out)


def test_round_trip_keeps_a_goal_without_measure_and_its_owners_name(tmp_path: Path) -> None:
    source = write_site(
        tmp_path / "g1",
        {
            "content/goals/handbook.md": """
                ---
                title: Support handbook v2
                owner: Zoë Ångström
                team: Customer Success
                cycle: 2026-Q4
                ---
                Write the v2 handbook with the team.
                """,
            "content/goals/ramp.md": """
                ---
                title: Ramp new hires
                owner: Bo Li
                due: 2026-12-20
                measure: {start: 2, target: 12, current: 5}
                ---
                Ramp them up.
                """,
        },
    )
    exported = _export(source)
    pf = tmp_path / "p.json"
    pf.write_text(json.dumps(exported), encoding="utf-8")
    target = tmp_path / "g2"
    (target / "content").mkdir(parents=True)
    code, out = run_cli("import", str(pf), "--site", str(target), "--date", AS_OF)
    assert code == 0, out

    handbook = (target / "content/goals/handbook.md").read_text(encoding="utf-8")
    assert "measure" not in handbook, handbook
    assert "owner: Zoë Ångström\n" in handbook, handbook
    assert "team: Customer Success\n" in handbook, handbook
    # the goal that had a measure keeps its progress as one
    assert "measure: {start: 0, target: 100, current: 30" in (
        target / "content/goals/ramp.md"
    ).read_text(encoding="utf-8")

    # export, import, export again: the same goals, Measurable or not
    assert _export(target)["goals"] == exported["goals"]
    assert [g["smart"]["M"] for g in exported["goals"]] == [False, True]

    code, out = run_cli("build", "--site", str(target), "--as-of", AS_OF)
    assert code == 0, out
    page = (target / "_site/goals/handbook/index.html").read_text(encoding="utf-8")
    assert "Zoë Ångström" in page
    assert "zoe-angstrom</" not in page


# 2. A name or id written with a letter of another script (Cyrillic і, а)
#    is another name or id that prints exactly like the one meant: each
#    message says so and names the letter and its place.

PERSON = "---\ntitle: Uma Diaz\n---\n"
BOOKINGS = """
    ---
    title: Q4 bookings
    cycle: 2026-Q4
    owner: Uma Diaz
    key_results:
      - {id: a, title: A, target: 10}
      - {id: b, title: B, target: 10}
    ---
    """


def _cy(owner: str, parent: str) -> str:
    return (
        f"---\ntitle: Cy\ncycle: 2026-Q4\nowner: {owner}\nparent: {parent}\n"
        "key_results:\n  - {id: a, title: A, target: 10}\n  - {id: b, title: B, target: 10}\n---\n"
    )


def _check(site: Path) -> tuple[int, list[dict[str, Any]]]:
    code, out = run_cli("check", "--site", str(site), "--as-of", "2026-11-20", "--format", "json")
    return code, json.loads(out)


def test_look_alike_references_name_the_letter(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "diag",
        {
            "content/people/uma-diaz.md": PERSON,
            "content/objectives/q4-bookings.md": BOOKINGS,
            "content/objectives/cy.md": _cy("Uma D\u0456az", "q4-book\u0456ngs"),
            "content/checkins/cy/2026-11-05.md": "---\ndate: 2026-11-05\nvalues: {\u0430: 1}\n---\n",
        },
    )
    code, found = _check(site)
    assert code == 1
    by_code = {d["code"]: d for d in found if d["code"] in ("OKR303", "OKR304", "OKR320")}
    parent = by_code["OKR303"]
    assert "did you mean 'q4-bookings'?" in parent["hint"]
    assert "U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I" in parent["hint"]
    assert "as character 8" in parent["hint"]
    kr = by_code["OKR304"]
    assert "did you mean 'a'?" in kr["hint"] and "U+0430 CYRILLIC SMALL LETTER A" in kr["hint"]
    owner = by_code["OKR320"]
    assert owner["file"] == "content/objectives/cy.md" and owner["line"] == 4
    assert "'Uma D\u0456az' looks like the person 'Uma Diaz'" in owner["message"]
    assert "U+0456" in owner["message"] and "as character 6" in owner["message"]
    # no "did you mean 'Uma Diaz'?" printing the typed name back as OKR306 did
    assert not [d for d in found if d["code"] == "OKR306"]


def test_look_alike_author_is_no_silent_second_person(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "content/people/uma-diaz.md": PERSON,
            "content/objectives/q4-bookings.md": BOOKINGS,
            "content/checkins/q4-bookings/2026-11-05.md": (
                "---\ndate: 2026-11-05\nauthor: Uma D\u0456az\nvalues: {a: 1}\n---\n"
            ),
        },
    )
    code, found = _check(site)
    assert code == 0
    [said] = [d for d in found if d["code"] == "OKR320"]
    assert said["file"] == "content/checkins/q4-bookings/2026-11-05.md" and said["line"] == 3
    assert "author 'Uma D\u0456az' looks like the person 'Uma Diaz'" in said["message"]
    assert "U+0456" in said["message"]
    code, out = run_cli("build", "--site", str(site), "--as-of", "2026-11-20")
    assert code == 0 and "OKR320" in out, out


# 3. import.md's first command, run in a new folder beside the sheet


SHEET = (
    "Objective,Key result,Owner,Team,Quarter,Start,Target,Current,Unit\n"
    "Delight our customers,Raise NPS from 30 to 45,Uma Diaz,Customer Success,Q1 2026,30,45,36,points\n"
    ",Cut first response time to 2 hours,,,,8,2,5,h\n"
)


def test_import_in_a_new_folder_starts_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "imp"
    folder.mkdir()
    (folder / "okrs.csv").write_text(SHEET, encoding="utf-8")
    monkeypatch.chdir(folder)
    code, out = run_cli("import", "okrs.csv", "--dry-run")
    assert code == 0, out
    assert not (folder / "content").exists()
    code, out = run_cli("import", "okrs.csv")
    assert code == 0, out
    assert "starts one in this folder" in out
    assert (folder / "content/objectives/customer-success/delight-our-customers.md").is_file()
    code, out = run_cli("build", "--as-of", "2026-02-15")
    assert code == 0, out
    assert (folder / "_site/index.html").is_file()


def test_import_refuses_a_folder_holding_a_sites_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "imp"
    (folder / "objectives").mkdir(parents=True)
    (folder / "okrs.csv").write_text(SHEET, encoding="utf-8")
    monkeypatch.chdir(folder)
    code, out = run_cli("import", "okrs.csv")
    assert code == 2
    assert "it holds objectives/" in out and "mkdir content" in out
    assert not (folder / "content").exists()


# 4. OKR311 for a check-in dated by its file name: no date: to add a time to


def test_okr311_for_a_checkin_dated_by_its_name_says_to_add_a_date_line(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "content/objectives/s.md": (
                "---\ntitle: S\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
                "  - {id: deflection, title: D, target: 25}\n  - {id: b, title: B, target: 10}\n---\n"
            ),
            "content/checkins/s/2026-11-26.md": (
                "---\ndate: 2026-11-26T17:00+01:00\nvalues: {deflection: 10}\n---\n"
            ),
            "content/checkins/s/2026-11-26-3.md": "---\nvalues: {deflection: 12}\n---\n",
            "content/checkins/s/2026-11-27.md": (
                "---\ndate: 2026-11-27T17:00+01:00\nvalues: {deflection: 13}\n---\n"
            ),
            "content/checkins/s/2026-11-27-2.md": "---\ndate: 2026-11-27\nvalues: {deflection: 14}\n---\n",
        },
    )
    code, found = _check(site)
    assert code == 0
    said = {d["file"].rsplit("/", 1)[-1]: d for d in found if d["code"] == "OKR311"}
    by_name = said["2026-11-26-3.md"]
    assert by_name["line"] == 1
    assert (
        "its day comes from its file name: add a line date: 2026-11-26T17:01+01:00"
        in (by_name["hint"])
    )
    # a file with date: still has the time added to it, at that line
    written = said["2026-11-27-2.md"]
    assert written["line"] == 2
    assert written["hint"].startswith("add the time to its date, e.g. date: 2026-11-27T17:01+01:00")
    code, out = run_cli("build", "--site", str(site), "--as-of", "2026-11-30")
    assert code == 0 and "2026-11-26-3.md:1: warning OKR311" in out, out
