"""After an edit of a figure, a check with the cache says what a cold check says.

The check after a few edits is answered from the last check's findings when
the edit changes nothing the cross-file rules read (:mod:`okrsite.edit_check`).
Some rules read figures: OKR124 (``1.275`` meant as 1275), OKR128 (``0.031``
meant as 3.1%), OKR129 (``16.5`` beside "ARR from $10M to $20M") and OKR410's
example. Audit 43 found the cached check keeping a warning after the typo was
fixed, and never showing one for a new typo, so ``check --strict`` passed.

Each test here runs a series of edits on one site through the CLI, each with
the cache of the run before, and holds ``check`` (text, JSON, GitHub formats),
``build`` and the preview's load (in-memory parses and scores, as ``okrsite
serve`` rebuilds after a save) equal to a run without the cache.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from test_load_cache import checks, run, written

from okrsite.load_cache import ParseCache
from okrsite.parse_store import stored_parse_cache
from okrsite.pipeline import load_site
from okrsite.scoring import ScoreMemo

AS_OF = "2026-11-20"
OLD = 1_700_000_000_000_000_000  # long past: stat signatures are trusted

OBJECTIVE = """---
title: Grow the customer base
cycle: 2026-Q4
owner: Uma Diaz
key_results:
  - id: customers
    title: Customers from 1200 to 1500
    start: 1200
    target: 1500
  - id: churn
    title: Churn from 4% to 2%
    start: 4%
    target: 2%
  - id: arr
    title: ARR from $10M to $20M
  - id: tickets
    title: Reduce open tickets to 30
    target: 30
---
"""

CHECKIN = """---
objective: growth
date: 2026-11-12
values: {customers: 1300, churn: 3.1, arr: 15000000, tickets: 40}
---
"""

KPI = """---
title: Uptime
unit: "%"
target: 99.5
thresholds: {green: 99.5, red: 99}
values:
  2026-11-01: 99.7
---
"""

KPI_CHECKIN = "---\nkpi: uptime\ndate: 2026-11-15\nvalue: 99.6\n---\n"

GROWTH = "content/objectives/growth.md"
VALUES = "content/checkins/2026-11-12.md"
UPTIME = "content/kpis/uptime.md"
READING = "content/checkins/2026-11-15-uptime.md"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    files = {
        "okrsite.toml": 'title = "T"\n',
        GROWTH: OBJECTIVE,
        VALUES: CHECKIN,
        UPTIME: KPI,
        READING: KPI_CHECKIN,
        "content/people/uma-diaz.md": "---\ntitle: Uma Diaz\n---\n",
    }
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        os.utime(path, ns=(OLD, OLD))
    return root


def edit(site: Path, rel: str, old: str, new: str) -> None:
    path = site / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    written(path, text.replace(old, new, 1))


#: one edit after another (file, text before, text after), and what the cold
#: check shows after it (``None``: not asked)
EDITS: list[tuple[str, str, str, str | None]] = [
    (VALUES, "customers: 1300", "customers: 1.275", "OKR124"),  # a new typo
    (VALUES, "customers: 1.275", "customers: 1275", None),  # the typo mended
    (VALUES, "churn: 3.1", "churn: 0.031", "OKR128"),
    (VALUES, "churn: 0.031", "churn: 3.1%", None),
    (VALUES, "customers: 1275", "customers: 1.325", "OKR124"),
    (GROWTH, "target: 1500", "target: 1600", "from 1200 to 1600"),  # quoted by OKR124
    (GROWTH, "title: Customers from 1200 to 1500", "title: Customers", "OKR124"),
    (VALUES, "customers: 1.325", "customers: 1325", None),
    (GROWTH, "start: 4%\n    target: 2%", "start: 0.5%\n    target: 0.2%", None),
    (VALUES, "churn: 3.1%", "churn: 0.031", None),  # 3.1% lies outside 0.5% → 0.2%
    (GROWTH, "start: 0.5%\n    target: 0.2%", "start: 4%\n    target: 2%", "OKR128"),
    (VALUES, "churn: 0.031", "churn: 3.1", None),
    (VALUES, "arr: 15000000", "arr: 16.5", "OKR129"),
    (VALUES, "arr: 16.5", "arr: 17500000", None),
    (VALUES, "tickets: 40", "tickets: 45", "start: 45"),  # OKR410's example
    (GROWTH, "title: Reduce open tickets to 30", "title: Open tickets to 30", None),
    (READING, "value: 99.6", "value: 0.996", "OKR128"),  # a KPI's share of one
    (READING, "value: 0.996", "value: 99.4", None),
    (UPTIME, "2026-11-01: 99.7", "2026-11-01: 0.997", "OKR127"),
    (UPTIME, "2026-11-01: 0.997", "2026-11-01: 99.8", None),
    (VALUES, "customers: 1325", "customers: 1350", None),
    (VALUES, "customers: 1350", 'customers: "1,350"', None),  # German: 1.35 (OKR124)
    (VALUES, 'customers: "1,350"', 'customers: "1,325"', None),  # German: 1.325 (OKR124)
    (GROWTH, "owner: Uma Diaz", "owner: Uma", None),
]


def answered_from_findings(site: Path) -> bool:
    """Whether a check now would be answered from the last findings."""
    stored = stored_parse_cache(site)
    assert stored is not None
    load_site(site, date.fromisoformat(AS_OF), cache=stored.cache)
    return stored.cache.fill is not None


def built(site: Path, out: Path, *extra: str) -> tuple[int, list[str]]:
    """The exit code and findings of a build (its other lines name times and folders)."""
    code, text = run("build", "--site", str(site), "--as-of", AS_OF, "--out", str(out), *extra)
    return code, [line for line in text.splitlines() if " OKR" in line]


@pytest.mark.parametrize("language", ["en", "de"])
def test_check_after_each_figure_edit_equals_a_cold_check(site: Path, language: str) -> None:
    """In English and in German, whose decimal comma reads ``"1,350"`` as 1.35."""
    written(site / "okrsite.toml", f'title = "T"\nlanguage = "{language}"\n')
    checks(site)  # fills the cache
    for rel, old, new, shown in EDITS:
        edit(site, rel, old, new)
        cold = checks(site, "--no-cache")
        assert shown is None or shown in cold[0][1], (new, cold[0][1])
        assert checks(site) == cold, f"after {old!r} → {new!r}"


def test_plain_edits_still_take_the_short_way(site: Path) -> None:
    """A value or target no value rule reads as a slip changes no finding:
    the check is still answered from the last findings."""
    checks(site)
    edit(site, VALUES, "customers: 1300", "customers: 1350")
    assert answered_from_findings(site)
    checks(site)
    edit(site, GROWTH, "target: 1500", "target: 1600")
    assert answered_from_findings(site)
    checks(site)
    edit(site, READING, "value: 99.6", "value: 99.4")
    assert answered_from_findings(site)
    assert checks(site) == checks(site, "--no-cache")


def test_build_after_each_figure_edit_equals_a_cold_build(site: Path, tmp_path: Path) -> None:
    built(site, tmp_path / "warm")
    for rel, old, new, _ in EDITS[:6]:
        edit(site, rel, old, new)
        checks(site)  # a check first, as a pre-commit hook runs it: its outcome is patched
        assert built(site, tmp_path / "warm") == built(site, tmp_path / "cold", "--no-cache"), new


def test_the_previews_load_after_each_figure_edit_equals_a_cold_load(site: Path) -> None:
    """``okrsite serve`` loads again after each save with the parses and scores
    it holds in memory."""
    day = date.fromisoformat(AS_OF)
    cache, memo = ParseCache(), ScoreMemo()
    load_site(site, day, cache=cache, jobs=1, scores=memo)
    for rel, old, new, _ in EDITS:
        edit(site, rel, old, new)
        cache.changed(None)
        warm = load_site(site, day, cache=cache, jobs=1, scores=memo)
        cold = load_site(site, day, jobs=1)
        assert warm.diagnostics == cold.diagnostics, f"after {old!r} → {new!r}"
        assert warm.scored == cold.scored


def test_a_title_quoted_by_a_hint_is_rechecked_after_its_edit(site: Path) -> None:
    """A check-in naming its objective by title gets OKR303 with a hint that
    names the objective of that title; after the title is edited, the hint
    must say what a cold check says (the facts leave titles out)."""
    edit(site, VALUES, "objective: growth", "objective: Grow the customer base")
    first = checks(site)
    assert "is the title of objective 'growth'" in first[0][1]
    edit(site, GROWTH, "title: Grow the customer base", "title: Grow revenue")
    cold = checks(site, "--no-cache")
    assert "is the title of objective" not in cold[0][1]
    assert checks(site) == cold
