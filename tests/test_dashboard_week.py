"""The dashboard a department head opens on Monday to see what needs help.

An audit (as_of 2026-11-16, the dashboard's cycle 2026-Q4) found:

1. an off-track objective of the running year ``2026``, confidence 2, never
   on "Needs attention" (the list kept the current cycle's objectives only);
2. the running year listed after the finished ``2026-Q3`` on person, team
   and alignment pages ("Cycles: 2026-Q4 · 2026-Q3 · 2026");
3. equal entries of "Needs attention" ordered by id, not by title as every
   other list of objectives;
4. a draft among the top-level objectives with "draft 0% expected 50%"
   (drafts count nowhere: their status and no figure).

Each test builds a real site with ``okrsite build`` and reads its HTML.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from click.testing import CliRunner

from okrsite.cli import cli

Make = Callable[[dict[str, str | bytes]], Path]


def objective(
    title: str,
    cycle: str,
    current: float,
    *,
    status: str = "",
    parent: str = "",
    owner: str = "Uma Diaz",
) -> str:
    extra = (f"status: {status}\n" if status else "") + (f"parent: {parent}\n" if parent else "")
    return (
        f"---\ntitle: {title}\ncycle: {cycle}\nowner: {owner}\n{extra}"
        f"key_results:\n  - {{id: k, title: Measure, start: 0, target: 100, current: {current}}}\n"
        "---\n"
    )


def checkin(oid: str, day: str, value: float, confidence: int) -> str:
    return (
        f"---\nobjective: {oid}\ndate: {day}\nauthor: Uma Diaz\n"
        f"confidence: {confidence}\nvalues: {{k: {value}}}\n---\n"
    )


FILES: dict[str, str | bytes] = {
    "okrsite.toml": 'title = "Ops"\nlanguage = "en"\nas_of = 2026-11-16\n',
    # the current cycle, 2026-Q4, half gone: on track at 60 of 100, checked in
    "content/objectives/q4-fine.md": objective("Ship the portal", "2026-Q4", 60),
    "content/checkins/2026-11-13-q4-fine.md": checkin("q4-fine", "2026-11-13", 60, 8),
    # the running year around it: 10 of 100 at 87% of the year, confidence 2
    "content/objectives/year-help.md": objective("Cut churn", "2026", 10),
    "content/checkins/2026-11-13-year-help.md": checkin("year-help", "2026-11-13", 10, 2),
    # a finished quarter: off track, but it needs a review, not help
    "content/objectives/q3-over.md": objective("Old quarter", "2026-Q3", 5),
    # an upcoming quarter: nothing to help yet
    "content/objectives/q1-next.md": objective("Next quarter", "2027-Q1", 0),
    # two equal entries (off track, stale, as far behind): ids against titles
    "content/objectives/a-goal.md": objective("Goal 10", "2026-Q4", 0),
    "content/objectives/z-goal.md": objective("goal 2", "2026-Q4", 0),
    # a draft of the current cycle, top-level
    "content/objectives/draft-plan.md": objective("Draft plan", "2026-Q4", 0, status="draft"),
}


@pytest.fixture
def out(make_site: Make, tmp_path: Path) -> Path:
    site = make_site(FILES)
    target = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--out", str(target)])
    assert result.exit_code == 0, result.output
    return target


def page(out: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((out / rel).read_text(encoding="utf-8"), "html.parser")


def section(soup: BeautifulSoup, label: str) -> Tag:
    found = soup.find("section", attrs={"aria-labelledby": label})
    assert isinstance(found, Tag), label
    return found


def text_of(node: Tag) -> str:
    return " ".join(node.get_text(" ").split()).replace("\u00a0", " ")


def attention_titles(out: Path) -> list[str]:
    listed = section(page(out, "index.html"), "attention")
    return [text_of(a) for a in listed.select("li.attention a.obj-title")]


# ------------------------------------------------------------------ 1. running cycles
def test_needs_attention_lists_every_running_cycle(out: Path) -> None:
    titles = attention_titles(out)
    assert "Cut churn" in titles, titles
    assert "Old quarter" not in titles and "Next quarter" not in titles, titles
    listed = section(page(out, "index.html"), "attention")
    item = next(li for li in listed.select("li.attention") if "Cut churn" in text_of(li))
    # its cycle is named (the dashboard's own cycle goes without) and filterable
    assert item["data-cycle"] == "2026"
    assert "2026 · expected" in text_of(item), text_of(item)
    assert "off track" in text_of(item) and "low confidence: 2/10" in text_of(item)
    others = [li for li in listed.select("li.attention") if "Cut churn" not in text_of(li)]
    assert others and all("2026-Q4 ·" not in text_of(li) for li in others)
    # the heading and status counts stay the current cycle's
    overall = section(page(out, "index.html"), "overall")
    assert "2026-Q4" in text_of(overall)


# ------------------------------------------------------------------ 2. cycle order
def test_cycles_go_current_then_running_then_newest(out: Path) -> None:
    person = page(out, "people/uma-diaz/index.html")
    sections = [str(sec["aria-labelledby"]) for sec in person.select("section[aria-labelledby]")]
    assert sections == ["cycle-2026-Q4", "cycle-2026", "cycle-2027-Q1", "cycle-2026-Q3"], sections
    nav = next(p for p in person.find_all("p", class_="meta") if "Cycles:" in text_of(p))
    assert text_of(nav) == "Cycles: 2026-Q4 · 2026 · 2027-Q1 · 2026-Q3", text_of(nav)


def test_alignment_groups_go_in_the_same_order(out: Path) -> None:
    alignment = page(out, "alignment/index.html")
    groups = [text_of(h) for h in alignment.select("section > h2")]
    assert groups == ["2026-Q4", "2026", "2027-Q1", "2026-Q3"], groups


# ------------------------------------------------------------------ 3. ties by title
def test_equal_entries_go_by_title(out: Path) -> None:
    titles = attention_titles(out)
    # ids say a-goal (Goal 10) first; titles in natural order say goal 2 first
    assert titles.index("goal 2") < titles.index("Goal 10"), titles


# ------------------------------------------------------------------ 4. drafts
def test_a_draft_top_level_objective_shows_no_figure(out: Path) -> None:
    top = section(page(out, "index.html"), "top")
    card = next(li for li in top.select("li.card") if "Draft plan" in text_of(li))
    said = text_of(card)
    assert "draft" in said and "counts nowhere" in said, said
    assert card.select(".progress") == [], said
    assert "expected" not in said and "%" not in said and "forecast" not in said, said
    fine = next(li for li in top.select("li.card") if "Ship the portal" in text_of(li))
    assert fine.select(".progress") and "expected 50%" in text_of(fine), text_of(fine)
