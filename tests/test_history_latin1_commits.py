"""Audit 45 (gitmess) F6: a commit in Latin-1 without an ``encoding`` header.

Old Windows clients and imports from CVS or Subversion wrote commits whose
names and messages are Latin-1 bytes and say no encoding; git passes the
bytes on. They are read as Windows wrote them (cp1252), as gitk and GitHub
show them: no U+FFFD in ``api/history.json`` or on the page. A real
repository with such a commit object written by hand, built with
``okrsite build``.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from test_history_merge_resolutions import OBJECTIVE, build, growth, site, timeline


def test_a_commit_in_latin_1_without_an_encoding_header_reads_as_written(
    tmp_path: Path,
) -> None:
    repo = site(tmp_path)
    repo.write(OBJECTIVE, growth(100).replace("target: 5", "target: 12"))
    repo.git("add", "-A")
    tree = repo.git("write-tree")
    raw = (
        f"tree {tree}\nparent {repo.head()}\n".encode()
        + b"author Ren\xe9 L\xf6we <rl@a> 1791100000 +0100\n"
        + b"committer Ren\xe9 L\xf6we <rl@a> 1791100000 +0100\n\nZiel f\xfcr Logos 12\n"
    )
    made = subprocess.run(
        ["git", "hash-object", "-t", "commit", "-w", "--stdin"],
        cwd=repo.root, env=repo.env(), input=raw, capture_output=True, check=True,
    )  # fmt: skip
    sha = made.stdout.decode().strip()
    repo.git("update-ref", "refs/heads/main", sha)
    repo.git("reset", "-q", "--hard")
    out = tmp_path / "out"
    data = build(repo, out)
    (change,) = data["objectives"]["growth"]["key_results"]["logos"]["changes"]
    assert (change["commit"], change["author"], change["message"]) == (
        sha,
        "René Löwe",
        "Ziel für Logos 12",
    )
    text = (out / "api/history.json").read_text(encoding="utf-8")
    assert "\\ufffd" not in text and "\ufffd" not in text
    assert "René Löwe" in timeline(out)[0]
