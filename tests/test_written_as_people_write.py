"""Files as a team outside the English-speaking world writes them.

A German team names people and teams by their full names, which fold to ids
that differ from their files' names (``Jürgen Weiß`` → ``jurgen-weiss``, the
file ``people/juergen-weiss.md``), and saves KPI readings from Excel, which
writes ``Datum;Wert`` and ``01.11.2026;150,5``. Each test builds or checks a
real site from such files and asserts on what the pages and the loader say.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write_site

from okrsite.cli import cli
from okrsite.kpi_csv import read_number
from okrsite.parse import parse_csv
from okrsite.pipeline import load_site

AS_OF = date(2026, 11, 25)

PEOPLE_AND_TEAMS = {
    "okrsite.toml": 'title = "Service"\nlanguage = "de"\n',
    "content/people/juergen-weiss.md": """
        ---
        title: Jürgen Weiß
        team: Kundenservice & Support
        ---
    """,
    "content/people/ayse-yilmaz.md": """
        ---
        title: Ayşe Yılmaz
        team: kundenservice
        ---
    """,
    "content/teams/kundenservice.md": """
        ---
        title: Kundenservice & Support
        lead: Jürgen Weiß
        ---
    """,
    "content/objectives/service/antworten.md": """
        ---
        title: Kunden schneller antworten
        cycle: 2026-Q4
        owner: Jürgen Weiß
        team: Kundenservice & Support
        key_results:
          - {id: erstantwort, title: Erste Antwort unter 2 Stunden, start: 9.5, target: 2}
          - {id: csat, title: Zufriedenheit auf 92 %, start: 81, target: 92, unit: "%"}
        ---
    """,
    "content/checkins/2026-11-20.md": """
        ---
        objective: service/antworten
        date: 2026-11-20 17:45
        author: Ayşe Yılmaz
        values: {erstantwort: 5.4}
        ---
    """,
}


def test_a_name_written_as_a_person_or_team_title_names_that_file(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", PEOPLE_AND_TEAMS)
    result = load_site(site, AS_OF)
    assert [d.format_text() for d in result.diagnostics] == []
    portfolio = result.scored.portfolio
    objective = portfolio.objectives["service/antworten"]
    assert (objective.owner, objective.team) == ("juergen-weiss", "kundenservice")
    assert portfolio.teams["kundenservice"].lead == "juergen-weiss"
    assert portfolio.people["juergen-weiss"].team == "kundenservice"
    assert sorted(portfolio.people) == ["ayse-yilmaz", "juergen-weiss"]
    assert portfolio.checkins[0].author == "ayse-yilmaz"

    out = tmp_path / "out"
    built = CliRunner().invoke(
        cli, ["build", "--site", str(site), "--out", str(out), "--as-of", str(AS_OF)]
    )
    assert built.exit_code == 0, built.output
    person = (out / "people" / "juergen-weiss" / "index.html").read_text(encoding="utf-8")
    assert "Kunden schneller antworten" in person
    team = (out / "teams" / "kundenservice" / "index.html").read_text(encoding="utf-8")
    assert "Kunden schneller antworten" in team
    assert not (out / "people" / "jurgen-weiss").exists()


def test_a_name_with_its_umlauts_spelled_out_names_the_person(tmp_path: Path) -> None:
    """Jürgen types ``Juergen Weiss`` on an ASCII keyboard (and git has him so):
    his check-ins and the goals he owns are on his one page, not on a second
    person's made up from the spelling."""
    files = {
        **PEOPLE_AND_TEAMS,
        "content/people/jweiss.md": "---\ntitle: Jürgen Weiß\n---\n",
        "content/objectives/service/antworten.md": PEOPLE_AND_TEAMS[
            "content/objectives/service/antworten.md"
        ].replace("owner: Jürgen Weiß", "owner: Juergen Weiss"),
        "content/checkins/2026-11-21.md": """
            ---
            objective: service/antworten
            date: 2026-11-21
            author: Juergen Weiss
            values: {csat: 85}
            ---
        """,
        "content/checkins/2026-11-22.md": """
            ---
            objective: service/antworten
            date: 2026-11-22
            author: Jurgen Weiss
            values: {csat: 86}
            ---
        """,
    }
    del files["content/people/juergen-weiss.md"]
    files["content/teams/kundenservice.md"] = files["content/teams/kundenservice.md"].replace(
        "lead: Jürgen Weiß", "lead: JUERGEN WEISS"
    )
    result = load_site(write_site(tmp_path / "site", files), AS_OF)
    assert [d.format_text() for d in result.diagnostics] == []
    portfolio = result.scored.portfolio
    assert portfolio.objectives["service/antworten"].owner == "jweiss"
    assert portfolio.teams["kundenservice"].lead == "jweiss"
    assert [c.author for c in portfolio.checkins] == ["ayse-yilmaz", "jweiss", "jweiss"]
    assert sorted(portfolio.people) == ["ayse-yilmaz", "jweiss"]


def test_a_title_two_files_share_names_neither(tmp_path: Path) -> None:
    files = {
        **PEOPLE_AND_TEAMS,
        "content/people/juergen-weiss-2.md": "---\ntitle: Jürgen Weiß\n---\n",
    }
    result = load_site(write_site(tmp_path / "site", files), AS_OF)
    objective = result.scored.portfolio.objectives["service/antworten"]
    assert objective.owner == "jurgen-weiss"
    assert any(d.code == "OKR306" and "Jürgen Weiß" in d.message for d in result.diagnostics), [
        d.format_text() for d in result.diagnostics
    ]


def test_a_file_whose_id_is_the_name_wins_over_a_title(tmp_path: Path) -> None:
    files = {
        **PEOPLE_AND_TEAMS,
        "content/people/jurgen-weiss.md": "---\ntitle: Jurgen Weiss (Vertrieb)\n---\n",
    }
    result = load_site(write_site(tmp_path / "site", files), AS_OF)
    assert result.scored.portfolio.objectives["service/antworten"].owner == "jurgen-weiss"


def kpi_site(tmp_path: Path, data: str) -> Path:
    return write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Service"\nlanguage = "de"\n',
            "content/kpis/tickets.md": """
                ---
                title: Offene Tickets
                direction: down
                thresholds: {green: 120, red: 200}
                data: data/tickets.csv
                ---
            """,
            "content/data/tickets.csv": data,
        },
    )


def test_a_kpi_csv_saved_by_german_excel_is_read(tmp_path: Path) -> None:
    data = "\ufeffDatum;Wert\r\n01.11.2026;180\r\n15.11.2026;150,5\r\n20.11.2026;1.234,5\r\n"
    result = load_site(kpi_site(tmp_path, data), AS_OF)
    assert [d.format_text() for d in result.diagnostics] == []
    assert result.scored.portfolio.kpi_series["tickets"] == (
        (date(2026, 11, 1), 180.0),
        (date(2026, 11, 15), 150.5),
        (date(2026, 11, 20), 1234.5),
    )
    kpi = result.scored.kpis["tickets"]
    assert (kpi.value, kpi.date) == (1234.5, date(2026, 11, 20))


def test_a_two_column_csv_named_after_its_measure_is_read(tmp_path: Path) -> None:
    """Excel in Germany, a sheet whose columns are "Month" and the measure's own
    name, millions grouped by dots."""
    data = (
        "\ufeffMonth;ARR\r\n01.09.2026;4.512.300\r\n01.10.2026;4.688.100,5\r\n"
        "01.11.2026;4.702.000\r\n"
    )
    result = load_site(kpi_site(tmp_path, data), AS_OF)
    assert [d.format_text() for d in result.diagnostics] == []
    assert result.scored.portfolio.kpi_series["tickets"] == (
        (date(2026, 9, 1), 4512300.0),
        (date(2026, 10, 1), 4688100.5),
        (date(2026, 11, 1), 4702000.0),
    )


@pytest.mark.parametrize(
    ("header", "found"),
    [
        (["Month", "ARR"], (0, 1)),
        (["NPS", "Datum"], (1, 0)),
        (["date", "value"], (0, 1)),
        (["Date", "Revenue", "Cost"], None),  # three columns: which one?
        (["Month", ""], None),
        (["ARR", "NPS"], None),
    ],
)
def test_the_value_column_of_two_is_the_one_not_named_as_a_date(
    header: list[str], found: tuple[int, int] | None
) -> None:
    from okrsite.kpi_csv import columns

    assert columns(header) == found


@pytest.mark.parametrize(
    ("data", "message", "hint"),
    [
        (
            "date,value\n2026-11-15,150,5\n",
            "row has 3 columns, the header 2",
            "write 150.5: a comma separates the columns here, so 150,5 reads as 150",
        ),
        (
            "Datum;Wert\n15.11.2026;1.234\n",
            "'1.234' is not a number",
            "write 1234 if the points group thousands, or 1,234 if the point marks the decimals",
        ),
        ("Datum;Wert\n31.02.2026;5\n", "'31.02.2026' is not a date", "write real dates"),
        (
            "date,value\n11/01/2026,5\n",
            "'11/01/2026' names two days, 2026-01-11 or 2026-11-01",
            "write it as year-month-day",
        ),
        ("date,value\n2026-11-01,5,9\n", "row has 3 columns", "write 5.9"),
    ],
)
def test_what_a_spreadsheet_leaves_ambiguous_is_refused_with_what_to_write(
    data: str, message: str, hint: str
) -> None:
    rows, problems = parse_csv("content/data/x.csv", data.encode())
    assert rows == []
    assert len(problems) == 1
    assert message in problems[0].message
    assert hint in (problems[0].hint or "")


def test_numbers_read_the_same_as_before_in_files_separated_by_commas() -> None:
    for cell in ("12", "-3", "0.25", " 7 ", "1_000", "1e3", ".5", "150."):
        assert read_number(cell, ",") == float(cell.strip().replace("_", "")), cell
    for cell in ("nan", "inf", "", "%", "1,5", "1.234,5"):
        assert read_number(cell, ",") is None, cell
    assert read_number("12 %", ",") == read_number("12%", ",") == 12.0  # a percent column
    assert read_number("1,5", ";") == 1.5
    assert read_number("-1.234,5", "\t") == -1234.5
    assert read_number("1.5", ";") == 1.5  # not three digits after the point: not ambiguous


def test_tab_separated_readings_are_read(tmp_path: Path) -> None:
    result = load_site(kpi_site(tmp_path, "date\tvalue\n2026-11-01\t12,5\n"), AS_OF)
    assert [d.format_text() for d in result.diagnostics] == []
    assert result.scored.portfolio.kpi_series["tickets"] == ((date(2026, 11, 1), 12.5),)


def two_results(title: str, cycle: str) -> str:
    """An objective file with two plain key results (one alone is warned of)."""
    return (
        f"---\ntitle: {title}\ncycle: {cycle}\nkey_results:\n"
        "  - {id: kr1, title: Eins, target: 10}\n  - {id: kr2, title: Zwei, target: 10}\n---\n"
    )


def test_dotted_dates_percent_confidence_and_quarters_as_people_write_them(
    tmp_path: Path,
) -> None:
    files = {
        "okrsite.toml": (
            'title = "Service"\nlanguage = "de"\n'
            '[cycles."Q1 2027"]\nstart = 2027-01-01\nend = 2027-03-31\n'
        ),
        "content/objectives/a.md": two_results("Erstes Ziel", "Q4 2026"),
        "content/objectives/b.md": two_results("Zweites Ziel", "2026-q4"),
        "content/objectives/c.md": two_results("Nächstes Jahr", "Q1 2027"),
        "content/checkins/a.md": """
            ---
            objective: a
            date: 21.11.2026 09:15
            values: {kr1: 4}
            confidence: 70%
            ---
        """,
        "content/kpis/nps.md": """
            ---
            title: NPS
            values: {01.11.2026: 35, 2026-11-15: 38}
            ---
        """,
        "content/goals/g.md": """
            ---
            title: 95 % der Beschwerden in 48 Stunden lösen
            due: 31.12.2026
            measure: {start: 70, target: 95, current: 82}
            ---
            Wir lösen Beschwerden schneller, weil wir ein Team dafür haben.
        """,
    }
    result = load_site(write_site(tmp_path / "site", files), AS_OF)
    assert [d.format_text() for d in result.diagnostics if d.is_error] == []
    portfolio = result.scored.portfolio
    assert {o.cycle for o in portfolio.objectives.values()} == {"2026-Q4", "Q1 2027"}
    assert sorted(portfolio.cycles) == ["2026-Q4", "Q1 2027"]
    checkin = portfolio.checkins[0]
    assert (checkin.date, checkin.time, checkin.confidence) == (date(2026, 11, 21), "09:15", 7.0)
    assert portfolio.kpi_series["nps"] == ((date(2026, 11, 1), 35.0), (date(2026, 11, 15), 38.0))
    assert portfolio.goals["g"].due == date(2026, 12, 31)


def test_keys_in_any_case_or_with_spaces_are_read_as_their_known_spelling(
    tmp_path: Path,
) -> None:
    """As Hugo reads front matter keys whatever their case: ``Title``, ``Key
    Results``, ``Due-Date``; a finding points at the key as it is written."""
    files = {
        "okrsite.toml": 'title = "Ops"\n',
        "content/objectives/warehouse.md": (
            "---\r\nTitle: Ship the new warehouse\r\nCycle: 2026-Q4\r\nOwner: Bo Li\r\n"
            "Key Results:\r\n  - Title: Open site\r\n    Target: 1\r\n"
            "  - title: Hire staff\r\n    TARGET: 12\r\n---\r\n"
        ),
        "content/goals/g.md": """
            ---
            Type: goal
            Title: Resolve complaints within 48 hours
            Due: 2026-12-31
            Measure: {Start: 70, Target: 95, Current: 82}
            ---
            We resolve complaints faster because a team owns them.
        """,
        "content/objectives/both.md": """
            ---
            title: Written twice
            Title: Written twice, again
            cycle: 2026-Q4
            key_results:
              - {id: kr1, title: Eins, target: 10}
              - {id: kr2, title: Zwei, target: 10}
            ---
        """,
    }
    site = write_site(tmp_path / "site", files)
    result = load_site(site, AS_OF)
    found = {(d.code, d.file, d.line, d.column) for d in result.diagnostics}
    assert ("OKR111", "content/objectives/both.md", 3, 1) in found  # Title beside title
    assert not [d.format_text() for d in result.diagnostics if d.is_error]
    portfolio = result.scored.portfolio
    warehouse = portfolio.objectives["warehouse"]
    assert (warehouse.title, warehouse.cycle, warehouse.owner) == (
        "Ship the new warehouse",
        "2026-Q4",
        "bo-li",
    )
    assert [kr.title for kr in warehouse.key_results] == ["Open site", "Hire staff"]
    assert warehouse.key_results[1].target == 12
    goal = portfolio.goals["g"]
    assert goal.measure is not None and (goal.measure.start, goal.measure.target) == (70, 95)
    assert portfolio.objectives["both"].title == "Written twice"

    warehouse_file = site / "content" / "objectives" / "warehouse.md"
    warehouse_file.write_bytes(warehouse_file.read_bytes().replace(b"Target: 1", b"Target: lots"))
    found = {(d.code, d.file, d.line, d.column) for d in load_site(site, AS_OF).diagnostics}
    assert ("OKR102", "content/objectives/warehouse.md", 7, 13) in found  # at Target: lots


def test_a_person_named_by_email_or_handle_is_the_person_of_that_file(tmp_path: Path) -> None:
    """Trackers and sheets name people by email or by their GitHub handle."""
    files = {
        **PEOPLE_AND_TEAMS,
        "content/people/juergen-weiss.md": """
            ---
            title: Jürgen Weiß
            email: j.weiss@example.com
            github: jweiss
            ---
        """,
        "content/objectives/service/antworten.md": PEOPLE_AND_TEAMS[
            "content/objectives/service/antworten.md"
        ].replace("owner: Jürgen Weiß", "owner: j.weiss@example.com"),
        "content/checkins/2026-11-20.md": PEOPLE_AND_TEAMS[
            "content/checkins/2026-11-20.md"
        ].replace("author: Ayşe Yılmaz", 'author: "@jweiss"'),
    }
    result = load_site(write_site(tmp_path / "site", files), AS_OF)
    assert [d.format_text() for d in result.diagnostics] == []
    portfolio = result.scored.portfolio
    assert portfolio.objectives["service/antworten"].owner == "juergen-weiss"
    assert portfolio.checkins[0].author == "juergen-weiss"


def test_dates_by_month_name_lists_of_values_and_scores_in_percent_as_other_tools_write(
    tmp_path: Path,
) -> None:
    """Files written the way other OKR tools and spreadsheets have people write
    them: a month by name, the year first with slashes, values as a YAML list,
    confidence out of ten, a score in percent, and a status that says how the
    goal is going. Each is read as meant; the status line with a warning."""
    files = {
        "okrsite.toml": 'title = "App"\n',
        "content/objectives/ship.md": """
            ---
            title: Ship the new app
            cycle: 2026-Q4
            owner: Uma Diaz
            status: At Risk
            key_results:
              - {id: beta, title: Beta users, target: 500, score: 70%}
              - {id: crash, title: Crash-free sessions, stay_above: 99.5%}
              - {id: launch, title: Launched, done: false, status: done}
            ---
        """,
        "content/checkins/a.md": """
            ---
            objective: ship
            date: 2026/11/20 14:05
            confidence: 7/10
            values:
              - beta: 120
              - crash: 99.7%
            ---
        """,
        "content/checkins/b.md": """
            ---
            objective: ship
            date: Nov 21, 2026
            values: {beta: 130}
            ---
        """,
        "content/checkins/c.md": """
            ---
            objective: ship
            date: 22. März 2026
            values:
              - beta: 1
              - beta: 2
            ---
        """,
    }
    site = write_site(tmp_path / "site", files)
    result = load_site(site, AS_OF)
    found = sorted((d.file, d.line, d.code, d.severity.value) for d in result.diagnostics)
    assert found == [
        ("content/checkins/c.md", 3, "OKR309", "warning"),  # March: outside 2026-Q4
        ("content/checkins/c.md", 6, "OKR007", "error"),  # one key result, two values
        ("content/objectives/ship.md", 5, "OKR122", "warning"),
        ("content/objectives/ship.md", 9, "OKR122", "warning"),
    ], found
    (site / "content" / "checkins" / "c.md").unlink()
    result = load_site(site, AS_OF)
    assert [d.code for d in result.diagnostics] == ["OKR122", "OKR122"]
    scored = result.scored
    a, b = scored.portfolio.checkins
    assert (a.date, a.time, a.confidence, a.values) == (
        date(2026, 11, 20),
        "14:05",
        7.0,
        {"beta": 120.0, "crash": 99.7},
    )
    assert b.date == date(2026, 11, 21)
    objective = scored.portfolio.objectives["ship"]
    assert objective.status == "active"
    beta, crash, launch = objective.key_results
    assert (beta.score, crash.threshold, crash.unit, launch.status) == (0.7, 99.5, "%", "active")
    assert scored.objectives["ship"].key_results["beta"].progress == 0.7
    assert scored.objectives["ship"].key_results["crash"].current == 99.7


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026/11/21", date(2026, 11, 21)),
        ("Nov 21, 2026", date(2026, 11, 21)),
        ("November 21st 2026", date(2026, 11, 21)),
        ("21 Nov 2026", date(2026, 11, 21)),
        ("21. Nov. 2026", date(2026, 11, 21)),
        ("21. März 2026", date(2026, 3, 21)),
        ("2026 May 5", date(2026, 5, 5)),
        ("11/01/2026", None),  # the 11th of January, or November 1st?
        ("11/20/2026", date(2026, 11, 20)),  # the month first: only November 20th
        ("20/11/2026", date(2026, 11, 20)),  # the day first: only November 20th
        ("05/05/2026", date(2026, 5, 5)),  # both orders name the same day
        ("1/2/2026", None),
        ("31/31/2026", None),
        ("Nov 2026 21", None),
        ("Nov 31, 2026", None),
        ("21 21 2026", None),
        ("Nov 21", None),
    ],
)
def test_dates_that_name_one_day_are_read_and_others_refused(text: str, day: date | None) -> None:
    from okrsite.written_dates import read_date

    assert read_date(text) == day


def test_key_results_as_sentences_co_owners_and_tags_in_one_line(tmp_path: Path) -> None:
    """An objective as people jot it down: key results as a list of sentences
    (their "from … to …" is the measure), two owners, tags in one line. The
    site builds; the second owner is named in a warning, not dropped unseen."""
    files = {
        "okrsite.toml": 'title = "Jotted"\n',
        "content/objectives/nps.md": """
            ---
            title: Delight customers
            cycle: 2026-Q4
            owner: [Uma Diaz, Tom Lee]
            tags: growth, customers
            key_results:
              - Increase NPS from 30 to 50
              - Cut first response time from 8h to 2h
              - Grow self-serve answers from 20 % to 45%
              - Raise ARR from $1.2M to $2M
              - Launch the help centre
            ---
        """,
        "content/kpis/csat.md": """
            ---
            title: CSAT
            target: 90
            drives: nps-kpi, churn
            ---
        """,
        "content/kpis/nps-kpi.md": "---\ntitle: NPS\ntarget: 50\n---\n",
        "content/kpis/churn.md": "---\ntitle: Churn\ntarget: 2\ndirection: down\n---\n",
        "content/checkins/nps.md": """
            ---
            objective: nps
            date: 2026-11-20
            values: {kr1: 40, kr2: 5, kr3: 30%, kr4: 1.6M}
            ---
        """,
    }
    site = write_site(tmp_path / "site", files)
    result = load_site(site, AS_OF)
    assert sorted((d.line, d.code) for d in result.diagnostics) == [
        (4, "OKR123"),  # a second owner
        (11, "OKR402"),  # the help centre: nothing to measure yet
    ]
    owner = next(d for d in result.diagnostics if d.code == "OKR123")
    assert "'Tom Lee'" in owner.message
    portfolio = result.scored.portfolio
    objective = portfolio.objectives["nps"]
    assert objective.owner == "uma-diaz" and objective.tags == ("growth", "customers")
    measured = [(kr.id, kr.start, kr.target, kr.unit, kr.kind) for kr in objective.key_results]
    assert measured == [
        ("kr1", 30, 50, "", "numeric"),
        ("kr2", 8, 2, "h", "numeric"),
        ("kr3", 20, 45, "%", "numeric"),
        ("kr4", 1200000, 2000000, "$", "numeric"),  # the currency, as for target: $2M
        ("kr5", None, None, "", "rollup"),
    ]
    scores = result.scored.objectives["nps"].key_results
    assert [round(scores[k].progress, 4) for k in ("kr1", "kr2", "kr3", "kr4")] == [
        0.5,
        0.5,
        0.4,
        0.5,
    ]
    assert portfolio.kpis["csat"].drives == ("nps-kpi", "churn")


def test_kpi_readings_by_month_and_as_a_pasted_table(tmp_path: Path) -> None:
    """A KPI's monthly readings keyed by the month (``2026-10``, ``Nov 2026``:
    the month's first day, as the example site keys them), or pasted as a
    table of ``{date, value}`` rows; figures as people write them."""
    files = {
        "okrsite.toml": 'title = "KPIs"\n',
        "content/kpis/mrr.md": """
            ---
            title: Monthly recurring revenue
            unit: EUR
            target: 500k
            thresholds: {green: 450k, red: 300k}
            values:
              2026-09: 410k
              2026/10: 432k
              Nov 2026: 455k
            ---
        """,
        "content/kpis/churn.md": """
            ---
            title: Churn
            unit: "%"
            direction: down
            target: 2%
            values:
              - Date: 2026-10-01
                Value: 3.1%
              - {date: 1.11.2026, value: 2.8}
              - {date: 2026-12-01}
            ---
        """,
    }
    result = load_site(write_site(tmp_path / "site", files), AS_OF)
    assert [(d.file, d.line, d.code) for d in result.diagnostics] == [
        ("content/kpis/churn.md", 10, "OKR106"),  # the third row has no value
    ]
    kpis = result.scored.portfolio.kpis
    assert kpis["mrr"].values == (
        (date(2026, 9, 1), 410000.0),
        (date(2026, 10, 1), 432000.0),
        (date(2026, 11, 1), 455000.0),
    )
    assert (kpis["mrr"].target, kpis["mrr"].green, kpis["mrr"].red) == (500000, 450000, 300000)
    assert result.scored.kpis["mrr"].health == "healthy"
    churn = tmp_path / "site" / "content" / "kpis" / "churn.md"
    churn.write_text(churn.read_text().replace("  - {date: 2026-12-01}\n", ""))
    result = load_site(tmp_path / "site", AS_OF)
    assert result.diagnostics == []
    churn_kpi = result.scored.portfolio.kpis["churn"]
    assert churn_kpi.values == ((date(2026, 10, 1), 3.1), (date(2026, 11, 1), 2.8))


def test_a_team_named_with_name_and_a_note_in_a_check_in_s_front_matter(tmp_path: Path) -> None:
    """A team file with ``name:`` (as a person's may have), and a check-in whose
    note is a ``notes:`` line, as forms and other tools write it: the team
    has its title, and the note shows on the objective's page."""
    files = {
        "okrsite.toml": 'title = "Teams"\n',
        "content/teams/support.md": "---\nname: Customer Support\nlead: Uma Diaz\n---\n",
        "content/people/uma-diaz.md": "---\nname: Uma Diaz\nteam: support\n---\n",
        "content/objectives/fast.md": """
            ---
            title: Answer faster
            cycle: 2026-Q4
            owner: Uma Diaz
            team: support
            key_results:
              - {id: first, title: First response, start: 8, target: 2, unit: h}
              - {id: csat, title: CSAT, start: 80, target: 90}
            ---
        """,
        "content/checkins/1.md": """
            ---
            objective: fast
            date: 2026-11-20
            values: {first: 5}
            notes: Added a second shift & a night rota.
            ---
        """,
        "content/teams/nameless.md": "---\nlead: Uma Diaz\n---\n",
    }
    site = write_site(tmp_path / "site", files)
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--as-of", "2026-11-25"])
    assert result.exit_code == 1
    assert "content/teams/nameless.md:1: error OKR101: missing required key 'title'" in (
        result.output
    )
    assert "or 'name: …'" in result.output
    (site / "content" / "teams" / "nameless.md").unlink()
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--as-of", "2026-11-25"])
    assert result.exit_code == 0, result.output
    assert "0 errors, 0 warnings" in result.output
    team_page = (site / "_site" / "teams" / "support" / "index.html").read_text(encoding="utf-8")
    assert '<h1 dir="auto">Customer Support' in team_page
    page = (site / "_site" / "objectives" / "fast" / "index.html").read_text(encoding="utf-8")
    assert "Added a second shift &amp; a night rota." in page


def test_a_month_cycle_by_name_commitment_words_and_a_quarter_without_its_year(
    tmp_path: Path,
) -> None:
    two = "key_results:\n  - {id: a, title: A, target: 3}\n  - {id: b, title: B, target: 3}\n"
    files = {
        "okrsite.toml": 'title = "Cycles"\n',
        "content/objectives/a.md": f"---\ntitle: A\ncycle: Nov 2026\nowner: uma\ncommitment: moonshot\n{two}---\n",
        "content/objectives/b.md": f"---\ntitle: B\ncycle: 2026-11\nowner: uma\ncommitment: Roof-shot\n{two}---\n",
        "content/objectives/c.md": f"---\ntitle: C\ncycle: Q4\nowner: uma\n{two}---\n",
    }
    result = load_site(write_site(tmp_path / "site", files), AS_OF)
    errors = [d for d in result.diagnostics if d.is_error]
    assert [(d.file, d.code, d.hint) for d in errors] == [
        (
            "content/objectives/c.md",
            "OKR302",
            "a quarter or half needs its year: write it like 2026-Q4",
        )
    ]
    (tmp_path / "site" / "content" / "objectives" / "c.md").unlink()
    portfolio = load_site(tmp_path / "site", AS_OF).scored.portfolio
    assert sorted(portfolio.cycles) == ["2026-11"]
    assert [(o.cycle, o.commitment) for o in portfolio.objectives.values()] == [
        ("2026-11", "aspirational"),
        ("2026-11", "committed"),
    ]


def test_a_kpi_csv_keyed_by_month_as_monthly_exports_write_it() -> None:
    readings, problems = parse_csv(
        "content/data/mrr.csv", b"month,value\n2026-09,410\nOct 2026,432\n2026-11-01,455\n"
    )
    assert problems == [] or [p.code for p in problems] == []
    assert readings == [
        (date(2026, 9, 1), 410.0),
        (date(2026, 10, 1), 432.0),
        (date(2026, 11, 1), 455.0),
    ]


def test_front_matter_indented_with_tabs_is_read_with_a_warning(tmp_path: Path) -> None:
    """An editor that inserts tabs, or text pasted from one: YAML refuses tabs
    in indentation, okrsite reads the structure they show and says so."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Tabs"\n',
            "content/objectives/ship.md": (
                "---\ntitle: Ship it\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
                "\t- id: beta\n\t  title: Beta users\n\t  target: 500\n"
                "\t- id: crash\n\t  title: Crash-free sessions\n\t  stay_above: 99.5\n---\n"
            ),
            "content/objectives/broken.md": (
                "---\ntitle: Broken\ncycle: 2026-Q4\nkey_results:\n\t- id: a\n\t  title: x: y\n---\n"
            ),
        },
    )
    result = load_site(site, AS_OF)
    found = {(d.file, d.code): d for d in result.diagnostics}
    tabs = found[("content/objectives/ship.md", "OKR017")]
    assert (tabs.severity.value, tabs.line) == ("warning", 6)
    assert "indent with spaces" in (tabs.hint or "")
    ship = result.scored.portfolio.objectives["ship"]
    assert [(k.id, k.title, k.target) for k in ship.key_results][0] == ("beta", "Beta users", 500)
    assert ship.key_results[1].threshold == 99.5
    broken = found[("content/objectives/broken.md", "OKR003")]
    assert broken.severity.value == "error" and "indent with spaces" in (broken.hint or "")

    runner = CliRunner()
    built = runner.invoke(
        cli, ["build", "--site", str(site), "--as-of", str(AS_OF), "--out", str(tmp_path / "out")]
    )
    assert built.exit_code == 1  # broken.md is an error; ship.md is read
    (site / "content/objectives/broken.md").unlink()
    built = runner.invoke(
        cli, ["build", "--site", str(site), "--as-of", str(AS_OF), "--out", str(tmp_path / "out")]
    )
    assert built.exit_code == 0, built.output
    assert "Crash-free sessions" in (tmp_path / "out/objectives/ship/index.html").read_text()


def test_slashed_dates_with_the_year_last_are_read_when_they_name_one_day(tmp_path: Path) -> None:
    """A US team writes 11/20/2026; the rest of the world 20/11/2026. Either is
    read when only one order makes a day; 03/04/2026 is refused with both
    readings, except in a CSV column whose other dates show the order."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Slashes"\n',
            "content/objectives/ship.md": """
                ---
                title: Ship it
                cycle: 2026-Q4
                owner: Uma Diaz
                key_results:
                  - {id: beta, title: Beta users, start: 0, target: 500}
                  - {id: mrr, title: MRR, kpi: mrr, start: 100, target: 200}
                ---
            """,
            "content/checkins/us.md": """
                ---
                objective: ship
                date: 11/20/2026 9:30 AM
                values: {beta: 120}
                ---
            """,
            "content/checkins/eu.md": """
                ---
                objective: ship
                date: 21/11/2026
                values: {beta: 130}
                ---
            """,
            "content/checkins/which.md": """
                ---
                objective: ship
                date: 03/04/2026
                values: {beta: 10}
                ---
            """,
            "content/kpis/mrr.md": """
                ---
                title: MRR
                data: data/mrr.csv
                ---
            """,
            "content/data/mrr.csv": "Date,Value\n10/02/2026,150\n10/15/2026,160\n11/03/2026,170\n",
        },
    )
    result = load_site(site, AS_OF)
    problems = [
        (d.file, d.code, d.message, d.hint)
        for d in result.diagnostics
        if d.severity.value == "error"
    ]
    assert problems == [
        (
            "content/checkins/which.md",
            "OKR104",
            "date '03/04/2026' names two days: 3 April 2026 (day first) or March 4, 2026 (month first)",
            "write the one you mean as year-month-day: 2026-04-03 or 2026-03-04",
        )
    ]
    portfolio = result.scored.portfolio
    dated = {c.file: (c.date, c.values["beta"]) for c in portfolio.checkins}
    assert dated["content/checkins/us.md"] == (date(2026, 11, 20), 120.0)
    assert [c.time for c in portfolio.checkins if c.file == "content/checkins/us.md"] == ["09:30"]
    assert dated["content/checkins/eu.md"] == (date(2026, 11, 21), 130.0)
    assert list(portfolio.kpi_series["mrr"]) == [
        (date(2026, 10, 2), 150.0),  # the column's 10/15 says the month comes first
        (date(2026, 10, 15), 160.0),
        (date(2026, 11, 3), 170.0),
    ]

    readings, problems_csv = parse_csv("content/data/x.csv", b"date,value\n03/04/2026,1\n")
    assert readings == []
    assert [p.message for p in problems_csv] == [
        "'03/04/2026' names two days, 2026-04-03 or 2026-03-04, and no other row shows whether "
        "the day or the month comes first"
    ]


def test_a_point_before_three_digits_ending_in_zero_is_read_as_yaml_reads_it_with_a_warning(
    tmp_path: Path,
) -> None:
    """``5.000`` is five in YAML and five thousand in German: read as YAML
    reads it (a site's numbers do not change with its language), with a
    warning that gives both readings; ``1.5``, ``0.500`` and ``1.234`` are
    not ambiguous in that way and pass without one."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Umsatz"\nlanguage = "de"\n',
            "content/objectives/umsatz.md": """
                ---
                title: Umsatz steigern
                cycle: 2026-Q4
                owner: Jürgen Weiß
                key_results:
                  - id: kunden
                    title: Neukunden auf 5.000 steigern
                    start: 1.200
                    target: 5.000   # Kunden
                  - {id: tickets, title: Tickets, start: 2.500, target: 1.25}
                  - {id: quote, title: Quote, start: 0.500, target: 1.234}
                ---
            """,
        },
    )
    result = load_site(site, AS_OF)
    found = [(d.line, d.column, d.message) for d in result.diagnostics if d.code == "OKR124"]
    assert found == [
        (8, 12, "1.200 is read as 1.2; with a point that groups thousands it is 1200"),
        (9, 13, "5.000 is read as 5; with a point that groups thousands it is 5000"),
        (10, 42, "2.500 is read as 2.5; with a point that groups thousands it is 2500"),
    ]
    krs = result.scored.portfolio.objectives["umsatz"].key_results
    assert [(k.start, k.target) for k in krs] == [(1.2, 5.0), (2.5, 1.25), (0.5, 1.234)]


def test_a_person_with_name_and_job_title_traffic_light_thresholds_and_confidence_as_a_share(
    tmp_path: Path,
) -> None:
    """A person file with ``name:`` and ``title: Staff Engineer`` (the job), a
    KPI whose thresholds are the traffic lights green and amber, a check-in
    whose confidence is 0.8 as tools that score 0-1 write it."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Platform"\n',
            "content/people/sam.md": """
                ---
                name: Sam O'Neil
                title: Staff Engineer
                ---
            """,
            "content/kpis/deploys.md": """
                ---
                title: Deploys per day
                owner: Sam O'Neil
                values: {2026-10: 9, 2026-11: 12}
                thresholds: {Green: 15, Amber: 10}
                ---
            """,
            "content/objectives/reliability.md": """
                ---
                title: Reliable platform
                cycle: 2026-Q4
                owner: Sam O'Neil
                key_results:
                  - {id: mttr, title: MTTR under 30 minutes, start: 95, target: 30}
                  - {id: pages, title: Pages per week under 5, start: 22, target: 5}
                ---
            """,
            "content/checkins/2026-11-20.md": """
                ---
                objective: reliability
                date: 2026-11-20
                author: Sam O'Neil
                confidence: 0.8
                values: {mttr: 48}
                ---
            """,
        },
    )
    result = load_site(site, AS_OF)
    assert [(d.code, d.message) for d in result.diagnostics] == [
        ("OKR125", "confidence 0.8 is read as 8 out of 10 (a share of one)")
    ]
    portfolio = result.scored.portfolio
    assert sorted(portfolio.people) == ["sam"]
    sam = portfolio.people["sam"]
    assert (sam.title, sam.role) == ("Sam O'Neil", "Staff Engineer")
    assert portfolio.objectives["reliability"].owner == "sam"
    deploys = portfolio.kpis["deploys"]
    assert (deploys.green, deploys.red) == (15, 10)
    assert result.scored.kpis["deploys"].health == "warning"  # 12: between amber and green
    assert portfolio.checkins[0].confidence == 8


def test_a_check_in_with_its_values_at_the_top_as_people_jot_them_down(tmp_path: Path) -> None:
    """``lead: 5`` beside ``objective:``, without ``values:``: the key
    result's value; a number under a key that names no key result is an
    unknown key, warned of as before, and the check-in keeps the rest."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Jotted"\n',
            "content/objectives/releases.md": """
                ---
                title: Faster releases
                cycle: 2026-Q4
                owner: Uma Diaz
                key_results:
                  - {id: lead, title: Lead time under 2 days, start: 9, target: 2, unit: days}
                  - {id: deploys, title: Deploys per week, start: 3, target: 20}
                ---
            """,
            "content/checkins/a.md": """
                ---
                objective: releases
                date: 2026-11-20
                lead: 5
                deploys: "12"
                mood: 3
                confidence: 7
                ---
            """,
        },
    )
    result = load_site(site, AS_OF)
    assert [(d.code, d.line, d.message) for d in result.diagnostics] == [
        (
            "OKR111",
            6,
            "unknown key 'mood' in a checkin is ignored: objective 'releases' has no key result 'mood'",
        )
    ]
    (checkin,) = result.scored.portfolio.checkins
    assert (checkin.values, checkin.confidence) == ({"lead": 5, "deploys": 12}, 7)
    krs = result.scored.objectives["releases"].key_results
    assert (krs["lead"].current, krs["deploys"].current) == (5, 12)


def test_a_team_file_that_lists_its_members(tmp_path: Path) -> None:
    """``members:`` in a team file, by name (one the title of a person file,
    one with no file) and by id: each is on the team's page beside the
    people whose own file names the team, and has a page of their own."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Platform"\n',
            "content/teams/platform.md": """
                ---
                title: Platform
                lead: Priya Raman
                members: [Priya Raman, Sam O'Neil, "José Álvarez", priya-raman]
                ---
            """,
            "content/teams/data.md": """
                ---
                title: Data
                members: Ana Lima, Bo Chen
                ---
            """,
            "content/people/sam.md": """
                ---
                name: Sam O'Neil
                title: Staff Engineer
                ---
            """,
            "content/people/priya-raman.md": """
                ---
                title: Priya Raman
                ---
            """,
            "content/people/kim.md": """
                ---
                title: Kim Park
                team: Platform
                ---
            """,
        },
    )
    result = load_site(site, AS_OF)
    assert [d.format_text() for d in result.diagnostics] == []
    teams = result.scored.portfolio.teams
    assert teams["platform"].members == ("priya-raman", "sam", "jose-alvarez")
    assert teams["data"].members == ("ana-lima", "bo-chen")

    out = tmp_path / "out"
    built = CliRunner().invoke(
        cli, ["build", "--site", str(site), "--out", str(out), "--as-of", str(AS_OF)]
    )
    assert built.exit_code == 0, built.output
    page = (out / "teams/platform/index.html").read_text()
    for person, name in [
        ("jose-alvarez", "José Álvarez"),
        ("kim", "Kim Park"),
        ("priya-raman", "Priya Raman"),
        ("sam", "Sam O&#39;Neil"),
    ]:
        assert f'people/{person}/index.html"><bdi>{name}</bdi><' in page, person
        assert (out / f"people/{person}/index.html").exists()
    assert (
        'people/bo-chen/index.html"><bdi>Bo Chen</bdi><'
        in (out / "teams/data/index.html").read_text()
    )
    # a member's own page names the teams that list them, after their file's team
    jose = (out / "people/jose-alvarez/index.html").read_text()
    assert (
        'class="meta"><a href="../../teams/platform/index.html"><bdi>Platform</bdi></a></p>' in jose
    )
    kim = (out / "people/kim/index.html").read_text()
    assert (
        'class="meta"><a href="../../teams/platform/index.html"><bdi>Platform</bdi></a></p>' in kim
    )
    sam = (out / "people/sam/index.html").read_text()
    assert (
        'class="meta"><bdi>Staff Engineer</bdi> · '
        '<a href="../../teams/platform/index.html"><bdi>Platform</bdi></a></p>'
    ) in sam


def test_an_objective_named_by_its_title_where_its_id_belongs_is_refused_with_the_id(
    tmp_path: Path,
) -> None:
    """``parent: Become the default choice`` and a check-in's ``objective:
    Faster releases``: references stay ids (another file's rewording of a
    title would break them), so each is an error whose hint names the id."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Titles"\n',
            "content/objectives/company.md": """
                ---
                title: Become the default choice
                cycle: 2026-Q4
                owner: Uma Diaz
                key_results:
                  - {id: arr, title: ARR, start: 10, target: 14}
                ---
            """,
            "content/objectives/sales.md": """
                ---
                title: Win more deals
                cycle: 2026-Q4
                owner: Tom Lee
                parent: "Become the default choice#arr"
                key_results:
                  - {id: logos, title: New logos, start: 0, target: 40}
                ---
            """,
            "content/checkins/a.md": """
                ---
                objective: Win more deals
                date: 2026-11-20
                values: {logos: 12}
                ---
            """,
            "content/checkins/b.md": """
                ---
                objective: Win fewer deals
                date: 2026-11-20
                values: {logos: 12}
                ---
            """,
        },
    )
    result = load_site(site, AS_OF)
    errors = {(d.file, d.line): (d.code, d.hint) for d in result.diagnostics if d.is_error}
    assert errors == {
        ("content/objectives/sales.md", 5): (
            "OKR303",
            "'Become the default choice' is the title of objective 'company': "
            "write parent: company#arr",
        ),
        ("content/checkins/a.md", 2): (
            "OKR303",
            "'Win more deals' is the title of objective 'sales': write objective: sales",
        ),
        ("content/checkins/b.md", 2): (
            "OKR303",
            "check the id; ids are file paths under content/objectives without .md",
        ),
    }


def test_an_id_written_in_other_letter_case_names_it(tmp_path: Path) -> None:
    """``kpi: NPS`` beside ``kpis/nps.md`` names that KPI, as a path written
    with capitals does (audit 43: it was error OKR303 "did you mean 'nps'?")."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Case"\n',
            "content/kpis/nps.md": "---\ntitle: NPS\nvalues: {2026-11: 41}\ntarget: 50\n---\n",
            "content/kpis/npv.md": "---\ntitle: NPV\nvalues: {2026-11: 3}\ntarget: 5\n---\n",
            "content/checkins/k.md": "---\nkpi: NPS\ndate: 2026-11-20\nvalue: 44\n---\n",
        },
    )
    result = load_site(site, AS_OF)
    assert [d for d in result.diagnostics if d.is_error] == []
    assert [c.kpi for c in result.scored.portfolio.checkins] == ["nps"]


def test_a_goal_and_an_objective_supporting_an_objective_named_by_its_title(
    tmp_path: Path,
) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Supports"\n',
            "content/objectives/delight.md": """
                ---
                title: Delight customers
                cycle: 2026-Q4
                owner: Uma Diaz
                key_results:
                  - {id: csat, title: CSAT, start: 81, target: 92}
                ---
            """,
            "content/objectives/help.md": """
                ---
                title: Help centre
                cycle: 2026-Q4
                owner: Uma Diaz
                supports: ["Delight customers#csat"]
                key_results:
                  - {id: articles, title: Articles, start: 0, target: 40}
                ---
            """,
            "content/goals/handbook.md": """
                ---
                title: Publish 40 support articles by December 31
                owner: Uma Diaz
                due: 2026-12-31
                supports: Delight customers
                measure: {start: 0, target: 40, current: 12, unit: articles}
                ---
                Forty articles, counted on the help centre, by two writers.
            """,
        },
    )
    result = load_site(site, AS_OF)
    hints = {(d.file, d.code): d.hint for d in result.diagnostics if d.code == "OKR303"}
    assert hints == {
        ("content/objectives/help.md", "OKR303"): "'Delight customers' is the title of objective "
        "'delight': write supports: delight#csat",
        ("content/goals/handbook.md", "OKR303"): "'Delight customers' is the title of objective "
        "'delight': write supports: delight",
    }


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-Q3", date(2026, 7, 1)),
        ("Q1 2026", date(2026, 1, 1)),
        ("2026 q4", date(2026, 10, 1)),
        ("2026Q2", date(2026, 4, 1)),
        ("q2/2026", date(2026, 4, 1)),
        ("2026-H2", date(2026, 7, 1)),
        ("Oct 2026", date(2026, 10, 1)),
        ("2026-Q5", None),
        ("2026-H3", None),
        ("Q3", None),
        ("Week 46", None),
    ],
)
def test_a_reading_keyed_by_a_month_quarter_or_half_is_its_first_day(
    text: str, day: date | None
) -> None:
    from okrsite.written_dates import read_period

    assert read_period(text) == day


def test_quarterly_kpi_readings_as_people_key_them(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Quarterly"\n',
            "content/kpis/nrr.md": """
                ---
                title: Net revenue retention
                unit: "%"
                target: 110
                values: {Q1 2026: 102, 2026-Q2: 104, 2026 Q3: 107}
                ---
            """,
        },
    )
    result = load_site(site, AS_OF)
    assert [d.format_text() for d in result.diagnostics] == []
    assert list(result.scored.portfolio.kpi_series["nrr"]) == [
        (date(2026, 1, 1), 102.0),
        (date(2026, 4, 1), 104.0),
        (date(2026, 7, 1), 107.0),
    ]
    readings, problems = parse_csv("content/data/nrr.csv", b"Quarter,Value\n2026-Q3,107\n")
    assert (readings, problems) == ([(date(2026, 7, 1), 107.0)], [])


def test_a_kpi_check_in_with_its_reading_under_the_kpi_s_id(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "KPI"\n',
            "content/kpis/nps.md": "---\ntitle: NPS\ntarget: 50\nvalues: {2026-10: 41}\n---\n",
            "content/checkins/k.md": "---\nkpi: nps\ndate: 2026-11-20\nnps: 44\n---\n",
        },
    )
    result = load_site(site, AS_OF)
    assert [d.format_text() for d in result.diagnostics] == []
    assert result.scored.portfolio.checkins[0].value == 44
    assert list(result.scored.portfolio.kpi_series["nps"])[-1] == (date(2026, 11, 20), 44.0)


def test_a_key_result_s_progress_given_by_hand_is_its_score(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Progress"\n',
            "content/objectives/a.md": """
                ---
                title: Launch the partner program
                cycle: 2026-Q4
                owner: Uma Diaz
                key_results:
                  - {id: sign, title: Sign 10 partners, Progress: 40%}
                  - {id: portal, title: Partner portal live, progress: 0.5, score: 0.6}
                ---
            """,
        },
    )
    result = load_site(site, AS_OF)
    assert [(d.code, d.message) for d in result.diagnostics if d.code == "OKR111"] == [
        ("OKR111", "unknown key 'progress' in a key result is ignored")
    ]
    krs = result.scored.objectives["a"].key_results
    assert (krs["sign"].progress, krs["portal"].progress) == (0.4, 0.6)


def test_a_yes_no_value_written_as_quoted_text(tmp_path: Path) -> None:
    """TOML cannot write a bare ``yes``, and YAML leaves ``"yes"`` quoted as
    text: both were refused with "must be a number" for a yes/no key result.
    A measured key result still refuses the word, saying it is yes/no."""
    launch = (
        "---\ntitle: Launch\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
        "  - {id: beta, title: Beta shipped, done: false}\n"
        "  - {id: ga, title: GA shipped, done: false}\n"
        "  - {id: users, title: Users, start: 0, target: 100}\n---\n"
    )
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Yes"\n',
            "content/objectives/launch.md": launch,
            "content/checkins/a.md": (
                '+++\nobjective = "launch"\ndate = 2026-11-10\n[values]\nbeta = "yes"\n'
                'ga = "No"\n+++\n'
            ),
            "content/checkins/b.md": (
                '---\nobjective: launch\ndate: 2026-11-12\nvalues: {ga: "ja"}\n---\n'
            ),
            "content/checkins/c.md": (
                '---\nobjective: launch\ndate: 2026-11-13\nvalues: {users: "yes"}\n---\n'
            ),
        },
    )
    result = load_site(site, AS_OF)
    errors = [(d.file, d.code, d.message) for d in result.diagnostics if d.is_error]
    assert [e[:2] for e in errors] == [("content/checkins/c.md", "OKR102")], errors
    assert "is measured, not done or not" in errors[0][2], errors
    values = [c.values for c in result.scored.portfolio.checkins]
    assert values == [{"beta": 1.0, "ga": 0.0}, {"ga": 1.0}]


def test_a_german_team_writes_done_commitment_and_status_in_german(tmp_path: Path) -> None:
    """``done: nein`` was refused (OKR103, no hint) in a goal file though a
    check-in took ``ja``; ``commitment: ambitioniert`` and ``status:
    aufgegeben``, the words the German pages show, were refused too."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Schulung"\nlanguage = "de"\n',
            "content/objectives/t.md": (
                "---\ntitle: Schulung\ncycle: 2026-Q4\nowner: Jürgen Weiß\n"
                "commitment: ambitioniert\nstatus: aktiv\nkey_results:\n"
                "  - {id: schulung, title: Alle geschult, done: nein}\n"
                "  - {id: alt, title: Alt, target: 5, status: aufgegeben}\n"
                "  - id: plan\n    title: Plan\n    milestones:\n"
                "      - {title: Entwurf, done: ja}\n      - {title: Final, done: erledigt}\n"
                "---\n"
            ),
        },
    )
    result = load_site(site, AS_OF)
    assert [d for d in result.diagnostics if d.is_error] == []
    o = result.scored.portfolio.objectives["t"]
    assert (o.commitment, o.status) == ("aspirational", "active")
    krs = {kr.id: kr for kr in o.key_results}
    assert (krs["schulung"].done, krs["alt"].status) == (False, "dropped")
    assert [m.done for m in krs["plan"].milestones] == [True, True]


def test_toml_front_matter_as_hugo_writes_it(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "TOML"\n',
            "content/objectives/app.md": (
                '+++\ntitle = "Ship the app"\ncycle = "2026-Q4"\nowner = "Uma Diaz"\n'
                'tags = ["growth"]\n\n[[key_results]]\nid = "beta"\ntitle = "Beta users"\n'
                'start = 0\ntarget = 500\n\n[[key_results]]\nid = "crash"\n'
                'title = "Crash-free sessions"\nstay_above = 99.5\ncurrent = 99.7\n+++\n'
                "Why: **users** wait.\n"
            ),
            "content/checkins/c.md": (
                '+++\nobjective = "app"\ndate = 2026-11-20T09:30:00\n[values]\nbeta = 120\n+++\n'
            ),
            "content/objectives/bad.md": '+++\ntitle = "Bad\ncycle = "2026-Q4"\n+++\n',
        },
    )
    result = load_site(site, AS_OF)
    assert [(d.file, d.line, d.code) for d in result.diagnostics if d.is_error] == [
        ("content/objectives/bad.md", 2, "OKR003")
    ]
    portfolio = result.scored.portfolio
    app = portfolio.objectives["app"]
    assert (app.title, app.owner, app.tags) == ("Ship the app", "uma-diaz", ("growth",))
    assert [(k.id, k.target, k.threshold) for k in app.key_results] == [
        ("beta", 500, None),
        ("crash", None, 99.5),
    ]
    (checkin,) = portfolio.checkins
    assert (checkin.date, checkin.time, checkin.values) == (
        date(2026, 11, 20),
        "09:30:00",
        {"beta": 120},
    )
    assert app.body == "Why: **users** wait.\n"


def test_amounts_of_money_with_a_point_before_three_digits_are_thousands_and_quoted_ones_warned(
    tmp_path: Path,
) -> None:
    """``€5.000`` and ``500.000 €`` are five thousand and five hundred thousand
    euros (no amount of money has three decimals), and the unit is the euro;
    a quoted ``"250.000"`` is read as YAML reads it bare, 250, with the same
    warning as ``250.000`` written bare: quoting it does not say which."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Pipeline"\nlanguage = "de"\n',
            "content/objectives/pipeline.md": """
                ---
                title: Pipeline
                cycle: 2026-Q4
                owner: Uma Diaz
                key_results:
                  - {id: quoted, title: Quoted, target: "250.000"}
                  - {id: after, title: Euro after, start: 100.000 €, target: 500.000 €}
                  - {id: before, title: Euro before, target: €5.000}
                  - {id: dollar, title: Dollar, target: $1.500}
                  - {id: cents, title: Cents, target: €2.50}
                  - Grow EU revenue from 1,2 M€ to 2 M€
                ---
            """,
        },
    )
    result = load_site(site, AS_OF)
    assert [(d.code, d.line, d.message) for d in result.diagnostics if d.code == "OKR124"] == [
        ("OKR124", 6, "250.000 is read as 250; with a point that groups thousands it is 250000")
    ]
    krs = {k.id: k for k in result.scored.portfolio.objectives["pipeline"].key_results}
    assert [(k.start, k.target, k.unit) for k in krs.values()] == [
        (0, 250, ""),
        (100_000, 500_000, "€"),
        (0, 5000, "€"),
        (0, 1500, "$"),
        (0, 2.5, "€"),
        (1_200_000, 2_000_000, "€"),
    ]
    runner = CliRunner()
    out = tmp_path / "out"
    built = runner.invoke(cli, ["build", "--site", str(site), "--out", str(out)])
    assert built.exit_code == 0, built.output
    exported = (out / "api" / "key-results.csv").read_text(encoding="utf-8")
    assert ",500000," in exported and ",5000," in exported and ",1500," in exported


def test_a_yes_no_key_result_takes_yes_and_no_in_check_ins_and_a_measured_one_refuses_them(
    tmp_path: Path,
) -> None:
    """``launch: yes`` (``true``, ``done``) is a done-or-not key result's 1, as
    ``done: yes`` is in the objective file; ``okrsite checkin --set launch=yes``
    writes it so. The same word for a key result that counts something is
    refused where it is written, in the user's words, not Python's ``True``."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Docs"\n',
            "content/objectives/docs.md": """
                ---
                title: Better docs
                cycle: 2026-Q4
                owner: Uma Diaz
                key_results:
                  - {id: articles, title: Articles written, target: 40}
                  - {id: launch, title: Docs portal live, done: false}
                  - {id: search, title: Search live, done: false}
                ---
            """,
            "content/checkins/docs/2026-11-10.md": """
                ---
                objective: docs
                date: 2026-11-10
                values: {articles: 22, launch: yes, search: not done}
                ---
            """,
            "content/checkins/docs/2026-11-12.md": """
                ---
                objective: docs
                date: 2026-11-12
                values: {articles: yes}
                ---
            """,
        },
    )
    result = load_site(site, AS_OF)
    assert [
        (d.file, d.line, d.column, d.code, d.message) for d in result.diagnostics if d.is_error
    ] == [
        (
            "content/checkins/docs/2026-11-12.md",
            4,
            20,
            "OKR102",
            "value of articles must be a number, got yes: key result 'articles' is measured, "
            "not done or not",
        )
    ]
    (checkin,) = result.scored.portfolio.checkins
    assert checkin.values == {"articles": 22, "launch": 1, "search": 0}
    assert checkin.yes_no == ("launch", "search")
    krs = result.scored.objectives["docs"].key_results
    assert (krs["launch"].progress, krs["search"].progress) == (1.0, 0.0)

    (site / "content/checkins/docs/2026-11-12.md").unlink()
    runner = CliRunner()
    done = runner.invoke(
        cli,
        ["checkin", "docs", "--site", str(site), "--set", "search=Yes", "--date", "2026-11-15"],
    )
    assert done.exit_code == 0, done.output
    written = (site / "content/checkins/docs/2026-11-15.md").read_text(encoding="utf-8")
    assert "values: {search: true}" in written
    krs = load_site(site, AS_OF).scored.objectives["docs"].key_results
    assert krs["search"].progress == 1.0


def test_a_kpi_csv_column_formatted_as_percentages_is_read(tmp_path: Path) -> None:
    """A spreadsheet exports a percentage column as ``3.1%``: each is its number,
    and the KPI's target written as a percentage makes its unit ``%``."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Churn"\n',
            "content/kpis/churn.md": """
                ---
                title: Monthly churn
                owner: Uma Diaz
                direction: down
                target: 2%
                thresholds: {green: 2%, red: 4%}
                data: data/churn.csv
                ---
            """,
            "content/data/churn.csv": "Month,Churn\n2026-07,3.1%\n2026-08,2.9 %\n2026-09,2.8\n",
        },
    )
    result = load_site(site, AS_OF)
    assert [d for d in result.diagnostics if d.is_error] == []
    assert result.scored.portfolio.kpi_series["churn"] == (
        (date(2026, 7, 1), 3.1),
        (date(2026, 8, 1), 2.9),
        (date(2026, 9, 1), 2.8),
    )
    assert result.scored.portfolio.kpis["churn"].unit == "%"


def test_a_quoted_decimal_comma_in_a_comma_separated_csv_says_to_write_a_point(
    tmp_path: Path,
) -> None:
    """``"4,5%"`` in a file whose commas separate the columns cannot be read
    (there a comma in a quoted number groups thousands): the hint says to
    write 4.5%, not that "this value is no percentage" (a KPI's reading may
    be one, as the row above it shows)."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Churn"\n',
            "content/kpis/churn.md": """
                ---
                title: Monthly churn
                direction: down
                target: 2%
                data: data/churn.csv
                ---
            """,
            "content/data/churn.csv": 'date,value\n2026-10-01,3.5%\n2026-11-01,"4,5%"\n',
        },
    )
    result = load_site(site, AS_OF)
    (problem,) = [d for d in result.diagnostics if d.is_error]
    assert (problem.file, problem.line, problem.code) == ("content/data/churn.csv", 3, "OKR203")
    assert problem.message == "'4,5%' is not a number"
    assert problem.hint == (
        "write 4.5%: in a file separated by commas a point marks the decimals, "
        'and a comma in a quoted number groups thousands ("1,200")'
    )


def test_a_decimal_comma_that_yaml_splits_inside_braces_is_an_error_saying_what_to_write(
    tmp_path: Path,
) -> None:
    """``{marge: 13,5}`` is ``marge: 13`` and a stray key ``5`` to YAML: the
    figure would silently lose its decimals. Each such figure is an error on
    its own line and column, with the digits as written (``05``, not YAML's
    5) and both readings where three digits follow the comma."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Marge"\nlanguage = "de"\n',
            "content/objectives/a.md": """
                ---
                title: Marge
                cycle: 2026-Q4
                owner: Uma Diaz
                key_results:
                  - {id: marge, title: Marge, start: 10, target: 14,500}
                  - {id: umsatz, title: Umsatz, target: 2000000}
                ---
            """,
            "content/checkins/c.md": """
                ---
                objective: a
                date: 2026-11-10
                values: {umsatz: "1.150,25", marge: 13,05}
                ---
            """,
            "content/kpis/churn.md": """
                ---
                title: Churn
                owner: Uma Diaz
                target: 2%
                values: {Jan 2026: 3,1 %}
                ---
            """,
        },
    )
    result = load_site(site, AS_OF)
    found = [
        (d.file, d.line, d.column, d.message, d.hint)
        for d in result.diagnostics
        if d.is_error and "kpis" not in d.file
    ]
    assert found == [
        (
            "content/checkins/c.md",
            4,
            37,
            "marge: 13,05 is read as 13 and a key 5: inside {…} a comma separates the entries",
            'write 13.05, or put it in quotes: "13,05"',
        ),
        (
            "content/objectives/a.md",
            6,
            50,
            "target: 14,500 is read as 14 and a key 500: inside {…} a comma separates the entries",
            "write 14500 for the whole number or 14.5 for the decimal",
        ),
    ]
    ((message, hint),) = [
        (d.message, d.hint) for d in result.diagnostics if d.file == "content/kpis/churn.md"
    ]
    assert message == (
        "Jan 2026: 3,1 % is read as 3 and a key 1 %: inside {…} a comma separates the entries"
    )
    assert hint == 'write 3.1 %, or put it in quotes: "3,1 %"'
    assert "OKR111" not in {d.code for d in result.diagnostics}


def test_a_figure_with_a_unit_or_a_currency_split_inside_braces_is_an_error_too(
    tmp_path: Path,
) -> None:
    """The split figure may carry a unit word (``4,5 h``: a stray key ``5 h``),
    a currency sign before it (``$250,000``: ``$250`` and a stray key ``000``)
    or German thousands (``199.999,99 €``: the float 199.999 and ``99 €``).
    These were read as 4, 250 and 199.999 with a warning about an unknown key
    at most, and every page carried the wrong figure; each is an error now."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Split"\n',
            "content/objectives/o.md": """
                ---
                title: Faster and bigger
                cycle: 2026-Q4
                owner: Uma Diaz
                key_results:
                  - {id: resp, title: First response, start: 8, target: 2, current: 4,5 h, unit: h}
                  - {id: deal, title: Deal size, start: $250,000, target: $1.5M}
                ---
            """,
            "content/checkins/c.md": """
                ---
                objective: o
                date: 2026-11-01
                values: {resp: 5,5 h}
                ---
            """,
            "content/kpis/umsatz.md": """
                ---
                title: Monatsumsatz
                unit: €
                target: 250000
                values:
                  - {date: 2026-10-01, value: 199.999,99 €}
                ---
            """,
        },
    )
    result = load_site(site, AS_OF)
    found = sorted(
        (d.file, d.line, d.code, d.message, d.hint) for d in result.diagnostics if d.is_error
    )
    assert found == [
        (
            "content/checkins/c.md",
            4,
            "OKR102",
            "resp: 5,5 h is read as 5 and a key 5 h: inside {…} a comma separates the entries",
            'write 5.5 h, or put it in quotes: "5,5 h"',
        ),
        (
            "content/kpis/umsatz.md",
            6,
            "OKR102",
            "value: 199.999,99 € is read as 199.999 and a key 99 €: inside {…} a comma "
            "separates the entries",
            'put it in quotes: "199.999,99 €"',
        ),
        (
            "content/objectives/o.md",
            6,
            "OKR102",
            "current: 4,5 h is read as 4 and a key 5 h: inside {…} a comma separates the entries",
            'write 4.5 h, or put it in quotes: "4,5 h"',
        ),
        (
            "content/objectives/o.md",
            7,
            "OKR102",
            "start: $250,000 is read as $250 and a key 0: inside {…} a comma separates the entries",
            'write $250000, or put it in quotes: "$250,000"',
        ),
    ]
    assert not [d for d in result.diagnostics if d.code == "OKR111"]  # no stray "unknown key"


def test_a_date_without_its_year_a_time_without_minutes_and_an_empty_value(
    tmp_path: Path,
) -> None:
    """``Nov 12`` lacks the year, and the hint says so (not "check the day exists");
    ``9am`` is a time of day as people write it; ``kr1: ~`` has no value, said
    in words, not Python's ``None``; a confidence out of range says the scale."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Docs"\n',
            "content/objectives/a.md": """
                ---
                title: Docs
                cycle: 2026-Q4
                owner: Uma Diaz
                key_results:
                  - {id: kr1, title: Articles, target: 40}
                  - {id: kr2, title: Pages, target: 40}
                ---
            """,
            "content/checkins/a/1.md": """
                ---
                objective: a
                date: Nov 12
                values: {kr1: ~}
                confidence: 11/10
                ---
            """,
            "content/checkins/a/2.md": """
                ---
                objective: a
                date: 2026-11-08 9am
                values: {kr1: 4}
                ---
            """,
        },
    )
    result = load_site(site, AS_OF)
    said = [(d.line, d.code, d.message, d.hint) for d in result.diagnostics if d.is_error]
    assert said == [
        (
            3,
            "OKR104",
            "date must be a real date like 2026-02-10, got 'Nov 12'",
            "write the year too, e.g. 2026-11-12 or 12 November 2026",
        ),
        (
            4,
            "OKR102",
            "value of kr1 must be a number, got nothing",
            "write its number after the colon, or leave the key out",
        ),
        (
            5,
            "OKR102",
            "confidence must be 0-10, low/medium/high, a traffic light or a percentage, got '11/10'",
            "write how sure the owner is from 0 (not at all) to 10 (certain): 7, 7/10, 4/5, "
            "8 of 10, 70%, high or green",
        ),
    ]
    (checkin,) = result.scored.portfolio.checkins
    assert (checkin.date, checkin.time) == (date(2026, 11, 8), "09:00")


def test_co_owners_in_one_line_a_team_parent_by_name_and_an_objective_of_another_cycle(
    tmp_path: Path,
) -> None:
    """``owner: Tom Lee, Ana Ruiz`` (or with ``&``, ``and``) is two people, read
    as ``[Tom Lee, Ana Ruiz]`` is: the first, with OKR123 naming the other, not
    one invented person; ``Diaz, Uma`` stays one name, Uma Diaz. A team's ``parent:`` by
    the team's name is that team, as ``team:`` and ``lead:`` take names. An
    objective of the next quarter aligned to this quarter's key result is
    warned about (OKR407): its progress fills a quarter it is not in."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Acme"\n',
            "content/teams/customer-success.md": "---\ntitle: Customer Success\n---\n",
            "content/teams/tier2.md": (
                "---\ntitle: Support Tier 2\nparent: Customer Success\n---\n"
            ),
            "content/objectives/company.md": """
                ---
                title: Company Q1
                cycle: 2026-Q1
                owner: Tom Lee, Ana Ruiz
                team: Customer Success
                key_results:
                  - {id: rev, title: Revenue, target: 100, current: 50}
                  - {id: teams, title: Team contributions}
                ---
            """,
            "content/objectives/next.md": """
                ---
                title: Next quarter
                cycle: 2026-Q2
                owner: Bob Stone & Ana Ruiz
                team: Support Tier 2
                parent: company#teams
                key_results:
                  - {id: a, title: A, target: 10, current: 10}
                  - {id: b, title: B, target: 10, current: 10}
                ---
            """,
            "content/objectives/one.md": """
                ---
                title: One owner, last name first
                cycle: 2026-Q1
                owner: Diaz, Uma
                key_results:
                  - {id: a, title: A, target: 10}
                  - {id: b, title: B, target: 10}
                ---
            """,
        },
    )
    result = load_site(site, date(2026, 2, 15))
    said = sorted(
        (d.file, d.line, d.code, d.message)
        for d in result.diagnostics
        if d.code in ("OKR123", "OKR306", "OKR407")
    )
    assert said == [
        (
            "content/objectives/company.md",
            4,
            "OKR123",
            "owner names one person: the first, 'Tom Lee', is taken; not 'Ana Ruiz'",
        ),
        (
            "content/objectives/next.md",
            4,
            "OKR123",
            "owner names one person: the first, 'Bob Stone', is taken; not 'Ana Ruiz'",
        ),
        (
            "content/objectives/next.md",
            6,
            "OKR407",
            "objective of 2026-Q2 (2026-04-01 to 2026-06-30) is aligned to company#teams, of "
            "2026-Q1 (2026-01-01 to 2026-03-31): its progress counts in 2026-Q1's figures",
        ),
    ]
    p = result.scored.portfolio
    assert [p.objectives[o].owner for o in ("company", "next", "one")] == [
        "tom-lee",
        "bob-stone",
        "uma-diaz",  # Diaz, Uma: last name first
    ]
    assert p.teams["tier2"].parent == "customer-success"


def test_a_kpi_csv_saved_by_excel_on_windows_is_read_with_a_warning(tmp_path: Path) -> None:
    """German Excel saves "CSV" in Windows-1252 (``Größer`` is not UTF-8): its
    dates and values are read, with OKR204 saying how to save it; a front
    matter opened and never closed says so, not "has no front matter"."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Umsatz"\nlanguage = "de"\n',
            "content/kpis/umsatz.md": (
                "---\ntitle: Umsatz\nowner: Uma Diaz\ntarget: 100\ndata: data/umsatz.csv\n---\n"
            ),
            "content/data/umsatz.csv": "Datum;Wert;Bemerkung\n01.01.2026;90,5;Größer\n".encode(
                "cp1252"
            ),
            "content/objectives/unclosed.md": "---\ntitle: Unclosed\n\nSome text.\n",
        },
    )
    result = load_site(site, AS_OF)
    said = [(d.file, d.line, d.column, d.code, d.message) for d in result.diagnostics]
    assert (
        "content/data/umsatz.csv",
        2,
        19,
        "OKR204",
        "CSV file is not UTF-8: read as Windows-1252, as Excel saves 'CSV' on Windows",
    ) in said
    assert (
        "content/objectives/unclosed.md",
        1,
        None,
        "OKR002",
        "the front matter opened on line 1 is never closed",
    ) in said
    assert result.scored.portfolio.kpi_series["umsatz"] == ((date(2026, 1, 1), 90.5),)


def test_a_kpi_csv_row_without_a_reading_is_left_out_with_a_warning(tmp_path: Path) -> None:
    """A spreadsheet exports a month without a reading as an empty cell (or
    n/a): that failed the whole build with "'' is not a number"."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "C"\n',
            "content/kpis/c9.md": (
                "---\ntitle: C9\nowner: Uma Diaz\ntarget: 10\ndata: data/c9.csv\n---\n"
            ),
            "content/data/c9.csv": (
                "date,value,comment\n2026-03-01,5,ok\n2026-04-01,,missing\n"
                "2026-05-01,n/a,\n2026-06-01,7,\n"
            ),
        },
    )
    result = load_site(site, AS_OF)
    said = [(d.code, d.line, d.message) for d in result.diagnostics]
    assert said == [
        ("OKR205", 3, "the row has no value: left out"),
        ("OKR205", 4, "the row has no value ('n/a'): left out"),
    ], said
    assert result.scored.portfolio.kpi_series["c9"] == (
        (date(2026, 3, 1), 5.0),
        (date(2026, 6, 1), 7.0),
    )


def test_a_kpi_csv_saved_as_unicode_text_says_so(tmp_path: Path) -> None:
    """Excel's "Unicode Text" is UTF-16: it was read as Windows-1252 and refused
    for a header 'ÿþd\x00a\x00t\x00e…' that was, as written, date,value."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "NPS"\n',
            "content/kpis/nps.md": (
                "---\ntitle: NPS\nowner: Uma Diaz\ntarget: 50\ndata: data/nps.csv\n---\n"
            ),
            "content/data/nps.csv": "date,value\r\n2026-11-01,31\r\n".encode("utf-16"),
        },
    )
    said = [(d.file, d.line, d.code, d.message, d.hint) for d in load_site(site, AS_OF).diagnostics]
    assert said == [
        (
            "content/data/nps.csv",
            1,
            "OKR201",
            "CSV file is UTF-16 text (as Excel saves 'Unicode Text'), not UTF-8",
            "save it as 'CSV UTF-8' (Excel: Save As, then 'CSV UTF-8')",
        )
    ], said


def test_the_hint_for_an_unknown_cycle_is_toml_that_can_be_pasted(tmp_path: Path) -> None:
    """``cycle: Sprint 7`` is no cycle okrsite knows; the hint's table header
    quotes the name, as TOML needs for a key with a space."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Sprints"\n',
            "content/objectives/a.md": (
                "---\ntitle: A\ncycle: Sprint 7\nowner: Uma Diaz\nkey_results:\n"
                "  - {id: a, title: A, target: 1}\n  - {id: b, title: B, target: 1}\n---\n"
            ),
        },
    )
    (hint,) = [d.hint for d in load_site(site, AS_OF).diagnostics if "unknown cycle" in d.message]
    assert hint is not None and 'as [cycles."Sprint 7"] with start and end dates' in hint


def test_commitment_as_a_yes_no_flag_and_a_sentence_with_a_colon(tmp_path: Path) -> None:
    """``aspirational: true`` as other tools' check boxes write it is the
    commitment it says; a key result sentence with ': ' in it, which YAML
    reads as a key and a value, is refused with the line to write instead
    of "missing title" and "unknown key"."""
    kr = "key_results:\n  - {id: a, title: A, target: 3}\n"
    files = {
        "okrsite.toml": 'title = "Flags"\n',
        "content/objectives/a.md": f"---\ntitle: A\ncycle: 2026-Q4\naspirational: true\n{kr}---\n",
        "content/objectives/b.md": f"---\ntitle: B\ncycle: 2026-Q4\nAspirational: no\n{kr}---\n",
        "content/objectives/c.md": f"---\ntitle: C\ncycle: 2026-Q4\nstretch: yes\n{kr}---\n",
        "content/objectives/d.md": (
            "---\ntitle: D\ncycle: 2026-Q4\nkey_results:\n"
            "  - Publish 12 case studies\n"
            "  - Launch v2 in 2026\n"
            "  - Launch the new website (done: no)\n---\n"
        ),
    }
    result = load_site(write_site(tmp_path / "site", files), AS_OF)
    assert [
        (d.file, d.line, d.code, d.message, d.hint) for d in result.diagnostics if d.is_error
    ] == [
        (
            "content/objectives/d.md",
            7,
            "OKR106",
            "key result 3 was read as the key 'Launch the new website (done' with the value "
            "'no)': in YAML a ': ' inside a sentence starts a value",
            'put the whole sentence in quotes: - "Launch the new website (done: no)", '
            "or write it as 'title: …' with its own keys",
        )
    ]
    assert not [d for d in result.diagnostics if d.code == "OKR111"]
    # a sentence with one figure: the hint writes it as the target, not a guess
    d = tmp_path / "site" / "content" / "objectives" / "d.md"
    d.write_text(d.read_text().replace("  - Launch the new website (done: no)\n", ""))
    hints = [d.hint for d in load_site(tmp_path / "site", AS_OF).diagnostics if d.code == "OKR402"]
    assert hints == [
        "if 12 is its target, add 'start: 0' and 'target: 12'; or milestones, "
        "or align an objective with 'parent: d#kr1'",
        "add 'start:' and 'target:', milestones, or align an objective with 'parent: d#kr2'",
    ]
    d.unlink()
    portfolio = load_site(tmp_path / "site", AS_OF).scored.portfolio
    assert {o.id: o.commitment for o in portfolio.objectives.values()} == {
        "a": "aspirational",
        "b": "committed",
        "c": "aspirational",
    }


def test_a_date_with_its_month_named_and_a_time_orders_check_ins_of_one_day(
    tmp_path: Path,
) -> None:
    """``Dec 2, 2026 9:15 am`` as a calendar writes it: the day, and a time that
    orders it among that day's check-ins, in a file and in ``okrsite checkin --date``."""
    files = {
        "okrsite.toml": 'title = "Times"\nas_of = 2026-12-03\n',
        "content/objectives/a.md": (
            "---\ntitle: A\ncycle: 2026-Q4\n"
            "key_results:\n  - {id: calls, title: Calls, start: 0, target: 10}\n---\n"
        ),
        "content/checkins/evening.md": (
            "---\nobjective: a\ndate: 2 December 2026, 17:30\nvalues: {calls: 6}\n---\n"
        ),
        "content/checkins/morning.md": (
            "---\nobjective: a\ndate: Dec 2, 2026 9:15 am\nvalues: {calls: 4}\n---\n"
        ),
    }
    site = write_site(tmp_path / "site", files)
    result = load_site(site, None)
    assert not [d for d in result.diagnostics if d.is_error]
    checkins = result.scored.portfolio.checkins
    assert [(c.date, c.time, c.values["calls"]) for c in checkins] == [
        (date(2026, 12, 2), "09:15", 4),
        (date(2026, 12, 2), "17:30", 6),
    ]
    assert result.scored.objectives["a"].progress == 0.6  # the evening's, the day's latest
    out = CliRunner().invoke(
        cli,
        ["checkin", "a", "--set", "calls=5", "--date", "Dec 2, 2026 at 1pm", "--site", str(site)],
    )
    assert out.exit_code == 0, out.output
    written = next((site / "content" / "checkins").rglob("2026-12-02*.md")).read_text()
    assert "date: 2026-12-02T13:00" in written


def test_key_results_measured_as_goals_are_and_by_a_sentence_in_their_title(
    tmp_path: Path,
) -> None:
    """``measure: from 8 h to 2 h`` under a key result, as a goal takes it, and
    ``title: Raise CSAT from 82% to 90%`` with nothing else to measure it: the
    same figures as the sentence ``- Raise CSAT from 82% to 90%``. A title
    beside its own ``target:`` keeps its figures; figures beside ``measure:``
    are ignored with a warning, as for a goal; a measure that says no figures
    is an error with both forms."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Support"\n',
            "content/objectives/delight.md": """
                ---
                title: Delight our customers
                cycle: 2026-Q4
                owner: Uma Diaz
                key_results:
                  - title: Raise CSAT from 82% to 90%
                  - title: Cut first response time
                    measure: from 8 h to 2 h
                  - title: Fewer escalations
                    measure: {start: 40, target: 10, unit: tickets}
                    target: 12
                  - title: Grow NPS from 30 to 50
                    target: 45
                  - title: Move 40 services from 2 data centres to 1 region
                    done: no
                ---
            """,
            "content/objectives/broken.md": """
                ---
                title: Broken measure
                cycle: 2026-Q4
                owner: Uma Diaz
                key_results:
                  - title: Something
                    measure: better than before
                ---
            """,
        },
    )
    result = load_site(site, AS_OF)
    shown = [(d.file, d.code, d.line, d.message) for d in result.diagnostics if d.code != "OKR404"]
    assert shown == [
        (
            "content/objectives/broken.md",
            "OKR106",
            7,
            "measure must say where the key result starts and ends, got 'better than before'",
        ),
        (
            "content/objectives/delight.md",
            "OKR111",
            11,
            "target beside measure: is ignored: measure: gives the key result's figures",
        ),
        (
            "content/objectives/delight.md",
            "OKR409",
            12,
            "key result 'kr4' has no start:, so it counts from 0 to 45, "
            "but its title says from 30 to 50",
        ),
    ]
    krs = {kr.id: kr for kr in result.scored.portfolio.objectives["delight"].key_results}
    figures = {k: (kr.kind, kr.start, kr.target, kr.unit) for k, kr in krs.items()}
    assert figures == {
        "kr1": ("numeric", 82, 90, "%"),
        "kr2": ("numeric", 8, 2, "h"),
        "kr3": ("numeric", 40, 10, "tickets"),
        "kr4": ("numeric", 0, 45, ""),
        "kr5": ("boolean", None, None, ""),
    }


def test_check_in_values_written_with_their_unit(tmp_path: Path) -> None:
    """``5 h``, ``4 Hours``, ``1200 Tickets``, ``10k users`` and a KPI's
    ``38 points``: the figure, when the unit is the key result's or KPI's
    (any case, singular or plural, a usual spelling of a unit of time); a
    unit of something else is OKR312 naming both, and the value does not
    count."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Support"\n',
            "content/objectives/support.md": """
                ---
                title: Faster support
                cycle: 2026-Q4
                owner: Uma Diaz
                key_results:
                  - {id: response, title: First response, start: 8, target: 2, unit: hours}
                  - {id: backlog, title: Backlog, start: 2000, target: 500, unit: ticket}
                  - {id: users, title: Self-service users, start: 1000, target: 20000, unit: users}
                  - {id: csat, title: CSAT, start: 80, target: 90}
                ---
            """,
            "content/kpis/nps.md": """
                ---
                title: NPS
                owner: Uma Diaz
                unit: points
                target: 50
                ---
            """,
            "content/checkins/1.md": """
                ---
                objective: support
                date: 2026-11-10
                values:
                  response: 5 h
                  backlog: 1200 Tickets
                  users: 10k users
                ---
            """,
            "content/checkins/2.md": """
                ---
                objective: support
                date: 2026-11-20
                values:
                  response: 4 Hours
                  csat: 85 points
                ---
            """,
            "content/checkins/3.md": """
                ---
                objective: support
                date: 2026-11-21
                values:
                  response: 2 days
                ---
            """,
            "content/checkins/nps.md": "---\nkpi: nps\ndate: 2026-11-15\nvalue: 38 Points\n---\n",
        },
    )
    result = load_site(site, AS_OF)
    found = [d for d in result.diagnostics if d.code != "OKR404"]  # the last two did not count
    assert [(d.file, d.code, d.line, d.message) for d in found] == [
        (
            "content/checkins/2.md",
            "OKR312",
            6,
            "csat is written in 'points', but key result 'csat' is measured in plain "
            "numbers (it has no unit:)",
        ),
        (
            "content/checkins/3.md",
            "OKR312",
            5,
            "response is written in 'days', but key result 'response' is measured in 'hours'",
        ),
    ]
    assert [d.hint for d in found] == [
        "write the bare number, or give key result 'csat' 'unit: points'",
        "write the figure in 'hours', without a unit or with it",
    ]
    portfolio = result.scored.portfolio
    assert [c.values for c in portfolio.checkins if c.objective] == [
        {"response": 5, "backlog": 1200, "users": 10000}
    ]
    assert [c.value for c in portfolio.checkins if c.kpi] == [38]


@pytest.mark.parametrize("with_people", [True, False], ids=["people files", "no people files"])
def test_a_person_named_with_a_role_pronouns_or_an_address_after_the_name(
    tmp_path: Path, with_people: bool
) -> None:
    """``Uma Diaz (PM)``, ``Uma Diaz [she/her]``, ``Uma Diaz <uma@example.com>``
    (as git writes authors) and ``Diaz, Uma`` are Uma Diaz: one person, with or without a
    people folder, and no warning; a team's parentheses are its name."""
    files: dict[str, str | bytes] = {
        "okrsite.toml": 'title = "Support"\n',
        "content/objectives/a.md": """
            ---
            title: A
            cycle: 2026-Q4
            owner: Uma Diaz (PM)
            team: Sales (EMEA)
            key_results:
              - {title: X, target: 3}
              - {title: Y, target: 3}
            ---
        """,
        "content/objectives/b.md": """
            ---
            title: B
            cycle: 2026-Q4
            owner: Uma Diaz <uma@example.com>
            key_results:
              - {title: X, target: 3}
              - {title: Y, target: 3}
            ---
        """,
        "content/objectives/c.md": """
            ---
            title: C
            cycle: 2026-Q4
            owner: Diaz, Uma
            key_results:
              - {title: X, target: 3}
              - {title: Y, target: 3}
            ---
        """,
        "content/checkins/1.md": """
            ---
            objective: a
            date: 2026-11-20
            author: Uma Diaz [she/her]
            values: {kr1: 1}
            ---
        """,
    }
    if with_people:
        files["content/people/uma.md"] = "---\ntitle: Uma Diaz\n---\n"
        files["content/teams/emea.md"] = "---\ntitle: Sales (EMEA)\n---\n"
    site = write_site(tmp_path / "site", files)
    result = load_site(site, AS_OF)
    assert [d.code for d in result.diagnostics if d.code in ("OKR306", "OKR303")] == []
    portfolio = result.scored.portfolio
    uma = "uma" if with_people else "uma-diaz"
    assert {o.owner for o in portfolio.objectives.values()} == {uma}
    assert [c.author for c in portfolio.checkins] == [uma]
    assert portfolio.objectives["a"].team == ("emea" if with_people else "sales-emea")
    assert portfolio.person_names[uma] == "Uma Diaz"


def test_a_checklist_as_a_task_list_and_targets_written_as_bounds_to_keep(
    tmp_path: Path,
) -> None:
    """Milestones written as a Markdown task list (``"[x] Review"``, ``"[ ]
    Draft"``) or with a tick (``✅ Outline``) are done or not as they say;
    ``target: ">= 99.9%"`` and ``target: at most 4`` are ``stay_above`` and
    ``stay_below``; a strict ``< 5`` is refused with what to write, and
    ``okrsite checkin --set`` ticks a task list's box."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Ops"\n',
            "content/objectives/ops.md": """
                ---
                title: Keep the lights on
                cycle: 2026-Q4
                owner: Uma Diaz
                key_results:
                  - title: Uptime
                    target: ">= 99.9%"
                  - title: Incidents
                    target: at most 4
                  - title: Docs
                    milestones:
                      - ✅ Outline
                      - "[ ] Draft"
                      - "[x] Review"
                      - "[] Publish"
                ---
            """,
            "content/objectives/strict.md": """
                ---
                title: Strict
                cycle: 2026-Q4
                owner: Uma Diaz
                key_results:
                  - title: Pages
                    target: < 5
                ---
            """,
        },
    )
    result = load_site(site, AS_OF)
    errors = [(d.file, d.line, d.message, d.hint) for d in result.diagnostics if d.is_error]
    assert errors == [
        (
            "content/objectives/strict.md",
            7,
            "target '< 5' is a strict bound: the value must stay below 5 without reaching it",
            "write stay_below: with the last figure that still counts (it may equal it), "
            'or target: "<= 5"',
        )
    ]
    (objective,) = [o for o in result.scored.portfolio.objectives.values() if o.id == "ops"]
    uptime, incidents, docs = objective.key_results
    assert (uptime.kind, uptime.threshold, uptime.unit) == ("stay_above", 99.9, "%")
    assert (incidents.kind, incidents.threshold) == ("stay_below", 4)
    assert [(m.title, m.done) for m in docs.milestones] == [
        ("Outline", True),
        ("Draft", False),
        ("Review", True),
        ("Publish", False),
    ]
    (site / "content/objectives/strict.md").unlink()
    runner = CliRunner()
    ticked = runner.invoke(
        cli, ["checkin", "--site", str(site), "ops", "--set", "kr3=draft", "--date", "2026-11-20"]
    )
    assert ticked.exit_code == 0, ticked.output
    text = (site / "content/objectives/ops.md").read_text(encoding="utf-8")
    assert '      - "[x] Draft"\n' in text and '      - "[] Publish"\n' in text
    docs = load_site(site, AS_OF).scored.portfolio.objectives["ops"].key_results[2]
    assert [m.done for m in docs.milestones] == [True, True, True, False]


def test_key_result_figures_written_with_their_unit_and_no_unit_line(tmp_path: Path) -> None:
    """``start: 8 hours`` and ``target: 2 h`` with no ``unit:``: the unit is the
    target's, any spelling of it counts (as in check-ins, where ``5 hrs`` is
    read), ``12 minutes`` beside ``unit: min`` is 12, and a figure in
    another unit is OKR312 naming both; the pages and the JSON show the unit."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Helpdesk"\n',
            "content/objectives/support.md": """
                ---
                title: Answer sooner
                cycle: 2026-Q4
                owner: Uma Diaz
                key_results:
                  - {id: response, title: First response, start: 8 hours, target: 2 h}
                  - {id: backlog, title: Backlog, start: 1200 tickets, target: 300 Tickets}
                  - {id: wait, title: Wait, start: 30 minutes, target: 12 min, unit: min}
                ---
            """,
            "content/objectives/broken.md": """
                ---
                title: Mixed units
                cycle: 2026-Q4
                owner: Uma Diaz
                key_results:
                  - {id: lead, title: Lead time, start: 3 days, target: 20 hours}
                ---
            """,
            "content/goals/faster.md": """
                ---
                title: Answer faster
                owner: Uma Diaz
                cycle: 2026-Q4
                start: 40 minutes
                target: 10 min
                due: 2026-12-31
                ---
            """,
            "content/checkins/support/2026-11-10.md": """
                ---
                date: 2026-11-10
                values: {response: 5 hrs, backlog: 700, wait: 20 minutes}
                ---
            """,
        },
    )
    result = load_site(site, AS_OF)
    errors = [(d.file, d.code, d.line, d.message, d.hint) for d in result.diagnostics if d.is_error]
    assert errors == [
        (
            "content/objectives/broken.md",
            "OKR312",
            6,
            "start is written in 'days' but target in 'hours': okrsite converts nothing",
            "write start in 'hours' too, or give the key result a 'unit:' and figures in it",
        )
    ]
    # no warning about a figure either (stale and not SMART are all there is)
    assert {d.code for d in result.diagnostics if not d.is_error} == {"OKR404", "OKR405"}
    krs = {kr.id: kr for kr in result.scored.portfolio.objectives["support"].key_results}
    assert [(k.start, k.target, k.unit) for k in krs.values()] == [
        (8, 2, "h"),
        (1200, 300, "Tickets"),
        (30, 12, "min"),
    ]
    assert [c.values for c in result.scored.portfolio.checkins] == [
        {"response": 5, "backlog": 700, "wait": 20}
    ]
    goal = result.scored.portfolio.goals["faster"]
    assert (goal.measure.start, goal.measure.target, goal.measure.unit) == (40, 10, "min")


def test_a_check_in_filed_in_its_objectives_folder_needs_no_objective_line(
    tmp_path: Path,
) -> None:
    """``checkins/<id>/<date>.md``, as ``okrsite checkin`` files check-ins:
    without ``objective:`` the folder names the objective (with ``values:``
    or values jotted at the top) or the KPI (with ``value:``); a folder that
    is neither is OKR101 with a "did you mean", and one of the other kind
    says which to write."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Ops"\n',
            "content/objectives/team/ops.md": """
                ---
                title: Calm operations
                cycle: 2026-Q4
                owner: Uma Diaz
                key_results:
                  - {id: pages, title: Pages per week, start: 20, target: 5}
                ---
            """,
            "content/kpis/nps.md": "---\ntitle: NPS\nowner: Uma Diaz\n---\n",
            "content/checkins/team/ops/2026-11-10.md": "---\ndate: 2026-11-10\nvalues: {pages: 12}\n---\n",
            "content/checkins/team/ops/2026-11-17.md": "---\ndate: 2026-11-17\npages: 9\n---\n",
            "content/checkins/nps/2026-11.md": "---\ndate: 2026-11-01\nvalue: 41\n---\n",
            "content/checkins/team/opps/2026-11-18.md": "---\ndate: 2026-11-18\npages: 8\n---\n",
            "content/checkins/nps/2026-11-19.md": "---\ndate: 2026-11-19\nvalues: {a: 1}\n---\n",
        },
    )
    result = load_site(site, AS_OF)
    errors = [(d.file, d.code, d.message, d.hint) for d in result.diagnostics if d.is_error]
    assert errors == [
        (
            "content/checkins/nps/2026-11-19.md",
            "OKR101",
            "the check-in gives values: but its folder 'nps' is a KPI, not an objective",
            "write the KPI's reading as 'value: 42'",
        ),
        (
            "content/checkins/team/opps/2026-11-18.md",
            "OKR101",
            "the check-in names no objective or KPI, and its folder 'team/opps' is neither",
            "did you mean 'team/ops'?",
        ),
    ]
    portfolio = result.scored.portfolio
    assert [(c.objective, c.values) for c in portfolio.checkins if c.objective] == [
        ("team/ops", {"pages": 12}),
        ("team/ops", {"pages": 9}),
    ]
    assert [(c.kpi, c.value) for c in portfolio.checkins if c.kpi] == [("nps", 41)]
    assert result.scored.objectives["team/ops"].key_results["pages"].current == 9


def test_key_results_listed_in_the_body_are_warned_of_not_dropped_silently(
    tmp_path: Path,
) -> None:
    """An OKR written as in a document, its key results a list under a
    heading of the body: OKR126 at the heading's line, naming the first one
    to move; not for a body that only mentions key results, nor for an
    objective that has them in its front matter."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Docs"\n',
            "content/objectives/nps.md": """
                ---
                title: Customers love us
                cycle: 2026-Q4
                owner: Tom Lee
                ---
                Why: churn is up.

                ## Key results

                - Increase NPS from 30 to 50
                - Cut churn from 5% to 3%
                1. Launch the help centre

                ## Risks
                - hiring
            """,
            "content/objectives/bold.md": """
                ---
                title: Bold
                cycle: 2026-Q4
                owner: Tom Lee
                ---
                **KRs:**
                * Ship v2
            """,
            "content/objectives/prose.md": """
                ---
                title: Prose only
                cycle: 2026-Q4
                owner: Tom Lee
                ---
                Key results will follow next week.

                ## Key results

                To be agreed with the team.
            """,
            "content/objectives/both.md": """
                ---
                title: Has them
                cycle: 2026-Q4
                owner: Tom Lee
                key_results:
                  - Increase NPS from 30 to 50
                ---
                ## Key results
                - Increase NPS from 30 to 50
            """,
        },
    )
    result = load_site(site, AS_OF)
    found = [(d.file, d.line, d.message, d.hint) for d in result.diagnostics if d.code == "OKR126"]
    assert found == [
        (
            "content/objectives/bold.md",
            6,
            "the body lists 1 key result under '**KRs:**', but key results are read "
            "from the front matter only",
            "move them into the front matter, one per line under 'key_results:' "
            '(- Ship v2): a sentence with "from … to …" gives its figures',
        ),
        (
            "content/objectives/nps.md",
            8,
            "the body lists 3 key results under '## Key results', but key results are "
            "read from the front matter only",
            "move them into the front matter, one per line under 'key_results:' "
            '(- Increase NPS from 30 to 50): a sentence with "from … to …" gives its figures',
        ),
    ]


def test_a_check_in_filed_under_a_broken_objective_is_not_said_to_have_no_objective(
    tmp_path: Path,
) -> None:
    """An objective file with an error is left out; the check-ins filed in its
    folder then name an objective that is not there, but saying so would only
    repeat the objective's own error: the one error is reported, located."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Helpdesk"\n',
            "content/objectives/support.md": """
                ---
                title: Answer sooner
                cycle: 2026-Q4
                owner: Uma Diaz
                key_results:
                  - {id: response, title: First response, start: 8, target: two}
                ---
            """,
            "content/checkins/support/2026-11-10.md": """
                ---
                date: 2026-11-10
                response: 5
                ---
            """,
        },
    )
    result = load_site(site, AS_OF)
    errors = [(d.file, d.code) for d in result.diagnostics if d.is_error]
    assert errors == [("content/objectives/support.md", "OKR102")]


def test_figures_and_cycles_under_the_names_other_tools_give_them(tmp_path: Path) -> None:
    """``baseline``/``goal``/``actual`` and ``from``/``to`` for a key result's
    figures, ``quarter:`` for the cycle, a goal's ``deadline``, confidence as a
    traffic light or a status word: each is read as the key it means, located
    at the line written, and a key written both ways keeps the alias unread,
    warned of as the second name it is (not as an unknown key with a guess)."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Growth"\n',
            "content/objectives/onboarding.md": """
                ---
                title: Make onboarding delightful
                owner: Uma Diaz
                Quarter: Q4 2026
                key_results:
                  - id: ttv
                    title: Cut time to first value
                    from: 14 days
                    to: 7 days
                  - id: activation
                    title: Activation rate
                    Baseline: 40%
                    Goal: 60%
                    actual: 48%
                  - id: nps
                    title: NPS
                    start: 20
                    baseline: 25
                    target: 40
                ---
            """,
            "content/objectives/churn.md": """
                ---
                title: Keep customers
                owner: Uma Diaz
                timeframe: 2026-Q4
                key_results:
                  - id: churn
                    title: Churn
                    initial: 5
                    target value: two
                ---
            """,
            "content/goals/handbook.md": """
                ---
                title: Write the support handbook
                owner: Uma Diaz
                period: 2026-Q4
                deadline: 2026-12-15
                baseline: 0
                target: 40
                actual: 10
                ---
                Forty pages every agent can use.
            """,
            "content/checkins/onboarding/2026-11-20.md": """
                ---
                date: 2026-11-20
                confidence: Amber
                ttv: 10
                ---
            """,
            "content/checkins/onboarding/2026-11-22.md": """
                ---
                date: 2026-11-22
                confidence: on-track
                activation: 50
                ---
            """,
        },
    )
    result = load_site(site, AS_OF)
    found = sorted(
        (d.file, d.code, d.line, d.message)
        for d in result.diagnostics
        if d.code not in ("OKR404", "OKR405")
    )
    assert found == [
        # located at the alias as written ('target value: two')
        ("content/objectives/churn.md", "OKR102", 9, "target must be a number, got 'two'"),
        # start and baseline both: the alias is not read a second time
        (
            "content/objectives/onboarding.md",
            "OKR111",
            18,
            "'baseline' is another name for 'start', which a key result already gives; "
            "it is ignored",
        ),
    ]
    p = result.scored.portfolio
    obj = p.objectives["onboarding"]
    assert obj.cycle == "2026-Q4"
    assert [(kr.id, kr.start, kr.target, kr.current, kr.unit) for kr in obj.key_results] == [
        ("ttv", 14, 7, None, "days"),
        ("activation", 40, 60, 48, "%"),
        ("nps", 20, 40, None, ""),
    ]
    assert [c.confidence for c in p.checkins] == [5.0, 8.0]
    goal = p.goals["handbook"]
    assert (goal.cycle, goal.due, goal.measure.start, goal.measure.target) == (
        "2026-Q4",
        date(2026, 12, 15),
        0,
        40,
    )
    assert goal.measure.current == 10


@pytest.mark.parametrize(
    ("written", "confidence"),
    [("green", 8.0), ("Red", 3.0), ("off track", 3.0), ("\U0001f7e1", 5.0), ("hoch", 8.0)],
)
def test_confidence_as_a_traffic_light_or_a_status_word(
    tmp_path: Path, written: str, confidence: float
) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "content/objectives/o.md": (
                "---\ntitle: O\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
                "  - {id: a, title: A, start: 0, target: 10}\n---\n"
            ),
            "content/checkins/o/2026-11-20.md": (
                f"---\ndate: 2026-11-20\nconfidence: {written}\na: 4\n---\n"
            ),
        },
    )
    result = load_site(site, AS_OF)
    assert [d.code for d in result.diagnostics if d.is_error] == []
    (checkin,) = result.scored.portfolio.checkins
    assert checkin.confidence == confidence


def test_an_owner_that_names_a_team_makes_the_team_its_owner(tmp_path: Path) -> None:
    """``owner: Finance`` where Finance is a team and no person: the team owns
    the KPI or objective (its team page lists it), no person Finance is made
    up and nothing is warned; beside another ``team:`` both stay as written."""
    site = write_site(
        tmp_path / "site",
        {
            "content/teams/finance.md": "---\ntitle: Finance\n---\n",
            "content/teams/sales.md": "---\ntitle: Sales\n---\n",
            "content/people/uma-diaz.md": "---\ntitle: Uma Diaz\nteam: Sales\n---\n",
            "content/kpis/mrr.md": "---\ntitle: MRR\nowner: Finance\ntarget: 250000\n---\n",
            "content/objectives/costs.md": (
                "---\ntitle: Cut costs\ncycle: 2026-Q4\nowner: finance\nkey_results:\n"
                "  - {id: a, title: A, start: 10, target: 8}\n---\n"
            ),
            "content/objectives/deals.md": (
                "---\ntitle: Close deals\ncycle: 2026-Q4\nowner: Finance\nteam: Sales\n"
                "key_results:\n  - {id: a, title: A, start: 0, target: 8}\n---\n"
            ),
        },
    )
    result = load_site(site, AS_OF)
    p = result.scored.portfolio
    assert (p.kpis["mrr"].owner, p.kpis["mrr"].team) == (None, "finance")
    assert (p.objectives["costs"].owner, p.objectives["costs"].team) == (None, "finance")
    assert (p.objectives["deals"].owner, p.objectives["deals"].team) == ("finance", "sales")
    warned = [(d.file, d.code) for d in result.diagnostics if d.code == "OKR306"]
    assert warned == [("content/objectives/deals.md", "OKR306")]
    assert "finance" not in p.people


def test_a_kpi_linked_key_result_takes_its_start_and_target_from_its_title(
    tmp_path: Path,
) -> None:
    """``- title: MRR from $180k to $250k`` with ``kpi: mrr``: the title gives
    the figures and the KPI the value, as the key result reads on a slide."""
    site = write_site(
        tmp_path / "site",
        {
            "content/kpis/mrr.md": (
                "---\ntitle: MRR\nunit: $\ntarget: $250k\nvalues:\n"
                "  2026-10-01: $180,500\n  2026-11-01: $201,000\n---\n"
            ),
            "content/objectives/revenue.md": (
                "---\ntitle: Grow revenue\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
                "  - title: MRR from $180k to $250k\n    kpi: mrr\n---\n"
            ),
        },
    )
    result = load_site(site, AS_OF)
    assert [d.code for d in result.diagnostics if d.is_error] == []
    (kr,) = result.scored.portfolio.objectives["revenue"].key_results
    assert (kr.start, kr.target, kr.unit, kr.kpi) == (180000, 250000, "$", "mrr")
    (score,) = result.scored.objectives["revenue"].key_results.values()
    assert score.progress == pytest.approx(0.3)


def test_a_check_in_without_a_date_line_is_dated_by_its_file_name(tmp_path: Path) -> None:
    """``checkins/o/2026-11-20.md`` (as ``okrsite checkin`` names them) or
    ``2026-11-22-weekly.md`` (as Jekyll and Hugo date posts) without ``date:``
    is of that day; a ``date:`` line wins; a name that is no day
    (``2026-02-30.md``) is an error naming that day (OKR104)."""
    objective = (
        "---\ntitle: O\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
        "  - {id: a, title: A, start: 0, target: 10}\n---\n"
    )
    site = write_site(
        tmp_path / "site",
        {
            "content/objectives/o.md": objective,
            "content/checkins/o/2026-11-20.md": "---\na: 3\n---\n",
            "content/checkins/o/2026-11-22-weekly.md": "---\na: 4\nconfidence: high\n---\n",
            "content/checkins/o/2026-11-23.md": "---\ndate: 2026-11-24\na: 5\n---\n",
            "content/checkins/o/2026-02-30.md": "---\na: 9\n---\n",
        },
    )
    result = load_site(site, AS_OF)
    errors = [(d.file, d.code, d.message) for d in result.diagnostics if d.is_error]
    assert errors == [
        (
            "content/checkins/o/2026-02-30.md",
            "OKR104",
            "the check-in is dated by its file name, 2026-02-30, which is not a real day: "
            "February 2026 has 28 days",
        )
    ]
    assert [(c.date, c.values) for c in result.scored.portfolio.checkins] == [
        (date(2026, 11, 20), {"a": 3}),
        (date(2026, 11, 22), {"a": 4}),
        (date(2026, 11, 24), {"a": 5}),
    ]


def test_a_team_file_written_with_goal_words(tmp_path: Path) -> None:
    """``owner:`` and ``team:`` in a team file were ignored without a word (the
    team had no lead and no parent); a team lead writes them as in goal files.
    They are read as ``lead:`` and ``parent:``; beside those, and in a
    person's file or a page, where they mean nothing, they are warned about."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Acme"\n',
            "content/people/uma-diaz.md": "---\ntitle: Uma Diaz\nowner: Tom Lee\n---\n",
            "content/people/tom-lee.md": "---\ntitle: Tom Lee\n---\n",
            "content/teams/company.md": "---\ntitle: Company\n---\n",
            "content/teams/sales.md": "---\ntitle: Sales\nowner: Uma Diaz\nteam: Company\n---\n",
            "content/teams/support.md": (
                "---\ntitle: Support\nlead: Tom Lee\nowner: Uma Diaz\nparent: company\n---\n"
            ),
            "content/pages/about.md": "---\ntitle: About\nteam: Sales\n---\nHello.\n",
        },
    )
    load = load_site(site, AS_OF)
    teams = load.scored.portfolio.teams
    assert (teams["sales"].lead, teams["sales"].parent) == ("uma-diaz", "company")
    assert (teams["support"].lead, teams["support"].parent) == ("tom-lee", "company")
    warned = sorted((d.file, d.message) for d in load.diagnostics if d.code == "OKR111")
    assert warned == [
        ("content/pages/about.md", "unknown key 'team' in a page is ignored"),
        ("content/people/uma-diaz.md", "unknown key 'owner' in a person is ignored"),
        (
            "content/teams/support.md",
            "owner beside lead: is ignored: a team's lead: names who leads the team",
        ),
    ]
    out = CliRunner().invoke(cli, ["build", "--site", str(site), "--as-of", "2026-11-25"])
    assert out.exit_code == 0, out.output
    page = (site / "_site/teams/sales/index.html").read_text(encoding="utf-8")
    assert "Uma Diaz" in page and "Company" in page


def test_a_teams_own_goal_is_not_warned_to_have_no_owner(tmp_path: Path) -> None:
    """``owner: Finance`` makes the Finance team the owner (as documented), but
    the objective was then warned "objective has no owner", asking for the
    line already written. An objective that names no owner at all still is."""
    okr = "---\ntitle: {title}\ncycle: 2026-Q4\n{owner}key_results:\n  - {{title: A, target: 1}}\n  - {{title: B, target: 2}}\n---\n"
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Acme"\n',
            "content/teams/finance.md": "---\ntitle: Finance\n---\n",
            "content/objectives/finance/close.md": okr.format(
                title="Close the books faster", owner="owner: Finance\n"
            ),
            "content/objectives/finance/audit.md": okr.format(
                title="Pass the audit", owner="team: Finance\n"
            ),
        },
    )
    load = load_site(site, AS_OF)
    assert load.scored.portfolio.team_owned == {"finance/close"}
    assert load.scored.portfolio.objectives["finance/close"].team == "finance"
    unowned = [d.file for d in load.diagnostics if d.code == "OKR403"]
    assert unowned == ["content/objectives/finance/audit.md"]


def test_values_at_the_top_of_a_checkin_that_are_no_numbers(tmp_path: Path) -> None:
    """``logos: eleven`` at the top of a check-in was "unknown key 'logos'",
    a warning, and the value silently stopped counting, while under
    ``values:`` it is an error. Words or a yes/no for a key result are now
    its error; keys that name no key result keep their warning."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Acme"\n',
            "content/objectives/sales/na.md": (
                "---\ntitle: New logos\ncycle: 2026-Q4\nkey_results:\n"
                "  - {id: logos, title: Win 20 logos, target: 20}\n"
                "  - {id: launch, title: Launch the partner site, done: false}\n---\n"
            ),
            "content/checkins/2026-11-19.md": (
                "---\nobjective: sales/na\ndate: 2026-11-19\nlogos: eleven\n"
                "launch: yes\nsprint: week 12\nmood: great\n---\n"
            ),
            "content/checkins/2026-11-20.md": (
                "---\nobjective: sales/na\ndate: 2026-11-20\nlogos: 12\nlaunch: yes\n---\n"
            ),
            # a key result's id in capitals: the wrong id it is under values:
            "content/checkins/2026-11-21.md": (
                "---\nobjective: sales/na\ndate: 2026-11-21\nLogos: 13\n---\n"
            ),
        },
    )
    load = load_site(site, AS_OF)
    found = sorted(
        (d.file.rsplit("/", 1)[-1], d.line, d.code, d.severity.value)
        for d in load.diagnostics
        if d.file.startswith("content/checkins/")
    )
    assert found == [
        ("2026-11-19.md", 4, "OKR102", "error"),
        ("2026-11-19.md", 6, "OKR111", "warning"),
        ("2026-11-19.md", 7, "OKR111", "warning"),
        ("2026-11-21.md", 4, "OKR304", "error"),
    ]
    (kept,) = load.scored.portfolio.checkins
    assert kept.values == {"logos": 12.0, "launch": 1.0}


def test_value_in_a_check_in_of_an_objective_is_warned_of(tmp_path: Path) -> None:
    """``value: 4`` is a KPI's reading; in a check-in of an objective it was
    dropped without a word."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Acme"\n',
            "content/objectives/sales/na.md": (
                "---\ntitle: New logos\ncycle: 2026-Q4\nkey_results:\n"
                "  - {id: logos, title: Win 20 logos, target: 20}\n---\n"
            ),
            "content/checkins/2026-11-19.md": (
                "---\nobjective: sales/na\ndate: 2026-11-19\nvalue: 4\n---\n"
            ),
        },
    )
    load = load_site(site, AS_OF)
    (found,) = [d for d in load.diagnostics if d.file.startswith("content/checkins/")]
    assert (found.code, found.line, found.hint) == ("OKR111", 4, "write values: {logos: 4}")


def test_a_check_in_dated_by_a_time_alone_is_told_to_write_its_day(tmp_path: Path) -> None:
    """``date: 9:15`` (the day forgotten; YAML reads it as 555, minutes in base
    60) is reported as written, with the day of the file's name to add."""
    site = write_site(
        tmp_path / "site",
        {
            **PEOPLE_AND_TEAMS,
            "content/checkins/service/antworten/2026-11-21.md": (
                "---\ndate: 9:15\nvalues: {csat: 85}\n---\n"
            ),
            "content/checkins/service/antworten/2026-11-22.md": (
                "---\ndate: 5:45 pm\nvalues: {csat: 86}\n---\n"
            ),
        },
    )
    found = [
        (d.file.rpartition("/")[2], d.message, d.hint)
        for d in load_site(site, AS_OF).diagnostics
        if d.code == "OKR104"
    ]
    assert found == [
        (
            "2026-11-21.md",
            "date '9:15' is a time of day without its day",
            "write the day too: date: 2026-11-21 9:15 (the day the file is named for)",
        ),
        (
            "2026-11-22.md",
            "date '5:45 pm' is a time of day without its day",
            "write the day too: date: 2026-11-22 5:45 pm (the day the file is named for)",
        ),
    ]
