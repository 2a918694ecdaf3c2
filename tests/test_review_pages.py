"""The small page pieces of the review work: carried_from links on both
objective pages, tentative forecasts and what a KPI trend means."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

from click.testing import CliRunner
from conftest import REPO

from okrsite.cli import cli
from okrsite.pipeline import load_site
from okrsite.preview import Preview
from okrsite.render import render_site

Make = Callable[[dict[str, str | bytes]], Path]

SITE: dict[str, str | bytes] = {
    "okrsite.toml": "as_of = 2026-11-15\n",
    "content/objectives/sales/pipeline.md": """
        ---
        title: Fill the <pipeline>
        cycle: 2026-Q3
        owner: bob
        key_results:
          - {id: x, title: X, start: 0, target: 10, current: 4}
        ---
    """,
    "content/objectives/sales/pipeline-2026-q4.md": """
        ---
        title: Fill the pipeline, again
        cycle: 2026-Q4
        owner: bob
        carried_from: sales/pipeline
        key_results:
          - {id: x, title: X, start: 4, target: 10}
        ---
    """,
    "content/kpis/response.md": """
        ---
        title: Response time
        direction: down
        values: {2026-10-01: 30, 2026-11-01: 25}
        ---
    """,
    "content/checkins/2026-11-01.md": """
        ---
        objective: sales/pipeline-2026-q4
        date: 2026-11-01
        values: {x: 5}
        ---
    """,
    "content/checkins/2026-11-10.md": """
        ---
        objective: sales/pipeline-2026-q4
        date: 2026-11-10
        values: {x: 6}
        ---
    """,
}


def build(site: Path, out: Path) -> None:
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--out", str(out)])
    assert result.exit_code == 0, result.output


def test_carried_objectives_link_both_ways(make_site: Make, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(make_site(SITE), out)
    new = (out / "objectives/sales/pipeline-2026-q4/index.html").read_text()
    old = (out / "objectives/sales/pipeline/index.html").read_text()
    assert (
        'Carried from <a href="../../../objectives/sales/pipeline/index.html">'
        "Fill the &lt;pipeline&gt;</a> (2026-Q3)"
    ) in new
    assert (
        'Carried into <a href="../../../objectives/sales/pipeline-2026-q4/index.html">'
        "Fill the pipeline, again</a> (2026-Q4)"
    ) in old


def test_tentative_forecast_and_trend_meaning_are_shown(make_site: Make, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(make_site(SITE), out)
    page = (out / "objectives/sales/pipeline-2026-q4/index.html").read_text()
    # two check-ins nine days apart: a forecast, marked tentative
    assert 'at cycle end <span class="muted">(tentative: fewer than 3 check-ins' in page
    kpi = (out / "kpis/response/index.html").read_text()
    assert "down ↓ (improving)" in kpi  # 30 -> 25 on a lower-is-better KPI


def test_preview_updates_the_other_side_of_a_carry(tmp_path: Path) -> None:
    """Renaming a carried objective re-renders the page it was carried from
    (the preview renders only pages whose inputs changed)."""
    site = tmp_path / "site"
    shutil.copytree(REPO / "content", site / "content")
    shutil.copy(REPO / "okrsite.toml", site / "okrsite.toml")
    carried = site / "content/objectives/sales/q3-pipeline-2026-q4.md"
    carried.write_text(
        "---\ntitle: Pipeline, carried\ncycle: 2026-Q4\nowner: daniel-okafor\nstatus: draft\n"
        "carried_from: sales/q3-pipeline\nkey_results:\n"
        "  - {id: a, title: A, start: 0, target: 10}\n  - {id: b, title: B, start: 0, target: 5}\n"
        "---\n",
        encoding="utf-8",
    )
    as_of = date(2026, 11, 20)
    preview = Preview(site, port=0, as_of=as_of, echo=lambda _m: None)
    try:
        first = preview.rebuild()
        assert first.ok
        carried.write_text(carried.read_text().replace("Pipeline, carried", "Renamed"))
        preview.on_change({carried})
        assert preview.last is not None and preview.last.ok
        assert preview.last.pages < first.pages  # an incremental render
        source = (preview.out / "objectives/sales/q3-pipeline/index.html").read_text()
        assert "Renamed</a> (2026-Q4)" in source
        load = load_site(site, as_of)
        expected = render_site(load.scored, load.config, site)
        assert source.encode() == expected["objectives/sales/q3-pipeline/index.html"]
    finally:
        preview.stop()
