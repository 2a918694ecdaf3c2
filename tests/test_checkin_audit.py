"""``okrsite checkin`` as a new user meets it: refusals point at what to fix
(a target for a roll-up nothing is aligned to, the milestones to tick), not
at a file that was never written, and a milestone typed as the objective's
file writes a done one is ticked. Each test builds a real site and runs the
real command."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import run_cli

from okrsite.scaffold import init_site

DAY = date(2026, 11, 2)

EMEA = """---
title: Win EMEA mid-market
cycle: 2026-Q4
owner: alex
key_results:
  - Grow EMEA pipeline from €1.2M to €2M
  - {id: nps, title: Partner NPS, start: 20, target: 40}
  - id: partner
    title: Sign the DACH reseller
    done: false
---
"""

OUTBOUND = """---
title: Build an outbound engine
cycle: 2026-Q4
owner: alex
key_results:
  - Book 60 meetings
  - id: playbook
    title: Outbound playbook live
    milestones:
      - "[x] Draft written"
      - Reviewed with Sales
---
"""


def run(site: Path, *args: str) -> tuple[int, str]:
    return run_cli(*args, "--site", str(site))


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "s"
    init_site(root, today=DAY)
    folder = root / "content/objectives/sales"
    folder.mkdir(parents=True)
    (folder / "emea.md").write_text(EMEA, encoding="utf-8")
    (folder / "outbound.md").write_text(OUTBOUND, encoding="utf-8")
    return root


def checkins(site: Path, oid: str) -> list[str]:
    folder = site / "content/checkins" / oid
    return sorted(p.name for p in folder.glob("*.md")) if folder.exists() else []


def test_a_roll_up_with_nothing_aligned_says_to_give_it_a_target(site: Path) -> None:
    code, out = run(site, "checkin", "sales/outbound", "--set", "kr1=20", "--date", "2026-12-03")
    assert code == 1, out
    assert "comes from the objectives aligned to it" not in out
    assert (
        "nothing is aligned to it (sales/outbound#kr1), so it measures nothing: give it a "
        "target in content/objectives/sales/outbound.md, written as "
        "- {title: Book 60 meetings, start: 0, target: 60}" in out
    ), out
    assert checkins(site, "sales/outbound") == []
    # once an objective is aligned to it, its progress does come from there
    (site / "content/objectives/sales/meetings.md").write_text(
        "---\ntitle: Meetings\ncycle: 2026-Q4\nowner: alex\nparent: sales/outbound#kr1\n"
        "key_results:\n  - {id: m, title: M, target: 3}\n---\n",
        encoding="utf-8",
    )
    code, out = run(site, "checkin", "sales/outbound", "--set", "kr1=20", "--date", "2026-12-03")
    assert code == 1, out
    assert "(hint: its progress comes from the objectives aligned to it)" in out


def test_a_number_for_a_checklist_names_the_milestones_to_tick(site: Path) -> None:
    code, out = run(
        site, "checkin", "sales/outbound", "--set", "playbook=2", "--date", "2026-12-03"
    )
    assert code == 1, out
    assert (
        'tick one by its name: okrsite checkin sales/outbound --set "playbook=Reviewed with '
        "Sales\" (not done yet: 'Reviewed with Sales')" in out
    ), out


def test_refusals_name_the_key_result_not_a_file_never_written(site: Path) -> None:
    code, out = run(site, "checkin", "sales/outbound", "--set", "kr1=20", "--date", "2026-12-03")
    assert code == 1, out
    assert "2026-12-03.md:4:" not in out
    assert out.startswith(
        "--set kr1=20 (key result kr1 of content/objectives/sales/outbound.md; "
        "content/checkins/sales/outbound/2026-12-03.md not written): error OKR307: "
    ), out
    code, out = run(site, "checkin", "sales/outbound", "--set", "playbook=2", "--confidence", "11")
    assert code == 1, out
    assert "--confidence 11 (content/checkins/sales/outbound/" in out
    assert "--set playbook=2 (key result playbook of content/objectives/sales/outbound.md;" in out
    assert not (site / "content/checkins/sales/outbound").exists()


@pytest.mark.parametrize("typed", ["[x] Reviewed with Sales", "[X] reviewed"])
def test_a_milestone_typed_ticked_as_the_docs_write_it_is_ticked(site: Path, typed: str) -> None:
    code, out = run(site, "checkin", "sales/outbound", "--set", f"playbook={typed}")
    assert code == 0, out
    assert "ticked milestone 'Reviewed with Sales' of playbook" in out
    text = (site / "content/objectives/sales/outbound.md").read_text(encoding="utf-8")
    assert "- {title: Reviewed with Sales, done: true}" in text
    assert '- "[x] Draft written"' in text


def test_a_milestone_typed_unticked_is_refused_with_where_to_untick_it(site: Path) -> None:
    before = (site / "content/objectives/sales/outbound.md").read_text(encoding="utf-8")
    code, out = run(site, "checkin", "sales/outbound", "--set", "playbook=[ ] Draft written")
    assert code == 2, out  # a usage refusal, as a name that fits no milestone is
    assert "only ticks milestones: to untick it, set its done: false in " in out
    assert "content/objectives/sales/outbound.md" in out
    # one that is not done already: said, nothing to change
    code, out = run(site, "checkin", "sales/outbound", "--set", "playbook=[ ] Reviewed")
    assert code == 0, out
    assert "milestone 'Reviewed with Sales' of playbook is not done already" in out
    after = (site / "content/objectives/sales/outbound.md").read_text(encoding="utf-8")
    assert after == before
    assert checkins(site, "sales/outbound") == []
