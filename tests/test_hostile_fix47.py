"""Audit 47 ("hostile"): what a contributor could put on the site through its files.

* F1: with ``allow_html = true``, ``<p/id="main">`` (a ``/`` parts
  attributes as a space does) and ``id=&#109;ain`` (a decoded reference)
  kept the page's own ids, so a body's fake check-in took the real one's
  anchor. They are read as a browser reads them and renamed.
* F2: a folder ``.gitmodules`` names but git holds as an ordinary folder was
  taken for a submodule: the working tree's ``okrsite diff`` skipped it (an
  eased target reported as a removed objective, exit 0) and check and build
  warned OKR011. Only a gitlink is a submodule.
* F3: ``<input type="password">`` and any other field stayed on the page;
  only a task list's disabled checkbox does.
* F4: a ``|`` in a branch name read ``\\|`` in the Markdown report outside
  its table; and ``café@octocat`` kept a live mention.

Each site is written as a person would and run through the CLI.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import run_cli, write_site
from gitrepo import Repo
from sitecheck import conformance_problems

DAY = "2026-10-{:02d}T10:00:00+00:00"

HTML_SITE: dict[str, str | bytes] = {
    "okrsite.toml": """
        title = "Acme"
        default_cycle = "2026-Q4"
        as_of = 2026-11-25
        allow_html = true
    """,
    "content/objectives/x/b.md": """
        ---
        title: Html objective
        owner: bob
        team: sales
        key_results:
          - {id: k1, title: Thing, start: 0, target: 10}
        ---
        <div id="&#99;heckin-2026-11-20-b"><strong>Check-in of 2026-11-20: done.</strong></div>

        <p id=&#109;ain>Entity</p>

        <div>
        <p/id="timeline">Slash</p>
        <a href="#&#109;ain">to the entity</a>
        </div>

        <label for=pw>Password</label><input id=pw type=password>
        <input type="text" name="user" placeholder="Your SSO password" value="x">

        - [x] done
        - [ ] todo
    """,
    "content/checkins/2026-11-20-b.md": """
        ---
        objective: x/b
        date: 2026-11-20
        author: bob
        values: {k1: 5}
        ---
        Real check-in.
    """,
    "content/checkins/2026-11-21-b.md": """
        ---
        objective: x/b
        date: 2026-11-21
        author: bob
        values: {k1: 6}
        ---
        <div>
        <p/id="main">Checked.</p>
        </div>
    """,
}


def _built_page(tmp_path: Path) -> BeautifulSoup:
    site = write_site(tmp_path / "site", HTML_SITE)
    code, out = run_cli("build", "--site", str(site), "--no-history", "--no-cache")
    assert code == 0, out
    page = (site / "_site/objectives/x/b/index.html").read_text(encoding="utf-8")
    return BeautifulSoup(page, "html.parser")


def test_raw_html_ids_are_read_as_a_browser_reads_them(tmp_path: Path) -> None:
    soup = _built_page(tmp_path)
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    # the anchor leads to the real check-in, the page's main and sections stay its own
    checkin = soup.find_all(id="checkin-2026-11-20-b")
    assert [tag.name for tag in checkin] == ["article"], checkin
    assert soup.find(id="main").name == "main"
    assert soup.find(id="timeline").get_text(strip=True) == "Check-ins"
    # the author's elements are renamed, and their own link follows
    assert soup.find(id="main-1").get_text() == "Entity"
    assert soup.find(id="timeline-1").get_text() == "Slash"
    assert soup.find("a", string="to the entity")["href"] == "#main-1"
    # a check-in note's id carries its check-in's anchor
    note = soup.find(string="Checked.").parent
    assert note["id"].startswith("note-checkin-") and note["id"].endswith("-main"), note


def test_only_a_task_lists_disabled_checkbox_is_kept(tmp_path: Path) -> None:
    soup = _built_page(tmp_path)
    body = soup.find(id="main-1").parent  # the body's text
    inputs = body.find_all("input")
    assert len(inputs) == 2, inputs  # done and todo; no password or text field
    for box in inputs:
        assert box.get("type") == "checkbox" and box.has_attr("disabled"), box
    assert body.find(attrs={"placeholder": True}) is None


def test_the_label_of_a_dropped_field_names_no_control(tmp_path: Path) -> None:
    """The password field goes, its ``<label for=pw>`` stays as text: a
    ``for`` naming no element is invalid HTML5 (audit 47 verify2, finding 2),
    while a task item's label keeps naming its kept checkbox."""
    soup = _built_page(tmp_path)
    label = soup.find("label", string="Password")
    assert label is not None and not label.has_attr("for"), label
    body = soup.find(id="main-1").parent  # the body's text
    for box in body.find_all("input"):  # each task item's box is in its label
        assert box.find_parent("label") is not None, box
    assert conformance_problems(str(soup)) == []


def test_a_gitmodules_entry_without_a_gitlink_is_an_ordinary_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = Repo(tmp_path / "site")
    repo.write("okrsite.toml", 'title = "Acme"\ndefault_cycle = "2026-Q4"\nas_of = 2026-11-05\n')
    logos = (
        "---\ntitle: Win new logos\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
        "  - {id: logos, title: Win new logos, start: 0, target: %d}\n---\n"
    )
    repo.write("content/objectives/sales/logos.md", logos % 20)
    repo.commit("Add sales objective", "alice", DAY.format(2))
    repo.git("checkout", "-q", "-b", "tidy")
    repo.write(
        ".gitmodules",
        '[submodule "sales"]\n\tpath = content/objectives/sales\n'
        "\turl = https://example.com/sales.git\n",
    )
    repo.write("content/objectives/sales/logos.md", logos % 10)
    repo.commit("Tidy", "alice", DAY.format(3))
    monkeypatch.chdir(repo.root)

    code, out = run_cli("check", "--format", "json")
    assert "OKR011" not in out and "submodule" not in out, out
    code, out = run_cli("diff", "main", "--format", "json", "--fail-on", "errors,less-ambitious")
    assert code == 1, out
    report, _ = json.JSONDecoder().raw_decode(out[out.index("{") :])
    assert [(o["id"], o["change"]) for o in report["objectives"]] == [("sales/logos", "changed")]
    code, out = run_cli("build", "--out", str(tmp_path / "out"))
    assert code == 0 and "OKR011" not in out, out
    page = (tmp_path / "out/objectives/sales/logos/index.html").read_text(encoding="utf-8")
    assert "submodule" not in page


def test_markdown_report_escapes_pipes_only_in_its_table_and_guards_mentions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = Repo(tmp_path / "site")
    repo.write("okrsite.toml", 'title = "Acme"\ndefault_cycle = "2026-Q4"\nas_of = 2026-11-05\n')
    goal = (
        "---\ntitle: {}\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
        "  - {{id: k, title: K, start: 0, target: 10, current: {}}}\n---\n"
    )
    repo.write("content/objectives/grow.md", goal.format("Grow", 2))
    repo.commit("goal", "alice", DAY.format(2))
    repo.git("checkout", "-q", "-b", "fix|typo")
    repo.write("content/objectives/grow.md", goal.format("Grow café@octocat", 5))
    repo.write("content/objectives/a|b.md", goal.format("Piped", 1))
    repo.commit("retitle", "alice", DAY.format(3))
    monkeypatch.chdir(repo.root)

    code, out = run_cli("diff", "main", "fix|typo", "--format", "markdown", "--fail-on", "none")
    assert code == 0, out
    assert "`main` → `fix|typo`" in out, out
    assert "fix\\|typo" not in out
    assert "`content/objectives/a|b.md`" in out, out  # a list item, not a table's cell
    rows = [line for line in out.splitlines() if line.startswith("| `grow`")]
    assert rows, out  # the table (whose cells escape a pipe) is still there
    assert "café@octocat" not in out and "café@\u200boctocat" in out
