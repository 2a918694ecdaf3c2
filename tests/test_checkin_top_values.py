"""Check-in values as people write them: at the top of the front matter
beside ``objective:`` (and beside ``values:``), a KPI's reading under the
KPI's id, and a figure typed far off its key result's scale. Each test
writes a real site and runs the real ``okrsite check``, and holds the
message, file, line and exit code to what a person needs to fix it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import run_cli, write_site

from okrsite.pipeline import load_site

AS_OF = date(2026, 11, 25)

OBJECTIVE = """
    ---
    title: Win new logos
    cycle: 2026-Q4
    owner: Uma Diaz
    key_results:
      - {id: logos, title: New logos, start: 0, target: 20}
      - {id: signups, title: Weekly signups, start: 10, target: 20}
      - {id: share, title: Market share, start: 0, target: 60, unit: "%"}
    ---
"""

KPI = """
    ---
    title: Net Promoter Score
    unit: points
    target: 50
    thresholds: {green: 40, red: 20}
    ---
"""


def site_with(tmp_path: Path, checkins: dict[str, str]) -> Path:
    files = {
        "okrsite.toml": 'title = "Logos"\n',
        "content/objectives/sales.md": OBJECTIVE,
        "content/kpis/nps.md": KPI,
    }
    files.update({f"content/checkins/{name}": text for name, text in checkins.items()})
    return write_site(tmp_path / "site", files)


def check(site: Path, *extra: str) -> tuple[int, list[str]]:
    code, out = run_cli("check", "--site", str(site), "--as-of", str(AS_OF), *extra)
    return code, [line for line in out.splitlines() if line.startswith("content/checkins/")]


def test_nothing_a_list_or_a_mapping_at_the_top_for_a_key_result_is_the_error_under_values(
    tmp_path: Path,
) -> None:
    """``logos:`` (empty), ``~``, a list or a mapping under a key result's id
    at the top: error OKR102 at that line, worded as under ``values:``; the
    same under a key that names no key result stays an unknown key."""
    site = site_with(
        tmp_path,
        {
            "top.md": """
                ---
                objective: sales
                date: 2026-11-20
                logos:
                signups: ~
                share: [40, 45]
                mood:
                ---
            """,
            "map.md": """
                ---
                objective: sales
                date: 2026-11-21
                logos: {q1: 3}
                ---
            """,
            "under.md": """
                ---
                objective: sales
                date: 2026-11-22
                values:
                  logos:
                  signups: ~
                  share: [40, 45]
                ---
            """,
        },
    )
    code, lines = check(site)
    assert code == 1, lines
    nothing = "write its number after the colon, or leave the key out"
    digits = "write digits, e.g. 50, 0.25 or 1,000,000"
    assert lines == [
        "content/checkins/map.md:4:8: error OKR102: value of logos must be a number, "
        f"got {{'q1': 3}} (hint: {digits})",
        "content/checkins/top.md:4:7: error OKR102: value of logos must be a number, "
        f"got nothing (hint: {nothing})",
        "content/checkins/top.md:5:10: error OKR102: value of signups must be a number, "
        f"got nothing (hint: {nothing})",
        "content/checkins/top.md:6:8: error OKR102: value of share must be a number, "
        f"got [40, 45] (hint: {digits})",
        "content/checkins/top.md:7:1: warning OKR111: unknown key 'mood' in a checkin is "
        "ignored: objective 'sales' has no key result 'mood' (hint: its key results are: "
        "logos, signups, share)",
        "content/checkins/under.md:5:9: error OKR102: value of logos must be a number, "
        f"got nothing (hint: {nothing})",
        "content/checkins/under.md:6:12: error OKR102: value of signups must be a number, "
        f"got nothing (hint: {nothing})",
        "content/checkins/under.md:7:10: error OKR102: value of share must be a number, "
        f"got [40, 45] (hint: {digits})",
    ]


def test_a_value_at_the_top_beside_values_counts_and_one_given_twice_says_which(
    tmp_path: Path,
) -> None:
    """``values: {signups: 14}`` and ``logos: 11`` at the top: both count.
    A key result given at the top and under ``values:`` is read from
    ``values:``, with a warning at the top line that gives both values."""
    site = site_with(
        tmp_path,
        {
            "2026-11-20.md": """
                ---
                objective: sales
                date: 2026-11-20
                values: {signups: 14}
                logos: 11
                ---
            """,
            "2026-11-21.md": """
                ---
                objective: sales
                date: 2026-11-21
                values:
                  - signups: 15
                logos: 12
                ---
            """,
            "2026-11-22.md": """
                ---
                objective: sales
                date: 2026-11-22
                values:
                  logos: 13
                logos: 31
                ---
            """,
        },
    )
    code, lines = check(site)
    assert code == 0, lines
    assert lines == [
        "content/checkins/2026-11-22.md:6:1: warning OKR111: 'logos' is given twice, at "
        "the top (31) and under values: (13): the value under values: counts, this one is "
        "ignored (hint: keep one: remove this line, or move it under values: in place of "
        "logos: 13)"
    ]
    assert run_cli("check", "--site", str(site), "--as-of", str(AS_OF), "--strict")[0] == 1
    result = load_site(site, AS_OF)
    assert [c.values for c in result.scored.portfolio.checkins] == [
        {"signups": 14, "logos": 11},
        {"signups": 15, "logos": 12},
        {"logos": 13},
    ]
    krs = result.scored.objectives["sales"].key_results
    assert (krs["logos"].current, krs["signups"].current) == (13, 15)


def test_words_under_a_kpi_s_id_are_one_error_saying_what_to_write(tmp_path: Path) -> None:
    """``kpi: nps`` and ``nps: forty``: one OKR102 at the ``nps:`` line (not
    "needs value:" and an unknown key); nothing after the colon too; a
    percentage there is held to the KPI's unit at that line."""
    site = site_with(
        tmp_path,
        {
            "words.md": """
                ---
                kpi: nps
                date: 2026-11-20
                nps: forty
                ---
            """,
            "empty.md": """
                ---
                kpi: nps
                date: 2026-11-21
                nps:
                ---
            """,
            "percent.md": """
                ---
                kpi: nps
                date: 2026-11-22
                # the survey's share of promoters
                nps: 45%
                ---
            """,
        },
    )
    code, lines = check(site)
    assert code == 1, lines
    assert lines == [
        "content/checkins/empty.md:4:5: error OKR102: value of nps must be a number, got "
        "nothing (hint: write its number after the colon, or leave the key out)",
        "content/checkins/percent.md:5:6: error OKR312: value is written as a percentage, "
        "but KPI 'nps' is measured in 'points' (hint: write the bare number, or give KPI "
        "'nps' 'unit: \"%\"' if it counts percentages)",
        "content/checkins/words.md:4:6: error OKR102: value of nps must be a number, got "
        "'forty' (hint: write digits, e.g. 50, 0.25 or 1,000,000)",
    ]
    # a number under the KPI's id is its reading, as before
    (site / "content/checkins/words.md").write_text(
        "---\nkpi: nps\ndate: 2026-11-20\nnps: 44\n---\n", encoding="utf-8"
    )
    for name in ("empty.md", "percent.md"):
        (site / "content/checkins" / name).unlink()
    assert check(site) == (0, [])
    assert load_site(site, AS_OF).scored.portfolio.checkins[0].value == 44
