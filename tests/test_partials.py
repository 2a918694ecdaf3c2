"""Every piece of markup is a partial a site can override with one file.

For each partial of the default theme, the example site is rendered with a
site-level ``templates/partials/<name>`` that writes a marker instead: the
default markup of that piece must be gone from every file of the site (so no
page writes it some other way) and the marker must be there.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from conftest import REPO

from okrsite.config import SiteConfig
from okrsite.history import unavailable
from okrsite.model import ScoredPortfolio
from okrsite.pipeline import load_site
from okrsite.render import render_site

#: partial → a pattern only its default markup writes
SIGNATURES = {
    "stale_flag.html": r'<span class="stale">stale</span>',
    "checkin_line.html": r'<li><time datetime="[^"]*">[^<]*</time> · <a href="[^"]*#checkin-',
    "objective_card.html": r'<li class="card status-border-',
    "chart_legend.html": r"<figcaption>Shaded bands: ",
    "search_result.html": r'<li class="obj search-result">',
    "search_group.html": r'<ul class="objs search-objective" data-slot="list">',
    "progress_bar.html": r'role="progressbar"',
    "status_badge.html": r'class="status status-',
    "grade_badge.html": r'class="grade grade-',
    "health_badge.html": r'class="health health-',
    "filter_data.html": r'data-status-label="',
    "objective_item.html": r'<li class="obj" data-status=[^>]*>\s*<a class="obj-title" href="[^"]*objectives/',
    "alignment_node.html": r'<span class="node" data-status=',
    "kr_row.html": r'<tr id="kr-[^"]*"[^>]*>\s*<td data-label="Key result">',
    "explain_row.html": r'data-label="Computation"',
    "checkin.html": r'<article class="checkin"',
    "nav.html": r">Alignment</a></li>\s*<li><a [^>]*>KPIs</a>",
    "line_chart.svg": r'class="chart line-chart"',
    "sparkline.svg": r'class="sparkline"',
    "chart_table.html": r'<table class="chart-table">',
    "badge.svg": r'font-family="Verdana',
    "person_link.html": r'<span class="muted">nobody</span>|by <a href="[^"]*people/',
    "team_link.html": r'<dt>Team</dt><dd><a href="[^"]*teams/',
    "trend.html": r'<span class="trend-(improving|worsening|steady)">',
    "cycle_links.html": r'<p class="meta">Cycles: <a href="#cycle-',
    "attention_item.html": r'<li class="obj attention',
    "change.html": r'<li class="change">',
    "list_filters.html": r'<div class="list-filters"',
    "history_timeline.html": r'<section aria-labelledby="goal-history" class="history">',
    "scorecard_summary.html": r'<dl class="scorecard-counts">',
    "scorecard_commitment.html": r'<table class="scorecard-commitment">',
    "scorecard_teams.html": r'<table class="scorecard-teams',
    "scorecard_least_moved.html": r'<table class="scorecard-least',
    "scorecard_kpis.html": r'<table class="scorecard-kpis',
    "grade_word.html": r'<span class="grade-name grade-',
    "explain_forecast.html": r"<h3>5\. Forecast = ",
    "explain_confidence.html": r"<h3>6\. Confidence</h3>",
    "explain_stale.html": r"<h3>7\. Stale</h3>",
    "streak.html": r'<p class="meta streak">',
    "owned_counts.html": r'</bdi></a> <span class="meta">\d+ (?:objectives?|KPIs?|SMART goals?)\b',
}

#: the history section shows its note where a site has no history to show
HISTORY = unavailable("No history yet: there are no commits.")


@pytest.fixture(scope="module")
def example() -> tuple[ScoredPortfolio, SiteConfig]:
    load = load_site(REPO, date(2026, 11, 20))
    assert load.scored is not None
    return load.scored, load.config


@pytest.fixture(scope="module")
def default(
    example: tuple[ScoredPortfolio, SiteConfig], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, bytes]:
    return render_site(*example, tmp_path_factory.mktemp("plain"), history=HISTORY)


def test_every_partial_is_listed() -> None:
    shipped = {p.name for p in (REPO / "themes/default/templates/partials").iterdir()}
    assert shipped == set(SIGNATURES)


@pytest.mark.parametrize("name", sorted(SIGNATURES))
def test_overriding_a_partial_changes_every_occurrence(
    name: str,
    example: tuple[ScoredPortfolio, SiteConfig],
    default: dict[str, bytes],
    tmp_path: Path,
) -> None:
    scored, config = example
    pattern = re.compile(SIGNATURES[name])
    found = [p for p, data in default.items() if pattern.search(data.decode("utf-8", "replace"))]
    assert found, f"{name}: the default site never writes it"

    marker = f"OVERRIDDEN-{name.replace('.', '-')}"
    override = tmp_path / "templates" / "partials" / name
    override.parent.mkdir(parents=True)
    override.write_text(f"<b>{marker}</b>", encoding="utf-8")
    out = render_site(scored, config, tmp_path, history=HISTORY)
    left = [p for p, data in out.items() if pattern.search(data.decode("utf-8", "replace"))]
    assert left == [], f"{name}: default markup still written in {left[:5]}"
    assert all(marker in out[p].decode("utf-8") for p in found)


def test_an_override_may_extend_a_template_and_set_variables(
    example: tuple[ScoredPortfolio, SiteConfig], tmp_path: Path
) -> None:
    """Each call of a partial renders in a scope of its own: a ``{% set %}`` of
    one call does not leak into the next, and a partial that extends another
    template gets its blocks on every call (the render reuses a prepared
    context state, so both would show if that state were shared)."""
    scored, config = example
    partials = tmp_path / "templates" / "partials"
    partials.mkdir(parents=True)
    (partials / "badge_frame.html").write_text(
        '<i class="frame">{% block inner %}none{% endblock %}</i>', encoding="utf-8"
    )
    (partials / "status_badge.html").write_text(
        '{% extends "partials/badge_frame.html" %}'
        "{% block inner %}{% set seen = status %}[{{ seen }}]{% endblock %}",
        encoding="utf-8",
    )
    (partials / "grade_badge.html").write_text(
        "{% if first is defined %}LEAKED{% endif %}{% set first = grade %}<g>{{ first }}</g>",
        encoding="utf-8",
    )
    out = render_site(scored, config, tmp_path, history=HISTORY)
    page = out["objectives/sales/q4-bookings/index.html"].decode("utf-8")
    status = scored.objectives["sales/q4-bookings"].status
    assert f'<i class="frame">[{status}]</i>' in page
    assert page.count("<g>") >= 2
    assert not any(b"LEAKED" in data for data in out.values())
    assert not any(b'<i class="frame">none</i>' in data for data in out.values())
