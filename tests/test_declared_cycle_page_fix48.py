"""A declared cycle keeps its page when its last objective moves out (fix 48).

Moving an ended cycle's only objective to another cycle (editing its
``cycle:``) removed ``cycles/<cycle>/index.html``: links and bookmarks to
the cycle's page broke. A cycle declared in okrsite.toml (``[cycles.NAME]``)
now keeps its page, listed under Cycles, saying it has no objectives. A real
git repository, real builds through the CLI.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from click.testing import CliRunner
from gitrepo import Repo

from okrsite.cli import cli

CONFIG = (
    'title = "T"\nas_of = "2026-11-05"\ndefault_cycle = "S2"\n'
    "[cycles.S1]\nstart = 2026-07-01\nend = 2026-08-31\n"
    "[cycles.S2]\nstart = 2026-09-01\nend = 2026-12-31\n"
)


def grow(cycle: str) -> str:
    return (
        f"---\ntitle: Grow\nowner: Uma\ncycle: {cycle}\nkey_results:\n"
        "  - {id: a, title: A, start: 0, target: 10, current: 5}\n"
        "  - {id: b, title: B, start: 0, target: 10, current: 5}\n---\n"
    )


def build(repo: Repo, out: Path) -> None:
    result = CliRunner().invoke(cli, ["build", "--site", str(repo.root), "--out", str(out)])
    assert result.exit_code == 0, result.output


def text(page: Path) -> str:
    main = page.read_text(encoding="utf-8")
    main = main[main.index("<main") : main.index("</main>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split())


def test_an_ended_declared_cycle_keeps_its_page_without_objectives(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", CONFIG)
    repo.write("content/objectives/grow.md", grow("S1"))
    repo.commit("goals", "alice", "2026-07-02T10:00:00+00:00")
    before = tmp_path / "before"
    build(repo, before)
    assert "Grow" in text(before / "cycles/S1/index.html")
    repo.write("content/objectives/grow.md", grow("S2"))
    repo.commit("Move grow to S2", "alice", "2026-09-02T10:00:00+00:00")
    out = tmp_path / "out"
    build(repo, out)
    page = out / "cycles/S1/index.html"
    assert page.exists()
    said = text(page)
    assert "0 objectives" in said and "No objectives." in said, said
    assert "Grow" not in said
    assert "cycles/S1/index.html" in (out / "cycles/index.html").read_text(encoding="utf-8")
    assert "Grow" in text(out / "cycles/S2/index.html")
