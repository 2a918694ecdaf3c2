"""The dashboard's "what changed" takes the check-ins of every cycle running
on as_of, as its "needs attention" takes their objectives: a year's
objective around the current quarter moved this week too, and a program
lead reads both in one list (an upcoming or ended cycle's stay out)."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_cli, write_site


def _objective(title: str, cycle: str) -> str:
    return (
        f"---\ntitle: {title}\ncycle: {cycle}\nowner: Uma\nkey_results:\n"
        "  - {id: a, title: A, start: 0, target: 10}\n"
        "  - {id: b, title: B, start: 0, target: 10, current: 5}\n---\n"
    )


def test_what_changed_lists_the_check_ins_of_every_running_cycle(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'as_of = "2026-11-20"\ndefault_cycle = "2026-Q4"\n',
            "content/objectives/quarter.md": _objective("Quarter goal", "2026-Q4"),
            "content/objectives/year.md": _objective("Year goal", "2026"),
            "content/objectives/next.md": _objective("Next quarter goal", "2027-Q1"),
            "content/checkins/quarter/2026-11-18.md": "---\nvalues: {a: 3}\n---\n",
            "content/checkins/year/2026-11-19.md": "---\nvalues: {a: 4}\n---\n",
            "content/checkins/next/2026-11-19.md": "---\nvalues: {a: 1}\n---\n",
        },
    )
    out = tmp_path / "out"
    code, output = run_cli("build", "--site", str(site), "--out", str(out))
    assert code == 0, output
    page = (out / "index.html").read_text(encoding="utf-8")
    changes = page.split('id="changes"', 1)[1].split("</section>", 1)[0]
    titles = re.findall(r'<a href="objectives/[^"]+"><bdi>([^<]+)</bdi></a>', changes)
    assert titles == ["Year goal", "Quarter goal"], changes
    meta = re.sub(r"<[^>]+>", "", changes.split('<p class="meta">', 1)[1].split("</p>", 1)[0])
    assert meta == (
        "Check-ins of the objectives of 2026-Q4 and of 2026, running now, and of KPIs, "
        "from 2026-11-14 to 2026-11-20."
    ), meta
