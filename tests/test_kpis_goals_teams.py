"""KPIs, SMART goals, teams and people as a team writes them by hand.

Each test builds a real site from files written the way a manager writes
them (names, not ids; figures pasted from a spreadsheet; a KPI's readings
exported from Excel) and asserts on the pages, the export or the messages.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from okrsite.cli import cli

MakeSite = Callable[[dict[str, str | bytes]], Path]

# Excel (German) exports "CSV (Trennzeichen-getrennt)": a byte-order mark,
# semicolons, CRLF line ends, thousands grouped by points and a blank row
# where the sheet's last line was
MRR_CSV = (
    "\ufeffMonat;MRR (€)\r\n"
    "01.06.2026;201.234,50\r\n"
    "01.07.2026;210.500,00\r\n"
    "01.08.2026;215.000\r\n"
    "01.09.2026;228.900,75\r\n"
    ";\r\n"
).encode()

MRR_KPI = """
    ---
    title: Monthly recurring revenue
    unit: €
    owner: José Álvarez
    target: € 250k
    thresholds:
      green: 240.000 €
      red: 180.000 €
    data: data/mrr.csv
    ---
"""


def build(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["build", "--site", str(root), "--as-of", "2026-11-20", *args])
    return result.exit_code, result.output


def export(root: Path) -> dict[str, Any]:
    code, output = build(root)
    assert code == 0, output
    return json.loads((root / "_site" / "api" / "portfolio.json").read_text(encoding="utf-8"))


def test_a_german_excel_column_groups_thousands_in_every_row(make_site: MakeSite) -> None:
    """``215.000`` beside ``201.234,50`` is 215000, as the sheet showed it: the
    column's other rows show that its points group thousands."""
    root = make_site({"content/kpis/mrr.md": MRR_KPI, "content/data/mrr.csv": MRR_CSV})
    page_code, output = build(root)
    assert page_code == 0, output
    page = (root / "_site" / "kpis" / "mrr" / "index.html").read_text(encoding="utf-8")
    for shown in ("€201,234.50", "€210,500", "€215,000", "€228,900.75"):
        assert shown in page
    (kpi,) = export(root)["kpis"]
    assert (kpi["value"], kpi["health"], kpi["trend_meaning"]) == (
        228900.75,
        "warning",
        "improving",
    )


def test_a_lone_point_group_is_still_refused_with_both_readings(make_site: MakeSite) -> None:
    """Without a row that shows how the column is written, ``1.234`` stays
    ambiguous (a thousand and more, or one and a bit)."""
    csv = b"Datum;Wert\r\n01.10.2026;1.234\r\n01.11.2026;1,5\r\n"
    root = make_site({"content/kpis/mrr.md": MRR_KPI, "content/data/mrr.csv": csv})
    code, output = build(root)
    assert code == 1
    assert "content/data/mrr.csv:2:12: error OKR203: '1.234' is not a number" in output
    assert "write 1234 if the points group thousands, or 1,234 if" in output


def test_a_header_of_three_columns_is_told_which_to_rename(make_site: MakeSite) -> None:
    """``Date,CSAT,Responses``: the hint renames the readings' column in place,
    not a header of two columns that the rows would no longer fit."""
    csv = b"\xef\xbb\xbfDate,CSAT,Responses\r\n2026-09-30,88.0%,151\r\n,,\r\n"
    root = make_site(
        {
            "content/kpis/csat.md": "---\ntitle: CSAT\ntarget: 90%\ndata: data/csat.csv\n---\n",
            "content/data/csat.csv": csv,
        }
    )
    code, output = build(root)
    assert code == 1
    assert (
        "content/data/csat.csv:1: error OKR202: CSV header must name 'date' and 'value' "
        "columns, got 'Date,CSAT,Responses' (hint: 3 columns: name the one that holds the "
        "readings 'value', keeping the others, as in 'Date,value,Responses')"
    ) in output
    (root / "content" / "data" / "csat.csv").write_bytes(csv.replace(b"CSAT", b"value", 1))
    (kpi,) = export(root)["kpis"]
    assert (kpi["value"], kpi["health"]) == (88, "warning")


def test_a_kpi_check_in_shows_its_value_with_the_kpi_unit(make_site: MakeSite) -> None:
    """A churn check-in of ``2,8 %`` shows as 2.8% on the author's page, as the
    KPI's own page shows it, not as a bare 2.8."""
    root = make_site(
        {
            "content/people/renee.md": "---\nname: Renée O'Brien\ntitle: VP Customer Success\n---\n",
            "content/kpis/churn.md": """
                ---
                title: Monthly churn
                direction: down
                owner: Renée O'Brien
                thresholds: {green: 2.5 %, red: 4 %}
                values:
                  Sep 2026: 3,1 %
                ---
            """,
            "content/checkins/churn-nov.md": """
                ---
                kpi: churn
                date: 10.11.2026
                author: Renée O'Brien
                value: 2,8 %
                ---
                Better after the onboarding change.
            """,
        }
    )
    code, output = build(root)
    assert code == 0, output
    person = (root / "_site" / "people" / "renee" / "index.html").read_text(encoding="utf-8")
    assert "Value: <strong>2.8%</strong>" in person
    kpi = (root / "_site" / "kpis" / "churn" / "index.html").read_text(encoding="utf-8")
    assert "2.8%" in kpi


GOALS: dict[str, str | bytes] = {
    "content/teams/support.md": "---\ntitle: Support\n---\n",
    "content/people/zoe.md": "---\ntitle: Zoë Ångström\nteam: Support\n---\n",
    "content/goals/faq.md": """
        ---
        title: Publish 40 FAQ articles
        owner: Zoë Ångström
        team: Support
        due: 30.09.2026
        measure: {start: 0, target: 40, current: 25, unit: articles}
        ---
        Write the FAQ so that customers help themselves.
    """,
    "content/goals/done-late.md": """
        ---
        title: Migrate the help centre
        owner: Zoë Ångström
        due: 3 Oct 2026
        measure: {target: 1, current: 1}
        ---
    """,
    "content/goals/today.md": """
        ---
        title: Answer the backlog
        owner: Zoë Ångström
        due: 20 Nov 2026
        measure: {target: 100, current: 40}
        ---
    """,
    "content/goals/quarter.md": """
        ---
        title: Train two new agents
        owner: Zoë Ångström
        cycle: Q3 2026
        measure: {target: 2, current: 1}
        ---
    """,
}


def test_a_goal_past_its_due_date_and_not_reached_is_overdue(make_site: MakeSite) -> None:
    """As of 20 Nov 2026 the FAQ goal, due 30.09.2026 at 25 of 40 articles, is
    overdue, and so is a goal of 2026-Q3 (due 30 September) at 1 of 2; one
    done late, or due on the day itself, is not."""
    root = make_site(GOALS)
    goals = {g["id"]: g for g in export(root)["goals"]}
    assert {gid: (g["due"], g["overdue"]) for gid, g in goals.items()} == {
        "done-late": ("2026-10-03", False),
        "faq": ("2026-09-30", True),
        "quarter": ("2026-09-30", True),
        "today": ("2026-11-20", False),
    }
    assert (goals["faq"]["owner"], goals["faq"]["team"], goals["faq"]["progress"]) == (
        "zoe",
        "support",
        0.625,
    )
    site = root / "_site"
    page = (site / "goals" / "faq" / "index.html").read_text(encoding="utf-8")
    assert '<dd>2026-09-30 <span class="overdue">overdue</span></dd>' in page
    listing = (site / "goals" / "index.html").read_text(encoding="utf-8")
    assert listing.count('<span class="overdue">overdue</span>') == 2
    for where in ("people/zoe", "teams/support"):
        html = (site / where / "index.html").read_text(encoding="utf-8")
        assert "due 2026-09-30 · <span" in html and ">overdue</span>" in html


def test_overdue_in_german(make_site: MakeSite) -> None:
    root = make_site({**GOALS, "okrsite.toml": 'language = "de"\n'})
    code, output = build(root)
    assert code == 0, output
    page = (root / "_site" / "goals" / "faq" / "index.html").read_text(encoding="utf-8")
    assert '<span class="overdue">überfällig</span>' in page


def test_a_goal_keeps_its_owner_due_date_and_a_kpi_its_unit_through_import(
    make_site: MakeSite, tmp_path: Path
) -> None:
    """``okrsite import`` of a site's ``portfolio.json`` brings a goal's owner,
    team and due date (so it is still overdue) and a KPI's unit."""
    root = make_site(
        {
            **GOALS,
            "content/kpis/churn.md": "---\ntitle: Churn\ndirection: down\n"
            "target: 2 %\nvalues: {2026-11-01: 2.8 %}\n---\n",
        }
    )
    before = export(root)
    exported = tmp_path / "portfolio.json"
    exported.write_text(json.dumps(before), encoding="utf-8")
    target = tmp_path / "copy"
    target.mkdir()
    result = CliRunner().invoke(cli, ["import", str(exported), "--site", str(target)])
    assert result.exit_code == 0, result.output
    after = export(target)
    assert [(g["id"], g["owner"], g["team"], g["due"], g["overdue"]) for g in after["goals"]] == [
        (g["id"], g["owner"], g["team"], g["due"], g["overdue"]) for g in before["goals"]
    ]
    assert [(k["id"], k["unit"], k["value"]) for k in after["kpis"]] == [("churn", "%", 2.8)]


def check(root: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["check", "--site", str(root), "--as-of", "2026-11-20"])
    return result.exit_code, result.output


def test_a_kpi_direction_and_figures_as_people_say_them(make_site: MakeSite) -> None:
    """``direction: lower is better`` is ``down`` (so 16 minutes, between green
    12 and red 20, is a warning and falling is improving), and ``target: 12
    min`` beside ``unit: min`` is 12."""
    root = make_site(
        {
            "content/kpis/aht.md": """
                ---
                title: Average handling time
                unit: min
                direction: lower is better
                target: 12 min
                thresholds: {green: 12 min, red: 20 min}
                values:
                  Oct 2026: 18 min
                  Nov 2026: 16
                ---
            """,
            "content/kpis/backlog.md": """
                ---
                title: Ticket backlog
                direction: Niedriger ist besser
                thresholds: {green: 50, red: 150}
                values: {Oct 2026: 120, Nov 2026: 90}
                ---
            """,
        }
    )
    kpis = {k["id"]: k for k in export(root)["kpis"]}
    assert {
        kid: (k["direction"], k["value"], k["health"], k["trend_meaning"])
        for kid, k in kpis.items()
    } == {
        "aht": ("down", 16, "warning", "improving"),
        "backlog": ("down", 90, "warning", "improving"),
    }
    page = (root / "_site" / "kpis" / "aht" / "index.html").read_text(encoding="utf-8")
    assert "Target</dt><dd>12 min</dd>" in page


@pytest.mark.parametrize(
    ("written", "direction", "thresholds"),
    [
        ("lower_is_better", "down", "{green: 12, red: 20}"),
        ("Lower-Is-Better", "down", "{green: 12, red: 20}"),
        ("higher_is_better", "up", "{green: 20, red: 12}"),
    ],
)
def test_a_kpi_direction_written_as_a_yaml_key_is_read(
    make_site: MakeSite, written: str, direction: str, thresholds: str
) -> None:
    """``direction: lower_is_better`` (snake case, as YAML keys are written)
    or ``lower-is-better`` says what ``lower is better`` says: refusing it
    (OKR105, "did you mean 'lower is better'?") only made the writer retype
    the spaces."""
    root = make_site(
        {
            "content/kpis/aht.md": f"""
                ---
                title: Average handling time
                direction: {written}
                thresholds: {thresholds}
                values: {{Oct 2026: 18, Nov 2026: 16}}
                ---
            """,
        }
    )
    (kpi,) = export(root)["kpis"]
    assert kpi["direction"] == direction
    assert (kpi["health"], kpi["trend_meaning"]) == (
        "warning",
        "improving" if direction == "down" else "worsening",
    )


def test_a_figure_with_another_unit_is_still_refused(make_site: MakeSite) -> None:
    root = make_site(
        {
            "content/kpis/aht.md": "---\ntitle: AHT\nunit: min\ntarget: 2 h\nvalues: {Nov 2026: 16}\n---\n"
        }
    )
    code, output = check(root)
    assert code == 1
    assert "content/kpis/aht.md:4:9: error OKR102: target must be a number, got '2 h'" in output


def test_monthly_values_without_a_year_say_to_add_it(make_site: MakeSite) -> None:
    root = make_site(
        {"content/kpis/aht.md": "---\ntitle: AHT\ntarget: 12\nvalues:\n  January: 18\n---\n"}
    )
    code, output = check(root)
    assert code == 1
    assert (
        "content/kpis/aht.md:5:3: error OKR104: date January must be a real date like "
        "2026-02-10, got 'January' (hint: write the year too, e.g. January 2026 or 2026-01-01)"
    ) in output


def test_a_goal_written_with_its_figures_at_the_top_and_due_in_a_quarter(
    make_site: MakeSite,
) -> None:
    """``target: 50`` beside ``title:`` (as a key result's figures are written)
    is the goal's measure, not three unknown keys; ``due: Q4 2026`` is due by
    the quarter's last day. ``okrsite checkin`` on it sets that ``current:``."""
    root = make_site(
        {
            "content/people/zoe.md": "---\ntitle: Zoë Ångström\n---\n",
            "content/goals/backlog.md": """
                ---
                title: Cut the backlog to 50 tickets
                owner: Zoë Ångström
                due: Q4 2026
                start: 120
                target: 50
                current: 90
                unit: tickets
                ---
                Work the oldest tickets first.
            """,
            "content/goals/pilot.md": """
                ---
                title: Pilot the chatbot
                owner: Zoë Ångström
                due: Oct 2026
                target: 1
                ---
                A month of the chatbot on the help centre.
            """,
        }
    )
    code, output = check(root)
    assert code == 0 and "OKR111" not in output, output
    goals = {g["id"]: g for g in export(root)["goals"]}
    # (90 - 120) / (50 - 120) = 30 / 70
    assert (goals["backlog"]["progress"], goals["backlog"]["due"]) == (0.428571, "2026-12-31")
    assert goals["backlog"]["smart"]["M"] and not goals["backlog"]["overdue"]
    assert (goals["pilot"]["due"], goals["pilot"]["overdue"]) == ("2026-10-31", True)
    page = (root / "_site" / "goals" / "backlog" / "index.html").read_text(encoding="utf-8")
    assert "120 → 90 → 50 tickets" in page
    result = CliRunner().invoke(cli, ["checkin", "backlog", "--value", "70", "--site", str(root)])
    assert result.exit_code == 0, result.output
    text = (root / "content" / "goals" / "backlog.md").read_text(encoding="utf-8")
    assert "current: 70\n" in text and "measure" not in text
    # (70 - 120) / (50 - 120) = 50 / 70
    assert {g["id"]: g["progress"] for g in export(root)["goals"]}["backlog"] == 0.714286


def test_figures_both_at_the_top_and_under_measure(make_site: MakeSite) -> None:
    root = make_site(
        {
            "content/goals/backlog.md": """
                ---
                title: Cut the backlog
                target: 40
                measure: {start: 120, target: 50}
                ---
            """,
        }
    )
    code, output = check(root)
    assert code == 0
    assert (
        "content/goals/backlog.md:3:1: warning OKR111: target beside measure: is ignored: "
        "measure: gives the goal's figures (hint: move it into measure: (target: 40) or remove it)"
    ) in output


def test_names_of_people_and_teams_are_hinted_by_their_names(make_site: MakeSite) -> None:
    """A team named one letter off its file's title is hinted by that title
    (the file is ``teams/cs.md``); a person in two teams is told how."""
    root = make_site(
        {
            "content/teams/cs.md": "---\ntitle: Customer Success\n---\n",
            "content/teams/support.md": "---\ntitle: Support\nparent: Customer Sucess\n---\n",
            "content/people/zoe.md": "---\ntitle: Zoë Ångström\nteam: [Support, Customer Success]\n---\n",
        }
    )
    code, output = check(root)
    assert code == 0
    assert (
        "content/teams/support.md:3:9: warning OKR306: team 'Customer Sucess' (customer-sucess) "
        "is not a team in content/teams/ (hint: did you mean 'Customer Success'?)"
    ) in output
    assert (
        "content/people/zoe.md:3:7: warning OKR123: team names one team: the first, 'Support', "
        "is taken; not 'Customer Success' (hint: name the main team here, and list this person "
        "under 'members:' in the other team's file: they are then a member of both)"
    ) in output


def test_an_english_excel_column_with_thousands_separators(make_site: MakeSite) -> None:
    """English Excel quotes a cell formatted with thousands separators in a
    file separated by commas: ``"1,234.5"`` is 1234.5, and ``"1,301"`` beside
    it 1301; a lone ``"1,234"`` is 1234 in an English site, as everywhere
    in its files, and refused in a German one, whose language reads it as
    1.234 while the file's commas say 1234 (OKR203 with both readings)."""
    kpi = "---\ntitle: Orders\ntarget: 1500\ndata: data/orders.csv\n---\n"
    csv = b'Date,Orders\r\n2026-10-01,"1,234.5"\r\n2026-11-01,"1,301"\r\n,\r\n'
    root = make_site({"content/kpis/orders.md": kpi, "content/data/orders.csv": csv})
    page_code, output = build(root)
    assert page_code == 0, output
    (record,) = export(root)["kpis"]
    assert (record["value"], record["trend_meaning"]) == (1301, "improving")
    (root / "content" / "data" / "orders.csv").write_bytes(b'date,value\r\n2026-11-01,"1,234"\r\n')
    code, output = check(root)
    assert code == 0, output
    build(root)
    (record,) = export(root)["kpis"]
    assert record["value"] == 1234
    (root / "okrsite.toml").write_text('language = "de"\n', encoding="utf-8")
    code, output = check(root)
    assert code == 1 and "error OKR203: '1,234' is not a number" in output, output


def test_a_kpi_named_by_its_title_is_told_its_id(make_site: MakeSite) -> None:
    """``kpi: Monthly churn`` in a check-in or a key result, and ``supports:
    Monthly churn`` in a goal, name the KPI by what its page shows: one error
    (or, for the goal, warning) each, saying the id to write, not "not a valid
    id" beside "a check-in needs 'objective:' or 'kpi:'"."""
    root = make_site(
        {
            "content/kpis/churn.md": "---\ntitle: Monthly churn\ndirection: down\ntarget: 2%\n---\n",
            "content/checkins/c1.md": "---\nkpi: Monthly churn\ndate: 12.11.2026\nvalue: 2,9 %\n---\n",
            "content/objectives/cs.md": """
                ---
                title: Keep customers
                cycle: Q4 2026
                key_results:
                  - {title: Churn down to 2 %, kpi: Monthly churn, start: 4, target: 2}
                ---
            """,
            "content/goals/g.md": "---\ntitle: Exit interviews\nsupports: Monthly churn\n---\n",
        }
    )
    code, output = check(root)
    assert code == 1
    lines = [line for line in output.splitlines() if "Monthly churn" in line]
    assert lines == [
        "content/checkins/c1.md:2:6: error OKR303: KPI 'Monthly churn' does not exist "
        "(hint: 'Monthly churn' is the title of KPI 'churn': write kpi: churn)",
        "content/goals/g.md:3:11: warning OKR303: supported goal 'Monthly churn' does not exist, "
        "so this goal is not Relevant (R) (hint: 'Monthly churn' is the title of KPI 'churn': "
        "write supports: churn)",
        "content/objectives/cs.md:5:37: error OKR303: KPI 'Monthly churn' does not exist "
        "(hint: 'Monthly churn' is the title of KPI 'churn': write kpi: churn)",
    ]
    assert "OKR101" not in output and "OKR006" not in output


def test_a_goal_measure_written_as_a_sentence(make_site: MakeSite) -> None:
    """``measure: from 8 h to 2 h`` says the start, target and unit as a key
    result's sentence does; ``okrsite checkin`` writes the figures out with
    the current value and keeps the sentence as a comment. Words that give
    no figures are refused with both forms."""
    root = make_site(
        {
            "content/goals/onboarding.md": """
                ---
                title: Cut onboarding time
                owner: Uma Diaz
                due: Q4 2026
                measure: from 8 h to 2 h
                ---
            """,
            "content/goals/tickets.md": """
                ---
                title: Fewer tickets
                due: Q4 2026
                measure: 1,200 to 900 tickets
                ---
            """,
        }
    )
    code, output = check(root)
    assert code == 0 and "OKR106" not in output, output
    page = root / "_site" / "goals" / "onboarding" / "index.html"
    build(root)
    assert "Measure</dt><dd>8 → – → 2 h</dd>" in page.read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["checkin", "onboarding", "--value", "5", "--site", str(root)])
    assert result.exit_code == 0, result.output
    text = (root / "content" / "goals" / "onboarding.md").read_text(encoding="utf-8")
    assert "\nmeasure: {start: 8, target: 2, current: 5, unit: h}  # from 8 h to 2 h\n" in text
    goals = {g["id"]: g for g in export(root)["goals"]}
    assert goals["onboarding"]["progress"] == 0.5  # (5 - 8) / (2 - 8)
    tickets = root / "content" / "goals" / "tickets.md"
    tickets.write_text(
        tickets.read_text(encoding="utf-8").replace("1,200 to 900 tickets", "halve it"),
        encoding="utf-8",
    )
    code, output = check(root)
    assert code == 1
    assert (
        "content/goals/tickets.md:4:10: error OKR106: measure must say where the goal starts and "
        "ends, got 'halve it' (hint: write measure: {start: 8, target: 2, unit: h} or measure: "
        "from 8 h to 2 h)"
    ) in " ".join(output.split())


def test_a_team_page_breadcrumb_shows_every_team_above(make_site: MakeSite, tmp_path: Path) -> None:
    """Company › Engineering › Platform: the breadcrumb names every team
    above (parents by name or id), top first. A rename of the top team
    reaches the page in a build that keeps its cache."""
    root = make_site(
        {
            "content/teams/company.md": "---\ntitle: Acme Inc\n---\n",
            "content/teams/engineering.md": "---\ntitle: Engineering\nparent: company\n---\n",
            "content/teams/platform.md": "---\ntitle: Platform\nparent: Engineering\n---\n",
        }
    )
    cache = tmp_path / "cache"

    def crumbs() -> list[str]:
        code, output = build(root, "--cache-dir", str(cache))
        assert code == 0, output
        html = (root / "_site/teams/platform/index.html").read_text(encoding="utf-8")
        nav = html.split('class="breadcrumb"><ol>', 1)[1].split("</ol>", 1)[0]
        return re.findall(r"<bdi>([^<]*)</bdi>|>(Teams)<", nav)

    assert crumbs() == [("", "Teams"), ("Acme Inc", ""), ("Engineering", ""), ("Platform", "")]
    top = root / "content/teams/company.md"
    top.write_text("---\ntitle: Acme Group\n---\n", encoding="utf-8")
    assert crumbs()[1] == ("Acme Group", "")


def test_bodies_whose_sections_start_at_two_hashes_skip_no_heading_level(
    make_site: MakeSite,
) -> None:
    """A team's, a person's and a page's body written with ``##`` sections
    (as under a title) gives pages whose headings skip no level."""
    from sitecheck import conformance_problems

    body = "Who we are.\n\n## How we work\n\nWeekly.\n\n### Rituals\n\nStand-ups.\n"
    root = make_site(
        {
            "content/teams/platform.md": f"---\ntitle: Platform\n---\n{body}",
            "content/people/uma.md": f"---\ntitle: Uma Diaz\nteam: platform\n---\n{body}",
            "content/pages/handbook.md": f"---\ntitle: Handbook\n---\n{body}",
        }
    )
    code, output = build(root)
    assert code == 0, output
    for page in ("teams/platform", "people/uma", "pages/handbook"):
        html = (root / "_site" / page / "index.html").read_text(encoding="utf-8")
        assert '<h2 id="how-we-work">How we work</h2>' in html, page
        assert '<h3 id="rituals">Rituals</h3>' in html, page
        assert conformance_problems(html) == [], page


def test_a_kpi_whose_latest_reading_is_old_is_stale(make_site: MakeSite) -> None:
    """NPS last read in May is "healthy" by a May figure: in November the
    pages say it is stale, portfolio.json says so, and check warns (OKR408)
    with how to add a reading. A KPI read this month is not stale, nor one
    read each quarter two months after its last reading; one read monthly
    that missed October is, two weeks after the month; the setting moves
    the line."""
    root = make_site(
        {
            "content/kpis/nps.md": """
                ---
                title: Net promoter score
                thresholds: {green: 40, red: 20}
                values: {2026-04-30: 38, 2026-05-31: 41}
                ---
            """,
            "content/kpis/nrr.md": """
                ---
                title: Net revenue retention
                target: 110
                values: {2026-01-01: 104, 2026-04-01: 105, 2026-07-01: 106, 2026-10-01: 107}
                ---
            """,
            "content/kpis/churn.md": """
                ---
                title: Churn
                direction: down
                target: 2
                values: {2026-10-31: 2.4, 2026-11-15: 2.1}
                ---
            """,
            "content/kpis/pipeline.md": """
                ---
                title: Pipeline
                target: 5
                values: {2026-08-01: 4, 2026-09-01: 4.5, 2026-10-01: 4.8}
                ---
            """,
            "content/kpis/csat.md": """
                ---
                title: CSAT
                target: 90
                values: {2026-03-01: 85, 2026-05-01: 86, 2026-07-01: 88}
                ---
            """,
        }
    )
    code, output = check(root)
    assert code == 0
    said = " ".join(output.split())
    assert (
        "content/kpis/nps.md:4:9: warning OKR408: KPI reading is stale: the latest is from "
        "2026-05-31, 173 days before as_of 2026-11-20 (kpi_stale_after_days = 45) "
        "(hint: add a reading: okrsite checkin nps --value V)"
    ) in said
    # read each month, October's reading missed: stale two weeks after the month,
    # not after twice its usual 31 days
    assert (
        "content/kpis/pipeline.md:4:9: warning OKR408: KPI reading is stale: the latest is from "
        "2026-10-01, 50 days before as_of 2026-11-20 (kpi_stale_after_days = 45) "
    ) in said
    # read every two months: twice that, when it is longer than the setting
    assert (
        "content/kpis/csat.md:4:9: warning OKR408: KPI reading is stale: the latest is from "
        "2026-07-01, 142 days before as_of 2026-11-20 (kpi_stale_after_days = 45; twice its "
        "usual interval: 122 days)"
    ) in said
    assert "churn.md" not in said and "nrr.md" not in said
    kpis = {k["id"]: k for k in export(root)["kpis"]}
    assert (kpis["nps"]["stale"], kpis["nps"]["health"]) == (True, "healthy")
    assert kpis["churn"]["stale"] is False
    page = (root / "_site/kpis/nps/index.html").read_text(encoding="utf-8")
    assert '<span class="stale">stale</span>' in page
    assert '<span class="stale">' not in (root / "_site/kpis/churn/index.html").read_text("utf-8")
    toml = root / "okrsite.toml"
    toml.write_text("kpi_stale_after_days = 200\n", encoding="utf-8")
    code, output = check(root)
    assert code == 0 and "OKR408" not in output
    toml.write_text(toml.read_text(encoding="utf-8").replace("= 200", "= 1.5"), "utf-8")
    code, output = check(root)
    assert code == 1 and "kpi_stale_after_days" in output


def test_tags_in_other_letter_cases_are_one_tag(make_site: MakeSite, tmp_path: Path) -> None:
    """``Growth``, ``growth`` and ``GROWTH`` (and ``Ärger`` in either Unicode
    form) are one tag with one page, spelled as most files spell it: two
    pages differing in letter case would overwrite each other on macOS or
    Windows. An edit that respells a tag reaches every page through the
    caches."""
    nfd = "A\u0308rger"  # Ä as macOS may write it
    root = make_site(
        {
            "content/objectives/a.md": "---\ntitle: A\ncycle: 2026-Q4\ntags: [growth, Ärger]\n"
            "key_results:\n  - {id: k, title: K, target: 1}\n---\n",
            "content/objectives/b.md": "---\ntitle: B\ncycle: 2026-Q4\ntags: [Growth, growth]\n"
            "key_results:\n  - {id: k, title: K, target: 1}\n---\n",
            "content/objectives/c.md": f"---\ntitle: C\ncycle: 2026-Q4\ntags: [growth, {nfd}]\n"
            "key_results:\n  - {id: k, title: K, target: 1}\n---\n",
            "content/goals/g.md": "---\ntitle: G\ntags: GROWTH\nmeasure: {target: 3}\n---\n",
        }
    )
    cache = tmp_path / "cache"
    code, output = build(root, "--cache-dir", str(cache))
    assert code == 0, output
    folders = sorted(p.name for p in (root / "_site/tags").iterdir() if p.is_dir())
    assert [f.casefold() for f in folders] == sorted({f.casefold() for f in folders})
    assert len(folders) == 2 and "growth" in folders
    page = (root / "_site/objectives/b/index.html").read_text(encoding="utf-8")
    assert "tags/growth/index.html" in page and "tags/Growth/" not in page
    # most files now write Growth: every page follows, with the cache kept
    for name in ("a", "c"):
        path = root / f"content/objectives/{name}.md"
        path.write_text(path.read_text(encoding="utf-8").replace("[growth", "[Growth"), "utf-8")
    code, output = build(root, "--cache-dir", str(cache))
    assert code == 0, output
    folders = sorted(p.name for p in (root / "_site/tags").iterdir() if p.is_dir())
    assert "Growth" in folders and "growth" not in folders
    page = (root / "_site/objectives/b/index.html").read_text(encoding="utf-8")
    assert "tags/Growth/index.html" in page and "tags/growth/" not in page


def test_a_reading_overruled_on_its_own_day_is_not_the_previous_value(
    make_site: MakeSite,
) -> None:
    """On one date a check-in wins over the CSV, which wins over ``values:``:
    the reading it overrules is no value the KPI had, so the trend compares
    the latest day's winning reading with the day before, not with the
    overruled reading of the same day (which read "Previous 90%, trend down,
    worsening" here, on the page, in the JSON and on the dashboard)."""
    root = make_site(
        {
            "okrsite.toml": "as_of = 2026-11-16\n",
            "content/kpis/csat.md": """
                ---
                title: CSAT
                unit: "%"
                target: 90%
                thresholds: {green: 85%, red: 70%}
                values: {2026-10-01: 75%, 2026-11-01: 90%}
                data: data/csat.csv
                ---
            """,
            "content/data/csat.csv": "date,value\n2026-11-01,80\n",
            "content/checkins/2026-11-02-csat.md": """
                ---
                kpi: csat
                date: 2026-11-02
                value: 81%
                ---
            """,
            "content/checkins/2026-11-02-csat-fix.md": """
                ---
                kpi: csat
                date: 2026-11-02
                value: 82%
                ---
                Typo in the first one.
            """,
        }
    )
    code, output = build(root, "--as-of", "2026-11-16")
    assert code == 0, output
    data = json.loads((root / "_site/api/portfolio.json").read_text(encoding="utf-8"))
    (kpi,) = [k for k in data["kpis"] if k["id"] == "csat"]
    assert (kpi["value"], kpi["date"]) == (82, "2026-11-02")
    assert (kpi["trend"], kpi["trend_meaning"]) == ("up", "improving")
    page = (root / "_site/kpis/csat/index.html").read_text(encoding="utf-8")
    # the CSV's 80 of 2026-11-01, which overrules values: 90% that day
    assert "Previous</dt><dd>80%</dd>" in page
    # the check-in corrected on its own day: no reading, no point (its
    # check-in is still listed under "Check-ins", as written)
    values = page[page.index('<section aria-labelledby="chart">') :]
    values = values[: values.index("</section>")]
    assert "81%" not in values
    assert "Value: <strong>81%</strong>" in page
    assert "3 values from 75% on 2026-10-01 to 82% on 2026-11-02" in page  # not 5
