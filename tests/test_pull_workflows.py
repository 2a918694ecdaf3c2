"""The nightly ``okrsite pull`` workflows in docs/ci: valid, scheduled, real commands."""

from __future__ import annotations

import pytest
from test_workflows import load, okrsite_commands, parse, triggers

FILES = ["github-pull.yml", "gitlab-pull.yml"]


@pytest.mark.parametrize("name", FILES)
def test_every_okrsite_command_parses(name: str) -> None:
    commands = okrsite_commands(name)
    assert [c[0] for c in commands] == ["pull", "check"]
    for args in commands:
        assert parse(args).command.name == args[0]


def test_github_pull_workflow_opens_a_pull_request() -> None:
    wf = load("github-pull.yml")
    assert "schedule" in triggers(wf) and "workflow_dispatch" in triggers(wf)
    assert wf["permissions"] == {"contents": "write", "pull-requests": "write"}
    steps = wf["jobs"]["pull"]["steps"]
    by_id = {s["id"]: s for s in steps if "id" in s}
    assert by_id["pull"]["run"] == "okrsite pull" and by_id["pull"]["continue-on-error"]
    names = [s.get("run") for s in steps]
    assert names.index("okrsite check") > names.index("okrsite pull")
    create = next(
        s for s in steps if s.get("uses", "").startswith("peter-evans/create-pull-request@")
    )
    # one fixed branch: a pull request still open is updated, not duplicated
    assert create["with"]["branch"] == "okrsite/pull" and create["with"]["add-paths"] == "content"
    assert "steps.pull.outcome == 'failure'" in steps[-1]["if"]


def test_gitlab_pull_job_pushes_a_merge_request() -> None:
    job = load("gitlab-pull.yml")["okrsite-pull"]
    assert '$CI_PIPELINE_SOURCE == "schedule"' in job["rules"][0]["if"]
    script = "\n".join(job["script"])
    assert "okrsite pull || status=1" in script
    assert "-o merge_request.create" in script and "HEAD:refs/heads/okrsite/pull" in script
    assert "OKRSITE_GITLAB_TOKEN" in script
    assert job["script"][-1] == 'exit "$status"'
