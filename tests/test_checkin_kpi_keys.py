"""A KPI check-in that writes its KPI's id as a key: another way, or beside ``value:``.

``kpi: nps`` with ``nps: 44`` gives the reading under the KPI's id. Written
in another letter case or with spaces for underscores (``NPS: 44``, ``CSAT
score: 80``), the key is the id written another way: one error at its line
naming the id to write, as a key result's id written another way in an
objective's check-in is (OKR304), and neither "needs 'value:'" (OKR101) nor
"unknown key" (OKR111). Written beside ``value:`` (``value: 45``, ``nps:
42``), the reading is given twice: one warning at the id's line saying that
``value:`` counts, as a key result's value written at the top and under
``values:`` is. Each case writes a real site and runs the real ``okrsite
check``; the last ones check that a check after one edit, answered from the
last check's findings, says what a check without the cache says.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from okrsite.cli import cli
from okrsite.parse_store import stored_parse_cache
from okrsite.pipeline import load_site

NPS = (
    "---\ntitle: NPS\nunit: points\nthresholds: {green: 40, red: 20}\n"
    "values:\n  2026-02-20: 30\n---\n"
)
CSAT = (
    "---\ntitle: CSAT\nunit: points\nthresholds: {green: 80, red: 60}\n"
    "values:\n  2026-02-20: 70\n---\n"
)
OBJECTIVE = (
    "---\ntitle: Grow\ncycle: 2026-Q1\nowner: al\n"
    "key_results:\n  - {id: revenue, title: Revenue, target: 10}\n"
    "  - {id: deals, title: Deals, target: 4}\n---\n"
)
OLD = 1_700_000_000_000_000_000  # long past: stat signatures are trusted
AS_OF = "2026-03-01"


def site_with(tmp_path: Path, checkins: dict[str, str]) -> Path:
    """A site of the KPIs nps and csat_score (no finding about them) and ``checkins``."""
    site = tmp_path / "site"
    for folder in ("objectives", "kpis", "checkins"):
        (site / "content" / folder).mkdir(parents=True)
    (site / "okrsite.toml").write_text(f"as_of = {AS_OF}\n", encoding="utf-8")
    (site / "content/kpis/nps.md").write_text(NPS, encoding="utf-8")
    (site / "content/kpis/csat_score.md").write_text(CSAT, encoding="utf-8")
    for name, text in checkins.items():
        (site / "content/checkins" / name).write_text(text, encoding="utf-8")
    for path in site.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(OLD, OLD))
    return site


def check(site: Path, *more: str) -> Result:
    result = CliRunner().invoke(cli, ["check", "--site", str(site), *more])
    assert "Traceback" not in result.output, result.output
    return result


def findings(result: Result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith("content/")]


def kpi_checkin(day: str, *lines: str, kpi: str = "nps") -> str:
    return "---\n" + f"kpi: {kpi}\ndate: {day}\n" + "".join(f"{x}\n" for x in lines) + "---\n"


def test_the_kpi_id_in_capitals_is_one_error_naming_the_id(tmp_path: Path) -> None:
    site = site_with(tmp_path, {"2026-02-01-nps.md": kpi_checkin("2026-02-01", "NPS: 44")})
    result = check(site, "--no-cache")
    assert result.exit_code == 1
    assert findings(result) == [
        "content/checkins/2026-02-01-nps.md:4:6: error OKR303: the check-in gives its "
        "reading under 'NPS', which is not the id of KPI 'nps': the value is not read "
        "(hint: did you mean 'nps'? write nps: 44 or value: 44)"
    ]


@pytest.mark.parametrize(
    "line,kpi,column",
    [
        ("Nps: 44", "nps", 6),
        ("CSAT score: 80", "csat_score", 13),
        ("csat-score: 80", "csat_score", 13),
        ("Csat_Score: 80", "csat_score", 13),
    ],
)
def test_the_kpi_id_written_another_way_is_the_same_error(
    tmp_path: Path, line: str, kpi: str, column: int
) -> None:
    key, figure = line.split(": ")
    site = site_with(tmp_path, {"2026-02-01-x.md": kpi_checkin("2026-02-01", line, kpi=kpi)})
    result = check(site, "--no-cache")
    assert result.exit_code == 1
    assert findings(result) == [
        f"content/checkins/2026-02-01-x.md:4:{column}: error OKR303: the check-in gives its "
        f"reading under {key!r}, which is not the id of KPI {kpi!r}: the value is not read "
        f"(hint: did you mean {kpi!r}? write {kpi}: {figure} or value: {figure})"
    ]


def test_the_exact_id_is_the_reading_and_an_unrelated_key_stays_unknown(tmp_path: Path) -> None:
    site = site_with(
        tmp_path,
        {
            "2026-02-01-nps.md": kpi_checkin("2026-02-01", "nps: 44"),
            "2026-02-02-nps.md": kpi_checkin("2026-02-02", "value: 45", "promoters: 12"),
            "2026-02-03-nps.md": kpi_checkin("2026-02-03", "promoters: 12"),
        },
    )
    result = check(site, "--no-cache")
    assert result.exit_code == 1
    assert findings(result) == [
        "content/checkins/2026-02-02-nps.md:5:1: warning OKR111: unknown key 'promoters' "
        "in a checkin is ignored (hint: known keys: author, comment, confidence, date, id, "
        "kpi, note, notes, objective, type, value, values)",
        "content/checkins/2026-02-03-nps.md:1: error OKR101: a KPI check-in needs 'value:' "
        "(hint: add 'value: 42')",
        "content/checkins/2026-02-03-nps.md:4:1: warning OKR111: unknown key 'promoters' "
        "in a checkin is ignored (hint: known keys: author, comment, confidence, date, id, "
        "kpi, note, notes, objective, type, value, values)",
    ]


def test_a_key_result_id_in_capitals_is_still_its_own_error(tmp_path: Path) -> None:
    """The rule the KPI case follows, unchanged."""
    site = site_with(
        tmp_path,
        {"a.md": "---\nobjective: grow\ndate: 2026-02-01\nRevenue: 4\n---\n"},
    )
    (site / "content/objectives/grow.md").write_text(OBJECTIVE, encoding="utf-8")
    result = check(site, "--no-cache")
    assert result.exit_code == 1
    assert [x for x in findings(result) if x.startswith("content/checkins/")] == [
        "content/checkins/a.md:4:10: error OKR304: objective 'grow' has no key result "
        "'Revenue' (hint: did you mean 'revenue'?)"
    ]


def test_the_reading_given_twice_is_one_warning_saying_value_counts(tmp_path: Path) -> None:
    site = site_with(
        tmp_path, {"2026-02-02-nps.md": kpi_checkin("2026-02-02", "value: 45", "nps: 42")}
    )
    result = check(site, "--no-cache")
    assert result.exit_code == 0  # a warning: the check passes, with value: 45
    assert findings(result) == [
        "content/checkins/2026-02-02-nps.md:5:1: warning OKR111: the reading of KPI 'nps' "
        "is given twice, as nps: 42 and as value: 45: value: 45 counts, this one is ignored "
        "(hint: keep one: remove this line, or remove value: 45)"
    ]
    strict = check(site, "--no-cache", "--strict")
    assert strict.exit_code == 1


def test_the_same_reading_given_twice_is_still_one_warning(tmp_path: Path) -> None:
    """As a key result's value at the top and under values: is, equal or not."""
    site = site_with(
        tmp_path, {"2026-02-02-nps.md": kpi_checkin("2026-02-02", "nps: 45", "value: 45")}
    )
    result = check(site, "--no-cache")
    assert result.exit_code == 0
    assert findings(result) == [
        "content/checkins/2026-02-02-nps.md:4:1: warning OKR111: the reading of KPI 'nps' "
        "is given twice, as nps: 45 and as value: 45: value: 45 counts, this one is ignored "
        "(hint: keep one: remove this line, or remove value: 45)"
    ]


def test_the_id_written_another_way_beside_value_is_the_reading_given_twice(
    tmp_path: Path,
) -> None:
    site = site_with(
        tmp_path, {"2026-02-02-nps.md": kpi_checkin("2026-02-02", "value: 45", "NPS: 42")}
    )
    result = check(site, "--no-cache")
    assert result.exit_code == 0
    assert findings(result) == [
        "content/checkins/2026-02-02-nps.md:5:1: warning OKR111: the reading of KPI 'nps' "
        "is given twice, as NPS: 42 ('NPS' is its id written another way) and as value: 45: "
        "value: 45 counts, this one is ignored (hint: keep one: remove this line, or remove "
        "value: 45)"
    ]


def test_value_counts_in_the_built_kpi(tmp_path: Path) -> None:
    """What the warning says counts is what the KPI reads: 45, not 42."""
    site = site_with(
        tmp_path, {"2026-02-22-nps.md": kpi_checkin("2026-02-22", "value: 45", "nps: 42")}
    )
    series = load_site(site, date.fromisoformat(AS_OF)).scored.portfolio.kpi_series
    assert series["nps"][-1] == (date(2026, 2, 22), 45.0)


def written(path: Path, text: str) -> None:
    """Write ``text`` with a modification time of its own (as an editor's save gets)."""
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 7_000_000_000, before + 7_000_000_000))


def answered_from_findings(site: Path) -> bool:
    """Whether a load now would skip reading every parse (the one-edit path)."""
    stored = stored_parse_cache(site)
    assert stored is not None
    load_site(site, date.fromisoformat(AS_OF), cache=stored.cache)
    return stored.cache.fill is not None


def runs(site: Path, *more: str) -> list[tuple[int, str]]:
    """Exit code and output of check in text, JSON and GitHub formats."""
    return [
        (r.exit_code, r.output)
        for fmt in ("text", "json", "github")
        for r in [check(site, "--format", fmt, *more)]
    ]


@pytest.mark.parametrize(
    "before,after,fast",
    [
        # the same record (value: 45), one warning more: answered from the findings
        (("value: 45",), ("value: 45", "nps: 42"), True),
        (("value: 45",), ("value: 45", "NPS: 42"), True),
        # a check-in that breaks: a full load
        (("nps: 44",), ("NPS: 44",), False),
        (("value: 44",), ("CSAT score: 44",), False),
    ],
    ids=["twice", "twice-capitals", "capitals", "another-way"],
)
def test_a_check_after_editing_the_checkin_equals_a_cold_check(
    tmp_path: Path, before: tuple[str, ...], after: tuple[str, ...], fast: bool
) -> None:
    kpi = "csat_score" if any("CSAT" in x for x in after) else "nps"
    rel = "2026-02-22-x.md"
    site = site_with(tmp_path, {rel: kpi_checkin("2026-02-22", *before, kpi=kpi)})
    clean = runs(site, "--no-cache")
    assert runs(site) == clean  # fills the cache
    assert clean[0] == (0, clean[0][1]) and "content/" not in clean[0][1]
    written(site / "content/checkins" / rel, kpi_checkin("2026-02-22", *after, kpi=kpi))
    cold = runs(site, "--no-cache")
    assert cold != clean
    assert answered_from_findings(site) is fast
    assert runs(site) == cold
    assert runs(site) == cold  # and from what the edited run stored
    key = after[-1].split(":")[0]
    (finding,) = findings(check(site, "--no-cache"))
    assert finding.startswith(f"content/checkins/{rel}:{len(after) + 3}:")
    if fast:
        assert f"warning OKR111: the reading of KPI {kpi!r} is given twice, as {key}: " in finding
    else:
        assert f"error OKR303: the check-in gives its reading under {key!r}" in finding
        assert f"(hint: did you mean {kpi!r}? write {kpi}: 44 or value: 44)" in finding
