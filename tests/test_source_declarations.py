"""A pull request that hides a ``[[sources]]`` command from its review.

A second ``[[sources]]`` table with the name of an existing one, written
before it, made ``okrsite diff`` say "No changes to goals" (it keyed the
sources by name, the last one winning), ``okrsite check`` said nothing, and
the nightly ``okrsite pull`` ran the command. A source ``pull`` refuses was
dropped from the diff and from ``check`` without a word. Now every
declaration is listed in the diff, each refusal is a CFG019 error of
``check`` at its line, and ``pull`` runs no source whose name is declared twice.
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
---
"""
KPI = """
---
title: Net Promoter Score
unit: points
target: 50
---
"""
TOP = 'title = "Acme"\nas_of = 2026-11-20\n'
FILE_SOURCE = '\n[[sources]]\nname = "nps"\nfile = "ok.csv"\n'


def run(repo: Path, *args: str) -> tuple[int, str]:
    """The command's exit code and output (a diff's report alone: its stdout)."""
    old = Path.cwd()
    os.chdir(repo)
    try:
        result = CliRunner().invoke(cli, list(args))
    finally:
        os.chdir(old)
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.stdout if args[0] == "diff" else result.output


def _site(tmp_path: Path) -> tuple[Path, str]:
    repo = init_repo(tmp_path / "repo")
    base = commit(
        repo,
        "nightly nps",
        {
            "okrsite.toml": TOP + FILE_SOURCE,
            "ok.csv": "date,value\n2026-11-19,40\n",
            "content/objectives/sales/pipeline.md": OBJECTIVE,
            "content/kpis/nps.md": KPI,
        },
    )
    return repo, base


def test_a_command_source_named_like_an_existing_one_is_shown_refused_and_not_run(
    tmp_path: Path,
) -> None:
    repo, base = _site(tmp_path)
    marker = tmp_path / "RAN"
    command = f'["sh", "-c", "touch {marker}; printf date,value"]'
    head = commit(
        repo,
        "typo fix",
        {"okrsite.toml": TOP + f'\n[[sources]]\nname = "nps"\ncommand = {command}\n' + FILE_SOURCE},
    )
    code, out = run(repo, "check")
    assert code == 1, out
    assert (
        "okrsite.toml:9: error CFG019: source 'nps' is declared again (first at line 5): "
        "okrsite pull runs none of the sources of this name"
    ) in out
    code, raw = run(repo, "diff", base, head, "--format", "json")
    assert code == 1, raw  # the head has an error: --fail-on errors fails the review
    report = json.loads(raw)
    settings = {s["key"]: s for s in report["settings"]}
    assert set(settings) == {"sources.nps", "sources.nps (2)"}, settings
    assert settings["sources.nps"]["before"]["file"] == "ok.csv"
    assert settings["sources.nps"]["after"]["command"][0:2] == ["sh", "-c"]
    assert settings["sources.nps (2)"]["before"] is None
    assert settings["sources.nps (2)"]["after"]["file"] == "ok.csv"
    _, text = run(repo, "diff", base, head, "--format", "markdown")
    assert "No changes to goals" not in text
    assert '- `sources.nps`: file "ok.csv", timeout 30 → command \\["sh", "-c", "touch ' in text
    code, out = run(repo, "pull")
    assert code == 1, out
    assert "okrsite.toml:9: error PULL001: source 'nps' is declared again" in out
    assert not marker.exists(), "the hidden command ran"


def test_the_command_written_last_does_not_hide_the_first_source(tmp_path: Path) -> None:
    repo, base = _site(tmp_path)
    head = commit(
        repo,
        "a second nps",
        {"okrsite.toml": TOP + FILE_SOURCE + '\n[[sources]]\nname = "nps"\ncommand = ["true"]\n'},
    )
    _, raw = run(repo, "diff", base, head, "--format", "json", "--fail-on", "none")
    (change,) = json.loads(raw)["settings"]
    assert change["key"] == "sources.nps (2)" and change["after"]["command"] == ["true"]


def test_a_source_pull_refuses_is_a_located_error_of_check_and_shown_by_diff(
    tmp_path: Path,
) -> None:
    repo, base = _site(tmp_path)
    head = commit(
        repo,
        "win rate",
        {
            "okrsite.toml": TOP
            + FILE_SOURCE
            + '\n[[sources]]\nname = "win-rate"\nurl = "file:///etc/passwd"\n'
            + '\n[[sources]]\nname = "arr"\nurl = "file:///etc/passwd"\ncommand = ["id"]\n'
        },
    )
    code, out = run(repo, "check")
    assert code == 1, out
    assert (
        "okrsite.toml:9: error CFG019: source 'win-rate': url must start with http:// or https://"
    ) in out
    assert "okrsite.toml:13: error CFG019: source 'arr' needs exactly one of command" in out
    code, out = run(repo, "build")
    assert code == 1 and "CFG019" in out, out
    code, raw = run(repo, "diff", base, head, "--format", "json")
    assert code == 1
    report = json.loads(raw)
    settings = {s["key"]: s["after"] for s in report["settings"]}
    assert settings["sources.win-rate"]["url"] == "file:///etc/passwd"
    assert settings["sources.arr"]["command"] == ["id"]
    assert {d["code"] for d in report["diagnostics"]["head_errors"]} == {"CFG019"}
    code, out = run(repo, "pull")
    assert "okrsite.toml:9: error PULL001: source 'win-rate': url must start with" in out


def test_sources_are_compared_when_another_setting_has_an_error(tmp_path: Path) -> None:
    """``pull`` reads its sources whatever else okrsite.toml says: a command
    added beside a broken setting is listed still."""
    repo, base = _site(tmp_path)
    head = commit(
        repo,
        "crm",
        {
            "okrsite.toml": TOP.replace("as_of", "stale_after_days = -3\nas_of")
            + FILE_SOURCE
            + '\n[[sources]]\nname = "crm"\ncommand = ["sh", "-c", "id"]\n'
        },
    )
    _, raw = run(repo, "diff", base, head, "--format", "json", "--fail-on", "none")
    keys = [s["key"] for s in json.loads(raw)["settings"]]
    assert keys == ["sources.crm"], keys
