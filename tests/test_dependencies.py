"""Pages record what they read; one comparison says what changed.

The byte-equality of incremental and full renders is tested in
test_incremental.py; these tests pin down the mechanism itself on the
example site: what a page records, and which pages a change selects.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import REPO, copy_example

from okrsite import checkin_index
from okrsite.dependencies import EVERY, PRESENT, Recorder, changed_keys, objectives_to_rescore
from okrsite.pipeline import load_site
from okrsite.render import SiteRenderer
from okrsite.render_plan import pages_to_render
from okrsite.scorecard import scorecard

AS_OF = date(2026, 11, 20)
LEAF = "sales/lukas-dach-pipeline"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "site")


def rendered(site: Path) -> SiteRenderer:
    load = load_site(site, AS_OF)
    assert load.ok, load.diagnostics
    renderer = SiteRenderer(load.scored, load.config, site)
    renderer.render_pages(renderer.page_keys())
    return renderer


def test_recorded_dict_records_reads_only_while_recording() -> None:
    recorder = Recorder()
    data = recorder.dict("portfolio.people", {"ann": 1, "bo": 2})
    assert data["ann"] == 1 and recorder.deps is None  # nothing recorded outside a page
    value, deps = recorder.capture(lambda: (data["ann"], data.get("cy"), "bo" in data))
    assert value == (1, None, True)
    # "in" records only whether the key is there
    assert deps == {
        ("portfolio.people", "ann"),
        ("portfolio.people", "cy"),
        ("portfolio.people" + PRESENT, "bo"),
    }
    _, deps = recorder.capture(lambda: sorted(data))
    assert deps == {("portfolio.people", EVERY)}
    # a nested capture adds to the enclosing one; a replay does too
    _, outer = recorder.capture(lambda: recorder.capture(lambda: data["bo"]))
    assert outer == {("portfolio.people", "bo")}
    _, replayed = recorder.capture(lambda: recorder.replay([("x", "y")]))
    assert replayed == {("x", "y")}


def test_an_objective_page_records_its_owner_team_parents_and_check_ins(site: Path) -> None:
    renderer = rendered(site)
    deps = renderer.page_deps[("objective", LEAF)]
    record = renderer.scored.portfolio.objectives[LEAF]
    assert ("portfolio.objectives", LEAF) in deps
    assert ("scored.objectives", LEAF) in deps
    assert ("portfolio.person_names", record.owner) in deps
    assert ("portfolio.team_names", record.team) in deps
    assert ("index.checkins_by_objective", LEAF) in deps
    # the breadcrumb reads the title and parent of every objective above it
    parent = record.parent_objective
    assert parent and ("index.objective_heads", parent) in deps
    # and an unrelated objective's page does not read this one
    other = renderer.page_deps[("objective", "product/platform-cost")]
    assert ("portfolio.objectives", LEAF) not in other


def test_a_body_edit_selects_few_pages_and_a_rename_selects_the_owners_pages(
    site: Path,
) -> None:
    before = rendered(site)
    path = site / f"content/objectives/{LEAF}.md"
    path.write_text(path.read_text().replace("Personal objective.", "My objective."))
    after = rendered(site)
    changed = changed_keys(before.recorder.collections, after.recorder.collections)
    assert changed == {("portfolio.objectives", LEAF), ("portfolio.objectives", EVERY)}
    pages = pages_to_render(after, before.page_deps, changed)
    assert ("objective", LEAF) in pages
    assert ("objective", "product/platform-cost") not in pages
    assert len(pages) < len(after.page_keys()) / 3

    person = site / "content/people/lukas-brandt.md"
    person.write_text(person.read_text().replace("title: ", "title: Dr. "))
    renamed = rendered(site)
    changed = changed_keys(after.recorder.collections, renamed.recorder.collections)
    pages = pages_to_render(renamed, after.page_deps, changed)
    assert ("person", "lukas-brandt") in pages
    assert ("objective", LEAF) in pages  # shows its owner's name
    assert ("kpi", "nps") not in pages


def test_rescoring_follows_the_one_comparison(site: Path) -> None:
    before = load_site(site, AS_OF).scored.portfolio
    path = site / "content/checkins/2026-11-17-sales-lukas-dach-pipeline.md"
    path.write_text(path.read_text().replace("dach-opps: 17", "dach-opps: 19"))
    after = load_site(site, AS_OF).scored.portfolio
    assert objectives_to_rescore(before, after) == {
        LEAF,
        "sales/emea-new-logos",
        "sales/q4-bookings",
        "company/grow-arr",
    }
    assert objectives_to_rescore(after, after) == set()


@pytest.mark.parametrize("corpus", ["example", "generated"])
def test_a_scorecard_reads_only_the_collections_it_declares(
    site: Path, tmp_path: Path, corpus: str
) -> None:
    """A cycle's scorecard is worked out on the unrecorded portfolio and a
    page that shows it depends on ``SCORECARD_READS`` as whole collections:
    worked out on the recorded portfolio, it must read nothing else, and
    give the same scorecard."""
    if corpus == "generated":  # KPIs read from CSV files, teams with sub-teams, two cycles
        site = tmp_path / "generated"
        generator = [sys.executable, str(REPO / "benchmarks/generate.py"), str(site)]
        subprocess.run([*generator, "--objectives", "400"], check=True, capture_output=True)
    load = load_site(site, AS_OF)
    assert load.ok, load.diagnostics
    renderer = SiteRenderer(load.scored, load.config, site)
    cycles = sorted({o.cycle for o in load.scored.portfolio.objectives.values()})
    assert len(cycles) >= 2
    for cycle in cycles:
        checkin_index._recent.clear()  # no check-in grouping kept: every read is seen
        recorded, deps = renderer.recorder.capture(lambda c=cycle: scorecard(renderer.scored, c))
        read = {name.removesuffix(PRESENT) for name, _ in deps}
        assert "portfolio.checkins" in read and "scored.objectives" in read
        assert read <= set(SiteRenderer.SCORECARD_READS), read - set(SiteRenderer.SCORECARD_READS)
        card, declared = renderer.recorder.capture(lambda c=cycle: renderer.scorecard(c))
        assert card == recorded
        assert declared == {(name, EVERY) for name in SiteRenderer.SCORECARD_READS}
