"""French input (audit 44, i18nfr findings 3, 4 and 6).

- Two decimal-comma figures with the same decimals in one ``{…}``
  (``{target: 7,5, current: 2,5}``) made YAML's key ``5`` twice: OKR007
  "key '5' is written twice" (a key the writer never wrote, with no
  column) and no OKR102 for the second figure. Each figure now gets its
  own OKR102 with what to write, and no OKR007, whichever reader reads it.
- ``{a: 1 500,25}`` (thousands grouped by a space, a no-break or a narrow
  no-break space) was "value of 25 must be a number, got nothing"; it gets
  the explanation and hint ``7,5`` gets.
- ``cycle: T4 2026`` and ``S2 2026`` (trimestre, semestre) were unknown
  cycles in goal files and ``okrsite import``; they are ``2026-Q4`` and
  ``2026-H2``, and a cycle ``okrsite.toml`` names ``S1 2026`` still wins.

Each case builds a site from files and runs the CLI.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from okrsite.cli import cli

AS_OF = "2026-12-05"

MakeSite = Callable[[dict[str, str | bytes]], Path]


def _run(site: Path, *args: str) -> tuple[int, str]:
    dated = ["--as-of", AS_OF] if args[0] != "import" else []
    result = CliRunner().invoke(cli, [*args, "--site", str(site), *dated])
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.output


def _errors(output: str) -> list[str]:
    return [ln for ln in output.splitlines() if ": error " in ln]


OBJECTIVE = """\
---
title: Valeurs
cycle: 2026-Q4
owner: Uma Diaz{extra}
key_results:
  - {{id: c, title: C, start: 0, target: 2,5 M€, current: 1,5 M€}}
  - {{id: e, title: E, start: 0, target: 7,5, current: 2,5}}
---
"""

TWO_KRS = """\
---
title: Deux
cycle: 2026-Q4
owner: Uma Diaz
key_results:
  - {id: a, title: A, start: 0, target: 2000, current: 5}
  - {id: b, title: B, start: 0, target: 2000, current: 5}
---
"""

SAME_DECIMALS = [
    "content/objectives/o3.md:6:41: error OKR102: target: 2,5 M€ is read as 2 and a key 5 M€: "
    "inside {…} a comma separates the entries (hint: write 2.5 M€, or put it in quotes: "
    '"2,5 M€")',
    "content/objectives/o3.md:6:58: error OKR102: current: 1,5 M€ is read as 1 and a key 5 M€: "
    "inside {…} a comma separates the entries (hint: write 1.5 M€, or put it in quotes: "
    '"1,5 M€")',
    "content/objectives/o3.md:7:41: error OKR102: target: 7,5 is read as 7 and a key 5: "
    'inside {…} a comma separates the entries (hint: write 7.5, or put it in quotes: "7,5")',
    "content/objectives/o3.md:7:55: error OKR102: current: 2,5 is read as 2 and a key 5: "
    'inside {…} a comma separates the entries (hint: write 2.5, or put it in quotes: "2,5")',
]


def test_each_figure_with_the_same_decimals_gets_its_own_error_and_no_key_twice(
    make_site: MakeSite,
) -> None:
    site = make_site(
        {
            "okrsite.toml": 'title = "Acme"\nlanguage = "fr"\n',
            "content/objectives/o3.md": OBJECTIVE.format(extra=""),
            "content/objectives/o2.md": TWO_KRS,
            "content/checkins/c.md": (
                "---\nobjective: o2\ndate: 2026-12-03\nvalues: {a: 7,5, b: 2,5}\n---\n"
            ),
            "content/kpis/k.md": (
                "---\ntitle: K\nowner: Uma Diaz\ntarget: 20\n"
                "values: {2026-10-01: 7,5, 2026-11-01: 2,5}\n---\n"
            ),
        }
    )
    code, output = _run(site, "check")
    assert code == 1
    assert "OKR007" not in output

    def hint(write: str, quoted: str) -> str:
        return (
            "inside {…} a comma separates the entries "
            f'(hint: write {write}, or put it in quotes: "{quoted}")'
        )

    assert _errors(output) == [
        "content/checkins/c.md:4:13: error OKR102: a: 7,5 is read as 7 and a key 5: "
        + hint("7.5", "7,5"),
        "content/checkins/c.md:4:21: error OKR102: b: 2,5 is read as 2 and a key 5: "
        + hint("2.5", "2,5"),
        "content/kpis/k.md:5:22: error OKR102: 2026-10-01: 7,5 is read as 7 and a key 5: "
        + hint("7.5", "7,5"),
        "content/kpis/k.md:5:39: error OKR102: 2026-11-01: 2,5 is read as 2 and a key 5: "
        + hint("2.5", "2,5"),
        *SAME_DECIMALS,
    ]
    code, _ = _run(site, "build", "--out", str(site / "out"))
    assert code == 1


def test_the_same_errors_whichever_reader_reads_the_file(make_site: MakeSite) -> None:
    """PyYAML's quick construction, its own constructor (a merge key sends
    the file there) and the reading on despite a key truly written twice
    report the split figures alike: one OKR102 each, OKR007 only for the
    key the writer wrote twice."""
    variants = {
        "plain": "",
        "merge": "\nlinks: {<<: {a: 1}}",
        "twice": "\nowner: Uma Diaz",
    }
    seen = {}
    for name, extra in variants.items():
        site = make_site(
            {
                "okrsite.toml": 'title = "Acme"\n',
                f"{name}/content/objectives/o3.md": OBJECTIVE.format(extra=extra),
            }
        )
        code, output = _run(site / name, "check")
        assert code == 1
        seen[name] = [ln for ln in _errors(output) if "OKR102" in ln]
        twice = [ln for ln in _errors(output) if "OKR007" in ln]
        assert twice == (
            [
                "content/objectives/o3.md:5: error OKR007: key 'owner' is written twice, on lines "
                "4 and 5 (hint: keep one of them: YAML does not allow a key twice in one mapping)"
            ]
            if name == "twice"
            else []
        ), output
    shift = [
        re.sub(r"o3\.md:(\d+):", lambda m: f"o3.md:{int(m[1]) + 1}:", ln) for ln in SAME_DECIMALS
    ]
    assert seen["plain"] == SAME_DECIMALS
    assert seen["merge"] == seen["twice"] == shift


def test_a_figure_grouped_by_spaces_split_inside_braces_says_what_to_write(
    make_site: MakeSite,
) -> None:
    site = make_site(
        {
            "okrsite.toml": 'title = "Acme"\nlanguage = "fr"\n',
            "content/objectives/o2.md": TWO_KRS,
            "content/checkins/c1.md": (
                "---\nobjective: o2\ndate: 2026-12-02\nvalues: {a: 1 500,25, b: 1\u202f800,5}\n---\n"
            ),
            "content/kpis/k.md": (
                "---\ntitle: K\nowner: Uma Diaz\ntarget: 2000\n"
                "values: {2026-10-01: 1\u00a0250,75}\n---\n"
            ),
        }
    )
    code, output = _run(site, "check")
    assert code == 1
    assert "got nothing" not in output
    assert _errors(output) == [
        "content/checkins/c1.md:4:13: error OKR102: a: 1 500,25 is read as 1 500 and a key 25: "
        "inside {…} a comma separates the entries (hint: write 1500.25, or put it in quotes: "
        '"1 500,25")',
        "content/checkins/c1.md:4:26: error OKR102: b: 1\\u202f800,5 is read as 1\\u202f800 and "
        "a key 5: inside {…} a comma separates the entries (hint: write 1800.5, or put it in "
        'quotes: "1\\u202f800,5")',
        "content/kpis/k.md:5:22: error OKR102: 2026-10-01: 1\\xa0250,75 is read as 1\\xa0250 and "
        "a key 75: inside {…} a comma separates the entries (hint: write 1250.75, or put it in "
        'quotes: "1\\xa0250,75")',
    ]
    # written as the hint says, each reads as typed
    (site / "content/checkins/c1.md").write_text(
        '---\nobjective: o2\ndate: 2026-12-02\nvalues: {a: 1500.25, b: "1\u202f800,5"}\n---\n',
        "utf-8",
    )
    (site / "content/kpis/k.md").unlink()
    code, output = _run(site, "export")
    assert code == 0, output
    (objective,) = json.loads(output)["objectives"]
    assert [kr["current"] for kr in objective["key_results"]] == [1500.25, 1800.5]


def _goal_file(cycle: str) -> str:
    return (
        f"---\ntitle: Croître {cycle}\ncycle: {cycle}\nowner: Uma Diaz\nkey_results:\n"
        "  - {id: a, title: Clients, start: 0, target: 10, current: 5}\n"
        "  - {id: b, title: Marge, start: 0, target: 10, current: 5}\n---\n"
    )


def test_french_quarters_and_halves_are_cycles_everywhere_a_cycle_is_read(
    make_site: MakeSite,
) -> None:
    site = make_site(
        {
            "okrsite.toml": (
                'title = "Acme"\nlanguage = "fr"\n\n'
                '[cycles."S1 2026"]\nstart = 2026-01-05\nend = 2026-01-18\n'
            ),
            "content/objectives/t4.md": _goal_file("T4 2026"),
            "content/objectives/s2.md": _goal_file("S2 2026"),
            "content/objectives/t3.md": _goal_file("2026 t3"),
            "content/objectives/sprint.md": _goal_file("S1 2026"),
            "content/goals/g.md": (
                "---\ntype: goal\ntitle: G\nowner: Uma Diaz\ndue: T4 2026\n"
                "measure: {start: 8, target: 20, current: 13}\n---\n"
            ),
            "content/goals/g2.md": (
                "---\ntype: goal\ntitle: G2\nowner: Uma Diaz\ndue: S1 2026\n"
                "measure: {start: 8, target: 20, current: 13}\n---\n"
            ),
            "okrs.csv": (
                "Objective;Key result;Owner;Quarter;Start;Target;Current\n"
                "Croître en France;Clients;Uma Diaz;T4 2026;0;10;5\n"
                "Marge;Marge brute;Uma Diaz;S2 26;0;10;5\n"
            ),
        }
    )
    code, output = _run(site, "check")
    assert code == 0, output
    assert "OKR302" not in output
    code, output = _run(site, "export")
    assert code == 0, output
    exported = json.loads(output)
    cycles = {o["id"]: o["cycle"] for o in exported["objectives"]}
    assert cycles == {"t4": "2026-Q4", "s2": "2026-H2", "t3": "2026-Q3", "sprint": "S1 2026"}
    # due on the last day of the quarter; the sprint okrsite.toml names S1 2026 wins
    assert {g["id"]: g["due"] for g in exported["goals"]} == {"g": "2026-12-31", "g2": "2026-01-18"}
    code, output = _run(site, "import", str(site / "okrs.csv"), "--dry-run")
    assert code == 0, output
    assert "IMP108" not in output
    assert "cycle: 2026-Q4" in output and "cycle: 2026-H2" in output
    code, output = _run(site, "build", "--out", str(site / "out"))
    assert code == 0, output
    assert (site / "out" / "cycles" / "2026-Q4" / "index.html").is_file()
    assert (site / "out" / "cycles" / "2026-H2" / "index.html").is_file()


def test_a_french_quarter_without_its_year_asks_for_it(make_site: MakeSite) -> None:
    site = make_site(
        {"okrsite.toml": 'title = "Acme"\n', "content/objectives/o.md": _goal_file("T4")}
    )
    code, output = _run(site, "check")
    assert code == 1
    assert (
        "content/objectives/o.md:3:8: error OKR302: unknown cycle 'T4' (hint: a quarter or half "
        "needs its year: write it like 2026-Q4)"
    ) in output
