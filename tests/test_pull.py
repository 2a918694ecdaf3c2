"""okrsite pull: values from commands, files and a real HTTP server into the site."""

from __future__ import annotations

import csv
import io
import sys
import threading
import time
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write_site

from okrsite.cli import cli
from okrsite.pipeline import load_site

AS_OF = date(2026, 3, 31)
PY = sys.executable


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.output


def site_with(tmp_path: Path, sources: str, extra: dict[str, str] | None = None) -> Path:
    files = {
        "okrsite.toml": f'title = "Pull"\nas_of = {AS_OF}\n' + sources,
        "content/kpis/nps.md": """
            ---
            title: Net Promoter Score
            unit: points
            thresholds: {green: 40, red: 20}
            values: {2026-01-01: 35}
            ---
            Asked every month.
        """,
        "content/kpis/arr.md": """
            ---
            title: ARR
            thresholds: {green: 10, red: 5}
            data: data/arr.csv
            ---
        """,
        "content/data/arr.csv": "date,value\n2026-01-01,8\n",
        "content/objectives/sales/emea.md": """
            ---
            title: Grow EMEA
            cycle: 2026-Q1
            key_results:
              - id: logos
                title: Win 10 logos
                start: 0
                target: 10
            ---
        """,
        "content/checkins/sales/emea/2026-01-15.md": """
            ---
            objective: sales/emea
            date: 2026-01-15
            values: {logos: 2}
            ---
        """,
        **(extra or {}),
    }
    return write_site(tmp_path / "site", files)


def script(site: Path, name: str, body: str) -> str:
    path = site / "scripts" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return f"scripts/{name}"


def snapshot(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted((site / "content").rglob("*"))
        if p.is_file()
    }


def check_ok(site: Path) -> None:
    code, out = run("check", "--site", str(site))
    assert code == 0 and " 0 errors" in out, out


def test_command_fills_a_kpi_csv_created_and_linked(tmp_path: Path) -> None:
    site = site_with(
        tmp_path,
        '[[sources]]\nname = "nps"\ncommand = ["PY", "scripts/nps.py"]\n'.replace("PY", PY),
    )
    script(site, "nps.py", "print('date,value')\nprint('2026-02-01,38')\nprint('2026-03-01,41')\n")
    code, out = run("pull", "--site", str(site))
    assert code == 0, out
    assert "nps: 2026-03-01 41 (new)" in out
    kpi_text = (site / "content/kpis/nps.md").read_text()
    assert "data: data/nps.csv" in kpi_text and "Asked every month." in kpi_text
    rows = list(csv.reader(io.StringIO((site / "content/data/nps.csv").read_text())))
    assert rows == [["date", "value"], ["2026-02-01", "38"], ["2026-03-01", "41"]]
    check_ok(site)
    kpi = load_site(site, AS_OF).scored.kpis["nps"]
    assert (kpi.value, kpi.date) == (41, date(2026, 3, 1))
    # a second pull finds every date already there and writes nothing
    before = snapshot(site)
    code, out = run("pull", "--site", str(site))
    assert code == 0 and "nothing new" in out
    assert snapshot(site) == before


def test_file_source_writes_key_result_checkins(tmp_path: Path) -> None:
    site = site_with(
        tmp_path, '[[sources]]\nname = "sales/emea#logos"\nfile = "exports/logos.json"\n'
    )
    (site / "exports").mkdir()
    (site / "exports/logos.json").write_text(
        '[{"date": "2026-01-15", "value": 2}, {"date": "2026-02-15", "value": "4"},'
        ' {"date": "2026-03-15", "value": 7}]'
    )
    code, out = run("pull", "--site", str(site), "--dry-run")
    assert code == 0 and "would write content/checkins/sales/emea/2026-02-15.md" in out
    assert not (site / "content/checkins/sales/emea/2026-02-15.md").exists()
    code, out = run("pull", "--site", str(site))
    assert code == 0, out
    assert (site / "content/checkins/sales/emea/2026-03-15.md").is_file()
    check_ok(site)
    scored = load_site(site, AS_OF).scored.objectives["sales/emea"]
    assert scored.key_results["logos"].current == 7


def test_duplicate_dates_reported_and_updated_only_with_update(tmp_path: Path) -> None:
    site = site_with(
        tmp_path,
        '[[sources]]\nname = "arr"\nfile = "arr.csv"\n'
        '[[sources]]\nname = "sales/emea#logos"\nfile = "logos.csv"\n',
    )
    (site / "arr.csv").write_text("2026-01-01,9\n2026-02-01,9.5\n")
    (site / "logos.csv").write_text("2026-01-15,3\n")
    code, out = run("pull", "--site", str(site))
    assert code == 0, out
    assert "arr: 2026-01-01 has 8, the source says 9 (not changed; --update replaces it)" in out
    assert "sales/emea#logos: 2026-01-15 has 2, the source says 3" in out
    assert (
        site / "content/data/arr.csv"
    ).read_text() == "date,value\n2026-01-01,8\n2026-02-01,9.5\n"
    code, out = run("pull", "--site", str(site), "--update")
    assert code == 0 and "2026-01-01 8 -> 9 (updated)" in out, out
    assert (
        site / "content/data/arr.csv"
    ).read_text() == "date,value\n2026-01-01,9\n2026-02-01,9.5\n"
    check_ok(site)
    scored = load_site(site, date(2026, 1, 31)).scored.objectives["sales/emea"]
    assert scored.key_results["logos"].current == 3


def test_rows_added_to_a_german_excel_file_are_written_as_its_rows_are(tmp_path: Path) -> None:
    """A data file saved by Excel in much of Europe (``Datum;Wert``, dotted
    dates, decimal commas) gets new rows in its own convention, and an update
    finds its row by the date it means, however the date is written."""
    site = site_with(
        tmp_path,
        '[[sources]]\nname = "arr"\nfile = "arr.csv"\n',
        {"content/data/arr.csv": "Datum;Wert\n01.01.2026;8,25\n"},
    )
    (site / "arr.csv").write_text("2026-01-01,9\n2026-02-01,9.5\n")
    code, out = run("pull", "--site", str(site), "--update")
    assert code == 0, out
    assert "2026-01-01 8.25 -> 9 (updated)" in out, out
    assert (site / "content/data/arr.csv").read_text() == (
        "Datum;Wert\n01.01.2026;9\n01.02.2026;9,5\n"
    )
    check_ok(site)
    kpi = load_site(site, AS_OF).scored.kpis["arr"]
    assert (kpi.value, kpi.date) == (9.5, date(2026, 2, 1))


def test_a_source_saved_by_german_excel_is_read_and_written_in_the_kpi_file_s_style(
    tmp_path: Path,
) -> None:
    """The source's ``Datum;Wert`` and ``01.02.2026;9,5`` are read as the KPI's
    data file would read them, and written as that file writes its rows."""
    site = site_with(tmp_path, '[[sources]]\nname = "arr"\nfile = "arr.csv"\n')
    (site / "arr.csv").write_text("Datum;Wert\n01.02.2026;9,5\n01.03.2026;1.234,5\n")
    code, out = run("pull", "--site", str(site))
    assert code == 0, out
    assert (site / "content/data/arr.csv").read_text() == (
        "date,value\n2026-01-01,8\n2026-02-01,9.5\n2026-03-01,1234.5\n"
    )
    (site / "arr.csv").write_text("date;value\n2026-04-01;1.234\n")
    code, out = run("pull", "--site", str(site))
    assert code == 1 and "'1.234' is not a number" in out, out


class _Handler(BaseHTTPRequestHandler):
    body = b""
    seen_headers: list[str | None] = []

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        _Handler.seen_headers.append(self.headers.get("Authorization"))
        if self.headers.get("Authorization") != "Bearer s3cret":
            self.send_response(401)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/csv")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def http_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/arr.csv"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_url_source_with_a_header_from_the_environment(
    tmp_path: Path, http_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _Handler.body = b"date,value\n2026-02-01,8.7\n2026-03-01,9.1\n"
    site = site_with(
        tmp_path,
        f'[[sources]]\nname = "arr"\nurl = "{http_url}"\n'
        'header = "Authorization"\nheader_env = "ARR_TOKEN"\n',
    )
    monkeypatch.delenv("ARR_TOKEN", raising=False)
    code, out = run("pull", "--site", str(site))
    assert code == 1 and "ARR_TOKEN is not set" in out
    monkeypatch.setenv("ARR_TOKEN", "Bearer wrong")
    code, out = run("pull", "--site", str(site))
    assert code == 1 and "HTTP 401" in out
    monkeypatch.setenv("ARR_TOKEN", "Bearer s3cret")
    code, out = run("pull", "--site", str(site))
    assert code == 0, out
    assert (site / "content/data/arr.csv").read_text().splitlines()[-2:] == [
        "2026-02-01,8.7",
        "2026-03-01,9.1",
    ]
    check_ok(site)


def test_failing_sources_change_nothing_and_others_go_on(tmp_path: Path) -> None:
    site = site_with(
        tmp_path,
        '[[sources]]\nname = "nps"\ncommand = ["PY", "scripts/fail.py"]\n'
        '[[sources]]\nname = "arr"\ncommand = ["PY", "scripts/bad.py"]\n'
        '[[sources]]\nname = "sales/emea#logos"\ncommand = ["PY", "scripts/good.py"]\n'
        '[[sources]]\nname = "nope"\nfile = "scripts/good.py"\n'.replace("PY", PY),
    )
    script(site, "fail.py", "import sys\nprint('2026-02-01,40')\nsys.exit('database is down')\n")
    script(site, "bad.py", "print('2026-02-01,9')\nprint('2026-03-01,about ten')\n")
    script(site, "good.py", "print('2026-02-20,5')\n")
    before = snapshot(site)
    code, out = run("pull", "--site", str(site))
    assert code == 1
    assert "source 'nps' failed" in out and "exited with code 1: database is down" in out
    assert "source 'arr' failed" in out and "line 2 '2026-03-01,about ten'" in out
    assert "'about ten' is not a number" in out
    assert "source 'nope' failed" in out and "no KPI 'nope'" in out
    after = snapshot(site)
    new = sorted(set(after) - set(before))
    assert new == ["content/checkins/sales/emea/2026-02-20.md"]
    assert {k: v for k, v in after.items() if k in before} == before


def test_timeout_stops_the_command(tmp_path: Path) -> None:
    site = site_with(
        tmp_path,
        '[[sources]]\nname = "nps"\ncommand = ["PY", "scripts/slow.py"]\ntimeout = 1\n'.replace(
            "PY", PY
        ),
    )
    script(
        site,
        "slow.py",
        "import subprocess, sys, time\n"
        "print('2026-02-01,40', flush=True)\n"
        # a child that would hold the output open: killed with its group
        "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        "time.sleep(60)\n",
    )
    before = snapshot(site)
    started = time.monotonic()
    code, out = run("pull", "--site", str(site), "--source", "nps")
    assert time.monotonic() - started < 15
    assert code == 1 and "did not finish within 1 s (timeout)" in out
    assert snapshot(site) == before


def test_bad_declarations_and_unknown_source(tmp_path: Path) -> None:
    site = site_with(
        tmp_path,
        '[[sources]]\nname = "nps"\ncommand = "python3 x.py"\n'
        '[[sources]]\nname = "arr"\nfile = "a.csv"\nurl = "https://x"\n',
    )
    code, out = run("pull", "--site", str(site))
    assert code == 1 and "command must be a list of words" in out
    assert "exactly one of command, file or url" in out
    code, out = run("pull", "--site", str(site), "--source", "gone")
    assert code == 2 and "no source named 'gone'" in out
    # check never runs sources, and reports each one pull refuses at its line
    # (CFG019): a pull request's review must not pass a source pull would refuse
    code, out = run("check", "--site", str(site))
    assert code == 1 and "CFG010" not in out, out
    assert "okrsite.toml:4: error CFG019: source 'nps': command must be a list of words" in out
    assert "okrsite.toml:7: error CFG019: source 'arr' needs exactly one of" in out


def test_build_check_and_export_never_run_sources(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    site = site_with(
        tmp_path,
        '[[sources]]\nname = "nps"\ncommand = ["PY", "-c", "open(r\'MARK\', \'w\')"]\n'.replace(
            "PY", PY
        ).replace("MARK", str(marker)),
    )
    for command in (["check"], ["build"], ["export"]):
        code, out = run(*command, "--site", str(site))
        assert code == 0, out
    assert not marker.exists()
    code, out = run("pull", "--site", str(site), "--dry-run")
    assert marker.exists()  # the same declaration does run in okrsite pull
