"""The KPI tree, stale KPI health, a cycle's goals and goal due dates, as a
site written by hand shows them: each test builds a real site with the CLI
and asserts on the pages or the messages."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from conftest import run_cli

MakeSite = Callable[[dict[str, str | bytes]], Path]
AS_OF = "2026-12-04"


def _kpi(title: str, drives: str = "", indicator: str = "") -> str:
    return (
        f"---\ntitle: {title}\n"
        + (f"indicator: {indicator}\n" if indicator else "")
        + "target: 10\n"
        + (f"drives: [{drives}]\n" if drives else "")
        + "values: {2026-11-01: 5}\n---\n"
    )


def _build(site: Path) -> str:
    code, out = run_cli("build", "--site", str(site), "--as-of", AS_OF)
    assert code == 0, out
    return out


def _check(site: Path) -> tuple[int, str]:
    return run_cli("check", "--site", str(site), "--as-of", AS_OF)


def _text(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_a_drives_loop_is_warned_at_each_kpi_and_cut_at_its_lagging_kpi(make_site: MakeSite):
    site = make_site(
        {
            "okrsite.toml": 'title = "Loop"\n',
            "content/kpis/a.md": _kpi("Revenue", "b", "lagging"),
            "content/kpis/b.md": _kpi("Pipeline", "a"),
            "content/kpis/c.md": _kpi("Ad spend", "a"),
        }
    )
    code, out = _check(site)
    assert code == 0, out
    loop = "warning OKR315: KPI loop: a → b → a (each drives the next)"
    assert f"content/kpis/a.md:5:10: {loop}" in out
    assert f"content/kpis/b.md:4:10: {loop}" in out
    assert "'a drives b'" in out
    assert "content/kpis/c.md" not in out
    _build(site)
    text = _text(site / "_site/kpis/index.html")
    assert "shown above" not in text
    html = (site / "_site/kpis/index.html").read_text(encoding="utf-8")
    tree = html.split('<ul class="tree kpi-tree">', 1)[1].split("<h2>", 1)[0]
    # Revenue at the top, Ad spend and Pipeline (by title) beneath it, each once
    assert re.findall(r"<bdi>([^<]*)</bdi>", tree) == ["Revenue", "Ad spend", "Pipeline"]
    assert tree.count("<ul>") == 1


def test_a_larger_loop_keeps_the_lagging_kpi_at_the_top(make_site: MakeSite):
    site = make_site(
        {
            "okrsite.toml": 'title = "Loop"\n',
            "content/kpis/revenue.md": _kpi("Revenue", "leads", "lagging"),
            "content/kpis/leads.md": _kpi("Leads", "pipeline", "leading"),
            "content/kpis/pipeline.md": _kpi("Pipeline", "revenue", "leading"),
            "content/kpis/cac.md": _kpi("CAC", "revenue", "leading"),
        }
    )
    out = _build(site)
    assert out.count("OKR315: KPI loop: leads → pipeline → revenue → leads") == 3
    html = (site / "_site/kpis/index.html").read_text(encoding="utf-8")
    tree = html.split('<ul class="tree kpi-tree">', 1)[1].split("<h2>", 1)[0]
    shape = re.sub(r"<bdi>([^<]*)</bdi>", r"{\1}", tree)
    shape = "".join(re.findall(r"\{[^}]*\}|</?ul>", shape))
    assert shape == "{Revenue}<ul>{CAC}{Pipeline}<ul>{Leads}</ul></ul></ul>"


def test_a_kpi_driving_itself_is_a_loop(make_site: MakeSite):
    site = make_site(
        {
            "okrsite.toml": 'title = "Loop"\n',
            "content/kpis/a.md": _kpi("Revenue", "a"),
        }
    )
    code, out = _check(site)
    assert "warning OKR315: KPI loop: a → a" in out
    _build(site)
    assert "Revenue" in _text(site / "_site/kpis/index.html")


def test_drives_naming_a_kpi_by_its_title_gets_its_id(make_site: MakeSite):
    site = make_site(
        {
            "okrsite.toml": 'title = "Titles"\n',
            "content/kpis/a.md": _kpi("Revenue", indicator="lagging"),
            "content/kpis/b.md": _kpi("Pipeline", "Revenue"),
            "content/kpis/c.md": _kpi("Ad spend", "Pipeline"),
        }
    )
    code, out = _check(site)
    assert code == 1
    assert (
        "error OKR303: driven KPI 'Revenue' does not exist "
        "(hint: 'Revenue' is the title of KPI 'a': write drives: a)"
    ) in out
    assert "(hint: 'Pipeline' is the title of KPI 'b': write drives: b)" in out


STALE_PIPELINE = """
    ---
    title: Pipeline
    thresholds: {green: 800000, red: 500000}
    values: {2026-09-01: 600000, 2026-10-01: 700000}
    drives: [revenue]
    ---
"""
FRESH_REVENUE = """
    ---
    title: Revenue
    indicator: lagging
    target: 10
    drives: [margin]
    values: {2026-11-20: 5}
    ---
"""
STALE_MARGIN = """
    ---
    title: Margin
    target: 10
    values: {2026-08-01: 5}
    ---
"""
OBJECTIVE = """
    ---
    title: Grow
    cycle: 2026-Q4
    owner: Ann
    key_results:
      - {id: a, title: A, start: 0, target: 10}
      - {id: b, title: B, start: 0, target: 10}
    ---
"""


def test_a_stale_kpi_is_marked_stale_wherever_its_health_is_shown(make_site: MakeSite):
    site = make_site(
        {
            "okrsite.toml": 'title = "Stale"\n',
            "content/kpis/pipeline.md": STALE_PIPELINE,
            "content/kpis/revenue.md": FRESH_REVENUE,
            "content/kpis/margin.md": STALE_MARGIN,
            "content/objectives/grow.md": OBJECTIVE,
        }
    )
    _build(site)
    tree = _text(site / "_site/kpis/index.html").split("All KPIs")[0]
    assert "Margin warning stale" in tree
    assert "Revenue lagging warning 5" in tree
    assert "Pipeline warning stale 700,000" in tree
    card = _text(site / "_site/cycles/2026-Q4/index.html").split("KPI health today")[1]
    assert "Pipeline 700,000 2026-10-01 warning stale" in card
    assert "Revenue 5 2026-11-20 warning –" in card
    revenue = _text(site / "_site/kpis/revenue/index.html")
    assert "Driven by Pipeline warning stale" in revenue
    assert "This KPI drives Margin warning stale" in revenue


GOAL = "---\ntitle: Goal {name}\n{key}: {value}\n---\n"


def test_goals_due_within_a_cycle_are_on_its_page(make_site: MakeSite):
    site = make_site(
        {
            "okrsite.toml": 'title = "Goals"\n',
            "content/objectives/grow.md": OBJECTIVE,
            "content/goals/quarter.md": GOAL.format(name="quarter", key="due", value="Q4 2026"),
            "content/goals/dotted.md": GOAL.format(name="dotted", key="due", value="31.12.2026"),
            "content/goals/named.md": GOAL.format(name="named", key="cycle", value="2026-Q4"),
            "content/goals/early.md": GOAL.format(name="early", key="due", value="2026-09-30"),
        }
    )
    _build(site)
    page = (site / "_site/cycles/2026-Q4/index.html").read_text(encoding="utf-8")
    goals = page.split("SMART goals", 1)[1]
    for name in ("quarter", "dotted", "named"):
        assert goals.count(f"Goal {name}<") == 1, name
    assert "Goal early" not in goals


def test_a_due_naming_a_quarter_without_its_year_says_so(make_site: MakeSite):
    site = make_site(
        {
            "okrsite.toml": 'title = "Goals"\n',
            "content/goals/end.md": GOAL.format(name="end", key="due", value="end of Q4"),
            "content/goals/vague.md": GOAL.format(name="vague", key="due", value="sometime"),
        }
    )
    code, out = _check(site)
    assert code == 1
    assert (
        "error OKR104: due must be a real date like 2026-02-10, got 'end of Q4' "
        "(hint: 'end of Q4' names Q4 but no year: write the year too, e.g. due: Q4 2026"
    ) in out
    assert "got 'sometime' (hint: write dates as YYYY-MM-DD" in out
    assert "or name a quarter with its year: due: Q4 2026" in out
