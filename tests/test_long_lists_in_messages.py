"""Messages that list lines or columns name the first few and count the rest.

Found feeding hostile files: a key written 30,000 times gave one OKR007 line
of 199,075 characters listing every line, and ``okrsite import`` of a sheet
with 16,000 extra columns a 148,967-character "columns not imported" line:
both flood a CI log. docs/limits.md: messages show a short excerpt.
"""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli, write_site


def test_a_key_written_many_times_names_ten_lines(tmp_path: Path) -> None:
    body = "".join("cycle: 2026-Q4\n" for _ in range(300))
    site = write_site(
        tmp_path / "s",
        {"okrsite.toml": "", "content/objectives/x.md": f"---\ntitle: X\n{body}---\n"},
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 1
    [line] = [x for x in out.splitlines() if "OKR007" in x]
    assert (
        "key 'cycle' is written 300 times, on lines 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 290 more"
        in line
    )
    assert len(line) < 300
    # two or three are all named, as before
    site = write_site(
        tmp_path / "t",
        {
            "okrsite.toml": "",
            "content/objectives/x.md": "---\ntitle: X\ncycle: 1\ncycle: 2\ncycle: 3\n---\n",
        },
    )
    code, out = run_cli("check", "--site", str(site))
    assert "is written 3 times, on lines 3, 4 and 5" in out


def test_many_columns_not_imported_are_counted(tmp_path: Path) -> None:
    site = tmp_path / "s"
    code, out = run_cli("init", str(site))
    assert code == 0, out
    extra = [f"c{i}" for i in range(500)]
    sheet = tmp_path / "okrs.csv"
    sheet.write_text(
        ",".join(["Objective", "Key result", "Target", *extra])
        + "\n"
        + ",".join(["Grow", "Win deals from 0 to 10", "10", *("x" for _ in extra)])
        + "\n",
        encoding="utf-8",
    )
    code, out = run_cli("import", str(sheet), "--site", str(site), "--dry-run")
    [line] = [x for x in out.splitlines() if "columns not imported" in x]
    assert "'c0', 'c1'" in line and "'c19' and 480 more (read one as a field" in line
    assert len(line) < 400
