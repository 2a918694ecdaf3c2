"""Figures YAML splits at a comma inside ``{…}`` that also hold a point.

``{target: 1,234.5}`` is, to YAML, ``target: 1`` and a stray key ``234.5``;
``{target: € 1.200,50}`` is ``"€ 1.200"`` and a key ``50``. These were read
as 1 and 1200 with at most a warning about an unknown key (a key result
shown done); each is an error (OKR102) on its line now, whose hint quotes
the figure as it was typed, and the quoted figure reads as meant.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from okrsite.cli import cli

AS_OF = "2026-11-20"

MakeSite = Callable[[dict[str, str | bytes]], Path]


def _run(site: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [*args, "--site", str(site), "--as-of", AS_OF])
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.output


def _objective(targets: list[str]) -> str:
    lines = "\n".join(
        f"  - {{id: k{i}, title: K{i}, start: 0, target: {t}, current: 600}}"
        for i, t in enumerate(targets)
    )
    return f"---\ntitle: Revenue\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n{lines}\n---\n"


def _problems(output: str) -> list[str]:
    return [ln for ln in output.splitlines() if ": error " in ln or ": warning OKR1" in ln]


def test_a_grouped_figure_with_decimals_split_inside_braces_is_an_error_quoting_it(
    make_site: MakeSite,
) -> None:
    site = make_site(
        {
            "okrsite.toml": 'title = "Split"\n',
            "content/objectives/o.md": _objective(
                ["1,234.5", "$1,200.50", "€ 1.200,50", "1.200,50 €", "1,234,567.89"]
            ),
        }
    )
    code, output = _run(site, "check")
    assert code == 1
    tail = "inside {…} a comma separates the entries (hint: put it in quotes: "
    assert _problems(output) == [
        f"content/objectives/o.md:6:43: error OKR102: target: 1,234.5 is read as 1 and a "
        f'key 234.5: {tail}"1,234.5")',
        f"content/objectives/o.md:7:43: error OKR102: target: $1,200.50 is read as $1 and "
        f'a key 200.5: {tail}"$1,200.50")',
        f"content/objectives/o.md:8:43: error OKR102: target: € 1.200,50 is read as "
        f'€ 1.200 and a key 50: {tail}"€ 1.200,50")',
        f"content/objectives/o.md:9:43: error OKR102: target: 1.200,50 € is read as 1.2 "
        f'and a key 50 €: {tail}"1.200,50 €")',
        f"content/objectives/o.md:10:43: error OKR102: target: 1,234,567.89 is read as 1 "
        f'and the keys 234 and 567.89: {tail}"1,234,567.89")',
    ]
    code, output = _run(site, "export")
    assert code == 1  # refused, not exported with a target of 1


def test_the_figure_quoted_as_the_hint_says_reads_as_typed(make_site: MakeSite) -> None:
    figures = ["1,234.5", "$1,200.50", "€ 1.200,50", "1.200,50 €", "1,234,567.89"]
    site = make_site(
        {
            "okrsite.toml": 'title = "Split"\n',
            "content/objectives/o.md": _objective([f'"{f}"' for f in figures]),
        }
    )
    code, output = _run(site, "check")
    assert code == 0, output
    assert "OKR102" not in output and "OKR111" not in output
    code, output = _run(site, "build")
    assert code == 0, output
    portfolio = json.loads((site / "_site" / "api" / "portfolio.json").read_text("utf-8"))
    (objective,) = portfolio["objectives"]
    read = {kr["id"]: (kr["target"], kr.get("unit")) for kr in objective["key_results"]}
    assert read == {
        "k0": (1234.5, None),
        "k1": (1200.5, "$"),
        "k2": (1200.5, "€"),
        "k3": (1200.5, "€"),
        "k4": (1234567.89, None),
    }


def test_a_check_in_and_a_kpi_reading_say_the_figure_was_split(make_site: MakeSite) -> None:
    """Not "value of 234.5 must be a number, got nothing" nor "date 234.5
    must be a real date": the stray key is the figure's decimals."""
    site = make_site(
        {
            "okrsite.toml": 'title = "Split"\n',
            "content/objectives/o.md": _objective(["2000"]),
            "content/checkins/c.md": (
                "---\nobjective: o\ndate: 2026-11-10\nvalues: {k0: 1,234.5}\n---\n"
            ),
            "content/kpis/a.md": (
                "---\ntitle: A\nowner: Uma Diaz\ntarget: 2000\n"
                "values: {2026-10-01: 1.234,50 €}\n---\n"
            ),
            "content/kpis/b.md": (
                "---\ntitle: B\nowner: Uma Diaz\ntarget: 2000\nvalues:\n"
                "  - {date: 2026-10-01, value: $1,234.50}\n---\n"
            ),
        }
    )
    code, output = _run(site, "check")
    assert code == 1
    tail = "inside {…} a comma separates the entries (hint: put it in quotes: "
    assert _problems(output) == [
        f"content/checkins/c.md:4:14: error OKR102: k0: 1,234.5 is read as 1 and a key "
        f'234.5: {tail}"1,234.5")',
        f"content/kpis/a.md:5:22: error OKR102: 2026-10-01: 1.234,50 € is read as 1.234 "
        f'and a key 50 €: {tail}"1.234,50 €")',
        f"content/kpis/b.md:6:31: error OKR102: value: $1,234.50 is read as $1 and a key "
        f'234.5: {tail}"$1,234.50")',
    ]


def test_a_german_figure_split_in_a_german_site_quotes_it_as_typed(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": 'title = "Umsatz"\nlanguage = "de"\n',
            "content/objectives/o.md": _objective(["1.200,50 €"]),
        }
    )
    code, output = _run(site, "check")
    assert code == 1
    assert _problems(output) == [
        "content/objectives/o.md:6:43: error OKR102: target: 1.200,50 € is read as 1.2 and a "
        "key 50 €: inside {…} a comma separates the entries (hint: put it in quotes: "
        '"1.200,50 €")'
    ]
    (site / "content/objectives/o.md").write_text(_objective(['"1.200,50 €"']), "utf-8")
    code, output = _run(site, "check")
    assert code == 0, output
    code, output = _run(site, "export")
    assert code == 0
    (objective,) = json.loads(output)["objectives"]
    ((target, unit),) = [(kr["target"], kr["unit"]) for kr in objective["key_results"]]
    assert (target, unit) == (1200.5, "€")
