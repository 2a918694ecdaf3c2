"""Rendering a whole site: every page kind, links, numbers shown, themes, chunks."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from conftest import write_site
from site_fixture import AS_OF, SITE
from sitecheck import broken_links, conformance_problems, dangling_separators, html_problems, scan

from okrsite.config import SiteConfig
from okrsite.export import portfolio_json
from okrsite.model import Portfolio, ScoredPortfolio, Settings
from okrsite.pipeline import LoadResult, load_site
from okrsite.render import SiteRenderer, render_site
from okrsite.theme import ThemeError, load_theme
from okrsite.urls import href, page_path, prefix, safe_path
from okrsite.view.formatting import format_decimal, percent


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, LoadResult]:
    root = write_site(tmp_path_factory.mktemp("site"), SITE)
    res = load_site(root, as_of=AS_OF)
    assert res.ok, [d.format_text() for d in res.diagnostics]
    return root, res


@pytest.fixture(scope="module")
def out(loaded: tuple[Path, LoadResult]) -> dict[str, bytes]:
    root, res = loaded
    return render_site(res.scored, res.config, root)


def text(out: dict[str, bytes], path: str) -> str:
    return out[path].decode("utf-8")


EXPECTED_FILES = [
    "index.html",
    "404.html",
    "alignment/index.html",
    "kpis/index.html",
    "kpis/revenue/index.html",
    "kpis/nps/index.html",
    "objectives/company/growth/index.html",
    "objectives/sales/emea/index.html",
    "objectives/sales/emea/partners/index.html",
    "goals/index.html",
    "goals/complaints/index.html",
    "teams/index.html",
    "teams/sales/index.html",
    "teams/leadership/index.html",
    "people/index.html",
    "people/bob/index.html",
    "people/alice/index.html",
    "cycles/index.html",
    "cycles/2026-Q1/index.html",
    "tags/index.html",
    "tags/growth/index.html",
    "tags/emea/index.html",
    "pages/about/index.html",
    "checkins/index.html",
    "checkins.xml",
    "search/index.html",
    "search-index.json",
    "search-index.js",
    "api/portfolio.json",
    "api/objectives.csv",
    "badges/sales/emea.svg",
    "badges/sales/emea/partners.svg",
    "static/style.css",
    "static/search.js",
]


@pytest.mark.parametrize("path", EXPECTED_FILES)
def test_every_page_kind_exists(out: dict[str, bytes], path: str) -> None:
    assert path in out


def test_all_relative_links_resolve(out: dict[str, bytes]) -> None:
    assert broken_links(out) == []


def test_every_page_is_valid_html_with_no_dangling_separator(out: dict[str, bytes]) -> None:
    """Tags pair up, no block sits in a phrasing element (the ``<bdi>`` around
    names included), ids are unique, headings skip no level, and no line
    starts or ends with " · " (tests/sitecheck.py)."""
    pages = {p: b for p, b in out.items() if p.endswith(".html")}
    assert len(pages) > 20
    for path, html in pages.items():
        assert html_problems(html) == [], path
        assert conformance_problems(html) == [], path
        assert dangling_separators(html) == [], path
    assert html_problems("<p><span><div></div></span></p>")  # the check can fail
    assert conformance_problems('<p id="a"></p><p id="a"></p>')
    assert dangling_separators("<p>Ana · </p>")


def test_links_are_relative_and_name_index_html(out: dict[str, bytes]) -> None:
    for path, data in out.items():
        if not path.endswith(".html") or path == "404.html":
            continue
        for link in scan(data).links:
            assert not link.startswith("/"), (path, link)
            assert not re.match(r"^(\.\./)*[^#?]*/$", link), (path, link)


def test_one_h1_per_page_and_landmarks(out: dict[str, bytes]) -> None:
    for path, data in out.items():
        if path.endswith(".html"):
            c = scan(data)
            assert c.h1 == 1, path
            assert 'id="main"' in data.decode(), path


def test_progress_bars_show_portfolio_numbers(
    out: dict[str, bytes], loaded: tuple[Path, LoadResult]
) -> None:
    s = loaded[1].scored.objectives["sales/emea"]
    page = scan(out["objectives/sales/emea/index.html"])
    bar = page.progress[0]
    assert bar["aria-valuenow"] == str(round(s.progress * 100))
    assert bar["aria-valuemin"] == "0" and bar["aria-valuemax"] == "100"
    assert bar["aria-label"]
    assert f"{round(s.progress * 100)}%" in text(out, "objectives/sales/emea/index.html")
    for kr in loaded[1].scored.portfolio.objectives["sales/emea"].key_results:
        ks = s.key_results[kr.id]
        assert any(
            b["aria-label"] == f"Progress of {kr.title}"
            and b["aria-valuenow"] == str(round(ks.progress * 100))
            for b in page.progress
        ), kr.id


def test_objective_page_content(out: dict[str, bytes], loaded: tuple[Path, LoadResult]) -> None:
    html = text(out, "objectives/sales/emea/index.html")
    # breadcrumb up to the top
    assert 'href="../../../objectives/company/growth/index.html"' in html
    # aligned to a key result of the parent
    assert "Aligned to key result" in html and "#kr-markets" in html
    # KR values with units, milestones, stay_above, boolean
    assert "0 → 1 → 2 countries" in html
    assert "5 → 4.1 → 2%" in html  # a unit of % is written as the page's percentages
    assert "1 of 2 milestones" in html
    assert "stay above 99.9" in html
    # the explanation writes the comparison that is true: "99.95 ≥ 99.9: holds",
    # "99.8 < 99.9: does not hold", never "99.8 ≥ 99.9 does not hold"
    told = re.findall(r"current [\d.,]+ ([≥<≤>]) [\d.,]+: (holds|does not hold)", html)
    assert told and all((sign in "≥≤") == (word == "holds") for sign, word in told), told
    assert "not done" in html
    # check-in timeline with rendered Markdown notes, newest first
    assert html.index("2026-02-10") < html.index("2026-01-20")
    assert "First country <strong>live</strong>." in html
    # Markdown body, heading shifted below the page's h1
    assert '<h2 id="emea-plan">EMEA plan</h2>' in html
    # initiatives, sparkline, edit link, SMART goal supporting a KR
    assert 'href="https://example.com/hiring"' in html
    assert 'class="sparkline"' in html
    assert (
        'href="https://git.example.com/acme/goals/edit/main/content/objectives/sales/emea.md"'
        in html
    )
    assert "Resolve 95% of complaints" in html
    # aligned child objective
    assert 'href="../../../objectives/sales/emea/partners/index.html"' in html


def test_explain_this_score_uses_own_numbers(
    out: dict[str, bytes], loaded: tuple[Path, LoadResult]
) -> None:
    html = text(out, "objectives/sales/emea/index.html")
    s = loaded[1].scored.objectives["sales/emea"]
    assert "Explain this score" in html
    assert "(1 − 0) ÷ (2 − 0) = 0.5" in html
    assert "(4.1 − 5) ÷ (2 − 5) = 0.3" in html
    assert "1 done ÷ 2 milestones = 0.5" in html
    settings = loaded[1].scored.settings
    assert f"behind ≤ {settings.on_track:g}" in html
    assert f"= {round(s.expected, 2):g}</code>" in html


def test_unclamped_ratio_shown(out: dict[str, bytes]) -> None:
    html = text(out, "objectives/sales/emea/partners/index.html")
    assert "125% of target" in html
    assert "clamped to 1" in html


def test_dashboard(out: dict[str, bytes], loaded: tuple[Path, LoadResult]) -> None:
    html = text(out, "index.html")
    assert "2026-Q1" in html
    # the root of the cycle is a card; its child is not
    cards = html.split('<ul class="cards">', 1)[1].split("</ul>", 1)[0]
    assert "Grow the company" in cards and "Expand into EMEA" not in cards
    assert "KPI health" in html and "Net Promoter Score" in html
    assert "Stale objectives" in html
    assert "First country" not in html  # only check-in summaries, not notes
    assert 'href="objectives/sales/emea/index.html#checkin-' in html


def test_kpi_pages(out: dict[str, bytes]) -> None:
    html = text(out, "kpis/revenue/index.html")
    assert 'class="chart line-chart"' in html and "band-healthy" in html
    assert "450,000" in html and "2026-02-01" in html
    assert "Reach $1M revenue" in html  # KR that targets it
    assert "Net Promoter Score" in html  # driven by
    tree = text(out, "kpis/index.html")
    assert tree.index("Revenue") < tree.index("Net Promoter Score")
    assert "leading" in tree and "lagging" in tree
    # the values as a visible table, for people who cannot hover the points
    assert '<table class="chart-table">\n<caption><bdi>Revenue</bdi> values</caption>' in html


def test_alignment_tree(out: dict[str, bytes]) -> None:
    html = text(out, "alignment/index.html")
    assert "<details open>" in html
    assert html.index("Grow the company") < html.index("Expand into EMEA")
    assert html.index("Expand into EMEA") < html.index("Partner channel")


def test_goal_smart_checklist(out: dict[str, bytes]) -> None:
    html = text(out, "goals/complaints/index.html")
    for word in ("Specific", "Measurable", "Assigned", "Relevant", "Time-bound"):
        assert word in html
    assert "#kr-churn" in html


def test_lists_and_pages(out: dict[str, bytes]) -> None:
    assert "Expand into EMEA" in text(out, "teams/sales/index.html")
    assert "Head of Sales" in text(out, "people/bob/index.html")
    assert "Partner channel" in text(out, "cycles/2026-Q1/index.html")
    assert "Expand into EMEA" in text(out, "tags/emea/index.html")
    assert "How we run OKRs." in text(out, "pages/about/index.html")
    # free pages are in the nav of every page
    assert 'href="../../pages/about/index.html">About our OKRs' in text(
        out, "teams/sales/index.html"
    )


def test_portfolio_json_is_the_export(
    out: dict[str, bytes], loaded: tuple[Path, LoadResult]
) -> None:
    assert json.loads(out["api/portfolio.json"]) == json.loads(
        json.dumps(portfolio_json(loaded[1].scored))
    )


def test_objectives_csv(out: dict[str, bytes], loaded: tuple[Path, LoadResult]) -> None:
    rows = list(csv.DictReader(io.StringIO(text(out, "api/objectives.csv"))))
    assert [r["id"] for r in rows] == ["company/growth", "sales/emea", "sales/emea/partners"]
    s = loaded[1].scored.objectives["sales/emea"]
    assert float(rows[1]["progress"]) == pytest.approx(s.progress)


def test_feed_is_atom(out: dict[str, bytes]) -> None:
    root = ET.fromstring(out["checkins.xml"])
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = root.findall("a:entry", ns)
    assert len(entries) == 2
    assert entries[0].findtext("a:updated", namespaces=ns) == "2026-02-10T00:00:00Z"
    content = entries[0].findtext("a:content", namespaces=ns) or ""
    assert "<strong>live</strong>" in content


def test_search_index_json_and_js_agree(out: dict[str, bytes]) -> None:
    data = json.loads(out["search-index.json"])
    js = text(out, "search-index.js")
    assert js.startswith("window.OKRSITE_SEARCH_INDEX = ")
    inline = json.loads(js.split("= ", 1)[1].rstrip().rstrip(";").replace("<\\/", "</"))
    assert inline == data
    kinds = {i["k"] for i in data["items"]}
    assert {"objective", "kpi", "person", "team", "goal"} <= kinds
    emea = next(i for i in data["items"] if i["t"] == "Expand into EMEA")
    assert emea["o"] == "Bob Builder" and emea["m"] == "Sales team"
    assert emea["u"] == "objectives/sales/emea/index.html"


def test_badge_is_svg(out: dict[str, bytes]) -> None:
    svg = ET.fromstring(out["badges/sales/emea.svg"])
    assert svg.get("role") == "img"


def test_no_external_assets(out: dict[str, bytes]) -> None:
    for path, data in out.items():
        if path.endswith((".html", ".css")):
            t = data.decode()
            assert not re.search(r'(src|href)="(https?:)?//[^"]*\.(js|css|woff2?)"', t), path
            assert "@import" not in t and "fonts.googleapis" not in t


def test_rendering_is_deterministic_and_chunkable(loaded: tuple[Path, LoadResult]) -> None:
    root, res = loaded
    a = render_site(res.scored, res.config, root)
    b = render_site(res.scored, res.config, root)
    assert a == b
    site = SiteRenderer(res.scored, res.config, root)
    keys = site.page_keys()
    merged = site.render_assets()
    for i in range(3):
        merged.update(site.render_pages(keys[i::3]))
    assert merged == a


def test_theme_overrides(loaded: tuple[Path, LoadResult], tmp_path: Path) -> None:
    _, res = loaded
    root = write_site(
        tmp_path,
        {
            "templates/page.html": """
                {% extends "default:page.html" %}
                {% block main %}<h1>OVERRIDDEN {{ page.title }}</h1>{% endblock %}
            """,
            "themes/brand/theme.toml": 'extends = "default"\n',
            "themes/brand/static/style.css": "body { color: hotpink }\n",
            "themes/brand/static/extra.txt": "x\n",
        },
    )
    out = render_site(res.scored, replace(res.config, theme="brand"), root)
    assert "OVERRIDDEN About our OKRs" in out["pages/about/index.html"].decode()
    assert out["static/style.css"] == b"body { color: hotpink }\n"
    assert out["static/extra.txt"] == b"x\n"
    assert "static/search.js" in out  # inherited from default


def test_unknown_theme_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ThemeError, match="nope"):
        load_theme("nope", tmp_path)


def test_theme_cycle_is_an_error(tmp_path: Path) -> None:
    write_site(
        tmp_path,
        {
            "themes/a/theme.toml": 'extends = "b"\n',
            "themes/b/theme.toml": 'extends = "a"\n',
        },
    )
    (tmp_path / "themes/a/templates").mkdir()
    with pytest.raises(ThemeError, match="extends itself"):
        load_theme("a", tmp_path)


def test_empty_portfolio_renders() -> None:
    """A hand-made, empty ScoredPortfolio (no pipeline): the site still builds."""
    portfolio = Portfolio({}, {}, {}, (), {}, {}, {}, {}, {})
    scored = ScoredPortfolio(portfolio, date(2026, 1, 1), Settings(), {}, {}, {}, {}, {}, ())
    out = render_site(scored, SiteConfig())
    assert "No objectives yet" in out["index.html"].decode()
    assert broken_links(out) == []


def test_helpers() -> None:
    assert percent(0.425) == 43 and percent(0.424) == 42 and percent(1.0) == 100
    assert format_decimal(0.5430, 3) == "0.543" and format_decimal(-0.0001, 2) == "0"
    assert safe_path("a/../b") == "a/%2E%2E/b" and safe_path("/x") == "%2F/x"
    # one folder per value: "..", "___" and "%2E%2E" are three tags, "index.html" no page
    paths = ["..", "___", "%2E%2E", "index.html", "INDEX.HTML", ".", "", "100%"]
    assert [safe_path(t) for t in paths] == [
        "%2E%2E",
        "___",
        "%252E%252E",
        "index%2Ehtml",
        "INDEX%2EHTML",
        "%2E",
        "%2F",
        "100%25",
    ]
    assert page_path("objective", "sales/emea") == "objectives/sales/emea/index.html"
    assert href("tags/a b#c/index.html") == "tags/a%20b%23c/index.html"
    assert prefix("objectives/sales/emea/index.html") == "../../../"
