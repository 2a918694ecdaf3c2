"""``okrsite pull`` took a date whose data-file row the site refuses for free
(fix 48, pulldup).

On a German site (``language = "de"``) a comma-separated data file's quoted
``"1,455"`` reads two ways and is refused (OKR203), so the loader has no
reading for 2026-11-09; ``pull`` then appended ``2026-11-09,1460`` beside
it, and once the row was fixed the file held two readings of one date. A
date the data file has is taken, as docs/pull.md says, read or not: pull
writes no second row for it, with or without ``--update``, says which row
to fix and why, and still writes the source's other dates. Real files,
through the real CLI.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli, write_site

ROWS = 'date,value\n2026-11-02,1200\n2026-11-09,"1,455"\n'


def german_site(root: Path, source: str) -> Path:
    return write_site(
        root,
        {
            "okrsite.toml": 'title = "Ziele"\nlanguage = "de"\n'
            '[[sources]]\nname = "tickets"\nfile = "src/tickets.csv"\n',
            "content/kpis/tickets.md": "---\ntitle: Tickets\ndata: data/tickets.csv\n"
            "target: 2000\n---\n",
            "content/data/tickets.csv": ROWS.encode(),
            "src/tickets.csv": source,
        },
    )


@pytest.mark.parametrize("update", [False, True], ids=["plain", "update"])
def test_pull_writes_no_second_row_beside_a_row_the_site_refuses(
    tmp_path: Path, update: bool
) -> None:
    site = german_site(tmp_path / "site", "date,value\n2026-11-09,1460\n")
    code, out = run_cli("pull", "--site", str(site), *(["--update"] if update else []))
    assert code == 0, out
    assert (site / "content/data/tickets.csv").read_bytes() == ROWS.encode(), out
    assert (
        "tickets: 2026-11-09: not written (the source says 1460): the data file's row of this "
        "date is one the site cannot read, content/data/tickets.csv:3:12: error OKR203: "
        "'1,455' is not a number"
    ) in out, out
    assert "fix that row in content/data/tickets.csv, then pull again" in out, out
    assert "okrsite: source 'tickets': nothing new (1 on a row the site cannot read)" in out
    assert "(new)" not in out, out


def test_the_sources_other_dates_are_still_written(tmp_path: Path) -> None:
    site = german_site(tmp_path / "site", "date,value\n2026-11-09,1460\n2026-11-16,1500\n")
    code, out = run_cli("pull", "--site", str(site))
    assert code == 0, out
    assert (site / "content/data/tickets.csv").read_text() == ROWS + "2026-11-16,1500\n", out
    assert "tickets: 2026-11-16 1500 (new)" in out and "2026-11-09 1460" not in out, out
    # once the row is fixed, the date has one reading: the one written there
    (site / "content/data/tickets.csv").write_text(
        ROWS.replace('"1,455"', "1455") + "2026-11-16,1500\n"
    )
    code, out = run_cli("pull", "--site", str(site))
    assert code == 0, out
    assert "2026-11-09 has 1455, the source says 1460" in out, out
