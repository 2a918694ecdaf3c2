"""The example site in German: every word of the theme comes from the catalogue.

The site is built through the CLI with ``language = "de"``. On the
dashboard, an objective page and a KPI page, the text a reader sees (and the
labels screen readers read) is stripped of what the content files wrote
(titles, names, units, Markdown bodies); what is left must hold no English
word of the theme's texts (``themes/default/translations/messages.pot``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from click.testing import CliRunner
from conftest import REPO
from markupsafe import Markup

from okrsite.cli import cli
from okrsite.pipeline import load_site
from okrsite.translations import load_language

AS_OF = "2026-11-20"
PAGES = [
    "index.html",
    "objectives/sales/q4-bookings/index.html",
    "kpis/win-rate/index.html",
    "cycles/2026-Q3/index.html",
    "cycles/2026-Q4/index.html",
]
CATALOGUES = REPO / "themes/default/translations"


def english_ui_words() -> set[str]:
    """Words of the theme's English texts that German does not share."""

    def words(text: str) -> set[str]:
        text = re.sub(r"%\(\w+\)[sd]|&\w+;", " ", text)
        return {w.casefold() for w in re.findall(r"[A-Za-z][A-Za-z-]{2,}", text)}

    english: set[str] = set()
    german: set[str] = set()
    with (CATALOGUES / "de.po").open("rb") as handle:
        for message in read_po(handle):
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            for text in ids:
                english |= words(text)
            for text in strings:
                german |= words(text)
    return english - german


def build(root: Path, out: Path) -> None:
    result = CliRunner().invoke(
        cli, ["build", "--site", str(root), "--as-of", AS_OF, "--out", str(out)]
    )
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def german_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("de")
    shutil.copytree(REPO / "content", root / "content")
    toml = (REPO / "okrsite.toml").read_text(encoding="utf-8")
    toml = re.sub(r"(?m)^language = .*$", 'language = "de"', toml)
    (root / "okrsite.toml").write_text(toml, encoding="utf-8")
    build(root, root / "_site")
    return root, root / "_site"


def user_texts(root: Path) -> list[str]:
    """Everything the content files wrote that a page may show, longest first."""
    load = load_site(root, date.fromisoformat(AS_OF))
    assert load.scored is not None
    p = load.scored.portfolio
    texts = {load.config.title, load.config.description}
    for o in p.objectives.values():
        texts |= {o.title, o.cycle, *o.tags, o.file}
        for kr in o.key_results:
            texts |= {kr.title, kr.unit, *(m.title for m in kr.milestones)}
        texts |= {i.title for i in o.initiatives}
    for k in p.kpis.values():
        texts |= {k.title, k.unit}
    for record in [*p.teams.values(), *p.people.values(), *p.goals.values(), *p.pages.values()]:
        texts.add(record.title)
    texts |= set(p.cycles)
    return sorted((t for t in texts if t), key=len, reverse=True)


def shown_text(html: str, strip: list[str]) -> str:
    page = BeautifulSoup(html, "html.parser")
    for prose in page.select(".prose, code, script, style"):
        prose.decompose()
    parts = [page.get_text(" ")]
    for tag in page.find_all(True):
        parts += [tag.get(name) or "" for name in ("aria-label", "title", "alt")]
    text = re.sub(r"\S+\.(csv|json|xml|svg)\b", " ", " ".join(parts))  # file names
    for user in strip:
        text = text.replace(user, " ")
    return text


def test_html_lang_is_the_language(german_site: tuple[Path, Path]) -> None:
    _, out = german_site
    for page in PAGES:
        assert '<html lang="de">' in (out / page).read_text(encoding="utf-8")


@pytest.mark.parametrize("page", PAGES)
def test_no_english_word_of_the_theme_is_left(german_site: tuple[Path, Path], page: str) -> None:
    root, out = german_site
    english = english_ui_words()
    assert {"progress", "expected", "behind", "owner"} <= english  # the check can bite
    text = shown_text((out / page).read_text(encoding="utf-8"), user_texts(root))
    words = {w.casefold() for w in re.findall(r"[A-Za-z][A-Za-z-]{2,}", text)}
    assert sorted(words & english) == []


def test_numbers_and_dates_are_written_the_german_way(german_site: tuple[Path, Path]) -> None:
    _, out = german_site
    kpi = (out / "kpis/win-rate/index.html").read_text(encoding="utf-8")
    assert "21,5" in kpi and "15.11.2026" in kpi
    assert "21.5" not in shown_text(kpi, []) and "2026-11-15" not in shown_text(kpi, [])


def test_a_site_overrides_and_adds_strings(tmp_path: Path) -> None:
    """The site's own translations/<language>.po wins over the theme's, string by string."""
    root = tmp_path / "site"
    shutil.copytree(REPO / "content", root / "content")
    (root / "okrsite.toml").write_text('title = "Mini"\nlanguage = "de"\n', encoding="utf-8")
    (root / "translations").mkdir()
    (root / "translations/de.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "Key results"\nmsgstr "Ergebnisse"\n',
        encoding="utf-8",
    )
    build(root, root / "_site")
    page = (root / "_site/objectives/sales/q4-bookings/index.html").read_text(encoding="utf-8")
    assert '<h2 id="krs">Ergebnisse</h2>' in page
    assert "Fortschritt" in page  # the rest of the theme's German is still there


@pytest.fixture(scope="module")
def german_site_with_history(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The German example site in a git repository whose history the pages show:
    a target eased mid-cycle in a pull request and a check-in committed late."""
    from gitrepo import Repo

    repo = Repo(tmp_path_factory.mktemp("de-git") / "site")
    root = repo.root
    shutil.copytree(REPO / "content", root / "content")
    toml = (REPO / "okrsite.toml").read_text(encoding="utf-8")
    (root / "okrsite.toml").write_text(
        re.sub(r"(?m)^language = .*$", 'language = "de"', toml), encoding="utf-8"
    )
    goal = root / "content/objectives/sales/q4-bookings.md"
    late = root / "content/checkins/2026-11-19-sales-q4-bookings.md"
    eased = goal.read_text(encoding="utf-8")
    checkin = late.read_text(encoding="utf-8")
    assert "    target: 60\n    unit: days" in eased
    goal.write_text(eased.replace("    target: 60\n", "    target: 50\n"), encoding="utf-8")
    late.unlink()
    repo.commit("Goals for the year", "alice", "2026-09-01T10:00:00+00:00")
    repo.git("checkout", "-q", "-b", "ease")
    goal.write_text(eased, encoding="utf-8")
    repo.commit("Ease the sales cycle", "bob", "2026-10-20T09:00:00+00:00")
    repo.git("checkout", "-q", "main")
    repo.git(
        "merge",
        "-q",
        "--no-ff",
        "ease",
        "-m",
        "Merge pull request #7 from acme/ease\n\nEase the sales cycle",
        who="bob",
        when="2026-10-20T10:00:00+00:00",
    )
    late.write_text(checkin, encoding="utf-8")
    repo.commit("Check-in", "carol", "2026-11-30T10:00:00+00:00")
    # fields whose values are words: a commitment and a KPI's direction changed
    goal.write_text(
        eased.replace("team: sales\n", "team: sales\ncommitment: aspirational\n", 1),
        encoding="utf-8",
    )
    kpi = root / "content/kpis/win-rate.md"
    up = kpi.read_text(encoding="utf-8")
    # with its thresholds turned round too: a version whose thresholds
    # contradict its direction (OKR113) cannot be read, and has no entry
    down = up.replace("direction: up", "direction: down", 1)
    down = down.replace("thresholds: {green: 23, red: 17}", "thresholds: {green: 17, red: 23}")
    kpi.write_text(down, encoding="utf-8")
    repo.commit("Stretch goal; trying the other way", "alice", "2026-12-01T10:00:00+00:00")
    kpi.write_text(up, encoding="utf-8")
    repo.commit("Back to up", "alice", "2026-12-02T10:00:00+00:00")
    build(root, root / "_site")
    return root, root / "_site"


@pytest.mark.parametrize("page", PAGES[1:3])
def test_the_history_section_is_german_too(
    german_site_with_history: tuple[Path, Path], page: str
) -> None:
    root, out = german_site_with_history
    html = (out / page).read_text(encoding="utf-8")
    assert "Änderungsverlauf" in html
    if page.startswith("objectives/"):
        # the eased target is in the timeline, marked in German
        assert "weniger ehrgeizig" in html and "während des Zyklus" in html
        assert "Zielwert 50 days → 60 days" in html and "20.10.2026" in html
        assert "Verbindlichkeit <bdi>verbindlich</bdi> → <bdi>ambitioniert</bdi>" in html
    else:
        assert "Richtung <bdi>steigend</bdi> → <bdi>fallend</bdi>" in html
    # the commit messages are the team's own words, shown in the theme's German
    assert "Commit-Nachricht „" in html
    english = english_ui_words()
    authors = ["Alice Ng", "Bob Stone", "Carol Diaz"]
    messages = [
        "Goals for the year",
        "Ease the sales cycle",
        "Stretch goal; trying the other way",
        "Back to up",
        "Check-in",
    ]
    text = shown_text(html, [*messages, *user_texts(root), *authors])
    words = {w.casefold() for w in re.findall(r"[A-Za-z][A-Za-z-]{2,}", text)}
    assert sorted(words & english) == []


class _Html:
    """A value that is markup of its own (``__html__``), not a str."""

    def __init__(self, html: str) -> None:
        self.html = html

    def __html__(self) -> str:
        return self.html


@pytest.mark.parametrize(
    ("message", "variables"),
    [
        ("Progress of %(name)s", {"name": "<b>R&D</b>"}),
        ("Progress of %(name)s", {"name": Markup("<i>ok</i>")}),
        ("%(percent)s%% at cycle end", {"percent": 42}),
        ("%(a)s and %(a)s, %(b)s", {"a": 1.5, "b": None, "unused": "x"}),
        ("100%% done", {"unused": "<"}),
        ("roll-up of %(num)d objectives", {"num": 3}),
        ("%(x)r", {"x": "<"}),
        ("%(a)s by %(b)s", {"a": _Html("<em>x</em>"), "b": "Tom & Jerry"}),
    ],
)
def test_template_gettext_fills_placeholders_like_markup(message: str, variables: dict) -> None:
    """The translation callables fill ``%(name)s`` themselves; the text and
    its type are what ``Markup(message) % variables`` gives."""
    gettext = load_language("en", []).template_callables()["_"]
    for _ in range(2):  # once filling the memory, once from it
        ours = gettext(message, **variables)
        expected = Markup(message) % variables
        assert ours == expected
        assert type(ours) is Markup


@pytest.mark.parametrize(
    ("one", "many", "count", "variables"),
    [
        (
            "%(done)s of %(total)s milestone",
            "%(done)s of %(total)s milestones",
            2,
            {"done": "<1>", "total": 2},
        ),
        ("%(num)s goal", "%(num)s goals", 1, {}),
        ("%(num)d%% goal", "%(num)d%% goals", 3, {"x": "<"}),
        ("%(who)s's goal", "%(who)s's goals", 5, {"who": Markup("<b>A&amp;B</b>")}),
        ("one by %(who)s", "many by %(who)s", 0, {"who": _Html("<i>x</i>")}),
    ],
)
def test_template_ngettext_fills_placeholders_like_markup(
    one: str, many: str, count: int, variables: dict
) -> None:
    """As gettext: the text and type ``Markup(translation) % variables`` gives,
    ``num`` the count unless passed."""
    ngettext = load_language("en", []).template_callables()["ngettext"]
    for _ in range(2):  # once filling the memory, once from it
        ours = ngettext(one, many, count, **variables)
        expected = Markup(one if count == 1 else many) % {"num": count, **variables}
        assert ours == expected
        assert type(ours) is Markup


def test_an_english_site_without_catalogues_does_not_load_babel(tmp_path: Path) -> None:
    """English as the templates write it needs no catalogue: a build of such a
    site does not import Babel (about 30 ms of a small build's start-up), and a
    German one does."""
    program = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from okrsite.cli import cli\n"
        "r = CliRunner().invoke(cli, ['build', '--site', sys.argv[1], '--as-of', "
        f"{AS_OF!r}, '--out', sys.argv[2], '--no-cache'])\n"
        "assert r.exit_code == 0, r.output\n"
        "print(sorted(m for m in sys.modules if m == 'babel' or m.startswith('babel.')))\n"
    )
    loaded = {}
    for language in ("en", "de"):
        root = tmp_path / language
        shutil.copytree(REPO / "content", root / "content")
        toml = (REPO / "okrsite.toml").read_text(encoding="utf-8")
        toml = re.sub(r"(?m)^language = .*$", f'language = "{language}"', toml)
        (root / "okrsite.toml").write_text(toml, encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-c", program, str(root), str(root / "_site")],
            capture_output=True,
            text=True,
            check=True,
        )
        loaded[language] = done.stdout.strip()
    assert loaded["en"] == "[]"
    assert "'babel.dates'" in loaded["de"]


@pytest.mark.parametrize(
    ("language", "said", "lang"),
    [
        ("fr", "language 'fr' has no translation in the theme or the site", "fr"),
        ("xx", "language 'xx' is not a language code okrsite knows", "en"),
    ],
)
def test_a_language_without_a_translation_is_a_located_warning(
    tmp_path: Path, language: str, said: str, lang: str
) -> None:
    """``language = "fr"`` without a French catalogue leaves the theme's words
    English: the build says so, on the line that sets it, and still builds.
    A code nothing translates and Babel does not know (``"xx"``) gives pages
    in English, and they say ``<html lang="en">``; with the site's own
    catalogue of it, the pages are in that language and say so."""
    root = tmp_path / "site"
    shutil.copytree(REPO / "content", root / "content")
    (root / "okrsite.toml").write_text(
        f'title = "Mini"\n\nlanguage = "{language}"\n', encoding="utf-8"
    )
    result = CliRunner().invoke(
        cli, ["build", "--site", str(root), "--as-of", AS_OF, "--out", str(root / "_site")]
    )
    assert result.exit_code == 0, result.output
    warned = [line for line in result.output.splitlines() if "CFG014" in line]
    assert len(warned) == 1 and warned[0].startswith("okrsite.toml:3: warning CFG014: ")
    assert said in warned[0]
    page = (root / "_site/index.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in page and "Atom feed" in page

    # with the site's own catalogue (or a shipped one) there is nothing to say
    (root / "translations").mkdir()
    (root / "translations" / f"{language}.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "Key results"\nmsgstr "Résultats clés"\n',
        encoding="utf-8",
    )
    again = CliRunner().invoke(
        cli, ["build", "--site", str(root), "--as-of", AS_OF, "--out", str(root / "_site")]
    )
    assert again.exit_code == 0 and "CFG014" not in again.output, again.output
    page = (root / "_site/index.html").read_text(encoding="utf-8")
    assert f'<html lang="{language}"' in page
    page = (root / "_site/objectives/sales/q4-bookings/index.html").read_text(encoding="utf-8")
    assert "Résultats clés" in page
    for english in ("en", "en-GB", "de", "de-AT"):
        (root / "okrsite.toml").write_text(
            f'title = "Mini"\nlanguage = "{english}"\n', encoding="utf-8"
        )
        quiet = CliRunner().invoke(
            cli, ["build", "--site", str(root), "--as-of", AS_OF, "--out", str(root / "_site")]
        )
        assert quiet.exit_code == 0 and "CFG014" not in quiet.output, (english, quiet.output)
        page = (root / "_site/index.html").read_text(encoding="utf-8")
        assert f'<html lang="{english}"' in page


def test_german_words_read_right_where_they_are_used(german_site: tuple[Path, Path]) -> None:
    """A count of days before a date is "21 Tage vor dem …" (the dative
    "vor 21 Tagen" only follows "vor"); off track is "nicht im Plan"
    everywhere, the status word as well as the sentences naming it; a final
    scorecard's grades are "Abschlussnoten" (final grades, not endnotes)."""
    _, out = german_site
    platform = shown_text(
        (out / "objectives/product/platform-cost/index.html").read_text(encoding="utf-8"), []
    )
    assert "Letzter Check-in: 30.10.2026, 21 Tage vor dem 20.11.2026." in " ".join(platform.split())
    dashboard = " ".join(shown_text((out / "index.html").read_text(encoding="utf-8"), []).split())
    assert "veraltet: letzter Check-in vor 21 Tagen" in dashboard
    assert "2 nicht im Plan" in dashboard  # the status counts
    assert (
        "nicht im Plan: 39,7 Punkte hinter dem Soll" in dashboard
    )  # 39.7: not 40, the gap of the whole percentages beside it
    for page in out.rglob("*.html"):
        assert "außer Plan" not in page.read_text(encoding="utf-8"), page
    q3 = (out / "cycles/2026-Q3/index.html").read_text(encoding="utf-8")
    assert "<caption>Abschlussnoten</caption>" in q3
    assert "Endnoten" not in q3


def test_a_percentage_beyond_range_is_worded_in_german(tmp_path: Path) -> None:
    root = tmp_path / "site"
    root.mkdir()
    (root / "okrsite.toml").write_text('language = "de"\nas_of = 2026-11-20\n', encoding="utf-8")
    goal = root / "content/objectives/far.md"
    goal.parent.mkdir(parents=True)
    goal.write_text(
        "---\ntitle: Far beyond\ncycle: 2026-Q4\nkey_results:\n"
        "  - {id: tiny, title: Tiny target, start: 0, target: 0.001, current: 5000}\n---\n",
        encoding="utf-8",
    )
    build(root, root / "_site")
    page = (root / "_site/objectives/far/index.html").read_text(encoding="utf-8")
    assert "mehr als 1.000.000\u00a0%" in page
    assert "more than" not in page
