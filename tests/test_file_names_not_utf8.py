"""A goal file or folder whose name is not UTF-8 (byte 0xFF in a name, as a
file copied from an old Windows share or a zip has): every command says which
file and what to do, with exit code 1, and none prints a traceback.

``okrsite check`` crashed with ``UnicodeEncodeError`` on the parse cache's
hash of the name, ``build --no-cache`` while writing the page, and ``diff``
when the file was committed.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrsite.cli import cli

OBJECTIVE = "---\ntitle: Faster support\ncycle: 2026-Q4\nowner: Uma Diaz\n---\n"
FILE_SAID = (
    "error OKR016: the file's name is not valid UTF-8 (byte 0xFF); it is skipped "
    "(hint: rename it: names are letters, digits, spaces and punctuation, saved as UTF-8)"
)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def site(root: Path) -> Path:
    (root / "content/objectives").mkdir(parents=True)
    (root / "okrsite.toml").write_text('title = "Acme"\nas_of = 2026-11-20\n')
    (root / "content/objectives/sales.md").write_text(OBJECTIVE.replace("Faster support", "Sell"))
    bad = os.fsdecode(b"support-\xff.md")
    (root / "content/objectives" / bad).write_text(OBJECTIVE)
    return root


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["check", "--no-cache"],
        ["build"],
        ["build", "--no-cache"],
        ["check", "--format", "json"],
    ],
)
def test_a_file_name_that_is_not_utf8_is_one_located_error(
    tmp_path: Path, command: list[str]
) -> None:
    root = site(tmp_path / "site")
    for _ in range(2):  # the second run reads the caches the first one wrote
        code, output = run(*command, "--site", str(root))
        assert code == 1, output
        assert "Traceback" not in output
        if "json" in command:
            found = [d for d in json.loads(output) if d["code"] == "OKR016"]
            assert [d["file"] for d in found] == ["content/objectives/support-\ufffd.md"]
        else:
            assert f"content/objectives/support-\ufffd.md:1: {FILE_SAID}" in output
    assert not (root / "_site").exists()


def test_a_folder_name_that_is_not_utf8_skips_its_files_with_one_error(tmp_path: Path) -> None:
    root = site(tmp_path / "site")
    (root / "content/objectives" / os.fsdecode(b"support-\xff.md")).unlink()
    team = root / "content/objectives" / os.fsdecode(b"te\xfeam")
    team.mkdir()
    (team / "goal.md").write_text(OBJECTIVE)
    code, output = run("check", "--site", str(root))
    assert code == 1, output
    assert (
        "content/objectives/te\ufffdam:1: error OKR016: the folder's name is not valid UTF-8 "
        "(byte 0xFE); its files are skipped"
    ) in output
    assert "goal.md" not in output


def test_diff_with_such_a_file_committed_names_it(tmp_path: Path) -> None:
    root = site(tmp_path / "site")
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_AUTHOR_NAME": "Uma Diaz",
        "GIT_AUTHOR_EMAIL": "uma@example.com",
        "GIT_COMMITTER_NAME": "Uma Diaz",
        "GIT_COMMITTER_EMAIL": "uma@example.com",
    }
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "Q4"]):
        subprocess.run(["git", *args], cwd=root, env=env, check=True)
    (root / "content/objectives/sales.md").write_text(OBJECTIVE.replace("Faster support", "Sell!"))
    code, output = run("diff", "HEAD", "--site", str(root))
    assert "Traceback" not in output
    assert "content/objectives/support-\ufffd.md:1: OKR016 the file's name is not valid UTF-8" in (
        output
    )
    assert code == 1, output
