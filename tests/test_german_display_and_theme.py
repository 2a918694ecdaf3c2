"""A German site as its people write it, and a theme author's templates.

``language = "DE"`` is German (language tags ignore case), a fuzzy entry of
a site's catalogue is not used, the preview's error overlay speaks the
page's language, a key result far past its target groups its percentage's
thousands, ``okrsite new objective "Qualität"`` writes a file named as ids
are, ``person(id)`` is none for an id without a page, and an error in a
``badge.svg`` override names the badge it was drawing. Each builds a real
site through the CLI (or runs the served script) and asserts on the output.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import run_cli, write_site

from okrsite.server_livereload import LIVERELOAD_JS

AS_OF = "2026-11-25"

#: one objective whose key result is far past its target (550.25 of 1: 55025 %)
SITE = {
    "content/objectives/vertrieb/umsatz.md": """
        ---
        title: Umsatz steigern
        cycle: 2026-Q4
        owner: Uma Diaz
        team: Vertrieb
        key_results:
          - id: weit
            title: Weit über dem Ziel
            start: 0
            target: 1
            current: 550.25
          - id: normal
            title: Im Rahmen
            start: 0
            target: 10
            current: 5
        ---
        Wir wollen wachsen.
    """,
}


def _site(root: Path, language: str | None, files: dict[str, str] | None = None) -> Path:
    toml = 'title = "Unsere Ziele"\n' + (f'language = "{language}"\n' if language else "")
    return write_site(root, {**SITE, **(files or {}), "okrsite.toml": toml})


def _build(site: Path) -> tuple[int, str, Path]:
    out = site / "_site"
    code, output = run_cli("build", "--site", str(site), "--out", str(out), "--as-of", AS_OF)
    return code, output, out


def _page(out: Path, rel: str = "objectives/vertrieb/umsatz/index.html") -> str:
    return (out / rel).read_text("utf-8")


# ------------------------------------------------------------ language = "DE"


@pytest.mark.parametrize(
    ("written", "tag"), [("DE", "de"), ("De", "de"), ("de-at", "de-AT"), ("DE_de", "de-DE")]
)
def test_a_language_code_in_capitals_is_german(tmp_path: Path, written: str, tag: str) -> None:
    code, output, out = _build(_site(tmp_path, written))
    assert code == 0, output
    assert "CFG014" not in output
    page = _page(out)
    assert f'<html lang="{tag}"' in page
    assert "Schlüsselergebnisse" in page and "Key results" not in page


# ------------------------------------------------------------ fuzzy entries

FUZZY_PO = """
    msgid ""
    msgstr ""
    "Content-Type: text/plain; charset=utf-8\\n"

    #, fuzzy
    msgid "Key results"
    msgstr "Ergebnisse (ungeprüft)"

    msgid "Objectives"
    msgstr "Zielsetzungen"
"""


def test_a_fuzzy_site_translation_is_not_used(tmp_path: Path) -> None:
    site = _site(tmp_path, "de", {"translations/de.po": FUZZY_PO})
    code, output, out = _build(site)
    assert code == 0, output
    page = _page(out)
    assert "Ergebnisse (ungeprüft)" not in page
    assert "Schlüsselergebnisse" in page  # the shipped catalogue's string
    # the entry without the mark is used
    assert "<h2>Zielsetzungen</h2>" in _page(out, "cycles/2026-Q4/index.html")


# ------------------------------------------------------------ the serve overlay

#: the served script run with a page of ``lang`` and one error: the text of the
#: overlay's button and heading, as a browser would show them
_RUN_OVERLAY = r"""
const script = require("fs").readFileSync(0, "utf8");
const lang = process.argv[1];
function node(tag) {
  return { tag, children: [], style: {}, textContent: "", attrs: {},
    appendChild(c) { this.children.push(c); return c; },
    setAttribute(k, v) { this.attrs[k] = v; }, addEventListener() {} };
}
const body = node("body");
global.window = { addEventListener() {} };
global.location = { pathname: "/", search: "", reload() {} };
global.sessionStorage = { getItem() { return null; }, removeItem() {}, setItem() {} };
global.document = { currentScript: null, body, documentElement: { lang },
  createElement: node, createTextNode: (t) => ({ textContent: t, children: [] }),
  getElementById: () => null };
const listeners = {};
global.EventSource = function () { this.addEventListener = (t, f) => { listeners[t] = f; }; };
eval(script);
listeners.errors({ data: JSON.stringify([{ file: "okrsite.toml", line: 1, column: null,
  severity: "error", code: "CFG001", message: "okrsite.toml is not valid TOML", hint: null }]) });
const box = body.children[0];
console.log(JSON.stringify([box.children[0].textContent, box.children[1].textContent]));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node to run the page script")
@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("de", ["Schließen", "okrsite: Die Website konnte nicht neu erstellt werden"]),
        ("de-AT", ["Schließen", "okrsite: Die Website konnte nicht neu erstellt werden"]),
        ("en", ["Dismiss", "okrsite: the site could not be rebuilt"]),
        ("fr", ["Dismiss", "okrsite: the site could not be rebuilt"]),
    ],
)
def test_the_error_overlay_speaks_the_pages_language(lang: str, words: list[str]) -> None:
    node = shutil.which("node")
    assert node is not None
    shown = subprocess.run(
        [node, "-e", _RUN_OVERLAY, lang],
        input=LIVERELOAD_JS,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    assert json.loads(shown) == words


def test_the_overlay_words_are_in_the_catalogues() -> None:
    from conftest import REPO

    for name in ("messages.pot", "de.po"):
        text = (REPO / "themes/default/translations" / name).read_text("utf-8")
        assert 'msgid "Dismiss"' in text
        assert 'msgid "okrsite: the site could not be rebuilt"' in text


# ------------------------------------------------------------ grouped percentages


def test_far_past_its_target_the_percentage_groups_thousands_in_german(tmp_path: Path) -> None:
    code, output, out = _build(_site(tmp_path, "de"))
    assert code == 0, output
    assert "55.025\u00a0% des Zielwerts" in _page(out)


def test_far_past_its_target_the_percentage_groups_thousands_in_english(tmp_path: Path) -> None:
    code, output, out = _build(_site(tmp_path, None))
    assert code == 0, output
    assert "55,025% of target" in _page(out)


# ------------------------------------------------------------ okrsite new, one word


@pytest.mark.parametrize(
    ("kind", "typed", "file"),
    [
        ("objective", "Qualität", "content/objectives/qualitat.md"),
        ("kpi", "Kündigungsrate", "content/kpis/kundigungsrate.md"),
        ("objective", "Vertrieb", "content/objectives/vertrieb.md"),
        ("objective", "q4_plan", "content/objectives/q4_plan.md"),
        ("objective", "Kundenzahl Süd", "content/objectives/kundenzahl-sud.md"),
    ],
)
def test_new_folds_a_one_word_name_as_a_longer_one(
    tmp_path: Path, kind: str, typed: str, file: str
) -> None:
    site = _site(tmp_path, "de")
    code, output = run_cli("new", kind, typed, "--site", str(site))
    assert code == 0, output
    assert (site / file).is_file(), sorted(p.name for p in (site / file).parent.iterdir())
    if typed != typed.lower() or not typed.isascii():
        assert f"title: {typed}\n" in (site / file).read_text("utf-8")


# ------------------------------------------------------------ person(id), team(id)

PROBE = (
    "{% if person('nobody-here') %}LINKED{% else %}NONE{% endif %}"
    "|{% if team('no-such-team') %}LINKED{% else %}NONE{% endif %}"
    "|{{ person('uma-diaz').url }}|{{ team('vertrieb').url }}\n"
)


def test_person_and_team_are_none_for_an_id_without_a_page(tmp_path: Path) -> None:
    site = _site(tmp_path, None, {"templates/404.html": PROBE})
    code, output, out = _build(site)
    assert code == 0, output
    # a free-text owner (no file) and a team named by team: have pages, and links
    assert (out / "404.html").read_text("utf-8") == (
        "NONE|NONE|people/uma-diaz/index.html|teams/vertrieb/index.html\n"
    )
    assert (out / "people/uma-diaz/index.html").is_file()
    assert (out / "teams/vertrieb/index.html").is_file()


# ------------------------------------------------------------ badge.svg errors


def test_a_badge_template_error_names_the_badge(tmp_path: Path) -> None:
    site = _site(
        tmp_path, None, {"templates/partials/badge.svg": "<svg>\n{{ badge.nope.x }}</svg>\n"}
    )
    code, output, _ = _build(site)
    assert code != 0
    line = next(ln for ln in output.splitlines() if "THM002" in ln)
    assert line.startswith("templates/partials/badge.svg:2: error THM002: template error: ")
    assert "has no attribute 'nope'" in line
    assert ", rendering badges/vertrieb/umsatz.svg (hint: " in line, line
