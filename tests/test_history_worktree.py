"""Figures edited in the working tree and not committed yet, as while a team
member writes a check-in and previews it: the page must not name the commit
that wrote the old value.

Each test builds a real git repository, edits files without committing (or
only stages them) and holds ``api/history.json`` and the pages to what a
person would expect: "changed since its last commit, not committed yet" for
an edited figure, "not committed yet" for a new one, the commit for a
figure whose file changed elsewhere. A build that reuses the caches of the
build before the edit must write the same files as a cold build.
"""

from __future__ import annotations

import filecmp
import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from gitrepo import Repo

from okrsite.cli import cli

EDITED = "changed since its last commit, not committed yet"

OBJECTIVE = """\
---
title: Grow EMEA
cycle: 2026-Q1
owner: Uma Diaz
key_results:
  - id: revenue
    title: Revenue of 200k EUR
    start: 100
    target: 200
    unit: k EUR
  - id: deals
    title: Close 40 deals
    start: 0
    target: 40
{current}---
"""

CHECKIN = "---\nobjective: emea\ndate: {date}\nvalues:\n  revenue: {value}\n---\n{note}\n"
KPI = "---\ntitle: NPS\nvalues:\n  2026-01-01: 30\n  2026-02-01: {feb}\n{more}---\n"
CSV_KPI = "---\ntitle: Ticket age\nunit: h\ndirection: down\ndata: data/age.csv\n---\n"


def day(d: str) -> str:
    return f"{d}T10:00:00+00:00"


def build(site: Path, out: Path, *extra: str) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--out", str(out), *extra])
    assert result.exit_code == 0, result.output
    return json.loads((out / "api/history.json").read_text())


def objective(current: str = "") -> str:
    return OBJECTIVE.format(current=f"    current: {current}\n" if current else "")


def site(tmp_path: Path) -> tuple[Repo, str]:
    repo = Repo(tmp_path / "goals")
    repo.write("okrsite.toml", "as_of = 2026-03-01\n")
    repo.write("content/objectives/emea.md", objective("12"))
    repo.write(
        "content/checkins/emea/2026-02-02.md",
        CHECKIN.format(date="2026-02-02", value=140, note="Two big deals."),
    )
    repo.write("content/kpis/nps.md", KPI.format(feb=34, more=""))
    repo.write("content/kpis/age.md", CSV_KPI)
    repo.write("content/data/age.csv", "date,value\n2026-01-01,30\n2026-02-01,24\n")
    return repo, repo.commit("Q1 goals and a check-in", "bob", day("2026-02-02"))


def sources(data: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    krs = data["objectives"]["emea"]["key_results"]
    found = {
        "revenue": krs["revenue"]["source"],
        "deals": krs["deals"]["source"],
        "nps": data["kpis"]["nps"]["source"],
        "age": data["kpis"]["age"]["source"],
    }
    return {name: (s["commit"], s["edited"]) for name, s in found.items()}


def same_files(one: Path, other: Path) -> None:
    """Every file of two builds byte for byte (the cache folder aside)."""
    names = sorted(
        str(p.relative_to(one)) for p in one.rglob("*") if p.is_file() and ".okrsite" not in p.parts
    )
    others = sorted(
        str(p.relative_to(other))
        for p in other.rglob("*")
        if p.is_file() and ".okrsite" not in p.parts
    )
    assert names == others
    _match, mismatch, errors = filecmp.cmpfiles(one, other, names, shallow=False)
    assert (mismatch, errors) == ([], [])


def test_every_figure_edited_since_its_commit_says_so(tmp_path: Path) -> None:
    repo, wrote = site(tmp_path)
    out = tmp_path / "out"
    assert set(sources(build(repo.root, out)).values()) == {(wrote, False)}

    # the same values written again differently, and a note changed: still committed
    repo.write(
        "content/checkins/emea/2026-02-02.md",
        CHECKIN.format(date="2026-02-02", value="140.0", note="Two big deals, signed."),
    )
    repo.write("content/data/age.csv", "date,value\n2026-01-01,30\n2026-02-01,24.0\n")
    repo.write("content/kpis/nps.md", KPI.format(feb=34, more="# surveyed monthly\n"))
    assert set(sources(build(repo.root, out)).values()) == {(wrote, False)}

    # every figure edited, nothing committed
    repo.write(
        "content/checkins/emea/2026-02-02.md",
        CHECKIN.format(date="2026-02-02", value=150, note="Two big deals."),
    )
    repo.write("content/objectives/emea.md", objective("14"))
    repo.write("content/kpis/nps.md", KPI.format(feb=36, more=""))
    repo.write("content/data/age.csv", "date,value\n2026-01-01,30\n2026-02-01,22\n")
    data = build(repo.root, out)
    assert sources(data) == {
        "revenue": (None, True),
        "deals": (None, True),
        "nps": (None, True),
        "age": (None, True),
    }
    [entry] = data["checkins"]
    assert (entry["commit"], entry["author"], entry["edited"]) == (None, None, True)
    page = (out / "objectives/emea/index.html").read_text()
    assert page.count(EDITED) == 2
    assert "committed by" not in page
    assert EDITED in (out / "kpis/nps/index.html").read_text()
    assert EDITED in (out / "kpis/age/index.html").read_text()
    cold = tmp_path / "cold"
    build(repo.root, cold, "--no-cache")
    same_files(out, cold)

    # staged is not committed
    repo.git("add", "-A")
    assert set(sources(build(repo.root, out)).values()) == {(None, True)}

    # committed: the new commit wrote them
    fixed = repo.commit("Put the figures right", "carol", day("2026-02-10"))
    data = build(repo.root, out)
    assert set(sources(data).values()) == {(fixed, False)}
    assert data["checkins"][0]["author"] == "Carol Diaz"
    assert EDITED not in (out / "objectives/emea/index.html").read_text()


def test_new_figures_are_not_committed_yet_and_old_ones_keep_their_commit(tmp_path: Path) -> None:
    repo, wrote = site(tmp_path)
    # a new check-in, a new KPI reading, a new CSV row: none was ever committed
    repo.write(
        "content/checkins/emea/2026-02-20.md",
        CHECKIN.format(date="2026-02-20", value=160, note="One more."),
    )
    repo.write("content/kpis/nps.md", KPI.format(feb=34, more="  2026-02-25: 38\n"))
    repo.write("content/data/age.csv", "date,value\n2026-01-01,30\n2026-02-01,24\n2026-02-25,20\n")
    data = build(repo.root, tmp_path / "out")
    assert sources(data) == {
        "revenue": (None, False),
        "deals": (wrote, False),  # its current: is as committed
        "nps": (None, False),
        "age": (None, False),
    }
    by_date = {c["date"]: (c["commit"], c["edited"]) for c in data["checkins"]}
    assert by_date == {"2026-02-02": (wrote, False), "2026-02-20": (None, False)}
    page = (tmp_path / "out/objectives/emea/index.html").read_text()
    assert "not committed yet" in page and EDITED not in page


def test_a_current_value_added_since_the_last_commit_is_not_credited_to_it(
    tmp_path: Path,
) -> None:
    repo = Repo(tmp_path / "goals")
    repo.write("okrsite.toml", "as_of = 2026-03-01\n")
    repo.write("content/objectives/emea.md", objective())
    wrote = repo.commit("Q1 goals", "bob", day("2026-01-05"))
    repo.write("content/objectives/emea.md", objective("9"))
    data = build(repo.root, tmp_path / "out")
    source = data["objectives"]["emea"]["key_results"]["deals"]["source"]
    assert (source["kind"], source["commit"], source["edited"]) == ("current", None, True)
    repo.commit("Deals so far", "carol", day("2026-01-20"))
    data = build(repo.root, tmp_path / "out")
    source = data["objectives"]["emea"]["key_results"]["deals"]["source"]
    assert (source["author"], source["edited"]) == ("Carol Diaz", False)
    assert wrote != source["commit"]


def test_the_german_site_says_it_too(tmp_path: Path) -> None:
    repo, _wrote = site(tmp_path)
    repo.write("okrsite.toml", 'as_of = 2026-03-01\nlanguage = "de"\n')
    repo.commit("Auf Deutsch", "bob", day("2026-02-03"))
    repo.write(
        "content/checkins/emea/2026-02-02.md",
        CHECKIN.format(date="2026-02-02", value=150, note="Two big deals."),
    )
    build(repo.root, tmp_path / "out")
    page = (tmp_path / "out/objectives/emea/index.html").read_text()
    assert "seit dem letzten Commit geändert, noch nicht eingetragen" in page


def test_serve_says_so_while_the_check_in_is_written_and_names_the_commit_after(
    tmp_path: Path,
) -> None:
    from okrsite.preview import Preview

    repo, wrote = site(tmp_path)
    p = Preview(repo.root, port=0, echo=lambda m: None)
    try:
        p.start()
        page = p.out / "objectives/emea/index.html"
        assert wrote[:7] in page.read_text() and EDITED not in page.read_text()
        first = p.history
        repo.write(
            "content/checkins/emea/2026-02-02.md",
            CHECKIN.format(date="2026-02-02", value=150, note="Two big deals."),
        )
        p.rebuild()
        assert p.history is first  # HEAD did not move: nothing read from git again
        assert EDITED in page.read_text()
        [entry] = json.loads((p.out / "api/history.json").read_text())["checkins"]
        assert (entry["commit"], entry["edited"]) == (None, True)
        fixed = repo.commit("Revenue put right", "carol", day("2026-02-10"))
        p.rebuild()
        assert EDITED not in page.read_text() and fixed[:7] in page.read_text()
    finally:
        p.stop()
