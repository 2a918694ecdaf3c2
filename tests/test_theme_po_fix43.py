"""What a theme author's audit found in translations and percentages (audit
43, own theme: findings 1, 4, 5, 6, 9), each run through the real CLI on a
site in ``tmp_path`` with its own theme in ``themes/brand/``.

- A ``.po`` saved as Latin-1, or naming a charset that does not exist,
  stopped ``check`` and ``build`` with a traceback: now THM003 at its line,
  saying what to do, every catalogue's problem in one run.
- A ``.po`` starting with a byte-order mark was refused ("Unknown or
  misformatted keyword", no line): the mark is read past.
- A German site whose theme stands alone showed okrsite's own words (the
  navigation, the pages' titles, statuses, badges, "more than") in English:
  they come from okrsite's shipped catalogue beneath every theme chain; the
  theme's own words stay its own (CFG014 when it has no catalogue).
- ``percent(none)`` wrote "0%" (a team with only drafts): now "–".
- ``pct_figure`` wrote "more than 1.000.000" on a German site.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

from conftest import REPO, run_cli, write_site

_OBJECTIVE = """\
    ---
    title: Keep our customers happy
    cycle: 2026-Q4
    owner: Uma Diaz
    team: Customer Success
    key_results:
      - {id: nrr, title: Net revenue retention, start: 98, target: 105, unit: "%"}
    ---
    """


def _site(root: Path, theme_toml: str, files: dict[str, str | bytes]) -> Path:
    """A German site on theme ``brand`` (its ``theme.toml`` as given)."""
    return write_site(
        root / "site",
        {
            "okrsite.toml": 'title = "Acme Goals"\ntheme = "brand"\nlanguage = "de"\n'
            'default_cycle = "2026-Q4"\nas_of = "2026-11-20"\n',
            "content/objectives/cs-retention.md": _OBJECTIVE,
            "themes/brand/theme.toml": theme_toml,
            **files,
        },
    )


def _standalone(root: Path, files: dict[str, str | bytes]) -> Path:
    """A site whose theme stands alone: a copy of the default theme's
    templates and static files with ``extends = ""``, no catalogue of the
    default theme's (unless ``files`` gives one)."""
    site = _site(root, 'extends = ""\n', files)
    for part in ("templates", "static"):
        shutil.copytree(REPO / "themes/default" / part, site / "themes/brand" / part)
    return site


# ------------------------------------------------------------ finding 1 and 9
_LATIN1_PO = (
    b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    b'# \xdcbersetzung von Uma\nmsgid "Teams"\nmsgstr "Teams"\n'
)
_UNKNOWN_CHARSET_PO = (
    b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=latin-9x\\n"\n\n'
    b'msgid "Key results"\nmsgstr "Ergebnisse"\n'
)


def test_a_catalogue_not_in_utf8_or_in_no_charset_is_a_located_thm003(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        'extends = "default"\n',
        {"translations/de.po": _LATIN1_PO, "themes/brand/translations/de.po": _UNKNOWN_CHARSET_PO},
    )
    out = tmp_path / "out"
    for args in (("check", "--no-cache"), ("build", "--out", str(out))):
        code, said = run_cli(*args, "--site", str(site))  # run_cli fails on a traceback
        assert code == 1, said
        # both catalogues in one run, each at its line, each saying what to do
        assert (
            "translations/de.po:5: error THM003: translation catalogue: the file is not UTF-8 "
            "text (byte 0xdc, column 3) (hint: save it as UTF-8" in said
        ), said
        assert (
            "themes/brand/translations/de.po:3: error THM003: translation catalogue: its "
            "Content-Type names the charset 'latin-9x', which is no character set (hint: "
            "write charset=UTF-8 in the Content-Type line" in said
        ), said
        assert "OKR999" not in said
    assert not out.exists()


def test_a_catalogue_in_the_charset_it_names_is_read(tmp_path: Path) -> None:
    latin1 = (
        b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
        b'msgid "Key results"\nmsgstr "Schl\xfcsselergebnisse (Marke)"\n'
    )
    site = _site(tmp_path, 'extends = "default"\n', {"themes/brand/translations/de.po": latin1})
    code, said = run_cli("build", "--site", str(site), "--out", str(tmp_path / "out"))
    assert code == 0, said
    page = (tmp_path / "out/objectives/cs-retention/index.html").read_text(encoding="utf-8")
    assert "Schlüsselergebnisse (Marke)" in page


def test_a_catalogue_with_a_byte_order_mark_is_read_past_it(tmp_path: Path) -> None:
    po = '\ufeff# German\nmsgid "Key results"\nmsgstr "Schlüssel der Marke"\n'
    site = _site(
        tmp_path, 'extends = "default"\n', {"themes/brand/translations/de.po": po.encode()}
    )
    code, said = run_cli("check", "--no-cache", "--site", str(site))
    assert code == 0 and "THM003" not in said, said
    code, said = run_cli("build", "--site", str(site), "--out", str(tmp_path / "out"))
    assert code == 0 and "THM003" not in said, said
    page = (tmp_path / "out/objectives/cs-retention/index.html").read_text(encoding="utf-8")
    assert "Schlüssel der Marke" in page


# ------------------------------------------------------------------ finding 4
def test_a_standalone_theme_gets_okrsites_own_words_in_german(tmp_path: Path) -> None:
    own = 'msgid "Key results"\nmsgstr "Ergebnisse der Marke"\n'
    site = _standalone(tmp_path, {"themes/brand/translations/de.po": own})
    out = tmp_path / "out"
    code, said = run_cli("build", "--site", str(site), "--out", str(out))
    assert code == 0, said
    assert "CFG014" not in said  # the theme translates its words
    index = (out / "index.html").read_text(encoding="utf-8")
    # the navigation and the site-wide pages' titles okrsite writes itself
    assert ">Übersicht</a>" in index and ">Personen</a>" in index
    assert "<title>Suche · Acme Goals" in (out / "search/index.html").read_text("utf-8")
    assert "<title>Seite nicht gefunden" in (out / "404.html").read_text("utf-8")
    assert "<title>Zyklus 2026-Q4" in (out / "cycles/2026-Q4/index.html").read_text("utf-8")
    assert "Zyklen" in index and "Cycles<" not in index
    # a status in words, and the badge okrsite writes
    assert "nicht im Plan" in (out / "badges/cs-retention.svg").read_text("utf-8")
    assert "off track" not in (out / "badges/cs-retention.svg").read_text("utf-8")
    page = (out / "objectives/cs-retention/index.html").read_text(encoding="utf-8")
    assert "Ergebnisse der Marke" in page  # the theme's own catalogue
    # the theme's own template words are its own: okrsite's catalogue does
    # not translate them ("Skip to content" is the default theme's "Zum Inhalt springen")
    assert "Skip to content" in index and "Zum Inhalt springen" not in index


def test_a_standalone_theme_without_a_catalogue_is_warned_what_stays_english(
    tmp_path: Path,
) -> None:
    site = _standalone(tmp_path, {})
    out = tmp_path / "out"
    code, said = run_cli("build", "--site", str(site), "--out", str(out))
    assert code == 0, said
    assert (
        "okrsite.toml:3: warning CFG014: language 'de' has no translation in the theme or the "
        "site: the theme's own words stay English; okrsite's own" in said
    ), said
    assert "<title>Suche · Acme Goals" in (out / "search/index.html").read_text("utf-8")


def test_every_word_okrsite_writes_itself_is_listed_in_own_words() -> None:
    """:data:`okrsite.own_words.OWN_WORDS` holds each msgid okrsite's Python
    gives to gettext: a literal given to ``_``, ``gettext``, ``ngettext`` or
    the diff's ``n``, and the word tables; one left out would be English
    under a theme that stands alone."""
    from okrsite.diff_words import CAUSE_WORDS, FIELD_WORDS, KIND_WORDS, NOTE_WORDS, VALUE_WORDS
    from okrsite.own_words import OWN_WORDS
    from okrsite.ui_words import FIELD_LABELS, STATUS_WORDS

    takes = {"_": 1, "gettext": 1, "ngettext": 2, "n": 2}
    found: dict[str, str] = {}
    for path in sorted((REPO / "okrsite").rglob("*.py")):
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(call, ast.Call):
                continue
            func = call.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            for arg in call.args[: takes.get(name, 0)]:
                for const in ast.walk(arg):
                    if isinstance(const, ast.Constant) and isinstance(const.value, str):
                        found.setdefault(const.value, f"{path.relative_to(REPO)}:{call.lineno}")
    tables = (STATUS_WORDS, FIELD_LABELS, FIELD_WORDS, VALUE_WORDS, KIND_WORDS, CAUSE_WORDS)
    for table in (*tables, NOTE_WORDS):
        for word in table.values():
            found.setdefault(word, "a word table")
    assert "Cycle %(name)s" in found and "more than %(percent)s" in found
    missing = sorted(f"{where}: {word!r}" for word, where in found.items() if word not in OWN_WORDS)
    assert not missing, "add to okrsite/own_words.py OWN_WORDS:\n" + "\n".join(missing)


# ------------------------------------------------------------ finding 5 and 6
def test_percent_of_no_figure_is_a_dash_not_0_percent(tmp_path: Path) -> None:
    draft = """\
        ---
        title: Open the Nordics market
        cycle: 2026-Q4
        owner: Tom Lee
        team: Sales
        status: draft
        key_results:
          - {id: deals, title: Sign 5 deals, start: 0, target: 5}
        ---
        """
    teams = (
        '{% extends "default:base.html" %}{% block main %}<h1>{{ title }}</h1><table>'
        "{% for tid, name, summary in rows %}<tr><td>{{ name }}</td>"
        "<td>{{ percent(summary.progress) }}|{{ percent_at(summary.progress, 2) }}|"
        "{{ pct_figure(summary.progress) }}</td></tr>{% endfor %}</table>{% endblock %}"
    )
    site = _site(
        tmp_path,
        'extends = "default"\n',
        {
            "content/objectives/sales-draft.md": draft,
            "themes/brand/templates/teams.html": teams,
        },
    )
    out = tmp_path / "out"
    code, said = run_cli("build", "--site", str(site), "--out", str(out))
    assert code == 0, said
    page = (out / "teams/index.html").read_text(encoding="utf-8")
    assert "<tr><td>Sales</td><td>–|–|–</td></tr>" in page, page
    # a figure of nothing yet (no check-in: current is start) is 0%
    assert "<tr><td>Customer Success</td><td>0\u00a0%|0\u00a0%|0</td></tr>" in page, page


def test_pct_figure_says_more_than_in_the_sites_language(tmp_path: Path) -> None:
    goals = (
        '{% extends "default:base.html" %}{% block main %}'
        "<p id=f>{{ pct_figure(12345.6) }} | {{ percent(12345.6) }} | "
        "{{ pct_figure(-12345.6) }}</p>{% endblock %}"
    )
    site = _site(tmp_path, 'extends = "default"\n', {"themes/brand/templates/goals.html": goals})
    # a SMART goal, so the goals page is written
    write_site(
        site,
        {
            "content/goals/csat.md": """\
                ---
                title: Raise CSAT
                owner: Uma Diaz
                due: 2026-12-31
                start: 70
                target: 80
                ---
                """
        },
    )
    out = tmp_path / "out"
    code, said = run_cli("build", "--site", str(site), "--out", str(out))
    assert code == 0, said
    page = (out / "goals/index.html").read_text(encoding="utf-8")
    assert (
        "<p id=f>mehr als 1.000.000 | mehr als 1.000.000\u00a0% | weniger als −1.000.000</p>"
        in page
    ), page
