"""Defects left after session 44, each through the real CLI on real files.

1. A KPI's check-in with its time of day as a key of its own
   (``time: "09:00"``) is refused with OKR323 and the ``date:`` to write,
   as an objective's is, instead of OKR111 (unknown key) with the time lost.
2. ``parent:`` naming a key result of another objective (its id or title,
   as people write the key result they align to) says whose key result it
   is and gives ``parent: OBJECTIVE#kr`` (or the objective) to write,
   instead of "check the id".
"""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli, write_site

NPS = """
    ---
    title: NPS
    owner: Uma Diaz
    target: 50
    values:
      2026-03-01: 40
    ---
    """


def test_a_kpi_checkin_time_key_is_refused_with_the_date_line_that_says_it(
    tmp_path: Path,
) -> None:
    checkin = "---\nkpi: nps\ndate: 2026-03-14\n{line}\nvalue: 44\n---\n"
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "t"\n',
            "content/kpis/nps.md": NPS,
            "content/checkins/2026-03-14-a.md": checkin.format(line='time: "09:00"'),
            "content/checkins/2026-03-14-b.md": checkin.format(line="Uhrzeit: 14 Uhr"),
            "content/checkins/nps/2026-03-15.md": "---\nvalue: 45\nTime: '10.30'\n---\n",
        },
    )
    code, out = run_cli(
        "build", "--site", str(root), "--as-of", "2026-03-16", "--out", str(tmp_path / "out")
    )
    assert code == 1, out
    assert "OKR111" not in out, out
    first = next(line for line in out.splitlines() if "2026-03-14-a.md" in line)
    assert "2026-03-14-a.md:4:" in first and "error OKR323" in first, first
    assert "write date: 2026-03-14T09:00 (24-hour) and remove time:" in first, first
    second = next(line for line in out.splitlines() if "2026-03-14-b.md" in line)
    assert "write date: 2026-03-14T14:00 (24-hour) and remove Uhrzeit:" in second, second
    filed = next(line for line in out.splitlines() if "nps/2026-03-15.md" in line)
    assert "write date: 2026-03-15T10:30 (24-hour) and remove Time:" in filed, filed
    assert not (tmp_path / "out").exists()


GROWTH = """
    ---
    title: Grow the business
    owner: Uma Diaz
    cycle: 2026-Q1
    key_results:
      - {id: arr, title: Reach 2M ARR, target: 2000000}
      - {id: nrr, title: Net retention, target: 110}
    ---
    """

EMEA = """
    ---
    title: Sell more in EMEA
    owner: Uma Diaz
    cycle: 2026-Q1
    parent: {parent}
    key_results:
      - {{id: deals, title: Deals, target: 10}}
      - {{id: logos, title: Logos, target: 5}}
    ---
    """


def test_a_parent_naming_a_key_result_says_whose_it_is_and_what_to_write(
    tmp_path: Path,
) -> None:
    for parent, said in (
        ("arr", "'arr' is a key result of objective 'company/growth'"),
        ("Reach 2M ARR", "'Reach 2M ARR' is the title of key result 'arr' of objective"),
    ):
        root = write_site(
            tmp_path / slugged(parent),
            {
                "okrsite.toml": 'title = "t"\n',
                "content/objectives/company/growth.md": GROWTH,
                "content/objectives/sales/emea.md": EMEA.format(parent=parent),
            },
        )
        out_dir = tmp_path / f"out-{slugged(parent)}"
        code, out = run_cli(
            "build", "--site", str(root), "--as-of", "2026-02-01", "--out", str(out_dir)
        )
        assert code == 1, out
        line = next(line for line in out.splitlines() if "OKR303" in line)
        assert line.startswith("content/objectives/sales/emea.md:5:"), line
        assert said in line, line
        assert (
            "hint: to align to that key result write parent: company/growth#arr; "
            "to align to its objective, parent: company/growth)"
        ) in line, line
        assert not out_dir.exists()


def slugged(text: str) -> str:
    return text.replace(" ", "-").lower()
