"""``okrsite diff`` shows drafts with no figure, and check-in times with their zone.

- The carry commit listed each draft as ``— → 0%``, "expected — → 1%",
  where pages show a draft (or dropped) objective with its status and no
  figure (scoring.md, Grade). Now a draft's side has no figure in every
  format (``null`` in the JSON); one set active reads ``— → 40%``.
- A check-in's time can name a zone (``17:00+01:00``); pages show
  ``17:00 (UTC+01:00)``, the diff showed ``17:00``: now the text and
  Markdown show the zone as pages do, the JSON gives it (``zone``), and an
  edit that moves only the zone is a ``time`` change.

Real git repositories, the real command.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli
from gitrepo import Repo

QUARTER = """\
---
title: Quarter goal
cycle: 2026-Q4
owner: Uma Diaz
key_results:
  - id: deals
    title: Close 40 deals
    target: 40
    current: 30
  - id: ship
    title: Ship it
    done: false
---
"""

CHECKIN = """\
---
date: {when}
values: {{deals: {deals}}}
---
"""

DRAFT = "content/objectives/quarter-2027-q1.md"
CHECKIN_FILE = "content/checkins/quarter/2026-11-23.md"


def diff(root: Path, base: str, head: str, fmt: str) -> str:
    code, out = run_cli("diff", base, head, "--format", fmt, "--site", str(root))
    assert code == 0, out
    return out


def carried(tmp_path: Path) -> tuple[Repo, str, str]:
    """A quarter that ended; ``okrsite carry`` into 2027-Q1 committed on top."""
    repo = Repo(tmp_path / "site")
    repo.write(".gitignore", ".okrsite-cache/\n_site/\n")
    repo.write("okrsite.toml", 'title = "M"\nas_of = 2027-01-05\n')
    repo.write("content/objectives/quarter.md", QUARTER)
    before = repo.commit("Q4", "alice", "2027-01-04T10:00:00+00:00")
    code, said = run_cli("carry", "2026-Q4", "2027-Q1", "--site", str(repo.root))
    assert code == 0, said
    after = repo.commit("carry into 2027-Q1", "alice", "2027-01-05T10:00:00+00:00")
    return repo, before, after


def test_a_carried_draft_has_no_figure_in_the_diff(tmp_path: Path) -> None:
    repo, before, after = carried(tmp_path)
    data = json.loads(diff(repo.root, before, after, "json"))
    (score,) = [s for s in data["scores"] if s["id"] == "quarter-2027-q1"]
    for figure in ("progress", "expected", "confidence", "forecast"):
        assert score[figure] == {"before": None, "after": None}, figure
    assert score["status"] == {"before": None, "after": "draft"}
    assert score["key_results"] == []
    text = diff(repo.root, before, after, "text")
    assert "  quarter-2027-q1: — → —, — → draft (added)" in text.splitlines(), text
    assert "0%" not in text and "expected —" not in text, text
    markdown = diff(repo.root, before, after, "markdown")
    assert "| `quarter-2027-q1` Quarter goal | — → — | — → draft | added |" in markdown
    assert "- `quarter-2027-q1`: progress — → —, status — → draft (added)" in markdown
    assert "0%" not in markdown, markdown


def test_a_draft_set_active_gets_its_figure(tmp_path: Path) -> None:
    repo, _, carry = carried(tmp_path)
    text = (repo.root / DRAFT).read_text("utf-8").replace("status: draft", "status: active")
    repo.write(DRAFT, text)
    active = repo.commit("activate", "alice", "2027-01-05T11:00:00+00:00")
    data = json.loads(diff(repo.root, carry, active, "json"))
    (score,) = data["scores"]
    assert score["progress"]["before"] is None and score["progress"]["after"] is not None
    assert score["status"] == {"before": "draft", "after": "on-track"}
    assert {k["id"]: k["progress"]["before"] for k in score["key_results"]} == {
        "deals": None,
        "ship": None,
    }
    line = f"  quarter-2027-q1: — → {round(score['progress']['after'] * 100)}%"
    assert any(x.startswith(line) for x in diff(repo.root, carry, active, "text").splitlines())


def zoned(tmp_path: Path, language: str = "en") -> tuple[Repo, str, str]:
    """A check-in at 17:00+01:00, then moved to 09:00-08:00 (a later instant)."""
    repo = Repo(tmp_path / "site")
    repo.write(".gitignore", ".okrsite-cache/\n_site/\n")
    repo.write("okrsite.toml", f'title = "M"\nas_of = 2026-12-01\nlanguage = "{language}"\n')
    repo.write("content/objectives/quarter.md", QUARTER)
    repo.write(CHECKIN_FILE, CHECKIN.format(when="2026-11-23T17:00+01:00", deals=31))
    base = repo.commit("check-in", "alice", "2026-11-23T17:00:00+01:00")
    repo.write(CHECKIN_FILE, CHECKIN.format(when="2026-11-23T09:00-08:00", deals=31))
    head = repo.commit("the check-in's zone", "alice", "2026-11-24T10:00:00+00:00")
    return repo, base, head


def test_a_checkins_time_is_shown_with_its_zone(tmp_path: Path) -> None:
    repo, base, head = zoned(tmp_path)
    text = diff(repo.root, base, head, "text")
    assert (
        "  changed 2026-11-23 09:00 (UTC-08:00) objective quarter: time: 17:00+01:00 → 09:00-08:00"
        in text.splitlines()
    ), text
    markdown = diff(repo.root, base, head, "markdown")
    assert "- 2026-11-23 09:00 (UTC-08:00) objective `quarter`: **changed**: time:" in markdown
    data = json.loads(diff(repo.root, base, head, "json"))
    (checkin,) = data["checkins"]
    assert (checkin["time"], checkin["zone"]) == ("09:00", "-08:00")
    assert checkin["fields"] == [
        {"field": "time", "before": "17:00+01:00", "after": "09:00-08:00", "note": None}
    ]


def test_an_added_checkin_shows_its_zone_in_german(tmp_path: Path) -> None:
    repo, base, _ = zoned(tmp_path, "de")
    repo.write(
        "content/checkins/quarter/2026-11-24.md", CHECKIN.format(when="2026-11-24T16:30Z", deals=33)
    )
    repo.write(
        "content/checkins/quarter/2026-11-25.md", CHECKIN.format(when="2026-11-25T08:15", deals=34)
    )
    head = repo.commit("two more", "alice", "2026-11-25T10:00:00+00:00")
    text = diff(repo.root, base, head, "text")
    assert "24.11.2026 16:30 (UTC+00:00) " in text, text
    assert "25.11.2026 08:15 " in text and "08:15 (UTC" not in text, text
    data = json.loads(diff(repo.root, base, head, "json"))
    assert {c["date"]: (c["time"], c["zone"]) for c in data["checkins"]} == {
        "2026-11-24": ("16:30", "+00:00"),
        "2026-11-25": ("08:15", None),
        "2026-11-23": ("09:00", "-08:00"),
    }
