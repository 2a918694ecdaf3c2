"""A timeline entry's ``class`` names only the flags it has, with no stray space.

An entry eased before its cycle began is less ambitious but not mid-cycle;
the partial wrote ``class=" less-ambitious"`` for it (a leading space, which
a theme's ``[class="less-ambitious"]`` selector or a strict reviewer of the
markup trips on). Each combination is checked on a page built from a real
repository.
"""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from gitrepo import Repo

from okrsite.cli import cli

GOAL = """\
---
title: Grow EMEA
owner: alice
cycle: 2026-Q1
key_results:
  - id: revenue
    title: Reach revenue
    start: 0
    target: {revenue}
  - id: deals
    title: Sign deals
    start: 0
    target: {deals}
---
"""


def test_each_entry_names_its_flags_without_a_stray_space(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "goals")
    repo.write("okrsite.toml", 'title = "Acme"\nas_of = 2026-03-01\n')
    repo.write("content/people/alice.md", "---\ntitle: Alice Ng\n---\n")
    repo.write("content/objectives/emea.md", GOAL.format(revenue=200, deals=10))
    repo.commit("Start", "alice", "2025-12-01T10:00:00+00:00")
    # eased before the cycle began: less ambitious, not mid-cycle
    repo.write("content/objectives/emea.md", GOAL.format(revenue=150, deals=10))
    repo.commit("Ease revenue before the quarter", "alice", "2025-12-10T10:00:00+00:00")
    # raised during the cycle: mid-cycle, not less ambitious
    repo.write("content/objectives/emea.md", GOAL.format(revenue=160, deals=10))
    repo.commit("Raise revenue", "alice", "2026-01-20T10:00:00+00:00")
    # eased during the cycle: both
    repo.write("content/objectives/emea.md", GOAL.format(revenue=160, deals=8))
    repo.commit("Fewer deals", "alice", "2026-02-02T10:00:00+00:00")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--site", str(repo.root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    page = (out / "objectives/emea/index.html").read_text()
    timeline = page.split('<ol class="history-timeline"')[1].split("</ol>")[0]
    classes = re.findall(r'<li(?: class="([^"]*)")?>', timeline)
    # newest first: the deals eased mid-cycle, the raise, the early easing, the creation
    assert classes == ["mid-cycle less-ambitious", "mid-cycle", "less-ambitious", ""]
