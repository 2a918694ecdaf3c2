"""Key results, measures and thresholds written as people write them.

A team writing its site pastes key results from a planning doc or a
checklist: ``from 5 days to 1 day`` (the singular on the target side),
``to 2% from 3%``, ``30 -> 50``, German ``von 30 auf 50``, ``"[x] Launch new
logo"``; and a German team writes a KPI's traffic lights ``grün`` and
``rot``. Each is read as the figures it says, not as a title with nothing to
measure (OKR402), an unreadable measure (OKR106) or an unknown threshold
(OKR111). Each test builds a real site through the CLI.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from conftest import write_site

from okrsite.cli import cli

#: as of early in the cycle: nothing is stale yet
TOML = 'title = "Acme"\nas_of = "2026-10-05"\ndefault_cycle = "2026-Q4"\n'
GERMAN_TOML = TOML + 'language = "de"\n'


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def findings(output: str) -> list[str]:
    """Each finding of ``okrsite check`` as ``file:line:column: level CODE``."""
    return [
        found.group(1)
        for line in output.splitlines()
        if (found := re.match(r"(\S+: (?:error|warning) OKR\d+):", line)) is not None
    ]


def export(site: Path) -> dict[str, Any]:
    code, output = run("export", "--site", str(site))
    assert code == 0, output
    data: dict[str, Any] = json.loads(output)
    return data


def key_results(site: Path, oid: str) -> list[dict[str, Any]]:
    (objective,) = [o for o in export(site)["objectives"] if o["id"] == oid]
    krs: list[dict[str, Any]] = objective["key_results"]
    return krs


def figures(kr: dict[str, Any]) -> tuple[Any, ...]:
    return (kr["kind"], kr["start"], kr["target"], kr["unit"])


# -- 1. one unit, singular and plural ---------------------------------------

ONBOARDING = """\
---
title: Faster onboarding
owner: Uma Diaz
key_results:
  - Cut onboarding time from 5 days to 1 day
  - Cut setup time from 10 hours to 1 hour
  - Cut review time from 3 weeks to 2 weeks
  - {title: Lead time, start: 5 days, target: 1 day}
  - Cut deploy time from 1 day to 4 hours
---
"""

HANDBOOK = """\
---
title: Faster first answer
owner: Uma Diaz
due: 2026-12-31
supports: onboard
measure: from 5 days to 1 day
---
Text.
"""


def onboarding_site(tmp_path: Path) -> Path:
    return write_site(
        tmp_path / "site",
        {
            "okrsite.toml": TOML,
            "content/objectives/onboard.md": ONBOARDING,
            "content/goals/handbook.md": HANDBOOK,
        },
    )


def test_a_singular_unit_on_the_target_side_is_the_same_unit(tmp_path: Path) -> None:
    """``from 5 days to 1 day`` was a title only (OKR402) and a goal's
    ``measure: from 5 days to 1 day`` was refused (OKR106), while ``{start:
    5 days, target: 1 day}`` was read in ``days``. The sentence reads the
    same now; ``from 1 day to 4 hours`` (two units) stays a title."""
    site = onboarding_site(tmp_path)
    code, output = run("check", "--site", str(site))
    assert code == 0, output
    # only the key result whose sides are two units has nothing to measure
    assert findings(output) == ["content/objectives/onboard.md:9:5: warning OKR402"], output
    assert [figures(kr) for kr in key_results(site, "onboard")] == [
        ("numeric", 5, 1, "days"),
        ("numeric", 10, 1, "hours"),
        ("numeric", 3, 2, "weeks"),
        ("numeric", 5, 1, "days"),  # as written with start: and target:
        ("rollup", None, None, None),
    ]


def test_a_goal_measured_from_5_days_to_1_day_takes_its_current_value(tmp_path: Path) -> None:
    site = onboarding_site(tmp_path)
    code, output = run("checkin", "handbook", "--value", "3", "--site", str(site))
    assert code == 0, output
    written = (site / "content/goals/handbook.md").read_text("utf-8")
    assert (
        "measure: {start: 5, target: 1, current: 3, unit: days}  # from 5 days to 1 day" in written
    )
    (goal,) = export(site)["goals"]
    assert goal["progress"] == 0.5
    assert goal["smart"]["M"] is True


# -- 2. "to … from …", arrows, German "von … auf …" -------------------------

ENGLISH = """\
---
title: Happier customers
owner: Uma Diaz
key_results:
  - Reduce churn to 2% from 3%
  - Increase NPS from 30 → 50
  - Increase NPS 30 -> 50
  - Cut response time 8 h ⟶ 2 h
  - NPS von 30 auf 50 steigern
  - Hire 3 engineers from 2 universities
---
"""

GERMAN = """\
---
title: Mehr Umsatz
owner: Uma Diaz
key_results:
  - Umsatz von 1,2 M€ auf 2 M€ steigern
  - NPS von 30 auf 50 steigern
  - Antwortzeit von 8 Stunden auf 2 Stunden senken
  - Abwanderung von 5 % auf 3 % senken
  - NPS von 30 bis 50 steigern
---
"""


def test_natural_sentences_give_start_target_and_unit(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {"okrsite.toml": TOML, "content/objectives/happy.md": ENGLISH},
    )
    code, output = run("check", "--site", str(site))
    assert code == 0, output
    assert findings(output) == [
        "content/objectives/happy.md:5:3: warning OKR401",
        "content/objectives/happy.md:10:5: warning OKR402",  # no "to": a title
    ], output
    krs = key_results(site, "happy")
    assert [figures(kr) for kr in krs] == [
        ("numeric", 3, 2, "%"),
        ("numeric", 30, 50, None),
        ("numeric", 30, 50, None),
        ("numeric", 8, 2, "h"),
        ("numeric", 30, 50, None),  # German is read in an English site too
        ("rollup", None, None, None),
    ]
    assert krs[0]["title"] == "Reduce churn to 2% from 3%"


def test_german_von_auf_sentences_on_a_german_site(tmp_path: Path) -> None:
    """``von … auf …`` is a change; ``von 30 bis 50`` is as often a range
    ("Teams von 5 bis 10 Personen") and stays a title."""
    site = write_site(
        tmp_path / "site",
        {"okrsite.toml": GERMAN_TOML, "content/objectives/umsatz.md": GERMAN},
    )
    code, output = run("check", "--site", str(site))
    assert code == 0, output
    assert findings(output) == ["content/objectives/umsatz.md:9:5: warning OKR402"], output
    assert [figures(kr) for kr in key_results(site, "umsatz")] == [
        ("numeric", 1_200_000, 2_000_000, "€"),
        ("numeric", 30, 50, None),  # "steigern" is the verb, no unit
        ("numeric", 8, 2, "Stunden"),
        ("numeric", 5, 3, "%"),
        ("rollup", None, None, None),
    ]


def test_german_units_of_time_read_in_the_plain_plural_and_1_in_the_singular(
    tmp_path: Path,
) -> None:
    """``von 5 Tagen auf 1 Tag`` names its unit in the dative a sentence needs:
    the figures read "5 Tage" and "1 Tag", not "5 Tagen" and "1 Tagen"."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": GERMAN_TOML,
            "content/objectives/onboarding.md": """
                ---
                title: Schneller startklar
                owner: Uma Diaz
                key_results:
                  - Einarbeitung von 5 Tagen auf 1 Tag verkürzen
                  - Freigabe von 3 Wochen auf 1 Woche verkürzen
                  - {title: Abnahme, start: 4 Stunden, target: 1 Stunde, current: 2 Stunden}
                ---
            """,
        },
    )
    assert [figures(kr) for kr in key_results(site, "onboarding")] == [
        ("numeric", 5, 1, "Tage"),
        ("numeric", 3, 1, "Wochen"),
        ("numeric", 4, 1, "Stunden"),
    ]
    code, output = run("build", "--site", str(site))
    assert code == 0, output
    page = (site / "_site/objectives/onboarding/index.html").read_text("utf-8")
    text = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    for shown in ("5 → – → 1 Tag ", "3 → – → 1 Woche ", "4 → 2 → 1 Stunde "):
        assert shown in text, shown
    assert not re.search(r"\b1 (Tagen|Tage|Wochen|Stunden)\b", text), text


def test_a_goal_measure_may_be_written_the_same_ways(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": GERMAN_TOML,
            "content/objectives/umsatz.md": GERMAN,
            "content/goals/nps.md": """
                ---
                title: NPS steigern
                owner: Uma Diaz
                due: 2026-12-31
                supports: umsatz
                measure: von 30 auf 50
                ---
            """,
            "content/goals/churn.md": """
                ---
                title: Less churn
                owner: Uma Diaz
                due: 2026-12-31
                supports: umsatz
                measure: to 2% from 4%
                ---
            """,
        },
    )
    code, output = run("check", "--site", str(site))
    assert code == 0, output
    assert "OKR106" not in output
    for goal, value in (("nps", "40"), ("churn", "3")):
        code, output = run("checkin", goal, "--value", value, "--site", str(site))
        assert code == 0, output
    assert "measure: {start: 30, target: 50, current: 40}" in (
        site / "content/goals/nps.md"
    ).read_text("utf-8")
    assert 'measure: {start: 4, target: 2, current: 3, unit: "%"}' in (
        site / "content/goals/churn.md"
    ).read_text("utf-8")
    assert {g["id"]: g["progress"] for g in export(site)["goals"]} == {"nps": 0.5, "churn": 0.5}


# -- 3. a ticked box ---------------------------------------------------------


def test_a_key_result_written_as_a_task_list_item_is_yes_no(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": TOML,
            "content/objectives/brand.md": """
                ---
                title: A new brand
                owner: Uma Diaz
                key_results:
                  - "[x] Launch new logo"
                  - "[ ] Launch new site"
                  - {title: Launch new logo, done: true}
                  - {title: Launch new site, done: false}
                ---
            """,
        },
    )
    code, output = run("check", "--site", str(site))
    assert code == 0, output
    assert findings(output) == [], output
    krs = key_results(site, "brand")
    assert [(kr["title"], kr["kind"], kr["current"], kr["progress"]) for kr in krs] == [
        ("Launch new logo", "boolean", 1, 1),
        ("Launch new site", "boolean", 0, 0),
        ("Launch new logo", "boolean", 1, 1),
        ("Launch new site", "boolean", 0, 0),
    ]
    # the same record as done: written out
    drop_id = [{k: v for k, v in kr.items() if k != "id"} for kr in krs]
    assert drop_id[0] == drop_id[2] and drop_id[1] == drop_id[3]


# -- 4. German traffic lights --------------------------------------------------


def kpi_site(tmp_path: Path, toml: str, thresholds: str) -> Path:
    return write_site(
        tmp_path / "site",
        {
            "okrsite.toml": toml,
            "content/kpis/revenue.md": f"""
                ---
                title: Umsatz
                thresholds: {thresholds}
                values: {{2026-10-01: 100.000 €}}
                ---
            """,
        },
    )


def test_thresholds_written_gruen_and_rot(tmp_path: Path) -> None:
    site = kpi_site(tmp_path, GERMAN_TOML, "{grün: 120.000 €, rot: 80.000 €}")
    code, output = run("check", "--site", str(site))
    assert code == 0, output
    assert findings(output) == [], output
    (kpi,) = export(site)["kpis"]
    assert kpi["thresholds"] == {"green": 120_000, "red": 80_000}
    assert (kpi["value"], kpi["unit"], kpi["health"]) == (100_000, "€", "warning")


def test_traffic_light_words_name_thresholds_in_any_language(tmp_path: Path) -> None:
    for n, (thresholds, expected) in enumerate(
        [
            ("{Gruen: 120000, Rot: 110000}", {"green": 120_000, "red": 110_000}),
            ("{Grün: 90000, gelb: 80000}", {"green": 90_000, "red": 80_000}),
            ("{green: 120000, red: 101000}", {"green": 120_000, "red": 101_000}),
        ]
    ):
        site = kpi_site(tmp_path / str(n), TOML, thresholds)
        code, output = run("check", "--site", str(site))
        assert code == 0 and findings(output) == [], output
        (kpi,) = export(site)["kpis"]
        assert kpi["thresholds"] == expected, thresholds
    assert [kpi_health(tmp_path, n) for n in range(3)] == ["critical", "healthy", "critical"]


def kpi_health(tmp_path: Path, n: int) -> str:
    (kpi,) = export(tmp_path / str(n) / "site")["kpis"]
    health: str = kpi["health"]
    return health


def test_a_threshold_written_twice_is_warned_of(tmp_path: Path) -> None:
    site = kpi_site(tmp_path, TOML, "{green: 120000, grün: 90000, red: 80000}")
    code, output = run("check", "--site", str(site))
    assert code == 0, output
    assert findings(output) == ["content/kpis/revenue.md:3:29: warning OKR111"], output
    assert "threshold 'grün' is ignored: 'green' gives the green threshold already" in output
    (kpi,) = export(site)["kpis"]
    assert kpi["thresholds"] == {"green": 120_000, "red": 80_000}


def test_a_kpi_with_only_a_red_threshold_lists_it_alone(tmp_path: Path) -> None:
    """The KPI page's thresholds read "; critical < 20" with a stray separator
    when only a red threshold was given."""
    for thresholds, shown in (
        ("{red: 80000}", "Thresholds critical < €80,000 Indicator"),
        ("{green: 120000}", "Thresholds healthy ≥ €120,000 Indicator"),
        ("{green: 120000, red: 80000}", "Thresholds healthy ≥ €120,000; critical < €80,000"),
    ):
        site = kpi_site(tmp_path / thresholds, TOML, thresholds)
        code, output = run("build", "--site", str(site))
        assert code == 0, output
        page = (site / "_site/kpis/revenue/index.html").read_text("utf-8")
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())
        assert shown in text, text


def test_a_kpi_without_a_target_says_nothing_of_a_target_line(tmp_path: Path) -> None:
    """The chart's caption promised "dashed line: target." for a KPI with no
    target, where no such line is drawn."""
    site = kpi_site(tmp_path, TOML, "{green: 120000, red: 80000}")
    code, output = run("build", "--site", str(site))
    assert code == 0, output
    page = (site / "_site/kpis/revenue/index.html").read_text("utf-8")
    assert "dashed line" not in page
    assert "stroke-dasharray" not in page.split("<figcaption>")[0].rsplit("<svg", 1)[-1]
