"""A key result's sentence that says its money's magnitude once, after the
last figure (``from 1.2 to 1.5 M EUR``), and OKR409 on a title that writes
whole money beside a key result counted in a magnitude of it (``from $1M to
$2M`` beside ``unit: $M``), from a user audit."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conftest import run_cli

MakeSite = Callable[[dict[str, str | bytes]], Path]
TOML = 'title = "T"\nas_of = 2026-12-04\ndefault_cycle = "2026-Q4"\n'


def _objective(*key_results: str, cycle: str = "2026-Q4") -> str:
    lines = "".join(f"  - {kr}\n" for kr in key_results)
    return f"---\ntitle: Revenue\ncycle: {cycle}\nowner: alex\nkey_results:\n{lines}---\n"


def _check(site: Path) -> list[str]:
    _code, output = run_cli("check", "--site", str(site))
    return [
        line
        for line in output.splitlines()
        if not line.startswith("okrsite:") and " OKR404: " not in line
    ]


def _figures(site: Path) -> list[tuple[object, ...]]:
    code, output = run_cli("export", "--site", str(site))
    assert code == 0, output
    objectives = json.loads(output)["objectives"]
    return [
        (kr["start"], kr["target"], kr["unit"])
        for objective in objectives
        for kr in objective["key_results"]
    ]


def test_a_magnitude_after_the_last_figure_is_the_bare_starts_too(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/objectives/company/rev.md": _objective(
                "Grow revenue from 1.2 to 1.5 M EUR",
                "Grow revenue from €1.2M to €1.5M",
                "Grow users from 1.2 to 1.5 million users",
                "Grow ARR from 2 to $3M",
                # not plausible: 500 M is 333 times 1.5 M, 500 stays 500
                "Grow users from 500 to 1.5M users",
            ),
        }
    )
    assert _figures(site) == [
        (1200000, 1500000, "EUR"),
        (1200000, 1500000, "€"),
        (1200000, 1500000, "users"),
        (2000000, 3000000, "$"),
        (500, 1500000, "users"),
    ]


def test_a_title_in_whole_money_is_compared_in_the_key_results_unit(
    make_site: MakeSite,
) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/objectives/company/rev.md": _objective(
                "{id: c, title: Grow revenue from 1.2 to 1.5 M EUR, target: 1.5, unit: M EUR}",
                "{id: d, title: Grow ARR from $1M to $2M, target: 2, unit: $M}",
                "{id: e, title: Grow MRR from €180k to €250k, target: 250, unit: k€}",
                # agree once counted in the unit: nothing to say
                "{id: f, title: Grow ARR from $1M to $2M, start: 1, target: 2, unit: $M}",
                "{id: g, title: Grow MRR from €180k to €250k, start: 180, target: 250, unit: k€}",
            ),
        }
    )
    path = "content/objectives/company/rev.md"
    assert _check(site) == [
        f"{path}:6:20: warning OKR409: key result 'c' has no start:, so it counts from "
        "0 M EUR to 1.5 M EUR, but its title says from 1.2 M EUR to 1.5 M EUR "
        "(hint: write start: 1.2, or fix the title)",
        f"{path}:7:20: warning OKR409: key result 'd' has no start:, so it counts from "
        "0 $M to 2 $M, but its title says from 1 $M to 2 $M "
        "(hint: write start: 1, or fix the title)",
        f"{path}:8:20: warning OKR409: key result 'e' has no start:, so it counts from "
        "0 k€ to 250 k€, but its title says from 180 k€ to 250 k€ "
        "(hint: write start: 180, or fix the title)",
    ]


def test_another_currency_is_not_converted(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/objectives/company/rev.md": _objective(
                "{id: d, title: Grow ARR from €1M to €2M, target: 2, unit: $M}",
                "{id: e, title: Grow MRR from 180 to 250 k EUR, target: 250, unit: k$}",
            ),
        }
    )
    assert _check(site) == []


def test_carry_rewrites_such_titles_to_the_carried_start(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": 'title = "T"\nas_of = 2026-10-05\n',
            "content/objectives/company/rev.md": _objective(
                "{id: revenue, title: Grow revenue from 1.2 to 1.5 M EUR, "
                "start: 1.2, target: 1.5, current: 1.3, unit: M EUR}",
                "{id: arr, title: Grow ARR from $1M to $2M, "
                "start: 1, target: 2, current: 1.4, unit: $M}",
                cycle="2026-Q3",
            ),
        }
    )
    code, output = run_cli("carry", "2026-Q3", "2026-Q4", "--site", str(site))
    assert code == 0, output
    carried = (site / "content/objectives/company/rev-2026-q4.md").read_text(encoding="utf-8")
    assert "title: Grow ARR from $1.4M to $2M\n" in carried
    # the start the title says is the carried one: check finds nothing to say
    assert [line for line in _check(site) if "OKR409" in line] == []
    assert _figures(site)[2:] == [(1.3, 1.5, "M EUR"), (1.4, 2, "$M")]
