"""Every number in the site's JSON is written one way: ``api/history.json`` and
``okrsite diff --format json`` write whole numbers without decimals (``18``,
not ``18.0``), as ``api/portfolio.json`` does (docs/site.md, docs/diff.md)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from gitrepo import Repo

from okrsite.cli import cli

OBJECTIVE = """\
---
title: Win new logos
cycle: 2026-Q1
owner: alice
key_results:
  - id: logos
    title: Sign new logos
    start: 0
    target: {logos} logos
    current: 6 logos
---
Why.
"""

KPI = """\
---
title: Net Promoter Score
direction: up
owner: alice
target: {target}
values:
  2025-12-01: 30
---
"""


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Repo, str, str]:
    repo = Repo(tmp_path_factory.mktemp("numbers") / "goals")
    repo.write("okrsite.toml", 'title = "Acme"\nas_of = 2026-03-01\n')
    repo.write("content/people/alice.md", "---\ntitle: Alice Ng\n---\n")
    repo.write("content/objectives/sales/logos.md", OBJECTIVE.format(logos=20))
    repo.write("content/kpis/nps.md", KPI.format(target=50))
    base = repo.commit("Start the goals", "alice", "2025-12-20T10:00:00+00:00")
    repo.write("content/objectives/sales/logos.md", OBJECTIVE.format(logos=18))
    repo.write("content/kpis/nps.md", KPI.format(target=55.5))
    head = repo.commit("Fewer logos, more NPS", "bob", "2026-01-10T10:00:00+00:00")
    return repo, base, head


def _pairs(changes: list[dict[str, Any]], field: str, old: str, new: str) -> list[tuple[Any, Any]]:
    return [(c[old], c[new]) for c in changes if c["field"] == field]


def _exact(value: Any) -> tuple[str, Any]:
    """A number with its type: ``20`` and ``20.0`` are equal in Python, not in JSON text."""
    return (type(value).__name__, value)


def test_history_json_writes_whole_numbers_without_decimals(
    repo: tuple[Repo, str, str], tmp_path: Path
) -> None:
    site, _, _ = repo
    out = tmp_path / "site"
    result = CliRunner().invoke(cli, ["build", "--site", str(site.root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = (out / "api" / "history.json").read_text(encoding="utf-8")
    data = json.loads(text)

    kr = data["objectives"]["sales/logos"]["key_results"]["logos"]["changes"]
    targets = _pairs(kr, "target", "old", "new")
    assert [tuple(map(_exact, p)) for p in targets] == [(("int", 20), ("int", 18))]
    assert '"old":20.0' not in text and '"new":18.0' not in text

    kpi = data["kpis"]["nps"]["changes"]
    assert [tuple(map(_exact, p)) for p in _pairs(kpi, "target", "old", "new")] == [
        (("int", 50), ("float", 55.5))
    ]

    # the same rule as api/portfolio.json, which writes the new target as 18
    portfolio = json.loads((out / "api" / "portfolio.json").read_text(encoding="utf-8"))
    (objective,) = portfolio["objectives"]
    assert _exact(objective["key_results"][0]["target"]) == ("int", 18)


def test_diff_json_writes_whole_numbers_without_decimals(repo: tuple[Repo, str, str]) -> None:
    site, base, head = repo
    old = Path.cwd()
    os.chdir(site.root)
    try:
        result = CliRunner().invoke(
            cli,
            ["diff", base, head, "--format", "json", "--as-of", "2026-03-01", "--fail-on", "none"],
            catch_exceptions=False,
        )
    finally:
        os.chdir(old)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)

    (objective,) = data["objectives"]
    (kr,) = objective["key_results"]
    targets = _pairs(kr["fields"], "target", "before", "after")
    assert [tuple(map(_exact, p)) for p in targets] == [(("int", 20), ("int", 18))]

    (kpi,) = data["kpis"]
    assert [tuple(map(_exact, p)) for p in _pairs(kpi["fields"], "target", "before", "after")] == [
        (("int", 50), ("float", 55.5))
    ]
    assert '"before": 20.0' not in result.stdout and '"after": 18.0' not in result.stdout
