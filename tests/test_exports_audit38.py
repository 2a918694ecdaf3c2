"""What the published files say to the tools that read them, as an audit of
their consumers found it: a feed reader, a spreadsheet, a BI tool."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from click.testing import CliRunner

from okrsite.cli import cli

OBJECTIVE = """---
title: {title}
cycle: 2026-Q4
owner: Uma Diaz
key_results:
  - {{id: rev, title: Revenue, start: 400000, target: 500000, unit: EUR}}
  - {{id: calls, title: Calls, target: 100}}
---
"""


def build(root: Path, toml: str, files: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "okrsite.toml").write_text(f"as_of = 2026-11-20\n{toml}")
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    result = CliRunner().invoke(cli, ["build", "--site", str(root)])
    assert result.exit_code == 0, result.output
    return root / "_site"


CHECKINS = {
    "content/objectives/sales.md": OBJECTIVE.format(title="Sell more"),
    "content/checkins/2026-11-10.md": "---\nobjective: sales\ndate: 2026-11-10\n"
    "values: {rev: 410000.5}\n---\n",
    "content/checkins/2026-11-18.md": "---\nobjective: sales\ndate: 2026-11-18\n"
    "values: {rev: 420000}\n---\n",
}


def feed_ids(out: Path) -> list[str]:
    return re.findall(r"<id>([^<]*)</id>", (out / "checkins.xml").read_text())


def test_feed_ids_stay_when_the_site_is_renamed(tmp_path: Path) -> None:
    """An Atom id never changes (RFC 4287): made of the site's title, a new
    title made every check-in new to every subscriber. With ``repo_url`` set
    the ids are made of it."""
    repo = 'repo_url = "https://github.com/acme/goals"\n'
    before = feed_ids(build(tmp_path, f'title = "Acme, Inc — Goals"\n{repo}', CHECKINS))
    after = feed_ids(build(tmp_path, f'title = "Acme Inc — Goals"\n{repo}', {}))
    assert len(before) == 3 and before == after
    assert all("github.com" in i for i in before)


def test_a_run_of_money_figures_has_cents_on_each(tmp_path: Path) -> None:
    """410000.5 EUR is written ``410,000.50 EUR`` alone and must be so in a
    run too (``410,000.50 → 420,000 EUR``), not ``410,000.5 → …``."""
    out = build(tmp_path, "", CHECKINS)
    feed = (out / "checkins.xml").read_text()
    assert "410,000.50 → 420,000 EUR" in feed
    assert "410,000.5 →" not in feed


def test_text_cells_that_read_as_numbers_are_defused_in_every_csv(tmp_path: Path) -> None:
    """A title ``-Infinity`` or ``+1`` is text: Excel reads ``+1`` as the
    number 1 and ``-Infinity`` as ``#NAME?``. objectives.csv left them as
    they were while key-results.csv prefixed them with ``'``."""
    out = build(
        tmp_path,
        "",
        {
            "content/objectives/a.md": OBJECTIVE.format(title='"-Infinity"'),
            "content/objectives/b.md": OBJECTIVE.format(title='"+1"'),
        },
    )
    for name in ("objectives.csv", "key-results.csv"):
        rows = list(csv.reader(io.StringIO((out / "api" / name).read_text())))
        titles = {row[0]: row[1] for row in rows[1:]}
        assert titles["a"] == "'-Infinity", name
        assert titles["b"] == "'+1", name


def test_two_sites_of_one_repository_have_feed_ids_of_their_own(tmp_path: Path) -> None:
    """``sales/`` and ``eng/`` in one repository, both with its ``repo_url``
    and a check-in of the same name: their feeds' ids differ (a reader would
    merge entries of equal id and hide one site's), by the site's folder."""
    import subprocess

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    repo = 'repo_url = "https://github.com/acme/goals"\n'
    sales = feed_ids(build(tmp_path / "sales", f'title = "Sales"\n{repo}', CHECKINS))
    eng = feed_ids(build(tmp_path / "eng", f'title = "Eng"\n{repo}', CHECKINS))
    assert len(sales) == 3 and not set(sales) & set(eng)
    assert all("goals%2Fsales" in i for i in sales), sales
