"""``okrsite diff`` speaks the site's language: a German site gets a German report.

The text and Markdown reports go through the theme's gettext catalogues, as
the pages do, with the same German words ("weniger ehrgeizig", "im Plan")
and the language's number formats (``55 %``, ``1.234.567,5``); the JSON stays
language-neutral, the same for an English and a German site. The English
reports are unchanged (``tests/golden/diff/`` checks them byte for byte).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from click.testing import CliRunner
from gitrepo import Repo

from okrsite.cli import cli
from okrsite.diff_words import ENGLISH, Words
from okrsite.translations import load_language

REPO = Path(__file__).resolve().parents[1]

GOAL = """---
title: Umsatz steigern
owner: Jürgen Weiß
key_results:
  - {id: marge, title: Marge, start: 12 %, target: 45 %, current: 30 %}
  - {id: erloes, title: Erlös, start: 0, target: 2000000, unit: EUR, current: 1000000}
---
"""
EASED = """---
title: Umsatz steigern
owner: Jürgen Weiß
key_results:
  - {id: marge, title: Marge, start: 12 %, target: 40 %, current: 30 %}
  - {id: erloes, title: Erlös, start: 0, target: 2000000, unit: EUR, current: 1000000}
  - {id: neu, title: Neukunden, start: 0, target: 50}
---
"""
FIRST = """---
objective: u
date: 2026-11-10
author: Jürgen Weiß
values: {erloes: 1000000}
---
"""
CHECKIN = """---
objective: u
date: 2026-11-19
author: Jürgen Weiß
confidence: 6
values: {erloes: 1234567.5}
---
Gute Woche.
"""


def site(root: Path, language: str) -> Repo:
    """A site whose working tree eases a target, adds a key result mid-cycle
    and a check-in, on top of one commit."""
    repo = Repo(root)
    repo.write(
        "okrsite.toml",
        f'language = "{language}"\nas_of = "2026-11-20"\ndefault_cycle = "2026-Q4"\n',
    )
    repo.write("content/objectives/u.md", GOAL)
    repo.write("content/checkins/2026-11-10-u.md", FIRST)
    repo.commit("Ziele", "alice", "2026-10-01T10:00:00+00:00")
    repo.write("content/objectives/u.md", EASED)
    repo.write("content/checkins/2026-11-19-u.md", CHECKIN)
    return repo


def diff(repo: Repo, *args: str) -> str:
    old = Path.cwd()
    os.chdir(repo.root)
    try:
        result = CliRunner().invoke(cli, ["diff", *args], catch_exceptions=False)
    finally:
        os.chdir(old)
    assert result.exit_code == 0, result.output
    return result.stdout


def plain(report: str) -> str:
    """``report`` with German's no-break space before ``%`` (CLDR's percent
    pattern, as on the pages) written as a space, for readable expectations."""
    assert "55\u00a0%" in report
    return report.replace("\u00a0", " ")


def test_the_text_report_is_german(tmp_path: Path) -> None:
    text = plain(diff(site(tmp_path / "s", "de"), "HEAD", "--format", "text"))
    lines = text.splitlines()
    assert lines[0] == "okrsite diff HEAD → Arbeitsverzeichnis"
    assert lines[1].startswith(
        "Diese Änderung ändert 1 Ziel, fügt 1 Schlüsselergebnis (1 während des Zyklus) hinzu, "
        "verschiebt 1 Zielwert eines Schlüsselergebnisses (1 weniger ehrgeizig), "
        "fügt 1 Check-in hinzu; Fortschritt, erwarteter Fortschritt, Status, Zuversicht oder "
        "Prognose ändern sich bei 1 Ziel (Stand 20.11.2026)."
    ), lines[1]
    assert "Ziele, deren Zahlen sich geändert haben:" in lines
    assert (
        "  u: 52 % → 42 % ▼, Zuversicht — → 6, Prognose — → 60 %, im Plan (bearbeitet, Check-in)"
    ) in lines
    assert "      marge: 55 % → 64 % ▲, im Plan" in lines
    assert "      neu: — → 0 %, — → nicht im Plan" in lines
    assert "  ~ Ziel u Umsatz steigern" in lines
    assert "          Zielwert: 45 % → 40 % (weniger ehrgeizig)" in lines
    assert "      + Schlüsselergebnis neu Neukunden (hinzugefügt während des Zyklus)" in lines
    assert (
        "  hinzugefügt 19.11.2026 Ziel u von Jürgen Weiß: "
        "erloes 1.000.000 EUR → 1.234.567,50 EUR; Zuversicht — → 6"
    ) in lines
    assert "Einen Blick wert:" in lines
    assert (
        "  Schlüsselergebnis u#marge: Zielwert 45 % → 40 % (weniger ehrgeizig) [less-ambitious]"
    ) in lines


#: the English words of the Markdown report (not the data: ids, titles, names)
ENGLISH_WORDS = [
    "Goal changes",
    "Objective",
    "Progress",
    "Why",
    "less ambitious",
    "mid-cycle",
    "on track",
    "on-track",
    "at risk",
    "at-risk",
    "off track",
    "off-track",
    "check-in",  # "Check-in(s)" is German too; the lower-case word is English only
    "key result",
    "target",
    "expected",
    "forecast",
    "confidence",
    "added",
    "edited",
    "changes",
    "Worth a look",
    "Scores in detail",
    "as of",
    "both scored",
    "working tree",
    "by",
]


def test_the_markdown_report_is_german_through_and_through(tmp_path: Path) -> None:
    markdown = plain(diff(site(tmp_path / "s", "de"), "HEAD", "--format", "markdown"))
    lines = markdown.splitlines()
    assert "### Änderungen an den Zielen: `HEAD` → `Arbeitsverzeichnis`" in lines
    assert "| Ziel | Fortschritt | Status | Warum |" in lines
    assert (
        "| `u` Umsatz steigern | 52 % → 42 % ▼, Zuversicht — → 6, Prognose — → 60 % | im Plan "
        "| bearbeitet, Check-in |"
    ) in lines
    assert "**Einen Blick wert:**" in lines
    assert "    - **Zielwert**: 45 % → 40 % (weniger ehrgeizig)" in lines
    assert "  - Schlüsselergebnis `neu` Neukunden: **hinzugefügt** während des Zyklus" in lines
    assert "<summary>Bewertungen im Einzelnen (1)</summary>" in lines
    assert (
        "- 19.11.2026 Ziel `u` von Jürgen Weiß: **hinzugefügt**: "
        "erloes 1.000.000 EUR → 1.234.567,50 EUR; Zuversicht — → 6"
    ) in lines
    assert any(
        line.startswith("<sub>okrsite diff ") and "beide bewertet zum 20.11.2026." in line
        for line in lines
    )
    # no English word of the report's own is left (the data is German already)
    data = ["Umsatz steigern", "Marge", "Erlös", "Neukunden", "Jürgen Weiß", "okrsite diff"]
    shown = markdown
    for text in data:
        shown = shown.replace(text, " ")
    shown = re.sub(r"`[^`]*`", " ", shown)  # ids, files and rule names are data
    left = [w for w in ENGLISH_WORDS if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", shown)]
    assert left == [], shown
    # and the numbers are German: no English percentage or decimal point
    assert not re.search(r"\d%", shown) and "1,234,567.5" not in shown


def test_the_json_is_the_same_for_an_english_and_a_german_site(tmp_path: Path) -> None:
    reports = {}
    for language in ("en", "de"):
        raw = diff(site(tmp_path / language, language), "HEAD", "--format", "json")
        report = json.loads(raw)
        report["base"].pop("commit")  # the okrsite.toml differs, so does the commit
        reports[language] = report
    assert reports["de"] == reports["en"]
    assert reports["de"]["head"]["label"] == "working tree"
    assert "less ambitious" in reports["de"]["summary"]


def test_an_english_site_keeps_its_english_report(tmp_path: Path) -> None:
    markdown = diff(site(tmp_path / "s", "en"), "HEAD", "--format", "markdown")
    assert "### Goal changes: `HEAD` → `working tree`" in markdown
    assert (
        "| `u` Umsatz steigern | 52% → 42% ▼, confidence — → 6, forecast — → 60% | on-track "
        "| edited, check-in |"
    ) in markdown
    assert "    - **target**: 45% → 40% (less ambitious)" in markdown
    assert "erloes 1,000,000 EUR → 1,234,567.50 EUR; confidence — → 6" in markdown


def test_two_revisions_are_reported_in_the_head_side_language(tmp_path: Path) -> None:
    """Between two commits the report speaks the head commit's language: here
    the change turns the site German, so its report is German; the reverse
    change (head English) is reported in English."""
    repo = site(tmp_path / "s", "en")
    base = repo.commit("eased", "bob", "2026-11-19T10:00:00+00:00")
    toml = (repo.root / "okrsite.toml").read_text(encoding="utf-8")
    repo.write("okrsite.toml", toml.replace('"en"', '"de"'))
    repo.write("content/objectives/u.md", GOAL)
    head = repo.commit("Deutsch", "bob", "2026-11-20T10:00:00+00:00")
    german = diff(repo, base, head, "--format", "markdown").replace("\u00a0", " ")
    assert "### Änderungen an den Zielen: " in german
    assert "    - Zielwert: 40 % → 45 % (ehrgeiziger)" in german
    english = diff(repo, head, base, "--format", "markdown")
    assert "### Goal changes: " in english
    assert "target**: 45% → 40% (less ambitious)" in english


def test_the_site_translations_override_the_report_words(tmp_path: Path) -> None:
    """The site's own translations/de.po wins, string by string, as on the pages."""
    repo = site(tmp_path / "s", "de")
    repo.write(
        "translations/de.po",
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "Why"\nmsgstr "Weshalb"\n',
    )
    markdown = plain(diff(repo, "HEAD", "--format", "markdown"))
    assert "| Ziel | Fortschritt | Status | Weshalb |" in markdown


def test_moves_hidden_by_whole_percentages_get_german_decimals() -> None:
    words = Words(load_language("de", [REPO / "themes/default"]))
    assert words.percent_move(0.541, 0.544) == "54,1\u00a0% → 54,4\u00a0% ▲"
    assert ENGLISH.percent_move(0.541, 0.544) == "54.1% → 54.4% ▲"
    assert words.percent(2e5) == "mehr als 1.000.000\u00a0%"
    assert words.measure(1234.5, "EUR") == "1.234,50 EUR"  # money with cents, as pages
    assert words.status("at-risk") == "gefährdet" and ENGLISH.status("at-risk") == "at-risk"


def test_a_target_in_a_currency_code_keeps_its_cents(tmp_path: Path) -> None:
    """audit 43: a target eased to 1,400,000.5 EUR (a code unit, not a sign)
    reads with its cents in every report, as the objective page writes it."""
    for language, figure in (("en", "1,400,000.50 EUR"), ("de", "1.400.000,50 EUR")):
        repo = Repo(tmp_path / language)
        repo.write("okrsite.toml", f'language = "{language}"\nas_of = "2026-11-20"\n')
        repo.write("content/objectives/u.md", GOAL.replace("owner:", "cycle: 2026-Q4\nowner:"))
        repo.commit("Ziele", "alice", "2026-10-01T10:00:00+00:00")
        eased = GOAL.replace("target: 2000000", "target: 1400000.5")
        repo.write("content/objectives/u.md", eased.replace("owner:", "cycle: 2026-Q4\nowner:"))
        for form in ("text", "markdown", "json"):
            report = diff(repo, "HEAD", "--format", form)
            shown = figure if form != "json" else "1,400,000.50 EUR"
            assert shown in report, (language, form)
            assert figure.removesuffix("0 EUR") + " EUR" not in report
