"""Audit 48 (a new team adopting okrsite): init, check-in dates and figures, CI placeholder.

- ``okrsite init .`` in a goals repository with CONTRIBUTING.md and docs/
  was refused ("not empty") without saying what to do; init writes only
  ``okrsite.toml``, ``content/`` and a missing ``.gitignore``, so it now
  starts the site beside such files, and where one of its own paths exists
  it says the ways forward.
- ``okrsite checkin … --date DAY`` wrote a bare date on a day with timed
  check-ins, so the check-in was read before them (OKR311) and the value
  just entered did not count; it is stamped now (today) or the minute
  after the day's last check-in.
- ``--set "revenue=€1,400,000"`` was written as typed while ``1.35M`` was
  written as the number: both are written as the number the loader reads.
- docs/ci's ``OKRSITE_INSTALL: "okrsite"`` failed with a bare pip error.
"""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest
import yaml
from conftest import run_cli as run

from okrsite.scaffold import init_site

DAY = date(2026, 11, 2)
CI = Path(__file__).resolve().parent.parent / "docs" / "ci"


def _current(site: Path, objective: str, kr: str, as_of: str) -> float:
    code, out = run("export", "--site", str(site), "--as-of", as_of)
    assert code == 0, out
    data = json.loads(out[out.index("{") :])
    obj = next(o for o in data["objectives"] if o["id"] == objective)
    return float(next(k for k in obj["key_results"] if k["id"] == kr)["current"])


# ------------------------------------------------------------------ init
def test_init_starts_a_site_beside_a_repositorys_other_files(tmp_path: Path) -> None:
    repo = tmp_path / "goals-repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "docs").mkdir()
    (repo / "README.md").write_text("# Goals\n")
    (repo / "CONTRIBUTING.md").write_text("Be kind.\n")
    (repo / "docs" / "index.md").write_text("# Docs\n")
    code, out = run("init", str(repo))
    assert code == 0, out
    assert "created 11 files" in out
    assert (repo / "CONTRIBUTING.md").read_text() == "Be kind.\n"
    assert (repo / "docs" / "index.md").read_text() == "# Docs\n"
    code, out = run("check", "--site", str(repo), "--strict")
    assert code == 0 and "0 errors, 0 warnings" in out, out
    code, out = run("build", "--site", str(repo))
    assert code == 0, out
    assert (repo / "_site" / "index.html").is_file()


@pytest.mark.parametrize("there", ["okrsite.toml", "content"])
def test_init_refuses_a_folder_with_its_own_paths_saying_what_to_do(
    tmp_path: Path, there: str
) -> None:
    folder = tmp_path / "repo"
    folder.mkdir()
    (folder / "CONTRIBUTING.md").write_text("x\n")
    if there == "content":
        (folder / "content" / "objectives").mkdir(parents=True)
    else:
        (folder / there).write_text('title = "Ours"\n')
    before = sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))
    code, out = run("init", str(folder))
    assert code == 2, out
    shown = there + ("/" if there == "content" else "")
    assert f"already has {shown}, which okrsite init would write" in out
    assert "okrsite init goals" in out and "--site goals" in out
    assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) == before
    # the way forward it names works
    code, out = run("init", str(folder / "goals"))
    assert code == 0, out
    code, out = run("check", "--site", str(folder / "goals"))
    assert code == 0, out


# ------------------------------------------------------------------ checkin --date
def _timed_day(site: Path) -> Path:
    """Two check-ins of 2026-11-03 stamped with a time, as okrsite checkin writes them."""
    folder = site / "content" / "checkins" / "company" / "faster-support"
    for name, at, value in (("2026-11-03.md", "09:10", 20), ("2026-11-03-2.md", "17:38", 24)):
        (folder / name).write_text(
            "---\nobjective: company/faster-support\n"
            f"date: 2026-11-03T{at}+01:00\nvalues: {{self-serve: {value}}}\n---\n",
            encoding="utf-8",
        )
    return folder


def test_checkin_dated_a_day_with_timed_checkins_is_read_as_its_latest(tmp_path: Path) -> None:
    site = tmp_path / "s"
    init_site(site, today=DAY)
    folder = _timed_day(site)
    code, out = run(
        "checkin", "company/faster-support", "--set", "self-serve=30", "--date", "2026-11-03",
        "--site", str(site),
    )  # fmt: skip
    assert code == 0, out
    assert "OKR311" not in out, out
    written = (folder / "2026-11-03-3.md").read_text(encoding="utf-8")
    assert "date: 2026-11-03T17:39+01:00\n" in written
    assert "stamped 17:39+01:00, after it" in out and '--date "2026-11-03 09:00"' in out
    # the value just entered is the day's: pages and exports show it
    assert _current(site, "company/faster-support", "self-serve", "2026-11-04") == 30
    code, out = run("check", "--site", str(site), "--as-of", "2026-11-04", "--strict")
    assert code == 0, out
    # the same command again is that check-in, not a second one
    code, out = run(
        "checkin", "company/faster-support", "--set", "self-serve=30", "--date", "2026-11-03",
        "--site", str(site),
    )  # fmt: skip
    assert code == 0 and "not written twice" in out, out
    assert not (folder / "2026-11-03-4.md").exists()
    # a time given places it where it says
    code, out = run(
        "checkin", "company/faster-support", "--set", "self-serve=10", "--date",
        "2026-11-03T08:00+01:00", "--site", str(site),
    )  # fmt: skip
    assert code == 0, out
    assert "date: 2026-11-03T08:00+01:00" in (folder / "2026-11-03-4.md").read_text()
    assert _current(site, "company/faster-support", "self-serve", "2026-11-04") == 30


def test_checkin_dated_today_is_stamped_now(tmp_path: Path) -> None:
    site = tmp_path / "s"
    init_site(site)
    code, out = run(
        "checkin", "company/faster-support", "--set", "self-serve=22", "--site", str(site)
    )
    assert code == 0, out
    today = date.today().isoformat()
    code, out = run(
        "checkin", "company/faster-support", "--set", "self-serve=31", "--date", today,
        "--site", str(site),
    )  # fmt: skip
    assert code == 0, out
    assert "OKR311" not in out and "is today: stamped with the time now" in out, out
    folder = site / "content" / "checkins" / "company" / "faster-support"
    # the newest of the day's files: -10 after -9, -3 after -2 (glob order is the folder's)
    latest = max(folder.glob(f"{today}*.md"), key=lambda p: (len(p.name), p.name))
    head = yaml.safe_load(latest.read_text(encoding="utf-8").split("---")[1])
    assert "self-serve: 31" in latest.read_text() and f"{today}T" in str(head["date"])
    assert _current(site, "company/faster-support", "self-serve", today) == 31


def test_checkin_dated_a_day_without_timed_checkins_keeps_the_date(tmp_path: Path) -> None:
    site = tmp_path / "s"
    init_site(site, today=DAY)
    code, out = run(
        "checkin", "company/faster-support", "--set", "self-serve=12", "--date", "2026-11-04",
        "--site", str(site),
    )  # fmt: skip
    assert code == 0, out
    text = (site / "content/checkins/company/faster-support/2026-11-04.md").read_text()
    assert "date: 2026-11-04\n" in text and "note:" not in out


# ------------------------------------------------------------------ figures
REVENUE = """\
---
title: Grow revenue
cycle: 2026-Q4
owner: alex
team: company
key_results:
  - id: revenue
    title: Grow revenue from 1.2 to 1.5 M EUR
    start: 1.2
    target: 1.5
    unit: M EUR
  - id: arr
    title: ARR
    start: 1000000
    target: 2000000
    unit: EUR
  - id: hours
    title: First response
    start: 8
    target: 2
    unit: h
---
"""


@pytest.mark.parametrize(
    "typed, written, current",
    [
        ("revenue=1.35M", "revenue: 1.35", 1.35),
        ("revenue=€1,400,000", "revenue: 1.4", 1.4),
        ("revenue=1.4 M EUR", "revenue: 1.4", 1.4),
        ("arr=€1,400,000", "arr: 1400000", 1400000),
        ("arr=1.4M €", "arr: 1400000", 1400000),
        ("hours=5 h", "hours: 5", 5),
    ],
)
def test_checkin_writes_figures_as_the_number_read(
    tmp_path: Path, typed: str, written: str, current: float
) -> None:
    site = tmp_path / "s"
    init_site(site, today=DAY)
    (site / "content/objectives/company/rev.md").write_text(REVENUE, encoding="utf-8")
    code, out = run(
        "checkin", "company/rev", "--set", typed, "--date", "2026-11-03", "--site", str(site)
    )
    assert code == 0, out
    text = (site / "content/checkins/company/rev/2026-11-03.md").read_text(encoding="utf-8")
    assert f"values: {{{written}}}\n" in text, text
    assert _current(site, "company/rev", typed.split("=")[0], "2026-11-04") == current
    code, out = run("check", "--site", str(site), "--as-of", "2026-11-04", "--strict")
    assert code == 0, out


def test_checkin_keeps_a_figure_the_loader_refuses_as_typed(tmp_path: Path) -> None:
    site = tmp_path / "s"
    init_site(site, today=DAY)
    (site / "content/objectives/company/rev.md").write_text(REVENUE, encoding="utf-8")
    code, out = run(
        "checkin", "company/rev", "--set", "arr=$1,500,000", "--date", "2026-11-03",
        "--site", str(site),
    )  # fmt: skip
    assert code == 1 and "--set 'arr=$1,500,000'" in out and "OKR312" in out, out
    assert not (site / "content/checkins/company/rev").exists()


def test_kpi_reading_with_its_unit_is_written_as_the_number(tmp_path: Path) -> None:
    site = tmp_path / "s"
    init_site(site, today=DAY)
    code, out = run(
        "checkin", "nps", "--value", "41 points", "--date", "2026-11-03", "--site", str(site)
    )
    assert code == 0, out
    assert "value: 41\n" in (site / "content/checkins/nps/2026-11-03.md").read_text()


# ------------------------------------------------------------------ CI placeholder
GUARDED = [
    "github-pr.yml",
    "github-pages.yml",
    "github-pull.yml",
    "gitlab-ci.yml",
    "gitlab-pull.yml",
]


def _install_shell(name: str) -> list[str]:
    """Each job's shell lines up to and including its pip install, in order."""
    data = yaml.safe_load((CI / name).read_text(encoding="utf-8"))
    scripts: list[str] = []
    if name.startswith("github"):
        for job in data["jobs"].values():
            runs = [str(s["run"]) for s in job.get("steps", []) if "run" in s]
            if 'pip install "$OKRSITE_INSTALL"' not in runs:
                continue  # a job that installs nothing (publishing the built site)
            scripts.append("\n".join(runs[: runs.index('pip install "$OKRSITE_INSTALL"') + 1]))
    else:
        for job in data.values():
            if isinstance(job, dict) and 'pip install "$OKRSITE_INSTALL"' in job.get(
                "before_script", []
            ):
                entries = [str(e) for e in job["before_script"] if not e.startswith("apt-get")]
                scripts.append("\n".join(entries))
    return scripts


@pytest.mark.parametrize("name", GUARDED)
def test_ci_placeholder_stops_with_a_message_not_a_pip_error(tmp_path: Path, name: str) -> None:
    text = (CI / name).read_text(encoding="utf-8")
    assert 'OKRSITE_INSTALL: "CHANGE-ME"' in text
    scripts = _install_shell(name)
    assert scripts
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "pip").write_text('#!/bin/sh\necho pip-ran "$@"\n')
    (fake / "pip").chmod(0o755)
    path = f"{fake}:/usr/bin:/bin"
    for script in scripts:
        done = subprocess.run(
            ["sh", "-ec", script], env={"PATH": path, "OKRSITE_INSTALL": "CHANGE-ME"},
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        said = done.stdout + done.stderr
        assert done.returncode == 1 and "pip-ran" not in said, said
        assert "set OKRSITE_INSTALL" in said or "OKRSITE_INSTALL is not set" in said
        assert "git+https://" in said and "not on PyPI" in said
        done = subprocess.run(
            ["sh", "-ec", script],
            env={"PATH": path, "OKRSITE_INSTALL": "git+https://example.org/okrsite@v1"},
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert (
            done.returncode == 0
            and "pip-ran install git+https://example.org/okrsite@v1" in done.stdout
        )
