"""Session 48: the history validates old versions' key results without the checks that only warn.

The history reads none of a version's warnings (a version with an error is
skipped, one with warnings is read as it is), yet it validated every key
result of every version it read with OKR409's and OKR129's reading of the
title's figures: a tenth of parsing old versions on the history benchmark.
Those checks now run only for a parse whose warnings someone reads
(:mod:`okrsite.key_result_warnings`). Real repository, real CLI: the build
still warns of the current file's OKR409, its timeline is the same, and the
title is read for the warnings once per key result the site itself reads,
not once per version the history reads.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from gitrepo import Repo

from okrsite.cli import cli

OBJECTIVE = "content/objectives/deploys.md"


def deploys(current: int) -> str:
    # the title says from 10 to 40, the figures count from 0 to 50: OKR409
    return (
        "---\ntitle: Ship faster\ncycle: 2026-Q4\nowner: alice\nkey_results:\n"
        f"  - {{id: deploys, title: Deploys from 10 to 40, target: 50, current: {current}}}\n"
        "  - {id: logos, title: Win logos, start: 0, target: 4, current: 1}\n---\n"
    )


def test_the_history_reads_old_versions_without_the_title_warnings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", 'title = "T"\nas_of = "2026-11-20"\n')
    repo.write("content/people/alice.md", "---\ntitle: Alice Wong\n---\n")
    for day, current in enumerate((5, 12, 20, 26, 31), start=1):
        repo.write(OBJECTIVE, deploys(current))
        repo.commit(f"Deploys now {current}", "alice", f"2026-10-{day:02d}T10:00:00+00:00")

    # count the readings of the title's figures for OKR409, wherever the code
    # under test calls them from (one process: --jobs 1)
    calls: list[str] = []
    for name in ("okrsite.key_result_warnings", "okrsite.parse_key_results"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        original = getattr(module, "title_figures_unlike", None)
        if original is None:
            continue

        def counted(*args: Any, _original: Any = original, **kwargs: Any) -> None:
            calls.append(args[2][1] if len(args) > 2 else "?")
            _original(*args, **kwargs)

        monkeypatch.setattr(module, "title_figures_unlike", counted)

    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["build", "--site", str(repo.root), "--out", str(out), "--jobs", "1", "--no-cache"]
    )
    assert result.exit_code == 0, result.output
    # the site's own parse still warns
    assert "OKR409" in result.output
    # the five versions' deploys key result read once each by the history,
    # none of them for the warning; the site's own parse reads both key results
    assert len(calls) == 2, calls
    html = (out / "objectives/deploys/index.html").read_text(encoding="utf-8")
    for before, after in ((5, 12), (12, 20), (20, 26), (26, 31)):
        assert f"{before} → {after}" in html
