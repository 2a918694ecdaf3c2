"""Fix 47 (audit "arguer", findings 1-5): one figure for one progress, wherever it is written.

A progress just across a status limit gets the decimals that show its side
(docs/scoring.md, *Choices*): 0.3497 at risk beside an expected 0.50 reads
34.97%, never 35% (15 points behind: on track). Its objective's page always
did; these sites, built through the real CLI, check the places that did not:

1. the grade beside the percentage, and Explain's grade step: "0.3497 red",
   never "0.35 red" (rounded as the percentage is);
2. the search index's ``p``, the KPI page's "Key results that target it",
   the cycle scorecard's "moved least" and ``okrsite diff``'s before side;
3. the dashboard's "N points behind expected": 15.5 beside 34.5% and 50%,
   never 16;
4. the dashboard's "N key results" counts as ``okrsite check`` (OKR401)
   does: a dropped key result is not one;
5. a key result's sparkline: one point per day (the later check-in of a day
   wins, as on the progress chart), and a key result that reads a KPI says
   it draws the KPI's readings, not "values over check-ins".

Cycle 2026-Q4 runs 2026-10-01 .. 2026-12-31 (92 days): on 2026-11-16, 46
days have passed, so a committed objective is expected at 0.50.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import run_cli, write_site
from test_diff_fixtures import commit, init_repo

MakeSite = Callable[[dict[str, str | bytes]], Path]

AS_OF = "2026-11-16"

SIGNUPS_OBJECTIVE = """---
title: Grow signups
cycle: 2026-Q4
owner: Uma Diaz
key_results:
  - {id: s, title: Signups to 10k, kpi: signups, start: 0, target: 10000}
---
"""
SIGNUPS_KPI = """---
title: Signups
target: 10000
values: {2026-11-01: 3497}
---
"""


def articles(current: int) -> str:
    return (
        "---\ntitle: Publish articles\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
        f"  - {{id: k, title: Publish 1000 articles, target: 1000, current: {current}}}\n---\n"
    )


TICKETS = """---
title: Close tickets
cycle: 2026-Q4
owner: Uma Diaz
key_results:
  - {id: t, title: Close 100 tickets, target: 100, current: 35}
---
"""


def repro_files(language: str = "") -> dict[str, str | bytes]:
    """The audit's repro: 0.3497 and 0.345 at risk, 0.35 on track (exactly 0.15 behind)."""
    return {
        "okrsite.toml": f'title = "Repro"\nas_of = "{AS_OF}"\n'
        + (f'language = "{language}"\n' if language else ""),
        "content/objectives/a.md": SIGNUPS_OBJECTIVE,
        "content/kpis/signups.md": SIGNUPS_KPI,
        "content/objectives/f.md": articles(345),
        "content/objectives/g.md": TICKETS,
    }


def build(site: Path, out: Path) -> Path:
    code, output = run_cli("build", "--site", str(site), "--out", str(out))
    assert code == 0, output
    return out


def page(out: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((out / name).read_text(encoding="utf-8"), "html.parser")


def text(node: object) -> str:
    assert node is not None
    return " ".join(node.get_text(" ").split())  # type: ignore[attr-defined]


# -- 1. the grade is rounded as its percentage -------------------------------------


def test_grade_is_rounded_as_the_percentage_beside_it(make_site: MakeSite, tmp_path: Path) -> None:
    out = build(make_site(repro_files()), tmp_path / "out")
    for oid, percent, grade in (("a", "34.97%", "0.3497 red"), ("f", "34.5%", "0.345 red")):
        doc = page(out, f"objectives/{oid}/index.html")
        assert text(doc.select_one("p.big .pct")) == percent
        assert [text(g) for g in doc.select(".grade")] == [grade, grade], oid
    # an on-track figure keeps its two places
    doc = page(out, "objectives/g/index.html")
    assert text(doc.select_one(".grade")) == "0.35 red"


def test_grade_rounded_as_its_percentage_in_german(make_site: MakeSite, tmp_path: Path) -> None:
    out = build(make_site(repro_files("de")), tmp_path / "out")
    doc = page(out, "objectives/a/index.html")
    assert text(doc.select_one("p.big .pct")) == "34,97 %"
    assert {text(g) for g in doc.select(".grade")} == {"0,3497 rot"}


# -- 2. search index, KPI page, scorecard and diff write the page's figure ---------


def test_search_index_carries_the_figure_the_page_writes(
    make_site: MakeSite, tmp_path: Path
) -> None:
    out = build(make_site(repro_files()), tmp_path / "out")
    items = json.loads((out / "search-index.json").read_text(encoding="utf-8"))["items"]
    shown = {
        (i["k"], i["t"]): (i.get("p"), i.get("s")) for i in items if i["k"] in ("objective", "kr")
    }
    assert shown == {
        ("objective", "Grow signups"): (34.97, "at-risk"),
        ("kr", "Signups to 10k"): (34.97, "at-risk"),
        ("objective", "Publish articles"): (34.5, "at-risk"),
        ("kr", "Publish 1000 articles"): (34.5, "at-risk"),
        ("objective", "Close tickets"): (35, "on-track"),
        ("kr", "Close 100 tickets"): (35, "on-track"),
    }
    # the search page's script writes the figure with its decimals
    script = (out / "static/search.js").read_text(encoding="utf-8")
    assert "maximumFractionDigits: 7" in script


def test_kpi_page_and_scorecard_write_the_figure_the_page_writes(
    make_site: MakeSite, tmp_path: Path
) -> None:
    out = build(make_site(repro_files()), tmp_path / "out")
    kpi = page(out, "kpis/signups/index.html")
    targeted = kpi.select_one("#targeted").find_next("ul")
    assert [text(li.select_one(".pct")) for li in targeted.select("li")] == ["34.97%"]
    card = page(out, "cycles/2026-Q4/index.html")
    least = {
        text(row.select_one("th")): text(row.select_one('[data-figure="progress"]'))
        for row in card.select("table.scorecard-least tbody tr")
    }
    assert least == {
        "Publish 1000 articles": "34.5%",
        "Signups to 10k": "34.97%",
        "Close 100 tickets": "35%",
    }


def test_diff_writes_each_side_as_its_pages_did(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", repro_files())
    init_repo(root)
    commit(root, "one")
    (root / "content/objectives/f.md").write_text(articles(355), encoding="utf-8")
    commit(root, "two")
    code, output = run_cli("diff", "HEAD~1", "HEAD", "--site", str(root), "--format", "text")
    assert code == 0, output
    # the page built from HEAD~1 wrote 34.5% at risk; 35.5% on track is 36%
    assert re.search(r"^  f: 34\.5% → 36% ▲, at-risk → on-track", output, re.M), output
    assert re.search(r"^      k: 34\.5% → 36% ▲, at-risk → on-track", output, re.M), output


# -- 3. points behind beside the figures they are the difference of ---------------


def test_points_behind_have_the_decimals_of_the_figures_beside_them(
    make_site: MakeSite, tmp_path: Path
) -> None:
    out = build(make_site(repro_files()), tmp_path / "out")
    dashboard = (out / "index.html").read_text(encoding="utf-8")
    plain = " ".join(re.sub(r"<[^>]*>", " ", dashboard).split())
    assert "at risk: 15.5 points behind expected" in plain  # 50 − 34.5, never 16
    assert "at risk: 15.03 points behind expected" in plain
    assert "16 points behind" not in plain


# -- 4. the dashboard counts key results as okrsite check does ---------------------


def test_dashboard_leaves_a_dropped_key_result_out_of_its_count(
    make_site: MakeSite, tmp_path: Path
) -> None:
    site = make_site(
        {
            "okrsite.toml": f'title = "t"\nas_of = "{AS_OF}"\n',
            "content/objectives/apac.md": """---
title: Open APAC resellers
cycle: 2026-Q4
owner: Sofia Lindqvist
key_results:
  - {id: sign, title: Sign 5 resellers, target: 5, current: 2}
  - {id: train, title: Train them, target: 5, current: 1, status: dropped}
---
""",
        }
    )
    code, output = run_cli("check", "--site", str(site))
    assert "OKR401: objective has 1 key result" in output, output
    out = build(site, tmp_path / "out")
    metas = [text(m) for m in page(out, "index.html").select(".meta") if "key result" in text(m)]
    assert metas == ["Sofia Lindqvist · 1 key result"], metas


# -- 5. sparklines: one point per day; a KPI's readings say so ---------------------


def test_sparkline_draws_one_point_per_day_and_names_a_kpis_readings(
    make_site: MakeSite, tmp_path: Path
) -> None:
    files = repro_files()
    files["content/objectives/f.md"] = articles(100)
    for name, when, value in (
        ("2026-11-02.md", "2026-11-02", 200),
        ("2026-11-13-am.md", "2026-11-13T09:05", 1100),  # fixed that afternoon
        ("2026-11-13-pm.md", "2026-11-13T16:40", 300),
    ):
        files[f"content/checkins/{name}"] = (
            f"---\nobjective: f\ndate: {when}\nauthor: Uma Diaz\nvalues: {{k: {value}}}\n---\n"
        )
    out = build(make_site(files), tmp_path / "out")
    doc = page(out, "objectives/f/index.html")
    label = doc.select_one("tr#kr-k svg.sparkline")["aria-label"]
    assert label == (
        "Publish 1000 articles: values over check-ins: "
        "2 values from 200 on 2026-11-02 to 300 on 2026-11-13"
    ), label
    assert "1,100" not in label
    doc = page(out, "objectives/a/index.html")
    label = doc.select_one("tr#kr-s svg.sparkline")["aria-label"]
    assert label.startswith("Signups to 10k: readings of KPI Signups: "), label
    assert "check-ins" not in label


def test_sparkline_of_a_kpi_key_result_in_german(make_site: MakeSite, tmp_path: Path) -> None:
    out = build(make_site(repro_files("de")), tmp_path / "out")
    label = page(out, "objectives/a/index.html").select_one("tr#kr-s svg.sparkline")["aria-label"]
    assert label.startswith("Signups to 10k: Messwerte des KPI Signups: "), label
