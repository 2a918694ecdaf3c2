"""What a German theme author's audit found (audit 43), each run through the
real CLI on a site in ``tmp_path``: a key result in ``T€`` or ``TEUR`` (the
German accounts' thousand euro) took ``1,5 Mio. €`` as 1,500,000 of it;
``okrsite diff`` wrote ``450.000,5 €`` where pages write ``450.000,50 €``;
a KPI chart without thresholds named three bands it never drew; a theme
writing each history source's ``date`` failed on ``current:`` and
milestones; German pages said "du"; and a team page's breadcrumb did not
use the theme's ``team_link.html``. (The missing ``messages.pot`` msgid:
``test_messages_pot_complete.py``.)"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import run_cli, write_site
from gitrepo import Repo

_TOML = 'title = "U"\nlanguage = "de"\nas_of = 2026-12-05\n'

#: units of money in a magnitude as German accounts write them, with the
#: start and target of a key result running from 1 to 2 million euro in it
_GERMAN_MONEY_UNITS = {
    "T€": 1e3,
    "TEUR": 1e3,
    "T EUR": 1e3,
    "TEuro": 1e3,
    "tEUR": 1e3,
    "Tsd. EUR": 1e3,
    "Tsd. €": 1e3,
    "TSD €": 1e3,
    "k€": 1e3,
    "Mio. €": 1e6,
    "Mio. Euro": 1e6,
    "MEUR": 1e6,
    "Mrd. €": 1e9,
    "Euro": 1.0,
}


def test_a_check_in_in_millions_counts_in_a_key_result_in_t_euro(tmp_path: Path) -> None:
    units = list(_GERMAN_MONEY_UNITS)
    key_results = "".join(
        f"  - {{id: k{n}, title: R, start: {1e6 / times:g}, target: {2e6 / times:g}, "
        f"unit: {json.dumps(unit)}}}\n"
        for n, (unit, times) in enumerate(_GERMAN_MONEY_UNITS.items())
    )
    values = "".join(f'  k{n}: "1,5 Mio. €"\n' for n in range(len(units)))
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": _TOML,
            "content/objectives/u.md": (
                f"---\ntitle: Einheiten\ncycle: 2026-Q4\nowner: Uma Diaz\n"
                f"key_results:\n{key_results}---\n"
            ),
            "content/checkins/2026-12-01-u.md": (
                f"---\nobjective: u\ndate: 2026-12-01\nauthor: Uma Diaz\nvalues:\n{values}---\n"
            ),
        },
    )
    code, out = run_cli("check", "--no-cache", "--site", str(site))
    assert code == 0 and " error " not in out, out
    code, out = run_cli("export", "--site", str(site))
    assert code == 0, out
    krs = json.loads(out)["objectives"][0]["key_results"]
    for kr, (unit, times) in zip(krs, _GERMAN_MONEY_UNITS.items(), strict=True):
        assert kr["unit"] == unit
        assert kr["current"] == pytest.approx(1.5e6 / times), unit
        assert kr["progress"] == pytest.approx(0.5), unit


# ------------------------------------------------ okrsite diff writes money as pages do

_BUDGET = """---
title: Budget
cycle: 2026-Q4
owner: Uma Diaz
key_results:
  - {id: budget, title: Budget, start: 0, target: "1,2 Mio. €", unit: €}
---
"""


def _checkin(day: str, value: str) -> str:
    return (
        f"---\nobjective: budget\ndate: {day}\nauthor: Uma Diaz\n"
        f'values: {{budget: "{value}"}}\n---\n'
    )


def _spaced(text: str) -> str:
    """``text`` with the no-break spaces a language writes before ``€`` as spaces."""
    return text.replace("\u202f", " ").replace("\u00a0", " ").replace("&nbsp;", " ")


@pytest.mark.parametrize(
    ("language", "cents", "million"),
    [("de", "450.000,50 €", "1.100.000 €"), ("en", "€450,000.50", "€1,100,000")],
)
def test_the_diff_writes_money_with_cents_as_the_pages_do(
    tmp_path: Path, language: str, cents: str, million: str
) -> None:
    repo = Repo(tmp_path / "site")
    repo.write("okrsite.toml", f'title = "U"\nlanguage = "{language}"\nas_of = 2026-12-05\n')
    repo.write("content/objectives/budget.md", _BUDGET)
    repo.write("content/checkins/2026-11-01-budget.md", _checkin("2026-11-01", "450.000,50 €"))
    repo.commit("Budget", "alice", "2026-11-01T10:00:00+00:00")
    code, out = run_cli("build", "--site", str(repo.root), "--out", str(tmp_path / "out"))
    assert code == 0, out
    page = (tmp_path / "out/objectives/budget/index.html").read_text(encoding="utf-8")
    assert cents in _spaced(page), "the page's own writing changed"
    repo.write("content/checkins/2026-12-01-budget.md", _checkin("2026-12-01", "1,1 Mio. €"))
    for form in ("text", "markdown"):
        code, out = run_cli("diff", "--site", str(repo.root), "HEAD", "--format", form)
        assert code == 0, out
        assert f"budget {cents} → {million}" in _spaced(out), out


# ------------------------------------------------ a chart's caption names the bands it draws

_KPIS = {
    # no thresholds: the target stands in for green in scoring, but no band is drawn
    "umsatz": "target: 1,5 Mio. €\nunit: €\n"
    'values: {2026-09-01: "1.100.000,50", 2026-10-01: "1.234.567,89", 2026-11-01: "1.300.000"}\n',
    "plain": "values: {2026-09-01: 30, 2026-10-01: 35}\n",
    "nps": "thresholds: {green: 40, red: 20}\ntarget: 50\nvalues: {2026-09-01: 30, 2026-10-01: 35}\n",
}


@pytest.mark.parametrize(
    ("language", "bands", "dashed"),
    [
        ("de", "Schattierte Bereiche", "Gestrichelte Linie: Zielwert."),
        ("en", "Shaded bands", "Dashed line: target."),
    ],
)
def test_a_kpi_charts_caption_names_only_the_bands_it_draws(
    tmp_path: Path, language: str, bands: str, dashed: str
) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": f'title = "K"\nlanguage = "{language}"\nas_of = 2026-12-05\n',
            **{
                f"content/kpis/{name}.md": f"---\ntitle: {name}\nowner: Uma Diaz\n{body}---\n"
                for name, body in _KPIS.items()
            },
        },
    )
    code, out = run_cli("build", "--site", str(site), "--out", str(tmp_path / "out"))
    assert code == 0, out

    def caption(name: str) -> tuple[list[str], str]:
        page = (tmp_path / "out/kpis" / name / "index.html").read_text(encoding="utf-8")
        figure = page[page.index('<figure class="chart-figure">') : page.index("</figure>")]
        drawn = re.findall(r'<rect class="band band-(\w+)"', figure)
        found = re.search(r"<figcaption>(.*?)</figcaption>", figure)
        return drawn, "" if found is None else found[1]

    drawn, text = caption("umsatz")
    assert drawn == [] and text == dashed
    drawn, text = caption("plain")
    assert drawn == [] and text == ""
    drawn, text = caption("nps")
    assert sorted(drawn) == ["critical", "healthy", "warning"]
    assert text.startswith(bands + ": ") and text.count('class="key key-') == 3


# ------------------------------------------------ every history source has a date

_SOURCES_PARTIAL = (
    "{#- a theme's own list of where figures come from, by docs/themes.md -#}\n"
    '<ul class="acme-sources">{% for s in timeline.sources %}'
    '<li data-kind="{{ s.kind }}">{{ s.label }}: {{ s.date }}</li>{% endfor %}</ul>\n'
)
_OBJECTIVE = """---
title: Launch
cycle: 2026-Q4
owner: Uma Diaz
key_results:
  - {id: own, title: Own figure, start: 0, target: 10, current: 4}
  - id: list
    title: Checklist
    milestones:
      - {title: One, done: true}
      - {title: Two}
  - {id: told, title: Told, start: 0, target: 10}
---
"""


def test_a_theme_writing_each_history_sources_date_builds(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "site")
    repo.write("okrsite.toml", 'title = "T"\ntheme = "acme"\nas_of = 2026-12-05\n')
    repo.write("themes/acme/theme.toml", 'extends = "default"\n')
    repo.write("themes/acme/templates/partials/history_timeline.html", _SOURCES_PARTIAL)
    repo.write("content/objectives/launch.md", _OBJECTIVE)
    repo.write(
        "content/checkins/2026-11-01-launch.md",
        "---\nobjective: launch\ndate: 2026-11-01\nauthor: Uma Diaz\nvalues: {told: 3}\n---\n",
    )
    repo.commit("Launch", "alice", "2026-11-01T10:00:00+00:00")
    code, out = run_cli("build", "--site", str(repo.root), "--out", str(tmp_path / "out"))
    assert code == 0 and "THM002" not in out, out
    page = (tmp_path / "out/objectives/launch/index.html").read_text(encoding="utf-8")
    listed = re.findall(r'<li data-kind="([\w-]+)">([^<]*)</li>', page)
    assert sorted(listed) == [
        ("check-in", "Told: 2026-11-01"),
        ("current", "Own figure: None"),
        ("milestones", "Checklist: None"),
    ], page


# ------------------------------------------------ German pages address no one as "du"

#: the informal address and imperatives the German catalogue had (404 page,
#: shallow-clone note, the search page without JavaScript)
_INFORMAL = re.compile(r"\b(?:[Dd]u|[Dd]ein\w*|[Dd]ich|[Dd]ir|versuche|hole|durchsuche)\b")


def test_german_pages_address_the_reader_impersonally(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "origin")
    repo.write("okrsite.toml", 'title = "T"\nlanguage = "de"\nas_of = 2026-12-05\n')
    repo.write("content/objectives/launch.md", _OBJECTIVE)
    repo.commit("Start", "alice", "2026-11-01T10:00:00+00:00")
    repo.write("content/objectives/launch.md", _OBJECTIVE.replace("current: 4", "current: 5"))
    repo.commit("Weiter", "bob", "2026-11-08T10:00:00+00:00")
    shallow = tmp_path / "shallow"
    repo.git("clone", "-q", "--depth", "1", repo.root.as_uri(), str(shallow))
    code, out = run_cli("build", "--site", str(shallow), "--out", str(tmp_path / "out"))
    assert code == 0, out
    pages = {
        name: (tmp_path / "out" / name).read_text(encoding="utf-8")
        for name in ("404.html", "search/index.html", "objectives/launch/index.html")
    }
    assert "Unvollständiger Verlauf" in pages["objectives/launch/index.html"]
    assert "Startseite" in pages["404.html"] and "JavaScript" in pages["search/index.html"]
    for name, html in pages.items():
        text = re.sub(r"<[^>]*>", " ", html)  # what a reader reads, not dir="auto"
        assert not _INFORMAL.findall(text), (name, _INFORMAL.findall(text))


# ------------------------------------------------ a team's breadcrumb links through team_link.html

_TEAM_LINK = (
    "{#- a theme's own team link -#}\n"
    '{%- if team %}<a class="acme-team" href="{{ root }}{{ team.url }}">'
    "{{ team.name }}</a>{% endif -%}\n"
)


def test_a_team_pages_breadcrumb_links_the_teams_above_through_team_link(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "T"\ntheme = "acme"\nas_of = 2026-12-05\n',
            "themes/acme/theme.toml": 'extends = "default"\n',
            "themes/acme/templates/partials/team_link.html": _TEAM_LINK,
            "content/teams/leadership.md": "---\ntitle: Leadership team\n---\n",
            "content/teams/sales.md": "---\ntitle: Sales\nparent: leadership\n---\n",
            "content/teams/emea.md": "---\ntitle: EMEA\nparent: sales\n---\n",
        },
    )
    code, out = run_cli("build", "--site", str(site), "--out", str(tmp_path / "out"))
    assert code == 0, out
    page = (tmp_path / "out/teams/emea/index.html").read_text(encoding="utf-8")
    crumbs = page[page.index('class="breadcrumb"') : page.index("</nav>", page.index("breadcrumb"))]
    assert re.findall(r'<li><a class="acme-team" href="([^"]+)">([^<]+)</a></li>', crumbs) == [
        ("../../teams/leadership/index.html", "Leadership team"),
        ("../../teams/sales/index.html", "Sales"),
    ], crumbs
