"""Check-in values with units people write in other scripts and signs
(``7 °C``, ``300 µs``, ``20 m²``, ``15 km/h``, ``50 Stück``, ``£20``), and a
key result's id written with a space or a hyphen at the top of a check-in
(``csat score: 85`` for ``csat_score``). Each test writes a real site and
runs the real ``okrsite check``, and holds the message, file, line and exit
code to what a person needs to fix it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import run_cli, write_site

from okrsite.pipeline import load_site

AS_OF = date(2026, 11, 25)

OBJECTIVE = """
    ---
    title: Run a cool and fast server room
    cycle: 2026-Q4
    owner: Uma Diaz
    key_results:
      - {id: temp, title: Keep the server room below 24 °C, start: 30, target: 24, unit: °C}
      - {id: lat, title: Answer within 200 µs, start: 900, target: 200, unit: µs}
      - {id: area, title: Free 50 m² of floor, start: 0, target: 50, unit: m²}
      - {id: cost, title: Spend 500 € on cooling, start: 0, target: 500, unit: €}
      - {id: csat_score, title: Customer satisfaction, start: 70, target: 90}
    ---
"""

#: a key result whose figures carry the unit, and no unit: line
WARMTH = """
    ---
    title: Warm the office in winter
    cycle: 2026-Q4
    owner: Uma Diaz
    key_results:
      - id: heat
        title: Heat the office to 24 °C
        start: 20 °C
        target: 24 °C
      - id: speed
        title: Faster delivery bikes
        start: 10 km/h
        target: 20 km/h
      - id: parts
        title: Parts made
        start: 0 Stück
        target: 100 Stück
    ---
"""

KPI = """
    ---
    title: Room temperature
    unit: °C
    target: 22
    ---
"""


def site_with(tmp_path: Path, checkins: dict[str, str]) -> Path:
    files = {
        "okrsite.toml": 'title = "Server room"\n',
        "content/objectives/ops.md": OBJECTIVE,
        "content/objectives/warmth.md": WARMTH,
        "content/kpis/room.md": KPI,
    }
    files.update({f"content/checkins/{name}": text for name, text in checkins.items()})
    return write_site(tmp_path / "site", files)


def check(site: Path) -> tuple[int, list[str]]:
    code, out = run_cli("check", "--site", str(site), "--as-of", str(AS_OF))
    return code, [line for line in out.splitlines() if line.startswith("content/checkins/")]


def test_a_value_in_degrees_celsius_is_the_number_in_its_key_result_s_unit(
    tmp_path: Path,
) -> None:
    """``temp: 7 °C`` at the top, ``values: {temp: "22 °C"}``, a KPI's
    ``value: 21 °C`` and a key result's own ``start: 20 °C``, ``target: 24
    °C``: each is the number, in the unit written, with no error."""
    site = site_with(
        tmp_path,
        {
            "2026-11-20.md": """
                ---
                objective: ops
                date: 2026-11-20
                temp: 7 °C
                ---
            """,
            "2026-11-21.md": """
                ---
                objective: ops
                date: 2026-11-21
                values: {temp: "22 °C", lat: 300 µs, area: 20 m², cost: 200 €}
                ---
            """,
            "2026-11-22.md": """
                ---
                objective: warmth
                date: 2026-11-22
                values:
                  heat: 23°C
                  speed: 15 km/h
                  parts: 50 Stück
                ---
            """,
            "room.md": """
                ---
                kpi: room
                date: 2026-11-22
                value: 21 °C
                ---
            """,
        },
    )
    code, lines = check(site)
    assert code == 0, lines
    assert not [line for line in lines if "OKR102" in line or "OKR312" in line], lines
    result = load_site(site, AS_OF)
    readings = {c.file: (c.values, c.value) for c in result.scored.portfolio.checkins}
    assert readings == {
        "content/checkins/2026-11-20.md": ({"temp": 7}, None),
        "content/checkins/2026-11-21.md": ({"temp": 22, "lat": 300, "area": 20, "cost": 200}, None),
        "content/checkins/2026-11-22.md": ({"heat": 23, "speed": 15, "parts": 50}, None),
        "content/checkins/room.md": ({}, 21),
    }
    warmth = {kr.id: kr for kr in result.scored.portfolio.objectives["warmth"].key_results}
    assert (warmth["heat"].start, warmth["heat"].target, warmth["heat"].unit) == (20, 24, "°C")
    assert (warmth["speed"].unit, warmth["parts"].unit) == ("km/h", "Stück")
    assert result.scored.objectives["warmth"].key_results["heat"].current == 23
    assert result.scored.objectives["ops"].key_results["temp"].current == 22


def test_a_value_in_another_unit_or_currency_is_okr312_at_its_line(tmp_path: Path) -> None:
    """``22 °F`` for a key result in ``°C``, ``5 ms`` for one in ``µs``,
    ``£20`` for one in ``€`` and ``21 °F`` for a KPI in ``°C``: error OKR312
    at the value, as ``2 days`` for a key result in hours is; okrsite
    converts nothing."""
    site = site_with(
        tmp_path,
        {
            "top.md": """
                ---
                objective: ops
                date: 2026-11-20
                temp: 22 °F
                ---
            """,
            "under.md": """
                ---
                objective: ops
                date: 2026-11-21
                values:
                  lat: 5 ms
                  cost: £20
                ---
            """,
            "room.md": """
                ---
                kpi: room
                date: 2026-11-22
                value: 71 °F
                ---
            """,
        },
    )
    code, lines = check(site)
    assert code == 1, lines
    assert lines == [
        "content/checkins/room.md:4:8: error OKR312: value is written in '°F', but KPI 'room' "
        "is measured in '°C' (hint: write the figure in '°C', without a unit or with it)",
        "content/checkins/top.md:4:7: error OKR312: temp is written in '°F', but key result "
        "'temp' is measured in '°C' (hint: write the figure in '°C', without a unit or with it)",
        "content/checkins/under.md:5:8: error OKR312: lat is written in 'ms', but key result "
        "'lat' is measured in 'µs' (hint: write the figure in 'µs', without a unit or with it)",
        "content/checkins/under.md:6:9: error OKR312: cost is written in '£', but key result "
        "'cost' is measured in '€' (hint: write the figure in '€', without a unit or with it)",
    ]
    assert load_site(site, AS_OF).scored.portfolio.checkins == ()


def test_a_key_result_id_written_with_a_space_or_hyphen_at_the_top_is_okr304(
    tmp_path: Path,
) -> None:
    """``csat score: 85`` or ``csat-score: 86`` beside ``objective:`` for the
    key result ``csat_score``: error OKR304 naming the id at that line, as
    under ``values:`` and as ``CSAT_SCORE: 87`` at the top (not an unknown
    key whose value is dropped with a warning)."""
    site = site_with(
        tmp_path,
        {
            "2026-11-20.md": """
                ---
                objective: ops
                date: 2026-11-20
                csat score: 85
                ---
            """,
            "2026-11-21.md": """
                ---
                objective: ops
                date: 2026-11-21
                temp: 23
                csat-score: 86
                ---
            """,
            "2026-11-22.md": """
                ---
                objective: ops
                date: 2026-11-22
                CSAT_SCORE: 87
                ---
            """,
            "2026-11-23.md": """
                ---
                objective: ops
                date: 2026-11-23
                values: {csat score: 88}
                ---
            """,
        },
    )
    code, lines = check(site)
    assert code == 1, lines
    hint = "(hint: did you mean 'csat_score'?)"
    assert lines == [
        "content/checkins/2026-11-20.md:4:13: error OKR304: objective 'ops' has no key "
        f"result 'csat score' {hint}",
        "content/checkins/2026-11-21.md:5:13: error OKR304: objective 'ops' has no key "
        f"result 'csat-score' {hint}",
        "content/checkins/2026-11-22.md:4:13: error OKR304: objective 'ops' has no key "
        f"result 'CSAT_SCORE' {hint}",
        "content/checkins/2026-11-23.md:4:10: error OKR304: objective 'ops' has no key "
        f"result 'csat score' {hint}",
    ]
    # written as its id, the value counts
    (site / "content/checkins/2026-11-20.md").write_text(
        "---\nobjective: ops\ndate: 2026-11-20\ncsat_score: 85\n---\n", encoding="utf-8"
    )
    for name in ("2026-11-21.md", "2026-11-22.md", "2026-11-23.md"):
        (site / "content/checkins" / name).unlink()
    code, lines = check(site)
    assert code == 0, lines
    result = load_site(site, AS_OF)
    assert [c.values for c in result.scored.portfolio.checkins] == [{"csat_score": 85}]
    assert result.scored.objectives["ops"].key_results["csat_score"].current == 85
