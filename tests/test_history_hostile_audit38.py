"""Hostile commits a history audit found, each in a real repository built
here and read by the real ``okrsite build``:

1. a control byte in a message or an author's name (once git log's field
   and record separators) no longer drops commits, so a target cut stays
   on the timeline;
2. a commit dated year 10000, or with a date git cannot read (written by
   hand: ``-1 +0000``, ``notanumber``, no zone), builds with the dates
   docs/site.md describes instead of a traceback;
3. an old version over the size limit is never read and is skipped as a
   version that cannot be read; a CSV version over the row limit too;
4. an author's control characters (a terminal escape) never reach a page,
   and ``api/history.json`` holds the same cleaned name.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from okrsite import limits, sitefiles
from okrsite.cli import cli

FILE = "content/objectives/delight.md"


def goal(target: int = 45, body: str = "Customers first.\n") -> str:
    return (
        "---\ntitle: Delight our customers\ncycle: 2026-Q4\nowner: Uma Diaz\n"
        "key_results:\n"
        f"  - id: nps\n    title: Raise NPS\n    start: 30\n    target: {target}\n"
        "---\n" + body
    )


def git(root: Path, *args: str, name: str = "Uma Diaz", when: str = "2026-10-01") -> str:
    """git in ``root``; ``when`` a day or anything git takes as a date (``@seconds``)."""
    stamp = when if when.startswith("@") else f"{when}T10:00:00+00:00"
    env = dict(os.environ)
    env.update(
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME=name,
        GIT_AUTHOR_EMAIL="someone@example.com",
        GIT_COMMITTER_NAME="Uma Diaz",
        GIT_COMMITTER_EMAIL="uma@example.com",
        GIT_AUTHOR_DATE=stamp,
        GIT_COMMITTER_DATE=stamp,
    )
    proc = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, check=True)
    return proc.stdout.decode().strip()


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def commit(root: Path, message: str, name: str = "Uma Diaz", when: str = "2026-10-01") -> str:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, name=name, when=when)
    return git(root, "rev-parse", "HEAD")


def raw_commit(root: Path, author: str, committer: str, message: str) -> str:
    """A commit object written by hand (``git hash-object``): its author and
    committer lines as given, which ``git commit`` would refuse."""
    git(root, "add", "-A")
    tree = git(root, "write-tree")
    parent = git(root, "rev-parse", "HEAD")
    body = f"tree {tree}\nparent {parent}\nauthor {author}\ncommitter {committer}\n\n{message}\n"
    proc = subprocess.run(
        ["git", "hash-object", "-t", "commit", "-w", "--literally", "--stdin"],
        cwd=root,
        input=body.encode(),
        capture_output=True,
        check=True,
    )
    sha = proc.stdout.decode().strip()
    git(root, "update-ref", "refs/heads/main", sha)
    return sha


def site(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    write(root, "okrsite.toml", 'title = "Acme"\nas_of = 2026-12-01\n')
    write(root, FILE, goal())
    commit(root, "Start Q4 goals")
    return root


def build(root: Path, out: Path) -> tuple[dict[str, Any], str, str]:
    """``okrsite build``: api/history.json, the objective's page and the output."""
    result = CliRunner().invoke(cli, ["build", "--site", str(root), "--out", str(out)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    assert result.exit_code == 0, result.output
    data = json.loads((out / "api/history.json").read_text(encoding="utf-8"))
    page = (out / "objectives/delight/index.html").read_text(encoding="utf-8")
    return data, page, result.output


def nps_changes(data: dict[str, Any]) -> list[tuple[str, str, Any, Any, str, str]]:
    changes = data["objectives"]["delight"]["key_results"]["nps"]["changes"]
    return [(c["commit"], c["field"], c["old"], c["new"], c["date"], c["author"]) for c in changes]


# ---------------------------------------------------------------- 1. separators


def test_a_control_byte_in_a_message_or_name_drops_no_commit(tmp_path: Path) -> None:
    root = site(tmp_path)
    write(root, FILE, goal(31))
    cut = commit(root, "Fix typo\x1e", name="Eve\x1f\x1e", when="2026-10-05")
    write(root, FILE, goal(31, "Customers first.\nnote\n"))
    commit(root, "Update text\x1f\x1e\x1f", when="2026-10-06")
    data, page, _ = build(root, tmp_path / "out")
    assert data["commits_seen"] == 3
    assert nps_changes(data) == [(cut, "target", 45, 31, "2026-10-05", "Eve")]
    assert "target 45 → 31" in page


# ---------------------------------------------------------------- 2. dates


@pytest.mark.parametrize(
    ("author", "committer", "day"),
    [
        # unreadable both: the committer date of the commit before it
        ("Eve <e@x> notanumber", "Eve <e@x> -1 +0000", "2026-10-01"),
        # no zone: git reads neither
        ("Eve <e@x> 1790000000", "Eve <e@x> 1790000000", "2026-10-01"),
        # an unreadable author date is the committer date
        ("Eve <e@x> -1 +0000", "Eve <e@x> 1790000000 +0000", "2026-09-21"),
    ],
)
def test_a_commit_whose_date_git_cannot_read_builds(
    tmp_path: Path, author: str, committer: str, day: str
) -> None:
    root = site(tmp_path)
    write(root, FILE, goal(31))
    cut = raw_commit(root, author, committer, "Cut the target")
    data, _page, _ = build(root, tmp_path / "out")
    assert data["commits_seen"] == 2
    assert nps_changes(data) == [(cut, "target", 45, 31, day, "Eve")]


def test_a_commit_dated_year_10000_builds_at_the_last_day_a_site_holds(tmp_path: Path) -> None:
    root = site(tmp_path)
    write(root, FILE, goal(31))
    cut = commit(root, "Far future", when="@253402300800 +0000")
    data, page, _ = build(root, tmp_path / "out")
    assert nps_changes(data) == [(cut, "target", 45, 31, "2999-12-31", "Uma Diaz")]
    assert "target 45 → 31" in page


# ---------------------------------------------------------------- 3. limits


def test_an_old_version_over_the_size_limit_is_never_read(tmp_path: Path) -> None:
    """The oversized version (just over 16 MB), which also cut the target, is
    skipped, so the cut is the commit that put the file right; had it been
    read, the cut would be the oversized one's."""
    root = site(tmp_path)
    write(root, FILE, goal(31, "padding\n" * (sitefiles.MAX_FILE_BYTES // 8 + 1)))
    commit(root, "Huge", when="2026-10-05")
    write(root, FILE, goal(31))
    fixed = commit(root, "Trim", when="2026-10-06")
    data, _page, _ = build(root, tmp_path / "out")
    assert data["commits_seen"] == 3
    assert nps_changes(data) == [(fixed, "target", 45, 31, "2026-10-06", "Uma Diaz")]
    assert [c["field"] for c in data["objectives"]["delight"]["changes"]] == ["created"]


KPI = "---\ntitle: Uptime\nunit: '%'\ndirection: up\ntarget: 99.9\ndata: data/uptime.csv\n---\n"
CSV = "content/data/uptime.csv"
ROWS = "date,value\n2026-01-01,99.5\n2026-02-01,99.7\n"


def csv_site(tmp_path: Path, bulky: str, header: str = "date,value\n", march: str = "") -> Path:
    """Alice writes January and February; Bob's version adds ``bulky`` (over a
    limit) and ``march``; Carol's takes ``bulky`` out again."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    write(root, "okrsite.toml", 'title = "Acme"\nas_of = 2026-03-01\n')
    write(root, "content/kpis/uptime.md", KPI)
    write(root, CSV, ROWS)
    commit(root, "Uptime", name="Alice Ng", when="2026-02-02")
    write(root, CSV, header + bulky + ROWS.split("\n", 1)[1] + march)
    commit(root, "Bulk", name="Bob Stone", when="2026-02-10")
    write(root, CSV, ROWS + march)
    commit(root, "Trim", name="Carol Diaz", when="2026-02-11")
    return root


def kpi_source(root: Path, out: Path) -> tuple[str, str, str]:
    result = CliRunner().invoke(cli, ["build", "--site", str(root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    source = json.loads((out / "api/history.json").read_text())["kpis"]["uptime"]["source"]
    return source["kind"], source["commit"], source["author"]


def bulky_rows(count: int) -> str:
    return "".join(f"2025-{1 + i // 28:02d}-{1 + i % 28:02d},99.{i % 10}\n" for i in range(count))


def test_an_old_csv_version_over_the_size_limit_is_skipped(tmp_path: Path) -> None:
    """Rows with a long note, just over 16 MB (few rows, short cells): Bob's
    version is never read, so March's row, still there after Carol trimmed
    the notes, is compared with Alice's version and is Carol's."""
    note = "x" * 100_000
    count = sitefiles.MAX_FILE_BYTES // len(note) + 1
    bulky = "".join(
        f"2025-{1 + i // 28:02d}-{1 + i % 28:02d},99.{i % 10},{note}\n" for i in range(count)
    )
    root = csv_site(tmp_path, bulky, header="date,value,note\n", march="2026-03-01,99.9\n")
    assert kpi_source(root, tmp_path / "out")[2] == "Carol Diaz"


def test_an_old_csv_version_over_the_row_limit_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bob's version, over the (lowered) row limit, is skipped: February's row
    is compared with Alice's version and stays hers, not Carol's."""
    monkeypatch.setattr(limits, "MAX_DATA_ROWS", 5)
    root = csv_site(tmp_path, bulky_rows(10))
    assert kpi_source(root, tmp_path / "out")[2] == "Alice Ng"


# ---------------------------------------------------------------- 4. control characters


def test_an_authors_control_characters_never_reach_a_page(tmp_path: Path) -> None:
    root = site(tmp_path)
    write(root, FILE, goal(31))
    cut = commit(root, "Cut", name="Eve \x1b]0;pwned\x07 Moss\x7f\x9b", when="2026-10-05")
    data, page, output = build(root, tmp_path / "out")
    assert nps_changes(data) == [(cut, "target", 45, 31, "2026-10-05", "Eve ]0;pwned Moss")]
    assert "<bdi>Eve ]0;pwned Moss</bdi>" in page
    for char in "\x1b\x07\x7f\x9b":
        assert char not in page
        assert char not in output
        assert char not in (tmp_path / "out/api/history.json").read_text(encoding="utf-8")
