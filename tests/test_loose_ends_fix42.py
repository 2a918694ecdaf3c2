"""Task K of fix 42: two loose ends, on sites built through the real CLI.

- A key result's row on its objective's page stands beside the
  objective's "Expected by now", and its status is judged against that same
  expected: its progress gets the decimals that keep the gap a reader works
  out on its status's side, as the objective's own figure does (0.3497 at
  risk beside 0.50 reads 34.97%, never 35%, which reads 15 points behind:
  on track); a plain row stays whole.
- ``okrsite new objective nps`` beside ``content/kpis/nps.md`` (and ``new
  kpi`` beside an objective of that id) is refused, exit 2, naming the file
  that has the id and a free one: an objective and a KPI sharing an id make
  ``okrsite checkin nps`` ambiguous and ``supports: nps`` name both (OKR317).

Cycle 2026-Q3 runs 2026-07-01 .. 2026-09-30 (92 days): on 2026-08-16, 46
days have passed, so a committed objective is expected at 0.50.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import files_of, run_cli

MakeSite = Callable[[dict[str, str | bytes]], Path]


def text(node: object) -> str:
    assert node is not None
    return " ".join(node.get_text(" ").split())  # type: ignore[attr-defined]


# -- 1. a key result's progress beside expected ------------------------------------


def test_key_result_row_keeps_its_status_side(make_site: MakeSite, tmp_path: Path) -> None:
    site = make_site(
        {
            "okrsite.toml": "",
            "content/objectives/o.md": """
                ---
                title: Grow
                cycle: 2026-Q3
                owner: Ana Lima
                key_results:
                  - {id: close, title: Close call, start: 0, target: 10000}
                  - {id: plain, title: Plain, start: 0, target: 10000}
                ---
            """,
            "content/checkins/2026-08-10.md": (
                "---\nobjective: o\ndate: 2026-08-10\nauthor: Ana Lima\n"
                "values: {close: 3497, plain: 4200}\n---\n"
            ),
        }
    )
    out = tmp_path / "out"
    code, output = run_cli("build", "--site", str(site), "--out", str(out), "--as-of", "2026-08-16")
    assert code == 0, output
    doc = BeautifulSoup(
        (out / "objectives/o/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    rows = {
        text(row.select_one("td bdi")): (
            text(row.select_one(".pct")),
            text(row.select('td[data-label="Status"]')[0]),
        )
        for row in doc.select("tr[id^=kr-]")
    }
    # 0.3497 is 0.1503 behind 0.50: at risk; "35%" beside "50%" would read 15, on track
    assert rows == {"Close call": ("34.97%", "at risk"), "Plain": ("42%", "on track")}
    expected = next(
        div for div in doc.select(".facts div") if text(div.select_one("dt")) == "Expected by now"
    )
    assert text(expected.select_one("dd")) == "50%"


# -- 2. a new objective or KPI may not take the other's id --------------------------


KPI = """
    ---
    title: Net promoter score
    owner: Ana Lima
    unit: points
    ---
"""

OBJECTIVE = """
    ---
    title: Delight customers
    cycle: 2026-Q3
    owner: Ana Lima
    key_results:
      - {id: a, title: Reach 50, start: 0, target: 50}
    ---
"""


def test_new_objective_beside_a_kpi_of_its_id_is_refused(make_site: MakeSite) -> None:
    site = make_site({"okrsite.toml": "", "content/kpis/nps.md": KPI})
    before = files_of(site)
    code, out = run_cli("new", "objective", "nps", "--site", str(site), "--cycle", "2026-Q3")
    assert code == 2, out
    assert out.splitlines()[-1] == (
        "Error: content/kpis/nps.md is already a KPI with the id nps: an objective of that "
        "id too would share it (okrsite checkin nps could not tell which is meant, and "
        "supports: nps would name both, OKR317); choose another id, such as nps-objective; "
        "nothing was written"
    )
    assert files_of(site) == before
    code, out = run_cli("new", "objective", "nps-objective", "--site", str(site))
    assert code == 0, out
    assert (site / "content/objectives/nps-objective.md").is_file()


def test_new_kpi_beside_an_objective_of_its_id_is_refused(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": "",
            "content/objectives/nps.md": OBJECTIVE,
            "content/kpis/nps-kpi.md": KPI,
        }
    )
    before = files_of(site)
    code, out = run_cli("new", "kpi", "nps", "--site", str(site))
    assert code == 2, out
    assert out.splitlines()[-1] == (
        "Error: content/objectives/nps.md is already an objective with the id nps: a KPI of "
        "that id too would share it (okrsite checkin nps could not tell which is meant, and "
        "supports: nps would name both, OKR317); choose another id, such as nps-kpi-2; "
        "nothing was written"
    )
    assert files_of(site) == before


def test_new_objective_beside_a_kpi_set_aside_for_errors_is_refused(
    make_site: MakeSite,
) -> None:
    # the KPI's file has errors of its own, so the site does not read it; fixed,
    # it has the id all the same
    site = make_site({"okrsite.toml": "", "content/kpis/nps.md": "---\ntitle: [broken\n---\n"})
    code, out = run_cli("new", "objective", "nps", "--site", str(site))
    assert code == 2, out
    assert "content/kpis/nps.md is already a KPI with the id nps" in out.splitlines()[-1]
