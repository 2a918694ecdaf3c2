"""Six things a themer restyling okrsite from docs/themes.md met (audit 45),
each through ``okrsite check`` or ``build`` on a real site:

- ``{% trans n=3 %}…{{ n }}…{% endtrans %}`` and ``{% pluralize %}`` failed
  with THM002 ``'n' (KeyError)``: Jinja compiled them old-style, calling
  okrsite's gettext with no values; they render now (newstyle gettext), in
  English and in German;
- ``partial("missing.html")`` passed ``okrsite check`` (only ``{% include %}``
  was looked at), so the build broke the day a page first rendered it;
- an override of ``partials/trend.html`` did not reach the cycle page's KPI
  table, which wrote its trend inline;
- a translation with ``&`` made ``checkins.xml`` invalid XML;
- a key result's search entry had its objective's title as its team;
- ``partial("default:status_badge.html")`` was told to add a file with a
  colon in its name, not the include that reaches the partial.
"""

from __future__ import annotations

import json
import xml.dom.minidom
from pathlib import Path

from conftest import run_cli, write_site

AS_OF = "2026-11-20"

SITE: dict[str, str | bytes] = {
    "okrsite.toml": 'title = "Acme Intranet Goals"\ndefault_cycle = "2026-Q4"\n',
    "content/objectives/cs-retention.md": """
        ---
        title: Keep our best customers happy
        cycle: 2026-Q4
        owner: Uma Diaz
        team: Customer Success
        key_results:
          - {id: nrr, title: Raise net revenue retention, start: 98, target: 105}
          - {id: churn, title: Cut logo churn to 3 per quarter, start: 8, target: 3, kpi: logo-churn}
        ---
        """,
    "content/kpis/logo-churn.md": """
        ---
        title: Logo churn per quarter
        owner: Uma Diaz
        team: Customer Success
        direction: down
        target: 3
        thresholds: {green: 4, red: 8}
        values: {2026-10-01: 6, 2026-11-01: 5}
        ---
        """,
    "content/checkins/2026-11-18-cs-retention.md": """
        ---
        objective: cs-retention
        date: 2026-11-18
        author: Uma Diaz
        confidence: 7
        values: {nrr: 101.2, churn: 6}
        ---
        """,
}

PO_HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
)


def _site(tmp_path: Path, extra: dict[str, str | bytes]) -> Path:
    return write_site(tmp_path / "site", {**SITE, **extra})


def _build(site: Path) -> tuple[int, str, Path]:
    out = site.parent / "out"
    code, output = run_cli("build", "--site", str(site), "--out", str(out), "--as-of", AS_OF)
    return code, output, out


TRANS = """\
{% extends "default:dashboard.html" %}
{% block head %}
<meta name="welcome" content="{% trans n=3 %}Welcome to {{ n }} teams{% endtrans %}">
<meta name="one" content="{% trans count=1 %}One team{% pluralize %}{{ count }} teams{% endtrans %}">
<meta name="many" content="{% trans count=2 %}One team{% pluralize %}{{ count }} teams{% endtrans %}">
<meta name="set" content="{% set m = 4 %}{% trans %}Hello, {{ m }} teams at 50%{% endtrans %}">
{% endblock %}
"""


def _metas(out: Path) -> dict[str, str]:
    page = (out / "index.html").read_text(encoding="utf-8")
    return {
        name: page.split(f'<meta name="{name}" content="', 1)[1].split('"', 1)[0]
        for name in ("welcome", "one", "many", "set")
    }


def test_trans_blocks_with_variables_and_plurals_render_in_english(tmp_path: Path) -> None:
    site = _site(tmp_path, {"templates/dashboard.html": TRANS})
    code, output, out = _build(site)
    assert code == 0, output
    assert _metas(out) == {
        "welcome": "Welcome to 3 teams",
        "one": "One team",
        "many": "2 teams",
        "set": "Hello, 4 teams at 50%",
    }


def test_trans_blocks_with_variables_and_plurals_render_in_german(tmp_path: Path) -> None:
    po = PO_HEADER + (
        'msgid "Welcome to %(n)s teams"\nmsgstr "Willkommen bei %(n)s Teams"\n\n'
        'msgid "One team"\nmsgid_plural "%(count)s teams"\n'
        'msgstr[0] "Ein Team"\nmsgstr[1] "%(count)s Teams"\n\n'
        'msgid "Hello, %(m)s teams at 50%%"\nmsgstr "Hallo, %(m)s Teams zu 50%%"\n'
    )
    site = _site(
        tmp_path,
        {
            "okrsite.toml": SITE["okrsite.toml"] + 'language = "de"\n',  # type: ignore[operator]
            "templates/dashboard.html": TRANS,
            "translations/de.po": po,
        },
    )
    code, output, out = _build(site)
    assert code == 0, output
    assert _metas(out) == {
        "welcome": "Willkommen bei 3 Teams",
        "one": "Ein Team",
        "many": "2 Teams",
        "set": "Hallo, 4 Teams zu 50%",
    }
    # the shipped German words are still there (the theme's own calls)
    assert "Schlüsselergebnisse" in (out / "objectives/cs-retention/index.html").read_text(
        encoding="utf-8"
    )


def test_check_names_a_partial_call_that_finds_no_partial(tmp_path: Path) -> None:
    # no objective is stale today: no page renders the stale flag, so only
    # a look at the template's calls can find the missing partial
    site = _site(
        tmp_path,
        {
            "templates/partials/stale_flag.html": (
                "{#- the stale flag, with our help link -#}\n"
                '<span class="stale">{{ _(\'stale\') }}</span> {{ partial("stale_help.html") }}\n'
            ),
            # a name the template binds itself is not the global
            "templates/partials/trend.html": (
                "{% set partial = 'x' %}{{ trend }}{% if false %}{{ partial('nope') }}{% endif %}\n"
            ),
        },
    )
    code, output = run_cli("check", "--site", str(site), "--as-of", AS_OF)
    assert code == 1, output
    found = [row for row in output.splitlines() if " THM001: " in row]
    assert found == [
        "templates/partials/stale_flag.html:2: error THM001: template 'partials/stale_help.html' "
        "was not found in the theme (hint: name a template the theme has (the default "
        "theme's are listed in docs/themes.md), or add partials/stale_help.html to your "
        "theme's templates/ or the site's)"
    ], output
    code, output, out = _build(site)
    assert code == 1 and "templates/partials/stale_flag.html:2: error THM001" in output
    assert not out.exists()


def test_a_partial_named_with_a_theme_prefix_is_told_the_include_that_reaches_it(
    tmp_path: Path,
) -> None:
    site = _site(
        tmp_path,
        {
            "templates/partials/status_badge.html": (
                '<b>{{ partial("default:status_badge.html", status=status) }}</b>\n'
            )
        },
    )
    for command in ("check", "build"):
        args = ("--out", str(tmp_path / "out")) if command == "build" else ()
        code, output = run_cli(command, "--site", str(site), *args, "--as-of", AS_OF)
        assert code == 1, output
        assert (
            "templates/partials/status_badge.html:1: error THM001: template "
            "'partials/default:status_badge.html' was not found in the theme (hint: partial() "
            "takes a partial's own name; to render the default theme's status_badge.html from "
            'yours, write {% include "default:partials/status_badge.html" %}'
        ) in output, output
        assert "add partials/default:status_badge.html" not in output
    # the form the hint gives builds, the theme's badge inside the site's
    (site / "templates/partials/status_badge.html").write_text(
        '<b class="ours">{% include "default:partials/status_badge.html" %}</b>\n',
        encoding="utf-8",
    )
    code, output, out = _build(site)
    assert code == 0, output
    page = (out / "objectives/cs-retention/index.html").read_text(encoding="utf-8")
    assert '<b class="ours"><span class="status' in page


def test_a_trend_override_reaches_the_cycle_pages_kpi_table(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "templates/partials/trend.html": (
                '<span class="my-trend">{{ trend }} / {{ meaning }}</span>'
            )
        },
    )
    code, output, out = _build(site)
    assert code == 0, output
    cycle = (out / "cycles/2026-Q4/index.html").read_text(encoding="utf-8")
    assert '<td data-label="Trend"><span class="my-trend">down / improving</span></td>' in cycle
    assert "meaning trend-" not in cycle
    kpi = (out / "kpis/logo-churn/index.html").read_text(encoding="utf-8")
    assert '<span class="my-trend">down / improving</span>' in kpi


def test_the_default_cycle_page_writes_the_kpi_trend_as_the_kpi_page_does(
    tmp_path: Path,
) -> None:
    code, output, out = _build(_site(tmp_path, {}))
    assert code == 0, output
    cycle = (out / "cycles/2026-Q4/index.html").read_text(encoding="utf-8")
    assert (
        '<td data-label="Trend">down ↓, <span class="trend-improving">improving</span></td>'
        in cycle
    )


def test_a_translation_with_an_ampersand_keeps_the_feed_valid_xml(tmp_path: Path) -> None:
    po = PO_HEADER + (
        'msgid "check-ins"\nmsgstr "check-ins & updates"\n\n'
        'msgid "%(date)s: %(title)s"\nmsgstr "%(date)s <&> %(title)s"\n\n'
        'msgid "Confidence"\nmsgstr "Vertrouwen &amp; zekerheid"\n'
    )
    site = _site(
        tmp_path,
        {
            "okrsite.toml": SITE["okrsite.toml"] + 'language = "nl"\n',  # type: ignore[operator]
            "translations/nl.po": po,
        },
    )
    code, output, out = _build(site)
    assert code == 0, output
    feed = xml.dom.minidom.parse(str(out / "checkins.xml"))  # raises on invalid XML

    def text(node: xml.dom.minidom.Element) -> str:
        return "".join(c.data for c in node.childNodes if c.nodeType == c.TEXT_NODE)

    titles = [text(t) for t in feed.getElementsByTagName("title")]
    assert titles[0] == "Acme Intranet Goals: check-ins & updates"
    assert titles[1].endswith(" <&> Keep our best customers happy"), titles
    content = text(feed.getElementsByTagName("content")[0])
    assert content.startswith("<p>Vertrouwen &amp; zekerheid 7/10</p>"), content
    # the pages keep a catalogue's strings as markup
    page = (out / "objectives/cs-retention/index.html").read_text(encoding="utf-8")
    assert "<dt>Vertrouwen &amp; zekerheid</dt>" in page


def test_a_key_results_search_entry_has_its_team_and_its_objective(tmp_path: Path) -> None:
    code, output, out = _build(_site(tmp_path, {}))
    assert code == 0, output
    items = json.loads((out / "search-index.json").read_text(encoding="utf-8"))["items"]
    churn = next(x for x in items if x["k"] == "kr" and x["i"] == "churn")
    assert churn["m"] == "Customer Success"
    assert churn["j"] == "Keep our best customers happy"
    objective = next(x for x in items if x["k"] == "objective")
    assert objective["m"] == "Customer Success" and "j" not in objective
    result = (out / "search/index.html").read_text(encoding="utf-8")
    assert '<bdi data-slot="objective"></bdi>' in result
