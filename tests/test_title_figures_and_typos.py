"""Four slips of goals written by hand, from a user audit: a key result's
title figures lost beside ``current:``, a title's start left silent beside
``target:`` (OKR409), a typo of a check-in's own key listed against the key
results, and a KPI month written as Excel's mmm-yy sent to a day."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conftest import run_cli

MakeSite = Callable[[dict[str, str | bytes]], Path]
TOML = 'title = "T"\nas_of = 2026-12-04\ndefault_cycle = "2026-Q4"\n'


def _objective(*key_results: str) -> str:
    lines = "".join(f"  - {kr}\n" for kr in key_results)
    return f"---\ntitle: Ship more often\nowner: alex\nkey_results:\n{lines}---\n"


def _check(site: Path) -> list[str]:
    _code, output = run_cli("check", "--site", str(site))
    # no check-in yet is OKR404, beside the point here
    return [
        line
        for line in output.splitlines()
        if not line.startswith("okrsite:") and " OKR404: " not in line
    ]


def _key_results(site: Path) -> list[dict[str, object]]:
    code, output = run_cli("export", "--site", str(site))
    assert code == 0, output
    (objective,) = json.loads(output)["objectives"]
    fields = ("kind", "start", "target", "current", "unit", "progress")
    return [{k: kr[k] for k in fields} for kr in objective["key_results"]]


def test_current_beside_a_title_keeps_the_titles_figures(make_site: MakeSite) -> None:
    """``current:`` is where the key result stands, not a way of measuring it:
    the title still gives the start and target (it read as a roll-up, OKR402)."""
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/objectives/platform/ship.md": _objective(
                "{title: Deploys from 10 to 40, current: 22}",
                "{title: Cut lead time from 8 h to 2 h, current: 5 h}",
            ),
        }
    )
    assert _check(site) == []
    assert _key_results(site) == [
        {
            "kind": "numeric",
            "start": 10,
            "target": 40,
            "current": 22,
            "unit": None,
            "progress": 0.4,
        },
        {"kind": "numeric", "start": 8, "target": 2, "current": 5, "unit": "h", "progress": 0.5},
    ]


def test_a_title_whose_start_the_figures_leave_out_is_warned_of(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/objectives/platform/ship.md": _objective(
                "{title: Releases from 10 to 40, target: 40, current: 22}",
                "{title: Builds from 10 to 40, target: 50%}",
                "{title: Tests from 10 to 40, start: 5, target: 40}",
            ),
        }
    )
    assert _check(site) == [
        "content/objectives/platform/ship.md:5:13: warning OKR409: key result 'kr1' has no "
        "start:, so it counts from 0 to 40, but its title says from 10 to 40 "
        "(hint: write start: 10, or fix the title)",
        "content/objectives/platform/ship.md:6:13: warning OKR409: key result 'kr2' has no "
        "start:, so it counts from 0% to 50%, but its title says from 10 to 40 "
        "(hint: write start: 10 and target: 40, or fix the title)",
        "content/objectives/platform/ship.md:7:41: warning OKR409: key result 'kr3' counts "
        "from 5 to 40, but its title says from 10 to 40 (hint: write start: 10, or fix the title)",
    ]
    # the figures written still count: the warning says so, it changes nothing
    assert _key_results(site)[0]["progress"] == 0.55


def test_figures_that_agree_with_the_title_are_no_warning(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/objectives/platform/ship.md": _objective(
                "{title: Deploys from 10 to 40, start: 10, target: 40}",
                '{title: Raise CSAT from 82% to 90%, start: 82, target: 90%, unit: "%"}',
                "{title: Cut first response time from 8 to 2 hours, start: 8, target: 2, unit: h}",
                "{title: Grow from 0 to 40 customers, target: 40}",
                # another unit than the title's: okrsite converts nothing, says nothing
                "{title: Cut p95 from 800 ms to 200 ms, target: 0.2, unit: s}",
            ),
        }
    )
    assert _check(site) == []


def test_a_typo_of_a_checkin_key_says_which_key_it_meant(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/objectives/platform/reliability.md": _objective(
                "{id: uptime, title: Uptime from 99 to 99.9, start: 99, target: 99.9}",
                "{id: deploys, title: Deploys from 10 to 40, start: 10, target: 40}",
            ),
            "content/checkins/platform/reliability/2026-12-01.md": (
                "---\nobjective: platform/reliability\nautor: Uma Diaz\nconfidance: 4\n"
                "vaules: {deploys: 22}\nsprint: week 12\n---\n"
            ),
        }
    )
    where = "content/checkins/platform/reliability/2026-12-01.md"
    assert _check(site) == [
        f"{where}:3:1: warning OKR111: unknown key 'autor' in a checkin is ignored "
        "(hint: did you mean 'author'?)",
        f"{where}:4:1: warning OKR111: unknown key 'confidance' in a checkin is ignored "
        "(hint: did you mean 'confidence'?)",
        f"{where}:5:1: warning OKR111: unknown key 'vaules' in a checkin is ignored "
        "(hint: did you mean 'values'?)",
        f"{where}:6:1: warning OKR111: unknown key 'sprint' in a checkin is ignored: objective "
        "'platform/reliability' has no key result 'sprint' "
        "(hint: its key results are: uptime, deploys)",
    ]


def test_a_month_with_a_two_digit_year_is_told_to_write_the_year(make_site: MakeSite) -> None:
    """Excel's mmm-yy (``Nov-26``) is a month of 2026, not November 26th; a
    check-in's ``date: Nov 26`` is a day and keeps the day's hint."""
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/kpis/deploys.md": (
                "---\ntitle: Deploys\nowner: alex\ntarget: 45\n"
                "values: {Nov-26: 40, Sep 26: 38}\n---\n"
            ),
            "content/checkins/deploys/x.md": "---\nkpi: deploys\ndate: Nov 26\nvalue: 30\n---\n",
        }
    )
    assert _check(site) == [
        "content/checkins/deploys/x.md:3:7: error OKR104: date must be a real date like "
        "2026-02-10, got 'Nov 26' (hint: write the year too, e.g. 2026-11-26 or 26 November 2026)",
        "content/kpis/deploys.md:5:10: error OKR104: date Nov-26 must be a real date like "
        "2026-02-10, got 'Nov-26' (hint: Nov-26 reads like a month with a two-digit year: "
        "write Nov 2026 or 2026-11; for a day, 2026-11-26)",
        "content/kpis/deploys.md:5:22: error OKR104: date Sep 26 must be a real date like "
        "2026-02-10, got 'Sep 26' (hint: Sep 26 reads like a month with a two-digit year: "
        "write Sep 2026 or 2026-09; for a day, 2026-09-26)",
    ]
