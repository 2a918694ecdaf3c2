"""Dates read the same on every Python version (audit 46, finding 2).

``written_dates.read_date`` tried ``date.fromisoformat`` first, which from
Python 3.11 on also reads ``2026-W53``, ``2026W53`` and ``20261231`` and on
3.10 (which pyproject.toml allows) only ``2026-12-31``: one repository built
clean on one interpreter and failed on the other. Now okrsite reads by its
own rule: ISO week dates (``2026-W53``: its Monday; ``2026-W53-4``) on every
version, as docs/content-format.md lists them, and the basic forms
without hyphens nowhere, with a hint naming the form to write. The 3.10
reading is simulated by a ``date`` whose ``fromisoformat`` takes
``YYYY-MM-DD`` alone, as 3.10's does. Real sites through the real CLI.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from conftest import run_cli, write_site


class _Python310Date(date):
    """``date`` as Python 3.10 reads ISO text: ``YYYY-MM-DD`` only; the days
    it makes are plain dates (as YAML writes them)."""

    def __new__(cls, *args: int) -> date:  # type: ignore[misc]
        return date(*args)

    @classmethod
    def fromisocalendar(cls, year: int, week: int, day: int) -> date:
        return date.fromisocalendar(year, week, day)

    @classmethod
    def fromisoformat(cls, text: str) -> date:  # type: ignore[override]
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError(f"Invalid isoformat string: {text!r}")
        return date(int(text[:4]), int(text[5:7]), int(text[8:]))


@pytest.fixture(params=["this python", "python 3.10"])
def python(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "python 3.10":
        import okrsite.written_dates

        monkeypatch.setattr(okrsite.written_dates, "date", _Python310Date)
    return str(request.param)


OBJECTIVE = """
    ---
    title: Fill the pipeline
    cycle: 2026-Q4
    owner: Tom Lee
    key_results:
      - id: deals
        title: Close deals from 10 to 40
        start: 10
        target: 40
    ---
    """

KPI_CSV = """
    ---
    title: Net Promoter Score
    unit: points
    target: 45
    data: data/nps.csv
    ---
    """

KPI_VALUES = """
    ---
    title: CSAT
    unit: points
    target: 45
    values:
      2026-W51: 40
      2026-W53-4: 44
    ---
    """


def site(tmp_path: Path, checkin_date: str, csv_rows: str) -> Path:
    return write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Acme"\n',
            "content/objectives/sales/pipeline.md": OBJECTIVE,
            "content/kpis/nps.md": KPI_CSV,
            "content/kpis/csat.md": KPI_VALUES,
            "content/data/nps.csv": "date,value\n" + csv_rows,
            "content/checkins/sales/pipeline/week.md": (
                f"---\ndate: {checkin_date}\nvalues:\n  deals: 30\n---\n"
            ),
        },
    )


def test_iso_week_dates_are_read_on_every_python(tmp_path: Path, python: str) -> None:
    root = site(tmp_path, "2026-W53", "2026-W51,40\n2026-W52-5,42\n2027-W01,50\n")
    code, said = run_cli("check", "--site", str(root), "--as-of", "2027-01-04")
    assert code == 0, said
    code, said = run_cli("export", "--site", str(root), "--as-of", "2027-01-04")
    assert code == 0, said
    exported = json.loads(said[said.index("{") :])
    kpis = {k["id"]: (k["value"], k["date"]) for k in exported["kpis"]}
    assert kpis == {"nps": (50, "2027-01-04"), "csat": (44, "2026-12-31")}, kpis
    # the check-in of week 53 counts from its Monday, 2026-12-28
    (objective,) = exported["objectives"]
    assert objective["progress"] == pytest.approx(20 / 30), objective
    code, said = run_cli(
        "checkin",
        "sales/pipeline",
        "--site",
        str(root),
        "--set",
        "deals=35",
        "--date",
        "2026-W53-3",
    )
    assert code == 0, said
    assert (root / "content/checkins/sales/pipeline/2026-12-30.md").is_file(), said


def test_basic_forms_are_refused_on_every_python_with_the_form_to_write(
    tmp_path: Path, python: str
) -> None:
    root = site(tmp_path, "2026W53", "2026W52,42\n20261231,44\n")
    code, said = run_cli("check", "--site", str(root), "--as-of", "2027-01-04")
    assert code == 1, said
    assert (
        "content/checkins/sales/pipeline/week.md:2:7: error OKR104: date must be a real date "
        "like 2026-02-10, got '2026W53' (hint: write it as 2026-W53: dates are read with "
        "their hyphens only)"
    ) in said, said
    assert (
        "content/data/nps.csv:2:1: error OKR203: '2026W52' is not a date okrsite reads "
        "(hint: write it as 2026-W52: dates are read with their hyphens only)"
    ) in said, said
    assert "content/data/nps.csv:3:1: error OKR203: '20261231' is not a date okrsite reads" in said
    assert "Traceback" not in said
    for written, extended in (("20261231", "2026-12-31"), ("2026W53", "2026-W53")):
        code, said = run_cli(
            "checkin", "sales/pipeline", "--site", str(root), "--set", "deals=35", "--date", written
        )
        assert code == 2, said
        assert f"'{written}' is not a date okrsite reads; write it as {extended}" in said, said
    assert not (root / "content/checkins/sales/pipeline/2026-12-31.md").exists()


def test_a_week_the_year_does_not_have_is_no_date(tmp_path: Path, python: str) -> None:
    root = site(tmp_path, "2027-W53", "2026-W51,40\n")
    code, said = run_cli("check", "--site", str(root), "--as-of", "2027-01-04")
    assert code == 1, said
    assert "error OKR104: date must be a real date like 2026-02-10, got '2027-W53'" in said, said
