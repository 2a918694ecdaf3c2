"""Names as owners and teams, and the order of check-ins, on hand-written sites.

The files are written the way people write them: ``owner: Uma Diaz``,
accented names, a team named in words, two spellings of one person, and
several check-ins on one day, some carrying a time of day.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from okrsite.cli import cli
from okrsite.parse import name_to_id
from okrsite.pipeline import load_site
from okrsite.resolve import natural_key

MakeSite = Callable[[dict[str, str | bytes]], Path]
AS_OF = date(2026, 11, 30)

HANDWRITTEN = {
    "okrsite.toml": 'title = "Acme goals"\nas_of = 2026-11-30\n',
    "content/objectives/support.md": """\
        ---
        title: Answer customers the same day
        cycle: 2026-Q4
        owner: Uma Diaz
        team: Customer Success
        key_results:
          - id: first-response
            title: First response under 4 hours
            start: 12
            target: 4
            unit: h
        ---
        """,
    "content/objectives/renewals.md": """\
        ---
        title: Renew every key account
        cycle: 2026-Q4
        owner: uma diaz
        team: customer-success
        key_results:
          - {id: renewed, title: Accounts renewed, target: 20}
        ---
        """,
    "content/objectives/quality.md": """\
        ---
        title: Fewer bugs reach customers
        cycle: 2026-Q4
        owner: Zoë Ångström
        team: Product & Engineering
        key_results:
          - {id: escaped, title: Escaped bugs per month, start: 30, target: 10}
        ---
        """,
    "content/kpis/csat.md": """\
        ---
        title: Customer satisfaction
        owner: Renée O'Brien
        team: Customer Success
        values: {2026-10-01: 80}
        ---
        """,
    "content/goals/handbook.md": """\
        ---
        type: goal
        title: Write the support handbook
        owner: Úma Díaz
        due: 2026-12-20
        measure: {start: 0, target: 10, current: 4, unit: chapters}
        ---
        """,
    "content/checkins/support-1.md": """\
        ---
        objective: support
        date: 2026-11-02
        author: Uma Diaz
        confidence: high
        values: {first-response: 9}
        ---
        Hired two more agents.
        """,
}


def test_name_to_id_keeps_ids_and_slugs_names() -> None:
    assert name_to_id("uma-diaz") == "uma-diaz"
    assert name_to_id("sales/emea") == "sales/emea"
    assert name_to_id("kr_owner") == "kr_owner"
    for spelling in ("Uma Diaz", "uma diaz", "Úma Díaz", "UMA  DIAZ"):
        assert name_to_id(spelling) == "uma-diaz"
    assert name_to_id("Renée O'Brien") == "renee-o-brien"
    assert name_to_id("Product & Engineering") == "product-engineering"
    assert name_to_id("René") == name_to_id("rené") == "rene"


def test_names_as_owners_build_and_show_as_written(make_site: MakeSite) -> None:
    site = make_site(HANDWRITTEN)
    runner = CliRunner()
    checked = runner.invoke(cli, ["check", "--site", str(site)])
    assert checked.exit_code == 0, checked.output
    assert "OKR006" not in checked.output and "0 errors" in checked.output
    built = runner.invoke(cli, ["build", "--site", str(site)])
    assert built.exit_code == 0, built.output

    p = load_site(site).scored.portfolio
    # four spellings of Uma are one person
    assert p.objectives["support"].owner == p.objectives["renewals"].owner == "uma-diaz"
    assert p.goals["handbook"].owner == "uma-diaz"
    assert p.checkins[0].author == "uma-diaz"
    assert p.objectives["quality"].owner == "zoe-angstrom"
    assert p.kpis["csat"].owner == "renee-o-brien"
    assert p.objectives["support"].team == p.objectives["renewals"].team == "customer-success"
    # the name as first written is what pages show
    assert p.person_names["uma-diaz"] == "Uma Diaz"
    assert p.person_names["zoe-angstrom"] == "Zoë Ångström"
    assert p.team_names["product-engineering"] == "Product & Engineering"

    out = site / "_site"
    uma = html.unescape((out / "people/uma-diaz/index.html").read_text("utf-8"))
    for title in ("Answer customers the same day", "Renew every key account"):
        assert title in uma
    assert "Uma Diaz" in uma
    renee = html.unescape((out / "people/renee-o-brien/index.html").read_text("utf-8"))
    assert "Renée O'Brien" in renee
    team = html.unescape((out / "teams/product-engineering/index.html").read_text("utf-8"))
    assert "Product & Engineering" in team
    objective = html.unescape((out / "objectives/quality/index.html").read_text("utf-8"))
    assert "Zoë Ångström" in objective


def test_person_file_title_wins_over_written_name(make_site: MakeSite) -> None:
    files = {
        **HANDWRITTEN,
        "content/people/uma-diaz.md": "---\ntitle: Dr. Uma Díaz\nrole: Head of Support\n---\n",
        "content/teams/customer-success.md": "---\ntitle: Customer Success (global)\n---\n",
    }
    site = make_site(files)
    result = load_site(site)
    p = result.scored.portfolio
    assert p.person_names["uma-diaz"] == "Dr. Uma Díaz"
    assert p.team_names["customer-success"] == "Customer Success (global)"
    # a name with no file while the site lists people: a warning naming the file to add
    warned = [d for d in result.diagnostics if d.code == "OKR306"]
    assert any(
        d.message == "owner 'Zoë Ångström' (zoe-angstrom) is not a person in content/people/"
        and d.hint == 'add content/people/zoe-angstrom.md (okrsite new person "Zoë Ångström")'
        for d in warned
    ), [d.format_text() for d in warned]
    assert not any("uma" in d.message for d in warned)


def test_references_stay_strict(make_site: MakeSite) -> None:
    files = {
        **HANDWRITTEN,
        "content/objectives/child.md": (
            "---\ntitle: Child\ncycle: 2026-Q4\nparent: Answer Customers\n---\n"
        ),
    }
    result = CliRunner().invoke(cli, ["check", "--site", str(make_site(files))])
    assert result.exit_code == 1
    assert "error OKR303: parent objective 'Answer Customers' does not exist" in result.output


def test_a_reference_written_as_a_title_is_refused_with_the_id(make_site: MakeSite) -> None:
    files = {
        **HANDWRITTEN,
        "content/objectives/child.md": (
            "---\ntitle: Child\ncycle: 2026-Q4\nparent: Answer customers the same day\n---\n"
        ),
    }
    result = CliRunner().invoke(cli, ["check", "--site", str(make_site(files))])
    assert result.exit_code == 1
    assert (
        "error OKR303: parent objective 'Answer customers the same day' does not exist "
        "(hint: 'Answer customers the same day' is the title of objective 'support': "
        "write parent: support)"
    ) in result.output


def test_name_without_letters_is_an_error(make_site: MakeSite) -> None:
    files = {
        "content/objectives/a.md": "---\ntitle: A\ncycle: 2026-Q4\nowner: '???'\n---\n",
    }
    result = CliRunner().invoke(cli, ["check", "--site", str(make_site(files))])
    assert result.exit_code == 1
    assert "owner '???' has no letters or digits to make an id from" in result.output


# ------------------------------------------------------------------ order
def test_natural_key() -> None:
    names = ["x-10.md", "x-2.md", "x.md", "x-3.md"]
    assert sorted(names, key=natural_key) == ["x.md", "x-2.md", "x-3.md", "x-10.md"]


def _current(site: Path, oid: str = "support", kr: str = "first-response") -> float | None:
    return load_site(site, AS_OF).scored.objectives[oid].key_results[kr].current


def test_three_checkins_on_one_day_by_hand(make_site: MakeSite) -> None:
    """File names only: the suffixed files come after the plain one, -10 after -2."""
    files = dict(HANDWRITTEN)
    day = "2026-11-29"
    for name, value in [("", 8), ("-2", 7), ("-10", 5)]:
        files[f"content/checkins/support/{day}{name}.md"] = (
            f"---\nobjective: support\ndate: {day}\nvalues: {{first-response: {value}}}\n---\n"
        )
    assert _current(make_site(files)) == 5


def test_time_of_day_orders_checkins_before_file_names(make_site: MakeSite) -> None:
    files = dict(HANDWRITTEN)
    for name, moment, value in [
        ("a", "2026-11-29T16:30", 6),  # latest time, earliest file name
        ("b", "2026-11-29 09:05", 8),
        ("c", "2026-11-29", 9),  # no time: the start of the day
    ]:
        files[f"content/checkins/{name}.md"] = (
            f"---\nobjective: support\ndate: {moment}\nvalues: {{first-response: {value}}}\n---\n"
        )
    site = make_site(files)
    assert _current(site) == 6
    order = [c.file.rsplit("/", 1)[-1] for c in load_site(site).scored.portfolio.checkins]
    assert order[-3:] == ["c.md", "b.md", "a.md"]


def test_bad_time_of_day_is_an_error(make_site: MakeSite) -> None:
    files = {
        **HANDWRITTEN,
        "content/checkins/late.md": (
            "---\nobjective: support\ndate: 2026-11-29T25:00\nvalues: {first-response: 6}\n---\n"
        ),
    }
    result = CliRunner().invoke(cli, ["check", "--site", str(make_site(files))])
    assert result.exit_code == 1
    assert "content/checkins/late.md:3:7: error OKR104: date has no such time of day" in (
        result.output
    )


def test_kpi_checkins_on_one_day_keep_the_last(make_site: MakeSite) -> None:
    files = dict(HANDWRITTEN)
    for name, value in [("", 81), ("-2", 84), ("-3", 83)]:
        files[f"content/checkins/csat/2026-11-20{name}.md"] = (
            f"---\nkpi: csat\ndate: 2026-11-20\nvalue: {value}\n---\n"
        )
    kpi = load_site(make_site(files), AS_OF).scored.kpis["csat"]
    assert kpi.value == 83


def test_an_untimed_checkin_read_before_a_timed_one_it_names_after_is_warned(
    make_site: MakeSite,
) -> None:
    """The command stamped 14:05 on 2026-11-29.md; a later hand-written -2.md has
    no time, so the rule reads it first: that must be said, never silent."""
    files = dict(HANDWRITTEN)
    files["content/checkins/support/2026-11-29.md"] = (
        "---\nobjective: support\ndate: 2026-11-29T14:05\nvalues: {first-response: 7}\n---\n"
    )
    files["content/checkins/support/2026-11-29-2.md"] = (
        "---\nobjective: support\ndate: 2026-11-29\nvalues: {first-response: 5}\n---\n"
    )
    site = make_site(files)
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--as-of", "2026-11-30"])
    assert result.exit_code == 0, result.output
    assert (
        "content/checkins/support/2026-11-29-2.md:3:7: warning OKR311: check-in has no time "
        "of day, so it is read before 2026-11-29.md (14:05) of the same day"
    ) in result.output
    # the time it suggests puts it after every timed check-in of the day
    assert "date: 2026-11-29T14:06, if it is the latest of the day" in result.output
    assert _current(site) == 7

    # Two timed ones before it by name: both are named, and the hint follows the later
    files["content/checkins/support/2026-11-29-1.md"] = (
        "---\nobjective: support\ndate: 2026-11-29T18:00\nvalues: {first-response: 6}\n---\n"
    )
    both = make_site(files)
    result = CliRunner().invoke(cli, ["check", "--site", str(both), "--as-of", "2026-11-30"])
    assert (
        "so it is read before 2026-11-29.md (14:05), 2026-11-29-1.md (18:00) of the same day "
        "although its name sorts after them"
    ) in result.output, result.output
    assert "date: 2026-11-29T18:01, if it is the latest of the day" in result.output

    # With a time the order is the intended one and nothing is said.
    late = site / "content/checkins/support/2026-11-29-2.md"
    late.write_text(late.read_text().replace("date: 2026-11-29\n", "date: 2026-11-29T18:00\n"))
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--as-of", "2026-11-30"])
    assert "OKR311" not in result.output
    assert _current(site) == 5


def test_untimed_checkins_named_before_timed_ones_are_not_warned(make_site: MakeSite) -> None:
    files = dict(HANDWRITTEN)
    files["content/checkins/support/2026-11-29.md"] = (
        "---\nobjective: support\ndate: 2026-11-29\nvalues: {first-response: 7}\n---\n"
    )
    files["content/checkins/support/2026-11-29-2.md"] = (
        "---\nobjective: support\ndate: 2026-11-29T14:05\nvalues: {first-response: 5}\n---\n"
    )
    result = CliRunner().invoke(cli, ["check", "--site", str(make_site(files))])
    assert "OKR311" not in result.output


def test_untimed_checkins_of_one_day_told_apart_by_words_are_warned(make_site: MakeSite) -> None:
    """People check in twice a day and name the files by the time of day:
    "afternoon" sorts before "morning", so the morning's value would be the
    current one. That is said on the file read last; names told apart by a
    number (the documented -2) are not warned, nor are timed ones."""
    files = dict(HANDWRITTEN)
    for name, value in [("morning", 7), ("afternoon", 5)]:
        files[f"content/checkins/support/2026-11-29-{name}.md"] = (
            f"---\nobjective: support\ndate: 2026-11-29\nvalues: {{first-response: {value}}}\n---\n"
        )
    for name in ("", "-2"):
        files[f"content/checkins/support/2026-11-28{name}.md"] = (
            "---\nobjective: support\ndate: 2026-11-28\nvalues: {first-response: 8}\n---\n"
        )
    site = make_site(files)
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--as-of", "2026-11-30"])
    assert result.exit_code == 0, result.output
    warned = [line for line in result.output.splitlines() if "OKR311" in line]
    assert warned == [
        "content/checkins/support/2026-11-29-morning.md:3:7: warning OKR311: this check-in and "
        "2026-11-29-afternoon.md of the same day have no time of day: their file names order "
        "them, so this one is read last and its values are that day's (hint: give each its "
        "time, e.g. date: 2026-11-29T09:00 and 2026-11-29T16:30)"
    ]
    assert _current(site) == 7

    morning = site / "content/checkins/support/2026-11-29-morning.md"
    morning.write_text(morning.read_text().replace("2026-11-29\n", "2026-11-29T09:00\n"))
    afternoon = site / "content/checkins/support/2026-11-29-afternoon.md"
    afternoon.write_text(afternoon.read_text().replace("2026-11-29\n", "2026-11-29T16:30\n"))
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--as-of", "2026-11-30"])
    assert "OKR311" not in result.output
    assert _current(site) == 5
    # the page shows each one's time, so the order it reads can be seen
    out = site / "out"
    built = CliRunner().invoke(
        cli, ["build", "--site", str(site), "--as-of", "2026-11-30", "--out", str(out)]
    )
    assert built.exit_code == 0, built.output
    page = (out / "objectives/support/index.html").read_text(encoding="utf-8")
    assert '<time datetime="2026-11-29T09:00">2026-11-29 09:00</time>' in page
    assert '<time datetime="2026-11-29T16:30">2026-11-29 16:30</time>' in page
    assert '<time datetime="2026-11-28">2026-11-28</time>' in page


def test_a_name_spelled_differently_is_quoted_as_each_file_writes_it(
    make_site: MakeSite,
) -> None:
    # the site lists people and teams, but not Uma nor Customer Success: each
    # file's warning quotes its own spelling and says where the others are
    files = {
        **HANDWRITTEN,
        "content/people/zoe-angstrom.md": "---\ntitle: Zoë Ångström\n---\n",
        "content/people/renee-o-brien.md": "---\ntitle: Renée O'Brien\n---\n",
        "content/teams/product-engineering.md": "---\ntitle: Product & Engineering\n---\n",
    }
    result = CliRunner().invoke(cli, ["check", "--site", str(make_site(files))])
    assert result.exit_code == 0, result.output
    warned = sorted(line for line in result.output.splitlines() if "OKR306" in line)
    assert warned == [
        "content/goals/handbook.md:4:8: warning OKR306: owner 'Úma Díaz' (uma-diaz) is not a"
        " person in content/people/; also written 'Uma Diaz' (content/checkins/support-1.md,"
        " content/objectives/support.md) and 'uma diaz' (content/objectives/renewals.md)"
        ' (hint: add content/people/uma-diaz.md (okrsite new person "Úma Díaz"))',
        "content/kpis/csat.md:4:7: warning OKR306: team 'Customer Success' (customer-success)"
        " is not a team in content/teams/; also written 'customer-success'"
        " (content/objectives/renewals.md) (hint: add content/teams/customer-success.md"
        ' (okrsite new team "Customer Success"))',
        "content/objectives/renewals.md:4:8: warning OKR306: owner 'uma diaz' (uma-diaz) is"
        " not a person in content/people/; also written 'Uma Diaz'"
        " (content/checkins/support-1.md, content/objectives/support.md) and 'Úma Díaz'"
        " (content/goals/handbook.md) (hint: add content/people/uma-diaz.md"
        ' (okrsite new person "uma diaz"))',
        "content/objectives/renewals.md:5:7: warning OKR306: team 'customer-success' is not a"
        " team in content/teams/; also written 'Customer Success' (content/kpis/csat.md,"
        " content/objectives/support.md) (hint: add content/teams/customer-success.md"
        " (okrsite new team customer-success))",
        "content/objectives/support.md:4:8: warning OKR306: owner 'Uma Diaz' (uma-diaz) is not"
        " a person in content/people/; also written 'Úma Díaz' (content/goals/handbook.md)"
        " and 'uma diaz' (content/objectives/renewals.md) (hint: add content/people/uma-diaz.md"
        ' (okrsite new person "Uma Diaz"))',
        "content/objectives/support.md:5:7: warning OKR306: team 'Customer Success'"
        " (customer-success) is not a team in content/teams/; also written 'customer-success'"
        " (content/objectives/renewals.md) (hint: add content/teams/customer-success.md"
        ' (okrsite new team "Customer Success"))',
    ]


def test_many_files_with_one_spelling_are_counted_not_listed(make_site: MakeSite) -> None:
    goal = "---\ntitle: {t}\ncycle: 2026-Q4\nowner: {o}\nkey_results:\n  - {{id: k, title: K, target: 5}}\n---\n"
    files: dict[str, str | bytes] = {
        "okrsite.toml": 'title = "Acme"\nas_of = 2026-11-30\n',
        "content/people/tom-lee.md": "---\ntitle: Tom Lee\n---\n",
        "content/objectives/a.md": goal.format(t="A", o="Uma Diaz"),
        "content/objectives/b.md": goal.format(t="B", o="Uma Diaz"),
        "content/objectives/c.md": goal.format(t="C", o="Uma Diaz"),
        "content/objectives/d.md": goal.format(t="D", o="Uma Diaz"),
        "content/objectives/e.md": goal.format(t="E", o="UMA DIAZ"),
    }
    warned = {
        d.file: d.message for d in load_site(make_site(files)).diagnostics if d.code == "OKR306"
    }
    assert warned["content/objectives/e.md"] == (
        "owner 'UMA DIAZ' (uma-diaz) is not a person in content/people/; also written"
        " 'Uma Diaz' (content/objectives/a.md, content/objectives/b.md and 2 other files)"
    )
    assert warned["content/objectives/c.md"] == (
        "owner 'Uma Diaz' (uma-diaz) is not a person in content/people/; also written"
        " 'UMA DIAZ' (content/objectives/e.md)"
    )


def _goal(title: str) -> str:
    return (
        f"---\ntitle: {title}\ncycle: 2026-Q1\nowner: Squad 10 Lead\nteam: Squad 10\n"
        "key_results:\n  - {id: a, title: Ship it, start: 0, target: 10}\n"
        "  - {id: b, title: Tell people, start: 0, target: 10}\n---\n"
    )


def test_lists_sort_titles_naturally(make_site: MakeSite) -> None:
    titles = ["Goal 10", "Goal 2", "goal 3", "Goal 1", "Zeta launch", "alpha launch"]
    files: dict[str, str | bytes] = {
        "okrsite.toml": 'title = "Acme"\nas_of = 2026-02-10\n',
        **{f"content/objectives/{t.lower().replace(' ', '-')}.md": _goal(t) for t in titles},
        # two titles no key tells apart: their ids decide, the same on every build
        "content/objectives/b-twin.md": _goal("Goal 02"),
        "content/objectives/a-twin.md": _goal("goal 2"),
        "content/people/squad-10-lead.md": "---\ntitle: Squad 10 Lead\n---\n",
        "content/people/squad-2-lead.md": "---\ntitle: Squad 2 Lead\n---\n",
        "content/people/bea.md": "---\ntitle: bea\n---\n",
        "content/teams/squad-10.md": "---\ntitle: Squad 10\n---\n",
        "content/pages/h10.md": "---\ntitle: Handbook 10\n---\nThe tenth.\n",
        "content/pages/h2.md": "---\ntitle: Handbook 2\n---\nThe second.\n",
    }
    site = make_site(files)
    out = site / "_site"
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--out", str(out)])
    assert result.exit_code == 0, result.output
    shown = re.compile(
        r">((?:[Gg]oal \d+|Zeta launch|alpha launch|Squad \d+ Lead|bea|Handbook \d+))<"
    )
    goals = [
        "alpha launch",
        "Goal 1",
        "goal 2",
        "Goal 02",
        "Goal 2",
        "goal 3",
        "Goal 10",
        "Zeta launch",
    ]

    def listed(page: str, section: str | None = None) -> list[str]:
        text = (out / page).read_text("utf-8")
        text = text[text.index("</nav>") :]  # past the header's links to the pages
        if section:
            text = text[text.index(section) :]
        return [m for m in shown.findall(text) if m != "Squad 10 Lead" or "people" in page]

    assert listed("alignment/index.html") == goals
    assert listed("teams/squad-10/index.html") == goals
    assert listed("people/index.html") == ["bea", "Squad 2 Lead", "Squad 10 Lead"]
    nav = (out / "index.html").read_text("utf-8")
    assert nav.index(">Handbook 2<") < nav.index(">Handbook 10<")
    # the exports keep their documented order, by id
    data = json.loads((out / "api/portfolio.json").read_text("utf-8"))
    ids = [o["id"] for o in data["objectives"]]
    assert ids == sorted(ids)


def test_lists_sort_accented_names_beside_their_letters(make_site: MakeSite) -> None:
    """A German team's people and goals: Ö sorts as O and Ä as A (a phone
    book's order, DIN 5007), not after Z as code points do; "Muller" and
    "Müller" keep one order, the unaccented first."""
    people = ["Sven Berg", "Özge Yilmaz", "Oskar Lind", "Zoe Adams", "Müller", "Muller", "Ärne"]
    titles = ["Zeit sparen", "Ärger senken", "Abläufe vereinfachen", "Öffnungszeiten prüfen"]
    files: dict[str, str | bytes] = {
        "okrsite.toml": 'title = "Acme"\nas_of = 2026-02-10\nlanguage = "de"\n',
        **{f"content/objectives/o{n}.md": _goal(t) for n, t in enumerate(titles)},
        **{f"content/people/p{n}.md": f"---\ntitle: {p}\n---\n" for n, p in enumerate(people)},
    }
    site = make_site(files)
    out = site / "_site"
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--out", str(out)])
    assert result.exit_code == 0, result.output

    def order(page: str, names: list[str]) -> list[str]:
        text = (out / page).read_text("utf-8")
        text = text[text.index("</nav>") :]
        found = {name: text.find(f">{html.escape(name)}<") for name in names}
        assert all(at >= 0 for at in found.values()), found
        return sorted(names, key=found.__getitem__)

    assert order("people/index.html", people) == [
        "Ärne",
        "Muller",
        "Müller",
        "Oskar Lind",
        "Özge Yilmaz",
        "Sven Berg",
        "Zoe Adams",
    ]
    assert order("alignment/index.html", titles) == [
        "Abläufe vereinfachen",
        "Ärger senken",
        "Öffnungszeiten prüfen",
        "Zeit sparen",
    ]
