"""A new team's first day: ``okrsite init``, ``new``, ``checkin`` and ``import``
run as a person runs them (in the site's folder, with no ``--site``), on a real
site, with ``okrsite check`` and ``okrsite build`` after each, reading the files
written as a person would.

The commands run in this process through click's runner, from the site's
folder (a real process each was two thirds of this file's time);
``okrsite init`` runs as the real ``python -m okrsite``, so that the entry
point a person types is run here too."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO
from openpyxl import Workbook

from okrsite.cli import cli
from okrsite.scaffold import init_site

DAY = date(2026, 12, 2)


def okrsite(cwd: Path, *args: str) -> tuple[int, str, str]:
    """The command line, from ``cwd``, as a person types it: (exit code,
    stdout, stderr), failing on a traceback or any exception but the exit."""
    before = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, list(args), prog_name="okrsite", env={"NO_COLOR": "1"})
    finally:
        os.chdir(before)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        result.exception,
        result.output,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result.exit_code, result.stdout, result.stderr


def okrsite_process(cwd: Path, *args: str) -> tuple[int, str, str]:
    """The real command line, ``python -m okrsite``, from ``cwd``."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "okrsite", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, done.stdout, done.stderr


def check_and_build(site: Path) -> str:
    """``okrsite check`` and ``okrsite build`` both take the site; check's output."""
    code, out, err = okrsite(site, "check")
    assert code == 0 and " 0 errors" in err, err
    code, _, err = okrsite(site, "build")
    assert code == 0, err
    return err


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """``okrsite init``'s sample site as of DAY (its dates follow the day it
    is made), with ``as_of`` pinned so that every build judges it at DAY."""
    root = tmp_path / "my-goals"
    init_site(root, today=DAY)
    toml = root / "okrsite.toml"
    # a top-level key before any table (init leaves default_cycle a comment)
    toml.write_text(f"as_of = {DAY}\n" + toml.read_text(encoding="utf-8"), encoding="utf-8")
    return root


# ------------------------------------------------------------------ import
def test_xlsx_with_a_title_above_the_header_percentages_and_serial_dates(site: Path) -> None:
    """A sheet as people make one: a merged title row, the header on row 4,
    percentages stored as fractions with a % format, the objective's cells
    merged down its rows, and a Due date column that holds Excel serial
    numbers (formatted General) instead of dates."""
    book = Workbook()
    ws = book.active
    ws["A1"] = "Customer Success OKRs"
    ws.merge_cells("A1:H1")
    ws["A2"] = "last updated 28.11.2026"
    ws.merge_cells("A2:H2")
    header = ["Objective", "Key Result", "Owner", "Team", "Start", "Target", "Current", "Due date"]
    for col, text in enumerate(header, 1):
        ws.cell(row=4, column=col, value=text)
    rows = [
        ["Delight our customers", "Raise CSAT to 92%", "José Álvarez", "Customer Success",
         0.85, 0.92, 0.88, 46387],
        [None, "Cut churn to 2%", None, None, 0.05, 0.02, 0.031, 46387],
    ]  # fmt: skip
    for r, row in enumerate(rows, 5):
        for c, value in enumerate(row, 1):
            cell = ws.cell(row=r, column=c, value=value)
            if c in (5, 6, 7):
                cell.number_format = "0.0%"
    for merged in ("A5:A6", "C5:C6", "D5:D6"):
        ws.merge_cells(merged)
    book.save(site / "okrs.xlsx")

    code, out, err = okrsite(site, "import", "okrs.xlsx")
    assert code == 0, err
    text = (site / "content/objectives/customer-success/delight-our-customers.md").read_text(
        encoding="utf-8"
    )
    # 46387 is 2026-12-31: the due date gives the cycle, 2026-Q4
    assert "cycle: 2026-Q4\nowner: José Álvarez\nteam: Customer Success\n" in text
    assert "    start: 85\n    target: 92\n    current: 88\n" in text
    assert "    start: 5\n    target: 2\n    current: 3.1\n" in text
    check_and_build(site)


def test_a_serial_in_a_date_column_that_is_no_date_is_still_refused(site: Path) -> None:
    (site / "okrs.csv").write_text(
        "Objective,Key result,Target,Due\nShip it,Ship v2,10,123\n", encoding="utf-8"
    )
    code, _, err = okrsite(site, "import", "okrs.csv")
    assert code == 1
    assert "okrs.csv:2:4: error IMP103: row 2, column D 'Due': '123' is not a date" in err


def test_imported_confidence_is_a_check_in_in_block_yaml(site: Path) -> None:
    """The check-in carrying the sheet's confidence is written one key a line,
    as a person writes one, not as one ``{…}`` line."""
    (site / "okrs.csv").write_text(
        "Objective,Key result,Target,Current,Quarter,Confidence\n"
        "Ship faster,Cut lead time,2,5,Q4 2026,70%\n",
        encoding="utf-8",
    )
    code, _, err = okrsite(site, "import", "okrs.csv")
    assert code == 0, err
    text = (site / f"content/checkins/ship-faster/{DAY}.md").read_text(encoding="utf-8")
    assert text.startswith(f"---\nobjective: ship-faster\ndate: {DAY}\nconfidence: 7\n---\n"), text
    check_and_build(site)


def test_google_sheets_csv_keeps_the_currency_and_the_note(site: Path) -> None:
    """A Google Sheets export: CRLF, a quoted title with a comma, dollar
    figures with thousands commas, a note over two lines. The figures' ``$``
    is the key result's unit, as ``target: $250,000`` in a file gives it."""
    (site / "gs.csv").write_bytes(
        b"Objective,Key Result,Owner,Team,Quarter,Start,Target,Current,Unit,Notes\r\n"
        b'"Grow revenue, profitably",Reach $250K MRR,Ana Ruiz,Sales,Q4 2026,'
        b'"$180,000","$250,000","$205,500",,"Pipeline looks good.\nTwo deals slipped."\r\n'
        b",Sign 5 partners,,,,0,5,2,partners,\r\n"
    )
    code, _, err = okrsite(site, "import", "gs.csv")
    assert code == 0, err
    text = (site / "content/objectives/sales/grow-revenue-profitably.md").read_text(
        encoding="utf-8"
    )
    assert text.startswith("---\ntitle: Grow revenue, profitably\ncycle: 2026-Q4\n"), text
    assert (
        "    start: 180000\n    target: 250000\n    current: 205500\n    unit: $\n"
        "  - id: sign-5-partners\n"
    ) in text
    assert "unit: partners\n" in text
    assert "- Reach $250K MRR: Pipeline looks good.\n  Two deals slipped.\n" in text
    check_and_build(site)
    json_text = (site / "_site/api/portfolio.json").read_text(encoding="utf-8")
    assert '"unit": "$"' in json_text


def test_german_excel_semicolon_csv_with_erledigt(site: Path) -> None:
    """German Excel's "CSV": semicolons, Windows-1252, decimal commas, euro
    amounts with point groups, and ``erledigt`` for a yes/no key result."""
    (site / "de.csv").write_bytes(
        (
            "Ziel;Schlüsselergebnis;Verantwortlich;Abteilung;Quartal;Startwert;Zielwert;"
            "Istwert;Einheit\r\n"
            "Umsatz steigern;Umsatz auf 1,5 Mio. steigern;Jürgen Weiß;Vertrieb DACH;Q4 2026;"
            "1.200.000 €;1.500.000 €;1.310.500,50 €;\r\n"
            ";Neues CRM einführen;;;;;;erledigt;\r\n"
            ";Partnerportal starten;;;;;;nein;\r\n"
        ).encode("cp1252")
    )
    code, _, err = okrsite(site, "import", "de.csv")
    assert code == 0, err
    text = (site / "content/objectives/vertrieb-dach/umsatz-steigern.md").read_text(
        encoding="utf-8"
    )
    assert "owner: Jürgen Weiß\nteam: Vertrieb DACH\n" in text
    assert "    start: 1200000\n    target: 1500000\n    current: 1310500.5\n    unit: €\n" in text
    assert "    title: Neues CRM einführen\n    done: true\n" in text
    assert "    title: Partnerportal starten\n    done: false\n" in text
    check_and_build(site)


# ------------------------------------------------------------------ init, new
def test_init_in_a_folder_with_a_space_says_a_command_that_works(tmp_path: Path) -> None:
    code, out, err = okrsite_process(tmp_path, "init", "our goals")
    assert code == 0, err
    assert "next: cd 'our goals' && okrsite serve" in out
    check_and_build(tmp_path / "our goals")


def test_new_person_and_team_by_name_silence_okr306(site: Path) -> None:
    """People write names: the objective's owner and team warn until their
    files exist, the warning gives the command, and the command writes a
    file named by the id with the name as typed."""
    code, _, err = okrsite(
        site,
        "new", "objective", "cs/renewals",
        "--owner", "José Álvarez", "--team", "Customer Success",
        "--title", "Renew 95% of contracts: on time, every time",
    )  # fmt: skip
    assert code == 0, err
    assert (
        "content/objectives/cs/renewals.md:4:8: warning OKR306: owner 'José Álvarez' "
        "(jose-alvarez) is not a person in content/people/ (hint: add "
        'content/people/jose-alvarez.md (okrsite new person "José Álvarez"))'
    ) in err
    code, _, err = okrsite(site, "new", "person", "José Álvarez", "--team", "Customer Success")
    assert code == 0, err
    assert "okrsite: 'José Álvarez' is jose-alvarez" in err
    code, _, err = okrsite(
        site, "new", "team", "Customer Success", "--owner", "José Álvarez", "--parent", "Company"
    )
    assert code == 0, err
    person = (site / "content/people/jose-alvarez.md").read_text(encoding="utf-8")
    assert person.startswith("---\ntitle: José Álvarez\nteam: Customer Success\n# role:"), person
    assert "# team:" not in person and person.endswith("---\n")
    team = (site / "content/teams/customer-success.md").read_text(encoding="utf-8")
    assert team.startswith(
        "---\ntitle: Customer Success\nlead: José Álvarez\nparent: Company\n# members:"
    ), team
    out = check_and_build(site)
    assert "OKR306" not in out, out
    html = (site / "_site/people/jose-alvarez/index.html").read_text(encoding="utf-8")
    assert "José Álvarez" in html and "Renew 95% of contracts: on time, every time" in html
    # a person takes no --owner: a usage error, nothing written
    code, _, err = okrsite(site, "new", "person", "Bo Li", "--owner", "alex")
    assert code == 2 and "a person takes --team" in err
    assert not (site / "content/people/bo-li.md").exists()


def test_new_takes_an_id_typed_as_names_and_a_parent_by_its_title(site: Path) -> None:
    code, _, err = okrsite(
        site,
        "new", "objective", "Customer Success/Renewals Q4",
        "--parent", "delight our customers#Raise NPS",
    )  # fmt: skip
    assert code == 0, err
    assert "'Customer Success/Renewals Q4' is written as the id customer-success/renewals-q4" in err
    assert "'delight our customers' is company/delight-customers" in err
    text = (site / "content/objectives/customer-success/renewals-q4.md").read_text(encoding="utf-8")
    assert text.startswith(
        "---\ntitle: Renewals Q4\ncycle: 2026-Q4\nparent: company/delight-customers#nps\n"
    ), text
    # a goal supporting a KPI named by its title; no commented example of supports: left
    code, _, err = okrsite(site, "new", "goal", "nps-survey", "--parent", "Net Promoter Score")
    assert code == 0, err
    goal = (site / "content/goals/nps-survey.md").read_text(encoding="utf-8")
    assert "\nsupports: nps\n" in goal and "# supports" not in goal
    check_and_build(site)
    # a parent that names nothing is the loader's error, and nothing is written
    code, _, err = okrsite(site, "new", "objective", "cs/x", "--parent", "Nothing like it")
    assert code == 1 and "error OKR303: parent objective 'Nothing like it' does not exist" in err
    assert not (site / "content/objectives/cs/x.md").exists()


# ------------------------------------------------------------------ checkin
def test_checkins_as_people_type_them(site: Path) -> None:
    """Twice a day, by title in another case, a key result by its title,
    '12,5 %', a note with quotes and a line break; a check-in with no note
    ends with its front matter; an empty --note records nothing."""
    code, _, err = okrsite(
        site,
        "checkin", "answer SUPPORT tickets faster",
        "--set", "first response=5", "--set", "Self-Serve=12,5 %",
        "--note", 'He said "ship it"\nsecond line: yes',
        "--date", "2026-12-02 9:15 am",
    )  # fmt: skip
    assert code == 0, err
    code, _, err = okrsite(
        site, "checkin", "faster-support", "--set", "self-serve=14", "--date", "2026-12-02 16:40"
    )
    assert code == 0, err
    folder = site / "content/checkins/company/faster-support"
    first = (folder / "2026-12-02-2.md").read_text(encoding="utf-8")
    assert first == (
        "---\nobjective: company/faster-support\ndate: 2026-12-02T09:15+00:00\n"
        "values: {first-response: 5, self-serve: 12.5}\n---\n"
        'He said "ship it"\nsecond line: yes\n'
    ), first
    second = (folder / "2026-12-02-3.md").read_text(encoding="utf-8")
    assert second == (
        "---\nobjective: company/faster-support\ndate: 2026-12-02T16:40+00:00\n"
        "values: {self-serve: 14}\n---\n"
    ), second
    code, _, err = okrsite(site, "checkin", "faster-support", "--note", "  ")
    assert code == 2 and "nothing to record" in err
    assert sorted(p.name for p in folder.iterdir()) == [
        "2026-12-02-2.md",
        "2026-12-02-3.md",
        "2026-12-02.md",
    ]
    check_and_build(site)
    code, out, _ = okrsite(site, "export", "--format", "csv")
    assert ",self-serve,Resolve 40% of questions through the help centre,numeric,10,40,14," in out


def test_a_map_naming_no_column_is_refused(site: Path) -> None:
    """``--map 'Strech goal=target'`` with a typo would leave the column
    unread without a word: it is an error, and nothing is written."""
    (site / "okrs.csv").write_text(
        "Objective,Key result,Stretch goal\nShip faster,Cut lead time,2\n", encoding="utf-8"
    )
    code, _, err = okrsite(site, "import", "okrs.csv", "--map", "Strech goal=target")
    assert code == 1
    assert "okrs.csv:1: error IMP003: --map names a column 'strechgoal' that the header" in err
    assert not (site / "content/objectives/ship-faster.md").exists()
    code, _, err = okrsite(site, "import", "okrs.csv", "--map", "Stretch goal=target")
    assert code == 0, err
    assert "    target: 2\n" in (site / "content/objectives/ship-faster.md").read_text(
        encoding="utf-8"
    )
    check_and_build(site)


def test_checkin_ticks_a_milestone_named_by_its_title(site: Path) -> None:
    """``--set "onboarding=beta"`` ticks the milestone 'Beta with 10
    customers' in the objective's file (the loader would say 'beta' is not a
    number); the other values go into the check-in beside it."""
    obj = site / "content/objectives/company/delight-customers.md"
    before = obj.read_text(encoding="utf-8")
    code, _, err = okrsite(
        site,
        "checkin", "Delight our customers",
        "--set", "Ship the new onboarding=BETA", "--confidence", "high",
        "--date", f"{DAY} 10:00",
    )  # fmt: skip
    assert code == 0, err
    assert (
        "okrsite: ticked milestone 'Beta with 10 customers' of onboarding in "
        "content/objectives/company/delight-customers.md"
    ) in err
    after = obj.read_text(encoding="utf-8")
    assert after == before.replace(
        "{title: Beta with 10 customers, done: false}",
        "{title: Beta with 10 customers, done: true}",
    )
    checkin = (site / f"content/checkins/company/delight-customers/{DAY}-2.md").read_text(
        encoding="utf-8"
    )
    assert checkin == (  # the tick is recorded too: "what changed" shows it
        f"---\nobjective: company/delight-customers\ndate: {DAY}T10:00+00:00\nconfidence: high\n"
        "values: {onboarding: Beta with 10 customers}\n---\n"
    )
    check_and_build(site)
    code, out, _ = okrsite(site, "export", "--format", "csv")
    assert ",onboarding,Ship the new onboarding,milestones,,3,2," in out
    # done already: said, nothing changes; a name that fits none: its milestones listed
    code, _, err = okrsite(site, "checkin", "delight-customers", "--set", "onboarding=beta")
    assert code == 0 and "milestone 'Beta with 10 customers' of onboarding is done already" in err
    assert obj.read_text(encoding="utf-8") == after
    code, _, err = okrsite(site, "checkin", "delight-customers", "--set", "onboarding=launch")
    assert code == 2
    assert "'launch' names none of them: 'Design approved', 'Beta with 10 customers'" in err
    assert obj.read_text(encoding="utf-8") == after


def test_ticking_keeps_each_milestone_in_the_style_it_is_written(site: Path) -> None:
    (site / "content/objectives/company/crm.md").write_text(
        "---\ntitle: Roll out the CRM\ncycle: 2026-Q4\nowner: alex\nkey_results:\n"
        "  - id: crm\n    title: Roll out the new CRM\n    milestones:\n"
        "      - Migrate the data, then check it\n"
        "      - title: Train the team\n        owner: alex\n"
        "  - id: users\n    title: Get 50 users\n    target: 50\n---\nWhy.\n",
        encoding="utf-8",
    )
    for name in ("migrate", "train"):
        code, _, err = okrsite(site, "checkin", "company/crm", "--set", f"crm={name}")
        assert code == 0, err
    text = (site / "content/objectives/company/crm.md").read_text(encoding="utf-8")
    assert (
        '      - {title: "Migrate the data, then check it", done: true}\n'
        "      - title: Train the team\n        owner: alex\n        done: true\n"
        "  - id: users\n"
    ) in text
    # each tick is recorded in a check-in of its own, its name as written
    recorded = sorted(
        p.read_text(encoding="utf-8").split("values: ")[1].split("\n")[0]
        for p in (site / "content/checkins/company/crm").iterdir()
    )
    assert recorded == ['{crm: "Migrate the data, then check it"}', "{crm: Train the team}"]
    check_and_build(site)
