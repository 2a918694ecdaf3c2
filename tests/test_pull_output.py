"""okrsite pull: which sources run, what it says it writes, and how the files it
writes look (date order, final line breaks) on real sites through the real CLI."""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

from test_pull import AS_OF, check_ok, run, script, site_with

from okrsite.pipeline import load_site

PY = sys.executable

THREE_SOURCES = (
    '[[sources]]\nname = "nps"\ncommand = ["PY", "scripts/nps.py"]\n'
    '[[sources]]\nname = "arr"\ncommand = ["PY", "scripts/arr.py"]\n'
    '[[sources]]\nname = "sales/emea#logos"\ncommand = ["PY", "scripts/logos.py"]\n'
).replace("PY", PY)


def three_source_site(tmp_path: Path, extra: dict[str, str] | None = None) -> Path:
    """nps (a KPI with no data file yet), arr (a KPI with one) and a key result,
    each filled by a small script printing ``date,value`` lines."""
    site = site_with(tmp_path, THREE_SOURCES, extra)
    script(site, "nps.py", "print('date,value')\nprint('2026-02-01,38')\nprint('2026-03-01,41')\n")
    script(site, "arr.py", "print('2026-02-01,9')\n")
    script(site, "logos.py", "print('2026-02-15,4')\n")
    return site


#: words saying something was written, where nothing may have been
DONE = re.compile(r"(?<!would be )\b(created|linked|wrote|added|updated)\b")


def tree(site: Path) -> dict[str, bytes]:
    """Every file of the site folder, okrsite.toml and scripts included."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_source_may_be_repeated_and_runs_each_named_one(tmp_path: Path) -> None:
    site = three_source_site(tmp_path)
    code, out = run("pull", "--site", str(site), "--source", "arr", "--source", "nps")
    assert code == 0, out
    assert "nps: 2026-03-01 41 (new)" in out and "arr: 2026-02-01 9 (new)" in out
    assert (site / "content/data/nps.csv").read_text() == (
        "date,value\n2026-02-01,38\n2026-03-01,41\n"
    )
    assert (site / "content/data/arr.csv").read_text() == "date,value\n2026-01-01,8\n2026-02-01,9\n"
    assert "logos" not in out  # the source not named did not run
    assert not (site / "content/checkins/sales/emea/2026-02-15.md").exists()
    check_ok(site)


def test_unknown_source_names_are_a_usage_error_naming_the_known_ones(tmp_path: Path) -> None:
    site = three_source_site(tmp_path)
    before = tree(site)
    code, out = run("pull", "--site", str(site), "--source", "arr", "--source", "gone")
    assert code == 2
    assert "no source named 'gone' in okrsite.toml (sources: nps, arr, sales/emea#logos)" in out
    code, out = run("pull", "--site", str(site), "--source", "gone", "--source", "nope")
    assert code == 2 and "no sources named 'gone', 'nope' in okrsite.toml" in out
    assert tree(site) == before  # not even the known source ran
    # a source declared wrongly is no source to run: the usage error comes with the reason
    with (site / "okrsite.toml").open("a") as toml:
        toml.write('[[sources]]\nname = "bad"\ncommand = "python3 bad.py"\n')
    code, out = run("pull", "--site", str(site), "--source", "bad")
    assert code == 2 and "no source named 'bad'" in out
    assert "error PULL001: source 'bad': command must be a list of words" in out


def test_dry_run_says_what_it_would_write_and_writes_nothing(tmp_path: Path) -> None:
    site = three_source_site(tmp_path)
    before = tree(site)
    code, out = run("pull", "--site", str(site), "--dry-run")
    assert code == 0, out
    assert (
        "okrsite: would create content/data/nps.csv with 2 values "
        "and link it from content/kpis/nps.md" in out
    )
    assert "okrsite: would add 1 value to content/data/arr.csv" in out
    assert "okrsite: would write content/checkins/sales/emea/2026-02-15.md" in out
    assert "okrsite: dry run: 4 files would be written; nothing was written" in out
    assert not DONE.search(out), out
    assert tree(site) == before
    # a replaced value too is said as what would happen
    script(site, "arr.py", "print('2026-01-01,8.5')\n")
    before = tree(site)
    code, out = run("pull", "--site", str(site), "--dry-run", "--update", "--source", "arr")
    assert code == 0, out
    assert "arr: 2026-01-01 8 -> 8.5 (would be updated)" in out
    assert "okrsite: would update 1 value in content/data/arr.csv" in out
    assert not DONE.search(out), out
    assert tree(site) == before
    # the real run says what it did
    code, out = run("pull", "--site", str(site), "--update")
    assert code == 0, out
    assert (
        "okrsite: created content/data/nps.csv with 2 values "
        "and linked it from content/kpis/nps.md" in out
    )
    assert "arr: 2026-01-01 8 -> 8.5 (updated)" in out
    assert "okrsite: updated 1 value in content/data/arr.csv" in out
    assert "okrsite: wrote content/checkins/sales/emea/2026-02-15.md" in out
    assert "dry run" not in out
    check_ok(site)


def test_rows_are_merged_into_the_data_file_by_date(tmp_path: Path) -> None:
    """A source printing its dates in any order leaves the data file in date
    order: new rows go among the old ones, not after them."""
    site = site_with(
        tmp_path,
        '[[sources]]\nname = "arr"\nfile = "arr.csv"\n'
        '[[sources]]\nname = "nps"\nfile = "nps.csv"\n'
        '[[sources]]\nname = "sales/emea#logos"\nfile = "logos.csv"\n',
        {"content/data/arr.csv": "date,value\n2026-01-01,8\n2026-03-01,9\n"},
    )
    (site / "arr.csv").write_text("2026-04-01,10\n2026-02-01,8.5\n2026-03-01,9\n")
    (site / "nps.csv").write_text("2026-03-01,41\n2026-02-01,38\n")
    (site / "logos.csv").write_text("2026-03-15,7\n2026-02-15,4\n")
    code, out = run("pull", "--site", str(site))
    assert code == 0, out
    assert (site / "content/data/arr.csv").read_text() == (
        "date,value\n2026-01-01,8\n2026-02-01,8.5\n2026-03-01,9\n2026-04-01,10\n"
    )
    assert (site / "content/data/nps.csv").read_text() == (
        "date,value\n2026-02-01,38\n2026-03-01,41\n"
    )
    assert out.index("nps: 2026-02-01 38 (new)") < out.index("nps: 2026-03-01 41 (new)")
    assert out.index("logos: 2026-02-15 4 (new)") < out.index("logos: 2026-03-15 7 (new)")
    check_ok(site)
    kpi = load_site(site, AS_OF).scored.kpis["arr"]
    assert (kpi.value, kpi.date) == (9, date(2026, 3, 1))


def test_a_file_written_newest_first_stays_newest_first(tmp_path: Path) -> None:
    site = site_with(
        tmp_path,
        '[[sources]]\nname = "arr"\nfile = "arr.csv"\n',
        {"content/data/arr.csv": "Datum;Wert\n01.03.2026;9\n01.01.2026;8,25\n"},
    )
    (site / "arr.csv").write_text("2026-02-01,8.5\n2026-04-01,10\n")
    code, out = run("pull", "--site", str(site))
    assert code == 0, out
    assert (site / "content/data/arr.csv").read_text() == (
        "Datum;Wert\n01.04.2026;10\n01.03.2026;9\n01.02.2026;8,5\n01.01.2026;8,25\n"
    )
    check_ok(site)


def test_a_file_in_the_user_s_own_order_is_left_alone_unless_rows_are_added(
    tmp_path: Path,
) -> None:
    """Nothing new: the file is not touched. A replaced value (--update) is
    rewritten in its row, the others stay where they are. Only new rows bring
    the file into date order."""
    written = "date,value\n2026-02-01,8.5\n2026-01-01,8\n2026-03-01,9\n"
    site = site_with(
        tmp_path,
        '[[sources]]\nname = "arr"\nfile = "arr.csv"\n',
        {"content/data/arr.csv": written},
    )
    (site / "arr.csv").write_text("2026-03-01,9\n2026-01-01,8\n")
    code, out = run("pull", "--site", str(site))
    assert code == 0 and "nothing new (2 values already there)" in out, out
    assert (site / "content/data/arr.csv").read_text() == written
    (site / "arr.csv").write_text("2026-01-01,7\n")
    code, out = run("pull", "--site", str(site), "--update")
    assert code == 0, out
    assert (site / "content/data/arr.csv").read_text() == (
        "date,value\n2026-02-01,8.5\n2026-01-01,7\n2026-03-01,9\n"
    )
    (site / "arr.csv").write_text("2026-04-01,10\n")
    code, out = run("pull", "--site", str(site))
    assert code == 0, out
    assert (site / "content/data/arr.csv").read_text() == (
        "date,value\n2026-01-01,7\n2026-02-01,8.5\n2026-03-01,9\n2026-04-01,10\n"
    )
    check_ok(site)


def test_a_row_the_site_already_refuses_does_not_stop_rows_merged_before_it(
    tmp_path: Path,
) -> None:
    """The error of a bad row moves down a line when a row goes in before it;
    it is the same error, not one the pull made."""
    site = site_with(
        tmp_path,
        '[[sources]]\nname = "arr"\nfile = "arr.csv"\n',
        {"content/data/arr.csv": "date,value\n2026-01-01,8\n2026-03-01,lots\n"},
    )
    (site / "arr.csv").write_text("2026-02-01,8.5\n")
    code, out = run("pull", "--site", str(site))
    assert code == 0, out
    assert (site / "content/data/arr.csv").read_text() == (
        "date,value\n2026-01-01,8\n2026-02-01,8.5\n2026-03-01,lots\n"
    )
    code, out = run("check", "--site", str(site))
    assert "content/data/arr.csv:4:" in out and "'lots' is not a number" in out, out


def test_files_pull_writes_end_with_a_line_break(tmp_path: Path) -> None:
    """A KPI file and a data file saved without a final line break get one
    when pull writes them, and only then; line endings stay as written."""
    site = site_with(
        tmp_path,
        '[[sources]]\nname = "nps"\nfile = "nps.csv"\n[[sources]]\nname = "arr"\nfile = "arr.csv"\n',
    )
    (site / "content/kpis/nps.md").write_bytes(
        b"---\ntitle: Net Promoter Score\nthresholds: {green: 40, red: 20}\n---"
    )
    (site / "content/data/arr.csv").write_bytes(b"date,value\n2026-01-01,8")
    (site / "nps.csv").write_text("2026-02-01,38\n")
    (site / "arr.csv").write_text("2026-01-01,8\n")
    code, out = run("pull", "--site", str(site))
    assert code == 0, out
    assert (site / "content/kpis/nps.md").read_bytes() == (
        b"---\ntitle: Net Promoter Score\nthresholds: {green: 40, red: 20}\n"
        b"data: data/nps.csv\n---\n"
    )
    assert (site / "content/data/nps.csv").read_bytes() == b"date,value\n2026-02-01,38\n"
    # nothing new for arr: its file keeps its last line as it was
    assert (site / "content/data/arr.csv").read_bytes() == b"date,value\n2026-01-01,8"
    (site / "arr.csv").write_text("2026-02-01,9\n")
    code, out = run("pull", "--site", str(site))
    assert code == 0, out
    assert (site / "content/data/arr.csv").read_bytes() == (
        b"date,value\n2026-01-01,8\n2026-02-01,9\n"
    )
    check_ok(site)


def test_windows_line_endings_are_kept(tmp_path: Path) -> None:
    site = site_with(
        tmp_path,
        '[[sources]]\nname = "nps"\nfile = "nps.csv"\n[[sources]]\nname = "arr"\nfile = "arr.csv"\n',
    )
    (site / "content/kpis/nps.md").write_bytes(
        b"---\r\ntitle: NPS\r\nthresholds: {green: 40, red: 20}\r\n---\r\nAsked monthly.\r\n"
    )
    (site / "content/data/arr.csv").write_bytes(b"date,value\r\n2026-01-01,8\r\n")
    (site / "nps.csv").write_text("2026-02-01,38\n")
    (site / "arr.csv").write_text("2026-02-01,9\n")
    code, out = run("pull", "--site", str(site))
    assert code == 0, out
    assert (site / "content/kpis/nps.md").read_bytes() == (
        b"---\r\ntitle: NPS\r\nthresholds: {green: 40, red: 20}\r\n"
        b"data: data/nps.csv\r\n---\r\nAsked monthly.\r\n"
    )
    assert (site / "content/data/arr.csv").read_bytes() == (
        b"date,value\r\n2026-01-01,8\r\n2026-02-01,9\r\n"
    )
    check_ok(site)


def test_counts_are_said_in_the_singular_and_plural(tmp_path: Path) -> None:
    site = site_with(
        tmp_path,
        '[[sources]]\nname = "arr"\nfile = "arr.csv"\n'
        '[[sources]]\nname = "nps"\nfile = "nps.csv"\n'
        '[[sources]]\nname = "sales/emea#logos"\nfile = "none.csv"\n',
    )
    (site / "arr.csv").write_text("2026-02-01,9\n")
    (site / "nps.csv").write_text("2026-02-01,38\n2026-03-01,41\n")
    (site / "none.csv").write_text("date,value\n")
    code, out = run("pull", "--site", str(site))
    assert code == 0, out
    assert "okrsite: added 1 value to content/data/arr.csv" in out
    assert "created content/data/nps.csv with 2 values" in out
    assert "source 'sales/emea#logos': the source gave no values; nothing to write" in out
    code, out = run("pull", "--site", str(site))
    assert "source 'arr': nothing new (1 value already there)" in out
    assert "source 'nps': nothing new (2 values already there)" in out
    (site / "arr.csv").write_text("2026-02-01,9.5\n2026-01-01,8\n")
    code, out = run("pull", "--site", str(site))
    assert "source 'arr': nothing new (1 value already there, 1 with another value)" in out
    (site / "arr.csv").write_text("2026-02-01,lots\n")
    code, out = run("pull", "--site", str(site))
    assert code == 1 and "okrsite: pull: 1 source failed" in out, out
    (site / "nps.csv").write_text("2026-02-01,many\n")
    code, out = run("pull", "--site", str(site))
    assert code == 1 and "okrsite: pull: 2 sources failed" in out, out
    (site / "okrsite.toml").write_text(
        f'title = "Pull"\nas_of = {AS_OF}\n[[sources]]\nname = "arr"\nfile = "a.csv"\nevery = 1\n'
    )
    code, out = run("pull", "--site", str(site))
    assert "unknown key every" in out, out
    assert "(s)" not in out and not re.search(r"\b1 (values|files|sources|keys)\b", out)


def test_import_counts_files_in_the_singular_and_plural(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "okrsite.toml").write_text(f'title = "Imported"\nas_of = {AS_OF}\n')
    sheet = tmp_path / "okrs.csv"
    sheet.write_text(
        "Objective,Key result,Owner,Cycle,Start,Target\n"
        "Grow EMEA,Win 10 logos,Uma Diaz,2026-Q1,0,10\n"
    )
    code, out = run("import", str(sheet), "--site", str(site), "--dry-run")
    assert code == 0 and "okrsite: dry run: 1 file would be written, 0 skipped" in out, out
    code, out = run("import", str(sheet), "--site", str(site))
    assert code == 0 and "okrsite: imported 1 file, 0 skipped" in out, out
    sheet.write_text(
        "Objective,Key result,Owner,Cycle,Start,Target\n"
        "Grow EMEA,Win 10 logos,Uma Diaz,2026-Q1,0,10\n"
        "Keep customers,Renew 90% of contracts,Uma Diaz,2026-Q1,80,90\n"
        "Hire well,Hire 5 engineers,Uma Diaz,2026-Q1,0,5\n"
    )
    code, out = run("import", str(sheet), "--site", str(site))
    assert code == 0 and "okrsite: imported 2 files, 1 skipped" in out, out
    check_ok(site)


def test_the_review_lines_carry_every_digit_the_file_gets(tmp_path: Path) -> None:
    """4,700,000.50 pulled over a site's 4,700,000.5 and a new 220,500.75: the
    lines say 4700000.5 and 220500.75 as the file is given them, never
    4.7e+06 or 220501, so a reviewer can tell a changed figure from an
    unchanged one."""
    site = three_source_site(tmp_path)
    (site / "content/data/arr.csv").write_text("date,value\n2026-01-01,4700000.5\n")
    script(site, "arr.py", "print('2026-01-01,4700001')\nprint('2026-02-01,220500.75')\n")
    code, out = run("pull", "--site", str(site), "--source", "arr", "--update")
    assert code == 0, out
    assert "arr: 2026-02-01 220500.75 (new)" in out
    assert "arr: 2026-01-01 4700000.5 -> 4700001 (updated)" in out
    assert "e+06" not in out
    assert "2026-02-01,220500.75" in (site / "content/data/arr.csv").read_text()
