"""Session 50: what a figure's source says of its commit is drawn once per commit.

A timeline's "Where the figures come from" says of each committed figure
"committed by Bob Stone on 5 Oct 2026 in 1a2b3c4": the commit's author,
day, short hash and links, not the figure's. On the history benchmark tens
of thousands of sources name a few hundred commits, and the partial drew
that clause (a translation, a day, a link) for each source: a third of the
time it spent on sources. Each commit's clause is now drawn once and kept
(``s.origin_line``, :mod:`okrsite.view.history_commits`). Real repository,
real CLI: six committed sources of two commits ask for the clause's words
twice, and every source still names its own commit, in full.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from gitrepo import alice_and_bob_repo

from okrsite.cli import cli
from okrsite.translations import Language

GOALS = ("emea", "apac", "amer")
CLAUSE = "committed by %(author)s on %(date)s in %(commit)s"


def goal(name: str, deals: int) -> str:
    return (
        f"---\ntitle: Grow {name.upper()}\ncycle: 2026-Q4\nowner: alice\nkey_results:\n"
        f"  - {{id: deals, title: Close deals, start: 0, target: 10, current: {deals}}}\n"
        "  - {id: nps, title: Raise NPS, start: 10, target: 40, current: 22}\n---\n"
    )


def sources(out: Path, name: str) -> list[str]:
    html = (out / f"objectives/{name}/index.html").read_text(encoding="utf-8")
    ul = html[html.index('<ul class="sources">') :]
    return re.findall(r"<li>(.*?)</li>", ul[: ul.index("</ul>")], re.S)


def test_each_commit_of_the_sources_is_drawn_once_and_each_source_shows_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = alice_and_bob_repo(tmp_path / "repo")
    for name in GOALS:
        repo.write(f"content/objectives/{name}.md", goal(name, 3))
    first = repo.commit("Set the quarter's goals", "alice", "2026-10-01T10:00:00+00:00")
    for name in GOALS:
        repo.write(f"content/objectives/{name}.md", goal(name, 5))
    second = repo.commit("Two more deals each (#7)", "bob", "2026-10-05T10:00:00+00:00")

    # count how often the pages ask for the clause's words
    asked: list[str] = []
    original = Language.template_callables

    def counting(self: Language, as_text: bool = False) -> dict[str, Callable[..., Any]]:
        callables = original(self, as_text)
        if as_text:
            return callables
        plain = callables["_"]

        def gettext(message: str, /, **variables: Any) -> Any:
            if message == CLAUSE:
                asked.append(message)
            return plain(message, **variables)

        return {**callables, "_": gettext, "gettext": gettext}

    monkeypatch.setattr(Language, "template_callables", counting)

    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["build", "--site", str(repo.root), "--out", str(out), "--jobs", "1", "--no-cache"]
    )
    assert result.exit_code == 0, result.output
    # 6 committed sources (3 goals, 2 key results each) of 2 commits
    assert len(asked) == 2, asked

    link = '<a href="https://github.com/acme/okrs/commit/{sha}"><code>{short}</code></a>'
    for name in GOALS:
        deals, nps = sources(out, name)
        assert deals.startswith("<bdi>Close deals</bdi>:") and nps.startswith(
            "<bdi>Raise NPS</bdi>"
        )
        assert (
            ", committed by <bdi>Bob Stone</bdi> on 2026-10-05 in "
            + link.format(sha=second, short=second[:7])
        ) in deals
        assert (
            ", committed by <bdi>Alice Ng</bdi> on 2026-10-01 in "
            + link.format(sha=first, short=first[:7])
        ) in nps
