"""What the lines of a page say around the figures: right-to-left names kept
apart from the separators, no dangling " · ", the dashboard before its cycle
starts, what an ended cycle shows instead of a forecast, and a roll-up key
result's formula written as it is computed.

Each test builds a small site through the CLI, as a person would write it,
and reads the HTML.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from sitecheck import broken_links, conformance_problems, dangling_separators, html_problems

from okrsite.cli import cli

Make = Callable[[dict[str, str | bytes]], Path]

#: Hebrew and Arabic letters
RTL = re.compile("[\u0590-\u08ff]")


def build(root: Path, as_of: str) -> Path:
    out = root / "_site"
    result = CliRunner().invoke(
        cli, ["build", "--site", str(root), "--as-of", as_of, "--out", str(out), "--no-history"]
    )
    assert result.exit_code == 0, result.output
    return out


def page(out: Path, rel: str) -> str:
    return (out / rel).read_text(encoding="utf-8")


def words(html: str) -> str:
    """The text a reader sees, spaces collapsed."""
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def assert_clean(out: Path) -> None:
    """Every page is valid HTML (tests/sitecheck.py) with no dangling separator."""
    for path in sorted(out.rglob("*.html")):
        html = path.read_bytes()
        assert html_problems(html) == [], path
        assert conformance_problems(html) == [], path
        assert dangling_separators(html) == [], path


def objective(title: str, cycle: str, owner: str, *extra: str) -> str:
    return "\n".join(
        [
            "---",
            f"title: {title}",
            f"cycle: {cycle}",
            f"owner: {owner}",
            *extra,
            "---",
            "",
        ]
    )


RTL_SITE: dict[str, str | bytes] = {
    "okrsite.toml": 'title = "Bidi"\n',
    "content/people/noa-cohen.md": "---\nname: נועה כהן\nrole: מנהלת מוצר\n---\n",
    "content/teams/growth.md": "---\nname: فريق النمو\nlead: נועה כהן\n---\n",
    "content/objectives/grow.md": objective(
        "להגדיל את ההכנסות",
        "2026-Q4",
        "נועה כהן",
        "team: فريق النمو",
        "tags: [צמיחה]",
        "key_results:",
        "  - {id: arr, title: הכנסה שנתית, start: 10, target: 20}",
        "  - {id: nps, title: Lift NPS, start: 20, target: 40}",
    ),
    "content/objectives/reach.md": objective(
        "Reach new markets",
        "2026-Q4",
        "נועה כהן",
        "team: فريق النمو",
        "parent: grow",
        "key_results:",
        "  - {id: markets, title: Open markets, start: 0, target: 4}",
        "  - {id: partners, title: Sign partners, start: 0, target: 10}",
    ),
    "content/checkins/2026-11-16-grow.md": (
        "---\nobjective: grow\ndate: 2026-11-16\nauthor: נועה כהן\nconfidence: 6\n"
        "values: {arr: 14, nps: 28}\n---\n"
    ),
    "content/checkins/2026-11-17-reach.md": (
        "---\nobjective: reach\ndate: 2026-11-17\nconfidence: 7\n"
        "values: {markets: 1, partners: 3}\n---\n"
    ),
}


def test_right_to_left_names_stand_apart_from_the_separators(make_site: Make) -> None:
    """A Hebrew owner, an Arabic team, a Hebrew title and tag: each is in a
    ``<bdi>`` wherever it stands in a line, so the bidi algorithm cannot move
    the " · " around it; only a page's own title (``<title>``, ``<h1>``) is
    left bare, alone on its line."""
    out = build(make_site(RTL_SITE), "2026-11-20")
    pages = [
        "index.html",
        "objectives/grow/index.html",
        "objectives/reach/index.html",
        "people/noa-cohen/index.html",
        "teams/growth/index.html",
        "alignment/index.html",
        "cycles/2026-Q4/index.html",
        "checkins/index.html",
    ]
    for rel in pages:
        soup = BeautifulSoup(page(out, rel), "html.parser")
        seen = 0
        for text in soup.find_all(string=RTL):
            if text.parent.name in ("title", "h1", "script"):
                continue
            seen += 1
            assert text.find_parent("bdi") is not None, (rel, str(text), text.parent)
        assert seen, rel  # the page shows the names at all
    # the meta line of the objective in a list: owner · team · cycle, each isolated
    alignment = page(out, "alignment/index.html")
    assert '<span class="meta"><bdi>נועה כהן</bdi> · <bdi>2026-Q4</bdi></span>' in alignment
    team = page(out, "teams/growth/index.html")
    assert (
        '<a href="../../people/noa-cohen/index.html"><bdi>נועה כהן</bdi></a> · '
        '<a href="../../teams/growth/index.html"><bdi>فريق النمو</bdi></a> · <bdi>2026-Q4</bdi>'
    ) in team
    assert_clean(out)


def test_a_check_in_without_author_has_no_leading_separator(make_site: Make) -> None:
    out = build(make_site(RTL_SITE), "2026-11-20")
    reach = BeautifulSoup(page(out, "objectives/reach/index.html"), "html.parser")
    meta = reach.select_one("article.checkin p.meta")
    assert meta is not None
    assert " ".join(meta.get_text(" ").split()) == "confidence 7/10"


TWO_CYCLES: dict[str, str | bytes] = {
    "okrsite.toml": 'title = "Early"\n',
    "content/objectives/q3.md": objective(
        "Ship the beta",
        "2026-Q3",
        "Uma Diaz",
        "key_results:",
        "  - {id: a, title: Accounts on the beta, start: 0, target: 20}",
        "  - {id: b, title: Bugs fixed, start: 0, target: 40}",
    ),
    "content/objectives/q4.md": objective(
        "Launch",
        "2026-Q4",
        "Uma Diaz",
        "key_results:",
        "  - {id: a, title: Paying accounts, start: 0, target: 10}",
        "  - {id: b, title: Churned accounts, start: 5, target: 0}",
    ),
}


def test_before_any_cycle_the_dashboard_says_when_it_starts(make_site: Make) -> None:
    """As of a day before 2026-Q3, the dashboard shows 2026-Q3 (the next to
    start), says it has not started and when it starts, and lists the other
    cycle without a separator after it."""
    out = build(make_site(TWO_CYCLES), "2026-05-20")
    html = page(out, "index.html")
    soup = BeautifulSoup(html, "html.parser")
    state = soup.select_one("p.cycle-state")
    assert state is not None
    assert state.get_text() == "This cycle has not started yet: it starts on 2026-07-01."
    others = soup.select_one("nav.cycles-nav p")
    assert others is not None
    assert " ".join(others.get_text(" ").split()) == "Other cycles: 2026-Q4"
    assert_clean(out)


def test_a_running_cycle_gets_no_state_sentence(make_site: Make) -> None:
    out = build(make_site(TWO_CYCLES), "2026-08-20")
    soup = BeautifulSoup(page(out, "index.html"), "html.parser")
    assert soup.select("p.cycle-state") == []
    assert_clean(out)


ENDED: dict[str, str | bytes] = {
    "okrsite.toml": 'title = "Ended"\n',
    "content/objectives/beta.md": objective(
        "Ship the beta",
        "2026-Q3",
        "Uma Diaz",
        "key_results:",
        "  - {id: a, title: Accounts on the beta, start: 0, target: 20}",
        "  - {id: b, title: Bugs fixed, start: 0, target: 40}",
    ),
    "content/checkins/2026-07-20-beta.md": (
        "---\nobjective: beta\ndate: 2026-07-20\nauthor: Uma Diaz\nconfidence: 7\n"
        "values: {a: 2, b: 6}\n---\n"
    ),
    "content/checkins/2026-08-20-beta.md": (
        "---\nobjective: beta\ndate: 2026-08-20\nauthor: Uma Diaz\nconfidence: 5\n"
        "values: {a: 4, b: 10}\n---\n"
    ),
    "content/checkins/2026-09-20-beta.md": (
        "---\nobjective: beta\ndate: 2026-09-20\nauthor: Uma Diaz\nconfidence: 3\n"
        "values: {a: 6, b: 14}\n---\n"
    ),
}


@pytest.mark.parametrize("as_of", ["2026-10-15", "2027-01-10"])
def test_an_ended_cycle_shows_no_forecast_and_the_last_confidence(
    make_site: Make, as_of: str
) -> None:
    """2026-Q3 ended on 2026-09-30 and the objective missed. Its page, the
    dashboard (still on 2026-Q3, the only cycle with objectives: it says the
    cycle ended) and the cycle page show no forecast and call the confidence
    the last one, shortly after the end and long after; portfolio.json keeps
    both figures as scored."""
    out = build(make_site(ENDED), as_of)
    exported = json.loads(page(out, "api/portfolio.json"))
    beta = next(o for o in exported["objectives"] if o["id"] == "beta")
    assert beta["status"] == "missed"
    assert beta["forecast"] is not None  # one truth: the score is unchanged
    assert beta["confidence"] == 3

    obj = page(out, "objectives/beta/index.html")
    soup = BeautifulSoup(obj, "html.parser")
    facts = {
        dt.get_text(): " ".join(dt.find_next_sibling("dd").get_text(" ").split())
        for dt in soup.select("dl.facts dt")
    }
    assert facts["Last confidence"] == "3/10"
    assert "Confidence" not in facts and "Forecast" not in facts
    forecast_step = soup.select_one(".explain-forecast")
    assert forecast_step is not None
    assert words(str(forecast_step)).endswith(
        "No forecast: the cycle ended on 2026-09-30, so the progress above is where it ended."
    )
    assert "forecast =" not in words(str(forecast_step))
    confidence_step = soup.select_one(".explain-confidence")
    assert confidence_step is not None
    assert "Last confidence before the cycle ended: 3/10, from the check-in of 2026-09-20." in (
        confidence_step.get_text()
    )

    dashboard = words(page(out, "index.html"))
    assert "This cycle ended on 2026-09-30." in dashboard
    assert "last confidence 3/10" in dashboard
    assert "forecast" not in dashboard.casefold()
    cycle_page = words(page(out, "cycles/2026-Q3/index.html"))
    assert "forecast" not in cycle_page.casefold()
    assert_clean(out)


def test_a_running_cycle_still_shows_forecast_and_confidence(make_site: Make) -> None:
    out = build(make_site(ENDED), "2026-09-25")
    soup = BeautifulSoup(page(out, "objectives/beta/index.html"), "html.parser")
    terms = [dt.get_text() for dt in soup.select("dl.facts dt")]
    assert "Confidence" in terms and "Forecast" in terms
    assert "Last confidence" not in terms
    dashboard = words(page(out, "index.html"))
    assert "· forecast" in dashboard and "confidence 3/10" in dashboard
    assert "last confidence" not in dashboard


ROLLUP: dict[str, str | bytes] = {
    "okrsite.toml": 'title = "Roll-up"\n',
    "content/objectives/company.md": objective(
        "Grow the company",
        "2026-Q4",
        "Uma Diaz",
        "key_results:",
        "  - {id: arr, title: Grow ARR, start: 10, target: 20, current: 13}",
        "  - id: logos",
        "    title: Win new logos",
        "    weight: 3",
    ),
    "content/objectives/emea.md": objective(
        "Win EMEA logos",
        "2026-Q4",
        "Uma Diaz",
        "parent: company#logos",
        "weight: 2",
        "key_results:",
        "  - {id: a, title: Close EMEA logos, start: 0, target: 16, current: 8}",
        "  - {id: b, title: Hold first meetings, start: 0, target: 100, current: 50}",
    ),
    "content/objectives/na.md": objective(
        "Win North America logos",
        "2026-Q4",
        "Uma Diaz",
        "parent: company#logos",
        "weight: 1.5",
        "key_results:",
        "  - {id: a, title: Close NA logos, start: 0, target: 25, current: 8}",
        "  - {id: b, title: Book meetings, start: 0, target: 100, current: 34}",
    ),
    "content/objectives/apac.md": objective(
        "Win APAC logos",
        "2026-Q4",
        "Uma Diaz",
        "parent: company#logos",
        "key_results:",
        "  - {id: a, title: Close APAC logos, start: 0, target: 10, current: 4}",
        "  - {id: b, title: Sign resellers, start: 0, target: 10, current: 5}",
    ),
    # a draft counts nowhere: not in the roll-up's formula either
    "content/objectives/latam.md": objective(
        "Win LATAM logos",
        "2026-Q4",
        "Uma Diaz",
        "parent: company#logos",
        "status: draft",
        "key_results:",
        "  - {id: a, title: Close LATAM logos, start: 0, target: 10, current: 9}",
        "  - {id: b, title: Hire a rep, start: 0, target: 1, current: 1}",
    ),
}

FORMULA = re.compile(r"^\((?P<terms>[^)]*)\) ÷ (?P<total>[\d.]+) = (?P<result>[\d.]+)$")


def parse_formula(code: str) -> tuple[list[tuple[float, float]], float, float]:
    match = FORMULA.match(code)
    assert match, code
    terms = []
    for term in match["terms"].split(" + "):
        weight, progress = term.split(" × ")
        terms.append((float(weight), float(progress)))
    return terms, float(match["total"]), float(match["result"])


def test_a_roll_up_key_results_formula_is_its_computation(make_site: Make) -> None:
    """The roll-up ``logos`` averages APAC (weight 1, progress 0.45), EMEA
    (weight 2, 0.5) and North America (weight 1.5, 0.33), not the draft LATAM:
    (1 × 0.45 + 2 × 0.5 + 1.5 × 0.33) ÷ 4.5 = 0.432 → 43%. The row writes
    exactly that; the numbers it writes give the percentage it shows, the key
    result's bar shows the same, and the objective's own formula reads it."""
    out = build(make_site(ROLLUP), "2026-11-20")
    soup = BeautifulSoup(page(out, "objectives/company/index.html"), "html.parser")
    row = next(tr for tr in soup.select(".explain tbody tr") if "Win new logos" in tr.get_text())
    cell = row.select_one('td[data-label="Computation"]')
    assert cell is not None
    code = cell.select_one("code")
    assert code is not None
    terms, total, result = parse_formula(code.get_text())
    assert terms == [(1.0, 0.45), (2.0, 0.5), (1.5, 0.33)]
    assert total == sum(w for w, _ in terms) == 4.5
    computed = sum(w * p for w, p in terms) / total
    assert result == round(computed, 3) == 0.432
    shown = words(str(cell)).rsplit("→ ", 1)[1]
    assert shown == f"{round(computed * 100)}%" == "43%"
    # the key-result table's bar shows the same percentage
    kr_row = soup.select_one("tr#kr-logos .pct")
    assert kr_row is not None and kr_row.get_text() == shown
    # and the objective's formula takes the roll-up's progress with its weight 3
    objective_code = soup.select_one(".explain h3 + p code")
    assert objective_code is not None
    obj_terms, obj_total, obj_result = parse_formula(objective_code.get_text())
    assert obj_terms == [(1.0, 0.3), (3.0, result)]
    assert obj_total == 4
    assert obj_result == round((0.3 + 3 * computed) / 4, 3)
    assert_clean(out)


def test_a_key_result_with_nothing_to_measure_says_so_not_roll_up_of_0(make_site: Make) -> None:
    """A key result written as a sentence without figures (``- Publish 12 case
    studies``) has no measure yet; its row and its explanation say that, not
    "roll-up of 0 aligned objectives", which is for key results others align to."""
    root = make_site(
        {
            "okrsite.toml": 'title = "Measure"\n',
            "content/objectives/brand.md": objective(
                "Own the category",
                "2026-Q4",
                "Priya Raman",
                "key_results:",
                "  - Publish 12 customer case studies",
                "  - {id: sov, title: Share of voice, start: 8, target: 15, unit: '%'}",
                "  - {id: logos, title: Partner logos}",
            ),
            # with a key result of its own: one with none is a draft, counted nowhere
            "content/objectives/partners.md": objective(
                "Sign partners",
                "2026-Q4",
                "Priya Raman",
                "parent: brand#logos",
                "key_results:",
                "  - {id: signed, title: Sign 5 partners, target: 5}",
            ),
        }
    )
    out = build(root, "2026-11-20")
    text = words(page(out, "objectives/brand/index.html"))
    # off track, so its row writes the expected it is judged against (54%)
    assert "Publish 12 customer case studies 0% expected 54% nothing to measure yet" in text
    assert "roll-up of 1 aligned objective" in text
    assert "roll-up of 0" not in text
    assert (
        "Publish 12 customer case studies nothing to measure yet: no target, milestones or "
        "aligned objectives → 0"
    ) in text
    assert_clean(out)


def test_explain_rows_are_labelled_as_their_column_on_narrow_screens(make_site: Make) -> None:
    """At 360 px the explanation table's rows stack, each cell under its
    ``data-label``: the first cell says "Key result" or "Objective", as the
    column's heading does, never a word of its own."""
    files = {
        **ROLLUP,
        "content/objectives/umbrella.md": objective("Grow everywhere", "2026-Q4", "Uma Diaz"),
        "content/objectives/child.md": objective(
            "Grow in Spain",
            "2026-Q4",
            "Uma Diaz",
            "parent: umbrella",
            "key_results:",
            "  - {id: a, title: Open an office, start: 0, target: 1, current: 1}",
        ),
    }
    out = build(make_site(files), "2026-11-20")
    for url, heading in (
        ("objectives/company/index.html", "Key result"),
        ("objectives/umbrella/index.html", "Objective"),
    ):
        soup = BeautifulSoup(page(out, url), "html.parser")
        table = soup.select_one(".explain table")
        assert table is not None, url
        th = table.select_one("thead th")
        assert th is not None and th.get_text() == heading
        labels = {tr.select_one("td")["data-label"] for tr in table.select("tbody tr")}
        assert labels == {heading}, url


def test_an_initiatives_owner_written_as_a_name_links_to_their_page(make_site: Make) -> None:
    """``owner: Uma Diaz`` in an initiative is a name, as an objective's owner
    is: it links to ``people/uma-diaz/`` (a person named nowhere else gets
    that page too), and a name that is a person file's title links to that
    file's page. It linked to ``people/Uma%20Diaz/``, a page never written
    (found by tests/test_build_fuzz.py)."""
    files: dict[str, str | bytes] = {
        "content/people/juergen-weiss.md": "---\ntitle: Jürgen Weiß\n---\n",
        "content/objectives/launch.md": objective(
            "Launch in Spain",
            "2026-Q4",
            "Jürgen Weiß",
            "initiatives:",
            "  - {title: Hire a country manager, owner: Uma Diaz}",
            "  - {title: Open the office, owner: Jürgen Weiß}",
            "key_results:",
            "  - {id: a, title: Open an office, target: 1}",
        ),
    }
    out = build(make_site(files), "2026-11-20")
    soup = BeautifulSoup(page(out, "objectives/launch/index.html"), "html.parser")
    links = {
        a.get_text(): a["href"] for a in soup.select("ul.initiatives a") if "people" in a["href"]
    }
    assert links == {
        "Uma Diaz": "../../people/uma-diaz/index.html",
        "Jürgen Weiß": "../../people/juergen-weiss/index.html",
    }
    assert (out / "people/uma-diaz/index.html").is_file()
    out_files = {
        p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()
    }
    assert broken_links(out_files) == []
    assert_clean(out)


def test_an_objective_whose_key_results_are_all_dropped_explains_its_aligned_mean(
    make_site: Make,
) -> None:
    """With every key result dropped, the objective takes its aligned
    objectives' mean (as one without key results does), but "Explain this
    score" said "nothing counted: progress = 0.3" and listed no objective."""
    root = make_site(
        {
            "okrsite.toml": 'title = "Dropped"\n',
            "content/objectives/umbrella.md": objective(
                "Grow everywhere",
                "2026-Q4",
                "Uma Diaz",
                "key_results:",
                "  - {id: old, title: Old plan, target: 10, status: dropped}",
            ),
            "content/objectives/spain.md": objective(
                "Grow in Spain",
                "2026-Q4",
                "Uma Diaz",
                "parent: umbrella",
                "key_results:",
                "  - {id: a, title: Stores, target: 10, current: 3}",
            ),
        }
    )
    out = build(root, "2026-11-20")
    soup = BeautifulSoup(page(out, "objectives/umbrella/index.html"), "html.parser")
    explain = soup.select_one(".explain")
    assert explain is not None
    text = words(str(explain))
    assert "Progress of each aligned objective" in text
    assert "Grow in Spain" in text and "nothing counted" not in text
    code = soup.select_one(".explain h3 + p code")
    assert code is not None
    assert parse_formula(code.get_text()) == ([(1.0, 0.3)], 1.0, 0.3)
    assert_clean(out)
