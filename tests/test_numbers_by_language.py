"""``1,200`` as the site's language writes it.

One comma before exactly three digits is a thousand two hundred in English
and one point two in German. A team pastes figures from its spreadsheet the
way its locale shows them, so okrsite reads them by ``language`` in
``okrsite.toml``, as the spreadsheet did: English (the default) groups
thousands, German writes a decimal comma, and a language that tells neither
(an unknown code) refuses the figure with both readings. Each test builds
or checks a real site (the JSON export, the pages, the history of a real git
repository, a real import) and asserts on the figures.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write_site

from okrsite.cli import cli
from okrsite.pipeline import load_site
from okrsite.written_numbers import comma_groups_thousands, read_number

AS_OF = date(2026, 11, 25)

#: as a team pastes them: figures with commas, a unit written beside one, a
#: currency sign, check-in values jotted at the top, a KPI's readings
PASTED = {
    "content/objectives/support/tickets.md": """
        ---
        title: Handle more tickets each month
        cycle: 2026-Q4
        owner: Uma Diaz
        key_results:
          - id: closed
            title: Close more tickets each month
            start: 1,200
            target: 2,500 tickets
          - id: upsell
            title: Grow support upsell revenue
            start: €1,500
            target: "€4,000"
        ---
        Pasted from the planning sheet.
    """,
    "content/checkins/support/tickets/2026-11-20.md": """
        ---
        date: 2026-11-20
        closed: 1,850
        upsell: 2,250
        ---
    """,
    "content/kpis/backlog.md": """
        ---
        title: Open tickets
        direction: down
        target: 1,000
        values:
          2026-10-01: 1,400
          2026-11-01: 1,250
        ---
    """,
    "content/goals/handbook.md": """
        ---
        title: Write the support handbook
        owner: Uma Diaz
        cycle: 2026-Q4
        start: 0 pages
        target: 1,000 pages
        current: 250
        due: 2026-12-31
        ---
    """,
}


def site_in(tmp_path: Path, language: str | None) -> Path:
    toml = 'title = "Support"\n' + (f'language = "{language}"\n' if language else "")
    return write_site(tmp_path / (language or "default"), {"okrsite.toml": toml, **PASTED})


def figures(site: Path) -> dict[str, object]:
    result = load_site(site, AS_OF)
    errors = [d.render() for d in result.diagnostics if d.is_error]
    assert errors == [], errors
    p = result.scored.portfolio
    closed, upsell = p.objectives["support/tickets"].key_results
    (checkin,) = p.checkins
    return {
        "closed": (closed.start, closed.target, closed.unit),
        "upsell": (upsell.start, upsell.target, upsell.unit),
        "checkin": checkin.values,
        "kpi": (p.kpis["backlog"].target, [v for _d, v in p.kpis["backlog"].values]),
        "goal": (p.goals["handbook"].measure.target, p.goals["handbook"].measure.current),
    }


@pytest.mark.parametrize("language", [None, "en", "en-US"])
def test_an_english_site_reads_a_comma_before_three_digits_as_thousands(
    tmp_path: Path, language: str | None
) -> None:
    assert figures(site_in(tmp_path, language)) == {
        "closed": (1200, 2500, "tickets"),
        "upsell": (1500, 4000, "€"),
        "checkin": {"closed": 1850, "upsell": 2250},
        "kpi": (1000, [1400, 1250]),
        "goal": (1000, 250),
    }


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_a_site_writing_decimal_commas_reads_it_as_a_decimal(tmp_path: Path, language: str) -> None:
    assert figures(site_in(tmp_path, language)) == {
        "closed": (1.2, 2.5, "tickets"),
        "upsell": (1.5, 4.0, "€"),
        "checkin": {"closed": 1.85, "upsell": 2.25},
        "kpi": (1.0, [1.4, 1.25]),
        "goal": (1.0, 250),
    }


def test_a_language_that_tells_neither_refuses_the_figure_with_both_readings(
    tmp_path: Path,
) -> None:
    site = site_in(tmp_path, "xx")
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--as-of", str(AS_OF)])
    assert result.exit_code == 1
    assert (
        "content/objectives/support/tickets.md:8:12: error OKR102: start must be a number, "
        "got '1,200' (hint: write 1200 for the whole number or 1.200 for the decimal: "
        "one comma before three digits means either"
    ) in result.output
    # the check-in's values jotted at the top are values refused the same way,
    # not unknown keys, and its folder's objective (refused) is not said to be missing
    assert (
        "content/checkins/support/tickets/2026-11-20.md:3:9: error OKR102: value of closed "
        "must be a number, got '1,850' (hint: write 1850 for the whole number or 1.850"
    ) in result.output
    assert "OKR101" not in result.output and "OKR111" not in result.output
    assert "Traceback" not in result.output


def test_the_reading_follows_a_change_of_language_through_the_caches(tmp_path: Path) -> None:
    """The parse cache and the page cache are keyed by how ``1,200`` reads:
    switching the language of a built site rebuilds its figures."""
    site = site_in(tmp_path, "en")
    out, cache = tmp_path / "out", tmp_path / "cache"
    build = ["build", "--site", str(site), "--as-of", str(AS_OF), "--out", str(out)]
    build += ["--cache-dir", str(cache)]

    def closed() -> tuple[object, object]:
        result = CliRunner().invoke(cli, build)
        assert result.exit_code == 0, result.output
        data = json.loads((out / "api" / "portfolio.json").read_text(encoding="utf-8"))
        (obj,) = data["objectives"]
        kr = obj["key_results"][0]
        return kr["start"], kr["target"]

    assert closed() == (1200, 2500)
    toml = site / "okrsite.toml"
    toml.write_text('title = "Support"\nlanguage = "de"\n', encoding="utf-8")
    assert closed() == (1.2, 2.5)
    assert "1,2 → 1,85 → 2,5 tickets" in (
        out / "objectives" / "support" / "tickets" / "index.html"
    ).read_text(encoding="utf-8")
    toml.write_text('title = "Support"\n', encoding="utf-8")
    assert closed() == (1200, 2500)
    assert "1,200 → 1,850 → 2,500 tickets" in (
        out / "objectives" / "support" / "tickets" / "index.html"
    ).read_text(encoding="utf-8")


def git(repo: Path, *args: str, when: str = "2026-10-05T10:00:00") -> None:
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Uma Diaz",
        "GIT_AUTHOR_EMAIL": "uma@example.com",
        "GIT_COMMITTER_NAME": "Uma Diaz",
        "GIT_COMMITTER_EMAIL": "uma@example.com",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def test_the_history_reads_old_versions_as_the_site_reads_its_files(tmp_path: Path) -> None:
    """A target moved from ``2,500 tickets`` to ``3,000 tickets`` in git is
    "target 2500 → 3000" in an English site's history, as its page says."""
    site = site_in(tmp_path, None)
    git(site, "init", "-q", "-b", "main")
    git(site, "add", "-A")
    git(site, "commit", "-qm", "Plan Q4")
    file = site / "content" / "objectives" / "support" / "tickets.md"
    file.write_text(
        file.read_text(encoding="utf-8").replace("2,500 tickets", "3,000 tickets"),
        encoding="utf-8",
    )
    git(site, "commit", "-qam", "Raise the bar (#12)", when="2026-10-20T09:00:00")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["build", "--site", str(site), "--as-of", str(AS_OF), "--out", str(out), "--no-cache"]
    )
    assert result.exit_code == 0, result.output
    history = json.loads((out / "api" / "history.json").read_text(encoding="utf-8"))
    krs = history["objectives"]["support/tickets"]["key_results"]
    changes = [
        (c["field"], c["old"], c["new"], c["less_ambitious"], c["pr"])
        for c in krs["closed"]["changes"]
    ]
    assert changes == [("target", 2500, 3000, False, "#12")]
    assert krs["upsell"]["changes"] == []


def write_sheet(path: Path, rows: list[list[str]]) -> Path:
    # commas between the cells: a semicolon would itself say "decimal comma"
    # (docs/import.md), and the site's language decides only when the file does not
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, delimiter=",").writerows(rows)
    return path


@pytest.mark.parametrize(("language", "expected"), [("en", (1200, 2500)), ("de", None)])
def test_an_imported_sheet_s_text_cells_are_read_as_the_site_reads_its_files(
    tmp_path: Path, language: str, expected: tuple[float, float] | None
) -> None:
    """An English site reads the sheet's ``1,200`` as thousands; a German one
    refuses it (IMP111), as a KPI's data file does (OKR203): a file
    separated by commas groups thousands so, while the site reads 1.2."""
    site = write_site(
        tmp_path / "site",
        {"okrsite.toml": f'title = "Imported"\nlanguage = "{language}"\n', "content/.keep": ""},
    )
    sheet = write_sheet(
        tmp_path / "okrs.csv",
        [
            ["Objective", "Key result", "Cycle", "Start", "Target"],
            ["Handle more tickets", "Close more tickets", "2026-Q4", "1,200", "2,500"],
        ],
    )
    result = CliRunner().invoke(cli, ["import", str(sheet), "--site", str(site)])
    if expected is None:
        assert result.exit_code == 1, result.output
        assert result.output.count("error IMP111") == 2, result.output
        return
    assert result.exit_code == 0, result.output
    (kr,) = load_site(site, AS_OF).scored.portfolio.objectives["handle-more-tickets"].key_results
    assert (kr.start, kr.target) == expected


def test_which_languages_group_thousands_with_commas() -> None:
    """Babel's number symbols decide, English without importing it."""
    assert [comma_groups_thousands(x) for x in ("en", "en_GB", "ja", "zh-Hans")] == [True] * 4
    assert [comma_groups_thousands(x) for x in ("de", "fr", "pt-BR", "nl")] == [False] * 4
    # a decimal point beside thin-space or apostrophe groups, or no such language
    assert [comma_groups_thousands(x) for x in ("de-CH", "xx", "")] == [None] * 3
    # outside a site's load nothing tells: refused, as always
    assert read_number("1,200") is None
    assert read_number("$1,200") == (1200.0, False)


def test_a_checkin_figure_a_thousand_times_too_small_is_warned_of_in_german(
    tmp_path: Path,
) -> None:
    """``kunden: 1.275`` (or quoted) on a German site, where the key result runs
    from 1.200 to 1.500 (read 1200 → 1500 in its sentence), was 1.275, a
    thousand times too small, with no word: YAML reads the file's 1.275 as a
    decimal. It is still read so (the documented rule), with OKR124 saying
    the other reading; on an English site, where 1,275 would be typed or
    pasted, the same warning with the English hint; French (a space groups
    thousands) says nothing."""
    for language, warned in (("de", True), ("en", True), ("fr", False)):
        site = write_site(
            tmp_path / language,
            {
                "okrsite.toml": f'title = "K"\nas_of = 2026-11-20\nlanguage = "{language}"\n',
                "content/objectives/k.md": (
                    "---\ntitle: Kunden\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
                    "  - {id: kunden, title: Kunden, start: 1200, target: 1500}\n"
                    "  - {id: nps, title: NPS, start: 1.5, target: 4.5}\n---\n"
                ),
                "content/checkins/k/2026-11-10.md": (
                    '---\nvalues: {kunden: "1.275", nps: 2.125}\n---\n'
                ),
                "content/checkins/k/2026-11-12.md": "---\nvalues:\n  kunden: 1.305\n---\n",
            },
        )
        result = CliRunner().invoke(cli, ["check", "--site", str(site)])
        found = [ln for ln in result.output.splitlines() if "OKR124" in ln]
        if warned:
            assert [ln.split(": warning")[0] for ln in found] == [
                "content/checkins/k/2026-11-10.md:2:18",
                "content/checkins/k/2026-11-12.md:3:11",
            ], result.output
            assert "as key result 'kunden' runs from 1200 to 1500" in found[0]
            if language == "de":
                assert (
                    "1.275 is read as 1.275; with a point that groups thousands it is 1275"
                ) in found[0]
            else:
                assert "write 1275 or 1,275, or 1.275 if meant" in found[0], found[0]
        else:
            assert found == [], result.output
