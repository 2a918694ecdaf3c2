"""A check after an edit, answered from the last check's findings, says what a cold check says.

Each kind of edit a pull request makes is applied to a copy of the example
site whose cache a check has filled; then the cached check (text, JSON and
GitHub formats, and the exit code) must equal a check without the cache.
For the edits that change nothing the cross-file rules read (a target, a
value, a title, a comment, a new unknown key), the tests also hold that the
answer came from the stored findings and one shard of parses, not from
reading every parse; for the others (an owner, a parent, a renamed, added
or removed file, a file broken and fixed), that the load ran in full.

A check without the cache is a function of the site's files and the date
alone, so each is run once a test session for the same inputs and kept
(tests/reference_builds.py, test_load_cache.py's ``cold_checks``): the
unedited site's, and each edit's that several tests make (a key result's
target: the shards', the damaged shards' and the broken-then-fixed file's),
are compared with one run instead of one run per test.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import reference_builds
from conftest import REPO
from test_load_cache import AS_OF, checks, cold_checks, run, written  # the check and save helpers

from okrsite.edit_check import cross_facts
from okrsite.parse import parse_file
from okrsite.parse_store import stored_parse_cache
from okrsite.pipeline import FileTree, load_site

OLD = 1_700_000_000_000_000_000  # long past: stat signatures are trusted


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "okrsite.toml", root / "okrsite.toml")
    for path in root.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(OLD, OLD))
    return root


@pytest.fixture(autouse=True)
def _reference_builds(cache_tests_reference_folder: Path) -> None:
    reference_builds.FOLDER = cache_tests_reference_folder


def replace_in(site: Path, rel: str, old: str, new: str) -> None:
    path = site / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    written(path, text.replace(old, new, 1))


EMEA = "content/objectives/sales/emea-new-logos.md"
COST = "content/objectives/product/platform-cost.md"  # has a stale warning (OKR404)
COST_CHECKIN = "content/checkins/2026-10-30-product-platform-cost.md"
DACH_CHECKIN = "content/checkins/2026-10-15-sales-lukas-dach-pipeline.md"


def target(site: Path) -> None:
    replace_in(site, COST, "target: 300", "target: 280")


def kr_current_value(site: Path) -> None:
    replace_in(site, COST, "current: 3.2", "current: 4.1")


def checkin_value(site: Path) -> None:
    replace_in(site, COST_CHECKIN, "cost-per-tenant: 352", "cost-per-tenant: 349.5")


def milestone_done(site: Path) -> None:
    replace_in(
        site, COST, "Dashboards read from ClickHouse, done: false", "Dashboards read, done: true"
    )


def title_and_body(site: Path) -> None:
    replace_in(site, COST, "title: Cut infrastructure", "title: Really cut infrastructure")
    replace_in(site, COST, "Gross margin is 71%", "Gross margin is 72%\n\nand more text")


def comment_moves_warning(site: Path) -> None:
    """The stale warning of this objective must move down with its title."""
    replace_in(site, COST, "---\ntitle:", "---\n# cost is per tenant and month\n\ntitle:")


def new_warning(site: Path) -> None:
    replace_in(site, COST, "title:", "colour: teal\ntitle:")


def two_files(site: Path) -> None:
    target(site)
    checkin_value(site)


def owner(site: Path) -> None:
    replace_in(site, COST, "owner: elena-petrova", "owner: Elena Petrowa")


def owner_removed(site: Path) -> None:
    replace_in(site, EMEA, "\nowner:", "\nx-owner:")


def parent(site: Path) -> None:
    replace_in(site, COST, "parent: product/platform-foundations#unit-cost", "parent: product/nope")


def renamed_id(site: Path) -> None:
    path = site / COST
    path.rename(path.with_name("platform-cost-2026.md"))


def removed_file(site: Path) -> None:
    (site / COST_CHECKIN).unlink()


def added_file(site: Path) -> None:
    written(
        site / "content" / "checkins" / "2026-11-19-product-platform-cost.md",
        "---\nobjective: product/platform-cost\ndate: 2026-11-19\n"
        "values: {cost-per-tenant: 340}\n---\nOn track.\n",
    )


def invalid(site: Path) -> None:
    replace_in(site, COST, "cycle: 2026-Q4", "cycle: [2026-Q4")


def boolean_value_wrong(site: Path) -> None:
    replace_in(site, DACH_CHECKIN, "demos: 9}", "demos: 9, roundtable: 3}")


def checkin_objective(site: Path) -> None:
    replace_in(site, COST_CHECKIN, "objective: product/platform-cost", "objective: product/cost")


def goal_body_removed(site: Path) -> None:
    """The SMART rule reads a goal's body: without one it is not Specific."""
    path = site / "content" / "goals" / "kb-deflection.md"
    text = path.read_text(encoding="utf-8")
    written(path, text[: text.index("---\n", 4) + 4])


def kpi_reading_redated(site: Path) -> None:
    """A KPI's latest reading moved back: stale as of the check (OKR408)."""
    replace_in(site, "content/kpis/arr.md", "2026-11-01: 20.6", "2026-08-15: 20.6")


#: edit, whether the check after it is answered from the stored findings
EDITS: dict[str, tuple[Callable[[Path], None], bool]] = {
    "key result target": (target, True),
    "key result current value": (kr_current_value, True),
    "check-in value": (checkin_value, True),
    "milestone ticked": (milestone_done, True),
    "title and body": (title_and_body, True),
    "comment above a warning": (comment_moves_warning, True),
    "a new warning": (new_warning, True),
    "two files": (two_files, True),
    "owner": (owner, False),
    "owner removed": (owner_removed, False),
    "parent": (parent, False),
    "renamed id": (renamed_id, False),
    "removed file": (removed_file, False),
    "added file": (added_file, False),
    "made invalid": (invalid, False),
    "check-in value a boolean key result refuses": (boolean_value_wrong, False),
    "check-in names another objective": (checkin_objective, False),
    "goal body removed": (goal_body_removed, False),
    "KPI reading redated": (kpi_reading_redated, False),
}


def answered_from_findings(site: Path) -> bool:
    """Whether a load now would skip reading every parse (and scoring)."""
    stored = stored_parse_cache(site)
    assert stored is not None
    load_site(site, date.fromisoformat(AS_OF), cache=stored.cache)
    return stored.cache.fill is not None


@pytest.mark.parametrize("edit,fast", EDITS.values(), ids=list(EDITS))
def test_check_after_an_edit_equals_a_cold_check(
    site: Path, edit: Callable[[Path], None], fast: bool
) -> None:
    before = cold_checks(site)
    assert checks(site) == before  # fills the cache
    edit(site)
    cold = cold_checks(site)
    assert answered_from_findings(site) is fast
    assert checks(site) == cold
    assert checks(site) == cold  # and from what the edited run stored
    if not fast or edit in (comment_moves_warning, new_warning):
        assert cold != before, "the edit changed no finding: the test proves less"


def test_a_moved_warning_gets_its_new_line(site: Path) -> None:
    checks(site)
    comment_moves_warning(site)
    code, text = run("check", "--site", str(site), "--as-of", AS_OF)
    assert f"{COST}:4:8: warning OKR404" in text, text
    assert (code, text) == run("check", "--site", str(site), "--as-of", AS_OF, "--no-cache")


def test_invalid_then_fixed_then_edited_again(site: Path) -> None:
    """Break a file, fix it, then make a local edit: each step says what a cold check says."""
    checks(site)
    original = (site / COST).read_text(encoding="utf-8")
    invalid(site)
    assert checks(site) == cold_checks(site)
    assert checks(site)[0][0] == 1
    written(site / COST, original)
    assert checks(site) == cold_checks(site)
    target(site)
    assert answered_from_findings(site)
    assert checks(site) == cold_checks(site)


def test_a_boolean_value_changed_while_wrong_is_rechecked(site: Path) -> None:
    """The finding quotes the value, so a changed wrong value is a full check."""
    checks(site)
    boolean_value_wrong(site)
    checks(site)
    replace_in(site, DACH_CHECKIN, "roundtable: 3}", "roundtable: 4}")
    cold = cold_checks(site)
    assert "got 4" in cold[0][1]
    assert not answered_from_findings(site)
    assert checks(site) == cold


def test_edits_one_after_another_on_one_cache(site: Path) -> None:
    checks(site)
    for name, (edit, _) in EDITS.items():
        if edit in (two_files, renamed_id, checkin_objective):  # they edit what is gone
            continue
        edit(site)
        assert checks(site) == cold_checks(site), name


def test_the_edit_reads_one_shard_and_no_large_file(site: Path) -> None:
    checks(site)
    folder = site / ".okrsite-cache"
    (big,) = folder.glob("parse-*.pickle")
    big.write_bytes(b"")
    shards = sorted(folder.glob("shard-*.pickle"))
    assert len(shards) > 1
    target(site)
    stored = stored_parse_cache(site)
    assert stored is not None
    result = load_site(site, date.fromisoformat(AS_OF), cache=stored.cache)
    assert stored.cache.fill is not None and result.parsed_again == 1
    assert checks(site) == cold_checks(site)


def test_a_damaged_shard_means_a_full_load(site: Path) -> None:
    checks(site)
    for shard in (site / ".okrsite-cache").glob("shard-*.pickle"):
        shard.write_bytes(shard.read_bytes()[:50])
    target(site)
    assert not answered_from_findings(site)
    assert checks(site) == cold_checks(site)
    assert checks(site) == cold_checks(site)


def test_a_unit_changed_under_a_check_in_written_with_units_is_rechecked(site: Path) -> None:
    """A check-in's "66 days" is checked against the key result's unit (OKR312)."""
    replace_in(
        site,
        "content/checkins/2026-11-19-sales-q4-bookings.md",
        "sales-cycle: 66}",
        "sales-cycle: 66 days}",
    )
    before = checks(site)  # fills the cache
    replace_in(
        site, "content/objectives/sales/q4-bookings.md", "    unit: days\n", "    unit: hours\n"
    )
    cold = cold_checks(site)
    assert cold != before and "OKR312" in str(cold)
    assert checks(site) == cold


def test_cross_facts_ignore_only_what_no_rule_reads() -> None:
    """The blanked fields: a change there keeps the facts, a change elsewhere does not."""
    text = (REPO / COST).read_text(encoding="utf-8")

    def facts(new: str) -> object:
        return cross_facts(
            parse_file(COST, new.encode(), content_dir="content", default_cycle="2026-Q4")
        )

    same = facts(text)
    assert facts(text.replace("target: 300", "target: 1")) == same
    assert facts(text.replace("weight: 2", "weight: 3")) == same
    for changed in (
        text.replace("owner: elena-petrova", "owner: someone"),
        text.replace("cycle: 2026-Q4", "cycle: 2026-Q3"),
        text.replace("- id: clickhouse", "- id: click"),
        text.replace("tags: [efficiency, infrastructure]", "tags: [efficiency]"),
        text.replace("  - id: ingest-lag", "  - id: ingest-lag\n    status: dropped"),
        text.replace("    unit: minutes", "    unit: hours", 1),
    ):
        assert facts(changed) != same


def test_a_build_after_an_answered_check_equals_a_cold_build(site: Path, tmp_path: Path) -> None:
    """The short way stores no scores for the new inputs: the build must score them itself."""

    def build(out: Path, *extra: str) -> tuple[int, dict[str, bytes]]:
        code, _ = run("build", "--site", str(site), "--as-of", AS_OF, "--out", str(out), *extra)
        return code, {
            p.relative_to(out).as_posix(): p.read_bytes()
            for p in sorted(out.rglob("*"))
            if p.is_file()
        }

    build(tmp_path / "warm")
    target(site)
    assert answered_from_findings(site)
    checks(site)
    warm = build(tmp_path / "warm")
    assert warm == build(tmp_path / "cold", "--no-cache")
    assert b"280" in warm[1]["objectives/product/platform-cost/index.html"]


@pytest.mark.parametrize("edit", [e for e, _ in EDITS.values()], ids=list(EDITS))
def test_the_previews_load_after_an_edit_equals_a_cold_load(
    site: Path, edit: Callable[[Path], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The preview keeps its parses and scores in memory; after a save that
    changes nothing the cross-file rules read, it swaps the edited objectives
    into the last portfolio instead of resolving every record again. Each
    edit's load must equal a cold one, and the swap must be taken where it can
    be (objectives only) and not where it cannot (a check-in value feeds a
    KPI series; anything the cross-file rules read)."""
    from okrsite import pipeline
    from okrsite.load_cache import ParseCache
    from okrsite.scoring import ScoreMemo

    day = date.fromisoformat(AS_OF)
    cache, memo = ParseCache(), ScoreMemo()
    load_site(site, day, cache=cache, jobs=1, scores=memo)
    edit(site)
    resolved: list[int] = []
    real_resolve = pipeline.resolve

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        resolved.append(1)
        return real_resolve(*args, **kwargs)

    monkeypatch.setattr(pipeline, "resolve", counted)
    cache.changed(None)
    warm = load_site(site, day, cache=cache, jobs=1, scores=memo)
    monkeypatch.setattr(pipeline, "resolve", real_resolve)
    cold = load_site(site, day, jobs=1)
    assert warm.diagnostics == cold.diagnostics
    assert warm.scored == cold.scored
    assert (warm.counts, warm.files_read) == (cold.counts, cold.files_read)
    if edit in (target, kr_current_value, milestone_done, title_and_body):
        assert not resolved, "an objective's own edit resolved the whole site again"
    if not EDITS[next(k for k, v in EDITS.items() if v[0] is edit)][1] or edit is checkin_value:
        assert resolved
    # and the next save builds on the swapped portfolio
    edit_again = next(p for p in (site / COST, site / EMEA) if p.exists())
    written(edit_again, edit_again.read_text(encoding="utf-8").replace("title:", "title: X", 1))
    cache.changed(None)
    assert (
        load_site(site, day, cache=cache, jobs=1, scores=memo).scored
        == load_site(site, day, jobs=1).scored
    )


def test_the_portfolio_of_an_answered_load_is_the_one_its_findings_are_of(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build after one edit asks the answered load for its portfolio: it is
    loaded from the files as that load's scan found them, without listing
    the content folder again, and a file saved in between is the next
    load's to see (the counts and findings printed are of that portfolio)."""
    checks(site)
    target(site)
    listings: list[str] = []
    real = FileTree.walk

    def counted(tree: FileTree, content_dir: str, *signatures: Any) -> Iterator[str]:
        listings.append(content_dir)
        return real(tree, content_dir, *signatures)

    monkeypatch.setattr(FileTree, "walk", counted)
    stored = stored_parse_cache(site)
    assert stored is not None
    result = load_site(site, date.fromisoformat(AS_OF), cache=stored.cache)
    assert stored.cache.fill is not None  # answered from the findings: no portfolio yet
    replace_in(site, COST, "target: 280", "target: 260")  # saved before the portfolio is read
    objective = result.scored.portfolio.objectives["product/platform-cost"]
    assert [kr.target for kr in objective.key_results if kr.target in (260, 280)] == [280]
    assert len(listings) == 1
    after = load_site(site, date.fromisoformat(AS_OF), cache=stored.cache)
    objective = after.scored.portfolio.objectives["product/platform-cost"]
    assert [kr.target for kr in objective.key_results if kr.target in (260, 280)] == [260]


def test_a_milestone_renamed_under_a_refused_check_in_value_is_rechecked(site: Path) -> None:
    """A check-in gives a checklist a number (OKR307), whose hint names the
    milestones not done yet; renaming one in the objective (a title, which
    the facts leave out) must change the hint as a cold check does."""
    checks(site)
    replace_in(
        site, COST_CHECKIN, "{cost-per-tenant: 352}", "{cost-per-tenant: 352, clickhouse: 3}"
    )
    checks(site)
    replace_in(
        site, COST, "Dashboards read from ClickHouse, done: false", "Dashboards live, done: false"
    )
    cold = cold_checks(site)
    assert "'Dashboards live'" in cold[0][1]
    assert not answered_from_findings(site)
    assert checks(site) == cold
