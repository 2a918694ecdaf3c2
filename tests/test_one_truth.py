"""Every figure is computed once: pages, exports and badges agree on it.

The site below puts objectives and key results on the band boundaries after
floating-point sums (three key results at 0.7 average to
0.6999999999999998; (0.1 + 0.7) / 2 is 0.39999999999999997; 0.5 − 0.35 is
0.15000000000000002), so any place that re-derives a grade or a status
without the scoring rules' rounding shows a different word than the
export. The test builds the site through the CLI and reads only the built
files; the expected words are worked out by hand in ``EXPECTED``.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from conftest import write_site

from okrsite.cli import cli

AS_OF = "2026-02-15"  # 45 of the 90 days of 2026-Q1: expected = 0.5 (0.35 aspirational)


def kr(ident: str, current: float, start: float = 0, target: float = 10) -> str:
    return (
        f"  - id: {ident}\n    title: Key result {ident}\n"
        f"    start: {start}\n    target: {target}\n    current: {current}\n"
    )


def objective(title: str, krs: str, extra: str = "") -> str:
    return (
        f"---\ntitle: {title}\ncycle: 2026-Q1\nowner: uma-diaz\nteam: core\n{extra}"
        f"key_results:\n{krs}---\n{title}.\n"
    )


SITE: dict[str, str | bytes] = {
    "okrsite.toml": 'title = "Boundaries"\n',
    "content/teams/core.md": "---\ntitle: Core\n---\n",
    "content/people/uma-diaz.md": "---\ntitle: Uma Diaz\nteam: core\n---\n",
    # 0.7 + 0.7 + 0.7 = 2.0999999999999996; ÷ 3 = 0.6999999999999998 → green
    "content/objectives/three-sevens.md": objective(
        "Three sevens", kr("a", 7) + kr("b", 7) + kr("c", 7)
    ),
    # (0.1 + 0.7) ÷ 2 = 0.39999999999999997 → yellow
    "content/objectives/point-four.md": objective("Point four", kr("low", 1) + kr("high", 7)),
    # 0.5 − 0.35 = 0.15000000000000002 → on track; its key result is read from a check-in
    "content/objectives/behind-15.md": objective("Behind 15", kr("m", 0, target=100)),
    "content/checkins/behind-15/2026-02-10.md": (
        "---\nobjective: behind-15\ndate: 2026-02-10\nauthor: uma-diaz\nconfidence: 6\n"
        "values: {m: 35}\n---\nOn plan.\n"
    ),
    # dated after as_of: counts nowhere (not in progress, not on a page, not in the feed)
    "content/checkins/behind-15/2026-03-01.md": (
        "---\nobjective: behind-15\ndate: 2026-03-01\nauthor: uma-diaz\n"
        "values: {m: 100}\n---\nFROM-THE-FUTURE.\n"
    ),
    # 0.5 − 0.2 = 0.3 → at risk
    "content/objectives/behind-30.md": objective("Behind 30", kr("m", 20, target=100)),
    # 0.5 − 0.19 = 0.31 → off track
    "content/objectives/behind-31.md": objective("Behind 31", kr("m", 19, target=100)),
    # aspirational: expected 0.5 × 0.7 = 0.35; 0.35 − 0.2 = 0.14999999999999997 → on track
    "content/objectives/moonshot.md": objective(
        "Moonshot", kr("m", 20, target=100), "commitment: aspirational\n"
    ),
    # 12.5 ÷ 100 = 0.125: 13% and grade 0.13, halves up as a spreadsheet rounds
    # (Python's round and "%.2f" give 12 and 0.12)
    "content/objectives/half-way.md": objective("Half way", kr("m", 12.5, target=100)),
    # lower is better: (30 − 100) ÷ (0 − 100) = 0.7 → green key result
    "content/objectives/downhill.md": objective(
        "Downhill", kr("cost", 30, start=100, target=0) + kr("flat", 4)
    ),
}

#: objective → (percent shown, grade, status), worked out by hand above
EXPECTED = {
    "three-sevens": (70, "green", "on-track"),
    "point-four": (40, "yellow", "on-track"),
    "behind-15": (35, "red", "on-track"),
    "behind-30": (20, "red", "at-risk"),
    "behind-31": (19, "red", "off-track"),
    "moonshot": (20, "red", "on-track"),
    "downhill": (55, "yellow", "on-track"),
    "half-way": (13, "red", "off-track"),
}
#: key result → (percent, grade); pages show the percentage (the bar takes
#: the key result's status colour, not its grade band)
EXPECTED_KRS = {
    ("three-sevens", "a"): (70, "green"),
    ("point-four", "low"): (10, "red"),
    ("point-four", "high"): (70, "green"),
    ("behind-15", "m"): (35, "red"),
    ("downhill", "cost"): (70, "green"),
    ("downhill", "flat"): (40, "yellow"),
}


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_site(tmp_path_factory.mktemp("boundaries"), SITE)
    dest = root / "_site"
    result = CliRunner().invoke(
        cli,
        ["build", "--site", str(root), "--as-of", AS_OF, "--out", str(dest)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return dest


def half_up(scaled: float) -> int:
    """A percentage rounded as pages and spreadsheets round it: halves up."""
    return math.floor(round(scaled, 6) + 0.5)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def percent(bar: object) -> int:
    return int(bar["aria-valuenow"])  # type: ignore[index]


def colour_of_bar(bar: object) -> str:
    """The status a bar is coloured by (``fill-missed`` → ``missed``)."""
    fill = bar.find(class_="fill")  # type: ignore[attr-defined]
    return next(c[5:] for c in fill["class"] if c.startswith("fill-"))


def status_of(tag: object) -> str:
    return next(c[7:] for c in tag["class"] if c.startswith("status-"))  # type: ignore[index]


def test_exports_say_what_was_worked_out_by_hand(out: Path) -> None:
    data = json.loads((out / "api/portfolio.json").read_text(encoding="utf-8"))
    rows = {
        r["id"]: r for r in csv.DictReader(io.StringIO((out / "api/objectives.csv").read_text()))
    }
    kr_rows = list(csv.DictReader(io.StringIO((out / "api/key-results.csv").read_text())))
    assert {o["id"] for o in data["objectives"]} == set(EXPECTED)
    for o in data["objectives"]:
        shown, grade, status = EXPECTED[o["id"]]
        assert (half_up(o["progress"] * 100), o["grade"], o["status"]) == (shown, grade, status)
        row = rows[o["id"]]
        assert (row["grade"], row["status"]) == (grade, status)
        assert float(row["progress"]) == o["progress"]
        assert float(row["expected"]) == o["expected"]
        for kr_row in (r for r in kr_rows if r["objective_id"] == o["id"]):
            assert (kr_row["grade"], kr_row["objective_status"]) == (grade, status)
            record = next(k for k in o["key_results"] if k["id"] == kr_row["kr_id"])
            assert float(kr_row["kr_progress"]) == record["progress"]
            assert kr_row["kr_status"] == record["status"]
    assert {o["id"]: o["expected"] for o in data["objectives"]}["moonshot"] == 0.35


def test_every_page_and_badge_agrees_with_the_export(out: Path) -> None:
    data = json.loads((out / "api/portfolio.json").read_text(encoding="utf-8"))
    for o in data["objectives"]:
        shown, grade, status = half_up(o["progress"] * 100), o["grade"], o["status"]
        page = soup(out / "objectives" / o["id"] / "index.html")
        overview = page.find(class_="overview")
        bar = overview.find(attrs={"role": "progressbar"})
        assert (percent(bar), colour_of_bar(bar)) == (shown, status), o["id"]
        assert status_of(overview.find(class_="facts").find(class_="status")) == status
        grade_badges = page.find_all(class_="grade")
        assert grade_badges and all(f"grade-{grade}" in g["class"] for g in grade_badges)
        figure = f"{half_up(o['progress'] * 100) / 100:.2f}".rstrip("0").rstrip(".")
        assert all(g.get_text(" ", strip=True).startswith(f"{figure} ") for g in grade_badges)
        facts = overview.find(class_="facts").get_text(" ", strip=True)
        assert f"{half_up(o['expected'] * 100)}%" in facts
        for record in o["key_results"]:
            row = page.find(id=f"kr-{record['id']}")
            kr_bar = row.find(attrs={"role": "progressbar"})
            assert percent(kr_bar) == half_up(record["progress"] * 100)
            assert status_of(row.find(class_="status")) == record["status"]
            assert colour_of_bar(kr_bar) == record["status"]
            hand = EXPECTED_KRS.get((o["id"], record["id"]))
            if hand is not None:
                assert percent(kr_bar) == hand[0]
        badge = (out / "badges" / f"{o['id']}.svg").read_text(encoding="utf-8")
        label = re.search(r'aria-label="([^"]*)"', badge).group(1)  # type: ignore[union-attr]
        assert label == f"{o['id']}: {shown}% {status.replace('-', ' ')}"


@pytest.mark.parametrize(
    "page",
    [
        "index.html",
        "alignment/index.html",
        "teams/core/index.html",
        "people/uma-diaz/index.html",
        "cycles/2026-Q1/index.html",
    ],
)
def test_lists_and_trees_agree_with_the_export(out: Path, page: str) -> None:
    """Each objective shown in a list, a card or the alignment tree carries the
    export's status, and its bar the export's percentage and the colour of
    that status."""
    data = json.loads((out / "api/portfolio.json").read_text(encoding="utf-8"))
    by_href = {f"objectives/{o['id']}/index.html": o for o in data["objectives"]}
    html = soup(out / page)
    seen = 0
    for link in html.find_all("a", href=True):
        target = re.sub(r"^(\.\./)+", "", link["href"])
        o = by_href.get(target)
        if o is None:
            continue
        holder = link.find_parent(["li", "article"])
        bar = holder.find(attrs={"role": "progressbar"}) if holder else None
        if bar is None:
            continue
        seen += 1
        assert (percent(bar), colour_of_bar(bar)) == (half_up(o["progress"] * 100), o["status"])
        assert status_of(holder.find(class_="status")) == o["status"]
    assert seen >= 1


def test_checkins_after_as_of_show_nowhere(out: Path) -> None:
    for path in out.rglob("*"):
        if path.suffix in (".html", ".xml", ".json", ".csv", ".js"):
            assert "FROM-THE-FUTURE" not in path.read_text(encoding="utf-8"), path
    page = soup(out / "objectives/behind-15/index.html")
    assert len(page.find_all(class_="checkin")) == 1


# -- near the boundaries: figures the exports' 6 decimals would round across
#: 2026-Q1 runs (expected 0.5 on AS_OF); 2025-Q4 has ended (achieved or missed)
NEAR_SITE: dict[str, str | bytes] = {
    **{k: v for k, v in SITE.items() if not k.startswith(("content/objectives", "content/check"))},
    # 0.6999996: yellow, never "0.7" (green)
    "content/objectives/near-seven.md": objective("Near seven", kr("m", 6.999996)),
    # 0.3999996: red, never "0.4" (yellow)
    "content/objectives/near-four.md": objective("Near four", kr("m", 3.999996)),
    # 0.5 − 0.3499996 = 0.1500004 behind: at risk, never "0.35" (exactly 0.15: on track)
    "content/objectives/near-15.md": objective("Near 15", kr("m", 34.99996, target=100)),
    # 0.5 − 0.1999996 = 0.3000004 behind: off track, never "0.2" (at risk)
    "content/objectives/near-30.md": objective("Near 30", kr("m", 19.99996, target=100)),
    # 0.9999996 while running: on track, never "1" (done)
    "content/objectives/near-done.md": objective("Near done", kr("m", 9.999996)),
    # ended at 0.9999996: missed, never "1" (achieved)
    "content/objectives/near-missed.md": objective(
        "Near missed", kr("m", 9999996, target=10000000)
    ).replace("cycle: 2026-Q1", "cycle: 2025-Q4"),
    # aspirational, ended at 0.6999996: missed (success 0.7), never "0.7"
    "content/objectives/near-moonshot.md": objective(
        "Near moonshot", kr("m", 6.999996), "commitment: aspirational\n"
    ).replace("cycle: 2026-Q1", "cycle: 2025-Q4"),
}


def read_as_documented(
    progress: float, expected: float | None, success: float
) -> dict[str, object]:
    """What docs/site.md and docs/scoring.md let a BI user work out from the
    written figures alone (comparisons at 9 decimals, as documented)."""
    p = round(progress, 9)
    told: dict[str, object] = {
        "grade": "red" if p < 0.4 else "yellow" if p < 0.7 else "green",
        "achieved": p >= success,
    }
    if expected is not None:
        behind = round(expected - progress, 9)
        told["running"] = (
            "done"
            if p >= 1
            else "on-track"
            if behind <= 0.15
            else "at-risk"
            if behind <= 0.30
            else "off-track"
        )
    return told


def verdicts_hold(
    progress: str | float, expected: str | float, status: str, grade: str, success: float
) -> None:
    told = read_as_documented(float(progress), float(expected), success)
    assert told["grade"] == grade, (progress, grade)
    if status in ("achieved", "missed"):
        assert told["achieved"] == (status == "achieved"), (progress, status)
    else:
        assert told["running"] == status, (progress, expected, status)


@pytest.fixture(scope="module")
def near(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = write_site(tmp_path_factory.mktemp("near-boundaries"), NEAR_SITE)
    dest = root / "_site"
    result = CliRunner().invoke(
        cli,
        ["build", "--site", str(root), "--as-of", AS_OF, "--out", str(dest)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return root, dest


def test_exports_near_a_boundary_tell_their_own_grade_and_status(near: tuple[Path, Path]) -> None:
    """0.6999996 is yellow and 0.9999996 of an ended objective missed: every
    export writes them so that the documented rules, applied to the written
    figures, give the written grade, status and achieved (JSON, both CSVs,
    the cycle files, ``okrsite export``), and the badge agrees."""
    root, out = near
    text = (out / "api/portfolio.json").read_text(encoding="utf-8")
    exported = CliRunner().invoke(
        cli, ["export", "--site", str(root), "--as-of", AS_OF], catch_exceptions=False
    )
    assert exported.output.endswith(text)  # warnings on stderr; the same JSON
    data = json.loads(text)
    success = {"committed": 1.0, "aspirational": 0.7}
    by_id = {o["id"]: o for o in data["objectives"]}
    assert {o: by_id[o]["status"] for o in by_id} == {
        "near-seven": "on-track",
        "near-four": "on-track",
        "near-15": "at-risk",
        "near-30": "off-track",
        "near-done": "on-track",
        "near-missed": "missed",
        "near-moonshot": "missed",
    }
    assert by_id["near-seven"]["grade"] == "yellow" and by_id["near-four"]["grade"] == "red"
    for o in data["objectives"]:
        level = success[o["commitment"]]
        verdicts_hold(o["progress"], o["expected"], o["status"], o["grade"], level)
        for k in o["key_results"]:
            verdicts_hold(k["progress"], o["expected"], k["status"], k["grade"], level)
    for row in csv.DictReader(io.StringIO((out / "api/objectives.csv").read_text())):
        level = success[row["commitment"]]
        verdicts_hold(row["progress"], row["expected"], row["status"], row["grade"], level)
    for row in csv.DictReader(io.StringIO((out / "api/key-results.csv").read_text())):
        level = success[row["commitment"]]
        verdicts_hold(
            row["objective_progress"], row["expected"], row["objective_status"], row["grade"], level
        )
        assert float(row["kr_progress"]) == float(row["objective_progress"])
    for cycle in ("2025-Q4", "2026-Q1"):
        card = json.loads((out / f"api/cycles/{cycle}.json").read_text(encoding="utf-8"))
        rows = list(csv.DictReader(io.StringIO((out / f"api/cycles/{cycle}.csv").read_text())))
        for o, row in zip(card["objectives"], rows, strict=True):
            level = success[o["commitment"]]
            verdicts_hold(o["progress"], o["expected"], o["status"], o["grade"], level)
            verdicts_hold(row["progress"], row["expected"], row["status"], row["grade"], level)
            assert read_as_documented(o["progress"], None, level)["achieved"] == o["achieved"]
            assert row["achieved"] == str(o["achieved"]).lower()
            assert o["progress"] == by_id[o["id"]]["progress"]
        for moved in card["least_moved"]:
            record = by_id[moved["objective"]]["key_results"][0]
            assert moved["progress"] == record["progress"]
    # the badge's percentage is the same figure's, on the same side of 70%
    badge = (out / "badges/near-seven.svg").read_text(encoding="utf-8")
    assert 'aria-label="near-seven: 69% on track"' in badge
    assert by_id["near-seven"]["progress"] < 0.7
