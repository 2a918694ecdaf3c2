"""``okrsite checkin`` figures typed on the command line, read as the site's files read them.

- ``--set``/``--value`` figures follow the site's ``language``: on a German
  site ``1.234`` is 1234 and ``131.500`` is 131500 (a point groups
  thousands), ``2,5`` is 2.5, each written plainly (``1234``) so the file
  reads back the same; an English site reads ``1,234`` as 1234 and ``1.5``
  as 1.5, as before; where the language does not tell (French writes a
  decimal comma and groups with spaces) ``1.234`` is refused with both
  readings, and an English ``1.500`` gets the file reader's warning OKR124;
- confidence as a score out of a scale (``8 of 10``, ``4/5``, ``3 out of
  5``) is read on the 0-10 scale, in check-in files and for ``--confidence``;
- ``--value`` for an objective says to use ``--set``, as ``--set`` for a KPI
  says to use ``--value``;
- an objective and a KPI of one id: ``--set`` is the objective's check-in,
  ``--value`` the KPI's, anything else is refused naming both.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from okrsite import authoring_cli
from okrsite.cli import cli

UMSATZ = """---
title: Umsatz steigern
owner: Jürgen Weiß
key_results:
  - {id: kunden, title: Neukunden, target: 2500, unit: Kunden}
  - {id: marge, title: Marge, start: 0, target: 10}
---
"""
MONATSUMSATZ = """---
title: Monatsumsatz
unit: €
target: 150.000 €
values: {2026-10: 125.000 €}
---
"""
HANDBUCH = """---
title: Handbuch schreiben
owner: Jürgen Weiß
measure: {start: 0, target: 2000, unit: Seiten}
due: 2026-12-31
---
"""
UMSATZ_KPI = """---
title: Umsatz (KPI)
unit: €
target: 200000
---
"""


def make_site(root: Path, language: str, files: dict[str, str] | None = None) -> Path:
    (root / "content/objectives").mkdir(parents=True)
    (root / "content/kpis").mkdir(parents=True)
    (root / "okrsite.toml").write_text(
        f'language = "{language}"\nas_of = "2026-11-20"\ndefault_cycle = "2026-Q4"\n',
        encoding="utf-8",
    )
    (root / "content/objectives/umsatz.md").write_text(UMSATZ, encoding="utf-8")
    (root / "content/kpis/monatsumsatz.md").write_text(MONATSUMSATZ, encoding="utf-8")
    for rel, text in (files or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def okrsite(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result


def checkin(site: Path, *args: str) -> Result:
    return okrsite("checkin", *args, "--date", "2026-11-19", "--site", str(site))


def checked(site: Path) -> dict[str, Any]:
    """The site as ``okrsite check`` and ``okrsite export`` read it: no errors,
    and the scored portfolio."""
    check = okrsite("check", "--site", str(site))
    assert check.exit_code == 0, check.output
    export = okrsite("export", "--site", str(site))
    assert export.exit_code == 0, export.output
    return dict(json.loads(export.stdout))


def current(portfolio: dict[str, Any], objective: str, kr: str) -> Any:
    obj = next(o for o in portfolio["objectives"] if o["id"] == objective)
    return next(k for k in obj["key_results"] if k["id"] == kr)["current"]


def kpi_value(portfolio: dict[str, Any], kpi: str) -> Any:
    return next(k for k in portfolio["kpis"] if k["id"] == kpi)["value"]


def confidence(portfolio: dict[str, Any], objective: str) -> Any:
    return next(o for o in portfolio["objectives"] if o["id"] == objective)["confidence"]


def text(site: Path, rel: str) -> str:
    return (site / "content/checkins" / rel).read_text(encoding="utf-8")


def files(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()
    }


# ------------------------------------------------------------ 1. numbers by language
def test_a_german_site_reads_typed_figures_as_german_files_do(tmp_path: Path) -> None:
    site = make_site(tmp_path / "de", "de", {"content/goals/handbuch.md": HANDBUCH})
    result = checkin(site, "umsatz", "--set", "kunden=1.234", "--set", "marge=2,5")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert text(site, "umsatz/2026-11-19.md") == (
        "---\nobjective: umsatz\ndate: 2026-11-19\nvalues: {kunden: 1234, marge: 2.5}\n---\n"
    )
    result = checkin(site, "monatsumsatz", "--value", "131.500")
    assert result.exit_code == 0, result.output
    assert text(site, "monatsumsatz/2026-11-19.md") == (
        "---\nkpi: monatsumsatz\ndate: 2026-11-19\nvalue: 131500\n---\n"
    )
    # a goal's current value, a figure with a unit, several groups: the same rules
    result = okrsite("checkin", "handbuch", "--value", "1.200", "--site", str(site))
    assert result.exit_code == 0, result.output
    goal_file = (site / "content/goals/handbuch.md").read_text(encoding="utf-8")
    assert "measure: {current: 1200, start: 0, target: 2000, unit: Seiten}" in goal_file
    result = checkin(site, "umsatz", "--set", "kunden=1.500 Kunden")
    assert result.exit_code == 0, result.output
    # written as the number read, in the key result's unit (audit 48)
    assert "values: {kunden: 1500}\n" in text(site, "umsatz/2026-11-19-2.md")
    portfolio = checked(site)
    assert current(portfolio, "umsatz", "kunden") == 1500
    assert current(portfolio, "umsatz", "marge") == 2.5
    assert kpi_value(portfolio, "monatsumsatz") == 131500
    (goal,) = portfolio["goals"]
    assert goal["progress"] == 0.6  # 1200 of 2000 pages


def test_an_english_site_reads_them_as_before(tmp_path: Path) -> None:
    site = make_site(tmp_path / "en", "en")
    result = checkin(site, "umsatz", "--set", "kunden=1,234", "--set", "marge=1.5")
    assert result.exit_code == 0, result.output
    assert "values: {kunden: 1234, marge: 1.5}\n" in text(site, "umsatz/2026-11-19.md")
    # a point before three digits ending in zero: 131.5, with the warning a file's gets
    result = checkin(site, "monatsumsatz", "--value", "131.500")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "--value 131.500: warning OKR124: 131.500 is read as 131.5; with a point that groups "
        "thousands it is 131500 (hint: write 131.5 or 131500, whichever you mean)\n"
    )
    assert "value: 131.5\n" in text(site, "monatsumsatz/2026-11-19.md")
    portfolio = checked(site)
    assert current(portfolio, "umsatz", "kunden") == 1234
    assert current(portfolio, "umsatz", "marge") == 1.5
    assert kpi_value(portfolio, "monatsumsatz") == 131.5


def test_a_point_the_language_does_not_read_is_refused_with_both_readings(
    tmp_path: Path,
) -> None:
    site = make_site(tmp_path / "fr", "fr")
    before = files(site)
    result = checkin(site, "umsatz", "--set", "kunden=1.234")
    assert result.exit_code == 2, result.output
    assert result.stderr.endswith(
        "Error: --set kunden=1.234: 1.234 is 1234 where a point groups thousands and 1.234 "
        "where it marks decimals, and the site's language ('fr') does not tell which; "
        "write 1234 for the whole number or 1,234 for the decimal\n"
    )
    result = checkin(site, "monatsumsatz", "--value", "131.500")
    assert result.exit_code == 2, result.output
    assert "Error: --value 131.500: 131.500 is 131500 where a point groups" in result.stderr
    assert files(site) == before
    # as the hint says
    result = checkin(site, "umsatz", "--set", "kunden=1,234")
    assert result.exit_code == 0, result.output
    assert "values: {kunden: 1.234}\n" in text(site, "umsatz/2026-11-19.md")
    assert current(checked(site), "umsatz", "kunden") == 1.234


def test_an_answer_at_a_terminal_is_read_so_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A French site: ``1.234`` typed at the prompt is refused with both
    readings and asked again; a German one reads it as 1234."""
    monkeypatch.setattr(authoring_cli, "interactive", lambda: True)
    site = make_site(tmp_path / "fr", "fr")
    result = CliRunner().invoke(
        cli,
        ["checkin", "monatsumsatz", "--note", "", "--date", "2026-11-19", "--site", str(site)],
        input="1.234\n1234\n",
    )
    assert result.exit_code == 0, result.output
    assert (
        "Error: 1.234 is 1234 where a point groups thousands and 1.234 where it marks "
        "decimals, and the site's language ('fr') does not tell which; write 1234 for the "
        "whole number or 1,234 for the decimal"
    ) in result.output
    assert result.output.count("Monatsumsatz: value:") == 2
    assert "value: 1234\n" in text(site, "monatsumsatz/2026-11-19.md")
    site = make_site(tmp_path / "de", "de")
    result = CliRunner().invoke(
        cli,
        ["checkin", "monatsumsatz", "--note", "", "--date", "2026-11-19", "--site", str(site)],
        input="131.500\n",
    )
    assert result.exit_code == 0, result.output
    assert "value: 131500\n" in text(site, "monatsumsatz/2026-11-19.md")
    assert kpi_value(checked(site), "monatsumsatz") == 131500


# ------------------------------------------------------------ 2. confidence out of a scale
def test_confidence_out_of_a_scale(tmp_path: Path) -> None:
    site = make_site(tmp_path / "s", "en")
    for typed, read in (("8 of 10", 8), ("4/5", 8), ("3 out of 5", 6)):
        result = okrsite(
            "checkin", "umsatz", "--confidence", typed, "--date", "2026-11-19T10:00",
            "--site", str(site),
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        assert text(site, "umsatz/2026-11-19.md") == (
            f"---\nobjective: umsatz\ndate: 2026-11-19T10:00+00:00\nconfidence: {typed}\n---\n"
        )
        assert confidence(checked(site), "umsatz") == read
        (site / "content/checkins/umsatz/2026-11-19.md").unlink()
    # written so by hand in a check-in file
    (site / "content/checkins/umsatz/2026-11-18.md").write_text(
        "---\nobjective: umsatz\nconfidence: 7 out of 10\n---\n", encoding="utf-8"
    )
    assert confidence(checked(site), "umsatz") == 7


def test_a_confidence_still_refused_has_a_hint_with_the_forms(tmp_path: Path) -> None:
    site = make_site(tmp_path / "s", "en")
    before = files(site)
    result = checkin(site, "umsatz", "--confidence", "6 of 5")
    assert result.exit_code == 1, result.output
    assert (
        "--confidence '6 of 5' (content/checkins/umsatz/2026-11-19.md not written): "
        "error OKR102: confidence must be 0-10, low/medium/high, a traffic light or a "
        "percentage, got '6 of 5' (hint: write how sure the owner is from 0 (not at all) to "
        "10 (certain): 7, 7/10, 4/5, 8 of 10, 70%, high or green)"
    ) in result.stderr
    assert files(site) == before


# ------------------------------------------------------------ 3. --value for an objective
def test_value_for_an_objective_says_to_use_set(tmp_path: Path) -> None:
    site = make_site(tmp_path / "s", "en")
    (site / "content/objectives/company").mkdir()
    (site / "content/objectives/company/grow.md").write_text(
        UMSATZ.replace("Umsatz steigern", "Grow"), encoding="utf-8"
    )
    before = files(site)
    result = checkin(site, "company/grow", "--value", "5")
    assert result.exit_code == 2, result.output
    assert result.stderr.endswith(
        "Error: 'company/grow' is an objective: give key-result values with --set KR=VALUE\n"
    )
    assert "OKR303" not in result.output
    assert files(site) == before
    # the KPI's side, as it was
    result = checkin(site, "monatsumsatz", "--set", "monatsumsatz=44")
    assert result.exit_code == 2, result.output
    assert result.stderr.endswith(
        "Error: 'monatsumsatz' is a KPI: give its reading with --value V\n"
    )


# ------------------------------------------------------------ 4. an objective and a KPI of one id
def test_an_objective_and_a_kpi_of_one_id_are_told_apart_by_the_flags(tmp_path: Path) -> None:
    site = make_site(tmp_path / "s", "de", {"content/kpis/umsatz.md": UMSATZ_KPI})
    result = checkin(site, "umsatz", "--set", "kunden=5")
    assert result.exit_code == 0, result.output
    assert text(site, "umsatz/2026-11-19.md") == (
        "---\nobjective: umsatz\ndate: 2026-11-19\nvalues: {kunden: 5}\n---\n"
    )
    result = checkin(site, "umsatz", "--value", "5.000")
    assert result.exit_code == 0, result.output
    assert text(site, "umsatz/2026-11-19-2.md") == (
        "---\nkpi: umsatz\ndate: 2026-11-19\nvalue: 5000\n---\n"
    )
    before = files(site)
    result = checkin(site, "umsatz", "--confidence", "high")
    assert result.exit_code == 2, result.output
    assert result.stderr.endswith(
        "Error: 'umsatz' is an objective (content/objectives/umsatz.md) and a KPI "
        "(content/kpis/umsatz.md): give key-result values with --set KR=VALUE for the "
        "objective, or its reading with --value V for the KPI\n"
    )
    assert files(site) == before
    portfolio = checked(site)
    assert current(portfolio, "umsatz", "kunden") == 5
    assert kpi_value(portfolio, "umsatz") == 5000
    # check-in files written by hand: the key says which
    (site / "content/checkins/umsatz/2026-11-19-3.md").write_text(
        "---\nobjective: umsatz\ndate: 2026-11-19T18:00\nvalues: {kunden: 7}\n---\n",
        encoding="utf-8",
    )
    (site / "content/checkins/umsatz/2026-11-19-4.md").write_text(
        "---\nkpi: umsatz\ndate: 2026-11-19T18:00\nvalue: 7000\n---\n", encoding="utf-8"
    )
    portfolio = checked(site)
    assert current(portfolio, "umsatz", "kunden") == 7
    assert kpi_value(portfolio, "umsatz") == 7000
