"""Each objective's written shares are worked out once per build
(:class:`okrsite.export_shares.SharesOf`) and written the same into every
export: ``api/portfolio.json`` and the cycle files agree with a build that
works them out for each file, and a rescored objective gets its own."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from conftest import copy_example

from okrsite.cycle_export import cycle_export_files
from okrsite.export import objective_record
from okrsite.export_shares import SharesOf, written_shares
from okrsite.pipeline import load_site

AS_OF = date(2026, 11, 15)


def test_shares_are_worked_out_once_per_score_and_written_as_before(tmp_path: Path) -> None:
    site = copy_example(tmp_path)
    scored = load_site(site, AS_OF).scored
    shares_of = SharesOf(scored.settings)
    for oid, score in scored.objectives.items():
        once = shares_of(score)
        assert once == written_shares(score, scored.settings)
        assert shares_of(score) is once  # asked again: the same answer, not worked out again
        assert objective_record(scored, oid, shares_of) == objective_record(scored, oid)
    # the cycle files written with the shares of api/portfolio.json are the
    # files a fresh load (new scores: none of the files kept) writes with its own
    shared = cycle_export_files(scored, None, shares_of)
    assert shared == cycle_export_files(load_site(site, AS_OF).scored)


def test_a_rescored_objective_gets_its_own_shares(tmp_path: Path) -> None:
    scored = load_site(copy_example(tmp_path), AS_OF).scored
    shares_of = SharesOf(scored.settings)
    score = next(s for s in scored.objectives.values() if 0 < s.progress < 1)
    before = shares_of(score)
    rescored = replace(score, progress=score.progress / 2)
    assert shares_of(rescored) == written_shares(rescored, scored.settings)
    assert shares_of(rescored).progress != before.progress
    assert shares_of(score) is before
