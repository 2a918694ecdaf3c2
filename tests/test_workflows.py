"""The ready-made CI files in docs/ci: valid YAML, the expected jobs, and real okrsite commands.

A workflow that names an option okrsite does not have only fails in the
user's CI, weeks later; so every ``okrsite …`` line is parsed here with the
real click command line, and the pull-request diff line is run for real in a
clone where ``origin/main`` exists, as in GitHub Actions.
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path
from typing import Any

import click
import pytest
import yaml
from click.testing import CliRunner
from test_diff_fixtures import AS_OF, git, realistic_repo

from okrsite.cli import cli
from okrsite.diff_report import MARKER

CI = Path(__file__).resolve().parent.parent / "docs" / "ci"
FILES = ["github-pr.yml", "github-pages.yml", "gitlab-ci.yml"]

# what the CI systems substitute before the shell sees a line
SUBSTITUTIONS = {
    "${{ github.base_ref }}": "main",
    '"$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"': "main",
    "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main",
}


def load(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((CI / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    # YAML 1.1 reads the key "on" as the boolean true
    on = workflow.get("on", workflow.get(True))
    assert isinstance(on, dict)
    return on


def shell_lines(name: str) -> list[str]:
    """Every shell line of a file: GitHub ``run:`` blocks and GitLab scripts."""
    data = load(name)
    lines: list[str] = []
    if name.startswith("github"):
        for job in data["jobs"].values():
            for step in job.get("steps", []):
                if "run" in step:
                    lines += str(step["run"]).splitlines()
    else:
        for key, job in data.items():
            if isinstance(job, dict) and key not in ("default", "variables"):
                for part in ("before_script", "script"):
                    for entry in job.get(part, []):
                        lines += str(entry).splitlines()
    return lines


def okrsite_commands(name: str) -> list[list[str]]:
    """The argument lists of every ``okrsite …`` command, with CI expressions filled in."""
    out = []
    for line in shell_lines(name):
        line = line.strip()
        if not line.startswith("okrsite "):
            continue
        for expr, value in SUBSTITUTIONS.items():
            line = line.replace(expr, value)
        line = line.split("||")[0].strip()
        assert "${{" not in line and "$" not in line, f"unsubstituted expression in {line!r}"
        out.append(shlex.split(line)[1:])
    return out


def parse(args: list[str]) -> click.Context:
    """Parse with the real command objects (no command runs): unknown options fail here."""
    name, rest = args[0], args[1:]
    command = cli.get_command(click.Context(cli), name)
    assert command is not None, f"okrsite has no command {name!r}"
    return command.make_context(name, rest)


@pytest.mark.parametrize("name", FILES)
def test_yaml_loads(name: str) -> None:
    assert load(name)


@pytest.mark.parametrize("name", FILES)
def test_every_okrsite_command_parses(name: str) -> None:
    commands = okrsite_commands(name)
    assert commands, f"{name} runs no okrsite command"
    for args in commands:
        ctx = parse(args)
        assert ctx.command.name == args[0]


def test_github_pr_workflow() -> None:
    wf = load("github-pr.yml")
    assert "pull_request" in triggers(wf)
    assert wf["permissions"]["pull-requests"] == "write"
    steps = wf["jobs"]["review"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    checkout = steps[uses.index(next(u for u in uses if u.startswith("actions/checkout@")))]
    assert checkout["with"]["fetch-depth"] == 0
    assert any(u.startswith("actions/setup-python@") for u in uses)
    assert any(u.startswith("actions/github-script@") for u in uses)
    runs = [str(s.get("run", "")) for s in steps]
    assert 'pip install "$OKRSITE_INSTALL"' in runs
    # the pull request's own findings are annotated first (GitHub keeps 10 of each kind)
    assert 'okrsite check --format github --changed-from "origin/${{ github.base_ref }}"' in runs
    assert (
        "okrsite diff origin/${{ github.base_ref }} HEAD --format markdown --output diff.md" in runs
    )
    script = next(s for s in steps if s.get("uses", "").startswith("actions/github-script@"))
    assert MARKER in script["with"]["script"]
    assert "updateComment" in script["with"]["script"]
    # the report is posted even when the check or the diff failed, then the job fails
    by_id = {s["id"]: s for s in steps if "id" in s}
    assert by_id["check"]["continue-on-error"] and by_id["diff"]["continue-on-error"]
    assert "always()" in script["if"]
    assert "steps.diff.outcome == 'failure'" in steps[-1]["if"]


def test_github_pages_workflow() -> None:
    wf = load("github-pages.yml")
    assert "push" in triggers(wf)
    assert wf["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build, deploy = wf["jobs"]["build"], wf["jobs"]["deploy"]
    assert "default_branch" in build["if"]
    uses = [s.get("uses", "") for s in build["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    artifact = next(s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", ""))
    build_line = next(s["run"] for s in build["steps"] if "okrsite build" in str(s.get("run")))
    out = shlex.split(build_line)[shlex.split(build_line).index("--out") + 1]
    assert artifact["with"]["path"] == out
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_gitlab_ci() -> None:
    ci = load("gitlab-ci.yml")
    review, pages = ci["okrsite-review"], ci["pages"]
    assert review["stage"] in ci["stages"] and pages["stage"] in ci["stages"]
    assert review["rules"][0]["if"] == '$CI_PIPELINE_SOURCE == "merge_request_event"'
    assert review["variables"]["GIT_DEPTH"] == "0"
    script = "\n".join(review["script"])
    assert MARKER in script and "/notes" in script
    assert "OKRSITE_GITLAB_TOKEN" in script and "CI_JOB_TOKEN" in script
    assert "diff.md" in review["artifacts"]["paths"]
    assert pages["script"] == ["okrsite build --out public"]
    assert pages["artifacts"]["paths"] == ["public"]
    assert any("$CI_DEFAULT_BRANCH" in r["if"] for r in pages["rules"])


def test_gitlab_note_script_compiles() -> None:
    script = next(e for e in load("gitlab-ci.yml")["okrsite-review"]["script"] if "<<'PY'" in e)
    body = script.split("<<'PY'\n", 1)[1].rsplit("PY", 1)[0]
    compile(body, "gitlab-note.py", "exec")


def test_unknown_option_would_be_caught() -> None:
    with pytest.raises(click.NoSuchOption):
        parse(["diff", "--formt", "markdown"])


def test_pr_diff_line_runs_in_a_ci_like_clone(tmp_path: Path) -> None:
    origin, base, _ = realistic_repo(tmp_path / "origin")
    git(origin, "branch", "-f", "feature", "HEAD")
    git(origin, "reset", "-q", "--hard", base)
    git(tmp_path, "clone", "-q", "--branch", "feature", f"file://{origin}", "clone")
    clone = tmp_path / "clone"
    diff_args = next(a for a in okrsite_commands("github-pr.yml") if a[0] == "diff")
    check_args = next(a for a in okrsite_commands("github-pr.yml") if a[0] == "check")
    old = Path.cwd()
    os.chdir(clone)
    try:
        runner = CliRunner()
        checked = runner.invoke(cli, [*check_args, "--as-of", AS_OF], catch_exceptions=False)
        assert checked.exit_code == 0
        assert re.search(r"^::warning file=content/", checked.stdout, re.M)
        result = runner.invoke(cli, [*diff_args, "--as-of", AS_OF], catch_exceptions=False)
    finally:
        os.chdir(old)
    assert result.exit_code == 0, result.output
    report = (clone / "diff.md").read_text(encoding="utf-8")
    assert report.startswith(MARKER) and "sales/emea" in report


@pytest.mark.parametrize("name", FILES)
def test_install_source_is_one_marked_variable(name: str) -> None:
    """One place to say where okrsite comes from, with the comment on how to set it."""
    data = load(name)
    env = data["env"] if name.startswith("github") else data["variables"]
    assert env["OKRSITE_INSTALL"]
    installs = [ln for ln in shell_lines(name) if "pip install" in ln]
    assert installs and all(ln.strip() == 'pip install "$OKRSITE_INSTALL"' for ln in installs)
    text = (CI / name).read_text(encoding="utf-8")
    assert "does NOT\n# resolve today" in text and "git+https://" in text
