"""The history is the same however much of it is read at once.

A build that reads more than ``REUSE_AFTER`` file changes takes the versions
equal to the current files from the site's own (resolved) records; one that
reads a few new commits parses every version as written. Both must name
people, teams and KPIs alike (okrsite.history_names), or a warm build (or
``okrsite serve``) and a clean one (CI, a fresh clone) publish different
timelines, and an old commit's entries change because later commits came.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli
from gitrepo import Repo

from okrsite import history as history_mod
from okrsite.history import HistoryReader, current_records, read_history
from okrsite.model import Cycle
from okrsite.pipeline import load_site

OBJECTIVE = "---\ntitle: {title}\nowner: {owner}\nkey_results:\n  - title: {kr}\n    start: 0\n    target: {target}\n---\n"


def _site(repo: Repo) -> None:
    """The auditor's site, committed "one" then "two" (a target moved on hiring,
    books handed to the team Finance)."""
    repo.write("okrsite.toml", 'default_cycle = "2026-Q4"\nas_of = "2026-11-20"\n')
    repo.write(
        "content/people/priya.md", "---\nname: Priya Raman\ntitle: Engineering Manager\n---\n"
    )
    repo.write("content/teams/finance.md", "---\ntitle: Finance\n---\n")
    repo.write(
        "content/objectives/hiring.md",
        OBJECTIVE.format(title="Hire", owner="Priya Raman", kr="Hires", target=4),
    )
    repo.write(
        "content/objectives/books.md",
        OBJECTIVE.format(title="Close the books", owner="Uma Diaz", kr="Closed", target=1),
    )
    repo.commit("one", "alice", "2026-10-02T10:00:00+00:00")
    repo.write(
        "content/objectives/hiring.md",
        OBJECTIVE.format(title="Hire", owner="Priya Raman", kr="Hires", target=5),
    )
    repo.write(
        "content/objectives/books.md",
        OBJECTIVE.format(title="Close the books", owner="Finance", kr="Closed", target=1),
    )
    repo.commit("two", "bob", "2026-10-05T10:00:00+00:00")


def _said(changes: list[dict[str, Any]], messages: dict[str, str]) -> list[tuple[Any, ...]]:
    return [(messages[c["commit"]], c["field"], c["old"], c["new"]) for c in changes]


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_a_warm_build_and_a_clean_one_publish_the_same_history(tmp_path: Path) -> None:
    """The auditor's reproduction through the real CLI: a build, 520 objectives
    committed, a warm build (a few changes read: parsed as written) and a
    clean one into a fresh folder and cache (many read: the current files'
    versions taken from the site's records) write the same bytes, and the
    timelines tell what each commit did."""
    site = tmp_path / "site"
    repo = Repo(site)
    _site(repo)
    code, out = run_cli("build", "--site", str(site))
    assert code == 0, out
    for i in range(520):
        repo.write(
            f"content/objectives/bulk/b{i}.md",
            OBJECTIVE.format(title=f"Bulk {i}", owner="Priya Raman", kr="Done", target=1),
        )
    repo.commit("three", "carol", "2026-10-09T10:00:00+00:00")
    code, out = run_cli("build", "--site", str(site))
    assert code == 0, out
    fresh = tmp_path / "fresh"
    code, out = run_cli(
        "build",
        "--site",
        str(site),
        "--out",
        str(fresh),
        "--cache-dir",
        str(tmp_path / "fresh-cache"),
    )
    assert code == 0, out

    warm, clean = _files(site / "_site"), _files(fresh)
    assert warm.keys() == clean.keys()
    differ = [name for name in warm if warm[name] != clean[name]]
    assert differ == []

    data = json.loads(clean["api/history.json"])
    messages = dict(line.split(" ", 1) for line in repo.git("log", "--format=%H %s").splitlines())
    hiring = data["objectives"]["hiring"]
    # commit "two" only moved the target: no owner entry
    assert _said(hiring["changes"], messages) == [("one", "created", None, "Hire")]
    assert _said(hiring["key_results"]["kr1"]["changes"], messages) == [("two", "target", 4, 5)]
    # an owner naming a team makes the team the goal's team, with no owner
    assert _said(data["objectives"]["books"]["changes"], messages) == [
        ("one", "created", None, "Close the books"),
        ("two", "owner", "uma-diaz", None),
        ("two", "team", None, "finance"),
    ]
    assert _said(data["objectives"]["bulk/b0"]["changes"], messages) == [
        ("three", "created", None, "Bulk 0")
    ]
    page = clean["objectives/books/index.html"].decode()
    assert "team — → <bdi>Finance</bdi>" in page
    assert "priya-raman" not in clean["objectives/hiring/index.html"].decode()


def _changes(site: Path, reuse_after: int, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.setattr(history_mod, "REUSE_AFTER", reuse_after)
    load = load_site(site)
    config = load.config
    history = read_history(
        site,
        config,
        load.scored.portfolio.cycles,
        current=current_records(load.scored.portfolio),
        use_cache=False,
    )
    return {**history.objectives, **{f"kpi:{k}": v for k, v in history.kpis.items()}}


def test_versions_taken_from_the_site_read_as_versions_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every version taken from the site's records (REUSE_AFTER 0) or every one
    parsed (REUSE_AFTER never reached): the same changes, a key result
    measured by a KPI without a unit of its own included (the site gives it
    the KPI's)."""
    site = tmp_path / "site"
    repo = Repo(site)
    _site(repo)
    repo.write("content/kpis/nps.md", "---\ntitle: NPS\nunit: points\ntarget: 40\n---\n")
    repo.write(
        "content/objectives/loyal.md",
        "---\ntitle: Loyal\nowner: Priya Raman\nkey_results:\n  - title: NPS up\n"
        "    kpi: nps\n    start: 10\n    target: 30\n---\n",
    )
    repo.commit("kpi", "alice", "2026-10-06T10:00:00+00:00")
    repo.write(
        "content/objectives/loyal.md",
        "---\ntitle: Loyal\nowner: Priya Raman\nkey_results:\n  - title: NPS up\n"
        "    kpi: nps\n    start: 10\n    target: 35\n---\n",
    )
    repo.commit("target", "alice", "2026-10-07T10:00:00+00:00")
    taken = _changes(site, 0, monkeypatch)
    parsed = _changes(site, 10**9, monkeypatch)
    assert taken == parsed
    said = {oid: [(c.key_result, c.field, c.old, c.new) for c in cs] for oid, cs in taken.items()}
    # no unit "moved" to the KPI's, no owner "moved" to the person's id
    assert said["loyal"] == [(None, "created", None, "Loyal"), ("kr1", "target", 30, 35)]
    assert said["hiring"] == [(None, "created", None, "Hire"), ("kr1", "target", 4, 5)]


def test_a_kept_reader_reads_again_when_the_site_names_teams_otherwise(tmp_path: Path) -> None:
    """``okrsite serve`` keeps its reader: the team file deleted (not committed)
    makes ``owner: Finance`` a person's name, and the kept reader then tells
    what a fresh one does, though HEAD did not move."""
    site = tmp_path / "site"
    repo = Repo(site)
    _site(repo)

    def read(reader: HistoryReader) -> list[tuple[str, Any, Any]]:
        load = load_site(site)
        history = reader.read(current_records(load.scored.portfolio))
        return [(c.field, c.old, c.new) for c in history.objectives["books"]]

    cycles: dict[str, Cycle] = load_site(site).scored.portfolio.cycles
    kept = HistoryReader(site, load_site(site).config, cycles, use_cache=False)
    assert read(kept)[1:] == [("owner", "uma-diaz", None), ("team", None, "finance")]
    (site / "content/teams/finance.md").unlink()
    fresh = HistoryReader(site, load_site(site).config, cycles, use_cache=False)
    assert read(fresh)[1:] == [("owner", "uma-diaz", "finance")]
    assert read(kept) == read(fresh)


def test_a_new_team_no_version_names_keeps_the_history_object(tmp_path: Path) -> None:
    """The kept reader reads again when the people or teams change, but a
    history equal to the last one is the last one: ``okrsite serve`` tells by
    identity whether pages with a timeline must render again, so a new team
    file that no version names renders only the pages that show teams."""
    site = tmp_path / "site"
    repo = Repo(site)
    _site(repo)
    load = load_site(site)
    reader = HistoryReader(site, load.config, load.scored.portfolio.cycles, use_cache=False)
    first = reader.read(current_records(load.scored.portfolio))
    (site / "content/teams/field-sales.md").write_text("---\ntitle: Field sales\n---\n")
    again = reader.read(current_records(load_site(site).scored.portfolio))
    assert again is first
    # a team that a version names reads otherwise: a new history
    (site / "content/teams/finance.md").unlink()
    assert reader.read(current_records(load_site(site).scored.portfolio)) is not first
