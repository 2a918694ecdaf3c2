"""The smallest sites a 3-person startup starts with, through the real CLI (audit 45, "tiny").

Each test builds (or checks, or serves) a real site folder and fails
without its fix:

1. OKR101's hint for a missing ``cycle:`` named ``2026-Q1`` whatever the
   date: copied in December, it made an objective "missed" at once.
2. An objective with no key results and nothing aligned to it was a red
   0% "off track", under "Needs attention", and "would be missed" in its
   cycle's scorecard; its page said its progress was the mean of aligned
   objectives, when none was.
3. The check-ins page of a site without check-ins said "0 check-ins,
   newest first." over an empty timeline.
4. The KPIs page of a site without KPIs ended with an empty "All KPIs".
5. The People index of a KPI-only site said "0 objectives –" of each owner.
6. A German site without ``title`` was called "Goals".
8. A KPI's ``stay_below:`` got OKR111's list of every key, not a KPI's words.
9. ``okrsite serve`` on a site without okrsite.toml blamed "okrsite.toml"
   when content/ was deleted.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import run_cli, write_site
from test_serve import Served

AS_OF = "2026-12-05"


def build(site: Path, *more: str) -> tuple[Path, str]:
    out = site.parent / "out"
    code, output = run_cli("build", "--site", str(site), "--out", str(out), "--as-of", AS_OF, *more)
    assert code == 0, output
    return out, output


def main_text(page: Path) -> str:
    """The words of a page's <main>, tags dropped, spaces joined."""
    html = page.read_text(encoding="utf-8")
    found = re.search(r"<main.*?</main>", html, re.S)
    assert found, html
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(0)))


def test_a_missing_cycle_hint_names_the_current_quarter(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "content/objectives/launch.md": """
                ---
                title: Launch the beta
                owner: Uma Diaz
                key_results:
                  - {title: 50 signups, target: 50, current: 10}
                  - {title: 5 paying, target: 5, current: 1}
                ---
            """
        },
    )
    code, output = run_cli("check", "--site", str(site), "--as-of", AS_OF)
    assert code == 1, output
    assert "missing required key 'cycle'" in output, output
    assert "add 'cycle: 2026-Q4' or set default_cycle" in output, output
    assert "2026-Q1" not in output, output
    # on a fiscal site, the fiscal quarter, as okrsite new writes it
    (site / "okrsite.toml").write_text("fiscal_year_start = 2\n", encoding="utf-8")
    code, output = run_cli("check", "--site", str(site), "--as-of", AS_OF)
    assert "add 'cycle: FY2027-Q4'" in output, output


def test_an_objective_without_key_results_says_to_add_them_and_stays_counted(
    tmp_path: Path,
) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "content/objectives/launch.md": """
                ---
                title: Launch the beta
                owner: Uma Diaz
                cycle: 2026-Q4
                ---
                We'll fill in key results next week.
            """,
            "content/objectives/grow.md": """
                ---
                title: Grow revenue
                owner: Uma Diaz
                cycle: 2026-Q4
                key_results:
                  - {id: a, title: A, target: 10, current: 10}
                  - {id: b, title: B, target: 10, current: 10}
                ---
            """,
        },
    )
    out, output = build(site)
    assert "launch.md:2:8: warning OKR401: objective has 0 key results" in output, output
    page = main_text(out / "objectives/launch/index.html")
    # no roll-up of aligned objectives that do not exist
    assert "weighted mean of the objectives aligned" not in page, page
    assert "No key results yet: add key_results: to content/objectives/launch.md" in page, page
    assert "Until then its progress is 0." in page, page
    # counted, as written: no status behind its file's back (docs/scoring.md)
    assert "Status draft" not in page, page
    cycle = main_text(out / "cycles/2026-Q4/index.html")
    assert "objectives counted 2" in cycle, cycle


def test_an_empty_site_says_no_check_ins_and_no_kpis_yet(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {"content/.keep": ""})
    out, _ = build(site)
    checkins = (out / "checkins/index.html").read_text(encoding="utf-8")
    text = main_text(out / "checkins/index.html")
    assert "No check-ins yet: record one with okrsite checkin ID --set KR=VALUE" in text, text
    assert "newest first" not in text and 'class="timeline"' not in checkins, text
    kpis = (out / "kpis/index.html").read_text(encoding="utf-8")
    text = main_text(out / "kpis/index.html")
    assert "All KPIs" not in kpis and "Each KPI is listed" not in text, text
    assert "No KPIs yet: add one with okrsite new kpi NAME" in text, text


def test_the_people_index_counts_the_kpis_and_goals_a_person_owns(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "content/kpis/mrr.md": """
                ---
                title: Monthly recurring revenue
                owner: Uma Diaz
                unit: EUR
                values:
                  2026-11-30: 55900
                ---
            """,
            "content/goals/hire.md": """
                ---
                title: Hire a first engineer
                owner: Tom Lee
                due: 2026-12-31
                target: 1
                current: 0
                ---
            """,
        },
    )
    out, _ = build(site)
    text = main_text(out / "people/index.html")
    assert "0 objectives" not in text, text
    assert re.search(r"Uma Diaz 1 KPI ", text), text
    assert re.search(r"Tom Lee 1 SMART goal ", text), text


def test_a_german_site_without_title_is_called_ziele(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {"okrsite.toml": 'language = "de"\n', "content/.keep": ""})
    out, _ = build(site)
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "<title>Ziele</title>" in home and "<h1>Ziele</h1>" in home, home
    assert ">Goals<" not in home, home
    assert "<strong>Ziele</strong>" in (out / "404.html").read_text(encoding="utf-8")
    assert "<title>Ziele: Check-ins</title>" in (out / "checkins.xml").read_text(encoding="utf-8")
    # a title written stays as written
    (site / "okrsite.toml").write_text('language = "de"\ntitle = "Acme"\n', encoding="utf-8")
    shutil.rmtree(out)
    out, _ = build(site)
    assert "<title>Acme</title>" in (out / "index.html").read_text(encoding="utf-8")


def test_a_kpi_stay_below_is_told_direction_and_thresholds(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "content/kpis/churn.md": """
                ---
                title: Churn rate
                unit: "%"
                stay_below: 3
                ---
            """
        },
    )
    code, output = run_cli("check", "--site", str(site), "--as-of", AS_OF)
    assert code == 0, output
    line = next(x for x in output.splitlines() if "OKR111" in x)
    assert "known keys:" not in line, line
    assert "direction: down and thresholds: {green: 3, red: …}" in line, line
    assert "or target: 3" in line, line


def test_serve_without_okrsite_toml_names_the_missing_content_folder(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "content/objectives/grow.md": """
                ---
                title: Grow revenue
                cycle: 2026-Q4
                key_results:
                  - {id: a, title: A, target: 10}
                  - {id: b, title: B, target: 10}
                ---
            """
        },
    )
    served = Served("--port", "0", "--site", str(site), "--as-of", AS_OF, tmp=tmp_path)
    try:
        served.wait_line(r"serving \S+ at http://")
        shutil.rmtree(site / "content")
        found = served.wait_line(r".*CFG012.*")
    finally:
        served.interrupt()
    line = found.group(0)
    assert not line.startswith("okrsite.toml"), line
    assert line.startswith("content: error CFG012"), line
    assert "create the folder content/ again" in line, line
