"""``okrsite diff`` and a KPI's data (audit 48, kpidata findings 1, 2 and 5).

1. A row added above a data file's warning (the nightly ``okrsite pull``
   adds this week's row above the ``Total`` row) is no new finding: the
   messages no longer repeat the row their location gives, and what a
   message quotes of other lines (OKR206's "on line 5 and … on line 6") is
   left out of the comparison, as the location is.
2. A German report names every field in German: ``health`` was written in
   English; a walk over every field the diff can write guards the next one.
3. A reading backdated into an ended cycle (an old CSV row corrected, a KPI
   check-in dated in the past) is named under its KPI, and ``--fail-on
   ended-cycle`` fires when it moves that cycle's final figures.

Every site is built in a real git repository and diffed through the CLI.
"""

from __future__ import annotations

import ast
import json
import os
from pathlib import Path

from babel.messages.pofile import read_po
from click.testing import CliRunner
from gitrepo import Repo

from okrsite.cli import cli
from okrsite.diff_words import FIELD_WORDS, NAMED_AS_PAGES

REPO = Path(__file__).resolve().parents[1]

KPI = """---
title: Signups
target: 1500
thresholds: {green: 1480, red: 1300}
data: data/signups.csv
---
"""
# a duplicate date (OKR206), a month without a value (OKR205), a totals row (OKR207)
CSV = "date,value\n2026-11-02,1402\n2026-11-02,1410\n2026-11-05,\n2026-11-09,1455\nTotal,4267\n"
PULLED = (
    "date,value\n2026-10-26,1390\n2026-11-02,1402\n2026-11-02,1410\n2026-11-05,\n"
    "2026-11-09,1455\n2026-11-16,1501\nTotal,7158\n"
)


def run(repo: Repo, *args: str) -> tuple[int, str]:
    old = Path.cwd()
    os.chdir(repo.root)
    try:
        result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)
    # okrsite check writes its findings to stderr, diff its report to stdout
    return result.exit_code, result.output if args[0] == "check" else result.stdout


def kpi_site(root: Path, language: str = "en") -> Repo:
    repo = Repo(root)
    repo.write("okrsite.toml", f'language = "{language}"\nas_of = "2026-11-20"\n')
    repo.write("content/kpis/signups.md", KPI)
    repo.write("content/data/signups.csv", CSV)
    repo.commit("signups", "alice", "2026-11-10T10:00:00+00:00")
    return repo


# ------------------------------------------------------------- 1. findings
def test_rows_added_above_the_data_files_warnings_introduce_and_resolve_nothing(
    tmp_path: Path,
) -> None:
    repo = kpi_site(tmp_path / "s")
    code, checked = run(repo, "check")
    assert "'Total' makes the row a totals row (it sums the others)" in checked, checked
    assert "the row has no value: left out" in checked, checked
    repo.write("content/data/signups.csv", PULLED)  # a row above every warning, one more below
    code, out = run(repo, "diff", "HEAD", "--format", "json", "--fail-on", "none")
    found = json.loads(out)["diagnostics"]
    assert found["introduced"] == [] and found["resolved"] == [], found
    code, text = run(repo, "diff", "HEAD", "--format", "text", "--fail-on", "none")
    assert "introduces" not in text and "OKR20" not in text, text
    # what the message says still counts: a duplicate's other value changed is new
    repo.write("content/data/signups.csv", PULLED.replace("2026-11-02,1410", "2026-11-02,1420"))
    code, out = run(repo, "diff", "HEAD", "--format", "json", "--fail-on", "none")
    found = json.loads(out)["diagnostics"]
    assert [d["code"] for d in found["introduced"]] == ["OKR206"], found
    assert "1420 on line 4" in found["introduced"][0]["message"], found
    assert [d["code"] for d in found["resolved"]] == ["OKR206"], found


def test_a_key_written_twice_keeps_its_finding_when_lines_come_above(tmp_path: Path) -> None:
    """A message naming two lines of the file (the key's first and second)."""
    repo = Repo(tmp_path / "s")
    repo.write("okrsite.toml", 'as_of = "2026-11-20"\n')
    twice = "---\ntitle: Signups\ntarget: 1500\ntarget: 1600\n---\n"
    repo.write("content/kpis/signups.md", twice)
    repo.commit("signups", "alice", "2026-11-10T10:00:00+00:00")
    repo.write("content/kpis/signups.md", twice.replace("---\n", "---\nowner: Ana\n", 1))
    code, out = run(repo, "diff", "HEAD", "--format", "json", "--fail-on", "none")
    found = json.loads(out)["diagnostics"]
    assert found["introduced"] == [] and found["resolved"] == [], found


# ------------------------------------------------------------- 2. German words
def test_a_german_report_names_the_kpis_health_in_german(tmp_path: Path) -> None:
    repo = kpi_site(tmp_path / "s", "de")
    repo.write("content/data/signups.csv", PULLED)
    code, text = run(repo, "diff", "HEAD", "--format", "text", "--fail-on", "none")
    assert "Zustand: bedenklich → gesund" in text and "health" not in text, text
    code, markdown = run(repo, "diff", "HEAD", "--fail-on", "none")
    assert "- Zustand: bedenklich → gesund" in markdown and "health" not in markdown, markdown


def _fields_the_diff_writes() -> set[str]:
    """Every field name a FieldChange of okrsite can carry: the first argument
    of each ``_field(...)`` and ``FieldChange(...)`` call in its modules."""
    names = set(FIELD_WORDS)
    for module in (REPO / "okrsite").rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            called = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            first = node.args[0]
            if called in ("_field", "FieldChange") and isinstance(first, ast.Constant):
                names.add(first.value)
    names.add("unit")  # _unit_field
    return names


def test_every_field_the_diff_writes_has_a_german_name() -> None:
    with (REPO / "themes/default/translations/de.po").open("rb") as f:
        german = {m.id: m.string for m in read_po(f) if m.id}
    fields = _fields_the_diff_writes()
    assert {"health", "value", "green", "file", "key result"} <= fields  # the walk finds them
    missing = {
        name: FIELD_WORDS.get(name, name)
        for name in sorted(fields)
        if not german.get(FIELD_WORDS.get(name, name))
    }
    assert missing == {}, f"fields the German report would write in English: {missing}"
    assert set(FIELD_WORDS) >= NAMED_AS_PAGES


# ------------------------------------------------------------- 3. backdated readings
Q3 = """---
title: Answer faster
owner: Uma Diaz
cycle: 2026-Q3
key_results:
  - {id: churn_cap, title: Keep churn below 3.5%, kpi: churn, stay_below: 3.5%}
  - {id: csat, title: CSAT, start: 80, target: 90, current: 90}
---
"""
CHURN = """---
title: Monthly churn
direction: lower is better
target: 2%
thresholds: {green: 2.5%, red: 3.5%}
data: data/churn.csv
---
"""
CHURN_CSV = "date,value\n2026-07-01,3.9%\n2026-08-01,3.6%\n2026-09-01,3.4%\n2026-10-01,3.1%\n"


def churn_site(root: Path, language: str = "en") -> Repo:
    repo = Repo(root)
    repo.write("okrsite.toml", f'language = "{language}"\nas_of = "2026-11-20"\n')
    repo.write("content/objectives/support/q3.md", Q3)
    repo.write("content/kpis/churn.md", CHURN)
    repo.write("content/data/churn.csv", CHURN_CSV)
    repo.commit("support", "alice", "2026-11-10T10:00:00+00:00")
    return repo


def test_an_old_reading_corrected_is_named_and_fails_ended_cycle(tmp_path: Path) -> None:
    repo = churn_site(tmp_path / "s")
    repo.write("content/data/churn.csv", CHURN_CSV.replace("09-01,3.4%", "09-01,3.7%"))
    code, text = run(repo, "diff", "HEAD", "--format", "text", "--fail-on", "ended-cycle")
    assert code == 1, text
    assert "  ~ kpi churn Monthly churn\n" in text, text
    assert "      after 2026-Q3 ended: the cycle's final figures change\n" in text, text
    assert "      reading of 2026-09-01: 3.4% → 3.7%\n" in text, text
    assert "kpi churn: readings up to the end of 2026-Q3 changed after it ended" in text, text
    code, markdown = run(repo, "diff", "HEAD", "--fail-on", "none")
    assert "  - **after 2026-Q3 ended**: the cycle's final figures change" in markdown, markdown
    assert "  - reading of 2026-09-01: 3.4% → 3.7%" in markdown, markdown
    code, out = run(repo, "diff", "HEAD", "--format", "json", "--fail-on", "none")
    (churn,) = json.loads(out)["kpis"]
    assert churn["cycle_ended"] == "2026-Q3", churn
    assert churn["readings"] == [{"date": "2026-09-01", "before": 3.4, "after": 3.7}], churn
    assert [f["rule"] for f in json.loads(out)["findings"]] == ["ended-cycle"]


def test_a_kpi_checkin_dated_in_an_ended_cycle_fails_ended_cycle(tmp_path: Path) -> None:
    repo = churn_site(tmp_path / "s")
    code, said = run(repo, "checkin", "churn", "--value", "3.8", "--date", "2026-09-20")
    assert code == 0, said
    code, text = run(repo, "diff", "HEAD", "--format", "text", "--fail-on", "ended-cycle")
    assert code == 1, text
    assert "      reading of 2026-09-20 added: 3.8%\n" in text, text


def test_this_weeks_reading_names_it_and_leaves_the_ended_cycle_alone(tmp_path: Path) -> None:
    repo = churn_site(tmp_path / "s")
    repo.write("content/data/churn.csv", CHURN_CSV + "2026-11-01,3.0%\n")
    code, text = run(repo, "diff", "HEAD", "--format", "text", "--fail-on", "ended-cycle")
    assert code == 0, text
    assert "reading of 2026-11-01 added: 3%" in text and "ended" not in text, text
    # a reading removed is said so too
    repo.write("content/data/churn.csv", CHURN_CSV.replace("2026-10-01,3.1%\n", ""))
    code, text = run(repo, "diff", "HEAD", "--format", "text", "--fail-on", "none")
    assert "reading of 2026-10-01 removed: 3.1%" in text, text


def test_a_backdated_reading_in_german(tmp_path: Path) -> None:
    repo = churn_site(tmp_path / "s", "de")
    repo.write("content/data/churn.csv", CHURN_CSV.replace("09-01,3.4%", "09-01,3.7%"))
    code, text = run(repo, "diff", "HEAD", "--format", "text", "--fail-on", "ended-cycle")
    text = text.replace("\u00a0", " ")
    assert code == 1, text
    assert "      nach dem Ende von 2026-Q3: die Endzahlen des Zyklus ändern sich\n" in text, text
    assert "      Messwert vom 01.09.2026: 3,4 % → 3,7 %\n" in text, text
    assert "Kennzahl churn: Messwerte bis zum Ende von 2026-Q3 nach dessen Ende geändert" in text
    code, markdown = run(repo, "diff", "HEAD", "--fail-on", "none")
    assert "  - Messwert vom 01.09.2026: 3,4 % → 3,7 %" in markdown.replace("\u00a0", " ")


def test_a_year_of_rows_pulled_names_twelve_and_counts_the_rest(tmp_path: Path) -> None:
    repo = churn_site(tmp_path / "s")
    days = "".join(f"2026-11-{day:02d},3.0%\n" for day in range(1, 15))
    repo.write("content/data/churn.csv", CHURN_CSV + days)
    code, text = run(repo, "diff", "HEAD", "--format", "text", "--fail-on", "ended-cycle")
    assert code == 0, text
    assert text.count("reading of 2026-11-") == 12 and "      and 2 more readings\n" in text, text
    code, out = run(repo, "diff", "HEAD", "--format", "json", "--fail-on", "none")
    assert len(json.loads(out)["kpis"][0]["readings"]) == 14
