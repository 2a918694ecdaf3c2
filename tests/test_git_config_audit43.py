"""The history reads the same whatever the user's git configuration says, and
names people as git does.

Audit 43 (ci-git): ``log.follow = true`` in ``~/.gitconfig`` made git stop on
the site-move lookup's ``:(glob)`` pathspec, so the site had no history
(and ``log.showRoot = false`` hid what the first commit added);
``i18n.logOutputEncoding = ISO-8859-1`` turned names and messages into
U+FFFD; and ``.mailmap`` was ignored, so one person was several authors.
Real git repositories, each with a test-local ``GIT_CONFIG_GLOBAL``, built
by the real CLI.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from gitrepo import Repo

OBJECTIVE = """\
---
title: Keep our customers
cycle: 2026-Q4
owner: Uma Diaz
key_results:
  - id: nps
    title: Raise NPS
    start: 31
    target: {target}
---
"""
OBJ = "content/objectives/cs/retention.md"
CHECKIN = "---\ndate: 2026-10-20\nvalues: {nps: 38}\n---\n"


def okrsite(cwd: Path, config: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m okrsite ARGS`` in ``cwd`` with ``config`` as the user's
    global git configuration (and no system one)."""
    gitconfig = cwd.parent / "user.gitconfig"
    gitconfig.write_text(config, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_CONFIG_GLOBAL=str(gitconfig), GIT_CONFIG_NOSYSTEM="1")
    return subprocess.run(
        [sys.executable, "-m", "okrsite", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def site_repo(root: Path) -> Repo:
    repo = Repo(root)
    repo.write("okrsite.toml", 'default_cycle = "2026-Q4"\nas_of = "2026-11-20"\n')
    repo.write("content/people/uma-diaz.md", "---\ntitle: Uma Diaz\ngithub: uma-diaz\n---\n")
    repo.write(OBJ, OBJECTIVE.format(target=40))
    repo.commit("Add retention OKR", "alice", "2026-10-02T10:00:00+00:00")
    repo.write(OBJ, OBJECTIVE.format(target=45))
    repo.commit("Raise NPS target (#12)", "bob", "2026-10-10T10:00:00+00:00")
    return repo


def history(repo: Repo, config: str) -> dict[str, Any]:
    out = repo.root.parent / "out"
    built = okrsite(repo.root, config, "build", "--no-cache", "--out", str(out))
    assert built.returncode == 0, built.stderr
    assert "Traceback" not in built.stderr
    return json.loads((out / "api/history.json").read_text(encoding="utf-8"))


def nps_changes(data: dict[str, Any]) -> list[tuple[str, Any, Any, str]]:
    changes = data["objectives"]["cs/retention"]["key_results"]["nps"]["changes"]
    return [(c["field"], c["old"], c["new"], c["author"]) for c in changes]


def test_settings_that_change_what_git_prints_leave_the_history_as_it_is(
    tmp_path: Path,
) -> None:
    repo = site_repo(tmp_path / "repo")
    plain = history(repo, "")
    assert plain["available"] is True and plain["commits_seen"] == 2
    # log.follow made git stop ("BUG: unsupported magic"): no history at all;
    # log.showRoot = false showed the first commit adding nothing
    for config in (
        "[log]\n\tfollow = true\n",
        "[log]\n\tshowRoot = false\n",
        "[log]\n\tfollow = true\n\tshowRoot = false\n\tshowSignature = true\n"
        "[color]\n\tui = always\n\tdiff = always\n[diff]\n\trelative = true\n",
    ):
        data = history(repo, config)
        assert data["note"] is None, (config, data["note"])
        assert data == plain, config
    assert nps_changes(plain) == [("target", 40, 45, "Bob Stone")]
    (created, *_) = plain["objectives"]["cs/retention"]["changes"]
    assert (created["field"], created["author"]) == ("created", "Alice Ng")


def test_names_and_messages_are_read_as_utf8_whatever_log_output_encoding_says(
    tmp_path: Path,
) -> None:
    repo = site_repo(tmp_path / "repo")
    repo.write(OBJ, OBJECTIVE.format(target=50))
    repo.git("add", "-A")
    message = "Réduire le churn\n\nGrund: Müller sagt so.\n".encode("latin-1")
    # the name's bytes as the commit's encoding header says (ISO-8859-1)
    name = "Jürgen Müller".encode("latin-1").decode("utf-8", "surrogateescape")
    env = {**repo.env("carol", "2026-10-20T10:00:00+00:00"), "GIT_AUTHOR_NAME": name}
    subprocess.run(
        ["git", "-c", "i18n.commitEncoding=ISO-8859-1", "commit", "-q", "-F", "-"],
        cwd=repo.root,
        env=env,
        input=message,
        check=True,
        capture_output=True,
    )
    data = history(repo, "[i18n]\n\tlogOutputEncoding = ISO-8859-1\n")
    (*_, last) = data["objectives"]["cs/retention"]["key_results"]["nps"]["changes"]
    assert (last["author"], last["message"], last["reason"]) == (
        "Jürgen Müller",
        "Réduire le churn",
        "Müller sagt so.",
    )


def test_mailmap_names_one_person_once(tmp_path: Path) -> None:
    repo = site_repo(tmp_path / "repo")
    repo.write(".mailmap", "Bob Stone <bob@example.com> bstone <b.stone@home.example>\n")
    repo.write(OBJ, OBJECTIVE.format(target=50))
    repo.write("content/checkins/cs/retention/2026-10-20.md", CHECKIN)
    repo.git("add", "-A")
    env = {
        **repo.env("bob", "2026-10-20T10:00:00+00:00"),
        "GIT_AUTHOR_NAME": "bstone",
        "GIT_AUTHOR_EMAIL": "b.stone@home.example",
    }
    subprocess.run(
        ["git", "commit", "-q", "-m", "Raise it again"], cwd=repo.root, env=env, check=True
    )
    assert repo.git("log", "-1", "--format=%an") == "bstone"
    data = history(repo, "")
    assert nps_changes(data) == [
        ("target", 40, 45, "Bob Stone"),
        ("target", 45, 50, "Bob Stone"),
    ]
    source = data["objectives"]["cs/retention"]["key_results"]["nps"]["source"]
    assert (source["kind"], source["author"]) == ("check-in", "Bob Stone")
    (checkin,) = data["checkins"]
    assert checkin["author"] == "Bob Stone"
    page = (repo.root.parent / "out/objectives/cs/retention/index.html").read_text("utf-8")
    assert "bstone" not in page and "Bob Stone" in page
