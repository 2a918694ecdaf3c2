"""A lowercase ``m`` after a check-in's value (``r: 1.2m``) is million or
metres: error OKR102 whose hint writes ``1.2M`` or ``1.2 Mio``, as a key
result's ``current: 1.2m`` is (docs/content-format.md, "Values"), in an
objective's ``values:``, a KPI check-in's ``value:`` and ``okrsite checkin
--set``/``--value``. Not OKR312 "written in 'm'", whose hint said to give
the key result ``unit: m``, which then read 1.3 million as 1.3. A key
result measured in metres (``unit: m``) still takes ``5 m``."""

from __future__ import annotations

from pathlib import Path

from conftest import files_of, run_cli, write_site

OBJECTIVE = """\
---
title: Grow revenue
cycle: 2026-Q4
owner: alex
key_results:
  - {id: r, title: Revenue, target: "€2M"}
  - {id: s, title: Signups, target: "2M"}
  - {id: cable, title: Cable laid, start: 0, target: 100 m, unit: m}
---
"""
KPI = """\
---
title: Bookings
unit: "€"
owner: alex
target: 2000000
---
"""


def _site(tmp_path: Path, checkins: dict[str, str] | None = None) -> Path:
    return write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "T"\nas_of = "2026-12-06"\n',
            "content/people/alex.md": "---\nname: Alex\n---\n",
            "content/objectives/o.md": OBJECTIVE,
            "content/kpis/k.md": KPI,
            **(checkins or {}),
        },
    )


def _million_hint(figure: str) -> str:
    return f"(hint: write {figure}M or {figure} Mio for millions)"


def test_values_with_a_lowercase_m_are_okr102_not_okr312(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "content/checkins/o/2026-12-01.md": (
                "---\ndate: 2026-12-01\nvalues: {r: 1.2m, s: 1.3m, cable: 5 m}\n---\n"
            ),
            "content/checkins/k/2026-12-01.md": "---\ndate: 2026-12-01\nvalue: 1.2m\n---\n",
        },
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 1, out
    assert "OKR312" not in out, out
    assert "unit: m" not in out, out
    assert (
        "content/checkins/o/2026-12-01.md:3:13: error OKR102: value of r must be a number, "
        "got '1.2m': a lowercase m is million or metres " + _million_hint("1.2")
    ) in out, out
    assert (
        "content/checkins/o/2026-12-01.md:3:22: error OKR102: value of s must be a number, "
        "got '1.3m': a lowercase m is million or metres " + _million_hint("1.3")
    ) in out, out
    assert (
        "content/checkins/k/2026-12-01.md:3:8: error OKR102: value must be a number, "
        "got '1.2m': a lowercase m is million or metres " + _million_hint("1.2")
    ) in out, out
    assert out.count("error OKR102") == 3, out  # cable: 5 m is in metres


def test_the_same_as_a_key_results_current(tmp_path: Path) -> None:
    """The check-in's finding words it as the goal file's ``current: 1.2m`` does."""
    site = _site(
        tmp_path,
        {
            "content/objectives/o.md": OBJECTIVE.replace(
                'target: "2M"}', 'target: "2M", current: 1.3m}'
            ),
            "content/checkins/o/2026-12-01.md": "---\ndate: 2026-12-01\nvalues: {s: 1.3m}\n---\n",
        },
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 1, out
    said = "got '1.3m': a lowercase m is million or metres " + _million_hint("1.3")
    assert f"error OKR102: current must be a number, {said}" in out, out
    site = _site(
        tmp_path / "again",
        {"content/checkins/o/2026-12-01.md": "---\ndate: 2026-12-01\nvalues: {s: 1.3m}\n---\n"},
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 1, out
    assert f"error OKR102: value of s must be a number, {said}" in out, out


def test_money_and_a_lowercase_m(tmp_path: Path) -> None:
    """``€1.2m`` and ``1.2m €`` too; ``1.2m €`` was read as 1.2 € before."""
    site = _site(
        tmp_path,
        {
            "content/checkins/o/2026-12-01.md": (
                '---\ndate: 2026-12-01\nvalues: {r: "€1.2m"}\n---\n'
            ),
            "content/checkins/o/2026-12-02.md": (
                '---\ndate: 2026-12-02\nvalues: {r: "1.2m €"}\n---\n'
            ),
        },
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 1, out
    assert (
        "error OKR102: value of r must be a number, got '€1.2m': a lowercase m is million "
        "or metres (hint: write €1.2M or €1.2 Mio for millions)"
    ) in out, out
    assert (
        "error OKR102: value of r must be a number, got '1.2m €': a lowercase m is million "
        "or metres (hint: write 1.2M € or 1.2 Mio € for millions)"
    ) in out, out


def test_checkin_set_and_value_refuse_a_lowercase_m(tmp_path: Path) -> None:
    site = _site(tmp_path)
    before = files_of(site)
    code, out = run_cli("checkin", "o", "--set", "r=1.2m", "--site", str(site))
    assert code != 0, out
    assert "OKR312" not in out, out
    assert (
        "error OKR102: value of r must be a number, got '1.2m': a lowercase m is million "
        "or metres " + _million_hint("1.2")
    ) in out, out
    code, out = run_cli("checkin", "o", "--set", "s=1.3m", "--site", str(site))
    assert code != 0, out
    assert "OKR312" not in out and "unit: m" not in out, out
    assert "got '1.3m'" in out and _million_hint("1.3") in out, out
    code, out = run_cli("checkin", "k", "--value", "1.2m", "--site", str(site))
    assert code != 0, out
    assert (
        "error OKR102: value must be a number, got '1.2m': a lowercase m is million "
        "or metres " + _million_hint("1.2")
    ) in out, out
    assert files_of(site) == before  # nothing written
    # the hint's own spelling is read as million
    code, out = run_cli("checkin", "o", "--set", "s=1.3M", "--site", str(site))
    assert code == 0, out
    written = next((site / "content/checkins/o").glob("*.md")).read_text(encoding="utf-8")
    assert "s: 1300000" in written, written


def test_metres_of_a_key_result_in_m_still_read(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "content/checkins/o/2026-12-01.md": (
                "---\ndate: 2026-12-01\nvalues: {cable: 5 m}\n---\n"
            ),
            "content/checkins/o/2026-12-02.md": "---\ndate: 2026-12-02\nvalues: {cable: 7m}\n---\n",
        },
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 0, out
    assert "OKR102" not in out and "OKR312" not in out, out
    code, out = run_cli("checkin", "o", "--set", "cable=9 m", "--site", str(site))
    assert code == 0, out
    assert "OKR102" not in out and "OKR312" not in out, out


def test_other_units_keep_their_okr312(tmp_path: Path) -> None:
    """A unit that is no magnitude keeps OKR312 and its hint (``5 h``)."""
    site = _site(
        tmp_path,
        {"content/checkins/o/2026-12-01.md": "---\ndate: 2026-12-01\nvalues: {s: 5 h}\n---\n"},
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 1, out
    assert (
        "error OKR312: s is written in 'h', but key result 's' is measured in plain numbers "
        "(it has no unit:) (hint: write the bare number, or give key result 's' 'unit: h')"
    ) in out, out
