"""Audit 48 (reviewer): ``okrsite diff`` writes a key result's progress as its page wrote it.

A running objective's key result off track beside expected 54.3% is "24%"
on its page (its decimals come from the page's pace, trailing zeros
dropped); the diff padded it to ``24.0%`` (German ``24,0 %``). Built from a
real repository through the CLI, in text and markdown, English and German.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from gitrepo import Repo

from okrsite.cli import cli


def build(repo: Repo, out: Path) -> None:
    result = CliRunner().invoke(cli, ["build", "--site", str(repo.root), "--out", str(out)])
    assert result.exit_code == 0, result.output


def diff(repo: Repo, fmt: str, *args: str) -> str:
    result = CliRunner().invoke(cli, ["diff", "--site", str(repo.root), "--format", fmt, *args])
    assert result.exit_code == 0, result.output
    return result.output


def config(language: str) -> str:
    return f'title = "T"\nas_of = "2026-11-20"\nlanguage = "{language}"\n'


def emea(target: int) -> str:
    return (
        "---\ntitle: Grow EMEA\ncycle: 2026-Q4\nowner: Kim Park\nkey_results:\n"
        f"  - {{id: deals, title: Close deals in EMEA, start: 0, target: {target}}}\n"
        "  - {id: logos, title: Win logos, start: 0, target: 4}\n---\n"
    )


@pytest.mark.parametrize(
    ("language", "before", "after"),
    [("en", "24%", "30%"), ("de", "24\u00a0%", "30\u00a0%")],
)
def test_diff_writes_progress_as_the_page_wrote_it(
    tmp_path: Path, language: str, before: str, after: str
) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", config(language))
    repo.write("content/objectives/emea.md", emea(25))
    repo.write(
        "content/checkins/2026-11-15-emea.md",
        "---\nobjective: emea\ndate: 2026-11-15\nvalues: {deals: 6, logos: 2}\n---\n",
    )
    repo.commit("base", "alice", "2026-11-15T10:00:00+00:00")
    out = tmp_path / "base-out"
    build(repo, out)
    page = re.sub(
        r"\s+",
        " ",
        re.sub(r"<[^>]+>", " ", (out / "objectives/emea/index.html").read_text(encoding="utf-8")),
    )
    # the page writes the off-track key result's 24% beside its expected 54.3%
    assert f"Close deals in EMEA {before.replace(chr(0xA0), ' ')} " in page, page
    repo.write("content/objectives/emea.md", emea(20))
    repo.commit("Ease EMEA deals", "alice", "2026-11-16T10:00:00+00:00")
    for fmt in ("text", "markdown"):
        report = diff(repo, fmt, "HEAD~1", "HEAD")
        assert f"deals: {before} → {after} ▲" in report.replace("`deals`:", "deals:"), report
        assert "24.0" not in report and "24,0" not in report, report
