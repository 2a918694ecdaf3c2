"""Session 50: a figure's source names the co-authors of the commit that wrote it.

A commit's ``Co-authored-by:`` trailers named its further authors on the
history timeline ("Alice Ng with Bob Stone") and as ``co_authors`` of its
changes in ``api/history.json``, but where a figure comes from ("committed
by Alice Ng on … in …"), a check-in's entry in ``api/history.json`` and the
feed named the author alone: a pair that checked in together was credited on
the timeline, not on the figure. Real repository, real CLI, English and
German: the co-authors are named on the figure's source in the timeline's
words, by the same mailmap and counted once (a trailer naming the author
again is the author), in the JSON (only where there are any) and in the
feed as contributors.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from gitrepo import Repo

from okrsite.cli import cli

OBJECTIVE = """\
---
title: Grow EMEA
cycle: 2026-Q1
owner: alice
key_results:
  - {id: deals, title: Close deals, start: 0, target: 10}
  - {id: calls, title: Make calls, start: 0, target: 100}
---
"""

CHECKIN = """\
---
objective: emea
date: {date}
author: alice
values:
  {kr}: {value}
---
"""


def site(tmp_path: Path, language: str) -> tuple[Repo, str, str]:
    """A site whose ``deals`` check-in was committed by Alice with Bob (and
    Alice again, in another spelling) and whose ``calls`` check-in by Alice alone."""
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", f'title = "T"\nas_of = "2026-02-20"\nlanguage = "{language}"\n')
    repo.write("content/objectives/emea.md", OBJECTIVE)
    repo.commit("Set the quarter's goals", "alice", "2026-01-02T10:00:00+00:00")
    repo.write(
        "content/checkins/2026-02-01-emea.md",
        CHECKIN.format(date="2026-02-01", kr="deals", value=4),
    )
    paired = repo.commit(
        "Deals after the pairing session\n\n"
        "Co-authored-by: Bob Stone <bob@example.com>\n"
        "Co-authored-by: alice ng <alice@example.com>",
        "alice",
        "2026-02-01T10:00:00+00:00",
    )
    repo.write(
        "content/checkins/2026-02-02-emea.md",
        CHECKIN.format(date="2026-02-02", kr="calls", value=30),
    )
    alone = repo.commit("Calls", "alice", "2026-02-02T10:00:00+00:00")
    return repo, paired, alone


def build(repo: Repo, out: Path) -> dict[str, Any]:
    result = CliRunner().invoke(
        cli, ["build", "--site", str(repo.root), "--out", str(out), "--jobs", "1", "--no-cache"]
    )
    assert result.exit_code == 0, result.output
    return json.loads((out / "api/history.json").read_text(encoding="utf-8"))


def sources(out: Path) -> list[str]:
    html = (out / "objectives/emea/index.html").read_text(encoding="utf-8")
    ul = html[html.index('<ul class="sources">') :]
    return re.findall(r"<li>(.*?)</li>", ul[: ul.index("</ul>")], re.S)


@pytest.mark.parametrize(
    ("language", "committed_by", "with_word"),
    [("en", "committed by", "with"), ("de", "eingetragen von", "mit")],
)
def test_a_figure_checked_in_by_a_pair_names_both(
    tmp_path: Path, language: str, committed_by: str, with_word: str
) -> None:
    repo, paired, alone = site(tmp_path, language)
    out = tmp_path / "out"
    data = build(repo, out)

    deals, calls = sources(out)
    pair = f"<bdi>Alice Ng</bdi> {with_word} <bdi>Bob Stone</bdi>"
    assert pair in deals and paired[:7] in deals
    assert f"{committed_by} {pair}" in deals
    assert deals.count("Alice Ng") == 1  # the trailer naming Alice again is Alice
    assert "<bdi>Alice Ng</bdi>" in calls and f" {with_word} " not in calls

    # api/history.json: the check-in's entry and the figure's source
    entries = {c["commit"]: c for c in data["checkins"]}
    assert entries[paired]["author"] == "Alice Ng"
    assert entries[paired]["co_authors"] == ["Bob Stone"]
    assert "co_authors" not in entries[alone]
    krs = data["objectives"]["emea"]["key_results"]
    assert krs["deals"]["source"]["co_authors"] == ["Bob Stone"]
    assert "co_authors" not in krs["calls"]["source"]

    # the feed: whoever committed a check-in is a contributor of its entry
    feed = (out / "checkins.xml").read_text(encoding="utf-8")
    calls_entry, deals_entry = re.findall(r"<entry>(.*?)</entry>", feed, re.S)  # newest first
    assert "2026-02-01" in deals_entry and "2026-02-02" in calls_entry
    contributors = r"<contributor><name>(.*?)</name></contributor>"
    assert re.findall(contributors, deals_entry) == ["Alice Ng", "Bob Stone"]
    assert re.findall(contributors, calls_entry) == ["Alice Ng"]


def test_a_mailmap_names_a_co_author_on_the_figure_as_on_the_timeline(tmp_path: Path) -> None:
    """The co-author on a figure is the name git's mailmap gives, as on the timeline."""
    repo, paired, _ = site(tmp_path, "en")
    repo.write(".mailmap", "Robert Stone <bob@example.com>\n")
    repo.commit("Mailmap", "alice", "2026-02-03T10:00:00+00:00")
    data = build(repo, tmp_path / "out")
    entries = {c["commit"]: c for c in data["checkins"]}
    assert entries[paired]["co_authors"] == ["Robert Stone"]
    deals, _ = sources(tmp_path / "out")
    assert "<bdi>Alice Ng</bdi> with <bdi>Robert Stone</bdi>" in deals


def test_a_csv_row_committed_by_a_pair_names_both(tmp_path: Path) -> None:
    """A KPI's reading from a CSV row names the co-authors of the commit that wrote the row."""
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", 'title = "T"\nas_of = "2026-11-30"\n')
    repo.write(
        "content/kpis/rev.md",
        "---\ntitle: Revenue\nunit: k€\ntarget: 2000\ndata: data/rev.csv\n---\n",
    )
    repo.write("content/data/rev.csv", "date,value\n2026-10-01,1200\n")
    row = repo.commit(
        "October revenue\n\nCo-authored-by: Carol Diaz <carol@example.com>",
        "bob",
        "2026-10-02T10:00:00+00:00",
    )
    out = tmp_path / "out"
    data = build(repo, out)
    source = data["kpis"]["rev"]["source"]
    assert (source["kind"], source["commit"], source["co_authors"]) == ("csv", row, ["Carol Diaz"])
    html = (out / "kpis/rev/index.html").read_text(encoding="utf-8")
    assert "committed by <bdi>Bob Stone</bdi> with <bdi>Carol Diaz</bdi> on" in html
